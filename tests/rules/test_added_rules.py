"""The rules a second reading of the text added (docs/added-rules.md), each at its boundaries, and the two
readings that changed with them (c7 bases, c11's denominator)."""

from __future__ import annotations

import pytest
from factory import (
    CITY,
    DROP,
    PARKS,
    PROJECT_SCHOOLS,
    city_report,
    city_year,
    county,
    edit,
    replace_unit,
    school,
    without,
)


def city_with(year: int = 2025, **changes: object) -> list[dict]:
    """The city year with fields of the 市本级 report changed (``city.talent_assessment``)."""
    return replace_unit(city_year(year), CITY, dict(changes))


# ------------------------------------------------------------------------------------ c1.unified-enrollment


@pytest.mark.parametrize(("flag", "status"), [(True, "pass"), (False, "fail"), (DROP, "missing")])
def test_unified_enrollment_per_county(unit_results, flag, status):
    result = unit_results(county(year=2022, unified_enrollment=flag))["c1.unified-enrollment"]
    assert result.status == status


def test_unified_enrollment_is_not_judged_in_2021(unit_results):
    assert (
        unit_results(county(year=2021, unified_enrollment=False))["c1.unified-enrollment"].status
        == "not_applicable"
    )


def test_unified_enrollment_is_not_asked_of_the_city(unit_results):
    assert "c1.unified-enrollment" not in unit_results(city_report(2023))


# ------------------------------------------------------------------------------------ c2.school-projects

PROJECTS = "c2.school-projects"


def test_all_twelve_projects_completed_pass(city_results):
    result = city_results(city_year(2025, projects=12))[PROJECTS]
    assert result.status == "pass"
    assert result.explanation == "已覆盖 12 / 12 ≥ 12"


def test_an_unfinished_project_in_2025_fails_naming_the_school_and_its_state(city_results):
    result = city_results(city_year(2025, projects=11))[PROJECTS]
    assert result.status == "fail"
    assert result.explanation == (
        "已覆盖 11 / 12 < 12；未覆盖：祁阳市职业中等专业学校"
        "（建设项目进展 building（在建） ≠ completed（已完工并投入使用））"
    )


def test_unfinished_projects_before_2025_are_pending(city_results):
    assert city_results(city_year(2024, projects=4))[PROJECTS].status == "pending"


def test_all_projects_completed_early_pass(city_results):
    assert city_results(city_year(2023, projects=12))[PROJECTS].status == "pass"


def test_a_named_school_in_no_report_is_named_as_such(city_results):
    reports = replace_unit(city_year(2025), "宁远县", {"schools[0].name": "宁远县职业技术学校"})
    result = city_results(reports)[PROJECTS]
    assert result.status == "fail"
    assert result.explanation.endswith("未覆盖：宁远县职业中等专业学校（未填报）")


def test_a_project_school_not_giving_its_state_is_named(city_results):
    reports = replace_unit(city_year(2025), "新田县", {"schools[0].construction_project": DROP})
    result = city_results(reports)[PROJECTS]
    assert result.status == "fail"
    assert result.explanation.endswith("未覆盖：新田县职业中等专业学校（未填写建设项目进展）")


def test_the_twelve_project_schools_are_those_the_clause_names():
    from factory import builtin_packs

    rule = next(r for r in builtin_packs()[0].rules if r.id == PROJECTS)
    assert tuple(rule.required) == PROJECT_SCHOOLS
    assert all(name in rule.quote for name in rule.required)


# ------------------------------------------------------------------------------------ c5 and c6: sums ≥ 1 by
# 2025


@pytest.mark.parametrize(
    ("rule", "field"),
    [
        ("c5.ideological-courses", "ideological_courses"),
        ("c6.worker-training-bases", "worker_training_bases"),
    ],
)
def test_one_across_the_city_passes_none_fails_in_2025(city_results, rule, field):
    reports = city_year(2025)
    for report in reports:
        for item in report["schools"]:
            item[field] = 0
    assert city_results(reports)[rule].status == "fail"
    reports[0]["schools"][0][field] = 1
    result = city_results(reports)[rule]
    assert result.status == "pass"
    assert result.observed == 1


