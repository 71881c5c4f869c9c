"""Trends over several years: each year's observed value and status per target, and a projection to the due
year.

Built from the results the engine already produced, keeping per rule and year only a few numbers. A projection
fits a least-squares line through (year, observed) over the years observed (at least two) and reads it at the
due year: the projected value, the first whole year after the last one observed the line meets the target, on
or off track; the line held within the values the figure can take (the kind's ``observed_range``: a share
within 0 and 100%, no count below 0). It is advice: it never changes a status or the exit status. The years
observed are facts the line must not contradict: the line speaks only of the years after them, and when the
last of them meets the target, the projection says since when (``met_since``) rather than when the line does.

A projection is made only for a rule whose due year the run does not reach (every year observed is before
it: from the due year on, that year's status judges the target, which a projection could only contradict) and
a single target number with ``>=``, ``>``, ``<=`` or ``<`` that is not computed (``kinds.stated_target``). A
year is left out of the fit when its figure is incomplete: the rule's data was missing, or (city-wide) units
were missing that the figure reads (a rule that reads only the 市本级 ``city:`` block is whole all the same).

A year whose report was refused as invalid is a year of the trend all the same, with the status ``invalid``
and no figure: the unit filed it, and leaving it out said nothing had been filed.

Where the run reaches the due year (a year the unit did not file counts: no projection past it), the
trend's ``verdict`` says what the years found: the due year's outcome and each later year's; for a target
judged each year, each year's. A trend that passes the due year without a year of it (2023 and 2025 for a
target due in 2024) says so (``not-in-run``, never met) and what the later years found. Only a year that
passed is met: one not decided, not filed, refused or without its data is said to be so. A year the unit
did not file is one whose city-wide section names it missing, its report not refused
(``engine.runtrends.not_filed_by_year``, what the views' 未提交 cells say too): a year without a city-wide
section, or one the roster does not expect the unit in (before its ``since``, after a merger), is none.

A figure that moves away from its target from one year of the trend to the next (falls for a target of ``>=``
or ``>``, rises for one of ``<=`` or ``<``), both years whole, is a ``Setback``: advice, as a projection is.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from zhijiao_check.engine import timing
from zhijiao_check.kinds import AnyRule, reads_city_block_only, stated_target
from zhijiao_check.measure.numbers import holds
from zhijiao_check.records import record
from zhijiao_check.status import Status

if TYPE_CHECKING:
    from zhijiao_check.vocabulary import Range

METHOD = "least-squares"
MIN_YEARS = 2
HORIZON = 2100  # the last year a report can have: a target met later than that is "never at this pace"
# A trend's year whose report was refused as invalid: no figure, no result; not a status of a result (nothing
# was judged), so a trend's own word, in JSON as a year's ``status``.
INVALID = "invalid"
_DIRECTIONS = {">=": 1, ">": 1, "<=": -1, "<": -1}
# What a year whose status could not be decided (city-wide, units missing) says instead of judging it
_UNDECIDED = frozenset((Status.PENDING, Status.MISSING))
# A verdict's kinds (``Verdict.kind``) and a year's outcomes (``YearOutcome.outcome``)
DUE, EACH_YEAR = "due", "each-year"
MET, NOT_MET, UNDECIDED, NOT_FILED = "met", "not-met", "undecided", "not-filed"
# A due year the trend has no year of, passed by later ones (a run of 2023 and 2025, due in 2024): whether
# the target was met in it is not known, and never counted as met
NOT_IN_RUN = "not-in-run"
# A year of the run without its city-wide figures (no 市本级 report of it in the run, or one refused), in
# which the trend has no report (a due year, a later one, a year of a target judged each year): city-wide,
# the figures are not there; a unit's, nothing says whether it had to file. Not known, never counted as met
NO_CITY_FIGURES = "no-city-figures"
OUTCOMES = (
    MET,
    NOT_MET,
    Status.WAIVED.value,
    Status.MISSING.value,
    UNDECIDED,
    INVALID,
    NOT_FILED,
    NOT_IN_RUN,
    NO_CITY_FIGURES,
)
# A year of a rule judged each year that says nothing of it: not due yet (``from``), or not applicable
_NOT_JUDGED = frozenset((Status.PENDING, Status.NOT_APPLICABLE))
_NOT_APPLICABLE = frozenset((Status.NOT_APPLICABLE,))


@record
class Point:
    """One year of a rule: what was observed, its status, the linear schedule's value that year."""

    year: int
    observed: float | bool | None
    status: str
    schedule: float | None
    # the value held against this year (a computed one for a rule that compares with another figure)
    target: Any
    complete: bool  # False: the figure is not whole (data missing, or city-wide units missing): not fitted
    # city-wide, units missing: pending or missing because the missing units could change the outcome, which
    # says nothing against the years before (``met_since``)
    undecided: bool = False


