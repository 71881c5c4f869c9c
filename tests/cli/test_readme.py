"""The README shows what the tool prints: its example is the real output of the command it names, so a change
of the output that leaves the README behind fails here."""

from __future__ import annotations

import re

from factory import ROOT

EXAMPLE = re.compile(
    r"`zhijiao-check (?P<args>[^`]+)` \(real output, colour off\):\n\n```text\n(?P<out>.*?)```\n", re.DOTALL
)


def test_the_readme_example_is_the_real_output(invoke) -> None:
    [example] = EXAMPLE.finditer((ROOT / "README.md").read_text(encoding="utf-8"))
    result = invoke(*example["args"].split(), env={"NO_COLOR": "1"})
    assert result.exit_code == 1  # as the quick start says: three targets fail
    assert result.stdout == example["out"]
