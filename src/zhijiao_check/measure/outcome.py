"""What a rule kind returns: the observed value, whether the target is met, and the arithmetic behind it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import field
from typing import Any

from zhijiao_check.measure.numbers import exact
from zhijiao_check.measure.scope import Location
from zhijiao_check.records import record
from zhijiao_check.status import Status
from zhijiao_check.wording import Join, Wording, msg, seq

# An entry of a school's list without a name of its own (a group of teachers' enterprise practice) is named
# in the data by its place in the list: ``enterprise_practice[1]``.
UNNAMED = "enterprise_practice"


def item_label(name: str, school: str | None) -> Wording:
    """``school · major`` for an item of a school, the name alone otherwise (a school, a unit, a list entry);
    an entry without a name by its place, counted from 1 as a reader counts (``第 2 组企业实践``)."""
    shown: Wording = name
    if name.startswith(UNNAMED + "[") and name.endswith("]") and name[len(UNNAMED) + 1 : -1].isdigit():
        shown = msg("engine.practice-group", n=int(name[len(UNNAMED) + 1 : -1]) + 1)
    return seq(school, " · ", shown) if school and school != name else shown


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
    def label(self) -> Wording:
        return item_label(self.name, self.school)


@record
class Measure:
    """A kind's verdict on the data, before time decides the status.

    ``met`` is None when data the rule needs is absent (the explanation names what). ``applicable`` is False
    when nothing in scope matches (no public school, no allowance paid). ``near`` is True when the target
    is not met but the observed value lies within the rule's tolerance band. ``settled`` is True when more
    data (a unit not in the run, a list not given) could not change ``met``: a sum or count of non-negative
    figures that already meets a ≥ target, an ``every`` rule that one item already fails. ``ceiling``: the
    most the observed value can be whatever more data adds, when that settles an unmet target (a share of
    teachers rotated never exceeds 100%). ``exact``: a share as the fraction of its figures (7/15, where
    ``observed`` holds the float nearest it), which a linear schedule compares.
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
    ceiling: Any = None
    exact: Any = None  # ``observed`` as the figures give it exactly (a share's fraction), when not whole

    @property
    def seen(self) -> Any:
        """The observed value exactly (``numbers.exact``), as a schedule compares it."""
        if self.exact is not None:
            return self.exact
        return exact(self.observed) if self.observed.__class__ is float else self.observed

    @classmethod
    def missing_data(
        cls,
        what: Iterable[Wording],
        locations: Iterable[Location],
        observed: Any = None,
        gaps: Iterable[Location] = (),
    ) -> Measure:
        """Data the rule needs is absent: named once each, in the order met. ``gaps``, where the data not
        given would stand (a blank cell), come first among the locations: a view shows the first and counts
        the others (``另 1 处``), and the place to fill is the one to see."""
        names = tuple(dict.fromkeys(what))
        first = tuple(gaps)
        places = (
            (*first, *(place for place in locations if place not in first)) if first else tuple(locations)
        )
        return cls(observed, None, msg("engine.missing-data", what=Join(names)), places)


def grows_to(target: Any, compared: bool = False) -> bool:
    """Whether a sum or count meeting this target stays met whatever is added: report figures are never
    negative, so more units or items can only raise it (not so against another figure, or a range)."""
    return not compared and target.op in (">=", ">")
