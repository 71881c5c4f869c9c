"""Several names written as one: ``先进装备制造 农产品精深加工``, ``电子信息/新材料``, ``1.甲 2.乙``.

The lists of names that rules count (``leading_industries``, ``city.demonstration_parks``,
``city.vocational_groups``) count their items: names run together in one item count as one, and a target of
"1–2 industries" passes unseen. A YAML report is warned of such an item (``consistency``); a workbook's cell,
whose only separator is 、 (or a new line), refuses it (``workbook.cellreader``). Only what is evidently a
separator is taken for one: spaces between two Chinese characters (a name such as ``5G 通信`` keeps its
space), a slash, a semicolon, a number that starts an item (``1.``, ``1、``, ``(1)``, ``①``); a comma or 、 in
a YAML item too, which a workbook's cell already splits at.
"""

from __future__ import annotations

from zhijiao_check.patterns import later
from zhijiao_check.wording import Msg, msg

# A number that starts an item: at the start of the text, or after a space or a separator.
_NUMBERED = later(
    r"(?:^|(?<=[\s、，,；;/／]))(?:\d{1,2}[.．、)）](?!\d)|[（(]\d{1,2}[)）]|[\u2460-\u2473\u2776-\u277f])"
)
# Between names, a number in brackets or in a circle is one wherever it stands: ``（1）甲（2）乙``.
_MARKED = later(r"[（(]\d{1,2}[)）]|[\u2460-\u2473\u2776-\u277f]")
_SEPARATING = "/／;；，、,"
_BLANKS = later(r"[^\S\r\n]+")  # a space of any width, not a new line (which separates a cell's items)
_PARTS = later(r"[/／;；，、,\r\n]")
# Every report's lists are asked, so no pattern here holds a class of Chinese characters: ``re`` compiles
# one by building a table of the whole plane, some 2–6 ms of each run. A character is Chinese by its range.


def _chinese(character: str) -> bool:
    return "\u3400" <= character <= "\u9fff" or "\uf900" <= character <= "\ufaff"


def _spaced(text: str) -> list[tuple[int, int]]:
    """Where spaces stand between two Chinese characters (``先进装备制造 农产品精深加工``), not elsewhere
    (``5G 通信``)."""
    return [
        blanks.span()
        for blanks in _BLANKS.finditer(text)
        if 0 < blanks.start()
        and blanks.end() < len(text)
        and _chinese(text[blanks.start() - 1])
        and _chinese(text[blanks.end()])
    ]


def joined_by(text: str, separators: str = "") -> Msg | None:
    """What shows that ``text`` holds several names, as wording (``编号“1.”``, ``空格``, ``“/”``); ``None``
    when nothing does. ``separators``: the characters that do separate its items (a workbook's cell is split
    at 、), not taken for a slip."""
    if any(map(str.isdigit, text)) and (number := _NUMBERED.search(text)):  # ① is a digit too
        return msg("report.joined-by-number", mark=number.group())
    for character in text:
        if character in _SEPARATING and character not in separators:
            return msg("report.joined-by-character", character=character)
    return msg("report.joined-by-space") if _spaced(text) else None


def numbered(text: str) -> bool:
    """Whether an item of ``text`` starts with a number (``1.``, ``1、``, ``(1)``, ``①``)."""
    return any(map(str.isdigit, text)) and _NUMBERED.search(text) is not None


def names_in(text: str) -> list[str]:
    """The names ``text`` seems to hold, numbers taken out: ``1.甲 2.乙`` → ``["甲", "乙"]``."""
    text = _MARKED.sub("、", _NUMBERED.sub("、", text))
    for start, end in reversed(_spaced(text)):
        text = text[:start] + "、" + text[end:]
    return [part.strip() for part in _PARTS.split(text) if part.strip()]
