"""The assessment view of clause 15, shared by the table, Markdown and HTML outputs.

For each year with several reports: the units ranked by score, each with one status per rule (units × rules).
Also the few texts those views share (observed and target values, who an item is, where data stands).
Everything here works on ``renderers.json.document``, the run as plain data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from zhijiao_check.engine.numbers import places, show, show_target
from zhijiao_check.i18n import Translator
from zhijiao_check.kinds.base import STATUSES

# The statuses that are due and not met, in the order the outputs list them.
NOT_MET = ("fail", "missing", "warn", "behind")


@dataclass(frozen=True)
class Column:
    rule: str
    title: str
    clause: int


@dataclass(frozen=True)
class Row:
    rank: int | None  # None: no due rule, so no score
    report: dict[str, Any]  # the report as in the JSON document
    cells: tuple[dict[str, Any] | None, ...]  # the result of each column's rule; None when the rule does not apply

    @property
    def unit(self) -> str:
        return str(self.report["unit"])

    @property
    def score(self) -> float | None:
        score = self.report["score"]
        return None if score is None else float(score)


@dataclass(frozen=True)
class YearMatrix:
    year: int
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]  # best score first


def ranked(reports: Sequence[Mapping[str, Any]]) -> list[tuple[int | None, Mapping[str, Any]]]:
    """Best score first, ties in the given order and sharing a rank (1, 1, 3); reports without a score last."""
    scored = sorted((r for r in reports if r["score"] is not None), key=lambda r: -float(r["score"]))
    out: list[tuple[int | None, Mapping[str, Any]]] = []
    for index, report in enumerate(scored):
        same = index > 0 and report["score"] == scored[index - 1]["score"]
        out.append((out[-1][0] if same else index + 1, report))
    return out + [(None, r) for r in reports if r["score"] is None]


def matrices(doc: Mapping[str, Any], catalogue: Sequence[str]) -> list[YearMatrix]:
    """One matrix per year that has two reports or more; columns in catalogue order."""
    by_year: dict[int, list[dict[str, Any]]] = {}
    for report in doc["reports"]:
        by_year.setdefault(int(report["year"]), []).append(report)
    order = {rule: index for index, rule in enumerate(catalogue)}
    out = []
    for year, reports in sorted(by_year.items()):
        if len(reports) < 2:
            continue
        seen: dict[str, Column] = {}
        for report in reports:
            for result in report["results"]:
                seen.setdefault(result["rule"], Column(result["rule"], result["title"], int(result["clause"])))
        columns = tuple(sorted(seen.values(), key=lambda c: order.get(c.rule, len(order))))
        rows = []
        for rank, report in ranked(reports):
            results = {r["rule"]: r for r in report["results"]}
            rows.append(Row(rank, dict(report), tuple(results.get(c.rule) for c in columns)))
        out.append(YearMatrix(year, columns, tuple(rows)))
    return out


def totals(doc: Mapping[str, Any]) -> dict[str, int]:
    """How many results of each status the run has, reports and city-wide together."""
    counts: dict[str, int] = dict.fromkeys(STATUSES, 0)
    for evaluation in (*doc["reports"], *doc["city"]):
        for status, count in evaluation["summary"].items():
            counts[status] += count
    return counts


def score_text(score: float | None) -> str:
    return "—" if score is None else f"{score:.1f}"


def _digits(result: Mapping[str, Any]) -> int:
    """Enough places that observed and target differ on screen whenever they differ (44.98% < 45.00%)."""
    value = result["target"]["value"] if isinstance(result.get("target"), Mapping) else None
    return places(result["observed"], *(value if isinstance(value, list) else [value]))


def observed_text(result: Mapping[str, Any], tr: Translator) -> str:
    if result["observed"] is None:
        return "—"
    return show(result["observed"], result["unit"], tr, _digits(result))


def target_text(result: Mapping[str, Any], tr: Translator) -> str:
    """``≥ 45.0%``; empty when there is no target value (a comparison with a figure that could not be computed)."""
    target = result["target"]
    if target["value"] is None:
        return ""
    return show_target(target["op"], target["value"], result["unit"], tr, _digits(result))


def value_text(result: Mapping[str, Any], tr: Translator) -> str:
    """``41.0% / ≥ 45.0%``: observed against target (the observed value alone when there is no target)."""
    target = target_text(result, tr)
    return f"{observed_text(result, tr)} / {target}" if target else observed_text(result, tr)


def city_title(city: Mapping[str, Any], tr: Translator) -> str:
    """``全市 · 2023 年 · 15/15 个单位``."""
    present = len(city["units_present"])
    return tr("table.city-title", year=city["year"], present=present, total=present + len(city["units_missing"]))


def who(item: Mapping[str, Any]) -> str:
    """``school · major`` for an item of a school, the name alone otherwise."""
    school, name = item.get("school"), str(item["name"])
    return f"{school} · {name}" if school and school != name else name


def where(locations: Sequence[Mapping[str, Any]]) -> str:
    """``file:line`` of the first location, ``+n`` for the others."""
    if not locations:
        return ""
    first = locations[0]
    more = f" +{len(locations) - 1}" if len(locations) > 1 else ""
    return f"{first['file']}:{first['line']}{more}"


def at(problem: Mapping[str, Any]) -> str:
    """``file:line:column`` of a problem (as far as known), as in ``Problem.where``."""
    return ":".join(str(problem[k]) for k in ("file", "line", "column") if problem.get(k) is not None)


def failing_items(result: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The items to show under a result that is not met: those that did not pass. None for a met rule,
    whose items (each unit's own share under a city-wide rule) do not make it fail."""
    if result["status"] not in NOT_MET:
        return []
    return [i for i in result["items"] if i["status"] != "pass"]


@dataclass(frozen=True)
class Finding:
    """A rule, or an item of it, that is not met: what SARIF results and GitHub annotations are made of."""

    evaluation: Mapping[str, Any]  # a report or a city-wide year, as in the JSON document
    result: Mapping[str, Any]
    item: Mapping[str, Any] | None
    level: str  # "error" when the status fails the run, else "warning"

    @property
    def locations(self) -> list[dict[str, Any]]:
        return list((self.item or self.result)["locations"])

    @property
    def file(self) -> str:
        """Where the finding is: its first location, else the report (or the 市本级 report)."""
        locations = self.locations
        return str(locations[0]["file"] if locations else self.evaluation["file"])

    @property
    def explanation(self) -> str:
        if self.item is not None:
            return f"{who(self.item)}: {self.item['explanation']}"
        return "; ".join([self.result["explanation"], *self.result["notes"]])


def findings(doc: Mapping[str, Any], failing: frozenset[str]) -> list[Finding]:
    """One finding per rule that is not met, or per item that did not pass under it."""
    out: list[Finding] = []
    for evaluation in (*doc["reports"], *doc["city"]):
        for result in evaluation["results"]:
            if result["status"] not in NOT_MET:
                continue
            level = "error" if result["status"] in failing else "warning"
            items: list[dict[str, Any] | None] = [*failing_items(result)] or [None]
            out.extend(Finding(evaluation, result, item, level) for item in items)
    return out


def label_of(evaluation: Mapping[str, Any], tr: Translator) -> str:
    """``江永县 2023`` or ``全市 2023``."""
    unit = evaluation["unit"] if "unit" in evaluation else tr("render.city")
    return f"{unit} {evaluation['year']}"


def catalogue_of(run: Any) -> list[str]:
    """The rule IDs of the run's packs, in catalogue order."""
    return [rule.id for pack in run.packs for rule in pack.rules]
