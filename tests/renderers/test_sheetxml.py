"""The workbook's own cell writer (``renderers/sheetxml.py``) writes every part of a workbook byte for byte as
openpyxl writes it from the same cells, whatever the values and styles: text of any characters (spaces at
the ends, XML's own characters, what UTF-8 cannot hold), numbers that are not finite, booleans, empty and
styled empty cells, rows of any length, over several sheets; and fails where openpyxl fails (a control
character). Text that openpyxl would take for a formula or an error code is text, as openpyxl writes a cell
whose type is set to text."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import IllegalCharacterError

from zhijiao_check.renderers.sheetxml import COMPRESSION, SheetRows, Style, Styles, spliced, styled

CLOCK = "docProps/core.xml"  # the time the workbook was made
STYLES = (
    Style(bold=True, fill="DDEBF7"),
    Style(fill="C6EFCE"),
    Style(fill="FFC7CE"),
    Style(fill="DDEBF7"),
    Style(number_format="0.0%"),
    Style(number_format="0.0"),
    Style(bold=True),
    Style(bold=True, fill="DDEBF7", wrap=True),
    Style(align="right"),
    Style(number_format="0.0", align="right"),
)
TRICKY = (
    "=",
    "=SUM(A1:A2)",
    "#N/A",
    "#DIV/0!",
    " 前后有空格 ",
    "\u3000全角空格",
    "   ",
    "",
    "a&b<c>\"d'\r\n\te",
    "x" * 40000,
)

values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(),
    st.text(st.characters(exclude_categories=())),  # surrogates and control characters too
    st.sampled_from(TRICKY),
)
cells = st.tuples(values, st.none() | st.sampled_from(STYLES))
sheets = st.lists(st.lists(st.lists(cells, max_size=30), max_size=6), min_size=1, max_size=3)

Sheets = Sequence[Sequence[Sequence[tuple[Any, Style | None]]]]


def parts(build: Callable[[], bytes]) -> dict[str, bytes] | type[BaseException]:
    """Every part of the workbook ``build`` makes but its clock; or the kind of error it stops with."""
    try:
        book = build()
    except (IllegalCharacterError, ValueError, OverflowError) as error:  # refused alike, or a bug
        return type(error)
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name != CLOCK}


def openpyxl_workbook(content: Sheets, heights: dict[int, int] | None = None) -> bytes:
    """``heights``: the first sheet's rows' heights in points, by row number."""
    book = Workbook()
    for index, rows in enumerate(content):
        sheet = book.active if index == 0 else book.create_sheet()
        assert sheet is not None
        _layout(sheet)
        for number, row in enumerate(rows, 1):
            sheet.append([value for value, _ in row])
            for column, (value, style) in enumerate(row, 1):
                if isinstance(value, str) and value:
                    sheet.cell(number, column).data_type = "s"  # never a formula nor an error code
                if style is not None:
                    styled(sheet.cell(number, column), style)
        if index == 0:
            for number, height in (heights or {}).items():
                sheet.row_dimensions[number].height = height
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def our_workbook(content: Sheets, heights: dict[int, int] | None = None) -> bytes:
    book = Workbook()
    written = []
    for index, rows in enumerate(content):
        sheet = book.active if index == 0 else book.create_sheet()
        assert sheet is not None
        _layout(sheet)
        if index == 0:
            styles = Styles(sheet)
        cells = SheetRows(styles)
        for number, row in enumerate(rows, 1):
            cells.append(
                [value for value, _ in row],
                {column: style for column, (_, style) in enumerate(row, 1) if style is not None},
                height=(heights or {}).get(number) if index == 0 else None,
            )
        written.append(cells)
    out = io.BytesIO()
    book.save(out)
    return spliced(
        out.getvalue(), {sheet.path[1:]: cells for sheet, cells in zip(book, written, strict=True)}
    )


def _layout(sheet: Any) -> None:
    sheet.column_dimensions["B"].width = 30
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = "A1:C3"


@settings(max_examples=80, deadline=None)
@given(sheets)
def test_the_cells_are_written_as_openpyxl_writes_them(content: Sheets) -> None:
    assert parts(lambda: our_workbook(content)) == parts(lambda: openpyxl_workbook(content))


def test_a_results_workbook_of_every_kind_of_cell_is_openpyxl_s() -> None:
    """The cells the results' sheets hold, each kind at least once, in a fixed example."""
    header = Style(bold=True, fill="DDEBF7")
    content = [
        [
            [("年度", header), ("单位", header), ("得分", header), ("c1.rule", header)],
            [
                (2023, None),
                ("零陵区", None),
                (87.5, Style(number_format="0.0")),
                ("pass", Style(fill="C6EFCE")),
            ],
            [(2023, None), ("冷水滩区", None), (None, Style(number_format="0.0")), ("", None)],
        ],
        [[("进度", header)], [(None, Style(number_format="0.0%"))], [(0.4, Style(number_format="0.0%"))]],
    ]
    ours = parts(lambda: our_workbook(content))
    assert ours == parts(lambda: openpyxl_workbook(content))
    assert isinstance(ours, dict)
    assert b'<dimension ref="A1:D3" />' in ours["xl/worksheets/sheet1.xml"]
    assert b'<c r="C3" s="2" t="n" />' in ours["xl/worksheets/sheet1.xml"]  # a styled empty score
    assert b'<c r="A2" s="4" t="n" />' in ours["xl/worksheets/sheet2.xml"]  # the fourth style met


