"""Rule kinds: one module each, named by the ``kind`` a rule file gives.

A kind module defines the rule's model (its fields beyond ``vocabulary.RuleBase``) and how it measures:
``measure(rule, scope) -> Measure``, the observed value, whether the target is met, the arithmetic (as
wording, which views render in their language), which the model's ``measure`` method calls. ``AnyRule`` is the
registry of kinds: to add one, write its module here and add its model to the union.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Protocol

from pydantic import Field

from zhijiao_check.kinds.count import CountRule
from zhijiao_check.kinds.coverage import CoverageRule
from zhijiao_check.kinds.every import EveryRule
from zhijiao_check.kinds.flag import FlagRule
from zhijiao_check.kinds.ratio import RatioRule
from zhijiao_check.kinds.total import TotalRule

if TYPE_CHECKING:
    from zhijiao_check.measure.outcome import Measure
    from zhijiao_check.measure.scope import Scope

AnyRule = Annotated[
    RatioRule | TotalRule | CountRule | FlagRule | EveryRule | CoverageRule,
    Field(discriminator="kind"),
]
"""A rule of any kind, told apart by its ``kind`` field:
what rule files hold, the engine measures and results refer to.
"""


class Kind(Protocol):
    """What the engine asks of a rule, whatever its kind."""

    @property
    def id(self) -> str: ...

    def reads(self) -> list[str]: ...

    def measure(self, scope: Scope) -> Measure: ...
