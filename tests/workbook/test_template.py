"""The template workbook: its sheets, drop-downs and bounds as a spreadsheet application reads them back."""

from __future__ import annotations

import json
import re

import openpyxl
import pytest
import yaml
from clerk import keys_of_columns, keys_of_rows
from factory import SAMPLES
from openpyxl.utils import get_column_letter

from zhijiao_check.report.scalars import MAXIMUM


def _validations(sheet):
    """{cell range: (type, operator, formula1, formula2)} of a sheet's data validations."""
    return {
        str(v.sqref): (v.type, v.operator, v.formula1, v.formula2)
        for v in sheet.data_validations.dataValidation
    }


def _column(sheet, key):
    return next(cell.column_letter for cell in sheet[2] if cell.value == key)


def test_a_county_template_has_its_sheets_and_no_city_block(template):
    book = openpyxl.load_workbook(template("东安县", 2024))
    assert book.sheetnames == ["填报说明", "本单位", "学校", "专业", "企业实践", "实训基地"]
    intro = [row for row in book["填报说明"].iter_rows(values_only=True)]
    assert ("填报单位", "东安县（县市区）") in intro and ("统计年度", "2024") in intro
    assert any(label == "格式版本" and text.startswith("1") for label, text in intro)


def test_the_city_template_adds_its_block_and_allowances(template):
    assert openpyxl.load_workbook(template("永州市本级", 2024)).sheetnames == [
        "填报说明",
        "本单位",
        "市本级",
        "学校",
        "专业",
        "企业实践",
        "实训基地",
        "人才津贴",
        "园区资金",
    ]


def test_every_enumeration_has_a_drop_down_and_every_number_the_models_bounds(template):
    book = openpyxl.load_workbook(template("东安县", 2024))
    schools = _validations(book["学校"])
    by_column = {rng.split(":")[0].rstrip("0123456789"): rule for rng, rule in schools.items()}
    assert by_column[_column(book["学校"], "level")] == ("list", None, '"中职,高职"', None)
    assert by_column[_column(book["学校"], "ownership")] == ("list", None, '"公办,民办"', None)
    assert by_column[_column(book["学校"], "meets_standards")] == ("list", None, '"是,否"', None)
    assert by_column[_column(book["学校"], "designations:chuyi_brand")] == ("list", None, '"是,否"', None)
    assert by_column[_column(book["学校"], "students")] == ("whole", "between", "0", str(MAXIMUM["count"]))
    assert by_column[_column(book["学校"], "established")] == ("whole", "between", "1800", "2100")
    assert by_column[_column(book["学校"], "appropriation_per_student")] == (
        "decimal",
        "between",
        "0",
        str(MAXIMUM["yuan"]),
    )
    majors = {
        rng.split(":")[0].rstrip("0123456789"): rule for rng, rule in _validations(book["专业"]).items()
    }
    assert majors[_column(book["专业"], "rating")] == ("list", None, '"绿牌,黄牌,红牌"', None)
    assert (
        majors[_column(book["专业"], "cluster")][2]
        == '"生物医药,电子信息,先进装备制造,农产品精深加工,轻纺箱包制鞋,新材料"'
    )
    assert majors[_column(book["专业"], "evaluated_in")] == ("whole", "between", "2000", "2100")
    assert majors["A"][0] == "list" and majors["A"][2].startswith("'学校'!$A$3")  # the school, from 学校
    practice = {
        rng.split(":")[0].rstrip("0123456789"): rule for rng, rule in _validations(book["企业实践"]).items()
    }
    assert practice[_column(book["企业实践"], "teachers")] == ("whole", "between", "1", str(MAXIMUM["count"]))
    assert practice[_column(book["企业实践"], "months")] == ("decimal", "greaterThan", "0", None)
    unit = book["本单位"]
    rows = {unit.cell(r, 1).value: r for r in range(2, unit.max_row + 1)}
    fields = _validations(unit)
    assert fields[f"C{rows['year']}"] == ("whole", "between", "2000", "2100")
    assert fields[f"C{rows['quality_committee']}"] == ("list", None, '"是,否"', None)
    assert fields[f"C{rows['funding.new_education']}"] == (
        "decimal",
        "between",
        "0",
        str(MAXIMUM["wan_yuan"]),
    )


