"""Reading a report workbook (``.xlsx``) into the same plain data and positions as a YAML report.

The workbook is a second syntax for format v1: cells become the raw values the YAML loader would give
(``"3,120"`` typed as text stays text, so validation gives the same advice), and every path is positioned at
its cell, named ``学校!F7（在校生）``. Columns and fields are found by the field keys the template writes (row
2 of a table, column A of a fields sheet), never by their Chinese headers. What a spreadsheet allows and a
YAML file does not (merged cells, hidden or extra sheets, renamed or extra columns, blank rows between
entries, formulas) is an error or a warning, never a silent guess.

The sheets are read into grids of cells within bounds first (``grids``).
"""

from __future__ import annotations

import datetime
import difflib
import math
import sys
from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from zhijiao_check.located import checked_text
from zhijiao_check.problems import Problem, Severity, format_path
from zhijiao_check.records import record
from zhijiao_check.report.workbook.cells import cell_name, letters
from zhijiao_check.report.workbook.grids import Cell, Grid, read_grids, refusal
from zhijiao_check.report.workbook.layout import (
    CITY_SHEET,
    ENTRY_SHEETS,
    FIELDS_HEADERS,
    HEADER_SEARCH,
    INSTRUCTIONS,
    KEY_HEADER,
    MEASURE_HEADER,
    NO,
    NONE_WORD,
    SCHOOL_KEY,
    SCHOOLS_SHEET,
    UNIT_SHEET,
    VALUE_HEADER,
    YES,
    Column,
    Sheet,
    layout,
    split_list,
)
from zhijiao_check.report.workbook.shown import Slip, joined, misformatted, noiseless, trimmed
from zhijiao_check.report.written import is_result_workbook
from zhijiao_check.source import Parsed, Path_, Positions
from zhijiao_check.wording import Join, Wording, msg

_ABSENT = object()
# A "did you mean" compares a name with every choice: so many comparisons at most for a workbook, and none
# for a name longer than this (no typing slip of a real name).
CLOSE_BUDGET = 10_000
_CLOSE_LENGTH = 200
_LARGEST = int(sys.float_info.max)
# What a renamed sheet has of the template's: a fields sheet's column of keys, a table's row of them.
_KEY_COLUMN, _KEY_ROW = msg("workbook.key-column"), msg("workbook.key-row")
# What a clerk writes in the name column of a row of totals, spaces and case aside (合  计, TOTAL).
TOTAL_WORDS = frozenset({"合计", "小计", "总计", "共计", "total", "subtotal", "grandtotal"})


# A table's row: its number, its cells by column (None: blank), and the column of each field key.
Row = tuple[int, "dict[int, Cell | None]", "dict[str, tuple[int, Column]]"]


@record
class WorkbookRead:
    parsed: Parsed | None  # None: not readable as a whole (``errors`` says why)
    errors: tuple[Problem, ...]
    warnings: tuple[Problem, ...]
    # The table sheets some of whose rows could not be read (an error says why at each): a check that sums
    # their entries (the majors' enrollment against 中职招生) would compare with a part, and is not made.
    unread: frozenset[str] = frozenset()


def read_workbook(path: Path, display: str) -> WorkbookRead:
    """The workbook as report data, or the problems that stop it being read. Never raises on its content:
    memory run out on a shape no bound foresaw refuses this file, and the others are still read."""
    try:
        return _read_workbook(path, display)
    except MemoryError:
        return WorkbookRead(None, (refusal(display, "out-of-memory"),), ())


def _read_workbook(path: Path, display: str) -> WorkbookRead:
    grids = read_grids(path, display)
    if isinstance(grids, Problem):
        return WorkbookRead(None, (grids,), ())
    reader = _Reader(display, grids)
    data = reader.read()
    if data is None:
        return WorkbookRead(None, tuple(reader.errors), tuple(reader.warnings))
    parsed = Parsed(data, reader.positions, tuple(reader.errors))
    return WorkbookRead(parsed, (), tuple(reader.warnings), frozenset(reader.unread))


