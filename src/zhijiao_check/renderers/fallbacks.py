"""Text for a terminal whose encoding lacks some glyphs, laid out as it will be shown.

Written to a terminal, a glyph its encoding lacks is replaced by a fallback (``status.encodable``): ``∉`` is
``not in`` in GBK, ``…`` is ``...`` in ASCII. Replaced after the layout, a fallback wider than its glyph made
its line wider than the layout made it: a line padded to the width gave up its padding, one without padding
went past the terminal's edge. The table view replaces the wider ones before it lays anything out, in the run
document, in its words (``Shown``) and in its glyphs, so that it measures what the terminal shows; those as
wide as their glyph (``✓`` as ``√``) are still replaced on writing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.wording import Wording


def wider(encoding: str | None) -> dict[int, str]:
    """The glyphs ``encoding`` lacks whose fallback takes more cells, and the fallbacks (``str.translate``'s
    table); none for no encoding (a file, a pipe: written in UTF-8)."""
    if encoding is None:
        return {}
    from zhijiao_check.renderers.layout.text import cell_len
    from zhijiao_check.status import fallbacks

    return {
        code: shown for code, shown in fallbacks(encoding).items() if cell_len(shown) > cell_len(chr(code))
    }


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
