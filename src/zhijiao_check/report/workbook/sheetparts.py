"""A sheet's XML as the tool reads it itself, around openpyxl: its bytes checked before openpyxl parses any
(``scan``: what would cost gigabytes or minutes to parse), and its elements read again where openpyxl loses
what they say (``marks``: formulas and merged ranges; ``damage``: a cell written twice, out of order, in the
wrong row, or referring to a shared text the workbook lacks). ``grids`` says what is found, at the sheet."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import field
from typing import IO, Any

from zhijiao_check.patterns import later
from zhijiao_check.records import record
from zhijiao_check.report.workbook.cells import letters

# A merged range: min_row, min_col, max_row, max_col.
Merge = tuple[int, int, int, int]

# Merged ranges in a sheet: a report's title rows have a few, a roster one for each unit merged down over its
# schools. openpyxl makes an object of each before any row is read (seconds for 200,000 of them).
MAX_MERGES = 10_000
# What no spreadsheet writes, refused in a sheet's bytes before openpyxl parses them: more rows than a sheet
# has (ten million empty ``<row/>``, a zip of 130 KB, took 22 s and 900 MB: each is read as a row), and a row
# of more cells than a sheet has columns (openpyxl parses a row whole, before the streaming counts its cells:
# one cell written five million times in one row, a zip of 170 KB, took 3 GB).
SHEET_ROWS, SHEET_COLUMNS = 1_048_576, 16_384
# Elements in a row (a cell, its value and formula, each run of its text and the run's format): openpyxl
# builds a row whole, at some 170 bytes an element, before any of it is streamed. A row of Excel's 16,384
# cells, each with a formula and its value, has 50,000; a cell of a million runs of text (15 MB) took 500 MB.
ROW_ELEMENTS = 8 * SHEET_COLUMNS
# The most characters a cell of Excel holds: openpyxl cuts a longer text there when it writes one, and no
# spreadsheet saves a longer one. A longer text read is refused at its cell (``grids``): a cell of 150 million
# characters, a zip of 190 KB, took 6 GB to parse.
CELL_CHARACTERS = 32_767
# A cell's text as a sheet's bytes hold it, at its longest: Excel writes a control character as ``_x000D_``,
# seven bytes for one character. A longer run of bytes without a tag is refused before any of it is parsed,
# whatever it is (a text, or a tag's attributes): parsing it costs forty times its size.
TEXT_BYTES = 8 * CELL_CHARACTERS


@record
class Finding:
    """What is wrong in a sheet's XML, as ``grids`` words it: the code of its message, the cell where it
    stands (row and column; 0 when it stands at no cell of the sheet) and the message's parameters."""

    code: str
    row: int = 0
    column: int = 0
    params: Mapping[str, object] = field(default_factory=dict)


@record
class Scan:
    """What a sheet's bytes say before it is parsed: its cells as written (``<c>`` elements, a bound: one in
    a comment counts too), and whether it has a formula or a merged range (read again by ``marks``)."""

    cells: int
    marked: bool
    hidden_rows: frozenset[int] = frozenset()  # the rows hidden (by hand, or by a filter): still read
    hidden_columns: tuple[tuple[int, int], ...] = ()  # the spans of columns hidden (first, last): still read


