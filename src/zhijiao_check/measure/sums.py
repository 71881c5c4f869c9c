"""Totals of a field over one report, all reports of a year, or the items of a collection."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from zhijiao_check.measure.conditions import select
from zhijiao_check.measure.numbers import Exact, exact, exact_sum
from zhijiao_check.measure.scope import (
    NO_PLACES,
    Item,
    Location,
    Scope,
    absent_field,
    one_key,
    report_places,
    split,
)
from zhijiao_check.records import record
from zhijiao_check.vocabulary import Sum
from zhijiao_check.wording import Wording


@record
class Total:
    """A sum with its parts: ``value`` is None when any part is absent (named in ``missing``)."""

    value: float | None
    parts: tuple[tuple[str, float], ...]
    locations: tuple[Location, ...]
    missing: tuple[Wording, ...]
    otherwise: int = 0  # items that did not give the field and were read through ``otherwise``
    # The sum of the parts that are there as written, exactly (``numbers.exact_sum``): a ratio compares it.
    exact: Exact = 0
    # Where the parts not given would stand (a blank cell): shown before the others, as what to fill.
    gaps: tuple[Location, ...] = ()

    @property
    def given(self) -> float:
        """The sum of the parts that are there (a lower bound of the whole: no figure is negative): whole
        numbers as they are; with a decimal among them, the float nearest the exact sum of the decimals
        written (0.1 + 0.2 is 0.3, as a reader adds them, not 0.30000000000000004)."""
        exact = self.exact
        return exact if exact.__class__ is int else float(exact)


def total(spec: Sum, scope: Scope) -> Total:
    if spec.over is None:
        # One report's figure (most sums of a unit's rules: ``funding.new_vocational``): given, it is the
        # whole sum, as the general way below adds it up, without its lists.
        readings = scope.field(spec.field)
        value = readings[0].value if len(readings) == 1 else None
        if value is not None:
            reading = readings[0]
            written = exact(value)  # as ``exact_sum`` gives one figure
            given = written if written.__class__ is int else float(written)
            return Total(given, ((reading.report.unit, value),), (reading.location,), (), 0, written, ())
    return _summed(spec, scope, None)[0]


# Where each report's part of a sum ends among the sum's parts, places and missing figures, with the items
# read through ``otherwise`` so far, after an entry of where the first report's starts (``total_apart``)
Ends = list[tuple[Any, int, int, int, int]]
# A report's own sum where it has nothing to sum (a unit without schools): what ``total`` gives it alone
NOTHING = Total(0, (), (), ())


def total_apart(spec: Sum, scope: Scope) -> tuple[Total, dict[int, Total | None] | None]:
    """``total`` over the scope, and each report's own, as ``total`` over that report alone gives it (by the
    report's ``id``; a report absent from it has ``NOTHING``), cut from the same parts and places, not read
    and placed again: a city-wide ratio lists each unit's own share (``ratio``'s ``by_unit``). None for a
    report that misses a figure, whose own sum names what it misses as the city-wide one does not; no
    reports' at all where a list is not given or the field is deeper than an item's own (both the general
    way, report by report)."""
    ends: Ends = []
    whole, apart = _summed(spec, scope, ends)
    if not apart:
        return whole, None
    own: dict[int, Total | None] = {}
    for (_, parts_from, places_from, missing_from, otherwise_from), (report, *till) in pairwise(ends):
        parts_till, places_till, missing_till, otherwise_till = till
        if missing_till > missing_from:
            own[id(report)] = None
            continue
        parts = whole.parts[parts_from:parts_till]
        exact = exact_sum(v for _, v in parts)
        given = exact if exact.__class__ is int else float(exact)
        places = whole.locations[places_from:places_till]
        own[id(report)] = Total(given, parts, places, (), otherwise_till - otherwise_from, exact)
    return whole, own


def _summed(spec: Sum, scope: Scope, ends: Ends | None) -> tuple[Total, bool]:
    """``total``, and whether ``ends`` holds where each report's part ends (``total_apart``)."""
    parts: list[tuple[str, float]] = []
    locations: list[Location] = []
    missing: list[Wording] = []
    gaps: list[Location] = []
    otherwise = 0
    apart = ends is not None
    if spec.over is None:
        if ends is not None:
            ends.append((None, 0, 0, 0, 0))
        for reading in scope.field(spec.field):
            locations.append(reading.location)
            if reading.value is None:
                missing.append(
                    scope.named(reading.report, absent_field(reading.report, reading.path, spec.field))
                )
                gaps.append(reading.location)
            else:
                parts.append((reading.report.unit, reading.value))
            if ends is not None:
                ends.append((reading.report, len(parts), len(locations), len(missing), 0))
    else:
        items, absent = select(scope.items(spec.over), spec.where, scope.year)
        missing.extend(gap.what for gap in absent)
        locations.extend(gap.location for gap in absent)
        gaps.extend(gap.location for gap in absent)
        key = one_key(spec.field)[0]
        if key is None:  # a school's field, or one deeper than the item's own: each item the general way
            for item in items:
                otherwise += _item_part(spec, scope, item, parts, locations, missing, gaps)
            apart = False
        else:
            otherwise += _parts_by_key(spec, scope, items, key, parts, locations, missing, gaps, ends)
            apart = apart and not absent
    exact = exact_sum(v for _, v in parts)
    given = exact if exact.__class__ is int else float(exact)
    whole = Total(
        None if missing else given,
        tuple(parts),
        tuple(locations),
        tuple(missing),
        otherwise,
        exact,
        tuple(gaps),
    )
    return whole, apart


