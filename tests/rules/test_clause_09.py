"""Clause 9 (实施集团化办学): rules/yzf-2021-7/clause-09.yaml."""

from __future__ import annotations

import pytest
from factory import CITY, DROP, city_year, replace_unit

RULE = "c9.vocational-groups"


def test_three_groups_by_2025_pass(city_results):
    result = city_results(city_year(2025, groups=3))[RULE]
    assert result.status == "pass"
    assert result.observed == 3
    assert (
        result.explanation
        == "3 ≥ 3：永州职业技术学院职教集团、湖南九嶷职业技术学院职教集团、永州师范高等专科学校职教集团"
    )


def test_two_groups_in_2025_fail(city_results):
    result = city_results(city_year(2025, groups=2))[RULE]
    assert result.status == "fail"
    assert result.explanation == "2 < 3：永州职业技术学院职教集团、湖南九嶷职业技术学院职教集团"


def test_groups_below_the_linear_schedule_are_behind(city_results):
    # expected(2023) = 3 × 0.6 = 1.8
    result = city_results(city_year(2023, groups=1))[RULE]
    assert result.status == "behind"
    assert result.expected == pytest.approx(1.8)


def test_groups_above_the_linear_schedule_are_pending(city_results):
    # expected(2022) = 3 × 0.4 = 1.2
    assert city_results(city_year(2022, groups=2))[RULE].status == "pending"


def test_groups_not_given_in_2025_are_missing(city_results):
    reports = replace_unit(city_year(2025), CITY, {"city.vocational_groups": DROP})
    assert city_results(reports)[RULE].status == "missing"
