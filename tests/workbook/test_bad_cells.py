"""Each way a clerk's workbook goes wrong: an error at the right cell with the YAML's advice, or a warning
and the same reading, never a silently wrong figure."""

from __future__ import annotations

import datetime
import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
import yaml
from clerk import cell_of, edit, keys_of_columns, keys_of_rows
from factory import SAMPLES

DONGAN = yaml.safe_load((SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8"))


def _problems(run_cli, path):
    result = run_cli("validate", path, "-f", "json", "--lang", "en")
    return result.exit_code, json.loads(result.stdout)["problems"]


@pytest.mark.parametrize(
    ("typed", "code", "advice"),
    [
        ("3,120", "number-with-separator", "3120"),
        ("2.5万", "number-with-magnitude", "25000"),
        ("50%", "percent-not-accepted", None),
        ("3120人", "number-with-unit", "3120"),
        ("３１２０", "number-full-width", "3120"),
        ("many", "not-a-number", None),
        ("无", "none-for-number", "type 0 for a count of none; leave the cell blank"),
        ("-", "none-for-number", "type 0 for a count of none; leave the cell blank"),
        ("约3100", "hedged-number", "3100"),
        ("3100 ＃在校生", "comment-without-space", 'holds the number alone: for "3100 ＃在校生" type 3100'),
    ],
)
def test_text_in_a_number_cell_gets_the_yaml_advice_at_its_cell(book, run_cli, typed, code, advice):
    edit(book, lambda b: setattr(cell_of(b["学校"], "students"), "value", typed))
    status, problems = _problems(run_cli, book)
    assert status == 2
    [problem] = [p for p in problems if p["severity"] == "error"]
    assert (problem["code"], problem["cell"], problem["path"]) == (
        code,
        f"学校!{_letter(book, '学校', 'students')}3（在校生）",
        "schools[0].students",
    )
    assert problem["line"] == 3
    if advice:
        assert advice in problem["message"]


def test_a_fraction_where_a_count_belongs_and_a_wrong_choice(book, run_cli):
    def change(b):
        cell_of(b["专业"], "enrollment", 4).value = 120.5
        cell_of(b["学校"], "level").value = "中专"
        cell_of(b["本单位"], "quality_committee").value = "已建立"

    edit(book, change)
    status, problems = _problems(run_cli, book)
    codes = {(p["code"], p["cell"].split("（")[0][:3]) for p in problems}
    assert status == 2
    assert ("float-for-int", "专业!") in codes and ("not-one-of", "学校!") in codes
    assert ("bool-spelling", "本单位") in codes


@pytest.mark.parametrize(
    ("sheet", "key", "typed", "code", "zh", "en"),
    [
        (
            "学校",
            "students",
            " 3120 ",  # a number stored as text (pasted, or typed after an apostrophe): no quotes to take out
            "number-as-text",
            (
                "单元格里的数字存成了文本 “3120”：请改为数字 3120"
                "（删去空格和开头的单引号，或用 Excel/WPS 的“转换为数字”）"
            ),
            (
                'the number in this cell is stored as text "3120": make it the number 3120 (remove spaces '
                "and a leading apostrophe, or use Excel's or WPS's Convert to Number)"
            ),
        ),
        (
            "学校",
            "meets_standards",
            "√",  # a tick: the cell's drop-down list offers 是 and 否, not YAML's true and false
            "bool-spelling",
            "是/否格只能从下拉列表中选“是”或“否”，不能写 “√”",
            'a yes/no cell takes 是 (yes) or 否 (no) from its drop-down list, not "√"',
        ),
        (
            "学校",
            "meets_standards",
            2,
            "wrong-type",
            "填写了 2：此处应为“是”或“否”",
            "found 2: write 是 (yes) or 否 (no)",
        ),
        (
            "本单位",
            "unit.code",
            43112,  # a code Excel turned into a number, its leading zero (were it 043112) lost
            "code-number-short",
            (
                "此处应为 6 位行政区划代码（文字），单元格里却是 5 位的数字 43112：数字不保留开头的 0，"
                "看不出原来的代码；请把单元格设为“文本”格式后重新输入完整的 6 位代码"
            ),
            (
                "a 6-digit administrative code (text) belongs here, but the cell holds 43112, a number of "
                "5 digits: a number keeps no leading zero, so the code meant cannot be told; format the cell "
                "as Text and type all 6 digits of the code"
            ),
        ),
        (
            "学校",
            "students",
            datetime.datetime(2023, 1, 5),  # typed "2023-1-5", or a number cell formatted as a date
            "date-for-number",
            (
                "单元格是日期格式（显示为 2023-01-05），不是数字：请把单元格设为“常规”或“数值”格式，"
                "再填写一个不小于 0 的整数"
            ),
            (
                "the cell holds a date (2023-01-05), not a number: format it as General or Number and enter "
                "a whole number (0 or more)"
            ),
        ),
    ],
)
def test_a_cell_is_worded_for_a_workbook_where_yaml_advice_would_not_fit(
    book, run_cli, sheet, key, typed, code, zh, en
):
    """Quotes and true/false are YAML's: a cell takes a number, a drop-down's 是 or 否, or text. The code is
    the YAML problem's; only the words differ (``Problem.message_key``)."""
    edit(book, lambda b: setattr(cell_of(b[sheet], key), "value", typed))
    for lang, message in (("zh", zh), ("en", en)):
        result = run_cli("validate", book, "-f", "json", "--lang", lang)
        [problem] = [p for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"]
        assert result.exit_code == 2
        assert (problem["code"], problem["message"]) == (code, message)
        assert problem["cell"].startswith(f"{sheet}!")


def test_the_city_parks_funding_is_worded_for_its_sheets(filled, run_cli):
    """A park of 园区资金 not among 市本级's parks, and a park left without a row: said at 园区资金, in the
    words of the sheets, never park_funding or amount: 0."""
    city = yaml.safe_load((SAMPLES / "2023" / "shibenji.yaml").read_text(encoding="utf-8"))
    book = edit(filled(city, "city.xlsx"), lambda b: setattr(b["园区资金"]["A4"], "value", "某某示范园"))
    for lang, unknown, unfunded in (
        ("zh", "园区名称“某某示范园”不在“市本级”表所填的产教融合示范园区（", "在“园区资金”表中没有一行"),
        (
            "en",
            'the park "某某示范园" is not one of the parks filled in on the sheet 市本级',
            "with 0 under 资金支持",
        ),
    ):
        result = run_cli("validate", book, "-f", "json", "--lang", lang)
        found = {p["code"]: p for p in json.loads(result.stdout)["problems"]}
        assert result.exit_code == 2 and set(found) == {"unknown-park", "park-without-funding"}
        assert found["unknown-park"]["cell"] == "园区资金!A4（园区名称）"
        assert found["unknown-park"]["message"].startswith(unknown)
        assert unfunded in found["park-without-funding"]["message"]
        words = found["unknown-park"]["message"] + found["park-without-funding"]["message"]
        assert "park_funding" not in words and "demonstration_parks" not in words and "amount" not in words


def test_the_same_mistakes_in_yaml_keep_yamls_advice(tmp_path, run_cli):
    text = (SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8")
    text = text.replace("meets_standards: true", "meets_standards: √", 1).replace(
        "students: 1420", 'students: "1420"', 1
    )
    report = tmp_path / "dongan.yaml"
    report.write_text(text, encoding="utf-8")
    messages = {p["code"]: p["message"] for p in _problems(run_cli, report)[1]}
    assert messages["bool-spelling"] == 'yes/no fields take true or false: for "√" write true'
    assert messages["number-as-text"] == 'found the text "1420": write the number 1420 (no quotes, no spaces)'


def test_a_blank_required_cell_is_missing_at_that_cell_and_a_blank_figure_is_absent(book, run_cli):
    edit(book, lambda b: setattr(cell_of(b["学校"], "ownership", 4), "value", None))
    status, problems = _problems(run_cli, book)
    [problem] = problems
    assert (
        status == 2
        and problem["path"] == "schools[1].ownership"
        and problem["cell"].endswith("4（举办性质）")
    )
    fixed = edit(
        book,
        lambda b: (
            setattr(cell_of(b["学校"], "ownership", 4), "value", "民办"),
            setattr(cell_of(b["学校"], "appropriation_per_student"), "value", None),
        ),
    )
    document = json.loads(run_cli("check", fixed, "-f", "json").stdout)
    results = {r["rule"]: r for r in document["reports"][0]["results"]}
    assert results["c16.secondary-funding"]["status"] == "missing"  # blank is absent, never zero


def test_a_formula_is_read_by_its_cached_value_and_one_without_is_an_error(book, run_cli, tmp_path):
    edit(book, lambda b: setattr(cell_of(b["学校"], "teachers"), "value", "=100+10"))
    status, problems = _problems(run_cli, book)
    [problem] = problems
    assert status == 2 and problem["code"] == "formula-no-value" and "save" in problem["message"]
    # A spreadsheet application computes and caches it on saving: then the figure is read.
    saved = _with_cached_value(book, "学校", problem["cell"].split("!")[1].split("（")[0], "110")
    assert run_cli("validate", saved).exit_code == 0


def _with_cached_value(path: Path, sheet_name: str, coordinate: str, value: str) -> Path:
    """The file as Excel saves it: the formula kept, its result cached in ``<v>``."""
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        parts = {name: archive.read(name) for name in names}
    book = openpyxl.load_workbook(path)
    index = book.sheetnames.index(sheet_name) + 1
    part = f"xl/worksheets/sheet{index}.xml"
    parts[part] = parts[part].replace(b"<f>100+10</f><v></v>", f"<f>100+10</f><v>{value}</v>".encode())
    parts[part] = parts[part].replace(b"<f>100+10</f><v />", f"<f>100+10</f><v>{value}</v>".encode())
    if f"<v>{value}</v>".encode() not in parts[part]:
        parts[part] = parts[part].replace(b"<f>100+10</f>", f"<f>100+10</f><v>{value}</v>".encode())
    out = path.with_name("saved.xlsx")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            archive.writestr(name, parts[name])
    return out


def test_merged_data_cells_are_an_error_and_a_merged_header_a_warning(book, run_cli):
    def change(b):
        b["专业"].merge_cells("D3:D4")
        b["学校"].insert_rows(1)
        b["学校"]["A1"] = "东安县职业院校情况"
        b["学校"].merge_cells("A1:F1")

    edit(book, change)
    status, problems = _problems(run_cli, book)
    found = {(p["code"], p["severity"], p["cell"]) for p in problems}
    assert status == 2
    assert ("merged-cells", "error", "专业!D3") in found
    assert all(p["code"] == "merged-cells" for p in problems if p["severity"] == "error")


def test_a_title_row_and_a_merged_header_leave_the_reading_unchanged(book, run_cli):
    def change(b):
        sheet = b["学校"]
        sheet.insert_rows(1)
        sheet["A1"] = "东安县职业院校"
        sheet.merge_cells("B2:C2")  # 办学层次 and 举办性质 under one header

    edit(book, change)
    status, problems = _problems(run_cli, book)
    assert status == 0
    assert [p["code"] for p in problems] == ["merged-header"]
    assert _statuses(run_cli, book) == _statuses(run_cli, SAMPLES / "2023" / "dongan.yaml")


def _statuses(run_cli, path):
    document = json.loads(run_cli("check", path, "-f", "json").stdout)
    return {r["rule"]: (r["status"], r["observed"]) for r in document["reports"][0]["results"]}


def test_hidden_extra_sheets_extra_and_renamed_columns_and_blank_rows_are_warnings(book, run_cli):
    def change(b):
        b["企业实践"].sheet_state = "hidden"
        b.create_sheet("草稿")["A1"] = "scratch"
        schools = b["学校"]
        schools.cell(1, schools.max_column + 1, "备注").value = "备注"
        schools.cell(3, schools.max_column, "老校区").value = "老校区"
        schools["B1"] = "层次"  # renamed header, key intact
        b["专业"].insert_rows(5)  # a blank line between majors

    edit(book, change)
    status, problems = _problems(run_cli, book)
    assert status == 0
    codes = {p["code"]: p["cell"] for p in problems}
    assert codes["sheet-hidden"] == "企业实践!A1"
    assert codes["sheet-not-read"] == "草稿!A1"
    assert codes["column-not-read"].endswith("3（备注）")
    assert codes["header-renamed"] == "学校!B1"
    assert codes["blank-rows"] == "专业!A5"
    assert _statuses(run_cli, book) == _statuses(run_cli, SAMPLES / "2023" / "dongan.yaml")


@pytest.mark.parametrize(
    ("sheet", "renamed"),
    [("学校", "学校情况"), ("专业", "专业 (2)"), ("企业实践", "教师企业实践"), ("本单位", "单位基本情况")],
)
def test_a_renamed_sheet_is_one_error_at_it_naming_the_sheet_it_looks_like(book, run_cli, sheet, renamed):
    """Its rows would go unread: one error at the renamed sheet, not a missing sheet said at 本单位 too."""
    edit(book, lambda b: setattr(b[sheet], "title", renamed))
    status, problems = _problems(run_cli, book)
    assert status == 2
    assert [(p["code"], p["severity"], p["cell"]) for p in problems] == [
        ("sheet-renamed", "error", f"{renamed}!A1")
    ]
    assert f'rename it back to "{sheet}"' in problems[0]["message"]
    zh = json.loads(run_cli("validate", book, "-f", "json").stdout)["problems"][0]["message"]
    assert zh.startswith(f"工作表“{renamed}”像是“{sheet}”表（字段代码")
    assert zh.endswith(f"请把工作表名改回“{sheet}”")


def test_a_renamed_city_sheet_is_an_error_and_a_deleted_one_a_warning(filled, run_cli):
    city = yaml.safe_load((SAMPLES / "2023" / "shibenji.yaml").read_text(encoding="utf-8"))
    renamed = edit(filled(city, "renamed.xlsx"), lambda b: setattr(b["市本级"], "title", "市本级情况"))
    status, problems = _problems(run_cli, renamed)
    assert status == 2 and [(p["code"], p["cell"]) for p in problems] == [("sheet-renamed", "市本级情况!A1")]
    deleted = edit(filled(city, "deleted.xlsx"), lambda b: b.remove(b["市本级"]))
    status, problems = _problems(run_cli, deleted)
    assert status == 0 and [(p["code"], p["severity"]) for p in problems] == [("sheet-missing", "warning")]


def test_a_deleted_sheet_is_said_once_an_error_for_schools_a_warning_for_the_others(book, run_cli, tmp_path):
    schools = tmp_path / "schools.xlsx"
    schools.write_bytes(book.read_bytes())
    edit(schools, lambda b: b.remove(b["学校"]))
    status, problems = _problems(run_cli, schools)
    assert status == 2 and [(p["code"], p["cell"]) for p in problems] == [("no-sheet", "本单位!A1")]
    edit(book, lambda b: b.remove(b["专业"]))
    status, problems = _problems(run_cli, book)
    assert status == 0 and [(p["code"], p["severity"]) for p in problems] == [("sheet-missing", "warning")]


def test_an_extra_sheet_with_other_keys_is_still_only_not_read(book, run_cli):
    def change(b):
        b.create_sheet("草稿").append(["name", "remark"])  # one key of 学校's: no table of the template

    edit(book, change)
    status, problems = _problems(run_cli, book)
    assert status == 0 and [p["code"] for p in problems] == ["sheet-not-read"]


def test_an_extra_chart_sheet_is_said_not_read_as_any_extra_sheet_is(book, run_cli):
    """A chart sheet (图表 › 移动图表 › 新工作表) went unnamed: openpyxl lists chart sheets apart."""
    from openpyxl.chart import BarChart, Reference

    def change(b):
        chart = BarChart()
        chart.add_data(Reference(b["学校"], min_col=6, min_row=3, max_row=4))
        b.create_chartsheet("图表").add_chart(chart)
        b.create_sheet("草稿")["A1"] = "scratch"

    edit(book, change)
    status, problems = _problems(run_cli, book)
    assert status == 0
    assert [(p["code"], p["severity"], p["cell"]) for p in problems] == [
        ("sheet-not-read", "warning", "图表!A1"),
        ("sheet-not-read", "warning", "草稿!A1"),
    ]
    assert problems[0]["message"].startswith("this sheet is not part of the report and was not read")


def test_a_deleted_column_is_a_warning_and_its_figures_are_missing(book, run_cli):
    def change(b):
        sheet = b["学校"]
        sheet.delete_cols(keys_of_columns(sheet)["appropriation_per_student"])

    edit(book, change)
    status, problems = _problems(run_cli, book)
    assert status == 0 and [p["code"] for p in problems] == ["column-missing"]
    assert _statuses(run_cli, book)["c16.secondary-funding"][0] == "missing"


def test_a_school_row_left_out_reads_as_the_yaml_without_that_school(book, run_cli, tmp_path):
    def change(b):
        b["学校"].delete_rows(4)
        for name in ("专业", "企业实践"):
            sheet = b[name]
            for row in range(sheet.max_row, 2, -1):
                if sheet.cell(row, 1).value == DONGAN["schools"][1]["name"]:
                    sheet.delete_rows(row)

    edit(book, change)
    without = dict(DONGAN, schools=DONGAN["schools"][:1])
    path = tmp_path / "without.yaml"
    path.write_text(yaml.safe_dump(without, allow_unicode=True), encoding="utf-8")
    assert _statuses(run_cli, book) == _statuses(run_cli, path)


def test_an_unknown_school_key_or_duplicate_field_is_an_error_at_its_cell(book, run_cli):
    def change(b):
        cell_of(b["专业"], "school", 3).value = "东安县职业中专"
        b["学校"].cell(2, keys_of_columns(b["学校"])["teachers"]).value = "teacher"
        unit = b["本单位"]
        unit.cell(unit.max_row + 1, 1, "craftsman_students")
        unit.cell(unit.max_row, 3, 5)

    edit(book, change)
    status, problems = _problems(run_cli, book)
    found = {p["code"]: p for p in problems}
    assert status == 2
    assert found["unknown-school"]["cell"] == "专业!A3（学校名称）"
    assert "东安县职业中等专业学校" in found["unknown-school"]["message"]  # the close name, suggested
    assert found["unknown-key"]["cell"].startswith("学校!") and "teachers" in found["unknown-key"]["message"]
    assert found["duplicate-key"]["cell"].startswith("本单位!A")


def test_none_with_rows_is_an_error_and_none_alone_is_an_empty_list(book, run_cli):
    edit(book, lambda b: setattr(cell_of(b["学校"], "majors"), "value", "无"))
    status, problems = _problems(run_cli, book)
    assert status == 2 and [p["code"] for p in problems] == ["none-but-rows"]
    assert problems[0]["cell"].endswith("3（开设专业）")

    def no_bases(b):
        cell_of(b["本单位"], "training_bases").value = "无"
        b["实训基地"].delete_rows(3, 10)

    edit(book, lambda b: setattr(cell_of(b["学校"], "majors"), "value", None))
    edit(book, no_bases)
    assert _statuses(run_cli, book)["c7.training-base"][1] == 0  # none: counted as 0
    edit(book, lambda b: setattr(cell_of(b["本单位"], "training_bases"), "value", None))
    assert _statuses(run_cli, book)["c7.training-base"][1] is None  # not given: no figure


def test_a_county_workbook_with_a_city_sheet_filled_in_is_refused_there(book, run_cli, template):
    city = openpyxl.load_workbook(template("永州市本级", 2023))

    def change(b):
        sheet = b.create_sheet("市本级")
        for row in city["市本级"].iter_rows(values_only=True):
            sheet.append(row)
        sheet.cell(keys_of_rows(sheet)["demonstration_enterprises"], 3, 12)

    edit(book, change)
    status, problems = _problems(run_cli, book)
    assert status == 2 and [p["code"] for p in problems] == ["city-block-not-city"]
    assert problems[0]["cell"].startswith("市本级!")


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "xls-or-encrypted"),
        (b"schema_version: 1\n", "yaml-not-xlsx"),
        (b"PK\x05\x06" + b"\0" * 18, "not-a-workbook"),
    ],
)
def test_what_is_not_an_xlsx_workbook_says_what_to_do(run_cli, tmp_path, content, code):
    path = tmp_path / "x.xlsx"
    path.write_bytes(content)
    status, problems = _problems(run_cli, path)
    assert status == 2 and [p["code"] for p in problems] == [code]


def test_a_zip_bomb_is_refused_before_it_is_unpacked(run_cli, tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        # 300 MiB of zeros, ~300 KiB
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    status, problems = _problems(run_cli, path)
    assert status == 2 and problems[0]["code"] == "zip-bomb"
    assert problems[0]["message"] == (
        "the workbook would unpack far beyond any real report (2 parts of about 300 MiB in all, over the "
        "limit of 200 MiB): check that this is the right file; refused"
    )


def test_a_zip_of_many_parts_is_refused_saying_how_many(run_cli, tmp_path):
    """Its size was not worked out, and the message said "about ? MiB"."""
    path = tmp_path / "parts.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        for n in range(1001):
            archive.writestr(f"xl/media/{n}.bin", b"")
    [problem] = _problems(run_cli, path)[1]
    assert problem["code"] == "zip-bomb"
    assert problem["message"] == (
        "the workbook would unpack far beyond any real report (1,002 parts, where a real workbook has a few "
        "dozen): check that this is the right file; refused"
    )
    zh = json.loads(run_cli("validate", path, "-f", "json").stdout)["problems"][0]["message"]
    assert zh == (
        "工作簿解压后远超任何真实报表（由 1,002 个部件组成，真实的工作簿只有几十个）："
        "请确认没有选错文件；拒绝读取"
    )


def test_a_part_parsed_whole_is_refused_by_its_own_size(run_cli, tmp_path):
    path = tmp_path / "styled.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/styles.xml", b" " * (3 * 1024 * 1024))
    [problem] = _problems(run_cli, path)[1]
    assert problem["code"] == "zip-bomb" and "?" not in problem["message"]
    assert "(its part xl/styles.xml is about 3.0 MiB, over the limit of 1 MiB for it)" in problem["message"]


def test_more_than_50000_rows_are_refused(run_cli, tmp_path):
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("本单位")
    for n in range(50_001):
        sheet.append([n])
    buffer = io.BytesIO()
    workbook.save(buffer)
    path = tmp_path / "rows.xlsx"
    path.write_bytes(buffer.getvalue())
    status, problems = _problems(run_cli, path)
    assert status == 2 and [p["code"] for p in problems] == ["too-many-rows"]


def _bordered(book: Path, last: int) -> Path:
    """学校!A3:Y``last`` with a thin border on every cell, as a clerk draws one down the sheet."""
    from openpyxl.styles import Border, Side

    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)

    def change(b):
        for row in b["学校"].iter_rows(min_row=3, max_row=last, min_col=1, max_col=25):
            for cell in row:
                cell.border = border

    return edit(book, change)


