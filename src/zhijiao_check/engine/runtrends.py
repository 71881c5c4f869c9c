"""The trends of a whole run: each unit's and the city's (``engine.trend`` makes each one), the units the run
expects without any and why, and who did not file in which year.

What a run's reports, city-wide sections and refused reports say of its years is read here once, for a run in
memory (``run_trends``) and for a large run, which builds the same answer a unit at a time
(``commands.flat.assembly``) from the same functions.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from zhijiao_check.engine.trend import MIN_YEARS, Trend, trends_of
from zhijiao_check.records import record

if TYPE_CHECKING:
    from zhijiao_check.units import UnitRegistry


@record
class UnitTrends:
    unit: str
    kind: str
    trends: tuple[Trend, ...]


@record
class RunTrends:
    """The trends of a run: city-wide (over the years evaluated city-wide) and per unit."""

    years: tuple[int, ...] = ()  # every year of the run
    city: tuple[Trend, ...] = ()
    units: tuple[UnitTrends, ...] = ()
    # the units the run expects that have no trends, and why (``untrended``), in the pack's unit order
    untrended: tuple[Untrended, ...] = ()
    order: tuple[str, ...] = ()  # the pack's unit order (``UnitRegistry.order``)


# Why a unit the run expects has no trends (``Untrended.why``): every report it has refused; none filed in
# any year a city-wide section names it missing; some refused, the other years not filed; reports of one
# year only (the years not filed make no trend: ``span``)
ALL_INVALID, ONLY_NOT_FILED, INVALID_AND_NOT_FILED, ONE_YEAR = (
    "all-invalid",
    "not-filed",
    "invalid-and-not-filed",
    "one-year",
)
# A unit the pack lists, expected in a year of the run, that no report and no city-wide section names: the
# run holds nothing of it (whether it filed is not known without a city-wide section naming it missing)
NONE_IN_RUN = "none-in-run"
NO_TRENDS = (ALL_INVALID, ONLY_NOT_FILED, INVALID_AND_NOT_FILED, ONE_YEAR, NONE_IN_RUN)


@record
class Untrended:
    """A unit the run expects (a report of it, valid or refused, or a city-wide section naming it missing)
    with no trends, and why (one of ``NO_TRENDS``): clause 15's summary gives it a line all the same, or the
    worst-filing county would drop out of the table the county governments are assessed by."""

    unit: str
    kind: str
    why: str


def untrended(
    years: Collection[int],
    order: Sequence[str],
    kind_of: Callable[[str], str],
    filed: Collection[str],
    refused: Collection[str],
    not_filed: Collection[str],
    trended: Collection[str],
    listed: Collection[str] = (),
) -> tuple[Untrended, ...]:
    """The units of ``filed`` (a valid report), ``refused`` (a report refused, its year known or not),
    ``not_filed`` (``not_filed_by_unit``) or ``listed`` (the pack's units expected in a year of the run:
    ``listed_in``) not among ``trended``, in ``order`` (a unit not in it after, by name), each with why it
    has no trends; none in a run of one year (no unit has trends). ``kind_of``: a unit's kind. The one
    answer for a run and a large run (``commands.flat.assembly``)."""
    if len(years) < MIN_YEARS:
        return ()
    rank = {name: index for index, name in enumerate(order)}
    expected = sorted(
        {*filed, *refused, *not_filed, *listed} - set(trended), key=lambda u: (rank.get(u, len(rank)), u)
    )
    return tuple(Untrended(unit, kind_of(unit), _why(unit, filed, refused, not_filed)) for unit in expected)


def listed_in(units: UnitRegistry | None, years: Iterable[int]) -> list[str]:
    """The pack's units the unit list expects in a year of ``years`` (from its ``since``, before its
    merger), in its order: each has a line in clause 15's summary, one the run holds nothing of too
    (``none-in-run``)."""
    if units is None:
        return []
    held = tuple(years)
    return [unit for unit in units.order() if any(units.unit_in(unit, year) is not None for year in held)]


def _why(unit: str, filed: Collection[str], refused: Collection[str], not_filed: Collection[str]) -> str:
    # A valid report without trends: the unit's reports, valid or refused, are of one year
    if unit in filed:
        return ONE_YEAR
    if unit in refused:
        return INVALID_AND_NOT_FILED if unit in not_filed else ALL_INVALID
    # named missing by a city-wide section, or by nothing at all: the pack lists it
    return ONLY_NOT_FILED if unit in not_filed else NONE_IN_RUN


def refused_units(invalid: Iterable[Any]) -> set[str]:
    """The units of the reports refused (``report.InvalidReport``) that name one, their year known or not."""
    return {bad.unit for bad in invalid if bad.unit is not None}


def schedule_bases(packs: Iterable[Any]) -> dict[str, int]:
    """Each rule's schedule base: its pack's (``pack.schema.PackInfo.base_year``)."""
    return {rule.id: pack.info.base_year for pack in packs for rule in pack.rules}


def run_trends(
    reports: Sequence[Any],
    city: Sequence[Any],
    bases: Mapping[str, int],
    invalid: Sequence[Any] = (),
    city_unit: str = "",
    units: UnitRegistry | None = None,
) -> RunTrends:
    """``reports``: ReportEvaluations (in unit order); ``city``: CityEvaluations; ``bases``: each rule's
    schedule base; ``invalid``: the reports refused (``report.InvalidReport``), each unit's a year of its
    trends; ``city_unit``: the unit whose invalid report leaves its year out of the city-wide ones;
    ``units``: the pack's units, which order and name the kind of the units without trends (``untrended``)."""
    by_unit: dict[str, list[Any]] = {}
    for report in reports:
        by_unit.setdefault(report.unit, []).append(report)
    refused = refused_years(invalid)
    years = run_years((e.year for e in (*reports, *city)), refused)
    absent = not_filed_by_unit(
        not_filed_by_year(((c.year, c.units_missing, c.units_invalid) for c in city), unsure_units(invalid))
    )
    unseen = without_city_figures(years, (c.year for c in city))
    reported = {e.year for e in reports}  # the years of valid reports: a refused one alone ends no run
    found_units = [
        found
        for unit, evaluations in by_unit.items()
        if (
            found := unit_trends(
                evaluations,
                bases,
                refused.get(unit, ()),
                absent.get(unit, ()),
                years,
                expected_in(units, unit, unseen),
                reported,
            )
        )
    ]
    city_wide = city_trends(city, bases, refused.get(city_unit, ()), years, reported)
    order = tuple(units.order()) if units is not None else ()
    without = untrended(
        years,
        order,
        kind_in(units, {e.unit: e.kind for e in reports}),
        by_unit,
        refused_units(invalid),
        absent,
        {found.unit for found in found_units},
        listed_in(units, years),
    )
    return RunTrends(years, tuple(city_wide), tuple(found_units), without, order)


