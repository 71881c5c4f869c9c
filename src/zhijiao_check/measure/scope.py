"""What a rule sees: one report (unit and school rules) or all reports of a year (city rules).

Kinds read fields and items through a Scope, so the same rule kind works for one unit or the whole city.
Every value comes with the ``file:line`` it was read from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from zhijiao_check.records import record
from zhijiao_check.wording import Wording, msg, seq

if TYPE_CHECKING:
    from zhijiao_check.report import ReportFile

CITY_BLOCK = "city."
SCHOOL_COLLECTIONS = ("schools", "majors", "enterprise_practice")


@record
class Location:
    file: str
    line: int
    column: int
    cell: str = ""  # in a workbook: ``学校!F7（在校生）``

    def __str__(self) -> str:
        return f"{self.file}:{self.cell or self.line}"


def locate(report: ReportFile, path: tuple[str | int, ...]) -> Location:
    positions = report.positions
    # The value's own place first: a value read is nearly always there (``Positions.nearest`` looks further).
    line, column = positions.values.get(path) or positions.nearest(path)
    return Location(report.file, line, column, positions.cell(path) if positions.cells else "")


@cache  # a rule pack names a few hundred fields, read hundreds of thousands of times in a large run
def split(field: str) -> tuple[str, ...]:
    return tuple(field.split("."))


@cache  # resolved once per field name, not once per item read
def reader(field: str) -> Callable[[Item], Any]:
    """What reads ``field`` of an item: ``school.<field>`` of the school it belongs to; ``name`` of an entry
    of a list of names is the entry itself."""
    if field.startswith("school."):
        school_path = split(field[len("school.") :])
        if len(school_path) > 1:
            return lambda item: dig(item.school_data, school_path)
        school_key = school_path[0]

        def read_school(item: Item) -> Any:
            # one level too (``school.level``, which filters every major of a school rule): no walk
            school = item.school_data
            return school.get(school_key) if school.__class__ is dict else dig(school, school_path)

        return read_school
    path = split(field)
    if len(path) > 1:
        return lambda item: dig(item.data, path)
    key = path[0]
    names = field == "name"

    def read(item: Item) -> Any:
        # one level, the commonest read of all: an entry's field, or a list of names' entry itself
        data = item.data
        if data.__class__ is dict:
            return data.get(key)
        return data if names else dig(data, path)

    return read


@cache  # resolved once per field name, as ``reader``
def one_key(field: str) -> tuple[str | None, str | None]:
    """``(key, school_key)``: the key ``reader`` reads ``field`` by in the item's data (``enrollment``), or
    in its school's (``school.level``), when the field is one level deep and not a list entry's ``name``;
    else ``None``. What a loop over many items reads without calling the reader, whenever the data is a
    mapping (else it calls the reader, as for a deeper field)."""
    on_school = field.startswith("school.")
    below = split(field[len("school.") :]) if on_school else split(field)
    if len(below) != 1 or field == "name":
        return None, None
    return (None, below[0]) if on_school else (below[0], None)


@cache  # resolved once per field name, as ``reader``
def locator(field: str) -> Callable[[Item], Location]:
    """What locates ``field`` of an item: ``school.<field>`` in the school it belongs to."""
    path = split(field)
    school_path = split(field[len("school.") :]) if field.startswith("school.") else None

    def where(item: Item) -> Location:
        if school_path is not None and item.school_data is not None:
            return locate(item.report, (*item.path[:2], *school_path))
        return locate(item.report, (*item.path, *path))

    return where


# What locating items reads of their report before any report is met (``report_places``)
NO_PLACES: tuple[Any, Any, Any, str, bool] = (None, None, {}, "", False)


def report_places(report: Any) -> tuple[Any, Any, Any, str, bool]:
    """The report and what locating each of its items reads (its positions, their values, its file, whether
    it has cells), looked up once a report by the loops that locate many items (``places_of_items``)."""
    positions = report.positions
    return report, positions, positions.values, report.file, bool(positions.cells)


def places_of_items(items: Iterable[Item]) -> tuple[Location, ...]:
    """``item.location()`` of each item, in one loop: each report's places looked up once for its items."""
    located: list[Location] = []
    report, positions, values, file, cells = NO_PLACES
    for item in items:
        if item.report is not report:
            report, positions, values, file, cells = report_places(item.report)
        at = item.path
        line, column = values.get(at) or positions.nearest(at)
        located.append(Location(file, line, column, positions.cell(at) if cells else ""))
    return tuple(located)


