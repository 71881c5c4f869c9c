"""A roster that lists the 市本级 says it must file: a year folder without its 市本级 report is then evaluated
city-wide all the same, the 市本级 a missing unit, instead of one line of notice and exit 0 (a CI job whose
市本级 report was deleted passed, hiding the city-wide failures)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from factory import SAMPLES, invoke

ROSTER = """units:
  东安县:
    - 东安县职业中等专业学校
    - 东安县舜德职业学校
  永州市本级:
    - 永州职业技术学院生物医药实训基地
"""
# A rule of the 市本级 city: block alone, which no county report can settle: only the city-wide section
# decides the exit status of a run that selects it.
CITY_BLOCK_RULE = "c15.joint-meeting"


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(SAMPLES / "2023", tmp_path / "reports" / "2023")
    (tmp_path / "reports" / "2023" / "shibenji.yaml").unlink()
    (tmp_path / "roster.yaml").write_text(ROSTER, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_without_a_roster_the_year_is_not_evaluated_city_wide(repository: Path) -> None:
    result = invoke("check", "reports/2023", "--select", CITY_BLOCK_RULE)
    assert result.exit_code == 0, result.output
    assert "2023 年全市性指标未评估：输入中没有有效的永州市本级报表" in result.stdout


def test_a_roster_listing_the_city_makes_its_absent_report_fail_the_year(repository: Path) -> None:
    result = invoke("check", "reports/2023", "--select", CITY_BLOCK_RULE, "--roster", "roster.yaml")
    assert result.exit_code == 1, result.output
    assert "全市性指标未评估" not in result.stdout
    said = "输入中没有永州市本级 2023 年的有效报表，而名册 roster.yaml:5 列有永州市本级"
    assert said in result.stdout.replace("\n", "")
    row, closing = [line for line in result.stdout.splitlines() if CITY_BLOCK_RULE in line]
    assert row.split()[:2] == ["?", "missing"]
    assert closing.strip() == f"? 全市 2023 {CITY_BLOCK_RULE}：缺少数据：city.joint_meeting"


def test_in_json_the_year_names_the_city_missing(repository: Path) -> None:
    args = ["check", "reports/2023", "--select", CITY_BLOCK_RULE, "--roster", "roster.yaml", "-f", "json"]
    result = invoke(*args, "--lang", "en")
    assert result.exit_code == 1, result.output
    [year] = json.loads(result.stdout)["city"]
    assert year["units_missing"] == ["永州市本级"]
    assert [r["status"] for r in year["results"]] == ["missing"]


def test_in_github_annotations_a_result_without_a_file_names_none(repository: Path) -> None:
    args = ["check", "reports/2023", "--select", CITY_BLOCK_RULE, "--roster", "roster.yaml", "-f", "github"]
    result = invoke(*args)
    assert result.exit_code == 1, result.output
    [line] = [line for line in result.stdout.splitlines() if CITY_BLOCK_RULE in line]
    assert line.startswith(f"::error title={CITY_BLOCK_RULE} "), line


def test_the_pre_commit_hooks_whole_year_counts_as_the_folder(repository: Path) -> None:
    args = ["check", "--whole-year", "reports/2023/dongan.yaml", "--select", CITY_BLOCK_RULE]
    assert invoke(*args, "--roster", "roster.yaml").exit_code == 1
    assert invoke(*args).exit_code == 0


def test_a_county_checking_its_own_file_is_not_judged_city_wide(repository: Path) -> None:
    """The team's config (and so its roster) holds for a county's own run too (targets.md: a county
    checking its own file is not judged on city-wide sums)."""
    args = ["check", "reports/2023/dongan.yaml", "--select", CITY_BLOCK_RULE, "--roster", "roster.yaml"]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    assert "2023 年全市性指标未评估" in result.stdout


def test_a_roster_of_another_year_or_without_the_city_expects_nothing_of_it(repository: Path) -> None:
    (repository / "other.yaml").write_text("year: 2024\n" + ROSTER, encoding="utf-8")
    without = "\n".join(ROSTER.splitlines()[:4]) + "\n"
    (repository / "counties.yaml").write_text(without, encoding="utf-8")
    for roster in ("other.yaml", "counties.yaml"):
        result = invoke("check", "reports/2023", "--select", CITY_BLOCK_RULE, "--roster", roster)
        assert result.exit_code == 0, (roster, result.output)
        assert "2023 年全市性指标未评估" in result.stdout


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_run_streamed_as_it_is_scored_judges_the_year_alike(
    repository: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    """JSON of many reports is written as they are scored (``commands.flat``), in workers with ``--jobs``."""
    from zhijiao_check.commands import check as check_command

    monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    args = ["check", "reports/2023", "--select", CITY_BLOCK_RULE, "-f", "json", "--jobs", jobs]
    result = invoke(*args, "--roster", "roster.yaml")
    assert result.exit_code == 1, result.output
    [year] = json.loads(result.stdout)["city"]
    assert year["units_missing"] == ["永州市本级"]
    assert [r["status"] for r in year["results"]] == ["missing"]
    assert invoke(*args).exit_code == 0
