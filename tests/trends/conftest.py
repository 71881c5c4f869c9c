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

from .multiyear import copy_year, write_years

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


@pytest.fixture(scope="module")
def final(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2022–2025 (2024 and 2025 as copies of 2023), 新田县 filing no 2025 report: the due year of most
    targets held, one unit missing from it."""
    dest = tmp_path_factory.mktemp("final")
    for year, source in ((2022, 2022), (2023, 2023), (2024, 2023), (2025, 2023)):
        copy_year(source, dest, year)
    (dest / "2025" / "xintian.yaml").unlink()
    return dest


@pytest.fixture(scope="module")
def complete(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2023 and 2025 (a copy of 2023), 零陵区's 2025 public seats down from 1700 to 700: a target met by
    2023 and not held in its due year."""
    dest = tmp_path_factory.mktemp("complete")
    copy_year(2023, dest, 2023)
    lingling = copy_year(2023, dest, 2025) / "lingling.yaml"
    text = lingling.read_text(encoding="utf-8")
    assert "public_secondary_vocational_seats: 1700" in text
    lingling.write_text(text.replace("vocational_seats: 1700", "vocational_seats: 700", 1), encoding="utf-8")
    return dest
