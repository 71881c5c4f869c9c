"""``ratio``: Σnumerator / Σdenominator against a number or another ratio (zhijiao_check.kinds.ratio)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from factory import DROP, city_year, county, edit, replace_unit, school, validated, without

from zhijiao_check.kinds.ratio import RatioRule

from .common import RULE_HEAD, broken_pack, check_with_pack, custom_result, fields, judge

PRIVATE = {"over": "schools", "field": "teachers", "where": [{"field": "ownership", "value": "private"}]}
ALL = {"over": "schools", "field": "teachers"}


def private_share(op: str = "<=", value: float = 0.5, **more) -> RatioRule:
    """Private schools' teachers / all teachers of the unit's schools."""
    return validated(
        RatioRule,
        fields(
            kind="ratio", numerator=[PRIVATE], denominator=[ALL], target={"op": op, "value": value}, **more
        ),
    )


def with_private(teachers: int, public: int = 100, year: int = 2023) -> dict:
    report = county(year=year)
    report["schools"][0]["teachers"] = public
    report["schools"][0]["dual_qualified_teachers"] = 0
    report["schools"][0]["teachers_rotated"] = 0
    report["schools"].append(
        school(
            "东安县舜德职业学校",
            ownership="private",
            year=year,
            teachers=teachers,
            dual_qualified_teachers=0,
            teachers_rotated=0,
        )
    )
    return report


def test_sums_over_items_matching_a_filter(tmp_path):
    result = judge(tmp_path, private_share(), [with_private(150)])
    assert result.status == "fail"
    assert result.observed == pytest.approx(0.6)
    assert result.explanation == "150 / 250 = 60.0% > 50.0%"


def test_an_upper_bound_is_met_at_the_bound(tmp_path):
    result = judge(tmp_path, private_share(), [with_private(100)])
    assert result.status == "pass"
    assert result.explanation == "100 / 200 = 50.0% ≤ 50.0%"


def test_several_terms_are_shown_added_up(tmp_path):
    rule = validated(
        RatioRule,
        fields(
            kind="ratio",
            numerator=["enrollment.secondary_vocational"],
            denominator=["enrollment.secondary_vocational", "enrollment.general_high_school"],
            target={"op": ">=", "value": 0.45},
        ),
    )
    report = edit(
        county(year=2023), {"enrollment.secondary_vocational": 1200, "enrollment.general_high_school": 1800}
    )
    result = judge(tmp_path, rule, [report])
    assert result.explanation == "1200 / (1200 + 1800) = 40.0% < 45.0%"


def test_in_city_scope_each_figure_is_a_sum_over_every_unit(tmp_path):
    rule = validated(
        RatioRule,
        fields(
            kind="ratio",
            scope="city",
            numerator=[{"over": "schools", "field": "dual_qualified_teachers"}],
            denominator=[ALL],
            target={"op": ">=", "value": 0.5},
        ),
    )
    result = judge(tmp_path, rule, city_year(2025, teachers=3000, dual=1200))
    assert result.status == "fail"
    assert result.explanation == "Σ1200 / Σ3000 = 40.0% < 50.0%"


def test_by_unit_lists_each_units_own_share_in_city_scope(tmp_path):
    rule = validated(
        RatioRule,
        fields(
            kind="ratio",
            scope="city",
            by_unit=True,
            numerator=[{"over": "schools", "field": "dual_qualified_teachers"}],
            denominator=[ALL],
            target={"op": ">=", "value": 0.5},
        ),
    )
    result = judge(tmp_path, rule, city_year(2025))
    names = [item.name for item in result.items]
    assert "东安县" in names and "永州市本级" in names
    assert "金洞管理区" not in names  # no school: no share of its own


def test_by_unit_lists_a_unit_whose_schools_report_no_teachers_with_its_0_over_0(tmp_path):
    rule = validated(
        RatioRule,
        fields(
            kind="ratio",
            scope="city",
            by_unit=True,
            numerator=[{"over": "schools", "field": "dual_qualified_teachers"}],
            denominator=[ALL],
            target={"op": ">=", "value": 0.5},
        ),
    )
    reports = city_year(2025)
    for report in reports:
        if report["unit"]["name"] == "东安县":
            for listed in report["schools"]:
                listed.update(teachers=0, dual_qualified_teachers=0, teachers_rotated=0)
                listed.pop("professional_teachers", None)
    result = judge(tmp_path, rule, reports)
    dongan = next(item for item in result.items if item.name == "东安县")
    assert (dongan.status, dongan.observed) == ("not_applicable", None)
    assert dongan.explanation == "0 / 0；分母（专任教师）为 0，无法计算比例"
    assert "金洞管理区" not in [item.name for item in result.items]  # no school: nothing to show


def test_without_by_unit_there_are_no_items(tmp_path):
    rule = validated(
        RatioRule,
        fields(
            kind="ratio",
            scope="city",
            numerator=[{"over": "schools", "field": "dual_qualified_teachers"}],
            denominator=[ALL],
        ),
    )
    assert judge(tmp_path, rule, city_year(2025)).items == ()


def test_compared_with_another_ratio(tmp_path):
    rule = validated(
        RatioRule,
        fields(
            kind="ratio",
            numerator=["funding.new_vocational"],
            denominator=["funding.new_education"],
            compare_to={
                "numerator": ["funding.vocational_total"],
                "denominator": ["funding.education_total"],
            },
            target={"op": ">="},
        ),
    )
    report = edit(
        county(year=2023),
        {
            "funding.new_vocational": 60,
            "funding.new_education": 2100,
            "funding.vocational_total": 5100,
            "funding.education_total": 48800,
        },
    )
    result = judge(tmp_path, rule, [report])
    assert result.status == "fail"
    assert result.explanation == "60 / 2100 = 2.9% < 5100 / 48800 = 10.5%"
    assert result.target == {"op": ">=", "value": pytest.approx(5100 / 48800)}


def tilt() -> RatioRule:
    """New funding's vocational share against the existing one (c16.new-funding-tilt)."""
    return validated(
        RatioRule,
        fields(
            kind="ratio",
            numerator=["funding.new_vocational"],
            denominator=["funding.new_education"],
            compare_to={
                "numerator": ["funding.vocational_total"],
                "denominator": ["funding.education_total"],
            },
            target={"op": ">="},
        ),
    )


