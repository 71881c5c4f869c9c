"""``--per-unit DIR``: a printable page for each unit of the run, its reports of every year, its trends, the
warnings on its files and a sign-off block, ready to print and sign."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from zhijiao_check.i18n import Translator
from zhijiao_check.renderers.markup import escaped, tag
from zhijiao_check.renderers.page.frame import page_text
from zhijiao_check.renderers.page.scope import page_units
from zhijiao_check.renderers.unfiled import not_filed_years

if TYPE_CHECKING:
    from zhijiao_check.engine.results import Run


def unit_pages(run: Run, tr: Translator) -> list[tuple[str, str]]:
    """(file name, page) for each unit of the run: its reports of every year, its trends (未提交 in a year
    it did not file), the warnings on its files, and a sign-off block, ready to print and sign."""
    from zhijiao_check.document import document

    doc = document(run, tr)
    rules = {rule.id: rule for pack in run.packs for rule in pack.rules}
    absent = not_filed_years(doc)
    pages = []
    # A unit whose reports were all refused has its page too (``page_units``): it signs what is to be
    # corrected
    for unit in page_units(doc):
        reports = [r for r in doc["reports"] if r["unit"] == unit]
        files = {r["file"] for r in reports}
        part = {
            **doc,
            "reports": reports,
            "city": [],
            # its reports refused as invalid, with their problems: the unit signs the page
            "invalid": [bad for bad in doc["invalid"] if bad["unit"] == unit],
            "warnings": [w for w in doc["warnings"] if w["file"] in files],
            "notices": [],
            "trends": {
                **doc["trends"],
                "city": [],
                "units": [u for u in doc["trends"]["units"] if u["unit"] == unit],
                # its own line of clause 15's summary, not the city's nor another unit's
                "assessment": [a for a in doc["trends"]["assessment"] if a["unit"] == unit],
            },
            "exit_code": None,  # the run's, not the unit's: left to the run's own page
            # 市本级's page: the city-wide targets its report's city: block decides (none on any other page)
            "city_block": _decided_by(doc["city"], files, rules),
            # the years of the run it did not file, which its part (without city-wide sections) cannot tell
            **({"not_filed": {unit: absent[unit]}} if unit in absent else {}),
        }
        pages.append((page_name(unit), page_text(part, run, tr, unit=unit, closing=(_signoff(tr),))))
    return pages


def _decided_by(
    city: Sequence[Mapping[str, Any]], files: set[str], rules: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """Of each city-wide year whose 市本级 report is one of ``files``, the results of the rules that read its
    ``city:`` block (told by the rule, not by a list of IDs: a pack's own such rule is among them), in the
    year's order; a year with none is left out."""
    from zhijiao_check.kinds import reads_city_block

    decided = []
    for year in city:
        if year["file"] not in files:
            continue
        results = [r for r in year["results"] if r["rule"] in rules and reads_city_block(rules[r["rule"]])]
        if results:
            decided.append({"year": year["year"], "file": year["file"], "results": results})
    return decided


def _signoff(tr: Translator) -> str:
    """The sign-off block of a unit's printed page: who filled it in, who checked it, when."""
    fields = ("render.signoff-unit", "render.signoff-reviewer", "render.signoff-date")
    return tag("div", "".join(tag("div", escaped(tr(key) + tr.colon)) for key in fields), class_="signoff")


def page_name(unit: str) -> str:
    """The file name of a unit's page (``东安县.html``): characters a file system refuses become ``_``.
    ``check`` refuses, before any work, a page that would be written over an input (``commands.check``)."""
    name = "".join("_" if c in '\\/:*?"<>|' or ord(c) < 32 else c for c in unit).strip(". ") or "_"
    return f"{name}.html"