# An element's start tag, whatever its namespace's prefix (``<c``, ``<x:c``), in a sheet's bytes.
_PREFIX = rb"<(?:[^\s<>/:!?=\"']+:)?"
# A formula (``<f>``) or a merged range (``<mergeCell``): a quick look at the bytes, bounded by the zip check,
# that spares most filled templates a second reading of their XML.
_FORMULA_OR_MERGE = later(_PREFIX + rb"(?:f|mergeCell)[\s>/]")
_MERGE = later(_PREFIX + rb"mergeCell[\s>/]")
_ROW_TAG = later(_PREFIX + rb"row[\s>/]")
_CELL_TAG = later(_PREFIX + rb"c[\s>/]")
_START_TAG = later(rb"<[^/!?]")  # any element's start (``<c``, ``<t>``, ``<b/>``), not an end or a comment
# A run of bytes without a tag longer than any cell's text: each attempt starts at a ``<``, so a sheet of
# runs just shorter is still searched in one pass.
_LONG_RUN = later(rb"<[^<]{%d,}" % TEXT_BYTES)
# A cell's start tag with its reference (``<c r="C7"``), and a cell's end tag.
_CELL_START = later(_PREFIX + rb"c\s[^>]*?\br\s*=\s*[\"']([A-Za-z]{1,3}[0-9]{1,7})[\"']")
_CELL_END = later(rb"</(?:[^\s<>/:!?=\"']+:)?c\s*>")
_REFERENCE = later(r"([A-Za-z]{1,3})([0-9]{1,7})")
# A row's start tag that hides it (``<row r="4" hidden="1">``; LibreOffice writes ``true``), and its number.
_HIDDEN_ROW = later(_PREFIX + rb"row\s[^>]*?\bhidden\s*=\s*[\"'](?:1|true)[\"'][^>]*>")
_ROW_NUMBER = later(rb"\sr\s*=\s*[\"']([0-9]{1,7})[\"']")
# A column span's tag that hides it (``<col min="7" max="7" width="0" hidden="1"/>``), and its bounds.
_HIDDEN_COLUMNS = later(_PREFIX + rb"col\s[^>]*?\bhidden\s*=\s*[\"'](?:1|true)[\"'][^>]*>")
_COLUMN_BOUND = later(rb"\s(min|max)\s*=\s*[\"']([0-9]{1,5})[\"']")


def scan(xml: bytes) -> Scan | Finding:
    """What the sheet's bytes hold, or what in them no spreadsheet writes: checked before openpyxl parses
    them, since its read-only workbook parses a sheet whole on opening where the sheet states no size."""
    if b"mergeCell" in xml and _beyond(_MERGE, xml, MAX_MERGES):  # (a plain search first: far quicker)
        return Finding("too-many-merges", params={"limit": f"{MAX_MERGES:,}"})
    if _beyond(_ROW_TAG, xml, SHEET_ROWS):
        return Finding("rows-beyond-sheet", params={"limit": f"{SHEET_ROWS:,}"})
    overfull = _overfull_row(xml)
    if overfull is not None:
        return overfull
    run = _LONG_RUN.search(xml)
    if run is not None:
        return _long_text(xml, run.start() + 1)
    cells = sum(1 for _ in _CELL_TAG.finditer(xml))
    return Scan(cells, _FORMULA_OR_MERGE.search(xml) is not None, _hidden_rows(xml), _hidden_columns(xml))


def _hidden_rows(xml: bytes) -> frozenset[int]:
    """The numbers of the rows the sheet hides: read all the same, as a hidden sheet is, and said
    (``cellreader``). openpyxl's read-only sheets, which stream the rows, do not tell."""
    if b"hidden" not in xml:  # (a plain search first: most sheets hide nothing)
        return frozenset()
    found = set()
    for tag in _HIDDEN_ROW.finditer(xml):
        number = _ROW_NUMBER.search(tag.group(0))
        if number is not None:
            found.add(int(number.group(1)))
    return frozenset(found)


def _hidden_columns(xml: bytes) -> tuple[tuple[int, int], ...]:
    """The spans of columns the sheet hides (first and last, 1-based): read all the same, and said where a
    field's column is one of them (``cellreader``), since a blank there is missing data the clerk cannot
    see, and a figure there counts though it is out of sight."""
    if b"hidden" not in xml:  # (a plain search first: most sheets hide nothing)
        return ()
    found = []
    for tag in _HIDDEN_COLUMNS.finditer(xml):
        bounds = {name: int(value) for name, value in _COLUMN_BOUND.findall(tag.group(0))}
        if b"min" in bounds:
            found.append((bounds[b"min"], bounds.get(b"max", bounds[b"min"])))
    return tuple(found)


def too_long(row: int, column: int) -> Finding:
    """A cell's text longer than Excel's cells hold, at that cell."""
    return Finding("cell-text-too-long", row, column, {"limit": f"{CELL_CHARACTERS:,}"})


