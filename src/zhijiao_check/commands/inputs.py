"""Finding and loading the reports named on the command line, with progress shown for long runs."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from zhijiao_check.errors import FatalError
from zhijiao_check.files import display_name

if TYPE_CHECKING:
    from zhijiao_check.report import InvalidReport, ReportFile
    from zhijiao_check.units import UnitRegistry

PROGRESS_FROM = 200  # files: below this, loading is quicker than a progress bar is worth


def load_all(
    paths: Sequence[Path], units: UnitRegistry, outputs: Sequence[Path | None] = (),
    other_inputs: Sequence[Path] = (),
) -> tuple[list[ReportFile], list[InvalidReport]]:
    """Every report under ``paths``; a path that cannot be read is an invalid input, the others still load.

    Before any file is read, an output that would overwrite one of them, a rule file or one of ``other_inputs``
    (files, or folders of files: rule packs, a roster, earlier years) is refused.
    """
    from zhijiao_check.report import InvalidReport, ReportFile, find_reports, load_report

    files, unreadable = find_reports(paths)
    guard_outputs(outputs, [*(path for path, _ in files), *other_inputs])
    invalid = [InvalidReport(problem.file, (problem,)) for problem in unreadable]
    if not files and not invalid:
        raise FatalError("no-reports", paths=" ".join(display_name(p) for p in paths))
    valid: list[ReportFile] = []
    for path, display in _progress(files):
        loaded = load_report(path, units, display)
        if isinstance(loaded, ReportFile):
            valid.append(loaded)
        else:
            invalid.append(loaded)
    return valid, invalid


def guard_outputs(outputs: Sequence[Path | None], inputs: Sequence[Path]) -> None:
    """Refuse (exit 2, before anything is written) an output over one of ``inputs`` (files, or folders of files:
    rule packs, earlier years), over a file of the installed pack, or two outputs to one file."""
    from zhijiao_check.output import check_targets
    from zhijiao_check.pack.load import builtin_dir

    if any(output is not None for output in outputs):
        check_targets(outputs, _files_under([builtin_dir(), *inputs]))


def rule_inputs(rules: Sequence[Path], pack: str | None) -> list[Path]:
    """The rule files a command reads besides the installed packs: ``--rules`` and a ``--pack`` folder."""
    return [*rules, *([Path(pack)] if pack and Path(pack).exists() else [])]


def _files_under(paths: Sequence[Path]) -> list[Path]:
    return [*paths, *(Path(root, name) for path in paths for root, _, names in os.walk(path) for name in names)]


def _progress(files: list[tuple[Path, str]]) -> Iterable[tuple[Path, str]]:
    if len(files) < PROGRESS_FROM or not sys.stderr.isatty():
        return files
    from rich.console import Console
    from rich.progress import track

    return track(files, description=f"{len(files)} …", transient=True, console=Console(stderr=True))
