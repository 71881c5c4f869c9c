"""Bilingual messages: Chinese by default, English with ``--lang en``.

Message texts live in ``zhijiao_check.messages.<area>`` as ``MESSAGES = {"key": ("中文", "English")}``.
A key is ``"<area>.<name>"``; only the areas a command uses are imported.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Literal

Lang = Literal["zh", "en"]

_catalogues: dict[str, dict[str, tuple[str, str]]] = {}


def _catalogue(area: str) -> dict[str, tuple[str, str]]:
    if area not in _catalogues:
        module = importlib.import_module(f"zhijiao_check.messages.{area}")
        _catalogues[area] = module.MESSAGES
    return _catalogues[area]


class Translator:
    """``tr("report.duplicate-key", key="teachers")`` -> the message in this translator's language."""

    def __init__(self, lang: Lang = "zh") -> None:
        self.lang: Lang = lang

    def __call__(self, key: str, /, **params: object) -> str:
        area, _, _name = key.partition(".")
        texts = _catalogue(area).get(key)
        if texts is None:
            raise KeyError(f"no message {key!r}")
        text = texts[0] if self.lang == "zh" else texts[1]
        return text.format(**params) if params else text

    @property
    def sep(self) -> str:
        """Between the clauses of one explanation: ``；`` in Chinese, ``; `` in English."""
        return "；" if self.lang == "zh" else "; "

    def join(self, items: Iterable[str]) -> str:
        """A list in running text: ``甲、乙、丙`` in Chinese, ``a, b, c`` in English."""
        return ("、" if self.lang == "zh" else ", ").join(items)

    @property
    def colon(self) -> str:
        return "：" if self.lang == "zh" else ": "

    def pick(self, zh: str, en: str) -> str:
        """Choose between two texts given by data (rule titles, interpretations)."""
        return zh if self.lang == "zh" else en
