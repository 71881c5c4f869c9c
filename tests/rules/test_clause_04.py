"""Clause 4 (统筹专业对接产业布局): rules/yzf-2021-7/clause-04.yaml."""

from __future__ import annotations

import pytest
from factory import DROP, city_year, county, edit, major, replace_unit, school, without

INDUSTRIES = "c4.leading-industries"
CYCLE = "c4.major-evaluation-cycle"
YELLOW = "c4.yellow-majors-shrink"
RED = "c4.red-majors-phase-out"
DEMONSTRATION = "c4.demonstration-majors"
CHUYI = "c4.chuyi-majors"
HIGH_LEVEL = "c4.high-level-majors"


def with_majors(*majors: dict, year: int = 2023) -> dict:
    """东安县 whose public school offers these majors (besides its green 机电技术应用)."""
    report = county(year=year)
    report["schools"][0]["majors"] += list(majors)
    return report


# ------------------------------------------------------------------------------------ c4.leading-industries


@pytest.mark.parametrize("industries", [["先进装备制造"], ["先进装备制造", "农产品精深加工"]])
def test_one_or_two_leading_industries_pass(unit_results, industries):
    result = unit_results(county(year=2023, leading_industries=industries))[INDUSTRIES]
    assert result.status == "pass"
    assert result.observed == len(industries)
    assert result.explanation == f"{len(industries)} ∈ 1–2：" + "、".join(industries)


def test_three_leading_industries_fail(unit_results):
    industries = ["先进装备制造", "轻纺箱包制鞋", "新材料"]
    result = unit_results(county(year=2023, leading_industries=industries))[INDUSTRIES]
    assert result.status == "fail"
    assert result.observed == 3
    assert result.explanation == "3 ∉ 1–2：先进装备制造、轻纺箱包制鞋、新材料"
    assert result.target == {"op": "between", "value": [1, 2]}


def test_no_leading_industry_fails(unit_results):
    result = unit_results(county(year=2023, leading_industries=[]))[INDUSTRIES]
    assert result.status == "fail"
    assert result.explanation == "0 ∉ 1–2"


def test_leading_industries_not_given_are_missing(unit_results):
    result = unit_results(county(year=2023, leading_industries=DROP))[INDUSTRIES]
    assert result.status == "missing"
    assert "leading_industries" in result.explanation


def test_leading_industries_are_not_judged_in_2021(unit_results):
    assert unit_results(county(year=2021, leading_industries=[]))[INDUSTRIES].status == "not_applicable"


# ------------------------------------------------------------------------------------
# c4.major-evaluation-cycle


def test_major_evaluated_two_years_ago_is_within_the_cycle(unit_results):
    result = unit_results(with_majors(major("会计事务", evaluated_in=2021)))[CYCLE]
    assert result.status == "pass"
    assert result.observed == pytest.approx(1.0)


def test_major_evaluated_three_years_ago_fails_and_is_named_with_its_school(unit_results):
    result = unit_results(with_majors(major("会计事务", evaluated_in=2020)))[CYCLE]
    assert result.status == "fail"
    assert result.observed == pytest.approx(0.5)
    assert result.explanation == "1 / 2 项达标 = 50.0% < 100.0%"
    [failing] = [item for item in result.items if item.status == "fail"]
    assert (failing.school, failing.name) == ("东安县职业中等专业学校", "会计事务")
    assert failing.explanation == "最近评估年份 2020 < 2023-2 = 2021"


def test_major_with_no_evaluation_year_is_missing(unit_results):
    report = with_majors(major("会计事务", evaluated_in=DROP))
    result = unit_results(report)[CYCLE]
    assert result.status == "missing"
    assert "会计事务" in result.explanation


def test_evaluation_cycle_is_not_judged_before_2023(unit_results):
    result = unit_results(with_majors(major("会计事务", year=2022, evaluated_in=2015), year=2022))[CYCLE]
    assert result.status == "not_applicable"
    assert result.explanation == "自 2023 年起判定"


def test_majors_of_higher_colleges_are_not_in_the_cycle(unit_results):
    report = county(year=2023)
    report["schools"].append(
        school(
            "东安县高职学院", level="higher", year=2023, majors=[major("护理", year=2023, evaluated_in=2010)]
        )
    )
    result = unit_results(report)[CYCLE]
    assert result.status == "pass"
    assert [item.name for item in result.items] == ["机电技术应用"]


def test_a_higher_college_that_lists_no_majors_does_not_make_the_cycle_miss_data(unit_results):
    report = county(year=2023)
    report["schools"].append(school("东安县高职学院", level="higher", year=2023, majors=DROP))
    result = unit_results(report)[CYCLE]
    assert result.status == "pass"
    assert [item.name for item in result.items] == ["机电技术应用"]


def test_evaluation_cycle_with_no_secondary_major_is_not_applicable(unit_results):
    report = county(year=2023)
    report["schools"][0]["majors"] = []
    assert unit_results(report)[CYCLE].status == "not_applicable"


# ------------------------------------------------------------------------------------ c4.yellow-majors-shrink


