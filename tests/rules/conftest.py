"""Fixtures of the rule tests: one report, or one city year, checked with the built-in pack."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from factory import check_city, check_unit

from zhijiao_check.engine.results import RuleResult

Results = dict[str, RuleResult]


@pytest.fixture
def unit_results(tmp_path: Path) -> Callable[..., Results]:
    """``unit_results(report, lang="zh")``: the results of one report checked on its own, by rule ID."""

    def run(report: dict[str, Any], lang: str = "zh") -> Results:
        return check_unit(tmp_path, report, lang=lang)

    return run


@pytest.fixture
def city_results(tmp_path: Path) -> Callable[..., Results]:
    """``city_results(reports, lang="zh")``: the city-wide results of one year's reports, by rule ID."""

    def run(reports: Iterable[dict[str, Any]], lang: str = "zh") -> Results:
        return check_city(tmp_path, reports, lang=lang)

    return run
