"""Writing a command's text to standard output or to files: the one place that does it.

Nothing is lost: an output that is an input (the same path, a symlink to it, a hard link) is refused before
any work, as are two outputs to one file. Each file is written beside its target under a temporary name and
renamed into place only when every file of the run is complete, so an output appears whole or not at all.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from zhijiao_check.errors import FatalError, os_reason
from zhijiao_check.files import RealPaths, display_name
from zhijiao_check.wording import Wording, msg

if TYPE_CHECKING:
    from zhijiao_check.i18n import Translator
    from zhijiao_check.jsontext import Piece, Span


# The format a file's name asks for, when no format is given for it (``-o 2024-结果.xlsx``).
_BY_EXTENSION = {
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
    ".csv": "csv",
    ".md": "markdown",
    ".sarif": "sarif",
    ".xml": "junit",
}


def format_named(file: Path) -> str:
    """The format ``file``'s name ends with (``.xlsx``, ``.json``, …), else the table, the default format."""
    return _BY_EXTENSION.get(file.suffix.lower(), "table")


# A SARIF log is JSON, and is often named so (``results.sarif.json``): a ``.json`` name takes it too.
_ALSO_TAKES = {".json": ("sarif",)}


def other_format_named(format: str, file: Path | None) -> str | None:
    """The format ``file``'s name names when it is another than ``format``, which it is paired with
    (``-f junit -o r.sarif``, or ``-f github -f sarif -o x.sarif``, the n-th file with the n-th format): the
    file would hold what its name says it does not. None for a name that names no format (``g.txt``), the
    same one, standard output, or a device (``/dev/null``)."""
    if file is None or is_stdout(file) or is_special(file):
        return None
    suffix = file.suffix.lower()
    named = _BY_EXTENSION.get(suffix)
    if named is None or named == format or format in _ALSO_TAKES.get(suffix, ()):
        return None
    return named


def suffixes_of(format: str) -> str:
    """The ends of a file's name that name ``format`` (``.html 或 .htm``), for a message; ``.txt`` for one
    no ending names (``github``, ``table``)."""
    return " / ".join(suffix for suffix, named in _BY_EXTENSION.items() if named == format) or ".txt"


# The suffixes of a report's name under which a result is read back as the tool's own (``report.written``):
# its JSON named ``.json`` (SARIF too), its workbook ``.xlsx``. Under any other report's name (``.yaml``,
# ``.yml``, ``.json.txt``) a result is read as a report, an invalid one.
_READ_BACK = {".json": ("json", "sarif"), ".xlsx": ("xlsx",)}


def refuse_report_name(format: str, output: Path | None) -> None:
    """Refuse an output named as a report is (``.yaml``, ``.yml``, ``.json``, ``.yaml.txt``, ``.json.txt``,
    ``.xlsx``) that would hold ``format``, which the tool does not read back as its own result under that
    name: ``check … -o 结果.yaml`` wrote its table there, the next ``check`` of the folder read it as an
    invalid report (exit 2), and the same command was then refused for writing over "a report". A spreadsheet
    the tool does not write (``.xlsm``) is ``refuse_spreadsheet``'s; standard output and a device are no
    file's name. A file already there is left to the later guard (``commands.inputs.guard_outputs``), which
    names what it is: the run's own input (``-o dongan.yaml`` over the report checked) or a report."""
    from zhijiao_check.source import NOTEPAD_SUFFIXES, TEXT_SUFFIXES, WRITTEN_WORKBOOK

    if output is None or is_stdout(output) or is_special(output):
        return
    if _holds_something(output):  # an input, or a report: the guard over inputs and reports says which
        return
    name = output.name.lower()
    suffix = next(
        (end for end in (*NOTEPAD_SUFFIXES, *TEXT_SUFFIXES, WRITTEN_WORKBOOK) if name.endswith(end)), None
    )
    if suffix is None or format in _READ_BACK.get(suffix, ()):
        return
    raise FatalError(
        "output-report-name",
        file=display_name(output),
        suffix=output.name[len(output.name) - len(suffix) :],
        format=format,
        expected=suffixes_of(format),
    )


