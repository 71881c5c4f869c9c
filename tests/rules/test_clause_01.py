"""Clause 1 (夯实中等职业教育基础地位): rules/yzf-2021-7/clause-01.yaml."""

from __future__ import annotations

import pytest
from factory import DROP, city_year, county, edit, line_of, major, plain_unit, replace_unit, without

SHARE = "c1.vocational-share"
FREEZE = "c1.general-plan-freeze"
SEATS = "c1.public-seats"


def share(secondary: int, general: int, year: int = 2023, **changes: object) -> dict:
    return edit(
        county(year=year),
        {"enrollment.secondary_vocational": secondary, "enrollment.general_high_school": general, **changes},
    )


# ------------------------------------------------------------------------------------ c1.vocational-share


def test_vocational_share_below_45_percent_fails_with_the_arithmetic(unit_results):
    result = unit_results(share(1200, 1800))[SHARE]
    assert result.status == "fail"
    assert result.observed == pytest.approx(0.4)
    assert result.explanation == "1200 / (1200 + 1800) = 40.0% < 45.0%"
    assert result.target == {"op": ">=", "value": 0.45}


def test_vocational_share_of_exactly_45_percent_passes(unit_results):
    result = unit_results(share(900, 1100))[SHARE]
    assert result.status == "pass"
    assert result.observed == pytest.approx(0.45)
    assert result.explanation == "900 / (900 + 1100) = 45.0% ≥ 45.0%"


def test_vocational_share_has_no_upper_bound(unit_results):
    result = unit_results(share(1400, 600))[SHARE]
    assert result.status == "pass"
    assert result.observed == pytest.approx(0.7)


def test_vocational_share_explanation_in_english_keeps_the_arithmetic(unit_results):
    result = unit_results(share(1200, 1800), lang="en")[SHARE]
    assert result.explanation == "1200 / (1200 + 1800) = 40.0% < 45.0%"


def test_vocational_share_points_at_the_enrollment_lines(unit_results):
    result = unit_results(share(1234, 1800))[SHARE]
    file = result.locations[0].file
    lines = {location.line for location in result.locations}
    assert line_of(file, "secondary_vocational: 1234") in lines
    assert line_of(file, "general_high_school: 1800") in lines


def test_vocational_share_names_each_place_once(unit_results):
    # secondary_vocational is read in the numerator and the denominator: one place in the file, shown once.
    result = unit_results(share(1234, 1800))[SHARE]
    assert [location.line for location in result.locations] == sorted(
        {location.line for location in result.locations}
    )
    assert len(result.locations) == 2


def test_vocational_share_with_enrollment_absent_is_missing(unit_results):
    result = unit_results(share(1200, 1800, **{"enrollment.general_high_school": DROP}))[SHARE]
    assert result.status == "missing"
    assert result.observed is None
    assert "enrollment.general_high_school" in result.explanation


def test_vocational_share_with_no_enrollment_at_all_is_not_applicable(unit_results):
    result = unit_results(share(0, 0))[SHARE]
    assert result.status == "not_applicable"
    assert result.explanation == "分母（中职招生 + 普通高中招生）为 0，无法计算比例"


def test_vocational_share_is_not_judged_in_2021(unit_results):
    result = unit_results(share(1200, 1800, year=2021))[SHARE]
    assert result.status == "not_applicable"
    assert result.explanation == "自 2022 年起判定"


def test_vocational_share_is_judged_from_2022(unit_results):
    assert unit_results(share(1200, 1800, year=2022))[SHARE].status == "fail"


def test_vocational_share_is_a_county_rule_only(unit_results):
    results = unit_results(plain_unit("回龙圩管理区", 2023))
    assert SHARE not in results
    assert FREEZE not in results


# ------------------------------------------------------------------------------------ c1.general-plan-freeze


def plan(current: int, nxt: int, secondary: int = 1200, general: int = 1800, year: int = 2023) -> dict:
    """A county whose share is 1200 / 3000 = 40% (failing) unless told otherwise, with this plan."""
    return share(
        secondary,
        general,
        year=year,
        **{"general_high_school_plan.current": current, "general_high_school_plan.next": nxt},
    )


