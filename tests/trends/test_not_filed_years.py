"""A unit that filed nothing in a year whose city-wide section is evaluated is 未提交 in that year's
ranking and in its trends, and its own page says which years it did not file.

The bureau's 2021–2025 run without 新田县's and 蓝山县's 2025 reports listed 13 units in the 2025 ranking
(the two were not there at all, while a unit whose report was refused stood as 报表无效), 新田县's trends
stopped at 2024, and its page said ``2021–2024 年 · 4 份报表`` and ``2025 年预计…`` without a word that
2025 was never filed: only the city-wide section's ``缺少单位`` said so. A year without a city-wide section
(no 市本级 report) says nothing of who is missing, and nothing is added for it.

Here: 2022 without its 市本级 report and without 道县's (no city-wide section); 2023 whole; 2024 as 2023 a
year later, without 新田县's report (not filed) and with 蓝山县's made invalid (refused).
"""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from factory import SAMPLES
from typer.testing import CliRunner

from zhijiao_check.cli import app

from .conftest import unit_trend

ABSENT, REFUSED, NO_SECTION = "新田县", "蓝山县", "道县"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("not-filed")
    shutil.copytree(SAMPLES / "2022", dest / "2022")
    (dest / "2022" / "shibenji.yaml").unlink()
    (dest / "2022" / "daoxian.yaml").unlink()
    shutil.copytree(SAMPLES / "2023", dest / "2023")
    shutil.copytree(SAMPLES / "2023", dest / "2024")
    for path in (dest / "2024").glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("year: 2023", "year: 2024", 1), "utf-8")
    (dest / "2024" / "xintian.yaml").unlink()
    lanshan = dest / "2024" / "lanshan.yaml"
    text, found = re.subn(r"(\n +students: )(\d+)", r'\1"\2,0"', lanshan.read_text(encoding="utf-8"), 1)
    assert found == 1
    lanshan.write_text(text, encoding="utf-8")
    return dest


def run(folder: Path, *args: str, lang: str = "zh", columns: int = 200) -> str:
    result = CliRunner().invoke(
        app, ["check", str(folder), "--lang", lang, *args], env={"COLUMNS": str(columns), "NO_COLOR": "1"}
    )
    assert result.exit_code == 2, result.output  # 蓝山县's 2024 report is invalid
    return result.stdout


@pytest.fixture(scope="module")
def doc(folder: Path) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(run(folder, "--format", "json"))
    return parsed


def test_the_json_is_as_it_was(doc: dict[str, Any]) -> None:
    """The city-wide section names the units missing, those refused apart, as before; the trends keep only
    the years a unit filed (the views add 未提交, the JSON contract is unchanged)."""
    [bad] = doc["invalid"]
    assert (bad["unit"], bad["year"]) == (REFUSED, 2024)
    sections = {c["year"]: c for c in doc["city"]}
    assert sorted(sections) == [2023, 2024]  # 2022 has no 市本级 report
    assert sections[2024]["units_missing"] == [REFUSED, ABSENT]
    assert sections[2024]["units_invalid"] == [REFUSED]
    assert [y["year"] for y in unit_trend(doc, ABSENT, "c1.vocational-share")["years"]] == [2022, 2023]
    assert not any(
        "not_filed" in y["status"] for u in doc["trends"]["units"] for t in u["trends"] for y in t["years"]
    )
    assert "not_filed" not in doc


def _rows(text: str, title: str) -> list[str]:
    """The lines of the matrix headed ``title`` up to its legend."""
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if line.strip() == title)
    end = next(n for n in range(start, len(lines)) if lines[n].startswith(("图例", "Legend")))
    return [line.rstrip() for line in lines[start + 3 : end]]


@pytest.mark.parametrize(
    ("lang", "title", "absent", "refused"),
    [
        ("zh", "{year} 年 · 单位得分排名与达标矩阵", "未提交", "报表无效"),
        ("en", "{year} · units ranked by score, rule by rule", "not filed", "report invalid"),
    ],
)
def test_the_table_ranks_a_unit_not_filed_as_such(
    folder: Path, lang: str, title: str, absent: str, refused: str
) -> None:
    text = run(folder, lang=lang)
    rows = _rows(text, title.format(year=2024))
    assert re.fullmatch(rf" —  {REFUSED} +{refused}", rows[-2])
    # beside the name, the score's column left as for any unscored row: a ranking of 20 rules that fits
    # 100 columns is not cut in two panels by a word wider than a score
    paren = f"（{absent}）" if lang == "zh" else f" ({absent})"
    assert re.fullmatch(rf" —  {re.escape(ABSENT + paren)} +— *", rows[-1])
    assert len(rows) == 15  # 13 ranked, one refused, one not filed: every unit of the year
    # 2022 has no city-wide section: 道县 is not said to be missing from it
    rows_2022 = _rows(text, title.format(year=2022))
    assert len(rows_2022) == 13 and not any(NO_SECTION in row or absent in row for row in rows_2022)
    # 新田县's trends: a 2024 column, 未提交 in every row of it
    lines = text.splitlines()
    heading = next(n for n, line in enumerate(lines) if line.startswith(f"{ABSENT} · "))
    assert lines[heading + 1].split()[-3:] == ["2022", "2023", "2024"]
    share = next(line for line in lines[heading:] if line.startswith("c1.vocational-share"))
    assert share.rstrip().endswith(absent)
    block = lines[heading : lines.index("", heading)]
    rules = [line for line in block if re.match(r"c\d+\.", line)]
    assert rules and all(line.rstrip().endswith(absent) for line in rules)
    # 道县 did not file 2022, but no city-wide section says it: its trends have no 2022 column
    heading = next(n for n, line in enumerate(lines) if line.startswith(f"{NO_SECTION} · "))
    assert lines[heading + 1].split()[-2:] == ["2023", "2024"] and "2022" not in lines[heading + 1]


