"""A projection read past what its figure can be is held there: a share of schools within 0–100%, a share that
``at_most`` bounds within it, clusters covered within the six there are, a count not below 0. The first whole
year the target is met and on/off track follow the value held."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from factory import CLUSTERS, city_year, edit, write_reports
from hypothesis import given
from hypothesis import strategies as st

from zhijiao_check.engine.trend import project
from zhijiao_check.pack.load import load_packs
from zhijiao_check.vocabulary import Target

from .conftest import city_trend, invoke, unit_trend
from .test_projection import _point

RULES = {rule.id: rule for rule in load_packs([])[0].rules}


def _year(
    year: int, *, rotated: int, dual: int, clusters: int, enterprises: int, pilot: bool
) -> list[dict[str, Any]]:
    """The 15 reports of ``year``: 2000 teachers, ``rotated`` of them rotated and ``dual`` dual-qualified;
    majors in the first ``clusters`` of the six clusters; 东安县's one public school in the 1+X pilot or
    not."""
    reports = city_year(
        year, teachers=2000, rotated=rotated, dual=dual, clusters=CLUSTERS[:clusters], enterprises=enterprises
    )
    return [
        edit(report, {"schools[0].in_1x_pilot": pilot}) if report["unit"]["name"] == "东安县" else report
        for report in reports
    ]


@pytest.fixture(scope="module")
def steep(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2022 and 2023, rising (or falling) so fast that a straight line leaves the possible by 2025."""
    folder = tmp_path_factory.mktemp("steep")
    write_reports(
        folder / "2022", _year(2022, rotated=1000, dual=600, clusters=4, enterprises=12, pilot=False)
    )
    write_reports(
        folder / "2023", _year(2023, rotated=1600, dual=1400, clusters=5, enterprises=4, pilot=True)
    )
    return folder


