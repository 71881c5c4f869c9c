"""Scores reports against a rule pack: each report on its own, then each year's whole city.

Reports are grouped by year. Unit and school rules run on every valid report; city rules run for a year
only when that year's 市本级 report is among the inputs, over all reports of that year.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from operator import attrgetter
from typing import Any, NamedTuple

from zhijiao_check.engine import timing
from zhijiao_check.engine.duplicates import DIFFERING, set_aside, unique
from zhijiao_check.engine.results import CityEvaluation, ReportEvaluation, RuleResult, Run
from zhijiao_check.engine.runtrends import refused_years
from zhijiao_check.kinds import AnyRule, measurer, reads_city_block_only
from zhijiao_check.measure.conditions import once
from zhijiao_check.measure.numbers import SHOWN, Exact, at_places, band, decimals, exact, places, show
from zhijiao_check.measure.outcome import Measure
from zhijiao_check.measure.scope import Location, Scope, roots
from zhijiao_check.pack.load import RulePack
from zhijiao_check.pack.schema import PackInfo
from zhijiao_check.report import InvalidReport, ReportFile
from zhijiao_check.status import Status
from zhijiao_check.units import UnitRegistry
from zhijiao_check.wording import Join, Msg, Once, Wording, msg, seq


def evaluate(
    reports: Sequence[ReportFile],
    invalid: Sequence[InvalidReport],
    packs: Sequence[RulePack],
    *,
    selected: set[str] | None = None,
    strict: bool = False,
    previous: Sequence[ReportFile] = (),
    notices: Sequence[Wording] = (),
    scored: Mapping[str, ReportEvaluation] | None = None,
    city_required: Mapping[int, str] | None = None,
) -> Run:
    """The results carry wording, not text: one run renders in any language. ``selected``: the rule IDs to
    show and score (all when None); every rule is still computed,
    since a rule may apply only when another has a given status. ``previous``: earlier reports
    (``--previous``),
    not scored, only compared with (what a unit no longer lists). ``notices``: the caller's, shown first.
    ``scored``: reports already scored (by ``evaluate_report`` in worker processes), by file.
    ``city_required``: by year, where the roster lists the 市本级 as a unit that must file
    (``evaluate_city``)."""
    units = packs[0].units  # the main pack's (pack.load.load_packs)
    valid, duplicates = unique(reports, invalid)
    valid.sort(key=report_order(units))
    by_year: dict[int, list[ReportFile]] = {}
    for report in valid:
        by_year.setdefault(report.year, []).append(report)

    done = scored or {}
    evaluations = [done.get(report.file) or evaluate_report(report, packs, selected) for report in valid]

    from zhijiao_check.report.pathyear import elsewhere

    # a unit whose reports of a year differ filed none that counts: named as refused, and why
    differing = [bad for bad in duplicates if bad.problems[0].code == DIFFERING]
    # a report set aside for its unit's report of the year it gives is named in the year its path says
    filed = {**set_aside(w for r in valid for w in r.warnings), **elsewhere(valid)}
    counts = {year: len(year_reports) for year, year_reports in by_year.items()}
    absence = Absence(refused_years([*invalid, *differing]), filed, refused_years(differing), counts)
    city_evaluations, city_notices = evaluate_city(
        by_year, packs, selected, absence=absence, required=city_required
    )
    notices = [*notices, *city_notices]

    from zhijiao_check.report.consistency import cross_year_warnings

    return Run(
        tuple(packs),
        tuple(evaluations),
        (*invalid, *duplicates),
        tuple(city_evaluations),
        tuple(notices),
        (*(w for r in valid for w in r.warnings), *cross_year_warnings(valid, previous)),
        strict,
    )


def report_order(units: UnitRegistry) -> Callable[[Any], tuple[int, int, str]]:
    """The order reports are shown in: by year, then as the pack lists the units, then by file (of a
    report, or of anything with its ``year``, ``unit`` and ``file``)."""
    order = unit_order(units)
    return lambda r: (*order(r), r.file)


def unit_order(units: UnitRegistry) -> Callable[[Any], tuple[int, int]]:
    """``report_order`` without the file, all it needs where each unit has one report a year (and the
    file would only break ties between units the pack does not list, which no valid report names)."""
    order = {name: index for index, name in enumerate(units.order())}  # a merged unit after the one it joined
    return lambda r: (r.year, order.get(r.unit, len(order)))


def evaluate_city(
    by_year: Mapping[int, Sequence[ReportFile]],
    packs: Sequence[RulePack],
    selected: set[str] | None = None,
    each: Callable[[RuleResult], RuleResult] | None = None,
    absence: Absence | None = None,
    required: Mapping[int, str] | None = None,
) -> tuple[list[CityEvaluation], list[Wording]]:
    """The city-wide rules of each year whose 市本级 report is among ``by_year``'s (each year's reports in
    ``report_order``), and a notice for each year without one. ``each``: what is kept of each result as it
    is made (a large run writes a result out as soon as it is made, and keeps what its status and figures
    need: a city-wide result may locate a figure of every school of every report). ``absence``: why a unit
    may be missing from a year though it filed a report (``Absence``). ``required``: by year, where the
    roster lists the 市本级 as a unit that must file: a year of those without its 市本级 report is evaluated
    city-wide all the same, the 市本级 missing as any unit may be (a CI job whose 市本级 report was deleted
    would otherwise pass on one line of notice); else the year is not evaluated city-wide (targets.md)."""
    units = packs[0].units
    city_unit = units.city()
    city_rules = [(r, p.info) for p in packs for r in p.rules if r.scope == "city"]
    evaluations: list[CityEvaluation] = []
    notices: list[Wording] = []
    refused, elsewhere, differ, counts = absence or Absence()
    # where each report of another year than its path or the run says was put: by file, that year
    put = {file: said for (_, said), (file, _) in elsewhere.items()}
    for year, year_reports in sorted(by_year.items()):
        city_report = next((r for r in year_reports if r.kind == "city"), None)
        listed = (required or {}).get(year)
        if city_report is None and listed is None:
            notices.append(_city_missing(year, city_unit, elsewhere.get((city_unit, year))))
            continue
        # no 市本级 report (the roster expects it): never a year of stray reports, as it names none
        said = put.get(city_report.file) if city_report is not None else None
        among = counts.get(said, 0) if said is not None else 0
        if city_report is not None and said is not None and _stray_year(year_reports, put, among):
            # A year only reports put among another year's give, fewer than that year's own, the 市本级's
            # among them (last year's copied in): not a year the user filed, and 14 units "missing" from it
            # would be failures of nothing.
            stray = msg("engine.city-stray-year", year=year, city=city_unit, file=city_report.file, said=said)
            notices.append(stray)
            continue
        present = {r.unit for r in year_reports}
        expected = units.units_in(year)  # a unit merged into another in a later year is still expected
        missing = tuple(u.name for u in expected if u.name not in present)
        invalid = tuple(u for u in missing if year in refused.get(u, ()))
        filed = tuple(
            (u, *elsewhere[u, year]) for u in missing if u not in invalid and (u, year) in elsewhere
        )
        # Each missing unit as the notes name it: one whose report was refused, as refused; one whose report
        # of another year is filed as this year's, with that report
        other = {unit: msg("engine.unit-other-year", unit=unit, file=file, year=y) for unit, file, y in filed}
        refused_as = {
            u: "engine.unit-differing" if year in differ.get(u, ()) else "engine.unit-invalid"
            for u in invalid
        }
        named = tuple(msg(refused_as[u], unit=u) if u in invalid else other.get(u, u) for u in missing)
        scope = Scope(year_reports, year, city=True)
        results, year_notices = _run(city_rules, scope, named, each, city_block=city_report is not None)
        year_notices = (*year_notices, *_after_plan(year, packs, city_rules))
        if city_report is None:
            said_missing = msg("engine.city-required", year=year, city=city_unit, roster=listed)
            year_notices = (said_missing, *year_notices)
        evaluations.append(
            CityEvaluation(
                year,
                _kept(results, selected),
                year_notices,
                city_report.file if city_report is not None else "",
                tuple(u.name for u in expected if u.name in present),
                missing,
                invalid,
                filed,
            )
        )
    return evaluations, notices


def _stray_year(year_reports: Sequence[ReportFile], put: Mapping[str, int], among: int) -> bool:
    """Whether a year's reports were all put among another year's (``put``: by file, that year), and are
    fewer than the reports that year has of its own in the run (``among``). A whole year of reports filed
    in a folder named for another (fifteen of 2024 in ``2025/``), or beside no report of that other year, is
    a year the user filed all the same: its folder's name is the slip, and its city-wide rules are
    evaluated."""
    return len(year_reports) < among and all(r.file in put for r in year_reports)


# The notices of a year whose city-wide rules were not evaluated: no 市本级 report of that year, one of
# another year in its place, or a year only reports put among another year's give (``evaluate_city``).
CITY_NOT_EVALUATED = (
    "engine.city-not-evaluated",
    "engine.city-not-evaluated-other-year",
    "engine.city-stray-year",
)


def _city_missing(year: int, city: str, filed: tuple[str, int] | None) -> Wording:
    """The notice of a year without its 市本级 report; naming the report of another year ``filed`` among that
    year's, as a missing unit is named (``elsewhere``)."""
    if filed is None:
        return msg("engine.city-not-evaluated", year=year, city=city)
    return msg("engine.city-not-evaluated-other-year", year=year, city=city, file=filed[0], other=filed[1])


