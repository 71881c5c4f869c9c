"""Two gaps of the trends the bureau's reviewer found in runs that skip years.

A due year the run does not hold: c1.public-seats ("到2023年…2.5万") in a run of 2022 and 2025, or a target
due in 2024 in one of 2023 and 2025, got neither a projection nor a verdict, though the years after it
judge the target (docs/trends.md, "Met by the due year"). Now the due year's outcome is ``not-in-run``
(never met) and the later years are said.

A figure going backwards: 道县's seats 1750 in 2023, 1500 in 2025 (the city's total 25300 → 25050, still met),
江永县's share of vocational students 46.1% → 41.0%, were told only by ``diff``. Now the trend lists each
setback, and every view marks the year (回落 / setback), changing no status and no exit status.

The reports are the bundled samples: 2022 as it is, 2023 as it is, and 2025 as 2023 two years later.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from zhijiao_check.cli import app
from zhijiao_check.engine.trend import Point, setbacks, verdict
from zhijiao_check.pack.load import load_packs

from .conftest import city_trend, unit_trend
from .multiyear import ROOT, copy_year

SEATS = "c1.public-seats"
STANDARDS = "c2.school-standards"  # due in 2022, a school rule: each unit's trend
SHARE = "c1.vocational-share"
RULES = {rule.id: rule for rule in load_packs([])[0].rules}
NOT_KNOWN = "no report of that year in this run: whether it was met is not known"


def _seats(folder: Path, stem: str, before: int, after: int) -> None:
    path = folder / f"{stem}.yaml"
    text = path.read_text(encoding="utf-8")
    assert f"public_secondary_vocational_seats: {before}" in text
    path.write_text(text.replace(f"vocational_seats: {before}", f"vocational_seats: {after}", 1), "utf-8")


def _pack_due(dest: Path, rule: str, due: int) -> Path:
    """A copy of the built-in pack in which ``rule`` is due in ``due``."""
    shutil.copytree(ROOT / "rules" / "yzf-2021-7", dest)
    clause = dest / "clause-01.yaml"
    text = clause.read_text(encoding="utf-8")
    head, tail = text.split(f"id: {rule}\n", 1)
    body, rest = tail.split("time: {due: 2023}", 1)
    clause.write_text(f"{head}id: {rule}\n{body}time: {{due: {due}}}{rest}", encoding="utf-8")
    return dest


def _run(folder: Path, *args: str, lang: str = "zh", columns: int = 200) -> str:
    result = CliRunner().invoke(
        app,
        ["check", str(folder), "--lang", lang, *args],
        env={"COLUMNS": str(columns), "NO_COLOR": "1"},
    )
    assert result.exit_code == 1, result.output  # the samples fail some targets
    return result.stdout


def _json(folder: Path, *args: str) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(_run(folder, "--format", "json", *args))
    return parsed


def _sheet(folder: Path, tmp_path: Path, *args: str, lang: str = "zh") -> list[dict[str, Any]]:
    """The 趋势 sheet's rows as {header: value}."""
    out = tmp_path / f"trends-{lang}.xlsx"
    result = CliRunner().invoke(
        app, ["check", str(folder), "--lang", lang, "-f", "xlsx", "-o", str(out), *args]
    )
    assert result.exit_code == 1, result.output
    sheet = openpyxl.load_workbook(io.BytesIO(out.read_bytes())).worksheets[3]
    header, *rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(header, row, strict=True)) for row in rows]


def _row(rows: list[dict[str, Any]], scope: str, rule: str) -> dict[str, Any]:
    return next(row for row in rows if row[next(iter(row))] == scope and row[list(row)[1]] == rule)


@pytest.fixture(scope="module")
def skipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2022 and 2025: c1.public-seats is due in 2023, which the run passes without."""
    dest = tmp_path_factory.mktemp("skipped")
    copy_year(2022, dest, 2022)
    copy_year(2023, dest, 2025)
    return dest


@pytest.fixture(scope="module")
def skipped_doc(skipped: Path) -> dict[str, Any]:
    return _json(skipped)


@pytest.fixture(scope="module")
def falling(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2023 and 2025, 道县's seats 1750 in 2023 and 1500 in 2025 (the city's 25300 and 25050); ``pack``, in
    which c1.public-seats is due in 2024, a year the run does not hold."""
    dest = tmp_path_factory.mktemp("falling")
    copy_year(2023, dest / "reports", 2023)
    _seats(copy_year(2023, dest / "reports", 2025), "daoxian", 1750, 1500)
    _pack_due(dest / "pack", SEATS, 2024)
    return dest


