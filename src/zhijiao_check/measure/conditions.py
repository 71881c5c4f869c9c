"""Conditions on items (``where`` filters and ``every`` tests), evaluated with three values:
true, false, unknown.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from zhijiao_check.measure.numbers import FIGURES, comparison, decimals, relation, show
from zhijiao_check.measure.scope import (
    Absent,
    Item,
    ItemSet,
    Location,
    absent_field,
    locator,
    one_key,
    reader,
)
from zhijiao_check.memo import BoundedMemo
from zhijiao_check.report.codes import VALUE_LABELS, with_meaning
from zhijiao_check.vocabulary import Condition
from zhijiao_check.wording import Msg, Once, Seq, Wording, msg, number, seq


def check(condition: Condition, item: Item, year: int) -> bool | None:
    """True or False; None when a field it reads is absent."""
    return test_of(condition)(item, year)


T = TypeVar("T")
R = TypeVar("R")
# Comparisons' texts held by each condition (``_describer``): the values that recur (是 = 是, a rule's target)
# are met again within a few hundred; 10,000 reports with figures of their own held 3,800 texts at 4,096 (some
# 2 MiB with the translator's texts of them, ``i18n.PLAIN``), and 1,024 miss 0.8% more of 168,000 lookups.
SAID = 1024
# What is made of a rule's parts once a run (a condition's test, a filter, a rule's plan), not once per item.
# By id and maker, with the part kept (so that its id cannot be taken by another).
_MADE: dict[tuple[int, Callable[[Any], Any]], tuple[object, Any]] = {}


def once(part: T, make: Callable[[T], R]) -> R:
    """``make(part)``, made the first time it is asked for: the rule's data stays data, read once a run."""
    known = _MADE.get((id(part), make))
    if known is not None and known[0] is part:
        kept: R = known[1]  # typed by assignment: ``cast`` would be a call of Python's, at every lookup
        return kept
    made = make(part)
    _MADE[(id(part), make)] = (part, made)
    return made


Test = Callable[[Item, int], "bool | None"]
Side = Callable[[Item, int], object]


def test_of(condition: Condition) -> Test:
    """The condition's test, made once."""
    return once(condition, _made)


def right_of(condition: Condition) -> Side:
    """What the condition compares with, made once."""
    return once(condition, _right_side)


def _right_side(condition: Condition) -> Side:
    """What a condition compares with: another field of the item, the year plus some, or its value."""
    other, year_plus, value = condition.other, condition.year_plus, condition.value
    if other is not None:
        read_other = reader(other)
        return lambda item, year: read_other(item)
    if year_plus is not None:
        return lambda item, year: year + year_plus
    return lambda item, year: value


# What a condition gives for the values it read (its field's, and what it compares with): ``test`` when they
# are already in hand.
Decided = Callable[[Any, Any], "bool | None"]


def decided_of(condition: Condition) -> Decided:
    """The condition's test of its two values (``left``: its field's, ``against``: ``right_of``'s), made
    once: an ``every`` rule's item reads them once, for its test, its description and its figures."""
    return once(condition, _decided)


def _decided(condition: Condition) -> Decided:
    """As ``_made``'s tests decide, given the values they read (the filters keep their own, one call the
    fewer for each of the many items they look at)."""
    present = condition.present
    if present is not None:
        return lambda left, against: (left is not None) == present
    compare = comparison(condition.op)
    if condition.op == "contains":
        return lambda left, against: compare(left or [], against)
    return lambda left, against: None if left is None or against is None else compare(left, against)


