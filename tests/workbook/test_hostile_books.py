"""Workbooks made to hurt the reader, as an outside tester made them: a sheet's cells far apart, a merged
range of billions of cells, rows and cells no spreadsheet writes, a sheet named twice, a number no cell of
Excel holds. Each is judged at once, as the bad file it is, and never keeps the other files of the run from
being checked."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from clerk import cell_of, edit, keys_of_rows

from zhijiao_check.report.workbook import grids, sheetparts
from zhijiao_check.report.workbook.read import _Reader


def _run(run_cli, *paths: Path, lang: str = "en") -> tuple[int, dict[str, list[dict]]]:
    """The exit code, and each file's problems by its name."""
    result = run_cli("validate", *paths, "-f", "json", "--lang", lang)
    document = json.loads(result.stdout)
    found: dict[str, list[dict]] = {Path(path).name: [] for path in paths}
    for problem in document["problems"]:
        found[Path(problem["file"]).name].append(problem)
    return result.exit_code, found


def _good(book: Path) -> Path:
    """A second, valid workbook of the run: checked whatever the first holds. Of the year after the first's
    (the unit's report of 2024): a copy of the same year would be its duplicate, refused as such when the
    first gives its unit and year plainly though it is invalid."""
    other = book.with_name("other.xlsx")
    other.write_bytes(book.read_bytes())

    def next_year(workbook: Any) -> None:
        cell = cell_of(workbook["本单位"], "year")
        cell.value = int(cell.value) + 1

    return edit(other, next_year)


def _rewritten(path: Path, sheet: str, change: Callable[[bytes], bytes]) -> Path:
    """The workbook with one sheet's XML changed: what openpyxl will not write, or only with gigabytes."""
    index = openpyxl.load_workbook(path, read_only=True).sheetnames.index(sheet) + 1
    part = f"xl/worksheets/sheet{index}.xml"
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts[part] = change(parts[part])
    out = path.with_name(f"rewritten-{path.name}")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out


def _written(book: Path, sheet: str, key: str, number: str) -> Path:
    """The workbook with ``number`` stored in the cell of ``key`` as its XML holds it (``<v>1E400</v>``)."""
    marker = 987654321
    edit(book, lambda b: setattr(cell_of(b[sheet], key), "value", marker))
    stored = f"<v>{number}</v>".encode()
    return _rewritten(book, sheet, lambda xml: xml.replace(f"<v>{marker}</v>".encode(), stored))


def _merged(*refs: str) -> Callable[[bytes], bytes]:
    cells = "".join(f'<mergeCell ref="{ref}"/>' for ref in refs)
    block = f'</sheetData><mergeCells count="{len(refs)}">{cells}</mergeCells>'.encode()
    return lambda xml: xml.replace(b"</sheetData>", block, 1)


# ------------------------------------------------------------------------------------------- cells far apart


def test_a_row_of_4000_cells_and_a_cell_in_the_last_row_are_read_at_once(book, run_cli):
    """Each of the million row numbers below 本单位's fields once walked every cell of the sheet: hours."""

    def change(b):
        sheet = b["本单位"]
        below = max(keys_of_rows(sheet).values()) + 5
        for column in range(11, 4011):
            sheet.cell(below, column, 1)
        sheet.cell(1_048_576, 7, 1)

    edit(book, change)
    status, found = _run(run_cli, book)
    assert status == 0
    blank = [p for p in found[book.name] if p["code"] == "blank-rows"]
    assert "–1048575) were skipped" in blank[-1]["message"]


def test_30000_rows_right_of_a_table_are_read_at_once(book, run_cli):
    """Each row once walked every cell of the sheet: 30,000 rows of 30,000 cells, a minute and more."""

    def change(b):
        for row in range(300, 30_300):
            b["专业"].cell(row, 20, 1)

    edit(book, change)
    status, found = _run(run_cli, book)
    assert status == 0
    assert [(p["code"], p["cell"]) for p in found[book.name]] == [("column-not-read", "专业!T300")]


# ------------------------------------------------------------------------------------------- merged ranges


def test_a_merged_range_of_17_billion_cells_is_an_error_at_its_first_cell(book, run_cli):
    """openpyxl's full load made an object for each of its cells: gigabytes, then a crash or a hang."""
    bomb = _rewritten(book, "专业", _merged("D300:XFD1048576"))
    assert bomb.stat().st_size < 100_000
    status, found = _run(run_cli, bomb, _good(book))
    assert status == 2 and found["other.xlsx"] == []
    [problem] = found[bomb.name]
    assert (problem["code"], problem["cell"], problem["line"], problem["column"]) == (
        "merged-cells",
        "专业!D300",
        300,
        4,
    )
    assert problem["message"].startswith("merged cells D300:XFD1048576: only the first holds the value")
    [zh] = _run(run_cli, bomb, lang="zh")[1][bomb.name]
    assert zh["message"].startswith("合并单元格 D300:XFD1048576：只有第一个格子有值")