@record
class Projection:
    years: tuple[int, ...]  # the years fitted
    slope: float  # per year
    intercept: float  # the fitted value at ``years[0]``
    due: int
    projected: float  # the fitted value at the due year, held within the values the figure can take
    # first whole year after the last one observed from which the line meets the target; None: never. Never a
    # year observed: the line is smoothed, and read at a year observed it would contradict that year's status.
    meets_in: int | None
    on_track: bool
    # the first year of the latest unbroken run of years met (status pass) when the last year observed is
    # met, or the last year decided is and each year after it is undecided (units missing); None otherwise:
    # what the years observed say (meets_in: what the line expects of later ones).
    met_since: int | None

    def at(self, year: float) -> float:
        """The fitted line in ``year``, as fitted (not held)."""
        return self.intercept + self.slope * (year - self.years[0])


@record
class YearOutcome:
    """What one year of the run says of a target: ``met``, ``not-met``, ``waived``, ``missing`` (its data
    missing), ``undecided`` (city-wide, units missing), ``invalid`` (the report refused), ``not-filed`` (a
    year of the run the trend has no report of), ``not-in-run`` (a due year the trend has no year of, which
    later years of it passed)."""

    year: int
    outcome: str
    observed: float | bool | None


@record
class Verdict:
    """The years' own answer where the run reaches them: for a target due in a year of the run (``kind``
    ``due``), the due year's outcome (``years[0]``) and each later year's of the run; for a target judged
    each year (``each-year``), each year's of the run in which it was judged. ``met``: the years met of
    ``years``; ``held``: a due target met in its due year, whether every later year kept it (None: no later
    year, or none decided against it while one is not decided)."""

    kind: str  # due, each-year
    due: int | None
    years: tuple[YearOutcome, ...]
    met: int
    held: bool | None

    @property
    def outcome(self) -> str | None:
        """A due target's outcome in its due year; None for one judged each year."""
        return self.years[0].outcome if self.kind == DUE else None


@record
class Setback:
    """A figure that moved away from the target from one year of the trend (``previous_year``) to the next
    (``year``): fell for a target asking for more (``>=``, ``>``), rose for one asking for less (``<=``,
    ``<``). Advice: it changes no status."""

    previous_year: int
    year: int
    previous: float
    observed: float


@record
class Trend:
    rule: AnyRule
    points: tuple[Point, ...]  # by year
    projection: Projection | None
    # no projection: no-due, retired, not-a-number, target-not-fixed, due-passed, too-few-years
    why_not: str | None
    verdict: Verdict | None = None
    setbacks: tuple[Setback, ...] = ()


# What a trend reads of one result: (year, observed (``_numeric``), status, the target's value, undecided)
Seen = tuple[int, Any, str, Any, bool]


@record
class Span:
    """What the trends of one unit's (or the city's) evaluations share: the years of its reports refused as
    invalid that no evaluation has (``refused``, in order), the run's years it did not file (``absent``), and
    the last year of them all (``last``: from the due year on, no projection); ``unseen``: the run's years
    without city-wide figures in which it has no report (``span``), each year of which is
    ``no-city-figures`` (``verdict``)."""

    refused: tuple[int, ...]
    absent: frozenset[int]
    last: int
    unseen: frozenset[int] = frozenset()
    # city-wide: a year of ``unseen`` is a year of the trend (it ends the run a projection reads, and with
    # one year observed makes a trend of a target due in it)
    unseen_counts: bool = False


