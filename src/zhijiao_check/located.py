"""Data read from a file with the position of every value, shared by the YAML and JSON readers.

Every reader gives a ``Parsed``: plain Python data and, for each path like ``("schools", 2, "teachers")``,
where its key and value stand (1-based line and column). That is how any later problem is located.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Self

from zhijiao_check import patterns
from zhijiao_check.characters import cleaned, describe, is_compatibility_ideograph, odd_characters
from zhijiao_check.problems import MAX_DIGITS, Problem, format_path
from zhijiao_check.records import record

MAX_DEPTH = 64
# Values (scalars, lists, mappings) in one file. The largest real report has a few thousand; each value costs
# time and memory to build and check, so a file of 10 MiB of "~, ~, ~, …" is refused before it is built.
MAX_NODES = 10_000
# Digits of a number's whole part, however it is written (``1e30`` has 31): ``problems.MAX_DIGITS``, where a
# message shortens a longer number.
LONG_NUMBER = 10**MAX_DIGITS  # the least number with too many digits
# Places after the point within which a figure that is not 0 begins: a smaller one (``1e-300``, whose plain
# form has 300 zeros) is no real figure, which a message says instead of writing it out, and a ratio with it
# as its divisor would overflow a float (``5e-324``).
TINY_PLACES = 12
TINY = 10.0**-TINY_PLACES  # the least figure that is not 0
TINY_SHOWN = "0." + "0" * (TINY_PLACES - 1) + "1"  # ``TINY`` as a message shows it, without an exponent

Path_ = tuple[str | int, ...]
Mark = tuple[int, int]


def walk(data: Any, path: Path_) -> tuple[Any, int]:
    """How far ``path`` goes into ``data``: the node it reached and the parts it took (``len(path)`` when the
    whole path is there; a key a mapping lacks, an index past a list's end or a text in the way stops it)."""
    node = data
    for depth, part in enumerate(path):
        inside = (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        )
        if not inside:
            return node, depth
        node = node[part]
    return node, len(path)


class KeyMarks(Mapping[Path_, Mark]):
    """Where each key of a file the line reader read stands (``source.yamlblock``), worked out when asked:
    a key whose value is on its own line stands on that line at its mapping's column, which is where the
    mapping itself is marked (``values``); only the keys whose value starts below them are held (``below``).
    A report's keys are asked for a few times, if at all: a dict of every key's mark cost each line of every
    report a tuple and an entry. The same marks, in the same order, as that dict held."""

    __slots__ = ("_below", "_values")

    def __init__(self, values: dict[Path_, Mark], below: dict[Path_, Mark]) -> None:
        self._values = values
        self._below = below

    def get(self, path: Path_, default: Any = None) -> Any:
        mark = self._below.get(path)
        if mark is not None:
            return mark
        # a key's path ends in its name (a list's entries end in a number, and have no key)
        if not path or path[-1].__class__ is not str:
            return default
        values = self._values
        value, mapping = values.get(path), values.get(path[:-1])
        if value is None or mapping is None:
            return default
        return value[0], mapping[1]

    def __getitem__(self, path: Path_) -> Mark:
        mark: Mark | None = self.get(path)
        if mark is None:
            raise KeyError(path)
        return mark

    def __contains__(self, path: object) -> bool:
        return isinstance(path, tuple) and self.get(path) is not None

    def __iter__(self) -> Iterator[Path_]:
        # every key has a value (the line reader reads no key without one), marked on the key's line, or
        # for a key whose value starts below it, before any later key's
        return (path for path in self._values if path and path[-1].__class__ is str)

    def __len__(self) -> int:
        return sum(1 for _ in self)


@dataclass
class Positions:
    """Where each key and value stands in the file, 1-based (line, column), keyed by path.

    A workbook's positions are (row, column) of a cell; ``cells`` then names each path's cell as a person
    finds it (``学校!F7（在校生）``), since a row number alone does not say which sheet.
    """

    values: dict[Path_, Mark] = field(default_factory=dict)
    keys: dict[Path_, Mark] = field(default_factory=dict)
    cells: dict[Path_, str] = field(default_factory=dict)

    def value(self, path: Path_) -> Mark | None:
        return self.values.get(tuple(path))

    def key(self, path: Path_) -> Mark | None:
        return self.keys.get(tuple(path))

    def nearest(self, path: Path_) -> Mark:
        """The value's position, else its key's, else the nearest enclosing node's."""
        path = tuple(path)
        while path:
            mark = self.values.get(path) or self.keys.get(path)
            if mark:
                return mark
            path = path[:-1]
        return self.values.get((), (1, 1))

    def cell(self, path: Path_) -> str:
        """The workbook cell of ``path`` or of the nearest enclosing node; empty for a text file."""
        if not self.cells:
            return ""
        path = tuple(path)
        while path:
            if path in self.cells:
                return self.cells[path]
            path = path[:-1]
        return self.cells.get((), "")


def too_long(value: float) -> bool:
    """Whether a number read has more than ``MAX_DIGITS`` digits before its point (or is a float's infinity,
    which ``1e400`` reads as)."""
    return not abs(value) < LONG_NUMBER


class LongNumber(int):
    """A number written with more than ``MAX_DIGITS`` digits before its point, as both readers give it.

    It is not built: Python will not read an int of over 4,300 digits (and says so in English), nor turn one
    of 309 into a float, which the checks after reading would. It stands as ``LONG_NUMBER`` instead (with its
    sign), beyond every field's bound, so that the field's own check says ``too-large`` with its bound (or
    ``negative``), as for a figure of a few digits too many, and anything that reads the data before the
    checks (``report.raw``) meets a number it can add. It shows as written (``written``)."""

    written: str

    def __new__(cls, written: str) -> Self:
        number = super().__new__(cls, -LONG_NUMBER if written.startswith("-") else LONG_NUMBER)
        number.written = written
        return number

    def __reduce__(self) -> tuple[type[LongNumber], tuple[str]]:
        return LongNumber, (self.written,)

    def __str__(self) -> str:
        return self.written  # shortened where a message shows it (``problems.Problem.message``)

    __repr__ = __str__


class TinyNumber(float):
    """A number that is not 0 written smaller than ``TINY`` (``1e-300``) or too small for any float
    (``1e-400``), as every reader gives it: read, the latter is 0.0, which a figure of whole persons then
    took as 0 without a word, and the former's plain form was its message's 300 zeros. It stands as 0.0, so
    that anything that reads the data before the checks meets a number it can add, and each field's check
    refuses it (``report.scalars``: ``number-too-small``). It shows as written (``written``)."""

    written: str

    def __new__(cls, written: str) -> Self:
        number = super().__new__(cls, 0.0)
        number.written = written
        return number

    def __reduce__(self) -> tuple[type[TinyNumber], tuple[str]]:
        return TinyNumber, (self.written,)

    def __str__(self) -> str:
        return self.written

    __repr__ = __str__


class WrittenWhole(int):
    """A whole number JSON wrote with a point or an exponent (``950.0``, ``1e3``): the int it equals, exactly
    (``9.007199254740993e15`` is 9007199254740993, not the float nearest it), so that an amount reads it and a
    bound says ``too-large`` of the number; and how it was written (``written``), so that a field of whole
    numbers refuses it as YAML's reader has it refused (``report.scalars``)."""

    written: str

    def __new__(cls, number: int, written: str) -> Self:
        whole = super().__new__(cls, number)
        whole.written = written
        return whole

    def __reduce__(self) -> tuple[type[WrittenWhole], tuple[int, str]]:
        return WrittenWhole, (int(self), self.written)


def too_small(written: str, value: float) -> bool:
    """Whether a number's text, read as ``value``, is not 0 yet smaller than ``TINY``: below it, or read as 0
    though a digit of its mantissa (before any exponent) is not 0 (``1e-400``, too small for any float)."""
    if value == 0:
        return any(c in "123456789" for c in written.lower().partition("e")[0])
    return abs(value) < TINY


@record
class Parsed:
    data: Any
    positions: Positions
    # Only with ``parse_yaml(..., partial=True)``: problems in single values (a duplicate key, a refused tag)
    # that left the rest of the data intact, so that the caller can list them with everything else.
    problems: tuple[Problem, ...] = ()
    # The YAML text read (the same string, not a copy): only a problem's message reads it again, to quote a
    # yes/no word as typed (``typed_word``). Empty from JSON and a workbook, where a yes/no is typed true.
    text: str = ""


def typed_word(value: Any, source: str, mark: Mark | None) -> str | None:
    """A yes/no value as the file typed it: YAML 1.1 reads ``off``, ``no``, ``on``, ``yes`` (and ``Off``,
    ``NO``, …) as false or true, and ``写了 false`` named a word the author never wrote. Only for a problem's
    message, never on the way of a value read. None when it cannot be told (not a yes/no value, no text to
    read it from, or no such word at ``mark``: an alias ``*a`` stands there)."""
    if not isinstance(value, bool) or not source or mark is None:
        return None
    lines = source.splitlines()
    line, column = mark
    if not 0 < line <= len(lines):
        return None
    word = _YES_NO_WORD.match(lines[line - 1], column - 1)
    return word["word"] if word and _YES_NO[word["word"].lower()] is value else None


# A plain scalar YAML 1.1 reads as a yes/no value, in the three casings its resolver takes (``off``, ``Off``,
# ``OFF``; not ``oFF``), ended where a plain scalar may end.
_YES_NO = {"yes": True, "on": True, "true": True, "no": False, "off": False, "false": False}
# A node's mark is that of its properties, when it has any: an anchor (``&a off``) or a tag (``!!bool off``).
_YES_NO_WORD = patterns.later(
    r"(?:[&!]\S*\s+)*(?P<word>"
    + "|".join(w + "|" + w.capitalize() + "|" + w.upper() for w in _YES_NO)
    + r")(?=$|[\s,\]}#])"
)


def checked_text(
    value: str, path: Path_, display: str, where: Callable[[str], Mark]
) -> tuple[str, Problem | None]:
    """A text value as it reads, and the problem of its invisible characters or compatibility ideographs if it
    has any, at the first one (``where`` finds it in the file). Taking them out lets the name be checked as it
    reads, without a second, puzzling error (an unknown unit that looks like a known one)."""
    odd = odd_characters(value)
    if not odd:
        return value, None
    readable = cleaned(value)
    index, char = odd[0]
    shown = ", ".join(f"{describe(c)} (#{i + 1})" for i, c in odd[:5]) + (" …" if len(odd) > 5 else "")
    params: dict[str, object]
    if not readable.strip():
        code, params = "invisible-only", {"characters": shown}
    elif is_compatibility_ideograph(char) and len(odd) == 1:
        code, params = (
            "compatibility-ideograph",
            {"character": describe(char), "index": index + 1, "write": cleaned(char), "value": readable},
        )
    else:
        code, params = "odd-character", {"characters": shown, "value": readable}
    return readable, Problem(display, *where(char), format_path(path), code, params)
