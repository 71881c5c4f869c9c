"""Prints how long and how much memory the worst inputs under the 10 MiB limit take (issue 7: under 2 s and
200 MiB each, from a cold process): size bombs of blanks, empty entries and nesting, in YAML and JSON.

    python benchmarks/hostile.py
Figures only, no pass/fail: compare them across changes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import ROOT, command, once

SAMPLE = (ROOT / "samples" / "2023" / "dongan.yaml").read_text(encoding="utf-8")
MIB = 1024 * 1024
# Each text is made and written by a process of its own (``--write``): the tool is started from this process,
# and a started process's peak counts this one's (it is this one until it runs the tool).
CASES: dict[str, tuple[str, Callable[[], str]]] = {
    "1 MB line of blanks": ("r.yaml", lambda: SAMPLE + "x: [" + "~, " * 350_000 + "~]\n"),
    "3 MB line of blanks": ("r.yaml", lambda: SAMPLE + "x: [" + "~, " * 1_050_000 + "~]\n"),
    "9.9 MiB of blanks": ("r.yaml", lambda: SAMPLE + "x: [" + "~, " * (int(9.9 * MIB) // 3) + "~]\n"),
    "empty schools": (
        "r.yaml",
        lambda: SAMPLE.replace("schools:", "schools: [" + "{}, " * 250_000 + "{}]\nold:"),
    ),
    "9,999 empty schools": (
        "r.yaml",
        lambda: SAMPLE.replace("schools:", "schools: [" + "{}, " * 9_000 + "{}]\nold:"),
    ),
    "invisible names": ("r.yaml", lambda: SAMPLE + "".join(f'k{i}: "\\u200b"\n' for i in range(4_000))),
    "a slip on every line": (
        "r.yaml",
        lambda: SAMPLE + "x:\n" + "".join(f"\tk{i}：1\n" for i in range(200_000)),
    ),
    "JSON nulls": ("r.json", lambda: '{"a": [' + "null, " * 1_500_000 + "null]}"),
    "9 MB of CR line ends": ("r.yaml", lambda: "\r" * 9_000_000),
    "4.5 million dashes": ("r.yaml", lambda: "-\n" * 4_500_000),
    "3 million separators": ("r.yaml", lambda: "\u2028" * 3_000_000),
    "9 MB plain value": ("r.yaml", lambda: "a: " + "a" * 9_000_000 + "\n"),
    "9 MB blanks, then colon": ("r.yaml", lambda: SAMPLE + " " * 9_000_000 + ":\n"),
    "9 MB blanks in a field": ("r.yaml", lambda: SAMPLE + "x:" + " " * 9_000_000 + "y\n"),
    "3 M zero-width spaces": ("r.yaml", lambda: "a: " + "\u200b" * 3_000_000 + "\n"),
    "3 M compat ideographs": ("r.yaml", lambda: "a: " + "\uf9b3" * 3_000_000 + "\n"),
    "9 MB JSON string": ("r.json", lambda: '{"a": "' + "x" * 9_000_000 + '"}'),
    "2.4 M slips on one line": ("r.yaml", lambda: "a: " + ":\u3000" * 2_400_000 + "\n"),
    "2.4 M full-width ＃": ("r.yaml", lambda: "a: " + " ＃" * 2_400_000 + "\n"),
}


def main() -> None:
    if sys.argv[1:2] == ["--write"]:
        label, written = sys.argv[2:4]
        Path(written).write_text(CASES[label][1](), encoding="utf-8")
        return
    cli = command()
    cpus = os.sched_getaffinity(0)
    once([*cli, "--version"], cpus)
    with tempfile.TemporaryDirectory() as temp:
        for label, (name, _) in CASES.items():
            path = Path(temp) / name
            subprocess.run([sys.executable, __file__, "--write", label, str(path)], check=True)
            elapsed, _, peak = once([*cli, "check", str(path)], cpus)
            size = path.stat().st_size / MIB
            print(f"{label:<24} {size:5.1f} MiB   {elapsed:6.2f} s   peak {peak:6.1f} MiB", flush=True)


if __name__ == "__main__":
    main()
