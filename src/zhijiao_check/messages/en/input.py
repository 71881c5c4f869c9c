"""Messages of the ``template`` and ``schema`` commands (area ``input``): their errors and the template's
header.

A field's comment in the Chinese template is the Chinese title and description of its Pydantic model, so
that the template can never say something the model does not; here is only how a comment is put together
and what a field takes. In English a field is named by its label (``field.``) and a choice by its codes.

In English: one catalogue per language, the same keys in each (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # Errors.
    "input.unknown-unit": (
        'unknown reporting unit "{name}": did you mean "{suggestion}"? The units are {known}'
    ),
    "input.unknown-unit-no-match": 'unknown reporting unit "{name}": the units are {known}',
    "input.unit-not-yet": (
        '"{name}" was created in {since} and reports from {since} on: use --year {since} or a later year'
    ),
    "input.unit-merged": (
        '"{name}" {merged} and files no report of its own from {year} on: use --unit {into}'
    ),
    "input.unit-renamed": '"{name}" was renamed "{new}" in {year}: use --unit {new}',
    "input.code-renamed": (
        'the code {old_code} is that of "{old}", renamed "{new}" in {year}: use --unit {new}'
    ),
    "input.template-former-name": (
        '"{given}" is the name or code before the renaming in {year}: the template gives the name the unit '
        'has now, "{name}" (a report of a year before {year} may give either)'
    ),
    "input.year-out-of-range": (
        "the statistical year {year} is outside {low}–{high}: give a 4-digit year such as --year 2023"
    ),
    "input.output-exists": (
        "{file} exists and was not overwritten (it may be a filled-in report): choose another name, or "
        "add --force"
    ),
    "input.from-invalid": (
        "{file} is not a valid report (problems above) and cannot pre-fill the template: correct it first"
    ),
    "input.from-other-unit": (
        '{file} is the report of "{found}", not of "{unit}": choose this unit\'s report of last year'
    ),
    "input.from-wrong-year": (
        "{file} is the report of {found}, and --year {year} is pre-filled from the report of the year "
        'before, {expected}: its "current" figures become this year\'s "last year" ones, which any other '
        "year's would make wrong. Choose the unit's report of {expected}, or leave out --from for a blank "
        "template"
    ),
    "input.template-format": (
        "cannot write a template as {file}: its name should end in .yaml, .yml or .xlsx (.xlsx for a "
        "workbook to fill in Excel or WPS)"
    ),
    "input.template-format-other": (
        "{file} does not end as --format {format} is written: .xlsx for a workbook, .yaml or .yml for YAML"
    ),
    "input.convert-format": (
        "cannot tell which format {file} is: the output name must end in .xlsx, .yaml, .yml or .json"
    ),
    "input.convert-stdout": (
        "convert writes a file in the format its name ends with, and -o - is standard output, which has no "
        "such ending: give a file name ending in .xlsx, .yaml, .yml or .json"
    ),
    "input.convert-invalid": (
        "{file} is not a valid report (problems above) and was not converted: correct it first; only "
        "valid reports are converted, so that nothing is lost or guessed"
    ),
    "input.convert-list-item": (
        '"{item}" in {path} holds a separator (、，；/, spaces between names, a number) or is "无", which a '
        "workbook cell cannot tell apart from other items: rename it"
    ),
    "input.convert-school-none": (
        '{path} is "{none}": as a school\'s name on the workbook\'s sheet "学校", "{none}" says the unit has '
        "no school, and this school would be lost: write the school's full name"
    ),
    "input.convert-precision": (
        "{value} in {path} has more than 15 significant digits, which Excel does not keep: round it"
    ),
    "input.cell-text-too-long": (
        "{what} {length} characters, more than the {limit} a cell of Excel holds: written into a workbook it "
        "would be cut short. Shorten it first (nothing was written)"
    ),
    "input.cell-text-one": "this text has",
    "input.cell-text-list": "these names, joined by 、 in the one cell a workbook gives them, have",
    # The template's header: comments at the top of the blank report.
    "input.template-title": "{unit}: vocational-education report for {year} ({document}, report format v1)",
    "input.template-generated": (
        "Made by zhijiao-check template. The # comment after each field gives its meaning and what it "
        "takes (a choice's codes with their meanings)."
    ),
    "input.template-fill": (
        "1. Write a value after each colon; a field left blank is an error (validate points to each one)."
    ),
    "input.template-absent": (
        "2. A field you have no figure for: delete the whole line, neither blank nor 0; the check "
        "reports it as "
        "missing. Write 0 only when the figure is 0."
    ),
    "input.template-lists": (
        '3. A block starting with "- " is one entry of a list (a school, a major…): copy the block '
        "for each "
        "entry; write [] when there is none."
    ),
    "input.template-values": (
        "4. Numbers without units, thousands separators or percent signs; yes/no as true or false; "
        "an ASCII colon "
        "and a space after each field name; indent with spaces."
    ),
    "input.template-check": "5. Save as UTF-8, then run: zhijiao-check validate {file}",
    "input.template-prefilled": (
        "Pre-filled from {file}: last year's figures are in place (its current figures moved to this "
        "year's last-year ones); update each one to this year's figure."
    ),
    "input.template-prefilled-absent": (
        'A line starting with "# field:" is a field last year\'s report did not give: to give it, delete '
        'the "# " at its start and fill it in; else leave it as it is.'
    ),
    "input.template-workbook-chinese": (
        "The workbook is the bureau's Chinese form whatever --lang says: its sheet names, headers and "
        "instructions are in Chinese (docs/excel.md); for an English template write YAML (-o NAME.yaml)"
    ),
    "input.template-no-code": "{unit} has no administrative code: leave code out",
    # A field's comment in the template: its label, what it takes, and a choice's codes with their meanings.
    "input.template-comment": "{title} ({hint}): {description}",
    "input.template-comment-plain": "{title}: {description}",
    "input.template-comment-bare": "{title} ({hint})",
    "input.template-hint-required": "required",
    "input.template-hint-and": ", ",
    "input.template-hint-entries": 'a list, each entry starting with "- "',
    "input.template-hint-list": "a list, as [a, b]; none: []",
    "input.template-hint-choice": "one of",
    "input.template-hint-year": "a 4-digit year",
    "input.template-hint-whole": "a whole number",
    "input.template-hint-number": "a number",
    "input.template-hint-boolean": "true or false",
    "input.template-hint-string": "text",
    "input.schema-description": (
        "The units' names, kinds and codes are those of the rule pack's list of units ({count} units). "
        "Duplicate field names, schools or majors of one name, more 双师型 or trained teachers than "
        "full-time teachers and the like cannot be said in JSON Schema: only zhijiao-check validate "
        "checks them."
    ),
}

# When the count is 1 (i18n: ``ONE``).
ONE: dict[str, str] = {
    "input.schema-description": (
        "The unit's name, kind and code are those of the rule pack's list of units (1 unit). "
        "Duplicate field names, schools or majors of one name, more 双师型 or trained teachers than "
        "full-time teachers and the like cannot be said in JSON Schema: only zhijiao-check validate "
        "checks them."
    ),
}