def _long_text(xml: bytes, start: int) -> Finding:
    """The run of bytes from ``start`` is longer than any cell's text: at the cell whose start tag comes last
    before it, unless that cell ended before it (the run is then in no cell: said of the sheet). A cell's
    start tag is shorter than the run, and so are the elements between it and its text."""
    last = None
    for last in _CELL_START.finditer(xml, max(0, start - 2 * TEXT_BYTES), start + 64):
        pass
    reference = None if last is None else _reference(last.group(1).decode("ascii"))
    if last is None or reference is None:
        return _outside()
    tag_end = xml.find(b">", last.end())
    if 0 <= tag_end < start and (
        xml[tag_end - 1 : tag_end] == b"/" or _CELL_END.search(xml, tag_end, start) is not None
    ):
        return _outside()  # the cell ended before the run
    return too_long(*reference)


def _outside() -> Finding:
    return Finding("sheet-text-too-long", params={"limit": f"{TEXT_BYTES:,}"})


def _beyond(tag: re.Pattern[bytes], xml: bytes, bound: int, start: int = 0, end: int | None = None) -> bool:
    """Whether the sheet's XML (from ``start`` to ``end``) has more than ``bound`` of the elements ``tag``
    finds, counted in its bytes (one in a comment counts too: a bound, not a count)."""
    found = tag.finditer(xml, start, len(xml) if end is None else end)
    return next(itertools.islice(found, bound, None), None) is not None


# What a row of a sheet's XML holds at most: (what counts, how many, the fewest bytes each takes, its code).
_ROW_BOUNDS = (
    (_CELL_TAG, SHEET_COLUMNS, 4, "row-beyond-columns"),  # ``<c/>``
    (_START_TAG, ROW_ELEMENTS, 3, "row-overfull"),  # ``<t>`` (ended by ``</t>``), ``<b/>``
)


def _overfull_row(xml: bytes) -> Finding | None:
    """A row of the sheet's XML with more cells than a sheet has columns, or more elements than any row
    holds: each row's counted where it is long enough to hold so many, and only when the sheet has so many
    at all. What comes before the first row and after the last counts as a row (its columns' widths, its
    merged ranges: far fewer)."""
    bounds = [bound for bound in _ROW_BOUNDS if _beyond(bound[0], xml, bound[1])]
    if not bounds:
        return None
    previous = 0
    for start in itertools.chain((row.start() for row in _ROW_TAG.finditer(xml)), (len(xml),)):
        for tag, most, least, code in bounds:
            if start - previous > least * most and _beyond(tag, xml, most, previous, start):
                return Finding(code, params={"limit": f"{most:,}"})
        previous = start
    return None


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _FORMULA, _VALUE, _MERGE_CELL = (
    f"{_MAIN}{name}" for name in ("row", "c", "f", "v", "mergeCell")
)
_SHEET_DATA, _MERGE_CELLS = f"{_MAIN}sheetData", f"{_MAIN}mergeCells"


