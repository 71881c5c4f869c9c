"""``--jobs N``: reports read, validated and scored by the unit and school rules in N worker processes.

Each report is independent until the city-wide roll-up, so workers take them in chunks and send back the
loaded report with its evaluation; the parent keeps input order, scores the city and renders exactly what
one process would. Workers are forked after the rule packs are loaded, so they start without loading
anything, and a rule travels back as its place in the packs, not as a copy.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from zhijiao_check.engine.evaluate import ReportEvaluation
    from zhijiao_check.pack.load import RulePack
    from zhijiao_check.report import InvalidReport, ReportFile

    Loaded = tuple[ReportFile | InvalidReport, ReportEvaluation | None]

# Below this many files, starting the workers costs more than it saves.
PARALLEL_FROM = 40

# What the workers need, set in the parent before they fork (a forked worker inherits it as it is).
_state: dict[str, Any] = {}


def available_cores() -> int:
    """The processors this process may run on (fewer than the machine's when pinned)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def load_and_score(
    files: Sequence[tuple[Path, str]], packs: Sequence[RulePack], selected: set[str] | None,
    jobs: int,
) -> Iterator[Loaded]:
    """Each (path, display) as (report or invalid report, its evaluation), in the order of ``files``."""
    import multiprocessing
    from multiprocessing.reduction import ForkingPickler

    places = {id(rule): (p, r) for p, pack in enumerate(packs) for r, rule in enumerate(pack.rules)}
    for cls in {type(rule) for pack in packs for rule in pack.rules}:
        ForkingPickler.register(cls, lambda rule: (_rule_at, places[id(rule)]))
    _state.update(packs=packs, selected=selected)
    chunk = max(1, min(32, len(files) // (jobs * 8)))
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_start) as pool:
        yield from pool.imap(_load_and_score, files, chunksize=chunk)


def _rule_at(pack: int, index: int) -> Any:
    return _state["packs"][pack].rules[index]


def _start() -> None:
    # Everything the worker inherited is long-lived: keep the collector from walking it again and again.
    gc.freeze()


def _load_and_score(file: tuple[Path, str]) -> Loaded:
    from zhijiao_check.engine.evaluate import evaluate_report
    from zhijiao_check.report import ReportFile, load_report

    packs = _state["packs"]
    loaded = load_report(file[0], packs[0].units, file[1])
    if not isinstance(loaded, ReportFile):
        return loaded, None
    return loaded, evaluate_report(loaded, packs, _state["selected"])
