"""Clause 2 (改善职业院校办学条件): rules/yzf-2021-7/clause-02.yaml."""

from __future__ import annotations

import pytest
from factory import DROP, county, edit, plain_unit, school

RULE = "c2.school-standards"


def two_schools(year: int = 2022, second: object = True) -> dict:
    """东安县 with its public school meeting the standards and a private one meeting them or not
    (``second``).
    """
    report = county(year=year)
    report["schools"].append(
        school("东安县舜德职业学校", ownership="private", year=year, meets_standards=second)
    )
    return report


def test_every_school_meeting_the_standards_passes(unit_results):
    result = unit_results(two_schools())[RULE]
    assert result.status == "pass"
    assert result.observed == pytest.approx(1.0)
    assert result.explanation == "2 / 2 项达标 = 100.0% ≥ 100.0%"


def test_one_school_below_the_standards_in_2022_fails_and_is_named(unit_results):
    result = unit_results(two_schools(second=False))[RULE]
    assert result.status == "fail"
    assert result.observed == pytest.approx(0.5)
    assert result.explanation == "1 / 2 项达标 = 50.0% < 100.0%"
    failing = [item for item in result.items if item.status == "fail"]
    assert [item.name for item in failing] == ["东安县舜德职业学校"]
    assert failing[0].explanation == "办学条件达标 否 ≠ 是"


def test_one_school_below_the_standards_before_2022_is_pending(unit_results):
    assert unit_results(two_schools(year=2021, second=False))[RULE].status == "pending"


def test_every_school_meeting_the_standards_before_2022_already_passes(unit_results):
    assert unit_results(two_schools(year=2021))[RULE].status == "pass"


def test_standards_stay_enforced_after_2022(unit_results):
    assert unit_results(two_schools(year=2024, second=False))[RULE].status == "fail"


def test_a_school_not_saying_whether_it_meets_the_standards_is_missing(unit_results):
    report = edit(two_schools(), {"schools[1].meets_standards": DROP})
    result = unit_results(report)[RULE]
    assert result.status == "missing"
    assert "东安县舜德职业学校" in result.explanation
    assert [item.status for item in result.items] == ["pass", "missing"]


def test_missing_standards_data_before_2022_stay_pending(unit_results):
    report = edit(two_schools(year=2021), {"schools[1].meets_standards": DROP})
    assert unit_results(report)[RULE].status == "pending"


def test_a_unit_without_schools_is_not_applicable(unit_results):
    result = unit_results(plain_unit("金洞管理区", 2022))[RULE]
    assert result.status == "not_applicable"
    assert result.explanation == "没有符合条件的学校、专业或条目"


def test_english_explanation_of_a_failing_school(unit_results):
    result = unit_results(two_schools(second=False), lang="en")[RULE]
    assert result.explanation == "1 of 2 met = 50.0% < 100.0%"