def span(
    filed: Iterable[int],
    invalid_years: Iterable[int] = (),
    not_filed: Iterable[int] = (),
    unseen: Iterable[int] = (),
    unseen_counts: bool = False,
    ending: Collection[int] | None = None,
) -> Span | None:
    """The ``Span`` of evaluations of the years ``filed``, when with ``invalid_years`` (and, city-wide,
    ``unseen_counts``, the years of ``unseen``) they cover two years or more (``trends_of``). ``unseen``:
    the run's years without city-wide figures (``without_city_figures``), each a year of the trend (the
    last one too: a target due in it is ``no-city-figures``, not projected). A unit's after its last year
    count only where its run goes on into them (``_goes_on``: ``ending``, the years of the run's valid
    reports, holds each year up to them): a stray report of a later year alone ends no unit's run."""
    evaluated = set(filed)
    refused = sorted(set(invalid_years) - evaluated)
    years = evaluated | set(refused)
    unknown = set(unseen) - years
    if len(years | (unknown if unseen_counts else set())) < MIN_YEARS:
        return None
    absent = set(not_filed) - years
    last = max(years | absent | (unknown if unseen_counts else set()))
    if not unseen_counts:
        unknown = {year for year in unknown if year < last or _goes_on(last, year, ending)} - absent
        last = max({last, *unknown})
    return Span(tuple(refused), frozenset(absent), last, frozenset(unknown), unseen_counts)


def _goes_on(last: int, year: int, ending: Collection[int] | None) -> bool:
    """Whether a year without city-wide figures after a unit's ``last`` year is one its run goes on into: the
    run holds a valid report (``ending``; None: any year does) of it and of each year between, as in a run
    whose last year lacks the 市本级 report. A report of a later year past years the run does not hold (2026
    beside 2022–2023) is a stray: it ends no unit's run."""
    return ending is None or all(between in ending for between in range(last + 1, year + 1))


def trends_of(
    evaluations: Iterable[Any],
    bases: Mapping[str, int],
    incomplete_years: Iterable[int] = (),
    invalid_years: Iterable[int] = (),
    not_filed: Iterable[int] = (),
    all_years: Collection[int] = (),
    unseen: Iterable[int] = (),
    unseen_counts: bool = False,
    ending: Collection[int] | None = None,
) -> list[Trend]:
    """The trend of each rule over ``evaluations`` (one per year, for one unit or for the city), when they
    and ``invalid_years`` (the years whose report was refused as invalid) cover two years or more; rules in
    catalogue order of their first appearance. ``bases``: each rule's schedule base (its pack's);
    ``incomplete_years``: city-wide, the years with units missing; ``not_filed``: the unit's years not filed
    (``not_filed_by_year``): from the due year on, no projection; a verdict counts them. ``all_years``: every
    year of the run (``RunTrends.years``), which tells a due year the run does not hold (``not-in-run``)
    from one only this trend lacks; ``unseen``, ``unseen_counts`` and ``ending``: the run's years without
    city-wide figures, and which of them a unit's trend counts (``span``)."""
    evaluations = sorted(evaluations, key=lambda e: e.year)
    found = span((e.year for e in evaluations), invalid_years, not_filed, unseen, unseen_counts, ending)
    if found is None:
        return []
    incomplete = frozenset(incomplete_years)
    by_rule: dict[str, tuple[AnyRule, list[Seen]]] = {}
    for evaluation in evaluations:
        for result in evaluation.results:
            rule = result.rule
            seen = (
                evaluation.year,
                _numeric(result.observed),
                result.status,
                result.target["value"],
                result.undecided,
            )
            by_rule.setdefault(rule.id, (rule, []))[1].append(seen)
    return [
        trend
        for rule, seen in by_rule.values()
        if (trend := rule_trend(rule, bases[rule.id], seen, found, incomplete, all_years)) is not None
    ]


