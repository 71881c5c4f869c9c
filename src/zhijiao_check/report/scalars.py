"""Checks of single values, run before Pydantic's own (as ``BeforeValidator``) to name what is wrong.

Pydantic's strict types would reject ``"3,120"`` as "not an int"; a county needs to hear "write 3120".
So each check classifies the raw value (blank, yes/no, fraction, number written as text, date…) and raises
a ``PydanticCustomError`` whose type is the report problem code and whose context holds language-neutral
parameters: ``found`` (the value as YAML would show it), ``write`` (what to write instead) and ``expected``
(a token naming the message ``report.expected-<token>``, which says it in the language shown).
"""

from __future__ import annotations

import datetime
import json
import math
import unicodedata
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import partial
from typing import Any

from zhijiao_check.characters import difference
from zhijiao_check.located import TINY_SHOWN, LongNumber, TinyNumber, WrittenWhole, too_long, too_small
from zhijiao_check.patterns import later
from zhijiao_check.problems import MAX_DIGITS, NUMBER_START
from zhijiao_check.pydantic_compiled import PydanticCustomError
from zhijiao_check.report.codes import with_meaning
from zhijiao_check.wording import Join, Pick, Seq, Typed, Wording, msg

# A check is a module function, or one with its settings bound (``functools.partial``): either pickles, so
# that the report's validator can be kept between runs (``report.validator``).
Check = Callable[[Any], Any]

# A number written as text: sign, digits (maybe grouped), fraction, a Chinese magnitude, a short unit in
# Chinese (人, 元, 个月…). Latin letters are no unit: "21O" is a typo for 210, not 21 of something.
_NUMBER_TEXT = later(
    r"(?P<sign>[-+]?)(?P<digits>\d[\d,\s]*\d|\d)(?P<fraction>\.\d+)?\s*(?P<magnitude>[千万亿]?)\s*"
    r"(?P<unit>[^\x00-\x7f\d]{0,4})"
)
_MAGNITUDES = {"": 1, "千": 1_000, "万": 10_000, "亿": 100_000_000}
_WAN = Decimal(10_000)
# `year: 2023-01` or `2023年9月` is text, not a date YAML recognises; the year is still plain to see.
_YEAR_IN_DATE = later(r"(\d{4})\s*[-./年]")
CURLY_QUOTES = "“”‘’「」『』"  # typed with a Chinese input method around a number or a code
# What a statistics clerk writes for "none" in a figure's place (a workbook cell above all): 0 is meant.
NONE_WORDS = {"无", "没有", "暂无", "空", "-", "--", "—", "——", "–", "/", "\\", "n/a", "na", "none", "nil"}
_PLAIN_NUMBER = later(r"[-+]?\d+(?:\.\d+)?")
# A number in exponent notation (``1e400``, ``2.5E-3``) in ASCII digits, which YAML 1.1 reads as text.
_EXPONENT = later(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eE][-+]?[0-9]+")
# Words that hedge a figure (约1360, 1360左右, 1300多人): a report holds the figure counted, not an estimate.
_HEDGES = later(r"^(?:大约|约|将近|接近|近|超过|不到|不足)|左右|上下|余|多")
# What separates a number's digits in groups (``1,360``, ``1 360``): left out of the figure, and told of.
_DIGIT_SEPARATOR = later(r"[,\s]")
# A line break inside a name, and one with the spaces around it, to write the name on one line (a YAML
# report's and a workbook's cell, ``report.workbook.shown``).
LINE_BREAK = later(r"\r\n|[\n\r\v\f\x85\u2028\u2029]")
LINE_BREAKS = later(r"\s*(?:\r\n|[\n\r\v\f\x85\u2028\u2029])\s*")
YES_WORDS = {"是", "有", "已", "已建立", "已设立", "对", "√", "yes", "y", "true", "真"}
NO_WORDS = {"否", "无", "没有", "未", "未建立", "未设立", "不", "×", "no", "n", "false", "假"}


