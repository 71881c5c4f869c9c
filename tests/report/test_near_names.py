"""A school not found under its name is held against every other name for a likely one: with thousands of
schools on both sides that made millions of comparisons (a 4,500-school roster against a 1,300-school report
took 39 s, a previous year of 1,300 other names 14 s). The comparisons are counted here, not timed."""

from __future__ import annotations

import difflib
from typing import Any

import pytest

from zhijiao_check.located import Positions
from zhijiao_check.report.consistency import cross_year_warnings
from zhijiao_check.report.loaded import ReportFile
from zhijiao_check.report.nearnames import COMPARISONS
from zhijiao_check.report.roster import Roster, RosterSchool, missing_schools

UNIT = "东安县"


def schools(prefix: str, count: int) -> list[str]:
    return [f"{prefix}第{number}职业学校" for number in range(count)]


def report(year: int, names: list[str]) -> ReportFile:
    data: dict[str, Any] = {"unit": {"name": UNIT}, "year": year, "schools": [{"name": n} for n in names]}
    return ReportFile(f"{year}.yaml", data, Positions(), ())


@pytest.fixture
def comparisons(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many pairs of names ``difflib`` compares (``get_close_matches`` sets each candidate once, after
    an empty one as it makes its matcher)."""
    counted = [0]
    set_seq1 = difflib.SequenceMatcher.set_seq1

    def counting(self: difflib.SequenceMatcher[str], a: str) -> None:
        counted[0] += a != ""
        set_seq1(self, a)

    monkeypatch.setattr(difflib.SequenceMatcher, "set_seq1", counting)
    return counted


def roster_of(names: list[str]) -> Roster:
    return Roster(
        "roster.yaml", None, {UNIT: tuple(RosterSchool(n, str(i + 2)) for i, n in enumerate(names))}
    )


@pytest.mark.parametrize("size", [30, 600])
def test_a_roster_against_a_report_makes_a_bounded_number_of_comparisons(
    comparisons: list[int], size: int
) -> None:
    """Every school the roster has and the report lacks is told; the first ones, and at a unit's size (tens)
    every one, with the report's school of a near name."""
    on_roster = ["东安县舜德职业学校", *schools("永州", size - 1)]
    problems = missing_schools(
        report(2023, ["东安舜德职业学校", *schools("零陵", size - 1)]), roster_of(on_roster)
    )
    assert [p.params["school"] for p in problems] == on_roster
    assert problems[0].code == "roster-school-similar" and problems[0].params["similar"] == "东安舜德职业学校"
    assert comparisons[0] <= COMPARISONS  # 600 × 600 = 360,000 before
    if size == 30:  # as before: each looked for among all the report's other names
        assert comparisons[0] == size * size
        assert {p.code for p in problems[1:]} == {"roster-school-similar"}  # 永州第N… near 零陵第N…
    else:
        assert {p.code for p in problems[-100:]} == {"roster-school-absent"}


@pytest.mark.parametrize("size", [30, 600])
def test_last_years_schools_against_this_years_make_a_bounded_number_of_comparisons(
    comparisons: list[int], size: int
) -> None:
    then = ["东安县舜德职业学校", *schools("永州", size - 1)]
    now = report(2024, ["东安县舜德职业技术学校", *schools("零陵", size - 1)])
    warnings = cross_year_warnings([now], [report(2023, then)])
    gone = [w for w in warnings if w.code in ("school-renamed", "school-vanished")]
    assert [w.params["school"] for w in gone] == then
    assert gone[0].code == "school-renamed" and gone[0].params["new"] == "东安县舜德职业技术学校"
    assert comparisons[0] <= COMPARISONS
    if size == 30:
        assert comparisons[0] == size * size
    else:
        assert {w.code for w in gone[-100:]} == {"school-vanished"}
