"""Two files of one unit and year in a flat run (``commands.flat.copies``): nothing of a report's contents is
kept as it is scored; once a second file of its unit and year turns up, both are read again and compared.
The outcome is the whole run's (``engine.duplicates.unique``), in one process or in workers; a file changed or
gone between the two readings is taken to differ from the other, never scored as the same report."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from factory import ROOT
from golden.test_bulk import generated_set
from typer.testing import CliRunner

from zhijiao_check import processes
from zhijiao_check.cli import app
from zhijiao_check.commands import check as check_command
from zhijiao_check.commands.flat import scoring
from zhijiao_check.report import ReportFile, load_report

STREAMED = ("json", "junit", "sarif")


def _outputs(kind: str) -> list[str]:
    return [arg for name in STREAMED for arg in ("-f", name, "-o", f"{kind}.{name}")]


def _printed(folder: Path, kind: str) -> dict[str, bytes]:
    return {
        name: b"".join(
            line
            for line in (folder / f"{kind}.{name}").read_bytes().splitlines(True)
            if b"timestamp=" not in line
        )
        for name in STREAMED
    }


@pytest.fixture(scope="module")
def bulk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated set large enough for worker processes, with a copy of one report and a second report of
    another unit and year that differs, each in a folder read last (another batch, another worker)."""
    directory = tmp_path_factory.mktemp("flat-copies")
    reports, _ = generated_set(directory, 3 * processes.PARALLEL_FROM)
    (reports / "2023" / "zz").mkdir()
    shutil.copy(reports / "2023" / "00000" / "dongan.yaml", reports / "2023" / "zz" / "dongan.yaml")
    (reports / "2022" / "zz").mkdir()
    ningyuan = (reports / "2022" / "00000" / "ningyuan.yaml").read_text(encoding="utf-8")
    assert "general_high_school: 1220" in ningyuan
    changed = ningyuan.replace("general_high_school: 1220", "general_high_school: 1230")
    (reports / "2022" / "zz" / "ningyuan.yaml").write_text(changed, encoding="utf-8")
    return directory


def _check(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "zhijiao_check", "check", "reports", "--rules", "pack", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )


def test_workers_and_one_process_print_what_the_whole_run_prints(bulk: Path) -> None:
    """The copy is noted and scored once, the differing pair both refused naming each other: in worker
    processes, in one, and in the whole run (a CSV beside the streamed formats) alike."""
    two = _check(bulk, *_outputs("two"), "--jobs", "2")
    one = _check(bulk, *_outputs("one"), "--jobs", "1")
    whole = _check(bulk, *_outputs("whole"), "-f", "csv", "-o", "whole.csv", "--jobs", "1")
    assert two.returncode == one.returncode == whole.returncode == 2, two.stderr + one.stderr + whole.stderr
    assert _printed(bulk, "two") == _printed(bulk, "one") == _printed(bulk, "whole")
    doc = json.loads((bulk / "two.json").read_bytes())
    copy, original = (f"reports/2023/{folder}/dongan.yaml" for folder in ("zz", "00000"))
    (warning,) = [w for w in doc["warnings"] if w["code"] == "same-report"]
    assert warning["file"] == copy and f"按 {original} 计分一次" in warning["message"]
    refused = [(r["file"], r["problems"][0]["code"]) for r in doc["invalid"]]
    assert refused == [
        (f"reports/2022/{folder}/ningyuan.yaml", "differing-reports") for folder in ("00000", "zz")
    ]


