"""Warnings about figures that are allowed but unlikely, within one report or across two years of a unit.

They are shown and never block: a figure can be surprising and still right.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from zhijiao_check.memo import BoundedMemo
from zhijiao_check.problems import Problem
from zhijiao_check.report.codes import LEVEL_LABELS
from zhijiao_check.report.joined import joined_by, names_in
from zhijiao_check.report.raw import (
    cell_of,
    count,
    entries,
    label_of,
    line_of,
    mapping,
    name,
    number,
    problem_at,
)
from zhijiao_check.source import Path_, Positions
from zhijiao_check.wording import Msg

if TYPE_CHECKING:
    from zhijiao_check.report.loaded import ReportFile

# 生均拨款 in 元 per student and year: the provincial floor is a few thousand, and 1.05 or 1050000 is
# almost always a figure in 万元 or a slip of the keyboard.
APPROPRIATION_RANGE = (1_000, 100_000)
# Lists of names that rules count; an entry with one of these separators in it is most likely several names.
_LISTS_OF_NAMES: tuple[tuple[str, ...], ...] = (
    ("leading_industries",),
    ("city", "demonstration_parks"),
    ("city", "vocational_groups"),
)
# enrollment.secondary_vocational against the sum of the secondary majors' enrollment: the two count the same
# students (the samples have them equal), so more than 10% apart means something is left out or miscounted.
# A fraction, not the float 0.10: compared exactly with whole numbers of any size, none is made a float.
MAJORS_SUM_TOLERANCE = Fraction(1, 10)
_LEVELS = frozenset(LEVEL_LABELS)  # secondary, higher: the levels a school's is one of when it is read


def report_warnings(data: dict[str, Any], positions: Positions, file: str) -> list[Problem]:
    warnings = _joined_names(data, positions, file) + _majors_sum(data, positions, file)
    low, high = APPROPRIATION_RANGE
    for index, school in entries(data.get("schools")):
        path = ("schools", index)
        school_name = name(school.get("name")) or ""
        students = count(school.get("students"))
        enrolled = sum(count(major.get("enrollment")) or 0 for _, major in entries(school.get("majors")))
        if students is not None and enrolled > students:
            warnings.append(
                problem_at(
                    file,
                    positions,
                    (*path, "students"),
                    "enrollment-over-students",
                    severity="warning",
                    school=school_name,
                    total=enrolled,
                    students=students,
                )
            )
        appropriation = number(school.get("appropriation_per_student"))
        if appropriation is not None and not low <= appropriation <= high:
            warnings.append(
                problem_at(
                    file,
                    positions,
                    (*path, "appropriation_per_student"),
                    "appropriation-out-of-range",
                    severity="warning",
                    school=school_name,
                    value=appropriation,
                    low=low,
                    high=high,
                )
            )
    return warnings


def _majors_sum(data: dict[str, Any], positions: Positions, file: str) -> list[Problem]:
    """``enrollment.secondary_vocational`` far from what the unit's secondary schools' majors enrolled: a
    school or a major left out, or a figure from another source. Only when every secondary school lists its
    majors, and every school's level is read: a school whose level is not one of the list (中等职业学校) may
    be a secondary one, and the sum without it would be said short of a figure it is part of."""
    said = count(mapping(data.get("enrollment")).get("secondary_vocational"))
    listed = data.get("schools")
    if not isinstance(listed, list) or not all(
        isinstance(school, dict) and isinstance(school.get("level"), str) and school["level"] in _LEVELS
        for school in listed
    ):
        return []
    schools = [school for school in listed if school.get("level") == "secondary"]
    if said is None or not schools or not all(isinstance(school.get("majors"), list) for school in schools):
        return []
    majors = [
        count(major.get("enrollment")) for school in schools for _, major in entries(school.get("majors"))
    ]
    if None in majors:
        return []
    total = sum(m for m in majors if m is not None)
    # in whole numbers: the same comparison without a ``Fraction`` made (some 5 µs a report)
    tolerance = MAJORS_SUM_TOLERANCE
    if abs(said - total) * tolerance.denominator <= tolerance.numerator * max(said, total):
        return []
    return [
        problem_at(
            file,
            positions,
            ("enrollment", "secondary_vocational"),
            "majors-sum-differs",
            severity="warning",
            value=said,
            total=total,
            count=len(schools),
            share=str(round(Fraction(abs(said - total) * 100, max(said, total)))),
            label=label_of(positions, ("enrollment", "secondary_vocational")),
        )
    ]


# What joins the names of a list, by the name: the same few (a city's industries, its parks) in report after
# report, each looked through character by character and by two patterns (some 1.5 µs a name); only names of
# a name's length are held.
_JOINED: BoundedMemo[str, Msg | None] = BoundedMemo(joined_by, limit=1_024)
_NAME = 64


def _joined(name: str) -> Msg | None:
    return _JOINED[name] if len(name) <= _NAME else joined_by(name)


def _joined_names(data: dict[str, Any], positions: Positions, file: str) -> list[Problem]:
    """Names joined into one entry: ``[电子信息，先进装备制造]`` or ``[先进装备制造 农产品精深加工]`` is one
    industry to YAML, and would count as one (``report.joined``). A workbook's cell has been refused for it
    already, as an error (``workbook.cellreader``)."""
    warnings = []
    for path in _LISTS_OF_NAMES:
        names = mapping(data.get(path[0])).get(path[1]) if len(path) == 2 else data.get(path[0])
        for index, entry in enumerate(names if isinstance(names, list) else []):
            found = _joined(entry) if isinstance(entry, str) else None
            if found and isinstance(entry, str) and not positions.cell((*path, index)):
                warnings.append(
                    problem_at(
                        file,
                        positions,
                        (*path, index),
                        "names-joined",
                        severity="warning",
                        entry=entry,
                        separator=found,
                        write="[" + ", ".join(names_in(entry)) + "]",
                    )
                )
    return warnings


def cross_year_warnings(reports: Sequence[ReportFile], earlier: Sequence[ReportFile] = ()) -> list[Problem]:
    """Against a unit's year-(Y−1) report, in this run or among ``earlier`` ones (``--previous``): figures
    "of the previous year" that differ from it, and schools or majors it has that year Y no longer lists."""
    by_unit_year: dict[tuple[str, int], ReportFile] = {}
    for report in (*reports, *earlier):
        by_unit_year.setdefault((report.unit, report.year), report)
    warnings: list[Problem] = []
    for report in reports:
        if by_unit_year[(report.unit, report.year)] is not report:
            continue  # a second report of the same unit and year: refused elsewhere
        previous = by_unit_year.get((report.unit, report.year - 1))
        if previous is not None:
            warnings += _pathway(report, previous) + _majors(report, previous) + _vanished(report, previous)
    return warnings


def _vanished(report: ReportFile, previous: ReportFile) -> list[Problem]:
    """A school, or a major of a school, in last year's report and not in this year's: left out, or closed?"""
    now = {name(school.get("name")): (index, school) for index, school in entries(report.data.get("schools"))}
    # last year's schools with their names, each named once (not again for each of the loops below)
    before = [(index, then, name(then.get("name"))) for index, then in entries(previous.data.get("schools"))]
    then_names = {school for _, _, school in before}
    new = [school for school in now if school and school not in then_names]  # a renamed one is among them
    from zhijiao_check.report.nearnames import near_names  # a previous year's report only: not at start

    closest = near_names((school for _, _, school in before if school and school not in now), new)
    warnings = []
    for then_index, then, school in before:
        if school not in now:
            then_line = line_of(previous.positions, ("schools", then_index, "name"))
            renamed = [closest[school]] if school in closest else []
            found = {}
            if renamed:
                found = {
                    "new": renamed[0],
                    "line": line_of(report.positions, ("schools", now[renamed[0]][0], "name")),
                }
            warnings.append(
                problem_at(
                    report.file,
                    report.positions,
                    ("schools",),
                    "school-renamed" if renamed else "school-vanished",
                    severity="warning",
                    at_key=True,
                    school=school,
                    year=previous.year,
                    other_file=previous.file,
                    other_line=then_line,
                    **found,
                )
            )
            continue
        index, current = now[school]
        if not isinstance(current.get("majors"), list):
            continue  # no list of majors at all: the rules say so already
        majors = {name(major.get("name")) for _, major in entries(current.get("majors"))}
        for major_index, major in entries(then.get("majors")):
            if name(major.get("name")) not in majors:
                path = ("schools", then_index, "majors", major_index, "name")
                warnings.append(
                    problem_at(
                        report.file,
                        report.positions,
                        ("schools", index, "majors"),
                        "major-vanished",
                        severity="warning",
                        at_key=True,
                        school=school,
                        major=name(major.get("name")),
                        year=previous.year,
                        other_file=previous.file,
                        other_line=line_of(previous.positions, path),
                    )
                )
    return warnings


def _pathway(report: ReportFile, previous: ReportFile) -> list[Problem]:
    said = count(mapping(report.data.get("pathway_3plus2")).get("previous"))
    then = count(mapping(previous.data.get("pathway_3plus2")).get("current"))
    if said is None or then is None or said == then:
        return []
    return [
        problem_at(
            report.file,
            report.positions,
            ("pathway_3plus2", "previous"),
            "cross-year-pathway",
            severity="warning",
            value=said,
            year=previous.year,
            other_file=previous.file,
            other_value=then,
            label=label_of(report.positions, ("pathway_3plus2", "previous")),
            other_label=label_of(previous.positions, ("pathway_3plus2", "current")),
            other_at=_place(previous, ("pathway_3plus2", "current")),
        )
    ]


def _majors(report: ReportFile, previous: ReportFile) -> list[Problem]:
    # (school, major) -> (enrollment, its school's index, its own): its path and line are made only for a
    # warning. A school's name worked out once for its majors: 10,000 reports compared with the year before
    # named some 240,000 names, half of them the same school's again
    enrolled_then: dict[tuple[str, str], tuple[int, int, int]] = {}
    for school_index, school in entries(previous.data.get("schools")):
        school_name = name(school.get("name")) or ""
        for major_index, major in entries(school.get("majors")):
            enrollment = count(major.get("enrollment"))
            if enrollment is not None:
                key = (school_name, name(major.get("name")) or "")
                enrolled_then.setdefault(key, (enrollment, school_index, major_index))
    warnings = []
    for school_index, school in entries(report.data.get("schools")):
        school_name = name(school.get("name")) or ""
        for major_index, major in entries(school.get("majors")):
            said = count(major.get("previous_enrollment"))
            if said is None:
                continue
            key = (school_name, name(major.get("name")) or "")
            found = enrolled_then.get(key)
            if found is None or found[0] == said:
                continue
            then, school_then, major_then = found
            then_path = ("schools", school_then, "majors", major_then, "enrollment")
            then_line = line_of(previous.positions, then_path)
            path = ("schools", school_index, "majors", major_index, "previous_enrollment")
            warnings.append(
                problem_at(
                    report.file,
                    report.positions,
                    path,
                    "cross-year-major",
                    severity="warning",
                    school=key[0],
                    major=key[1],
                    value=said,
                    year=previous.year,
                    other_file=previous.file,
                    other_line=then_line,
                    other_value=then,
                    other_at=_place(previous, then_path, then_line),
                )
            )
    return warnings


def _place(report: ReportFile, path: Path_, line: int | None = None) -> str:
    """Where a figure of another year's report stands, for a workbook's message: ``file:学校!F3`` in a
    workbook, ``file:line`` in a YAML report (``line``, where the caller has it already)."""
    cell = cell_of(report.positions, path)
    return f"{report.file}:{cell or (line_of(report.positions, path) if line is None else line)}"
