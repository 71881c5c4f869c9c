"""Waivers (豁免): a target a unit is excused from for a year or until a date, with the reason and who
approved it.

A waivers file is TOML, one ``[[waiver]]`` table each::

    [[waiver]]
    rule = "c16.secondary-funding"
    unit = "东安县"                 # a unit's name or code; 全市 for a city-wide rule
    year = 2023                     # the statistical year excused; and/or
    expires = 2024-06-30            # the last day the waiver holds
    reason = "县财政 2023 年预算已执行完毕，2024 年补足"
    approved-by = "永州市教育局"
    document = "永教函〔2024〕3号"

A result that is not met (``fail``, ``missing``, ``warn``, ``behind``) and that a waiver matches gets the
status ``waived``: it does not fail the run and is left out of the score. Waivers are applied after every rule
is computed, so a rule that depends on another's status (``when``) still sees the real one. An expired waiver
excuses nothing and is a warning where the run holds a result it would have matched (its rule, unit and year:
one of a year or unit the run has no report of is not told); so is a waiver that matches no result that is not
met of a unit and year the run checked (a stale waiver, or a target now met). A waiver whose unit its rule is
never checked for (a unit on a city-wide rule, 全市 on a unit's rule, a county rule for 市本级) is refused
when the file is read.
A renamed unit's former name or code names the unit in a ``year`` before the renaming, and a unit merged into
another is its own in a ``year`` before the merger, as a report of that year may name them; without a
``year``, or from the renaming's or merger's year on, the waiver is refused, saying which. ``--ignore`` is for
leaving out whole rules; a waiver is for one unit's result, with a reason on record. A reason, approver or
document may be written over several lines (a TOML multi-line string): kept so, each line break
``\\n``; the note a result shows joins them (``document.waiver_note``).
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from zhijiao_check.characters import cleaned, describe
from zhijiao_check.engine.waiver import Waiver
from zhijiao_check.errors import FatalError
from zhijiao_check.files import display_name
from zhijiao_check.patterns import later
from zhijiao_check.problems import Problem, said_of
from zhijiao_check.settings.toml import TomlFile, read_toml, toml_literal
from zhijiao_check.status import NOT_MET, Status
from zhijiao_check.units import CITY_WIDE, Merged, Unit
from zhijiao_check.wording import Join, msg

if TYPE_CHECKING:
    from collections.abc import Callable

    from zhijiao_check.engine.results import Evaluation, RuleResult, Run
    from zhijiao_check.kinds import AnyRule
    from zhijiao_check.units import UnitRegistry

    E = TypeVar("E", bound=Evaluation)

WAIVABLE = frozenset(NOT_MET)
REQUIRED = ("rule", "unit", "reason", "approved-by", "document")
KNOWN = (*REQUIRED, "year", "expires")
# The texts a clerk may write at length, over several lines (a TOML multi-line string, ``"""…"""``): kept as
# written, their line breaks as ``\n``; a view of one line a result shows them in joins the lines
# (``characters.one_line``).
FREE_TEXT = ("reason", "approved-by", "document")
# Control characters (C0, DEL, C1): a waiver's texts are shown in every output, where an escape sequence
# recolours a terminal and a line break in a rule's ID or a unit's name is no name. Line breaks and tabs in a
# free text are text.
_CONTROL = later("[\x00-\x1f\x7f-\x9f]")
_CONTROL_IN_FREE_TEXT = later("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def load(path: Path, rules: Mapping[str, AnyRule], units: UnitRegistry) -> tuple[Waiver, ...]:
    """Every waiver of the file (``rules``: every rule of the run's packs, by ID); raises ``FatalError``
    listing every problem (a waiver without a reason, an unknown rule or unit, a unit its rule is never
    checked for, a year that is not a year) so that nothing is excused by mistake."""
    read = read_toml(path, display_name(path))
    if isinstance(read, Problem):
        raise FatalError("invalid-waivers", said_of((read,), "waivers"), file=display_name(path))
    entries = read.data.get("waiver", [])
    problems = [
        read.problem((), (key,), "unknown-key", key=key, known="[[waiver]]")
        for key in read.data
        if key != "waiver"
    ]
    if not isinstance(entries, list):
        problems.append(
            read.problem(
                (),
                ("waiver",),
                "wrong-type",
                key="waiver",
                found=toml_literal(entries),
                expected="[[waiver]]",
            )
        )
        entries = []
    waivers: list[Waiver] = []
    for index, entry in enumerate(entries):
        found = _entry(read, index, entry, rules, units)
        if isinstance(found, Waiver):
            waivers.append(found)
        else:
            problems += found
    if problems:
        raise FatalError("invalid-waivers", problems, file=display_name(path))
    return tuple(waivers)


def _entry(
    toml: TomlFile, index: int, entry: Mapping[str, Any], rules: Mapping[str, AnyRule], units: UnitRegistry
) -> Waiver | list[Problem]:
    def problem(key: str, code: str, **params: object) -> Problem:
        return toml.problem((), ("waiver", index, key), code, key=key, **params)

    problems = [problem(key, "unknown-key", known=Join(KNOWN)) for key in entry if key not in KNOWN]
    for key in REQUIRED:
        value = entry.get(key)
        if key in entry and not isinstance(value, str):  # there, of the wrong type: not "has no"
            problems.append(problem(key, _not_text(key, value), found=toml_literal(value)))
        elif isinstance(value, str) and (
            control := (_CONTROL_IN_FREE_TEXT if key in FREE_TEXT else _CONTROL).search(value)
        ):
            # an escape sequence the outputs would carry: refused, not garbled or hidden
            at = {"code_point": describe(control.group()), "position": control.start() + 1}
            problems.append(problem(key, "waiver-control-character", **at))
        elif not isinstance(value, str) or not cleaned(value).strip():  # "\u200b" is no reason either
            problems.append(problem(key, "waiver-needs", found=toml_literal(value) if key in entry else "—"))
    rule, unit, year, expires = entry.get("rule"), entry.get("unit"), entry.get("year"), entry.get("expires")
    if isinstance(rule, str) and rule and rule not in rules:
        close = difflib.get_close_matches(rule, list(rules), n=1)
        if close:
            problems.append(problem("rule", "waiver-unknown-rule", rule=rule, suggestion=close[0]))
        else:
            problems.append(problem("rule", "waiver-unknown-rule-none", rule=rule))
    year_given = year if type(year) is int else None
    name = _unit_name(unit, units, year_given) if isinstance(unit, str) and unit else None
    if isinstance(unit, str) and unit and name is None:
        problems.append(_unknown_unit(unit, units, year_given, problem))
    elif isinstance(unit, str) and name is not None and isinstance(rule, str) and rule in rules:
        problems += _never_checked(rules[rule], unit.strip(), name, year_given, units, problem)
    if year is None and expires is None:
        problems.append(problem("year", "waiver-needs-time"))
    if isinstance(year, str) and year.strip().isdecimal() and year.strip().isascii():
        problems.append(problem("year", "quoted-value", write=year.strip()))
    elif year is not None and (
        isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100
    ):
        problems.append(problem("year", "wrong-type", found=toml_literal(year), expected="2023"))
    if isinstance(expires, str) and _iso_date(expires.strip()):
        problems.append(problem("expires", "quoted-value", write=expires.strip()))
    elif expires is not None and (not isinstance(expires, date) or hasattr(expires, "hour")):
        problems.append(problem("expires", "wrong-type", found=toml_literal(expires), expected="2024-06-30"))
    if problems:
        return problems
    line, column = toml.locate((), ("waiver", index, "rule"))
    return Waiver(
        str(rule),
        str(name),
        _free_text(entry["reason"]),
        _free_text(entry["approved-by"]),
        _free_text(entry["document"]),
        year,
        expires,
        toml.display,
        line,
        column,
    )


def _free_text(value: str) -> str:
    """A waiver's free text as written, invisible characters taken out, its ends trimmed, each line break
    ``\\n`` (a ``\\r\\n`` written as an escape, or a lone ``\\r``, one too: the JSON is the same from
    Windows)."""
    return cleaned(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _not_text(key: str, value: object) -> str:
    """The code for a waiver's text field given another type: a list of rules or units (a waiver names one),
    else anything that is no text."""
    return "waiver-one-each" if isinstance(value, list) and key in ("rule", "unit") else "waiver-not-text"


def _unknown_unit(
    given: str, units: UnitRegistry, year: int | None, problem: Callable[..., Problem]
) -> Problem:
    """A unit the list does not have (in ``year``): a unit merged into another, or a renamed unit's former
    name or code, is told as a report's is (``“金洞管理区”已于 2023 年并入“祁阳市”``,
    ``“祁阳县”已于 2021 年更名为“祁阳市”``), not as a typo; any other, with the nearest name. The name told
    is the one the unit has now, through every later renaming."""
    stripped = given.strip()
    change = units.change(stripped, year)
    if isinstance(change, Unit):
        return problem("unit", "waiver-unit-not-yet", name=change.name, since=change.since, year=year)
    if isinstance(change, Merged):
        name = change.name if stripped.isdecimal() else stripped  # a code (its own or a former one): its unit
        return problem("unit", "waiver-unit-merged", name=name, **units.merger(change, year))
    if change is not None and stripped == change.old_code:
        name = units.current_name(change.new)
        now = units.unit_in(name, year) or units.get(name)
        expected = now.code if now is not None and now.code else name
        return problem(
            "unit",
            "waiver-code-renamed",
            old_code=stripped,
            old=change.old,
            name=name,
            year=change.year,
            expected=expected,
        )
    if change is not None:
        new = units.current_name(change.new)
        return problem("unit", "waiver-unit-renamed", name=stripped, new=new, year=change.year)
    return problem("unit", "waiver-unknown-unit", unit=given, suggestion=units.suggest(given) or CITY_WIDE)


def _never_checked(
    rule: AnyRule,
    given: str,
    name: str,
    year: int | None,
    units: UnitRegistry,
    problem: Callable[..., Problem],
) -> list[Problem]:
    """A unit the rule is never checked for, so that the waiver could match nothing: a unit's name on a
    city-wide rule (its result is the whole city's, 全市), 全市 on a rule of each unit's report, or a unit
    of a kind the rule does not check (a county rule waived for 市本级, or for a management area since merged
    into a county, in a year before the merger). ``given``: the unit as written, ``name``: the unit it names
    in ``year``."""
    if rule.scope == "city":
        if name == CITY_WIDE:
            return []
        return [problem("unit", "waiver-city-wide-rule", rule=rule.id, unit=given)]
    if name == CITY_WIDE:
        example = next((u.name for u in units if u.kind in rule.units), "")
        return [problem("unit", "waiver-unit-rule", rule=rule.id, example=example)]
    known = units.unit_in(name, year)  # a merged unit is not in the list (``units.get``), but has a kind
    if known is None or known.kind in rule.units:
        return []
    kinds = Join(tuple(msg(f"render.kind-{kind}") for kind in rule.units))
    kind = msg(f"render.kind-{known.kind}")
    return [problem("unit", "waiver-unit-kind", rule=rule.id, unit=given, kind=kind, kinds=kinds)]


def _iso_date(text: str) -> bool:
    """Whether ``text`` is a date as TOML writes one unquoted (``2024-06-30``)."""
    try:
        return len(text) == 10 and bool(date.fromisoformat(text))
    except ValueError:
        return False


def _unit_name(given: str, units: UnitRegistry, year: int | None) -> str | None:
    """The unit a waiver's ``unit`` names, as its results name it: by name or code; with a ``year``, also a
    former name or code in a year before its renaming (its results are the unit's under its name now, and a
    report of that year may give the old code) or a unit merged into another (by its name or its code) in a
    year before its merger, as a report of that year may be filed (``UnitRegistry.unit_in``, ``coded``)."""
    given = given.strip()
    if given == CITY_WIDE:
        return CITY_WIDE
    if year is None:
        unit = units.get(given) or units.by_code(given)
    else:  # a unit of the list too only from the year it was created (``Unit.since``)
        unit = units.unit_in(given, year) or units.coded(given, year)
    return unit.name if unit else None


def apply(run: Run, waivers: Sequence[Waiver], today: date, selected: AbstractSet[str] | None = None) -> Run:
    """The run with each result that an active waiver matches made ``waived``, and a warning for each waiver
    that has expired or matches no result that is not met; ``selected``: the rules run (None: all)."""
    excuse = Excuser(waivers, today, selected)
    reports = tuple(excuse(e, e.unit) for e in run.reports)
    city = tuple(excuse(e, CITY_WIDE) for e in run.city)
    evaluated = {(e.unit, e.year) for e in run.reports} | {(CITY_WIDE, e.year) for e in run.city}
    warnings = excuse.warnings(evaluated)
    return dataclasses.replace(run, reports=reports, city=city, warnings=(*run.warnings, *warnings))


class Excuser:
    """Waivers applied one evaluation at a time (a large run keeps no evaluation whole), remembering which
    waivers were used; ``warnings`` once every evaluation has been excused."""

    def __init__(
        self, waivers: Sequence[Waiver], today: date, selected: AbstractSet[str] | None = None
    ) -> None:
        self.waivers = waivers
        self.today = today
        self.selected = selected
        self.active = [w for w in waivers if w.expires is None or w.expires >= today]
        self.expired = [w for w in waivers if w.expires is not None and w.expires < today]
        self.used: set[Waiver] = set()
        # the expired waivers that match a result of the run: those alone are told, as the run would have
        # put them to the test (a waiver of 2021 run on 2023's reports, or of a unit the run has no report
        # of, changes nothing the run shows)
        self.outlived: set[Waiver] = set()

    def __call__(self, evaluation: E, unit: str) -> E:
        """``unit``: the report's unit, or 全市 for a city-wide year."""
        results = tuple(self.result(r, unit, evaluation.year) for r in evaluation.results)
        return dataclasses.replace(evaluation, results=results)

    def result(self, result: RuleResult, unit: str, year: int) -> RuleResult:
        """One result of ``unit`` in ``year``, excused if an active waiver matches it."""
        for waiver in self.expired:
            if waiver.matches(result.rule.id, unit, year):
                self.outlived.add(waiver)
        return _excused(result, unit, year, self.active, self.used)

    def warnings(self, evaluated: AbstractSet[tuple[str, int]]) -> list[Problem]:
        """Each waiver that has expired and would have matched a result of the run, and each active one that
        excused nothing of what was ``evaluated``: (unit, year) of each valid report of the run, and (全市,
        year) of each year whose city-wide rules were evaluated."""
        warnings = [
            w.problem("waiver-expired", expires=w.expires.isoformat())
            for w in self.expired
            if w.expires is not None and w in self.outlived
        ]
        # A waiver of a rule the run left out (--select, --ignore), or of a unit and year it has no report of
        # (the waivers file of the config, kept over the years and the units, run on one report; 全市 in a
        # year whose city-wide rules were not evaluated), was not put to the test: "the result is met or the
        # entry is wrong" would tell the user to delete a waiver that may still be needed.
        # The units of any year, once: a waiver without a year is put to the test by any of its unit's
        # reports, and a run may hold 10,000 of them.
        units = {unit for unit, _ in evaluated}
        # A waiver entered twice: the second excuses nothing (the first came before), which "the entry is
        # wrong" misnamed
        repeats = _repeats(self.active)
        warnings += [
            w.problem("waiver-repeats", year=w.year or "—", first=first.line) for w, first in repeats.items()
        ]
        return warnings + [
            w.problem("waiver-unused", year=w.year or "—")
            for w in self.active
            if w not in self.used
            and w not in repeats
            and (self.selected is None or w.rule in self.selected)
            and _put_to_the_test(w, evaluated, units)
        ]


def _repeats(waivers: Sequence[Waiver]) -> dict[Waiver, Waiver]:
    """Each waiver of the same rule, unit and year as an earlier one, with that one."""
    first: dict[tuple[str, str, int | None], Waiver] = {}
    repeats: dict[Waiver, Waiver] = {}
    for waiver in waivers:
        earlier = first.setdefault((waiver.rule, waiver.unit, waiver.year), waiver)
        if earlier is not waiver:
            repeats[waiver] = earlier
    return repeats


def _put_to_the_test(
    waiver: Waiver, evaluated: AbstractSet[tuple[str, int]], units: AbstractSet[str]
) -> bool:
    """Whether the run evaluated the unit (or 全市) of ``waiver`` in its year, or in any year for a waiver
    that gives none (one until a date); ``units``: the units of ``evaluated``."""
    if waiver.year is not None:
        return (waiver.unit, waiver.year) in evaluated
    return waiver.unit in units


def _excused(
    result: RuleResult, unit: str, year: int, active: Sequence[Waiver], used: set[Waiver]
) -> RuleResult:
    if result.status not in WAIVABLE:
        return result
    waiver = next((w for w in active if w.matches(result.rule.id, unit, year)), None)
    if waiver is None:
        return result
    used.add(waiver)
    return dataclasses.replace(result, status=Status.WAIVED, waiver=waiver, waived_status=result.status)