def dig(data: Any, path: Sequence[str | int]) -> Any:
    """The value at ``path``, or ``None`` when any part is absent (report values are never null)."""
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


@record
class Reading:
    """One report's value of a field (``None``: absent), and where it is (``path``)."""

    report: ReportFile
    value: Any
    path: tuple[str | int, ...]

    @property
    def location(self) -> Location:
        # Made when asked for, not kept: a year's readings stay gathered while its rules run (``Scope``), and
        # a place for each is a tenth of what a large city-wide year holds.
        return locate(self.report, self.path)


@record
class Item:
    """One school, major, practice group or list entry, with the school it belongs to."""

    report: ReportFile
    path: tuple[str | int, ...]
    data: Any
    name: str
    school: str | None = None
    school_data: dict[str, Any] | None = None

    def get(self, field: str) -> Any:
        return reader(field)(self)

    def location(self, field: str | None = None) -> Location:
        return locate(self.report, self.path) if field is None else locator(field)(self)

    def path_of(self, field: str) -> tuple[str | int, ...]:
        """Where ``field`` of the item stands in its report: ``school.<field>`` in its school."""
        if field.startswith("school.") and self.school_data is not None:
            return (*self.path[:2], *split(field[len("school.") :]))
        return (*self.path, *split(field))

    def absent(self, field: str) -> str:
        """``field``, which the item does not give, named as ``absent_field`` names it, with the item."""
        named = absent_field(self.report, self.path_of(field), field)
        return f"{self.name}.{field}" if not self.report.positions.cells else f"{self.name} · {named}"


@record
class Absent:
    """A list a rule needs that a report, or one of its schools, does not give: the rule is missing data.

    ``school``: the school whose list it is, so that a filter on the school (``school.level``) can tell that
    the list could not hold a matching item anyway (``conditions.select``).
    """

    what: Wording
    location: Location
    school: Item | None = None


@record
class ItemSet:
    items: list[Item]
    absent: list[Absent]


class Scope:
    """The reports a rule is measured on, all of one year."""

    def __init__(self, reports: Sequence[ReportFile], year: int, city: bool) -> None:
        self.reports = list(reports)
        self.year = year
        self.city = city
        # Many rules read the same collections and fields of the same reports: each is gathered once.
        self._items: dict[str, ItemSet] = {}
        self._fields: dict[str, list[Reading]] = {}
        self._city: list[ReportFile] | None = None  # the reports that hold the ``city:`` block
        # where each report lists a collection, by its field: asked by each rule over it that finds no item
        self._listed: dict[str, tuple[Location, ...]] = {}

    def keep_only(self, still_read: frozenset[str]) -> None:
        """Let go of what was gathered for collections and fields under none of the top-level fields
        ``still_read`` (``roots``): no rule still to run on this scope reads them, and a city-wide year's
        majors alone are tens of thousands of items. What is let go would be gathered again if asked for."""
        for gathered in (self._items, self._fields, self._listed):
            for key in [key for key in gathered if root(key) not in still_read]:
                del gathered[key]

    def _sources(self, field: str) -> list[ReportFile]:
        # The `city:` block exists only in the 市本级 report.
        if field.startswith(CITY_BLOCK):
            if self._city is None:
                self._city = [r for r in self.reports if r.kind == "city"]
            return self._city
        return self.reports

    def named(self, report: ReportFile, what: Wording) -> Wording:
        """What is missing, with the unit it is missing from when the scope is the whole city."""
        if not self.city:
            return what
        return f"{report.unit}: {what}" if isinstance(what, str) else seq(f"{report.unit}: ", what)

    def field(self, field: str) -> list[Reading]:
        """Each report's value of ``field`` (the same list each time: not to be changed)."""
        if field not in self._fields:
            path = split(field)
            self._fields[field] = [Reading(r, dig(r.data, path), path) for r in self._sources(field)]
        return self._fields[field]

    def where_listed(self, collection: str) -> tuple[Location, ...]:
        """Where each report lists a collection (its ``schools:`` for majors and practice groups)."""
        field = "schools" if collection in SCHOOL_COLLECTIONS else collection
        listed = self._listed.get(field)
        if listed is None:
            listed = self._listed[field] = tuple(reading.location for reading in self.field(field))
        return listed

    def items(self, collection: str) -> ItemSet:
        """The items of ``collection`` in every report (the same set each time: not to be changed)."""
        if collection not in self._items:
            self._items[collection] = self._gather(collection)
        return self._items[collection]

    def _gather(self, collection: str) -> ItemSet:
        items: list[Item] = []
        absent: list[Absent] = []
        for report in self._sources(collection):
            if collection in SCHOOL_COLLECTIONS:
                found, lacking = _school_items(report, collection)
                items.extend(found)
                absent.extend(
                    Absent(self.named(report, what), school.location(), school) for what, school in lacking
                )
                continue
            path = split(collection)
            values = dig(report.data, path)
            if values is None:
                absent.append(Absent(self.named(report, collection), locate(report, path)))
                continue
            for index, value in enumerate(values):
                # Entries without a name (talent allowances) are told apart by their place in the list.
                name = (
                    value.get("name") or f"{value.get('role', collection)} #{index + 1}"
                    if isinstance(value, dict)
                    else value
                )
                items.append(Item(report, _path(*path, index), value, str(name)))
        return ItemSet(items, absent)


