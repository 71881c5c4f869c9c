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


def _check(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "zhijiao_check", "check", "samples/2023/dongan.yaml", *args]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)


def _unused_told(folder: Path, lang: str) -> str:
    if lang == "en":
        return (
            f"cache folder {folder} (ZHIJIAO_CHECK_CACHE) not used: group or others may write to it, and a "
            "kept file there could run their code as you, so every run reads the rule packs again; make it "
            f"yours alone with chmod go-w {folder}, or unset ZHIJIAO_CHECK_CACHE to use the default cache "
            "folder"
        )
    return (
        f"缓存目录 {folder}（ZHIJIAO_CHECK_CACHE）未使用：同组或其他用户可以写入，其中的缓存文件读取时可能"
        f"执行他人写入的代码，因此每次运行都重新读取规则包；请运行 chmod go-w {folder}，"
        "或取消 ZHIJIAO_CHECK_CACHE 改用默认缓存目录"
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("form", ["json", "sarif", "junit"])
def test_a_chosen_cache_folder_others_may_write_is_told_once_and_left_unused(
    tmp_path: Path, form: str, lang: str
) -> None:
    """``ZHIJIAO_CHECK_CACHE`` naming a folder made under a umask of 000 (a CI runner): it went unused in
    silence, every run slower and nothing saying why. One line on standard error names it and what to do;
    the result on standard output is whole (JSON, SARIF, JUnit); the folder is still not used."""
    folder = tmp_path / "cache"
    folder.mkdir()
    folder.chmod(0o777)
    done = _check({**os.environ, "ZHIJIAO_CHECK_CACHE": str(folder)}, "-f", form, "-j", "2", "--lang", lang)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [_unused_told(folder, lang)]
    if form == "junit":
        from xml.etree import ElementTree

        assert ElementTree.fromstring(done.stdout).tag == "testsuites"
    else:
        import json

        assert json.loads(done.stdout)
    assert list(folder.iterdir()) == []


def test_a_chosen_cache_folder_of_the_users_alone_is_used_without_a_word(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    done = _check({**os.environ, "ZHIJIAO_CHECK_CACHE": str(folder)}, "-f", "json")
    assert (done.returncode, done.stderr) == (1, "")
    assert any(path.name.startswith("pack-") for path in folder.iterdir())


def test_the_tools_own_cache_folder_others_may_write_is_made_the_users_without_a_word(tmp_path: Path) -> None:
    """The tool's own folder is tightened silently (``caching._tightened``): nothing to tell."""
    env = {k: v for k, v in os.environ.items() if k != "ZHIJIAO_CHECK_CACHE"}
    env["XDG_CACHE_HOME"] = str(tmp_path)
    folder = tmp_path / "zhijiao-check"
    folder.mkdir()
    folder.chmod(0o777)
    done = _check(env, "-f", "json")
    assert (done.returncode, done.stderr) == (1, "")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755


def test_a_chosen_folder_passed_over_is_noted_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Noted once however often the run looked (the pack, then the validator), and why: another user's
    folder is no ``chmod`` of the user's to make."""
    monkeypatch.setenv("ZHIJIAO_CHECK_CACHE", str(tmp_path / "cache"))
    path = kept(tmp_path / "cache")
    path.parent.chmod(0o770)
    assert read(path) is None and read(path) is None
    assert caching.unused_chosen() == (tmp_path / "cache", "others")
    assert caching.unused_chosen() is None
    path.parent.chmod(0o700)
    monkeypatch.setattr(os, "getuid", lambda: path.stat().st_uid + 1)
    kept(path.parent)
    assert caching.unused_chosen() == (tmp_path / "cache", "owner")


def test_a_folder_noted_as_passed_over_can_be_forgotten_untold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``check --quiet`` forgets the note by name (``forget_unused``), not reading it for its side effect."""
    monkeypatch.setenv("ZHIJIAO_CHECK_CACHE", str(tmp_path / "cache"))
    path = kept(tmp_path / "cache")
    path.parent.chmod(0o770)
    assert read(path) is None
    caching.forget_unused()
    assert caching.unused_chosen() is None


@pytest.mark.parametrize("quiet", [("--quiet",), ("-q",), ("--config", "{config}")])
def test_a_quiet_check_says_nothing_of_a_cache_folder_passed_over_but_still_its_errors(
    tmp_path: Path, quiet: tuple[str, ...]
) -> None:
    """``--quiet`` (the config's ``quiet`` too) is the summary lines only, a report's warnings only counted:
    the cache folder's warning was said all the same. An error is still told, alone; the folder unused."""
    folder = tmp_path / "cache"
    folder.mkdir()
    folder.chmod(0o777)
    config = tmp_path / "team.toml"
    config.write_text("quiet = true\n", encoding="utf-8")
    env = {**os.environ, "ZHIJIAO_CHECK_CACHE": str(folder)}
    options = [option.format(config=config) for option in quiet]
    done = _check(env, "--lang", "en", *options)
    assert (done.returncode, done.stderr) == (1, "")
    refused = _check(env, "--lang", "en", "--select", "nosuch", *options)
    assert refused.returncode == 2
    assert refused.stderr.splitlines() == ['no rule matches "nosuch"; see zhijiao-check rules for the list']
    assert list(folder.iterdir()) == []
    told = _check(env, "--lang", "en", "--select", "nosuch")  # not quiet: told after the error
    assert told.stderr.splitlines()[-1] == _unused_told(folder, "en")