def rule_trend(
    rule: AnyRule,
    base: int,
    seen: Sequence[Seen],
    found: Span,
    incomplete: Collection[int] = (),
    all_years: Collection[int] = (),
) -> Trend | None:
    """The trend of ``rule`` over what its results said in each year (``seen``, by year) and the years of
    ``found`` (``span``), if it has two years or more; ``base``: its schedule base; ``incomplete``: city-wide,
    the years with units missing; ``all_years``: every year of the run (``trends_of``). What it says follows
    from these alone, ``all_years`` being the same for every unit of a run (``commands.flat.unittrends``
    writes it once for every unit whose years say the same)."""
    # A figure the missing units cannot change is whole: the 市本级 ``city:`` block is there
    points = [
        Point(
            year,
            observed,
            status,
            schedule(rule, year, base),
            target,
            status != "missing" and (year not in incomplete or reads_city_block_only(rule)),
            undecided and status in _UNDECIDED,
        )
        for year, observed, status, target, undecided in seen
    ]
    points += [_refused(rule, year, base) for year in found.refused]
    if not points:
        return None
    points.sort(key=lambda p: p.year)
    judged = verdict(rule, points, found.absent, all_years, found.unseen)
    if len(points) < MIN_YEARS and not (found.unseen_counts and _unseen_due(judged)):
        # one year observed: a trend only city-wide, of a target due in a year without its figures
        return None
    projection, why_not = project(rule, points, found.last)
    return Trend(rule, tuple(points), projection, why_not, judged, setbacks(rule, points, found.absent))


def _unseen_due(judged: Verdict | None) -> bool:
    return judged is not None and judged.outcome == NO_CITY_FIGURES


def _refused(rule: AnyRule, year: int, base: int) -> Point:
    """The year of a report refused as invalid: no figure; the target held that year when it is a number of
    its own (one computed from the report's figures or year is not known)."""
    return Point(year, None, INVALID, schedule(rule, year, base), stated_target(rule)[1], False)


def schedule(rule: AnyRule, year: int, base: int) -> float | None:
    """The linear schedule's value in ``year`` for a linear rule, up to and including its due year."""
    time = rule.time
    if not time.linear or time.due is None or isinstance(rule.target.value, list):
        return None
    if not timing.applies_in(rule, year):  # before its ``from``, after its ``until``: no schedule that year
        return None
    if year >= time.due:
        return float(rule.target.value)
    return timing.expected(rule, year, base)


def project(
    rule: AnyRule, points: Sequence[Point], last_run_year: int = 0
) -> tuple[Projection | None, str | None]:
    """The projection to the due year, or why there is none. ``last_run_year``: the run's last year; when
    it is the due year or later, a year the trend has no report of (not filed) is a year of the run all the
    same, which its status, not a line, judges."""
    due = rule.time.due
    if due is None:
        return None, "no-due"
    if rule.time.until is not None and rule.time.until < due:
        # the rule ends (``until``) before its due year, where a projection would be read: nothing judges it
        return None, "retired"
    op, value = stated_target(rule)
    if value is True:  # a yes/no fact
        return None, "not-a-number"
    if value is None or op not in _DIRECTIONS or isinstance(value, list):  # computed, a range, an equality
        return None, "target-not-fixed"
    if max(last_run_year, *(p.year for p in points)) >= due:
        return None, "due-passed"
    used = [
        (p.year, float(p.observed))
        for p in points
        if p.complete and isinstance(p.observed, (int, float)) and not isinstance(p.observed, bool)
    ]
    if len(used) < MIN_YEARS:
        return None, "too-few-years"
    slope, intercept = fit(used)
    first = used[0][0]
    target = float(value)
    bounds = rule.observed_range()

    def line(year: float) -> float:
        return intercept + slope * (year - first)

    # A line read past what the figure can be says nothing: no share passes 100%, six clusters of six cannot
    # become eight, no count falls below 0.
    projected = held(line(due), bounds)
    last = max(p.year for p in points)  # every year observed, fitted or not: the line speaks of later ones
    return Projection(
        tuple(y for y, _ in used),
        slope,
        intercept,
        due,
        projected,
        meets_in(line, slope, op, target, last + 1, due, bounds),
        _meets(projected, op, target),
        met_since(points),
    ), None


