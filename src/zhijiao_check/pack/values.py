"""The values a rule compares report fields with, checked against the report model's type of each field when
the pack loads (docs/packs.md, "Errors a pack loader reports").

A value the field can never take (``level: secondry``, ``in_1x_pilot: "yes"``) made the rule silently
``not_applicable`` or always failing; an operator or value the field's type has no meaning for
(``appropriation_per_student >= "10000"``, ``name >= 10000``, ``contains`` on a number) stopped the run with
a Python error when the first report was scored. Both are refused here, at the value, saying what the field
takes and what to write. So is a number that is no number (``.nan``, ``.inf``): every report fails ``< nan``;
and a target above the highest share a rule's figure can be (``value: 45`` for 45% of a part of its whole).

Run only when a pack is first loaded, never for a kept one (``pack.cache``).
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import math
import typing
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from pydantic import BaseModel

from zhijiao_check.kinds import AnyRule, computed_target
from zhijiao_check.kinds.coverage import CoverageRule
from zhijiao_check.kinds.every import EveryRule
from zhijiao_check.kinds.flag import FlagRule
from zhijiao_check.kinds.ratio import RatioRule
from zhijiao_check.located import LONG_NUMBER
from zhijiao_check.pack.fields import ANY, Path_, field_type, parts, plain
from zhijiao_check.patterns import later
from zhijiao_check.problems import MAX_DIGITS
from zhijiao_check.report import scalars
from zhijiao_check.report.codes import KIND_LABELS, VALUE_LABELS
from zhijiao_check.vocabulary import Condition, Sum
from zhijiao_check.wording import Join, Msg, msg

ORDERED = (">=", ">", "<=", "<")
_EQUAL = "==, !="
# What a yes/no written as a word or a number means: the words a report's yes/no checks read, and YAML's
# ``on``/``off`` besides.
_YES = scalars.YES_WORDS | {"on"}
_NO = scalars.NO_WORDS | {"off"}
_LABELS = {**KIND_LABELS, **VALUE_LABELS}  # a code's meaning in Chinese, for a value written as its meaning


@dataclasses.dataclass(frozen=True)
class Shape:
    """What a field holds, as far as a comparison cares: ``number``, ``flag`` (yes/no), ``choice`` (one of
    ``choices``), ``text``, ``list`` (of ``item``), ``fields`` (a block or a collection of them)."""

    kind: str
    choices: tuple[str, ...] = ()
    item: Shape | None = None

    def takes(self) -> Msg:
        """What the field takes, in words: ``是数`` / ``is a number``."""
        if self.kind == "number":
            return msg("pack.takes-number")
        if self.kind == "flag":
            return msg("pack.takes-flag")
        if self.kind == "choice":
            return msg("pack.takes-choice", allowed=Join(tuple(self.choices)))
        if self.kind == "text":
            return msg("pack.takes-text")
        if self.kind == "list":
            # a list of records (``schools``) holds no value to test with ``contains``
            records = self.item is not None and self.item.kind == "fields"
            return msg("pack.takes-items" if records else "pack.takes-list")
        return msg("pack.takes-fields")


def shape(annotation: Any) -> Shape | None:
    """The shape of a model's field type (``fields.field_type``); None when it cannot be told."""
    if annotation is None or annotation is ANY:
        return None
    if annotation is bool:
        return Shape("flag")
    if annotation in (int, float):
        return Shape("number")
    if annotation is str:
        return Shape("text")
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return Shape("choice", tuple(str(a) for a in typing.get_args(annotation)))
    if origin is list:
        return Shape("list", item=shape(plain(typing.get_args(annotation)[0])))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Shape("fields")
    return None


Wrong = tuple[Path_, Msg]
"""Where in the rule, and what is wrong there (a ``pack.`` message with its parameters)."""

Typed = Callable[[Path_], str | None]
"""The yes/no word a rule's file typed at a path in the rule (``off``, which YAML 1.1 reads as false), or None
(``pack.placed.Placed.typed``)."""


def _untyped(path: Path_) -> str | None:
    return None