def marks(source: IO[bytes]) -> tuple[list[tuple[int, int]], list[Merge]]:
    """Where the sheet's formulas stand, and its merged ranges: its XML streamed, each row let go once read.
    A cell without its own reference (``r``) follows the one before, as openpyxl places it."""
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils.cell import coordinate_to_tuple

    formulas: list[tuple[int, int]] = []
    merges: list[Merge] = []
    parent: Any = None  # sheetData or mergeCells: emptied as its children are read
    row = column = 0
    for event, element in iterparse(source, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag in (_SHEET_DATA, _MERGE_CELLS):
                parent = element
            elif tag == _ROW:  # (read after streaming, which refused a row number that is none)
                number = _row_number(element.get("r"), row)
                row, column = row + 1 if number is None else number, 0
            continue
        if tag == _CELL:
            reference = element.get("r")
            at = coordinate_to_tuple(reference) if reference else (row, column + 1)
            column = at[1]
            if element.find(_FORMULA) is not None:
                formulas.append(at)
        elif tag == _ROW and parent is not None:
            parent.clear()
        elif tag == _MERGE_CELL:
            merges.append(_bounds(element.get("ref", "")))
            if parent is not None:
                parent.clear()
    return formulas, merges


def damage(source: IO[bytes], strings: int) -> Finding | None:
    """The first cell of the sheet's XML that openpyxl reads other than as written, or cannot read: one
    written twice (the last is kept), after a later one or in a row after a later row (skipped), in a row
    it does not name or at no place of a sheet (``C0``), or referring to a shared text beyond the
    workbook's ``strings``. Read only when streaming lost a cell, placed one oddly or failed: a damaged file,
    or one no spreadsheet saved."""
    from xml.etree.ElementTree import iterparse

    parent: Any = None
    row = column = 0
    last = (0, 0)  # the cell before
    columns: set[int] = set()  # the columns of the cells of the row ``last`` stands in
    for event, element in iterparse(source, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == _SHEET_DATA:
                parent = element
            elif tag == _ROW:
                number = _row_number(element.get("r"), row)
                if number is None:  # openpyxl fails on it: the sheet's, since its cells have no row
                    return Finding("row-number-invalid", params={"row": element.get("r", "")})
                row, column = number, 0
            continue
        if tag == _ROW and parent is not None:
            parent.clear()
        if tag != _CELL:
            continue
        written = element.get("r")
        at = _reference(written) if written else (row, column + 1)
        if at is None or not _on_sheet(*at):
            # at the place openpyxl reads it (``C0`` in row 7 as C7), if that is one
            place = (row, at[1]) if at and _on_sheet(row, at[1]) else (0, 0)
            return Finding("cell-reference-invalid", *place, {"ref": written or _name(at or (row, 0))})
        name = _name(at)
        if at[0] != row:  # openpyxl reads it in the row it stands in, Excel where it names
            return Finding("cell-in-other-row", *at, {"ref": name, "row": row})
        column = at[1]
        if row == last[0] and column in columns:
            return Finding("cell-repeated", row, column, {"ref": name})
        if at < last:
            return Finding("cell-out-of-order", row, column, {"ref": name, "after": _name(last)})
        if row != last[0]:
            columns = set()
        columns.add(column)
        last = at
        if element.get("t") == "s":
            index = element.findtext(_VALUE)
            if index and not _within(index, strings):
                return Finding("shared-string-missing", row, column, {"index": index, "count": strings})
    return None


class ForwardTexts:
    """A workbook's shared texts as a cell refers to them, counted from the first only: openpyxl reads a
    cell's ``<v>-1</v>`` as Python's last text, where no text is numbered so. A negative number is beyond
    them, as one past the last is: openpyxl's parser fails on it, and ``damage`` says so at the cell."""

    def __init__(self, texts: Sequence[Any]) -> None:
        self._texts = texts

    def __getitem__(self, index: int) -> Any:
        if index < 0:
            raise IndexError(index)
        return self._texts[index]

    def __len__(self) -> int:
        return len(self._texts)


def _on_sheet(row: int, column: int) -> bool:
    return 1 <= row <= SHEET_ROWS and 1 <= column <= SHEET_COLUMNS


def _within(index: str, count: int) -> bool:
    """Whether a cell's shared text ``index`` (as written) is one of the workbook's ``count``."""
    try:
        return 0 <= int(index) < count
    except ValueError:
        return False


def _reference(written: str) -> tuple[int, int] | None:
    """``C7`` as (7, 3); None for what is no cell's reference."""
    from openpyxl.utils.cell import column_index_from_string

    found = _REFERENCE.fullmatch(written)
    if found is None:
        return None
    return int(found.group(2)), column_index_from_string(found.group(1).upper())


def _name(at: tuple[int, int]) -> str:
    """A cell's reference (``C7``) for a finding's message. Its column is held to those openpyxl names
    (A to ZZZ, beyond a sheet's XFD): the cell named may be one no sheet has (``C0``, a column past XFD),
    and saying so must not fail for want of letters."""
    return f"{letters(min(max(at[1], 1), 18_278))}{at[0]}"


def _row_number(written: str | None, previous: int) -> int | None:
    """A row's number as openpyxl reads it: its ``r`` (``5`` or ``5.0``), else the one after the last; None
    for what openpyxl fails on (``abc``, ``5.5``, ``inf``)."""
    if written is None:
        return previous + 1
    try:
        number = float(written)
    except ValueError:
        return None
    if not number.is_integer():
        return None
    return int(number)


def _bounds(ref: str) -> Merge:
    """A merged range's bounds: ``D300:XFD1048576`` is (300, 4, 1048576, 16384); a whole column (``A:A``) or
    row (``3:3``) reaches the sheet's edge."""
    from openpyxl.utils.cell import range_boundaries

    min_col, min_row, max_col, max_row = range_boundaries(ref)
    return (min_row or 1, min_col or 1, max_row or SHEET_ROWS, max_col or SHEET_COLUMNS)
