"""Words of the table output.

In English: one catalogue per language, the same keys in each (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "table.report-title": "{unit} ({kind}) · {year} · {file}",
    "table.score": "score",
    "table.col-status": "status",
    "table.col-rule": "rule",
    "table.col-observed": "observed/target",
    "table.col-explanation": "arithmetic and notes",
    "table.col-unit": "unit",
    "table.panel-rules": "{title} (rules {span})",
    "table.panel-years": "{title} ({span})",
    "table.panel-columns": "{title} ({span})",
    "table.summary": "summary",
    "table.more-items": "{count} more, see --format json",
    "table.invalid": "{file}: invalid report, not scored ({count} problems)",
    "table.unreadable": "{file}: could not be read, not checked",
    "table.warnings": "{count} warnings (they do not change the result):",
    "table.warnings-quiet": "{count} warnings (they do not change the result; listed without --quiet)",
    "table.refused-again": "{count} reports not scored (their problems above):",
    # the results that fail the run, named again above the exit status (``TableRenderer._failing_again``)
    "table.failing-again": "{count} results that fail the run (details above):",
    "table.failing-more": "and {count} more (above)",
    "table.refused-file": "{file}: invalid report ({count} problems)",
    "table.refused-unreadable": "{file}: could not be read, not checked",
    "table.config": "settings from the config file {file} (an option given on the command line wins)",
    "table.exit": "exit status {code}",
}

# When the count is 1 (i18n: ``ONE``).
ONE: dict[str, str] = {
    "table.invalid": "{file}: invalid report, not scored (1 problem)",
    "table.warnings": "{count} warning (it does not change the result):",
    "table.warnings-quiet": "{count} warning (it does not change the result; listed without --quiet)",
    "table.refused-again": "1 report not scored (its problems above):",
    "table.failing-again": "1 result that fails the run (details above):",
    "table.refused-file": "{file}: invalid report (1 problem)",
}
