"""One wrong field at a time: the code, the place, the path, and a message that says what to write."""

from __future__ import annotations

import pytest

from .conftest import Load
from .helpers import assert_problem, county_text, only_error

FUNDING_BLOCK = "".join(f"{line}\n" for line in (
    "funding:", "  education_total: 52000", "  vocational_total: 6100", "  new_education: 3000", "  new_vocational: 612.5",
))

# (old text, new text), code, line, column, path, part of the Chinese message, part of the English message
CASES = [
    pytest.param(
        ("dual_qualified_teachers: 120", "dual_qualified_teacher: 120"), "unknown-field", 41, 5,
        "schools[0].dual_qualified_teacher", "是否应为“dual_qualified_teachers”",
        'did you mean "dual_qualified_teachers"', id="misspelt-field",
    ),
    pytest.param(
        ("    teachers: 210", "    专任教师: 210"), "unknown-field", 40, 5, "schools[0].专任教师",
        "是否应为“teachers”", 'did you mean "teachers"', id="chinese-field-name",
    ),
    pytest.param(
        ("quality_committee: true\ncraftsman", "weather: sunny\ncraftsman"), "unknown-field-no-match", 21, 1,
        "weather", ("未知字段“weather”", "schools"), ('unknown field "weather"', "leading_industries"),
        id="unknown-field-no-match",
    ),
    pytest.param(
        ("  secondary_vocational: 3120", '  secondary_vocational: "3,120"'), "number-with-separator", 10, 25,
        "enrollment.secondary_vocational", "请写 3120", "write 3120", id="thousands-separator",
    ),
    pytest.param(
        ("  secondary_vocational: 3120", '  secondary_vocational: "2.5万"'), "number-with-magnitude", 10, 25,
        "enrollment.secondary_vocational", "请写 25000", "write 25000", id="wan",
    ),
    pytest.param(
        ("  new_vocational: 612.5", '  new_vocational: "612.5万元"'), "number-with-magnitude", 30, 19,
        "funding.new_vocational", "请写 612.5", "write 612.5", id="wan-in-a-wan-yuan-field",
    ),
    pytest.param(
        ("  education_total: 52000", '  education_total: "5.2亿"'), "number-with-magnitude", 27, 20,
        "funding.education_total", "请写 52000", "write 52000", id="yi-in-a-wan-yuan-field",
    ),
    pytest.param(
        ("    students: 860", '    students: "50%"'), "percent-not-accepted", 76, 15, "schools[1].students",
        ("不接受百分比", "整数"), ("percentage", "not accepted", "whole number"), id="percent",
    ),
    pytest.param(
        ("craftsman_students: 60", 'craftsman_students: "60人"'), "number-with-unit", 22, 21,
        "craftsman_students", ("单位“人”", "请写 60"), ("write 60", 'without "人"'), id="unit-after-number",
    ),
    pytest.param(
        ("craftsman_students: 60", 'craftsman_students: " 60 "'), "number-as-text", 22, 21,
        "craftsman_students", "请写 60", "write the number 60", id="quoted-number",
    ),
    pytest.param(
        ("craftsman_students: 60", 'craftsman_students: "６０"'), "number-as-text", 22, 21,
        "craftsman_students", "请写 60", "write the number 60", id="full-width-digits",
    ),
    pytest.param(
        ("    teachers: 48", "    teachers: -3"), "negative", 79, 15, "schools[1].teachers",
        ("负数 -3", "不小于 0"), ("found -3", "0 or more"), id="negative",
    ),
    pytest.param(
        ("  new_vocational: 612.5", "  new_vocational: -612.5"), "negative", 30, 19, "funding.new_vocational",
        "负数 -612.5", "found -612.5", id="negative-amount",
    ),
    pytest.param(
        ("    teachers: 48", "    teachers: 48.5"), "float-for-int", 79, 15, "schools[1].teachers",
        ("48.5", "整数"), ("48.5", "whole number"), id="float-for-int",
    ),
    pytest.param(
        ("    teachers: 48", "    teachers: true"), "bool-for-number", 79, 15, "schools[1].teachers",
        ("是/否值 true", "整数"), ("yes/no value true", "whole number"), id="bool-for-int",
    ),
    pytest.param(
        ("    teachers: 48", "    teachers:"), "blank", 79, 14, "schools[1].teachers",
        ("值为空", "整数"), ("blank", "whole number"), id="blank-int",
    ),
    pytest.param(
        ("    meets_standards: false", "    meets_standards: "), "blank", 78, 21, "schools[1].meets_standards",
        "true 或 false", "true or false", id="blank-bool",
    ),
    pytest.param(
        ("leading_industries: [电子信息, 先进装备制造]", "leading_industries:"), "blank", 16, 20,
        "leading_industries", "列表", "a list", id="blank-list",
    ),
    pytest.param(
        ("    teachers: 48", "    teachers: [48]"), "wrong-type", 79, 15, "schools[1].teachers",
        "[…]", "found […]: write a whole number", id="list-for-int",
    ),
    pytest.param(
        ("    meets_standards: false", "    meets_standards: 否"), "bool-spelling", 78, 22,
        "schools[1].meets_standards", "请写 false", "write false", id="chinese-no",
    ),
    pytest.param(
        ("    meets_standards: false", "    meets_standards: 1"), "bool-spelling", 78, 22,
        "schools[1].meets_standards", "请写 true", "write true", id="one-for-true",
    ),
    pytest.param(
        ("        rating: red", "        rating: purple"), "not-one-of", 86, 17, "schools[1].majors[0].rating",
        "green (绿牌), yellow (黄牌), red (红牌)", "write one of green (绿牌), yellow (黄牌), red (红牌)",
        id="wrong-enum",
    ),
    pytest.param(
        ("        rating: red", "        rating: 红牌"), "choice-spelling", 86, 17, "schools[1].majors[0].rating",
        "请写作 red", "write red", id="enum-in-chinese",
    ),
    pytest.param(
        ("    level: secondary\n    ownership: private", "    level: Secondary\n    ownership: private"),
        "choice-spelling", 73, 12, "schools[1].level", "请写作 secondary", "write secondary", id="enum-case",
    ),
    pytest.param(
        ("    designations: [quality_school]", "    designations: [quality_school, 楚怡品牌学校]"),
        "choice-spelling", 50, 36, "schools[0].designations[1]", "请写作 chuyi_brand", "write chuyi_brand",
        id="designation-in-chinese",
    ),
    pytest.param(
        ("year: 2023", "year: 1999"), "year-out-of-range", 7, 7, "year", "2000–2100", "outside 2000–2100",
        id="year-too-early",
    ),
    pytest.param(
        ("        evaluated_in: 2022\n        enrollment: 40", "        evaluated_in: 2200\n        enrollment: 40"),
        "year-out-of-range", 87, 23, "schools[1].majors[0].evaluated_in", "2200", "outside 2000–2100",
        id="year-too-late",
    ),
    pytest.param(
        ("year: 2023", "year: 2023-01-01"), "date-for-year", 7, 7, "year", ("不是日期", "请写 2023"),
        ("not a date", "write 2023"), id="date-for-year",
    ),
    pytest.param(
        ("year: 2023", 'year: "2023年"'), "date-for-year", 7, 7, "year", "请写 2023", "write 2023",
        id="year-with-nian",
    ),
    pytest.param(
        ('  code: "431103"', "  code: 431103"), "number-for-text", 6, 9, "unit.code", '"431103"',
        'in quotes, "431103"', id="unquoted-code",
    ),
    pytest.param(
        ("schema_version: 1", "schema_version: 2"), "schema-version", 2, 17, "schema_version",
        "schema_version: 1", "write schema_version: 1", id="schema-version",
    ),
    pytest.param(
        ("  - name: 永州华夏职业技术学校\n    level: secondary\n", "  - name: 永州华夏职业技术学校\n"),
        "missing-field", 72, 5, "schools[1].level", "缺少必填字段 level（办学层次）",
        "required field level (办学层次) is missing", id="missing-required",
    ),
    pytest.param(
        ("      - teachers: 5", "      - teachers: 0"), "below-minimum", 46, 19,
        "schools[0].enterprise_practice[1].teachers", "至少为 1", "at least 1", id="group-of-no-teacher",
    ),
    pytest.param(
        ("        months: 1.5", "        months: 0"), "not-greater", 47, 17,
        "schools[0].enterprise_practice[1].months", "必须大于 0", "more than 0", id="zero-months",
    ),
    pytest.param(
        ("leading_industries: [电子信息, 先进装备制造]", "leading_industries: 电子信息"), "not-a-list", 16, 21,
        "leading_industries", "列表", "a list is expected", id="scalar-for-list",
    ),
    pytest.param(
        (FUNDING_BLOCK, "funding: 61000\n"), "not-a-mapping", 26, 10, "funding",
        "下一级字段", "indented fields", id="scalar-for-mapping",
    ),
]


@pytest.mark.parametrize(("edit", "code", "line", "column", "path", "zh", "en"), CASES)
def test_one_bad_field(
    load: Load, edit: tuple[str, str], code: str, line: int, column: int, path: str, zh: str, en: str
) -> None:
    assert_problem(only_error(load(county_text(edit))), code, line, column, path, zh, en)