def without_city_figures(years: Iterable[int], sectioned: Iterable[int]) -> tuple[int, ...]:
    """The years of the run (``years``) without a city-wide section (``sectioned``: the years with one): no
    valid 市本级 report of the year in the run. Whether a unit without a report then had to file one is not
    known (``not_filed_by_year`` says nothing of it); a year of them is ``no-city-figures`` (``verdict``)."""
    held = set(sectioned)
    return tuple(year for year in years if year not in held)


def expected_in(units: UnitRegistry | None, unit: str, years: Iterable[int]) -> tuple[int, ...]:
    """The years of ``years`` the unit list expects ``unit`` to report in (from its ``since``, before its
    merger): a unit created later owes nothing of a year before it."""
    if units is None:
        return tuple(years)
    return tuple(year for year in years if units.unit_in(unit, year) is not None)


def kind_in(units: UnitRegistry | None, known: Mapping[str, str]) -> Callable[[str], str]:
    """A unit's kind: that of its valid reports (``known``), else the unit list's ("" for a name it lacks)."""

    def kind(unit: str) -> str:
        if unit in known:
            return known[unit]
        found = units.unit_in(unit, None) if units is not None else None
        return found.kind if found is not None else ""

    return kind


def not_filed_by_year(
    sections: Iterable[tuple[int, Iterable[str], Iterable[str]]], unsure: Collection[str] = ()
) -> dict[int, list[str]]:
    """By year of a city-wide section, given as (year, its units missing, those of them whose report was
    refused), the units it names missing whose report was not refused, in the section's order: those that
    filed nothing that year though the roster expects them. ``unsure``: the units with a report refused
    whose year is not known (``unsure_units``), in no year: that report may be the year's. The one answer
    of who did not file, for the trends' verdicts and projections and for the views (``renderers.unfiled``):
    a year without a city-wide section says nothing of it."""
    out: dict[int, list[str]] = {}
    for year, missing, invalid in sections:
        refused = set(invalid)
        absent = [unit for unit in missing if unit not in refused and unit not in unsure]
        if absent:
            out[int(year)] = absent
    return out


