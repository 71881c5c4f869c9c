"""A run's fatal error traced to the config file's setting behind it: a ``packs`` folder that is no pack
was told as ``规则包无效：localpack: …`` with no word of the file and key that named it, and ``template``
named the file it took its ``lang`` and ``packs`` from only when it succeeded.

Only the setting the error is about is named: ``template`` for a year out of range, or an output that
exists, named the file's ``lang`` and ``packs`` too, sending the user to settings that had nothing to do
with it. No failure comes of the language (a message is only worded in it), so ``lang`` is never named."""

from __future__ import annotations

import os
from collections.abc import Sequence

from zhijiao_check.errors import FatalError
from zhijiao_check.files import display_name
from zhijiao_check.problems import Problem
from zhijiao_check.settings.config import Config


def traced(error: FatalError, config: Config, taken: Sequence[str]) -> FatalError:
    """``error`` with, after its own problems, the line of the config file behind it: the ``[[outputs]]``
    entry of an output refused as an input, and the ``packs`` entry of each pack the error is about (a pack
    that is no pack, or the pack whose reporting units a unit is not among); each only where the run took
    the file's key (``taken`` names the keys no option typed replaced)."""
    if config.file is None or error.code == "invalid-config":
        return error
    places = {key: (line, column) for key, line, column in config.places}
    added = _packs_behind(error, config, places) if "packs" in taken else []
    if "outputs" in taken:
        added += _outputs_behind(error, config)
    if not added:
        return error
    return FatalError(error.code, (*error.problems, *added), area=error.area, **error.params)


def _packs_behind(error: FatalError, config: Config, places: dict[str, tuple[int, int]]) -> list[Problem]:
    """A problem at the ``packs`` entry of each pack of the config file that ``error`` is about."""
    if "packs" not in places or config.file is None:
        return []
    behind = []
    for index, pack in enumerate(config.packs):
        shown = display_name(pack)
        code = _how_behind(error, shown)
        if code is not None:
            behind.append(
                Problem(
                    config.file, *places["packs"], f"packs[{index}]", code, {"pack": shown}, area="settings"
                )
            )
    return behind


def _outputs_behind(error: FatalError, config: Config) -> list[Problem]:
    """A problem at the ``file`` of the ``[[outputs]]`` entry that ``error`` refuses as one of the run's
    inputs: without it, the message named the output and the input, not the config file that chose it."""
    if error.code != "output-is-input" or config.file is None:
        return []
    behind = []
    for index, ((_, file), place) in enumerate(zip(config.outputs, config.outputs_at, strict=True)):
        key = f"outputs[{index}].file"
        if file is not None and display_name(file) == error.params.get("file"):
            behind.append(
                Problem(
                    config.file,
                    *place,
                    key,
                    "output-from-config",
                    {"file": display_name(file)},
                    area="settings",
                )
            )
    return behind


def _how_behind(error: FatalError, pack: str) -> str | None:
    """How the pack ``pack`` (as shown) is behind ``error``: as a pack with problems, as the pack whose units
    were searched, or not at all (None)."""
    if error.code == "invalid-pack" and any(_within(problem.file, pack) for problem in error.problems):
        return "pack-from-config"
    if error.units_from is not None and _within(error.units_from, pack):
        return "units-from-config"
    return None


def _within(file: str, folder: str) -> bool:
    """Whether ``file`` (as shown) is ``folder`` or in it."""
    inside = folder.rstrip("/" + os.sep)
    return file == folder or file.startswith((inside + os.sep, inside + "/"))
