"""``UnitRegistry`` over the years: a unit created in a later year (``Unit.since``) and a chain of mergers
(A into B in 2023, B into C in 2025), each name and code found by one lookup."""

from __future__ import annotations

from zhijiao_check.units import Merged, Renamed, Unit, UnitRegistry

C = Unit("祁阳市", "county", "431181")
NEW = Unit("新区管理区", "management_area", "431199", since=2024)
A = Merged("金洞管理区", "management_area", into="回龙圩管理区", year=2023, code="431198")
B = Merged("回龙圩管理区", "management_area", into="祁阳市", year=2025)
UNITS = UnitRegistry([C, NEW], [Renamed("祁阳县", "祁阳市", 2021, "431121")], [A, B])


def test_a_unit_created_later_is_no_unit_before_its_year_and_says_why() -> None:
    assert UNITS.unit_in(NEW.name, 2023) is None and UNITS.coded("431199", 2023) is None
    assert UNITS.unit_in(NEW.name, 2024) == NEW == UNITS.coded("431199", 2024)
    assert UNITS.unit_in(NEW.name, None) == NEW  # a report of no year: the year's own error is said
    assert UNITS.change(NEW.name, 2023) == NEW == UNITS.change("431199", 2023)
    assert UNITS.change(NEW.name, 2024) is None
    assert NEW.name not in [u.name for u in UNITS.units_in(2023)]
    assert NEW.name in [u.name for u in UNITS.units_in(2024)]


def test_a_chain_of_mergers_names_the_unit_that_holds_the_figures_each_year() -> None:
    assert UNITS.change(A.name, 2024) == A == UNITS.change("431198", 2025)
    assert UNITS.joined(A, 2024) == "回龙圩管理区"
    assert UNITS.joined(A, 2025) == UNITS.joined(A, None) == "祁阳市"
    expected = {
        2022: ["祁阳市", "回龙圩管理区", "金洞管理区"],
        2023: ["祁阳市", "回龙圩管理区"],
        2025: ["祁阳市"],
    }
    for year, names in expected.items():
        assert [u.name for u in UNITS.units_in(year) if u.name != NEW.name] == names, year
    assert UNITS.order() == ["祁阳市", "回龙圩管理区", "金洞管理区", "新区管理区"]


def test_a_cycle_given_to_the_registry_ends() -> None:
    """The pack refuses a cycle (``merged-in-a-cycle``); built without the pack, following it still ends."""
    x = Merged("甲", "county", into="乙", year=2023)
    y = Merged("乙", "county", into="甲", year=2023)
    units = UnitRegistry([C], [], [x, y])
    assert units.joined(x, 2024) in ("甲", "乙")
    assert units.order() == ["祁阳市"] and [u.name for u in units.units_in(2022)] == ["祁阳市"]


def test_the_first_entry_wins_where_a_code_is_given_twice() -> None:
    twice = UnitRegistry([Unit("甲", "county", "1"), Unit("乙", "county", "1")], [], [])
    assert twice.coded("1", 2024) == Unit("甲", "county", "1") == twice.by_code("1")
    assert UNITS.old_code_of("祁阳市", "431121") == UNITS.renamed[0]
    assert UNITS.old_code_of(NEW.name, "431121") is None


def test_a_merged_unit_created_later_is_a_unit_from_its_since_to_the_year_before_its_merger() -> None:
    """金洞管理区 created in 2023 and merged into 祁阳市 in 2025: its own unit in 2023 and 2024 only; before
    2023 the name (or code) is refused as a unit not yet created, from 2025 as merged."""
    short = Merged("金洞管理区", "management_area", into="祁阳市", year=2025, code="431197", since=2023)
    units = UnitRegistry([C], [], [short])
    then = Unit("金洞管理区", "management_area", "431197", since=2023)
    for year, unit, change in (
        (2022, None, then),
        (2023, then, None),
        (2024, then, None),
        (2025, None, short),
    ):
        assert units.unit_in(short.name, year) == unit == units.coded("431197", year), year
        assert [u.name for u in units.units_in(year)] == ["祁阳市", *([short.name] if unit else [])], year
        if change is not None:
            assert units.change(short.name, year) == change == units.change("431197", year), year
