"""Slips a clerk makes that the cells themselves allow: names run together in a list cell, a wrong choice told
in the drop-down's words, a total row, a figure in a column that is not read, a file that is no workbook.
Each is said at its cell, in the workbook's words, never passed over."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
import yaml
from clerk import keys_of_columns, keys_of_rows
from factory import SAMPLES

DONGAN = yaml.safe_load((SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8"))
SHIBENJI = yaml.safe_load((SAMPLES / "2023" / "shibenji.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def book(filled):
    return filled(DONGAN, "dongan.xlsx")


def _edit(path: Path, change) -> Path:
    workbook = openpyxl.load_workbook(path)
    change(workbook)
    workbook.save(path)
    return path


def _problems(run_cli, path, lang="en"):
    result = run_cli("validate", path, "-f", "json", "--lang", lang)
    return result.exit_code, json.loads(result.stdout)["problems"]


def _row(sheet, key):
    return keys_of_rows(sheet)[key]


def _column(sheet, key):
    return keys_of_columns(sheet)[key]


def _type(sheet, key, value):
    """Types ``value`` into the 填报值 cell of a fields sheet's row ``key``."""
    sheet.cell(_row(sheet, key), 3).value = value


# ----------------------------------------------------------------------------------- names run together


@pytest.mark.parametrize(
    ("typed", "found", "write"),
    [
        ("先进装备制造 农产品精深加工 电子信息", "名称之间的空格", "先进装备制造、农产品精深加工、电子信息"),
        # a full-width space
        ("先进装备制造\u3000农产品精深加工", "名称之间的空格", "先进装备制造、农产品精深加工"),
        ("先进装备制造/农产品精深加工/电子信息", "“/”", "先进装备制造、农产品精深加工、电子信息"),
        ("1.先进装备制造 2.农产品精深加工 3.电子信息", "编号“1.”", "先进装备制造、农产品精深加工、电子信息"),
        ("（1）先进装备制造（2）农产品精深加工", "编号“（1）”", "先进装备制造、农产品精深加工"),
        ("①先进装备制造②农产品精深加工", "编号“①”", "先进装备制造、农产品精深加工"),
    ],
)
def test_names_run_together_in_a_list_cell_are_an_error_there(book, run_cli, typed, found, write):
    """Three industries in one item counted as one, and c4.leading-industries (1–2) passed: no longer."""
    _edit(book, lambda b: _type(b["本单位"], "leading_industries", typed))
    status, problems = _problems(run_cli, book, "zh")
    [problem] = problems
    assert status == 2
    assert (problem["code"], problem["severity"], problem["path"]) == (
        "names-joined",
        "error",
        "leading_industries",
    )
    assert problem["cell"] == "本单位!C12（主攻主导产业）"
    assert f"中有{found}" in problem["message"] and f"如“{write}”" in problem["message"]
    assert "顿号“、”" in problem["message"] and "这样写只算 1 项" in problem["message"]
    assert run_cli("check", book).exit_code == 2  # not a pass


def test_names_run_together_beside_names_kept_apart_say_how_many_the_cell_counts(book, run_cli):
    """It said 只会算作 1 项 of a cell the reader splits into two."""
    _edit(book, lambda b: _type(b["本单位"], "leading_industries", "先进装备制造 农产品精深加工、电子信息"))
    status, problems = _problems(run_cli, book, "zh")
    [problem] = problems
    assert (status, problem["code"]) == (2, "names-joined")
    assert "这样写只算 2 项" in problem["message"]
    assert "如“先进装备制造、农产品精深加工、电子信息”" in problem["message"]