def wrong_values(rule: AnyRule, typed: Typed = _untyped) -> list[Wrong]:
    """Each value or operator of the rule its field's type cannot take, and each number that is not finite;
    a yes/no value said as ``typed`` (``value: off`` as off, not as the false YAML reads it as)."""
    found = list(_not_finite(rule.id, rule, ()))
    for node, path, collection in parts(rule):
        if isinstance(node, Condition):
            found += _condition(rule.id, node, path, collection, typed)
        elif isinstance(node, Sum):
            found += _summed(rule.id, node, path, collection)
    if isinstance(rule, CoverageRule):
        found += _required(rule, typed)
    found += _beyond_share(rule)
    if isinstance(rule, FlagRule):
        flag = shape(field_type(None, rule.field))
        if flag is not None and flag.kind != "flag":
            found.append(
                (("field",), msg("pack.flag-not-yes-no", id=rule.id, field=rule.field, takes=flag.takes()))
            )
    return found


def _beyond_share(rule: AnyRule) -> list[Wrong]:
    """A target above the highest share the rule's figure can be: ``value: 45`` meant 45%, and a share of at
    most 1 is never 45 (or always below it). Where the bound is proved (``_share_bound``) the target is said
    to be never (or always) met; a ratio of unit ``ratio`` without one is a share too, compared and shown as a
    percentage (45 is 4500%), and a target above 1 is refused as well (``_above_one``)."""
    if rule.unit != "ratio" or computed_target(rule):
        return []
    bound = _share_bound(rule)
    if bound is None:
        return _above_one(rule) if isinstance(rule, RatioRule) else []
    high, why = bound
    value = rule.target.value
    values = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
    found: list[Wrong] = []
    for index, number in values:
        if not math.isfinite(number) or number <= high:
            continue  # a number that is not finite is said by ``_not_finite``
        percent = number / 100
        write = (
            msg("pack.write-share", share=yaml_literal(percent), percent=yaml_literal(number))
            if percent <= high
            else msg("pack.write-at-most", bound=yaml_literal(high))
        )
        at: Path_ = ("target", "value") if index is None else ("target", "value", index)
        # above every share the figure can be: a lower bound (>=, >, ==, between's low end) is never met, an
        # upper one always
        never = rule.target.op in (">=", ">", "==") or index == 0
        met = msg("pack.never-met" if never else "pack.always-met")
        found.append(
            (
                at,
                msg(
                    "pack.target-above-share",
                    id=rule.id,
                    found=yaml_literal(number),
                    bound=yaml_literal(high),
                    why=why,
                    met=met,
                    write=write,
                ),
            )
        )
    return found


GROWTH = 2  # a share's target from which it is refused where no bound is proved (``_above_one``)


def _above_one(rule: RatioRule) -> list[Wrong]:
    """A target above 1 of a ratio of unit ``ratio`` whose bound is not proved (its numerator is no part of
    its denominator, and no ``at_most``): ``value: 45`` meant 45%, was read as 4500%, and the rule failed
    every report. Below 2 the target is read as it is: a share above 100% is a growth (``value: 1.1``, this
    year's enrollment at least 110% of last year's), not a percentage typed as a number. From 2 (200%) on, a
    share is far likelier a percentage than a multiple (new seats for each old one), which is written as a
    number, ``unit: count``, as the message says: a pack's loader has no warnings, only errors."""
    value = rule.target.value
    values = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
    found: list[Wrong] = []
    for index, number in values:
        if not math.isfinite(number) or number < GROWTH:
            continue  # a number that is not finite is said by ``_not_finite``
        share = number / 100
        write = (
            msg("pack.write-share", share=yaml_literal(share), percent=yaml_literal(number))
            if share <= 1
            else msg("pack.write-fraction")
        )
        at: Path_ = ("target", "value") if index is None else ("target", "value", index)
        percent = f"{yaml_literal(round(number * 100, 6))}%"  # 1.15 is 115%, not 114.99999999999999%
        found.append(
            (
                at,
                msg(
                    "pack.target-above-one",
                    id=rule.id,
                    found=yaml_literal(number),
                    percent=percent,
                    write=write,
                ),
            )
        )
    return found


