"""Each command's help in the language its command line asks for: Chinese unless it says ``--lang en``.

typer builds help from the declarations, in English. The declarations carry no help text: the texts are in
the catalogues (``help`` area), set on the command and its parameters just before typer lays them out, with
typer's own words (``Usage:``, the panels' titles, ``[default: …]``) for the time of the layout.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import rich._wrap
from rich.markup import escape
from rich.text import Text
from typer import rich_utils
from typer._click.utils import make_default_short_help
from typer.core import TyperArgument

from zhijiao_check.i18n import Lang, Translator, exists
from zhijiao_check.patterns import later

# typer's words in its help, each with the key of ours: module-level texts in typer.rich_utils.
_TYPER_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "help.panel-arguments",
    "OPTIONS_PANEL_TITLE": "help.panel-options",
    "COMMANDS_PANEL_TITLE": "help.panel-commands",
    "DEFAULT_STRING": "help.default",
    "REQUIRED_LONG_STRING": "help.required",
}


# Where rich may break a line of Chinese help: at a space, as it does, and also before and after each Chinese
# character and after a full-width mark (、，。）) inside a run of Latin words; a closing mark stays with what
# comes before it, an opening one (（“) with what comes after. rich breaks only at spaces, which left a short
# line before each Latin word in a Chinese sentence. The last alternative takes any character left alone, so
# that every text is cut into words whole (rich stops at the first place this does not match). English help
# breaks at spaces alone, as rich does: a Chinese name in it is a word (``永政发〔2021〕7号`` was broken
# before ``号``), folded only where it alone is wider than its column.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_OPEN = "（「『“‘《〔【"
_CLOSE = "，。、；：！？）」』”’》〕】"
_WORD = later(rf"\s*(?:[{_OPEN}]*(?:[{_CJK}]|[^\s{_CJK}{_OPEN}{_CLOSE}]+)[{_CLOSE}]*|\S)\s*")


def command_help(name: str, tr: Translator) -> str:
    """What a command does (``help.command.check``), or the tool as a whole (``name`` empty)."""
    return tr(f"help.command.{name}" if name else "help.app")


def parameter_help(command: str, parameter: str, tr: Translator) -> str:
    """What a parameter of ``command`` is for: its own text (``help.option.check.formats``), else the one its
    namesake has in every command (``help.option.lang``). Escaped: typer reads help as rich markup, where
    ``[[waiver]]`` would be a tag, and vanish."""
    own = f"help.option.{command}.{parameter}"
    return escape(tr(own if exists(own) else f"help.option.{parameter}"))


def short_help(name: str, limit: int) -> str:
    """A command's help in Chinese, its first line shortened to ``limit`` characters as click would."""
    return make_default_short_help(command_help(name, Translator("zh")).partition("\n")[0], limit)


@contextmanager
def in_language(command: Any, ctx: Any, lang: Lang) -> Iterator[None]:
    """``command``'s help in ``lang`` while typer lays it out: its text, its parameters', its usage line's
    words (``usage_prefix``, read by ``cli.Command.format_usage``), a group's commands', and typer's own
    words, which are as they were after it (a process may show help in both languages: the tests)."""
    tr = Translator(lang)
    name = command.name if ctx.parent is not None else ""
    command.help = escape(command_help(name, tr))
    command.usage_prefix = f"{tr('help.usage')} "
    command.options_metavar = tr("help.options-metavar")
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = tr("help.command-metavar")
        for each in command.list_commands(ctx):
            command.get_command(ctx, each).help = escape(command_help(each, tr))
    for parameter in command.get_params(ctx):
        parameter.help = parameter_help(name or "app", parameter.name, tr)
        if isinstance(parameter, TyperArgument):
            # Its metavar (PATH, OLD) names it; typer would add Python's type beside it (``<list[str]>``).
            parameter.display_type_rich = _no_type  # type: ignore[method-assign]
    before = {word: getattr(rich_utils, word) for word in (*_TYPER_WORDS, "_make_rich_text")}
    breaks = getattr(rich._wrap, "re_word", None)  # a rich without it wraps as it always did
    try:
        for word, key in _TYPER_WORDS.items():
            setattr(rich_utils, word, tr(key))
        rich_utils._make_rich_text = _folding(before["_make_rich_text"])
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


def _folding(make: Callable[..., Any]) -> Callable[..., Any]:
    """typer's maker of a help text, its text folded where it is wider than its column: Chinese has no
    spaces to wrap at, and rich would cut a sentence short with "…" instead."""

    def folded(**given: Any) -> Any:
        made = make(**given)
        if isinstance(made, Text):
            made.overflow = "fold"
        return made

    return folded
