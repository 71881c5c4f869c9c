"""A unit's report refused as invalid is a year of its trends and of the year's ranking, said to be invalid.

新田县's 2024 report (``students: "1,050"``) was left out of its trends (2022 and 2023 only, no word of 2024),
of JSON's trend years, of the 2024 ranking matrix of the table, Markdown and HTML, and the city-wide section
said "缺少单位：新田县" as if nothing had been filed, while the workbook's 汇总 said 报表无效，未计分."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from factory import SAMPLES

from .conftest import city_trend, invoke, unit_trend

UNIT = "新田县"


def three_years(dest: Path) -> Path:
    """The 2022 and 2023 samples, and 2024 as 2023 a year later with 新田县's report made invalid."""
    for year in (2022, 2023):
        shutil.copytree(SAMPLES / str(year), dest / str(year))
    shutil.copytree(SAMPLES / "2023", dest / "2024")
    for path in (dest / "2024").glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("year: 2023", "year: 2024", 1), "utf-8")
    xintian = dest / "2024" / "xintian.yaml"
    text = xintian.read_text(encoding="utf-8")
    assert "students: 1050" in text
    xintian.write_text(text.replace("students: 1050", 'students: "1,050"', 1), encoding="utf-8")
    return dest


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return three_years(tmp_path_factory.mktemp("invalid-2024"))


def _check(folder: Path, *args: str | Path) -> str:
    result = invoke("check", folder, *args)
    assert result.exit_code == 2, result.output  # an invalid report
    return result.stdout


@pytest.fixture(scope="module")
def doc(folder: Path) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(_check(folder, "--format", "json"))
    return parsed


def test_the_json_has_the_year_of_an_invalid_report(doc: dict[str, Any], folder: Path) -> None:
    [bad] = doc["invalid"]
    assert (bad["file"], bad["unit"], bad["year"]) == (str(folder / "2024" / "xintian.yaml"), UNIT, 2024)
    assert doc["trends"]["years"] == [2022, 2023, 2024]
    share = unit_trend(doc, UNIT, "c1.vocational-share")
    assert [(y["year"], y["status"], y["fitted"]) for y in share["years"]] == [
        (2022, "pass", False),
        (2023, "pass", False),
        (2024, "invalid", False),
    ]
    assert share["years"][2] == {
        "year": 2024,
        "observed": None,
        "status": "invalid",
        "schedule": None,
        "target": 0.45,  # the rule's own: held against every year
        "fitted": False,
        "undecided": False,
    }
    # every trend of the unit has the year: nothing of 2024 was scored
    trends = next(u for u in doc["trends"]["units"] if u["unit"] == UNIT)["trends"]
    assert {y["status"] for t in trends for y in t["years"] if y["year"] == 2024} == {"invalid"}
    # a target computed from the report's own figures is not known
    tilt = unit_trend(doc, UNIT, "c16.new-funding-tilt")
    assert tilt["years"][2]["target"] is None


def test_the_city_wide_year_tells_the_invalid_report_apart_from_a_unit_missing(doc: dict[str, Any]) -> None:
    city = next(c for c in doc["city"] if c["year"] == 2024)
    assert (city["units_missing"], city["units_invalid"]) == ([UNIT], [UNIT])
    [seats] = [r for r in city["results"] if r["rule"] == "c1.public-seats"]
    assert seats["status"] == "missing" and "缺少单位：新田县（报表无效）" in seats["notes"]
    # 2024's 新田县 is left out of the city's figures all the same: its year is not fitted, and undecided
    share = city_trend(doc, "c11.dual-qualified-share")["years"][2]
    assert (share["status"], share["fitted"], share["undecided"]) == ("pending", False, True)


def _trend_row(table: str, heading: str, rule: str) -> list[str]:
    part = table.split(f"\n{heading}", 1)[1]
    return next(line for line in part.splitlines() if line.startswith(rule + " ")).split()


def test_the_table_shows_the_invalid_year_and_the_unit_in_the_ranking(folder: Path) -> None:
    table = _check(folder, "--no-color")
    assert _trend_row(table, "新田县 · 历年趋势", "c1.vocational-share") == [
        "c1.vocational-share", "✓", "49.0%", "✓", "50.0%", "报表无效",
    ]  # fmt: skip
    matrix = table.split("2024 年 · 单位得分排名与达标矩阵", 1)[1].split("图例", 1)[0]
    rows = [line.split() for line in matrix.splitlines() if UNIT in line]
    assert rows and all(row == ["—", UNIT, "报表无效"] for row in rows)
    assert "全市 · 2024 年 · 14/15 个单位 · 报表无效：新田县 · 得分" in table
    assert "缺少单位：新田县 ·" not in table


