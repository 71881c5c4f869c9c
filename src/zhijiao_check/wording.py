"""Wording: what results say, as message keys and parameters, before a language is chosen.

The engine, the rule kinds and measuring build these values instead of strings; each view renders them in its
language (``i18n.Translator.render``), so one evaluation serves every language. The values nest: a message's
parameter, a list's item or a part of a sequence is wording itself. A plain ``str`` reads the same in every
language (the arithmetic, names and figures from the reports, field paths).
"""

from __future__ import annotations

from typing import Any, Literal, TypeAlias

from zhijiao_check.records import record


@record
class Msg:
    """The message ``key`` of ``messages/<lang>/<area>.py`` with its parameters. ``fallback``: what to say
    when the catalogue has no such key (a report field without a short name is called by its path)."""

    key: str
    params: tuple[tuple[str, object], ...] = ()
    fallback: Wording | None = None


def msg(key: str, /, **params: object) -> Msg:
    """``msg("engine.every", passed=2, total=3, share=show(2 / 3, "ratio"))``; a parameter may be wording."""
    return Msg(key, tuple(params.items()))


@record
class Mark:
    """Punctuation that differs by language: ``colon`` (：, ": "), ``clause`` (between the clauses of one
    explanation: ；, "; "), ``list`` (between the items of a list in running text: 、, ", ")."""

    name: Literal["colon", "clause", "list"]


COLON, CLAUSE, LIST = Mark("colon"), Mark("clause"), Mark("list")


@record
class Join:
    """Items with a separator between them. ``unique``: an item that reads like an earlier one is left out (as
    read in the language rendered: two tests of one field that read alike are said once)."""

    items: tuple[Wording, ...]
    sep: Wording = LIST
    unique: bool = False


@record
class Seq:
    """Parts said one after the other."""

    parts: tuple[Wording, ...]


def seq(*parts: Wording) -> Seq:
    return Seq(parts)


@record
class Pick:
    """A text given in both languages by data (a rule's title)."""

    zh: str
    en: str


@record
class Quantity:
    """A value with its unit, written in the language rendered: ``40.0%``, ``10500 元``/``10500 yuan``,
    ``是``/``yes``, ``1–2`` for a range, ``—`` for none. ``digits``: the places of a percentage; ``decimals``:
    the most places of another number (``9999.996`` against ``10000``, where 2 would show ``10000``)."""

    value: Any
    unit: str
    digits: int = 1
    decimals: int = 2


@record
class Once:
    """Wording a rule's kind makes once and many results say (``2 / 2 项达标 = 100.0% ≥ 100.0%``, the same for
    every report whose two schools pass): a translator renders it once, and then knows its text by the object
    (``i18n.Translator``), without walking it again. Made only where what it says is known by a few plain
    values, which key the kind's memo of it (``kinds.every``)."""

    said: Wording


@record
class Typed:
    """A user's own text in a message (a value a report holds, in the tool's quotation marks): shown as typed
    on a terminal whose glyphs the tool replaces (``characters.user_text``), never as another character."""

    text: str


Wording: TypeAlias = str | Msg | Mark | Join | Seq | Pick | Quantity | Typed | Once
WORDING = (Msg, Mark, Join, Seq, Pick, Quantity, Typed, Once)
"""The wording types other than ``str``, for telling a parameter that is wording from a value to format."""


def number(value: Any, decimals: int = 2) -> str:
    """``3120``, ``0.5``, ``10500``: whole numbers without a decimal point, others to at most ``decimals``
    places."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return str(value)
