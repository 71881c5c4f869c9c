"""What a large run keeps of each report once its own rules have scored it: the figures the city-wide rules
and the comparison with the year before read, and where each stands in the file.

A report is read whole, scored by its unit and school rules and rendered; after that only its year's
city-wide rules (``evaluate_city``) and the next year's report of its unit (``cross_year_warnings``) look at
it again. Keeping just the fields they read, and the positions of those fields, is what keeps a run of
10,000 reports in flat memory.
"""

from __future__ import annotations

import dataclasses
import pickle
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from marshal import dumps, loads
from typing import Any, cast

from zhijiao_check.located import Mark, Path_, Positions
from zhijiao_check.memo import BoundedMemo
from zhijiao_check.pack.load import RulePack
from zhijiao_check.report import ReportFile

# A field's path as a tree of keys: ``{"schools": {"[]": {"name": {}}}}``; an empty tree keeps all below it.
Tree = dict[str, "Tree"]
# A tree as ``_data`` prunes by it (``_pruning``): a mapping whose fields are all kept whole, their names.
Pruning = dict[str, "Pruning"] | frozenset[str]

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
# The list ``cross_year_warnings`` points at as a whole, by its key, and each entry's majors (``_pointed``).
POINTED: Path_ = ("schools",)
# Layouts of kept paths a process holds (``Keep.layout``): a thousand generated reports hold 48; past this
# many, all are let go and made again as reports come (each some 5 KB).
LAYOUTS = 64
# Collections a rule names that are lists inside each school (measure.scope.SCHOOL_COLLECTIONS).
IN_SCHOOLS = ("majors", "enterprise_practice")


def kept_fields(packs: Sequence[RulePack]) -> Keep:
    """The tree of every field the city-wide rules of ``packs`` read, and the year-before comparison's."""
    rules = [rule for pack in packs for rule in pack.rules if rule.scope == "city"]
    fields = [field for rule in rules for field in (*rule.reads(), *_filters(rule))]
    return Keep(tree([*ALWAYS, *CROSS_YEAR, *fields]), tree([*ALWAYS, *fields]))


def _filters(model: Any) -> Iterator[str]:
    """The fields of the ``where`` conditions anywhere in a rule (``Items``, ``Sum``), which ``reads`` leaves
    out: the items they pass over still have to be told apart."""
    if isinstance(model, list):
        for value in model:
            yield from _filters(value)
        return
    if not dataclasses.is_dataclass(model):  # a record of the rule vocabulary, or a value
        return
    over, where = getattr(model, "over", None), getattr(model, "where", None)
    if isinstance(over, str) and where:
        for condition in where:
            yield from (f"{over}[].{f}" for f in (condition.field, condition.other) if f is not None)
    for field in dataclasses.fields(model):
        yield from _filters(getattr(model, field.name))


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


def pruned(report: ReportFile, keep: Keep) -> ReportFile:
    """``report`` with only the data and positions under ``keep`` (a workbook's cells too); its warnings
    are dropped (the caller keeps them)."""
    positions = report.positions
    data = _data(report.data, keep.pruning)
    values = _kept_marks(positions.values, keep)
    wanted = keep.wanted
    cells = {path: cell for path, cell in positions.cells.items() if wanted(path)} if positions.cells else {}
    return ReportFile(report.file, data, _positions(values, Marks.of(_pointed(data, positions)), cells), ())


def _pointed(data: Any, positions: Positions) -> list[tuple[Path_, Mark]]:
    """The keys' own places of the lists the year-before comparison points at as a whole (``POINTED``: the
    schools, and each school's majors, that the year before listed and this year does not), in the file's
    order. Every other place read of a kept report is a value's, which every value kept has
    (``Positions.nearest`` reads a key only for a path without a value): looking each kept path up among
    the keys and walking the data to it, to keep the key of every kept list, took as long as choosing the
    kept marks."""
    known, valued = positions.keys, positions.values
    schools = data.get("schools")
    if schools.__class__ is not list or POINTED not in known or POINTED not in valued:
        return []
    pointed = [(POINTED, known[POINTED])]
    for index, school in enumerate(schools):
        if school.__class__ is dict and school.get("majors").__class__ is list:
            path = (*POINTED, index, "majors")
            mark = known.get(path)
            if mark is not None and path in valued:
                pointed.append((path, mark))
    return pointed


