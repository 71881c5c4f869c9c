"""Settings a rule gives that the engine would not honour, and targets its figure can never reach, refused
when the pack loads (docs/packs.md, "Errors a pack loader reports").

Each loaded and then did nothing, or something else than written: ``units: [county]`` on a city rule (a
city-wide sum is over every unit's report), ``by_unit`` on a rule judged on one unit's report (the only share
is the unit's own), ``scope: school`` on a rule that measures one figure for the report (no school is judged
on its own), ``linear`` where the target is no number to spread over the years (``是 × (年份 − 2020) / …``),
a ``coverage`` target above the number of values it lists (never met), a ratio's sum of no terms (0: a
denominator of none made the rule ``not_applicable`` for every unit) or of a term written twice (its figure
counted twice), ``expected_max`` on a rule that is no ``count`` (only a count reports a figure above the
policy's range), and a sum's ``otherwise:`` or ``where:`` without its ``over:`` (a report field is summed as
it is: both are read only for the items of a collection), ``units: []`` (the rule ran on no report) and a
``when:`` of ``status: []`` (never met). Said at the setting, with what to write.

Run only when a pack is first loaded, never for a kept one (``pack.cache``).
"""

from __future__ import annotations

import math

from zhijiao_check.kinds import AnyRule, computed_target
from zhijiao_check.kinds.coverage import CoverageRule
from zhijiao_check.kinds.every import EveryRule
from zhijiao_check.kinds.flag import FlagRule
from zhijiao_check.kinds.ratio import RatioRule
from zhijiao_check.measure.scope import SCHOOL_COLLECTIONS
from zhijiao_check.pack.fields import Path_, field_type, item_type, parts
from zhijiao_check.pack.values import Wrong, required_meant, yaml_literal
from zhijiao_check.problems import format_path
from zhijiao_check.units import UNIT_KINDS
from zhijiao_check.vocabulary import Sum
from zhijiao_check.wording import Msg, msg


def unhonoured(rule: AnyRule) -> list[Wrong]:
    """Each setting of the rule that would have no effect or a false one, and each target number its
    figure can never reach."""
    found: list[Wrong] = []
    if not rule.units:
        # the rule ran on no report: not_applicable for every unit, a passed rule lost from each score
        found.append((("units",), msg("pack.units-empty", id=rule.id)))
    elif rule.scope == "city" and set(rule.units) != set(UNIT_KINDS):
        # ``units`` picks the reports a unit or school rule is run on (engine.evaluate); a city rule is run
        # once a year over them all, and the units missing are said of every unit of the list
        units = f"[{', '.join(rule.units)}]"
        found.append((("units",), msg("pack.units-city", id=rule.id, units=units)))
    if rule.when is not None and not rule.when.status:
        # a condition of no status is never met: the rule read not_applicable everywhere
        said = msg("pack.when-status-empty", id=rule.id, rule=rule.when.rule)
        found.append((("when", "status"), said))
    if isinstance(rule, RatioRule) and rule.by_unit and rule.scope != "city":
        found.append((("by_unit",), msg("pack.by-unit-not-city", id=rule.id, scope=rule.scope)))
    if rule.scope == "school":
        found += _not_of_schools(rule)
    if rule.time.linear:
        why = _no_number(rule)
        if why is not None:
            found.append((("time", "linear"), msg("pack.linear-not-number", id=rule.id, why=why)))
    if isinstance(rule, CoverageRule):
        found += _beyond_required(rule)
    if isinstance(rule, RatioRule):
        found += _sums(rule)
    if rule.target.expected_max is not None and rule.kind not in _RANGED:
        found.append((("target", "expected_max"), _expected_max(rule, rule.target.expected_max)))
    found += _not_over_items(rule)
    return found


# The kinds whose measure reads ``expected_max``: a count above the policy's range (``1-2所``) is reported
_RANGED = ("count",)


def _expected_max(rule: AnyRule, high: float) -> Msg:
    """``expected_max`` on a kind that never reads it: a figure above it was neither reported nor failed."""
    kinds = ", ".join(_RANGED)
    return msg("pack.expected-max-kind", id=rule.id, kind=rule.kind, found=yaml_literal(high), kinds=kinds)


def _not_over_items(rule: AnyRule) -> list[Wrong]:
    """A sum's ``otherwise:`` and ``where:`` given without ``over:``: ``measure.sums.total`` reads a report
    field as it is, and reads both only for the items of a collection, so they were silently ignored (every
    school's teachers summed, not the public schools'). Said at each, with the sum over the items to write
    where the collection can be told."""
    found: list[Wrong] = []
    for node, path, _ in parts(rule):
        if not isinstance(node, Sum) or node.over is not None:
            continue
        given = [("otherwise", node.otherwise is not None), ("where", bool(node.where))]
        for key, present in given:
            if present:
                said = msg(
                    "pack.sum-needs-over", id=rule.id, key=key, term=_written(node), write=_over_for(node)
                )
                found.append(((*path, key), said))
    return found


