"""Clause 10 (推进校企协同育人): rules/yzf-2021-7/clause-10.yaml."""

from __future__ import annotations

import pytest
from factory import DROP, city_year, county, plain_unit, replace_unit, school, without

CRAFTSMAN = "c10.craftsman-students"
PILOT_SCHOOLS = "c10.pilot-schools"
PILOT_MAJORS = "c10.pilot-majors"


# ------------------------------------------------------------------------------------ c10.craftsman-students


def test_500_craftsman_students_pass(city_results):
    result = city_results(city_year(2023, craftsman=500))[CRAFTSMAN]
    assert result.status == "pass"
    assert result.observed == 500
    assert result.explanation == "15 个单位湖湘工匠班培育学生合计 500 人 ≥ 500 人"


def test_499_craftsman_students_fail(city_results):
    result = city_results(city_year(2023, craftsman=499))[CRAFTSMAN]
    assert result.status == "fail"
    assert result.explanation == "15 个单位湖湘工匠班培育学生合计 499 人 < 500 人"


def test_craftsman_students_are_judged_every_year_including_2022(city_results):
    assert city_results(city_year(2022, craftsman=470))[CRAFTSMAN].status == "fail"


def test_craftsman_students_are_not_judged_in_2021(city_results):
    assert city_results(city_year(2021, craftsman=10))[CRAFTSMAN].status == "not_applicable"


def test_craftsman_students_not_given_by_a_unit_are_missing_naming_it(city_results):
    reports = replace_unit(city_year(2023), "江华瑶族自治县", {"craftsman_students": DROP})
    result = city_results(reports)[CRAFTSMAN]
    assert result.status == "missing"
    assert (
        result.explanation
        == "14 个单位湖湘工匠班培育学生合计 459 人 < 500 人；缺少数据：江华瑶族自治县: craftsman_students"
    )


def test_craftsman_students_already_500_with_units_absent_pass_naming_them(city_results):
    result = city_results(without(city_year(2023, craftsman=900), "回龙圩管理区", "金洞管理区"))[CRAFTSMAN]
    assert result.status == "pass"
    assert result.observed == 900
    assert result.notes == (
        "缺少单位：回龙圩管理区、金洞管理区（不影响结果：已达标，缺少的单位只会增加合计或计数）",
    )


def test_craftsman_students_below_500_with_units_absent_are_missing_naming_them(city_results):
    result = city_results(without(city_year(2023, craftsman=500), "零陵区"))[CRAFTSMAN]
    assert result.status == "missing"
    # those given below the target are named too, the fewest first
    assert result.notes[0].startswith("最少的 5 个单位：回龙圩管理区 0 人、")
    assert result.notes[1:] == ("缺少单位：零陵区",)


def test_craftsman_students_not_given_by_a_unit_pass_when_the_others_reach_500(city_results):
    reports = replace_unit(city_year(2023, craftsman=900), "江华瑶族自治县", {"craftsman_students": DROP})
    result = city_results(reports)[CRAFTSMAN]
    assert result.status == "pass"
    assert result.notes == (
        "未填写：江华瑶族自治县: craftsman_students；已给出的数字已达标，未填写的只会增加合计，不影响结果",
    )


# ------------------------------------------------------------------------------------ c10.pilot-schools


def with_public_school(in_pilot: object, year: int = 2025) -> dict:
    report = county(year=year)
    report["schools"].append(school("东安县第二职业中专", year=year, in_1x_pilot=in_pilot))
    return report


def test_every_public_school_in_the_pilot_passes(unit_results):
    result = unit_results(with_public_school(True))[PILOT_SCHOOLS]
    assert result.status == "pass"
    assert result.observed == pytest.approx(1.0)


def test_a_public_school_outside_the_pilot_in_2025_fails_and_is_named(unit_results):
    result = unit_results(with_public_school(False))[PILOT_SCHOOLS]
    assert result.status == "fail"
    assert result.observed == pytest.approx(0.5)
    assert [i.name for i in result.items if i.status == "fail"] == ["东安县第二职业中专"]


def test_a_public_school_outside_the_pilot_before_2025_is_pending(unit_results):
    assert unit_results(with_public_school(False, year=2023))[PILOT_SCHOOLS].status == "pending"


def test_a_private_school_outside_the_pilot_is_not_judged(unit_results):
    report = county(year=2025)
    report["schools"].append(school("东安县舜德职业学校", ownership="private", year=2025, in_1x_pilot=False))
    result = unit_results(report)[PILOT_SCHOOLS]
    assert result.status == "pass"
    assert [i.name for i in result.items] == ["东安县职业中等专业学校"]


