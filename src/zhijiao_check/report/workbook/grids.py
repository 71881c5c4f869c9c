"""A workbook's sheets read into grids of cells, bounded before anything is parsed: the file's size, the zip's
entry count and declared uncompressed size (a zip bomb), each sheet's size and bytes (``sheetparts``), then
the rows and cells while streaming, and the cells as written where streaming read them otherwise. Report
workbooks (``read``) and the bureau's roster (``report.roster``) are read this way."""

from __future__ import annotations

import bisect
import datetime
import io
import os
import re
import warnings
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any
from xml.etree.ElementTree import ParseError

from zhijiao_check.files import read_file
from zhijiao_check.patterns import later
from zhijiao_check.problems import WORKBOOK_LIMITS, Problem, Severity, of_a_report
from zhijiao_check.records import record
from zhijiao_check.report.workbook.cells import cell_name, letters
from zhijiao_check.report.workbook.partxml import xml_damage
from zhijiao_check.report.workbook.sheetparts import (
    CELL_CHARACTERS,
    Finding,
    ForwardTexts,
    Merge,
    Scan,
    damage,
    marks,
    scan,
    too_long,
)
from zhijiao_check.report.workbook.stored import NotANumber, strict_numbers
from zhijiao_check.wording import msg

MAX_ROWS = 50_000  # rows holding a value
# Cells holding a value: a unit's workbook has about 10,000, and a few rows of 16,384 columns could hold
# millions under 10 MiB. A formatted blank cell (a border drawn down to row 4,300) holds none.
MAX_CELLS = 100_000
# Cells streamed, blank ones included (a formatted cell is read though empty): each costs a few microseconds,
# so this bounds the seconds a file of formatted nothing takes (about 4 s) far above any clerk's formatting.
MAX_STREAMED = 1_000_000
# Any part besides the sheets (styles, shared strings, comments) is parsed whole on opening, at a few seconds
# a megabyte for styles: a real one is tens of kilobytes, and 500,000 cell styles fit a zip of 128 KB.
MIB = 1024 * 1024
MAX_PART = MIB
_STREAMED = later(r"xl/worksheets/sheet\d+\.xml")
# A sheet's XML, its bytes read whole and searched before openpyxl parses them (``sheetparts.scan``). The
# template filled up to ``MAX_CELLS`` (1,750 schools of four majors, or 12,500 majors on one sheet) writes
# under 10 MiB for its largest sheet, at some 60 bytes a cell written by openpyxl (Excel's shared texts
# make it smaller): a larger sheet holds far more than any report, and its bytes are not read.
MAX_SHEET = 16 * MIB
MAX_ENTRIES = 1_000  # a workbook has a few dozen parts
MAX_UNCOMPRESSED = 200 * MIB  # every part together


@record
class Cell:
    value: Any
    formula: bool = False  # a formula (the value is its cached result, None if it has none)
    error: bool = False  # a cached error such as #DIV/0!
    number_format: str = ""  # the cell's number format when it is not General (``0%``, ``yyyy-mm-dd``)
    serial: float | None = None  # for a date (a number shown in a date format): the number stored
    # A cell typed as a number whose stored value is none (``<v>NaN</v>``, ``<v>0x1</v>``): ``value`` is the
    # text stored, said at the cell where a field reads it (``cellreader``).
    not_a_number: bool = False


@dataclass
class Grid:
    """One sheet's non-empty cells by (row, column), 1-based, also indexed by row: a table is read row by
    row, and a walk through every cell for each row took minutes for 45,000 rows of one cell each."""

    title: str
    hidden: bool
    chart: bool = False  # a chart sheet (a chart alone, no cells): read as an empty sheet, never as a table
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)  # added by ``put``, which indexes them
    merged: list[Merge] = field(default_factory=list)
    # Formulas whose cached result is empty text (``=IF(D3>2100,D3,"")`` saved by Excel, WPS or LibreOffice:
    # ``<c t="str"><f>…</f><v></v></c>``): blank cells, as they show. A formula with no cached value at all
    # (written by a program and never opened) has no type and is not among them.
    blank_results: set[tuple[int, int]] = field(default_factory=set)
    hidden_rows: frozenset[int] = frozenset()  # rows hidden (by hand or by a filter), read all the same
    hidden_columns: tuple[tuple[int, int], ...] = ()  # column spans hidden (first, last), read all the same
    _by_row: dict[int, dict[int, Cell]] = field(default_factory=dict, repr=False)
    # For each column asked about, the merged ranges across it by first row, and at each of them the range
    # reaching lowest so far (``merge_at``).
    _spans: dict[int, tuple[list[int], list[Merge]]] = field(default_factory=dict, repr=False)

    def put(self, row: int, column: int, cell: Cell) -> None:
        self.cells[(row, column)] = cell
        self._by_row.setdefault(row, {})[column] = cell

    def get(self, row: int, column: int) -> Cell | None:
        return self.cells.get((row, column))

    def rows(self) -> list[int]:
        return sorted(self._by_row)

    def row(self, row: int) -> Mapping[int, Cell]:
        return self._by_row.get(row, _NO_CELLS)

    def merge_at(self, row: int, column: int) -> Merge | None:
        """The merged range that covers the cell, if any: a search among the ranges across its column, so
        that a lookup per cell of a long table stays quick however many ranges there are. Of overlapping
        ranges (which Excel refuses to open), the one reaching lowest."""
        spans = self._spans.get(column)
        if spans is None:
            spans = self._spans[column] = _spans(self.merged, column)
        starts, reach = spans
        index = bisect.bisect_right(starts, row) - 1
        if index >= 0 and reach[index][2] >= row:
            return reach[index]
        return None