class _Reader:
    def __init__(self, display: str, grids: list[Grid]) -> None:
        self.display = display
        self.sheets = grids
        # Sheets by name, spaces around it aside (`` 学校`` is 学校): the first of each name.
        self.grids: dict[str, Grid] = {}
        for grid in grids:
            self.grids.setdefault(grid.title.strip(), grid)
        self.order = [grid.title.strip() for grid in grids]
        self.budget = CLOSE_BUDGET  # the comparisons a "did you mean" may still make
        self.positions = Positions()
        self.ends: dict[str, int] = {}  # each table sheet's last row read (its key row when it has none)
        self.unread: set[str] = set()  # table sheets with rows not read (``WorkbookRead.unread``)
        self.keyless: set[str] = set()  # table sheets without a row of field keys: none of their rows read
        self.schools_blank = False  # 学校 holds no row at all: said once (``schools-blank``), not per major
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []

    # ------------------------------------------------------------------------------------------- problems

    def _at(self, grid: Grid, row: int, column: int, header: str = "") -> str:
        name = cell_name(grid.title, row, column)
        return f"{name}（{header}）" if header else name

    def _fail(
        self,
        grid: Grid,
        row: int,
        column: int,
        code: str,
        severity: Severity = "error",
        header: str = "",
        path: Path_ = (),
        **params: object,
    ) -> None:
        problem = Problem(
            self.display,
            row,
            column,
            format_path(path),
            code,
            params,
            severity,
            area="workbook",
            cell=self._at(grid, row, column, header),
        )
        (self.errors if severity == "error" else self.warnings).append(problem)

    def _place(self, path: Path_, grid: Grid, row: int, column: int, header: str, present: bool) -> None:
        """Position ``path`` at a cell; a blank one only as the field's place (a required field's error)."""
        if present:
            self.positions.values[path] = (row, column)
        self.positions.keys[path] = (row, column)
        self.positions.cells[path] = self._at(grid, row, column, header)

    # ------------------------------------------------------------------------------------------- sheets

    def read(self) -> dict[str, Any] | None:
        sheets = {sheet.name: sheet for sheet in layout().sheets}
        if self._twins(sheets):
            return None
        unit = self.grids.get(UNIT_SHEET)
        if unit is None:
            alike = [g for g in self.sheets if _looks_like(g, [sheets[UNIT_SHEET]]) is not None]
            for grid in alike:
                self._fail(grid, 1, 1, "sheet-renamed", found=grid.title, sheet=UNIT_SHEET, keys=_KEY_COLUMN)
            if not alike:
                self.errors.append(
                    Problem(self.display, None, None, "", "written-by-the-tool", {})
                    if is_result_workbook(self.order)  # the results workbook, named as a report
                    else refusal(
                        self.display, "no-unit-sheet", sheet=UNIT_SHEET, found=Join(tuple(self.order))
                    )
                )
            return None
        self.positions.values[()] = (1, 1)
        self.positions.cells[()] = f"{UNIT_SHEET}!A1"
        data = self._fields(unit, sheets[UNIT_SHEET], ())
        kind = data.get("unit", {}).get("kind") if data and isinstance(data.get("unit"), dict) else None
        # The sheets this unit fills that are not there: another sheet may be one of them, renamed.
        absent = [s for s in layout().for_kind(kind) if s.name not in self.grids]
        renamed = self._renamed(absent)
        if data is None:
            return None
        city_grid = self.grids.get(CITY_SHEET)
        city = self._fields(city_grid, sheets[CITY_SHEET], ("city",)) if city_grid is not None else None
        tables = {
            name: self._table(self.grids[name], sheet)
            for name, sheet in sheets.items()
            if not sheet.fields and name in self.grids
        }
        for sheet in absent:
            if sheet.name not in renamed and sheet.name != SCHOOLS_SHEET:  # its absence is an error (below)
                self._missing_sheet(unit, sheet.name)
        school_rows = tables.get(SCHOOLS_SHEET)
        none_said = False
        if school_rows is not None:
            school_rows, none_said = self._no_schools(self.grids[SCHOOLS_SHEET], school_rows)
        schools = self._entries(school_rows, ("schools",))
        if schools is not None:
            if not schools and not none_said and SCHOOLS_SHEET not in self.keyless:
                # A blank 学校 sheet is a list not given, as ``schools`` left out of a YAML report: the
                # clerk who has not filled it yet must not get a valid report of a unit without schools.
                grid = self.grids[SCHOOLS_SHEET]
                self._fail(
                    grid, self.ends[grid.title] + 1, 1, "schools-blank", header="学校名称", none=NONE_WORD
                )
                self.schools_blank = True
            data["schools"] = schools
            self._children(schools, tables, sheets)
        elif SCHOOLS_SHEET not in renamed:
            self.errors.append(
                refusal(self.display, "no-sheet", cell=f"{UNIT_SHEET}!A1", sheet=SCHOOLS_SHEET)
            )
        bases = self._entries(tables.get("实训基地"), ("training_bases",))
        self._attach(data, ("training_bases",), bases)
        city_lists = [(path, name) for path, name in ENTRY_SHEETS.items() if path[0] == "city"]
        if city is not None:
            for path, name in city_lists:
                self._attach(city, path[1:], self._entries(tables.get(name), path), ("city",))
            if city:
                data["city"] = city
        else:
            for path, name in city_lists:
                # a 市本级 table in another unit's workbook: validation refuses the block
                if tables.get(name):
                    self._attach(data, path, self._entries(tables[name], path))
        return data

    def _twins(self, sheets: dict[str, Sheet]) -> bool:
        """Two sheets that name one of the report's sheets once the spaces around their names are taken off
        (学校 and `` 学校``, a hidden ``本单位 `` beside 本单位): which one holds the report would be a guess,
        and the one read was once the last, silently. An error at the one whose name has the spaces, naming
        both; the workbook is not read. Whether there are any."""
        found = False
        for twin in self.sheets:
            name = twin.title.strip()
            first = self.grids[name]
            if first is twin or name not in sheets:
                continue
            blamed, other = (first, twin) if twin.title == name else (twin, first)
            self._fail(
                blamed,
                1,
                1,
                "sheet-twin",
                found=blamed.title,
                other=other.title,
                sheet=name,
                hidden=_hidden(blamed, other),
            )
            found = True
        return found

    def _renamed(self, absent: list[Sheet]) -> set[str]:
        """The other sheets: hidden ones said to be read, extra ones said not to be. An extra sheet with the
        field keys of a sheet that is not there is that sheet renamed, whose rows would go unread: an error
        at it, saying the name to give it back. The names of the sheets so found."""
        known = [sheet.name for sheet in layout().sheets]
        found: set[str] = set()
        for grid in self.sheets:
            title = grid.title.strip()
            if title in known or title == INSTRUCTIONS:
                if grid.hidden and title in known:
                    self._fail(grid, 1, 1, "sheet-hidden", "warning")
                continue
            like = _looks_like(grid, absent)
            if like is not None:
                keys = _KEY_COLUMN if like.fields else _KEY_ROW
                self._fail(grid, 1, 1, "sheet-renamed", found=grid.title, sheet=like.name, keys=keys)
                found.add(like.name)
            elif grid.cells:
                suggestion = self._close(title, [*known, INSTRUCTIONS], 0.5)
                self._fail(
                    grid,
                    1,
                    1,
                    "sheet-not-read",
                    "warning",
                    sheets=Join(tuple(known)),
                    hint=_hint(suggestion),
                )
        return found

    def _missing_sheet(self, unit: Grid, name: str) -> None:
        self.warnings.append(
            refusal(self.display, "sheet-missing", "warning", cell=f"{unit.title}!A1", sheet=name)
        )

    # ------------------------------------------------------------------------------------------- fields

    def _fields(self, grid: Grid, sheet: Sheet, base: Path_) -> dict[str, Any] | None:
        """A fields sheet: the header row names the key and value columns; one row per field."""
        header = self._header_row(grid, lambda texts: KEY_HEADER in texts and VALUE_HEADER in texts)
        if header is None:
            self._fail(grid, 1, 1, "no-header", headers=Join(tuple(FIELDS_HEADERS)))
            return None if not base else {}
        row, texts = header
        key_column, value_column = texts[KEY_HEADER], texts[VALUE_HEADER]
        self._merged(grid, row, columns=(key_column, value_column))
        data: dict[str, Any] = {}
        seen: dict[str, int] = {}
        if base:
            self._place(base, grid, row, key_column, "", True)
        last = row  # the last row read, to tell the blank rows between
        read: list[int] = []  # the rows of fields read
        for number in grid.rows():
            cells = _filled(grid.row(number))
            if number <= row or not cells:
                continue
            if number > last + 1:
                self._fail(
                    grid,
                    last + 1,
                    1,
                    "blank-rows",
                    "warning",
                    rows=_rows(last + 1, number - 1),
                    count=number - 1 - last,
                )
            last = number
            key_cell, value_cell = cells.get(key_column), cells.get(value_column)
            key = str(key_cell.value).strip() if key_cell is not None and key_cell.value is not None else ""
            column = sheet.column(key)
            if column is None:
                if key:
                    close = self._close(key, [c.key for c in sheet.columns], 0.6)
                    self._fail(
                        grid,
                        number,
                        key_column,
                        "unknown-key",
                        key=key,
                        hint=_hint(close),
                    )
                elif value_cell is not None:
                    self._fail(grid, number, value_column, "value-without-key", "warning")
                continue
            if key in seen:
                self._fail(grid, number, key_column, "duplicate-key", key=key, first=seen[key])
                continue
            seen[key] = number
            read.append(number)
            path = (*base, *column.path)
            self._not_read(grid, number, cells, texts, column, path, (key_column, value_column))
            value = self._value(grid, number, value_column, column, path)
            self._place(path, grid, number, value_column, column.header, value is not _ABSENT)
            if value is not _ABSENT:
                _put(data, column.path, value)
        self._hidden_rows(grid, read)
        for column in sheet.columns:
            if column.key not in seen and (not base or data):
                self._fail(
                    grid, 1, key_column, "field-row-missing", "warning", key=column.key, label=column.header
                )
        for block in {column.path[:-1] for column in sheet.columns if len(column.path) > 1}:
            if block and not isinstance(data.get(block[0]), dict):
                continue
            first = next(c for c in sheet.columns if c.path[:-1] == block)
            path = (*base, *block)
            if path not in self.positions.values and (*base, *first.path) in self.positions.keys:
                self.positions.values[path] = self.positions.keys[(*base, *first.path)]
                self.positions.cells[path] = self.positions.cells[(*base, *first.path)]
        return data

    def _not_read(
        self,
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
                self._fail(
                    grid,
                    number,
                    index,
                    "value-not-read",
                    "warning",
                    header=headers.get(index, ""),
                    path=path,
                    found=str(value).strip()[:60],
                    label=column.header,
                    target=cell_name(grid.title, number, value_column),
                )

    # ------------------------------------------------------------------------------------------- tables

    def _table(self, grid: Grid, sheet: Sheet) -> list[Row]:
        """A table's rows as (row number, raw entry, where each key stands); problems as found."""
        found = self._header_row(grid, lambda texts: sheet.anchor in texts) or self._sorted_down(grid, sheet)
        if found is None:
            if grid.cells:
                self._fail(grid, 1, 1, "no-key-row", key=sheet.anchor)
                self.keyless.add(grid.title.strip())
                self.unread.add(grid.title.strip())
            return []
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
            close = self._close(text, [c.key for c in sheet.columns], 0.6)
            self._fail(
                grid,
                key_row,
                index,
                "unknown-key",
                key=text,
                hint=_hint(close),
            )
        for column in sheet.columns:
            if column not in columns.values():
                self._fail(grid, key_row, 1, "column-missing", "warning", key=column.key, label=column.header)
        anchor = next((index for index, column in columns.items() if column.key == sheet.anchor), 1)
        header_row, moved = self._above(grid, key_row, columns, anchor)
        target = header_row + 1 if header_row else 2  # where the key row belongs: under the header
        for number in moved:
            self._fail(
                grid,
                number,
                anchor,
                "row-above-keys",
                key_row=key_row,
                target=target,
                first=target + 1,
            )
        if moved:
            self.unread.add(grid.title.strip())
        for index, column in columns.items():
            shown = grid.get(header_row, index) if header_row else None
            text = str(shown.value).strip() if shown is not None else ""
            if text and text != _header_text(column) and grid.merge_at(header_row, index) is None:
                self._fail(
                    grid,
                    header_row,
                    index,
                    "header-renamed",
                    "warning",
                    found=text,
                    label=_header_text(column),
                    key=column.key,
                )
        data_columns = set(columns)
        self._merged(grid, key_row, columns=None)
        rows = [number for number in grid.rows() if number > key_row]
        extra: set[int] = set()
        out: list[Row] = []
        previous = key_row
        where = {column.key: (index, column) for index, column in columns.items()}  # the same for every row
        for number in rows:
            cells = _filled(grid.row(number))
            for index in cells:
                if index not in data_columns and index not in extra and (key_row, index) not in grid.cells:
                    extra.add(index)
                    label = grid.get(header_row, index) if header_row else None
                    text = str(label.value).strip() if label is not None else ""
                    self._fail(
                        grid, number, index, "column-not-read", "warning", header=text, label=text or "—"
                    )
            if not any(index in data_columns for index in cells):
                continue
            total = self._total(cells, columns, sheet)
            if total is not None:
                index, text = total
                self._fail(grid, number, index, "total-row", header=columns[index].header, found=text)
                previous = number
                continue
            if number > previous + 1:
                self._fail(
                    grid,
                    previous + 1,
                    1,
                    "blank-rows",
                    "warning",
                    rows=_rows(previous + 1, number - 1),
                    count=number - 1 - previous,
                )
            previous = number
            out.append((number, {index: cells.get(index) for index in data_columns}, where))
        self.ends[grid.title] = previous
        self._hidden_rows(grid, [number for number, _, _ in out])
        return out

    def _hidden_rows(self, grid: Grid, read: list[int]) -> None:
        """Rows read that the sheet hides (by hand, or by a filter left on): said as a hidden sheet is, once
        for each run of them, since a clerk who hid a school's row may think it left out."""
        hidden = [number for number in read if number in grid.hidden_rows]
        runs: list[list[int]] = []
        for number in hidden:
            if runs and number == runs[-1][-1] + 1:
                runs[-1].append(number)
            else:
                runs.append([number])
        for run in runs:
            self._fail(grid, run[0], 1, "rows-hidden", "warning", rows=_rows(run[0], run[-1]), count=len(run))

    def _sorted_down(self, grid: Grid, sheet: Sheet) -> tuple[int, dict[str, int]] | None:
        """A key row below the rows a title may take: sorted down there among more entries than that. Only a
        row with most of the sheet's keys is taken for it, so that each row of entries above is said
        (``_above``) rather than the whole sheet refused for having no key row."""
        keys = {column.key for column in sheet.columns}
        return self._header_row(
            grid,
            lambda texts: sheet.anchor in texts and 2 * len(keys & texts.keys()) >= len(keys),
            (number for number in grid.rows() if number > HEADER_SEARCH),
        )

    def _above(
        self, grid: Grid, key_row: int, columns: dict[int, Column], anchor: int
    ) -> tuple[int, list[int]]:
        """The header row above a table's key row (0: none), and the rows above the key row that look like
        entries. Only the rows below the key row are read: a key row sorted to the bottom with the entries
        (选中 A2:L10 再排序) left them all above it, unread without a word. A row between the template's
        header and the key row is such a row; where no row reads as the template's header (renamed, or
        sorted too), a row above is one when its first column is filled and another holds what its column
        takes (a number, a word of its drop-down), as no title row does."""
        between: list[int] = []
        for number in range(key_row - 1, 0, -1):
            cells = {i: c for i, c in _filled(grid.row(number)).items() if i in columns}
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
                for i, cell in _filled(grid.row(number)).items()
                if i in columns and i != anchor
            )
        ]
        header = key_row - 1 if key_row - 1 not in moved else 0  # a renamed header; the clerk's own title
        return header, sorted(moved)

    def _total(
        self, cells: Mapping[int, Cell], columns: dict[int, Column], sheet: Sheet
    ) -> tuple[int, str] | None:
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

    def _close(self, word: str, choices: Collection[str], cutoff: float) -> list[str]:
        """The choice closest to ``word``, for a "did you mean": none for a word longer than any name, nor
        once the reader's comparisons are spent (20,000 rows naming unknown schools among 20,000 schools
        were 400 million of them)."""
        if len(word) > _CLOSE_LENGTH or len(choices) > self.budget:
            return []
        self.budget -= len(choices)
        fitting = [choice for choice in choices if len(choice) <= _CLOSE_LENGTH]
        return difflib.get_close_matches(word, fitting, n=1, cutoff=cutoff)

    def _no_schools(self, grid: Grid, rows: list[Row]) -> tuple[list[Row], bool]:
        """学校's rows but the one whose 学校名称 is 无, and whether there is one: the unit has no schools
        (``schools: []``), as 无 says in a school's 开设专业. 无 beside other schools, or with figures on its
        row, contradicts itself: an error, and it is read as no school."""
        said: tuple[int, int] | None = None
        rest: list[Row] = []
        for row in rows:
            number, cells, where = row
            index = where["name"][0] if "name" in where else 1
            cell = cells.get(index)
            if cell is None or not isinstance(cell.value, str) or cell.value.strip() != NONE_WORD:
                rest.append(row)
                continue
            said = said or (number, index)
            others = [i for i, other in cells.items() if other is not None and i != index]
            if others:
                self._fail(grid, number, min(others), "no-schools-filled", none=NONE_WORD)
        if said is not None and rest:
            self._fail(grid, *said, "no-schools-but-rows", header="学校名称", none=NONE_WORD, count=len(rest))
        return rest, said is not None

    def _entries(self, table: Any, path: Path_) -> list[dict[str, Any]] | None:
        """The entries of a table sheet with no parent; ``None`` when the sheet is not there."""
        if table is None:
            return None
        grid = self.grids[self._grid_of(path)]
        out: list[dict[str, Any]] = []
        for number, cells, where in table:
            entry = self._entry(grid, number, cells, where, (*path, len(out)))
            out.append(entry)
        if grid.title in self.ends:  # the list as a whole stands where a row would be added to it
            below = (self.ends[grid.title] + 1, 1)
            self.positions.values[path] = self.positions.keys[path] = below
            self.positions.cells[path] = self._at(grid, *below)
        return out

    def _grid_of(self, path: Path_) -> str:
        keys = [p for p in path if isinstance(p, str)]

        return ENTRY_SHEETS[tuple(keys)]

    def _entry(
        self,
        grid: Grid,
        number: int,
        cells: dict[int, Cell | None],
        where: dict[str, tuple[int, Column]],
        path: Path_,
    ) -> dict[str, Any]:
        entry: dict[str, Any] = {}
        first = min((index for index, _ in where.values()), default=1)
        self.positions.values[path] = (number, first)
        self.positions.cells[path] = self._at(grid, number, first)
        designations: dict[tuple[str, ...], list[str] | None] = {}
        for index, column in where.values():
            if column.kind == "school":
                continue
            field_path = (*path, *column.path)
            if column.kind == "designation":
                value = self._value(grid, number, index, column, field_path, cells.get(index))
                chosen = designations.setdefault(column.path, None)
                if value is not _ABSENT:
                    chosen = chosen if chosen is not None else []
                    if value is True:
                        chosen.append(column.choices[0][0])
                    designations[column.path] = chosen
                    self._place(field_path, grid, number, index, column.header, True)
                elif field_path not in self.positions.keys:
                    self._place(field_path, grid, number, index, column.header, False)
                continue
            value = self._value(grid, number, index, column, field_path, cells.get(index))
            self._place(field_path, grid, number, index, column.header, value is not _ABSENT)
            if value is not _ABSENT:
                _put(entry, column.path, value)
        for name, chosen in designations.items():
            if chosen is not None:
                _put(entry, name, chosen)
        return entry

    def _children(
        self, schools: list[dict[str, Any]], tables: dict[str, Any], sheets: dict[str, Sheet]
    ) -> None:
        """Majors and practice groups go to the school named in their first column."""
        names: dict[str, int] = {}
        for index, school in enumerate(schools):
            if isinstance(school.get("name"), str):
                names.setdefault(school["name"].strip(), index)
        for sheet in sheets.values():
            if sheet.parent is None:
                continue
            grid = self.grids.get(sheet.name)
            table = tables.get(sheet.name) or []
            given: dict[int, list[dict[str, Any]]] = {}
            for number, cells, where in table:
                index_column = where[SCHOOL_KEY][0] if SCHOOL_KEY in where else 1
                named = cells.get(index_column) if SCHOOL_KEY in where else None
                assert grid is not None
                name = ""
                if named is not None and named.value is not None:
                    name, slip = trimmed(str(named.value))
                    if slip is not None:
                        self._slip(grid, number, index_column, "学校名称", (), slip)
                if not name:
                    self.unread.add(sheet.name)
                    # a merged range here is an error already, and each cell under its first reads blank
                    if grid.merge_at(number, index_column) is None:
                        self._fail(grid, number, index_column, "school-blank", header="学校名称")
                    continue
                if name not in names:
                    self.unread.add(sheet.name)
                    if SCHOOLS_SHEET in self.keyless or self.schools_blank:
                        continue  # no school of 学校 was read, and its error says why: not each row here
                    close = self._close(name, names, 0.5)
                    self._fail(
                        grid,
                        number,
                        index_column,
                        "unknown-school",
                        header="学校名称",
                        name=name,
                        hint=_hint(close),
                    )
                    continue
                owner = names[name]
                items = given.setdefault(owner, [])
                items.append(
                    self._entry(grid, number, cells, where, ("schools", owner, sheet.parent, len(items)))
                )
            for index, school in enumerate(schools):
                self._attach(school, (sheet.parent,), given.get(index), ("schools", index))

    def _attach(
        self,
        owner: dict[str, Any],
        path: tuple[str, ...],
        rows: list[dict[str, Any]] | None,
        base: Path_ = (),
    ) -> None:
        """A list of entries from its sheet's rows and its marker (无: none): absent when neither says."""
        marker = owner
        for part in path[:-1]:
            marker = marker.get(part, {}) if isinstance(marker, dict) else {}
        said = marker.get(path[-1], _ABSENT) if isinstance(marker, dict) else _ABSENT
        full = (*base, *path)
        if said == [] and rows:
            line, column = self.positions.values.get(full, (1, 1))
            self.errors.append(
                Problem(
                    self.display,
                    line,
                    column,
                    format_path(full),
                    "none-but-rows",
                    {"count": len(rows)},
                    "error",
                    area="workbook",
                    cell=self.positions.cells.get(full, ""),
                )
            )
            said = _ABSENT
        if rows:
            _put(owner, path, rows)
            if full not in self.positions.values:
                first = (*full, 0)
                self.positions.values[full] = self.positions.values[first]
                self.positions.cells[full] = self.positions.cells[first]
        elif said is _ABSENT and isinstance(marker, dict):
            marker.pop(path[-1], None)

    # ------------------------------------------------------------------------------------------- cells

    def _header_row(
        self, grid: Grid, accept: Any, rows: Iterable[int] = range(1, HEADER_SEARCH + 1)
    ) -> tuple[int, dict[str, int]] | None:
        """The first of ``rows`` (the rows a title may take, by default) whose texts ``accept`` takes, with
        each text's column."""
        for number in rows:
            texts = {
                str(cell.value).strip(): index
                for index, cell in sorted(grid.row(number).items())
                if isinstance(cell.value, str)
            }
            if accept(texts):
                return number, texts
        return None

    def _merged(self, grid: Grid, header: int, columns: tuple[int, ...] | None) -> None:
        """Merged cells: in the header, harmless (columns are read by key); where data stands, an error,
        since only the first cell holds the value and the others read blank. Title rows above are the
        county's own."""
        for min_row, min_col, max_row, max_col in grid.merged:
            shown = _range(min_row, min_col, max_row, max_col)
            if max_row <= header:
                if max_row >= header - 1:
                    self._fail(grid, min_row, min_col, "merged-header", "warning", range=shown)
            elif columns is None or any(min_col <= c <= max_col for c in columns):
                self._fail(grid, min_row, min_col, "merged-cells", range=shown)

    def _value(
        self, grid: Grid, row: int, column: int, spec: Column, path: Path_, cell: Cell | None = None
    ) -> Any:
        """The raw value of a cell for a field, as YAML would give it; ``_ABSENT`` for a blank."""
        cell = cell if cell is not None else grid.get(row, column)
        if cell is None:
            return _ABSENT
        if cell.formula and cell.value is None:
            self._fail(grid, row, column, "formula-no-value", header=spec.header, path=path)
            return None
        if cell.error:
            self._fail(
                grid, row, column, "formula-error", header=spec.header, path=path, value=str(cell.value)
            )
            return None
        if (found := _beyond_excel(cell.value)) is not None:
            self._fail(grid, row, column, "number-too-large", header=spec.header, path=path, found=found)
            return None
        if (slip := misformatted(cell, spec)) is not None:
            self._slip(grid, row, column, spec.header, path, slip)
            return None
        value = self._readable(convert(spec, cell.value), grid, row, column, spec, path)
        if spec.kind == "marker" and value != []:
            # 见专业表, 有, 是, 8, or the majors themselves: a list's entries are the rows of its sheet, and
            # this cell says only that there are none. Read as a list, 有 passed as a note beside the rows
            # and the majors got YAML's advice (每项一行，以“- ”开头).
            code = "marker-only-none-school" if grid.title.strip() == SCHOOLS_SHEET else "marker-only-none"
            found = str(cell.value).strip()
            self._fail(
                grid,
                row,
                column,
                code,
                header=spec.header,
                path=path,
                found=found if len(found) <= 60 else found[:60] + "…",
                none=NONE_WORD,
                label=spec.header,
                sheet=spec.sheet,
            )
            return _ABSENT
        if spec.kind == "list" and isinstance(value, list) and isinstance(cell.value, str):
            slip = joined(cell.value)
        elif spec.kind == "text" and isinstance(value, str):
            value, slip = trimmed(value)
        if slip is not None:
            self._slip(grid, row, column, spec.header, path, slip)
        return value

    def _slip(self, grid: Grid, row: int, column: int, header: str, path: Path_, slip: Slip) -> None:
        self._fail(grid, row, column, slip.code, slip.severity, header=header, path=path, **slip.params)

    def _readable(self, value: Any, grid: Grid, row: int, column: int, spec: Column, path: Path_) -> Any:
        """Text as it reads, as in a YAML report: invisible characters and compatibility ideographs (pasted
        from a web page or Word) taken out and named at their cell, so that a school's name still matches the
        rows that refer to it and no second, puzzling error follows."""
        if isinstance(value, list):
            return [self._readable(item, grid, row, column, spec, path) for item in value]
        if not isinstance(value, str):
            return value
        readable, problem = checked_text(value, path, self.display, lambda _char: (row, column))
        if problem is not None:
            self.errors.append(replace(problem, cell=self._at(grid, row, column, spec.header)))
        return readable


