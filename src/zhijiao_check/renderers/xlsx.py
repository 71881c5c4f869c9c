"""``--format xlsx``: the results as a workbook for leaders who read spreadsheets.

汇总 (summary): per year, the units ranked by score × the rules, each cell a status coloured as in the HTML
dashboard. 明细 (details): one row per unit × rule, figures stored as numbers (shares with a percentage
format), with the explanation and where the data stands. 全市 (city-wide): the city-wide rules with the
progress toward each target. Every sheet has frozen headers and an autofilter.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from copy import copy
from typing import TYPE_CHECKING, Any

from zhijiao_check.document import ranked
from zhijiao_check.i18n import Translator
from zhijiao_check.renderers import RenderOptions
from zhijiao_check.renderers.matrix import catalogue_of

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from zhijiao_check.engine.results import Run

# Status colours: the HTML dashboard's, as fills light enough to read black text on.
FILLS = {
    "pass": "C6EFCE",
    "fail": "FFC7CE",
    "warn": "FFEB9C",
    "missing": "F4B183",
    "pending": "DDEBF7",
    "behind": "F8CBAD",
    "not_applicable": "EDEDED",
}
PERCENT = "0.0%"


class XlsxRenderer:
    def __init__(self, tr: Translator, options: RenderOptions) -> None:
        self.tr = tr
        self.options = options

    def render(self, run: Run) -> bytes:
        from openpyxl import Workbook

        from zhijiao_check.document import document
        from zhijiao_check.renderers.rows import detail_headers, detail_rows

        doc = document(run, self.tr)
        self._styles: dict[str, Any] = {}  # a status colour's cell style in this workbook
        book = Workbook()
        summary = book.active
        assert summary is not None
        summary.title = self.tr.pick("汇总", "summary")
        self._summary(summary, doc, catalogue_of(run))
        details = book.create_sheet(self.tr.pick("明细", "details"))
        rows = detail_rows(doc, self.tr)
        self._table(
            details,
            detail_headers(self.tr),
            rows,
            status_column=6,
            widths=(14, 7, 30, 40, 6, 14, 12, 6, 12, 10, 9, 60, 36, 36),
        )
        for row, values in enumerate(rows, 2):
            if values[10] == "ratio":
                for column in (7, 9, 10):
                    details.cell(row, column).number_format = PERCENT
        self._city(book.create_sheet(self.tr.pick("全市", "city-wide")), doc)
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()

    def _summary(self, sheet: Worksheet, doc: Mapping[str, Any], catalogue: Sequence[str]) -> None:
        """Per year: rank, unit, score, then one status per rule of the catalogue."""
        order = {rule: index for index, rule in enumerate(catalogue)}
        years = sorted({int(r["year"]) for r in doc["reports"]})
        rules = sorted(
            {r["rule"] for e in doc["reports"] for r in e["results"]}, key=lambda r: order.get(r, 999)
        )
        headers = [
            self.tr.pick(zh, en)
            for zh, en in (("年度", "year"), ("排名", "rank"), ("单位", "unit"), ("得分", "score"))
        ] + rules
        out: list[list[Any]] = []
        for year in years:
            reports = [r for r in doc["reports"] if int(r["year"]) == year]
            for rank, report in ranked(reports):
                statuses = {r["rule"]: r["status"] for r in report["results"]}
                out.append(
                    [year, rank, report["unit"], report["score"], *(statuses.get(r, "") for r in rules)]
                )
        self._table(sheet, headers, out, widths=(7, 6, 16, 8, *(16 for _ in rules)))
        for row in range(2, len(out) + 2):
            for column in range(5, len(headers) + 1):
                self._fill(sheet.cell(row, column))
            sheet.cell(row, 4).number_format = "0.0"
        sheet.freeze_panes = "E2"

    def _city(self, sheet: Worksheet, doc: Mapping[str, Any]) -> None:
        """The city-wide rules: figure, target, progress toward it, and the units missing from the year."""
        from zhijiao_check.renderers.rows import OPERATORS, figure, target_figure

        headers = [
            self.tr.pick(zh, en)
            for zh, en in (
                ("年度", "year"),
                ("规则", "rule"),
                ("标题", "title"),
                ("状态", "status"),
                ("实际值", "observed"),
                ("目标", "target"),
                ("目标值", "target value"),
                ("进度", "progress"),
                ("计量", "unit of measure"),
                ("计算与说明", "explanation"),
                ("缺少的单位", "units missing"),
            )
        ]
        rows = []
        for city in doc["city"]:
            for result in city["results"]:
                observed, target = result["observed"], result["target"]["value"]
                progress = observed / target if _number(observed) and _number(target) and target else None
                rows.append(
                    [
                        city["year"],
                        result["rule"],
                        result["title"],
                        result["status"],
                        figure(observed),
                        OPERATORS.get(result["target"]["op"], result["target"]["op"]),
                        target_figure(target),
                        progress,
                        result["unit"],
                        self.tr.sep.join([result["explanation"], *result["notes"]]),
                        self.tr.join(city["units_missing"]),
                    ]
                )
        self._table(sheet, headers, rows, status_column=4, widths=(7, 30, 40, 14, 12, 6, 12, 9, 9, 60, 30))
        for row, values in enumerate(rows, 2):
            sheet.cell(row, 8).number_format = PERCENT
            if values[8] == "ratio":
                sheet.cell(row, 5).number_format = PERCENT
                sheet.cell(row, 7).number_format = PERCENT

    def _table(
        self,
        sheet: Worksheet,
        headers: Sequence[str],
        rows: Sequence[Sequence[Any]],
        *,
        status_column: int | None = None,
        widths: Sequence[int] = (),
    ) -> None:
        from openpyxl.styles import Font, PatternFill
        from openpyxl.utils import get_column_letter

        sheet.append(list(headers))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
        for values in rows:
            sheet.append(list(values))
        for index, width in enumerate(widths, 1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        if status_column is not None:
            for row in range(2, len(rows) + 2):
                self._fill(sheet.cell(row, status_column))
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"

    def _fill(self, cell: Any) -> None:
        """The cell's status colour. openpyxl finds a fill among the workbook's by comparing it field by
        field, a fifth of a large workbook's time: a cell with no style yet takes the style of the first
        such cell given that colour, as openpyxl's own worksheet copy does; the file is the same."""
        from openpyxl.styles import PatternFill

        colour = FILLS.get(str(cell.value))
        if not colour:
            return
        if cell.has_style:
            cell.fill = PatternFill("solid", fgColor=colour)
        elif colour in self._styles:
            cell._style = copy(self._styles[colour])
        else:
            cell.fill = PatternFill("solid", fgColor=colour)
            self._styles[colour] = copy(cell._style)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
