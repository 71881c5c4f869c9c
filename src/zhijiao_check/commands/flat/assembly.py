"""A flat run's document, read back from the spool as it is written: its reports ranked, its city-wide
years, warnings and units' trends.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from zhijiao_check.commands.flat.ahead import NONE, Spans, TrendsAt, UnitReports, trends_apart, trends_tasks
from zhijiao_check.commands.flat.scoring import Flat
from zhijiao_check.commands.flat.spool import (
    City,
    HeldReport,
    Spool,
    Warnings,
    Year,
)
from zhijiao_check.commands.flat.unittrends import DEPTH, UnitTrendTexts
from zhijiao_check.commands.flat.years import Beside, city_years
from zhijiao_check.document import assessment, header, invalid, ranked, trend
from zhijiao_check.engine.assessment import assessed, in_unit_order, not_assessed
from zhijiao_check.engine.duplicates import DIFFERING
from zhijiao_check.engine.evaluate import Absence, unit_order
from zhijiao_check.engine.keep import Keep
from zhijiao_check.engine.runtrends import (
    city_trends,
    expected_in,
    kind_in,
    listed_in,
    not_filed_by_unit,
    not_filed_by_year,
    refused_units,
    refused_years,
    run_years,
    schedule_bases,
    unsure_units,
    untrended,
    without_city_figures,
)
from zhijiao_check.engine.trend import METHOD
from zhijiao_check.jsontext import Lazy, Spooled, Written
from zhijiao_check.report import InvalidReport, ReportFile
from zhijiao_check.status import ExitCode

if TYPE_CHECKING:
    from zhijiao_check.forked import Worker
    from zhijiao_check.wording import Wording


def assembled(
    flat: Flat,
    spool: Spool,
    held: tuple[list[HeldReport], Mapping[int, Mapping[str, HeldReport]], Keep],
    refused: list[InvalidReport],
    earlier: Sequence[ReportFile],
    notices: Sequence[Wording],
    by_file: bool,
    team: Sequence[Worker],
    elsewhere: Mapping[tuple[str, int], tuple[str, int]],
) -> tuple[Callable[[], dict[str, Any]], Warnings, ExitCode]:
    """The document, its reports, city-wide years, warnings and units' trends read from the spool as it is
    written; its warnings (``by_file``: also found by the file they are in); and the exit status. The
    city-wide rules read the reports a year at a time, as kept; the comparison with the year before reads a
    report and its unit's report of that year, so one year of kept reports is in memory, never the whole run.
    ``elsewhere``: the kept reports whose path says another year (``report.pathyear.elsewhere``).
    """
    tr = flat.tr
    kept, in_run, keep = held
    # The reports' order: one kept report a unit and year, so no file name decides it (none is held).
    kept.sort(key=unit_order(flat.packs[0].units))
    by_year: dict[int, list[HeldReport]] = {}
    for one in kept:
        by_year.setdefault(one.year, []).append(one)
    bases = schedule_bases(flat.packs)
    failed = any(one.fails for one in kept)
    warnings = Warnings(spool, tr, by_file)
    for one in kept:
        warnings.add(one.warnings)
    # The report a unit's is compared with: its report of the year before in this run (``in_run``: each
    # kept report by year and unit), else among the earlier ones (``--previous``), the first of them as
    # ``cross_year_warnings`` takes it.
    before: dict[tuple[str, int], ReportFile] = {}
    for old in earlier:
        before.setdefault((old.unit, old.year), old)
    # Each unit's kept reports, grouped when first read: with one process, after the city-wide years, where
    # the run peaks (a list for each of 1,989 units a year was 0.3 MiB of it); with --jobs, as the chunks of
    # units' trends shared with the years are made (``ahead``), just before the years.
    grouped: list[dict[str, list[HeldReport]]] = []

    def units() -> dict[str, list[HeldReport]]:
        if not grouped:
            grouped.append({})
            for one in kept:
                grouped[0].setdefault(one.unit, []).append(one)
        return grouped[0]

    invalid_years = refused_years(refused)
    # every year of the run: the city-wide years are those of kept 市本级 reports, years of ``by_year``
    years = list(run_years(by_year, invalid_years))

    # the city-wide sections' units missing, which say who did not file: each unit's trends are made (as
    # they are written out) once every city-wide year is done
    sections: list[tuple[int, tuple[str, ...], tuple[str, ...]]] = []

    def not_filed() -> dict[str, list[int]]:
        return not_filed_by_unit(not_filed_by_year(sections, unsure_units(refused)))

    texts = UnitTrendTexts(spool.rules, bases, tr, years)
    # Units whose trends were made beside the city-wide years (``ahead``): by unit, its place in
    # ``spans_ahead``, which holds where its entry and its clause-15 line are in the spool (start and size of
    # each, in turn), or -1 for no trend (a tuple of four numbers a unit took twice the room).
    made_ahead: dict[str, int] = {}
    spans_ahead = array("q")

    def unit_trend(unit: str, reports: list[HeldReport], absent: Sequence[int], unseen: Sequence[int]) -> Any:
        return texts.unit(
            unit,
            reports[0].kind,
            [(one.year, spool.results(one.number)) for one in reports],
            invalid_years.get(unit, ()),
            absent,
            expected_in(flat.packs[0].units, unit, unseen),
            by_year,  # the years of valid reports, as city-wide: a refused one alone ends no run
        )

    def ahead() -> list[TrendsAt]:
        """The units whose trends no city-wide section can change, in chunks made beside the city-wide
        years with ``--jobs`` (``commands.flat.ahead``): those whose reports, valid or refused, cover every
        year of the run. Their years not filed and the run's years without city-wide figures are then none
        of their years (``engine.trend.span`` leaves out the years it has), whatever the sections say."""
        every = set(years)
        chosen = [
            UnitReports(
                unit,
                reports[0].kind,
                tuple((one.year, one.number) for one in reports),
                tuple(sorted(invalid_years.get(unit, ()))),
            )
            for unit, reports in units().items()
            if every <= {one.year for one in reports}.union(invalid_years.get(unit, ()))
        ]
        return trends_tasks(spool, chosen, years, by_year, len(team) + 1)

    def made(trends: list[tuple[str, Spans]]) -> None:
        """Units' trends made ahead (``ahead``), where their entries and lines are."""
        for unit, spans in trends:
            if spans == NONE:
                made_ahead[unit] = -1
                continue
            made_ahead[unit] = len(spans_ahead)
            spans_ahead.extend(spans)

    def found_unit_trends() -> Iterator[tuple[str, Written | Spooled, tuple[int, int]]]:
        """Each unit's entry of trends, and where its clause-15 line is in the spool, in the units' order."""
        absent = not_filed()
        unseen = without_city_figures(years, (year for year, _, _ in sections))
        for unit, reports in units().items():
            at = made_ahead.get(unit)
            if at is not None:
                if at >= 0:
                    entry, size, line, length = spans_ahead[at : at + 4]
                    yield unit, spool.spooled(entry, size), (line, length)
                continue
            found = unit_trend(unit, reports, absent.get(unit, ()), unseen)
            if found is not None:
                spans = spool.written([assessment(assessed(found.trends, unit, reports[0].kind))], DEPTH)
                yield unit, found.entry, (spans[0], spans[1])

    # clause 15's lines of the units, counted as their trends are written and spooled (each a few hundred
    # bytes of rule IDs: held, 10,000 reports' lines took 6 MiB more at the run's peak), so that the summary
    # after them need not make the trends again; with the units they are of, in order
    spooled: list[tuple[array[int], list[str]]] = []

    def spooling() -> Iterator[Written | Spooled]:
        spans, trended = array("q"), []
        for unit, entry, line in found_unit_trends():
            spans.extend(line)
            trended.append(unit)
            yield entry
        spooled[:] = [(spans, trended)]

    def unit_trend_entries() -> Iterator[Written | Spooled]:
        return spooling()

    def assessment_entries() -> Iterator[Any]:
        if city_trend:
            yield assessment(assessed(city_trend))
        if not spooled:  # a view that reads the summary before the units' trends: made (and spooled) first
            for _ in spooling():
                pass
        spans, trended = spooled[0]
        registry = flat.packs[0].units
        order = registry.order()
        without = untrended(
            years,
            order,
            kind_in(registry, {unit: reports[0].kind for unit, reports in units().items()}),
            units(),
            refused_units(refused),
            not_filed(),
            trended,
            listed_in(registry, years),
        )
        yield from in_unit_order(
            zip(trended, spool.read_written(spans), strict=True),
            [(unit.unit, assessment(not_assessed(unit))) for unit in without],
            order,
        )

    city_entries: list[City] = []
    city_figures: list[Year] = []
    city_notices: list[Wording] = []
    each_year = sorted(by_year.items())
    for done in city_years(
        flat,
        spool,
        each_year,
        (in_run, before, keep),
        warnings,
        team,
        Beside(ahead, lambda where: trends_apart(flat, spool, texts, where, spool.own_number()), made),
        Absence(
            invalid_years,
            elsewhere,
            refused_years(b for b in refused if b.problems[0].code == DIFFERING),
            {year: len(year_kept) for year, year_kept in by_year.items()},
        ),
    ):
        failed = failed or done.failed
        city_notices += done.notices
        city_entries += done.entries
        sections += done.sections
        for year, unit, figures, missing in done.figures:
            city_figures.append(Year(year, unit, "city", spool.figures(figures), missing))
    if flat.excuse is not None:
        # the units and years of the valid reports, and the years whose city-wide rules were evaluated
        evaluated = {(one.unit, one.year) for one in kept} | {(c.unit, c.year) for c in city_figures}
        warnings.add(flat.excuse.warnings(evaluated))
    code = ExitCode.of(invalid=bool(refused), failed=failed)
    city_trend = city_trends(
        city_figures, bases, invalid_years.get(flat.packs[0].units.city(), ()), years, by_year
    )

    def entries() -> Iterator[Spooled]:
        for year_kept in by_year.values():
            for rank, one in ranked([{"score": one.score, "kept": one} for one in year_kept]):
                yield spool.entry(cast(HeldReport, one["kept"]), rank)

    def unit_entries() -> Iterable[Any]:
        return unit_trend_entries()

    def document() -> dict[str, Any]:
        return {
            **header(flat.packs, tr, flat.config),
            "reports": Lazy(entries),
            "city": Lazy(lambda: (spool.city_entry(entry) for entry in city_entries)),
            # each warning's text made as it is written
            "invalid": Lazy(lambda: (invalid(bad, tr) for bad in refused)),
            "warnings": Lazy(warnings.entries),
            "notices": [tr.render(n) for n in (*notices, *city_notices)],
            "trends": {
                "method": METHOD,
                "years": years,
                "city": [trend(x, tr) for x in city_trend],
                "units": Lazy(unit_entries),
                "assessment": Lazy(assessment_entries),
            },
            "exit_code": int(code),
        }

    return document, warnings, code
