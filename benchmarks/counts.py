"""The instructions each of ``bench.py``'s runs executes, counted by valgrind: figures no drift can move.

    python benchmarks/counts.py [--bulk 300]

This machine's speed drifts by 15–25% between runs of ``bench.py``, more than most changes move a figure. The
instructions a process executes do not drift: valgrind's callgrind counts them, the same for the same code,
inputs and environment, whatever else the machine is doing. So a change is measured here, before and after,
and ``bench.py``'s goals stay in time, which is what a user waits for (an instruction of libyaml's is not one
of Python's, so these ratios are not the goals' ratios).

Printed: each run's instructions in millions, its floor's (the same floors as ``bench.py``), and the ratio:
1. one report, cold, json and table, and the least typer app, against importing the stack;
2. ``--bulk`` generated reports (default 300; a run takes a minute under valgrind) as json with ``--jobs 1``,
   against parsing the same files with libyaml in one process.
Each run is made once before it is counted: the rule pack is then read back from a cache folder of this
script's own, settled (a cache file younger than two seconds is checked against the pack again).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import cold_runs, command, compiled, parse_floor  # siblings, found once the folder is on the path
from bulk import generate

_COLLECTED = re.compile(r"Collected : (\d+)")


def counted(argv: Sequence[str], environment: dict[str, str]) -> int:
    """The instructions one run of ``argv`` executes (its children's not counted)."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
        check=False,
    )
    found = _COLLECTED.search(done.stderr)
    if found is None:
        raise SystemExit(f"valgrind counted nothing for {' '.join(argv)}:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def show(label: str, run: int, floor_label: str, floor: int) -> None:
    print(
        f"{label:<34} {run / 1e6:9,.1f} M  vs {floor_label:<28} {floor / 1e6:9,.1f} M = {run / floor:5.2f}×",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--bulk", type=int, default=300, help="reports in the bulk run (0: none)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    compiled()
    cli = command()
    with tempfile.TemporaryDirectory() as temp:
        environment = {
            **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
            "PYTHONHASHSEED": "0",  # the same hashes, so the same dict probes, in every run
            "ZHIJIAO_CHECK_CACHE": str(Path(temp) / "cache"),
        }
        runs = [(label, argv, floor_label, floor) for label, argv, floor_label, floor, _ in cold_runs(cli)]
        if args.bulk:
            reports, pack = generate(Path(temp) / "bulk", args.bulk)
            runs.append(
                (
                    f"{args.bulk:,} reports, json, --jobs 1",
                    [*cli, str(reports), "--rules", str(pack), "-f", "json", "-j", "1"],
                    "parsing them with libyaml",
                    parse_floor(reports),
                )
            )
        # A pack's checked rules are kept only once its files have stood unchanged for two seconds
        # (``caching.settled``): the bulk set's pack was just written, and a run over it now would keep
        # nothing, so that the counted run would check the rule files again.
        time.sleep(2.5)
        for _, argv, _, _ in runs:
            subprocess.run(
                argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment, check=False
            )
        time.sleep(2.5)  # every cache file settled
        print(f"python {sys.version.split()[0]} · instructions (millions), valgrind callgrind")
        for label, argv, floor_label, floor in runs:
            show(label, counted(argv, environment), floor_label, counted(floor, environment))


if __name__ == "__main__":
    main()
