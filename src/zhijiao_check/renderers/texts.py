"""The short texts the views share: scores, observed and target values, who an item is, where data stands."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from zhijiao_check.i18n import Translator
from zhijiao_check.measure.numbers import places, show, show_target
from zhijiao_check.measure.outcome import item_label


def score_text(score: float | None) -> str:
    return "—" if score is None else f"{score:.1f}"


def score_beside(evaluation: Mapping[str, Any], tr: Translator) -> str:
    """The score, and beside it how many results were waived (left out of it):
    ``75.0（另有 1 项已豁免，不计分）``, ``75.0 (1 waived, left out of the score)``.
    """
    return score_text(evaluation["score"]) + waived_text(evaluation, tr)


def waived_text(evaluation: Mapping[str, Any], tr: Translator) -> str:
    """``（另有 1 项已豁免，不计分）``, `` (1 waived, left out of the score)``: the language's parentheses
    (full-width in Chinese), or nothing when no result was waived."""
    waived = evaluation["summary"].get("waived", 0)
    return tr("engine.paren", text=tr("render.waived-beside-score", count=waived)) if waived else ""


def _digits(result: Mapping[str, Any]) -> int:
    """Enough places that observed, target and the linear schedule's value for the year differ on screen
    whenever they differ (44.98% < 45.00%; 59.995% below a schedule of 60.000%)."""
    value = result["target"]["value"] if isinstance(result.get("target"), Mapping) else None
    return places(
        result["observed"], result.get("expected"), *(value if isinstance(value, list) else [value])
    )


def observed_text(result: Mapping[str, Any], tr: Translator) -> str:
    if result["observed"] is None:
        return "—"
    return tr.render(show(result["observed"], result["unit"], _digits(result)))


def item_figure(item: Mapping[str, Any], result: Mapping[str, Any], tr: Translator) -> str:
    """An item's own figure in its result's unit of measure (a unit's share, ``52.7%``), to the places that
    tell it from the target, as its own arithmetic shows it; ``—`` when it has none (a unit's 0 / 0)."""
    observed = item["observed"]
    if observed is None:
        return "—"
    value = result["target"]["value"]
    digits = places(observed, *(value if isinstance(value, list) else [value]))
    return tr.render(show(observed, result["unit"], digits))


def expected_text(result: Mapping[str, Any], tr: Translator) -> str:
    """The linear schedule's value for the year, to the places of the observed value and the target."""
    return tr.render(show(result["expected"], result["unit"], _digits(result)))


def target_text(result: Mapping[str, Any], tr: Translator) -> str:
    """``≥ 45.0%``; empty when there is no target value
    (a comparison with a figure that could not be computed).
    """
    target = result["target"]
    if target["value"] is None:
        return ""
    return tr.render(show_target(target["op"], target["value"], result["unit"], _digits(result)))


def value_text(result: Mapping[str, Any], tr: Translator) -> str:
    """``41.0% / ≥ 45.0%``: observed against target (the observed value alone when there is no target)."""
    target = target_text(result, tr)
    return f"{observed_text(result, tr)} / {target}" if target else observed_text(result, tr)


def city_title(city: Mapping[str, Any], tr: Translator) -> str:
    """``全市 · 2023 年 · 15/15 个单位``."""
    present = len(city["units_present"])
    return tr(
        "render.city-title", year=city["year"], present=present, total=present + len(city["units_missing"])
    )


def units_missing(city: Mapping[str, Any], tr: Translator) -> str:
    """``缺少单位：零陵区 · 报表无效：新田县``: the units that filed nothing apart from those whose report was
    refused as invalid (said to be, not as if nothing had been filed), and a unit whose report of another
    year is filed as this year's with that report (``蓝山县（其报表 2025/lanshan.yaml 为 2024 年）``); empty
    when every unit is there."""
    invalid = city["units_invalid"]
    other = {o["unit"]: tr("engine.unit-other-year", **o) for o in city.get("units_other_year", ())}
    absent = [other.get(unit, unit) for unit in city["units_missing"] if unit not in invalid]
    parts = [tr("engine.units-missing", units=tr.join(absent))] if absent else []
    if invalid:
        parts.append(tr("render.units-invalid", units=tr.join(invalid)))
    return " · ".join(parts)


def responsible_text(info: Any, names: Sequence[str], tr: Translator) -> str:
    """The bodies a rule names responsible, in English by their English names (the pack's ``bodies``)."""
    return tr.join(tr.pick(body.zh, body.en) for body in map(info.body, names))


def who(item: Mapping[str, Any], tr: Translator) -> str:
    """``school · major`` for an item of a school, the name alone otherwise (``outcome.item_label``)."""
    return tr.render(item_label(str(item["name"]), item.get("school")))


def where(locations: Sequence[Mapping[str, Any]], tr: Translator) -> str:
    """``file:line`` (a workbook's ``file:sheet!cell``) of the first location, and how many others there are
    in words: ``a.yaml:65 另 7 处`` (``+7`` read as a line seven further on)."""
    if not locations:
        return ""
    return f"{spot(locations[0])}{more_places(len(locations), tr)}"


def more_places(count: int, tr: Translator) -> str:
    """What ``where`` says after the first of ``count`` places: `` 另 7 处``, nothing for one place."""
    return f" {tr('render.more-places', count=count - 1)}" if count > 1 else ""


# Excel's longest cell text: openpyxl cuts a longer one there
MAX_TEXT = 32_767


def every_place(locations: Sequence[Mapping[str, Any]], tr: Translator) -> str:
    """Each place of ``locations``, one a line: a spreadsheet's 数据位置 cell, where ``另 7 处`` told a reader
    in Excel that there were more places but not where, and the cell holds them all. Past what one cell holds
    (a city-wide figure of every school of a thousand reports), the places left out are counted, and where
    to read them said."""
    spots = [spot(location) for location in locations]
    text = "\n".join(spots)
    if len(text) <= MAX_TEXT:
        return text
    room = MAX_TEXT - len(tr("render.more-places-unlisted", count=len(spots))) - 1  # for its longest count
    kept: list[str] = []
    for line in spots:
        room -= len(line) + 1
        if room < 0:
            break
        kept.append(line)
    return "\n".join([*kept, tr("render.more-places-unlisted", count=len(spots) - len(kept))])


def spot(location: Mapping[str, Any]) -> str:
    """``file:line``, or ``file:sheet!cell（header）`` in a workbook."""
    return f"{location['file']}:{location.get('cell') or location['line']}"


def at(problem: Mapping[str, Any]) -> str:
    """``file:line:column`` of a problem (as far as known), as in ``Problem.where``."""
    if problem.get("cell"):
        return f"{problem['file']}:{problem['cell']}"
    return ":".join(str(problem[k]) for k in ("file", "line", "column") if problem.get(k) is not None)


def field_of(problem: Mapping[str, Any]) -> str:
    """The field path a problem's message follows (``schools[0].teachers``): for a YAML author, who finds
    the field by it; none in a workbook, whose cell and header (``学校!I3（专任教师）``) say where, and
    whose clerk never sees a field path (``Problem.report_line``)."""
    return "" if problem.get("cell") else (problem.get("path") or "")


def label_of(evaluation: Mapping[str, Any], tr: Translator) -> str:
    """``江永县 2023`` or ``全市 2023``."""
    unit = evaluation["unit"] if "unit" in evaluation else tr("render.city")
    return f"{unit} {evaluation['year']}"
