"""Every format over a generated set of 1,000 reports is byte for byte what version 1.0 printed.

The set is ``benchmarks/bulk.py``'s (the sample years for 500 cloned units a year, with a pack that lists
them); ``outputs-1000.sha256`` holds the digests of the outputs of the release before the speed work, so any
change in what is printed, by one byte in one format, fails here. The run uses two worker processes; the
tests of ``--jobs`` compare it with one process.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIGESTS = Path(__file__).with_name("outputs-1000.sha256")
FORMATS = {"table": "table.txt", "json": "json", "junit": "junit.xml", "markdown": "md", "github": "github.txt",
           "sarif": "sarif", "html": "html"}


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
    generated_set(directory, 1000)
    return directory


def expected() -> dict[str, str]:
    pairs = (line.split() for line in DIGESTS.read_text(encoding="utf-8").splitlines() if line.strip())
    return {name: digest for digest, name in pairs}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_format_is_unchanged(bulk: Path, lang: str) -> None:
    outputs = bulk / f"out-{lang}"
    options = [arg for name, suffix in FORMATS.items() for arg in ("-f", name, "-o", f"{outputs.name}/{lang}.{suffix}")]
    done = subprocess.run(
        [sys.executable, "-m", "zhijiao_check", "check", "reports", "--rules", "pack", "--lang", lang, "--jobs", "2",
         *options],
        cwd=bulk, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 1, done.stderr  # some targets fail in the samples
    digests = expected()
    for suffix in FORMATS.values():
        name = f"{lang}.{suffix}"
        data = (outputs / name).read_bytes()
        # What is not the tool's to keep: the folder it ran in (SARIF's originalUriBaseIds), the time (JUnit).
        data = data.replace(bulk.as_uri().encode() + b"/", b"file:///BULK/")
        data = re.sub(rb'timestamp="[0-9T:-]+"', b'timestamp="T"', data)
        assert hashlib.sha256(data).hexdigest() == digests[name], f"{name} differs from version 1.0's output"
