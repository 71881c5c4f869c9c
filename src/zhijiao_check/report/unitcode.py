"""A unit's 行政区划代码 (``unit.code``) written as a number instead of text.

The format writes the code as text (``code: "431103"``), but says nothing that makes a number wrong, and a
clerk types ``code: 431103`` (or a workbook's cell stores it as a number) as often as not. A number of six
digits loses nothing: it is taken as its text, with a warning at its place that says to write it as text.
A number of any other length is refused by the field's check (``scalars.division_code``), with the reason:
a number keeps no leading zero, so the code meant cannot be read from it. A number YAML reads in another
base because of its leading zero (``043110``, octal) is refused as before, but said as a code's problem:
quote it, not "write a plain decimal number".
"""

from __future__ import annotations

import dataclasses

from zhijiao_check.located import LongNumber, WrittenWhole
from zhijiao_check.patterns import later
from zhijiao_check.problems import Problem, format_path
from zhijiao_check.report.raw import problem_at
from zhijiao_check.report.scalars import CODE_DIGITS
from zhijiao_check.source import Parsed

CODE_PATH = ("unit", "code")
_SHOWN_PATH = format_path(CODE_PATH)
# Digits with a leading zero, as YAML 1.1 reads them as an octal number (``043110``)
_LEADING_ZERO = later(r"[-+]?0\d+")


def code_taken_as_text(parsed: Parsed, file: str) -> list[Problem]:
    """The warning for a code written as a whole number of six digits, which from here on is its text in
    ``parsed.data`` (every check and view after reading meets the code as the format writes it); nothing for
    any other code."""
    unit = parsed.data.get("unit") if isinstance(parsed.data, dict) else None
    if not isinstance(unit, dict):
        return []
    code = unit.get("code")
    if (
        not isinstance(code, int)
        or isinstance(code, (bool, LongNumber, WrittenWhole))  # 4.31103e5 in JSON is no code's digits
        or not 10 ** (CODE_DIGITS - 1) <= code < 10**CODE_DIGITS  # six digits: none lost
    ):
        return []
    unit["code"] = str(code)
    return [
        problem_at(file, parsed.positions, CODE_PATH, "code-as-number", severity="warning", code=str(code))
    ]


def as_code_problem(problem: Problem) -> Problem:
    """The reader's ``number-notation`` problem of a code with a leading zero, said as a code's: a number
    keeps no leading zero, write the code in quotes. Any other problem as it is."""
    if problem.path != _SHOWN_PATH or problem.code != "number-notation":
        return problem
    written = str(problem.params.get("value", ""))
    if not _LEADING_ZERO.fullmatch(written):
        return problem
    params = {"found": written, "read": problem.params.get("read", ""), "write": f'"{written}"'}
    return dataclasses.replace(problem, code="code-number-leading-zero", params=params)
