"""``--format html``: one self-contained page for people (no network, no script, no external font).

Summary cards; for each year with several reports the ranked units × rules heat map; for each city-wide
target a bar toward it, with the linear schedule and the due year; each report's rules with the arithmetic,
the data's location and the clause quoted; invalid reports; the clauses quoted. Key numbers carry ``data-*``
attributes, and the whole run (as ``--format json`` gives it) is embedded in ``<script id="zhijiao-data">``.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from zhijiao_check.i18n import Translator
from zhijiao_check.renderers import RenderOptions
from zhijiao_check.renderers.charts import target_bar, trend_chart
from zhijiao_check.renderers.findings import failing_items, unit_items
from zhijiao_check.renderers.markup import escaped, opening, tag
from zhijiao_check.renderers.matrix import YearMatrix, catalogue_of, matrices, totals
from zhijiao_check.renderers.texts import (
    at,
    city_title,
    expected_text,
    field_of,
    observed_text,
    score_text,
    spot,
    target_text,
    units_missing,
    value_text,
    waived_text,
    where,
    who,
)
from zhijiao_check.status import NOT_MET, STATUSES, Status

if TYPE_CHECKING:
    from zhijiao_check.engine.results import Run
    from zhijiao_check.output import Streamed

NEUTRAL, BLANK = "#52606d", "#f0f2f4"


@cache
def stylesheet() -> str:
    """The dashboard's CSS, kept in dashboard.css beside this module so it reads as CSS, not as Python."""
    return "\n" + files("zhijiao_check.renderers").joinpath("dashboard.css").read_text(encoding="utf-8")


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
        return Streamed(lambda: (_utf8(piece) for piece in self.pieces(doc, run)))

    def page(self, doc: Mapping[str, Any], run: Run, signoff: str | None = None) -> str:
        """The page of ``doc`` (the run's JSON document, or a part of it);
        ``signoff``: the unit whose printable page it is.
        """
        return "".join(
            piece.decode("utf-8") if isinstance(piece, bytes) else piece
            for piece in self.pieces(doc, run, signoff)
        )

    def pieces(self, doc: Mapping[str, Any], run: Run, signoff: str | None = None) -> Iterator[str | bytes]:
        """The page of ``doc`` (``page``) in the order it is written, a section at a time."""
        from zhijiao_check.jsontext import compact

        tr = self.tr
        pack = doc["rule_pack"]
        years = _years(doc)
        heading = tr("render.title")
        if signoff is not None:
            heading = f"{signoff} · {heading}"
        title = f"{heading} · {pack['document']}"
        # a unit's own page counts its reports (2022–2023 年 · 2 份报表), not "1 个单位"; those refused too
        counted = (
            tr("render.cards-reports", count=len(doc["reports"]) + len(doc["invalid"]))
            if len(_units(doc)) == 1
            else tr("render.units-count", count=len(_units(doc)))
        )
        subtitle = " · ".join(part for part in (years, counted) if part)
        head = (
            '<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">'
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src '
            "'unsafe-inline'\">"
            + tag("title", escaped(title))
            + tag("style", stylesheet() + self._page_rule(heading, years))
        )
        lang = "zh-CN" if tr.lang == "zh" else "en"
        yield f'<!DOCTYPE html>\n<html lang="{lang}"><head>{head}</head>\n<body>\n'
        for section in self._sections(doc, run, title, subtitle, signoff is not None):
            pieces = iter((section,) if isinstance(section, str) else section)
            if first := next((piece for piece in pieces if piece), ""):  # a section that is empty is left out
                yield first
                yield from pieces
                yield "\n"
        # Every "<" as the JSON escape \u003c: no "</script>" or "<!--" can end the script early, and the text
        # is still JSON for JSON.parse (whereas "<\!--" is not a JSON escape).
        yield opening("script", type="application/json", id="zhijiao-data")
        yield compact(doc).replace(b"<", b"\\u003c")
        yield "</script>\n</body></html>\n"

    def _sections(
        self, doc: Mapping[str, Any], run: Run, title: str, subtitle: str, signoff: bool
    ) -> Iterator[str | Iterator[str]]:
        """The page's body in order, each section made when its turn comes; the reports' drill-down a report
        at a time."""
        rules = {rule.id: rule for pack in run.packs for rule in pack.rules}
        yield tag("header", tag("h1", escaped(title)) + tag("p", escaped(subtitle), class_="meta"))
        yield self._cards(doc)
        yield self._invalid(doc)
        for matrix in matrices(doc, catalogue_of(run)):
            yield self._heat_map(matrix)
        yield self._city_trends(doc)
        for city in doc["city"]:
            yield self._city(city, rules)
        yield self._unit_trends(doc, open_all=signoff)
        yield self._reports(doc, open_all=signoff)
        yield self._notes(doc)
        yield self._clauses(doc, rules)
        if signoff:
            yield self._signoff()
        yield self._footer(doc)

    def _page_rule(self, heading: str, years: str) -> str:
        """Printed pages: A4, the title and years at the top left, the page number at the top right."""
        left = _css_string(f"{heading} · {years}" if years else heading)
        pages = self.tr("render.page-number")
        return (
            "@page{size:A4;margin:16mm 12mm 14mm;@top-left{content:" + left + ";font-size:9px;color:#52606d}"
            "@top-right{content:" + pages + ";font-size:9px;color:#52606d}}"
        )

    def _cards(self, doc: Mapping[str, Any]) -> str:
        """What the run counts, as what it is: units, targets met and not met, and each city-wide score."""
        tr = self.tr
        counts = totals(doc)
        units = len(_units(doc))
        reports = len(doc["reports"])
        years = _years(doc)
        one = units == 1 and not doc["city"]  # one unit's page: its reports and its years, not "1 个单位"
        filed = reports + len(doc["invalid"])  # a unit's page counts the reports it filed, those refused too
        cards = [
            _card(
                "reports",
                str(filed),
                # the figure is apart from its label: "1 report", not "1 reports"
                tr("render.cards-unit-report" if filed == 1 else "render.cards-unit-reports", years=years),
                NEUTRAL,
            )
            if one and years
            else _card(
                "units",
                str(units),
                tr(
                    "render.cards-unit" if units == 1 else "render.cards-units",  # "1 unit", not "1 units"
                    reports=tr("render.cards-reports", count=reports),
                ),
                NEUTRAL,
            ),
            _card(
                "invalid",
                str(len(doc["invalid"])),
                tr("render.cards-invalid"),
                Status.FAIL.colour if doc["invalid"] else BLANK,
            ),
            _card("met", str(counts["pass"]), self._met_label(doc, one), Status.PASS.colour),
            _card(
                "not-met",
                str(counts["fail"] + counts["missing"]),
                tr("render.cards-not-met"),
                Status.FAIL.colour,
            ),
            _card(
                "watch", str(counts["warn"] + counts["behind"]), tr("render.cards-watch"), Status.WARN.colour
            ),
            _card("pending", str(counts["pending"]), tr("render.cards-pending"), Status.PENDING.colour),
            *(
                _card(
                    "city-score",
                    score_text(c["score"]),
                    tr("render.cards-city-score", year=c["year"]),
                    NEUTRAL,
                    c["year"],
                )
                for c in doc["city"]
            ),
        ]
        return tag("div", "".join(cards), class_="cards", id="summary")

    def _met_label(self, doc: Mapping[str, Any], one: bool) -> str:
        """What the card of targets met counts: the unit's results of every year (``one``); else every unit's,
        and the city-wide targets' beside them, each counted (374 + 30 was read as 404 units' results)."""
        tr = self.tr
        if one:
            return tr("render.cards-met-unit")
        if not doc["city"]:
            return tr("render.cards-met")
        city = sum(c["summary"].get("pass", 0) for c in doc["city"])
        by_units = sum(r["summary"].get("pass", 0) for r in doc["reports"])
        one_unit = len(_units(doc)) == 1  # 市本级 alone, with the city-wide year its report makes
        return tr(
            "render.cards-met-unit-city" if one_unit else "render.cards-met-city", units=by_units, city=city
        )

    def _footer(self, doc: Mapping[str, Any]) -> str:
        """For CI and the record: the exit status, the tool and the rule pack."""
        tool, pack = doc["tool"], doc["rule_pack"]
        generated = self.tr(
            "render.generated",
            tool=tool["name"],
            version=tool["version"],
            pack=pack["id"],
            document=pack["document"],
        )
        code = doc.get("exit_code")
        exit_text = (
            ""
            if code is None
            else tag(
                "span",
                escaped(
                    f"{self.tr('render.cards-exit')} {code} · {self.tr(f'render.exit-{min(int(code), 2)}')}"
                ),
                data_key="exit-code",
                data_value=code,
            )
            + " · "
        )
        return tag("footer", exit_text + escaped(generated))

    def _signoff(self) -> str:
        """The sign-off block of a unit's printed page: who filled it in, who checked it, when."""
        fields = ("render.signoff-unit", "render.signoff-reviewer", "render.signoff-date")
        return tag(
            "div",
            "".join(tag("div", escaped(self.tr(key) + self.tr.colon)) for key in fields),
            class_="signoff",
        )

    def _invalid(self, doc: Mapping[str, Any]) -> str:
        if not doc["invalid"]:
            return ""
        parts = [tag("h2", escaped(self.tr("render.invalid-title")))]
        for bad in doc["invalid"]:
            heading = self.tr("render.invalid-report", file=bad["file"], count=len(bad["problems"]))
            parts.append(tag("h3", escaped(heading), data_file=bad["file"]))
            problems = []
            for p in bad["problems"]:
                path = f"{field_of(p)}: " if field_of(p) else ""
                problems.append(
                    tag(
                        "li",
                        f"{tag('code', escaped(at(p)))} {escaped(path + p['message'])}",
                        class_="problem",
                        data_code=p["code"],
                    )
                )
            parts.append(tag("ul", "".join(problems)))
        return tag("section", "".join(parts), id="invalid")

    def _heat_map(self, matrix: YearMatrix) -> str:
        tr = self.tr
        head = [
            tag("th", escaped(tr("render.rank")), class_="num"),
            tag("th", escaped(tr("render.unit"))),
            tag("th", escaped(tr("render.score")), class_="num"),
        ]
        # Chinese: the short title, the ID on hover; English: the ID, the title on hover.
        head += [
            tag(
                "th",
                tag("span", escaped(c.short if tr.lang == "zh" else c.rule)),
                class_="rule",
                title=c.rule if tr.lang == "zh" else c.title,
                data_rule=c.rule,
            )
            for c in matrix.columns
        ]
        rows = []
        for row in matrix.rows:
            cells = []
            for column, cell in zip(matrix.columns, row.cells):
                if cell is None:
                    cells.append(tag("td", "", class_="cell", style=f"background:{BLANK}"))
                    continue
                said = tr(f"render.status-{cell['status']}")  # in the page's language, as a chip says it
                tip = f"{row.unit} · {column.rule} {column.title}{tr.colon}{said} · {cell['explanation']}"
                cells.append(
                    tag(
                        "td",
                        Status(cell["status"]).glyph,
                        class_="cell",
                        title=tip,
                        data_rule=column.rule,
                        data_status=cell["status"],
                        style=f"background:{Status(cell['status']).colour}",
                    )
                )
            score = score_text(row.score)
            rows.append(
                tag(
                    "tr",
                    tag("td", str(row.rank or "—"), class_="num")
                    + tag("td", tag("a", escaped(row.unit), href=f"#{_anchor(row.report)}"))
                    + tag("td", score, class_="num score")
                    + "".join(cells),
                    data_unit=row.unit,
                    data_rank=row.rank or "",
                    data_score=score,
                )
            )
        refused = tag("td", escaped(tr("render.report-invalid")), class_="problem")
        blank = tag("td", "", class_="cell", style=f"background:{BLANK}") * len(matrix.columns)
        rows += [
            tag(
                "tr",
                tag("td", "—", class_="num")
                + tag("td", tag("a", escaped(name), href="#invalid"))
                + refused
                + blank,
                data_unit=name,
                data_status="invalid",
            )
            for name in matrix.refused
        ]
        table = tag(
            "div",
            tag(
                "table",
                tag("thead", tag("tr", "".join(head))) + tag("tbody", "".join(rows)),
                class_="heat",
            ),
            class_="scroll",
        )
        return tag(
            "section",
            tag("h2", escaped(tr("render.matrix-title", year=matrix.year))) + table + self._legend(),
            class_="matrix",
            id=f"matrix-{matrix.year}",
            data_year=matrix.year,
        )

    def _legend(self) -> str:
        chips = [
            tag("span", f"{_chip(s, self.tr, said=False)} {escaped(self.tr(f'render.status-{s}'))}")
            for s in STATUSES
        ]
        chips.append(
            tag(
                "span",
                tag("b", "&nbsp;", class_="chip", aria_hidden="true", style=f"background:{BLANK}")
                + " "
                + escaped(self.tr("render.status-none")),
            )
        )
        legend = f"{escaped(self.tr('render.legend'))}{self.tr.colon}"
        return tag("p", legend + "".join(chips), class_="legend")

    def _city(self, city: Mapping[str, Any], rules: Mapping[str, Any]) -> str:
        tr = self.tr
        score = score_text(city["score"])
        heading = (
            f"{escaped(city_title(city, tr))} · {escaped(tr('render.city-score'))} "
            f"{tag('span', score, class_='score')}"
        ) + escaped(waived_text(city, tr))
        parts = [tag("h2", heading), tag("p", _counts(city["summary"], tr))]
        if city["units_missing"]:
            parts.append(tag("p", escaped(units_missing(city, tr)), class_="problem"))
        parts.append(tag("p", escaped(tr("render.bar-legend")), class_="small"))
        units = frozenset(city["units_present"])  # the items of a result that are these: each unit's figure
        parts += [self._target(r, rules.get(r["rule"]), int(city["year"]), units) for r in city["results"]]
        return tag(
            "section",
            "".join(parts) + self._legend(),
            class_="city",
            id=f"city-{city['year']}",
            data_year=city["year"],
            data_score=score,
        )

    def _target(self, r: Mapping[str, Any], rule: Any, year: int, units: frozenset[str]) -> str:
        tr = self.tr
        due = getattr(getattr(rule, "time", None), "due", None)
        facts = [
            tag("span", escaped(value_text(r, tr)), class_="observed"),
            escaped(tr("render.due", year=due) if due is not None else tr("render.every-year")),
        ]
        if r["expected"] is not None:
            facts.append(
                escaped(
                    tr(
                        "render.schedule",
                        year=year,
                        value=expected_text(r, tr),
                    )
                )
            )
        title = tag("small", escaped(r["title"]), class_="small")
        what = f"{_chip(r['status'], tr)} {_rule_id(r['rule'])}<br>{title}"
        # The items not met and where the data stands, as a unit's row gives them: a failed city-wide rule
        # names what failed it and the line to correct; each unit's own figure where its items are units.
        explanation = "<br>".join(escaped(line) for line in (r["explanation"], *r["notes"])) + self._detail(
            r, units
        )
        bar = target_bar(r, f"{r['rule']}{tr.colon}{value_text(r, tr)}")
        return tag(
            "div",
            tag("div", what)
            + tag("div", bar + tag("div", " · ".join(facts), class_="small"))
            + tag("div", explanation, class_="small"),
            class_="target",
            **_data(r),
        )

    def _city_trends(self, doc: Mapping[str, Any]) -> str:
        """One small chart per city-wide target: observed by year, target, schedule, dashed projection."""
        from zhijiao_check.renderers import trends as view

        tr = self.tr
        found = [t for anchor, _, trends in view.scopes(doc, tr) if anchor == "trend-city" for t in trends]
        if not found:
            return ""
        charts = []
        for trend in found:
            p = trend["projection"]
            verdict = view.track(trend, tr)
            badge = (
                tag(
                    "span",
                    escaped(verdict),
                    class_="track",
                    style=f"background:{Status('pass' if p and p['on_track'] else 'fail').colour}",
                )
                if p
                else ""
            )
            shown = {point["year"]: view.figure(trend, point, tr) for point in trend["years"]}
            figures = " · ".join(f"{point['year']} {_figure(trend, point, tr)}" for point in trend["years"])
            goal = view.target(trend, tr)
            charts.append(
                tag(
                    "div",
                    tag("h3", f"{_rule_id(trend['rule'], 'span')} {badge}")
                    + tag("div", escaped(trend["title"]), class_="small")
                    + trend_chart(trend, view.described(trend, tr), shown)
                    + tag("div", figures, class_="small figures")
                    + tag(
                        "div",
                        escaped(
                            (f"{tr('render.trend-target')} {goal} · " if goal else "")
                            + view.projection(trend, tr)
                        ),
                        class_="small",
                    ),
                    class_="chart",
                    data_rule=trend["rule"],
                    data_projected=json.dumps(p and p["projected"]),
                    data_meets_in=json.dumps(p and p["meets_in"]),
                    data_met_since=json.dumps(p and p["met_since"]),
                    data_on_track=json.dumps(p and p["on_track"]),
                    data_slope=json.dumps(p and p["slope"]),
                )
            )
        parts = [
            tag("h2", escaped(tr("render.trends-city"))),
            tag("p", escaped(tr("render.chart-legend")), class_="small"),
            tag("div", "".join(charts), class_="charts"),
            tag("p", escaped(tr("render.trend-method")), class_="small"),
        ]
        return tag("section", "".join(parts), id="trend-city", class_="trends")

    def _unit_trends(self, doc: Mapping[str, Any], open_all: bool = False) -> str:
        """Each unit's trend as a table of years, folded on screen, open on paper; ``open_all``: open on
        screen too (a unit's own page, where it is one table to read, not one of fifteen to choose from)."""
        from zhijiao_check.renderers import trends as view

        tr = self.tr
        out = []
        for anchor, heading, trends in view.scopes(doc, tr):
            if anchor == "trend-city":
                continue
            years = view.trend_years(trends)
            head = "".join(
                tag("th", escaped(text))
                for text in (
                    tr("render.rule"),
                    *map(str, years),
                    tr("render.trend-target"),
                    tr("render.trend-projection"),
                )
            )
            rows = []
            for trend in trends:
                by_year = {point["year"]: point for point in trend["years"]}
                cells = []
                for year in years:
                    point = by_year.get(year)
                    cells.append(
                        tag(
                            "td",
                            "" if point is None else _figure(trend, point, tr, "<br>"),
                            class_="year",
                            data_year=year,
                        )
                    )
                verdict = view.track(trend, tr)
                advice = (tag("b", escaped(verdict)) + " · " if verdict else "") + escaped(
                    view.projection(trend, tr)
                )
                rows.append(
                    tag(
                        "tr",
                        tag("td", f"{_rule_id(trend['rule'])}<br>{escaped(trend['title'])}")
                        + "".join(cells)
                        + tag("td", escaped(view.target(trend, tr)), class_="num")
                        + tag("td", advice, class_="small"),
                        data_rule=trend["rule"],
                    )
                )
            table = tag(
                "div",
                tag("table", tag("thead", tag("tr", head)) + tag("tbody", "".join(rows)), class_="trend"),
                class_="scroll",
            )
            out.append(
                tag(
                    "details",
                    tag("summary", escaped(heading)) + table,
                    class_="unit-trend",
                    id=anchor,
                    open=open_all,
                )
            )
        if not out:
            return ""
        # One unit's page is not headed "each unit's"
        heading = tr("render.trends-one" if len(_units(doc)) == 1 else "render.trends-units")
        return tag("section", tag("h2", escaped(heading)) + "".join(out), id="trend-units")

    def _reports(self, doc: Mapping[str, Any], open_all: bool = False) -> Iterator[str]:
        """Each report's rules, folded (``<details>``) unless one is not met: a report at a time, the
        largest part of a large run's page."""
        tr = self.tr
        if not doc["reports"]:
            return
        title = tr("render.drilldown-one" if len(_units(doc)) == 1 else "render.drilldown")
        yield opening("section", id="reports") + tag("h2", escaped(title))
        for report in doc["reports"]:
            kind = tr(f"table.kind-{report['kind']}")
            heading = tr("render.report-title", unit=report["unit"], kind=kind, year=report["year"])
            counts = _counts(report["summary"], tr)
            score = score_text(report["score"])
            summary = (
                f"{escaped(heading)} · {escaped(tr('render.score'))} {tag('span', score, class_='score')}"
                f"{escaped(waived_text(report, tr))} · {counts} " + tag("code", escaped(report["file"]))
            )
            yield tag(
                "details",
                tag("summary", summary) + self._results(report["results"]),
                class_="report",
                id=_anchor(report),
                open=open_all or any(report["summary"][s] for s in NOT_MET),
                data_file=report["file"],
                data_unit=report["unit"],
                data_year=report["year"],
                data_score=score,
            )
        yield "</section>"

    def _results(self, results: Sequence[Mapping[str, Any]]) -> str:
        tr = self.tr
        rows = []
        for r in results:
            text = "<br>".join(escaped(line) for line in (r["explanation"], *r["notes"])) + self._detail(r)
            clause = tr("render.clause", clause=r["clause"])
            quote = tag("blockquote", escaped(f"{clause}{tr.colon}{r['quote']}"))  # clause 16: in English
            rows.append(
                tag(
                    "tr",
                    # The status in words, as the workbook says it (the code stays in data-status), and
                    # each figure whole: never "not appli" above "cable"
                    tag("td", f"{_chip(r['status'], tr)} {_status_word(r['status'], tr)}")
                    + tag("td", f"{_rule_id(r['rule'])}<br>{escaped(r['title'])}")
                    + tag("td", _figures(r, tr), class_="num")
                    + tag("td", text + quote),
                    **_data(r),
                )
            )
        head = "".join(
            tag("th", escaped(tr(key)))
            for key in ("render.status", "render.rule", "render.observed-target", "render.explanation")
        )
        return tag(
            "div",
            tag("table", tag("thead", tag("tr", head)) + tag("tbody", "".join(rows)), class_="results"),
            class_="scroll",
        )

    def _detail(self, r: Mapping[str, Any], units: frozenset[str] = frozenset()) -> str:
        """Under a result's arithmetic: the items not met, each with its place, else where its data stands
        (the same for a unit's row and a city-wide target). Where its items are the units of a city-wide
        year (``units``), every unit's own figure, each with its arithmetic and place, in their stead."""
        tr = self.tr
        items = failing_items(r)
        shares = unit_items(r, units)
        if items and not shares:
            return self._items(items)
        out = ""
        if shares:
            out = f"<br>{escaped(tr('render.by-unit') + tr.colon)}" + self._items(shares, units=True)
        if not items and r["locations"] and r["status"] != "not_applicable":
            # on a line of its own, after the list as the table and Markdown put it
            out += ("" if shares else "<br>") + tag("code", escaped(where(r["locations"], tr)))
        return out

    def _items(self, items: Sequence[Mapping[str, Any]], units: bool = False) -> str:
        """A list of items: each one's status, who it is, its arithmetic and its place. ``units``: each
        unit's own figure, its name, status and figure also in ``data-*`` attributes, for scripts."""
        tr = self.tr
        return tag(
            "ul",
            "".join(
                tag(
                    "li",
                    f"{_chip(i['status'], tr)} {escaped(who(i, tr) + tr.colon + i['explanation'])} "
                    + tag("code", escaped(where(i["locations"], tr))),
                    **(
                        {
                            "data_unit": i["name"],
                            "data_status": i["status"],
                            "data_observed": json.dumps(i["observed"]),
                        }
                        if units
                        else {}
                    ),
                )
                for i in items
            ),
            class_="items units" if units else "items",
        )

    def _notes(self, doc: Mapping[str, Any]) -> str:
        notes = [escaped(n) for n in doc["notices"]]
        notes += [tag("code", escaped(spot(w))) + f" {escaped(w['message'])}" for w in doc["warnings"]]
        if not notes:
            return ""
        return tag(
            "section",
            tag("h2", escaped(self.tr("render.notices"))) + tag("ul", "".join(tag("li", n) for n in notes)),
            id="notes",
        )

    def _clauses(self, doc: Mapping[str, Any], rules: Mapping[str, Any]) -> str:
        used = {r["rule"] for e in (*doc["reports"], *doc["city"]) for r in e["results"]}
        by_clause: dict[int, list[Any]] = {}
        for rule in rules.values():
            if rule.id in used:
                by_clause.setdefault(rule.clause, []).append(rule)
        parts = [tag("h2", escaped(self.tr("render.clauses")))]
        for clause, listed in sorted(by_clause.items()):
            items = "".join(
                tag(
                    "li",
                    f"{_rule_id(rule.id)} {escaped(self.tr.pick(rule.title.zh, rule.title.en))}"
                    + tag("blockquote", escaped(rule.quote)),
                )
                for rule in listed
            )
            parts.append(tag("h3", escaped(self.tr("render.clause", clause=clause))) + tag("ul", items))
        return tag("section", "".join(parts), id="clauses") if by_clause else ""


