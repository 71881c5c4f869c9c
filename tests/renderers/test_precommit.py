"""The hook as pre-commit itself runs it: installed from this repository into pre-commit's own environment, on
a repository of reports where a commit changes only the 市本级 report."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

PRE_COMMIT = Path(sys.executable).parent / "pre-commit"
CONFIG = """\
repos:
  - repo: {repo}
    rev: {rev}
    hooks:
      - id: zhijiao-check
        files: ^reports/
      - id: zhijiao-check-removed
        args: [reports/]
      - id: zhijiao-check-settings
"""


def git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "市教育局",
        "GIT_AUTHOR_EMAIL": "jyj@example.org",
        "GIT_COMMITTER_NAME": "市教育局",
        "GIT_COMMITTER_EMAIL": "jyj@example.org",
    }
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def hook_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This repository's working tree as a one-commit repository: pre-commit installs the hook from a commit,
    and the tree under test may hold changes not committed yet."""
    if not PRE_COMMIT.exists():
        pytest.fail("pre-commit is not installed: pip install '.[test]' installs it")
    source = tmp_path_factory.mktemp("hook-source") / "zhijiao-check"
    ignore = shutil.ignore_patterns(
        ".git",
        ".venv",
        "venv",
        "build",
        "dist",
        "*.egg-info",
        "__pycache__",
        ".pytest_cache",
        ".hypothesis",
        ".mypy_cache",
        ".ruff_cache",
        "golden",
    )
    shutil.copytree(ROOT, source, ignore=ignore)
    git(source, "init", "-q")
    git(source, "add", "-A")
    git(source, "commit", "-q", "-m", "hook under test")
    return source


@pytest.fixture(scope="module")
def precommit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def reports_repository(hook_source: Path, tmp_path: Path) -> Path:
    """A repository of reports holding samples/2023 as its first commit, with the hook under test set up."""
    reports = tmp_path / "reports-repo"
    shutil.copytree(ROOT / "samples" / "2023", reports / "reports" / "2023")
    rev = git(hook_source, "rev-parse", "HEAD").strip()
    (reports / ".pre-commit-config.yaml").write_text(
        CONFIG.format(repo=hook_source, rev=rev), encoding="utf-8"
    )
    git(reports, "init", "-q")
    git(reports, "add", "-A")
    git(reports, "commit", "-q", "-m", "2023 年报表")
    return reports


def run_hook(reports: Path, precommit_home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(precommit_home), "NO_COLOR": "1"}
    return subprocess.run(
        [str(PRE_COMMIT), "run"],
        cwd=reports,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def test_a_commit_of_the_city_report_alone_is_judged_with_its_whole_year(
    hook_source: Path,
    precommit_home: Path,
    tmp_path: Path,
) -> None:
    reports = reports_repository(hook_source, tmp_path)
    city = reports / "reports" / "2023" / "shibenji.yaml"
    # The 市本级 corrects one figure: its 238 craftsman-class students become 198, the city's 560 become 520.
    city.write_text(
        city.read_text(encoding="utf-8").replace("craftsman_students: 238", "craftsman_students: 198"),
        encoding="utf-8",
    )
    assert git(reports, "diff", "--stat").count("|") == 1
    git(reports, "add", "reports/2023/shibenji.yaml")

    done = run_hook(reports, precommit_home)
    output = done.stdout + done.stderr
    # The 14 other units were not committed, yet the city-wide section counts all 15; 东安县 and four more
    # fail their own targets in 2023, so the hook stops the commit, naming them.
    assert "全市 · 2023 年 · 15/15 个单位" in output, output
    assert "缺少单位" not in output and "? missing" not in output
    [craftsman] = [line for line in output.splitlines() if "c10.craftsman-students" in line]
    assert craftsman.startswith("✓ pass") and "520" in craftsman, craftsman  # summed over all 15 units
    assert done.returncode == 1, output
    assert "东安县（县市区）· 2023 年 · reports/2023/dongan.yaml" in output


def convert(source: Path, target: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "zhijiao_check", "convert", str(source), "-o", str(target)],
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )


