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

A CSV is for people (a program reads ``--format json``): its figures are written as the workbook shows them:
a share as a percentage to the places its explanation shows (``48.5%``, ``44.98%``; Excel reads it as the
number 0.485 in a percentage format), not the raw fraction (``0.48514851485148514``, a 100% share ``1``); any
other fraction to the places that tell it from the figures beside it (``9999.996`` against ``10000``), never
a float's noise (``0.30000000000000004``).
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
        from zhijiao_check.renderers.rows import detail_headers, detail_rows, invalid_rows, measure_words

        doc = document(run, self.tr)
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180, as Excel writes it
        writer.writerow(detail_headers(self.tr))
        # The invalid reports first, as every view lists them: one row per problem.
        writer.writerows(as_text(invalid_rows(doc, run.invalid, self.tr)))
        share = measure_words(self.tr)["ratio"]
        writer.writerows(as_text(shown(row, share) for row in detail_rows(doc, self.tr)))
        return "\ufeff" + out.getvalue()  # written as UTF-8, the BOM first


FIGURES = (6, 8, 9)  # observed, target value, schedule target: the detail row's figures (from 0)
MEASURE = 10  # the word of the unit of measure


def shown(row: Sequence[Any], share: str) -> list[Any]:
    """The detail ``row`` with its figures written as the workbook shows them (``share``: the word of a
    share's unit of measure): a share's as a percentage, to the places that tell observed, target and
    schedule apart (``texts._digits``, as the explanation shows them); another fraction to the places that
    tell it from them and from the whole number nearest it."""
    from zhijiao_check.measure.numbers import decimals, places, whole_apart
    from zhijiao_check.wording import number

    figures = [row[index] for index in FIGURES if _is_number(row[index])]
    out = list(row)
    if row[MEASURE] == share:
        digits = places(*figures)
        for index in FIGURES:
            if _is_number(row[index]):
                out[index] = f"{row[index] * 100:.{digits}f}%"
        return out
    for index, value in enumerate(row):
        if isinstance(value, float):
            out[index] = number(value, max(decimals(*figures), whole_apart(value)))
    return out


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def as_text(rows: Iterable[Sequence[Any]]) -> Iterable[list[Any]]:
    """Each text cell that a spreadsheet would compute (``FORMULA_STARTS``, and more) behind an apostrophe."""
    for row in rows:
        yield [_as_text(cell) for cell in row]


def _as_text(cell: Any) -> Any:
    computed = isinstance(cell, str) and len(cell) > 1 and cell.startswith(FORMULA_STARTS)
    return f"'{cell}" if computed else cell
