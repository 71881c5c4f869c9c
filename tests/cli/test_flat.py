"""``--format json`` alone is written as the reports are scored (``commands.flat``), in memory that does not
grow with them; with any other format the whole run is laid out. Both must print the same bytes and exit the
same way, whatever the run holds: waivers, a roster, duplicates, broken reports, earlier years, a selection,
worker processes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Self

import pytest
from factory import ROOT
from golden.test_bulk import generated_set
from typer.testing import CliRunner

from zhijiao_check import processes
from zhijiao_check.cli import app
from zhijiao_check.commands import check as check_command

WAIVERS = """
[[waiver]]
rule = "c16.secondary-funding"
unit = "东安县"
year = 2023
reason = "县财政 2023 年预算已执行完毕，2024 年补足"
approved-by = "永州市教育局"
document = "永教函〔2024〕3号"

[[waiver]]
rule = "c10.craftsman-students"
unit = "全市"
year = 2022
reason = "工匠班 2023 年起遴选"
approved-by = "永州市教育局"
document = "永教函〔2024〕4号"

[[waiver]]
rule = "c1.public-seats"
unit = "道县"
year = 2021
reason = "没有哪一条结果与它相符"
approved-by = "永州市教育局"
document = "永教函〔2024〕5号"
"""

ROSTER = """units:
  东安县:
    - 东安县职业中等专业学校
    - 东安县舜德职业学校
  道县:
    - 道县职业技术学校
    - 道县不存在的学校
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both sample years, a second report of one unit, a broken report, waivers and a roster."""
    folder = tmp_path_factory.mktemp("flat")
    shutil.copytree(ROOT / "samples", folder / "reports", ignore=shutil.ignore_patterns("*.md"))
    shutil.copy(
        folder / "reports" / "2023" / "dongan.yaml", folder / "reports" / "2023" / "dongan-again.yaml"
    )
    (folder / "reports" / "2022" / "broken.yaml").write_text(
        "schema_version: 1\nunit: {name: 冷水滩区}\n", encoding="utf-8"
    )
    (folder / "waivers.toml").write_text(WAIVERS, encoding="utf-8")
    (folder / "roster.yaml").write_text(ROSTER, encoding="utf-8")
    return folder


def both(folder: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[bytes, bytes]:
    """The JSON written alone, as it is made (flat), and beside a CSV file (the whole run), after checking
    both exited alike. A run this small is laid out whole unless told otherwise (``FLAT_FROM``)."""
    monkeypatch.chdir(folder)
    monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    flat = CliRunner().invoke(app, ["check", *args, "-f", "json", "-o", "flat.json"])
    whole = CliRunner().invoke(
        app, ["check", *args, "-f", "json", "-o", "whole.json", "-f", "csv", "-o", "w.csv"]
    )
    assert flat.exit_code == whole.exit_code and flat.exit_code in (1, 2), flat.output + whole.output
    assert flat.exception is None or isinstance(flat.exception, SystemExit), flat.exception
    return (folder / "flat.json").read_bytes(), (folder / "whole.json").read_bytes()


def check(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "zhijiao_check", "check", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    "args",
    [
        ("reports",),
        ("reports", "--waivers", "waivers.toml", "--roster", "roster.yaml", "--strict"),
        ("reports/2023", "--previous", "reports/2022", "--select", "c1,c16", "--lang", "en"),
        ("reports/2023/dongan.yaml", "reports/2023/shibenji.yaml", "--waivers", "waivers.toml"),
    ],
    ids=["samples", "waivers-roster-strict", "previous-select-en", "two-reports"],
)
def test_json_alone_prints_what_the_whole_run_prints(
    folder: Path, args: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    flat, whole = both(folder, monkeypatch, *args)
    assert flat == whole
    assert b'"rank": 1' in flat or b'"rank": null' in flat


def test_what_the_run_holds_is_really_there(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison above is not of two empty documents: duplicates, the broken report, waivers used and
    unused, the roster and the city-wide years all show."""
    flat, _ = both(folder, monkeypatch, "reports", "--waivers", "waivers.toml", "--roster", "roster.yaml")
    text = flat.decode("utf-8")
    for expected in (
        "duplicate-report",
        "broken.yaml",
        "roster-school-absent",
        "waiver-unused",
        '"status": "waived"',
        '"units_present"',
        '"projection"',
    ):
        assert expected in text, expected


@pytest.fixture(scope="module")
def bulk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("flat-bulk")
    generated_set(directory, max(3 * processes.PARALLEL_FROM, check_command.FLAT_FROM))
    return directory


def test_worker_processes_send_back_what_one_process_makes(bulk: Path) -> None:
    """Workers send back each report's entry and what the city reads of it, not the report and its results:
    the document is still the one the whole run prints."""
    flat = check(bulk, "reports", "--rules", "pack", "-f", "json", "-o", "two.json", "--jobs", "2")
    whole = check(
        bulk,
        "reports",
        "--rules",
        "pack",
        "-f",
        "json",
        "-o",
        "one.json",
        "-f",
        "csv",
        "-o",
        "one.csv",
        "-j",
        "1",
    )
    assert flat.returncode == whole.returncode == 1, flat.stderr + whole.stderr
    assert (bulk / "two.json").read_bytes() == (bulk / "one.json").read_bytes()


def test_to_standard_output_too(bulk: Path) -> None:
    done = check(bulk, "reports", "--rules", "pack", "-f", "json", "-j", "1")
    assert done.returncode == 1 and done.stdout.encode("utf-8") == (bulk / "one.json").read_bytes()


class _FullDisk:
    """A temporary file on a full disk: the first write fails as a full file system does."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def write(self, data: bytes) -> int:
        raise OSError(28, "No space left on device")


@pytest.mark.parametrize("failing", ["write", "create"])
def test_a_full_temporary_folder_is_exit_2_naming_it_with_nothing_written(
    folder: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    """The spool of a large json run lives in the temporary folder: when it is full (or cannot be created),
    the run says so and how to go on, never "internal error", and leaves no output file behind."""
    import tempfile

    from zhijiao_check.commands import flat

    def unwritable(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(flat.tempfile, "TemporaryFile", _FullDisk if failing == "write" else unwritable)
    monkeypatch.chdir(folder)
    monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    result = CliRunner().invoke(app, ["check", "reports", "-f", "json", "-o", "full.json", "--lang", "en"])
    assert result.exit_code == 2, result.output
    reason = "No space left on device" if failing == "write" else "Permission denied"
    assert f"cannot write the temporary file (in {tempfile.gettempdir()}): {reason}" in result.output
    assert "TMPDIR" in result.output and "internal error" not in result.output
    assert not (folder / "full.json").exists()