@pytest.mark.parametrize(
    ("typed", "found", "write"),
    [
        ("1、先进装备制造、2、农产品精深加工", "编号“1、”", "先进装备制造、农产品精深加工"),
        ("1.先进装备制造；2.农产品精深加工", "编号“1.”", "先进装备制造、农产品精深加工"),
        ("1.先进装备制造\n2.农产品精深加工", "编号“1.”", "先进装备制造、农产品精深加工"),
        ("1.先进装备制造", "编号“1.”", "先进装备制造"),
    ],
)
def test_numbered_names_kept_apart_are_an_error_for_their_numbers_not_for_counting_as_one(
    book, run_cli, typed, found, write
):
    """Each item kept apart by ；, 、 or a new line said 只会算作 1 项, which the reader did not do."""
    _edit(book, lambda b: _type(b["本单位"], "leading_industries", typed))
    for lang, said in (
        (
            "zh",
            f"中有{found}：名单格里的名称不能编号：请删去编号，各项之间用顿号“、”分隔（或每项一行），如“{write}”",
        ),
        ("en", "the names in a list cell cannot be numbered; delete the numbers"),
    ):
        status, problems = _problems(run_cli, book, lang)
        [problem] = problems
        assert (status, problem["code"], problem["cell"]) == (
            2,
            "names-numbered",
            "本单位!C12（主攻主导产业）",
        )
        assert said in problem["message"] and "1 项" not in problem["message"]


def test_numbered_parks_are_one_error_at_their_cell_not_one_at_each_row_of_park_funding(filled, run_cli):
    """The numbered names were read as the list, and each row of 园区资金 said its park was not in it: six
    errors that followed from the one at 市本级!C2."""
    path = filled(SHIBENJI, "shibenji.xlsx")
    parks = SHIBENJI["city"]["demonstration_parks"]
    numbered = "；".join(f"{number}.{park}" for number, park in enumerate(parks, 1))
    _edit(path, lambda b: _type(b["市本级"], "demonstration_parks", numbered))
    status, problems = _problems(run_cli, path, "zh")
    assert status == 2
    assert [(p["code"], p["cell"]) for p in problems] == [("names-numbered", "市本级!C2（产教融合示范园区）")]
    assert f"如“{'、'.join(parks)}”" in problems[0]["message"]
    assert run_cli("check", path).exit_code == 2


@pytest.mark.parametrize(
    "typed",
    [
        "先进装备制造、农产品精深加工",
        "先进装备制造\n农产品精深加工",  # one a line (Alt+Enter)
        "5G 通信、先进装备制造",  # a space that is part of a name
        "先进装备制造；农产品精深加工",
    ],
)
def test_a_list_cell_separated_as_the_template_says_is_read(book, run_cli, typed):
    _edit(book, lambda b: _type(b["本单位"], "leading_industries", typed))
    status, problems = _problems(run_cli, book)
    assert (status, problems) == (0, [])


def test_the_city_sheets_lists_are_checked_the_same_way(filled, run_cli):
    path = filled(SHIBENJI, "shibenji.xlsx")

    def change(b):
        _type(b["市本级"], "vocational_groups", "永州职业技术学院职教集团 永州师范高等专科学校职教集团")
        _type(b["市本级"], "demonstration_parks", "永州经开区生物医药产教融合示范园/江华高新区服装设计示范园")

    _edit(path, change)
    status, problems = _problems(run_cli, path)
    errors = {p["path"]: p for p in problems if p["code"] == "names-joined"}
    assert status == 2 and set(errors) == {"city.vocational_groups", "city.demonstration_parks"}
    assert errors["city.vocational_groups"]["cell"].startswith("市本级!C")
    assert "spaces between names" in errors["city.vocational_groups"]["message"]
    assert 'contains "/"' in errors["city.demonstration_parks"]["message"]


# ----------------------------------------------------------------------------------- the workbook's words


def _type_at(sheet, key, value):
    """Types ``value`` into the first row of a table's column ``key``, or a fields sheet's row ``key``."""
    if sheet.title in ("本单位", "市本级"):
        _type(sheet, key, value)
    else:
        sheet.cell(3, _column(sheet, key)).value = value


