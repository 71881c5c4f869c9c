"""A workbook's sheets read into grids of cells, bounded before anything is parsed: the file's size, the zip's
entry count and declared uncompressed size (a zip bomb), then the rows and cells while streaming. Report
workbooks (``read``) and the bureau's roster (``report.roster``) are read this way."""

from __future__ import annotations

import datetime
import io
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zhijiao_check.files import read_file
from zhijiao_check.patterns import later
from zhijiao_check.problems import Problem, Severity
from zhijiao_check.records import record

MAX_ROWS = 50_000  # rows holding a value
# Cells holding a value: a unit's workbook has about 10,000, and a few rows of 16,384 columns could hold
# millions under 10 MiB. A formatted blank cell (a border drawn down to row 4,300) holds none.
MAX_CELLS = 100_000
# Cells streamed, blank ones included (a formatted cell is read though empty): each costs a few microseconds,
# so this bounds the seconds a file of formatted nothing takes (about 4 s) far above any clerk's formatting.
MAX_STREAMED = 1_000_000
# Any part besides the sheets (styles, shared strings, comments) is parsed whole on opening, at a few seconds
# a megabyte for styles: a real one is tens of kilobytes, and 500,000 cell styles fit a zip of 128 KB.
MAX_PART = 1024 * 1024
_STREAMED = later(r"xl/worksheets/sheet\d+\.xml")
MAX_ENTRIES = 1_000  # a workbook has a few dozen parts
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # XML of 50,000 rows of a wide sheet stays well below


@record
class Cell:
    value: Any
    formula: bool = False  # a formula (the value is its cached result, None if it has none)
    error: bool = False  # a cached error such as #DIV/0!
    number_format: str = ""  # the cell's number format when it is not General (``0%``, ``yyyy-mm-dd``)
    serial: float | None = None  # for a date (a number shown in a date format): the number stored


@dataclass
class Grid:
    """One sheet's non-empty cells by (row, column), 1-based."""

    title: str
    hidden: bool
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    # min_row, min_col, max_row, max_col
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    # Formulas whose cached result is empty text (``=IF(D3>2100,D3,"")`` saved by Excel, WPS or LibreOffice:
    # ``<c t="str"><f>…</f><v></v></c>``): blank cells, as they show. A formula with no cached value at all
    # (written by a program and never opened) has no type and is not among them.
    blank_results: set[tuple[int, int]] = field(default_factory=set)

    def get(self, row: int, column: int) -> Cell | None:
        return self.cells.get((row, column))

    def rows(self) -> list[int]:
        return sorted({row for row, _ in self.cells})

    def row(self, row: int) -> dict[int, Cell]:
        return {column: cell for (r, column), cell in self.cells.items() if r == row}


def read_grids(path: Path, display: str) -> list[Grid] | Problem:
    """Every sheet's cells, bounded as a report workbook's are; or the one problem that stops the file being
    read (``report.roster`` reads the bureau's list of schools this way)."""
    raw = read_file(path, display)
    if isinstance(raw, Problem):
        return raw
    return _check_zip(raw, display) or _load(raw, display)


def refusal(
    display: str,
    code: str,
    severity: Severity = "error",
    cell: str = "",
    where: tuple[int, int] | None = None,
    path: str = "",
    **params: object,
) -> Problem:
    line, column = where if where else (None, None) if not cell else (1, 1)
    return Problem(display, line, column, path, code, params, severity, area="workbook", cell=cell)


def _check_zip(raw: bytes, display: str) -> Problem | None:
    """A workbook is a zip: refuse what is not one, and a zip that would unpack beyond any real workbook."""
    if raw.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE file: the old .xls format, or an encrypted .xlsx
        return refusal(display, "xls-or-encrypted")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            infos = archive.infolist()
            mimetype = archive.read("mimetype")[:100] if "mimetype" in archive.namelist() else b""
    except (zipfile.BadZipFile, ValueError, OSError, KeyError):
        return refusal(display, _not_a_zip(raw))
    if len(infos) > MAX_ENTRIES:
        return refusal(display, "zip-bomb", entries=len(infos), size_mib="?")
    declared = sum(info.file_size for info in infos)
    if declared > MAX_UNCOMPRESSED or any(
        info.file_size > MAX_PART and not _STREAMED.fullmatch(info.filename) for info in infos
    ):
        return refusal(display, "zip-bomb", entries=len(infos), size_mib=f"{declared / 1024 / 1024:.0f}")
    if not any(info.filename == "xl/workbook.xml" for info in infos):
        # an OpenDocument spreadsheet (LibreOffice, WPS's "另存为 .ods") renamed .xlsx
        return refusal(display, "ods-not-xlsx" if b"opendocument" in mimetype else "not-a-workbook")
    return None


_YAML_REPORT = later(rb"^(?:\xef\xbb\xbf)?\s*(?:schema_version|unit)\s*:", re.MULTILINE)
_CSV_LINE = later(rb"^[^\n]*[,\t][^\n]*(?:\r?\n|$)")


def _not_a_zip(raw: bytes) -> str:
    """What a file that is no zip at all is, as far as its bytes tell: empty, a YAML report or a sheet saved
    as CSV text (renamed .xlsx, or saved under the old name), else something unknown (``not-a-workbook``)."""
    if not raw:
        return "empty-workbook"
    head = raw[:4096]
    if b"\0" in head:
        return "not-a-workbook"
    if _YAML_REPORT.search(head):
        return "yaml-not-xlsx"
    if _CSV_LINE.match(head):
        return "csv-not-xlsx"
    return "not-a-workbook"


