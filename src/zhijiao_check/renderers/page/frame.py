"""The page around its sections: the head (title, stylesheet, printed pages' margins), the sections in their
order, each left out when empty, and the run's JSON document embedded in ``<script id="zhijiao-data">``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from zhijiao_check.i18n import Translator
from zhijiao_check.renderers.markup import escaped, opening, tag
from zhijiao_check.renderers.matrix import catalogue_of, matrices
from zhijiao_check.renderers.page.city import city
from zhijiao_check.renderers.page.heatmap import heat_map
from zhijiao_check.renderers.page.notes import clauses, notes
from zhijiao_check.renderers.page.reports import city_block, invalid, reports
from zhijiao_check.renderers.page.scope import page_units, page_years
from zhijiao_check.renderers.page.summary import cards, footer
from zhijiao_check.renderers.page.trends import assessment, city_trends, unit_trends
from zhijiao_check.renderers.unfiled import not_filed_years

if TYPE_CHECKING:
    from zhijiao_check.engine.results import Run


@cache
def stylesheet() -> str:
    """The dashboard's CSS, kept in renderers/dashboard.css so it reads as CSS, not as Python."""
    return "\n" + files("zhijiao_check.renderers").joinpath("dashboard.css").read_text(encoding="utf-8")


def page_text(
    doc: Mapping[str, Any], run: Run, tr: Translator, unit: str | None = None, closing: Sequence[str] = ()
) -> str:
    """The page of ``doc`` (``pieces``) as one text."""
    return "".join(
        piece.decode("utf-8") if isinstance(piece, bytes) else piece
        for piece in pieces(doc, run, tr, unit, closing)
    )


def pieces(
    doc: Mapping[str, Any], run: Run, tr: Translator, unit: str | None = None, closing: Sequence[str] = ()
) -> Iterator[str | bytes]:
    """The page of ``doc`` (the run's JSON document, or a part of it) in the order it is written, a section
    at a time. ``unit``: the unit whose own printable page it is (titled with its name, every fold open);
    ``closing``: sections of that page's own, after the clauses and before the footer."""
    from zhijiao_check.jsontext import compact

    pack = doc["rule_pack"]
    years = page_years(doc)
    heading = tr("render.title")
    if unit is not None:
        heading = f"{unit} · {heading}"
    title = f"{heading} · {pack['document']}"
    # a unit's own page counts its reports (2022–2023 年 · 2 份报表), not "1 个单位"; those refused too
    counted = (
        tr("render.cards-reports", count=len(doc["reports"]) + len(doc["invalid"]))
        if len(page_units(doc)) == 1
        else tr("render.units-count", count=len(page_units(doc)))
    )
    # and the years of the run it did not file, which its reports' span does not show (2021–2024 年 of a
    # run to 2025 read as if 2025 were not asked of it)
    absent = not_filed_years(doc).get(unit, []) if unit is not None else []
    unfiled = tr("render.years-not-filed", years=tr.join(map(str, absent))) if absent else ""
    subtitle = " · ".join(part for part in (years, counted, unfiled) if part)
    head = (
        '<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src '
        "'unsafe-inline'\">"
        + tag("title", escaped(title))
        + tag("style", stylesheet() + _page_rule(heading, years, tr))
    )
    lang = "zh-CN" if tr.lang == "zh" else "en"
    yield f'<!DOCTYPE html>\n<html lang="{lang}"><head>{head}</head>\n<body>\n'
    for section in _sections(doc, run, tr, title, subtitle, unit is not None, closing):
        parts = iter((section,) if isinstance(section, str) else section)
        if first := next((part for part in parts if part), ""):  # a section that is empty is left out
            yield first
            yield from parts
            yield "\n"
    # Every "<" as the JSON escape \u003c: no "</script>" or "<!--" can end the script early, and the text
    # is still JSON for JSON.parse (whereas "<\!--" is not a JSON escape).
    yield opening("script", type="application/json", id="zhijiao-data")
    yield compact(doc).replace(b"<", b"\\u003c")
    yield "</script>\n</body></html>\n"


def _sections(
    doc: Mapping[str, Any],
    run: Run,
    tr: Translator,
    title: str,
    subtitle: str,
    open_all: bool,
    closing: Sequence[str],
) -> Iterator[str | Iterator[str]]:
    """The page's body in order, each section made when its turn comes; the reports' drill-down a report
    at a time."""
    rules = {rule.id: rule for pack in run.packs for rule in pack.rules}
    yield tag("header", tag("h1", escaped(title)) + tag("p", escaped(subtitle), class_="meta"))
    yield cards(doc, tr)
    yield invalid(doc, tr)
    for matrix in matrices(doc, catalogue_of(run)):
        yield heat_map(matrix, tr)
    yield city_trends(doc, tr)
    for year in doc["city"]:
        yield city(year, rules, tr)
    yield unit_trends(doc, tr, open_all=open_all)
    yield assessment(doc, tr)
    yield reports(doc, tr, open_all=open_all)
    yield city_block(doc, tr)
    yield notes(doc, tr)
    yield clauses(doc, rules, tr)
    yield from closing
    yield footer(doc, tr)


def _page_rule(heading: str, years: str, tr: Translator) -> str:
    """Printed pages: A4, the title and years at the top left, the page number at the top right."""
    left = _css_string(f"{heading} · {years}" if years else heading)
    pages = tr("render.page-number")
    return (
        "@page{size:A4;margin:16mm 12mm 14mm;@top-left{content:" + left + ";font-size:9px;color:#52606d}"
        "@top-right{content:" + pages + ";font-size:9px;color:#52606d}}"
    )


def _css_string(text: str) -> str:
    """``text`` as a CSS string: quoted, its quotes and backslashes escaped, on one line."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'
