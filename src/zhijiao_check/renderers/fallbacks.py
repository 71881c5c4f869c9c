"""Text for a terminal whose encoding lacks some glyphs, laid out as it will be shown.

Written to a terminal, a glyph its encoding lacks is replaced by a fallback (``glyphs.encodable``): ``∉`` is
``not in`` in GBK, ``…`` is ``...`` in ASCII; on an East Asian console, which draws ``≥ ─ √ “`` two cells
wide, each is ASCII (``>=``). Any other character the encoding lacks is escaped (``\\u4dae``). Replaced after
the layout, a fallback or an escape wider than its glyph made its line wider than the layout made it: a line
padded to the width gave up its padding, one without padding went past the terminal's edge. The table view
replaces them all before it lays anything out, in the run document, in its words (``Shown``) and in its
glyphs, so that it measures what the terminal shows.

A user's own text in a message (a value quoted, a field path: ``characters.user_text``) is no glyph of the
tool's: shown as typed where the encoding has it (a cell's ``√`` was shown as ``+``), escaped where it lacks
it (``\\u2713``), never replaced by another character (``shown``).
"""

from __future__ import annotations

from collections.abc import Mapping
from re import DOTALL
from typing import Any

from zhijiao_check.characters import USER_CLOSE, USER_OPEN
from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.patterns import later
from zhijiao_check.wording import Wording


def as_shown(encoding: str | None) -> dict[int, str]:
    """What a terminal in ``encoding`` shows for each glyph it lacks or shows wider than the layout counts it
    (``glyphs.fallbacks``), and for each other character it lacks, the escape it is written as (``\\u4dae``:
    six cells where the layout counted two): ``str.translate``'s table, applied before the layout so that
    it measures what is shown; none for no encoding (a file, a pipe: written in UTF-8)."""
    if encoding is None:
        return {}
    from zhijiao_check.glyphs import WIDE_DOT, fallbacks

    table = fallbacks(encoding)
    if table.get(ord(WIDE_DOT)) == "·":
        # A console that draws ``·`` two cells wide: laid out as ``WIDE_DOT``, which stays so until it is
        # written as ``·`` (a text put in place twice, a message in a message, is as put in place once).
        table = {**table, ord("·"): WIDE_DOT, ord(WIDE_DOT): WIDE_DOT}
    try:
        "\U0010fffd\u4dae".encode(encoding)  # a Unicode encoding (UTF-8, GB18030) escapes nothing
    except UnicodeEncodeError:
        return _Escaped(table, encoding)
    return _Table(table, encoding) if table else table


def as_written(encoding: str) -> dict[int, str]:
    """For a view not laid out (annotations, one a line): none of the tool's glyphs replaced here (the writer
    replaces them: ``glyphs.encodable``), a user's text as typed or escaped (``shown``)."""
    return _Escaped({}, encoding, own=False)


class _Table(dict[int, str]):
    """A ``str.translate`` table of the fallbacks of ``encoding``, which a user's text is shown in
    (``shown``)."""

    def __init__(self, table: dict[int, str], encoding: str) -> None:
        super().__init__(table)
        self.encoding = encoding

    def as_typed(self, char: str) -> str:
        """``char`` of a user's text as typed (a glyph the tool would replace kept so until it is written:
        ``glyphs.kept_as_typed``), or escaped where the encoding lacks it."""
        from zhijiao_check.glyphs import fallbacks, kept_as_typed

        try:
            char.encode(self.encoding)
        except (UnicodeEncodeError, LookupError):
            return char.encode("ascii", "backslashreplace").decode("ascii")
        return kept_as_typed(char) if ord(char) in fallbacks(self.encoding) else char


class _Escaped(_Table):
    """A ``str.translate`` table that also gives each character ``encoding`` lacks as the writer escapes it
    (``output``: ``backslashreplace``), asked once a character; the others stand for themselves."""

    def __init__(self, table: dict[int, str], encoding: str, own: bool = True) -> None:
        super().__init__(table, encoding)
        self._own = own  # whether the tool's own text is escaped here too, else left to the writer

    def __bool__(self) -> bool:
        return True  # a character the encoding lacks may yet come: the table is always applied

    def __missing__(self, code: int) -> str:
        char = chr(code)
        shown = char.encode(self.encoding, "backslashreplace").decode(self.encoding) if self._own else char
        self[code] = shown
        return shown


class Shown(Translator):
    """A translator whose messages and wording come with ``table``'s fallbacks in place of their glyphs."""

    def __init__(self, lang: Lang, table: dict[int, str]) -> None:
        super().__init__(lang)
        self._table = table

    def __call__(self, key: str, /, **params: object) -> str:
        return shown(super().__call__(key, **params), self._table)

    def render(self, wording: Wording) -> str:
        return shown(super().render(wording), self._table)


# A user's text as ``characters.user_text`` marks it.
_USER = later(f"{USER_OPEN}(.*?){USER_CLOSE}", DOTALL)


def shown(text: str, table: dict[int, str]) -> str:
    """``text`` with ``table``'s fallbacks in place of the tool's glyphs, a user's text (marked:
    ``characters.user_text``) as typed or escaped, the marks taken out."""
    if USER_OPEN not in text:
        return text.translate(table)
    parts = _USER.split(text)  # the tool's text, then a user's, in turn
    typed = table.as_typed if isinstance(table, _Table) else None
    return "".join(
        part.translate(table) if index % 2 == 0 else "".join(map(typed, part)) if typed else part
        for index, part in enumerate(parts)
    )


def translated(data: Any, table: dict[int, str]) -> Any:
    """The run document (``data``) with ``table``'s fallbacks in place of their glyphs in every text, a user's
    text as typed (``shown``)."""
    if isinstance(data, str):
        return shown(data, table)
    if isinstance(data, Mapping):
        return {key: translated(value, table) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return type(data)(translated(item, table) for item in data)
    return data
