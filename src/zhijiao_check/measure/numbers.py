"""Comparing observed values with targets, and writing numbers the way the explanations show them."""

from __future__ import annotations

import functools
import math
import operator
from collections.abc import Callable, Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any

from zhijiao_check.vocabulary import Target
from zhijiao_check.wording import WORDING, Join, Msg, Once, Quantity, Seq, Wording, number

_OPS: dict[str, Callable[[Any, Any], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
    "==": operator.eq,
    "!=": operator.ne,
}
# What the explanation shows when a comparison does not hold.
NEGATED = {">=": "<", ">": "≤", "<=": ">", "<": "≥", "==": "≠", "!=": "="}
SHOWN = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "=", "!=": "≠"}


def holds(left: Any, op: str, right: Any) -> bool:
    return comparison(op)(left, right)


@functools.cache  # an operator's test, chosen once: conditions are tested hundreds of thousands of times
def comparison(op: str) -> Callable[[Any, Any], bool]:
    """``left <op> right`` as a function of the two."""
    if op == "contains":
        return lambda left, right: isinstance(left, list) and right in left
    if op == "between":

        def between(left: Any, right: Any) -> bool:
            low, high = right
            return bool(low <= left <= high)

        return between
    compare = _OPS[op]
    if op in ("==", "!="):
        return compare

    def ordered(left: Any, right: Any) -> bool:
        if isinstance(left, bool) != isinstance(right, bool):
            return False  # a yes/no is never more or less than a number
        return compare(left, right)

    return ordered


# A figure as a report wrote it, exactly: a whole number, or the decimal fraction its text reads.
Exact = int | Fraction
# The classes of a figure, and of an exact one, as ``isinstance`` tests them: made once, where ``int | float``
# written in a test makes the union anew at each value tested.
FIGURES = (int, float)
_EXACT = (int, Fraction)


def exact(value: float) -> Exact:
    """The decimal a report wrote, not the binary float nearest it: ``0.3`` is 3/10. A float's ``repr`` is the
    shortest text that reads back as it, which for a figure read from a report is that figure's own text (the
    report's numbers are short decimals; validation refuses exponents, infinities and NaN)."""
    return _written(value) if value.__class__ is float else int(value)


@functools.lru_cache(maxsize=1024)  # a rule's target and the common figures recur report after report
def _written(value: float) -> Fraction:
    # An infinity or NaN never reaches a rule (validation refuses them); were one to, it counts as nothing
    # rather than raising.
    return Fraction(repr(value)) if math.isfinite(value) else Fraction(0)


def exact_sum(values: Iterable[float]) -> Exact:
    """The sum of figures as written, exactly: 0.1 + 0.2 is 3/10, not 0.30000000000000004. Whole numbers (the
    most of them) are added as they are; only a float makes fractions."""
    whole = 0
    fractional: Fraction | None = None
    for v in values:
        if v.__class__ is float:
            fractional = _written(v) if fractional is None else fractional + _written(v)
        else:
            whole += int(v)
    return whole if fractional is None else whole + fractional


def quotient(top: Exact, bottom: Exact) -> Fraction:
    """``top / bottom`` exactly (``bottom`` not 0): two equal shares compare equal, where as floats
    235.2 / 2100 < 5600 / 50000 (11.199999999999999% against 11.200000000000001%)."""
    return Fraction(top, bottom)


def meets(observed: Any, target: Target, value: Any = None) -> bool:
    """``observed <op> target`` (``value`` replaces the target's own value, as for a linear schedule)."""
    return holds(observed, target.op, target.value if value is None else value)


def near(observed: Any, target: Target) -> bool:
    """Within the tolerance band below (or above, for ≤) the target, exactly: 58.5% is within 10% of 65%
    (where as floats 0.65 × 0.9 is 0.5850000000000001). ``observed`` as a float or exactly (``exact``)."""
    edge = band(target)
    if edge is None:
        return False
    seen = observed if isinstance(observed, _EXACT) else exact(observed)
    return bool(seen >= edge) if target.op in (">=", ">") else bool(seen <= edge)


def band(target: Target) -> Exact | None:
    """The far edge of the target's tolerance band, exactly: 20 × (1 − 10%) = 18 for ≥ 20, ±10%; None
    without a band (no tolerance, a range, or an operator other than ≥ > ≤ <)."""
    if target.tolerance is None or isinstance(target.value, list) or target.op not in (">=", ">", "<=", "<"):
        return None
    tolerance = exact(target.tolerance)
    return exact(target.value) * (1 - tolerance if target.op in (">=", ">") else 1 + tolerance)