def _data(r: Mapping[str, Any]) -> dict[str, str]:
    """A result's figures as JSON in ``data-*`` attributes, for scripts reading the page."""
    figures = {"observed": r["observed"], "target": r["target"]["value"], "expected": r["expected"]}
    return {
        "data_rule": r["rule"],
        "data_status": r["status"],
        **{f"data_{k}": json.dumps(v, ensure_ascii=False) for k, v in figures.items()},
    }


def _counts(summary: Mapping[str, int], tr: Translator) -> str:
    return " ".join(
        f"{_chip(s, tr)} {tag('span', str(n), class_='count', data_status=s)}"
        for s, n in summary.items()
        if n
    )


def _rule_id(rule: str, name: str = "b") -> str:
    """A rule's ID, which breaks only after a "." or a "-" (``c1.vocational-<wbr>share``), never inside a
    word as the cell's text may (``c1.vocati`` above ``onal-share``)."""
    text = escaped(rule).replace(".", ".<wbr>").replace("-", "-<wbr>")
    return tag(name, text, class_="rule-id")


def _figures(r: Mapping[str, Any], tr: Translator) -> str:
    """``41.0% / ≥ 45.0%`` breaking only at the slash: each figure whole (not ``41.0`` above ``%``)."""
    observed, target = observed_text(r, tr), target_text(r, tr)
    shown = tag("span", escaped(observed), class_="whole")
    return f"{shown} / {tag('span', escaped(target), class_='whole')}" if target else shown


