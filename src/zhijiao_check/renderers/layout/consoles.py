"""Where the views print: the plain console, which lays lines, ``Indent``s, ``Grid``s and ``Columns`` out as
rich would without colour, and the rich console, which draws the same descriptions with rich."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, TypeAlias

from zhijiao_check.i18n import Lang
from zhijiao_check.memo import BoundedMemo
from zhijiao_check.records import record
from zhijiao_check.renderers.layout.columns import Columns, columns_lines
from zhijiao_check.renderers.layout.grid import Grid, grid_lines
from zhijiao_check.renderers.layout.text import JOINERS, Overflow, crop, indent, plain, wrap

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.table import Table


@record
class Indent:
    """Console markup moved ``left`` columns right, wrapped to the rest of the width (rich's ``Padding``)."""

    markup: str
    left: int


Printable: TypeAlias = "str | Indent | Grid | Columns | RenderableType"


class PlainConsole:
    """What ``rich.console.Console(no_color=True)`` would write for lines, ``Indent``s and ``Grid``s; anything
    else is handed to such a console writing to the same buffer. ``lang``: the language of the text, where
    Chinese in it may break (``broken``)."""

    def __init__(self, buffer: io.StringIO, width: int, lang: Lang = "zh") -> None:
        self.buffer = buffer
        self.width = width
        self.lang: Lang = lang
        self._rich: RichConsole | None = None

    def print(
        self, thing: Printable = "", *, soft_wrap: bool = False, overflow: Overflow | None = None
    ) -> None:
        if isinstance(thing, str):
            key: tuple[str, int, Overflow | None, bool] | None = (thing, -1, overflow, soft_wrap)
        elif isinstance(thing, Indent):
            key = (thing.markup, thing.left, overflow, soft_wrap)
        else:
            key = None
        if key is not None:
            memo = _PRINTED[self.width, self.lang]
            text = memo.get(key)
            if text is None:
                text = memo.keep(key, self._text(thing, soft_wrap, overflow))
            if text:
                self.buffer.write(text)
            return
        self.buffer.write(self._text(thing, soft_wrap, overflow))

    def _text(self, thing: Printable, soft_wrap: bool, overflow: Overflow | None) -> str:
        """What ``print`` writes of ``thing``."""
        lines: list[str] | None = None
        given = thing  # what rich is handed, if it draws it: it breaks Chinese itself (``RichConsole.print``)
        if not soft_wrap:
            thing = broken(thing, self.width, self.lang)
        if isinstance(thing, str) and not JOINERS.search(text := plain(thing)):
            if soft_wrap:  # no wrapping, no cropping
                lines = wrap(text, self.width, overflow="ignore", no_wrap=True)
            else:
                lines = [
                    crop(line, self.width) for line in wrap(text, self.width, overflow=overflow or "fold")
                ]
        elif isinstance(thing, Indent) and not JOINERS.search(text := plain(thing.markup)):
            lines = indent(text, thing.left, self.width, overflow or "fold")
        elif isinstance(thing, Grid):
            lines = grid_lines(thing, self.width)
        elif isinstance(thing, Columns):
            lines = columns_lines(thing, self.width)
        if lines is None:  # rich draws anything else, and what its styles would split (see ``grid_lines``)
            if self._rich is None:
                self._rich = RichConsole(io.StringIO(), self.width, color=False, lang=self.lang)
            # Given as it came: broken twice, a line with an emoji's variation selector broke otherwise
            # than rich's own drawing of it (``break_chinese`` counts the character before the selector
            # one cell, rich two, so the first break left a line a cell too wide, which broke again)
            self._rich.print(given, soft_wrap=soft_wrap, overflow=overflow)
            drawn = self._rich.console.file
            assert isinstance(drawn, io.StringIO)
            text = drawn.getvalue()
            drawn.seek(0)
            drawn.truncate()
            return text
        return "\n".join(lines) + "\n" if lines else ""


class RichConsole:
    """The same descriptions drawn by rich (with colour when ``color``)."""

    def __init__(self, buffer: io.StringIO, width: int, color: bool, lang: Lang = "zh") -> None:
        from rich.console import Console

        self.console: Console = Console(
            file=buffer,
            width=width,
            force_terminal=color,
            no_color=not color,
            color_system="standard" if color else None,
            highlight=False,
            emoji=False,
        )
        self.width = width
        self.lang: Lang = lang

    def print(
        self, thing: Printable = "", *, soft_wrap: bool = False, overflow: Overflow | None = None
    ) -> None:
        if not soft_wrap:
            thing = broken(thing, self.width, self.lang)
        if isinstance(thing, Indent):
            from rich.padding import Padding

            thing = Padding(thing.markup, (0, 0, 0, thing.left))
        elif isinstance(thing, Grid):
            thing = rich_table(thing)
        elif isinstance(thing, Columns):
            from rich.columns import Columns as RichColumns

            thing = RichColumns(list(thing.items), padding=(0, 2), column_first=True)
        try:
            self._drawn(thing, soft_wrap, overflow)
        except ZeroDivisionError:
            # rich 15.0 measures a grapheme that a zero-width joiner starts as 0 cells and divides by it where
            # it cuts a line (``rich.cells._split_text``): such a line is drawn without its joiners. rich
            # renders the whole thing before it writes, so nothing of the failed attempt is in the buffer.
            if not isinstance(thing, str):
                raise
            self._drawn(JOINERS.sub("", thing), soft_wrap, overflow)

    def _drawn(self, thing: Printable, soft_wrap: bool, overflow: Overflow | None) -> None:
        if soft_wrap:
            self.console.print(thing, soft_wrap=True)
        else:
            self.console.print(thing, overflow=overflow)


# What the plain console writes of a line or an ``Indent`` (by its markup, its indent or -1 for a line, its
# overflow and soft_wrap), by width and language: the lines that recur run after run of reports (a verdict, a
# summary, a notice) laid out once.
_PRINTED: BoundedMemo[tuple[int, Lang], BoundedMemo[tuple[str, int, Overflow | None, bool], str]] = (
    BoundedMemo(lambda _: BoundedMemo(), 64)
)


def broken(thing: Printable, width: int, lang: Lang = "zh") -> Printable:
    """A line, or an ``Indent``'s markup, broken where Chinese breaks and never inside a comparison
    (``chinese.break_chinese``) within the width it is laid out in: left to the layout, rich's wrapping would
    break it at its spaces only (``（目标 ≥`` over ``25000）``) and fold it anywhere (a line that starts with
    ``，``). Text broken already is as it was."""
    from zhijiao_check.renderers.layout.chinese import break_chinese

    if isinstance(thing, str):
        return break_chinese(thing, width, lang)
    if isinstance(thing, Indent) and width - thing.left > 0:
        return Indent(break_chinese(thing.markup, width - thing.left, lang), thing.left)
    return thing


def rich_table(grid: Grid) -> Table:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=grid.title,
        title_justify=grid.title_justify,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=grid.collapse_padding,
    )
    for column in grid.columns:
        table.add_column(
            column.header,
            justify=column.justify,
            no_wrap=column.no_wrap,
            overflow=column.overflow,
            min_width=column.min_width,
            max_width=column.max_width,
            width=column.width,
        )
    for row in grid.rows:
        # Text parsed once: given strings, rich parses each again every time it measures or draws the cell.
        table.add_row(*(Text.from_markup(cell, emoji=False) for cell in row))
    return table


def console(buffer: io.StringIO, width: int, color: bool, lang: Lang = "zh") -> PlainConsole | RichConsole:
    """Rich when there is colour to draw, else the plain layout (the same text)."""
    return RichConsole(buffer, width, color, lang) if color else PlainConsole(buffer, width, lang)
