"""Where files are, for code scanning and annotations: relative to the repository's root, as GitHub expects.

GitHub matches a SARIF result or a ``::error file=`` annotation with a file of the repository by its path from
the repository root. So the paths these outputs give are taken from one base folder: ``--base-dir``, else the
git top level of the working directory, else the working directory; normalised (no ``..``, no ``./``), with
``/``. A file outside that folder is given by its absolute path, however it was typed.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from zhijiao_check.files import STDIN_NAME


def repository_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` with a ``.git`` (a folder, or a file in a worktree),
    else ``start``.
    """
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def from_base(file: str, base: Path) -> str | None:
    """``file`` (as shown, relative to the working directory or absolute) relative to ``base``, with ``/``;
    None when the file is not under ``base``."""
    absolute = Path(os.path.abspath(file))
    try:
        relative = absolute.resolve().relative_to(base.resolve())
    except ValueError:
        try:
            relative = absolute.relative_to(Path(os.path.abspath(base)))
        except ValueError:
            return None
    return PurePosixPath(*relative.parts).as_posix()


def shown_from_base(file: str, base: Path) -> str:
    """The path GitHub can match (relative to ``base``); a file outside ``base`` by its absolute path, as
    SARIF gives its ``file://`` URI: the same whether it was typed ``../reports/x.yaml`` or in full
    (docs/ci.md)."""
    relative = from_base(file, base)
    if relative is not None:
        return relative
    if file == STDIN_NAME:  # no file at all: the name that says so
        return file
    return Path(os.path.abspath(file)).as_posix()
