"""Reading YAML input files (reports and rule files) with the position of every node.

PyYAML's composer gives each node a start mark (line, column); we build plain Python data from the node
tree ourselves and keep, for every path like ``("schools", 2, "teachers")``, where its key and value stand.
That is how a Pydantic error location maps back to ``file:line:column``.

Building the data ourselves is also where the hostile inputs are refused: duplicate keys (PyYAML keeps the
last one silently), tags that build objects, alias bombs, several documents. Problems are returned as
values so that one bad file never stops a run.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zhijiao_check.problems import Problem, format_path

MAX_BYTES = 10 * 1024 * 1024
# A real report has a few thousand nodes; aliases may repeat at most this many more before we call it a bomb.
MAX_ALIAS_NODES = 10_000
MAX_DEPTH = 64

Path_ = tuple[str | int, ...]
Mark = tuple[int, int]

_STANDARD_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {
    _STANDARD_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")
}
_SEQ_TAG = _STANDARD_TAG + "seq"
_MAP_TAG = _STANDARD_TAG + "map"
_MERGE_TAG = _STANDARD_TAG + "merge"
_NUMBER_TAGS = {_STANDARD_TAG + "int", _STANDARD_TAG + "float"}
# Numbers as a person writes them: plain decimals (and YAML's .inf/.nan, which the report checks name).
_DECIMAL = re.compile(
    r"[-+]? (?: 0 | [1-9][0-9]* | [0-9]+ \. [0-9]* | \. [0-9]+ ) (?: [eE] [-+]? [0-9]+ )?"
    r"| [-+]? \. (?: inf | Inf | INF ) | \. (?: nan | NaN | NAN )",
    re.VERBOSE,
)


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
        path = tuple(path)
        while path:
            if path in self.cells:
                return self.cells[path]
            path = path[:-1]
        return self.cells.get((), "")


@dataclass(frozen=True)
class Parsed:
    data: Any
    positions: Positions
    # Only with ``parse_yaml(..., partial=True)``: problems in single values (a duplicate key, a refused tag)
    # that left the rest of the data intact, so that the caller can list them with everything else.
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def read_data(path: Path, display: str, *, partial: bool = False) -> tuple[Parsed | list[Problem], str | None]:
    """A data file (a report, a roster) read into plain data with the position of every value, and the encoding
    it was in (None when unreadable): the one entry point for every kind of input file. YAML, and JSON as YAML."""
    decoded = read_text(path, display)
    if isinstance(decoded, Problem):
        return [decoded], None
    return parse_yaml(decoded.text, display, partial=partial), decoded.encoding


def read_text(path: Path, display: str) -> Decoded | Problem:
    """The file's text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (the caller warns)."""
    raw = read_bytes(path, display)
    return raw if isinstance(raw, Problem) else decode(raw, display)


def read_bytes(path: Path, display: str) -> bytes | Problem:
    """The file's bytes, at most ``MAX_BYTES`` of them (a larger file is a problem, not a read)."""
    try:
        size = path.stat().st_size
        if size <= MAX_BYTES:
            # Bounded: a device or a pipe (/dev/zero, a FIFO) has no size to check and may never end.
            with path.open("rb") as stream:
                raw = stream.read(MAX_BYTES + 1)
            size = max(size, len(raw))
        if size > MAX_BYTES:
            return _problem(display, None, "file-too-large", size_mib=f"{size / 1024 / 1024:.1f}")
    except IsADirectoryError:
        return _problem(display, None, "not-a-file")
    except FileNotFoundError:
        return _problem(display, None, "file-not-found")
    except OSError as error:
        return _problem(display, None, "file-unreadable", reason=error.strerror or str(error))
    return raw


