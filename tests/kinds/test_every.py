"""``every``: each matching school, major or entry must pass a test; failures are listed (kinds.every)."""

from __future__ import annotations

import pytest
from factory import DROP, county, major, plain_unit, school, validated

from zhijiao_check.engine.results import RuleResult
from zhijiao_check.kinds.every import EveryRule

from .common import RULE_HEAD, broken_pack, check_with_pack, custom_result, fields, judge

FUNDED = [{"field": "appropriation_per_student", "op": ">=", "value": 10000}]


def every(over: str = "schools", where: list | None = None, **more) -> EveryRule:
    test = {} if {"any_of", "require"} & set(more) else {"require": FUNDED}
    return validated(EveryRule, fields(kind="every", of={"over": over, "where": where or []}, **test, **more))


def with_schools(*schools: dict) -> dict:
    report = county(year=2023)
    report["schools"] = list(schools)
    return report


def test_every_item_passing_gives_100_percent(tmp_path):
    result = judge(tmp_path, every(), [with_schools(school("甲校"), school("乙校"))])
    assert result.status == "pass"
    assert result.observed == pytest.approx(1.0)
    assert result.explanation == "2 / 2 项达标 = 100.0% ≥ 100.0%"
    assert [(item.name, item.status) for item in result.items] == [("甲校", "pass"), ("乙校", "pass")]


def test_a_failing_item_is_listed_with_its_own_arithmetic(tmp_path):
    result = judge(
        tmp_path,
        every(),
        [with_schools(school("甲校"), school("乙校", appropriation_per_student=8600), school("丙校"))],
    )
    assert result.status == "fail"
    assert result.observed == pytest.approx(2 / 3)
    assert result.explanation == "2 / 3 项达标 = 66.7% < 100.0%"
    [failing] = [item for item in result.items if item.status == "fail"]
    assert (failing.name, failing.observed, failing.explanation) == ("乙校", 8600, "生均拨款 8600 < 10000")


def test_all_required_conditions_must_hold(tmp_path):
    rule = every(require=[*FUNDED, {"field": "meets_standards", "value": True}])
    result = judge(tmp_path, rule, [with_schools(school("甲校", meets_standards=False))])
    assert result.status == "fail"
    assert result.items[0].explanation == "办学条件达标 否 ≠ 是"


def test_any_of_passes_when_one_group_holds_entirely(tmp_path):
    rule = every(
        "majors",
        any_of=[
            [{"field": "enrollment", "op": "<", "other": "previous_enrollment"}],
            [{"field": "enrollment", "value": 0}],
        ],
    )
    report = with_schools(
        school(
            "甲校",
            majors=[
                major("会计事务", enrollment=0, previous_enrollment=0),
                major("电子商务", enrollment=80, previous_enrollment=90),
            ],
        )
    )
    result = judge(tmp_path, rule, [report])
    assert result.status == "pass"
    assert [item.explanation for item in result.items] == ["当年招生 0 = 0", "当年招生 80 < 上年招生 90"]


def test_any_of_fails_when_no_group_holds_and_shows_why_each_failed(tmp_path):
    rule = every(
        "majors",
        any_of=[
            [{"field": "enrollment", "op": "<", "other": "previous_enrollment"}],
            [{"field": "enrollment", "value": 0}],
        ],
    )
    report = with_schools(school("甲校", majors=[major("会计事务", enrollment=50, previous_enrollment=45)]))
    [item] = judge(tmp_path, rule, [report]).items
    assert (item.school, item.name) == ("甲校", "会计事务")
    assert item.explanation == "当年招生 50 ≥ 上年招生 45；当年招生 50 ≠ 0"


def test_a_condition_relative_to_the_report_year(tmp_path):
    rule = every("majors", require=[{"field": "evaluated_in", "op": ">=", "year_plus": -2}])
    report = with_schools(school("甲校", majors=[major("会计事务", evaluated_in=2020)]))
    [item] = judge(tmp_path, rule, [report]).items
    assert item.explanation == "最近评估年份 2020 < 2023-2 = 2021"


