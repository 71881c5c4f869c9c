"""Places in a text as the tool shows them (1-based line and column), and a problem located at one."""

from __future__ import annotations

from typing import Any

from zhijiao_check.located import Mark
from zhijiao_check.patterns import later
from zhijiao_check.problems import Problem

# What YAML counts as a line break (a file saved with CR only, as old Mac editors do, is read line by line
# too).
LINE_BREAK = later("\r\n|[\r\n\x85\u2028\u2029]")


def line_column(before: str) -> Mark:
    """The 1-based (line, column) just after the text ``before``, lines counted as YAML counts them."""
    breaks = list(LINE_BREAK.finditer(before))
    start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, len(before) - start + 1


def node_mark(node: Any) -> Mark:
    """Where a libyaml node or event starts."""
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def marked_problem(display: str, where: Mark | None, code: str, **params: object) -> Problem:
    line, column = where if where else (None, None)
    return Problem(display, line, column, "", code, params)
