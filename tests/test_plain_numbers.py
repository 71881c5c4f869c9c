"""``document.reported``: a report's entry is written without looking through its text for small floats
only when none of its numbers is one, every float the entry holds looked at as it is written."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from zhijiao_check.document import report, reported
from zhijiao_check.engine.evaluate import evaluate_report
from zhijiao_check.engine.results import ReportEvaluation
from zhijiao_check.i18n import Translator
from zhijiao_check.jsontext import encoded
from zhijiao_check.pack.load import load_packs
from zhijiao_check.report import ReportFile, load_report
from zhijiao_check.status import STATUSES

SAMPLES = sorted((Path(__file__).parent.parent / "samples").glob("20*/*.yaml"))


def _evaluations() -> list[ReportEvaluation]:
    packs = load_packs([], None)
    loaded = [load_report(path, packs[0].units) for path in SAMPLES]
    return [evaluate_report(one, packs) for one in loaded if isinstance(one, ReportFile)]


def _floats(value: Any) -> list[float]:
    if isinstance(value, float):
        return [value]
    if isinstance(value, dict):
        return [f for one in value.values() for f in _floats(one)]
    if isinstance(value, list):
        return [f for one in value for f in _floats(one)]
    return []


def _small(value: float) -> bool:
    return value != 0 and -1e-4 < value < 1e-4


def _swapped(value: Any) -> Any:
    """Every number of ``value`` as a float under 1e-4."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return 1.5e-05
    if isinstance(value, tuple | list):
        return type(value)(_swapped(one) for one in value)
    return value


def test_the_samples_entries_hold_no_small_float_and_say_so() -> None:
    evaluations = _evaluations()
    assert len(evaluations) > 10
    tr = Translator("zh")
    for evaluation in evaluations:
        entry, plain = reported(evaluation, tr)
        assert plain == (not any(map(_small, _floats(entry))))
        assert encoded(entry, 2, small_floats=not plain) == encoded(entry, 2)


@pytest.mark.parametrize("field", ["observed", "expected", "compared_to", "item observed", "item target"])
def test_a_small_float_in_any_field_of_a_result_is_looked_for(field: str) -> None:
    """Each field of a result that may hold a float, made a small one in turn: ``reported`` says so, and
    the entry keeps Python's spelling (``1.5e-05``, where orjson writes ``0.000015``)."""
    tr = Translator("zh")
    changed = 0
    for evaluation in _evaluations():
        results = []
        for result in evaluation.results:
            if field == "observed" and isinstance(result.observed, float):
                result = replace(result, observed=1.5e-05)
            elif field == "expected":
                result = replace(result, expected=1.5e-05)
            elif field == "compared_to" and result.compared_to is not None:
                result = replace(result, compared_to=1.5e-05)
            elif field.startswith("item") and result.items:
                items = [
                    replace(one, observed=_swapped(one.observed))
                    if field == "item observed"
                    else replace(one, target={**one.target, "value": 1.5e-05})
                    if one.target is not None
                    else one
                    for one in result.items
                ]
                result = replace(result, items=tuple(items))
            results.append(result)
        swapped = replace(evaluation, results=tuple(results))
        entry, plain = reported(swapped, tr)
        if not any(map(_small, _floats(entry))):
            continue
        changed += 1
        assert not plain
        text = encoded(entry, 0, small_floats=not plain)
        assert text == json.dumps(entry, ensure_ascii=False, indent=2).encode()
        assert b"1.5e-05" in text
    assert changed


def test_a_list_is_looked_through_and_a_value_of_another_type_taken_to_hold_one() -> None:
    evaluation = _evaluations()[0]
    tr = Translator("zh")

    def plain(observed: Any) -> bool:
        first = evaluation.results[0]
        return reported(replace(evaluation, results=(replace(first, observed=observed),)), tr)[1]

    assert reported(evaluation, tr)[1]
    assert plain([0.5, 2])
    assert not plain([0.5, 1e-05])
    assert not plain((0.5,))
    assert not plain({"a": 1})
    assert reported(evaluation, tr)[1]  # each entry told apart: the one before does not count


def test_a_rules_own_small_weight_is_counted_in_every_entry_of_it() -> None:
    """A rule's target and weight are looked at once (``document._facts``), and still counted for each
    entry that writes them."""
    evaluation = _evaluations()[0]
    first = evaluation.results[0]
    light = replace(evaluation, results=(replace(first, rule=replace(first.rule, weight=1.5e-05)),))
    tr = Translator("zh")
    for _ in range(2):
        entry, plain = reported(light, tr)
        assert not plain
        assert b'"weight": 1.5e-05' in encoded(entry, 0, small_floats=not plain)


def test_an_entrys_summary_is_keyed_by_text_and_written_as_before() -> None:
    """``reported``'s summary is keyed by each status's text, which orjson writes faster, in the statuses'
    order, and its entry written as ``report``'s."""
    tr = Translator("zh")
    for evaluation in _evaluations():
        entry, plain = reported(evaluation, tr)
        assert [key.__class__ for key in entry["summary"]] == [str] * len(STATUSES)
        assert list(entry["summary"]) == [str(status) for status in STATUSES]
        assert encoded(entry, 2, not plain) == encoded(report(evaluation, tr), 2)


def test_an_items_numbers_and_places_are_written_as_the_document_writes_them() -> None:
    """``document.item`` takes a plain value as it is and writes a whole float as a whole number, its own
    target's too; a workbook's place keeps its cell, another has none."""
    from zhijiao_check.document import item
    from zhijiao_check.measure.outcome import ItemOutcome
    from zhijiao_check.measure.scope import Location
    from zhijiao_check.status import Status

    tr = Translator("zh")
    places = (Location("a.yaml", 3, 5), Location("b.xlsx", 7, 2, "学校!F7"))
    whole = ItemOutcome("甲", "甲", Status.PASS, 10000.0, "x", places, {"op": ">=", "value": 9000.0})
    doc = item(whole, tr)
    assert doc["observed"] == 10000 and doc["observed"].__class__ is int
    assert doc["target"] == {"op": ">=", "value": 9000} and doc["target"]["value"].__class__ is int
    assert doc["locations"] == [
        {"file": "a.yaml", "line": 3, "column": 5},
        {"file": "b.xlsx", "line": 7, "column": 2, "cell": "学校!F7"},
    ]
    plain = ItemOutcome("乙", None, Status.FAIL, True, "y", (), {"op": "==", "value": True})
    doc = item(plain, tr)
    assert doc["observed"] is True and doc["target"] == {"op": "==", "value": True}
    assert doc["locations"] == []
