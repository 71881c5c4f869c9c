"""The report fields a rule names that the report model does not have, checked when the pack loads: a typo is
a located pack error, not a rule that is then always ``missing``; each said with what to write.

A field misspelt names the fields closest to it, best first. A field of a collection's items written through
the collection (``schools[].students``, as ``explain`` shows what a rule reads, or ``schools.teachers``) in a
sum names the sum over the items: ``{over: schools, field: students}``. A school's field named in a rule over
majors or enterprise practice is the item's school's: ``school.level``. An ``over:`` that names no
collection lists the collections. A collection summed as if it were a number (``of: schools``, said by
``values``) names the sum over its items too.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from zhijiao_check.pack.fields import (
    _SCHOOL_ITEMS,
    NAMES,
    Path_,
    _resolve,
    field_type,
    item_type,
    parts,
    plain,
)
from zhijiao_check.report.model import Report, School
from zhijiao_check.vocabulary import Items, Sum
from zhijiao_check.wording import Join, Msg, msg

_CLOSEST = 3  # fields named as the closest to one misspelt


def unknown_fields(rule: Any) -> list[tuple[Path_, Msg]]:
    """``(where in the rule, what is wrong there)`` for each field the report model does not have, and each
    field of the city's own block (``city:``) in a rule whose units leave out the city."""
    found: list[tuple[Path_, Msg]] = []
    city = reads_city(rule)
    for node, path, collection in parts(rule):
        if isinstance(node, Items | Sum) and node.over is not None:
            if item_type(node.over) is None:
                found.append(((*path, "over"), _unknown(rule.id, node, "over", collection, city)))
                continue
            if not city and of_city(node.over):  # its items are the collection it names
                found.append(((*path, "over"), _city_only(rule, node.over)))
                continue
        if isinstance(node, Items):
            continue
        for name in NAMES:
            field = getattr(node, name, None)
            if name == "otherwise" and isinstance(node, Sum) and node.over is None:
                continue  # read for no item: said as needing ``over:`` (``effects``), not as a misspelt field
            if not isinstance(field, str):
                continue
            if field_type(collection, field) is None:
                found.append(((*path, name), _unknown(rule.id, node, name, collection, city)))
            elif collection is None and not city and of_city(field):
                found.append(((*path, name), _city_only(rule, field)))
    return found


def reads_city(rule: Any) -> bool:
    """Whether the rule may read the city's own block (``city:``), which only the 市本级 report has
    (docs/report-format.md): a city-wide rule reads it from that report; a unit or school rule only on the
    reports it is checked on, so only when its ``units`` include ``city``."""
    return bool(rule.scope == "city" or "city" in rule.units)


def of_city(field: str) -> bool:
    """Whether a report field (or collection) is in the city's own block: ``city.joint_meeting``."""
    return field == "city" or field.startswith("city.")


def _city_only(rule: Any, field: str) -> Msg:
    """``pack.city-field-units``: a field of ``city:`` in a rule checked on reports that never have it: every
    unit of it was ``missing``, or failed with no line of its report to point to (``0 < 3``)."""
    return msg("pack.city-field-units", id=rule.id, field=field, units=f"[{', '.join(rule.units)}]")


def _unknown(rule_id: str, node: Any, name: str, collection: str | None, city: bool) -> Msg:
    """``pack.unknown-field`` for the field ``node`` names as ``name`` (``field``, ``over``, …), read from
    the items of ``collection`` (from the report when None); ``city``: whether the rule may read the city's
    own block (``reads_city``), else none of its fields is named to write."""
    written = str(getattr(node, name))
    if name == "over":
        named = collections(city)
        hint = _closest(written, named) or msg("pack.hint-collections", collections=", ".join(named))
        return msg("pack.unknown-field", id=rule_id, field=written, place=msg("pack.place-report"), hint=hint)
    place = msg("pack.place-items", over=collection) if collection else msg("pack.place-report")
    summed = isinstance(node, Sum) and node.over is None and name == "field"
    hint = _field_hint(written, collection, summed, city) or msg("pack.hint-schema")
    return msg("pack.unknown-field", id=rule_id, field=written, place=place, hint=hint)


