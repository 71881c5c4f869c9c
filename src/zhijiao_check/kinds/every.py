"""``every``: each matching school, major or entry must pass a test; the rule lists each one that does not.

c16.secondary-funding (every public secondary school ≥ 10000 元), c4.yellow-majors-shrink (every yellow
major enrolls fewer than last year, or none in both years), c12.practice-duration (every group ≥ 6 months), …
The observed value is the share of judged items that pass (100% meets the target).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from itertools import chain
from operator import attrgetter
from typing import Any, Literal

from zhijiao_check.measure.conditions import (
    KEYED,
    SAID,
    decided_of,
    describer,
    filter_of,
    once,
    places_of,
    right_of,
    selected,
    test_of,
)
from zhijiao_check.measure.numbers import meets, places, relation, show
from zhijiao_check.measure.outcome import ItemOutcome, Measure
from zhijiao_check.measure.scope import (
    NO_PLACES,
    Absent,
    Item,
    Location,
    Scope,
    one_key,
    reader,
    report_places,
    split,
)
from zhijiao_check.memo import BoundedMemo
from zhijiao_check.records import record
from zhijiao_check.status import Status
from zhijiao_check.vocabulary import Condition, Items, Range, RuleBase, Unfit, Unit
from zhijiao_check.wording import CLAUSE, Join, Once, Seq, Wording, msg, seq


@record(kw_only=True)
class EveryRule(RuleBase):
    """``require``: every condition holds. ``any_of``: at least one group of conditions holds entirely."""

    kind: Literal["every"]
    of: Items
    require: list[Condition] = dataclasses.field(default_factory=list)
    any_of: list[list[Condition]] = dataclasses.field(default_factory=list)
    unit: Unit = "ratio"

    def __post_init__(self) -> None:
        if bool(self.require) == bool(self.any_of):
            raise Unfit(msg("pack.require-or-any-of"))

    def groups(self) -> list[list[Condition]]:
        return [self.require] if self.require else self.any_of

    def reads(self) -> list[str]:
        fields = [c.field for c in self.of.where] + [c.field for g in self.groups() for c in g]
        fields += [c.other for g in self.groups() for c in g if c.other]
        return [f"{self.of.over}[].{f}" for f in dict.fromkeys(fields)]

    def observed_range(self) -> Range:
        return 0.0, 1.0  # the share of the items judged that pass

    def measure(self, scope: Scope) -> Measure:
        return measure(self, scope)


class _Check:
    """One condition of a rule, resolved once a run: its test, how it is described, what it reads, where."""

    def __init__(self, condition: Condition) -> None:
        self.condition = condition
        self.test = test_of(condition)
        self.read = reader(condition.field)
        self.right = right_of(condition)
        self.decided = decided_of(condition)
        self.describe = describer(condition)
        self.places = places_of(condition)
        # where its one field stands, when it reads one (no ``other``): an item's figure is then located once
        self.where = self.places[0][1] if len(self.places) == 1 else None
        # What ``_judged_alone`` reads without a call: the value compared with, when the rule gives it (not
        # another field, not the year plus some); the field's key in the item (``enrollment``) or in its
        # school (``school.level``), when it is one level deep; the field's path below the item, or below
        # its school, as ``scope.locator`` locates it.
        self.constant = condition.other is None and condition.year_plus is None and condition.present is None
        self.value = condition.value
        # What an item gives decides what its test gives and how it is described, where what it is compared
        # with is the same for every item of a year (the rule's value, the year plus some) and both are values
        # the describer keeps its wording by (``conditions.KEYED``): kept by the value's class, the value and
        # what it is compared with, one lookup for each item that gives one (most items of a rule give one of
        # a few: 是, a year), not a test and a description.
        fixed = condition.other is None and condition.present is None
        self.told: BoundedMemo[tuple[type, object, object], tuple[bool | None, Wording]] | None = (
            BoundedMemo(limit=SAID)
            if fixed and (condition.year_plus is not None or self.value.__class__ in KEYED)
            else None
        )
        field = condition.field
        on_school = field.startswith("school.")
        self.path = split(field)
        self.school_path = split(field[len("school.") :]) if on_school else None
        self.key, self.school_key = one_key(field)


class _Plan:
    """An ``every`` rule resolved once a run: its groups' checks, what its first condition reads and compares
    with (each item's observed value and target)."""

    def __init__(self, rule: EveryRule) -> None:
        self.filter = filter_of(rule.of.where)
        # Every item must pass (the built-in rules: ≥ 100%): one failing decides the rule, whatever the items
        # not given would add. Under a lower target (≥ 50%), they could still make it or break it.
        target = rule.target
        self.one_fails_all = (
            target.op in (">=", ">", "==") and not isinstance(target.value, list) and target.value >= 1
        )
        self.groups = [[_Check(c) for c in group] for group in rule.groups()]
        # Most rules test one condition (``require: [{field: in_1x_pilot, value: true}]``), which decides.
        self.only = self.groups[0][0] if len(self.groups) == 1 and len(self.groups[0]) == 1 else None
        # one condition decides each item: its figure and target are the item's own (``ItemOutcome.target``)
        self.one_condition = self.only is not None
        first = rule.groups()[0][0]
        self.op = first.op
        self.observe = reader(first.field)
        self.target = right_of(first)
        self.over = rule.of.over
        # What a result says of its share, by its counts (passed, missing data, judged): ``_said``.
        self.said: BoundedMemo[tuple[int, int, int], tuple[float, bool | None, Wording]] = BoundedMemo()


def judge(plan: _Plan, item: Item, year: int) -> ItemOutcome:
    """The item's status, and the conditions that decided it described with its values: the first group that
    holds; else, when no group fails outright, every condition (a field one needs is absent); else the first
    failing condition of each group."""
    if plan.only is not None:  # one condition decides alone, without the groups ``any_of`` needs
        return _alone(plan, plan.only, item, year)
    every: list[tuple[_Check, bool | None]] = []
    failing: list[tuple[_Check, bool | None]] = []
    shown = None
    for group in plan.groups:
        results = [check.test(item, year) for check in group]  # each True, False or None (unknown)
        pairs = list(zip(group, results, strict=True))
        if False in results:
            failing.append(pairs[results.index(False)])
        elif None not in results:
            shown = pairs
            break
        every.extend(pairs)
    if shown is not None:
        status = Status.PASS
    elif len(failing) < len(plan.groups):
        status = Status.MISSING
        shown = every
    else:
        status = Status.FAIL
        shown = failing
    return _outcome(plan, item, year, status, shown)


def judged_all(plan: _Plan, items: list[Item], year: int) -> list[ItemOutcome]:
    """``judge`` of each item, in order."""
    return once(plan, _judging)(items, year)


def _judging(plan: _Plan) -> Callable[[list[Item], int], list[ItemOutcome]]:
    """``judged_all`` of the plan, worked out once a run (``_judged_alone`` where one condition reading one
    field decides)."""
    only = plan.only
    if only is not None and only.where is not None:
        return _judged_alone(plan, only)
    return lambda items, year: [judge(plan, item, year) for item in items]


_PASS, _FAIL, _MISSING = Status.PASS, Status.FAIL, Status.MISSING


def _judged_alone(plan: _Plan, check: _Check) -> Callable[[list[Item], int], list[ItemOutcome]]:
    """``_alone`` of each item when its one condition reads one field (most rules), in one loop: the field
    read and the item located without a call where they can be, each report's places looked up once for its
    items. The same outcomes, item by item. What the loop reads of the plan and its check is taken out once
    a run, not once a report."""
    read, right, decided, describe = check.read, check.right, check.decided, check.describe
    over, op = plan.over, plan.op
    constant, value, told = check.constant, check.value, check.told
    key, school_key = check.key, check.school_key
    path, school_path = check.path, check.school_path

    def judged_alone(items: list[Item], year: int) -> list[ItemOutcome]:
        judged: list[ItemOutcome] = []
        report, positions, values, file, cells = NO_PLACES
        # what every item is compared with, where it is the same for all (``_Check.told``): the first's
        fixed: Any = right(items[0], year) if told is not None and items else None
        for item in items:
            if key is not None:
                data = item.data
                left = data.get(key) if data.__class__ is dict else read(item)
            elif school_key is not None:
                school = item.school_data
                left = school.get(school_key) if school.__class__ is dict else read(item)
            else:
                left = read(item)
            if told is not None and left.__class__ in KEYED:
                against = fixed
                known = told.get((left.__class__, left, fixed))
                if known is None:
                    held = decided(left, fixed)
                    said = describe(item, year, over, held, left, fixed)
                    known = told.keep((left.__class__, left, fixed), (held, said))
                held, said = known
            else:
                against = value if constant else right(item, year)
                held = decided(left, against)
                said = describe(item, year, over, held, left, against)
            status = _FAIL if held is False else _MISSING if held is None else _PASS
            if item.report is not report:
                report, positions, values, file, cells = report_places(item.report)
            # as ``_alone``: its field's place where it gives the field, or where it should; else the item's
            if left is not None or held is None:
                if school_path is not None and item.school_data is not None:
                    at = (*item.path[:2], *school_path)
                else:
                    at = item.path + path
            else:
                at = item.path
            line, column = values.get(at) or positions.nearest(at)
            judged.append(
                ItemOutcome(
                    item.name,
                    item.school,
                    status,
                    left,
                    said,
                    (Location(file, line, column, positions.cell(at) if cells else ""),),
                    {"op": op, "value": against},
                )
            )
        return judged

    return judged_alone


def _alone(plan: _Plan, check: _Check, item: Item, year: int) -> ItemOutcome:
    """``_outcome`` of an item that one condition decides (most rules): what it compares is read once, for its
    test, its description, its figure and its target."""
    left = check.read(item)
    against = check.right(item, year)
    held = check.decided(left, against)
    status = Status.FAIL if held is False else Status.MISSING if held is None else Status.PASS
    where = check.where
    if where is None:  # two fields read (``other``): located as any item is
        return _outcome(plan, item, year, status, ((check, held),))
    # its field's place where it gives the field, or where it should (its value missing); else the item's
    located = (where(item),) if left is not None or held is None else (item.location(),)
    return ItemOutcome(
        item.name,
        item.school,
        status,
        left,
        check.describe(item, year, plan.over, held, left, against),
        located,
        {"op": plan.op, "value": against},
    )


def _outcome(
    plan: _Plan, item: Item, year: int, status: Status, shown: Sequence[tuple[_Check, bool | None]]
) -> ItemOutcome:
    """The item's outcome: ``status``, and the conditions ``shown`` described with the item's values and
    located where it gave them."""
    # A field read by several groups (``enrollment`` in both tests of a yellow major) is described once. One
    # condition shown (most items) reads as its description alone.
    over = plan.over
    described = [
        check.describe(item, year, over, held, check.read(item), check.right(item, year))
        for check, held in shown
    ]
    text: Wording = described[0] if len(described) == 1 else Join(tuple(described), CLAUSE, unique=True)
    found = [where(item) for check, _ in shown for read, where in check.places if read(item) is not None]
    if status == Status.MISSING:
        # The field not given first: its blank cell (学校!G3), not the row's first (学校!A3).
        found = [
            where(item) for check, _ in shown for read, where in check.places if read(item) is None
        ] + found
    return ItemOutcome(
        item.name,
        item.school,
        status,
        plan.observe(item),
        text,
        tuple(dict.fromkeys(found) if len(found) > 1 else found) if found else (item.location(),),
        # a target of its own only where one condition decides: under several (``any_of``, two required),
        # the first one's figure and target need not be what decided it (a major at 0 both years)
        {"op": plan.op, "value": plan.target(item, year)} if plan.one_condition else None,
    )


# One for every rule and report that has no item to judge (four of a county's rules, most years): a message
# without parameters, which a translator remembers by the object (``i18n.Translator._message``), is then
# rendered once, not once for each result and kept among the texts to forget.
_NONE_MATCHING = msg("engine.none-matching")
# An outcome's status and places, taken in C (``measure``: every item of every rule)
_STATUS = attrgetter("status")
_LOCATIONS = attrgetter("locations")


def measure(rule: EveryRule, scope: Scope) -> Measure:
    return measurer(rule)(scope)


def measurer(rule: EveryRule) -> Callable[[Scope], Measure]:
    """``measure`` of the rule as one function of the scope, made once a run: its plan, its filter and its
    loop over the items looked up once, not once a report (the evaluator calls it as it is:
    ``kinds.measurer``)."""
    return once(rule, _measurer)


def _measurer(rule: EveryRule) -> Callable[[Scope], Measure]:
    plan = once(rule, _Plan)
    over, filtered, one_fails_all = plan.over, plan.filter, plan.one_fails_all
    judging = once(plan, _judging)

    def measure_of(scope: Scope) -> Measure:
        year = scope.year
        items, lists_absent = selected(filtered, scope.items(over), year)
        if not items:  # nothing to judge (a third of a report's `every` rules): as below, without the loop
            if lists_absent:
                return _lists_absent(lists_absent)
            return Measure(None, None, _NONE_MATCHING, scope.where_listed(over), applicable=False)
        judged = judging(items, year)
        statuses = list(map(_STATUS, judged))
        settled = one_fails_all and _FAIL in statuses
        if lists_absent and not settled:
            return _lists_absent(lists_absent)
        passed = statuses.count(_PASS)
        absent = [o for o in judged if o.status == _MISSING] if _MISSING in statuses else []
        share, met, text = _said(rule, plan, passed, len(absent), len(judged))
        locations = tuple(chain.from_iterable(map(_LOCATIONS, judged)))
        if absent and met is None:
            text = seq(text, CLAUSE, msg("engine.missing-data", what=Join(tuple([o.label for o in absent]))))
        return Measure(share, met, text, locations, tuple(judged), settled=settled)

    return measure_of


def _lists_absent(absent: list[Absent]) -> Measure:
    """A list that is not given may hold items that fail, or pass: the rule misses its data."""
    return Measure.missing_data((a.what for a in absent), (a.location for a in absent))


def _said(
    rule: EveryRule, plan: _Plan, passed: int, absent: int, total: int
) -> tuple[float, bool | None, Wording]:
    """The share of the items that pass, whether it meets the target, and what the result says of it before
    the items whose data is missing are named: the same for every report whose items come to the same counts
    (most reports pass every item), so made once for each, and rendered once (``Once``)."""
    known = plan.said.get((passed, absent, total))
    if known is not None:
        return known
    share = passed / total
    digits = places(share, rule.target.value)
    text: Wording = msg("engine.every", passed=passed, total=total, share=show(share, "ratio", digits))
    # The items whose data is missing may pass or fail: met if it is met either way, not if neither.
    best = (passed + absent) / total
    met: bool | None = meets(share, rule.target)
    if met != meets(best, rule.target):
        met = None
    if met is not None:
        text = Once(
            Seq((text, f" {relation(rule.target.op, met)} ", show(rule.target.value, rule.unit, digits)))
        )
    return plan.said.keep((passed, absent, total), (share, met, text))
