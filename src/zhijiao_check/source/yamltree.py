"""YAML read into plain data with the position of every value.

PyYAML's composer gives each node a start mark (line, column); we build plain Python data from the node
tree ourselves and keep, for every path like ``("schools", 2, "teachers")``, where its key and value stand.
That is how a Pydantic error location maps back to ``file:line:column``. A report of the common block shape
is read line by line without libyaml (``yamlblock``), to the same data and positions.

Building the data ourselves is also where the hostile inputs are refused: duplicate keys (PyYAML keeps the
last one silently), tags that build objects, alias bombs, several documents. Problems are returned as
values so that one bad file never stops a run.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Hashable
from typing import Any

from zhijiao_check.characters import odd_characters
from zhijiao_check.located import (
    MAX_DEPTH,
    MAX_NODES,
    LongNumber,
    Mark,
    Parsed,
    Path_,
    Positions,
    TinyNumber,
    checked_text,
    too_long,
    too_small,
)
from zhijiao_check.patterns import later
from zhijiao_check.problems import MAX_DIGITS, Problem, format_path, of_a_report
from zhijiao_check.records import record
from zhijiao_check.source.marks import LINE_BREAK, line_column, marked_problem, node_mark
from zhijiao_check.source.scalars import scalar_reason
from zhijiao_check.source.slips import scan_slips
from zhijiao_check.source.yamlblock import forget_lines, read_block
from zhijiao_check.wording import msg

# A real report has a few thousand nodes; aliases may repeat at most this many more before we call it a bomb.
MAX_ALIAS_NODES = 10_000

_STANDARD_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_STANDARD_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")}
_SEQ_TAG = _STANDARD_TAG + "seq"
_MAP_TAG = _STANDARD_TAG + "map"
_MERGE_TAG = _STANDARD_TAG + "merge"
_NUMBER_TAGS = {_STANDARD_TAG + "int", _STANDARD_TAG + "float"}
_INT_TAG = _STANDARD_TAG + "int"
_STR_TAG = _STANDARD_TAG + "str"
_BOOL_TAG = _STANDARD_TAG + "bool"
_NULL_TAG = _STANDARD_TAG + "null"
# The first characters of a plain scalar that one of YAML 1.1's implicit resolvers is for (PyYAML's
# ``Resolver.yaml_implicit_resolvers``: bool, float, int, merge, null, timestamp, value, and yaml's, which no
# plain scalar can start with; the empty text is null): any other plain scalar is a text
# (``_PlainValues.value``).
_RESOLVED_FIRST = frozenset(["", *"yYnNtTfFoO", *"-+.0123456789", "<", "~", "=", "!", "&", "*"])
# The words YAML 1.1 reads as a flag or as null, each as PyYAML builds it: PyYAML's bool and null resolvers,
# the only ones for a plain value starting with one of ``_WORD_FIRST`` (held to its resolvers by a test), so
# that any other plain value starting so is a text (``_PlainValues.value``).
_WORDS: dict[str, bool | None] = {
    **{word: True for word in ("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON")},
    **{word: False for word in ("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF")},
    **dict.fromkeys(("~", "null", "Null", "NULL")),
}
_WORD_FIRST = frozenset("yYnNtTfFoO~")
# Digits of a whole number read without PyYAML (``_PlainValues.value``): far below ``MAX_DIGITS``.
_SHORT_WHOLE = 15
_TIMESTAMP_TAG = _STANDARD_TAG + "timestamp"  # a date is mutable-free too, but a datetime may carry a tzinfo
# Numbers as a person writes them: plain decimals (and YAML's .inf/.nan, which the report checks name).
_DECIMAL = later(
    r"[-+]? (?: 0 | [1-9][0-9]* | [0-9]+ \. [0-9]* | \. [0-9]+ ) (?: [eE] [-+]? [0-9]+ )?"
    r"| [-+]? \. (?: inf | Inf | INF ) | \. (?: nan | NaN | NAN )",
    re.VERBOSE,
)
_NOT_FINITE = later(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")


def parse_yaml(text: str, display: str, *, partial: bool = False) -> Parsed | list[Problem]:
    """Parse one YAML document into plain data plus positions, or the problems that prevent it.

    With ``partial``, problems confined to one key or value (the offending key dropped, the value ``None``)
    come back in ``Parsed.problems`` instead; a file that cannot be read as a whole still gives the list.
    """
    may_be_over = len(text) >= MAX_NODES and _most_nodes(text) > MAX_NODES
    block = None if may_be_over else read_block(text, _PLAIN, _quoted_scalar)
    if block is not None and not block[2]:
        # No value holds a character of a slip: ``scan_slips`` would find none (``yamlblock._SLIP``). Most
        # reports: the scan cost a fifth of what reading them does.
        return Parsed(block[0], block[1], (), text)
    slips = scan_slips(text, display)
    if any(slip.code == "line-separator" for slip in slips):
        # YAML would count lines differently from an editor: every later line number would be wrong
        return slips
    loader_class = _loader_class()
    if may_be_over:
        from zhijiao_check.source.limits import node_over_limit

        over = node_over_limit(text, loader_class)
        if over:
            kind = of_a_report()
            return [
                *slips,
                marked_problem(display, over, "too-many-values", limit=f"{MAX_NODES:,}", file_kind=kind),
            ]
        if not slips:
            block = read_block(text, _PLAIN, _quoted_scalar)
    if not slips and block is not None:
        return Parsed(block[0], block[1], (), text)
    import yaml  # only for libyaml: the line reader's reports are read without it (``_PlainValues``)

    loader = loader_class(text)
    try:
        if not loader.check_node():
            return [marked_problem(display, (1, 1), "empty-file")]
        root = loader.get_node()
        if loader.check_node():
            second = loader.get_node()
            return [marked_problem(display, node_mark(second), "several-documents")]
    except yaml.MarkedYAMLError as error:
        from zhijiao_check.source.syntax import fault, syntax_problem  # only a file with an error needs it

        syntax = syntax_problem(text, display, fault(error, text), error.problem or str(error))
        return slips + [syntax] if syntax.line not in {slip.line for slip in slips} else slips
    except yaml.reader.ReaderError as error:
        # A control character. libyaml counts its offset in UTF-8 bytes, the pure-Python reader in characters.
        if not issubclass(loader_class, getattr(yaml, "CSafeLoader", ())):
            before = text[: error.position]
        else:
            before = text.encode("utf-8")[: error.position].decode("utf-8", errors="ignore")
        return [
            marked_problem(
                display, line_column(before), "bad-character", code_point=f"U+{error.character:04X}"
            )
        ]
    except yaml.YAMLError as error:
        return [marked_problem(display, (1, 1), "yaml-syntax", reason=str(error))]
    # only the pure-Python reader (no libyaml) recurses without a depth limit of its own
    except RecursionError:
        return [marked_problem(display, (1, 1), "too-deep", limit=MAX_DEPTH, file_kind=of_a_report())]
    finally:
        loader.dispose()
    if root is None:
        return [marked_problem(display, (1, 1), "empty-file")]
    quick = _quick_build(root) if "&" not in text or "*" not in text else None
    if quick is not None:
        data, positions = quick
        problems, bomb = slips, False
    else:
        builder = _Builder(display, loader, text)
        builder.problems += slips
        data = builder.build(root, ())
        positions, problems, bomb = builder.positions, builder.problems, builder.bomb
    if problems and (bomb or not partial or not isinstance(data, dict)):
        return problems
    if not isinstance(data, dict):
        found = msg(f"report.found-{_kind_of(data)}")
        return [marked_problem(display, node_mark(root), "top-not-mapping", found=found)]
    return Parsed(data, positions, tuple(problems), text)


def _most_nodes(text: str) -> int:
    """``limits.most_nodes``, imported only for a text that long: a shorter text holds fewer values."""
    from zhijiao_check.source.limits import most_nodes

    return most_nodes(text)


# The resolver is memoised by (kind, text, implicit): a year's reports repeat the same keys and values
# thousands of times, and libyaml's composer asks the pure-Python resolver about every one of them. Bounded
# (the least recently used are let go): a hostile file of unique values cannot fill memory.
# Plain scalars already built and found clean (a text without odd characters), by (tag, text): str, int,
# float, bool and None are immutable, so one object serves all.
# Both are for what recurs: the keys (a few hundred), flags, names, small counts. A large run's figures mostly
# differ from report to report, and each one remembered costs some 430 bytes (the resolver's entry 300): with
# room for 200,000 of each, 10,000 reports of varied figures held 4 MiB of them by the end, and could have
# held 80 (the whole 10,000-report peak is 44). The resolver's memo lets the least recently used go, so what
# recurs stays in 1,024 entries (1,000 cloned reports: 99% found either way; 4,096 held 1 MiB more of
# varied figures at a 10,000-report peak). The memo of built values keeps its first 4,096, the keys among
# them: at 1,024, later keys missed it, and 1,000 reports built 68,000 values instead of 1,600.
_BUILT: dict[tuple[str, str], Any] = {}
_CACHE_LIMIT = 4_096
_RESOLVED_LIMIT = 1_024
_MISSING = object()  # not in a cache
_LOADER: list[type] = []


def _loader_class() -> Any:
    """libyaml's safe loader (the pure-Python one without libyaml) with the memoised resolver."""
    if _LOADER:
        return _LOADER[0]
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc, valid-type]
        # The composer calls these two around every node, for path resolvers, which are never registered
        # here: calls of C callables that do nothing rather than of Python methods that return at once.
        descend_resolver = staticmethod(slice)  # called with (parent, index)
        ascend_resolver = staticmethod(tuple)  # called with nothing

        # A C callable too, asked once per node: resolving reads only the class's resolvers (no path
        # resolvers are registered), never the loader's state, so one resolver answers for every loader.
        resolve = staticmethod(functools.lru_cache(maxsize=_RESOLVED_LIMIT)(yaml.resolver.Resolver().resolve))

    _LOADER.append(Loader)
    return Loader


