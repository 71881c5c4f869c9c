"""A flat run's units' trends (``commands.flat.unittrends``): each rule's trend written once for the units
whose years say the same of it, every unit's entry the text the whole run's document writes."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from zhijiao_check.commands.flat.spool import Figure, Said, Year, figure_in, held_apart
from zhijiao_check.commands.flat.unittrends import DEPTH, UnitTrendTexts
from zhijiao_check.document import unit_trends as unit_entry
from zhijiao_check.engine.runtrends import schedule_bases, unit_trends
from zhijiao_check.i18n import Translator
from zhijiao_check.jsontext import encoded
from zhijiao_check.pack.load import load_packs

PACKS = load_packs([])
RULES = [rule for pack in PACKS for rule in pack.rules]
BASES = schedule_bases(PACKS)
# Values equal to each other that the document writes apart (``true``, ``1``, ``1.0``; ``0.0``, ``-0.0``),
# and one no key tells exactly (a list)
OBSERVED = [True, 1, 1.0, False, 0, 0.0, -0.0, None, 2.5, 1e-05]
TARGETS = [True, 1, 1.0, 0.45, 45, None, "是", [1, 2]]
STATUSES = ["pass", "fail", "warn", "missing", "pending", "not_applicable", "waived", "behind"]

# a report's results: each rule once
results = st.dictionaries(
    st.integers(0, len(RULES) - 1),
    st.tuples(
        st.sampled_from(OBSERVED),
        st.sampled_from(STATUSES),
        st.sampled_from(TARGETS),
        st.sampled_from([True, False]),
    ),
    max_size=6,
).map(lambda by_place: [(place, *rest) for place, rest in by_place.items()])
unit_years = st.tuples(
    st.dictionaries(st.sampled_from([2022, 2023, 2024, 2025]), results, max_size=3),
    st.sets(st.sampled_from([2021, 2023, 2025])),  # years refused
    st.sets(st.sampled_from([2022, 2024, 2026])),  # years not filed
)


def spooled(years: dict[int, list[tuple[Any, ...]]]) -> list[tuple[int, Said]]:
    """Each year's results as the spool holds them (``spool.said_of``)."""
    return [
        (year, held_apart([one[0] for one in said], [one[1:] for one in said]))
        for year, said in years.items()
    ]


def whole(
    unit: str,
    years: dict[int, list[tuple[Any, ...]]],
    invalid: set[int],
    absent: set[int],
    all_years: frozenset[int] = frozenset(),
) -> bytes | None:
    """The unit's entry as the whole run writes it (``document.unit_trends`` of ``engine.trend``'s)."""
    evaluations = [
        Year(year, unit, "县市区", tuple(Figure(RULES[place], *rest) for place, *rest in figures))
        for year, figures in years.items()
    ]
    found = unit_trends(evaluations, BASES, invalid, absent, all_years) if evaluations else None
    return None if found is None else encoded(unit_entry(found, Translator("zh")), DEPTH)


@settings(max_examples=300, deadline=None)
@given(st.lists(unit_years, min_size=1, max_size=8), st.sets(st.integers(2021, 2026)))
def test_each_units_entry_is_the_whole_runs_text(units: list[Any], more_years: set[int]) -> None:
    # the run's years: every unit's, and some no unit below filed (a due year the run holds or not)
    run_years = frozenset(more_years).union(
        *(set(years) | invalid | absent for years, invalid, absent in units)
    )
    texts = UnitTrendTexts(RULES, BASES, Translator("zh"), run_years)  # one for every unit, as a run has
    for index, (years, invalid, absent) in enumerate(units):
        unit = f"单位{index}"
        if not years:
            continue
        made = texts.unit(unit, "县市区", spooled(years), invalid, absent)
        assert (made and made.entry) == whole(unit, years, invalid, absent, run_years)


