"""The table view's text without rich's measuring: the lines, indented blocks and tables ``--format table``
prints, laid out as rich lays them out, character for character, when there is no colour to draw.

Rich measures and wraps every cell through layers of segments, styles and options: at a thousand reports that
was four fifths of a table run. Uncoloured text needs none of it, so ``PlainConsole`` follows rich's steps on
plain strings (the same word wrapping, folding, cropping, ellipsis, justification, column widths and box
characters; cell widths from ``rich.cells``, so CJK text measures as rich measures it). ``RichConsole`` draws
the same descriptions with rich, for colour; ``tests/renderers/test_layout.py`` holds the two to the same
text on generated tables, lines and blocks.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import pairwise
from operator import attrgetter
from typing import TYPE_CHECKING, Literal, TypeAlias

from rich.cells import cell_len as _rich_cell_len
from rich.cells import chop_cells, get_character_cell_size, set_cell_size

from zhijiao_check.kept import LIMIT, Kept
from zhijiao_check.patterns import later
from zhijiao_check.records import record

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.table import Table

Justify = Literal["default", "left", "center", "right"]
Overflow = Literal["fold", "crop", "ellipsis", "ignore"]
_How = tuple[Justify, Overflow, bool, int, int, int]
_Limits = tuple[bool, int | None, int | None, int | None]  # a column's no_wrap, min_width, max_width, width
_UNBOUNDED = 1 << 30  # a width no table reaches

# rich.markup's tags and rich._wrap's words
_TAGS = later(r"((\\*)\[([a-z#/@][^[]*?)])")
_BARE_TAG = later(r"\[[a-z#/@][^[]*?]")  # ``_TAGS`` in a text without backslashes, without its groups
_OPENS_TAG = later(r"(\\*)(\[[a-z#/@][^[]*?])")  # rich.markup.escape's: a tag, the backslashes before it
_WORD = later(r"\s*\S+\s*")
_TRAILING_SPACE = later(r"\s+$")
_IRREGULAR = later("[\t\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_JOINERS = later("[\u200d\ufe0f]")
# The control codes that rich's Text drops (``rich.control.STRIP_CONTROL_CODES``: bell, backspace, vertical
# tab, form feed, carriage return), named here: importing ``rich.control`` loads rich's segments, styles and
# colours, some 9 ms of a 280 ms one-report table run that draws none of them. The layout tests hold the two
# to the same codes.
STRIP_CONTROL_CODES = (7, 8, 11, 12, 13)
_CONTROL = later("[" + re.escape("".join(map(chr, STRIP_CONTROL_CODES))) + "]")
_NO_CONTROL = dict.fromkeys(STRIP_CONTROL_CODES)  # for ``str.translate``
_TAB_SIZE = 8
_DIVIDER = " "  # rich.box.SIMPLE_HEAD: columns apart by a space, a rule of ─ under the header
_HEAD_RULE = "─"
_GUTTER = "  "  # rich.columns.Columns(padding=(0, 2)): between columns, none at the edges


@record
class Column:
    """A column as ``rich.table.Table.add_column`` takes it: ``header`` is console markup."""

    header: str
    justify: Justify = "left"
    no_wrap: bool = False
    overflow: Literal["fold", "crop", "ellipsis"] = "ellipsis"
    min_width: int | None = None
    max_width: int | None = None
    width: int | None = None  # fixed: never narrowed to fit, its text wrapped within it


@dataclass
class Grid:
    """A table drawn as ``rich.box.SIMPLE_HEAD`` without edges (no outer border, no padding at the edges):
    each cell is console markup; the title, if any, is laid out over the table's width."""

    columns: Sequence[Column]
    rows: list[Sequence[str]] = field(default_factory=list)
    title: str | None = None
    title_justify: Justify = "center"
    collapse_padding: bool = False


@record
class Indent:
    """Console markup moved ``left`` columns right, wrapped to the rest of the width (rich's ``Padding``)."""

    markup: str
    left: int


@record
class Columns:
    """Items of console markup side by side, in as many columns as fit, each column filled before the next
    (``rich.columns.Columns(items, padding=(0, 2), column_first=True)``): the key of a matrix's numbered
    rules."""

    items: tuple[str, ...]


