"""The reports on the page: those refused as invalid with their problems, each report's rules with the
arithmetic, the items not met, where the data stands and the clause quoted, and on 市本级's own page the
city-wide targets its ``city:`` block decides."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from zhijiao_check.i18n import Translator
from zhijiao_check.memo import BoundedMemo
from zhijiao_check.renderers.findings import failing_items, unit_items
from zhijiao_check.renderers.markup import escaped, opening, tag
from zhijiao_check.renderers.page.marks import (
    chip,
    item_chip,
    json_value,
    report_anchor,
    result_figures,
    rule_id,
    status_counts,
    status_word,
)
from zhijiao_check.renderers.page.scope import page_units
from zhijiao_check.renderers.texts import at, field_of, score_text, waived_text, where, who
from zhijiao_check.status import NOT_MET


def invalid(doc: Mapping[str, Any], tr: Translator) -> str:
    """Each report refused as invalid, with each of its problems and where it stands."""
    if not doc["invalid"]:
        return ""
    parts = [tag("h2", escaped(tr("render.invalid-title")))]
    for bad in doc["invalid"]:
        heading = tr("render.invalid-report", file=bad["file"], count=len(bad["problems"]))
        parts.append(tag("h3", escaped(heading), data_file=bad["file"]))
        problems = []
        for p in bad["problems"]:
            path = f"{field_of(p)}: " if field_of(p) else ""
            problems.append(
                tag(
                    "li",
                    f"{tag('code', escaped(at(p)))} {escaped(path + p['message'])}",
                    class_="problem",
                    data_code=p["code"],
                )
            )
        parts.append(tag("ul", "".join(problems)))
    return tag("section", "".join(parts), id="invalid")


def reports(doc: Mapping[str, Any], tr: Translator, open_all: bool = False) -> Iterator[str]:
    """Each report's rules, folded (``<details>``) unless one is not met: a report at a time, the
    largest part of a large run's page."""
    if not doc["reports"]:
        return
    title = tr("render.drilldown-one" if len(page_units(doc)) == 1 else "render.drilldown")
    yield opening("section", id="reports") + tag("h2", escaped(title))
    for report in doc["reports"]:
        kind = tr(f"render.kind-{report['kind']}")
        heading = tr("render.report-title", unit=report["unit"], kind=kind, year=report["year"])
        counts = status_counts(report["summary"], tr)
        score = score_text(report["score"])
        summary = (
            f"{escaped(heading)} · {escaped(tr('render.score'))} {tag('span', score, class_='score')}"
            f"{escaped(waived_text(report, tr))} · {counts} " + tag("code", escaped(report["file"]))
        )
        yield tag(
            "details",
            tag("summary", summary) + _results(report["results"], tr),
            class_="report",
            id=report_anchor(report),
            open=open_all or any(report["summary"][s] for s in NOT_MET),
            data_file=report["file"],
            data_unit=report["unit"],
            data_year=report["year"],
            data_score=score,
        )
    yield "</section>"


def city_block(doc: Mapping[str, Any], tr: Translator) -> str:
    """On 市本级's own page (``per_unit``): the city-wide targets of each of its years whose figures its
    report's ``city:`` block gives, shown as its own results are: 市本级 signs for them, and no other page
    a unit signs shows them."""
    years = doc.get("city_block") or ()
    if not years:
        return ""
    parts = [
        tag("h2", escaped(tr("render.city-block-title"))),
        tag("p", escaped(tr("render.city-block-note")), class_="small"),
    ]
    for year in years:
        heading = tr("render.city-block-year", year=year["year"], file=year["file"])
        parts.append(
            tag(
                "div",
                tag("h3", escaped(heading)) + _results(year["results"], tr),
                class_="city-block",
                data_year=year["year"],
                data_file=year["file"],
            )
        )
    return tag("section", "".join(parts), id="city-block")


