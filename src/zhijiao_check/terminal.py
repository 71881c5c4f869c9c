"""The terminal the output is shown on: how wide to lay it out, and whether it shows colour.

Windows consoles differ in two ways that matter here. A line that fills the last column moves the cursor to
the next line by itself, so the line break after it leaves a blank line under every full line: the output is
laid out one column narrower there (as rich does for the same reason). And the console host of Windows 10
(conhost, where cmd.exe and PowerShell open) shows ANSI colour codes as text, ``←[1;31m``, unless the program
switches on its processing of them, which Windows Terminal does by itself: the tool switches it on before it
writes colour, and writes none where it cannot (Windows before 10).
"""

from __future__ import annotations

import os
import shutil
from functools import cache
from typing import Any

WINDOWS = os.name == "nt"
_STD_OUTPUT_HANDLE = -11
_ENABLE_VIRTUAL_TERMINAL_PROCESSING = 0x0004


FILE_WIDTH = 100  # text for a file or a pipe: room for a report's table beside its arithmetic
# ``COLUMNS`` of this many or more is no width a terminal has (a slip, or a number meant for something else):
# taken as not set.
TOO_MANY_COLUMNS = 10_000


def width(on_terminal: bool = True) -> int:
    """The columns to lay text out in: the terminal's; for a file or a pipe, ``COLUMNS`` when it is set to a
    number (as Python and rich read it: ``COLUMNS=80 zhijiao-check … > out.txt``), else ``FILE_WIDTH``."""
    if not on_terminal:
        asked = _asked_columns()
        return asked if asked is not None else FILE_WIDTH
    return _usable(shutil.get_terminal_size().columns)


def stderr_width() -> int:
    """The columns of the terminal standard error is on: ``COLUMNS`` when set, as for standard output, else
    the terminal's own (standard output may be a pipe, ``check … | less``, its messages still on the
    terminal)."""
    columns = _asked_columns()
    if columns is None:
        import sys

        try:
            told = os.get_terminal_size(sys.__stderr__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, OSError, ValueError):
            told = 0
        columns = told or shutil.get_terminal_size().columns  # none told (0): as standard output's
    return _usable(columns)


def _asked_columns() -> int | None:
    """``COLUMNS`` when it is set to a number of columns (below ``TOO_MANY_COLUMNS``), else None."""
    asked = os.environ.get("COLUMNS", "")
    return int(asked) if asked.isdecimal() and 0 < int(asked) < TOO_MANY_COLUMNS else None


def too_many_columns() -> bool:
    """Whether ``COLUMNS`` is a number of columns no terminal has (``TOO_MANY_COLUMNS`` or more)."""
    asked = os.environ.get("COLUMNS", "")
    return asked.isdecimal() and int(asked) >= TOO_MANY_COLUMNS


def _usable(columns: int) -> int:
    """The columns of a terminal ``columns`` wide that a line may fill: one fewer on Windows, whose console
    leaves a blank line under a line that fills its last column."""
    return max(1, columns - 1) if WINDOWS else columns


def is_tty(stream: Any) -> bool:
    """Whether ``stream`` is a terminal (a closed or absent stream is none)."""
    try:
        return stream is not None and bool(stream.isatty())
    except (OSError, ValueError):
        return False


def stderr_is_tty() -> bool:
    import sys

    return is_tty(sys.stderr)


def encoding() -> str:
    """The encoding text written to the terminal is in (``output``: standard output's, else UTF-8)."""
    import sys

    return getattr(sys.stdout, "encoding", None) or "utf-8"


def shows_colour() -> bool:
    """Whether colour codes written to standard output, a terminal, are shown as colour."""
    return not WINDOWS or _console_colour_on()


@cache  # switched on once for the process
def _console_colour_on() -> bool:
    import ctypes

    try:
        kernel32 = getattr(ctypes, "windll").kernel32  # noqa: B009 - Windows alone has it; the type checker is told of Linux
        handle = kernel32.GetStdHandle(_STD_OUTPUT_HANDLE)
        mode = ctypes.c_uint32()
        if not kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
            return False  # not a console: no colour where it is not known to show
        if mode.value & _ENABLE_VIRTUAL_TERMINAL_PROCESSING:
            return True
        return bool(kernel32.SetConsoleMode(handle, mode.value | _ENABLE_VIRTUAL_TERMINAL_PROCESSING))
    except (AttributeError, OSError):
        return False
