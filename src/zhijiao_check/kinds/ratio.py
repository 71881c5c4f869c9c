"""``ratio``: Σnumerator / Σdenominator against a number, or against another ratio.

c1.vocational-share (one county), c11.dual-qualified-share (all schools of the city),
c16.new-funding-tilt (new funding's share against the existing share).
"""

from __future__ import annotations

from typing import Literal

from zhijiao_check.engine.measure import ItemOutcome, Measure
from zhijiao_check.engine.numbers import meets, near, number, relation, show
from zhijiao_check.engine.scope import Scope
from zhijiao_check.engine.sums import Total, total
from zhijiao_check.i18n import Translator
from zhijiao_check.kinds.base import RuleBase, Strict, Sum, Unit


class Fraction(Strict):
    numerator: list[Sum]
    denominator: list[Sum]

    def reads(self) -> list[str]:
        return [s.reads() for s in (*self.numerator, *self.denominator)]


class RatioRule(RuleBase):
    """``compare_to``: the target is that other ratio (with the target's operator) instead of a number.
    ``by_unit``: in city scope, each unit's own share is listed under the city-wide one."""

    kind: Literal["ratio"]
    numerator: list[Sum]
    denominator: list[Sum]
    compare_to: Fraction | None = None
    by_unit: bool = False
    unit: Unit = "ratio"

    def reads(self) -> list[str]:
        own = Fraction(numerator=self.numerator, denominator=self.denominator).reads()
        return list(dict.fromkeys(own + (self.compare_to.reads() if self.compare_to else [])))


class _Value:
    """A computed fraction and how it was computed (``1200 / (1200 + 1800) = 40.0%``)."""

    def __init__(self, numerator: list[Total], denominator: list[Total], city: bool) -> None:
        self.totals = [*numerator, *denominator]
        # A field read by both numerator and denominator is named once.
        self.missing = [m for t in self.totals for m in t.missing]
        top = sum(t.value or 0 for t in numerator)
        bottom = sum(t.value or 0 for t in denominator)
        self.ratio = None if self.missing or not bottom else top / bottom
        self.zero = not self.missing and not bottom
        sigma = "Σ" if city else ""
        self.top_text = _terms(numerator, sigma)
        self.bottom_text = _terms(denominator, sigma)

    def text(self, unit: Unit, tr: Translator) -> str:
        return f"{self.top_text} / {self.bottom_text} = {show(self.ratio, unit, tr)}"


def _terms(totals: list[Total], sigma: str) -> str:
    shown = [f"{sigma}{_n(t.value)}" for t in totals]
    return shown[0] if len(shown) == 1 else "(" + " + ".join(shown) + ")"


def _n(value: float | None) -> str:
    return number(value) if value is not None else "?"


def _compute(numerator: list[Sum], denominator: list[Sum], scope: Scope) -> _Value:
    return _Value([total(s, scope) for s in numerator], [total(s, scope) for s in denominator], scope.city)


def measure(rule: RatioRule, scope: Scope, tr: Translator) -> Measure:
    value = _compute(rule.numerator, rule.denominator, scope)
    locations = tuple(loc for t in value.totals for loc in t.locations)
    if value.missing:
        return Measure.missing_data(value.missing, locations, tr)
    if value.zero:
        return Measure(None, None, tr("engine.zero-denominator", text=value.bottom_text), locations,
                       applicable=False)
    assert value.ratio is not None
    items = tuple(_per_unit(rule, scope, tr)) if rule.by_unit and scope.city else ()
    if rule.compare_to is None:
        met = meets(value.ratio, rule.target)
        sign = relation(value.ratio, rule.target.op, met)
        text = f"{value.text(rule.unit, tr)} {sign} {show(rule.target.value, rule.unit, tr)}"
        return Measure(value.ratio, met, text, locations, items, near=not met and near(value.ratio, rule.target))
    other = _compute(rule.compare_to.numerator, rule.compare_to.denominator, scope)
    locations += tuple(loc for t in other.totals for loc in t.locations)
    if other.missing:
        return Measure.missing_data(other.missing, locations, tr, observed=value.ratio)
    if other.ratio is None:
        return Measure(value.ratio, None, tr("engine.zero-denominator", text=other.bottom_text), locations,
                       applicable=False)
    met = meets(value.ratio, rule.target, other.ratio)
    sign = relation(value.ratio, rule.target.op, met)
    text = f"{value.text(rule.unit, tr)} {sign} {other.text(rule.unit, tr)}"
    return Measure(value.ratio, met, text, locations, items, target=other.ratio)


def _per_unit(rule: RatioRule, scope: Scope, tr: Translator) -> list[ItemOutcome]:
    """Each unit's own share, shown under a city-wide ratio (units with no data are left out)."""
    outcomes = []
    for report in scope.reports:
        own = _compute(rule.numerator, rule.denominator, Scope([report], scope.year, city=False))
        if own.ratio is None:
            continue
        met = meets(own.ratio, rule.target)
        text = f"{own.text(rule.unit, tr)} {relation(own.ratio, rule.target.op, met)} {show(rule.target.value, rule.unit, tr)}"
        locations = tuple(loc for t in own.totals for loc in t.locations)
        outcomes.append(ItemOutcome(report.unit, None, "pass" if met else "fail", own.ratio, text, locations))
    return outcomes
