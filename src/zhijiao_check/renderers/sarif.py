"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF readers.

One ``rule`` per catalogue rule (titles, clause and quote in its help, ``helpUri`` its anchor in
docs/rules.md) and one for ``invalid-report``; one ``result`` per rule or item that is not met, located at the
data it read (``error`` when the status fails the run, else ``warning``), and a suppressed ``note`` per waived
rule; one ``error`` result per problem of an invalid report. Artifact URIs are relative to ``%SRCROOT%``, the
repository's root (``renderers.paths``), so that code scanning finds the files; ``partialFingerprints`` name
the rule, unit, year and item, so that a finding keeps its identity when lines move. In a workbook a
region's line and column name no sheet: the message names the cell and its header (``本单位!C7（高中阶段招生 ·
中职招生）``) as every other output does, and each location carries them too.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from zhijiao_check import __version__
from zhijiao_check.i18n import Translator
from zhijiao_check.jsontext import Lazy, Piece, chunks, entries_of
from zhijiao_check.renderers import RenderOptions
from zhijiao_check.renderers.findings import Finding, findings
from zhijiao_check.renderers.json import strict_json
from zhijiao_check.renderers.paths import from_base
from zhijiao_check.renderers.texts import field_of, label_of, responsible_text, who
from zhijiao_check.units import CITY_WIDE

if TYPE_CHECKING:
    from zhijiao_check.engine.results import Run
    from zhijiao_check.pack.load import RulePack

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
ROOT = "%SRCROOT%"
FINGERPRINT = "zhijiaoCheck/v1"
INVALID = "invalid-report"


