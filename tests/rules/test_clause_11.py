"""Clause 11 (建设“双师型”教师队伍): rules/yzf-2021-7/clause-11.yaml."""

from __future__ import annotations

import pytest
from factory import DROP, city_year, replace_unit, without

RULE = "c11.dual-qualified-share"


def test_dual_qualified_share_of_exactly_50_percent_by_2025_passes(city_results):
    result = city_results(city_year(2025, teachers=2000, dual=1000))[RULE]
    assert result.status == "pass"
    assert result.observed == pytest.approx(0.5)
    assert result.explanation == "Σ1000 / Σ2000 = 50.0% ≥ 50.0%"


def test_dual_qualified_share_below_50_percent_in_2025_fails(city_results):
    result = city_results(city_year(2025, teachers=2000, dual=998))[RULE]
    assert result.status == "fail"
    assert result.observed == pytest.approx(0.499)
    assert result.explanation == "Σ998 / Σ2000 = 49.9% < 50.0%"


def test_dual_qualified_share_below_target_before_2025_is_pending_never_behind(city_results):
    result = city_results(city_year(2023, teachers=4217, dual=1000))[RULE]
    assert result.status == "pending"
    assert result.expected is None


def test_each_units_own_share_is_listed_under_the_city_wide_one(city_results):
    reports = replace_unit(
        city_year(2025),
        "东安县",
        {
            "schools[0].teachers": 100,
            "schools[0].dual_qualified_teachers": 20,
            "schools[0].teachers_rotated": 100,
        },
    )
    result = city_results(reports)[RULE]
    shares = {item.name: item for item in result.items}
    assert shares["东安县"].observed == pytest.approx(0.2)
    assert shares["东安县"].status == "fail"
    assert shares["东安县"].explanation == "20 / 100 = 20.0% < 50.0%"
    assert "回龙圩管理区" not in shares  # no school, no share


def test_a_school_not_giving_its_teachers_is_missing(city_results):
    reports = replace_unit(
        city_year(2025),
        "蓝山县",
        {
            "schools[0].teachers": DROP,
            "schools[0].dual_qualified_teachers": DROP,
            "schools[0].teachers_rotated": DROP,
        },
    )
    result = city_results(reports)[RULE]
    assert result.status == "missing"
    assert "蓝山县" in result.explanation


def test_dual_qualified_share_with_a_unit_absent_is_missing(city_results):
    result = city_results(without(city_year(2025), "新田县"))[RULE]
    assert result.status == "missing"
    assert result.notes[-1] == "缺少单位：新田县"
