"""``--format html``: one self-contained page for people (no network, no script, no external font).

Summary cards; for each year with several reports the ranked units × rules heat map; for each city-wide
target a bar toward it, with the linear schedule and the due year; each report's rules with the arithmetic,
the data's location and the clause quoted; invalid reports; the clauses quoted. Key numbers carry ``data-*``
attributes, and the whole run (as ``--format json`` gives it) is embedded in ``<script id="zhijiao-data">``.
The page's parts are made in ``renderers/page/``; ``--per-unit``'s pages in ``page/per_unit.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zhijiao_check.i18n import Translator
from zhijiao_check.renderers import RenderOptions
from zhijiao_check.renderers.page.frame import pieces

if TYPE_CHECKING:
    from zhijiao_check.engine.results import Run
    from zhijiao_check.output import Streamed


class HtmlRenderer:
    def __init__(self, tr: Translator, options: RenderOptions) -> None:
        self.tr = tr
        self.options = options

    def render(self, run: Run) -> Streamed:
        from zhijiao_check.document import document
        from zhijiao_check.output import Streamed

        doc = document(run, self.tr)
        # Written section by section as it is made: a large run's page is tens of megabytes, which joined
        # into one text (and that text into its bytes) was held several times over.
        return Streamed(lambda: (_utf8(piece) for piece in pieces(doc, run, self.tr)))


def _utf8(piece: str | bytes) -> bytes:
    return piece.encode("utf-8", errors="backslashreplace") if isinstance(piece, str) else piece
