"""What is not met in a run: the rules and items that SARIF results and GitHub annotations are made of; and
which items of a result the views list under it."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from itertools import chain
from typing import Any

from zhijiao_check.i18n import Translator
from zhijiao_check.jsontext import entries_of
from zhijiao_check.records import record
from zhijiao_check.renderers.texts import who
from zhijiao_check.status import NOT_MET, Status


def failing_items(result: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The items to show under a result that is not met, or that a waiver excused (the unit must still put
    them right; the waiver only keeps them out of the score): those that did not pass (nor, as a unit with no
    share of its own, do not apply). None for a met rule, whose items (each unit's own share under a
    city-wide rule) do not make it fail."""
    return list(failing_entries(result))


_SHOWN = frozenset((*NOT_MET, Status.WAIVED))


def failing_entries(result: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """``failing_items`` as they are read: a large run's city-wide result a batch at a time, never all of its
    thousands of items at once."""
    if result["status"] not in _SHOWN:
        return iter(())
    return (i for i in entries_of(result["items"]) if i["status"] not in _NOT_FAILING)


_NOT_FAILING = ("pass", "not_applicable")


def unit_items(result: Mapping[str, Any], units: Collection[str]) -> list[dict[str, Any]]:
    """Every item of a city-wide result whose items are units (``units``: the names of the year's units), met
    or not: each unit's own figure under the city-wide one (a share of 双师型 teachers), which the views show
    whatever the result's status. None where an item is a school, a major or an entry of a list, or for a
    report's result (no ``units``). Told by the items, not by the rule: a rule pack says which rules list
    them (``by_unit``)."""
    if not units:
        return []
    items = []
    for item in entries_of(result["items"]):
        if item.get("school") is not None or item["name"] not in units:
            return []  # most results: their first item tells
        items.append(item)
    return items


# An item below its target under a city-wide result not due yet (the rule's year is to come): the item's own
# status is ``fail`` (the JSON's, judged against the target), but a view that says 未达标 beside it has each
# county "failing" a target due years later. The views say what it means: below the target, not yet due.
BELOW_NOT_DUE = "below-not-due"
_NOT_DUE = (Status.PENDING, Status.BEHIND)


def not_due(result: Mapping[str, Any]) -> bool:
    """Whether ``result`` is not due yet: an item below its target is then no failure."""
    return result["status"] in _NOT_DUE


def shown_status(item: Mapping[str, Any], result: Mapping[str, Any]) -> str:
    """The status a view shows for ``item`` of ``result``: its own, or ``BELOW_NOT_DUE`` where it did not
    meet the target and ``result`` is not due yet."""
    if item["status"] == Status.FAIL and not_due(result):
        return BELOW_NOT_DUE
    return str(item["status"])


def shown_look(item: Mapping[str, Any], result: Mapping[str, Any]) -> Status:
    """The status whose glyph, emoji and colour ``item`` is drawn with: a not-due one's, ``pending``."""
    status = shown_status(item, result)
    return Status.PENDING if status == BELOW_NOT_DUE else Status(status)


@record
class Finding:
    """A rule, or an item of it, that is not met: what SARIF results and GitHub annotations are made of."""

    evaluation: Mapping[str, Any]  # a report or a city-wide year, as in the JSON document
    result: Mapping[str, Any]
    item: Mapping[str, Any] | None
    level: str  # "error" when the status fails the run, "note" when a waiver excused it, else "warning"

    @property
    def places(self) -> Iterator[dict[str, Any]]:
        """Its locations as they are read: a large run's city-wide result is read back a batch at a time."""
        return entries_of((self.item or self.result)["locations"])

    @property
    def locations(self) -> list[dict[str, Any]]:
        return list(self.places)

    @property
    def file(self) -> str:
        """Where the finding is: its first location, else the report (or the 市本级 report)."""
        first = next(self.places, None)
        return str(first["file"] if first else self.evaluation["file"])

    def explanation(self, tr: Translator) -> str:
        """The item's or the rule's arithmetic (and the rule's notes), with the view's punctuation."""
        if self.item is not None:
            return f"{who(self.item, tr)}{tr.colon}{self.item['explanation']}"
        return tr.sep.join([self.result["explanation"], *self.result["notes"]])


def findings(doc: Mapping[str, Any], failing: frozenset[str]) -> Iterator[Finding]:
    """One finding per rule that is not met, or per item that did not pass under it; one ``note`` per waived
    rule, so that the reason stands where the finding would have been. As they come: a large run's document
    is read back report by report (``jsontext.entries_of``)."""
    for evaluation in chain(entries_of(doc["reports"]), entries_of(doc["city"])):
        for result in entries_of(evaluation["results"]):
            if result["status"] == Status.WAIVED:
                yield Finding(evaluation, result, None, "note")
                continue
            if result["status"] not in NOT_MET:
                continue
            level = "error" if result["status"] in failing else "warning"
            items: list[dict[str, Any] | None] = [*failing_items(result)] or [None]
            yield from (Finding(evaluation, result, item, level) for item in items)
