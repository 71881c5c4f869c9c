"""Items side by side in as many columns as fit, as ``rich.columns.Columns`` lays them out."""

from __future__ import annotations

from zhijiao_check.records import record
from zhijiao_check.renderers.layout.text import MEASURED

_GUTTER = "  "  # rich.columns.Columns(padding=(0, 2)): between columns, none at the edges


@record
class Columns:
    """Items of console markup side by side, in as many columns as fit, each column filled before the next
    (``rich.columns.Columns(items, padding=(0, 2), column_first=True)``): the key of a matrix's numbered
    rules."""

    items: tuple[str, ...]


def columns_lines(columns: Columns, width: int) -> list[str] | None:
    """The lines rich prints for ``columns`` at a console ``width`` (``rich.columns.Columns``), or None where
    an item is not one line of plain text that fits the width (rich wraps it in its column, widens its tabs,
    draws an empty one as a space) or joins characters."""
    texts = [MEASURED[item] for item in columns.items]
    if not texts or any(
        text.joined or text.lengths is None or len(text.lines) > 1 or not 0 < text.widest <= width
        for text in texts
    ):
        return None
    sizes = [text.widest for text in texts]
    count = _column_count(sizes, width)
    order = _column_first(len(sizes), count)
    widths = [max(0 if index is None else sizes[index] for index in order[at::count]) for at in range(count)]
    cells = [
        " " * cell_width if index is None else texts[index].lines[0] + " " * (cell_width - sizes[index])
        for index, cell_width in zip(order, widths * (len(order) // count), strict=True)
    ]
    return [_GUTTER.join(cells[at : at + count]) for at in range(0, len(cells), count)]


def _column_count(sizes: list[int], width: int) -> int:
    """How many columns rich's ``Columns`` lays ``sizes`` out in: from one each, fewer until a column too
    many no longer fits, filled as ``_column_first`` fills them (padding between them, none at the edges)."""
    count = len(sizes)
    while count > 1:
        widths: dict[int, int] = {}
        column = 0
        for index in _column_first(len(sizes), count):
            widths[column] = max(widths.get(column, 0), 0 if index is None else sizes[index])
            if sum(widths.values()) + len(_GUTTER) * (len(widths) - 1) > width:
                count = len(widths) - 1
                break
            column = (column + 1) % count
        else:
            break
    return count


def _column_first(items: int, count: int) -> list[int | None]:
    """The items' places row by row when they fill ``count`` columns one after the other (the first
    columns one longer when they do not share out evenly); the last row made up with None."""
    lengths = [items // count + (column < items % count) for column in range(count)]
    rows = (items + count - 1) // count
    cells: list[list[int | None]] = [[None] * count for _ in range(rows)]
    row = column = 0
    for index in range(items):
        cells[row][column] = index
        lengths[column] -= 1
        if lengths[column]:
            row += 1
        else:
            column, row = column + 1, 0
    order = [index for line in cells for index in line if index is not None]
    return [*order, *[None] * (-items % count)]
