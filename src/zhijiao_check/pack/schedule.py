"""``pack.yaml``'s ``schedule_base`` against the pack's linear rules, checked when the pack loads.

A linear schedule is target × (Y − base) / (due − base) (``engine.timing``). A base that is not before a
linear rule's due year divided by nothing (``due: 2025`` with ``schedule_base: 2025``: ``ZeroDivisionError``,
exit 3, when the first report was checked) or grew the schedule backwards (a base after the due year); a
base after the issue year gave the years between them a schedule below zero. Either was said nowhere until a
report was checked; it is refused at ``schedule_base``, naming the rule and the year to write.
"""

from __future__ import annotations

from collections.abc import Sequence

from zhijiao_check.kinds import AnyRule
from zhijiao_check.pack.placed import Placed, pack_problem
from zhijiao_check.pack.schema import PackInfo
from zhijiao_check.problems import Problem
from zhijiao_check.source import Parsed
from zhijiao_check.wording import msg


def schedule_base_problems(
    info: PackInfo, parsed: Parsed, pack_file: str, rules: Sequence[AnyRule], places: dict[str, Placed]
) -> list[Problem]:
    """The pack's ``schedule_base`` (when it gives one: the default, the year before the issue, is before
    every year a rule may name) said at its value when a linear rule's schedule cannot grow from it."""
    base = info.schedule_base
    issued = info.issued.year
    # a due year before the issue is refused at the rule (``year-before-issue``)
    linear = [r for r in rules if r.time.linear and r.time.due is not None and r.time.due >= issued]
    if base is None or not linear:
        return []
    where = parsed.positions.nearest(("schedule_base",))
    write = f"schedule_base: {issued - 1}"
    late = sorted((r for r in linear if r.time.due is not None and r.time.due <= base), key=_due)
    if late:
        first = late[0]
        place = places[first.id]
        said = {
            "base": base,
            "id": first.id,
            "due": first.time.due,
            "rule": f"{place.file}:{place.at('time', 'due')[0]}",
            "others": msg("pack.schedule-others", count=len(late) - 1) if len(late) > 1 else "",
            "write": write,
        }
        return [pack_problem(pack_file, where, "schedule_base", "schedule-base-not-before-due", **said)]
    if base > issued:
        first = min(linear, key=_due)
        said = {"base": base, "issued": issued, "id": first.id, "write": write}
        return [pack_problem(pack_file, where, "schedule_base", "schedule-base-after-issue", **said)]
    return []


def _due(rule: AnyRule) -> int:
    return rule.time.due or 0
