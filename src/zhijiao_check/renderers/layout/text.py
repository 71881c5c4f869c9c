"""Text as rich lays it out (``rich.text.Text``, ``rich.markup``, ``rich.cells``), on plain strings: console
markup read as text, words wrapped, folded, cropped, cut short and justified, cells counted."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate, pairwise
from typing import Literal

from rich.cells import cell_len as _rich_cell_len
from rich.cells import chop_cells, get_character_cell_size, set_cell_size

from zhijiao_check.memo import LIMIT, BoundedMemo
from zhijiao_check.patterns import later

Justify = Literal["default", "left", "center", "right"]
Overflow = Literal["fold", "crop", "ellipsis", "ignore"]

# rich.markup's tags and rich._wrap's words
_TAGS = later(r"((\\*)\[([a-z#/@][^[]*?)])")
BARE_TAG = later(r"\[[a-z#/@][^[]*?]")  # ``_TAGS`` in a text without backslashes, without its groups
_OPENS_TAG = later(r"(\\*)(\[[a-z#/@][^[]*?])")  # rich.markup.escape's: a tag, the backslashes before it
_WORD = later(r"\s*\S+\s*")
_TRAILING_SPACE = later(r"\s+$")
_IRREGULAR = later("[\t\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
JOINERS = later("[\u200d\ufe0f]")
# The control codes that rich's Text drops (``rich.control.STRIP_CONTROL_CODES``: bell, backspace, vertical
# tab, form feed, carriage return), named here: importing ``rich.control`` loads rich's segments, styles and
# colours, some 9 ms of a 280 ms one-report table run that draws none of them. The layout tests hold the two
# to the same codes.
STRIP_CONTROL_CODES = (7, 8, 11, 12, 13)
CONTROL = later("[" + re.escape("".join(map(chr, STRIP_CONTROL_CODES))) + "]")
_NO_CONTROL = dict.fromkeys(STRIP_CONTROL_CODES)  # for ``str.translate``
_TAB_SIZE = 8


def plain(markup: str) -> str:
    """The text of console markup as rich reads it: tags dropped, escaped tags, brackets and backslashes
    resolved (``rich.markup.render``), control codes removed (``rich.text.Text``)."""
    if "[" not in markup:
        return _without_control_codes(markup)
    if "\\" not in markup:  # nothing escaped: every match is a tag
        return _without_control_codes(BARE_TAG.sub("", markup))
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
    return text.translate(_NO_CONTROL) if CONTROL.search(text) else text


def wrap(
    text: str, width: int, justify: Justify = "default", overflow: Overflow = "fold", no_wrap: bool = False
) -> list[str]:
    """``rich.text.Text.wrap``: each line of ``text`` broken between words (long words folded, cropped or
    cut short with an ellipsis, as ``overflow`` says), justified within ``width``."""
    return wrapped(Measured(text), width, justify, overflow, no_wrap)


class Measured:
    """A text's lines, each line's cells counted once, for measuring it and for wrapping it."""

    __slots__ = ("joined", "lengths", "lines", "widest")

    def __init__(self, text: str) -> None:
        self.joined = JOINERS.search(text) is not None
        self.lines = text.split("\n")
        self.lengths: list[int] | None = None
        if _IRREGULAR.search(text):  # tabs widen when wrapped; str.splitlines splits at more than \n
            self.widest = max(map(cell_len, text.splitlines()), default=0)
        else:
            self.lengths = list(map(_LENGTHS.__getitem__, self.lines))
            self.widest = max(self.lengths)


# Each line's cells: a line of an explanation or a title recurs in many cells.
_LENGTHS: BoundedMemo[str, int] = BoundedMemo(lambda line: cell_len(line))


def _measure(markup: str) -> Measured:
    return Measured(plain(markup))


# A cell's text, measured: the same cells recur report after report.
MEASURED: BoundedMemo[str, Measured] = BoundedMemo(_measure)


def wrapped(text: Measured, width: int, justify: Justify, overflow: Overflow, no_wrap: bool) -> list[str]:
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
    pad = " " * left  # each line then ``width`` cells: the padding and ``inner`` (``_fit``), nothing to crop
    measured = Measured(text)
    lines, lengths = measured.lines, measured.lengths
    # The usual text (a warning's message, broken to the width already): each line as it is (``wrapped``
    # leaves a line that fits), padded by the cells it was measured to take, not measured twice more.
    if lengths is not None and measured.widest <= inner and all(len(line) <= inner for line in lines):
        return [pad + line + " " * (inner - cells) for line, cells in zip(lines, lengths, strict=True)]
    return [pad + _fit(line, inner) for line in wrapped(measured, inner, "default", overflow, False)]


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


def crop(line: str, width: int) -> str:
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


def cell_starts(text: str) -> list[int] | None:
    """The cell each character of ``text`` starts at, and its end last: ``cell_len(text[a:b])`` is
    ``starts[b] - starts[a]``, each piece measured without a pass over its characters. None for text with
    joined emoji, whose cells are not the sum of their characters' (rich measures them)."""
    if "\u200d" in text or "\ufe0f" in text:
        return None
    return list(accumulate(map(_WIDTHS.__getitem__, text), initial=0))


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