@pytest.fixture(scope="module")
def falling_doc(falling: Path) -> dict[str, Any]:
    return _json(falling / "reports", "--rules", str(falling / "pack"))


# A due year the run does not hold


def test_a_due_year_between_two_years_of_the_run_is_said_not_in_it(falling_doc: dict[str, Any]) -> None:
    """Due in 2024, a run of 2023 and 2025: no projection past 2024, and a verdict whose due year is not
    known, 2025 judged (met: 25050 ≥ 25000); never counted met, never ``held``."""
    seats = city_trend(falling_doc, SEATS)
    assert (seats["projection"], seats["no_projection"]) == (None, "due-passed")
    assert seats["verdict"] == {
        "kind": "due",
        "due": 2024,
        "outcome": "not-in-run",
        "years": [
            {"year": 2024, "outcome": "not-in-run", "observed": None},
            {"year": 2025, "outcome": "met", "observed": 25050},
        ],
        "met": 1,
        "counted": 2,
        "held": None,
    }


def test_a_due_year_before_the_run_is_said_not_in_it(falling_doc: dict[str, Any]) -> None:
    """c2.school-standards, due in 2022, in a run of 2023 and 2025: each unit's verdict says 2022 is not in
    the run, and 2023 and 2025 met (both of 零陵区's schools meet the standards)."""
    standards = unit_trend(falling_doc, "零陵区", STANDARDS)
    assert (standards["projection"], standards["no_projection"]) == (None, "due-passed")
    assert standards["verdict"]["outcome"] == "not-in-run"
    assert [(y["year"], y["outcome"]) for y in standards["verdict"]["years"]] == [
        (2022, "not-in-run"),
        (2023, "met"),
        (2025, "met"),
    ]


def test_a_run_holding_the_due_year_is_judged_as_before(skipped_doc: dict[str, Any]) -> None:
    """2022 and 2025: c2.school-standards, due in 2022, is judged in 2022 itself; c1.public-seats (due in
    2023, not in the run) is ``not-in-run``, 2025's 25300 met."""
    standards = unit_trend(skipped_doc, "零陵区", STANDARDS)
    assert standards["verdict"]["outcome"] == "met"
    seats = city_trend(skipped_doc, SEATS)
    assert seats["no_projection"] == "due-passed"
    assert [(y["year"], y["outcome"], y["observed"]) for y in seats["verdict"]["years"]] == [
        (2023, "not-in-run", None),
        (2025, "met", 25300),
    ]


def test_the_table_says_the_due_year_is_not_in_the_run(skipped: Path) -> None:
    """Under 达标情况, as the other verdicts, the later years a clause apart."""
    zh = [line.rstrip() for line in _run(skipped).splitlines()]
    said = "2023 年到期，本次检查未含该年报表，无法判定是否按期达标；2025 年达标（25300）"
    assert f"  c1.public-seats：{said}" in zh
    en = [line.rstrip() for line in _run(skipped, lang="en").splitlines()]
    said = f"due in 2023, {NOT_KNOWN}; met in 2025 (25300)"
    assert f"  c1.public-seats: {said}" in en


def test_markdown_and_the_page_say_it_too(skipped: Path) -> None:
    markdown = _run(skipped, "--format", "markdown")
    [row] = [line for line in markdown.splitlines() if line.startswith(f"|`{SEATS}`")]
    assert (
        row.split("|")[-2] == "2023 年到期，本次检查未含该年报表，无法判定是否按期达标；2025 年达标（25300）"
    )
    page = _run(skipped, "--format", "html")
    chart = page.split(f'<div class="chart" data-rule="{SEATS}"', 1)[1].split("</div></div>", 1)[0]
    assert 'data-verdict="&quot;not-in-run&quot;"' in chart


def test_the_workbook_says_it(skipped: Path, tmp_path: Path) -> None:
    zh = _row(_sheet(skipped, tmp_path), "全市", SEATS)
    assert (zh["按期达标"], zh["达标情况"], zh["不作预测的原因"]) == (
        "未含到期年",
        "2023 年到期，本次检查未含该年报表，无法判定是否按期达标；2025 年达标（25300）",
        "已到到期年份，以各年状态为准",
    )
    assert (zh["到期预测值"], zh["预计达标年份"]) == (None, None)
    en = _row(_sheet(skipped, tmp_path, lang="en"), "city-wide", SEATS)
    assert (en["on track"], en["met or not"]) == (
        "due year not in run",
        f"due in 2023, {NOT_KNOWN}; met in 2025 (25300)",
    )