Printable: TypeAlias = "str | Indent | Grid | Columns | RenderableType"


class PlainConsole:
    """What ``rich.console.Console(no_color=True)`` would write for lines, ``Indent``s and ``Grid``s; anything
    else is handed to such a console writing to the same buffer."""

    def __init__(self, buffer: io.StringIO, width: int) -> None:
        self.buffer = buffer
        self.width = width
        self._rich: RichConsole | None = None

    def print(
        self, thing: Printable = "", *, soft_wrap: bool = False, overflow: Overflow | None = None
    ) -> None:
        lines: list[str] | None = None
        if isinstance(thing, str) and not _JOINERS.search(text := plain(thing)):
            if soft_wrap:  # no wrapping, no cropping
                lines = wrap(text, self.width, overflow="ignore", no_wrap=True)
            else:
                lines = [
                    _crop(line, self.width) for line in wrap(text, self.width, overflow=overflow or "fold")
                ]
        elif isinstance(thing, Indent) and not _JOINERS.search(text := plain(thing.markup)):
            lines = indent(text, thing.left, self.width, overflow or "fold")
        elif isinstance(thing, Grid):
            lines = grid_lines(thing, self.width)
        elif isinstance(thing, Columns):
            lines = columns_lines(thing, self.width)
        if lines is None:  # rich draws anything else, and what its styles would split (see ``grid_lines``)
            if self._rich is None:
                self._rich = RichConsole(self.buffer, self.width, color=False)
            self._rich.print(thing, soft_wrap=soft_wrap, overflow=overflow)
            return
        if lines:
            self.buffer.write("\n".join(lines) + "\n")


class RichConsole:
    """The same descriptions drawn by rich (with colour when ``color``)."""

    def __init__(self, buffer: io.StringIO, width: int, color: bool) -> None:
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

    def print(
        self, thing: Printable = "", *, soft_wrap: bool = False, overflow: Overflow | None = None
    ) -> None:
        if isinstance(thing, Indent):
            from rich.padding import Padding

            thing = Padding(thing.markup, (0, 0, 0, thing.left))
        elif isinstance(thing, Grid):
            thing = rich_table(thing)
        elif isinstance(thing, Columns):
            from rich.columns import Columns as RichColumns

            thing = RichColumns(list(thing.items), padding=(0, 2), column_first=True)
        if soft_wrap:
            self.console.print(thing, soft_wrap=True)
        else:
            self.console.print(thing, overflow=overflow)


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


def plain(markup: str) -> str:
    """The text of console markup as rich reads it: tags dropped, escaped tags, brackets and backslashes
    resolved (``rich.markup.render``), control codes removed (``rich.text.Text``)."""
    if "[" not in markup:
        return _without_control_codes(markup)
    if "\\" not in markup:  # nothing escaped: every match is a tag
        return _without_control_codes(_BARE_TAG.sub("", markup))
    parts = []
    position = 0
    for match in _TAGS.finditer(markup):
        whole, escapes, _ = match.groups()
        start, end = match.span()
        if start > position:
            parts.append(markup[position:start].replace("\\[", "["))
        position = end
        if escapes:
            backslashes, escaped = divmod(len(escapes), 2)
            parts.append("\\" * backslashes)
            if escaped:  # \[tag] is the text [tag]
                parts.append(whole[len(escapes) :])
    parts.append(markup[position:].replace("\\[", "["))
    return _without_control_codes("".join(parts))


# Where Chinese text may break, as a reader expects: rich breaks a line only at a space, so "4 < 6：冷水滩区…"
# broke after "4 <", the whole list moved to the next line. Chinese breaks between any two characters, never
# before closing punctuation nor after opening punctuation; other text at its spaces, as rich does.
_OPENING, _CLOSING = "（「『【〈《“‘", "，。、：；！？）」』】〉》”’%"


