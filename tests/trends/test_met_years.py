"""A projection names no year the run observed as the year the target is met: when the last year observed
meets it, the words say since when (the years' statuses), and the line's ``meets_in`` is a year after the run.
The line is smoothed: read at a year observed it called 2022 met beside a 46.1% < 50% shown for 2022, and 2024
beside a ✓ shown for 2023."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from factory import city_year, write_reports

from zhijiao_check.engine.trend import Point, met_since, project
from zhijiao_check.pack.load import load_packs

from .conftest import city_trend, invoke
from .test_invalid_years import three_years

RULES = {rule.id: rule for rule in load_packs([])[0].rules}

# year: (双师型 of 2000 teachers, 楚怡 schools, demonstration enterprises, provincial teams)
FIGURES = {
    2021: (922, 1, 40, 20),
    2022: (922, 1, 36, 28),
    2023: (1160, 2, 33, 40),
    2024: (1940, 2, 31, 29),
}


@pytest.fixture(scope="module")
def met(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("met")
    for year, (dual, chuyi, enterprises, teams) in FIGURES.items():
        reports = city_year(
            year, teachers=2000, dual=dual, chuyi_schools=chuyi, enterprises=enterprises, teams=teams
        )
        write_reports(folder / str(year), reports)
    return folder


@pytest.fixture(scope="module")
def met_doc(met: Path) -> dict[str, Any]:
    result = invoke("check", met, "--format", "json")
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def _years(trend: dict[str, Any]) -> list[tuple[int, Any, str]]:
    return [(y["year"], y["observed"], y["status"]) for y in trend["years"]]


def _said(p: dict[str, Any]) -> tuple[int | None, int | None, bool]:
    return p["met_since"], p["meets_in"], p["on_track"]


def test_a_share_the_line_meets_before_the_year_shown_to_meet_it(met_doc: dict[str, Any]) -> None:
    # The outside reader's y2: 46.1%, 46.1%, 58.0%, 97.0%. x̄ = 1.5, ȳ = 0.618; Σ(x−x̄)(y−ȳ) = 0.823: 16.46
    # points a year from 37.11% in 2021, 50% crossed at x = 0.78: the line alone said "2022 起达标", beside
    # 2022's 46.1% < 50%. Met in 2023 and 2024: met since 2023; the line meets it in 2025.
    trend = city_trend(met_doc, "c11.dual-qualified-share")
    assert [status for _, _, status in _years(trend)] == ["pending", "pending", "pass", "pass"]
    p = trend["projection"]
    assert (p["slope"], p["intercept"]) == (pytest.approx(0.1646), pytest.approx(0.3711))
    assert _said(p) == (2023, 2025, True)


def test_a_count_the_line_meets_after_the_year_shown_to_meet_it(met_doc: dict[str, Any]) -> None:
    # c1.chuyi-schools, 2 by 2025: 1, 1, 2, 2. Slope 0.4 from 0.9: 2 at x = 2.75, 2024 by the line, beside
    # 2023's ✓ 2. Met since 2023.
    trend = city_trend(met_doc, "c1.chuyi-schools")
    assert _years(trend) == [(2021, 1, "pending"), (2022, 1, "pending"), (2023, 2, "pass"), (2024, 2, "pass")]
    assert _said(trend["projection"]) == (2023, 2025, True)


def test_met_every_year_but_falling_off_track(met_doc: dict[str, Any]) -> None:
    # c8.demonstration-enterprises, 30 by 2025: 40, 36, 33, 31, each ✓. Slope −3 from 39.5: 27.5 in 2025 <
    # 30, off track, and the line, moving away, never meets it again. Met since 2021 all the same: not "never
    # met".
    trend = city_trend(met_doc, "c8.demonstration-enterprises")
    assert [status for _, _, status in _years(trend)] == ["pass"] * 4
    p = trend["projection"]
    assert (p["slope"], p["projected"]) == (pytest.approx(-3.0), pytest.approx(27.5))
    assert _said(p) == (2021, None, False)


def test_a_year_met_then_one_not(met_doc: dict[str, Any]) -> None:
    # c13.provincial-teams, 30 by 2025: 20, 28, 40 ✓, 29 (pending). Slope 3.9 from 23.4: 30 at x = 1.69, 2023
    # by the line, beside 2024 not met. The last year is not met: no met_since; the line meets it in 2025
    # (39).
    trend = city_trend(met_doc, "c13.provincial-teams")
    assert [status for _, _, status in _years(trend)] == ["pending", "pending", "pass", "pending"]
    p = trend["projection"]
    assert (p["slope"], p["intercept"], p["projected"]) == (
        pytest.approx(3.9),
        pytest.approx(23.4),
        pytest.approx(39.0),
    )
    assert _said(p) == (None, 2025, True)


SHOWN = {
    "zh": {
        "c11.dual-qualified-share": "已于 2023 年达标",
        "c1.chuyi-schools": "（目标 ≥ 2）；已于 2023 年达标",
        "c8.demonstration-enterprises": "（目标 ≥ 30）；已于 2021 年达标，但按当前速度 2025 年将不再达标",
        "c13.provincial-teams": "（目标 ≥ 30）；按当前速度，2025 年起达标",
    },
    "en": {
        "c11.dual-qualified-share": "met since 2023",
        "c1.chuyi-schools": "(target ≥ 2); met since 2023",
        "c8.demonstration-enterprises": (
            "(target ≥ 30); met since 2021, but at this pace no longer met in 2025"
        ),
        "c13.provincial-teams": "(target ≥ 30); at this pace met from 2025",
    },
}
# What the line alone said, against the statuses shown.
WRONG = ("2022 年起达标", "2023 年起达标", "2024 年起达标", "无法达标", "met from 2022", "met from 2023")


def _unwrapped(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_view_says_since_when(met: Path, lang: str) -> None:
    table = _unwrapped(invoke("check", met, "--no-color", "--lang", lang).stdout)
    markdown = _unwrapped(invoke("check", met, "--format", "markdown", "--lang", lang).stdout)
    page = invoke("check", met, "--format", "html", "--lang", lang).stdout
    for rule, shown in SHOWN[lang].items():
        chart = page.split(f'<div class="chart" data-rule="{rule}"', 1)[1].split('<div class="chart"')[0]
        assert _unwrapped(shown) in _unwrapped(chart), rule
        assert _unwrapped(shown) in table and _unwrapped(shown) in markdown, rule
    for wrong in WRONG:
        assert _unwrapped(wrong) not in table and _unwrapped(wrong) not in markdown, wrong
    chart = page.split('<div class="chart" data-rule="c11.dual-qualified-share"', 1)[1]
    assert chart.startswith(' data-projected="1.0" data-meets-in="2025" data-met-since="2023"')


def _checked_against_statuses(doc: dict[str, Any], text: str) -> int:
    """Every projection of ``doc``: its meets_in after the years observed, its met_since the start of a run of
    passes to the last year; each year ``text`` (the table) names as the target's met from after the run."""
    count = 0
    for trend in [*doc["trends"]["city"], *(t for u in doc["trends"]["units"] for t in u["trends"])]:
        p = trend["projection"]
        if p is None:
            continue
        count += 1
        last = trend["years"][-1]["year"]
        assert p["meets_in"] is None or p["meets_in"] > last, trend["rule"]
        assert p["on_track"] == (p["meets_in"] is not None and p["meets_in"] <= p["due"]), trend["rule"]
        decided = _decided(trend["years"])  # the years after the last decided one are only undecided
        if p["met_since"] is not None:
            since = [y for y in trend["years"] if y["year"] >= p["met_since"]]
            assert [y["year"] for y in since] == list(range(p["met_since"], last + 1)), trend["rule"]
            assert all(y["status"] == "pass" for y in since if y in decided), trend["rule"]
        else:
            assert not decided or decided[-1]["status"] != "pass", trend["rule"]
    years = set(doc["trends"]["years"])
    for said in re.findall(r"(\d{4})年起达标", _unwrapped(text)):
        assert int(said) not in years, said
    return count


