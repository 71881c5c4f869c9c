"""``check --staged-removals`` (the years a commit takes a report out of, git asked which) and
``check --settings-only`` (the config file and what it names, no report): the two pre-commit hooks for the
commits pre-commit passes no report for. The hooks as pre-commit runs them:
tests/renderers/test_precommit.py."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from factory import ROOT
from factory import invoke as invoke_cli


def git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@b", "GIT_COMMITTER_NAME": "a"}
    env["GIT_COMMITTER_EMAIL"] = "a@b"
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository holding samples/2023 as reports/2023, committed, as the working directory."""
    shutil.copytree(ROOT / "samples" / "2023", tmp_path / "reports" / "2023")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "example.yaml").write_text("a: 1\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "2023")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_deleted_report_checks_its_whole_year(repository: Path) -> None:
    git(repository, "rm", "-q", "reports/2023/jindong.yaml")
    done = invoke_cli("check", "--staged-removals", "reports/", "--select", "c3.pathway-growth", "--no-color")
    assert done.exit_code == 1, done.output
    assert "暂存的改动从这些目录移除了报表，逐个检查整个目录：reports/2023" in done.stderr
    assert "全市 · 2023 年 · 14/15 个单位 · 缺少单位：金洞管理区" in done.stdout
    assert "lingling.yaml" in done.stdout  # the units still there, checked with the year


def test_a_report_moved_away_checks_the_year_it_left(repository: Path) -> None:
    git(repository, "mv", "reports/2023/jindong.yaml", "jindong.yaml")
    done = invoke_cli("check", "--staged-removals", "--select", "c3.pathway-growth", "--no-color")
    assert done.exit_code == 1, done.output
    assert "缺少单位：金洞管理区" in done.stdout


def test_no_report_removed_exits_at_once(repository: Path) -> None:
    git(repository, "rm", "-q", "docs/example.yaml")  # removed, but outside the pathspec given
    (repository / "reports" / "2023" / "jindong.yaml").unlink()  # deleted, not staged: not the commit's
    done = invoke_cli("check", "--staged-removals", "reports/", "--lang", "en")
    assert done.exit_code == 0, done.output
    assert done.stdout == ""
    assert done.stderr == "the staged changes remove no report: nothing to check\n"


def test_names_that_are_no_report_and_a_year_left_empty_are_not_checked(repository: Path) -> None:
    # docs/example.yaml is named as a report, but its folder holds none once it is gone; a hidden folder's
    # YAML is no report
    (repository / ".github").mkdir()
    (repository / ".github" / "ci.yml").write_text("on: push\n", encoding="utf-8")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "ci")
    git(repository, "rm", "-q", "docs/example.yaml", ".github/ci.yml")
    done = invoke_cli("check", "--staged-removals")
    assert done.exit_code == 0, done.output
    assert "暂存的改动没有移除报表：无需检查" in done.stderr


def test_outside_a_git_repository_is_told(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    done = invoke_cli("check", "--staged-removals")
    assert done.exit_code == 2
    assert done.stderr == (
        f"--staged-removals 要问 git 哪些报表在暂存区中被删除或移走，但 {Path.cwd()} 不在 git 仓库中："
        "请在报表的仓库中运行\n"
    )


def test_without_git_it_is_told(repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(repository / "nowhere"))
    done = invoke_cli("check", "--staged-removals", "--lang", "en")
    assert done.exit_code == 2
    assert "there is no git command: install git and put it on the PATH" in done.stderr


def test_path_is_still_required_without_either_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    done = invoke_cli("check", "--no-color")
    assert done.exit_code == 2
    assert "缺少参数 PATH..." in done.stderr


# --settings-only
# ----------------------------------------------------------------------------------------------------------

WAIVER = """\
[[waiver]]
rule = "{rule}"
unit = "江永县"
year = 2023
reason = "理由"
approved-by = "永州市教育局"
document = "永教函〔2024〕3号"
"""


def test_a_waivers_typo_is_told_at_its_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "zhijiao-check.toml").write_text(
        'waivers = "waivers.toml"\n[[outputs]]\nformat = "sarif"\nfile = "build/z.sarif"\n', encoding="utf-8"
    )
    (tmp_path / "waivers.toml").write_text(WAIVER.format(rule="c1.vocational-shar"), encoding="utf-8")
    done = invoke_cli("check", "--settings-only")
    assert done.exit_code == 2
    assert done.stderr.splitlines() == [
        "豁免文件 waivers.toml 有误（未豁免任何规则）：",
        "waivers.toml:2:1: waiver[0].rule: 没有规则“c1.vocational-shar”；是否想写 c1.vocational-share？",
    ]
    (tmp_path / "waivers.toml").write_text(WAIVER.format(rule="c1.vocational-share"), encoding="utf-8")
    fixed = invoke_cli("check", "--settings-only")
    assert fixed.exit_code == 0, fixed.output
    assert fixed.stderr == "设置有效（未读报表）：zhijiao-check.toml waivers.toml\n"
    assert not (tmp_path / "build").exists()  # the config file's outputs are not written