def summed_items(rule_id: str, field: str) -> Msg:
    """``pack.sum-collection``: a collection (``of: schools``) summed, which is no number; the sum over its
    items, and the fields of an item that add up."""
    item = item_type(field)
    addable = [
        name
        for name, info in (item.model_fields.items() if _is_model(item) else ())
        if plain(info.annotation) in (int, float, bool)
    ]
    return msg(
        "pack.sum-collection",
        id=rule_id,
        field=field,
        write=f"{{over: {field}, field: …}}",
        fields=", ".join(addable),
    )


def _field_hint(written: str, collection: str | None, summed: bool, city: bool) -> Msg | None:
    dotted = written.replace("[]", "")
    if summed and (through := _through(dotted, city)) is not None:
        over, field = through
        return msg("pack.hint-over", field=field, over=over, write=f"{{over: {over}, field: {field}}}")
    if collection in _SCHOOL_ITEMS and collection != "schools":
        field = dotted.removeprefix("schools.")
        if _resolve(School, field) is not None:
            return msg("pack.hint-school", field=field, over=collection, write=f"school.{field}")
    close = _closest(dotted, _names(collection, city))
    if close is not None or not summed:
        return close
    # a misspelt field of a collection's items, summed over the report: the sum over the items
    import difflib

    pairs = [(over, field) for over in collections(city) for field in _names(over) if "." not in field]
    best = difflib.get_close_matches(dotted, [field for _, field in pairs], n=1, cutoff=0.6)
    if not best:
        return None
    over = next(over for over, field in pairs if field == best[0])
    return msg("pack.hint-over", field=best[0], over=over, write=f"{{over: {over}, field: {best[0]}}}")


def _through(dotted: str, city: bool) -> tuple[str, str] | None:
    """``("schools", "students")`` for ``schools.students``: a collection and a field of its items."""
    parts = dotted.split(".")
    for cut in range(1, len(parts)):
        over, field = ".".join(parts[:cut]), ".".join(parts[cut:])
        if over in collections(city) and field in _names(over):
            return over, field
    return None


def _closest(written: str, names: list[str]) -> Msg | None:
    import difflib  # only a misspelt field needs it

    close = difflib.get_close_matches(written, names, n=_CLOSEST, cutoff=0.6)
    if not close:
        return None
    if len(close) == 1:
        return msg("pack.hint-write", write=close[0])
    return msg("pack.hint-close", close=Join(tuple(close)))


def _names(collection: str | None, city: bool = True) -> list[str]:
    """The fields a rule can name over ``collection`` (the report when None), dotted into blocks:
    ``enrollment.secondary_vocational``, ``school.level`` for a major; ``city``: with the fields of the
    city's own block (``reads_city``)."""
    if collection is None:
        return [name for name in _dotted(Report) if city or not of_city(name)]
    item = item_type(collection)
    if item is str:
        return ["name"]  # a list of names: the name is the item itself
    names = _dotted(item) if _is_model(item) else []
    if collection in _SCHOOL_ITEMS:
        names += [f"school.{name}" for name in _dotted(School)]
    return names


def collections(city: bool = True) -> list[str]:
    """What ``over:`` can name: every school's majors and enterprise practice, and the report's lists (those
    of the city's own block only when ``city``: ``reads_city``)."""
    return [
        *_SCHOOL_ITEMS,
        *(
            name
            for name in _dotted(Report)
            if name not in _SCHOOL_ITEMS and item_type(name) and (city or not of_city(name))
        ),
    ]


def _dotted(model: type[BaseModel], prefix: str = "") -> list[str]:
    names: list[str] = []
    for name, info in model.model_fields.items():
        names.append(prefix + name)
        inner = plain(info.annotation)
        if _is_model(inner):
            names += _dotted(inner, f"{prefix}{name}.")
    return names


def _is_model(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, BaseModel)
