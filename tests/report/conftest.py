"""Fixtures of the report tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from zhijiao_check.report import InvalidReport, ReportFile, load_report
from zhijiao_check.units import UnitRegistry

from .helpers import UNITS

Load = Callable[..., ReportFile | InvalidReport]


@pytest.fixture
def units() -> UnitRegistry:
    return UNITS


@pytest.fixture
def load(tmp_path: Path) -> Load:
    """``load(text)`` or ``load(raw_bytes, name="r.json")``: write the report to a file and load it."""

    def run(content: str | bytes, name: str = "report.yaml") -> ReportFile | InvalidReport:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return load_report(path, UNITS, display=name)

    return run
