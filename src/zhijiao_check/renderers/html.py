"""``--format html``: one self-contained page for people (no network, no script, no external font).

Summary cards; for each year with several reports the ranked units × rules heat map; for each city-wide
target a bar toward it, with the linear schedule and the due year; each report's rules with the arithmetic,
the data's location and the clause quoted; invalid reports; the clauses quoted. Key numbers carry ``data-*``
attributes, and the whole run (as ``--format json`` gives it) is embedded in ``<script id="zhijiao-data">``.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Mapping, Sequence
from functools import cache
from html import escape
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from zhijiao_check.i18n import Translator
from zhijiao_check.renderers import RenderOptions
from zhijiao_check.renderers.findings import failing_items
from zhijiao_check.renderers.matrix import YearMatrix, catalogue_of, matrices, totals
from zhijiao_check.renderers.texts import (
    at,
    city_title,
    observed_text,
    score_text,
    spot,
    units_missing,
    value_text,
    waived_text,
    where,
    who,
)
from zhijiao_check.status import NOT_MET, STATUSES, Status
from zhijiao_check.wording import number

if TYPE_CHECKING:
    from zhijiao_check.engine.results import Run

NEUTRAL, BLANK = "#52606d", "#f0f2f4"
BAR_WIDTH = 320


@cache
def stylesheet() -> str:
    """The dashboard's CSS, kept in dashboard.css beside this module so it reads as CSS, not as Python."""
    return "\n" + files("zhijiao_check.renderers").joinpath("dashboard.css").read_text(encoding="utf-8")


