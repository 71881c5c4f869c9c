"""Each command's help in the language its command line asks for: Chinese unless it says ``--lang en``.

typer builds help from the declarations, in English. The declarations carry no help text: the texts are in
the catalogues (``help`` area), set on the command and its parameters just before typer lays them out, with
typer's own words (``Usage:``, the panels' titles, ``[default: …]``) for the time of the layout.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import rich._wrap
from rich.console import Group
from rich.markup import escape
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from typer import rich_utils
from typer._click.utils import make_default_short_help
from typer.core import TyperArgument

from zhijiao_check.i18n import Lang, Translator, exists
from zhijiao_check.patterns import later
from zhijiao_check.terminal import is_tty, too_many_columns

# typer's words in its help, each with the key of ours: module-level texts in typer.rich_utils.
_TYPER_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "help.panel-arguments",
    "OPTIONS_PANEL_TITLE": "help.panel-options",
    "COMMANDS_PANEL_TITLE": "help.panel-commands",
    "DEFAULT_STRING": "help.default",
    "REQUIRED_LONG_STRING": "help.required",
}
# typer's makers of a help's parts, replaced while it lays one out (``in_language``).
_TYPER_MAKERS = ("_make_rich_text", "_print_options_panel")


# Where rich may break a line of Chinese help: at a space, as it does, and also before and after each Chinese
# character and after a full-width mark (、，。）) inside a run of Latin words; a closing mark stays with what
# comes before it, an opening one (（“) with what comes after. rich breaks only at spaces, which left a short
# line before each Latin word in a Chinese sentence. A bracketed word is whole, Chinese in it or not (the
# usage line's ``[参数]...``, ``[tool.zhijiao-check]``). The last alternative takes any character left alone,
# so that every text is cut into words whole (rich stops at the first place this does not match). English help
# breaks at spaces alone, as rich does: a Chinese name in it is a word (``永政发〔2021〕7号`` was broken
# before ``号``), folded only where it alone is wider than its column.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_OPEN = "（「『“‘《〔【"
_CLOSE = "，。、；：！？）」』”’》〕】"
_WORD = later(
    rf"\s*(?:\[[^\s\]]*\][^\s{_CJK}{_OPEN}]*[{_CLOSE}]*"
    rf"|[{_OPEN}]*(?:[{_CJK}]|[^\s{_CJK}{_OPEN}{_CLOSE}]+)[{_CLOSE}]*|\S)\s*"
)

# A line break of a catalogue's text that typer makes a space of (it joins the lines of a paragraph), where
# Chinese has none: after a full-width mark, before one, and between two Chinese characters. Between Chinese
# and a Latin word the space stays, as the catalogues write it (``与 --output 成对``).
_JOINED_TIGHT = later(rf"(?<=[{_OPEN}{_CLOSE}])\n|\n(?=[{_OPEN}{_CLOSE}])|(?<=[{_CJK}])\n(?=[{_CJK}])")

# The fewest cells the text of an option may have beside its names. Narrower, a file name in it would be cut
# in two (``pyproject.tom`` / ``l）。``): each option's names go on a line of their own, its text under them.
NARROWEST_TEXT = 24
HELP_WIDTH = 80  # rich's width where COLUMNS is not set and no terminal tells one
STACKED_INDENT = 4


def command_help(name: str, tr: Translator) -> str:
    """What a command does (``help.command.check``), or the tool as a whole (``name`` empty)."""
    return tr(f"help.command.{name}" if name else "help.app")


def parameter_help(command: str, parameter: str, tr: Translator) -> str:
    """What a parameter of ``command`` is for: its own text (``help.option.check.formats``), else the one its
    namesake has in every command (``help.option.lang``). Escaped: typer reads help as rich markup, where
    ``[[waiver]]`` would be a tag, and vanish."""
    own = f"help.option.{command}.{parameter}"
    return escape(joined(tr(own if exists(own) else f"help.option.{parameter}")))


def joined(text: str) -> str:
    """``text`` with the line breaks typer would make spaces of taken out where Chinese writes none
    (``检查报表是否达标。退出状态：…``, not ``达标。 退出状态``); the others left for typer."""
    return _JOINED_TIGHT.sub("", text)


def short_help(name: str, limit: int) -> str:
    """A command's help in Chinese, its first line shortened to ``limit`` characters as click would."""
    return make_default_short_help(command_help(name, Translator("zh")).partition("\n")[0], limit)


