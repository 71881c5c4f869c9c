"""A table's shape changed by a clerk as a whole: its key row sorted in among the entries, its 学校 sheet left
blank or unreadable, a column of merged cells. Each is said once where it happened, never read as a smaller
report that passes, and never followed by the errors it causes in other rows."""

from __future__ import annotations

import json

import pytest
import yaml
from clerk import edit
from factory import SAMPLES

DONGAN = yaml.safe_load((SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8"))
MAJORS = sum(len(school["majors"]) for school in DONGAN["schools"])  # rows 3 to 2 + MAJORS of 专业


@pytest.fixture
def book(filled):
    return filled(DONGAN, "dongan.xlsx")


def _problems(run_cli, path, lang="zh"):
    result = run_cli("validate", path, "-f", "json", "--lang", lang)
    return result.exit_code, json.loads(result.stdout)["problems"]


def _sort_with_keys(workbook):
    """专业 A2:L(last) sorted ascending by 当年招生 (F), the key row selected with the entries: Excel puts
    the text ``enrollment`` after every number, so the key row ends up under them all."""
    sheet = workbook["专业"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2, max_row=2 + MAJORS)]
    rows.sort(key=lambda row: (isinstance(row[5], str), row[5] if not isinstance(row[5], str) else 0))
    for number, row in enumerate(rows, 2):
        for column, value in enumerate(row, 1):
            sheet.cell(number, column).value = value


# ----------------------------------------------------------------------------------- a key row moved


def test_entries_above_a_key_row_sorted_to_the_bottom_are_an_error_at_each_row(book, run_cli):
    """All the majors stood above the key row and were dropped without a word: 格式正确, exit 0."""
    edit(book, _sort_with_keys)
    status, problems = _problems(run_cli, book)
    assert status == 2
    moved = [p for p in problems if p["code"] == "row-above-keys"]
    assert [p["cell"] for p in moved] == [f"专业!A{row}" for row in range(2, 2 + MAJORS)]
    assert all(p["severity"] == "error" for p in moved)
    assert f"字段代码行（第 {2 + MAJORS} 行）" in moved[0]["message"]
    assert "移回第 2 行" in moved[0]["message"] and "第 3 行起" in moved[0]["message"]
    # the first entry is no header renamed, and nothing else is said
    assert [p for p in problems if p["code"] != "row-above-keys"] == []
    assert run_cli("check", book).exit_code == 2


def test_a_key_row_sorted_below_the_rows_a_title_may_take_is_still_found(book, run_cli):
    """With more entries than title rows may take (10), the key row sorted to row 17 was not found at all:
    the whole sheet was refused as having no key row, not the rows above it each."""

    def more_majors_then_sort(workbook):
        sheet = workbook["专业"]
        first = [cell.value for cell in sheet[3]]
        for extra in range(8):
            for column, value in enumerate(first, 1):
                sheet.cell(3 + MAJORS + extra, column).value = value
            sheet.cell(3 + MAJORS + extra, 2).value = f"新专业{extra}"
        rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2, max_row=2 + MAJORS + 8)]
        rows.sort(key=lambda row: (isinstance(row[5], str), row[5] if not isinstance(row[5], str) else 0))
        for number, row in enumerate(rows, 2):
            for column, value in enumerate(row, 1):
                sheet.cell(number, column).value = value

    edit(book, more_majors_then_sort)
    status, problems = _problems(run_cli, book)
    assert status == 2
    key_row = 2 + MAJORS + 8
    assert [(p["code"], p["cell"]) for p in problems] == [
        ("row-above-keys", f"专业!A{row}") for row in range(2, key_row)
    ]
    assert f"字段代码行（第 {key_row} 行）" in problems[0]["message"]


def test_a_key_row_sorted_into_the_middle_keeps_the_entries_below_it_and_refuses_those_above(book, run_cli):
    def key_row_to_row_5(workbook):
        sheet = workbook["专业"]
        keys = [cell.value for cell in sheet[2]]
        for number in (3, 4, 5):  # two entries move up, the keys down under them
            for column, value in enumerate([cell.value for cell in sheet[number]], 1):
                sheet.cell(number - 1, column).value = value
        for column, value in enumerate(keys, 1):
            sheet.cell(5, column).value = value

    edit(book, key_row_to_row_5)
    status, problems = _problems(run_cli, book)
    assert status == 2
    assert [(p["code"], p["cell"]) for p in problems] == [
        ("row-above-keys", "专业!A2"),
        ("row-above-keys", "专业!A3"),
        ("row-above-keys", "专业!A4"),
    ]


def test_title_rows_above_the_header_are_still_the_countys_own(book, run_cli):
    def titles(workbook):
        sheet = workbook["专业"]
        sheet.insert_rows(1, 2)
        sheet["A1"] = "东安县 2023 年职业院校专业情况"
        sheet["A2"] = "填报单位：东安县教育局"
        sheet["F2"] = "单位：人"

    edit(book, titles)
    status, problems = _problems(run_cli, book)
    assert status == 0, problems
    assert not [p for p in problems if p["code"] == "row-above-keys"]


