"""``located.walk``: how far a path goes into read data, the one walk behind a rule file's refusals
(``pack.refused``) and a short form's path as written (``pack.placed``)."""

from __future__ import annotations

import pytest

from zhijiao_check.located import walk

DATA = {"rules": [{"id": "c1.x", "of": "seats", "target": {"op": ">=", "value": None}}]}


@pytest.mark.parametrize(
    ("path", "reached"),
    [
        (("rules", 0, "id"), ("c1.x", 3)),
        (("rules", 0, "target", "value"), (None, 4)),  # a key there, its value null: the whole path
        (("rules", 0, "target", "tolerance"), ({"op": ">=", "value": None}, 3)),  # a key the mapping lacks
        (("rules", 1, "id"), (DATA["rules"], 1)),  # past the list's end
        (("rules", -1, "id"), (DATA["rules"], 1)),  # never counted from the end
        (("rules", 0, "of", "field"), ("seats", 3)),  # a text in the way: a sum given short
        ((), (DATA, 0)),
    ],
)
def test_walk_stops_where_the_path_leaves_the_data(path: tuple[str | int, ...], reached: tuple) -> None:
    assert walk(DATA, path) == reached