def decode(raw: bytes, display: str) -> Decoded | Problem:
    if raw.startswith(codecs.BOM_UTF8):
        return _decode_as(raw[len(codecs.BOM_UTF8):], "utf-8", "utf-8-sig", display)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_as(raw, "utf-16", "utf-16", display)
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return Decoded(raw.decode("gb18030"), "gb18030")
        except UnicodeDecodeError:
            where = _place(raw[: utf8_error.start], "utf-8")
            return Problem(display, *where, "", "bad-encoding", {"byte": f"0x{raw[utf8_error.start]:02X}"})


def _decode_as(raw: bytes, codec: str, name: str, display: str) -> Decoded | Problem:
    try:
        return Decoded(raw.decode(codec), name)
    except UnicodeDecodeError as error:
        # Often a file cut short (an odd number of bytes in UTF-16): say where the text stops making sense.
        return _problem(display, _place(raw[: error.start], codec), "bad-encoding-bom", encoding=name)


def _place(before: bytes, codec: str) -> Mark:
    """The (line, column) in characters just after ``before``, the valid start of a file in ``codec``."""
    return _line_column(before.decode(codec, errors="replace"))


# What YAML counts as a line break (a file saved with CR only, as old Mac editors do, is read line by line too).
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _line_column(before: str) -> Mark:
    """The 1-based (line, column) just after the text ``before``, lines counted as YAML counts them."""
    breaks = list(_LINE_BREAK.finditer(before))
    start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, len(before) - start + 1


def parse_yaml(text: str, display: str, *, partial: bool = False) -> Parsed | list[Problem]:
    """Parse one YAML document into plain data plus positions, or the problems that prevent it.

    With ``partial``, problems confined to one key or value (the offending key dropped, the value ``None``)
    come back in ``Parsed.problems`` instead; a file that cannot be read as a whole still gives the list.
    """
    import yaml

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(text)
    try:
        if not loader.check_node():
            return [_problem(display, (1, 1), "empty-file")]
        root = loader.get_node()
        if loader.check_node():
            second = loader.get_node()
            return [_problem(display, _mark(second), "several-documents")]
    except yaml.MarkedYAMLError as error:
        return [_syntax_problem(text, display, _fault(error, text), error.problem or str(error))]
    except yaml.reader.ReaderError as error:
        # A control character. libyaml counts its offset in UTF-8 bytes, the pure-Python reader in characters.
        if loader_class is yaml.SafeLoader:
            before = text[: error.position]
        else:
            before = text.encode("utf-8")[: error.position].decode("utf-8", errors="ignore")
        return [_problem(display, _line_column(before), "bad-character", code_point=f"U+{error.character:04X}")]
    except yaml.YAMLError as error:
        return [_problem(display, (1, 1), "yaml-syntax", reason=str(error))]
    except RecursionError:  # only the pure-Python reader (no libyaml) recurses without a depth limit of its own
        return [_problem(display, (1, 1), "too-deep", limit=MAX_DEPTH)]
    finally:
        loader.dispose()
    if root is None:
        return [_problem(display, (1, 1), "empty-file")]
    builder = _Builder(display, loader)
    data = builder.build(root, ())
    if builder.problems and (builder.bomb or not partial or not isinstance(data, dict)):
        return builder.problems
    if not isinstance(data, dict):
        return [_problem(display, _mark(root), "top-not-mapping", found=_kind_of(data))]
    return Parsed(data, builder.positions, tuple(builder.problems))


