"""The one door to input files: what a path is, its name as text, and its bytes, bounded.

Every reader (reports in YAML or JSON, rule files, and any format added later) reads through ``read_bytes``,
so that whatever the file system holds gives a located problem, never a hang or an internal error:

- anything that is not a regular file (a FIFO, a socket, a device, a directory) is refused *before it is
  opened*: opening a FIFO for reading blocks until someone writes to it, reading ``/dev/zero`` never ends;
- the errors of the file system (no such file, permission denied, a name too long, a symlink loop) are said
  in the user's words, one per path;
- a name that is not valid UTF-8 (a zip made on a Chinese Windows holds GBK names) is shown with its odd bytes
  escaped (``\\xb6``), since no output could hold it otherwise; and a control character in a name
  (``dong\\x01an.yaml``, an escape sequence, a newline) is shown escaped the same way, since as it is it
  would reach the terminal as a command, end a YAML comment, or be refused by a workbook.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from zhijiao_check.characters import escaped
from zhijiao_check.errors import FatalError
from zhijiao_check.problems import Problem, of_a_report
from zhijiao_check.wording import Msg

MAX_BYTES = 10 * 1024 * 1024
STDIN = "-"  # as a PATH: read standard input
STDIN_NAME = "<stdin>"

# errno → the problem code that says it (messages/<lang>/report.py); anything else is ``file-unreadable``.
_ERRNO_CODES = {
    errno.ENOENT: "path-not-found",
    errno.ENOTDIR: "path-not-found",  # a component of the path is a file
    errno.ELOOP: "symlink-loop",
    errno.ENAMETOOLONG: "name-too-long",
    errno.EACCES: "permission-denied",
    errno.EPERM: "permission-denied",
    errno.EIO: "io-error",  # a USB stick pulled out, a network share dropped, a failing disk
}
_KINDS = (
    (stat.S_ISDIR, "directory"),
    (stat.S_ISFIFO, "fifo"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character-device"),
    (stat.S_ISBLK, "block-device"),
)


def input_paths(arguments: Sequence[str]) -> list[Path]:
    """The PATH arguments as paths. An empty argument (``""``, an unset shell variable) is an error:
    ``Path("")`` would silently mean the working directory."""
    if any(argument == "" for argument in arguments):
        raise FatalError("empty-path")
    return [Path(argument) for argument in arguments]


def is_stdin(path: Path) -> bool:
    return str(path) == STDIN


def display_name(path: Path | str) -> str:
    """The path as text any output can hold: bytes that are not UTF-8, and control characters, shown as
    ``\\xNN`` (``\\uNNNN`` past U+00FF), as Python escapes them (``characters.escaped``)."""
    name = os.fspath(path)
    if STDIN in name and is_stdin(Path(name)):  # a name without a dash is no standard input (no Path made)
        return STDIN_NAME
    if not is_utf8(name):
        name = os.fsencode(name).decode("utf-8", errors="backslashreplace")
    return escaped(name)


def is_utf8(name: str) -> bool:
    """Whether a name is text UTF-8 can hold (a name of bytes that are not UTF-8 holds lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def gb18030_name(path: Path | str) -> str | None:
    """The name read as GB18030 when it is not UTF-8 but reads as GB18030 (a zip from a Chinese Windows)."""
    name = os.fspath(path)
    if is_utf8(name):
        return None
    try:
        return os.fsencode(name).decode("gb18030")
    except UnicodeDecodeError:
        return None


class RealPaths:
    """``os.path.realpath`` of many files, each folder resolved once: ``realpath`` asks the system about every
    part of every path (seven calls a file of a large run's ``reports/2023/0042/x.yaml``, some 0.4 s for
    10,000 files), where a file that is no symlink is its resolved folder and its name. ``info``: what
    ``os.lstat`` said of the last file resolved, which for a file that is no symlink is also what ``os.stat``
    says (None where the file is a symlink, or ``lstat`` failed)."""

    def __init__(self) -> None:
        self._folders: dict[str, str] = {}
        self.info: os.stat_result | None = None

    def __call__(self, path: Path | str) -> str:
        self.info = None
        head, name = os.path.split(path)
        if name in ("", ".", ".."):
            return os.path.realpath(path)
        try:
            info = os.lstat(path)
        except (OSError, ValueError):
            return os.path.realpath(path)
        if stat.S_ISLNK(info.st_mode):
            return os.path.realpath(path)
        self.info = info
        folder = self._folders.get(head)
        if folder is None:
            folder = self._folders[head] = os.path.realpath(head)
        return os.path.join(folder, name)


def path_in(folder: Path, name: str) -> Path:
    """``folder / name`` for a ``name`` listed in ``folder`` (one part, no separator), made as pathlib's own
    ``iterdir`` makes it, where pathlib has that maker (3.11, 3.12): ``/`` and ``Path(text)`` intern each
    part (``sys.intern``), and ten thousand reports' names, interned one after the other, grew Python's
    table of interned texts by 0.9 MiB, which it never gives back (a run's peak holds it)."""
    made = getattr(folder, "_make_child_relpath", None)
    return made(name) if made is not None else folder / name


def walk(
    top: Path | str, onerror: Callable[[OSError], None] | None = None
) -> Iterator[tuple[str, str, list[str], list[str], frozenset[str]]]:
    """``os.walk`` from ``top``, down symlinks to folders too, each folder walked once however it is reached;
    with each folder its real path (worked out to tell a folder walked already), and which of its names are
    symlinks (to a folder, to a file, to nothing), as the folder's listing says without a system call a
    name: a name that is no symlink is really the folder's real path and the name (``report.find``), a
    folder's too (but on Windows: ``_JUNCTIONS``), where ``os.path.realpath`` would ask the system about
    every part of its path.

    A folder of reports often holds a link to a county's folder kept elsewhere (``2023/lanshan ->
    ../../store/lanshan``): ``os.walk`` does not follow it, and the county's report was left out of its year
    without a word. Followed, a link back up (``a/b -> ..``) would be a loop, and two links to one folder
    would give its reports twice: a folder whose real path was walked already is not entered again (a loop
    is no error: everything under it is found once). The caller may drop folders from the list it is given,
    as with ``os.walk``; those it keeps are then checked against the ones walked, and walked in their order,
    each before the next, as ``os.walk`` walks them. A folder that cannot be listed is passed to
    ``onerror``, as ``os.walk`` passes it."""
    top = os.fspath(top)
    # The top's real path is worked out once it is listed: a file is no folder, and its real path, asked of
    # the system part by part, was some 140 µs a file where each of a run's reports is checked against its
    # outputs (``commands.inputs.guard_outputs``).
    pending = [(top, "")]
    walked: set[str] = set()
    while pending:
        root, real = pending.pop()
        listed = _listed(root, onerror)
        if listed is None:
            continue
        if not real:  # the top, listed
            real = _real(root)
            walked.add(real)
        directories, names, links = listed
        yield root, real, directories, names, links
        kept = []
        for directory in directories:  # as the caller left them
            path = os.path.join(root, directory)
            plain = directory not in links and not _JUNCTIONS
            resolved = os.path.join(real, directory) if plain else _real(path)
            if resolved not in walked:
                walked.add(resolved)
                kept.append((path, resolved))
        directories[:] = [os.path.basename(path) for path, _ in kept]
        pending.extend(reversed(kept))


# On Windows a junction leads to another folder as a symlink does, but is none to ``is_symlink``: each
# folder's real path there is asked of the system (``os.path.realpath`` resolves junctions).
_JUNCTIONS = os.name == "nt"


def _real(path: str) -> str:
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return path


def _listed(
    root: str, onerror: Callable[[OSError], None] | None
) -> tuple[list[str], list[str], frozenset[str]] | None:
    """The folders in ``root`` (symlinks to folders too), its other names, and the names of both that are
    symlinks; None, once ``onerror`` is told, where ``root`` cannot be listed (as ``os.walk`` does)."""
    directories: list[str] = []
    names: list[str] = []
    links: list[str] = []
    try:
        with os.scandir(root) as entries:
            for entry in entries:
                (directories if _is_folder(entry) else names).append(entry.name)
                if _is_link(entry):
                    links.append(entry.name)
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return None
    return directories, names, frozenset(links)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # as ``os.walk`` takes it: a name, not a folder
        return False


def _is_link(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_symlink()
    except OSError:  # not known: resolved as a symlink is, by asking the system (``RealPaths``)
        return True


def os_problem(display: str, error: OSError) -> Problem:
    """A file-system error as the located problem of that path."""
    code = _ERRNO_CODES.get(error.errno or 0, "file-unreadable")
    return Problem(display, None, None, "", code, {"reason": error.strerror or str(error)})


def read_reason(error: OSError) -> Msg | str:
    """Why the system refused a read, as a reason inside another message (``directory-unreadable``): the
    tool's words for a common error, with what to do; else the system's own, English whatever the language
    (``Permission denied`` stood in the Chinese of a folder that could not be entered)."""
    code = _ERRNO_CODES.get(error.errno or 0)
    return Msg(f"report.{code}") if code is not None else error.strerror or str(error)


def path_problem(path: Path, display: str, error: OSError) -> Problem:
    """``os_problem``, but a symbolic link to what is gone is said as one, with its target: "no such file"
    of a name the user sees listed sent them looking for a typing mistake."""
    if isinstance(error, FileNotFoundError) and os.path.islink(path):
        try:
            target = os.readlink(path)
        except OSError:  # gone since (a file system in use): no such file, as the system said
            return os_problem(display, error)
        return Problem(display, None, None, "", "link-broken", {"target": target})
    return os_problem(display, error)


def open_problem(path: Path, display: str) -> Problem | None:
    """Why a file or folder named on the command line cannot be read, found by opening it as a read would
    (a folder listed, a file opened without a byte read); None when it can be. Asked of a path only read
    later (a pack's folder, an earlier year's reports), where the system's refusal would otherwise be taken
    for something else: a locked pack folder for "no pack.yaml", a locked earlier year for an invalid one."""
    try:
        if os.path.isdir(path):
            with os.scandir(path):
                return None
        os.close(os.open(path, _READ_FLAGS))  # O_NONBLOCK: a FIFO does not wait for a writer
    except OSError as error:
        return path_problem(path, display, error)
    return None


def kind_problem(mode: int, display: str) -> Problem | None:
    """``None`` for a regular file; else the problem that names what the path is instead."""
    if stat.S_ISREG(mode):
        return None
    return Problem(display, None, None, "", "not-regular-file", {"kind": path_kind(mode)})


def path_kind(mode: int) -> Msg:
    """What a path of ``mode`` is, as a message names it: a file, a directory, a device, …"""
    kind = "file" if stat.S_ISREG(mode) else next((name for test, name in _KINDS if test(mode)), "special")
    return Msg(f"report.file-kind-{kind}")


def read_bytes(path: Path, display: str, limit: int = MAX_BYTES) -> bytes | Problem:
    """At most ``limit + 1`` bytes of a regular file (or of standard input, for ``-``): the caller sees that a
    file is over the limit without reading all of it."""
    if is_stdin(path):
        read = _standard_input(limit)
        return read if read is not None else Problem(display, None, None, "", "stdin-closed")
    try:
        problem = kind_problem(os.stat(path).st_mode, display)
        if problem:
            return problem
        # O_NONBLOCK: should the path have become a FIFO since the stat, opening it still returns at once.
        descriptor = os.open(path, _READ_FLAGS)
        try:
            status = os.fstat(descriptor)
            problem = kind_problem(status.st_mode, display)
            return problem if problem else _read_to(descriptor, min(limit, status.st_size), limit)
        finally:
            os.close(descriptor)
    except OSError as error:
        return path_problem(path, display, error)


# The descriptor read by ``os.read``, not through a file object: ``open`` asks the system for the file's
# status and whether it is a terminal, and where it stands, and a buffered read asks once more at the end of
# the file, five calls a report of a bulk run that say nothing new.
_READ_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)


def _read_to(descriptor: int, size: int, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of a regular file whose size was ``size``: one read of ``size + 1``, which
    the file's end cuts short, then on to the limit only if the file grew since (its size is read again) or
    the system gave fewer bytes than were there (a network file system may)."""
    data = os.read(descriptor, size + 1)
    if len(data) == size:
        return data
    chunks = [data]
    read = len(data)
    while read <= limit and data:
        data = os.read(descriptor, limit + 1 - read)
        chunks.append(data)
        read += len(data)
    return b"".join(chunks)


# Standard input read ahead (``read_stdin_ahead``): the process that read it, the stream, and what it held
# (None: it was closed).
_ahead: list[tuple[int, object, bytes | None]] = []


def read_stdin_ahead() -> None:
    """Read standard input now, in the main process, for ``-`` among a run's reports: a worker forked later
    (``--jobs``, ``processes.ordered_map``) has /dev/null for standard input, and read ``-`` there as an empty
    file. ``read_bytes`` then answers from what was read: in a forked worker (another process), and in this
    one while standard input is the same stream (a later run in the same process, given another standard
    input, reads that one)."""
    stream = sys.stdin.buffer if sys.stdin is not None else None
    _ahead[:] = [(os.getpid(), stream, stream.read(MAX_BYTES + 1) if stream is not None else None)]


def _standard_input(limit: int) -> bytes | None:
    """At most ``limit + 1`` bytes of standard input: what was read ahead, in a worker forked since or while
    standard input is the stream it was read from, else read now; None when standard input is closed."""
    stream = sys.stdin.buffer if sys.stdin is not None else None
    for process, read_from, held in _ahead:
        if process != os.getpid() or read_from is stream:
            return held[: limit + 1] if held is not None else None
    return stream.read(limit + 1) if stream is not None else None


def read_file(path: Path, display: str) -> bytes | Problem:
    """The whole of a regular file (or of standard input) of at most ``MAX_BYTES``: a larger one is a problem,
    not a read. What every reader of a whole file calls (YAML, JSON, workbooks, TOML)."""
    raw = read_bytes(path, display, MAX_BYTES)
    if isinstance(raw, Problem) or len(raw) <= MAX_BYTES:
        return raw
    try:
        size = max(os.stat(path).st_size, len(raw)) if not is_stdin(path) else len(raw)
    except OSError:
        size = len(raw)
    size_mib = f"{size / 1024 / 1024:.1f}"
    kind = of_a_report()
    return Problem(display, None, None, "", "file-too-large", {"size_mib": size_mib, "file_kind": kind})
