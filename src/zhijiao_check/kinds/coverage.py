"""``coverage``: the items together cover every one of a set of values (c7: majors in all six clusters)."""

from __future__ import annotations

from typing import Literal

from zhijiao_check.measure.conditions import check, describe, select
from zhijiao_check.measure.numbers import meets, relation, show
from zhijiao_check.measure.outcome import Measure, grows_to
from zhijiao_check.measure.scope import Item, Scope
from zhijiao_check.records import record
from zhijiao_check.vocabulary import Items, Range, RuleBase, Unit
from zhijiao_check.wording import CLAUSE, Join, Wording, msg, seq


@record(kw_only=True)
class CoverageRule(RuleBase):
    kind: Literal["coverage"]
    of: Items
    field: str
    required: list[str]
    unit: Unit = "count"

    def reads(self) -> list[str]:
        return [f"{self.of.over}[].{self.field}"]

    def observed_range(self) -> Range:
        return 0.0, float(len(self.required))  # how many of the required values are covered

    def measure(self, scope: Scope) -> Measure:
        return measure(self, scope)


def measure(rule: CoverageRule, scope: Scope) -> Measure:
    found = scope.items(rule.of.over)
    items, absent = select(found, rule.of.where, scope.year)
    covering = {
        value: next((i for i in items if i.get(rule.field) == value), None) for value in rule.required
    }
    covered = [value for value, item in covering.items() if item is not None]
    uncovered = [value for value in rule.required if value not in covered]
    met = meets(len(covered), rule.target)
    grows = grows_to(rule.target)
    if absent and not (grows and met):
        return Measure.missing_data((a.what for a in absent), (a.location for a in absent))
    text: Wording = seq(
        msg("engine.covered", covered=len(covered), total=len(rule.required)),
        f" {relation(rule.target.op, met)} ",
        show(rule.target.value, rule.unit),
    )
    shown: Wording = (
        _grouped([(value, _why(value, found.items, rule, scope.year)) for value in uncovered])
        if rule.of.where
        else Join(tuple(uncovered))
    )
    if uncovered:
        text = seq(text, CLAUSE, msg("engine.uncovered", values=shown))
    notes = (
        (msg("engine.met-without", what=Join(tuple(dict.fromkeys(a.what for a in absent)))),)
        if absent
        else ()
    )
    locations = tuple(item.location(rule.field) for item in covering.values() if item is not None)
    if rule.of.where:  # where each value that does not count stands, when it is listed at all
        locations += tuple(i.location() for v in uncovered for i in found.items if i.get(rule.field) == v)
    return Measure(
        len(covered),
        met,
        text,
        locations or scope.where_listed(rule.of.over),
        notes=notes,
        settled=grows and met,
    )


def _why(value: str, items: list[Item], rule: CoverageRule, year: int) -> Wording:
    """Why ``value`` does not count: ``建设项目进展 building ≠ completed``, or ``未填报`` where no item has
    it."""
    item = next((i for i in items if i.get(rule.field) == value), None)
    if item is None:
        return msg("engine.not-listed")
    failing = [c for c in rule.of.where if check(c, item, year) is not True]
    return Join(tuple(describe(c, item, year, rule.of.over) for c in failing), CLAUSE)


def _grouped(reasons: list[tuple[str, Wording]]) -> Wording:
    """The values that do not count, those with the same reason together, said once for them all:
    ``A、B（均：建设项目进展 building ≠ completed）；C（未填报）``: nine schools each followed by the same
    parenthesis read as one long repetition."""
    groups: list[tuple[Wording, list[str]]] = []
    for value, why in reasons:
        group = next((values for reason, values in groups if reason == why), None)
        if group is None:
            groups.append((why, [value]))
        else:
            group.append(value)
    return Join(
        tuple(
            seq(
                Join(tuple(values)),
                msg("engine.paren", text=msg("engine.each", text=why) if len(values) > 1 else why),
            )
            for why, values in groups
        ),
        CLAUSE,
    )
