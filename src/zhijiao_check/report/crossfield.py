"""Errors that involve more than one field: the unit against the unit list, duplicate names, counts that
exceed their total, a ``city:`` block outside the city's own report."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from zhijiao_check.characters import difference
from zhijiao_check.problems import Problem
from zhijiao_check.report.codes import KIND_LABELS
from zhijiao_check.report.raw import (
    cell_of,
    count,
    entries,
    label_of,
    line_of,
    mapping,
    name,
    problem_at,
)
from zhijiao_check.report.scalars import CURLY_QUOTES, NONE_WORDS
from zhijiao_check.source import Path_, Positions
from zhijiao_check.units import UNIT_KINDS, Merged, Unit, UnitRegistry
from zhijiao_check.wording import Join

# Parts of the teaching staff, each at most ``teachers``.
_PARTS_OF_TEACHERS = ("dual_qualified_teachers", "teachers_rotated", "professional_teachers")


def cross_field_problems(
    data: dict[str, Any], positions: Positions, units: UnitRegistry, file: str
) -> list[Problem]:
    unit_problems, known = _unit(mapping(data.get("unit")), _year(data.get("year")), positions, units, file)
    return (
        unit_problems
        + _city_block(data, known, positions, file)
        + _schools(data, positions, file)
        + _repeated_names(data, positions, file)
        + _evaluated_after_year(data, positions, file)
        + _school_years(data, positions, file)
    )


# Lists of names that rules count: a name written twice would be counted twice.
_NAME_LISTS: tuple[Path_, ...] = (
    ("leading_industries",),
    ("city", "demonstration_parks"),
    ("city", "vocational_groups"),
)


def _repeated_names(data: dict[str, Any], positions: Positions, file: str) -> list[Problem]:
    problems = []
    for path in _NAME_LISTS:
        items = mapping(data.get("city")).get(str(path[1])) if path[0] == "city" else data.get(str(path[0]))
        first: dict[str, int] = {}
        listed = items if isinstance(items, list) else []
        only_none = all(isinstance(item, str) and item.strip().lower() in NONE_WORDS for item in listed)
        for index, item in enumerate(listed):
            item_name = name(item)
            if item_name is None:
                continue
            if item_name.strip().lower() in NONE_WORDS:
                # ``[无]`` is one industry named 无 to a rule that counts them: none is ``[]``
                code = "none-as-name" if only_none else "none-beside-names"
                problems.append(problem_at(file, positions, (*path, index), code, found=item_name))
                continue
            if item_name in first:
                problems.append(
                    problem_at(
                        file,
                        positions,
                        (*path, index),
                        "duplicate-entry",
                        name=item_name,
                        first=first[item_name] + 1,
                    )
                )
            else:
                first[item_name] = index
    return problems


def _evaluated_after_year(data: dict[str, Any], positions: Positions, file: str) -> list[Problem]:
    """A major cannot have been evaluated after the year the report is about."""
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 2000 <= year <= 2100:
        return []  # no valid year to compare with (its own error is listed)
    problems = []
    for index, school in entries(data.get("schools")):
        for number, major in entries(school.get("majors")):
            evaluated = major.get("evaluated_in")
            if isinstance(evaluated, int) and not isinstance(evaluated, bool) and year < evaluated <= 2100:
                problems.append(
                    problem_at(
                        file,
                        positions,
                        ("schools", index, "majors", number, "evaluated_in"),
                        "evaluated-after-year",
                        found=evaluated,
                        year=year,
                    )
                )
    return problems


def _year(value: Any) -> int | None:
    """A year within the format's bounds, else ``None`` (its own error is listed)."""
    valid = isinstance(value, int) and not isinstance(value, bool) and 2000 <= value <= 2100
    return value if valid else None


def _school_years(data: dict[str, Any], positions: Positions, file: str) -> list[Problem]:
    """A school cannot have been founded or upgraded after the year the report is about, nor upgraded before
    it was founded: either year is then mistyped (2025 in a report of 2024; 升格 2001 before 建校 2004), and
    both passed as valid, as an evaluation after the report's year once did."""
    year = _year(data.get("year"))
    problems = []
    for index, school in entries(data.get("schools")):
        path = ("schools", index)
        established, upgraded = _year(school.get("established")), _year(school.get("upgraded"))
        for field, found, code in (
            ("established", established, "established-after-year"),
            ("upgraded", upgraded, "upgraded-after-year"),
        ):
            if year is not None and found is not None and found > year:
                problems.append(problem_at(file, positions, (*path, field), code, found=found, year=year))
        if established is not None and upgraded is not None and upgraded < established:
            problems.append(
                problem_at(
                    file,
                    positions,
                    (*path, "upgraded"),
                    "upgraded-before-established",
                    found=upgraded,
                    established=established,
                    established_at=cell_of(positions, (*path, "established")),
                )
            )
    return problems