def test_headers_are_frozen_inputs_unlocked_and_the_rest_protected_without_a_password(template):
    book = openpyxl.load_workbook(template("东安县", 2024))
    for name in book.sheetnames:
        assert book[name].protection.sheet is True
        assert not book[name].protection.password
    schools = book["学校"]
    assert schools.freeze_panes == "B3"
    assert schools["A1"].protection.locked and schools["A2"].protection.locked  # header and key
    assert schools["A3"].protection.locked is False and schools["E200"].protection.locked is False
    assert schools.column_dimensions["A"].width >= 28  # a school's full name fits
    unit = book["本单位"]
    rows = {unit.cell(r, 1).value: r for r in range(2, unit.max_row + 1)}
    assert unit.freeze_panes == "C2"
    assert unit[f"C{rows['unit.name']}"].value == "东安县" and unit[f"C{rows['unit.name']}"].protection.locked
    assert unit[f"C{rows['unit.code']}"].value == "431122" and unit[f"C{rows['unit.code']}"].data_type == "s"
    assert unit[f"C{rows['year']}"].value == 2024 and unit[f"C{rows['year']}"].protection.locked is False
    assert unit[f"D{rows['funding.new_education']}"].value == "万元"


def test_a_blank_template_is_a_report_whose_schools_are_still_to_be_given(template, run_cli):
    """Every other field may stay blank (missing); a blank 学校 sheet is ``schools`` not given, as in YAML,
    and was once a valid report of a unit without schools."""
    result = run_cli("validate", template("冷水滩区", 2024), "-f", "json")
    assert result.exit_code == 2, result.output
    problems = json.loads(result.stdout)["problems"]
    assert [(p["code"], p["cell"]) for p in problems if p["severity"] == "error"] == [
        ("schools-blank", "学校!A3（学校名称）")
    ]


def test_the_templates_protection_allows_what_its_instructions_allow(template):
    """说明 8 allows formatting, sorting, filtering and remark columns; formatting was refused, there was no
    filter, and the cells beside a table were locked."""
    book = openpyxl.load_workbook(template("冷水滩区", 2024))
    steps = " ".join(str(row[1].value) for row in book["填报说明"].iter_rows() if row[1].value)
    assert "备注列" in steps and "筛选箭头" in steps and "“无”" in steps
    for name in ("本单位", "学校", "专业"):
        sheet = book[name]
        protection = sheet.protection
        assert protection.sheet
        assert not any(
            (
                protection.formatCells,
                protection.insertColumns,
                protection.insertRows,
                protection.sort,
                protection.autoFilter,
            )
        )
        free = sheet.max_column + 1
        assert sheet.column_dimensions[get_column_letter(free)].protection.locked is False, name
    schools = book["学校"]
    assert schools.auto_filter.ref.startswith("A2:")  # on the key row: a sort by it never moves the keys


