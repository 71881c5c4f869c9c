"""``ratio``: Σnumerator / Σdenominator against a number, or against another ratio.

c1.vocational-share (one county), c11.dual-qualified-share (all schools of the city),
c16.new-funding-tilt (new funding's share against the existing share).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Annotated, Any, Literal, cast

from zhijiao_check.constraints import Before, Field
from zhijiao_check.measure.conditions import field_label, once
from zhijiao_check.measure.numbers import (
    Exact,
    exact,
    holds,
    near,
    places,
    quotient,
    relation,
    show,
    whole_apart,
)
from zhijiao_check.measure.outcome import ItemOutcome, Measure
from zhijiao_check.measure.scope import Location, Scope
from zhijiao_check.measure.sums import NOTHING, Total, total, total_apart
from zhijiao_check.records import record
from zhijiao_check.status import Status
from zhijiao_check.vocabulary import Range, RuleBase, Strict, Sum, Unfit, Unit, short_sum
from zhijiao_check.wording import CLAUSE, Join, Wording, msg, number, seq

if TYPE_CHECKING:
    from zhijiao_check.report import ReportFile


@record(kw_only=True)
class Fraction(Strict):
    numerator: list[Annotated[Sum, Before(short_sum)]]
    denominator: list[Annotated[Sum, Before(short_sum)]]

    def reads(self) -> list[str]:
        return [s.reads() for s in (*self.numerator, *self.denominator)]


@record(kw_only=True)
class RatioRule(RuleBase):
    """``compare_to``: the target is that other ratio (with the target's operator) instead of a number.
    ``by_unit``: in city scope, each unit's own share is listed under the city-wide one (refused in the other
    scopes, whose one share is the unit's own: pack.effects). ``at_most``: no school's (or unit's) numerator
    exceeds this times its denominator, as validation holds it (``teachers_rotated ≤ teachers``: 1), so
    neither can the ratio: a target at or above it that the units given miss is missed whatever the units not
    given would report (targets.md, "Scopes")."""

    kind: Literal["ratio"]
    numerator: list[Annotated[Sum, Before(short_sum)]]
    denominator: list[Annotated[Sum, Before(short_sum)]]
    compare_to: Fraction | None = None
    by_unit: bool = False
    at_most: Annotated[float | None, Field(strict=True)] = None
    unit: Unit = "ratio"

    def __post_init__(self) -> None:
        if self.at_most is not None and self.compare_to is not None:
            raise Unfit(msg("pack.at-most-compare-to"), ("at_most",))

    def reads(self) -> list[str]:
        own = Fraction(numerator=self.numerator, denominator=self.denominator).reads()
        return list(dict.fromkeys(own + (self.compare_to.reads() if self.compare_to else [])))

    def observed_range(self) -> Range:
        # Figures of a report are never negative (report-format.md, ``negative``); ``at_most`` bounds each
        # numerator by its denominator, so their sums too.
        return 0.0, self.at_most

    def measure(self, scope: Scope) -> Measure:
        return measure(self, scope)


class _Value:
    """A computed fraction and how it was computed (``1200 / (1200 + 1800) = 40.0%``)."""

    def __init__(
        self, fraction: Fraction | RatioRule, numerator: list[Total], denominator: list[Total], city: bool
    ) -> None:
        self.totals = [*numerator, *denominator]
        self.missing = [m for t in self.totals for m in t.missing]
        # Exactly, as the report wrote its figures: two shares that are equal compare equal (0.3 / 3 and
        # 5100 / 51000, which as floats are 10.000000000000002% and 10.0%), and the float shown is the one
        # nearest the exact share, so that equal shares read alike.
        top = _exact_sum(numerator) if not self.missing else 0
        bottom = _exact_sum(denominator) if not self.missing else 0
        self.exact = quotient(top, bottom) if not self.missing and bottom else None
        self.ratio = None if self.exact is None else float(self.exact)
        self.zero = not self.missing and not bottom
        sigma = "Σ" if city else ""
        self.top_text = _terms(numerator, sigma)
        self.bottom_text = _terms(denominator, sigma)
        shape = once(fraction, _Shape)
        self.bottom_label = shape.bottom_label
        self.notes = (
            tuple(
                msg("engine.otherwise", count=self.totals[index].otherwise, field=field, otherwise=otherwise)
                for index, field, otherwise in shape.otherwise
                if self.totals[index].otherwise
            )
            if shape.otherwise  # most fractions read no other field: no loop made to find none
            else ()
        )

    def text(self, unit: Unit, digits: int = 1) -> Wording:
        return seq(self.top_text, " / ", self.bottom_text, " = ", show(self.ratio, unit, digits))

    @property
    def locations(self) -> tuple[Location, ...]:
        return tuple(loc for t in self.totals for loc in t.locations)

    @property
    def gaps(self) -> tuple[Location, ...]:
        """Where the figures not given would stand."""
        return tuple(loc for t in self.totals for loc in t.gaps)


def _exact_sum(totals: list[Total]) -> Exact:
    """The totals' exact sums added up: one (most fractions' numerators) as it is, which adding it to 0
    would make again."""
    return totals[0].exact if len(totals) == 1 else sum(t.exact for t in totals)


def _value(fraction: Fraction | RatioRule, scope: Scope) -> _Value:
    """The fraction's value over the scope, its sums read."""
    numerator = [total(s, scope) for s in fraction.numerator]
    return _Value(fraction, numerator, [total(s, scope) for s in fraction.denominator], scope.city)


class _Shape:
    """What a fraction's value says alike for every report, made once a run: its denominator's name, and
    which of its sums (numerator's, then denominator's) may read another field where one is not given."""

    def __init__(self, fraction: Fraction | RatioRule) -> None:
        self.bottom_label = Join(tuple(field_label(s.field, s.over) for s in fraction.denominator), " + ")
        sums = (*fraction.numerator, *fraction.denominator)
        # (its place among them, its field's name, the other field's)
        self.otherwise = [
            (index, field_label(s.field, s.over), field_label(s.otherwise, s.over))
            for index, s in enumerate(sums)
            if s.otherwise is not None
        ]


def _terms(totals: list[Total], sigma: str) -> Wording:
    shown = [seq(sigma, _n(t.value)) if sigma else _n(t.value) for t in totals]
    return shown[0] if len(shown) == 1 else seq("(", Join(tuple(shown), " + "), ")")


def _n(value: float | None) -> Wording:
    """A sum as shown: whole, or to the places that keep it from reading as a whole number (209.996)."""
    if value is None:
        return "?"
    return show(value, "", decimals=whole_apart(value)) if value.__class__ is float else number(value)


def _zero(value: _Value, locations: tuple[Location, ...], observed: float | None = None) -> Measure:
    """A zero denominator: no ratio, so the rule does not apply (a unit with no new funding is not tilted)."""
    text = msg("engine.zero-denominator", label=value.bottom_label)
    return Measure(observed, None, text, locations, applicable=False)


def measure(rule: RatioRule, scope: Scope) -> Measure:
    if rule.by_unit and scope.city:
        return _with_units(rule, scope)
    return _judged(rule, _value(rule, scope), lambda compared: _value(compared, scope))


def _with_units(rule: RatioRule, scope: Scope) -> Measure:
    """The city-wide share with each unit's own listed under it (``by_unit``), each unit's sums cut from the
    city-wide ones (``total_apart``) where they can be. Each unit's share is shown even when the city-wide
    one cannot be computed: it says who lacks data."""
    apart = [total_apart(s, scope) for s in _sums(rule)]
    owns = [own for _, own in apart if own is not None]
    items = tuple(_per_unit(rule, scope, owns if len(owns) == len(apart) else None))
    wholes = [whole for whole, _ in apart]
    return _judged(rule, *_values(rule, wholes, city=True), items)


def _sums(rule: RatioRule) -> list[Sum]:
    """The sums a rule reads, in order: its numerator's, its denominator's, then its compared ratio's."""
    compared = [] if rule.compare_to is None else [*rule.compare_to.numerator, *rule.compare_to.denominator]
    return [*rule.numerator, *rule.denominator, *compared]


def _values(rule: RatioRule, totals: list[Total], city: bool) -> tuple[_Value, Callable[[Fraction], _Value]]:
    """The rule's value, and its compared ratio's, of the totals of its sums (``_sums``)."""
    numerator, denominator = len(rule.numerator), len(rule.numerator) + len(rule.denominator)

    def compared(fraction: Fraction) -> _Value:
        above = denominator + len(fraction.numerator)
        return _Value(fraction, totals[denominator:above], totals[above:], city)

    return _Value(rule, totals[:numerator], totals[numerator:denominator], city), compared


def _judged(
    rule: RatioRule,
    value: _Value,
    value_of: Callable[[Fraction], _Value],
    items: tuple[ItemOutcome, ...] = (),
) -> Measure:
    """The rule's measure of its value (``value_of``: its compared ratio's value, asked only when needed)."""
    locations = value.locations
    if value.missing:
        return replace(Measure.missing_data(value.missing, locations, gaps=value.gaps), items=items)
    if value.zero:
        return replace(_zero(value, locations), items=items)
    assert value.ratio is not None
    assert value.exact is not None
    if rule.compare_to is None:
        met = holds(value.exact, rule.target.op, _exact_target(rule.target.value))
        sign = relation(rule.target.op, met)
        digits = places(value.ratio, rule.target.value)
        text = seq(value.text(rule.unit, digits), f" {sign} ", show(rule.target.value, rule.unit, digits))
        unreachable = not met and _beyond(rule)
        return Measure(
            value.ratio,
            met,
            text,
            locations,
            items,
            near=not met and near(value.exact, rule.target),
            notes=value.notes,
            settled=unreachable,
            ceiling=rule.at_most if unreachable else None,
            exact=value.exact,
        )
    other = value_of(rule.compare_to)
    locations += other.locations
    if other.missing:
        missing = Measure.missing_data(other.missing, locations, observed=value.ratio, gaps=other.gaps)
        return replace(missing, items=items)
    if other.ratio is None:
        return replace(_zero(other, locations, observed=value.ratio), items=items)
    assert other.exact is not None
    met = holds(value.exact, rule.target.op, other.exact)
    sign = relation(rule.target.op, met)
    digits = places(value.ratio, other.ratio)
    text = seq(value.text(rule.unit, digits), f" {sign} ", other.text(rule.unit, digits))
    return Measure(value.ratio, met, text, locations, items, target=other.ratio)


def _exact_target(value: Any) -> Any:
    """The target as the rule wrote it, exactly (0.45 is 9/20: 45 / 100 meets it, 4499 / 10000 does not)."""
    if isinstance(value, list):
        return [exact(v) for v in value]
    return exact(value)


def _beyond(rule: RatioRule) -> bool:
    """Whether no figures can meet the target that the figures given miss: the ratio never exceeds
    ``at_most``, and stays below it when the units given are below it (each adds at most ``at_most`` times
    what it adds to the denominator), so a ≥ or > target at or above it stays unmet."""
    return (
        rule.at_most is not None
        and rule.target.op in (">=", ">")
        and not isinstance(rule.target.value, list)
        and rule.target.value >= rule.at_most
    )


def _per_unit(
    rule: RatioRule, scope: Scope, apart: list[dict[int, Total | None]] | None = None
) -> list[ItemOutcome]:
    """Each unit's own share under a city-wide one, measured as the rule would measure that unit alone
    (against the number, or against the unit's own compared ratio). A unit whose figures give no share (its
    schools report 0 teachers) is listed with them, not applicable; units with no data are left out.
    ``apart``: each of the rule's sums (``_sums``) of each report alone (``total_apart``), where known."""
    alone = replace(rule, by_unit=False)
    outcomes = []
    for report in scope.reports:
        own = _own_share(alone, report, scope.year, apart)
        if own.met is None:
            if own.applicable or not own.locations:
                continue  # data missing, or nothing to read (a unit without schools)
            outcomes.append(_no_share(rule, Scope([report], scope.year, city=False), report.unit, own))
            continue
        outcomes.append(
            ItemOutcome(
                report.unit,
                None,
                Status.PASS if own.met else Status.FAIL,
                own.observed,
                own.explanation,
                own.locations,
            )
        )
    return outcomes


def _own_share(
    alone: RatioRule, report: ReportFile, year: int, apart: list[dict[int, Total | None]] | None
) -> Measure:
    """``measure`` of the rule over one report alone: of its sums cut from the city-wide ones (``apart``),
    or, where one misses a figure (which its own sum names) or none were cut, read anew."""
    if apart is not None:
        key = id(report)
        totals = [by_report.get(key, NOTHING) for by_report in apart]
        if not any(own is None for own in totals):
            return _judged(alone, *_values(alone, cast(list[Total], totals), city=False))
    return measure(alone, Scope([report], year, city=False))


def _no_share(rule: RatioRule, unit: Scope, name: str, own: Measure) -> ItemOutcome:
    """A unit whose figures are there but whose denominator (or compared ratio's) is 0: ``0 / 0；分母…为 0``.
    Rare, so its figures are read once more here rather than on every unit's way."""
    zero = _value(rule, unit)
    if not zero.zero and rule.compare_to is not None:
        zero = _value(rule.compare_to, unit)
    shown = seq(zero.top_text, " / ", zero.bottom_text, CLAUSE, own.explanation)
    return ItemOutcome(name, None, Status.NOT_APPLICABLE, own.observed, shown, own.locations)
