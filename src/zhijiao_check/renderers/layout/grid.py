"""Tables as ``rich.table.Table`` draws them with ``rich.box.SIMPLE_HEAD`` and no edges: column widths,
cells wrapped and padded, a rule under the header; and the measures the views use to choose a layout that
fits (a table's natural width, the room beside it, panels of a table too wide)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from operator import attrgetter
from typing import Literal

from zhijiao_check.memo import LIMIT, BoundedMemo
from zhijiao_check.records import record
from zhijiao_check.renderers.layout.text import (
    JOINERS,
    MEASURED,
    Justify,
    Measured,
    Overflow,
    plain,
    wrap,
    wrapped,
)

_How = tuple[Justify, Overflow, bool, int, int, int]
_Limits = tuple[bool, int | None, int | None, int | None]  # a column's no_wrap, min_width, max_width, width
_UNBOUNDED = 1 << 30  # a width no table reaches
_DIVIDER = " "  # rich.box.SIMPLE_HEAD: columns apart by a space, a rule of ─ under the header
_HEAD_RULE = "─"


@record
class Column:
    """A column as ``rich.table.Table.add_column`` takes it: ``header`` is console markup."""

    header: str
    justify: Justify = "left"
    no_wrap: bool = False
    overflow: Literal["fold", "crop", "ellipsis"] = "ellipsis"
    min_width: int | None = None
    max_width: int | None = None
    width: int | None = None  # fixed: never narrowed to fit, its text wrapped within it


@dataclass
class Grid:
    """A table drawn as ``rich.box.SIMPLE_HEAD`` without edges (no outer border, no padding at the edges):
    each cell is console markup; the title, if any, is laid out over the table's width."""

    columns: Sequence[Column]
    rows: list[Sequence[str]] = field(default_factory=list)
    title: str | None = None
    title_justify: Justify = "center"
    collapse_padding: bool = False


def grid_lines(grid: Grid, width: int) -> list[str] | None:
    """The lines rich prints for the table at a console ``width`` (``rich.table.Table``), or None where rich
    measures pieces of a cell's text apart, between its styles, and plain text cannot know where those are:
    a table wider than the console, its columns held at their ``min_width`` (rich crops it, and a character
    of no width after a style's end is lost at the edge), and a text (a cell's or the title's) with a joiner
    or an emoji selector (whose width depends on the character before it, which a style's start would
    separate)."""
    columns = grid.columns
    texts = _texts(grid)
    if any(any(map(_JOINED, column)) for column in texts) or (grid.title and JOINERS.search(grid.title)):
        return None
    pads = tuple(_padding(grid, index, len(columns)) for index in range(len(columns)))
    widest = tuple(max(map(_WIDEST, column)) for column in texts)
    widths = _column_widths(_limits(columns), widest, pads, width - (len(columns) - 1))
    table_width = sum(widths) + len(columns) - 1
    if table_width > width:
        return None
    lines: list[str] = []
    if grid.title and table_width >= 1:
        lines.extend(wrap(plain(grid.title), table_width, grid.title_justify))
    drawn = [
        list(
            map(_DRAWN[column.justify, column.overflow, column.no_wrap, *pad, cell_width].__getitem__, cells)
        )
        for column, pad, cell_width, cells in zip(columns, pads, widths, texts, strict=True)
    ]
    tallest = max(1, *(max(map(len, column)) for column in drawn))
    blanks = [(" " * cell_width,) * tallest for cell_width in widths]
    join = _DIVIDER.join
    for number, row in enumerate(zip(*drawn)):
        height = max(map(len, row)) or 1  # a row of cells with no room still takes a line
        if height == min(map(len, row)):
            lines.extend(map(join, zip(*row)))
        elif number:  # the cells of a row at its top
            lines.extend(
                map(join, zip(*[cell + blank[: height - len(cell)] for cell, blank in zip(row, blanks)]))
            )
        else:  # the header at the bottom of its row
            lines.extend(
                map(join, zip(*[blank[: height - len(cell)] + cell for cell, blank in zip(row, blanks)]))
            )
        if not number:
            lines.append(_HEAD_RULE * table_width)
    return lines