def test_where_chooses_the_items_judged(tmp_path):
    rule = every(where=[{"field": "ownership", "value": "public"}])
    report = with_schools(school("甲校"), school("乙校", ownership="private", appropriation_per_student=100))
    result = judge(tmp_path, rule, [report])
    assert result.status == "pass"
    assert [item.name for item in result.items] == ["甲校"]


def test_no_matching_item_is_not_applicable(tmp_path):
    result = judge(tmp_path, every(), [plain_unit("金洞管理区", 2023)])
    assert result.status == "not_applicable"
    assert result.observed is None


def test_an_item_without_the_field_is_missing_and_named(tmp_path):
    report = with_schools(school("甲校"), school("乙校", appropriation_per_student=DROP))
    result = judge(tmp_path, every(), [report])
    assert result.status == "missing"
    assert result.explanation == "1 / 2 项达标 = 50.0%；缺少数据：乙校"
    assert [item.status for item in result.items] == ["pass", "missing"]


def test_a_failure_outweighs_missing_data(tmp_path):
    report = with_schools(
        school("甲校", appropriation_per_student=5000), school("乙校", appropriation_per_student=DROP)
    )
    assert judge(tmp_path, every(), [report]).status == "fail"


def test_missing_data_in_english_uses_english_punctuation(tmp_path):
    report = with_schools(school("甲校"), school("乙校", appropriation_per_student=DROP))
    result = judge(tmp_path, every(), [report], lang="en")
    assert result.explanation == "1 of 2 met = 50.0%; data missing: 乙校"


def test_severity_warning_turns_a_failure_into_warn(tmp_path):
    report = with_schools(school("甲校", appropriation_per_student=5000))
    assert judge(tmp_path, every(severity="warning"), [report]).status == "warn"


def test_an_every_rule_in_a_pack_folder_given_with_rules(tmp_path):
    rules_yaml = """\
rules:
  - id: c90.school-size
    title: {zh: 公办中职学校在校生不少于1200人, en: "Public secondary schools have at least 1,200 students"}
    clause: 90
    quote: 公办中职学校在校生不少于1200人
    scope: school
    kind: every
    of:
      over: schools
      where: [{field: level, value: secondary}, {field: ownership, value: public}]
    require: [{field: students, op: ">=", value: 1200}]
    time: {every_year: 2022}
"""
    report = with_schools(school("甲校", students=1500), school("乙校", students=900))
    result, document = check_with_pack(tmp_path, rules_yaml, "公办中职学校在校生不少于1200人。", report)
    custom = custom_result(document, "c90.school-size")
    assert custom["status"] == "fail"
    assert [(i["name"], i["status"], i["observed"]) for i in custom["items"]] == [
        ("甲校", "pass", 1500),
        ("乙校", "fail", 900),
    ]
    assert custom["items"][1]["explanation"] == "在校生 900 < 1200"
    assert result.exit_code == 1


def test_an_every_rule_with_both_require_and_any_of_is_a_located_error(tmp_path):
    result, rule_file = broken_pack(
        tmp_path,
        RULE_HEAD
        + """\
    scope: school
    kind: every
    of: {over: schools}
    require: [{field: students, op: ">=", value: 1}]
    any_of: [[{field: students, op: ">=", value: 1}]]
    time: {every_year: 2022}
""",
    )
    assert result.exit_code == 2
    assert f"{rule_file}:2:5:" in result.stderr
    assert "require" in result.stderr and "any_of" in result.stderr


SHRINK = [
    [{"field": "enrollment", "op": "<", "other": "previous_enrollment"}],
    [{"field": "enrollment", "value": 0}, {"field": "previous_enrollment", "value": 0}],
]


