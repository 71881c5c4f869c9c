"""Trends over 2021–2025 and their projections (made in a run before the due year), against values worked out
by hand."""

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


def test_off_track_target_worked_out_by_hand(four_doc: dict[str, Any]) -> None:
    # c8.demonstration-enterprises, 30 by 2025: 5, 8, 12, 15 in 2021–2024. With x = year − 2021: x̄ = 1.5, ȳ
    # = 40/4 = 10; Σ(x−x̄)(y−ȳ) = (−1.5)(−5) + (−0.5)(−2) + (0.5)(2) + (1.5)(5) = 17; Σ(x−x̄)² = 5. slope 3.4 a
    # year, 10 − 1.5 × 3.4 = 4.9 in 2021, 4.9 + 4 × 3.4 = 18.5 in 2025 < 30: off track. 4.9 + 3.4x ≥ 30 from
    # x = 7.38: 2029.
    trend = city_trend(four_doc, "c8.demonstration-enterprises")
    assert [(y["year"], y["observed"]) for y in trend["years"]] == list(ENTERPRISES.items())[:4]
    assert [y["status"] for y in trend["years"]] == ["behind", "behind", "behind", "behind"]
    assert [y["schedule"] for y in trend["years"]] == [6.0, 12.0, 18.0, 24.0]  # 30 × (Y − 2020) / 5
    p = trend["projection"]
    assert p["years"] == [2021, 2022, 2023, 2024] and p["due"] == 2025
    assert p["slope"] == pytest.approx(3.4) and p["intercept"] == pytest.approx(4.9)
    assert p["projected"] == pytest.approx(18.5)
    assert (p["meets_in"], p["on_track"]) == (2029, False)
    assert trend["target"] == {"op": ">=", "value": 30.0} and (trend["due"], trend["linear"]) == (2025, True)


def test_on_track_target_worked_out_by_hand(four_doc: dict[str, Any]) -> None:
    # c13.provincial-teams, 30 by 2025: 7, 13, 19, 24 in 2021–2024. ȳ = 63/4 = 15.75; Σ(x−x̄)(y−ȳ) = (−1.5)
    # (−8.75) + (−0.5)(−2.75) + (0.5)(3.25) + (1.5)(8.25) = 28.5: slope 5.7, 15.75 − 1.5 × 5.7 = 7.2 in 2021,
    # 7.2 + 4 × 5.7 = 30 in 2025, exactly the target: on track; 7.2 + 5.7x ≥ 30 from x = 4: 2025.
    trend = city_trend(four_doc, "c13.provincial-teams")
    assert [y["observed"] for y in trend["years"]] == list(TEAMS.values())[:4]
    p = trend["projection"]
    assert (p["slope"], p["intercept"], p["projected"]) == (
        pytest.approx(5.7),
        pytest.approx(7.2),
        pytest.approx(30.0),
    )
    assert (p["meets_in"], p["on_track"]) == (2025, True)


def test_no_projection_once_the_run_holds_the_due_year(years_doc: dict[str, Any]) -> None:
    """From the due year on, that year's status judges the target: c13.provincial-teams reaches 32 in 2025 and
    passes, where a line through 2021–2025 (31.2 in 2025) would have been read as if the year had not come,
    and a line through a year falling short would have called the target missed beside its pass."""
    teams = city_trend(years_doc, "c13.provincial-teams")
    assert (teams["years"][-1]["year"], teams["years"][-1]["status"]) == (2025, "pass")
    assert (teams["projection"], teams["no_projection"]) == (None, "due-passed")
    enterprises = city_trend(years_doc, "c8.demonstration-enterprises")
    assert (enterprises["years"][-1]["status"], enterprises["no_projection"]) == ("fail", "due-passed")
    # Every target due by 2025 is judged by its statuses in a run through 2025: none is projected.
    assert [t["rule"] for t in years_doc["trends"]["city"] if t["projection"] is not None] == []
    assert all(
        t["projection"] is None
        for unit in years_doc["trends"]["units"]
        for t in unit["trends"]
        if t["due"] is not None and t["due"] <= 2025
    )


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
        assert alone["trends"] == {
            "method": "least-squares",
            "years": [year],
            "city": [],
            "units": [],
            "assessment": [],
        }
        together = [r for r in years_doc["reports"] if r["year"] == year]
        assert [(r["file"], r["score"], r["summary"]) for r in alone["reports"]] == [
            (r["file"], r["score"], r["summary"]) for r in together
        ]
        [city] = [c for c in years_doc["city"] if c["year"] == year]
        assert alone["city"][0]["results"] == city["results"]
    assert years_doc["exit_code"] == max(codes)