def met_since(points: Sequence[Point]) -> int | None:
    """The first year of the unbroken run of years met (status ``pass``) that ends with the last year
    observed, or with the last year decided when each year after it is undecided (city-wide, units missing:
    nothing says it was not met); None when that year is not met. A year not in ``points`` (no report that
    year) breaks the run: nothing says it was met."""
    since = None
    ordered = sorted(points, key=lambda p: p.year, reverse=True)
    while ordered and ordered[0].undecided:
        ordered.pop(0)
    for point in ordered:
        if point.status != "pass" or (since is not None and point.year != since - 1):
            break
        since = point.year
    return since


def verdict(
    rule: AnyRule,
    points: Sequence[Point],
    not_filed: Collection[int] = (),
    all_years: Collection[int] = (),
    unseen: Collection[int] = (),
) -> Verdict | None:
    """What the years of the run say of the target by its own years (``Verdict``): a due target's, when its
    due year is a year of the trend; a target judged each year's, over each year of the trend; None otherwise
    (a target not due yet, whose projection speaks, or one that applied in none of the years). The trend's
    years: those of ``points`` and those of ``not_filed`` (the unit's years not filed, ``not_filed_by_year``)
    in which the rule applies; a year with a report whose result says nothing of the target (not applicable;
    pending, for a target judged each year: not judged yet) is left out. A year the run holds without its
    city-wide figures (``unseen``: ``span``), the trend lacking it, in which the rule applies, is a year of
    the trend, ``no-city-figures`` (not known, never met): a due year, a year after it, a year of a target
    judged each year alike. A due year the run does not hold (not one of ``all_years``; without them, of
    the trend's), with later years of the trend, is ``not-in-run``; one the run holds but the trend lacks
    otherwise (a unit created later) gives no verdict: nothing says the target was due of it then."""
    due = rule.time.due
    quiet = _NOT_APPLICABLE if due is not None else _NOT_JUDGED
    by_year = {p.year: p for p in points if p.status not in quiet}
    if not by_year:
        return None
    if all(p.status == INVALID for p in by_year.values()) and any(
        p.status == Status.NOT_APPLICABLE and timing.applies_in(rule, p.year) for p in points
    ):
        # Refused years alone, the unit's reports of the other years saying the target does not apply to it
        # in a year it is in force (c16.higher-funding of a county without a higher college): it applied in
        # none of the years that say anything, as for a year not filed (below), and is counted neither met
        # nor not. Years before its first (``every_year``, ``from``) or after its ``until`` say nothing of it.
        return None
    unfiled = {year for year in not_filed if year not in by_year and timing.applies_in(rule, year)}
    # the run's years without city-wide figures the trend lacks: not known, never met
    unknown = {year for year in unseen if year not in by_year and timing.applies_in(rule, year)} - unfiled

    def said(year: int) -> YearOutcome:
        return (
            YearOutcome(year, NO_CITY_FIGURES, None) if year in unknown else _outcome(by_year.get(year), year)
        )

    told = sorted({*by_year, *unfiled, *unknown})
    if due is not None:
        if due not in told:
            # A run that passes the due year without it (2023, 2025; due 2024, or 2022): the later years
            # judge the target, the due year's own outcome is not known. One not reaching it: no verdict.
            passed = tuple(said(year) for year in told if year > due)
            if not passed or due in all_years:
                return None
            years = (YearOutcome(due, NOT_IN_RUN, None), *passed)
            return Verdict(DUE, due, years, sum(y.outcome == MET for y in years), None)
        years = tuple(said(year) for year in told if year >= due)
        later = {y.outcome for y in years[1:]}
        held = None  # not met in the due year, no later year, or none decided against it while one is not
        if years[0].outcome == MET and later:
            held = True if later == {MET} else False if later & {NOT_MET, Status.WAIVED.value} else None
        return Verdict(DUE, due, years, sum(y.outcome == MET for y in years), held)
    judged = tuple(said(year) for year in told)
    return Verdict(EACH_YEAR, None, judged, sum(y.outcome == MET for y in judged), None)


