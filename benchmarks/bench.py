"""How fast zhijiao-check is, each figure as a ratio to its floor measured side by side in the same run.

    python benchmarks/bench.py [--runs 5] [--cpus 0] [--big | --cold]

Run it in a virtual environment with the package installed (a pyenv shim adds ~80 ms to every start).
Each command and its floor run in turn (A B A B …) pinned to the same processors; the figure is the median of
the pairwise ratios, so a machine whose speed drifts during the run still compares like with like:

1. one report, cold process, json and table, against importing the stack (typer, pydantic, yaml; rich too);
   beside them, for reference, the least typer app (``least_typer.py``: one command, an argument and ``-f``)
   against the same floor: the part of the ratio that typer takes whatever the app (``--cold``: these alone);
2. 1,000 reports (and 10,000 with ``--big``) as json with ``--jobs 1``, and with ``--jobs`` one per processor
   given, against parsing the same files with libyaml in one process (``parse_floor.py``);
3. 1,000 reports as a table against the same floor;
4. peak memory of 10,000 reports (``--big``; else 1,000) against 100: json, junit and sarif (each after a
   warm-up run, as a pack's rule files are read and checked only by the first run over them), and json again
   over sets whose figures differ from clone to clone (``bulk.generate(varied=True)``): with ``--jobs 1``,
   with ``--jobs 2`` (the default on two processors), and (``--big``) over the widest years a pack allows
   (``bulk.WIDEST``: some 2,000 reports a year, where a city-wide year's reports are held at once);
5. every other format at 1,000 reports against json; and over 1,000 reports spread across six years
   (``bulk.SIX_YEARS``), json against the parse floor (with ``--jobs 1`` and ``--jobs 2``) and every other
   format against json;
6. what is printed: every format of the 1,000-report run with ``--jobs 2`` against ``--jobs 1``, byte for byte
   (``tests/golden/test_bulk.py`` holds the same outputs to the digests of the version before).
Each time figure is given twice: wall clock, and processor time (user + system, from the operating system's
accounting of the finished process), which a machine busy with other work disturbs less.
Figures only, no pass/fail: compare them across changes. The reports are generated (``bulk.py``).
"""

from __future__ import annotations

import argparse
import compileall
import filecmp
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bulk import SIX_YEARS, WIDEST, generate  # a sibling module, found once the folder is on the path

ROOT = Path(__file__).resolve().parent.parent
ONE = ROOT / "samples" / "2023" / "lengshuitan.yaml"
FORMATS = ("junit", "sarif", "markdown", "github", "html", "table", "csv", "xlsx")
STREAMED = ("json", "junit", "sarif")  # written as the reports are scored, from 100 reports


def command() -> list[str]:
    script = Path(sys.executable).parent / "zhijiao-check"
    return [str(script)] if script.exists() else [sys.executable, "-m", "zhijiao_check"]


def compiled() -> None:
    """The package's bytecode written, as installing it writes it: with ``PYTHONDONTWRITEBYTECODE`` set (as
    it may be in a development shell), an editable install would otherwise compile every module of the tool at
    every start, a sixth of a cold run, and measure that instead of the tool."""
    spec = importlib.util.find_spec("zhijiao_check")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        compileall.compile_dir(folder, quiet=1)


def cold_runs(cli: list[str]) -> list[tuple[str, list[str], str, list[str], str]]:
    """The one-report runs, each with its floor: (label, command, floor's label, floor, goal)."""
    stack = [sys.executable, "-c", "import typer, pydantic, yaml"]
    least = [sys.executable, str(Path(__file__).parent / "least_typer.py"), str(ONE), "-f", "json"]
    with_rich = [*stack[:2], stack[2] + ", rich.console, rich.table"]
    named = stack[2]
    return [
        ("one report, json, cold", [*cli, str(ONE), "-f", "json"], named, stack, "≤ 1.3×"),
        ("one report, table, cold", [*cli, str(ONE), "--no-color"], "the same + rich", with_rich, "≤ 1.4×"),
        ("least typer app (reference), cold", least, named, stack, "none: typer's share"),
    ]  # fmt: skip


def parse_floor(reports: Path) -> list[str]:
    """The floor of a bulk run: parsing every report under ``reports`` with libyaml (``parse_floor.py``)."""
    return [sys.executable, str(Path(__file__).parent / "parse_floor.py"), str(reports)]


