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
