"""Helpers of the input tests: running the command line as a county would, and editing the sample reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from factory import invoke, line_in
from typer.testing import Result

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
COUNTY = SAMPLES / "2023" / "lengshuitan.yaml"
CITY = SAMPLES / "2023" / "shibenji.yaml"
VALID_SAMPLES = sorted(
    [
        *(SAMPLES / "2022").glob("*.yaml"),
        *(SAMPLES / "2023").glob("*.yaml"),
        *(ROOT / "examples" / "failing").glob("*.yaml"),
    ]
)


def run_cli(*args: object) -> Result:
    """``factory.invoke``: whatever the input, no traceback, and an exit status of 0, 1 or 2 (neither 3 nor
    one of click's own)."""
    result = invoke(*args)
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output)
    return result


def validate_json(*args: object) -> tuple[int, dict[str, Any]]:
    """``validate --format json``: its exit status and its document."""
    result = run_cli("validate", "--format", "json", *args)
    return result.exit_code, json.loads(result.stdout)


def errors(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [problem for problem in document["problems"] if problem["severity"] == "error"]


def county_text(*edits: tuple[str, str], source: Path = COUNTY) -> str:
    """A sample report with each ``old`` text replaced (once) by ``new``."""
    text = source.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, f"{source.name} has no {old!r}"
        text = text.replace(old, new, 1)
    return text


line_of = line_in  # the input tests' name of ``factory.line_in``: ``line_of(text, needle, occurrence)``


def write(directory: Path, name: str, content: str | bytes) -> Path:
    path = directory / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
