"""Clause 5 (完善职业教育办学质量管理体系): rules/yzf-2021-7/clause-05.yaml."""

from __future__ import annotations

import pytest
from factory import DROP, city_report, county, edit, plain_unit, school

UNIT = "c5.unit-quality-committee"
SCHOOL = "c5.school-quality-committee"


# ------------------------------------------------------------------------------------
# c5.unit-quality-committee


def test_county_with_a_quality_committee_passes(unit_results):
    result = unit_results(county(year=2022, quality_committee=True))[UNIT]
    assert result.status == "pass"
    assert result.observed is True
    assert result.explanation == "质量管理委员会：是"
    assert result.target == {"op": "==", "value": True}


def test_county_without_a_quality_committee_fails(unit_results):
    result = unit_results(county(year=2022, quality_committee=False))[UNIT]
    assert result.status == "fail"
    assert result.observed is False
    assert result.explanation == "质量管理委员会：否"


def test_county_not_saying_is_missing(unit_results):
    result = unit_results(county(year=2022, quality_committee=DROP))[UNIT]
    assert result.status == "missing"
    assert result.explanation == "缺少数据：quality_committee"


def test_city_report_is_judged_for_the_city_tier(unit_results):
    assert unit_results(city_report(2022, quality_committee=False))[UNIT].status == "fail"


def test_management_area_is_not_judged_for_the_unit_tier(unit_results):
    assert UNIT not in unit_results(plain_unit("回龙圩管理区", 2022, quality_committee=False))


def test_unit_committee_is_not_judged_in_2021(unit_results):
    result = unit_results(county(year=2021, quality_committee=False))[UNIT]
    assert result.status == "not_applicable"
    assert result.explanation == "自 2022 年起判定"


def test_english_flag_explanation(unit_results):
    assert (
        unit_results(county(year=2022, quality_committee=False), lang="en")[UNIT].explanation
        == "quality management committee: no"
    )


# ------------------------------------------------------------------------------------
# c5.school-quality-committee


def with_second_school(committee: object, year: int = 2022) -> dict:
    report = county(year=year)
    report["schools"].append(
        school("东安县舜德职业学校", ownership="private", year=year, quality_committee=committee)
    )
    return report


def test_every_school_with_a_committee_passes(unit_results):
    result = unit_results(with_second_school(True))[SCHOOL]
    assert result.status == "pass"
    assert result.observed == pytest.approx(1.0)


def test_a_school_without_a_committee_fails_and_is_named(unit_results):
    result = unit_results(with_second_school(False))[SCHOOL]
    assert result.status == "fail"
    assert result.explanation == "1 / 2 项达标 = 50.0% < 100.0%"
    assert [i.name for i in result.items if i.status == "fail"] == ["东安县舜德职业学校"]


def test_a_school_not_saying_is_missing(unit_results):
    result = unit_results(with_second_school(DROP))[SCHOOL]
    assert result.status == "missing"
    assert result.explanation == "1 / 2 项达标 = 50.0%；缺少数据：东安县舜德职业学校"


def test_school_committees_of_a_unit_without_schools_are_not_applicable(unit_results):
    assert unit_results(plain_unit("金洞管理区", 2022))[SCHOOL].status == "not_applicable"


def test_school_committees_are_not_judged_in_2021(unit_results):
    assert unit_results(with_second_school(False, year=2021))[SCHOOL].status == "not_applicable"


def test_school_rules_apply_to_the_management_areas_too(unit_results):
    report = edit(
        plain_unit("回龙圩管理区", 2022),
        {"schools": [school("回龙圩职业学校", year=2022, quality_committee=False)]},
    )
    assert unit_results(report)[SCHOOL].status == "fail"
