"""Problems in a rule pack (for the people who write rule files).

In English: one catalogue per language, the same keys in each (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "pack.invalid-field": "invalid rule field: {message} (found {found})",
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
}