@pytest.mark.parametrize(
    ("rule", "zh", "en"),
    [
        (
            "c5.ideological-courses",
            "19 所学校的思想政治优质课程合计 1 ≥ 1",
            "quality ideological and political courses of 19 schools = 1 ≥ 1",
        ),
        (
            "c6.worker-training-bases",
            "19 所学校的示范性职工培训基地合计 0 < 1",
            "demonstration worker-training bases of 19 schools = 0 < 1",
        ),
    ],
)
def test_the_sum_is_said_over_the_schools_not_as_so_many_courses_or_bases(city_results, rule, zh, en):
    # 19 schools, one of them with a course and none with a base: "19 项…合计 1" read as 19 courses.
    reports = city_year(2025)
    for report in reports:
        for item in report["schools"]:
            item["ideological_courses"] = item["worker_training_bases"] = 0
    reports[0]["schools"][0]["ideological_courses"] = 1
    assert city_results(reports)[rule].explanation == zh
    assert city_results(reports, lang="en")[rule].explanation == en


@pytest.mark.parametrize("rule", ["c5.ideological-courses", "c6.worker-training-bases"])
def test_none_yet_before_2025_is_pending(city_results, rule):
    reports = city_year(2023)
    for report in reports:
        for item in report["schools"]:
            item.pop("ideological_courses", None)
            item["worker_training_bases"] = 0
            item["ideological_courses"] = 0
    assert city_results(reports)[rule].status == "pending"


def test_a_course_already_built_passes_though_schools_do_not_say(city_results):
    reports = city_year(2025)
    for report in reports:
        for item in report["schools"]:
            item.pop("ideological_courses", None)
    reports[0]["schools"][0]["ideological_courses"] = 2
    result = city_results(reports)["c5.ideological-courses"]
    assert result.status == "pass"
    assert result.notes and result.notes[0].startswith("未填写：")


# ------------------------------------------------------------------------------------ c7: bases and
# management

BASES = "c7.base-cluster-coverage"


def test_bases_covering_the_six_clusters_pass(city_results):
    result = city_results(city_year(2025))[BASES]
    assert result.status == "pass"
    assert result.explanation == "已覆盖 6 / 6 ≥ 6"


def test_bases_lacking_a_cluster_in_2025_fail_naming_it(city_results):
    reports = city_year(2025)
    for report in reports:
        for base in report.get("training_bases", []):
            if base["industry"] == "新材料":
                base["industry"] = "先进装备制造"
    result = city_results(reports)[BASES]
    assert result.status == "fail"
    assert result.explanation == "已覆盖 5 / 6 < 6；未覆盖：新材料"


def test_the_cluster_of_majors_and_of_bases_are_two_rules(city_results):
    reports = city_year(2025, clusters=("生物医药",))
    results = city_results(reports)
    assert results["c7.cluster-coverage"].status == "fail"
    assert results[BASES].status == "pass"


@pytest.mark.parametrize(("flag", "status"), [(True, "pass"), (False, "fail"), (DROP, "missing")])
def test_internship_management_of_a_county(unit_results, flag, status):
    assert (
        unit_results(county(year=2023, internship_management=flag))["c7.unit-internship-management"].status
        == status
    )


def test_internship_management_of_the_city(unit_results):
    result = unit_results(city_report(2023, internship_management=False))["c7.unit-internship-management"]
    assert result.status == "fail"


def test_a_school_without_internship_management_fails_and_is_named(unit_results):
    report = county(year=2022)
    report["schools"].append(school("东安县第二职业中专", year=2022, internship_management=False))
    result = unit_results(report)["c7.school-internship-management"]
    assert result.status == "fail"
    assert [i.name for i in result.items if i.status == "fail"] == ["东安县第二职业中专"]


def test_internship_management_is_not_judged_in_2021(unit_results):
    result = unit_results(county(year=2021, internship_management=False))["c7.unit-internship-management"]
    assert result.status == "not_applicable"


# ------------------------------------------------------------------------------------ c8.park-funding

FUNDING = "c8.park-funding"


def test_every_park_funded_passes(city_results):
    result = city_results(city_year(2023, parks=5))[FUNDING]
    assert result.status == "pass"
    assert result.explanation == "5 / 5 项达标 = 100.0% ≥ 100.0%"


def test_a_park_given_nothing_fails_and_is_named(city_results):
    reports = city_with(2023, **{"city.park_funding[2].amount": 0})
    result = city_results(reports)[FUNDING]
    assert result.status == "fail"
    [failing] = [i for i in result.items if i.status == "fail"]
    assert failing.name == PARKS[2]
    assert failing.explanation == "资金支持（万元） 0 ≤ 0"


