"""Reading a ``.json`` report as JSON, with the position of every value.

JSON is nearly YAML, but not quite: read as YAML, ``1.05e4`` is text and a duplicate key is a YAML matter.
This reader follows JSON (RFC 8259): numbers in any JSON notation, strings with JSON escapes, no comments,
``NaN`` and ``Infinity`` refused, duplicate keys refused, each problem at JSON's line:column. It gives the
same ``Parsed`` as the YAML reader, so everything after it is shared.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from decimal import Decimal
from json.decoder import scanstring  # type: ignore[attr-defined]  # public since Python 2.6, untyped
from json.scanner import NUMBER_RE
from typing import Any

from zhijiao_check.located import (
    MAX_DEPTH,
    MAX_NODES,
    LongNumber,
    Mark,
    Parsed,
    Path_,
    Positions,
    TinyNumber,
    WrittenWhole,
    checked_text,
    too_long,
    too_small,
)
from zhijiao_check.patterns import later
from zhijiao_check.problems import MAX_DIGITS, Problem, format_path, of_a_report
from zhijiao_check.wording import Wording, msg

_SPACE = later(r"[ \t\n\r]*")
_LITERALS = {"true": True, "false": False, "null": None}


class _Stop(Exception):
    """A problem after which the rest of the text cannot be read."""

    def __init__(self, index: int, code: str, **params: object) -> None:
        super().__init__(code)
        self.index = index
        self.code = code
        self.params = params


# What JSON wants where it stopped (``json-syntax``), by what the reader looked for.
_EXPECTED = {
    "value": "report.json-want-value",
    "key": "report.json-want-key",
    ":": "report.json-want-colon",
    ", }": "report.json-want-comma-object",
    ", ]": "report.json-want-comma-array",
    "end": "report.json-want-end",
}
# Python's words for a string JSON refuses (``json.decoder``), and the tool's.
_STRING_REASONS = {
    "Invalid control character at": "report.json-string-control",
    "Unterminated string starting at": "report.json-string-unclosed",
    "Invalid \\escape": "report.json-string-escape",
    "Invalid \\uXXXX escape": "report.json-string-escape",
}
_LEADING_ZERO = later(r"(?<![0-9.eE+\-])-?0$")  # a number's leading 0, just before a digit JSON does not take


def _syntax(text: str, index: int, wanted: str) -> _Stop:
    """``json-syntax`` at ``index``: what JSON wants there and, for the usual slips, what was written."""
    return _Stop(index, "json-syntax", expected=msg(_EXPECTED[wanted]), hint=_hint(text, index, wanted))


def _hint(text: str, index: int, wanted: str) -> Wording:
    found = text[index : index + 1]
    before = text[:index].rstrip()[-1:]
    key = None
    if not found:
        key = "report.json-hint-ends"
    elif found in "'‘’":
        key = "report.json-hint-single-quote"
    elif text.startswith(("//", "/*"), index) or found == "#":
        key = "report.json-hint-comment"
    elif found in "}]" and before == ",":
        key = "report.json-hint-trailing-comma"
    elif found.isdigit() and _LEADING_ZERO.search(text, max(0, index - 2), index):
        key = "report.json-hint-leading-zero"
    elif text.startswith(("NaN", "Infinity", "-Infinity"), index):
        key = "report.json-hint-not-finite"
    elif found.isalpha() and wanted == "value":
        key = "report.json-hint-literal"
    elif found in "“”＂":
        key = "report.json-hint-fullwidth-quote"
    elif found in "，：":
        key = "report.json-hint-fullwidth"
    return msg(key) if key else ""


def _string_problem(error: ValueError, index: int) -> _Stop:
    reason = getattr(error, "msg", str(error))
    key = _STRING_REASONS.get(reason)
    return _Stop(getattr(error, "pos", index), "json-string", reason=msg(key) if key else reason)


def parse_json(text: str, display: str) -> Parsed | list[Problem]:
    reader = _Reader(text, display)
    start = _SPACE.match(text, 0).end()  # type: ignore[union-attr]
    if start == len(text):
        return [reader.problem(0, "empty-file")]
    try:
        data, end = reader.value(start, ())
        end = _SPACE.match(text, end).end()  # type: ignore[union-attr]
        if end != len(text):
            raise _syntax(text, end, "end")
    except _Stop as stop:
        return [*reader.problems, reader.problem(stop.index, stop.code, (), **stop.params)]
    if not isinstance(data, dict):
        found = "list" if isinstance(data, list) else "text"
        return [reader.problem(start, "top-not-mapping", found=msg(f"report.found-{found}"))]
    return Parsed(data, reader.positions, tuple(reader.problems))


class _Reader:
    def __init__(self, text: str, display: str) -> None:
        self.text = text
        self.display = display
        self.positions = Positions()
        self.problems: list[Problem] = []
        self.nodes = 0
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def mark(self, index: int) -> Mark:
        line = bisect.bisect_right(self.line_starts, index)
        return line, index - self.line_starts[line - 1] + 1

    def key_mark(self, index: int) -> Callable[[str], Mark]:
        """Where a character of the key that starts at ``index`` is said to be: just inside its quote."""
        line, column = self.mark(index)
        return lambda char: (line, column + 1)

    def problem(self, index: int, code: str, path: Path_ = (), **params: object) -> Problem:
        return Problem(self.display, *self.mark(index), format_path(path), code, params)

    def value(self, index: int, path: Path_) -> tuple[Any, int]:
        if len(path) > MAX_DEPTH:
            raise _Stop(index, "too-deep", limit=MAX_DEPTH, file_kind=of_a_report())
        self.nodes += 1
        if self.nodes > MAX_NODES:
            kind = of_a_report()
            raise _Stop(index, "too-many-values", limit=f"{MAX_NODES:,}", file_kind=kind)
        self.positions.values[path] = self.mark(index)
        char = self.text[index : index + 1]
        if char == "{":
            return self.object(index + 1, path)
        if char == "[":
            return self.array(index + 1, path)
        if char == '"':
            return self.string(index, path)
        number = NUMBER_RE.match(self.text, index)
        if number:
            return self.number(number), number.end()
        for word, literal in _LITERALS.items():
            if self.text.startswith(word, index):
                return literal, index + len(word)
        raise _syntax(self.text, index, "value")

    def string(self, index: int, path: Path_) -> tuple[str, int]:
        try:
            value, end = scanstring(self.text, index + 1, True)
        except ValueError as error:
            raise _string_problem(error, index) from None
        start = self.mark(index)
        value, problem = checked_text(
            value, path, self.display, lambda char: (start[0], start[1] + 1 + max(value.find(char), 0))
        )
        if problem:
            self.problems.append(problem)
        return value, end

    def number(self, match: re.Match[str]) -> Any:
        integer, fraction, exponent = match.groups()
        if len(integer.lstrip("-")) > MAX_DIGITS:  # before int() is asked to read 5,000 digits
            return LongNumber(match.group())
        if not fraction and not exponent:
            return int(integer)
        value = float(match.group())  # any length of digits or exponent: at worst inf, or 0.0
        if too_long(value):  # 1e30 as much as 1e400: the same digits too many, written shorter
            return LongNumber(match.group())
        if too_small(
            match.group(), value
        ):  # 1e-300, 1e-400: not 0, though below any figure (refused at its field)
            return TinyNumber(match.group())
        # 1.05e4 or 2.0 is the whole number it equals, and exactly so (1e20 is 100000000000000000000, which
        # a field's bound then refuses, not a float "with a fraction"), with how it was written: a field of
        # whole numbers refuses 950.0 as YAML's reader does. A value that is not 0 and below 10^24 has a
        # moderate exponent: Decimal reads it.
        if value.is_integer():
            return WrittenWhole(int(Decimal(match.group())) if value else 0, match.group())
        return value

    def object(self, index: int, path: Path_) -> tuple[dict[str, Any], int]:
        result: dict[str, Any] = {}
        index = self.skip(index)
        if self.text.startswith("}", index):
            return result, index + 1
        while True:
            if not self.text.startswith('"', index):
                raise _syntax(self.text, index, "key")
            try:
                key, after = scanstring(self.text, index + 1, True)
            except ValueError as error:
                raise _string_problem(error, index) from None
            # half a character (``"\ud800"``): no text holds it
            if any("\ud800" <= char <= "\udfff" for char in key):
                key, problem = checked_text(key, (*path, key), self.display, self.key_mark(index))
                if problem:
                    self.problems.append(problem)
            child = (*path, key)
            colon = self.skip(after)
            if not self.text.startswith(":", colon):
                raise _syntax(self.text, colon, ":")
            duplicate = key in result
            if duplicate:
                first = self.positions.key(child)
                self.problems.append(
                    self.problem(
                        index,
                        "duplicate-key",
                        child,
                        field=key,
                        first_line=first[0] if first else "?",
                        format="JSON",
                    )
                )
                saved = (self.positions.values.get(child), first)
            else:
                self.positions.keys[child] = self.mark(index)
            value, index = self.value(self.skip(colon + 1), child)
            if duplicate:  # the first one counts, as for YAML; its positions stay
                if saved[0]:
                    self.positions.values[child] = saved[0]
            else:
                result[key] = value
            index = self.skip(index)
            if self.text.startswith("}", index):
                return result, index + 1
            if not self.text.startswith(",", index):
                raise _syntax(self.text, index, ", }")
            index = self.skip(index + 1)

    def array(self, index: int, path: Path_) -> tuple[list[Any], int]:
        result: list[Any] = []
        index = self.skip(index)
        if self.text.startswith("]", index):
            return result, index + 1
        while True:
            value, index = self.value(index, (*path, len(result)))
            result.append(value)
            index = self.skip(index)
            if self.text.startswith("]", index):
                return result, index + 1
            if not self.text.startswith(",", index):
                raise _syntax(self.text, index, ", ]")
            index = self.skip(index + 1)

    def skip(self, index: int) -> int:
        return _SPACE.match(self.text, index).end()  # type: ignore[union-attr]
