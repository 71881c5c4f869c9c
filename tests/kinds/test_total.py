"""``total``: one figure, or its sum over units or items, against a number or another total (kinds.total)."""

from __future__ import annotations

import typing

import pytest
from factory import DROP, city_year, county, edit, major, replace_unit, school, validated
from pydantic import BaseModel

from zhijiao_check.i18n import Translator, exists
from zhijiao_check.kinds.total import TotalRule
from zhijiao_check.measure.scope import SCHOOL_COLLECTIONS
from zhijiao_check.pack.fields import item_type, plain
from zhijiao_check.report.model import Report

from .common import RULE_HEAD, broken_pack, check_with_pack, custom_result, fields, judge


def seats(value: float = 1000, **more) -> TotalRule:
    return validated(
        TotalRule,
        fields(
            kind="total", of="public_secondary_vocational_seats", target={"op": ">=", "value": value}, **more
        ),
    )


def test_a_units_own_figure_against_a_number(tmp_path):
    result = judge(tmp_path, seats(1600), [county(year=2023, public_secondary_vocational_seats=1500)])
    assert result.status == "fail"
    assert result.observed == 1500
    assert result.explanation == "公办中职学位数 1500 < 1600"


def test_the_target_itself_is_met(tmp_path):
    result = judge(tmp_path, seats(1500), [county(year=2023, public_secondary_vocational_seats=1500)])
    assert result.status == "pass"
    assert result.explanation == "公办中职学位数 1500 ≥ 1500"


def test_persons_are_shown_with_their_unit(tmp_path):
    rule = validated(
        TotalRule,
        fields(kind="total", of="craftsman_students", unit="persons", target={"op": ">=", "value": 50}),
    )
    result = judge(tmp_path, rule, [county(year=2023, craftsman_students=40)])
    assert result.explanation == "湖湘工匠班培育学生 40 人 < 50 人"


def test_in_city_scope_the_figure_is_summed_over_every_unit(tmp_path):
    rule = seats(30000, scope="city")
    result = judge(tmp_path, rule, city_year(2025, seats=25300))
    assert result.observed == 25300
    assert result.explanation == "15 个单位公办中职学位数合计 25300 < 30000"


def test_the_city_sum_in_english(tmp_path):
    result = judge(tmp_path, seats(30000, scope="city"), city_year(2025, seats=25300), lang="en")
    assert result.explanation == "public secondary-vocational seats of 15 units = 25300 < 30000"


def test_a_sum_over_items_matching_a_filter(tmp_path):
    rule = validated(
        TotalRule,
        fields(
            kind="total",
            of={"over": "schools", "field": "students", "where": [{"field": "ownership", "value": "public"}]},
            unit="persons",
            target={"op": ">=", "value": 2000},
        ),
    )
    report = county(year=2023)
    report["schools"].append(school("东安县第二职业中专", year=2023, students=700))
    report["schools"].append(school("东安县舜德职业学校", ownership="private", year=2023, students=5000))
    result = judge(tmp_path, rule, [report])
    assert result.observed == 1700
    assert result.explanation == "2 所学校的在校生合计 1700 人 < 2000 人"
    english = judge(tmp_path, rule, [report], lang="en")
    assert english.explanation == "students of 2 schools = 1700 persons < 2000 persons"


def sum_over(
    over: str, field: str, value: float, unit: str = "count", scope: str = "unit", op: str = ">="
) -> TotalRule:
    return validated(
        TotalRule,
        fields(
            kind="total",
            of={"over": over, "field": field},
            unit=unit,
            scope=scope,
            target={"op": op, "value": value},
        ),
    )


def test_a_sum_over_schools_counts_the_schools_not_what_they_hold(tmp_path):
    # Three schools holding one course between them: 3 schools, 1 course (not "3 courses total 1").
    report = county(year=2023)
    report["schools"][0]["ideological_courses"] = 1
    for name in ("东安县第二职业中专", "东安县舜德职业学校"):
        report["schools"].append(school(name, year=2023, ideological_courses=0))
    rule = sum_over("schools", "ideological_courses", 1)
    assert judge(tmp_path, rule, [report]).explanation == "3 所学校的思想政治优质课程合计 1 ≥ 1"
    assert (
        judge(tmp_path, rule, [report], lang="en").explanation
        == "quality ideological and political courses of 3 schools = 1 ≥ 1"
    )


