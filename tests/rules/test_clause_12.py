"""Clause 12 (强化师资培训培养): rules/yzf-2021-7/clause-12.yaml."""

from __future__ import annotations

import pytest
from factory import DROP, city_year, county, replace_unit, without

from zhijiao_check.i18n import Translator

PRACTICE = "c12.enterprise-practice"
DURATION = "c12.practice-duration"
ROTATION = "c12.teacher-rotation"


# ------------------------------------------------------------------------------------ c12.enterprise-practice


def test_teachers_sent_to_enterprise_practice_pass(city_results):
    result = city_results(city_year(2023, practice=[(3, 6), (2, 12)]))[PRACTICE]
    assert result.status == "pass"
    assert result.observed == 5
    assert result.explanation == "2 组企业实践教师合计 5 人 ≥ 1 人"
    english = city_results(city_year(2023, practice=[(3, 6), (2, 12)]), lang="en")[PRACTICE]
    assert english.explanation == "teachers in enterprise practice in 2 groups = 5 persons ≥ 1 person"


def test_no_teacher_sent_to_enterprise_practice_fails(city_results):
    result = city_results(city_year(2023, practice=[]))[PRACTICE]
    assert result.status == "fail"
    assert result.observed == 0


def test_enterprise_practice_given_by_no_school_at_all_is_missing_not_zero(city_results):
    # report-format.md: "Anything a rule needs that the report does not give is *missing*, never zero."
    reports = city_year(2023, practice=[])
    for report in reports:
        for item in report["schools"]:
            del item["enterprise_practice"]
    result = city_results(reports)[PRACTICE]
    assert result.status == "missing"


def test_enterprise_practice_is_not_judged_in_2021(city_results):
    assert city_results(city_year(2021, practice=[]))[PRACTICE].status == "not_applicable"


# ------------------------------------------------------------------------------------ c12.practice-duration


def practising(*groups: tuple[int, float], year: int = 2023) -> dict:
    report = county(year=year)
    report["schools"][0]["enterprise_practice"] = [{"teachers": n, "months": m} for n, m in groups]
    return report


def test_practice_just_short_of_six_months_does_not_read_as_six(unit_results):
    result = unit_results(practising((2, 5.999), (1, 1.5)))[DURATION]
    assert result.status == "fail"
    shown = [item.explanation for item in result.items if item.status == "fail"]
    assert shown == ["实践时长（月） 5.999 < 6", "实践时长（月） 1.5 < 6"]


def test_practice_of_six_months_passes(unit_results):
    result = unit_results(practising((3, 6), (1, 12)))[DURATION]
    assert result.status == "pass"
    assert result.observed == pytest.approx(1.0)


def test_practice_shorter_than_six_months_fails_and_names_the_group(unit_results):
    result = unit_results(practising((3, 6), (2, 5.5)))[DURATION]
    assert result.status == "fail"
    assert result.observed == pytest.approx(0.5)
    [failing] = [item for item in result.items if item.status == "fail"]
    assert (failing.school, failing.name) == ("东安县职业中等专业学校", "enterprise_practice[1]")
    assert failing.school == "东安县职业中等专业学校"
    assert failing.explanation == "实践时长（月） 5.5 < 6"
    # The data names the group by its place in the list; a reader counts from 1, in words.
    assert Translator("zh").render(failing.label) == "东安县职业中等专业学校 · 第 2 组企业实践"
    assert Translator("en").render(failing.label) == "东安县职业中等专业学校 · enterprise practice group 2"


def test_no_practice_group_is_not_applicable(unit_results):
    assert unit_results(practising())[DURATION].status == "not_applicable"


def test_practice_duration_is_not_judged_in_2021(unit_results):
    assert unit_results(practising((1, 2), year=2021))[DURATION].status == "not_applicable"


# ------------------------------------------------------------------------------------ c12.teacher-rotation


def test_every_teacher_rotated_by_2025_passes(city_results):
    result = city_results(city_year(2025, teachers=2000, rotated=2000))[ROTATION]
    assert result.status == "pass"
    assert result.observed == pytest.approx(1.0)
    assert result.explanation == "Σ2000 / Σ2000 = 100.0% ≥ 100.0%"


