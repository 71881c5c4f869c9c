"""The single-value checks: which problem a written value is, and which number it means."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError

from zhijiao_check.i18n import Translator
from zhijiao_check.report import scalars


def _outcome(check: scalars.Check, value: Any) -> tuple[str, dict[str, Any]] | Any:
    try:
        return check(value)
    except PydanticCustomError as error:
        return error.type, error.context or {}


@pytest.mark.parametrize(
    ("value", "code", "write"),
    [
        ("3,120", "number-with-separator", "3120"),
        ("3，120", "number-with-separator", "3120"),  # full-width comma
        ("3 120", "number-with-separator", "3120"),
        ("2.5万", "number-with-magnitude", "25000"),
        ("0.1万", "number-with-magnitude", "1000"),
        ("1亿", "number-with-magnitude", "100000000"),
        ("3千", "number-with-magnitude", "3000"),
        ("3120人", "number-with-unit", "3120"),
        ("3120 人", "number-with-unit", "3120"),
        ("12个", "number-with-unit", "12"),
        (" 3120 ", "number-as-text", "3120"),
        ("３１２０", "number-full-width", "3120"),  # a Chinese input method in full width
        ("“３１２０”", "number-full-width", "3120"),
        ("“3120”", "number-as-text", "3120"),  # full-width quotes only: the quotes are the slip
        ("3120.0", "number-as-text", "3120"),
        ("-5", "negative", "-5"),
        ("50%", "percent-not-accepted", None),
        ("50％", "percent-not-accepted", None),
        ("2.5", "float-for-int", None),
        ("21O", "not-a-number", None),
        ("三千", "not-a-number", None),
        ("", "blank", None),
        ("   ", "blank", None),
        ("1" * 30, "not-a-number", None),
        # "none" as a clerk writes it in a figure's place, in a cell above all
        ("无", "none-for-number", None),
        ("-", "none-for-number", None),
        ("—", "none-for-number", None),
        ("／", "none-for-number", None),  # full width
        ("N/A", "none-for-number", None),
        # a figure hedged: the report holds the figure counted
        ("约1360", "hedged-number", "1360"),
        ("1360左右", "hedged-number", "1360"),
        ("1300多人", "hedged-number", "1300"),
        ("约1.36万", "hedged-number", "13600"),
        ("近 1360", "hedged-number", "1360"),
        ("1360# 中职招生", "comment-without-space", "1360"),  # YAML's comment needs a space before #
        ("1360＃ 中职招生", "comment-without-space", "1360"),
        ("多", "not-a-number", None),
        ("左右", "not-a-number", None),
    ],
)
def test_count_written_as_text(value: str, code: str, write: str | None) -> None:
    found_code, context = _outcome(scalars.whole("count"), value)
    assert found_code == code
    assert context.get("write") == write
    # the text found, quoted: as YAML writes it in English, in Chinese quotation marks in Chinese
    assert Translator("en").render(context["found"]) == json.dumps(value, ensure_ascii=False)
    assert Translator("zh").render(context["found"]) == f"“{value}”"


@pytest.mark.parametrize(
    ("value", "write"),
    [
        ("612.5万元", "612.5"),
        ("5.2亿", "52000"),
        ("520000000元", "52000"),
        ("52,000", "52000"),
        ("0.52万", "0.52"),
        ("约612.5万元", "612.5"),
    ],
)
def test_amounts_in_wan_yuan(value: str, write: str) -> None:
    assert _outcome(scalars.amount("wan_yuan", in_wan=True), value)[1]["write"] == write


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (None, "blank"),
        (True, "bool-for-number"),
        (3.5, "float-for-int"),
        (float("nan"), "not-a-number"),
        (float("inf"), "not-a-number"),
        ([3], "wrong-type"),
        ({"a": 1}, "wrong-type"),
        (datetime.date(2023, 1, 1), "date-for-number"),
        (datetime.datetime(2023, 1, 1), "date-for-number"),  # a spreadsheet's date
    ],
)
def test_count_of_other_types(value: Any, code: str) -> None:
    assert _outcome(scalars.whole("count"), value)[0] == code


@pytest.mark.parametrize(
    ("value", "code", "write"),
    [
        (datetime.date(2023, 9, 1), "date-for-year", 2023),
        (datetime.datetime(2023, 9, 1, 8, 0), "date-for-year", 2023),
        ("2023-09", "text-for-year", "2023"),
        ("2023.9", "text-for-year", "2023"),
        ("2023年9月", "text-for-year", "2023"),
        ("2023", "number-as-text", "2023"),
        (1999, "year-out-of-range", None),
        (2023.0, "point-for-int", "2023"),  # the year to write, as of JSON's 2023.0
    ],
)
def test_years(value: Any, code: str, write: Any) -> None:
    found_code, context = _outcome(scalars.year(2000, 2100), value)
    assert (found_code, context.get("write")) == (code, write)


@pytest.mark.parametrize(
    ("value", "code", "write"),
    [
        ("是", "bool-spelling", "true"),
        ("否", "bool-spelling", "false"),
        ("已建立", "bool-spelling", "true"),
        (0, "bool-spelling", "false"),
        (2, "wrong-type", None),
        ("maybe", "wrong-type", None),
        (None, "blank", None),
    ],
)
def test_flags(value: Any, code: str, write: str | None) -> None:
    found_code, context = _outcome(scalars.flag, value)
    assert (found_code, context.get("write")) == (code, write)


def test_valid_values_pass_unchanged() -> None:
    assert scalars.whole("count")(0) == 0
    assert scalars.amount("yuan")(10500.5) == 10500.5
    assert scalars.flag(False) is False
    assert scalars.text("冷水滩区") == "冷水滩区"
    assert scalars.choice({"green": "绿牌"})("green") == "green"
    assert scalars.schema_version(1) == 1
    assert _outcome(scalars.schema_version, True)[0] == "schema-version"


@given(st.integers(min_value=0, max_value=10**15))
def test_any_grouped_count_points_to_itself(number: int) -> None:
    written = f"{number:,}"
    code, context = _outcome(scalars.whole("count"), written)
    assert context["write"] == str(number)
    assert code == ("number-with-separator" if "," in written else "number-as-text")


@given(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.text(),
        st.dates(),
        st.lists(st.integers(), max_size=2),
    )
)
def test_checks_only_ever_raise_their_own_problems(value: Any) -> None:
    for check in (
        scalars.whole("count"),
        scalars.amount("wan_yuan", in_wan=True),
        scalars.year(2000, 2100),
        scalars.flag,
        scalars.text,
        scalars.choice({"green": "绿牌"}),
        scalars.schema_version,
    ):
        outcome = _outcome(check, value)
        if isinstance(outcome, tuple):
            assert outcome[0] and "found" in outcome[1]
