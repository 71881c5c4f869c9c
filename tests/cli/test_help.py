"""What a newcomer reads first: every command's help describes every option, shows no `<bool>` placeholder for
a switch, lists --debug; shell completion works in a real bash."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from factory import ROOT
from typer.testing import CliRunner

from zhijiao_check.cli import app

SCRIPT = Path(sys.executable).parent / "zhijiao-check"
GROUP = typer.main.get_command(app)
COMMANDS = sorted(GROUP.commands)  # type: ignore[attr-defined]


def help_text(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "160", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_has_a_description(name: str) -> None:
    command = GROUP.commands[name]  # type: ignore[attr-defined]
    ctx = command.make_context(name, ["--help"], resilient_parsing=True)
    undescribed = [p.opts[0] for p in command.get_params(ctx) if p.param_type_name == "option" and not p.help]
    assert undescribed == [], f"{name}: {undescribed}"


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_help_shows_no_bool_placeholder(name: str) -> None:
    text = help_text(*([name] if name else []))
    assert "<bool>" not in text
    assert "--help" in text


def test_debug_is_in_the_help_of_the_commands_that_take_it() -> None:
    assert "--debug" in help_text(
        "check"
    ) and "On an internal error (exit 3), show the traceback." in help_text("check")
    assert "--strict" in help_text("check") and "--no-strict" in help_text("check")


@pytest.mark.skipif(not SCRIPT.exists(), reason="the console script is not installed next to python")
@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("zhijiao-check ex", "explain"),
        ("zhijiao-check check --form", "--format"),
        ("zhijiao-check check --format sa", "sarif"),
        ("zhijiao-check check --lang e", "en"),
    ],
)
def test_bash_completes_commands_options_and_values(words: str, expected: str) -> None:
    """The script --show-completion prints, loaded into bash and called as bash calls it on <Tab>."""
    env = {**os.environ, "PATH": f"{SCRIPT.parent}{os.pathsep}{os.environ['PATH']}"}
    program = (
        'eval "$(zhijiao-check --show-completion bash)"; COMP_WORDS=(' + words + "); "
        "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _zhijiao_check_completion zhijiao-check; "
        'printf "%s\\n" "${COMPREPLY[@]}"'
    )
    done = subprocess.run(
        ["bash", "-c", program], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [expected]


def test_quiet_prints_summary_lines_only() -> None:
    result = CliRunner().invoke(
        app, ["check", str(ROOT / "samples" / "2023"), "--quiet"], env={"NO_COLOR": "1"}
    )
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert lines[-1] == "退出状态 1"
    titles, summaries = lines[0:-1:2], lines[1:-1:2]
    assert len(titles) == len(summaries) == 16  # 15 reports and the city-wide year
    assert all("得分" in t for t in titles) and all(s.startswith("小计：") for s in summaries)


@pytest.mark.parametrize("name", COMMANDS)
def test_help_shows_every_bracket_its_text_holds(name: str) -> None:
    """typer reads help as rich markup, where ``[tool.zhijiao-check]`` is a tag and vanishes: written ``\\[``,
    it is shown as written."""
    command = GROUP.commands[name]  # type: ignore[attr-defined]
    ctx = command.make_context(name, ["--help"], resilient_parsing=True)
    written = " ".join(p.help or "" for p in command.get_params(ctx)).replace("\\[", "[")
    shown = " ".join(CliRunner().invoke(app, [name, "--help"], env={"COLUMNS": "400"}).stdout.split())
    for bracketed in re.findall(r"\[+[^\]\s]+\]+", written):
        assert bracketed in shown, bracketed