def test_a_due_year_the_run_holds_but_the_trend_lacks_gives_no_verdict() -> None:
    """A unit with no report of its due year in a run that holds the year (a unit created later) is not
    said to be missing from the run: no verdict, as before. Without the run's years, the trend's are."""
    rule = RULES[SEATS]  # due in 2023
    points = [_point(2022, 22300, "pending"), _point(2025, 25300, "pass")]
    assert verdict(rule, points, all_years={2022, 2023, 2025}) is None
    found = verdict(rule, points, all_years={2022, 2025})
    assert found is not None and (found.outcome, found.met, found.held) == ("not-in-run", 1, None)
    assert verdict(rule, points) == found
    # a run that does not reach the due year has none: its projection speaks
    assert verdict(rule, [_point(2021, 20000, "pending"), _point(2022, 22300, "pending")]) is None


# Setbacks


def test_a_figure_falling_is_a_setback_that_changes_no_status(falling: Path, tmp_path: Path) -> None:
    """The city's seats 25300 → 25050: still met (pass), listed as a setback; the same reports without
    the fall give the same statuses and exit status."""
    doc = _json(falling / "reports")
    seats = city_trend(doc, SEATS)
    assert seats["setbacks"] == [{"previous_year": 2023, "year": 2025, "previous": 25300, "observed": 25050}]
    assert [y["status"] for y in seats["years"]] == ["pass", "pass"]
    steady = tmp_path / "steady"
    shutil.copytree(falling / "reports", steady)
    _seats(steady / "2025", "daoxian", 1500, 1750)
    same = _json(steady)
    assert city_trend(same, SEATS)["setbacks"] == []
    assert _judged(doc) == _judged(same)
    assert doc["exit_code"] == same["exit_code"] == 1


def _judged(doc: dict[str, Any]) -> list[Any]:
    """Every score and status of a run: city-wide by year, then each report's."""
    return [
        (part.get("unit"), part["year"], part["score"], [r["status"] for r in part["results"]])
        for part in (*doc["city"], *doc["reports"])
    ]


def test_a_unit_falling_share_is_a_setback(skipped_doc: dict[str, Any]) -> None:
    """江永县's share of vocational students 46.1% (2022) → 41.0% (2025), a target of ≥ 45%."""
    [found] = unit_trend(skipped_doc, "江永县", SHARE)["setbacks"]
    assert (found["previous_year"], found["year"]) == (2022, 2025)
    assert (round(found["previous"], 3), round(found["observed"], 3)) == (0.461, 0.410)
    # a rising one is none: 零陵区 48.0% → 49.0%
    assert unit_trend(skipped_doc, "零陵区", SHARE)["setbacks"] == []


def test_the_table_marks_the_year(skipped: Path) -> None:
    """At 80 columns: 回落 at the foot of 江永县's 2025 cell, and the line saying what it means."""
    for lang, word, note in (
        ("zh", "回落", "回落：数值较上一年份离目标更远"),
        ("en", "setback", "setback: the figure moved away from its target since the year before"),
    ):
        table = _run(skipped, lang=lang, columns=80)
        heading = "江永县 · 历年趋势" if lang == "zh" else "江永县 · trend by year"
        part = table.split(f"\n{heading}", 1)[1].split("\n\n", 1)[0]
        lines = part.splitlines()
        first = next(n for n, line in enumerate(lines) if line.startswith(SHARE + " "))
        assert lines[first].split()[1:] == ["✓", "46.1%", "✗", "41.0%"]
        assert lines[first + 1].split()[-1] == word
        assert lines[first + 1].rstrip().endswith(word) and len(lines[first + 1].rstrip()) <= 80
        assert note in part.replace("\n", "")
        assert all(len(line) <= 80 for line in table.splitlines() if line.isascii())


def test_markdown_and_the_page_mark_the_year(skipped: Path) -> None:
    markdown = _run(skipped, "--format", "markdown")
    jiangyong = markdown.split("📈 江永县 · 历年趋势", 1)[1].split("</details>", 1)[0]
    [row] = [line for line in jiangyong.splitlines() if line.startswith(f"|`{SHARE}`")]
    assert row.split("|")[2:4] == ["✅ 46.1%", "❌ 41.0%<br>**回落**"]
    assert "_回落：数值较上一年份离目标更远" in jiangyong
    page = _run(skipped, "--format", "html")
    jiangyong = page.split("<summary>江永县 · 历年趋势</summary>", 1)[1].split("</details>", 1)[0]
    row = jiangyong.split(f'<tr data-rule="{SHARE}">', 1)[1].split("</tr>", 1)[0]
    cell = row.split('data-year="2025">', 1)[1].split("</td>", 1)[0]
    title = "2022 年 46.1% → 2025 年 41.0%"
    assert cell.endswith(f'<br><span class="setback" title="{title}" data-previous-year="2022">回落</span>')
    assert 'class="setback"' not in row.split('data-year="2025">', 1)[0]


