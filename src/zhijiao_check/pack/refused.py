"""What Pydantic refuses in a pack's file, said in the tool's words: the field path, what was found (short,
as YAML writes it) and what the field takes, at the value's line and column.

Pydantic says it in English, of the whole record or value as a Python dict (``Field required (found {'id':
...})``), at the record's first line. Each shape of its errors is said here: a key missing (at the mapping
that lacks it), a key the record does not have (at the key, the key meant named), a value of the wrong type
or out of range (at the value, with what to write where it can be told: a number without its quotes, a
single value as a list of one), and a record's own check (``vocabulary.Unfit``, its message and where).

Used only when a file of a pack does not fit the schema: a pack that loads never imports it.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import enum
import types
import typing
from collections.abc import Iterator
from typing import Any

from zhijiao_check.kinds import AnyRule
from zhijiao_check.located import Positions, typed_word, walk
from zhijiao_check.pack.fields import plain
from zhijiao_check.pack.numbers import number_meant
from zhijiao_check.pack.values import flow_item, joined, values_joined, yaml_literal
from zhijiao_check.problems import Problem, format_path
from zhijiao_check.vocabulary import RULE_ID, Sum, Unfit
from zhijiao_check.wording import Join, Msg, Wording, msg

Path_ = tuple[str | int, ...]
_SHORT = 40  # characters of a mapping or list shown as written; a longer one is said by its keys or length
# A record as a rule file writes it, for saying what a field of it takes (a record not listed is shown by its
# keys).
_EXAMPLES = {
    "Text": "{zh: …, en: …}",
    "Time": "{every_year: 2022}",
    "Target": '{op: ">=", value: 0.45}',
    "Condition": "{field: level, value: secondary}",
    "Items": "{over: schools, where: […]}",
    "AppliesWhen": "{rule: c1.vocational-share, status: [fail]}",
    "Fraction": "{numerator: […], denominator: […]}",
}


@dataclasses.dataclass
class _Site:
    """Where an error of Pydantic is, in the file's data: the path, the type the schema gives the value there
    (None when it cannot be told), the record that holds it, and whether Pydantic said it of one member of
    a union (``float`` of ``float | list[float]``)."""

    path: Path_
    type: Any
    holder: Any
    in_union: bool  # said of a member of the union at ``path``


def refused(
    root: Any,
    details: list[Any],
    data: Any,
    positions: Positions,
    file: str,
    base: Path_ = (),
    *,
    source: str = "",
) -> list[Problem]:
    """Pydantic's error ``details`` (``ValidationError.errors()``) of ``data`` read as ``root``, each a
    located problem; ``base``: the path of ``data`` in its file, ``source``: the file's text, to quote a
    value as typed."""
    kinds = [detail for detail in details if detail["type"] in _TAGS]
    problems = []
    for detail in kinds:
        path = _site(root, detail["loc"], data).path
        # Pydantic names the kind by its tag (``False`` for ``kind: off``): quoted as the file wrote it
        typed = typed_word(_value(data, (*path, "kind")), source, positions.value((*base, *path, "kind")))
        problems.append(_kind_problem(path, detail, positions, file, base, typed))
    sites = [(_site(root, detail["loc"], data), detail) for detail in details if detail not in kinds]
    # A union's member that does not fit says so at the union (``value.float`` of a list): the member that
    # says it deeper (``value.list[float].0``) is the one meant.
    deeper = [site.path for site, _ in sites]
    said: set[Path_] = set()
    for site, detail in sites:
        if site.in_union and any(_within(p, site.path) for p in deeper):
            continue
        if site.path in said:
            continue  # each member of a union refused the value: said once, of the union
        said.add(site.path)
        problems.append(_problem(site, detail, data, positions, file, base, source))
    return problems


def _problem(
    site: _Site, detail: Any, data: Any, positions: Positions, file: str, base: Path_, source: str
) -> Problem:
    path = site.path
    key = _key((*base, *path))
    error = detail.get("ctx", {}).get("error")
    if isinstance(error, Unfit):
        at = (*path, *error.at) if _present(data, (*path, *error.at)) else path
        return _located(file, positions, base, at, error.message)
    kind = detail["type"]
    if kind in _MISSING:
        takes = _takes(site.type)
        return _located(file, positions, base, path, msg("pack.missing-key", key=key, takes=takes), path[:-1])
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        where = positions.key((*base, *path))
        return _located(file, positions, base, path, _unknown_key(str(key), site.holder), where=where)
    value = _value(data, path)
    parts = joined(value, _choices(plain(site.type))) if path and isinstance(path[-1], int) else None
    if parts is not None:  # an item of a list of choices that joins several: not the closest one alone
        items = _value(data, path[:-1])
        said = values_joined(key, str(value), parts, items if isinstance(items, list) else [value])
        return _located(file, positions, base, path, said)
    typed = typed_word(value, source, positions.value((*base, *path)))
    return _located(file, positions, base, path, _wrong(key, value, site.type, typed))


def _unknown_key(key: str, holder: Any) -> Msg:
    """A key the record does not have: the key meant, and the keys it has. In a rule, the key meant may be
    another kind's (``by_unt`` for ratio's ``by_unit`` in a total rule): then that is said, not the closest
    key of this kind (``unit``), which means something else."""
    keys = _keys(holder)
    listed = Join(tuple(keys))
    kinds = list(typing.get_args(AnyRule))
    if holder in kinds:
        every = list(dict.fromkeys(k for kind in kinds for k in _keys(kind)))
        meant = difflib.get_close_matches(key, every, n=1, cutoff=0.6)
        if meant and meant[0] not in keys:
            owners = Join(tuple(_kind_name(kind) for kind in kinds if meant[0] in _keys(kind)))
            return msg(
                "pack.key-of-other-kinds",
                key=key,
                meant=meant[0],
                kinds=owners,
                kind=_kind_name(holder),
                keys=listed,
            )
    close = difflib.get_close_matches(key, keys, n=1, cutoff=0.6)
    if close:
        return msg("pack.unknown-key", key=key, write=close[0], keys=listed)
    return msg("pack.unknown-key-none", key=key, keys=listed)


def _kind_name(kind: Any) -> str:
    """A rule kind's name as a rule file writes it (``ratio``)."""
    return str(typing.get_args(typing.get_type_hints(kind)["kind"])[0])


