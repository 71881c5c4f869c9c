"""Helpers of the kind tests: a tiny rule built with the kind's Pydantic model, judged by the real engine."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from factory import invoke, run_reports, with_rules, write_pack, write_report
from typer.testing import Result

from zhijiao_check.engine.results import RuleResult

POLICY = "### 第90条 测试条款\n\n{text}\n"
RULE_HEAD = """\
rules:
  - id: c90.test-rule
    title: {zh: 测试, en: Test}
    clause: 90
    quote: 测试条款原文
"""
"""The lines every test rule file starts with (a broken one breaks after them, on the lines it adds)."""


def fields(**more: Any) -> dict[str, Any]:
    """What every rule needs, for a unit rule judged every year from 2022 (override any of it)."""
    data: dict[str, Any] = {
        "id": "c90.test-rule",
        "title": {"zh": "测试规则", "en": "Test rule"},
        "clause": 90,
        "quote": "测试条款原文",
        "scope": "unit",
        "time": {"every_year": 2022},
    }
    data.update(more)
    return data


def judge(directory: Path, rule: Any, reports: list[dict[str, Any]], lang: str = "zh") -> RuleResult:
    """The result of this one rule: on the first report (unit and school scope) or city-wide (city scope)."""
    run = run_reports(directory, reports, lang=lang, packs=with_rules([rule]))
    evaluation = run.city[0] if rule.scope == "city" else run.reports[0]
    [result] = evaluation.results
    return result


cli = invoke  # the kind tests' name of ``factory.invoke``


def check_with_pack(
    directory: Path, rules_yaml: str, quote_text: str, report: dict[str, Any]
) -> tuple[Result, dict]:
    """``zhijiao-check check REPORT --rules PACK --format json``: the result and the parsed JSON."""
    pack = write_pack(directory / "pack", rules_yaml, policy=POLICY.format(text=quote_text))
    path = write_report(directory / "reports", report)
    result = cli("check", path, "--rules", pack, "--format", "json")
    return result, json.loads(result.stdout)


def custom_result(document: dict, rule_id: str) -> dict:
    """The result of ``rule_id`` in the first report of a JSON document."""
    return next(r for r in document["reports"][0]["results"] if r["rule"] == rule_id)


def broken_pack(directory: Path, rules_yaml: str) -> tuple[Result, Path]:
    """``zhijiao-check rules --rules PACK`` on a pack whose rule file is broken."""
    pack = write_pack(directory / "pack", rules_yaml, policy=POLICY.format(text="测试条款原文"))
    return cli("rules", "--rules", pack), pack / "clause-90.yaml"
