"""A number a rule file wrote so that YAML read it as text: the number meant, and why it is text.

``value: "10000"`` is text because of its quotes, but ``value: 2.5e4`` is text without any: YAML 1.1, which
the tool reads, takes an exponent only after a decimal point and with its sign (``2.5e+4``). Full-width
digits (``１００００``), a percentage (``45%``), ``万`` (``2.5万``) and thousands separators (``10,000``) are
text too. Each is said for what it is, with the number to write: a message that blamed quotes the author
never typed, or suggested writing the same text again, fixed nothing.

Used only when a rule file does not fit: a pack that loads never imports it.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from decimal import Decimal, InvalidOperation

from zhijiao_check.wording import Msg, msg

# Why a number was read as text (``pack.read-as-text-<why>``), besides quotes.
REASONS = ("exponent", "full-width", "percent", "wan", "grouped")
_PLAIN_DIGITS = 20  # longer than this, a number is written with an exponent (``1.0e+308``)


@dataclasses.dataclass(frozen=True)
class Meant:
    """The number a text means, as a rule file writes it (``25000``, ``0.45``, ``1.0e+308``), and why YAML
    read it as text: ``quoted`` (the same characters unquoted are a number) or one of ``REASONS``."""

    write: str
    why: str

    def reason(self) -> Msg:
        """Why it is text, in words (not for ``quoted``: the messages for quotes say it themselves)."""
        return msg(f"pack.read-as-text-{self.why}")


def number_meant(value: object) -> Meant | None:
    """The number ``value`` means when it is text that reads as one; None when it is no number."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    half = unicodedata.normalize("NFKC", text)  # full-width digits, point, sign, comma and percent sign
    why = "full-width" if not text.isascii() and half.isascii() else None
    scale = Decimal(1)
    if half.endswith("%"):
        half, scale, why = half[:-1], Decimal("0.01"), why or "percent"
    elif half.endswith("万"):
        half, scale, why = half[:-1], Decimal(10000), why or "wan"
    if "," in half:
        half, why = half.replace(",", ""), why or "grouped"
    half = half.strip()
    if not half.isascii():
        return None
    try:
        number = Decimal(half) * scale
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None  # ``"nan"``: said as a number that is not finite once unquoted
    return Meant(_written(number), why or ("quoted" if _yaml_number(half) else "exponent"))


def _yaml_number(text: str) -> bool:
    """Whether YAML reads ``text``, unquoted, as a number."""
    import yaml

    try:
        read = yaml.safe_load(text)
    except yaml.YAMLError:
        return False
    return isinstance(read, int | float) and not isinstance(read, bool)


def _written(number: Decimal) -> str:
    """As a rule file writes it so that YAML reads the number: ``25000``, ``0.45``; an exponent with its
    point and sign (``1.0e+308``) when the digits would be too many to read."""
    if number == number.to_integral_value():
        whole = str(int(number))
        if len(whole) <= _PLAIN_DIGITS:
            return whole
    else:
        plain = format(number.normalize(), "f")
        if len(plain) <= _PLAIN_DIGITS:
            return plain
    sign, digits, _ = number.normalize().as_tuple()
    mantissa = f"{digits[0]}." + ("".join(map(str, digits[1:])) or "0")
    power = number.adjusted()
    return f"{'-' if sign else ''}{mantissa}e{'+' if power >= 0 else '-'}{abs(power)}"