def _kept_marks(marks: Mapping[Path_, Mark], keep: Keep) -> Marks:
    """The marks of the paths under ``keep``, chosen and laid out in one pass (a report holds some 130 values,
    of which some 85 are kept): each path's verdict, its number among the kept paths, read from ``Keep``'s
    memo without a call, and the line and column gathered as the paths are. The kept paths are known by
    their numbers (``Keep.layout``): most reports are laid out as another is, and their paths and the bytes
    they are written as (``Marks.plain``) are made once."""
    verdicts = keep.verdicts
    kept: list[int] = []
    numbers: list[int] = []
    for path, mark in marks.items():
        number = verdicts.get(path)
        if number is None:
            number = keep.judged(path)
        if number:
            kept.append(number)
            numbers += mark
    paths, written = keep.layout(tuple(kept))
    return Marks(paths, _array(numbers), written=written)


def _array(numbers: list[int]) -> array[int]:
    """Two bytes a number where every line and column fits (nearly every report), else four."""
    try:
        return array("H", numbers)
    except OverflowError:  # a line past 65,535: told by trying, without a pass for the largest
        return array("I", numbers)


def packed(report: ReportFile) -> bytes:
    """A kept report (``pruned``) as bytes to set aside: its fields, and its marks as the bytes of their paths
    (``Marks.plain``) and of their numbers. Written by marshal, which writes these plain values in some 70%
    of the instructions pickle takes and reads them in 90% (a kept report is read back twice, for its year and
    for the next one's comparison); pickled as its records, it took a third longer to write and half as long
    again to read."""
    values, keys = (cast(Marks, marks) for marks in (report.positions.values, report.positions.keys))
    return _written((report.file, report.data, values.plain(), keys.plain(), report.positions.cells), 4)


def unpacked(raw: bytes, shared: Shared | None = None) -> ReportFile:
    """What ``packed`` set aside; with ``shared``, its marks laid out over the paths and index that ``shared``
    holds for the reports laid out alike, known by their paths' bytes without reading them again."""
    file, data, values, keys, cells = _read(raw)
    marks = Marks.of_plain if shared is None else shared.marks
    return ReportFile(file, data, _positions(marks(*values), marks(*keys), cells), ())


def _written(value: Any, version: int) -> bytes:
    """``value`` by marshal, or pickled where marshal refuses one of its values (a date, which no kept field
    of a valid report holds): ``_read`` tells them apart by pickle's first byte, which no type of marshal's
    is."""
    try:
        return dumps(value, version)
    except ValueError:
        return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _read(raw: bytes) -> Any:
    return pickle.loads(raw) if raw[:1] == b"\x80" else loads(raw)


def _positions(values: Marks, keys: Marks, cells: dict[Path_, str]) -> Positions:
    # Marks is read-only and every reader of a kept report's positions only looks up, tests and iterates
    # (``located.Positions``' own methods, ``measure.scope.locate``, the year-before comparison).
    return Positions(cast(dict[Path_, Mark], values), cast(dict[Path_, Mark], keys), cells)


def _data(value: Any, keep: Pruning) -> Any:
    if not keep:
        return value
    if isinstance(value, dict):
        if isinstance(keep, frozenset):  # every field kept whole (a major, a park's funding)
            return {key: item for key, item in value.items() if key in keep}
        # a field kept whole (most are: a figure, a name) is taken as it is, without a call for it
        return {
            key: _data(item, below) if (below := keep[key]) else item
            for key, item in value.items()
            if key in keep
        }
    if isinstance(value, list) and LIST in keep and not isinstance(keep, frozenset):
        below = keep[LIST]
        return [_data(item, below) for item in value]
    return value