@pytest.fixture
def samples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample years with a copy of 东安县's 2023 report that sorts first (``-`` before ``.``), laid out
    as a flat run however few the reports."""
    shutil.copytree(ROOT / "samples", tmp_path / "reports", ignore=shutil.ignore_patterns("*.md"))
    shutil.copy(
        tmp_path / "reports" / "2023" / "dongan.yaml", tmp_path / "reports" / "2023" / "dongan-again.yaml"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    return tmp_path


def _changed(path: Path) -> None:
    path.write_text(
        path.read_text(encoding="utf-8").replace("general_high_school: 1030", "general_high_school: 1040"),
        encoding="utf-8",
    )


@pytest.mark.parametrize("change", ["changed", "gone", "broken", "touched"])
def test_a_file_changed_or_gone_before_it_is_read_again_differs(
    samples: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    """The first of the two files changes once both are scored (changed, gone, no report any more, or only
    saved again): what it held when it was scored cannot be vouched for, so the two are taken to differ and
    both refused naming each other, as files that differ are; never a traceback."""
    first = samples / "reports" / "2023" / "dongan-again.yaml"
    read = load_report

    def read_then_change(path: Path, *args: Any) -> Any:
        loaded = read(path, *args)
        if path == Path("reports/2023/dongan.yaml"):
            assert isinstance(loaded, ReportFile)
            if change == "changed":
                _changed(first)
            elif change == "gone":
                first.unlink()
            elif change == "broken":
                first.write_text("schema_version: 1\n", encoding="utf-8")
            else:
                stat = first.stat()
                os.utime(first, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
        return loaded

    monkeypatch.setattr(scoring, "load_report", read_then_change)
    result = CliRunner().invoke(app, ["check", "reports", "-f", "json", "-o", "out.json", "-j", "1"])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    doc = json.loads((samples / "out.json").read_bytes())
    pair = [f"reports/2023/{name}.yaml" for name in ("dongan-again", "dongan")]
    refused = [r for r in doc["invalid"] if r["file"] in pair]
    assert [(r["file"], r["problems"][0]["code"]) for r in refused] == [
        (file, "differing-reports") for file in pair
    ]
    assert not [w for w in doc["warnings"] if w["code"] == "same-report"]
    assert "东安县" not in [r["unit"] for r in doc["reports"] if r["year"] == 2023]


def test_an_unchanged_copy_read_again_is_the_same_report(samples: Path) -> None:
    """The two files read again, as they were: one report, scored once, the copy warned of."""
    result = CliRunner().invoke(app, ["check", "reports", "-f", "json", "-o", "out.json", "-j", "1"])
    assert result.exit_code == 1, result.output  # none refused: the samples' targets not met
    doc = json.loads((samples / "out.json").read_bytes())
    (warning,) = [w for w in doc["warnings"] if w["code"] == "same-report"]
    assert warning["file"] == "reports/2023/dongan.yaml"
    assert "按 reports/2023/dongan-again.yaml 计分一次" in warning["message"]
    assert not doc["invalid"]


def test_a_copy_read_from_standard_input_is_compared_as_it_was_read(samples: Path) -> None:
    """Standard input cannot be read again: a report read from it is digested as it is read, and a copy of
    a file's report given there is the same report, as in the whole run."""
    (samples / "reports" / "2023" / "dongan-again.yaml").unlink()
    text = (samples / "reports" / "2023" / "dongan.yaml").read_text(encoding="utf-8")
    printed = {}
    for kind, extra in (("flat", []), ("whole", ["-f", "csv", "-o", "whole.csv"])):
        result = CliRunner().invoke(
            app, ["check", "reports", "-", "-f", "json", "-o", f"{kind}.json", *extra], input=text
        )
        assert result.exit_code in (0, 1), result.output
        printed[kind] = (samples / f"{kind}.json").read_bytes()
    assert printed["flat"] == printed["whole"]
    doc = json.loads(printed["flat"])
    assert [w["code"] for w in doc["warnings"] if w["code"] in ("same-report", "differing-reports")] == [
        "same-report"
    ]


def test_only_the_files_of_a_unit_and_year_with_two_are_digested(
    samples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bulk run pays for the comparison only where it is made: of the 31 reports, the two files of
    东安县's 2023 report are digested (each once), no other."""
    from zhijiao_check.commands.flat import copies
    from zhijiao_check.engine.duplicates import report_contents

    digested: list[str] = []

    def counted(report: ReportFile) -> bytes:
        digested.append(report.file)
        return report_contents(report)

    monkeypatch.setattr(copies, "report_contents", counted)
    monkeypatch.setattr(scoring, "report_contents", counted, raising=False)
    result = CliRunner().invoke(app, ["check", "reports", "-f", "json", "-o", "out.json", "-j", "1"])
    assert result.exit_code == 1, result.output
    assert sorted(digested) == [f"reports/2023/{name}.yaml" for name in ("dongan-again", "dongan")]
