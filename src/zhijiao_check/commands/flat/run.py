"""``run_flat``: a ``check`` run in flat memory (the package's door tells how), from the reports listed to
each format written; the second reports of a unit and year settled at its end as the whole run settles
them (``_one_each``)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import replace
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from zhijiao_check.commands.flat.ahead import TrendsAt, trends_apart
from zhijiao_check.commands.flat.assembly import assembled
from zhijiao_check.commands.flat.copies import Source, compared, unpacked_source
from zhijiao_check.commands.flat.scoring import Flat, Refused, Scored, batched, listed_as_text, scorer
from zhijiao_check.commands.flat.spool import HeldReport, Spool, Warnings, spool_file
from zhijiao_check.commands.flat.years import YearAt, year_apart
from zhijiao_check.engine.duplicates import refused_keys, set_aside, unique
from zhijiao_check.engine.keep import Keep, kept_fields
from zhijiao_check.jsontext import chunks
from zhijiao_check.memo import let_go
from zhijiao_check.output import Streamed, write_all
from zhijiao_check.records import record
from zhijiao_check.renderers import RenderOptions, own_options
from zhijiao_check.report import InvalidReport, ReportFile
from zhijiao_check.report.pathyear import PathYear, off_year, path_year
from zhijiao_check.source.yamltree import forget_built
from zhijiao_check.status import ExitCode, failing

if TYPE_CHECKING:
    from zhijiao_check.engine.waiver import Waiver
    from zhijiao_check.units import UnitRegistry
    from zhijiao_check.wording import Wording


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
    reports as the whole run does. ``files`` is emptied: the run holds them as text (``listed``)."""
    from zhijiao_check.commands.inputs import progress, unmatched
    from zhijiao_check.forked import worker_number
    from zhijiao_check.processes import in_parallel, ordered_map, team_kept
    from zhijiao_check.report.validator import quick_validator, report_validator

    rules = [rule for pack in flat.packs for rule in pack.rules]
    places = {id(rule): index for index, rule in enumerate(rules)}
    keep = kept_fields(flat.packs)
    work: Callable[[Sequence[tuple[str, str]]], list[Any]] = scorer(flat, places, keep)
    here = work  # this process's own share of the reports (``ordered_map``)
    listed = listed_as_text(files)
    parallel = in_parallel(len(listed), jobs)
    # The validator a report read from YAML asks first, built before the first report: once, in the parent,
    # which scores a share too, for the workers forked from it as well.
    quick_validator() or report_validator()
    # the workers (with ``parallel``), kept from the reports' scoring for the city-wide years (``YearAt``)
    with spool_file() as file, ExitStack() as apart, team_kept() as team:
        spool = Spool(file, rules, views=any(name != "json" for name, _ in outputs))
        if parallel:
            # A file for each worker, and one for this process's own share: its reports wait, in the
            # reports' order, behind the workers' chunks handed out before them, up to three chunks of
            # some 500 reports; held with their parts (35 KB a report) they were 56 MiB of a 10,000-report
            # run's peak, which the system's allocator then kept to the end (97-115 MiB against 43).
            spool.apart([apart.enter_context(spool_file()) for _ in range(jobs)])
            work = _in_worker(_placing(work, lambda: spool.own(worker_number())), flat, spool, keep)
            here = _placing(here, lambda: spool.own(jobs - 1))
        kept: list[HeldReport] = []
        loaded: list[InvalidReport] = []
        refused: list[InvalidReport] = []
        years: set[int] = set()  # of the reports the roster refused
        # Each report kept, by year and unit (no tuple a report for the key): a second one of the same unit
        # and year is refused; the year-before comparison looks a report's unit up here.
        seen: dict[int, dict[str, HeldReport]] = {}
        # A unit's name, a kind and a year held once, not once for each of ten thousand reports; a score too
        # (a few dozen differ: each one a float of its own was 0.2 MiB of a 10,000-report run).
        names: dict[Any, Any] = {}
        scores: dict[float | None, float | None] = {}
        # The second reports of a unit and year (spooled as the first is).
        copies: dict[tuple[str, int], list[Copy]] = {}
        misfiled: dict[tuple[str, int], tuple[int, str]] = {}  # (unit, year): (year its path says, file)
        batches = batched(listed)
        # the workers decided on by the reports' count (``parallel``), not the batches'
        mapped = (
            ordered_map(work, batches, jobs, least=2, here=here, kept=team)
            if parallel
            else map(work, batches)
        )
        scored = (done for batch in mapped for done in batch)
        for found in progress(scored, len(listed), options.color, flat.tr.lang):
            done, where = (found.done, found.where) if isinstance(found, Placed) else (found, None)
            if isinstance(done, InvalidReport):
                loaded.append(done)
            elif isinstance(done, Refused):
                refused.append(done.invalid)
                years.add(done.year)
            elif done.unit in seen.get(done.year, {}):
                # judged once every report is read, as the whole run does (``engine.duplicates.unique``), and
                # spooled as the first is: the copy is scored in its place where the first's path says
                # another year and the copy's does not (a few, if any)
                held = _held(spool, (done, where), names, scores, path_year(done.file))
                copies.setdefault((done.unit, done.year), []).append(Copy(held, done.used))
            else:
                if flat.excuse is not None:
                    flat.excuse.used |= done.used
                said = path_year(done.file)
                one = _held(spool, (done, where), names, scores, said)
                unit, year = one.unit, one.year
                seen.setdefault(year, {})[unit] = one
                kept.append(one)
                if said is not None and said.year != year:  # a few, if any: their files are held
                    misfiled[unit, year] = (said.year, done.file)
        del listed, batches  # some 70 bytes a file besides its name, which its report keeps
        settled = _one_each(spool, (kept, seen), copies, [*loaded, *refused], flat.packs[0].units)
        duplicates = settled.refused
        for key, copy in settled.instead.items():
            # The first was a report of another year set aside (named by ``set_aside`` as the whole run
            # names it), the copy its unit's own report of the year: its path agrees with its year.
            misfiled.pop(key, None)
            if flat.excuse is not None:
                flat.excuse.used |= copy.used
        if settled.dropped or settled.warned:  # a few, if any: the run's own lists are rebuilt only then
            kept = _settled(kept, seen, settled)
        # a report set aside for its unit's of the year it gives, named in the year its path says, as whole
        strays = set_aside(w for one in settled.warned.values() for w in one.warnings)
        elsewhere = strays | {
            (unit, said): (file, year)
            for (unit, year), (said, file) in misfiled.items()
            if unit in seen.get(year, {})
        }
        # and the run's own year (``pathyear.off_year``), its files looked up: a few, if any
        for (unit, year), run_year in _off_year(seen).items():
            elsewhere.setdefault((unit, run_year), (spool.report(seen[year][unit].number).file, year))
        earlier, notices = previous()
        notices = [*notices, *unmatched({*seen, *years}, earlier, flat.roster)]
        invalid = [*unreadable, *loaded, *refused, *duplicates]
        by_file = any(name == "junit" for name, _ in outputs)
        forget_built()  # every report is read (the copies of a unit's report, the earlier years' too)
        let_go()  # and scored
        _free_lists_emptied()
        document, warnings, code = assembled(
            flat, spool, (kept, seen, keep), invalid, earlier, notices, by_file, team, elsewhere
        )
        write_all(
            [(_text(name, flat, document, warnings, options, target), target) for name, target in outputs]
        )
    return code


