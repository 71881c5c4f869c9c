"""Where Chinese text may break, as a reader expects: rich breaks a line only at a space, so
"4 < 6：冷水滩区…" broke after "4 <", the whole list moved to the next line. Chinese breaks between any
two characters, never before closing punctuation nor after opening punctuation; other text at its spaces,
as rich does."""

from __future__ import annotations

from zhijiao_check.kept import Kept
from zhijiao_check.patterns import later
from zhijiao_check.renderers.layout.text import BARE_TAG, CONTROL, cell_len, escape, wrap

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


class _Kinds(dict[int, str]):
    """Each character's kind for ``_ATOMS`` (``str.translate`` asks by code point): opening or closing mark,
    Latin closing or opening mark, space, wide (Chinese), one of ``_BEFORE_NUMBERS``, relation, digit, other.
    A pattern of Chinese's ranges would build a table of the whole plane when compiled, some 60 million
    instructions of a one-report table run."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        kind = "O" if char in _OPENING else "C" if char in _CLOSING else "S" if char.isspace() else "A"
        kind = "L" if char in _LATIN_CLOSING else "B" if char in _LATIN_OPENING else kind
        kind = "D" if "0" <= char <= "9" else "W" if kind == "A" and cell_len(char) == 2 else kind
        kind = "P" if char in _BEFORE_NUMBERS else "R" if char in _RELATIONS else kind
        self[code] = kind
        return kind


_KINDS = _Kinds()
# An atom: a Chinese character; a short word in brackets （在建）; a number with the character after it
# (3 个, 2022 年: a number is not parted from its measure word) and the word before it that belongs to it
# (另, 第: ``_BEFORE_NUMBERS``); or a run of other text. With the closing marks after it and the opening marks
# before it (a space between included: such a mark may not start or end a line whatever stands between);
# and atoms joined by a relation, one comparison (``_RELATIONS``): （在建） ≠ completed.
_RUN = r"[ADL]*(?:B+[ADL]+)*"  # the rest of a run of other text: a Latin bracket inside it, not at its end
_OPERAND = rf"(?:O[WP]{{1,4}}C|(?:[OB]S*)*(?:(?:PS?)?D{_RUN}(?:S?[WP])?|[WP]|[AD]{_RUN}))(?:S*[CL])*"
_ATOMS = later(rf"S+|{_OPERAND}(?:S*R+S*{_OPERAND})*|(?:[OB]S*)*(?:C|L|O|B|R+)(?:S*[CL])*")
_CHINESE_BROKEN: Kept[tuple[str, int], str] = Kept(lambda key: _chinese_line(*key))


def break_chinese(markup: str, width: int) -> str:
    """Each line of console markup whose Chinese text is wider than ``width`` cells broken into lines that fit
    (``_ATOMS``), as a line break in the markup: rich and ``PlainConsole`` then lay out the same lines. A
    markup with an escaped bracket or a control code is left as it is (the layout wraps it as rich does); a
    backslash elsewhere, as in a Windows path, is text."""
    if 2 * len(markup) <= width or markup.isascii() or "\\[" in markup or CONTROL.search(markup):
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
    for tag in (*BARE_TAG.finditer(line), None):
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
        out += [line[position:start], "\n", "".join(BARE_TAG.findall(line[start:end]))]
        position = end
    out.append(line[position:])
    return "".join(out)


def broken_line(line: str, width: int, go_on: int) -> list[str]:
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
    pieces = break_chinese(escape(body), room).split("\n")
    parts = [part.rstrip() for piece in pieces for part in wrap(piece, room)]
    return [line[:lead] + parts[0], *(indent + part for part in parts[1:])]