def relation(op: str, met: bool) -> str:
    """The sign between observed value and target in an explanation: ``≥`` when met, ``<`` when not."""
    if op == "between":
        return "∈" if met else "∉"
    return SHOWN[op] if met else NEGATED[op]


def places(*values: Any) -> int:
    """Decimal places of a percentage that tell these values apart: 1, or as many more as one place would show
    two different shares alike (44.98% < 45.00%, never 45.0% < 45.0%; 44.9999999% < 45.0000000%)."""
    hundredfold = {float(v) * 100 for v in values if isinstance(v, FIGURES) and not isinstance(v, bool)}
    if len(hundredfold) < 2:  # one value, or two equal: told apart from nothing (``_enough``)
        return 1
    if len(hundredfold) == 2:  # most: a share and its target, which one place tells apart
        first, second = hundredfold
        if f"{first:.1f}" != f"{second:.1f}":
            return 1
    return _enough(hundredfold, 1, _percent)


def _percent(value: float, shown: int) -> str:
    return f"{value:.{shown}f}"


def decimals(*values: Any) -> int:
    """The most places of plain numbers (元, 月, counts) that tell these values apart: 2, or as many more as 2
    would show two different figures alike (9999.996 < 10000, 9999.9999999 < 10000, never 10000 < 10000)."""
    numbers = {float(v) for v in values if isinstance(v, FIGURES) and not isinstance(v, bool)}
    if len(numbers) < 2:  # as ``places``
        return 2
    return _enough(numbers, 2, number)


def _enough(numbers: set[float], shown: int, written: Callable[[float, int], str]) -> int:
    """The fewest places from ``shown`` on at which ``written`` tells ``numbers`` apart. There is no fixed
    most: 6 showed 9999.9999999 as 10000 beside the target 10000. It ends by ``_shortest_places``, at which
    each float is written as the shortest text that reads back as it, so that two floats differ there."""
    most: int | None = None
    while len({written(v, shown) for v in numbers}) < len(numbers):
        most = max(map(_shortest_places, numbers)) if most is None else most
        if shown >= most:
            break
        shown += 1
    return shown


def _shortest_places(value: float) -> int:
    """Places after the point of ``repr(value)`` written without an exponent (``9999.9999999``: 7, ``1e-20``:
    20), and two more. ``repr`` has the fewest places that read back as ``value``, so one place fewer is
    coarser than the float's spacing; two more are a thousand times finer, and the nearest text of that many
    places (what ``f"{value:.{n}f}"`` writes) reads back as ``value``, even next to a power of two, where
    the floats below are half as far apart. Two floats that each read back differ."""
    exponent = Decimal(repr(value)).as_tuple().exponent
    return max(-exponent, 0) + 2 if isinstance(exponent, int) else 0


def whole_apart(value: Any) -> int:
    """The most places of a figure shown alone (a sum of a ratio) that keep it from reading as the whole
    number nearest it: 209.996 stays 209.996, never 210; 12.345 is 12.35 as before."""
    if not isinstance(value, float) or value.is_integer():
        return 2
    return decimals(value, round(value))


def at_places(wording: Wording, digits: int) -> Wording:
    """The wording with each percentage to at least ``digits`` places: the places a figure shown beside it
    asks for (a linear schedule's value for the year, which the rule kind did not know)."""
    if isinstance(wording, Quantity):
        return (
            Quantity(wording.value, wording.unit, digits, wording.decimals)
            if wording.unit == "ratio" and wording.digits < digits
            else wording
        )
    if isinstance(wording, Seq):
        return Seq(tuple(at_places(part, digits) for part in wording.parts))
    if isinstance(wording, Join):
        return Join(tuple(at_places(item, digits) for item in wording.items), wording.sep, wording.unique)
    if isinstance(wording, Once):  # said by other results at their own places: this one is made apart
        return at_places(wording.said, digits)
    if isinstance(wording, Msg) and wording.params:
        params = tuple(
            (name, at_places(v, digits) if isinstance(v, WORDING) else v) for name, v in wording.params
        )
        return Msg(wording.key, params, wording.fallback)
    return wording


def show(value: Any, unit: str, digits: int = 1, decimals: int = 2) -> Quantity:
    """A value with its unit, written when rendered: ``40.0%``, ``10500 元``, ``3120 人``, ``是``; ``digits``:
    places of a percentage, ``decimals``: the most places of another number (``decimals()``)."""
    return Quantity(value, unit, digits, decimals)


def show_target(op: str, value: Any, unit: str, digits: int = 1) -> Wording:
    """``≥ 45.0%``, or ``1–2`` for a range."""
    if op == "between":
        return show(value, unit, digits)
    return Seq((f"{SHOWN.get(op, op)} ", show(value, unit, digits)))
