"""A report's code with its meaning (``report.codes.with_meaning``) is said one way wherever it is said:
in the values a choice allows, in a condition's value and in an English template's comment."""

from __future__ import annotations

from zhijiao_check.commands.template import _choices
from zhijiao_check.i18n import Translator
from zhijiao_check.measure.conditions import shown
from zhijiao_check.report.codes import PROJECT_LABELS, with_meaning
from zhijiao_check.report.scalars import choice

ZH, EN = Translator("zh"), Translator("en")


def test_a_code_with_its_meaning_in_each_language() -> None:
    assert ZH.render(with_meaning("building")) == "building（在建）"
    assert EN.render(with_meaning("building")) == "building (under construction)"


def test_the_three_places_say_it_alike() -> None:
    for tr in (ZH, EN):
        said = tr.render(with_meaning("building"))
        assert tr.render(shown("building")) == said
        allowed = choice(PROJECT_LABELS).args[1]  # type: ignore[attr-defined]  # (labels, allowed) bound by position
        assert said in tr.render(allowed)
    assert EN.render(with_meaning("building")) in _choices({"enum": list(PROJECT_LABELS)}, EN).split(" | ")
