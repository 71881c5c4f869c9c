"""What holds for every rule: years before the policy, scopes, city-wide evaluation, catalogue order,
score.
"""

from __future__ import annotations

import pytest
from factory import (
    CITY,
    COUNTIES,
    UNIT_NAMES,
    builtin_packs,
    city_report,
    city_year,
    county,
    plain_unit,
    replace_unit,
    run_reports,
    without,
)

BEFORE_POLICY = "统计年度 2020 早于政策发布（2021-09-04），所有规则均不适用"


def rules_of(scope: str, kind: str | None = None) -> list[str]:
    rules = builtin_packs()[0].rules
    return [r.id for r in rules if r.scope == scope and (kind is None or kind in r.units)]


# ------------------------------------------------------------------------------------ before the policy


def test_a_county_report_before_2021_has_every_rule_not_applicable_with_the_notice(tmp_path):
    run = run_reports(tmp_path, [county(year=2020, leading_industries=[], quality_committee=False)])
    [evaluation] = run.reports
    assert {r.status for r in evaluation.results} == {"not_applicable"}
    assert {r.explanation for r in evaluation.results} == {BEFORE_POLICY}
    assert evaluation.notices == (BEFORE_POLICY,)


def test_a_city_year_before_2021_has_every_city_rule_not_applicable_with_the_notice(tmp_path):
    run = run_reports(tmp_path, city_year(2020, seats=0, craftsman=0, enterprises=0))
    [city] = run.city
    assert [r.rule.id for r in city.results] == rules_of("city")
    assert {r.status for r in city.results} == {"not_applicable"}
    assert city.notices == (BEFORE_POLICY,)
    assert run.exit_code == 0


def test_the_notice_in_english(tmp_path):
    run = run_reports(tmp_path, [county(year=2019)], lang="en")
    assert run.reports[0].notices == (
        "the year 2019 is before the policy was issued (2021-09-04): no rule applies",
    )


AFTER_PLAN = (
    "统计年度 2026 晚于永政发〔2021〕7号的规划期（目标最晚 2025 年到期）：目标到期后继续有效，仍按原目标判定"
)


def test_a_county_report_after_2025_has_the_notice_and_the_statuses_of_2025(tmp_path):
    """A year before 2021 was told the policy's date; one after the plan period (2021–2025) was told
    nothing, as if its year were a slip. Its targets stay in force (targets.md): the statuses are 2025's."""
    last, later = run_reports(tmp_path, [county(year=2025), county(year=2026)]).reports
    assert later.notices == (AFTER_PLAN,)
    assert last.notices == ()
    assert [(r.rule.id, r.status) for r in later.results] == [(r.rule.id, r.status) for r in last.results]
    assert "pass" in {r.status for r in later.results}


def test_a_city_year_after_2025_has_the_notice(tmp_path):
    run = run_reports(tmp_path, city_year(2026, seats=10000, craftsman=0, enterprises=0))
    [city] = run.city
    assert city.notices == (AFTER_PLAN,)
    assert "not_applicable" not in {r.status for r in city.results if r.rule.id == "c1.public-seats"}


def test_the_after_plan_notice_in_english(tmp_path):
    run = run_reports(tmp_path, [county(year=2027)], lang="en")
    [notice] = run.reports[0].notices
    assert notice == (
        "the year 2027 is after the plan period of 永政发〔2021〕7号 (its last targets were due in 2025):"
        " targets stay in force after their due year and are checked as before"
    )


def test_in_2021_every_year_rules_are_not_applicable_and_due_rules_are_pending(tmp_path):
    run = run_reports(tmp_path, city_year(2021, seats=10000, craftsman=0, enterprises=0))
    results = {r.rule.id: r for r in run.city[0].results}
    assert results["c10.craftsman-students"].status == "not_applicable"
    assert results["c1.public-seats"].status == "pending"
    # linear: expected(2021) = 30 × 1 / 5 = 6
    assert results["c8.demonstration-enterprises"].status == "behind"
    assert results["c8.demonstration-enterprises"].expected == pytest.approx(6)


# ------------------------------------------------------------------------------------ which rules, in which
# order


def test_a_county_report_has_its_unit_and_school_rules_in_catalogue_order(tmp_path):
    run = run_reports(tmp_path, [county(year=2023)])
    expected = [
        r.id
        for r in builtin_packs()[0].rules
        if r.scope == "school" or (r.scope == "unit" and "county" in r.units)
    ]
    assert [r.rule.id for r in run.reports[0].results] == expected


def test_a_management_area_report_has_only_the_school_rules(tmp_path):
    run = run_reports(tmp_path, [plain_unit("金洞管理区", 2023)])
    assert [r.rule.id for r in run.reports[0].results] == rules_of("school")


def test_the_city_report_has_the_city_tier_unit_rules_and_the_school_rules(tmp_path):
    run = run_reports(tmp_path, [city_report(2023)])
    ids = [r.rule.id for r in run.reports[0].results]
    assert "c5.unit-quality-committee" in ids and "c16.new-funding-tilt" in ids
    assert "c1.vocational-share" not in ids


def test_city_rules_are_never_in_a_reports_own_results(tmp_path):
    run = run_reports(tmp_path, city_year(2025))
    for evaluation in run.reports:
        assert not {r.rule.id for r in evaluation.results} & set(rules_of("city"))


# ------------------------------------------------------------------------------------ city-wide evaluation


def test_without_the_city_report_city_rules_are_not_evaluated(tmp_path):
    run = run_reports(tmp_path, without(city_year(2023), CITY))
    assert run.city == ()
    assert run.notices == ("2023 年全市性指标未评估：输入中没有有效的永州市本级报表",)


