"""The run document: everything one ``check`` found, as plain data in one language.

Every view renders from it, and ``--format json`` prints it as it is (the stable shape of cli.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from zhijiao_check import __version__
from zhijiao_check.engine.trend import METHOD
from zhijiao_check.i18n import Translator

if TYPE_CHECKING:
    from zhijiao_check.engine.results import CityEvaluation, Evaluation, ReportEvaluation, RuleResult, Run
    from zhijiao_check.engine.trend import RunTrends, Trend
    from zhijiao_check.measure.outcome import ItemOutcome
    from zhijiao_check.measure.scope import Location


_documents: WeakKeyDictionary[Run, dict[str, dict[str, Any]]] = WeakKeyDictionary()


def document(run: Run, tr: Translator) -> dict[str, Any]:
    """The whole run as plain data, which every view renders from: built once per run and language,
    however many formats one run writes. Treat it as read-only."""
    by_lang = _documents.setdefault(run, {})
    if tr.lang not in by_lang:
        by_lang[tr.lang] = _build(run, tr)
    return by_lang[tr.lang]


def _build(run: Run, tr: Translator) -> dict[str, Any]:
    pack = run.packs[0]
    return {
        "tool": {"name": "zhijiao-check", "version": __version__},
        "rule_pack": {"id": pack.id, "document": pack.info.document},
        "rule_packs": [{"id": p.id, "document": p.info.document} for p in run.packs],
        "lang": tr.lang,
        "reports": [report(e, tr) for e in run.reports],
        "city": [city(e, tr) for e in run.city],
        "invalid": [
            {"file": bad.file, "problems": [p.as_dict(tr) for p in bad.problems]} for bad in run.invalid
        ],
        "warnings": [w.as_dict(tr) for w in run.warnings],
        "notices": list(run.notices),
        "trends": trends(run.trends, tr),
        "exit_code": int(run.exit_code),
    }


def evaluation(e: Evaluation, tr: Translator) -> dict[str, Any]:
    return {
        "score": e.score,
        "summary": e.summary,
        "notices": list(e.notices),
        "results": [result(r, tr) for r in e.results],
    }


def report(e: ReportEvaluation, tr: Translator) -> dict[str, Any]:
    return {"file": e.file, "unit": e.unit, "kind": e.kind, "year": e.year, **evaluation(e, tr)}


def city(e: CityEvaluation, tr: Translator) -> dict[str, Any]:
    return {
        "year": e.year,
        "file": e.file,
        "units_present": list(e.units_present),
        "units_missing": list(e.units_missing),
        **evaluation(e, tr),
    }


def result(r: RuleResult, tr: Translator) -> dict[str, Any]:
    rule = r.rule
    return {
        "rule": rule.id,
        "title": tr.pick(rule.title.zh, rule.title.en),
        "short": rule.short,
        "status": r.status,
        "observed": r.observed,
        "target": r.target,
        "unit": rule.unit,
        "expected": r.expected,
        "explanation": r.explanation,
        "notes": list(r.notes),
        "clause": rule.clause,
        "quote": rule.quote,
        "severity": rule.severity,
        "weight": rule.weight,
        "responsible": list(rule.responsible),
        "locations": [location(loc) for loc in r.locations],
        "items": [item(i) for i in r.items],
    }


def item(i: ItemOutcome) -> dict[str, Any]:
    return {
        "name": i.name,
        "school": i.school,
        "status": i.status,
        "observed": i.observed,
        "explanation": i.explanation,
        "locations": [location(loc) for loc in i.locations],
    }


def location(loc: Location) -> dict[str, Any]:
    return {"file": loc.file, "line": loc.line, "column": loc.column}


def trends(t: RunTrends, tr: Translator) -> dict[str, Any]:
    """docs/trends.md: per target, each year's figure and status, and the projection to the due year."""
    return {
        "method": METHOD,
        "years": list(t.years),
        "city": [trend(x, tr) for x in t.city],
        "units": [{"unit": u.unit, "kind": u.kind, "trends": [trend(x, tr) for x in u.trends]} for u in t.units],
    }


def trend(t: Trend, tr: Translator) -> dict[str, Any]:
    rule = t.rule
    p = t.projection
    return {
        "rule": rule.id,
        "title": tr.pick(rule.title.zh, rule.title.en),
        "unit": rule.unit,
        "target": {"op": "==", "value": True} if rule.kind == "flag" else {
            "op": rule.target.op, "value": None if getattr(rule, "compare_to", None) is not None else rule.target.value},
        "due": rule.time.due,
        "linear": rule.time.linear,
        "years": [{"year": x.year, "observed": x.observed, "status": x.status, "schedule": x.schedule,
                   "target": x.target, "fitted": p is not None and x.year in p.years}
                  for x in t.points],
        "projection": None if p is None else {
            "years": list(p.years),
            "slope": p.slope,
            "intercept": p.intercept,
            "due": p.due,
            "projected": p.projected,
            "meets_in": p.meets_in,
            "on_track": p.on_track,
        },
        "no_projection": t.why_not,
    }
