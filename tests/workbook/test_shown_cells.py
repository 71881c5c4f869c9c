"""A cell is read as the clerk sees it in Excel or WPS: a formula showing nothing is blank, a formula's binary
noise is the number shown, a year or a figure a cell's format shows as something else is named at the cell
with what to change, a row of spaces is blank, and the spaces and line breaks a cell hides around a name are
taken off and said."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
import yaml
from clerk import cell_of, edit, keys_of_columns
from factory import SAMPLES

DONGAN = yaml.safe_load((SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8"))
SCHOOL = DONGAN["schools"][0]["name"]


def _where(path: Path, sheet: str, key: str, row: int = 3) -> str:
    return f"{sheet}!{cell_of(openpyxl.load_workbook(path)[sheet], key, row).coordinate}"


def _problems(run_cli, path, lang="en"):
    result = run_cli("validate", path, "-f", "json", "--lang", lang)
    return result.exit_code, json.loads(result.stdout)["problems"]


def _converted(run_cli, path: Path) -> dict:
    out = path.with_suffix(".yaml")
    result = run_cli("convert", path, "-o", out, "--force")
    assert result.exit_code == 0, result.output
    return yaml.safe_load(out.read_text(encoding="utf-8"))


# --- 1. empty text results


def _saved_with_empty_results(path: Path, sheet_name: str, coordinates: list[str], text: str = "") -> Path:
    """The file as Excel, WPS or LibreOffice save a formula whose result is empty text (or ``text``):
    ``t="str"`` and that cached value (openpyxl writes the formula with no type and no value, as never
    computed)."""
    index = openpyxl.load_workbook(path).sheetnames.index(sheet_name) + 1
    part = f"xl/worksheets/sheet{index}.xml"
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts[part].decode()
    for coordinate in coordinates:
        xml, count = re.subn(
            rf'<c r="{coordinate}"([^>]*)><f>(.*?)</f>(?:<v\s*/>|<v></v>)?</c>',
            rf'<c r="{coordinate}"\1 t="str"><f>\2</f><v>{text}</v></c>',
            xml,
        )
        assert count == 1, coordinate
    parts[part] = xml.encode()
    out = path.with_name("saved.xlsx")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out


def test_a_formula_whose_saved_result_is_empty_text_is_a_blank_cell(book, run_cli):
    def change(b):
        cell_of(b["学校"], "upgraded").value = '=IF(D3>2100,D3,"")'  # optional: blank is absent
        cell_of(b["学校"], "ownership", 4).value = '=IF(Z4="","",Z4)'  # required: blank is missing

    edit(book, change)
    upgraded, ownership = _where(book, "学校", "upgraded"), _where(book, "学校", "ownership", 4)
    status, problems = _problems(run_cli, book)
    assert status == 2  # as openpyxl wrote them: never computed
    assert {(p["code"], p["cell"].split("（")[0]) for p in problems} == {
        ("formula-no-value", upgraded),
        ("formula-no-value", ownership),
    }
    saved = _saved_with_empty_results(book, "学校", [upgraded.split("!")[1], ownership.split("!")[1]])
    status, problems = _problems(run_cli, saved)
    assert status == 2
    [problem] = problems
    assert (problem["code"], problem["cell"].split("（")[0], problem["path"]) == (
        "missing-field",
        ownership,
        "schools[1].ownership",
    )
    edit(book, lambda b: setattr(cell_of(b["学校"], "ownership", 4), "value", "民办"))
    fixed = _saved_with_empty_results(book, "学校", [upgraded.split("!")[1]])
    assert _problems(run_cli, fixed) == (0, [])
    assert "upgraded" not in _converted(run_cli, fixed)["schools"][0]


def test_a_formula_whose_result_is_text_in_a_number_cell_is_told_to_return_a_number(book, run_cli):
    """=TEXT(1030,"0") got the advice for a number typed as text (delete the leading quote, 转换为数字), which
    a formula's next recalculation undoes."""
    edit(book, lambda b: setattr(cell_of(b["学校"], "teachers"), "value", '=TEXT(110,"0")'))
    teachers = _where(book, "学校", "teachers")
    saved = _saved_with_empty_results(book, "学校", [teachers.split("!")[1]], "110")
    for lang, said in (
        ("zh", "公式的结果是文本“110”，不是数字：请改用返回数字的公式（如 =VALUE(…)），或直接填写数字"),
        ("en", 'the formula\'s result is the text "110", not a number: use a formula that returns a number'),
    ):
        status, problems = _problems(run_cli, saved, lang)
        [problem] = problems
        assert (status, problem["code"], problem["cell"].split("（")[0]) == (2, "formula-text", teachers)
        assert said in problem["message"] and "转换为数字" not in problem["message"]
    # the same text typed keeps the advice for a typed number
    edit(book, lambda b: setattr(cell_of(b["学校"], "teachers"), "value", "110"))
    status, problems = _problems(run_cli, book, "zh")
    assert [p["code"] for p in problems] == ["number-as-text"] and "转换为数字" in problems[0]["message"]


