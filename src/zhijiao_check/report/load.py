"""A report file read, parsed and validated (format v1: YAML, JSON or an Excel workbook): ``load_report``,
whose answer is a value whatever the file holds, a valid report or the problems that refuse it, errors
before warnings (``_ordered``).

Light to import (the command line starts fast): Pydantic and PyYAML are imported only when a report is
loaded.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from zhijiao_check.files import display_name, gb18030_name, is_stdin, is_utf8
from zhijiao_check.problems import Problem
from zhijiao_check.report import written
from zhijiao_check.report.loaded import InvalidReport, ReportFile
from zhijiao_check.report.pathyear import year_warnings
from zhijiao_check.source import (
    NOTEPAD_SUFFIXES,
    SAVE_AS_XLSX,
    WORKBOOK_SUFFIXES,
    Parsed,
    Positions,
    read_data,
)
from zhijiao_check.source.slips import CUT_SHORT

if TYPE_CHECKING:
    from zhijiao_check.units import UnitRegistry

# One sheet of a workbook saved as text: what a report is made of (its other sheets, its cells) is gone.
TABLE_TEXT_SUFFIXES = (".csv", ".tsv")
# Listing every problem of a hopeless file helps nobody; the rest is counted in one last problem.
MAX_PROBLEMS = 100


def load_report(path: Path, units: UnitRegistry, display: str | None = None) -> ReportFile | InvalidReport:
    """Read, parse and validate one report. Whatever the file holds, the answer is a value,
    never an exception.
    """
    checks = _checks()
    file = display if display is not None else display_name(path)
    stdin = is_stdin(path)
    warnings = _name_warnings(path, file, stdin)
    suffix = path.suffix.lower()
    # a results workbook is told apart by its reader, which has its sheets' names without a second look; the
    # CSV the tool writes is its result, not a report saved as CSV
    if suffix not in WORKBOOK_SUFFIXES and not stdin and written.is_written(path):
        return InvalidReport(file, (Problem(file, None, None, "", "written-by-the-tool", {}),))
    if suffix in TABLE_TEXT_SUFFIXES and not stdin:
        # the whole file is the problem: its name alone, no line and column (docs/excel.md)
        whole = Problem(file, None, None, "", "table-text-file", {"suffix": path.suffix})
        return InvalidReport(file, (whole,))
    if suffix in SAVE_AS_XLSX and not stdin:
        # told by its name, its bytes saying the wrong thing (``source.SAVE_AS_XLSX``); a Numbers package is a
        # folder, nothing to read
        whole = Problem(file, None, None, "", "other-spreadsheet", {"suffix": path.suffix})
        return InvalidReport(file, _ordered([whole], warnings))
    if suffix in WORKBOOK_SUFFIXES:
        return _load_workbook(path, units, file, warnings)
    parsed, encoding = read_data(path, file, partial=True)
    if encoding == "gb18030":
        warnings.append(Problem(file, 1, 1, "", "encoding-gb18030", {"encoding": "GB18030"}, "warning"))
    if isinstance(parsed, list):
        return InvalidReport(file, _ordered(parsed, warnings))
    if is_a_roster(parsed.data):
        # A roster named among the reports (``reports/2025/*.yaml``) was told of an unknown field ``units``:
        # say what the file is, at the key that tells it.
        line, column = parsed.positions.keys.get(("units",), (1, 1))
        return InvalidReport(
            file, _ordered([Problem(file, line, column, "", "roster-not-report", {})], warnings)
        )
    warnings += checks.code_taken_as_text(parsed, file)  # before the checks, which meet it as text
    errors = checks.validate(parsed, units, file)
    warnings += checks.report_warnings(parsed.data, parsed.positions, file)
    if errors:  # the year an invalid report plainly gives is held against its path's too, beside its errors
        unit, year = said_unit_and_year(parsed.data, units)
        warnings += _year_warnings(file, year, parsed.positions)
        return InvalidReport(file, _ordered(errors, warnings), unit, year)
    warnings += _year_warnings(file, parsed.data["year"], parsed.positions)
    given = checks.as_called_now(parsed.data, units)
    return ReportFile(file, parsed.data, parsed.positions, _ordered([], warnings), given)


class _Checks(NamedTuple):
    """What a report read goes through, imported at the first report loaded, not with this module (the
    command line starts fast), and then held: an import statement in a function asks the module for a
    ``__path__`` it lacks each time it runs, and four of them a report were 0.3% of a bulk run."""

    validate: Callable[[Parsed, UnitRegistry, str], list[Problem]]
    report_warnings: Callable[[dict[str, Any], Positions, str], list[Problem]]
    code_taken_as_text: Callable[[Parsed, str], list[Problem]]
    as_called_now: Callable[[dict[str, Any], UnitRegistry], dict[str, Any] | None]


@functools.cache
def _checks() -> _Checks:
    from zhijiao_check.report.consistency import report_warnings
    from zhijiao_check.report.identity import as_called_now
    from zhijiao_check.report.unitcode import code_taken_as_text
    from zhijiao_check.report.validate import validate

    return _Checks(validate, report_warnings, code_taken_as_text, as_called_now)


def _load_workbook(
    path: Path, units: UnitRegistry, file: str, warnings: list[Problem]
) -> ReportFile | InvalidReport:
    """A workbook is a second syntax for the same report: the same validation and warnings follow."""
    from zhijiao_check.report.consistency import report_warnings
    from zhijiao_check.report.identity import as_called_now
    from zhijiao_check.report.unitcode import code_taken_as_text
    from zhijiao_check.report.validate import validate
    from zhijiao_check.report.workbook.advice import is_lock_file, lock_file_problem, with_template_command
    from zhijiao_check.report.workbook.layout import ENTRY_SHEETS
    from zhijiao_check.report.workbook.read import read_workbook

    read = read_workbook(path, file)
    warnings = [*warnings, *read.warnings]
    if read.parsed is None and is_lock_file(file, read.errors) and not is_stdin(path):
        # Excel's ~$ lock file, named on the command line: a workbook a clerk named ~$… is read as any other
        return InvalidReport(file, _ordered([lock_file_problem(file)], warnings))
    if read.parsed is None:
        errors = [with_template_command(problem, units) for problem in read.errors]
        return InvalidReport(file, _ordered(errors, warnings))
    warnings += code_taken_as_text(read.parsed, file)  # before the checks, which meet it as text
    errors = validate(read.parsed, units, file)
    sums = report_warnings(read.parsed.data, read.parsed.positions, file)
    # the majors read are a part of those given: their sum says nothing
    if ENTRY_SHEETS[("schools", "majors")] in read.unread:
        sums = [problem for problem in sums if problem.code != "majors-sum-differs"]
    warnings += sums
    if errors:  # the year an invalid report plainly gives is held against its path's too, beside its errors
        unit, year = said_unit_and_year(read.parsed.data, units)
        warnings += _year_warnings(file, year, read.parsed.positions)
        return InvalidReport(file, _ordered(errors, warnings), unit, year)
    warnings += _year_warnings(file, read.parsed.data["year"], read.parsed.positions)
    given = as_called_now(read.parsed.data, units)
    return ReportFile(file, read.parsed.data, read.parsed.positions, _ordered([], warnings), given)


def is_a_roster(data: object) -> bool:
    """Whether ``data`` is a roster's (``report.roster``: ``units`` a mapping of units to their schools,
    beside it at most ``year``), not a report's: a report has ``unit``, and never ``units``."""
    if not isinstance(data, dict) or not isinstance(data.get("units"), dict):
        return False  # every report: the roster's module (and its search for close names) is not loaded
    from zhijiao_check.report.roster import KEYS

    return set(data) <= set(KEYS)


