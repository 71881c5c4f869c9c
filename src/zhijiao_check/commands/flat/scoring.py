"""What is done for each report of a flat run, in a worker process with ``--jobs``: read, scored, written
as its entry of the document, and packed as the city-wide rules read it (``Scored``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from zhijiao_check.commands.flat.copies import source_of, state_of
from zhijiao_check.commands.flat.spool import (
    DEPTH,
    said_of,
)
from zhijiao_check.document import reported
from zhijiao_check.engine.evaluate import evaluate_report
from zhijiao_check.engine.keep import Keep, packed, pruned
from zhijiao_check.files import path_in
from zhijiao_check.i18n import Translator
from zhijiao_check.jsontext import encoded
from zhijiao_check.memo import BoundedMemo
from zhijiao_check.records import record
from zhijiao_check.report import InvalidReport, ReportFile, load_report
from zhijiao_check.status import failing

if TYPE_CHECKING:
    from zhijiao_check.engine.results import ReportEvaluation
    from zhijiao_check.engine.waiver import Waiver
    from zhijiao_check.pack.load import RulePack
    from zhijiao_check.problems import Problem
    from zhijiao_check.report.roster import Roster
    from zhijiao_check.settings.waivers import Excuser

T = TypeVar("T")

# Reports read, then scored, then written as entries, this many at a time in each process: each step's code
# and data stay in the processor's caches over several reports (a few per cent of a bulk run), and a batch is
# small enough that memory stays flat.
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
    config: str | None = None  # the config file in use, as shown (``Run.config``)
    folders: tuple[str, ...] = ()  # the folders the run checks, real paths (``inputs.city_required``)


class Scored(NamedTuple):
    """A valid report once scored: what a worker sends back (``run.Placed``: its parts emptied). A tuple, not
    a record: made, emptied, pickled and unpickled in some 5 µs a report, where a record was 16 (emptied by
    ``dataclasses.replace``, rebuilt field by field when unpickled)."""

    file: str
    unit: str
    kind: str
    year: int
    warnings: tuple[Problem, ...]
    score: float | None
    fails: bool
    entry: bytes  # the document's entry, ``"rank": null``, indented at ``DEPTH``
    figures: bytes  # the trends' figures: its results' places and what each says (``spool.said_of``)
    kept: bytes  # the report as the city-wide rules read it (engine.keep), packed
    source: bytes  # where it was read from, for a second report of its unit and year (``copies.Source``)
    used: frozenset[Waiver]  # the waivers that excused one of its results


class Refused(NamedTuple):
    """A report the roster refuses (listed after the reports invalid in themselves)."""

    invalid: InvalidReport
    year: int  # a year of the run all the same (``inputs.unmatched``)


def listed_as_text(files: list[tuple[Path, str]]) -> list[tuple[str, str]]:
    """Each file's path and the name it is shown by, as text, taken out of ``files`` (the caller's list, which
    it leaves empty): a ``Path`` holds each part of its path apart, some 600 bytes a file for the whole run. A
    name that is the path's own text is the same string."""
    listed = []
    for path, name in files:
        text = str(path)
        listed.append((text, text if name == text else name))
    files.clear()
    return listed


def batched(listed: list[T]) -> list[list[T]]:
    """``listed`` in the batches a run scores them in: the first alone (with workers, done before they fork,
    it warms what they inherit: ``processes.ordered_map``), then ``BATCH`` at a time, in the workers too
    (handed one report at a time, they took some 4% longer)."""
    return [listed[:1], *(listed[at : at + BATCH] for at in range(1, len(listed), BATCH))]


# The folders of the files a run reads, parsed once each (a run's reports are in a few folders a year).
_FOLDERS: BoundedMemo[str, Path] = BoundedMemo(Path, limit=256)


def _path_of(text: str) -> Path:
    """``Path(text)`` of a file listed (``listed_as_text``), its name not interned (``files.path_in``)."""
    folder, name = os.path.split(text)
    return path_in(_FOLDERS[folder], name) if name else Path(text)


def scorer(
    flat: Flat, places: dict[int, int], keep: Keep
) -> Callable[[Sequence[tuple[str, str]]], list[Any]]:
    """The work done for a batch of files (``BATCH``, in each process of the run)."""
    units = flat.packs[0].units
    failing_statuses = failing(flat.strict)

    def admitted(loaded: ReportFile | InvalidReport) -> ReportFile | InvalidReport | Refused:
        if flat.roster is None or not isinstance(loaded, ReportFile):
            return loaded
        from zhijiao_check.report.roster import missing_schools

        errors = missing_schools(loaded, flat.roster)
        if not errors:
            return loaded
        refused = InvalidReport(loaded.file, (*errors, *loaded.warnings), loaded.unit, loaded.year)
        return Refused(refused, loaded.year)

    def scored(loaded: ReportFile, evaluation: ReportEvaluation, source: bytes) -> Scored:
        used: frozenset[Waiver] = frozenset()
        if flat.excuse is not None:
            before = set(flat.excuse.used)
            evaluation = flat.excuse(evaluation, evaluation.unit)
            used = frozenset(flat.excuse.used - before)
        entry, plain = reported(evaluation, flat.tr)
        return Scored(
            loaded.file,
            loaded.unit,
            loaded.kind,
            loaded.year,
            loaded.warnings,
            entry["score"],  # worked out once, for the entry
            any(r.status in failing_statuses for r in evaluation.results),
            encoded(entry, DEPTH, small_floats=not plain),
            said_of(evaluation, places),  # as the trends read it: waived where a waiver excuses
            packed(pruned(loaded, keep)),
            source,
            used,
        )

    def work(batch: Sequence[tuple[str, str]]) -> list[Scored | InvalidReport | Refused]:
        """Each step over the whole batch in turn; what each file gave, in order."""
        # each file looked at before it is read: a change after it shows when it is read again (``copies``)
        states = [state_of(path) for path, _ in batch]
        loaded = [admitted(load_report(_path_of(path), units, name)) for path, name in batch]
        evaluations = {
            index: evaluate_report(one, flat.packs, flat.selected)
            for index, one in enumerate(loaded)
            if isinstance(one, ReportFile)
        }
        return [
            scored(one, evaluations[index], source_of(batch[index][0], states[index], one))
            if isinstance(one, ReportFile)
            else one
            for index, one in enumerate(loaded)
        ]

    return work
