"""Warnings about figures that are allowed but unlikely, within one report or across two years of a unit.

They are shown and never block: a figure can be surprising and still right.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from zhijiao_check.problems import Problem
from zhijiao_check.report.raw import count, entries, line_of, mapping, name, number, problem_at
from zhijiao_check.source import Positions

if TYPE_CHECKING:
    from zhijiao_check.report import ReportFile

# 生均拨款 in 元 per student and year: the provincial floor is a few thousand, and 1.05 or 1050000 is
# almost always a figure in 万元 or a slip of the keyboard.
APPROPRIATION_RANGE = (1_000, 100_000)
# Lists of names that rules count; an entry with one of these separators in it is most likely several names.
_LISTS_OF_NAMES: tuple[tuple[str, ...], ...] = (
    ("leading_industries",), ("city", "demonstration_parks"), ("city", "vocational_groups"),
)
_SEPARATOR = re.compile("[，、；;,]")


def report_warnings(data: dict[str, Any], positions: Positions, file: str) -> list[Problem]:
    warnings = _joined_names(data, positions, file)
    low, high = APPROPRIATION_RANGE
    for index, school in entries(data.get("schools")):
        path = ("schools", index)
        school_name = name(school.get("name")) or ""
        students = count(school.get("students"))
        enrolled = sum(count(major.get("enrollment")) or 0 for _, major in entries(school.get("majors")))
        if students is not None and enrolled > students:
            warnings.append(problem_at(file, positions, (*path, "students"), "enrollment-over-students",
                                       severity="warning", school=school_name, total=enrolled, students=students))
        appropriation = number(school.get("appropriation_per_student"))
        if appropriation is not None and not low <= appropriation <= high:
            warnings.append(problem_at(file, positions, (*path, "appropriation_per_student"),
                                       "appropriation-out-of-range", severity="warning",
                                       school=school_name, value=appropriation, low=low, high=high))
    return warnings


def _joined_names(data: dict[str, Any], positions: Positions, file: str) -> list[Problem]:
    """Names joined into one entry: ``[电子信息，先进装备制造]`` is one industry to YAML, and would count as one."""
    warnings = []
    for path in _LISTS_OF_NAMES:
        names = mapping(data.get(path[0])).get(path[1]) if len(path) == 2 else data.get(path[0])
        for index, entry in enumerate(names if isinstance(names, list) else []):
            found = _SEPARATOR.search(entry) if isinstance(entry, str) else None
            if found:
                warnings.append(problem_at(file, positions, (*path, index), "names-joined", severity="warning",
                                           entry=entry, separator=found.group()))
    return warnings


def cross_year_warnings(reports: Sequence[ReportFile]) -> list[Problem]:
    """A unit's year-Y figures "of the previous year" that differ from its own year-(Y−1) report in this run."""
    by_unit_year: dict[tuple[str, int], ReportFile] = {}
    for report in reports:
        by_unit_year.setdefault((report.unit, report.year), report)
    warnings: list[Problem] = []
    for report in by_unit_year.values():
        previous = by_unit_year.get((report.unit, report.year - 1))
        if previous is not None:
            warnings += _pathway(report, previous) + _majors(report, previous)
    return warnings


def _pathway(report: ReportFile, previous: ReportFile) -> list[Problem]:
    said = count(mapping(report.data.get("pathway_3plus2")).get("previous"))
    then = count(mapping(previous.data.get("pathway_3plus2")).get("current"))
    if said is None or then is None or said == then:
        return []
    return [problem_at(report.file, report.positions, ("pathway_3plus2", "previous"), "cross-year-pathway",
                       severity="warning", value=said, year=previous.year, other_file=previous.file,
                       other_value=then)]


def _majors(report: ReportFile, previous: ReportFile) -> list[Problem]:
    enrolled_then: dict[tuple[str, str], tuple[int, int]] = {}  # (school, major) -> (enrollment, its line)
    for school_index, school in entries(previous.data.get("schools")):
        for major_index, major in entries(school.get("majors")):
            enrollment = count(major.get("enrollment"))
            key = (name(school.get("name")) or "", name(major.get("name")) or "")
            if enrollment is not None:
                path = ("schools", school_index, "majors", major_index, "enrollment")
                enrolled_then.setdefault(key, (enrollment, line_of(previous.positions, path)))
    warnings = []
    for school_index, school in entries(report.data.get("schools")):
        for major_index, major in entries(school.get("majors")):
            said = count(major.get("previous_enrollment"))
            key = (name(school.get("name")) or "", name(major.get("name")) or "")
            if said is None or key not in enrolled_then or enrolled_then[key][0] == said:
                continue
            then, then_line = enrolled_then[key]
            path = ("schools", school_index, "majors", major_index, "previous_enrollment")
            warnings.append(problem_at(report.file, report.positions, path, "cross-year-major", severity="warning",
                                       school=key[0], major=key[1], value=said, year=previous.year,
                                       other_file=previous.file, other_line=then_line, other_value=then))
    return warnings
