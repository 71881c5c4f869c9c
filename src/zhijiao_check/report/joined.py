"""Several names written as one: ``先进装备制造 农产品精深加工``, ``电子信息/新材料``, ``1.甲 2.乙``.

The lists of names that rules count (``leading_industries``, ``city.demonstration_parks``,
``city.vocational_groups``) count their items: names run together in one item count as one, and a target of
"1–2 industries" passes unseen. A YAML report is warned of such an item (``consistency``); a workbook's cell,
whose only separator is 、 (or a new line), refuses it (``workbook.read``). Only what is evidently a separator
is taken for one: spaces between two Chinese characters (a name such as ``5G 通信`` keeps its space), a
slash, a semicolon, a number that starts an item (``1.``, ``1、``, ``(1)``, ``①``); a comma or 、 in a YAML
item too, which a workbook's cell already splits at.
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
_CHARACTER = later(r"[/／;；，、,]")
_CJK = r"[\u3400-\u9fff\uf900-\ufaff]"
_SPACE = r"[^\S\r\n]+"  # a space of any width, not a new line (which separates a cell's items)
_SPACED = later(rf"(?<={_CJK}){_SPACE}(?={_CJK})")
_PARTS = later(rf"[/／;；，、,\r\n]|(?<={_CJK}){_SPACE}(?={_CJK})")


def joined_by(text: str, separators: str = "") -> Msg | None:
    """What shows that ``text`` holds several names, as wording (``编号“1.”``, ``空格``, ``“/”``); ``None``
    when nothing does. ``separators``: the characters that do separate its items (a workbook's cell is split
    at 、), not taken for a slip."""
    if numbered := _NUMBERED.search(text):
        return msg("report.joined-by-number", mark=numbered.group())
    for character in _CHARACTER.finditer(text):
        if character.group() not in separators:
            return msg("report.joined-by-character", character=character.group())
    if _SPACED.search(text):
        return msg("report.joined-by-space")
    return None


def names_in(text: str) -> list[str]:
    """The names ``text`` seems to hold, numbers taken out: ``1.甲 2.乙`` → ``["甲", "乙"]``."""
    parts = _PARTS.split(_MARKED.sub("、", _NUMBERED.sub("、", text)))
    return [part.strip() for part in parts if part.strip()]