def _load(raw: bytes, display: str) -> list[Grid] | Problem:
    """Every sheet's cells: cached values streamed first (bounding the rows), then merges and formulas."""
    import openpyxl

    with warnings.catch_warnings():
        # openpyxl warns of extensions it drops (conditional formats, slicers)
        warnings.simplefilter("ignore")
        try:
            values = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
            grids: list[Grid] = []
            rows = cells = streamed = 0
            for sheet in values.worksheets:
                grid = Grid(str(sheet.title), sheet.sheet_state != "visible")
                used = _Used()
                sheet.reset_dimensions()  # the stated dimensions may be wrong (or huge): read what is there
                for number, row in enumerate(sheet.iter_rows(), 1):
                    filled = []
                    for column, cell in enumerate(row, 1):
                        value = getattr(cell, "value", None)
                        kind = getattr(cell, "data_type", "")
                        if value is None or value == "":
                            if kind == "str":  # a formula's cached result, empty text
                                grid.blank_results.add((number, column))
                            continue
                        filled.append(column)
                        if cells + len(filled) <= MAX_CELLS:  # beyond, only where they stand is kept
                            grid.cells[(number, column)] = _cell(value, kind, cell, values.epoch)
                    if filled:
                        used.add(number, filled[0], filled[-1])
                    rows += bool(filled)
                    cells += len(filled)
                    streamed += len(row)
                    if rows > MAX_ROWS:
                        return refusal(display, "too-many-rows", limit=MAX_ROWS)
                    if streamed > MAX_STREAMED:
                        used.reached = number
                        break
                if cells > MAX_CELLS:  # said once the sheet's used range is known (or as far as streamed)
                    return refusal(display, "too-many-cells", limit=f"{MAX_CELLS:,}", **used.at(grid.title))
                if streamed > MAX_STREAMED:
                    limit, reached = f"{MAX_STREAMED:,}", f"{used.reached:,}"
                    return refusal(
                        display, "too-many-formatted-cells", limit=limit, row=reached, **used.at(grid.title)
                    )
                grids.append(grid)
            values.close()
            if not _has_formulas_or_merges(raw):
                return grids  # the second, slower pass only finds formulas and merged ranges
            formulas = openpyxl.load_workbook(io.BytesIO(raw), data_only=False)
            for grid, sheet in zip(grids, formulas.worksheets, strict=True):
                grid.merged = [
                    (r.min_row, r.min_col, r.max_row, r.max_col) for r in sheet.merged_cells.ranges
                ]
                for row in sheet.iter_rows():
                    for cell in row:
                        if (
                            cell.data_type == "f"
                            and cell.row is not None
                            and cell.column is not None
                            and (cell.row, cell.column) not in grid.blank_results
                        ):
                            old = grid.cells.get((cell.row, cell.column), Cell(None))
                            grid.cells[(cell.row, cell.column)] = Cell(
                                old.value, True, old.error, old.number_format, old.serial
                            )
        except Exception as error:  # noqa: BLE001 - a damaged workbook fails inside openpyxl in many ways
            return refusal(
                display,
                "workbook-unreadable",
                reason=str(error).splitlines()[0][:200] if str(error) else type(error).__name__,
            )
    return grids


@dataclass
class _Used:
    """A sheet's used range: where its cells holding a value stand (``学校!A3:Y4299``), as Excel's Ctrl+End
    finds it but for formatting."""

    first_row: int = 0
    first_column: int = 0
    last_row: int = 0
    last_column: int = 0
    reached: int = 0  # the row where streaming stopped, cells beyond any real report's read

    def add(self, row: int, first: int, last: int) -> None:
        self.first_row = self.first_row or row
        self.last_row = row
        self.first_column = min(self.first_column or first, first)
        self.last_column = max(self.last_column, last)

    def at(self, sheet: str) -> dict[str, Any]:
        """The range as a problem's place and parameters: ``学校!A3:Y4299``, or the sheet's A1 if empty."""
        from openpyxl.utils import get_column_letter

        if not self.first_row:
            return {"cell": f"{sheet}!A1", "sheet": sheet, "range": "—"}
        shown = (
            f"{get_column_letter(self.first_column)}{self.first_row}:"
            f"{get_column_letter(self.last_column)}{self.last_row}"
        )
        where = (self.first_row, self.first_column)
        return {"cell": f"{sheet}!{shown}", "where": where, "sheet": sheet, "range": shown}


_MIDNIGHT = datetime.time()


def _cell(value: Any, kind: str, cell: Any, epoch: datetime.datetime) -> Cell:
    """A non-empty cell as streamed: its value, and what its number format changes in how it shows."""
    shown = getattr(cell, "number_format", "General") or "General"
    serial = None
    if isinstance(value, datetime.date):  # a datetime too: the days since the epoch are the number stored
        moment = (
            value if isinstance(value, datetime.datetime) else datetime.datetime.combine(value, _MIDNIGHT)
        )
        delta = moment - epoch  # (off by one before 1900-03-01, Excel's 29 February 1900: no year is there)
        serial = delta.days + delta.seconds / 86_400
    return Cell(value, False, kind == "e", "" if shown == "General" else shown, serial)


_FORMULA_OR_MERGE = later(rb"<(?:\w+:)?(?:f|mergeCell)[\s>/]")


def _has_formulas_or_merges(raw: bytes) -> bool:
    """Whether any sheet's XML has a formula (``<f>``) or a merged range (``<mergeCell``): a quick look at
    the bytes, bounded by the zip check, that spares a full second parse of most filled templates."""
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return any(
            _FORMULA_OR_MERGE.search(archive.read(info))
            for info in archive.infolist()
            if info.filename.startswith("xl/worksheets/")
        )
