"""The units that filed nothing in a year of the run, shown where the views rank and trace the units.

A year's city-wide section (the document's ``city`` entry) names the units missing from it; those whose report
was refused as invalid are listed apart (``units_invalid``) and shown as 报表无效. The others filed nothing:
the year's ranking lists each as 未提交 after the refused ones, a unit's trends have a 未提交 cell for the
year, and the unit's own page says which years it did not file. Left out, they read as if they were not
units of the year at all. A year without a city-wide section (no valid 市本级 report) says nothing of who is
missing, and nothing is added for it.

Works on ``document.document``, the run as plain data; a unit's own page (``page.per_unit``) keeps its years
not filed under ``not_filed``, its part of the document having no city-wide sections.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zhijiao_check.engine import runtrends

# A trend's year that the unit did not file: no figure, no result (a view's own word, never in the JSON)
NOT_FILED = "not_filed"


def not_filed_by_year(doc: Mapping[str, Any]) -> dict[int, list[str]]:
    """By year of a city-wide section, the units it names missing whose report was not refused, in the
    section's order (``engine.runtrends.not_filed_by_year``, whose answer the trends' verdicts read too). A
    unit with a refused report whose year is not known is in none: that report may be the year's, and 未提交
    would say it filed nothing."""
    unsure = {bad["unit"] for bad in doc["invalid"] if bad["unit"] is not None and bad["year"] is None}
    sections = ((s["year"], s["units_missing"], s["units_invalid"]) for s in doc["city"])
    return runtrends.not_filed_by_year(sections, unsure)


def not_filed_years(doc: Mapping[str, Any]) -> dict[str, list[int]]:
    """By unit, the years it did not file (``not_filed_by_year``), in order."""
    if "not_filed" in doc:  # a unit's own page: its years, kept from the whole run's
        return {unit: list(years) for unit, years in doc["not_filed"].items()}
    return runtrends.not_filed_by_unit(not_filed_by_year(doc))


def point(year: int) -> dict[str, Any]:
    """A trend's year the unit did not file, shaped as the document's years are: no figure, never fitted."""
    return {
        "year": year,
        "observed": None,
        "status": NOT_FILED,
        "schedule": None,
        "target": None,
        "fitted": False,
        "undecided": False,
    }


def with_years_not_filed(trend: Mapping[str, Any], years: list[int]) -> dict[str, Any]:
    """``trend`` (left as it is) with a year for each of ``years`` it lacks, in the order of the years."""
    have = {p["year"] for p in trend["years"]}
    added = [point(year) for year in years if year not in have]
    return {**trend, "years": sorted([*trend["years"], *added], key=lambda p: int(p["year"]))}
