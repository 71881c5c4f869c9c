"""A cell's name as the tool says it: its column's letters (``AB``) and its place on a sheet (``学校!F7``).

Report workbooks (``cellreader``, ``fieldsheet``), the bureau's roster (``roster``) and what is found in a
sheet's bytes (``sheetparts``, ``grids``) name cells the same way, through these two.
"""

from __future__ import annotations

from functools import cache

MERGED_CELLS = "merged-cells"  # the code of merged data cells, whose range ``range_bounds`` reads back


@cache
def letters(column: int) -> str:
    """A column's letters (``AB``), for a column Excel names (1 to 18,278, ``ZZZ``; any other is a
    ValueError). Asked for each cell of every row read, half a million times for a table of 20,000 rows,
    and the same few columns each time."""
    from openpyxl.utils import get_column_letter  # openpyxl only once a workbook is read

    return get_column_letter(column)


def cell_name(sheet: str, row: int, column: int) -> str:
    """A cell on its sheet: ``学校!F7``."""
    return f"{sheet}!{letters(column)}{row}"


def range_bounds(shown: str) -> tuple[int, int, int, int] | None:
    """A range as a problem names it (``A3:A7``) as its top row, left column, bottom row and right column;
    None for anything else."""
    from openpyxl.utils.cell import range_boundaries  # only for a workbook's problems

    try:
        left, top, right, bottom = range_boundaries(shown)
    except (TypeError, ValueError):
        return None
    if None in (left, top, right, bottom):
        return None
    return int(top or 0), int(left or 0), int(bottom or 0), int(right or 0)


__all__ = ["MERGED_CELLS", "cell_name", "letters", "range_bounds"]