def not_filed_by_unit(by_year: Mapping[int, Iterable[str]]) -> dict[str, list[int]]:
    """``not_filed_by_year`` by unit: the years each did not file, in order."""
    out: dict[str, list[int]] = {}
    for year, units in sorted(by_year.items()):
        for unit in units:
            out.setdefault(unit, []).append(year)
    return out


def unsure_units(invalid: Iterable[Any]) -> set[str]:
    """The units of the reports refused (``report.InvalidReport``) whose year is not known."""
    return {bad.unit for bad in invalid if bad.unit is not None and bad.year is None}


def run_years(evaluated: Iterable[int], refused: Mapping[str, Iterable[int]]) -> tuple[int, ...]:
    """Every year of the run: those ``evaluated``, and those of its reports refused (``refused_years``)."""
    return tuple(sorted({*evaluated, *(year for years in refused.values() for year in years)}))


def refused_years(invalid: Iterable[Any]) -> dict[str, set[int]]:
    """The years of each unit's reports refused as invalid, by unit (those whose unit and year are known)."""
    years: dict[str, set[int]] = {}
    for bad in invalid:
        if bad.unit is not None and bad.year is not None:
            years.setdefault(bad.unit, set()).add(bad.year)
    return years


def unit_trends(
    evaluations: Sequence[Any],
    bases: Mapping[str, int],
    invalid_years: Iterable[int] = (),
    not_filed: Iterable[int] = (),
    all_years: Collection[int] = (),
    unseen: Iterable[int] = (),
    ending: Collection[int] | None = None,
) -> UnitTrends | None:
    """The trends of one unit's evaluations (``.year``, ``.unit``, ``.kind``, ``.results``), if it has any;
    ``invalid_years``: the years of its reports refused as invalid (one beside a valid report of the same
    year, a second report refused, is no year of an invalid report); ``not_filed``: the years it did not
    file (``not_filed_by_year``); ``all_years``: every year of the run; ``unseen``: the run's years without
    city-wide figures the unit list expects it in (``without_city_figures``, ``expected_in``); ``ending``:
    the years of the run's valid reports, those of ``unseen`` that count after its last year (``span``)."""
    found = trends_of(
        evaluations,
        bases,
        invalid_years=invalid_years,
        not_filed=not_filed,
        all_years=all_years,
        unseen=unseen,
        ending=ending,
    )
    return UnitTrends(evaluations[0].unit, evaluations[0].kind, tuple(found)) if found else None


def city_trends(
    city: Sequence[Any],
    bases: Mapping[str, int],
    invalid_years: Iterable[int] = (),
    all_years: Collection[int] = (),
    reported: Iterable[int] | None = None,
) -> list[Trend]:
    """The city-wide trends over ``city``'s evaluations; a year with units missing is not fitted (unless the
    missing units cannot change the figure); ``invalid_years``: the years of the 市本级 report refused (each
    ``invalid`` in the trends). ``all_years``: every year of the run; one of them without a city-wide
    section, its 市本级 report neither there nor refused, is a year of the trends all the same, without a
    figure: a target due in it is ``no-city-figures``, never left out of clause 15's count. ``reported``:
    the years of the valid reports (None: every year of ``all_years``); only those are such years (a year
    given by a refused report alone, a stray one, does not end the city-wide run)."""
    missing = [c.year for c in city if c.units_missing]
    held = set(all_years) if reported is None else set(reported) & set(all_years)
    unseen = without_city_figures(sorted(held), (c.year for c in city))
    return trends_of(
        city, bases, missing, invalid_years, all_years=all_years, unseen=unseen, unseen_counts=True
    )
