"""The unit a name that is none of the unit list's most likely means: the hint of ``unknown-unit`` in a
report, a waiver, a roster and ``template --unit`` (``UnitRegistry.suggest``).

People write a unit's name short: 江华县 or 江华 for 江华瑶族自治县, 东安 for 东安县. The closest spelling
alone took 江华县 for 江永县 (two characters of three alike), and a waiver written to that hint excused
another county's failure. A name that is a unit's name with its ethnic autonomy (瑶族自治, 自治) or its
县/市/区 left out is that unit's, before any spelling is weighed.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

# What a short form leaves off the end of a unit's name: 东安县 → 东安, 祁阳市 → 祁阳, 零陵区 → 零陵.
SUFFIXES = ("县", "市", "区")
AUTONOMY = "自治"
ETHNIC = "族"
# A place's own name before its ethnic autonomy has at least two characters (江华 of 江华瑶族自治县), and an
# ethnic group's name one or two (瑶, 土家): so 江华瑶族自治县 is never cut to 江县.
PLACE_AT_LEAST = 2
GROUP_UP_TO = 2


def nearest_unit(given: str, names: Iterable[str]) -> str | None:
    """The unit of ``names`` (in the unit list's order) that ``given`` is a short form of; else one whose
    name holds ``given`` or is held in it; else the closest spelling; None when none is close."""
    listed = list(names)
    stripped = given.strip()
    if not stripped:
        return None
    short = short_form_of(stripped, listed)
    if short is not None:
        return short
    containing = [name for name in listed if stripped in name or name in stripped]
    if containing:
        return containing[0]
    close = difflib.get_close_matches(stripped, listed, n=1, cutoff=0.4)
    return close[0] if close else None


def short_form_of(given: str, names: Iterable[str]) -> str | None:
    """The first of ``names`` that ``given`` is a short form of (江华县: 江华瑶族自治县), if any."""
    stripped = given.strip()
    return next((name for name in names if stripped in short_forms(name)), None)


def short_forms(name: str) -> set[str]:
    """The ways ``name`` is written short: without its ethnic autonomy (江华县, 江华自治县), without its
    县/市/区 (江华, 东安), or both; never shorter than a place's name can be."""
    whole = {name, *_without_autonomy(name)}
    cut = {form[:-1] for form in whole if form.endswith(SUFFIXES) and len(form) - 1 >= PLACE_AT_LEAST}
    return (whole | cut) - {name}


def _without_autonomy(name: str) -> Iterator[str]:
    """``name`` without its 瑶族自治, its 瑶族, or its 自治, where the place's own name stays whole."""
    for at in range(PLACE_AT_LEAST, len(name)):
        if name.startswith(AUTONOMY, at):
            yield name[:at] + name[at + len(AUTONOMY) :]
        if name[at] != ETHNIC:
            continue
        for length in range(1, GROUP_UP_TO + 1):
            start = at - length
            if start < PLACE_AT_LEAST:
                break
            yield name[:start] + name[at + 1 :]  # 江华自治县
            if name.startswith(AUTONOMY, at + 1):
                yield name[:start] + name[at + 1 + len(AUTONOMY) :]  # 江华县
