"""The command line's help: what each command does and each option is for (``cli_help``).

In English: one catalogue per language, the same keys in each (tests/test_messages.py). ``help.option.<name>``
serves every command with that option; ``help.option.<command>.<name>``, one command's own."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "help.app": (
        "Checks unit reports against the targets of 永政发〔2021〕7号 (职业教育政策目标达标检查). "
        "A bare path runs `check`: zhijiao-check reports/2023/"
    ),
    "help.usage": "Usage:",
    "help.options-metavar": "[OPTIONS]",
    "help.command-metavar": "COMMAND [ARGS]...",
    "help.panel-arguments": "Arguments",
    "help.panel-options": "Options",
    "help.panel-commands": "Commands",
    "help.default": "[default: {}]",
    "help.required": "[required]",
    # The statuses a stop gives (status.Stopped) on a line of their own: each line within the 66 columns
    # the commands' panel leaves a summary at 80 (tests/cli/test_help.py).
    "help.command.check": (
        "Check reports against the targets.\n"
        "Exit 0 all met, 1 a target failed, 2 invalid, 3 internal error;\n"
        "stopped: 130 Ctrl-C, 143 SIGTERM, 129 SIGHUP (terminal closed)."
    ),
    "help.command.validate": (
        "Check the reports' format only, no rules.\nExit 0 valid, 2 invalid, 3 internal error;\n"
        "stopped: 130 Ctrl-C, 143 SIGTERM, 129 SIGHUP (terminal closed)."
    ),
    "help.command.diff": (
        "What changed between two reports of a unit:\nfields, schools and majors by name, rule statuses; "
        "of two folders, unit by unit."
    ),
    "help.command.rules": (
        "List the rules: ID, clause, scope, time, title.\n"
        "--format markdown writes Markdown to standard output (docs/rules.md is that of --lang en)."
    ),
    "help.command.explain": (
        "One rule in full: clause, quote, interpretation, fields read, time, responsible units."
    ),
    "help.command.coverage": "Every clause of the policy: the rules that transcribe it, or why none does.",
    "help.command.template": (
        "A blank report for one unit and year, every field commented in Chinese (in English with --lang en)."
    ),
    "help.command.convert": "Convert a report between YAML and an Excel workbook, losing nothing.",
    "help.command.schema": (
        "The JSON Schema (draft 2020-12) of report format v1,\nfor editors and validators."
    ),
    "help.option.help": "Show this message and exit.",
    "help.option.version": "Show the version and exit.",
    "help.option.install_completion": "Install completion for the current shell.",
    "help.option.show_completion": (
        "Show completion for the current shell, to copy it or customize the installation."
    ),
    "help.option.paths": (
        "Report files, or directories searched for *.yaml, *.yml, *.json, *.xlsx, *.xlsm "
        "(and Notepad's *.yaml.txt, *.json.txt, read with a warning); - reads standard input."
    ),
    "help.option.lang": "Output language: zh (Chinese, default) or en.",
    "help.option.format": "table, or json for scripts.",
    "help.option.output": "Write to this file (default: standard output).",
    "help.option.force": "Overwrite the --output file if it exists.",
    "help.option.rules": "A rule pack directory to add (or to replace the built-in pack with the same id).",
    "help.option.pack": (
        "The rule pack: an installed pack's ID or a pack directory (default: the installed pack)."
    ),
    "help.option.no_color": (
        "No colour (also off when NO_COLOR is set, or output is not a terminal and FORCE_COLOR is not set)."
    ),
    "help.option.debug": "On an internal error (exit 3), show the traceback.",
    "help.option.check.formats": (
        "table (default), json, junit, markdown, github, sarif, html, xlsx or csv; "
        "repeat with --output for several outputs in one run."
    ),
    "help.option.check.outputs": (
        "File for the matching --format (default: standard output; - too); without one, the format its name "
        "ends with (.xlsx, .csv, .html, .json, .md, .sarif, .xml for junit), else the table."
    ),
    "help.option.check.strict": "warn and behind also fail the run (default: no).",
    "help.option.check.select": "Only these rules: IDs, globs (c16.*) or clauses (c4), comma-separated.",
    "help.option.check.ignore": "Leave out these rules (same forms as --select).",
    "help.option.check.previous": (
        "Earlier reports to compare with (not scored): a school or major in last year's report and not in "
        "this year's is a warning."
    ),
    "help.option.check.roster": (
        "The bureau's list of schools per unit (YAML or a workbook): a school on it missing from its unit's "
        "report is an error."
    ),
    "help.option.check.per_unit": (
        "With --format html: also one printable page per unit in DIR, with a sign-off block."
    ),
    "help.option.check.waivers": (
        "A waivers file (TOML, [[waiver]] entries): results excused with a reason, shown as waived."
    ),
    "help.option.check.base_dir": (
        "What SARIF and GitHub paths are relative to (default: the git top level, else the working "
        "directory)."
    ),
    "help.option.check.paths": (
        "Report files, or directories searched for *.yaml, *.yml, *.json, *.xlsx, *.xlsm "
        "(and Notepad's *.yaml.txt, *.json.txt, read with a warning); - reads standard input. "
        "With --staged-removals, where to look for removed reports (optional); none with --settings-only."
    ),
    "help.option.check.whole_year": (
        "Check every report in the folder of each file given (its year's folder): what the pre-commit hook "
        "does, so city-wide rules see the whole year."
    ),
    "help.option.check.staged_removals": (
        "Check the folders that the staged changes delete or move a report out of, each whole: the "
        "pre-commit hook for commits that remove a report. The PATHs given limit where to look (reports/; "
        "default: the whole git repository). Exits 0 at once when no report is removed."
    ),
    "help.option.check.settings_only": (
        "Only read the settings as a run does (the config file, the packs, roster and waivers it names, "
        "--waivers and the rest), reading no report and writing no output: exit 2 with the file, line and "
        "column of a mistake, else 0."
    ),
    "help.option.config": (
        "The config file (default: the nearest zhijiao-check.toml, or pyproject.toml with "
        "[tool.zhijiao-check], from here upward)."
    ),
    "help.option.no_config": (
        "Read no config file, neither one named nor the one found: the options typed and the defaults only."
    ),
    "help.option.check.quiet": "Summary lines only.",
    "help.option.check.jobs": (
        "Processes that score many reports at once, the tool's own among them (default: one per available "
        "core for json, junit and sarif alone, where they pay; else one process; never more than one per "
        "available core)."
    ),
    "help.option.validate.format": "table, or json for CI and editors.",
    "help.option.diff.old": "The earlier report (or earlier version); or a folder of last year's reports.",
    "help.option.diff.new": (
        "The later report of the same unit; or a folder of this year's (compared unit by unit)."
    ),
    "help.option.rules.format": "table, json, or markdown (the page docs/rules.md).",
    "help.option.explain.rule": "A rule ID, e.g. c1.vocational-share.",
    "help.option.template.unit": "The unit: its name (冷水滩区) or code (431103).",
    "help.option.template.year": "The statistical year, e.g. 2023.",
    "help.option.template.format": "yaml, or xlsx for a workbook (default: by the --output name, else yaml).",
    "help.option.template.prefill": "Last year's report (YAML or xlsx): its figures pre-filled.",
    "help.option.template.schema": "Path or URL of the JSON Schema: adds a yaml-language-server line on top.",
    "help.option.convert.source": "A report: .yaml, .yml, .json or .xlsx.",
    "help.option.convert.output": "The converted report: .xlsx, .yaml or .json.",
}