def test_from_last_year_prefills_and_carries_current_figures_to_last_year(template, run_cli, tmp_path):
    last = yaml.safe_load((SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8"))
    made = template("东安县", 2024, "--from", str(SAMPLES / "2023" / "dongan.yaml"))
    out = tmp_path / "back.yaml"
    assert run_cli("convert", made, "-o", out).exit_code == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["year"] == 2024
    assert data["schools"][0]["name"] == last["schools"][0]["name"]
    first_major = data["schools"][0]["majors"][0]
    assert first_major["previous_enrollment"] == last["schools"][0]["majors"][0]["enrollment"]
    assert data["general_high_school_plan"]["current"] == last["general_high_school_plan"]["next"]
    assert data["funding"] == last["funding"]  # the rest as it was, for the county to edit


def test_from_another_units_report_is_refused(run_cli, tmp_path):
    result = run_cli(
        "template",
        "--unit",
        "道县",
        "--year",
        "2024",
        "-o",
        tmp_path / "x.xlsx",
        "--from",
        SAMPLES / "2023" / "dongan.yaml",
    )
    assert result.exit_code == 2
    assert "东安县" in result.output and not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize(
    ("year", "lang", "said"),
    [
        (2023, "zh", "是 2023 年的报表，--year 2023 的模板应以上一年（2022 年）的报表预填"),
        (2022, "zh", "是 2023 年的报表，--year 2022 的模板应以上一年（2021 年）的报表预填"),
        (
            2025,
            "en",
            "is the report of 2023, and --year 2025 is pre-filled from the report of the year before, 2024",
        ),
    ],
)
@pytest.mark.parametrize("suffix", [".yaml", ".xlsx"])
def test_from_a_report_not_of_the_year_before_is_refused(run_cli, tmp_path, year, lang, said, suffix):
    # --year 2023 --from 2023/dongan.yaml wrote a template whose last year's enrolment was 2023's (165, not
    # 150), and said nothing.
    out = tmp_path / f"t{suffix}"
    result = run_cli(
        "template",
        "--unit",
        "东安县",
        "--year",
        str(year),
        "-o",
        out,
        "--from",
        SAMPLES / "2023" / "dongan.yaml",
        "--lang",
        lang,
    )
    assert result.exit_code == 2
    assert said in result.output and not out.exists()


def test_from_the_year_before_carries_its_figures_into_last_year_s(run_cli, tmp_path):
    out = tmp_path / "dongan-2023.yaml"
    source = SAMPLES / "2022" / "dongan.yaml"
    assert run_cli("template", "-u", "东安县", "-y", "2023", "-o", out, "--from", source).exit_code == 0
    made, last = (yaml.safe_load(path.read_text(encoding="utf-8")) for path in (out, source))
    assert made["year"] == 2023 and last["year"] == 2022
    major, last_major = made["schools"][0]["majors"][0], last["schools"][0]["majors"][0]
    assert major["previous_enrollment"] == last_major["enrollment"]


def test_a_workbook_is_never_written_to_a_terminal(run_cli):
    result = run_cli("template", "--unit", "道县", "--year", "2024", "--format", "xlsx")
    # CliRunner's stdout is not a terminal: the bytes go through, as to a pipe
    assert result.exit_code == 0 and result.stdout_bytes.startswith(b"PK")


def test_every_drop_down_shows_chinese_words_never_raw_values(template):
    """Each enumeration's list shows its Chinese words (绿牌, 在建), as a clerk reads them; a new enumeration
    whose values have no words in ``CHOICE_LABELS`` would show ASCII here and fail."""
    book = openpyxl.load_workbook(template("永州市本级", 2024))
    lists = [
        (name, v.formula1)
        for name in book.sheetnames
        for v in book[name].data_validations.dataValidation
        if v.type == "list" and v.formula1.startswith('"')
    ]
    assert len(lists) > 20
    for name, formula in lists:
        assert not re.search("[A-Za-z]", formula), (name, formula)
    schools = {
        rng.split(":")[0].rstrip("0123456789"): rule for rng, rule in _validations(book["学校"]).items()
    }
    assert schools[_column(book["学校"], "construction_project")] == (
        "list",
        None,
        '"未开工,在建,已完工并投入使用"',
        None,
    )


def test_every_choice_reads_back_from_its_word_or_its_value():
    from zhijiao_check.report.workbook.layout import layout
    from zhijiao_check.report.workbook.rawdata import convert

    choices = [column for sheet in layout().sheets for column in sheet.columns if column.kind == "choice"]
    assert {c.key for c in choices} >= {
        "unit.kind",
        "level",
        "ownership",
        "construction_project",
        "rating",
        "cluster",
        "role",
    }
    for column in choices:
        for value, word in column.choices:
            assert re.search(r"[\u4e00-\u9fff]", word), (column.key, value, word)
            assert convert(column, word) == convert(column, value) == convert(column, f" {word} ") == value


def test_a_school_project_typed_as_its_word_or_its_value_reads_as_the_value(filled, run_cli, tmp_path):
    data = yaml.safe_load((SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8"))
    data["schools"][0]["construction_project"] = "building"  # the clerk picks 在建 from the drop-down
    book = filled(data, "dongan.xlsx")
    edited = openpyxl.load_workbook(book)
    column = _column(edited["学校"], "construction_project")
    assert edited["学校"][f"{column}3"].value == "在建"
    edited["学校"][f"{column}4"] = "completed"  # typed as in YAML
    edited.save(book)
    out = tmp_path / "back.yaml"
    assert run_cli("convert", book, "-o", out).exit_code == 0
    schools = yaml.safe_load(out.read_text(encoding="utf-8"))["schools"]
    assert [s.get("construction_project") for s in schools] == ["building", "completed"]
    result = run_cli("validate", book)
    assert result.exit_code == 0, result.output


def test_every_field_has_a_chinese_header_and_its_note(template):
    """As 本单位's 说明 column explains each field,
    each table's header carries the field's note as a comment.
    """
    from zhijiao_check.report.workbook.layout import layout

    book = openpyxl.load_workbook(template("永州市本级", 2024))
    for sheet in layout().sheets:
        shown = book[sheet.name]
        for column in sheet.columns:
            assert re.search(r"[\u4e00-\u9fff]", column.header) and column.note, (sheet.name, column.key)
            if sheet.fields:
                row = keys_of_rows(shown)[column.key]
                assert (shown.cell(row, 2).value, shown.cell(row, 5).value) == (column.header, column.note)
            else:
                header = shown.cell(1, keys_of_columns(shown)[column.key])
                assert header.value.startswith(column.header) and header.comment.text == column.note
    schools = book["学校"]
    assert "新建学校不填" in schools.cell(1, keys_of_columns(schools)["upgraded"]).comment.text


def test_docs_list_every_field_of_every_sheet_in_the_templates_order():
    from factory import ROOT

    from zhijiao_check.report.workbook.layout import layout

    docs = (ROOT / "docs" / "excel.md").read_text(encoding="utf-8")
    listed = docs.split("## 各表的字段", 1)[1].split("\n## ", 1)[0]
    sections = {chunk.split("**", 1)[0]: chunk for chunk in listed.split("\n**")[1:]}
    assert list(sections) == [sheet.name for sheet in layout().sheets]
    for sheet in layout().sheets:
        rows = [line.split(" | ") for line in sections[sheet.name].splitlines() if line.startswith("| ")][1:]
        assert [(header.removeprefix("| ").rstrip("＊"), key.strip("`")) for header, key, _ in rows] == [
            (column.header, column.key) for column in sheet.columns
        ], f"docs/excel.md, {sheet.name}"


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ("先进装备制造", "先进装备制造、机械", "leading_industries"),  # a name a cell would split in two
        (
            "appropriation_per_student: 9200",
            "appropriation_per_student: 9200.000000000002",
            "9200.000000000002",
        ),
    ],
)
def test_from_a_report_a_workbook_would_not_give_back_is_refused_as_convert_refuses_it(
    run_cli, tmp_path, old, new, said
):
    """``template --from`` writes last year's names and figures into this year's workbook: what a cell
    would split or round is refused, as ``convert`` refuses it, and nothing is written."""
    text = (SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8")
    assert old in text
    source = tmp_path / "dongan.yaml"
    source.write_text(text.replace(old, new, 1), encoding="utf-8")
    for command in (
        ("template", "-u", "东安县", "-y", "2024", "-o", tmp_path / "t.xlsx", "--from", source),
        ("convert", source, "-o", tmp_path / "c.xlsx"),
    ):
        result = run_cli(*command)
        assert result.exit_code == 2 and said in result.output, result.output
    assert not (tmp_path / "t.xlsx").exists() and not (tmp_path / "c.xlsx").exists()


@pytest.mark.parametrize("from_last_year", [False, True])
def test_an_english_run_says_the_workbook_is_the_chinese_form(run_cli, tmp_path, from_last_year):
    # `template --lang en -o x.xlsx` wrote Chinese sheets and labels without a word, where README's template
    # row says "in English with --lang en": the workbook is the bureau's Chinese form by design (excel.md).
    extra = ("--from", SAMPLES / "2023" / "dongan.yaml") if from_last_year else ()
    out = tmp_path / "x.xlsx"
    result = run_cli("template", "-u", "东安县", "-y", "2024", "--lang", "en", "-o", out, *extra)
    assert result.exit_code == 0 and out.exists()
    assert result.stderr == (
        "The workbook is the bureau's Chinese form whatever --lang says: its sheet names, headers and "
        "instructions are in Chinese (docs/excel.md); for an English template write YAML (-o NAME.yaml)\n"
    )
    assert openpyxl.load_workbook(out).sheetnames[0] == "填报说明"


@pytest.mark.parametrize(("lang", "name"), [("zh", "x.xlsx"), ("en", "x.yaml")])
def test_a_chinese_workbook_or_an_english_yaml_template_says_nothing_of_it(run_cli, tmp_path, lang, name):
    result = run_cli("template", "-u", "东安县", "-y", "2024", "--lang", lang, "-o", tmp_path / name)
    assert (result.exit_code, result.stderr) == (0, "")
