"""What to run when a workbook cannot be opened at all: a command that works as written.

``not-a-workbook`` advised ``zhijiao-check template --format xlsx``, which fails (``--unit``, ``--year`` and
``-o`` are needed). The unit and year are taken from the file's name where it plainly gives them (江华 2024
报表.xlsx: 江华瑶族自治县, 2024), else they are left as words to replace. Excel's lock file (``~$江华 2024
报表.xlsx``, which Excel leaves beside a workbook while it is open) is no report: the workbook it locks is
named instead.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace

from zhijiao_check.problems import Problem
from zhijiao_check.shellwords import double_quotes_hold, shell_word
from zhijiao_check.unitnames import short_forms
from zhijiao_check.units import UnitRegistry
from zhijiao_check.wording import msg

LOCK_PREFIX = "~$"  # Excel's lock file: ~$ before the name of the workbook it has open


def is_lock_file(display: str, errors: Sequence[Problem]) -> bool:
    """Whether the file is Excel's lock file of a workbook it has open: named as Excel names one, and no
    workbook (``errors``: its reading's). A workbook a clerk named ``~$…`` is read as any other."""
    unreadable = [problem.code for problem in errors] == ["not-a-workbook"]
    return unreadable and os.path.basename(display).startswith(LOCK_PREFIX)


def lock_file_problem(display: str) -> Problem:
    """The lock file, told for what it is, with the workbook it locks to check instead: its command names
    that very workbook, quoted so that a shell reads back its name (``a$b.xlsx`` with no $b expanded)."""
    folder, name = os.path.split(display)
    real = os.path.join(folder, name[len(LOCK_PREFIX) :])
    params = {"real": real, "command": shell_word(real)}
    return Problem(display, None, None, "", "excel-lock-file", params, area="workbook")


def command_params(display: str, unit: str | None = None, year: int | None = None) -> dict[str, object]:
    """The parameters of ``not-a-workbook``'s command: the unit and year (words to replace where not known)
    and a new file beside the one refused, so that the template is not written over it."""
    folder, name = os.path.split(display)
    stem = os.path.join(folder, name.split(".", 1)[0] or name)
    # within double quotes a shell still reads $, `, \ and " (and bash's !; cmd's %): a name holding one
    # would run `id` or expand $HOME, so such a name gives way to a plain one, not quoted at all (in single
    # quotes cmd would not take it)
    plain = not double_quotes_hold(stem, any_shell=True)
    return {
        "unit": unit if unit is not None else msg("workbook.command-unit"),
        "year": str(year) if year is not None else msg("workbook.command-year"),
        "out": msg("workbook.command-output-plain") if plain else msg("workbook.command-output", stem=stem),
    }


def with_template_command(problem: Problem, units: UnitRegistry) -> Problem:
    """``not-a-workbook`` of a report, its command given the unit and year the file's name plainly gives;
    any other problem as it is."""
    from zhijiao_check.report.pathyear import path_year

    if problem.code != "not-a-workbook":
        return problem
    said = path_year(problem.file)
    year = said.year if said is not None else None
    stem = os.path.basename(problem.file).split(".", 1)[0]
    return replace(problem, params=command_params(problem.file, _unit_in_name(stem, units, year), year))


def _unit_in_name(stem: str, units: UnitRegistry, year: int | None) -> str | None:
    """The one unit whose name, or a short form of it (江华 for 江华瑶族自治县), the file's name holds;
    None when none or several do."""
    found = {
        unit.name
        for unit in (units.units_in(year) if year is not None else list(units))
        if any(form in stem for form in {unit.name, *short_forms(unit.name)})
    }
    return found.pop() if len(found) == 1 else None


__all__ = ["command_params", "is_lock_file", "lock_file_problem", "with_template_command"]
