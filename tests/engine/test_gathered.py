"""A city-wide year gathers each collection and field of its reports once for all its rules, and lets go of
what no rule still to run reads (``Scope.keep_only``): the same results, held for no longer than needed."""

from __future__ import annotations

from collections import Counter

import pytest

from zhijiao_check.engine.evaluate import _still_read, evaluate_city
from zhijiao_check.measure.scope import Scope, root, roots
from zhijiao_check.pack.load import load_packs

from .test_keep import samples


@pytest.mark.parametrize(
    ("field", "top"),
    [
        ("schools", "schools"),
        ("schools[].level", "schools"),
        ("city.park_funding[].amount", "city"),
        ("pathway_3plus2.current", "pathway_3plus2"),
        (" training_bases[].industry ", "training_bases"),
        ("craftsman_students", "craftsman_students"),
    ],
)
def test_a_field_is_gathered_under_its_top_level_field(field: str, top: str) -> None:
    assert root(field) == top


def test_a_schools_collection_is_read_through_the_schools_too() -> None:
    assert roots(["majors[].school.level"]) == {"majors", "schools"}
    assert roots(["enterprise_practice[].teachers"]) == {"enterprise_practice", "schools"}
    assert roots(["schools[].professional_teachers | schools[].teachers", "city.x"]) == {"schools", "city"}


def test_each_rule_is_told_what_the_rules_after_it_read() -> None:
    rules = [rule for pack in load_packs([], None) for rule in pack.rules if rule.scope == "city"]
    later = _still_read(rules)
    assert later[-1] == frozenset()
    for index, rule in enumerate(rules):
        for before in later[:index]:
            assert roots(rule.reads()) <= before
    last_majors = max(i for i, rule in enumerate(rules) if "majors" in roots(rule.reads()))
    assert "majors" in later[last_majors - 1] and "majors" not in later[last_majors]


def test_a_city_wide_year_lets_go_of_the_majors_once_read_and_gathers_nothing_twice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    packs = load_packs([], None)
    year = {2023: samples(2023)}
    whole, _ = evaluate_city(year, packs)

    gathered: Counter[str] = Counter()
    held: list[set[str]] = []
    gather, field, keep_only = Scope._gather, Scope.field, Scope.keep_only

    # the year's own scope (a rule listing each unit's share measures each unit in a scope of its own)
    def counted_gather(self: Scope, collection: str) -> object:
        gathered["items " + collection] += self.city
        return gather(self, collection)

    def counted_field(self: Scope, name: str) -> object:
        if name not in self._fields:
            gathered["field " + name] += self.city
        return field(self, name)

    def watched(self: Scope, still: frozenset[str]) -> None:
        keep_only(self, still)
        held.append({*self._items, *self._fields})

    monkeypatch.setattr(Scope, "_gather", counted_gather)
    monkeypatch.setattr(Scope, "field", counted_field)
    monkeypatch.setattr(Scope, "keep_only", watched)
    again, _ = evaluate_city(year, packs)

    assert again == whole
    assert gathered and max(gathered.values()) == 1, gathered
    rules = [rule for pack in packs for rule in pack.rules if rule.scope == "city"]
    assert len(held) == len(rules)
    read_majors = [i for i, rule in enumerate(rules) if "majors" in roots(rule.reads())]
    assert "majors" in held[read_majors[0]]
    assert all("majors" not in now for now in held[read_majors[-1] :])
    assert held[-1] == set()