def test_a_sum_over_majors_says_majors(tmp_path):
    report = county(year=2023)
    report["schools"][0]["majors"] = [
        major("机电技术应用", year=2023, enrollment=120),
        major("服装设计与工艺", year=2023, enrollment=80),
    ]
    rule = sum_over("majors", "enrollment", 300, unit="persons")
    assert judge(tmp_path, rule, [report]).explanation == "2 个专业的当年招生合计 200 人 < 300 人"
    assert (
        judge(tmp_path, rule, [report], lang="en").explanation
        == "this year's enrollment of 2 majors = 200 persons < 300 persons"
    )


def test_a_sum_over_practice_groups_says_groups(tmp_path):
    report = county(year=2023)
    report["schools"][0]["enterprise_practice"] = [
        {"teachers": 3, "months": 6},
        {"teachers": 2, "months": 12},
    ]
    rule = sum_over("enterprise_practice", "teachers", 1, unit="persons")
    assert judge(tmp_path, rule, [report]).explanation == "2 组企业实践教师合计 5 人 ≥ 1 人"
    assert (
        judge(tmp_path, rule, [report], lang="en").explanation
        == "teachers in enterprise practice in 2 groups = 5 persons ≥ 1 person"
    )


def test_sums_over_the_city_blocks_lists_say_allowances_and_parks(tmp_path):
    reports = city_year(2025, parks=3, allowances=(5000, 8000, 6000))
    allowances = sum_over("city.talent_allowances", "amount", 20000, unit="yuan", scope="city")
    result = judge(tmp_path, allowances, reports)
    assert result.explanation == "3 笔人才津贴的津贴金额（元）合计 19000 元 < 20000 元"
    assert (
        judge(tmp_path, allowances, reports, lang="en").explanation
        == "allowance (yuan) of 3 talent allowances = 19000 yuan < 20000 yuan"
    )
    parks = sum_over("city.park_funding", "amount", 500, scope="city")
    assert judge(tmp_path, parks, reports).explanation == "3 个示范园区的资金支持（万元）合计 600 ≥ 500"
    assert (
        judge(tmp_path, parks, reports, lang="en").explanation
        == "funding (10,000 yuan) of 3 demonstration parks = 600 ≥ 500"
    )


def _summable() -> set[str]:
    """The collections of the report model whose items hold a number: those a sum can run over."""
    found = set()
    for over in (*SCHOOL_COLLECTIONS, *_lists(Report, "")):
        item = item_type(over)
        if isinstance(item, type) and issubclass(item, BaseModel):
            numbers = (plain(info.annotation) for info in item.model_fields.values())
            if any(annotation in (int, float) for annotation in numbers):
                found.add(over)
    return found


def _lists(model: type[BaseModel], prefix: str) -> list[str]:
    """The dotted paths of the model's list fields (``city.park_funding``)."""
    paths = []
    for name, info in model.model_fields.items():
        annotation = plain(info.annotation)
        if typing.get_origin(annotation) is list:
            paths.append(prefix + name)
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            paths += _lists(annotation, f"{prefix}{name}.")
    return paths


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_collection_a_sum_can_run_over_has_words_for_its_items(lang):
    summable = _summable()
    assert {"schools", "majors", "enterprise_practice", "city.park_funding"} <= summable  # the walk works
    tr = Translator(lang)
    assert {over for over in summable if not exists(f"engine.sum-over.{over}")} == set()
    for over in summable:
        assert tr(f"engine.sum-over.{over}", label="X", count=2, value="9") != tr(
            "engine.sum-items", label="X", count=2, value="9"
        )


