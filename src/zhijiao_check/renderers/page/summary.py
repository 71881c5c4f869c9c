"""The page's summary: the cards of what the run counts at the top; the exit status, the tool and the rule
pack at the foot."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zhijiao_check.i18n import Translator
from zhijiao_check.renderers.markup import escaped, tag
from zhijiao_check.renderers.matrix import city_block_results, totals
from zhijiao_check.renderers.page.marks import BLANK, NEUTRAL
from zhijiao_check.renderers.page.scope import page_units, page_years
from zhijiao_check.renderers.texts import score_text
from zhijiao_check.status import Status


def cards(doc: Mapping[str, Any], tr: Translator) -> str:
    """What the run counts, as what it is: units, targets met and not met, and each city-wide score."""
    counts = totals(doc)
    units = len(page_units(doc))
    reports = len(doc["reports"])
    years = page_years(doc)
    one = units == 1 and not doc["city"]  # one unit's page: its reports and its years, not "1 个单位"
    filed = reports + len(doc["invalid"])  # a unit's page counts the reports it filed, those refused too
    shown = [
        _card(
            "reports",
            str(filed),
            # the figure is apart from its label: "1 report", not "1 reports"
            tr("render.cards-unit-report" if filed == 1 else "render.cards-unit-reports", years=years),
            NEUTRAL,
        )
        if one and years
        else _card(
            "units",
            str(units),
            tr(
                "render.cards-unit" if units == 1 else "render.cards-units",  # "1 unit", not "1 units"
                reports=tr("render.cards-reports", count=reports),
            ),
            NEUTRAL,
        ),
        _card(
            "invalid",
            str(len(doc["invalid"])),
            tr("render.cards-invalid"),
            Status.FAIL.colour if doc["invalid"] else BLANK,
        ),
        _card("met", str(counts["pass"]), _met_label(doc, one, tr), Status.PASS.colour),
        _card(
            "not-met",
            str(counts["fail"] + counts["missing"]),
            tr("render.cards-not-met"),
            Status.FAIL.colour,
        ),
        _card("watch", str(counts["warn"] + counts["behind"]), tr("render.cards-watch"), Status.WARN.colour),
        _card("pending", str(counts["pending"]), tr("render.cards-pending"), Status.PENDING.colour),
        *(
            _card(
                "city-score",
                score_text(c["score"]),
                tr("render.cards-city-score", year=c["year"]),
                NEUTRAL,
                c["year"],
            )
            for c in doc["city"]
        ),
    ]
    return tag("div", "".join(shown), class_="cards", id="summary")


def _met_label(doc: Mapping[str, Any], one: bool, tr: Translator) -> str:
    """What the card of targets met counts: the unit's results of every year (``one``); else every unit's,
    and the city-wide targets' beside them, each counted (374 + 30 was read as 404 units' results). 市本级's
    own page counts apart the city-wide targets its ``city:`` block decides, which the page lists."""
    by_units = sum(r["summary"].get("pass", 0) for r in doc["reports"])
    if one:
        decided = city_block_results(doc)
        if not decided:
            return tr("render.cards-met-unit")
        city = sum(r["status"] == "pass" for r in decided)
        return tr("render.cards-met-unit-city", units=by_units, city=city)
    if not doc["city"]:
        return tr("render.cards-met")
    city = sum(c["summary"].get("pass", 0) for c in doc["city"])
    one_unit = len(page_units(doc)) == 1  # 市本级 alone, with the city-wide year its report makes
    return tr(
        "render.cards-met-unit-city" if one_unit else "render.cards-met-city", units=by_units, city=city
    )


def _card(key: str, value: str, label: str, colour: str, year: int | None = None) -> str:
    content = tag("span", escaped(value), class_="num") + tag("span", escaped(label), class_="lbl")
    return tag(
        "div", content, class_="card", data_key=key, data_year=year, style=f"border-top-color:{colour}"
    )


def footer(doc: Mapping[str, Any], tr: Translator) -> str:
    """For CI and the record: the exit status, the tool and the rule pack."""
    tool, pack = doc["tool"], doc["rule_pack"]
    generated = tr(
        "render.generated",
        tool=tool["name"],
        version=tool["version"],
        pack=pack["id"],
        document=pack["document"],
    )
    code = doc.get("exit_code")
    exit_text = (
        ""
        if code is None
        else tag(
            "span",
            escaped(f"{tr('render.cards-exit')} {code} · {tr(f'render.exit-{min(int(code), 2)}')}"),
            data_key="exit-code",
            data_value=code,
        )
        + " · "
    )
    return tag("footer", exit_text + escaped(generated))