def _year_warnings(file: str, year: int | None, positions: Positions) -> list[Problem]:
    """A report's year (a valid report's, or the plain year an invalid one gives: ``said_unit_and_year``)
    against the year its path says (``pathyear``), at its ``year``."""
    return year_warnings(file, year, positions.nearest(("year",)), positions.cell(("year",)))


def said_unit_and_year(data: object, units: UnitRegistry) -> tuple[str | None, int | None]:
    """The unit and year an invalid report gives, each where it is plainly one: a name of the unit list, a
    whole number in the years a report may have (else None: a guess would name the wrong unit or year)."""
    from zhijiao_check.report.scalars import REPORT_YEARS  # already imported: the report was validated
    from zhijiao_check.units import Renamed, Unit

    unit = data.get("unit") if isinstance(data, dict) else None
    name = unit.get("name") if isinstance(unit, dict) else None
    year = data.get("year") if isinstance(data, dict) else None
    plain = type(year) is int and REPORT_YEARS[0] <= year <= REPORT_YEARS[1]
    # a former name in a year before the renaming is its unit's, as a valid report's is (``as_called_now``)
    known = units.unit_in(name, year if plain else None) if isinstance(name, str) else None
    said = known.name if known is not None else None
    change = units.change(name, year if plain else None) if said is None and isinstance(name, str) else None
    if isinstance(change, Renamed):
        # A former name after its renaming is refused, but the report is still its unit's: left to no unit,
        # the unit was said to have filed nothing (缺少单位, 未提交) beside its refused report. Not so for a
        # merged unit (or one renamed and merged since): its report is not the absorbing unit's.
        said = units.current_name(change.new)
    elif isinstance(change, Unit):
        said = change.name  # a unit's report of a year before it was created: plainly the unit's
    return said, (year if plain else None)


def _name_warnings(path: Path, file: str, stdin: bool) -> list[Problem]:
    """A file name that is not UTF-8, or ends in a ``.txt`` Notepad added, is read all the same (its report
    is what matters), with a warning. ``stdin``: whether ``path`` is standard input."""
    if path.name.lower().endswith(NOTEPAD_SUFFIXES):
        return [Problem(file, None, None, "", "file-name-txt", {"name": path.name[:-4]}, "warning")]
    if stdin or is_utf8(os.fspath(path)):
        return []
    gbk = gb18030_name(path.name)
    if gbk is not None:
        return [Problem(file, None, None, "", "file-name-gbk", {"name": gbk}, "warning")]
    return [Problem(file, None, None, "", "file-name-not-utf8", {}, "warning")]


def _ordered(errors: list[Problem], warnings: list[Problem]) -> tuple[Problem, ...]:
    """Errors in file order, then warnings in file order, at most ``MAX_PROBLEMS`` and a count of the rest."""

    def by_place(problem: Problem) -> tuple[int, int]:
        return problem.line or 0, problem.column or 0

    problems = sorted(errors, key=by_place) + sorted(warnings, key=by_place)
    if len(problems) <= MAX_PROBLEMS:
        return tuple(problems)
    first_left, rest = problems[MAX_PROBLEMS], problems[MAX_PROBLEMS:]
    # Past a line of hundreds of slips nothing more was sought (``CUT_SHORT``): the count is a lower bound.
    cut = any(p.code == CUT_SHORT for p in rest)
    count = sum(
        int(str(p.params["count"])) if p.code == "too-many-problems" else p.code != CUT_SHORT for p in rest
    )
    more = Problem(
        first_left.file,
        first_left.line,
        first_left.column,
        "",
        "too-many-problems-at-least" if cut else "too-many-problems",
        {"count": count},
        "error" if any(problem.severity == "error" for problem in rest) else "warning",
        cell=first_left.cell,
    )
    return (*problems[:MAX_PROBLEMS], more)
