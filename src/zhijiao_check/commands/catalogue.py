"""``rules``, ``explain`` and ``coverage``: what the rule packs transcribe, for people and scripts."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.status import ExitCode


def _console() -> Any:
    """A console that fits a terminal, or 100 columns when the output goes to a file or a pipe."""
    from rich.console import Console

    return Console(highlight=False, width=None if sys.stdout.isatty() else 100)


def _packs(rules: Sequence[Path], main: str | None) -> list[Any]:
    from zhijiao_check.pack.load import load_packs

    return load_packs(rules, main)


def time_text(rule: Any, tr: Translator) -> str:
    time = rule.time
    if time.due is not None:
        return tr("catalogue.due-linear" if time.linear else "catalogue.due", year=time.due)
    if time.every_year is not None:
        return tr("catalogue.every-year", year=time.every_year)
    return tr("catalogue.from", year=time.start)


def rule_data(rule: Any, tr: Translator, source: Any) -> dict[str, Any]:
    interpretation = rule.interpretation
    return {
        "id": rule.id,
        "title": tr.pick(rule.title.zh, rule.title.en),
        "clause": rule.clause,
        "quote": rule.quote,
        "scope": rule.scope,
        "units": list(rule.units) if rule.scope == "unit" else [],
        "kind": rule.kind,
        "reads": rule.reads(),
        "target": _target(rule),
        "unit": rule.unit,
        "time": rule.time.model_dump(by_alias=True, exclude_none=True),
        "time_text": time_text(rule, tr),
        "severity": rule.severity,
        "weight": rule.weight,
        "responsible": list(rule.responsible),
        "annex": rule.annex,
        "interpretation": tr.pick(interpretation.zh, interpretation.en) if interpretation else None,
        "when": rule.when.model_dump() if rule.when else None,
        "source": f"{source.file}:{source.line}",
    }


def _target(rule: Any) -> dict[str, Any]:
    target: dict[str, Any] = rule.target.model_dump(exclude_none=True)
    if rule.kind == "flag":
        return {"op": "==", "value": True}
    compare_to = getattr(rule, "compare_to", None)
    if compare_to is not None:
        del target["value"]
        target["compare_to"] = " / ".join(compare_to.reads()) if rule.kind == "ratio" else compare_to.reads()
    return target


def borrowed_text(borrowed: dict[str, Any], tr: Translator) -> str:
    """``（责任单位取自第1条的工作任务清单第2项）``: a rule naming another clause's annex item."""
    clauses = tr.join(str(c) for c in borrowed["clauses"])
    return tr("catalogue.borrowed", item=borrowed["item"], clauses=clauses)


def _value(value: Any) -> str:
    """``20`` rather than ``20.0``; ``[1, 2]`` for a range; a compared-to figure as its field names."""
    from zhijiao_check.measure.numbers import number

    if isinstance(value, list):
        return "[" + ", ".join(number(v) for v in value) + "]"
    return number(value) if isinstance(value, int | float) else str(value)


def list_rules(lang: Lang, format: str, rules: Sequence[Path], main: str | None = None) -> int:
    tr = Translator(lang)
    packs = _packs(rules, main)
    rows = [rule_data(r, tr, p.sources[r.id]) for p in packs for r in p.rules]
    if format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return ExitCode.OK
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column(tr("catalogue.col-id"), no_wrap=True)
    for key in ("catalogue.col-clause", "catalogue.col-scope", "catalogue.col-time", "catalogue.col-title"):
        table.add_column(tr(key), overflow="fold")
    for row in rows:
        scope = tr(f"catalogue.scope-{row['scope']}")
        table.add_row(row["id"], str(row["clause"]), scope, row["time_text"], row["title"])
    _console().print(table)
    print(tr("catalogue.count", count=len(rows)))
    return ExitCode.OK


def explain(rule_id: str, lang: Lang, format: str, rules: Sequence[Path], main: str | None = None) -> int:
    tr = Translator(lang)
    packs = _packs(rules, main)
    found = [(p, r) for p in packs for r in p.rules if r.id == rule_id]
    if not found:
        from zhijiao_check.commands.check import unknown_rule

        raise unknown_rule(rule_id, [r.id for p in packs for r in p.rules])
    pack, rule = found[0]
    data = rule_data(rule, tr, pack.sources[rule.id])
    if format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return ExitCode.OK
    target = data["target"]
    lines = [
        f"{data['id']}  {data['title']}",
        f"{tr('catalogue.clause')}: {pack.info.document} {tr('catalogue.clause-n', n=data['clause'])}",
        f"{tr('catalogue.quote')}: “{data['quote']}”",
        f"{tr('catalogue.scope')}: {tr('catalogue.scope-' + data['scope'])}"
        + (f" ({', '.join(data['units'])})" if data["units"] else ""),
        f"{tr('catalogue.kind')}: {data['kind']}",
        f"{tr('catalogue.reads')}: {', '.join(data['reads'])}",
        f"{tr('catalogue.target')}: {target['op']} {_value(target.get('value', target.get('compare_to')))}"
        f" ({data['unit']})"
        + (f", tolerance {target['tolerance']}" if "tolerance" in target else "")
        + (f", expected_max {target['expected_max']}" if "expected_max" in target else ""),
        f"{tr('catalogue.time')}: {data['time_text']}",
        f"{tr('catalogue.severity')}: {data['severity']}, {tr('catalogue.weight')} {data['weight']:g}",
        f"{tr('catalogue.responsible')}: {'、'.join(data['responsible'])}"
        + (f" ({tr('catalogue.annex', n=data['annex'])})" if data["annex"] else ""),
    ]
    if data["when"]:
        lines.append(f"{tr('catalogue.when')}: {data['when']['rule']} = {'/'.join(data['when']['status'])}")
    if data["interpretation"]:
        lines.append(f"{tr('catalogue.interpretation')}: {data['interpretation']}")
    lines.append(f"{tr('catalogue.source')}: {data['source']}")
    print("\n".join(lines))
    return ExitCode.OK


def coverage(lang: Lang, format: str, rules: Sequence[Path], main: str | None = None) -> int:
    tr = Translator(lang)
    packs = _packs(rules, main)
    pack = packs[0]
    all_rules = [r for p in packs for r in p.rules]
    rows = []
    for clause in pack.info.clauses:
        of_clause = [r for r in all_rules if r.clause == clause.number]
        reason = tr.pick(clause.untranscribed.zh, clause.untranscribed.en) if clause.untranscribed else None
        borrowed = {r.id: {"item": r.annex, "clauses": pack.info.borrowed(r.clause, r.annex)}
                    for r in of_clause if pack.info.borrowed(r.clause, r.annex)}
        rows.append({"clause": clause.number, "title": clause.title, "rules": [r.id for r in of_clause],
                     "borrowed": borrowed, "untranscribed": reason})
    if format == "json":
        print(json.dumps({"document": pack.info.document, "clauses": rows}, ensure_ascii=False, indent=2))
        return ExitCode.OK
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, title=pack.info.document)
    table.add_column(tr("catalogue.col-clause"), justify="right")
    table.add_column(tr("catalogue.col-title"))
    table.add_column(tr("catalogue.col-rules"), overflow="fold")
    for row in rows:
        lines = [f"{i}{borrowed_text(row['borrowed'][i], tr)}" if i in row["borrowed"] else i for i in row["rules"]]
        if row["untranscribed"]:
            lines.append(tr("catalogue.untranscribed", reason=row["untranscribed"]))
        table.add_row(str(row["clause"]), row["title"], "\n".join(lines) or "—")
    _console().print(table)
    return ExitCode.OK
