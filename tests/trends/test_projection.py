"""Trends over 2021–2025 and their projections, against values worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhijiao_check.engine.trend import Point, fit, project
from zhijiao_check.pack.load import load_packs

from .conftest import city_trend, invoke, unit_trend
from .multiyear import ENTERPRISES, TEAMS

RULES = {rule.id: rule for rule in load_packs([])[0].rules}


def test_off_track_target_worked_out_by_hand(years_doc: dict[str, Any]) -> None:
    # c8.demonstration-enterprises, 30 by 2025: 5, 8, 12, 15, 21 in 2021–2025. With x = year − 2021: x̄ = 2, ȳ
    # = 61/5 = 12.2; Σ(x−x̄)(y−ȳ) = (−2)(−7.2) + (−1)(−4.2) + 0 + (1)(2.8) + (2)(8.8) = 39; Σ(x−x̄)² = 10.
    # slope 3.9 a year, 4.4 in 2021, 4.4 + 4 × 3.9 = 20.0 in 2025 < 30: off track. 4.4 + 3.9x ≥ 30 from x =
    # 6.56: 2028.
    trend = city_trend(years_doc, "c8.demonstration-enterprises")
    assert [(y["year"], y["observed"]) for y in trend["years"]] == list(ENTERPRISES.items())
    assert [y["status"] for y in trend["years"]] == ["behind", "behind", "behind", "behind", "fail"]
    assert [y["schedule"] for y in trend["years"]] == [6.0, 12.0, 18.0, 24.0, 30.0]  # 30 × (Y − 2020) / 5
    p = trend["projection"]
    assert p["years"] == [2021, 2022, 2023, 2024, 2025] and p["due"] == 2025
    assert p["slope"] == pytest.approx(3.9) and p["intercept"] == pytest.approx(4.4)
    assert p["projected"] == pytest.approx(20.0)
    assert (p["meets_in"], p["on_track"]) == (2028, False)
    assert trend["target"] == {"op": ">=", "value": 30.0} and (trend["due"], trend["linear"]) == (2025, True)


def test_on_track_target_worked_out_by_hand(years_doc: dict[str, Any]) -> None:
    # c13.provincial-teams, 30 by 2025: 7, 13, 19, 24, 32. ȳ = 19; Σ(x−x̄)(y−ȳ) = 24 + 6 + 0 + 5 + 26 = 61:
    # slope 6.1, 19 − 2 × 6.1 = 6.8 in 2021, 6.8 + 4 × 6.1 = 31.2 in 2025 ≥ 30: on track; 6.8 + 6.1x ≥ 30 from
    # x = 3.80: 2025.
    trend = city_trend(years_doc, "c13.provincial-teams")
    assert [y["observed"] for y in trend["years"]] == list(TEAMS.values())
    p = trend["projection"]
    assert (p["slope"], p["intercept"], p["projected"]) == (
        pytest.approx(6.1),
        pytest.approx(6.8),
        pytest.approx(31.2),
    )
    assert (p["meets_in"], p["on_track"]) == (2025, True)


def test_a_projection_never_changes_a_status_or_the_exit_status(
    years: Path, years_doc: dict[str, Any]
) -> None:
    """Each year checked alone gives the same statuses and scores as in the five-year run, and the run's exit
    status is the worst of the years' (here 1: the off-track 2025 target fails by itself)."""
    codes = []
    for year in (2021, 2022, 2023, 2024, 2025):
        result = invoke("check", years / str(year), "--format", "json")
        alone = json.loads(result.stdout)
        codes.append(result.exit_code)
        assert alone["trends"] == {"method": "least-squares", "years": [year], "city": [], "units": []}
        together = [r for r in years_doc["reports"] if r["year"] == year]
        assert [(r["file"], r["score"], r["summary"]) for r in alone["reports"]] == [
            (r["file"], r["score"], r["summary"]) for r in together
        ]
        [city] = [c for c in years_doc["city"] if c["year"] == year]
        assert alone["city"][0]["results"] == city["results"]
    assert years_doc["exit_code"] == max(codes)


