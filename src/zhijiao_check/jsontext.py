"""JSON text as the tool writes it: two-space indent, UTF-8 characters as they are, one way for every output.

orjson writes it about 15 times faster than the standard library's pure-Python indenting encoder (which a
large run's JSON, SARIF and validation output spent a quarter of their time in), and byte for byte the same
text but for one thing: a float under 1e-4 in magnitude, which Python writes as ``1e-05`` and orjson as
``0.00001``. Those few are rewritten to Python's spelling; anything orjson refuses (an integer beyond 64 bits,
a lone surrogate) falls back to the standard library. Strict JSON either way: a number that is not finite is
written as null (orjson's way), never as ``NaN`` or ``Infinity``, which no JSON parser need read.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from itertools import islice
from typing import Any, NamedTuple

from zhijiao_check.patterns import later

# orjson's spelling of a float under 1e-4 as a whole token ending its line (indented JSON puts every number at
# the end of a line, and a string there would end with its quote, so text inside a string never matches).
_SMALL_FLOAT = later(rb"(?<![0-9.\-])(-?(?:0\.0000[0-9]+|[0-9](?:\.[0-9]+)?e-[0-9]+))(?=,?(?:\n|$))")
_EXPONENT = later(rb"e-[0-9]")
_INDENT = b"  "
PLAIN = 256  # entries of a plain ``Lazy`` list written at a time


def dumps(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, fast."""
    raw = _written(data)
    return raw if isinstance(raw, str) else raw.decode("utf-8")


def compact(data: Any) -> bytes:
    """``json.dumps(data, ensure_ascii=False, separators=(",", ":"))`` in UTF-8 as the tool writes text (a
    lone surrogate escaped), fast: the data a page embeds."""
    import orjson

    try:
        raw = orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)
    except TypeError:  # orjson.JSONEncodeError: a value outside what it encodes
        raw = b""
    if raw and not _may_hold_small_floats(raw):
        return raw
    # Without a line end after each number, orjson's spelling of a small float cannot be told from the same
    # characters in a string: the standard library writes such a document whole (strict, as orjson is).
    text = json.dumps(_finite(data), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.encode("utf-8", errors="backslashreplace")


def encoded(data: Any, depth: int = 0, small_floats: bool = True) -> bytes:
    """``dumps(data)`` in UTF-8 as the tool writes text (``output``: a lone surrogate escaped), its lines
    indented as a value ``depth`` levels down in a larger text. ``small_floats=False``: the caller knows no
    float under 1e-4 in magnitude is in ``data`` (``document.reported``), so the text is not looked
    through for one (some 30 µs for a report's entry, about what orjson takes to write it)."""
    # Written as the only item of lists ``depth`` deep, then cut out: the encoder indents it as it goes, which
    # costs less than indenting the text again (a large run's report entries are megabytes).
    nested = data
    for _ in range(depth):
        nested = [nested]
    raw = _written(nested, small_floats)
    if isinstance(raw, str):
        raw = raw.encode("utf-8", errors="backslashreplace")
    if not depth:
        return raw
    before, after = _around(depth)
    return raw[before : len(raw) - after]


@cache
def _around(depth: int) -> tuple[int, int]:
    """The size of the lists around a value written ``depth`` deep (``encoded``), before it and after it:
    for each level, ``[``, a line break and the next level's indent; a line break, its indent and ``]``."""
    before = sum(2 + len(_INDENT) * (level + 1) for level in range(depth))
    return before, sum(2 + len(_INDENT) * level for level in range(depth))


def _written(data: Any, small_floats: bool = True) -> bytes | str:
    """orjson's UTF-8, or the standard library's text for what orjson refuses; ``small_floats``: whether
    ``data`` may hold a float orjson spells otherwise than Python. Written first without orjson's
    ``OPT_NON_STR_KEYS``, which makes the same text of ``str`` keys and takes a fifth longer for a report's
    entry; only a mapping keyed otherwise (a summary by ``Status``: ``document.reported`` keys a flat run's
    entries by text) is written again with it."""
    import orjson

    try:
        try:
            raw = orjson.dumps(data, option=orjson.OPT_INDENT_2)
        except TypeError:  # a key of another type, or a value orjson refuses: told apart below
            raw = orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS)
    except TypeError:  # orjson.JSONEncodeError: a value outside what it encodes
        return json.dumps(_finite(data), ensure_ascii=False, indent=2, allow_nan=False)
    return _as_python(raw) if small_floats else raw