def test_markdown_ranks_and_traces_a_unit_not_filed(folder: Path) -> None:
    text = run(folder, "--format", "markdown")
    rows = [line for line in text.splitlines() if line.startswith(f"|—|{ABSENT}|")]
    assert rows == [f"|—|{ABSENT}|📭 未提交|" + "|" * (rows[0].count("|") - 4)]
    share = next(
        line
        for line in text.split(f"📈 {ABSENT} · ")[1].splitlines()
        if line.startswith("|`c1.vocational-share`")
    )
    assert share.split("|")[2:5][-1] == "📭 未提交"  # the 2024 column, after 2022 and 2023


def test_the_page_and_the_unit_page_say_not_filed(folder: Path, tmp_path: Path) -> None:
    pages = tmp_path / "units"
    for lang in ("zh", "en"):
        page = tmp_path / f"run-{lang}.html"
        run(folder, "--format", "html", "-o", str(page), "--per-unit", str(pages / lang), lang=lang)
        html = page.read_text(encoding="utf-8")
        row = re.search(rf'<tr data-unit="{ABSENT}" data-status="not_filed">(.*?)</tr>', html)
        word = "未提交" if lang == "zh" else "not filed"
        assert row is not None and f'<td class="problem">{word}</td>' in row.group(1)
        own = (pages / lang / f"{ABSENT}.html").read_text(encoding="utf-8")
        meta = re.search(r'<p class="meta">([^<]*)</p>', own)
        assert meta is not None
        said = (
            "2022–2023 年 · 2 份报表 · 2024 年未提交报表"
            if lang == "zh"
            else "2022–2023 · 2 reports · not filed: 2024"
        )
        assert meta.group(1) == said
        cells = re.findall(r'<td class="year" data-year="2024">(.*?)</td>', own)
        assert cells and set(cells) == {f'<b class="problem" data-status="not_filed">{word}</b>'}
        # a unit that filed every year of the run: not a word of it
        assert "not_filed" not in (pages / lang / "东安县.html").read_text(encoding="utf-8")


def test_the_workbook_ranks_and_traces_a_unit_not_filed(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "run.xlsx"
    run(folder, "--format", "xlsx", "-o", str(out))
    book = openpyxl.load_workbook(io.BytesIO(out.read_bytes()))
    summary = list(book["汇总"].iter_rows(values_only=True))
    rows = [row[:4] for row in summary if row[2] == ABSENT]
    assert [row[0] for row in rows] == [2022, 2023, 2024]
    assert all(
        isinstance(row[1], int) and isinstance(row[3], (int, float)) for row in rows[:2]
    )  # ranked, scored
    assert rows[2] == (2024, "—", ABSENT, "未提交")
    assert not any(row[2] == NO_SECTION and row[0] == 2022 for row in summary)
    sheet = list(book["趋势"].iter_rows(values_only=True))
    status = sheet[0].index("2024 状态")
    share = next(row for row in sheet if row[0] == ABSENT and row[1] == "c1.vocational-share")
    assert share[status] == "未提交"
    daoxian = next(row for row in sheet if row[0] == NO_SECTION and row[1] == "c1.vocational-share")
    assert daoxian[sheet[0].index("2022 状态")] is None


def test_the_workbook_colours_not_filed_as_the_table_does_not_as_a_refusal(
    folder: Path, tmp_path: Path
) -> None:
    """未提交 had the red of 报表无效 in the workbook, where the table shows it yellow and Markdown 📭."""
    out = tmp_path / "run.xlsx"
    run(folder, "--format", "xlsx", "-o", str(out))
    book = openpyxl.load_workbook(io.BytesIO(out.read_bytes()))

    def fill(cell: Any) -> str:
        return str(cell.fill.fgColor.rgb)[-6:]

    summary = list(book["汇总"].iter_rows())
    [absent] = [row[3] for row in summary if row[2].value == ABSENT and row[3].value == "未提交"]
    [refused] = [row[3] for row in summary if row[2].value == REFUSED and row[3].value == "报表无效，未计分"]
    assert (fill(absent), fill(refused)) == ("FFEB9C", "FF9999")
    trends = list(book["趋势"].iter_rows())
    status = [cell.value for cell in trends[0]].index("2024 状态")
    absent_years = [row[status] for row in trends if row[0].value == ABSENT and row[status].value]
    refused_years = [row[status] for row in trends if row[0].value == REFUSED and row[status].value]
    assert absent_years and {(c.value, fill(c)) for c in absent_years} == {("未提交", "FFEB9C")}
    assert refused_years and {(c.value, fill(c)) for c in refused_years} == {("报表无效", "FF9999")}


def test_a_run_without_a_city_wide_section_is_unchanged(tmp_path: Path) -> None:
    """One county's report, or a year without its 市本级 report: nothing is said to be missing."""
    result = CliRunner().invoke(
        app,
        ["check", str(SAMPLES / "2023" / "dongan.yaml"), str(SAMPLES / "2023" / "daoxian.yaml")],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 1, result.output
    assert "未提交" not in result.stdout
    assert "单位得分排名与达标矩阵" in result.stdout
