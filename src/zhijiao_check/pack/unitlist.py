"""The checks of a unit list (``units.yaml``) across its entries: a renaming and a merger must name units
the list has, each once. An entry that named nothing would silently never apply: a renaming to a name not in
the list let a report give the old name and be of no unit; a merged unit still in the list was expected every
year."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator

from zhijiao_check.pack.placed import pack_problem
from zhijiao_check.problems import Problem
from zhijiao_check.report.scalars import REPORT_YEARS
from zhijiao_check.source import Positions
from zhijiao_check.units import Merged, Renamed, Unit
from zhijiao_check.wording import Join

UNIT_LIST_KEYS = ("units", "renamed", "merged")


def unknown_keys(data: object, positions: Positions, file: str) -> list[Problem]:
    """A key the unit list does not have (``merge:`` for ``merged:``) was read as nothing: the merger it held
    never applied, and the merged unit's reports were refused."""
    return [
        pack_problem(
            file,
            positions.key((key,)) or positions.nearest((key,)),
            str(key),
            "units-unknown-key",
            key=key,
            nearest=nearest(str(key), list(UNIT_LIST_KEYS)),
            keys=Join(UNIT_LIST_KEYS),
        )
        for key in (data if isinstance(data, dict) else {})
        if key not in UNIT_LIST_KEYS
    ]


def nearest(name: str, names: list[str]) -> str:
    """The closest of ``names`` to ``name``, else the first."""
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.4)
    return close[0] if close else names[0] if names else ""


def unit_list_problems(
    units: list[Unit], renamed: list[Renamed], merged: list[Merged], positions: Positions, file: str
) -> list[Problem]:
    return list(_problems(units, renamed, merged, positions, file))


def _problems(
    units: list[Unit], renamed: list[Renamed], merged: list[Merged], positions: Positions, file: str
) -> Iterator[Problem]:
    listed = [unit.name for unit in units]
    former = {m.name for m in merged}  # units of the years before their merger

    def at(path: tuple[str | int, ...], code: str, **params: object) -> Problem:
        shown = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
        return pack_problem(file, positions.nearest(path), shown, code, **params)

    first: dict[str, tuple[str | int, ...]] = {}
    for index, unit in enumerate(units):
        path: tuple[str | int, ...] = ("units", index, "name")
        if unit.name in first:
            yield at(path, "unit-listed-twice", name=unit.name, first=positions.nearest(first[unit.name])[0])
        first.setdefault(unit.name, path)
    for index, entry in enumerate(merged):
        path = ("merged", index)
        if entry.name in first:
            where = positions.nearest(first[entry.name])[0]
            code = "merged-still-listed" if first[entry.name][0] == "units" else "merged-twice"
            yield at((*path, "name"), code, name=entry.name, first=where)
        first.setdefault(entry.name, (*path, "name"))
        if entry.into not in listed:
            close = nearest(entry.into, listed)
            yield at((*path, "into"), "merged-into-unknown", into=entry.into, nearest=close)
        elif entry.into == entry.name:
            yield at((*path, "into"), "merged-into-itself", name=entry.name)
        yield from _year(at, (*path, "year"), entry.year)
    for index, rename in enumerate(renamed):
        path = ("renamed", index)
        if rename.old in first:
            where = positions.nearest(first[rename.old])[0]
            code = "renamed-old-listed" if first[rename.old][0] != "renamed" else "renamed-twice"
            yield at((*path, "old"), code, old=rename.old, first=where)
        first.setdefault(rename.old, (*path, "old"))
        if rename.new == rename.old:
            yield at((*path, "new"), "renamed-to-itself", old=rename.old)
        elif rename.new not in listed and rename.new not in former:
            close = nearest(rename.new, [*listed, *former])
            yield at((*path, "new"), "renamed-new-unknown", new=rename.new, nearest=close)
        yield from _year(at, (*path, "year"), rename.year)


def _year(at: Callable[..., Problem], path: tuple[str | int, ...], year: int) -> Iterator[Problem]:
    """The year a renaming or merger takes effect: one a report may have (a report of no year could be
    before or after it)."""
    low, high = REPORT_YEARS
    if not low <= year <= high:
        yield at(path, "unit-change-year", year=year, low=low, high=high)