class _Builder:
    """Turns a composed node graph into dicts, lists and scalars, refusing what a report may not contain."""

    def __init__(self, display: str, loader: Any, text: str) -> None:
        self.display = display
        self.loader = loader
        self.text = text
        self._line_starts: list[int] | None = None
        self._aliases: dict[Path_, Mark] | None = None
        # Inside an alias's expansion, everything is located at the alias (``*n``), not at its anchor.
        self.alias_mark: Mark | None = None
        self.positions = Positions()
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
        self.active: set[int] = set()
        self.alias_depth = 0
        self.alias_nodes = 0
        self.bomb = False

    def build(self, node: Any, path: Path_) -> Any:
        if not self.alias_depth and len(path) <= MAX_DEPTH and id(node) not in self.seen and not self.bomb:
            self.seen.add(id(node))  # the common case, a node met for the first time: nothing to guard
            return self._node(node, path)
        return self._guarded(node, path)

    def _guarded(self, node: Any, path: Path_) -> Any:
        if self.bomb:
            return None
        if id(node) in self.active:
            self._fail(node, path, "alias-recursive")
            self.bomb = True
            return None
        if len(path) > MAX_DEPTH:
            self._fail(node, path[:MAX_DEPTH], "too-deep", limit=MAX_DEPTH, file_kind=of_a_report())
            self.bomb = True
            return None
        repeated = id(node) in self.seen  # built before: this is an alias being expanded again
        self.seen.add(id(node))
        outer_mark = self.alias_mark
        if repeated:
            self.alias_depth += 1
            if outer_mark is None:
                self.alias_mark = self._alias_at(path)
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
                self.alias_mark = outer_mark

    def _node(self, node: Any, path: Path_) -> Any:
        self.positions.values[path] = self.node_mark(node)
        if node.id == "scalar":  # PyYAML's node kinds: "scalar", "sequence", "mapping"
            value = self._scalar(node, path)
            return self._text(node, path, value) if isinstance(value, str) else value
        if node.tag not in (_SEQ_TAG, _MAP_TAG):
            self._fail(node, path, "tag-not-allowed", tag=_shown_tag(node.tag))
            return None
        self.active.add(id(node))
        try:
            if node.id == "sequence":
                return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
            return self._mapping(node, path)
        finally:
            self.active.discard(id(node))

    def _mapping(self, node: Any, path: Path_) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        keys = self.positions.keys
        for key_node, value_node in node.value:
            if key_node.id != "scalar" or key_node.tag == _MERGE_TAG:
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
                first_line = first[0] if first else "?"
                self._fail(key_node, child, "duplicate-key", field=key, first_line=first_line, format="YAML")
                continue
            keys[child] = self.node_mark(key_node)
            result[key] = self.build(value_node, child)
        return result

    def _scalar(self, node: Any, path: Path_) -> Any:
        key = (node.tag, node.value)
        if key in _BUILT:
            return _BUILT[key]
        if node.tag not in _PLAIN_TAGS:
            self._fail(node, path, "tag-not-allowed", tag=_shown_tag(node.tag))
            return None
        value = _construct(self.loader, node)
        if isinstance(value, _Refused):
            self._fail(node, path, value.code, **value.params)
            return None
        _remember(key, value)
        return value

    def _fail(self, node: Any, path: Path_, code: str, **params: object) -> None:
        self.problems.append(Problem(self.display, *self.node_mark(node), format_path(path), code, params))

    def node_mark(self, node: Any) -> Mark:
        return self.alias_mark or node_mark(node)

    def _alias_at(self, path: Path_) -> Mark | None:
        """Where the alias that repeats the node at ``path`` is written
        (the composer keeps only the anchor).
        """
        if self._aliases is None:
            from zhijiao_check.source.limits import alias_marks  # a text with an alias alone

            self._aliases = alias_marks(self.text)
        return self._aliases.get(path)

    def _text(self, node: Any, path: Path_, value: str) -> str:
        readable, problem = checked_text(
            value, path, self.display, lambda char: self.alias_mark or self._find(char, node_mark(node))
        )
        if problem:
            self.problems.append(problem)
        return readable

    def _find(self, char: str, start: Mark) -> Mark:
        """The (line, column) of the first ``char`` at or after ``start`` in the text."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in LINE_BREAK.finditer(self.text)]
        line, column = start
        starts = self._line_starts
        offset = self.text.find(char, starts[min(line, len(starts)) - 1] + column - 1)
        if offset < 0:
            return start
        found = bisect.bisect_right(starts, offset)
        return found, offset - starts[found - 1] + 1


@record
class _Refused:
    """A scalar the loader read but we do not take: the problem's code and parameters."""

    code: str
    params: dict[str, object]