def _share_bound(rule: AnyRule) -> tuple[float, Msg] | None:
    """The highest the rule's figure can be when it is a share, and why: ``at_most``, a ratio whose every
    numerator term is a term of its denominator (figures are never negative, so the part never exceeds the
    whole), or the kind's range (``every``: the share of the items that pass)."""
    if isinstance(rule, RatioRule):
        bounds: list[tuple[float, Msg]] = []
        if rule.at_most is not None:
            bounds.append((rule.at_most, msg("pack.why-at-most", at_most=yaml_literal(rule.at_most))))
        whole = list(rule.denominator)
        for term in rule.numerator:
            if term not in whole:
                break
            whole.remove(term)
        else:
            bounds.append((1.0, msg("pack.why-part-of-whole")))
        return min(bounds, key=lambda bound: bound[0]) if bounds else None
    if isinstance(rule, EveryRule):
        return rule.observed_range()[1] or 1.0, msg("pack.why-every")
    return None


# ``LONG_NUMBER`` as a float, as a rule's number field holds it (10²⁴ itself is no float)
_LONG = float(LONG_NUMBER)


def _not_finite(rule_id: str, node: Any, path: Path_) -> Iterator[Wrong]:
    """``.nan`` and ``.inf`` anywhere in the rule: a target, a bound, a condition's value, a weight; and a
    number of more digits than any figure a report may hold (``1.0e+309``, which the reader keeps as
    ``LONG_NUMBER`` rather than as infinity): taken, it would stand as 10²⁴, a figure no one wrote."""
    if isinstance(node, float) and not math.isfinite(node):
        yield path, msg("pack.not-finite", id=rule_id, key=_last_key(path), found=yaml_literal(node))
    elif isinstance(node, (int, float)) and not isinstance(node, bool) and abs(float(node)) >= _LONG:
        yield path, msg("pack.too-many-digits", id=rule_id, key=_last_key(path), digits=MAX_DIGITS)
    elif dataclasses.is_dataclass(node):
        for field in dataclasses.fields(node):
            yield from _not_finite(rule_id, getattr(node, field.name), (*path, field.name))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _not_finite(rule_id, value, (*path, index))


def _last_key(path: Path_) -> str:
    return next((part for part in reversed(path) if isinstance(part, str)), "")


def _condition(
    rule_id: str, condition: Condition, path: Path_, collection: str | None, typed: Typed
) -> list[Wrong]:
    left = shape(field_type(collection, condition.field))
    if left is None or condition.present is not None:
        return []  # an unknown field is said apart (``unknown_fields``); any field may be given or not
    field, op = condition.field, condition.op
    at_op = (*path, "op")

    def wrong_op(ops: str) -> list[Wrong]:
        return [(at_op, msg("pack.op-for-type", id=rule_id, field=field, takes=left.takes(), op=op, ops=ops))]

    if op == "between":
        return [(at_op, msg("pack.condition-between", id=rule_id, field=field))]
    if op == "contains":
        if left.kind != "list":
            return wrong_op(_EQUAL if left.kind != "number" else ", ".join((*ORDERED, "==", "!=")))
        item = left.item
        if item is None or condition.value is None:
            return []
        return _value(rule_id, field, item, condition.value, (*path, "value"), typed)
    if left.kind in ("list", "fields"):
        return wrong_op("contains") if left.kind == "list" else []
    if op in ORDERED and left.kind != "number":
        return wrong_op(_EQUAL)
    if condition.other is not None:
        right = shape(field_type(collection, condition.other))
        if right is not None and _family(right) != _family(left):
            return [
                (
                    (*path, "other"),
                    msg(
                        "pack.other-type",
                        id=rule_id,
                        field=field,
                        takes=left.takes(),
                        other=condition.other,
                        other_takes=right.takes(),
                    ),
                )
            ]
        return []
    if condition.year_plus is not None:
        if left.kind != "number":
            return [
                (
                    (*path, "year_plus"),
                    msg("pack.year-plus-type", id=rule_id, field=field, takes=left.takes()),
                )
            ]
        return []
    if condition.value is None:
        return []
    if left.kind == "choice" and op in ("==", "!=") and (parts := joined(condition.value, left.choices)):
        return [((*path, "value"), _values_compared(rule_id, condition, parts, left.choices))]
    return _value(rule_id, field, left, condition.value, (*path, "value"), typed)


