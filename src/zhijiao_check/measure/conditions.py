"""Conditions on items (``where`` filters and ``every`` tests), evaluated with three values:
true, false, unknown.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from zhijiao_check.measure.numbers import comparison, relation
from zhijiao_check.measure.scope import Absent, Item, ItemSet, Location, reader
from zhijiao_check.vocabulary import Condition
from zhijiao_check.wording import Msg, Wording, msg, number, seq


def right_side(condition: Condition, item: Item, year: int) -> object:
    if condition.other is not None:
        return item.get(condition.other)
    if condition.year_plus is not None:
        return year + condition.year_plus
    return condition.value


def check(condition: Condition, item: Item, year: int) -> bool | None:
    """True or False; None when a field it reads is absent."""
    return _test(condition)(item, year)


Test = Callable[[Item, int], "bool | None"]
# Each condition's test, made when first used: what it reads and how it compares are resolved once, not per
# item. By id, with the condition kept (so that its id cannot be taken by another).
_TESTS: dict[int, tuple[Condition, Test]] = {}


def _test(condition: Condition) -> Test:
    known = _TESTS.get(id(condition))
    if known is not None and known[0] is condition:
        return known[1]
    test = _made(condition)
    _TESTS[id(condition)] = (condition, test)
    return test


def _made(condition: Condition) -> Test:
    read = reader(condition.field)
    present = condition.present
    if present is not None:
        return lambda item, year: (read(item) is not None) == present
    other, year_plus, value = condition.other, condition.year_plus, condition.value
    compare = comparison(condition.op)
    if other is not None:
        read_other = reader(other)

        def right(item: Item, year: int) -> object:
            return read_other(item)
    elif year_plus is not None:

        def right(item: Item, year: int) -> object:
            return year + year_plus
    else:

        def right(item: Item, year: int) -> object:
            return value

    if condition.op == "contains":  # an absent list of designations holds none
        return lambda item, year: compare(read(item) or [], right(item, year))

    def test(item: Item, year: int) -> bool | None:
        left = read(item)
        if left is None:
            return None
        against = right(item, year)
        return None if against is None else compare(left, against)

    return test


def matches(where: Sequence[Condition], item: Item, year: int) -> bool:
    """A filter: an item whose filtered field is absent does not match
    (a major with no rating is not yellow).
    """
    return all(check(condition, item, year) is True for condition in where)


def select(found: ItemSet, where: Sequence[Condition], year: int) -> tuple[list[Item], list[Absent]]:
    """The items that match ``where``, and the absent lists that could hold one.

    Only the conditions on the school can tell about a list that is not given: the majors a higher college
    does not list cannot be secondary majors, so they do not make a rule on secondary majors miss data.
    """
    items = [item for item in found.items if matches(where, item, year)]
    on_school = [condition for condition in where if condition.field.startswith("school.")]
    absent = [
        gap
        for gap in found.absent
        if gap.school is None
        or all(check(condition, gap.school, year) is not False for condition in on_school)
    ]
    return items, absent


def describe(condition: Condition, item: Item, year: int, over: str | None = None) -> Wording:
    """``生均拨款 9200 < 10000``: the condition with the item's actual values, as it turned out.

    ``over``: the collection of the item, for labels that differ by place (``field_label``)."""
    left = item.get(condition.field)
    right = right_side(condition, item, year)
    label = field_label(condition.field, over)
    if condition.present is not None:
        return (
            seq(label, f" {show_plain(left)}")
            if left is not None
            else msg("engine.field-absent", field=label)
        )
    if left is None:
        return msg("engine.field-absent", field=label)
    if right is None and condition.other is not None:
        return msg("engine.field-absent", field=field_label(condition.other))
    outcome = check(condition, item, year)
    sign = relation(left, condition.op, bool(outcome))
    right_text: Wording
    if condition.other is not None:
        right_text = seq(field_label(condition.other), f" {show_plain(right)}")
    elif condition.year_plus is not None:
        right_text = f"{year}{condition.year_plus:+d} = {right}"
    else:
        right_text = show_plain(right)
    return seq(label, f" {show_plain(left)} {sign} ", right_text)


def locations(conditions: Sequence[Condition], item: Item) -> list[Location]:
    found: list[Location] = []
    for condition in conditions:
        for field in (condition.field, condition.other):
            if field is not None and item.get(field) is not None:
                found.append(item.location(field))
    return found or [item.location()]


def show_plain(value: object) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return number(value) if isinstance(value, int | float) else str(value)


@functools.cache  # wording is immutable: one label serves every item
def field_label(field: str, over: str | None = None) -> Msg:
    """The short name of a report field (``school.level`` → 学校层次), or the field's path where it has none.

    ``over`` names the collection the field belongs to, for names that differ by place
    (``teachers`` of a practice group are not a school's full-time teachers).
    """
    label = Msg(f"field.{field}", fallback=field)
    return Msg(f"field.{over}.{field}", fallback=label) if over else label
