"""SARIF and GitHub annotations as code scanning reads them: paths from the repository's root, stable
fingerprints, a help page per rule, each school held against its own target."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from factory import SAMPLES
from typer.testing import CliRunner

from zhijiao_check.cli import app

from .conftest import ROOT, schema

URI = "reports/2023/dongan.yaml"


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A repository of reports (``git init``) with 东安县's 2023 report, and a sibling folder outside it."""
    repo = tmp_path / "repo"
    (repo / "reports" / "2023").mkdir(parents=True)
    (repo / "tools").mkdir()
    shutil.copy(SAMPLES / "2023" / "dongan.yaml", repo / URI)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    return repo


def sarif(cwd: Path, monkeypatch: pytest.MonkeyPatch, *args: str | Path) -> dict[str, Any]:
    monkeypatch.chdir(cwd)
    result = CliRunner().invoke(app, ["check", *map(str, args), "--format", "sarif"])
    assert result.exit_code == 1, result.output
    log: dict[str, Any] = json.loads(result.stdout)
    validator = jsonschema.Draft4Validator(
        json.loads(schema("sarif-schema-2.1.0.json").read_text(encoding="utf-8")),
        format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER,
    )
    validator.validate(log)
    return log


def artifacts(log: dict[str, Any]) -> set[tuple[str, str | None]]:
    return {
        (
            loc["physicalLocation"]["artifactLocation"]["uri"],
            loc["physicalLocation"]["artifactLocation"].get("uriBaseId"),
        )
        for result in log["runs"][0]["results"]
        for loc in result["locations"]
    }


def test_absolute_relative_and_dotted_paths_give_the_same_relative_uri(repository: Path, monkeypatch) -> None:
    logs = [
        sarif(repository, monkeypatch, repository / URI),  # absolute
        sarif(repository, monkeypatch, URI),  # relative
        # from a subfolder, with ..
        sarif(repository / "tools", monkeypatch, "../reports/2023/../2023/dongan.yaml"),
        sarif(repository / "reports", monkeypatch, "2023/dongan.yaml"),
    ]
    for log in logs:
        assert artifacts(log) == {(URI, "%SRCROOT%")}
        assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repository.resolve().as_uri() + "/"
    fingerprints = [[r["partialFingerprints"] for r in log["runs"][0]["results"]] for log in logs]
    assert all(f == fingerprints[0] for f in fingerprints)


def test_base_dir_sets_the_root_and_outside_the_repository_the_working_directory_is(
    repository: Path, tmp_path: Path, monkeypatch
) -> None:
    log = sarif(repository, monkeypatch, URI, "--base-dir", "reports")
    assert artifacts(log) == {("2023/dongan.yaml", "%SRCROOT%")}
    plain = tmp_path / "plain"
    shutil.copytree(repository / "reports", plain / "reports")
    assert artifacts(sarif(plain, monkeypatch, plain / URI)) == {(URI, "%SRCROOT%")}


def test_annotations_use_the_same_paths(repository: Path, monkeypatch) -> None:
    monkeypatch.chdir(repository / "tools")
    result = CliRunner().invoke(app, ["check", str(repository / URI), "--format", "github"])
    files = {
        part.split("=", 1)[1]
        for line in result.stdout.splitlines()
        for part in line.split(" ", 1)[1].split(",")
        if part.startswith("file=")
    }
    assert files == {URI}


def test_an_annotation_of_a_file_outside_the_base_gives_its_absolute_path_however_it_was_typed(
    repository: Path, monkeypatch
) -> None:
    """As SARIF gives such a file's absolute ``file://`` URI (docs/ci.md): ``../outside/x.yaml`` typed gave
    ``file=../outside/x.yaml``, and the absolute path typed gave the absolute path."""
    outside = repository.parent / "outside"
    outside.mkdir()
    shutil.copy(repository / URI, outside / "dongan.yaml")
    monkeypatch.chdir(repository / "tools")
    absolute = Path(os.path.abspath(outside / "dongan.yaml")).as_posix()
    for typed in ("../../outside/dongan.yaml", str(outside / "dongan.yaml"), "../../outside/./dongan.yaml"):
        result = CliRunner().invoke(app, ["check", typed, "--format", "github"])
        assert result.exit_code == 1
        files = {part.split("=", 1)[1] for part in re.findall(r"file=[^,]*", result.stdout)}
        assert files == {absolute.replace(":", "%3A")}, typed