class _Kinds(dict[int, str]):
    """Each character's kind for ``_ATOMS`` (``str.translate`` asks by code point): opening or closing mark,
    space, wide (Chinese), other. A pattern of Chinese's ranges would build a table of the whole plane when
    compiled, some 60 million instructions of a one-report table run."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        kind = "O" if char in _OPENING else "C" if char in _CLOSING else "S" if char.isspace() else "A"
        kind = "W" if kind == "A" and cell_len(char) == 2 else kind
        self[code] = kind
        return kind


_KINDS = _Kinds()
# An atom: a Chinese character or a run of other text, with the closing marks after it and the opening marks
# before it (a space between included: such a mark may not start or end a line whatever stands between).
_ATOMS = later(r"S+|(?:OS*)*(?:W|A+|C|O)(?:S*C)*")
_CHINESE_BROKEN: Kept[tuple[str, int], str] = Kept(lambda key: _chinese_line(*key))


def break_chinese(markup: str, width: int) -> str:
    """Each line of console markup whose Chinese text is wider than ``width`` cells broken into lines that fit
    (``_ATOMS``), as a line break in the markup: rich and ``PlainConsole`` then lay out the same lines. A
    markup with an escaped bracket or a control code is left as it is (the layout wraps it as rich does); a
    backslash elsewhere, as in a Windows path, is text."""
    if 2 * len(markup) <= width or markup.isascii() or "\\[" in markup or _CONTROL.search(markup):
        return markup
    broken = _CHINESE_BROKEN  # each line by itself and its width: most recur report after report
    return "\n".join(
        [
            line if line.isascii() or 2 * len(line) <= width else broken[line, width]  # a place, a short line
            for line in markup.split("\n")
        ]
    )


def _chinese_line(line: str, width: int) -> str:
    """One line of ``break_chinese``: the text without its tags broken into atoms, filled greedily; at each
    break the spaces before it dropped (the tags among them kept), a line break put in its place."""
    cells = cell_len(line)
    if cells <= width or cells == len(line):  # it fits (its tags counted too), or nothing in it is wide
        return line
    text: list[str] = []  # the text as shown
    places: list[int] = []  # where each of its characters stands in ``line``
    position = 0
    for tag in (*_BARE_TAG.finditer(line), None):
        end = len(line) if tag is None else tag.start()
        text.append(line[position:end])
        places.extend(range(position, end))
        position = len(line) if tag is None else tag.end()
    shown = "".join(text)
    if cell_len(shown) <= width:
        return line
    places.append(len(line))
    cuts: list[tuple[int, int]] = []  # (start, end) in ``line``: the spaces a break replaces (or none)
    cells, gap, spaces = 0, 0, None
    for atom in _ATOMS.finditer(shown.translate(_KINDS)):
        word = shown[atom.start() : atom.end()]
        if atom.group()[0] == "S":
            gap, spaces = cell_len(word), atom
            continue
        size = cell_len(word)
        if cells and cells + gap + size > width:
            start = places[spaces.start()] if spaces is not None else places[atom.start()]
            cuts.append((start, places[atom.start()]))
            cells = size
        else:
            cells += gap + size
        gap, spaces = 0, None
    out, position = [], 0
    for start, end in cuts:
        out += [line[position:start], "\n", "".join(_BARE_TAG.findall(line[start:end]))]
        position = end
    out.append(line[position:])
    return "".join(out)


def escape(text: str) -> str:
    """``rich.markup.escape``: ``text`` as console markup that reads as itself (each ``[`` that would open a
    tag escaped, the backslashes before it doubled, a last lone backslash doubled). Here, not imported from
    ``rich.markup``, which loads rich's text, styles and colours (some 8 ms) for the one function."""
    text = _OPENS_TAG.sub(_escaped, text)
    return text + "\\" if text.endswith("\\") and not text.endswith("\\\\") else text


def _escaped(match: re.Match[str]) -> str:
    backslashes, tag = match.groups()
    return f"{backslashes}{backslashes}\\{tag}"


def _without_control_codes(text: str) -> str:
    return text.translate(_NO_CONTROL) if _CONTROL.search(text) else text


def wrap(
    text: str, width: int, justify: Justify = "default", overflow: Overflow = "fold", no_wrap: bool = False
) -> list[str]:
    """``rich.text.Text.wrap``: each line of ``text`` broken between words (long words folded, cropped or
    cut short with an ellipsis, as ``overflow`` says), justified within ``width``."""
    return _wrap(_Text(text), width, justify, overflow, no_wrap)


class _Text:
    """A text's lines, each line's cells counted once, for measuring it and for wrapping it."""

    __slots__ = ("joined", "lengths", "lines", "widest")

    def __init__(self, text: str) -> None:
        self.joined = _JOINERS.search(text) is not None
        self.lines = text.split("\n")
        self.lengths: list[int] | None = None
        if _IRREGULAR.search(text):  # tabs widen when wrapped; str.splitlines splits at more than \n
            self.widest = max(map(cell_len, text.splitlines()), default=0)
        else:
            self.lengths = list(map(_LENGTHS.__getitem__, self.lines))
            self.widest = max(self.lengths)


# Each line's cells: a line of an explanation or a title recurs in many cells.
_LENGTHS: Kept[str, int] = Kept(lambda line: cell_len(line))


def _measure(markup: str) -> _Text:
    return _Text(plain(markup))


# A cell's text, measured: the same cells recur report after report.
_MEASURED: Kept[str, _Text] = Kept(_measure)


def _wrap(text: _Text, width: int, justify: Justify, overflow: Overflow, no_wrap: bool) -> list[str]:
    no_wrap = no_wrap or overflow == "ignore"
    lines: list[str] = []
    for index, line in enumerate(text.lines):
        if "\t" in line:
            line = _expand_tabs(line)
        if no_wrap and overflow == "ignore":
            lines.append(line)
            continue
        length = cell_len(line) if text.lengths is None else text.lengths[index]
        if (
            length <= width
            and len(line) <= width
            and (justify in ("left", "default") or not line[-1:].isspace())
        ):
            # The usual line: it fits, so no break, nothing stripped or cut; only justified.
            space = width - length
            if justify == "left":
                line += " " * space
            elif justify == "right":
                line = " " * space + line
            elif justify == "center":
                line = " " * (space // 2) + line + " " * (space - space // 2)
            lines.append(line)
            continue
        lines.extend(_broken(line, width, justify, overflow, no_wrap))
    return lines


@lru_cache(maxsize=LIMIT)
def _broken(line: str, width: int, justify: Justify, overflow: Overflow, no_wrap: bool) -> tuple[str, ...]:
    """One line of text that does not simply fit, broken between words and justified (kept: a line of a
    result's explanation recurs in many reports, whatever else its cell holds)."""
    length = cell_len(line)
    if no_wrap:
        pieces = [line]
    elif length <= width:  # every word fits: no break (rich._wrap.divide_line finds none)
        pieces = [_rstrip_end(line, width)]
    else:
        pieces = [_rstrip_end(piece, width) for piece in _divide(line, width, overflow == "fold")]
    # Justified to a width of one or more, a line is as wide as that already: the last truncation is idle.
    last = justify == "default" or width < 1
    justified = (_justify(piece, width, justify, overflow) for piece in pieces)
    return tuple(_truncate(piece, width, overflow) for piece in justified) if last else tuple(justified)


def indent(text: str, left: int, width: int, overflow: Overflow = "fold") -> list[str]:
    """``rich.padding.Padding(text, (0, 0, 0, left))`` printed at ``width``: each line padded to the width."""
    inner = width - left
    if inner < 1:
        return []
    return [_crop(" " * left + _fit(line, inner), width) for line in wrap(text, inner, overflow=overflow)]


def grid_lines(grid: Grid, width: int) -> list[str] | None:
    """The lines rich prints for the table at a console ``width`` (``rich.table.Table``), or None where rich
    measures pieces of a cell's text apart, between its styles, and plain text cannot know where those are:
    a table wider than the console, its columns held at their ``min_width`` (rich crops it, and a character
    of no width after a style's end is lost at the edge), and a text (a cell's or the title's) with a joiner
    or an emoji selector (whose width depends on the character before it, which a style's start would
    separate)."""
    columns = grid.columns
    texts = _texts(grid)
    if any(any(map(_JOINED, column)) for column in texts) or (grid.title and _JOINERS.search(grid.title)):
        return None
    pads = tuple(_padding(grid, index, len(columns)) for index in range(len(columns)))
    widest = tuple(max(map(_WIDEST, column)) for column in texts)
    widths = _column_widths(_limits(columns), widest, pads, width - (len(columns) - 1))
    table_width = sum(widths) + len(columns) - 1
    if table_width > width:
        return None
    lines: list[str] = []
    if grid.title and table_width >= 1:
        lines.extend(wrap(plain(grid.title), table_width, grid.title_justify))
    drawn = [
        list(
            map(_DRAWN[column.justify, column.overflow, column.no_wrap, *pad, cell_width].__getitem__, cells)
        )
        for column, pad, cell_width, cells in zip(columns, pads, widths, texts, strict=True)
    ]
    tallest = max(1, *(max(map(len, column)) for column in drawn))
    blanks = [(" " * cell_width,) * tallest for cell_width in widths]
    join = _DIVIDER.join
    for number, row in enumerate(zip(*drawn)):
        height = max(map(len, row)) or 1  # a row of cells with no room still takes a line
        if height == min(map(len, row)):
            lines.extend(map(join, zip(*row)))
        elif number:  # the cells of a row at its top
            lines.extend(
                map(join, zip(*[cell + blank[: height - len(cell)] for cell, blank in zip(row, blanks)]))
            )
        else:  # the header at the bottom of its row
            lines.extend(
                map(join, zip(*[blank[: height - len(cell)] + cell for cell, blank in zip(row, blanks)]))
            )
        if not number:
            lines.append(_HEAD_RULE * table_width)
    return lines


_JOINED = attrgetter("joined")
_WIDEST = attrgetter("widest")


def _texts(grid: Grid) -> list[list[_Text]]:
    """Each column's header and cells, measured."""
    # Column by column, each step over a whole column at once (``map``): a report's table is a hundred cells,
    # a large run's a hundred thousand, so each cell's share of the work is kept to lookups.
    measured = _MEASURED.__getitem__
    return [
        [measured(column.header), *map(measured, [row[index] for row in grid.rows])]
        for index, column in enumerate(grid.columns)
    ]


def _limits(columns: Sequence[Column]) -> tuple[_Limits, ...]:
    return tuple((column.no_wrap, column.min_width, column.max_width, column.width) for column in columns)


def natural_width(grid: Grid) -> int:
    """How wide the table is drawn where nothing need be narrowed: each column its widest line and its
    padding (within its limits, or its fixed width), a divider between columns."""
    count = len(grid.columns)
    pads = tuple(_padding(grid, index, count) for index in range(count))
    widest = tuple(max(map(_WIDEST, column)) for column in _texts(grid))
    return sum(_column_widths(_limits(grid.columns), widest, pads, _UNBOUNDED)) + count - 1


# A column added after a table's last: the divider before it and its left padding, with the right padding the
# last column then takes: what its room holds besides its text.
FRAME = 2


def room_beside(grid: Grid, width: int) -> int:
    """The cells a column added after ``grid``'s last gets at ``width``, ``FRAME`` included: the columns of
    ``grid`` are never narrowed, and a table wider than the console would be cut at its edge."""
    return width - natural_width(grid) - 1


def panels(grid: Grid, width: int, keys: int) -> list[tuple[range, Grid]]:
    """``grid`` as tables no wider than ``width``, for a table whose columns are never narrowed (``no_wrap``
    or a fixed width), which rich would crop: its first ``keys`` columns (what names a row) in each, then as
    many of the others, in order, as fit beside them, at least one, shared out evenly (20 columns of which
    15 fit are two tables of 10). Each with the others' indexes it holds (from 0), without a title."""
    count = len(grid.columns) - keys
    if natural_width(grid) <= width:
        return [(range(count), grid)]
    greedy: list[range] = []
    start = 0
    while start < count:
        end = start + 1
        while end < count and natural_width(_panel(grid, keys, start, end + 1)) <= width:
            end += 1
        greedy.append(range(start, end))
        start = end
    size = -(-count // len(greedy))
    even = [range(start, min(start + size, count)) for start in range(0, count, size)]
    if len(even) == len(greedy) and all(
        natural_width(_panel(grid, keys, r.start, r.stop)) <= width for r in even
    ):
        greedy = even
    return [(held, _panel(grid, keys, held.start, held.stop)) for held in greedy]


def _panel(grid: Grid, keys: int, start: int, end: int) -> Grid:
    """The first ``keys`` columns of ``grid`` and those ``start`` to ``end`` after them."""
    chosen = [*range(keys), *range(keys + start, keys + end)]
    return Grid(
        [grid.columns[index] for index in chosen],
        [[row[index] for index in chosen] for row in grid.rows],
        collapse_padding=grid.collapse_padding,
    )


def columns_lines(columns: Columns, width: int) -> list[str] | None:
    """The lines rich prints for ``columns`` at a console ``width`` (``rich.columns.Columns``), or None where
    an item is not one line of plain text that fits the width (rich wraps it in its column, widens its tabs,
    draws an empty one as a space) or joins characters."""
    texts = [_MEASURED[item] for item in columns.items]
    if not texts or any(
        text.joined or text.lengths is None or len(text.lines) > 1 or not 0 < text.widest <= width
        for text in texts
    ):
        return None
    sizes = [text.widest for text in texts]
    count = _column_count(sizes, width)
    order = _column_first(len(sizes), count)
    widths = [max(0 if index is None else sizes[index] for index in order[at::count]) for at in range(count)]
    cells = [
        " " * cell_width if index is None else texts[index].lines[0] + " " * (cell_width - sizes[index])
        for index, cell_width in zip(order, widths * (len(order) // count), strict=True)
    ]
    return [_GUTTER.join(cells[at : at + count]) for at in range(0, len(cells), count)]


def _column_count(sizes: list[int], width: int) -> int:
    """How many columns rich's ``Columns`` lays ``sizes`` out in: from one each, fewer until a column too
    many no longer fits, filled as ``_column_first`` fills them (padding between them, none at the edges)."""
    count = len(sizes)
    while count > 1:
        widths: dict[int, int] = {}
        column = 0
        for index in _column_first(len(sizes), count):
            widths[column] = max(widths.get(column, 0), 0 if index is None else sizes[index])
            if sum(widths.values()) + len(_GUTTER) * (len(widths) - 1) > width:
                count = len(widths) - 1
                break
            column = (column + 1) % count
        else:
            break
    return count


def _column_first(items: int, count: int) -> list[int | None]:
    """The items' places row by row when they fill ``count`` columns one after the other (the first
    columns one longer when they do not share out evenly); the last row made up with None."""
    lengths = [items // count + (column < items % count) for column in range(count)]
    rows = (items + count - 1) // count
    cells: list[list[int | None]] = [[None] * count for _ in range(rows)]
    row = column = 0
    for index in range(items):
        cells[row][column] = index
        lengths[column] -= 1
        if lengths[column]:
            row += 1
        else:
            column, row = column + 1, 0
    order = [index for line in cells for index in line if index is not None]
    return [*order, *[None] * (-items % count)]


def _padding(grid: Grid, index: int, count: int) -> tuple[int, int]:
    """(left, right) around the cells of column ``index``: rich's padding (0, 1), none at the table's edges;
    with ``collapse_padding`` no left padding beside another column's right."""
    left = right = 1
    if grid.collapse_padding and index:
        left = 0
    if index == 0:
        left = 0
    if index == count - 1:
        right = 0
    return left, right


@lru_cache(maxsize=LIMIT)
def _column_widths(
    limits: tuple[_Limits, ...],
    widest: tuple[int, ...],
    pads: tuple[tuple[int, int], ...],
    budget: int,
) -> tuple[int, ...]:
    """``Table._calculate_column_widths`` without ``expand``: each column as wide as its widest line
    (``widest``, in cells), the widest wrappable columns narrowed first when the table is too wide, then
    every column evenly; ``limits``: each column's (no_wrap, min_width, max_width, width). Only the widest
    line of each cell counts: rich's narrowest (the widest word) never sets a width here. Kept: report after
    report has columns of the same widths."""

    def measure(index: int, max_width: int) -> int:
        """The widest the column is drawn within ``max_width``: ``Table._measure_column``'s maximum, which
        for padded text cells comes to the widest line and the padding, within ``max_width``, then clamped
        to the column's own limits."""
        if max_width < 1:
            return 0
        extra = sum(pads[index])
        _, low, most, fixed = limits[index]
        if fixed is not None:
            return min(fixed + extra, max_width)
        high = min(widest[index] + extra, max_width)
        if low is not None:
            high = max(high, low + extra, 0)
        if most is not None:
            high = min(high, most + extra)
        return high

    widths = [measure(index, budget) or 1 for index in range(len(limits))]
    if sum(widths) > budget:
        wrappable = [not no_wrap and fixed is None for no_wrap, _, _, fixed in limits]
        widths = _collapse(widths, wrappable, budget)
        if sum(widths) > budget:
            widths = _ratio_reduce(sum(widths) - budget, [1] * len(widths), widths, widths)
        widths = [measure(index, width) for index, width in enumerate(widths)]
    return tuple(widths)


def _collapse(widths: list[int], wrappable: list[bool], max_width: int) -> list[int]:
    """``Table._collapse_widths``: narrow the widest wrappable columns to the next widest until it fits."""
    total = sum(widths)
    excess = total - max_width
    if any(wrappable):
        while total and excess > 0:
            widest = max(width for width, can in zip(widths, wrappable, strict=True) if can)
            second = max(
                width if can and width != widest else 0 for width, can in zip(widths, wrappable, strict=True)
            )
            ratios = [
                1 if width == widest and can else 0 for width, can in zip(widths, wrappable, strict=True)
            ]
            if not any(ratios) or not widest - second:
                break
            widths = _ratio_reduce(excess, ratios, [min(excess, widest - second)] * len(widths), widths)
            total = sum(widths)
            excess = total - max_width
    return widths


def _ratio_reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """``rich._ratio.ratio_reduce``."""
    ratios = [ratio if most else 0 for ratio, most in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    result = []
    for ratio, most, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            distributed = min(most, round(ratio * remaining / total_ratio))
            result.append(value - distributed)
            remaining -= distributed
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def _cell(how: _How, text: _Text) -> tuple[str, ...]:
    """One cell's lines, each exactly ``width`` cells wide: ``how`` is the column's (justify, overflow,
    no_wrap, left and right padding, width)."""
    justify, overflow, no_wrap, left, right, width = how
    inner = width - left - right
    if inner < 1:  # rich renders nothing in no room
        return ()
    # each line justified to exactly ``inner`` cells
    return tuple(
        f"{' ' * left}{line}{' ' * right}" for line in _wrap(text, inner, justify, overflow, no_wrap)
    )


# Each column's cells as drawn, by how the column is drawn: the same cells recur in every report.
_DRAWN: Kept[_How, Kept[_Text, tuple[str, ...]]] = Kept(lambda how: Kept(partial(_cell, how)), 64)


def _divide(line: str, width: int, fold: bool) -> list[str]:
    """``rich._wrap.divide_line``: the line cut before each word that does not fit (a word keeps the spaces
    after it); a word wider than a line is folded over several when ``fold``, else left whole."""
    if line.isascii() and line.isprintable():
        return _divide_single(line, width, fold)
    breaks: list[int] = []
    offset = 0  # cells used on the current line
    for match in _WORD.finditer(line):
        start, word = match.start(), match.group(0)
        stripped = word.rstrip()
        length = cell_len(stripped)
        if width - offset >= length:
            # the spaces after the word counted apart, unless a joiner might join across them
            joined = "\u200d" in word or "\ufe0f" in word
            offset += cell_len(word) if joined else length + cell_len(word[len(stripped) :])
        elif length > width:
            if fold:
                folded = chop_cells(word, width)
                for number, piece in enumerate(folded):
                    if start:
                        breaks.append(start)
                    if number == len(folded) - 1:
                        offset = cell_len(piece)
                    else:
                        start += len(piece)
            else:
                if start:
                    breaks.append(start)
                offset = cell_len(word)
        elif offset and start:
            breaks.append(start)
            offset = cell_len(word)
    bounds = [0, *breaks, len(line)]
    return [line[start:end] for start, end in pairwise(bounds)]


def _divide_single(line: str, width: int, fold: bool) -> list[str]:
    """``_divide`` of a line whose every character takes one cell (printable ASCII: a file's path, most
    English): cells counted by characters, a long word folded every ``width`` of them."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(line):
        start, end = match.span()
        size = end - start
        length = len(match.group(0).rstrip())
        if width - offset >= length:
            offset += size
        elif length > width:
            if fold:
                pieces = -(-size // width)
                breaks.extend(cut for cut in range(start, start + pieces * width, width) if cut)
                offset = size - (pieces - 1) * width
            else:
                if start:
                    breaks.append(start)
                offset = size
        elif offset and start:
            breaks.append(start)
            offset = size
    bounds = [0, *breaks, len(line)]
    return [line[start:end] for start, end in pairwise(bounds)]


def _rstrip_end(line: str, size: int) -> str:
    """``Text.rstrip_end``: trailing whitespace beyond ``size`` characters (not cells) removed."""
    excess = len(line) - size
    if excess > 0 and (spaces := _TRAILING_SPACE.search(line)) is not None:
        return line[: len(line) - min(len(spaces.group(0)), excess)]
    return line


def _justify(line: str, width: int, justify: Justify, overflow: Overflow) -> str:
    """``Lines.justify`` of one line."""
    if justify == "left":
        return _truncate(line, width, overflow, pad=True)
    if justify in ("center", "right"):
        line = _truncate(line.rstrip(), width, overflow)
        space = width - cell_len(line)
        if justify == "right":
            return " " * space + line
        line = " " * (space // 2) + line
        return line + " " * (width - cell_len(line))
    return line


def _truncate(line: str, width: int, overflow: Overflow, pad: bool = False) -> str:
    """``Text.truncate``."""
    if overflow == "ignore":
        return line
    length = cell_len(line)
    if length > width:
        return set_cell_size(line, width - 1) + "…" if overflow == "ellipsis" else set_cell_size(line, width)
    if pad and length < width:
        return line + " " * (width - length)
    return line


def _fit(line: str, width: int) -> str:
    """``Segment.adjust_line_length`` with padding: cropped or padded to ``width`` cells."""
    length = cell_len(line)
    if length < width:
        return line + " " * (width - length)
    return set_cell_size(line, width) if length > width else line


def _crop(line: str, width: int) -> str:
    """The console's last step: a line wider than the console cropped to it."""
    return set_cell_size(line, width) if cell_len(line) > width else line


class _CharacterWidths(dict[str, int]):
    """Each character's cells (``rich.cells.get_character_cell_size``), kept once asked."""

    def __missing__(self, character: str) -> int:
        width = self[character] = get_character_cell_size(character)
        return width


_WIDTHS = _CharacterWidths()


def cell_len(text: str) -> int:
    """The cells ``text`` takes on a terminal, as ``rich.cells.cell_len`` counts them: printable ASCII one
    each, other characters by their width, joined emoji (zero-width joiner, emoji presentation) by rich."""
    if text.isascii() and text.isprintable():
        return len(text)
    if "\u200d" in text or "\ufe0f" in text:
        return _rich_cell_len(text)
    return sum(map(_WIDTHS.__getitem__, text))


def _expand_tabs(line: str) -> str:
    """``Text.expand_tabs``: each tab to the next multiple of eight cells."""
    parts = []
    position = 0
    for part in re.split(r"(?<=\t)", line):
        if part.endswith("\t"):
            part = part[:-1] + " "
            position += cell_len(part)
            if remainder := position % _TAB_SIZE:
                part += " " * (_TAB_SIZE - remainder)
                position += _TAB_SIZE - remainder
        else:
            position += cell_len(part)
        parts.append(part)
    return "".join(parts)


def console(buffer: io.StringIO, width: int, color: bool) -> PlainConsole | RichConsole:
    """Rich when there is colour to draw, else the plain layout (the same text)."""
    return RichConsole(buffer, width, color) if color else PlainConsole(buffer, width)
