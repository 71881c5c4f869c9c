"""Totals of a field over one report, all reports of a year, or the items of a collection."""

from __future__ import annotations

from zhijiao_check.measure.conditions import select
from zhijiao_check.measure.numbers import Exact, exact_sum
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
    parts: list[tuple[str, float]] = []
    locations: list[Location] = []
    missing: list[Wording] = []
    gaps: list[Location] = []
    otherwise = 0
    if spec.over is None:
        for reading in scope.field(spec.field):
            locations.append(reading.location)
            if reading.value is None:
                missing.append(
                    scope.named(reading.report, absent_field(reading.report, reading.path, spec.field))
                )
                gaps.append(reading.location)
                continue
            parts.append((reading.report.unit, reading.value))
    else:
        items, absent = select(scope.items(spec.over), spec.where, scope.year)
        missing.extend(gap.what for gap in absent)
        locations.extend(gap.location for gap in absent)
        gaps.extend(gap.location for gap in absent)
        key = one_key(spec.field)[0]
        if key is None:  # a school's field, or one deeper than the item's own: each item the general way
            for item in items:
                otherwise += _item_part(spec, scope, item, parts, locations, missing, gaps)
        else:
            otherwise += _parts_by_key(spec, scope, items, key, parts, locations, missing, gaps)
    exact = exact_sum(v for _, v in parts)
    given = exact if exact.__class__ is int else float(exact)
    return Total(
        None if missing else given,
        tuple(parts),
        tuple(locations),
        tuple(missing),
        otherwise,
        exact,
        tuple(gaps),
    )


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
) -> int:
    """``_item_part`` of each item, for a field one level deep in the item (``dual_qualified_teachers`` of a
    school): an item that gives it is read and located in this loop, without a call (as ``scope.reader``
    and ``scope.locator`` would), each report's places looked up once for its items; any other item (its
    figure not given, read through ``otherwise`` or missing) the general way. The same parts and places."""
    path = split(spec.field)
    otherwise = 0
    report, positions, values, file, cells = NO_PLACES
    for item in items:
        data = item.data
        value = data.get(key) if data.__class__ is dict else None
        if value is None:
            otherwise += _item_part(spec, scope, item, parts, locations, missing, gaps)
            continue
        parts.append((item.name, value))
        if item.report is not report:
            report, positions, values, file, cells = report_places(item.report)
        at = item.path + path
        line, column = values.get(at) or positions.nearest(at)
        locations.append(Location(file, line, column, positions.cell(at) if cells else ""))
    return otherwise
