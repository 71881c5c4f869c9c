"""A yes/no word where a rule takes a choice: YAML 1.1 reads ``off``, ``no``, ``On`` as false or true, and the
loader said ``severity 写了 false``, a word the author never wrote. Each is quoted as typed, at its value, as
the report loader quotes a report's values (``located.typed_word``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .common import at, edited, refused


@pytest.mark.parametrize(
    ("old", "new", "key", "said"),
    [
        (
            "    scope: city\n    kind: count",
            "    scope: city\n    severity: off\n    kind: count",
            "severity: off",
            "rules[0].severity: severity 写了 off，但它取 error、warning 之一",
        ),
        (
            "    scope: city\n    kind: count",
            "    scope: On\n    kind: count",
            "scope: On",
            "rules[0].scope: scope 写了 On，但它取 unit、school、city 之一",
        ),
        (
            "    kind: count",
            "    kind: no",
            "kind: no",
            "rules[0].kind: 没有 no 这种规则类型（kind）",
        ),
        (
            'target: {op: ">=", value: 7}',
            "target: {op: off, value: 7}",
            "op: off",
            "rules[0].target.op: op 写了 off，但它取 >=、>、<=、<、==、!=、between、contains 之一",
        ),
    ],
)
def test_a_yes_no_word_for_a_choice_is_quoted_as_typed(
    tmp_path: Path, old: str, new: str, key: str, said: str
) -> None:
    pack, path = edited(tmp_path, "clause-08.yaml", old, new)
    word = key.split(": ")[1]
    assert f"{at(path, key, word)}: {said}" in refused(pack)


def test_a_yes_no_word_in_a_filter_is_quoted_as_typed(tmp_path: Path) -> None:
    pack, path = edited(
        tmp_path,
        "clause-01.yaml",
        "where: [{field: level, value: secondary}",
        "where: [{field: level, value: off}",
    )
    assert (
        f"{at(path, 'value: off', 'off')}: c1.quality-schools.of.where[0].value: 规则 c1.quality-schools："
        "level 没有 off 这个值"
    ) in refused(pack)
    assert "c1.quality-schools: level is never off; it takes one of secondary, higher" in refused(pack, "en")


def test_a_yes_no_word_for_a_text_field_is_told_to_quote_the_word(tmp_path: Path) -> None:
    """``value: Off`` for a name: to write ``value: "Off"``, not ``value: "false"``."""
    pack, path = edited(
        tmp_path,
        "clause-01.yaml",
        "where: [{field: level, value: secondary}",
        "where: [{field: name, value: Off}",
    )
    assert (
        f"{at(path, 'value: Off', 'Off')}: c1.quality-schools.of.where[0].value: "
        '规则 c1.quality-schools 的条件写了 Off，但 name 只取文字：应写 value: "Off"\n'
    ) in refused(pack)


def test_a_yes_no_word_for_a_text_field_is_told_to_quote_the_word_in_english(tmp_path: Path) -> None:
    pack, path = edited(
        tmp_path,
        "clause-01.yaml",
        "where: [{field: level, value: secondary}",
        "where: [{field: name, value: NO}",
    )
    assert (
        f"{at(path, 'value: NO', 'NO')}: c1.quality-schools.of.where[0].value: rule c1.quality-schools "
        'compares name with NO, but name takes text: write value: "NO"\n'
    ) in refused(pack, "en")


def test_a_yes_no_word_for_a_number_field_is_quoted_as_typed(tmp_path: Path) -> None:
    """Said by the check of values (``pack.values``) as typed, in each language."""
    pack, path = edited(
        tmp_path,
        "clause-01.yaml",
        "where: [{field: level, value: secondary}",
        'where: [{field: teachers, op: ">=", value: off}',
    )
    place = f"{at(path, 'value: off', 'off')}: c1.quality-schools.of.where[0].value: "
    assert f"{place}规则 c1.quality-schools 的条件写了 off，但 teachers 只取数值：" in refused(pack)
    assert f"{place}rule c1.quality-schools compares teachers with off, but teachers takes a number" in (
        refused(pack, "en")
    )


def test_the_choice_meant_is_found_from_the_word_typed() -> None:
    """No field of the report model has a choice near a yes/no word, so a made-up one: ``value: No`` for a
    choice of ``Yes``/``No`` is told to write ``No``, found from the word typed, not from false."""
    from zhijiao_check.pack.values import Shape, _value

    [(where, said)] = _value("r", "f", Shape("choice", ("Yes", "No")), False, ("value",), lambda path: "no")
    params = dict(said.params)
    assert (where, params["found"], params["write"]) == (("value",), "no", "value: No")