def _free_lists_emptied() -> None:
    """Python keeps freed tuples, lists, dicts and floats on lists of its own to reuse (up to 2,000 tuples of
    each length), which only a full collection empties: the reports' scoring filled them, and they stood
    beside the city-wide years' peak (1.3 MiB of it at 10,000 reports over the widest years a pack allows).
    What the run holds lives until it ends and the collector is off (``check._without_collector``, which
    thaws it all at the end): frozen first, none of it is walked, and the collection costs next to nothing."""
    gc.freeze()
    gc.collect()


def _off_year(seen: Mapping[int, Mapping[str, HeldReport]]) -> dict[tuple[str, int], int]:
    """``pathyear.off_year`` of the kept reports (``seen``: by year and unit). In a function of its own: its
    lists of every report's unit and year (0.6 MiB at 10,000 reports) are let go before the city-wide years,
    where a run peaks."""
    undated = [(u, y) for y, units in seen.items() for u, one in units.items() if not one.dated]
    dated = [(u, y) for y, units in seen.items() for u, one in units.items() if one.dated]
    return off_year(undated, dated)


@record
class Copy:
    """A second report of a unit and year, spooled as the first is (``held``), and the waivers it used."""

    held: HeldReport
    used: frozenset[Waiver]


class Placed(NamedTuple):
    """A report scored with ``--jobs``, its parts written to its process's own file (``_placing``): the rest
    of it (``done``, its parts empty), and where its parts are (their start, and their sizes)."""

    done: Scored
    where: tuple[int, tuple[int, int, int, int]]


