"""Records: plain slotted dataclasses at run time, compared, hashed and pickled by their fields."""

from __future__ import annotations

import pickle
import sys

from zhijiao_check.measure.scope import Location


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