def _pruning(keep: Tree) -> Pruning:
    """``keep`` as ``_data`` prunes by it: a mapping whose fields are all kept whole is the set of their
    names, which a comprehension tests without looking up what is below each (an eighth of the pruning)."""
    if keep and not any(keep.values()):
        return frozenset(keep)
    return {key: _pruning(below) for key, below in keep.items()}


def _narrowed(city: Tree, kept: Tree) -> Tree:
    """``city`` over data pruned by ``kept`` already: a field that both keep alike is taken whole (pruning it
    again would make the same again)."""
    if not kept:
        return city
    return {
        key: {} if kept.get(key) == below else _narrowed(below, kept.get(key, {}))
        for key, below in city.items()
    }


class Keep:
    """The tree of fields kept (``kept_fields``), and whether a path is under it, worked out once for each
    path: most reports hold the same paths. ``city``: the fields of the city-wide rules alone, all that is
    kept of a report once it has been compared with the year before (``Shared``); ``pruning`` and
    ``city_of_kept``: the same as ``_data`` prunes by them, the latter over a kept report's data."""

    def __init__(self, tree: Tree, city: Tree) -> None:
        self.tree = tree
        self.city = city
        self.pruning = _pruning(tree)
        self.city_of_kept = _pruning(_narrowed(city, tree))
        # by path, 0 where it is not under ``tree``, else its number among the kept paths (``kept[number]``)
        self.verdicts: dict[Path_, int] = {}
        self.kept: list[Path_] = [()]
        # each layout of kept paths by their numbers: the paths, and their bytes (``Marks.plain``)
        self.layouts: BoundedMemo[tuple[int, ...], tuple[tuple[Path_, ...], bytes]] = BoundedMemo(
            limit=LAYOUTS
        )

    def wanted(self, path: Path_) -> bool:
        known = self.verdicts.get(path)
        return bool(self.judged(path) if known is None else known)

    def judged(self, path: Path_) -> int:
        """``path``'s verdict worked out and held (``verdicts``)."""
        if not _wanted(path, self.tree):
            self.verdicts[path] = 0
            return 0
        number = self.verdicts[path] = len(self.kept)
        self.kept.append(path)
        return number

    def layout(self, numbers: tuple[int, ...]) -> tuple[tuple[Path_, ...], bytes]:
        """The kept paths of ``numbers``, and their bytes; made once for each layout. Known by the paths'
        numbers, not the paths: looking a tuple of paths up took half of what writing them takes (70 million
        instructions for 1,000 reports, against 135)."""
        known = self.layouts.get(numbers)
        if known is None:
            kept = self.kept
            paths = tuple([kept[number] for number in numbers])
            known = self.layouts.keep(numbers, (paths, _written(paths, 2)))
        return known


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


