"""Markup the page's sections share: a status's chip and words, a rule's ID, a result's figures and
``data-*`` attributes, a trend's figure of a year, the legend of the colours, a report's anchor."""

from __future__ import annotations

import json
import zlib
from collections.abc import Mapping
from typing import Any

from zhijiao_check.i18n import Translator
from zhijiao_check.renderers.findings import BELOW_NOT_DUE, shown_look, shown_status
from zhijiao_check.renderers.markup import escaped, tag
from zhijiao_check.renderers.texts import observed_text, target_text
from zhijiao_check.status import STATUSES, Status

# A colour that is no status's: a card's figure that is not a count of results, a cell with no result.
NEUTRAL, BLANK = "#52606d", "#f0f2f4"


def chip(status: str, tr: Translator, said: bool = True, words: str | None = None) -> str:
    """A status as its glyph on its colour, and in words (the page's language) for a screen reader and on
    hover; ``said=False``: beside its words already (the legend), hidden from a screen reader. ``words``:
    other words than the status's (an item below the target of a result not due yet)."""
    words = words or tr(f"render.status-{status}")
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


def item_chip(item: Mapping[str, Any], result: Mapping[str, Any], tr: Translator) -> str:
    """An item's chip: below the target of a ``result`` not due yet, the not-due look and the words
    未达标（未到期）, not a failure's ✗ (``findings.shown_status``)."""
    below = shown_status(item, result) == BELOW_NOT_DUE
    return chip(shown_look(item, result), tr, words=tr("render.below-not-due") if below else None)


def status_word(status: str, tr: Translator) -> str:
    """A status as the workbook's cell says it (未达标, not met), whole; its code in ``data-status``."""
    return tag("span", escaped(tr(f"render.short-status-{status}")), class_="whole", data_status=status)


def status_counts(summary: Mapping[str, int], tr: Translator) -> str:
    """Each status that results have, as its chip and how many."""
    return " ".join(
        f"{chip(s, tr)} {tag('span', str(n), class_='count', data_status=s)}" for s, n in summary.items() if n
    )


def rule_id(rule: str, name: str = "b") -> str:
    """A rule's ID, which breaks only after a "." or a "-" (``c1.vocational-<wbr>share``), never inside a
    word as the cell's text may (``c1.vocati`` above ``onal-share``)."""
    text = escaped(rule).replace(".", ".<wbr>").replace("-", "-<wbr>")
    return tag(name, text, class_="rule-id")


def result_figures(r: Mapping[str, Any], tr: Translator) -> str:
    """``41.0% / ≥ 45.0%`` breaking only at the slash: each figure whole (not ``41.0`` above ``%``)."""
    observed, target = observed_text(r, tr), target_text(r, tr)
    shown = tag("span", escaped(observed), class_="whole")
    return f"{shown} / {tag('span', escaped(target), class_='whole')}" if target else shown


def result_data(r: Mapping[str, Any]) -> dict[str, str]:
    """A result's figures as JSON in ``data-*`` attributes, for scripts reading the page."""
    figures = {"observed": r["observed"], "target": r["target"]["value"], "expected": r["expected"]}
    return {
        "data_rule": r["rule"],
        "data_status": r["status"],
        **{f"data_{k}": json.dumps(v, ensure_ascii=False) for k, v in figures.items()},
    }


def trend_figure(trend: Mapping[str, Any], point: Mapping[str, Any], tr: Translator, apart: str = " ") -> str:
    """A year's figure of a trend, after the chip of its status, and the year's own target where it is
    computed each year (``apart``: what stands between them); the words 报表无效 for a year whose report was
    refused as invalid, 未提交 for one the unit did not file, 未判定 and the units missing for a city-wide
    year not decided; ``回落`` after a figure moved away from the target since the year before
    (``setbacks``: the two figures in its title, the year before in ``data-previous-year``)."""
    from zhijiao_check.renderers import trends as view

    if view.refused(point) or view.not_filed(point):
        return tag("b", escaped(view.figure(trend, point, tr)), class_="problem", data_status=point["status"])
    if view.undecided(point):  # not a judgement: the missing units could change it (docs/trends.md)
        said = tag(
            "b", escaped(view.undecided_words(point, tr)), class_="undecided", data_status=point["status"]
        )
        shown = f"{said} {escaped(view.figure(trend, point, tr))}"
    else:
        shown = f"{chip(point['status'], tr)} {escaped(view.figure(trend, point, tr))}"
    # the year's own target, decided or not (the table's and Markdown's cells give it under either)
    goal = view.year_target(trend, point, tr)
    shown += apart + tag("span", escaped(goal), class_="small") if goal else ""
    if found := view.setback(trend, point):  # at the cell's foot, as the table and Markdown put it
        shown += apart + tag(
            "span",
            escaped(tr("render.setback")),
            class_="setback",
            title=view.setback_words(trend, found, tr),
            data_previous_year=found["previous_year"],
        )
    return shown


def legend(tr: Translator) -> str:
    """What each colour says: every status's chip and words, and the blank of no result."""
    chips = [tag("span", f"{chip(s, tr, said=False)} {escaped(tr(f'render.status-{s}'))}") for s in STATUSES]
    chips.append(
        tag(
            "span",
            tag("b", "&nbsp;", class_="chip", aria_hidden="true", style=f"background:{BLANK}")
            + " "
            + escaped(tr("render.status-none")),
        )
    )
    label = f"{escaped(tr('render.legend'))}{tr.colon}"
    return tag("p", label + "".join(chips), class_="legend")


def report_anchor(report: Mapping[str, Any]) -> str:
    """The id of a report's drill-down, which the heat map's unit links to: its year and its file's
    checksum, the same on every run of the same files."""
    return f"report-{report['year']}-{zlib.crc32(str(report['file']).encode()):08x}"
