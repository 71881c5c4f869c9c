"""Totals of a field over one report, all reports of a year, or the items of a collection."""

from __future__ import annotations

from zhijiao_check.measure.conditions import select
from zhijiao_check.measure.numbers import Exact, exact_sum
from zhijiao_check.measure.scope import Location, Scope, absent_field
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
        for item in items:
            field = spec.field
            if item.get(field) is None and spec.otherwise is not None:
                field = spec.otherwise
                otherwise += 1
            value = item.get(field)
            if value is None:
                missing.append(scope.named(item.report, item.absent(spec.field)))
                # the blank cell itself in a workbook; the entry in a YAML report (the nearest place)
                gaps.append(item.location(spec.field))
                locations.append(gaps[-1])
                continue
            parts.append((item.name, value))
            locations.append(item.location(field))
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
