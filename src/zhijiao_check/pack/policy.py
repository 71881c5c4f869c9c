"""The policy text of a pack (``policy.md``) as the passages a rule may quote, and a quote matched in them.

A quote is the policy's own words, found within one passage: a line of prose (a paragraph: policy text is
not wrapped, so a line break is a paragraph break), a heading's text, a list item, or a table cell. The
Markdown around them (``###``, ``|``, ``- ``, ``>``) is not the policy's, and neither is anything after a
thematic break (a line ``---``, ``***`` or ``___`` after a blank line): that is where a transcriber's note
goes (``## 关于本文本 / About this text`` in the built-in pack). A quote and a passage are compared after
NFKC with white space removed, so that full-width and ASCII punctuation match.

``quoted_in`` and ``nearest`` take any passages: those of the whole text, or those of one clause
(``clause_passages``). Where the policy's Markdown headings name its clauses (``### 第16条 加大经费保障力度``,
or ``第十六条``), a rule's quote is checked to be in the clause the rule names, not only somewhere in the
policy (a rule that named clause 1 for a quote of clause 16 was listed under clause 1 by ``coverage``). A
clause is its heading and the passages under it, down to the next heading of the same or a higher level
(``## 附件`` ends the last clause); a policy without such headings (an invented pack's text of numbered
paragraphs) names no clauses, and its quotes are checked against the whole text only.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from collections.abc import Sequence

from zhijiao_check.patterns import later
from zhijiao_check.records import record


def normalise(text: str) -> str:
    """How quotes are compared with the policy: NFKC, white space removed."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@record
class Passage:
    """A passage of the policy: its text as written (without Markdown), the line it is on, and the headings
    it stands under, outermost first (``(…, "四、强化职业教育改革发展保障", "第16条 加大经费保障力度")``), a
    heading's own text last (a clause's heading is of the clause); ``normalised``: its text as quotes are
    compared with it."""

    text: str
    line: int
    headings: tuple[str, ...]
    normalised: str


@record
class Near:
    """The part of a passage nearest a quote that is not in the policy: what to write instead."""

    passage: Passage
    text: str


_ATX = later(r"(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*")
_SETEXT = later(r"=+|-+")
_BREAK = later(r"(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}")
_MARKERS = later(r"(?:>\s?)*(?:(?:[-*+]|\d{1,9}[.)])\s+)?")  # a block quote's, a list item's
_DELIMITER_CELL = later(r":?-+:?")
_CELL_BAR = later(r"(?<!\\)\|")
_SENTENCE_END = later(r"(?<=[。！？；!?;])")
# ``第16条`` or ``第十六条`` at the start of a heading's text
_CLAUSE = later(r"第[ \t]*([0-9]+|[〇零一二两三四五六七八九十百]+)[ \t]*条")
_DIGITS = {
    c: n
    for n, chars in enumerate(("〇零", "一", "二两", "三", "四", "五", "六", "七", "八", "九"))
    for c in chars
}
NEAR_ENOUGH = 0.5  # a passage sharing less of the quote than this is no suggestion (difflib's ratio)


def passages(policy: str) -> tuple[Passage, ...]:
    """The passages of a policy text a rule may quote, in the order written."""
    found: list[Passage] = []
    headings: list[tuple[int, str]] = []  # (level, text) of the headings in force

    def add(text: str, line: int) -> None:
        text = text.strip()
        if text:
            found.append(Passage(text, line, tuple(h for _, h in headings), normalise(text)))

    def heading(level: int, text: str, line: int) -> None:
        while headings and headings[-1][0] >= level:
            headings.pop()
        headings.append((level, text.strip()))
        add(text, line)

    prose = False  # whether the line before was a line of prose (which ``===`` or ``---`` makes a heading)
    for number, raw in enumerate(policy.splitlines(), 1):
        line, was_prose, prose = raw.strip(), prose, False
        if not line:
            continue
        if was_prose and _SETEXT.fullmatch(line):
            heading(1 if line[0] == "=" else 2, found.pop().text, number - 1)
        elif _BREAK.fullmatch(line):
            break  # what follows is not the policy's (a transcriber's note)
        elif match := _ATX.fullmatch(line):
            heading(len(match.group(1)), match.group(2) or "", number)
        elif line.startswith("|"):
            cells = [cell.strip() for cell in _CELL_BAR.split(line.strip("|"))]
            if not all(_DELIMITER_CELL.fullmatch(cell) for cell in cells):  # not the row under the header
                for cell in cells:
                    add(cell.replace("\\|", "|"), number)
        else:
            markers = _MARKERS.match(line)
            assert markers is not None  # it matches the empty string
            add(line[markers.end() :], number)
            prose = not markers.group()
    return tuple(found)


def clause_passages(among: Sequence[Passage]) -> dict[int, tuple[Passage, ...]]:
    """The passages of each clause the policy's headings name, by number, in the order written: the
    clause's heading and every passage under it (``Passage.headings``); empty when no heading names a
    clause. A passage under two headings that name clauses is of both."""
    found: dict[int, list[Passage]] = {}
    for passage in among:
        numbers = {number for heading in passage.headings if (number := clause_number(heading)) is not None}
        for number in numbers:
            found.setdefault(number, []).append(passage)
    return {number: tuple(its) for number, its in found.items()}