def _construct(loader: Any, node: Any) -> Any:
    """The value of a plain scalar node, or why it is refused."""
    if node.tag in _NUMBER_TAGS and len(node.value) > MAX_DIGITS and _long_whole(node.value):
        # not read, as JSON's reader does not (``LongNumber``); YAML's 1:2:3:… would be a power of 60 as large
        return LongNumber(node.value)
    try:
        value = loader.construct_object(node, deep=True)
    except Exception:  # noqa: BLE001 - a malformed timestamp or number the resolver accepted
        shown = node.value if len(node.value) <= 40 else node.value[:40] + "…"
        # the reason in the catalogue's words: Python's is English (``month must be in 1..12``)
        reason = scalar_reason(node.tag.rpartition(":")[2], node.value)
        return _Refused("bad-scalar", {"value": shown, "reason": reason})
    if node.tag in _NUMBER_TAGS and too_long(value) and not _NOT_FINITE.fullmatch(node.value):
        # 1.0e+30 as JSON's 1e30: the same digits too many, written shorter (.inf is what it says, and the
        # field's check names it)
        return LongNumber(node.value)
    if node.tag in _NUMBER_TAGS and isinstance(value, float) and too_small(node.value, value):
        return TinyNumber(node.value)  # 1.0e-300: not 0, though below any figure (refused at its field)
    if node.tag in _NUMBER_TAGS and not _DECIMAL.fullmatch(node.value):
        # YAML 1.1 reads 0120 as 80 (octal), 1:30 as 90 (base 60), 0x30 as 48: never take these silently.
        write = re.sub(r"^([-+]?)0+(?=\d)", r"\1", node.value.replace("_", ""))
        if not _DECIMAL.fullmatch(write):
            write = str(value)
        return _Refused("number-notation", {"value": node.value, "read": str(value), "write": write})
    return value