def test_the_workbook_lists_the_setbacks(skipped: Path, tmp_path: Path) -> None:
    rows = _sheet(skipped, tmp_path)
    assert list(rows[0])[-1] == "较上年回落"
    assert _row(rows, "江永县", SHARE)["较上年回落"] == "2022 年 46.1% → 2025 年 41.0%"
    assert _row(rows, "零陵区", SHARE)["较上年回落"] is None
    en = _sheet(skipped, tmp_path, lang="en")
    assert _row(en, "江永县", SHARE)["setbacks"] == "46.1% in 2022 → 41.0% in 2025"


def _point(year: int, observed: Any, status: str = "pass", complete: bool = True) -> Point:
    return Point(year, observed, status, None, None, complete)


def test_only_a_target_with_a_direction_has_setbacks() -> None:
    """A rising figure against ``<=`` (c1.general-plan-freeze, its target computed each year) is one; a
    yes/no (c1.unified-enrollment) and a range (c4.leading-industries) have none."""
    freeze = setbacks(RULES["c1.general-plan-freeze"], [_point(2023, 1200), _point(2024, 1250)])
    assert [(s.previous_year, s.year, s.previous, s.observed) for s in freeze] == [(2023, 2024, 1200, 1250)]
    assert setbacks(RULES["c1.general-plan-freeze"], [_point(2023, 1250), _point(2024, 1200)]) == ()
    assert setbacks(RULES["c1.unified-enrollment"], [_point(2023, True), _point(2024, False, "fail")]) == ()
    assert setbacks(RULES["c4.leading-industries"], [_point(2023, 2), _point(2024, 1)]) == ()


def test_a_year_without_a_whole_figure_is_compared_with_neither_neighbour() -> None:
    """48% in 2022, 2023's data missing, 44% in 2024: nothing says 2023 did not fall first, nor 2024 from
    it; a year the unit did not file breaks the same way; next years both whole are compared."""
    rule = RULES[SHARE]
    gap = [_point(2022, 0.48), _point(2023, None, "missing", complete=False), _point(2024, 0.44)]
    assert setbacks(rule, gap) == ()
    assert setbacks(rule, [_point(2022, 0.48), _point(2024, 0.44)], not_filed=[2023]) == ()
    [found] = setbacks(rule, [_point(2022, 0.48), _point(2024, 0.44)])
    assert (found.previous_year, found.year) == (2022, 2024)
    assert setbacks(rule, [_point(2022, 0.48), _point(2024, 0.48)]) == ()


def test_a_large_run_s_trends_say_the_same(
    falling: Path, falling_doc: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run of 100 reports or more, written as they are scored (``commands.flat``), knows the run's
    years too: the same ``not-in-run`` verdicts and setbacks."""
    from zhijiao_check.commands import check as check_command

    monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    flat = _json(falling / "reports", "--rules", str(falling / "pack"))
    assert flat["trends"] == falling_doc["trends"]
    assert city_trend(flat, SEATS)["verdict"]["outcome"] == "not-in-run"
    assert city_trend(flat, SEATS)["setbacks"][0]["observed"] == 25050


@pytest.mark.parametrize("flat", [False, True])
def test_a_unit_created_after_the_due_year_has_no_verdict_of_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flat: bool
) -> None:
    """江永县 exists from 2023 (``since: 2023``), in a run of 2022, 2023 and 2025: 2022, the due year of
    c2.school-standards, is a year of the run, which 江永县 was not due to file; its trend has no verdict
    (not ``not-in-run``, which says the run holds no report of the year), as a run written as it is scored
    (``commands.flat``) says too."""
    from zhijiao_check.commands import check as check_command

    from .test_deadline_verdict import COUNTY, COUNTY_LINE
    from .test_renamed_units import pack_with

    if flat:
        monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    folder = tmp_path / "reports"
    for year, source in ((2022, 2022), (2023, 2023), (2025, 2023)):
        copy_year(source, folder, year)
    (folder / "2022" / "jiangyong.yaml").unlink()
    pack = pack_with(
        tmp_path / "pack", lambda t: t.replace(COUNTY_LINE, COUNTY_LINE[:-2] + ", since: 2023}\n")
    )
    doc = _json(folder, "--rules", str(pack))
    standards = unit_trend(doc, COUNTY, STANDARDS)
    assert [y["year"] for y in standards["years"]] == [2023, 2025]
    assert (standards["verdict"], standards["no_projection"]) == (None, "due-passed")
    assert unit_trend(doc, "零陵区", STANDARDS)["verdict"]["outcome"] == "met"  # judged in 2022 itself