def clause_number(heading: str) -> int | None:
    """The clause a heading's text names at its start (``第16条 加大经费保障力度``: 16), or None."""
    match = _CLAUSE.match(heading)
    return _number(match.group(1)) if match else None


def _number(written: str) -> int:
    """``16`` or ``十六`` as the number; a Chinese numeral up to 999 (``一百零五``)."""
    if written.isdigit():
        return int(written)
    total, digit = 0, 0
    for char in written:
        if char == "百":
            total += (digit or 1) * 100
            digit = 0
        elif char == "十":
            total += (digit or 1) * 10
            digit = 0
        else:
            digit = _DIGITS[char]
    return total + digit


def quoted_in(quote: str, among: Sequence[Passage]) -> Passage | None:
    """The first passage that holds ``quote`` (compared as ``normalise`` makes both), or None."""
    wanted = normalise(quote)
    return next((passage for passage in among if wanted in passage.normalised), None)


def nearest(quote: str, among: Sequence[Passage]) -> Near | None:
    """The words of a passage nearest ``quote``, as the policy writes them: of each sentence, the stretch
    from the first to the last character it shares with the quote (difflib), the one most like the quote;
    None when none is at least half alike (``NEAR_ENOUGH``)."""
    from difflib import SequenceMatcher  # here: only a quote not found gets this far

    wanted = normalise(quote)
    letters = Counter(wanted)
    best: tuple[float, Near] | None = None
    for passage in among:
        for sentence, folded, origin, its_letters in _sentences(passage.text):
            # at most as alike as if every character the two have in common were matched, in one stretch:
            # a sentence that could not beat the best so far is not matched
            common = (letters & its_letters).total()
            if 2 * common / (len(wanted) + common) < (best[0] if best else NEAR_ENOUGH):
                continue
            matcher = SequenceMatcher(None, wanted, folded, autojunk=False)
            blocks = [block for block in matcher.get_matching_blocks() if block.size]
            if not blocks:
                continue
            start, end = blocks[0].b, blocks[-1].b + blocks[-1].size
            shared = sum(block.size for block in blocks)
            ratio = 2 * shared / (len(wanted) + end - start)
            if ratio >= NEAR_ENOUGH and (best is None or ratio > best[0]):
                best = ratio, Near(passage, trimmed(sentence[origin[start] : origin[end - 1] + 1]))
    return best[1] if best else None


# Marks that open or close a stretch of words: kept at an end of a suggestion while their partner is within it
_PAIRS = {
    "“": "”",
    "‘": "’",
    "（": "）",
    "(": ")",
    "《": "》",
    "「": "」",
    "『": "』",
    "【": "】",
    "〔": "〕",
    "[": "]",
}


def trimmed(words: str) -> str:
    """Words of the policy to suggest as a quote, without the punctuation and white space at their ends
    (``，全市“双师型”教师占比达到50%`` → ``全市“双师型”教师占比达到50%``): a quote is the policy's words, and
    a comma it began with was the sentence's before it. A quotation mark or bracket stays where its partner is
    within the words (``“十四五”期间``); what is left is still within the passage, verbatim. The words as
    they are when trimming would leave fewer than ``MIN_QUOTE`` characters."""
    from zhijiao_check.vocabulary import MIN_QUOTE

    start, end = 0, len(words)
    while start < end and _loose(words[start], words[start + 1 : end], opening=True):
        start += 1
    while end > start and _loose(words[end - 1], words[start : end - 1], opening=False):
        end -= 1
    kept = words[start:end]
    return kept if len(normalise(kept)) >= MIN_QUOTE else words


def _loose(mark: str, rest: str, *, opening: bool) -> bool:
    """Whether ``mark`` at the start (``opening``) or end of a suggestion is to be trimmed: white space, or
    punctuation that is not one of a pair whose partner is in ``rest``."""
    if mark.isspace():
        return True
    if not unicodedata.category(mark).startswith("P") and mark not in "%％":
        return False
    if mark in "%％":
        return opening  # 50% keeps its sign at the end; a sign opening the words is loose
    partner = _PAIRS.get(mark) if opening else next((o for o, c in _PAIRS.items() if c == mark), None)
    return partner is None or partner not in rest


@functools.lru_cache(maxsize=1024)
def _sentences(text: str) -> tuple[tuple[str, str, list[int], Counter[str]], ...]:
    """A passage's sentences, each as written, as ``_folded`` makes it with where each character came from,
    and its characters counted: made once for all the quotes of a pack not found."""
    made = []
    for sentence in _SENTENCE_END.split(text):
        folded, origin = _folded(sentence)
        made.append((sentence, folded, origin, Counter(folded)))
    return tuple(made)


def _folded(text: str) -> tuple[str, list[int]]:
    """``text`` as ``normalise`` makes it, character by character, and the index in ``text`` each character
    of it came from: a suggestion is shown as the policy writes it (``，`` rather than NFKC's ``,``)."""
    folded: list[str] = []
    origin: list[int] = []
    for index, character in enumerate(text):
        for made in normalise(character):
            folded.append(made)
            origin.append(index)
    return "".join(folded), origin
