"""Where a rule pack's problem is: a rule as its file writes it (``Placed``), and a problem said of a pack's
file (``pack_problem``), for the loader (``pack.load``) and the checks against the policy text and
``pack.yaml`` (``pack.crosschecks``)."""

from __future__ import annotations

from zhijiao_check.located import typed_word, walk
from zhijiao_check.problems import Problem, format_path
from zhijiao_check.records import record
from zhijiao_check.source import Parsed


@record
class Placed:
    """Where a rule is written: its file (as shown), the file as read (its positions, and its text to quote a
    value as typed: ``typed``), its index in ``rules``, its ID."""

    file: str
    parsed: Parsed
    index: int
    rule: str

    def at(self, *path: str | int) -> tuple[int, int]:
        return self.parsed.positions.nearest(("rules", self.index, *path))

    def as_written(self, path: tuple[str | int, ...]) -> tuple[str | int, ...]:
        """A model path as the file writes it: a sum given short (``of: seats``) has no ``field`` key."""
        node, depth = walk(self.parsed.data["rules"][self.index], path)
        return path[:depth] if depth < len(path) and isinstance(node, str) else path

    def typed(self, path: tuple[str | int, ...]) -> str | None:
        """The rule's value at the model path ``path`` as its file typed it, when YAML read it as yes or no
        (``off``)."""
        path = self.as_written(path)
        value, depth = walk(self.parsed.data["rules"][self.index], path)
        if depth < len(path) or not isinstance(value, bool):
            return None
        return typed_word(value, self.parsed.text, self.parsed.positions.value(("rules", self.index, *path)))

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
