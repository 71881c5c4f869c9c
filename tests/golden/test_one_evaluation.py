"""One evaluation, every language: results carry wording (message keys and parameters), not text, so the run
``check --lang zh`` evaluates, rendered in English, is byte for byte the English golden output.

Each Chinese check case runs with ``evaluate`` recorded; its English twin then runs in the same folder with
``evaluate`` replaced by the recorded runs, so its output is rendered from the Chinese run's results.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import zhijiao_check.engine.evaluate as engine
from zhijiao_check.engine.results import Run

from .cases import CASES, Case
from .test_golden import inputs, invoke

BY_NAME = {case.name: case for case in CASES}
TWINS = [
    (case, BY_NAME[case.name.removesuffix("-zh") + "-en"])
    for case in CASES
    if case.name.startswith("check-") and case.name.endswith("-zh")
]


def test_every_check_case_has_a_twin() -> None:
    assert (
        len(TWINS) == len([c for c in CASES if c.name.startswith("check-") and c.name.endswith("-en")]) > 60
    )


@pytest.mark.parametrize(("chinese", "english"), TWINS, ids=[zh.name.removesuffix("-zh") for zh, _ in TWINS])
def test_one_evaluation_renders_in_both_languages(
    chinese: Case, english: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = inputs(chinese, tmp_path)
    evaluated: list[Run] = []
    evaluate = engine.evaluate

    def recorded(*args: Any, **kwargs: Any) -> Run:
        evaluated.append(evaluate(*args, **kwargs))
        return evaluated[-1]

    monkeypatch.setattr(engine, "evaluate", recorded)
    assert invoke(chinese, folder, monkeypatch) == chinese.expected.read_bytes().decode("utf-8")
    assert evaluated, "the case evaluated nothing"
    replayed = iter(evaluated)
    monkeypatch.setattr(engine, "evaluate", lambda *args, **kwargs: next(replayed))
    assert invoke(english, folder, monkeypatch) == english.expected.read_bytes().decode("utf-8")
    assert next(replayed, None) is None, "the English run evaluated less often than the Chinese one"
