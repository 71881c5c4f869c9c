"""``--format xlsx``: the results as a workbook for leaders who read spreadsheets.

汇总 (summary): per year, the units ranked by score × the rules, each cell a status coloured as in the HTML
dashboard, then each unit of the year whose report is invalid (报表无效，未计分 for its score); a rule's
column is headed by its short label over its ID (Chinese; the ID alone in English, as the HTML heat map
heads it), wrapped in a header row tall enough for both, and a unit with no rank or score has "—" there, as
the other views show it. 明细 (details): one row per problem of each invalid report, then one per unit ×
rule, figures stored as numbers (shares with a percentage format), with the explanation and where the data
stands. 全市 (city-wide): the city-wide rules, each with its schedule target (进度目标, as in 明细) and how
much of a target to reach is reached (完成度); a unit missing because its report is invalid is said to be.
趋势 (trends), when the run has several years: a row per target, city-wide then each unit's, with each
year's status and figure (a target computed each year, its value that year; a year whose report was refused,
报表无效) and the projection to the due year (docs/trends.md), as the table, Markdown, HTML and JSON show
them. Every sheet has frozen headers and an autofilter. Statuses and yes/no figures are words
of the run's language (``renderers/rows.py``).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from zhijiao_check.characters import display_width
from zhijiao_check.document import ranked
from zhijiao_check.i18n import Translator
from zhijiao_check.patterns import later
from zhijiao_check.renderers import RenderOptions
from zhijiao_check.renderers.findings import BELOW_NOT_DUE
from zhijiao_check.renderers.matrix import catalogue_of
from zhijiao_check.report.written import RESULT_SHEETS

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from zhijiao_check.engine.results import Run
    from zhijiao_check.renderers.sheetxml import SheetRows, Style, Styles

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
# An invalid report's status (报表无效，未计分): the dashboard's colour of a failure, deeper than a rule's.
INVALID_FILL = "FF9999"
# A year a unit did not file (未提交): no refusal, the yellow the table shows it in (a warning's fill).
NOT_FILED_FILL = FILLS["warn"]
HEADER_FILL = "DDEBF7"
PERCENT = "0.0%"
TREND_SHEET = {"zh": "趋势", "en": "trends"}
ASSESSMENT_SHEET = {"zh": "考核汇总", "en": "clause 15"}
NONE = "—"  # no rank, no score: as the table, Markdown and HTML show it
RULE_WIDTH = 16  # a rule's column on 汇总: a status word fits, the ID wraps under its label
LINE_HEIGHT = 16  # points a wrapped header line takes (a CJK line of 11 points is taller than 15)
MAX_HEIGHT = 409  # Excel's tallest row, in points: the rest of a taller cell shows when it is selected


class XlsxRenderer:
    def __init__(self, tr: Translator, options: RenderOptions) -> None:
        from zhijiao_check.renderers.rows import measure_words, status_words, yes_no

        self.tr = tr
        self.options = options
        # What the sheets' cells say in the run's language: each status's word, yes and no, each unit of
        # measure's word (a share's word also tells which rows are shown as percentages).
        self._statuses = status_words(tr)
        self._yes = yes_no(tr)
        self._measures = measure_words(tr)

    def render(self, run: Run) -> bytes:
        from openpyxl import Workbook

        from zhijiao_check.document import document
        from zhijiao_check.renderers.rows import detail_headers, detail_rows, invalid_rows
        from zhijiao_check.renderers.sheetxml import Styles, spliced
        from zhijiao_check.renderers.trends import units_missing_by_year
        from zhijiao_check.renderers.unfiled import not_filed_years

        doc = document(run, self.tr)
        book = Workbook()
        summary = book.active
        assert summary is not None
        sheets = RESULT_SHEETS[self.tr.lang]  # which the search for reports knows and leaves out
        summary.title = sheets[0]
        styles = Styles(summary)
        invalid = self.tr("render.invalid-status")
        # a status cell's colour by the word it shows
        colours = {self._statuses[status]: fill for status, fill in FILLS.items()}
        colours[self._statuses[BELOW_NOT_DUE]] = FILLS["pending"]  # not due: not a failure's red
        share = self._measures["ratio"]  # a row whose figures are shares, shown as percentages
        cells = [self._summary(summary, styles, doc, catalogue_of(run), colours)]
        details = book.create_sheet(sheets[1])
        cells.append(
            self._table(
                details,
                styles,
                detail_headers(self.tr),
                # The invalid reports first, as every view lists them: one row per problem.
                [*invalid_rows(doc, run.invalid, self.tr), *detail_rows(doc, self.tr)],
                lambda values: _detail_styles(values, invalid, colours, share),
                widths=(14, 7, 32, 40, 6, 18, 12, 6, 12, 10, 9, 60, 36, 36, 30),
                wrapped=(12, 13),  # the explanation and the places, whole: not cut at the next column
            )
        )
        city = book.create_sheet(sheets[2])
        cells.append(self._city(city, styles, doc, run, colours))
        trends = doc["trends"]
        if trends["city"] or trends["units"]:  # a run of one year has none
            sheet = book.create_sheet(TREND_SHEET[self.tr.lang])
            cells.append(
                self._trends(
                    sheet, styles, trends, (not_filed_years(doc), units_missing_by_year(doc)), colours
                )
            )
        if assessed := self._assessment_rows(doc):  # clause 15's summary, where the run has a verdict
            sheet = book.create_sheet(ASSESSMENT_SHEET[self.tr.lang])
            cells.append(assessed(sheet, styles))
        out = io.BytesIO()
        book.save(out)  # the sheets without their cells, then each sheet's cells put in
        return spliced(
            out.getvalue(), {sheet.path[1:]: rows for sheet, rows in zip(book, cells, strict=True)}
        )

    def _summary(
        self,
        sheet: Worksheet,
        styles: Styles,
        doc: Mapping[str, Any],
        catalogue: Sequence[str],
        colours: Mapping[str, str],
    ) -> SheetRows:
        """Per year: rank, unit, score, then one status per rule of the catalogue; after the year's ranked
        units, each unit whose report of the year is invalid, 报表无效，未计分 in place of its score, then
        each unit the year's city-wide section names missing that filed nothing, 未提交 there (then the
        invalid reports whose year is not known, by file)."""
        from zhijiao_check.renderers.sheetxml import Style
        from zhijiao_check.renderers.unfiled import not_filed_by_year

        invalid = self.tr("render.invalid-status")
        absent = self.tr("render.not-filed")
        unfiled = not_filed_by_year(doc)
        words = self._statuses
        order = {rule: index for index, rule in enumerate(catalogue)}
        refused = [(bad["year"], bad["unit"] or bad["file"], bad["file"]) for bad in doc["invalid"]]
        years = sorted({int(r["year"]) for r in doc["reports"]} | {y for y, _, _ in refused if y is not None})
        rules = sorted(
            {r["rule"] for e in doc["reports"] for r in e["results"]}, key=lambda r: order.get(r, 999)
        )
        shorts = {r["rule"]: r.get("short") or r["title"] for e in doc["reports"] for r in e["results"]}
        # The ID (up to 31 characters) cut off at the column's edge (c1.vocational-sharc1.general-plan-fr):
        # Chinese heads a column by the rule's short label, as the HTML heat map does, with the ID under it,
        # which waivers and CI name the rule by; English by the ID, as the heat map does. Wrapped, in a
        # header row as tall as the most lines a header takes.
        labels = [f"{shorts[r]}\n{r}" if self.tr.lang == "zh" else r for r in rules]
        headers = [
            self.tr.pick(zh, en)
            for zh, en in (("年度", "year"), ("排名", "rank"), ("单位", "unit"), ("得分", "score"))
        ] + labels
        # last, after the rules: two reports of one unit (a duplicate, a corrected copy) told apart by file
        headers.append(self.tr.pick("文件", "file"))
        out: list[list[Any]] = []
        for year in years:
            reports = [r for r in doc["reports"] if int(r["year"]) == year]
            for rank, report in ranked(reports):
                statuses = {r["rule"]: words[r["status"]] for r in report["results"]}
                score = report["score"]
                out.append(
                    [
                        year,
                        NONE if rank is None else rank,
                        report["unit"],
                        NONE if score is None else score,
                        *(statuses.get(r, "") for r in rules),
                        report["file"],
                    ]
                )
            out += [
                [year, NONE, name, invalid, *("" for _ in rules), file]
                for given, name, file in refused
                if given == year
            ]
            out += [[year, NONE, name, absent, *("" for _ in rules), None] for name in unfiled.get(year, ())]
        out += [
            [None, NONE, name, invalid, *("" for _ in rules), file]
            for given, name, file in refused
            if given is None
        ]
        scored = Style(number_format="0.0")
        refusal = Style(fill=INVALID_FILL)
        unfiled_fill = Style(fill=NOT_FILED_FILL)
        # "—" stands where a number stands in the column: at its right edge too
        none = Style(align="right")
        unscored = Style(number_format="0.0", align="right")
        by_word = {invalid: refusal, absent: unfiled_fill, NONE: unscored}  # a score's cell holding a word

        def looks(values: Sequence[Any]) -> dict[int, Style]:
            shown = {
                4: by_word.get(values[3], scored) if isinstance(values[3], str) else scored,
                **_fills(values, range(5, len(headers)), colours),  # the rules' statuses, not the file
            }
            if values[1] == NONE:
                shown[2] = none
            return shown

        wrapped = Style(bold=True, fill=HEADER_FILL, wrap=True)
        height = LINE_HEIGHT * max((_lines(label, RULE_WIDTH) for label in labels), default=1)
        rows = self._table(
            sheet,
            styles,
            headers,
            out,
            looks,
            widths=(7, 6, 16, 8, *(RULE_WIDTH for _ in rules), 36),
            header_looks=dict.fromkeys(range(5, len(headers)), wrapped),
            header_height=height if height > LINE_HEIGHT else None,
        )
        sheet.freeze_panes = "E2"
        return rows

    def _city(
        self, sheet: Worksheet, styles: Styles, doc: Mapping[str, Any], run: Run, colours: Mapping[str, str]
    ) -> SheetRows:
        """The city-wide rules: figure, target, the linear schedule's target this year, how much of the target
        is reached, and the units missing from the year; under a rule whose items are the year's units, a row
        for each unit's own figure (``rows.item_row``: its arithmetic named by the unit)."""
        from zhijiao_check.kinds import computed_target
        from zhijiao_check.renderers.findings import unit_items
        from zhijiao_check.renderers.rows import OPERATORS, figure, item_row, target_figure

        computed = {rule.id for pack in run.packs for rule in pack.rules if computed_target(rule)}
        words, yes, measures = self._statuses, self._yes, self._measures

        def missing(unit: str, city: Mapping[str, Any]) -> str:
            """A unit missing from the year because its report is invalid is said to be so, not only
            missing (its report was there, and refused)."""
            if unit in city["units_invalid"]:
                return self.tr("render.unit-invalid", unit=unit)
            other = [o for o in city.get("units_other_year", ()) if o["unit"] == unit]
            return self.tr("engine.unit-other-year", **other[0]) if other else unit

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
                ("进度目标", "schedule target"),
                ("完成度", "share of target"),
                ("计量", "unit of measure"),
                ("计算与说明", "explanation"),
                ("缺少的单位", "units missing"),
            )
        ]
        rows = []
        for city in doc["city"]:
            units = frozenset(city["units_present"])
            # the year's, on each of its rows (a unit's own figure's too): a filtered row still says it
            absent = self.tr.join([missing(unit, city) for unit in city["units_missing"]])
            for result in city["results"]:
                observed, target = result["observed"], result["target"]["value"]
                rows.append(
                    [
                        city["year"],
                        result["rule"],
                        result["title"],
                        words[result["status"]],
                        figure(observed, yes),
                        OPERATORS.get(result["target"]["op"], result["target"]["op"]),
                        target_figure(target, yes),
                        figure(result["expected"], yes),
                        _share_of_target(result, result["rule"] in computed),
                        measures[result["unit"]],
                        self.tr.sep.join([result["explanation"], *result["notes"]]),
                        absent,
                    ]
                )
                for item in unit_items(result, units):
                    row = item_row(item, result, self.tr, words, yes)
                    rows.append(
                        [
                            city["year"],
                            result["rule"],
                            result["title"],
                            row.status,
                            row.observed,
                            row.op,
                            row.target,
                            None,  # a linear schedule, and how much of it is reached, are the city's
                            None,
                            measures[result["unit"]],
                            row.explanation,
                            absent,
                        ]
                    )
        rows += self._not_evaluated(run, len(headers))
        rows.sort(key=lambda row: row[0])  # each year's rows, or why it has none, in the order of the years
        return self._table(
            sheet,
            styles,
            headers,
            rows,
            lambda values: _city_styles(values, colours, measures["ratio"]),
            widths=(7, 32, 40, 18, 12, 6, 12, 12, 10, 9, 60, 30),
            wrapped=(11,),
        )

    def _not_evaluated(self, run: Run, columns: int) -> list[list[Any]]:
        """A row for each year whose city-wide rules were not evaluated, saying why in 计算与说明, as the
        terminal says it (``2024 年全市性指标未评估：输入中没有有效的永州市本级报表``): without it a run
        without the 市本级 report left a bare header row, which read as if nothing were wrong."""
        from zhijiao_check.engine.evaluate import CITY_NOT_EVALUATED
        from zhijiao_check.wording import Msg

        rows = []
        for notice in run.notices:
            if isinstance(notice, Msg) and notice.key in CITY_NOT_EVALUATED:
                row: list[Any] = [None] * columns
                row[0], row[10] = dict(notice.params)["year"], self.tr.render(notice)
                rows.append(row)
        return rows

    def _trends(
        self,
        sheet: Worksheet,
        styles: Styles,
        trends: Mapping[str, Any],
        absent: tuple[Mapping[str, Sequence[int]], Mapping[int, list[str]]],
        colours: Mapping[str, str],
    ) -> SheetRows:
        """A row per trend, the city's then each unit's: the target, each year's status, figure and (for a
        target computed each year) the value held against it, then the projection or why there is none. The
        projection as the other views word it: the year the target has been met since (达标起始年份,
        ``met_since``) when the years observed say so, else the year the pace meets it (预计达标年份,
        ``meets_in``), or that it never does, in words (a blank there was read as "no projection"); whether
        it is met by the due year. A year whose report was refused as invalid says so in its status, as does
        a year the unit did not file (``absent``: by unit, those years, added to its trends as the other
        views add them; and by year, the units missing, which a city-wide year not decided names). Where the
        run reaches the due year (or the target is judged each year), its verdict (``verdict``): 按期达标 in a
        word, 达标情况 in words; 较上年回落 each figure that moved away from the target since the year before
        (``setbacks``: ``2023 年 1750 → 2025 年 1150``)."""
        from zhijiao_check.renderers import trends as view
        from zhijiao_check.renderers.rows import OPERATORS, figure, target_figure
        from zhijiao_check.renderers.sheetxml import Style
        from zhijiao_check.renderers.unfiled import with_years_not_filed

        tr = self.tr
        words, yes, measures = self._statuses, self._yes, self._measures
        refused = tr("render.report-invalid")
        years = list(trends["years"])
        headers = [
            tr.pick(zh, en)
            for zh, en in (
                ("单位", "unit"),
                ("规则", "rule"),
                ("标题", "title"),
                ("计量", "unit of measure"),
                ("目标", "target"),
                ("目标值", "target value"),
                ("到期年份", "due"),
            )
        ]
        for year in years:
            headers += [
                tr.pick(f"{year} 状态", f"{year} status"),
                tr.pick(f"{year} 实际值", f"{year} observed"),
                tr.pick(f"{year} 目标值", f"{year} target"),
            ]
        headers += [
            tr.pick(zh, en)
            for zh, en in (
                ("到期预测值", "projected"),
                ("达标起始年份", "met since"),
                ("预计达标年份", "meets target in"),
                ("按期达标", "on track"),
                ("达标情况", "met or not"),
                ("不作预测的原因", "no projection because"),
                ("较上年回落", "setbacks"),
            )
        ]
        unfiled, missing = absent
        city = [view.with_units_missing(trend, missing) for trend in trends["city"]]
        scopes: list[tuple[str, Any]] = [(tr.pick("全市", "city-wide"), city)]
        for unit in trends["units"]:
            absent_years = list(unfiled.get(unit["unit"], ()))
            scope = unit["trends"]
            if absent_years:
                scope = [with_years_not_filed(trend, absent_years) for trend in scope]
            scopes.append((unit["unit"], scope))
        not_filed = tr("render.not-filed")
        rows = []
        for name, scope in scopes:
            for trend in scope:
                by_year = {point["year"]: point for point in trend["years"]}
                computed = trend["target"]["value"] is None  # each year's own target shown
                row = [
                    name,
                    trend["rule"],
                    trend["title"],
                    measures[trend["unit"]],
                    OPERATORS.get(trend["target"]["op"], trend["target"]["op"]),
                    target_figure(trend["target"]["value"], yes),
                    trend["due"],
                ]
                for year in years:
                    point = by_year.get(year)
                    if point is None:
                        row += [None, None, None]
                    elif view.refused(point):
                        row += [refused, None, None]
                    elif view.not_filed(point):
                        row += [not_filed, None, None]
                    elif view.undecided(point):  # not a judgement: the missing units could change it
                        row += [
                            view.undecided_words(point, tr),
                            figure(point["observed"], yes),
                            target_figure(point["target"], yes) if computed else None,
                        ]
                    else:
                        row += [
                            words[point["status"]],
                            figure(point["observed"], yes),
                            target_figure(point["target"], yes) if computed else None,
                        ]
                projection = trend["projection"]
                reason = trend["no_projection"]
                if projection is None:
                    # the years' own answer where the run reaches them (``verdict``), else why nothing is said
                    row += [
                        None,
                        None,
                        None,
                        view.verdict_word(trend, tr, yes) or None,
                        view.verdict(trend, tr) or None,
                        tr(f"render.no-projection-{reason}") if reason else None,
                    ]
                else:
                    since = projection["met_since"]
                    meets = projection["meets_in"]
                    row += [
                        projection["projected"],
                        since,
                        None if since is not None else tr("render.meets-never") if meets is None else meets,
                        yes[0] if projection["on_track"] else yes[1],
                        None,
                        None,
                    ]
                # each figure moved away from the target since the year before (``setbacks``): advice
                row.append(view.setbacks_words(trend, tr) or None)
                rows.append(row)
        percent = Style(number_format=PERCENT)
        first = 8  # the first year's status column
        statuses = range(first, first + 3 * len(years), 3)
        figures = [*(c + d for c in statuses for d in (1, 2)), first + 3 * len(years)]  # values, projected
        refusal = Style(fill=INVALID_FILL)
        unfiled_fill = Style(fill=NOT_FILED_FILL)

        def looks(values: Sequence[Any]) -> dict[int, Style]:
            shown = _fills(values, statuses, colours)
            shown.update({column: refusal for column in statuses if values[column - 1] == refused})
            shown.update({column: unfiled_fill for column in statuses if values[column - 1] == not_filed})
            if values[3] == measures["ratio"]:
                shown.update(dict.fromkeys((6, *figures), percent))
            return shown

        return self._table(
            sheet,
            styles,
            headers,
            rows,
            looks,
            widths=(
                14,
                32,
                40,
                9,
                6,
                12,
                9,
                *(w for _ in years for w in (16, 14, 12)),
                12,
                12,
                14,
                9,
                48,
                40,
                36,
            ),
        )

    def _assessment_rows(self, doc: Mapping[str, Any]) -> Callable[[Worksheet, Styles], SheetRows] | None:
        """Clause 15's summary (``renderers.assessment``), a row per scope (全市, then each unit): the
        targets due in the run, each due year's outcome's count (and the targets met but not held), the
        targets judged each year with their years met and counted, and what is short of met, named by rule;
        None where the run has no line to show."""
        from zhijiao_check.engine.trend import OUTCOMES
        from zhijiao_check.renderers import assessment as view
        from zhijiao_check.renderers.sheetxml import Style

        tr = self.tr
        lines = view.lines(doc)
        if not lines:
            return None
        headers = [
            tr("table.col-unit"),
            tr("render.assessment-col-due"),
            *(tr(f"render.assessment-outcome-{outcome}") for outcome in OUTCOMES),
            tr("render.assessment-col-not-held"),
            tr("render.assessment-each-year-targets"),
            tr("render.assessment-years-met"),
            tr("render.assessment-years-counted"),
            tr("render.assessment-details"),
        ]
        rows: list[list[Any]] = []
        for line in lines:
            if line.get("no_trends"):  # a unit without trends: no counts, and why in the names' column
                rows.append([view.name(line, tr), *(None for _ in headers[1:-1]), *view.details(line, tr)])
                continue
            counts = view.counts(line)
            each = line["each_year"]
            rows.append(
                [
                    view.name(line, tr),
                    line["due"]["targets"],
                    *(counts[outcome] for outcome in OUTCOMES),
                    line["due"]["not_held"]["count"],
                    each["targets"],
                    each["met"],
                    each["counted"],
                    tr.sep.join(view.details(line, tr)) or None,
                ]
            )
        details = len(headers)

        def table(sheet: Worksheet, styles: Styles) -> SheetRows:
            return self._table(
                sheet,
                styles,
                headers,
                rows,
                lambda values: {},
                widths=(18, *(10 for _ in headers[1:-1]), 60),
                header_looks={
                    column: Style(bold=True, fill=HEADER_FILL, wrap=True) for column in range(2, details)
                },
                header_height=2 * LINE_HEIGHT,
                wrapped=(details,),
            )

        return table

    def _table(
        self,
        sheet: Worksheet,
        styles: Styles,
        headers: Sequence[str],
        rows: Sequence[Sequence[Any]],
        looks: Callable[[Sequence[Any]], Mapping[int, Style]],
        *,
        widths: Sequence[int],
        header_looks: Mapping[int, Style] | None = None,
        header_height: int | None = None,
        wrapped: Sequence[int] = (),
    ) -> SheetRows:
        """A header row and ``rows``, each cell styled as ``looks`` says for its row; the columns' widths,
        the header frozen, an autofilter over all. ``header_looks``: header cells styled otherwise (by column
        number), ``header_height`` the header row's height in points."""
        from openpyxl.utils import get_column_letter

        from zhijiao_check.renderers.sheetxml import SheetRows, Style

        cells = SheetRows(styles)
        header = Style(bold=True, fill=HEADER_FILL)
        cells.append(
            headers,
            {**dict.fromkeys(range(1, len(headers) + 1), header), **(header_looks or {})},
            height=header_height,
        )
        for values in rows:
            shown = dict(looks(values))
            lines = 1
            for column in wrapped:
                text = values[column - 1]
                if isinstance(text, str) and text:
                    # wrapped within the column, the row as tall as its longest text (Excel does not grow
                    # a row on opening): a long explanation or place was cut at the next column's edge
                    shown[column] = shown.get(column, Style())._replace(wrap=True)
                    lines = max(lines, _lines(text, widths[column - 1]))
            cells.append(values, shown, height=min(LINE_HEIGHT * lines, MAX_HEIGHT) if lines > 1 else None)
        for index, width in enumerate(widths, 1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
        return cells


def _fills(values: Sequence[Any], columns: Iterable[int], colours: Mapping[str, str]) -> dict[int, Style]:
    """The status colour of each of ``columns`` (numbered from 1) whose status has one (``colours``: by the
    status's word)."""
    from zhijiao_check.renderers.sheetxml import Style

    looks = {}
    for column in columns:
        colour = colours.get(values[column - 1])
        if colour:
            looks[column] = Style(fill=colour)
    return looks


def _detail_styles(
    values: Sequence[Any], invalid: str, colours: Mapping[str, str], share: str
) -> dict[int, Style]:
    """The status's colour (an invalid report's too); a share's figures (observed, target, schedule target)
    as percentages (``share``: the word of its unit of measure)."""
    from zhijiao_check.renderers.sheetxml import Style

    looks = _fills(values, (6,), colours)
    if values[5] == invalid:
        looks[6] = Style(fill=INVALID_FILL)
    if values[10] == share:
        looks.update(dict.fromkeys((7, 9, 10), Style(number_format=PERCENT)))
    return looks


def _city_styles(values: Sequence[Any], colours: Mapping[str, str], share: str) -> dict[int, Style]:
    """The status's colour; the share of target, and a share's figure, target and schedule target, as
    percentages (``share``: the word of a share's unit of measure)."""
    from zhijiao_check.renderers.sheetxml import Style

    percent = Style(number_format=PERCENT)
    looks = _fills(values, (4,), colours)
    looks[9] = percent
    if values[9] == share:
        looks.update(dict.fromkeys((5, 7, 8), percent))
    return looks


def _share_of_target(result: Mapping[str, Any], computed: bool) -> float | None:
    """完成度: the observed value over a target to reach upward (≥ or >) that is a number of its own, not a
    year (2022 of 2023 is not 99.9% of anything); none for a ceiling (≤, <), whose quotient says nothing of
    being reached, or a target computed each year."""
    observed, target = result["observed"], result["target"]["value"]
    if (
        computed
        or result["target"]["op"] not in (">=", ">")
        or result["unit"] == "year"
        or not (_number(observed) and _number(target) and target)
    ):
        return None
    return float(observed / target)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _lines(text: str, width: int) -> int:
    """How many lines ``text`` takes wrapped in a column ``width`` characters wide, as a spreadsheet breaks
    it: between Chinese characters (each two characters wide) and after a hyphen or a full stop (an ID,
    ``c7.school-internship-`` ``management``), a character short of the width for the cell's margins."""
    room = width - 1
    if 2 * len(text) <= room and "\n" not in text:
        return 1  # fits however wide its characters: most cells, measured without a look at each
    return _wrapped(text, room)


@functools.lru_cache(maxsize=4096)  # a run's explanations and places recur from report to report
def _wrapped(text: str, room: int) -> int:
    """``_lines`` of a text that may not fit on one line ``room`` characters wide: each line cut in pieces
    where it may break (after each Chinese character, hyphen or full stop), a piece put on the line if it
    fits, else on the next, and one wider than the column broken within it. Measured character by character
    without making the pieces: a 1,000-report workbook measures over a million characters."""
    widths = _WIDTHS
    lines = 0
    for line in text.split("\n"):
        lines += 1
        used = size = 0
        if line.isascii():
            # every character one wide: the pieces found by ``re`` (a place's file path, most of the
            # characters measured), each measured by its length, the same steps as below
            for piece in _ASCII_PIECES.findall(line):
                size = len(piece)
                if used and used + size > room:
                    lines += 1
                    used = 0
                while size > room:
                    lines += 1
                    size -= room
                used += size
            continue
        for char in line + "\n":  # the newline (of width 0) ends the line's last piece
            width = widths.get(char)
            if width is None:
                width = widths[char] = display_width(char)
            size += width
            if width == 2 or char in "-.\n":  # the end of a piece
                if used and used + size > room:
                    lines += 1
                    used = 0
                while size > room:  # a piece wider than the column is broken within it
                    lines += 1
                    size -= room
                used += size
                size = 0
    return lines


# A line of one-wide characters cut after each hyphen or full stop, the rest its last piece
_ASCII_PIECES = later(r"[^-.]*[-.]|[^-.]+")
# Each character's width, looked up once (``display_width``); a line's end is none
_WIDTHS: dict[str, int] = {"\n": 0}
