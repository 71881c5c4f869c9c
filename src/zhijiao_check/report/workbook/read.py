"""Reading a report workbook (``.xlsx``) into the same plain data and positions as a YAML report.

The workbook is a second syntax for format v1: cells become the raw values the YAML loader would give
(``"3,120"`` typed as text stays text, so validation gives the same advice), and every path is positioned at
its cell, named ``学校!F7（在校生）``. Columns and fields are found by the field keys the template writes (row
2 of a table, column A of a fields sheet), never by their Chinese headers. What a spreadsheet allows and a
YAML file does not (merged cells, hidden or extra sheets, renamed or extra columns, blank rows between
entries, formulas) is an error or a warning, never a silent guess.

The sheets are read into grids of cells within bounds first (``grids``), told apart by name
(``sheetnames``), then read as fields sheets (``fieldsheet``) and tables (``tablesheet``), cell by cell
(``cellreader``, ``rawdata``). Here the entries are put together into the report: each school's majors and
practice groups under it, each list beside its marker (无: none).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from zhijiao_check.problems import Problem, format_path
from zhijiao_check.records import record
from zhijiao_check.report.workbook.cellreader import CellReader, did_you_mean
from zhijiao_check.report.workbook.fieldsheet import read_fields
from zhijiao_check.report.workbook.grids import Grid, read_grids, refusal
from zhijiao_check.report.workbook.layout import (
    CITY_SHEET,
    ENTRY_SHEETS,
    NONE_WORD,
    SCHOOL_KEY,
    SCHOOLS_SHEET,
    UNIT_SHEET,
    Sheet,
    layout,
)
from zhijiao_check.report.workbook.rawdata import ABSENT, put
from zhijiao_check.report.workbook.sheetnames import (
    say_missing_sheet,
    say_no_unit_sheet,
    say_other_sheets,
    say_twins,
)
from zhijiao_check.report.workbook.shown import trimmed
from zhijiao_check.report.workbook.tablesheet import Row, read_entry, read_table
from zhijiao_check.source import Parsed, Path_
from zhijiao_check.wording import Wording, msg

# Where a school's name cannot be read, a "did you mean" only for a name a slip away (a character of nine
# mistyped is 0.89): 东安县职业中等专业学校 and 东安县舜德职业学校, two schools, are 0.7.
_SLIP_AWAY = 0.8


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


class _Reader(CellReader):
    """One workbook's reading: its sheets, and what the tables read so far say to the sheets after them."""

    def __init__(self, display: str, grids: list[Grid]) -> None:
        super().__init__(display)
        self.sheets = grids
        # Sheets by name, spaces around it aside (`` 学校`` is 学校): the first of each name.
        self.grids: dict[str, Grid] = {}
        for grid in grids:
            self.grids.setdefault(grid.title.strip(), grid)
        self.ends: dict[str, int] = {}  # each table sheet's last row read (its key row when it has none)
        self.unread: set[str] = set()  # table sheets with rows not read (``WorkbookRead.unread``)
        self.keyless: set[str] = set()  # table sheets without a row of field keys: none of their rows read
        self.schools_blank = False  # 学校 holds no row at all: said once (``schools-blank``), not per major

    def read(self) -> dict[str, Any] | None:
        """The report's data, its sheets in the order one needs another: 本单位 (its kind says which sheets
        it fills), 市本级, the tables, then each school's majors and practice groups; None when 本单位
        cannot be read."""
        sheets = {sheet.name: sheet for sheet in layout().sheets}
        if say_twins(self, self.sheets, self.grids, sheets):
            return None
        unit = self.grids.get(UNIT_SHEET)
        if unit is None:
            say_no_unit_sheet(self, self.sheets, sheets[UNIT_SHEET])
            return None
        self.positions.values[()] = (1, 1)
        self.positions.cells[()] = f"{UNIT_SHEET}!A1"
        data = read_fields(self, unit, sheets[UNIT_SHEET], ())
        kind = data.get("unit", {}).get("kind") if data and isinstance(data.get("unit"), dict) else None
        # The sheets this unit fills that are not there: another sheet may be one of them, renamed.
        absent = [s for s in layout().for_kind(kind) if s.name not in self.grids]
        renamed = say_other_sheets(self, self.sheets, absent)
        if data is None:
            return None
        city_grid = self.grids.get(CITY_SHEET)
        city = read_fields(self, city_grid, sheets[CITY_SHEET], ("city",)) if city_grid is not None else None
        tables = {
            name: self._table(self.grids[name], sheet)
            for name, sheet in sheets.items()
            if not sheet.fields and name in self.grids
        }
        for sheet in absent:
            if sheet.name not in renamed and sheet.name != SCHOOLS_SHEET:  # its absence is an error (below)
                say_missing_sheet(self, unit, sheet.name)
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
                self.say(
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

    def _table(self, grid: Grid, sheet: Sheet) -> list[Row]:
        """A table sheet's rows (``tablesheet``); what it says of the rest is kept for the sheets that
        refer to it and for ``WorkbookRead.unread``."""
        table = read_table(self, grid, sheet)
        if table.keyless:
            self.keyless.add(grid.title.strip())
        if table.rows_unread:
            self.unread.add(grid.title.strip())
        if table.end is not None:
            self.ends[grid.title] = table.end
        return table.rows

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
                self.say(grid, number, min(others), "no-schools-filled", none=NONE_WORD)
        if said is not None and rest:
            self.say(grid, *said, "no-schools-but-rows", header="学校名称", none=NONE_WORD, count=len(rest))
        return rest, said is not None

    def _entries(self, table: Any, path: Path_) -> list[dict[str, Any]] | None:
        """The entries of a table sheet with no parent; ``None`` when the sheet is not there."""
        if table is None:
            return None
        grid = self.grids[self._grid_of(path)]
        out: list[dict[str, Any]] = []
        for number, cells, where in table:
            entry = read_entry(self, grid, number, cells, where, (*path, len(out)))
            out.append(entry)
        if grid.title in self.ends:  # the list as a whole stands where a row would be added to it
            below = (self.ends[grid.title] + 1, 1)
            self.positions.values[path] = self.positions.keys[path] = below
            self.positions.cells[path] = self.cell_label(grid, *below)
        return out

    def _grid_of(self, path: Path_) -> str:
        """The sheet of a list of entries: ``("city", "park_funding")`` is 园区资金."""
        keys = [p for p in path if isinstance(p, str)]
        return ENTRY_SHEETS[tuple(keys)]

    def _children(
        self, schools: list[dict[str, Any]], tables: dict[str, Any], sheets: dict[str, Sheet]
    ) -> None:
        """Majors and practice groups go to the school named in their first column."""
        names: dict[str, int] = {}
        # the hints for schools whose name cannot be read: no text (a number, a date), or blank (a row of
        # figures without its name, the second row of a merged name), each naming its cell
        unnamed: list[Wording] = []
        for index, school in enumerate(schools):
            if isinstance(school.get("name"), str) and school["name"].strip():
                names.setdefault(school["name"].strip(), index)
                continue
            row, column = self.positions.keys.get(("schools", index, "name"), (index + 3, 1))
            cell = self.cell_label(self.grids[SCHOOLS_SHEET], row, column)
            blank = school.get("name") is None or not str(school["name"]).strip()
            key = "workbook.school-blank-hint" if blank else "workbook.school-unnamed-hint"
            unnamed.append(msg(key, cell=cell))
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
                        self.say_slip(grid, number, index_column, "学校名称", (), slip)
                if not name:
                    self.unread.add(sheet.name)
                    # a merged range here is an error already, and each cell under its first reads blank
                    if grid.merge_at(number, index_column) is None:
                        self.say(grid, number, index_column, "school-blank", header="学校名称")
                    continue
                if name not in names:
                    self.unread.add(sheet.name)
                    if SCHOOLS_SHEET in self.keyless or self.schools_blank:
                        continue  # no school of 学校 was read, and its error says why: not each row here
                    # A school whose name could not be read may be the one meant: it is named, and no other
                    # school is offered in its place but one a slip away (a date typed at 学校!A3 had every
                    # major of that school asked to be renamed to the other school; a typo of the other
                    # school's name was told of the unreadable one instead of the name it misspells).
                    close = self.closest(name, names, _SLIP_AWAY if unnamed else 0.5)
                    hint = did_you_mean(close) if close or not unnamed else unnamed[0]
                    self.say(
                        grid, number, index_column, "unknown-school", header="学校名称", name=name, hint=hint
                    )
                    continue
                owner = names[name]
                items = given.setdefault(owner, [])
                items.append(
                    read_entry(self, grid, number, cells, where, ("schools", owner, sheet.parent, len(items)))
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
        said = marker.get(path[-1], ABSENT) if isinstance(marker, dict) else ABSENT
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
            said = ABSENT
        if rows:
            put(owner, path, rows)
            if full not in self.positions.values:
                first = (*full, 0)
                self.positions.values[full] = self.positions.values[first]
                self.positions.cells[full] = self.positions.cells[first]
        elif said is ABSENT and isinstance(marker, dict):
            marker.pop(path[-1], None)


__all__ = ["WorkbookRead", "read_workbook"]
