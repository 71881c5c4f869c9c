"""Messages of reading a report workbook (area ``workbook``): what a spreadsheet allows and a report may not
hold.

The values in its cells get the report's own messages (``report.*``), the same as in YAML.

In English: one catalogue per language, the same keys in each (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "workbook.xls-or-encrypted": (
        "this is not an .xlsx workbook: it may be the old .xls format or have an opening password. In "
        'Excel or WPS, "Save As" an Excel workbook (*.xlsx) without a password'
    ),
    "workbook.not-a-workbook": (
        "cannot be opened as an .xlsx workbook (damaged, or not an Excel file): make a template with"
        " zhijiao-check template --unit {unit} --year {year} -o {out} and fill it in again"
    ),
    "workbook.command-unit": "UNIT",
    "workbook.command-year": "YEAR",
    "workbook.command-output": '"{stem}-template.xlsx"',
    "workbook.command-output-plain": "new-report.xlsx",
    "workbook.excel-lock-file": (
        'this is the lock file Excel leaves beside the workbook "{real}" while it is open (its name starts '
        "with ~$; it is no report and goes away when the workbook is closed): check the workbook itself: "
        "zhijiao-check validate {command}"
    ),
    "workbook.empty-workbook": (
        "the file is empty (0 bytes): saving or copying it was most likely cut short; save or copy the "
        "workbook again"
    ),
    "workbook.csv-not-xlsx": (
        "this is CSV text (one sheet saved as comma-separated text), not an .xlsx workbook: the other sheets "
        'and the cells\' places are lost; open the original workbook and "Save As" an Excel workbook (*.xlsx)'
    ),
    "workbook.yaml-not-xlsx": "this is a YAML report (a text file) named {suffix}: rename it to .yaml",
    "workbook.ods-not-xlsx": (
        "this is an OpenDocument spreadsheet (.ods) named {suffix}: open it in WPS, Excel or LibreOffice and "
        '"Save As" an Excel workbook (*.xlsx)'
    ),
    "workbook.zip-bomb": (
        "the workbook would unpack far beyond any real report ({what}): check that this is the right file; "
        "refused"
    ),
    "workbook.zip-bomb-parts": "{entries} parts, where a real workbook has a few dozen",
    "workbook.zip-bomb-size": "{entries} parts of about {size_mib} MiB in all, over the limit of {limit} MiB",
    "workbook.zip-bomb-part": "its part {part} is about {size_mib} MiB, over the limit of {limit} MiB for it",
    "workbook.sheet-too-large": (
        'the sheet "{sheet}" unpacks to {size_mib} MiB, over the limit of {limit} MiB (a report filled up '
        "to the limit of cells has no sheet of even 10 MiB), far beyond what {file_kind} holds: check that "
        "this is the right file, delete the rows and columns that do not belong in it and save it again in "
        "Excel or WPS"
    ),
    "workbook.cell-text-too-long": (
        "the cell holds a text of more than {limit} characters, more than a cell of Excel holds: the file is "
        "damaged, or was not saved by Excel or WPS. Check that this is the right file, shorten the text and "
        "save it again in Excel or WPS"
    ),
    "workbook.sheet-text-too-long": (
        'the file of the sheet "{sheet}" holds a run of more than {limit} bytes outside any cell, longer '
        "than the text of any cell of Excel: the file is damaged, or was not saved by Excel or WPS. Check "
        "that this is the right file, open it in Excel or WPS and save it again"
    ),
    "workbook.style-missing": (
        "the cell's format (style number {index}) is missing from the workbook or incomplete: the file is "
        "damaged, or was not saved by Excel or WPS. Open it in Excel or WPS and save it again"
    ),
    "workbook.shared-string-missing": (
        "the cell refers to shared text number {index}, which is not there: the workbook has {count} shared "
        "texts. The file is damaged, or was not saved by Excel or WPS. Open it in Excel or WPS and save it "
        "again"
    ),
    "workbook.cell-repeated": (
        "the cell {ref} is written more than once in the sheet's file, and only one of its values would be "
        "read: the file is damaged, or was not saved by Excel or WPS. Open it in Excel or WPS, check the "
        "cell and save it again"
    ),
    "workbook.cell-out-of-order": (
        "the cell {ref} is written after {after} in the sheet's file, out of the order of rows and columns, "
        "and would be skipped: the file is damaged, or was not saved by Excel or WPS. Open it in Excel or "
        "WPS, check the cell and save it again"
    ),
    "workbook.cell-in-other-row": (
        "the cell {ref} is written within row {row} in the sheet's file, which is not its row: the file is "
        "damaged, or was not saved by Excel or WPS. Open it in Excel or WPS, check the cell and save it "
        "again"
    ),
    "workbook.cell-reference-invalid": (
        'a cell is written as "{ref}" in the sheet\'s file, which is no place on a sheet (rows 1 to '
        "1,048,576, columns A to XFD): the file is damaged, or was not saved by Excel or WPS. Open it in "
        "Excel or WPS and save it again"
    ),
    "workbook.too-many-cells": (
        'the cells holding a value on the sheet "{sheet}" ({range}) take the workbook over {limit} such '
        "cells, far beyond what {file_kind} holds: check that this is the right file, or delete what does "
        "not belong in it in that range"
    ),
    "workbook.too-many-formatted-cells": (
        'the sheet "{sheet}" has more than {limit} cells by row {row}, most of them blank but formatted '
        "(borders, fills); the cells holding a value are {range}: select the unused rows below and columns "
        "to the right of the table, delete them and save"
    ),
    "workbook.rows-beyond-sheet": (
        'the sheet "{sheet}" is written with more than {limit} rows, more than a sheet of Excel has: the '
        "file is damaged, or was not saved by Excel or WPS. Check that this is the right file, open it in "
        "Excel or WPS and save it again"
    ),
    "workbook.row-beyond-columns": (
        'a row of the sheet "{sheet}" is written with more than {limit} cells, more than a sheet of Excel '
        "has columns: the file is damaged, or was not saved by Excel or WPS. Check that this is the right "
        "file, open it in Excel or WPS and save it again"
    ),
    "workbook.row-overfull": (
        'a row of the sheet "{sheet}" is written with more than {limit} parts (cells, values, formulas, runs '
        "of text and their formats), more than any row of Excel: the file is damaged, or was not saved by "
        "Excel or WPS. Check that this is the right file, open it in Excel or WPS and save it again"
    ),
    "workbook.too-many-rows": (
        "the workbook has more than {limit} rows, far beyond what {file_kind} holds: check that this is the "
        "right file"
    ),
    "workbook.workbook-unreadable": (
        "the workbook's content is damaged and cannot be read (in detail: {reason}): open it in Excel or WPS "
        "and save it again as .xlsx"
    ),
    "workbook.part-repeated": (
        "the workbook holds its part {part} more than once, and the copies may differ: which one is meant "
        "cannot be told (Excel offers to repair the file, or shows one of them). The file is damaged, or was "
        "not saved by Excel or WPS: open it in Excel or WPS, check its figures and save it again as .xlsx"
    ),
    "workbook.xml-doctype": (
        "the workbook's part {part} declares a document type or entities (<!DOCTYPE>), which Excel and WPS "
        "never write: most likely a file made to overwhelm or spy through the program reading it; refused. "
        "Check that this is the right file, or open it in Excel or WPS and save it again as .xlsx"
    ),
    "workbook.xml-damaged": (
        "the workbook's part {part} is not well-formed XML at line {line}, column {column}: the file is "
        "damaged, or was not saved by Excel or WPS. Open it in Excel or WPS and save it again as .xlsx"
    ),
    "workbook.row-number-invalid": (
        'a row in the file of the sheet "{sheet}" is numbered "{row}", which is no whole number from 1 to '
        "1,048,576: the file is damaged, or was not saved by Excel or WPS. Open it in Excel or WPS and save "
        "it again as .xlsx"
    ),
    "workbook.too-many-merges": (
        'the sheet "{sheet}" has more than {limit} merged ranges, far beyond what {file_kind} holds: check '
        "that this is the right file, or unmerge them (select all, then click Merge & Center once more) and "
        "save"
    ),
    "workbook.out-of-memory": (
        "there was not enough memory to read this workbook, which holds far more than {file_kind} does: "
        "check that this is the right file, delete the rows, columns and sheets that do not belong in it "
        "and save it again in Excel or WPS"
    ),
    "workbook.sheet-twin": (
        'the sheets "{found}" and "{other}" have the same name once the spaces around their names are '
        'taken off, both "{sheet}"{hidden}: the report is read by sheet name and which one holds it cannot '
        "be told, so the workbook is not read. Delete the one that does not belong, or give it another name"
    ),
    "workbook.twin-hidden": ' ("{sheet}" is hidden)',
    "workbook.no-unit-sheet": (
        'no sheet "{sheet}" (found: {found}): fill in a template made by zhijiao-check template --format xlsx'
    ),
    "workbook.no-sheet": (
        'no sheet "{sheet}": copy it from a new template; with no schools, write "无" as the name in its '
        "row 3"
    ),
    "workbook.sheet-missing": (
        'no sheet "{sheet}": everything it holds is read as not given (rules that need it are missing)'
    ),
    "workbook.sheet-renamed": (
        'the sheet "{found}" looks like the sheet "{sheet}" ({keys} as in the template), but sheets are read '
        'by their names and its data was not read: rename it back to "{sheet}"'
    ),
    "workbook.key-row": "the same row of field keys",
    "workbook.key-column": "the same field keys",
    "workbook.rows-hidden": (
        "{count} rows ({rows}) are hidden; their data is still read: check that it should count (unhide them "
        "to see it)"
    ),
    "workbook.column-hidden": (
        "this column is hidden; its data is still read, and a blank cell in it counts as missing data: "
        "unhide it (select the columns on either side, right-click › Unhide) and check that it is filled in"
    ),
    "workbook.sheet-hidden": "this sheet is hidden; its data is still read: check that it should count",
    "workbook.sheet-copy": (
        'this sheet looks like a copy of the sheet "{sheet}", which is there too, and was not read: '
        'delete the copy, or move its rows into "{sheet}"'
    ),
    "workbook.sheet-not-read": (
        "this sheet is not part of the report and was not read{hint}. The report's sheets are: {sheets}"
    ),
    "workbook.no-header": "no header row (with {headers}) found: copy the header from a new template",
    "workbook.no-key-row": (
        "no row of field keys (below the header, with {key}) found: copy the header and key rows from a "
        "new template"
    ),
    "workbook.unknown-key": (
        'unknown field key "{key}"{hint}: the keys come from the template; do not change them'
    ),
    "workbook.duplicate-key": 'the field key "{key}" is repeated (first on row {first}): one row per field',
    "workbook.value-without-key": (
        "this row has no field key, so its value was not read: write the figure on the row of its field"
    ),
    "workbook.field-row-missing": 'the row of "{label}" ({key}) is missing: read as not given',
    "workbook.column-missing": 'the column "{label}" ({key}) is missing: read as not given in every row',
    "workbook.header-renamed": (
        'the header "{found}" differs from the template\'s "{label}": read by its key {key}'
    ),
    "workbook.value-not-read": (
        '"{found}" in this cell is not read (only the 填报值 column is): if it is the value of "{label}", '
        "put it in {target}"
    ),
    "workbook.total-row": (
        '"{found}" makes this a row of totals, not an entry, and it is not read: delete the row (the tool '
        "adds up by itself)"
    ),
    "workbook.column-not-read": (
        "this column ({label}) has no field key and was not read: only the template's columns are read"
    ),
    "workbook.blank-rows": "{count} blank rows between the entries (rows {rows}) were skipped: delete them",
    "workbook.merged-cells": (
        "merged cells {range}: only the first holds the value, the others read as blank. Unmerge them "
        "and fill each cell"
    ),
    "workbook.merged-header": "merged header cells {range}: the columns are read by their field keys",
    "workbook.formula-no-value": (
        "the formula has no computed value (the file was not saved by Excel or WPS): open the file, "
        "save it, then check"
    ),
    "workbook.number-too-large": (
        "the number {found} in this cell is beyond what Excel can hold (far beyond any real figure, most "
        "likely written by another program) and is not read: type the actual figure"
    ),
    "workbook.not-a-number": (
        'the cell is stored as a number but holds "{found}", which is no number (the file is damaged, or was '
        "not saved by Excel or WPS), and is not read: type the figure in this cell again in Excel or WPS, in "
        "digits (such as 28), and save"
    ),
    "workbook.number-digits": "{sign}{head}… ({count} digits)",
    "workbook.number-infinite": "above 1.8×10³⁰⁸",
    "workbook.formula-error": (
        "the formula's result is the error {value}: correct the formula or write the figure"
    ),
    "workbook.formula-text": (
        'the formula\'s result is the text "{found}", not a number: use a formula that returns a number '
        "(such as =VALUE(…)), or type the number"
    ),
    "workbook.year-formatted-as-date": (
        "the cell is formatted as a date, so the year {year} is taken as the date {shown}: set the cell's "
        "format to General and it shows {year}"
    ),
    "workbook.percent-format": (
        "the cell is formatted as a percentage: it holds {found} (shown as {shown}), but {expected} belongs "
        "here, not a share. Set the cell's format to General and enter the figure itself"
    ),
    "workbook.text-trimmed": (
        'the text has {where}, which the cell does not show: removed, read as "{value}"; delete it from '
        "the cell"
    ),
    "workbook.trimmed-start": "{what} at the start",
    "workbook.trimmed-end": "{what} at the end",
    "workbook.trimmed-and": " and ",
    "workbook.spaces": "{count} spaces",
    "workbook.line-breaks": "{count} line breaks",
    "workbook.quoted": '"{text}"',  # a line of a cell's text
    "workbook.line-break-in-text": (
        "a line break inside the name ({lines}: {count} lines): a name is one line; remove the line break "
        'and write "{write}"'
    ),
    "workbook.school-blank": 'no school given: choose a school name from the sheet "学校"',
    "workbook.unknown-school": (
        'no school "{name}" on the sheet "学校"{hint}: choose a school name from that sheet'
    ),
    "workbook.names-joined": (
        '"{found}" contains {separator}: it looks like several names run together, which count as only '
        '{count} written so; separate them with "、" (or put each on a line of its own), as in "{write}"'
    ),
    "workbook.names-numbered": (
        '"{found}" contains {separator}: the names in a list cell cannot be numbered; delete the numbers and '
        'separate the names with "、" (or put each on a line of its own), as in "{write}"'
    ),
    "workbook.none-but-rows": (
        'this says "无" (none), but its sheet has {count} rows: delete "无" when there are entries'
    ),
    "workbook.marker-only-none": (
        'found "{found}": this cell takes only "{none}" (when there are none) and is left blank otherwise; '
        'write the entries of {label} on the sheet "{sheet}", a row each'
    ),
    "workbook.marker-only-none-school": (
        'found "{found}": this cell takes only "{none}" (when the school has none) and is left blank '
        'otherwise; write the entries of {label} on the sheet "{sheet}", a row each, naming the school in '
        "its first column"
    ),
    "workbook.row-above-keys": (
        "this row stands above the row of field keys (row {key_row}) and is not read: the key row seems to "
        "have been moved (selected in a sort, for instance). Move the key row back to row {target}, under "
        "the header, with every entry below it; to sort, select only the entries, from row {first}"
    ),
    "workbook.schools-blank": (
        'no school is given on the sheet "学校": give each vocational school a row; if the unit truly has no '
        'vocational school, write "{none}" in this cell'
    ),
    "workbook.no-schools-filled": (
        'the school name says "{none}" (the unit has no school), but the row holds more: for no school the '
        'row holds "{none}" alone; for a school, write its name'
    ),
    "workbook.no-schools-but-rows": (
        'this says "{none}" (the unit has no school), but the sheet lists {count} schools: delete the row '
        'of "{none}" when there are schools'
    ),
    # After a name that is not known, when one is close to it.
    "workbook.did-you-mean": ' (did you mean "{name}"?)',
    "workbook.list-no-names": (
        '"{found}" holds no name: type "{none}" alone when there are none (no "、" or other mark), else the'
        ' names, separated by "、"'
    ),
    "workbook.list-none-beside-names": (
        '"{found}" holds "{none}" beside names: where there are names, delete "{none}" and type "{write}"'
    ),
    "workbook.school-blank-hint": (
        " (the school name at {cell} is blank: if it is this school, type its name there)"
    ),
    "workbook.school-unnamed-hint": (
        " (the school name at {cell} is no text and cannot be read: if it is this school, type its name"
        " there)"
    ),
}

# When the count is 1 (i18n: ``ONE``).
ONE: dict[str, str] = {
    "workbook.rows-hidden": (
        "row {rows} is hidden; its data is still read: check that it should count (unhide it to see it)"
    ),
    "workbook.shared-string-missing": (
        "the cell refers to shared text number {index}, which is not there: the workbook has 1 shared text. "
        "The file is damaged, or was not saved by Excel or WPS. Open it in Excel or WPS and save it again"
    ),
    "workbook.blank-rows": "a blank row between the entries (row {rows}) was skipped: delete it",
    "workbook.spaces": "a space",
    "workbook.line-breaks": "a line break",
    "workbook.none-but-rows": (
        'this says "无" (none), but its sheet has 1 row: delete "无" when there are entries'
    ),
    "workbook.no-schools-but-rows": (
        'this says "{none}" (the unit has no school), but the sheet lists 1 school: delete the row of '
        '"{none}" when there is a school'
    ),
}