def test_a_select_typo_in_the_config_file_is_told_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "zhijiao-check.toml").write_text('strict = true\nselect = ["c99"]\n', encoding="utf-8")
    done = invoke_cli("check", "--settings-only", "--lang", "en")
    assert done.exit_code == 2
    assert "zhijiao-check.toml:2:1: select:" in done.stderr, done.stderr


def test_settings_only_reads_no_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    done = invoke_cli("check", "--settings-only", "reports/")
    assert done.exit_code == 2
    assert done.stderr.startswith(
        "--settings-only 只检查设置（配置文件、豁免文件、名册、规则包），不读报表：请去掉 reports"
    )
    nothing = invoke_cli("check", "--settings-only", "--lang", "en")
    assert nothing.exit_code == 0
    assert "no config file found" in nothing.stderr


BOTH = {
    "zh": (
        "--staged-removals 和 --settings-only 不能同时给出：--staged-removals 检查提交移走报表的年度目录，"
        "--settings-only 不读任何报表；两个钩子请分开写；未做任何处理"
    ),
    "en": (
        "--staged-removals and --settings-only cannot be given together: --staged-removals checks the "
        "year folders a commit takes a report out of, --settings-only reads no report; give each its own "
        "hook; nothing was done"
    ),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_staged_removals_with_settings_only_is_a_usage_error(repository: Path, lang: str) -> None:
    """Together they said reports/2023 would be checked, read only the settings and exited 0: a hook given
    both passed every deletion."""
    git(repository, "rm", "-q", "reports/2023/jindong.yaml")
    done = invoke_cli("check", "--staged-removals", "--settings-only", "--lang", lang)
    assert done.exit_code == 2
    assert done.stdout == ""
    assert done.stderr.splitlines()[0] == BOTH[lang]
    assert "-h" in done.stderr.splitlines()[1]  # where to read the usage


NO_OUTPUT = {
    "zh": (
        "--settings-only 不读报表，也不写任何输出：请去掉 {typed}（配置文件中的 outputs 此时不写，"
        "无需改动）；未做任何处理"
    ),
    "en": (
        "--settings-only reads no report and writes no output: leave out {typed} (the config file's "
        "outputs are passed over); nothing was done"
    ),
}


@pytest.mark.parametrize(
    ("typed", "lang", "said"),
    [
        (("-o", "out.json"), "zh", "-o out.json"),
        (("--format", "sarif"), "en", "--format sarif"),
        (("--output=build/z.sarif",), "en", "--output=build/z.sarif"),
        (("-fjson",), "zh", "-fjson"),
    ],
)
def test_an_output_typed_with_settings_only_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: tuple[str, ...], lang: str, said: str
) -> None:
    """It wrote no file and said nothing, exit 0; the config file's outputs stay passed over (above)."""
    monkeypatch.chdir(tmp_path)
    done = invoke_cli("check", "--settings-only", *typed, "--lang", lang)
    assert done.exit_code == 2
    assert done.stdout == ""
    assert done.stderr.splitlines()[0] == NO_OUTPUT[lang].format(typed=said)
    assert not list(tmp_path.iterdir())