# --- 2. floating-point noise


def test_a_formulas_binary_noise_is_read_as_excel_shows_the_number(book, run_cli):
    def change(b):
        cell_of(b["学校"], "students").value = 1419.9999999999998
        cell_of(b["学校"], "ideological_courses").value = 3.0000000000000004
        cell_of(b["学校"], "appropriation_per_student").value = 9200.000000000002
        cell_of(b["本单位"], "year").value = 2023.0000000000002
        cell_of(b["企业实践"], "months").value = 0.1 + 0.2  # 0.30000000000000004

    edit(book, change)
    assert _problems(run_cli, book) == (0, [])
    read = _converted(run_cli, book)
    school = read["schools"][0]
    assert (school["students"], school["ideological_courses"]) == (1420, 3)
    assert isinstance(school["students"], int) and school["appropriation_per_student"] == 9200
    assert read["year"] == 2023
    assert school["enterprise_practice"][0]["months"] == 0.3


def test_a_real_fraction_is_still_refused_where_a_count_belongs_and_kept_where_months_are(book, run_cli):
    def change(b):
        cell_of(b["学校"], "students").value = 1419.5
        cell_of(b["本单位"], "enrollment.secondary_vocational").value = 950.0000001  # 10 digits: shown so
        cell_of(b["企业实践"], "months").value = 6.25

    edit(book, change)
    status, problems = _problems(run_cli, book)
    assert status == 2
    assert {(p["code"], p["path"]) for p in problems} == {
        ("float-for-int", "schools[0].students"),
        ("float-for-int", "enrollment.secondary_vocational"),
    }
    assert any("950.0000001" in p["message"] for p in problems)
    fixed = edit(
        book,
        lambda b: (
            setattr(cell_of(b["学校"], "students"), "value", 1420),
            setattr(cell_of(b["本单位"], "enrollment.secondary_vocational"), "value", 950),
        ),
    )
    assert _converted(run_cli, fixed)["schools"][0]["enterprise_practice"][0]["months"] == 6.25


# --- 3. a year shown as a date


@pytest.mark.parametrize("number_format", ["yyyy-mm-dd", 'yyyy"年"'])
def test_a_year_typed_in_a_date_formatted_cell_is_said_so_at_the_cell(book, run_cli, number_format):
    def change(b):
        cell_of(b["学校"], "established").value = 2004
        cell_of(b["学校"], "established").number_format = number_format
        cell_of(b["本单位"], "year").value = 2023
        cell_of(b["本单位"], "year").number_format = number_format

    edit(book, change)
    status, problems = _problems(run_cli, book)
    assert status == 2
    assert {(p["code"], p["cell"].split("（")[0], p["path"]) for p in problems} == {
        ("year-formatted-as-date", _where(book, "学校", "established"), "schools[0].established"),
        ("year-formatted-as-date", _where(book, "本单位", "year"), "year"),
    }
    school = next(p for p in problems if p["path"] == "schools[0].established")
    assert school["message"] == (
        "the cell is formatted as a date, so the year 2004 is taken as the date 1905-06-26: set the cell's "
        "format to General and it shows 2004"
    )
    [chinese] = [p for p in _problems(run_cli, book, "zh")[1] if p["path"] == "schools[0].established"]
    assert "2004" in chinese["message"] and "“常规”" in chinese["message"] and "1905" in chinese["message"]