@contextmanager
def in_language(command: Any, ctx: Any, lang: Lang, color: bool | None = None) -> Iterator[None]:
    """``command``'s help in ``lang`` while typer lays it out: its text, its parameters', its usage line's
    words (``usage_prefix``, read by ``cli.Command.format_usage``), a group's commands', and typer's own
    words, which are as they were after it (a process may show help in both languages: the tests).
    ``color``: as ``cli._color`` says it for the table: False for a command line with ``--no-color``, or
    with ``NO_COLOR`` or ``TERM=dumb`` set (rich's console itself drops only the colours for ``NO_COLOR``, not
    bold and dim); True with ``FORCE_COLOR``, a pipe too; None on a terminal only (typer would force it for
    ``GITHUB_ACTIONS`` and ``PY_COLORS`` too, and rich take an empty ``FORCE_COLOR`` for no terminal)."""
    tr = Translator(lang)
    name = command.name if ctx.parent is not None else ""
    command.help = escape(joined(command_help(name, tr)))
    usage = tr("help.usage")  # no space after a full-width colon: ``用法：zhijiao-check``
    command.usage_prefix = usage if usage.endswith(tuple(_CLOSE)) else f"{usage} "
    command.options_metavar = tr("help.options-metavar")
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = tr("help.command-metavar")
        for each in command.list_commands(ctx):
            command.get_command(ctx, each).help = escape(command_help(each, tr))
    for parameter in command.get_params(ctx):
        parameter.help = parameter_help(name or "app", parameter.name, tr)
        # typer's bound beside the metavar (``N [x>=1]``) is notation, in no language: the metavar and the
        # text say what to write, and a value out of bounds is refused in the user's (``cli_usage``).
        parameter._get_number_range_help_str = _no_range
        if isinstance(parameter, TyperArgument):
            # Its metavar (PATH, OLD) names it; typer would add Python's type beside it (``<list[str]>``).
            parameter.display_type_rich = _no_type  # type: ignore[method-assign]
    kept = (*_TYPER_WORDS, *_TYPER_MAKERS, "COLOR_SYSTEM", "FORCE_TERMINAL", "MAX_WIDTH")
    before = {word: getattr(rich_utils, word) for word in kept}
    breaks = getattr(rich._wrap, "re_word", None)  # a rich without it wraps as it always did
    try:
        for word, key in _TYPER_WORDS.items():
            setattr(rich_utils, word, tr(key))
        shown = color if color is not None else is_tty(sys.stdout)
        rich_utils.FORCE_TERMINAL = shown
        if not shown:
            rich_utils.COLOR_SYSTEM = None
        if rich_utils.MAX_WIDTH is None and too_many_columns():
            # rich would lay the help out that wide (COLUMNS=99999999 never ended): as if COLUMNS were not set
            rich_utils.MAX_WIDTH = HELP_WIDTH
        rich_utils._make_rich_text = _folding(before["_make_rich_text"])
        rich_utils._print_options_panel = _stacking_when_narrow(before["_print_options_panel"])
        if breaks is not None and lang == "zh":
            rich._wrap.re_word = _WORD
        yield
    finally:
        for word, text in before.items():
            setattr(rich_utils, word, text)
        if breaks is not None:
            rich._wrap.re_word = breaks


def _no_type(ctx: Any) -> None:
    return None


def _no_range() -> None:
    return None


def _folding(make: Callable[..., Any]) -> Callable[..., Any]:
    """typer's maker of a help text, its text folded where it is wider than its column: Chinese has no
    spaces to wrap at, and rich would cut a sentence short with "…" instead."""

    def folded(**given: Any) -> Any:
        made = make(**given)
        if isinstance(made, Text):
            made.overflow = "fold"
        return made

    return folded


def _stacking_when_narrow(print_panel: Callable[..., None]) -> Callable[..., None]:
    """typer's printer of a panel of options (or arguments), its panel laid out by ``_stacked`` when the
    column of texts would be narrower than ``NARROWEST_TEXT``: as typer lays it out otherwise."""

    def printed(*, console: Any, **given: Any) -> None:
        print_panel(console=_Restacking(console), **given)

    return printed


class _Restacking:
    """The console typer prints a panel of options on, the panel stacked on its way (``_stacked``); every
    other call passed on as it is."""

    def __init__(self, console: Any) -> None:
        self.console = console

    def __getattr__(self, name: str) -> Any:
        return getattr(self.console, name)

    def print(self, *shown: Any, **given: Any) -> None:
        self.console.print(*(_stacked(each, self.console) for each in shown), **given)


def _stacked(panel: Any, console: Any) -> Any:
    """``panel`` (typer's table of options in a panel) as it is if its last column, the texts, has room
    enough; else each option's names (``--format -f FORMAT``) on a line, its text indented under them,
    the whole width of the panel less the indent."""
    if not isinstance(panel, Panel) or not isinstance(panel.renderable, Table):
        return panel
    table = panel.renderable
    inner = console.options.update_width(console.width - 4)  # the panel's borders and its padding
    widths = table._calculate_column_widths(console, inner)
    if not widths or widths[-1] - 1 >= NARROWEST_TEXT:  # less the column's padding on its left
        return panel
    columns = [list(column.cells) for column in table.columns]
    lines: list[Any] = []
    for row in zip(*columns, strict=True):
        names = [cell if isinstance(cell, Text) else Text(str(cell)) for cell in row[:-1]]
        lines.append(Text(" ").join(name for name in names if name.plain))
        lines.append(Padding(row[-1], (0, 0, 0, STACKED_INDENT)))
    return Panel(
        Group(*lines), border_style=panel.border_style, title=panel.title, title_align=panel.title_align
    )
