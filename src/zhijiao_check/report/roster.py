"""``--roster FILE``: the bureau's own list of schools per unit, held against what each unit reports.

A school on the roster that the unit's report does not list is an error in that report (the report is not
scored: a county that leaves out a school must not score as if it had none). The file::

    year: 2023          # optional: the roster holds for the reports of this year only (else for every year)
    units:
      东安县:
        - 东安县职业中等专业学校
        - 东安县舜德职业学校

It is read through the same entry point as the reports (``source.read_data``), so any text format a report
can be written in, a roster can be too; as a workbook, it is a table of 单位 and 学校名称
(``report.workbook.roster``). A file of any other name is refused by its suffix before it is read: a roster
saved as CSV (``名册.csv``) was read as YAML and told to begin with ``schema_version``, a report's field.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zhijiao_check.errors import FatalError
from zhijiao_check.files import display_name
from zhijiao_check.problems import Problem, format_path, said_of
from zhijiao_check.records import record
from zhijiao_check.report.nearnames import near_names
from zhijiao_check.report.raw import entries, line_of, name, problem_at
from zhijiao_check.source import (
    NOTEPAD_SUFFIXES,
    TEXT_SUFFIXES,
    WORKBOOK_SUFFIXES,
    Positions,
    read_data,
)
from zhijiao_check.units import Merged, Renamed, Unit
from zhijiao_check.wording import Join

if TYPE_CHECKING:
    from zhijiao_check.report.loaded import InvalidReport, ReportFile
    from zhijiao_check.units import UnitRegistry
    from zhijiao_check.wording import Wording

KEYS = ("year", "units")
# What a roster may be named: a report's text formats (Notepad's ``.yaml.txt`` too) and a workbook.
SUFFIXES = (*TEXT_SUFFIXES, *NOTEPAD_SUFFIXES, *WORKBOOK_SUFFIXES)


@record
class RosterSchool:
    name: str
    where: str  # its line in a YAML or JSON roster (``12``), its cell in a workbook (``名册!B5``)


@record
class Roster:
    file: str
    year: int | None
    schools: dict[str, tuple[RosterSchool, ...]]  # unit name -> its schools, in the roster's order
    # a unit named by its former name (a roster of a year before the renaming), said as a report's is
    notices: tuple[Wording, ...] = ()
    # unit name -> where the roster first lists it (``roster.yaml:3``, ``名册.xlsx 名册!A5``): a unit on the
    # roster is one that must file (``expects``)
    listed_at: tuple[tuple[str, str], ...] = ()

    def expects(self, unit: str, year: int) -> str | None:
        """Where the roster lists ``unit`` as one that must file for ``year``, or None: a roster of another
        year, or one that does not list it, expects nothing of it."""
        if self.year is not None and self.year != year:
            return None
        return next((where for name, where in self.listed_at if name == unit), None)


def load_roster(path: Path, units: UnitRegistry) -> Roster:
    """The roster, or a FatalError (exit 2) listing every problem of the file at its line."""
    file = display_name(path)
    # a folder, a path that is not there, a name without a suffix: reading it says what is wrong
    if path.suffix and not path.name.lower().endswith(SUFFIXES) and path.is_file():
        raise FatalError(
            "invalid-roster",
            [Problem(file, 1, 1, "", "not-a-roster-file", {"suffix": path.suffix}, area="roster")],
            file=file,
        )
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        problems, roster = _read_workbook(path, file, units)
    else:
        parsed, _ = read_data(path, file)
        if isinstance(parsed, list):
            raise FatalError("invalid-roster", said_of(parsed, "roster"), file=file)
        problems, roster = _read(parsed.data, parsed.positions, file, units)
    if problems:
        raise FatalError("invalid-roster", said_of(problems, "roster"), file=file)
    return roster


def _read(data: Any, positions: Positions, file: str, units: UnitRegistry) -> tuple[list[Problem], Roster]:
    def problem(path: tuple[str | int, ...], code: str, at_key: bool = False, **params: object) -> Problem:
        where = (positions.key(path) if at_key else None) or positions.nearest(path)
        return Problem(file, *where, format_path(path), code, params, area="roster")

    if not isinstance(data, dict):
        return [problem((), "not-a-mapping")], Roster(file, None, {})
    problems = [
        problem((key,), "unknown-key", True, key=key, keys=Join(KEYS)) for key in data if key not in KEYS
    ]
    year = data.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100):
        problems.append(problem(("year",), "bad-year", value=year))
    listed = data.get("units")
    if not isinstance(listed, dict) or not listed:
        problems.append(problem(("units",), "no-units"))
        listed = {}
    year = year if type(year) is int else None  # a year that is none is told above
    schools: dict[str, tuple[RosterSchool, ...]] = {}
    listed_at: dict[str, str] = {}
    notices: list[Wording] = []
    for unit, names in listed.items():
        found = _unit(str(unit), year, units)
        if not isinstance(found, Unit):
            problems.append(problem(("units", unit), found[0], True, **found[1]))
            continue
        if not isinstance(names, list) or not all(name(n) for n in names):
            problems.append(problem(("units", unit), "bad-list", unit=unit))
            continue
        notices += _former_name(str(unit), found, year, units, file)
        at = positions.key(("units", unit)) or positions.nearest(("units", unit))
        listed_at.setdefault(found.name, f"{file}:{at[0]}")
        schools[found.name] = schools.get(found.name, ()) + tuple(
            RosterSchool(str(name(n)), str(line_of(positions, ("units", unit, index))))
            for index, n in enumerate(names)
        )
    problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    return problems, Roster(file, year, schools, tuple(dict.fromkeys(notices)), tuple(listed_at.items()))


def _read_workbook(path: Path, file: str, units: UnitRegistry) -> tuple[list[Problem], Roster]:
    """A roster kept as a workbook (``report.workbook.roster``), each row's unit checked as in YAML."""
    from zhijiao_check.report.workbook.roster import read_roster_workbook

    table = read_roster_workbook(path, file)
    problems = list(table.problems)
    schools: dict[str, list[RosterSchool]] = {}
    listed_at: dict[str, str] = {}
    notices: list[Wording] = []
    for row in table.rows:
        unit = _unit(row.unit, table.year, units)
        if not isinstance(unit, Unit):
            where = (row.row, row.unit_column)
            problems.append(Problem(file, *where, "", *unit, area="roster", cell=row.unit_cell))
            continue
        notices += _former_name(row.unit, unit, table.year, units, file)
        schools.setdefault(unit.name, []).append(RosterSchool(row.school, row.cell))
        listed_at.setdefault(unit.name, f"{file} {row.unit_cell}")
    if not table.rows and not problems:
        problems.append(Problem(file, 1, 1, "", "no-units", {}, area="roster"))
    problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    listed = {unit: tuple(listed) for unit, listed in schools.items()}
    return problems, Roster(file, table.year, listed, tuple(dict.fromkeys(notices)), tuple(listed_at.items()))


