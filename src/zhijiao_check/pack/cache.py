"""A loaded rule pack kept between runs, so that a run does not parse and check every rule file again.

Reading and checking a pack (its rule files through the positioned YAML loader, each rule checked by Pydantic,
each quote against the policy) was a seventh of a one-report run; unpickling the same pack takes a twentieth
of that. Only a pack that loaded without a problem is kept; a broken one is read, and reported, every time.

A kept pack is used only while everything it was made from is unchanged: the version of the tool and of
Python, the folder the tool runs from, the pack folder (as given and as resolved), the size, modification
time and inode of each of its files (the rule files found, ``pack.yaml``, the unit list, the policy text),
and of the tool's own modules that made it (those whose classes it holds, and every one loaded when it was
made but those above the packs, which the loader cannot use: for a checkout being worked on). It is a file per
pack folder in the user's cache folder (``caching``).
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from zhijiao_check import __version__
from zhijiao_check.caching import cache_dir, read_kept, settled, stamps_of, write_kept

# A pack as ``pack.load`` makes it, or what it says is wrong: this module knows packs only as what they were
# made from, so that the loader can use it without the two importing each other.
Pack = TypeVar("Pack")

YAML_SUFFIXES = (".yaml", ".yml")  # as a report's (source.TEXT_SUFFIXES)
FORMAT = 1  # of the cache file; a new layout gets a new number
_TOOL = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the package's folder
# The parts of the tool above the rule packs (docs/layers.md; tests/test_layers.py holds them to its LAYERS):
# the pack loader imports none of them, so their code cannot change a pack. Every other module of the tool
# loaded by the time a pack is kept may have made it (the loader, its YAML reader, the models whose
# validators checked the rules, …) and is stamped with the pack: a list of the loader's modules by hand
# missed some as they were split and added.
ABOVE_PACKS = (
    "entry",
    "__main__",
    "cli",
    "cli_values",
    "cli_usage",
    "cli_help",
    "commands",
    "settings",
    "renderers",
    "document",
    "engine",
)


def load_cached(
    directory: Path, load: Callable[[Path], Pack | list[Any]], extra: Callable[[Pack], list[Path]]
) -> Pack | list[Any]:
    """The pack in ``directory`` as kept by an earlier run if nothing it was made from changed since,
    else ``load(directory)`` (a pack, or a list of what is wrong with it), kept for the next run when it
    loaded without a problem. ``extra``: the files besides the folder's rule files that the pack was made
    from (its policy text, its unit list)."""
    folder = cache_dir()
    if folder is None:
        return load(directory)
    # The tool's own folder too: the code files a kept pack names are the writer's, so another checkout or
    # install of the same version would find them unchanged and read back objects of classes it has changed.
    key = (FORMAT, __version__, sys.version, _TOOL, str(directory), os.path.realpath(directory))
    path = folder / f"pack-{zlib.crc32(repr(key).encode()):08x}.pickle"
    kept: Pack | None = _read(path, key, directory)
    if kept is not None:
        return kept
    loaded = load(directory)
    if not isinstance(loaded, list):
        _write(path, key, loaded, directory, [str(file) for file in extra(loaded)])
    return loaded


def _read(path: Path, key: tuple[Any, ...], directory: Path) -> Any:
    def fresh(header: dict[str, Any]) -> bool:
        if header.get("key") != key:
            return False
        # the kept names stated as they are: a ``Path`` made of each of a pack's sixty-odd was 0.4% of a run
        files = [*pack_files(directory), *header["extra"], *header["code"]]
        return bool(header["stamps"] == stamps_of(files))

    return read_kept(path, fresh)


def _write(path: Path, key: tuple[Any, ...], pack: object, directory: Path, extra: list[str]) -> None:
    recorder = _Recorder()
    body = recorder.dump(pack)
    code_files = sorted(_code_files({*recorder.modules, *_loaders()}))
    files = [*pack_files(directory), *map(Path, extra), *map(Path, code_files)]
    stamps = stamps_of(files)
    if not settled(stamps):
        return
    write_kept(path, {"key": key, "extra": extra, "code": code_files, "stamps": stamps}, body)


def _loaders() -> list[str]:
    """The tool's modules loaded now, when a pack was just made, but those above the packs: the code that
    could have made it, whichever modules the loader comes to use."""
    return [
        name
        for name in list(sys.modules)
        if name == "zhijiao_check"
        or (name.startswith("zhijiao_check.") and name.split(".")[1] not in ABOVE_PACKS)
    ]


def _code_files(modules: set[str]) -> set[str]:
    """The files of the tool's ``modules`` (a namespace or a built-in module has none)."""
    files = (
        getattr(sys.modules.get(name), "__file__", None)
        for name in modules
        if name.startswith("zhijiao_check")
    )
    return {str(file) for file in files if file}


def pack_files(directory: Path) -> list[Path]:
    """The YAML files of a pack's folder, ``*.yaml`` and ``*.yml``, in name order: every file the loader
    considers (``load.load_pack`` reads each as a rule file but ``pack.yaml`` and the unit list)."""
    return sorted(path for suffix in YAML_SUFFIXES for path in directory.glob(f"*{suffix}"))


class _Recorder:
    """Pickles a pack and notes the modules of the classes in it: their code shapes the objects kept."""

    def __init__(self) -> None:
        self.modules: set[str] = set()

    def dump(self, value: object) -> bytes:
        import io

        buffer = io.BytesIO()
        modules = self.modules

        class Pickler(pickle.Pickler):
            def reducer_override(self, obj: object) -> Any:
                modules.add(type(obj).__module__)
                return NotImplemented

        Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
        return buffer.getvalue()