def funded(new_vocational: float, new_education: float, vocational: float, education: float) -> dict:
    return edit(
        county(year=2023),
        {
            "funding.new_vocational": new_vocational,
            "funding.new_education": new_education,
            "funding.vocational_total": vocational,
            "funding.education_total": education,
        },
    )


@pytest.mark.parametrize(
    ("figures", "explanation"),
    [
        # As floats 0.3 / 3 is 10.000000000000002%, below 5100 / 51000; 235.2 / 2100 is 11.199999999999999%
        # against 11.200000000000001%.
        ((0.3, 3, 5100, 51000), "0.3 / 3 = 10.0% ≥ 5100 / 51000 = 10.0%"),
        ((235.2, 2100, 5600, 50000), "235.2 / 2100 = 11.2% ≥ 5600 / 50000 = 11.2%"),
        # 0.33333333333333337 as floats; a figure below 10⁻¹² is refused as no real one (located.too_small)
        ((1e-8, 3e-8, 1, 3), "0.00000001 / 0.00000003 = 33.3% ≥ 1 / 3 = 33.3%"),
    ],
)
def test_two_equal_shares_of_decimal_figures_are_equal(tmp_path, figures, explanation):
    result = judge(tmp_path, tilt(), [funded(*figures)])
    assert result.status == "pass"
    assert result.explanation == explanation
    assert result.observed == result.target["value"]


def test_a_share_just_below_the_other_still_fails(tmp_path):
    result = judge(tmp_path, tilt(), [funded(235.1, 2100, 5600, 50000)])
    assert result.status == "fail"
    assert result.explanation == "235.1 / 2100 = 11.195% < 5600 / 50000 = 11.200%"