def test_more_merged_ranges_than_any_report_has_are_refused_at_the_sheet(book, run_cli):
    """openpyxl makes an object of each before reading a row: 200,000 took seconds, millions fit 10 MiB."""
    refs = [f"A{row}:B{row}" for row in range(400, 400 + sheetparts.MAX_MERGES + 1)]
    bomb = _rewritten(book, "实训基地", _merged(*refs))
    status, found = _run(run_cli, bomb, _good(book))
    assert status == 2 and found["other.xlsx"] == []
    [problem] = found[bomb.name]
    assert (problem["code"], problem["cell"]) == ("too-many-merges", "实训基地!A1")
    assert problem["message"].startswith('the sheet "实训基地" has more than 10,000 merged ranges')
    [zh] = _run(run_cli, bomb, lang="zh")[1][bomb.name]
    assert zh["message"].startswith("工作表“实训基地”中的合并单元格超过 10,000 处")
    # as many as the bound are read: each over data an error of its own
    status, found = _run(run_cli, _rewritten(book, "实训基地", _merged(*refs[:-1])))
    codes = [p["code"] for p in found["rewritten-dongan.xlsx"]]
    assert status == 2 and set(codes[:-1]) == {"merged-cells"} and codes[-1] == "too-many-problems"


def test_a_merge_is_found_among_thousands_of_others_for_each_cell_of_a_long_roster(run_cli, tmp_path):
    """A unit merged down over its schools counts for each: looked up per cell among 9,000 ranges."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["单位", "学校名称"])
    for unit in range(9_000):
        sheet.append([f"单位{unit}", f"学校{unit}甲"])
        sheet.append([None, f"学校{unit}乙"])
    roster = tmp_path / "名册.xlsx"
    book.save(roster)
    refs = [f"A{row}:A{row + 1}" for row in range(2, 18_002, 2)]
    roster = _rewritten(roster, "Sheet", _merged(*refs))
    from zhijiao_check.report.workbook.roster import read_roster_workbook

    table = read_roster_workbook(roster, "名册.xlsx")
    assert table.problems == ()
    assert [(row.unit, row.school) for row in table.rows[-2:]] == [
        ("单位8999", "学校8999甲"),
        ("单位8999", "学校8999乙"),
    ]


# ------------------------------------------------------------------------------------------- malformed sheets


def _row_of(cells: int, row: int = 300) -> Callable[[bytes], bytes]:
    """A row of ``cells`` formatted blank cells (``<c r="A300" s="0"/>``), added at the end of the sheet."""
    from openpyxl.utils import get_column_letter

    written = "".join(f'<c r="{get_column_letter(min(n, 16_384))}{row}" s="0"/>' for n in range(1, cells + 1))
    return lambda xml: xml.replace(b"</sheetData>", f'<row r="{row}">{written}</row></sheetData>'.encode(), 1)


def test_a_row_as_wide_as_a_sheet_is_read_and_a_wider_one_refused_at_its_sheet(book, run_cli):
    """openpyxl parses a row whole: one cell written five million times in a row, 3 GB from 170 KB."""
    status, found = _run(run_cli, _rewritten(book, "实训基地", _row_of(sheetparts.SHEET_COLUMNS)))
    assert (status, found["rewritten-dongan.xlsx"]) == (0, [])
    wide = _rewritten(book, "实训基地", _row_of(sheetparts.SHEET_COLUMNS + 1))
    status, found = _run(run_cli, wide, _good(book))
    assert status == 2 and found["other.xlsx"] == []
    [problem] = found[wide.name]
    assert (problem["code"], problem["cell"]) == ("row-beyond-columns", "实训基地!A1")
    assert problem["message"].startswith(
        'a row of the sheet "实训基地" is written with more than 16,384 cells'
    )
    [zh] = _run(run_cli, wide, lang="zh")[1][wide.name]
    assert zh["message"].startswith("工作表“实训基地”中有一行写有超过 16,384 个单元格")


def test_more_rows_than_a_sheet_has_are_refused_at_it(book, run_cli):
    """Each empty ``<row/>`` is a row read: ten million of them, a zip of 130 KB, took 22 s and 900 MB."""
    rows = b"<row/>" * (sheetparts.SHEET_ROWS + 1)
    bomb = _rewritten(book, "专业", lambda xml: xml.replace(b"</sheetData>", rows + b"</sheetData>", 1))
    status, found = _run(run_cli, bomb, _good(book))
    assert status == 2 and found["other.xlsx"] == []
    [problem] = found[bomb.name]
    assert (problem["code"], problem["cell"]) == ("rows-beyond-sheet", "专业!A1")
    assert problem["message"].startswith('the sheet "专业" is written with more than 1,048,576 rows')
    [zh] = _run(run_cli, bomb, lang="zh")[1][bomb.name]
    assert zh["message"].startswith("工作表“专业”的文件中写有超过 1,048,576 行")


# ------------------------------------------------------------------------------------------- memory


@pytest.mark.parametrize("where", ["streaming", "reading"])
def test_memory_run_out_refuses_that_workbook_at_it_and_the_others_are_checked(
    book, run_cli, monkeypatch, where
):
    def exhausted(*_args: object) -> None:
        raise MemoryError

    if where == "streaming":
        monkeypatch.setattr(grids, "_stream", exhausted)
    else:
        monkeypatch.setattr(_Reader, "read", exhausted)
    other = book.with_name("other.yaml")
    from factory import SAMPLES

    other.write_text((SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    status, found = _run(run_cli, book, other)
    assert status == 2 and found["other.yaml"] == []
    [problem] = found[book.name]
    assert problem["code"] == "out-of-memory"
    assert problem["message"].startswith("there was not enough memory to read this workbook")
    [zh] = _run(run_cli, book, lang="zh")[1][book.name]
    assert zh["message"].startswith("读取这份工作簿时内存不足")


def _peak(book: Path) -> tuple[str, int]:
    """The code of the problem reading ``book`` stops at, and the most memory Python held meanwhile, in a
    process of its own (what the imports hold aside)."""
    script = (
        "import sys, tracemalloc\n"
        "from pathlib import Path\n"
        "import openpyxl\n"
        "from zhijiao_check.report.workbook.grids import read_grids\n"
        "tracemalloc.start()\n"
        "found = read_grids(Path(sys.argv[1]), 'book.xlsx')\n"
        "print(getattr(found, 'code', 'read'), tracemalloc.get_traced_memory()[1])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(book)], capture_output=True, text=True, timeout=120, check=True
    )
    code, peak = done.stdout.split()
    return code, int(peak)


def _text_in(book: Path, text: bytes) -> Path:
    """The workbook with ``text`` (XML) for the unit's name in 本单位, as no spreadsheet writes it."""
    reference = cell_of(openpyxl.load_workbook(book)["本单位"], "unit.name").coordinate.encode()
    cell = re.compile(rb'<c r="%s"[^>]*>.*?</c>' % reference, re.DOTALL)
    return _rewritten(
        book,
        "本单位",
        lambda xml: cell.sub(b'<c r="%s" t="inlineStr"><is>%s</is></c>' % (reference, text), xml),
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # 15 MB in one cell: 150 MB, in a zip of 190 KB, took 6 GB and 29 s (forty times its size)
        (b"<t>" + b"x" * 15_000_000 + b"</t>", "cell-text-too-long"),
        # runs of one character: each an object of openpyxl's, 500 MB for a million (15 MB)
        (b"<r><t>x</t></r>" * 300_000, "row-overfull"),
        # a sheet larger than any report's: its bytes are not read
        (b"<t>" + b"x" * (grids.MAX_SHEET + 1) + b"</t>", "sheet-too-large"),
    ],
    ids=["one-text", "runs", "sheet"],
)
def test_a_huge_text_in_a_small_workbook_is_refused_in_bounded_memory(book, run_cli, text, code):
    bomb = _text_in(book, text)
    assert bomb.stat().st_size < 300_000
    found, peak = _peak(bomb)
    assert found == code and peak < 4 * grids.MAX_SHEET
    status, problems = _run(run_cli, bomb, _good(book))
    assert status == 2 and problems["other.xlsx"] == []
    [problem] = problems[bomb.name]
    assert problem["code"] == code