_JOINED = attrgetter("joined")
_WIDEST = attrgetter("widest")


def _texts(grid: Grid) -> list[list[Measured]]:
    """Each column's header and cells, measured."""
    # Column by column, each step over a whole column at once (``map``): a report's table is a hundred cells,
    # a large run's a hundred thousand, so each cell's share of the work is kept to lookups.
    measured = MEASURED.__getitem__
    return [
        [measured(column.header), *map(measured, [row[index] for row in grid.rows])]
        for index, column in enumerate(grid.columns)
    ]


def _limits(columns: Sequence[Column]) -> tuple[_Limits, ...]:
    return tuple((column.no_wrap, column.min_width, column.max_width, column.width) for column in columns)


def natural_width(grid: Grid) -> int:
    """How wide the table is drawn where nothing need be narrowed: each column its widest line and its
    padding (within its limits, or its fixed width), a divider between columns."""
    count = len(grid.columns)
    pads = tuple(_padding(grid, index, count) for index in range(count))
    widest = tuple(max(map(_WIDEST, column)) for column in _texts(grid))
    return sum(_column_widths(_limits(grid.columns), widest, pads, _UNBOUNDED)) + count - 1


# A column added after a table's last: the divider before it and its left padding, with the right padding the
# last column then takes: what its room holds besides its text.
FRAME = 2


def room_beside(grid: Grid, width: int) -> int:
    """The cells a column added after ``grid``'s last gets at ``width``, ``FRAME`` included: the columns of
    ``grid`` are never narrowed, and a table wider than the console would be cut at its edge."""
    return width - natural_width(grid) - 1