def _unit(
    unit: dict[str, Any], year: int | None, positions: Positions, units: UnitRegistry, file: str
) -> tuple[list[Problem], Unit | None]:
    """Problems with ``unit:``, and the unit it names if that is a known one (in the report's ``year``: a
    former name before its renaming, a unit merged into another before its merger)."""
    given = unit.get("name")
    if not isinstance(given, str) or not given.strip():
        return [], None  # blank or missing: the model reports it
    known = units.unit_in(given, year)
    if known is None and given != given.strip() and units.unit_in(given.strip(), year) is not None:
        return [], units.unit_in(given.strip(), year)  # spaces around a known name: the field's check says so
    if known is None:
        return [_unknown_unit(given, year, units, file, positions, unit.get("code"))], None
    problems = []
    kind = unit.get("kind")
    if kind in UNIT_KINDS and kind != known.kind:
        problems.append(
            problem_at(
                file,
                positions,
                ("unit", "kind"),
                "kind-mismatch",
                name=known.name,
                kind=kind,
                expected=known.kind,
                kind_label=KIND_LABELS[kind],  # as a workbook's drop-down list shows it
                expected_label=KIND_LABELS[known.kind],
            )
        )
    code = unit.get("code")
    if isinstance(code, str) and code.strip() and code.strip() != known.code:
        if known.code is not None and code.strip().strip(CURLY_QUOTES) == known.code:
            # “431103” typed with a Chinese input method: the right code in the wrong quotes.
            problems.append(
                problem_at(
                    file, positions, ("unit", "code"), "code-curly-quotes", code=code, expected=known.code
                )
            )
        elif known.code is not None and code.strip().strip("\"'") == known.code:
            # "431103" typed into a cell as YAML writes it, or quoted twice in YAML: the quotes are its part.
            problems.append(
                problem_at(file, positions, ("unit", "code"), "code-quoted", code=code, expected=known.code)
            )
        elif known.code is None:
            problems.append(
                problem_at(
                    file, positions, ("unit", "code"), "code-not-applicable", code=code, name=known.name
                )
            )
        elif (renamed := units.old_code_of(known.name, code.strip())) and (
            year is None or year < renamed.year
        ):
            pass  # the code the unit had in the report's year (under its old name or its new one)
        elif renamed:
            problems.append(
                problem_at(
                    file,
                    positions,
                    ("unit", "code"),
                    "code-renamed",
                    code=code,
                    old=renamed.old,
                    name=known.name,
                    year=renamed.year,
                    expected=known.code,
                )
            )
        else:
            problems.append(
                problem_at(
                    file,
                    positions,
                    ("unit", "code"),
                    "code-mismatch",
                    code=code,
                    name=known.name,
                    expected=known.code,
                )
            )
    return problems, known


def _city_block(data: dict[str, Any], known: Unit | None, positions: Positions, file: str) -> list[Problem]:
    if "city" not in data:
        return []
    if known is not None and known.kind == "city":
        return _park_funding(mapping(data.get("city")), positions, file)
    # The unit list decides; the written kind only when the name is unknown (its own error is listed anyway).
    unit = mapping(data.get("unit"))
    kind = known.kind if known else unit.get("kind")
    if kind not in UNIT_KINDS or kind == "city":
        return []
    shown = known.name if known else unit.get("name", "")
    return [
        problem_at(
            file,
            positions,
            ("city",),
            "city-block-not-city",
            at_key=True,
            name=shown,
            kind=kind,
            kind_label=KIND_LABELS[kind],
        )
    ]


def _park_funding(block: dict[str, Any], positions: Positions, file: str) -> list[Problem]:
    """``park_funding`` names the parks of ``demonstration_parks``, each once, every one of them: a park left
    out would pass c8.park-funding unseen (write ``amount: 0`` for a park given nothing)."""
    parks = [p.strip() for p in block.get("demonstration_parks") or [] if isinstance(p, str)]
    if "park_funding" not in block or not isinstance(block.get("demonstration_parks"), list):
        return []
    problems = [
        problem_at(file, positions, at, "duplicate-park", name=twice, first_line=first_line)
        for at, twice, first_line in _duplicates(
            block.get("park_funding"), ("city", "park_funding"), positions
        )
    ]
    funded = []
    for index, entry in entries(block.get("park_funding")):
        park = name(entry.get("name"))
        if park is None:
            continue
        funded.append(park)
        if park not in parks:
            problems.append(
                problem_at(
                    file,
                    positions,
                    ("city", "park_funding", index, "name"),
                    "unknown-park",
                    name=park,
                    parks=Join(tuple(parks)),
                )
            )
    unfunded = [p for p in parks if p not in funded]
    if unfunded and isinstance(block.get("park_funding"), list):
        problems.append(
            problem_at(
                file, positions, ("city", "park_funding"), "park-without-funding", parks=Join(tuple(unfunded))
            )
        )
    return problems