def test_unit_trend_and_a_due_year_already_passed(four_doc: dict[str, Any]) -> None:
    # c7.training-base (≥ 1 base by 2025): 零陵区 has one every year: flat at 1, met since the first year; the
    # line (met every year) meets it from the first year after the run.
    base = unit_trend(four_doc, "零陵区", "c7.training-base")
    assert [y["observed"] for y in base["years"]] == [1, 1, 1, 1]
    assert (base["projection"]["slope"], base["projection"]["projected"]) == (0.0, 1.0)
    assert (base["projection"]["meets_in"], base["projection"]["on_track"]) == (2025, True)
    assert base["projection"]["met_since"] == 2021
    # c2.school-standards was due in 2022: the years from it judge it, no projection.
    standards = unit_trend(four_doc, "零陵区", "c2.school-standards")
    assert standards["projection"] is None and standards["no_projection"] == "due-passed"
    # c1.public-seats is due in 2023, which the run holds: its 2023 status (pass) is the answer.
    seats = city_trend(four_doc, "c1.public-seats")
    assert ([y["status"] for y in seats["years"]], seats["no_projection"]) == (
        ["pending", "pending", "pass", "pass"],
        "due-passed",
    )
    # A rule judged every year has no due year; a yes/no target no projection.
    share = unit_trend(four_doc, "零陵区", "c1.vocational-share")
    assert (share["projection"], share["no_projection"]) == (None, "no-due")
    center = city_trend(four_doc, "c17.incubation-center")
    assert (center["projection"], center["no_projection"]) == (None, "not-a-number")


def test_years_with_units_missing_are_shown_but_not_fitted(years: Path, tmp_path: Path) -> None:
    """A city-wide figure with units missing is not the city's: 2023 without 东安县 stays out of the fit,
    unless the figure is one the missing units cannot change (a rule that reads only the 市本级 ``city:``
    block)."""
    import shutil

    for year in (2022, 2023, 2024):
        shutil.copytree(years / str(year), tmp_path / str(year))
    (tmp_path / "2023" / "dongan.yaml").unlink()
    doc = json.loads(invoke("check", tmp_path, "--format", "json").stdout)
    schools = city_trend(doc, "c1.quality-schools")  # counts the units' schools
    assert [(y["year"], y["observed"], y["fitted"]) for y in schools["years"]] == [
        (2022, 3, True),
        (2023, 4, False),
        (2024, 4, True),
    ]
    # Through (2022, 3) and (2024, 4): 0.5 a year, 4.5 in 2025 < 6, off track; 6 in 2028.
    p = schools["projection"]
    assert p["years"] == [2022, 2024]
    assert (p["slope"], p["projected"], p["meets_in"], p["on_track"]) == (0.5, 4.5, 2028, False)
    # The 市本级's city: block is there whenever the city-wide rules run: 2023's 19 is whole, and fitted.
    # Through 13, 19, 24: 5.5 a year from 13.17, 29.67 in 2025 < 30, off track; 2026.
    teams = city_trend(doc, "c13.provincial-teams")
    assert [(y["year"], y["fitted"]) for y in teams["years"]] == [(2022, True), (2023, True), (2024, True)]
    p = teams["projection"]
    assert p["years"] == [2022, 2023, 2024]
    assert (p["slope"], p["projected"], p["meets_in"], p["on_track"]) == (
        pytest.approx(5.5),
        pytest.approx(29.6667, abs=1e-4),
        2026,
        False,
    )


