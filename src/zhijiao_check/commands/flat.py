"""``check --format json`` in flat memory: each report scored, rendered and set aside as it is read.

A report's own rules read that report alone, and its entry in the JSON document depends on nothing else but
its rank, which is known only once its year is whole. So each report is loaded, scored and written as its
entry (without the rank) in turn, in worker processes with ``--jobs``; the entry and the few figures its
unit's trends need go to a temporary spool file, and the run keeps of the report only what the city-wide
rules and the year-before comparison read (``engine.keep``). The document is then written piece by piece,
each report's entry read back from the spool with its rank: the same bytes as the whole document gives
(``document``), in memory that does not grow with the reports. Workers send back only these compact
records, not the report and its results.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple, cast

from zhijiao_check.document import city, header, invalid, ranked, report, trend, unit_trends
from zhijiao_check.engine.evaluate import duplicate, evaluate_city, evaluate_report, report_order
from zhijiao_check.engine.keep import Shared, kept_fields, pruned
from zhijiao_check.engine.trend import METHOD, city_trends
from zhijiao_check.engine.trend import unit_trends as trends_of_unit
from zhijiao_check.errors import FatalError
from zhijiao_check.i18n import Translator
from zhijiao_check.jsontext import Lazy, Written, chunks, encoded
from zhijiao_check.output import Streamed, write_all
from zhijiao_check.report import InvalidReport, ReportFile, load_report
from zhijiao_check.status import ExitCode, failing
from zhijiao_check.units import CITY_WIDE

if TYPE_CHECKING:
    from zhijiao_check.pack.load import RulePack
    from zhijiao_check.problems import Problem
    from zhijiao_check.report.roster import Roster
    from zhijiao_check.settings.waivers import Excuser, Waiver
    from zhijiao_check.wording import Wording

# Each report's entry stands at this depth in the document (top level, "reports", the entry).
DEPTH = 2
_NO_RANK = b"null\n" + b"  " * DEPTH + b"}"


@dataclass(frozen=True)
class Flat:
    """What a flat run needs besides the reports: the same as ``commands.check.run`` uses."""

    packs: Sequence[RulePack]
    selected: set[str] | None
    strict: bool
    tr: Translator
    roster: Roster | None
    excuse: Excuser | None


@dataclass(frozen=True)
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
    kept: bytes  # the report as the city-wide rules read it (engine.keep), pickled
    used: frozenset[Waiver]  # the waivers that excused one of its results


class Refused(NamedTuple):
    """A report the roster refuses (listed after the reports invalid in themselves)."""

    invalid: InvalidReport


@dataclass(slots=True)
class _Kept:
    """What the run holds of a report while the others are read: the rest is in the spool."""

    file: str
    unit: str
    kind: str
    year: int
    warnings: tuple[Problem, ...]
    score: float | None
    fails: bool
    at: int  # in the spool: the entry, the figures, the kept report
    entry: int
    figures: int
    kept: int


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
    files: Sequence[tuple[Path, str]],
    unreadable: Sequence[InvalidReport],
    jobs: int,
    outputs: Sequence[Path | None],
    previous: Callable[[], tuple[list[ReportFile], list[Wording]]],
) -> ExitCode:
    """Score ``files`` and write the JSON document to each of ``outputs``; the exit status.
    ``previous``: the earlier reports (``--previous``) and the notices of those refused, read after the
    reports as the whole run does."""
    from zhijiao_check.commands.inputs import _progress_of
    from zhijiao_check.processes import ordered_map

    rules = [rule for pack in flat.packs for rule in pack.rules]
    places = {id(rule): index for index, rule in enumerate(rules)}
    keep = kept_fields(flat.packs)
    work = _scorer(flat, places, keep)
    with _spool_file() as file:
        spool = _Spool(file, rules)
        kept: list[_Kept] = []
        loaded: list[InvalidReport] = []
        refused: list[InvalidReport] = []
        duplicates: list[InvalidReport] = []
        seen: dict[tuple[str, int], str] = {}
        for done in _progress_of(ordered_map(work, files, jobs), len(files)):
            if isinstance(done, InvalidReport):
                loaded.append(done)
            elif isinstance(done, Refused):
                refused.append(done.invalid)
            elif (done.unit, done.year) in seen:
                duplicates.append(duplicate(pickle.loads(done.kept), seen[(done.unit, done.year)]))
            else:
                seen[(done.unit, done.year)] = done.file
                if flat.excuse is not None:
                    flat.excuse.used |= done.used
                at = spool.add(done.entry, done.figures, done.kept)
                kept.append(
                    _Kept(
                        done.file,
                        done.unit,
                        done.kind,
                        done.year,
                        done.warnings,
                        done.score,
                        done.fails,
                        at,
                        len(done.entry),
                        len(done.figures),
                        len(done.kept),
                    )
                )
        earlier, notices = previous()
        invalid = [*unreadable, *loaded, *refused, *duplicates]
        document, code = _document(flat, spool, kept, invalid, earlier, notices)
        text = Streamed(lambda: chain(chunks(document()), [b"\n"]))  # as renderers.json ends it
        write_all([(text, output) for output in outputs])
    return code


def _scorer(flat: Flat, places: dict[int, int], keep: Any) -> Callable[[tuple[Path, str]], Any]:
    """The work done for each file, in a worker process with ``--jobs``."""
    units = flat.packs[0].units
    failing_statuses = failing(flat.strict)

    def work(file: tuple[Path, str]) -> Scored | InvalidReport | Refused:
        loaded = load_report(file[0], units, file[1])
        if not isinstance(loaded, ReportFile):
            return loaded
        if flat.roster is not None:
            from zhijiao_check.report.roster import missing_schools

            errors = missing_schools(loaded, flat.roster)
            if errors:
                return Refused(InvalidReport(loaded.file, (*errors, *loaded.warnings)))
        evaluation = evaluate_report(loaded, flat.packs, flat.selected)
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
            _pickled(pruned(loaded, keep)),
            used,
        )

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
    return FatalError("spool-failed", folder=tempfile.gettempdir(), reason=error.strerror or str(error))


class _Spool:
    """A temporary file of what each report and city-wide year left: written once, read back in pieces."""

    def __init__(self, file: IO[bytes], rules: Sequence[Any]) -> None:
        self.file = file
        self.rules = rules
        self.end = 0

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

    def read(self, at: int, size: int) -> bytes:
        try:
            self.file.flush()
            return os.pread(self.file.fileno(), size, at)
        except OSError as error:
            raise _spool_failed(error) from None

    def entry(self, kept: _Kept, rank: int | None) -> Written:
        """The report's entry in the document, with its rank."""
        text = self.read(kept.at, kept.entry)
        assert text.endswith(_NO_RANK)
        if rank is not None:
            text = text[: -len(_NO_RANK)] + str(rank).encode() + _NO_RANK[len(b"null") :]
        return Written(text)

    def year(self, kept: _Kept) -> _Year:
        """The report's results as its unit's trends read them."""
        raw = self.read(kept.at + kept.entry, kept.figures)
        return _Year(kept.year, kept.unit, kept.kind, self.figures(pickle.loads(raw)))

    def figures(self, figures: Sequence[tuple[Any, ...]]) -> tuple[_Figure, ...]:
        """``_figures``' tuples with their rules."""
        return tuple(_Figure(self.rules[place], *rest) for place, *rest in figures)

    def report(self, kept: _Kept, shared: Shared) -> ReportFile:
        """The report as the city-wide rules read it."""
        report: ReportFile = pickle.loads(self.read(kept.at + kept.entry + kept.figures, kept.kept))
        return shared(report)


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
    kept: list[_Kept],
    refused: list[InvalidReport],
    earlier: Sequence[ReportFile],
    notices: Sequence[Wording],
) -> tuple[Callable[[], dict[str, Any]], ExitCode]:
    """The document, its reports, city-wide years and units' trends read from the spool as it is written;
    and the exit status. The city-wide rules and the year-before comparison read the reports a year at a
    time, as kept: two years of kept reports are in memory at once, never the whole run."""
    from zhijiao_check.report.consistency import cross_year_warnings

    tr = flat.tr
    rules = spool.rules
    places = {id(rule): index for index, rule in enumerate(rules)}
    order = report_order(flat.packs[0].units)
    kept.sort(key=order)  # a kept report has the fields the order reads
    by_year: dict[int, list[_Kept]] = {}
    for one in kept:
        by_year.setdefault(one.year, []).append(one)
    bases = {rule.id: pack.info.base_year for pack in flat.packs for rule in pack.rules}
    fails = failing(flat.strict)
    failed = any(one.fails for one in kept)
    city_entries: list[tuple[int, int]] = []
    city_years: list[_Year] = []
    city_notices: list[Wording] = []
    cross: list[Problem] = []
    before: list[ReportFile] = []
    for year, year_kept in sorted(by_year.items()):
        shared = Shared()
        reports = [spool.report(one, shared) for one in year_kept]
        cross += cross_year_warnings(reports, [*before, *earlier])
        scored, year_notices = evaluate_city({year: reports}, flat.packs, flat.selected)
        city_notices += year_notices
        for evaluation in scored:
            city_years.append(
                _Year(
                    year,
                    CITY_WIDE,
                    "city",
                    spool.figures(_figures(evaluation, places)),
                    evaluation.units_missing,
                )
            )
            if flat.excuse is not None:
                evaluation = flat.excuse(evaluation, CITY_WIDE)
            failed = failed or any(r.status in fails for r in evaluation.results)
            entry = encoded(city(evaluation, tr), DEPTH)
            city_entries.append((spool.add(entry), len(entry)))
        before = reports
    warnings = [
        *(w for one in kept for w in one.warnings),
        *cross,
        *(flat.excuse.warnings() if flat.excuse is not None else ()),
    ]
    code = ExitCode.INVALID if refused else ExitCode.FAILED if failed else ExitCode.OK
    years = sorted({*by_year, *(c.year for c in city_years)})
    city_trend = city_trends(city_years, bases)
    units: dict[str, list[_Kept]] = {}
    for one in kept:
        units.setdefault(one.unit, []).append(one)

    def entries() -> Iterator[Written]:
        for year_kept in by_year.values():
            for rank, one in ranked([{"score": one.score, "kept": one} for one in year_kept]):
                yield spool.entry(cast(_Kept, one["kept"]), rank)

    def unit_entries() -> Iterator[dict[str, Any]]:
        for reports in units.values():
            found = trends_of_unit([spool.year(one) for one in reports], bases)
            if found is not None:
                yield unit_trends(found, tr)

    def document() -> dict[str, Any]:
        return {
            **header(flat.packs, tr),
            "reports": Lazy(entries),
            "city": Lazy(lambda: (Written(spool.read(at, size)) for at, size in city_entries)),
            # each warning's text made as it is written
            "invalid": Lazy(lambda: (invalid(bad, tr) for bad in refused)),
            "warnings": Lazy(lambda: (w.as_dict(tr) for w in warnings)),
            "notices": [tr.render(n) for n in (*notices, *city_notices)],
            "trends": {
                "method": METHOD,
                "years": years,
                "city": [trend(x, tr) for x in city_trend],
                "units": Lazy(unit_entries),
            },
            "exit_code": int(code),
        }

    return document, code
