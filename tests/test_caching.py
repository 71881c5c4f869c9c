"""Files kept between runs are read only when they are regular files of the user's alone: a FIFO in a kept
file's place hung every run, and a pickle anyone else could write runs their code as the user."""

from __future__ import annotations

import os
import pickle
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from zhijiao_check import caching

ROOT = Path(__file__).resolve().parents[1]
HEADER = {"key": "k"}


def kept(folder: Path) -> Path:
    """A kept file written as the tool writes one, in ``folder``."""
    path = folder / "report-0.pickle"
    caching.write_kept(path, HEADER, pickle.dumps("what was kept"))
    return path


def read(path: Path) -> object:
    return caching.read_kept(path, lambda header: header == HEADER)


def test_a_kept_file_is_made_the_users_alone_whatever_the_umask(tmp_path: Path) -> None:
    before = os.umask(0o002)  # a group-writable default, as on some systems
    try:
        path = kept(tmp_path / "cache")
    finally:
        os.umask(before)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert read(path) == "what was kept"


@pytest.mark.parametrize("who", [stat.S_IWGRP, stat.S_IWOTH], ids=["group", "others"])
def test_a_kept_file_others_may_write_is_not_read(tmp_path: Path, who: int) -> None:
    path = kept(tmp_path / "cache")
    path.chmod(path.stat().st_mode | who)
    assert read(path) is None


@pytest.mark.parametrize("who", [stat.S_IWGRP, stat.S_IWOTH], ids=["group", "others"])
def test_a_cache_folder_others_may_write_is_neither_read_nor_written(tmp_path: Path, who: int) -> None:
    path = kept(tmp_path / "cache")
    path.parent.chmod(0o700 | who)
    assert read(path) is None
    path.unlink()
    kept(path.parent)
    assert list(path.parent.iterdir()) == []


def test_a_kept_file_or_folder_of_another_user_is_neither_read_nor_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tests run as one user (root, even): another is the tool run as a uid that owns neither."""
    path = kept(tmp_path / "cache")
    monkeypatch.setattr(os, "getuid", lambda: path.stat().st_uid + 1)
    assert read(path) is None
    path.unlink()
    kept(path.parent)
    assert list(path.parent.iterdir()) == []


def test_a_fifo_in_a_kept_files_place_is_passed_over(tmp_path: Path) -> None:
    """``mkfifo`` at each kept file's name after a first run: every later run waited for a writer for ever."""
    env = {**os.environ, "ZHIJIAO_CHECK_CACHE": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "zhijiao_check", "check", "samples/2023/dongan.yaml", "-f", "json"]
    first = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    names = sorted(path.name for path in (tmp_path / "cache").iterdir())
    assert any(name.startswith("report-") for name in names) and any(
        name.startswith("pack-") for name in names
    )
    for name in names:
        (tmp_path / "cache" / name).unlink()
        os.mkfifo(tmp_path / "cache" / name)
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        stdout, stderr = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.communicate()
        raise
    assert (process.returncode, stdout) == (first.returncode, first.stdout), stderr
    assert first.returncode == 1 and "Traceback" not in stderr


def test_the_tools_own_folder_made_group_writable_by_an_earlier_version_is_made_the_users_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An earlier version made its folder under the user's umask (0775 under 002): left so, it went unused
    for good, and every run read the rule files again. The tool's own folder is the user's, and is made
    theirs alone when a file is next kept; a folder the user chose (``ZHIJIAO_CHECK_CACHE``) is left as it is
    (the test above)."""
    monkeypatch.delenv("ZHIJIAO_CHECK_CACHE", raising=False)
    folder = tmp_path / "zhijiao-check"
    folder.mkdir(mode=0o775)
    folder.chmod(0o775)
    old = folder / "pack.pickle"
    old.write_bytes(pickle.dumps(HEADER) + pickle.dumps("what was kept"))
    old.chmod(0o664)
    assert read(old) is None
    path = kept(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert read(path) == "what was kept"
