"""``--format csv``: the detail rows (one per unit × rule), UTF-8 with a BOM so that Chinese Excel opens it
without garbling (Excel reads a CSV without a BOM in the system's code page, GBK in China)."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from zhijiao_check.i18n import Translator
from zhijiao_check.renderers import RenderOptions

if TYPE_CHECKING:
    from zhijiao_check.engine.results import Run


class CsvRenderer:
    def __init__(self, tr: Translator, options: RenderOptions) -> None:
        self.tr = tr
        self.options = options

    def render(self, run: Run) -> str:
        from zhijiao_check.document import document
        from zhijiao_check.renderers.rows import detail_headers, detail_rows

        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180, as Excel writes it
        writer.writerow(detail_headers(self.tr))
        writer.writerows(detail_rows(document(run, self.tr), self.tr))
        return "\ufeff" + out.getvalue()  # written as UTF-8, the BOM first
