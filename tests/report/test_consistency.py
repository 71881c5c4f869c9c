"""Warnings: unlikely figures in one report, and figures that contradict the unit's previous-year report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from zhijiao_check.located import LongNumber, Positions
from zhijiao_check.report import InvalidReport, ReportFile, load_report
from zhijiao_check.report.consistency import cross_year_warnings, report_warnings

from .conftest import Load
from .helpers import CITY, UNITS, assert_problem, county_text


def test_majors_enrolling_more_than_the_school_has_students(load: Load) -> None:
    result = load(county_text(("    students: 860", "    students: 30")))
    assert isinstance(result, ReportFile)  # a warning never blocks
    (warning,) = result.warnings
    assert warning.severity == "warning"
    assert_problem(
        warning,
        "enrollment-over-students",
        76,
        15,
        "schools[1].students",
        ("合计 40 人", "在校生 30 人"),
        ("enrolled 40", "its 30 students"),
    )


def test_appropriation_outside_the_usual_range(load: Load) -> None:
    result = load(county_text(("appropriation_per_student: 10500", "appropriation_per_student: 1.05")))
    assert isinstance(result, ReportFile)
    (warning,) = result.warnings
    assert_problem(
        warning,
        "appropriation-out-of-range",
        38,
        32,
        "schools[0].appropriation_per_student",
        ("1.05 元", "1000–100000", "万元"),
        ("1.05 yuan", "not 万元"),
    )


def test_warnings_follow_the_errors_of_an_invalid_report(load: Load) -> None:
    result = load(county_text(("    students: 860", "    students: 30"), ("year: 2023", "year: 20233")))
    assert isinstance(result, InvalidReport)
    assert [(p.code, p.severity) for p in result.problems] == [
        ("year-out-of-range", "error"),
        ("enrollment-over-students", "warning"),
    ]


@pytest.mark.parametrize(
    ("level", "compared"),
    # a list or a mapping for the level stopped the run (exit 3, ``unhashable type``: found by the fuzz test)
    [("中等职业学校", False), ("", False), ("higher", True), ("[]", False), ("{a: 1}", False)],
)
def test_the_majors_sum_is_not_compared_when_a_schools_level_is_not_read(
    load: Load, level: str, compared: bool
) -> None:
    """A school whose level is not one of the list may be a secondary one: its majors left out, 40 enrolled
    were said 99% short of 3120 (是否漏报了学校或专业？) beside the level's own error. A level read as
    higher is the unit's own word, and the sum of the other school is compared."""
    result = load(county_text(("    level: secondary", f"    level: {level}".rstrip())))
    said = result.problems if isinstance(result, InvalidReport) else result.warnings
    codes = {(p.code, p.path) for p in said}
    assert (("majors-sum-differs", "enrollment.secondary_vocational") in codes) == compared
    if not compared:
        assert isinstance(result, InvalidReport)
        assert [p.path for p in result.problems if p.severity == "error"] == ["schools[0].level"]


# Any number a reader can give before the checks: counts in and far beyond their bound (an int of 5,000
# digits, which Python cannot make a float of), the stand-in of a longer one, floats to infinity.
_ANY_NUMBER = st.one_of(
    st.integers(0, 12_000_000),
    st.integers(-(10**30), 10**5000),
    st.builds(LongNumber, st.from_regex(r"-?[1-9][0-9]{24,400}", fullmatch=True)),
    st.floats(allow_nan=True, allow_infinity=True),
)


