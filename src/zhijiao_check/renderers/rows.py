"""The results as rows of a spreadsheet, shared by ``--format xlsx`` and ``--format csv``.

One row per unit (or city-wide year) × rule, with the figures as numbers (not as text), so that a
spreadsheet can sort, filter and sum them; under a city-wide result whose items are the year's units, a row
for each unit's own figure (``item_row``). Everything comes from the run document (``document.document``).
What the reader reads as words is in the run's language: a status as its word (达标, not ``pass``), a yes/no
figure as 是/否 (a real boolean showed TRUE/FALSE in Excel and ``True`` in the CSV, where every other view
says 是).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, get_args

from zhijiao_check.i18n import Translator
from zhijiao_check.records import record
from zhijiao_check.renderers.findings import BELOW_NOT_DUE, failing_items, shown_status, unit_items
from zhijiao_check.renderers.texts import at, every_place, field_of, who
from zhijiao_check.report.written import DETAIL_COLUMNS
from zhijiao_check.status import STATUSES

if TYPE_CHECKING:
    from zhijiao_check.report.loaded import InvalidReport

OPERATORS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "=", "between": "∈"}


def detail_headers(tr: Translator) -> list[str]:
    return [tr.pick(zh, en) for zh, en in DETAIL_COLUMNS]


def status_words(tr: Translator) -> dict[str, str]:
    """Each status's word in a cell, by status (``pass``: 达标); an item below the target of a result not
    due yet (``findings.BELOW_NOT_DUE``): 未达标（未到期）."""
    words = {str(status): tr(f"render.short-status-{status}") for status in STATUSES}
    return {**words, BELOW_NOT_DUE: tr("render.below-not-due")}


def measure_words(tr: Translator) -> dict[str, str]:
    """Each unit of measure's word in the 计量 column, by its code (``ratio``: 比例), not the code itself."""
    from zhijiao_check.vocabulary import Unit

    return {unit: tr(f"render.measure-{unit}") for unit in get_args(Unit)}


def yes_no(tr: Translator) -> tuple[str, str]:
    """The words of a yes/no figure: (yes, no)."""
    return tr("engine.yes"), tr("engine.no")


def detail_rows(doc: Mapping[str, Any], tr: Translator) -> list[list[Any]]:
    """One row per result of every report, then of every city-wide year; under each, a row per item of it
    (``item_row``): under a city-wide result whose items are the units, each unit's own figure; under any
    other result that is not met, each school, major or entry that did not pass, as the table names it
    under the rule (``findings.failing_items``). The rule's aggregate (``0 / 1 项达标``) does not say which
    school failed, by how much, or where: its item's row does, its label in the last column (项目)."""
    words, yes, measures = status_words(tr), yes_no(tr), measure_words(tr)
    city = tr.pick("全市", "city-wide")
    rows = []
    for evaluation in (*doc["reports"], *doc["city"]):
        unit = evaluation.get("unit") or city
        units = frozenset(evaluation.get("units_present", ()))
        for result in evaluation["results"]:
            rows.append(
                [
                    unit,
                    evaluation["year"],
                    result["rule"],
                    result["title"],
                    result["clause"],
                    words[result["status"]],
                    figure(result["observed"], yes),
                    OPERATORS.get(result["target"]["op"], result["target"]["op"]),
                    target_figure(result["target"]["value"], yes),
                    figure(result.get("expected"), yes),
                    measures[result["unit"]],
                    tr.sep.join([result["explanation"], *result["notes"]]),
                    every_place(result["locations"], tr),
                    evaluation.get("file") or "",
                    None,
                ]
            )
            shares = unit_items(result, units)
            for item in shares or failing_items(result):
                row = item_row(item, result, tr, words, yes)
                rows.append(
                    [
                        # a unit's own share under the city-wide rule: named apart from the unit's own rules
                        f"{unit} · {who(item, tr)}" if shares else unit,
                        evaluation["year"],
                        result["rule"],
                        result["title"],
                        result["clause"],
                        row.status,
                        row.observed,
                        row.op,
                        row.target,
                        None,  # a linear schedule is the rule's
                        # a unit's share is one as the rule's is; a school's figure is in its own terms
                        # (9200 元 against 10000, 是/否), which its explanation words
                        measures[result["unit"]] if shares else None,
                        row.explanation,
                        row.where,
                        row.file or evaluation.get("file") or "",
                        who(item, tr),
                    ]
                )
    return rows


