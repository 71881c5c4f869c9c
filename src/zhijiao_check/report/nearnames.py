"""The name most likely meant, for a school not found under its name (renamed, or written another way):
among the report's other schools, the one whose name is closest (``difflib``'s ratio)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

# Comparisons of two names a list of suggestions may make, some 5 µs each: one for every pair of a name not
# found and a name to hold it against, so a roster of 4,500 schools against a report of 1,300 made nearly
# six million (39 s), and a previous year of 1,300 other names took 14 s. A unit lists tens of schools, whose
# few thousand pairs stay far below it: every name not found is looked for, as before.
COMPARISONS = 100_000


def near_names(missing: Iterable[str], others: Sequence[str], cutoff: float = 0.6) -> dict[str, str]:
    """For each of ``missing`` that has one, the closest of ``others`` (a ratio of ``cutoff`` or more). Each
    name costs a comparison with every one of ``others``: past ``COMPARISONS`` the rest are not looked for,
    and are told without a suggestion (the first in their order are, so a run says the same every time)."""
    found: dict[str, str] = {}
    if not others:
        return found
    looked_for = list(dict.fromkeys(missing))[: COMPARISONS // len(others)]
    for word in looked_for:
        close = difflib.get_close_matches(word, others, n=1, cutoff=cutoff)
        if close:
            found[word] = close[0]
    return found