def test_formatted_blank_cells_do_not_count_toward_the_bound(book, run_cli, monkeypatch):
    """107,000 bordered cells, almost all blank: read as the YAML is. Far more (here, past a bound lowered
    to spare the test the time) are refused naming the sheet, the row reached and the cells with a value."""
    from zhijiao_check.report.workbook import grids

    _bordered(book, 4300)
    status, problems = _problems(run_cli, book)
    assert status == 0 and problems == []
    assert _statuses(run_cli, book) == _statuses(run_cli, SAMPLES / "2023" / "dongan.yaml")
    monkeypatch.setattr(grids, "MAX_STREAMED", 50_000)
    status, problems = _problems(run_cli, book)
    assert status == 2
    [problem] = problems
    assert (problem["code"], problem["cell"], problem["line"]) == (
        "too-many-formatted-cells",
        "学校!A1:Y4",
        1,
    )
    assert 'the sheet "学校" has more than 50,000 cells by row ' in problem["message"]
    assert "holding a value are A1:Y4" in problem["message"]


def test_too_many_cells_with_a_value_name_the_sheet_and_its_used_range(book, run_cli):
    def change(b):
        sheet = b["学校"]
        for row in range(5, 4300):
            for column in range(1, 26):
                sheet.cell(row, column).value = 1

    edit(book, change)
    status, problems = _problems(run_cli, book)
    assert status == 2
    assert [(p["code"], p["cell"]) for p in problems] == [("too-many-cells", "学校!A1:Y4299")]
    assert 'on the sheet "学校" (A1:Y4299)' in problems[0]["message"]


