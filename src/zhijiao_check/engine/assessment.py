"""Clause 15's line per unit: what the run's verdicts say of the targets due in it, counted.

Clause 15 of 永政发〔2021〕7号 makes vocational education count in the assessment of each county government.
The bureau's final review runs several years at once, and each trend whose due year the run reaches already
carries its ``verdict`` (``engine.trend``). This module only counts those verdicts, per scope (the city-wide
targets, then each unit with trends, in the trends' order, which is the pack's unit order): it never judges a
year again. A target due in the run is counted under its due year's outcome (met, not met, waived, or why it
cannot be said: not filed, not decided, its data missing, its report refused), and a target met by its due
year that a later year did not keep (``held`` false) is named apart; a target judged each year adds its
years met and years counted. A target not due yet in the run (its projection speaks) is not counted.

It is advice for the assessment: it changes no status, score or exit status.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from zhijiao_check.engine.trend import DUE, EACH_YEAR, OUTCOMES, RunTrends, Trend
from zhijiao_check.records import record


@record
class Tally:
    """The rules (or, for the targets judged each year, how many years) with one outcome."""

    outcome: str  # one of ``engine.trend.OUTCOMES``
    rules: tuple[str, ...] = ()
    years: int = 0  # targets judged each year: the years of this outcome, all targets together


@record
class YearsMet:
    """A target judged each year: the years of the run it was met in, of those counted."""

    rule: str
    met: int
    counted: int


@record
class Assessment:
    """One scope's line: ``unit`` None for the city-wide targets (全市)."""

    unit: str | None
    kind: str | None
    due: tuple[Tally, ...]  # each outcome of ``OUTCOMES`` in order, with the due targets of that outcome
    not_held: tuple[str, ...]  # met by the due year, then not met (or waived) in a later year of the run
    each_year: tuple[YearsMet, ...]  # the targets judged each year, in catalogue order
    years: tuple[Tally, ...]  # each outcome's years over ``each_year`` (``Tally.years``), in order

    @property
    def due_count(self) -> int:
        return sum(len(tally.rules) for tally in self.due)

    @property
    def years_met(self) -> int:
        return sum(one.met for one in self.each_year)

    @property
    def years_counted(self) -> int:
        return sum(one.counted for one in self.each_year)


def assessed(trends: Iterable[Trend], unit: str | None = None, kind: str | None = None) -> Assessment:
    """The line of one scope from its trends' verdicts."""
    due: dict[str, list[str]] = {outcome: [] for outcome in OUTCOMES}
    years = dict.fromkeys(OUTCOMES, 0)
    not_held: list[str] = []
    each_year: list[YearsMet] = []
    for trend in trends:
        verdict = trend.verdict
        if verdict is None:
            continue
        rule = trend.rule.id
        if verdict.kind == DUE:
            due[verdict.years[0].outcome].append(rule)
            if verdict.held is False:
                not_held.append(rule)
        elif verdict.kind == EACH_YEAR:
            each_year.append(YearsMet(rule, verdict.met, len(verdict.years)))
            for year in verdict.years:
                years[year.outcome] += 1
    return Assessment(
        unit,
        kind,
        tuple(Tally(outcome, tuple(rules)) for outcome, rules in due.items()),
        tuple(not_held),
        tuple(each_year),
        tuple(Tally(outcome, years=count) for outcome, count in years.items()),
    )


def run_assessment(trends: RunTrends) -> Iterator[Assessment]:
    """The city-wide line (where the run has city-wide trends), then each unit's with trends, in order."""
    if trends.city:
        yield assessed(trends.city)
    for unit in trends.units:
        yield assessed(unit.trends, unit.unit, unit.kind)
