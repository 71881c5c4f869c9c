"""Fixtures of the trend and completeness tests: the 2021–2025 set of ``multiyear.py``, and its first four
years (a run before the due year, which projects), each checked once."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from factory import invoke
from typer.testing import Result

from .multiyear import write_years

Invoke = Callable[..., Result]


@pytest.fixture(scope="session")
def years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_years(tmp_path_factory.mktemp("years"))


@pytest.fixture(scope="session")
def years_doc(years: Path) -> dict[str, Any]:
    """``check --format json`` over all five years."""
    return checked(years)


@pytest.fixture(scope="session")
def four_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2021–2024: the run does not reach 2025, the due year of most targets, so they are projected."""
    return write_years(tmp_path_factory.mktemp("four-years"), (2021, 2022, 2023, 2024))


@pytest.fixture(scope="session")
def four_doc(four_years: Path) -> dict[str, Any]:
    """``check --format json`` over 2021–2024."""
    return checked(four_years)


def checked(folder: Path) -> dict[str, Any]:
    """``check --format json`` over ``folder``, whose reports fail some targets (exit 1)."""
    result = invoke("check", folder, "--format", "json")
    assert result.exit_code == 1, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def city_trend(doc: dict[str, Any], rule: str) -> dict[str, Any]:
    return next(t for t in doc["trends"]["city"] if t["rule"] == rule)


def unit_trend(doc: dict[str, Any], unit: str, rule: str) -> dict[str, Any]:
    trends = next(u for u in doc["trends"]["units"] if u["unit"] == unit)["trends"]
    return next(t for t in trends if t["rule"] == rule)
