"""The one JSON writer: orjson's speed, the standard library's text."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from zhijiao_check.jsontext import dumps

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


def test_small_floats_keep_pythons_spelling() -> None:
    assert dumps({"ratio": 1.5e-05, "items": [-2e-09, 0.0001, 10.00001]}) == (
        '{\n  "ratio": 1.5e-05,\n  "items": [\n    -2e-09,\n    0.0001,\n    10.00001\n  ]\n}'
    )


def test_what_orjson_refuses_still_writes() -> None:
    assert dumps({"big": 2**80, "lone": "\ud800"}) == json.dumps(
        {"big": 2**80, "lone": "\ud800"}, ensure_ascii=False, indent=2
    )
