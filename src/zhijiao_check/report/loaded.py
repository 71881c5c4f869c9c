"""A report as loaded: valid, with its data and where each value stands, or refused with its problems.

Apart from ``report.load``, which loads it, so that what reads a loaded report (the consistency warnings,
the roster) does not import the module that loads it, and that module it.
"""

from __future__ import annotations

from typing import Any

from zhijiao_check.problems import Problem
from zhijiao_check.records import record
from zhijiao_check.source import Positions


@record
class ReportFile:
    """A valid report."""

    file: str  # display path, as the user gave it
    data: dict[str, Any]  # the validated data, plain as loaded (absent fields absent)
    positions: Positions
    warnings: tuple[Problem, ...]  # non-blocking: GB18030 encoding, consistency
    # ``unit:`` as the report gives it where that is a former name of its unit (a year before the renaming):
    # ``data`` then says the unit as it is called now, its one name over the years (``report.identity``).
    written_unit: dict[str, Any] | None = None

    @property
    def unit(self) -> str:
        """The unit's name now: a former name the report gives is its unit's current one."""
        return str(self.data["unit"]["name"])

    @property
    def former(self) -> str | None:
        """The former name the report gives, if it gives one."""
        return None if self.written_unit is None else str(self.written_unit["name"])

    @property
    def kind(self) -> str:
        return str(self.data["unit"]["kind"])

    @property
    def year(self) -> int:
        return int(self.data["year"])


@record
class InvalidReport:
    """A report rejected as a whole, with all its problems: errors first, then warnings."""

    file: str
    problems: tuple[Problem, ...]
    # The unit (a name of the unit list) and the statistical year the report gives, where it gives them
    # plainly though it is invalid: the results workbook and CSV name the unit whose report was refused in
    # its year, instead of leaving it out of the year without a word.
    unit: str | None = None
    year: int | None = None