@pytest.mark.parametrize(
    ("sheet", "key", "typed", "zh", "en"),
    [
        (
            "专业",
            "rating",
            "绿",
            "填写了 “绿”：请从下拉列表选“绿牌”",
            'found "绿": choose "绿牌" from the drop-down list',
        ),
        (
            "学校",
            "construction_project",
            "已完工",
            "填写了 “已完工”：请从下拉列表选“已完工并投入使用”",
            'found "已完工": choose "已完工并投入使用" from the drop-down list',
        ),
        (
            "学校",
            "ownership",
            "公立",
            "填写了 “公立”，不是下拉列表中的一项：请从下拉列表选 公办、民办 之一",
            'found "公立", which is not on the cell\'s drop-down list: choose one of 公办, 民办 from it',
        ),
        (
            "本单位",
            "schema_version",
            2,
            "不支持的格式版本 2：格式版本填 1",
            "unsupported format version 2: the format version (格式版本) is 1",
        ),
        (
            "本单位",
            "unit.kind",
            "经开区",
            "“东安县”的单位类别是县市区，不是经开区：请从下拉列表选“县市区”",
            'the kind of "东安县" is 县市区, not 经开区: choose "县市区" from the drop-down list',
        ),
        (
            "本单位",
            "unit.code",
            '"431122"',  # as the YAML template writes it
            '代码 "431122" 外面的引号会被当作代码的一部分：请去掉引号，只填 431122',
            (
                'the quotation marks around the code "431122" are read as part of it: leave them out, '
                "type 431122"
            ),
        ),
        (
            "本单位",
            "unit.code",
            "“431122”",
            "代码 “431122” 外面的引号会被当作代码的一部分：请去掉引号，只填 431122",
            (
                "the quotation marks around the code “431122” are read as part of it: leave them out, "
                "type 431122"
            ),
        ),
        (
            "本单位",
            "unit.name",
            "“东安县”",
            "单位名称 “东安县” 外面的引号会被当作名称的一部分：请去掉引号，只填 东安县",
            "the quotation marks around “东安县” are read as part of the name: leave them out, type 东安县",
        ),
    ],
)
def test_a_wrong_choice_or_unit_field_is_told_in_the_workbooks_words(
    book, run_cli, sheet, key, typed, zh, en
):
    """The drop-downs refuse green, completed, public; a cell has no schema_version: or kind: to write."""
    _edit(book, lambda b: _type_at(b[sheet], key, typed))
    for lang, message in (("zh", zh), ("en", en)):
        status, problems = _problems(run_cli, book, lang)
        [problem] = [p for p in problems if p["severity"] == "error"]
        assert status == 2 and problem["cell"].startswith(f"{sheet}!")
        assert problem["message"] == message


def test_a_unit_without_a_code_and_a_renamed_unit_are_told_in_the_workbooks_words(filled, run_cli):
    huilongxu = yaml.safe_load((SAMPLES / "2023" / "huilongxu.yaml").read_text(encoding="utf-8"))
    path = filled(huilongxu, "huilongxu.xlsx")
    _edit(
        path, lambda b: (_type(b["本单位"], "unit.code", "431100"), _type(b["本单位"], "unit.kind", "县市区"))
    )
    messages = {p["code"]: p["message"] for p in _problems(run_cli, path, "zh")[1]}
    assert messages["code-not-applicable"] == "“回龙圩管理区”没有行政区划代码：请删去这一格中的 431100，留空"
    assert messages["kind-mismatch"] == "“回龙圩管理区”的单位类别是管理区，不是县市区：请从下拉列表选“管理区”"
    _edit(path, lambda b: (_type(b["本单位"], "unit.name", "祁阳县"), _type(b["本单位"], "unit.code", None)))
    messages = {p["code"]: p["message"] for p in _problems(run_cli, path, "zh")[1]}
    assert messages["unit-renamed"] == "“祁阳县”已于 2021 年更名为“祁阳市”：单位名称请填“祁阳市”"