def convert(column: Column, value: Any) -> Any:
    """A cell's value as the report's raw value: labels to values, 是/否 to true/false, 无 to []."""
    if isinstance(value, str) and not value.strip():
        return _ABSENT  # a cell of spaces looks blank, and is
    if isinstance(value, datetime.time | datetime.timedelta):
        value = str(value)
    kind = column.kind
    if kind == "text":
        return value  # as typed: spaces are part of a name, as in YAML
    if isinstance(value, str):
        value = value.strip()
    if kind in ("whole", "year", "number", "version"):
        if isinstance(value, float) and math.isfinite(value):
            value = noiseless(value)
            if value.is_integer():
                return int(value)  # a spreadsheet stores every number as a float: 3120.0 is 3120
        return value
    if kind == "choice" and isinstance(value, str):
        for key, label in column.choices:
            if value in (key, label):
                return key
        return value
    if kind in ("flag", "designation"):
        if value in (YES, NO):
            return value == YES
        return value
    if kind == "list":
        if value == NONE_WORD:
            return []
        return split_list(value) if isinstance(value, str) else [value]
    if kind == "marker":
        return [] if value == NONE_WORD else value
    return value


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


def _looks_like(grid: Grid, sheets: list[Sheet]) -> Sheet | None:
    """The sheet among ``sheets`` whose field keys ``grid`` has, at least half of them: in one row of a
    table's header (its anchor among them), anywhere for a fields sheet (its key column, under 字段代码);
    the closest if several do."""
    header: dict[int, set[str]] = {}
    everywhere: set[str] = set()
    for (row, _), cell in grid.cells.items():
        if isinstance(cell.value, str):
            everywhere.add(cell.value.strip())
            if row <= HEADER_SEARCH:
                header.setdefault(row, set()).add(cell.value.strip())
    best: tuple[float, int, Sheet] | None = None
    for sheet in sheets:
        keys = {column.key for column in sheet.columns}
        if sheet.fields:
            rows = [everywhere] if KEY_HEADER in everywhere else []
        else:
            rows = [texts for texts in header.values() if sheet.anchor in texts]
        for texts in rows:
            hits = len(keys & texts)
            if hits >= 2 and 2 * hits >= len(keys) and (best is None or (hits / len(keys), hits) > best[:2]):
                best = (hits / len(keys), hits, sheet)
    return best[2] if best else None


