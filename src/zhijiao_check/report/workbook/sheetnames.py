"""Which of a workbook's sheets is which of the report's: sheets are found by name, spaces around it aside.
Two sheets of one name, a sheet renamed (found by the field keys the template wrote in it), a hidden sheet
read, an extra sheet not read, a sheet missing: each is said at the sheet, and what cannot be read safely
(twins; no 本单位) stops the reading.
"""

from __future__ import annotations

from collections.abc import Mapping

from zhijiao_check.patterns import later
from zhijiao_check.problems import Problem
from zhijiao_check.report.workbook.cellreader import CellReader, did_you_mean
from zhijiao_check.report.workbook.grids import Grid, refusal
from zhijiao_check.report.workbook.layout import (
    HEADER_SEARCH,
    INSTRUCTIONS,
    KEY_HEADER,
    UNIT_SHEET,
    Sheet,
    layout,
)
from zhijiao_check.report.written import is_result_workbook
from zhijiao_check.wording import Join, Wording, msg

# The names programs give a copied sheet: 学校 (2) (Excel, WPS; 学校(2), 学校（2） typed so), 学校_2
# (LibreOffice, 学校_1 too). Only these: 学校说明 is no copy of 学校.
_COPY = later(r"(.+?)(?: ?\(\d+\)|（\d+）|_\d+)")

# What a renamed sheet has of the template's: a fields sheet's column of keys, a table's row of them.
_KEY_COLUMN, _KEY_ROW = msg("workbook.key-column"), msg("workbook.key-row")


def say_twins(
    reader: CellReader, grids: list[Grid], first_named: Mapping[str, Grid], sheets: Mapping[str, Sheet]
) -> bool:
    """Two sheets that name one of the report's sheets once the spaces around their names are taken off
    (学校 and `` 学校``, a hidden ``本单位 `` beside 本单位): which one holds the report would be a guess,
    and the one read was once the last, silently. An error at the one whose name has the spaces, naming
    both; the workbook is not read. Whether there are any."""
    found = False
    for twin in grids:
        name = twin.title.strip()
        first = first_named[name]
        if first is twin or name not in sheets:
            continue
        blamed, other = (first, twin) if twin.title == name else (twin, first)
        reader.say(
            blamed,
            1,
            1,
            "sheet-twin",
            found=blamed.title,
            other=other.title,
            sheet=name,
            hidden=_which_hidden(blamed, other),
        )
        found = True
    return found


def say_no_unit_sheet(reader: CellReader, grids: list[Grid], unit: Sheet) -> None:
    """No sheet named 本单位, without which nothing is read: a sheet with its keys is it renamed; a workbook
    with none is the results workbook given as a report, or no report's workbook at all."""
    alike = [grid for grid in grids if _looks_like(grid, [unit]) is not None]
    for grid in alike:
        reader.say(grid, 1, 1, "sheet-renamed", found=grid.title, sheet=UNIT_SHEET, keys=_KEY_COLUMN)
    if not alike:
        order = [grid.title.strip() for grid in grids]
        reader.errors.append(
            Problem(reader.display, None, None, "", "written-by-the-tool", {})
            if is_result_workbook(order)  # the results workbook, named as a report
            else refusal(reader.display, "no-unit-sheet", sheet=UNIT_SHEET, found=Join(tuple(order)))
        )


def say_other_sheets(reader: CellReader, grids: list[Grid], absent: list[Sheet]) -> set[str]:
    """The other sheets: hidden ones said to be read, extra ones said not to be. An extra sheet with the
    field keys of a sheet that is not there is that sheet renamed, whose rows would go unread: an error
    at it, saying the name to give it back. The names of the sheets so found."""
    known = [sheet.name for sheet in layout().sheets]
    present = {grid.title.strip() for grid in grids}
    found: set[str] = set()
    for grid in grids:
        title = grid.title.strip()
        if title in known or title == INSTRUCTIONS:
            if grid.hidden and title in known:
                reader.say(grid, 1, 1, "sheet-hidden", "warning")
            continue
        like = _looks_like(grid, absent)
        if like is not None:
            keys = _KEY_COLUMN if like.fields else _KEY_ROW
            # at the list or block it holds (学校: ``schools``): the model does not say it is missing too
            path = like.path if like.parent is None else ()
            reader.say(grid, 1, 1, "sheet-renamed", path=path, found=grid.title, sheet=like.name, keys=keys)
            found.add(like.name)
        elif grid.cells or grid.chart:  # a chart holds no cell, and is there all the same
            copy = _COPY.fullmatch(title)
            if copy is not None and copy.group(1) in present and copy.group(1) in {*known, INSTRUCTIONS}:
                # 学校 (2), Excel's name for a copy of 学校: not "did you mean 学校" when 学校 is there
                reader.say(grid, 1, 1, "sheet-copy", "warning", sheet=copy.group(1))
                continue
            suggestion = reader.closest(title, [*known, INSTRUCTIONS], 0.5)
            reader.say(
                grid,
                1,
                1,
                "sheet-not-read",
                "warning",
                sheets=Join(tuple(known)),
                hint=did_you_mean(suggestion),
            )
    return found


def say_missing_sheet(reader: CellReader, unit: Grid, name: str) -> None:
    """A sheet the unit fills that is not there, nor another sheet renamed from it: a warning at 本单位!A1."""
    reader.warnings.append(
        refusal(reader.display, "sheet-missing", "warning", cell=f"{unit.title}!A1", sheet=name)
    )


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


def _which_hidden(blamed: Grid, other: Grid) -> Wording:
    """Which of two sheets of one name is hidden, as the message about them says it."""
    if blamed.hidden == other.hidden:
        return ""
    return msg("workbook.twin-hidden", sheet=(blamed if blamed.hidden else other).title)


__all__ = ["say_missing_sheet", "say_no_unit_sheet", "say_other_sheets", "say_twins"]
