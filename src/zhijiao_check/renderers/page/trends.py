"""The page's trends: a small chart per city-wide target, and each unit's targets as a table of years."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from zhijiao_check.i18n import Translator
from zhijiao_check.renderers.charts import trend_chart
from zhijiao_check.renderers.markup import escaped, tag
from zhijiao_check.renderers.page.marks import rule_id, trend_figure
from zhijiao_check.renderers.page.scope import page_units
from zhijiao_check.status import Status


def city_trends(doc: Mapping[str, Any], tr: Translator) -> str:
    """One small chart per city-wide target: observed by year, target, schedule, dashed projection."""
    from zhijiao_check.renderers import trends as view

    # the city's trends come first, if there are any: the units' after them are not made
    first = next(view.scopes(doc, tr), None)
    found = first[2] if first is not None and first[0] == "trend-city" else []
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
        figures = " · ".join(f"{point['year']} {trend_figure(trend, point, tr)}" for point in trend["years"])
        goal = view.target(trend, tr)
        charts.append(
            tag(
                "div",
                tag("h3", f"{rule_id(trend['rule'], 'span')} {badge}")
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
                # the due year's outcome where the run reaches it (``verdict``)
                data_verdict=json.dumps(trend["verdict"] and trend["verdict"]["outcome"]),
            )
        )
    parts = [
        tag("h2", escaped(tr("render.trends-city"))),
        tag("p", escaped(tr("render.chart-legend")), class_="small"),
        tag("div", "".join(charts), class_="charts"),
        # what ``回落`` after a figure says, where one shows it
        tag("p", escaped(tr("render.setback-note")), class_="small") if view.any_setback(found) else "",
        tag("p", escaped(tr("render.trend-method")), class_="small"),
    ]
    return tag("section", "".join(parts), id="trend-city", class_="trends")


def unit_trends(doc: Mapping[str, Any], tr: Translator, open_all: bool = False) -> str:
    """Each unit's trend as a table of years, folded on screen, open on paper; ``open_all``: open on
    screen too (a unit's own page, where it is one table to read, not one of fifteen to choose from)."""
    from zhijiao_check.renderers import trends as view

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
                        "" if point is None else trend_figure(trend, point, tr, "<br>"),
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
                    tag("td", f"{rule_id(trend['rule'])}<br>{escaped(trend['title'])}")
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
        if view.any_setback(trends):  # what ``回落`` after a figure says
            table += tag("p", escaped(tr("render.setback-note")), class_="small")
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
    heading = tr("render.trends-one" if len(page_units(doc)) == 1 else "render.trends-units")
    return tag("section", tag("h2", escaped(heading)) + "".join(out), id="trend-units")


def assessment(doc: Mapping[str, Any], tr: Translator) -> str:
    """Clause 15's summary (``renderers.assessment``): a row per scope, its counts of the targets due in the
    run by their due year's outcome and the years met of those judged each year, and what is short of met,
    named by rule; then that it is advice. Empty without a line to show."""
    from zhijiao_check.renderers import assessment as view

    lines = view.lines(doc)
    if not lines:
        return ""
    heads = [*view.headers(tr), tr("render.assessment-details")]
    head = "".join(tag("th", escaped(text)) for text in heads)
    rows = []
    for line in lines:
        figures = view.figures(line, tr)
        rows.append(
            tag(
                "tr",
                tag("td", escaped(view.name(line, tr)))
                + "".join(tag("td", escaped(str(figure)), class_="num") for figure in figures)
                + tag("td", escaped(tr.sep.join(view.details(line, tr))), class_="small"),
                data_unit=line["unit"],
                data_scope=line["scope"],
            )
        )
    table = tag(
        "div",
        tag("table", tag("thead", tag("tr", head)) + tag("tbody", "".join(rows)), class_="trend"),
        class_="scroll",
    )
    parts = [
        tag("h2", escaped(tr("render.assessment-title"))),
        table,
        tag("p", escaped(tr("render.assessment-note")), class_="small"),
    ]
    return tag("section", "".join(parts), id="assessment", class_="trends")
