"""The run document: everything one ``check`` found, as plain data in one language.

Every view renders from it, and ``--format json`` prints it as it is (the stable shape of cli.md). The run's
wording (explanations, notes, notices) is rendered here, in the document's language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, NotRequired, TypedDict, TypeVar, cast
from weakref import WeakKeyDictionary

from zhijiao_check import __version__
from zhijiao_check.characters import one_line
from zhijiao_check.engine.trend import METHOD
from zhijiao_check.i18n import Translator
from zhijiao_check.jsontext import Lazy
from zhijiao_check.kinds import stated_target
from zhijiao_check.status import STATUSES

if TYPE_CHECKING:
    from zhijiao_check.engine.assessment import Assessment
    from zhijiao_check.engine.results import CityEvaluation, Evaluation, ReportEvaluation, RuleResult, Run
    from zhijiao_check.engine.runtrends import RunTrends, UnitTrends
    from zhijiao_check.engine.trend import Trend, Verdict
    from zhijiao_check.engine.waiver import Waiver
    from zhijiao_check.measure.outcome import ItemOutcome
    from zhijiao_check.measure.scope import Location
    from zhijiao_check.pack.load import RulePack
    from zhijiao_check.problems import ProblemDoc
    from zhijiao_check.report import InvalidReport
    from zhijiao_check.status import Status

    class LocationDoc(TypedDict):
        file: str
        line: int
        column: int
        cell: NotRequired[str]  # in a workbook: ``学校!F7（在校生）``

    class ItemDoc(TypedDict):
        name: str
        school: str | None
        status: str
        observed: Any
        target: dict[str, Any] | None  # the item's own target (a school's 10000 元), when it has one
        explanation: str
        locations: list[LocationDoc]

    class ResultDoc(TypedDict):
        rule: str
        title: str
        short: str | None
        status: str
        observed: Any
        target: dict[
            str, Any
        ]  # {"op": ">=", "value": 0.45}; the value None when a compared figure is unknown
        unit: str
        expected: float | None
        explanation: str
        notes: list[str]  # a waived result's first note is the waiver's reason
        # reason, approved_by, document, year, expires, file, line, status (excused)
        waiver: dict[str, Any] | None
        clause: int
        quote: str
        severity: str
        weight: float
        responsible: list[str]
        locations: list[LocationDoc]
        items: list[ItemDoc]

    class EvaluationDoc(TypedDict):
        score: float | None
        summary: dict[Status, int]
        notices: list[str]
        results: list[ResultDoc]

    class ReportDoc(EvaluationDoc):
        file: str
        unit: str
        kind: str
        year: int
        rank: int | None  # within its year, by score (ties share a rank); None without a score

    class OtherYearDoc(TypedDict):
        unit: str
        file: str
        year: int

    class CityDoc(EvaluationDoc):
        year: int
        file: str
        units_present: list[str]
        units_missing: list[str]
        units_invalid: list[str]  # those of units_missing whose report was refused as invalid
        # those of units_missing whose report of another year is in a folder (or a file name) of this year
        units_other_year: list[OtherYearDoc]

    class PackDoc(TypedDict):
        id: str
        document: str

    class InvalidDoc(TypedDict):
        file: str
        # the unit and year the report gives, where it gives them plainly though it is invalid; else None
        unit: str | None
        year: int | None
        problems: list[ProblemDoc]

    class HeaderDoc(TypedDict):
        tool: dict[str, str]
        rule_pack: PackDoc
        rule_packs: list[PackDoc]
        lang: str
        config: NotRequired[str]  # only where a config file was used: a run without one is as it always was

    class RunDocument(HeaderDoc):
        """The shape of ``--format json`` (cli.md)."""

        reports: list[ReportDoc]
        city: list[CityDoc]
        invalid: list[InvalidDoc]
        warnings: list[ProblemDoc]
        notices: list[str]
        trends: dict[str, Any]  # docs/trends.md
        exit_code: int

else:
    # A document is a plain dict at run time. Declared as TypedDicts, whose annotations are texts here (``from
    # __future__ import annotations``), each field's text was compiled by ``typing`` as the module was
    # imported: some 60 fields, 4 million instructions of a cold run (1%), for what only mypy reads.
    LocationDoc = ItemDoc = ResultDoc = EvaluationDoc = ReportDoc = OtherYearDoc = dict
    CityDoc = PackDoc = InvalidDoc = HeaderDoc = RunDocument = dict


_documents: WeakKeyDictionary[Run, dict[str, RunDocument]] = WeakKeyDictionary()


def document(run: Run, tr: Translator) -> RunDocument:
    """The whole run as plain data, which every view renders from: built once per run and language,
    however many formats one run writes. Treat it as read-only."""
    from zhijiao_check.characters import marking

    if marking():  # a terminal view's own, a user's text marked in it: kept from every other view
        return _build(run, tr)
    by_lang = _documents.setdefault(run, {})
    if tr.lang not in by_lang:
        by_lang[tr.lang] = _build(run, tr)
    return by_lang[tr.lang]


def _build(run: Run, tr: Translator) -> RunDocument:
    return {
        **header(run.packs, tr, run.config),
        "reports": _ranked([report(e, tr) for e in run.reports]),
        "city": [city(e, tr) for e in run.city],
        "invalid": [invalid(bad, tr) for bad in run.invalid],
        "warnings": [w.as_dict(tr) for w in run.warnings],
        "notices": [tr.render(n) for n in run.notices],
        "trends": trends(run.trends, tr),
        "exit_code": int(run.exit_code),
    }


def header(packs: Sequence[RulePack], tr: Translator, config: str | None = None) -> HeaderDoc:
    """The document's first entries: the tool, the rule packs, the language, and the config file the run
    took its settings from (``config``, as shown), where there was one: a setting that surprises is traced
    to its file."""
    pack = packs[0]
    doc: HeaderDoc = {
        "tool": {"name": "zhijiao-check", "version": __version__},
        "rule_pack": {"id": pack.id, "document": pack.info.document},
        "rule_packs": [{"id": p.id, "document": p.info.document} for p in packs],
        "lang": tr.lang,
    }
    if config is not None:
        doc["config"] = config
    return doc


def invalid(bad: InvalidReport, tr: Translator) -> InvalidDoc:
    return {
        "file": bad.file,
        "unit": bad.unit,
        "year": bad.year,
        "problems": [p.as_dict(tr) for p in bad.problems],
    }


def _ranked(reports: list[ReportDoc]) -> list[ReportDoc]:
    """As cli.md says: year by year, each year's reports ranked by score (ties in the unit list's order, the
    reports without a due rule last), each with its ``rank`` (``null`` without a score)."""
    years: dict[int, list[ReportDoc]] = {}
    for one in reports:
        years.setdefault(one["year"], []).append(one)
    out: list[ReportDoc] = []
    for year in sorted(years):
        for rank, one in ranked(years[year]):
            one["rank"] = rank
            out.append(one)
    return out


Ranked = TypeVar("Ranked", bound=Mapping[str, Any])


def ranked(reports: Sequence[Ranked]) -> list[tuple[int | None, Ranked]]:
    """Best score first, ties in the given order and sharing a rank (1, 1, 3);
    reports without a score last.
    """
    scored = sorted((r for r in reports if r["score"] is not None), key=lambda r: -float(r["score"]))
    out: list[tuple[int | None, Ranked]] = []
    for index, one in enumerate(scored):
        same = index > 0 and one["score"] == scored[index - 1]["score"]
        out.append((out[-1][0] if same else index + 1, one))
    return out + [(None, r) for r in reports if r["score"] is None]


def _number(value: Any) -> Any:
    """``25000`` rather than ``25000.0``: a whole number is written as one (a count, a sum of 元,
    a target). Each value orjson may write otherwise than Python is counted (``_ODD``, read by ``reported``).
    """
    kind = value.__class__  # by exact class: a document writes a few hundred thousand values
    if kind is int or value is None or kind is bool:
        return value
    if kind is float:
        if value.is_integer():
            return int(value)
        if -1e-4 < value < 1e-4:  # not 0, which is whole
            _ODD[0] += 1
        return value
    if kind is list:
        return [_number(v) for v in value]
    if not isinstance(value, int | str):
        _ODD[0] += 1  # a value of another type (a tuple, a mapping): taken to hold one
    return value


# How many values ``_number`` has met that orjson may write otherwise than Python: a float under 1e-4 in
# magnitude but 0 (Python's ``1e-05``, orjson's ``0.00001``), or a value of another type, which may hold one.
# One count for the process: the tool writes documents in one thread (``--jobs`` runs processes).
_ODD = [0]


def reported(e: ReportEvaluation, tr: Translator) -> tuple[ReportDoc, bool]:
    """``report(e, tr)``, and whether orjson writes every number of it as Python does (``jsontext.encoded``'s
    ``small_floats``): told as its figures are written (``_number``), where looking through the written text
    costs about what orjson takes to write it, and looking through the records again a tenth of making the
    entry. A rule's own target and weight are looked at once (``_facts``). (The score is rounded to tenths: 0
    or not small.)"""
    before = _ODD[0]
    entry = report(e, tr)
    # its summary's keys as text, as the rest of it is, which orjson writes faster (``jsontext._written``; a
    # ``Status`` is looked up by its text alike): the counts are by ``STATUSES``, in order
    texts = dict(zip(_STATUS_TEXTS, entry["summary"].values(), strict=True))
    entry["summary"] = cast("dict[Status, int]", texts)
    return entry, _ODD[0] == before


_STATUS_TEXTS = tuple(str(status) for status in STATUSES)


def _plain(value: Any) -> bool:
    """A value orjson writes as Python does: no float under 1e-4 in magnitude but 0, in a list neither (a
    range's target); a mapping or a value of another type is taken to hold one."""
    kind = value.__class__  # by exact class, as ``_number`` tells them
    if kind is float:
        return not (-1e-4 < value < 1e-4) or value == 0
    if kind is list:
        return all(map(_plain, value))
    return value is None or isinstance(value, int | str)


def evaluation(e: Evaluation, tr: Translator, streamed: bool = False) -> EvaluationDoc:
    """``streamed``: the results as a ``jsontext.Lazy`` list, each made as it is written (a city-wide year of
    a large run locates every figure of every report: all at once, a hundred thousand places)."""
    results = (
        [result(r, tr) for r in e.results]
        if not streamed
        else Lazy(lambda: (result(r, tr, streamed=True) for r in e.results))
    )
    return {
        "score": e.score,
        "summary": e.summary,
        "notices": [tr.render(n) for n in e.notices],
        "results": cast("list[ResultDoc]", results),
    }


def report(e: ReportEvaluation, tr: Translator) -> ReportDoc:
    # "rank": set by _ranked, once the year's reports are all there.
    return {"file": e.file, "unit": e.unit, "kind": e.kind, "year": e.year, **evaluation(e, tr), "rank": None}


def city(e: CityEvaluation, tr: Translator, streamed: bool = False) -> CityDoc:
    return {
        "year": e.year,
        "file": e.file,
        "units_present": list(e.units_present),
        "units_missing": list(e.units_missing),
        "units_invalid": list(e.units_invalid),
        "units_other_year": [{"unit": u, "file": f, "year": y} for u, f, y in e.units_other_year],
        **evaluation(e, tr, streamed),
    }


def result(r: RuleResult, tr: Translator, streamed: bool = False) -> ResultDoc:
    """``streamed``: its places and items as ``jsontext.Lazy`` lists (a city-wide result of a large run
    locates a figure of every school of every report)."""
    rule = r.rule
    entry, op, stated, plain = _facts(rule, tr)
    if not plain:  # its target or its weight: counted for each entry it is written in (``reported``)
        _ODD[0] += 1
    # The rule's own fields are the same in every result: its entry, copied, has the result's set in it (a
    # copy and nine keys set cost half of making the eighteen).
    doc = entry.copy()
    render = tr.render
    observed, expected = r.observed, r.expected
    doc["status"] = r.status
    # a value ``_number`` gives back as it is, without the call (most of them)
    doc["observed"] = observed if observed.__class__ in _AS_THEY_ARE else _number(observed)
    # ``RuleResult.target``, its value written as the document writes numbers (a rule's own, once)
    doc["target"] = {"op": op, "value": _number(r.compared_to) if stated is None else stated}
    doc["expected"] = expected if expected is None else _number(expected)
    doc["explanation"] = render(r.explanation)
    # most results have no note and no item: an empty list without a comprehension's call
    doc["notes"] = (
        ([render(n) for n in r.notes] if r.notes else [])
        if r.waiver is None
        else [waiver_note(r.waiver, r.waived_status, tr), *(render(n) for n in r.notes)]
    )
    if r.waiver is not None:
        doc["waiver"] = {**r.waiver.as_dict(), "status": r.waived_status}
    doc["locations"] = (
        _places(r.locations)
        if not streamed
        else cast("list[LocationDoc]", Lazy(lambda: map(location, r.locations), plain=True))
    )
    doc["items"] = (
        ([item(i, tr) for i in r.items] if r.items else [])
        if not streamed
        else cast("list[ItemDoc]", Lazy(lambda: (item(i, tr) for i in r.items), plain=True))
    )
    return doc


# What a result's entry says of its rule in each language, by the rule's id and kept with it (so that its id
# cannot be taken by another): the same for every report. Its entry (``_entry``), its target's operator and
# value (None: a computed target), and whether its target and weight are written as Python writes them.
_FACTS: dict[tuple[int, str], tuple[object, tuple[ResultDoc, str, Any, bool]]] = {}


def _facts(rule: Any, tr: Translator) -> tuple[ResultDoc, str, Any, bool]:
    known = _FACTS.get((id(rule), tr.lang))
    if known is not None and known[0] is rule:
        return known[1]
    op, stated = stated_target(rule)
    facts = (
        _entry(rule, tr),
        op,
        None if stated is None else _number(stated),  # None: a computed target, each result's own
        _plain(stated) and _plain(rule.weight),  # written as Python writes them (``reported``)
    )
    _FACTS[id(rule), tr.lang] = (rule, facts)
    return facts


def _entry(rule: Any, tr: Translator) -> ResultDoc:
    """A result's entry with its rule's own fields, in the entry's order; each result's own are set in a
    copy of it (``result``)."""
    return {
        "rule": rule.id,
        "title": tr.pick(rule.title.zh, rule.title.en),
        "short": rule.short,
        "status": "",
        "observed": None,
        "target": {"op": "", "value": None},
        "unit": rule.unit,
        "expected": None,
        "explanation": "",
        "notes": [],
        "waiver": None,
        "clause": rule.clause,
        "quote": rule.quote,
        "severity": rule.severity,
        "weight": rule.weight,
        # one list for every entry of the rule: the document is read-only
        "responsible": list(rule.responsible),
        "locations": [],
        "items": [],
    }


def waiver_note(waiver: Waiver, waived_status: Status | None, tr: Translator) -> str:
    """The reason of a waived result, as every format shows it: why, who approved it, the document, where. Its
    status before the waiver in words (未达标, not ``fail``): the note is read by people, in every format; the
    code stays in the JSON's ``waiver.status``. One line, whatever lines the waivers file wrote its texts on
    (``characters.one_line``): the note is a table's cell, an annotation, a CSV field; the JSON's ``waiver``
    keeps them as written."""
    return tr(
        "render.waiver-note",
        status=tr(f"render.short-status-{waived_status}"),
        reason=one_line(waiver.reason),
        approved_by=one_line(waiver.approved_by),
        document=one_line(waiver.document),
        where=f"{waiver.file}:{waiver.line}",
    )


def item(i: ItemOutcome, tr: Translator) -> ItemDoc:
    target, observed = i.target, i.observed
    return {
        "name": i.name,
        "school": i.school,
        "status": i.status,
        "observed": observed if observed.__class__ in _AS_THEY_ARE else _number(observed),
        # the outcome's own mapping where the document writes its value as it is (the document is read-only)
        "target": target
        if target is None or target["value"].__class__ in _AS_THEY_ARE
        else {**target, "value": _number(target["value"])},
        "explanation": tr.render(i.explanation),
        "locations": _places(i.locations),
    }


# The classes of the values ``_number`` gives back as they are and never counts (``_ODD``).
_AS_THEY_ARE = frozenset((int, bool, str, type(None)))


def _places(locations: Sequence[Location]) -> list[LocationDoc]:
    """``location`` of each, a place outside a workbook made in the loop, without a call: a large run's
    entries hold hundreds of thousands."""
    return [
        {"file": loc.file, "line": loc.line, "column": loc.column} if not loc.cell else location(loc)
        for loc in locations
    ]


def location(loc: Location) -> LocationDoc:
    if not loc.cell:  # only a workbook's locations have one
        return {"file": loc.file, "line": loc.line, "column": loc.column}
    return {"file": loc.file, "line": loc.line, "column": loc.column, "cell": loc.cell}


def trends(t: RunTrends, tr: Translator) -> dict[str, Any]:
    """docs/trends.md: per target, each year's figure and status, and the projection to the due year; and
    clause 15's line per scope, counted from the verdicts (``assessment``)."""
    from zhijiao_check.engine.assessment import run_assessment

    return {
        "method": METHOD,
        "years": list(t.years),
        "city": [trend(x, tr) for x in t.city],
        "units": [unit_trends(u, tr) for u in t.units],
        "assessment": [assessment(a) for a in run_assessment(t)],
    }


def unit_trends(u: UnitTrends, tr: Translator) -> dict[str, Any]:
    return {"unit": u.unit, "kind": u.kind, "trends": [trend(x, tr) for x in u.trends]}


def trend(t: Trend, tr: Translator) -> dict[str, Any]:
    rule = t.rule
    p = t.projection
    op, value = stated_target(rule)  # a computed target's value is each year's: none for the whole trend
    return {
        "rule": rule.id,
        "title": tr.pick(rule.title.zh, rule.title.en),
        "unit": rule.unit,
        "target": {"op": op, "value": value},
        "due": rule.time.due,
        "linear": rule.time.linear,
        "years": [
            {
                "year": x.year,
                "observed": x.observed,
                "status": x.status,
                "schedule": x.schedule,
                "target": x.target,
                "fitted": p is not None and x.year in p.years,
                "undecided": x.undecided,
            }
            for x in t.points
        ],
        "projection": None
        if p is None
        else {
            "years": list(p.years),
            "slope": p.slope,
            "intercept": p.intercept,
            "due": p.due,
            "projected": p.projected,
            "meets_in": p.meets_in,
            "on_track": p.on_track,
            "met_since": p.met_since,
        },
        "no_projection": t.why_not,
        "verdict": None if t.verdict is None else verdict(t.verdict),
        # docs/trends.md, "Setbacks": a figure moving away from the target from one year to the next
        "setbacks": [
            {"previous_year": b.previous_year, "year": b.year, "previous": b.previous, "observed": b.observed}
            for b in t.setbacks
        ],
    }


def verdict(v: Verdict) -> dict[str, Any]:
    """docs/trends.md, "Met by the due year": the years' own answer where the run reaches them."""
    return {
        "kind": v.kind,
        "due": v.due,
        "outcome": v.outcome,
        "years": [{"year": y.year, "outcome": y.outcome, "observed": y.observed} for y in v.years],
        "met": v.met,
        "counted": len(v.years),
        "held": v.held,
    }


def assessment(a: Assessment) -> dict[str, Any]:
    """docs/trends.md, "Clause 15's summary": one scope's verdicts counted (``unit`` null: the city-wide
    targets)."""
    return {
        "scope": "unit" if a.unit is not None else "city",
        "unit": a.unit,
        "kind": a.kind,
        "due": {
            "targets": a.due_count,
            "outcomes": [
                {"outcome": t.outcome, "count": len(t.rules), "rules": list(t.rules)} for t in a.due
            ],
            "not_held": {"count": len(a.not_held), "rules": list(a.not_held)},
        },
        "each_year": {
            "targets": len(a.each_year),
            "met": a.years_met,
            "counted": a.years_counted,
            "outcomes": [{"outcome": t.outcome, "years": t.years} for t in a.years],
            "rules": [{"rule": y.rule, "met": y.met, "counted": y.counted} for y in a.each_year],
        },
        # a unit the run expects without trends: why (all-invalid, not-filed, invalid-and-not-filed, one-year)
        "no_trends": a.no_trends,
    }
