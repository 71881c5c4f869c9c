"""Where a rule pack's problem is: a rule as its file writes it (``Placed``), and a problem said of a pack's
file (``pack_problem``), for the loader (``pack.load``) and the checks against the policy text and
``pack.yaml`` (``pack.crosschecks``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from zhijiao_check import patterns
from zhijiao_check.located import walk
from zhijiao_check.problems import Problem, format_path
from zhijiao_check.records import record
from zhijiao_check.source import Parsed


@record
class Placed:
    """Where a rule is written: its file (as shown), the file's positions, its index in ``rules``, its ID;
    ``path``: the file, read again to quote a value as typed (``typed``)."""

    file: str
    parsed: Parsed
    index: int
    rule: str
    path: Path | None = None

    def at(self, *path: str | int) -> tuple[int, int]:
        return self.parsed.positions.nearest(("rules", self.index, *path))

    def as_written(self, path: tuple[str | int, ...]) -> tuple[str | int, ...]:
        """A model path as the file writes it: a sum given short (``of: seats``) has no ``field`` key."""
        node, depth = walk(self.parsed.data["rules"][self.index], path)
        return path[:depth] if depth < len(path) and isinstance(node, str) else path

    def typed(self, path: tuple[str | int, ...]) -> str | None:
        """The rule's value at ``path`` as its file typed it, when YAML read it as yes or no (``off``)."""
        value, depth = walk(self.parsed.data["rules"][self.index], path)
        if depth < len(path) or not isinstance(value, bool) or self.path is None:
            return None
        return typed_word(
            value, source_text(self.path), self.parsed.positions.value(("rules", self.index, *path))
        )

    def problem(self, key: str | tuple[str | int, ...], code: str, /, **params: object) -> Problem:
        """A problem at the rule's ``key`` (a key of the rule, or a path into it), its field path
        ``<rule id>.<key>``."""
        path = (key,) if isinstance(key, str) else key
        return pack_problem(self.file, self.at(*path), f"{self.rule}.{format_path(path)}", code, **params)


def pack_problem(
    file: str, where: tuple[int, int] | None, path: str, code: str, /, **params: object
) -> Problem:
    line, column = where if where else (None, None)
    return Problem(file, line, column, path, code, params, area="pack")


def source_text(path: Path) -> str:
    """The text of a pack's file, read again to quote a value as it was typed: only for a problem's message,
    of a file read a moment ago (empty if it cannot be read now)."""
    from zhijiao_check.files import display_name
    from zhijiao_check.source import read_text

    decoded = read_text(path, display_name(path))
    return "" if isinstance(decoded, Problem) else decoded.text


def typed_word(value: Any, source: str, mark: tuple[int, int] | None) -> str | None:
    """A yes/no value as the file typed it: YAML 1.1 reads ``off``, ``no``, ``on``, ``yes`` (and ``Off``, …)
    as false or true, and ``severity 写了 false`` named a word the author never wrote. None when it cannot be
    told (not a yes/no value, or no text to read it from)."""
    if not isinstance(value, bool) or not source or mark is None:
        return None
    lines = source.splitlines()
    line, column = mark
    if not 0 < line <= len(lines):
        return None
    word = _WORD.match(lines[line - 1], column - 1)
    return word.group() if word else None


# A plain scalar that YAML reads as a yes/no value: a word of letters (``off``, ``True``)
_WORD = patterns.later(r"[A-Za-z]+")
