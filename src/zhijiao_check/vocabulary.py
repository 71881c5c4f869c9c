"""The rule vocabulary: what every rule file entry has, whatever its kind (identity, quote, scope, time,
target), and the parts kinds build from (conditions, item sets, sums).

A rule kind adds the fields that say *what* it measures (see the modules of ``kinds``).
All of it is data: a rule file never needs Python to add a target of an existing kind.
"""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any, ClassVar, Literal

from zhijiao_check.constraints import Field
from zhijiao_check.records import record
from zhijiao_check.status import Status
from zhijiao_check.units import UnitKind
from zhijiao_check.wording import LIST, Join, Msg, msg, number

RULE_ID = r"^[a-z][a-z0-9]*\.[a-z0-9]+(-[a-z0-9]+)*$"
"""Any rule ID: ``<clause>.<name>`` in lower-case ASCII (``c16.secondary-funding``)."""
MIN_QUOTE = 4
"""The fewest characters of a rule's ``quote``: the schema counts them all, the pack check (``pack.load``)
those besides white space."""
Op = Literal[">=", ">", "<=", "<", "==", "!=", "between", "contains"]
Unit = Literal["ratio", "count", "persons", "yuan", "bool", "year"]
Range = tuple[float, float | None]
"""The values a rule's observed figure can take: (lowest, highest), the highest None when there is none."""


class Unfit(ValueError):
    """A record's own check refused what a rule file wrote: the message of the pack's catalogue that says so,
    and the key of the record it is said at (``("linear",)``; ``()``: the record as a whole). Pydantic
    keeps the exception with its error, from which the pack loader takes both (``pack.refused``)."""

    def __init__(self, message: Msg, at: tuple[str, ...] = ()) -> None:
        super().__init__(message.key)
        self.message = message
        self.at = at


class Strict:
    """A record of the vocabulary: a key it does not have is refused (a misspelt key is never ignored)."""

    __slots__ = ()
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}


@record(kw_only=True)
class Text(Strict):
    """A text in both languages of the tool's output."""

    zh: str
    en: str


