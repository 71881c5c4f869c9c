"""Reading the loaded data of a report that may be invalid, and locating problems in it.

The checks across fields run even when the models reject the report, so that every problem is listed at
once; they read the plain data and skip any value of the wrong type (the models already report it).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from zhijiao_check.located import TinyNumber
from zhijiao_check.problems import Problem, Severity, format_path
from zhijiao_check.report.scalars import MAXIMUM
from zhijiao_check.source import Path_, Positions

_MOST_COUNT = MAXIMUM["count"]
_MOST_AMOUNT = max(MAXIMUM.values())


def mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def entries(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    """The mappings of a list with their indexes; anything else in the list is skipped."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def count(value: Any) -> int | None:
    """A valid whole number ≥ 0, else ``None`` (a wrong value must not also fail a comparison). Above a
    count's bound it is wrong too (``too-large``): a sum of counts then stays far within a float."""
    valid = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= _MOST_COUNT
    return value if valid else None


def number(value: Any) -> int | float | None:
    """A valid number ≥ 0 and within the largest bound of any amount, else ``None`` (``1e-400``, read as 0.0,
    is none: its field's check refuses it)."""
    valid = (
        isinstance(value, (int, float))
        and not isinstance(value, (bool, TinyNumber))
        and 0 <= value <= _MOST_AMOUNT
    )
    return value if valid else None


def name(value: Any) -> str | None:
    """A name as compared for duplicates: trailing spaces do not make two schools different."""
    if not isinstance(value, str):
        return None
    stripped = value.strip()  # once (a comparison with the year before names each school and major)
    return stripped or None


def problem_at(
    file: str,
    positions: Positions,
    path: Path_,
    code: str,
    /,  # so that a parameter of the message may be called ``code`` or ``file`` too
    *,
    severity: Severity = "error",
    at_key: bool = False,
    **params: object,
) -> Problem:
    """A problem at the value of ``path`` (or at its key, for a field that should not be there)."""
    where = (positions.key(path) if at_key else None) or positions.nearest(path)
    return Problem(file, *where, format_path(path), code, params, severity, cell=positions.cell(path))


def label_of(positions: Positions, path: Path_) -> str:
    """The label a workbook shows for the field at ``path`` (``专业课教师``, ``高中阶段招生 · 中职招生``), for
    a message that names one field beside another in a workbook (its ``-in-cell`` wording); its path in a
    text report, or when the workbook has no place for it. Only a workbook's (whose reader placed cells)
    loads the template's layout, which builds the report's Pydantic model: a text report's warning imported
    it, and a 10,000-report run peaked 8 MiB higher."""
    if not positions.cells:
        return format_path(path)
    from zhijiao_check.report.workbook.layout import column_at

    column = column_at(path)
    return column.header if column is not None else format_path(path)


def cell_of(positions: Positions, path: Path_) -> str:
    """The cell of the field at ``path`` in a workbook, without its header (``学校!I3``); empty in a text
    file."""
    return positions.cell(path).partition("（")[0]


def line_of(positions: Positions, path: Path_) -> int:
    return positions.nearest(path)[0]