def test_rotation_short_of_everyone_in_2025_fails(city_results):
    result = city_results(city_year(2025, teachers=2000, rotated=1990))[ROTATION]
    assert result.status == "fail"
    assert result.explanation == "Σ1990 / Σ2000 = 99.5% < 100.0%"


def test_rotation_below_the_linear_schedule_is_behind(city_results):
    # expected(2023) = 100% × 0.6 = 60%
    result = city_results(city_year(2023, teachers=2000, rotated=1180))[ROTATION]
    assert result.status == "behind"
    assert result.observed == pytest.approx(0.59)
    assert result.expected == pytest.approx(0.6)
    assert "线性进度：2023 年应达 60.0%（2025 年目标 100.0%）" in result.notes


def test_rotation_just_below_the_linear_schedule_shows_the_places_that_tell_them_apart(city_results):
    """2530 of 4217 (59.995%) is behind a schedule of 60%: one place would show 60.0% behind 60.0%."""
    result = city_results(city_year(2023, teachers=4217, rotated=2530))[ROTATION]
    assert result.status == "behind"
    assert result.explanation == "Σ2530 / Σ4217 = 59.995% < 100.000%"
    assert result.notes == ("线性进度：2023 年应达 60.000%（2025 年目标 100.000%）",)


def test_rotation_just_above_the_linear_schedule_is_pending_and_shown_above_it(city_results):
    result = city_results(city_year(2023, teachers=20000, rotated=12002), lang="en")[ROTATION]
    assert result.status == "pending"
    assert result.explanation == "Σ12002 / Σ20000 = 60.01% < 100.00%"
    assert result.notes == ("linear schedule: 60.00% expected in 2023 (100.00% due 2025)",)


def test_rotation_exactly_on_the_linear_schedule_is_pending(city_results):
    result = city_results(city_year(2023, teachers=2000, rotated=1200))[ROTATION]
    assert result.status == "pending"


def test_rotation_short_of_everyone_in_2025_fails_though_a_unit_is_absent(city_results):
    """No school rotates more teachers than it has (a cross-field check): the absent unit's teachers can
    bring the city's share closer to 100%, never to it."""
    result = city_results(without(city_year(2025, teachers=2000, rotated=1990), "零陵区"))[ROTATION]
    assert result.status == "fail"
    assert result.explanation.endswith("% < 100.0%")
    assert result.notes == (
        (
            "缺少单位：零陵区（不影响结果：比例不会超过 100.0%，已有单位低于目标，"
            "缺少的单位无论填报什么都不能使其达标）"
        ),
    )


def test_every_teacher_rotated_with_a_unit_absent_is_missing(city_results):
    """The absent unit could have rotated fewer than all its teachers."""
    result = city_results(without(city_year(2025, teachers=2000, rotated=2000), "零陵区"))[ROTATION]
    assert result.status == "missing"
    assert result.notes == ("缺少单位：零陵区",)


def test_rotation_before_2025_with_a_unit_absent_is_pending_not_behind(city_results):
    """Below the schedule over the units given, but the absent unit could bring the share up to it."""
    result = city_results(without(city_year(2023, teachers=2000, rotated=1180), "零陵区"))[ROTATION]
    assert result.status == "pending"
    assert "缺少单位：零陵区" in result.notes


def test_practice_already_reported_passes_though_a_school_gives_no_list(city_results):
    reports = city_year(2023, practice=((3, 6),))
    reports = replace_unit(reports, "冷水滩区", {"schools[0].enterprise_practice": DROP})
    result = city_results(reports)["c12.enterprise-practice"]
    assert result.status == "pass"
    assert result.observed == 3
    assert result.notes == (
        (
            "未填写：冷水滩区: 冷水滩区职业中等专业学校.enterprise_practice；"
            "已给出的数字已达标，未填写的只会增加合计，不影响结果"
        ),
    )


def test_no_practice_reported_and_a_school_giving_no_list_is_missing(city_results):
    reports = city_year(2023, practice=())
    reports = replace_unit(reports, "冷水滩区", {"schools[0].enterprise_practice": DROP})
    assert city_results(reports)["c12.enterprise-practice"].status == "missing"