def test_park_funding_not_given_is_missing(city_results):
    result = city_results(city_with(2023, **{"city.park_funding": DROP}))[FUNDING]
    assert result.status == "missing"


def test_no_park_yet_is_not_applicable(city_results):
    result = city_results(city_year(2023, parks=0))[FUNDING]
    assert result.status == "not_applicable"


def test_park_funding_is_not_judged_in_2021(city_results):
    assert (
        city_results(city_with(2021, **{"city.park_funding[0].amount": 0}))[FUNDING].status
        == "not_applicable"
    )


# ------------------------------------------------------------------------------------ c11: the denominator

SHARE = "c11.dual-qualified-share"


def test_the_share_is_of_specialised_course_teachers_where_given(city_results):
    # 1000 dual-qualified of 2000 teachers is 50%; of 1900 specialised-course teachers it is 52.6%.
    reports = city_year(2025, teachers=2000, dual=1000)
    for report in reports:
        for item in report["schools"]:
            item["professional_teachers"] = item["teachers"]
    fewer = 100  # taken where a school has more teachers than dual-qualified ones (those are specialised)
    for item in (item for report in reports for item in report["schools"]):
        taken = min(fewer, item["teachers"] - item["dual_qualified_teachers"])
        item["professional_teachers"] -= taken
        fewer -= taken
    assert fewer == 0
    result = city_results(reports)[SHARE]
    assert result.status == "pass"
    assert result.explanation == "Σ1000 / Σ1900 = 52.6% ≥ 50.0%"
    assert not any("未填专业课教师" in note for note in result.notes)


def test_schools_without_specialised_course_teachers_count_all_their_teachers(city_results):
    reports = city_year(2025, teachers=2000, dual=990)
    result = city_results(reports)[SHARE]
    assert result.status == "fail"
    assert result.explanation == "Σ990 / Σ2000 = 49.5% < 50.0%"
    assert "19 所学校未填专业课教师，以专任教师计" in result.notes


def test_specialised_course_teachers_above_the_full_time_teachers_are_an_error(tmp_path):
    from factory import write_report

    from zhijiao_check.report import InvalidReport, load_report

    report = county(year=2025)
    report["schools"][0]["professional_teachers"] = report["schools"][0]["teachers"] + 1
    from factory import builtin_packs

    loaded = load_report(write_report(tmp_path, report), builtin_packs()[0].units)
    assert isinstance(loaded, InvalidReport)
    assert [p.code for p in loaded.problems if p.severity == "error"] == ["exceeds-teachers"]


# ------------------------------------------------------------------------------------
# c11.part-time-teacher-rules


def test_a_school_without_part_time_hiring_rules_fails(unit_results):
    report = edit(county(year=2022), {"schools[0].part_time_teacher_rules": False})
    assert unit_results(report)["c11.part-time-teacher-rules"].status == "fail"


def test_a_school_not_saying_about_part_time_hiring_rules_is_missing(unit_results):
    report = edit(county(year=2022), {"schools[0].part_time_teacher_rules": DROP})
    assert unit_results(report)["c11.part-time-teacher-rules"].status == "missing"


# ------------------------------------------------------------------------------------
# c12.directed-teacher-training


@pytest.mark.parametrize(("persons", "status"), [(1, "pass"), (0, "fail"), (DROP, "missing")])
def test_directed_teacher_training_every_year(city_results, persons, status):
    result = city_results(city_with(2022, **{"city.directed_teacher_training": persons}))
    assert result["c12.directed-teacher-training"].status == status


# ------------------------------------------------------------------------------------ c13: selection and
# assessment

SELECTION = "c13.talent-selection"


@pytest.mark.parametrize(("selected", "status"), [(2023, "pass"), (2022, "pass"), (2021, "fail")])
def test_a_selection_at_most_two_years_apart(city_results, selected, status):
    result = city_results(city_with(2023, **{"city.talent_selected_in": selected}))[SELECTION]
    assert result.status == status
    assert result.target == {"op": ">=", "value": 2022}


def test_a_selection_two_years_back_explains_the_arithmetic(city_results):
    result = city_results(city_with(2023, **{"city.talent_selected_in": 2021}))[SELECTION]
    assert result.explanation == "人才最近遴选年份 2021 < 2023-1 = 2022"


def test_no_selection_year_is_missing(city_results):
    assert city_results(city_with(2023, **{"city.talent_selected_in": DROP}))[SELECTION].status == "missing"


