"""Nesting in every file a user can give, past the tool's limit of 64 levels and past libyaml's of 1,000
(issue 7, class 6): a report in YAML or JSON, a roster, a rule pack's files. Each is ``too-deep`` at its line,
in the tool's words (libyaml's "exceeded maximum nesting depth" was shown as it came); none reaches Python's
recursion limit. The config and waivers files: tests/settings/test_toml_depth.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from input.helpers import SAMPLES

from zhijiao_check.errors import FatalError
from zhijiao_check.i18n import Translator
from zhijiao_check.pack.load import builtin_dir, load_pack
from zhijiao_check.report import InvalidReport, load_report
from zhijiao_check.report.roster import load_roster

ZH, EN = Translator("zh"), Translator("en")
UNITS = load_pack(builtin_dir() / "yzf-2021-7").units
DONGAN = (SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8")
LINES = DONGAN.count("\n")


def _flow(depth: int) -> str:
    return "x: " + "[" * depth + "]" * depth + "\n"


def _block(depth: int) -> str:
    return "x:\n" + "".join(" " * level + "a:\n" for level in range(1, depth + 1)) + " " * (depth + 1) + "1\n"


@pytest.mark.parametrize(
    ("name", "text", "at"),
    [
        ("flow.yaml", DONGAN + _flow(100), LINES + 1),
        ("libyaml-flow.yaml", DONGAN + _flow(100_000), LINES + 1),  # libyaml gives up at 1,000
        ("libyaml-block.yaml", DONGAN + _block(1_000), None),
        ("flow.json", '{"x": ' + "[" * 100_000 + "]" * 100_000 + "}", 1),
        ("objects.json", '{"x": ' + '{"a": ' * 100_000 + "1" + "}" * 100_000 + "}", 1),
    ],
)
def test_a_report_nested_past_any_limit_is_too_deep_in_the_tools_words(
    tmp_path: Path, name: str, text: str, at: int | None
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    loaded = load_report(path, UNITS, name)
    assert isinstance(loaded, InvalidReport)
    [problem] = loaded.problems
    assert problem.code == "too-deep" and (at is None or problem.line == at)
    assert problem.message(ZH).startswith("嵌套超过 64 层") and problem.message(EN).startswith(
        "nested more than 64 levels deep"
    )


@pytest.mark.parametrize("name", ["roster.yaml", "roster.json"])
def test_a_roster_nested_past_any_limit_is_too_deep(tmp_path: Path, name: str) -> None:
    text = _flow(5_000) if name.endswith(".yaml") else '{"x": ' + "[" * 5_000 + "]" * 5_000 + "}"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FatalError) as stopped:  # exit 2, the file's problems listed
        load_roster(path, UNITS)
    assert stopped.value.code == "invalid-roster"
    assert [(p.code, p.line) for p in stopped.value.problems] == [("too-deep", 1)]


@pytest.mark.parametrize("depth", [100, 5_000])
@pytest.mark.parametrize("file", ["pack.yaml", "units.yaml", "clause-16.yaml"])
def test_a_rule_pack_file_nested_past_any_limit_is_too_deep_at_its_line(
    tmp_path: Path, file: str, depth: int
) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(builtin_dir() / "yzf-2021-7", pack)
    target = pack / file
    before = target.read_text(encoding="utf-8")
    target.write_text(before + _flow(depth), encoding="utf-8")
    loaded = load_pack(pack)
    assert isinstance(loaded, list)
    [problem] = [p for p in loaded if p.code == "too-deep"]
    assert (Path(problem.file).name, problem.line) == (target.name, before.count("\n") + 1)
