"""Fixtures of the renderer tests: runs over the bundled samples, rendered in any format,
next to their JSON.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from factory import INVALID_REPORT, every_status_inputs
from factory import line_of as shared_line_of

from zhijiao_check.commands.inputs import load_all
from zhijiao_check.document import document
from zhijiao_check.engine.evaluate import evaluate
from zhijiao_check.engine.results import Run
from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.output import Streamed
from zhijiao_check.pack.load import load_packs
from zhijiao_check.renderers import RenderOptions, renderer_class

ROOT = Path(__file__).resolve().parents[2]
OWN_SCHEMAS = Path(__file__).parent / "schemas"
FAILING_STATUSES = {"fail", "missing"}


def schema(name: str) -> Path:
    """The copy of a published schema under ``schemas/``
    (tests/renderers/schemas/README.md says where from).
    """
    return OWN_SCHEMAS / name


def check(*paths: str | Path, strict: bool = False, rules: Sequence[Path] = ()) -> Run:
    """What ``zhijiao-check check PATHS`` computes, before rendering (in any language)."""
    packs = load_packs(rules)
    valid, invalid = load_all([Path(p) for p in paths], packs[0].units)
    return evaluate(valid, invalid, packs, strict=strict)


def render(fmt: str, run: Run, lang: Lang = "zh", quiet: bool = False) -> str:
    """The text of format ``fmt`` (a workbook's bytes), as the file written gets it."""
    content = renderer_class(fmt)(
        Translator(lang), RenderOptions(quiet=quiet, color=False, width=120)
    ).render(run)
    if isinstance(content, Streamed):  # the page, written section by section
        return b"".join(content.pieces()).decode("utf-8")
    return content  # type: ignore[return-value]  # bytes: a workbook, for the tests that open one


def as_json(run: Run, lang: Lang = "zh") -> dict[str, Any]:
    """The JSON output of the same run, as a script reading ``--format json`` gets it."""
    result: dict[str, Any] = json.loads(json.dumps(document(run, Translator(lang))))
    return result


def evaluations(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [*doc["reports"], *doc["city"]]


@pytest.fixture(autouse=True)
def in_root(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Paths as a user in the repository gives them: ``samples/2023``, shown relative."""
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    yield


@pytest.fixture
def invalid_report(tmp_path: Path) -> Path:
    """An invalid report of 蓝山县 2023, the unit ``every_status_inputs`` leaves out: beside a valid report of
    its unit and year, that one would be refused as its duplicate."""
    path = tmp_path / "broken.yaml"
    path.write_text(INVALID_REPORT.replace("江永县", "蓝山县"), encoding="utf-8")
    return path


@pytest.fixture
def edited(tmp_path: Path) -> Callable[..., Path]:
    """``edited("samples/2023/lengshuitan.yaml", (old, new), ...)``:
    a copy with each ``old`` replaced once.
    """

    def make(source: str, *edits: tuple[str, str], name: str | None = None) -> Path:
        text = (ROOT / source).read_text(encoding="utf-8")
        for old, new in edits:
            assert old in text, f"{source} has no {old!r}"
            text = text.replace(old, new, 1)
        path = tmp_path / (name or Path(source).name)
        path.write_text(text, encoding="utf-8")
        return path

    return make


def line_of(path: Path, text: str) -> int:
    """The 1-based number of the only line of ``path`` that contains ``text`` (``factory.line_of``)."""
    return shared_line_of(path, text, only=True)


@pytest.fixture(scope="session")
def every_status(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ...]:
    """Paths and a rule pack under which a run has every status: samples/2022 (fail, behind, pending, ...) and
    ``factory.every_status_inputs`` (missing, warn). Give as ``check(*paths, rules=[pack])``."""
    year, pack = every_status_inputs(tmp_path_factory.mktemp("every-status"))
    return ROOT / "samples" / "2022", year, pack