@given(said=_ANY_NUMBER, enrolled=st.lists(_ANY_NUMBER, min_size=1, max_size=4), appropriation=_ANY_NUMBER)
@example(said=10**309, enrolled=[950], appropriation=10**309)  # the report that stopped a whole run
@example(said=1000, enrolled=[900], appropriation=9200)  # 10% apart: no warning
@example(said=1000, enrolled=[899], appropriation=9200)
def test_the_warnings_read_any_number_a_reader_gives_and_judge_only_those_within_bounds(
    said: Any, enrolled: list[Any], appropriation: Any
) -> None:
    """The warnings run on the data of an invalid report too: a figure beyond its bound is an error already
    (``too-large``), and is neither added up nor turned into a float, which overflowed for 309 digits."""
    majors = [{"name": f"专业{n}", "enrollment": e} for n, e in enumerate(enrolled)]
    school = {"name": "学校", "level": "secondary", "majors": majors}
    school["appropriation_per_student"] = appropriation
    data = {"enrollment": {"secondary_vocational": said}, "schools": [school]}
    codes = [w.code for w in report_warnings(data, Positions(), "r.yaml")]
    counts = [said, *enrolled]
    valid = all(type(c) is int and 0 <= c <= 10_000_000 for c in counts)
    total = sum(enrolled) if valid else 0
    far = valid and abs(said - total) * 10 > max(said, total)
    assert ("majors-sum-differs" in codes) == far
    plausible = type(appropriation) in (int, float) and 1_000 <= appropriation <= 100_000
    in_bounds = type(appropriation) in (int, float) and 0 <= appropriation <= 1_000_000_000
    assert ("appropriation-out-of-range" in codes) == (in_bounds and not plausible)


def _report(tmp_path: Path, text: str, name: str) -> ReportFile:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = load_report(path, UNITS, display=name)
    assert isinstance(report, ReportFile)
    return report


def _last_year(pathway_current: int, enrollments: tuple[int, int, int, int]) -> str:
    """The county report as of 2022, its majors' enrollments in file order."""
    edits = [
        ("year: 2023", "year: 2022"),
        ("evaluated_in: 2023", "evaluated_in: 2022"),
        ("  current: 300", f"  current: {pathway_current}"),
    ]
    for this_year, then in zip((1100, 900, 1000, 40), enrollments):
        edits.append((f"        enrollment: {this_year}\n", f"        enrollment: {then}  # 2022\n"))
    return county_text(*edits)


def test_previous_year_figures_that_contradict_last_years_report(tmp_path: Path) -> None:
    # previous 260; majors' previous 130, 95, 150, 65
    this_year = _report(tmp_path, county_text(), "2023.yaml")
    last_year = _report(tmp_path, _last_year(280, (130, 95, 150, 60)), "2022.yaml")
    city = load_report(CITY, UNITS)
    assert isinstance(city, ReportFile)
    pathway, major = cross_year_warnings([this_year, city, last_year])
    assert pathway.severity == major.severity == "warning"
    assert_problem(
        pathway,
        "cross-year-pathway",
        25,
        13,
        "pathway_3plus2.previous",
        ("填 260", "2022.yaml", "current 为 280"),
        ("previous is 260", "the 2022 report 2022.yaml", "current 280"),
    )
    assert_problem(
        major,
        "cross-year-major",
        89,
        30,
        "schools[1].majors[0].previous_enrollment",
        ("幼儿保育", "填 65", "2022.yaml:88", "当年招生为 60"),
        ('"幼儿保育"', "is 65", "2022.yaml:88 gives enrollment 60"),
    )
    assert pathway.file == major.file == "2023.yaml"


def test_no_cross_year_warning_when_figures_agree_or_the_year_before_is_absent(tmp_path: Path) -> None:
    this_year = _report(tmp_path, county_text(), "2023.yaml")
    agreeing = _report(tmp_path, _last_year(260, (130, 95, 150, 65)), "2022.yaml")
    two_years_back = _report(
        tmp_path,
        _last_year(1, (1, 1, 1, 1))
        .replace("year: 2022", "year: 2021")
        .replace("evaluated_in: 2022", "evaluated_in: 2021"),
        "2021.yaml",
    )
    assert cross_year_warnings([this_year, agreeing]) == []
    assert cross_year_warnings([this_year, two_years_back]) == []
    assert cross_year_warnings([this_year]) == []