_NO_CELLS: Mapping[int, Cell] = MappingProxyType({})


def _spans(merged: list[Merge], column: int) -> tuple[list[int], list[Merge]]:
    across = sorted(merge for merge in merged if merge[1] <= column <= merge[3])
    starts = [merge[0] for merge in across]
    reach: list[Merge] = []
    for merge in across:
        reach.append(merge if not reach or merge[2] > reach[-1][2] else reach[-1])
    return starts, reach


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
    if code == "not-a-workbook":  # its advice is a command to run: the words to replace in it
        from zhijiao_check.report.workbook.advice import command_params

        params = {**command_params(display), **params}
    return Problem(
        display, line, column, path, code, _of_a_report(code, params), severity, area="workbook", cell=cell
    )


def _check_zip(raw: bytes, display: str) -> Problem | None:
    """A workbook is a zip: refuse what is not one, and a zip that would unpack beyond any real workbook."""
    if raw.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE file: the old .xls format, or an encrypted .xlsx
        return refusal(display, "xls-or-encrypted")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            infos = archive.infolist()
            mimetype = archive.read("mimetype")[:100] if "mimetype" in archive.namelist() else b""
    except (zipfile.BadZipFile, ValueError, OSError, KeyError):
        code = _not_a_zip(raw)
        if code == "yaml-not-xlsx":
            return refusal(display, code, suffix=_suffix(display))
        return refusal(display, code)
    entries = f"{len(infos):,}"
    if len(infos) > MAX_ENTRIES:
        return refusal(display, "zip-bomb", what=msg("workbook.zip-bomb-parts", entries=entries))
    declared = sum(info.file_size for info in infos)
    if declared > MAX_UNCOMPRESSED:
        size, limit = f"{declared / MIB:.0f}", f"{MAX_UNCOMPRESSED // MIB}"
        what = msg("workbook.zip-bomb-size", entries=entries, size_mib=size, limit=limit)
        return refusal(display, "zip-bomb", what=what)
    large = next(
        (info for info in infos if info.file_size > MAX_PART and not _STREAMED.fullmatch(info.filename)), None
    )
    if large is not None:
        size, limit = f"{large.file_size / MIB:.1f}", f"{MAX_PART // MIB}"
        what = msg("workbook.zip-bomb-part", part=large.filename, size_mib=size, limit=limit)
        return refusal(display, "zip-bomb", what=what)
    repeated = _repeated_part(infos)
    if repeated is not None:
        return refusal(display, "part-repeated", part=repeated)
    if not any(info.filename == "xl/workbook.xml" for info in infos):
        # an OpenDocument spreadsheet (LibreOffice, WPS's "另存为 .ods") renamed .xlsx
        if b"opendocument" in mimetype:
            return refusal(display, "ods-not-xlsx", suffix=_suffix(display))
        return refusal(display, "not-a-workbook")
    return None


def _repeated_part(infos: list[zipfile.ZipInfo]) -> str | None:
    """The first part the zip holds twice, if any: Python's zip reads the last copy without a word, where
    Excel repairs the file or shows another copy (a figure of 28 read as 900). Part names are compared as
    the Open Packaging Conventions compare them, regardless of case (``Sheet2.xml`` is ``sheet2.xml``)."""
    seen: set[str] = set()
    for info in infos:
        name = info.filename.lower()
        if name in seen:
            return info.filename
        seen.add(name)
    return None


