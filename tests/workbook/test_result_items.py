"""What a leader reads in the results the tool writes for people (--format xlsx and csv): which school or
major failed a rule, by what figure, against what target and where, as the table names it under the rule;
shares as the explanation shows them; nothing hidden when the workbook is opened; why the city-wide sheet is
empty; and which file each report of 汇总 is."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import openpyxl
import pytest
from factory import county, major, school

SCHOOL = "东安县职业中等专业学校"
PRIVATE = "东安县舜德职业学校"


def _report() -> dict:
    """东安县 2024: a public school funded 9200 < 10000 a student; a private school's yellow major grew."""
    return county(
        year=2024,
        schools=[
            school(SCHOOL, year=2024, appropriation_per_student=9200),
            school(
                PRIVATE,
                ownership="private",
                year=2024,
                majors=[
                    major(
                        "汽车运用与维修", year=2024, rating="yellow", enrollment=170, previous_enrollment=165
                    )
                ],
            ),
        ],
    )


@pytest.fixture
def results(filled, run_cli, tmp_path: Path):
    """The workbook and the CSV written for 东安县's workbook, filled by a clerk."""
    report = filled(_report(), "东安县.xlsx")
    book, table = tmp_path / "results.xlsx", tmp_path / "results.csv"
    result = run_cli("check", report, "-f", "xlsx", "-o", book, "-f", "csv", "-o", table)
    assert result.exit_code == 1, result.output
    return book, table


def _sheet(book: Path, name: str) -> list[dict]:
    rows = list(openpyxl.load_workbook(book)[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def _csv(table: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"), newline="")))


def _under(rows: list[dict], rule: str) -> list[dict]:
    return [row for row in rows if row["规则"] == rule]


def test_the_details_and_the_csv_name_each_school_and_major_that_failed_under_its_rule(results):
    book, table = results
    for rows in (_sheet(book, "明细"), _csv(table)):
        funding = _under(rows, "c16.secondary-funding")
        assert [row["项目"] or None for row in funding] == [None, SCHOOL]
        rule, item = funding
        assert rule["状态"] == item["状态"] == "未达标"
        assert item["单位"] == "东安县" and item["文件"].endswith("东安县.xlsx")
        assert str(item["实际值"]) == "9200" and item["目标"] == "≥" and str(item["目标值"]) == "10000"
        assert item["计算与说明"] == f"{SCHOOL}：生均拨款 9200 < 10000"
        assert "学校!G3（生均拨款）" in item["数据位置"]
        assert not item["计量"]  # 元, not the rule's share: never shown as 920000.0%
        yellow = _under(rows, "c4.yellow-majors-shrink")
        assert [row["项目"] or None for row in yellow] == [None, f"{PRIVATE} · 汽车运用与维修"]
        assert yellow[1]["计算与说明"].startswith(f"{PRIVATE} · 汽车运用与维修：当年招生 170 ≥ 上年招生 165")
        assert "专业!F" in yellow[1]["数据位置"]
        # a rule that is met lists no item under it
        assert [row["项目"] or None for row in _under(rows, "c5.school-quality-committee")] == [None]
    sheet = openpyxl.load_workbook(book)["明细"]
    assert sheet.auto_filter.ref == f"A1:O{sheet.max_row}"  # the item column filtered with the rest


def test_the_city_sheet_says_why_a_year_without_the_city_report_has_no_city_wide_rules(results):
    book, _ = results
    rows = _sheet(book, "全市")
    assert [(row["年度"], row["计算与说明"]) for row in rows] == [
        (2024, "2024 年全市性指标未评估：输入中没有有效的永州市本级报表")
    ]


def test_the_summary_names_the_file_of_each_report_so_that_two_of_one_unit_are_told_apart(
    filled, run_cli, tmp_path: Path
):
    report = filled(_report(), "东安县.xlsx")
    copy = report.with_name("东安县-改.xlsx")  # a corrected copy, other figures: both refused and listed
    book = openpyxl.load_workbook(report)
    sheet = book["本单位"]
    cell = next(c for row in sheet.iter_rows(min_col=3, max_col=3) for c in row if type(c.value) is int)
    cell.value += 10
    book.save(copy)
    book = tmp_path / "results.xlsx"
    run_cli("check", report.parent, "-f", "xlsx", "-o", book)
    rows = _sheet(book, "汇总")
    assert list(rows[0])[-1] == "文件"
    assert sorted((row["单位"], Path(row["文件"]).name) for row in rows) == [
        ("东安县", "东安县-改.xlsx"),
        ("东安县", "东安县.xlsx"),
    ]
    cell = openpyxl.load_workbook(book)["汇总"].cell(2, len(rows[0]))
    assert cell.fill.fgColor.rgb in (None, "00000000")  # a file is no status: not coloured


def test_the_csv_writes_a_share_as_the_percentage_its_explanation_shows_and_no_float_noise(results):
    _, table = results
    rows = _csv(table)
    [share] = _under(rows, "c1.vocational-share")  # 1200 / 2500
    assert (share["实际值"], share["目标值"]) == ("48.0%", "45.0%")
    assert "48.0% ≥ 45.0%" in share["计算与说明"]
    [met] = _under(rows, "c5.school-quality-committee")
    assert (met["实际值"], met["目标值"]) == ("100.0%", "100.0%")  # not 1
    for row in rows:
        for column in ("实际值", "目标值", "进度目标"):
            assert not re.search(r"\.\d{5,}", row[column]), row


def test_the_details_wrap_a_long_explanation_and_place_in_a_row_tall_enough(results):
    book, _ = results
    sheet = openpyxl.load_workbook(book)["明细"]
    header = [cell.value for cell in sheet[1]]
    said, at = header.index("计算与说明") + 1, header.index("数据位置") + 1
    long = next(row for row in sheet.iter_rows(min_row=2) if len(row[at - 1].value or "") > 36)
    assert long[said - 1].alignment.wrap_text and long[at - 1].alignment.wrap_text
    assert sheet.row_dimensions[long[0].row].height >= 32  # two lines at least: nothing cut off
