"""Records: plain slotted dataclasses at run time, compared, hashed and pickled by their fields."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
import sys
from dataclasses import KW_ONLY, dataclass, field, fields  # noqa: F401  # KW_ONLY: named in texts below
from typing import Any, ClassVar, cast  # noqa: F401  # ClassVar: named in texts below

from hypothesis import given, settings
from hypothesis import strategies as st

from zhijiao_check import records
from zhijiao_check.measure.scope import Location
from zhijiao_check.records import record


def test_a_record_holds_its_fields_and_no_dict() -> None:
    place = Location("a.yaml", 3, 5)
    assert not hasattr(place, "__dict__")
    assert sys.getsizeof(place) < 80
    assert place == Location("a.yaml", 3, 5) != Location("a.yaml", 3, 6)
    assert hash(place) == hash(Location("a.yaml", 3, 5))
    assert pickle.loads(pickle.dumps(place)) == place
    assert str(place) == "a.yaml:3" and str(Location("b.xlsx", 7, 1, "学校!F7")) == "b.xlsx:学校!F7"


def test_a_record_is_shown_as_a_dataclass_shows_it() -> None:
    """One ``__repr__`` for every record (a dataclass compiles one for each class at start), the same text."""
    from zhijiao_check.wording import Msg, Quantity

    assert repr(Location("a.yaml", 3, 5)) == "Location(file='a.yaml', line=3, column=5, cell='')"
    assert repr(Msg("k", (("n", 1.5),), Quantity(2, "ratio"))) == (
        "Msg(key='k', params=(('n', 1.5),), fallback=Quantity(value=2, unit='ratio', digits=1, decimals=2))"
    )


def test_the_tools_immutable_values_are_records() -> None:
    """A frozen dataclass costs three times a record to define at every start; only a value compared by
    identity (the run, whose document views cache by it) is one."""
    import re
    from pathlib import Path

    import zhijiao_check

    root = Path(zhijiao_check.__file__).parent
    frozen = {
        f"{path.relative_to(root)}:{text.count(chr(10), 0, match.start()) + 1}"
        for path in root.rglob("*.py")
        for text in [path.read_text(encoding="utf-8")]
        for match in re.finditer(r"^@dataclass\((?![^)]*eq=False)[^)]*frozen=True", text, re.MULTILINE)
    }
    assert not frozen, f"frozen dataclasses, not records: {sorted(frozen)}"
    from zhijiao_check.commands.check import CheckOptions
    from zhijiao_check.engine.results import ReportEvaluation

    assert not hasattr(CheckOptions(paths=()), "__dict__")
    assert ReportEvaluation(2023, (), file="a.yaml") == ReportEvaluation(2023, (), file="a.yaml")


_VALUES = st.one_of(st.none(), st.integers(), st.floats(allow_nan=False), st.text(max_size=5), st.booleans())


@given(one=st.tuples(_VALUES, _VALUES), other=st.tuples(_VALUES, _VALUES))
def test_a_record_compares_and_hashes_as_a_dataclass_does(
    one: tuple[object, object], other: tuple[object, object]
) -> None:
    """A record's ``__eq__`` and ``__hash__`` are compiled when one of its class is first compared or hashed
    (a cold run defines some forty records and compares few): the same answers as a dataclass's, before and
    after, and the compiled ones then in the class."""

    @record
    class Pair:
        left: object
        right: object = None

    @dataclass(unsafe_hash=True)
    class Expected:
        left: object
        right: object = None

    def answers(kind: type) -> tuple[object, ...]:
        a, b = kind(*one), kind(*other)
        return (a == b, a != b, a == one, hash(a) == hash(kind(*one)), {a: 1}.get(b), a.__eq__(object()))

    assert (Pair.__eq__, Pair.__hash__) == (records._first_eq, records._first_hash)  # not yet compiled
    assert answers(Pair) == answers(Expected)
    assert Pair.__eq__.__qualname__.endswith("Pair.__eq__") and answers(Pair) == answers(Expected)
    assert hash(Pair(*one)) == hash(one)  # a dataclass's: the hash of its fields' tuple


def test_a_record_without_fields_is_equal_to_another() -> None:
    @record
    class Nothing:
        pass

    assert Nothing() == Nothing() and hash(Nothing()) == hash(())


def test_a_records_fields_and_annotations_are_a_dataclasss() -> None:
    """``dataclass`` reads a record's annotations shown as plain objects (looking into each text for
    ``ClassVar``, ``InitVar`` and ``KW_ONLY`` was a fifth of defining one): the class and its fields keep the
    texts, and a class variable and ``KW_ONLY`` are told apart as a dataclass tells them."""

    def declared(maker: Any) -> type:
        namespace: dict[str, object] = {
            "__annotations__": {
                "count": "int",
                "label": "str | None",
                "kind": "ClassVar[str]",
                "rest": "KW_ONLY",
                "named": "tuple[str, ...]",
            },
            "label": None,
            "kind": "x",
            "named": (),
        }
        return cast(type, maker(type("Declared", (), namespace)))

    made, expected = declared(record), declared(dataclass)
    assert made.__annotations__ == expected.__annotations__
    assert made.kind == "x" and "kind" not in {f.name for f in fields(made)}

    def shown(cls: type) -> list[tuple[str, object, bool, object]]:
        return [(f.name, f.type, f.kw_only, f.default) for f in fields(cls)]

    assert (
        shown(made)
        == shown(expected)
        == [
            ("count", "int", False, dataclasses.MISSING),
            ("label", "str | None", False, None),
            ("named", "tuple[str, ...]", True, ()),
        ]
    )
    assert made(1, named=("a",)) == made(1, None, named=("a",)) != made(2, named=("a",))


# A field as a test writes it: required, with a default, with a default factory, or made by the factory alone.
_FIELD_KINDS = st.sampled_from(["required", "default", "factory", "factory-only"])


def _declared(maker: Any, base: type, kinds: list[str], prefix: str, post_init: list[str] | None) -> type:
    """A class of fields ``{prefix}0``, ``{prefix}1``, … of ``kinds``, made by ``maker``."""
    namespace: dict[str, object] = {"__annotations__": {f"{prefix}{n}": "object" for n in range(len(kinds))}}
    for n, kind in enumerate(kinds):
        if kind == "default":
            namespace[f"{prefix}{n}"] = n
        elif kind != "required":
            namespace[f"{prefix}{n}"] = field(default_factory=list, init=kind == "factory")
    if post_init is not None:
        namespace["__post_init__"] = lambda self: post_init.append(type(self).__name__)
    return cast(type, maker(type(f"C{prefix}", (base,), namespace)))


@settings(max_examples=300)
@given(
    kinds=st.lists(_FIELD_KINDS, max_size=4),
    more=st.none() | st.lists(_FIELD_KINDS, max_size=3),
    kw_only=st.booleans(),
    post_init=st.booleans(),
    given_=st.integers(0, 7),
    named=st.sets(st.sampled_from(["a0", "a1", "a2", "a3", "b0", "b1", "b2", "zz"])),
)
def test_a_records_init_is_made_as_a_dataclass_makes_it(
    kinds: list[str], more: list[str] | None, kw_only: bool, post_init: bool, given_: int, named: set[str]
) -> None:
    """A record's ``__init__`` is compiled when one of its class is first made (a kept pack's rules and
    Pydantic's records never are): then the same parameters, the same fields set and the same refusals as a
    dataclass's, with ``__post_init__`` called; a subclass compiles its own."""

    def made(maker: Any) -> tuple[type, list[str]]:
        calls: list[str] | None = [] if post_init else None
        try:
            cls = _declared(maker(kw_only=kw_only), object, kinds, "a", calls)
            if more is not None:
                cls = _declared(maker(kw_only=True), cls, more, "b", calls)
        except TypeError:  # a field without a default after one with: refused at definition by both
            raise _Refused from None
        return cls, calls if calls is not None else []

    try:
        expected, expected_calls = made(dataclass)
    except _Refused:
        return
    actual, actual_calls = made(record)
    assert actual.__init__ is records._first_init  # type: ignore[misc]

    def outcome(cls: type) -> object:
        try:
            one = cls(*range(100, 100 + given_), **{name: name for name in named})
        except TypeError as refusal:
            return "refused", str(refusal).split("() ", 1)[-1]
        return [(name, getattr(one, name)) for name in sorted(f.name for f in fields(cls))]

    assert outcome(actual) == outcome(expected)
    assert actual_calls == expected_calls
    compiled = actual.__init__  # type: ignore[misc]
    assert compiled is not records._first_init and compiled.__qualname__.endswith(".__init__")

    def parameters(init: Any) -> list[tuple[str, object, bool]]:
        return [
            (p.name, p.kind, p.default is inspect.Parameter.empty)
            for p in inspect.signature(init).parameters.values()
        ]

    assert parameters(compiled) == parameters(expected.__init__)  # type: ignore[misc]


class _Refused(Exception):
    pass


def test_every_record_of_the_tool_compiles_its_init() -> None:
    """Every record in the package, made lazily, has the parameters its fields give it."""
    import importlib
    import pkgutil

    import zhijiao_check

    checked = 0
    for module in pkgutil.walk_packages(zhijiao_check.__path__, "zhijiao_check."):
        if module.name.endswith("__main__"):  # runs the command line
            continue
        for value in vars(importlib.import_module(module.name)).values():
            is_record = isinstance(value, type) and "__dataclass_params__" in value.__dict__
            if is_record and not value.__dataclass_params__.init and value.__module__ == module.name:
                names = [p for p in inspect.signature(records._compile_init(value)).parameters][1:]
                assert sorted(names) == sorted(f.name for f in fields(value) if f.init), value
                checked += 1
    assert checked >= 70