def _suffix(display: str) -> str:
    """The suffix the file is named with, as typed (``.xlsm``, ``.XLSX``): the words that tell a file named
    as a workbook what it is name its own (an .xlsm was told it was "named .xlsx")."""
    return os.path.splitext(display)[1] or ".xlsx"


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
    """Every sheet's cells, or the problem that stops the workbook being read."""
    import openpyxl

    with warnings.catch_warnings():
        # openpyxl warns of extensions it drops (conditional formats, slicers)
        warnings.simplefilter("ignore")
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as archive, strict_numbers():
                scans = _scan_sheets(archive, display)
                if isinstance(scans, Problem):
                    return scans
                values = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
                try:
                    tally = _Tally()
                    grids: list[Grid] = []
                    for sheet in values.worksheets:
                        grid = _sheet(sheet, archive, scans, tally, values.epoch, display)
                        if isinstance(grid, Problem):
                            return grid
                        grids.append(grid)
                    grids = _with_charts(grids, values)
                finally:
                    values.close()
        except MemoryError:
            # a shape no bound foresaw: this file is refused, and the others are still read
            return refusal(display, "out-of-memory")
        except ParseError as error:  # a part that is no well-formed XML, or declares entities (a bomb)
            code, params = xml_damage(raw, error)
            return refusal(display, code, **params)
        except Exception as error:  # noqa: BLE001 - a damaged workbook fails inside openpyxl in many ways
            return refusal(
                display,
                "workbook-unreadable",
                reason=str(error).splitlines()[0][:200] if str(error) else type(error).__name__,
            )
    return grids


def _with_charts(grids: list[Grid], workbook: Any) -> list[Grid]:
    """The worksheets and the chart sheets, in the workbook's order: openpyxl lists them apart, and a chart
    sheet left out was never named, where every other sheet not read is (``sheetnames``)."""
    charts = [
        Grid(str(sheet.title), sheet.sheet_state != "visible", chart=True) for sheet in workbook.chartsheets
    ]
    if not charts:
        return grids
    order = {name: index for index, name in enumerate(workbook.sheetnames)}
    return sorted([*grids, *charts], key=lambda grid: order.get(grid.title, len(order)))


def _scan_sheets(archive: zipfile.ZipFile, display: str) -> dict[str, Scan] | Problem:
    """Each sheet's bytes checked (``sheetparts.scan``) before openpyxl opens the workbook, which parses a
    sheet that states no size whole: its size first, then its merged ranges, rows, each row's cells and its
    longest run of text. By part; or the problem of the first sheet that holds what no report does."""
    scans: dict[str, Scan] = {}
    for info in archive.infolist():
        if not _STREAMED.fullmatch(info.filename):
            continue
        if info.file_size > MAX_SHEET:
            size, limit = f"{info.file_size / MIB:.1f}", f"{MAX_SHEET // MIB}"
            found: Scan | Finding = Finding("sheet-too-large", params={"size_mib": size, "limit": limit})
        else:
            found = scan(archive.read(info))
        if isinstance(found, Finding):
            return _found(display, _title(archive, info.filename), found)
        scans[info.filename] = found
    return scans


def _found(display: str, sheet: str, found: Finding) -> Problem:
    """What ``sheetparts`` found in a sheet, at its cell (or at the sheet's A1)."""
    row, column = (found.row, found.column) if found.row else (1, 1)
    params = _of_a_report(found.code, {"sheet": sheet, **found.params})
    at = cell_name(sheet, row, column)
    return Problem(display, row, column, "", found.code, params, area="workbook", cell=at)


def _of_a_report(code: str, params: dict[str, object]) -> dict[str, object]:
    """A limit's message says what kind of file is far smaller (``file_kind``): a unit report, unless the
    reader of another kind says which (``problems.said_of``: a roster kept as a workbook)."""
    return {"file_kind": of_a_report(), **params} if code in WORKBOOK_LIMITS else params


_RELATIONSHIPS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _title(archive: zipfile.ZipFile, part: str) -> str:
    """The name of the sheet whose XML is ``part``, as the workbook lists its sheets (said only of a sheet
    refused before openpyxl reads the list); the part's own name if no sheet is it."""
    import posixpath
    from xml.etree.ElementTree import ParseError, fromstring

    try:  # parts of at most MAX_PART (``_check_zip``)
        book = fromstring(archive.read("xl/workbook.xml"))
        relationships = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ParseError):
        return part
    targets = {}
    for relationship in relationships:
        target = relationship.get("Target", "")
        targets[relationship.get("Id")] = (
            target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        )
    for sheet in book.iter():
        if sheet.tag.endswith("}sheet") and targets.get(sheet.get(_RELATIONSHIPS)) == part:
            return sheet.get("name") or part
    return part