class Absence(NamedTuple):
    """Why a unit may be missing from a year though it filed a report: ``refused``, by unit, the years of
    its reports refused as invalid (``runtrends.refused_years``); ``elsewhere``, by unit and the year its path
    says, the file and year of a report whose path says another year than it gives (``pathyear.elsewhere``:
    蓝山县's 2024 report in ``2025 报表/``). Missing all the same, but said to be so, not as if nothing had
    been filed. ``differing``: of those refused, by unit, the years it filed several reports that differ
    (``unique``): named for it, not as one invalid report. ``counts``: by year, how many valid reports of
    that year the run scores (a year whose reports were all put among another's is not evaluated city-wide
    only if they are fewer than that year's own: ``_stray_year``)."""

    refused: Mapping[str, Collection[int]] = {}
    elsewhere: Mapping[tuple[str, int], tuple[str, int]] = {}
    differing: Mapping[str, Collection[int]] = {}
    counts: Mapping[int, int] = {}


def evaluate_report(
    report: ReportFile,
    packs: Sequence[RulePack],
    selected: set[str] | None = None,
) -> ReportEvaluation:
    """The unit and school rules of one report: they read that report alone."""
    rules = once(packs, _own_rules).get(report.kind, ())
    steps, notices = once(rules, _report_steps)(report.year, packs)
    scope = Scope([report], report.year, city=False)
    results: list[RuleResult] = []
    for step in steps:
        results.append(step(scope, results))
    renamed = packs[0].units.renamed_to(report.former) if report.former is not None else None
    if renamed is not None:  # the name the report gives, said beside the one it is shown and counted under
        said = msg("engine.former-name", former=report.former, name=report.unit, year=renamed.year)
        notices = (said, *notices)
    return ReportEvaluation(
        report.year, _kept(results, selected), notices, report.file, report.unit, report.kind
    )


