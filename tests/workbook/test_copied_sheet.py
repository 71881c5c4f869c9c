"""A sheet copied in Excel (学校 (2), beside 学校) is told as a copy, not asked whether it should be 学校."""

from __future__ import annotations

import json

from clerk import edit


def test_a_copy_of_a_sheet_that_is_there_is_said_to_be_a_copy(book, run_cli):
    edit(book, lambda b: b.copy_worksheet(b["学校"]))  # openpyxl names it "学校 Copy"; Excel "学校 (2)"
    edit(book, lambda b: setattr(b["学校 Copy"], "title", "学校 (2)"))
    result = run_cli("validate", book, "-f", "json", "--lang", "zh")
    [problem] = json.loads(result.stdout)["problems"]
    assert (result.exit_code, problem["code"], problem["cell"]) == (0, "sheet-copy", "学校 (2)!A1")
    assert problem["message"].startswith("此工作表像是“学校”表的副本（“学校”表本身已在），未读取")
    assert "是否应为" not in problem["message"]
