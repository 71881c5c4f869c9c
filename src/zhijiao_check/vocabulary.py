"""The rule vocabulary: what every rule file entry has, whatever its kind (identity, quote, scope, time,
target), and the parts kinds build from (conditions, item sets, sums).

A rule kind adds the fields that say *what* it measures (see the modules of ``kinds``).
All of it is data: a rule file never needs Python to add a target of an existing kind.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from zhijiao_check.status import Status
from zhijiao_check.units import UnitKind

RULE_ID = r"^[a-z][a-z0-9]*\.[a-z0-9]+(-[a-z0-9]+)*$"
"""Any rule ID: ``<clause>.<name>`` in lower-case ASCII (``c16.secondary-funding``)."""
Op = Literal[">=", ">", "<=", "<", "==", "!=", "between", "contains"]
Unit = Literal["ratio", "count", "persons", "yuan", "bool", "year"]


class Strict(BaseModel):
    # A rule model's validator is built when a rule file is first read, not when the class is made: a run
    # whose packs are kept (pack.cache) reads no rule file and never needs it.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Text(Strict):
    """A text in both languages of the tool's output."""

    zh: str
    en: str


class Time(Strict):
    """When a rule is judged. Exactly one of ``due``, ``every_year``, ``from``.

    ``due: D``: judged from year D on; before D a met target passes and an unmet one is pending
    (or behind, with ``linear``). ``every_year``/``from``: judged each year from that year on,
    not applicable before it.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    # Years before the policy's issue are refused when the pack loads (pack.yaml's ``issued``).
    due: int | None = Field(default=None, ge=1900, le=2100)
    every_year: int | None = Field(default=None, ge=1900, le=2100)
    from_: int | None = Field(default=None, alias="from", ge=1900, le=2100)
    linear: bool = False

    @model_validator(mode="after")
    def _one_kind_of_time(self) -> Time:
        given = [name for name in ("due", "every_year", "from_") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of due, every_year, from")
        if self.linear and self.due is None:
            raise ValueError("linear applies only to a rule with due")
        return self

    @property
    def years(self) -> list[int]:
        return [year for year in (self.due, self.every_year, self.from_) if year is not None]

    @property
    def start(self) -> int | None:
        """First year in which the rule is judged as pass/fail (None: any year from the policy's issue)."""
        return self.every_year if self.every_year is not None else self.from_


class Target(Strict):
    """``observed <op> value``; ``between`` takes ``value: [low, high]``.

    ``tolerance``: a relative band below the target that yields ``warn`` instead of ``fail``
    (``20 左右`` with 0.1: 18 and 19 warn). ``expected_max``: the top of a range the policy names
    (``1-2所``); more is reported, not failed.
    """

    op: Op = ">="
    value: float | list[float] = 1.0
    tolerance: float | None = Field(default=None, gt=0, lt=1)
    expected_max: float | None = None

    @model_validator(mode="after")
    def _value_fits_op(self) -> Target:
        if (self.op == "between") != isinstance(self.value, list):
            raise ValueError("between takes value: [low, high]; other operators a single number")
        if isinstance(self.value, list) and len(self.value) != 2:
            raise ValueError("between takes value: [low, high]")
        return self


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
    year_plus: int | None = None
    present: bool | None = None

    @model_validator(mode="after")
    def _one_right_side(self) -> Condition:
        sides = [
            self.value is not None,
            self.other is not None,
            self.year_plus is not None,
            self.present is not None,
        ]
        if sum(sides) != 1:
            raise ValueError("give exactly one of value, other, year_plus, present")
        return self


Collection = str
"""``schools``, ``majors``, ``enterprise_practice`` (every school's entries), or a list field of the report
such as ``training_bases`` or ``city.demonstration_parks``."""


class Items(Strict):
    """The items of a collection that match every ``where`` condition (absent fields never match)."""

    over: Collection
    where: list[Condition] = []


class Sum(Strict):
    """A number: a report field (summed over the units in city scope), or a field summed over items.

    ``otherwise``: over items, the field read for an item that does not give ``field`` (专业课教师 where
    given, 专任教师 otherwise).
    """

    field: str
    over: Collection | None = None
    where: list[Condition] = []
    otherwise: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _short_form(cls, value: object) -> object:
        """``enrollment.secondary_vocational`` is short for ``{field: enrollment.secondary_vocational}``."""
        return {"field": value} if isinstance(value, str) else value

    def reads(self) -> str:
        if self.over is None:
            return self.field
        return f"{self.over}[].{self.field}" + (
            f" | {self.over}[].{self.otherwise}" if self.otherwise else ""
        )


class AppliesWhen(Strict):
    """Applies a rule only when another rule (earlier in the catalogue) has one of these statuses."""

    rule: str
    status: list[Status]


class RuleBase(Strict):
    kind: str  # each kind narrows it to its own name, which tells the rule-file union apart
    id: str = Field(pattern=RULE_ID)  # a pack may ask for more (pack.yaml's ``rule_ids``)
    title: Text
    # A Chinese label of a few characters for narrow places (the columns of the HTML heat map); the title if
    # absent.
    short: str | None = Field(default=None, min_length=1, max_length=10)
    clause: int = Field(ge=1, le=99)
    quote: str = Field(min_length=4)
    scope: Literal["unit", "school", "city"]
    # The kinds of report a unit or school rule is checked on (every kind unless narrowed); not used by city
    # rules.
    units: list[UnitKind] = Field(default=["county", "management_area", "development_zone", "city"])
    time: Time
    # A factory, not Target(): an instance made here would build Target's validator as the module loads.
    target: Target = Field(default_factory=Target)
    unit: Unit = "count"
    severity: Literal["error", "warning"] = "error"
    weight: float = Field(default=1, gt=0)
    responsible: list[str] = []
    # the item of the policy's 工作任务清单 naming the responsible units
    annex: int | None = Field(default=None, ge=1)
    interpretation: Text | None = None
    when: AppliesWhen | None = None

    def reads(self) -> list[str]:
        """The report fields the rule reads, for ``explain`` and the docs."""
        raise NotImplementedError