def test_without_the_templates_header_a_row_of_figures_above_the_keys_is_still_refused(book, run_cli):
    """The header row sorted away too: the row just above the keys is a major's, not a renamed header."""

    def header_gone(workbook):
        sheet = workbook["专业"]
        keys = [cell.value for cell in sheet[2]]
        for column, value in enumerate([cell.value for cell in sheet[3]], 1):
            sheet.cell(1, column).value = value
        for column, value in enumerate(keys, 1):
            sheet.cell(3, column).value = value
        for column in range(1, len(keys) + 1):
            sheet.cell(2, column).value = None

    edit(book, header_gone)
    status, problems = _problems(run_cli, book)
    assert status == 2
    assert [(p["code"], p["cell"]) for p in problems if p["severity"] == "error"] == [
        ("row-above-keys", "专业!A1")
    ]
    assert not [p for p in problems if p["code"] == "header-renamed"]


# ----------------------------------------------------------------------------------- a blank 学校 sheet


def _blank_schools(workbook):
    for name in ("学校", "专业", "企业实践"):
        for row in workbook[name].iter_rows(min_row=3):
            for cell in row:
                cell.value = None


def test_a_blank_schools_sheet_is_no_schools_given_not_a_unit_without_schools(book, run_cli):
    """It was read as ``schools: []``: valid, every school rule not applicable, score 100, exit 0."""
    edit(book, _blank_schools)
    status, problems = _problems(run_cli, book)
    assert status == 2
    [problem] = [p for p in problems if p["severity"] == "error"]
    assert (problem["code"], problem["cell"]) == ("schools-blank", "学校!A3（学校名称）")
    assert "填“无”" in problem["message"]
    assert run_cli("check", book).exit_code == 2


def test_none_in_the_schools_sheet_says_the_unit_has_no_schools(book, run_cli, tmp_path):
    def none(workbook):
        _blank_schools(workbook)
        workbook["学校"]["A3"] = "无"

    edit(book, none)
    status, problems = _problems(run_cli, book)
    assert status == 0, problems
    out = tmp_path / "back.yaml"
    assert run_cli("convert", book, "-o", out).exit_code == 0
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["schools"] == []


def test_none_beside_schools_is_an_error_at_the_none(book, run_cli):
    def none_and_schools(workbook):
        workbook["学校"].insert_rows(3)
        workbook["学校"]["A3"] = "无"

    edit(book, none_and_schools)
    status, problems = _problems(run_cli, book, "en")
    assert status == 2
    [problem] = [p for p in problems if p["severity"] == "error"]
    assert (problem["code"], problem["cell"]) == ("no-schools-but-rows", "学校!A3（学校名称）")
    assert "lists 2 schools" in problem["message"]


def test_none_with_figures_on_its_row_is_an_error(book, run_cli):
    def none_with_level(workbook):
        _blank_schools(workbook)
        workbook["学校"]["A3"] = "无"
        workbook["学校"]["B3"] = "中职"

    edit(book, none_with_level)
    status, problems = _problems(run_cli, book)
    assert status == 2
    assert [(p["code"], p["cell"]) for p in problems if p["severity"] == "error"] == [
        ("no-schools-filled", "学校!B3")
    ]


def test_a_deleted_schools_sheet_no_longer_advises_keeping_it_blank(book, run_cli):
    """It said 没有学校时保留空表: a blank 学校 sheet is now an error itself."""
    edit(book, lambda workbook: workbook.remove(workbook["学校"]))
    status, problems = _problems(run_cli, book)
    [problem] = [p for p in problems if p["code"] == "no-sheet"]
    assert status == 2 and "填“无”" in problem["message"] and "空表" not in problem["message"]


