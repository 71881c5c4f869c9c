"""The HTML page's SVG charts: a target's figure year by year, and a bar toward a city-wide target."""

from __future__ import annotations

import itertools
import json
from collections.abc import Mapping
from typing import Any

from zhijiao_check.renderers.markup import escaped, tag
from zhijiao_check.status import Status
from zhijiao_check.wording import number

BAR_WIDTH = 320
CHART_W, CHART_H = 300, 150
CHART_PAD = (34, 12, 10, 20)  # left, right, top, bottom


def _projection_line(projection: Mapping[str, Any]) -> list[tuple[float, float]]:
    """The dashed projection from the first year fitted to the due year: the fitted line, and where it would
    pass what the figure can be (a projected value held at 100%), level from there at the value held."""
    first, intercept, slope = (
        projection["years"][0],
        float(projection["intercept"]),
        float(projection["slope"]),
    )
    due, projected = projection["due"], float(projection["projected"])
    if slope:
        knee = first + (projected - intercept) / slope
        if first < knee < due and abs(intercept + slope * (due - first) - projected) > 1e-9:
            return [(first, intercept), (knee, projected), (due, projected)]
    return [(first, intercept), (due, projected)]


def trend_chart(trend: Mapping[str, Any], label: str, figures: Mapping[int, str]) -> str:
    """An SVG small multiple: dots for each year's figure in its status colour, the target as a solid line,
    the linear schedule as a thin one, the projection dashed to the due year. Empty for a yes/no target.
    ``figures``: each year's figure as the page shows it beside the chart (``58.0%``), a dot's hover text."""
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
    line = _projection_line(projection) if projection else []
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

    parts = [tag("line", "", x1=left, x2=CHART_W - right, y1=y(low), y2=y(low), stroke="#cbd2d9")]
    parts += [
        tag("text", str(year), x=x(year), y=CHART_H - 6, text_anchor="middle", font_size=10, fill="#616e7c")
        for year in range(first, last + 1)
    ]
    if goal is not None:
        parts.append(
            tag(
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
            tag(
                "text",
                escaped(number(goal) if trend["unit"] != "ratio" else f"{goal * 100:.0f}%"),
                x=left - 4,
                y=y(goal) + 3,
                text_anchor="end",
                font_size=10,
                fill="#1f2933",
            )
        )
    if len(planned) > 1:
        parts.append(
            tag(
                "polyline",
                "",
                points=" ".join(f"{x(a)},{y(b)}" for a, b in planned),
                fill="none",
                stroke="#9aa5b1",
                stroke_width=1,
                class_="schedule",
            )
        )
    parts += [
        tag(
            "line",
            "",
            x1=x(a[0]),
            y1=y(a[1]),
            x2=x(b[0]),
            y2=y(b[1]),
            stroke="#52606d",
            stroke_width=1.5,
            stroke_dasharray="5 3",
            class_="projection",
        )
        for a, b in itertools.pairwise(line)
    ]
    if len(points) > 1:
        parts.append(
            tag(
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
        tag(
            "circle",
            tag("title", escaped(f"{year}: {figures[year]}")),
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
    return tag(
        "svg",
        "".join(parts),
        width=CHART_W,
        height=CHART_H,
        viewBox=f"0 0 {CHART_W} {CHART_H}",
        role="img",
        aria_label=label,
    )


def target_bar(r: Mapping[str, Any], label: str) -> str:
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
        return tag(
            "line", "", x1=x(value), x2=x(value), y1=1, y2=21, stroke="#1f2933", stroke_width=2, **attrs
        )

    marks = mark(target, class_="goal")
    if r["expected"] is not None:
        marks += mark(r["expected"], class_="schedule", stroke_dasharray="3 2")
    track = tag("rect", "", x=0, y=5, width=BAR_WIDTH, height=12, rx=6, fill="#e4e7eb")
    done = tag("rect", "", x=0, y=5, width=x(observed), height=12, rx=6, fill=Status(r["status"]).colour)
    return tag(
        "svg",
        track + done + marks,
        width=BAR_WIDTH + 2,
        height=22,
        viewBox=f"-1 0 {BAR_WIDTH + 2} 22",
        role="img",
        aria_label=label,
    )
