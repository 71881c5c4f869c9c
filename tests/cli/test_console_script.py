"""The installed console script, run as a user runs it (a subprocess, not the test runner)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from factory import ROOT

SCRIPT = Path(sys.executable).parent / "zhijiao-check"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    return subprocess.run(
        [str(SCRIPT), *args],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


pytestmark = pytest.mark.skipif(
    not SCRIPT.exists(), reason="the console script is not installed next to python"
)


def test_the_console_script_checks_a_bare_path():
    result = run("samples/2023/dongan.yaml")
    assert result.returncode == 1
    assert "东安县（县市区）· 2023 年 · samples/2023/dongan.yaml" in result.stdout
    assert "\x1b[" not in result.stdout  # a pipe is not a terminal
    assert result.stderr == ""


def test_the_console_script_writes_json_with_the_exit_code():
    result = run("check", "samples/2023/", "--format", "json")
    document = json.loads(result.stdout)
    assert result.returncode == document["exit_code"] == 1
    assert document["city"][0]["units_missing"] == []


def test_the_console_script_exits_2_on_a_missing_path():
    assert run("check", "samples/nowhere/x.yaml").returncode == 2


def test_the_console_script_shows_its_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == "zhijiao-check 1.0.0"


@pytest.mark.parametrize(
    "options",
    [
        (),
        ("--no-color",),
        ("--no-color", "-f", "json"),
        ("--lang", "en"),
        ("validate",),
        ("validate", "--no-color"),
    ],
)
def test_a_run_of_many_files_shows_a_progress_bar_on_a_terminal_stderr(
    tmp_path: Path, options: tuple[str, ...]
) -> None:
    """200 files (not filled in yet: invalid, which loads fastest) with stderr on a pseudo-terminal: the bar
    is drawn there, saying what it counts and how far it is (``正在检查报表  64/200``, in the language of the
    run), styled unless ``--no-color`` says not, but in no colour that says something failed (rich's own
    pink, which a terminal of 16 colours shows as bright red); the output redirected has no trace of it.
    ``validate`` draws the same bar, and ``--no-color`` holds for it too (it was dropped, the bar styled)."""
    if options[:1] == ("validate",):
        arguments = ["validate", str(tmp_path), *options[1:]]
    else:
        arguments = [str(tmp_path), "--quiet", *options]
    import pty
    import re

    for n in range(200):
        (tmp_path / f"unit-{n:03}.yaml").write_text("schema_version: 1\n", encoding="utf-8")
    main, terminal = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | {"COLUMNS": "100", "TERM": "xterm"}
    with open(tmp_path / "out.txt", "wb") as out:
        process = subprocess.Popen([str(SCRIPT), *arguments], stdout=out, stderr=terminal, env=env)
        os.close(terminal)
        drawn = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the terminal closes when the process ends
                break
            if not chunk:
                break
            drawn += chunk
        assert process.wait(timeout=300) == 2
    os.close(main)
    frames = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", drawn).decode()  # the words, without the styles
    words = "checking reports" if "en" in options else "正在检查报表"
    assert "━" in frames and re.search(rf"{words} +[0-9]+/200 ", frames), frames  # the bar, what it counts
    styled = re.search(rb"\x1b\[[0-9;]*m", drawn)
    assert (styled is None) == ("--no-color" in options)
    alarming = re.search(rb"\x1b\[[0-9;]*\b(31|91|38;5;[0-9]+|38;2;[0-9;]+)m", drawn)  # red, rich's pink
    assert alarming is None, drawn
    written = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert "━" not in written and "\x1b[" not in written
    ending = "exit status 2" if "en" in options else "退出状态 2"
    if "validate" in options:
        ending = "0 个有效，200 个无效"
    assert written.startswith("{") if "json" in options else written.rstrip().endswith(ending)


@pytest.mark.parametrize("format_", ["html", "json"])
def test_a_reader_that_stops_early_leaves_the_exit_status(format_: str) -> None:
    """``… | head -c 10`` in a CI step: the run's status is what the gate reads, not 0 because the reader
    went away (the html page and a folder's json are far larger than a pipe's buffer)."""
    piped = f'"{SCRIPT}" check samples -f {format_} | head -c 10 >/dev/null; echo ${{PIPESTATUS[0]}}'
    done = subprocess.run(
        ["bash", "-c", piped],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.stdout.strip() == "1", done.stderr
    assert done.stderr == ""
