"""The list of reporting units (填报单位), read from the rule pack's ``units.yaml``."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Literal

from zhijiao_check.records import record

UnitKind = Literal["county", "management_area", "development_zone", "city"]
UNIT_KINDS: tuple[UnitKind, ...] = ("county", "management_area", "development_zone", "city")
# Who a city-wide result belongs to (the whole city's year, not the 市本级 report): in waivers, JUnit test
# names and SARIF properties, the same in every language.
CITY_WIDE = "全市"


@record
class Unit:
    name: str
    kind: UnitKind
    code: str | None = None


@record
class Renamed:
    old: str
    new: str
    year: int
    old_code: str | None = None  # the code the unit had under its old name (祁阳县 431121, now 祁阳市 431181)


class UnitRegistry:
    """Known units in the order of the unit list, with the renamed ones to point users to the new name."""

    def __init__(self, units: list[Unit], renamed: list[Renamed]) -> None:
        self.units = units
        self.renamed = renamed
        self._by_name = {unit.name: unit for unit in units}

    def __iter__(self) -> Iterator[Unit]:
        return iter(self.units)

    def __len__(self) -> int:
        return len(self.units)

    def get(self, name: str) -> Unit | None:
        return self._by_name.get(name)

    def city(self) -> str:
        """The 市本级's name (the unit whose report holds the ``city:`` block); empty if the list has none."""
        return next((unit.name for unit in self.units if unit.kind == "city"), "")

    def renamed_to(self, name: str) -> Renamed | None:
        return next((r for r in self.renamed if r.old == name), None)

    def old_code_of(self, name: str, code: str) -> Renamed | None:
        """The renaming of the unit ``name`` whose old code is ``code``: a report copied from before it."""
        return next((r for r in self.renamed if r.new == name and r.old_code == code), None)

    def suggest(self, name: str) -> str | None:
        """The nearest known name: a renamed unit's new name, a name containing this one,
        or the closest spelling.
        """
        renamed = self.renamed_to(name)
        if renamed:
            return renamed.new
        stripped = name.strip()
        containing = [u.name for u in self.units if stripped and (stripped in u.name or u.name in stripped)]
        if containing:
            return containing[0]
        close = difflib.get_close_matches(stripped, list(self._by_name), n=1, cutoff=0.4)
        return close[0] if close else None
