"""The results as rows of a spreadsheet, shared by ``--format xlsx`` and ``--format csv``.

One row per unit (or city-wide year) × rule, with the figures as numbers (not as text), so that a
spreadsheet can sort, filter and sum them; everything comes from ``renderers.json.document``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from zhijiao_check.i18n import Translator
from zhijiao_check.renderers.texts import at, where

if TYPE_CHECKING:
    from zhijiao_check.report.loaded import InvalidReport

OPERATORS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "=", "between": "∈"}


def detail_headers(tr: Translator) -> list[str]:
    return [
        tr.pick(zh, en)
        for zh, en in (
            ("单位", "unit"),
            ("年度", "year"),
            ("规则", "rule"),
            ("标题", "title"),
            ("条款", "clause"),
            ("状态", "status"),
            ("实际值", "observed"),
            ("目标", "target"),
            ("目标值", "target value"),
            ("进度目标", "schedule target"),
            ("计量", "unit of measure"),
            ("计算与说明", "explanation"),
            ("数据位置", "data at"),
            ("文件", "file"),
        )
    ]


def detail_rows(doc: Mapping[str, Any], tr: Translator) -> list[list[Any]]:
    """One row per result of every report, then of every city-wide year."""
    rows = []
    for evaluation in (*doc["reports"], *doc["city"]):
        unit = evaluation.get("unit") or tr.pick("全市", "city-wide")
        for result in evaluation["results"]:
            rows.append(
                [
                    unit,
                    evaluation["year"],
                    result["rule"],
                    result["title"],
                    result["clause"],
                    result["status"],
                    figure(result["observed"]),
                    OPERATORS.get(result["target"]["op"], result["target"]["op"]),
                    target_figure(result["target"]["value"]),
                    figure(result.get("expected")),
                    result["unit"],
                    tr.sep.join([result["explanation"], *result["notes"]]),
                    where(result["locations"], tr),
                    evaluation.get("file") or "",
                ]
            )
    return rows


def invalid_rows(doc: Mapping[str, Any], invalid: Sequence[InvalidReport], tr: Translator) -> list[list[Any]]:
    """One row per problem of every invalid report (``invalid``: the run's, in the document's order), in the
    detail's columns: the unit and year where the report gives them, the status 报表无效，未计分, the problem
    (its field and what is wrong) as the explanation and its place as where the data stands, the file. A
    refused report had no row, and a county whose report was refused was missing from the workbook and the
    CSV without a word; the other views list the same problems (the document's ``invalid``)."""
    status = tr("render.invalid-status")
    rows: list[list[Any]] = []
    for bad, given in zip(doc["invalid"], invalid, strict=True):
        for problem in bad["problems"]:
            said = f"{problem['path']}: {problem['message']}" if problem["path"] else problem["message"]
            blank: list[Any] = [None] * 5
            rows.append(
                [given.unit, given.year, None, None, None, status, *blank, said, at(problem), bad["file"]]
            )
    return rows


def figure(value: Any) -> Any:
    """A number stays a number (a spreadsheet can compute with it); a list (names) becomes text."""
    if isinstance(value, list):
        return "、".join(str(item) for item in value)
    return value


def target_figure(value: Any) -> Any:
    """``[1, 2]`` (a range) as ``1–2``; a single target as its number."""
    if isinstance(value, list):
        return "–".join(f"{item:g}" if isinstance(item, float) else str(item) for item in value)
    return value
