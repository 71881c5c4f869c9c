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
    return subprocess.run([str(SCRIPT), *args], check=False, cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=120)


pytestmark = pytest.mark.skipif(not SCRIPT.exists(), reason="the console script is not installed next to python")


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
