"""Immutable records that are quick to make and quick to define: the tool's immutable values
(all but the run, compared by identity).

``@record`` is ``@dataclass(frozen=True)`` to the type checker (mypy refuses any assignment to a field), and a
plain dataclass with the same equality and hash at run time. A frozen dataclass's generated ``__init__`` sets
each field through ``object.__setattr__``, which costs about six times a plain assignment (for a nine-field
value 1.2 µs against 0.2 µs): a 1,000-report run makes some 300,000 locations, items, results and pieces of
wording, and spent a fifth of its evaluation there. Nothing in the tool assigns to a field of a record.
Defining one costs a third of a frozen dataclass too (no ``__setattr__`` and ``__delattr__`` to compile, one
shared ``__repr__``): a cold one-report run defines some sixty, and counted 4% fewer instructions for it. Its
``__eq__`` and ``__hash__`` are compiled when one of its class is first compared or hashed, which most never
are in a run (3.5% fewer instructions for a cold one-report run), then are the same functions a dataclass
compiles: a shared pair for every class would cost the hot path (hashing a place 1.5 times as long). Its
``__init__`` likewise, when one is first made: a kept pack's rules are read back without it, and a cold
one-report run makes records of fewer than half its classes (another 4% fewer instructions).

Slotted: a record holds its fields and no ``__dict__``, some two fifths less memory each (a city-wide year
of a large run holds tens of thousands of places and items).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, dataclass, fields
from typing import Any, TypeVar, cast, dataclass_transform, overload

T = TypeVar("T")


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, kw_only: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True)
def record(cls: type[T] | None = None, /, *, kw_only: bool = False) -> Any:
    """A slotted dataclass compared and hashed by its fields, immutable by type (see the module's
    docstring). ``kw_only``: made by keyword only (a subclass may then add fields without defaults)."""

    def made(cls: type[T]) -> type[T]:
        undocumented = not cls.__doc__
        if undocumented:  # dataclasses would write one from ``inspect.signature``, costly at every start
            cls.__doc__ = cls.__name__
        texts = cls.__annotations__  # its own (a class does not inherit them)
        cls.__annotations__ = {name: _plain(text) for name, text in texts.items()}
        made = dataclass(init=False, eq=False, slots=True, repr=False, kw_only=kw_only)(cls)
        made.__annotations__ = texts
        for field in made.__dataclass_fields__.values():  # type: ignore[attr-defined]  # a dataclass now
            if field.name in texts:
                field.type = texts[field.name]
        if undocumented:
            names = (field.name for field in fields(cast(Any, made)) if field.init)
            made.__doc__ = f"{cls.__name__}({', '.join(names)})"
        if "__init__" not in cls.__dict__:
            made.__init__ = _first_init  # type: ignore[method-assign]
        made.__eq__ = _first_eq  # type: ignore[method-assign]
        made.__hash__ = _first_hash  # type: ignore[method-assign]
        if "__repr__" not in cls.__dict__:
            made.__repr__ = _repr  # type: ignore[method-assign]
        return made

    return made if cls is None else made(cls)


# What ``_plain`` puts in place of a field's annotation while ``dataclass`` reads the class.
_FIELD = object()
# The annotations ``dataclass`` itself tells apart (``typing.ClassVar``, ``dataclasses.InitVar`` and
# ``dataclasses.KW_ONLY``), by the names the tool writes them with.
_MARKERS = ("ClassVar", "InitVar", "KW_ONLY")


def _plain(annotation: Any) -> Any:
    """The annotation ``dataclass`` is shown for a field: a text that names none of ``_MARKERS`` as an object
    that is none of them. Each annotation is a text here (``from __future__ import annotations``), and
    ``dataclass`` looks into every text three times (whether it is a ``ClassVar``, an ``InitVar`` or
    ``KW_ONLY``), each a regular expression and a lookup of the name in the class's module: a fifth of what
    defining a record cost. The texts are put back on the class and its fields once it is made."""
    if isinstance(annotation, str) and not any(marker in annotation for marker in _MARKERS):
        return _FIELD
    return annotation


def _first_init(self: Any, *args: Any, **kwargs: Any) -> None:
    """A record's ``__init__`` until one of its class is first made: the class's own is then compiled and put
    in its place. Records read back from a kept pack or built by Pydantic are never made by ``__init__``, so
    most classes of a run never need theirs."""
    _compile_init(type(self))(self, *args, **kwargs)


def _compile_init(cls: type) -> Any:
    """``cls``'s ``__init__`` as ``@dataclass`` writes it (positional fields, then keyword-only ones; a
    default, a default factory, ``__post_init__``), set on it."""
    positional: list[str] = []
    keyword: list[str] = []
    body: list[str] = []
    namespace: dict[str, Any] = {"_MISSING": MISSING}
    for field in fields(cls):
        name, value = field.name, field.name
        if field.default is not MISSING:
            namespace[f"_default_{name}"] = field.default
            parameter = f"{name}=_default_{name}"
        elif field.default_factory is not MISSING:
            namespace[f"_factory_{name}"] = field.default_factory
            parameter = f"{name}=_MISSING"
            value = (
                f"_factory_{name}() if {name} is _MISSING else {name}" if field.init else f"_factory_{name}()"
            )
        else:
            parameter = name
        if field.init:
            (keyword if field.kw_only else positional).append(parameter)
        body.append(f"    self.{name} = {value}\n")
    if hasattr(cls, "__post_init__"):
        body.append("    self.__post_init__()\n")
    parameters = ", ".join(["self", *positional, *(["*", *keyword] if keyword else [])])
    source = f"def __init__({parameters}):\n" + ("".join(body) or "    pass\n")
    return _install(cls, source, namespace)["__init__"]


def _first_eq(self: Any, other: object) -> Any:
    """A record's ``__eq__`` until one of its class is first compared: the class's own is then compiled and
    put in its place, so that every comparison after is as quick as a dataclass's."""
    return _compile_comparison(type(self))[0](self, other)


def _first_hash(self: Any) -> int:
    """A record's ``__hash__`` until one of its class is first hashed (see ``_first_eq``)."""
    return int(_compile_comparison(type(self))[1](self))


def _compile_comparison(cls: type) -> tuple[Any, Any]:
    """``cls``'s ``__eq__`` and ``__hash__`` as ``@dataclass(unsafe_hash=True)`` writes them, set on it."""
    values = "".join(f"{{0}}.{field.name}," for field in fields(cls))
    source = (
        "def __eq__(self, other):\n"
        "    if other.__class__ is self.__class__:\n"
        f"        return ({values.format('self')}) == ({values.format('other')})\n"
        "    return NotImplemented\n"
        "def __hash__(self):\n"
        f"    return hash(({values.format('self')}))\n"
    )
    made = _install(cls, source, {})
    return made["__eq__"], made["__hash__"]


def _install(cls: type, source: str, namespace: dict[str, Any]) -> dict[str, Any]:
    """The functions ``source`` defines (with the names in ``namespace`` at hand), each set on ``cls`` under
    its name."""
    made: dict[str, Any] = {}
    exec(source, namespace, made)  # noqa: S102 - made of the class's own field names, as dataclasses makes it
    for name, function in made.items():
        function.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, function)
    return made


def _repr(self: Any) -> str:
    """The repr a dataclass writes, ``Location(file='a.yaml', line=3, …)``: one function for every record,
    where a dataclass compiles one for each class, a third of the time it takes to make one at start."""
    shown = ", ".join(f"{field.name}={getattr(self, field.name)!r}" for field in fields(self) if field.repr)
    return f"{type(self).__qualname__}({shown})"
