"""The table view makes each figure's cell once and reuses it for every result that shows the same figure:
figures that are equal as Python values but written differently (``True``, ``1``, ``1.0``) keep their own."""

from __future__ import annotations

from typing import Any

import pytest

from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.renderers import RenderOptions
from zhijiao_check.renderers.table import TableRenderer
from zhijiao_check.renderers.texts import observed_text, target_text


def result(observed: Any, unit: str, op: str, value: Any) -> dict[str, Any]:
    return {
        "rule": "c1.unified-enrollment",
        "title": "中职学校纳入高中阶段统一招生",
        "status": "pass",
        "observed": observed,
        "unit": unit,
        "target": {"op": op, "value": value},
        "explanation": "1 ≥ 1",
        "notes": [],
        "items": [],
        "locations": [{"file": "samples/2023/dongan.yaml", "line": 12}],
    }


FIGURES = [
    (True, "count", "=", True),
    (1, "count", "=", 1),
    (True, "count", ">=", 1),  # 是, where a key of equal values would give the 1 of the row after it
    (1, "count", ">=", 1),
    (1, "count", ">=", True),
    (1.0, "count", ">=", 1.0),
    (1, "count", ">=", 1.0),
    (1.0, "ratio", ">=", 1),
    (1, "ratio", ">=", 1),
    (0.4498, "ratio", ">=", 0.45),
    (0.45, "ratio", ">=", 0.45),
    (None, "ratio", ">=", 0.45),
    (2, "count", "between", [1, 2]),
    (2.0, "count", "between", [1.0, 2.0]),
    (12000, "yuan", ">=", 12000),
    (False, "bool", "=", True),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_figure_is_shown_as_made_afresh(lang: Lang) -> None:
    tr = Translator(lang)
    renderer = TableRenderer(tr, RenderOptions(color=False))
    for _ in range(2):  # the second time round every cell is one kept from the first
        for figures in FIGURES:
            shown = result(*figures)
            target = target_text(shown, tr)
            expected = observed_text(shown, tr) + (f"\n[dim]{target}[/dim]" if target else "")
            assert renderer._head(shown)[2] == expected, figures


@pytest.mark.parametrize(
    ("observed", "expected", "figures", "schedule"),
    [
        (2530 / 4217, 0.6, "59.995% / ≥ 100.000%", "60.000%"),  # one place: 60.0% beside 60.0%
        (0.6001, 0.6, "60.01% / ≥ 100.00%", "60.00%"),
        (0.71, 0.6, "71.0% / ≥ 100.0%", "60.0%"),  # already apart: as before
    ],
)
def test_a_share_beside_its_linear_schedule_tells_the_two_apart(
    observed: float, expected: float, figures: str, schedule: str
) -> None:
    from zhijiao_check.renderers import trends
    from zhijiao_check.renderers.texts import expected_text, value_text

    tr = Translator("zh")
    shown = {**result(observed, "ratio", ">=", 1), "status": "behind", "expected": expected}
    assert value_text(shown, tr) == figures
    assert expected_text(shown, tr) == schedule
    assert TableRenderer(tr, RenderOptions(color=False))._head(shown)[2].startswith(figures.split(" / ")[0])
    trend = {"unit": "ratio", "target": {"op": ">=", "value": 1.0}}
    point = {"year": 2023, "observed": observed, "status": "behind", "schedule": expected}
    assert trends.figure(trend, point, tr) == figures.split(" / ")[0]
    assert trends.schedule(trend, point, tr) == f"进度 {schedule}"