def _sheet(
    sheet: Any,
    archive: zipfile.ZipFile,
    scans: dict[str, Scan],
    tally: _Tally,
    epoch: datetime.datetime,
    display: str,
) -> Grid | Problem:
    """A sheet's cells: its bytes checked first (``_scan_sheets``), then its cached values streamed
    (bounding the rows and cells), then its XML read again where streaming lost, misplaced or could not read
    a cell (``sheetparts.damage``: said at that cell), and for its formulas and merged ranges where it has
    any."""
    grid = Grid(str(sheet.title), sheet.sheet_state != "visible")
    part = _part(sheet)
    # a cell's shared text numbered -1 refused as one past the last is, not read as Python's last
    sheet._shared_strings = ForwardTexts(sheet._shared_strings)
    scanned = scans.get(part)
    if scanned is None:  # a sheet's XML named otherwise than Excel names it: a part of at most MAX_PART
        found = scan(archive.read(part))
        if isinstance(found, Finding):
            return _found(display, grid.title, found)
        scanned = found
    try:
        streamed = _stream(sheet, grid, tally, epoch, display, scanned.cells)
    except (IndexError, ValueError):  # openpyxl's parser, on a shared text that is not there, a bad number…
        damaged = _damage(archive, part, sheet)
        if damaged is None:
            raise  # said as the workbook's damage, in openpyxl's words
        return _found(display, grid.title, damaged)
    if isinstance(streamed, Problem):
        return streamed
    grid.hidden_rows = scanned.hidden_rows
    grid.hidden_columns = scanned.hidden_columns
    if not streamed:
        damaged = _damage(archive, part, sheet)
        if damaged is not None:
            return _found(display, grid.title, damaged)
    if scanned.marked:  # most filled templates have neither: their XML is read once
        return _mark(archive, part, grid, tally, display) or grid
    return grid


def _damage(archive: zipfile.ZipFile, part: str, sheet: Any) -> Finding | None:
    strings = len(getattr(sheet, "_shared_strings", ()))  # the workbook's shared texts, as openpyxl read them
    with archive.open(part) as source:
        return damage(source, strings)


@dataclass
class _Tally:
    """What the workbook's sheets have used of the bounds so far."""

    rows: int = 0
    cells: int = 0
    streamed: int = 0
    used: dict[str, _Used] = field(default_factory=dict)  # each sheet's used range, by title


def _stream(
    sheet: Any, grid: Grid, tally: _Tally, epoch: datetime.datetime, display: str, written: int
) -> Problem | bool:
    """The sheet's cached values into ``grid``; the problem when it holds more than any report, or a cell
    no spreadsheet holds. Else whether each of the ``written`` cells of its XML was read, in the row it
    names: openpyxl skips or overwrites a cell written out of place without a word."""
    from openpyxl.cell.read_only import EMPTY_CELL

    used = tally.used[grid.title] = _Used()
    sheet.reset_dimensions()  # the stated dimensions may be wrong (or huge): read what is there
    reached = 0  # the row where streaming stopped, cells beyond any real report's read
    read, in_place = 0, True  # the cells read, and whether each named the row it was read in
    for number, row in enumerate(sheet.iter_rows(), 1):
        # A row not in the file is empty: openpyxl yields one for each up to the next (a million before a
        # cell in A1048576), and fills the gaps in a row with its one empty cell.
        filled = []
        for column, cell in enumerate(row, 1):
            if cell is EMPTY_CELL:
                continue
            read += 1
            in_place = in_place and cell.row == number
            value, kind = cell.value, cell.data_type
            if value is None or value == "":
                if kind == "str":  # a formula's cached result, empty text
                    grid.blank_results.add((number, column))
                continue
            if isinstance(value, str) and len(value) > CELL_CHARACTERS:  # a shared text (MAX_PART) or a
                return _found(display, grid.title, too_long(number, column))  # short run (``TEXT_BYTES``)
            filled.append(column)
            if tally.cells + len(filled) <= MAX_CELLS:  # beyond, only where they stand is kept
                try:
                    grid.put(number, column, _cell(value, kind, cell, epoch))
                except IndexError:  # its format's number is beyond the workbook's styles
                    found = Finding("style-missing", number, column, {"index": cell._style_id})
                    return _found(display, grid.title, found)
        tally.streamed += len(row)
        if filled:
            used.add(number, filled[0], filled[-1])
            tally.rows += 1
            tally.cells += len(filled)
            if tally.rows > MAX_ROWS:
                return refusal(display, "too-many-rows", limit=MAX_ROWS)
        if tally.streamed > MAX_STREAMED:
            reached = number
            break
    if tally.cells > MAX_CELLS:  # said once the sheet's used range is known (or as far as streamed)
        return refusal(display, "too-many-cells", limit=f"{MAX_CELLS:,}", **used.at(grid.title))
    if reached:
        limit, row_reached = f"{MAX_STREAMED:,}", f"{reached:,}"
        return refusal(
            display, "too-many-formatted-cells", limit=limit, row=row_reached, **used.at(grid.title)
        )
    return read == written and in_place