def test_compared_with_another_total(tmp_path):
    rule = validated(
        TotalRule,
        fields(
            kind="total",
            of="pathway_3plus2.current",
            compare_to="pathway_3plus2.previous",
            target={"op": ">"},
        ),
    )
    result = judge(tmp_path, rule, [edit(county(year=2023), {"pathway_3plus2.current": 90})])
    assert result.status == "fail"
    assert result.target == {"op": ">", "value": 90}
    assert result.explanation == "当年“3+2”招生 90 ≤ 上年“3+2”招生 90"


def test_an_absent_figure_is_missing(tmp_path):
    result = judge(tmp_path, seats(), [county(year=2023, public_secondary_vocational_seats=DROP)])
    assert result.status == "missing"
    assert result.explanation == "缺少数据：public_secondary_vocational_seats"


def test_in_city_scope_an_absent_figure_names_the_unit(tmp_path):
    reports = replace_unit(city_year(2025), "祁阳市", {"public_secondary_vocational_seats": DROP})
    result = judge(tmp_path, seats(25000, scope="city"), reports)
    assert result.status == "missing"
    assert result.observed is None
    # What the other 14 units give is summed beside what is missing, as when a unit is not in the run.
    assert result.explanation == (
        "14 个单位公办中职学位数合计 22916 < 25000；缺少数据：祁阳市: public_secondary_vocational_seats"
    )
    english = judge(tmp_path, seats(25000, scope="city"), reports, lang="en")
    assert english.explanation == (
        "public secondary-vocational seats of 14 units = 22916 < 25000; "
        "data missing: 祁阳市: public_secondary_vocational_seats"
    )


def test_a_sum_already_met_without_an_absent_figure_passes(tmp_path):
    # 14 units give 22916 of 25000 seats: a target of 20000 is met whatever 祁阳市 has.
    reports = replace_unit(city_year(2025), "祁阳市", {"public_secondary_vocational_seats": DROP})
    result = judge(tmp_path, seats(20000, scope="city"), reports)
    assert result.status == "pass"
    assert result.observed == 22916
    assert result.explanation == "14 个单位公办中职学位数合计 22916 ≥ 20000"
    assert result.notes == (
        (
            "未填写：祁阳市: public_secondary_vocational_seats；已给出的数字已达标，未填写的只会增加合计，"
            "不影响结果"
        ),
    )


def test_a_sum_against_another_total_is_never_settled_by_an_absent_figure(tmp_path):
    rule = validated(
        TotalRule,
        fields(
            kind="total",
            of="pathway_3plus2.current",
            compare_to="pathway_3plus2.previous",
            target={"op": ">"},
        ),
    )
    result = judge(tmp_path, rule, [edit(county(year=2023), {"pathway_3plus2.previous": DROP})])
    assert result.status == "missing"


def test_a_sum_below_a_ceiling_is_never_settled_by_an_absent_figure(tmp_path):
    reports = replace_unit(city_year(2025), "祁阳市", {"public_secondary_vocational_seats": DROP})
    rule = validated(
        TotalRule,
        fields(
            kind="total",
            of="public_secondary_vocational_seats",
            scope="city",
            target={"op": "<=", "value": 30000},
        ),
    )
    result = judge(tmp_path, rule, reports)
    assert result.status == "missing"


def test_zero_is_a_value_not_missing(tmp_path):
    result = judge(tmp_path, seats(1), [county(year=2023, public_secondary_vocational_seats=0)])
    assert result.status == "fail"
    assert result.observed == 0


def test_a_tolerance_band_turns_a_near_miss_into_warn(tmp_path):
    rule = validated(
        TotalRule,
        fields(
            kind="total",
            of="public_secondary_vocational_seats",
            target={"op": ">=", "value": 1600, "tolerance": 0.1},
        ),
    )
    near = judge(tmp_path, rule, [county(year=2023, public_secondary_vocational_seats=1440)])
    assert (near.status, near.explanation) == ("warn", "公办中职学位数 1440 < 1600")
    assert near.notes == ("在 1600 的 ±10% 以内（≥ 1440）：提醒",)
    assert judge(tmp_path, rule, [county(year=2023, public_secondary_vocational_seats=1439)]).status == "fail"