def test_a_file_over_10_mib_is_refused_unread(run_cli, tmp_path):
    path = tmp_path / "big.xlsx"
    path.write_bytes(b"PK" + b"\0" * (10 * 1024 * 1024 + 1))
    assert [p["code"] for p in _problems(run_cli, path)[1]] == ["file-too-large"]


def test_a_workbook_without_the_unit_sheet_is_refused(run_cli, tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "冷水滩区"
    workbook.save(tmp_path / "other.xlsx")
    status, problems = _problems(run_cli, tmp_path / "other.xlsx")
    assert status == 2 and [p["code"] for p in problems] == ["no-unit-sheet"]


def test_every_output_format_shows_the_cell(book, run_cli, tmp_path):
    edit(book, lambda b: setattr(cell_of(b["学校"], "students"), "value", "3,120"))
    outputs = {name: tmp_path / f"out.{name}" for name in ("junit", "github", "markdown", "html", "sarif")}
    args = [arg for name, out in outputs.items() for arg in ("-f", name, "-o", out)]
    assert run_cli("check", book, *args).exit_code == 2
    column = openpyxl.utils.get_column_letter(
        keys_of_columns(openpyxl.load_workbook(book)["学校"])["students"]
    )
    for name, out in outputs.items():
        text = out.read_text(encoding="utf-8")
        if name == "sarif":
            region = json.loads(text)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
            assert region == {
                "startLine": 3,
                "startColumn": keys_of_columns(openpyxl.load_workbook(book)["学校"])["students"],
            }
            assert f"学校!{column}3" in text  # the region's line and column name no sheet
        else:
            assert f"学校!{column}3" in text, name


def test_invisible_characters_in_a_cell_are_named_there_and_the_name_still_matches(book, run_cli):
    """Pasted from a web page: a zero-width space inside a school's name, a cell of only invisible characters,
    a compatibility ideograph in a list cell. Each is named at its cell with the code point and its place; the
    name is read without them, so the rows of the school's majors still find it (no second, puzzling
    error)."""
    schools = {}

    def change(b):
        name = cell_of(b["学校"], "name", 3)
        schools["name"] = name.value
        name.value = name.value[:2] + "\u200b" + name.value[2:]
        cell_of(b["专业"], "name", 3).value = "\u200b\u00a0"
        cell_of(b["本单位"], "leading_industries").value = "电子信息、\uf900先进装备制造"

    edit(book, change)
    status, problems = _problems(run_cli, book)
    assert status == 2
    by_cell = {p["cell"].split("（")[0]: p for p in problems if p["severity"] == "error"}
    school = by_cell[f"学校!{_letter(book, '学校', 'name')}3"]
    assert school["code"] == "odd-character" and school["path"] == "schools[0].name"
    assert "U+200B ZERO WIDTH SPACE (#3)" in school["message"] and schools["name"] in school["message"]
    major = by_cell[f"专业!{_letter(book, '专业', 'name')}3"]
    assert major["code"] == "invisible-only" and "U+00A0 NO-BREAK SPACE (#2)" in major["message"]
    industries = next(p for p in problems if p["path"] == "leading_industries")
    assert industries["cell"].startswith("本单位!C") and industries["code"] == "compatibility-ideograph"
    assert "U+F900" in industries["message"]
    assert not [p for p in problems if p["code"] == "unknown-school"]


def _letter(path: Path, sheet: str, key: str) -> str:
    workbook = openpyxl.load_workbook(path)
    return openpyxl.utils.get_column_letter(keys_of_columns(workbook[sheet])[key])


def test_dual_qualified_above_professional_teachers_is_an_error_at_its_cell(book, run_cli):
    """The cross-field check of a YAML report holds in a workbook: 双师型 80 of 71 专业课教师 (89 专任)."""
    edit(book, lambda b: setattr(cell_of(b["学校"], "dual_qualified_teachers"), "value", 80))
    status, problems = _problems(run_cli, book)
    assert status == 2
    [problem] = [p for p in problems if p["severity"] == "error"]
    assert (problem["code"], problem["cell"], problem["path"]) == (
        "exceeds-professional-teachers",
        f"学校!{_letter(book, '学校', 'dual_qualified_teachers')}3（“双师型”教师）",
        "schools[0].dual_qualified_teachers",
    )
    assert 'more than "专业课教师" (学校!J3: 71)' in problem["message"]


@pytest.mark.parametrize(
    ("typed", "code", "said"),
    [
        ("off", "not-a-number", 'found "off", which is not a number'),
        ("NO", "not-a-number", 'found "NO", which is not a number'),
        (False, "bool-for-number", "found the yes/no value false"),
    ],
)
def test_a_yes_no_in_a_number_cell_is_said_as_the_cell_holds_it(book, run_cli, typed, code, said):
    """A cell's text ``off`` is the text off (no YAML reads it), quoted as text; a cell Excel holds as
    FALSE is a yes/no value."""
    edit(book, lambda b: setattr(cell_of(b["学校"], "students"), "value", typed))
    status, problems = _problems(run_cli, book)
    assert status == 2
    [problem] = [p for p in problems if p["severity"] == "error"]
    assert (problem["code"], problem["path"], problem["line"]) == (code, "schools[0].students", 3)
    assert problem["message"] == f"{said}: write a whole number (0 or more)"


def test_a_code_of_six_digits_in_a_number_cell_is_read_with_a_warning_at_its_cell(book, run_cli):
    """东安县's code stored as a number (the cell not formatted as Text): nothing lost, the report is valid,
    and the warning says at the cell how to store it as text."""
    edit(book, lambda b: setattr(cell_of(b["本单位"], "unit.code"), "value", 431122))
    for lang, words in (
        ("zh", "行政区划代码 431122 填成了数字：代码是文字，请把单元格设为“文本”格式后重新输入"),
        ("en", "the cell holds the administrative code 431122 as a number: a code is text, format the cell"),
    ):
        result = run_cli("validate", book, "-f", "json", "--lang", lang)
        assert result.exit_code == 0, result.stdout
        [warning] = [p for p in json.loads(result.stdout)["problems"] if p["code"] == "code-as-number"]
        assert warning["severity"] == "warning" and warning["path"] == "unit.code"
        assert warning["cell"] == "本单位!C5（填报单位 · 行政区划代码）"
        assert words in warning["message"]