def _as_python(raw: bytes) -> bytes:
    """orjson's text with each float under 1e-4 in magnitude spelt as Python spells it."""
    return _SMALL_FLOAT.sub(_python_float, raw) if _may_hold_small_floats(raw) else raw


class Lazy:
    """A list in a document written by ``chunks``, whose entries ``entries()`` makes one at a time (each a
    value, or a ``Written`` one), so that the whole list is never held at once. ``plain``: the entries are
    values with nothing lazy inside, written ``PLAIN`` at a time (one call of the encoder for each, as
    ``chunks`` writes other entries, costs about as much as making them)."""

    def __init__(self, entries: Callable[[], Iterable[Any]], plain: bool = False) -> None:
        self.entries = entries
        self.plain = plain


class Written(bytes):
    """An entry of a ``Lazy`` list already written by ``encoded(value, depth)``, at its entries' depth."""


def written_list(entries: Sequence[bytes], depth: int) -> Written:
    """A list written as ``encoded(list, depth)`` writes it, its entries already written (each
    ``encoded(entry, depth + 1)``): joined, not written again."""
    if not entries:
        return Written(b"[]")
    inner = b"\n" + _INDENT * (depth + 1)
    return Written(b"[" + b",".join(inner + entry for entry in entries) + b"\n" + _INDENT * depth + b"]")


def written_object(fields: Sequence[tuple[str, bytes]], depth: int) -> Written:
    """A dict written as ``encoded(dict, depth)`` writes it, its values already written (each
    ``encoded(value, depth + 1)``): joined, not written again."""
    if not fields:
        return Written(b"{}")
    inner = b"\n" + _INDENT * (depth + 1)
    return Written(
        b"{"
        + b",".join(inner + encoded(key) + b": " + value for key, value in fields)
        + b"\n"
        + _INDENT * depth
        + b"}"
    )


class Span(NamedTuple):
    """A piece of a document's text that stands in a file (a flat run's spool), left there: the writer has
    the system copy it to the output where it can (``output``: no copy read into memory and written out
    again, some 29 KB a report), else reads it (``text``)."""

    descriptor: int
    at: int
    size: int

    def text(self) -> bytes:
        return os.pread(self.descriptor, self.size, self.at)


# A piece of a document's text as ``chunks`` gives it: its bytes, or where they stand in a file.
Piece = bytes | Span


class Spooled:
    """An entry of a ``Lazy`` list written as ``Written`` is but kept out of memory (a large run's city-wide
    year, megabytes): ``pieces()`` gives its text a bounded piece at a time (or a ``Span`` of it), ``value()``
    what a view reads of it."""

    def __init__(self, pieces: Callable[[], Iterable[Piece]], value: Callable[[], Any]) -> None:
        self.pieces = pieces
        self.value = value


def entries_of(section: Any) -> Iterator[Any]:
    """Each entry of a document's list as a value: a ``Lazy`` list's made as they come, a ``Written`` one read
    back (``loads``), so that a view reads a large run's document as it reads a whole one."""
    if isinstance(section, Lazy):
        for entry in section.entries():
            if isinstance(entry, Written):
                yield loads(entry)
            else:
                yield entry.value() if isinstance(entry, Spooled) else entry
    else:
        yield from section


