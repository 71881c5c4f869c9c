"""Properties of the engine over varied figures: the verdict follows the arithmetic, whatever the numbers."""

from __future__ import annotations

import tempfile
from pathlib import Path

from factory import check_unit, county, edit
from hypothesis import given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=40, deadline=None)
counts = st.integers(min_value=0, max_value=20_000)


def _check(report: dict) -> dict:
    with tempfile.TemporaryDirectory() as directory:
        return check_unit(Path(directory), report)


@SETTINGS
@given(vocational=counts, general=counts, year=st.integers(min_value=2022, max_value=2030))
def test_vocational_share_status_follows_the_share(vocational: int, general: int, year: int) -> None:
    results = _check(
        edit(
            county(year=year),
            {
                "enrollment.secondary_vocational": vocational,
                "enrollment.general_high_school": general,
            },
        )
    )
    share = results["c1.vocational-share"]
    if vocational + general == 0:
        assert share.status == "not_applicable"
        return
    expected = vocational / (vocational + general)
    assert share.observed == expected
    assert share.status == ("pass" if expected >= 0.45 else "fail")
    freeze = results["c1.general-plan-freeze"]
    assert (freeze.status == "not_applicable") == (share.status != "fail")


@SETTINGS
@given(amounts=st.lists(st.integers(min_value=0, max_value=30_000), min_size=1, max_size=5))
def test_secondary_funding_fails_exactly_the_schools_below_10000(amounts: list[int]) -> None:
    report = county(year=2024)
    template = report["schools"][0]
    report["schools"] = [
        {**template, "name": f"第{index + 1}职业学校", "appropriation_per_student": amount}
        for index, amount in enumerate(amounts)
    ]
    result = _check(report)["c16.secondary-funding"]
    below = {f"第{i + 1}职业学校" for i, amount in enumerate(amounts) if amount < 10_000}
    assert {item.name for item in result.items if item.status == "fail"} == below
    assert result.status == ("fail" if below else "pass")
    assert result.observed == (len(amounts) - len(below)) / len(amounts)


@SETTINGS
@given(year=st.integers(min_value=2000, max_value=2100))
def test_every_status_is_known_and_the_score_is_a_percentage(year: int) -> None:
    with tempfile.TemporaryDirectory() as directory:
        from factory import run_reports

        run = run_reports(Path(directory), [county(year=year)])
    evaluation = run.reports[0]
    statuses = {r.status for r in evaluation.results}
    assert statuses <= {"pass", "fail", "warn", "missing", "pending", "behind", "not_applicable"}
    if year < 2021:
        assert statuses == {"not_applicable"}
        assert evaluation.score is None
    elif evaluation.score is not None:
        assert 0 <= evaluation.score <= 100