# Slips that libyaml reports as a puzzling syntax error at or just after their line: a tab in the indentation;
# a full-width colon typed with a Chinese input method (`name：冷水滩区` is one plain string, not a key); a
# full-width or no-break space (pasted from Word or a web page) as indentation or after a colon; no space after
# a field's colon (`teachers:110`) or after a list entry's dash (`-name: …`). Group 1 is the character at fault.
_FULLWIDTH_KEY = re.compile(r"^\s*(?:-\s+)?[^\s:'\"#][^:'\"#]*?(：)")
_ODD_SPACE = re.compile(r"(?:^[ ]*(?:-[ ]+)?|:)([\u00a0\u2000-\u200a\u202f\u205f\u3000])")
_NO_SPACE_AFTER_COLON = re.compile(r"^[ ]*(?:-[ ]+)?([A-Za-z_][A-Za-z0-9_]*):[^\s#]")
_NO_SPACE_AFTER_DASH = re.compile(r"^[ ]*(-)[A-Za-z_][A-Za-z0-9_]*:")
# A value that opens a double quote and never closes it on its line: YAML reads on, into the next fields.
_OPEN_QUOTE = re.compile(r"""^[ ]*(?:-[ ]+)?[^\s:#"'][^:#"']*:[ ]+(")(?:[^"\\]|\\.)*$""")
_SLIPS = (
    ("fullwidth-colon", _FULLWIDTH_KEY),
    ("odd-space", _ODD_SPACE),
    ("colon-without-space", _NO_SPACE_AFTER_COLON),
    ("dash-without-space", _NO_SPACE_AFTER_DASH),
)


# Where libyaml notices these, the fault is usually where the construct started: a quote or a key never ended.
_STARTED_AT_FAULT = ("while scanning a quoted scalar", "while scanning a simple key")
# A bracket never closed is noticed at the next line's key; a missing comma further down, where it is missing.
_FLOW = ("while parsing a flow sequence", "while parsing a flow mapping")


def _fault(error: Any, text: str) -> Mark:
    """The (line, column) to show for a syntax error: libyaml's problem mark, or its context mark if that is
    where the fault is (an unclosed quote or bracket, a key without its colon)."""
    problem, context = error.problem_mark, error.context_mark
    use_context = context is not None and (
        error.context in _STARTED_AT_FAULT
        or (
            error.context in _FLOW and problem is not None and problem.line > context.line
            and all(not line.strip() or line.lstrip().startswith("#")
                    for line in text.splitlines()[context.line + 1 : problem.line])
        )
    )
    mark = context if use_context else problem or context
    if mark is None:
        return (1, 1)
    lines = text.splitlines()
    if mark.line >= len(lines) and lines:
        # Noticed at the end of the file (a bracket never closed): show the last line that says something.
        last = max((n for n, line in enumerate(lines) if line.strip()), default=len(lines) - 1)
        return (last + 1, len(lines[last]) + 1)
    return (mark.line + 1, mark.column + 1)


def _syntax_problem(text: str, display: str, where: Mark, reason: str) -> Problem:
    lines = text.splitlines()
    line, column = where
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = current[: len(current) - len(current.lstrip())]
    if "\t" in indent or current[column - 1 : column] == "\t":
        return _problem(display, (line, current.index("\t") + 1), "yaml-tab")
    for number in (line, line - 1):
        source = lines[number - 1] if 0 < number <= len(lines) else ""
        for code, pattern in _SLIPS:
            match = pattern.search(source)
            if match:
                at = (number, match.start(1) + 1)
                if code == "odd-space":
                    return _problem(display, at, code, code_point=f"U+{ord(match.group(1)):04X}")
                if code == "colon-without-space":
                    return _problem(display, (number, match.end(1) + 1), code, field=match.group(1))
                return _problem(display, at, code)
    for number in range(line, max(line - 10, 0), -1):
        match = _OPEN_QUOTE.match(lines[number - 1]) if number <= len(lines) else None
        if match:
            return _problem(display, (number, match.start(1) + 1), "unclosed-quote")
    return _problem(display, where, "yaml-syntax", reason=reason)