@record(kw_only=True)
class Time(Strict):
    """When a rule is judged. One of ``due``, ``every_year``, ``from`` (or ``from`` with ``due``), and
    optionally ``until``.

    ``due: D``: judged from year D on; before D a met target passes and an unmet one is pending
    (or behind, with ``linear``). ``every_year``/``from``: judged each year from that year on,
    not applicable before it. ``from: F`` with ``due: D``: not applicable before F, then as ``due`` (a target
    written into a plan from a later year, such as a threshold raised from 2024). ``until: U``: the last
    statistical year the rule applies; later years are not applicable (a rule retired, or replaced from U + 1
    by another, ``replaced_by``: written so a threshold changes from a year on and the years before keep
    theirs in one run). ``replaces: ID``: the same from the new rule's side, for a rule of another pack (an
    amendment's rule ending the base pack's): that rule is judged until the year before this one's start.
    """

    __pydantic_config__: ClassVar[dict[str, Any]] = {**Strict.__pydantic_config__, "populate_by_name": True}

    # Years before the policy's issue are refused when the pack loads (pack.yaml's ``issued``).
    due: Annotated[int | None, Field(strict=True, ge=1900, le=2100)] = None
    every_year: Annotated[int | None, Field(strict=True, ge=1900, le=2100)] = None
    from_: Annotated[int | None, Field(alias="from", strict=True, ge=1900, le=2100)] = None
    linear: bool = False
    until: Annotated[int | None, Field(strict=True, ge=1900, le=2100)] = None
    # the rule that takes over from ``until`` + 1, said in the reason a later year is not applicable (checked
    # against the run's rules when the packs load: ``pack.load``)
    replaced_by: Annotated[str | None, Field(pattern=RULE_ID)] = None
    # a rule of another pack (the base pack an amendment changes) that this rule takes over from its start
    # (``from`` or ``every_year``): that rule ends the year before, as with its own ``until`` and
    # ``replaced_by``, its pack untouched (``pack.replaces``, when the packs load)
    replaces: Annotated[str | None, Field(pattern=RULE_ID)] = None

    def __post_init__(self) -> None:
        given = [
            key
            for key, year in (("due", self.due), ("every_year", self.every_year), ("from", self.from_))
            if year is not None
        ]
        if not given:
            raise Unfit(msg("pack.time-none"))
        if len(given) > 1 and given != ["due", "from"]:
            raise Unfit(msg("pack.time-one-of", given=Join(tuple(given), LIST)))
        if self.linear and self.due is None:
            raise Unfit(msg("pack.time-linear", given=given[0]), ("linear",))
        if self.due is not None and self.from_ is not None and self.from_ > self.due:
            # judged pass/fail from ``from`` anyway: the due year would say nothing
            raise Unfit(msg("pack.time-from-after-due", start=self.from_, due=self.due), ("from",))
        start = self.start
        if self.until is not None and start is not None and self.until < start:
            # no year would be judged at all
            key = "every_year" if self.every_year is not None else "from"
            raise Unfit(
                msg("pack.time-until-before-start", until=self.until, key=key, start=start), ("until",)
            )
        if self.replaced_by is not None and self.until is None:
            raise Unfit(msg("pack.time-replaced-needs-until", rule=self.replaced_by), ("replaced_by",))
        if self.replaces is not None and start is None:
            # the year it takes over is its first: a ``due`` alone is judged from the policy's issue
            raise Unfit(msg("pack.time-replaces-needs-from", rule=self.replaces), ("replaces",))

    @property
    def years(self) -> list[int]:
        return [year for year in (self.due, self.every_year, self.from_, self.until) if year is not None]

    @property
    def start(self) -> int | None:
        """First year in which the rule applies (None: any year from the policy's issue)."""
        return self.every_year if self.every_year is not None else self.from_

    def retired_in(self, year: int) -> bool:
        """Whether ``year`` is after the last year the rule applies (``until``)."""
        return self.until is not None and year > self.until


@record(kw_only=True)
class Target(Strict):
    """``observed <op> value``; ``between`` takes ``value: [low, high]``.

    ``tolerance``: a relative band below the target that yields ``warn`` instead of ``fail``
    (``20 左右`` with 0.1: 18 and 19 warn). ``expected_max``: the top of a range the policy names
    (``1-2所``); more is reported, not failed.
    """

    # strict: a number in quotes is text, refused as a condition's is (pack.values), not read as the number
    op: Op = ">="
    value: Annotated[float, Field(strict=True)] | list[Annotated[float, Field(strict=True)]] = 1.0
    tolerance: Annotated[float | None, Field(strict=True, gt=0, lt=1)] = None
    expected_max: Annotated[float | None, Field(strict=True)] = None

    def __post_init__(self) -> None:
        if self.op == "between" and not (isinstance(self.value, list) and len(self.value) == 2):
            raise Unfit(msg("pack.target-between"), ("value",))
        if self.op != "between" and isinstance(self.value, list):
            raise Unfit(msg("pack.target-one-value", op=self.op), ("value",))
        if isinstance(self.value, list) and self.value[0] > self.value[1]:
            # no figure lies between them: every report would fail ``2 ∉ 2–1``
            low, high = (number(v) for v in self.value)
            raise Unfit(msg("pack.target-backwards", low=low, high=high), ("value",))
        top = self.value[-1] if isinstance(self.value, list) else self.value
        if self.expected_max is not None and self.expected_max < top:
            # the top of the policy's range below the target: a figure that meets the target is reported as
            # above the range, and one within the range fails
            raise Unfit(
                msg("pack.expected-max-below", found=number(self.expected_max), value=number(top)),
                ("expected_max",),
            )