def test_a_cell_holds_as_many_characters_as_excel_and_no_more(book, run_cli):
    """Excel's cell holds 32,767 characters: a longer text is refused at its cell, whether its bytes are
    fewer than the bound on a run (characters of three bytes, read and counted) or more (never parsed)."""
    cjk = "東".encode() * sheetparts.CELL_CHARACTERS
    read = _text_in(book, b"<t>%s</t>" % cjk)
    assert "cell-text-too-long" not in [p["code"] for p in _run(run_cli, read)[1][read.name]]
    for longer in (cjk + "東".encode(), b"x" * sheetparts.TEXT_BYTES):
        refused = _text_in(book, b"<t>%s</t>" % longer)
        status, found = _run(run_cli, refused)
        [problem] = found[refused.name]
        assert (status, problem["code"], problem["cell"]) == (2, "cell-text-too-long", "本单位!C3")
        assert problem["message"].startswith(
            "the cell holds a text of more than 32,767 characters, more than a cell of Excel holds"
        )
    [zh] = _run(run_cli, refused, lang="zh")[1][refused.name]
    assert zh["message"].startswith("单元格中的文字超过 32,767 个字符，多于 Excel 一个单元格所能容纳")


def test_a_shared_text_longer_than_a_cell_holds_is_refused_at_the_cell_using_it(book, run_cli):
    """Shared texts are parsed whole on opening, bounded by the size of their part (1 MiB)."""
    reference = cell_of(openpyxl.load_workbook(book)["本单位"], "unit.name").coordinate.encode()
    cell = re.compile(rb'<c r="%s"[^>]*>.*?</c>' % reference, re.DOTALL)
    shared = _rewritten(
        book, "本单位", lambda xml: cell.sub(b'<c r="%s" t="s"><v>0</v></c>' % reference, xml)
    )
    with zipfile.ZipFile(shared) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    main = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    parts["xl/sharedStrings.xml"] = b'<sst xmlns="%s"><si><t>%s</t></si></sst>' % (main, b"y" * 1_000_000)
    kind = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="%s"/></Types>' % kind
    )
    with zipfile.ZipFile(shared, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    status, found = _run(run_cli, shared)
    [problem] = found[shared.name]
    assert (status, problem["code"], problem["cell"]) == (2, "cell-text-too-long", "本单位!C3")


# ------------------------------------------------------------------------------------------- cells as written


def _cell_changed(book: Path, change: Callable[[bytes], bytes]) -> Path:
    """The workbook with the XML of 本单位's cell of enrollment.secondary_vocational (950, in C7) changed."""
    reference = cell_of(openpyxl.load_workbook(book)["本单位"], "enrollment.secondary_vocational").coordinate
    assert reference == "C7"
    cell = re.compile(rb'<c r="C7"[^>]*>.*?</c>', re.DOTALL)

    def rewrite(xml: bytes) -> bytes:
        found = cell.search(xml)
        assert found is not None and b"<v>950</v>" in found.group()
        return xml[: found.start()] + change(found.group()) + xml[found.end() :]

    return _rewritten(book, "本单位", rewrite)


def _shared_texts(path: Path, *texts: str) -> Path:
    """The workbook with a part of shared texts holding ``texts`` (the workbooks written here have none)."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    main = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    items = b"".join(b"<si><t>%s</t></si>" % text.encode() for text in texts)
    parts["xl/sharedStrings.xml"] = b'<sst xmlns="%s">%s</sst>' % (main, items)
    kind = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="%s"/></Types>' % kind
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _rows_changed(book: Path, change: Callable[[bytes], bytes]) -> Path:
    return _rewritten(book, "本单位", change)


_AGAIN = b'<c r="C7" t="n"><v>10</v></c>'


@pytest.mark.parametrize(
    ("changed", "code", "at", "said", "zh"),
    [
        # read as 10, the last one, without a word
        (
            lambda book: _cell_changed(book, lambda cell: cell + _AGAIN),
            "cell-repeated",
            "本单位!C7",
            "the cell C7 is written more than once in the sheet's file, and only one of its values would be",
            "单元格 C7 在工作表的文件中写了不止一次",
        ),
        # a second row 7 was skipped without a word
        (
            lambda book: _rows_changed(
                book, lambda xml: xml.replace(b'<row r="8"', b'<row r="7">%s</row><row r="8"' % _AGAIN, 1)
            ),
            "cell-repeated",
            "本单位!C7",
            "the cell C7 is written more than once",
            "单元格 C7 在工作表的文件中写了不止一次",
        ),
        # read as C7
        (
            lambda book: _cell_changed(book, lambda cell: cell.replace(b'r="C7"', b'r="C0"')),
            "cell-reference-invalid",
            "本单位!C7",
            'a cell is written as "C0" in the sheet\'s file, which is no place on a sheet',
            "工作表的文件中有一个单元格写作“C0”，工作表中没有这个位置",
        ),
        # read as C7, where Excel shows C5
        (
            lambda book: _cell_changed(book, lambda cell: cell.replace(b'r="C7"', b'r="C5"')),
            "cell-in-other-row",
            "本单位!C5",
            "the cell C5 is written within row 7 in the sheet's file, which is not its row",
            "单元格 C5 在工作表的文件中写在第 7 行里，与它的行号不符",
        ),
        # a row numbered 0 was skipped: its field "missing"
        (
            lambda book: _rows_changed(book, lambda xml: xml.replace(b'<row r="7"', b'<row r="0"', 1)),
            "cell-in-other-row",
            "本单位!A7",
            "the cell A7 is written within row 0",
            "单元格 A7 在工作表的文件中写在第 0 行里",
        ),
        # row 8, after a row 9, was skipped
        (
            lambda book: _rows_changed(
                book,
                lambda xml: xml.replace(
                    b'<row r="8"', b'<row r="9"><c r="C9" t="n"><v>1</v></c></row><row r="8"', 1
                ),
            ),
            "cell-out-of-order",
            "本单位!A8",
            "the cell A8 is written after C9 in the sheet's file, out of the order of rows and columns",
            "单元格 A8 在工作表的文件中写在 C9 之后",
        ),
        # said "list index out of range"
        (
            lambda book: _cell_changed(
                book, lambda cell: re.sub(rb'<c r="C7"( s="\d+")?', b'<c r="C7" s="999"', cell)
            ),
            "style-missing",
            "本单位!C7",
            "the cell's format (style number 999) is missing from the workbook or incomplete",
            "单元格所用的格式（第 999 号样式）在工作簿中不存在或不完整",
        ),
        (
            lambda book: _cell_changed(book, lambda cell: b'<c r="C7" t="s"><v>999</v></c>'),
            "shared-string-missing",
            "本单位!C7",
            "the cell refers to shared text number 999, which is not there: the workbook has 0 shared texts",
            "单元格引用的共享文字（编号 999）不存在，工作簿中只有 0 项共享文字",
        ),
        # read as the workbook's last format, as Python counts -1
        (
            lambda book: _cell_changed(
                book, lambda cell: re.sub(rb'<c r="C7"( s="\d+")?', b'<c r="C7" s="-1"', cell)
            ),
            "style-missing",
            "本单位!C7",
            "the cell's format (style number -1) is missing from the workbook or incomplete",
            "单元格所用的格式（第 -1 号样式）在工作簿中不存在或不完整",
        ),
        # read as the workbook's last shared text, "950", as Python counts -1
        (
            lambda book: _shared_texts(
                _cell_changed(book, lambda cell: b'<c r="C7" t="s"><v>-1</v></c>'), "950"
            ),
            "shared-string-missing",
            "本单位!C7",
            "the cell refers to shared text number -1, which is not there: the workbook has 1 shared text.",
            "单元格引用的共享文字（编号 -1）不存在，工作簿中只有 1 项共享文字",
        ),
    ],
    ids=[
        "twice",
        "row-again",
        "row-0-cell",
        "other-row",
        "row-0",
        "row-after",
        "style",
        "shared-text",
        "style-negative",
        "shared-text-negative",
    ],
)
def test_a_cell_read_other_than_as_written_is_refused_at_it(book, run_cli, changed, code, at, said, zh):
    damaged = changed(book)
    status, found = _run(run_cli, damaged, _good(book))
    assert status == 2 and found["other.xlsx"] == []
    [problem] = found[damaged.name]
    assert (problem["code"], problem["cell"]) == (code, at)
    assert problem["message"].startswith(said) and "list index" not in problem["message"]
    [chinese] = _run(run_cli, damaged, lang="zh")[1][damaged.name]
    assert chinese["message"].startswith(zh)


def test_cells_written_out_of_order_but_all_read_are_read(book, run_cli):
    """openpyxl places a row's cells by their columns: nothing is lost, and nothing said."""
    swapped = _cell_changed(book, lambda cell: cell)
    swapped = _rewritten(
        swapped,
        "本单位",
        lambda xml: re.sub(rb'(<c r="C7".*?</c>)(<c r="D7".*?</c>)', rb"\2\1", xml, count=1, flags=re.DOTALL),
    )
    assert (_run(run_cli, swapped)[0], _run(run_cli, swapped)[1][swapped.name]) == (0, [])


# ------------------------------------------------------------------------------------------- sheet names


def test_a_sheet_named_as_another_but_for_spaces_is_an_error_naming_both(book, run_cli):
    """`` 学校`` once replaced 学校 silently: its 12000 was checked, 学校's 9200 was not."""
    other = _good(book)

    def change(b):
        twin = b.copy_worksheet(b["学校"])
        twin.title = " 学校"
        cell_of(twin, "appropriation_per_student").value = 12000

    edit(book, change)
    status, found = _run(run_cli, book, other)
    assert status == 2 and found["other.xlsx"] == []
    [problem] = found[book.name]
    assert (problem["code"], problem["cell"]) == ("sheet-twin", " 学校!A1")
    assert problem["message"].startswith(
        'the sheets " 学校" and "学校" have the same name once the spaces around their names are taken off, '
        'both "学校": '
    )
    [zh] = _run(run_cli, book, lang="zh")[1][book.name]
    assert zh["message"].startswith("工作表“ 学校”与“学校”去掉名称前后的空格后同名，都是“学校”表：")
    result = run_cli("check", book, "--select", "c16.secondary-funding", "-f", "json")
    assert result.exit_code == 2 and json.loads(result.stdout)["reports"] == []


def test_a_hidden_twin_of_the_unit_sheet_is_the_same_error_saying_it_is_hidden(book, run_cli):
    def change(b):
        twin = b.copy_worksheet(b["本单位"])
        twin.title = "本单位 "
        twin.sheet_state = "hidden"

    edit(book, change)
    status, found = _run(run_cli, book)
    assert status == 2
    [problem] = found[book.name]
    assert (problem["code"], problem["cell"]) == ("sheet-twin", "本单位 !A1")
    assert 'both "本单位" ("本单位 " is hidden): ' in problem["message"]
    [zh] = _run(run_cli, book, lang="zh")[1][book.name]
    assert "都是“本单位”表（其中“本单位 ”是隐藏的工作表）：" in zh["message"]


def test_extra_sheets_named_alike_are_each_only_not_read(book, run_cli):
    def change(b):
        b.create_sheet("草稿")["A1"] = "scratch"
        b.create_sheet(" 草稿")["A1"] = "more scratch"

    edit(book, change)
    status, found = _run(run_cli, book)
    assert status == 0
    assert [(p["code"], p["cell"]) for p in found[book.name]] == [
        ("sheet-not-read", "草稿!A1"),
        ("sheet-not-read", " 草稿!A1"),
    ]


# ------------------------------------------------------------------------------------------- huge numbers


@pytest.mark.parametrize(
    ("sheet", "key", "written", "said"),
    [
        ("本单位", "enrollment.secondary_vocational", "1" + "0" * 400, "100000000000… (401 digits)"),
        ("学校", "students", "-" + "9" * 309, "-999999999999… (309 digits)"),
        ("学校", "name", "2" + "0" * 308, "200000000000… (309 digits)"),
        ("学校", "teachers", "1E400", "above 1.8×10³⁰⁸"),
    ],
)
def test_a_number_no_cell_of_excel_holds_is_refused_at_its_cell(book, run_cli, sheet, key, written, said):
    """Read on, it broke the first sum made in floating point (OverflowError, exit 3) and the run's other
    workbooks went unchecked."""
    other = _good(book)
    huge = _written(book, sheet, key, written)
    status, found = _run(run_cli, huge, other)
    assert status == 2 and found["other.xlsx"] == []
    # a school's name gone, the rows naming it name no school: errors of their own
    [problem] = [p for p in found[huge.name] if p["code"] == "number-too-large"]
    assert problem["cell"].startswith(f"{sheet}!") and problem["path"]
    assert problem["message"] == (
        f"the number {said} in this cell is beyond what Excel can hold (far beyond any real figure, most "
        "likely written by another program) and is not read: type the actual figure"
    )
    [zh] = [p for p in _run(run_cli, huge, lang="zh")[1][huge.name] if p["code"] == "number-too-large"]
    assert zh["message"].startswith("单元格中的数字 ") and "超出 Excel 能保存的范围" in zh["message"]
    assert run_cli("check", huge, other).exit_code == 2


def test_the_largest_number_a_cell_holds_is_read_as_a_number(book, run_cli):
    """1.7976931348623157e308, Excel's largest: far over any bound, said as any figure too large is."""
    big = _written(book, "学校", "students", str(int(1.7976931348623157e308)))
    status, found = _run(run_cli, big)
    assert status == 2
    [problem] = found[big.name]
    assert problem["code"] == "too-large" and problem["path"] == "schools[0].students"


# ------------------------------------------------------------------------------------------- damaged parts


def test_a_part_written_twice_in_the_zip_is_refused_naming_it(book, run_cli):
    """Python's zip reads the last copy without a word (a figure of 28 read as 900); Excel repairs the file
    or shows the other copy. Which one the clerk saw cannot be told."""
    part = "xl/worksheets/sheet2.xml"
    assert openpyxl.load_workbook(book, read_only=True).sheetnames[1] == "本单位"
    with zipfile.ZipFile(book) as archive:
        xml = archive.read(part)
    other = _good(book)
    with pytest.warns(UserWarning, match="Duplicate name"), zipfile.ZipFile(book, "a") as archive:
        archive.writestr(part, xml.replace(b"<v>950</v>", b"<v>900</v>"))
    status, found = _run(run_cli, book, other)
    assert status == 2 and found["other.xlsx"] == []
    [problem] = found[book.name]
    assert (problem["code"], problem.get("cell"), problem.get("line")) == ("part-repeated", None, None)
    assert problem["message"] == (
        "the workbook holds its part xl/worksheets/sheet2.xml more than once, and the copies may differ: "
        "which one is meant cannot be told (Excel offers to repair the file, or shows one of them). The "
        "file is damaged, or was not saved by Excel or WPS: open it in Excel or WPS, check its figures and "
        "save it again as .xlsx"
    )
    [zh] = _run(run_cli, book, lang="zh")[1][book.name]
    assert zh["message"].startswith("工作簿中的部件 xl/worksheets/sheet2.xml 出现了不止一次")
    assert run_cli("convert", book, "-o", book.with_suffix(".yaml")).exit_code == 2


@pytest.mark.parametrize("stored", ["NaN", "inf", "0x1", "1_000", "٢٨"])
def test_a_number_cell_storing_no_number_is_an_error_at_its_cell_and_field(book, run_cli, stored):
    """openpyxl read it with Python's int(): the whole workbook refused with "invalid literal for int() with
    base 10: 'NaN'" and no cell, or ``1_000`` and ``٢٨`` read as 1000 and 28 without a word."""
    other = _good(book)
    damaged = _written(book, "本单位", "enrollment.secondary_vocational", stored)
    status, found = _run(run_cli, damaged, other)
    assert status == 2 and found["other.xlsx"] == []
    [problem] = found[damaged.name]
    assert (problem["code"], problem["path"], problem["line"], problem["column"]) == (
        "not-a-number",
        "enrollment.secondary_vocational",
        7,
        3,
    )
    assert problem["cell"].startswith("本单位!C7（")
    assert problem["message"] == (
        f'the cell is stored as a number but holds "{stored}", which is no number (the file is damaged, or '
        "was not saved by Excel or WPS), and is not read: type the figure in this cell again in Excel or "
        "WPS, in digits (such as 28), and save"
    )
    [zh] = _run(run_cli, damaged, lang="zh")[1][damaged.name]
    assert zh["message"] == (
        f"单元格是数字格子，存的却是“{stored}”，不是数字（文件已损坏，或不是 Excel、WPS 保存的），未读取："
        "请在 Excel 或 WPS 中把这一格重新填写为阿拉伯数字（如 28）后保存"
    )


@pytest.mark.parametrize(
    ("stored", "quoted"),
    [("x" * 100, "x" * 100), ("x" * 2500, "x" * 200 + "… (2,500 characters)")],
    ids=("whole", "its-start"),
)
def test_what_a_damaged_part_holds_is_quoted_as_every_value_is(book, run_cli, stored, quoted):
    """A number cell's stored text and a row's number were quoted by their first 60 characters and "…"."""
    damaged = _written(book, "本单位", "enrollment.secondary_vocational", stored)
    [problem] = _run(run_cli, damaged)[1][damaged.name]
    assert problem["code"] == "not-a-number"
    assert problem["message"].startswith(f'the cell is stored as a number but holds "{quoted}", which')
    row = _rows_changed(book, lambda xml: xml.replace(b'<row r="7"', b'<row r="%s"' % stored.encode(), 1))
    [problem] = _run(run_cli, row)[1][row.name]
    assert problem["code"] == "row-number-invalid"
    assert problem["message"].startswith(
        f'a row in the file of the sheet "本单位" is numbered "{quoted}", which'
    )


def test_a_row_numbered_with_no_number_is_refused_at_its_sheet_in_the_users_words(book, run_cli):
    """It said "could not convert string to float: 'abc'", of the whole file."""
    damaged = _rows_changed(book, lambda xml: xml.replace(b'<row r="7"', b'<row r="abc"', 1))
    status, found = _run(run_cli, damaged, _good(book))
    assert status == 2 and found["other.xlsx"] == []
    [problem] = found[damaged.name]
    assert (problem["code"], problem["cell"], problem["line"], problem["column"]) == (
        "row-number-invalid",
        "本单位!A1",
        1,
        1,
    )
    assert problem["message"] == (
        'a row in the file of the sheet "本单位" is numbered "abc", which is no whole number from 1 to '
        "1,048,576: the file is damaged, or was not saved by Excel or WPS. Open it in Excel or WPS and save "
        "it again as .xlsx"
    )
    [zh] = _run(run_cli, damaged, lang="zh")[1][damaged.name]
    assert zh["message"].startswith(
        "工作表“本单位”的文件中有一行的行号写作“abc”，不是 1 到 1,048,576 之间的整数"
    )
    assert "float" not in zh["message"]


_BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (n, b"".join(b"&lol%d;" % (n - 1) for _ in range(10))) for n in range(2, 9)
    )
    + b"]>"
)