def _long_whole(text: str) -> bool:
    """Whether a number's text has more than ``MAX_DIGITS`` digits (or hex digits, or base-60 groups) before
    its point, not counting a sign, YAML's ``_`` or leading zeros."""
    return len(text.lstrip("+-").partition(".")[0].replace("_", "").lstrip("0")) > MAX_DIGITS


def _remember(key: tuple[str, str], value: Any) -> None:
    """Keep a built scalar for the next time its text is met, if it is clean (see ``_BUILT``)."""
    clean = not isinstance(value, str) or not odd_characters(value)
    if clean and len(_BUILT) < _CACHE_LIMIT and key[0] != _TIMESTAMP_TAG:
        _BUILT[key] = value


class _PlainValues(dict[str, Any]):
    """Plain scalars built for ``yamlblock``, by their text, with the same bound and the same care as
    ``_BUILT`` (a text's tag is always the same, so the text alone is the key)."""

    def value(self, text: str) -> Any:
        value: Any
        whole = text.isdigit() and text.isascii() and len(text) <= _SHORT_WHOLE
        if whole and (text[0] != "0" or text == "0"):
            # A whole number as a clerk writes it (``870``), the commonest value not yet held in a run of
            # varied figures: YAML's int, read as the resolver and constructor read it, without them.
            tag, value = _INT_TAG, int(text)
            if (tag, text) not in _BUILT:
                _remember((tag, text), value)
        elif text[:1] not in _RESOLVED_FIRST or text[:1] in _WORD_FIRST:
            # A text no resolver is for (a name, ``county``), or a flag, null, or a text that starts as one
            # might (``yellow``, ``not_started``): PyYAML's resolver would say so, but nothing else of a
            # report the line reader reads imports PyYAML, some 90 million instructions (its patterns
            # compiled), a sixth of a one-report run.
            word = _WORDS.get(text, _MISSING)
            if word is _MISSING:
                tag, value = _STR_TAG, _clean_scalar(_STR_TAG, text)
            else:
                tag, value = (_NULL_TAG if word is None else _BOOL_TAG), word
                if (tag, text) not in _BUILT:
                    _remember((tag, text), value)
        else:
            import yaml

            tag = _loader_class().resolve(yaml.ScalarNode, text, (True, False))
            value = _clean_scalar(tag, text)
        if (tag, text) in _BUILT and len(self) < _CACHE_LIMIT:
            self[text] = value
        return value


