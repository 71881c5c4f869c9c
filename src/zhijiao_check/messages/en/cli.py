"""Messages of the command line itself: usage errors and internal errors.

In English: one catalogue per language, the same keys in each (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "cli.binary-to-terminal": (
        "a workbook (xlsx) is a binary file and cannot be shown on a terminal: write it to a file with "
        "--output NAME.xlsx"
    ),
    "cli.internal-error": (
        "zhijiao-check: internal error (a bug, please report it): {error}; --debug shows the traceback"
    ),
    "cli.internal-error-outside": "zhijiao-check: internal error (a bug, please report it): {error}",
    "cli.usage-help": 'Try "{command} -h" for usage and every option.',
    "cli.usage-no-such-option": "no such option: {option}",
    "cli.usage-no-such-option-maybe": "no such option: {option}; did you mean {maybe}?",
    "cli.usage-no-such-command": "no command, file or folder {name}; did you mean {maybe}?",
    "cli.usage-needs-value": "{option} needs a value after it",
    "cli.usage-switch-with-value": "{option} is a switch and takes no value: write {option} alone",
    "cli.usage-missing-argument": "missing argument {name}",
    "cli.usage-missing-option": "missing option {name}",
    "cli.usage-not-a-choice": '{option} cannot be "{given}": choose one of {choices}',
    "cli.usage-not-a-count": '{option} cannot be "{given}": write a whole number of at least {least}',
    "cli.usage-not-a-number": '{option} cannot be "{given}": write a whole number',
    "cli.usage-bad-value": '{option} cannot be "{given}": {reason}',
    "cli.usage-extra-arguments": "unexpected extra arguments: {arguments} (this command takes fewer)",
    "cli.usage-output-twice": (
        "--output / -o is taken once: {command} writes one file, and of {files} only the last would be "
        "written; nothing was done"
    ),
    "cli.usage-output-folder": (
        "--output {file} ends in a slash, as a folder's name does: give the name of the file to write (such "
        "as {file}results.json); nothing was done"
    ),
    "cli.usage-base-dir-empty": (
        '--base-dir is an empty path (""), such as a variable that is not set: give the repository\'s root '
        "folder (the annotations' paths are relative to it); nothing was done"
    ),
    "cli.usage-shell-unsupported": (
        "no completion to install or show for {shell}: only for {shells}; run this command in one of them"
    ),
    "cli.usage-shell-unknown": (
        "the shell running this could not be found, so no completion to install or show: only for {shells}; "
        "run this command in one of them"
    ),
    "cli.completion-installed": (
        "installed {shell} completion in {file}; it works in a terminal opened from now on"
    ),
    "cli.usage-path-empty": (
        '{option} is an empty path (""), such as a variable that is not set: give the file or folder (an '
        "empty path is not taken for the working folder); nothing was done"
    ),
    "cli.usage-output-empty": (
        '--output is an empty path (""), such as a variable that is not set: give the file to write; nothing '
        "was done"
    ),
    "cli.usage-config-and-no-config": (
        "--config and --no-config cannot be given together: --config FILE reads that file, --no-config reads "
        "none; give one of them; nothing was done"
    ),
    "cli.usage-staged-and-settings-only": (
        "--staged-removals and --settings-only cannot be given together: --staged-removals checks the year "
        "folders a commit takes a report out of, --settings-only reads no report; give each its own hook; "
        "nothing was done"
    ),
    "cli.usage-settings-only-output": (
        "--settings-only reads no report and writes no output: leave out {typed} (the config file's outputs "
        "are passed over); nothing was done"
    ),
    "cli.usage-other": "invalid command line: {reason}",
    "cli.os-is-a-directory": "it is a folder, not a file",
    "cli.os-no-such-path": "no such path, or no new file can be made there",
    "cli.os-not-a-folder": "a part of the path is a file, not a folder",
    "cli.os-in-use-or-denied": (
        "the file may be open in Excel, WPS or another program (close it and try again), or permission is "
        "denied"
    ),
    "cli.os-permission-denied": (
        "permission denied: write to a folder you may write to, or ask its owner for write permission"
    ),
    "cli.os-disk-full": "the disk is full",
    "cli.os-read-only": "the file system is read-only",
    "cli.os-name-too-long": "the file name is too long",
    "cli.os-io-error": (
        "the disk, USB stick or network share failed (EIO): check that it is still connected and sound, "
        "then try again"
    ),
    "cli.os-other": "system error {name}: {said}",
    "cli.os-no-reader": (
        "no program is reading this named pipe (FIFO), or the device is not there: start the program that "
        "reads it first, then run this command"
    ),
    "cli.written": "wrote {files}",
    "cli.written-detail": "wrote {files} ({detail})",
    "cli.exit-status": "exit status {status}: {meaning}",
    "cli.exit-status-config": "exit status {status}: {meaning}; settings from the config file {file}",
    "cli.config-used": "settings from the config file {file}",
    "cli.detail-config": "{detail}; settings from the config file {file}",
    "cli.written-pages": "a page per unit in {folder}",
    "cli.interrupted": "interrupted",
    "cli.invalid-pack": "invalid rule pack:",
    "cli.choose-pack": "several rule packs are installed; choose one with --pack: {packs}",
    "cli.unknown-pack": "unknown rule pack {pack}: neither an installed pack ({packs}) nor a folder",
    "cli.pack-empty": (
        '--pack is empty (""), such as a variable that is not set: give an installed pack ({packs}) or a '
        "pack folder; nothing was done"
    ),
    "cli.explain-one-rule": 'explain shows one rule; "{rule}" names {count}: {ids}',
    "cli.unknown-rule": 'no rule matches "{rule}"; did you mean {suggestion}?',
    "cli.unknown-rule-none": 'no rule matches "{rule}"; see zhijiao-check rules for the list',
    "cli.unknown-format": "unknown format {format}; choose from {formats}",
    "cli.cannot-write": "cannot write {file}: {reason}; no file was left half-written; written: {written}",
    "cli.cannot-write-none": "cannot write {file}: {reason}; no output file was written",
    "cli.spool-failed": (
        "cannot write the temporary file (in {folder}): {reason}; free some space or set TMPDIR to another "
        "folder; no output file was written"
    ),
    "cli.worker-lost": (
        "a worker process stopped before its work was done (ended by the system, perhaps for lack of "
        "memory); no output file was written; run again with fewer --jobs (--jobs 1: one process)"
    ),
    "cli.cannot-write-stdout": "cannot write to standard output: {reason}; files written: {written}",
    "cli.cannot-write-stdout-none": "cannot write to standard output: {reason}; no output file was written",
    "cli.stdout-closed": (
        "standard output is closed, the result has nowhere to go: {advice}; files written: {written}"
    ),
    "cli.stdout-closed-none": (
        "standard output is closed, the result has nowhere to go: {advice}; no output file was written"
    ),
    "cli.stdout-advice-output": "give an --output file",
    "cli.stdout-advice-redirect": "redirect it to a file (> {file})",
    "cli.cannot-write-help": (
        "cannot write to standard output, the help or the version was not shown: {reason}"
    ),
    "cli.stdout-closed-help": (
        "standard output is closed, the help has nowhere to go: redirect it to a file (> help.txt)"
    ),
    "cli.stdout-closed-version": (
        "standard output is closed, the version has nowhere to go: redirect it to a file (> version.txt)"
    ),
    "cli.output-is-input": (
        "the output {file} is the input {input} (the same path, a symlink or a hard link) and "
        "writing would "
        "replace it: nothing was done; choose another output file"
    ),
    "cli.output-over-report": (
        "{file} exists and is not a result zhijiao-check wrote: it may be a report, and writing would "
        "replace it; nothing was done: choose another output file (or move that one away first)"
    ),
    "cli.output-link-over-report": (
        "{file} is a link to {target}, which writing would replace: {target} is not a result zhijiao-check "
        "wrote and may be a report; nothing was done: choose another output file (or remove the link first)"
    ),
    "cli.output-spreadsheet": (
        "{file} not written: the tool does not write {suffix} spreadsheets, a file of that name would be one "
        "Excel or WPS cannot open, and a spreadsheet there would be replaced; nothing was done: name the "
        "output with .xlsx (such as {name})"
    ),
    "cli.output-format-other": (
        "--output {file} ends as --format {named} is named, but it goes with --format {format} (the n-th "
        "--output with the n-th --format) and would hold {format}, not {named}: nothing was written; name it "
        "ending in {expected}, or give the --format options in the order of the --output files"
    ),
    "cli.output-report-name": (
        "{file} not written: a file ending in {suffix} is read as a report, and the {format} result written "
        "there would be an invalid report the next time this folder is checked; nothing was done: name it "
        "ending in {expected}"
    ),
    "cli.output-format-unwritten": (
        "{file} not written: its name ends as the {named} format is named, which {command} does not write; "
        "nothing was done: name it ending in {expected}"
    ),
    "cli.output-format-given": (
        "--output {file} ends as --format {named} is named, but --format {format} was given and it would "
        "hold {format}: nothing was done; name it ending in {expected}, or give --format {named}"
    ),
    "cli.same-output": (
        "{file} and {other} are the same output file, the second would replace the first: give each "
        "--output its own file"
    ),
    "cli.empty-path": (
        'an empty path ("") among the arguments, such as an unset variable: give a report file or '
        "directory "
        "(the working directory is not checked in its place)"
    ),
    "cli.no-rule-selected": (
        "--select/--ignore leave no rule to check: widen the filter (zhijiao-check rules lists them all)"
    ),
    "cli.no-reports": "no reports (*.yaml, *.yml, *.json, *.xlsx, *.xlsm) found in {paths}",
    "cli.several-to-stdout": (
        "{formats} would all go to standard output, mixed beyond reading: give each but one an --output file"
    ),
    "cli.invalid-roster": "invalid roster {file}:",
    "cli.per-unit-not-a-folder": (
        "--per-unit {folder} is a file, not a folder: give a folder (made if it does not exist) for one HTML "
        "page per unit"
    ),
    "cli.output-is-page": (
        "the output {file} is where --per-unit {folder} writes the unit page {page}, the second would "
        "replace the first: nothing was done; choose another output file or another --per-unit folder"
    ),
    "cli.per-unit-needs-html": (
        "--per-unit goes with --format html: it writes one printable HTML page per unit"
    ),
    "cli.base-dir-missing": "the --base-dir folder cannot be read:",
    "cli.base-dir-not-a-folder": (
        "--base-dir {folder} is {kind}, not a folder: give the repository's root (the annotations' paths are "
        "relative to it)"
    ),
    "cli.cache-unused-others": (
        "cache folder {folder} (ZHIJIAO_CHECK_CACHE) not used: group or others may write to it, and a kept "
        "file there could run their code as you, so every run reads the rule packs again; make it yours "
        "alone with chmod go-w {folder}, or unset ZHIJIAO_CHECK_CACHE to use the default cache folder"
    ),
    "cli.cache-unused-owner": (
        "cache folder {folder} (ZHIJIAO_CHECK_CACHE) not used: it belongs to another user, and a kept file "
        "there could run their code as you, so every run reads the rule packs again; point "
        "ZHIJIAO_CHECK_CACHE at a folder only you can write to, or unset it to use the default cache folder"
    ),
    "cli.whole-year-stdin": (
        "--whole-year does nothing for standard input (-): it has no folder, so only the report read "
        "from it is checked"
    ),
    "cli.staged-removed": (
        "the staged changes remove reports from these folders, each checked whole: {folders}"
    ),
    "cli.staged-none": "the staged changes remove no report: nothing to check",
    "cli.staged-first-commit": (
        "the repository has no commit yet, so the staged changes can remove no report: nothing to check"
    ),
    "cli.staged-not-a-repository": (
        "--staged-removals asks git which reports the staged changes delete or move, but {folder} is not "
        "in a git repository: run it in the repository of the reports"
    ),
    "cli.staged-no-git": (
        "--staged-removals asks git which reports the staged changes delete or move, but there is no git "
        "command: install git and put it on the PATH"
    ),
    "cli.staged-unmatched": (
        "--staged-removals was given {paths}, which matches no file in git's index or HEAD, so no removed "
        "report would ever be found there: check the hook's args (the reports' folder, such as reports/)"
    ),
    "cli.staged-git-failed": "git could not list the files the staged changes delete: {reason}",
    "cli.settings-only-paths": (
        "--settings-only checks the settings (config file, waivers, roster, rule packs) and reads no "
        "report: leave out {paths}, or leave out --settings-only to check the reports"
    ),
    "cli.settings-valid": "the settings are valid (no report read): {files}",
    "cli.settings-none": (
        "no config file found and no waivers file or roster given: only the rule packs were checked"
    ),
    "cli.settings-none-no-config": (
        "no config file read (--no-config) and no waivers file or roster given: only the rule packs were "
        "checked"
    ),
    "cli.previous-missing": "a --previous path cannot be read:",
    "cli.previous-invalid": (
        "the previous-year report {file} is invalid and was not compared (check it with validate)"
    ),
    "cli.previous-unmatched": (
        "the --previous reports are of {found}, none of the year before this run's ({years}): "
        "nothing was compared with them"
    ),
    "cli.roster-unmatched": (
        "the roster {file} is for {year} and this run has no report of that year ({years}): "
        "no school was checked against it"
    ),
    "cli.roster-former-name": (
        'the roster {file} gives "{former}", the name before its renaming in {year}: its schools are '
        'checked against the reports of "{name}"'
    ),
    "cli.diff-invalid": "cannot compare: {file} is an invalid report ({count} problems):",
    "cli.diff-invalid-both": "cannot compare: both reports are invalid ({count} problems):",
    "cli.diff-unreadable": "cannot compare: {file} could not be read",
    "cli.diff-other-unit": (
        "the two reports are of different units ({old} and {new}): diff compares two reports of one unit"
    ),
    "cli.diff-folder-and-file": (
        "{folder} is a folder and {file} a file: give two reports of one unit, or two folders (compared unit "
        "by unit)"
    ),
    "cli.diff-no-pairs": "{old} and {new} hold no reports of the same unit to compare",
    "cli.diff-only-in": "units in {folder} only, not compared: {files}",
    "cli.diff-several": "{unit} has several reports in one folder, not compared: {files}",
    "cli.diff-invalid-file": "{file}: invalid report, not compared ({count} problems)",
    "cli.diff-title": "{unit} · {old_year} → {new_year} · {old} → {new}",
    "cli.diff-renamed": 'the unit was renamed in {year}: "{old}" → "{new}"',
    "cli.diff-scores": "score {old} → {new}",
    "cli.diff-fields": "Fields changed ({count}): ~ changed · + added · - removed",
    "cli.diff-none": "none",
    "cli.diff-statuses": "Rule statuses changed ({count})",
    "cli.diff-unchanged": "rules with the same status: {count}",
    "cli.diff-year-earlier": (
        "the new report is of {new}, earlier than the old report {old_file} ({old}): diff takes the old "
        "report first and the new second (zhijiao-check diff LAST_YEAR THIS_YEAR); check whether the two "
        "are swapped, or whether a report's year is wrong"
    ),
    "cli.diff-folders-year-earlier": (
        "in the new folder {new_folder}, {count} units' reports are earlier than theirs in the old folder "
        "{old_folder} ({file} is of {new}, its old report of {old}): diff takes the old first and the new "
        "second (zhijiao-check diff LAST_YEAR THIS_YEAR); check whether the two folders are swapped, or "
        "whether the reports' years are wrong"
    ),
    "cli.diff-folders-year-same": (
        "in the new folder {new_folder}, {count} units' reports are of the same year as theirs in the old "
        "folder {old_folder} ({file} is of {new}): if these are two versions of one year's reports, never "
        "mind; else check whether the reports' years are wrong, or the wrong folder was given"
    ),
    "cli.diff-year-same": (
        "the new report is of {new}, as is the old report {old_file}: if these are two versions of one "
        "year's report, never mind; else check whether a report's year is wrong, or the wrong file or "
        "folder was given"
    ),
    "cli.diff-warnings": "warnings ({count})",
    "cli.invalid-config": "the config file {file} has problems:",
    "cli.config-passed-over": (
        "the config file {file} has problems in keys that {command} does not read: passed over, as if they "
        "were not there (check stops at them; --no-config reads no config file):"
    ),
    "cli.invalid-waivers": "the waivers file {file} has problems (nothing was waived):",
    # Before the problem, after its place (``Problem.report_line``).
    "cli.severity-error": "error: ",
    "cli.severity-warning": "warning: ",
    "cli.progress": "checking reports",  # beside the progress bar of a long run, before its count (185/500)
    "cli.valid": "{file}: valid",
    "cli.valid-summary": "{valid} valid, {invalid} invalid",
    "cli.valid-summary-copies": (
        "{valid} valid ({count} of them copies holding the same report as another), {invalid} invalid"
    ),
}

# When the count is 1 (i18n: ``ONE``).
ONE: dict[str, str] = {
    "cli.diff-invalid": "cannot compare: {file} is an invalid report (1 problem):",
    "cli.diff-invalid-file": "{file}: invalid report, not compared (1 problem)",
    "cli.valid-summary-copies": (
        "{valid} valid (1 of them a copy holding the same report as another), {invalid} invalid"
    ),
}
