"""A flat run's units' trends made beside its city-wide years (``--jobs``): those of each unit whose reports,
valid or refused, cover every year of the run, which no city-wide section can change. In chunks that the
worker kept from the scoring and the run's own process take as each is free, after the years
(``years.Beside``), each chunk written to a spool of its own and put in its process's own file, where the run
reads it in place.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import NamedTuple

from zhijiao_check.commands.flat.scoring import Flat
from zhijiao_check.commands.flat.spool import SIDE_BUFFER, Spool, spool_file
from zhijiao_check.commands.flat.unittrends import DEPTH, UnitTrendTexts
from zhijiao_check.document import assessment
from zhijiao_check.engine.assessment import assessed
from zhijiao_check.engine.runtrends import schedule_bases
from zhijiao_check.jsontext import encoded
from zhijiao_check.records import record

# Chunks of units a process, about: the years go first (the larger items), then these, small enough that
# both processes end together. Made by the run's own process alone, the trends of 1,000 units over two
# years (some 60 ms) kept the worker idle once it had done its year.
CHUNKS_A_PROCESS = 3


class UnitReports(NamedTuple):
    """A unit whose trends are made ahead: its name, its kind, its kept reports' (year, number in the
    spool), and the years of its reports refused."""

    unit: str
    kind: str
    reports: tuple[tuple[int, int], ...]
    refused: tuple[int, ...]


@record
class TrendsTask:
    """A chunk of units (``units``) as ``trends_apart`` takes it (``TrendsAt``), with what a worker forked
    before the reports were kept lacks: the run's years (``years``), those of its valid reports
    (``ending``), and where in the spool the index of the kept reports is (``parts``)."""

    units: Sequence[UnitReports]
    years: Sequence[int]
    ending: Collection[int]
    parts: tuple[int, int]


class TrendsAt(NamedTuple):
    """Where a ``TrendsTask`` is in the run's spool, pickled: what a process is handed."""

    at: int
    size: int


# A unit's trends made ahead: where its entry and its clause-15 line are (start and size of each), or
# ``NONE`` where it has no trend.
Spans = tuple[int, int, int, int]
NONE: Spans = (-1, 0, -1, 0)


def trends_tasks(
    spool: Spool, units: Sequence[UnitReports], years: Sequence[int], ending: Collection[int], processes: int
) -> list[TrendsAt]:
    """``units`` in chunks, each ``TrendsTask`` written to ``spool``: some ``CHUNKS_A_PROCESS`` for each of
    ``processes``."""
    count = min(len(units), CHUNKS_A_PROCESS * processes)
    index = spool.index_written()
    return [
        TrendsAt(*spool.task_written(TrendsTask(units[chunk::count], years, frozenset(ending), index)))
        for chunk in range(count)
    ]


def trends_apart(
    flat: Flat, spool: Spool, texts: UnitTrendTexts | None, where: TrendsAt, number: int
) -> list[tuple[str, Spans]]:
    """The trends of the units of the ``TrendsTask`` at ``where``: each unit and where its entry and line
    are, written to a spool of its own, then put in the own file of process ``number``
    (``Spool.put_apart``). ``texts``: the run's own (its texts held for the units made later), or None in a
    worker, which makes its own."""
    task: TrendsTask = spool.task_read(where)
    if texts is None:
        texts = UnitTrendTexts(spool.rules, schedule_bases(flat.packs), flat.tr, task.years)
    made: list[tuple[str, Spans]] = []
    with spool_file(SIDE_BUFFER) as file:
        out = Spool(file, spool.rules, spool.views)
        for one in task.units:
            reports = [(year, spool.results(number)) for year, number in one.reports]
            found = texts.unit(one.unit, one.kind, reports, one.refused, (), (), task.ending)
            if found is None:
                made.append((one.unit, NONE))
                continue
            line = encoded(assessment(assessed(found.trends, one.unit, one.kind)), DEPTH)
            made.append((one.unit, (out.add(found.entry), len(found.entry), out.add(line), len(line))))
        at = spool.put_apart(number, out)
    return [(unit, spans if spans == NONE else _moved(spans, at)) for unit, spans in made]


def _moved(spans: Spans, by: int) -> Spans:
    entry, size, line, length = spans
    return entry + by, size, line + by, length