# A flag as reports write it is held from the start: each run would import PyYAML for its resolver otherwise.
_HELD_FROM_THE_START = {"true": True, "false": False}
_PLAIN = _PlainValues(_HELD_FROM_THE_START)


def forget_built() -> None:
    """Let go of the values kept to be met again (``_BUILT``, ``_PLAIN``) and of the lines held
    (``yamlblock._SPLIT``), once a run has read every report:
    the city-wide years that follow reuse their memory. Some 8,000 values, 0.9 MiB of the peak of 10,000
    reports with varied figures (43.4 MiB instead of 44.3)."""
    _BUILT.clear()
    _PLAIN.clear()
    _PLAIN.update(_HELD_FROM_THE_START)
    forget_lines()


_CONSTRUCTOR: list[Any] = []


def _quoted_scalar(text: str) -> Any:
    return _clean_scalar(_STR_TAG, text)


def _clean_scalar(tag: str, text: str) -> Any:
    """The value of a scalar of ``tag`` written as ``text``, remembered (``_BUILT``) for the next time; for
    the quick readers (``_QuickBuilder``, ``yamlblock``), which leave to the careful builder what it would
    refuse or warn of (``_Irregular``): a tag that is not a plain value's, a number as only YAML 1.1 reads
    it, a text with odd characters."""
    key = (tag, text)
    value = _BUILT.get(key, _MISSING)
    if value is _MISSING:
        if tag not in _PLAIN_TAGS:
            raise _Irregular(tag)
        if tag == _STR_TAG:
            value = text  # as PyYAML's constructor builds a text: itself (PyYAML not imported for it)
        else:
            import yaml

            if not _CONSTRUCTOR:
                _CONSTRUCTOR.append(yaml.constructor.SafeConstructor())
            constructor = _CONSTRUCTOR[0]
            value = _construct(constructor, yaml.ScalarNode(tag, text))
            constructor.constructed_objects.clear()
        if isinstance(value, _Refused) or (isinstance(value, str) and odd_characters(value)):
            raise _Irregular(text)
        _remember(key, value)
    return value