@record(kw_only=True)
class Condition(Strict):
    """A test on one field of an item: against a ``value``, ``other`` field, or the report year plus
    ``year_plus``; or ``present: false``, true when the field is not given (a school with no upgrade year was
    not upgraded).

    Fields of the enclosing school are read as ``school.<field>`` (in a condition on a major).
    """

    field: str
    op: Op = "=="
    value: bool | float | str | None = None
    other: str | None = None
    year_plus: Annotated[int | None, Field(strict=True)] = None
    present: bool | None = None

    def __post_init__(self) -> None:
        sides = [
            self.value is not None,
            self.other is not None,
            self.year_plus is not None,
            self.present is not None,
        ]
        if sum(sides) != 1:
            raise Unfit(msg("pack.condition-one-of"))


Collection = str
"""``schools``, ``majors``, ``enterprise_practice`` (every school's entries), or a list field of the report
such as ``training_bases`` or ``city.demonstration_parks``."""


@record(kw_only=True)
class Items(Strict):
    """The items of a collection that match every ``where`` condition (absent fields never match)."""

    over: Collection
    where: list[Condition] = dataclasses.field(default_factory=list)


@record(kw_only=True)
class Sum(Strict):
    """A number: a report field (summed over the units in city scope), or a field summed over items.

    ``otherwise``: over items, the field read for an item that does not give ``field`` (专业课教师 where
    given, 专任教师 otherwise).
    """

    field: str
    over: Collection | None = None
    where: list[Condition] = dataclasses.field(default_factory=list)
    otherwise: str | None = None

    def reads(self) -> str:
        if self.over is None:
            return self.field
        return f"{self.over}[].{self.field}" + (
            f" | {self.over}[].{self.otherwise}" if self.otherwise else ""
        )


def short_sum(value: object) -> object:
    """``enrollment.secondary_vocational`` is short for ``{field: enrollment.secondary_vocational}``: how a
    rule file may write a ``Sum`` (read as ``Annotated[Sum, Before(short_sum)]``)."""
    return {"field": value} if isinstance(value, str) else value


@record(kw_only=True)
class AppliesWhen(Strict):
    """Applies a rule only when another rule (earlier in the catalogue) has one of these statuses."""

    rule: str
    status: list[Status]


@record(kw_only=True)
class RuleBase(Strict):
    kind: str  # each kind narrows it to its own name, which tells the rule-file union apart
    id: Annotated[str, Field(pattern=RULE_ID)]  # a pack may ask for more (pack.yaml's ``rule_ids``)
    title: Text
    # A Chinese label of a few characters for narrow places (the columns of the HTML heat map); the title if
    # absent.
    short: Annotated[str | None, Field(min_length=1, max_length=10)] = None
    clause: Annotated[int, Field(strict=True, ge=1, le=99)]
    quote: Annotated[str, Field(min_length=MIN_QUOTE)]
    scope: Literal["unit", "school", "city"]
    # The kinds of report a unit or school rule is checked on (every kind unless narrowed). A city rule is
    # computed over every report of its year: narrowing its kinds is refused when the pack loads
    # (pack.effects).
    units: list[UnitKind] = dataclasses.field(
        default_factory=lambda: ["county", "management_area", "development_zone", "city"]
    )
    time: Time
    target: Target = dataclasses.field(default_factory=Target)
    unit: Unit = "count"
    severity: Literal["error", "warning"] = "error"
    weight: Annotated[float, Field(strict=True, gt=0)] = 1
    responsible: list[str] = dataclasses.field(default_factory=list)
    # the item of the policy's 工作任务清单 naming the responsible units
    annex: Annotated[int | None, Field(strict=True, ge=1)] = None
    interpretation: Text | None = None
    when: AppliesWhen | None = None

    def reads(self) -> list[str]:
        """The report fields the rule reads, for ``explain`` and the docs."""
        raise NotImplementedError

    def observed_range(self) -> Range:
        """The values the observed figure can take, whatever the reports say: a projection is held within
        them (``engine.trend``)."""
        raise NotImplementedError
