"""A city-wide year's section: its score, the units missing from it, and for each target a bar toward it
with the linear schedule and the due year."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zhijiao_check.i18n import Translator
from zhijiao_check.renderers.charts import target_bar
from zhijiao_check.renderers.markup import escaped, tag
from zhijiao_check.renderers.page.marks import chip, legend, result_data, rule_id, status_counts
from zhijiao_check.renderers.page.reports import detail
from zhijiao_check.renderers.texts import (
    city_title,
    expected_text,
    score_text,
    units_missing,
    value_text,
    waived_text,
)


def city(year: Mapping[str, Any], rules: Mapping[str, Any], tr: Translator) -> str:
    """``year``: a city-wide year of the run document; ``rules``: the packs' rules by ID (their due years)."""
    score = score_text(year["score"])
    heading = (
        f"{escaped(city_title(year, tr))} · {escaped(tr('render.city-score'))} "
        f"{tag('span', score, class_='score')}"
    ) + escaped(waived_text(year, tr))
    parts = [tag("h2", heading), tag("p", status_counts(year["summary"], tr))]
    if year["units_missing"]:
        parts.append(tag("p", escaped(units_missing(year, tr)), class_="problem"))
    parts.append(tag("p", escaped(tr("render.bar-legend")), class_="small"))
    units = frozenset(year["units_present"])  # the items of a result that are these: each unit's figure
    parts += [_target(r, rules.get(r["rule"]), int(year["year"]), units, tr) for r in year["results"]]
    return tag(
        "section",
        "".join(parts) + legend(tr),
        class_="city",
        id=f"city-{year['year']}",
        data_year=year["year"],
        data_score=score,
    )


def _target(r: Mapping[str, Any], rule: Any, year: int, units: frozenset[str], tr: Translator) -> str:
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
    what = f"{chip(r['status'], tr)} {rule_id(r['rule'])}<br>{title}"
    # The items not met and where the data stands, as a unit's row gives them: a failed city-wide rule
    # names what failed it and the line to correct; each unit's own figure where its items are units.
    explanation = "<br>".join(escaped(line) for line in (r["explanation"], *r["notes"])) + detail(
        r, tr, units
    )
    bar = target_bar(r, f"{r['rule']}{tr.colon}{value_text(r, tr)}")
    return tag(
        "div",
        tag("div", what)
        + tag("div", bar + tag("div", " · ".join(facts), class_="small"))
        + tag("div", explanation, class_="small"),
        class_="target",
        **result_data(r),
    )