def test_unit_trend_and_a_due_year_already_passed(years_doc: dict[str, Any]) -> None:
    # c7.training-base (≥ 1 base by 2025): 零陵区 has one every year: flat at 1, met from the first year.
    base = unit_trend(years_doc, "零陵区", "c7.training-base")
    assert [y["observed"] for y in base["years"]] == [1, 1, 1, 1, 1]
    assert (base["projection"]["slope"], base["projection"]["projected"]) == (0.0, 1.0)
    assert (base["projection"]["meets_in"], base["projection"]["on_track"]) == (2021, True)
    # c2.school-standards was due in 2022: the years after judge it, no projection.
    standards = unit_trend(years_doc, "零陵区", "c2.school-standards")
    assert standards["projection"] is None and standards["no_projection"] == "due-passed"
    # A rule judged every year has no due year; a yes/no target no projection.
    share = unit_trend(years_doc, "零陵区", "c1.vocational-share")
    assert (share["projection"], share["no_projection"]) == (None, "no-due")
    center = city_trend(years_doc, "c17.incubation-center")
    assert (center["projection"], center["no_projection"]) == (None, "not-a-number")


def test_years_with_units_missing_are_shown_but_not_fitted(years: Path, tmp_path: Path) -> None:
    """A city-wide figure with units missing is not the city's: 2023 without 东安县 stays out of the fit."""
    import shutil

    for year in (2022, 2023, 2024):
        shutil.copytree(years / str(year), tmp_path / str(year))
    (tmp_path / "2023" / "dongan.yaml").unlink()
    doc = json.loads(invoke("check", tmp_path, "--format", "json").stdout)
    trend = city_trend(doc, "c13.provincial-teams")
    assert [(y["year"], y["fitted"]) for y in trend["years"]] == [(2022, True), (2023, False), (2024, True)]
    # Through (2022, 13) and (2024, 24): 5.5 a year, 13 + 3 × 5.5 = 29.5 in 2025 < 30, off track; 2026.
    p = trend["projection"]
    assert p["years"] == [2022, 2024]
    assert (p["slope"], p["projected"], p["meets_in"], p["on_track"]) == (5.5, 29.5, 2026, False)


def test_the_views_show_the_projection(years: Path) -> None:
    # as wrapped to 100 columns, unwrapped
    table = "".join(invoke("check", years, "--no-color").stdout.split())
    assert "全市·历年趋势" in table and "按期难达c8.demonstration-enterprises" in table
    assert "2021–2025年拟合：每年+3.9，2025年预计20（目标≥30）；按当前速度，2028年起达标" in table
    markdown = invoke("check", years, "--format", "markdown", "--lang", "en").stdout
    assert "### 📈 City-wide · trend by year" in markdown
    assert (
        "**on track** · fitted 2021–2025: +6.1 a year, 31.2 projected for 2025 (target ≥ 30); at this "
        "pace met "
        "from 2025"
    ) in markdown


def _point(year: int, value: float) -> Point:
    return Point(year, value, "pending", None, None, True)


@given(
    st.integers(2021, 2024),
    st.floats(-50, 50, allow_nan=False),
    st.floats(0, 100, allow_nan=False),
    st.integers(2, 5),
)
def test_points_on_a_line_are_fitted_exactly(first: int, slope: float, start: float, count: int) -> None:
    points = [_point(first + i, start + slope * i) for i in range(count)]
    assert fit([(p.year, float(p.observed)) for p in points]) == (
        pytest.approx(slope, abs=1e-6),
        pytest.approx(start, abs=1e-6),
    )


@given(st.lists(st.floats(0, 60, allow_nan=False), min_size=2, max_size=5))
def test_on_track_exactly_when_the_projection_meets_the_target(values: list[float]) -> None:
    rule = RULES["c13.provincial-teams"]  # ≥ 30 by 2025
    projection, why_not = project(rule, [_point(2021 + i, v) for i, v in enumerate(values)])
    assert why_not is None and projection is not None
    assert projection.on_track == (round(projection.projected, 9) >= 30)
    assert projection.on_track == (projection.meets_in is not None and projection.meets_in <= 2025)
    if projection.meets_in is not None:
        assert round(projection.at(projection.meets_in), 9) >= 30
        assert projection.meets_in == 2021 or round(projection.at(projection.meets_in - 1), 9) < 30
    elif projection.slope > 0:
        assert round(projection.at(2100), 9) < 30  # a rising line that does not meet it within the century
