"""Where the run reaches a target's due year, its trend says whether the target was met by it, with the due
year's figure, and whether the later years of the run kept it; a target judged each year, in how many of the
years it was met. A unit that did not file the run's last year is not projected to it, and a city-wide year
not decided says 未判定 in every view.

The bureau's final 2021–2025 review, made in 2026, found the 趋势 sheet's 达标起始年份, 预计达标年份 and
按期达标 empty for every target whose due year had passed (c1.public-seats, "到2023年…2.5万", met in 2023,
then not in 2025), with only ``已到到期年份，以各年状态为准``; 新田县, which filed nothing for 2025, projected
``2025 年预计 100.0%`` and 按期达标 是 for c10.pilot-schools; and a city-wide 2025 with 新田县 missing showed
``? 23600`` (the glyph of ``missing``) where docs/trends.md says the words call the year undecided.

Two sets of the samples' reports: ``complete``, 2023 and 2025 whole, 零陵区 with 1000 public seats fewer in
2025 (the city-wide total falls to 24300, below 25000); ``final``, 2022–2025, 2024 and 2025 as 2023 a year
and two later, without 新田县's 2025 report.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from factory import SAMPLES
from typer.testing import CliRunner

from zhijiao_check.cli import app

from .conftest import city_trend, unit_trend
from .multiyear import copy_year
from .test_renamed_units import pack_with

ABSENT = "新田县"
SEATS = "c1.public-seats"


def run(folder: Path, *args: str, lang: str = "zh") -> str:
    result = CliRunner().invoke(
        app, ["check", str(folder), "--lang", lang, *args], env={"COLUMNS": "200", "NO_COLOR": "1"}
    )
    assert result.exit_code == 1, result.output  # the samples fail some targets
    return result.stdout


def doc_of(folder: Path) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(run(folder, "--format", "json"))
    return parsed


@pytest.fixture(scope="module")
def complete_doc(complete: Path) -> dict[str, Any]:
    return doc_of(complete)


@pytest.fixture(scope="module")
def final_doc(final: Path) -> dict[str, Any]:
    return doc_of(final)


def trend_sheet(folder: Path, tmp_path: Path, lang: str = "zh") -> list[dict[str, Any]]:
    """The 趋势 sheet's rows as {header: value}."""
    out = tmp_path / "all.xlsx"
    result = CliRunner().invoke(app, ["check", str(folder), "--lang", lang, "-f", "xlsx", "-o", str(out)])
    assert result.exit_code == 1, result.output
    sheet = openpyxl.load_workbook(io.BytesIO(out.read_bytes())).worksheets[3]
    header, *rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_a_target_met_by_its_due_year_and_not_kept(complete_doc: dict[str, Any]) -> None:
    """c1.public-seats, due 2023: met in 2023 (25300), not in 2025 (24300): the JSON says both."""
    seats = city_trend(complete_doc, SEATS)
    assert (seats["projection"], seats["no_projection"]) == (None, "due-passed")
    assert seats["verdict"] == {
        "kind": "due",
        "due": 2023,
        "outcome": "met",
        "years": [
            {"year": 2023, "outcome": "met", "observed": 25300},
            {"year": 2025, "outcome": "not-met", "observed": 24300},
        ],
        "met": 1,
        "counted": 2,
        "held": False,
    }


def test_a_target_judged_each_year_counts_its_years(complete_doc: dict[str, Any]) -> None:
    """c8.park-funding is judged every year: 2023 and 2025 both below 100% (80%), 0 of 2 years met."""
    funding = city_trend(complete_doc, "c8.park-funding")
    assert funding["no_projection"] == "no-due"
    verdict = funding["verdict"]
    assert (verdict["kind"], verdict["due"], verdict["outcome"]) == ("each-year", None, None)
    assert [(y["year"], y["outcome"]) for y in verdict["years"]] == [(2023, "not-met"), (2025, "not-met")]
    assert (verdict["met"], verdict["counted"], verdict["held"]) == (0, 2, None)


def test_a_target_not_due_in_the_run_has_no_verdict(tmp_path: Path) -> None:
    """2022–2023 does not reach 2025: c1.quality-schools is projected, with no verdict."""
    for year in (2022, 2023):
        copy_year(year, tmp_path, year)
    schools = city_trend(doc_of(tmp_path), "c1.quality-schools")
    assert schools["projection"] is not None
    assert schools["verdict"] is None


def test_every_view_says_the_verdict(complete: Path, tmp_path: Path) -> None:
    said = "2023 年按期达标（25300 ≥ 25000），2025 年未保持（24300）"
    table = run(complete)
    assert f"{SEATS}：{said}" in table.split("达标情况", 1)[1]
    assert said in run(complete, "--format", "markdown")
    page = run(complete, "--format", "html")
    assert said in page
    assert 'data-rule="c1.public-seats" data-projected="null"' in page
    assert 'data-verdict="&quot;met&quot;"' in page
    english = run(complete, lang="en")
    assert "met by its due year 2023 (25300 ≥ 25000), not held in 2025 (24300)" in english
    [row] = [r for r in trend_sheet(complete, tmp_path) if r["单位"] == "全市" and r["规则"] == SEATS]
    assert (row["按期达标"], row["达标情况"]) == ("是", said)
    [funding] = [r for r in trend_sheet(complete, tmp_path) if r["规则"] == "c8.park-funding"]
    assert funding["达标情况"] == "2 年中 0 年达标；2023、2025 年未达标（80.0%、80.0%）"


