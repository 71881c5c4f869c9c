"""Clause 15's summary as the table, Markdown and workbook show it: a line per scope (全市, then each unit),
counted from the verdicts (``trends.assessment`` of the run document; ``engine.assessment``).

The counts are read from the document, never made again: a view only words them. A unit without trends
(``no_trends``) has no counts to show: its cells are empty and its names say why (“各年报表均无效，无法评价”).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from zhijiao_check.engine.trend import MET, NOT_MET, OUTCOMES
from zhijiao_check.i18n import Translator

Data = Mapping[str, Any]
# The outcomes of a due year that say nothing of whether the target was met: not filed, not decided, the
# data missing, the report refused
UNKNOWN = tuple(outcome for outcome in OUTCOMES if outcome not in (MET, NOT_MET, "waived"))
COLUMNS = ("due", "met", "not-held", "not-met", "waived", "unknown", "each-year")


def lines(doc: Data) -> list[Data]:
    """The summary's lines, where the run has a target due in it or judged each year (else none)."""
    found: list[Data] = doc["trends"].get("assessment", [])
    if not any(line["due"]["targets"] or line["each_year"]["targets"] for line in found):
        return []
    return found


def name(line: Data, tr: Translator) -> str:
    """The scope's name: the unit's, or 全市 for the city-wide targets."""
    return tr("render.city") if line["unit"] is None else str(line["unit"])


def headers(tr: Translator) -> list[str]:
    """The unit's column, then the counts': 到期目标, 达标, 未保持, 未达标, 已豁免, 无法判定, 逐年达标."""
    return [tr("table.col-unit"), *(tr(f"render.assessment-col-{column}") for column in COLUMNS)]


def counts(line: Data) -> dict[str, int]:
    """Each due year's outcome's count."""
    return {tally["outcome"]: tally["count"] for tally in line["due"]["outcomes"]}


def unknown(line: Data) -> int:
    """The targets due whose due year cannot say whether they were met."""
    by_outcome = counts(line)
    return sum(by_outcome[outcome] for outcome in UNKNOWN)


def figures(line: Data, tr: Translator) -> list[Any]:
    """The line's counts in ``COLUMNS`` order: the targets due, met (of them not held), not met, waived,
    not known; and the years met of the years counted of the targets judged each year (``20/22 年``), empty
    without one."""
    if line.get("no_trends"):
        return [""] * len(COLUMNS)
    by_outcome = counts(line)
    each = line["each_year"]
    years = tr("render.assessment-years", met=each["met"], counted=each["counted"]) if each["targets"] else ""
    return [
        line["due"]["targets"],
        by_outcome[MET],
        line["due"]["not_held"]["count"],
        by_outcome[NOT_MET],
        by_outcome["waived"],
        unknown(line),
        years,
    ]


def details(line: Data, tr: Translator) -> list[str]:
    """What is short of met, named: ``达标后未保持 c1.public-seats``, ``未提交 c10.pilot-schools``, … in
    the outcomes' order, then the targets judged each year not met every year (``c8.park-funding 1/2 年``);
    for a unit without trends, why (``no_trends``)."""
    if why := line.get("no_trends"):
        return [no_trends(why, tr)]
    parts = []
    if held := line["due"]["not_held"]["rules"]:
        parts.append(f"{tr('render.assessment-outcome-not-held')} {tr.join(held)}")
    for tally in line["due"]["outcomes"]:
        if tally["outcome"] != MET and tally["rules"]:
            parts.append(f"{tr('render.assessment-outcome-' + tally['outcome'])} {tr.join(tally['rules'])}")
    short = [
        tr("render.assessment-rule-years", rule=one["rule"], met=one["met"], counted=one["counted"])
        for one in line["each_year"]["rules"]
        if one["met"] < one["counted"]
    ]
    if short:
        parts.append(f"{tr('render.assessment-outcome-each-year')} {tr.join(short)}")
    return parts


def no_trends(why: str, tr: Translator) -> str:
    """Why a unit has no line's counts: every report refused, none filed, …
    (``engine.runtrends.NO_TRENDS``)."""
    return tr(f"render.assessment-no-trends-{why}")


def rows(doc: Data, tr: Translator) -> Sequence[tuple[str, list[Any], list[str]]]:
    """(name, figures, details) of each line."""
    return [(name(line, tr), figures(line, tr), details(line, tr)) for line in lines(doc)]
