"""``flag``: a yes/no fact that must be true (kinds.flag)."""

from __future__ import annotations

from factory import CITY, DROP, city_report, city_year, county, line_of, replace_unit, validated

from zhijiao_check.kinds.flag import FlagRule

from .common import RULE_HEAD, broken_pack, check_with_pack, custom_result, fields, judge


def flag(field: str = "quality_committee", **more) -> FlagRule:
    return validated(FlagRule, fields(kind="flag", field=field, **more))


def test_true_passes(tmp_path):
    result = judge(tmp_path, flag(), [county(year=2023, quality_committee=True)])
    assert (result.status, result.observed) == ("pass", True)
    assert result.explanation == "质量管理委员会：是"
    assert result.target == {"op": "==", "value": True}


def test_false_fails(tmp_path):
    result = judge(tmp_path, flag(), [county(year=2023, quality_committee=False)])
    assert (result.status, result.observed) == ("fail", False)
    assert result.explanation == "质量管理委员会：否"


def test_absent_is_missing(tmp_path):
    result = judge(tmp_path, flag(), [county(year=2023, quality_committee=DROP)])
    assert result.status == "missing"
    assert result.explanation == "缺少数据：quality_committee"


def test_english_explanation_uses_english_punctuation(tmp_path):
    result = judge(tmp_path, flag(), [county(year=2023, quality_committee=False)], lang="en")
    assert result.explanation == "quality management committee: no"


def test_the_location_is_the_flags_line(tmp_path):
    result = judge(tmp_path, flag(), [county(year=2023)])
    [location] = result.locations
    assert location.line == line_of(location.file, "quality_committee: true")


def test_a_city_block_flag_is_read_from_the_city_report(tmp_path):
    result = judge(tmp_path, flag("city.activity_week", scope="city"), city_year(2025, activity_week=False))
    assert result.status == "fail"
    assert [location.file for location in result.locations] == [result.locations[0].file]
    assert result.locations[0].file.endswith("unit14.yaml")  # 永州市本级, the 15th unit


def test_in_city_scope_every_unit_must_say_true(tmp_path):
    reports = replace_unit(city_year(2025), "道县", {"quality_committee": False})
    assert judge(tmp_path, flag(scope="city"), reports).status == "fail"


def test_in_city_scope_an_absent_flag_names_the_unit(tmp_path):
    reports = replace_unit(city_year(2025), "道县", {"quality_committee": DROP})
    result = judge(tmp_path, flag(scope="city"), reports)
    assert result.status == "missing"
    assert result.explanation == "缺少数据：道县: quality_committee"


def test_a_flag_due_later_that_is_false_is_pending(tmp_path):
    rule = flag("city.incubation_center", scope="city", time={"due": 2026})
    reports = replace_unit(city_year(2025), CITY, {"city.incubation_center": False})
    assert judge(tmp_path, rule, reports).status == "pending"


def test_a_flag_rule_in_a_pack_folder_given_with_rules(tmp_path):
    rules_yaml = """\
rules:
  - id: c90.city-committee
    title: {zh: 市本级设立质量管理委员会, en: "The city has a quality committee"}
    clause: 90
    quote: 市本级设立质量管理委员会
    scope: unit
    units: [city]
    kind: flag
    field: quality_committee
    time: {from: 2022}
"""
    report = city_report(2023, quality_committee=False)
    result, document = check_with_pack(tmp_path, rules_yaml, "市本级设立质量管理委员会。", report)
    custom = custom_result(document, "c90.city-committee")
    assert (custom["status"], custom["observed"]) == ("fail", False)
    assert custom["target"] == {"op": "==", "value": True}
    assert result.exit_code == 1


def test_a_flag_rule_without_its_field_is_a_located_error(tmp_path):
    result, rule_file = broken_pack(
        tmp_path,
        RULE_HEAD
        + """\
    scope: unit
    kind: flag
    time: {every_year: 2022}
""",
    )
    assert result.exit_code == 2
    assert f"{rule_file}:2:5: rules[0].field:" in result.stderr


def test_a_flag_s_target_is_true_whatever_its_record_s_target_holds():
    """``kinds.stated_target``: the one place that says so, for a result, a trend, a refused year and a
    projection alike."""
    from zhijiao_check.engine.trend import project
    from zhijiao_check.kinds import stated_target

    odd = flag(target={"op": "<=", "value": 3}, time={"due": 2030})
    assert stated_target(odd) == ("==", True)
    assert project(odd, []) == (None, "not-a-number")