def test_the_views_show_the_projection(four_years: Path) -> None:
    # as wrapped to 100 columns, unwrapped
    table = "".join(invoke("check", four_years, "--no-color").stdout.split())
    assert "全市·历年趋势" in table and "按期难达c8.demonstration-enterprises" in table
    assert "2021–2024年拟合：每年+3.4，2025年预计18.5（目标≥30）；按当前速度，2029年起达标" in table
    markdown = invoke("check", four_years, "--format", "markdown", "--lang", "en").stdout
    assert "### 📈 City-wide · trend by year" in markdown
    assert (
        "**on track** · fitted 2021–2024: +5.7 a year, 30 projected for 2025 (target ≥ 30); at this pace met "
        "from 2025"
    ) in markdown


def test_the_views_show_no_projection_against_the_due_years_status(years: Path) -> None:
    """The tester's case: c13.provincial-teams passes in 2025 (✓ 32); no view calls it off (or on) track."""
    table = "".join(invoke("check", years, "--no-color").stdout.split())
    assert "全市·历年趋势" in table and "c13.provincial-teams" in table
    assert "按期难达" not in table and "按期可达" not in table and "2025年预计" not in table
    markdown = invoke("check", years, "--format", "markdown", "--lang", "en").stdout
    # the years' own answer in place of a projection (test_deadline_verdict.py)
    assert "met by its due year 2025 (32 ≥ 30)" in markdown
    assert "projected for 2025" not in markdown
    page = invoke("check", years, "--format", "html").stdout
    assert 'class="track"' not in page and "按期难达" not in page


def test_a_projection_is_made_up_to_the_year_before_the_due_year() -> None:
    rule = RULES["c13.provincial-teams"]  # ≥ 30 by 2025
    assert project(rule, [_point(2023, 19), _point(2024, 24)])[1] is None
    assert project(rule, [_point(2024, 24), _point(2025, 32)]) == (None, "due-passed")
    assert project(rule, [_point(2025, 32), _point(2026, 33)]) == (None, "due-passed")


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


@given(st.lists(st.floats(0, 60, allow_nan=False), min_size=2, max_size=4))
def test_on_track_exactly_when_the_projection_meets_the_target(values: list[float]) -> None:
    rule = RULES["c13.provincial-teams"]  # ≥ 30 by 2025
    projection, why_not = project(rule, [_point(2021 + i, v) for i, v in enumerate(values)])
    assert why_not is None and projection is not None
    assert projection.on_track == (round(projection.projected, 9) >= 30)
    assert projection.on_track == (projection.meets_in is not None and projection.meets_in <= 2025)
    after = 2021 + len(values)  # the first year after the run: the line names no year observed
    if projection.meets_in is not None:
        assert projection.meets_in >= after
        assert round(projection.at(projection.meets_in), 9) >= 30
        assert projection.meets_in == after or round(projection.at(projection.meets_in - 1), 9) < 30
    elif projection.slope > 0:
        assert round(projection.at(2100), 9) < 30  # a rising line that does not meet it within the century


def test_a_trend_s_rule_is_typed_as_a_rule_of_any_kind() -> None:
    """``Trend.rule`` and the functions projecting a rule take ``AnyRule`` (it was ``Any``), so that mypy
    checks what they read of it."""
    from typing import get_type_hints

    from zhijiao_check.engine import trend
    from zhijiao_check.kinds import AnyRule

    assert get_type_hints(trend.Trend)["rule"] == AnyRule
    for function in (trend.project, trend.schedule, trend._refused):
        assert get_type_hints(function)["rule"] == AnyRule, function.__name__