# Pydantic's words for a rule's ``kind`` (the tag of the rules' union) that names no kind, or is not given
_TAGS = ("union_tag_invalid", "union_tag_not_found")


def _kind_problem(
    path: Path_, detail: Any, positions: Positions, file: str, base: Path_, typed: str | None
) -> Problem:
    """A rule's ``kind`` misspelt or missing, at the ``kind:`` value, the kinds listed: Pydantic says it of
    the whole rule, in English, with the rule as a Python dict; ``typed``: the kind as written, when YAML
    read it as a yes/no value (``kind: off``, which Pydantic names ``False``)."""
    kinds = [_kind_name(kind) for kind in typing.get_args(AnyRule)]
    listed = Join(tuple(kinds))
    if detail["type"] == "union_tag_not_found":
        return _located(file, positions, base, path, msg("pack.missing-kind", kinds=listed))
    found = typed or detail.get("ctx", {}).get("tag", "")
    close = difflib.get_close_matches(str(found), kinds, n=1, cutoff=0.6)
    write = f"kind: {close[0]}" if close else msg("pack.write-one-of")
    said = msg("pack.unknown-kind", found=found, write=write, kinds=listed)
    return _located(file, positions, base, (*path, "kind"), said)


# Pydantic's words for a key not given, as a model and as a record's arguments say it
_MISSING = ("missing", "missing_argument", "missing_keyword_only_argument")


def _within(path: Path_, outer: Path_) -> bool:
    return len(path) > len(outer) and path[: len(outer)] == outer


def _located(
    file: str,
    positions: Positions,
    base: Path_,
    path: Path_,
    said: Msg,
    at: Path_ | None = None,
    where: tuple[int, int] | None = None,
) -> Problem:
    """``said`` (a ``pack.`` message) of ``path``, at ``at``'s value (by default the path's own)."""
    line, column = where or positions.nearest((*base, *(path if at is None else at)))
    code = said.key.removeprefix("pack.")
    return Problem(file, line, column, format_path((*base, *path)), code, dict(said.params), area="pack")


def _wrong(key: str, value: Any, expected: Any, typed: str | None = None) -> Msg:
    """A value the field cannot take: what it takes, and what to write where that can be told; ``typed``:
    the value as the file wrote it, when it reads as another (``off`` as false)."""
    found = typed or _found(value)
    if expected is None:
        return msg("pack.wrong-value-unknown", key=key, found=found)
    takes = _takes(expected)
    bare = plain(expected)
    item = key.endswith("]")  # an item of a list is written without a key
    if _numeric(bare) and (meant := number_meant(value)) is not None:
        write = meant.write if item else f"{key}: {meant.write}"
        if meant.why == "quoted":
            return msg("pack.quoted-number", key=key, found=found, takes=takes, write=write)
        # written as YAML reads it: no quotes the author may never have typed
        found = str(value).strip()
        return msg("pack.number-as-text", key=key, found=found, why=meant.reason(), takes=takes, write=write)
    shape = _write(value, bare)
    if shape is not None:
        write = shape if item else f"{key}: {shape}"
        return msg("pack.wrong-value-write", key=key, found=found, takes=takes, write=write)
    return msg("pack.wrong-value", key=key, found=found, takes=takes)


