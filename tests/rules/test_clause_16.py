"""Clause 16 (加大经费保障力度): rules/yzf-2021-7/clause-16.yaml."""

from __future__ import annotations

import pytest
from factory import DROP, city_report, county, edit, line_of, plain_unit, school

SECONDARY = "c16.secondary-funding"
HIGHER = "c16.higher-funding"
TILT = "c16.new-funding-tilt"


# ------------------------------------------------------------------------------------ c16.secondary-funding


def funded(amount: object, year: int = 2023, **school_fields: object) -> dict:
    report = county(year=year)
    report["schools"].append(
        school("东安县第二职业中专", year=year, appropriation_per_student=amount, **school_fields)
    )
    return report


def test_public_secondary_funding_of_exactly_10000_passes(unit_results):
    result = unit_results(funded(10000))[SECONDARY]
    assert result.status == "pass"
    assert result.observed == pytest.approx(1.0)
    assert result.explanation == "2 / 2 项达标 = 100.0% ≥ 100.0%"


def test_public_secondary_funding_below_10000_fails_and_names_the_school(unit_results):
    result = unit_results(funded(9200))[SECONDARY]
    assert result.status == "fail"
    assert result.observed == pytest.approx(0.5)
    assert result.explanation == "1 / 2 项达标 = 50.0% < 100.0%"
    [failing] = [item for item in result.items if item.status == "fail"]
    assert failing.name == "东安县第二职业中专"
    assert failing.observed == 9200
    assert failing.explanation == "生均拨款 9200 < 10000"


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (9999.996, "生均拨款 9999.996 < 10000"),  # to 2 places it would read 10000 < 10000
        (9999.99999, "生均拨款 9999.99999 < 10000"),
        (9999.5, "生均拨款 9999.5 < 10000"),  # 2 places tell them apart: as before
        (9200.126, "生均拨款 9200.13 < 10000"),
    ],
)
def test_funding_just_below_10000_is_shown_to_the_places_that_tell_it_from_the_target(
    unit_results, amount, shown
):
    result = unit_results(funded(amount))[SECONDARY]
    [failing] = [item for item in result.items if item.status == "fail"]
    assert failing.explanation == shown


def test_failing_school_is_located_at_its_appropriation_line(unit_results):
    result = unit_results(funded(9201))[SECONDARY]
    [failing] = [item for item in result.items if item.status == "fail"]
    assert failing.locations[0].line == line_of(failing.locations[0].file, "appropriation_per_student: 9201")


def test_private_secondary_schools_are_not_judged(unit_results):
    result = unit_results(funded(2500, ownership="private"))[SECONDARY]
    assert result.status == "pass"
    assert [item.name for item in result.items] == ["东安县职业中等专业学校"]


def test_secondary_funding_not_given_is_missing(unit_results):
    result = unit_results(funded(DROP))[SECONDARY]
    assert result.status == "missing"
    assert "东安县第二职业中专" in result.explanation


def test_secondary_funding_with_no_public_secondary_school_is_not_applicable(unit_results):
    report = plain_unit(
        "永州经济技术开发区", 2023, schools=[school("永州经开区技工学校", ownership="private", year=2023)]
    )
    assert unit_results(report)[SECONDARY].status == "not_applicable"


def test_secondary_funding_is_not_judged_in_2021(unit_results):
    assert unit_results(funded(5000, year=2021))[SECONDARY].status == "not_applicable"


# ------------------------------------------------------------------------------------ c16.higher-funding


def college(amount: object, ownership: str = "public") -> dict:
    report = city_report(2023)
    report["schools"][0]["appropriation_per_student"] = amount
    report["schools"][0]["ownership"] = ownership
    return report


def test_public_higher_funding_of_exactly_12000_passes(unit_results):
    result = unit_results(college(12000))[HIGHER]
    assert result.status == "pass"
    assert [item.name for item in result.items] == ["永州职业技术学院", "永州师范高等专科学校"]


