"""The console script (``zhijiao-check``, ``python -m zhijiao_check``): what a whole process of the tool
settles before it reads its command line. The command line itself is ``cli``."""

from __future__ import annotations

import gc
import os
import signal
import sys
import types

from zhijiao_check import plugins


def main() -> None:
    # Starting makes a few hundred thousand objects (modules, classes, validators, the rule pack) that live
    # until the process ends: the cyclic collector walked them some eighty times in a one-report run, which
    # cost about a twentieth of it. It stays off while the tool loads; each command turns it back on with all
    # of that frozen out of its sight (``cli._exit``; ``check`` after scoring, ``commands.check``).
    gc.disable()
    # ``kill``, ``timeout`` or a cancelled CI job ask the tool to stop with SIGTERM, to this process alone: it
    # stops as Ctrl-C stops it (one line, nothing written), its worker processes too, which would otherwise
    # wait for work for ever, holding the output pipe open. A SIGTERM ignored by the caller stays ignored.
    if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, signal.default_int_handler)
    # Pydantic looks for plugins in every installed distribution's entry points when it builds a validator.
    # The tool's validation takes none, as typer's option checkers take none (typer turns them off the same
    # way around its own): an installed plugin would otherwise watch every report the tool reads.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    _utf8_when_redirected()
    if plugins.all_off():
        _no_plugin_lookup()
    from zhijiao_check.cli import main as command_line

    try:
        command_line()
    finally:
        # On the way out Python collects every generation once more, walking all that the run loaded and made
        # (a twentieth of a one-report run) although all of it is about to go: frozen, none of it is walked.
        gc.freeze()


def _utf8_when_redirected() -> None:
    """Text to a file or a pipe in UTF-8, whatever the console's code page (GBK on Chinese Windows): a
    report's output is written so (``output``), and help, usage errors and notices are too, so that
    ``zhijiao-check -h > help.txt`` is not a GBK file beside UTF-8 results. A terminal keeps its encoding."""
    for stream in (sys.stdout, sys.stderr):
        try:
            redirected = stream is not None and not stream.isatty()
        except ValueError:  # closed
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        utf8 = (getattr(stream, "encoding", None) or "").lower() in ("utf-8", "utf8")
        if redirected and reconfigure is not None and not utf8:
            reconfigure(encoding="utf-8")


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
