"""Files kept between runs in the user's cache folder: what a run made once (a loaded rule pack,
``pack.cache``; the report's validator, ``report.validator``), used again while what it was made from is
unchanged.

The cache folder is ``ZHIJIAO_CHECK_CACHE``, else ``$XDG_CACHE_HOME/zhijiao-check``,
``~/.cache/zhijiao-check`` (``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on Windows). A kept file is a
pickled header (what it was made from) and a pickled body, written under a temporary name and renamed into
place; one that cannot be read, written or understood is ignored, never an error. A file modified less than
``SETTLED`` seconds before what is made from it would be kept leaves it unkept, since a second change within
the file system's clock step could leave size and time as they were.
"""

from __future__ import annotations

import os
import pickle
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SETTLED = 2.0  # seconds since a file's last change before what is made from it is kept

Stamp = tuple[int, int, int]  # size, modification time (ns), inode


def cache_dir() -> Path | None:
    """Where kept files go; None when there is no home to keep them in."""
    chosen = os.environ.get("ZHIJIAO_CHECK_CACHE")
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base, "zhijiao-check", "cache") if base else None
    xdg = os.environ.get("XDG_CACHE_HOME")
    if sys.platform != "darwin" and xdg and os.path.isabs(xdg):
        return Path(xdg, "zhijiao-check")
    # Without HOME or a user entry ``~`` stays ``~``: a folder of that name in the working folder is no cache.
    home = os.path.expanduser("~")
    if not os.path.isabs(home):
        return None
    root = Path(home, "Library", "Caches") if sys.platform == "darwin" else Path(home, ".cache")
    return root / "zhijiao-check"


def stamps_of(paths: list[Path]) -> list[Stamp] | None:
    """What tells each file's present content from another (size, modification time, inode); None when one
    cannot be read."""
    try:
        return [(info.st_size, info.st_mtime_ns, info.st_ino) for info in map(os.stat, paths)]
    except (OSError, ValueError):
        return None


def read_kept(path: Path, fresh: Callable[[dict[str, Any]], bool]) -> Any:
    """What ``write_kept`` wrote to ``path`` while its header is ``fresh``; else, or when it cannot be read,
    None."""
    try:
        with open(path, "rb") as file:
            header = pickle.load(file)
            if not isinstance(header, dict) or not fresh(header):
                return None
            return pickle.load(file)
    except Exception:  # noqa: BLE001 - a kept file that cannot be read is none: what it held is made again
        return None


def write_kept(path: Path, header: dict[str, Any], body: bytes) -> None:
    """``header`` pickled, then ``body`` (a pickle), to ``path`` under a temporary name and renamed into
    place; a folder that cannot be written to keeps nothing."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        with open(temporary, "wb") as file:
            pickle.dump(header, file, protocol=pickle.HIGHEST_PROTOCOL)
            file.write(body)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def settled(stamps: list[Stamp] | None) -> bool:
    """Whether files of these stamps were each last changed ``SETTLED`` seconds ago or more."""
    return stamps is not None and all(mtime <= time.time_ns() - SETTLED * 1e9 for _, mtime, _ in stamps)