def test_public_higher_funding_below_12000_fails_and_names_the_college(unit_results):
    result = unit_results(college(11999))[HIGHER]
    assert result.status == "fail"
    [failing] = [item for item in result.items if item.status == "fail"]
    assert failing.name == "永州职业技术学院"
    assert failing.explanation == "生均拨款 11999 < 12000"


def test_higher_funding_just_below_12000_does_not_read_as_12000(unit_results):
    result = unit_results(college(11999.999))[HIGHER]
    [failing] = [item for item in result.items if item.status == "fail"]
    assert failing.explanation == "生均拨款 11999.999 < 12000"


def test_private_colleges_are_not_judged(unit_results):
    result = unit_results(college(3000, ownership="private"))[HIGHER]
    assert result.status == "pass"


def test_a_county_without_a_college_is_not_applicable(unit_results):
    assert unit_results(county(year=2023))[HIGHER].status == "not_applicable"


# ------------------------------------------------------------------------------------ c16.new-funding-tilt


def funding(
    new_vocational: object,
    new_education: object,
    vocational: object,
    education: object,
    report: dict | None = None,
) -> dict:
    return edit(
        report or county(year=2023),
        {
            "funding.new_vocational": new_vocational,
            "funding.new_education": new_education,
            "funding.vocational_total": vocational,
            "funding.education_total": education,
        },
    )


def test_new_funding_share_below_the_existing_share_fails(unit_results):
    result = unit_results(funding(210, 3000, 6900, 70500))[TILT]
    assert result.status == "fail"
    assert result.observed == pytest.approx(0.07)
    assert result.target == {"op": ">=", "value": pytest.approx(6900 / 70500)}
    assert result.explanation == "210 / 3000 = 7.0% < 6900 / 70500 = 9.8%"


def test_new_funding_figures_are_not_shown_as_the_whole_numbers_near_them(unit_results):
    result = unit_results(funding(209.996, 3000, 6900.004, 70500))[TILT]
    assert result.status == "fail"
    assert result.explanation == "209.996 / 3000 = 7.0% < 6900.004 / 70500 = 9.8%"
    result = unit_results(funding(612.5, 3000, 6900.126, 70500))[TILT]  # 2 places as before
    assert result.explanation == "612.5 / 3000 = 20.4% ≥ 6900.13 / 70500 = 9.8%"


def test_new_funding_share_equal_to_the_existing_share_passes(unit_results):
    result = unit_results(funding(300, 3000, 5000, 50000))[TILT]
    assert result.status == "pass"
    assert result.explanation == "300 / 3000 = 10.0% ≥ 5000 / 50000 = 10.0%"


def test_new_funding_share_above_the_existing_share_passes(unit_results):
    assert unit_results(funding(600, 3000, 5000, 50000))[TILT].status == "pass"


def test_no_new_funding_is_not_applicable(unit_results):
    result = unit_results(funding(0, 0, 5000, 50000))[TILT]
    assert result.status == "not_applicable"
    assert result.explanation == "分母（当年新增财政性教育经费）为 0，无法计算比例"


def test_new_funding_not_given_is_missing(unit_results):
    result = unit_results(funding(DROP, 3000, 5000, 50000))[TILT]
    assert result.status == "missing"
    assert result.explanation == "缺少数据：funding.new_vocational"


def test_last_years_totals_not_given_are_missing(unit_results):
    result = unit_results(funding(300, 3000, 5000, DROP))[TILT]
    assert result.status == "missing"
    assert "funding.education_total" in result.explanation


def test_city_report_is_judged_for_the_tilt(unit_results):
    result = unit_results(funding(100, 9000, 28000, 200000, report=city_report(2023)))[TILT]
    assert result.status == "fail"


def test_management_area_is_not_judged_for_the_tilt(unit_results):
    assert TILT not in unit_results(plain_unit("金洞管理区", 2023))


def test_tilt_is_not_judged_in_2021(unit_results):
    result = unit_results(edit(funding(0, 3000, 5000, 50000), {"year": 2021}))[TILT]
    assert result.status == "not_applicable"
