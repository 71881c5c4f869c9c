"""``--format csv``: the detail rows (one per unit × rule, after one per problem of each invalid report),
UTF-8 with a BOM so that Chinese Excel opens it without garbling (Excel reads a CSV without a BOM in the
system's code page, GBK in China).

Nothing a report says runs in the spreadsheet program that opens it: a CSV has no types, and Excel and
LibreOffice take a cell that begins with ``=``, ``+``, ``-`` or ``@`` for a formula (a report named
``=HYPERLINK(…).yaml`` made its file cell one). Such a text cell, and one that begins with a tab or a carriage
return (which some programs strip before they look), begins with an apostrophe instead, as OWASP advises for
CSV files: both programs show it, and neither computes the cell. A cell of that one character alone is no
formula and is left as it is (the target column's ``=``, an operator); numbers are written as numbers, a
negative one too.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from zhijiao_check.i18n import Translator
from zhijiao_check.renderers import RenderOptions

if TYPE_CHECKING:
    from zhijiao_check.engine.results import Run

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class CsvRenderer:
    def __init__(self, tr: Translator, options: RenderOptions) -> None:
        self.tr = tr
        self.options = options

    def render(self, run: Run) -> str:
        from zhijiao_check.document import document
        from zhijiao_check.renderers.rows import detail_headers, detail_rows, invalid_rows

        doc = document(run, self.tr)
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180, as Excel writes it
        writer.writerow(detail_headers(self.tr))
        # The invalid reports first, as every view lists them: one row per problem.
        writer.writerows(as_text(invalid_rows(doc, run.invalid, self.tr)))
        writer.writerows(as_text(detail_rows(doc, self.tr)))
        return "\ufeff" + out.getvalue()  # written as UTF-8, the BOM first


def as_text(rows: Iterable[Sequence[Any]]) -> Iterable[list[Any]]:
    """Each text cell that a spreadsheet would compute (``FORMULA_STARTS``, and more) behind an apostrophe."""
    for row in rows:
        yield [_as_text(cell) for cell in row]


def _as_text(cell: Any) -> Any:
    computed = isinstance(cell, str) and len(cell) > 1 and cell.startswith(FORMULA_STARTS)
    return f"'{cell}" if computed else cell