def test_plan_freeze_fails_when_share_fails_and_the_plan_grows(unit_results):
    result = unit_results(plan(1200, 1320))[FREEZE]
    assert result.status == "fail"
    assert result.observed == 1320
    assert result.target == {"op": "<=", "value": 1200}
    assert result.explanation == "下一年度普高招生计划 1320 人 > 当年普高招生计划 1200 人"


def test_plan_freeze_passes_when_the_plan_stays_the_same(unit_results):
    result = unit_results(plan(1200, 1200))[FREEZE]
    assert result.status == "pass"
    assert result.explanation == "下一年度普高招生计划 1200 人 ≤ 当年普高招生计划 1200 人"


def test_plan_freeze_passes_when_the_plan_shrinks(unit_results):
    assert unit_results(plan(1300, 1250))[FREEZE].status == "pass"


def test_plan_freeze_does_not_apply_when_the_share_passes(unit_results):
    result = unit_results(plan(1200, 1500, secondary=1300, general=1300))[FREEZE]
    assert result.status == "not_applicable"
    assert result.observed is None
    assert result.explanation == "仅当 c1.vocational-share 未达标时适用（本次达标）"


def test_plan_freeze_does_not_apply_when_the_share_is_missing(unit_results):
    report = edit(plan(1200, 1500), {"enrollment.secondary_vocational": DROP})
    result = unit_results(report)[FREEZE]
    assert result.status == "not_applicable"
    assert result.explanation == "仅当 c1.vocational-share 未达标时适用（本次缺少数据）"


def test_plan_freeze_says_in_english_what_the_share_does(unit_results):
    passing = unit_results(plan(1200, 1500, secondary=1300, general=1300), lang="en")[FREEZE]
    assert passing.explanation == "applies only when c1.vocational-share fails (it passes)"
    missing = unit_results(edit(plan(1200, 1500), {"enrollment.secondary_vocational": DROP}), lang="en")[
        FREEZE
    ]
    assert missing.explanation == "applies only when c1.vocational-share fails (it lacks data)"


def test_plan_freeze_with_next_plan_absent_is_missing(unit_results):
    report = edit(plan(1200, 1500), {"general_high_school_plan.next": DROP})
    result = unit_results(report)[FREEZE]
    assert result.status == "missing"
    assert "general_high_school_plan.next" in result.explanation


def test_plan_freeze_is_not_judged_in_2021(unit_results):
    assert unit_results(plan(1200, 1500, year=2021))[FREEZE].status == "not_applicable"


# ------------------------------------------------------------------------------------ c1.public-seats


def test_public_seats_of_exactly_25000_by_2023_pass(city_results):
    result = city_results(city_year(2023, seats=25000))[SEATS]
    assert result.status == "pass"
    assert result.observed == 25000
    assert result.explanation == "15 个单位公办中职学位数合计 25000 ≥ 25000"


def test_public_seats_below_25000_in_2023_fail(city_results):
    result = city_results(city_year(2023, seats=24999))[SEATS]
    assert result.status == "fail"
    assert result.observed == 24999
    assert result.explanation == "15 个单位公办中职学位数合计 24999 < 25000"


def test_public_seats_below_target_before_2023_are_pending_not_behind(city_results):
    result = city_results(city_year(2022, seats=10000))[SEATS]
    assert result.status == "pending"
    assert result.observed == 10000


def test_public_seats_already_met_before_2023_pass(city_results):
    assert city_results(city_year(2022, seats=25000))[SEATS].status == "pass"


def test_public_seats_stay_enforced_after_2023(city_results):
    assert city_results(city_year(2024, seats=24999))[SEATS].status == "fail"


def test_public_seats_absent_in_one_unit_are_missing_naming_it(city_results):
    reports = replace_unit(city_year(2023), "东安县", {"public_secondary_vocational_seats": DROP})
    result = city_results(reports)[SEATS]
    assert result.status == "missing"
    assert "东安县" in result.explanation


def test_public_seats_absent_in_one_unit_before_2023_stay_pending(city_results):
    reports = replace_unit(city_year(2022), "东安县", {"public_secondary_vocational_seats": DROP})
    assert city_results(reports)[SEATS].status == "pending"