def _over_for(term: Sum) -> str:
    """The sum over items to write for ``term``: over the one collection whose items have its field (and its
    ``otherwise``), else ``over: …`` for the author to name it."""
    from zhijiao_check.pack.unknown import collections

    fields = [term.field, *([term.otherwise] if term.otherwise is not None else [])]
    have = [over for over in collections() if all(field_type(over, f) is not None for f in fields)]
    over = have[0] if len(have) == 1 else "…"
    return _written(Sum(field=term.field, over=over, where=term.where, otherwise=term.otherwise))


def _sums(rule: RatioRule) -> list[Wrong]:
    """Each sum of the ratio adds something, and each term once. An empty denominator is 0, and the rule
    read ``not_applicable`` for every unit (a failing county passed the check), an empty numerator made
    every ratio 0; a term written twice counted its figure twice (a share of 30% read as 60%)."""
    fractions: list[tuple[Path_, list[Sum]]] = [
        (("numerator",), rule.numerator),
        (("denominator",), rule.denominator),
    ]
    if rule.compare_to is not None:
        fractions += [
            (("compare_to", "numerator"), rule.compare_to.numerator),
            (("compare_to", "denominator"), rule.compare_to.denominator),
        ]
    found: list[Wrong] = []
    for at, terms in fractions:
        key = str(at[-1])
        if not terms:
            why = msg("pack.sum-empty-numerator" if key == "numerator" else "pack.sum-empty-denominator")
            found.append((at, msg("pack.sum-empty", id=rule.id, key=key, why=why)))
        for index, term in enumerate(terms):
            first = terms.index(term)
            if first < index:
                said = msg(
                    "pack.sum-term-twice",
                    id=rule.id,
                    key=key,
                    term=_written(term),
                    first=format_path((*at, first)),
                )
                found.append(((*at, index), said))
    return found


def _written(term: Sum) -> str:
    """A term of a sum as a rule file writes it: ``funding.new_vocational``, ``{over: schools, field:
    teachers, otherwise: …}``."""
    if term.over is None and not term.where and term.otherwise is None:
        return term.field
    keys = [("over", term.over), ("field", term.field), ("otherwise", term.otherwise)]
    shown = [f"{key}: {value}" for key, value in keys if value is not None]
    if term.where:
        shown.append("where: […]")
    return "{" + ", ".join(shown) + "}"


def _not_of_schools(rule: AnyRule) -> list[Wrong]:
    """``scope: school`` where no school is judged on its own: the engine runs school and unit rules alike,
    on each report, so the scope says only how the catalogue names the rule, and a rule that measures one
    figure for the report named as a school rule let its author believe each school was held to it."""
    if not isinstance(rule, EveryRule):
        return [(("scope",), msg("pack.school-scope-kind", id=rule.id, kind=rule.kind))]
    if rule.of.over not in SCHOOL_COLLECTIONS and item_type(rule.of.over) is not None:  # else said apart
        return [(("scope",), msg("pack.school-scope-over", id=rule.id, over=rule.of.over))]
    return []


def _no_number(rule: AnyRule) -> Msg | None:
    """Why the rule's target is no number a linear schedule could spread over the years (None: it is one):
    ``timing.expected`` multiplies the target's value, the default 1 where the rule gives none."""
    if isinstance(rule, FlagRule):
        return msg("pack.linear-flag")
    if computed_target(rule):
        return msg("pack.linear-computed")
    value = rule.target.value
    if isinstance(value, list):
        return msg("pack.linear-range", low=yaml_literal(value[0]), high=yaml_literal(value[1]))
    return None


def _beyond_required(rule: CoverageRule) -> list[Wrong]:
    """A target above the number of values ``required`` lists: never met (``>=``, ``==``, a range's low end)
    or always met (``<=``, a range's high end), as a share above its bound is (``values._beyond_share``)."""
    # an item that joins several values (``values.joined``) is said as those: no cause to lower the target
    count = len(required_meant(rule))
    value = rule.target.value
    values = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
    found: list[Wrong] = []
    for index, number in values:
        if not math.isfinite(number) or number <= count:
            continue  # a number that is not finite is said by ``values._not_finite``
        never = rule.target.op in (">=", ">", "==") or index == 0
        at: Path_ = ("target", "value") if index is None else ("target", "value", index)
        found.append(
            (
                at,
                msg(
                    "pack.target-above-required",
                    id=rule.id,
                    found=yaml_literal(number),
                    count=count,
                    met=msg("pack.never-met" if never else "pack.always-met"),
                ),
            )
        )
    return found
