"""The report fields a rule names (``of:``, ``field:``, ``otherwise:``, ``distinct:``, filters and tests), and
their types in the report model, for the checks made when the pack loads (``pack.unknown``: fields the model
does not have; ``pack.values``: values the fields cannot take).

A pack can add rules over any field of the report format; it cannot add fields (the model is the tool's,
docs/packs.md).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from zhijiao_check.measure.scope import SCHOOL_COLLECTIONS
from zhijiao_check.report.model import EnterprisePractice, Major, Report, School
from zhijiao_check.vocabulary import Condition, Items, Sum

Path_ = tuple[str | int, ...]
# The items of these collections are gathered from every school; ``school.<field>`` reads the item's school.
_SCHOOL_ITEMS: dict[str, type[BaseModel]] = {
    "schools": School,
    "majors": Major,
    "enterprise_practice": EnterprisePractice,
}
assert set(_SCHOOL_ITEMS) == set(SCHOOL_COLLECTIONS)


# The fields a rule's parts name: ``distinct`` only at the top of a ``count`` rule, as ``field`` of a
# ``coverage`` or ``flag`` rule; ``otherwise`` of a sum, read for an item without its ``field``.
NAMES = ("field", "other", "distinct", "otherwise")


def parts(rule: Any) -> Iterator[tuple[Any, Path_, str | None]]:
    """``(part, where in the rule, the collection its fields belong to)`` for the rule itself and each item
    set, sum and condition in it; the parts of an item set or sum over a collection the model does not have
    are left out (their fields cannot be told)."""
    of = getattr(rule, "of", None)
    yield from _visit(rule, (), of.over if isinstance(of, Items) else None)


def _visit(node: Any, path: Path_, collection: str | None) -> Iterator[tuple[Any, Path_, str | None]]:
    if isinstance(node, Items | Sum):
        if node.over is not None and item_type(node.over) is None:
            yield node, path, collection
            return
        collection = node.over
    if isinstance(node, Items | Sum | Condition) or not path:
        yield node, path, collection
    if dataclasses.is_dataclass(node):  # a record of the rule vocabulary
        # a sum's ``where:`` without ``over:`` filters no items: said as needing ``over:`` (``effects``)
        unread = ("where",) if isinstance(node, Sum) and node.over is None else ()
        # by the field's name: the one field with another name in a rule file (``from`` of ``time``) names
        # no report field
        for name in (field.name for field in dataclasses.fields(node)):
            if name not in (*NAMES, "over", *unread):
                yield from _visit(getattr(node, name), (*path, name), collection)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _visit(value, (*path, index), collection)


ANY: Any = object()
"""The type of a field that is there but cannot be told here (of a collection reported as a whole)."""


def field_type(collection: str | None, field: str) -> Any:
    """The model's type of ``field`` of an item of ``collection`` (of the report when None), without
    ``Annotated`` and ``| None``; None when the model has no such field, ``ANY`` when it cannot tell."""
    if collection is None:
        return _resolve(Report, field)
    if field.startswith("school.") and collection in _SCHOOL_ITEMS:
        return _resolve(School, field.removeprefix("school."))
    item = item_type(collection)
    if item is None:
        return ANY  # the collection itself is reported
    if item is str:
        return str if field == "name" else None  # a list of names: the name is the item itself
    if isinstance(item, type) and issubclass(item, BaseModel):
        return _resolve(item, field)
    return None


def item_type(collection: str) -> Any:
    """The type of one item of a collection (a model, or ``str`` for a list of names); None if it is none."""
    if collection in _SCHOOL_ITEMS:
        return _SCHOOL_ITEMS[collection]
    annotation = _resolve(Report, collection)
    if annotation is None or typing.get_origin(annotation) is not list:
        return None
    return plain(typing.get_args(annotation)[0])


def _resolve(model: type[BaseModel], dotted: str) -> Any:
    """The annotation of a dotted field of a model, or None when a part of it is not a field."""
    annotation: Any = model
    for part in dotted.split("."):
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return None
        info = annotation.model_fields.get(part)
        if info is None:
            return None
        annotation = plain(info.annotation)
    return annotation


def plain(annotation: Any) -> Any:
    """Without ``Annotated`` and ``| None``."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            others = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(others) != 1:
                return annotation
            annotation = others[0]
        else:
            return annotation
