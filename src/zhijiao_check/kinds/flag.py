"""``flag``: a yes/no fact that must be true (a committee set up, a meeting system, an activity week held)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from zhijiao_check.measure.conditions import field_label, once
from zhijiao_check.measure.outcome import Measure
from zhijiao_check.measure.scope import Scope, absent_field
from zhijiao_check.records import record
from zhijiao_check.vocabulary import Range, RuleBase, Unit
from zhijiao_check.wording import COLON, Once, Wording, msg, seq


@record(kw_only=True)
class FlagRule(RuleBase):
    kind: Literal["flag"]
    field: str
    unit: Unit = "bool"

    def reads(self) -> list[str]:
        return [self.field]

    def observed_range(self) -> Range:
        return 0.0, 1.0  # no or yes (a yes/no target is never projected)

    def measure(self, scope: Scope) -> Measure:
        return measure(self, scope)


def measure(rule: FlagRule, scope: Scope) -> Measure:
    readings = scope.field(rule.field)
    locations = tuple(r.location for r in readings)
    absent = [r for r in readings if r.value is None]
    if absent or not readings:
        names = [scope.named(r.report, absent_field(r.report, r.path, rule.field)) for r in absent]
        return Measure.missing_data(names or [rule.field], locations, gaps=(r.location for r in absent))
    met = all(r.value is True for r in readings)
    text = once(rule, _said)[met]
    return Measure(met, met, text, locations, settled=not met)  # one "no" is a "no" whatever else comes


def measurer(rule: FlagRule) -> Callable[[Scope], Measure]:
    """``measure`` of the rule as one function of the scope, made once a run (``kinds.measurer``): its
    wording looked up once, and a report's one reading that gives the fact judged as ``measure`` judges it,
    without the loops over a year's readings."""
    return once(rule, _measurer)


def _measurer(rule: FlagRule) -> Callable[[Scope], Measure]:
    field, said = rule.field, once(rule, _said)

    def measure_of(scope: Scope) -> Measure:
        readings = scope.field(field)
        if len(readings) == 1:
            reading = readings[0]
            if reading.value is not None:
                met = reading.value is True
                return Measure(met, met, said[met], (reading.location,), settled=not met)
        return measure(rule, scope)

    return measure_of


def _said(rule: FlagRule) -> tuple[Wording, Wording]:
    """What the rule says when its fact is not given as true, and when it is (``质量管理委员会：是``): the
    same for every report, so made once a run and rendered once (``Once``)."""
    label = field_label(rule.field)
    return Once(seq(label, COLON, msg("engine.no"))), Once(seq(label, COLON, msg("engine.yes")))
