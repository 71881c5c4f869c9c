"""``flag``: a yes/no fact that must be true (a committee set up, a meeting system, an activity week held)."""

from __future__ import annotations

from typing import Literal

from zhijiao_check.i18n import Translator
from zhijiao_check.measure.conditions import field_label
from zhijiao_check.measure.outcome import Measure
from zhijiao_check.measure.scope import Scope
from zhijiao_check.vocabulary import RuleBase, Unit


class FlagRule(RuleBase):
    kind: Literal["flag"]
    field: str
    unit: Unit = "bool"

    def reads(self) -> list[str]:
        return [self.field]

    def measure(self, scope: Scope, tr: Translator) -> Measure:
        return measure(self, scope, tr)


def measure(rule: FlagRule, scope: Scope, tr: Translator) -> Measure:
    readings = scope.field(rule.field)
    label = field_label(rule.field, tr)
    locations = tuple(r.location for r in readings)
    absent = [r for r in readings if r.value is None]
    if absent or not readings:
        names = [scope.named(r.report, rule.field) for r in absent] or [rule.field]
        return Measure.missing_data(names, locations, tr)
    met = all(r.value is True for r in readings)
    text = f"{label}{tr.colon}{tr('engine.yes') if met else tr('engine.no')}"
    return Measure(met, met, text, locations, settled=not met)  # one "no" is a "no" whatever else comes
