"""Wording (zhijiao_check.wording): what results say, rendered in each language by the translator."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.measure.conditions import field_label
from zhijiao_check.measure.numbers import show, show_target
from zhijiao_check.wording import CLAUSE, COLON, Join, Msg, Pick, Wording, msg, seq

ZH, EN = Translator("zh"), Translator("en")


def test_a_message_renders_its_parameters_in_the_same_language() -> None:
    wording = msg("engine.every", passed=2, total=3, share=show(2 / 3, "ratio"))
    assert ZH.render(wording) == "2 / 3 项达标 = 66.7%"
    assert EN.render(wording) == "2 of 3 met = 66.7%"


def test_lists_and_clauses_are_joined_as_each_language_writes_them() -> None:
    units = Join(("零陵区", "道县"))
    assert ZH.render(msg("engine.units-missing", units=units)) == "缺少单位：零陵区、道县"
    assert EN.render(msg("engine.units-missing", units=units)) == "units missing: 零陵区, 道县"
    clauses = seq("1 ≥ 1", CLAUSE, msg("engine.missing-data", what=Join(("a", "b"))))
    assert ZH.render(clauses) == "1 ≥ 1；缺少数据：a、b"
    assert EN.render(clauses) == "1 ≥ 1; data missing: a, b"


def test_a_unique_join_says_alike_items_once() -> None:
    same = Join(("当年招生 0 = 0", seq("当年招生 0", " = 0"), "x"), CLAUSE, unique=True)
    assert ZH.render(same) == "当年招生 0 = 0；x"
    assert EN.render(Join(("a", "a"), CLAUSE)) == "a; a"


@pytest.mark.parametrize(
    ("value", "unit", "zh", "en"),
    [
        (0.45, "ratio", "45.0%", "45.0%"),
        (10500.0, "yuan", "10500 元", "10500 yuan"),
        (3120, "persons", "3120 人", "3120 persons"),
        (True, "bool", "是", "yes"),
        (False, "count", "否", "no"),
        ([1, 2], "count", "1–2", "1–2"),
        (None, "ratio", "—", "—"),
        (0.5, "count", "0.5", "0.5"),
    ],
)
def test_a_quantity_is_written_when_rendered(value: object, unit: str, zh: str, en: str) -> None:
    assert (ZH.render(show(value, unit)), EN.render(show(value, unit))) == (zh, en)


def test_targets_ranges_colons_and_picks() -> None:
    assert ZH.render(show_target(">=", 0.45, "ratio", 2)) == "≥ 45.00%"
    assert EN.render(show_target("between", [1, 2], "count")) == "1–2"
    assert (ZH.render(seq("a", COLON, "b")), EN.render(seq("a", COLON, "b"))) == ("a：b", "a: b")
    assert (ZH.render(Pick("标题", "title")), EN.render(Pick("标题", "title"))) == ("标题", "title")


def test_a_field_label_falls_back_to_a_general_label_then_to_the_path() -> None:
    assert ZH.render(field_label("teachers", "enterprise_practice")) != ZH.render(field_label("teachers"))
    assert ZH.render(field_label("no_such_field", "schools")) == "no_such_field"
    assert EN.render(field_label("appropriation_per_student")) == EN("field.appropriation_per_student")


def test_an_unknown_key_without_a_fallback_is_an_error() -> None:
    with pytest.raises(KeyError):
        ZH.render(Msg("engine.no-such-message"))


def test_wording_is_a_value() -> None:
    """Equal wording is equal and hashes alike (notices are said once each)."""
    assert msg("engine.paren", text=Join(("a",))) == msg("engine.paren", text=Join(("a",)))
    assert len({msg("engine.yes"), msg("engine.yes"), msg("engine.no")}) == 2


# Values equal across types (True == 1 == 1.0) that read differently: what a translator that remembers texts
# it rendered (``Translator._message``) must never mix up.
_numbers = st.sampled_from([True, False, 1, 0, 1.0, 0.0, 2, 2.0, 0.45, None])
_values = st.one_of(_numbers, st.just("1"))
_quantities = st.builds(
    show,
    st.one_of(_numbers, st.lists(st.sampled_from([1, 1.0, 2, 2.5, True]), min_size=2, max_size=2)),
    st.sampled_from(["ratio", "count", "yuan", "persons", "bool"]),
    st.integers(1, 3),
)
_plain = st.one_of(  # messages without parameters: the same label object each time, or a new message
    st.sampled_from(
        [field_label("teachers", "enterprise_practice"), field_label("no_such_field", "schools")]
    ),
    st.builds(lambda key: msg(key), st.sampled_from(["engine.yes", "engine.none-matching"])),
)
_leaves = st.one_of(st.sampled_from(["a", "1", "true"]), _quantities, _plain, st.just(CLAUSE))
_wording = st.recursive(
    _leaves,
    lambda inner: st.one_of(
        st.builds(lambda parts: seq(*parts), st.lists(inner, min_size=1, max_size=3)),
        st.builds(
            lambda items, unique: Join(tuple(items), CLAUSE, unique),
            st.lists(inner, max_size=3),
            st.booleans(),
        ),
        st.builds(lambda start: msg("engine.not-yet-applicable", start=start), st.one_of(_values, inner)),
        st.builds(lambda text: msg("engine.paren", text=text), inner),
    ),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_wording, min_size=1, max_size=8), st.sampled_from(["zh", "en"]))
def test_wording_rendered_again_reads_as_when_first_rendered(wordings: list[Wording], lang: Lang) -> None:
    """Wording reads the same however much a translator has rendered before: as a translator that has rendered
    nothing else renders it (equal wording of other types, ``是`` against ``1``, included)."""
    seen = Translator(lang)
    for wording in wordings + wordings:
        assert seen.render(wording) == Translator(lang).render(wording)
