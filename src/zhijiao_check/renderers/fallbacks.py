"""Text for a terminal whose encoding lacks some glyphs, laid out as it will be shown.

Written to a terminal, a glyph its encoding lacks is replaced by a fallback (``status.encodable``): ``∉`` is
``not in`` in GBK, ``…`` is ``...`` in ASCII; on an East Asian console, which draws ``≥ ─ √ “`` two cells
wide, each is ASCII (``>=``). Any other character the encoding lacks is escaped (``\\u4dae``). Replaced after
the layout, a fallback or an escape wider than its glyph made its line wider than the layout made it: a line
padded to the width gave up its padding, one without padding went past the terminal's edge. The table view
replaces them all before it lays anything out, in the run document, in its words (``Shown``) and in its
glyphs, so that it measures what the terminal shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.wording import Wording


def as_shown(encoding: str | None) -> dict[int, str]:
    """What a terminal in ``encoding`` shows for each glyph it lacks or shows wider than the layout counts it
    (``status.fallbacks``), and for each other character it lacks, the escape it is written as (``\\u4dae``:
    six cells where the layout counted two): ``str.translate``'s table, applied before the layout so that
    it measures what is shown; none for no encoding (a file, a pipe: written in UTF-8)."""
    if encoding is None:
        return {}
    from zhijiao_check.status import WIDE_DOT, fallbacks

    table = fallbacks(encoding)
    if table.get(ord(WIDE_DOT)) == "·":
        # A console that draws ``·`` two cells wide: laid out as ``WIDE_DOT``, which stays so until it is
        # written as ``·`` (a text put in place twice, a message in a message, is as put in place once).
        table = {**table, ord("·"): WIDE_DOT, ord(WIDE_DOT): WIDE_DOT}
    try:
        "\U0010fffd\u4dae".encode(encoding)  # a Unicode encoding (UTF-8, GB18030) escapes nothing
    except UnicodeEncodeError:
        return _Escaped(table, encoding)
    return table


class _Escaped(dict[int, str]):
    """A ``str.translate`` table that also gives each character ``encoding`` lacks as the writer escapes it
    (``output``: ``backslashreplace``), asked once a character; the others stand for themselves."""

    def __init__(self, table: dict[int, str], encoding: str) -> None:
        super().__init__(table)
        self._encoding = encoding

    def __bool__(self) -> bool:
        return True  # a character the encoding lacks may yet come: the table is always applied

    def __missing__(self, code: int) -> str:
        char = chr(code)
        try:
            char.encode(self._encoding)
        except UnicodeEncodeError:
            shown = char.encode("ascii", "backslashreplace").decode("ascii")
        else:
            shown = char
        self[code] = shown
        return shown


class Shown(Translator):
    """A translator whose messages and wording come with ``table``'s fallbacks in place of their glyphs."""

    def __init__(self, lang: Lang, table: dict[int, str]) -> None:
        super().__init__(lang)
        self._table = table

    def __call__(self, key: str, /, **params: object) -> str:
        return super().__call__(key, **params).translate(self._table)

    def render(self, wording: Wording) -> str:
        return super().render(wording).translate(self._table)


def translated(data: Any, table: dict[int, str]) -> Any:
    """The run document (``data``) with ``table``'s fallbacks in place of their glyphs in every text."""
    if isinstance(data, str):
        return data.translate(table)
    if isinstance(data, Mapping):
        return {key: translated(value, table) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return type(data)(translated(item, table) for item in data)
    return data