def _schools(data: dict[str, Any], positions: Positions, file: str) -> list[Problem]:
    problems = [
        problem_at(file, positions, at, "duplicate-school", name=twice, first_line=first_line)
        for at, twice, first_line in _duplicates(data.get("schools"), ("schools",), positions)
    ]
    for index, school in entries(data.get("schools")):
        path = ("schools", index)
        teachers = count(school.get("teachers"))
        for field in _PARTS_OF_TEACHERS:
            part = count(school.get(field))
            if teachers is not None and part is not None and part > teachers:
                problems.append(
                    problem_at(
                        file,
                        positions,
                        (*path, field),
                        "exceeds-teachers",
                        field=field,
                        value=part,
                        teachers=teachers,
                        # in a workbook, the labels and the cell it is compared with
                        label=label_of(positions, (*path, field)),
                        whole=label_of(positions, (*path, "teachers")),
                        whole_at=cell_of(positions, (*path, "teachers")),
                    )
                )
        # The 双师型 teachers are specialised-course teachers (c11.dual-qualified-share's denominator where
        # given): more would raise the city's share. Said once: more than all teachers is said above.
        dual, professional = (
            count(school.get("dual_qualified_teachers")),
            count(school.get("professional_teachers")),
        )
        above_all = teachers is not None and dual is not None and dual > teachers
        if dual is not None and professional is not None and dual > professional and not above_all:
            problems.append(
                problem_at(
                    file,
                    positions,
                    (*path, "dual_qualified_teachers"),
                    "exceeds-professional-teachers",
                    value=dual,
                    professional=professional,
                    label=label_of(positions, (*path, "dual_qualified_teachers")),
                    whole=label_of(positions, (*path, "professional_teachers")),
                    whole_at=cell_of(positions, (*path, "professional_teachers")),
                )
            )
        problems += [
            problem_at(
                file,
                positions,
                at,
                "duplicate-major",
                name=twice,
                first_line=first_line,
                school=name(school.get("name")) or "",
            )
            for at, twice, first_line in _duplicates(school.get("majors"), (*path, "majors"), positions)
        ]
    return problems


def _duplicates(items: Any, path: Path_, positions: Positions) -> Iterator[tuple[Path_, str, int]]:
    """Each entry whose name an earlier entry has: where its name stands, the name, the first one's line."""
    first: dict[str, int] = {}
    for index, item in entries(items):
        item_name = name(item.get("name"))
        if item_name is None:
            continue
        if item_name in first:
            yield (*path, index, "name"), item_name, line_of(positions, (*path, first[item_name], "name"))
        else:
            first[item_name] = index


def _unknown_unit(
    given: str, year: int | None, units: UnitRegistry, file: str, positions: Positions, code: object = None
) -> Problem:
    """What a name the unit list does not know for ``year`` is: a name typed in Chinese quotes, a unit of a
    year before it was created, a unit merged into another (itself, or under a former name, of a year since
    the merger: named with the unit that holds its figures that year), a former name of a year since its
    renaming, or a misspelling (with the unit its ``code`` names, else the nearest name, or the list). Each
    code is a literal here: the catalogue test finds the codes ``problem_at`` is called with."""
    at = ("unit", "name")
    stripped = given.strip()
    change = units.change(stripped, year)
    if isinstance(change, Unit):
        return problem_at(file, positions, at, "unit-not-yet", name=given, since=change.since, year=year)
    quoted = units.get(stripped.strip(CURLY_QUOTES).strip())
    if quoted is not None:  # “冷水滩区” typed with a Chinese input method: the quotes are part of the name
        return problem_at(file, positions, at, "unit-name-curly-quotes", name=given, expected=quoted.name)
    if isinstance(change, Merged):
        return problem_at(file, positions, at, "unit-merged", name=given, **units.merger(change, year))
    if change is not None:
        new = units.current_name(change.new)
        return problem_at(file, positions, at, "unit-renamed", name=given, new=new, year=change.year)
    # A name written short says its unit (东安: 东安县), whatever the code: a report copied from another
    # unit's keeps that unit's code, and the code's unit, once written, would score one county's figures as
    # another's. Else the report's code says which unit it is (江华县 with 431129 is 江华瑶族自治县, not the
    # 江永县 spelled most alike), where the unit list knows it; else the nearest name.
    from zhijiao_check.unitnames import short_form_of

    coded = units.coded(code.strip(), year) if isinstance(code, str) else None
    suggestion = (
        short_form_of(given, (unit.name for unit in units))
        or (coded.name if coded is not None else None)
        or units.suggest(given)
    )
    if suggestion and (differs := difference(given, suggestion)):
        return problem_at(
            file, positions, at, "unknown-unit-lookalike", name=given, suggestion=suggestion, differs=differs
        )
    if suggestion:
        return problem_at(file, positions, at, "unknown-unit", name=given, suggestion=suggestion)
    known = Join(tuple(u.name for u in units))
    return problem_at(file, positions, at, "unknown-unit-no-match", name=given, known=known)
