"""Messages about report files (area ``report``): reading, YAML, format v1, cross-field checks, warnings.

Every message says what was found and what to write. Parameters are language-neutral (``found`` is the
value as YAML shows it, ``write`` the value to write); ``expected`` and ``kind`` are wording of their own
(``report.expected-<type>``, ``report.file-kind-<kind>``), rendered in the language of the message.

In English: one catalogue per language, the same keys in each (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # A value too long to quote whole in a message (problems.py).
    "report.long-number": "{head}… ({count} digits)",
    "report.long-text": "{head}… ({count} characters)",
    # Reading the file (source/encoding.py, files.py).
    "report.file-too-large": (
        "the file is {size_mib} MiB, over the 10 MiB limit: {file_kind} is far smaller; check that "
        "this is the right file"
    ),
    # What a file over a limit was to be (problems.said_of).
    "report.limit-of-report": "a unit report",
    "report.limit-of-roster": "a roster",
    "report.limit-of-waivers": "a waivers file",
    "report.limit-of-pack": "a rule pack's file",
    "report.limit-of-config": "a config file",
    "report.not-regular-file": "this is {kind}, not a regular file, and was not opened: give a file",
    "report.file-unreadable": "cannot read it: {reason}",
    "report.path-not-found": "no such file or directory: check the name",
    "report.link-broken": (
        "this symbolic link points to {target}, which does not exist: restore what it points to, or remove "
        "the link"
    ),
    "report.permission-denied": (
        "permission denied: ask the owner for read permission (execute too, for a directory), or "
        "use a copy "
        "you can read"
    ),
    "report.io-error": (
        "the disk, USB stick or network share failed while reading (EIO): check that it is still connected "
        "and sound, then try again"
    ),
    "report.name-too-long": (
        "a name in this path is too long for the file system: use a shorter file or directory name"
    ),
    "report.symlink-loop": (
        "a loop of symbolic links (the link ends up pointing to itself): fix or delete the link"
    ),
    "report.stdin-closed": 'standard input is closed: "-" cannot be read',
    "report.directory-unreadable": (
        "cannot enter this directory; the reports in it were not checked: {reason}"
    ),
    "report.file-name-not-utf8": (
        "the file name is not UTF-8; the bytes that are not are shown as \\xNN: rename the file"
    ),
    "report.file-name-gbk": (
        'the file name is GBK-encoded (as in a zip made on a Chinese Windows), read as "{name}": '
        "rename the "
        'file "{name}"'
    ),
    "report.file-name-txt": (
        'the file name ends in an extra .txt (Notepad saved it as a text document), read as "{name}": '
        'rename the file "{name}"'
    ),
    "report.year-differs-from-folder": (
        'the report\'s year is {year}, but its folder "{part}" says {said}: check whether the year is wrong '
        "(last year's report copied and not updated) or the report is in the wrong folder; it is checked as "
        "a {year} report"
    ),
    "report.year-differs-from-file-name": (
        'the report\'s year is {year}, but its file name "{part}" says {said}: check whether the year is '
        "wrong (last year's report copied and not updated) or the file name is; it is checked as a {year} "
        "report"
    ),
    "report.written-by-the-tool": (
        "this is a result zhijiao-check wrote, not a report: name the report files (a folder's search for "
        "reports leaves such files out)"
    ),
    "report.roster-not-report": (
        "this is a roster (each unit's list of schools), not a report: name the report files; a roster is "
        "given with --roster or the config file's (zhijiao-check.toml) roster, and the reports are held "
        "against it"
    ),
    "report.table-text-file": (
        "this is a {suffix} file: one sheet of a workbook saved as text, without the rest of the report and "
        "its cells, so it cannot be read as a report: give the Excel workbook (*.xlsx) itself, or the YAML "
        "report"
    ),
    "report.bad-encoding": (
        "unknown encoding: byte {byte} is neither UTF-8 nor GB18030; save the file as UTF-8"
    ),
    "report.lines-not-utf8": (
        "the file is UTF-8 but line(s) {lines} are not (byte {byte}; text pasted from a GBK file?): "
        "retype those "
        "lines in your editor and save the file as UTF-8"
    ),
    "report.office-document": (
        "this is an Office document (a zipped format such as .xlsx, .ods or .docx), not a text file: if it "
        "is an Excel workbook, rename it to .xlsx; save another spreadsheet as an Excel workbook (*.xlsx) in "
        "Excel or WPS"
    ),
    "report.ods-document": (
        "this is an OpenDocument spreadsheet (.ods, as LibreOffice or WPS save it), and the tool reads Excel "
        "workbooks (.xlsx): open it in WPS, Excel or LibreOffice, "
        '"Save As" an Excel workbook (*.xlsx) and check'
        " that"
    ),
    "report.other-spreadsheet": (
        "this is a {suffix} spreadsheet (an Excel binary workbook or template, a WPS or LibreOffice "
        "format, a Numbers document), and the tool reads Excel workbooks (.xlsx): open it in Excel, WPS, "
        'LibreOffice or Numbers, "Save As" (in Numbers "Export To") an Excel workbook (*.xlsx) and check that'
    ),
    "report.legacy-office-document": (
        "this is an old Office document (such as Excel 97-2003's .xls or WPS's .et), which cannot be read: "
        "save it as an Excel workbook (*.xlsx) in Excel or WPS"
    ),
    "report.wide-encoding": (
        'the file is encoded as {encoding} (2 or 4 bytes a character): open it and use "Save as" with '
        "the encoding UTF-8"
    ),
    "report.bad-encoding-bom": (
        "the file starts with a {encoding} byte-order mark but is not valid {encoding}: save the file "
        "as UTF-8"
    ),
    "report.encoding-gb18030": (
        "the file is not UTF-8; it was read as {encoding} (a superset of GBK): consider saving it as UTF-8"
    ),
    "report.odd-character": (
        "holds characters that are invisible or only look like ordinary ones: {characters} (# gives "
        "the position "
        "in the value), usually pasted from a web page, Word or a chat: delete or retype them; "
        "without them it "
        'reads "{value}"'
    ),
    "report.invisible-only": (
        "holds only invisible characters ({characters}) and is empty without them: write the actual text"
    ),
    "report.compatibility-ideograph": (
        'character {index} is {character}, a CJK compatibility ideograph that looks like "{write}" '
        "but is "
        'another character: write "{write}" ("{value}")'
    ),
    "report.bad-character": (
        "the file contains the invisible control character {code_point}: delete it (it often comes "
        "with text "
        "copied from web pages or spreadsheets)"
    ),
    # YAML (source/yamltree.py, slips.py, syntax.py).
    "report.empty-file": (
        "the file is empty (or holds only comments): fill in a report (see zhijiao-check template)"
    ),
    "report.several-documents": (
        'the file holds more than one YAML document (separated by "---"): put one report in each file'
    ),
    "report.yaml-syntax": (
        "YAML syntax error ({reason}): check the indentation, colons and quotes of this line and the "
        "one before"
    ),
    "report.yaml-why-flow-sequence": 'a comma "," or the closing "]" is missing in [ ]',
    "report.yaml-why-flow-mapping": 'a comma "," or the closing brace is missing inside the braces',
    "report.yaml-why-mapping-here": (
        'no "name: value" can start here: the indentation may be wrong, or a colon and space in a text needs '
        "quotes"
    ),
    "report.yaml-why-key-aligned": "this line is not aligned with the fields above it at its level",
    "report.yaml-why-dash-aligned": 'this list entry "- " is not aligned with the entries above it',
    "report.yaml-why-no-colon": 'the colon ":" after a field name is missing',
    "report.yaml-why-bad-start": (
        "a value cannot start with this character (such as @, `, % or a tab): put the value in quotes"
    ),
    "report.yaml-why-escape": (
        'an unknown character after a backslash "\\" in double quotes: use single quotes'
    ),
    "report.yaml-escape-pair": (
        'the escapes "{escape}" in double quotes are the two halves of one character (UTF-16 surrogates), '
        'which YAML does not join: write the character "{character}" itself, or "{write}"'
    ),
    "report.yaml-escape-half": (
        'the escape "{escape}" in double quotes names half a character (a UTF-16 surrogate), no character '
        'by itself: write the character itself (one beyond U+FFFF may be written as "\\U" and 8 hex '
        'digits, such as "\\U0001F600")'
    ),
    "report.yaml-why-no-value": "a value should be written here",
    "report.yaml-why-alias": '"*name" refers to an anchor "&name" that is not defined',
    "report.yaml-why-anchor-name": '"&" or "*" should be followed by a name',
    "report.yaml-why-tag": (
        'a word starting with "!" is a YAML tag, which a report may not use: delete it, or quote the value'
    ),
    "report.yaml-why-directive": (
        'a line starting with "%" at the top is a YAML directive, which a report does not need: delete it'
    ),
    "report.yaml-why-dash-alone": (
        'a "-" alone after a field name starts a list entry; it does not mean none: write 0 for a count of '
        "none, [] for an empty list"
    ),
    "report.yaml-why-dash-here": (
        'a list entry "- " cannot follow a field name: start a new line, indented two spaces more than '
        "the field"
    ),
    "report.yaml-why-document-end": (
        'a document end marker "..." or a line starting with "%" cannot stand inside the file: delete '
        "that line"
    ),
    "report.yaml-why-block-header": (
        '"|" or ">" starts a text on the lines below, and only an indentation digit 1-9, "+" or "-" may '
        "follow it on its line: write the text on the next lines, indented two spaces more than the field "
        "name"
    ),
    "report.yaml-why-line-end": 'this line should end here: only a comment, a space then "#", may follow',
    "report.yaml-why-document-marker": (
        'a line of the quoted text starts with "---" or "...", which YAML reads as a document separator: '
        "check that the quotes are paired, or do not start a line with them"
    ),
    "report.yaml-why-unexpected-end": (
        "the file ends before a quote, a bracket or a text is closed: check that quotes and brackets are "
        "paired"
    ),
    "report.yaml-tab": "a tab in the indentation: YAML indents with spaces only; replace the tab with spaces",
    "report.fullwidth-colon": (
        'a full-width colon "：" here: write an ASCII colon and a space ": " after a field name'
    ),
    "report.too-many-values": (
        "more than {limit} values in the file (the limit is passed here): {file_kind} has far fewer; "
        "check the file"
    ),
    "report.json-syntax": "JSON syntax error: {expected}{hint}",
    "report.json-want-value": (
        "a value should be here (a number, a text in double quotes, true, false, null, or a list or an "
        "object)"
    ),
    "report.json-want-key": "a field name in double quotes should be here",
    "report.json-want-colon": 'the colon ":" after a field name is missing',
    "report.json-want-comma-object": 'a comma "," or the closing brace is missing here',
    "report.json-want-comma-array": 'a comma "," or the closing bracket "]" is missing here',
    "report.json-want-end": "the JSON has ended here, and nothing may follow it",
    "report.json-hint-ends": "; the file ends here: check that the brackets are paired",
    "report.json-hint-single-quote": (
        "; JSON writes texts and field names in double quotes '\"', not single ones"
    ),
    "report.json-hint-comment": "; JSON has no comments: delete it",
    "report.json-hint-trailing-comma": "; no comma may follow the last entry: delete this comma",
    "report.json-hint-not-finite": (
        "; JSON has no NaN or Infinity: write a number, or null when there is none"
    ),
    "report.json-hint-leading-zero": (
        "; a number cannot start with 0 (01): write 1, and put a code such as 0746 in double quotes"
    ),
    "report.json-hint-literal": (
        "; true, false and null are written in lower case and in full, and a text in double quotes"
    ),
    "report.json-hint-fullwidth-quote": "; a Chinese quotation mark: JSON needs the ASCII double quote '\"'",
    "report.json-hint-fullwidth": '; full-width punctuation: JSON needs an ASCII comma "," and colon ":"',
    "report.json-string": "invalid JSON string: {reason}",
    "report.json-string-control": (
        "a text in double quotes cannot break a line or hold a tab (or its closing quote '\"' is missing): "
        "write a line break as \\n"
    ),
    "report.json-string-unclosed": 'this double quote is never closed: add a " at the end of the text',
    "report.json-string-escape": (
        'an unknown character after a backslash "\\": to write a backslash itself (a Windows path), write '
        'two, "\\\\"'
    ),
    "report.fullwidth-hash": 'a full-width "＃" here: a comment starts with a half-width "#" after a space',
    "report.fullwidth-comma": (
        'a full-width comma "，" between fields here: separate the entries of {…} with an ASCII comma ","'
    ),
    "report.line-separator": (
        "an invisible line separator {code_point} here (often pasted from a web page or Word): YAML "
        "takes it for a "
        "line break; delete it"
    ),
    "report.byte-order-mark": (
        "an invisible character {code_point} here: a byte-order mark, which belongs only at the very start "
        "of a file (often left where two files were joined or text was pasted); delete it"
    ),
    "report.odd-space": (
        "a special space {code_point} here (a full-width or no-break space, often pasted from Word "
        "or a web page): "
        "indent, and follow colons, with plain ASCII spaces"
    ),
    "report.colon-without-space": 'a field name\'s colon needs a space after it: write "{field}: value"',
    "report.dash-without-space": 'the "-" that starts a list entry needs a space after it: write "- name: …"',
    "report.unclosed-quote": (
        'this double quote is never closed: YAML reads the following lines into the text; close it with "'
    ),
    "report.top-not-mapping": (
        'the top level must be fields written as "key: value" (such as schema_version: 1), not {found}'
    ),
    # What the top level is instead (``top-not-mapping``).
    "report.found-list": "a list",
    "report.found-text": "text",
    "report.found-number": "a number",
    "report.found-bool": "a yes/no value",
    "report.found-null": "null (an empty value)",
    "report.alias-recursive": "an alias refers to itself: do not use anchors (&) and aliases (*) in a report",
    "report.alias-bomb": (
        "aliases expand to more than {limit} nodes, reading stopped: do not use anchors (&) and aliases "
        "(*) in a report"
    ),
    "report.too-deep": (
        "nested more than {limit} levels deep: {file_kind} is much flatter; check that brackets are paired"
    ),
    "report.tag-not-allowed": (
        "the YAML tag {tag} is not allowed (it can build objects or run code): remove it and write a "
        "plain value"
    ),
    "report.merge-key": 'merge keys ("<<") are not allowed: write each field out',
    "report.complex-key": "a field name must be plain text, not a list, a mapping or empty",
    "report.duplicate-key": (
        'duplicate key "{field}" (first on line {first_line}): keep only one; {format} readers '
        "usually keep the last one silently"
    ),
    "report.number-notation": (
        "the number {value} would be read as {read} (octal, hexadecimal, base 60 or with "
        "underscores): write a plain "
        "decimal number such as {write}"
    ),
    "report.bad-scalar": 'cannot read the value "{value}" ({reason}): if it is text, put it in quotes',
    # why it cannot be read (``source.scalars``): the part of a date out of range, or a number's notation
    "report.bad-scalar-year": "the year must be 1 or later, not {year}",
    "report.bad-scalar-month": "the month must be 1 to 12, not {month}",
    "report.bad-scalar-day": "the day of {year}-{month} must be 1 to {last}, not {day}",
    "report.bad-scalar-time": "the time of day must be 00:00:00 to 23:59:59, not {time}",
    "report.bad-scalar-date": "not a valid date; a date is written 2024-09-04",
    "report.bad-scalar-number": "not a number that can be read; a number is written 1200 or 12.5",
    "report.bad-scalar-other": "cannot be read as what it looks like",
    # Format v1: fields.
    "report.unknown-field-lookalike": (
        'unknown field "{field}": it looks like "{suggestion}" but characters differ (position: '
        "written ≠ "
        "expected): {differs}; delete it and type it again"
    ),
    "report.unknown-field": 'unknown field "{field}": did you mean "{suggestion}"?',
    "report.unknown-field-no-match": 'unknown field "{field}": the fields allowed here are {allowed}',
    "report.missing-field": "the required field {field} ({title}) is missing",
    "report.schema-version": "unsupported format version {found}: write schema_version: 1",
    "report.schema-version-in-cell": "unsupported format version {found}: the format version (格式版本) is 1",
    "report.fullwidth-brackets": (
        "a list in full-width brackets (a Chinese input method): for {found} write {write} (ASCII brackets, "
        "items apart by a comma and a space)"
    ),
    "report.not-a-list": 'a list is expected here (one "- " line per item, or [a, b]); found {found}',
    "report.not-a-mapping": 'indented fields ("key: value") are expected here; found {found}',
    # Format v1: values.
    "report.blank": (
        "blank: write {expected} (an optional field without a figure is left out entirely, never blank)"
    ),
    "report.wrong-type": "found {found}: write {expected}",
    "report.float-for-int": "found {found}, which has a fraction: write {expected}",
    "report.point-for-int": "found {found}, written with a decimal point: write the whole number {write}",
    "report.bool-for-number": "found the yes/no value {found}: write {expected}",
    "report.not-a-number": "found {found}, which is not a number: write {expected}",
    "report.number-other-digits": "the number {found} is not written in the digits 0–9: write {write}",
    "report.number-exponent": "the number {found} is in exponent notation: write {write}",
    "report.number-too-small": (
        "found {found}, which is not 0 yet less than {least}, no real figure: write {expected}, "
        "or 0 if it is none"
    ),
    "report.number-full-width": "the number {found} is in full-width characters: write {write} in ASCII",
    "report.number-as-text": "found the text {found}: write the number {write} (no quotes, no spaces)",
    "report.number-as-text-in-cell": (
        "the number in this cell is stored as text {found}: make it the number {write} (remove spaces and a "
        "leading apostrophe, or use Excel's or WPS's Convert to Number)"
    ),
    "report.number-with-separator": "no thousands separators in numbers: for {found} write {write}",
    "report.number-with-magnitude": (
        "no 千/万/亿 in numbers: for {found} write {write} (in this field's unit)"
    ),
    "report.none-for-number": "wrote {found}: write 0 when there are none",
    "report.none-for-number-in-cell": (
        "the cell holds {found}: type 0 for a count of none; leave the cell blank when the figure was not "
        "collected (it is then missing data)"
    ),
    "report.comment-without-space": 'a comment needs a space before "#": for {found} write {write}  # …',
    "report.comment-without-space-in-cell": (
        "a figure's cell holds the number alone: for {found} type {write}"
    ),
    "report.hedged-number": (
        'wrote {found}: write the exact figure counted (such as {write}), without words such as "about" or '
        '"over"'
    ),
    "report.number-with-unit": 'no unit after the number: for {found} write {write} (without "{unit}")',
    "report.percent-not-accepted": (
        "a percentage ({found}) is not accepted here: write {expected}, the count itself rather than a share"
    ),
    "report.too-large": (
        "found {found}, above this field's limit of {maximum} (far above any real figure: extra "
        "digits typed?): "
        "write {expected}"
    ),
    "report.negative": "found {found}: must be 0 or more",
    "report.below-minimum": "found {found}: must be at least {minimum}",
    "report.not-greater": "found {found}: must be more than {limit}",
    "report.year-out-of-range": "the year {found} is outside {low}–{high}: write a 4-digit year such as 2023",
    "report.date-for-year": "a year, not a date, belongs here: for {found} write {write}",
    "report.date-for-year-in-cell": (
        "a year, not a date, belongs here: for {found} set the cell's format to General first, "
        "then type {write}"
        " (typed into the date format, it still shows as a date)"
    ),
    # a year written as text (2023年, 2023-09), in YAML or a cell: no date format to change, a number to write
    "report.text-for-year": "a year belongs here, written as a number: for {found} write {write}",
    "report.date-for-number": "{expected} belongs here, not the date {found}",
    "report.date-for-number-in-cell": (
        "the cell holds a date ({found}), not a number: format it as General or Number and enter {expected}"
    ),
    "report.bool-spelling": "yes/no fields take true or false: for {found} write {write}",
    "report.bool-spelling-in-cell": (
        "a yes/no cell takes 是 (yes) or 否 (no) from its drop-down list, not {found}"
    ),
    "report.text-padded": (
        "the text {found} has spaces or line breaks at its start or end: remove them, write {write}"
    ),
    "report.line-break-in-text": (
        "the text {found} has a line break inside: a name is one line, write {write}"
    ),
    "report.cell-holds-number": "number",
    "report.cell-holds-date": "date",
    "report.number-for-text": "text is expected here: put {found} in quotes, {write}",
    "report.number-for-text-in-cell": (
        "text is expected here, but the cell holds the {what} {found}: format the cell as Text and type it "
        "again, or start it with an apostrophe"
    ),
    "report.not-one-of": "found {found}, which is not allowed here: write one of {allowed}",
    "report.choice-lookalike": (
        "found {found}: it looks like {write} but characters differ (position: written ≠ expected): "
        "{differs}; "
        "delete it and type it again"
    ),
    "report.choice-spelling": "found {found}: write {write}",
    # A choice in a workbook's cell: its drop-down list offers the Chinese words and refuses the codes.
    "report.not-one-of-in-cell": (
        "found {found}, which is not on the cell's drop-down list: choose one of {allowed} from it"
    ),
    "report.choice-lookalike-in-cell": (
        "found {found}: characters differ from a value allowed here (position: written ≠ expected): "
        '{differs}; delete it and choose "{write}" from the drop-down list'
    ),
    "report.choice-spelling-in-cell": 'found {found}: choose "{write}" from the drop-down list',
    "report.invalid-value": "the value {found} is not accepted ({detail})",
    # Format v1: checks across fields.
    "report.unknown-unit-lookalike": (
        'unknown reporting unit "{name}": it looks like "{suggestion}" but characters differ (position: '
        "written ≠ expected): {differs}; delete it and type it again"
    ),
    "report.unknown-unit": 'unknown reporting unit "{name}": did you mean "{suggestion}"?',
    "report.unknown-unit-no-match": 'unknown reporting unit "{name}": the units are {known}',
    "report.unit-renamed": '"{name}" was renamed "{new}" in {year}: write name: {new}',
    "report.unit-renamed-in-cell": '"{name}" was renamed "{new}" in {year}: type the unit\'s name as "{new}"',
    "report.unit-not-yet": (
        '"{name}" was created in {since} and reports from {since} on: a report of {year} cannot give it; '
        "check the year"
    ),
    "report.unit-merged": (
        '"{name}" {merged} and files no report of its own from {year} on: put its '
        'figures in the report of "{into}" (name: {into})'
    ),
    "report.unit-merged-in-cell": (
        '"{name}" {merged} and files no report of its own from {year} on: put its '
        'figures in the report of "{into}", and type the unit\'s name as "{into}"'
    ),
    "report.kind-mismatch": 'the kind of "{name}" is {expected}, not {kind}: write kind: {expected}',
    "report.kind-mismatch-in-cell": (
        'the kind of "{name}" is {expected_label}, not {kind_label}: choose "{expected_label}" from the '
        "drop-down list"
    ),
    "report.code-as-number": (
        "the administrative code {code} is written as a number: a code is text, write it in quotes, "
        'code: "{code}"'
    ),
    "report.code-as-number-in-cell": (
        "the cell holds the administrative code {code} as a number: a code is text, format the cell as Text "
        "and type it again, or start it with an apostrophe"
    ),
    "report.code-number-short": (
        "a {length}-digit administrative code (text) belongs here, but {found} is a number of {digits} "
        "digits: a number keeps no leading zero, so the code meant cannot be told; write all {length} "
        "digits of the code in quotes"
    ),
    "report.code-number-short-in-cell": (
        "a {length}-digit administrative code (text) belongs here, but the cell holds {found}, a number of "
        "{digits} digits: a number keeps no leading zero, so the code meant cannot be told; format the cell "
        "as Text and type all {length} digits of the code"
    ),
    "report.code-number-long": (
        "a {length}-digit administrative code (text) belongs here, but {found} is a number of {digits} "
        "digits: write the unit's {length}-digit code in quotes"
    ),
    "report.code-number-long-in-cell": (
        "a {length}-digit administrative code (text) belongs here, but the cell holds {found}, a number of "
        "{digits} digits: format the cell as Text and type the unit's {length}-digit code"
    ),
    "report.code-number-leading-zero": (
        "the administrative code {found} is written as a number: a number keeps no leading zero, and this "
        "one would be read as {read} (octal); write it in quotes, code: {write}"
    ),
    "report.code-mismatch": 'the code {code} does not match "{name}": the code of "{name}" is {expected}',
    "report.code-renamed": (
        'the code {code} is that of "{old}", renamed "{name}" in {year}, whose code is {expected}: '
        'write code: "{expected}"'
    ),
    "report.code-renamed-in-cell": (
        'the code {code} is that of "{old}", renamed "{name}" in {year}, whose code is {expected}: '
        "type {expected}"
    ),
    "report.unit-name-curly-quotes": (
        "the Chinese quotation marks around {name} are read as part of the name: leave them out, "
        "name: {expected}"
    ),
    "report.unit-name-curly-quotes-in-cell": (
        "the quotation marks around {name} are read as part of the name: leave them out, type {expected}"
    ),
    "report.code-curly-quotes": (
        'the code {code} is in Chinese quotation marks: use ASCII double quotes, code: "{expected}"'
    ),
    "report.code-curly-quotes-in-cell": (
        "the quotation marks around the code {code} are read as part of it: leave them out, type {expected}"
    ),
    "report.code-quoted": (
        'the code {code} is quoted twice, so that the quotes are part of it: write code: "{expected}"'
    ),
    "report.code-quoted-in-cell": (
        "the quotation marks around the code {code} are read as part of it: leave them out, type {expected}"
    ),
    "report.code-not-applicable": '"{name}" has no administrative code: delete code: {code}',
    "report.code-not-applicable-in-cell": (
        '"{name}" has no administrative code: delete {code} from this cell and leave it blank'
    ),
    "report.city-block-not-city": (
        'only the report of the city itself (kind: city) may have a city: block; "{name}" is of '
        "kind {kind}: "
        "delete the city: block"
    ),
    "report.city-block-not-city-in-cell": (
        'only the report of the city itself may fill in the sheet 市本级; "{name}" is of kind {kind_label}: '
        "clear what is filled in on that sheet"
    ),
    "report.exceeds-teachers": (
        "{field} is {value}, more than teachers ({teachers}): a part cannot exceed the whole"
    ),
    "report.exceeds-professional-teachers": (
        "dual_qualified_teachers is {value}, more than professional_teachers ({professional}): "
        "dual-qualified teachers are among the specialised-course teachers; check both figures"
    ),
    "report.exceeds-teachers-in-cell": (
        '"{label}" is {value}, more than "{whole}" ({whole_at}: {teachers}): a part cannot exceed the whole'
    ),
    "report.exceeds-professional-teachers-in-cell": (
        '"{label}" is {value}, more than "{whole}" ({whole_at}: {professional}): dual-qualified teachers '
        "are among the specialised-course teachers; check both figures"
    ),
    "report.duplicate-school": (
        'the school "{name}" appears twice (first on line {first_line}): list each school once'
    ),
    "report.none-as-name": (
        '"{found}" is no name and would be counted as one: write an empty list [] when there are none'
    ),
    "report.none-beside-names": (
        '"{found}" is no name and would be counted as one: delete it from the list of names'
    ),
    "report.duplicate-entry": (
        '"{name}" appears twice (it is already item {first} of this list): list it once, or it counts twice'
    ),
    "report.evaluated-after-year": (
        "evaluated in {found}, after the report's year {year}: write the year of an evaluation made by {year}"
    ),
    "report.established-after-year": (
        "founded in {found}, after the report's year {year}: write the year the school was founded "
        "(by {year})"
    ),
    "report.upgraded-after-year": (
        "upgraded in {found}, after the report's year {year}: write the year the school was upgraded "
        "(by {year}), or nothing if it has not been"
    ),
    "report.upgraded-before-established": (
        "upgraded in {found}, before it was founded in {established}: a school is upgraded after it is "
        "founded; check both years"
    ),
    "report.upgraded-before-established-in-cell": (
        "upgraded in {found}, before it was founded in {established} ({established_at}): a school is "
        "upgraded after it is founded; check both years"
    ),
    "report.duplicate-major": (
        'the major "{name}" of "{school}" appears twice (first on line {first_line}): list each major once'
    ),
    "report.duplicate-park": (
        'the park "{name}" has two funding entries (first on line {first_line}): list each park once'
    ),
    # In a workbook, a row of its sheet: the line of a YAML report is no place there.
    "report.duplicate-school-in-cell": (
        'the school "{name}" appears twice (first on row {first_line} of the sheet "学校"): give each school '
        "one row"
    ),
    "report.duplicate-major-in-cell": (
        'the major "{name}" of "{school}" appears twice (first on row {first_line} of the sheet "专业"): '
        "give each major one row"
    ),
    "report.duplicate-park-in-cell": (
        'the park "{name}" has two funding entries (first on row {first_line} of the sheet "园区资金"): give '
        "each park one row"
    ),
    "report.unknown-park": (
        '"{name}" in park_funding is not one of demonstration_parks ({parks}): name a park listed there'
    ),
    "report.park-without-funding": (
        "the parks {parks} have no entry in park_funding: give one entry for every park, "
        "amount: 0 for a park given nothing this year"
    ),
    "report.unknown-park-in-cell": (
        'the park "{name}" is not one of the parks filled in on the sheet 市本级 under 产教融合示范园区 '
        "({parks}): write the name of a park listed there"
    ),
    "report.park-without-funding-in-cell": (
        "the parks {parks} have no row on the sheet 园区资金: give every park a row, with 0 under "
        "资金支持（万元） for a park given nothing this year"
    ),
    "report.too-many-problems": (
        "{count} more problems not listed (at most 100 per file): fix the ones above and check again"
    ),
    "report.too-many-problems-at-least": (
        "at least {count} more problems not listed (at most 100 per file; no more slips are sought once over "
        "200 are found): fix the ones above and check again"
    ),
    "report.slips-cut-short": (
        "no slips were sought past this point: over 200 were found before it, fix these first"
    ),
    # Warnings: shown, never blocking.
    "report.enrollment-over-students": (
        'the majors of "{school}" enrolled {total} this year in all, more than its {students} students: '
        "please check"
    ),
    "report.appropriation-out-of-range": (
        'the appropriation per student of "{school}", {value} yuan, is outside the usual '
        "{low}–{high} yuan: "
        "check that it is in yuan (元), not 万元"
    ),
    "report.names-joined": (
        '"{entry}" contains {separator}: it looks like several names in one entry, and counts as one; '
        "list them separately, as in {write}"
    ),
    # What shows that an item holds several names (report/joined.py), after "contains".
    "report.joined-by-number": 'the number "{mark}"',
    "report.joined-by-character": '"{character}"',
    "report.joined-by-space": "spaces between names",
    "report.cross-year-pathway": (
        "pathway_3plus2.previous is {value}, but the {year} report {other_file} gives current "
        "{other_value}: "
        "they should agree"
    ),
    "report.cross-year-major": (
        'previous_enrollment of the major "{major}" of "{school}" is {value}, but the {year} report '
        "{other_file}:{other_line} gives enrollment {other_value}: they should agree"
    ),
    "report.cross-year-pathway-in-cell": (
        '"{label}" is {value}, but "{other_label}" of the {year} report is {other_value} ({other_at}): '
        "they should agree"
    ),
    "report.cross-year-major-in-cell": (
        'the previous enrollment of the major "{major}" of "{school}" is {value}, but the {year} report '
        "gives its enrollment as {other_value} ({other_at}): they should agree"
    ),
    "report.school-vanished": (
        'the {year} report {other_file}:{other_line} lists the school "{school}", this year\'s does '
        "not: left out, "
        "or closed?"
    ),
    "report.school-renamed": (
        'the {year} report {other_file}:{other_line} lists the school "{school}", this year\'s does not; is '
        '"{new}" at line {line} its new name? If not: left out, or closed?'
    ),
    "report.major-vanished": (
        'the {year} report {other_file}:{other_line} lists the major "{major}" of "{school}", this '
        "year's does "
        "not: left out, or closed?"
    ),
    "report.majors-sum-differs": (
        "enrollment.secondary_vocational is {value}, but the majors of the {count} secondary schools "
        "enrolled {total} this year, {share}% apart: is a school or a major left out?"
    ),
    "report.majors-sum-differs-in-cell": (
        '"{label}" is {value}, but the majors of the {count} secondary schools enrolled {total} this year '
        '(当年招生 on the sheet "专业"), {share}% apart: is a school or a major left out?'
    ),
    "report.roster-school-absent": (
        'the school "{school}" on the roster {roster}:{roster_line} is not in this report\'s '
        "schools: add it, "
        "or have the roster corrected"
    ),
    "report.roster-school-similar": (
        'the school "{school}" on the roster {roster}:{roster_line} is not in this report\'s schools; is '
        '"{similar}" on line {line} the same school? Use the roster\'s name'
    ),
    "report.roster-school-absent-in-cell": (
        'the school "{school}" on the roster {roster}:{roster_line} is not on the sheet 学校: add a row for '
        "it, or have the roster corrected"
    ),
    "report.roster-school-similar-in-cell": (
        'the school "{school}" on the roster {roster}:{roster_line} is not on the sheet 学校; is "{similar}" '
        "in this cell the same school? Use the roster's name"
    ),
    # What a path is when it is not a regular file (files.kind_problem), as the subject of a sentence.
    "report.file-kind-file": "a file",
    "report.file-kind-directory": "a directory",
    "report.file-kind-fifo": "a named pipe (FIFO)",
    "report.file-kind-socket": "a socket",
    "report.file-kind-character-device": "a character device",
    "report.file-kind-block-device": "a block device",
    "report.file-kind-special": "a special file",
    # What a field of each kind takes (the ``expected`` of a problem); ``{allowed}``, ``{low}``, ``{high}``
    # come from the problem's parameters.
    "report.expected-count": "a whole number (0 or more)",
    "report.expected-year": "a 4-digit year ({low}–{high}), such as 2023",
    "report.expected-yuan": "an amount in yuan (元, 0 or more)",
    "report.expected-wan_yuan": "an amount in 万元 (units of 10,000 yuan, 0 or more)",
    "report.expected-months": "a number of months (more than 0)",
    "report.expected-bool": "true or false",
    "report.expected-bool-in-cell": "是 (yes) or 否 (no)",
    "report.expected-text": "text",
    # What a report's code means, beside it where the codes a field takes are listed
    "report.meaning-county": "county, county-level city or district",
    "report.meaning-management_area": "management area",
    "report.meaning-development_zone": "economic development zone",
    "report.meaning-city": "the city itself",
    "report.meaning-secondary": "secondary vocational, technical schools included",
    "report.meaning-higher": "higher vocational",
    "report.meaning-public": "publicly run",
    "report.meaning-private": "privately run",
    "report.meaning-quality_school": "quality secondary-vocational school",
    "report.meaning-chuyi_brand": "Chuyi brand school",
    "report.meaning-undergraduate": "vocational undergraduate",
    "report.meaning-green": "green card",
    "report.meaning-yellow": "yellow card",
    "report.meaning-red": "red card",
    "report.meaning-quality": "quality secondary-vocational major",
    "report.meaning-demonstration": "demonstration secondary-vocational major",
    "report.meaning-chuyi": "Chuyi major",
    "report.meaning-high_level": "high-level higher-vocational major",
    "report.meaning-not_started": "not started",
    "report.meaning-building": "under construction",
    "report.meaning-completed": "completed and in use",
    "report.expected-choice": "one of: {allowed}",
    "report.expected-choice-in-cell": "one of the cell's drop-down list ({allowed})",
    "report.expected-schema_version": "1",
    "report.expected-list": 'a list (one line per item, starting with "- ")',
    "report.expected-mapping": "indented fields below this one",
}

# When the count is 1 (i18n: ``ONE``).
ONE: dict[str, str] = {
    "report.majors-sum-differs": (
        "enrollment.secondary_vocational is {value}, but the majors of its one secondary school enrolled "
        "{total} this year, {share}% apart: is a school or a major left out?"
    ),
    "report.majors-sum-differs-in-cell": (
        '"{label}" is {value}, but the majors of its one secondary school enrolled {total} this year '
        '(当年招生 on the sheet "专业"), {share}% apart: is a school or a major left out?'
    ),
    "report.too-many-problems": (
        "{count} more problem not listed (at most 100 per file): fix the ones above and check again"
    ),
}
