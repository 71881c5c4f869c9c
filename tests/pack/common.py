"""Helpers of the pack tests that edit a copy of the built-in pack as a rule author would, and read what
``zhijiao-check`` says of it."""

from __future__ import annotations

import shutil
from pathlib import Path

from factory import PACK_DIR, invoke

run = invoke  # the pack tests' name of ``factory.invoke``


EDITS: dict[Path, int] = {}  # the line of each edited file where its edit begins


def edited(tmp_path: Path, name: str, old: str, new: str) -> tuple[Path, Path]:
    """A copy of the built-in pack, the first ``old`` of its file ``name`` made ``new``: the pack, the
    file."""
    pack = tmp_path / "pack"
    shutil.copytree(PACK_DIR, pack)
    path = pack / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    EDITS[path] = text[: text.index(old)].count("\n") + 1
    return pack, path


def at(path: Path, line_has: str, value: str) -> str:
    """``file:line:column`` of ``value`` on the first line of ``path`` that has ``line_has``, from the line
    where the edit begins."""
    lines = path.read_text(encoding="utf-8").splitlines()
    first = EDITS.get(path, 1)
    for number, line in enumerate(lines[first - 1 :], first):
        if line_has in line:
            return f"{path}:{number}:{line.index(value) + 1}"
    raise AssertionError(line_has)


def refused(pack: Path, lang: str = "zh") -> str:
    """``zhijiao-check rules --rules PACK``'s standard error, which must say the pack is refused."""
    result = run("rules", "--rules", pack, "--lang", lang)
    assert result.exit_code == 2, result.stdout
    return result.stderr