def _decided(years: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``years`` without those at the end that are only undecided (city-wide, units missing)."""
    decided = list(years)
    while decided and decided[-1]["undecided"]:
        decided.pop()
    return decided


def test_no_view_names_a_year_of_the_run_against_its_status(
    met: Path, four_years: Path, tmp_path: Path
) -> None:
    for folder in (met, four_years, three_years(tmp_path)):
        doc = json.loads(invoke("check", folder, "--format", "json").stdout)
        assert _checked_against_statuses(doc, invoke("check", folder, "--no-color").stdout) > 10


def _point(year: int, value: float | None, status: str, complete: bool = True) -> Point:
    return Point(year, value, status, None, None, complete)


def test_a_year_without_a_report_or_data_breaks_the_run_of_years_met() -> None:
    # 2022 not reported: nothing says it was met; a year with data missing is not met either.
    assert met_since([_point(2021, 1, "pass"), _point(2023, 1, "pass"), _point(2024, 1, "pass")]) == 2023
    gap = [_point(2021, 1, "pass"), _point(2022, None, "missing"), _point(2023, 1, "pass")]
    assert met_since(gap) == 2023
    assert met_since([_point(2021, 1, "pass"), _point(2022, 0, "pending")]) is None
    assert met_since([_point(2021, 1, "pass"), _point(2022, 1, "pass")]) == 2021


def test_the_line_speaks_of_the_years_after_the_last_observed_even_unfitted() -> None:
    # c13.provincial-teams: 10 and 20 fitted (+10 a year), 2024 shown but not fitted (units missing): 30 at
    # 2024 by the line, a year observed; meets_in is the year after it.
    rule = RULES["c13.provincial-teams"]
    points = [_point(2022, 10, "pending"), _point(2023, 20, "pending"), _point(2024, 25, "pending", False)]
    projection, why_not = project(rule, points)
    assert why_not is None and projection is not None
    assert projection.years == (2022, 2023)
    assert (projection.meets_in, projection.on_track, projection.met_since) == (2025, True, None)


def test_undecided_years_at_the_end_do_not_break_the_run_of_years_met() -> None:
    """City-wide, a year with units missing that could change the outcome is pending or missing without a
    judgement: nothing in it says the target stopped being met."""
    undecided = _point(2024, 0.58, "pending", False)
    undecided = Point(undecided.year, undecided.observed, "pending", None, None, False, True)
    assert met_since([_point(2022, 0.46, "pending"), _point(2023, 0.58, "pass"), undecided]) == 2023
    # the same status decided (the units all there, the figure not met) breaks it
    assert (
        met_since([_point(2022, 0.46, "pending"), _point(2023, 0.58, "pass"), _point(2024, 0.4, "pending")])
        is None
    )
    # an undecided year between two met is not known to be met: the run starts after it
    middle = Point(2023, 0.58, "missing", None, None, False, True)
    assert met_since([_point(2022, 0.6, "pass"), middle, _point(2024, 0.6, "pass")]) == 2024
    # undecided years after a year not met: not met
    assert (
        met_since([_point(2022, 0.46, "pending"), Point(2023, 0.5, "pending", None, None, False, True)])
        is None
    )


UNDECIDED = {
    "zh": "（目标 ≥ 50.0%）；已于 2023 年达标（2024 年缺少单位，未判定）",
    "en": "(target ≥ 50.0%); met since 2023 (2024 not decided: units missing)",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_year_met_then_one_undecided_reads_as_met_since_and_the_year_undecided(
    tmp_path: Path, lang: str
) -> None:
    """2022 … 46.1%, 2023 ✓ 58.0%, 2024 … 58.2% (新田县's report invalid, its teachers unknown): the
    projection said "按当前速度，2025 年起达标" beside 2023's ✓."""
    folder = three_years(tmp_path)
    doc = json.loads(invoke("check", folder, "--format", "json").stdout)
    trend = city_trend(doc, "c11.dual-qualified-share")
    assert [(y["status"], y["undecided"], y["fitted"]) for y in trend["years"]] == [
        ("pending", False, True),
        ("pass", False, True),
        ("pending", True, False),
    ]
    assert _said(trend["projection"]) == (2023, 2025, True)
    table = _unwrapped(invoke("check", folder, "--no-color", "--lang", lang).stdout)
    markdown = _unwrapped(invoke("check", folder, "--format", "markdown", "--lang", lang).stdout)
    page = invoke("check", folder, "--format", "html", "--lang", lang).stdout
    chart = page.split('<div class="chart" data-rule="c11.dual-qualified-share"', 1)[1].split(
        '<div class="chart"'
    )[0]
    for text in (table, markdown, _unwrapped(chart)):
        assert _unwrapped(UNDECIDED[lang]) in text
    said = table.split("c11.dual-qualified-share" + ("：" if lang == "zh" else ":"), 1)[1][:120]
    assert "2025年起达标" not in said and "metfrom2025" not in said, said


def test_a_figure_the_missing_unit_cannot_change_is_fitted(tmp_path: Path) -> None:
    """c8.demonstration-enterprises reads only the 市本级's city: block: decided in 2024 with 新田县
    missing, and whole, so fitted (the table said "2022–2023 年拟合")."""
    folder = three_years(tmp_path)
    doc = json.loads(invoke("check", folder, "--format", "json").stdout)
    for rule in ("c8.demonstration-enterprises", "c13.provincial-teams"):
        trend = city_trend(doc, rule)
        assert [(y["fitted"], y["undecided"]) for y in trend["years"]] == [(True, False)] * 3, rule
        assert trend["projection"]["years"] == [2022, 2023, 2024], rule
    table = _unwrapped(invoke("check", folder, "--no-color").stdout)
    # 8, 12, 12: 2 a year from 8.67, 14.67 in 2025 < 30; 30 in 2033
    assert (
        "c8.demonstration-enterprises：2022–2024年拟合：每年+2，2025年预计14.7（目标≥30）；按当前速度，2033年起达标"
        in table
    )


def test_the_workbook_says_since_when_as_the_other_views(tmp_path: Path) -> None:
    """趋势 gave c5.ideological-courses, met in 2022, 2023 and 2024, 预计达标年份 2025 (the line's
    ``meets_in``), had no ``met_since``, and a target never met at this pace left the cell blank, as a rule
    without a projection does."""
    import io

    import openpyxl

    folder = three_years(tmp_path / "years")
    book = tmp_path / "three.xlsx"
    assert invoke("check", folder, "--format", "xlsx", "-o", book).exit_code == 2
    sheet = openpyxl.load_workbook(io.BytesIO(book.read_bytes()))["趋势"]
    header = [cell.value for cell in sheet[1]]
    assert header[-7:] == [
        "到期预测值",
        "达标起始年份",
        "预计达标年份",
        "按期达标",
        "达标情况",
        "不作预测的原因",
        "较上年回落",
    ]
    rows = {(row[0], row[1]): row[-7:-1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    # 1, 5, 5 courses of 1: met since 2022, on track; no year it is still to be met in
    assert rows[("全市", "c5.ideological-courses")][1:] == (2022, None, "是", None, None)
    # 2024 undecided (新田县's report invalid): met since 2023, as the table says
    assert rows[("全市", "c11.dual-qualified-share")][1:] == (2023, None, "是", None, None)
    # 8, 12, 12 of 30: not met, 30 in 2033 at this pace
    assert rows[("全市", "c8.demonstration-enterprises")][1:] == (None, 2033, "否", None, None)
    # no college either year: never at this pace, in words; a rule without a projection says why instead
    assert rows[("全市", "c3.new-higher-colleges")][1:] == (None, "按当前速度，无法达标", "否", None, None)
    # judged each year: the years' own answer (达标情况), and why there is no projection
    assert rows[("全市", "c13.talent-selection")][1:] == (
        None,
        None,
        None,
        "3 年中 2 年达标；2024 年未达标（2022，目标 ≥ 2023）",
        "无到期年份，逐年判定",
    )