def once(argv: Sequence[str], cpus: set[int]) -> tuple[float, float, float]:
    """Wall seconds, processor seconds and peak resident memory (MiB) of one process, run on ``cpus``."""
    os.sched_setaffinity(0, cpus)  # the child inherits it; this process only waits
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def paired(
    argv: Sequence[str],
    floor: Sequence[str],
    cpus: set[int],
    runs: int,
    warm_up: bool = False,
) -> dict[str, float]:
    """A and its floor in turn (after one warm-up each for cold starts, whose files the system may not have
    cached yet; a bulk set was just written): medians of each, and of the pairwise ratios."""
    if warm_up:
        once(argv, cpus)
        once(floor, cpus)
    a, b = [], []
    for _ in range(runs):
        a.append(once(argv, cpus))
        b.append(once(floor, cpus))

    def median(index: int, runs: list[tuple[float, float, float]]) -> float:
        return statistics.median(run[index] for run in runs)

    def ratio(index: int) -> float:
        return statistics.median(x[index] / y[index] for x, y in zip(a, b, strict=True))

    return {
        "a": median(0, a),
        "b": median(0, b),
        "ratio": ratio(0),
        "a_cpu": median(1, a),
        "b_cpu": median(1, b),
        "cpu_ratio": ratio(1),
        "a_mib": median(2, a),
        "b_mib": median(2, b),
        "memory_ratio": ratio(2),
    }


def show(label: str, figures: dict[str, float], floor: str, goal: str) -> None:
    print(
        f"{label:<38} {_time(figures['a']):>8} vs {floor:<30} {_time(figures['b']):>8} = "
        f"{figures['ratio']:5.2f}× wall, {figures['cpu_ratio']:5.2f}× cpu  (goal {goal})",
        flush=True,
    )