def test_a_unit_without_the_last_year_is_not_projected_to_it(final_doc: dict[str, Any]) -> None:
    """新田县 filed nothing for 2025, the due year of c10.pilot-schools: no projection (due-passed), and
    the verdict says 2025 was not filed, never met."""
    pilot = unit_trend(final_doc, ABSENT, "c10.pilot-schools")
    assert [y["year"] for y in pilot["years"]] == [2022, 2023, 2024]
    assert (pilot["projection"], pilot["no_projection"]) == (None, "due-passed")
    assert pilot["verdict"]["outcome"] == "not-filed"
    assert pilot["verdict"]["years"] == [{"year": 2025, "outcome": "not-filed", "observed": None}]
    # a target due earlier: met then, kept while filed, 2025 said not filed (not "not kept")
    standards = unit_trend(final_doc, ABSENT, "c2.school-standards")["verdict"]
    assert [(y["year"], y["outcome"]) for y in standards["years"]] == [
        (2022, "met"),
        (2023, "met"),
        (2024, "met"),
        (2025, "not-filed"),
    ]
    assert standards["held"] is None


def test_the_views_do_not_call_a_unit_without_the_last_year_on_track(final: Path, tmp_path: Path) -> None:
    table = run(final)
    section = table.split(f"{ABSENT} · 历年趋势", 1)[1].split("历年趋势", 1)[0]
    assert "按期可达" not in section and "预测" not in section
    assert "c10.pilot-schools：2025 年到期，未提交报表，无法判定是否按期达标" in section
    assert "c2.school-standards：2022 年按期达标（2/2 所），2023、2024 年保持，2025 年未提交" in section
    [row] = [
        r for r in trend_sheet(final, tmp_path) if r["单位"] == ABSENT and r["规则"] == "c10.pilot-schools"
    ]
    assert (row["到期预测值"], row["按期达标"]) == (None, "未提交")
    assert row["达标情况"] == "2025 年到期，未提交报表，无法判定是否按期达标"


def test_a_year_not_decided_is_never_met(final_doc: dict[str, Any]) -> None:
    """2025 without 新田县: c1.quality-schools, due 2025, is undecided there, and so is its verdict."""
    schools = city_trend(final_doc, "c1.quality-schools")
    assert schools["years"][-1]["undecided"] is True
    assert schools["verdict"]["outcome"] == "undecided"
    seats = city_trend(final_doc, SEATS)["verdict"]
    assert [(y["year"], y["outcome"]) for y in seats["years"]] == [
        (2023, "met"),
        (2024, "met"),
        (2025, "undecided"),
    ]
    assert seats["held"] is None


def test_every_view_says_a_year_not_decided(final: Path, tmp_path: Path) -> None:
    """The cells of 2025 city-wide say 未判定 (the units missing named where there is room), not ``?`` or
    缺少数据, and the verdict says so."""
    table = run(final)
    city = table.split("全市 · 历年趋势", 1)[1].split("达标情况", 1)[0]
    seats = next(line for line in city.splitlines() if line.startswith(SEATS))
    assert seats.split()[-2:] == ["未判定", "24200"]  # 25300 less 新田县's 1100
    assert "? " not in seats
    verdicts = table.split("全市 · 历年趋势", 1)[1].split("达标情况", 1)[1]
    assert "c1.quality-schools：2025 年到期，未判定（缺少新田县）" in verdicts
    assert f"{SEATS}：2023 年按期达标（25300 ≥ 25000），2024 年保持，2025 年未判定（缺少新田县）" in verdicts
    markdown = run(final, "--format", "markdown")
    row = next(line for line in markdown.splitlines() if line.startswith(f"|`{SEATS}`"))
    assert "❔ 未判定 24200<br>缺少新田县" in row and "❓" not in row
    page = run(final, "--format", "html")
    assert '<b class="undecided" data-status="missing">未判定（缺少新田县）</b> 24200' in page
    assert "24200（未判定）" in page  # the chart's spoken name
    [row_x] = [r for r in trend_sheet(final, tmp_path) if r["单位"] == "全市" and r["规则"] == SEATS]
    assert row_x["2025 状态"] == "未判定（缺少新田县）"
    assert row_x["2024 状态"] == "达标"
    english = run(final, "--format", "markdown", lang="en")
    assert "due in 2025, not decided (新田县 missing)" in english


