"""The checks of a unit list (``units.yaml``) across its entries: a renaming and a merger must name units
the list has, each once, and a chain of mergers end at a unit of the list; a unit's ``since`` is a year; the
unit a merger joins exists in its year, and a renamed unit before its renaming (created, not merged away). An
entry that named nothing would silently never apply: a renaming to a name not in the list let a report give
the old name and be of no unit; a merged unit still in the list was expected every year; a second unit with
a code was never found by it."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields
from typing import Any

from zhijiao_check.pack.placed import pack_problem
from zhijiao_check.problems import Problem
from zhijiao_check.records import record
from zhijiao_check.report.scalars import REPORT_YEARS
from zhijiao_check.source import Positions
from zhijiao_check.units import Merged, Renamed, Unit
from zhijiao_check.wording import Join

UNIT_LIST_KEYS = ("units", "renamed", "merged")


def unknown_keys(data: object, positions: Positions, file: str) -> list[Problem]:
    """A key the unit list does not have (``merge:`` for ``merged:``) was read as nothing: the merger it held
    never applied, and the merged unit's reports were refused. So was a key an entry does not have
    (``sinse: 2024``, or ``since:`` of a merged unit before it could have one): the unit was expected, and
    missing, in the years before it was created. Both said in one pass: the entries looked at are those of the
    keys the list has, whatever else it has."""
    listed = data if isinstance(data, dict) else {}
    problems = [
        _unknown_key(
            file,
            positions.key((key,)) or positions.nearest((key,)),
            str(key),
            ("units-unknown-key", "units-unknown-key-none"),
            str(key),
            UNIT_LIST_KEYS,
        )
        for key in listed
        if key not in UNIT_LIST_KEYS
    ]
    return in_line_order([*problems, *_unknown_entry_keys(listed, positions, file)])


def _unknown_entry_keys(data: dict[Any, Any], positions: Positions, file: str) -> Iterator[Problem]:
    for listed, entry_type in zip(UNIT_LIST_KEYS, (Unit, Renamed, Merged), strict=True):
        entries = data.get(listed)
        keys = tuple(field.name for field in fields(entry_type))
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            for key in entry if isinstance(entry, dict) else {}:
                if key in keys:
                    continue
                path = (listed, index, key)
                where = positions.key(path) or positions.nearest(path)
                codes = ("units-entry-unknown-key", "units-entry-unknown-key-none")
                shown = f"{listed}[{index}].{key}"
                yield _unknown_key(file, where, shown, codes, str(key), keys, listed=listed)


def _unknown_key(
    file: str,
    where: tuple[int, int] | None,
    path: str,
    codes: tuple[str, str],
    key: str,
    keys: tuple[str, ...],
    /,
    **params: object,
) -> Problem:
    """``key``, which is none of ``keys``: the one it is near as what was meant (the first of ``codes``),
    else only the keys there are (the second). Near as a rule's key is (``pack.refused``): at the names'
    cutoff (0.4) ``sinse`` in a renaming was "did you mean new?", a key no likelier than the others."""
    close = difflib.get_close_matches(key, keys, n=1, cutoff=0.6)
    if close:
        return pack_problem(file, where, path, codes[0], key=key, nearest=close[0], keys=Join(keys), **params)
    return pack_problem(file, where, path, codes[1], key=key, keys=Join(keys), **params)


def nearest(name: str, names: list[str]) -> str:
    """The closest of ``names`` to ``name``, else the first."""
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.4)
    return close[0] if close else names[0] if names else ""


def unit_list_problems(
    units: list[Unit], renamed: list[Renamed], merged: list[Merged], positions: Positions, file: str
) -> list[Problem]:
    return in_line_order(_problems(units, renamed, merged, positions, file))


def in_line_order(problems: Iterable[Problem]) -> list[Problem]:
    """The problems by their place in the file, as a reader goes through it: the checks run list by list and
    key by key (a list's own unknown key, below an entry's, was said first)."""
    return sorted(problems, key=lambda problem: (problem.line or 0, problem.column or 0))


def _problems(
    units: list[Unit], renamed: list[Renamed], merged: list[Merged], positions: Positions, file: str
) -> Iterator[Problem]:
    listed = [unit.name for unit in units]
    former = {m.name for m in merged}  # units of the years before their merger
    cycled: set[str] = set()  # the merged units of a cycle said already (at its first entry)

    def at(path: tuple[str | int, ...], code: str, /, **params: object) -> Problem:
        shown = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
        return pack_problem(file, positions.nearest(path), shown, code, **params)

    # each unit one may join, with where its entry is: a unit of the list, or one merged in turn (a chain)
    joined: dict[str, _Joinable] = {
        **{unit.name: _Joinable(unit.since, None, ("units", index)) for index, unit in enumerate(units)},
        **{m.name: _Joinable(m.since, m, ("merged", index)) for index, m in enumerate(merged)},
    }

    first: dict[str, tuple[str | int, ...]] = {}
    # each code: the first name given it, the unit that is (its name now), and where
    coded: dict[str, tuple[str, str, tuple[str | int, ...]]] = {}

    def code_once(
        code: str | None, name: str, path: tuple[str | int, ...], unit: str | None = None
    ) -> Iterator[Problem]:
        """A code is one unit's: a report's code finds its unit (``UnitRegistry.coded``), and a second unit
        with the same code was never found by it (a report of it with the code taken as the first's).
        ``unit``: the unit ``name`` is, when another name of it (a former name's, the unit it was renamed):
        one unit giving one code under two names (a renaming that kept it, two former names with one) is no
        second."""
        if code is None:
            return
        if code in coded and coded[code][1] != (unit or name):
            other, _, where = coded[code]
            yield at(
                path, "unit-code-twice", code=code, name=name, first=other, line=positions.nearest(where)[0]
            )
        coded.setdefault(code, (name, unit or name, path))

    for index, unit in enumerate(units):
        path: tuple[str | int, ...] = ("units", index, "name")
        if unit.name in first:
            yield at(path, "unit-listed-twice", name=unit.name, first=positions.nearest(first[unit.name])[0])
        first.setdefault(unit.name, path)
        yield from code_once(unit.code, unit.name, ("units", index, "code"))
        if unit.since is not None:
            yield from _year(at, ("units", index, "since"), unit.since, "unit-since-year")
    for index, entry in enumerate(merged):
        path = ("merged", index)
        if entry.name in first:
            where = positions.nearest(first[entry.name])[0]
            code = "merged-still-listed" if first[entry.name][0] == "units" else "merged-twice"
            yield at((*path, "name"), code, name=entry.name, first=where)
        first.setdefault(entry.name, (*path, "name"))
        yield from code_once(entry.code, entry.name, (*path, "code"))
        if entry.into not in listed and entry.into not in former:  # or one merged in turn: A into B into C
            # a unit merged in turn is a unit to join too (a chain), so it may be the name meant
            close = nearest(entry.into, [*listed, *(name for name in former if name != entry.name)])
            yield at((*path, "into"), "merged-into-unknown", into=entry.into, nearest=close)
        elif entry.into == entry.name:
            yield at((*path, "into"), "merged-into-itself", name=entry.name)
        elif cycle := _cycle(entry, merged):
            if entry.name not in cycled:
                cycled.update(cycle)
                yield at((*path, "into"), "merged-in-a-cycle", name=entry.name, cycle=" → ".join(cycle))
        elif _is_year(entry.year):  # a year out of range is said as such, not compared
            yield from _joins_a_unit_then(at, (*path, "year"), entry, joined[entry.into], positions)
        yield from _year(at, (*path, "year"), entry.year)
        if entry.since is not None:
            since = (*path, "since")
            wrong = list(_year(at, since, entry.since, "unit-since-year"))
            yield from wrong
            if not wrong and entry.since >= entry.year:  # it would never report on its own: a year mistyped
                yield at(since, "merged-since-late", name=entry.name, since=entry.since, year=entry.year)
    for index, rename in enumerate(renamed):
        path = ("renamed", index)
        if rename.old in first:
            where = positions.nearest(first[rename.old])[0]
            code = "renamed-old-listed" if first[rename.old][0] != "renamed" else "renamed-twice"
            yield at((*path, "old"), code, old=rename.old, first=where)
        first.setdefault(rename.old, (*path, "old"))
        unknown = rename.new not in listed and rename.new not in former
        if rename.new == rename.old:
            yield at((*path, "new"), "renamed-to-itself", old=rename.old)
        elif unknown:
            close = nearest(rename.new, [*listed, *former])
            yield at((*path, "new"), "renamed-new-unknown", new=rename.new, nearest=close)
        elif _is_year(rename.year):
            yield from _renames_a_unit_then(at, (*path, "year"), rename, joined[rename.new], positions)
        yield from _year(at, (*path, "year"), rename.year)
        # an old code is a code too: a report's code finds the unit of the list with it first, so an old code
        # another unit has made a report of that unit's year before the renaming the other unit's. Not of a
        # renaming to no unit: whose code it is cannot be told (a kept code was "another unit's", a follow-on
        # of the slip in new).
        if not unknown:
            yield from code_once(rename.old_code, rename.old, (*path, "old_code"), rename.new)


@record
class _Joinable:
    """A unit a merger may name in ``into``: the year it was created (``since``), its own merger when it
    joined another in turn, and its entry's path (for the line a message names)."""

    since: int | None
    merger: Merged | None
    path: tuple[str | int, ...]


def _joins_a_unit_then(
    at: Callable[..., Problem],
    path: tuple[str | int, ...],
    entry: Merged,
    into: _Joinable,
    positions: Positions,
) -> Iterator[Problem]:
    """A merger joins a unit that exists in its year: created by then (``since``), and not yet merged into
    another itself. Otherwise the list contradicts itself: 金洞管理区 into 回龙圩管理区 in 2022 with
    回龙圩管理区 created in 2024 made 金洞管理区's figures of 2022 and 2023 a report no unit files (its own
    refused as merged, 回龙圩管理区's as not yet created); into a unit merged away in 2023, in 2025, it
    joined a unit that was gone. Said at the merger's ``year``, naming the line of the unit joined."""
    line = positions.nearest(into.path)[0]
    if into.since is not None and _is_year(into.since) and entry.year < into.since:
        yield at(
            path,
            "merged-into-not-yet",
            name=entry.name,
            year=entry.year,
            into=entry.into,
            since=into.since,
            line=line,
        )
    elif into.merger is not None and _is_year(into.merger.year) and entry.year >= into.merger.year:
        yield at(
            path,
            "merged-into-merged-away",
            name=entry.name,
            year=entry.year,
            into=entry.into,
            then=into.merger.year,
            holder=into.merger.into,
            line=line,
        )


def _renames_a_unit_then(
    at: Callable[..., Problem],
    path: tuple[str | int, ...],
    rename: Renamed,
    new: _Joinable,
    positions: Positions,
) -> Iterator[Problem]:
    """A renaming of a unit that exists before it, and is not merged away before it: a report of a year
    before the renaming gives the old name, as the unit's. A unit created (``since``) in the renaming's year
    or later had no year under the old name (each refused as not yet created); a renaming after the unit's
    merger named a unit already gone (its old name's reports of the years between refused as merged)."""
    line = positions.nearest(new.path)[0]
    if new.since is not None and _is_year(new.since) and rename.year <= new.since:
        yield at(
            path,
            "renamed-not-yet",
            old=rename.old,
            new=rename.new,
            year=rename.year,
            since=new.since,
            line=line,
        )
    elif new.merger is not None and _is_year(new.merger.year) and rename.year > new.merger.year:
        yield at(
            path,
            "renamed-after-merger",
            old=rename.old,
            new=rename.new,
            year=rename.year,
            then=new.merger.year,
            holder=new.merger.into,
            line=line,
        )


def _is_year(year: int) -> bool:
    low, high = REPORT_YEARS
    return low <= year <= high


def _cycle(entry: Merged, merged: list[Merged]) -> list[str]:
    """The units from ``entry`` back to it when following ``into`` through the merged units comes back
    (A into B, B into A: [A, B, A]); empty when it ends at a unit of the list. A cycle ends at no unit: its
    units' figures would be no report's, and finding the unit that holds them would never end."""
    into = {m.name: m.into for m in merged}
    chain = [entry.name]
    while (name := into.get(chain[-1])) is not None:
        chain.append(name)
        if name == entry.name:
            return chain
        if chain.count(name) > 1:  # a cycle further on, said at its own first entry
            return []
    return []


def _year(
    at: Callable[..., Problem], path: tuple[str | int, ...], year: int, code: str = "unit-change-year"
) -> Iterator[Problem]:
    """The year a renaming or merger takes effect, or a unit is created from (``since``): one a report may
    have (a report of no year could be before or after it)."""
    if not _is_year(year):
        low, high = REPORT_YEARS
        yield at(path, code, year=year, low=low, high=high)