# The largest value a field of each kind may hold (docs/report-format.md, "Number bounds"): far above any real
# figure, so that a typo of a few extra digits is caught and no sum or ratio can overflow.
MAXIMUM: dict[str, int] = {
    "count": 10_000_000,  # persons or items: Yongzhou has about 5.3 million inhabitants
    "yuan": 1_000_000_000,  # 10亿元 for one student or one allowance
    "wan_yuan": 100_000_000,  # 1万亿元: more than the whole budget of Hunan province
    "months": 600,  # fifty years of practice
}


def render(value: Any) -> str:
    """The value as the user would see it in YAML: ``"3,120"`` quoted, ``true``, ``3.5``, ``2023-01-01``."""
    if value is None:
        return ""
    if isinstance(value, (LongNumber, TinyNumber, WrittenWhole)):
        return value.written  # not the number it stands as (JSON's 1.0, not 1); a message shortens it
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
        return text if len(text) <= 42 else text[:40] + '…"'
    if isinstance(value, list):
        return "[…]"
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()  # a spreadsheet's date, which carries a midnight
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")  # 2024-03-01 12:00:00, as a cell shows it, not ISO's T
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def as_found(value: Any) -> Wording:
    """``render(value)`` as a message quotes what it found: a text in the language's quotation marks (“3,120”
    in Chinese, "3,120" in English), where ``render`` writes it as YAML would, as a value to write must be."""
    text = render(value)
    if isinstance(value, str) and text.startswith('"') and text.endswith('"'):
        # the value itself is the user's (``Typed``: shown as typed on any terminal), the quotation marks ours
        return Seq((Pick("“", '"'), Typed(text[1:-1].replace(chr(92) + chr(34), chr(34))), Pick("”", '"')))
    return text


def problem(code: str, value: Any, **context: Any) -> PydanticCustomError:
    # The template is never shown (messages come from messages/<lang>/report.py); it only keeps Pydantic's
    # repr readable.
    return PydanticCustomError(code, code, {"found": as_found(value), **context})


def whole(expected: str) -> Check:
    """A whole number ≥ 0 (persons, items)."""
    # Each check's settings bound by position, its bound with them: a ``partial`` with keywords copies them
    # into a new dict at each call, and the validator calls these checks some 60 times a report.
    return partial(_whole, expected, MAXIMUM[expected])


def _whole(expected: str, most: int, value: Any) -> Any:
    if type(value) is int:  # nearly every value: no subclass (``WrittenWhole``, a bool) to tell apart
        return value if value <= most else _bounded(value, expected)
    if isinstance(value, TinyNumber):
        raise problem("number-too-small", value, expected=expected, least=TINY_SHOWN)
    if isinstance(value, WrittenWhole) or (isinstance(value, float) and math.isfinite(value)):
        # 1.0e+20 people count is too many before it is written wrong: the bound is what to fix
        _bounded(value, expected)
        raise _pointed(value, expected=expected)
    if isinstance(value, int) and not isinstance(value, bool):
        return _bounded(value, expected)
    raise _not_a_number(value, expected, whole=True, in_wan=False)


def _pointed(value: float, **context: Any) -> PydanticCustomError:
    """A whole number's field given a number with a point or an exponent, said alike of YAML and JSON: one
    with a fraction (950.5) as such; a whole one written with an exponent (JSON's 1e3, as YAML's text
    ``1e3``) or a point (950.0, which JSON and YAML read alike) with the whole number to write."""
    if isinstance(value, TinyNumber) or (isinstance(value, float) and not value.is_integer()):
        return problem("float-for-int", value, **context)
    write = str(int(value))
    if isinstance(value, WrittenWhole) and "e" in value.written.lower():
        return problem("number-exponent", value.written, write=write)
    return problem("point-for-int", value, found=getattr(value, "written", render(value)), write=write)


def amount(expected: str, *, in_wan: bool = False) -> Check:
    """A number (int or float) ≥ 0; ``in_wan`` for fields counted in 万元, where "52000万" means 52000."""
    return partial(_amount, expected, in_wan, MAXIMUM[expected])


