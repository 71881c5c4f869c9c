"""A field of the city's own block (``city:``, only in the report of the city itself:
docs/report-format.md) in a rule whose units leave out ``city``: it loaded (the loader even suggested
``city.demonstration_enterprises`` for a misspelt field of such a rule), and every county was then
``missing``, or failed ``0 < 3`` with no line of its report to fix. Refused at the field, saying why and what
to write; never suggested there (``pack.unknown``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .common import at, edited, refused, run

ENTERPRISES = "    scope: city\n    kind: total\n    of: city.demonstration_enterprises"


def test_a_city_field_in_a_county_rule_is_refused_at_the_field(tmp_path: Path) -> None:
    pack, path = edited(
        tmp_path,
        "clause-08.yaml",
        ENTERPRISES,
        "    scope: unit\n    units: [county]\n    kind: total\n    of: city.demonstration_enterprises",
    )
    where = at(path, "of: city.demonstration_enterprises", "city")
    assert (
        f"{where}: c8.demonstration-enterprises.of: 规则 c8.demonstration-enterprises 读取的 "
        "city.demonstration_enterprises 是市本级项目（city:），只在市本级（类别 city）的报表中填写，"
        "但本规则的 units 是 [county]，不含 city：这些单位的报表没有它，每个单位都会是 missing 或不达标；"
        "要按市本级报表判定全市，写 scope: city 并删去 units，"
        "否则改读这些单位报表中的字段（见 zhijiao-check schema）"
    ) in refused(pack)
    assert (
        f"{where}: c8.demonstration-enterprises.of: rule c8.demonstration-enterprises reads "
        "city.demonstration_enterprises, a field of the city's own block (city:), which only the report of "
        "the city itself (kind city) gives, but the rule's units are [county], without city"
    ) in refused(pack, "en")


def test_a_city_flag_and_a_city_collection_in_a_unit_rule_are_refused(tmp_path: Path) -> None:
    pack, path = edited(
        tmp_path,
        "clause-15.yaml",
        "    scope: city\n    kind: flag",
        "    scope: unit\n    units: [county, development_zone]\n    kind: flag",
    )
    assert (
        f"{at(path, 'field: city.joint_meeting', 'city')}: c15.joint-meeting.field: 规则 c15.joint-meeting "
        "读取的 city.joint_meeting 是市本级项目（city:），只在市本级（类别 city）的报表中填写，"
        "但本规则的 units 是 [county, development_zone]，不含 city"
    ) in refused(pack)
    pack, path = edited(
        tmp_path / "parks",
        "clause-08.yaml",
        "    scope: city\n    kind: count",
        "    scope: unit\n    units: [county]\n    kind: count",
    )
    assert (
        f"{at(path, 'of: {over: city.demonstration_parks}', 'city')}: c8.demonstration-parks.of.over: "
        "规则 c8.demonstration-parks 读取的 city.demonstration_parks 是市本级项目（city:）"
    ) in refused(pack)


@pytest.mark.parametrize("units", ["[city]", "[county, city]"])
def test_a_unit_rule_checked_on_the_city_report_may_read_it(tmp_path: Path, units: str) -> None:
    pack, _ = edited(
        tmp_path,
        "clause-08.yaml",
        ENTERPRISES,
        f"    scope: unit\n    units: {units}\n    kind: total\n    of: city.demonstration_enterprises",
    )
    assert run("rules", "--rules", pack).exit_code == 0


def test_a_misspelt_field_of_a_county_rule_is_never_told_a_city_field(tmp_path: Path) -> None:
    """It was told ``应写 city.demonstration_enterprises``, which would then have been always missing."""
    pack, path = edited(
        tmp_path,
        "clause-08.yaml",
        ENTERPRISES,
        "    scope: unit\n    units: [county]\n    kind: total\n    of: demonstration_enterprises",
    )
    stderr = refused(pack)
    assert (
        f"{at(path, 'of: demonstration_enterprises', 'demo')}: c8.demonstration-enterprises.of: "
        "规则 c8.demonstration-enterprises 读取的字段 demonstration_enterprises 不是报表格式中的字段："
        "可读取的字段见 zhijiao-check schema\n"
    ) in stderr
    assert "city.demonstration_enterprises" not in stderr
    # a city-wide rule reads the city's report: there it is what to write
    pack, _ = edited(
        tmp_path / "city",
        "clause-08.yaml",
        "of: city.demonstration_enterprises",
        "of: demonstration_enterprises",
    )
    assert "：city.demonstration_enterprises、city.demonstration_parks\n" in refused(pack)