def test_the_same_slips_in_yaml_keep_yamls_words(tmp_path, run_cli):
    text = (SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8")
    for old, new in (("rating: green", "rating: 绿"), ("schema_version: 1", "schema_version: 2")):
        assert old in text
        text = text.replace(old, new, 1)
    text = text.replace('code: "431122"', "code: '\"431122\"'", 1)
    report = tmp_path / "dongan.yaml"
    report.write_text(text, encoding="utf-8")
    messages = {p["code"]: p["message"] for p in _problems(run_cli, report, "zh")[1]}
    assert messages["choice-spelling"] == "填写了 “绿”：请写作 green"
    assert messages["schema-version"] == "不支持的格式版本 2：请写 schema_version: 1"
    assert messages["code-quoted"] == '代码 "431122" 的引号多了一层，成了代码的一部分：请写 code: "431122"'


def test_the_templates_notes_are_in_the_workbooks_words(template):
    """The 说明 column and the tables' header comments: 是/否 (a cell refuses true), a choice's Chinese words,
    a code without quotes."""
    book = openpyxl.load_workbook(template("东安县", 2024))
    unit = book["本单位"]
    notes = {
        str(unit.cell(row, 1).value): str(unit.cell(row, 5).value or "") for row in range(2, unit.max_row + 1)
    }
    assert notes["quality_committee"] == "本级职业教育质量管理委员会已建立：是/否"
    assert notes["unit.kind"] == "县市区 | 管理区 | 经开区 | 市本级"
    assert "引号" not in notes["unit.code"] and notes["unit.code"].startswith("6 位 GB/T 2260 代码，")
    comments = [
        cell.comment.text
        for name in ("学校", "专业", "企业实践", "实训基地")
        for cell in book[name][1]
        if cell.comment is not None
    ]
    assert comments and not [text for text in comments if "true" in text or "false" in text]
    assert "已建立校级质量管理委员会：是/否" in comments
    assert "最近一次专业评估结论：绿牌 | 黄牌 | 红牌" in comments
    assert "public" not in "".join(comments)


# ----------------------------------------------------------------------------------- what the file is


def _ods() -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    ("content", "code"),
    [("schema_version: 1\nunit:\n  name: 东安县\n".encode(), "yaml-not-xlsx"), (_ods(), "ods-not-xlsx")],
)
def test_a_file_named_xlsm_that_is_no_workbook_is_told_its_own_suffix(run_cli, tmp_path, content, code, lang):
    # `template -o 结果.xlsm` wrote YAML under that name, and validate then said "扩展名却是 .xlsx".
    path = tmp_path / "东安县.xlsm"
    path.write_bytes(content)
    status, problems = _problems(run_cli, path, lang)
    assert status == 2 and [p["code"] for p in problems] == [code]
    said = problems[0]["message"]
    assert ("扩展名却是 .xlsm" if lang == "zh" else "named .xlsm") in said and ".xlsx：" not in said


@pytest.mark.parametrize(
    ("content", "code", "advice"),
    [
        (b"", "empty-workbook", "0 字节"),
        ("学校名称,在校生\n东安县职业中等专业学校,1420\n".encode(), "csv-not-xlsx", "“另存为”Excel 工作簿"),
        ("学校名称\t在校生\r\n东安,1420\r\n".encode("gb18030"), "csv-not-xlsx", "CSV"),
        ("schema_version: 1\nunit:\n  name: 东安县\n".encode(), "yaml-not-xlsx", "扩展名改为 .yaml"),
        ("\ufeff# 东安县\nunit:\n  name: 东安县\n".encode(), "yaml-not-xlsx", "扩展名改为 .yaml"),
        (_ods(), "ods-not-xlsx", "OpenDocument"),
        (b"PK\x03\x04 cut short", "not-a-workbook", "zhijiao-check template"),
        (b"\x00\x01\x02\x03 anything", "not-a-workbook", "zhijiao-check template"),
    ],
)
def test_a_file_named_xlsx_that_is_no_workbook_is_named_for_what_it_is(
    run_cli, tmp_path, content, code, advice
):
    """Only for what is unknown does the advice start over from a template: the clerk's work is kept."""
    path = tmp_path / "东安县.xlsx"
    path.write_bytes(content)
    status, problems = _problems(run_cli, path, "zh")
    assert status == 2 and [p["code"] for p in problems] == [code]
    assert advice in problems[0]["message"]


def test_a_macro_enabled_workbook_is_read_as_the_workbook_it_is(book, run_cli, tmp_path):
    """A folder scan names every spreadsheet: an .xlsm (the template saved with macros enabled) is read."""
    folder = tmp_path / "2023"
    folder.mkdir()
    (folder / "东安县.xlsm").write_bytes(book.read_bytes())
    result = run_cli("check", folder, "-f", "json")
    document = json.loads(result.stdout)
    assert [report["file"].rsplit("/", 1)[-1] for report in document["reports"]] == ["东安县.xlsm"]
    assert run_cli("validate", folder / "东安县.xlsm").exit_code == 0


# ----------------------------------------------------------------------------------- rows and cells not read


