"""Fixtures of the settings tests: a team's repository of reports in a temporary folder,
and the CLI run in it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from factory import SAMPLES
from factory import invoke as invoke_cli
from typer.testing import Result

Invoke = Callable[..., Result]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``reports/2023/`` holding 东安县 (three targets fail) and 零陵区 (all met),
    as the working directory.
    """
    reports = tmp_path / "reports" / "2023"
    reports.mkdir(parents=True)
    for name in ("dongan.yaml", "lingling.yaml"):
        shutil.copy(SAMPLES / "2023" / name, reports / name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


@pytest.fixture
def invoke(repo: Path) -> Invoke:
    """``factory.invoke``, in the repository ``repo`` made."""
    return invoke_cli


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