def loads(text: bytes) -> Any:
    """What ``encoded`` wrote, read back: the same values (JSON's), by orjson, or by the standard library for
    what orjson refuses (an integer beyond 64 bits, an escaped lone surrogate)."""
    import orjson

    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def chunks(data: Any, depth: int = 0) -> Iterator[Piece]:
    """``encoded(data)`` in pieces, ``Lazy`` lists (in dicts and lists at any depth) written as they come."""
    if isinstance(data, Lazy):
        yield from (_plain if data.plain else _entries)(iter(data.entries()), depth)
        return
    holed = _holed(data, depth) if isinstance(data, dict | list) else None
    if holed is not None:
        texts, lazy = holed
        yield texts[0]
        for before, one, after in zip(texts, lazy, texts[1:], strict=False):
            # where its line's indent says: a key's value, or a list's entry
            line = before[before.rfind(b"\n") + 1 :]
            yield from chunks(one, (len(line) - len(line.lstrip(b" "))) // len(_INDENT))
            yield after
    elif isinstance(data, dict) and _holds_lazy(data):
        if not data:
            yield b"{}"
            return
        inner = _INDENT * (depth + 1)
        separator = b"{\n"
        for key, value in data.items():
            yield separator + inner + encoded(str(key)) + b": "
            yield from chunks(value, depth + 1)
            separator = b",\n"
        yield b"\n" + _INDENT * depth + b"}"
    elif isinstance(data, list) and _holds_lazy(data):
        yield from _entries(iter(data), depth)
    else:
        yield encoded(data, depth)


# What a ``Lazy`` list is written as by ``_holed``, then cut out: text no document holds (orjson writes the
# NULs escaped, as it would write them in a report's own text, where ``_holed`` counts the holes it made).
_HOLE = "\x00zhijiao-check: a Lazy list\x00"
_HOLE_TEXT = b'"\\u0000zhijiao-check: a Lazy list\\u0000"'


def _holed(data: dict[Any, Any] | list[Any], depth: int) -> tuple[list[bytes], list[Lazy]] | None:
    """``encoded(data, depth)`` in one call of orjson, each ``Lazy`` list in it written as a hole: the texts
    between the holes, and the lists, in order. Where a dict holding one was written key by key, each key and
    value a call of its own (a city-wide result's 19, with a look for a ``Lazy`` list in each value), and a
    dict without one twice (the look, then the text). None for what orjson refuses besides (the callers'
    slower way writes it), and for a text that says what a hole does."""
    import orjson

    lazy: list[Lazy] = []

    def hole(value: Any) -> str:
        if isinstance(value, Lazy):
            lazy.append(value)
            return _HOLE
        raise TypeError

    nested: Any = data
    for _ in range(depth):
        nested = [nested]
    try:
        try:
            raw = orjson.dumps(nested, default=hole, option=orjson.OPT_INDENT_2)
        except TypeError:  # a key of another type (a summary by ``Status``), or a value orjson refuses
            lazy.clear()
            raw = orjson.dumps(nested, default=hole, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS)
    except TypeError:
        return None
    before, after = _around(depth)
    texts = _as_python(raw[before : len(raw) - after]).split(_HOLE_TEXT)
    return (texts, lazy) if len(texts) == len(lazy) + 1 else None


def _entries(entries: Iterator[Any], depth: int) -> Iterator[Piece]:
    inner = _INDENT * (depth + 1)
    separator = b"[\n"
    for entry in entries:
        yield separator + inner
        if isinstance(entry, Written):
            yield entry
        elif isinstance(entry, Spooled):
            yield from entry.pieces()
        else:
            yield from chunks(entry, depth + 1)
        separator = b",\n"
    yield b"[]" if separator == b"[\n" else b"\n" + _INDENT * depth + b"]"


def _plain(entries: Iterator[Any], depth: int) -> Iterator[bytes]:
    """``_entries`` of values with nothing lazy inside, ``PLAIN`` written at once: a list of them is the same
    text as they are between its brackets."""
    opening, closing = b"[\n", b"\n" + _INDENT * depth + b"]"
    separator = opening
    while batch := list(islice(entries, PLAIN)):
        text = encoded(batch, depth)
        yield separator + text[len(opening) : -len(closing)]
        separator = b",\n"
    yield b"[]" if separator == opening else closing


def _holds_lazy(data: dict[Any, Any] | list[Any]) -> bool:
    """Whether a ``Lazy`` list is anywhere inside. orjson looks, at C speed, and asks ``_lazy_found`` about
    what it cannot write (a run document's city-wide years and trends would cost a walk in Python at every
    level); what it refuses for another reason is walked in Python."""
    import orjson

    try:
        orjson.dumps(data, default=_lazy_found, option=orjson.OPT_NON_STR_KEYS)
    except orjson.JSONEncodeError as error:
        return isinstance(error.__cause__, _LazyFound) or _walked_holds_lazy(data)
    return False


class _LazyFound(Exception):
    pass


def _lazy_found(value: Any) -> Any:
    raise _LazyFound if isinstance(value, Lazy) else TypeError


def _walked_holds_lazy(data: dict[Any, Any] | list[Any]) -> bool:
    values = data.values() if isinstance(data, dict) else data
    return any(
        isinstance(value, Lazy) or (isinstance(value, dict | list) and _walked_holds_lazy(value))
        for value in values
    )


def _may_hold_small_floats(raw: bytes) -> bool:
    """A quick look before the slower regex: ``0.0000`` or an ``e-`` before a digit anywhere (rule IDs hold
    many an ``e-`` before a letter)."""
    return b"0.0000" in raw or _EXPONENT.search(raw) is not None


def _python_float(match: re.Match[bytes]) -> bytes:
    return repr(float(match.group(1))).encode()


def _finite(data: Any) -> Any:
    """``data`` with every number that is not finite as None, as orjson writes it."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {key: _finite(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_finite(value) for value in data]
    return data
