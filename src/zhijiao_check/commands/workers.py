"""``--jobs N``: reports read, validated and scored by the unit and school rules in N worker processes.

Each report is independent until the city-wide roll-up, so workers take them in chunks and send back the
loaded report with its evaluation; the parent keeps input order, scores the city and renders exactly what
one process would. Workers are forked after the rule packs are loaded, so they start without loading
anything, and a rule travels back as its place in the packs, not as a copy.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zhijiao_check.forked import pickled_by
from zhijiao_check.processes import ordered_map

if TYPE_CHECKING:
    from zhijiao_check.engine.results import ReportEvaluation
    from zhijiao_check.pack.load import RulePack
    from zhijiao_check.report import InvalidReport, ReportFile

    Loaded = tuple[ReportFile | InvalidReport, ReportEvaluation | None]

_packs: list[Sequence[RulePack]] = []  # the packs whose rules travel by place, set before the workers fork


def score_in_workers(
    files: Sequence[tuple[Path, str]],
    packs: Sequence[RulePack],
    selected: set[str] | None,
    jobs: int,
) -> Iterator[Loaded]:
    """Each (path, display) as (report or invalid report, its evaluation), in the order of ``files``."""
    from zhijiao_check.engine.evaluate import evaluate_report
    from zhijiao_check.report import ReportFile, load_report

    places = {id(rule): (p, r) for p, pack in enumerate(packs) for r, rule in enumerate(pack.rules)}
    for cls in {type(rule) for pack in packs for rule in pack.rules}:
        pickled_by(cls, lambda rule: (_rule_at, places[id(rule)]))
    _packs[:] = [packs]

    def work(file: tuple[Path, str]) -> Loaded:
        loaded = load_report(file[0], packs[0].units, file[1])
        if not isinstance(loaded, ReportFile):
            return loaded, None
        return loaded, evaluate_report(loaded, packs, selected)

    return ordered_map(work, files, jobs)


def _rule_at(pack: int, index: int) -> Any:
    return _packs[0][pack].rules[index]
