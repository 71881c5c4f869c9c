"""What reading every sheet of a report workbook shares: each problem said at its cell
(``学校!F7（在校生）``), each path of the report placed at its cell, a cell's value read as YAML would give it
(what a clerk cannot see in it said, ``shown``), a "did you mean" within one budget for the workbook, and
what a sheet's shape says (merged cells, hidden rows).

The fields sheets (``fieldsheet``), the tables (``tablesheet``), the sheets' names (``sheetnames``) and the
report as a whole (``read``) are read through one ``CellReader``, so that their problems keep the order in
which they were found.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import replace
from typing import Any

from zhijiao_check.characters import cleaned
from zhijiao_check.located import checked_text
from zhijiao_check.problems import Problem, Severity, format_path
from zhijiao_check.report.workbook.cells import MERGED_CELLS, cell_name, letters
from zhijiao_check.report.workbook.grids import Cell, Grid
from zhijiao_check.report.workbook.layout import HEADER_SEARCH, NONE_WORD, SCHOOLS_SHEET, Column
from zhijiao_check.report.workbook.rawdata import ABSENT, beyond_excel, convert
from zhijiao_check.report.workbook.shown import Slip, joined, misformatted, none_among_names, trimmed
from zhijiao_check.source import Path_, Positions
from zhijiao_check.wording import Wording, msg

# The kinds of column a number is written in.
NUMBER_KINDS = frozenset({"whole", "year", "number", "version"})
# A "did you mean" compares a name with every choice: so many comparisons at most for a workbook, and none
# for a name longer than this (no typing slip of a real name).
CLOSE_BUDGET = 10_000
_CLOSE_LENGTH = 200


class CellReader:
    """The problems and positions of one workbook's reading, and the cells read into them."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.budget = CLOSE_BUDGET  # the comparisons a "did you mean" may still make
        self.positions = Positions()
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []

    # ------------------------------------------------------------------------------------------- problems

    def cell_label(self, grid: Grid, row: int, column: int, header: str = "") -> str:
        """A cell as a problem names it: ``学校!F7（在校生）``, or ``学校!F7`` without a header."""
        name = cell_name(grid.title, row, column)
        return f"{name}（{header}）" if header else name

    def say(
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
        """A problem (``workbook.<code>``) at a cell: an error, or a warning."""
        problem = Problem(
            self.display,
            row,
            column,
            format_path(path),
            code,
            params,
            severity,
            area="workbook",
            cell=self.cell_label(grid, row, column, header),
        )
        (self.errors if severity == "error" else self.warnings).append(problem)

    def place(self, path: Path_, grid: Grid, row: int, column: int, header: str, present: bool) -> None:
        """Position ``path`` at a cell; a blank one only as the field's place (a required field's error)."""
        if present:
            self.positions.values[path] = (row, column)
        self.positions.keys[path] = (row, column)
        self.positions.cells[path] = self.cell_label(grid, row, column, header)

    def closest(self, word: str, choices: Collection[str], cutoff: float) -> list[str]:
        """The choice closest to ``word``, for a "did you mean": none for a word longer than any name, nor
        once the reader's comparisons are spent (20,000 rows naming unknown schools among 20,000 schools
        were 400 million of them)."""
        if len(word) > _CLOSE_LENGTH or len(choices) > self.budget:
            return []
        self.budget -= len(choices)
        fitting = [choice for choice in choices if len(choice) <= _CLOSE_LENGTH]
        return difflib.get_close_matches(word, fitting, n=1, cutoff=cutoff)

    # ------------------------------------------------------------------------------------------- shape

    def say_merged(self, grid: Grid, header: int, columns: tuple[int, ...] | None) -> None:
        """Merged cells: in the header, harmless (columns are read by key); where data stands, an error,
        since only the first cell holds the value and the others read blank. Title rows above are the
        county's own."""
        for min_row, min_col, max_row, max_col in grid.merged:
            shown = _cell_range(min_row, min_col, max_row, max_col)
            if max_row <= header:
                if max_row >= header - 1:
                    self.say(grid, min_row, min_col, "merged-header", "warning", range=shown)
            elif columns is None or any(min_col <= c <= max_col for c in columns):
                self.say(grid, min_row, min_col, MERGED_CELLS, range=shown)

    def say_blank_rows(self, grid: Grid, last: int, number: int) -> None:
        """The blank rows between ``last``, a row read, and ``number``, the next, if any: one warning for the
        run of them, as a table's or a fields sheet's reading goes on after them."""
        if number > last + 1:
            self.say(
                grid,
                last + 1,
                1,
                "blank-rows",
                "warning",
                rows=row_span(last + 1, number - 1),
                count=number - 1 - last,
            )

    def say_hidden_rows(self, grid: Grid, read: list[int]) -> None:
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
            self.say(
                grid, run[0], 1, "rows-hidden", "warning", rows=row_span(run[0], run[-1]), count=len(run)
            )

    def say_hidden_columns(self, grid: Grid, row: int, columns: Mapping[int, str]) -> None:
        """The columns of fields (``columns``: index and header) that the sheet hides, each said at ``row``
        (its header): a blank there is missing data the clerk cannot see, a figure there counts unseen."""
        for index, header in sorted(columns.items()):
            if any(first <= index <= last for first, last in grid.hidden_columns):
                self.say(grid, row, index, "column-hidden", "warning", header=header)

    # ------------------------------------------------------------------------------------------- cells

    def cell_value(
        self, grid: Grid, row: int, column: int, spec: Column, path: Path_, cell: Cell | None = None
    ) -> Any:
        """The raw value of a cell for a field, as YAML would give it; ``ABSENT`` for a blank."""
        cell = cell if cell is not None else grid.get(row, column)
        if cell is None:
            return ABSENT
        if cell.formula and cell.value is None:
            self.say(grid, row, column, "formula-no-value", header=spec.header, path=path)
            return None
        if cell.error:
            self.say(grid, row, column, "formula-error", header=spec.header, path=path, value=str(cell.value))
            return None
        if cell.not_a_number:  # ``<v>NaN</v>`` in a number cell: what is stored, as a clerk would see it
            stored = str(cell.value)
            self.say(grid, row, column, "not-a-number", header=spec.header, path=path, found=stored)
            return None
        if cell.formula and spec.kind in NUMBER_KINDS and isinstance(cell.value, str) and cell.value.strip():
            # =TEXT(1030,"0"), =A1&"": a number stored as text is typed, and its advice (the leading quote,
            # 转换为数字) does not fit a formula, whose result the next recalculation makes text again
            text = cell.value.strip()  # shortened as every value is, when the message is worded
            self.say(grid, row, column, "formula-text", header=spec.header, path=path, found=text)
            return None
        if (found := beyond_excel(cell.value)) is not None:
            self.say(grid, row, column, "number-too-large", header=spec.header, path=path, found=found)
            return None
        if (slip := misformatted(cell, spec)) is not None:
            self.say_slip(grid, row, column, spec.header, path, slip)
            return None
        value = self._readable(convert(spec, cell.value), grid, row, column, spec, path)
        if spec.kind == "marker" and value != []:
            # 见专业表, 有, 是, 8, or the majors themselves: a list's entries are the rows of its sheet, and
            # this cell says only that there are none. Read as a list, 有 passed as a note beside the rows
            # and the majors got YAML's advice (每项一行，以“- ”开头).
            code = "marker-only-none-school" if grid.title.strip() == SCHOOLS_SHEET else "marker-only-none"
            self.say(
                grid,
                row,
                column,
                code,
                header=spec.header,
                path=path,
                found=str(cell.value).strip(),
                none=NONE_WORD,
                label=spec.header,
                sheet=spec.sheet,
            )
            return ABSENT
        if spec.kind == "list" and isinstance(value, list) and isinstance(cell.value, str):
            said = joined(cell.value)
            # refused, and read as the names it means (the advice's), so that the rows naming them
            # (园区资金) still find them: one error at this cell, not one at each of those rows; a cell
            # saying none beside names is read as the names it holds (none when it holds none)
            if said is not None or (said := none_among_names(cell.value)) is not None:
                value, slip = [cleaned(name) for name in said[0]], said[1]
        elif spec.kind == "text" and isinstance(value, str):
            value, slip = trimmed(value)
        if slip is not None:
            self.say_slip(grid, row, column, spec.header, path, slip)
        return value

    def say_slip(self, grid: Grid, row: int, column: int, header: str, path: Path_, slip: Slip) -> None:
        """What a clerk cannot see in a cell (``shown``), said at it."""
        self.say(grid, row, column, slip.code, slip.severity, header=header, path=path, **slip.params)

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
            self.errors.append(replace(problem, cell=self.cell_label(grid, row, column, spec.header)))
        return readable


def header_row(
    grid: Grid, accept: Callable[[dict[str, int]], bool], rows: Iterable[int] = range(1, HEADER_SEARCH + 1)
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


def filled(cells: Mapping[int, Cell]) -> dict[int, Cell]:
    """A row's cells that hold something: a cell of spaces or line breaks looks blank, and is."""
    return {
        index: cell
        for index, cell in cells.items()
        if not (isinstance(cell.value, str) and not cell.value.strip())
    }


def row_span(first: int, last: int) -> str:
    """Rows as a problem names them: ``7``, or ``7–9``."""
    return str(first) if first == last else f"{first}–{last}"


def did_you_mean(close: list[str]) -> Wording:
    """``（是否应为“x”？）`` when a close match was found; nothing when none was."""
    return msg("workbook.did-you-mean", name=close[0]) if close else ""


def _cell_range(min_row: int, min_col: int, max_row: int, max_col: int) -> str:
    return f"{letters(min_col)}{min_row}:{letters(max_col)}{max_row}"


__all__ = ["CLOSE_BUDGET", "CellReader", "did_you_mean", "filled", "header_row", "row_span"]
