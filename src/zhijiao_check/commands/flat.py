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
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from zhijiao_check.document import city, header, invalid, ranked, report, trend, unit_trends
from zhijiao_check.engine.evaluate import duplicate, evaluate_city, evaluate_report, report_order
from zhijiao_check.engine.keep import kept_fields, pruned
from zhijiao_check.engine.trend import METHOD, city_trends, unit_trends as trends_of_unit
from zhijiao_check.i18n import Translator
from zhijiao_check.jsontext import Lazy, Written, chunks, encoded
from zhijiao_check.output import Streamed, write_all
from zhijiao_check.report import InvalidReport, ReportFile, load_report
from zhijiao_check.status import ExitCode, failing
from zhijiao_check.units import CITY_WIDE

if TYPE_CHECKING:
    from zhijiao_check.engine.results import CityEvaluation
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

    report: ReportFile  # pruned (engine.keep)
    warnings: tuple[Problem, ...]
    score: float | None
    fails: bool
    entry: bytes  # the document's entry, ``"rank": null``, indented at ``DEPTH``
    figures: bytes  # the trends' figures: (rule's place, observed, status, target) per result, pickled
    used: frozenset[Waiver]  # the waivers that excused one of its results


class Refused(NamedTuple):
    """A report the roster refuses (listed after the reports invalid in themselves)."""

    invalid: InvalidReport


@dataclass(slots=True)
class _Kept:
    report: ReportFile
    warnings: tuple[Problem, ...]
    score: float | None
    fails: bool
    at: int  # in the spool: the entry, then the figures
    entry: int
    figures: int


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
    year: int
    unit: str
    kind: str
    results: tuple[_Figure, ...]


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
    with tempfile.TemporaryFile(prefix="zhijiao-check-") as spool:
        kept: list[_Kept] = []
        loaded: list[InvalidReport] = []
        refused: list[InvalidReport] = []
        duplicates: list[InvalidReport] = []
        seen: dict[tuple[str, int], ReportFile] = {}
        for done in _progress_of(ordered_map(work, files, jobs), len(files)):
            if isinstance(done, InvalidReport):
                loaded.append(done)
            elif isinstance(done, Refused):
                refused.append(done.invalid)
            else:
                key = (done.report.unit, done.report.year)
                if key in seen:
                    duplicates.append(duplicate(done.report, seen[key]))
                    continue
                seen[key] = done.report
                if flat.excuse is not None:
                    flat.excuse.used |= done.used
                at = spool.tell()
                spool.write(done.entry)
                spool.write(done.figures)
                kept.append(
                    _Kept(
                        done.report,
                        done.warnings,
                        done.score,
                        done.fails,
                        at,
                        len(done.entry),
                        len(done.figures),
                    )
                )
        spool.flush()
        earlier, notices = previous()
        document, code = _document(flat, kept, [*unreadable, *loaded, *refused, *duplicates], earlier, notices)
        reader = _Reader(spool, rules)
        text = Streamed(lambda: chain(chunks(document(reader)), [b"\n"]))  # as renderers.json ends it
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
        # The trends are of the results as scored, before any waiver (as engine.evaluate makes them).
        figures = tuple(
            (places[id(r.rule)], _numeric(r.observed), str(r.status), r.target["value"])
            for r in evaluation.results
        )
        used: frozenset[Waiver] = frozenset()
        if flat.excuse is not None:
            before = set(flat.excuse.used)
            evaluation = flat.excuse(evaluation, evaluation.unit)
            used = frozenset(flat.excuse.used - before)
        return Scored(
            pruned(loaded, keep),
            loaded.warnings,
            evaluation.score,
            any(r.status in failing_statuses for r in evaluation.results),
            encoded(report(evaluation, flat.tr), DEPTH),
            pickle.dumps(figures, protocol=pickle.HIGHEST_PROTOCOL),
            used,
        )

    return work