def test_a_share_of_decimal_figures_meets_a_number_it_equals(tmp_path):
    """0.3 / 3 as floats is 0.09999999999999999, below 0.1; (0.1 + 0.2) / 3 is 0.10000000000000002, above."""
    at_least = validated(
        RatioRule,
        fields(
            kind="ratio",
            numerator=["funding.new_vocational"],
            denominator=["funding.new_education"],
            target={"op": ">=", "value": 0.1},
        ),
    )
    result = judge(tmp_path, at_least, [funded(0.3, 3, 5100, 51000)])
    assert (result.status, result.explanation) == ("pass", "0.3 / 3 = 10.0% ≥ 10.0%")
    at_most = validated(
        RatioRule,
        fields(
            kind="ratio",
            numerator=["funding.new_vocational", "funding.vocational_total"],
            denominator=["funding.new_education"],
            target={"op": "<=", "value": 0.1},
        ),
    )
    result = judge(tmp_path, at_most, [funded(0.1, 3, 0.2, 51000)])
    assert (result.status, result.explanation) == ("pass", "(0.1 + 0.2) / 3 = 10.0% ≤ 10.0%")


def test_a_zero_denominator_is_not_applicable(tmp_path):
    result = judge(tmp_path, private_share(), [with_private(0, public=0)])
    assert result.status == "not_applicable"
    assert result.observed is None


def test_an_absent_term_is_missing_and_named_once(tmp_path):
    report = edit(
        with_private(150),
        {
            "schools[1].teachers": DROP,
            "schools[1].dual_qualified_teachers": DROP,
            "schools[1].teachers_rotated": DROP,
        },
    )
    result = judge(tmp_path, private_share(), [report])
    assert result.status == "missing"
    assert result.explanation == "缺少数据：东安县舜德职业学校.teachers"


def test_a_tolerance_band_turns_a_near_miss_into_warn(tmp_path):
    rule = validated(
        RatioRule,
        fields(
            kind="ratio",
            numerator=[PRIVATE],
            denominator=[ALL],
            target={"op": ">=", "value": 0.65, "tolerance": 0.1},
        ),
    )
    near = judge(tmp_path, rule, [with_private(150)])  # 60% ≥ 65% × 0.9 = 58.5%
    assert (near.status, near.explanation) == ("warn", "150 / 250 = 60.0% < 65.0%")
    assert near.notes == ("在 65.0% 的 ±10% 以内（≥ 58.5%）：提醒",)
    assert judge(tmp_path, rule, [with_private(130)]).status == "fail"  # 56.5%
    # At the band's edge exactly: 117 / 200 is 58.5%, where as floats 0.65 × 0.9 is 0.5850000000000001.
    edge = judge(tmp_path, rule, [with_private(117, public=83)])
    assert (edge.status, edge.explanation) == ("warn", "117 / 200 = 58.5% < 65.0%")
    assert judge(tmp_path, rule, [with_private(116, public=84)]).status == "fail"


def test_severity_warning_turns_a_failure_into_warn(tmp_path):
    assert judge(tmp_path, private_share(severity="warning"), [with_private(150)]).status == "warn"


def test_a_ratio_rule_in_a_pack_folder_given_with_rules(tmp_path):
    rules_yaml = """\
rules:
  - id: c90.private-teacher-share
    title: {zh: 民办学校专任教师占比不超过一半, en: "Private-school teachers at most half"}
    clause: 90
    quote: 民办学校专任教师占比不超过一半
    scope: unit
    units: [county]
    kind: ratio
    numerator: [{over: schools, field: teachers, where: [{field: ownership, value: private}]}]
    denominator: [{over: schools, field: teachers}]
    target: {op: "<=", value: 0.5}
    time: {every_year: 2022}
"""
    result, document = check_with_pack(
        tmp_path, rules_yaml, "民办学校专任教师占比不超过一半。", with_private(150)
    )
    custom = custom_result(document, "c90.private-teacher-share")
    assert custom["status"] == "fail"
    assert custom["explanation"] == "150 / 250 = 60.0% > 50.0%"
    assert [p["id"] for p in document["rule_packs"]] == ["yzf-2021-7", "test-pack"]
    assert custom_result(document, "c1.vocational-share")["status"] == "pass"  # the built-in pack still runs
    assert result.exit_code == 1


