"""What the views list under a result that is not met: its failing items, read as they come."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from zhijiao_check.jsontext import Lazy
from zhijiao_check.renderers.findings import failing_entries, failing_items, unit_items

PLACE = {"file": "全市.yaml", "line": 7, "column": 3}


def test_failing_items_are_read_as_they_come() -> None:
    """A large run's city-wide result is read back a batch at a time: JUnit's failure needs only the first
    failing item for its place, then reads each in turn, so its thousands are never held at once."""
    read: list[str] = []

    def items() -> Iterator[dict[str, Any]]:
        for name, status in (("甲校", "pass"), ("乙校", "fail"), ("丙校", "missing"), ("丁校", "fail")):
            read.append(name)
            yield {"name": name, "status": status, "explanation": "低于", "locations": [PLACE]}

    result = {"status": "fail", "items": Lazy(items)}
    assert next(failing_entries(result))["name"] == "乙校" and read == ["甲校", "乙校"]
    assert [item["name"] for item in failing_items(result)] == ["乙校", "丙校", "丁校"]
    assert failing_items({"status": "pass", "items": Lazy(items)}) == []  # a met rule lists none


def test_a_unit_with_no_share_of_its_own_is_not_a_failing_item() -> None:
    """A unit listed under a city-wide share with 0 / 0 (kinds.ratio, ``by_unit``) does not apply: it is not
    shown as failing, nor annotated."""
    items = [
        {"name": "东安县", "status": "fail", "explanation": "40 / 100 = 40.0% < 50.0%", "locations": [PLACE]},
        {
            "name": "永州经济技术开发区",
            "status": "not_applicable",
            "explanation": "0 / 0",
            "locations": [PLACE],
        },
    ]
    assert [item["name"] for item in failing_items({"status": "fail", "items": items})] == ["东安县"]


def test_the_items_that_are_units_are_told_by_the_items_not_by_the_rule() -> None:
    """Each unit's own share is listed under a city-wide result whose every item is a unit of the year, met
    or not; the schools of an ``every`` rule, the parks of a city-wide list and a report's items are not."""
    units = frozenset({"东安县", "江永县", "永州市本级"})
    shares = [
        {"name": "东安县", "school": None, "status": "pass", "explanation": "78 / 146", "locations": [PLACE]},
        {"name": "江永县", "school": None, "status": "fail", "explanation": "40 / 100", "locations": [PLACE]},
    ]
    assert unit_items({"rule": "any.share", "status": "pass", "items": shares}, units) == shares
    assert unit_items({"status": "fail", "items": Lazy(lambda: iter(shares))}, units) == shares
    assert unit_items({"status": "pass", "items": shares}, frozenset()) == []  # a report's result
    school = {**shares[0], "name": "东安县职业中等专业学校", "school": "东安县职业中等专业学校"}
    assert unit_items({"status": "pass", "items": [school]}, units) == []
    park = {**shares[0], "name": "永州经开区生物医药产教融合示范园"}
    assert unit_items({"status": "pass", "items": [*shares, park]}, units) == []  # not every item a unit
    assert unit_items({"status": "pass", "items": []}, units) == []
