"""A rule of one pack taking over a rule of another from a year on (``time: {from: 2024, replaces: ID}``), the
other pack untouched: an amendment pack changes a base pack's threshold without a copy of the base pack. An
amendment's ``pack.yaml`` may also end another pack's rule with none taking over (``retires: [{rule: ID,
from: 2024}]``): the rule is judged until the year before, as its own ``until`` would say.

The rule it names ends the year before (its ``until``), the new rule named as its ``replaced_by``: from then
on the run is the same as with the base pack copied and the two written there (docs/packs.md, "A threshold
changed from a year on"), in its results, trends, catalogue and ``explain``. It is applied each run, after the
packs load (``pack.load.load_packs``): a kept pack (``pack.cache``) is its own files as written, whichever
amendment a run adds to it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from typing import Protocol, TypeVar

from zhijiao_check.kinds import AnyRule
from zhijiao_check.pack.listed import nearest_rule
from zhijiao_check.pack.placed import pack_problem
from zhijiao_check.pack.schema import PackInfo
from zhijiao_check.problems import Problem


class RuleSource(Protocol):
    """Where a rule is written (``pack.load.RuleSource``), as this module reads it."""

    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def replaces_at(self) -> tuple[int, int] | None: ...
    @property
    def start_at(self) -> tuple[int, int] | None: ...


class Pack(Protocol):
    """A loaded pack (``pack.load.RulePack``), as this module reads it: the loader imports this module."""

    @property
    def id(self) -> str: ...
    @property
    def info(self) -> PackInfo: ...
    @property
    def rules(self) -> tuple[AnyRule, ...]: ...
    @property
    def sources(self) -> Mapping[str, RuleSource]: ...
    @property
    def last_due(self) -> int | None: ...
    @property
    def info_file(self) -> str: ...
    @property
    def retires_at(self) -> tuple[tuple[tuple[int, int], tuple[int, int]], ...]: ...


P = TypeVar("P", bound=Pack)


def replaced(packs: Sequence[P]) -> tuple[list[P], list[Problem]]:
    """``packs`` with each rule another pack's rule ``replaces`` ended the year before that rule's start; or
    ``packs`` as they are and what is wrong with a ``replaces``: naming no rule of the run, a rule of its own
    pack (which its own ``until`` ends), a rule already replaced (by its own ``replaced_by``, or by an
    earlier ``replaces``), a start year the rule named is not judged in."""
    owners = {rule.id: (pack, rule) for pack in reversed(packs) for rule in pack.rules}  # the first pack's
    # the rule replaced (or retired): its last year, the rule that takes over (None: none, ``retires``)
    ends: dict[str, tuple[int, str | None]] = {}
    ended_at: dict[str, str] = {}  # where each rule of ``ends`` is ended, ``file:line``
    problems: list[Problem] = []
    for pack in packs:
        for rule in pack.rules:
            name = rule.time.replaces
            start = rule.time.start
            if name is None or start is None:  # a start is required with it (vocabulary.Time)
                continue
            where = pack.sources[rule.id]
            said: dict[str, object] = {"id": rule.id, "rule": name, "start": start, "until": start - 1}
            owned = owners.get(name)
            if owned is None:
                problems.append(_unknown(rule, where, said, owners))
                continue
            owner, old = owned
            there = owner.sources[name]
            said |= {"pack": owner.id, "at": f"{there.file}:{there.line}"}
            if name == rule.id:  # itself: a rule of that ID there is, so not "no such rule"
                code = "replaces-self"
            else:
                code = _refused("replaces", pack, owned, ends, ended_at, said)
            if code:
                at = where.replaces_at or (where.line, 1)
                problems.append(pack_problem(where.file, at, f"{rule.id}.time.replaces", code, **said))
                continue
            outside = _outside(start, owner, old, said)
            if outside is not None:
                at = where.start_at or where.replaces_at or (where.line, 1)
                key = "from" if rule.time.every_year is None else "every_year"
                problems.append(pack_problem(where.file, at, f"{rule.id}.time.{key}", outside, **said))
                continue
            ends[name] = (start - 1, rule.id)
            ended_at[name] = f"{where.file}:{where.line}"
    for pack in packs:
        problems += _retired(pack, owners, ends, ended_at)
    if problems or not ends:
        return list(packs), problems
    return [_ending(pack, ends) for pack in packs], []


# a year ``_outside`` refuses, said of an entry of ``retires``
_RETIRES_YEAR = {
    "replaces-year-early": "retires-year-early",
    "replaces-year-late": "retires-year-late",
    "replaces-year-late-until": "retires-year-late-until",
}


def _retired(
    pack: Pack,
    owners: Mapping[str, tuple[Pack, AnyRule]],
    ends: dict[str, tuple[int, str | None]],
    ended_at: dict[str, str],
) -> list[Problem]:
    """Each rule ``pack.yaml``'s ``retires`` names put in ``ends`` (ended the year before its ``from``, no
    rule taking over); what is wrong with an entry, at its ``rule`` or its ``from``, as for ``replaces``: a
    rule no pack of the run has, one of its own pack (its own ``until`` ends it), one already replaced or
    ended, a year the rule is not judged in. ``ended_at``: where each rule of ``ends`` is ended (a
    ``replaces`` or an entry of ``retires``), ``file:line``."""
    problems: list[Problem] = []
    for index, entry in enumerate(pack.info.retires):
        name, start = entry.rule, entry.from_
        rule_at, year_at = pack.retires_at[index] if index < len(pack.retires_at) else ((1, 1), (1, 1))
        path = f"retires[{index}]"
        said: dict[str, object] = {"rule": name, "start": start, "until": start - 1}
        owned = owners.get(name)
        if owned is None:
            said["near"] = nearest_rule(name, owners, "")
            problems.append(pack_problem(pack.info_file, rule_at, f"{path}.rule", "retires-unknown", **said))
            continue
        owner, old = owned
        there = owner.sources[name]
        said |= {"pack": owner.id, "at": f"{there.file}:{there.line}"}
        code = _refused("retires", pack, owned, ends, ended_at, said)
        if code:
            problems.append(pack_problem(pack.info_file, rule_at, f"{path}.rule", code, **said))
            continue
        outside = _outside(start, owner, old, said)
        if outside is not None:
            code = _RETIRES_YEAR[outside]
            problems.append(pack_problem(pack.info_file, year_at, f"{path}.from", code, **said))
            continue
        ends[name] = (start - 1, None)
        ended_at[name] = f"{pack.info_file}:{rule_at[0]}"
    return problems


def _refused(
    kind: str,
    pack: Pack,
    owned: tuple[Pack, AnyRule],
    ends: Mapping[str, tuple[int, str | None]],
    ended_at: Mapping[str, str],
    said: dict[str, object],
) -> str:
    """Why ``pack``'s ``replaces`` or ``retires`` (``kind``) may not end the rule ``owned`` (its pack and
    itself), as a problem's code, what it names put in ``said``; "" when it may: a rule of its own pack, a
    rule already replaced (its own ``replaced_by``) or already ended (``ends``, at ``ended_at``)."""
    own_pack, already_replaced, twice = _REFUSALS[kind]
    owner, old = owned
    if owner.id == pack.id:
        return own_pack
    if old.time.replaced_by is not None:
        said |= {"other": old.time.replaced_by, "last": old.time.until}
        return already_replaced
    if old.id in ends:
        said |= {"other": ends[old.id][1], "other_at": ended_at[old.id]}
        return twice
    return ""


# each kind's codes, written whole so that the message catalogues' test finds them
_REFUSALS = {
    "replaces": ("replaces-own-pack", "replaces-already-replaced", "replaces-twice"),
    "retires": ("retires-own-pack", "retires-already-replaced", "retires-twice"),
}


def _unknown(rule: AnyRule, where: RuleSource, said: dict[str, object], owners: Collection[str]) -> Problem:
    """A ``replaces`` naming no rule of the run's packs, the nearest ID named."""
    said["near"] = nearest_rule(rule.time.replaces or "", owners, rule.id)
    at = where.replaces_at or (where.line, 1)
    return pack_problem(where.file, at, f"{rule.id}.time.replaces", "replaces-unknown", **said)