def panels(grid: Grid, width: int, keys: int) -> list[tuple[range, Grid]]:
    """``grid`` as tables no wider than ``width``, for a table whose columns are never narrowed (``no_wrap``
    or a fixed width), which rich would crop: its first ``keys`` columns (what names a row) in each, then as
    many of the others, in order, as fit beside them, at least one, shared out evenly (20 columns of which
    15 fit are two tables of 10). Each with the others' indexes it holds (from 0), without a title."""
    count = len(grid.columns) - keys
    if natural_width(grid) <= width:
        return [(range(count), grid)]
    # Each panel's natural width from its columns' own, each column measured once: a panel's cells are the
    # table's, and a matrix of 500 units is tried at every count of rules that might fit
    limits = _limits(grid.columns)
    widest = tuple(max(map(_WIDEST, column)) for column in _texts(grid))

    def panel_width(start: int, end: int) -> int:
        chosen = [*range(keys), *range(keys + start, keys + end)]
        return _chosen_width(
            tuple(limits[index] for index in chosen),
            tuple(widest[index] for index in chosen),
            grid.collapse_padding,
        )

    greedy: list[range] = []
    start = 0
    while start < count:
        end = start + 1
        while end < count and panel_width(start, end + 1) <= width:
            end += 1
        greedy.append(range(start, end))
        start = end
    size = -(-count // len(greedy))
    even = [range(start, min(start + size, count)) for start in range(0, count, size)]
    if len(even) == len(greedy) and all(panel_width(r.start, r.stop) <= width for r in even):
        greedy = even
    return [(held, _panel(grid, keys, held.start, held.stop)) for held in greedy]


def _chosen_width(limits: tuple[_Limits, ...], widest: tuple[int, ...], collapse_padding: bool) -> int:
    """``natural_width`` of a table of columns with these ``limits`` and ``widest`` lines, in this order."""
    count = len(limits)
    probe = Grid((), collapse_padding=collapse_padding)
    pads = tuple(_padding(probe, index, count) for index in range(count))
    return sum(_column_widths(limits, widest, pads, _UNBOUNDED)) + count - 1


def _panel(grid: Grid, keys: int, start: int, end: int) -> Grid:
    """The first ``keys`` columns of ``grid`` and those ``start`` to ``end`` after them."""
    chosen = [*range(keys), *range(keys + start, keys + end)]
    return Grid(
        [grid.columns[index] for index in chosen],
        [[row[index] for index in chosen] for row in grid.rows],
        collapse_padding=grid.collapse_padding,
    )


def _padding(grid: Grid, index: int, count: int) -> tuple[int, int]:
    """(left, right) around the cells of column ``index``: rich's padding (0, 1), none at the table's edges;
    with ``collapse_padding`` no left padding beside another column's right."""
    left = right = 1
    if grid.collapse_padding and index:
        left = 0
    if index == 0:
        left = 0
    if index == count - 1:
        right = 0
    return left, right


@lru_cache(maxsize=LIMIT)
def _column_widths(
    limits: tuple[_Limits, ...],
    widest: tuple[int, ...],
    pads: tuple[tuple[int, int], ...],
    budget: int,
) -> tuple[int, ...]:
    """``Table._calculate_column_widths`` without ``expand``: each column as wide as its widest line
    (``widest``, in cells), the widest wrappable columns narrowed first when the table is too wide, then
    every column evenly; ``limits``: each column's (no_wrap, min_width, max_width, width). Only the widest
    line of each cell counts: rich's narrowest (the widest word) never sets a width here. Kept: report after
    report has columns of the same widths."""

    def measure(index: int, max_width: int) -> int:
        """The widest the column is drawn within ``max_width``: ``Table._measure_column``'s maximum, which
        for padded text cells comes to the widest line and the padding, within ``max_width``, then clamped
        to the column's own limits."""
        if max_width < 1:
            return 0
        extra = sum(pads[index])
        _, low, most, fixed = limits[index]
        if fixed is not None:
            return min(fixed + extra, max_width)
        high = min(widest[index] + extra, max_width)
        if low is not None:
            high = max(high, low + extra, 0)
        if most is not None:
            high = min(high, most + extra)
        return high

    widths = [measure(index, budget) or 1 for index in range(len(limits))]
    if sum(widths) > budget:
        wrappable = [not no_wrap and fixed is None for no_wrap, _, _, fixed in limits]
        widths = _collapse(widths, wrappable, budget)
        if sum(widths) > budget:
            widths = _ratio_reduce(sum(widths) - budget, [1] * len(widths), widths, widths)
        widths = [measure(index, width) for index, width in enumerate(widths)]
    return tuple(widths)


def _collapse(widths: list[int], wrappable: list[bool], max_width: int) -> list[int]:
    """``Table._collapse_widths``: narrow the widest wrappable columns to the next widest until it fits."""
    total = sum(widths)
    excess = total - max_width
    if any(wrappable):
        while total and excess > 0:
            widest = max(width for width, can in zip(widths, wrappable, strict=True) if can)
            second = max(
                width if can and width != widest else 0 for width, can in zip(widths, wrappable, strict=True)
            )
            ratios = [
                1 if width == widest and can else 0 for width, can in zip(widths, wrappable, strict=True)
            ]
            if not any(ratios) or not widest - second:
                break
            widths = _ratio_reduce(excess, ratios, [min(excess, widest - second)] * len(widths), widths)
            total = sum(widths)
            excess = total - max_width
    return widths


def _ratio_reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """``rich._ratio.ratio_reduce``."""
    ratios = [ratio if most else 0 for ratio, most in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    result = []
    for ratio, most, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            distributed = min(most, round(ratio * remaining / total_ratio))
            result.append(value - distributed)
            remaining -= distributed
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def _cell(how: _How, text: Measured) -> tuple[str, ...]:
    """One cell's lines, each exactly ``width`` cells wide: ``how`` is the column's (justify, overflow,
    no_wrap, left and right padding, width)."""
    justify, overflow, no_wrap, left, right, width = how
    inner = width - left - right
    if inner < 1:  # rich renders nothing in no room
        return ()
    # each line justified to exactly ``inner`` cells
    return tuple(
        f"{' ' * left}{line}{' ' * right}" for line in wrapped(text, inner, justify, overflow, no_wrap)
    )


# Each column's cells as drawn, by how the column is drawn: the same cells recur in every report.
_DRAWN: BoundedMemo[_How, BoundedMemo[Measured, tuple[str, ...]]] = BoundedMemo(
    lambda how: BoundedMemo(partial(_cell, how)), 64
)