def test_a_real_date_in_a_year_cell_keeps_the_advice_to_write_its_year(book, run_cli):
    import datetime

    edit(book, lambda b: setattr(cell_of(b["学校"], "established"), "value", datetime.datetime(2004, 9, 1)))
    status, [problem] = _problems(run_cli, book, "zh")
    assert status == 2
    # the cell keeps its date format: 2004 typed into it alone was the next run's year-formatted-as-date
    assert problem["code"] == "date-for-year" and problem["message"] == (
        "此处只填年份，不是日期：2004-09-01，请先把单元格格式设为“常规”，"  # no two colons in a row
        "再写 2004（只改数字不改格式，仍会显示为日期）"
    )
    [english] = _problems(run_cli, book, "en")[1]
    assert english["message"] == (
        "a year, not a date, belongs here: for 2004-09-01 set the cell's format to General first, then type"
        " 2004 (typed into the date format, it still shows as a date)"
    )


def test_a_year_typed_as_text_in_a_cell_is_told_to_be_a_number_not_about_a_date_format(book, run_cli):
    # 2004年 in a text cell: no date format to take off the cell, as a real date's advice said of it
    edit(book, lambda b: setattr(cell_of(b["学校"], "established"), "value", "2004年"))
    status, [problem] = _problems(run_cli, book, "zh")
    assert status == 2
    assert problem["code"] == "text-for-year"
    assert problem["message"] == "此处只填年份，写成数字：“2004年”，请写 2004"
    [english] = _problems(run_cli, book, "en")[1]
    assert english["message"] == 'a year belongs here, written as a number: for "2004年" write 2004'


# --- 4. percentages


@pytest.mark.parametrize(
    ("sheet", "key", "value", "number_format", "shown", "expected"),
    [
        ("企业实践", "months", 0.5, "0%", "50%", "a number of months (more than 0)"),
        ("学校", "students", 0.85, "0.00%", "85.00%", "a whole number (0 or more)"),
        ("学校", "appropriation_per_student", 1, "0%", "100%", "an amount in yuan (元, 0 or more)"),
        ("本单位", "funding.new_vocational", 0.25, "0%", "25%", "an amount in 万元"),
    ],
)
def test_a_percentage_where_the_field_is_no_share_is_an_error_at_the_cell(
    book, run_cli, sheet, key, value, number_format, shown, expected
):
    def change(b):
        cell_of(b[sheet], key).value = value
        cell_of(b[sheet], key).number_format = number_format

    edit(book, change)
    status, problems = _problems(run_cli, book)
    assert status == 2
    [problem] = problems
    assert (problem["code"], problem["cell"].split("（")[0]) == ("percent-format", _where(book, sheet, key))
    assert f"holds {value} (shown as {shown})" in problem["message"] and expected in problem["message"]
    [chinese] = _problems(run_cli, book, "zh")[1]
    assert "百分比格式" in chinese["message"] and f"显示为 {shown}" in chinese["message"]


def test_the_same_fraction_without_a_percentage_format_is_read(book, run_cli):
    edit(book, lambda b: setattr(cell_of(b["企业实践"], "months"), "value", 0.5))
    assert _problems(run_cli, book) == (0, [])
    assert _converted(run_cli, book)["schools"][0]["enterprise_practice"][0]["months"] == 0.5


# --- 5. a row of spaces


def test_a_row_of_spaces_is_a_blank_row(book, run_cli):
    def change(b):
        majors = b["专业"]
        majors.insert_rows(5)
        for column in keys_of_columns(majors).values():
            majors.cell(5, column).value = " " if column % 2 else "\u3000\n"

    edit(book, change)
    status, problems = _problems(run_cli, book)
    assert status == 0
    assert [(p["code"], p["severity"], p["cell"]) for p in problems] == [("blank-rows", "warning", "专业!A5")]
    read = _converted(run_cli, book)
    assert len(read["schools"][0]["majors"]) == len(DONGAN["schools"][0]["majors"])


# --- 6. spaces around a name


