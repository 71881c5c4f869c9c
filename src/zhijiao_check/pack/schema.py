"""The rule-file schema: a rule is one of the kinds, told apart by its ``kind`` field."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, ClassVar

from zhijiao_check.constraints import After, Field
from zhijiao_check.kinds import AnyRule
from zhijiao_check.records import record
from zhijiao_check.vocabulary import RULE_ID, Strict, Text, Unfit
from zhijiao_check.wording import msg


@record(kw_only=True)
class RuleFile(Strict):
    """A rule file of a pack (any ``*.yaml`` or ``*.yml`` but ``pack.yaml`` and the unit list;
    files are read in name order).
    """

    rules: list[Annotated[AnyRule, Field(discriminator="kind")]]


@record(kw_only=True)
class Clause(Strict):
    """A clause of the policy: its title (as the policy heads it, and in English), and why no rule transcribes
    it when none does."""

    number: int
    title: Text
    untranscribed: Text | None = None


@record(kw_only=True)
class AnnexItem(Strict):
    """An item of the policy's annex (工作任务清单) and the clauses whose work it lists."""

    item: Annotated[int, Field(ge=1)]
    clauses: list[int]


@record(kw_only=True)
class Retirement(Strict):
    """An entry of ``pack.yaml``'s ``retires``: another pack's rule judged no more from the year ``from`` on
    (ended the year before, as its own ``until`` would), no rule taking over (``pack.replaces``)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {**Strict.__pydantic_config__, "populate_by_name": True}

    rule: Annotated[str, Field(min_length=1)]
    from_: Annotated[int, Field(alias="from", strict=True, ge=1900, le=2100)]


def id_matcher(pattern: str) -> Callable[[str], bool]:
    """Whether a rule ID follows ``pattern`` (anywhere in it, as ``re.search``), in time linear in the ID's
    length whatever the pattern: pydantic-core's regex engine (Rust's ``regex`` crate, which pydantic uses for
    a field's ``pattern``) never backtracks. Python's ``re`` does, and a pack's ``rule_ids: "^c\\.(a|a)*$"``
    took it 2^n steps on an ID of n letters: a run that never ended. Restricting which patterns ``re`` may
    run (no quantifier over a group that repeats or alternates) would refuse the usual ``(-[a-z0-9]+)*`` and
    still miss other slow shapes; this engine refuses only look-around and back-references, which it cannot
    match in linear time, and a pattern that compiles to more than 10 MB (``(a{1000}){1000}``), which
    ``_a_pattern`` says at pack.yaml's line. Raises ``SchemaError`` for those."""
    from pydantic_core import SchemaValidator, core_schema

    validator = SchemaValidator(core_schema.str_schema(pattern=pattern, regex_engine="rust-regex"))
    return validator.isinstance_python


def _a_pattern(value: str) -> str:
    from pydantic_core import SchemaError

    try:
        id_matcher(value)
    except SchemaError as error:
        # the engine's own last line says what it cannot take: "look-around … is not supported"
        said = [line.strip() for line in str(error).splitlines() if line.strip()]
        reason = said[-1].removeprefix("error: ").removeprefix("SchemaError: ") if said else str(error)
        raise Unfit(msg("pack.rule-ids-not-linear", reason=reason)) from None
    return value


@record(kw_only=True)
class PackInfo(Strict):
    """``pack.yaml``: what the pack transcribes, and the facts of that policy the engine needs.

    ``schedule_base``: the year a linear schedule grows from (target × (Y − base) / (due − base)); by default
    the year before the issue. ``rule_ids``: the pattern every rule ID of the pack follows. ``units``: the
    file with the reporting units. ``bodies``: the English name of each responsible body the rules name (as
    their ``responsible:`` writes it); a body not given is shown as written in English too.
    """

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    document: str
    title: Text
    issued: date
    schedule_base: Annotated[int | None, Field(ge=1900, le=2100)] = None
    rule_ids: Annotated[str, After(_a_pattern)] = RULE_ID
    policy: str = "policy.md"
    units: str = "units.yaml"
    clauses: list[Clause]
    annex: list[AnnexItem] = dataclasses.field(default_factory=list)
    bodies: dict[str, Annotated[str, Field(min_length=1)]] = dataclasses.field(default_factory=dict)
    # an amendment pack ending other packs' rules from a year on, none taking over (``Retirement``)
    retires: list[Retirement] = dataclasses.field(default_factory=list)

    def borrowed(self, clause: int, item: int | None) -> list[int]:
        """The clauses an annex item serves when it is not the rule's own clause's item (else ``[]``)."""
        served = next((a.clauses for a in self.annex if a.item == item), None)
        return served if served is not None and clause not in served else []

    def body(self, name: str) -> Text:
        """A responsible body as a rule names it, in both languages (its English name from ``bodies``)."""
        return Text(zh=name, en=self.bodies.get(name, name))

    @property
    def base_year(self) -> int:
        return self.schedule_base if self.schedule_base is not None else self.issued.year - 1
