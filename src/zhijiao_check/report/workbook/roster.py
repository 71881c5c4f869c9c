"""The bureau's roster as a workbook: a table of 单位 and 学校名称 (and perhaps 年度), one school a row.

The bureau keeps its list of schools in Excel as the counties keep their figures. The table's header is found
by its words in the first rows of the first sheet that has one (a title row above it is fine); a unit written
once in a cell merged down over its schools counts for each of them, as it reads. A row with a school and no
unit, or a unit and no school, is an error at its cell, never a guess.
"""

from __future__ import annotations

from pathlib import Path

from zhijiao_check.problems import Problem
from zhijiao_check.records import record
from zhijiao_check.report.workbook.cells import cell_name
from zhijiao_check.report.workbook.grids import Cell, Grid, read_grids
from zhijiao_check.report.workbook.layout import HEADER_SEARCH
from zhijiao_check.wording import Join

# What a header cell may say, trimmed: the bureau's own words, or the roster file's keys.
UNIT_HEADERS = ("单位", "单位名称", "填报单位", "县市区", "unit")
SCHOOL_HEADERS = ("学校", "学校名称", "职业院校", "school")
YEAR_HEADERS = ("年度", "统计年度", "year")


@record
class RosterRow:
    """One school of the roster: its unit and name as written, its row, and the cells of each
    (``名册!A5``, ``名册!B5``) with their columns."""

    unit: str
    school: str
    row: int
    unit_cell: str
    unit_column: int
    cell: str
    column: int


@record
class RosterTable:
    rows: tuple[RosterRow, ...]
    year: int | None
    problems: tuple[Problem, ...]


def read_roster_workbook(path: Path, display: str) -> RosterTable:
    """The roster's rows, its year (when a 年度 column gives one), and what is wrong at each cell."""
    grids = read_grids(path, display)
    if isinstance(grids, Problem):
        return RosterTable((), None, (grids,))
    for grid in grids:
        header = _header(grid)
        if header is not None:
            return _table(grid, display, *header)
    return RosterTable((), None, (_roster_problem(display, "", (1, 1), "no-header"),))


def _header(grid: Grid) -> tuple[int, int, int, int | None] | None:
    """The header's row and its unit, school and year columns, in the first rows of ``grid``."""
    for row in range(1, HEADER_SEARCH + 1):
        said = {str(cell.value).strip().lower(): column for column, cell in grid.row(row).items()}
        unit = next((said[word] for word in UNIT_HEADERS if word in said), None)
        school = next((said[word] for word in SCHOOL_HEADERS if word in said), None)
        if unit is not None and school is not None:
            return row, unit, school, next((said[word] for word in YEAR_HEADERS if word in said), None)
    return None


def _table(
    grid: Grid, display: str, header: int, unit_at: int, school_at: int, year_at: int | None
) -> RosterTable:
    rows: list[RosterRow] = []
    problems: list[Problem] = []
    years: set[int] = set()

    def text(row: int, column: int) -> str:
        cell = grid.get(row, column) or _merged_from(grid, row, column)
        return "" if cell is None or cell.value is None else str(cell.value).strip()

    def name(row: int, column: int) -> str:
        return cell_name(grid.title, row, column)

    for row in (number for number in grid.rows() if number > header):
        unit, school = text(row, unit_at), text(row, school_at)
        if not unit and not school:
            continue
        if not unit or not school:
            column = unit_at if not unit else school_at
            code = "blank-unit" if not unit else "blank-school"
            problems.append(
                _roster_problem(display, name(row, column), (row, column), code, school=school, unit=unit)
            )
            continue
        rows.append(
            RosterRow(unit, school, row, name(row, unit_at), unit_at, name(row, school_at), school_at)
        )
        if year_at is not None and text(row, year_at):
            years.add(_year(text(row, year_at), problems, display, name(row, year_at), row, year_at))
    known = sorted(years - {0})
    if len(known) > 1:  # the roster holds for one year, or for every year
        cell = name(header, year_at or 1)
        problems.append(
            _roster_problem(
                display, cell, (header, year_at or 1), "mixed-years", years=Join(tuple(map(str, known)))
            )
        )
    return RosterTable(tuple(rows), known[0] if len(known) == 1 else None, tuple(problems))


def _year(written: str, problems: list[Problem], display: str, cell: str, row: int, column: int) -> int:
    """The year a 年度 cell gives (0, and a problem, for one that is no year)."""
    try:
        year = int(float(written))
    except (ValueError, OverflowError):  # not a number, or one beyond any year (1e400)
        year = 0
    if not 2000 <= year <= 2100 or str(year) != written.removesuffix(".0"):
        problems.append(_roster_problem(display, cell, (row, column), "bad-year", value=written))
        return 0
    return year


def _merged_from(grid: Grid, row: int, column: int) -> Cell | None:
    """The cell a merged range shows at (row, column): its top-left one's."""
    merge = grid.merge_at(row, column)
    return grid.get(merge[0], merge[1]) if merge is not None else None


def _roster_problem(display: str, cell: str, where: tuple[int, int], code: str, **params: object) -> Problem:
    return Problem(display, *where, "", code, params, area="roster", cell=cell)
