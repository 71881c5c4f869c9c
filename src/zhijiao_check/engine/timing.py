"""From a measure to a status: the time words of the policy (targets.md, "Time words").

``due: D`` — from year D on, pass / fail; before D, pass if already met, else pending, or behind when the rule
is linear and the observed value is below the schedule target × (Y − B) / (D − B), B the pack's schedule base
(pack.yaml's ``schedule_base``: 2020 for the built-in pack, whose counts grow from zero from the end of 2020).
``every_year``/``from`` — not applicable before that year, pass / fail from it on (``from`` with ``due``: not
applicable before ``from``, then as ``due``).
``until: U`` — with any of them: not applicable after U, the last statistical year the rule applies.
"""

from __future__ import annotations

from fractions import Fraction

from zhijiao_check.measure.numbers import Exact, exact, meets
from zhijiao_check.measure.outcome import Measure
from zhijiao_check.status import Status
from zhijiao_check.vocabulary import RuleBase


def is_due(rule: RuleBase, year: int) -> bool:
    """Whether the rule is judged pass/fail this year (rather than pending, or not yet applicable)."""
    time = rule.time
    first = time.due if time.due is not None else time.start
    return first is None or year >= first


def applies_in(rule: RuleBase, year: int) -> bool:
    start = rule.time.start
    return (start is None or year >= start) and not rule.time.retired_in(year)


def expected(rule: RuleBase, year: int, base: int) -> float | None:
    """The linear schedule's value for the year, for a linear rule before its due year (growing from
    ``base``): the float nearest ``exact_schedule``, as it is shown."""
    schedule = exact_schedule(rule, year, base)
    return None if schedule is None else float(schedule)


def exact_schedule(rule: RuleBase, year: int, base: int) -> Exact | None:
    """``expected`` exactly, as a status compares it: 45% × 2 / 5 is 9/50, where in floats it is a rounding of
    a rounding and may lie an ulp from the share 9/50 it should equal."""
    time = rule.time
    value = rule.target.value
    if not time.linear or time.due is None or year >= time.due or isinstance(value, list):
        return None
    return exact(value) * Fraction(year - base, time.due - base)


def judged(rule: RuleBase, measure: Measure) -> Status:
    if not measure.applicable:
        return Status.NOT_APPLICABLE
    if measure.met is None:
        return Status.MISSING
    if measure.met:
        return Status.PASS
    if measure.near or rule.severity == "warning":
        return Status.WARN
    return Status.FAIL


def decide(rule: RuleBase, year: int, measure: Measure, base: int) -> Status:
    """The status of a rule that applies this year (``applies_in``), given what its kind measured."""
    return decided(rule, measure, is_due(rule, year), exact_schedule(rule, year, base))


def decided(rule: RuleBase, measure: Measure, due: bool, schedule: Exact | None) -> Status:
    """``decide``, given whether the rule is due that year (``is_due``) and its ``exact_schedule``: the same
    for every report of a year, which the evaluator works out once (``engine.evaluate._times``)."""
    if due:
        return judged(rule, measure)
    if not measure.applicable:
        return Status.NOT_APPLICABLE
    if measure.met:
        return Status.PASS
    if measure.met is False and schedule is not None and not meets(measure.seen, rule.target, schedule):
        return Status.BEHIND
    return Status.PENDING