def test_a_county_checked_alone_is_not_judged_on_city_wide_sums(tmp_path):
    run = run_reports(tmp_path, [county(year=2023, craftsman_students=1)])
    assert run.city == ()
    assert run.exit_code == 0


def test_with_every_unit_the_city_evaluation_names_all_15_present(tmp_path):
    [city] = run_reports(tmp_path, city_year(2025)).city
    assert city.units_present == UNIT_NAMES
    assert city.units_missing == ()
    assert {r.status for r in city.results} == {"pass"}


# With 零陵区 and 金洞管理区 absent from the 2025 defaults (each target just met by 15 units).
SETTLED_BY_THE_CITY_BLOCK = (
    "c8.demonstration-parks",
    "c8.demonstration-enterprises",
    "c8.park-funding",
    "c9.vocational-groups",
    "c12.directed-teacher-training",
    "c13.talent-allowance",
    "c13.provincial-teams",
    "c13.talent-selection",
    "c13.talent-assessment",
    "c15.joint-meeting",
    "c15.county-evaluation",
    "c17.activity-week",
    "c17.incubation-center",
    "c17.discrimination-review",
)
SETTLED_BY_WHAT_IS_THERE = (
    "c2.school-projects",
    "c3.new-higher-colleges",
    "c3.undergraduate-upgrade",
    "c4.high-level-majors",
    "c5.ideological-courses",
    "c6.worker-training-bases",
    "c7.cluster-coverage",
    "c7.base-cluster-coverage",
)


def test_with_units_absent_a_city_rule_is_judged_only_where_they_cannot_change_it(tmp_path):
    run = run_reports(tmp_path, without(city_year(2025), "零陵区", "金洞管理区"))
    [city] = run.city
    assert city.units_missing == ("零陵区", "金洞管理区")  # the year is shown as incomplete
    assert len(city.units_present) == 13
    for result in city.results:
        rule = result.rule.id
        if rule in SETTLED_BY_THE_CITY_BLOCK:
            assert result.status == "pass", rule
            assert (
                result.notes[-1]
                == "缺少单位：零陵区、金洞管理区（不影响结果：本规则只读市本级报表的 city: 项目）"
            )
        elif rule in SETTLED_BY_WHAT_IS_THERE:
            assert result.status == "pass", rule
            assert (
                result.notes[-1]
                == "缺少单位：零陵区、金洞管理区（不影响结果：已达标，缺少的单位只会增加合计或计数）"
            )
        else:  # sums still short of the target, shares: the missing units could change them
            assert result.status == "missing", rule
            assert result.notes[-1] == "缺少单位：零陵区、金洞管理区"
    assert run.exit_code == 1


def test_with_units_absent_a_city_block_rule_that_fails_fails(tmp_path):
    reports = replace_unit(without(city_year(2025), "零陵区"), CITY, {"city.joint_meeting": False})
    results = {r.rule.id: r for r in run_reports(tmp_path, reports).city[0].results}
    assert results["c15.joint-meeting"].status == "fail"


def test_with_units_absent_a_rule_not_yet_due_is_pending_not_missing(tmp_path):
    # targets.md: "A pending rule with missing data stays pending (no failure for data not yet due)."
    run = run_reports(tmp_path, without(city_year(2023, teams=12), "零陵区"))
    results = {r.rule.id: r for r in run.city[0].results}
    assert results["c1.quality-schools"].status == "pending"
    assert "缺少单位：零陵区" in results["c1.quality-schools"].notes
    assert results["c13.provincial-teams"].status == "behind"  # the city block alone: judged on it
    assert results["c10.craftsman-students"].status == "missing"


def test_with_only_the_city_report_the_14_other_units_are_named(tmp_path):
    [city] = run_reports(tmp_path, [city_report(2025)]).city
    assert city.units_present == (CITY,)
    assert city.units_missing == tuple(n for n in UNIT_NAMES if n != CITY)


def test_city_rules_run_only_for_the_year_of_the_city_report(tmp_path):
    reports = [*city_year(2023), *without(city_year(2022), CITY)]
    run = run_reports(tmp_path, reports)
    assert [c.year for c in run.city] == [2023]
    assert run.city[0].units_missing == ()
    assert run.notices == ("2022 年全市性指标未评估：输入中没有有效的永州市本级报表",)


# ------------------------------------------------------------------------------------ score


def test_score_counts_a_warn_as_half(tmp_path):
    [city] = run_reports(tmp_path, city_year(2025, demonstration_majors=19)).city
    assert city.summary["warn"] == 1
    due = sum(r.status in ("pass", "warn", "fail", "missing") for r in city.results)
    assert due == len(city.results) == 34  # every city rule is due in 2025
    assert city.score == pytest.approx(round(100 * (due - 0.5) / due, 1))


def test_score_leaves_out_pending_behind_and_not_applicable_rules(tmp_path):
    [city] = run_reports(tmp_path, city_year(2023, craftsman=499, enterprises=0, allowances=[])).city
    due = [r for r in city.results if r.status in ("pass", "warn", "fail", "missing")]
    assert city.summary["fail"] == 1
    assert city.score == pytest.approx(round(100 * (len(due) - 1) / len(due), 1))


def test_counties_are_ordered_as_in_the_unit_list(tmp_path):
    run = run_reports(tmp_path, [county(name, 2023) for name in reversed(COUNTIES)])
    assert [e.unit for e in run.reports] == list(COUNTIES)