def _amount(expected: str, in_wan: bool, most: int, value: Any) -> Any:
    if type(value) is int:  # nearly every value, as in ``_whole``
        return value if value <= most else _bounded(value, expected)
    if isinstance(value, WrittenWhole):  # 950.0 in JSON: the amount it is
        value = int(value)
    if isinstance(value, TinyNumber):
        raise problem("number-too-small", value, expected=expected, least=TINY_SHOWN)
    # an int is finite whatever its size, and math.isfinite would first turn it into a float, which one of
    # 309 digits cannot be
    if (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, float) and math.isfinite(value)
    ):
        return _bounded(value, expected)
    raise _not_a_number(value, expected, whole=False, in_wan=in_wan)


def _bounded(value: float, expected: str) -> float:
    if value > MAXIMUM[expected]:
        # JSON's 1e20 shown as the whole number it equals, which says how large it is
        shown = int(value) if isinstance(value, WrittenWhole) else value
        raise problem("too-large", shown, maximum=f"{MAXIMUM[expected]:,}", expected=expected)
    return value


# The statistical years a report may give: the bounds of the model's ``Year`` (``year``, ``evaluated_in``, …),
# of ``template``'s year and of the year an invalid report is still said to give. Here, not in the model, so
# that those outside it read it without importing Pydantic.
REPORT_YEARS = (2000, 2100)


def year(low: int, high: int) -> Check:
    """A 4-digit year between ``low`` and ``high``; a date or "2023年" points to the year to write."""
    return partial(_year, low, high)


def _year(low: int, high: int, value: Any) -> Any:
    if isinstance(value, WrittenWhole) or (isinstance(value, float) and math.isfinite(value)):
        raise _pointed(value, expected="year", low=low, high=high)
    if isinstance(value, int) and not isinstance(value, bool):
        if low <= value <= high:
            return value
        raise problem("year-out-of-range", value, low=low, high=high)
    if isinstance(value, datetime.date):
        raise problem("date-for-year", value, write=value.year)
    if isinstance(value, str) and (match := _YEAR_IN_DATE.match(value.strip())):
        # text (2023年, 2023-09): no date format to take off the cell, as ``date-for-year``'s advice in a
        # workbook says of a real date; the year is to be written as a number
        raise problem("text-for-year", value, write=match.group(1))
    raise _not_a_number(value, "year", whole=True, in_wan=False, low=low, high=high)


def flag(value: Any) -> Any:
    """``true`` or ``false``; 是/否 and 1/0 point to the one to write."""
    if isinstance(value, bool):
        return value
    if value is None:
        raise problem("blank", value, expected="bool")
    if isinstance(value, int) and value in (0, 1):
        raise problem("bool-spelling", value, write="true" if value else "false")
    if isinstance(value, str) and value.strip().lower() in YES_WORDS | NO_WORDS:
        raise problem("bool-spelling", value, write="true" if value.strip().lower() in YES_WORDS else "false")
    raise problem("wrong-type", value, expected="bool")


def text(value: Any) -> Any:
    """Non-blank text on one line, without spaces at its ends (``"东安县 "`` in quotes would be another name
    than 东安县, and nothing is trimmed silently); a number where text belongs (an unquoted code) is to be
    quoted. A workbook's reader takes off what a cell hides, and says so, before this."""
    if type(value) is str and value.isprintable() and value and value.strip() == value:
        return value  # nearly every text: no line break is printable, and nothing to trim
    if isinstance(value, str) and value.strip():
        inner = value.strip()
        if LINE_BREAK.search(inner):
            raise problem("line-break-in-text", value, write=render(LINE_BREAKS.sub("", inner)))
        if inner != value:
            raise problem("text-padded", value, write=render(inner))
        return value
    if value is None or isinstance(value, str):
        raise problem("blank", value, expected="text")
    if isinstance(value, (int, float, datetime.date)) and not isinstance(value, bool):
        written = render(value)
        if isinstance(value, LongNumber) and len(value.written) <= 40:
            written = value.written  # a code of 25 digits: quoted as written, not as the number it stands as
        # a cell says what it holds: a date is no number to its clerk
        what = msg(
            "report.cell-holds-date" if isinstance(value, datetime.date) else "report.cell-holds-number"
        )
        raise problem("number-for-text", value, write=json.dumps(written, ensure_ascii=False), what=what)
    raise problem("wrong-type", value, expected="text")


