"""A flat run's city-wide years: each year compared with the year before and scored by the city-wide rules,
its results written to the spool as they are made; with ``--jobs``, shared by the worker kept from the
reports' scoring and the run's own process.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple

from zhijiao_check.commands.flat.scoring import Flat
from zhijiao_check.commands.flat.spool import (
    SIDE_BUFFER,
    City,
    Found,
    HeldReport,
    Result,
    Spool,
    Warnings,
    figures_of,
    spool_file,
)
from zhijiao_check.document import city, result
from zhijiao_check.engine.evaluate import Absence, evaluate_city
from zhijiao_check.engine.keep import Keep, Shared
from zhijiao_check.records import record
from zhijiao_check.report import ReportFile
from zhijiao_check.status import failing
from zhijiao_check.units import CITY_WIDE

if TYPE_CHECKING:
    from zhijiao_check.engine.results import RuleResult
    from zhijiao_check.engine.waiver import Waiver
    from zhijiao_check.forked import Worker
    from zhijiao_check.wording import Wording


class YearDone(NamedTuple):
    """What a city-wide year left (``city_year``): whether a result fails, its notices, its entries in the
    spool, and its figures as the trends read them: (year, unit, figures as ``figures_of`` gives them, the
    units missing), the rules by their place (a worker's copies of the rules are not the run's); and each
    city-wide section's (year, units missing, those of them refused), which say who did not file
    (``engine.runtrends.not_filed_by_year``)."""

    failed: bool
    notices: list[Wording]
    entries: list[City]
    figures: list[tuple[int, str, tuple[tuple[Any, ...], ...], tuple[str, ...]]]
    sections: list[tuple[int, tuple[str, ...], tuple[str, ...]]]

    def moved(self, by: int) -> YearDone:
        """The same, its spool written ``by`` bytes further on."""
        return self._replace(entries=[entry.moved(by) for entry in self.entries])


class YearKept(NamedTuple):
    """A city-wide year's kept reports as ``city_year`` reads them: by their numbers in the spool
    (``numbers``, ``HeldReport.number``), each with its unit's report of the year before in the run
    (``last``: its number, or -1), and by unit the earlier reports of the year before (``before``:
    ``--previous``). Numbers, not the reports the run holds: a worker is sent them (``YearTask``), and
    20,000 of those were 1.7 MiB at the peak of a 10,000-report run as they were read back."""

    year: int
    numbers: array[int]
    last: array[int]
    before: Mapping[tuple[str, int], ReportFile]


def year_kept(
    year: int,
    kept: Sequence[HeldReport],
    in_run: Mapping[int, Mapping[str, HeldReport]],
    before: Mapping[tuple[str, int], ReportFile],
) -> YearKept:
    """``kept``, the reports of ``year``, as ``city_year`` reads them; ``in_run``: the run's kept reports by
    year and unit, ``before``: the earlier ones (``--previous``) by unit and year."""
    last_year = in_run.get(year - 1, {})
    return YearKept(
        year,
        array("q", (one.number for one in kept)),
        array("q", (last_year[one.unit].number if one.unit in last_year else -1 for one in kept)),
        {(one.unit, year - 1): before[one.unit, year - 1] for one in kept if (one.unit, year - 1) in before},
    )


def city_year(
    flat: Flat,
    spools: tuple[Spool, Spool],
    kept: YearKept,
    keep: Keep,
    warnings: Warnings,
    absence: Absence,
) -> YearDone:
    """One year's comparison with the year before and its city-wide rules. ``spools``: the run's, which
    holds the kept reports, and the one the year's results and entry are written to (the same, but in a
    worker: ``city_years``). ``absence``: why a unit may be missing from a year though it filed a report
    (``engine.evaluate.Absence``)."""
    from zhijiao_check.report.consistency import cross_year_warnings

    spool, out = spools
    year = kept.year
    # once compared with the year before, what the city-wide rules read of each report, its texts shared
    shared = Shared(keep.city_of_kept)
    reports = []
    for number, last in zip(kept.numbers, kept.last, strict=True):
        this = spool.report(number, shared)
        previous = spool.report(last, shared) if last >= 0 else kept.before.get((this.unit, year - 1))
        if previous is not None:
            warnings.add(cross_year_warnings([this], [previous]))
        reports.append(shared(this))
    written: list[Result] = []  # where each result shown was written as it was made

    def write(made: RuleResult) -> RuleResult:
        """A result written out (waived, if a waiver matches) as soon as it is made: what is kept of it is
        what its status, the score and the trends read, not its places and items."""
        if flat.selected is None or made.rule.id in flat.selected:
            shown = made if flat.excuse is None else flat.excuse.result(made, CITY_WIDE, year)
            written.append(out.result(result(shown, flat.tr, streamed=True)))
        return replace(made, explanation="", locations=(), items=(), notes=())

    from zhijiao_check.commands.inputs import city_required

    required = city_required(flat.roster, flat.packs[0].units.city(), reports, flat.folders)
    scored, notices = evaluate_city({year: reports}, flat.packs, flat.selected, write, absence, required)
    del reports, shared
    places = {id(rule): index for index, rule in enumerate(spool.rules)}
    fails = failing(flat.strict)
    failed = False
    entries, figures, sections = [], [], []
    for evaluation in scored:
        sections.append((year, evaluation.units_missing, evaluation.units_invalid))
        excused = evaluation if flat.excuse is None else flat.excuse(evaluation, CITY_WIDE)
        # as the trends read the year: its results waived where a waiver excuses them
        figures.append((year, CITY_WIDE, figures_of(excused, places), evaluation.units_missing))
        failed = failed or any(r.status in fails for r in excused.results)
        entries.append(out.city(city(excused, flat.tr, streamed=True), written))
    return YearDone(failed, notices, entries, figures, sections)


@record
class YearTask:
    """A city-wide year as ``year_apart`` takes it (``YearAt``), in a worker kept from the reports' scoring or
    in the run's own process: its reports (``kept``), and what the worker's copy of the run, forked before
    the reports were scored, lacks: where in the spool the run has written ``Spool.parts`` (``parts``: where
    the reports are), ``absence``, and whether the warnings are found by file too (``by_file``)."""

    kept: YearKept
    parts: tuple[int, int]
    absence: Absence
    by_file: bool


class YearAt(NamedTuple):
    """Where a ``YearTask`` is in the run's spool, pickled: what a worker is handed (``year_apart``). Handed
    the tasks themselves, each worker held all of them (a 10,000-report run's 20,000 kept reports, 10 MiB
    of its peak), where it does but some."""

    at: int
    size: int


def year_apart(
    flat: Flat, spool: Spool, keep: Keep, where: YearAt, number: int
) -> tuple[YearDone, int, Found, frozenset[Waiver]]:
    """The year of the ``YearTask`` at ``where``, written to a spool of its own, then put in the own file of
    process ``number`` (``Spool.put_apart``): what it left, where the run reads what it wrote, the warnings
    found, and the waivers newly used (counted by the run: a worker's are its own)."""
    task: YearTask = spool.task_read(where)
    with spool_file(SIDE_BUFFER) as file:
        out = Spool(file, spool.rules, spool.views)
        found = Warnings(out, flat.tr, task.by_file)
        used = set() if flat.excuse is None else set(flat.excuse.used)
        done = city_year(flat, (spool, out), task.kept, keep, found, task.absence)
        at = spool.put_apart(number, out)
    newly = frozenset() if flat.excuse is None else frozenset(flat.excuse.used - used)
    return done, at, found.found(), newly


class Beside(NamedTuple):
    """Work shared with the city-wide years by the processes that do them (``city_years``): its items
    (``items``, asked for only then), taken after the years by whichever process is free; how the run's own
    process does one (``here``; a worker's function takes them too); and what is done with the result of each,
    in their order, once the years are in (``took``)."""

    items: Callable[[], Sequence[Any]]
    here: Callable[[Any], Any]
    took: Callable[[Any], None]


def city_years(
    flat: Flat,
    spool: Spool,
    years: Sequence[tuple[int, Sequence[HeldReport]]],
    earlier: tuple[Mapping[int, Mapping[str, HeldReport]], Mapping[tuple[str, int], ReportFile], Keep],
    warnings: Warnings,
    team: Sequence[Worker],
    beside: Beside,
    absence: Absence,
) -> Iterator[YearDone]:
    """Each year's ``city_year``, in order: a year at a time, in a function of its own (nothing of one year
    is held while the next is read). With ``team`` (the workers kept from the reports' scoring, which take a
    ``YearTask`` too), shared by them and this process (``processes.claimed_map``), each year written to
    a spool of its own, then put in its process's own file (``year_apart``), where the run reads it: the
    same bytes, and the warnings in the same order, as one process gives; the work ``beside`` them after
    them. Without (a run of fewer reports than pay for a worker), or for one year, in this process, the team
    ended first, and nothing ``beside``."""
    from zhijiao_check.processes import claimed_map, ended

    in_run, before, keep = earlier
    if not team or len(years) < 2:
        ended(team)
        for year, kept in years:
            yield city_year(
                flat, (spool, spool), year_kept(year, kept, in_run, before), keep, warnings, absence
            )
        return
    by_file = warnings.files is not None
    written = spool.index_written()
    tasks = [
        YearAt(*spool.task_written(YearTask(year_kept(y, kept, in_run, before), written, absence, by_file)))
        for y, kept in years
    ]
    others = beside.items()  # written to the spool too: before it is flushed for the workers to read
    spool.flush()
    own = spool.own_number()

    def here(item: Any) -> Any:
        return year_apart(flat, spool, keep, item, own) if isinstance(item, YearAt) else beside.here(item)

    made = claimed_map(team, [*tasks, *others], here)
    for _ in tasks:
        done, at, found, used = next(made)
        warnings.moved_in(found, at)
        if flat.excuse is not None:
            flat.excuse.used |= used
        yield done.moved(at)
    for other in made:
        beside.took(other)