def root(field: str) -> str:
    """The top-level field of a field or collection a rule reads: ``schools[].level`` and ``schools`` →
    ``schools``, ``city.parks`` → ``city``. A school's collections (``majors``) are also read through
    ``schools`` (where each school lists them: ``Scope.where_listed``), which ``roots`` adds."""
    return field.partition(".")[0].partition("[")[0].strip()


def roots(fields: Iterable[str]) -> frozenset[str]:
    """The top-level fields (``root``) that reading ``fields`` (``rule.reads()``, alternatives ``a | b``
    included) gathers through a scope."""
    found = {root(alternative) for field in fields for alternative in field.split("|")}
    if not found.isdisjoint(SCHOOL_COLLECTIONS):
        found.add("schools")
    return frozenset(found)


@cache  # one path for the same place in every report: a large year holds tens of thousands of items
def _path(*parts: str | int) -> tuple[str | int, ...]:
    return parts


def absent_field(report: ReportFile, path: tuple[str | int, ...], field: str) -> str:
    """A field a report does not give, named for whoever wrote it: in a workbook (whose reader placed
    cells), by the label the template shows beside its cell (``高中阶段招生 · 普通高中招生``), since
    ``enrollment.general_high_school`` is nowhere on the clerk's sheets; in a YAML report, by its path."""
    if not report.positions.cells:
        return field
    from zhijiao_check.report.workbook.layout import column_at

    column = column_at(path)
    return column.header if column is not None else field


def _list_absent(report: ReportFile, school: str, key: str) -> Wording:
    """A school's list not given: its path in a YAML report; in a workbook (whose reader placed cells), the
    sheet to fill and the 无 to write, since ``东安县职业中等专业学校.majors`` speaks YAML to a clerk."""
    if not report.positions.cells:
        return f"{school}.{key}"
    majors = key == "majors"
    return msg(
        "engine.majors-not-in-sheet" if majors else "engine.enterprise-practice-not-in-sheet", school=school
    )


def _school_items(report: ReportFile, collection: str) -> tuple[list[Item], list[tuple[Wording, Item]]]:
    """The schools, majors or practice groups of a report,
    and the schools that do not give the list at all.
    """
    items: list[Item] = []
    lacking: list[tuple[Wording, Item]] = []
    for s_index, school in enumerate(report.data.get("schools", [])):
        school_path = _path("schools", s_index)
        school_name = school["name"]
        if collection == "schools":
            items.append(Item(report, school_path, school, school_name, school_name, school))
            continue
        key = "majors" if collection == "majors" else "enterprise_practice"
        if key not in school:
            as_item = Item(report, school_path, school, school_name, school_name, school)
            lacking.append((_list_absent(report, school_name, key), as_item))
            continue
        for index, entry in enumerate(school[key]):
            # groups have no names: their place
            name = entry["name"] if key == "majors" else f"{key}[{index}]"
            items.append(Item(report, _path(*school_path, key, index), entry, name, school_name, school))
    return items, lacking
