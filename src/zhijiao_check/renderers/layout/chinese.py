"""Where Chinese text may break, as a reader expects: rich breaks a line only at a space, so
"4 < 6：冷水滩区…" broke after "4 <", the whole list moved to the next line. Chinese breaks between any
two characters, never before closing punctuation nor after opening punctuation; other text at its spaces,
as rich does, but never inside a comparison ("(target ≥" over "25000)" in English too).

In English output a run of Chinese is a name (a school, a major, a unit): a word, broken at the spaces and
", " around it as any other word, inside it only where it alone is wider than a line ("江华瑶族自治县职业中"
over "等专业学校" read as two names)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from zhijiao_check.i18n import Lang
from zhijiao_check.memo import BoundedMemo
from zhijiao_check.patterns import later
from zhijiao_check.renderers.layout.text import (
    BARE_TAG,
    CONTROL,
    cell_len,
    cell_starts,
    escape,
    plain,
    wrap,
)

_OPENING, _CLOSING = "（「『【〈《“‘", "，。、：；！？）」』】〉》”’%"
# Latin marks that close what they follow (a Chinese name, then ", " or ": " in English) but stand inside
# other text too (D:\data, a.yaml:37): part of a run of other text, closing after anything else. Not the
# full stop, which stands inside numbers (3.5) and names (a.yaml).
_LATIN_CLOSING = ",:;!?)]"
# And the Latin bracket that opens what follows it (English output puts " (" before a Chinese name:
# 服装设计与工艺 (东安县职业中等专业学校)): inside a run of other text (a(1).yaml), opening before anything
# else.
_LATIN_OPENING = "("
_BEFORE_NUMBERS = "另第共约"  # words that belong to the number after them: 另 3 个, 第 2 组, 共 12 所
_RELATIONS = "<>=≤≥≠∈∉"  # a comparison is read whole: 3 < 6, not 3 < over 6
# A relation between spaces, where rich would break text with nothing wide in it: such text is broken here.
_SPACED_RELATION = later(r"\s[<>=≤≥≠∈∉]+\s")


class _Kinds(dict[int, str]):
    """Each character's kind for ``_ATOMS`` (``str.translate`` asks by code point): opening or closing mark,
    Latin closing or opening mark, space, wide (Chinese), one of ``_BEFORE_NUMBERS``, equals sign, other
    relation, digit, other. A pattern of Chinese's ranges would build a table of the whole plane when
    compiled, some 60 million instructions of a one-report table run. ``words``: English's, where each wide
    character (a Chinese one, its full-width marks) is other text, so that a run of them is one word."""

    def __init__(self, words: bool = False) -> None:
        super().__init__()
        self._words = words

    def __missing__(self, code: int) -> str:
        char = chr(code)
        kind = "O" if char in _OPENING else "C" if char in _CLOSING else "S" if char.isspace() else "A"
        kind = "L" if char in _LATIN_CLOSING else "B" if char in _LATIN_OPENING else kind
        kind = "D" if "0" <= char <= "9" else "W" if kind == "A" and cell_len(char) == 2 else kind
        # A character of no width (a combining mark; the filler of a user's glyph kept as typed,
        # ``glyphs.kept_as_typed``) stays with the one before it, as a Latin closing mark does: never a line's
        # first, so a line broken after the stand-in of ``√`` does not leave its filler, each half escaped.
        # The joiners of emoji are the layout's (``layout.text.JOINERS``), as they were.
        kind = "L" if kind == "A" and cell_len(char) == 0 and char not in "\u200d\ufe0f" else kind
        kind = "P" if char in _BEFORE_NUMBERS else "E" if char == "=" else "R" if char in _RELATIONS else kind
        if self._words and cell_len(char) == 2:
            kind = "A"
        self[code] = kind
        return kind


_KINDS = _Kinds()
_KINDS_BY_LANGUAGE = {"zh": _KINDS, "en": _Kinds(words=True)}
_FOLDER_END = later(r"(?<=[^/\\][/\\])(?=.)")  # where a path may break: after a folder (not the root)
# What a fold keeps together where emoji are joined: a character with its variation selector (``⚠️``, which
# rich counts two cells, the ``⚠`` alone one) and the characters a zero-width joiner joins to it.
_JOINED = later("(?s).\ufe0f?(?:\u200d.\ufe0f?)*")
# An atom: a Chinese character; a short word in brackets （在建）; a number with the character after it
# (3 个, 2022 年: a number is not parted from its measure word) and the word before it that belongs to it
# (另, 第: ``_BEFORE_NUMBERS``); or a run of other text. With the closing marks after it and the opening marks
# before it (a space between included: such a mark may not start or end a line whatever stands between);
# and atoms joined by a relation, one comparison (``_RELATIONS``): （在建） ≠ completed. An equals sign
# joins what follows it alone where it gives the result of the arithmetic before it, which may go on the
# line above (``1210 / (1210 + 1260)`` over ``= 49.0% ≥ 45.0%``, not ``(1210 +`` over ``1260) = …``), and
# both sides after a comparison's operand (``2019 < 2023-2 = 2021``); ``>=`` is a relation.
_RUN = r"[ADL]*(?:B+[ADL]+)*"  # the rest of a run of other text: a Latin bracket inside it, not at its end
_TERM = rf"(?:O[WP]{{1,4}}C|(?:[OB]S*)*(?:(?:PS?)?D{_RUN}(?:S?[WP])?|[WP]|[AD]{_RUN}))"
_OPERAND = rf"{_TERM}(?:S*[CL])*"
# A word of two characters before a comparison is kept with it: （目标 ≥ 30）, not （目 over 标 ≥ 30）.
_WORD = r"(?:[OB]S*)*[WP]{2}(?=S*E*R)"
_COMPARISON = rf"(?:E+S*)?(?:{_WORD}|{_OPERAND})(?:S*E*R[RE]*S*{_TERM}(?:S*E+S*{_TERM})*(?:S*[CL])*)*"
# A Chinese character followed by another is an atom by itself (``_TERM``'s ``[WP]``) unless the two are
# the word before a comparison (``_WORD``): found first (``_LONE``), without the longer alternatives that
# most of a message's characters were tried against.
_LONE = r"W(?=W(?!S*E*R))"
_ATOMS_AS_FOUND = rf"S+|{_COMPARISON}|(?:[OB]S*)*(?:C|L|O|B|[RE]+)(?:S*[CL])*"
_ATOMS = later(rf"{_LONE}|{_ATOMS_AS_FOUND}")
# A command a message tells the user to type (``zhijiao-check diff 去年的 今年的``), kept on one line: a break
# inside it (``…（zhijiao-check diff 去年的 今年`` over ``的）``) read as two commands, or a half one. Its
# words: a command's name, options and their values, placeholders (``LAST_YEAR``, ``去年的``), paths, and a
# quoted name (``-o "江华 2024 报表-模板.xlsx"``), one word whatever spaces it holds.
_COMMAND_START = "zhijiao-check "
_COMMAND = later(
    r"zhijiao-check(?: (?:check|validate|diff|rules|explain|coverage|template|schema|convert)\b)"
    r"(?: (?:-[-\w]+(?: (?!-)(?:\"[^\"\n]*\"|[\w.-]+))?|\"[^\"\n]*\"|[A-Z][A-Z_]+\b"
    r"|[^\s，。；：、（）()`'\"]*[/.][^\s，。；：、（）()`'\"]*|[\u4e00-\u9fff]{1,3}的(?=[\s）)，。；]|$)))*"
)
# A command wider than a line is broken between its words only: its name with its subcommand, an option
# with its value, a quoted name each kept whole (``-o`` over ``"江华 2024 …"`` or a break inside the quotes
# read as two words, or a half name).
_COMMAND_WORD = later(r'zhijiao-check \w+|-[-\w]+ (?!-)(?:"[^"\n]*"|\S+)|"[^"\n]*"|\S+')
_CHINESE_BROKEN: BoundedMemo[tuple[str, int, Lang], str] = BoundedMemo(lambda key: _chinese_line(*key))


def break_chinese(markup: str, width: int, lang: Lang = "zh") -> str:
    """Each line of console markup whose Chinese text is wider than ``width`` cells broken into lines that fit
    (``_ATOMS``), as a line break in the markup: rich and ``PlainConsole`` then lay out the same lines. Text
    with nothing wide in it is left to the layout, which breaks it at its spaces as well, unless a comparison
    stands in it. A markup with an escaped bracket or a control code is left as it is (the layout wraps it as
    rich does); a backslash elsewhere, as in a Windows path, is text. ``lang``: the language of the text
    around the Chinese (in English a run of Chinese is a word)."""
    if 2 * len(markup) <= width or "\\[" in markup or CONTROL.search(markup):
        return markup
    if markup.isascii() and not _SPACED_RELATION.search(markup) and _COMMAND_START not in markup:
        return markup
    broken = _CHINESE_BROKEN  # each line by itself and its width: most recur report after report
    return "\n".join(
        [
            # a place, a short line
            line
            if 2 * len(line) <= width
            or (line.isascii() and not _SPACED_RELATION.search(line) and _COMMAND_START not in line)
            else broken[line, width, lang]
            for line in markup.split("\n")
        ]
    )


def _chinese_line(line: str, width: int, lang: Lang) -> str:
    """One line of ``break_chinese``: the text without its tags broken into atoms, filled greedily; at each
    break the spaces before it dropped (the tags among them kept), a line break put in its place."""
    cells = cell_len(line)
    # it fits (its tags counted too), or nothing in it is wide and rich breaks it at its spaces as here
    if cells <= width or (
        cells == len(line) and not _SPACED_RELATION.search(line) and _COMMAND_START not in line
    ):
        return line
    shown, places = _without_tags(line)
    starts = cell_starts(shown)  # each atom measured by two look-ups: a warning's line has some fifty
    if (cell_len(shown) if starts is None else starts[-1]) <= width:
        return line
    cuts: list[tuple[int, int]] = []  # (start, end) in ``line``: the spaces a break replaces (or none)
    cells, gap, spaces = 0, 0, None
    row = 0  # where in ``shown`` the line being filled starts
    kinds = shown.translate(_KINDS_BY_LANGUAGE[lang])
    if starts is None:  # joined emoji (``cell_starts``): each kept whole
        kinds = _glued(shown, kinds)
    # Found as they are filled: once what is left after a break fits, the atoms after it are not looked for (a
    # warning's message is mostly broken once).
    atoms = ((first, last, kinds[first] == "S") for first, last in map(re.Match.span, _ATOMS.finditer(kinds)))
    for first, last, space in _commands_whole(shown, atoms, width):
        atom = cell_len(shown[first:last]) if starts is None else starts[last] - starts[first]
        if space:
            gap, spaces = atom, first
            continue
        for begin, size in ((first, atom),) if atom <= width else _pieces(shown[first:last], first, width):
            if cells and cells + gap + size > width:
                start = places[spaces] if spaces is not None else places[begin]
                cuts.append((start, places[begin]))
                cells, row = size, begin
            else:
                cells += gap + size
            gap, spaces = 0, None
        if cuts and starts is not None and starts[-1] - starts[row] <= width:
            break  # the rest, from the start of this line on, fits
    out, position = [], 0
    for start, end in cuts:
        out += [line[position:start], "\n", "".join(BARE_TAG.findall(line[start:end]))]
        position = end
    out.append(line[position:])
    return "".join(out)


def _glued(shown: str, kinds: str) -> str:
    """``kinds`` of ``shown`` with what is joined to an emoji's first character (``_JOINED``: a variation
    selector, a zero-width joiner and the character it joins) a mark that stays with the one before it
    (``L``): ``👨‍👩`` over two lines was two people, and ``⚠`` without its selector one cell where rich
    counts two."""
    marks = list(kinds)
    for joined in _JOINED.finditer(shown):
        start, end = joined.span()
        if end - start > 1:
            marks[start + 1 : end] = "L" * (end - start - 1)
    return "".join(marks)


def _without_tags(line: str) -> tuple[str, Sequence[int]]:
    """``line``'s text as shown, without its tags, and where each of its characters stands in ``line`` (and
    its end, last)."""
    if "[" not in line:  # a warning's message, escaped: no tag, nothing moved
        return line, range(len(line) + 1)
    text: list[str] = []
    places: list[int] = []
    position = 0
    for tag in (*BARE_TAG.finditer(line), None):
        end = len(line) if tag is None else tag.start()
        text.append(line[position:end])
        places.extend(range(position, end))
        position = len(line) if tag is None else tag.end()
    places.append(len(line))
    return "".join(text), places


def _commands_whole(
    shown: str, atoms: Iterable[tuple[int, int, bool]], width: int
) -> Iterable[tuple[int, int, bool]]:
    """``atoms`` (start, end, whether spaces) with those of each command in ``shown`` (``_COMMAND``), and the
    marks joined to them, made one: a command is never broken, but as any atom wider than a line. A command
    wider than ``width`` is made one atom for each of its words (``_COMMAND_WORD``), broken between them."""
    if "zhijiao-check" not in shown:  # most lines: the pattern is not compiled (2.6% of a cold table run)
        return atoms
    spans = []
    for found in _COMMAND.finditer(shown):
        if " " not in found.group():
            continue
        if cell_len(found.group()) <= width:
            spans.append((found.start(), found.end()))
            continue
        spans += [
            (found.start() + w.start(), found.start() + w.end())
            for w in _COMMAND_WORD.finditer(found.group())
        ]
    if not spans:
        return atoms
    merged: list[tuple[int, int, bool]] = []
    for start, end, space in atoms:
        inside = any(start < span_end and end > span_start for span_start, span_end in spans)
        if inside and merged and _same_span(spans, merged[-1][0], start):
            merged[-1] = (merged[-1][0], end, False)
        else:
            merged.append((start, end, space and not inside))
    return merged


def _same_span(spans: list[tuple[int, int]], before: int, start: int) -> bool:
    """Whether a command's span holds ``start`` and the atom begun at ``before`` (or its opening mark)."""
    return any(span_start < start < span_end and before < span_end for span_start, span_end in spans)


