"""A loaded pack kept between runs is used only while nothing it was made from changed; a cache that cannot be
read or written is no cache, never an error."""

from __future__ import annotations

import os
import pickle
import shutil
import sys
import time
import types
from dataclasses import asdict
from pathlib import Path

import pytest

from zhijiao_check import caching
from zhijiao_check.pack import cache
from zhijiao_check.pack.load import RulePack, _made_from, load_pack, load_packs, main_pack_dir
from zhijiao_check.problems import Problem

HOUR_AGO = time.time() - 3600
SOURCE = Path(cache.__file__).resolve().parents[1]  # the package's folder


class Counting:
    """``load_pack``, counting the times a pack was really read."""

    def __init__(self) -> None:
        self.reads = 0

    def __call__(self, directory: Path) -> RulePack | list[Problem]:
        self.reads += 1
        return load_pack(directory)


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ZHIJIAO_CHECK_CACHE", str(folder))
    return folder


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A copy of the built-in pack whose files were last changed an hour ago."""
    copy = Path(shutil.copytree(main_pack_dir(None), tmp_path / "pack"))
    for path in copy.iterdir():
        os.utime(path, (HOUR_AGO, HOUR_AGO))
    return copy


def settled(path: Path) -> None:
    os.utime(path, (HOUR_AGO + 60, HOUR_AGO + 60))


def test_a_second_load_reads_the_kept_pack_and_finds_the_same_rules(kept: Path, pack: Path) -> None:
    load = Counting()
    first = cache.load_cached(pack, load, _made_from)
    second = cache.load_cached(pack, load, _made_from)
    assert load.reads == 1
    assert len(list(kept.iterdir())) == 1
    assert isinstance(first, RulePack) and isinstance(second, RulePack)
    assert second is not first
    assert [asdict(r) for r in second.rules] == [asdict(r) for r in first.rules]
    assert (second.info, second.directory, second.sources) == (first.info, first.directory, first.sources)
    assert [u.name for u in second.units] == [u.name for u in first.units]
    assert len(second.rules) == 54


def test_a_changed_rule_file_is_read_again(kept: Path, pack: Path) -> None:
    load = Counting()
    cache.load_cached(pack, load, _made_from)
    rule_file = pack / "clause-01.yaml"
    text = rule_file.read_text(encoding="utf-8")
    rule_file.write_text(text.replace("职普比", "职普比例", 1), encoding="utf-8")
    settled(rule_file)
    changed = cache.load_cached(pack, load, _made_from)
    assert load.reads == 2
    assert isinstance(changed, RulePack)
    assert "职普比例" in changed.rules[0].title.zh
    again = cache.load_cached(pack, load, _made_from)
    assert load.reads == 2 and isinstance(again, RulePack) and again.rules[0].title == changed.rules[0].title


def test_the_same_size_and_an_other_time_is_a_change(kept: Path, pack: Path) -> None:
    load = Counting()
    cache.load_cached(pack, load, _made_from)
    os.utime(pack / "units.yaml", (HOUR_AGO + 1, HOUR_AGO + 1))
    cache.load_cached(pack, load, _made_from)
    assert load.reads == 2


@pytest.mark.parametrize("change", ["new rule file", "new .yml rule file", "policy", "removed rule file"])
def test_adding_or_removing_a_file_or_changing_the_policy_is_a_change(
    kept: Path, pack: Path, change: str
) -> None:
    load = Counting()
    cache.load_cached(pack, load, _made_from)
    if change.startswith("new"):  # a rule file is read whether it is named *.yaml or *.yml
        added = pack / ("clause-18.yml" if ".yml" in change else "clause-18.yaml")
        shutil.copy(pack / "clause-17.yaml", added)
        settled(added)
    elif change == "policy":
        with open(pack / "policy.md", "a", encoding="utf-8") as policy:
            policy.write("\n")
        settled(pack / "policy.md")
    else:
        (pack / "clause-17.yaml").unlink()
    loaded = cache.load_cached(pack, load, _made_from)
    assert load.reads == 2
    if change.startswith("new"):  # the copied rules are duplicates: the pack is broken, and said to be
        assert isinstance(loaded, list) and {p.code for p in loaded} == {"duplicate-rule"}


def test_another_version_of_the_tool_does_not_read_it(
    kept: Path, pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load = Counting()
    cache.load_cached(pack, load, _made_from)
    monkeypatch.setattr(cache, "__version__", "0.0.1")
    cache.load_cached(pack, load, _made_from)
    assert load.reads == 2


def test_another_checkout_of_the_same_version_does_not_read_it(
    kept: Path, pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The code files a kept pack names are its writer's: another checkout of the same version found them
    unchanged and read back rules of classes it had changed (an internal error: a rule without a field its
    class had gained). The tool's folder is part of the key."""
    load = Counting()
    cache.load_cached(pack, load, _made_from)
    monkeypatch.setattr(cache, "_TOOL", "/elsewhere/src/zhijiao_check")
    cache.load_cached(pack, load, _made_from)
    assert load.reads == 2


def _stamped_code(kept: Path) -> list[str]:
    """The code files the kept pack's header names."""
    (kept_file,) = kept.iterdir()
    with open(kept_file, "rb") as file:
        header = pickle.load(file)
    return [Path(name).relative_to(SOURCE).as_posix() for name in header["code"]]


