"""Clause 13 (提升教学团队创新能力): rules/yzf-2021-7/clause-13.yaml."""

from __future__ import annotations

import pytest
from factory import CITY, DROP, city_year, replace_unit

ALLOWANCE = "c13.talent-allowance"
TEAMS = "c13.provincial-teams"


# ------------------------------------------------------------------------------------ c13.talent-allowance


def test_every_allowance_of_5000_yuan_passes(city_results):
    result = city_results(city_year(2023, allowances=[5000, 5000, 5000]))[ALLOWANCE]
    assert result.status == "pass"
    assert result.observed == pytest.approx(1.0)
    assert result.explanation == "3 / 3 项达标 = 100.0% ≥ 100.0%"


def test_an_allowance_below_5000_fails_and_is_named_by_role(city_results):
    result = city_results(city_year(2023, allowances=[5000, 4999]))[ALLOWANCE]
    assert result.status == "fail"
    assert result.observed == pytest.approx(0.5)
    [failing] = [item for item in result.items if item.status == "fail"]
    assert failing.name.startswith("产业导师")  # entries without a name are told apart by role and place
    assert failing.explanation == "津贴金额（元） 4999 < 5000"


def test_an_allowance_just_below_5000_does_not_read_as_5000(city_results):
    result = city_results(city_year(2023, allowances=[5000, 4999.999]))[ALLOWANCE]
    assert result.status == "fail"
    [failing] = [item for item in result.items if item.status == "fail"]
    assert failing.explanation == "津贴金额（元） 4999.999 < 5000"


@pytest.mark.parametrize("amount", [5000, 5001, 8000])
def test_an_allowance_of_5000_or_more_passes_the_higher_award_rule(city_results, amount):
    # 就高不就低: an overlapping award may be paid at the higher amount.
    result = city_results(city_year(2023, allowances=[5000, amount]))[ALLOWANCE]
    assert result.status == "pass"
    assert result.explanation == "2 / 2 项达标 = 100.0% ≥ 100.0%"


def test_no_allowance_paid_is_not_applicable(city_results):
    result = city_results(city_year(2023, allowances=[]))[ALLOWANCE]
    assert result.status == "not_applicable"
    assert result.explanation == "没有符合条件的学校、专业或条目"


def test_allowances_not_given_are_missing(city_results):
    reports = replace_unit(city_year(2023), CITY, {"city.talent_allowances": DROP})
    result = city_results(reports)[ALLOWANCE]
    assert result.status == "missing"
    assert result.explanation == "缺少数据：永州市本级: city.talent_allowances"


def test_allowances_are_not_judged_in_2021(city_results):
    assert city_results(city_year(2021, allowances=[100]))[ALLOWANCE].status == "not_applicable"


# ------------------------------------------------------------------------------------ c13.provincial-teams


def test_thirty_provincial_teams_by_2025_pass(city_results):
    result = city_results(city_year(2025, teams=30))[TEAMS]
    assert result.status == "pass"
    assert result.explanation == "省级专业教学团队 30 ≥ 30"


def test_twenty_nine_provincial_teams_in_2025_fail(city_results):
    assert city_results(city_year(2025, teams=29))[TEAMS].status == "fail"


def test_provincial_teams_below_the_linear_schedule_are_behind(city_results):
    # expected(2023) = 30 × 0.6 = 18
    result = city_results(city_year(2023, teams=17))[TEAMS]
    assert result.status == "behind"
    assert result.expected == pytest.approx(18)


def test_provincial_teams_above_the_linear_schedule_are_pending(city_results):
    assert city_results(city_year(2023, teams=19))[TEAMS].status == "pending"


def test_provincial_teams_not_given_in_2025_are_missing(city_results):
    reports = replace_unit(city_year(2025), CITY, {"city.provincial_teaching_teams": DROP})
    assert city_results(reports)[TEAMS].status == "missing"


def test_provincial_teams_not_given_before_2025_stay_pending(city_results):
    reports = replace_unit(city_year(2023), CITY, {"city.provincial_teaching_teams": DROP})
    assert city_results(reports)[TEAMS].status == "pending"