def test_spaces_and_line_breaks_a_cell_hides_around_a_name_are_taken_off_and_named(book, run_cli):
    def change(b):
        cell_of(b["学校"], "name").value = SCHOOL + " "
        cell_of(b["专业"], "school", 4).value = SCHOOL + "\n"
        cell_of(b["本单位"], "unit.name").value = "  东安县\r\n "

    edit(book, change)
    status, problems = _problems(run_cli, book)
    assert status == 0
    found = {p["cell"].split("（")[0]: p for p in problems}
    assert set(found) == {
        _where(book, "学校", "name"),
        _where(book, "专业", "school", 4),
        _where(book, "本单位", "unit.name"),
    }
    assert {p["code"] for p in problems} == {"text-trimmed"} and {p["severity"] for p in problems} == {
        "warning"
    }
    school = found[_where(book, "学校", "name")]
    assert school["path"] == "schools[0].name"
    assert school["message"] == (
        f'the text has a space at the end, which the cell does not show: removed, read as "{SCHOOL}"; '
        "delete it from the cell"
    )
    assert "a line break at the end" in found[_where(book, "专业", "school", 4)]["message"]
    unit = found[_where(book, "本单位", "unit.name")]["message"]
    assert "2 spaces at the start and a space and a line break at the end" in unit
    chinese = {p["path"]: p["message"] for p in _problems(run_cli, book, "zh")[1]}
    assert chinese["unit.name"].startswith("开头有 2 个空格、末尾有一个空格、一个换行")
    read = _converted(run_cli, book)
    assert read["unit"]["name"] == "东安县" and read["schools"][0]["name"] == SCHOOL
    assert len(read["schools"][0]["majors"]) == len(DONGAN["schools"][0]["majors"])


def test_a_line_break_inside_a_name_is_one_error_at_its_cell(book, run_cli):
    cut = SCHOOL[:7] + "\n" + SCHOOL[7:]
    edit(book, lambda b: setattr(cell_of(b["学校"], "name"), "value", cut))
    status, problems = _problems(run_cli, book)
    assert status == 2
    [problem] = problems  # the rows of its majors still find the school
    assert (problem["code"], problem["cell"].split("（")[0], problem["path"]) == (
        "line-break-in-text",
        _where(book, "学校", "name"),
        "schools[0].name",
    )
    assert f'("{SCHOOL[:7]}", "{SCHOOL[7:]}": 2 lines)' in problem["message"]
    assert f'write "{SCHOOL}"' in problem["message"]


def test_yaml_refuses_what_a_cell_would_trim_and_says_what_it_is(tmp_path, run_cli):
    """In YAML the spaces stand inside quotes the writer typed: an error naming the text, never a silent
    repair; the unit's name with a space gets that error alone, not one about Chinese quotation marks."""
    text = (SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8")
    text = text.replace("  name: 东安县\n", '  name: "东安县 "\n', 1)
    text = text.replace(f"- name: {SCHOOL}", f'- name: "{SCHOOL[:7]}\\n{SCHOOL[7:]}"', 1)
    text = text.replace("- name: 机电技术应用", '- name: "机电技术应用\\n"', 1)
    report = tmp_path / "dongan.yaml"
    report.write_text(text, encoding="utf-8")
    status, problems = _problems(run_cli, report)
    assert status == 2
    assert {(p["code"], p["path"]) for p in problems} == {
        ("text-padded", "unit.name"),
        ("line-break-in-text", "schools[0].name"),
        ("text-padded", "schools[0].majors[0].name"),
    }
    messages = {p["path"]: p["message"] for p in problems}
    assert messages["unit.name"] == (
        'the text "东安县 " has spaces or line breaks at its start or end: remove them, write "东安县"'
    )
    assert messages["schools[0].name"].endswith(f'a name is one line, write "{SCHOOL}"')


def test_every_figure_of_the_workbook_has_the_words_of_what_it_holds():
    """A percentage's message says what the field holds, by its unit of measure: a new unit needs words."""
    from zhijiao_check.report.workbook.layout import layout
    from zhijiao_check.report.workbook.shown import _EXPECTED

    for sheet in layout().sheets:
        for column in sheet.columns:
            if column.kind in ("whole", "number"):
                assert column.measure in _EXPECTED, (sheet.name, column.key)


def test_convert_refuses_a_16th_significant_digit_that_the_workbook_would_not_give_back(tmp_path, run_cli):
    """A cell is read to Excel's 15 digits: a figure of 16 would come back changed, so it is refused."""
    text = (SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8")
    assert "appropriation_per_student: 9200  #" in text
    for figure, status in (("1234.56789012345", 0), ("1234.567890123456", 1)):
        report = tmp_path / "dongan.yaml"
        report.write_text(
            text.replace("appropriation_per_student: 9200  #", f"appropriation_per_student: {figure}  #", 1),
            encoding="utf-8",
        )
        out = tmp_path / "dongan.xlsx"
        result = run_cli("convert", report, "-o", out, "--force", "--lang", "en")
        assert (result.exit_code != 0) == bool(status), result.output
        if status:
            assert f"{figure} in schools[0].appropriation_per_student has more than 15" in result.output
        else:
            assert _converted(run_cli, out)["schools"][0]["appropriation_per_student"] == float(figure)