def test_a_large_run_gives_the_same_verdicts(
    final: Path, final_doc: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run of 100 reports or more, written as the reports are scored, makes its trends apart."""
    from zhijiao_check.commands import check as check_command

    monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    assert doc_of(final)["trends"] == final_doc["trends"]


def test_a_missing_first_year_is_not_filed_as_a_missing_last_year_is(tmp_path: Path) -> None:
    """新田县 without its 2022 report: the 2022 city-wide section names it missing, its cells say 未提交, and
    its verdicts count 2022 not filed (they began at its first report, 2023)."""
    for year, source in ((2022, 2022), (2023, 2023), (2024, 2023)):
        copy_year(source, tmp_path, year)
    (tmp_path / "2022" / "xintian.yaml").unlink()
    share = unit_trend(doc_of(tmp_path), ABSENT, "c1.vocational-share")
    assert [(y["year"], y["outcome"]) for y in share["verdict"]["years"]] == [
        (2022, "not-filed"),
        (2023, "met"),
        (2024, "met"),
    ]


def test_a_stray_later_report_makes_no_unit_a_year_not_filed(tmp_path: Path) -> None:
    """2022–2023 and 东安县's report of 2026 alone (no city-wide 2026: nobody is named missing): the other
    units did not fail to file 2026, so their targets due in 2025 are projected, not said 2026 年未提交."""
    for year in (2022, 2023):
        copy_year(year, tmp_path, year)
    (tmp_path / "2026").mkdir()
    text = (SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8")
    (tmp_path / "2026" / "dongan.yaml").write_text(
        text.replace("year: 2023", "year: 2026", 1), encoding="utf-8"
    )
    doc = doc_of(tmp_path)
    lingling = next(u["trends"] for u in doc["trends"]["units"] if u["unit"] == "零陵区")
    assert any(t["projection"] for t in lingling)
    for unit in doc["trends"]["units"]:
        for trend in unit["trends"]:
            years = [] if trend["verdict"] is None else trend["verdict"]["years"]
            assert all(y["outcome"] != "not-filed" for y in years), (unit["unit"], trend["rule"])


COUNTY = "江永县"
COUNTY_LINE = '  - {name: 江永县, kind: county, code: "431125"}\n'


def _verdict_years(doc: dict[str, Any], unit: str) -> set[tuple[int, str]]:
    """Each (year, outcome) the verdicts of ``unit``'s trends count."""
    [trends] = [u["trends"] for u in doc["trends"]["units"] if u["unit"] == unit]
    verdicts = [t["verdict"] for t in trends if t["verdict"]]
    assert verdicts
    return {(y["year"], y["outcome"]) for v in verdicts for y in v["years"]}


def _checked_with_roster(folder: Path, pack: Path) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(run(folder, "--rules", str(pack), "--format", "json"))
    return parsed


def test_a_unit_created_later_was_not_due_to_file_before_it(tmp_path: Path) -> None:
    """江永县 exists from 2024 (``since: 2024``), in a run of 2022–2025: no year before it is not filed in
    its verdicts (a target due in 2023 said 2023 年未提交), as none is in its cells or the city-wide
    sections."""
    folder = tmp_path / "reports"
    for year, source in ((2022, 2022), (2023, 2023), (2024, 2023), (2025, 2023)):
        copy_year(source, folder, year)
    for year in (2022, 2023):
        (folder / str(year) / "jiangyong.yaml").unlink()
    pack = pack_with(
        tmp_path / "pack", lambda t: t.replace(COUNTY_LINE, COUNTY_LINE[:-2] + ", since: 2024}\n")
    )
    found = _verdict_years(_checked_with_roster(folder, pack), COUNTY)
    assert {year for year, _ in found} == {2024, 2025}


def test_a_unit_merged_away_was_not_due_to_file_after_its_merger(tmp_path: Path) -> None:
    """江永县 is 道县's from 2025 (``merged``): its verdicts end with 2024, no 2025 年到期，未提交报表."""
    folder = tmp_path / "reports"
    for year in (2023, 2024, 2025):
        copy_year(2023, folder, year)
    (folder / "2025" / "jiangyong.yaml").unlink()
    merger = '\nmerged:\n  - {name: 江永县, kind: county, code: "431125", into: 道县, year: 2025}\n'
    pack = pack_with(tmp_path / "pack", lambda t: t.replace(COUNTY_LINE, "").rstrip("\n") + merger)
    found = _verdict_years(_checked_with_roster(folder, pack), COUNTY)
    # c2.school-standards is due in 2022, which this run of 2023–2025 does not hold: said so, never filed
    assert {year for year, outcome in found if outcome != "not-in-run"} == {2023, 2024}
    assert {year for year, outcome in found if outcome == "not-in-run"} == {2022}
    assert all(outcome != "not-filed" for _, outcome in found)


def test_the_page_gives_an_undecided_year_its_own_target(final: Path) -> None:
    """c3.pathway-growth's target is last year's total, computed each year: 2025, undecided (新田县
    missing), keeps its own beside its figure on the page, as the table and Markdown do."""
    page = run(final, "--format", "html")
    chart = page.split('<div class="chart" data-rule="c3.pathway-growth"', 1)[1].split(
        '<div class="chart"', 1
    )[0]
    figures = chart.split('class="small figures">', 1)[1].split("</div>", 1)[0]
    last = figures.split(" · ")[-1]
    assert last.startswith('2025 <b class="undecided" data-status="missing">未判定（缺少新田县）</b> 2220 人')
    assert last.endswith('<span class="small">目标 &gt; 1975 人</span>')
