"""Prints how long and how much memory the worst inputs under the 10 MiB limit take (issue 7: under 2 s and
200 MiB each, from a cold process): size bombs of blanks, empty entries and nesting, in YAML and JSON.

    python benchmarks/hostile.py
Figures only, no pass/fail: compare them across changes.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import ROOT, command, timed

SAMPLE = (ROOT / "samples" / "2023" / "dongan.yaml").read_text(encoding="utf-8")
MIB = 1024 * 1024
CASES = {
    "1 MB line of blanks": ("r.yaml", SAMPLE + "x: [" + "~, " * 350_000 + "~]\n"),
    "3 MB line of blanks": ("r.yaml", SAMPLE + "x: [" + "~, " * 1_050_000 + "~]\n"),
    "9.9 MiB of blanks": ("r.yaml", SAMPLE + "x: [" + "~, " * (int(9.9 * MIB) // 3) + "~]\n"),
    "empty schools": ("r.yaml", SAMPLE.replace("schools:", "schools: [" + "{}, " * 250_000 + "{}]\nold:")),
    "9,999 empty schools": (
        "r.yaml",
        SAMPLE.replace("schools:", "schools: [" + "{}, " * 9_000 + "{}]\nold:"),
    ),
    "invisible names": ("r.yaml", SAMPLE + "".join(f'k{i}: "\\u200b"\n' for i in range(4_000))),
    "a slip on every line": ("r.yaml", SAMPLE + "x:\n" + "".join(f"\tk{i}：1\n" for i in range(200_000))),
    "JSON nulls": ("r.json", '{"a": [' + "null, " * 1_500_000 + "null]}"),
    "9 MB of CR line ends": ("r.yaml", "\r" * 9_000_000),
    "4.5 million dashes": ("r.yaml", "-\n" * 4_500_000),
    "3 million separators": ("r.yaml", "\u2028" * 3_000_000),
    "9 MB plain value": ("r.yaml", "a: " + "a" * 9_000_000 + "\n"),
    "3 M zero-width spaces": ("r.yaml", "a: " + "\u200b" * 3_000_000 + "\n"),
    "3 M compat ideographs": ("r.yaml", "a: " + "\uf9b3" * 3_000_000 + "\n"),
    "9 MB JSON string": ("r.json", '{"a": "' + "x" * 9_000_000 + '"}'),
}


def main() -> None:
    cli = command()
    timed([*cli, "--version"])
    with tempfile.TemporaryDirectory() as temp:
        for label, (name, text) in CASES.items():
            path = Path(temp) / name
            path.write_text(text, encoding="utf-8")
            elapsed, peak = timed([*cli, "check", str(path)])
            print(
                f"{label:<24} {len(text.encode()) / MIB:5.1f} MiB   {elapsed:6.2f} s   peak "
                f"{peak / 1024:6.1f} MiB"
            )


if __name__ == "__main__":
    main()
