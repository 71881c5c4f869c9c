"""What to write when a rule names what its pack does not list: the ``clauses`` entry of ``pack.yaml`` for a
clause it lacks, in the form the file writes its entries, and an ID of the form ``rule_ids`` asks for."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from zhijiao_check import patterns
from zhijiao_check.source import Parsed
from zhijiao_check.wording import Msg, msg


def clause_entry(number: int, parsed: Parsed) -> Msg:
    """The entry to add to ``pack.yaml``'s ``clauses`` for clause ``number``: on one line where the file
    writes its entries so (``- {number: 1, title: {…}}``, the demo pack), else as the built-in pack writes
    them, ``number:`` and ``title:`` on lines of their own."""
    mark = parsed.positions.value(("clauses", 0))
    lines = parsed.text.splitlines() if mark is not None else []
    if mark is None or not 0 < mark[0] <= len(lines) or lines[mark[0] - 1][mark[1] - 1 :].startswith("{"):
        return msg("pack.clause-entry-flow", number=number)
    return msg("pack.clause-entry-block", number=number)


# ``rule_ids``'s letters before the clause number, and the words it asks for after the point:
# ``^c\d{1,2}\.local-[a-z0-9]+…`` → ``c``, ``local-``
_PREFIX = patterns.later(r"^\^?([a-z]+)\\d")
_AFTER_POINT = patterns.later(r"\\\.([a-z0-9-]+)")


def id_hint(rule_id: str, clause: int, pattern: str, follows: Callable[[str], bool]) -> Msg | str:
    """``：应写如 c18.county-share 的 ID``: the rule's ID with the letters and clause number ``rule_ids``
    starts with (and the words it asks for after the point), when that ID follows the pattern; else
    nothing (an ID no pattern check would take is never suggested)."""
    name = rule_id.partition(".")[2] or rule_id
    prefix = _PREFIX.match(pattern)
    after = _AFTER_POINT.search(pattern)
    letters = prefix.group(1) if prefix else ""
    words = after.group(1) if after else ""
    candidates = [
        f"{letters}{clause}.{name}",
        f"{letters}{clause}.{words}{name.removeprefix(words)}",
        f"{rule_id.partition('.')[0]}.{words}{name.removeprefix(words)}",
    ]
    for candidate in candidates:
        if candidate != rule_id and follows(candidate):
            return msg("pack.id-write", write=candidate)
    return ""


def nearest_rule(name: str, ids: Iterable[str], itself: str) -> Msg | str:
    """What a rule named by another (``replaced_by``, ``replaces``) that no pack has may have meant: the
    nearest ID of ``ids`` but the naming rule's own (``itself``), or "" when none is near."""
    from difflib import get_close_matches

    near = get_close_matches(name, [i for i in ids if i != itself], n=1)
    return msg("pack.replaced-by-near", rule=near[0]) if near else ""