def _values_compared(rule_id: str, condition: Condition, parts: list[str], choices: Sequence[str]) -> Msg:
    """``level == "secondary,higher"``: an ``==`` (or ``!=``) compares with one value, and the closest one
    (``secondary``) would drop the others. The conditions of a list must all hold, and the format has no
    ``in:``: a value among several is ``!=`` each of the others (``present: true`` when they are all of the
    field's values), a value none of several ``!=`` each. (An ``every`` rule's tests may also be groups,
    ``any_of``, but each group repeats the rule's other tests: the ``!=`` form is the one for any list.)"""
    field, op = condition.field, condition.op
    others = [choice for choice in choices if choice not in parts]

    def written(values: Sequence[str]) -> str:
        return ", ".join(f'{{field: {field}, op: "!=", value: {flow_item(value)}}}' for value in values)

    if op == "!=":
        write = msg("pack.joined-write-each", write=written(parts))
    elif others:
        write = msg("pack.joined-write-others", write=written(others))
    else:
        write = msg("pack.joined-write-present", field=field, write=f"{{field: {field}, present: true}}")
    return msg(
        "pack.condition-values-joined",
        id=rule_id,
        field=field,
        op=op,
        found=yaml_literal(condition.value),
        count=len(parts),
        values=Join(tuple(parts)),
        write=write,
    )


def _family(field: Shape) -> str:
    """What a field can be compared with: a number with a number, a yes/no with a yes/no, words with words."""
    return "text" if field.kind == "choice" else field.kind


def _value(rule_id: str, field: str, takes: Shape, value: object, at: Path_, typed: Typed) -> list[Wrong]:
    """``value`` against what the field takes; what to write instead where it can be told."""
    if isinstance(value, float) and not math.isfinite(value):
        return []  # said by ``_not_finite``
    # a yes/no value as typed (``off``): what was found, the word a choice was meant as, the text to quote
    word = typed(at) if isinstance(value, bool) else None
    found = word or yaml_literal(value)
    if takes.kind == "number":
        if isinstance(value, int | float) and not isinstance(value, bool):
            return []  # a number that is not finite is said by ``_not_finite``
        from zhijiao_check.pack.numbers import number_meant  # only a value that does not fit needs it

        meant = number_meant(value)
        if meant is not None and meant.why != "quoted":
            said = msg(
                "pack.value-number-as-text",
                id=rule_id,
                field=field,
                takes=takes.takes(),
                found=str(value).strip(),
                why=meant.reason(),
                write=f"value: {meant.write}",
            )
            return [(at, said)]
        write: object = f"value: {meant.write}" if meant is not None else msg("pack.write-number")
    elif takes.kind == "flag":
        if isinstance(value, bool):
            return []
        flag = _as_flag(value)
        write = f"value: {'true' if flag else 'false'}" if flag is not None else msg("pack.write-flag")
    elif takes.kind == "choice":
        if isinstance(value, str) and value in takes.choices:
            return []
        closest = _closest(word or value, takes.choices)
        write = (
            f"value: {closest}" if closest is not None else msg("pack.write-choice", example=takes.choices[0])
        )
        return [
            (
                at,
                msg(
                    "pack.not-a-choice",
                    id=rule_id,
                    field=field,
                    allowed=Join(tuple(takes.choices)),
                    found=found,
                    write=write,
                ),
            )
        ]
    elif takes.kind == "text":
        if isinstance(value, str):
            return []
        write = f"value: {json.dumps(found, ensure_ascii=False)}"
    else:
        return []
    return [
        (at, msg("pack.value-type", id=rule_id, field=field, takes=takes.takes(), found=found, write=write))
    ]


def _as_flag(value: object) -> bool | None:
    if isinstance(value, str):
        word = value.strip().lower()
        return True if word in _YES else False if word in _NO else None
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    return None


def _closest(value: object, choices: tuple[str, ...]) -> str | None:
    """The choice meant: the same in another case, the code of a meaning written (``公办`` → ``public``), or
    the closest spelling (``secondry`` → ``secondary``)."""
    if not isinstance(value, str):
        return None
    word = value.strip()
    for choice in choices:
        if word.lower() == choice.lower() or (word and _LABELS.get(choice, "").startswith(word)):
            return choice
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return close[0] if close else None


