"""Finding and loading the reports named on the command line, with progress shown for long runs."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from zhijiao_check.errors import FatalError

if TYPE_CHECKING:
    from zhijiao_check.report import InvalidReport, ReportFile
    from zhijiao_check.units import UnitRegistry

PROGRESS_FROM = 200  # files: below this, loading is quicker than a progress bar is worth


def load_all(paths: Sequence[Path], units: UnitRegistry) -> tuple[list[ReportFile], list[InvalidReport]]:
    """Every report under ``paths``; a path that does not exist is an invalid input, the others still load."""
    from zhijiao_check.report import InvalidReport, ReportFile, find_reports, load_report

    files, not_found = find_reports(paths)
    invalid = [InvalidReport(problem.file, (problem,)) for problem in not_found]
    if not files and not invalid:
        raise FatalError("no-reports", paths=" ".join(str(p) for p in paths))
    valid: list[ReportFile] = []
    for path, display in _progress(files):
        loaded = load_report(path, units, display)
        if isinstance(loaded, ReportFile):
            valid.append(loaded)
        else:
            invalid.append(loaded)
    return valid, invalid


def _progress(files: list[tuple[Path, str]]) -> Iterable[tuple[Path, str]]:
    if len(files) < PROGRESS_FROM or not sys.stderr.isatty():
        return files
    from rich.console import Console
    from rich.progress import track

    return track(files, description=f"{len(files)} …", transient=True, console=Console(stderr=True))
