"""``count``: how many items of a collection match, against a number or a range.

c1.quality-schools (schools designated quality_school ≥ 6), c4.leading-industries (1 ≤ n ≤ 2),
c7.training-base, c8.demonstration-parks, c3.new-higher-colleges (1-2所, more is reported), …
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Literal

from zhijiao_check.measure.conditions import field_label, filter_of, once, selected
from zhijiao_check.measure.numbers import meets, near, relation, show, show_target
from zhijiao_check.measure.outcome import Measure, grows_to
from zhijiao_check.measure.scope import Item, Scope, places_of_items
from zhijiao_check.records import record
from zhijiao_check.vocabulary import Items, Range, RuleBase, Unit
from zhijiao_check.wording import COLON, Join, Wording, msg, seq

NAMES_SHOWN = 8


@record(kw_only=True)
class CountRule(RuleBase):
    """``distinct``: count the different values of this field among the matching items, not the items
    (one major taught in 20 schools is one major)."""

    kind: Literal["count"]
    of: Items
    distinct: str | None = None
    unit: Unit = "count"

    def reads(self) -> list[str]:
        fields = [c.field for c in self.of.where] + ([self.distinct] if self.distinct else [])
        return [self.of.over, *(f"{self.of.over}[].{f}" for f in dict.fromkeys(fields))]

    def observed_range(self) -> Range:
        return 0.0, None  # a number of items: as many as the reports list

    def measure(self, scope: Scope) -> Measure:
        return measure(self, scope)


def measure(rule: CountRule, scope: Scope) -> Measure:
    return measurer(rule)(scope)


def measurer(rule: CountRule) -> Callable[[Scope], Measure]:
    """``measure`` of the rule as one function of the scope, made once a run (``kinds.measurer``): its
    filter, whether more items could only add to a count that meets its target, and the target as shown
    looked up once, not once a report."""
    return once(rule, _measurer)


def _measurer(rule: CountRule) -> Callable[[Scope], Measure]:
    over, filtered, target, unit = rule.of.over, filter_of(rule.of.where), rule.target, rule.unit
    grows = grows_to(target)
    shown_target = show(target.value, unit)

    def measure_of(scope: Scope) -> Measure:
        counted, absent = selected(filtered, scope.items(over), scope.year)
        if absent and not (grows and meets(_count(rule, counted), target)):
            return Measure.missing_data((a.what for a in absent), (a.location for a in absent))
        shown = _shown(rule, counted)
        n = len(shown)
        met = meets(n, target)
        text: Wording = seq(f"{n} {relation(target.op, met)} ", shown_target)
        if shown:
            names: Wording = Join(tuple(shown[:NAMES_SHOWN]))
            if n > NAMES_SHOWN:
                names = seq(names, msg("engine.and-more", count=n - NAMES_SHOWN))
            text = seq(text, COLON, names)
        notes: tuple[Wording, ...] = ()
        if rule.distinct is not None and len(counted) > n:
            notes = (
                msg("engine.distinct", items=len(counted), count=n, field=field_label(rule.distinct, over)),
            )
        if target.expected_max is not None and n > target.expected_max:
            notes += (
                msg(
                    "engine.above-range",
                    count=n,
                    range=show_target(target.op, target.value, unit),
                    high=show(target.expected_max, unit),
                ),
            )
        if absent:  # met already: the lists not given can only add to the count
            notes += (msg("engine.met-without", what=Join(tuple(dict.fromkeys(a.what for a in absent)))),)
        locations = places_of_items(counted) or scope.where_listed(over)
        return Measure(
            n, met, text, locations, near=not met and near(n, target), notes=notes, settled=grows and met
        )

    return measure_of


def _shown(rule: CountRule, counted: list[Item]) -> list[Wording]:
    """The names counted: one per item, or one per different value of the ``distinct`` field."""
    if rule.distinct is None:
        return _told_apart(counted)
    return list(dict.fromkeys(str(item.get(rule.distinct)) for item in counted))


def _told_apart(items: list[Item]) -> list[Wording]:
    """The items' names, a name that more than one item has said with where each is: majors of one name at
    three schools are three majors, not one counted three times (服装设计与工艺（东安县职业中等专业学校）).
    Only names that repeat: most are said once, and a list of bare names stays short."""
    bare: list[Wording] = [item.name for item in items]
    if len(set(bare)) == len(bare):  # most lists: no name twice, told without counting
        return bare
    names = Counter(bare)
    # By its school; a school (or a list entry, which has none) by its unit. The unit as well where that is
    # still not enough: one school's name in two units' reports.
    places = [_place(item) if names[item.name] > 1 else "" for item in items]
    pairs = Counter(zip((item.name for item in items), places, strict=True))
    return [
        item.name
        if not place
        else seq(
            item.name,
            msg(
                "engine.paren",
                text=place if pairs[item.name, place] == 1 else f"{item.report.unit} · {place}",
            ),
        )
        for item, place in zip(items, places, strict=True)
    ]


def _place(item: Item) -> str:
    return item.school if item.school is not None and item.school != item.name else item.report.unit


def _count(rule: CountRule, counted: list[Item]) -> int:
    if rule.distinct is None:
        return len(counted)
    return len({str(item.get(rule.distinct)) for item in counted})
