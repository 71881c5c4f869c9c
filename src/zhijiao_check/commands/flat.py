"""``check`` in JSON, JUnit and SARIF, in flat memory: each report scored, rendered and set aside in turn.

A report's own rules read that report alone, and its entry in the JSON document depends on nothing else but
its rank, which is known only once its year is whole. So each report is loaded, scored and written as its
entry (without the rank) in turn, in worker processes with ``--jobs``; the entry and the few figures its
unit's trends need go to a temporary spool file, and the run keeps of the report only what the city-wide
rules and the year-before comparison read (``engine.keep``). Each city-wide result goes to the spool as soon
as it is made, then its year's entry; each warning too. The document is then written piece by piece, each
entry read back from the spool: the same bytes as the whole document gives (``document``), in memory that
does not grow with the reports. JUnit and SARIF read the same document, an entry at a time, and a city-wide
result's places and items a batch at a time (``jsontext.entries_of``). Workers send back only these compact
records, not the report and its results.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from itertools import chain, islice
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple, cast

from zhijiao_check.document import city, header, invalid, ranked, report, result, trend, unit_trends
from zhijiao_check.engine.evaluate import duplicate, evaluate_city, evaluate_report, unit_order
from zhijiao_check.engine.keep import Keep, Shared, kept_fields, packed, pruned, unpacked
from zhijiao_check.engine.trend import METHOD, city_trends
from zhijiao_check.engine.trend import unit_trends as trends_of_unit
from zhijiao_check.errors import FatalError, os_reason
from zhijiao_check.i18n import Translator
from zhijiao_check.jsontext import PLAIN, Lazy, Spooled, Written, chunks, encoded, loads
from zhijiao_check.output import Streamed, write_all
from zhijiao_check.records import record
from zhijiao_check.renderers import RenderOptions, own_options
from zhijiao_check.report import InvalidReport, ReportFile, load_report
from zhijiao_check.status import ExitCode, failing
from zhijiao_check.units import CITY_WIDE

if TYPE_CHECKING:
    from zhijiao_check.engine.results import ReportEvaluation, RuleResult
    from zhijiao_check.pack.load import RulePack
    from zhijiao_check.problems import Problem
    from zhijiao_check.report.roster import Roster
    from zhijiao_check.settings.waivers import Excuser, Waiver
    from zhijiao_check.wording import Wording

# Each report's entry stands at this depth in the document (top level, "reports", the entry); each unit's
# trends one deeper (top level, "trends", "units", the entry).
DEPTH = 2
_UNIT_DEPTH = 3
_NO_RANK = b"null\n" + b"  " * DEPTH + b"}"
PIECE = 1 << 16  # bytes read back from the spool at a time
_LISTS = ("locations", "items")  # a city-wide result's lists, which a view reads a batch at a time
# Reports read, then scored, then written as entries, this many at a time in one process: each step's code and
# data stay in the processor's caches over several reports (a few per cent of a bulk run on a busy machine),
# and a batch is small enough that memory stays flat.
BATCH = 16


@record
class Flat:
    """What a flat run needs besides the reports: the same as ``commands.check.run`` uses."""

    packs: Sequence[RulePack]
    selected: set[str] | None
    strict: bool
    tr: Translator
    roster: Roster | None
    excuse: Excuser | None


@record
class Scored:
    """A valid report once scored: what a worker sends back."""

    file: str
    unit: str
    kind: str
    year: int
    warnings: tuple[Problem, ...]
    score: float | None
    fails: bool
    entry: bytes  # the document's entry, ``"rank": null``, indented at ``DEPTH``
    figures: bytes  # the trends' figures: (rule's place, observed, status, target) per result, pickled
    kept: bytes  # the report as the city-wide rules read it (engine.keep), packed
    used: frozenset[Waiver]  # the waivers that excused one of its results


class _Result(NamedTuple):
    """A city-wide result in the spool: where its text is (start, size); with ``_Spool.views``, also where
    the views read it from (``view``: its fields but its places and items, then those ``PLAIN`` at a time,
    start and size in turn), so that a result of a large run is never read back whole."""

    at: int
    size: int
    view: tuple[tuple[int, int], array[int], array[int]] | None

    def moved(self, by: int) -> _Result:
        """The same result ``by`` bytes further on in the spool."""
        if self.view is None:
            return self._replace(at=self.at + by)
        (head, size), locations, items = self.view
        return _Result(self.at + by, self.size, ((head + by, size), _moved(locations, by), _moved(items, by)))


def _moved(spans: array[int], by: int) -> array[int]:
    """Spans (start, size in turn) ``by`` bytes further on."""
    moved = array("q", spans)
    moved[::2] = array("q", [start + by for start in spans[::2]])
    return moved


class _City(NamedTuple):
    """A city-wide year's entry in the spool: where its text is, what it says besides its results, and where
    each result is."""

    at: int
    size: int
    head: dict[str, Any]
    results: list[_Result]

    def moved(self, by: int) -> _City:
        """The same entry ``by`` bytes further on in the spool."""
        return self._replace(at=self.at + by, results=[one.moved(by) for one in self.results])


class Refused(NamedTuple):
    """A report the roster refuses (listed after the reports invalid in themselves)."""

    invalid: InvalidReport


@dataclass(slots=True)
class _Kept:
    """What the run holds of a report while the others are read: the rest is in the spool, its file's name
    too (read back from its kept report when a second report of its unit and year names it)."""

    unit: str
    kind: str
    year: int
    warnings: tuple[Problem, ...]
    score: float | None
    fails: bool
    number: int  # what the spool knows its entry, its figures and its kept report by (``_Spool.keep``)


class _Figure(NamedTuple):
    """One result as the trends read it (``engine.trend.trends_of``)."""

    rule: Any
    observed: Any
    status: str
    value: Any

    @property
    def target(self) -> dict[str, Any]:
        return {"value": self.value}


class _Year(NamedTuple):
    """One evaluation as the trends read it."""

    year: int
    unit: str
    kind: str
    results: tuple[_Figure, ...]
    units_missing: tuple[str, ...] = ()


def run_flat(
    flat: Flat,
    files: list[tuple[Path, str]],
    unreadable: Sequence[InvalidReport],
    jobs: int,
    outputs: Sequence[tuple[str, Path | None]],
    options: RenderOptions,
    previous: Callable[[], tuple[list[ReportFile], list[Wording]]],
) -> ExitCode:
    """Score ``files`` and write each of ``outputs`` (format, file: ``STREAMED`` formats); the exit status.
    ``previous``: the earlier reports (``--previous``) and the notices of those refused, read after the
    reports as the whole run does. ``files`` is emptied: the run holds them as text (``_listed``)."""
    from zhijiao_check.commands.inputs import _progress_of
    from zhijiao_check.processes import in_parallel, ordered_map

    rules = [rule for pack in flat.packs for rule in pack.rules]
    places = {id(rule): index for index, rule in enumerate(rules)}
    keep = kept_fields(flat.packs)
    work = _scorer(flat, places, keep)
    listed = _listed(files)
    with _spool_file() as file:
        spool = _Spool(file, rules, views=any(name != "json" for name, _ in outputs))
        kept: list[_Kept] = []
        loaded: list[InvalidReport] = []
        refused: list[InvalidReport] = []
        duplicates: list[InvalidReport] = []
        # Each report kept, by year and unit (no tuple a report for the key): a second one of the same unit
        # and year is refused; the year-before comparison looks a report's unit up here.
        seen: dict[int, dict[str, _Kept]] = {}
        # A unit's name, a kind and a year held once, not once for each of ten thousand reports; a score too
        # (a few dozen differ: each one a float of its own was 0.2 MiB of a 10,000-report run).
        names: dict[Any, Any] = {}
        scores: dict[float | None, float | None] = {}
        size = 1 if in_parallel(len(listed), jobs) else BATCH
        batches = [listed[at : at + size] for at in range(0, len(listed), size)]
        scored = (done for batch in ordered_map(work, batches, jobs) for done in batch)
        for done in _progress_of(scored, len(listed)):
            if isinstance(done, InvalidReport):
                loaded.append(done)
            elif isinstance(done, Refused):
                refused.append(done.invalid)
            elif done.unit in seen.get(done.year, {}):
                first = spool.report(seen[done.year][done.unit]).file
                duplicates.append(duplicate(unpacked(done.kept), first))
            else:
                unit, kind, year = (
                    names.setdefault(name, name) for name in (done.unit, done.kind, done.year)
                )
                if flat.excuse is not None:
                    flat.excuse.used |= done.used
                number = spool.keep(done.entry, done.figures, done.kept)
                score = scores.setdefault(done.score, done.score)
                one = _Kept(unit, kind, year, done.warnings, score, done.fails, number)
                seen.setdefault(year, {})[unit] = one
                kept.append(one)
        del listed, batches  # some 70 bytes a file besides its name, which its report keeps
        earlier, notices = previous()
        invalid = [*unreadable, *loaded, *refused, *duplicates]
        by_file = any(name == "junit" for name, _ in outputs)
        document, warnings, code = _document(
            flat, spool, (kept, seen, keep), invalid, earlier, notices, by_file, jobs
        )
        write_all(
            [(_text(name, flat, document, warnings, options, target), target) for name, target in outputs]
        )
    return code


def _text(
    name: str,
    flat: Flat,
    document: Callable[[], dict[str, Any]],
    warnings: _Warnings,
    options: RenderOptions,
    target: Path | None,
) -> Streamed:
    """Format ``name`` of the document, written as it is read back from the spool."""
    if name == "junit":
        from zhijiao_check.renderers.junit import suites

        fails = failing(flat.strict)
        return Streamed(
            lambda: (
                piece.encode("utf-8", errors="backslashreplace")
                for piece in suites(document(), fails, flat.tr, warnings.of)
            )
        )
    if name == "sarif":
        from zhijiao_check.renderers.sarif import SarifRenderer

        sarif = SarifRenderer(flat.tr, own_options(options, target))
        return Streamed(lambda: sarif.pieces(document(), flat.packs, failing(flat.strict)))
    return Streamed(lambda: chain(chunks(document()), [b"\n"]))  # as renderers.json ends it


def _listed(files: list[tuple[Path, str]]) -> list[tuple[str, str]]:
    """Each file's path and the name it is shown by, as text, taken out of ``files`` (the caller's list, which
    it leaves empty): a ``Path`` holds each part of its path apart, some 600 bytes a file for the whole run. A
    name that is the path's own text is the same string."""
    listed = []
    for path, name in files:
        text = str(path)
        listed.append((text, text if name == text else name))
    files.clear()
    return listed


