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
