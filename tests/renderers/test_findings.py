"""What the views list under a result that is not met: its failing items, read as they come."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from zhijiao_check.jsontext import Lazy
from zhijiao_check.renderers.findings import failing_entries, failing_items

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
