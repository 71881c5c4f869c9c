"""The list of reporting units (填报单位), read from the rule pack's ``units.yaml``: the units as they are
now (each from the year it was created, ``since``), the names they were called by before a renaming
(``renamed``), and the units since merged into another (``merged``), whose reports of the years before the
merger are still theirs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Annotated, Literal, TypedDict, TypeVar

from zhijiao_check.constraints import Field
from zhijiao_check.records import record
from zhijiao_check.wording import Msg, msg

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
    # The first year the unit exists (a management area created in 2024); None: every year of the plan.
    # A year of the unit list is a whole number as written (``strict``): Pydantic's lax mode read ``since:
    # true`` as the year 1 and ``"2024"`` as 2024 (``pack.refused`` says what was found and what to write).
    since: Annotated[int | None, Field(strict=True)] = None

    def exists_in(self, year: int | None) -> bool:
        """Whether the unit exists in ``year`` (None: a year not known, taken as one it exists in)."""
        return self.since is None or year is None or year >= self.since


@record
class Renamed:
    """A unit's former name: a report of a year before ``year`` may give it, and counts as ``new``'s."""

    old: str
    new: str
    year: Annotated[int, Field(strict=True)]  # the first year under the new name
    old_code: str | None = None  # the code the unit had under its old name (祁阳县 431121, now 祁阳市 431181)


@record
class Merged:
    """A unit merged into another (金洞管理区 into 祁阳市): its own unit in the years before ``year``, when it
    filed its own report; from ``year`` on its figures are ``into``'s, and it files none. ``since``: the year
    it was created, as a unit's (a management area created in 2023 and merged in 2025 reports in 2023 and
    2024 only); None: every year of the plan before its merger."""

    name: str
    kind: UnitKind
    into: str
    year: Annotated[int, Field(strict=True)]  # the first year it is part of ``into``
    code: str | None = None
    since: Annotated[int | None, Field(strict=True)] = None  # before ``year``: the pack refuses any other


class MergerParams(TypedDict):
    """What a message refusing a merged unit says (``UnitRegistry.merger``)."""

    into: str  # the unit whose report holds its figures in the year asked about
    year: int  # the year of its merger
    merged: Msg  # its merger, told along a chain step by step


class UnitRegistry:
    """Known units in the order of the unit list, with the renamed ones to point users to the new name and
    the merged ones, units of the years before their merger."""

    def __init__(self, units: list[Unit], renamed: list[Renamed], merged: list[Merged] | None = None) -> None:
        self.units = units
        self.renamed = renamed
        self.merged = merged or []
        # Each way a report names a unit, looked up once: by name or code now, a merged unit's name or code,
        # a former name or code (the first entry where the list gives one twice)
        self._by_name = _index(units, lambda u: u.name)
        self._by_code = _index(units, lambda u: u.code)
        self._merged = _index(self.merged, lambda m: m.name)
        self._merged_by_code = _index(self.merged, lambda m: m.code)
        self._renamed = _index(renamed, lambda r: r.old)
        self._renamed_by_code = _index(renamed, lambda r: r.old_code)
        self._former = {m.name: Unit(m.name, m.kind, m.code, m.since) for m in self.merged}
        self._joined: dict[str, list[Merged]] = {}  # the units merged into each, in the list's order
        for m in self.merged:
            self._joined.setdefault(m.into, []).append(m)

    def __iter__(self) -> Iterator[Unit]:
        return iter(self.units)

    def __len__(self) -> int:
        return len(self.units)

    def get(self, name: str) -> Unit | None:
        return self._by_name.get(name)

    def by_code(self, code: str) -> Unit | None:
        """The unit of the list whose code is ``code`` now."""
        return self._by_code.get(code)

    def city(self) -> str:
        """The 市本级's name (the unit whose report holds the ``city:`` block); empty if the list has none."""
        return next((unit.name for unit in self.units if unit.kind == "city"), "")

    def renamed_to(self, name: str) -> Renamed | None:
        return self._renamed.get(name)

    def old_code_of(self, name: str, code: str) -> Renamed | None:
        """The renaming of the unit ``name`` whose old code is ``code``: a report copied from before it."""
        renamed = self._renamed_by_code.get(code)
        return renamed if renamed is not None and renamed.new == name else None

    def current_name(self, name: str) -> str:
        """The name a renamed unit has now, through every later renaming (``name`` itself if none)."""
        seen = {name}
        while (renamed := self.renamed_to(name)) is not None and renamed.new not in seen:
            name = renamed.new
            seen.add(name)
        return name

    def joined(self, merged: Merged, year: int | None) -> str:
        """The unit whose report holds ``merged``'s figures in ``year`` (a year since the merger; None: now):
        the unit it joined, under its name now, or the one that unit has joined in turn by then (A into B in
        2023, B into C in 2025: B in 2024, C in 2025)."""
        return self._holder(merged, year)[0]

    def merger(self, merged: Merged, year: int | None) -> MergerParams:
        """The parameters of a message saying that ``merged`` files no report of its own in ``year``: the
        unit that holds its figures then (``into``), the year of its merger (``year``) and what happened
        (``merged``, wording). Along a chain, step by step: 金洞管理区 joined 回龙圩管理区 in 2024,
        which is part of 祁阳市 from 2025 (never "merged into 祁阳市 in 2024", a false fact)."""
        into, since = self._holder(merged, year)
        joined = self.current_name(merged.into)
        said = (
            msg("units.merged-into", into=into, year=merged.year)
            if into == joined
            else msg("units.merged-into-chain", joined=joined, year=merged.year, into=into, since=since)
        )
        return MergerParams(into=into, year=merged.year, merged=said)

    def _holder(self, merged: Merged, year: int | None) -> tuple[str, int]:
        """``joined``, with the first year it holds ``merged``'s figures (the year of the last merger along
        the chain that applies by ``year``). The pack refuses a cycle; ``seen`` stops one all the same."""
        name, since, seen = self.current_name(merged.into), merged.year, {merged.name}
        while (then := self._merged.get(name)) is not None and (year is None or year >= then.year):
            if name in seen:
                break
            seen.add(name)
            name, since = self.current_name(then.into), then.year
        return name, since

    def unit_in(self, name: str, year: int | None) -> Unit | None:
        """The unit a report of ``year`` giving ``name`` is of: a unit of the list from the year it exists;
        a unit merged into another in a year before its merger (from its ``since``); a former name in a year
        before its renaming, as the unit it names (its reports, under either name, are one unit's over the
        years). ``year`` None (not given, or no year): a name that was right in some year is taken, the
        year's own error being said."""
        if (unit := self._by_name.get(name)) is not None:
            return unit if unit.exists_in(year) else None
        if (merged := self._merged.get(name)) is not None:
            return self._former[name] if self._reports_alone(merged, year) else None
        renamed = self.renamed_to(name)
        if renamed is None or (year is not None and year >= renamed.year) or renamed.new == name:
            return None
        return self.unit_in(renamed.new, year)

    def coded(self, code: str, year: int | None) -> Unit | None:
        """The unit ``code`` names in ``year``, as ``unit_in`` for a name: a unit's code now; the code of a
        unit merged into another (``Merged.code``) before its merger; a former code (``Renamed.old_code``)
        before its renaming, as the unit it is now."""
        if (unit := self._by_code.get(code)) is not None:
            return self.unit_in(unit.name, year)
        if (merged := self._merged_by_code.get(code)) is not None:
            return self.unit_in(merged.name, year)
        renamed = self._renamed_by_code.get(code)
        return self.unit_in(renamed.old, year) if renamed is not None else None

    def change(self, given: str, year: int | None) -> Renamed | Merged | Unit | None:
        """Why ``given``, a name or code of a report, waiver, roster or ``--unit`` that ``unit_in`` and
        ``coded`` do not take for ``year``, is no unit then: the unit itself, created in a later year
        (``Unit.since``; a merged unit, in a year before its own ``since``, as the ``Unit`` it was); the
        unit's merger into another (its own; or, renamed since, its unit's under the name it has now, in a
        year since the merger or no year), else its renaming; None for a name or code the unit list never had
        (a typo)."""
        unit = self._by_name.get(given) or self._by_code.get(given)
        if unit is not None:
            return None if unit.exists_in(year) else unit
        merged = self._merged.get(given) or self._merged_by_code.get(given)
        if merged is not None:  # before its merger, a year before it was created (its own ``since``)
            former = self._former[merged.name]
            return (
                former if year is not None and year < merged.year and not former.exists_in(year) else merged
            )
        renamed = self.renamed_to(given) or self._renamed_by_code.get(given)
        if renamed is None:
            return None
        later = self._merged.get(self.current_name(renamed.new))
        return later if later is not None and (year is None or year >= later.year) else renamed

    def units_in(self, year: int) -> list[Unit]:
        """The units expected to report for ``year``: the list's that exist by then, and each unit merged
        into another in a later year, after the unit it joined (its place in the city-wide roll-up's present
        and missing)."""
        found: list[Unit] = []
        for unit in self.units:
            if unit.exists_in(year):
                found.append(unit)
            found += [
                self._former[m.name]
                for m in self._units_merged_into(unit.name)
                if self._reports_alone(m, year)
            ]
        return found

    def _reports_alone(self, merged: Merged, year: int | None) -> bool:
        """Whether ``merged`` is a unit of its own in ``year``: created by then, and not yet merged."""
        return year is None or (year < merged.year and self._former[merged.name].exists_in(year))

    def order(self) -> list[str]:
        """Every unit's name, the merged ones after the unit each joined: the order reports are shown in."""
        found: list[str] = []
        for unit in self.units:
            found.append(unit.name)
            found += [m.name for m in self._units_merged_into(unit.name)]
        return found

    def _units_merged_into(self, name: str) -> Iterator[Merged]:
        """The units merged into ``name``, each followed by those merged into it (B into C, A into B: B, A).
        From a unit of the list this never meets a cycle: each merged unit joins one unit only."""
        for merged in self._joined.get(name, []):
            yield merged
            yield from self._units_merged_into(merged.name)

    def suggest(self, name: str) -> str | None:
        """The nearest known name: a renamed unit's new name, else the unit ``name`` is a short form of, one
        whose name holds it, or the closest spelling (``unitnames``)."""
        renamed = self.renamed_to(name)
        if renamed:
            return self.current_name(renamed.new)
        from zhijiao_check.unitnames import nearest_unit  # a misspelt name only: not loaded by every run

        return nearest_unit(name, (unit.name for unit in self.units))


T = TypeVar("T")


def _index(items: Iterable[T], key: Callable[[T], str | None]) -> dict[str, T]:
    """``items`` by ``key`` (none where it is None): the first of several with one key, as a search finds."""
    found: dict[str, T] = {}
    for item in items:
        if (value := key(item)) is not None:
            found.setdefault(value, item)
    return found
