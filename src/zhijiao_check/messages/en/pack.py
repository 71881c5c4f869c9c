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
}
