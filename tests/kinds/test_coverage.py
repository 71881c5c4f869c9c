"""``coverage``: the items together cover every one of a set of values (kinds.coverage)."""

from __future__ import annotations

from factory import CLUSTERS, city_year, county, major, validated

from zhijiao_check.kinds.coverage import CoverageRule

from .common import RULE_HEAD, broken_pack, check_with_pack, custom_result, fields, judge


def coverage(
    required=CLUSTERS, value: float | None = None, where: list | None = None, **more
) -> CoverageRule:
    target = {"op": ">=", "value": len(required) if value is None else value}
    return validated(
        CoverageRule,
        fields(
            kind="coverage",
            of={"over": "majors", "where": where or []},
            field="cluster",
            required=list(required),
            target=target,
            **more,
        ),
    )


def with_clusters(*clusters: str) -> dict:
    report = county(year=2023)
    report["schools"][0]["majors"] = [major(f"专业{i}", cluster=c) for i, c in enumerate(clusters)]
    return report


def test_every_value_covered_passes(tmp_path):
    result = judge(
        tmp_path, coverage(["电子信息", "新材料"]), [with_clusters("电子信息", "新材料", "电子信息")]
    )
    assert (result.status, result.observed) == ("pass", 2)
    assert result.explanation == "已覆盖 2 / 2 ≥ 2"


def test_uncovered_values_are_named(tmp_path):
    result = judge(tmp_path, coverage(), [with_clusters("电子信息", "生物医药")])
    assert (result.status, result.observed) == ("fail", 2)
    assert (
        result.explanation == "已覆盖 2 / 6 < 6；未覆盖：先进装备制造、农产品精深加工、轻纺箱包制鞋、新材料"
    )


def test_uncovered_values_in_english(tmp_path):
    result = judge(tmp_path, coverage(["电子信息", "新材料"]), [with_clusters("电子信息")], lang="en")
    assert result.explanation == "1 of 2 covered < 2; not covered: 新材料"


def test_a_lower_target_accepts_a_gap(tmp_path):
    result = judge(tmp_path, coverage(value=5), [with_clusters(*CLUSTERS[:5])])
    assert result.status == "pass"
    assert result.explanation.endswith("未覆盖：新材料")


def test_where_limits_the_covering_items(tmp_path):
    report = with_clusters("电子信息", "新材料")
    report["schools"][0]["majors"][1]["rating"] = "red"
    rule = coverage(["电子信息", "新材料"], where=[{"field": "rating", "value": "green"}])
    assert judge(tmp_path, rule, [report]).observed == 1


def test_the_locations_are_the_first_covering_items(tmp_path):
    result = judge(
        tmp_path, coverage(["电子信息", "新材料"]), [with_clusters("电子信息", "电子信息", "新材料")]
    )
    assert len(result.locations) == 2


def test_in_city_scope_majors_of_every_unit_cover_together(tmp_path):
    result = judge(tmp_path, coverage(scope="city"), city_year(2025))
    assert result.status == "pass"


def test_a_coverage_rule_in_a_pack_folder_given_with_rules(tmp_path):
    rules_yaml = """\
rules:
  - id: c90.two-clusters
    title: {zh: 每个县的专业覆盖电子信息与新材料, en: "Each county's majors cover two clusters"}
    clause: 90
    quote: 每个县的专业覆盖电子信息与新材料
    scope: unit
    units: [county]
    kind: coverage
    of: {over: majors}
    field: cluster
    required: [电子信息, 新材料]
    target: {op: ">=", value: 2}
    time: {every_year: 2022}
"""
    result, document = check_with_pack(
        tmp_path, rules_yaml, "每个县的专业覆盖电子信息与新材料。", with_clusters("电子信息")
    )
    custom = custom_result(document, "c90.two-clusters")
    assert (custom["status"], custom["observed"]) == ("fail", 1)
    assert custom["explanation"] == "已覆盖 1 / 2 < 2；未覆盖：新材料"
    assert result.exit_code == 1


def test_a_coverage_rule_without_required_values_is_a_located_error(tmp_path):
    result, rule_file = broken_pack(
        tmp_path,
        RULE_HEAD
        + """\
    scope: city
    kind: coverage
    of: {over: majors}
    field: cluster
    time: {every_year: 2022}
""",
    )
    assert result.exit_code == 2
    assert f"{rule_file}:2:5: rules[0].required:" in result.stderr


def test_a_range_target_is_shown_as_a_range(tmp_path):
    # A coverage target given as a range used to crash the run (format spec ``g`` on a list): exit status 3.
    rule = validated(
        CoverageRule,
        fields(
            kind="coverage",
            of={"over": "majors"},
            field="cluster",
            required=["电子信息", "新材料"],
            target={"op": "between", "value": [1, 2]},
        ),
    )
    result = judge(tmp_path, rule, [with_clusters("电子信息")])
    assert (result.status, result.explanation) == ("pass", "已覆盖 1 / 2 ∈ 1–2；未覆盖：新材料")


def test_values_that_do_not_count_for_one_reason_are_said_together(tmp_path):
    # Nine schools each followed by the same parenthesis read as one long repetition: the reason once.
    report = with_clusters("电子信息", "新材料", "先进装备制造")
    ratings = ("red", "red", "yellow")
    for entry, rating in zip(report["schools"][0]["majors"], ratings, strict=True):
        entry["rating"] = rating
    rule = coverage(
        ["电子信息", "新材料", "先进装备制造", "生物医药"], where=[{"field": "rating", "value": "green"}]
    )
    zh = judge(tmp_path, rule, [report]).explanation
    assert zh.startswith("已覆盖 0 / 4 < 4；未覆盖：电子信息、新材料（均：")
    assert zh.count("red") == 1 and "；先进装备制造（" in zh and "；生物医药（未填报）" in zh
    en = judge(tmp_path, rule, [report], lang="en").explanation
    assert "not covered: 电子信息, 新材料 (each: " in en and "; 生物医药 (not in any report)" in en