@pytest.fixture(scope="module")
def steep_doc(steep: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(invoke("check", steep, "--format", "json").stdout)
    return doc


def test_a_share_of_schools_is_held_at_100_percent(steep_doc: dict[str, Any]) -> None:
    # 东安县's one public school: not in the pilot in 2022 (0%), in it in 2023 (100%): +100 points a year,
    # 300% by the line in 2025, held at 100%. 2023, the last year, is met: met since 2023; the line meets it
    # from 2024, the first year after the run.
    trend = unit_trend(steep_doc, "东安县", "c10.pilot-schools")
    assert [(y["year"], y["observed"], y["status"]) for y in trend["years"]] == [
        (2022, 0.0, "pending"),
        (2023, 1.0, "pass"),
    ]
    p = trend["projection"]
    assert (p["slope"], p["intercept"], p["projected"], p["meets_in"], p["on_track"], p["met_since"]) == (
        1.0,
        0.0,
        1.0,
        2024,
        True,
        2023,
    )


def test_a_share_bounded_by_at_most_is_held_at_it(steep_doc: dict[str, Any]) -> None:
    # c12.teacher-rotation (at_most 1): 1000 and 1600 of 2000 teachers, 50% and 80%: +30 points a year, 140%
    # by the line in 2025, held at 100%; 0.5 + 0.3x ≥ 1 from x = 1.67: 2024.
    p = city_trend(steep_doc, "c12.teacher-rotation")["projection"]
    assert (p["slope"], p["intercept"]) == (pytest.approx(0.3), 0.5)
    assert (p["projected"], p["meets_in"], p["on_track"]) == (1.0, 2024, True)


def test_the_dual_qualified_share_is_held_at_100_percent(steep_doc: dict[str, Any]) -> None:
    # c11.dual-qualified-share (at_most 1: no school has more 双师型 than specialised-course teachers): 600
    # and 1400 of 2000, 30% and 70%: +40 points a year, 150% by the line in 2025, held at 100%. 70% ≥ 50% in
    # 2023, the last year: met since 2023, and the line meets it from 2024.
    p = city_trend(steep_doc, "c11.dual-qualified-share")["projection"]
    assert (p["slope"], p["intercept"]) == (pytest.approx(0.4), pytest.approx(0.3))
    assert (p["projected"], p["meets_in"], p["on_track"], p["met_since"]) == (1.0, 2024, True, 2023)


def test_clusters_covered_are_held_at_the_six_there_are(steep_doc: dict[str, Any]) -> None:
    # c7.cluster-coverage: 4 then 5 of the 6 clusters: +1 a year, 7 by the line in 2025, held at 6; 2024.
    trend = city_trend(steep_doc, "c7.cluster-coverage")
    assert [y["observed"] for y in trend["years"]] == [4, 5]
    p = trend["projection"]
    assert (p["slope"], p["projected"], p["meets_in"], p["on_track"]) == (1.0, 6.0, 2024, True)


def test_a_falling_count_is_held_at_0(steep_doc: dict[str, Any]) -> None:
    # c8.demonstration-enterprises: 12 then 4: −8 a year, −12 by the line in 2025, held at 0; moving away
    # from 30: never met.
    p = city_trend(steep_doc, "c8.demonstration-enterprises")["projection"]
    assert (p["slope"], p["intercept"], p["projected"], p["meets_in"], p["on_track"]) == (
        -8.0,
        12.0,
        0.0,
        None,
        False,
    )


SHOWN = {
    "zh": {
        "c10.pilot-schools": (
            "2022–2023 年拟合：每年 +100.0 个百分点，2025 年预计 100.0%（目标 ≥ 100.0%）；已于 2023 年达标"
        ),
        "c12.teacher-rotation": (
            "2022–2023 年拟合：每年 +30.0 个百分点，2025 年预计 100.0%（目标 ≥ 100.0%）；"
            "按当前速度，2024 年起达标"
        ),
        "c7.cluster-coverage": (
            "2022–2023 年拟合：每年 +1，2025 年预计 6（目标 ≥ 6）；按当前速度，2024 年起达标"
        ),
        "c8.demonstration-enterprises": (
            "2022–2023 年拟合：每年 -8，2025 年预计 0（目标 ≥ 30）；按当前速度，无法达标"
        ),
    },
    "en": {
        "c10.pilot-schools": (
            "fitted 2022–2023: +100.0 percentage points a year, 100.0% projected for 2025 "
            "(target ≥ 100.0%); met since 2023"
        ),
        "c12.teacher-rotation": (
            "fitted 2022–2023: +30.0 percentage points a year, 100.0% projected for 2025 "
            "(target ≥ 100.0%); at this pace met from 2024"
        ),
        "c7.cluster-coverage": (
            "fitted 2022–2023: +1 a year, 6 projected for 2025 (target ≥ 6); at this pace met from 2024"
        ),
        "c8.demonstration-enterprises": (
            "fitted 2022–2023: -8 a year, 0 projected for 2025 (target ≥ 30); at this pace never to be met"
        ),
    },
}
BEYOND = (
    "300.0%",
    "140.0%",
    "预计 7（目标 ≥ 6）",
    "7 projected for 2025 (target ≥ 6)",
    "预计 -12",
    "-12 projected",
)


def _unwrapped(text: str) -> str:
    """The text without its spaces and line breaks: the table wraps lines to its width."""
    return "".join(text.split())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_views_show_the_values_held(steep: Path, lang: str) -> None:
    table = _unwrapped(invoke("check", steep, "--no-color", "--lang", lang).stdout)
    markdown = _unwrapped(invoke("check", steep, "--format", "markdown", "--lang", lang).stdout)
    colon = "：" if lang == "zh" else ":"
    for rule, shown in SHOWN[lang].items():
        assert _unwrapped(f"{rule}{colon}{shown}") in table, rule
        assert _unwrapped(shown) in markdown, rule
    assert not any(_unwrapped(beyond) in table or _unwrapped(beyond) in markdown for beyond in BEYOND)


def test_the_chart_follows_the_line_then_the_value_held(steep: Path) -> None:
    """The dashed projection of c7.cluster-coverage: from 4 in 2022 along +1 a year to 6 in 2024, then level
    at 6 to 2025 (two segments), not a line through 7."""
    page = invoke("check", steep, "--format", "html").stdout
    chart = page.split('<div class="chart" data-rule="c7.cluster-coverage"', 1)[1].split(
        '<div class="chart"'
    )[0]
    assert chart.count('class="projection"') == 2
    assert 'data-projected="6.0"' in chart
    enterprises = page.split('<div class="chart" data-rule="c8.demonstration-enterprises"', 1)[1]
    assert enterprises.split('<div class="chart"')[0].count('class="projection"') == 2  # down to 0 in 2023.5


def test_a_target_met_only_beyond_the_bound_is_never_met() -> None:
    """A line that crosses the target only past what the figure can be does not meet it: 7 clusters of 6,
    or a share above 100% with at_most 1."""
    coverage = RULES["c7.cluster-coverage"]
    seven = dataclasses.replace(coverage, target=Target(op=">=", value=7))
    projection, _ = project(seven, [_point(2022, 4), _point(2023, 5)])  # the line: 7 in 2025
    assert projection is not None
    assert (projection.projected, projection.meets_in, projection.on_track) == (6.0, None, False)
    rotation = dataclasses.replace(RULES["c12.teacher-rotation"], target=Target(op=">", value=1))
    projection, _ = project(rotation, [_point(2022, 0.5), _point(2023, 0.8)])
    assert projection is not None
    assert (projection.projected, projection.meets_in, projection.on_track) == (1.0, None, False)


BOUNDED = ["c10.pilot-schools", "c12.teacher-rotation", "c7.cluster-coverage", "c8.demonstration-enterprises"]


@given(
    st.sampled_from(BOUNDED),
    st.lists(st.floats(0, 1, allow_nan=False), min_size=2, max_size=4),
)
def test_a_projection_stays_within_the_range_and_agrees_with_itself(
    rule_id: str, shares: list[float]
) -> None:
    rule = RULES[rule_id]
    low, high = rule.observed_range()
    scale = high if high is not None else 60.0
    points = [_point(2021 + i, share * scale) for i, share in enumerate(shares)]
    projection, why_not = project(rule, points)
    assert why_not is None and projection is not None
    assert low <= projection.projected and (high is None or projection.projected <= high)
    target = float(rule.target.value)
    assert projection.on_track == (round(projection.projected, 9) >= target)
    assert projection.on_track == (projection.meets_in is not None and projection.meets_in <= 2025)
    if projection.meets_in is not None:
        held = min(projection.at(projection.meets_in), high if high is not None else float("inf"))
        assert round(held, 9) >= target