def _mark(archive: zipfile.ZipFile, part: str, grid: Grid, tally: _Tally, display: str) -> Problem | None:
    """The sheet's formulas and merged ranges, from its XML: a formula with no cached value is a cell of its
    own (bounded with the others). openpyxl's full load made an object for every cell of a merged range,
    gigabytes for ``D300:XFD1048576``; here a range is its four bounds."""
    with archive.open(part) as source:
        formulas, grid.merged = marks(source)
    used = tally.used[grid.title]
    for row, column in formulas:
        if (row, column) in grid.blank_results:
            continue
        old = grid.get(row, column)
        if old is None:
            tally.rows += not grid.row(row)
            tally.cells += 1
            used.add(row, column, column)
            if tally.cells > MAX_CELLS:
                return refusal(display, "too-many-cells", limit=f"{MAX_CELLS:,}", **used.at(grid.title))
            if tally.rows > MAX_ROWS:
                return refusal(display, "too-many-rows", limit=MAX_ROWS)
            old = Cell(None)
        grid.put(row, column, Cell(old.value, True, old.error, old.number_format, old.serial))
    return None


def _part(sheet: Any) -> str:
    """The zip entry of a sheet read by openpyxl's read-only workbook (``xl/worksheets/sheet3.xml``)."""
    part = getattr(sheet, "_worksheet_path", None)
    if not isinstance(part, str):  # refused as unreadable, rather than read without its merges and formulas
        raise TypeError("openpyxl gave no worksheet path")
    return part.lstrip("/")


@dataclass
class _Used:
    """A sheet's used range: where its cells holding a value stand (``学校!A3:Y4299``), as Excel's Ctrl+End
    finds it but for formatting."""

    first_row: int = 0
    first_column: int = 0
    last_row: int = 0
    last_column: int = 0

    def add(self, row: int, first: int, last: int) -> None:
        self.first_row = min(self.first_row or row, row)
        self.last_row = max(self.last_row, row)
        self.first_column = min(self.first_column or first, first)
        self.last_column = max(self.last_column, last)

    def at(self, sheet: str) -> dict[str, Any]:
        """The range as a problem's place and parameters: ``学校!A3:Y4299``, or the sheet's A1 if empty."""
        if not self.first_row:
            return {"cell": f"{sheet}!A1", "sheet": sheet, "range": "—"}
        shown = f"{letters(self.first_column)}{self.first_row}:{letters(self.last_column)}{self.last_row}"
        where = (self.first_row, self.first_column)
        return {"cell": f"{sheet}!{shown}", "where": where, "sheet": sheet, "range": shown}


_MIDNIGHT = datetime.time()


def _cell(value: Any, kind: str, cell: Any, epoch: datetime.datetime) -> Cell:
    """A non-empty cell as streamed: its value, and what its number format changes in how it shows."""
    if cell._style_id < 0:  # openpyxl would read the workbook's last format (Python's ``[-1]``): none is
        raise IndexError(cell._style_id)  # numbered so, refused as a number beyond them is
    if isinstance(value, NotANumber):
        return Cell(value.text, not_a_number=True)
    shown = getattr(cell, "number_format", "General") or "General"
    serial = None
    if isinstance(value, datetime.date):  # a datetime too: the days since the epoch are the number stored
        moment = (
            value if isinstance(value, datetime.datetime) else datetime.datetime.combine(value, _MIDNIGHT)
        )
        delta = moment - epoch  # (off by one before 1900-03-01, Excel's 29 February 1900: no year is there)
        serial = delta.days + delta.seconds / 86_400
    return Cell(value, False, kind == "e", "" if shown == "General" else shown, serial)
