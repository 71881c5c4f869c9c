"""An invalid report's warnings (an extra sheet, spaces taken off a name) are listed beside its errors, and
told apart from them: in check's table as 错误：/警告： (as validate says them), and in the CSV and the
results workbook by a status of their own, never 报表无效，未计分, which they are no reason for."""

from __future__ import annotations

import csv

import openpyxl
from clerk import cell_of, edit


def _invalid_with_a_warning(book):
    def change(b):
        cell_of(b["学校"], "students").value = "3,120"  # an error
        b.create_sheet("草稿")["A1"] = "待核对"  # a warning: not read

    return edit(book, change)


def test_checks_table_marks_an_invalid_reports_errors_and_warnings(book, run_cli):
    result = run_cli("check", _invalid_with_a_warning(book), "--lang", "zh")
    assert result.exit_code == 2
    text = "".join(result.output.split())  # as wrapped to the terminal's width
    assert "学校!F3（在校生）错误：数字中不要用千位分隔符" in text
    assert "草稿!A1警告：此工作表不是报表的一部分" in text


def test_the_csv_and_the_workbook_give_a_warning_its_own_status(book, run_cli, tmp_path):
    path = _invalid_with_a_warning(book)
    out_csv, out_xlsx = tmp_path / "out.csv", tmp_path / "out.xlsx"
    result = run_cli("check", path, "-f", "csv", "-o", out_csv, "-f", "xlsx", "-o", out_xlsx)
    assert result.exit_code == 2, result.output
    rows = list(csv.reader(out_csv.read_text(encoding="utf-8-sig").splitlines()))
    statuses = {row[12].split(":", 1)[1]: row[5] for row in rows[1:]}
    assert statuses["学校!F3（在校生）"] == "报表无效，未计分"
    assert statuses["草稿!A1"] == "警告（不影响有效性）"
    sheet = openpyxl.load_workbook(out_xlsx)["明细"]
    in_book = {str(row[12]).split(":", 1)[1]: row[5] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert in_book == statuses
