"""A yes/no word where a report wants a number or a text: YAML 1.1 reads ``off``, ``no``, ``On``, ``YES`` as
false or true, and the message said ``填写了是/否值 false``, a word the county never wrote. It quotes the word
as typed, at the value, in each language; the report is refused all the same (exit status 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from factory import invoke

from .helpers import county_text


def _validate(tmp_path: Path, lang: str, *edits: tuple[str, str]) -> tuple[str, int]:
    report = tmp_path / "lengshuitan-2023.yaml"
    report.write_text(county_text(*edits), encoding="utf-8")
    result = invoke("validate", report, "--lang", lang)
    return result.output.replace(str(report), "REPORT"), result.exit_code


@pytest.mark.parametrize("word", ["off", "Off", "OFF", "no", "NO", "on", "yes", "True"])
def test_a_yes_no_word_for_a_number_is_quoted_as_typed(tmp_path: Path, word: str) -> None:
    edit = ("    teachers: 48", f"    teachers: {word}")
    zh, status = _validate(tmp_path, "zh", edit)
    assert (
        f"REPORT:79:15: 错误：schools[1].teachers: 填写了是/否值 {word}：此处应为一个不小于 0 的整数\n" in zh
    )
    assert status == 2
    en, status = _validate(tmp_path, "en", edit)
    assert (
        "REPORT:79:15: error: schools[1].teachers: "
        f"found the yes/no value {word}: write a whole number (0 or more)\n"
    ) in en
    assert status == 2


def test_a_yes_no_word_for_a_text_is_quoted_as_typed(tmp_path: Path) -> None:
    """A name, and an item of a flow list (``[Off, …]``), each at its own column."""
    edits = (
        ("  name: 冷水滩区", "  name: no"),
        ("leading_industries: [电子信息,", "leading_industries: [Off,"),
    )
    zh, status = _validate(tmp_path, "zh", *edits)
    assert "REPORT:4:9: 错误：unit.name: 填写了 no：此处应为文字\n" in zh
    assert "REPORT:16:22: 错误：leading_industries[0]: 填写了 Off：此处应为文字\n" in zh
    assert status == 2
    en, status = _validate(tmp_path, "en", *edits)
    assert "REPORT:4:9: error: unit.name: found no: write text\n" in en
    assert "REPORT:16:22: error: leading_industries[0]: found Off: write text\n" in en
    assert status == 2


def test_a_word_behind_an_anchor_or_a_tag_is_quoted_as_typed(tmp_path: Path) -> None:
    """The mark of a node with an anchor or a tag is that of the anchor or the tag (libyaml's reader, not the
    quick one, reads a text with an anchor)."""
    edits = (
        ("    teachers: 48", "    teachers: &t !!bool NO"),
        ("    dual_qualified_teachers: 20", "    dual_qualified_teachers: *t"),
    )
    en, status = _validate(tmp_path, "en", *edits)
    assert "REPORT:79:15: error: schools[1].teachers: found the yes/no value NO: write" in en
    assert status == 2


def test_true_as_typed_is_still_said_as_true(tmp_path: Path) -> None:
    en, status = _validate(tmp_path, "en", ("    teachers: 48", "    teachers: true"))
    assert "REPORT:79:15: error: schools[1].teachers: found the yes/no value true: write" in en
    assert status == 2
