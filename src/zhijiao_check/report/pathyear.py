"""The year a report's path says, against the year the report gives.

A clerk files each year's reports in a folder named for the year (``2024/``, ``2025 报表/``) and often names
the file for it too (``宁远县 2025 报表.xlsx``, ``dongan-2024.xlsx``). A report whose ``year:`` says another
year (last year's file copied in and not updated, or a file put in the wrong folder) was scored silently
under that other year, and its unit named missing from the year its folder holds. The rule, kept simple
enough to say in the README:

- the path is the one the user gave (or found under the folder given), as the output shows it: a folder
  the user is in (``cd 2025 && zhijiao-check .``) is not part of it;
- the file name is read first, then its folders from the nearest up; the first that says one year decides;
- a part says a year when it holds exactly one year 2000–2100 (``REPORT_YEARS``), written as a number of
  its own: four digits, with no digit or Latin letter right before or after (``2025 报表``, ``2025年``,
  ``dongan-2024``; not ``20250``, ``v2024``); the same year twice is one year, two years say none
  (``2023-2024 对比``) and the search goes on up;
- a folder whose name holds a Latin letter says no year (``pytest-2024/``, ``backup-2023/``: such a name is
  as often a counter or a note as the year of what it holds), a file name may (``dongan-2024.yaml``).

Where no part of the path says another year, the run may: the year more than half of its valid reports give is
the run's year, and a unit's only report of another year whose path does not say its own year (one in its
year's folder is where it belongs: never named, though it counts for the run's year) was put among that year's
reports (祁阳市's 2022 report copied into the
folder of the city's 2023 run, ``qiyang.xlsx``; two or three such of 2022 among a folder of 2023's alike). It
is named beside its unit, missing from that year, as a report whose path says another year is
(``elsewhere``). Where there is no year more than half of the reports give (two of 2022 and two of 2023, say),
there is no run's year: which year a report was meant for is not told by the others.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from zhijiao_check.memo import BoundedMemo
from zhijiao_check.patterns import later
from zhijiao_check.problems import Problem
from zhijiao_check.records import record

# Four digits, not part of a longer number or of a Latin word (``v2024``, ``2024a``).
_YEAR = later(r"(?<![0-9A-Za-z])([0-9]{4})(?![0-9A-Za-z])")
_LATIN = later(r"[A-Za-z]")
_FIRST, _LAST = 2000, 2100
# The codes of the warnings made here (``diff`` shows them beside its comparison).
YEAR_CODES = (
    "year-differs-from-folder",
    "year-differs-from-file-name",
)  # as report.scalars.REPORT_YEARS, which is costly to import for this


_NO_PART = ("", ".", "..")  # no part of a path: ``a//b``, ``./a``, ``../a``


@record
class PathYear:
    """The year a part of a report's path says: ``part`` as written, whether it is the file's name."""

    year: int
    part: str
    is_file_name: bool


def path_year(file: str) -> PathYear | None:
    """The year ``file`` (a report's path as shown) says, by the rule of this module, or None."""
    text = file.replace("\\", "/")
    folders, _, name = text.rpartition("/")
    if name in _NO_PART:  # ends in a separator or a dot: its last part is that of its folders
        parts = _parts(text)
        if not parts:
            return None
        folders, name = "/".join(parts[:-1]), parts[-1]
    said = _one_year(_stem(name))
    if said is not None:
        return PathYear(said, name, True)
    return _FOLDER_YEARS[folders]


def _parts(text: str) -> list[str]:
    return [part for part in text.split("/") if part not in _NO_PART]


def _folder_year(folders: str) -> PathYear | None:
    """The year the folders of a path (``a/2024/b``) say, from the nearest up, or None."""
    for folder in reversed(_parts(folders)):
        if _LATIN.search(folder):
            continue
        said = _one_year(folder)
        if said is not None:
            return PathYear(said, folder, False)
    return None


# What the folders of a path say, by their text: the reports of a folder share it, and each report's path is
# read twice, for its warning and for the run (half a per cent of a bulk run, read anew each time).
_FOLDER_YEARS: BoundedMemo[str, PathYear | None] = BoundedMemo(_folder_year, limit=1_024)


def _stem(name: str) -> str:
    """The file's name without its suffixes (``.yaml``, ``.yaml.txt``): only the name says a year."""
    return name.split(".", 1)[0] if not name.startswith(".") else name


def _one_year(part: str) -> int | None:
    found = _YEAR.findall(part)
    if not found:  # most names
        return None
    years = {int(each) for each in found}
    in_range = {year for year in years if _FIRST <= year <= _LAST}
    return in_range.pop() if len(in_range) == 1 and len(years) == 1 else None


def year_warnings(file: str, year: object, at: tuple[int | None, int | None], cell: str) -> list[Problem]:
    """A warning, at the report's ``year`` (``at``, and ``cell`` in a workbook), when its path says
    another year than ``year``."""
    said = path_year(file)
    if said is None or type(year) is not int or year == said.year:
        return []
    params = {"year": year, "said": said.year, "part": said.part}
    return [
        Problem(
            file,
            at[0],
            at[1],
            "year",
            "year-differs-from-file-name" if said.is_file_name else "year-differs-from-folder",
            params,
            "warning",
            cell=cell,
        )
    ]


def elsewhere(reports: Sequence[object]) -> dict[tuple[str, int], tuple[str, int]]:
    """Of ``reports`` (with ``unit``, ``year`` and ``file``), those whose path says another year, or else the
    run (``off_year``, of the reports whose path does not say their own year): by (unit, the year the path or
    the run says), the file and the year it gives. The city-wide section names such a unit missing from that
    year with the file it filed."""
    found: dict[tuple[str, int], tuple[str, int]] = {}
    files: dict[tuple[str, int], str] = {}
    placed: list[tuple[str, int]] = []
    for report in reports:
        file, unit, year = (getattr(report, name) for name in ("file", "unit", "year"))
        said = path_year(file)
        if said is None or said.year != year:
            files[unit, year] = file
        else:
            placed.append((unit, year))
        if said is not None and said.year != year:
            found.setdefault((unit, said.year), (file, year))
    for (unit, year), run_year in off_year(files, placed).items():
        found.setdefault((unit, run_year), (files[unit, year], year))
    return found


def off_year(
    reports: Iterable[tuple[str, int]], placed: Iterable[tuple[str, int]] = ()
) -> dict[tuple[str, int], int]:
    """Of the (unit, year) of a run's valid ``reports`` whose path does not say their own year, each unit's
    only report of another year than the run's (the year more than half of all its reports give, ``placed``
    included: those filed in their own year's folder, which are where they belong and are never named, but
    say which year the run is of): by its unit and year, the run's year. A run with no year more than half
    of the reports give (half and half, say) has none such, nor has a unit that filed several reports: which
    year a report was meant for is not told by the others."""
    keys = list(reports)
    every = [*keys, *placed]
    per_unit = Counter(unit for unit, _ in every)
    years = Counter(year for _, year in every)
    if len(years) < 2:
        return {}
    ((run_year, count),) = years.most_common(1)
    if 2 * count <= years.total():
        return {}
    return {(unit, year): run_year for unit, year in keys if year != run_year and per_unit[unit] == 1}
