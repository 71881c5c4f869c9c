"""Helpers of the report tests: the unit list, the fixture reports with edits, checking one problem."""

from __future__ import annotations

from pathlib import Path

import yaml

from zhijiao_check.i18n import Translator
from zhijiao_check.problems import Problem
from zhijiao_check.report import InvalidReport, ReportFile
from zhijiao_check.units import Renamed, Unit, UnitRegistry

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
COUNTY = FIXTURES / "lengshuitan-2023.yaml"
CITY = FIXTURES / "city-2023.yaml"
ZH, EN = Translator("zh"), Translator("en")


def read_units() -> UnitRegistry:
    """The shipped unit list, read directly until the pack loader (``zhijiao_check.pack.load``) is there."""
    data = yaml.safe_load((ROOT / "rules" / "yzf-2021-7" / "units.yaml").read_text(encoding="utf-8"))
    return UnitRegistry([Unit(**u) for u in data["units"]], [Renamed(**r) for r in data["renamed"]])


UNITS = read_units()


def county_text(*edits: tuple[str, str]) -> str:
    """The valid county report with each ``old`` text replaced (once) by ``new``."""
    text = COUNTY.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, f"fixture has no {old!r}"
        text = text.replace(old, new, 1)
    return text


def errors(result: ReportFile | InvalidReport) -> list[Problem]:
    assert isinstance(result, InvalidReport), "the report should have been rejected"
    return [p for p in result.problems if p.severity == "error"]


def only_error(result: ReportFile | InvalidReport) -> Problem:
    found = errors(result)
    assert len(found) == 1, [(p.code, p.where(), p.message(EN)) for p in found]
    return found[0]


def assert_problem(
    problem: Problem,
    code: str,
    line: int,
    column: int,
    path: str,
    zh: str | tuple[str, ...],
    en: str | tuple[str, ...],
) -> None:
    """The problem's code, place and field path,
    and parts that its Chinese and English messages must contain.
    """
    assert (problem.code, problem.line, problem.column, problem.path) == (code, line, column, path), problem
    for part in (zh,) if isinstance(zh, str) else zh:
        assert part in problem.message(ZH), problem.message(ZH)
    for part in (en,) if isinstance(en, str) else en:
        assert part in problem.message(EN), problem.message(EN)