class Marks(Mapping[Path_, Mark]):
    """Where each kept path stands, compactly: the paths in order (with ``Shared``, one tuple for all the
    reports laid out alike) and each one's line and column in one array of numbers. A dict of tuples costs
    about six times as much, and a large run holds a whole year of kept reports at once."""

    __slots__ = ("_index", "_numbers", "_written", "paths")

    def __init__(
        self,
        paths: tuple[Path_, ...],
        numbers: array[int],
        index: dict[Path_, int] | None = None,
        written: bytes | None = None,
    ) -> None:
        self.paths = paths
        self._numbers = numbers
        self._index = index
        self._written = written  # the paths' bytes (``plain``) where they are known already

    @classmethod
    def of(cls, marks: Iterable[tuple[Path_, Mark]]) -> Marks:
        paths: list[Path_] = []
        numbers: list[int] = []
        for path, (line, column) in marks:
            paths.append(path)
            numbers.append(line)
            numbers.append(column)
        return cls(tuple(paths), _array(numbers))

    def plain(self) -> tuple[bytes, tuple[str, bytes]]:
        """The paths' bytes, and the numbers' type and bytes: what ``of_plain`` makes the same marks of. The
        paths are written by marshal's version 2, which writes neither shared references nor which texts are
        interned: equal paths give equal bytes, which know a layout (``Shared.marks``)."""
        written = self._written if self._written is not None else _written(self.paths, 2)
        return written, (self._numbers.typecode, self._numbers.tobytes())

    @classmethod
    def of_plain(cls, paths: bytes, numbers: tuple[str, bytes]) -> Marks:
        return cls(_read(paths), array(*numbers))

    def index(self) -> dict[Path_, int]:
        """Each path's place in ``paths`` (made when first read)."""
        if self._index is None:
            self._index = {path: at for at, path in enumerate(self.paths)}
        return self._index

    def __getitem__(self, path: Path_) -> Mark:
        at = 2 * self.index()[path]
        return self._numbers[at], self._numbers[at + 1]

    def get(self, path: Path_, default: Any = None) -> Any:
        # a miss is common (``Positions.nearest`` walks up a path): no exception for it, as Mapping's has.
        # The index without a call where it is made (a kept report read back has it: ``Shared.marks``): a
        # city-wide year places some 9,000 figures this way.
        index = self._index
        at = (self.index() if index is None else index).get(path)
        if at is None:
            return default
        numbers = self._numbers
        return numbers[2 * at], numbers[2 * at + 1]

    def __contains__(self, path: object) -> bool:
        index = self._index
        return path in (self.index() if index is None else index)

    def __iter__(self) -> Iterator[Path_]:
        return iter(self.paths)

    def __len__(self) -> int:
        return len(self.paths)

    def __reduce__(self) -> tuple[Any, ...]:
        return Marks, (self.paths, self._numbers)

    def laid_out(self, paths: tuple[Path_, ...], index: dict[Path_, int]) -> Marks:
        """The same marks over ``paths`` (equal to this one's), with their ``index``."""
        return Marks(paths, self._numbers, index)


# Bytes of an entry beyond which ``Shared`` knows it by their digest (as marshal writes them, a major of a
# generated report takes 64 to 148 bytes, a school 500 to 1,100, a report 250 to 8,200).
_LONG = 128