class _Builder:
    """Turns a composed node graph into dicts, lists and scalars, refusing what a report may not contain."""

    def __init__(self, display: str, loader: Any) -> None:
        self.display = display
        self.loader = loader
        self.positions = Positions()
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
        self.active: set[int] = set()
        self.alias_depth = 0
        self.alias_nodes = 0
        self.bomb = False

    def build(self, node: Any, path: Path_) -> Any:
        if self.bomb:
            return None
        if id(node) in self.active:
            self._fail(node, path, "alias-recursive")
            self.bomb = True
            return None
        if len(path) > MAX_DEPTH:
            self._fail(node, path[:MAX_DEPTH], "too-deep", limit=MAX_DEPTH)
            self.bomb = True
            return None
        repeated = id(node) in self.seen  # built before: this is an alias being expanded again
        self.seen.add(id(node))
        if repeated:
            self.alias_depth += 1
        try:
            if self.alias_depth:
                self.alias_nodes += 1
                if self.alias_nodes > MAX_ALIAS_NODES:
                    self._fail(node, path, "alias-bomb", limit=MAX_ALIAS_NODES)
                    self.bomb = True
                    return None
            return self._node(node, path)
        finally:
            if repeated:
                self.alias_depth -= 1

    def _node(self, node: Any, path: Path_) -> Any:
        import yaml

        self.positions.values[path] = _mark(node)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path)
        if node.tag not in (_SEQ_TAG, _MAP_TAG):
            self._fail(node, path, "tag-not-allowed", tag=_shown_tag(node.tag))
            return None
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
            return self._mapping(node, path)
        finally:
            self.active.discard(id(node))

    def _mapping(self, node: Any, path: Path_) -> dict[Any, Any]:
        import yaml

        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _MERGE_TAG:
                code = "merge-key" if key_node.tag == _MERGE_TAG else "complex-key"
                self._fail(key_node, path, code)
                continue
            key = self._scalar(key_node, path)
            if not isinstance(key, Hashable) or key is None:
                self._fail(key_node, path, "complex-key")
                continue
            if not isinstance(key, str):
                key = key_node.value  # `2023:` or `yes:` as a key is still the text the user wrote
            child = (*path, key)
            if key in result:
                first = self.positions.key(child)
                self._fail(key_node, child, "duplicate-key", field=key, first_line=first[0] if first else "?")
                continue
            self.positions.keys[child] = _mark(key_node)
            result[key] = self.build(value_node, child)
        return result

    def _scalar(self, node: Any, path: Path_) -> Any:
        if node.tag not in _PLAIN_TAGS:
            self._fail(node, path, "tag-not-allowed", tag=_shown_tag(node.tag))
            return None
        try:
            value = self.loader.construct_object(node, deep=True)
        except Exception as error:  # noqa: BLE001 - a malformed timestamp or number the resolver accepted
            shown = node.value if len(node.value) <= 40 else node.value[:40] + "…"
            self._fail(node, path, "bad-scalar", value=shown, reason=str(error).splitlines()[0])
            return None
        if node.tag in _NUMBER_TAGS and not _DECIMAL.fullmatch(node.value):
            # YAML 1.1 reads 0120 as 80 (octal), 1:30 as 90 (base 60), 0x30 as 48: never take these silently.
            write = re.sub(r"^([-+]?)0+(?=\d)", r"\1", node.value.replace("_", ""))
            if not _DECIMAL.fullmatch(write):
                write = str(value)
            self._fail(node, path, "number-notation", value=node.value, read=str(value), write=write)
            return None
        return value

    def _fail(self, node: Any, path: Path_, code: str, **params: object) -> None:
        self.problems.append(
            Problem(self.display, *_mark(node), format_path(path), code, params)
        )


def _shown_tag(tag: str) -> str:
    """``tag:yaml.org,2002:python/object`` as the user wrote it: ``!!python/object``."""
    return "!!" + tag.removeprefix(_STANDARD_TAG) if tag.startswith(_STANDARD_TAG) else tag


def _kind_of(data: Any) -> str:
    """What the user wrote, in YAML's words rather than Python's (``~`` is null, not a NoneType)."""
    if data is None:
        return "null"
    if isinstance(data, list):
        return "list"
    if isinstance(data, bool):
        return "bool"
    if isinstance(data, int | float):
        return "number"
    return "text" if isinstance(data, str) else type(data).__name__


def _mark(node: Any) -> Mark:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _problem(display: str, where: Mark | None, code: str, **params: object) -> Problem:
    line, column = where if where else (None, None)
    return Problem(display, line, column, "", code, params)