CODE_DIGITS = 6  # a GB/T 2260 division code: ``431103``


def division_code(value: Any) -> Any:
    """A unit's 行政区划代码: text (``text``). A number of six digits has been taken as its text before
    (``report.unitcode``, with a warning); a whole number of any other length is refused with the reason: the
    digits a code has, and that a number keeps no leading zero (``43110`` may be ``043110`` with its zero
    lost), so that the code meant cannot be read from it."""
    if isinstance(value, int) and not isinstance(value, bool) and not isinstance(value, WrittenWhole):
        written = value.written if isinstance(value, LongNumber) else str(value)
        digits = len(written.lstrip("+-"))
        if written.lstrip("+-").isdecimal() and digits != CODE_DIGITS:
            code = "code-number-short" if digits < CODE_DIGITS else "code-number-long"
            if digits > MAX_DIGITS:
                # the message says the count itself: the start alone, not the start with its count again
                # (``431122000000…（共 28 位）… 28 位的数字``)
                raise problem(
                    code, value, digits=digits, length=CODE_DIGITS, found=f"{written[:NUMBER_START]}…"
                )
            raise problem(code, value, digits=digits, length=CODE_DIGITS)
    return text(value)


# The checks whose values, read from YAML, pydantic-core's strict schema after them (the same bounds) takes
# alike: a whole number (an ``int`` but a bool, in its bounds), a year (the same), a flag (a bool). Strict,
# that schema also takes a ``WrittenWhole`` (an ``int`` the check refuses), which only the JSON reader makes:
# the validator's quick form, which leaves these checks to it, is for data read from YAML
# (``validator.quick``).
STRICT_ALIKE = (_whole, _year, flag)


def choice_keys(check: Any) -> list[str] | None:
    """The keys a ``choice`` check takes as they are written; None for a check of another kind."""
    return list(check.args[0]) if isinstance(check, partial) and check.func is _choice else None


def choice(labels: Mapping[str, str]) -> Check:
    """One of ``labels``' keys; its Chinese label or a different case points to the value to write. The
    values allowed are each said with what it means in the language shown (``report.meaning-<code>``), listed
    as the language lists them: ``secondary（中职，含技工学校）、higher（高职）``, ``secondary (secondary
    vocational, technical schools included), higher (higher vocational)``."""
    allowed = Join(tuple(with_meaning(key) if label else key for key, label in labels.items()))
    return partial(_choice, dict(labels), allowed)


def _choice(labels: dict[str, str], allowed: Join, value: Any) -> Any:
    if isinstance(value, str) and value in labels:
        return value
    if value is None:
        raise problem("blank", value, expected="choice", allowed=allowed)
    if isinstance(value, str):
        for key in labels:
            if differs := difference(value, key):
                raise problem("choice-lookalike", value, write=key, differs=differs)
        spelt = value.strip()
        matches = [
            key
            for key, label in labels.items()
            if spelt and (spelt.lower() == key.lower() or key in spelt or (label and label.startswith(spelt)))
        ]
        if len(matches) == 1:
            raise problem("choice-spelling", value, write=matches[0])
    raise problem("not-one-of", value, allowed=allowed)


def schema_version(value: Any) -> Any:
    if value == 1 and type(value) is int:
        return value
    if value is None:
        raise problem("blank", value, expected="schema_version")
    raise problem("schema-version", value)


def _not_a_number(
    value: Any, expected: str, *, whole: bool, in_wan: bool, **context: Any
) -> PydanticCustomError:
    if value is None:
        return problem("blank", value, expected=expected, **context)
    if isinstance(value, bool):
        return problem("bool-for-number", value, expected=expected, **context)
    if isinstance(value, datetime.date):  # a cell Excel or WPS made a date of, or a YAML date
        return problem("date-for-number", value, expected=expected, **context)
    if isinstance(value, str):
        return _number_text(value, expected, whole=whole, in_wan=in_wan, **context)
    code = "not-a-number" if isinstance(value, float) else "wrong-type"  # a float here is .nan or .inf
    return problem(code, value, expected=expected, **context)


