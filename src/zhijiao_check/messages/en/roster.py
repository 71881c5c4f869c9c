"""Problems of a ``--roster`` file (the bureau's list of schools per unit).

In English: one catalogue per language, the same keys in each (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "roster.not-a-roster-file": (
        "a {suffix} file cannot be read as a roster: a roster is an Excel workbook (*.xlsx, headed 单位 and "
        "学校名称) or a YAML file (.yaml); a roster saved as CSV: open it in Excel or WPS and save it as an "
        "Excel workbook (*.xlsx)"
    ),
    "roster.not-a-mapping": "a roster is a mapping: units:, then each unit's schools",
    "roster.unknown-key": "a roster has no field {key} (fields: {keys})",
    "roster.bad-year": "year should be a whole number 2000–2100, not {value}",
    "roster.bad-year-in-cell": "the 年度 (year) should be a year 2000–2100, not {value}",
    "roster.no-units": (
        "the roster has no units: list each unit's schools under units:, "
        "as in 东安县: [东安县职业中等专业学校]"
    ),
    "roster.unknown-unit": 'no unit "{unit}"; did you mean {suggestion}?',
    "roster.unknown-unit-no-match": 'no unit "{unit}": the units are {known}',
    "roster.unit-renamed": '"{unit}" was renamed "{new}" in {year}: write "{new}", or a year before {year}',
    "roster.unit-not-yet": (
        '"{unit}" was created in {since} and reports from {since} on: write a year from {since} on, '
        "or delete it"
    ),
    "roster.unit-merged": (
        '"{unit}" {merged} and files no report of its own from {year} on: list its '
        'schools under "{into}", or write a year before {year}'
    ),
    "roster.no-header": (
        "no header in the roster workbook: write 单位 (unit) and 学校名称 (school) in the table's first row "
        "(and 年度, the year, if it holds for one year)"
    ),
    "roster.blank-unit": 'the row of the school "{school}" has no unit: write the unit\'s name',
    "roster.blank-school": (
        'the row of the unit "{unit}" has no school: write the school\'s name, or delete the row'
    ),
    "roster.mixed-years": (
        "the 年度 (year) column holds several years ({years}): a roster holds for one year, or for every "
        "year with none written"
    ),
    "roster.bad-list": 'under "{unit}" write a list of school names, as in [东安县职业中等专业学校]',
}
