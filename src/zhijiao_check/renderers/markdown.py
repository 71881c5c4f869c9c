"""``--format markdown``: a merge-request comment (also the GitHub job summary).

The overview line, invalid reports, for each year with several reports the ranked units × rules matrix, then
per report and per city-wide year a table of the rules not met or not due, and the met ones in a collapsed
section.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from zhijiao_check.i18n import Translator
from zhijiao_check.renderers import RenderOptions
from zhijiao_check.renderers.findings import failing_items, shown_look, unit_items
from zhijiao_check.renderers.matrix import YearMatrix, catalogue_of, matrices
from zhijiao_check.renderers.texts import (
    at,
    city_title,
    field_of,
    score_beside,
    score_text,
    spot,
    units_missing,
    value_text,
    where,
    who,
)
from zhijiao_check.status import NOT_MET, STATUSES, Status

if TYPE_CHECKING:
    from zhijiao_check.engine.results import Run

ITEMS_SHOWN = 5
# the rules in the open table; the others are folded away
SHOWN_OPEN = (*NOT_MET, Status.WAIVED, Status.PENDING)


class MarkdownRenderer:
    def __init__(self, tr: Translator, options: RenderOptions) -> None:
        self.tr = tr
        self.options = options

    def render(self, run: Run) -> str:
        from zhijiao_check.document import document

        return self.text(document(run, self.tr), run)

    def text(self, doc: Mapping[str, Any], run: Run) -> str:
        """The comment for ``doc``, the JSON document of ``run``."""
        tr = self.tr
        failing = [
            r for e in (*doc["reports"], *doc["city"]) for r in e["results"] if r["status"] in run.failing
        ]
        icon = "⛔" if doc["invalid"] else "❌" if failing else "✅"
        verdict = tr(f"render.exit-{min(doc['exit_code'], 2)}")
        overview = tr(
            "render.overview",
            reports=len(doc["reports"]),
            invalid=len(doc["invalid"]),
            failing=len(failing),
            code=doc["exit_code"],
        )
        out = [
            f"## {icon} {tr('render.title')} · {doc['rule_pack']['document']}",
            "",
            f"**{verdict}** · {overview}",
            "",
        ]
        if doc["invalid"]:
            out += [f"### ⛔ {tr('render.invalid-title')}", ""]
            for bad in doc["invalid"]:
                out.append(f"- `{bad['file']}`")
                for p in bad["problems"]:
                    path = f"{_path(field_of(p))}: " if field_of(p) else ""
                    out.append(f"  - `{at(p)}` {path}{_inline(p['message'])}")
            out.append("")
        for matrix in matrices(doc, catalogue_of(run)):
            out += self._matrix(matrix)
        for report in doc["reports"]:
            kind = tr(f"render.kind-{report['kind']}")
            title = tr("render.report-title", unit=report["unit"], kind=kind, year=report["year"])
            out += self._evaluation(report, title, f"`{report['file']}`")
        for city in doc["city"]:
            missing = units_missing(city, tr)
            out += self._evaluation(city, city_title(city, tr), missing)
        if not self.options.quiet:
            out += self._trends(doc)
            out += self._assessment(doc)
        notes = [*doc["notices"], *(f"`{spot(w)}` {w['message']}" for w in doc["warnings"])]
        if notes:
            out += [f"### {tr('render.notices')}", "", *(f"- {_inline(n)}" for n in notes), ""]
        return "\n".join(out).rstrip() + "\n"

    def _matrix(self, matrix: YearMatrix) -> list[str]:
        tr = self.tr
        numbers = [str(n) for n in range(1, len(matrix.columns) + 1)]
        out = [
            f"### {tr('render.matrix-title', year=matrix.year)}",
            "",
            _row(["#", tr("render.unit"), tr("render.score"), *numbers]),
            _row(["--:", ":--", "--:", *(":-:" for _ in numbers)]),
        ]
        for row in matrix.rows:
            cells = [Status(c["status"]).emoji if c else "" for c in row.cells]
            out.append(
                _row(
                    [
                        "—" if row.rank is None else str(row.rank),
                        _cell(row.unit),
                        score_text(row.score),
                        *cells,
                    ]
                )
            )
        refused = f"⛔ {tr('render.report-invalid')}"
        out += [_row(["—", _cell(name), refused, *("" for _ in numbers)]) for name in matrix.refused]
        absent = f"📭 {tr('render.not-filed')}"
        out += [_row(["—", _cell(name), absent, *("" for _ in numbers)]) for name in matrix.not_filed]
        legend = " · ".join(f"{Status(s).emoji} {tr(f'render.status-{s}')}" for s in STATUSES)
        blank = f"{tr('render.blank')}{tr.colon}{tr('render.status-none')}"
        out += ["", f"{tr('render.legend')}{tr.colon}{legend} · {blank}", ""]
        out += [f"<details><summary>{tr('render.matrix-rules')}</summary>", ""]
        out += [f"{n}. `{c.rule}` {_inline(c.title)}" for n, c in enumerate(matrix.columns, 1)]
        return out + ["", "</details>", ""]

    def _evaluation(self, evaluation: Mapping[str, Any], title: str, subtitle: str) -> list[str]:
        tr = self.tr
        results = evaluation["results"]
        worst = next((s for s in NOT_MET if evaluation["summary"][s]), Status.PASS)
        counts = " · ".join(f"{Status(s).emoji} {s} {n}" for s, n in evaluation["summary"].items() if n)
        out = [
            (
                f"### {Status(worst).emoji} {_inline(title)} · {tr('render.score')} "
                f"{_inline(score_beside(evaluation, tr))}"
            ),
            "",
            " · ".join(part for part in (subtitle, counts or tr("render.no-rules")) if part),
            "",
        ]
        out += [f"> {_inline(notice)}" for notice in evaluation["notices"]]
        if self.options.quiet:
            return out
        shown = [r for r in results if r["status"] in SHOWN_OPEN]
        folded = [r for r in results if r["status"] not in SHOWN_OPEN]
        units = frozenset(evaluation.get("units_present", ()))  # a city-wide year's: its units' figures
        # a report's own file, named under its heading; a city-wide year's rows read many files, none named
        own_file = None if "units_present" in evaluation else evaluation.get("file")
        if shown:
            out += self._table(shown, units, own_file) + [""]
        if folded:
            # Places in the report's own file by their first line alone (its file is named under the
            # heading), met or not: a year's comment stays within GitHub's 65,536 characters (docs/ci.md).
            out += [
                f"<details><summary>{tr('render.passing', count=len(folded))}</summary>",
                "",
                *self._table(folded, units, own_file),
                "",
                "</details>",
                "",
            ]
        return out

    def _table(
        self, results: Sequence[Mapping[str, Any]], units: frozenset[str], own_file: str | None = None
    ) -> list[str]:
        """A row per result: its arithmetic and notes, then each unit's own figure where the result's items
        are the units of a city-wide year (``units``), else the items not met, each with its place; a result
        without such items, its data's place (``own_file``: the report's, whose places go by line alone).
        Every row that applies has a place, met or not."""
        tr = self.tr
        out = [
            _row(
                [
                    tr("render.status"),
                    tr("render.rule"),
                    tr("render.observed-target"),
                    tr("render.explanation"),
                ]
            ),
            _row(["---"] * 4),
        ]
        for r in results:
            lines = [r["explanation"], *r["notes"]]
            items = failing_items(r)
            shares = unit_items(r, units)
            if shares:  # every unit, those not met among them
                lines.append(f"{tr('render.by-unit')}{tr.colon}".rstrip())  # a line of its own
                lines += [self._item(item, r, own_file) for item in shares]
            else:
                lines += [self._item(item, r, own_file) for item in items[:ITEMS_SHOWN]]
                if len(items) > ITEMS_SHOWN:
                    lines.append(tr("render.more-items", count=len(items) - ITEMS_SHOWN))
            if not items and r["status"] != "not_applicable" and r["locations"]:
                lines.append(f"`{_where(r['locations'], own_file, tr)}`")
            out.append(
                _row(
                    [
                        f"{Status(r['status']).emoji} {r['status']}",
                        f"`{r['rule']}` {_cell(r['title'])}",
                        _cell(value_text(r, tr)),
                        "<br>".join(_cell(line) for line in lines),
                    ]
                )
            )
        return out

    def _item(self, item: Mapping[str, Any], result: Mapping[str, Any], own_file: str | None = None) -> str:
        """An item's status, who it is, its arithmetic and its place: ``❌ 东安县：40 / 100 = 40.0% < 50.0%
        `dongan.yaml:45 另 3 处```; one in ``own_file`` (the report the section is of) by its line
        (``第 45 行``). Below the target of a ``result`` not due yet: ⏳, not ❌ (``findings.shown_look``)."""
        tr = self.tr
        return (
            f"{shown_look(item, result).emoji} {who(item, tr)}{tr.colon}{item['explanation']} "
            f"`{_where(item['locations'], own_file, tr)}`"
        )

    def _trends(self, doc: Mapping[str, Any]) -> list[str]:
        """City-wide trends open, each unit's folded:
        a row per target, a column per year, then the projection.
        """
        from zhijiao_check.renderers import trends as view

        tr = self.tr
        out: list[str] = []
        for anchor, heading, trends in view.scopes(doc, tr):
            years = view.trend_years(trends)
            table = [
                _row(
                    [
                        tr("render.rule"),
                        *map(str, years),
                        tr("render.trend-target"),
                        tr("render.trend-projection"),
                    ]
                ),
                _row(["---", *("--:" for _ in years), "--:", "---"]),
            ]
            for trend in trends:
                by_year = {point["year"]: point for point in trend["years"]}
                cells = []
                for year in years:
                    point = by_year.get(year)
                    cells.append("" if point is None else self._trend_cell(trend, point))
                verdict = view.track(trend, tr)
                advice = (f"**{verdict}** · " if verdict else "") + view.projection(trend, tr)
                out_row = [
                    f"`{trend['rule']}` {_cell(trend['title'])}",
                    *cells,
                    _cell(view.target(trend, tr)),
                    _cell(advice),
                ]
                table.append(_row(out_row))
            # what ``回落`` in a cell says, under the table that shows it
            note = [f"_{_inline(tr('render.setback-note'))}_", ""] if view.any_setback(trends) else []
            if anchor == "trend-city":
                out += [
                    f"### 📈 {heading}",
                    "",
                    *table,
                    "",
                    *note,
                    f"_{_inline(tr('render.trend-method'))}_",
                    "",
                ]
            else:
                out += [
                    f"<details><summary>📈 {_inline(heading)}</summary>",
                    "",
                    *table,
                    "",
                    *note,
                    "</details>",
                    "",
                ]
        return out

    def _assessment(self, doc: Mapping[str, Any]) -> list[str]:
        """Clause 15's summary (``renderers.assessment``): a row per scope, its counts, and what is short of
        met, named by rule; then that it is advice."""
        from zhijiao_check.renderers import assessment as view

        tr = self.tr
        rows = view.rows(doc, tr)
        if not rows:
            return []
        heads = view.headers(tr)
        table = [
            _row([*map(_cell, heads), _cell(tr("render.assessment-details"))]),
            _row(["---", *("--:" for _ in heads[1:]), "---"]),
        ]
        for name, figures, details in rows:
            table.append(_row([_cell(name), *(_cell(str(f)) for f in figures), _cell(tr.sep.join(details))]))
        title = tr("render.assessment-title")
        return [f"### 📋 {_inline(title)}", "", *table, "", f"_{_inline(tr('render.assessment-note'))}_", ""]

    def _trend_cell(self, trend: Mapping[str, Any], point: Mapping[str, Any]) -> str:
        """A year's status and figure, and under it the linear schedule's, or the year's own target where it
        is computed each year; ``⛔ 报表无效`` for a year whose report was refused, ``📭 未提交`` for one the
        unit did not file, ``❔ 未判定`` and the units missing for a city-wide year not decided; ``**回落**``
        at the foot of a figure moved away from the target since the year before (``setbacks``)."""
        from zhijiao_check.renderers import trends as view

        tr = self.tr
        figure = _cell(view.figure(trend, point, tr))
        if view.refused(point):
            return f"⛔ {figure}"
        if view.not_filed(point):
            return f"📭 {figure}"
        under = [view.schedule(trend, point, tr), view.year_target(trend, point, tr)]
        if view.undecided(point):  # not a judgement: the missing units could change it (docs/trends.md)
            first = f"❔ {_cell(tr('render.undecided'))} {figure}"
            under.insert(0, view.missing_units(point, tr))
        else:
            first = f"{Status(point['status']).emoji} {figure}"
        lines = [first, *(_cell(u) for u in under if u)]
        if view.setback(trend, point):
            lines.append(f"**{_cell(tr('render.setback'))}**")
        return "<br>".join(lines)


def _where(locations: Sequence[Mapping[str, Any]], own_file: str | None, tr: Translator) -> str:
    """``where``, but a first place in ``own_file`` (the report the section is of) by its line alone (``第 18
    行``, ``L18``), or a workbook's by its sheet and cell: the first place only, a pointer into the report
    (every place is the table's, the page's and the JSON's)."""
    if own_file is None or not locations or locations[0]["file"] != own_file:
        return where(locations, tr)
    first = locations[0]
    return str(first.get("cell") or tr("render.line-of-report", line=first["line"]))


def _row(cells: Sequence[str]) -> str:
    """A table row without the spaces around its pipes, which GitHub shows the same: a 15 units' year's
    comment is some 3,500 characters shorter, within GitHub's 65,536 (docs/ci.md). A cell ending in a
    backslash keeps a space after it, which would otherwise escape the pipe that ends the cell."""
    return "|" + "|".join(f"{c} " if c.endswith("\\") else c for c in cells) + "|"


def _cell(text: str) -> str:
    """Text inside a table cell: no line breaks, pipes escaped, no accidental HTML."""
    return _inline(text).replace("|", "\\|").replace("\n", "<br>")


def _path(path: str) -> str:
    """A field path as it stands before a message: a key is whatever its author quoted, so besides HTML
    (``_inline``) its pipes and backticks are escaped, which would end a table's cell or open a code span that
    runs on into the message (a control character is escaped already, ``Problem.shown_path``)."""
    return _inline(path).replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`")


def _inline(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
