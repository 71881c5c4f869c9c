"""``total``: a number (one unit's field, or its sum over all units or items) against a number or another
total.

c1.public-seats (Σ seats ≥ 25000), c10.craftsman-students, c3.pathway-growth (Σ this year > Σ last year),
c1.general-plan-freeze (next year's plan ≤ this year's), c8.demonstration-enterprises, …
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Literal

from zhijiao_check.constraints import Before, Field
from zhijiao_check.measure.conditions import field_label
from zhijiao_check.measure.numbers import decimals, meets, near, relation, show
from zhijiao_check.measure.outcome import Measure, grows_to
from zhijiao_check.measure.scope import Scope
from zhijiao_check.measure.sums import Total, total
from zhijiao_check.records import record
from zhijiao_check.vocabulary import Range, RuleBase, Sum, Unfit, Unit, short_sum
from zhijiao_check.wording import CLAUSE, Join, Msg, Wording, msg, seq


@record(kw_only=True)
class TotalRule(RuleBase):
    """``compare_to``: the target is another total. ``year_plus``: the target is the report's year plus this
    (a year field: ``-1`` for "this year or last year", as for a selection held every two years)."""

    kind: Literal["total"]
    of: Annotated[Sum, Before(short_sum)]
    compare_to: Annotated[Sum | None, Before(short_sum)] = None
    year_plus: Annotated[int | None, Field(strict=True)] = None
    unit: Unit = "count"

    def __post_init__(self) -> None:
        if self.compare_to is not None and self.year_plus is not None:
            raise Unfit(msg("pack.compare-to-or-year-plus"), ("year_plus",))

    def reads(self) -> list[str]:
        return [self.of.reads(), *([self.compare_to.reads()] if self.compare_to else [])]

    def observed_range(self) -> Range:
        # Figures of a report are never negative (report-format.md, ``negative``), nor then their sums; a
        # year (``year_plus``) is no figure to project.
        return 0.0, None

    def measure(self, scope: Scope) -> Measure:
        return measure(self, scope)


def describe(spec: Sum, value: Total, scope: Scope, unit: Unit, places: int = 2) -> Wording:
    """``下一年度普高招生计划 3800``, ``15 个单位公办中职学位数合计 25340``, or
    ``31 所学校的思想政治优质课程合计 1``; ``places``: the most places of the figure (``decimals``)."""
    label = field_label(spec.field, spec.over)
    shown = show(value.value if value.value is not None else value.given, unit, decimals=places)
    if spec.over is not None:
        # Said by what the items are (31 schools, not "31 courses": the count is of the items summed over, the
        # figure of what they hold); a collection without words of its own is said as entries.
        params = (("label", label), ("count", len(value.parts)), ("value", shown))
        return Msg(f"engine.sum-over.{spec.over}", params, fallback=Msg("engine.sum-items", params))
    if scope.city and not spec.field.startswith("city."):
        return msg("engine.sum-units", label=label, count=len(value.parts), value=shown)
    return seq(label, " ", shown)


def _given_against_target(rule: TotalRule, own: Total, scope: Scope, met: bool) -> tuple[Wording, ...]:
    """What is given, summed, its relation to the target and the target (``14 个单位…合计 23600 < 25000``),
    to the places either needs."""
    places = decimals(own.given, rule.target.value)
    return (
        describe(rule.of, own, scope, rule.unit, places),
        f" {relation(rule.target.op, met)} ",
        show(rule.target.value, rule.unit, decimals=places),
    )


def measure(rule: TotalRule, scope: Scope) -> Measure:
    own = total(rule.of, scope)
    other = total(rule.compare_to, scope) if rule.compare_to else None
    locations = own.locations + (other.locations if other else ())
    missing = own.missing + (other.missing if other else ())
    grows = grows_to(rule.target, other is not None or rule.year_plus is not None)
    if missing:
        if grows and meets(own.given, rule.target):
            # Already met by what is given: the figures not given can only add to it.
            text = seq(*_given_against_target(rule, own, scope, True))
            notes = (msg("engine.met-without", what=Join(tuple(dict.fromkeys(missing)))),)
            return Measure(own.given, True, text, locations, notes=notes, settled=True)
        gaps = own.gaps + (other.gaps if other else ())
        absent = Measure.missing_data(missing, locations, observed=own.value, gaps=gaps)
        if own.missing and own.parts and rule.compare_to is None and rule.year_plus is None:
            # What is given, summed, beside what is not (14 个单位…合计 23600 < 25000；缺少数据：零陵区: …),
            # as for a unit missing from the run; the observed value stays unknown.
            met = meets(own.given, rule.target)
            text = seq(*_given_against_target(rule, own, scope, met), CLAUSE, absent.explanation)
            return replace(absent, explanation=text)
        return absent
    assert own.value is not None
    places = 2
    if rule.year_plus is not None:
        bound = scope.year + rule.year_plus
        met = meets(own.value, rule.target, bound)
        right: Wording = f"{scope.year}{rule.year_plus:+d} = {bound}"
        close = False
    elif other is None or rule.compare_to is None:
        met = meets(own.value, rule.target)
        places = decimals(own.value, rule.target.value)
        right = show(rule.target.value, rule.unit, decimals=places)
        close = not met and near(own.value, rule.target)
    else:
        met = meets(own.value, rule.target, other.value)
        places = decimals(own.value, other.value)
        right = describe(rule.compare_to, other, scope, rule.unit, places)
        close = False
    text = seq(
        describe(rule.of, own, scope, rule.unit, places),
        f" {relation(rule.target.op, met)} ",
        right,
    )
    target = other.value if other else scope.year + rule.year_plus if rule.year_plus is not None else None
    back = () if met or other is not None or rule.year_plus is not None else _holding_back(rule, own, scope)
    return Measure(
        own.value, met, text, locations, near=close, target=target, settled=grows and met, notes=back
    )


HOLDING_BACK = 5  # the units named under a city-wide sum that misses its target


def _holding_back(rule: TotalRule, own: Total, scope: Scope) -> tuple[Wording, ...]:
    """Under a city-wide sum of the units' figures that misses its target, the units that hold it back most
    (the fewest under ≥, the most under ≤), with their figures: the sum alone did not say who to ask."""
    if not scope.city or rule.of.over is not None or rule.of.field.startswith("city.") or len(own.parts) < 2:
        return ()
    most = rule.target.op in ("<=", "<")
    ranked = sorted(own.parts, key=lambda part: part[1], reverse=most)[:HOLDING_BACK]
    places = decimals(*(value for _, value in ranked))
    units = Join(tuple(seq(unit, " ", show(value, rule.unit, decimals=places)) for unit, value in ranked))
    return (msg("engine.sum-most" if most else "engine.sum-fewest", count=len(ranked), units=units),)
