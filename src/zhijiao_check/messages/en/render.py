"""Words of the CI and people outputs: JUnit, SARIF, GitHub annotations, Markdown,
HTML and the matrix view.

In English: one catalogue per language, the same keys in each (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "render.city": "City-wide",
    "render.title": "Vocational-education policy targets check",
    "render.invalid-suite": "invalid report {file}",
    "render.invalid-title": "Invalid reports (not scored)",
    # The results workbook's unit-of-measure column: each unit's word (``rows.measure_words``).
    "render.measure-ratio": "share",
    "render.measure-count": "count",
    "render.measure-persons": "persons",
    "render.measure-yuan": "yuan",
    "render.measure-bool": "yes/no",
    "render.measure-year": "year",
    "render.invalid-status": "invalid, not scored",
    "render.invalid-warning-status": "warning (not why it is invalid)",
    "render.unit-invalid": "{unit} (report invalid)",
    "render.report-invalid": "report invalid",
    "render.units-invalid": "reports invalid: {units}",
    "render.not-filed": "not filed",
    "render.years-not-filed": "not filed: {years}",
    "render.invalid-report": "{file}: {count} problems",
    "render.status-pass": "met",
    "render.status-fail": "not met",
    "render.status-warn": "warning (within tolerance, or a warning rule)",
    "render.status-missing": "data missing",
    "render.status-pending": "not due yet",
    "render.status-behind": "not due yet, behind the linear schedule",
    "render.status-waived": "waived (an approved reason)",
    "render.waiver-note": "waived (was {status}): {reason}; approved by {approved_by}, {document} ({where})",
    "render.waived-beside-score": "{count} waived, left out of the score",
    "render.invalid-rule": "invalid report: not in report format v1 (docs/report-format.md), not scored",
    "render.status-not_applicable": "not applicable",
    "render.status-none": "no such rule for this kind of unit",
    # A status in a spreadsheet's cell: a word or two, as a column of 16 holds them (the labels above
    # explain, for a legend).
    "render.short-status-pass": "met",
    "render.short-status-fail": "not met",
    "render.short-status-warn": "warning",
    "render.short-status-missing": "data missing",
    "render.short-status-pending": "not due yet",
    "render.short-status-behind": "behind schedule",
    "render.short-status-waived": "waived",
    "render.short-status-not_applicable": "not applicable",
    # an item (a unit's own share) below the target of a city-wide result not due yet: not a plain 'not met'
    "render.below-not-due": "below target (not yet due)",
    # a trend cell of a share of schools that meet a test: how many met it of how many
    "render.trend-counted-schools": "{passed}/{total} schools",
    "render.trend-counted": "{passed}/{total}",
    "render.more-places": "and {count} more",
    # a place in the report a section is of, whose file its heading names (short: a year's Markdown comment
    # stays within GitHub's 65,536 characters)
    "render.line-of-report": "L{line}",
    "render.more-places-unlisted": "and {count} more, not listed (more than a cell holds): see --format json",
    "render.legend": "Legend",
    "render.blank": "blank",
    "render.matrix-title": "{year} · units ranked by score, rule by rule",
    "render.matrix-rules": "Rule numbers",
    "render.rank": "rank",
    "render.unit": "unit",
    "render.score": "score",
    "render.city-score": "score of the city-wide targets",
    "render.rule": "rule",
    "render.status": "status",
    "render.observed-target": "observed / target",
    "render.explanation": "arithmetic and notes",
    "render.more-items": "{count} more not met",
    # Each unit's own figure under a city-wide one whose items are the units (a table's line, a list).
    "render.by-unit": "by unit",
    "render.by-unit-not-due": "by unit (not due yet)",
    "render.passing": "Rules met or not applicable ({count})",
    "render.no-rules": "no rule was judged",
    "render.report-title": "{unit} ({kind}) · {year}",
    "render.overview": (
        "reports scored: {reports} · invalid: {invalid} · results not passed: {failing} · exit status {code}"
    ),
    "render.exit-0": "all targets met",
    "render.exit-1": "some targets are not met",
    "render.exit-2": "some reports are invalid",
    "render.notices": "Notes",
    "render.invalid-annotation": "invalid report",
    "render.step-summary-unwritten": (
        "warning: the job summary was not written, GITHUB_STEP_SUMMARY={file} cannot be written: {reason}; "
        "the annotations and the other outputs were, and the exit status is the reports'"
    ),
    "render.consistency-annotation": "consistency warning",
    # HTML
    "render.cards-units": "units ({reports})",
    "render.cards-unit": "unit ({reports})",
    "render.cards-unit-reports": "reports ({years})",
    "render.cards-unit-report": "report ({years})",
    "render.cards-reports": "{count} reports",
    "render.units-count": "units: {count}",
    "render.cards-met": "targets met (all units and years)",
    "render.cards-met-unit": "targets met (the unit's, all years)",
    "render.cards-met-city": "targets met ({units} by the units, {city} city-wide; all years)",
    "render.cards-met-unit-city": "targets met ({units} by the unit, {city} city-wide; all years)",
    "render.cards-not-met": "targets not met or data missing",
    "render.cards-watch": "warnings or behind schedule",
    "render.cards-pending": "not due yet",
    "render.page-number": '"page " counter(page) " of " counter(pages)',
    "render.signoff-unit": "Reporting unit (seal)",
    "render.signoff-reviewer": "Reviewed by",
    "render.signoff-date": "Date",
    "render.cards-invalid": "invalid reports",
    "render.cards-city-score": "{year} score of the city-wide targets",
    "render.cards-exit": "exit status",
    "render.generated": "{tool} {version} · rule pack {pack} ({document})",
    "render.bar-legend": (
        "Bars: the solid line is the target, the dashed line this year's linear schedule; the colour is "
        "the status"
    ),
    "render.due": "due {year}",
    "render.every-year": "judged every year",
    "render.schedule": "linear schedule {year}: {value}",
    "render.drilldown": "Unit by unit",
    "render.drilldown-one": "The unit's reports",
    # 市本级's own page: the city-wide targets its city: block decides
    "render.city-block-title": "City-wide targets decided by the city: block of the unit's report",
    "render.city-block-note": (
        "These city-wide targets read their figures from the city: block of the unit's report, which the "
        "unit fills in and signs for; where one is not met, check the data at the lines given"
    ),
    "render.city-block-year": "{year} · {file}",
    "render.clauses": "The clauses quoted",
    "render.clause": "clause {clause}",
    "render.responsible": "responsible",
    # Trends
    "render.trends-city": "City-wide · trend by year",
    "render.trends-unit": "{unit} · trend by year",
    "render.trends-units": "Trends unit by unit",
    "render.trends-one": "The unit's trends",
    "render.trend-method": (
        "Projection: a least-squares line through each year's observed value (years with complete "
        "data, two at "
        "least), read at the due year; it is advice and never changes a status or the exit status"
    ),
    "render.trend-target": "target",
    "render.trend-projection": "projection",
    "render.trend-schedule": "schedule {value}",
    "render.chart-figures": "{years}: {figures}",
    "render.chart-projected": "{projected} projected for {due}, {track}",
    "render.on-track": "on track",
    "render.off-track": "off track",
    "render.projection": (
        "fitted {first}–{last}: {slope} a year, {projected} projected for {due} (target {target}); {meets}"
    ),
    "render.meets-in": "at this pace met from {year}",
    "render.meets-never": "at this pace never to be met",
    "render.met-since": "met since {year}",
    "render.met-since-off-track": "met since {year}, but at this pace no longer met in {due}",
    "render.undecided-years": " ({years} not decided: units missing)",
    "render.percentage-points": "{value} percentage points",
    "render.no-projection-no-due": "no due year: judged every year",
    "render.no-projection-retired": "no longer judged by its due year (time: until): no projection",
    "render.no-projection-not-a-number": "a yes/no target: no projection",
    "render.no-projection-target-not-fixed": "the target is not a fixed number: no projection",
    "render.no-projection-due-passed": "the run reaches the due year: the yearly statuses judge it",
    "render.no-projection-too-few-years": "fewer than two years with complete data: no projection",
    # the verdict of a trend (``verdict``): where the run reaches the due year, whether the target was met
    # by it and held after it; for a target judged each year, in how many years it was met.
    "render.trend-verdict": "met or not",
    "render.verdict-met": "met by its due year {due} ({figure})",
    "render.verdict-not-met": "not met by its due year {due} ({figure})",
    "render.verdict-waived": "not met by its due year {due}, waived ({figure})",
    "render.verdict-missing": "due in {due}, data missing: whether it was met is not known",
    "render.verdict-undecided": "due in {due}, {why}",
    "render.verdict-invalid": "due in {due}, report invalid: whether it was met is not known",
    "render.verdict-not-filed": "due in {due}, no report filed: whether it was met is not known",
    # a run past the due year without it (2023 and 2025, due in 2024): the later years said after it
    "render.verdict-not-in-run": (
        "due in {due}, no report of that year in this run: whether it was met is not known"
    ),
    # the run holds the due year, not its city-wide figures (the 市本级 report missing or refused), nor a
    # report of the trend's that year
    "render.verdict-no-city-figures": (
        "due in {due}, no report of that year, nor the city-wide figures of that year (the 市本级 report"
        " missing or refused), in this run: whether it was met is not known"
    ),
    "render.verdict-against": "{figure}; target {target}",
    "render.verdict-each-year": "met in {met} of {counted} years",
    "render.verdict-years-kept": "held in {years}",
    "render.verdict-years-not-kept": "not held in {years}{figures}",
    "render.verdict-years-met": "met in {years}{figures}",
    "render.verdict-years-not-met": "not met in {years}{figures}",
    "render.verdict-years-waived": "waived in {years}{figures}",
    "render.verdict-years-missing": "data missing in {years}",
    "render.verdict-years-undecided": "{years}: {why}",
    "render.verdict-years-invalid": "report invalid in {years}",
    "render.verdict-years-not-filed": "not filed in {years}",
    "render.verdict-years-not-in-run": "no report of {years} in this run",
    "render.verdict-year-figure": "{year}: {figure}",
    "render.verdict-year-against": "{year}: {figure}, target {target}",
    "render.verdict-years-no-city-figures": "no city-wide figures of {years} in this run",
    "render.verdict-clause": ", ",
    "render.verdict-short-waived": "no (waived)",
    "render.verdict-short-missing": "data missing",
    "render.verdict-short-undecided": "not decided",
    "render.verdict-short-invalid": "report invalid",
    "render.verdict-short-not-filed": "not filed",
    "render.verdict-short-not-in-run": "due year not in run",
    "render.verdict-short-no-city-figures": "no city-wide figures",
    # a figure moving away from its target since the year before (``setbacks``): advice
    "render.setback": "setback",
    "render.setback-years": "{previous} in {previous_year} → {observed} in {year}",
    "render.setback-note": (
        "setback: the figure moved away from its target since the year before (fell for an at-least "
        "target, rose for an at-most one); advice only, it never changes a status or the exit status"
    ),
    # a city-wide year whose status could not be decided (units missing: ``undecided``), in its cells
    "render.undecided": "not decided",
    "render.undecided-missing": "{units} missing",
    "render.undecided-missing-many": "{count} units missing",
    "render.undecided-why": "not decided ({missing})",
    "render.chart-legend": (
        "Charts: dots are each year's observed value (the colour is the status), the solid line the "
        "target, the thin "
        "line the linear schedule, the dashed line the projection"
    ),
    "render.kind-county": "county",
    "render.kind-management_area": "management area",
    "render.kind-development_zone": "development zone",
    "render.kind-city": "city",
    "render.city-title": "City-wide · {year} · {present}/{total} units",
    # clause 15's summary: each unit's targets due in the run counted by their due year's outcome
    # (``trends.assessment``), for the assessment of the county governments
    "render.assessment-title": "Clause 15 summary",
    "render.assessment-note": (
        "The targets due in the run counted by their due year's outcome, and the years met of the targets "
        "judged each year, for the assessment of the county governments; advice only: the statuses, "
        "scores and exit status stay as they are."
    ),
    "render.assessment-col-due": "due",
    "render.assessment-col-met": "met",
    "render.assessment-col-not-held": "not held",
    "render.assessment-col-not-met": "not met",
    "render.assessment-col-waived": "waived",
    "render.assessment-col-unknown": "not known",
    "render.assessment-col-each-year": "years met",
    "render.assessment-details": "short of met",
    "render.assessment-each-year-targets": "targets judged each year",
    "render.assessment-years-met": "years met",
    "render.assessment-years-counted": "years counted",
    "render.assessment-years": "{met}/{counted}",
    "render.assessment-outcome-met": "met",
    "render.assessment-outcome-not-met": "not met",
    "render.assessment-outcome-waived": "waived",
    "render.assessment-outcome-missing": "data missing",
    "render.assessment-outcome-undecided": "not decided",
    "render.assessment-outcome-invalid": "report invalid",
    "render.assessment-outcome-not-filed": "not filed",
    "render.assessment-outcome-not-in-run": "due year not in run",
    "render.assessment-outcome-no-city-figures": "no city-wide figures",
    "render.assessment-outcome-not-held": "met, then not held",
    "render.assessment-outcome-each-year": "not met every year",
    # clause 15's line of a unit without trends: why (``trends.assessment[].no_trends``), for its counts
    "render.assessment-no-trends-all-invalid": "every report refused: not assessed",
    "render.assessment-no-trends-not-filed": "nothing filed: not assessed",
    "render.assessment-no-trends-invalid-and-not-filed": "every report refused or not filed: not assessed",
    "render.assessment-no-trends-one-year": "reports of one year only: not assessed",
    "render.assessment-no-trends-none-in-run": "no report of it in this run: not assessed",
    "render.assessment-rule-years": "{rule} {met}/{counted}",
}


# When the count is 1 (i18n: ``ONE``).
ONE: dict[str, str] = {
    "render.invalid-report": "{file}: 1 problem",
    "render.cards-reports": "{count} report",
}
