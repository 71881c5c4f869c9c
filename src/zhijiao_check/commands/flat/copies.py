"""Two files of one unit and year in a flat run (a Windows copy beside its original, ``… - 副本.xlsx``): their
contents are compared only once a second one turns up, by reading both again (``compared``). Digesting every
report as it was read, for a case most runs never meet, was 3–4% of a bulk run; what each report leaves for
the comparison is where it was read from and its file's state then (``Source``).
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from zhijiao_check.engine.duplicates import report_contents
from zhijiao_check.files import STDIN, is_stdin
from zhijiao_check.report import ReportFile, load_report

if TYPE_CHECKING:
    from zhijiao_check.units import UnitRegistry

# A file's size and the time of its last change (nanoseconds), as they were just before it was read.
State = tuple[int, int]


class Source(NamedTuple):
    """Where a report was read from: its path, and its file's ``State`` then (None: it could not be looked
    at). Standard input cannot be read again: a report read from it is left as its contents
    (``report_contents``), digested as it was read (one report of a run at most)."""

    path: str
    state: State | bytes | None


def state_of(path: str) -> State | None:
    """The file's size and time of its last change; None if it cannot be looked at (gone, say)."""
    try:
        found = os.stat(path)
    except (OSError, ValueError):  # ValueError: a NUL in the path
        return None
    return found.st_size, found.st_mtime_ns


def source_of(path: str, state: State | None, loaded: ReportFile) -> bytes:
    """What a report read from ``path`` (its file's ``state`` taken before it was read) leaves for a second
    report of its unit and year: its ``Source``, packed."""
    # a path without a dash is no standard input: no ``Path`` made and written out again for each report
    from_stdin = STDIN in path and is_stdin(Path(path))
    kept: State | bytes | None = report_contents(loaded) if from_stdin else state
    # a plain tuple: a named one is pickled by its class, looked up and checked at each report (ten times
    # as long)
    return pickle.dumps((path, kept), protocol=pickle.HIGHEST_PROTOCOL)


def unpacked_source(raw: bytes) -> Source:
    """What ``source_of`` packed."""
    path, state = pickle.loads(raw)
    return Source(path, state)


def compared(source: Source, file: str, units: UnitRegistry) -> object:
    """What the report ``file`` (read from ``source``) is compared with: its contents as read again
    (``report_contents``), if its file is as it was when it was scored. A file changed or gone since, or that
    no longer reads as a report, gives a value equal to no other: its report differs from every other one,
    so that figures nobody can vouch for are not scored in place of another file's (both are refused)."""
    path, state = source
    if isinstance(state, bytes):
        return state  # read from standard input, digested then
    if state is None or state_of(path) != state:
        return object()
    again = load_report(Path(path), units, file)
    # looked at again after the reading too: a change while it was read again is a change
    if not isinstance(again, ReportFile) or state_of(path) != state:
        return object()
    return report_contents(again)
