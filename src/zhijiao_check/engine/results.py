"""What a check finds: a result per rule, an evaluation per report and per city-wide year, and the run."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from zhijiao_check.engine.runtrends import RunTrends, run_trends, schedule_bases
from zhijiao_check.kinds import AnyRule, stated_target
from zhijiao_check.measure.outcome import ItemOutcome
from zhijiao_check.measure.scope import Location
from zhijiao_check.pack.load import RulePack
from zhijiao_check.problems import Problem
from zhijiao_check.records import record
from zhijiao_check.report import InvalidReport
from zhijiao_check.status import CREDITS, STATUSES, ExitCode, Status, failing
from zhijiao_check.wording import Wording

if TYPE_CHECKING:  # a waiver is made, and its module imported, only by a run given a waivers file
    from zhijiao_check.engine.waiver import Waiver


@record
class RuleResult:
    rule: AnyRule
    status: Status
    observed: Any
    explanation: Wording  # rendered by each view in its language, as are notes and notices
    locations: tuple[Location, ...] = ()
    items: tuple[ItemOutcome, ...] = ()
    notes: tuple[Wording, ...] = ()
    expected: float | None = None  # the linear schedule's value this year
    compared_to: Any = None  # the computed target, when the rule compares with another figure
    waiver: Waiver | None = None  # when the status is waived
    waived_status: Status | None = None  # the status the waiver excused
    # City-wide, with units missing: missing or pending because the missing units could change the outcome,
    # not because the figure was judged (a trend's year that does not contradict the years before it)
    undecided: bool = False

    @property
    def target(self) -> dict[str, Any]:
        """``{"op": ">=", "value": 0.45}``: what the observed value is held against."""
        op, value = stated_target(self.rule)
        # A computed target: the figure it came to for this report or year (None when it could not be).
        return {"op": op, "value": self.compared_to if value is None else value}


@record
class Evaluation:
    """The results of one report, or of one year's city-wide rules."""

    year: int
    results: tuple[RuleResult, ...]
    notices: tuple[Wording, ...] = ()

    @property
    def summary(self) -> dict[Status, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for result in self.results:
            counts[result.status] += 1
        return counts

    @property
    def score(self) -> float | None:
        """100 × Σ weight of passed due rules / Σ weight of due rules; a warn counts half."""
        due = [r for r in self.results if r.status in CREDITS]
        total = sum(r.rule.weight for r in due)
        if not total:
            return None
        earned = sum(r.rule.weight * CREDITS[r.status] for r in due)
        return round(100 * float(earned) / float(total), 1)


@record
class ReportEvaluation(Evaluation):
    file: str = ""
    unit: str = ""
    kind: str = ""


@record
class CityEvaluation(Evaluation):
    file: str = ""  # the 市本级 report
    units_present: tuple[str, ...] = ()
    units_missing: tuple[str, ...] = ()
    # those of ``units_missing`` whose report of the year was there and refused as invalid
    units_invalid: tuple[str, ...] = ()
    # those of ``units_missing`` whose report of another year is in a folder (or a file name) of this year:
    # (unit, that report's file, its year)
    units_other_year: tuple[tuple[str, str, int], ...] = ()


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: views cache its document by run
class Run:
    """Everything one ``check`` found, ready for any view."""

    packs: tuple[RulePack, ...]
    reports: tuple[ReportEvaluation, ...]
    invalid: tuple[InvalidReport, ...]
    city: tuple[CityEvaluation, ...]
    notices: tuple[Wording, ...] = ()
    warnings: tuple[Problem, ...] = ()
    strict: bool = False
    # the config file the run took its settings from, as shown (``settings.config``); None: no such file
    config: str | None = None

    @cached_property
    def trends(self) -> RunTrends:
        """The trends of the results as they stand: made from the run, so that a run whose results were
        waived since (``settings.waivers.apply``) shows them waived in its trends too, and each unit's invalid
        reports there as its years of an invalid report. Advice only: never part of a status or the exit
        status."""
        bases = schedule_bases(self.packs)
        units = self.packs[0].units
        return run_trends(self.reports, self.city, bases, self.invalid, units.city(), units)

    @property
    def failing(self) -> frozenset[Status]:
        """The statuses that fail the run: ``warn`` and ``behind`` too with ``--strict``."""
        return failing(self.strict)

    @property
    def exit_code(self) -> ExitCode:
        statuses = {r.status for e in (*self.reports, *self.city) for r in e.results}
        return ExitCode.of(invalid=bool(self.invalid), failed=bool(statuses & self.failing))
