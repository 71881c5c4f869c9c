"""The one JSON writer: orjson's speed, the standard library's text."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhijiao_check.jsontext import PLAIN, Lazy, Written, chunks, compact, dumps, encoded
from zhijiao_check.status import Status

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
    | st.sampled_from(["0.00001", "1e-05", 'a": 0.00001', "x\n1e-5", "10.00001", "phase-out"])
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(VALUES)
def test_same_text_as_the_standard_library(value: object) -> None:
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


@given(VALUES, st.integers(min_value=0, max_value=6))
def test_a_value_written_deeper_is_the_same_text_indented(value: object, depth: int) -> None:
    """``encoded(value, depth)`` is cut out of lists around it: the lines of ``dumps``, each indented."""
    text = json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8", errors="backslashreplace")
    assert encoded(value, depth) == text.replace(b"\n", b"\n" + b"  " * depth)


@given(VALUES, st.integers(min_value=0, max_value=6))
def test_keys_of_another_type_are_written_as_their_text(value: object, depth: int) -> None:
    """orjson is asked first without its option for keys of other types: a summary keyed by ``Status``,
    whatever follows it (a value orjson refuses), is written again with it, the same text."""
    with_status = {"values": value, "summary": {Status.PASS: 1, Status.FAIL: 0}}
    text = json.dumps(with_status, ensure_ascii=False, indent=2).encode("utf-8", errors="backslashreplace")
    assert encoded(with_status, depth) == text.replace(b"\n", b"\n" + b"  " * depth)


@given(VALUES)
def test_compact_text_is_the_standard_librarys_too(value: object) -> None:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    assert compact(value) == text.encode("utf-8", errors="backslashreplace")


def test_compact_text_is_strict_and_keeps_small_floats_and_what_orjson_refuses() -> None:
    assert (
        compact({"r": 1.5e-05, "s": "0.00001,", "n": float("nan")})
        == b'{"r":1.5e-05,"s":"0.00001,","n":null}'
    )
    assert compact({"big": 2**80, "lone": "\ud800"}) == b'{"big":1208925819614629174706176,"lone":"\\ud800"}'


def test_small_floats_keep_pythons_spelling() -> None:
    assert dumps({"ratio": 1.5e-05, "items": [-2e-09, 0.0001, 10.00001]}) == (
        '{\n  "ratio": 1.5e-05,\n  "items": [\n    -2e-09,\n    0.0001,\n    10.00001\n  ]\n}'
    )


def test_what_orjson_refuses_still_writes() -> None:
    assert dumps({"big": 2**80, "lone": "\ud800"}) == json.dumps(
        {"big": 2**80, "lone": "\ud800"}, ensure_ascii=False, indent=2
    )


def _lazy(value: object, flip: list[bool]) -> object:
    """``value`` with some of its lists made ``Lazy`` (some entries already ``Written``) at any depth."""
    if isinstance(value, dict):
        return {key: _lazy(item, flip) for key, item in value.items()}
    if isinstance(value, list):
        flip.append(not flip[-1])
        if not flip[-1]:
            return [_lazy(item, flip) for item in value]
        entries = [_lazy(item, flip) for item in value]
        return Lazy(lambda: iter(entries))
    return value


@given(VALUES)
def test_a_document_written_in_pieces_is_the_same_text(value: object) -> None:
    lazy = _lazy(value, [False])
    text = b"".join(chunks(lazy)).decode("utf-8", errors="backslashreplace")
    assert text == json.dumps(value, ensure_ascii=False, indent=2).encode(
        "utf-8", errors="backslashreplace"
    ).decode("utf-8", errors="backslashreplace")


@given(st.lists(VALUES, max_size=4), st.integers(min_value=0, max_value=3))
def test_entries_written_ahead_at_their_depth_read_as_the_whole(entries: list[object], depth: int) -> None:
    nested: object = Lazy(lambda: [Written(encoded(entry, depth + 1)) for entry in entries])
    plain: object = entries
    for _ in range(depth):
        nested, plain = {"x": nested}, {"x": plain}
    text = b"".join(chunks(nested)).decode("utf-8", errors="backslashreplace")
    assert text == encoded(plain).decode("utf-8", errors="backslashreplace")


@given(
    st.lists(VALUES, max_size=3),
    st.sampled_from([0, 1, PLAIN - 1, PLAIN, PLAIN + 1, 2 * PLAIN + 3]),
    st.integers(min_value=0, max_value=3),
)
def test_a_plain_lazy_list_written_in_batches_is_the_same_text(
    kinds: list[object], length: int, depth: int
) -> None:
    entries = [kinds[at % len(kinds)] for at in range(length)] if kinds else []
    nested: object = Lazy(lambda: iter(entries), plain=True)
    plain: object = entries
    for _ in range(depth):
        nested, plain = {"x": nested, "y": 1}, {"x": plain, "y": 1}
    assert b"".join(chunks(nested)) == encoded(plain)


@pytest.mark.parametrize(
    "extra",
    [
        {"said": "\x00zhijiao-check: a Lazy list\x00"},  # what a hole is written as, in a text of the data
        {"summary": {Status.PASS: 1, Status.FAIL: 0}},  # keys of another type
        {"big": 2**70},  # what orjson refuses besides
        {"small": [1.5e-05, "0.00001"]},
        {},
    ],
)
def test_a_dict_holding_lazy_lists_is_written_in_one_call_or_key_by_key_the_same(
    extra: dict[Any, Any],
) -> None:
    """A dict holding ``Lazy`` lists is written whole with a hole for each (``jsontext._holed``), or key by
    key where orjson refuses it or a text says what a hole does: the same text either way."""
    entries = [{"file": "a.yaml", "line": n} for n in range(3)]
    for depth in range(3):
        nested = {
            "first": 1,
            "lazy": Lazy(lambda: iter(entries)),
            **extra,
            "deeper": [Lazy(lambda: iter([2]))],
        }
        plain = {"first": 1, "lazy": entries, **extra, "deeper": [[2]]}
        assert b"".join(chunks(nested, depth)) == encoded(plain, depth)