def _write(value: Any, expected: Any) -> str | None:
    """What to write instead of ``value`` where the field shows it: a single value (or mapping) as a list of
    one, a misspelt choice as the choice meant (``=>`` as ``>=``), a number where text is meant in quotes
    (a unit's ``code: "431102"``)."""
    if expected is str and isinstance(value, int | float) and not isinstance(value, bool):
        return f'"{yaml_literal(value)}"'
    if typing.get_origin(expected) is list:
        item = plain(typing.get_args(expected)[0])
        one = (
            isinstance(value, str)
            and (item is str or value in _choices(item))
            or isinstance(value, dict)
            and _is_record(item)
        )
        return f"[{_flow(value)}]" if one and len(_flow(value)) <= 2 * _SHORT else None
    choices = _choices(expected)
    if choices and isinstance(value, str):
        if value[::-1] in choices:
            return value[::-1]
        close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
        return close[0] if close else None
    return None


def _site(root: Any, loc: tuple[Any, ...], data: Any) -> _Site:
    """The place in ``data`` of Pydantic's location ``loc``, found by walking the schema's types along it:
    a location names the union member it tried (``rules.0.ratio.target``, ``value.list[float].0``), which is
    no key of the file."""
    kind: Any = root
    node = data
    path: list[str | int] = []
    first: dict[Path_, Any] = {(): root}
    holder: Any = None
    in_union = False
    for part in loc:
        bare = plain(kind)
        if _is_union(bare):
            kind = _member(bare, part)
            in_union = True
            continue
        if _is_record(bare):
            holder = bare
            kind = _fields(bare).get(part)
            node = node.get(part) if isinstance(node, dict) else None
        elif typing.get_origin(bare) is list and isinstance(part, int):
            kind = typing.get_args(bare)[0]
            node = node[part] if isinstance(node, list) and part < len(node) else None
        else:  # a type not told: keys of the file are still its path
            kind = None
            if isinstance(part, str) and not (isinstance(node, dict) and part in node) and part != loc[-1]:
                continue
            node = node.get(part) if isinstance(node, dict) else None
        path.append(part)
        in_union = False  # a member's error is one said at the union itself, not within the member
        first.setdefault(tuple(path), kind)
    return _Site(tuple(path), first[tuple(path)], holder, in_union)


def _is_union(kind: Any) -> bool:
    return typing.get_origin(kind) in (typing.Union, types.UnionType)


def _is_record(kind: Any) -> bool:
    return isinstance(kind, type) and dataclasses.is_dataclass(kind)


def _member(union: Any, tag: Any) -> Any:
    """The member of a union that Pydantic's tag names: a rule kind's name (``ratio``), or the member's
    type as Pydantic names it (``float``, ``list[float]``, ``Sum``)."""
    for member in typing.get_args(union):
        bare = plain(member)
        if _is_record(bare):
            hint = _fields(bare).get("kind")
            if bare.__name__ == tag or (hint is not None and tag in typing.get_args(plain(hint))):
                return member
        elif getattr(bare, "__name__", None) == tag or (
            typing.get_origin(bare) is list and str(tag).startswith("list[")
        ):
            return member
    return None


def _fields(record: Any) -> dict[str, Any]:
    """A record's fields by the key a file writes (``from`` for ``from_``), each with its type."""
    hints = typing.get_type_hints(record, include_extras=True)
    named: dict[str, Any] = {}
    for field in dataclasses.fields(record):
        kind = hints.get(field.name)
        alias = next((m.alias for m in _metadata(kind) if getattr(m, "alias", None)), None)
        named[alias or field.name] = kind
    return named


def _keys(record: Any) -> list[str]:
    return list(_fields(record)) if _is_record(record) else []


