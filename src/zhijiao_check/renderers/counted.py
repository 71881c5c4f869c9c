"""A trend cell of a rule whose figure is the share of its schools that meet a test of each (every public
secondary school's funding ≥ 10000 元): the share says little (``0.0%`` of one school), so the cell says
what was counted, ``2/3 所``, or for a single school its own figure, ``9200``, with that school's own target
under it.

The trend points hold shares only (docs/trends.md): the counts are read from the year's result in the run
document, and kept on a copy of each point under ``COUNTED`` (never written to the JSON).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from zhijiao_check.i18n import Translator
from zhijiao_check.jsontext import entries_of
from zhijiao_check.measure.numbers import show, show_target

Data = Mapping[str, Any]
COUNTED = "counted"  # a point's key for the result's items, in a copy of the point a view reads


def results_by_scope(doc: Data) -> dict[tuple[str | None, int], dict[str, Data]]:
    """(unit, year) → rule → the result, for the results whose figure is the share of their items that pass
    (``None``: the city-wide year's)."""
    found: dict[tuple[str | None, int], dict[str, Data]] = {}
    for evaluation in (*entries_of(doc["reports"]), *entries_of(doc["city"])):
        counted = {r["rule"]: r for r in entries_of(evaluation["results"]) if _of_items(r)}
        if counted:
            found[(evaluation.get("unit"), evaluation["year"])] = counted
    return found


def _of_items(result: Data) -> bool:
    """Whether the result's figure is the share of its schools, majors or entries that pass: each item a
    school's (not a unit's own share under a city-wide one), and the share theirs."""
    # Asked of every result of a run: its unit first, which rules most out before the items are read (a
    # large run's city-wide result is read back a batch at a time, ``jsontext.entries_of``).
    if result["unit"] != "ratio" or not isinstance(result["observed"], int | float):
        return False
    items = [i for i in entries_of(result["items"]) if i["status"] != "not_applicable"]
    if not items or any(i.get("school") is None for i in items):
        return False
    passed = sum(1 for i in items if i["status"] == "pass")
    return abs(result["observed"] - passed / len(items)) < 1e-9


def with_counts(
    trends: list[dict[str, Any]],
    results: Mapping[tuple[str | None, int], Mapping[str, Data]],
    unit: str | None,
) -> list[dict[str, Any]]:
    """``trends`` of ``unit`` (``None``: city-wide), each point of a counted rule with its result's items."""
    out = []
    for trend in trends:
        points = list(_counted_points(trend, results, unit))
        out.append({**trend, "years": points} if points != trend["years"] else trend)
    return out


def _counted_points(
    trend: Data, results: Mapping[tuple[str | None, int], Mapping[str, Data]], unit: str | None
) -> Iterator[dict[str, Any]]:
    for point in trend["years"]:
        result = results.get((unit, point["year"]), {}).get(trend["rule"])
        yield point if result is None else {**point, COUNTED: list(entries_of(result["items"]))}


def counted_figure(point: Data, tr: Translator) -> str | None:
    """``9200`` for a single school with a figure and a target of its own (a rule of one condition: the engine
    gives an item of several none, ``kinds.every``), else ``2/3 所`` (``项`` where the items are majors or
    entries); None for a point of any other rule."""
    items = _judged(point)
    if items is None:
        return None
    own = _own_figure(items)
    if own is not None:
        return tr.render(show(own["observed"], "count"))
    passed = sum(1 for i in items if i["status"] == "pass")
    schools = all(i["name"] == i["school"] for i in items)
    return tr(
        "render.trend-counted-schools" if schools else "render.trend-counted", passed=passed, total=len(items)
    )


def counted_target(point: Data, tr: Translator) -> str:
    """``目标 ≥ 10000``: a single school's own target, under its figure; else empty."""
    items = _judged(point)
    own = None if items is None else _own_figure(items)
    if own is None:
        return ""
    goal = own["target"]
    return f"{tr('render.trend-target')} {tr.render(show_target(goal['op'], goal['value'], 'count'))}"


def _judged(point: Data) -> list[Data] | None:
    items = point.get(COUNTED)
    return None if items is None else [i for i in items if i["status"] != "not_applicable"]


def _own_figure(items: list[Data]) -> Data | None:
    """The single item judged, where it has a figure (a number) and a target of its own."""
    if len(items) != 1:
        return None
    [item] = items
    figure, goal = item["observed"], item.get("target")
    if isinstance(figure, bool) or not isinstance(figure, int | float) or goal is None:
        return None
    if not isinstance(goal.get("value"), int | float) or isinstance(goal.get("value"), bool):
        return None
    return item