def test_a_ratio_rule_without_denominator_is_a_located_error(tmp_path):
    result, rule_file = broken_pack(
        tmp_path,
        RULE_HEAD
        + """\
    scope: unit
    kind: ratio
    numerator: [funding.new_vocational]
    time: {every_year: 2022}
""",
    )
    assert result.exit_code == 2
    assert f"{rule_file}:2:5: rules[0].denominator:" in result.stderr
    assert "Traceback" not in result.stderr


def test_by_unit_with_compare_to_holds_each_unit_against_its_own_compared_ratio(tmp_path):
    rule = validated(
        RatioRule,
        fields(
            kind="ratio",
            scope="city",
            by_unit=True,
            numerator=["funding.new_vocational"],
            denominator=["funding.new_education"],
            compare_to={
                "numerator": ["funding.vocational_total"],
                "denominator": ["funding.education_total"],
            },
            target={"op": ">="},
        ),
    )
    reports = replace_unit(
        city_year(2025),
        "东安县",
        {
            "funding.new_vocational": 60,
            "funding.new_education": 2100,
            "funding.vocational_total": 5100,
            "funding.education_total": 48800,
        },
    )
    result = judge(tmp_path, rule, reports)
    dongan = next(item for item in result.items if item.name == "东安县")
    assert dongan.status == "fail"
    assert dongan.explanation == "60 / 2100 = 2.9% < 5100 / 48800 = 10.5%"


def rotated_share(value: float, **more) -> RatioRule:
    """Teachers rotated over all teachers, city-wide, no school's share above 100% (``at_most``)."""
    rotated = {"over": "schools", "field": "teachers_rotated"}
    return validated(
        RatioRule,
        fields(
            kind="ratio",
            scope="city",
            numerator=[rotated],
            denominator=[ALL],
            target={"op": ">=", "value": value},
            at_most=1,
            **more,
        ),
    )


def test_a_target_at_the_bound_missed_is_decided_with_a_unit_absent(tmp_path):
    result = judge(tmp_path, rotated_share(1), without(city_year(2025, teachers=2000, rotated=1999), "道县"))
    assert result.status == "fail"
    assert result.notes[-1].startswith("缺少单位：道县（不影响结果：比例不会超过 100.0%")


def test_a_target_below_the_bound_missed_is_not_decided_with_a_unit_absent(tmp_path):
    """At 0.9 the absent unit's teachers, all rotated, could bring the share up to it."""
    reports = without(city_year(2025, teachers=2000, rotated=1700), "道县")
    result = judge(tmp_path, rotated_share(0.9), reports)
    assert result.status == "missing"
    assert result.notes[-1] == "缺少单位：道县"


def test_without_a_bound_a_missed_ratio_is_not_decided_with_a_unit_absent(tmp_path):
    rule = replace(rotated_share(1), at_most=None)
    result = judge(tmp_path, rule, without(city_year(2025, teachers=2000, rotated=1999), "道县"))
    assert result.status == "missing"


def test_a_bound_is_refused_with_compare_to():
    compared = {"numerator": [PRIVATE], "denominator": [ALL]}
    with pytest.raises(ValueError, match="at_most"):
        validated(
            RatioRule,
            fields(kind="ratio", numerator=[PRIVATE], denominator=[ALL], compare_to=compared, at_most=1),
        )


def test_a_share_equal_to_its_linear_schedule_is_not_behind(tmp_path):
    """2022's schedule of 55% by 2025 (from 2020) is 22% exactly; in floats 0.55 × 2 / 5 is
    0.22000000000000003, above the share 22 / 100, and the unit was called behind."""
    rule = private_share(">=", 0.55, time={"due": 2025, "linear": True})
    on_schedule = judge(tmp_path, rule, [with_private(22, public=78, year=2022)])
    assert on_schedule.status == "pending"
    assert on_schedule.expected == pytest.approx(0.22)
    below = judge(tmp_path, rule, [with_private(21, public=79, year=2022)])
    assert below.status == "behind"
