"""A table sheet (学校, 专业, 实训基地, …): its row of field keys found (row 2 of the template, or wherever a
sort or an inserted row has moved it), its columns matched to fields by those keys, and each row below read
as an entry. What a table allows that a YAML list does not (rows above the keys, renamed or extra columns, a
row of totals, blank rows between entries) is said at its cell.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zhijiao_check.records import record
from zhijiao_check.report.workbook.cellreader import CellReader, did_you_mean, filled, header_row
from zhijiao_check.report.workbook.grids import Cell, Grid
from zhijiao_check.report.workbook.layout import HEADER_SEARCH, NO, YES, Column, Sheet
from zhijiao_check.report.workbook.rawdata import ABSENT, put
from zhijiao_check.source import Path_

# What a clerk writes in the name column of a row of totals, spaces and case aside (合  计, TOTAL).
TOTAL_WORDS = frozenset({"合计", "小计", "总计", "共计", "total", "subtotal", "grandtotal"})

# A table's row: its number, its cells by column (None: blank), and the column of each field key.
Row = tuple[int, "dict[int, Cell | None]", "dict[str, tuple[int, Column]]"]


@record
class Table:
    """A table sheet as read: its entries' rows, and what the report's assembly (``read``) needs of the
    rest."""

    rows: list[Row]
    end: int | None  # the last row read (the key row when there is none); None: no key row found
    keyless: bool  # no row of field keys (an empty sheet has none either): none of its rows read
    rows_unread: bool  # some rows not read (an error says why at each): sums over its entries are of a part


def read_table(reader: CellReader, grid: Grid, sheet: Sheet) -> Table:
    """A table's rows as (row number, raw entry, where each key stands), and what the sheet says of its
    rows; problems as found."""
    found = header_row(grid, lambda texts: sheet.anchor in texts) or _sorted_down(grid, sheet)
    if found is None:
        # An empty sheet (cleared, or deleted and inserted again under its name) has lost its header as a
        # sheet whose key row is cleared has: the same error, not a list silently taken as not given, nor a
        # blank 学校 said below a key row that is not there. A fields sheet is refused so too (``no-header``).
        reader.say(grid, 1, 1, "no-key-row", key=sheet.anchor)
        return Table([], None, keyless=True, rows_unread=True)
    key_row, texts = found
    columns: dict[int, Column] = {}
    for text, index in texts.items():
        column = sheet.column(text)
        if column is not None:
            columns[index] = column
    known = set(columns)
    for index, cell in sorted(grid.row(key_row).items()):
        text = str(cell.value).strip()
        if index in known or not text:
            continue
        close = reader.closest(text, [c.key for c in sheet.columns], 0.6)
        reader.say(
            grid,
            key_row,
            index,
            "unknown-key",
            key=text,
            hint=did_you_mean(close),
        )
    for column in sheet.columns:
        if column not in columns.values():
            reader.say(grid, key_row, 1, "column-missing", "warning", key=column.key, label=column.header)
    anchor = next((index for index, column in columns.items() if column.key == sheet.anchor), 1)
    header_number, moved = _above(grid, key_row, columns, anchor)
    target = header_number + 1 if header_number else 2  # where the key row belongs: under the header
    for number in moved:
        reader.say(
            grid,
            number,
            anchor,
            "row-above-keys",
            key_row=key_row,
            target=target,
            first=target + 1,
        )
    for index, column in columns.items():
        shown = grid.get(header_number, index) if header_number else None
        text = str(shown.value).strip() if shown is not None else ""
        if text and text != _header_text(column) and grid.merge_at(header_number, index) is None:
            reader.say(
                grid,
                header_number,
                index,
                "header-renamed",
                "warning",
                found=text,
                label=_header_text(column),
                key=column.key,
            )
    data_columns = set(columns)
    reader.say_hidden_columns(
        grid, header_number or key_row, {index: column.header for index, column in columns.items()}
    )
    reader.say_merged(grid, key_row, columns=None)
    rows = [number for number in grid.rows() if number > key_row]
    extra: set[int] = set()
    out: list[Row] = []
    previous = key_row
    where = {column.key: (index, column) for index, column in columns.items()}  # the same for every row
    for number in rows:
        cells = filled(grid.row(number))
        for index in cells:
            if index not in data_columns and index not in extra and (key_row, index) not in grid.cells:
                extra.add(index)
                label = grid.get(header_number, index) if header_number else None
                text = str(label.value).strip() if label is not None else ""
                reader.say(grid, number, index, "column-not-read", "warning", header=text, label=text or "—")
        if not any(index in data_columns for index in cells):
            continue
        total = _total(cells, columns, sheet)
        if total is not None:
            index, text = total
            reader.say(grid, number, index, "total-row", header=columns[index].header, found=text)
            previous = number
            continue
        reader.say_blank_rows(grid, previous, number)
        previous = number
        out.append((number, {index: cells.get(index) for index in data_columns}, where))
    reader.say_hidden_rows(grid, [number for number, _, _ in out])
    return Table(out, previous, keyless=False, rows_unread=bool(moved))


def _sorted_down(grid: Grid, sheet: Sheet) -> tuple[int, dict[str, int]] | None:
    """A key row below the rows a title may take: sorted down there among more entries than that. Only a
    row with most of the sheet's keys is taken for it, so that each row of entries above is said
    (``_above``) rather than the whole sheet refused for having no key row."""
    keys = {column.key for column in sheet.columns}
    return header_row(
        grid,
        lambda texts: sheet.anchor in texts and 2 * len(keys & texts.keys()) >= len(keys),
        (number for number in grid.rows() if number > HEADER_SEARCH),
    )


def _above(grid: Grid, key_row: int, columns: dict[int, Column], anchor: int) -> tuple[int, list[int]]:
    """The header row above a table's key row (0: none), and the rows above the key row that look like
    entries. Only the rows below the key row are read: a key row sorted to the bottom with the entries
    (选中 A2:L10 再排序) left them all above it, unread without a word. A row between the template's
    header and the key row is such a row; where no row reads as the template's header (renamed, or
    sorted too), a row above is one when its first column is filled and another holds what its column
    takes (a number, a word of its drop-down), as no title row does."""
    between: list[int] = []
    for number in range(key_row - 1, 0, -1):
        cells = {i: c for i, c in filled(grid.row(number)).items() if i in columns}
        if not cells:
            continue
        shown = sum(
            str(cell.value).strip() in (columns[i].header, _header_text(columns[i]))
            for i, cell in cells.items()
        )
        if shown and 2 * shown >= len(cells):
            return number, sorted(between)
        between.append(number)
    moved = [
        number
        for number in between
        if grid.get(number, anchor) is not None
        and any(
            _fits(columns[i], cell.value)
            for i, cell in filled(grid.row(number)).items()
            if i in columns and i != anchor
        )
    ]
    header = key_row - 1 if key_row - 1 not in moved else 0  # a renamed header; the clerk's own title
    return header, sorted(moved)


def _total(cells: Mapping[int, Cell], columns: dict[int, Column], sheet: Sheet) -> tuple[int, str] | None:
    """A row of totals (合计, 小计, 总计, Total) in the name column: where it stands and what it says."""
    for index, column in columns.items():
        if column.key != sheet.anchor:
            continue
        cell = cells.get(index)
        if (
            cell is not None
            and isinstance(cell.value, str)
            and "".join(cell.value.split()).lower() in TOTAL_WORDS
        ):
            return index, cell.value.strip()
    return None


def read_entry(
    reader: CellReader,
    grid: Grid,
    number: int,
    cells: dict[int, Cell | None],
    where: dict[str, tuple[int, Column]],
    path: Path_,
) -> dict[str, Any]:
    """A table's row as the entry at ``path``, each field placed at its cell. The 是/否 columns of a list of
    designations (one a designation) make that list: the designations marked 是."""
    entry: dict[str, Any] = {}
    first = min((index for index, _ in where.values()), default=1)
    reader.positions.values[path] = (number, first)
    reader.positions.cells[path] = reader.cell_label(grid, number, first)
    designations: dict[tuple[str, ...], list[str] | None] = {}
    for index, column in where.values():
        if column.kind == "school":
            continue
        field_path = (*path, *column.path)
        if column.kind == "designation":
            value = reader.cell_value(grid, number, index, column, field_path, cells.get(index))
            chosen = designations.setdefault(column.path, None)
            if value is not ABSENT:
                chosen = chosen if chosen is not None else []
                if value is True:
                    chosen.append(column.choices[0][0])
                    # the designation itself at its own column, where the list is placed at the last one
                    # marked: ``diff`` named a designation dropped at 高水平高职专业's cell whatever it was
                    reader.place((*field_path, len(chosen) - 1), grid, number, index, column.header, True)
                designations[column.path] = chosen
                reader.place(field_path, grid, number, index, column.header, True)
            elif field_path not in reader.positions.keys:
                reader.place(field_path, grid, number, index, column.header, False)
            continue
        value = reader.cell_value(grid, number, index, column, field_path, cells.get(index))
        reader.place(field_path, grid, number, index, column.header, value is not ABSENT)
        if value is not ABSENT:
            put(entry, column.path, value)
    for name, chosen in designations.items():
        if chosen is not None:
            put(entry, name, chosen)
    return entry


def _fits(column: Column, value: Any) -> bool:
    """Whether ``value`` is what a typed column takes (a number in a number's column, a word of a drop-down):
    what an entry's row has and a title row above a table has not."""
    if column.kind in ("whole", "year", "number"):
        return isinstance(value, int | float) and not isinstance(value, bool)
    if column.kind == "choice":
        return isinstance(value, str) and any(value.strip() in pair for pair in column.choices)
    if column.kind in ("flag", "designation"):
        return value in (YES, NO)
    return False


def _header_text(column: Column) -> str:
    """A column's header as the template writes it: ``在校生（人）``."""
    return f"{column.header}（{column.measure}）" if column.measure else column.header


__all__ = ["TOTAL_WORDS", "Row", "Table", "read_entry", "read_table"]