def _made(condition: Condition) -> Test:
    read = reader(condition.field)
    present = condition.present
    if present is not None:
        return lambda item, year: (read(item) is not None) == present
    compare = comparison(condition.op)
    right = right_of(condition)
    value = condition.value
    key, school_key = one_key(condition.field)
    if condition.op == "contains":  # an absent list of designations holds none
        if key is not None and value is not None:

            def holds_value(item: Item, year: int) -> bool | None:
                data = item.data
                return compare((data.get(key) if data.__class__ is dict else read(item)) or [], value)

            return holds_value
        return lambda item, year: compare(read(item) or [], right(item, year))
    # Against the rule's value, of a field one level deep (most filters: ``level: secondary``): read without
    # the reader's call where the data is a mapping, as ``test`` below decides.
    if value is not None and key is not None:

        def own(item: Item, year: int) -> bool | None:
            data = item.data
            left = data.get(key) if data.__class__ is dict else read(item)
            return None if left is None else compare(left, value)

        return own
    if value is not None and school_key is not None:
        in_school = school_key

        def of_school(item: Item, year: int) -> bool | None:
            school = item.school_data
            left = school.get(in_school) if school.__class__ is dict else read(item)
            return None if left is None else compare(left, value)

        return of_school

    def test(item: Item, year: int) -> bool | None:
        left = read(item)
        if left is None:
            return None
        against = right(item, year)
        return None if against is None else compare(left, against)

    return test


Filter = Callable[[list[Item], int], list[Item]]


def _filter(where: Sequence[Condition]) -> tuple[Filter, list[Test]]:
    """The items that match every condition of ``where``; the tests of its conditions on the school."""
    tests = [test_of(condition) for condition in where]
    on_school = [test_of(condition) for condition in where if condition.field.startswith("school.")]
    if len(tests) == 1:
        (test,) = tests
        return (lambda items, year: [item for item in items if test(item, year) is True]), on_school

    def matching(items: list[Item], year: int) -> list[Item]:
        kept = list(items)
        for test in tests:  # the items that pass every test, in their order
            kept = [item for item in kept if test(item, year) is True]
        return kept

    return matching, on_school


def select(found: ItemSet, where: Sequence[Condition], year: int) -> tuple[list[Item], list[Absent]]:
    """The items that match ``where``, and the absent lists that could hold one.

    Only the conditions on the school can tell about a list that is not given: the majors a higher college
    does not list cannot be secondary majors, so they do not make a rule on secondary majors miss data.
    """
    return selected(once(where, _filter), found, year)


def filter_of(where: Sequence[Condition]) -> tuple[Filter, list[Test]]:
    """``where``'s filter and its tests on the school, made once: what ``selected`` selects by."""
    return once(where, _filter)


def selected(made: tuple[Filter, list[Test]], found: ItemSet, year: int) -> tuple[list[Item], list[Absent]]:
    """``select`` by a filter a rule's plan holds (``filter_of``), without looking it up again."""
    matching, on_school = made
    items = matching(found.items, year)
    if not found.absent:
        return items, []
    absent = [
        gap
        for gap in found.absent
        if gap.school is None or all(test(gap.school, year) is not False for test in on_school)
    ]
    return items, absent


def describe(condition: Condition, item: Item, year: int, over: str | None = None) -> Wording:
    """``生均拨款 9200 < 10000``: the condition with the item's actual values, as it turned out.

    ``over``: the collection of the item, for labels that differ by place (``field_label``)."""
    left, against = reader(condition.field)(item), right_of(condition)(item, year)
    return describer(condition)(item, year, over, decided_of(condition)(left, against), left, against)


# The values a comparison's wording is kept by (``_describer``): those whose equal values read alike.
KEYED = frozenset({bool, int, float, str})
# (item, year, over, what the condition's test gave for the item, the values it read: its field's and what it
# compared with): neither the test nor the reads are made twice.
Describer = Callable[[Item, int, "str | None", "bool | None", Any, Any], Wording]


def describer(condition: Condition) -> Describer:
    """``describe`` for one condition, made once."""
    return once(condition, _describer)


