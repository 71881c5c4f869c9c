"""``count``: how many items of a collection match, against a number or a range (kinds.count)."""

from __future__ import annotations

import pytest
from factory import DROP, city_year, county, major, replace_unit, school, validated

from zhijiao_check.kinds.count import CountRule

from .common import RULE_HEAD, broken_pack, check_with_pack, custom_result, fields, judge


def count_rule(over: str, where: list | None = None, **more) -> CountRule:
    return validated(CountRule, fields(kind="count", of={"over": over, "where": where or []}, **more))


def with_majors(*majors: dict) -> dict:
    report = county(year=2023)
    report["schools"][0]["majors"] = list(majors)
    return report


def test_counts_a_list_field_and_names_what_it_counted(tmp_path):
    rule = count_rule("training_bases", target={"op": ">=", "value": 2})
    result = judge(tmp_path, rule, [county(year=2023)])
    assert result.status == "fail"
    assert result.observed == 1
    assert result.explanation == "1 < 2：东安县先进装备制造实训基地"


def test_contains_filters_on_a_list_of_designations(tmp_path):
    rule = count_rule("majors", [{"field": "designations", "op": "contains", "value": "chuyi"}])
    report = with_majors(
        major("电子技术应用", designations=["quality", "chuyi"]),
        major("数控技术应用", designations=["quality"]),
        major("会计事务", designations=DROP),
    )
    result = judge(tmp_path, rule, [report])
    assert (result.status, result.observed) == ("pass", 1)
    assert result.explanation == "1 ≥ 1：电子技术应用"


def test_every_where_condition_must_hold(tmp_path):
    rule = count_rule(
        "majors",
        [{"field": "rating", "value": "green"}, {"field": "enrollment", "op": ">=", "value": 100}],
        target={"value": 2},
    )
    report = with_majors(
        major("电子技术应用", enrollment=120),
        major("数控技术应用", enrollment=99),
        major("会计事务", rating="red", enrollment=300),
    )
    assert judge(tmp_path, rule, [report]).observed == 1


def test_a_condition_on_the_report_year(tmp_path):
    rule = count_rule("majors", [{"field": "evaluated_in", "op": ">=", "year_plus": -1}])
    report = with_majors(major("电子技术应用", evaluated_in=2022), major("数控技术应用", evaluated_in=2021))
    assert judge(tmp_path, rule, [report]).observed == 1


def test_a_condition_on_the_enclosing_school(tmp_path):
    rule = count_rule("majors", [{"field": "school.ownership", "value": "private"}])
    assert judge(tmp_path, rule, [with_majors(major("电子技术应用"))]).observed == 0


def test_between_passes_inside_and_fails_outside_the_range(tmp_path):
    rule = count_rule("leading_industries", target={"op": "between", "value": [2, 3]})
    assert judge(tmp_path, rule, [county(year=2023, leading_industries=["a", "b", "c"])]).status == "pass"
    result = judge(tmp_path, rule, [county(year=2023, leading_industries=["a", "b", "c", "d"])])
    assert result.status == "fail"
    assert result.explanation == "4 ∉ 2–3：a、b、c、d"


def test_above_expected_max_is_reported_not_failed(tmp_path):
    rule = count_rule("leading_industries", target={"op": ">=", "value": 1, "expected_max": 2})
    result = judge(tmp_path, rule, [county(year=2023, leading_industries=["a", "b", "c"])])
    assert result.status == "pass"
    assert result.notes == ("共 3 个，超过政策区间 ≥ 1 的上限 2：如实报告，不判失败",)


def test_an_absent_list_is_missing(tmp_path):
    rule = count_rule("leading_industries")
    result = judge(tmp_path, rule, [county(year=2023, leading_industries=DROP)])
    assert result.status == "missing"
    assert result.explanation == "缺少数据：leading_industries"


def test_an_empty_list_counts_zero(tmp_path):
    result = judge(tmp_path, count_rule("leading_industries"), [county(year=2023, leading_industries=[])])
    assert (result.status, result.observed) == ("fail", 0)
    assert result.explanation == "0 < 1"


def test_more_than_eight_names_are_cut_short_with_a_count(tmp_path):
    rule = count_rule("leading_industries", target={"value": 1})
    industries = [f"产业{i}" for i in range(1, 11)]
    result = judge(tmp_path, rule, [county(year=2023, leading_industries=industries)])
    assert result.explanation == "10 ≥ 1：" + "、".join(industries[:8]) + "等（另 2 个）"


def test_english_names_follow_a_colon(tmp_path):
    result = judge(tmp_path, count_rule("leading_industries"), [county(year=2023)], lang="en")
    assert result.explanation == "1 ≥ 1: 先进装备制造"