@record
class ItemRow:
    """The cells of an item's row that are its own, in the run's language: a unit's own figure under a
    city-wide one, in the detail rows and on the workbook's 全市 sheet."""

    status: str
    observed: Any
    op: str | None
    target: Any
    explanation: str  # ``零陵区：97 / 184 = 52.7% ≥ 50.0%``, as a finding names an item
    where: str
    file: str  # the unit's report


def item_row(
    item: Mapping[str, Any],
    result: Mapping[str, Any],
    tr: Translator,
    words: Mapping[str, str],
    yes: tuple[str, str],
) -> ItemRow:
    """``item``'s own cells (``result``: the result it is an item of): its status word (below the target of
    a result not due yet: 未达标（未到期）, ``findings.shown_status``), figure, own target (a unit's share has
    none of its own: the rule's, which its arithmetic shows), arithmetic and places (``words``, ``yes``: as
    ``detail_rows``)."""
    target = item.get("target")
    first = item["locations"][0]["file"] if item["locations"] else ""
    return ItemRow(
        words[shown_status(item, result)],
        figure(item["observed"], yes),
        None if target is None else OPERATORS.get(target["op"], target["op"]),
        None if target is None else target_figure(target["value"], yes),
        f"{who(item, tr)}{tr.colon}{item['explanation']}",
        every_place(item["locations"], tr),
        str(first),
    )


def invalid_rows(doc: Mapping[str, Any], invalid: Sequence[InvalidReport], tr: Translator) -> list[list[Any]]:
    """One row per problem of every invalid report (``invalid``: the run's, in the document's order), in the
    detail's columns: the unit and year where the report gives them, the status 报表无效，未计分 (a warning's:
    警告（不影响有效性）), the problem
    (its field and what is wrong) as the explanation and its place as where the data stands, the file. A
    refused report had no row, and a county whose report was refused was missing from the workbook and the
    CSV without a word; the other views list the same problems (the document's ``invalid``)."""
    # A warning (an extra sheet, spaces taken off a name) is listed beside the errors, and is no reason the
    # report is invalid: its own status says so.
    statuses = {"error": tr("render.invalid-status"), "warning": tr("render.invalid-warning-status")}
    rows: list[list[Any]] = []
    for bad, given in zip(doc["invalid"], invalid, strict=True):
        for problem in bad["problems"]:
            status = statuses.get(problem["severity"], statuses["error"])
            said = f"{field_of(problem)}: {problem['message']}" if field_of(problem) else problem["message"]
            blank: list[Any] = [None] * 5
            rows.append(
                [
                    given.unit,
                    given.year,
                    None,
                    None,
                    None,
                    status,
                    *blank,
                    said,
                    at(problem),
                    bad["file"],
                    None,
                ]
            )
    return rows


def figure(value: Any, yes_no: tuple[str, str]) -> Any:
    """A number stays a number (a spreadsheet can compute with it); a list (names) becomes text; a yes/no
    the language's word of ``yes_no`` (a boolean cell shows TRUE/FALSE, not 是/否)."""
    if value is True or value is False:
        return yes_no[0] if value else yes_no[1]
    if isinstance(value, list):
        return "、".join(str(item) for item in value)
    return value


def target_figure(value: Any, yes_no: tuple[str, str]) -> Any:
    """``[1, 2]`` (a range) as ``1–2``; a single target as its number, a yes/no as its word."""
    if isinstance(value, list):
        return "–".join(f"{item:g}" if isinstance(item, float) else str(item) for item in value)
    return figure(value, yes_no)