def test_a_unit_with_only_private_schools_is_not_applicable(unit_results):
    report = plain_unit(
        "永州经济技术开发区",
        2025,
        schools=[school("永州经开区技工学校", ownership="private", year=2025, in_1x_pilot=False)],
    )
    assert unit_results(report)[PILOT_SCHOOLS].status == "not_applicable"


def test_a_public_school_not_saying_is_missing_in_2025(unit_results):
    assert unit_results(with_public_school(DROP))[PILOT_SCHOOLS].status == "missing"


# ------------------------------------------------------------------------------------ c10.pilot-majors


def test_twenty_pilot_majors_by_2025_pass(city_results):
    result = city_results(city_year(2025, pilot_majors=20))[PILOT_MAJORS]
    assert result.status == "pass"
    assert result.observed == 20


def test_nineteen_pilot_majors_in_2025_fail(city_results):
    assert city_results(city_year(2025, pilot_majors=19))[PILOT_MAJORS].status == "fail"


def test_pilot_majors_below_the_linear_schedule_are_behind(city_results):
    # expected(2023) = 20 × 0.6 = 12
    result = city_results(city_year(2023, pilot_majors=11))[PILOT_MAJORS]
    assert result.status == "behind"
    assert result.expected == pytest.approx(12)


def test_pilot_majors_above_the_linear_schedule_are_pending(city_results):
    assert city_results(city_year(2022, pilot_majors=16))[PILOT_MAJORS].status == "pending"


# ------------------------------------------------------------------------------------ c10.pilot-majors


def test_one_major_piloted_in_twenty_schools_is_one_major(city_results):
    reports = city_year(2025, pilot_majors=0)
    for name in (
        "东安县",
        "道县",
        "宁远县",
        "江永县",
        "蓝山县",
        "新田县",
        "双牌县",
        "江华瑶族自治县",
        "祁阳市",
    ):
        reports = replace_unit(
            reports,
            name,
            {"schools[0].majors": [{"name": "数控技术应用", "cluster": "先进装备制造", "pilot_1x": True}]},
        )
    result = city_results(reports)[PILOT_MAJORS]
    assert result.status == "fail"
    assert result.observed == 1
    assert result.explanation == "1 < 20：数控技术应用"
    assert "9 项中专业名称不同的有 1 个，按 1 计" in result.notes


def test_twenty_different_pilot_majors_pass(city_results):
    result = city_results(city_year(2025, pilot_majors=20))[PILOT_MAJORS]
    assert result.status == "pass"
    assert result.observed == 20


def test_nineteen_different_pilot_majors_plus_a_repeat_fail(city_results):
    reports = city_year(2025, pilot_majors=19)
    college = next(r for r in reports if r["unit"]["name"] == "永州市本级")["schools"][0]
    # piloted elsewhere
    college["majors"].append({"name": "机电技术应用", "cluster": "先进装备制造", "pilot_1x": True})
    result = city_results(reports)[PILOT_MAJORS]
    assert result.status == "fail"
    assert result.observed == 19


def test_the_pilot_majors_quote_says_what_must_cover_them():
    from factory import builtin_packs

    rule = next(r for r in builtin_packs()[0].rules if r.id == PILOT_MAJORS)
    assert "“1+X”证书制度试点" in rule.quote and rule.quote.endswith("至少覆盖20个专业")


def test_craftsman_students_below_500_name_the_units_with_the_fewest(city_results):
    """The sum alone (470 < 500) did not say whom to ask: the five fewest, each with its figure."""
    reports = replace_unit(city_year(2023, craftsman=499), "江华瑶族自治县", {"craftsman_students": 0})
    result = city_results(reports)[CRAFTSMAN]
    assert result.status == "fail"
    [note] = result.notes
    assert note.startswith("最少的 5 个单位：江华瑶族自治县 0 人、")
    assert note.count("人") == 5


def test_craftsman_students_met_name_no_units(city_results):
    assert city_results(city_year(2023, craftsman=500))[CRAFTSMAN].notes == ()


def test_the_units_with_the_fewest_are_named_in_english(city_results):
    reports = replace_unit(city_year(2023, craftsman=499), "江华瑶族自治县", {"craftsman_students": 0})
    [note] = city_results(reports, lang="en")[CRAFTSMAN].notes
    assert note.startswith("the 5 units with the fewest: 江华瑶族自治县 0 persons, ")
