"""A sheet copied in Excel (学校 (2), beside 学校) is told as a copy, not asked whether it should be 学校."""

from __future__ import annotations

import json

import pytest
from clerk import edit


def test_a_copy_of_a_sheet_that_is_there_is_said_to_be_a_copy(book, run_cli):
    edit(book, lambda b: b.copy_worksheet(b["学校"]))  # openpyxl names it "学校 Copy"; Excel "学校 (2)"
    edit(book, lambda b: setattr(b["学校 Copy"], "title", "学校 (2)"))
    result = run_cli("validate", book, "-f", "json", "--lang", "zh")
    [problem] = json.loads(result.stdout)["problems"]
    assert (result.exit_code, problem["code"], problem["cell"]) == (0, "sheet-copy", "学校 (2)!A1")
    assert problem["message"].startswith("此工作表像是“学校”表的副本（“学校”表本身已在），未读取")
    assert "是否应为" not in problem["message"]


@pytest.mark.parametrize("name", ["学校 (2)", "学校（2）", "学校(3)", "学校_2", "学校_1"])
def test_each_name_a_program_gives_a_copy_is_a_copy(book, run_cli, name):
    edit(book, lambda b: setattr(b.copy_worksheet(b["学校"]), "title", name))
    result = run_cli("validate", book, "-f", "json", "--lang", "en")
    [problem] = json.loads(result.stdout)["problems"]
    assert (problem["code"], problem["cell"]) == ("sheet-copy", f"{name}!A1")


@pytest.mark.parametrize("name", ["学校说明", "学校 汇总", "学校2", "学校_备份"])
def test_a_sheet_named_after_a_report_sheet_is_no_copy(book, run_cli, name):
    """学校说明 was told it was a copy of 学校."""
    edit(book, lambda b: setattr(b.create_sheet(name)["A1"], "value", "备注"))
    result = run_cli("validate", book, "-f", "json", "--lang", "en")
    [problem] = json.loads(result.stdout)["problems"]
    assert (result.exit_code, problem["code"], problem["cell"]) == (0, "sheet-not-read", f"{name}!A1")