def test_fingerprints_name_rule_unit_year_and_item_whatever_the_language_and_the_lines(
    repository: Path, monkeypatch
) -> None:
    zh = sarif(repository, monkeypatch, URI)
    monkeypatch.chdir(repository)
    report = repository / URI
    report.write_text(
        "# 东安县 2023 年报表（补充说明一行）\n" + report.read_text(encoding="utf-8"), encoding="utf-8"
    )
    en = sarif(repository, monkeypatch, URI, "--lang", "en")
    lines = [
        [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in log["runs"][0]["results"]]
        for log in (zh, en)
    ]
    assert lines[1] == [n + 1 for n in lines[0]]  # every finding moved a line down
    prints = [
        [r["partialFingerprints"]["zhijiaoCheck/v1"] for r in log["runs"][0]["results"]] for log in (zh, en)
    ]
    assert prints[0] == prints[1]
    assert len(set(prints[0])) == len(prints[0]) == 3


def test_each_school_is_held_against_its_own_target(repository: Path, monkeypatch) -> None:
    log = sarif(repository, monkeypatch, URI)
    [funding] = [r for r in log["runs"][0]["results"] if r["ruleId"] == "c16.secondary-funding"]
    assert funding["properties"]["item"] == "东安县职业中等专业学校"
    assert (funding["properties"]["observed"], funding["properties"]["target"]) == (
        9200,
        {"op": ">=", "value": 10000},
    )
    [tilt] = [r for r in log["runs"][0]["results"] if r["ruleId"] == "c16.new-funding-tilt"]
    assert tilt["properties"]["item"] is None and tilt["properties"]["target"]["op"] == ">="


def test_every_rule_has_a_help_page_anchor_and_invalid_reports_have_a_rule(
    repository: Path, monkeypatch
) -> None:
    (repository / "reports" / "2023" / "broken.yaml").write_text(
        "schema_version: 1\nyear: 2023\n", encoding="utf-8"
    )
    monkeypatch.chdir(repository)
    log = json.loads(CliRunner().invoke(app, ["check", "reports/", "--format", "sarif"]).stdout)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in rules[:-1]:
        base, _, anchor = rule["helpUri"].partition("#")
        assert base.endswith("/docs/rules.md") and anchor == rule["id"]
        assert page.count(f'<a id="{anchor}"></a>') == 1
    assert rules[-1]["id"] == "invalid-report" and rules[-1]["defaultConfiguration"]["level"] == "error"
    invalid = [r for r in log["runs"][0]["results"] if r["ruleId"] == "invalid-report"]
    assert invalid and all(r["ruleIndex"] == len(rules) - 1 for r in invalid)
    assert {
        loc for r in invalid for loc in [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]]
    } == {"reports/2023/broken.yaml"}


def test_docs_rules_md_is_the_pack_as_generated() -> None:
    """docs/rules.md is what `zhijiao-check rules --format markdown --lang en` prints:
    regenerate it with that.
    """
    result = CliRunner().invoke(app, ["rules", "--format", "markdown", "--lang", "en"])
    assert result.exit_code == 0
    assert result.stdout == (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("year", ["2022", "2023"])
def test_every_fingerprint_of_the_samples_is_the_same_in_either_language(year: str, monkeypatch) -> None:
    """An entry without a name is shown by its place, in words of the language (``第 2 组企业实践``,
    ``enterprise practice group 2``): hashed as shown, its finding had another identity in each ``--lang``,
    and code scanning closed the alert and opened a new one."""
    zh, en = (sarif(ROOT, monkeypatch, SAMPLES / year, "--lang", lang) for lang in ("zh", "en"))
    results = [log["runs"][0]["results"] for log in (zh, en)]
    assert len(results[0]) == len(results[1]) > 0
    for ours, theirs in zip(*results, strict=True):
        assert ours["partialFingerprints"] == theirs["partialFingerprints"], (
            ours["message"],
            theirs["message"],
        )
    if year == "2023":
        practice = [r for r in results[1] if "enterprise practice group" in (r["properties"]["item"] or "")]
        assert practice, "the samples hold a finding on a practice group without a name"