def test_in_city_scope_items_of_every_unit_are_counted(tmp_path):
    rule = count_rule("schools", [{"field": "level", "value": "higher"}], scope="city", target={"value": 3})
    result = judge(tmp_path, rule, city_year(2025, new_colleges=2))
    assert result.observed == 5  # the three colleges of 市本级 and two new ones


def test_a_tolerance_band_turns_a_near_miss_into_warn(tmp_path):
    rule = count_rule("leading_industries", target={"op": ">=", "value": 10, "tolerance": 0.1})
    near = judge(tmp_path, rule, [county(year=2023, leading_industries=list("abcdefghi"))])
    assert near.status == "warn"
    assert near.explanation == "9 < 10：a、b、c、d、e、f、g、h等（另 1 个）"
    assert near.notes == ("在 10 的 ±10% 以内（≥ 9）：提醒",)
    far = judge(tmp_path, rule, [county(year=2023, leading_industries=list("abcdefgh"))])
    assert far.status == "fail"
    assert far.notes == ()


def test_a_near_miss_says_its_tolerance_in_english(tmp_path):
    rule = count_rule("leading_industries", target={"op": ">=", "value": 10, "tolerance": 0.1})
    result = judge(tmp_path, rule, [county(year=2023, leading_industries=list("abcdefghi"))], lang="en")
    assert result.notes == ("within 10% of 10 (≥ 9): warn",)


@pytest.mark.parametrize(("year", "status"), [(2022, "pending"), (2023, "behind"), (2024, "fail")])
def test_a_linear_count_before_and_after_its_due_year(tmp_path, year, status):
    # target 5 due 2024: expected(2022) = 2.5, expected(2023) = 3.75
    rule = count_rule("leading_industries", target={"value": 5}, time={"due": 2024, "linear": True})
    assert judge(tmp_path, rule, [county(year=year, leading_industries=list("abc"))]).status == status


def test_a_count_rule_in_a_pack_folder_given_with_rules(tmp_path):
    rules_yaml = """\
rules:
  - id: c90.green-majors
    title: {zh: 每个县至少3个绿牌专业, en: "At least 3 green-card majors in each county"}
    clause: 90
    quote: 每个县至少3个绿牌专业
    scope: unit
    units: [county]
    kind: count
    of:
      over: majors
      where: [{field: rating, value: green}]
    target: {op: ">=", value: 3}
    time: {from: 2023}
"""
    report = with_majors(major("电子技术应用"), major("数控技术应用"), major("会计事务", rating="yellow"))
    result, document = check_with_pack(tmp_path, rules_yaml, "每个县至少3个绿牌专业。", report)
    custom = custom_result(document, "c90.green-majors")
    assert (custom["status"], custom["observed"]) == ("fail", 2)
    assert custom["explanation"] == "2 < 3：电子技术应用、数控技术应用"
    assert result.exit_code == 1


def test_a_count_rule_with_an_unknown_field_is_a_located_error(tmp_path):
    result, rule_file = broken_pack(
        tmp_path,
        RULE_HEAD
        + """\
    scope: unit
    kind: count
    of: {over: majors}
    targte: {op: ">=", value: 3}
    time: {every_year: 2022}
""",
    )
    assert result.exit_code == 2
    assert f"{rule_file}:9:" in result.stderr
    assert "targte" in result.stderr


def test_a_list_not_given_by_a_school_the_filter_leaves_out_is_not_missing(tmp_path):
    # As c4.high-level-majors: only majors of higher colleges count, so a secondary school's list does not
    # matter.
    rule = count_rule(
        "majors",
        [
            {"field": "school.level", "value": "higher"},
            {"field": "designations", "op": "contains", "value": "high_level"},
        ],
    )
    report = county(year=2023)
    report["schools"][0].pop("majors")
    report["schools"].append(
        school("某高职学院", level="higher", year=2023, majors=[major("护理", designations=["high_level"])])
    )
    result = judge(tmp_path, rule, [report])
    assert (result.status, result.observed) == ("pass", 1)


def test_a_list_not_given_by_a_school_the_filter_keeps_is_missing(tmp_path):
    rule = count_rule("majors", [{"field": "school.level", "value": "secondary"}])
    report = county(year=2023)
    report["schools"][0].pop("majors")
    result = judge(tmp_path, rule, [report])
    assert (result.status, result.explanation) == ("missing", "缺少数据：东安县职业中等专业学校.majors")


# ----------------------------------------------------------------- names that repeat: distinct items, said so


