"""On a Windows console: text laid out one column narrower than the console (a full line would leave a blank
one under it), and colour only once the console shows it (conhost prints ``←[31m`` otherwise).

This machine is not Windows: the console's two calls (``GetConsoleMode``, ``SetConsoleMode``) are played by a
stand-in that keeps the mode as the console would, and the tests hold what the tool asks of it and writes."""

from __future__ import annotations

import ctypes
import os
import re
from collections.abc import Iterator
from typing import Any

import pytest
from renderers.conftest import check

from zhijiao_check import terminal
from zhijiao_check.i18n import Translator
from zhijiao_check.renderers import RenderOptions, own_options, renderer_class

VT = 0x0004  # ENABLE_VIRTUAL_TERMINAL_PROCESSING
ANSI = re.compile(r"\x1b\[[0-9;]*m")


class Console:
    """kernel32 as a console of ``mode`` answers; ``accepts``: whether it takes colour codes (Windows 10+)."""

    def __init__(self, mode: int | None, accepts: bool = True) -> None:
        self.mode, self.accepts = mode, accepts
        self.set_to: list[int] = []

    def GetStdHandle(self, which: int) -> int:
        assert which == -11  # standard output
        return 7

    def GetConsoleMode(self, handle: int, mode: Any) -> int:
        if self.mode is None:  # not a console
            return 0
        mode._obj.value = self.mode
        return 1

    def SetConsoleMode(self, handle: int, mode: int) -> int:
        self.set_to.append(mode)
        if not self.accepts:
            return 0
        self.mode = mode
        return 1


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(terminal, "WINDOWS", True)
    monkeypatch.setattr(terminal.shutil, "get_terminal_size", lambda: os.terminal_size((80, 24)))
    terminal._console_colour_on.cache_clear()
    yield
    terminal._console_colour_on.cache_clear()


def use(monkeypatch: pytest.MonkeyPatch, console: Console | None) -> None:
    windll = type("windll", (), {"kernel32": console})
    if console is None:
        monkeypatch.delattr(ctypes, "windll", raising=False)
    else:
        monkeypatch.setattr(ctypes, "windll", windll, raising=False)


def test_text_is_laid_out_a_column_narrower_than_the_console(windows: None) -> None:
    assert terminal.width() == 79


@pytest.mark.parametrize(
    ("columns", "to_a_file", "to_stderr"),
    [
        ("80", 80, 79),  # a file's text is for no console: its whole width
        (str(terminal.TOO_MANY_COLUMNS - 1), terminal.TOO_MANY_COLUMNS - 1, terminal.TOO_MANY_COLUMNS - 2),
        (str(terminal.TOO_MANY_COLUMNS), terminal.FILE_WIDTH, 79),  # no width: the file's, the console's
        ("0", terminal.FILE_WIDTH, 79),
        ("wide", terminal.FILE_WIDTH, 79),
    ],
)
def test_columns_is_read_alike_for_a_file_and_for_standard_error(
    windows: None, monkeypatch: pytest.MonkeyPatch, columns: str, to_a_file: int, to_stderr: int
) -> None:
    """``COLUMNS`` taken or not by one rule (``terminal._asked_columns``), for text to a file and for the
    messages on standard error, which alone are for a console a column narrower on Windows."""
    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setattr(terminal.os, "get_terminal_size", lambda fd: os.terminal_size((80, 24)))
    assert (terminal.width(on_terminal=False), terminal.stderr_width()) == (to_a_file, to_stderr)


def test_elsewhere_it_takes_the_whole_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(terminal, "WINDOWS", False)
    monkeypatch.setattr(terminal.shutil, "get_terminal_size", lambda: os.terminal_size((80, 24)))
    assert terminal.width() == 80
    assert terminal.shows_colour()


def test_colour_processing_is_switched_on_once(windows: None, monkeypatch: pytest.MonkeyPatch) -> None:
    console = Console(mode=0x0003)
    use(monkeypatch, console)
    assert terminal.shows_colour() and terminal.shows_colour()
    assert console.set_to == [0x0003 | VT]  # the console's own flags kept


def test_a_console_already_showing_colour_is_left_as_it_is(
    windows: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    console = Console(mode=0x0003 | VT)
    use(monkeypatch, console)
    assert terminal.shows_colour()
    assert console.set_to == []


@pytest.mark.parametrize(
    "console",
    [Console(mode=0x0003, accepts=False), Console(mode=None), None],
    ids=["windows before 10", "not a console", "no kernel32"],
)
def test_no_colour_where_it_would_show_as_codes(
    windows: None, monkeypatch: pytest.MonkeyPatch, console: Console | None
) -> None:
    use(monkeypatch, console)
    assert not terminal.shows_colour()


@pytest.mark.parametrize(("accepts", "coloured"), [(True, True), (False, False)])
def test_the_table_on_a_windows_console(
    windows: None, monkeypatch: pytest.MonkeyPatch, accepts: bool, coloured: bool
) -> None:
    use(monkeypatch, Console(mode=0x0003, accepts=accepts))
    monkeypatch.setattr("zhijiao_check.output.stdout_is_tty", lambda: True)
    options = own_options(RenderOptions(), None)
    assert options.to_terminal
    text = renderer_class("table")(Translator("zh"), options).render(check("samples/2023/dongan.yaml"))
    assert bool(ANSI.search(text)) is coloured
    lines = ANSI.sub("", text).splitlines()
    assert max(map(len, lines)) <= 79
    assert any(len(line) == 79 for line in lines)  # the width is used, up to the last column but one


@pytest.mark.parametrize(
    ("columns", "width"), [("80", 80), ("", 100), ("0", 100), ("wide", 100), ("-3", 100)]
)
def test_a_file_or_a_pipe_takes_columns_or_100(
    monkeypatch: pytest.MonkeyPatch, windows: None, columns: str, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    assert terminal.width(on_terminal=False) == width  # not a console: no column kept back on Windows
