"""A run's fatal error traced to the config file's setting behind it: a ``packs`` folder that is no pack
was told as ``规则包无效：localpack: …`` with no word of the file and key that named it, and ``template``
named the file it took its ``lang`` and ``packs`` from only when it succeeded."""

from __future__ import annotations

import os
from collections.abc import Sequence

from zhijiao_check.errors import FatalError
from zhijiao_check.files import display_name
from zhijiao_check.problems import Problem
from zhijiao_check.settings.config import Config


def traced(error: FatalError, config: Config, taken: Sequence[str], note: bool = False) -> FatalError:
    """``error`` with, after its own problems, the line of the config file behind it: the ``packs`` entry of
    each pack the error is about (the run took the file's ``packs``, ``taken`` naming the keys no option
    typed replaced); else, with ``note`` (a command whose only output is what it makes: ``template``), each
    key of ``taken`` the file gives, as where this run's settings came from."""
    if config.file is None or error.code == "invalid-config" or not taken:
        return error
    places = {key: (line, column) for key, line, column in config.places}
    added = _packs_behind(error, config, places) if "packs" in taken else []
    if not added and note:
        added = [
            Problem(config.file, *places[key], key, "setting-from-config", {}, area="settings")
            for key in ("lang", "packs")
            if key in taken and key in places and getattr(config, key)
        ]
    if not added:
        return error
    return FatalError(error.code, (*error.problems, *added), area=error.area, **error.params)


def _packs_behind(error: FatalError, config: Config, places: dict[str, tuple[int, int]]) -> list[Problem]:
    """A problem at the ``packs`` entry of each pack of the config file that a pack error is about."""
    if error.code != "invalid-pack" or "packs" not in places or config.file is None:
        return []
    behind = []
    for index, pack in enumerate(config.packs):
        shown = display_name(pack)
        if any(_within(problem.file, shown) for problem in error.problems):
            behind.append(
                Problem(
                    config.file,
                    *places["packs"],
                    f"packs[{index}]",
                    "pack-from-config",
                    {"pack": shown},
                    area="settings",
                )
            )
    return behind


def _within(file: str, folder: str) -> bool:
    """Whether ``file`` (as shown) is ``folder`` or in it."""
    inside = folder.rstrip("/" + os.sep)
    return file == folder or file.startswith((inside + os.sep, inside + "/"))