def quality_majors_at(reports: list[dict], majors: dict[str, list[str]]) -> list[dict]:
    """The city year with no quality major but those named, by county: the county school's majors."""
    for report in reports:
        for item in report["schools"]:
            for entry in item["majors"]:
                entry["designations"] = []
    for county_name, names in majors.items():
        reports = replace_unit(
            reports,
            county_name,
            {"schools[0].majors": [major(name, designations=["quality"]) for name in names]},
        )
    return reports


QUALITY_MAJORS = count_rule(
    "majors",
    [{"field": "designations", "op": "contains", "value": "quality"}],
    scope="city",
    target={"value": 10},
)


def test_majors_of_one_name_at_different_schools_are_each_said_with_their_school(tmp_path):
    # Three 服装设计与工艺 of three schools are three majors: bare, the list read as one counted three times.
    reports = quality_majors_at(
        city_year(2025),
        {
            "祁阳市": ["服装设计与工艺", "药剂"],
            "东安县": ["服装设计与工艺"],
            "江华瑶族自治县": ["服装设计与工艺"],
        },
    )
    result = judge(tmp_path, QUALITY_MAJORS, reports)
    assert result.observed == 4
    assert result.explanation == (
        "4 < 10：服装设计与工艺（祁阳市职业中等专业学校）、药剂、服装设计与工艺（东安县职业中等专业学校）、"
        "服装设计与工艺（江华瑶族自治县职业中等专业学校）"
    )
    english = judge(tmp_path, QUALITY_MAJORS, reports, lang="en")
    assert english.explanation == (
        "4 < 10: 服装设计与工艺 (祁阳市职业中等专业学校), 药剂, 服装设计与工艺 (东安县职业中等专业学校), "
        "服装设计与工艺 (江华瑶族自治县职业中等专业学校)"
    )


def test_names_said_once_stay_bare(tmp_path):
    reports = quality_majors_at(city_year(2025), {"祁阳市": ["服装设计与工艺"], "东安县": ["药剂"]})
    assert judge(tmp_path, QUALITY_MAJORS, reports).explanation == "2 < 10：服装设计与工艺、药剂"


def test_a_count_of_distinct_names_says_each_name_once_without_schools(tmp_path):
    rule = count_rule(
        "majors",
        [{"field": "designations", "op": "contains", "value": "quality"}],
        distinct="name",
        scope="city",
        target={"value": 10},
    )
    reports = quality_majors_at(
        city_year(2025), {"祁阳市": ["服装设计与工艺"], "东安县": ["服装设计与工艺", "药剂"]}
    )
    result = judge(tmp_path, rule, reports)
    assert result.explanation == "2 < 10：服装设计与工艺、药剂"
    assert result.notes == ("3 项中专业名称不同的有 2 个，按 2 计",)


def test_list_entries_of_one_name_in_different_units_are_said_with_their_unit(tmp_path):
    rule = count_rule("training_bases", scope="city", target={"value": 20})
    reports = city_year(2025)
    for name in ("道县", "江永县"):
        reports = replace_unit(reports, name, {"training_bases": [{"name": "园林花卉实训基地"}]})
    result = judge(tmp_path, rule, reports)
    assert "、园林花卉实训基地（道县）、园林花卉实训基地（江永县）、" in result.explanation
    english = judge(tmp_path, rule, reports, lang="en")
    assert ", 园林花卉实训基地 (道县), 园林花卉实训基地 (江永县), " in english.explanation


def test_one_school_name_in_two_units_reports_is_said_with_each_unit(tmp_path):
    rule = count_rule(
        "schools",
        [{"field": "designations", "op": "contains", "value": "chuyi_brand"}],
        scope="city",
        target={"value": 2},
    )
    reports = city_year(2025, chuyi_schools=0)
    for name in ("道县", "江永县"):
        reports = replace_unit(
            reports,
            name,
            {"schools[0].name": "永州市楚怡职业学校", "schools[0].designations": ["chuyi_brand"]},
        )
    result = judge(tmp_path, rule, reports)
    assert result.explanation == "2 ≥ 2：永州市楚怡职业学校（道县）、永州市楚怡职业学校（江永县）"
    # and a major of that school in both: its school is not enough, the unit comes first
    reports = quality_majors_at(reports, {"道县": ["服装设计与工艺"], "江永县": ["服装设计与工艺"]})
    assert judge(tmp_path, QUALITY_MAJORS, reports).explanation == (
        "2 < 10：服装设计与工艺（道县 · 永州市楚怡职业学校）、服装设计与工艺（江永县 · 永州市楚怡职业学校）"
    )
