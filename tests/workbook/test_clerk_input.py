"""What the tool says about a workbook a county clerk filled, in the workbook's own terms: a blank cell named
by its label and pointed at first, a list-marker column that takes only 无, the labels and cells of fields
compared with each other, hidden rows, impossible years, and no follow-on errors after a blank 学校 sheet."""

from __future__ import annotations

import json

import pytest
import yaml
from clerk import cell_of, edit
from factory import SAMPLES

DONGAN = yaml.safe_load((SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8"))

# A cell's text as every message quotes a value (``problems.shortened``): whole up to 2,000 characters, else
# its first 200 and its length; the workbook cut it at 60
QUOTED = [
    ("长" * 100, "长" * 100),
    ("长" * 2500, "长" * 200 + "…（共 2,500 个字符）"),
]


def _results(run_cli, path, lang="zh"):
    result = run_cli("check", path, "-f", "json", "--lang", lang)
    [report] = json.loads(result.stdout)["reports"]
    return result.exit_code, {r["rule"]: r for r in report["results"]}


def _problems(run_cli, path, lang="zh"):
    result = run_cli("validate", path, "-f", "json", "--lang", lang)
    return result.exit_code, json.loads(result.stdout)["problems"]


# ----------------------------------------------------------------------------------- 1. a blank cell


def _blank(book):
    def change(b):
        cell_of(b["本单位"], "enrollment.general_high_school").value = None
        cell_of(b["学校"], "appropriation_per_student").value = None

    return edit(book, change)


def test_a_blank_cell_is_named_by_its_label_and_pointed_at_first(book, run_cli):
    """缺少数据：enrollment.general_high_school at 本单位!C7 (中职招生, filled) 另 1 处, and 未填写生均拨款 at
    学校!A3: the clerk was sent to the wrong cells under a name the workbook never shows."""
    status, results = _results(run_cli, _blank(book))
    share = results["c1.vocational-share"]
    assert status == 1 and share["status"] == "missing"
    assert share["explanation"] == "缺少数据：高中阶段招生 · 普通高中招生"
    assert [place["cell"] for place in share["locations"]] == [
        "本单位!C8（高中阶段招生 · 普通高中招生）",
        "本单位!C7（高中阶段招生 · 中职招生）",
    ]
    funding = results["c16.secondary-funding"]
    [school] = funding["items"]
    assert (funding["status"], school["explanation"]) == ("missing", "未填写生均拨款")
    assert [place["cell"] for place in funding["locations"]] == ["学校!G3（生均拨款）"]
    assert [place["cell"] for place in school["locations"]] == ["学校!G3（生均拨款）"]


def test_a_blank_cell_in_english_keeps_the_label_the_sheet_shows(book, run_cli):
    _, results = _results(run_cli, _blank(book), "en")
    assert results["c1.vocational-share"]["explanation"] == "data missing: 高中阶段招生 · 普通高中招生"
    assert results["c16.secondary-funding"]["items"][0]["explanation"] == "生均拨款 not given"


def test_a_field_left_out_of_a_yaml_report_is_still_named_by_its_path(run_cli, tmp_path):
    data = json.loads(json.dumps(DONGAN))
    del data["enrollment"]["general_high_school"]
    path = tmp_path / "dongan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    status, results = _results(run_cli, path)
    share = results["c1.vocational-share"]
    assert (status, share["explanation"]) == (1, "缺少数据：enrollment.general_high_school")
    assert "cell" not in share["locations"][0]


# ----------------------------------------------------------------------------------- 2. a list's marker


@pytest.mark.parametrize(
    ("sheet", "key", "typed", "cell", "code"),
    [
        ("学校", "majors", "见专业表", "学校!Y3（开设专业）", "marker-only-none-school"),
        ("学校", "majors", 8, "学校!Y3（开设专业）", "marker-only-none-school"),
        ("学校", "majors", "有", "学校!Y3（开设专业）", "marker-only-none-school"),
        ("学校", "majors", "汽车运用与维修、计算机应用", "学校!Y3（开设专业）", "marker-only-none-school"),
        ("学校", "enterprise_practice", "是", "学校!X3（企业实践）", "marker-only-none-school"),
        ("本单位", "training_bases", "见实训基地表", "本单位!C13（高水平实习实训基地）", "marker-only-none"),
    ],
)
def test_a_list_marker_takes_only_none(book, run_cli, sheet, key, typed, cell, code):
    """The 开设专业 column says only that a school has no majors (无): 见专业表, 8, 有 and 是 passed as
    格式正确, and the majors themselves got YAML's advice (以“- ”开头)."""
    edit(book, lambda b: setattr(cell_of(b[sheet], key), "value", typed))
    status, problems = _problems(run_cli, book)
    [problem] = problems
    assert (status, problem["code"], problem["severity"], problem["cell"]) == (2, code, "error", cell)
    assert problem["message"].startswith(f"填写了“{typed}”：这一格只填“无”")
    assert "- " not in problem["message"] and "列表" not in problem["message"]
    header = cell.split("（")[1].rstrip("）")
    table = {"majors": "专业", "enterprise_practice": "企业实践", "training_bases": "实训基地"}[key]
    assert f"{header}请填在“{table}”表，每项一行" in problem["message"]
    assert run_cli("check", book).exit_code == 2
    _, english = _problems(run_cli, book, "en")
    assert 'takes only "无"' in english[0]["message"] and f'on the sheet "{table}"' in english[0]["message"]


@pytest.mark.parametrize(("typed", "quoted"), QUOTED, ids=("whole", "its-start"))
def test_a_long_marker_is_quoted_as_every_value_is(book, run_cli, typed, quoted):
    edit(book, lambda b: setattr(cell_of(b["学校"], "majors"), "value", typed))
    status, [problem] = _problems(run_cli, book)
    assert (status, problem["code"], problem["cell"]) == (2, "marker-only-none-school", "学校!Y3（开设专业）")
    assert problem["message"].startswith(f"填写了“{quoted}”：这一格只填“无”")


def test_none_in_a_marker_is_still_read_as_none(book, run_cli):
    def change(b):
        cell_of(b["学校"], "enterprise_practice", 4).value = "无"
        for row in range(3, b["企业实践"].max_row + 1):
            if b["企业实践"].cell(row, 1).value == DONGAN["schools"][1]["name"]:
                for cell in b["企业实践"][row]:
                    cell.value = None

    edit(book, change)
    assert _problems(run_cli, book) == (0, [])


# ------------------------------------------------------------------------------ 3. fields by their labels


def test_a_part_of_the_teachers_is_compared_by_labels_and_cell(book, run_cli):
    """professional_teachers 为 100，多于专任教师数 teachers（90）, after
    ``schools[0].professional_teachers:``: names the clerk never sees on the sheet."""

    def change(b):
        cell_of(b["学校"], "teachers").value = 90
        cell_of(b["学校"], "professional_teachers").value = 100

    edit(book, change)
    status, problems = _problems(run_cli, book)
    [problem] = [p for p in problems if p["code"] == "exceeds-teachers"]
    assert (status, problem["cell"]) == (2, "学校!J3（专业课教师）")
    assert problem["message"] == "专业课教师为 100，多于专任教师（学校!I3：90）：其中数不能大于总数"
    assert problem["path"] == "schools[0].professional_teachers"  # for a program reading the JSON
    _, english = _problems(run_cli, book, "en")
    [problem] = [p for p in english if p["code"] == "exceeds-teachers"]
    assert problem["message"] == (
        '"专业课教师" is 100, more than "专任教师" (学校!I3: 90): a part cannot exceed the whole'
    )
    lines = run_cli("validate", book).output.splitlines()
    assert (
        f"{book.name}:学校!J3（专业课教师）: 错误：专业课教师为 100，多于专任教师（学校!I3：90）："
        in lines[0]
    )
    said = lines[0].split("（专业课教师）: ", 1)[1]
    assert "schools[" not in said and "teachers" not in said


def test_the_majors_sum_is_compared_by_labels(book, run_cli):
    edit(book, lambda b: setattr(cell_of(b["本单位"], "enrollment.secondary_vocational"), "value", 9800))
    status, problems = _problems(run_cli, book)
    [problem] = problems
    assert (status, problem["code"], problem["cell"]) == (
        0,
        "majors-sum-differs",
        "本单位!C7（高中阶段招生 · 中职招生）",
    )
    assert problem["message"].startswith("高中阶段招生 · 中职招生为 9800 人，而 ")
    assert "secondary_vocational" not in problem["message"]
    _, english = _problems(run_cli, book, "en")
    assert english[0]["message"].startswith('"高中阶段招生 · 中职招生" is 9800, but the majors')


def test_a_school_level_not_of_the_drop_down_is_one_error_without_a_majors_sum_warning(book, run_cli):
    """中等职业学校 in 学校!B3: its error, and a warning that 1 secondary school's majors (445) fell 53% short
    of 中职招生 (950), a sum without the school whose level was not read."""
    edit(book, lambda b: setattr(cell_of(b["学校"], "level"), "value", "中等职业学校"))
    status, problems = _problems(run_cli, book)
    assert status == 2
    assert [(p["code"], p["severity"], p["cell"]) for p in problems] == [
        ("not-one-of", "error", "学校!B3（办学层次）")
    ]


def test_a_yaml_report_keeps_its_field_names(run_cli, tmp_path):
    data = json.loads(json.dumps(DONGAN))
    data["schools"][0]["professional_teachers"] = data["schools"][0]["teachers"] + 10
    path = tmp_path / "dongan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run_cli("validate", path)
    assert result.exit_code == 2
    assert "错误：schools[0].professional_teachers: professional_teachers 为 " in result.output


# ----------------------------------------------------------------------------------- 4. hidden rows


def test_hidden_rows_are_said_as_a_hidden_sheet_is(book, run_cli):
    """A school's row hidden on 学校 (and its majors' on 专业) was read without a word."""

    def change(b):
        b["学校"].row_dimensions[4].hidden = True
        for row in (5, 6, 7, 9):
            b["专业"].row_dimensions[row].hidden = True
        b["本单位"].row_dimensions[7].hidden = True

    edit(book, change)
    status, problems = _problems(run_cli, book)
    hidden = [(p["cell"], p["severity"], p["message"]) for p in problems if p["code"] == "rows-hidden"]
    said = "行被隐藏，其中的数据仍会读取：请确认这些数据应当计入（取消隐藏即可看到）"
    assert status == 0
    assert sorted(hidden) == [
        ("专业!A5", "warning", f"第 5–7 行（共 3 行）{said[1:]}"),
        ("专业!A9", "warning", f"第 9 {said}"),
        ("学校!A4", "warning", f"第 4 {said}"),
        ("本单位!A7", "warning", f"第 7 {said}"),
    ]
    _, english = _problems(run_cli, book, "en")
    messages = sorted(p["message"] for p in english if p["code"] == "rows-hidden")
    assert messages[0].startswith("3 rows (5–7) are hidden; their data is still read")
    assert messages[1] == (
        "row 4 is hidden; its data is still read: check that it should count (unhide it to see it)"
    )


def test_hidden_columns_of_fields_are_said_at_their_headers(book, run_cli):
    """A column hidden (学校's 生均拨款, left blank; 本单位's 填报值; 专业's 当年招生 to 上年招生) was read
    without a word: a blank in it was missing data at a cell the clerk could not find, a figure in it
    counted unseen. A hidden column beyond the table (Excel's "hide the rest") is no field's."""

    def change(b):
        schools = b["学校"]
        schools.column_dimensions["G"].hidden = True
        schools["G3"].value = None
        b["本单位"].column_dimensions["C"].hidden = True
        b["专业"].column_dimensions.group("F", "G", hidden=True)
        schools.column_dimensions.group("AB", "AZ", hidden=True)

    edit(book, change)
    status, problems = _problems(run_cli, book)
    hidden = sorted((p["cell"], p["severity"]) for p in problems if p["code"] == "column-hidden")
    assert status == 0
    assert hidden == [
        ("专业!F1（当年招生）", "warning"),
        ("专业!G1（上年招生）", "warning"),
        ("学校!G1（生均拨款）", "warning"),
        ("本单位!C1（填报值）", "warning"),
    ]
    [message] = {p["message"] for p in problems if p["code"] == "column-hidden"}
    assert message.startswith("此列被隐藏，其中的数据仍会读取，空着的格子记为缺少数据：请取消隐藏")
    _, english = _problems(run_cli, book, "en")
    said = (
        "this column is hidden; its data is still read, and a blank cell in it counts as missing data: "
        "unhide it (select the columns on either side, right-click › Unhide) and check that it is filled in"
    )
    assert {p["message"] for p in english if p["code"] == "column-hidden"} == {said}


# ----------------------------------------------------------------------------------- 5. impossible years


@pytest.mark.parametrize(
    ("established", "upgraded", "code", "cell", "message"),
    [
        (
            2024,
            None,
            "established-after-year",
            "学校!D3（建校年份）",
            "建校年份 2024 晚于本报表的统计年度 2023：请写学校实际建校的年份（2023 年或之前）",
        ),
        (
            2004,
            2001,
            "upgraded-before-established",
            "学校!E3（升格年份）",
            "升格年份 2001 早于建校年份 2004（学校!D3）：学校不能在建校之前升格，请核对这两个年份",
        ),
        (
            2004,
            2030,
            "upgraded-after-year",
            "学校!E3（升格年份）",
            (
                "升格年份 2030 晚于本报表的统计年度 2023：请写学校实际升格的年份（2023 年或之前），"
                "尚未升格的不填"
            ),
        ),
    ],
)
def test_an_impossible_year_is_refused_at_its_cell(book, run_cli, established, upgraded, code, cell, message):
    """建校年份 2025 in a report of 2024, 升格年份 2001 before 建校年份 2004: 格式正确."""

    def change(b):
        cell_of(b["学校"], "established").value = established
        cell_of(b["学校"], "upgraded").value = upgraded

    edit(book, change)
    status, problems = _problems(run_cli, book)
    [problem] = problems
    assert (status, problem["code"], problem["severity"], problem["cell"]) == (2, code, "error", cell)
    assert problem["message"] == message
    assert run_cli("check", book).exit_code == 2
    _, english = _problems(run_cli, book, "en")
    assert english[0]["message"].startswith(("founded in", "upgraded in"))


@pytest.mark.parametrize(
    ("established", "upgraded", "code", "field"),
    [
        (2024, None, "established-after-year", "established"),
        (2004, 2001, "upgraded-before-established", "upgraded"),
    ],
)
def test_an_impossible_year_is_refused_in_yaml_too(run_cli, tmp_path, established, upgraded, code, field):
    data = json.loads(json.dumps(DONGAN))
    school = data["schools"][0]
    school["established"] = established
    school.pop("upgraded", None)
    if upgraded is not None:
        school["upgraded"] = upgraded
    path = tmp_path / "dongan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    status, problems = _problems(run_cli, path)
    [problem] = problems
    text = path.read_text(encoding="utf-8").splitlines()
    assert (status, problem["code"], problem["path"]) == (2, code, f"schools[0].{field}")
    assert text[problem["line"] - 1].strip().startswith(f"{field}:")
    assert "学校!" not in problem["message"] and "cell" not in problem


# ----------------------------------------------------------------------------------- 6. a blank 学校 sheet


def _clear_schools(b):
    sheet = b["学校"]
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.value = None


def test_a_blank_school_sheet_is_said_once(book, run_cli):
    """The blank 学校 sheet's error came with one “学校”表中没有学校 for each row of 专业 and 企业实践."""
    status, problems = _problems(run_cli, edit(book, _clear_schools))
    [problem] = problems
    assert (status, problem["code"], problem["cell"]) == (2, "schools-blank", "学校!A3（学校名称）")
    assert problem["message"].startswith("“学校”表中一所学校也没有填写")


def test_majors_under_none_are_still_refused_row_by_row(book, run_cli):
    """无 says the unit has no school: a major naming one is a contradiction, said at its row."""

    def change(b):
        _clear_schools(b)
        b["学校"]["A3"] = "无"

    status, problems = _problems(run_cli, edit(book, change))
    assert status == 2
    assert {p["code"] for p in problems} == {"unknown-school"}
    assert problems[0]["cell"].startswith(("专业!A3", "企业实践!A3"))
