"""The trend view shared by the table, Markdown and HTML outputs: texts for a year's figure and a projection.

Works on the ``trends`` part of the run document (``document.document``; docs/trends.md).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from zhijiao_check.engine.trend import INVALID
from zhijiao_check.i18n import Translator
from zhijiao_check.measure.numbers import places, show, show_target
from zhijiao_check.renderers.counted import counted_figure, counted_target, results_by_scope, with_counts
from zhijiao_check.renderers.unfiled import NOT_FILED, not_filed_years, with_years_not_filed
from zhijiao_check.wording import number

Data = Mapping[str, Any]
# A year's status that is not a result's: the year's report was refused as invalid
NOT_SHOWN = frozenset(("not_applicable", INVALID))


def scopes(doc: Data, tr: Translator) -> Iterator[tuple[str, str, list[dict[str, Any]]]]:
    """(anchor, heading, trends): city-wide first, then each unit with a trend to show, with a year for each
    year of the run it did not file (``unfiled``)."""
    trends = doc["trends"]
    counts = results_by_scope(doc)  # a share of schools told by its count (``counted``)
    if trends["city"]:
        yield (
            "trend-city",
            tr("render.trends-city"),
            with_counts(visible_trends(trends["city"]), counts, None),
        )
    absent = not_filed_years(doc)
    for index, unit in enumerate(trends["units"]):
        if unit_trends := with_counts(visible_trends(unit["trends"]), counts, unit["unit"]):
            if years := absent.get(unit["unit"]):
                unit_trends = [with_years_not_filed(trend, years) for trend in unit_trends]
            yield f"trend-unit-{index}", tr("render.trends-unit", unit=unit["unit"]), unit_trends


def visible_trends(trends: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The trends worth a row: a rule that applied in one of the years at least (the JSON keeps them all)."""
    return [t for t in trends if any(point["status"] not in NOT_SHOWN for point in t["years"])]


def refused(point: Data) -> bool:
    """Whether the year's report was refused as invalid: no figure, no status of a result."""
    return bool(point["status"] == INVALID)


def not_filed(point: Data) -> bool:
    """Whether the unit filed nothing that year (``unfiled``): no figure, no status of a result."""
    return bool(point["status"] == NOT_FILED)


def trend_years(trends: list[dict[str, Any]]) -> list[int]:
    return sorted({point["year"] for trend in trends for point in trend["years"]})


def value(trend: Data, amount: Any, tr: Translator, digits: int = 1) -> str:
    """A figure of the trend in its unit: ``48.0%``, ``12``; a projected one to one decimal place.
    ``digits``: the places of a percentage."""
    if isinstance(amount, float) and trend["unit"] != "ratio":
        amount = round(amount, 1)
    return tr.render(show(amount, trend["unit"], digits))


def _digits(trend: Data, point: Data) -> int:
    """The places of a year's percentages that tell its figure, the schedule's and the target apart (the
    year's own target where the target is computed each year: 7.0% against 9.7%)."""
    goal = trend["target"]["value"]
    if goal is None:
        goal = point["target"]
    return places(point["observed"], point["schedule"], *(goal if isinstance(goal, list) else [goal]))


def figure(trend: Data, point: Data, tr: Translator) -> str:
    """A year's observed figure (``59.995%`` beside a schedule of ``60.000%``); ``报表无效`` for a year whose
    report was refused, ``未提交`` for one the unit did not file."""
    if refused(point):
        return tr("render.report-invalid")
    if not_filed(point):
        return tr("render.not-filed")
    counted = counted_figure(point, tr)
    if counted is not None:
        return counted
    return value(trend, point["observed"], tr, _digits(trend, point))


def target(trend: Data, tr: Translator) -> str:
    goal = trend["target"]
    return "" if goal["value"] is None else tr.render(show_target(goal["op"], goal["value"], trend["unit"]))


def year_target(trend: Data, point: Data, tr: Translator) -> str:
    """``目标 ≥ 2021``: the value held against the year, where the target is computed each year (the trend has
    no number of its own: the same figure meets one year's and fails the next's); else empty."""
    goal = point["target"]
    if refused(point):
        return ""
    if own := counted_target(point, tr):
        return own  # a single school's own target, under its own figure
    if trend["target"]["value"] is not None or goal is None:
        return ""
    shown = show_target(trend["target"]["op"], goal, trend["unit"], _digits(trend, point))
    return f"{tr('render.trend-target')} {tr.render(shown)}"


def slope(trend: Data, per_year: float, tr: Translator) -> str:
    """``+3.9`` a year, or ``+5.1 个百分点`` for a share."""
    if trend["unit"] == "ratio":
        return tr("render.percentage-points", value=f"{per_year * 100:+.1f}")
    return ("+" if per_year >= 0 else "") + number(round(float(per_year), 2))


def projection(trend: Data, tr: Translator) -> str:
    """What the projection says, or why there is none."""
    p = trend["projection"]
    if p is None:
        return tr(f"render.no-projection-{trend['no_projection']}")
    return tr(
        "render.projection",
        first=p["years"][0],
        last=p["years"][-1],
        slope=slope(trend, p["slope"], tr),
        due=p["due"],
        projected=value(trend, p["projected"], tr),
        target=target(trend, tr),
        meets=meets(trend, tr),
    )


def meets(trend: Data, tr: Translator) -> str:
    """When the target is met: since a year observed when the last one observed meets it (the line, smoothed,
    would name another, against the statuses shown), and the years after it that could not be decided (units
    missing) said to be; else the first later year the line meets it."""
    p = trend["projection"]
    if p["met_since"] is not None:
        said = (
            tr("render.met-since", year=p["met_since"])
            if p["on_track"]
            else tr("render.met-since-off-track", year=p["met_since"], due=p["due"])
        )
        later = [y["year"] for y in trend["years"] if y["year"] > p["met_since"] and y["undecided"]]
        return said + (tr("render.undecided-years", years=tr.join(map(str, later))) if later else "")
    if p["meets_in"] is not None:
        return tr("render.meets-in", year=p["meets_in"])
    return tr("render.meets-never")


def track(trend: Data, tr: Translator) -> str:
    """``按期可达`` / ``按期难达``; empty without a projection."""
    p = trend["projection"]
    if p is None:
        return ""
    return tr("render.on-track") if p["on_track"] else tr("render.off-track")


def schedule(trend: Data, point: Data, tr: Translator) -> str:
    return (
        ""
        if point["schedule"] is None
        else tr("render.trend-schedule", value=value(trend, point["schedule"], tr, _digits(trend, point)))
    )


def described(trend: Data, tr: Translator) -> str:
    """A chart's accessible name, what it draws in words (without a projection, why there is none):
    ``c1.quality-schools：2021–2024 年 3、3、4、4；目标 ≥ 6；2025 年预计 4.5，按期难达``."""
    years = [point["year"] for point in trend["years"]]
    span = str(years[0]) if len(set(years)) == 1 else f"{min(years)}–{max(years)}"
    figures = tr.join(figure(trend, point, tr) for point in trend["years"])
    parts = [tr("render.chart-figures", years=span, figures=figures)]
    if goal := target(trend, tr):
        parts.append(f"{tr('render.trend-target')} {goal}")
    p = trend["projection"]
    if p is None:
        parts.append(projection(trend, tr))
    else:
        projected = value(trend, p["projected"], tr)
        parts.append(tr("render.chart-projected", due=p["due"], projected=projected, track=track(trend, tr)))
    return f"{trend['rule']}{tr.colon}{tr.sep.join(parts)}"
