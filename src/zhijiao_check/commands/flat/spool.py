"""The spool of a flat run: a temporary file of what each report and city-wide year left, written once and
read back in pieces (``Spool``); what the run holds of each report besides (``HeldReport``); and the run's
warnings, written to it as they are found (``Warnings``).
"""

from __future__ import annotations

import errno
import marshal
import os
import pickle
import tempfile
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import islice, repeat
from typing import IO, TYPE_CHECKING, Any, NamedTuple, cast

from zhijiao_check.engine.keep import unpacked
from zhijiao_check.errors import FatalError, os_reason
from zhijiao_check.i18n import Translator
from zhijiao_check.jsontext import PLAIN, Lazy, Piece, Span, Spooled, Written, chunks, encoded, loads
from zhijiao_check.kinds import stated_target
from zhijiao_check.report import ReportFile
from zhijiao_check.status import Status

if TYPE_CHECKING:
    from zhijiao_check.engine.keep import Shared
    from zhijiao_check.problems import Problem

# Each report's entry stands at this depth in the document (top level, "reports", the entry); each unit's
# trends one deeper (top level, "trends", "units", the entry).
DEPTH = 2
UNIT_DEPTH = 3
NO_RANK = b"null\n" + b"  " * DEPTH + b"}"
PIECE = 1 << 16  # bytes read back from the spool at a time
LISTS = ("locations", "items")  # a city-wide result's lists, which a view reads a batch at a time
# Where the places of a worker's own file begin (``Spool.apart``): worker n's byte b is read at
# APART × (n + 1) + b, so that a place in the spool says which file it is in.
APART = 1 << 40


class Result(NamedTuple):
    """A city-wide result in the spool: where its text is (start, size); with ``Spool.views``, also where
    the views read it from (``view``: its fields but its places and items, then those ``PLAIN`` at a time,
    start and size in turn), so that a result of a large run is never read back whole."""

    at: int
    size: int
    view: tuple[tuple[int, int], array[int], array[int]] | None

    def moved(self, by: int) -> Result:
        """The same result ``by`` bytes further on in the spool."""
        if self.view is None:
            return self._replace(at=self.at + by)
        (head, size), locations, items = self.view
        return Result(self.at + by, self.size, ((head + by, size), _moved(locations, by), _moved(items, by)))


def _moved(spans: array[int], by: int) -> array[int]:
    """Spans (start, size in turn) ``by`` bytes further on."""
    moved = array("q", spans)
    moved[::2] = array("q", [start + by for start in spans[::2]])
    return moved


class City(NamedTuple):
    """A city-wide year's entry in the spool: where its text is, what it says besides its results, and where
    each result is."""

    at: int
    size: int
    head: dict[str, Any]
    results: list[Result]

    def moved(self, by: int) -> City:
        """The same entry ``by`` bytes further on in the spool."""
        return self._replace(at=self.at + by, results=[one.moved(by) for one in self.results])


@dataclass(slots=True)
class HeldReport:
    """What the run holds of a report while the others are read: the rest is in the spool, its file's name
    too (read back from its kept report when a second report of its unit and year names it)."""

    unit: str
    kind: str
    year: int
    warnings: tuple[Problem, ...]
    score: float | None
    fails: bool
    number: int  # what the spool knows its entry, its figures and its kept report by (``Spool.keep``)
    dated: bool  # its path says its own year: left out of the run's (``pathyear.off_year``)


class Figure(NamedTuple):
    """One result as the trends read it (``engine.trend.trends_of``)."""

    rule: Any
    observed: Any
    status: str
    value: Any
    undecided: bool

    @property
    def target(self) -> dict[str, Any]:
        return {"value": self.value}


class Year(NamedTuple):
    """One evaluation as the trends read it."""

    year: int
    unit: str
    kind: str
    results: tuple[Figure, ...]
    units_missing: tuple[str, ...] = ()


def _numeric(value: Any) -> Any:
    """What a trend reads of an observed value (``engine.trend``): a number, a flag, or None."""
    return value if value is None or isinstance(value, int | float) else None