def _hidden(blamed: Grid, other: Grid) -> Wording:
    """Which of two sheets of one name is hidden, as the message about them says it."""
    if blamed.hidden == other.hidden:
        return ""
    return msg("workbook.twin-hidden", sheet=(blamed if blamed.hidden else other).title)


def _beyond_excel(value: Any) -> Wording | None:
    """A number no cell of Excel holds (past 1.8e308, the largest a spreadsheet's number can be), written
    into the file by a program: the digits it starts with and their count; None for any other value. Read
    on, it broke every sum and comparison made in floating point."""
    if type(value) is float:
        return None if math.isfinite(value) else msg("workbook.number-infinite")
    if type(value) is not int or -_LARGEST <= value <= _LARGEST:  # (a bool is an int too, and no number)
        return None
    digits = str(abs(value))
    return msg("workbook.number-digits", sign="-" if value < 0 else "", head=digits[:12], count=len(digits))


def _filled(cells: Mapping[int, Cell]) -> dict[int, Cell]:
    """A row's cells that hold something: a cell of spaces or line breaks looks blank, and is."""
    return {
        index: cell
        for index, cell in cells.items()
        if not (isinstance(cell.value, str) and not cell.value.strip())
    }


def _rows(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def _hint(close: list[str]) -> Wording:
    """``（是否应为“x”？）`` when a close match was found; nothing when none was."""
    return msg("workbook.did-you-mean", name=close[0]) if close else ""


def _header_text(column: Column) -> str:
    return f"{column.header}（{column.measure}）" if column.measure else column.header


def _put(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data.setdefault(part, {})
    data[path[-1]] = value


def _range(min_row: int, min_col: int, max_row: int, max_col: int) -> str:
    return f"{letters(min_col)}{min_row}:{letters(max_col)}{max_row}"


__all__ = ["WorkbookRead", "convert", "read_workbook"]