def _number_text(
    value: str, expected: str, *, whole: bool, in_wan: bool, **context: Any
) -> PydanticCustomError:
    """Why the text is not a number, and which number it means: "3,120" → 3120, "2.5万" → 25000."""
    normal = unicodedata.normalize("NFKC", value).strip()  # full-width digits, comma and percent sign
    normal = normal.strip(CURLY_QUOTES).strip()  # “110”: quotes typed with a Chinese input method
    if normal.endswith(("%", "‰")):
        return problem("percent-not-accepted", value, expected=expected, **context)
    if normal.lower() in NONE_WORDS:
        return problem("none-for-number", value, expected=expected, **context)
    head = normal.partition("#")[0].strip()
    if head != normal and _PLAIN_NUMBER.fullmatch(head):  # ``1360# 注释``: YAML's comment needs a space first
        return problem("comment-without-space", value, write=head)
    if _EXPONENT.fullmatch(normal):
        return _exponent_text(value, normal, expected, whole=whole, **context)
    bare = _HEDGES.sub("", normal).strip()
    hedged = bare != normal and bare[:1].isdigit()
    match = _NUMBER_TEXT.fullmatch(bare if hedged else normal)
    if match is None or len(match["digits"]) > MAX_DIGITS:
        return problem("blank" if not normal else "not-a-number", value, expected=expected, **context)
    number = Decimal(_DIGIT_SEPARATOR.sub("", match["digits"]) + (match["fraction"] or ""))
    number *= _MAGNITUDES[match["magnitude"]]
    if in_wan and (match["magnitude"] or match["unit"] == "元"):
        number /= _WAN  # "5.2亿" or "520000000元" in a field counted in 万元
    if match["sign"] == "-":
        number = -number
    if whole and number != number.to_integral_value():
        return problem("float-for-int", value, expected=expected, **context)
    write = _plain(number)
    if hedged:
        return problem("hedged-number", value, write=write)
    if number < 0:
        return problem("negative", value, write=write)
    if match["magnitude"]:
        return problem("number-with-magnitude", value, write=write)
    if _DIGIT_SEPARATOR.search(match["digits"]):
        return problem("number-with-separator", value, write=write)
    if match["unit"]:
        return problem("number-with-unit", value, write=write, unit=match["unit"])
    if not (match["digits"] + (match["fraction"] or "")).isascii():  # ٢٨: digits of another script
        return problem("number-other-digits", value, write=write)
    if normal != value.strip().strip(CURLY_QUOTES).strip():  # typed with a Chinese input method in full width
        return problem("number-full-width", value, write=write)
    return problem("number-as-text", value, write=write)


def _exponent_text(
    value: str, normal: str, expected: str, *, whole: bool, **context: Any
) -> PydanticCustomError:
    """A number in exponent notation that YAML reads as text (``1e400``, ``1e-400``, ``1e3``: YAML 1.1 takes
    only ``1.0e+3``), said as JSON's reader has it said: beyond any float as a figure too large for its field,
    not 0 though too small for any float as such, else the number to write without an exponent."""
    number = Decimal(normal)
    read = float(number)
    if too_long(read):  # shown as written, as JSON's ``1e400`` is (``LongNumber``)
        if expected not in MAXIMUM:  # a year: between its bounds
            return problem("year-out-of-range", LongNumber(normal), **context)
        if number < 0:
            return problem("negative", LongNumber(normal))
        return problem("too-large", LongNumber(normal), maximum=f"{MAXIMUM[expected]:,}", expected=expected)
    if too_small(normal, read):
        return problem("number-too-small", TinyNumber(normal), expected=expected, least=TINY_SHOWN, **context)
    if whole and number != number.to_integral_value():
        return problem("float-for-int", value, expected=expected, **context)
    write = _plain(number)
    if number < 0:
        return problem("negative", value, write=write)
    return problem("number-exponent", value, write=write)


def _plain(number: Decimal) -> str:
    """``Decimal("25000.0")`` → ``25000``; ``Decimal("0.52")`` → ``0.52``; never an exponent."""
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")
