"""A waiver as a result holds it: the target a unit is excused from, for a year or until a date, the reason
and who approved it, and where the waivers file says so (``settings/waivers.py`` reads the file and applies
the waivers to a run)."""

from __future__ import annotations

from datetime import date
from typing import Any

from zhijiao_check.problems import Problem
from zhijiao_check.records import record


@record
class Waiver:
    rule: str
    unit: str  # the unit's name (a code in the file is turned into its name), or 全市
    reason: str
    approved_by: str
    document: str
    year: int | None
    expires: date | None
    file: str
    line: int
    column: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "reason": self.reason,
            "approved_by": self.approved_by,
            "document": self.document,
            "year": self.year,
            "expires": self.expires.isoformat() if self.expires else None,
            "file": self.file,
            "line": self.line,
        }

    def matches(self, rule: str, unit: str, year: int) -> bool:
        return rule == self.rule and unit == self.unit and self.year in (None, year)

    def problem(self, code: str, **params: object) -> Problem:
        return Problem(
            self.file,
            self.line,
            self.column,
            "",
            code,
            {"rule": self.rule, "unit": self.unit, **params},
            severity="warning",
            area="settings",
        )