def _own_rules(packs: Sequence[RulePack]) -> dict[str, list[tuple[AnyRule, PackInfo]]]:
    """The unit and school rules that apply to each kind of unit, with their pack's facts: the same for
    every report of that kind."""
    kinds = {kind for pack in packs for rule in pack.rules for kind in rule.units}
    return {
        kind: [(r, p.info) for p in packs for r in p.rules if r.scope != "city" and kind in r.units]
        for kind in kinds
    }


def _after_plan(
    year: int, packs: Sequence[RulePack], rules: Sequence[tuple[AnyRule, PackInfo]]
) -> tuple[Wording, ...]:
    """A notice for each pack of ``rules`` whose every target was due before ``year`` (2026 of a policy
    whose plan runs to 2025): its targets stay in force after their due year (targets.md), so the statuses
    are as before; said as a year before the policy is, that a reader does not take the year for a slip."""
    late = [(pack, due) for pack, due in once(packs, _dues) if year > due]
    if not late:  # every report of the plan period: no set of the rules' packs made for it
        return ()
    used = {info.id for _, info in rules}
    return tuple(
        msg("engine.after-plan", year=year, due=due, document=pack.info.document)
        for pack, due in late
        if pack.id in used
    )


def _dues(packs: Sequence[RulePack]) -> list[tuple[RulePack, int]]:
    """Each pack with its last due year (``RulePack.last_due``, worked out over its rules), of those that
    have one: the same for every report."""
    return [(pack, due) for pack in packs if (due := pack.last_due) is not None]


