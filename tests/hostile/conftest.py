"""Fixtures of the hostile-input tests."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from .helpers import SAMPLE


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder every user can enter (pytest's own are private to their owner), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="zhijiao-hostile-"))
    folder.chmod(0o755)
    yield folder
    for root, directories, _ in os.walk(folder):
        for name in directories:
            Path(root, name).chmod(0o755)  # a test may have locked one
    shutil.rmtree(folder)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    """A copy of a valid county report that fails three rules (exit 1 alone)."""
    path = tmp_path / "dongan.yaml"
    shutil.copyfile(SAMPLE, path)
    return path
