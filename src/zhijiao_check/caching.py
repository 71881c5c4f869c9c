"""Files kept between runs in the user's cache folder: what a run made once (a loaded rule pack,
``pack.cache``; the report's validator, ``report.validator``), used again while what it was made from is
unchanged.

The cache folder is ``ZHIJIAO_CHECK_CACHE``, else ``$XDG_CACHE_HOME/zhijiao-check``,
``~/.cache/zhijiao-check`` (``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on Windows). A kept file is a
pickled header (what it was made from) and a pickled body, written under a temporary name and renamed into
place; one that cannot be read, written or understood is ignored, never an error: a FIFO or a device at a
kept file's name is opened without waiting (``O_NONBLOCK``) and passed over, where reading it waited for a
writer for ever. A file modified less than ``SETTLED`` seconds before what is made from it would be kept
leaves it unkept, since a second change within the file system's clock step could leave size and time as they
were.

A kept file is read with ``pickle``, which runs whatever code the file names, and its name is predictable:
whoever can put a file there runs code as the user at the next run. So the folder and the file are used only
when they belong to the user running the tool and nobody else may write to them (no group or others' write
permission); otherwise nothing is read from the folder and nothing written to it. The tool makes its folder
for the user alone (0700) and each file likewise (0600), whatever the umask, so only a folder made otherwise
(a shared ``ZHIJIAO_CHECK_CACHE=/tmp``, say: ``chmod go-w`` makes it the user's alone) goes unused; the
tool's own folder, when it is the user's but others may write to it (an earlier version made it under a umask
of 002), is made the user's alone when a file is next kept there (``_tightened``). A folder the user chose
and the tool passes over is noted (``unused_chosen``), and the run says so once, on standard error
(``errors.run_command``): named on purpose, it went unused in silence, every run slower and nothing saying
why. Windows has no such owner and modes to ask: there no such check is made.
"""

from __future__ import annotations

import os
import pickle
import stat
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

SETTLED = 2.0  # seconds since a file's last change before what is made from it is kept

Stamp = tuple[int, int, int]  # size, modification time (ns), inode

# Why a folder named by ``ZHIJIAO_CHECK_CACHE`` is passed over: group or others may write to it; it is another
# user's. Each is told in its message, ``cli.cache-unused-<why>``.
UNUSED_BECAUSE = ("others", "owner")
# The folder named by ``ZHIJIAO_CHECK_CACHE`` that was passed over since it was last told (``unused_chosen``),
# and why.
_unused: list[tuple[Path, str]] = []


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


def stamps_of(paths: Sequence[str | Path]) -> list[Stamp] | None:
    """What tells each file's present content from another (size, modification time, inode); None when one
    cannot be read."""
    try:
        return [(info.st_size, info.st_mtime_ns, info.st_ino) for info in map(os.stat, paths)]
    except (OSError, ValueError):
        return None


def read_kept(path: Path, fresh: Callable[[dict[str, Any]], bool]) -> Any:
    """What ``write_kept`` wrote to ``path`` while its header is ``fresh``; else, or when it cannot be read
    or is not the user's alone (the module's docstring), None."""
    if not _usable(path.parent):
        return None
    try:
        # Without O_NONBLOCK, opening a FIFO waits for a writer: every run hung at a FIFO in a file's place.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except (OSError, ValueError):
        return None
    try:
        with os.fdopen(descriptor, "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode) or not _private(info):
                return None
            header = pickle.load(file)
            if not isinstance(header, dict) or not fresh(header):
                return None
            return pickle.load(file)
    except Exception:  # noqa: BLE001 - a kept file that cannot be read is none: what it held is made again
        return None


def write_kept(path: Path, header: dict[str, Any], body: bytes) -> None:
    """``header`` pickled, then ``body`` (a pickle), to ``path`` under a temporary name and renamed into
    place; a folder that cannot be written to, or is not the user's alone, keeps nothing."""
    temporary = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not os.environ.get("ZHIJIAO_CHECK_CACHE"):
            _tightened(path.parent)
        if not _usable(path.parent):
            return
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        with os.fdopen(os.open(temporary, flags, 0o600), "wb") as file:
            pickle.dump(header, file, protocol=pickle.HIGHEST_PROTOCOL)
            file.write(body)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def _tightened(folder: Path) -> None:
    """The tool's own cache folder (not one the user chose) made the user's alone if it is theirs but others
    may write to it: one an earlier version made under a umask of 002 would otherwise go unused for good, and
    every run would read and check the rule files again."""
    try:
        info = os.stat(folder)
        if (
            hasattr(os, "getuid")
            and info.st_uid == os.getuid()
            and info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        ):
            os.chmod(folder, stat.S_IMODE(info.st_mode) & ~(stat.S_IWGRP | stat.S_IWOTH))
    except (OSError, ValueError):
        return


def _usable(folder: Path) -> bool:
    """Whether kept files may be read from and written to ``folder`` (``_private_folder``); a folder the user
    chose that may not is noted, to be told (``unused_chosen``)."""
    if _private_folder(folder):
        return True
    chosen = os.environ.get("ZHIJIAO_CHECK_CACHE")
    if chosen and Path(chosen) == folder:
        try:
            info = os.stat(folder)
        except (OSError, ValueError):
            return False  # none there yet, or none to be made: nothing the user can be told to change here
        if stat.S_ISDIR(info.st_mode) and not _unused:
            _unused.append((folder, UNUSED_BECAUSE[info.st_uid != os.getuid()]))
    return False


def unused_chosen() -> tuple[Path, str] | None:
    """The folder named by ``ZHIJIAO_CHECK_CACHE`` that this run passed over, not the user's alone, and why
    (``"others"``: group or others may write to it; ``"owner"``: another user's); None once told, so that a
    run tells it once however often it looked."""
    return _unused.pop() if _unused else None


def forget_unused() -> None:
    """Forget the folder noted as passed over (``unused_chosen``), untold: a ``--quiet`` run says no word of
    the machine (``commands.check``)."""
    _unused.clear()


def _private_folder(folder: Path) -> bool:
    """Whether ``folder`` is a folder of the user's that no one else may write to."""
    try:
        info = os.stat(folder)
    except (OSError, ValueError):
        return False
    return stat.S_ISDIR(info.st_mode) and _private(info)


def _private(info: os.stat_result) -> bool:
    """Whether what ``info`` describes belongs to the user running the tool, and only they may write to it."""
    if not hasattr(os, "getuid"):  # Windows: no owner and modes to ask
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def settled(stamps: list[Stamp] | None) -> bool:
    """Whether files of these stamps were each last changed ``SETTLED`` seconds ago or more."""
    return stamps is not None and all(mtime <= time.time_ns() - SETTLED * 1e9 for _, mtime, _ in stamps)
