"""``--output FILE`` for every format, and several ``--format``/``--output`` pairs in one run,
from the command line.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from zhijiao_check.renderers import Format

from .conftest import ROOT, check, render


def cli(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "zhijiao_check", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
        env=env,
    )


def same_apart_from_time(text: str) -> str:
    """JUnit carries the time of the run."""
    return re.sub(r'timestamp="[^"]*"', 'timestamp=""', text)


@pytest.mark.parametrize("fmt", sorted(set(Format) - {"xlsx"}))
def test_every_format_writes_to_a_file(fmt: str, tmp_path: Path) -> None:
    target = tmp_path / "deep" / f"out.{fmt}"
    written = cli("check", "examples/failing", "--format", fmt, "--output", target)
    assert written.returncode == 1, written.stderr
    assert written.stdout == ""
    printed = cli("check", "examples/failing", "--format", fmt, "--no-color")
    assert printed.returncode == 1
    # the table's file begins with a byte-order mark, for Notepad on Chinese Windows (README: Files' encoding)
    filed = "\ufeff" + printed.stdout if fmt == "table" else printed.stdout
    assert same_apart_from_time(target.read_text(encoding="utf-8")) == same_apart_from_time(filed)
    assert printed.stdout.strip()


def test_a_workbook_goes_to_a_file_or_a_pipe_whole(tmp_path: Path) -> None:
    """xlsx is binary: a zip, written whole to the file or piped as bytes (its parts carry the time made)."""
    target = tmp_path / "deep" / "out.xlsx"
    written = cli("check", "examples/failing", "--format", "xlsx", "--output", target)
    assert written.returncode == 1 and written.stdout == "", written.stderr
    piped = subprocess.run(
        [sys.executable, "-m", "zhijiao_check", "check", "examples/failing", "--format", "xlsx"],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert piped.returncode == 1
    for data in (target.read_bytes(), piped.stdout):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert archive.testzip() is None and "xl/workbook.xml" in archive.namelist()


def test_table_to_the_terminal_and_junit_to_a_file(tmp_path: Path) -> None:
    """What CI wants: one run, the people's view in the log and the report for the CI system."""
    junit = tmp_path / "junit.xml"
    done = cli("check", "samples/2023", "--format", "junit", "--output", junit, "--format", "table")
    assert done.returncode == 1, done.stderr
    assert "单位得分排名与达标矩阵" in done.stdout and done.stdout.rstrip().endswith("退出状态 1")
    assert junit.read_text(encoding="utf-8").startswith("<?xml") and "<testsuites>" in junit.read_text(
        encoding="utf-8"
    )


def test_all_formats_in_one_run(tmp_path: Path) -> None:
    args: list[str | Path] = ["check", "samples/2023", "examples/failing/xintian-2023-funding.yaml"]
    for fmt in sorted(Format):
        args += ["--format", fmt, "--output", tmp_path / f"report.{fmt}"]
    done = cli(*args, "--format", "github")
    # the xintian report is a second 2023 report of 新田县 with other figures: both refused
    assert done.returncode == 2, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"report.{fmt}" for fmt in Format)
    doc = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert doc["exit_code"] == 2 and len(doc["invalid"]) == 2
    failed = [
        r for e in [*doc["reports"], *doc["city"]] for r in e["results"] if r["status"] in ("fail", "missing")
    ]
    places = sum(len([i for i in r["items"] if i["status"] != "pass"] or [r]) for r in failed)
    refused = sum(len(bad["problems"]) for bad in doc["invalid"])
    assert done.stdout.count("::error ") == refused + places > len(failed)


def test_github_job_summary_from_the_command_line(tmp_path: Path) -> None:
    summary = tmp_path / "step-summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}
    done = cli("check", "examples/failing", "--format", "github", env=env)
    assert done.returncode == 1
    assert summary.read_text(encoding="utf-8").startswith("## ❌ 职业教育政策目标达标检查")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "提醒：未写入作业摘要，GITHUB_STEP_SUMMARY={summary} 无法写入：路径不存在"),
        ("en", "warning: the job summary was not written, GITHUB_STEP_SUMMARY={summary} cannot be written: "),
    ],
)
def test_a_job_summary_that_cannot_be_written_is_told_and_stops_no_other_output(
    tmp_path: Path, lang: str, said: str
) -> None:
    """The summary is an extra: an unwritable ``GITHUB_STEP_SUMMARY`` dropped the SARIF and every other
    output, and the run ended with status 2 whatever the reports said."""
    summary = tmp_path / "nonexistent" / "dir" / "x.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}
    sarif, junit = tmp_path / "build" / "x.sarif", tmp_path / "build" / "j.xml"
    args = (
        "--format",
        "sarif",
        "--output",
        sarif,
        "--format",
        "junit",
        "--output",
        junit,
        "--format",
        "github",
    )
    done = cli("check", "examples/failing", "--lang", lang, *args, env=env)
    assert done.returncode == 1, done.stderr  # as the reports say: targets not met
    assert said.format(summary=summary) in done.stderr, done.stderr
    assert json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert junit.read_text(encoding="utf-8").startswith("<?xml")
    assert done.stdout.count("::error ") > 0
    assert not summary.parent.exists()


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_an_item_not_met_is_introduced_with_the_colon_of_the_output_language(fmt: str) -> None:
    squeezed = {
        lang: "".join(render(fmt, check("examples/failing/daoxian-2023-majors.yaml"), lang=lang).split())
        for lang in ("zh", "en")
    }
    assert "道县濂溪职业学校·电子商务：最近评估年份2019" in squeezed["zh"]
    assert "道县濂溪职业学校·电子商务:yearlastevaluated2019" in squeezed["en"]
    assert "：yearlastevaluated" not in squeezed["en"]