def _time(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--runs", type=int, default=5, help="pairs of cold runs (1,000-report runs: half, at least 3)"
    )
    parser.add_argument("--cpus", default="0", help="processors to pin to, e.g. 0 or 0,1 (default 0)")
    parser.add_argument("--big", action="store_true", help="also 10,000 reports (minutes)")
    parser.add_argument("--cold", action="store_true", help="only the one-report figures (seconds)")
    args = parser.parse_args()
    cpus = {int(c) for c in args.cpus.split(",")}
    two = set(sorted(os.sched_getaffinity(0))[:2])
    cli = command()
    compiled()
    # A pack's rule files are kept checked only once they have stood unchanged for two seconds
    # (``caching.settled``): straight after installing the package, every cold json run of the first pass read
    # and checked them again (2.2× its floor, where the table run after it took 1.1×).
    time.sleep(2.5)
    print(f"python {sys.version.split()[0]} · pinned to {sorted(cpus)} · {os.cpu_count()} processors")

    # 1. One report, cold.
    for label, argv, floor_label, floor_argv, goal in cold_runs(cli):
        show(label, paired(argv, floor_argv, cpus, args.runs, True), floor_label, goal)
    if args.cold:
        return

    with tempfile.TemporaryDirectory() as temp:
        sizes = [100, 1000] + ([10_000] if args.big else [])
        sets = {n: generate(Path(temp) / str(n), n) for n in sizes}
        # made here, well before they are read: a pack's rule files are kept checked only once they have
        # stood unchanged for a moment (``caching.settled``)
        varied = {n: generate(Path(temp) / f"varied-{n}", n, varied=True) for n in (100, sizes[-1])}
        widest = generate(Path(temp) / "widest", sizes[-1], varied=True, clones=WIDEST) if args.big else None
        six_years = generate(Path(temp) / "six-years", 1000, varied=True, clones=SIX_YEARS)
        # At least three pairs of each 1,000-report run: the median of one or two pairs moved by a fifth
        # between runs of the same code, where nine whole-process pairs a few minutes apart agreed within a
        # twentieth.
        bulk_runs = max(3, args.runs // 2)

        def check(n: int, *options: str) -> list[str]:
            reports, pack = sets[n]
            return [*cli, str(reports), "--rules", str(pack), "--no-color", *options]

        def floor(n: int) -> list[str]:
            return parse_floor(sets[n][0])

        # 2. and 3. Bulk runs against parsing alone.
        for n in sizes[1:]:
            runs = bulk_runs if n <= 1000 else 1
            show(
                f"{n:,} reports, json, --jobs 1",
                paired(check(n, "-f", "json", "-j", "1"), floor(n), cpus, runs),
                "parsing them with libyaml",
                "≤ 1.5×",
            )
            if len(two) > 1:
                show(
                    f"{n:,} reports, json, --jobs 2 (2 cores)",
                    paired(check(n, "-f", "json", "-j", "2"), floor(n), two, runs),
                    "the same, one process",
                    "≤ 0.8×",
                )
        table = paired(check(1000, "-j", "1"), floor(1000), cpus, bulk_runs)
        show("1,000 reports, table, --jobs 1", table, "parsing them with libyaml", "≤ 3×")

        # 4. Memory: the largest set against 100 reports (JUnit and SARIF are written as they are made too).
        # After a warm-up run of each: the first run over a pack folder reads and checks its rule files with
        # Pydantic (``pack.cache``) and peaks higher than any later run of the same command.
        largest = sizes[-1]
        for name in STREAMED:
            memory = paired(
                check(largest, "-f", name, "-j", "1"), check(100, "-f", name, "-j", "1"), cpus, 1, True
            )
            _memory(f"peak memory, {largest:,} vs 100 reports, {name}", memory)

        def varied_json(n: int, jobs: str = "1", chosen: tuple[Path, Path] | None = None) -> list[str]:
            reports, pack = chosen or varied[n]
            return [*cli, str(reports), "--rules", str(pack), "--no-color", "-f", "json", "-j", jobs]

        # The same with figures that differ from clone to clone, as real units' do: a run that remembered
        # every value it read grew with each one (``source.yamltree._CACHE_LIMIT``).
        memory = paired(varied_json(largest), varied_json(100), cpus, 1, True)
        _memory(f"peak memory, {largest:,} vs 100 varied, json", memory)
        if len(two) > 1:
            # the default on two processors: the run's own share of the reports waited behind the workers'
            # with all its parts, and peaked at 2.6 times the memory of --jobs 1
            memory = paired(varied_json(largest, "2"), varied_json(100, "2"), two, 1, True)
            _memory(f"peak memory, {largest:,} vs 100 varied, --jobs 2", memory)
        if widest is not None:
            memory = paired(varied_json(largest, chosen=widest), varied_json(100), cpus, 1, True)
            _memory(f"peak memory, {largest:,} vs 100, widest years", memory)

        # 5. Every other format against json.
        for name in FORMATS:
            figures = paired(
                check(1000, "-f", name, "-j", "1"), check(1000, "-f", "json", "-j", "1"), cpus, bulk_runs
            )
            show(f"1,000 reports, {name}, --jobs 1", figures, "the same as json", "≤ 2×")

        # 5b. The same over six years: the trends and cross-year warnings a bureau's run over the policy's
        # years prints.
        def over_six_years(*options: str, jobs: str = "1") -> list[str]:
            reports, pack = six_years
            return [*cli, str(reports), "--rules", str(pack), "--no-color", "-j", jobs, *options]

        show(
            "six years, json, --jobs 1",
            paired(over_six_years("-f", "json"), parse_floor(six_years[0]), cpus, bulk_runs),
            "parsing them with libyaml",
            "≤ 1.5×",
        )
        if len(two) > 1:
            show(
                "six years, json, --jobs 2 (2 cores)",
                paired(over_six_years("-f", "json", jobs="2"), parse_floor(six_years[0]), two, bulk_runs),
                "the same, one process",
                "≤ 0.8×",
            )
        for name in FORMATS:
            figures = paired(over_six_years("-f", name), over_six_years("-f", "json"), cpus, bulk_runs)
            show(f"six years, {name}, --jobs 1", figures, "the same as json", "≤ 2×")

        # 6. What is printed does not depend on the worker processes.
        outputs = {jobs: Path(temp) / f"out-{jobs}" for jobs in ("1", "2")}
        for jobs, folder in outputs.items():
            # a workbook holds the time it was written
            texts = [name for name in (*FORMATS, "json") if name != "xlsx"]
            chosen = [a for name in texts for a in ("-f", name, "-o", str(folder / name))]
            once(check(1000, "-j", jobs, *chosen), two)
        names = sorted(path.name for path in outputs["1"].iterdir())
        _, differ, missing = filecmp.cmpfiles(outputs["1"], outputs["2"], names, shallow=False)
        differ = [name for name in differ if name != "junit" or _without_clock(outputs, name)]
        print(
            f"{'1,000 reports, --jobs 2 against --jobs 1':<38} "
            f"{'identical' if not differ and not missing else 'DIFFERENT: ' + ', '.join(differ + missing)} "
            f"({', '.join(names)})",
            flush=True,
        )


def _memory(label: str, memory: dict[str, float]) -> None:
    print(
        f"{label:<38} {memory['a_mib']:6.0f} MiB vs {memory['b_mib']:6.0f} MiB = "
        f"{memory['memory_ratio']:5.2f}×  (goal ≤ 1.5× at 10,000)",
        flush=True,
    )


def _without_clock(outputs: dict[str, Path], name: str) -> bool:
    """Whether the two JUnit files differ in more than the second each was written at."""
    one, two = (
        [
            line
            for line in (folder / name).read_text(encoding="utf-8").splitlines()
            if "timestamp=" not in line
        ]
        for folder in outputs.values()
    )
    return one != two


if __name__ == "__main__":
    main()