def _holds_something(output: Path) -> bool:
    """Whether a file is there with something in it, left by ``refuse_report_name`` to the guard that names
    it; an empty one (``: > out.yaml``) had the table written into it, and the same command then refused."""
    try:
        return os.stat(output).st_size > 0
    except (OSError, ValueError):
        return os.path.lexists(output)  # a link to nothing, a loop: the guard and the writer tell it


def command_format(command: str, writes: Sequence[str], given: str | None, output: Path | None) -> str:
    """The format a command that writes only ``writes`` (its default first: ``diff``, ``validate``,
    ``schema``) puts in ``output``: the one given, else the one the file's name names (``-o 变化.json``), else
    the default, as ``check`` chooses. Refused before any work (exit 2): a name that names a format the
    command does not write (``diff … -o 变化.xlsx`` wrote the text table into a "workbook", ``-o d.html`` a
    "page"), one that names another format than the one given (``-f table -o d.json``), and a report's name
    (``refuse_report_name``)."""
    if output is None or is_stdout(output) or is_special(output):
        return given or writes[0]
    named = _BY_EXTENSION.get(output.suffix.lower())
    if named is not None and named not in writes:
        raise FatalError(
            "output-format-unwritten",
            command=command,
            file=display_name(output),
            named=named,
            expected=" / ".join(dict.fromkeys(suffixes_of(format) for format in writes)),
        )
    format = given or named or writes[0]
    if named is not None and named != format:
        raise FatalError(
            "output-format-given",
            file=display_name(output),
            named=named,
            format=format,
            expected=suffixes_of(format),
        )
    refuse_report_name(format, output)
    return format


class Streamed:
    """A UTF-8 text written piece by piece as ``pieces()`` makes it (a large run's JSON), never whole in
    memory; still staged and renamed into place only when whole, as every file is."""

    def __init__(self, pieces: Callable[[], Iterator[Piece]]) -> None:
        self.pieces = pieces


Content = str | bytes | Streamed  # bytes: a binary file (a workbook)


def is_stdout(output: Path | None) -> bool:
    """``None`` and ``-`` both mean standard output."""
    return output is None or str(output) == "-"


def stdout_is_tty() -> bool:
    from zhijiao_check.terminal import is_tty

    return is_tty(sys.stdout)


# What to do when standard output is closed (``>&-``), in words the running command can act on: the command
# line (``cli``) sets a redirect for a command that has no --output (``rules``, ``coverage``, ``explain``).
_closed_advice: Wording = msg("cli.stdout-advice-output")


def advise_when_stdout_closed(advice: Wording) -> None:
    """What the message of a closed standard output tells the user to do instead, for the command run."""
    global _closed_advice
    _closed_advice = advice


def tell_config(config: Path | None, tr: Translator) -> None:
    """On standard error, the config file a command that writes no table of its own (``template``) took its
    settings from, as ``check``'s table ends with it: a language or a pack that surprises is traced to its
    file."""
    if config is None:
        return
    from zhijiao_check.characters import user_text
    from zhijiao_check.errors import marking_on_stderr

    with marking_on_stderr():  # the file's name is the user's: as typed on a GBK console
        print(tr("table.config", file=user_text(display_name(config))), file=sys.stderr)