def test_every_part_is_deflated_at_the_workbook_s_own_level() -> None:
    """``COMPRESSION``: what is in each part is openpyxl's (above); only how hard it is compressed differs."""
    rows = [[(f"单位{n}", None), (n * 1.5, Style(number_format="0.0")), ("pass", None)] for n in range(2000)]
    book = our_workbook([rows])
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        sheet = archive.getinfo("xl/worksheets/sheet1.xml")
        assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_DEFLATED}
        data = archive.read(sheet)
    deflated = zlib.compressobj(COMPRESSION, zlib.DEFLATED, -15)
    assert sheet.compress_size == len(deflated.compress(data) + deflated.flush())


def test_a_control_character_is_refused_as_openpyxl_refuses_it() -> None:
    content = [[[("bell\x07", None)]]]
    assert parts(lambda: our_workbook(content)) is IllegalCharacterError
    assert parts(lambda: openpyxl_workbook(content)) is IllegalCharacterError


@pytest.mark.parametrize("text", ["=SUM(A1:A2)", '=HYPERLINK("http://example.com","x")', "#N/A", "#DIV/0!"])
def test_text_that_reads_like_a_formula_or_an_error_is_text(text: str) -> None:
    book = our_workbook([[[(text, None)]]])
    cell = load_workbook(io.BytesIO(book)).active["A1"]  # type: ignore[index]
    assert (cell.data_type, cell.value) == ("s", text)


def test_a_wrapped_header_in_a_taller_row_is_openpyxl_s() -> None:
    """汇总's header: the rules' labels wrapped, the row as tall as their lines; "—" at a number's edge."""
    header = Style(bold=True, fill="DDEBF7")
    wrapped = Style(bold=True, fill="DDEBF7", wrap=True)
    content = [
        [
            [("年度", header), ("得分", header), ("职普比\nc1.vocational-share", wrapped)],
            [(2023, None), ("—", Style(number_format="0.0", align="right")), ("达标", Style(fill="C6EFCE"))],
        ]
    ]
    ours = parts(lambda: our_workbook(content, {1: 64}))
    assert ours == parts(lambda: openpyxl_workbook(content, {1: 64}))
    assert isinstance(ours, dict)
    assert b'<row r="1" ht="64" customHeight="1">' in ours["xl/worksheets/sheet1.xml"]
    assert b'wrapText="1"' in ours["xl/styles.xml"] and b'horizontal="right"' in ours["xl/styles.xml"]
