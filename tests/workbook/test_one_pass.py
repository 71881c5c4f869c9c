"""A clerk's workbook is checked in one pass: an error in one cell or sheet (a merged range, a school
misnamed in 专业) does not hide the errors of the others, so that fixing what is listed does not bring up
new errors on the next run."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from clerk import cell_of, edit


def _found(run_cli, path):
    result = run_cli("validate", path, "-f", "json", "--lang", "en")
    problems = json.loads(result.stdout)["problems"]
    return result.exit_code, {
        (p["code"], p["cell"].split("（")[0]) for p in problems if p["severity"] == "error"
    }


@pytest.mark.parametrize(
    ("slip", "said"),
    [
        (lambda b: b["专业"].merge_cells("A3:A7"), ("merged-cells", "专业!A3")),
        (lambda b: b["实训基地"].merge_cells("A3:B3"), ("merged-cells", "实训基地!A3")),
        (lambda b: setattr(b["专业"]["A3"], "value", "东安县职中"), ("unknown-school", "专业!A3")),
    ],
)
def test_an_error_on_row_3_of_one_sheet_leaves_row_3_of_the_others_checked(book, run_cli, slip, said):
    def change(b):
        slip(b)
        cell_of(b["学校"], "students").value = "3,120"  # 学校!F3

    status, found = _found(run_cli, edit(book, change))
    assert status == 2
    assert said in found
    assert ("number-with-separator", "学校!F3") in found


def test_a_merged_range_skips_its_own_cells_and_not_the_rest_of_its_rows(book, run_cli):
    def change(b):
        sheet = b["学校"]
        sheet.merge_cells("B3:B4")  # 办学层次 of both schools: B4 reads blank
        cell_of(sheet, "students", 4).value = "3,120"  # 学校!F4, on the merged range's row

    status, found = _found(run_cli, edit(book, change))
    assert status == 2
    assert found == {("merged-cells", "学校!B3"), ("number-with-separator", "学校!F4")}


@pytest.mark.parametrize("typed", [12345, datetime.datetime(2024, 3, 1)])
def test_a_number_or_a_date_as_the_first_schools_name_is_its_error_and_offers_no_other_school(
    book, run_cli, typed
):
    edit(book, lambda b: setattr(b["学校"]["A3"], "value", typed))
    result = run_cli("validate", book, "-f", "json", "--lang", "en")
    problems = json.loads(result.stdout)["problems"]
    at_a3 = [p for p in problems if p["cell"].startswith("学校!A3")]
    assert [p["code"] for p in at_a3] == ["number-for-text"]
    rows = [p for p in problems if p["code"] == "unknown-school"]
    assert {p["cell"] for p in rows} >= {"专业!A3（学校名称）", "企业实践!A3（学校名称）"}
    for problem in rows:
        assert "did you mean" not in problem["message"]
        assert "the school name at 学校!A3 is no text" in problem["message"]


@pytest.mark.parametrize(
    ("typed", "code", "advice"),
    [
        ("无、", "list-no-names", 'type "无" alone when there are none'),  # passed as one industry, 无
        ("、", "list-no-names", 'type "无" alone when there are none'),  # passed as none, without a word
        ("没有", "list-no-names", 'type "无" alone when there are none'),
        ("无、先进装备制造", "list-none-beside-names", 'delete "无" and type "先进装备制造"'),
    ],
)
def test_a_list_cell_saying_none_otherwise_than_by_none_alone_is_an_error_there(
    book, run_cli, typed, code, advice
):
    edit(book, lambda b: setattr(cell_of(b["本单位"], "leading_industries"), "value", typed))
    result = run_cli("validate", book, "-f", "json", "--lang", "en")
    problems = [p for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"]
    assert result.exit_code == 2
    assert [(p["code"], p["cell"]) for p in problems] == [(code, "本单位!C12（主攻主导产业）")]
    assert advice in problems[0]["message"]


def test_none_alone_in_a_list_cell_is_an_empty_list(book, run_cli):
    edit(book, lambda b: setattr(cell_of(b["本单位"], "leading_industries"), "value", "无"))
    assert run_cli("validate", book).exit_code == 0


@pytest.mark.parametrize(
    ("typed", "code", "write"),
    [
        ("无 电子信息", "names-joined", "电子信息"),  # advised 无、电子信息, itself refused
        ("电子信息 无", "names-joined", "电子信息"),
        ("无、先进装备制造、先进装备制造", "list-none-beside-names", "先进装备制造"),  # then a duplicate
        ("先进装备制造 先进装备制造", "names-joined", "先进装备制造"),
    ],
)
def test_following_a_list_cells_advice_brings_no_new_error(book, run_cli, typed, code, write):
    edit(book, lambda b: setattr(cell_of(b["本单位"], "leading_industries"), "value", typed))
    result = run_cli("validate", book, "-f", "json", "--lang", "zh")
    problems = [p for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"]
    assert result.exit_code == 2
    assert [(p["code"], p["cell"]) for p in problems[:1]] == [(code, "本单位!C12（主攻主导产业）")]
    assert re.findall("“([^”]*)”", problems[0]["message"])[-1] == write  # the advice, as it ends
    assert "none-beside-names" not in {p["code"] for p in problems}
    edit(book, lambda b: setattr(cell_of(b["本单位"], "leading_industries"), "value", write))
    assert run_cli("validate", book).exit_code == 0


def test_a_list_cell_of_words_for_none_run_together_holds_no_name(book, run_cli):
    edit(book, lambda b: setattr(cell_of(b["本单位"], "leading_industries"), "value", "无 没有"))
    result = run_cli("validate", book, "-f", "json", "--lang", "en")
    problems = [p for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"]
    assert [(p["code"], p["cell"]) for p in problems] == [("list-no-names", "本单位!C12（主攻主导产业）")]


def _unknown_schools(run_cli, path):
    result = run_cli("validate", path, "-f", "json", "--lang", "en")
    return [p for p in json.loads(result.stdout)["problems"] if p["code"] == "unknown-school"]


@pytest.mark.parametrize(
    ("slip", "cell"),
    [
        (lambda sheet: setattr(sheet["A3"], "value", None), "学校!A3"),  # figures on a row without its name
        (lambda sheet: sheet.merge_cells("A3:A4"), "学校!A4"),  # the second school's name reads blank
    ],
)
def test_a_blank_schools_name_offers_no_other_school(book, run_cli, slip, cell):
    """Its majors were asked whether they meant the other school."""
    edit(book, lambda b: slip(b["学校"]))
    rows = _unknown_schools(run_cli, book)
    assert rows and {p["cell"].split("!")[0] for p in rows} <= {"专业", "企业实践"}
    for problem in rows:
        assert "did you mean" not in problem["message"]
        assert f"the school name at {cell} is blank" in problem["message"]


def test_a_typo_of_a_named_school_is_told_the_close_name_beside_a_school_without_one(book, run_cli):
    """The unnamed school's hint replaced the "did you mean" of a typo of the other school's name."""

    def change(b):
        b["学校"]["A3"].value = 12345
        row = next(
            r for r in range(3, b["专业"].max_row + 1) if b["专业"].cell(r, 1).value == "东安县舜德职业学校"
        )
        b["专业"].cell(row, 1).value = "东安县舜德职业学院"

    edit(book, change)
    rows = {p["message"] for p in _unknown_schools(run_cli, book) if "舜德" in p["message"]}
    assert rows and all('(did you mean "东安县舜德职业学校"?)' in message for message in rows)
    assert not any("is no text" in message for message in rows)


@pytest.mark.parametrize(
    ("typed", "zh", "en"),
    [
        (
            datetime.datetime(2024, 3, 1, 12, 0),
            "填写的却是日期 2024-03-01 12:00:00：",
            "the date 2024-03-01 12:00:00:",
        ),
        (datetime.datetime(2024, 3, 1), "填写的却是日期 2024-03-01：", "the date 2024-03-01:"),
        (12345, "填写的却是数字 12345：", "the number 12345:"),
    ],
)
def test_a_date_in_a_text_cell_is_called_a_date(book, run_cli, typed, zh, en):
    """It was 填写的却是数字 2024-03-01T12:00:00."""
    edit(book, lambda b: setattr(b["学校"]["A3"], "value", typed))
    for lang, said in (("zh", zh), ("en", en)):
        result = run_cli("validate", book, "-f", "json", "--lang", lang)
        [problem] = [p for p in json.loads(result.stdout)["problems"] if p["cell"].startswith("学校!A3")]
        assert problem["code"] == "number-for-text" and said in problem["message"], problem["message"]