def _kept(results: list[RuleResult], selected: set[str] | None) -> tuple[RuleResult, ...]:
    if selected is None:  # most runs
        return tuple(results)
    return tuple(r for r in results if r.rule.id in selected)


def _run(
    rules: Sequence[tuple[AnyRule, PackInfo]],
    scope: Scope,
    units_missing: tuple[Wording, ...] = (),
    each: Callable[[RuleResult], RuleResult] | None = None,
    *,
    city_block: bool = True,
) -> tuple[list[RuleResult], tuple[Wording, ...]]:
    """Each rule with its pack's facts (issue date, schedule base);
    before a pack's issue none of its rules apply. ``each``: what is kept of each result (``evaluate_city``).
    ``city_block``: whether the 市本级 report, which alone holds the ``city:`` block, is among the scope's.
    """
    results: list[RuleResult] = []
    notices: list[Wording] = []
    by_id: dict[str, RuleResult] = {}
    # City-wide, what is gathered over a year's reports is let go once no rule still to run reads it: held
    # for all the rules, the majors gathered early stood beside every later rule's results at the year's
    # peak. One report's rules gather little, and it all goes with the report.
    still_read = _still_read([rule for rule, _ in rules]) if scope.city else None
    # a city-wide year's rules are listed anew by each call: worked out for it alone (a report's are not
    # run here: ``_report_steps``)
    for index, (rule, info, times, measure_of) in enumerate(_steps(rules, scope.year)):
        if times is None:
            text = _before_issue(rules, info, scope.year)
            notices.append(text)
            result = RuleResult(rule, Status.NOT_APPLICABLE, None, text)
        else:
            result = _result(rule, measure_of, scope, times, by_id, units_missing, city_block)
        if each is not None:
            result = each(result)
        by_id[rule.id] = result
        results.append(result)
        if still_read is not None:
            scope.keep_only(still_read[index])
    return results, tuple(dict.fromkeys(notices))


def _before_issue(rules: Sequence[tuple[AnyRule, PackInfo]], info: PackInfo, year: int) -> Wording:
    """Why a rule of a pack not yet issued in ``year`` does not apply: before every pack's policy no rule
    applies; before an added pack's alone, only its rules do not."""
    before_all = all(year < other.issued.year for _, other in rules)
    key = "engine.before-policy" if before_all else "engine.before-pack"
    return msg(key, year=year, issued=info.issued.isoformat(), document=info.document)


# A rule's step over one report: its result, given the results of the rules before it (``_report_steps``)
ReportStep = Callable[[Scope, list[RuleResult]], RuleResult]
# A kind of unit's rules over its reports of one year: each rule's step, and the notices of every report
YearSteps = tuple[list[ReportStep], tuple[Wording, ...]]


