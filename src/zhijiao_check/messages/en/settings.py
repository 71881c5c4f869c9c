"""Messages of the config file and the waivers file (area ``settings``).

In English: one catalogue per language, the same keys in each (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "settings.not-utf8": "not UTF-8: save it as UTF-8",
    "settings.not-toml": "not valid TOML: {reason}",
    "settings.toml-why-twice": "the same key is written twice",
    "settings.toml-why-table-twice": "the same table ([name]) is declared twice",
    "settings.toml-why-quote": "a text's quote is not closed",
    "settings.toml-why-equals": 'a key must be followed by "=" (TOML uses no colon)',
    "settings.toml-why-value": (
        'the value is not written right: a text in double quotes ("en"), yes or no as true or false'
    ),
    "settings.toml-why-array": "the brackets [ ] are not closed, or a comma is missing between items",
    "settings.toml-why-inline-table": "the braces are not closed, or a comma is missing between their items",
    "settings.toml-why-array-header": "an array of tables' header ends with ]], as in [[waiver]]",
    "settings.toml-why-table-header": "a table's header ends with ], as in [tool.zhijiao-check]",
    "settings.toml-why-one-per-line": 'one "key = value" a line: something follows the value',
    "settings.toml-why-too-deep": (
        "brackets [ ] or braces {{ }} nest more than {limit} levels deep (no setting needs so many): "
        "delete the extra ones"
    ),
    "settings.toml-why-date": (
        "write a date as 2024-06-30: year-month-day, two digits for the month and the day, with hyphens and "
        "no quotes; and check that the day exists"
    ),
    "settings.pyproject-unread": (
        "{reason}; the settings of a [{name}] table in it, if it has one, do not apply (the search for a "
        "config file went on in the folders above; --no-config reads none)"
    ),
    "settings.config-table-missing": "no [{name}] table: add one, or do not name this file with --config",
    "settings.config-table-near-miss": (
        "the table [{found}] is not read, so its settings would not apply: did you mean [{name}]?"
    ),
    "settings.path-missing": (
        '"{key}" = {found} does not exist (a path relative to the config file\'s folder): check the name'
    ),
    "settings.base-dir-empty": (
        '"{key}" is an empty path (""): give the repository\'s root (the annotations\' paths are relative to '
        'it), a path relative to the config file\'s folder ("." for that folder itself)'
    ),
    "settings.base-dir-not-a-folder": (
        "\"{key}\" = {found} is {kind}, not a folder: give the repository's root (the annotations' paths are "
        "relative to it), a path relative to the config file's folder"
    ),
    "settings.base-dir-unreadable": '"{key}" = {found} cannot be read: {reason}',
    "settings.path-nul": (
        '"{key}" = {found} holds a NUL character (\\u0000), which no file or folder name can hold: write the '
        "real name"
    ),
    "settings.output-folder": (
        '"{key}" = {found} ends in "/", which names a folder: give the file to write (a name after the "/", '
        "such as results{suffix})"
    ),
    "settings.output-from-config": (
        "the output {file} is named here in the config file's [[outputs]]: choose another file name (-o "
        "given on the command line wins)"
    ),
    "settings.pack-from-config": (
        "the rule pack {pack} is named here in the config file: correct the pack, or take this entry out of "
        "packs (--rules given on the command line wins)"
    ),
    "settings.units-from-config": (
        "the reporting units were taken from the rule pack {pack}, named here in the config file (--rules "
        "given on the command line wins)"
    ),
    "settings.unknown-key": 'unknown key "{key}": the keys are {known}',
    "settings.wrong-type": '"{key}" = {found} is not valid: write {expected}',
    "settings.quoted-value": '"{key}" takes its value without quotes: write {key} = {write}',
    "settings.wrong-choice": '"{key}" = {found} is not valid: choose {choices}',
    "settings.output-needs-format": (
        '[[outputs]] has no format: write format = "json" (one of {choices}), or a file whose name ends with '
        ".json, .xlsx, …"
    ),
    "settings.output-format-other": (
        'file = "{output}" ends as format "{named}" is named, but this [[outputs]] has format = "{format}": '
        'it would hold {format}, not {named}; name the file ending in {expected}, or write format = "{named}"'
    ),
    "settings.waiver-needs": (
        'the waiver has no "{key}" (found: {found}): every waiver names its rule, unit, reason, '
        "approver and document"
    ),
    "settings.waiver-one-each": (
        '"{key}" = {found} is a list, but a waiver names one {key}, as a text in quotes: write a [[waiver]] '
        "for each"
    ),
    "settings.waiver-control-character": (
        '"{key}" holds the control character {code_point} (character {position}), which would garble the '
        "outputs (an escape sequence recolours a terminal): delete it (line breaks and tabs may stay in "
        "reason, approved-by and document)"
    ),
    "settings.waiver-not-text": '"{key}" = {found} is not a text: write it in quotes, as {key} = "…"',
    "settings.waiver-needs-time": (
        "a waiver needs a year (the statistical year excused) or expires (its last day, e.g. "
        "2024-06-30), or both"
    ),
    "settings.waiver-unknown-rule": 'there is no rule "{rule}"; did you mean {suggestion}?',
    "settings.waiver-unknown-rule-none": 'there is no rule "{rule}"; see zhijiao-check rules for the list',
    "settings.waiver-unknown-unit": (
        'unknown unit "{unit}"; did you mean "{suggestion}"? For a city-wide rule write 全市'
    ),
    "settings.waiver-unit-not-yet": (
        '"{name}" was created in {since} and reports from {since} on, so it has no result for {year}: '
        "write a year from {since} on"
    ),
    "settings.waiver-unit-merged": (
        '"{name}" {merged} and files no report of its own from {year} on: '
        'write unit = "{into}", or a year before {year}'
    ),
    "settings.waiver-unit-renamed": '"{name}" was renamed "{new}" in {year}: write unit = "{new}"',
    "settings.waiver-code-renamed": (
        'the code {old_code} is that of "{old}", renamed "{name}" in {year}, whose code is {expected}: '
        'write unit = "{expected}"'
    ),
    "settings.waiver-city-wide-rule": (
        '{rule} is a city-wide rule, whose result is the whole city\'s, not "{unit}"\'s: write unit = "全市"'
    ),
    "settings.waiver-unit-rule": (
        "{rule} is checked on each unit's report, not city-wide: write a unit's name or code as unit, "
        'e.g. "{example}"'
    ),
    "settings.waiver-unit-kind": (
        '{rule} is checked only on the reports of these kinds: {kinds}; "{unit}" is a {kind}: the waiver '
        "would match no result; check the rule or the unit"
    ),
    "settings.waiver-expired": "the waiver of {rule} for {unit} expired on {expires}: the rule counts again",
    "settings.waiver-repeats": (
        "the waiver of {rule} for {unit} (year {year}) repeats the waiver at line {first}, which excuses the "
        "same results: delete one of them"
    ),
    "settings.waiver-unused": (
        "the waiver of {rule} for {unit} (year {year}) matches no result that is not met, though the run "
        "checked {unit} that year: the result is met or does not apply, or the entry is wrong (rule, unit, "
        "year)"
    ),
}