@pytest.mark.parametrize(
    ("committed", "shown"),
    [
        ("jiangyong.xlsx", "江永县（县市区）· 2023 年 · reports/2023/jiangyong.xlsx"),
        ("jiangyong.json", "江永县（县市区）· 2023 年 · reports/2023/jiangyong.json"),
        ("jiangyong.yaml.txt", "江永县（县市区）· 2023 年 · reports/2023/jiangyong.yaml.txt"),
    ],
)
def test_a_report_in_any_format_check_reads_is_checked_not_skipped(
    hook_source: Path, precommit_home: Path, tmp_path: Path, committed: str, shown: str
) -> None:
    # A county that keeps its report as a workbook (or JSON, or a text document Notepad named) commits it in
    # place of its YAML: the hook ran only on YAML files and said `Skipped`.
    reports = reports_repository(hook_source, tmp_path)
    year = reports / "reports" / "2023"
    source = year / "jiangyong.yaml"
    if committed.endswith(".txt"):
        shutil.copyfile(source, year / committed)
    else:
        convert(source, year / committed)
    git(reports, "rm", "-q", "reports/2023/jiangyong.yaml")
    git(reports, "add", f"reports/2023/{committed}")

    done = run_hook(reports, precommit_home)
    output = done.stdout + done.stderr
    [first] = [line for line in output.splitlines() if line.startswith("zhijiao-check（永政发")]
    assert "Skipped" not in first, output
    assert shown in output, output
    assert "全市 · 2023 年 · 15/15 个单位" in output, output
    assert done.returncode == 1, output  # 东安县 and four more fail their own targets in 2023


def test_files_that_are_no_report_are_left_to_other_hooks(
    hook_source: Path, precommit_home: Path, tmp_path: Path
) -> None:
    reports = reports_repository(hook_source, tmp_path)
    (reports / "reports" / "README.md").write_text("# 报表\n", encoding="utf-8")
    (reports / "reports" / "2023" / "说明.txt").write_text("说明\n", encoding="utf-8")
    git(reports, "add", "-A")

    done = run_hook(reports, precommit_home)
    output = done.stdout + done.stderr
    assert "(no files to check)Skipped" in output, output
    assert done.returncode == 0, output


# The commits pre-commit passes no report for: a report deleted or moved, the settings changed
# ----------------------------------------------------------------------------------------------------------


def test_a_commit_that_only_deletes_a_report_is_refused_when_its_year_then_fails(
    hook_source: Path, precommit_home: Path, tmp_path: Path
) -> None:
    # 金洞管理区's report deleted and nothing else: pre-commit passes the first hook no file (Skipped), and
    # the year, left without 金洞, was refused only at the next person's commit.
    reports = reports_repository(hook_source, tmp_path)
    git(reports, "rm", "-q", "reports/2023/jindong.yaml")

    done = run_hook(reports, precommit_home)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "暂存的改动从这些目录移除了报表，逐个检查整个目录：reports/2023" in output, output
    assert "全市 · 2023 年 · 14/15 个单位 · 缺少单位：金洞管理区" in output, output
    # its row in the city-wide table, and again in the closing list of the results that fail the run
    growth, recap = [line for line in output.splitlines() if "c3.pathway-growth" in line]
    assert growth.startswith("? missing"), growth
    assert recap.lstrip().startswith("? 全市 2023 c3.pathway-growth："), recap


def test_a_report_moved_to_another_year_checks_the_year_it_left(
    hook_source: Path, precommit_home: Path, tmp_path: Path
) -> None:
    reports = reports_repository(hook_source, tmp_path)
    (reports / "reports" / "2024").mkdir()
    git(reports, "mv", "reports/2023/jindong.yaml", "reports/2024/jindong.yaml")

    done = run_hook(reports, precommit_home)
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert "全市 · 2023 年 · 14/15 个单位 · 缺少单位：金洞管理区" in output, output


def test_a_deletion_that_leaves_its_year_whole_passes(
    hook_source: Path, precommit_home: Path, tmp_path: Path
) -> None:
    # A copy of 零陵区's report committed by mistake is deleted: the year keeps its 15 units, and the rule
    # that found 金洞 missing above passes.
    reports = reports_repository(hook_source, tmp_path)
    year = reports / "reports" / "2023"
    shutil.copyfile(year / "lingling.yaml", year / "lingling-copy.yaml")
    config = reports / ".pre-commit-config.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("args: [reports/]", PASSING), encoding="utf-8"
    )
    git(reports, "add", "-A")
    git(reports, "commit", "-q", "--no-verify", "-m", "零陵区的副本")
    git(reports, "rm", "-q", "reports/2023/lingling-copy.yaml")

    done = run_hook(reports, precommit_home)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert re.search(r"zhijiao-check（删除或移走报表的年度）\.+Passed", output), output