def _metadata(kind: Any) -> Iterator[Any]:
    """The constraints of a type's ``Annotated`` (Pydantic's ``FieldInfo`` and what it holds)."""
    while typing.get_origin(kind) is typing.Annotated:
        for extra in kind.__metadata__:
            yield extra
            yield from getattr(extra, "metadata", ())
        kind = typing.get_args(kind)[0]
    if _is_union(kind):
        members = [m for m in typing.get_args(kind) if m is not type(None)]
        if len(members) == 1:
            yield from _metadata(members[0])


def _constraint(kind: Any, name: str) -> Any:
    return next((getattr(m, name) for m in _metadata(kind) if getattr(m, name, None) is not None), None)


def _numeric(kind: Any) -> bool:
    if _is_union(kind):
        return any(_numeric(plain(m)) for m in typing.get_args(kind))
    return kind in (int, float)


def _choices(kind: Any) -> list[str]:
    if typing.get_origin(kind) is typing.Literal:
        return [str(a) for a in typing.get_args(kind)]
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return [str(member.value) for member in kind]
    return []


def _takes(kind: Any) -> Wording:
    """What a field of this type takes, in words: ``大于 0 的数值``, ``至少 4 个字符的文字``,
    ``列表 [ … ]，每项为…``."""
    bare = plain(kind)
    if _is_union(bare):
        members = [plain(m) for m in typing.get_args(bare) if m is not type(None)]
        if all(_is_record(m) for m in members):  # the kinds of rule: the keys they share
            shared = [k for k in _keys(members[0]) if all(k in _keys(m) for m in members)]
            return msg("pack.takes-mapping", example="{" + ", ".join(f"{k}: …" for k in shared[:4]) + ", …}")
        return Join(tuple(_takes(m) for m in members), msg("pack.or"))
    if bare is bool:
        return msg("pack.takes-flag")
    if bare in (int, float):
        said = msg("pack.takes-int" if bare is int else "pack.takes-number")
        bounds = tuple(
            msg(f"pack.bound-{name}", n=yaml_literal(float(value)))
            for name in ("ge", "gt", "le", "lt")
            if (value := _constraint(kind, name)) is not None
        )
        return msg("pack.takes-bounded", kind=said, bounds=Join(bounds, msg("pack.and"))) if bounds else said
    if bare is str:
        if _constraint(kind, "pattern") == RULE_ID:
            return msg("pack.takes-rule-id")
        if (pattern := _constraint(kind, "pattern")) is not None:
            return msg("pack.takes-pattern", pattern=pattern)
        if (least := _constraint(kind, "min_length")) is not None and least > 1:
            return msg("pack.takes-text-min", n=least)
        if (most := _constraint(kind, "max_length")) is not None:
            return msg("pack.takes-text-max", n=most)
        return msg("pack.takes-text")
    choices = _choices(bare)
    if choices:
        return msg("pack.takes-choice", allowed=Join(tuple(choices)))
    if typing.get_origin(bare) is list:
        return msg("pack.takes-list-of", item=_takes(typing.get_args(bare)[0]))
    if bare is datetime.date:
        return msg("pack.takes-date")
    if bare is Sum:
        return msg("pack.takes-sum")
    if _is_record(bare):
        example = _EXAMPLES.get(bare.__name__) or "{" + ", ".join(f"{k}: …" for k in _keys(bare)) + "}"
        return msg("pack.takes-mapping", example=example)
    return msg("pack.takes-fields")


def _found(value: Any) -> Wording:
    """A value as the file wrote it, short: ``"1"``, ``45``, ``{every_year: 2022, due: 2025}``, a mapping
    of its keys when long; never a Python dict."""
    if value is None:
        return msg("pack.found-null")
    if isinstance(value, dict | list):
        text = _flow(value)
        if len(text) <= _SHORT:
            return text
        if isinstance(value, list):
            return msg("pack.found-list", count=len(value))
        return msg("pack.found-mapping", keys=Join(tuple(map(str, value))))
    return yaml_literal(value)


def _flow(value: Any) -> str:
    """YAML's flow style: ``{every_year: 2022, due: 2025}``, ``[county]``."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if value is None:
        return "null"
    return flow_item(value)


def _key(path: Path_) -> str:
    """The key a value is written under (``value``), or an item as its list's key writes it
    (``units[0]``)."""
    if not path:
        return ""
    if isinstance(path[-1], int):
        return format_path(path[-2:]) if len(path) > 1 else f"[{path[-1]}]"
    return path[-1]


def _present(data: Any, path: Path_) -> bool:
    return walk(data, path)[1] == len(path)


def _value(data: Any, path: Path_) -> Any:
    node, depth = walk(data, path)
    return node if depth == len(path) else None