@pytest.mark.parametrize(("flag", "status"), [(True, "pass"), (False, "fail")])
def test_a_yearly_assessment(city_results, flag, status):
    result = city_results(city_with(2022, **{"city.talent_assessment": flag}))["c13.talent-assessment"]
    assert result.status == status


# ------------------------------------------------------------------------------------
# c14.principal-responsibility

PRINCIPAL = "c14.principal-responsibility"


def test_a_public_school_without_the_system_fails(unit_results):
    report = edit(county(year=2022), {"schools[0].principal_responsibility": False})
    assert unit_results(report)[PRINCIPAL].status == "fail"


def test_a_private_school_is_not_judged(unit_results):
    report = county(year=2022)
    report["schools"].append(
        school("东安县舜德职业学校", ownership="private", year=2022, principal_responsibility=False)
    )
    result = unit_results(report)[PRINCIPAL]
    assert result.status == "pass"
    assert [i.name for i in result.items] == ["东安县职业中等专业学校"]


# ------------------------------------------------------------------------------------
# c17.discrimination-review

REVIEW = "c17.discrimination-review"


@pytest.mark.parametrize(
    ("year", "flag", "status"),
    [
        (2023, True, "pass"),
        (2023, False, "pending"),
        (2025, False, "fail"),
        (2025, True, "pass"),
    ],
)
def test_discrimination_review_due_2025(city_results, year, flag, status):
    assert city_results(city_with(year, **{"city.discrimination_review": flag}))[REVIEW].status == status


# ------------------------------------------------------------------------------------ new rules with units
# missing


def test_city_block_rules_are_judged_with_units_missing(city_results):
    reports = without(city_with(2023, **{"city.talent_assessment": False}), "零陵区")
    results = city_results(reports)
    assert results["c13.talent-assessment"].status == "fail"
    assert results["c13.talent-selection"].status == "pass"


# ------------------------------------------------------------------------------------ park_funding against
# the parks


def problems_of(tmp_path, report: dict) -> list[tuple[str, str]]:
    from factory import builtin_packs, write_report

    from zhijiao_check.report import InvalidReport, load_report

    loaded = load_report(write_report(tmp_path, report), builtin_packs()[0].units)
    assert isinstance(loaded, InvalidReport)
    return [(p.code, p.path) for p in loaded.problems if p.severity == "error"]


def test_a_park_left_out_of_park_funding_is_an_error(tmp_path):
    report = city_report(2023)
    del report["city"]["park_funding"][3]
    assert problems_of(tmp_path, report) == [("park-without-funding", "city.park_funding")]


def test_funding_of_a_park_not_listed_is_an_error(tmp_path):
    report = city_report(2023)
    report["city"]["park_funding"][0]["name"] = "永州文旅产教融合示范园"
    assert ("unknown-park", "city.park_funding[0].name") in problems_of(tmp_path, report)


def test_a_park_funded_twice_is_an_error(tmp_path):
    report = city_report(2023)
    report["city"]["park_funding"][1]["name"] = report["city"]["park_funding"][0]["name"]
    assert ("duplicate-park", "city.park_funding[1].name") in problems_of(tmp_path, report)


def test_the_error_says_what_to_write(tmp_path):
    from factory import builtin_packs, write_report

    from zhijiao_check.i18n import Translator
    from zhijiao_check.report import load_report

    report = city_report(2023)
    del report["city"]["park_funding"][6]
    loaded = load_report(write_report(tmp_path, report), builtin_packs()[0].units)
    [problem] = [p for p in loaded.problems if p.severity == "error"]
    assert PARKS[6] in problem.message(Translator("zh"))
    assert "amount: 0" in problem.message(Translator("en"))


def test_the_parks_a_message_lists_are_joined_as_each_language_writes_lists(tmp_path):
    from factory import builtin_packs, write_report

    from zhijiao_check.i18n import Translator
    from zhijiao_check.report import InvalidReport, load_report

    report = city_report(2023)
    parks = [entry["name"] for entry in report["city"]["park_funding"]]
    report["city"]["park_funding"] = report["city"]["park_funding"][:1]
    loaded = load_report(write_report(tmp_path, report), builtin_packs()[0].units)
    assert isinstance(loaded, InvalidReport)
    (found,) = [p for p in loaded.problems if p.code == "park-without-funding"]
    assert "、".join(parks[1:]) in found.message(Translator("zh"))
    assert ", ".join(parks[1:]) in found.message(Translator("en"))