# the city-wide rule that finds a unit missing once its report is gone; the samples' other rules include five
# designed failures in 2023, which would fail the year whatever the commit
PASSING = "args: [reports/, --select, c3.pathway-growth]"


def test_a_commit_that_removes_no_report_runs_no_check(
    hook_source: Path, precommit_home: Path, tmp_path: Path
) -> None:
    reports = reports_repository(hook_source, tmp_path)
    (reports / "README.md").write_text("# 报表\n", encoding="utf-8")
    git(reports, "add", "README.md")

    done = run_hook(reports, precommit_home)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert re.search(r"zhijiao-check（删除或移走报表的年度）\.+Passed", output), output


def test_the_first_commit_of_a_new_repository_passes_the_removed_reports_hook(
    hook_source: Path, precommit_home: Path, tmp_path: Path
) -> None:
    """A new repository of reports, set up before its first report: its first commit (the config) has no
    HEAD to remove anything from. The hook refused ``reports/`` there as a pathspec matching no file."""
    reports = tmp_path / "new-repo"
    reports.mkdir()
    rev = git(hook_source, "rev-parse", "HEAD").strip()
    (reports / ".pre-commit-config.yaml").write_text(
        CONFIG.format(repo=hook_source, rev=rev), encoding="utf-8"
    )
    git(reports, "init", "-q")
    git(reports, "add", "-A")

    done = run_hook(reports, precommit_home)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert re.search(r"zhijiao-check（删除或移走报表的年度）\.+Passed", output), output


def test_a_waivers_typo_is_refused_at_its_own_commit(
    hook_source: Path, precommit_home: Path, tmp_path: Path
) -> None:
    reports = reports_repository(hook_source, tmp_path)
    (reports / "zhijiao-check.toml").write_text('waivers = "waivers.toml"\n', encoding="utf-8")
    (reports / "waivers.toml").write_text(WAIVER.format(rule="c1.vocational-shar"), encoding="utf-8")
    git(reports, "add", "zhijiao-check.toml", "waivers.toml")

    done = run_hook(reports, precommit_home)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output  # pre-commit's own status: a hook failed
    assert "- hook id: zhijiao-check-settings\n- exit code: 2" in output, output
    assert "豁免文件 waivers.toml 有误（未豁免任何规则）：" in output, output
    assert (
        "waivers.toml:2:1: waiver[0].rule: 没有规则“c1.vocational-shar”；是否想写 c1.vocational-share？"
        in output
    )
    assert "(no files to check)Skipped" in output  # the reports' hook: no report committed

    (reports / "waivers.toml").write_text(WAIVER.format(rule="c1.vocational-share"), encoding="utf-8")
    git(reports, "add", "waivers.toml")
    fixed = run_hook(reports, precommit_home)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr


def test_a_commit_that_deletes_the_waivers_file_the_config_names_is_refused(
    hook_source: Path, precommit_home: Path, tmp_path: Path
) -> None:
    """pre-commit passes no hook the files a commit deletes: with ``files: \\.toml$`` the settings hook was
    skipped, and the next report's commit was refused for a waivers file gone."""
    reports = reports_repository(hook_source, tmp_path)
    (reports / "zhijiao-check.toml").write_text('waivers = "waivers.toml"\n', encoding="utf-8")
    (reports / "waivers.toml").write_text(WAIVER.format(rule="c1.vocational-share"), encoding="utf-8")
    git(reports, "add", "zhijiao-check.toml", "waivers.toml")
    git(reports, "commit", "-q", "--no-verify", "-m", "豁免")
    git(reports, "rm", "-q", "waivers.toml")

    done = run_hook(reports, precommit_home)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "- hook id: zhijiao-check-settings\n- exit code: 2" in output, output
    assert "zhijiao-check.toml:1:1: waivers:" in output, output


WAIVER = """\
[[waiver]]
rule = "{rule}"
unit = "江永县"
year = 2023
reason = "理由：江永县 2024 年补足"
approved-by = "永州市教育局"
document = "永教函〔2024〕3号"
"""
