"""Clause 15 (建立协调推进机制): rules/yzf-2021-7/clause-15.yaml."""

from __future__ import annotations

import pytest
from factory import CITY, DROP, city_year, replace_unit

RULES = [
    ("c15.joint-meeting", "joint_meeting", "联席会议制度"),
    ("c15.county-evaluation", "county_evaluation", "纳入县市区政府履职评价"),
]


@pytest.mark.parametrize(("rule", "field", "label"), RULES)
def test_mechanism_in_place_passes(city_results, rule, field, label):
    result = city_results(city_year(2022, **{field: True}))[rule]
    assert result.status == "pass"
    assert result.observed is True
    assert result.explanation == f"{label}：是"


@pytest.mark.parametrize(("rule", "field", "label"), RULES)
def test_mechanism_not_in_place_fails(city_results, rule, field, label):
    result = city_results(city_year(2022, **{field: False}))[rule]
    assert result.status == "fail"
    assert result.observed is False
    assert result.explanation == f"{label}：否"


@pytest.mark.parametrize(("rule", "field", "label"), RULES)
def test_mechanism_not_given_is_missing(city_results, rule, field, label):
    reports = replace_unit(city_year(2022), CITY, {f"city.{field}": DROP})
    result = city_results(reports)[rule]
    assert result.status == "missing"
    assert result.explanation == f"缺少数据：永州市本级: city.{field}"


@pytest.mark.parametrize(("rule", "field", "label"), RULES)
def test_mechanism_is_not_judged_in_2021(city_results, rule, field, label):
    result = city_results(city_year(2021, **{field: False}))[rule]
    assert result.status == "not_applicable"
    assert result.explanation == "自 2022 年起判定"
