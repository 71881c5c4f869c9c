"""Fixtures of the workbook tests: templates made by the real command, filled by a clerk (``clerk.py``)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from factory import ROOT, invoke
from typer.testing import Result

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """``factory.invoke``, from the repository root."""
    monkeypatch.chdir(ROOT)
    return invoke


@pytest.fixture
def template(run_cli: Callable[..., Result], tmp_path: Path) -> Callable[..., Path]:
    """``template("东安县", 2023)``: the workbook ``template --format xlsx`` writes."""

    def make(unit: str, year: int, *extra: str) -> Path:
        out = tmp_path / f"template-{unit}-{year}.xlsx"
        result = run_cli(
            "template", "--unit", unit, "--year", str(year), "--format", "xlsx", "-o", out, "--force", *extra
        )
        assert result.exit_code == 0, result.output
        return out

    return make


@pytest.fixture
def filled(template: Callable[..., Path], tmp_path: Path) -> Callable[..., Path]:
    """``filled(report_data)``: a template of the report's unit and year,
    filled with its figures by a clerk.
    """
    from clerk import fill

    def make(data: dict[str, Any], name: str = "filled.xlsx") -> Path:
        blank = template(data["unit"]["name"], data["year"])
        (tmp_path / "in").mkdir(exist_ok=True)
        return fill(blank, data, tmp_path / "in" / name)

    return make


@pytest.fixture
def book(filled: Callable[..., Path]) -> Path:
    """东安县's sample report of 2023, filled in its template by a clerk."""
    import yaml
    from factory import SAMPLES

    return filled(
        yaml.safe_load((SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8")), "dongan.xlsx"
    )