def tell_written(
    targets: Sequence[Path | None],
    tr: Translator,
    detail: Callable[[], str] | None = None,
    also: Callable[[], Sequence[str]] | None = None,
) -> None:
    """On a terminal, a command whose every output went to a file says which, with ``detail`` (what its exit
    status means, how many reports were valid) and ``also`` (more, already worded): else it would end without
    a word, a clerk left to look for the file and to ask the shell for the status. Nothing on a pipe; the
    words are made only when they are said."""
    files = [target for target in targets if not is_stdout(target)]
    from zhijiao_check.terminal import stderr_is_tty

    if not files or len(files) < len(targets) or not stderr_is_tty():
        return
    from zhijiao_check.characters import user_text
    from zhijiao_check.errors import marking_on_stderr

    with (
        marking_on_stderr()
    ):  # the files' names are the user's: as typed on a GBK console, not ``+`` for ``√``
        named = [user_text(display_name(file)) for file in files if file is not None]
        names = tr.join([*named, *(also() if also else ())])
        said = (
            tr("cli.written-detail", files=names, detail=detail())
            if detail
            else tr("cli.written", files=names)
        )
        print(said, file=sys.stderr)


def refuse_spreadsheet(output: Path | None) -> None:
    """Refuse an output named as a spreadsheet the tool does not write (``.xls``, ``.xlsm``, ``.et``,
    ``.ods``, …: ``source.SPREADSHEET_SUFFIXES``) whatever it would hold: ``-o dongan-2024.xls`` replaced a
    county's workbook with the text table, ``-o 结果.xlsm`` made a file Excel and the tool itself call
    corrupt. A device (``/dev/null``) is written to, never named as a file: left alone."""
    from zhijiao_check.source import SPREADSHEET_SUFFIXES, WRITTEN_WORKBOOK

    if output is None or is_stdout(output) or is_special(output):
        return
    suffix = output.suffix
    if suffix.lower() in SPREADSHEET_SUFFIXES and suffix.lower() != WRITTEN_WORKBOOK:
        raise FatalError(
            "output-spreadsheet",
            file=display_name(output),
            suffix=suffix,
            name=display_name(output.with_suffix(WRITTEN_WORKBOOK).name),
        )


def refuse_existing(target: Path | None, force: bool) -> None:
    """Refuse to replace an existing file without ``--force`` (``template``, ``convert``): it may be a report
    a county has already filled in. Standard output and a device (``-o /dev/null``) are written to, never
    replaced: left alone."""
    if force or target is None or is_stdout(target) or is_special(target):
        return
    if target.exists():
        raise FatalError("output-exists", area="input", file=display_name(target))


def check_targets(outputs: Iterable[Path | None], inputs: Iterable[Path]) -> None:
    """Refuse, before any work, an output file that is one of ``inputs`` or that another output also names."""
    identities: dict[tuple[int, int], Path] = {}
    reals: dict[str, Path] = {}
    real_path = RealPaths()
    for given in inputs:
        try:
            real = real_path(given)
            info = real_path.info or os.stat(given)  # a file that is no symlink: ``lstat`` said it
        except (OSError, ValueError):
            continue
        identities[(info.st_dev, info.st_ino)] = given
        reals[real] = given
    chosen: dict[str, Path] = {}
    for output in outputs:
        if output is None or is_stdout(output):
            continue
        real = os.path.realpath(output)
        if real in chosen:
            raise FatalError("same-output", file=display_name(output), other=display_name(chosen[real]))
        chosen[real] = output
        try:
            found = os.stat(real)
            same = reals.get(real) or identities.get((found.st_dev, found.st_ino))
        except (OSError, ValueError):
            same = reals.get(real)
        if same is not None:
            raise FatalError("output-is-input", file=display_name(output), input=display_name(same))


def write(text: Content, output: Path | None) -> None:
    """One text (or binary file) to one place (see ``write_all``)."""
    write_all([(text, output)])