def _pieces(word: str, start: int, width: int) -> list[tuple[int, int]]:
    """An atom's start and cells; an atom wider than a line in pieces that each start a line: a path
    (``reports/2021/lengshuitan.yaml:65`` in a message) after each folder, where the layout would fold it
    inside a name, and what is still too wide folded at the width, as the layout folds it, but never before
    a closing mark (``c8.demonstration-enterprises：`` at 28 cells: ``…enterprise`` over ``s：``)."""
    size = cell_len(word)
    if size <= width:
        return [(start, size)]
    pieces = []
    for part in _FOLDER_END.split(word):
        for piece in _folded(part, width):
            pieces.append((start, cell_len(piece)))
            start += len(piece)
    return pieces


def _folded(text: str, width: int) -> list[str]:
    """``text`` cut into lines of ``width`` cells, the last characters of a line carried to the next where
    that one would start with a closing mark or this one end with an opening mark (``（在建`` over ``）、``
    is ``（在`` over ``建）、``; ``滩区≠（`` over ``在建）`` is ``滩区≠`` over ``（在建）``)."""
    # each character, or where emoji are joined each character with what is joined to it (``_JOINED``)
    units: Iterable[str] = _JOINED.findall(text) if "\u200d" in text or "\ufe0f" in text else text
    lines: list[list[str]] = [[]]
    cells = 0
    for unit in units:
        size = cell_len(unit)
        if cells and cells + size > width:
            line, cut, first = lines[-1], len(lines[-1]), unit
            # the marks take the characters next to them along, the line keeping one at least; where no
            # break is left, the line goes on (the layout folds it at the edge)
            while cut > 1 and (_KINDS[ord(first[0])] in "CL" or _KINDS[ord(line[cut - 1][0])] in "OB"):
                cut -= 1
                first = line[cut]
            if _KINDS[ord(first[0])] not in "CL" and _KINDS[ord(line[cut - 1][0])] not in "OB":
                lines[-1:] = [line[:cut], [*line[cut:], unit]]
                cells = cell_len("".join(lines[-1]))
                continue
        lines[-1].append(unit)
        cells += size
    return ["".join(line) for line in lines]


