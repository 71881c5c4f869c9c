"""The command line's values checked without typer's Pydantic adapters (``cli_values``): for every parameter
of every command, the same value, or the same message, as typer's own checker gives."""

from __future__ import annotations

import enum
import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated, Any, Literal

import pytest
import typer
from factory import SAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st
from typer._click import Context
from typer._click.exceptions import BadParameter
from typer._coercion import build_runtime_param

from zhijiao_check.cli import app
from zhijiao_check.cli_values import _Direct, checker
from zhijiao_check.renderers import Format

GROUP = typer.main.get_command(app)
# Besides the tool's own, the options a path or a choice can have that the tool's commands do not use.
others = typer.Typer()


class Colour(enum.Enum):
    red = "red"
    blue = "Blue"


@others.command()
def probe(
    there: Annotated[Path | None, typer.Option(exists=True)] = None,
    file: Annotated[Path | None, typer.Option(exists=True, dir_okay=False)] = None,
    folders: Annotated[list[Path] | None, typer.Option(file_okay=False)] = None,
    colour: Annotated[Colour | None, typer.Option(case_sensitive=False)] = None,
    colours: Annotated[list[Colour] | None, typer.Option()] = None,
) -> None:
    """Not run: its parameters are checked."""


COMMANDS = {
    **{name: GROUP.commands[name] for name in GROUP.commands},  # type: ignore[attr-defined]
    "others": typer.main.get_command(others),
}
PARAMS = [
    (name, command, param)
    for name, command in COMMANDS.items()
    for param in command.params
    if hasattr(param, "type_descriptor")
]
DIRECT = [
    (name, command, param)
    for name, command, param in PARAMS
    if isinstance(checker(param.type_descriptor), _Direct)
]
IDS = [f"{name}:{param.name}" for name, _, param in DIRECT]


def outcome(check: Any, value: Any, param: Any, command: Any) -> tuple[str, Any]:
    try:
        return "value", check.coerce(value, param=param, ctx=Context(command))
    except BadParameter as error:
        return "refused", error.format_message()


def choices_of(param: Any) -> list[str]:
    found = param.type_descriptor.choices
    return [getattr(choice, "value", choice) for choice in found or ()]


# What a count's option can be handed: digits (with a sign, spaces, leading zeros, a fraction, full-width, too
# many), a number already made, a switch.
NUMBERS = st.one_of(
    st.integers(-3, 10**20).map(str),
    st.sampled_from(["0", "1", "007", " 2", "2 ", "+3", "-1", "1.0", "1e3", "１２", "2_0", "", "x", "٣"]),
    st.integers(-3, 40),
    st.booleans(),
)
SWITCHES = st.one_of(st.booleans(), st.sampled_from(["true", "False", "yes", "0", "1", "", " on ", "x", "2"]))


def values(param: Any, folder: Path) -> st.SearchStrategy[Any]:
    """What a command line can hand the parameter: its choices in any case, any text, paths that exist as a
    file or a folder, or not at all; for a count, numbers written in every way; for a switch, its values."""
    annotation = param.type_descriptor.annotation
    if annotation is int:
        return NUMBERS
    if annotation is bool:
        return SWITCHES
    named = [*choices_of(param), "", "-", "RED", str(folder), str(folder / "a.yaml"), "missing/x"]
    words = st.sampled_from(named)
    cased = words.map(str.upper) | words
    one = cased | st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12)
    if param.multiple or param.nargs == -1:
        return st.lists(one, max_size=3).map(tuple)
    return one


def test_the_direct_checks_cover_the_commands_values() -> None:
    # the types themselves, not their names: Python 3.13 names pathlib's Path ``pathlib._local.Path``
    kinds = {param.type_descriptor.annotation for _, _, param in DIRECT}
    # the choices, texts, paths, counts and switches of the commands: every parameter they have
    assert {list[str], list[Path], Path, str} <= kinds
    assert {bool, int} <= kinds
    assert list[Format] in kinds
    assert Literal["zh", "en"] in kinds
    left = {param.type_descriptor.annotation for _, _, param in PARAMS} - kinds
    assert not left, left


@pytest.mark.parametrize(("name", "command", "param"), DIRECT, ids=IDS)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_value_is_checked_as_typers_adapter_checks_it(
    name: str, command: Any, param: Any, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.getbasetemp()
    (folder / "a.yaml").touch()
    value = data.draw(values(param, folder))
    ours = outcome(checker(param.type_descriptor), value, param, command)
    typers = outcome(build_runtime_param(param.type_descriptor), value, param, command)
    assert ours == typers


def test_a_value_that_is_not_text_is_left_to_typers_checker() -> None:
    _, command, param = next(item for item in DIRECT if item[2].name == "paths")
    assert outcome(checker(param.type_descriptor), (b"a.yaml",), param, command) == ("value", ["a.yaml"])


def run(cache: Path) -> subprocess.CompletedProcess[str]:
    """A one-report run of the console script with its own cache folder; prints which of typer's adapters
    and Pydantic's were loaded."""
    code = (
        "import sys\n"
        "sys.argv = ['zhijiao-check', sys.argv[1], '-f', 'json', '--lang', 'en', '-j', '1', '--strict']\n"
        "from zhijiao_check.entry import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "loaded = ('typer._adapters', 'pydantic.type_adapter', 'pydantic.main')\n"
        "print(sorted(m for m in sys.modules if m in loaded), file=sys.stderr)"
    )
    env = {**os.environ, "ZHIJIAO_CHECK_CACHE": str(cache)}
    path = str(SAMPLES / "2023" / "dongan.yaml")
    argv = [sys.executable, "-c", code, path]
    return subprocess.run(argv, capture_output=True, text=True, env=env, check=False)


def test_a_one_report_run_loads_no_adapter(tmp_path: Path) -> None:
    first, second = run(tmp_path), run(tmp_path)
    # the rule files were read, checked by Pydantic
    assert first.stderr.splitlines()[-1] == "['pydantic.main', 'pydantic.type_adapter']"
    # and then kept: neither Pydantic's adapters nor its models loaded
    assert second.stderr.splitlines()[-1] == "[]"
    assert '"lang": "en"' in second.stdout and second.stdout == first.stdout