class Shared:
    """Kept reports share their paths: most reports list schools and majors at the same paths, in the same
    order, so each path, and each order of them with its index, is held once however many reports hold it.
    ``fields``: the fields to keep of each report's data, as ``_data`` prunes by them (all when None)."""

    def __init__(self, fields: Pruning | None = None) -> None:
        self.fields = fields
        self.paths: dict[Path_, Path_] = {}
        self.layouts: dict[tuple[Path_, ...], Marks] = {}
        # each layout's paths by their identity (held by ``layouts`` as long as this is)
        self.held: dict[int, tuple[Path_, ...]] = {}
        self.written: dict[bytes, Marks] = {}  # each layout by its paths' bytes (``marks``)
        self.texts: dict[str, str] = {}
        # ``_once``: each entry held, by what marshal writes of it; a long one by that text's digest
        self.entries: dict[bytes, Any] = {}
        self.long: dict[bytes, Any] = {}
        # CPython's own, as engine.duplicates digests reports (hashlib's loads OpenSSL's library); imported
        # once here, not at each digest (an import statement costs as much as the digest of a school)
        from _blake2 import blake2b

        self.blake2b = blake2b

    def __call__(self, report: ReportFile) -> ReportFile:
        positions = report.positions
        return ReportFile(
            report.file,
            self._report_data(report.data, self.fields),
            _positions(self._shared(positions.values), self._shared(positions.keys), positions.cells),
            report.warnings,
            report.written_unit,
        )

    def _data(self, value: Any, keep: Pruning | None) -> Any:
        """``value`` with what ``keep`` names (all when None or empty, as ``pruned`` keeps), each entry and
        list held once for all the reports (``_once``), and each text in what is not (a key, a name, a
        designation): unpickled, every report has its own copy of every key."""
        return self._once(_data(value, keep) if keep else value)

    def _report_data(self, value: Any, keep: Pruning | None) -> Any:
        """``_data`` of a report's data, which as a whole is not looked up: no other kept report of a year is
        equal to it (each is its unit's), and writing and digesting all of it (some 2 KB) for nothing cost
        a sixth of sharing it. Each entry of it is held once as ``_data`` holds it."""
        value = _data(value, keep) if keep else value
        if value.__class__ is not dict:
            return self._once(value)
        once, texts = self._once, self.texts
        return {
            (texts.setdefault(k, k) if k.__class__ is str else k): once(item) for k, item in value.items()
        }

    def _once(self, value: Any) -> Any:
        """``value``, or one equal to it held already: a major in the same cluster at school after school, a
        unit's own fields, the same majors at two schools. A year's kept reports are all held at once while
        its city-wide rules run (a 10,000-report run holds 1,400 at a time): each distinct entry once is a
        third less of what they hold (2.5 MiB at that peak). A kept report is only read.

        Looked up from the top by what marshal writes of it, in C: an entry held already is found without
        walking what it holds (most are: 13,800 entries of a year of 500 generated reports are 1,500
        distinct), where building each entry's key from its values' types and its entries' identities, bottom
        up, took two and a half times as long. Equal bytes are equal values, type for type (``1``, ``True``
        and ``1.0`` are written apart) and key order for key order; version 2 writes neither shared
        references nor which texts are interned, which would set equal values apart. A long entry (a report,
        a school) is known by a 16-byte digest of its bytes, as ``engine.duplicates`` knows a report's
        contents: held whole, the bytes of a year's reports took nearly as much room again as the reports.
        What marshal cannot write (a date, which no kept field of a valid report holds) is held for itself,
        its entries once."""
        kind = value.__class__
        if kind is not dict and kind is not list:
            return self.texts.setdefault(value, value) if kind is str else value
        try:
            written = dumps(value, 2)
        except ValueError:
            among = None
        else:
            among, key = (
                (self.entries, written)
                if len(written) <= _LONG
                else (self.long, self.blake2b(written, digest_size=16).digest())
            )
            held = among.get(key)
            if held is not None:
                return held
        once, texts = self._once, self.texts
        if kind is dict:
            made: Any = {
                (texts.setdefault(k, k) if k.__class__ is str else k): once(item) for k, item in value.items()
            }
        else:
            made = [once(item) for item in value]
        if among is not None:
            among[key] = made
        return made

    def marks(self, paths: bytes, numbers: tuple[str, bytes]) -> Marks:
        """``Marks.of_plain`` of a report read back (``unpacked``), laid out as ``_shared`` lays it out: a
        layout already held is known by its paths' bytes, without reading them again or indexing them (most
        reports of a year are laid out as another is: a thousand generated reports hold 48 layouts)."""
        layout = self.written.get(paths)
        if layout is None:
            layout = self.written[paths] = self._shared(Marks.of_plain(paths, numbers))
        return Marks(layout.paths, array(*numbers), layout.index())

    def _shared(self, marks: Mapping[Path_, Mark]) -> Marks:
        own = marks if isinstance(marks, Marks) else Marks.of(marks.items())
        if own._index is not None and self.held.get(id(own.paths)) is own.paths:
            # laid out here already (``marks``): its paths not looked up again, a tuple of some 85 paths
            # whose hash Python works out anew, path by path, at each lookup
            return own
        layout = self.layouts.get(own.paths)
        if layout is None:
            paths = tuple(self.paths.setdefault(path, path) for path in own.paths)
            layout = self.layouts[paths] = Marks(paths, own._numbers)
            self.held[id(paths)] = paths
        return own.laid_out(layout.paths, layout.index())
