"""The console script (``zhijiao-check``, ``python -m zhijiao_check``): what a whole process of the tool
settles before it reads its command line. The command line itself is ``cli``."""

from __future__ import annotations

import gc
import importlib
import os
import signal
import sys
import types
from collections.abc import Iterable
from typing import Any, TextIO

from zhijiao_check import plugins, terminal


def main() -> None:
    # Starting makes a few hundred thousand objects (modules, classes, validators, the rule pack) that live
    # until the process ends: the cyclic collector walked them some eighty times in a one-report run, which
    # cost about a twentieth of it. It stays off while the tool loads; each command turns it back on with all
    # of that frozen out of its sight (``cli._exit``; ``check`` after scoring, ``commands.check``).
    gc.disable()
    for name in _DEFERRED:  # before anything imports them: this module imports none of the tool's own first
        if name not in sys.modules:
            sys.modules[name] = Deferred(name)
    # ``kill``, ``timeout`` or a cancelled CI job ask the tool to stop with SIGTERM, to this process alone,
    # and a closed terminal or ssh session with SIGHUP: it stops as Ctrl-C stops it (one line, nothing
    # written), its worker processes too, which would otherwise wait for work for ever, holding the output
    # pipe open; its exit status is the signal's (``status.stopped``). A signal ignored by the caller
    # (``nohup``) stays ignored.
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)  # Windows has no SIGHUP
        if number is not None and signal.getsignal(number) == signal.SIG_DFL:
            signal.signal(number, _stop)
    # Pydantic looks for plugins in every installed distribution's entry points when it builds a validator.
    # The tool's validation takes none, as typer's option checkers take none (typer turns them off the same
    # way around its own): an installed plugin would otherwise watch every report the tool reads.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    _text_streams_settled()
    sys.stderr = Unfailing(sys.stderr)
    if terminal.stderr_is_tty():
        sys.stderr = Folded(sys.stderr)
    if plugins.all_off():
        _no_plugin_lookup()
    from zhijiao_check.cli import main as command_line

    try:
        command_line()
    finally:
        # On the way out Python collects every generation once more, walking all that the run loaded and made
        # (a twentieth of a one-report run) although all of it is about to go: frozen, none of it is walked.
        gc.freeze()


def _stop(number: int, frame: types.FrameType | None) -> None:
    from zhijiao_check.status import Stopped

    raise Stopped(number)


def _text_streams_settled() -> None:
    """Text to a file or a pipe in UTF-8, whatever the console's code page (GBK on Chinese Windows): a
    report's output is written so (``output``), and help, usage errors and notices are too, so that
    ``zhijiao-check -h > help.txt`` is not a GBK file beside UTF-8 results. A terminal keeps its encoding,
    a character it lacks escaped (``\\u4e2d``) as ``output`` escapes it: the help, written by rich straight
    to the stream, failed on a terminal whose encoding has no Chinese (``PYTHONIOENCODING=ascii``, a C
    locale without UTF-8 mode) with an internal error, exit 3, where a command's own output was shown."""
    for stream in (sys.stdout, sys.stderr):
        try:
            redirected = stream is not None and not stream.isatty()
        except ValueError:  # closed
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if stream is None or reconfigure is None:
            continue
        utf8 = (getattr(stream, "encoding", None) or "").lower() in ("utf-8", "utf8")
        if redirected and not utf8:
            reconfigure(encoding="utf-8")
        elif not redirected and getattr(stream, "errors", None) == "strict":
            reconfigure(errors="backslashreplace")


class Unfailing:
    """Standard error that cannot fail the run: a message that cannot be written (``2>/dev/full``, a closed
    pipe) is lost, and the exit status stays what the run meant. A failed ``print`` to standard error raised
    in the middle of telling an error, and Python ended with status 1, which says "a rule failed", where
    the run meant 2 (an unwritable output, a usage error) or 3 (a bug). Started with standard error closed
    (``2>&-``), messages go nowhere: ``print(file=None)`` would have put them on standard output, into the
    run's result."""

    def __init__(self, stream: TextIO | None) -> None:
        if stream is None:  # kept open for the whole run, as standard error is, and closed with the process
            stream = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
        self._stream: TextIO = stream
        self._lost = False

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except (OSError, ValueError):
            self._lose()
            return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except (OSError, ValueError):
            self._lose()

    def __getattr__(self, name: str) -> Any:  # isatty, encoding, buffer, fileno…: the stream's own
        return getattr(self._stream, name)

    def _lose(self) -> None:
        """Descriptor 2 pointed at /dev/null once a write failed: what is still buffered, later messages and
        the interpreter's own flush at exit go there, none of them failing again."""
        if self._lost:
            return
        self._lost = True
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 2)
            os.close(null)
            self._stream.flush()
        except (OSError, ValueError):
            pass


