"""Errors across fields: the unit against the unit list, duplicates, parts above their total,
the city block.
"""

from __future__ import annotations

from zhijiao_check.report import InvalidReport

from .conftest import Load
from .helpers import CITY, ZH, assert_problem, county_text, errors, only_error


def test_dual_qualified_above_teachers(load: Load) -> None:
    problem = only_error(load(county_text(("dual_qualified_teachers: 20", "dual_qualified_teachers: 50"))))
    assert_problem(
        problem,
        "exceeds-teachers",
        80,
        30,
        "schools[1].dual_qualified_teachers",
        ("dual_qualified_teachers 为 50", "teachers（48）"),
        ("is 50", "more than teachers (48)"),
    )


def test_rotated_above_teachers(load: Load) -> None:
    problem = only_error(load(county_text(("teachers_rotated: 90", "teachers_rotated: 211"))))
    assert_problem(
        problem,
        "exceeds-teachers",
        42,
        23,
        "schools[0].teachers_rotated",
        ("211", "210"),
        ("teachers_rotated is 211", "(210)"),
    )


def test_counts_are_compared_even_when_other_fields_are_wrong(load: Load) -> None:
    result = load(
        county_text(
            ("year: 2023", 'year: "2023"'), ("dual_qualified_teachers: 20", "dual_qualified_teachers: 50")
        )
    )
    assert [p.code for p in errors(result)] == ["number-as-text", "exceeds-teachers"]


def test_duplicate_school_names(load: Load) -> None:
    problem = only_error(
        load(county_text(("  - name: 永州华夏职业技术学校", "  - name: 冷水滩区职业中等专业学校 ")))
    )
    assert_problem(
        problem,
        "duplicate-school",
        72,
        11,
        "schools[1].name",
        ("重复", "第 33 行"),
        ("appears twice", "first on line 33"),
    )


def test_duplicate_major_names_in_a_school(load: Load) -> None:
    problem = only_error(load(county_text(("      - name: 计算机应用", "      - name: 电子技术应用"))))
    assert_problem(
        problem,
        "duplicate-major",
        66,
        15,
        "schools[0].majors[2].name",
        ("专业“电子技术应用”重复", "第 52 行"),
        ('major "电子技术应用"', "first on line 52"),
    )


def test_same_major_in_two_schools_is_fine(load: Load) -> None:
    assert not isinstance(
        load(county_text(("      - name: 幼儿保育", "      - name: 电子技术应用"))), InvalidReport
    )


def test_renamed_unit(load: Load) -> None:
    problem = only_error(
        load(county_text(("  name: 冷水滩区", "  name: 祁阳县"), ('code: "431103"', 'code: "431181"')))
    )
    assert_problem(
        problem,
        "unit-renamed",
        4,
        9,
        "unit.name",
        ("2021 年更名为“祁阳市”", "name: 祁阳市"),
        ('renamed "祁阳市" in 2021', "write name: 祁阳市"),
    )


def test_unknown_unit_suggests_the_nearest(load: Load) -> None:
    problem = only_error(load(county_text(("  name: 冷水滩区", "  name: 冷水滩"))))
    assert_problem(
        problem, "unknown-unit", 4, 9, "unit.name", "是否应为“冷水滩区”", 'did you mean "冷水滩区"'
    )


def test_code_that_does_not_match_the_name(load: Load) -> None:
    problem = only_error(load(county_text(('code: "431103"', 'code: "431102"'))))
    assert_problem(
        problem, "code-mismatch", 6, 9, "unit.code", "代码是 431103", 'the code of "冷水滩区" is 431103'
    )


def test_the_code_a_renamed_unit_had_before(load: Load) -> None:
    """A report copied from before 祁阳县 became 祁阳市 (units.yaml's ``old_code``) keeps the old code."""
    problem = only_error(
        load(county_text(("  name: 冷水滩区", "  name: 祁阳市"), ('code: "431103"', 'code: "431121"')))
    )
    assert_problem(
        problem,
        "code-renamed",
        6,
        9,
        "unit.code",
        ("“祁阳县”的旧代码", '请写 code: "431181"'),
        ('the code 431121 is that of "祁阳县", renamed "祁阳市" in 2021', 'write code: "431181"'),
    )


def test_code_for_a_unit_without_one(load: Load) -> None:
    text = county_text(("  name: 冷水滩区\n  kind: county", "  name: 金洞管理区\n  kind: management_area"))
    problem = only_error(load(text))
    assert_problem(
        problem, "code-not-applicable", 6, 9, "unit.code", "没有行政区划代码", "has no administrative code"
    )


def test_kind_that_does_not_match_the_unit_list(load: Load) -> None:
    problem = only_error(load(county_text(("  kind: county", "  kind: development_zone"))))
    assert_problem(problem, "kind-mismatch", 5, 9, "unit.kind", "请写 kind: county", "write kind: county")