# a unit's reports listing the same rules in the same places each year, as nearly every unit's do
same_places = st.tuples(
    st.lists(st.integers(0, len(RULES) - 1), unique=True, max_size=6),
    st.sets(st.sampled_from([2022, 2023, 2024, 2025]), max_size=3),
    st.data(),
)


@settings(max_examples=100, deadline=None)
@given(st.lists(same_places, min_size=1, max_size=6))
def test_units_whose_years_list_the_same_rules_have_the_whole_runs_text(units: list[Any]) -> None:
    texts = UnitTrendTexts(RULES, BASES, Translator("zh"), {2022, 2023, 2024, 2025})
    for index, (places, filed, data) in enumerate(units):
        said = st.tuples(
            st.sampled_from(OBSERVED),
            st.sampled_from(STATUSES),
            st.sampled_from(TARGETS),
            st.sampled_from([True, False]),
        )
        years = {year: [(place, *data.draw(said)) for place in places] for year in sorted(filed)}
        unit = f"单位{index}"
        made = texts.unit(unit, "县市区", spooled(years), (), ())
        assert (made and made.entry) == whole(unit, years, set(), set(), frozenset({2022, 2023, 2024, 2025}))


def test_a_rule_in_two_places_is_one_trend() -> None:
    """Two packs may hold a rule of one ID: its results in either place are one trend, in the place of the
    first, as ``trends_of`` groups them."""
    place = next(i for i, rule in enumerate(RULES) if rule.id == "c1.vocational-share")
    rules = [*RULES, RULES[place]]
    years = {2022: [(place, 0.4, "fail", 45.0, False)], 2023: [(len(RULES), 0.5, "pass", 45.0, False)]}
    made = UnitTrendTexts(rules, BASES, Translator("zh"), {2022, 2023}).unit(
        "零陵区", "县市区", spooled(years), (), ()
    )
    assert made is not None and [len(one.points) for one in made.trends] == [2]
    assert made.entry == whole(
        "零陵区",
        {2022: years[2022], 2023: [(place, 0.5, "pass", 45.0, False)]},
        set(),
        set(),
        frozenset({2022, 2023}),
    )


class Share(float):
    """A figure of a type marshal does not write (a subclass of float)."""


def test_a_value_marshal_refuses_is_held_by_pickle() -> None:
    said = [(0.5, "pass", Share(0.45), False), (1, "pass", 1.0, False)]
    _, held = held_apart([0, 1], said)
    assert [figure_in(one) for one in held] == said
    assert type(figure_in(held[0])[2]) is Share and type(figure_in(held[1])[0]) is int
    place = next(i for i, rule in enumerate(RULES) if rule.id == "c1.vocational-share")
    years = {year: [(place, 46.0, "pass", Share(45.0), False)] for year in (2022, 2023)}
    texts = UnitTrendTexts(RULES, BASES, Translator("zh"), {2022, 2023})
    made = texts.unit("零陵区", "县市区", spooled(years), (), ())
    assert made is not None and made.entry == whole("零陵区", years, set(), set(), frozenset({2022, 2023}))


def test_values_equal_but_written_apart_are_not_one_text() -> None:
    """``True``, ``1`` and ``1.0`` are equal, as are ``0.0`` and ``-0.0``: a text held for one is not the
    other's."""
    texts = UnitTrendTexts(RULES, BASES, Translator("zh"), {2022, 2023})
    place = next(i for i, rule in enumerate(RULES) if rule.id == "c1.vocational-share")
    seen = []
    for observed in (True, 1, 1.0, 0.0, -0.0):
        years = {year: [(place, observed, "pass", 45.0, False)] for year in (2022, 2023)}
        found = texts.unit("零陵区", "县市区", spooled(years), (), ())
        assert found is not None
        made = found.entry
        assert made == whole("零陵区", years, set(), set(), frozenset({2022, 2023}))
        seen.append(made)
    assert len(set(seen)) == 5
    assert b'"observed": -0.0' in seen[4] and b'"observed": true' in seen[0]
