"""Whatever a user types, never a traceback: command lines drawn from every command, option and kind of value
(good, missing, wrong, an input given as the output, words in the wrong place) end with exit 0, 1 or 2, the
internal error's exit 3 never, and leave the inputs as they were (but where ``template --force`` is asked to
write over a file that it does not read)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.core import TyperOption
from typer.main import get_command
from typer.testing import CliRunner

from zhijiao_check.cli import app

from .helpers import ROOT, SAMPLE

# Short for CI; ``ZHIJIAO_FUZZ_EXAMPLES=2000`` for a long run, as for ``tests/input/test_fuzz.py``.
EXAMPLES = int(os.environ.get("ZHIJIAO_FUZZ_EXAMPLES", "0")) or 200
PATHS = ["dongan.yaml", "dongan.xlsx", ".", "reports"]
OUTPUTS = ["out.json", "out.xlsx", "out.html", "out.csv", "out.yaml", "pages/out.md"]
FORMATS = ["json", "table", "xlsx", "html", "csv", "sarif", "junit", "markdown", "github", "yaml"]
# Values a clerk would write for each option (by its long name); an option not listed takes a path.
VALUES = {
    "--format": FORMATS,
    "--output": OUTPUTS,
    "--lang": ["zh", "en"],
    "--select": ["c1", "c16.*", "c1.vocational-share", "c2,c4"],
    "--ignore": ["c4", "c1.vocational-share"],
    "--jobs": ["1", "2"],
    "--rules": [str(ROOT / "rules" / "yzf-2021-7")],
    "--pack": ["yzf-2021-7"],
    "--previous": ["reports"],
    "--roster": ["dongan.yaml", "dongan.xlsx"],
    "--waivers": ["waivers.toml"],
    "--per-unit": ["pages"],
    "--base-dir": ["."],
    "--config": ["zhijiao-check.toml"],
    "--unit": ["东安县", "431122", "永州市本级"],
    "--year": ["2024", "2023"],
    "--from": ["dongan.yaml", "dongan.xlsx"],
    "--schema": ["https://example.org/s.json", "schema.json"],
}
ARGUMENTS = {"rule": ["c1.vocational-share", "c1", "c16.*", "c7.training-base"]}  # else paths
# One value in six is one of these, wherever it goes: an input as the output, a folder, nothing, a typo.
WRONG = ["dongan.yaml", "dongan.xlsx", "reports", "", "-", "missing", "x", "０", "c99", "fr", "1999"]
STRAYS = ["--", "-x", "--nope", "中文", "c1", "2024", "-h", "--version"]


def _declared() -> dict[str, list[tuple[str, str | None, list[str], bool]]]:
    """Each command's words as typer declares them: (option, or "" for an argument; its short form; the values
    to try, none for a switch; whether it is required). ``--debug`` left out: it asks for the traceback."""
    group = get_command(app)
    declared = {}
    for name in group.commands:
        words = []
        for param in group.commands[name].params:
            if not isinstance(param, TyperOption):
                words.append(("", None, ARGUMENTS.get(param.name or "", PATHS), True))
            elif param.opts[0] != "--debug":
                short = next((o for o in param.opts if not o.startswith("--")), None)
                switch = param.is_flag or param.count
                values = [] if switch else VALUES.get(param.opts[0], PATHS)
                words.append((param.opts[0], short, values, param.required))
        declared[name] = words
    return declared


DECLARED = _declared()


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    """A command (or none: the bare path runs check), what it requires most times (its arguments, a
    template's unit and year, where convert writes), then words mostly of its own, in any order."""

    def value(values: list[str]) -> str:
        return draw(st.sampled_from(WRONG if draw(st.integers(0, 5)) == 0 else values))

    name = draw(st.sampled_from(["", *DECLARED]))
    own = DECLARED[name or "check"]
    args = [name] if name else []
    for option, _, values, required in own:
        if required and draw(st.integers(0, 4)):
            args += [option, value(values)] if option else [value(values)]
    for _ in range(draw(st.integers(0, 5))):
        if draw(st.integers(0, 9)) == 0:
            args.append(draw(st.sampled_from(STRAYS)))
            continue
        option, short, values, _ = draw(st.sampled_from(own))
        if option:
            args.append(draw(st.sampled_from([option, short])) if short else option)
        if values:
            args.append(value(values))
    return args


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clerk's folder: a report, its workbook, a folder of reports, waivers and a config file."""
    here = tmp_path_factory.mktemp("clerk")
    (here / "dongan.yaml").write_bytes(SAMPLE.read_bytes())
    done = CliRunner().invoke(app, ["convert", str(here / "dongan.yaml"), "-o", str(here / "dongan.xlsx")])
    assert done.exit_code == 0, done.output
    (here / "reports").mkdir()
    (here / "reports" / "dongan.yaml").write_bytes(SAMPLE.read_bytes())
    (here / "waivers.toml").write_text(
        '[[waiver]]\nrule = "c16.secondary-funding"\nunit = "东安县"\nyear = 2023\nreason = "新建学校"\n',
        encoding="utf-8",
    )
    (here / "zhijiao-check.toml").write_text('lang = "en"\n', encoding="utf-8")
    return here


INPUTS = ["dongan.yaml", "dongan.xlsx", "reports/dongan.yaml", "waivers.toml", "zhijiao-check.toml"]


def contents(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in INPUTS}


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(args=command_lines())
def test_no_command_line_ends_in_a_traceback(
    args: list[str], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folder)
    before = contents(folder)
    result = CliRunner().invoke(app, args)
    shown = result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
    assert result.exit_code in (0, 1, 2), (args, shown)
    internal = ("Traceback", "zhijiao-check：内部错误", "zhijiao-check: internal error")
    assert not any(sign in shown for sign in internal), (args, shown)
    after = contents(folder)
    for name, held in before.items():  # put back what template's --force was asked to write over
        (folder / name).write_bytes(held)
    if "--force" not in args:
        assert after == before, args  # no input overwritten, whatever -o said
