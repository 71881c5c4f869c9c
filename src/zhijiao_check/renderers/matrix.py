"""The assessment view of clause 15, shared by the table, Markdown and HTML outputs.

For each year with several reports: the units ranked by score, each with one status per rule (units × rules).
Everything here works on ``document.document``, the run as plain data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from zhijiao_check.document import ranked
from zhijiao_check.records import record
from zhijiao_check.renderers.unfiled import not_filed_by_year
from zhijiao_check.status import STATUSES


@record
class Column:
    rule: str
    title: str
    clause: int
    short: str  # a few Chinese characters: the rule's ``short``, else its title


@record
class Row:
    rank: int | None  # None: no due rule, so no score
    report: dict[str, Any]  # the report as in the JSON document
    # the result of each column's rule; None when the rule does not apply
    cells: tuple[dict[str, Any] | None, ...]

    @property
    def unit(self) -> str:
        return str(self.report["unit"])

    @property
    def score(self) -> float | None:
        score = self.report["score"]
        return None if score is None else float(score)


@record
class YearMatrix:
    year: int
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]  # best score first
    # after the ranked rows, each unit whose report of the year was refused as invalid (by its file where
    # the report does not say which unit it is): not scored, but not left out of the year as if it had
    # filed nothing
    refused: tuple[str, ...] = ()
    # after them, each unit the year's city-wide section names missing that filed nothing (``unfiled``):
    # left out, it read as if it were no unit of the year
    not_filed: tuple[str, ...] = ()


def matrices(doc: Mapping[str, Any], catalogue: Sequence[str]) -> list[YearMatrix]:
    """One matrix per year that has two reports or more (valid or refused); columns in catalogue order. The
    units that filed nothing that year are listed (``not_filed``), not counted: a matrix compares reports."""
    by_year: dict[int, list[dict[str, Any]]] = {}
    for report in doc["reports"]:
        by_year.setdefault(int(report["year"]), []).append(report)
    refused = refused_by_year(doc)
    absent = not_filed_by_year(doc)
    order = {rule: index for index, rule in enumerate(catalogue)}
    out = []
    for year in sorted({*by_year, *refused}):
        reports = by_year.get(year, [])
        if len(reports) + len(refused.get(year, ())) < 2:
            continue
        seen: dict[str, Column] = {}
        for report in reports:
            for result in report["results"]:
                seen.setdefault(
                    result["rule"],
                    Column(
                        result["rule"],
                        result["title"],
                        int(result["clause"]),
                        result.get("short") or result["title"],
                    ),
                )
        columns = tuple(sorted(seen.values(), key=lambda c: order.get(c.rule, len(order))))
        rows = []
        for rank, report in ranked(reports):
            results = {r["rule"]: r for r in report["results"]}
            rows.append(Row(rank, dict(report), tuple(results.get(c.rule) for c in columns)))
        out.append(
            YearMatrix(year, columns, tuple(rows), tuple(refused.get(year, ())), tuple(absent.get(year, ())))
        )
    return out


def refused_by_year(doc: Mapping[str, Any]) -> dict[int, list[str]]:
    """By year, each unit whose report of the year was refused as invalid and that has no valid one that
    year (a second report of a unit, refused, leaves the first ranked), named by its file where the report
    does not say its unit; the reports whose year is not known are in none."""
    scored = {(int(r["year"]), r["unit"]) for r in doc["reports"]}
    out: dict[int, list[str]] = {}
    for bad in doc["invalid"]:
        year = bad["year"]
        if year is not None and (year, bad["unit"]) not in scored:
            names = out.setdefault(int(year), [])
            name = bad["unit"] or bad["file"]
            if name not in names:
                names.append(name)
    return out


def totals(doc: Mapping[str, Any]) -> dict[str, int]:
    """How many results of each status the run has, reports and city-wide together; on 市本级's own page
    (``per_unit``) the city-wide results its ``city:`` block decides too, which the page lists and the unit
    signs for (its cards said "0 未达标" above a target it decides not met)."""
    counts: dict[str, int] = dict.fromkeys(STATUSES, 0)
    for evaluation in (*doc["reports"], *doc["city"]):
        for status, count in evaluation["summary"].items():
            counts[status] += count
    for result in city_block_results(doc):
        counts[result["status"]] += 1
    return counts


def city_block_results(doc: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The results of the city-wide targets a unit's page lists as decided by its ``city:`` block, every
    year's; none on any other page."""
    return [result for year in doc.get("city_block", ()) for result in year["results"]]


def catalogue_of(run: Any) -> list[str]:
    """The rule IDs of the run's packs, in catalogue order."""
    return [rule.id for pack in run.packs for rule in pack.rules]
