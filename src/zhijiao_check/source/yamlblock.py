"""The common shape of a report read line by line, without libyaml: the same data and positions, or None.

A report as people write it, and as ``template`` and ``convert`` write it, is block YAML of one simple shape:
fields ``key: value`` and list entries ``- …`` one a line, plain or one-line quoted values, short flow
lists ``[a, b]`` and mappings of names and plain values ``{a: 1, b: x}`` (市本级's allowances), and
comments, lines ended the Unix way or the Windows way. Reading such a text one line at a time, its lines
split by one regular expression, makes two or three Python objects a value, where
libyaml's composer makes a node and two marks and ``source`` then builds the value: a generated report is
read in about half the time (0.25 ms against 0.47, the least of seven rounds over 1,000 reports), and a bulk
JSON run took some 0.87 of its time when the reader came in.

Anything else returns None at once, and ``source.parse_yaml`` reads the text with libyaml as it always has:
a character libyaml refuses, a tab, a carriage return alone, a value running over lines, a block scalar, an
anchor, alias or tag, a quoted text with an escape, a key that is not a plain name, a repeated key, a text
that ``source`` would refuse or warn of, indentation that YAML reads otherwise or refuses. What it reads it
reads exactly as libyaml and ``source`` do: the same values (PyYAML's resolver and constructors), the same
key order, and the same (line, column) of every key and value, checked against them on every sample and on
generated texts (``tests/input/test_yamlblock.py``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from itertools import repeat
from typing import Any, Protocol, cast

from zhijiao_check.located import MAX_DEPTH, KeyMarks, Mark, Path_, Positions
from zhijiao_check.patterns import later

# What libyaml refuses in a text (control characters, U+FFFE and U+FFFF; no text read holds a surrogate:
# ``read_block``), and what needs its care:
# a tab, a carriage return (``read_block`` takes the one before a line feed), a byte-order mark and the other
# line breaks (NEL, U+2028, U+2029). The control characters (line feed, tab and carriage return among them)
# are taken by no class of ``_LINES``, so that a line holding one is not read; the characters beyond Latin-1
# are looked for one by one: a class holding them takes ``re`` 0.5 ms to compile, more than a report takes to
# read, and a negated class of what libyaml reads took 6.9 ms.
_CONTROL = r"\x00-\x1f\x7f-\x9f"
_UNREAD_OTHER = ("\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff")
# A plain value's first character: not an indicator, but a minus before a digit or a point (``-5``).
_FIRST = rf"""(?:[^-?:,\[\]{{}}#&*!|>'"%@` {_CONTROL}]|-(?=[0-9.]))"""
# The characters a slip of typing (``slips.scan_slips``) needs in a line of the simple shape, each in a value:
# an odd space (first, after a list entry's dash), a full-width colon (after a name, on a list entry's line),
# a full-width hash (after a space), and the opening brace a full-width comma's slip is sought after. Nothing
# else of such a line can make one: a tab, a colon without its space, a dash before a name and a line
# separator are not of the shape, and slips in comments and quotes are none.
_SLIP = "\u00a0\u2000-\u200a\u202f\u205f\u3000：＃{"
_FIRST_CLEAN = rf"""(?:[^-?:,\[\]{{}}#&*!|>'"%@` {_CONTROL}{_SLIP}]|-(?=[0-9.]))"""
# Every line of a text, split into a tuple of texts (a line not met before matched alone, ``_split``; one
# ``findall`` over a text took a fifth less time than a match a line): 1 its indentation, 2 a list entry's
# dash and the blanks after it, 3 a field's key (a name, not YAML's null), 4 the blanks after its colon, then
# the value: 5 a plain one (no colon, no hash), 6 a flow list ``[…]`` or mapping ``{…}`` (which holds no
# character of a slip, nor the full-width comma whose slip is sought after a brace), 7 a quoted one, 8 a plain
# one holding a character of a slip (``_SLIP``: 5 holds none, and a flow list holds no full-width hash); last
# a comment (a hash after a space or at the start). A line of none of these is held whole in 9: so is a line
# with a control character. No class takes a line break, so a match never runs past its line. Every run of
# spaces is matched possessively (``*+``): giving one back never helps, and a line of many blanks would
# otherwise be tried once for each. Each optional part is written ``(?:…|)``, not ``(?:…)?``: ``re`` runs a
# ``?`` of more than one character as a repeat, with a record of its own allocated and the groups' marks saved
# at every step, and an alternative as a branch; and the comment's hash comes before its look behind, so that
# a line without one is passed over at the hash. A third fewer instructions to split a report's lines (290
# million for 300 reports, 191 million now).
_LINES = later(
    rf"""^(?:([ ]*+)(?:(-(?:[ ]++|$))|)(?:(?!(?:null|Null|NULL):)([A-Za-z_][A-Za-z0-9_]*+):([ ]++|$)|)
    (?: ({_FIRST_CLEAN}(?:[^:#{_CONTROL}{_SLIP}]*[^:# {_CONTROL}{_SLIP}]|))
      | (\[[^\[\]{{}}'"\#:{_CONTROL}＃]*+\]|\{{[^\[\]{{}}'"\#{_CONTROL}{_SLIP}，]*+\}})
      | ('[^'{_CONTROL}]*+(?:''[^'{_CONTROL}]*+)*+'|"[^"\\{_CONTROL}]*+")
      | ({_FIRST}(?:[^:#{_CONTROL}]*[^:# {_CONTROL}]|)) |)
    [ ]*+(?:\#(?<![^ \n]\#)[^{_CONTROL}]*+|)|(.+))$""",
    re.VERBOSE | re.MULTILINE,
)
_FLOW_ITEM = later(rf" *({_FIRST}(?:[^,]*[^, ])?) *")
# A field of a flow mapping ``{a: 1, b: x}``: a name, not YAML's null, and a plain value without a colon.
_FLOW_FIELD = later(rf" *((?!(?:null|Null|NULL):)[A-Za-z_][A-Za-z0-9_]*+): +({_FIRST}(?:[^:]*[^: ])?) *")
# Lines read at most: a real report has a few hundred, and ``_split`` holds a tuple for each.
MOST_LINES = 40_000
# Each line's parts as ``_LINES`` splits it, by the line's text: a run's reports repeat most of their lines
# (keys with their flags, names and comments, as the template and last year's report wrote them; 90% of the
# lines of 1,000 reports with varied figures were met before, some 12 a report new), and looking a line up
# costs a tenth of matching it (``findall`` over a text was two fifths of reading it). Bounded: emptied
# when full, so that what recurs is back in it at once; a line longer than ``SPLIT_WIDTH`` (a report's
# are under 100 characters) is matched and not held, so that a file of long lines cannot fill memory.
SPLIT_LINES = 4_096
SPLIT_WIDTH = 160
# A line's parts (``parts``): its indentation, a list entry's dash, a field's key (interned), the column
# where the value after it starts (0-based), then the value's groups of ``_LINES`` and the line of none.
Parts = tuple[int, str, str, int, str, str, str, str, str]
_SPLIT: dict[str, Parts] = {}
_UNSPLIT = ()  # not held (``_split``)
_MISSING = object()


class PlainValues(Protocol):
    """Plain values by their text (``get``), and how to build one not yet held (``value``)."""

    def get(self, text: str, default: Any, /) -> Any: ...

    def value(self, text: str) -> Any: ...


# What the line reader read: the data, the positions, and whether a value holds a character of a slip of
# typing (``_SLIP``): if none does, ``slips.scan_slips`` finds none in the text.
Block = tuple[dict[str, Any], Positions, bool]


def read_block(text: str, plain: PlainValues, quoted: Callable[[str], Any]) -> Block | None:
    """The data and positions of ``text`` if it is of the simple shape, and whether it may hold a slip of
    typing (else no slip is in it); None if it is not of the shape.

    ``plain.value(text)`` builds a plain value (PyYAML's resolver and constructor), ``quoted(text)`` a
    quoted one's text. Both raise ``ValueError`` where ``source`` would refuse the value or warn of it.
    """
    # No lone surrogate is looked for: a text read comes from ``encoding.decode``, whose codecs refuse one,
    # and libyaml could not read one either (encoding the text to UTF-8 for it fails). The look, an encoding
    # of the whole text, was a thirtieth of what reading a report costs.
    if any(char in text for char in _UNREAD_OTHER):
        return None
    if "\r" in text:
        # Windows' line ends, as Notepad and Excel's exports write them: YAML reads CR LF as one break, and a
        # line's columns are the same without its CR. A CR alone (old Mac editors) is left to libyaml.
        if text.count("\r") != text.count("\r\n"):
            return None
        text = text.replace("\r\n", "\n")
    try:
        return _read(text, plain, quoted)
    except ValueError:
        return None


# A container being filled: (the column of its keys or dashes, the dict or list, its path, is it a mapping)
_Open = tuple[int, Any, Path_, bool]


# Each name given as a key, as one text, interned: every later lookup of it (the validator's, the kept fields'
# and paths', the rules') then meets the same text, found by its identity rather than compared. At most
# ``NAMES`` of them (a report's fields have some 150): the names past them, a file's odd keys, are taken as
# they are, since an interned text may outlive its reports (Python 3.12 keeps every one).
NAMES = 4_096
_NAMES: dict[str, str] = {}


def _named(key: str) -> str:
    if len(_NAMES) < NAMES:
        key = _NAMES[key] = sys.intern(key)
    return key


# One loop over the lines, with no call a line: this is the hot path of a bulk run.
def _read(text: str, plain: PlainValues, quoted: Callable[[str], Any]) -> Block | None:
    # a shorter text has fewer lines: not counted (counting a report's line ends was 1% of reading it)
    if len(text) >= MOST_LINES and text.count("\n") >= MOST_LINES:
        return None
    values: dict[Path_, Mark] = {}
    keys: dict[Path_, Mark] = {}
    root: dict[str, Any] = {}
    outer: list[_Open] = []  # the open containers around the current one, innermost last
    # The current container: its keys' or dashes' column, the dict or list, its path, is it a mapping.
    column, mapping = -1, True
    path: Path_ = ()
    container: Any = None
    # A key with nothing after its colon, waiting for the next line: (its mapping, key, path, the mapping's
    # column, null's mark: just after the colon, as libyaml marks it)
    pending: tuple[dict[str, Any], str, Path_, int, Mark] | None = None
    held = plain.get
    number = 0
    may_slip = False
    child: Path_
    for indent, dash, key, at, value_, flow, quoted_, slipped, other in _split(text):
        number += 1
        if not (value_ and key and pending is None and indent == column and mapping and not dash):
            # Anything but a plain field of the mapping being filled: most lines are one, and need none
            # of these tests, only the field's tail below.
            if other:
                return None
            if slipped:  # a plain value all the same, which ``scan_slips`` then reads
                value_, may_slip = slipped, True
            if not (dash or key or value_ or flow or quoted_):
                continue  # blank, or a comment
            if pending is not None:
                parent, name, below, above, empty = pending
                pending = None
                if indent > above or (dash and indent == above):
                    if len(below) >= MAX_DEPTH:
                        return None
                    block: dict[str, Any] | list[Any] = [] if dash else {}
                    parent[name] = block
                    outer.append((column, container, path, mapping))
                    column, container, path, mapping = indent, block, below, not dash
                    values[path] = (number, indent + 1)
                else:
                    parent[name] = None
                    values[below] = empty
            elif container is None:
                if indent or dash:
                    return None  # a document that is not a mapping at the margin
                column, container = 0, root
                values[()] = (number, 1)
            while column > indent or (column == indent and not mapping and not dash):
                if not outer:
                    return None
                column, container, path, mapping = outer.pop()  # this line is of a container further out
            if column != indent:
                return None  # between two containers' columns, or below a value on one line
            if not mapping:
                if not dash:
                    return None
                child = path + (len(container),)
                if not key:
                    if not (value_ or flow or quoted_):
                        return None  # a dash alone: what follows it is left to libyaml
                    start = indent + len(dash)
                    read = _value(value_, flow, quoted_, number, start, child, values, keys, plain, quoted)
                    container.append(read)
                    continue
                if len(child) >= MAX_DEPTH:
                    return None
                entry: dict[str, Any] = {}
                container.append(entry)
                outer.append((column, container, path, mapping))
                column, container, path, mapping = indent + len(dash), entry, child, True
                values[child] = (number, column + 1)
            elif dash or not key:
                return None
        if key in container:
            return None  # repeated: ``source`` says so
        child = path + (key,)
        # a key's mark is its value's line at its mapping's column (``KeyMarks``), held only for a key whose
        # value starts below it
        if value_:  # most lines: as ``_value`` reads it
            values[child] = (number, at + 1)
            found = held(value_, _MISSING)
            container[key] = plain.value(value_) if found is _MISSING else found
        elif flow or quoted_:
            container[key] = _value("", flow, quoted_, number, at, child, values, keys, plain, quoted)
        else:
            keys[child] = (number, column + 1)
            pending = (container, key, child, column, (number, column + len(key) + 2))
    if pending is not None:
        parent, name, below, _, empty = pending
        parent[name] = None
        values[below] = empty
    if container is None:
        return None
    return root, Positions(values, cast(dict[Path_, Mark], KeyMarks(values, keys))), may_slip


def _split(text: str) -> list[Parts]:
    """Each line's parts (``parts`` of what ``_LINES.findall(text)`` gives it: a match a line, as no class of
    it takes a line break), those of a line met before held (``_SPLIT``)."""
    lines = text.split("\n")
    held = list(map(_SPLIT.get, lines, repeat(_UNSPLIT)))
    index = -1
    match = _LINES.match
    try:
        while True:
            index = held.index(_UNSPLIT, index + 1)  # the next line not held, found in C
            line = lines[index]
            held[index] = split = parts(cast("re.Match[str]", match(line)).groups(""))
            if len(line) <= SPLIT_WIDTH:
                if len(_SPLIT) >= SPLIT_LINES:
                    _SPLIT.clear()
                _SPLIT[line] = split
    except ValueError:  # no line left that is not held
        return cast("list[Parts]", held)


def parts(groups: tuple[str, ...]) -> Parts:
    """A line's parts as ``_read`` reads them, from its groups of ``_LINES``: what a line's text alone says
    is worked out once for all the lines of its text (``_SPLIT``), the name interned (``_named``), the
    indentation and the column where the value after a key starts (0-based) counted."""
    spaces, dash, key, gap, value, flow, quoted, slipped, other = groups
    if key:
        key = _NAMES.get(key) or _named(key)  # one text for each name, however many lines give it
    indent = len(spaces)
    start = indent + len(dash) + len(key) + len(gap) + 1
    return indent, dash, key, start, value, flow, quoted, slipped, other


def forget_lines() -> None:
    """Let go of the lines held (``_SPLIT``) once a run has read every report (``yamltree.forget_built``)."""
    _SPLIT.clear()


def _value(
    value: str,
    flow: str,
    quoted_: str,
    number: int,
    start: int,
    path: Path_,
    values: dict[Path_, Mark],
    keys: dict[Path_, Mark],
    plain: PlainValues,
    quoted: Callable[[str], Any],
) -> Any:
    """The value that ends a line (plain, a flow list or mapping, or quoted: the one given), marked where it
    starts (``start``, 0-based)."""
    values[path] = (number, start + 1)
    if value:
        found = plain.get(value, _MISSING)
        return plain.value(value) if found is _MISSING else found
    if flow:
        return _flow(flow, number, start + 1, path, values, keys, plain)
    return quoted(quoted_[1:-1].replace("''", "'") if quoted_[0] == "'" else quoted_[1:-1])


def _flow(
    flow: str,
    number: int,
    start: int,
    path: Path_,
    values: dict[Path_, Mark],
    keys: dict[Path_, Mark],
    plain: PlainValues,
) -> list[Any] | dict[str, Any]:
    """``[a, b]``'s values or ``{a: 1, b: x}``'s fields (``start``: where the first may start, 0-based), each
    marked where it starts; a flow mapping's keys too, held (``keys``) as they are not on their mapping's
    column (``KeyMarks``)."""
    if len(path) >= MAX_DEPTH:
        raise ValueError(flow)
    mapping = flow[0] == "{"
    items: list[Any] = []
    fields: dict[str, Any] = {}
    inner = flow[1:-1]
    if not inner.strip(" "):
        return fields if mapping else items
    pattern = _FLOW_FIELD if mapping else _FLOW_ITEM
    for part in inner.split(","):
        found = pattern.fullmatch(part)
        if found is None:
            # an empty entry (``[a, , b]``, ``[a, ]``), a key that is not a name, a value that is not plain
            raise ValueError(part)
        text = found.group(found.lastindex or 0)
        if mapping:
            key = _NAMES.get(found.group(1)) or _named(found.group(1))
            if key in fields:
                raise ValueError(key)  # repeated: ``source`` says so
            child = path + (key,)
            keys[child] = (number, start + found.start(1) + 1)
        else:
            child = path + (len(items),)
        values[child] = (number, start + found.start(found.lastindex or 0) + 1)
        value = plain.get(text, _MISSING)
        value = plain.value(text) if value is _MISSING else value
        if mapping:
            fields[key] = value
        else:
            items.append(value)
        start += len(part) + 1
    return fields if mapping else items
