"""The policy text's clauses, where its Markdown headings name them (``### 第16条 加大经费保障力度``): the
text of each, so that a rule's quote is checked to be in the clause the rule names, not only somewhere in the
policy (a rule that named clause 1 for a quote of clause 16 was listed under clause 1 by ``coverage``).

A clause's text runs from its heading to the next heading of the same or a higher level (``## 附件`` ends the
last clause). A policy without such headings (an invented pack's text of numbered paragraphs) says nothing of
its clauses here, and its quotes are checked against the whole text only.
"""

from __future__ import annotations

import re

# ``第16条`` or ``第十六条`` at the start of a Markdown heading's text
_HEADING = re.compile(
    r"^(#{1,6})[ \t]+第[ \t]*([0-9]+|[〇零一二两三四五六七八九十百]+)[ \t]*条", re.MULTILINE
)
_ANY_HEADING = re.compile(r"^(#{1,6})[ \t]", re.MULTILINE)
_DIGITS = {
    c: n
    for n, chars in enumerate(("〇零", "一", "二两", "三", "四", "五", "六", "七", "八", "九"))
    for c in chars
}


def clause_texts(text: str) -> dict[int, str]:
    """The text of each clause the policy's headings name, by number (after its heading line); empty when
    no heading names a clause. A clause named by two headings has both texts."""
    clauses: dict[int, str] = {}
    for match in _HEADING.finditer(text):
        level = len(match.group(1))
        start = text.find("\n", match.end())
        start = len(text) if start < 0 else start + 1
        end = next(
            (h.start() for h in _ANY_HEADING.finditer(text, start) if len(h.group(1)) <= level), len(text)
        )
        number = _number(match.group(2))
        clauses[number] = clauses.get(number, "") + text[start:end]
    return clauses


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
