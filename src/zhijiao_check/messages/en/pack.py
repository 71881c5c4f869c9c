"""Problems in a rule pack (for the people who write rule files).

In English: one catalogue per language, the same keys in each (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "pack.duplicate-rule": "rule ID {id} appears twice, first at {first}",
    "pack.quote-not-verbatim": (
        "the quote of rule {id} is not in the policy text (compared after NFKC, white space removed): {quote}"
    ),
    "pack.when-unknown-rule": (
        "rule {id} has when: {rule}, which must be an earlier rule (before it in its pack, or in a pack "
        "loaded before)"
    ),
    "pack.rule-id-pattern": "rule ID {id} does not follow the pack's rule_ids pattern {pattern} (pack.yaml)",
    "pack.year-before-issue": (
        "rule {id} names the year {year}, before the policy was issued on {issued} (pack.yaml's issued)"
    ),
    "pack.unknown-field": (
        "rule {id} reads {field}, which is not a field of the report format (see zhijiao-check schema)"
    ),
    "pack.policy-missing": "the policy text {policy} is missing",
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
        "shows a rule of a clause not listed"
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
        "reached by a year, {from: 2022} from a year on"
    ),
    "pack.time-one-of": (
        "time gives {given}, but takes only one of due, every_year, from: {{every_year: 2022}} judged each "
        "year, {{due: 2025}} reached by a year (with linear: true for progress before it)"
    ),
    "pack.time-linear": (
        "linear applies only to due (reached by a year, progress judged before it): a rule with {given} is "
        "judged each year; delete linear, or write {{due: 2025, linear: true}}"
    ),
    "pack.target-between": (
        "op between takes value: [low, high]; other operators (here {op}) a single number, such as "
        "value: 0.45"
    ),
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
}

# When the count is 1 (i18n: ``ONE``).
ONE: dict[str, str] = {
    "pack.quote-too-short": (
        "the quote of rule {id} has 1 character once white space is removed ({quote}): copy at least 4 "
        "characters of the policy text verbatim"
    ),
    "pack.found-list": "a list of 1 item",
}