class Folded:
    """Standard error on a terminal, each line of a message wider than the terminal broken where a reader
    expects (``renderers.layout.chinese.broken_line``), its lines after the first indented: the terminal
    would cut a word or a Chinese name at its edge wherever it fell. Every message the tool writes goes
    through here (errors, usage errors, notices), as a file or a pipe gets them unbroken. Text is held until
    its line ends; text with control codes (rich's progress bar redrawing itself) is written as it is, after
    what was held."""

    GO_ON = 2  # the lines a message is broken into, after its first
    # A user's text in a message is marked where it is written here (``errors.run_command``): the marks are
    # taken out here, the text shown as typed, or escaped (``renderers.fallbacks.shown``), not replaced.
    takes_user_marks = True

    def __init__(self, stream: Unfailing) -> None:
        self._stream = stream
        self._held = ""

    def write(self, text: str) -> int:
        if "\x1b" in text or "\r" in text:
            self._release()
            self._stream.write(text)
            return len(text)
        self._held += text
        if "\n" in text:
            lines, _, self._held = self._held.rpartition("\n")
            self._stream.write(self._folded(lines) + "\n")
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self._release()
        self._stream.flush()

    def __getattr__(self, name: str) -> Any:  # isatty, encoding, buffer, fileno…: the stream's own
        return getattr(self._stream, name)

    def _release(self) -> None:
        if self._held:
            held, self._held = self._held, ""
            self._stream.write(self._folded(held))

    def _folded(self, text: str) -> str:
        from zhijiao_check.cli_usage import language
        from zhijiao_check.glyphs import encodable
        from zhijiao_check.renderers.fallbacks import as_shown, shown
        from zhijiao_check.renderers.layout.chinese import broken_line

        # Measured as the console shows it (``renderers.fallbacks``): on a GBK console ``≥`` and ``“`` are two
        # cells, and are laid out as their fallbacks; a line measured before ran two cells past the edge.
        encoding = getattr(self._stream, "encoding", None)
        width, lang = terminal.stderr_width(), language(sys.argv[1:])
        folded = "\n".join(
            part
            for line in shown(text, as_shown(encoding)).split("\n")
            for part in broken_line(line, width, self.GO_ON, lang)
        )
        return folded if encoding is None else encodable(folded, encoding)


def _no_plugin_lookup() -> None:
    """Pydantic's plugin loader, whose ``get_plugins`` gives nothing while plugins are all off, in a form that
    does not import ``importlib.metadata`` first (the real one does, at its top, before it reads the switch):
    some 6% of a one-report run spent on the means to find plugins that are not to be looked for. Pydantic
    imports the loader only to call ``get_plugins``; ``tests/cli/test_start.py`` holds both to that."""
    if "pydantic.plugin._loader" in sys.modules:  # already loaded: the real one answers the same
        return
    loader = types.ModuleType("pydantic.plugin._loader", "Pydantic's plugin loader while plugins are off.")
    loader.get_plugins = tuple  # type: ignore[attr-defined]  # no plugins
    sys.modules["pydantic.plugin._loader"] = loader


# Standard modules imported with the tool's stack (typer, pathlib, inspect) and used by a run only on the way
# to something else: ``subprocess`` (with ``locale`` and ``selectors``) by typer for shell completion, by
# ``check --staged-removals`` for git and by ``--jobs`` for its workers; ``ipaddress`` by ``urllib.parse``
# (which pathlib imports) for a URL's bracketed host, and by Pydantic for a rule pack's models; ``tokenize``
# by ``linecache`` to read a source line for a traceback. 18.6 million instructions of a cold one-report run
# (4.2%). ``platform`` and ``ast`` would be more, but ``uuid`` and ``inspect`` read names of them as they are
# imported, by every run.
_DEFERRED = ("subprocess", "ipaddress", "tokenize")


class Deferred(types.ModuleType):
    """A standard module imported when a name of it is first read. Python's import statement reads only
    ``__spec__`` of a module it finds in ``sys.modules``: a module's own attribute here (None), not a name
    read, so ``import subprocess`` binds the stand-in and loads nothing (``importlib.util.LazyLoader``'s
    modules load at that read: deferring typer's modules by it saved nothing). ``from subprocess import
    run`` reads a name, and loads it."""

    def __getattr__(self, name: str) -> Any:
        # only for a name the stand-in lacks: the module itself imported in its place in ``sys.modules`` (a
        # later import binds it), and every name read through the stand-in from it
        module = sys.modules.get(self.__name__)
        if module is self or module is None:
            sys.modules.pop(self.__name__, None)
            module = importlib.import_module(self.__name__)
        return getattr(module, name)
