"""``--jobs``: worker processes change how long a run takes, never what it prints or its exit status."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from golden.cases import FORMATS
from golden.test_bulk import generated_set

from zhijiao_check import processes


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("jobs")
    reports, _ = generated_set(directory, 2 * processes.PARALLEL_FROM)
    (reports / "broken.yaml").write_text("schema_version: 1\nunit: {name: 冷水滩区}\n", encoding="utf-8")
    return directory


def run(directory: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "zhijiao_check", "check", "reports", "--rules", "pack", *args],
        cwd=directory,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_two_workers_print_what_one_process_prints(reports: Path, lang: str) -> None:
    outputs = {}
    for jobs in ("1", "2"):
        options = [a for fmt in FORMATS for a in ("-f", fmt, "-o", f"j{jobs}/{lang}.{fmt}")]
        done = run(reports, "--lang", lang, "--jobs", jobs, *options)
        assert done.returncode == 2, done.stderr  # the broken report makes it invalid input
        outputs[jobs] = {fmt: (reports / f"j{jobs}" / f"{lang}.{fmt}").read_bytes() for fmt in FORMATS}
    for fmt in FORMATS:
        one, two = outputs["1"][fmt], outputs["2"][fmt]
        if fmt == "junit":  # the time of the run, to the second
            one, two = (
                b"\n".join(line for line in o.splitlines() if b"timestamp=" not in line) for o in (one, two)
            )
        assert one == two, fmt
    assert b"broken.yaml" in outputs["2"]["json"]


def test_jobs_counts_processes(reports: Path) -> None:
    done = run(reports, "--jobs", "0", "-f", "json")
    assert done.returncode == 2
    assert "--jobs" in done.stderr and "Traceback" not in done.stderr


def test_default_is_one_job_per_available_core() -> None:
    import os

    assert processes.available_cores() == len(os.sched_getaffinity(0))