def test_an_upper_bound_with_a_tolerance_warns_above_it(tmp_path):
    rule = validated(
        TotalRule,
        fields(
            kind="total",
            of="public_secondary_vocational_seats",
            target={"op": "<=", "value": 1000, "tolerance": 0.05},
        ),
    )
    near = judge(tmp_path, rule, [county(year=2023, public_secondary_vocational_seats=1050)])
    assert (near.status, near.explanation) == ("warn", "公办中职学位数 1050 > 1000")
    assert near.notes == ("在 1000 的 ±5% 以内（≤ 1050）：提醒",)
    assert judge(tmp_path, rule, [county(year=2023, public_secondary_vocational_seats=1051)]).status == "fail"


def test_a_linear_total_behind_its_schedule(tmp_path):
    rule = seats(2000, time={"due": 2025, "linear": True})
    result = judge(tmp_path, rule, [county(year=2023, public_secondary_vocational_seats=1100)])
    assert result.status == "behind"  # expected(2023) = 2000 × 3 / 5 = 1200
    assert result.expected == pytest.approx(1200)


def test_a_total_rule_in_a_pack_folder_given_with_rules(tmp_path):
    rules_yaml = """\
rules:
  - id: c90.county-seats
    title: {zh: 每个县公办中职学位不少于2000个, en: "At least 2,000 public seats in each county"}
    clause: 90
    quote: 每个县公办中职学位不少于2000个
    scope: unit
    units: [county]
    kind: total
    of: public_secondary_vocational_seats
    target: {op: ">=", value: 2000}
    time: {due: 2024}
"""
    result, document = check_with_pack(
        tmp_path, rules_yaml, "每个县公办中职学位不少于2000个。", county(year=2024)
    )
    custom = custom_result(document, "c90.county-seats")
    assert (custom["status"], custom["observed"]) == ("fail", 1500)
    assert custom["target"] == {"op": ">=", "value": 2000}
    assert custom["clause"] == 90
    assert result.exit_code == 1


def test_a_total_rule_with_between_and_a_single_value_is_a_located_error(tmp_path):
    result, rule_file = broken_pack(
        tmp_path,
        RULE_HEAD
        + """\
    scope: unit
    kind: total
    of: craftsman_students
    target: {op: between, value: 3}
    time: {every_year: 2022}
""",
    )
    assert result.exit_code == 2
    said = f"{rule_file}:9:34: rules[0].target.value: op 为 between 时 value 写两个数 [下限, 上限]"
    assert said in result.stderr


def test_a_figure_just_below_its_target_is_shown_to_the_places_that_tell_them_apart(tmp_path):
    rule = validated(
        TotalRule,
        fields(kind="total", of="funding.new_vocational", unit="yuan", target={"op": ">=", "value": 210}),
    )
    result = judge(tmp_path, rule, [edit(county(year=2023), {"funding.new_vocational": 209.996})])
    assert result.status == "fail"
    assert result.explanation == "其中投向职业教育 209.996 元 < 210 元"
    result = judge(tmp_path, rule, [edit(county(year=2023), {"funding.new_vocational": 209.5})])
    assert result.explanation == "其中投向职业教育 209.5 元 < 210 元"


def test_decimal_figures_are_added_as_written(tmp_path):
    """0.1 + 0.2 as floats is 0.30000000000000004: the sum of the figures written is 0.3, at most 0.3."""
    report = county(year=2023)
    report["schools"][0]["enterprise_practice"] = [
        {"teachers": 1, "months": 0.1},
        {"teachers": 1, "months": 0.2},
    ]
    at_most = sum_over("enterprise_practice", "months", 0.3, op="<=")
    result = judge(tmp_path, at_most, [report])
    assert (result.status, result.observed) == ("pass", 0.3)
    assert result.explanation == "2 组实践时长（月）合计 0.3 ≤ 0.3"