def _summed(rule_id: str, spec: Sum, path: Path_, collection: str | None) -> list[Wrong]:
    """A sum adds numbers (or yes/no fields, each yes one): text or a list cannot be added up."""
    found: list[Wrong] = []
    for name in ("field", "otherwise") if spec.over is not None else ("field",):
        field = getattr(spec, name)  # without ``over:``, ``otherwise`` is read for no item (``effects``)
        summed = shape(field_type(collection, field)) if field is not None else None
        if summed is not None and summed.kind not in ("number", "flag"):
            said = msg("pack.sum-type", id=rule_id, field=field, takes=summed.takes())
            if spec.over is None and summed.item is not None and summed.item.kind == "fields":
                from zhijiao_check.pack.unknown import summed_items  # a collection summed (``of: schools``)

                said = summed_items(rule_id, field)
            found.append(((*path, name), said))
    return found


def _required(rule: CoverageRule, typed: Typed) -> list[Wrong]:
    """The values a ``coverage`` rule asks the items to cover, each one the field can take."""
    covered = shape(field_type(rule.of.over, rule.field))
    if covered is None or covered.kind != "choice":
        return []
    found: list[Wrong] = []
    for index, value in enumerate(rule.required):
        if value in covered.choices:
            continue
        parts = joined(value, covered.choices)
        if parts is not None:
            found.append(
                (("required", index), values_joined(f"required[{index}]", value, parts, rule.required))
            )
            continue
        word = typed(("required", index)) if isinstance(value, bool) else None  # ``required: [no]``
        said = msg(
            "pack.not-a-choice",
            id=rule.id,
            field=rule.field,
            allowed=Join(tuple(covered.choices)),
            found=word or yaml_literal(value),
            write=_closest(word or value, covered.choices) or msg("pack.write-one-of"),
        )
        found.append((("required", index), said))
    return found


def required_meant(rule: CoverageRule) -> list[str]:
    """The values a ``coverage`` rule lists, each item that joins several (``joined``) counted as those."""
    covered = shape(field_type(rule.of.over, rule.field))
    choices = covered.choices if covered is not None else ()
    return [part for value in rule.required for part in joined(value, choices) or [value]]


# What joins two values in one item: a comma, full-width or not, and the enumeration comma of a Chinese list
# (the policy's own ``生物医药、电子信息``).
_JOINS = later("[,，、]")


def joined(value: object, choices: Sequence[str]) -> list[str] | None:
    """The values an item that is none of ``choices`` joins with commas (``"生物医药，电子信息"``), each one
    of them; None when it joins none. The closest choice (``电子信息``) would drop the others."""
    if not isinstance(value, str) or value in choices:
        return None
    parts = [part.strip() for part in _JOINS.split(value) if part.strip()]
    if len(parts) < 2 or any(part not in choices for part in parts):
        return None
    return parts


def values_joined(key: str, value: str, parts: list[str], items: Sequence[object]) -> Msg:
    """``pack.values-joined``: the item ``value`` of the list ``items`` (written under ``key``, as
    ``required[0]``) holds the values ``parts``; the list to write, each of them an item."""
    listed = key.rsplit("[", 1)[0]
    split = [flow_item(part) for item in items for part in (parts if item == value else [item])]
    return msg(
        "pack.values-joined",
        key=key,
        found=yaml_literal(value),
        count=len(parts),
        values=Join(tuple(parts)),
        write=f"{listed}: [{', '.join(split)}]",
    )


def flow_item(value: object) -> str:
    """A value as an item of a YAML flow list writes it: ``生物医药`` as it is where YAML reads it back the
    same, else as ``yaml_literal``."""
    if isinstance(value, str) and value and _plain_yaml(value):
        return value
    return yaml_literal(value)


def _plain_yaml(text: str) -> bool:
    """Whether YAML reads ``text`` unquoted as the same text."""
    import yaml

    if any(c in text for c in ":{}[],#&*!|>'\"%@`") or text != text.strip():
        return False
    try:
        return bool(yaml.safe_load(text) == text)
    except yaml.YAMLError:
        return False


def yaml_literal(value: object) -> str:
    """A value as YAML shows it: ``"10000"`` quoted (text), ``10000``, ``true``, ``.nan``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