def test_an_absent_field_on_the_right_is_named_not_shown_as_none(tmp_path):
    report = with_schools(school("甲校", majors=[major("会计事务", enrollment=50, previous_enrollment=DROP)]))
    [item] = judge(tmp_path, every("majors", any_of=SHRINK), [report]).items
    assert item.status == "missing"
    assert item.explanation == "未填写上年招生；当年招生 50 ≠ 0"


def test_a_field_absent_in_several_groups_is_named_once(tmp_path):
    report = with_schools(
        school("甲校", majors=[major("会计事务", enrollment=DROP, previous_enrollment=DROP)])
    )
    [item] = judge(tmp_path, every("majors", any_of=SHRINK), [report]).items
    assert item.status == "missing"
    assert item.explanation == "未填写当年招生；未填写上年招生"


def test_a_failure_is_not_hidden_by_a_school_that_does_not_give_the_list(tmp_path):
    rule = every("enterprise_practice", require=[{"field": "months", "op": ">=", "value": 6}])
    report = with_schools(
        school("甲校", enterprise_practice=[{"teachers": 2, "months": 3}]),
        school("乙校", enterprise_practice=DROP),
    )
    result = judge(tmp_path, rule, [report])
    assert result.status == "fail"
    assert [(item.school, item.status) for item in result.items] == [("甲校", "fail")]


def test_without_a_failure_a_school_that_does_not_give_the_list_is_missing_data(tmp_path):
    rule = every("enterprise_practice", require=[{"field": "months", "op": ">=", "value": 6}])
    report = with_schools(school("甲校"), school("乙校", enterprise_practice=DROP))
    result = judge(tmp_path, rule, [report])
    assert (result.status, result.explanation) == ("missing", "缺少数据：乙校.enterprise_practice")


def test_a_list_not_given_by_a_school_the_filter_leaves_out_is_not_missing(tmp_path):
    # c4.major-evaluation-cycle judges secondary majors only: a higher college's majors cannot count.
    rule = every(
        "majors",
        where=[{"field": "school.level", "value": "secondary"}],
        require=[{"field": "evaluated_in", "op": ">=", "year_plus": -2}],
    )
    report = with_schools(school("甲校", year=2023), school("乙校", level="higher", majors=DROP))
    result = judge(tmp_path, rule, [report])
    assert (result.status, result.observed) == ("pass", 1.0)


def test_units_narrows_a_school_rule_to_those_kinds_of_report(tmp_path):
    from factory import city_report, run_reports, with_rules

    rule = every(units=["county"])
    run = run_reports(tmp_path, [county(year=2025), city_report(year=2025)], packs=with_rules([rule]))
    by_kind = {evaluation.kind: [r.rule.id for r in evaluation.results] for evaluation in run.reports}
    assert by_kind == {"county": [rule.id], "city": []}


ONE_CONDITION = [
    [{"field": "enrollment", "op": ">=", "value": 40}],  # against a number
    [{"field": "enrollment", "op": "<", "other": "previous_enrollment"}],  # against another field
    [{"field": "previous_enrollment", "present": True}],  # given at all
]


@pytest.mark.parametrize("require", ONE_CONDITION, ids=["value", "other", "present"])
def test_a_rule_of_one_condition_is_judged_as_its_groups_would_be(tmp_path, monkeypatch, require):
    """A rule of one condition takes a shorter way (``_Plan.only``): item for item, every outcome (status,
    value, explanation, places, target) is the one the general way gives, passing, failing and missing."""
    from zhijiao_check.kinds import every as module

    report = with_schools(
        school(
            "甲校",
            majors=[
                major("会计事务", enrollment=50, previous_enrollment=60),
                major("电子商务", enrollment=30, previous_enrollment=20),
                major("数控技术", enrollment=DROP, previous_enrollment=20),
                major("汽车运用", enrollment=45, previous_enrollment=DROP),
            ],
        )
    )
    short = judge(tmp_path / "short", every("majors", require=require), [report])
    plan = module._Plan.__init__

    def general(self: module._Plan, rule: EveryRule) -> None:
        plan(self, rule)
        self.only = None

    monkeypatch.setattr(module._Plan, "__init__", general)
    groups = judge(tmp_path / "groups", every("majors", require=require), [report])
    assert [item.status for item in short.items] != [short.items[0].status] * len(short.items)
    assert outcomes(short) == outcomes(groups)


