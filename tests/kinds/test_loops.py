"""The loops that judge, sum and locate many items at once (``every._judged_alone``, ``sums._parts_by_key``,
``scope.places_of_items``, the tests ``conditions`` makes of one-level fields) give what the general way item
by item gives: the same outcomes, parts and places, for items that give a field, lack it, or are read
through ``otherwise``, in a text report and in one whose places name workbook cells."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from factory import DROP, builtin_packs, county, major, school, validated, write_report

from zhijiao_check.kinds.every import EveryRule, _alone, _Plan, judge, judged_all
from zhijiao_check.located import Positions
from zhijiao_check.measure import conditions
from zhijiao_check.measure.conditions import comparison, once, right_of
from zhijiao_check.measure.scope import Item, Scope, places_of_items, reader
from zhijiao_check.measure.sums import NOTHING, _item_part, total, total_apart
from zhijiao_check.report import ReportFile, load_report
from zhijiao_check.vocabulary import Condition, Sum

from .common import fields


def _uneven() -> dict:
    """A county whose schools give, lack and vary what the rules read."""
    return county(
        year=2023,
        schools=[
            school("甲校", year=2023),
            school(
                "乙校",
                year=2023,
                appropriation_per_student=DROP,
                in_1x_pilot=DROP,
                dual_qualified_teachers=DROP,
                professional_teachers=80,
                enterprise_practice=[{"teachers": 2, "months": 3}, {"teachers": 1, "months": 8}],
                majors=[
                    major(rating="yellow", enrollment=120, year=2023),
                    major("数控技术", evaluated_in=DROP),
                ],
            ),
            school("丙校", level="higher", ownership="private", year=2023, majors=DROP),
        ],
    )


def _reports(tmp_path: Path) -> list[ReportFile]:
    loaded = load_report(write_report(tmp_path, _uneven()), builtin_packs()[0].units)
    assert isinstance(loaded, ReportFile), loaded
    positions = loaded.positions
    # the same report as if read from a workbook: a cell named for every place, so that each is located
    # through ``Positions.cell``
    cells = {path: f"学校!A{index}" for index, path in enumerate([*positions.values, *positions.keys])}
    workbook = dataclasses.replace(loaded, positions=Positions(positions.values, positions.keys, cells))
    return [loaded, workbook]


def _items(report: ReportFile, over: str) -> list[Item]:
    return Scope([report], report.year, city=False).items(over).items


@pytest.mark.parametrize("which", [0, 1])
def test_every_rule_judges_each_item_as_one_at_a_time(tmp_path, which):
    report = _reports(tmp_path)[which]
    rules = [
        r for pack in builtin_packs() for r in pack.rules if isinstance(r, EveryRule) and r.scope != "city"
    ]
    # a field of the item's school, and one that a school gives or not
    for over, require in [
        ("majors", {"field": "school.level", "value": "secondary"}),
        ("majors", {"field": "school.appropriation_per_student", "op": ">=", "value": 10000}),
        ("schools", {"field": "dual_qualified_teachers", "op": ">=", "value": 40}),
    ]:
        rules.append(validated(EveryRule, fields(kind="every", of={"over": over}, require=[require])))
    alone = 0
    for rule in rules:
        plan = once(rule, _Plan)
        items = _items(report, rule.of.over)
        one_by_one = (
            [_alone(plan, plan.only, item, report.year) for item in items]
            if plan.only is not None
            else [judge(plan, item, report.year) for item in items]
        )
        alone += plan.only is not None and plan.only.where is not None
        assert repr(judged_all(plan, items, report.year)) == repr(one_by_one), rule.id
    assert alone >= 5  # the loop is what most rules take


def test_items_that_give_the_same_value_are_judged_as_one_at_a_time_in_every_year(tmp_path):
    """What an item's value gives is kept by the value and what it is compared with (``_Check.told``): an
    item giving a value met before, in another year (the year plus some), is judged and described anew."""
    report = _reports(tmp_path)[0]
    rule = validated(
        EveryRule,
        fields(
            kind="every",
            of={"over": "majors"},
            require=[{"field": "evaluated_in", "op": ">=", "year_plus": -2}],
        ),
    )
    plan = once(rule, _Plan)
    assert plan.only is not None and plan.only.told is not None
    items = _items(report, "majors")
    for year in (2023, 2026, 2023, 2024):
        one_by_one = [_alone(plan, plan.only, item, year) for item in items]
        assert repr(judged_all(plan, items, year)) == repr(one_by_one), year
    assert {o.status.value for o in judged_all(plan, items, 2026)} == {"fail", "missing"}


@pytest.mark.parametrize("which", [0, 1])
def test_a_sum_over_items_has_each_items_part_and_place(tmp_path, which):
    report = _reports(tmp_path)[which]
    scope = Scope([report], report.year, city=False)
    for spec in [
        Sum(field="dual_qualified_teachers", over="schools"),
        Sum(field="professional_teachers", over="schools", otherwise="teachers"),
        Sum(field="teachers", over="enterprise_practice"),
        Sum(field="months", over="enterprise_practice"),
        Sum(field="enrollment", over="majors"),
    ]:
        parts: list = []
        locations: list = []
        missing: list = []
        gaps: list = []
        read_otherwise = sum(
            _item_part(spec, scope, item, parts, locations, missing, gaps)
            for item in scope.items(spec.over).items
        )
        found = total(spec, scope)
        assert repr(found.parts) == repr(tuple(parts)), spec
        assert found.locations == (*[g.location for g in scope.items(spec.over).absent], *locations), spec
        assert found.missing == (*[g.what for g in scope.items(spec.over).absent], *missing), spec
        assert found.otherwise == read_otherwise, spec
    assert total(Sum(field="dual_qualified_teachers", over="schools"), scope).missing  # 乙校 gives none


def test_each_reports_own_sum_is_cut_from_the_city_wide_one_as_its_sum_alone(tmp_path):
    units = builtin_packs()[0].units
    other = load_report(write_report(tmp_path / "other", county("双牌县", year=2023)), units)
    assert isinstance(other, ReportFile), other
    reports = [*_reports(tmp_path), other]
    scope = Scope(reports, 2023, city=True)
    cut = 0
    for spec in [
        Sum(field="dual_qualified_teachers", over="schools"),
        Sum(field="professional_teachers", over="schools", otherwise="teachers"),
        Sum(field="teachers", over="enterprise_practice"),
        Sum(field="enrollment", over="majors"),  # 丙校 lists no majors: each report's the general way
        Sum(field="enrollment.secondary_vocational"),
        Sum(field="funding.new_vocational"),
    ]:
        whole, own = total_apart(spec, scope)
        assert repr(whole) == repr(total(spec, Scope(reports, 2023, city=True))), spec
        if own is None:
            continue
        cut += 1
        for report in reports:
            alone = total(spec, Scope([report], 2023, city=False))
            # a report that misses a figure has none cut: its own sum names what it misses
            assert repr(own.get(id(report), NOTHING)) == repr(None if alone.missing else alone), spec
    assert cut == 5


@pytest.mark.parametrize("which", [0, 1])
def test_items_are_placed_where_each_one_alone_is(tmp_path, which):
    report = _reports(tmp_path)[which]
    for over in ("schools", "majors", "enterprise_practice", "training_bases"):
        items = _items(report, over)
        assert places_of_items(items) == tuple(item.location() for item in items)


@pytest.mark.parametrize(
    "condition",
    [
        Condition(field="level", value="secondary"),
        Condition(field="school.level", value="secondary"),
        Condition(field="appropriation_per_student", op=">=", value=10000),
        Condition(field="in_1x_pilot", value=True),
        Condition(field="designations", op="contains", value="quality"),
        Condition(field="evaluated_in", op=">=", value=2022),
        Condition(field="months", op=">=", value=6),
    ],
)
def test_a_test_of_a_one_level_field_holds_as_the_general_test(tmp_path, condition):
    report = _reports(tmp_path)[0]
    read, right, compare = reader(condition.field), right_of(condition), comparison(condition.op)

    def general(item: Item) -> bool | None:
        if condition.op == "contains":
            return compare(read(item) or [], right(item, report.year))
        left = read(item)
        return None if left is None else compare(left, right(item, report.year))

    test = conditions.test_of(condition)
    for over in ("schools", "majors", "enterprise_practice"):
        for item in _items(report, over):
            assert test(item, report.year) == general(item), (condition, item.name)
