"""A worksheet's cells as SpreadsheetML, byte for byte as openpyxl writes them, in a tenth of its time.

openpyxl builds an ElementTree element for every cell and serialises it with a pure-Python incremental
writer: at 1,000 reports (275,000 cells) that was nearly all of a workbook's own time, and its write-only mode
writes each cell the same way (and leaves out the sheet's ``<dimension>``). The workbook itself stays
openpyxl's: it writes the sheets with their views, columns and filters but without cells, and ``spliced``
puts these rows into each sheet's ``<sheetData>`` and their extent into its ``<dimension>``. The styles are
openpyxl's too, registered in its workbook in the order it would meet them while writing the cells, so its
``styles.xml`` is the same. ``tests/renderers/test_sheetxml.py`` holds this writer to openpyxl's own output.

Text is always written as text. openpyxl would take text that starts with ``=`` for a formula and ``#N/A``
for an error: a file named ``=HYPERLINK(…).yaml`` or a school's name in a report would then run in the
bureau's spreadsheet program. Its equal here is an openpyxl cell whose type is set to text.
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet.worksheet import Worksheet

from zhijiao_check.renderers.texts import MAX_TEXT

# zlib's level for the workbook's parts: 2, not the 6 that openpyxl and ``zipfile`` take by default. A
# 1,000-report workbook's 28 MB of XML is compressed in 69 ms instead of 216 (144 at level 5, which the
# workbook had before: 0.95 of the run's time against it) and comes out a third larger (2.79 MB against 2.09;
# 2.19 at level 5), which no mail or share limits at such sizes (a county's run of a few dozen reports is some
# 50 KB either way). Level 1 was no faster (68 ms) and larger (2.93 MB); the levels above 3 match lazily.
COMPRESSION = 2
EMPTY_DIMENSION = b'<dimension ref="A1:A1" />'  # what openpyxl writes for a sheet without cells
EMPTY_DATA = b"<sheetData></sheetData>"


class Style(NamedTuple):
    """A cell's look: bold or not, a solid fill's colour ("" for none), a number format ("" for General),
    whether its text wraps within the column (a header over a narrow column), its horizontal alignment (""
    for the default: text left, numbers right)."""

    bold: bool = False
    fill: str = ""
    number_format: str = ""
    wrap: bool = False
    align: str = ""


class Styles:
    """Each style's index among the workbook's cell formats, given the first time a written cell uses it, as
    openpyxl gives it when it writes that cell (fonts, fills and number formats are registered with openpyxl
    in the same order too)."""

    def __init__(self, sheet: Worksheet) -> None:
        self._sheet = sheet
        self._ids: dict[Style, str] = {}

    def __getitem__(self, style: Style) -> str:
        try:
            return self._ids[style]
        except KeyError:
            return self._ids.setdefault(style, self._register(style))

    def _register(self, style: Style) -> str:
        cell = WriteOnlyCell(self._sheet)  # a cell of no sheet's grid: it only carries the style
        styled(cell, style)
        return str(cell.style_id)


def styled(cell: Cell, style: Style) -> None:
    """``style`` given to an openpyxl cell."""
    if style.bold:
        cell.font = Font(bold=True)
    if style.fill:
        cell.fill = PatternFill("solid", fgColor=style.fill)
    if style.number_format:
        cell.number_format = style.number_format
    if style.wrap or style.align:
        cell.alignment = Alignment(horizontal=style.align or None, wrap_text=style.wrap or None)


class SheetRows:
    """The rows of one sheet, from row 1, each cell written as openpyxl writes it."""

    def __init__(self, styles: Styles) -> None:
        self._styles = styles
        self._letters: list[str] = [""]
        self._heads: list[bytes] = [b""]  # each column's cell reference up to its row's number
        self._looks: dict[Style, bytes] = {}  # each style's attribute, its number given by ``styles``
        # the sheet's XML, encoded piece by piece (a text once) and added to one buffer as it is made: a
        # list of the pieces joined at the end took twice the time at 1,000 reports (1.5 million pieces,
        # 0.1 s to join) and 12 MB of pointers
        self._xml = bytearray()
        # each text's cell after its reference and style, made once: a workbook's texts recur row after row
        # (a rule's title, a status, a unit's name), and checking and escaping one is most of writing it
        self._texts: dict[str, bytes] = {}
        self._rows = 0  # rows appended
        self._extent = (0, 0, 0)  # the first and last rows with a cell, and the widest

    def append(
        self, values: Sequence[Any], styles: Mapping[int, Style] | None = None, *, height: int | None = None
    ) -> None:
        """One row; ``styles`` by column number (from 1) for the cells that have one; ``height`` in points,
        for a row whose wrapped text needs more than one line (Excel does not grow a row on opening)."""
        self._rows += 1
        if not values:
            return  # openpyxl has no cell there, so writes no row
        number = str(self._rows)
        first, _, columns = self._extent
        self._extent = (first or self._rows, self._rows, max(columns, len(values)))
        while len(self._letters) <= len(values):
            self._letters.append(get_column_letter(len(self._letters)))
            self._heads.append(f'<c r="{self._letters[-1]}'.encode())
        out, texts, heads, looks = self._xml, self._texts, self._heads, self._looks
        # openpyxl's row dimension: ``ht`` and ``customHeight``, in that order
        high = "" if height is None else f' ht="{height}" customHeight="1"'
        out += f'<row r="{number}"{high}>'.encode()
        reference = f'{number}"'.encode()
        for column, value in enumerate(values, 1):
            style = styles.get(column) if styles else None
            if value is None and style is None:
                continue  # an empty cell with no style is not written
            out += heads[column]
            out += reference
            if style is not None:
                look = looks.get(style)
                if look is None:  # the style's number is given the first time a cell has it
                    look = looks[style] = f' s="{self._styles[style]}"'.encode()
                out += look
            if value.__class__ is str:
                tail = texts.get(value)
                if tail is None:
                    tail = texts[value] = _encoded(_text("", value))
                out += tail
            else:
                out += _encoded(_cell("", value))
        out += b"</row>"

    @property
    def dimension(self) -> str:
        """The cells' extent, as openpyxl gives it in ``<dimension>`` (every row with cells has column A)."""
        first, last, columns = self._extent
        return f"A{first}:{get_column_letter(columns)}{last}" if columns else "A1:A1"

    def xml(self) -> bytearray:
        """The rows' XML: the buffer they are written to, not a copy (read it once the rows are written)."""
        return self._xml


