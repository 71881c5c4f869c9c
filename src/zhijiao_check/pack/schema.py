"""The rule-file schema: a rule is one of the kinds, told apart by its ``kind`` field."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from typing import Annotated

from zhijiao_check.kinds import AnyRule
from zhijiao_check.records import record
from zhijiao_check.vocabulary import RULE_ID, After, Field, Strict, Text


@record(kw_only=True)
class RuleFile(Strict):
    """A rule file of a pack (any ``*.yaml`` but ``pack.yaml`` and ``units.yaml``;
    files are read in name order).
    """

    rules: list[Annotated[AnyRule, Field(discriminator="kind")]]


@record(kw_only=True)
class Clause(Strict):
    """A clause of the policy: its title, and why no rule transcribes it when none does."""

    number: int
    title: str
    untranscribed: Text | None = None


@record(kw_only=True)
class AnnexItem(Strict):
    """An item of the policy's annex (工作任务清单) and the clauses whose work it lists."""

    item: Annotated[int, Field(ge=1)]
    clauses: list[int]


def _a_pattern(value: str) -> str:
    try:
        re.compile(value)
    except re.error as error:
        raise ValueError(f"not a regular expression: {error}") from None
    return value


@record(kw_only=True)
class PackInfo(Strict):
    """``pack.yaml``: what the pack transcribes, and the facts of that policy the engine needs.

    ``schedule_base``: the year a linear schedule grows from (target × (Y − base) / (due − base)); by default
    the year before the issue. ``rule_ids``: the pattern every rule ID of the pack follows. ``units``: the
    file with the reporting units.
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

    def borrowed(self, clause: int, item: int | None) -> list[int]:
        """The clauses an annex item serves when it is not the rule's own clause's item (else ``[]``)."""
        served = next((a.clauses for a in self.annex if a.item == item), None)
        return served if served is not None and clause not in served else []

    @property
    def base_year(self) -> int:
        return self.schedule_base if self.schedule_base is not None else self.issued.year - 1
