"""The report fields a rule names (``of:``, ``field:``, filters and tests), checked against the report model
when the pack loads: a typo is a located pack error, not a rule that is then always ``missing``.

A pack can add rules over any field of the report format; it cannot add fields (the model is the tool's,
docs/packs.md).
"""

from __future__ import annotations

import dataclasses
import types
import typing
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


def unknown_fields(rule: Any) -> list[tuple[Path_, str]]:
    """``(where in the rule, the field as written)`` for each field the report model does not have."""
    found: list[tuple[Path_, str]] = []
    of = getattr(rule, "of", None)
    _visit(rule, (), of.over if isinstance(of, Items) else None, found)
    return found


def _visit(node: Any, path: Path_, collection: str | None, found: list[tuple[Path_, str]]) -> None:
    if isinstance(node, Items | Sum):
        if node.over is not None and _item_type(node.over) is None:
            found.append(((*path, "over"), node.over))
            return
        collection = node.over
    if isinstance(node, Sum | Condition) or (not path and hasattr(node, "field")):
        for name in ("field", "other"):
            field = getattr(node, name, None)
            if isinstance(field, str) and not _known(collection, field):
                found.append(((*path, name), field))
    if dataclasses.is_dataclass(node):  # a record of the rule vocabulary
        # by the field's name: the one field with another name in a rule file (``from`` of ``time``) names
        # no report field
        for name in (field.name for field in dataclasses.fields(node)):
            if name not in ("field", "other", "over"):
                _visit(getattr(node, name), (*path, name), collection, found)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _visit(value, (*path, index), collection, found)


def _known(collection: str | None, field: str) -> bool:
    if collection is None:
        return _resolve(Report, field) is not None
    if field.startswith("school.") and collection in _SCHOOL_ITEMS:
        return _resolve(School, field.removeprefix("school.")) is not None
    item = _item_type(collection)
    if item is None:
        return True  # the collection itself is reported
    if item is str:
        return field == "name"  # a list of names: the name is the item itself
    return isinstance(item, type) and issubclass(item, BaseModel) and _resolve(item, field) is not None


def _item_type(collection: str) -> Any:
    """The type of one item of a collection (a model, or ``str`` for a list of names); None if it is none."""
    if collection in _SCHOOL_ITEMS:
        return _SCHOOL_ITEMS[collection]
    annotation = _resolve(Report, collection)
    if annotation is None or typing.get_origin(annotation) is not list:
        return None
    return _plain(typing.get_args(annotation)[0])


def _resolve(model: type[BaseModel], dotted: str) -> Any:
    """The annotation of a dotted field of a model, or None when a part of it is not a field."""
    annotation: Any = model
    for part in dotted.split("."):
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return None
        info = annotation.model_fields.get(part)
        if info is None:
            return None
        annotation = _plain(info.annotation)
    return annotation


def _plain(annotation: Any) -> Any:
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
