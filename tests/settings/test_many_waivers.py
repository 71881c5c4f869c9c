"""A waivers file of thousands of entries: each entry's lines were found by reading the whole file again
(2,500 waivers took 12.5 s, 5,000 49.5 s). The file's lines are read once; counted here, not timed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from zhijiao_check.errors import FatalError
from zhijiao_check.pack.load import load_packs
from zhijiao_check.settings import toml
from zhijiao_check.settings.waivers import load

from .test_waivers import waiver

COUNT = 300


@pytest.fixture
def lines_read(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many lines of TOML are read for a table header (each line's first look)."""
    read = [0]
    header = toml._HEADER

    class Counting:
        def match(self, line: str) -> Any:
            read[0] += 1
            return header.match(line)

    monkeypatch.setattr(toml, "_HEADER", Counting())
    return read


def test_each_waiver_is_located_with_the_files_lines_read_once(tmp_path: Path, lines_read: list[int]) -> None:
    [pack] = load_packs()
    text = "".join(waiver("c16.secondary-funding") for _ in range(COUNT))
    path = tmp_path / "waivers.toml"
    path.write_text(text, encoding="utf-8")
    waivers = load(path, {rule.id: rule for rule in pack.rules}, pack.units)
    lines = len(text.splitlines())
    assert [(w.line, w.column) for w in waivers] == [(8 * i + 2, 1) for i in range(COUNT)]
    assert lines_read[0] <= lines  # 300 times that before: once for each waiver


def test_a_problem_of_the_last_of_many_waivers_is_at_its_line(tmp_path: Path, lines_read: list[int]) -> None:
    [pack] = load_packs()
    text = "".join(waiver("c16.secondary-funding") for _ in range(COUNT)) + waiver("c16.secondary-fundin")
    path = tmp_path / "waivers.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FatalError) as raised:
        load(path, {rule.id: rule for rule in pack.rules}, pack.units)
    [problem] = raised.value.problems
    assert (problem.line, problem.column, problem.code) == (8 * COUNT + 2, 1, "waiver-unknown-rule")
    assert lines_read[0] <= len(text.splitlines())
