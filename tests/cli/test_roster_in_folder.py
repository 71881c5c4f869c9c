"""A roster kept in a year's folder and named in the config file (``roster = "reports/2023/名册.yaml"``) is no
report: a folder's search passes over it, as over the results the tool wrote there. It was read as an invalid
report of its year (exit 2)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from factory import SAMPLES
from typer.testing import CliRunner

from zhijiao_check.cli import app

ROSTER = """# 市教育局学校名册
units:
  东安县:
    - 东安县职业中等专业学校
"""


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(SAMPLES / "2023", repo / "reports" / "2023")
    (repo / "reports" / "2023" / "名册.yaml").write_text(ROSTER, encoding="utf-8")
    (repo / "zhijiao-check.toml").write_text('roster = "reports/2023/名册.yaml"\n', encoding="utf-8")
    monkeypatch.chdir(repo)
    return repo


@pytest.mark.parametrize("format", ["json", "markdown"])  # read for a streamed format, and for the others
def test_the_configured_roster_in_a_scanned_folder_is_not_read_as_a_report(
    repository: Path, format: str
) -> None:
    result = CliRunner().invoke(app, ["check", "reports/2023", "-f", format, "--lang", "en"])
    assert result.exit_code == 1, (
        result.output
    )  # 东安县 and four more fail their own targets; nothing invalid
    assert "名册" not in result.stdout
    if format == "json":
        document = json.loads(result.stdout)
        assert len(document["reports"]) == 15
        assert document["invalid"] == []


def test_a_roster_the_run_does_not_take_is_still_searched_as_a_report(repository: Path) -> None:
    """Only the roster the run reads is passed over: a file of a report's name is a report otherwise."""
    (repository / "zhijiao-check.toml").write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "reports/2023", "-f", "json"])
    assert result.exit_code == 2, result.output
    [invalid] = json.loads(result.stdout)["invalid"]
    assert invalid["file"] == "reports/2023/名册.yaml"


@pytest.mark.parametrize("format", ["json", "markdown"])
@pytest.mark.parametrize("given", ["config", "option"])
def test_the_runs_roster_named_among_the_reports_is_passed_over_as_the_folders_search_does(
    repository: Path, format: str, given: str
) -> None:
    """``check reports/2023/*.yaml``, as a CI job names the reports: the shell's glob names the roster too."""
    named = sorted(str(p.relative_to(repository)) for p in (repository / "reports" / "2023").glob("*.yaml"))
    assert "reports/2023/名册.yaml" in named
    option = []
    if given == "option":
        (repository / "zhijiao-check.toml").write_text("", encoding="utf-8")
        option = ["--roster", "reports/2023/名册.yaml"]
    result = CliRunner().invoke(app, ["check", *named, *option, "-f", format, "--lang", "en"])
    assert result.exit_code == 1, result.output
    assert "名册" not in result.stdout
    if format == "json":
        document = json.loads(result.stdout)
        assert len(document["reports"]) == 15
        assert document["invalid"] == []


def test_a_roster_named_as_a_report_is_told_it_is_a_roster(repository: Path) -> None:
    """Not the run's roster: not passed over, but said to be a roster, not a report of unknown fields."""
    (repository / "zhijiao-check.toml").write_text("", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["check", "reports/2023/名册.yaml", "reports/2023/dongan.yaml", "-f", "json"]
    )
    assert result.exit_code == 2, result.output
    [invalid] = json.loads(result.stdout)["invalid"]
    [problem] = invalid["problems"]
    assert (invalid["file"], problem["code"], problem["line"], problem["column"]) == (
        "reports/2023/名册.yaml",
        "roster-not-report",
        2,
        1,
    )
    assert problem["message"].startswith("这是名册（各单位的学校名单），不是报表")
    checked = CliRunner().invoke(app, ["validate", "reports/2023/名册.yaml", "--lang", "en"])
    assert checked.exit_code == 2
    assert (
        "名册.yaml:2:1: error: this is a roster (each unit's list of schools), not a report" in checked.stdout
    )


def test_a_report_with_a_units_field_is_still_a_report(repository: Path) -> None:
    """Only a roster's keys make a roster: a report's stray ``units`` is the unknown field it is."""
    report = repository / "reports" / "2023" / "dongan.yaml"
    report.write_text(report.read_text(encoding="utf-8") + "units:\n  东安县: []\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(report), "-f", "json"])
    assert result.exit_code == 2
    assert [p["code"] for p in json.loads(result.stdout)["problems"]] == ["unknown-field"]
