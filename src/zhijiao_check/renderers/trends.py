"""The trend view shared by the table, Markdown and HTML outputs: texts for a year's figure and a projection.

Works on the ``trends`` part of the run document (``document.document``; docs/trends.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from zhijiao_check.engine.trend import (
    DUE,
    EACH_YEAR,
    INVALID,
    MET,
    NO_CITY_FIGURES,
    NOT_IN_RUN,
    NOT_MET,
    UNDECIDED,
)
from zhijiao_check.i18n import Translator
from zhijiao_check.measure.numbers import places, show, show_target
from zhijiao_check.renderers.counted import counted_figure, counted_target, results_by_scope, with_counts
from zhijiao_check.renderers.unfiled import NOT_FILED, not_filed_years, with_years_not_filed
from zhijiao_check.wording import number

Data = Mapping[str, Any]
# A year's status that is not a result's: the year's report was refused as invalid
NOT_SHOWN = frozenset(("not_applicable", INVALID))


def scopes(doc: Data, tr: Translator) -> Iterator[tuple[str, str, list[dict[str, Any]]]]:
    """(anchor, heading, trends): city-wide first, each year not decided naming the units missing from it
    (``with_units_missing``), then each unit with a trend to show, with a year for each year of the run it
    did not file (``unfiled``)."""
    trends = doc["trends"]
    counts = results_by_scope(doc)  # a share of schools told by its count (``counted``)
    if trends["city"]:
        missing = units_missing_by_year(doc)
        city = [with_units_missing(trend, missing) for trend in visible_trends(trends["city"])]
        yield "trend-city", tr("render.trends-city"), with_counts(city, counts, None)
    absent = not_filed_years(doc)
    for index, unit in enumerate(trends["units"]):
        if unit_trends := with_counts(visible_trends(unit["trends"]), counts, unit["unit"]):
            if years := absent.get(unit["unit"]):
                unit_trends = [with_years_not_filed(trend, years) for trend in unit_trends]
            yield f"trend-unit-{index}", tr("render.trends-unit", unit=unit["unit"]), unit_trends


def units_missing_by_year(doc: Data) -> dict[int, list[str]]:
    """By year of a city-wide section, the units missing from it (those refused as invalid among them)."""
    return {int(section["year"]): list(section["units_missing"]) for section in doc["city"]}


def with_units_missing(trend: Mapping[str, Any], missing: Mapping[int, list[str]]) -> dict[str, Any]:
    """``trend`` (left as it is) with, in each year not decided, the units missing that year (``missing``:
    ``units_missing_by_year``; ``units_missing``, a view's own key, never in the JSON), which its words
    name."""
    years = [
        {**point, "units_missing": missing.get(point["year"], [])} if point["undecided"] else point
        for point in trend["years"]
    ]
    return {**trend, "years": years}


def undecided(point: Data) -> bool:
    """Whether the year is city-wide and not decided: units missing could change its status."""
    return bool(point.get("undecided"))


def missing_units(point: Data, tr: Translator) -> str:
    """``缺少新田县``: the units missing from a year not decided, or how many when they are more than two
    (a year's column is narrow); empty when they are not known."""
    units = point.get("units_missing") or []
    if not units:
        return ""
    if len(units) > 2:
        return tr("render.undecided-missing-many", count=len(units))
    return tr("render.undecided-missing", units=tr.join(units))


def undecided_words(point: Data, tr: Translator) -> str:
    """``未判定（缺少新田县）``, or ``未判定`` when the units are not known."""
    missing = missing_units(point, tr)
    return tr("render.undecided-why", missing=missing) if missing else tr("render.undecided")


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
    """What the projection says, or, without one, what the years of the run say of the target (``verdict``),
    else why there is none."""
    p = trend["projection"]
    if p is None:
        return verdict(trend, tr) or tr(f"render.no-projection-{trend['no_projection']}")
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
    figures = tr.join(
        figure(trend, point, tr)
        + (tr("engine.paren", text=tr("render.undecided")) if undecided(point) else "")
        for point in trend["years"]
    )
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


def verdict(trend: Data, tr: Translator) -> str:
    """What the years of the run say of the target (the trend's ``verdict``; docs/trends.md, "Met by the due
    year"), empty without one: ``2023 年按期达标（25300 ≥ 25000），2025 年未保持（23600）``;
    ``4 年中 3 年达标；2022 年未达标（470）``. A year not decided, not filed, refused or without its data
    is said to be so, never met."""
    v = trend.get("verdict")
    if not v:
        return ""
    points = {point["year"]: point for point in trend["years"]}
    if v["kind"] == EACH_YEAR:
        said = tr("render.verdict-each-year", met=v["met"], counted=v["counted"])
        others = _grouped(trend, [y for y in v["years"] if y["outcome"] != MET], points, tr, kept=False)
        return tr.sep.join([said, *others]) if others else said
    first, *later = v["years"]
    said = _due_clause(trend, first, points.get(first["year"], {}), tr)
    kept = first["outcome"] == MET
    # a due year the run passed without (``not-in-run``): what the later years found is a clause apart
    # (``2024 年到期，本次检查未含 2024 年报表，无法判定是否按期达标；2025 年达标（25300）``)
    # (``no-city-figures`` likewise)
    between = tr.sep if first["outcome"] in (NOT_IN_RUN, NO_CITY_FIGURES) else tr("render.verdict-clause")
    return between.join([said, *_grouped(trend, later, points, tr, kept=kept)])


def verdict_word(trend: Data, tr: Translator, yes: tuple[str, str]) -> str:
    """A due target's outcome in its due year in a word: ``yes`` (是, 否) when it was judged, else why it was
    not (未判定, 未提交, …); empty without such a verdict."""
    v = trend.get("verdict")
    if not v or v["kind"] != DUE:
        return ""
    if v["outcome"] in (MET, NOT_MET):
        return yes[0] if v["outcome"] == MET else yes[1]
    return tr(f"render.verdict-short-{v['outcome']}")


def setback(trend: Data, point: Data) -> Data | None:
    """The trend's setback in the year of ``point`` (its figure moved away from the target since the year
    before: ``setbacks``), if there is one."""
    return next((s for s in trend.get("setbacks") or () if s["year"] == point["year"]), None)


def setback_years(trend: Data) -> set[int]:
    """The years in which the trend has a setback (``setback``), each asked for at once."""
    return {found["year"] for found in trend.get("setbacks") or ()}


def setback_words(trend: Data, found: Data, tr: Translator) -> str:
    """A setback in words, each figure as its year's cell shows it (``_shown``: a rule counting schools by
    its count, ``10100 → 9200``): ``2023 年 1750 → 2025 年 1150``."""
    points = {point["year"]: point for point in trend["years"]}

    def shown(year: int, amount: float) -> str:
        return _shown(trend, {"observed": amount}, points.get(year, {}), tr)

    return tr(
        "render.setback-years",
        previous_year=found["previous_year"],
        year=found["year"],
        previous=shown(found["previous_year"], found["previous"]),
        observed=shown(found["year"], found["observed"]),
    )


def setbacks_words(trend: Data, tr: Translator) -> str:
    """Every setback of the trend in words (``setback_words``), empty without one."""
    return tr.join(setback_words(trend, found, tr) for found in trend.get("setbacks") or ())


def any_setback(trends: Iterable[Data]) -> bool:
    """Whether a trend of ``trends`` has a setback: its view then says what the mark means."""
    return any(trend.get("setbacks") for trend in trends)


def _due_clause(trend: Data, year: Data, point: Data, tr: Translator) -> str:
    """The due year's outcome: met, with its figure against the target, or not, or why it is not known."""
    outcome, due = year["outcome"], year["year"]
    shown = _shown(trend, year, point, tr)
    # a count of schools (``2/2 所``, a school's ``9200``) is no share to set against the rule's target
    counted = bool(point) and counted_figure(point, tr) is not None
    goal = "" if counted else _goal(trend, point, tr)
    if outcome == MET:
        figure = f"{shown} {goal}" if goal and not isinstance(year["observed"], bool) else shown
        return tr("render.verdict-met", due=due, figure=figure)
    if outcome in (NOT_MET, "waived"):
        figure = tr("render.verdict-against", figure=shown, target=goal) if goal else shown
        return tr(f"render.verdict-{outcome}", due=due, figure=figure)
    if outcome == UNDECIDED:
        return tr("render.verdict-undecided", due=due, why=undecided_words(point, tr))
    return tr(f"render.verdict-{outcome}", due=due)


def _shown(trend: Data, year: Data, point: Data, tr: Translator) -> str:
    """A verdict's year's figure as its cell shows it (``figure``: ``0/1 所``, ``9200`` for a rule counting
    schools, not the share), or, without the year's point, its observed value; empty without a figure."""
    if year["observed"] is None:
        return ""
    if point and point.get("observed") == year["observed"]:
        return figure(trend, point, tr)
    return value(trend, year["observed"], tr)


def _own_target(trend: Data, year: Data, point: Data, tr: Translator) -> str:
    """The target of a later year's figure where it is computed each year (the trend has no number of its
    own: ``目标 ≥ 2023`` beside ``2022``), else empty."""
    if target(trend, tr) or not point or point.get("target") is None or isinstance(year["observed"], bool):
        return ""
    return _goal(trend, point, tr)


def _goal(trend: Data, point: Data, tr: Translator) -> str:
    """The target held against the year: the trend's, or the year's own where it is computed each year."""
    goal = target(trend, tr)
    if goal or not point or point.get("target") is None:
        return goal
    return tr.render(
        show_target(trend["target"]["op"], point["target"], trend["unit"], _digits(trend, point))
    )


def _grouped(
    trend: Data, years: list[Data], points: Mapping[int, Data], tr: Translator, kept: bool
) -> list[str]:
    """The later years (or a target judged each year's years not met), those in a row with the same outcome
    (and, not decided, the same units missing) said together: ``2024、2025 年未判定（缺少新田县）``.
    ``kept``: the due year met, so a later year met keeps it and one not met does not."""
    runs: list[tuple[str, str, list[Data]]] = []
    for year in years:
        point = points.get(year["year"], {})
        why = undecided_words(point, tr) if year["outcome"] == UNDECIDED else ""
        if runs and runs[-1][0] == year["outcome"] and runs[-1][1] == why:
            runs[-1][2].append(year)
        else:
            runs.append((year["outcome"], why, [year]))
    out = []
    for outcome, why, run in runs:
        named = tr.join(str(y["year"]) for y in run)
        shown = [y for y in run if y["observed"] is not None]
        goals = [_own_target(trend, y, points.get(y["year"], {}), tr) for y in shown]
        texts = [_shown(trend, y, points.get(y["year"], {}), tr) for y in shown]
        if len(shown) > 1 and any(goals):
            # each figure with its own target: joined by 、 they ran together (``2300 人，目标 > 2300 人、
            # 2300 人，目标 > 2300 人``), so each is said with its year
            figures = tr.sep.join(
                tr("render.verdict-year-against", year=y["year"], figure=text, target=goal)
                if goal
                else tr("render.verdict-year-figure", year=y["year"], figure=text)
                for y, text, goal in zip(shown, texts, goals, strict=True)
            )
        else:
            figures = tr.join(
                tr("render.verdict-against", figure=text, target=goal) if goal else text
                for text, goal in zip(texts, goals, strict=True)
            )
        key = outcome
        if kept and outcome in (MET, NOT_MET):
            key = "kept" if outcome == MET else "not-kept"
        # no figure to show (a year waived without one): no brackets either
        bracketed = tr("engine.paren", text=figures) if figures else ""
        out.append(tr(f"render.verdict-years-{key}", years=named, figures=bracketed, why=why))
    return out
