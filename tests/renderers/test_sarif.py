"""``--format sarif``: valid SARIF 2.1.0, the catalogue as rules, each finding located at the data it read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import jsonschema
import pytest

from zhijiao_check.pack.load import load_packs
from zhijiao_check.renderers.paths import shown_from_base

from .conftest import ROOT, as_json, check, evaluations, line_of, render, schema

NOT_MET = ("fail", "missing", "warn", "behind")


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    sarif_schema = json.loads(schema("sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(sarif_schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def sarif(run: Any, validator: jsonschema.Draft4Validator) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(render("sarif", run))
    validator.validate(log)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    return log


def path_of(location: dict[str, Any]) -> str:
    uri = location["physicalLocation"]["artifactLocation"]["uri"]
    return unquote(urlparse(uri).path) if uri.startswith("file:") else unquote(uri)


def expected_results(doc: dict[str, Any], failing: set[str]) -> list[tuple[str, str, str, int, int]]:
    """(rule, level, file, line, column) of each rule not met, or of each item not passed under it."""
    out = []
    for evaluation in evaluations(doc):
        for result in evaluation["results"]:
            if result["status"] not in NOT_MET:
                continue
            level = "error" if result["status"] in failing else "warning"
            items = [i for i in result["items"] if i["status"] != "pass"] or [result]
            for place in items:
                first = place["locations"][0]
                # From the repository's root (the git top level), as code scanning matches files.
                out.append(
                    (
                        result["rule"],
                        level,
                        shown_from_base(first["file"], ROOT),
                        first["line"],
                        first["column"],
                    )
                )
    return out


def found_results(log: dict[str, Any]) -> list[tuple[str, str, str, int, int]]:
    out = []
    for result in log["runs"][0]["results"]:
        [location] = result["locations"]
        region = location["physicalLocation"]["region"]
        out.append(
            (result["ruleId"], result["level"], path_of(location), region["startLine"], region["startColumn"])
        )
    return out


@pytest.mark.parametrize("strict", [False, True])
def test_results_are_the_findings_of_the_json(
    validator: jsonschema.Draft4Validator,
    every_status: tuple[Path, ...],
    strict: bool,
) -> None:
    *paths, pack = every_status
    run = check(*paths, rules=[pack], strict=strict)
    log = sarif(run, validator)
    failing = {"fail", "missing"} | ({"warn", "behind"} if strict else set())
    expected = expected_results(as_json(run), failing)
    assert found_results(log) == expected
    assert {level for _, level, *_ in expected} == ({"error"} if strict else {"error", "warning"})


@pytest.mark.parametrize("paths", [("samples/2022", "samples/2023"), ("examples/failing",)])
def test_every_result_points_at_a_value_in_the_yaml(
    validator: jsonschema.Draft4Validator, paths: tuple[str]
) -> None:
    run = check(*paths)
    log = sarif(run, validator)
    results = log["runs"][0]["results"]
    assert len(results) == len(expected_results(as_json(run), {"fail", "missing"})) > 10
    for result in results:
        [location] = result["locations"]
        assert location["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        region = location["physicalLocation"]["region"]
        line = (ROOT / path_of(location)).read_text(encoding="utf-8").splitlines()[region["startLine"] - 1]
        assert line[region["startColumn"] - 1 :].strip(), (result["message"]["text"], line)
        assert not line[region["startColumn"] - 1].isspace()


def test_a_changed_figure_is_found_at_its_line_and_column(
    validator: jsonschema.Draft4Validator, edited: Any
) -> None:
    report = edited(
        "samples/2023/lengshuitan.yaml",
        ("appropriation_per_student: 11200", "appropriation_per_student: 8000"),
    )
    log = sarif(check(report), validator)
    [result] = log["runs"][0]["results"]
    assert result["ruleId"] == "c16.secondary-funding" and result["level"] == "error"
    region = result["locations"][0]["physicalLocation"]["region"]
    line = line_of(report, "appropriation_per_student: 8000")
    column = report.read_text(encoding="utf-8").splitlines()[line - 1].index("8000") + 1
    assert (region["startLine"], region["startColumn"]) == (line, column)
    assert path_of(result["locations"][0]) == str(report)  # an absolute path is a file:// URI
    assert "8000 < 10000" in result["message"]["text"] and "冷水滩区 2023" in result["message"]["text"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[result["ruleIndex"]]["id"] == "c16.secondary-funding"


def test_one_rule_per_catalogue_rule_with_titles_clause_and_quote(
    validator: jsonschema.Draft4Validator,
) -> None:
    log = sarif(check("examples/failing"), validator)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    catalogue = [rule for pack in load_packs([]) for rule in pack.rules]
    assert [r["id"] for r in rules] == [*(rule.id for rule in catalogue), "invalid-report"]
    assert len(rules) == 55
    for described, rule in zip(rules, catalogue):
        assert described["shortDescription"]["text"] == rule.title.zh
        assert described["properties"]["title"] == {"zh": rule.title.zh, "en": rule.title.en}
        assert rule.quote in described["fullDescription"]["text"]
        help_text = described["help"]["text"]
        assert f"第 {rule.clause} 条" in help_text and rule.quote in help_text and rule.title.en in help_text
        assert described["properties"]["clause"] == rule.clause


def test_an_english_rule_help_names_the_responsible_bodies_in_english() -> None:
    log = json.loads(render("sarif", check("samples/2023/dongan.yaml"), lang="en"))
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    help_text = rules["c14.principal-responsibility"]["help"]["text"]
    assert help_text.endswith(
        "responsible: Organization Department of the CPC Yongzhou Municipal Committee, Yongzhou Municipal "
        "Education Bureau"
    )
    assert (
        "clause 14: “落实党委领导下的校长负责制”" in help_text
    )  # an English colon before the policy's words


def test_invalid_report_problems_are_located_results(
    validator: jsonschema.Draft4Validator, invalid_report: Path
) -> None:
    run = check(invalid_report, "examples/failing/xintian-2023-funding.yaml")
    log = sarif(run, validator)
    problems = as_json(run)["invalid"][0]["problems"]
    invalid = [r for r in log["runs"][0]["results"] if r["ruleId"] == "invalid-report"]
    assert len(invalid) == len(problems) > 0
    for result, problem in zip(invalid, problems):
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region.get("startColumn")) == (problem["line"], problem["column"])
        assert problem["message"] in result["message"]["text"]
    assert log["runs"][0]["invocations"][0]["exitCode"] == 2
