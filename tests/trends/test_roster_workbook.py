"""The bureau's roster kept as a workbook (``report.workbook.roster``): the same checks as a YAML roster, each
school and each mistake named by its cell."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import invoke
from .multiyear import ROOT

DONGAN = ROOT / "samples" / "2023" / "dongan.yaml"
DAOXIAN = ROOT / "samples" / "2023" / "daoxian.yaml"


def roster(path: Path, rows: list[list[Any]], *, title: str | None = None, merge: str = "") -> Path:
    """A workbook as the bureau keeps one: an optional title row, then the table."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名册"
    if title:
        sheet.append([title])
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    book.save(path)
    return path


def problems(*args: str | Path) -> tuple[int, list[dict[str, Any]]]:
    result = invoke("check", *args, "--format", "json")
    document = json.loads(result.stdout)
    return result.exit_code, [
        p for bad in document["invalid"] for p in bad["problems"] if p["severity"] == "error"
    ]


def test_a_school_on_the_workbook_missing_from_its_report_is_named_by_its_cell(tmp_path: Path) -> None:
    """A unit written once in a cell merged down over its schools counts for each of them."""
    path = roster(
        tmp_path / "名册.xlsx",
        [
            ["单位", "学校名称", "年度"],
            ["东安县", "东安县职业中等专业学校", 2023],
            [None, "东安县舜德职业学校", 2023],
            [None, "东安县第三职业学校", 2023],
            ["道县", "道县职业技术学校", 2023],
        ],
        title="永州市职业院校名册（2023 年）",
        merge="A3:A5",
    )
    code, found = problems(DONGAN, DAOXIAN, "--roster", path)
    assert code == 2
    [error] = found
    assert error["code"] == "roster-school-absent" and error["file"] == str(DONGAN)
    assert f"名册 {path}:名册!B5 上的学校“东安县第三职业学校”不在本报表的 schools 中" in error["message"]


def test_a_workbook_roster_for_another_year_does_not_apply(tmp_path: Path) -> None:
    path = roster(tmp_path / "r.xlsx", [["单位", "学校", "年度"], ["东安县", "东安县第三职业学校", "2022"]])
    code, found = problems(DONGAN, "--roster", path)
    assert (code, found) == (1, [])


@pytest.mark.parametrize(
    ("rows", "merge", "expected"),
    [
        (
            [["单位", "学校名称"], ["东安", "东安县职业中等专业学校"]],
            "",
            [":名册!A2: 没有单位“东安”；是否想写 东安县？"],
        ),
        # no unit's name near: the units there are, not "did you mean —?"
        (
            [["单位", "学校名称"], ["XYZ国", "东安县职业中等专业学校"]],
            "",
            [":名册!A2: 没有单位“XYZ国”：可用的单位有 零陵区、冷水滩区、"],
        ),
        (
            [["单位", "学校名称"], ["东安县", None], [None, "东安县舜德职业学校"]],
            "",
            [
                ":名册!B2: 单位“东安县”这一行没有写学校名称：请写学校名称，或删除这一行",
                ":名册!A3: 学校“东安县舜德职业学校”这一行没有写单位：请写单位名称",
            ],
        ),
        (
            [
                ["单位", "学校名称", "年度"],
                ["东安县", "甲", 2023],
                ["道县", "乙", 2024],
                ["江永县", "丙", "二三"],
            ],
            "",
            [
                ":名册!C1: “年度”一列有多个年度（2023、2024）：一个名册只对一个年度，",
                ":名册!C4: 年度应为 2000–2100 的四位年份，而不是 二三",
            ],
        ),
        ([["学校", "在校生"], ["东安县职业中等专业学校", 1420]], "", [":1:1: 名册工作簿中找不到表头"]),
    ],
)
def test_a_broken_workbook_roster_is_refused_at_its_cells(
    tmp_path: Path, rows: list[list[Any]], merge: str, expected: list[str]
) -> None:
    path = roster(tmp_path / "r.xlsx", rows, merge=merge)
    result = invoke("check", DONGAN, "--roster", path)
    assert result.exit_code == 2 and "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert lines[0] == f"名册 {path} 无效："
    for said in expected:
        assert any(line.startswith(f"{path}{said}") for line in lines), (said, lines)


def test_in_english_too(tmp_path: Path) -> None:
    path = roster(tmp_path / "r.xlsx", [["unit", "school"], ["东安县", None]])
    result = invoke("check", DONGAN, "--roster", path, "--lang", "en")
    assert f'{path}:名册!B2: the row of the unit "东安县" has no school' in result.stderr


