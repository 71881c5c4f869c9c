"""Clause 15's line per unit: what the run's verdicts say of the targets due in it, counted.

Clause 15 of 永政发〔2021〕7号 makes vocational education count in the assessment of each county government.
The bureau's final review runs several years at once, and each trend whose due year the run reaches already
carries its ``verdict`` (``engine.trend``). This module only counts those verdicts, per scope (the city-wide
targets, then each unit with trends, in the trends' order, which is the pack's unit order): it never judges a
year again. A target due in the run is counted under its due year's outcome (met, not met, waived, or why it
cannot be said: not filed, not decided, its data missing, its report refused), and a target met by its due
year that a later year did not keep (``held`` false) is named apart; a target judged each year adds its
years met and years counted. A target not due yet in the run (its projection speaks) is not counted.

A unit the run expects that has no trends (every report of it refused, none filed, reports of one year
only, or none in the run though the pack lists it: ``engine.runtrends.untrended``) has a line all the same,
in its place in the pack's unit order, its counts zero and ``no_trends`` saying why: the worst-filing
county must not drop out of the table the county governments are assessed by.

It is advice for the assessment: it changes no status, score or exit status.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

from zhijiao_check.engine.runtrends import RunTrends, Untrended
from zhijiao_check.engine.trend import DUE, EACH_YEAR, OUTCOMES, Trend
from zhijiao_check.records import record

T = TypeVar("T")


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
    no_trends: str | None = (
        None  # a unit without trends: why (``engine.runtrends.NO_TRENDS``), its counts zero
    )

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


def not_assessed(unit: Untrended) -> Assessment:
    """The line of a unit without trends: nothing counted, and why."""
    line = assessed((), unit.unit, unit.kind)
    return Assessment(line.unit, line.kind, line.due, (), (), line.years, unit.why)


def in_unit_order(
    found: Iterable[tuple[str, T]], untrended: Sequence[tuple[str, T]], order: Sequence[str]
) -> Iterator[T]:
    """The lines of the units with trends (``found``, by unit, in their order) with those of the units
    without (``untrended``, in ``order``) each before the first line of a unit after it in ``order``; a
    unit ``order`` lacks goes last. The lines with trends keep their order and are read once, as they come
    (a large run reads them back from its spool)."""
    rank = {name: index for index, name in enumerate(order)}
    waiting = iter(untrended)
    ahead = next(waiting, None)
    for unit, line in found:
        place = rank.get(unit, len(rank))
        while ahead is not None and rank.get(ahead[0], len(rank)) < place:
            yield ahead[1]
            ahead = next(waiting, None)
        yield line
    while ahead is not None:
        yield ahead[1]
        ahead = next(waiting, None)


def run_assessment(trends: RunTrends) -> Iterator[Assessment]:
    """The city-wide line (where the run has city-wide trends), then each unit's with trends, and each
    unit's the run expects without (``not_assessed``), in the pack's unit order."""
    if trends.city:
        yield assessed(trends.city)
    yield from in_unit_order(
        ((unit.unit, assessed(unit.trends, unit.unit, unit.kind)) for unit in trends.units),
        [(unit.unit, not_assessed(unit)) for unit in trends.untrended],
        trends.order,
    )