def _numeric(value: Any) -> Any:
    """What a trend reads of an observed value (``engine.trend``): a number, a flag, or None."""
    return value if value is None or isinstance(value, int | float) else None


class _Reader:
    """The spool, read back one report at a time."""

    def __init__(self, spool: IO[bytes], rules: Sequence[Any]) -> None:
        self.descriptor = spool.fileno()
        self.rules = rules

    def entry(self, kept: _Kept, rank: int | None) -> Written:
        text = os.pread(self.descriptor, kept.entry, kept.at)
        assert text.endswith(_NO_RANK)
        if rank is not None:
            text = text[: -len(_NO_RANK)] + str(rank).encode() + _NO_RANK[len(b"null") :]
        return Written(text)

    def year(self, kept: _Kept) -> _Year:
        raw = os.pread(self.descriptor, kept.figures, kept.at + kept.entry)
        figures = tuple(_Figure(self.rules[place], *rest) for place, *rest in pickle.loads(raw))
        report = kept.report
        return _Year(report.year, report.unit, report.kind, figures)


def _document(
    flat: Flat,
    kept: list[_Kept],
    refused: list[InvalidReport],
    earlier: Sequence[ReportFile],
    notices: Sequence[Wording],
) -> tuple[Callable[[_Reader], dict[str, Any]], ExitCode]:
    """The document (its reports and units' trends read from the spool as written), and the exit status."""
    from zhijiao_check.report.consistency import cross_year_warnings

    tr = flat.tr
    order = report_order(flat.packs[0].units)
    kept.sort(key=lambda k: order(k.report))
    by_year: dict[int, list[ReportFile]] = {}
    for one in kept:
        by_year.setdefault(one.report.year, []).append(one.report)
    scored, city_notices = evaluate_city(by_year, flat.packs, flat.selected)
    bases = {rule.id: pack.info.base_year for pack in flat.packs for rule in pack.rules}
    city_trend = city_trends(scored, bases)
    evaluations: list[CityEvaluation] = scored
    if flat.excuse is not None:
        excuse = flat.excuse
        evaluations = [excuse(e, CITY_WIDE) for e in scored]
    warnings = [
        *(w for one in kept for w in one.warnings),
        *cross_year_warnings([one.report for one in kept], earlier),
        *(flat.excuse.warnings() if flat.excuse is not None else ()),
    ]
    fails = failing(flat.strict)
    if refused:
        code = ExitCode.INVALID
    elif any(one.fails for one in kept) or any(r.status in fails for e in evaluations for r in e.results):
        code = ExitCode.FAILED
    else:
        code = ExitCode.OK
    years = sorted({*by_year, *(e.year for e in evaluations)})
    units: dict[str, list[_Kept]] = {}
    for one in kept:
        units.setdefault(one.report.unit, []).append(one)

    def entries(reader: _Reader) -> Iterator[Written]:
        for year in sorted(by_year):
            scores = [{"score": one.score, "kept": one} for one in kept if one.report.year == year]
            for rank, one in ranked(scores):
                yield reader.entry(one["kept"], rank)

    def unit_entries(reader: _Reader) -> Iterator[dict[str, Any]]:
        for reports in units.values():
            found = trends_of_unit([reader.year(one) for one in reports], bases)
            if found is not None:
                yield unit_trends(found, tr)

    def document(reader: _Reader) -> dict[str, Any]:
        return {
            **header(flat.packs, tr),
            "reports": Lazy(lambda: entries(reader)),
            "city": [city(e, tr) for e in evaluations],
            "invalid": [invalid(bad, tr) for bad in refused],
            "warnings": [w.as_dict(tr) for w in warnings],
            "notices": [tr.render(n) for n in (*notices, *city_notices)],
            "trends": {
                "method": METHOD,
                "years": years,
                "city": [trend(x, tr) for x in city_trend],
                "units": Lazy(lambda: unit_entries(reader)),
            },
            "exit_code": int(code),
        }

    return document, code
