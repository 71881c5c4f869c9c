"""A realistic 2021–2025 set for all 15 units, derived from the bundled 2022 and 2023 samples.

2021 is 2022 a year earlier, 2024 and 2025 are 2023 a year and two later; each derived report says of its
previous year what that year's report says (``previous_enrollment``, ``pathway_3plus2.previous``), so only the
changes made on purpose show. Two city-wide figures follow hand-chosen series whose projections the tests work
out by hand, and 东安县 drops its private school (东安县舜德职业学校) in 2024.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
YEARS = (2021, 2022, 2023, 2024, 2025)
# city.demonstration_enterprises (target 30 by 2025, linear): rising too slowly, off track.
ENTERPRISES = {2021: 5, 2022: 8, 2023: 12, 2024: 15, 2025: 21}
# city.provincial_teaching_teams (target 30 by 2025, linear): on track.
TEAMS = {2021: 7, 2022: 13, 2023: 19, 2024: 24, 2025: 32}
DROPPED_SCHOOL = ("dongan", "东安县舜德职业学校", 2024)  # file stem, school, first year without it


def copy_year(source: int, dest: Path, year: int) -> Path:
    """The samples of ``source`` copied to ``dest/<year>``, their ``year:`` said as ``year``; the folder."""
    folder = dest / str(year)
    shutil.copytree(SAMPLES / str(source), folder)
    if source != year:
        for path in folder.glob("*.yaml"):
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace(f"year: {source}", f"year: {year}", 1), encoding="utf-8")
    return folder


def write_years(dest: Path, years: tuple[int, ...] = YEARS) -> Path:
    """``dest/<year>/<unit>.yaml`` for each year; returns ``dest``."""
    for year in (2022, 2023):
        if year in years:
            shutil.copytree(SAMPLES / str(year), dest / str(year))
    previous: dict[str, dict[str, Any]] = {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in (SAMPLES / "2023").glob("*.yaml")
    }
    for year in (2024, 2025):
        current = {stem: derive(data, year, data, stem) for stem, data in previous.items()}
        if year in years:
            save(dest / str(year), current)
        previous = current
    if 2021 in years:
        later = {
            path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in (SAMPLES / "2022").glob("*.yaml")
        }
        save(dest / "2021", {stem: earlier(derive(data, 2021, None, stem)) for stem, data in later.items()})
    return dest


def derive(
    source: Mapping[str, Any], year: int, before: Mapping[str, Any] | None, stem: str
) -> dict[str, Any]:
    data = copy.deepcopy(dict(source))
    data["year"] = year
    if stem == DROPPED_SCHOOL[0] and year >= DROPPED_SCHOOL[2]:
        kept = [s for s in data["schools"] if s["name"] != DROPPED_SCHOOL[1]]
        dropped = [s for s in data["schools"] if s["name"] == DROPPED_SCHOOL[1]]
        data["schools"] = kept
        data["enrollment"]["secondary_vocational"] -= sum(
            m["enrollment"] for s in dropped for m in s.get("majors", [])
        )
    for school in data.get("schools", []):
        if school.get("established", 0) > year:
            school["established"] = year
        for major in school.get("majors") or []:
            if major.get("evaluated_in", 0) > year:
                major["evaluated_in"] = year
    if before is not None:
        then = {
            (s["name"], m["name"]): m["enrollment"]
            for s in before.get("schools", [])
            for m in s.get("majors") or []
            if "enrollment" in m
        }
        for school in data.get("schools", []):
            for major in school.get("majors") or []:
                if (school["name"], major["name"]) in then:
                    major["previous_enrollment"] = then[(school["name"], major["name"])]
        if "pathway_3plus2" in data and "pathway_3plus2" in before:
            data["pathway_3plus2"]["previous"] = before["pathway_3plus2"]["current"]
    if "city" in data:
        data["city"]["demonstration_enterprises"] = ENTERPRISES[year]
        data["city"]["provincial_teaching_teams"] = TEAMS[year]
    return data


def earlier(data: dict[str, Any]) -> dict[str, Any]:
    """A year before a report: what it says of its previous year becomes that year's own figures."""
    for school in data.get("schools", []):
        for major in school.get("majors") or []:
            if "previous_enrollment" in major:
                major["enrollment"] = major["previous_enrollment"]
    if "pathway_3plus2" in data:
        data["pathway_3plus2"]["current"] = data["pathway_3plus2"]["previous"]
    data["enrollment"]["secondary_vocational"] = sum(  # as the samples have it: the sum of the majors
        major["enrollment"]
        for school in data.get("schools", [])
        if school["level"] == "secondary"
        for major in school.get("majors") or []
    )
    return data


def save(directory: Path, reports: Mapping[str, Mapping[str, Any]]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for stem, data in reports.items():
        text = yaml.safe_dump(dict(data), allow_unicode=True, sort_keys=False, width=120)
        (directory / f"{stem}.yaml").write_text(text, encoding="utf-8")
