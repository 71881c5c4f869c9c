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
