"""Workbooks made to hurt the reader, as an outside tester made them: a sheet's cells far apart, a merged
range of billions of cells, rows and cells no spreadsheet writes, a sheet named twice, a number no cell of
Excel holds. Each is judged at once, as the bad file it is, and never keeps the other files of the run from
being checked."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from clerk import cell_of, edit, keys_of_rows

from zhijiao_check.report.workbook import grids
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
    """A second, valid workbook of the run: checked whatever the first holds."""
    other = book.with_name("other.xlsx")
    other.write_bytes(book.read_bytes())
    return other


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
    refs = [f"A{row}:B{row}" for row in range(400, 400 + grids.MAX_MERGES + 1)]
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
    status, found = _run(run_cli, _rewritten(book, "实训基地", _row_of(grids.SHEET_COLUMNS)))
    assert (status, found["rewritten-dongan.xlsx"]) == (0, [])
    wide = _rewritten(book, "实训基地", _row_of(grids.SHEET_COLUMNS + 1))
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
    rows = b"<row/>" * (grids.SHEET_ROWS + 1)
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
