"""Clause 7 (建设产教融合实训基地): rules/yzf-2021-7/clause-07.yaml."""

from __future__ import annotations

from factory import CLUSTERS, DROP, city_year, county, without

BASE = "c7.training-base"
CLUSTER = "c7.cluster-coverage"


# ------------------------------------------------------------------------------------ c7.training-base


def test_county_with_one_training_base_passes(unit_results):
    result = unit_results(county(year=2023))[BASE]
    assert result.status == "pass"
    assert result.observed == 1
    assert result.explanation == "1 ≥ 1：东安县先进装备制造实训基地"


def test_county_without_a_training_base_before_2025_is_pending(unit_results):
    result = unit_results(county(year=2023, training_bases=[]))[BASE]
    assert result.status == "pending"
    assert result.observed == 0
    assert result.explanation == "0 < 1"
    assert result.expected is None  # not a linear rule


def test_county_without_a_training_base_in_2025_fails(unit_results):
    assert unit_results(county(year=2025, training_bases=[]))[BASE].status == "fail"


def test_training_bases_not_given_in_2025_are_missing(unit_results):
    result = unit_results(county(year=2025, training_bases=DROP))[BASE]
    assert result.status == "missing"
    assert result.explanation == "缺少数据：training_bases"


def test_training_bases_not_given_before_2025_stay_pending(unit_results):
    assert unit_results(county(year=2023, training_bases=DROP))[BASE].status == "pending"


# ------------------------------------------------------------------------------------ c7.cluster-coverage


def test_majors_in_all_six_clusters_pass(city_results):
    result = city_results(city_year(2025))[CLUSTER]
    assert result.status == "pass"
    assert result.observed == 6
    assert result.explanation == "已覆盖 6 / 6 ≥ 6"


def test_a_cluster_without_any_major_in_2025_fails_and_is_named(city_results):
    result = city_results(city_year(2025, clusters=CLUSTERS[:5]))[CLUSTER]
    assert result.status == "fail"
    assert result.observed == 5
    assert result.explanation == "已覆盖 5 / 6 < 6；未覆盖：新材料"


def test_a_cluster_not_yet_covered_before_2025_is_pending(city_results):
    assert city_results(city_year(2023, clusters=CLUSTERS[:5]))[CLUSTER].status == "pending"


def test_cluster_coverage_complete_with_a_unit_absent_passes(city_results):
    result = city_results(without(city_year(2025), "宁远县"))[CLUSTER]
    assert result.status == "pass"
    assert result.notes == ("缺少单位：宁远县（不影响结果：已达标，缺少的单位只会增加合计或计数）",)


def test_cluster_coverage_incomplete_with_a_unit_absent_is_missing(city_results):
    result = city_results(without(city_year(2025, clusters=CLUSTERS[:5]), "宁远县"))[CLUSTER]
    assert result.status == "missing"
    assert result.notes == ("缺少单位：宁远县",)