@pytest.mark.parametrize(
    ("change", "code", "said", "zh"),
    [
        (
            lambda xml: (
                _BOMB + re.sub(rb"^<\?xml[^>]*\?>", b"", xml).replace(b"<v>950</v>", b"<v>&lol8;</v>", 1)
            ),
            "xml-doctype",
            (
                "the workbook's part xl/worksheets/sheet2.xml declares a document type or entities "
                "(<!DOCTYPE>), which Excel and WPS never write"
            ),
            "工作簿中的部件 xl/worksheets/sheet2.xml 含有文档类型或实体定义（<!DOCTYPE>）",
        ),
        (
            lambda xml: xml.replace(b"</sheetData>", b"</sheetDat>", 1),
            "xml-damaged",
            "the workbook's part xl/worksheets/sheet2.xml is not well-formed XML at line ",
            "工作簿中的部件 xl/worksheets/sheet2.xml 在第 ",
        ),
    ],
    ids=["entity-bomb", "not-well-formed"],
)
def test_a_part_that_is_no_workbooks_xml_is_refused_in_the_users_words(book, run_cli, change, code, said, zh):
    """libexpat's words ("limit on input amplification factor … breached") were shown inside the message."""
    damaged = _rewritten(book, "本单位", change)
    status, found = _run(run_cli, damaged, _good(book))
    assert status == 2 and found["other.xlsx"] == []
    [problem] = found[damaged.name]
    assert problem["code"] == code and problem["message"].startswith(said)
    assert "expat" not in problem["message"] and "amplification" not in problem["message"]
    [chinese] = _run(run_cli, damaged, lang="zh")[1][damaged.name]
    assert chinese["message"].startswith(zh)


