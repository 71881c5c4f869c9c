"""Clause 17 (营造良好的社会环境): rules/yzf-2021-7/clause-17.yaml."""

from __future__ import annotations

from factory import CITY, DROP, city_year, replace_unit

WEEK = "c17.activity-week"
CENTRE = "c17.incubation-center"


# ------------------------------------------------------------------------------------ c17.activity-week


def test_activity_week_held_passes(city_results):
    result = city_results(city_year(2022, activity_week=True))[WEEK]
    assert result.status == "pass"
    assert result.explanation == "职业教育活动周：是"


def test_activity_week_not_held_fails(city_results):
    result = city_results(city_year(2023, activity_week=False))[WEEK]
    assert result.status == "fail"
    assert result.observed is False
    assert result.explanation == "职业教育活动周：否"


def test_activity_week_not_given_is_missing(city_results):
    reports = replace_unit(city_year(2023), CITY, {"city.activity_week": DROP})
    assert city_results(reports)[WEEK].status == "missing"


def test_activity_week_is_not_judged_in_2021(city_results):
    assert city_results(city_year(2021, activity_week=False))[WEEK].status == "not_applicable"


# ------------------------------------------------------------------------------------ c17.incubation-center


def test_incubation_centre_set_up_before_2025_already_passes(city_results):
    assert city_results(city_year(2023, incubation_center=True))[CENTRE].status == "pass"


def test_no_incubation_centre_before_2025_is_pending(city_results):
    result = city_results(city_year(2022, incubation_center=False))[CENTRE]
    assert result.status == "pending"
    assert result.observed is False
    assert result.explanation == "创业就业孵化中心：否"


def test_no_incubation_centre_in_2025_fails(city_results):
    assert city_results(city_year(2025, incubation_center=False))[CENTRE].status == "fail"


def test_incubation_centre_not_given_in_2025_is_missing(city_results):
    reports = replace_unit(city_year(2025), CITY, {"city.incubation_center": DROP})
    assert city_results(reports)[CENTRE].status == "missing"


def test_incubation_centre_not_given_before_2025_stays_pending(city_results):
    reports = replace_unit(city_year(2023), CITY, {"city.incubation_center": DROP})
    assert city_results(reports)[CENTRE].status == "pending"
