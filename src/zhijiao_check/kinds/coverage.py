"""``coverage``: the items together cover every one of a set of values (c7: majors in all six clusters)."""

from __future__ import annotations

from typing import Literal

from zhijiao_check.measure.conditions import check, describe, select
from zhijiao_check.measure.numbers import meets, relation, show
from zhijiao_check.measure.outcome import Measure, grows_to
from zhijiao_check.measure.scope import Item, Scope
from zhijiao_check.records import record
from zhijiao_check.vocabulary import Items, RuleBase, Unit
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
        f" {relation(len(covered), rule.target.op, met)} ",
        show(rule.target.value, rule.unit),
    )
    shown = (
        [_why(value, found.items, rule, scope.year) for value in uncovered] if rule.of.where else uncovered
    )
    if uncovered:
        text = seq(text, CLAUSE, msg("engine.uncovered", values=Join(tuple(shown))))
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
    """``永州市工商职业中等专业学校（建设项目进展 building ≠ completed）``,
    or ``…（未填报）`` when no item has it.
    """
    item = next((i for i in items if i.get(rule.field) == value), None)
    if item is None:
        return seq(value, msg("engine.paren", text=msg("engine.not-listed")))
    failing = [c for c in rule.of.where if check(c, item, year) is not True]
    reasons = Join(tuple(describe(c, item, year, rule.of.over) for c in failing), CLAUSE)
    return seq(value, msg("engine.paren", text=reasons))