def _card(key: str, value: str, label: str, colour: str, year: int | None = None) -> str:
    content = tag("span", escaped(value), class_="num") + tag("span", escaped(label), class_="lbl")
    return tag(
        "div", content, class_="card", data_key=key, data_year=year, style=f"border-top-color:{colour}"
    )


def _status_word(status: str, tr: Translator) -> str:
    """A status as the workbook's cell says it (未达标, not met), whole; its code in ``data-status``."""
    return tag("span", escaped(tr(f"render.short-status-{status}")), class_="whole", data_status=status)


def _chip(status: str, tr: Translator, said: bool = True) -> str:
    """A status as its glyph on its colour, and in words (the page's language) for a screen reader and on
    hover; ``said=False``: beside its words already (the legend), hidden from a screen reader."""
    words = tr(f"render.status-{status}")
    return tag(
        "b",
        Status(status).glyph,
        class_="chip",
        title=words,
        role="img" if said else None,
        aria_label=words if said else None,
        aria_hidden="true" if not said else None,
        style=f"background:{Status(status).colour}",
    )


def _figure(trend: Mapping[str, Any], point: Mapping[str, Any], tr: Translator, apart: str = " ") -> str:
    """A year's figure of a trend, after the chip of its status, and the year's own target where it is
    computed each year (``apart``: what stands between them); the words 报表无效 for a year whose report was
    refused as invalid."""
    from zhijiao_check.renderers import trends as view

    if view.refused(point):
        return tag("b", escaped(view.figure(trend, point, tr)), class_="problem", data_status=point["status"])
    shown = f"{_chip(point['status'], tr)} {escaped(view.figure(trend, point, tr))}"
    goal = view.year_target(trend, point, tr)
    return shown + (apart + tag("span", escaped(goal), class_="small") if goal else "")


