"""The report files a run is given: those named, and those found under the folders named (``find_reports``),
each once, with the problems of the paths that could not be searched."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path

from zhijiao_check.files import (
    STDIN_NAME,
    RealPaths,
    display_name,
    is_stdin,
    os_problem,
    path_in,
    path_problem,
    read_reason,
    walk,
)
from zhijiao_check.problems import Problem
from zhijiao_check.report import written
from zhijiao_check.source import NOTEPAD_SUFFIXES, OTHER_SPREADSHEETS, PACKAGE_SUFFIXES, REPORT_SUFFIXES


def find_reports(
    paths: Sequence[Path], not_reports: Iterable[Path] = (), roster: Path | None = None
) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """The report files named or found under the directories named, each once, as (path, display) pairs,
    and the problems of the paths that could not be searched (absent, a loop, unreadable directories).

    Directories are searched recursively for ``*.yaml``, ``*.yml``, ``*.json`` and ``*.xlsx`` in sorted order
    (and for spreadsheets of other formats, each refused by name when read: ``OTHER_SPREADSHEETS``; and for
    reports Notepad named ``*.yaml.txt``, read as what they are, with a warning, rather than left out of their
    year without a word: ``source.NOTEPAD_SUFFIXES``),
    following symlinks to folders (each folder once, however it is reached: ``files.walk``),
    skipping hidden files and directories, the lock files Excel and LibreOffice leave (``~$x.xlsx``) and the
    results the tool wrote there (``written``: ``. -o 结果.xlsx`` run again) and ``not_reports``, the other
    inputs of the run that are no report (the roster the config file names, ``reports/2023/名册.yaml``, was
    read as an invalid report of its year; the files of the rule packs it loads); a file named on the command
    line is kept whatever its name (what kind of file it is, a FIFO or a device, is judged when it is read:
    ``files.read_bytes``), but the run's ``roster``: named with the reports (``reports/2025/*.yaml``, as a CI
    job names them, the roster among them) it was read as an invalid report, which a folder's search passes
    over. ``-`` is standard input.
    """
    found: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    real_path = RealPaths()
    passed_over: set[str] | None = None  # listed when a folder is first searched
    the_roster = real_path(roster) if roster is not None else None
    for given in paths:
        if is_stdin(given):
            candidates = [(given, "")]
        else:
            try:
                is_directory = stat.S_ISDIR(os.stat(given).st_mode)
            except OSError as error:
                problems.append(path_problem(given, display_name(given), error))
                continue
            # a Numbers package named is the document itself, refused by name when read
            searched = is_directory and not given.name.lower().endswith(PACKAGE_SUFFIXES)
            candidates = _search(given, problems, real_path) if searched else [(given, "")]
        for candidate, real in candidates:
            # A file named twice, or inside a directory also named, counts once.
            if not real:
                real = STDIN_NAME if is_stdin(candidate) else real_path(candidate)
            if candidate is not given:
                if passed_over is None:
                    passed_over = {real_path(path) for path in not_reports}
                if real in passed_over:
                    continue
            elif real == the_roster:
                continue
            if real not in seen:
                seen.add(real)
                found.append((candidate, display_name(candidate)))
    return found, problems


def _search(directory: Path, problems: list[Problem], real_path: RealPaths) -> list[tuple[Path, str]]:
    """The report files under ``directory``, down symlinks to folders too (``files.walk``: each folder once),
    each with its real path: its folder's and its name, or for a symlink what ``real_path`` makes of it; a
    subdirectory that cannot be entered is a problem, not a silence. Each file's path is made from its
    folder's, which is parsed once (half the time of a ``Path`` of the folder and the name: the search is
    part of a run's start, before any worker can begin).
    """

    def unreadable(error: OSError) -> None:
        where = display_name(error.filename if error.filename is not None else directory)
        problems.append(
            Problem(where, None, None, "", "directory-unreadable", {"reason": read_reason(error)})
        )

    files = []
    for root, real, directories, names, links in walk(directory, onerror=unreadable):
        directories[:] = sorted(d for d in directories if not d.startswith("."))
        # a Numbers document saved on a Mac is a folder: listed as the spreadsheet it is, never searched into
        packages = [d for d in directories if d.lower().endswith(PACKAGE_SUFFIXES)]
        directories[:] = [d for d in directories if d not in packages]
        folder = Path(root)  # parsed once, each file's path made from it (``path_in``)
        for name in sorted([*names, *packages]):
            if name.startswith((".", "~$")):
                continue
            if _named_as_report(name):
                path = path_in(folder, name)
                files.append((path, real_path(path) if name in links else os.path.join(real, name)))
            else:
                _broken_link(os.path.join(root, name), problems)
    return [(path, real) for path, real in files if not written.is_written(path)]


def _named_as_report(name: str) -> bool:
    """Whether a folder's search takes a file of that name for a report: a report's suffix (or that of a
    spreadsheet refused by name, or a Notepad text document), no hidden file nor an Office lock file."""
    if name.startswith((".", "~$")):
        return False
    return name.lower().endswith((*REPORT_SUFFIXES, *OTHER_SPREADSHEETS, *NOTEPAD_SUFFIXES))


def is_report_name(path: Path) -> bool:
    """Whether a folder's search would take ``path`` (relative to the folder searched) for a report: its
    name one (``_named_as_report``), and no folder on the way hidden (``.github/x.yml`` is none)."""
    return _named_as_report(path.name) and not any(part.startswith(".") for part in path.parts[:-1])


def _broken_link(path: str, problems: list[Problem]) -> None:
    """A link to what is gone is listed among the names, not the folders: a county's folder linked from its
    year's (``2023/lanshan -> ../../store/lanshan``) and since moved was left out without a word."""
    if not os.path.islink(path):
        return
    try:
        os.stat(path)
    except FileNotFoundError:
        try:
            target = os.readlink(path)
        except OSError:
            # gone since it was listed (a file system in use; /proc's exe of a kernel thread): nothing to read
            return
        problems.append(Problem(display_name(path), None, None, "", "link-broken", {"target": target}))
    except OSError as error:  # a loop of links, a folder the user may not enter
        problems.append(os_problem(display_name(path), error))
