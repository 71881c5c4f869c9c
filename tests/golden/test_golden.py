"""Golden outputs: every format and command, in Chinese and English, byte for byte as stored in ``expected/``.

They guard refactors: a change that is meant to change output regenerates them (``pytest tests/golden
--update-goldens``) and the diff is read before committing; see docs/testing.md.
"""

from __future__ import annotations

import difflib
import itertools
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zhijiao_check import __version__
from zhijiao_check.cli import app
from zhijiao_check.pack.load import builtin_dir

from .cases import CASES, ROOT, Case

TIMESTAMP = re.compile(r'timestamp="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d"')


def normalised(text: str, folder: Path) -> str:
    """The run's own folder, the version and the clock replaced by placeholders, so that goldens hold what
    the tool computes and nothing of the machine or the moment. The shipped packs are read from wherever
    the package is installed (site-packages when installed as CI does, without ``-e``), shown as the
    checkout's."""
    text = text.replace(str(builtin_dir()), "<DIR>/rules")
    for path in {str(folder), str(folder.resolve())}:
        text = text.replace(path, "<DIR>")
    text = text.replace(f"zhijiao-check {__version__}", "zhijiao-check <VERSION>")
    text = text.replace(f'"{__version__}"', '"<VERSION>"')
    return TIMESTAMP.sub('timestamp="<TIMESTAMP>"', text)


def run(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    return invoke(case, inputs(case, tmp_path), monkeypatch)


def inputs(case: Case, tmp_path: Path) -> Path:
    """The folder the case runs in: the repository, or a scratch folder with the inputs it prepares."""
    if not case.setup:
        return ROOT
    for prepare in case.setup:
        prepare(tmp_path)
    return tmp_path


def invoke(case: Case, folder: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(folder)
    for name in ("NO_COLOR", "COLUMNS", "LINES", "GITHUB_STEP_SUMMARY", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)
    result = CliRunner().invoke(app, list(case.args))
    stdout = result.stdout
    stderr = result.stderr if result.stderr_bytes is not None else ""
    command = f"$ zhijiao-check {' '.join(case.args)}\nexit {result.exit_code}"
    text = f"{command}\n--- stderr\n{stderr}--- stdout\n{stdout}"
    return normalised(text, folder)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    actual = run(case, tmp_path, monkeypatch)
    if request.config.getoption("--update-goldens"):
        case.expected.parent.mkdir(exist_ok=True)
        case.expected.write_bytes(actual.encode("utf-8"))
        return
    assert case.expected.is_file(), (
        f"no golden output {case.expected.name}: run pytest tests/golden --update-goldens"
    )
    expected = case.expected.read_bytes().decode("utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), "expected", "actual", lineterm=""
        )
        pytest.fail(
            f"{case.name}: output differs from tests/golden/expected/{case.name}.txt\n"
            + "\n".join(line[:300] for line in itertools.islice(diff, 60)),
            pytrace=False,
        )


def test_no_stray_goldens() -> None:
    """A golden file without its case would go unchecked: each stored file belongs to a case."""
    names = {c.expected.name for c in CASES}
    stray = sorted(p.name for p in CASES[0].expected.parent.glob("*.txt") if p.name not in names)
    assert not stray, f"golden files without a case (delete them): {stray}"