# Bytes a spool gathers before the system is asked to write them: a report leaves four parts, some 35 KB,
# which a buffer of the file system's block (4 KiB) wrote in three or four calls each.
SPOOL_BUFFER = 1 << 20
# A spool of work shared beside the run's (a city-wide year, a chunk of units' trends: ``Spool.put_apart``)
# gathers less: some 30-600 KB. Its buffer is the run's own process's too, where a year's peak adds to the
# run's: 1 MiB was 1 MiB more at 10,000 reports with ``--jobs 2``.
SIDE_BUFFER = 1 << 16


def spool_file(buffer: int = SPOOL_BUFFER) -> IO[bytes]:
    """A temporary file, written through a buffer of ``buffer`` bytes and read by ``os.pread``
    (``Spool.read``): opened for writing only, so that flushing it with nothing buffered is no system call
    (a file opened for reading too asks where it stands, an ``lseek``, at every flush: one a reading of the
    spool)."""
    try:
        return tempfile.TemporaryFile(prefix="zhijiao-check-", mode="wb", buffering=buffer)
    except OSError as error:
        raise spool_failed(error) from None


def _copied(source: int, target: int, size: int, to: int) -> None:
    """The first ``size`` bytes of file ``source`` written to file ``target`` at ``to``: by the system
    (``os.copy_file_range``), which copies them without bringing them into this process, or else a piece at
    a time."""
    at = 0
    while at < size:
        try:
            copied = os.copy_file_range(source, target, size - at, at, to + at)
        except (AttributeError, OSError) as error:  # another system, or files it does not copy between
            if isinstance(error, OSError) and (error.errno not in _NO_COPY or at):
                raise
            break
        if not copied:  # shorter than written: what the system says of it
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        at += copied
    while at < size:
        piece = memoryview(os.pread(source, min(PIECE, size - at), at))
        if not piece:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        while piece:
            written = os.pwrite(target, piece, to + at)
            at += written
            piece = piece[written:]


# What ``os.copy_file_range`` says of files it does not copy between, before it copied anything.
_NO_COPY = frozenset((errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EXDEV))


def spool_failed(error: OSError) -> FatalError:
    """A full or unwritable temporary folder is the machine's state, not a bug: exit 2, saying where."""
    return FatalError("spool-failed", folder=tempfile.gettempdir(), reason=os_reason(error))


