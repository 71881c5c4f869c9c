"""Markup the page's sections share: a status's chip and words, a rule's ID, a result's figures and
``data-*`` attributes, a trend's figure of a year, the legend of the colours, a report's anchor."""

from __future__ import annotations

import json
import math
import zlib
from collections.abc import Mapping
from typing import Any

from zhijiao_check.i18n import Translator
from zhijiao_check.memo import BoundedMemo
from zhijiao_check.renderers import trends as view
from zhijiao_check.renderers.counted import COUNTED, counted_figure, counted_target
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
    key = (status, said, words)
    made = _CHIPS.get(key)
    return made if made is not None else _CHIPS.keep(key, _chip(status, said, words))


# Each chip as made (``chip``): a page shows a few statuses, each in its words, a hundred thousand times.
_CHIPS: BoundedMemo[tuple[str, bool, str], str] = BoundedMemo(limit=256)


def _chip(status: str, said: bool, words: str) -> str:
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
    """``41.0% / ≥ 45.0%`` breaking only at the slash: each figure whole (not ``41.0`` above ``%``). Made once
    for each figure, target and language: the ``repr`` of what it is made of (which tells ``True``, ``1``
    and ``1.0`` apart), as the table's cells are."""
    target = r["target"]
    key = repr((tr.lang, r["observed"], r.get("expected"), r["unit"], target["op"], target["value"]))
    made = _FIGURES.get(key)
    return made if made is not None else _FIGURES.keep(key, _result_figures(r, tr))


_FIGURES: BoundedMemo[str, str] = BoundedMemo()


def _result_figures(r: Mapping[str, Any], tr: Translator) -> str:
    observed, target = observed_text(r, tr), target_text(r, tr)
    shown = tag("span", escaped(observed), class_="whole")
    return f"{shown} / {tag('span', escaped(target), class_='whole')}" if target else shown


def result_data(r: Mapping[str, Any]) -> dict[str, str]:
    """A result's figures as JSON in ``data-*`` attributes, for scripts reading the page."""
    return {
        "data_rule": r["rule"],
        "data_status": r["status"],
        "data_observed": json_value(r["observed"]),
        "data_target": json_value(r["target"]["value"]),
        "data_expected": json_value(r["expected"]),
    }


def json_value(value: object) -> str:
    """``json.dumps(value, ensure_ascii=False)``: a number, ``true``, ``false`` or ``null`` written as the
    encoder writes it (``int.__repr__`` and ``float.__repr__``, even of a subclass), without making an encoder
    for each (a page has three a result)."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float) and math.isfinite(value):
        return float.__repr__(value)
    return json.dumps(value, ensure_ascii=False)


def trend_figure(trend: Mapping[str, Any], point: Mapping[str, Any], tr: Translator, apart: str = " ") -> str:
    """A year's figure of a trend, after the chip of its status, and the year's own target where it is
    computed each year (``apart``: what stands between them); the words 报表无效 for a year whose report was
    refused as invalid, 未提交 for one the unit did not file, 未判定 and the units missing for a city-wide
    year not decided; ``回落`` after a figure moved away from the target since the year before
    (``setbacks``: the two figures in its title, the year before in ``data-previous-year``)."""
    found = view.setback(trend, point)
    goal = trend["target"]
    key = (
        tr.lang,
        apart,
        point["status"],
        _exact(point["observed"]),
        _exact(point.get("schedule")),  # the places of a share tell it from the schedule
        _exact(point.get("target")),  # shown where the target is computed each year
        trend["unit"],
        goal["op"],
        _exact(goal["value"]),  # the places of a share tell it from the target
        point.get("undecided"),
        _exact(point.get("units_missing")),  # named in a year not decided
        # a share of schools told by its count, or one school's figure and target (``counted``)
        point.get(COUNTED) is not None and (counted_figure(point, tr), counted_target(point, tr)),
        # ``回落``: the year before, and the two figures its title gives
        found and (found["previous_year"], view.setback_words(trend, found, tr)),
    )
    made = _TREND_FIGURES.get(key)
    return made if made is not None else _TREND_FIGURES.keep(key, _trend_figure(trend, point, tr, apart))


# Each year's figure of a trend as made (``trend_figure``), by all it shows: a page of hundreds of units shows
# the same counts, statuses and targets year after year. The key is a tuple, not a ``repr`` as the table's:
# writing a float's digits costs more than the cell.
_TREND_FIGURES: BoundedMemo[tuple[object, ...], str] = BoundedMemo()


def _exact(value: object) -> tuple[type, object]:
    """``value`` as part of a key that tells apart what shows apart: ``True``, ``1`` and ``1.0`` by their
    class; ``0.0`` and ``-0.0``, a list (unhashable) and any other class (a number kept as written) by their
    ``repr``."""
    kind = value.__class__
    if kind in _PLAIN or (kind is float and value):
        return kind, value
    return kind, repr(value)


_PLAIN = frozenset((int, bool, str, type(None)))


def _trend_figure(trend: Mapping[str, Any], point: Mapping[str, Any], tr: Translator, apart: str) -> str:
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