def test_a_report_without_schools_is_written_with_none_and_read_back(run_cli, tmp_path):
    report = tmp_path / "none.yaml"
    report.write_text(yaml.safe_dump({**DONGAN, "schools": []}, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "none.xlsx"
    assert run_cli("convert", report, "-o", out).exit_code == 0
    import openpyxl

    assert openpyxl.load_workbook(out)["学校"]["A3"].value == "无"
    assert run_cli("validate", out).exit_code == 0


# ----------------------------------------------------------------------------------- what follows


def test_a_schools_sheet_without_its_key_row_is_one_error_not_one_per_major(book, run_cli):
    """Each row of 专业 and 企业实践 said its school was not on 学校: nine errors that followed from one."""
    edit(book, lambda workbook: workbook["学校"].delete_rows(2))
    status, problems = _problems(run_cli, book)
    assert status == 2
    assert [(p["code"], p["cell"]) for p in problems if p["severity"] == "error"] == [
        ("no-key-row", "学校!A1")
    ]


def _emptied(name):
    """The sheet ``name`` deleted and an empty one of that name inserted in its place."""

    def change(workbook):
        index = workbook.sheetnames.index(name)
        workbook.remove(workbook[name])
        workbook.create_sheet(name, index)

    return change


def _cleared(name):
    """Every cell of the sheet ``name`` cleared, its header and key rows too."""

    def change(workbook):
        for row in workbook[name].iter_rows():
            for cell in row:
                cell.value = None

    return change


@pytest.mark.parametrize("make_empty", [_emptied, _cleared])
def test_an_empty_schools_sheet_is_the_error_of_a_lost_key_row_not_a_crash(book, run_cli, make_empty):
    """KeyError '学校', exit 3 (内部错误): a blank 学校 was said below a key row that was not there."""
    edit(book, make_empty("学校"))
    for lang, said in (("zh", "找不到字段代码行"), ("en", "no row of field keys")):
        status, problems = _problems(run_cli, book, lang)
        assert status == 2
        [problem] = [p for p in problems if p["severity"] == "error"]
        assert (problem["code"], problem["cell"], problem["line"], problem["column"]) == (
            "no-key-row",
            "学校!A1",
            1,
            1,
        )
        assert said in problem["message"]
    assert run_cli("check", book).exit_code == 2


@pytest.mark.parametrize("name", ["专业", "企业实践", "实训基地"])
@pytest.mark.parametrize("make_empty", [_emptied, _cleared])
def test_an_empty_table_sheet_is_an_error_not_its_rows_lost(book, run_cli, name, make_empty):
    """Passed as 格式正确 (exit 0), its entries silently gone, where a cleared key row is an error."""
    edit(book, make_empty(name))
    status, problems = _problems(run_cli, book)
    assert status == 2
    assert [(p["code"], p["cell"]) for p in problems if p["severity"] == "error"] == [
        ("no-key-row", f"{name}!A1")
    ]
    assert "请从新模板复制表头和字段代码两行" in problems[0]["message"]


def test_the_city_workbooks_empty_table_sheets_are_said_the_same_way(filled, run_cli):
    path = filled(yaml.safe_load((SAMPLES / "2023" / "shibenji.yaml").read_text(encoding="utf-8")))
    edit(path, _emptied("人才津贴"))
    status, problems = _problems(run_cli, path)
    assert status == 2
    assert [(p["code"], p["cell"]) for p in problems if p["severity"] == "error"] == [
        ("no-key-row", "人才津贴!A1")
    ]


def test_merged_school_cells_are_one_error_without_blank_schools_or_a_sum_warning(book, run_cli):
    """The cells under the first of a merged range read blank: four 没有填写所属学校 and a warning that the
    majors' enrollment fell short of 中职招生 followed from the one merge."""
    edit(book, lambda workbook: workbook["专业"].merge_cells("A3:A7"))
    status, problems = _problems(run_cli, book)
    assert status == 2
    assert [(p["code"], p["cell"]) for p in problems] == [("merged-cells", "专业!A3")]


# ------------------------------------------------------------------------------ missing, in a sheet's words


@pytest.mark.parametrize(
    ("lang", "said", "not_said"),
    [
        ("zh", "“专业”表中没有该校的行；该校没有专业时在“学校”表的“开设专业”填“无”", ".majors"),
        ("en", 'no row of "专业" names it; for none, write "无" in its 开设专业 on "学校"', ".majors"),
    ],
)
def test_majors_not_given_in_a_workbook_say_which_sheet_to_fill(book, run_cli, lang, said, not_said):
    """``缺少数据：东安县职业中等专业学校.majors`` spoke YAML to a clerk who fills sheets."""

    def no_majors(workbook):
        for row in workbook["专业"].iter_rows(min_row=3):
            for cell in row:
                cell.value = None

    edit(book, no_majors)
    result = run_cli("check", book, "-f", "json", "--lang", lang)
    [report] = json.loads(result.stdout)["reports"]
    [cycle] = [r for r in report["results"] if r["rule"] == "c4.major-evaluation-cycle"]
    assert cycle["status"] == "missing"
    school = DONGAN["schools"][0]["name"]
    assert school in cycle["explanation"] and said in cycle["explanation"]
    assert not_said not in cycle["explanation"]


def test_a_school_named_none_is_not_converted_into_a_workbook_of_no_schools(run_cli, tmp_path):
    """无 in 学校's name cell says there is no school: a school named 无 would come back as none."""
    schools = [{**DONGAN["schools"][0], "name": "无", "majors": []}]
    report = tmp_path / "none-named.yaml"
    report.write_text(yaml.safe_dump({**DONGAN, "schools": schools}, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "none-named.xlsx"
    result = run_cli("convert", report, "-o", out)
    assert result.exit_code == 2 and not out.exists()
    assert "schools[0].name 的学校名称是“无”" in result.output
