"""The rule-file schema: a rule is one of the kinds, told apart by its ``kind`` field."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from zhijiao_check.kinds import AnyRule
from zhijiao_check.vocabulary import Strict, Text


class RuleFile(Strict):
    """A rule file of a pack (any ``*.yaml`` but ``pack.yaml`` and ``units.yaml``; files are read in name order)."""

    rules: list[AnyRule]


class Clause(Strict):
    """A clause of the policy: its title, and why no rule transcribes it when none does."""

    number: int
    title: str
    untranscribed: Text | None = None


class PackInfo(Strict):
    """``pack.yaml``: what the pack transcribes."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    document: str
    title: Text
    issued: date
    policy: str = "policy.md"
    clauses: list[Clause]