def _encoded(xml: str) -> bytes:
    # openpyxl writes a sheet through a text file that replaces what UTF-8 cannot hold by a reference
    return xml.encode("utf-8", "xmlcharrefreplace")


def _cell(head: str, value: Any) -> str:
    """One ``<c>`` element: ``head`` (its reference and style) and the value, typed as openpyxl types it."""
    kind = type(value)
    if kind is str:
        return _text(head, value)
    if kind is int or kind is float:
        return _number(head, "n", value)
    if value is None:
        return f'{head} t="n" />'
    if isinstance(value, bool):
        return _number(head, "b", value)
    if isinstance(value, int | float | Decimal):
        return _number(head, "n", value)
    if isinstance(value, str):
        return _text(head, str(value))  # an enumeration's member: its value
    raise ValueError(f"Cannot convert {value!r} to Excel")  # openpyxl's words for a value it cannot hold


def _number(head: str, kind: str, value: float | Decimal) -> str:
    if math.isnan(value) or math.isinf(value):
        return f'{head} t="{kind}"><v /></c>'  # openpyxl writes no figure for these
    return f'{head} t="{kind}"><v>{"%.16g" % value}</v></c>'  # noqa: UP031 -- openpyxl's very format


def _text(head: str, value: str) -> str:
    value = value[:MAX_TEXT]
    if ILLEGAL_CHARACTERS_RE.search(value):
        raise IllegalCharacterError(f"{value} cannot be used in worksheets.")
    if not value:
        return f'{head} t="inlineStr" />'
    stripped = value.strip()
    space = ' xml:space="preserve"' if stripped and stripped != value else ""
    return f'{head} t="inlineStr"><is><t{space}>{_escaped(value)}</t></is></c>'


def _escaped(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def spliced(book: bytes, sheets: Mapping[str, SheetRows]) -> bytes:
    """The workbook ``book`` (openpyxl's, its sheets without cells) with each sheet part named in ``sheets``
    (``xl/worksheets/sheet1.xml``) holding those rows; every other part as it was, each compressed at
    ``COMPRESSION``."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(book)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            rows = sheets.get(info.filename)
            target.writestr(info, data if rows is None else _filled(data, rows), compresslevel=COMPRESSION)
        if set(sheets) - set(source.namelist()):
            raise RuntimeError(
                f"no sheet part {sorted(set(sheets) - set(source.namelist()))} in the workbook"
            )
    return out.getvalue()


def _filled(sheet: bytes, rows: SheetRows) -> bytearray:
    """An empty sheet's part as openpyxl wrote it, with ``rows`` in its ``<sheetData>`` and their extent in
    its ``<dimension>``: the rows' XML copied once (a 1,000-report workbook's details are 18 MB of it)."""
    sheet = _once(sheet, EMPTY_DIMENSION, f'<dimension ref="{rows.dimension}" />'.encode())
    before, after = _around(sheet, EMPTY_DATA)
    part = bytearray(before)
    part += b"<sheetData>"
    part += rows.xml()
    part += b"</sheetData>"
    part += after
    return part


def _once(data: bytes, old: bytes, new: bytes) -> bytes:
    before, after = _around(data, old)
    return before + new + after


def _around(data: bytes, old: bytes) -> tuple[bytes, bytes]:
    """What stands before and after ``old``, which openpyxl writes once in an empty sheet."""
    if data.count(old) != 1:
        raise RuntimeError(f"openpyxl wrote an empty sheet without {old.decode()} once")
    before, _, after = data.partition(old)
    return before, after