def _report_steps(
    rules: Sequence[tuple[AnyRule, PackInfo]],
) -> Callable[[int, Sequence[RulePack]], YearSteps]:
    """A kind of unit's rules (``_own_rules``) as one step each, with the notices every report of a year
    gives, worked out once a run for each year (``packs``: those the rules are of): a report's evaluation is
    then a loop of calls, where each result looked up its rule's step, tested what time says of it and
    passed seven arguments on (``_run``, as a city-wide year still does)."""
    by_year: dict[int, YearSteps] = {}

    def of_year(year: int, packs: Sequence[RulePack]) -> YearSteps:
        known = by_year.get(year)
        if known is None:
            known = by_year[year] = _year_steps(rules, year, packs)
        return known

    return of_year


def _year_steps(rules: Sequence[tuple[AnyRule, PackInfo]], year: int, packs: Sequence[RulePack]) -> YearSteps:
    """``_report_steps`` of one year: the notices as ``_run`` and ``evaluate_report`` gave them."""
    steps: list[ReportStep] = []
    notices: list[Wording] = []
    placed: dict[str, int] = {}  # each rule's place among the steps, by id: where a ``when`` finds its status
    for index, (rule, info, times, measure_of) in enumerate(_steps(rules, year)):
        if times is None:
            text = _before_issue(rules, info, year)
            notices.append(text)
            steps.append(_not_issued(rule, text))
        elif times.judged and times.expected is None:
            steps.append(_measured(rule, measure_of, times))
        else:
            steps.append(_in_time(rule, measure_of, times, placed.get(rule.when.rule) if rule.when else None))
        placed[rule.id] = index
    return steps, (*dict.fromkeys(notices), *_after_plan(year, packs, rules))


def _not_issued(rule: AnyRule, text: Wording) -> ReportStep:
    """The step of a rule whose pack is not issued yet (``_before_issue``)."""
    return lambda scope, done: RuleResult(rule, Status.NOT_APPLICABLE, None, text)


def _in_time(
    rule: AnyRule, measure_of: Callable[[Scope], Measure], times: _Times, named: int | None
) -> ReportStep:
    """The step of a rule that time, or another rule's status (the rule's place among the steps before it,
    ``named``), may keep from being judged, or whose year has a schedule to show: ``_result``."""
    if named is None:
        return lambda scope, done: _result(rule, measure_of, scope, times, {}, ())
    assert rule.when is not None
    other = rule.when.rule
    return lambda scope, done: _result(rule, measure_of, scope, times, {other: done[named]}, ())


def _measured(rule: AnyRule, measure_of: Callable[[Scope], Measure], times: _Times) -> ReportStep:
    """The step of a rule judged as it stands that year, without a schedule to show (most results): what
    its kind measured, as ``_result`` gives it then, without its tests."""
    due, schedule = times.due, times.exact_schedule
    judged, decided = timing.judged, timing.decided

    def measured(scope: Scope, done: list[RuleResult]) -> RuleResult:
        measure = measure_of(scope)
        # a rule due this year is judged by what its kind measured alone, whatever its schedule
        status = judged(rule, measure) if due else decided(rule, measure, False, schedule)
        kept = measure.notes if measure.notes.__class__ is tuple else tuple(measure.notes)
        if status == Status.WARN and measure.near:
            kept = (*kept, _within(rule))
        located = measure.locations
        return RuleResult(
            rule,
            status,
            measure.observed,
            measure.explanation,
            located if len(located) < 2 else _places_once(located),
            measure.items,
            kept,
            None,
            measure.target,
        )

    return measured


# A rule's step of a year: the rule with its pack's facts, what time says of it that year (``_times``; None
# before its pack's issue), and what measures it (``kinds.measurer``)
Step = tuple[AnyRule, PackInfo, "_Times | None", Callable[[Scope], Measure]]


def _steps(rules: Sequence[tuple[AnyRule, PackInfo]], year: int) -> list[Step]:
    """Each rule's step in ``year`` (``Step``)."""
    return [
        (rule, info, None if year < info.issued.year else _times(rule, year, info.base_year), measurer(rule))
        for rule, info in rules
    ]


