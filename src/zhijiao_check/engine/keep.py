"""What a large run keeps of each report once its own rules have scored it: the figures the city-wide rules
and the comparison with the year before read, and where each stands in the file.

A report is read whole, scored by its unit and school rules and rendered; after that only its year's
city-wide rules (``evaluate_city``) and the next year's report of its unit (``cross_year_warnings``) look at
it again. Keeping just the fields they read, and the positions of those fields, is what keeps a run of
10,000 reports in flat memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from zhijiao_check.located import Path_, Positions
from zhijiao_check.pack.load import RulePack
from zhijiao_check.report import ReportFile

# A field's path as a tree of keys: ``{"schools": {"[]": {"name": {}}}}``; an empty tree keeps all below it.
Tree = dict[str, "Tree"]

LIST = "[]"
# Read by every use of a kept report: its unit and year; by a list's entries: their names.
ALWAYS = ("unit", "year")
ENTRY_NAMES = ("name", "role")  # an entry without a name is told by its role (measure.scope.items)
# What ``report.consistency.cross_year_warnings`` compares with the year before.
CROSS_YEAR = (
    "pathway_3plus2.current",
    "pathway_3plus2.previous",
    "schools[].majors[].enrollment",
    "schools[].majors[].previous_enrollment",
)
# Collections a rule names that are lists inside each school (measure.scope.SCHOOL_COLLECTIONS).
IN_SCHOOLS = ("majors", "enterprise_practice")


def kept_fields(packs: Sequence[RulePack]) -> Tree:
    """The tree of every field the city-wide rules of ``packs`` read, and the year-before comparison's."""
    rules = [rule for pack in packs for rule in pack.rules if rule.scope == "city"]
    fields = [field for rule in rules for field in (*rule.reads(), *_filters(rule))]
    return tree([*ALWAYS, *CROSS_YEAR, *fields])


def _filters(model: Any) -> Iterator[str]:
    """The fields of the ``where`` conditions anywhere in a rule (``Items``, ``Sum``), which ``reads`` leaves
    out: the items they pass over still have to be told apart."""
    if isinstance(model, list):
        for value in model:
            yield from _filters(value)
        return
    fields = getattr(type(model), "model_fields", None)  # a pydantic model's
    if fields is None:
        return
    over, where = getattr(model, "over", None), getattr(model, "where", None)
    if isinstance(over, str) and where:
        for condition in where:
            yield from (f"{over}[].{f}" for f in (condition.field, condition.other) if f is not None)
    for name in fields:
        yield from _filters(getattr(model, name))


def tree(fields: Iterable[str]) -> Tree:
    """``schools[].level`` → ``{"schools": {"[]": {"level": {}, "name": {}, "role": {}}}}``; alternatives
    (``a | b``) are all kept; ``majors[].school.level`` is read from the major's school."""
    alternatives = [field.strip() for given in fields for field in given.split("|")]
    # A rule counting a collection names it bare (``schools``) besides its entries' fields: its entries count,
    # not all that they hold.
    lists = {field.partition(LIST)[0] for field in alternatives if LIST in field}
    root: Tree = {}
    for field in alternatives:
        node = root
        for part in _parts(field + LIST if field in lists else field):
            if part == LIST:
                node = node.setdefault(LIST, {})
                for name in ENTRY_NAMES:
                    node.setdefault(name, {})
            else:
                node = node.setdefault(part, {})
    return root


def _parts(field: str) -> list[str]:
    """``majors[].school.level`` → ``schools [] level``; ``city.park_funding[].amount`` →
    ``city park_funding [] amount``."""
    parts: list[str] = []
    for part in field.split("."):
        if part.endswith(LIST):
            parts += [part[: -len(LIST)], LIST]
        else:
            parts.append(part)
    if parts and parts[0] in IN_SCHOOLS:
        parts = ["schools", LIST, *parts]
        if parts[4:5] == ["school"]:  # the major's school: a field of the school itself
            parts = ["schools", LIST, *parts[5:]]
    return parts


def pruned(report: ReportFile, keep: Tree) -> ReportFile:
    """``report`` with only the data and positions under ``keep`` (a workbook's cells too); its warnings
    are dropped (the caller keeps them)."""
    positions = report.positions
    data = _data(report.data, keep)
    values = _marks(positions.values, keep)
    # A key's own place is read only where a list is pointed at as a whole (what the year before listed and
    # this year does not): every other place is the value's, which every value kept has.
    keys = {path: positions.keys[path] for path in values if path in positions.keys and _is_list(data, path)}
    cells = _marks(positions.cells, keep) if positions.cells else {}
    return ReportFile(report.file, data, Positions(values, keys, cells), ())


def _is_list(data: Any, path: Path_) -> bool:
    for part in path:
        data = data[part]
    return isinstance(data, list)


def _data(value: Any, keep: Tree) -> Any:
    if not keep:
        return value
    if isinstance(value, dict):
        return {key: _data(item, keep[key]) for key, item in value.items() if key in keep}
    if isinstance(value, list) and LIST in keep:
        return [_data(item, keep[LIST]) for item in value]
    return value


def _marks(marks: dict[Path_, Any], keep: Tree) -> dict[Path_, Any]:
    return {path: mark for path, mark in marks.items() if _wanted(path, keep)}


def _wanted(path: Path_, keep: Tree) -> bool:
    node = keep
    for part in path:
        if not node:
            return True
        found = node.get(LIST if isinstance(part, int) else part)
        if found is None:
            return False
        node = found
    return True


class Shared:
    """Kept reports share their paths and marks: most reports list schools and majors at the same paths, and
    a (line, column) pair recurs across files, so each is held once however many reports hold it."""

    def __init__(self) -> None:
        self.paths: dict[Path_, Path_] = {}
        self.marks: dict[Any, Any] = {}

    def __call__(self, report: ReportFile) -> ReportFile:
        positions = report.positions
        return ReportFile(
            report.file,
            report.data,
            Positions(self._shared(positions.values), self._shared(positions.keys), positions.cells),
            report.warnings,
        )

    def _shared(self, marks: dict[Path_, Any]) -> dict[Path_, Any]:
        paths, shared = self.paths, self.marks
        return {paths.setdefault(path, path): shared.setdefault(mark, mark) for path, mark in marks.items()}