def test_an_openpyxl_without_its_private_number_reader_is_left_to_read_numbers_its_own_way(monkeypatch):
    """``stored.strict_numbers`` swaps a private function of openpyxl (pinned only from below): an openpyxl
    that no longer has it is left as it is, not failed with an AttributeError for every workbook read."""
    import types

    import openpyxl.worksheet

    from zhijiao_check.report.workbook.stored import strict_numbers

    renamed = types.SimpleNamespace(_read_number=float)  # a later openpyxl's reader, by another name
    monkeypatch.setattr(openpyxl.worksheet, "_reader", renamed)
    with strict_numbers():
        assert vars(renamed) == {"_read_number": float}
    assert vars(renamed) == {"_read_number": float}


@pytest.mark.parametrize("stored", ["1e-400", "-2.5E-999"])
def test_a_number_cell_storing_a_number_too_small_for_any_float_is_refused_at_its_cell(book, run_cli, stored):
    """It was read as 0 without a word, where YAML and JSON refuse ``1e-400`` as not 0 though read as 0."""
    damaged = _written(book, "本单位", "enrollment.secondary_vocational", stored)
    status, found = _run(run_cli, damaged)
    assert status == 2
    [problem] = found[damaged.name]
    assert (problem["code"], problem["path"], problem["line"], problem["column"]) == (
        "number-too-small",
        "enrollment.secondary_vocational",
        7,
        3,
    )
    assert problem["cell"].startswith("本单位!C7（")
    assert problem["message"] == (
        f"found {stored}, which is not 0 yet less than 0.000000000001, no real figure: "
        "write a whole number (0 or more), or 0 if it is none"
    )
    [zh] = _run(run_cli, damaged, lang="zh")[1][damaged.name]
    assert zh["message"] == (
        f"填写了 {stored}，不是 0 却小于 0.000000000001，不是实际数字："
        "此处应为一个不小于 0 的整数；若为零请写 0"
    )