def _describer(condition: Condition) -> Describer:
    """``describe`` for one condition, with what it reads, compares with and how resolved once."""
    field, other, year_plus, op = condition.field, condition.other, condition.year_plus, condition.op
    if condition.present is not None:

        def present(item: Item, year: int, over: str | None, held: bool | None, left: Any, _: Any) -> Wording:
            label = field_label(field, over)
            if left is not None:
                return seq(label, " ", shown(left))
            return msg("engine.field-absent", field=absent_label(item, field, label))

        return present

    other_label = field_label(other) if other is not None else None
    # What the comparison says, by what decides it: many items compare the same values (``是 = 是``).
    said: BoundedMemo[tuple[object, ...], Once] = BoundedMemo(limit=SAID)

    def compared(
        item: Item, year: int, over: str | None, held: bool | None, left: Any, against: Any
    ) -> Wording:
        if left is None:
            return msg("engine.field-absent", field=absent_label(item, field, field_label(field, over)))
        if other is not None and other_label is not None and against is None:
            return msg("engine.field-absent", field=absent_label(item, other, other_label))
        # Each value by its class too (``True``, ``1`` and ``1.0`` are shown apart); ``against`` holds the
        # year when it is the year plus some. A list (``contains``) is no key: said anew.
        key = (left.__class__, left, against.__class__, against, held, over)
        keyed = left.__class__ in KEYED and against.__class__ in KEYED
        if keyed:
            known = said.get(key)
            if known is not None:
                return known
        left_text, against_text = apart(left, against)
        if other_label is not None:
            right_text: Wording = Seq((other_label, " ", against_text))
        elif year_plus is not None:
            right_text = f"{year}{year_plus:+d} = {against}"
        else:
            right_text = against_text
        text = Seq((field_label(field, over), " ", left_text, f" {relation(op, bool(held))} ", right_text))
        return said.keep(key, Once(text)) if keyed else text

    return compared


def places_of(condition: Condition) -> list[tuple[Callable[[Item], Any], Callable[[Item], Location]]]:
    """How each field the condition reads is read and located, made once."""
    return once(condition, _fields_read)


def _fields_read(condition: Condition) -> list[tuple[Callable[[Item], Any], Callable[[Item], Location]]]:
    """How each field a condition reads is read and located."""
    return [
        (reader(field), locator(field)) for field in (condition.field, condition.other) if field is not None
    ]


def shown(value: object) -> Wording:
    """A value as an explanation shows it: a yes/no field as 是/否 (``yes``/``no``), as the flag kind and the
    targets show one, not as YAML's ``true``/``false``; a report's code with its meaning in the language
    shown (``building（在建）``, ``building (under construction)``)."""
    if isinstance(value, bool):
        return msg("engine.yes" if value else "engine.no")
    if isinstance(value, str) and value in VALUE_LABELS:  # a report's code: what it means, as the report's
        return with_meaning(value)  # errors say it
    return show_plain(value)


def apart(left: object, right: object) -> tuple[Wording, Wording]:
    """Two values compared, as ``shown``; two numbers to as many places as tell them apart (``生均拨款
    9999.996 < 10000``, never ``10000 < 10000``), carried to the view as ``Quantity.decimals``."""
    if left.__class__ is not float and right.__class__ is not float:
        return shown(left), shown(right)  # whole numbers read alike only when they are alike
    places = decimals(left, right)
    return _figure(left, places), _figure(right, places)


def _figure(value: object, places: int) -> Wording:
    if isinstance(value, FIGURES) and not isinstance(value, bool):
        return show(value, "", decimals=places)
    return shown(value)


def show_plain(value: object) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return number(value) if isinstance(value, FIGURES) else str(value)


def absent_label(item: Item, field: str, label: Wording) -> Wording:
    """A field ``item`` does not give, as its reader knows it: in a workbook, the header of its blank cell
    (``scope.absent_field``); elsewhere ``label``, the field's short name."""
    if not item.report.positions.cells:
        return label
    return absent_field(item.report, item.path_of(field), "") or label


@functools.cache  # wording is immutable: one label serves every item
def field_label(field: str, over: str | None = None) -> Msg:
    """The short name of a report field (``school.level`` → 学校层次), or the field's path where it has none.

    ``over`` names the collection the field belongs to, for names that differ by place
    (``teachers`` of a practice group are not a school's full-time teachers).
    """
    label = Msg(f"field.{field}", fallback=field)
    return Msg(f"field.{over}.{field}", fallback=label) if over else label