class SarifRenderer:
    def __init__(self, tr: Translator, options: RenderOptions) -> None:
        self.tr = tr
        self.options = options

    def render(self, run: Run) -> str:
        from zhijiao_check.document import document

        return strict_json(self.log(document(run, self.tr), run.packs, run.failing, streamed=False))

    def pieces(
        self, doc: Mapping[str, Any], packs: Sequence[RulePack], failing: frozenset[str]
    ) -> Iterator[Piece]:
        """The same text as ``render``, written as a large run's document is read back (``commands.flat``):
        its results made as they are written."""
        return chain(chunks(self.log(doc, packs, failing, streamed=True)), [b"\n"])  # as strict_json ends it

    def log(
        self, doc: Mapping[str, Any], packs: Sequence[RulePack], failing: frozenset[str], streamed: bool
    ) -> dict[str, Any]:
        """The SARIF log of ``doc``; ``streamed``: its results and notifications as ``Lazy`` lists."""
        self.base = self.options.base()
        rules = [rule for pack in packs for rule in pack.rules]
        index = {rule.id: n for n, rule in enumerate(rules)}
        index[INVALID] = len(rules)
        help_url = _help_url()

        def results() -> Iterator[dict[str, Any]]:
            for bad in entries_of(doc["invalid"]):
                yield from (self._problem(p, index) for p in bad["problems"])
            yield from (self._finding(f, index, streamed) for f in findings(doc, failing))

        driver = {
            "name": "zhijiao-check",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": [
                *(
                    self._rule(rule, pack.info, help_url if _builtin(pack) else None)
                    for pack in packs
                    for rule in pack.rules
                ),
                self._invalid_rule(),
            ],
        }
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {"driver": driver},
                    "originalUriBaseIds": {ROOT: {"uri": self.base.resolve().as_uri() + "/"}},
                    "columnKind": "unicodeCodePoints",
                    "invocations": [self._invocation(doc, streamed)],
                    "results": Lazy(results) if streamed else list(results()),
                    "properties": {"rulePacks": doc["rule_packs"], "exitCode": doc["exit_code"]},
                }
            ],
        }
        return log

    def _rule(self, rule: Any, info: Any, help_url: str | None) -> dict[str, Any]:
        title = self.tr.pick(rule.title.zh, rule.title.en)
        clause, colon = self.tr("render.clause", clause=rule.clause), self.tr.colon
        lines = [f"{rule.title.zh} / {rule.title.en}", "", f"{clause}{colon}“{rule.quote}”"]
        if rule.interpretation is not None:
            lines += ["", self.tr.pick(rule.interpretation.zh, rule.interpretation.en)]
        if rule.responsible:
            bodies = responsible_text(info, rule.responsible, self.tr)
            lines += ["", f"{self.tr('render.responsible')}{colon}{bodies}"]
        markdown = "\n".join(lines[:2] + [f"> {clause}{colon}{rule.quote}"] + lines[3:])
        entry: dict[str, Any] = {
            "id": rule.id,
            "name": rule.id,
            "shortDescription": {"text": title},
            "fullDescription": {"text": f"{clause}{colon}{rule.quote}"},
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
        if help_url:
            entry["helpUri"] = f"{help_url}#{rule.id}"
        return entry

    def _invalid_rule(self) -> dict[str, Any]:
        """The rule of every problem of an invalid report: the report format, not a target of the policy."""
        text = self.tr("render.invalid-rule")
        return {
            "id": INVALID,
            "name": INVALID,
            "shortDescription": {"text": text},
            "fullDescription": {"text": text},
            "help": {"text": text, "markdown": text},
            "defaultConfiguration": {"level": "error"},
            "properties": {"tags": ["report-format"]},
        }

    def _finding(self, finding: Finding, index: dict[str, int], streamed: bool) -> dict[str, Any]:
        """``streamed``: its related places as a ``Lazy`` list (a city-wide finding of a large run may have
        thousands, each a nest of dicts)."""
        result = finding.result
        status = (finding.item or result)["status"]
        label = label_of(finding.evaluation, self.tr)
        cell = _cell_of(next(finding.places, None), self.tr.colon)
        explained = f"{cell}{finding.explanation(self.tr)}"
        text = f"{label} · {result['rule']} {result['title']}{self.tr.colon}{explained}"
        places = self._distinct(finding.places)
        located = list(islice(places, 2)) or [self._location({"file": finding.file})]
        unit = finding.evaluation.get("unit", CITY_WIDE)
        item = who(finding.item, self.tr) if finding.item is not None else ""
        # A school's own figure is held against the school's own target (10000 元), not the share of schools.
        target = (finding.item or {}).get("target") or result["target"]
        out: dict[str, Any] = {
            "ruleId": result["rule"],
            "level": finding.level,
            "message": {"text": text},
            "locations": located[:1],
            "partialFingerprints": {
                FINGERPRINT: _fingerprint(
                    result["rule"], unit, finding.evaluation["year"], _identity(finding.item)
                )
            },
            "properties": {
                "status": status,
                "ruleStatus": result["status"],
                "unit": unit,
                "year": finding.evaluation["year"],
                "item": item or None,
                "observed": (finding.item or result)["observed"],
                "target": target,
            },
        }
        if result["waiver"] is not None:
            # Reviewed and accepted: code scanning shows it as dismissed, with the reason on record.
            out["suppressions"] = [
                {"kind": "external", "status": "accepted", "justification": result["notes"][0]}
            ]
        if result["rule"] in index:
            out["ruleIndex"] = index[result["rule"]]
        if len(located) > 1:
            related = ({"id": n, **loc} for n, loc in enumerate(chain(located[1:], places), 1))
            out["relatedLocations"] = Lazy(lambda: related, plain=True) if streamed else list(related)
        return out

    def _problem(self, problem: Mapping[str, Any], index: dict[str, int]) -> dict[str, Any]:
        colon = self.tr.colon  # ：in Chinese
        # A workbook's problem names its cell and header where a YAML author's names the field path.
        named = problem.get("cell") or field_of(problem)
        said = f"{self.tr('render.invalid-annotation')}{colon}{named + colon if named else ''}"
        place = self._location(problem)
        uri = place["physicalLocation"]["artifactLocation"]["uri"]
        return {
            "ruleId": INVALID,
            "ruleIndex": index[INVALID],
            "level": "error" if problem["severity"] == "error" else "warning",
            "message": {"text": said + problem["message"]},
            "locations": [place],
            "partialFingerprints": {
                FINGERPRINT: _fingerprint(INVALID, uri, problem["code"], problem["path"])
            },
            "properties": {"code": problem["code"], "path": problem["path"]},
        }

    def _invocation(self, doc: Mapping[str, Any], streamed: bool) -> dict[str, Any]:
        def notes() -> Iterator[dict[str, Any]]:
            for w in entries_of(doc["warnings"]):
                yield {
                    "level": "warning",
                    "message": {"text": w["message"]},
                    "locations": [self._location(w)],
                    "descriptor": {"id": w["code"]},
                }
            yield from ({"level": "note", "message": {"text": text}} for text in doc["notices"])

        return {
            "executionSuccessful": True,
            "exitCode": doc["exit_code"],
            "toolExecutionNotifications": Lazy(notes) if streamed else list(notes()),
        }

    def _distinct(self, locations: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
        """Each distinct location, in order, made as it is read."""
        seen: set[tuple[Any, ...]] = set()
        for loc in locations:
            key = (loc["file"], loc["line"], loc["column"])
            if key not in seen:
                seen.add(key)
                yield self._location(loc)

    def _location(self, loc: Mapping[str, Any]) -> dict[str, Any]:
        """Relative to ``%SRCROOT%`` (``reports/2023/x.yaml``); a file outside the base folder as ``file://``."""
        relative = from_base(str(loc["file"]), self.base)
        artifact: dict[str, Any] = (
            {"uri": quote(relative, safe="/"), "uriBaseId": ROOT}
            if relative is not None
            else {"uri": Path(os.path.abspath(loc["file"])).as_uri()}
        )
        physical: dict[str, Any] = {"artifactLocation": artifact}
        if loc.get("line"):
            physical["region"] = {"startLine": loc["line"]}
            if loc.get("column"):
                physical["region"]["startColumn"] = loc["column"]
        if not loc.get("cell"):
            return {"physicalLocation": physical}
        # A workbook: the region's row and column number no sheet, so the location says its sheet, cell and
        # header in words (as a SARIF viewer labels a place) and as a logical location, the cell itself.
        cell = str(loc["cell"])
        return {
            "physicalLocation": physical,
            "logicalLocations": [{"fullyQualifiedName": _reference(cell), "kind": "element"}],
            "message": {"text": cell},
        }


def _cell_of(location: Mapping[str, Any] | None, colon: str) -> str:
    """``本单位!C7（高中阶段招生 · 中职招生）：`` before a finding's arithmetic when its first place is a
    workbook's cell (the region's line and column name no sheet), as GitHub's annotations and JUnit say it."""
    cell = (location or {}).get("cell")
    return f"{cell}{colon}" if cell else ""


def _reference(cell: str) -> str:
    """``本单位!C7`` of ``本单位!C7（高中阶段招生 · 中职招生）``: the cell without its header."""
    return cell.split("（", 1)[0]


def _identity(item: Mapping[str, Any] | None) -> str:
    """An item as the report names it, in no language: its school and name as read (``school · major``), an
    entry without a name by its place in the list (``enterprise_practice[1]``). The label shown (``第 2 组企业
    实践``, ``enterprise practice group 2``) is translated, and hashed it gave the finding another identity in
    each ``--lang``. A named item's identity is the text its label always was, so its fingerprint stays."""
    if item is None:
        return ""
    name, school = str(item["name"]), item.get("school")
    return f"{school} · {name}" if school and school != name else name


def _fingerprint(*parts: object) -> str:
    """The same finding in the next run (lines moved, language changed) has the same fingerprint."""
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:32]


def _help_url() -> str | None:
    """Where docs/rules.md is published: the ``Rules`` URL of the package's metadata (pyproject's
    ``[project.urls]``); None when the package is not installed."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        urls = metadata("zhijiao-check").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    return next(
        (url.strip() for label, _, url in (u.partition(",") for u in urls) if label.strip() == "Rules"), None
    )


def _builtin(pack: Any) -> bool:
    """Only the packs shipped with the tool are on docs/rules.md."""
    from zhijiao_check.pack.load import builtin_dir

    return bool(pack.directory.resolve().parent == builtin_dir().resolve())
