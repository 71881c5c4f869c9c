"""Bilingual messages: Chinese by default, English with ``--lang en``.

Message texts live in one catalogue per language, ``zhijiao_check.messages.<lang>.<area>``, as
``MESSAGES = {"key": "text"}``. A key is ``"<area>.<name>"``; only the areas (and the language) a command uses
are imported. An area may also give ``ONE = {"key": "text"}``: the text used when the message's ``count`` is 1
("of 1 unit", not "of 1 units"; "一个空格" beside "3 个空格"). Results carry wording (``wording``):
message keys and parameters, which a view renders in its language with ``Translator.render``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Literal, cast

from zhijiao_check.characters import user_text
from zhijiao_check.memo import BoundedMemo
from zhijiao_check.wording import WORDING, Join, Mark, Msg, Once, Pick, Quantity, Seq, Typed, Wording, number

Lang = Literal["zh", "en"]

# Punctuation that differs by language (``wording.Mark``): (Chinese, English).
MARKS = {"colon": ("：", ": "), "clause": ("；", "; "), "list": ("、", ", ")}

_catalogues: dict[tuple[Lang, str], dict[str, str]] = {}
_ones: dict[tuple[Lang, str], dict[str, str]] = {}  # each area's texts for a count of 1 (``ONE``)
_UNKNOWN = object()  # a text not looked up yet (``Translator._text``)
# Texts of plain messages and ``Once`` wording held (``Translator._plain``): those that recur do so within a
# few hundred, and each holds its wording too (at 4,096, a 10,000-report run with figures of its own held
# 1 MiB more at its peak; 1,024 miss 0.7% more of 324,000 lookups).
PLAIN = 1024
_UNITS = {"yuan": "engine.unit-yuan", "persons": "engine.unit-persons"}  # a unit said in words


def _catalogue(lang: Lang, area: str) -> dict[str, str]:
    if (lang, area) not in _catalogues:
        module = importlib.import_module(f"zhijiao_check.messages.{lang}.{area}")
        _catalogues[lang, area] = module.MESSAGES
        _ones[lang, area] = getattr(module, "ONE", {})
    return _catalogues[lang, area]


def exists(key: str) -> bool:
    """Whether there is a message ``key`` (every language has the same keys: tests/test_messages.py)."""
    area, _, _name = key.partition(".")
    return key in _catalogue("en", area)


class Translator:
    """``tr("report.duplicate-key", key="teachers")`` -> the message in this translator's language."""

    def __init__(self, lang: Lang = "zh") -> None:
        self.lang: Lang = lang
        self._texts: dict[str, str | None] = {}  # by key: a run renders the same few hundred keys many times
        self._marks = {name: self.pick(*marks) for name, marks in MARKS.items()}
        # Messages without parameters (a field's name) and wording made once (``Once``) by identity, each
        # kept with its text: one label object serves every item (``measure.conditions.field_label``), one
        # ``every`` explanation every report whose items pass alike.
        self._plain: BoundedMemo[int, tuple[Msg | Once, str]] = BoundedMemo(limit=PLAIN)

    def __call__(self, key: str, /, **params: object) -> str:
        text = self._text(key, params.get("count"))
        if text is None:
            raise KeyError(f"no message {key!r}")
        return text.format(**params) if params else text

    def _text(self, key: str, count: object = None) -> str | None:
        one = count == 1
        kept = f"1 {key}" if one else key  # a key holds no space, so the two never meet
        known = self._texts.get(kept, _UNKNOWN)
        if known is not _UNKNOWN:
            return cast("str | None", known)
        area, _, _name = key.partition(".")
        text = _catalogue(self.lang, area).get(key)
        if one:
            text = _ones[self.lang, area].get(key, text)
        self._texts[kept] = text
        return text

    @property
    def sep(self) -> str:
        """Between the clauses of one explanation: ``；`` in Chinese, ``; `` in English."""
        return self.pick(*MARKS["clause"])

    def join(self, items: Iterable[str]) -> str:
        """A list in running text: ``甲、乙、丙`` in Chinese, ``a, b, c`` in English."""
        return self.comma.join(items)

    @property
    def comma(self) -> str:
        """Between the entries of a list in running text (``join``): ``、`` in Chinese, ``, `` in English."""
        return self.pick(*MARKS["list"])

    @property
    def colon(self) -> str:
        return self.pick(*MARKS["colon"])

    def pick(self, zh: str, en: str) -> str:
        """Choose between two texts given by data (rule titles, interpretations)."""
        return zh if self.lang == "zh" else en

    def render(self, wording: Wording) -> str:
        """Wording (``zhijiao_check.wording``) as text in this translator's language."""
        # Told by exact class, the commonest first: a run renders hundreds of thousands of parts, most of
        # them plain text inside a sequence or a list (rendered in place, without a call).
        kind = wording.__class__
        if kind is Once:  # most of a report's explanations: made once by a rule's kind, known by the object
            known = self._plain.get(id(wording))
            if known is not None and known[0] is wording:
                return known[1]
            return self._once(wording)  # type: ignore[arg-type]
        if kind is str:
            return wording  # type: ignore[return-value]
        if kind is Seq:
            render = self.render
            return "".join([p if p.__class__ is str else render(p) for p in wording.parts])  # type: ignore[union-attr]
        if kind is Msg:
            return self._message(wording)  # type: ignore[arg-type]
        if kind is Quantity:
            return self._quantity(wording.value, wording.unit, wording.digits, wording.decimals)  # type: ignore[union-attr]
        if kind is Mark:
            return self._marks[wording.name]  # type: ignore[union-attr]
        if isinstance(wording, Join):
            render = self.render
            items = [i if i.__class__ is str else render(i) for i in wording.items]
            sep = wording.sep
            between = self._marks[sep.name] if sep.__class__ is Mark else render(sep)
            return between.join(dict.fromkeys(items) if wording.unique else items)
        if isinstance(wording, str):
            return wording
        if isinstance(wording, Msg):
            return self._message(wording)
        if isinstance(wording, Seq):
            return "".join([self.render(part) for part in wording.parts])
        if isinstance(wording, Mark):
            return self._marks[wording.name]
        if isinstance(wording, Pick):
            return self.pick(wording.zh, wording.en)
        if isinstance(wording, Typed):
            return user_text(wording.text)
        if isinstance(wording, Once):
            return self._once(wording)
        return self._quantity(wording.value, wording.unit, wording.digits, wording.decimals)

    def _message(self, wording: Msg) -> str:
        if wording.params:
            return self._said(wording)
        known = self._plain.get(id(wording))
        if known is not None and known[0] is wording:
            return known[1]
        return self._plain.keep(id(wording), (wording, self._said(wording)))[1]

    def _once(self, wording: Once) -> str:
        known = self._plain.get(id(wording))
        if known is not None and known[0] is wording:
            return known[1]
        return self._plain.keep(id(wording), (wording, self.render(wording.said)))[1]

    def _said(self, wording: Msg) -> str:
        params = {
            name: self.render(value) if isinstance(value, WORDING) else value
            for name, value in wording.params
        }
        text = self._text(wording.key, params.get("count"))
        if text is None:
            if wording.fallback is None:
                raise KeyError(f"no message {wording.key!r}")
            return self.render(wording.fallback)
        return text.format(**params) if params else text

    def _quantity(self, value: object, unit: str, digits: int, decimals: int = 2) -> str:
        if value is None:
            return "—"
        if isinstance(value, list):
            return "–".join(self._quantity(v, unit, digits, decimals) for v in value)
        if unit == "ratio":
            assert isinstance(value, int | float)
            return f"{value * 100:.{digits}f}%"
        if unit == "bool" or isinstance(value, bool):
            return self("engine.yes") if value else self("engine.no")
        shown = number(value, decimals)
        key = _UNITS.get(unit)
        if key is None:
            return shown
        # The figure itself tells one from many (``ONE``): 1 person, 3 persons.
        text = self._text(key, value)
        assert text is not None
        return text.format(count=shown)