def test_public_seats_already_met_without_a_unit_pass_naming_the_unit(city_results):
    # 14 units already give 30,000 seats: the missing unit could only add to them.
    result = city_results(without(city_year(2023, seats=30000), "零陵区"))[SEATS]
    assert result.status == "pass"
    assert result.observed == 27500
    assert result.notes == ("缺少单位：零陵区（不影响结果：已达标，缺少的单位只会增加合计或计数）",)


def test_public_seats_not_yet_met_without_a_unit_are_missing_naming_the_unit(city_results):
    result = city_results(without(city_year(2023, seats=26000), "零陵区"))[SEATS]
    assert result.status == "missing"
    assert result.observed == 23833  # computed over what is there
    assert result.notes[0].startswith("最少的 5 个单位：")  # of those there
    assert result.notes[1:] == ("缺少单位：零陵区",)


def test_public_seats_met_by_14_units_in_english(city_results):
    result = city_results(without(city_year(2023, seats=30000), "零陵区"), lang="en")[SEATS]
    assert result.status == "pass"
    assert result.notes == (
        (
            "units missing: 零陵区 (they cannot change the outcome: the target is met, "
            "and they could only add)"
        ),
    )


# ------------------------------------------------------------------------------------ counts, due 2025,
# linear


@pytest.mark.parametrize(
    ("rule", "figure", "target"),
    [
        ("c1.quality-schools", "quality_schools", 6),
        ("c1.quality-majors", "quality_majors", 10),
        ("c1.chuyi-schools", "chuyi_schools", 2),
    ],
)
def test_count_at_target_in_2025_passes(city_results, rule, figure, target):
    result = city_results(city_year(2025, **{figure: target}))[rule]
    assert result.status == "pass"
    assert result.observed == target
    assert result.explanation.startswith(f"{target} ≥ {target}：")


@pytest.mark.parametrize(
    ("rule", "figure", "target"),
    [
        ("c1.quality-schools", "quality_schools", 6),
        ("c1.quality-majors", "quality_majors", 10),
        ("c1.chuyi-schools", "chuyi_schools", 2),
    ],
)
def test_count_one_below_target_in_2025_fails(city_results, rule, figure, target):
    result = city_results(city_year(2025, **{figure: target - 1}))[rule]
    assert result.status == "fail"
    assert result.observed == target - 1
    assert result.explanation.startswith(f"{target - 1} < {target}")


def test_quality_schools_are_named_in_the_explanation(city_results):
    result = city_results(city_year(2025, quality_schools=2))["c1.quality-schools"]
    assert result.explanation == "2 < 6：零陵区职业中等专业学校、冷水滩区职业中等专业学校"


def test_quality_majors_of_one_name_at_two_schools_are_each_said_with_their_school(city_results):
    # 零陵区's and 东安县's 机电技术应用 are two majors: said bare, the list would read as one counted twice.
    reports = city_year(2025, quality_majors=3)
    reports = replace_unit(
        reports, "东安县", {"schools[0].majors": [major("机电技术应用", designations=["quality"])]}
    )
    result = city_results(reports)["c1.quality-majors"]
    assert result.observed == 4
    assert result.explanation == (
        "4 < 10：机电技术应用（零陵区职业中等专业学校）、电子技术应用、数控技术应用、"
        "机电技术应用（东安县职业中等专业学校）"
    )
    english = city_results(reports, lang="en")["c1.quality-majors"]
    assert english.explanation == (
        "4 < 10: 机电技术应用 (零陵区职业中等专业学校), 电子技术应用, 数控技术应用, "
        "机电技术应用 (东安县职业中等专业学校)"
    )


def test_quality_schools_below_the_linear_schedule_are_behind(city_results):
    # expected(2023) = 6 × 3 / 5 = 3.6
    result = city_results(city_year(2023, quality_schools=3))["c1.quality-schools"]
    assert result.status == "behind"
    assert result.observed == 3
    assert result.expected == pytest.approx(3.6)
    assert "线性进度：2023 年应达 3.6（2025 年目标 6）" in result.notes


def test_quality_schools_on_the_linear_schedule_are_pending(city_results):
    result = city_results(city_year(2023, quality_schools=4))["c1.quality-schools"]
    assert result.status == "pending"
    assert result.expected == pytest.approx(3.6)


