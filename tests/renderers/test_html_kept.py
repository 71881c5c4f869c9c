"""The HTML page's pieces written once and reused (``page.marks``, ``page.reports``, ``markup``): each the
same text as made anew, whatever was made before it, so that a large run's page is the same bytes."""

from __future__ import annotations

import json
from html import escape
from typing import Any

import pytest

from zhijiao_check.i18n import Translator
from zhijiao_check.located import LongNumber, TinyNumber
from zhijiao_check.renderers.counted import COUNTED
from zhijiao_check.renderers.markup import escaped, opening, tag
from zhijiao_check.renderers.page import marks

TEXTS = ["", "plain", "a & b", "<b>", 'say "x"', "it's", "已&达标<>'\"", "第 1 条：职普比例"]


@pytest.mark.parametrize("text", [*TEXTS, 3, 2.5, None, True])
def test_escaped_is_html_escape(text: object) -> None:
    assert escaped(text) == escape(str(text), quote=True)


def test_attributes_left_out_bare_or_escaped_as_before() -> None:
    attrs: dict[str, Any] = {"class_": "a&b", "data_year": 2023, "open": True, "hidden": False, "title": None}
    assert opening("details", **attrs) == '<details class="a&amp;b" data-year="2023" open>'
    assert (
        tag("td", "x", aria_label='"q"', data_zero=0) == '<td aria-label="&quot;q&quot;" data-zero="0">x</td>'
    )
    assert tag("p") == "<p></p>" and opening("p") == "<p>"


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        False,
        0,
        -7,
        10**30,
        0.45,
        -0.0,
        1e-300,
        1e22,
        float("nan"),
        float("inf"),
        [1, 2],
        'a"<',
        {"k": [0.5]},
        LongNumber("123456789012345678901234567"),
        TinyNumber("1e-400"),
    ],
)
def test_json_value_is_json_dumps(value: object) -> None:
    assert marks.json_value(value) == json.dumps(value, ensure_ascii=False)


def _result(observed: object, unit: str, op: str, value: object) -> dict[str, Any]:
    return {"observed": observed, "expected": None, "unit": unit, "target": {"op": op, "value": value}}


def test_result_figures_kept_tell_true_one_and_one_point_zero_apart() -> None:
    tr = Translator("zh")
    results = [
        _result(True, "bool", "==", True),
        _result(1, "count", ">=", 1),
        _result(1.0, "ratio", ">=", 1.0),
        _result(True, "bool", "==", True),
    ]
    shown = [marks.result_figures(r, tr) for r in results]
    assert shown == [marks._result_figures(r, tr) for r in results]
    assert shown[0] == shown[3] and len(set(shown[:3])) == 3


def _point(observed: object, **more: object) -> dict[str, Any]:
    point = {"year": 2023, "observed": observed, "status": "pass", "schedule": None, "target": None}
    return {**point, "fitted": False, "undecided": False, **more}


def _trend(
    unit: str, value: object, *points: dict[str, Any], setbacks: list[Any] | None = None
) -> dict[str, Any]:
    return {
        "unit": unit,
        "target": {"op": ">=", "value": value},
        "years": list(points),
        "setbacks": setbacks or [],
    }


def test_trend_figures_kept_are_those_made_anew() -> None:
    """A figure kept is the one the same values make: ``True`` not shown as ``1``, ``-0.0`` not as ``0.0``,
    a count of schools by its items, a setback with its years."""
    tr = Translator("en")
    earlier = _point(0.5, year=2022)
    school = {"name": "甲", "school": "甲", "observed": 1.0, "target": None}
    cases = [
        (_trend("bool", True, p := _point(True)), p),
        (_trend("count", 1, p := _point(1)), p),
        (_trend("ratio", 1.0, p := _point(1.0)), p),
        (_trend("ratio", 0.0, p := _point(0.0)), p),
        (_trend("ratio", 0.0, p := _point(-0.0)), p),
        (_trend("ratio", 1.0, p := _point(1.0, **{COUNTED: [{**school, "status": "pass"}]})), p),
        (_trend("ratio", 1.0, p := _point(1.0, **{COUNTED: [{**school, "status": "fail"}]})), p),
        (
            _trend(
                "ratio",
                0.6,
                earlier,
                p := _point(0.4, status="fail"),
                setbacks=[{"year": 2023, "previous_year": 2022, "previous": 0.5, "observed": 0.4}],
            ),
            p,
        ),
        (_trend("ratio", 0.6, p := _point(0.4, status="fail")), p),
    ]
    for apart in (" ", "<br>"):
        shown = [marks.trend_figure(trend, point, tr, apart) for trend, point in cases]
        assert shown == [marks._trend_figure(trend, point, tr, apart) for trend, point in cases]
        assert len(set(shown)) == len(cases)


def test_the_city_charts_make_no_units_trends(monkeypatch: pytest.MonkeyPatch) -> None:
    """The city's charts read the city's trends, which ``scopes`` gives first: the units' after them (each
    with its counted schools) are left unmade, and the charts are those of every city-wide trend."""
    from zhijiao_check.document import document
    from zhijiao_check.renderers import trends as view
    from zhijiao_check.renderers.page.trends import city_trends

    from .conftest import check

    tr = Translator("zh")
    doc = document(check("samples/2022", "samples/2023"), tr)
    made: list[str | None] = []
    with_counts = view.with_counts

    def counting(trends: list[dict[str, Any]], counts: Any, unit: str | None) -> list[dict[str, Any]]:
        made.append(unit)
        return with_counts(trends, counts, unit)

    monkeypatch.setattr(view, "with_counts", counting)
    page = city_trends(doc, tr)
    assert made == [None]
    assert page.count('class="chart"') == len(view.visible_trends(doc["trends"]["city"])) > 0