def broken_line(line: str, width: int, go_on: int, lang: Lang = "zh") -> list[str]:
    """A line of plain text wider than ``width`` cells broken between words, and in Chinese between
    characters (``break_chinese``), the lines after the first indented by ``go_on`` cells (or as the line
    is, if more); a line that fits, or a width with no room to speak of, as it is (the terminal wraps it)."""
    if cell_len(line) <= width:
        return [line]
    body = line.lstrip()
    lead = len(line) - len(body)
    indent = " " * max(lead, go_on)
    room = width - len(indent)
    if room < 10:
        return [line]
    pieces = break_chinese(escape(body), room, lang).split("\n")
    parts = [part.rstrip() for piece in pieces for part in wrap(piece, room)]
    return [line[:lead] + parts[0], *(indent + part for part in parts[1:])]


def fill(pieces: Sequence[str], separator: str, width: int, lang: Lang = "zh") -> str:
    """Pieces of console markup joined by ``separator`` on as few lines as fit ``width``, broken only between
    two pieces, the separator (without its spaces) ending the line before the break: a legend's glyph
    stays with its meaning (``… 未到期 ·`` over ``↓ 未到期，落后于线性进度``, not ``↓`` over its words). A
    piece wider than a line starts one and is broken as ``break_chinese`` breaks it."""
    end = separator.rstrip()
    between, last_end = cell_len(plain(separator)), cell_len(plain(end))
    lines: list[str] = []
    cells = 0  # of the last line
    for number, piece in enumerate(pieces):
        # room kept for the separator that ends the line should the next piece go on the next
        reserve = 0 if number == len(pieces) - 1 else last_end
        size = cell_len(plain(piece))
        if lines and cells + between + size + reserve <= width:
            lines[-1] += separator + piece
            cells += between + size
            continue
        if lines:
            lines[-1] += end
        if size + reserve <= width:
            lines.append(piece)
            cells = size
        else:
            broken = break_chinese(piece, max(1, width - reserve), lang).split("\n")
            lines += broken
            cells = cell_len(plain(broken[-1]))
    return "\n".join(lines)