def _item_part(
    spec: Sum,
    scope: Scope,
    item: Item,
    parts: list[tuple[str, float]],
    locations: list[Location],
    missing: list[Wording],
    gaps: list[Location],
) -> int:
    """One item's part of a sum over items, its place, or what it is missing and where: 1 when it was read
    through ``otherwise``."""
    field = spec.field
    otherwise = 0
    if item.get(field) is None and spec.otherwise is not None:
        field = spec.otherwise
        otherwise = 1
    value = item.get(field)
    if value is None:
        missing.append(scope.named(item.report, item.absent(spec.field)))
        # the blank cell itself in a workbook; the entry in a YAML report (the nearest place)
        gaps.append(item.location(spec.field))
        locations.append(gaps[-1])
        return otherwise
    parts.append((item.name, value))
    locations.append(item.location(field))
    return otherwise


def _parts_by_key(
    spec: Sum,
    scope: Scope,
    items: list[Item],
    key: str,
    parts: list[tuple[str, float]],
    locations: list[Location],
    missing: list[Wording],
    gaps: list[Location],
    ends: Ends | None = None,
) -> int:
    """``_item_part`` of each item, for a field one level deep in the item (``dual_qualified_teachers`` of a
    school): an item that gives it is read and located in this loop, without a call (as ``scope.reader``
    and ``scope.locator`` would), each report's places looked up once for its items; any other item (its
    figure not given, read through ``otherwise`` or missing) the general way. The same parts and places.
    ``ends``: where each report's part ends (``total_apart``), its items being one run of them."""
    path = split(spec.field)
    otherwise = 0
    report, positions, values, file, cells = NO_PLACES
    if ends is not None:
        ends.append((None, len(parts), len(locations), len(missing), 0))
    for item in items:
        if item.report is not report:
            if ends is not None and report is not None:
                ends.append((report, len(parts), len(locations), len(missing), otherwise))
            report, positions, values, file, cells = report_places(item.report)
        data = item.data
        value = data.get(key) if data.__class__ is dict else None
        if value is None:
            otherwise += _item_part(spec, scope, item, parts, locations, missing, gaps)
            continue
        parts.append((item.name, value))
        at = item.path + path
        line, column = values.get(at) or positions.nearest(at)
        locations.append(Location(file, line, column, positions.cell(at) if cells else ""))
    if ends is not None and report is not None:
        ends.append((report, len(parts), len(locations), len(missing), otherwise))
    return otherwise