def _outside(start: int, owner: Pack, old: AnyRule, said: dict[str, object]) -> str | None:
    """The problem's code when ``start`` is no year to take ``old`` (of ``owner``) over in, its years put in
    ``said``; else None. The years are those of the plan ``old`` is judged in, after its first (from it, the
    old rule would be judged in no year): up to the year after its own ``until``, else after its pack's last
    due year (the plan's end: the next plan's first year may change a target)."""
    first = old.time.start if old.time.start is not None else owner.info.issued.year
    last = old.time.until if old.time.until is not None else owner.last_due
    said |= {"first": first, "low": first + 1}
    if start <= first:
        return "replaces-year-early"
    if last is not None and start > max(last, first) + 1:
        said |= {"last": last, "high": max(last, first) + 1}
        return "replaces-year-late-until" if old.time.until is not None else "replaces-year-late"
    return None


def _ending(pack: P, ends: dict[str, tuple[int, str | None]]) -> P:
    """``pack`` with each of its rules in ``ends`` judged until its year, the rule that takes over named."""
    if not any(rule.id in ends for rule in pack.rules):
        return pack
    rules = tuple(_ended(rule, *ends[rule.id]) if rule.id in ends else rule for rule in pack.rules)
    made: P = dataclasses.replace(pack, rules=rules)  # type: ignore[type-var]  # a record: a dataclass
    return made


def _ended(rule: AnyRule, until: int, by: str | None) -> AnyRule:
    time = dataclasses.replace(rule.time, until=until, replaced_by=by)
    return dataclasses.replace(rule, time=time)