def _unit(given: str, year: int | None, units: UnitRegistry) -> Unit | tuple[str, dict[str, object]]:
    """The unit a roster's unit names, or the code and params of the problem with it. A roster of a year
    takes its unit as a report of that year does (``UnitRegistry.unit_in``: a former name before the
    renaming, a merged unit before the merger, a unit from the year it was created); one without a year
    holds for every year, so only the names of the unit list. A former name, merged unit or unit not yet
    created not taken is told so, with the name or year to write
    (``UnitRegistry.change``); any other, with the nearest name where one is near, else the units there are
    (no "did you mean —?")."""
    unit = units.get(given) if year is None else units.unit_in(given, year)
    if unit is not None:
        return unit
    change = units.change(given, year)
    if isinstance(change, Unit):
        return "unit-not-yet", {"unit": given, "since": change.since}
    if isinstance(change, Merged):
        return "unit-merged", {"unit": given, **units.merger(change, year)}
    if change is not None:
        return "unit-renamed", {"unit": given, "new": units.current_name(change.new), "year": change.year}
    suggestion = units.suggest(given)
    if suggestion:
        return "unknown-unit", {"unit": given, "suggestion": suggestion}
    return "unknown-unit-no-match", {"unit": given, "known": Join(tuple(known.name for known in units))}


def _former_name(given: str, unit: Unit, year: int | None, units: UnitRegistry, file: str) -> list[Wording]:
    """A notice when the roster gives a unit's former name, as a report's notice says it
    (``engine.former-name``)."""
    from zhijiao_check.wording import msg

    renamed = units.change(given, year) if given != unit.name else None
    if not isinstance(renamed, Renamed):
        return []
    return [msg("cli.roster-former-name", file=file, former=given, name=unit.name, year=renamed.year)]


def missing_schools(report: ReportFile, roster: Roster) -> list[Problem]:
    """An error for each school on the roster for the report's unit
    (and year) that the report does not list.
    """
    if roster.year is not None and roster.year != report.year:
        return []
    listed = {name(school.get("name")): index for index, school in entries(report.data.get("schools"))}
    on_roster = roster.schools.get(report.unit, ())
    named_on_roster = {school.name for school in on_roster}
    off_roster = [n for n in listed if n and n not in named_on_roster]
    absent = [school for school in on_roster if school.name not in listed]
    closest = near_names((school.name for school in absent), off_roster)
    problems = []
    for school in absent:
        close = [closest[school.name]] if school.name in closest else []
        params: dict[str, Any] = {
            "school": school.name,
            "roster": roster.file,
            "roster_line": school.where,
        }
        at: tuple[str | int, ...] = ("schools",)
        code = "roster-school-absent"
        if close:  # a school of the report with a near name: most likely the same school, named otherwise
            named = ("schools", listed[close[0]], "name")
            code = "roster-school-similar"
            params |= {"similar": close[0], "line": line_of(report.positions, named)}
            if report.positions.cells:  # a workbook: at that school's cell, which the message points to
                at = named
        problems.append(problem_at(report.file, report.positions, at, code, at_key=True, **params))
    return problems


def apply_roster(
    valid: Sequence[ReportFile],
    invalid: Sequence[InvalidReport],
    roster: Roster,
) -> tuple[list[ReportFile], list[InvalidReport]]:
    """Reports missing a school of the roster become invalid, with all their problems (and their warnings)."""
    from zhijiao_check.report.loaded import InvalidReport

    kept: list[ReportFile] = []
    refused = list(invalid)
    for report in valid:
        errors = missing_schools(report, roster)
        if errors:
            refused.append(InvalidReport(report.file, (*errors, *report.warnings), report.unit, report.year))
        else:
            kept.append(report)
    return kept, refused
