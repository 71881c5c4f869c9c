"""Rule kinds: one module each, named by the ``kind`` a rule file gives.

A kind module defines the rule's record (its fields beyond ``vocabulary.RuleBase``, checked by Pydantic when a
rule file is read) and how it measures: ``measure(rule, scope) -> Measure``, the observed value, whether the
target is met, the arithmetic (as wording, which views render in their language), which the record's
``measure`` method calls; and the values that observed value can take (``observed_range``). ``AnyRule`` is
the registry of kinds: to add one, write its module here and add its record to the union.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from zhijiao_check.kinds.count import CountRule
from zhijiao_check.kinds.count import measurer as count_measurer
from zhijiao_check.kinds.coverage import CoverageRule
from zhijiao_check.kinds.every import EveryRule
from zhijiao_check.kinds.every import measurer as every_measurer
from zhijiao_check.kinds.flag import FlagRule
from zhijiao_check.kinds.flag import measurer as flag_measurer
from zhijiao_check.kinds.ratio import RatioRule
from zhijiao_check.kinds.total import TotalRule

if TYPE_CHECKING:
    from zhijiao_check.measure.outcome import Measure
    from zhijiao_check.measure.scope import Scope

AnyRule = RatioRule | TotalRule | CountRule | FlagRule | EveryRule | CoverageRule
"""A rule of any kind, told apart by its ``kind`` field (``pack.schema.RuleFile``):
what rule files hold, the engine measures and results refer to.
"""


def measurer(rule: AnyRule) -> Callable[[Scope], Measure]:
    """What measures the rule over a scope (``rule.measure``): an ``every``, ``flag`` or ``count`` rule's
    worked out once a run into one function (its module's ``measurer``), which the evaluator keeps with the
    rule's steps of a year."""
    made = _MEASURERS.get(rule.__class__)
    return rule.measure if made is None else made(rule)


# The kinds whose measure is made once a run for each rule (``measurer``), by their record
_MEASURERS: dict[type, Callable[[Any], Callable[[Scope], Measure]]] = {
    EveryRule: every_measurer,
    FlagRule: flag_measurer,
    CountRule: count_measurer,
}


def computed_target(rule: AnyRule) -> bool:
    """Whether the rule's target is computed for each report or year rather than given as a number: held
    against another figure (``compare_to``) or against the report's year plus a number (``year_plus``). Its
    ``target.value`` then means nothing (the record's default, 1): the one test of it, so that a result's
    target, a trend's and a projection cannot disagree."""
    # isinstance, not getattr: getattr on a record without the field raises inside Pydantic, slowly
    if isinstance(rule, TotalRule):
        return rule.compare_to is not None or rule.year_plus is not None
    return isinstance(rule, RatioRule) and rule.compare_to is not None


def stated_target(rule: AnyRule) -> tuple[str, Any]:
    """``(op, value)``: what the rule holds its observed value against, as the rule itself states it. A yes/no
    fact (``flag``) must be true: ``("==", True)``, whatever its record's unused ``target`` holds. A computed
    target (``computed_target``) has no value of its own: ``None``, which only a result knows
    (``RuleResult.compared_to``). The one place both are decided, so that a result's target, a trend's, a
    refused year's and a projection cannot disagree."""
    known = _STATED.get(id(rule))
    if known is not None and known[0] is rule:
        return known[1]
    stated: tuple[str, Any] = ("==", True)
    if not isinstance(rule, FlagRule):
        stated = rule.target.op, None if computed_target(rule) else rule.target.value
    _STATED[id(rule)] = (rule, stated)
    return stated


# What each rule states (``stated_target``), by the rule's id and kept with it (so that its id cannot be
# taken by another): asked of every result twice, by its document entry and the trends' figures.
_STATED: dict[int, tuple[AnyRule, tuple[str, Any]]] = {}


def reads_city_block(rule: AnyRule) -> bool:
    """A rule whose figure is read, in whole or in part, from the 市本级 report's ``city:`` block: a
    city-wide target that 市本级 answers for, which its ``--per-unit`` page shows beside its own results."""
    return any(field.startswith("city.") for field in rule.reads())


def reads_city_block_only(rule: AnyRule) -> bool:
    """A rule that reads nothing but the 市本级 ``city:`` block, which is there whenever city rules run: the
    units missing from a year can change neither its figure nor its status."""
    return all(field.startswith("city.") for field in rule.reads())