def test_quality_schools_already_met_before_2025_pass(city_results):
    assert city_results(city_year(2023, quality_schools=6))["c1.quality-schools"].status == "pass"


def test_quality_majors_below_the_linear_schedule_are_behind(city_results):
    # expected(2023) = 10 × 0.6 = 6
    result = city_results(city_year(2023, quality_majors=5))["c1.quality-majors"]
    assert result.status == "behind"
    assert result.expected == pytest.approx(6)


def test_quality_majors_exactly_on_the_linear_schedule_are_pending(city_results):
    assert city_results(city_year(2023, quality_majors=6))["c1.quality-majors"].status == "pending"


def test_chuyi_schools_below_the_linear_schedule_are_behind(city_results):
    # expected(2023) = 2 × 0.6 = 1.2
    result = city_results(city_year(2023, chuyi_schools=1))["c1.chuyi-schools"]
    assert result.status == "behind"
    assert result.expected == pytest.approx(1.2)


def test_chuyi_schools_above_the_2022_schedule_are_pending(city_results):
    # expected(2022) = 2 × 0.4 = 0.8
    result = city_results(city_year(2022, chuyi_schools=1))["c1.chuyi-schools"]
    assert result.status == "pending"
    assert result.expected == pytest.approx(0.8)


def test_quality_schools_with_a_unit_absent_in_2025_are_missing(city_results):
    result = city_results(without(city_year(2025), "零陵区"))["c1.quality-schools"]
    assert result.status == "missing"
    assert any("零陵区" in note for note in result.notes)


# ------------------------------------------------------------------------------------ shares at the boundary


@pytest.mark.parametrize(
    ("secondary", "general", "text"),
    [
        (2249, 2751, "2249 / (2249 + 2751) = 44.98% < 45.00%"),
        (44999, 55001, "44999 / (44999 + 55001) = 44.999% < 45.000%"),
        (4501, 5499, "4501 / (4501 + 5499) = 45.01% ≥ 45.00%"),
        (2250, 2750, "2250 / (2250 + 2750) = 45.0% ≥ 45.0%"),
    ],
)
def test_a_share_next_to_45_percent_shows_the_digits_that_tell_it_apart(
    unit_results, secondary, general, text
):
    result = unit_results(share(secondary, general))[SHARE]
    assert result.explanation == text
    assert result.status == ("pass" if secondary * 100 >= 45 * (secondary + general) else "fail")


def test_the_share_reading_names_the_aim_and_the_floor():
    from factory import builtin_packs

    rule = next(r for r in builtin_packs()[0].rules if r.id == SHARE)
    assert "大体相当" in rule.interpretation.zh and "下限" in rule.interpretation.zh
    assert "roughly equal" in rule.interpretation.en and "floor" in rule.interpretation.en


# ------------------------------------------------------------------------------------ levels: 中职 only


def test_a_higher_college_designated_quality_school_is_not_counted(city_results):
    reports = city_year(2025, quality_schools=5)
    reports = replace_unit(reports, "永州市本级", {"schools[1].designations": ["quality_school"]})
    result = city_results(reports)["c1.quality-schools"]
    assert result.status == "fail"
    assert result.observed == 5
    assert "永州师范高等专科学校" not in result.explanation


def test_quality_majors_of_a_higher_college_are_not_counted(city_results):
    reports = city_year(2025, quality_majors=9)
    reports = replace_unit(reports, "永州市本级", {"schools[1].majors[0].designations": ["quality"]})
    result = city_results(reports)["c1.quality-majors"]
    assert result.status == "fail"
    assert result.observed == 9


def test_a_quality_major_of_a_secondary_school_of_the_city_counts(city_results):
    reports = city_year(2025, quality_majors=9)
    reports = replace_unit(
        reports,
        "永州市本级",
        {
            "schools[3].majors": [
                {
                    "name": "中餐烹饪",
                    "cluster": "农产品精深加工",
                    "rating": "green",
                    "evaluated_in": 2025,
                    "enrollment": 80,
                    "previous_enrollment": 70,
                    "pilot_1x": False,
                    "designations": ["quality"],
                }
            ]
        },
    )
    result = city_results(reports)["c1.quality-majors"]
    assert result.status == "pass"
    assert result.observed == 10
