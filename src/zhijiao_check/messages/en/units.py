"""Wording about the unit list's changes (area ``units``), shared by the messages of a report, a waiver, a
roster and ``template --unit`` that refuse a merged unit (``UnitRegistry.merger``): each says the unit it
joined in the year of its merger, and along a chain of mergers the unit that holds its figures now.

In English: one catalogue per language, the same keys in each (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "units.merged-into": 'was merged into "{into}" in {year}',
    "units.merged-into-chain": 'was merged into "{joined}" in {year} (part of "{into}" since {since})',
}