def _scorer(
    flat: Flat, places: dict[int, int], keep: Keep
) -> Callable[[Sequence[tuple[str, str]]], list[Any]]:
    """The work done for a batch of files (``BATCH``; one file at a time in each worker process with
    ``--jobs``)."""
    units = flat.packs[0].units
    failing_statuses = failing(flat.strict)

    def admitted(loaded: ReportFile | InvalidReport) -> ReportFile | InvalidReport | Refused:
        if flat.roster is None or not isinstance(loaded, ReportFile):
            return loaded
        from zhijiao_check.report.roster import missing_schools

        errors = missing_schools(loaded, flat.roster)
        return Refused(InvalidReport(loaded.file, (*errors, *loaded.warnings))) if errors else loaded

    def scored(loaded: ReportFile, evaluation: ReportEvaluation) -> Scored:
        figures = _figures(evaluation, places)
        used: frozenset[Waiver] = frozenset()
        if flat.excuse is not None:
            before = set(flat.excuse.used)
            evaluation = flat.excuse(evaluation, evaluation.unit)
            used = frozenset(flat.excuse.used - before)
        return Scored(
            loaded.file,
            loaded.unit,
            loaded.kind,
            loaded.year,
            loaded.warnings,
            evaluation.score,
            any(r.status in failing_statuses for r in evaluation.results),
            encoded(report(evaluation, flat.tr), DEPTH),
            _pickled(figures),
            packed(pruned(loaded, keep)),
            used,
        )

    def work(batch: Sequence[tuple[str, str]]) -> list[Scored | InvalidReport | Refused]:
        """Each step over the whole batch in turn; what each file gave, in order."""
        loaded = [admitted(load_report(Path(path), units, name)) for path, name in batch]
        evaluations = {
            index: evaluate_report(one, flat.packs, flat.selected)
            for index, one in enumerate(loaded)
            if isinstance(one, ReportFile)
        }
        return [
            scored(one, evaluations[index]) if isinstance(one, ReportFile) else one
            for index, one in enumerate(loaded)
        ]

    return work


