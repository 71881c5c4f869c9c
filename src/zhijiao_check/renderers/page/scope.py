"""What a page covers: the units of its reports and the years they span, those refused as invalid too."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def page_years(doc: Mapping[str, Any]) -> str:
    """``2021–2025 年`` (or one year) of the reports on the page, those refused as invalid too."""
    years = sorted(
        {int(r["year"]) for r in doc["reports"]}
        | {int(c["year"]) for c in doc["city"]}
        | {int(bad["year"]) for bad in doc["invalid"] if bad["year"] is not None}
    )
    if not years:
        return ""
    span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    return f"{span} 年" if doc.get("lang") == "zh" else span


def page_units(doc: Mapping[str, Any]) -> list[str]:
    """The units of the reports on the page, a unit whose reports were all refused as invalid too."""
    refused = [str(bad["unit"]) for bad in doc["invalid"] if bad["unit"] is not None]
    return list(dict.fromkeys([*(str(r["unit"]) for r in doc["reports"]), *refused]))
