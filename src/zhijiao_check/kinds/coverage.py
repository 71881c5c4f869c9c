"""``coverage``: the items together cover every one of a set of values (c7: majors in all six clusters)."""

from __future__ import annotations

from typing import Literal

from zhijiao_check.i18n import Translator
from zhijiao_check.measure.conditions import select
from zhijiao_check.measure.numbers import meets, relation, show
from zhijiao_check.measure.outcome import Measure, grows_to
from zhijiao_check.measure.scope import Scope
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
    items, absent = select(scope.items(rule.of.over), rule.of.where, scope.year)
    covering = {value: next((i for i in items if i.get(rule.field) == value), None) for value in rule.required}
    covered = [value for value, item in covering.items() if item is not None]
    uncovered = [value for value in rule.required if value not in covered]
    met = meets(len(covered), rule.target)
    grows = grows_to(rule.target)
    if absent and not (grows and met):
        return Measure.missing_data((a.what for a in absent), (a.location for a in absent), tr)
    text = tr("engine.covered", covered=len(covered), total=len(rule.required))
    text += f" {relation(len(covered), rule.target.op, met)} {show(rule.target.value, rule.unit, tr)}"
    if uncovered:
        text += tr.sep + tr("engine.uncovered", values=tr.join(uncovered))
    notes = (tr("engine.met-without", what=tr.join(dict.fromkeys(a.what for a in absent))),) if absent else ()
    locations = tuple(item.location(rule.field) for item in covering.values() if item is not None)
    return Measure(len(covered), met, text, locations or scope.where_listed(rule.of.over), notes=notes,
                   settled=grows and met)
