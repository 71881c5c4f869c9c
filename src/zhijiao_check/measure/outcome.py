"""What a rule kind returns: the observed value, whether the target is met, and the arithmetic behind it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import field
from typing import Any

from zhijiao_check.measure.scope import Location
from zhijiao_check.records import record
from zhijiao_check.status import Status
from zhijiao_check.wording import Join, Wording, msg


def item_label(name: str, school: str | None) -> str:
    """``school · major`` for an item of a school, the name alone otherwise (a school, a unit,
    a list entry).
    """
    return f"{school} · {name}" if school and school != name else name


@record
class ItemOutcome:
    """One school, major, entry or unit judged under a rule."""

    name: str
    school: str | None
    status: Status  # pass, fail or missing
    observed: Any
    explanation: Wording
    locations: tuple[Location, ...]
    target: dict[str, Any] | None = None  # the item's own target (a school's 10000 元), when it has one

    @property
    def label(self) -> str:
        return item_label(self.name, self.school)


@record
class Measure:
    """A kind's verdict on the data, before time decides the status.

    ``met`` is None when data the rule needs is absent (the explanation names what). ``applicable`` is False
    when nothing in scope matches (no public school, no allowance paid). ``near`` is True when the target
    is not met but the observed value lies within the rule's tolerance band. ``settled`` is True when more
    data (a unit not in the run, a list not given) could not change ``met``: a sum or count of non-negative
    figures that already meets a ≥ target, an ``every`` rule that one item already fails.
    """

    observed: Any
    met: bool | None
    explanation: Wording
    locations: tuple[Location, ...] = ()
    items: tuple[ItemOutcome, ...] = ()
    near: bool = False
    applicable: bool = True
    notes: tuple[Wording, ...] = field(default=())
    target: Any = None  # the value compared against, when it is not the rule's own (another ratio or total)
    settled: bool = False

    @classmethod
    def missing_data(
        cls, what: Iterable[str], locations: Iterable[Location], observed: Any = None
    ) -> Measure:
        """Data the rule needs is absent: named once each, in the order met."""
        names = tuple(dict.fromkeys(what))
        return cls(observed, None, msg("engine.missing-data", what=Join(names)), tuple(locations))


def grows_to(target: Any, compared: bool = False) -> bool:
    """Whether a sum or count meeting this target stays met whatever is added: report figures are never
    negative, so more units or items can only raise it (not so against another figure, or a range)."""
    return not compared and target.op in (">=", ">")
