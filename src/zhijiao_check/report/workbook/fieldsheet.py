"""A fields sheet (本单位, 市本级): one field a row, found by its key in the column headed 字段代码, its value
in the column headed 填报值. A key the template does not have, a key twice, a field's row missing, a figure
typed beside its value's cell are said at their cells.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from zhijiao_check.report.workbook.cellreader import CellReader, did_you_mean, filled, header_row
from zhijiao_check.report.workbook.cells import cell_name
from zhijiao_check.report.workbook.grids import Cell, Grid
from zhijiao_check.report.workbook.layout import (
    FIELDS_HEADERS,
    KEY_HEADER,
    MEASURE_HEADER,
    VALUE_HEADER,
    Column,
    Sheet,
)
from zhijiao_check.report.workbook.rawdata import ABSENT, put
from zhijiao_check.source import Path_
from zhijiao_check.wording import Join


def read_fields(reader: CellReader, grid: Grid, sheet: Sheet, base: Path_) -> dict[str, Any] | None:
    """A fields sheet: the header row names the key and value columns; one row per field."""
    header = header_row(grid, lambda texts: KEY_HEADER in texts and VALUE_HEADER in texts)
    if header is None:
        reader.say(grid, 1, 1, "no-header", headers=Join(tuple(FIELDS_HEADERS)))
        return None if not base else {}
    row, texts = header
    key_column, value_column = texts[KEY_HEADER], texts[VALUE_HEADER]
    reader.say_merged(grid, row, columns=(key_column, value_column))
    reader.say_hidden_columns(grid, row, {value_column: VALUE_HEADER})
    data: dict[str, Any] = {}
    seen: dict[str, int] = {}
    if base:
        reader.place(base, grid, row, key_column, "", True)
    last = row  # the last row read, to tell the blank rows between
    read: list[int] = []  # the rows of fields read
    for number in grid.rows():
        cells = filled(grid.row(number))
        if number <= row or not cells:
            continue
        reader.say_blank_rows(grid, last, number)
        last = number
        key_cell, value_cell = cells.get(key_column), cells.get(value_column)
        key = str(key_cell.value).strip() if key_cell is not None and key_cell.value is not None else ""
        column = sheet.column(key)
        if column is None:
            if key:
                close = reader.closest(key, [c.key for c in sheet.columns], 0.6)
                reader.say(
                    grid,
                    number,
                    key_column,
                    "unknown-key",
                    key=key,
                    hint=did_you_mean(close),
                )
            elif value_cell is not None:
                reader.say(grid, number, value_column, "value-without-key", "warning")
            continue
        if key in seen:
            reader.say(grid, number, key_column, "duplicate-key", key=key, first=seen[key])
            continue
        seen[key] = number
        read.append(number)
        path = (*base, *column.path)
        _say_not_read(reader, grid, number, cells, texts, column, path, (key_column, value_column))
        value = reader.cell_value(grid, number, value_column, column, path)
        reader.place(path, grid, number, value_column, column.header, value is not ABSENT)
        if value is not ABSENT:
            put(data, column.path, value)
    reader.say_hidden_rows(grid, read)
    for column in sheet.columns:
        if column.key not in seen and (not base or data):
            reader.say(
                grid, 1, key_column, "field-row-missing", "warning", key=column.key, label=column.header
            )
    for block in {column.path[:-1] for column in sheet.columns if len(column.path) > 1}:
        if block and not isinstance(data.get(block[0]), dict):
            continue
        first = next(c for c in sheet.columns if c.path[:-1] == block)
        path = (*base, *block)
        if path not in reader.positions.values and (*base, *first.path) in reader.positions.keys:
            reader.positions.values[path] = reader.positions.keys[(*base, *first.path)]
            reader.positions.cells[path] = reader.positions.cells[(*base, *first.path)]
    return data


def _say_not_read(
    reader: CellReader,
    grid: Grid,
    number: int,
    cells: Mapping[int, Cell],
    texts: dict[str, int],
    column: Column,
    path: Path_,
    read: tuple[int, int],
) -> None:
    """A figure typed beside the 填报值 cell of a field's row (in 计量单位, 说明 or a column of its own)
    is not read: said at its cell, with the cell to put it in. The template's own texts are no figures."""
    value_column = read[1]
    headers = {index: text for text, index in texts.items()}
    for index, cell in sorted(cells.items()):
        if index in read or cell.value is None:
            continue
        value = cell.value
        figure = isinstance(value, int | float | datetime.date) and not isinstance(value, bool)
        changed = index == texts.get(MEASURE_HEADER) and str(value).strip() != column.measure
        if figure or changed or index not in headers:
            reader.say(
                grid,
                number,
                index,
                "value-not-read",
                "warning",
                header=headers.get(index, ""),
                path=path,
                found=str(value).strip(),
                label=column.header,
                target=cell_name(grid.title, number, value_column),
            )


__all__ = ["read_fields"]