def yellow(enrollment: object, previous: object) -> dict:
    return with_majors(
        major("汽车运用与维修", rating="yellow", enrollment=enrollment, previous_enrollment=previous)
    )


def test_yellow_major_enrolling_fewer_passes(unit_results):
    result = unit_results(yellow(140, 150))[YELLOW]
    assert result.status == "pass"
    assert [item.explanation for item in result.items] == ["当年招生 140 < 上年招生 150"]


def test_yellow_major_enrolling_more_fails_and_is_named(unit_results):
    result = unit_results(yellow(165, 150))[YELLOW]
    assert result.status == "fail"
    assert result.observed == pytest.approx(0.0)
    assert result.explanation == "0 / 1 项达标 = 0.0% < 100.0%"
    [item] = result.items
    assert (item.school, item.name, item.status) == ("东安县职业中等专业学校", "汽车运用与维修", "fail")
    assert item.explanation == "当年招生 165 ≥ 上年招生 150；当年招生 165 ≠ 0"


def test_yellow_major_enrolling_the_same_fails(unit_results):
    assert unit_results(yellow(150, 150))[YELLOW].status == "fail"


def test_yellow_major_with_no_students_in_both_years_passes(unit_results):
    assert unit_results(yellow(0, 0))[YELLOW].status == "pass"


def test_yellow_major_without_last_years_enrollment_is_missing(unit_results):
    result = unit_results(yellow(140, DROP))[YELLOW]
    assert result.status == "missing"
    assert "汽车运用与维修" in result.explanation


def test_no_yellow_major_is_not_applicable(unit_results):
    assert unit_results(with_majors(major("会计事务")))[YELLOW].status == "not_applicable"


def test_only_yellow_majors_are_judged_by_the_yellow_rule(unit_results):
    report = with_majors(
        major("会计事务", rating="green", enrollment=200, previous_enrollment=100),
        major("汽车运用与维修", rating="yellow", enrollment=80, previous_enrollment=100),
    )
    result = unit_results(report)[YELLOW]
    assert result.status == "pass"
    assert [item.name for item in result.items] == ["汽车运用与维修"]


def test_yellow_majors_are_not_judged_in_2021(unit_results):
    report = edit(yellow(165, 150), {"year": 2021})
    assert unit_results(report)[YELLOW].status == "not_applicable"


# ------------------------------------------------------------------------------------ c4.red-majors-phase-out


def red(enrollment: int, previous: int) -> dict:
    return with_majors(major("会计事务", rating="red", enrollment=enrollment, previous_enrollment=previous))


@pytest.mark.parametrize(("enrollment", "previous"), [(45, 80), (0, 45), (0, 0)])
def test_red_major_enrolling_fewer_or_none_passes(unit_results, enrollment, previous):
    assert unit_results(red(enrollment, previous))[RED].status == "pass"


def test_red_major_enrolling_more_fails_and_is_named(unit_results):
    result = unit_results(red(50, 45))[RED]
    assert result.status == "fail"
    [item] = result.items
    assert (item.school, item.name) == ("东安县职业中等专业学校", "会计事务")
    assert item.explanation == "当年招生 50 ≥ 上年招生 45；当年招生 50 ≠ 0"


def test_red_major_enrolling_the_same_fails(unit_results):
    assert unit_results(red(45, 45))[RED].status == "fail"


def test_no_red_major_is_not_applicable(unit_results):
    assert (
        unit_results(with_majors(major("会计事务", rating="yellow", enrollment=1)))[RED].status
        == "not_applicable"
    )


# ------------------------------------------------------------------------------------ c4.demonstration-majors


def test_twenty_demonstration_majors_by_2025_pass(city_results):
    result = city_results(city_year(2025, demonstration_majors=20))[DEMONSTRATION]
    assert result.status == "pass"
    assert result.observed == 20


@pytest.mark.parametrize("count", [19, 18])
def test_eighteen_or_nineteen_demonstration_majors_warn(city_results, count):
    result = city_results(city_year(2025, demonstration_majors=count))[DEMONSTRATION]
    assert result.status == "warn"
    assert result.observed == count
    assert result.explanation.startswith(f"{count} < 20：")
    assert result.notes == ("在 20 的 ±10% 以内（≥ 18）：提醒",)  # why it is not a fail


def test_demonstration_majors_within_tolerance_with_a_unit_absent_are_missing_without_the_tolerance_note(
    city_results,
):
    result = city_results(without(city_year(2025, demonstration_majors=18), "金洞管理区"))[DEMONSTRATION]
    assert result.status == "missing"
    assert result.notes == ("缺少单位：金洞管理区",)


def test_seventeen_demonstration_majors_fail(city_results):
    result = city_results(city_year(2025, demonstration_majors=17))[DEMONSTRATION]
    assert result.status == "fail"
    assert result.observed == 17


