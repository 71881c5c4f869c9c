"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF readers.

One ``rule`` per catalogue rule (titles, clause and quote in its help); one ``result`` per rule or item that is
not met, located at the data it read (``error`` when the status fails the run, else ``warning``); one ``error``
result per problem of an invalid report, with ``ruleId`` ``invalid-report``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from zhijiao_check import __version__
from zhijiao_check.i18n import Translator
from zhijiao_check.renderers import RenderOptions
from zhijiao_check.renderers.findings import Finding, findings
from zhijiao_check.renderers.texts import label_of

if TYPE_CHECKING:
    from zhijiao_check.engine.results import Run

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
ROOT = "%SRCROOT%"


class SarifRenderer:
    def __init__(self, tr: Translator, options: RenderOptions) -> None:
        self.tr = tr
        self.options = options

    def render(self, run: Run) -> str:
        from zhijiao_check.document import document

        doc = document(run, self.tr)
        rules = [rule for pack in run.packs for rule in pack.rules]
        index = {rule.id: n for n, rule in enumerate(rules)}
        results = [self._problem(p) for bad in doc["invalid"] for p in bad["problems"]]
        results += [self._finding(f, index) for f in findings(doc, run.failing)]
        driver = {
            "name": "zhijiao-check",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": [self._rule(rule) for rule in rules],
        }
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": driver},
                "originalUriBaseIds": {ROOT: {"uri": Path.cwd().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "invocations": [self._invocation(doc)],
                "results": results,
                "properties": {"rulePacks": doc["rule_packs"], "exitCode": doc["exit_code"]},
            }],
        }
        return json.dumps(log, ensure_ascii=False, indent=2) + "\n"

    def _rule(self, rule: Any) -> dict[str, Any]:
        title = self.tr.pick(rule.title.zh, rule.title.en)
        clause = self.tr("render.clause", clause=rule.clause)
        lines = [f"{rule.title.zh} / {rule.title.en}", "", f"{clause}：“{rule.quote}”"]
        if rule.interpretation is not None:
            lines += ["", self.tr.pick(rule.interpretation.zh, rule.interpretation.en)]
        if rule.responsible:
            lines += ["", f"{self.tr('render.responsible')}：{'、'.join(rule.responsible)}"]
        markdown = "\n".join(lines[:2] + [f"> {clause}：{rule.quote}"] + lines[3:])
        return {
            "id": rule.id,
            "name": rule.id,
            "shortDescription": {"text": title},
            "fullDescription": {"text": f"{clause}：{rule.quote}"},
            "help": {"text": "\n".join(lines), "markdown": markdown},
            "defaultConfiguration": {"level": "error" if rule.severity == "error" else "warning"},
            "properties": {
                "title": {"zh": rule.title.zh, "en": rule.title.en},
                "clause": rule.clause,
                "quote": rule.quote,
                "scope": rule.scope,
                "tags": [f"clause-{rule.clause}", rule.scope],
            },
        }

    def _finding(self, finding: Finding, index: dict[str, int]) -> dict[str, Any]:
        result = finding.result
        status = (finding.item or result)["status"]
        text = f"{label_of(finding.evaluation, self.tr)} · {result['rule']} {result['title']}: {finding.explanation}"
        located = _locations(finding.locations) or [_location({"file": finding.file})]
        out: dict[str, Any] = {
            "ruleId": result["rule"],
            "level": finding.level,
            "message": {"text": text},
            "locations": located[:1],
            "properties": {
                "status": status,
                "ruleStatus": result["status"],
                "unit": finding.evaluation.get("unit", self.tr("render.city")),
                "year": finding.evaluation["year"],
                "observed": (finding.item or result)["observed"],
                "target": result["target"],
            },
        }
        if result["waiver"] is not None:
            # Reviewed and accepted: code scanning shows it as dismissed, with the reason on record.
            out["suppressions"] = [{"kind": "external", "status": "accepted", "justification": result["notes"][0]}]
        if result["rule"] in index:
            out["ruleIndex"] = index[result["rule"]]
        if len(located) > 1:
            out["relatedLocations"] = [{"id": n, **loc} for n, loc in enumerate(located[1:], 1)]
        return out

    def _problem(self, problem: Mapping[str, Any]) -> dict[str, Any]:
        title = self.tr("render.invalid-annotation")
        return {
            "ruleId": "invalid-report",
            "level": "error" if problem["severity"] == "error" else "warning",
            "message": {"text": f"{title}: {problem['path'] + ': ' if problem['path'] else ''}{problem['message']}"},
            "locations": [_location(problem)],
            "properties": {"code": problem["code"], "path": problem["path"]},
        }

    def _invocation(self, doc: Mapping[str, Any]) -> dict[str, Any]:
        notes = [{"level": "warning", "message": {"text": w["message"]}, "locations": [_location(w)],
                  "descriptor": {"id": w["code"]}} for w in doc["warnings"]]
        notes += [{"level": "note", "message": {"text": text}} for text in doc["notices"]]
        return {"executionSuccessful": True, "exitCode": doc["exit_code"], "toolExecutionNotifications": notes}


def _locations(locations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Distinct locations, in order."""
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for loc in locations:
        seen.setdefault((loc["file"], loc["line"], loc["column"]), _location(loc))
    return list(seen.values())


def _location(loc: Mapping[str, Any]) -> dict[str, Any]:
    artifact: dict[str, Any] = {"uri": _uri(str(loc["file"]))}
    if not PurePath(loc["file"]).is_absolute():
        artifact["uriBaseId"] = ROOT
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if loc.get("line"):
        physical["region"] = {"startLine": loc["line"]}
        if loc.get("column"):
            physical["region"]["startColumn"] = loc["column"]
    return {"physicalLocation": physical}


def _uri(file: str) -> str:
    """A relative file as a relative URI reference (``samples/2023/x.yaml``), an absolute one as ``file://``."""
    path = PurePath(file)
    if path.is_absolute():
        return Path(file).as_uri()
    return quote(path.as_posix(), safe="/")