def _still_read(rules: Sequence[AnyRule]) -> list[frozenset[str]]:
    """For each rule, the top-level fields (``scope.roots``) that the rules after it read."""
    later: list[frozenset[str]] = []
    read: frozenset[str] = frozenset()
    for rule in reversed(rules):
        later.append(read)
        read = read | roots(rule.reads())
    return later[::-1]


# "c1.vocational-share fails (it passes)": a status said as what the rule does, made once.
_WHEN_IS = {status: msg(f"engine.when-is.{status.value}") for status in Status}
_WHEN_OR = msg("engine.when-or")


def _when_not_met(rule: AnyRule) -> dict[Status, Wording]:
    """Why a rule that applies only when another has some status does not apply, by that other's status
    (``仅当 c1.vocational-share 未达标时适用（本次达标）``): the same for every report, so made once a run and
    rendered once (``Once``)."""
    assert rule.when is not None
    statuses = Join(tuple(_WHEN_IS[s] for s in rule.when.status), _WHEN_OR)
    return {
        status: Once(msg("engine.when-not-met", rule=rule.when.rule, statuses=statuses, status=said))
        for status, said in _WHEN_IS.items()
    }


def _not_yet(rule: AnyRule) -> Wording:
    """Why a rule does not apply before its first year (``自 2023 年起判定``), made once a run (as
    ``_when_not_met``)."""
    return Once(msg("engine.not-yet-applicable", start=rule.time.start))


def _retired(rule: AnyRule, year: int) -> Msg:
    """Why a rule is not judged in a year after its ``until``: the last year it applied, and the rule that
    replaced it where the pack names one."""
    time = rule.time
    if time.replaced_by is None:
        return msg("engine.retired", year=year, until=time.until)
    return msg("engine.retired-replaced", year=year, until=time.until, rule=time.replaced_by)


def _result(
    rule: AnyRule,
    measure_of: Callable[[Scope], Measure],
    scope: Scope,
    times: _Times,
    done: dict[str, RuleResult],
    units_missing: tuple[Wording, ...],
    city_block: bool = True,
) -> RuleResult:
    if not times.judged:
        if times.retired:
            # before its ``when:``: a retired rule is not judged whatever the rule it names says
            return RuleResult(rule, Status.NOT_APPLICABLE, None, _retired(rule, scope.year))
        if rule.when is not None:
            status = done[rule.when.rule].status if rule.when.rule in done else Status.NOT_APPLICABLE
            if status not in rule.when.status:
                return RuleResult(rule, Status.NOT_APPLICABLE, None, once(rule, _when_not_met)[status])
        if not times.applies:
            return RuleResult(rule, Status.NOT_APPLICABLE, None, once(rule, _not_yet))
    measure = measure_of(scope)
    # a rule due this year is judged by what its kind measured alone, whatever its schedule
    status = (
        timing.judged(rule, measure)
        if times.due
        else timing.decided(rule, measure, False, times.exact_schedule)
    )
    explanation = measure.explanation
    notes = list(measure.notes)
    schedule = times.expected
    digits = 1
    if schedule is not None and rule.unit == "ratio":
        # The year's schedule is shown beside the share and the target: as many places as tell the three
        # apart (59.995% < 60.000%, never 60.0% below a schedule of 60.0%), in the explanation too.
        digits = places(measure.observed, rule.target.value, schedule)
        explanation = at_places(explanation, digits)
    if status in (Status.PENDING, Status.BEHIND) and schedule is not None:
        notes.append(
            msg(
                "engine.schedule",
                year=scope.year,
                expected=show(_round(schedule, rule.unit), rule.unit, digits),
                due=rule.time.due,
                target=show(rule.target.value, rule.unit, digits),
            )
        )
    undecided = False
    if units_missing and status != Status.NOT_APPLICABLE:
        # A city-wide figure is computed over what is there and judged only where the missing units could not
        # change the outcome (targets.md, "Scopes"); otherwise it is not judged.
        units = Join(units_missing)
        if reads_city_block_only(rule) and city_block:
            notes.append(msg("engine.units-missing-city-block", units=units))
        elif measure.settled and (measure.met or schedule is None):
            # Before the due year an unmet linear target is behind or pending by the schedule, which the
            # missing units could change: not settled then.
            notes.append(
                msg("engine.units-missing-met", units=units)
                if measure.met
                else msg("engine.units-missing-failed", units=units)
                if measure.ceiling is None
                else msg("engine.units-missing-beyond", units=units, most=show(measure.ceiling, rule.unit))
            )
        else:
            status = Status.MISSING if times.due else Status.PENDING
            undecided = True
            notes.append(msg("engine.units-missing", units=units))
    if status == Status.WARN and measure.near:
        # A miss within the tolerance band warns rather than fails: the note says why (18 < 20, within 10%).
        # Decided after the units missing, which can make it missing instead.
        notes.append(_within(rule))
    # Each place once: a field read twice (in a ratio's numerator and denominator) is one place in the file.
    locations = measure.locations
    if len(locations) > 1:
        locations = _places_once(locations)
    return RuleResult(
        rule,
        status,
        measure.observed,
        explanation,
        locations,
        measure.items,
        tuple(notes),
        schedule,
        measure.target,
        undecided=undecided,
    )