class HtmlRenderer:
    def __init__(self, tr: Translator, options: RenderOptions) -> None:
        self.tr = tr
        self.options = options

    def render(self, run: Run) -> str:
        from zhijiao_check.document import document

        return self.page(document(run, self.tr), run)

    def page(self, doc: Mapping[str, Any], run: Run, signoff: bool = False) -> str:
        """The page of ``doc`` (the run's JSON document, or a part of it);
        ``signoff``: a unit's printable page.
        """
        tr = self.tr
        rules = {rule.id: rule for pack in run.packs for rule in pack.rules}
        pack = doc["rule_pack"]
        years = _years(doc)
        heading = tr("render.title")
        if signoff and doc["reports"]:
            heading = f"{doc['reports'][0]['unit']} · {heading}"
        title = f"{heading} · {pack['document']}"
        subtitle = " · ".join(
            part for part in (years, tr("render.units-count", count=len(_units(doc)))) if part
        )
        body = [
            _tag("header", _tag("h1", _e(title)) + _tag("p", _e(subtitle), class_="meta")),
            self._cards(doc),
            self._invalid(doc),
            *(self._heat_map(matrix) for matrix in matrices(doc, catalogue_of(run))),
            self._city_trends(doc),
            *(self._city(city, rules) for city in doc["city"]),
            self._unit_trends(doc),
            self._reports(doc, open_all=signoff),
            self._notes(doc),
            self._clauses(doc, rules),
            self._signoff() if signoff else "",
            self._footer(doc),
        ]
        # Every "<" as the JSON escape \u003c: no "</script>" or "<!--" can end the script early, and the text
        # is still JSON for JSON.parse (whereas "<\!--" is not a JSON escape).
        data = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
        head = (
            '<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">'
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src '
            "'unsafe-inline'\">"
            + _tag("title", _e(title))
            + _tag("style", stylesheet() + self._page_rule(heading, years))
        )
        lang = "zh-CN" if tr.lang == "zh" else "en"
        page = "\n".join(part for part in body if part)
        script = _tag("script", data, type="application/json", id="zhijiao-data")
        document = f'<html lang="{lang}"><head>{head}</head>\n<body>\n{page}\n{script}\n</body></html>\n'
        return f"<!DOCTYPE html>\n{document}"

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
        cards = [
            _card(
                "units", str(len(_units(doc))), tr("render.cards-units", reports=len(doc["reports"])), NEUTRAL
            ),
            _card(
                "invalid",
                str(len(doc["invalid"])),
                tr("render.cards-invalid"),
                Status.FAIL.colour if doc["invalid"] else BLANK,
            ),
            _card("met", str(counts["pass"]), tr("render.cards-met"), Status.PASS.colour),
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
        return _tag("div", "".join(cards), class_="cards", id="summary")

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
            else _tag(
                "span",
                _e(f"{self.tr('render.cards-exit')} {code} · {self.tr(f'render.exit-{min(int(code), 2)}')}"),
                data_key="exit-code",
                data_value=code,
            )
            + " · "
        )
        return _tag("footer", exit_text + _e(generated))

    def _signoff(self) -> str:
        """The sign-off block of a unit's printed page: who filled it in, who checked it, when."""
        fields = ("render.signoff-unit", "render.signoff-reviewer", "render.signoff-date")
        return _tag(
            "div", "".join(_tag("div", _e(self.tr(key) + self.tr.colon)) for key in fields), class_="signoff"
        )

    def _invalid(self, doc: Mapping[str, Any]) -> str:
        if not doc["invalid"]:
            return ""
        parts = [_tag("h2", _e(self.tr("render.invalid-title")))]
        for bad in doc["invalid"]:
            heading = self.tr("render.invalid-report", file=bad["file"], count=len(bad["problems"]))
            parts.append(_tag("h3", _e(heading), data_file=bad["file"]))
            problems = []
            for p in bad["problems"]:
                path = f"{p['path']}: " if p["path"] else ""
                problems.append(
                    _tag(
                        "li",
                        f"{_tag('code', _e(at(p)))} {_e(path + p['message'])}",
                        class_="problem",
                        data_code=p["code"],
                    )
                )
            parts.append(_tag("ul", "".join(problems)))
        return _tag("section", "".join(parts), id="invalid")

    def _heat_map(self, matrix: YearMatrix) -> str:
        tr = self.tr
        head = [
            _tag("th", _e(tr("render.rank")), class_="num"),
            _tag("th", _e(tr("render.unit"))),
            _tag("th", _e(tr("render.score")), class_="num"),
        ]
        # Chinese: the short title, the ID on hover; English: the ID, the title on hover.
        head += [
            _tag(
                "th",
                _tag("span", _e(c.short if tr.lang == "zh" else c.rule)),
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
                    cells.append(_tag("td", "", class_="cell", style=f"background:{BLANK}"))
                    continue
                tip = f"{row.unit} · {column.rule} {column.title}: {cell['status']} · {cell['explanation']}"
                cells.append(
                    _tag(
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
                _tag(
                    "tr",
                    _tag("td", str(row.rank or "—"), class_="num")
                    + _tag("td", _tag("a", _e(row.unit), href=f"#{_anchor(row.report)}"))
                    + _tag("td", score, class_="num score")
                    + "".join(cells),
                    data_unit=row.unit,
                    data_rank=row.rank or "",
                    data_score=score,
                )
            )
        table = _tag(
            "div",
            _tag(
                "table",
                _tag("thead", _tag("tr", "".join(head))) + _tag("tbody", "".join(rows)),
                class_="heat",
            ),
            class_="scroll",
        )
        return _tag(
            "section",
            _tag("h2", _e(tr("render.matrix-title", year=matrix.year))) + table + self._legend(),
            class_="matrix",
            id=f"matrix-{matrix.year}",
            data_year=matrix.year,
        )

    def _legend(self) -> str:
        chips = [_tag("span", f"{_chip(s)} {_e(self.tr(f'render.status-{s}'))}") for s in STATUSES]
        chips.append(
            _tag(
                "span",
                _tag("b", "&nbsp;", class_="chip", style=f"background:{BLANK}")
                + " "
                + _e(self.tr("render.status-none")),
            )
        )
        return _tag("p", f"{_e(self.tr('render.legend'))}: {''.join(chips)}", class_="legend")

    def _city(self, city: Mapping[str, Any], rules: Mapping[str, Any]) -> str:
        tr = self.tr
        score = score_text(city["score"])
        heading = (
            f"{_e(city_title(city, tr))} · {_e(tr('render.city-score'))} "
            f"{_tag('span', score, class_='score')}"
        ) + _e(waived_text(city, tr))
        parts = [_tag("h2", heading), _tag("p", _counts(city["summary"]))]
        if city["units_missing"]:
            parts.append(_tag("p", _e(units_missing(city, tr)), class_="problem"))
        parts.append(_tag("p", _e(tr("render.bar-legend")), class_="small"))
        parts += [self._target(r, rules.get(r["rule"]), int(city["year"])) for r in city["results"]]
        return _tag(
            "section",
            "".join(parts) + self._legend(),
            class_="city",
            id=f"city-{city['year']}",
            data_year=city["year"],
            data_score=score,
        )

    def _target(self, r: Mapping[str, Any], rule: Any, year: int) -> str:
        tr = self.tr
        due = getattr(getattr(rule, "time", None), "due", None)
        facts = [
            _tag("span", _e(value_text(r, tr)), class_="observed"),
            _e(tr("render.due", year=due) if due is not None else tr("render.every-year")),
        ]
        if r["expected"] is not None:
            facts.append(
                _e(
                    tr(
                        "render.schedule",
                        year=year,
                        value=observed_text({**r, "observed": r["expected"]}, tr),
                    )
                )
            )
        title = _tag("small", _e(r["title"]), class_="small")
        what = f"{_chip(r['status'])} {_tag('b', _e(r['rule']))}<br>{title}"
        explanation = "<br>".join(_e(line) for line in (r["explanation"], *r["notes"]))
        bar = _bar(r, value_text(r, tr))
        return _tag(
            "div",
            _tag("div", what)
            + _tag("div", bar + _tag("div", " · ".join(facts), class_="small"))
            + _tag("div", explanation, class_="small"),
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
                _tag(
                    "span",
                    _e(verdict),
                    class_="track",
                    style=f"background:{Status('pass' if p and p['on_track'] else 'fail').colour}",
                )
                if p
                else ""
            )
            figures = " · ".join(
                f"{point['year']} {_chip(point['status'])} {_e(view.value(trend, point['observed'], tr))}"
                for point in trend["years"]
            )
            goal = view.target(trend, tr)
            charts.append(
                _tag(
                    "div",
                    _tag("h3", f"{_e(trend['rule'])} {badge}")
                    + _tag("div", _e(trend["title"]), class_="small")
                    + _chart(trend, view.value(trend, p["projected"], tr) if p else goal)
                    + _tag("div", figures, class_="small figures")
                    + _tag(
                        "div",
                        _e(
                            (f"{tr('render.trend-target')} {goal} · " if goal else "")
                            + view.projection(trend, tr)
                        ),
                        class_="small",
                    ),
                    class_="chart",
                    data_rule=trend["rule"],
                    data_projected=json.dumps(p and p["projected"]),
                    data_meets_in=json.dumps(p and p["meets_in"]),
                    data_on_track=json.dumps(p and p["on_track"]),
                    data_slope=json.dumps(p and p["slope"]),
                )
            )
        parts = [
            _tag("h2", _e(tr("render.trends-city"))),
            _tag("p", _e(tr("render.chart-legend")), class_="small"),
            _tag("div", "".join(charts), class_="charts"),
            _tag("p", _e(tr("render.trend-method")), class_="small"),
        ]
        return _tag("section", "".join(parts), id="trend-city", class_="trends")

    def _unit_trends(self, doc: Mapping[str, Any]) -> str:
        """Each unit's trend as a table of years, folded on screen, open on paper."""
        from zhijiao_check.renderers import trends as view

        tr = self.tr
        out = []
        for anchor, heading, trends in view.scopes(doc, tr):
            if anchor == "trend-city":
                continue
            years = view.trend_years(trends)
            head = "".join(
                _tag("th", _e(text))
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
                        _tag(
                            "td",
                            ""
                            if point is None
                            else f"{_chip(point['status'])} {_e(view.value(trend, point['observed'], tr))}",
                            class_="year",
                            data_year=year,
                        )
                    )
                verdict = view.track(trend, tr)
                advice = (_tag("b", _e(verdict)) + " · " if verdict else "") + _e(view.projection(trend, tr))
                rows.append(
                    _tag(
                        "tr",
                        _tag("td", f"{_tag('b', _e(trend['rule']))}<br>{_e(trend['title'])}")
                        + "".join(cells)
                        + _tag("td", _e(view.target(trend, tr)), class_="num")
                        + _tag("td", advice, class_="small"),
                        data_rule=trend["rule"],
                    )
                )
            table = _tag(
                "div",
                _tag("table", _tag("thead", _tag("tr", head)) + _tag("tbody", "".join(rows)), class_="trend"),
                class_="scroll",
            )
            out.append(_tag("details", _tag("summary", _e(heading)) + table, class_="unit-trend", id=anchor))
        if not out:
            return ""
        return _tag("section", _tag("h2", _e(tr("render.trends-units"))) + "".join(out), id="trend-units")

    def _reports(self, doc: Mapping[str, Any], open_all: bool = False) -> str:
        tr = self.tr
        out = []
        for report in doc["reports"]:
            kind = tr(f"table.kind-{report['kind']}")
            heading = tr("render.report-title", unit=report["unit"], kind=kind, year=report["year"])
            counts = _counts(report["summary"])
            score = score_text(report["score"])
            summary = (
                f"{_e(heading)} · {_e(tr('render.score'))} {_tag('span', score, class_='score')}"
                f"{_e(waived_text(report, tr))} · {counts} " + _tag("code", _e(report["file"]))
            )
            out.append(
                _tag(
                    "details",
                    _tag("summary", summary) + self._results(report["results"]),
                    class_="report",
                    id=_anchor(report),
                    open=open_all or any(report["summary"][s] for s in NOT_MET),
                    data_file=report["file"],
                    data_unit=report["unit"],
                    data_year=report["year"],
                    data_score=score,
                )
            )
        return (
            _tag("section", _tag("h2", _e(tr("render.drilldown"))) + "".join(out), id="reports")
            if out
            else ""
        )

    def _results(self, results: Sequence[Mapping[str, Any]]) -> str:
        tr = self.tr
        rows = []
        for r in results:
            text = "<br>".join(_e(line) for line in (r["explanation"], *r["notes"]))
            items = failing_items(r)
            if items:
                text += _tag(
                    "ul",
                    "".join(
                        _tag(
                            "li",
                            f"{_chip(i['status'])} {_e(who(i) + tr.colon + i['explanation'])} "
                            + _tag("code", _e(where(i["locations"]))),
                        )
                        for i in items
                    ),
                    class_="items",
                )
            elif r["locations"] and r["status"] != "not_applicable":
                text += "<br>" + _tag("code", _e(where(r["locations"])))
            quote = _tag("blockquote", _e(f"{tr('render.clause', clause=r['clause'])}：{r['quote']}"))
            rows.append(
                _tag(
                    "tr",
                    _tag("td", f"{_chip(r['status'])} {r['status']}")
                    + _tag("td", f"{_tag('b', _e(r['rule']))}<br>{_e(r['title'])}")
                    + _tag("td", _e(value_text(r, tr)), class_="num")
                    + _tag("td", text + quote),
                    **_data(r),
                )
            )
        head = "".join(
            _tag("th", _e(tr(key)))
            for key in ("render.status", "render.rule", "render.observed-target", "render.explanation")
        )
        return _tag(
            "div",
            _tag("table", _tag("thead", _tag("tr", head)) + _tag("tbody", "".join(rows))),
            class_="scroll",
        )

    def _notes(self, doc: Mapping[str, Any]) -> str:
        notes = [_e(n) for n in doc["notices"]]
        notes += [_tag("code", _e(spot(w))) + f" {_e(w['message'])}" for w in doc["warnings"]]
        if not notes:
            return ""
        return _tag(
            "section",
            _tag("h2", _e(self.tr("render.notices"))) + _tag("ul", "".join(_tag("li", n) for n in notes)),
            id="notes",
        )

    def _clauses(self, doc: Mapping[str, Any], rules: Mapping[str, Any]) -> str:
        used = {r["rule"] for e in (*doc["reports"], *doc["city"]) for r in e["results"]}
        by_clause: dict[int, list[Any]] = {}
        for rule in rules.values():
            if rule.id in used:
                by_clause.setdefault(rule.clause, []).append(rule)
        parts = [_tag("h2", _e(self.tr("render.clauses")))]
        for clause, listed in sorted(by_clause.items()):
            items = "".join(
                _tag(
                    "li",
                    f"{_tag('b', _e(rule.id))} {_e(self.tr.pick(rule.title.zh, rule.title.en))}"
                    + _tag("blockquote", _e(rule.quote)),
                )
                for rule in listed
            )
            parts.append(_tag("h3", _e(self.tr("render.clause", clause=clause))) + _tag("ul", items))
        return _tag("section", "".join(parts), id="clauses") if by_clause else ""


CHART_W, CHART_H = 300, 150
CHART_PAD = (34, 12, 10, 20)  # left, right, top, bottom


def _chart(trend: Mapping[str, Any], label: str) -> str:
    """An SVG small multiple: dots for each year's figure in its status colour, the target as a solid line,
    the linear schedule as a thin one, the projection dashed to the due year. Empty for a yes/no target."""
    points = [
        (p["year"], float(p["observed"]), p["status"])
        for p in trend["years"]
        if isinstance(p["observed"], (int, float)) and not isinstance(p["observed"], bool)
    ]
    if not points:
        return ""
    goal = trend["target"]["value"] if isinstance(trend["target"]["value"], (int, float)) else None
    projection = trend["projection"]
    first = min(p["year"] for p in trend["years"])
    last = max([p["year"] for p in trend["years"]] + ([projection["due"]] if projection else []))
    planned = [(p["year"], float(p["schedule"])) for p in trend["years"] if p["schedule"] is not None]
    if planned and trend["due"] is not None and trend["due"] > planned[-1][0] and goal is not None:
        planned.append((trend["due"], float(goal)))
        last = max(last, trend["due"])
    line = (
        [
            (projection["years"][0], float(projection["intercept"])),
            (projection["due"], float(projection["projected"])),
        ]
        if projection
        else []
    )
    values = (
        [v for _, v, _ in points]
        + [v for _, v in planned]
        + [v for _, v in line]
        + ([goal] if goal is not None else [])
    )
    low, high = min(0.0, *values), max(values) or 1.0
    high += (high - low) * 0.1
    left, right, top, bottom = CHART_PAD

    def x(year: float) -> float:
        span: int = max(last - first, 1)
        return float(round(left + (CHART_W - left - right) * (year - first) / span, 1))

    def y(value: float) -> float:
        return round(top + (CHART_H - top - bottom) * (1 - (value - low) / (high - low)), 1)

    parts = [_tag("line", "", x1=left, x2=CHART_W - right, y1=y(low), y2=y(low), stroke="#cbd2d9")]
    parts += [
        _tag("text", str(year), x=x(year), y=CHART_H - 6, text_anchor="middle", font_size=10, fill="#616e7c")
        for year in range(first, last + 1)
    ]
    if goal is not None:
        parts.append(
            _tag(
                "line",
                "",
                x1=left,
                x2=CHART_W - right,
                y1=y(goal),
                y2=y(goal),
                stroke="#1f2933",
                stroke_width=1.5,
                class_="goal",
            )
        )
        parts.append(
            _tag(
                "text",
                _e(number(goal) if trend["unit"] != "ratio" else f"{goal * 100:.0f}%"),
                x=left - 4,
                y=y(goal) + 3,
                text_anchor="end",
                font_size=10,
                fill="#1f2933",
            )
        )
    if len(planned) > 1:
        parts.append(
            _tag(
                "polyline",
                "",
                points=" ".join(f"{x(a)},{y(b)}" for a, b in planned),
                fill="none",
                stroke="#9aa5b1",
                stroke_width=1,
                class_="schedule",
            )
        )
    if line:
        parts.append(
            _tag(
                "line",
                "",
                x1=x(line[0][0]),
                y1=y(line[0][1]),
                x2=x(line[1][0]),
                y2=y(line[1][1]),
                stroke="#52606d",
                stroke_width=1.5,
                stroke_dasharray="5 3",
                class_="projection",
            )
        )
    if len(points) > 1:
        parts.append(
            _tag(
                "polyline",
                "",
                points=" ".join(f"{x(a)},{y(b)}" for a, b, _ in points),
                fill="none",
                stroke="#52606d",
                stroke_width=1,
                class_="observed",
            )
        )
    parts += [
        _tag(
            "circle",
            _tag("title", f"{year}: {number(value)}"),
            cx=x(year),
            cy=y(value),
            r=4,
            fill=Status(status).colour,
            class_="point",
            data_year=year,
            data_observed=json.dumps(value),
        )
        for year, value, status in points
    ]
    return _tag(
        "svg",
        "".join(parts),
        width=CHART_W,
        height=CHART_H,
        viewBox=f"0 0 {CHART_W} {CHART_H}",
        role="img",
        aria_label=label,
    )


def _bar(r: Mapping[str, Any], label: str) -> str:
    """An SVG bar from 0 to the target (or the observed value, when beyond it),
    the schedule as a dashed line.
    """
    target, observed = r["target"]["value"], r["observed"]
    numbers = [v for v in (target, observed) if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if r["target"]["op"] not in (">=", ">") or len(numbers) != 2 or max(numbers) <= 0:
        return ""
    top = max(numbers)

    def x(value: float) -> float:
        return round(BAR_WIDTH * min(max(float(value) / top, 0.0), 1.0), 1)

    def mark(value: float, **attrs: object) -> str:
        return _tag(
            "line", "", x1=x(value), x2=x(value), y1=1, y2=21, stroke="#1f2933", stroke_width=2, **attrs
        )

    marks = mark(target, class_="goal")
    if r["expected"] is not None:
        marks += mark(r["expected"], class_="schedule", stroke_dasharray="3 2")
    track = _tag("rect", "", x=0, y=5, width=BAR_WIDTH, height=12, rx=6, fill="#e4e7eb")
    done = _tag("rect", "", x=0, y=5, width=x(observed), height=12, rx=6, fill=Status(r["status"]).colour)
    return _tag(
        "svg",
        track + done + marks,
        width=BAR_WIDTH + 2,
        height=22,
        viewBox=f"-1 0 {BAR_WIDTH + 2} 22",
        role="img",
        aria_label=label,
    )


def _data(r: Mapping[str, Any]) -> dict[str, str]:
    """A result's figures as JSON in ``data-*`` attributes, for scripts reading the page."""
    figures = {"observed": r["observed"], "target": r["target"]["value"], "expected": r["expected"]}
    return {
        "data_rule": r["rule"],
        "data_status": r["status"],
        **{f"data_{k}": json.dumps(v, ensure_ascii=False) for k, v in figures.items()},
    }


def _counts(summary: Mapping[str, int]) -> str:
    return " ".join(
        f"{_chip(s)} {_tag('span', str(n), class_='count', data_status=s)}" for s, n in summary.items() if n
    )


def _card(key: str, value: str, label: str, colour: str, year: int | None = None) -> str:
    content = _tag("span", _e(value), class_="num") + _tag("span", _e(label), class_="lbl")
    return _tag(
        "div", content, class_="card", data_key=key, data_year=year, style=f"border-top-color:{colour}"
    )


def _chip(status: str) -> str:
    return _tag(
        "b", Status(status).glyph, class_="chip", title=status, style=f"background:{Status(status).colour}"
    )


def _years(doc: Mapping[str, Any]) -> str:
    """``2021–2025 年`` (or one year) of the reports on the page."""
    years = sorted({int(r["year"]) for r in doc["reports"]} | {int(c["year"]) for c in doc["city"]})
    if not years:
        return ""
    span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    return f"{span} 年" if doc.get("lang") == "zh" else span


def _units(doc: Mapping[str, Any]) -> list[str]:
    return list(dict.fromkeys(str(r["unit"]) for r in doc["reports"]))


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _anchor(report: Mapping[str, Any]) -> str:
    return f"report-{report['year']}-{zlib.crc32(str(report['file']).encode()):08x}"


def _tag(name: str, content: str = "", /, **attrs: object) -> str:
    """``<name a="v">content</name>``: ``content`` is HTML; attribute values are escaped; ``class_`` is
    ``class``, other ``_`` are ``-`` (``data_rule``: ``data-rule``); ``None`` and ``False`` leave an attribute
    out."""
    text = "".join(
        f" {key.rstrip('_').replace('_', '-')}" + ("" if value is True else f'="{_e(value)}"')
        for key, value in attrs.items()
        if value is not None and value is not False
    )
    return f"<{name}{text}>{content}</{name}>"


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def unit_pages(run: Run, tr: Translator, options: RenderOptions) -> list[tuple[str, str]]:
    """``--per-unit DIR``: (file name, page) for each unit of the run: its reports of every year, its trends,
    the warnings on its files, and a sign-off block, ready to print and sign."""
    from zhijiao_check.document import document

    doc = document(run, tr)
    renderer = HtmlRenderer(tr, options)
    pages = []
    for unit in _units(doc):
        reports = [r for r in doc["reports"] if r["unit"] == unit]
        files = {r["file"] for r in reports}
        part = {
            **doc,
            "reports": reports,
            "city": [],
            "invalid": [],
            "warnings": [w for w in doc["warnings"] if w["file"] in files],
            "notices": [],
            "trends": {
                **doc["trends"],
                "city": [],
                "units": [u for u in doc["trends"]["units"] if u["unit"] == unit],
            },
            "exit_code": None,  # the run's, not the unit's: left to the run's own page
        }
        pages.append((f"{_file_name(unit)}.html", renderer.page(part, run, signoff=True)))
    return pages


def _file_name(unit: str) -> str:
    """A unit's name as a file name: characters a file system refuses become ``_``."""
    return "".join("_" if c in '\\/:*?"<>|' or ord(c) < 32 else c for c in unit).strip(". ") or "_"
