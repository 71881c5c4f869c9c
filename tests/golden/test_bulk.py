"""Every format over a generated set of 1,000 reports, in both languages, byte for byte as before.

The set is ``benchmarks/bulk.py``'s: the sample years for 500 cloned units a year, with a copy of the pack
that lists them. A thousand reports' outputs are too large to keep, so ``bulk-1000.sha256`` keeps their
digests, after the same normalisation as the other goldens; ``pytest tests/golden --update-goldens`` rewrites
them (and the sample goldens show what changed). The run uses two worker processes; ``tests/cli/test_jobs.py``
compares them with one.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from outputs import content

from .cases import FORMATS, LANGS, ROOT
from .test_golden import normalised

DIGESTS = Path(__file__).with_name("bulk-1000.sha256")
COUNT = 1000
BULK_FORMATS = (*FORMATS, "csv", "xlsx")


def generated_set(directory: Path, count: int) -> tuple[Path, Path]:
    """``benchmarks/bulk.py``'s ``generate``: (reports, pack) under ``directory``."""
    spec = importlib.util.spec_from_file_location("benchmarks_bulk", ROOT / "benchmarks" / "bulk.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    reports, pack = module.generate(directory, count)
    return reports, pack


@pytest.fixture(scope="module")
def bulk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("bulk")
    generated_set(directory, COUNT)
    return directory


def digests(lang: str, folder: Path) -> dict[str, str]:
    """Each output of ``lang`` in ``folder/out-lang`` by name (``zh.json``), as the SHA-256 of its normalised
    text (of a workbook, of every part of it but the one that holds the clock)."""
    return {f"{lang}.{fmt}": _digest(folder / f"out-{lang}" / fmt, folder) for fmt in BULK_FORMATS}


def _digest(output: Path, folder: Path) -> str:
    if output.name != "xlsx":
        return hashlib.sha256(
            normalised(output.read_text(encoding="utf-8"), folder).encode("utf-8")
        ).hexdigest()
    digest = hashlib.sha256()
    parts = content(output)
    assert isinstance(parts, dict), f"{output} is not a workbook"
    for name in sorted(parts):
        digest.update(name.encode("utf-8") + b"\0" + parts[name])
    return digest.hexdigest()


def _without_layout_settings() -> dict[str, str]:
    """The environment, without what lays out or colours the text (as ``test_golden`` runs its cases). Named
    explicitly: a child process inherits the C library's environment, which can hold a ``COLUMNS=80`` that
    ``os.environ`` does not show (put there under pytest on some systems), and the table was laid out in 80
    columns instead of 100."""
    drop = ("NO_COLOR", "COLUMNS", "LINES", "GITHUB_STEP_SUMMARY", "GITHUB_ACTIONS")
    return {name: value for name, value in os.environ.items() if name not in drop}


def stored() -> dict[str, str]:
    pairs = (line.split() for line in DIGESTS.read_text(encoding="utf-8").splitlines() if line.strip())
    return {name: digest for digest, name in pairs}


@pytest.mark.parametrize("lang", LANGS)
def test_every_format_is_unchanged(bulk: Path, lang: str, request: pytest.FixtureRequest) -> None:
    options = [arg for fmt in BULK_FORMATS for arg in ("-f", fmt, "-o", f"out-{lang}/{fmt}")]
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "zhijiao_check",
            "check",
            "reports",
            "--rules",
            "pack",
            "--lang",
            lang,
            "--jobs",
            "2",
            *options,
        ],
        cwd=bulk,
        capture_output=True,
        text=True,
        check=False,
        env=_without_layout_settings(),
    )
    assert done.returncode == 1, done.stderr  # some targets fail in the samples
    actual = digests(lang, bulk)
    if request.config.getoption("--update-goldens"):
        kept = {name: digest for name, digest in stored().items() if not name.startswith(f"{lang}.")}
        lines = sorted(f"{digest}  {name}" for name, digest in {**kept, **actual}.items())
        DIGESTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return
    expected = stored()
    for name, digest in actual.items():
        assert digest == expected[name], f"{name} over {COUNT} reports differs from the stored output"