def test_city_block_outside_the_city_report(load: Load) -> None:
    city_block = CITY.read_text(encoding="utf-8").split("\ncity:\n")[1]
    problem = only_error(load(county_text() + "\ncity:\n" + city_block))
    assert_problem(
        problem,
        "city-block-not-city",
        91,
        1,
        "city",
        ("只有市本级", "请删除 city: 部分"),
        ("kind county", "delete the city: block"),
    )


def test_city_block_check_trusts_the_unit_list_over_the_written_kind(load: Load) -> None:
    text = CITY.read_text(encoding="utf-8").replace("  kind: city", "  kind: county")
    assert [p.code for p in errors(load(text))] == ["kind-mismatch"]


def test_dual_qualified_above_professional_teachers(load: Load) -> None:
    """双师型 teachers are specialised-course teachers: more than those would inflate the city's share."""
    problem = only_error(
        load(
            county_text(
                (
                    "    dual_qualified_teachers: 120\n",
                    "    dual_qualified_teachers: 120\n    professional_teachers: 100\n",
                )
            )
        )
    )
    assert_problem(
        problem,
        "exceeds-professional-teachers",
        41,
        30,
        "schools[0].dual_qualified_teachers",
        ("dual_qualified_teachers 为 120", "professional_teachers（100）", "专业课教师中的一部分"),
        ("is 120", "more than professional_teachers (100)", "check both figures"),
    )


def test_dual_qualified_up_to_professional_teachers_is_valid(load: Load) -> None:
    result = load(
        county_text(
            (
                "    dual_qualified_teachers: 120\n",
                "    dual_qualified_teachers: 120\n    professional_teachers: 120\n",
            )
        )
    )
    assert not isinstance(result, InvalidReport)


def test_dual_qualified_above_all_teachers_is_said_once(load: Load) -> None:
    problem = only_error(
        load(
            county_text(
                (
                    "    dual_qualified_teachers: 120\n",
                    "    dual_qualified_teachers: 220\n    professional_teachers: 100\n",
                )
            )
        )
    )
    assert problem.code == "exceeds-teachers"


def test_an_unknown_name_with_a_known_code_suggests_the_codes_unit(load: Load) -> None:
    """江华县 beside 江华瑶族自治县's code was told “是否应为‘江永县’” (spelled most alike)."""
    text = county_text(("  name: 冷水滩区", "  name: 江华县"), ('code: "431103"', 'code: "431129"'))
    problem = only_error(load(text))
    assert_problem(
        problem,
        "unknown-unit",
        4,
        9,
        "unit.name",
        "未知的填报单位“江华县”：是否应为“江华瑶族自治县”？",
        'did you mean "江华瑶族自治县"',
    )


def test_the_codes_unit_wins_over_the_spelling(load: Load) -> None:
    """The code says which unit the report is: 东按县 (a slip for 东安县) with 江永县's code is 江永县's."""
    text = county_text(("  name: 冷水滩区", "  name: 东按县"), ('code: "431103"', 'code: "431125"'))
    assert "是否应为“江永县”" in only_error(load(text)).message(ZH)


def test_an_unknown_name_with_an_unknown_code_suggests_the_short_forms_unit(load: Load) -> None:
    text = county_text(("  name: 冷水滩区", "  name: 江华县"), ('code: "431103"', 'code: "431199"'))
    assert "是否应为“江华瑶族自治县”" in errors(load(text))[0].message(ZH)


def test_a_name_written_short_wins_over_the_code_of_a_report_copied_from_another_unit(load: Load) -> None:
    """东安 with 江华瑶族自治县's code (a report copied from 江华's, its code left): 东安 names 东安县. The
    code's unit was suggested, and once written, 东安县's figures passed as 江华瑶族自治县's report."""
    text = county_text(("  name: 冷水滩区", "  name: 东安"), ('code: "431103"', 'code: "431129"'))
    assert "是否应为“东安县”" in errors(load(text))[0].message(ZH)


def test_none_as_the_only_leading_industry_is_an_error_saying_to_write_an_empty_list(load: Load) -> None:
    # ``[无]`` was one industry named 无 to c4.leading-industries, and passed
    problem = only_error(load(county_text(("[电子信息, 先进装备制造]", "[无]"))))
    assert_problem(
        problem,
        "none-as-name",
        16,
        22,
        "leading_industries[0]",
        ("“无”不是名称", "空列表 []"),
        ('"无" is no name', "empty list []"),
    )


def test_none_beside_names_is_an_error_saying_to_delete_it(load: Load) -> None:
    problem = only_error(load(county_text(("[电子信息, 先进装备制造]", "[电子信息, 没有]"))))
    assert_problem(
        problem,
        "none-beside-names",
        16,
        28,
        "leading_industries[1]",
        ("“没有”不是名称", "删去这一项"),
        ('"没有" is no name', "delete it"),
    )