@pytest.mark.parametrize(
    ("sheet", "name"), [("学校", "合计"), ("学校", "Total"), ("专业", "小 计"), ("实训基地", "总计")]
)
def test_a_row_of_totals_is_one_error_there_and_not_read_as_an_entry(book, run_cli, sheet, name):
    def change(b):
        table = b[sheet]
        row = max(r for r in range(3, table.max_row + 1) if table.cell(r, 1).value is not None) + 1
        table.cell(row, 1).value = name
        table.cell(row, 2).value = 100

    _edit(book, change)
    status, problems = _problems(run_cli, book, "zh")
    [problem] = problems
    assert status == 2 and problem["code"] == "total-row" and problem["cell"].startswith(f"{sheet}!A")
    assert problem["message"].startswith(f"“{name}”是合计行") and "请删除这一行" in problem["message"]


def test_a_figure_beside_the_value_cell_is_a_warning_naming_the_cell_to_put_it_in(book, run_cli):
    def change(b):
        unit = b["本单位"]
        row = _row(unit, "enrollment.secondary_vocational")
        unit.cell(row, 3).value = None
        unit.cell(row, 4).value = 950

    _edit(book, change)
    status, problems = _problems(run_cli, book, "zh")
    assert status == 0  # a warning: C7 blank is an absent figure, as before
    [warning] = [p for p in problems if p["code"] == "value-not-read"]
    assert warning["severity"] == "warning" and warning["cell"] == "本单位!D7（计量单位）"
    assert warning["path"] == "enrollment.secondary_vocational"
    assert "“950”不会被读取" in warning["message"] and "请填在 本单位!C7" in warning["message"]
    document = json.loads(run_cli("check", book, "-f", "json").stdout)
    assert [w["code"] for w in document["warnings"]] == ["value-not-read"]


@pytest.mark.parametrize(
    ("typed", "quoted"),
    [("长" * 100, "长" * 100), ("长" * 2500, "长" * 200 + "…（共 2,500 个字符）")],
    ids=("whole", "its-start"),
)
def test_a_long_text_beside_the_value_cell_is_quoted_as_every_value_is(book, run_cli, typed, quoted):
    """Its first 60 characters were quoted, with nothing to say the rest was left out."""

    def change(b):
        unit = b["本单位"]
        unit.cell(_row(unit, "enrollment.secondary_vocational"), 4).value = typed

    _edit(book, change)
    _, problems = _problems(run_cli, book, "zh")
    [warning] = [p for p in problems if p["code"] == "value-not-read"]
    assert warning["cell"] == "本单位!D7（计量单位）"
    assert warning["message"].startswith(f"这一格的“{quoted}”不会被读取")


# ----------------------------------------------------------------------------------- worded for a sheet


@pytest.mark.parametrize(
    ("blank", "said"),
    [
        ((5,), "a blank row between the entries (row 5) was skipped: delete it"),
        ((5, 6), "2 blank rows between the entries (rows 5–6) were skipped: delete them"),
    ],
)
def test_blank_rows_between_entries_are_counted_in_english(book, run_cli, blank, said):
    """One blank row was "blank rows … (rows 6) were skipped"."""

    def blanks(workbook):
        for row in blank:
            workbook["专业"].insert_rows(row)

    _edit(book, blanks)
    status, problems = _problems(run_cli, book)
    [warning] = [p for p in problems if p["code"] == "blank-rows"]
    assert (status, warning["cell"], warning["message"]) == (0, "专业!A5", said)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", 'first on row 3 of the sheet "学校"'),
        ("zh", "（“学校”表第 3 行已填报）"),
    ],
)
def test_a_school_twice_names_the_row_of_the_sheet_not_a_line(book, run_cli, lang, said):
    """A workbook has no lines: "appears twice (first on line 3)" sent the clerk to a YAML file."""
    name = DONGAN["schools"][0]["name"]
    _edit(book, lambda b: b["学校"].cell(4, _column(b["学校"], "name")).__setattr__("value", name))
    status, problems = _problems(run_cli, book, lang)
    [twice] = [p for p in problems if p["code"] == "duplicate-school"]
    assert (status, twice["cell"]) == (2, "学校!A4（学校名称）")
    assert said in twice["message"] and "line" not in twice["message"]
