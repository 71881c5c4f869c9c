"""The benchmark scripts still start: no test times anything (``benchmarks/`` prints figures), but a script
that no longer imports prints none (``hostile.py`` imported a helper of ``bench.py`` renamed long before)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from factory import ROOT


@pytest.mark.parametrize(
    ("script", "words"),
    [
        ("bench.py", ["--big", "--cold"]),
        # instructions under valgrind, a minute a run: only started here, as bench.py is
        ("counts.py", ["valgrind", "--bulk"]),
    ],
)
def test_a_benchmark_starts_and_says_what_it_measures(script: str, words: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert all(word in done.stdout for word in words), done.stdout


def test_hostile_writes_each_case_from_a_process_of_its_own(tmp_path: Path) -> None:
    """Its cases are written by a process of their own, so that the tool's peak is the tool's alone."""
    path = tmp_path / "r.yaml"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "hostile.py"),
            "--write",
            "9,999 empty schools",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    text = path.read_text(encoding="utf-8")
    assert text.count("{}, ") == 9_000 and "东安县" in text