class Spool:
    """A temporary file of what each report and city-wide year left: written once, read back in pieces."""

    def __init__(self, file: IO[bytes], rules: Sequence[Any], views: bool) -> None:
        """``views``: a view (JUnit, SARIF) reads the city-wide results as values, not only as text."""
        self.file = file
        self.views = views
        self.rules = rules
        self.end = 0
        # every byte before this is in the file, not in its buffer: ``read`` flushes only for a byte past it
        self.flushed = 0
        self.parts = array("q")  # where each report's parts start, and where the last one ends (``keep``)
        self.others: Sequence[IO[bytes]] = ()  # the workers' own files (``apart``)
        self._index: tuple[int, int] | None = None  # where ``parts`` is written (``index_written``)

    def add(self, *parts: bytes) -> int:
        """Where ``parts`` start, written one after the other."""
        at = self.end
        try:
            for part in parts:
                self.file.write(part)
                self.end += len(part)
        except OSError as error:
            raise spool_failed(error) from None
        return at

    def add_at_once(self, parts: Sequence[bytes]) -> int:
        """Where ``parts`` start, written to the file by one system call past its buffer (``os.writev``): a
        worker's report, which the parent reads as soon as it is back. Through the buffer each report's 35 KB
        was copied into it and then flushed, a copy and two calls more a report."""
        if not hasattr(os, "writev"):  # Windows: through the buffer
            at = self.add(*parts)
            self.flush()
            return at
        at = self.end
        size = sum(map(len, parts))
        try:
            self.file.flush()  # nothing buffered, as a rule: written before, were it not
            written = os.writev(self.file.fileno(), parts)
            if written < size:  # the disk full, say: the rest written whole, or what the system says of it
                rest = memoryview(b"".join(parts))[written:]
                while rest:
                    rest = rest[os.write(self.file.fileno(), rest) :]
        except OSError as error:
            raise spool_failed(error) from None
        self.end += size
        self.flushed = self.end
        return at

    def keep(self, entry: bytes, figures: bytes, kept: bytes, source: bytes) -> int:
        """A report's entry, figures, kept report and source (where it was read from, read again if a second
        report of its unit and year turns up: ``copies.Source``) written; the number to read them back by."""
        return self.placed(self.add(entry, figures, kept, source), map(len, (entry, figures, kept, source)))

    def placed(self, at: int, sizes: Iterable[int]) -> int:
        """A report's parts (as ``keep`` writes them) of ``sizes``, written at ``at``, here or by a worker to
        its own file (``apart``); the number to read them back by."""
        number = len(self.parts) // 5
        self.parts.append(at)
        for size in sizes:
            self.parts.append(self.parts[-1] + size)
        return number

    def apart(self, files: Sequence[IO[bytes]]) -> None:
        """``files``, one for each worker to write to (``own``) and the last for the run's own share of the
        reports, made before the workers are forked: read back as this spool's own. A report's 33 KB sent to
        the parent through the pool's pipe cost it some 200 million instructions at 1,000 reports, on a
        processor the workers need."""
        self.others = files

    def own(self, number: int) -> Spool:
        """In worker ``number`` (or the run's own process, numbered after its workers): a spool that writes
        to the process's own file (``apart``), its places those this spool reads it at."""
        own = Spool(self.others[number], self.rules, self.views)
        own.end = APART * (number + 1)
        return own

    def index_written(self) -> tuple[int, int]:
        """The index of the kept reports (``parts``) written to the spool once, for a worker forked before
        they were kept (``index_from``): where it is, and its size. Once the reports are all kept."""
        if self._index is None:
            index = self.parts.tobytes()
            self._index = (self.add(index), len(index))
        return self._index

    def task_written(self, task: Any) -> tuple[int, int]:
        """``task`` (a city-wide year's, a chunk of units' trends') pickled into the spool, for whichever
        process takes it (``task_read``): where it is, and its size."""
        pickled = pickle.dumps(task, protocol=pickle.HIGHEST_PROTOCOL)
        return self.add(pickled), len(pickled)

    def task_read(self, place: tuple[int, int]) -> Any:
        """The task at ``place`` (``task_written``), and the index of the kept reports it names
        (``parts``: ``index_from``) read where this spool is a worker's copy."""
        task = pickle.loads(self.read(*place))
        self.index_from(task.parts)
        return task

    def index_from(self, place: tuple[int, int]) -> None:
        """The index of the kept reports as the run wrote it at ``place`` (``index_written``), read in a
        worker, whose copy of the run's spool is as the fork left it: once (the run's own is as long)."""
        at, size = place
        if len(self.parts) * self.parts.itemsize != size:
            self.parts = array("q", self.read(at, size))

    def own_number(self) -> int:
        """The number of the run's own process's file among ``apart``'s (after the workers')."""
        return len(self.others) - 1

    def part(self, number: int, which: int) -> bytes:
        """The entry (0), figures (1), kept report (2) or source (3) of the kept report of ``number``
        (``HeldReport.number``)."""
        at = 5 * number + which
        return self.read(self.parts[at], self.parts[at + 1] - self.parts[at])

    def read(self, at: int, size: int) -> bytes:
        try:
            if at >= APART:  # in a worker's own file (``apart``), written and flushed there
                return os.pread(self.others[at // APART - 1].fileno(), size, at % APART)
            if at + size > self.flushed:
                # A kept report read back lies far behind what is buffered: flushing at each reading wrote
                # the warnings found since the last one, a system call for each report compared with the
                # year before (8,600 at 10,000 reports).
                self.file.flush()
                self.flushed = self.end
            return os.pread(self.file.fileno(), size, at)
        except OSError as error:
            raise spool_failed(error) from None

    def span(self, at: int, size: int) -> Span:
        """``read(at, size)`` left in its file, for the writer to copy from there (``jsontext.Span``)."""
        if at >= APART:  # in a worker's own file (``apart``), written and flushed there
            return Span(self.others[at // APART - 1].fileno(), at % APART, size)
        self.flush()
        return Span(self.file.fileno(), at, size)

    def flush(self) -> None:
        """Everything written so far in the file: before forking, so that no worker inherits it unwritten
        (and writes it again)."""
        try:
            self.file.flush()
        except OSError as error:
            raise spool_failed(error) from None
        self.flushed = self.end

    def add_pieces(self, pieces: Iterable[Piece]) -> None:
        """``pieces`` (``jsontext.chunks``) written one after the other, a ``Span`` read from its file."""
        for piece in pieces:
            self.add(piece if isinstance(piece, bytes) else piece.text())

    def put_apart(self, number: int, other: Spool) -> int:
        """What ``other`` (a city-wide year's own spool) holds, copied to the end of process ``number``'s own
        file (``apart``) by that process: where this spool reads it. A year done in a worker, read in
        place: sent back through the pipe, its results (100-400 KB at 1,000 reports) kept the worker waiting
        until the run, busy with a year of its own, took them; copied into the run's file, they were written
        twice; read whole to be copied, a year of 10,000 reports stood beside its results at the peak."""
        other.flush()
        target = self.others[number].fileno()
        try:
            start = os.fstat(target).st_size
            _copied(other.file.fileno(), target, other.end, start)
        except OSError as error:
            raise spool_failed(error) from None
        return APART * (number + 1) + start

    def value(self, at: int, size: int) -> Any:
        """What ``read(at, size)`` says, read as JSON."""
        return loads(self.read(at, size))

    def viewed(self, one: Result) -> dict[str, Any]:
        """A city-wide result as a view reads it: its places and items ``Lazy``, read back as they are read
        (``jsontext.entries_of``)."""
        if one.view is None:
            return cast(dict[str, Any], self.value(one.at, one.size))
        head, *lists = one.view
        value: dict[str, Any] = self.value(*head)
        for key, spans in zip(LISTS, lists, strict=True):
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

    def spooled(self, at: int, size: int) -> Spooled:
        """An entry ``written`` at ``at``, left in the spool as a ``Written`` one is written out (``span``),
        and read back as a value by a view: a unit's trends made ahead, some 27 KB each, were read and copied
        into a ``Written`` before they were written out."""
        return Spooled(lambda: (self.span(at, size),), lambda: self.value(at, size))

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

    def result(self, doc: Mapping[str, Any]) -> Result:
        """A city-wide result (``document.result``, streamed) written, and with ``views`` its view."""
        at = self.end
        self.add_pieces(chunks(doc, DEPTH + 2))
        if not self.views:
            return Result(at, self.end - at, None)
        fields = encoded({key: value for key, value in doc.items() if key not in LISTS})
        head = (self.add(fields), len(fields))
        locations, items = (self._batches(doc[key]) for key in LISTS)
        return Result(at, head[0] - at, (head, locations, items))

    def _batches(self, entries: Lazy) -> array[int]:
        """``entries`` written ``PLAIN`` at a time as JSON lists, and where each list is."""
        made = iter(entries.entries())
        return self.written(iter(lambda: list(islice(made, PLAIN)), []), 0)

    def city(self, made: Mapping[str, Any], written: Sequence[Result]) -> City:
        """A city-wide year's entry (``document.city``) written a piece at a time, its results copied from
        where each was written as it was made (``city_year``); and where each result now is: a view reads
        them back one at a time."""
        results: list[Result] = []

        def copied(one: Result) -> Iterator[bytes]:
            # each piece is written before the next is asked for: this is where the result starts
            start = self.end
            yield from self.pieces(one.at, one.size)
            results.append(Result(start, self.end - start, one.view))

        entries = (Spooled(partial(copied, one), partial(self.viewed, one)) for one in written)
        doc = {**made, "results": Lazy(lambda: entries)}
        at = self.end
        self.add_pieces(chunks(doc, DEPTH))
        return City(
            at, self.end - at, {key: value for key, value in doc.items() if key != "results"}, results
        )

    def city_entry(self, city: City) -> Spooled:
        """The city-wide year's entry in the document."""

        def results() -> Iterator[Spooled]:
            # read as a value from its view (its places and items a batch at a time), or in pieces
            for one in city.results:
                yield Spooled(partial(self.pieces, one.at, one.size), partial(self.viewed, one))

        return Spooled(
            lambda: (self.span(city.at, city.size),), lambda: {**city.head, "results": Lazy(results)}
        )

    def entry(self, kept: HeldReport, rank: int | None) -> Spooled:
        """The report's entry in the document, with its rank: its text up to its ``"rank": null`` ending left
        in the spool (``span``), the rank in the ending's place. Read whole and the rank put in, each entry
        was copied three times more, some 30 KB each time (a tenth of what a 1,000-report run does once its
        reports are in); read up to its ending, once, and written out."""
        at = 5 * kept.number
        start, size = self.parts[at], self.parts[at + 1] - self.parts[at] - len(NO_RANK)
        ending = NO_RANK if rank is None else str(rank).encode() + NO_RANK[len(b"null") :]
        return Spooled(
            lambda: (self.span(start, size), ending), lambda: loads(self.read(start, size) + ending)
        )

    def results(self, number: int) -> Said:
        """The results of the kept report of ``number`` as its unit's trends read them (``said_of``)."""
        return cast(Said, pickle.loads(self.part(number, 1)))

    def figures(self, figures: Sequence[tuple[Any, ...]]) -> tuple[Figure, ...]:
        """``figures_of``' tuples with their rules."""
        return tuple(Figure(self.rules[place], *rest) for place, *rest in figures)

    def report(self, number: int, shared: Shared | None = None) -> ReportFile:
        """The report of ``number`` (``HeldReport.number``) as kept: what the city-wide rules and the
        year-before comparison read; with ``shared``, laid out over the paths it holds
        (``engine.keep.unpacked``)."""
        return unpacked(self.part(number, 2), shared)


def figures_of(evaluation: Any, places: dict[int, int]) -> tuple[tuple[Any, ...], ...]:
    """(rule's place, observed, status, target, undecided) of each result, as the trends read them
    (``engine.trend``); the results as shown, waived where a waiver excuses them (as ``engine.results.Run``
    makes its trends)."""
    at, said = _figures(evaluation, places)
    return tuple((place, *one) for place, one in zip(at, said, strict=True))


# A report's results as its unit's trends read them back (``Spool.results``): the rules' places, and what
# each result says (``figures_of`` but the place) as bytes of its own (``said_of``).
Said = tuple[tuple[int, ...], tuple[bytes, ...]]


def said_of(evaluation: Any, places: dict[int, int]) -> bytes:
    """``figures_of`` as the spool keeps a report's (``held_apart``), pickled."""
    return pickle.dumps(held_apart(*_figures(evaluation, places)), protocol=pickle.HIGHEST_PROTOCOL)


def held_apart(at: Sequence[int], said: Sequence[tuple[Any, ...]]) -> Said:
    """The places ``at`` and what each result says (``said``) as the spool keeps them (``Said``). Each
    result's bytes are marshal's (version 2: no references, so that equal values give equal bytes), or
    pickle's for a value marshal refuses; either tells apart every two values the document writes apart
    (``True``, ``1`` and ``1.0``; ``0.0`` and ``-0.0``), so the bytes key a trend's text as they are
    (``commands.flat.unittrends``): a ``repr`` of each unit's figures took some five times as long."""
    try:
        each = tuple(map(marshal.dumps, said, repeat(2)))
    except ValueError:  # a value of a type marshal does not write
        each = tuple([pickle.dumps(one, protocol=pickle.HIGHEST_PROTOCOL) for one in said])
    return tuple(at), each


def figure_in(said: bytes) -> tuple[Any, ...]:
    """A result's (observed, status, target, undecided) from its bytes (``said_of``): pickle's begin with
    its protocol's mark, which no type of marshal's is."""
    return cast(tuple[Any, ...], pickle.loads(said) if said[:1] == b"\x80" else marshal.loads(said))


def _figures(evaluation: Any, places: dict[int, int]) -> tuple[list[int], list[tuple[Any, ...]]]:
    results = evaluation.results
    # as ``_numeric`` and ``RuleResult.target`` give them, without a call of either for each result (a number
    # or a flag observed, a target the rule states), nor a copy of each status's text
    return [places[id(r.rule)] for r in results], [
        (
            observed if (observed := r.observed).__class__ in _AS_IT_IS else _numeric(observed),
            _STATUS_TEXTS[r.status],
            r.compared_to if (value := stated_target(r.rule)[1]) is None else value,
            r.undecided,
        )
        for r in results
    ]


_AS_IT_IS = frozenset((int, float, bool, type(None)))
_STATUS_TEXTS = {status: str(status) for status in Status}


# A spool's warnings: where each is, its size, and with ``by_file`` which are each file's (``Warnings``).
Found = tuple["array[int]", "array[int]", "dict[str, array[int]] | None"]


class Warnings:
    """The run's warnings, in the document's order, written to the spool as they are found (a large run
    finds tens of thousands comparing with the year before): where each is, and with ``by_file`` which are
    each file's (JUnit shows them under the report they are in)."""

    def __init__(self, spool: Spool, tr: Translator, by_file: bool) -> None:
        self.spool = spool
        self.tr = tr
        self.at = array("q")
        self.sizes = array("q")
        self.files: dict[str, array[int]] | None = {} if by_file else None

    def add(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            # a problem's entry holds texts and whole numbers: no float to look for (``jsontext.encoded``)
            entry = encoded(problem.as_dict(self.tr), DEPTH, small_floats=False)
            if self.files is not None:
                self.files.setdefault(problem.file, array("q")).append(len(self.at))
            self.at.append(self.spool.add(entry))
            self.sizes.append(len(entry))

    def found(self) -> Found:
        """Where each warning is, and with ``by_file`` which are each file's (a worker's, sent back)."""
        return self.at, self.sizes, self.files

    def moved_in(self, found: Found, by: int) -> None:
        """A worker's warnings (``found``), its spool copied into this one ``by`` bytes on, after these."""
        at, sizes, files = found
        first = len(self.at)
        self.at.extend(start + by for start in at)
        self.sizes.extend(sizes)
        if self.files is not None and files is not None:
            for file, indices in files.items():
                self.files.setdefault(file, array("q")).extend(first + index for index in indices)

    def entries(self) -> Iterator[Written]:
        """Each warning's text, those that stand one after another in the spool (a year's, as a rule) read
        together up to ``PIECE`` bytes: a read each was 27,000 system calls of some 450 bytes at 10,000
        reports."""
        run: list[tuple[int, int]] = []  # (start, size) of each warning of the run read next
        end = 0
        for at, size in zip(self.at, self.sizes, strict=True):
            if run and (at != end or end - run[0][0] + size > PIECE):
                yield from self._read_run(run)
                run = []
            run.append((at, size))
            end = at + size
        if run:
            yield from self._read_run(run)

    def _read_run(self, run: Sequence[tuple[int, int]]) -> Iterator[Written]:
        """Warnings that stand one after another (``run``: start and size of each), read at once."""
        first = run[0][0]
        last, size = run[-1]
        text = self.spool.read(first, last + size - first)
        for at, size in run:
            yield Written(text[at - first : at - first + size])

    def of(self, file: str) -> Iterator[dict[str, Any]]:
        """The warnings located in ``file``, in order."""
        assert self.files is not None
        for index in self.files.get(file, ()):
            yield self.spool.value(self.at[index], self.sizes[index])