def _years(doc: Mapping[str, Any]) -> str:
    """``2021–2025 年`` (or one year) of the reports on the page, those refused as invalid too."""
    years = sorted(
        {int(r["year"]) for r in doc["reports"]}
        | {int(c["year"]) for c in doc["city"]}
        | {int(bad["year"]) for bad in doc["invalid"] if bad["year"] is not None}
    )
    if not years:
        return ""
    span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    return f"{span} 年" if doc.get("lang") == "zh" else span


def _units(doc: Mapping[str, Any]) -> list[str]:
    """The units of the reports on the page, a unit whose reports were all refused as invalid too."""
    refused = [str(bad["unit"]) for bad in doc["invalid"] if bad["unit"] is not None]
    return list(dict.fromkeys([*(str(r["unit"]) for r in doc["reports"]), *refused]))


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _anchor(report: Mapping[str, Any]) -> str:
    return f"report-{report['year']}-{zlib.crc32(str(report['file']).encode()):08x}"


def unit_pages(run: Run, tr: Translator, options: RenderOptions) -> list[tuple[str, str]]:
    """``--per-unit DIR``: (file name, page) for each unit of the run: its reports of every year, its trends,
    the warnings on its files, and a sign-off block, ready to print and sign."""
    from zhijiao_check.document import document

    doc = document(run, tr)
    renderer = HtmlRenderer(tr, options)
    pages = []
    # A unit whose reports were all refused has its page too (``_units``): it signs what is to be corrected
    for unit in _units(doc):
        reports = [r for r in doc["reports"] if r["unit"] == unit]
        files = {r["file"] for r in reports}
        part = {
            **doc,
            "reports": reports,
            "city": [],
            # its reports refused as invalid, with their problems: the unit signs the page
            "invalid": [bad for bad in doc["invalid"] if bad["unit"] == unit],
            "warnings": [w for w in doc["warnings"] if w["file"] in files],
            "notices": [],
            "trends": {
                **doc["trends"],
                "city": [],
                "units": [u for u in doc["trends"]["units"] if u["unit"] == unit],
            },
            "exit_code": None,  # the run's, not the unit's: left to the run's own page
        }
        pages.append((page_name(unit), renderer.page(part, run, signoff=unit)))
    return pages


def page_name(unit: str) -> str:
    """The file name of a unit's page (``东安县.html``): characters a file system refuses become ``_``.
    ``check`` refuses, before any work, a page that would be written over an input (``commands.check``)."""
    name = "".join("_" if c in '\\/:*?"<>|' or ord(c) < 32 else c for c in unit).strip(". ") or "_"
    return f"{name}.html"


def _utf8(piece: str | bytes) -> bytes:
    return piece.encode("utf-8", errors="backslashreplace") if isinstance(piece, str) else piece