def test_the_years_of_a_roster_are_listed_in_english_as_english_lists_them(tmp_path: Path) -> None:
    rows = [["unit", "school", "year"], ["东安县", "甲", 2022], ["道县", "乙", 2023], ["江永县", "丙", 2024]]
    path = roster(tmp_path / "r.xlsx", rows)
    result = invoke("check", DONGAN, "--roster", path, "--lang", "en")
    assert result.exit_code == 2
    assert f"{path}:名册!C1: the 年度 (year) column holds several years (2022, 2023, 2024): " in result.stderr


def test_a_unit_near_no_name_is_told_the_units_not_a_dash(tmp_path: Path) -> None:
    path = roster(tmp_path / "r.xlsx", [["单位", "学校名称"], ["XYZ国", "东安县职业中等专业学校"]])
    result = invoke("check", DONGAN, "--roster", path, "--lang", "en")
    assert result.exit_code == 2
    assert f'{path}:名册!A2: no unit "XYZ国": the units are 零陵区, 冷水滩区, ' in result.stderr
    assert "did you mean" not in result.stderr and "—" not in result.stderr


def test_a_file_that_is_no_workbook_is_refused_as_a_report_workbook_would_be(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    path.write_text("units: {}\n", encoding="utf-8")
    result = invoke("check", DONGAN, "--roster", path)
    assert result.exit_code == 2 and "无法作为 .xlsx 工作簿打开" in result.stderr


CELLS = st.one_of(
    st.none(),
    st.sampled_from(
        ["东安县", "道县", "东安", "东安县职业中等专业学校", "inf", "nan", "1e400", "2023", "二三", " "]
    ),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(),
    st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=8),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(CELLS, min_size=3, max_size=3), max_size=6))
def test_any_roster_workbook_is_read_or_refused_never_a_crash(tmp_path: Path, rows: list[list[Any]]) -> None:
    path = roster(tmp_path / "fuzz.xlsx", [["单位", "学校名称", "年度"], *rows])
    result = invoke("check", DONGAN, "--roster", path)
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.output and "内部错误" not in result.output


def test_a_roster_school_named_otherwise_in_a_workbook_report_is_named_at_that_schools_cell(
    tmp_path: Path,
) -> None:
    """In a workbook the near name stands in a cell of “学校”, not at a line of schools: the problem is
    there and worded for the sheet; the same roster against the YAML report keeps the YAML's words."""
    report = tmp_path / "dongan.xlsx"
    assert invoke("convert", DONGAN, "-o", report).exit_code == 0
    path = roster(
        tmp_path / "名册.xlsx",
        [
            ["单位", "学校名称"],
            ["东安县", "东安县职业中等专业学校"],
            ["东安县", "东安县舜德职业学校(民办)"],
            ["东安县", "永州市第九职业学校"],
        ],
    )
    code, found = problems(report, "--roster", path)
    assert code == 2
    assert [(e["code"], e["cell"], e["path"]) for e in found] == [
        ("roster-school-similar", "学校!A4（学校名称）", "schools[1].name"),
        ("roster-school-absent", "学校!A5", "schools"),  # the row to add it in
    ]
    assert (
        f"名册 {path}:名册!B3 上的学校“东安县舜德职业学校(民办)”不在“学校”表中；这一格的“东安县舜德职业学校”"
        in (found[0]["message"])
    )
    assert "不在“学校”表中：请在“学校”表中补报该校" in found[1]["message"]
    assert "schools" not in found[0]["message"] + found[1]["message"]
    code, found = problems(DONGAN, "--roster", path)
    assert [e["code"] for e in found] == ["roster-school-similar", "roster-school-absent"]
    assert "不在本报表的 schools 中；第 " in found[0]["message"] and "cell" not in found[0]


@pytest.mark.parametrize("name", ["名册.csv", "名册.txt", "名册.xls.csv"])
def test_a_roster_saved_as_csv_is_refused_by_its_name_not_read_as_a_report(tmp_path: Path, name: str) -> None:
    """A roster saved as CSV (GBK, as Excel on Chinese Windows writes it) was read as YAML and answered with
    the report format's error about ``schema_version``: it is refused by its suffix, naming what to write."""
    path = tmp_path / name
    path.write_bytes("单位,学校名称\n东安县,东安县职业中等专业学校\n".encode("gbk"))
    result = invoke("check", DONGAN, "--roster", path)
    assert result.exit_code == 2 and "Traceback" not in result.output
    suffix = Path(name).suffix
    assert f"{path}:1:1: {suffix} 文件不能作为名册读取：名册是 Excel 工作簿（*.xlsx" in result.stderr
    assert "schema_version" not in result.stderr