def write_all(texts: Sequence[tuple[Content, Path | None]]) -> None:
    """Files first, each whole or not at all, then standard output. Text is written in UTF-8; ``bytes`` are a
    binary file (a workbook), never shown on a terminal, where they would be noise.

    When a file cannot be written, none of the files is renamed into place; should a rename itself fail, the
    message says which files were written before it.
    """
    if any(isinstance(text, bytes) and is_stdout(target) for text, target in texts) and stdout_is_tty():
        raise FatalError("binary-to-terminal")
    for _, target in texts:  # every command's outputs are refused so before any work; this before any write
        refuse_spreadsheet(target)
    staged: list[tuple[str, Path]] = []
    made: list[str] = []  # the folders staging made, removed again when nothing is written
    # A device or a FIFO (``-o /dev/null``, ``-o /dev/stdout``) is written to, never replaced by a file.
    streams: list[tuple[Content, Path]] = []
    try:
        for text, target in texts:
            if is_stdout(target):
                continue
            assert target is not None
            if is_special(target):
                streams.append((text, target))
            else:
                staged.append((_stage(text, target, made), target))
    except _StageError as error:
        _discard(temporary for temporary, _ in staged)
        _remove_folders(made)
        raise FatalError("cannot-write-none", file=display_name(error.target), reason=error.reason) from None
    except BaseException:
        _discard(temporary for temporary, _ in staged)
        _remove_folders(made)
        raise
    written: list[str] = []
    for text, target in streams:
        try:
            _write_special(text, target)
        except OSError as error:
            _discard(temporary for temporary, _ in staged)
            _remove_folders(made)
            raise _cannot_write(target, error, written) from None
        written.append(display_name(target))
    for index, (temporary, target) in enumerate(staged):
        try:
            os.replace(temporary, os.path.realpath(target))
        except OSError as error:
            _discard(temporary for temporary, _ in staged[index:])
            _remove_folders(made)  # those that hold a file written are not empty, and stay
            raise _cannot_write(target, error, written) from None
        written.append(display_name(target))
    for text, target in texts:
        if is_stdout(target):
            _to_stdout(text, written)


