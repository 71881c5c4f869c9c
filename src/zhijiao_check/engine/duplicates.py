"""Duplicate reports of one unit and year (``unique``): copies of the same report scored once, copies that
differ refused, a valid report refused beside an invalid one of its unit and year, and a report whose path
says another year set aside for the one whose path does not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import cast

from zhijiao_check.patterns import later
from zhijiao_check.problems import Problem
from zhijiao_check.report import InvalidReport, ReportFile
from zhijiao_check.wording import Join, msg


def unique(
    reports: Sequence[ReportFile],
    invalid: Sequence[InvalidReport] = (),
    contents: Callable[[ReportFile], object] | None = None,
    filed: Callable[[str, int], str | None] | None = None,
) -> tuple[list[ReportFile], list[InvalidReport]]:
    """One report per unit and year. Two files of one unit and year (a Windows copy beside its original,
    ``东安县 报表 - 副本.xlsx``, ``… (1).xlsx``) that hold the same report (``contents``, asked only of the
    files of a unit and year that has more than one: ``report_contents`` unless the caller has another way,
    as a flat run reads them again) are one report: scored once, the first by path whose name does not say
    it is a copy (``_named_as_copy``: by path alone ``… - 副本.xlsx`` came first, `` `` sorting before
    ``.``, and the original was told to be deleted), with a warning at each other. If they differ, which
    figures count is not for the tool to guess: every one is refused, each naming the others. A valid one
    whose unit and year an invalid report gives too is refused as well (``refused_keys``). A file whose
    path says another year than it gives (``pathyear.path_year``: last year's report copied into this
    year's folder, its ``year:`` not updated) is set aside where one whose path does not is kept: not
    scored, its warnings and ``_set_aside``'s at the kept one (``set_aside`` reads them back), not refused
    beside it nor taken for its copy (the advice is to correct ``year:``, not to delete a file, unless its
    unit has a report of the year its path says: ``filed``, by unit and year, the file of the first valid
    one, if any, as the unit and year of ``reports`` give unless the caller knows of more)."""
    refused = refused_keys(invalid)
    groups: dict[tuple[str, int], list[ReportFile]] = {}
    for report in reports:
        groups.setdefault((report.unit, report.year), []).append(report)
    for group in groups.values():
        # the original before its copies: the one scored and cited, the copy told to be deleted
        group.sort(key=lambda report: _named_as_copy(report.file))

    def first_of(unit: str, year: int) -> str | None:
        return groups[unit, year][0].file if (unit, year) in groups else None

    filed = filed or first_of
    # each file's contents asked once (a flat run reads the file again for it), however many compare with it
    read: dict[str, object] = {}

    def contents_of(report: ReportFile) -> object:
        if report.file not in read:
            read[report.file] = (contents or report_contents)(report)
        return read[report.file]

    kept: list[ReportFile] = []
    duplicates: list[InvalidReport] = []
    for key, whole in groups.items():
        strays, group = _misfiled(whole) if len(whole) > 1 and key not in refused else ([], whole)
        if strays and len(group) > 1 and not _all_alike(group[0], group[1:], contents_of):
            strays, group = [], whole  # the rest refused all the same: the stray named among them
        first, *others = group
        if strays:  # said at the report kept (as a copy's ``same-report``), which the run's warnings list
            told = (w for stray in strays for w in (*stray.warnings, _set_aside(stray, first.file, filed)))
            first = replace(first, warnings=(*first.warnings, *told))
        if key in refused:
            duplicates += [duplicate(report, refused[key]) for report in group]
        elif not others:
            kept.append(first)
        elif _all_alike(first, others, contents_of):
            warnings = [_same_report(other, first.file) for other in others]
            kept.append(replace(first, warnings=(*first.warnings, *warnings)))
        else:
            duplicates += [_differing(report, group) for report in group]
    return kept, duplicates


# what Windows, WPS and macOS add to a copied file's name: "报表 - 副本.xlsx", "报表 (1).xlsx",
# "报表的副本.xlsx", "复件 报表.xlsx", "报表 - Copy.xlsx", "报表 copy.xlsx"
_COPY_NAME = later(
    # a number of one or two digits: "东安县(2023).xlsx" is a year, no copy
    r"副本|复件|^copy of |(?:^|[\s\-_])copy(?:\s*\(\d+\))?(?=\.|$)|[(（]\d{1,2}[)）](?=\.|$)",
    re.IGNORECASE,
)


def _named_as_copy(file: str) -> bool:
    """Whether ``file``'s name says it is a copy of another file."""
    return bool(_COPY_NAME.search(file.replace("\\", "/").rsplit("/", 1)[-1]))


def _all_alike(
    first: ReportFile, others: Sequence[ReportFile], contents: Callable[[ReportFile], object]
) -> bool:
    """Whether each of ``others`` holds the same report as ``first`` (whose contents are asked once)."""
    theirs = contents(first)
    return all(contents(other) == theirs for other in others)


# The code of a report refused beside another of its unit and year that differs (``_differing``).
DIFFERING = "differing-reports"
# The code of the warning at a report set aside for another of its unit and year (``_set_aside``).
SET_ASIDE = "set-aside-for-its-year"


def _misfiled(group: Sequence[ReportFile]) -> tuple[list[ReportFile], list[ReportFile]]:
    """Of the files of one unit and year, those whose path says another year, and the others; none set apart
    where every one's path says another year (which of them is the year's is not told)."""
    from zhijiao_check.report.pathyear import path_year

    strays: list[ReportFile] = []
    placed: list[ReportFile] = []
    for report in group:
        said = path_year(report.file)
        (strays if said is not None and said.year != report.year else placed).append(report)
    return (strays, placed) if strays and placed else ([], list(group))


def _set_aside(stray: ReportFile, kept: str, filed: Callable[[str, int], str | None]) -> Problem:
    """A warning at a report whose path says another year than it gives, set aside for ``kept``, the report
    of its unit and year whose path does not: at its year, as the warning that its path says another year.
    Its advice: to correct its year to the one its path says, unless its unit has a report of that year too
    (``filed``, by unit and year, its file): then the file is a leftover copy, and corrected it would be
    a second report of that year, so it is to be deleted or moved."""
    from zhijiao_check.report.pathyear import path_year

    said = path_year(stray.file)
    assert said is not None  # _misfiled's
    at = next((w for w in stray.warnings if w.path == "year"), None)
    line, column = (at.line, at.column) if at is not None else stray.positions.nearest(("year",))
    cell = at.cell if at is not None else stray.positions.cell(("year",))
    other = filed(stray.unit, said.year)
    if other is not None:
        advice = msg("engine.set-aside-remove", unit=stray.unit, said=said.year, other=other)
    elif cell:
        advice = msg("engine.set-aside-correct-year-in-cell", said=said.year)
    else:
        advice = msg("engine.set-aside-correct-year", said=said.year)
    params = {
        "unit": stray.unit,
        "year": stray.year,
        "first": kept,
        "said": said.year,
        "part": said.part,
        "advice": advice,
    }
    return Problem(
        stray.file,
        line,
        column,
        "year",
        "set-aside-for-its-year",  # SET_ASIDE, written out: tests/test_messages.py reads a problem's code
        params,
        "warning",
        area="engine",
        cell=cell,
    )


def set_aside(warnings: Iterable[Problem]) -> dict[tuple[str, int], tuple[str, int]]:
    """Of ``warnings``, the reports set aside for another of their unit and year (``_set_aside``), as
    ``pathyear.elsewhere`` gives reports of another year: by (unit, the year its path says), its file and
    year. The year its path says names it beside its unit."""
    return {
        (str(w.params["unit"]), cast(int, w.params["said"])): (w.file, cast(int, w.params["year"]))
        for w in warnings
        if w.code == SET_ASIDE
    }


def report_contents(report: ReportFile) -> bytes:
    """What two files of one unit and year are compared by: the report as loaded, its keys in order (a
    workbook and the YAML it was converted from hold the same report, read in another order)."""
    import json

    # CPython's own BLAKE2, not hashlib's door to it: importing hashlib loads OpenSSL's libcrypto, 3.7 MiB
    # of a bulk run's peak (whose main process digests the files of a unit and year it reads again)
    from _blake2 import blake2b

    try:
        text = json.dumps(report.data, sort_keys=True, ensure_ascii=False, default=repr)
    except (TypeError, ValueError):  # keys of more than one type: as they are, in their order
        text = repr(report.data)
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _same_report(copy: ReportFile, first: str) -> Problem:
    """A warning at a copy holding the same report as ``first``, which is scored in its place."""
    line, column = copy.positions.nearest(("unit", "name"))
    params = {"unit": copy.unit, "year": copy.year, "first": first}
    cell = copy.positions.cell(("unit", "name"))
    return Problem(
        copy.file, line, column, "unit.name", "same-report", params, "warning", area="engine", cell=cell
    )


def _differing(report: ReportFile, group: Sequence[ReportFile]) -> InvalidReport:
    """One of several files of one unit and year whose figures differ, refused, naming the others."""
    line, column = report.positions.nearest(("unit", "name"))
    others = Join(tuple(other.file for other in group if other is not report))
    params = {"unit": report.unit, "year": report.year, "others": others, "count": len(group)}
    cell = report.positions.cell(("unit", "name"))
    problem = Problem(
        report.file, line, column, "unit.name", "differing-reports", params, area="engine", cell=cell
    )
    return InvalidReport(report.file, (problem,), report.unit, report.year)


def refused_keys(invalid: Iterable[InvalidReport]) -> dict[tuple[str, int], str]:
    """By (unit, year), the first invalid report that plainly gives them. A valid report of the same unit
    and year is refused as its duplicate: scored, it would be the unit's figures only until the invalid
    one is put right, when the first by path would count instead; and nothing said there were two."""
    found: dict[tuple[str, int], str] = {}
    for bad in invalid:
        if bad.unit is not None and bad.year is not None:
            found.setdefault((bad.unit, bad.year), bad.file)
    return found


def duplicate(report: ReportFile, first: str) -> InvalidReport:
    """A valid report of the unit and year an invalid one gives too, refused (which figures would count once
    ``first``, the invalid one, is put right?)."""
    line, column = report.positions.nearest(("unit", "name"))
    problem = Problem(
        report.file,
        line,
        column,
        "unit.name",
        "duplicate-of-invalid",
        {"unit": report.unit, "year": report.year, "first": first},
        area="engine",
        cell=report.positions.cell(("unit", "name")),
    )
    return InvalidReport(report.file, (problem,), report.unit, report.year)