def setbacks(rule: AnyRule, points: Sequence[Point], not_filed: Collection[int] = ()) -> tuple[Setback, ...]:
    """Each year of ``points`` whose figure moved away from the target since the year before it in the trend
    (``Setback``), for a numeric target with a direction (``>=``, ``>``, ``<=``, ``<``; its value stated or
    computed each year), not a yes/no fact nor a range. Both years need a whole figure (``_whole``): a year
    without one (data missing, units missing, a report refused, or one of ``not_filed``, the unit's years not
    filed) is compared with neither neighbour, since what it would have shown is not known."""
    op, value = stated_target(rule)
    direction = _DIRECTIONS.get(op)
    if direction is None or value is True or isinstance(value, list):
        return ()
    out = []
    figures = {p.year: _whole(p) for p in points}
    figures.update({year: None for year in not_filed if year not in figures})
    ordered = sorted(figures.items())
    for (year_before, first), (year, then) in pairwise(ordered):
        # rounded as a projection's value is: a share's float noise is no change
        if first is not None and then is not None and round((then - first) * direction, 9) < 0:
            out.append(Setback(year_before, year, first, then))
    return tuple(out)


def _whole(point: Point) -> float | None:
    """The year's figure when it is whole and a number (not a yes/no), the rule applying that year."""
    observed = point.observed
    if not point.complete or point.status == Status.NOT_APPLICABLE or point.undecided:
        return None
    if isinstance(observed, bool) or not isinstance(observed, (int, float)):
        return None
    return observed


def _outcome(point: Point | None, year: int) -> YearOutcome:
    """A year's outcome (``YearOutcome``); ``point`` None: the trend has no report of ``year``."""
    if point is None:
        return YearOutcome(year, NOT_FILED, None)
    if point.undecided:
        said = UNDECIDED
    elif point.status == Status.PASS:
        said = MET
    elif point.status in (Status.WAIVED, Status.MISSING, INVALID):
        said = str(point.status)
    else:  # fail, warn, behind: not met in a year that judges it
        said = NOT_MET
    return YearOutcome(year, said, point.observed)


def fit(points: Sequence[tuple[int, float]]) -> tuple[float, float]:
    """Least squares through (year, value): (slope per year, value of the line at the first year)."""
    n = len(points)
    first = points[0][0]
    xs = [float(year - first) for year, _ in points]
    ys = [value for _, value in points]
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    spread = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / spread
    return slope, mean_y - slope * mean_x


def held(value: float, bounds: Range) -> float:
    """``value`` within ``bounds`` (lowest, highest or None)."""
    low, high = bounds
    return max(low, value if high is None else min(value, high))


def meets_in(
    line: Callable[[float], float], slope: float, op: str, target: float, first: int, due: int, bounds: Range
) -> int | None:
    """The first whole year, from ``first`` on (the year after the last one observed), from which the line,
    held within ``bounds`` (the values the figure can take), meets the target; None if it never does. A line
    moving away from the target meets it from ``first`` only if it still does in the due year; a line that
    would cross the target only beyond the bound it moves toward never meets it."""
    direction = _DIRECTIONS[op]
    if slope * direction < 0:
        return first if _meets(held(line(due), bounds), op, target) else None
    if _meets(held(line(first), bounds), op, target):
        return first
    limit = bounds[1] if direction > 0 else bounds[0]
    if slope == 0 or (limit is not None and not _meets(limit, op, target)):
        return None
    # Between the held first value and the bound, the held line meets the target exactly where the line does.
    crossing = first + (target - line(first)) / slope
    if crossing > HORIZON:
        return None  # a pace that would take beyond the century is no pace
    year: int = max(first, math.ceil(crossing - 1e-9))
    while not _meets(held(line(year), bounds), op, target):  # a strict operator at an exact crossing: the
        year += 1  # year after
    return year


def _meets(value: float, op: str, target: float) -> bool:
    # A fitted value a rounding error below the target meets it: 29.999999999 is 30.
    return holds(round(value, 9), op, target)


def _numeric(value: Any) -> float | bool | None:
    if isinstance(value, bool) or value is None:
        return value
    return value if isinstance(value, (int, float)) else None
