"""Fixtures of the command-line tests: the app through typer's CliRunner, run from the repository root."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from factory import ROOT, write_report
from factory import invoke as invoke_cli
from typer.testing import Result

Invoke = Callable[..., Result]


@pytest.fixture
def invoke(monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """``invoke("check", "samples/2023/dongan.yaml", env={...})``: ``factory.invoke``, from the repository
    root."""
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return invoke_cli


@pytest.fixture
def invoke_json(invoke: Invoke) -> Callable[..., tuple[Result, dict[str, Any]]]:
    """``invoke_json(paths..., options...)``: ``check --format json`` and the parsed document."""

    def run(*args: str | Path) -> tuple[Result, dict[str, Any]]:
        result = invoke("check", *args, "--format", "json")
        return result, json.loads(result.stdout)

    return run


@pytest.fixture
def reports_dir(tmp_path: Path) -> Callable[..., list[Path]]:
    """``reports_dir(report, ...)``: the reports written as YAML files in a temporary folder."""

    def write(*reports: dict[str, Any]) -> list[Path]:
        return [write_report(tmp_path / "reports", report) for report in reports]

    return write
