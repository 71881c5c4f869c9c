"""The console script (``zhijiao-check``, ``python -m zhijiao_check``): what a whole process of the tool
settles before it reads its command line. The command line itself is ``cli``."""

from __future__ import annotations

import gc
import os


def main() -> None:
    # Starting makes a few hundred thousand objects (modules, classes, validators, the rule pack) that live
    # until the process ends: the cyclic collector walked them some eighty times in a one-report run, which
    # cost about a twentieth of it. It stays off while the tool loads; each command turns it back on with all
    # of that frozen out of its sight (``cli._exit``; ``check`` after scoring, ``commands.check``).
    gc.disable()
    # Pydantic looks for plugins in every installed distribution's entry points when it builds a validator.
    # The tool's validation takes none, as typer's option checkers take none (typer turns them off the same
    # way around its own): an installed plugin would otherwise watch every report the tool reads.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    from zhijiao_check.cli import main as command_line

    try:
        command_line()
    finally:
        # On the way out Python collects every generation once more, walking all that the run loaded and made
        # (a twentieth of a one-report run) although all of it is about to go: frozen, none of it is walked.
        gc.freeze()