NOT_READ = {
    "zh": "没有读配置文件（--no-config），也没有给出豁免文件或名册：只检查了规则包\n",
    "en": "no config file read (--no-config) and no waivers file or roster given: only the rule packs were "
    "checked\n",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_settings_only_with_no_config_says_the_file_was_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """The config file is there, and was not read: "no config file found" was false."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "zhijiao-check.toml").write_text("strict = true\n", encoding="utf-8")
    done = invoke_cli("check", "--settings-only", "--no-config", "--lang", lang)
    assert done.exit_code == 0, done.output
    assert done.stderr == NOT_READ[lang]


STAGED_UNMATCHED = {
    "zh": (
        "--staged-removals 给出的 report 不对应 git 暂存区或 HEAD 中的任何文件，在那里永远找不到移除的报表："
        "请检查钩子的 args（报表所在的目录，如 reports/）\n"
    ),
    "en": (
        "--staged-removals was given report, which matches no file in git's index or HEAD, so no removed "
        "report would ever be found there: check the hook's args (the reports' folder, such as reports/)\n"
    ),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_pathspec_that_matches_no_tracked_file_is_refused(repository: Path, lang: str) -> None:
    """``args: [report/]``, a typo: nothing was ever found removed there, and every deletion passed. Refused
    (exit 2), not warned: pre-commit shows a passing hook's output only with --verbose."""
    git(repository, "rm", "-q", "reports/2023/jindong.yaml")
    done = invoke_cli("check", "--staged-removals", "report/", "--lang", lang)
    assert done.exit_code == 2
    assert done.stdout == ""
    assert done.stderr == STAGED_UNMATCHED[lang]


def test_a_pathspec_whose_files_are_all_deleted_still_matches(repository: Path) -> None:
    """The whole year removed from the index: HEAD still has it, so the pathspec is no typo."""
    git(repository, "rm", "-q", "-r", "reports/2023")
    done = invoke_cli("check", "--staged-removals", "reports/2023", "--lang", "en")
    assert done.exit_code == 0, done.output
    assert done.stderr == "the staged changes remove no report: nothing to check\n"


FIRST_COMMIT = {
    "zh": "仓库还没有提交，暂存的改动不会移除任何报表：无需检查\n",
    "en": "the repository has no commit yet, so the staged changes can remove no report: nothing to check\n",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_repository_without_commits_removes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """A brand-new repository's first commit (before any report: its README and .pre-commit-config.yaml):
    git has no HEAD, so nothing can have been removed, whatever the pathspec matches. It was refused as a
    typo'd pathspec (exit 2), and so was every commit until the first report's."""
    (tmp_path / "README.md").write_text("# 报表\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "README.md")
    monkeypatch.chdir(tmp_path)
    done = invoke_cli("check", "--staged-removals", "reports/", "--lang", lang)
    assert done.exit_code == 0, done.output
    assert done.stdout == ""
    assert done.stderr == FIRST_COMMIT[lang]
    # the reports staged for the first commit: still nothing removed
    shutil.copytree(ROOT / "samples" / "2023", tmp_path / "reports" / "2023")
    git(tmp_path, "add", "-A")
    done = invoke_cli("check", "--staged-removals", "reports/", "--lang", lang)
    assert (done.exit_code, done.stderr) == (0, FIRST_COMMIT[lang]), done.output
    assert invoke_cli("check", "--staged-removals", "reports/", "--quiet").stderr == ""


def test_a_pathspec_whose_files_are_all_newly_added_removes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The repository has commits, but none with a report: the first reports staged match the pathspec in
    the index, and nothing of HEAD is there to remove. A typo'd pathspec is still refused."""
    (tmp_path / "README.md").write_text("# 报表\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "README.md")
    git(tmp_path, "commit", "-q", "-m", "README")
    shutil.copytree(ROOT / "samples" / "2023", tmp_path / "reports" / "2023")
    git(tmp_path, "add", "-A")
    monkeypatch.chdir(tmp_path)
    done = invoke_cli("check", "--staged-removals", "reports/", "--lang", "en")
    assert done.exit_code == 0, done.output
    assert done.stderr == "the staged changes remove no report: nothing to check\n"
    typo = invoke_cli("check", "--staged-removals", "report/", "--lang", "en")
    assert typo.exit_code == 2
    assert typo.stderr == STAGED_UNMATCHED["en"]