def _in_worker(
    work: Callable[[Sequence[tuple[str, str]]], list[Any]], flat: Flat, spool: Spool, keep: Keep
) -> Callable[[Any], Any]:
    """What a worker does: ``work`` for each batch of reports, then a city-wide year for each ``YearAt``
    (``years.year_apart``) and units' trends for each ``TrendsAt`` (``ahead.trends_apart``), the memos of
    the scoring let go first, as the run lets its own go."""
    from zhijiao_check.forked import worker_number

    def working(item: Any) -> Any:
        if not isinstance(item, (YearAt, TrendsAt)):
            return work(item)
        if not scored:
            scored.append(True)
            forget_built()
            let_go()
        if isinstance(item, YearAt):
            return year_apart(flat, spool, keep, item, worker_number())
        return trends_apart(flat, spool, None, item, worker_number())

    scored: list[bool] = []
    return working


def _placing(
    work: Callable[[Sequence[tuple[str, str]]], list[Any]], made: Callable[[], Spool]
) -> Callable[[Sequence[tuple[str, str]]], list[Any]]:
    """``work`` with each report's parts written at once to a file of the process's own (``made``: its
    spool, ``Spool.own``), and the rest kept (``Placed``): a worker's sent back, the parent's own share
    held until the workers' results before it are in."""
    own: list[Spool] = []  # the process's, made in it at its first batch

    def placing(batch: Sequence[tuple[str, str]]) -> list[Any]:
        if not own:
            own.append(made())
        out = own[0]
        return [_placed(out, one) if isinstance(one, Scored) else one for one in work(batch)]

    return placing


def _placed(out: Spool, done: Scored) -> Placed:
    parts = (done.entry, done.figures, done.kept, done.source)
    at = out.add_at_once(parts)
    sizes = (len(parts[0]), len(parts[1]), len(parts[2]), len(parts[3]))
    return Placed(done._replace(entry=b"", figures=b"", kept=b"", source=b""), (at, sizes))


def _held(
    spool: Spool,
    scored: tuple[Scored, tuple[int, tuple[int, ...]] | None],
    names: dict[Any, Any],
    scores: dict[Any, Any],
    said: PathYear | None,
) -> HeldReport:
    """A report scored (``scored``: what it gave, and where a worker wrote its parts, if it did) spooled, and
    what the run holds of it. A unit's name, a kind and a year held once (``names``), a score too
    (``scores``); ``said``: the year its path says (``pathyear.path_year``)."""
    done, where = scored
    unit, kind, year = (names.setdefault(name, name) for name in (done.unit, done.kind, done.year))
    if where is None:
        number = spool.keep(done.entry, done.figures, done.kept, done.source)
    else:
        number = spool.placed(*where)
    score = scores.setdefault(done.score, done.score)
    dated = said is not None and said.year == year
    return HeldReport(unit, kind, year, done.warnings, score, done.fails, number, dated)