def _numeric(value: Any) -> Any:
    """What a trend reads of an observed value (``engine.trend``): a number, a flag, or None."""
    return value if value is None or isinstance(value, int | float) else None


def _pickled(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _spool_file() -> IO[bytes]:
    try:
        return tempfile.TemporaryFile(prefix="zhijiao-check-")
    except OSError as error:
        raise _spool_failed(error) from None


def _spool_failed(error: OSError) -> FatalError:
    """A full or unwritable temporary folder is the machine's state, not a bug: exit 2, saying where."""
    return FatalError("spool-failed", folder=tempfile.gettempdir(), reason=os_reason(error))


class _Spool:
    """A temporary file of what each report and city-wide year left: written once, read back in pieces."""

    def __init__(self, file: IO[bytes], rules: Sequence[Any], views: bool) -> None:
        """``views``: a view (JUnit, SARIF) reads the city-wide results as values, not only as text."""
        self.file = file
        self.views = views
        self.rules = rules
        self.end = 0
        self.parts = array("q")  # where each report's parts start, and where the last one ends (``keep``)

    def add(self, *parts: bytes) -> int:
        """Where ``parts`` start, written one after the other."""
        at = self.end
        try:
            for part in parts:
                self.file.write(part)
                self.end += len(part)
        except OSError as error:
            raise _spool_failed(error) from None
        return at

    def keep(self, entry: bytes, figures: bytes, kept: bytes) -> int:
        """A report's entry, figures and kept report written; the number to read them back by."""
        number = len(self.parts) // 4
        self.parts.append(self.add(entry, figures, kept))
        for size in (len(entry), len(figures), len(kept)):
            self.parts.append(self.parts[-1] + size)
        return number

    def part(self, kept: _Kept, which: int) -> bytes:
        """A kept report's entry (0), figures (1) or kept report (2)."""
        at = 4 * kept.number + which
        return self.read(self.parts[at], self.parts[at + 1] - self.parts[at])

    def read(self, at: int, size: int) -> bytes:
        try:
            self.file.flush()
            return os.pread(self.file.fileno(), size, at)
        except OSError as error:
            raise _spool_failed(error) from None

    def flush(self) -> None:
        """Everything written so far in the file: before forking, so that no worker inherits it unwritten
        (and writes it again)."""
        try:
            self.file.flush()
        except OSError as error:
            raise _spool_failed(error) from None

    def copy(self, other: _Spool, size: int) -> int:
        """The first ``size`` bytes of ``other`` (a worker's spool) written here, a piece at a time; where
        they start."""
        at = self.end
        for piece in other.pieces(0, size):
            self.add(piece)
        return at

    def value(self, at: int, size: int) -> Any:
        """What ``read(at, size)`` says, read as JSON."""
        return loads(self.read(at, size))

    def viewed(self, one: _Result) -> dict[str, Any]:
        """A city-wide result as a view reads it: its places and items ``Lazy``, read back as they are read
        (``jsontext.entries_of``)."""
        if one.view is None:
            return cast(dict[str, Any], self.value(one.at, one.size))
        head, *lists = one.view
        value: dict[str, Any] = self.value(*head)
        for key, spans in zip(_LISTS, lists, strict=True):
            value[key] = Lazy(partial(self._entries, spans))
        return value

    def _entries(self, spans: array[int]) -> Iterator[Any]:
        for index in range(0, len(spans), 2):
            yield from self.value(spans[index], spans[index + 1])

    def written(self, entries: Iterable[Any], depth: int) -> array[int]:
        """Each of ``entries`` written as a list's entries ``depth`` deep are (``Written``), and where each
        is (start, size in turn): ``read_written`` reads them back."""
        spans = array("q")
        for entry in entries:
            text = encoded(entry, depth)
            spans.extend((self.add(text), len(text)))
        return spans

    def read_written(self, spans: array[int]) -> Iterator[Written]:
        for index in range(0, len(spans), 2):
            yield Written(self.read(spans[index], spans[index + 1]))

    def pieces(self, at: int, size: int) -> Iterator[bytes]:
        """``read(at, size)`` a bounded piece at a time."""
        end = at + size
        while at < end:
            piece = self.read(at, min(PIECE, end - at))
            at += len(piece)
            yield piece

    def result(self, doc: Mapping[str, Any]) -> _Result:
        """A city-wide result (``document.result``, streamed) written, and with ``views`` its view."""
        at = self.end
        for piece in chunks(doc, DEPTH + 2):
            self.add(piece)
        if not self.views:
            return _Result(at, self.end - at, None)
        fields = encoded({key: value for key, value in doc.items() if key not in _LISTS})
        head = (self.add(fields), len(fields))
        locations, items = (self._batches(doc[key]) for key in _LISTS)
        return _Result(at, head[0] - at, (head, locations, items))

    def _batches(self, entries: Lazy) -> array[int]:
        """``entries`` written ``PLAIN`` at a time as JSON lists, and where each list is."""
        made = iter(entries.entries())
        return self.written(iter(lambda: list(islice(made, PLAIN)), []), 0)

    def city(self, made: Mapping[str, Any], written: Sequence[_Result]) -> _City:
        """A city-wide year's entry (``document.city``) written a piece at a time, its results copied from
        where each was written as it was made (``_city_year``); and where each result now is: a view reads
        them back one at a time."""
        results: list[_Result] = []

        def copied(one: _Result) -> Iterator[bytes]:
            # each piece is written before the next is asked for: this is where the result starts
            start = self.end
            yield from self.pieces(one.at, one.size)
            results.append(_Result(start, self.end - start, one.view))

        entries = (Spooled(partial(copied, one), partial(self.viewed, one)) for one in written)
        doc = {**made, "results": Lazy(lambda: entries)}
        at = self.end
        for piece in chunks(doc, DEPTH):
            self.add(piece)
        return _City(
            at, self.end - at, {key: value for key, value in doc.items() if key != "results"}, results
        )

    def city_entry(self, city: _City) -> Spooled:
        """The city-wide year's entry in the document."""

        def results() -> Iterator[Spooled]:
            # read as a value from its view (its places and items a batch at a time), or in pieces
            for one in city.results:
                yield Spooled(partial(self.pieces, one.at, one.size), partial(self.viewed, one))

        return Spooled(
            lambda: self.pieces(city.at, city.size), lambda: {**city.head, "results": Lazy(results)}
        )

    def entry(self, kept: _Kept, rank: int | None) -> Written:
        """The report's entry in the document, with its rank."""
        text = self.part(kept, 0)
        assert text.endswith(_NO_RANK)
        if rank is not None:
            text = text[: -len(_NO_RANK)] + str(rank).encode() + _NO_RANK[len(b"null") :]
        return Written(text)

    def year(self, kept: _Kept) -> _Year:
        """The report's results as its unit's trends read them."""
        raw = self.part(kept, 1)
        return _Year(kept.year, kept.unit, kept.kind, self.figures(pickle.loads(raw)))

    def figures(self, figures: Sequence[tuple[Any, ...]]) -> tuple[_Figure, ...]:
        """``_figures``' tuples with their rules."""
        return tuple(_Figure(self.rules[place], *rest) for place, *rest in figures)

    def report(self, kept: _Kept) -> ReportFile:
        """The report as kept: what the city-wide rules and the year-before comparison read."""
        return unpacked(self.part(kept, 2))


def _figures(evaluation: Any, places: dict[int, int]) -> tuple[tuple[Any, ...], ...]:
    """(rule's place, observed, status, target) of each result, as the trends read them (``engine.trend``);
    the results as scored, before any waiver (as ``engine.evaluate`` makes them)."""
    return tuple(
        (places[id(r.rule)], _numeric(r.observed), str(r.status), r.target["value"])
        for r in evaluation.results
    )


def _document(
    flat: Flat,
    spool: _Spool,
    held: tuple[list[_Kept], Mapping[int, Mapping[str, _Kept]], Keep],
    refused: list[InvalidReport],
    earlier: Sequence[ReportFile],
    notices: Sequence[Wording],
    by_file: bool,
    jobs: int,
) -> tuple[Callable[[], dict[str, Any]], _Warnings, ExitCode]:
    """The document, its reports, city-wide years, warnings and units' trends read from the spool as it is
    written; its warnings (``by_file``: also found by the file they are in); and the exit status. The
    city-wide rules read the reports a year at a time, as kept; the comparison with the year before reads a
    report and its unit's report of that year, so one year of kept reports is in memory, never the whole run.
    """
    tr = flat.tr
    kept, in_run, keep = held
    # The reports' order: one kept report a unit and year, so no file name decides it (none is held).
    kept.sort(key=unit_order(flat.packs[0].units))
    by_year: dict[int, list[_Kept]] = {}
    for one in kept:
        by_year.setdefault(one.year, []).append(one)
    bases = {rule.id: pack.info.base_year for pack in flat.packs for rule in pack.rules}
    failed = any(one.fails for one in kept)
    warnings = _Warnings(spool, tr, by_file)
    for one in kept:
        warnings.add(one.warnings)
    # The report a unit's is compared with: its report of the year before in this run (``in_run``: each
    # kept report by year and unit), else among the earlier ones (``--previous``), the first of them as
    # ``cross_year_warnings`` takes it.
    before: dict[tuple[str, int], ReportFile] = {}
    for old in earlier:
        before.setdefault((old.unit, old.year), old)
    units: dict[str, list[_Kept]] = {}
    for one in kept:
        units.setdefault(one.unit, []).append(one)

    def unit_trend_entries() -> Iterator[dict[str, Any]]:
        for reports in units.values():
            found = trends_of_unit([spool.year(one) for one in reports], bases)
            if found is not None:
                yield unit_trends(found, tr)

    # Each unit's trends, written to the spool while the city-wide years are in worker processes (this
    # process would only wait for them meanwhile); else made as they are written out.
    spooled: list[array[int]] = []

    def meanwhile() -> None:
        spooled.append(spool.written(unit_trend_entries(), _UNIT_DEPTH))

    city_entries: list[_City] = []
    city_years: list[_Year] = []
    city_notices: list[Wording] = []
    each_year = sorted(by_year.items())
    for done in _city_years(flat, spool, each_year, (in_run, before, keep), warnings, jobs, meanwhile):
        failed = failed or done.failed
        city_notices += done.notices
        city_entries += done.entries
        for year, unit, figures, missing in done.figures:
            city_years.append(_Year(year, unit, "city", spool.figures(figures), missing))
    if flat.excuse is not None:
        warnings.add(flat.excuse.warnings())
    code = ExitCode.INVALID if refused else ExitCode.FAILED if failed else ExitCode.OK
    years = sorted({*by_year, *(c.year for c in city_years)})
    city_trend = city_trends(city_years, bases)

    def entries() -> Iterator[Written]:
        for year_kept in by_year.values():
            for rank, one in ranked([{"score": one.score, "kept": one} for one in year_kept]):
                yield spool.entry(cast(_Kept, one["kept"]), rank)

    def unit_entries() -> Iterable[Any]:
        return spool.read_written(spooled[0]) if spooled else unit_trend_entries()

    def document() -> dict[str, Any]:
        return {
            **header(flat.packs, tr),
            "reports": Lazy(entries),
            "city": Lazy(lambda: (spool.city_entry(entry) for entry in city_entries)),
            # each warning's text made as it is written
            "invalid": Lazy(lambda: (invalid(bad, tr) for bad in refused)),
            "warnings": Lazy(warnings.entries),
            "notices": [tr.render(n) for n in (*notices, *city_notices)],
            "trends": {
                "method": METHOD,
                "years": years,
                "city": [trend(x, tr) for x in city_trend],
                "units": Lazy(unit_entries),
            },
            "exit_code": int(code),
        }

    return document, warnings, code


class _YearDone(NamedTuple):
    """What a city-wide year left (``_city_year``): whether a result fails, its notices, its entries in the
    spool, and its figures as the trends read them: (year, unit, figures as ``_figures`` gives them, the
    units missing), the rules by their place (a worker's copies of the rules are not the run's)."""

    failed: bool
    notices: list[Wording]
    entries: list[_City]
    figures: list[tuple[int, str, tuple[tuple[Any, ...], ...], tuple[str, ...]]]

    def moved(self, by: int) -> _YearDone:
        """The same, its spool written ``by`` bytes further on."""
        return self._replace(entries=[entry.moved(by) for entry in self.entries])


def _city_year(
    flat: Flat,
    spools: tuple[_Spool, _Spool],
    year: int,
    year_kept: Sequence[_Kept],
    earlier: tuple[Mapping[int, Mapping[str, _Kept]], Mapping[tuple[str, int], ReportFile], Keep],
    warnings: _Warnings,
) -> _YearDone:
    """One year's comparison with the year before (``earlier``: the reports of the run, and the earlier ones)
    and its city-wide rules. ``spools``: the run's, which holds the kept reports, and the one the year's
    results and entry are written to (the same, but in a worker: ``_city_years``)."""
    from zhijiao_check.report.consistency import cross_year_warnings

    spool, out = spools
    in_run, before, keep = earlier
    # once compared with the year before, what the city-wide rules read of each report, its texts shared
    shared = Shared(keep.city)
    reports = []
    last_year = in_run.get(year - 1, {})
    for one in year_kept:
        this = spool.report(one)
        kept_before = last_year.get(this.unit)
        previous = spool.report(kept_before) if kept_before is not None else before.get((this.unit, year - 1))
        if previous is not None:
            warnings.add(cross_year_warnings([this], [previous]))
        reports.append(shared(this))
    written: list[_Result] = []  # where each result shown was written as it was made

    def write(made: RuleResult) -> RuleResult:
        """A result written out (waived, if a waiver matches) as soon as it is made: what is kept of it is
        what its status, the score and the trends read, not its places and items."""
        if flat.selected is None or made.rule.id in flat.selected:
            shown = made if flat.excuse is None else flat.excuse.result(made, CITY_WIDE, year)
            written.append(out.result(result(shown, flat.tr, streamed=True)))
        return replace(made, explanation="", locations=(), items=(), notes=())

    scored, notices = evaluate_city({year: reports}, flat.packs, flat.selected, write)
    del reports, shared
    places = {id(rule): index for index, rule in enumerate(spool.rules)}
    fails = failing(flat.strict)
    failed = False
    entries, figures = [], []
    for evaluation in scored:
        figures.append((year, CITY_WIDE, _figures(evaluation, places), evaluation.units_missing))
        excused = evaluation if flat.excuse is None else flat.excuse(evaluation, CITY_WIDE)
        failed = failed or any(r.status in fails for r in excused.results)
        entries.append(out.city(city(excused, flat.tr, streamed=True), written))
    return _YearDone(failed, notices, entries, figures)


# A worker process pays for itself from two city-wide years: each is some 0.1 s of a 1,000-report run.
_YEARS_IN_PARALLEL = 2


def _city_years(
    flat: Flat,
    spool: _Spool,
    years: Sequence[tuple[int, Sequence[_Kept]]],
    earlier: tuple[Mapping[int, Mapping[str, _Kept]], Mapping[tuple[str, int], ReportFile], Keep],
    warnings: _Warnings,
    jobs: int,
    meanwhile: Callable[[], None],
) -> Iterator[_YearDone]:
    """Each year's ``_city_year``, in order: a year at a time, in a function of its own (nothing of one year
    is held while the next is read). With ``jobs``, in worker processes, each year written to a spool of its
    own, then copied into the run's after the years before it, where the run would have written it: the
    same bytes in the same places, and the warnings in the same order, as one process gives. ``meanwhile``
    is called once the workers have the years, before their first one is back (not with one process)."""
    from zhijiao_check.processes import in_parallel, ordered_map

    if not in_parallel(len(years), jobs, _YEARS_IN_PARALLEL):
        for year, year_kept in years:
            yield _city_year(flat, (spool, spool), year, year_kept, earlier, warnings)
        return
    files = [_spool_file() for _ in years]
    by_file = warnings.files is not None
    spool.flush()

    def work(index: int) -> tuple[_YearDone, int, _Found, frozenset[Waiver]]:
        """In a worker: the year written to its own spool; with the warnings found and the waivers used."""
        out = _Spool(files[index], spool.rules, spool.views)
        found = _Warnings(out, flat.tr, by_file)
        used = set() if flat.excuse is None else set(flat.excuse.used)
        done = _city_year(flat, (spool, out), *years[index], earlier, found)
        out.flush()
        newly = frozenset() if flat.excuse is None else frozenset(flat.excuse.used - used)
        return done, out.end, found.found(), newly

    try:
        made = ordered_map(work, range(len(years)), jobs, _YEARS_IN_PARALLEL)
        meanwhile()
        for index, (done, size, found, used) in enumerate(made):
            at = spool.copy(_Spool(files[index], spool.rules, spool.views), size)
            warnings.moved_in(found, at)
            if flat.excuse is not None:
                flat.excuse.used |= used
            yield done.moved(at)
    finally:
        for file in files:
            file.close()


# A spool's warnings: where each is, its size, and with ``by_file`` which are each file's (``_Warnings``).
_Found = tuple["array[int]", "array[int]", "dict[str, array[int]] | None"]


class _Warnings:
    """The run's warnings, in the document's order, written to the spool as they are found (a large run
    finds tens of thousands comparing with the year before): where each is, and with ``by_file`` which are
    each file's (JUnit shows them under the report they are in)."""

    def __init__(self, spool: _Spool, tr: Translator, by_file: bool) -> None:
        self.spool = spool
        self.tr = tr
        self.at = array("q")
        self.sizes = array("q")
        self.files: dict[str, array[int]] | None = {} if by_file else None

    def add(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            entry = encoded(problem.as_dict(self.tr), DEPTH)
            if self.files is not None:
                self.files.setdefault(problem.file, array("q")).append(len(self.at))
            self.at.append(self.spool.add(entry))
            self.sizes.append(len(entry))

    def found(self) -> _Found:
        """Where each warning is, and with ``by_file`` which are each file's (a worker's, sent back)."""
        return self.at, self.sizes, self.files

    def moved_in(self, found: _Found, by: int) -> None:
        """A worker's warnings (``found``), its spool copied into this one ``by`` bytes on, after these."""
        at, sizes, files = found
        first = len(self.at)
        self.at.extend(start + by for start in at)
        self.sizes.extend(sizes)
        if self.files is not None and files is not None:
            for file, indices in files.items():
                self.files.setdefault(file, array("q")).extend(first + index for index in indices)

    def entries(self) -> Iterator[Written]:
        for at, size in zip(self.at, self.sizes, strict=True):
            yield Written(self.spool.read(at, size))

    def of(self, file: str) -> Iterator[dict[str, Any]]:
        """The warnings located in ``file``, in order."""
        assert self.files is not None
        for index in self.files.get(file, ()):
            yield self.spool.value(self.at[index], self.sizes[index])
