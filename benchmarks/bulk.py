"""A deterministic bulk set: the sample years' reports for many cloned units, and a pack that knows them.

The built-in pack lists the 15 real units; a copy of it whose ``units.yaml`` also lists the clones (passed
with ``--rules``, it replaces the built-in pack of the same id) makes every generated report valid. Each year
keeps its one 市本级 report, so the city-wide section is computed over every clone of that year.

A file may hold at most 10,000 values, ``units.yaml`` too, so at most ``CLONES`` clones of each unit are
listed (``WIDEST`` at the most): a larger set goes on with the sample years moved two years on (every year in
the text, 2022 → 2024), the same clones reporting again, as they would year after year.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACK = ROOT / "rules" / "yzf-2021-7"
YEARS = (ROOT / "samples" / "2022", ROOT / "samples" / "2023")
_CODE_LINE = re.compile(r'^  code: "\d+"\n', re.MULTILINE)
_NAME_LINE = re.compile(r"^  name: (\S+)$", re.MULTILINE)
_YEAR = re.compile(r"(?<![0-9])(20[0-3][0-9])(?![0-9])")
_FIGURE = re.compile(r"(?<=: )([0-9]+)(?=[ ]*(?:#.*)?$)", re.MULTILINE)  # a whole number ending its line
CLONES = 100  # of each unit: 1,400 entries in units.yaml, well within its 10,000 values
# The most clones of each unit units.yaml can list within its 10,000 values (1,988 and the 15 units; 143
# are too many): the most reports a year a pack allows, and so the most a city-wide year holds at once.
WIDEST = 142
# Few clones of each unit, so that 1,000 reports run over six years (2022-2027), as a bureau's run over the
# policy's years does: each unit's trends and cross-year warnings grow with the years, where the views spend.
SIX_YEARS = 14


def generate(directory: Path, count: int, varied: bool = False, clones: int = CLONES) -> tuple[Path, Path]:
    """``count`` reports under ``directory/reports`` and the pack that lists their units under
    ``directory/pack``.

    The reports are spread over the sample years; unit ``k`` of a sample unit ``名`` is ``名·k`` (no code: a
    clone has none). ``varied``: each clone's figures differ from its sample's, as real units' do
    (``_varied``); else a clone repeats its sample's, and a run meets the same few thousand values again and
    again. ``clones``: of each unit, before the years move on (at most ``WIDEST``).
    Returns (reports directory, pack directory).
    """
    reports, pack = directory / "reports", directory / "pack"
    shutil.copytree(PACK, pack)
    samples = [sorted(year.glob("*.yaml")) for year in YEARS]
    units: dict[str, str] = {}  # clone name -> kind, in order
    written = 0
    clone = 0
    while written < count:
        for year_files in samples:
            for source in year_files:
                if written >= count:
                    break
                text = source.read_text(encoding="utf-8")
                kind = re.search(r"^  kind: (\w+)$", text, re.MULTILINE)
                assert kind is not None
                number, later = clone % clones, 2 * (clone // clones)  # the clone, and the years moved on
                if kind.group(1) == "city":
                    if number:
                        continue  # one 市本级 report a year
                    name = None
                else:
                    match = _NAME_LINE.search(text)
                    assert match is not None
                    name = f"{match.group(1)}·{number}" if number else None
                if name is not None:
                    units.setdefault(name, kind.group(1))
                    text = _CODE_LINE.sub("", _NAME_LINE.sub(f"  name: {name}", text, count=1), count=1)
                if later:
                    text = _moved(text, later)
                if varied and clone:
                    text = _varied(text, clone)
                year = str(int(source.parent.name) + later)
                target = reports / year / f"{clone:05d}" / source.name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
                written += 1
        clone += 1
    listing = "".join(f"  - {{name: {name}, kind: {kind}}}\n" for name, kind in units.items())
    units_file = pack / "units.yaml"
    units_file.write_text(_with_units(units_file.read_text(encoding="utf-8"), listing), encoding="utf-8")
    return reports, pack


def _with_units(text: str, listing: str) -> str:
    """``units.yaml``'s text with ``listing`` after the last entry of its ``units:`` list (found by its
    entries, not by the comment after them, which may be reworded: the clones were then silently left out,
    and every generated report was refused as of an unknown unit)."""
    lines = text.splitlines(keepends=True)
    start = lines.index("units:\n")
    end = start + 1
    while end < len(lines) and lines[end].startswith("  - "):
        end += 1
    if end == start + 1:
        raise SystemExit(f"bulk.generate: no entries under units: in units.yaml (line {start + 1})")
    return "".join([*lines[:end], listing, *lines[end:]])


def _moved(text: str, years: int) -> str:
    """Every year in ``text`` ``years`` later."""
    return _YEAR.sub(lambda year: str(int(year.group(1)) + years), text)


def _varied(text: str, clone: int) -> str:
    """Every figure of 10 or more (not a year) a little larger for each clone (``x + x * clone // 997``): a
    larger figure stays larger, so a report that was valid stays valid, and most figures of the run are
    met once."""

    def scaled(figure: re.Match[str]) -> str:
        value = int(figure.group(1))
        return figure.group(1) if value < 10 or 2000 <= value <= 2039 else str(value + value * clone // 997)

    return _FIGURE.sub(scaled, text)
