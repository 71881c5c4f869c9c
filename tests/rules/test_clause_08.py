"""Clause 8 (建设产教融合示范园区): rules/yzf-2021-7/clause-08.yaml."""

from __future__ import annotations

import pytest
from factory import CITY, DROP, city_year, replace_unit

PARKS = "c8.demonstration-parks"
ENTERPRISES = "c8.demonstration-enterprises"


# ------------------------------------------------------------------------------------ c8.demonstration-parks


def test_seven_parks_by_2025_pass(city_results):
    result = city_results(city_year(2025, parks=7))[PARKS]
    assert result.status == "pass"
    assert result.observed == 7


def test_six_parks_in_2025_fail(city_results):
    result = city_results(city_year(2025, parks=6))[PARKS]
    assert result.status == "fail"
    assert result.explanation.startswith("6 < 7：永州生物医药产教融合示范园、")


def test_parks_below_the_linear_schedule_are_behind(city_results):
    # expected(2023) = 7 × 0.6 = 4.2
    result = city_results(city_year(2023, parks=4))[PARKS]
    assert result.status == "behind"
    assert result.expected == pytest.approx(4.2)
    assert "线性进度：2023 年应达 4.2（2025 年目标 7）" in result.notes


def test_parks_above_the_linear_schedule_are_pending(city_results):
    assert city_results(city_year(2023, parks=5))[PARKS].status == "pending"


def test_parks_not_given_in_2025_are_missing(city_results):
    reports = replace_unit(city_year(2025), CITY, {"city.demonstration_parks": DROP})
    result = city_results(reports)[PARKS]
    assert result.status == "missing"
    assert result.explanation == "缺少数据：永州市本级: city.demonstration_parks"


def test_parks_not_given_before_2025_stay_pending(city_results):
    reports = replace_unit(city_year(2023), CITY, {"city.demonstration_parks": DROP})
    assert city_results(reports)[PARKS].status == "pending"


# ------------------------------------------------------------------------------------
# c8.demonstration-enterprises


def test_thirty_enterprises_by_2025_pass(city_results):
    result = city_results(city_year(2025, enterprises=30))[ENTERPRISES]
    assert result.status == "pass"
    assert result.explanation == "产教融合示范性企业 30 ≥ 30"


def test_twenty_nine_enterprises_in_2025_fail(city_results):
    result = city_results(city_year(2025, enterprises=29))[ENTERPRISES]
    assert result.status == "fail"
    assert result.observed == 29
    assert result.explanation == "产教融合示范性企业 29 < 30"


def test_enterprises_below_the_linear_schedule_are_behind(city_results):
    # expected(2023) = 30 × 0.6 = 18
    result = city_results(city_year(2023, enterprises=17))[ENTERPRISES]
    assert result.status == "behind"
    assert result.observed == 17
    assert result.expected == pytest.approx(18)
    assert "线性进度：2023 年应达 18（2025 年目标 30）" in result.notes


def test_enterprises_exactly_on_the_linear_schedule_are_pending(city_results):
    result = city_results(city_year(2023, enterprises=18))[ENTERPRISES]
    assert result.status == "pending"


def test_enterprises_in_2022_against_the_2022_schedule(city_results):
    # expected(2022) = 30 × 0.4 = 12: the sample's 8 is behind
    result = city_results(city_year(2022, enterprises=8))[ENTERPRISES]
    assert result.status == "behind"
    assert result.expected == pytest.approx(12)


def test_enterprises_not_given_in_2025_are_missing(city_results):
    reports = replace_unit(city_year(2025), CITY, {"city.demonstration_enterprises": DROP})
    assert city_results(reports)[ENTERPRISES].status == "missing"


def test_english_schedule_note(city_results):
    result = city_results(city_year(2023, enterprises=17), lang="en")[ENTERPRISES]
    assert "linear schedule: 18 expected in 2023 (30 due 2025)" in result.notes
    assert result.explanation == "industry–education integration demonstration enterprises 17 < 30"