class _Irregular(ValueError):
    """Something the quick readers leave to the careful builder, which says what is wrong with it (a
    ``ValueError``, as ``yamlblock`` expects)."""


def _quick_build(root: Any) -> tuple[Any, Positions] | None:
    """The data and positions of a node tree without aliases, built as ``_Builder`` builds them, or None
    at the first node that the careful builder would refuse or report (a refused tag or scalar, a key that
    is not a text or is repeated, odd characters in a text, too deep). Most files have none of these; for
    them this costs about half as much as building with every guard.
    """
    quick = _QuickBuilder()
    try:
        data = quick.build(root, ())
    except _Irregular:
        return None
    return data, Positions(quick.values, quick.keys)


class _QuickBuilder:
    __slots__ = ("keys", "values")

    def __init__(self) -> None:
        self.values: dict[Path_, Mark] = {}
        self.keys: dict[Path_, Mark] = {}

    def scalar(self, node: Any) -> Any:
        return _clean_scalar(node.tag, node.value)

    def build(self, node: Any, path: Path_) -> Any:
        mark = node.start_mark
        self.values[path] = (mark.line + 1, mark.column + 1)
        if node.id == "scalar":
            return self.scalar(node)
        if node.tag not in (_SEQ_TAG, _MAP_TAG) or len(path) >= MAX_DEPTH:
            raise _Irregular
        if node.id == "sequence":
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        result: dict[Any, Any] = {}
        keys, values, scalar, built = self.keys, self.values, self.scalar, _BUILT.get
        for key_node, value_node in node.value:
            if key_node.id != "scalar":
                raise _Irregular
            key = built((key_node.tag, key_node.value), _MISSING)
            if key is _MISSING:
                key = scalar(key_node)
            if key.__class__ is not str:
                if key is None:
                    raise _Irregular
                key = key_node.value  # `2023:` or `yes:` as a key is still the text the user wrote
            child = (*path, key)
            if key in result:
                raise _Irregular
            mark = key_node.start_mark
            keys[child] = (mark.line + 1, mark.column + 1)
            if value_node.id == "scalar":  # most values: built here, as ``build`` would
                mark = value_node.start_mark
                values[child] = (mark.line + 1, mark.column + 1)
                value = built((value_node.tag, value_node.value), _MISSING)
                result[key] = scalar(value_node) if value is _MISSING else value
            else:
                result[key] = self.build(value_node, child)
        return result


def _shown_tag(tag: str) -> str:
    """``tag:yaml.org,2002:python/object`` as the user wrote it: ``!!python/object``."""
    return "!!" + tag.removeprefix(_STANDARD_TAG) if tag.startswith(_STANDARD_TAG) else tag


def _kind_of(data: Any) -> str:
    """What the user wrote at the top, not a mapping: in YAML's words rather than Python's (``~`` is null,
    not a NoneType); a date or bytes is text to the user."""
    if data is None:
        return "null"
    if isinstance(data, list):
        return "list"
    if isinstance(data, bool):
        return "bool"
    return "number" if isinstance(data, int | float) else "text"