def is_special(target: Path) -> bool:
    """Whether ``target`` (followed through symlinks) exists and is neither a regular file nor a directory."""
    try:
        mode = os.stat(target).st_mode
    except (OSError, ValueError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _write_special(text: Content, target: Path) -> None:
    """Straight into a device or a FIFO. Opened without waiting: a FIFO nobody reads is an error (ENXIO), not
    a hang; once open, writing waits for the reader as a pipe does."""
    descriptor = os.open(target, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        os.set_blocking(descriptor, True)
        _write_gathered(descriptor, _pieces(text))
    finally:
        os.close(descriptor)


# What one system call writes of a streamed text: up to this many bytes, in as many pieces as the system
# takes at once (``IOV_MAX`` on Linux, macOS and the BSDs). A large run's JSON is three pieces a report (a
# separator, its entry, its rank), which written one by one took some 4,000 calls for 1,000 reports, each a
# few microseconds of the system's time in a file. The pieces are held until written: 1 MiB of them was half a
# MiB of the peak of 10,000 reports (43.4 MiB against 42.9 at 256 KiB), where a call for each 256 KiB is still
# few.
_GATHER = 1 << 18
_GATHER_PIECES = 1024


def _write_gathered(descriptor: int, pieces: Iterable[Piece]) -> None:
    """``pieces`` written to ``descriptor`` in turn, gathered into few calls (``os.writev``: no piece is
    copied to be joined), or one at a time where the system has no gathering write (Windows); a piece left
    in a file (``jsontext.Span``) copied from there (``_copied``)."""
    if not hasattr(os, "writev"):
        for piece in pieces:
            _write_whole(descriptor, _bytes_of(piece))
        return
    gathered: list[bytes] = []
    size = 0
    copying = _SENDFILE
    for piece in pieces:
        if not isinstance(piece, bytes):
            if gathered:
                _write_all(descriptor, gathered, size)
                gathered, size = [], 0
            copying = _copied(descriptor, piece, copying)
            continue
        gathered.append(piece)
        size += len(piece)
        if size >= _GATHER or len(gathered) == _GATHER_PIECES:
            _write_all(descriptor, gathered, size)
            gathered, size = [], 0
    if gathered:
        _write_all(descriptor, gathered, size)


# Whether ``os.sendfile`` copies a file to any descriptor (Linux: to a file, a pipe, a device); elsewhere it
# writes to sockets only, as ``shutil`` takes it.
_SENDFILE = hasattr(os, "sendfile") and sys.platform.startswith("linux")


def _copied(descriptor: int, span: Span, copying: bool) -> bool:
    """``span`` written to ``descriptor``: with ``copying``, by the system from its file (``os.sendfile``),
    which copies it without bringing it into this process; else, or where the system does not copy to that
    output (one opened to append, ``>>``), read and written. Whether the next span may be copied."""
    at, end = span.at, span.at + span.size
    while copying and at < end:
        try:
            sent = os.sendfile(descriptor, span.descriptor, at, end - at)
        except OSError as error:
            if error.errno not in _NO_SENDFILE or at > span.at:
                raise
            copying = False
            break
        if not sent:  # the file shorter than the span said: as a read of it would give it
            return copying
        at += sent
    if at < end:
        _write_whole(descriptor, span._replace(at=at, size=end - at).text())
    return copying


# What ``os.sendfile`` says of an output or a file it does not copy between, before it copied anything.
_NO_SENDFILE = frozenset((errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSOCK, errno.EXDEV))


def _write_all(descriptor: int, pieces: list[bytes], size: int) -> None:
    written = os.writev(descriptor, pieces)
    if written < size:  # a pipe or a device took part of it: the rest as a whole
        _write_whole(descriptor, b"".join(pieces)[written:])


def _write_whole(descriptor: int, piece: bytes) -> None:
    view = memoryview(piece)
    while view:
        view = view[os.write(descriptor, view) :]


class _StageError(Exception):
    def __init__(self, target: Path, reason: Wording) -> None:
        super().__init__(target)
        self.target = target
        self.reason = reason


def _stage(text: Content, target: Path, made: list[str]) -> str:
    """``text`` in a temporary file beside the file ``target`` resolves to (a symlink is written through);
    each folder made for it added to ``made``."""
    real = Path(os.path.realpath(target))
    try:
        if real.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        _make_folders(str(real.parent), made)
        import tempfile  # here: a run that writes only to the terminal does without it (0.4% of a cold run)

        descriptor, temporary = tempfile.mkstemp(
            dir=real.parent, prefix=f".{real.name[:60]}.", suffix=".part"
        )
    except (OSError, ValueError) as error:
        raise _StageError(target, os_reason(error)) from None
    try:
        try:
            _write_gathered(descriptor, _pieces(text))
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.chmod(temporary, _mode(real))
    except OSError as error:
        _discard([temporary])
        raise _StageError(target, os_reason(error)) from None
    except BaseException:  # a streamed text that failed while being made: no half file is left behind
        _discard([temporary])
        raise
    return temporary


def _make_folders(folder: str, made: list[str]) -> None:
    """``folder`` and the folders above it that do not exist, the highest first, each added to ``made``."""
    missing = []
    while not os.path.isdir(folder) and folder not in missing:
        missing.append(folder)
        folder = os.path.dirname(folder)
    for path in reversed(missing):
        try:
            os.mkdir(path)
        except FileExistsError:  # made meanwhile by another process; or a file, which the next mkdir tells
            continue
        made.append(path)


def _remove_folders(made: list[str]) -> None:
    """The folders ``_make_folders`` made, the deepest first, if they are still empty: a run that writes
    nothing leaves nothing behind."""
    for path in reversed(made):
        try:
            os.rmdir(path)
        except OSError:
            pass


def _pieces(text: Content) -> Iterator[Piece]:
    if isinstance(text, Streamed):
        yield from text.pieces()
    else:
        yield _bytes(text)


def _bytes_of(piece: Piece) -> bytes:
    """A piece's bytes, a ``Span`` read from its file (for a stream that takes only bytes)."""
    return piece if isinstance(piece, bytes) else piece.text()


def _bytes(text: str | bytes) -> bytes:
    """Text in UTF-8 (a file name that is not UTF-8, should one reach a text, escaped rather than a crash)."""
    return text.encode("utf-8", errors="backslashreplace") if isinstance(text, str) else text


def _mode(real: Path) -> int:
    """The mode the replaced file had, or what a new file gets under the umask (mkstemp makes 0600)."""
    try:
        return real.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _discard(paths: Iterable[str]) -> None:
    for path in paths:
        try:
            os.unlink(path)
        except OSError:
            pass


def _cannot_write(target: Path, error: OSError, written: list[str]) -> FatalError:
    """Which output could not be written and why, naming the ones already written (or saying none was)."""
    reason = _write_reason(error)
    if not written:
        return FatalError("cannot-write-none", file=display_name(target), reason=reason)
    return FatalError("cannot-write", file=display_name(target), reason=reason, written=", ".join(written))


def _write_reason(error: OSError) -> Wording:
    """``os_reason``, and the one error only an output met here gives: ENXIO, a FIFO opened without waiting
    that no program reads (``_write_special``), said in the system's English ("No such device or address")
    in a Chinese run."""
    if error.errno == errno.ENXIO:
        return msg("cli.os-no-reader")
    return os_reason(error)


def _to_stdout(text: Content, written: list[str]) -> None:
    """In the terminal's encoding (glyphs it lacks replaced, other characters escaped: never a crash); in
    UTF-8 when redirected, since a console set to GBK would otherwise turn a redirected report into a GBK
    file."""
    stream = sys.stdout
    if stream is None:  # started with standard output closed (`>&-`)
        if written:
            raise FatalError("stdout-closed", written=", ".join(written), advice=_closed_advice)
        raise FatalError("stdout-closed-none", advice=_closed_advice)
    try:
        buffer = getattr(stream, "buffer", None)
        if isinstance(text, bytes):
            if buffer is None:
                raise FatalError("binary-to-terminal")
            stream.flush()
            buffer.write(text)
        elif buffer is None:
            for piece in _texts(text):
                stream.write(piece)
        elif stream.isatty():
            from zhijiao_check.glyphs import encodable

            encoding = stream.encoding or "utf-8"
            stream.flush()
            for piece in _texts(text):
                buffer.write(encodable(piece, encoding).encode(encoding, errors="backslashreplace"))
        else:
            stream.flush()
            _to_buffer(buffer, _pieces(text))
        stream.flush()
    except BrokenPipeError:  # the reader stopped (``| head``): the run's exit status stands, for a CI gate
        silence_stdout()
    except (OSError, ValueError) as error:  # a full disk, a closed descriptor
        silence_stdout()
        if not written:
            raise FatalError("cannot-write-stdout-none", reason=os_reason(error)) from None
        raise FatalError("cannot-write-stdout", reason=os_reason(error), written=", ".join(written)) from None


def _to_buffer(buffer: BinaryIO, pieces: Iterable[Piece]) -> None:
    """``pieces`` to standard output's byte stream (``buffer``, flushed): gathered into few calls where it is
    a descriptor (``_write_gathered``); else (a test's stream in memory, Windows) through it, one at a
    time."""
    try:
        descriptor = buffer.fileno() if hasattr(os, "writev") else None
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is both of the last two
        descriptor = None
    if descriptor is None:
        # one ``write`` a piece, not ``writelines``: a stream that copies what is written elsewhere (click's
        # test runner mixing standard output and error) overrides ``write`` alone
        for piece in pieces:  # noqa: FURB122
            buffer.write(_bytes_of(piece))
    else:
        _write_gathered(descriptor, pieces)


def _texts(text: str | Streamed) -> Iterator[str]:
    """Text to a stream that takes ``str``: a streamed one piece by piece (each piece ends with a whole
    character: pieces are made of whole encoded values)."""
    if isinstance(text, Streamed):
        for piece in text.pieces():
            yield _bytes_of(piece).decode("utf-8")
    else:
        yield text


def silence_stdout() -> None:
    """Point descriptor 1 at /dev/null, so that the interpreter's own flush at exit cannot fail a second
    time.
    """
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.close(null)
    except OSError:
        pass