# A place's fields as a plain tuple, taken in C (``_places_once``)
_PLACE_FIELDS = attrgetter("file", "line", "column", "cell")


def _places_once(locations: tuple[Location, ...]) -> tuple[Location, ...]:
    """Each place once, in order. Told apart first by their fields as a plain tuple, which is taken and hashed
    without a call of Python's (a place's own hash is one): most results' places are all different, and stay
    as they are."""
    keys = set(map(_PLACE_FIELDS, locations))
    return locations if len(keys) == len(locations) else tuple(dict.fromkeys(locations))


class _Times(NamedTuple):
    """What time says of a rule in a year (``timing``), the same for every report of that year."""

    retired: bool  # after its ``until``
    applies: bool  # ``timing.applies_in``
    due: bool  # ``timing.is_due``
    exact_schedule: Exact | None  # ``timing.exact_schedule``
    expected: float | None  # ``timing.expected``
    judged: bool  # not retired, applies, and applies whatever another rule's status (no ``when``)


# ``_Times`` by the rule's id, the year and the schedule's base, kept with the rule (so that its id cannot be
# taken by another): asked for every result, and the same for a year's every report.
_TIMES: dict[tuple[int, int, int], tuple[AnyRule, _Times]] = {}


def _times(rule: AnyRule, year: int, base: int) -> _Times:
    known = _TIMES.get((id(rule), year, base))
    if known is not None and known[0] is rule:
        return known[1]
    schedule = timing.exact_schedule(rule, year, base)
    retired, applies = rule.time.retired_in(year), timing.applies_in(rule, year)
    times = _Times(
        retired,
        applies,
        timing.is_due(rule, year),
        schedule,
        timing.expected(rule, year, base),
        not retired and applies and rule.when is None,
    )
    _TIMES[id(rule), year, base] = (rule, times)
    return times


def _within(rule: AnyRule) -> Wording:
    """``在 20 的 ±10% 以内（≥ 18）：提醒``: the tolerance band a near miss lies in."""
    target = rule.target
    edge = band(target)
    assert edge is not None and target.tolerance is not None  # a near miss has a band
    shown = float(edge)
    digits = places(target.value, shown) if rule.unit == "ratio" else 1
    places_in_tolerance = 0 if (exact(target.tolerance) * 100).denominator == 1 else places(target.tolerance)
    return msg(
        "engine.within-tolerance",
        target=show(target.value, rule.unit, digits),
        tolerance=show(target.tolerance, "ratio", places_in_tolerance),
        edge=seq(f"{SHOWN[target.op[0] + '=']} ", show(shown, rule.unit, digits, decimals(shown))),
    )


def _round(value: float, unit: str) -> float:
    return value if unit == "ratio" else round(value, 1)