@record
class Settled:
    """What the whole run's ``unique`` makes of the units and years of more than one report (``_one_each``):
    the reports it ``refused``, the (unit, year) of the kept ones taken out with them (``dropped``), and the
    report kept of each other unit and year it changes, with the warnings at its copies, by (unit, year)
    (``warned``): the first one read, or a copy kept in its place (``instead``: where the first's path says
    another year than it gives and the copy's does not)."""

    refused: list[InvalidReport]
    dropped: frozenset[tuple[str, int]]
    warned: dict[tuple[str, int], HeldReport]
    instead: dict[tuple[str, int], Copy]


def _one_each(
    spool: Spool,
    held_reports: tuple[Sequence[HeldReport], Mapping[int, Mapping[str, HeldReport]]],
    copies: Mapping[tuple[str, int], Sequence[Copy]],
    invalid: Sequence[InvalidReport],
    units: UnitRegistry,
) -> Settled:
    """The whole run's ``engine.duplicates.unique`` over the units and years of more than one report, or of an
    invalid one too: what it changes of ``kept``, which is left as it is (``_settled`` applies it). Two files
    of one unit and year are compared by reading both again (``copies.compared``). ``held_reports``: the
    run's kept reports, and by year and unit the same."""
    kept, seen = held_reports
    refused = refused_keys(invalid)
    firsts = [one for one in kept if (one.unit, one.year) in copies or (one.unit, one.year) in refused]
    if not firsts:
        return Settled([], frozenset(), {}, {})
    reports: list[ReportFile] = []
    of_file: dict[str, Source] = {}
    # each file's report as the run holds it: spooled, with its warnings (a stray's are told at the kept one)
    held: dict[str, tuple[HeldReport, Copy | None]] = {}
    for one in firsts:
        key = (one.unit, one.year)
        for each, copy in [(one, None), *((copy.held, copy) for copy in copies.get(key, []))]:
            report = replace(spool.report(each.number), warnings=each.warnings)
            reports.append(report)
            of_file[report.file] = unpacked_source(spool.part(each.number, 3))
            held[report.file] = (each, copy)

    def filed(unit: str, year: int) -> str | None:
        """The file of the first report of ``unit`` and ``year``, if any (a few, if any, are asked for)."""
        first = seen.get(year, {}).get(unit)
        return spool.report(first.number).file if first is not None else None

    still, duplicates = unique(
        reports, invalid, lambda report: compared(of_file[report.file], report.file, units), filed
    )
    now = {(report.unit, report.year): report for report in still}
    dropped = frozenset((one.unit, one.year) for one in firsts if (one.unit, one.year) not in now)
    warned: dict[tuple[str, int], HeldReport] = {}
    instead: dict[tuple[str, int], Copy] = {}
    for key, report in now.items():
        one, copy = held[report.file]
        if copy is not None:
            instead[key] = copy
        if copy is not None or len(report.warnings) > len(one.warnings):
            warned[key] = replace(one, warnings=report.warnings)  # its own warnings, then its copies'
    return Settled(duplicates, dropped, warned, instead)


def _settled(
    kept: list[HeldReport], seen: dict[int, dict[str, HeldReport]], settled: Settled
) -> list[HeldReport]:
    """``kept`` as ``settled`` leaves it, in its order; ``seen``, the run's own index of it, brought along."""
    for unit, year in settled.dropped:
        del seen[year][unit]
        if not seen[year]:
            del seen[year]
    for (unit, year), more in settled.warned.items():
        seen[year][unit] = more
    return [
        settled.warned.get((one.unit, one.year), one)
        for one in kept
        if (one.unit, one.year) not in settled.dropped
    ]


def _text(
    name: str,
    flat: Flat,
    document: Callable[[], dict[str, Any]],
    warnings: Warnings,
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
