"""Records: plain slotted dataclasses at run time, compared, hashed and pickled by their fields."""

from __future__ import annotations

import pickle
import sys
from dataclasses import dataclass

from hypothesis import given
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
        "Msg(key='k', params=(('n', 1.5),), fallback=Quantity(value=2, unit='ratio', digits=1))"
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
