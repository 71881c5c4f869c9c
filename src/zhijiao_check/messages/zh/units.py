"""Wording about the unit list's changes (area ``units``), shared by the messages of a report, a waiver, a
roster and ``template --unit`` that refuse a merged unit.

In Chinese, with the same keys as ``messages/en/units.py``."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # A unit merged into one of the list (``UnitRegistry.merger``).
    "units.merged-into": "已于 {year} 年并入“{into}”",
    # Along a chain of mergers: the unit it joined, merged in turn into the one holding its figures now.
    "units.merged-into-chain": "已于 {year} 年并入“{joined}”（{since} 年起属“{into}”）",
}
