"""Prints how fast zhijiao-check answers: one report from a cold process, 1,000 reports in one run, peak memory.

Run it in a virtual environment with the package installed (a pyenv shim adds ~80 ms to every start):
    python benchmarks/bench.py [--runs 10]
Figures only, no pass/fail: compare them across changes.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_YEAR = ROOT / "samples" / "2023"


def command() -> list[str]:
    script = Path(sys.executable).parent / "zhijiao-check"
    return [str(script)] if script.exists() else [sys.executable, "-m", "zhijiao_check"]


def timed(args: list[str]) -> tuple[float, int]:
    """Wall seconds and the child's peak resident memory (KiB) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before)


def generate(directory: Path, count: int) -> None:
    """``count`` valid reports: the sample year's 15 units copied into successive years from 2021."""
    samples = sorted(SAMPLE_YEAR.glob("*.yaml"))
    for index in range(count):
        source = samples[index % len(samples)]
        year = 2021 + index // len(samples)
        text = re.sub(r"^year: \d{4}", f"year: {year}", source.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE)
        target = directory / str(year) / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="cold runs to take the median of")
    parser.add_argument("--reports", type=int, default=1000, help="reports in the bulk run")
    args = parser.parse_args()
    cli = command()
    one = SAMPLE_YEAR / "lengshuitan.yaml"

    timed([*cli, "--version"])  # warm the file-system cache and the bytecode
    for label, argv in [
        ("--version", [*cli, "--version"]),
        ("rules", [*cli, "rules"]),
        ("one report, table", [*cli, str(one), "--no-color"]),
        ("one report, json", [*cli, str(one), "--format", "json"]),
    ]:
        times = [timed(argv)[0] for _ in range(args.runs)]
        print(f"{label:<28} median {statistics.median(times) * 1000:7.1f} ms   "
              f"min {min(times) * 1000:7.1f} ms   ({args.runs} cold processes)")

    with tempfile.TemporaryDirectory() as temp:
        directory = Path(temp)
        generate(directory, args.reports)
        for label, fmt in [("json", "json"), ("table", "table")]:
            elapsed, peak = timed([*cli, str(directory), "--format", fmt, "--no-color"])
            print(f"{args.reports} reports, {label:<14} {elapsed:7.2f} s   peak memory {peak / 1024:6.1f} MiB "
                  f"({args.reports / elapsed:6.0f} reports/s)")
        shutil.rmtree(directory, ignore_errors=True)
    print(f"python {sys.version.split()[0]} · {os.cpu_count()} cores · libyaml "
          f"{'yes' if _has_libyaml() else 'no'}")


def _has_libyaml() -> bool:
    import yaml

    return bool(getattr(yaml, "__with_libyaml__", False))


if __name__ == "__main__":
    main()