def test_markdown_and_html_show_it(folder: Path) -> None:
    markdown = _check(folder, "--format", "markdown")
    matrix = markdown.split("### 2024 年 · 单位得分排名与达标矩阵", 1)[1].split("图例", 1)[0]
    [row] = [line for line in matrix.splitlines() if f"|{UNIT}|" in line]
    assert row.startswith(f"|—|{UNIT}|⛔ 报表无效|") and "✅" not in row
    trends = markdown.split(f"📈 {UNIT} · 历年趋势", 1)[1].split("</details>", 1)[0]
    [row] = [line for line in trends.splitlines() if line.startswith("|`c1.vocational-share`")]
    assert row.split("|")[2:5] == ["✅ 49.0%", "✅ 50.0%", "⛔ 报表无效"]
    assert "报表无效：新田县 · ✅ pass" in markdown

    page = _check(folder, "--format", "html")
    heat = page.split('id="matrix-2024"', 1)[1].split("</section>", 1)[0]
    row = heat.split(f'<tr data-unit="{UNIT}"', 1)[1].split("</tr>", 1)[0]
    assert row.startswith(' data-status="invalid">') and '<td class="problem">报表无效</td>' in row
    unit = page.split(f"<summary>{UNIT} · 历年趋势</summary>", 1)[1].split("</details>", 1)[0]
    row = unit.split('<tr data-rule="c1.vocational-share">', 1)[1].split("</tr>", 1)[0]
    assert (
        '<td class="year" data-year="2024"><b class="problem" data-status="invalid">报表无效</b></td>' in row
    )
    city = page.split('id="city-2024"', 1)[1].split("</section>", 1)[0]
    assert '<p class="problem">报表无效：新田县</p>' in city


def test_the_workbook_shows_the_invalid_year_in_its_trends(folder: Path, tmp_path: Path) -> None:
    book = tmp_path / "three.xlsx"
    _check(folder, "--format", "xlsx", "-o", book)
    sheet = openpyxl.load_workbook(io.BytesIO(book.read_bytes()))["趋势"]
    header = [cell.value for cell in sheet[1]]
    status = header.index("2024 状态")
    [row] = [
        r for r in sheet.iter_rows(min_row=2) if (r[0].value, r[1].value) == (UNIT, "c1.vocational-share")
    ]
    assert [cell.value for cell in row[status : status + 3]] == ["报表无效", None, None]
    assert row[status].fill.fgColor.rgb.endswith("FF9999")  # as 汇总 colours a refused report


def test_a_large_run_shows_the_same(
    folder: Path, doc: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run of 100 reports or more, written as the reports are scored, made its trends apart."""
    from zhijiao_check.commands import check as check_command

    monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    flat = json.loads(_check(folder, "--format", "json"))
    assert (flat["trends"], flat["city"], flat["invalid"]) == (doc["trends"], doc["city"], doc["invalid"])


def test_a_duplicate_report_is_no_invalid_year(tmp_path: Path) -> None:
    """A copy of 新田县's 2023 report is noted, the first by path scored (``xintian-again.yaml``: the figures
    are the same): its trend has 2023 as scored."""
    for year in (2022, 2023):
        shutil.copytree(SAMPLES / str(year), tmp_path / str(year))
    shutil.copy(SAMPLES / "2023" / "xintian.yaml", tmp_path / "2023" / "xintian-again.yaml")
    result = invoke("check", tmp_path, "--format", "json")
    assert result.exit_code == 1, result.output  # no report refused: the samples' targets not met
    doc = json.loads(result.stdout)
    assert doc["invalid"] == []
    assert [w["file"] for w in doc["warnings"] if w["code"] == "same-report"] == [
        str(tmp_path / "2023" / "xintian.yaml")
    ]
    statuses = [y["status"] for y in unit_trend(doc, UNIT, "c1.vocational-share")["years"]]
    assert statuses == ["pass", "pass"]
    table = invoke("check", tmp_path, "--no-color").stdout
    matrix = table.split("2023 年 · 单位得分排名与达标矩阵", 1)[1].split("图例", 1)[0]
    assert "报表无效" not in matrix


@pytest.mark.parametrize("flat", [False, True], ids=["whole", "flat"])
def test_a_year_whose_city_report_is_invalid_is_invalid_in_the_city_s_trends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flat: bool
) -> None:
    """The 市本级's 2023 report refused: the city-wide rules were not run that year, which the city's trends
    showed as no trend at all (one year left)."""
    from zhijiao_check.commands import check as check_command

    if flat:  # the path of 100 reports or more, written as they are scored
        monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    for year in (2022, 2023):
        shutil.copytree(SAMPLES / str(year), tmp_path / str(year))
    city = tmp_path / "2023" / "shibenji.yaml"
    text = city.read_text(encoding="utf-8")
    city.write_text(text.replace("craftsman_students: 238", 'craftsman_students: "238x"', 1), "utf-8")
    doc = json.loads(_check(tmp_path, "--format", "json"))
    assert [c["year"] for c in doc["city"]] == [2022]
    schools = city_trend(doc, "c1.quality-schools")
    assert [(y["year"], y["observed"], y["status"]) for y in schools["years"]] == [
        (2022, 3, "pending"),
        (2023, None, "invalid"),
    ]
    # one figure is no line
    assert (schools["projection"], schools["no_projection"]) == (None, "too-few-years")
    statuses = [y["status"] for y in unit_trend(doc, "永州市本级", "c2.school-standards")["years"]]
    assert statuses == ["pass", "invalid"]
