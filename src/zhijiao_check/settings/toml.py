"""Reading the tool's own TOML files (the config file, the waivers file) with located problems.

``tomllib`` gives values without positions, so the line and column of a key are found here, by reading the
file's table headers and ``key =`` lines: enough to point a user at the key a problem is about.
"""

from __future__ import annotations

import datetime
import functools
import json
import re
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from zhijiao_check.files import read_file
from zhijiao_check.patterns import later
from zhijiao_check.problems import Problem, format_path
from zhijiao_check.records import record
from zhijiao_check.wording import Wording, msg

_HEADER = later(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = later(r"""^(\s*)("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")
_DECODE_PLACE = later(r"\(at line (\d+), column (\d+)\)")
# A date as people write one (2024/06/30, 2024.6.30, 2024年6月30日, 2024-6-30), which TOML does not take.
_DATE_LIKE = later(r"=\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)")
# What tomllib says of such a date (of a key given twice, the date may be a good one).
_NOT_A_DATE = ("Expected newline or end of document after a statement", "Invalid date or datetime")
# tomllib reads a nested array or inline table by recursion, two or three Python frames a level: some 400
# levels (``x = [[[…]]]``) exhaust the stack, and a RecursionError would stop every ``check`` run under the
# folder, since the config file is looked for upward. The tool's settings nest three levels at most; a
# report may nest 64 (``located.MAX_DEPTH``), and so may these files, which keeps tomllib far from the limit.
MAX_NESTING = 64
# What opens or closes a level, and what to pass over because a bracket in it opens nothing: TOML's four kinds
# of string (the multi-line ones first) and comments.
_NESTING = later(
    r'"""(?:[^"\\]|\\[\s\S]|"(?!""))*"""'  # a multi-line basic string (a line may end in \)
    r"|'''[\s\S]*?'''"  # a multi-line literal string
    r'|"(?:[^"\\\n]|\\.)*"'  # a basic string
    r"|'[^'\n]*'"  # a literal string
    r"|\#[^\n]*"  # a comment
    r"|[\[\]{}]"
)

TablePath = tuple[str, ...]


@record
class TomlFile:
    """A parsed TOML file and its text, for finding where a key is."""

    path: Path
    display: str
    data: dict[str, Any]
    text: str

    def where(
        self, table: TablePath, key: str | None = None, entry: int | None = None
    ) -> tuple[int, int] | None:
        """Line and column of ``key`` in ``table`` (the ``entry``-th ``[[table]]`` for arrays of tables), or
        of the table's header when ``key`` is None; None when the file has no such line."""
        index = _index_of(self.text)
        header_at = index.headers.get((table, entry))
        found = index.keys.get((table, entry, key)) if key is not None else None
        if found is not None:
            return found
        return header_at if key is None or header_at is not None else None

    def locate(self, table: TablePath, path: Sequence[str | int]) -> tuple[int, int]:
        """Where the value at ``path`` under ``table`` is: the key's own line, else the nearest enclosing key
        or table that has one (an inline table's key is found at the line of the array that holds it)."""
        tries: list[tuple[TablePath, str | None, int | None]] = []
        if (
            len(path) >= 3
            and isinstance(path[0], str)
            and isinstance(path[1], int)
            and isinstance(path[2], str)
        ):
            tries.append(((*table, path[0]), path[2], path[1]))
        if path and isinstance(path[0], str):
            tries.append((table, path[0], None))
            tries.append(((*table, path[0]), None, None))  # a [table] where a value was wanted: its header
        tries.append((table, None, None))
        for where_table, key, entry in tries:
            found = self.where(where_table, key, entry)
            if found is not None:
                return found
        return 1, 1

    def problem(self, table: TablePath, path: Sequence[str | int], code: str, **params: object) -> Problem:
        """An error about the value at ``path``, located at its line."""
        line, column = self.locate(table, path)
        return Problem(self.display, line, column, format_path(tuple(path)), code, params, area="settings")


Place = tuple[int, int]  # line, column


@record
class _Index:
    """Where each table's header and each of its keys is, read from a file's lines once: a waivers file
    locates every entry's ``rule``, and read anew for each, 5,000 waivers took 49.5 s. Keyed by the table,
    the entry of an array of tables (None: any), and the key."""

    headers: dict[tuple[TablePath, int | None], Place]  # the last header of a table (of that entry)
    keys: dict[tuple[TablePath, int | None, str], Place]  # the first line giving a key in a table (entry)


@functools.lru_cache(maxsize=4)  # a run reads a config file, a waivers file, perhaps a pyproject.toml
def _index_of(text: str) -> _Index:
    headers: dict[tuple[TablePath, int | None], Place] = {}
    keys: dict[tuple[TablePath, int | None, str], Place] = {}
    current: TablePath = ()
    seen: dict[TablePath, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line)
        if header:
            current = _split(header.group(2))
            if header.group(1) == "[[":
                seen[current] = seen.get(current, -1) + 1
            place = (number, line.index("[") + 1)
            headers[(current, None)] = place
            if current in seen:
                headers[(current, seen[current])] = place
            continue
        found = _KEY.match(line)
        if found:
            key, place = _unquote(found.group(2)), (number, len(found.group(1)) + 1)
            keys.setdefault((current, None, key), place)
            if current in seen:
                keys.setdefault((current, seen[current], key), place)
    return _Index(headers, keys)


def read_toml(path: Path, display: str) -> TomlFile | Problem:
    """The file parsed, or the one problem that stops it being read (missing, not UTF-8, not TOML)."""
    raw = read_file(path, display)  # the one door: a FIFO or a device is refused unopened
    if isinstance(raw, Problem):
        return raw
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Problem(display, None, None, "", "not-utf8", {}, area="settings")
    deepest = _deepest(text)
    if deepest[0] > MAX_NESTING:
        return _too_deep(display, text, deepest[1])
    try:
        data = tomllib.loads(text)
    except RecursionError:  # not met while _deepest reads strings as TOML does: said, should it ever be
        return _too_deep(display, text, deepest[1])
    except tomllib.TOMLDecodeError as error:
        place = _DECODE_PLACE.search(str(error))
        line, column = (int(place.group(1)), int(place.group(2))) if place else _end_of(text)
        said = _DECODE_PLACE.sub("", str(error)).removesuffix("(at end of document)").strip()
        reason: Wording = _reason(said)
        lines = text.splitlines()
        date = _DATE_LIKE.search(lines[line - 1]) if 0 < line <= len(lines) else None
        if date is not None and said.startswith(_NOT_A_DATE):  # a date TOML cannot read: how TOML writes one
            reason, column = msg("settings.toml-why-date"), date.start(1) + 1
        return Problem(display, line, column, "", "not-toml", {"reason": reason}, area="settings")
    return TomlFile(path, display, data, text)


def _deepest(text: str) -> tuple[int, int]:
    """How deep arrays and inline tables nest in ``text``, and the offset of the bracket that first goes one
    level beyond ``MAX_NESTING`` (else of the first at the deepest level). A table header's brackets
    (``[[waiver]]``) count as they open and close, two levels at most."""
    depth = deepest = where = 0
    for token in _NESTING.finditer(text):
        char = token.group()
        if char in "[{":
            depth += 1
            if depth > deepest:
                deepest, where = depth, token.start()
                if depth > MAX_NESTING:
                    break
        elif char in "]}":
            depth = max(depth - 1, 0)
    return deepest, where


def _too_deep(display: str, text: str, offset: int) -> Problem:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    reason = msg("settings.toml-why-too-deep", limit=MAX_NESTING)
    return Problem(display, line, column, "", "not-toml", {"reason": reason}, area="settings")


# tomllib's words for what is wrong, by how they begin, each with the tool's own saying of it: a TOML file is
# written by hand at the bureau too. Anything else keeps tomllib's words.
_REASONS = (
    ("Cannot overwrite a value", "settings.toml-why-twice"),
    ("Cannot declare", "settings.toml-why-table-twice"),
    ("Unterminated string", "settings.toml-why-quote"),
    ('Expected "\'"', "settings.toml-why-quote"),
    ("Expected '=' after a key", "settings.toml-why-equals"),
    ("Invalid value", "settings.toml-why-value"),
    ("Unclosed array", "settings.toml-why-array"),
    ("Unclosed inline table", "settings.toml-why-inline-table"),
    ("Expected ']]' at the end of an array declaration", "settings.toml-why-array-header"),
    ("Expected ']' at the end of a table declaration", "settings.toml-why-table-header"),
    ("Expected newline or end of document after a statement", "settings.toml-why-one-per-line"),
    ("Illegal character '\\n'", "settings.toml-why-quote"),  # a text still open at the end of its line
)


def _end_of(text: str) -> tuple[int, int]:
    """Where tomllib's "at end of document" is: after the last line that says something."""
    lines = text.rstrip().splitlines() or [""]
    return len(lines), len(lines[-1]) + 1


def _reason(said: str) -> Wording:
    return next((msg(key) for start, key in _REASONS if said.startswith(start)), said)


def _escaped(char: str) -> str:
    if char.isprintable():
        return char
    return f"\\u{ord(char):04x}" if ord(char) < 0x10000 else f"\\U{ord(char):08x}"


def toml_literal(value: Any) -> str:
    """A value as TOML writes it, for a message: ``"文字"`` in double quotes, ``true``, ``2024-06-30``,
    ``[1, 2]`` (Python's ``'文字'`` and ``True`` are not what the user wrote)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
        # An invisible character is shown as TOML escapes it: a right-to-left override written out would turn
        # the rest of the terminal's line around.
        return text if text.isprintable() else "".join(map(_escaped, text))
    if isinstance(value, list):
        return "[" + ", ".join(map(toml_literal, value)) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{key} = {toml_literal(item)}" for key, item in value.items()) + "}"
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def table_at(data: Mapping[str, Any], table: TablePath) -> Any:
    for part in table:
        if not isinstance(data, Mapping) or part not in data:
            return None
        data = data[part]
    return data


def _split(header: str) -> TablePath:
    """``tool."zhijiao-check"`` -> ``("tool", "zhijiao-check")``."""
    parts = re.findall(r""""[^"]*"|'[^']*'|[^.\s]+""", header)
    return tuple(_unquote(p) for p in parts)


def _unquote(key: str) -> str:
    return key[1:-1] if len(key) >= 2 and key[0] == key[-1] and key[0] in "\"'" else key