def test_demonstration_majors_below_the_linear_schedule_are_behind(city_results):
    # expected(2023) = 20 × 0.6 = 12
    result = city_results(city_year(2023, demonstration_majors=11))[DEMONSTRATION]
    assert result.status == "behind"
    assert result.expected == pytest.approx(12)
    assert "线性进度：2023 年应达 12（2025 年目标 20）" in result.notes


def test_demonstration_majors_on_the_linear_schedule_are_pending(city_results):
    assert city_results(city_year(2023, demonstration_majors=12))[DEMONSTRATION].status == "pending"


def test_demonstration_majors_within_tolerance_before_2025_are_pending_not_warn(city_results):
    result = city_results(city_year(2023, demonstration_majors=18))[DEMONSTRATION]
    assert result.status == "pending"
    assert not any("±10%" in note for note in result.notes)


def test_demonstration_majors_explanation_names_eight_and_counts_the_rest(city_results):
    result = city_results(
        city_year(2025, demonstration_majors=11, quality_majors=0, chuyi_majors=0, pilot_majors=0)
    )[DEMONSTRATION]
    assert result.explanation.endswith("等（另 3 个）")
    assert len(result.locations) == 11


# ------------------------------------------------------------------------------------ c4.chuyi-majors


def test_five_chuyi_majors_by_2025_pass(city_results):
    result = city_results(city_year(2025, chuyi_majors=5))[CHUYI]
    assert result.status == "pass"
    assert result.notes == ()


def test_four_chuyi_majors_in_2025_fail(city_results):
    result = city_results(city_year(2025, chuyi_majors=4))[CHUYI]
    assert result.status == "fail"
    assert result.observed == 4


def test_more_than_eight_chuyi_majors_pass_with_a_note(city_results):
    result = city_results(city_year(2025, chuyi_majors=9))[CHUYI]
    assert result.status == "pass"
    assert result.notes == ("共 9 个，超过政策区间 ≥ 5 的上限 8：如实报告，不判失败",)


def test_chuyi_majors_below_the_linear_schedule_are_behind(city_results):
    # expected(2023) = 5 × 0.6 = 3
    result = city_results(city_year(2023, chuyi_majors=2))[CHUYI]
    assert result.status == "behind"
    assert result.expected == pytest.approx(3)


def test_chuyi_majors_on_the_linear_schedule_are_pending(city_results):
    assert city_results(city_year(2023, chuyi_majors=3))[CHUYI].status == "pending"


# ------------------------------------------------------------------------------------ c4.high-level-majors


def test_three_high_level_majors_by_2025_pass(city_results):
    result = city_results(city_year(2025, high_level_majors=3))[HIGH_LEVEL]
    assert result.status == "pass"
    assert result.explanation == "3 ≥ 3：电子信息工程技术、药品生产技术、智能控制技术"


def test_two_high_level_majors_in_2025_fail(city_results):
    assert city_results(city_year(2025, high_level_majors=2))[HIGH_LEVEL].status == "fail"


def test_a_secondary_major_marked_high_level_is_not_counted(city_results):
    reports = replace_unit(
        city_year(2025, high_level_majors=2), "东安县", {"schools[0].majors[0].designations": ["high_level"]}
    )
    result = city_results(reports)[HIGH_LEVEL]
    assert result.status == "fail"
    assert result.observed == 2


def test_more_than_five_high_level_majors_pass_with_a_note(city_results):
    result = city_results(city_year(2025, high_level_majors=6))[HIGH_LEVEL]
    assert result.status == "pass"
    assert len(result.notes) == 1


def test_high_level_majors_below_the_linear_schedule_are_behind(city_results):
    # expected(2023) = 3 × 0.6 = 1.8
    result = city_results(city_year(2023, high_level_majors=1))[HIGH_LEVEL]
    assert result.status == "behind"
    assert result.expected == pytest.approx(1.8)


def test_high_level_majors_above_the_linear_schedule_are_pending(city_results):
    assert city_results(city_year(2023, high_level_majors=2))[HIGH_LEVEL].status == "pending"


def test_high_level_majors_already_counted_with_a_unit_absent_pass(city_results):
    result = city_results(without(city_year(2025), "双牌县"))[HIGH_LEVEL]
    assert result.status == "pass"
    assert result.notes[-1] == "缺少单位：双牌县（不影响结果：已达标，缺少的单位只会增加合计或计数）"


def test_high_level_majors_short_with_a_unit_absent_are_missing(city_results):
    result = city_results(without(city_year(2025, high_level_majors=2), "双牌县"))[HIGH_LEVEL]
    assert result.status == "missing"
    assert result.notes[-1] == "缺少单位：双牌县"


def test_higher_college_demonstration_majors_do_not_lift_17_to_20(city_results):
    reports = city_year(2025, demonstration_majors=17)
    reports = replace_unit(
        reports,
        "永州市本级",
        {
            "schools[0].majors[0].designations": ["demonstration"],
            "schools[1].majors[0].designations": ["demonstration"],
            "schools[2].majors[0].designations": ["demonstration"],
        },
    )
    result = city_results(reports)[DEMONSTRATION]
    assert result.status == "fail"
    assert result.observed == 17
