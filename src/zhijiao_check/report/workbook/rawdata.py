"""A cell's value as the raw data a YAML report would give (labels to values, 是/否 to true/false, 无 to
``[]``, 3120.0 to 3120), and where in that data a field's value goes.

What a cell holds that no YAML report could (a number past the largest a spreadsheet holds) is named here
too, for the reader (``cellreader``) to say at its cell.
"""

from __future__ import annotations

import datetime
import math
import sys
from typing import Any

from zhijiao_check.located import TinyNumber
from zhijiao_check.report.workbook.layout import NO, NONE_WORD, YES, Column, split_list
from zhijiao_check.report.workbook.shown import noiseless
from zhijiao_check.wording import Wording, msg

# A blank cell: no value at all, where None is a value (a formula's error, read as YAML's ``null``).
ABSENT = object()
_LARGEST = int(sys.float_info.max)


def convert(column: Column, value: Any) -> Any:
    """A cell's value as the report's raw value: labels to values, 是/否 to true/false, 无 to []."""
    if isinstance(value, str) and not value.strip():
        return ABSENT  # a cell of spaces looks blank, and is
    if isinstance(value, datetime.time | datetime.timedelta):
        value = str(value)
    kind = column.kind
    if kind == "text":
        return value  # as typed: spaces are part of a name, as in YAML
    if isinstance(value, str):
        value = value.strip()
    if kind in ("whole", "year", "number", "version"):
        if isinstance(value, TinyNumber):
            return value  # not 0, though it stands as 0.0: refused at its field (``number-too-small``)
        if isinstance(value, float) and math.isfinite(value):
            value = noiseless(value)
            if value.is_integer():
                return int(value)  # a spreadsheet stores every number as a float: 3120.0 is 3120
        return value
    if kind == "choice" and isinstance(value, str):
        for key, label in column.choices:
            if value in (key, label):
                return key
        return value
    if kind in ("flag", "designation"):
        if value in (YES, NO):
            return value == YES
        return value
    if kind == "list":
        if value == NONE_WORD:
            return []
        return split_list(value) if isinstance(value, str) else [value]
    if kind == "marker":
        return [] if value == NONE_WORD else value
    return value


def beyond_excel(value: Any) -> Wording | None:
    """A number no cell of Excel holds (past 1.8e308, the largest a spreadsheet's number can be), written
    into the file by a program: the digits it starts with and their count; None for any other value. Read
    on, it broke every sum and comparison made in floating point."""
    if type(value) is float:
        return None if math.isfinite(value) else msg("workbook.number-infinite")
    if type(value) is not int or -_LARGEST <= value <= _LARGEST:  # (a bool is an int too, and no number)
        return None
    digits = str(abs(value))
    return msg("workbook.number-digits", sign="-" if value < 0 else "", head=digits[:12], count=len(digits))


def put(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    """``value`` at ``path`` in ``data``, making the mappings on the way (``("unit", "name")``)."""
    for part in path[:-1]:
        data = data.setdefault(part, {})
    data[path[-1]] = value


__all__ = ["ABSENT", "beyond_excel", "convert", "put"]
