"""Words of the explanations and notices the engine writes.

In English: one catalogue per language, the same keys in each (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "engine.yes": "yes",
    "engine.no": "no",
    "engine.practice-group": "enterprise practice group {n}",
    # A figure with its unit (``count``: the figure as written; English says 1 person).
    "engine.unit-yuan": "{count} yuan",
    "engine.unit-persons": "{count} persons",
    "engine.missing-data": "data missing: {what}",
    "engine.majors-not-in-sheet": (
        'the majors of {school} (no row of "专业" names it; for none, write "无" in its 开设专业 on "学校")'
    ),
    "engine.enterprise-practice-not-in-sheet": (
        'the enterprise practice of {school} (no row of "企业实践" names it; for none, write "无" in its '
        '企业实践 on "学校")'
    ),
    "engine.field-absent": "{field} not given",
    "engine.zero-denominator": "the denominator ({label}) is 0: no ratio",
    "engine.sum-units": "{label} of {count} units = {value}",
    # A sum over items, said by what the items are (kinds/total.py), else "entries". A practice group's
    # fields are named as the practice's (teachers in enterprise practice), so its groups are only groups.
    "engine.sum-items": "{label} of {count} entries = {value}",
    "engine.sum-over.schools": "{label} of {count} schools = {value}",
    "engine.sum-over.majors": "{label} of {count} majors = {value}",
    "engine.sum-over.enterprise_practice": "{label} in {count} groups = {value}",
    "engine.sum-over.city.talent_allowances": "{label} of {count} talent allowances = {value}",
    "engine.sum-over.city.park_funding": "{label} of {count} demonstration parks = {value}",
    "engine.and-more": " and {count} more",
    "engine.above-range": "{count} is above the policy's range {range} (top {high}): reported, not failed",
    "engine.distinct": "{items} entries, {count} different by {field}: counted as {count}",
    "engine.otherwise": "{count} schools give no {field}: their figures for {otherwise} are counted instead",
    "engine.every": "{passed} of {total} met = {share}",
    "engine.none-matching": "no matching school, major or entry",
    "engine.covered": "{covered} of {total} covered",
    "engine.uncovered": "not covered: {values}",
    "engine.not-listed": "not in any report",
    "engine.each": "each: {text}",
    "engine.paren": " ({text})",
    "engine.when-not-met": "applies only when {rule} {statuses} (it {status})",
    # The status of the rule a rule depends on, said as what that rule does (engine.when-not-met).
    "engine.when-or": " or ",
    "engine.when-is.pass": "passes",
    "engine.when-is.fail": "fails",
    "engine.when-is.warn": "warns",
    "engine.when-is.missing": "lacks data",
    "engine.when-is.pending": "is not due yet",
    "engine.when-is.behind": "is behind its schedule",
    "engine.when-is.waived": "is waived",
    "engine.when-is.not_applicable": "does not apply",
    "engine.before-policy": "the year {year} is before the policy was issued ({issued}): no rule applies",
    "engine.before-pack": (
        "the year {year} is before {document} was issued ({issued}): none of its rules apply"
    ),
    "engine.after-plan": (
        "the year {year} is after the plan period of {document} (its last targets were due in {due}): targets"
        " stay in force after their due year and are checked as before"
    ),
    "engine.not-yet-applicable": "judged from {start}",
    "engine.retired": "judged until {until} (time: until): not in {year}",
    "engine.retired-replaced": "judged until {until} (time: until): in {year} {rule} judges it instead",
    "engine.schedule": "linear schedule: {expected} expected in {year} ({target} due {due})",
    # A miss within the tolerance band (targets.md: "20个左右", 18–19 warns).
    "engine.within-tolerance": "within {tolerance} of {target} ({edge}): warn",
    "engine.sum-fewest": "the {count} units with the fewest: {units}",
    "engine.sum-most": "the {count} units with the most: {units}",
    "engine.units-missing": "units missing: {units}",
    "engine.unit-other-year": "{unit} (its report {file} is of {year})",
    "engine.former-name": (
        'the report gives "{former}", the name before its renaming in {year}: shown and counted as "{name}"'
    ),
    "engine.unit-differing": "{unit} (reports that differ, none scored)",
    "engine.unit-invalid": "{unit} (report invalid)",
    "engine.units-missing-met": (
        "units missing: {units} (they cannot change the outcome: the target is met, and they could only add)"
    ),
    "engine.units-missing-failed": (
        "units missing: {units} (they cannot change the outcome: an item already fails)"
    ),
    "engine.units-missing-beyond": (
        "units missing: {units} (they cannot change the outcome: the share never exceeds {most}, and what is "
        "there misses the target, which nothing they report could make up)"
    ),
    "engine.units-missing-city-block": (
        "units missing: {units} (they do not change the outcome: this rule reads only the 市本级 city: block)"
    ),
    "engine.met-without": (
        "not given: {what}; the figures given already meet the target, and those not given could only "
        "add to them"
    ),
    # The roster lists the 市本级 as a unit that must file, and its report of the year is not there
    "engine.city-required": (
        "no valid {city} report of {year} among the inputs, and the roster {roster} lists {city}: the "
        "city-wide targets for {year} are evaluated all the same, {city} counted as a missing unit (a rule "
        "reading only its city: block is missing)"
    ),
    "engine.city-not-evaluated": (
        "city-wide targets for {year} not evaluated: no valid {city} report among the inputs"
    ),
    "engine.city-not-evaluated-other-year": (
        "city-wide targets for {year} not evaluated: no valid {city} report of {year} among the inputs (its "
        "report {file} is of {other})"
    ),
    # A year only reports put among another year's give, the 市本级's among them (evaluate_city)
    "engine.city-stray-year": (
        "city-wide targets for {year} not evaluated: the {city} report {file} gives {year} but is among the "
        "{said} reports, as every report of {year} is (last year's report copied and its year not updated, "
        "most likely); if it is the {said} report, change its year to {said}"
    ),
    "engine.same-report": (
        "{first} is another {year} report for {unit} holding the same report (a copy, most likely): it is "
        "scored once, as {first}, and this file is not; remove the one not needed"
    ),
    "engine.differing-reports": (
        "{unit} has {count} {year} reports, and they are not all the same: this file and {others}; which one "
        "counts is not for the tool to guess, so none is scored: decide which to keep and delete or move the "
        "others"
    ),
    # A report whose path says another year, of the unit and year of one whose path does not (pathyear)
    "engine.set-aside-for-its-year": (
        '{first} is the {unit} {year} report scored; this file gives {year} too, but "{part}" says {said} '
        "(last year's report copied and its year not updated, most likely): it is not scored; {advice}"
    ),
    "engine.set-aside-correct-year": "if it is the {said} report, change year: to {said}",
    "engine.set-aside-correct-year-in-cell": (
        "if it is the {said} report, change its year (统计年度) to {said}"
    ),
    "engine.set-aside-remove": (
        "{unit} has a {said} report too, {other}, so this file is most likely a leftover copy: delete it or "
        "move it out of the folders checked (with its year changed, {unit} would have two {said} reports)"
    ),
    "engine.duplicate-of-invalid": (
        "a second {year} report for {unit}: {first} gives it too (and is invalid); remove one of the two, "
        "this file is not scored"
    ),
}

# When the count is 1 (i18n: ``ONE``).
ONE: dict[str, str] = {
    "engine.distinct": "{items} entries, all of one {field}: counted as 1",
    "engine.unit-persons": "{count} person",
    "engine.sum-units": "{label} of {count} unit = {value}",
    "engine.sum-items": "{label} of {count} entry = {value}",
    "engine.sum-over.schools": "{label} of {count} school = {value}",
    "engine.sum-over.majors": "{label} of {count} major = {value}",
    "engine.sum-over.enterprise_practice": "{label} in {count} group = {value}",
    "engine.sum-over.city.talent_allowances": "{label} of {count} talent allowance = {value}",
    "engine.sum-over.city.park_funding": "{label} of {count} demonstration park = {value}",
    "engine.otherwise": "{count} school gives no {field}: its figure for {otherwise} is counted instead",
}