def outcomes(result: RuleResult) -> list[tuple[object, ...]]:
    """The rule's own figures, then each item's: name, status, value, explanation, places and target."""
    items = [
        (i.name, i.status, i.observed, i.explanation, [(at.line, at.column) for at in i.locations], i.target)
        for i in result.items
    ]
    return [(result.status, result.observed, result.explanation), *items]


# A target below 100% (a pack of one's own may ask for half of the schools): honoured, not overruled by the
# first failing item (it printed "50.0% < 50.0%" as a failure).
HALF = {"op": ">=", "value": 0.5}


@pytest.mark.parametrize(
    ("allocations", "status", "explanation"),
    [
        ((12000, 8600), "pass", "1 / 2 项达标 = 50.0% ≥ 50.0%"),
        ((12000, 8600, 8000), "fail", "1 / 3 项达标 = 33.3% < 50.0%"),
        ((12000, 8600, DROP), "missing", "1 / 3 项达标 = 33.3%；缺少数据：丙校"),  # it may pass, or fail
        ((12000, 12000, 8600, DROP), "pass", "2 / 4 项达标 = 50.0% ≥ 50.0%"),  # met either way
        ((8600, 8000, DROP), "fail", "0 / 3 项达标 = 0.0% < 50.0%"),  # not met either way
    ],
)
def test_a_target_below_every_item_is_honoured(tmp_path, allocations, status, explanation):
    names = ("甲校", "乙校", "丙校", "丁校")
    schools = [school(n, appropriation_per_student=a) for n, a in zip(names, allocations, strict=False)]
    result = judge(tmp_path, every(target=HALF), [with_schools(*schools)])
    assert (result.status, result.explanation) == (status, explanation)


def test_under_a_lower_target_a_failure_does_not_settle_a_list_not_given(tmp_path):
    rule = every("enterprise_practice", require=[{"field": "months", "op": ">=", "value": 6}], target=HALF)
    report = with_schools(
        school("甲校", enterprise_practice=[{"teachers": 2, "months": 3}]),
        school("乙校", enterprise_practice=DROP),
    )
    assert judge(tmp_path, rule, [report]).status == "missing"


def test_reports_whose_items_pass_alike_share_one_explanation_rendered_once(tmp_path):
    """Each report whose two schools pass says the same of its share: one wording, made once a run for those
    counts (``every._said``) and rendered once by a translator (``wording.Once``), in either language; a
    report with other counts says its own."""
    from factory import with_rules, write_reports

    from zhijiao_check.engine.evaluate import evaluate_report
    from zhijiao_check.i18n import Translator
    from zhijiao_check.report import load_report
    from zhijiao_check.wording import Once

    packs = with_rules([every()])
    two = [school("甲校"), school("乙校")]
    units = {
        "东安县": two,
        "零陵区": two,
        "祁阳市": [school("甲校"), school("乙校", appropriation_per_student=8600)],
    }
    reports = [{**county(name, year=2023), "schools": schools} for name, schools in units.items()]
    evaluations = [
        evaluate_report(load_report(path, packs[0].units), packs) for path in write_reports(tmp_path, reports)
    ]
    by_unit = {evaluation.unit: evaluation.results[0].explanation for evaluation in evaluations}
    said = [by_unit["东安县"], by_unit["零陵区"], by_unit["祁阳市"]]
    assert isinstance(said[0], Once) and said[0] is said[1] and said[2] is not said[0]
    zh, en = Translator("zh"), Translator("en")
    assert [zh.render(one) for one in said] == ["2 / 2 项达标 = 100.0% ≥ 100.0%"] * 2 + [
        "1 / 2 项达标 = 50.0% < 100.0%"
    ]
    assert en.render(said[1]) == "2 of 2 met = 100.0% ≥ 100.0%"
    assert zh._plain[id(said[0])] == (said[0], "2 / 2 项达标 = 100.0% ≥ 100.0%")  # kept by the object


