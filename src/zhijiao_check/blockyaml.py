"""The common shape of a report read line by line, without libyaml: the same data and positions, or None.

A report as people write it, and as ``template`` and ``convert`` write it, is block YAML of one simple shape:
fields ``key: value`` and list entries ``- …`` one a line, plain or one-line quoted values, short flow
lists ``[a, b]``, and comments, lines ended the Unix way or the Windows way. Reading such a text one line at
a time, each line matched by one regular expression, makes two or three Python objects a value, where
libyaml's composer makes a node and two marks and ``source`` then builds the value: a generated report is
read in 0.6 of the time (0.39 ms against 0.67), and a bulk JSON run takes some 0.87 of its time.

Anything else returns None at once, and ``source.parse_yaml`` reads the text with libyaml as it always has:
a character libyaml refuses, a tab, a carriage return alone, a value running over lines, a block scalar, an
anchor, alias or tag, a quoted text with an escape, a key that is not a plain name, a repeated key, a text
that ``source`` would refuse or warn of, indentation that YAML reads otherwise or refuses. What it reads it
reads exactly as libyaml and ``source`` do: the same values (PyYAML's resolver and constructors), the same
key order, and the same (line, column) of every key and value, checked against them on every sample and on
generated texts (``tests/input/test_blockyaml.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol

from zhijiao_check.located import MAX_DEPTH, Mark, Path_, Positions
from zhijiao_check.patterns import later

# What libyaml refuses in a text (control characters, surrogates, U+FFFE and U+FFFF), and what needs its care:
# a tab, a carriage return (``read_block`` takes the one before a line feed), a byte-order mark and the other
# line breaks (NEL, U+2028, U+2029). The characters beyond Latin-1 are looked for one by one: a class holding
# them takes ``re`` 0.5 ms to compile, more than a report takes to read, and a negated class of what libyaml
# reads took 6.9 ms.
_UNREAD_LATIN = later("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_UNREAD_OTHER = ("\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff")
# A plain value's first character: not an indicator, but a minus before a digit or a point (``-5``).
_FIRST = r"""(?:[^-?:,\[\]{}#&*!|>'"%@` ]|-(?=[0-9.]))"""
# One line, split: 1 its indentation, 2 a list entry's dash, 3 a field's key (a name, not YAML's null), then
# the value: 4 a plain one (no colon, no hash), 5 what a flow list ``[…]`` holds, 6 a quoted one; last a
# comment (a hash after a space or at the start). ``lastindex`` tells them apart: 1 is a line with nothing
# but a comment. Every run of spaces is matched possessively (``*+``): giving one back never helps, and a
# line of many blanks would otherwise be tried once for each.
_LINE = later(
    rf"""([ ]*+)(-(?:[ ]++|$))?(?:(?!(?:null|Null|NULL):)([A-Za-z_][A-Za-z0-9_]*+):(?:[ ]++|$))?
    (?: ({_FIRST}(?:[^:#]*[^:# ])?) | \[([^\[\]{{}}'"\#:]*+)\] | ((?:'[^']*+(?:''[^']*+)*+'|"[^"\\]*+")) )?
    [ ]*+(?:(?<![^ ])\#.*)?""",
    re.VERBOSE,
)
_FLOW_ITEM = later(rf" *({_FIRST}(?:[^,]*[^, ])?) *")
_DASH, _KEY, _PLAIN, _FLOW = 2, 3, 4, 5
_MISSING = object()


class PlainValues(Protocol):
    """Plain values by their text (``get``), and how to build one not yet held (``value``)."""

    def get(self, text: str, default: Any, /) -> Any: ...

    def value(self, text: str) -> Any: ...


def read_block(
    text: str, plain: PlainValues, quoted: Callable[[str], Any]
) -> tuple[dict[str, Any], Positions] | None:
    """The data and positions of ``text`` if it is of the simple shape, else None.

    ``plain.value(text)`` builds a plain value (PyYAML's resolver and constructor), ``quoted(text)`` a
    quoted one's text. Both raise ``ValueError`` where ``source`` would refuse the value or warn of it.
    """
    if _UNREAD_LATIN.search(text) or any(char in text for char in _UNREAD_OTHER):
        return None
    if "\r" in text:
        # Windows' line ends, as Notepad and Excel's exports write them: YAML reads CR LF as one break, and a
        # line's columns are the same without its CR. A CR alone (old Mac editors) is left to libyaml.
        if text.count("\r") != text.count("\r\n"):
            return None
        text = text.replace("\r\n", "\n")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return None  # a lone surrogate
    try:
        return _read(text, plain, quoted)
    except ValueError:
        return None


# A container being filled: (the column of its keys or dashes, the dict or list, its path, is it a mapping)
_Open = tuple[int, Any, Path_, bool]


# One loop over the lines, with no call a line but the match's: this is the hot path of a bulk run.
def _read(
    text: str, plain: PlainValues, quoted: Callable[[str], Any]
) -> tuple[dict[str, Any], Positions] | None:
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
    match = _LINE.fullmatch
    number = 0
    for line in text.split("\n"):
        number += 1
        found = match(line)
        if found is None:
            return None
        last = found.lastindex or 0
        if last == 1:
            continue  # blank, or a comment
        indent = found.end(1)
        dash, key = found.group(_DASH, _KEY)
        if pending is not None:
            parent, name, below, above, empty = pending
            pending = None
            if indent > above or (dash is not None and indent == above):
                if len(below) >= MAX_DEPTH:
                    return None
                block: dict[str, Any] | list[Any] = {} if dash is None else []
                parent[name] = block
                outer.append((column, container, path, mapping))
                column, container, path, mapping = indent, block, below, dash is None
                values[path] = (number, indent + 1)
            else:
                parent[name] = None
                values[below] = empty
        elif container is None:
            if indent or dash is not None:
                return None  # a document that is not a mapping at the margin
            column, container = 0, root
            values[()] = (number, 1)
        while column > indent or (column == indent and not mapping and dash is None):
            if not outer:
                return None
            column, container, path, mapping = outer.pop()  # this line is of a container further out
        if column != indent:
            return None  # between two containers' columns, or below a value on one line
        if not mapping:
            if dash is None:
                return None
            child: Path_ = path + (len(container),)
            if key is None:
                if last < _PLAIN:
                    return None  # a dash alone: what follows it is left to libyaml
                container.append(_value(found, last, number, child, values, plain, quoted))
                continue
            if len(child) >= MAX_DEPTH:
                return None
            entry: dict[str, Any] = {}
            container.append(entry)
            outer.append((column, container, path, mapping))
            column, container, path, mapping = found.start(_KEY), entry, child, True
            values[child] = (number, column + 1)
        elif dash is not None or key is None:
            return None
        if key in container:
            return None  # repeated: ``source`` says so
        child = path + (key,)
        keys[child] = (number, column + 1)
        if last == _PLAIN:  # most lines: as ``_value`` reads it
            values[child] = (number, found.start(_PLAIN) + 1)
            text_ = found.group(_PLAIN)
            value = held(text_, _MISSING)
            container[key] = plain.value(text_) if value is _MISSING else value
        elif last == _KEY:
            pending = (container, key, child, column, (number, column + len(key) + 2))
        else:
            container[key] = _value(found, last, number, child, values, plain, quoted)
    if pending is not None:
        parent, name, below, _, empty = pending
        parent[name] = None
        values[below] = empty
    if container is None:
        return None
    return root, Positions(values, keys)


def _value(
    found: re.Match[str],
    last: int,
    number: int,
    path: Path_,
    values: dict[Path_, Mark],
    plain: PlainValues,
    quoted: Callable[[str], Any],
) -> Any:
    """The value that ends a line, marked where it starts."""
    start = found.start(last)
    if last == _PLAIN:
        values[path] = (number, start + 1)
        text = found.group(last)
        value = plain.get(text, _MISSING)
        return plain.value(text) if value is _MISSING else value
    if last == _FLOW:
        values[path] = (number, start)  # the bracket
        return _flow(found.group(last), number, start, path, values, plain)
    values[path] = (number, start + 1)
    text = found.group(last)
    return quoted(text[1:-1].replace("''", "'") if text[0] == "'" else text[1:-1])


def _flow(
    inner: str, number: int, start: int, path: Path_, values: dict[Path_, Mark], plain: PlainValues
) -> list[Any]:
    """``[a, b]``'s values (``start``: where ``a`` may start, 0-based), each marked where it starts."""
    if len(path) >= MAX_DEPTH:
        raise ValueError(inner)
    if not inner.strip(" "):
        return []
    items: list[Any] = []
    for part in inner.split(","):
        found = _FLOW_ITEM.fullmatch(part)
        if found is None:
            raise ValueError(part)  # an empty entry (``[a, , b]``, ``[a, ]``) or one that is not plain
        text = found.group(1)
        values[path + (len(items),)] = (number, start + found.start(1) + 1)
        value = plain.get(text, _MISSING)
        items.append(plain.value(text) if value is _MISSING else value)
        start += len(part) + 1
    return items