def _results(results: Sequence[Mapping[str, Any]], tr: Translator) -> str:
    rows = []
    for r in results:
        text = "<br>".join(escaped(line) for line in (r["explanation"], *r["notes"])) + detail(r, tr)
        status, rule = r["status"], r["rule"]
        rows.append(
            # the figures as JSON for scripts (``result_data``), written as ``tag`` would
            f'<tr data-rule="{escaped(rule)}" data-status="{escaped(status)}"'
            f' data-observed="{escaped(json_value(r["observed"]))}"'
            f' data-target="{escaped(json_value(r["target"]["value"]))}"'
            f' data-expected="{escaped(json_value(r["expected"]))}">'
            f"{_status_and_rule(status, rule, r['title'], tr)}"
            f'<td class="num">{result_figures(r, tr)}</td>'
            f"<td>{text}{_quote(r['clause'], r['quote'], tr)}</td></tr>"
        )
    return (
        '<div class="scroll"><table class="results">'
        f"<thead><tr>{_results_head(tr)}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


# What a result's row shows of its rule and status, and of its clause: a page of a thousand reports shows each
# rule a thousand times, in a few statuses (``_status_and_rule``, ``_quote``), and the same head each time.
_RULES: BoundedMemo[tuple[str, str, str, str], str] = BoundedMemo(limit=1024)
_QUOTES: BoundedMemo[tuple[str, str, str], str] = BoundedMemo(limit=1024)
_HEADS: BoundedMemo[str, str] = BoundedMemo(limit=4)


def _status_and_rule(status: str, rule: str, title: str, tr: Translator) -> str:
    """A result's first two cells: its status in words, as the workbook says it (the code stays in
    data-status), and the rule's ID and title; each whole, never "not appli" above "cable"."""
    key = (tr.lang, status, rule, title)
    made = _RULES.get(key)
    if made is None:
        made = _RULES.keep(
            key,
            tag("td", f"{chip(status, tr)} {status_word(status, tr)}")
            + tag("td", f"{rule_id(rule)}<br>{escaped(title)}"),
        )
    return made


def _quote(clause: str, quote: str, tr: Translator) -> str:
    """The policy's clause the result checks, quoted (clause 16: in English too)."""
    key = (tr.lang, clause, quote)
    made = _QUOTES.get(key)
    if made is None:
        said = tr("render.clause", clause=clause)
        made = _QUOTES.keep(key, tag("blockquote", escaped(f"{said}{tr.colon}{quote}")))
    return made


def _results_head(tr: Translator) -> str:
    made = _HEADS.get(tr.lang)
    if made is None:
        keys = ("render.status", "render.rule", "render.observed-target", "render.explanation")
        made = _HEADS.keep(tr.lang, "".join(tag("th", escaped(tr(key))) for key in keys))
    return made


def detail(r: Mapping[str, Any], tr: Translator, units: frozenset[str] = frozenset()) -> str:
    """Under a result's arithmetic: the items not met, each with its place, else where its data stands
    (the same for a unit's row and a city-wide target). Where its items are the units of a city-wide
    year (``units``), every unit's own figure, each with its arithmetic and place, in their stead."""
    items = failing_items(r)
    shares = unit_items(r, units)
    if items and not shares:
        return _items(items, r, tr)
    out = ""
    if shares:
        out = f"<br>{escaped(tr('render.by-unit') + tr.colon)}" + _items(shares, r, tr, units=True)
    if not items and r["locations"] and r["status"] != "not_applicable":
        # on a line of its own, after the list as the table and Markdown put it
        out += ("" if shares else "<br>") + tag("code", escaped(where(r["locations"], tr)))
    return out


def _items(
    items: Sequence[Mapping[str, Any]], result: Mapping[str, Any], tr: Translator, units: bool = False
) -> str:
    """A list of items: each one's status, who it is, its arithmetic and its place. ``units``: each
    unit's own figure, its name, status and figure also in ``data-*`` attributes, for scripts."""
    return tag(
        "ul",
        "".join(
            tag(
                "li",
                f"{item_chip(i, result, tr)} {escaped(who(i, tr) + tr.colon + i['explanation'])} "
                + tag("code", escaped(where(i["locations"], tr))),
                **(
                    {
                        "data_unit": i["name"],
                        "data_status": i["status"],
                        "data_observed": json.dumps(i["observed"]),
                    }
                    if units
                    else {}
                ),
            )
            for i in items
        ),
        class_="items units" if units else "items",
    )
