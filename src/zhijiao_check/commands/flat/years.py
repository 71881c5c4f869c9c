"""A flat run's city-wide years: each year compared with the year before and scored by the city-wide rules,
its results written to the spool as they are made; in worker processes with ``--jobs``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple

from zhijiao_check.commands.flat.scoring import Flat
from zhijiao_check.commands.flat.spool import (
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
from zhijiao_check.report import ReportFile
from zhijiao_check.status import failing
from zhijiao_check.units import CITY_WIDE

if TYPE_CHECKING:
    from zhijiao_check.engine.results import RuleResult
    from zhijiao_check.engine.waiver import Waiver
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


def city_year(
    flat: Flat,
    spools: tuple[Spool, Spool],
    year: int,
    year_kept: Sequence[HeldReport],
    earlier: tuple[Mapping[int, Mapping[str, HeldReport]], Mapping[tuple[str, int], ReportFile], Keep],
    warnings: Warnings,
    absence: Absence,
) -> YearDone:
    """One year's comparison with the year before (``earlier``: the reports of the run, and the earlier ones)
    and its city-wide rules. ``spools``: the run's, which holds the kept reports, and the one the year's
    results and entry are written to (the same, but in a worker: ``city_years``). ``absence``: why a unit
    may be missing from a year though it filed a report (``engine.evaluate.Absence``)."""
    from zhijiao_check.report.consistency import cross_year_warnings

    spool, out = spools
    in_run, before, keep = earlier
    # once compared with the year before, what the city-wide rules read of each report, its texts shared
    shared = Shared(keep.city_of_kept)
    reports = []
    last_year = in_run.get(year - 1, {})
    for one in year_kept:
        this = spool.report(one, shared)
        kept_before = last_year.get(this.unit)
        previous = (
            spool.report(kept_before, shared)
            if kept_before is not None
            else before.get((this.unit, year - 1))
        )
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


# A worker process pays for itself from two city-wide years: each is some 0.1 s of a 1,000-report run.
YEARS_IN_PARALLEL = 2


def city_years(
    flat: Flat,
    spool: Spool,
    years: Sequence[tuple[int, Sequence[HeldReport]]],
    earlier: tuple[Mapping[int, Mapping[str, HeldReport]], Mapping[tuple[str, int], ReportFile], Keep],
    warnings: Warnings,
    jobs: int,
    meanwhile: Callable[[], None],
    absence: Absence,
) -> Iterator[YearDone]:
    """Each year's ``city_year``, in order: a year at a time, in a function of its own (nothing of one year
    is held while the next is read). With ``jobs``, in worker processes, each year written to a spool of its
    own, then copied into the run's after the years before it, where the run would have written it: the
    same bytes in the same places, and the warnings in the same order, as one process gives. ``meanwhile``
    is called once the workers have the years, before their first one is back (not with one process)."""
    from zhijiao_check.processes import in_parallel, ordered_map

    if not in_parallel(len(years), jobs, YEARS_IN_PARALLEL):
        for year, year_kept in years:
            yield city_year(flat, (spool, spool), year, year_kept, earlier, warnings, absence)
        return
    files = [spool_file() for _ in years]
    by_file = warnings.files is not None
    spool.flush()

    def work(index: int) -> tuple[YearDone, int, Found, frozenset[Waiver]]:
        """In a worker: the year written to its own spool; with the warnings found and the waivers used."""
        out = Spool(files[index], spool.rules, spool.views)
        found = Warnings(out, flat.tr, by_file)
        used = set() if flat.excuse is None else set(flat.excuse.used)
        done = city_year(flat, (spool, out), *years[index], earlier, found, absence)
        out.flush()
        newly = frozenset() if flat.excuse is None else frozenset(flat.excuse.used - used)
        return done, out.end, found.found(), newly

    try:
        made = ordered_map(work, range(len(years)), jobs, YEARS_IN_PARALLEL)
        meanwhile()
        for index, (done, size, found, used) in enumerate(made):
            at = spool.copy(Spool(files[index], spool.rules, spool.views), size)
            warnings.moved_in(found, at)
            if flat.excuse is not None:
                flat.excuse.used |= used
            yield done.moved(at)
    finally:
        for file in files:
            file.close()