def test_items_compared_alike_share_one_wording_and_true_1_and_1_0_stay_apart():
    """Two schools whose figures compare alike are described by one wording (``conditions._describer``),
    which a translator renders once; ``True``, ``1`` and ``1.0`` are kept apart."""
    from zhijiao_check.i18n import Translator
    from zhijiao_check.measure.conditions import describe
    from zhijiao_check.measure.scope import Item
    from zhijiao_check.vocabulary import Condition
    from zhijiao_check.wording import Once

    condition = validated(Condition, {"field": "meets_standards", "value": True})
    said = [
        describe(condition, Item(None, ("schools", i), {"meets_standards": v}, "甲校"), 2023)
        for i, v in enumerate([True, True, 1, 1.0])
    ]
    assert isinstance(said[0], Once) and said[0] is said[1]
    assert said[2] is not said[0] and said[3] is not said[2]
    assert [Translator("zh").render(one) for one in said] == ["办学条件达标 是 = 是"] * 2 + [
        "办学条件达标 1 = 是"
    ] * 2


def test_a_shared_wording_shown_to_more_places_is_made_apart():
    """A result whose schedule asks for more places (``numbers.at_places``) says its own share, leaving the
    shared wording (``Once``) as other results say it."""
    from zhijiao_check.i18n import Translator
    from zhijiao_check.measure.numbers import at_places, show
    from zhijiao_check.wording import Once, Seq

    shared = Once(Seq(("2 / 3 = ", show(2 / 3, "ratio"))))
    tr = Translator("zh")
    assert tr.render(at_places(shared, 3)) == "2 / 3 = 66.667%"
    assert tr.render(shared) == "2 / 3 = 66.7%"


@pytest.mark.parametrize(
    "condition",
    [
        {"field": "meets_standards", "value": True},
        {"field": "appropriation_per_student", "op": ">=", "value": 10000},
        {"field": "evaluated_in", "op": ">=", "year_plus": -2},
        {"field": "enrollment", "op": "<", "other": "last_year_enrollment"},
        {"field": "designations", "op": "contains", "value": "chuyi"},
        {"field": "upgraded_in", "present": False},
        {"field": "school.level", "value": "secondary"},
    ],
)
def test_a_condition_decides_alike_from_an_item_and_from_the_values_it_read(condition):
    """An ``every`` rule's item decided by one condition reads its values once and decides from them
    (``conditions.decided_of``), where a filter tests the item itself (``test_of``): the two agree, on every
    kind of value a report may give or leave out."""
    from zhijiao_check.measure.conditions import decided_of, right_of, test_of
    from zhijiao_check.measure.scope import Item, reader
    from zhijiao_check.vocabulary import Condition

    made = validated(Condition, condition)
    values = [None, True, False, 0, 1, 1.0, 9999.5, 10000, 2021, "secondary", "higher", [], ["chuyi"]]
    for left in values:
        for other in values:
            data = {condition["field"]: left, "last_year_enrollment": other}
            data = {key: value for key, value in data.items() if value is not None}
            school = {"level": left} if left is not None else {}
            item = Item(None, ("schools", 0, "majors", 0), data, "甲", "乙校", school)
            read = reader(made.field)(item), right_of(made)(item, 2023)
            assert _outcome(decided_of(made), *read) == _outcome(test_of(made), item, 2023), (left, other)


def _outcome(test, *values):
    """What a test gives, or the error it raises (a figure against a text, which validation refuses)."""
    try:
        return test(*values)
    except TypeError as error:
        return type(error)
