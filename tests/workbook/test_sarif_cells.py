"""SARIF names a workbook's sheet and cell, as every other output does (docs/excel.md): a region's line and
column name no sheet, so the result's message says ``本单位!C7（高中阶段招生 · 中职招生）`` and each location
carries it, in the log written whole and in the one written as the reports are scored (``commands.flat``)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from clerk import cell_of, edit
from factory import ROOT, invoke
from typer.testing import Result

from zhijiao_check.commands import check as check_command

SCHEMA = ROOT / "tests" / "renderers" / "schemas" / "sarif-schema-2.1.0.json"


def _sarif(run_cli: Callable[..., Result], path: Path, out: Path, status: int) -> dict[str, Any]:
    result = run_cli("check", path, "-f", "sarif", "-o", out)
    assert result.exit_code == status, result.output
    log: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)
    return log


def _cell(book: Path, sheet: str, key: str) -> str:
    import openpyxl

    return f"{sheet}!{cell_of(openpyxl.load_workbook(book)[sheet], key).coordinate}"


def test_an_invalid_workbooks_problem_names_its_sheet_and_cell(book, run_cli, tmp_path):
    edit(book, lambda b: setattr(cell_of(b["本单位"], "enrollment.secondary_vocational"), "value", "50%"))
    where = _cell(book, "本单位", "enrollment.secondary_vocational")
    log = _sarif(run_cli, book, tmp_path / "out.sarif", 2)
    [result] = log["runs"][0]["results"]
    assert result["ruleId"] == "invalid-report"
    said = f"无效报表：{where}（高中阶段招生 · 中职招生）：此处不接受百分比"
    assert result["message"]["text"].startswith(said)
    [location] = result["locations"]
    assert location["message"]["text"] == f"{where}（高中阶段招生 · 中职招生）"
    assert location["logicalLocations"] == [{"fullyQualifiedName": where, "kind": "element"}]
    assert location["physicalLocation"]["region"]["startColumn"] == 3


def test_a_valid_workbooks_findings_name_their_cells(book, run_cli, tmp_path):
    edit(book, lambda b: setattr(cell_of(b["本单位"], "enrollment.secondary_vocational"), "value", 50))
    where = _cell(book, "本单位", "enrollment.secondary_vocational")
    log = _sarif(run_cli, book, tmp_path / "out.sarif", 1)
    share = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "c1.vocational-share")
    assert f"职普比不低于4.5:5.5：{where}（高中阶段招生 · 中职招生）：50 / (50 + " in share["message"]["text"]
    assert share["locations"][0]["message"]["text"] == f"{where}（高中阶段招生 · 中职招生）"
    related = share["relatedLocations"][0]
    assert related["message"]["text"].endswith("（高中阶段招生 · 普通高中招生）")
    # Every result of a workbook names a cell; a YAML report's results have no such words.
    assert all("!" in r["message"]["text"] for r in log["runs"][0]["results"])


def test_a_yaml_reports_sarif_has_no_cell(run_cli, tmp_path):
    log = _sarif(run_cli, ROOT / "samples" / "2023" / "dongan.yaml", tmp_path / "out.sarif", 1)
    for result in log["runs"][0]["results"]:
        assert set(result["locations"][0]) == {"physicalLocation"}


def test_the_streamed_sarif_names_the_cells_as_the_whole_one_does(
    book, tmp_path, monkeypatch: pytest.MonkeyPatch
):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(book, folder / "valid.xlsx")
    shutil.copy(book, folder / "broken.xlsx")
    edit(
        folder / "broken.xlsx",
        lambda b: setattr(cell_of(b["本单位"], "enrollment.secondary_vocational"), "value", "50%"),
    )
    monkeypatch.chdir(tmp_path)
    outputs = {}
    for kind, flat_from in (("flat", 0), ("whole", 10**9)):
        monkeypatch.setattr(check_command, "FLAT_FROM", flat_from)
        result = invoke("check", "reports", "-f", "sarif", "-o", f"{kind}.sarif")
        assert result.exit_code == 2, result.output
        outputs[kind] = (tmp_path / f"{kind}.sarif").read_bytes()
    assert outputs["flat"] == outputs["whole"]
    assert "本单位!C".encode() in outputs["flat"]
