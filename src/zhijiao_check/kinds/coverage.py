"""``coverage``: the items together cover every one of a set of values (c7: majors in all six clusters)."""

from __future__ import annotations

from typing import Literal

from zhijiao_check.i18n import Translator
from zhijiao_check.measure.conditions import check, describe, select
from zhijiao_check.measure.numbers import meets, relation, show
from zhijiao_check.measure.outcome import Measure, grows_to
from zhijiao_check.measure.scope import Item, Scope
from zhijiao_check.vocabulary import Items, RuleBase, Unit


class CoverageRule(RuleBase):
    kind: Literal["coverage"]
    of: Items
    field: str
    required: list[str]
    unit: Unit = "count"

    def reads(self) -> list[str]:
        return [f"{self.of.over}[].{self.field}"]

    def measure(self, scope: Scope, tr: Translator) -> Measure:
        return measure(self, scope, tr)


def measure(rule: CoverageRule, scope: Scope, tr: Translator) -> Measure:
    found = scope.items(rule.of.over)
    items, absent = select(found, rule.of.where, scope.year)
    covering = {value: next((i for i in items if i.get(rule.field) == value), None) for value in rule.required}
    covered = [value for value, item in covering.items() if item is not None]
    uncovered = [value for value in rule.required if value not in covered]
    met = meets(len(covered), rule.target)
    grows = grows_to(rule.target)
    if absent and not (grows and met):
        return Measure.missing_data((a.what for a in absent), (a.location for a in absent), tr)
    text = tr("engine.covered", covered=len(covered), total=len(rule.required))
    text += f" {relation(len(covered), rule.target.op, met)} {show(rule.target.value, rule.unit, tr)}"
    shown = [_why(value, found.items, rule, scope.year, tr) for value in uncovered] if rule.of.where else uncovered
    if uncovered:
        text += tr.sep + tr("engine.uncovered", values=tr.join(shown))
    notes = (tr("engine.met-without", what=tr.join(dict.fromkeys(a.what for a in absent))),) if absent else ()
    locations = tuple(item.location(rule.field) for item in covering.values() if item is not None)
    if rule.of.where:  # where each value that does not count stands, when it is listed at all
        locations += tuple(i.location() for v in uncovered for i in found.items if i.get(rule.field) == v)
    return Measure(len(covered), met, text, locations or scope.where_listed(rule.of.over), notes=notes,
                   settled=grows and met)


def _why(value: str, items: list[Item], rule: CoverageRule, year: int, tr: Translator) -> str:
    """``永州市工商职业中等专业学校（建设项目进展 building ≠ completed）``, or ``…（未填报）`` when no item has it."""
    item = next((i for i in items if i.get(rule.field) == value), None)
    if item is None:
        return f"{value}{tr('engine.paren', text=tr('engine.not-listed'))}"
    failing = [c for c in rule.of.where if check(c, item, year) is not True]
    reasons = tr.sep.join(describe(c, item, year, tr, rule.of.over) for c in failing)
    return f"{value}{tr('engine.paren', text=reasons)}"
