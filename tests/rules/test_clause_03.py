"""Clause 3 (扩大高等职业教育办学规模): rules/yzf-2021-7/clause-03.yaml."""

from __future__ import annotations

from factory import CITY, DROP, city_year, replace_unit

NEW = "c3.new-higher-colleges"
UPGRADE = "c3.undergraduate-upgrade"
PATHWAY = "c3.pathway-growth"


# ------------------------------------------------------------------------------------ c3.new-higher-colleges


def test_one_new_higher_college_by_2025_passes(city_results):
    result = city_results(city_year(2025, new_colleges=1))[NEW]
    assert result.status == "pass"
    assert result.observed == 1
    assert result.explanation == "1 ≥ 1：永州第1新建职业技术学院"


def test_no_new_higher_college_in_2025_fails(city_results):
    result = city_results(city_year(2025, new_colleges=0))[NEW]
    assert result.status == "fail"
    assert result.observed == 0
    assert result.explanation == "0 < 1"


def test_no_new_higher_college_before_2025_is_pending_never_behind(city_results):
    result = city_results(city_year(2023, new_colleges=0))[NEW]
    assert result.status == "pending"
    assert result.expected is None


def test_more_than_two_new_colleges_is_reported_not_failed(city_results):
    result = city_results(city_year(2025, new_colleges=3))[NEW]
    assert result.status == "pass"
    assert result.observed == 3
    assert any("超过政策区间" in note and "2" in note for note in result.notes)


def test_a_college_established_before_2021_is_not_new(city_results):
    reports = city_year(2025, new_colleges=1)
    reports = replace_unit(reports, CITY, {"schools[4].established": 2020})
    assert city_results(reports)[NEW].status == "fail"


def test_a_new_secondary_school_is_not_a_higher_college(city_results):
    reports = city_year(2025, new_colleges=0)
    reports = replace_unit(reports, "东安县", {"schools[0].established": 2022})
    assert city_results(reports)[NEW].observed == 0


def test_a_college_upgraded_in_2022_is_not_new(city_results):
    # A secondary school upgraded to a college, its founding year written as the upgrade year.
    reports = replace_unit(city_year(2025, new_colleges=1), CITY, {"schools[4].upgraded": 2022})
    result = city_results(reports)[NEW]
    assert result.status == "fail"
    assert result.observed == 0


def test_a_college_upgraded_and_a_new_one_count_as_one(city_results):
    reports = replace_unit(city_year(2025, new_colleges=2), CITY, {"schools[4].upgraded": 2023})
    result = city_results(reports)[NEW]
    assert result.status == "pass"
    assert result.explanation == "1 ≥ 1：永州第2新建职业技术学院"


def test_a_college_with_no_founding_year_is_not_counted(city_results):
    reports = replace_unit(city_year(2025, new_colleges=1), CITY, {"schools[4].established": DROP})
    result = city_results(reports)[NEW]
    assert result.status == "fail"
    assert result.observed == 0


# ------------------------------------------------------------------------------------
# c3.undergraduate-upgrade


def test_yongzhou_college_as_undergraduate_by_2025_passes(city_results):
    result = city_results(city_year(2025))[UPGRADE]
    assert result.status == "pass"
    assert result.explanation == "1 ≥ 1：永州职业技术学院"


def test_yongzhou_college_not_undergraduate_in_2025_fails(city_results):
    reports = replace_unit(city_year(2025), CITY, {"schools[0].designations": []})
    result = city_results(reports)[UPGRADE]
    assert result.status == "fail"
    assert result.explanation == "0 < 1"


def test_yongzhou_college_not_undergraduate_before_2025_is_pending(city_results):
    reports = replace_unit(city_year(2023), CITY, {"schools[0].designations": []})
    assert city_results(reports)[UPGRADE].status == "pending"


def test_the_college_renamed_on_upgrade_still_counts(city_results):
    # The name changes on upgrade: the designation decides, not the name.
    reports = replace_unit(
        city_year(2025), CITY, {"schools[0].name": "永州职业技术大学", "schools[0].upgraded": 2024}
    )
    result = city_results(reports)[UPGRADE]
    assert result.status == "pass"
    assert result.explanation == "1 ≥ 1：永州职业技术大学"


def test_an_undergraduate_designation_on_a_secondary_school_does_not_count(city_results):
    reports = replace_unit(
        city_year(2025), CITY, {"schools[0].designations": [], "schools[3].designations": ["undergraduate"]}
    )
    assert city_results(reports)[UPGRADE].status == "fail"


def test_another_college_becoming_undergraduate_is_counted_as_reported(city_results):
    reports = replace_unit(
        city_year(2025), CITY, {"schools[0].designations": [], "schools[1].designations": ["undergraduate"]}
    )
    result = city_results(reports)[UPGRADE]
    assert result.status == "pass"
    assert result.explanation == "1 ≥ 1：永州师范高等专科学校"


def test_the_interpretation_does_not_say_the_rule_reads_only_the_city_report():
    from factory import builtin_packs

    rule = next(r for r in builtin_packs()[0].rules if r.id == UPGRADE)
    assert "市本级报表中" not in rule.interpretation.zh


# ------------------------------------------------------------------------------------ c3.pathway-growth


def test_pathway_enrollment_growing_passes(city_results):
    result = city_results(city_year(2023, pathway=(2300, 2045)))[PATHWAY]
    assert result.status == "pass"
    assert result.observed == 2300
    assert result.target == {"op": ">", "value": 2045}
    assert result.explanation == "15 个单位当年“3+2”招生合计 2300 人 > 15 个单位上年“3+2”招生合计 2045 人"


def test_pathway_enrollment_standing_still_fails(city_results):
    result = city_results(city_year(2023, pathway=(2045, 2045)))[PATHWAY]
    assert result.status == "fail"
    assert result.explanation == "15 个单位当年“3+2”招生合计 2045 人 ≤ 15 个单位上年“3+2”招生合计 2045 人"


def test_pathway_enrollment_shrinking_fails(city_results):
    assert city_results(city_year(2023, pathway=(1900, 2045)))[PATHWAY].status == "fail"


def test_pathway_with_a_unit_not_giving_last_year_is_missing(city_results):
    reports = replace_unit(city_year(2023), "道县", {"pathway_3plus2.previous": DROP})
    result = city_results(reports)[PATHWAY]
    assert result.status == "missing"
    assert "道县" in result.explanation


def test_pathway_is_not_judged_in_2021(city_results):
    result = city_results(city_year(2021, pathway=(900, 1000)))[PATHWAY]
    assert result.status == "not_applicable"
    assert result.explanation == "自 2022 年起判定"