def test_the_modules_the_loader_used_are_stamped_and_none_above_the_packs(kept: Path, pack: Path) -> None:
    """``source.slips`` and ``source.limits`` (which the YAML reader uses) were missing from a list kept by
    hand: every module of the tool loaded with the pack is stamped, but those the loader cannot use."""
    cache.load_cached(pack, Counting(), _made_from)
    code = _stamped_code(kept)
    assert {"source/slips.py", "source/limits.py", "source/yamltree.py", "pack/load.py"} <= set(code)
    assert {"pack/crosschecks.py", "pack/placed.py", "pack/policy.py"} <= set(code)
    assert {"report/model.py", "vocabulary.py", "kinds/ratio.py", "measure/conditions.py"} <= set(code)
    assert not [name for name in code if name.split("/")[0].removesuffix(".py") in cache.ABOVE_PACKS]


def test_changing_a_module_loaded_with_the_pack_reads_it_again(
    kept: Path, pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A module no list names, loaded when the pack was made (as a new module of ``source`` would be): a
    change to its code is a change."""
    module_file = tmp_path / "probe.py"
    module_file.write_text("WHAT = 1\n", encoding="utf-8")
    settled(module_file)
    probe = types.ModuleType("zhijiao_check.source.probe")
    probe.__file__ = str(module_file)
    monkeypatch.setitem(sys.modules, "zhijiao_check.source.probe", probe)
    load = Counting()
    cache.load_cached(pack, load, _made_from)
    cache.load_cached(pack, load, _made_from)
    assert load.reads == 1
    module_file.write_text("WHAT = 2\n", encoding="utf-8")
    os.utime(module_file, (HOUR_AGO + 120, HOUR_AGO + 120))
    assert isinstance(cache.load_cached(pack, load, _made_from), RulePack)
    assert load.reads == 2


def test_a_broken_pack_is_never_kept(kept: Path, pack: Path) -> None:
    (pack / "clause-03.yaml").write_text("rules: [{id: nonsense}]\n", encoding="utf-8")
    settled(pack / "clause-03.yaml")
    load = Counting()
    for _ in range(2):
        assert isinstance(cache.load_cached(pack, load, _made_from), list)
    assert load.reads == 2
    assert not kept.exists() or not list(kept.iterdir())


def test_a_pack_changed_moments_ago_is_not_kept(
    kept: Path, pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second change within the file system's clock step could leave its size and time as they were."""
    # However slowly a busy machine reads the pack, the change stays within the time to settle.
    monkeypatch.setattr(caching, "SETTLED", 3600.0)
    (pack / "clause-02.yaml").touch()
    load = Counting()
    cache.load_cached(pack, load, _made_from)
    cache.load_cached(pack, load, _made_from)
    assert load.reads == 2


def test_an_unreadable_cache_is_ignored_and_written_anew(kept: Path, pack: Path) -> None:
    load = Counting()
    cache.load_cached(pack, load, _made_from)
    (kept_file,) = kept.iterdir()
    kept_file.write_bytes(b"\x80\x05 not a pickle")
    assert isinstance(cache.load_cached(pack, load, _made_from), RulePack)
    assert isinstance(cache.load_cached(pack, load, _made_from), RulePack)
    assert load.reads == 2


def test_a_cache_folder_that_cannot_be_made_is_no_error(
    tmp_path: Path, pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("ZHIJIAO_CHECK_CACHE", str(blocker / "cache"))
    load = Counting()
    assert isinstance(cache.load_cached(pack, load, _made_from), RulePack)
    assert isinstance(cache.load_cached(pack, load, _made_from), RulePack)
    assert load.reads == 2
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_the_folder_as_given_is_part_of_the_key(
    kept: Path, pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rule files are named as the folder was given (``--rules rules/x``): each spelling keeps its own."""
    monkeypatch.chdir(pack.parent)
    load = Counting()
    relative = cache.load_cached(Path(pack.name), load, _made_from)
    absolute = cache.load_cached(pack, load, _made_from)
    assert load.reads == 2
    assert isinstance(relative, RulePack) and isinstance(absolute, RulePack)
    assert relative.sources["c1.vocational-share"].file == str(Path("pack", "clause-01.yaml"))
    assert absolute.sources["c1.vocational-share"].file == str(pack / "clause-01.yaml")


def test_the_cache_folder_follows_the_platform(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ZHIJIAO_CHECK_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(caching.sys, "platform", "linux")
    assert caching.cache_dir() == tmp_path / "zhijiao-check"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert caching.cache_dir() == Path.home() / ".cache" / "zhijiao-check"
    monkeypatch.setattr(caching.os.path, "expanduser", lambda path: path)  # no HOME, no user entry
    assert caching.cache_dir() is None
    monkeypatch.setattr(caching.sys, "platform", "win32")
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    assert caching.cache_dir() is None


def test_load_packs_uses_it(kept: Path) -> None:
    first = load_packs()
    second = load_packs()
    assert len(list(kept.iterdir())) == (1 if _settled(main_pack_dir(None)) else 0)
    assert [r.id for r in second[0].rules] == [r.id for r in first[0].rules]


def _settled(directory: Path) -> bool:
    return all(p.stat().st_mtime < time.time() - caching.SETTLED for p in directory.iterdir())
