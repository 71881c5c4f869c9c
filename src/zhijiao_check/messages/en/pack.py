"""Problems in a rule pack (for the people who write rule files).

In English: one catalogue per language, the same keys in each (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "pack.duplicate-rule": "rule ID {id} appears twice, first at {first}",
    "pack.rule-id-in-two-packs": (
        "rule ID {id} is already a rule of pack {other} ({first}): give this rule another ID (matching "
        "{pattern}); or, if this pack is to replace {other} whole, write id: {other} in its pack.yaml"
    ),
    "pack.quote-not-verbatim": (
        "the quote of rule {id} is not in the policy text (it must be the words of one paragraph, table "
        "cell or list item, without Markdown marks or the notes after a --- line; compared after NFKC, "
        "white space removed): {quote}"
    ),
    "pack.quote-not-verbatim-near": (
        "the quote of rule {id} is not in the policy text (it must be the words of one paragraph, table "
        "cell or list item, without Markdown marks or the notes after a --- line; compared after NFKC, "
        'white space removed): {quote}; the nearest is "{near}" at {at}: write quote: {write}'
    ),
    "pack.when-unknown-rule": (
        "rule {id} has when: {rule}, which must be an earlier rule (before it in its pack, or in a pack "
        "loaded before)"
    ),
    "pack.rule-id-pattern": (
        "rule ID {id} does not follow the pack's rule_ids pattern {pattern} (pack.yaml){hint}"
    ),
    "pack.id-write": ": write an ID such as id: {write}",
    "pack.clause-entry-flow": "an entry - {{number: {number}, title: {{zh: …, en: …}}}}",
    "pack.clause-entry-block": "an entry - number: {number}, with title: {{zh: …, en: …}} on the next line",
    "pack.year-before-issue": (
        "rule {id} names the year {year}, before the policy was issued on {issued} (pack.yaml's issued)"
    ),
    "pack.city-field-units": (
        "rule {id} reads {field}, a field of the city's own block (city:), which only the report of the "
        "city itself (kind city) gives, but the rule's units are {units}, without city: their reports never "
        "have it, and every unit would be missing or fail; to judge it city-wide from the city's report, "
        "write scope: city and delete units, else read a field these units' reports have "
        "(zhijiao-check schema)"
    ),
    "pack.unknown-field": "rule {id} reads {field}, which is not a field of {place}: {hint}",
    "pack.policy-missing": (
        "the policy text {policy} is missing: the rules' quotes are checked against it once it is there "
        "(pack.yaml's policy: names it)"
    ),
    "pack.rules-wait-for-pack-file": (
        "until pack.yaml is right, the rules' quotes (against the policy text it names), clauses, annex "
        "items, IDs and years (against its issued) are not checked; their fields and values are"
    ),
    "pack.not-a-pack": "{dir} is not a rule pack: it needs pack.yaml, units.yaml and rule files",
    "pack.value-type": "rule {id} compares {field} with {found}, but {field} takes {takes}: write {write}",
    "pack.not-a-choice": "rule {id}: {field} is never {found}; it takes one of {allowed}: write {write}",
    "pack.op-for-type": "rule {id}: {op} cannot compare {field}, which takes {takes}: use {ops}",
    "pack.condition-between": (
        "rule {id}: a condition cannot use between (a target's operator): write a range of {field} as two "
        'conditions, {{field: {field}, op: ">=", value: LOW}} and {{field: {field}, op: "<=", value: HIGH}}'
    ),
    "pack.other-type": (
        "rule {id}: {field} ({takes}) cannot be compared with {other} ({other_takes}): other must name a "
        "field of the same kind"
    ),
    "pack.year-plus-type": "rule {id}: year_plus compares {field} with a year, but {field} takes {takes}",
    "pack.sum-type": (
        "rule {id} adds up {field}, which takes {takes}: only numbers (or yes/no fields, each yes counted 1) "
        "add up"
    ),
    "pack.flag-not-yes-no": (
        "rule {id} is a flag rule, which reads a yes/no field, but {field} takes {takes}: compare a number "
        "with kind: total"
    ),
    "pack.not-finite": (
        "rule {id}: {key} is {found}, no number to compare with (every report would fail, or every one "
        "pass): write a finite number"
    ),
    "pack.too-many-digits": (
        "rule {id}: {key} is a number of more than {digits} digits before its point, beyond any figure a "
        "report can hold: write a number of at most {digits} digits"
    ),
    "pack.takes-number": "a number",
    "pack.takes-flag": "yes/no (true or false)",
    "pack.takes-choice": "one of {allowed}",
    "pack.takes-text": "text",
    "pack.takes-list": "a list of values (test it with contains)",
    "pack.takes-fields": "a group of fields",
    "pack.write-number": "a number without quotes (such as value: 10000)",
    "pack.write-flag": "value: true or value: false",
    "pack.write-choice": "one of them, such as value: {example}",
    "pack.write-one-of": "one of them",
    "pack.unknown-kind": "there is no rule kind {found}: write {write} (the kinds: {kinds})",
    "pack.missing-kind": "the rule has no kind: write one of {kinds}",
    "pack.quote-too-short": (
        "the quote of rule {id} has {count} characters once white space is removed ({quote}): copy at least "
        "4 characters of the policy text verbatim"
    ),
    "pack.unknown-clause": (
        "rule {id} names clause {clause}, which pack.yaml's clauses do not list ({clauses}): coverage never "
        "shows a rule of a clause not listed; add {entry} to the clauses at {at} (the title as the policy "
        "heads the clause); if the clause is another document's (an amendment, a supplementary notice), "
        'make a pack of its own (docs/packs.md, "An amendment: a pack of its own")'
    ),
    "pack.empty-rule-file": (
        "the rule file is empty (or holds only comments): it needs a rules: list, one rule an item "
        "(docs/packs.md); delete a file not needed"
    ),
    "pack.rule-file-not-mapping": (
        "a rule file holds rules: and a list of rules, one rule an item; found {found}"
    ),
    "pack.empty-pack-file": "{name} is empty (or holds only comments): see docs/packs.md for what it holds",
    "pack.pack-file-not-mapping": (
        "{name} holds keys and values (key: value), not {found}: see docs/packs.md"
    ),
    "pack.missing-key": "{key} is missing: write {key}, which takes {takes}",
    "pack.unknown-key": "there is no key {key}: write {write} (the keys: {keys})",
    "pack.wrong-value": "{key} is {found}, but it takes {takes}",
    "pack.wrong-value-write": "{key} is {found}, but it takes {takes}: write {write}",
    "pack.wrong-value-unknown": "{key} is {found}, which a rule file cannot say (see docs/packs.md)",
    "pack.quoted-number": (
        "{key} is {found}, which in quotes is text, but it takes {takes}: write {write}, without quotes"
    ),
    "pack.time-none": (
        "time needs one of due, every_year, from: {every_year: 2022} judged each year, {due: 2025} "
        "reached by a year, {from: 2022} from a year on (and until: the last year it applies, if it ends)"
    ),
    "pack.time-one-of": (
        "time gives {given}, but takes only one of due, every_year, from: {{every_year: 2022}} judged each "
        "year, {{due: 2025}} reached by a year (with linear: true for progress before it); only from goes "
        "with due: {{from: 2024, due: 2025}}, not applicable before 2024"
    ),
    "pack.time-linear": (
        "linear applies only to due (reached by a year, progress judged before it): a rule with {given} is "
        "judged each year; delete linear, or write {{due: 2025, linear: true}}"
    ),
    "pack.time-from-after-due": (
        "from {start} is after due {due}: a rule judged from {start} is judged pass/fail from then on; write "
        "from no later than {due}, or from alone"
    ),
    "pack.time-until-before-start": (
        "until {until} is before {key} {start}: the rule would apply in no year; write until: {start} or "
        "later (until is the last year the rule applies)"
    ),
    "pack.time-replaced-needs-until": (
        "replaced_by: {rule} needs until, the last year this rule applies before {rule} takes over: write "
        "until: YEAR beside it"
    ),
    "pack.until-before-issue": (
        "rule {id} has until: {until}, before {issued_year}, the year the policy was issued ({issued}, "
        "pack.yaml's issued): the rule would apply in no year; write until: {issued_year} or later, or "
        "delete the rule"
    ),
    "pack.replaced-by-unknown": (
        "rule {id} has replaced_by: {rule}, which is no rule of the packs loaded: write the ID of the rule "
        "that takes over after {until}{near}"
    ),
    "pack.replaced-by-self": (
        "rule {id} has replaced_by: {rule}, itself: a rule cannot replace itself; write the ID of the other "
        "rule that takes over after {until}, or leave out replaced_by if none does"
    ),
    "pack.replaced-by-near": " ({rule}?)",
    "pack.replaced-by-start": (
        "rule {id} is judged until {until} and replaced by {rule}, which is judged from {start}: write from: "
        "{next} in {rule}'s time, so each year is judged by one of the two"
    ),
    "pack.replaced-by-no-start": (
        "rule {id} is judged until {until} and replaced by {rule}, whose time has no from, so it is judged "
        "in every year from the policy's issue, {until} and before too: write from: {next} in {rule}'s time"
    ),
    "pack.time-replaces-needs-from": (
        "replaces: {rule} needs from (or every_year), the first year this rule judges instead of {rule}, "
        "which is judged until the year before: write from: YEAR beside it"
    ),
    "pack.replaces-unknown": (
        "rule {id} has replaces: {rule}, which is no rule of the packs loaded: write the ID of the other "
        "pack's rule this one takes over from {start}{near}"
    ),
    "pack.replaces-self": (
        "rule {id} has replaces: {rule}, itself: a rule cannot take over from itself; write the ID of the "
        "other pack's rule it takes over from {start}, or leave out replaces"
    ),
    "pack.replaces-own-pack": (
        "rule {id} has replaces: {rule}, a rule of its own pack ({pack}, {at}): within a pack write until: "
        "{until}, replaced_by: {id} in {rule}'s time and leave out replaces (replaces is for an amendment "
        "pack taking over another pack's rule)"
    ),
    "pack.replaces-already-replaced": (
        "rule {id} has replaces: {rule}, but {rule} ({pack}, {at}) is already judged until {last} and "
        "replaced by {other}: a rule is replaced by one rule only; leave out replaces, or change {rule}'s "
        "until and replaced_by"
    ),
    "pack.replaces-twice": (
        "rule {id} has replaces: {rule}, but {other} ({other_at}) already replaces {rule}: a rule is "
        "replaced by one rule only; leave out one of the two, or write replaces: {other} in {id} to take "
        "over after {other}"
    ),
    "pack.replaces-year-early": (
        "rule {id} takes over {rule} from {start}, but {rule} ({pack}, {at}) is judged from {first} only, so "
        "it would be judged in no year: write from: {low} or later; to judge {rule} in no year, leave out "
        "replaces and leave it out of the run with --ignore {rule}"
    ),
    "pack.replaces-year-late": (
        "rule {id} takes over {rule} from {start}, but the plan of {rule} ({pack}, {at}) has its targets due "
        "by {last}, and {start} is outside it: write from: a year from {low} to {high}"
    ),
    "pack.replaces-year-late-until": (
        "rule {id} takes over {rule} from {start}, but {rule} ({pack}, {at}) is judged until {last} (its "
        "time's until), and the years between would be judged by neither: write from: a year from {low} to "
        "{high}"
    ),
    # pack.yaml's retires: another pack's rule judged no more from a year on, none taking over
    "pack.retires-unknown": (
        "retires names {rule}, which is no rule of the packs loaded: write the ID of the other pack's rule "
        "judged no more from {start}{near}"
    ),
    "pack.retires-own-pack": (
        "retires names {rule}, a rule of this pack ({at}): write until: {until} in {rule}'s time and leave "
        "out this entry (retires is for an amendment pack ending another pack's rule)"
    ),
    "pack.retires-already-replaced": (
        "retires names {rule}, but {rule} ({pack}, {at}) is already judged until {last} and replaced by "
        "{other}: leave out this entry, or change {rule}'s until and replaced_by"
    ),
    "pack.retires-twice": (
        "retires names {rule}, but {other_at} already ends {rule}: a rule is ended once only; leave out one "
        "of the two"
    ),
    "pack.retires-year-early": (
        "retires ends {rule} from {start}, but {rule} ({pack}, {at}) is judged from {first} only, so it "
        "would be judged in no year: write from: {low} or later; to judge {rule} in no year, leave out this "
        "entry and leave it out of the run with --ignore {rule}"
    ),
    "pack.retires-year-late": (
        "retires ends {rule} from {start}, but the plan of {rule} ({pack}, {at}) has its targets due by "
        "{last}, and {start} is outside it: write from: a year from {low} to {high}"
    ),
    "pack.retires-year-late-until": (
        "retires ends {rule} from {start}, but {rule} ({pack}, {at}) is judged until {last} already (its "
        "time's until): write from: a year from {low} to {high}, or leave out this entry"
    ),
    "pack.target-between": "op between takes two numbers, value: [low, high], such as value: [1, 2]",
    "pack.condition-one-of": "a condition takes exactly one of value, other, year_plus, present",
    "pack.at-most-compare-to": (
        "at_most bounds a ratio held against a number: with compare_to, delete at_most"
    ),
    "pack.compare-to-or-year-plus": "give compare_to or year_plus, not both",
    "pack.require-or-any-of": "give exactly one of require, any_of",
    "pack.rule-ids-not-linear": (
        "rule_ids is not a regular expression that rule IDs can be matched with in linear time: {reason}"
    ),
    "pack.or": " or ",
    "pack.and": " and ",
    "pack.takes-int": "a whole number",
    "pack.bound-ge": "at least {n}",
    "pack.bound-gt": "greater than {n}",
    "pack.bound-le": "at most {n}",
    "pack.bound-lt": "less than {n}",
    "pack.takes-bounded": "{kind} {bounds}",
    "pack.takes-rule-id": (
        "a rule ID such as c16.secondary-funding (lower-case letters and digits, a dot between clause and "
        "name)"
    ),
    "pack.takes-pattern": "text matching {pattern}",
    "pack.takes-text-min": "text of at least {n} characters",
    "pack.takes-text-max": "text of at most {n} characters",
    "pack.takes-list-of": "a list [ … ], each item {item}",
    "pack.takes-sum": "a report field (such as enrollment.secondary_vocational), or {field: …, over: …}",
    "pack.takes-mapping": "a mapping such as {example}",
    "pack.found-null": "nothing (null)",
    "pack.found-list": "a list of {count} items",
    "pack.found-mapping": "a mapping of {keys}",
    "pack.unknown-key-none": "there is no key {key}: delete it, or write one of {keys}",
    "pack.takes-date": "a date such as 2021-09-04",
    "pack.target-above-share": (
        "rule {id} has a target of {found}, but it compares a share, which is at most {bound} ({why}): the "
        "target is {met}: {write}"
    ),
    "pack.never-met": "never met",
    "pack.always-met": "always met",
    "pack.write-share": "write {share} for {percent}%",
    "pack.write-at-most": "write a number not above {bound}",
    "pack.why-at-most": "the rule says at_most: {at_most}",
    "pack.why-part-of-whole": "each term of the numerator is a term of the denominator, a part of the whole",
    "pack.why-every": "the share of the schools, majors or entries that pass",
    "pack.target-backwards": (
        "between's value gives [{low}, {high}], its low end above its high end: no figure lies between them "
        "(every report would fail); write [{high}, {low}]"
    ),
    "pack.units-city": (
        "rule {id} is a city rule (scope: city), computed over every unit's report of the year: units has no "
        "effect on it (it gives units: {units}); delete units, or write scope: unit to check each of those "
        "units on its own"
    ),
    "pack.by-unit-not-city": (
        "rule {id} gives by_unit, which is for city rules (each unit's own share listed under the city-wide "
        "one); this rule is scope: {scope}, judged on each unit's report, whose only share is its own: "
        "delete by_unit"
    ),
    "pack.school-scope-kind": (
        "rule {id} gives scope: school, but a {kind} rule measures one figure for each unit's report and "
        "judges no school or major on its own: write scope: unit (to judge each school or major, use "
        "kind: every over schools, majors or enterprise_practice)"
    ),
    "pack.school-scope-over": (
        "rule {id} gives scope: school, but the items it judges are those of {over}, not schools or majors: "
        "write scope: unit"
    ),
    "pack.linear-not-number": (
        "rule {id} gives linear: true, but {why}: linear spreads the target's number over the years from "
        "schedule_base to the due year; delete linear (before the due year a met target passes, an unmet one "
        "is pending)"
    ),
    "pack.linear-flag": "a flag rule's target is yes, which has no part-way progress",
    "pack.linear-computed": (
        "its target is computed each year from compare_to or year_plus, no number to spread"
    ),
    "pack.linear-range": "its target is the range [{low}, {high}], no number to spread",
    "pack.target-above-required": (
        "rule {id} has a target of {found}, but required lists only {count} values, so at most {count} are "
        "covered: the target is {met}; write a number not above {count} ({count} for all of them)"
    ),
    "pack.quote-other-clause": (
        "the quote of rule {id} is not in the text of clause {clause} but in clause {found}: write "
        "clause: {write}, or quote the text of clause {clause}"
    ),
    "pack.quote-outside-clauses": (
        "the quote of rule {id} is not in the text of clause {clause} nor of any other clause (it is outside "
        "them, in the preamble or the annex): quote a sentence of clause {clause}"
    ),
    "pack.quote-outside-clauses-near": (
        "the quote of rule {id} is not in the text of clause {clause} nor of any other clause (it is outside "
        'them, in the preamble or the annex): quote a sentence of clause {clause}; its nearest is "{near}" '
        "at {at}: write quote: {write}"
    ),
    "pack.unknown-annex": (
        "rule {id} gives annex {item}, which pack.yaml's annex does not list (its work list has items "
        "{items}): write one of them"
    ),
    "pack.no-annex": (
        "rule {id} gives annex {item}, but pack.yaml lists no annex (the work list's items and the clauses "
        "they serve): list it in pack.yaml, or delete annex"
    ),
    "pack.clause-not-in-policy": (
        "clauses lists clause {clause}, but the policy text {policy} has no heading 第{clause}条 (it has "
        "clauses {found}): write a clause number of the text"
    ),
    "pack.annex-unknown-clause": (
        "annex item {item} lists clause {clause}, which clauses does not list (it lists {clauses}): write "
        "one of those"
    ),
    "pack.when-other-scope": (
        "rule {id} has when: {rule}, but {rule} is judged {theirs} and this rule {own}: the rule a when "
        "names must be judged for the same unit, or the condition always reads not_applicable and this rule "
        "never applies; name a rule judged {own} too, or delete when"
    ),
    "pack.when-other-units": (
        "rule {id} has when: {rule}, but {rule} checks only the reports of units: {theirs}, not {kinds}: on "
        "those the condition always reads not_applicable and this rule never applies; write {write}"
    ),
    "pack.judged-city": "city-wide (over all of a year's reports)",
    "pack.judged-report": "on each unit's report",
    "pack.write-when-rule": "a when naming a rule that checks those units, or no when",
    "pack.fullwidth-comma-list": (
        'a full-width comma "，" between the items of a list here, which YAML reads as one item: separate '
        'the items of […] with an ASCII comma and a space ", " (quote an item that holds the comma as text)'
    ),
    "pack.number-as-text": "{key} is {found}, {why}, but it takes {takes}: write {write}",
    "pack.value-number-as-text": (
        "rule {id} compares {field} with {found}, {why}, but {field} takes {takes}: write {write}"
    ),
    "pack.read-as-text-exponent": (
        "which YAML reads as text (an exponent makes a number only after a decimal point and with its sign, "
        "as in 2.5e+4)"
    ),
    "pack.read-as-text-full-width": "which YAML reads as text (full-width digits are not a number)",
    "pack.read-as-text-percent": (
        "which YAML reads as text (a percentage is not a number: a share is written as a fraction)"
    ),
    "pack.read-as-text-wan": "which YAML reads as text (万 is not a number)",
    "pack.read-as-text-grouped": "which YAML reads as text (a number has no thousands separators)",
    "pack.place-report": "the report format",
    "pack.place-items": "the items of {over}",
    "pack.hint-schema": "see zhijiao-check schema for the fields",
    "pack.hint-write": "write {write}",
    "pack.hint-close": "write one of the closest, best first: {close}",
    "pack.hint-over": "{field} is a field of the items of {over}; to add it up over them, write {write}",
    "pack.hint-school": "{field} is a field of the school of each item of {over}: write {write}",
    "pack.hint-collections": "over takes one of {collections}",
    "pack.sum-collection": (
        "rule {id} adds up {field}, a list of items with fields of their own, not a number: write {write}, "
        "with field one of the items' fields that add up: {fields}"
    ),
    "pack.takes-items": "a list of items, each with fields of its own",
    "pack.key-of-other-kinds": (
        "there is no key {key}: {meant} is a key of {kinds} rules only, not of a {kind} rule "
        "(the keys: {keys})"
    ),
    "pack.target-one-value": (
        "op {op} takes a single number, such as value: 0.45; two numbers [low, high] are for op: between"
    ),
    "pack.unit-listed-twice": (
        'the unit "{name}" is listed twice in units (first at line {first}): delete one'
    ),
    "pack.merged-still-listed": (
        '"{name}" is merged into another unit but still listed in units (line {first}): delete it from '
        "units; its entry in merged keeps it a unit of the years before the merger"
    ),
    "pack.merged-twice": '"{name}" is listed twice in merged (first at line {first}): delete one',
    "pack.merged-into-unknown": (
        'the unit merged into, "{into}", is neither in units nor in merged: into names a unit of the list, '
        'or one of merged that joined another in turn; did you mean "{nearest}"?'
    ),
    "pack.merged-into-itself": '"{name}" cannot be merged into itself: into names the unit it joined',
    "pack.renamed-old-listed": (
        'the old name "{old}" is still a unit of the list (line {first}): after a renaming the old name '
        "is no unit; delete it from units, or write it in merged if it joined another unit"
    ),
    "pack.renamed-twice": (
        'the old name "{old}" is listed twice in renamed (first at line {first}): delete one'
    ),
    "pack.renamed-to-itself": '"{old}" is renamed to itself: new is the name after the renaming',
    "pack.renamed-new-unknown": (
        'the new name "{new}" is not in units: new names a unit of the list; did you mean "{nearest}"? '
        "(a unit merged into another is written in merged)"
    ),
    "pack.unit-since-year": (
        "the year {year} is not within {low}–{high}: since is the four-digit year the unit was created "
        "(its first report's year)"
    ),
    "pack.unit-code-twice": (
        'the code {code} is already the code of "{first}" (line {line}), so "{name}" cannot have it too: '
        "each unit has a code of its own, by which a report's code finds its unit; correct one of them"
    ),
    "pack.merged-since-late": (
        '"{name}" was created in {since} but merged into another unit in {year}: since comes before year, '
        "the unit reporting on its own from since to the year before year; correct one of the years (a unit "
        "there from the plan's start has no since)"
    ),
    "pack.merged-into-not-yet": (
        '"{name}" is merged into "{into}" in {year}, but "{into}" was created only in {since} (line {line}): '
        "a unit joins one that exists in the year of the merger; write year: {since} or later, or a since "
        'of "{into}" of {year} or earlier'
    ),
    "pack.merged-into-merged-away": (
        '"{name}" is merged into "{into}" in {year}, but "{into}" itself joined "{holder}" in {then} '
        "(line {line}) and is no unit of its own from then: write a year before {then}, or into: {holder}"
    ),
    "pack.renamed-not-yet": (
        '"{old}" is renamed "{new}" in {year}, but "{new}" was created only in {since} (line {line}): the '
        "old name is the unit's in the years before the renaming, so since comes before year; correct one "
        "of the years (a unit there from the plan's start has no since)"
    ),
    "pack.renamed-after-merger": (
        '"{old}" is renamed "{new}" in {year}, but "{new}" joined "{holder}" in {then} (line {line}) and is '
        "no unit of its own from then: a renaming comes before the merger; write year: {then} or earlier"
    ),
    "pack.merged-in-a-cycle": (
        '"{name}" is merged in a cycle ({cycle}): following into must end at a unit of units; '
        "correct one of them"
    ),
    "pack.unit-change-year": (
        "the year {year} is not within {low}–{high}: write the four-digit year the renaming or merger "
        "takes effect"
    ),
    "pack.units-entry-unknown-key": (
        "an entry of {listed} has no key {key} (it takes {keys}): did you mean {nearest}?"
    ),
    "pack.units-unknown-key": "the unit list has no {key} (it takes {keys}): did you mean {nearest}?",
    "pack.units-unknown-key-none": "the unit list has no {key}: delete it, or write one of {keys}",
    "pack.units-entry-unknown-key-none": (
        "an entry of {listed} has no key {key}: delete it, or write one of {keys}"
    ),
    "pack.units-missing": (
        "the pack has no unit list {units} (pack.yaml names none with units:, so units.yaml is read): {need}"
    ),
    "pack.units-missing-named": (
        "the unit list {units} does not exist: correct the name, or write the file; {need}"
    ),
    "pack.units-needed": (
        "every pack needs a unit list, because any pack can be the main pack (--pack), whose unit list "
        "reports are checked against; a pack added with --rules under another ID has its unit list checked, "
        "not used: copy the main pack's units.yaml"
    ),
    "pack.expected-max-below": (
        "expected_max is {found}, below the target {value}: expected_max is the top of the range the "
        "policy names (1-2 schools: value: 1, expected_max: 2), and a figure that meets the target would be "
        "reported above it; write a number not below {value}, or delete expected_max"
    ),
    "pack.units-empty": (
        "rule {id} has units: [], so it checks no unit's report and never applies: list the kinds of unit it "
        "checks, such as units: [county], or delete units (every kind)"
    ),
    "pack.when-status-empty": (
        "rule {id} has a when with status: [], a condition never met, so the rule never applies: list the "
        "statuses of {rule} on which it applies, such as status: [fail], or delete when"
    ),
    "pack.sum-empty": (
        "rule {id} has an empty {key}, which adds up to 0: {why}; list the fields to add up (at least one), "
        "such as {key}: [enrollment.secondary_vocational] or {key}: [{{over: schools, field: students}}]"
    ),
    "pack.sum-empty-numerator": "the ratio is always 0",
    "pack.sum-empty-denominator": (
        "a zero denominator makes the rule not_applicable for every unit, and a unit that misses the target "
        "is never failed"
    ),
    "pack.sum-term-twice": (
        "rule {id} lists {term} twice in {key} (first at {first}): its figure would be added twice; "
        "delete this item"
    ),
    "pack.annex-item-twice": (
        "annex item {item} is listed twice (first at {first}): a rule's item is read by its number, from the "
        "first; merge the clauses this one serves into that item and delete this one, or correct its number"
    ),
    "pack.values-joined": (
        "{key} is {found}: {count} values joined by a comma into one item ({values}); write them as {count} "
        "items: {write}"
    ),
    "pack.expected-max-kind": (
        "rule {id} is a {kind} rule, and its target gives expected_max: {found}, which has no effect on a "
        "{kind} rule (a figure above it is neither reported nor failed): only {kinds} rules take "
        "expected_max, the top of a range the policy names (1-2 schools: value: 1, expected_max: 2); "
        "delete expected_max"
    ),
    "pack.sum-needs-over": (
        "rule {id} sums {term}, which gives {key} but no over: without over the report's field is summed as "
        "it is, and {key} is read only for the items of a collection, so it has no effect; write {write} "
        "(over the collection whose items have these fields), or delete {key}"
    ),
    "pack.target-above-one": (
        "rule {id} has a target of {found}, but a ratio of unit: ratio is a share, compared and shown as a "
        "percentage: {found} is {percent}; {write}; if a multiple is meant (1.5 new seats for each old one), "
        "write unit: count to compare and show it as a number"
    ),
    "pack.write-fraction": "write the share as a fraction of at most 1 (0.45 for 45%)",
    "pack.condition-values-joined": (
        "rule {id}: {field} {op} {found} joins {count} values into one ({values}), but each {op} compares "
        "with one value, not the closest of them: {write}"
    ),
    "pack.joined-write-others": (
        "for any one of them, write a != condition for each of the other values (the conditions of a list "
        "must all hold): {write}"
    ),
    "pack.joined-write-present": (
        "these are all the values of {field}: for any one of them, write {write} ({field} is given)"
    ),
    "pack.joined-write-each": (
        "for none of them, write one condition for each value (the conditions of a list must all hold): "
        "{write}"
    ),
    "pack.schedule-base-not-before-due": (
        "schedule_base {base} is not before the due year {due} of rule {id} ({rule}){others}: a linear "
        "schedule is target × (year − schedule_base) / (due − schedule_base), growing towards the due year "
        "from a year before it, so schedule_base must be before every linear rule's due year: write {write} "
        "(the year before the issue, also the default when schedule_base is left out)"
    ),
    "pack.schedule-others": " (and {count} more linear rules)",
    "pack.schedule-base-after-issue": (
        "schedule_base {base} is after the issue year {issued}: linear rules (such as {id}) are judged from "
        "{issued}, and their schedule (target × (year − schedule_base) / (due − schedule_base)) is "
        "below zero before {base}: schedule_base cannot be after the issue year: write {write} (the year "
        "before the issue, also the default when schedule_base is left out)"
    ),
}

# When the count is 1 (i18n: ``ONE``).
ONE: dict[str, str] = {
    "pack.target-above-required": (
        "rule {id} has a target of {found}, but required lists only {count} value, so at most {count} is "
        "covered: the target is {met}; write a number not above {count}"
    ),
    "pack.quote-too-short": (
        "the quote of rule {id} has 1 character once white space is removed ({quote}): copy at least 4 "
        "characters of the policy text verbatim"
    ),
    "pack.found-list": "a list of 1 item",
    "pack.schedule-others": " (and 1 more linear rule)",
}
