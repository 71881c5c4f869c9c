"""A limit met by a file that is not a unit report (a roster, a waivers file, a rule pack's file, the config
file) said "a unit report is far smaller" or "has far fewer": each now names the kind of file it is."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from input.helpers import ROOT, SAMPLES, run_cli

ELEVEN_MIB = "# comment\n" * (11 * 1024 * 1024 // 10)  # 10 bytes a line


def _roster(folder: Path) -> list[str]:
    path = folder / "roster.yaml"
    path.write_text("units:\n  东安县:\n" + "".join(f"    - 学校{i}\n" for i in range(10_001)), "utf-8")
    return ["--roster", str(path)]


def _waivers(folder: Path) -> list[str]:
    path = folder / "waivers.toml"
    path.write_text(ELEVEN_MIB, encoding="utf-8")
    return ["--waivers", str(path)]


def _pack(folder: Path) -> list[str]:
    pack = folder / "pack"
    shutil.copytree(ROOT / "rules" / "yzf-2021-7", pack)
    (pack / "clause-99.yaml").write_text("rules:\n" + "".join(f"  - {i}\n" for i in range(10_001)), "utf-8")
    return ["--pack", str(pack)]


def _config(folder: Path) -> list[str]:
    path = folder / "zhijiao-check.toml"
    path.write_text(ELEVEN_MIB, encoding="utf-8")
    return ["--config", str(path)]


_VALUES = (
    "文件中的值超过 10,000 个（从这里起超出）：{zh}的值远少于此，请确认没有选错文件",
    "more than 10,000 values in the file (the limit is passed here): {en} has far fewer; check the file",
)
_SIZE = (
    "文件大小 11.0 MiB，超过 10 MiB 上限：{zh}远小于此，请确认没有选错文件",
    "the file is 11.0 MiB, over the 10 MiB limit: {en} is far smaller; check that this is the right file",
)


@pytest.mark.parametrize(
    ("given", "said", "zh", "en"),
    [
        (_roster, _VALUES, "名册", "a roster"),
        (_waivers, _SIZE, "豁免文件", "a waivers file"),
        (_pack, _VALUES, "规则包文件", "a rule pack's file"),
        (_config, _SIZE, "配置文件", "a config file"),
    ],
    ids=["roster", "waivers", "pack", "config"],
)
def test_a_limit_names_the_kind_of_file_that_met_it(tmp_path: Path, given, said, zh: str, en: str) -> None:
    args = given(tmp_path)
    for lang, message in zip(("zh", "en"), (said[0].format(zh=zh), said[1].format(en=en)), strict=True):
        result = run_cli("check", SAMPLES / "2023" / "dongan.yaml", *args, "--lang", lang)
        assert result.exit_code == 2
        assert message in result.stderr, result.stderr
        assert "单位报表" not in result.stderr and "unit report" not in result.stderr


def test_a_report_over_a_limit_is_still_said_of_a_unit_report(tmp_path: Path) -> None:
    path = tmp_path / "dongan.yaml"
    path.write_text(ELEVEN_MIB, encoding="utf-8")
    result = run_cli("validate", path, "--lang", "en")
    assert "over the 10 MiB limit: a unit report is far smaller" in result.stdout + result.stderr


def _rows(path: Path, first: list[str]) -> Path:
    """A workbook of ``first`` and then 100 rows more: over the limit of rows, lowered to 100 (``ROWS``)."""
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("名册")
    sheet.append(first)
    for n in range(ROWS):
        sheet.append(["东安县", f"学校{n}"])
    workbook.save(path)
    return path


ROWS = 100  # the limit of rows of a workbook (50,000), lowered to spare the test the time
_ROWS = (
    "工作簿超过 100 行，远多于任何{zh}：请确认没有选错文件",
    "the workbook has more than 100 rows, far beyond what {en} holds: check that this is the right file",
)


def test_a_roster_workbook_over_a_limit_is_said_of_a_roster(tmp_path: Path, monkeypatch) -> None:
    """A roster kept as a workbook said "far beyond any unit report" (远多于任何单位报表), as the YAML
    roster's limits no longer did; a report's workbook still says it of a unit report."""
    from zhijiao_check.report.workbook import grids

    monkeypatch.setattr(grids, "MAX_ROWS", ROWS)
    roster = _rows(tmp_path / "名册.xlsx", ["单位", "学校"])
    for lang, message in zip(
        ("zh", "en"), (_ROWS[0].format(zh="名册"), _ROWS[1].format(en="a roster")), strict=True
    ):
        result = run_cli("check", SAMPLES / "2023" / "dongan.yaml", "--roster", roster, "--lang", lang)
        assert result.exit_code == 2
        assert f"{roster}: {message}" in result.stderr.splitlines(), result.stderr
        assert "单位报表" not in result.stderr and "unit report" not in result.stderr
    report = _rows(tmp_path / "dongan.xlsx", ["本单位"])
    result = run_cli("validate", report, "--lang", "en", "--format", "json")
    assert result.exit_code == 2
    assert _ROWS[1].format(en="a unit report") in result.stdout
