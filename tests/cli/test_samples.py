"""The bundled samples end to end: the figures written in samples/README.md."""

from __future__ import annotations

from pathlib import Path

import pytest
from factory import EXAMPLES, SAMPLES, builtin_packs, by_rule, rendered

from zhijiao_check.engine.evaluate import evaluate
from zhijiao_check.engine.results import Run
from zhijiao_check.report import ReportFile, load_report


def check(*paths: Path, lang: str = "zh") -> Run:
    packs = builtin_packs()
    files = sorted(p for path in paths for p in ([path] if path.is_file() else path.glob("*.yaml")))
    loaded = [load_report(p, packs[0].units, display=str(p.relative_to(SAMPLES.parent))) for p in files]
    assert all(isinstance(r, ReportFile) for r in loaded), [
        r for r in loaded if not isinstance(r, ReportFile)
    ]
    return rendered(evaluate(loaded, [], packs), lang)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def run_2023() -> Run:
    return check(SAMPLES / "2023")


@pytest.fixture(scope="module")
def run_2022() -> Run:
    return check(SAMPLES / "2022")


def city(run: Run) -> dict:
    [evaluation] = run.city
    assert evaluation.units_missing == ()
    return by_rule(evaluation)


def unit(run: Run, name: str) -> dict:
    return by_rule(next(e for e in run.reports if e.unit == name))


def failing_items(result) -> list[tuple[str | None, str]]:
    return [(item.school, item.name) for item in result.items if item.status == "fail"]


# ------------------------------------------------------------------------------------ city-wide figures

CITY_2023 = [
    ("c1.public-seats", "pass", 25300, None),
    ("c1.quality-schools", "pending", 4, 3.6),
    ("c1.chuyi-schools", "pass", 2, None),
    ("c1.quality-majors", "pending", 7, 6),
    ("c4.demonstration-majors", "pending", 13, 12),
    ("c4.chuyi-majors", "pending", 4, 3),
    ("c4.high-level-majors", "pass", 3, None),
    ("c10.pilot-majors", "pending", 13, 12),  # 22 entries, 13 different majors
    ("c7.cluster-coverage", "pass", 6, None),
    ("c3.new-higher-colleges", "pending", 0, None),
    ("c3.undergraduate-upgrade", "pending", 0, None),
    ("c3.pathway-growth", "pass", 2300, None),
    ("c10.craftsman-students", "pass", 560, None),
    ("c11.dual-qualified-share", "pass", 2159 / 3723, None),  # 专业课教师 where given (public schools)
    ("c12.teacher-rotation", "pending", 2696 / 4217, 0.6),
    ("c12.enterprise-practice", "pass", 40, None),
    ("c8.demonstration-parks", "pending", 5, 4.2),
    ("c8.demonstration-enterprises", "behind", 12, 18),
    ("c9.vocational-groups", "pass", 3, None),
    ("c13.provincial-teams", "pending", 19, 18),
    ("c13.talent-allowance", "pass", 1.0, None),
    ("c15.joint-meeting", "pass", True, None),
    ("c15.county-evaluation", "pass", True, None),
    ("c17.activity-week", "pass", True, None),
    ("c17.incubation-center", "pass", True, None),
    ("c2.school-projects", "pending", 7, None),
    ("c5.ideological-courses", "pass", 5, None),
    ("c6.worker-training-bases", "pass", 2, None),
    ("c7.base-cluster-coverage", "pending", 5, None),
    ("c8.park-funding", "fail", 0.8, None),
    ("c12.directed-teacher-training", "pass", 45, None),
    ("c13.talent-selection", "pass", 2022, None),
    ("c13.talent-assessment", "pass", True, None),
    ("c17.discrimination-review", "pending", False, None),
]

CITY_2022 = [
    ("c1.public-seats", "pending", 22300, None),
    ("c1.quality-schools", "pending", 3, 2.4),
    ("c1.chuyi-schools", "pending", 1, 0.8),
    ("c1.quality-majors", "pending", 5, 4),
    ("c4.demonstration-majors", "pending", 9, 8),
    ("c4.chuyi-majors", "pending", 3, 2),
    ("c4.high-level-majors", "pending", 2, 1.2),
    ("c10.pilot-majors", "pending", 11, 8),  # 16 entries, 11 different majors
    ("c7.cluster-coverage", "pending", 5, None),
    ("c3.new-higher-colleges", "pending", 0, None),
    ("c3.undergraduate-upgrade", "pending", 0, None),
    ("c3.pathway-growth", "pass", 2045, None),
    ("c10.craftsman-students", "fail", 470, None),
    ("c11.dual-qualified-share", "pending", 1835 / 3981, None),
    ("c12.teacher-rotation", "pending", 1674 / 3981, 0.4),
    ("c12.enterprise-practice", "pass", 34, None),
    ("c8.demonstration-parks", "pending", 3, 2.8),
    ("c8.demonstration-enterprises", "behind", 8, 12),
    ("c9.vocational-groups", "pending", 2, 1.2),
    ("c13.provincial-teams", "pending", 13, 12),
    ("c13.talent-allowance", "pass", 1.0, None),
    ("c15.joint-meeting", "pass", True, None),
    ("c15.county-evaluation", "pass", True, None),
    ("c17.activity-week", "pass", True, None),
    ("c17.incubation-center", "pending", False, None),
    ("c2.school-projects", "pending", 3, None),
    ("c5.ideological-courses", "pass", 1, None),
    ("c6.worker-training-bases", "pending", 0, None),
    ("c7.base-cluster-coverage", "pending", 5, None),
    ("c8.park-funding", "pass", 1.0, None),
    ("c12.directed-teacher-training", "pass", 38, None),
    ("c13.talent-selection", "pass", 2022, None),
    ("c13.talent-assessment", "pass", True, None),
    ("c17.discrimination-review", "pending", False, None),
]


@pytest.mark.parametrize(("rule", "status", "observed", "expected"), CITY_2023, ids=[r[0] for r in CITY_2023])
def test_city_wide_figures_of_2023(run_2023, rule, status, observed, expected):
    result = city(run_2023)[rule]
    assert result.status == status
    assert result.observed == pytest.approx(observed)
    if expected is not None and status in ("pending", "behind"):
        assert result.expected == pytest.approx(expected)


@pytest.mark.parametrize(("rule", "status", "observed", "expected"), CITY_2022, ids=[r[0] for r in CITY_2022])
def test_city_wide_figures_of_2022(run_2022, rule, status, observed, expected):
    result = city(run_2022)[rule]
    assert result.status == status
    assert result.observed == pytest.approx(observed)
    if expected is not None:
        assert result.expected == pytest.approx(expected)


def test_2023_dual_qualified_share_arithmetic(run_2023):
    result = city(run_2023)["c11.dual-qualified-share"]
    assert result.explanation == "Σ2159 / Σ3723 = 58.0% ≥ 50.0%"
    # the private ones give only their teachers
    assert result.notes == ("13 所学校未填专业课教师，以专任教师计",)


def test_2022_dual_qualified_share_counts_every_full_time_teacher(run_2022):
    result = city(run_2022)["c11.dual-qualified-share"]
    assert result.explanation == "Σ1835 / Σ3981 = 46.1% < 50.0%"
    assert result.notes == ("31 所学校未填专业课教师，以专任教师计",)


def test_2023_park_given_nothing_fails(run_2023):
    result = city(run_2023)["c8.park-funding"]
    assert [(i.name, i.explanation) for i in result.items if i.status == "fail"] == [
        ("祁阳高新区数控技术产教融合示范园", "资金支持（万元） 0 ≤ 0")
    ]


def test_2023_projects_of_clause_2_in_progress(run_2023):
    result = city(run_2023)["c2.school-projects"]
    # the five still building said together, the reason once
    assert result.explanation == (
        "已覆盖 7 / 12 < 12；未覆盖：永州师范高等专科学校、永州市工商职业中等专业学校、双牌县职业技术学校、"
        "江华瑶族自治县职业中等专业学校、宁远县职业中等专业学校"
        "（均：建设项目进展 building（在建） ≠ completed（已完工并投入使用））"
    )


def test_2023_projects_in_progress_in_english_say_what_each_code_means():
    """As the Chinese says ``building（在建）``: the code a report writes, and its meaning in English."""
    result = city(check(SAMPLES / "2023", lang="en"))["c2.school-projects"]
    assert result.explanation.endswith(
        "(each: construction progress building (under construction) ≠ completed (completed and in use))"
    ), result.explanation


def test_2022_cluster_coverage_lacks_new_materials(run_2022):
    assert city(run_2022)["c7.cluster-coverage"].explanation == "已覆盖 5 / 6 < 6；未覆盖：新材料"


def test_2022_teacher_rotation_arithmetic(run_2022):
    # samples/README.md writes 42.1%; 1674 / 3981 = 0.42050 is 42.0% to one decimal
    assert city(run_2022)["c12.teacher-rotation"].explanation == "Σ1674 / Σ3981 = 42.0% < 100.0%"


def test_2022_craftsman_students_fail(run_2022):
    assert (
        city(run_2022)["c10.craftsman-students"].explanation
        == "15 个单位湖湘工匠班培育学生合计 470 人 < 500 人"
    )


# ------------------------------------------------------------------------------------ per-county shares

SHARES = {
    "零陵区": (48.0, 49.0),
    "冷水滩区": (47.0, 47.1),
    "祁阳市": (45.9, 46.0),
    "东安县": (47.0, 48.0),
    "双牌县": (50.0, 51.0),
    "道县": (48.0, 49.1),
    "江永县": (46.1, 41.0),
    "宁远县": (47.0, 47.0),
    "蓝山县": (46.0, 42.9),
    "新田县": (49.0, 50.0),
    "江华瑶族自治县": (50.1, 51.1),
}


@pytest.mark.parametrize("county", SHARES)
def test_vocational_share_of_each_county(run_2022, run_2023, county):
    for run, share in zip((run_2022, run_2023), SHARES[county], strict=True):
        result = unit(run, county)["c1.vocational-share"]
        assert f"{result.observed * 100:.1f}" == f"{share:.1f}"
        assert result.status == ("pass" if share >= 45 else "fail")


# ------------------------------------------------------------------------------------ designed failures


def test_2023_plan_freeze_fails_for_lanshan_and_passes_for_jiangyong(run_2023):
    lanshan = unit(run_2023, "蓝山县")["c1.general-plan-freeze"]
    assert (lanshan.status, lanshan.observed) == ("fail", 1320)
    assert lanshan.target == {"op": "<=", "value": 1200}
    assert unit(run_2023, "江永县")["c1.general-plan-freeze"].status == "pass"


def test_2022_plan_freeze_applies_nowhere(run_2022):
    for evaluation in run_2022.reports:
        if evaluation.kind == "county":
            assert by_rule(evaluation)["c1.general-plan-freeze"].status == "not_applicable"


@pytest.mark.parametrize("run_name", ["run_2022", "run_2023"])
def test_ningyuan_school_below_standards_in_both_years(request, run_name):
    result = unit(request.getfixturevalue(run_name), "宁远县")["c2.school-standards"]
    assert result.status == "fail"
    assert failing_items(result) == [("宁远县职业中等专业学校", "宁远县职业中等专业学校")]


def test_2023_qiyang_has_three_leading_industries(run_2023):
    result = unit(run_2023, "祁阳市")["c4.leading-industries"]
    assert (result.status, result.observed) == ("fail", 3)
    assert result.explanation == "3 ∉ 1–2：先进装备制造、轻纺箱包制鞋、新材料"


def test_2023_dongan_yellow_major_grows(run_2023):
    result = unit(run_2023, "东安县")["c4.yellow-majors-shrink"]
    assert result.status == "fail"
    assert failing_items(result) == [("东安县舜德职业学校", "汽车运用与维修")]


def test_2023_ningyuan_practice_of_three_months(run_2023):
    result = unit(run_2023, "宁远县")["c12.practice-duration"]
    assert result.status == "fail"
    [item] = [i for i in result.items if i.status == "fail"]
    assert item.school == "宁远县职业中等专业学校" and item.observed == 3


def test_dongan_secondary_funding_passes_in_2022_and_fails_in_2023(run_2022, run_2023):
    assert unit(run_2022, "东安县")["c16.secondary-funding"].status == "pass"
    result = unit(run_2023, "东安县")["c16.secondary-funding"]
    assert result.status == "fail"
    [item] = [i for i in result.items if i.status == "fail"]
    assert (item.name, item.observed) == ("东安县职业中等专业学校", 9200)


def test_2023_dongan_new_funding_not_tilted(run_2023):
    result = unit(run_2023, "东安县")["c16.new-funding-tilt"]
    assert result.status == "fail"
    assert result.explanation == "210 / 3000 = 7.0% < 6900 / 70500 = 9.8%"


def test_pilot_schools_are_pending_with_four_then_one_school_outside(run_2022, run_2023):
    outside_2022 = [
        name
        for e in run_2022.reports
        for r in e.results
        if r.rule.id == "c10.pilot-schools"
        for name in [i.name for i in r.items if i.status == "fail"]
    ]
    assert len(outside_2022) == 4
    result = unit(run_2023, "蓝山县")["c10.pilot-schools"]
    assert result.status == "pending"
    assert failing_items(result) == [("蓝山县技工学校", "蓝山县技工学校")]


def test_the_only_failures_are_the_designed_ones(run_2022, run_2023):
    def failures(run: Run) -> set[tuple[str, str]]:
        found = {
            (e.unit, r.rule.id)
            for e in run.reports
            for r in e.results
            if r.status in ("fail", "missing", "warn")
        }
        return found | {
            ("全市", r.rule.id)
            for e in run.city
            for r in e.results
            if r.status in ("fail", "missing", "warn")
        }

    assert failures(run_2022) == {("宁远县", "c2.school-standards"), ("全市", "c10.craftsman-students")}
    assert failures(run_2023) == {
        ("江永县", "c1.vocational-share"),
        ("蓝山县", "c1.vocational-share"),
        ("蓝山县", "c1.general-plan-freeze"),
        ("宁远县", "c2.school-standards"),
        ("祁阳市", "c4.leading-industries"),
        ("东安县", "c4.yellow-majors-shrink"),
        ("宁远县", "c12.practice-duration"),
        ("东安县", "c16.secondary-funding"),
        ("东安县", "c16.new-funding-tilt"),
        ("宁远县", "c11.part-time-teacher-rules"),
        ("全市", "c8.park-funding"),
    }


def test_daoxian_red_major_is_phased_out(run_2022, run_2023):
    for run, enrollment in ((run_2022, 45), (run_2023, 0)):
        result = unit(run, "道县")["c4.red-majors-phase-out"]
        assert result.status == "pass"
        assert [(i.name, i.observed) for i in result.items] == [("会计事务", enrollment)]


# ------------------------------------------------------------------------------------ failing/


def failing_sample(name: str) -> dict:
    run = check(EXAMPLES / "failing" / name)
    assert run.city == ()
    assert run.notices == ("2023 年全市性指标未评估：输入中没有有效的永州市本级报表",)
    [evaluation] = run.reports
    return by_rule(evaluation)


def test_failing_jiangyong_share():
    results = failing_sample("jiangyong-2023-share.yaml")
    assert results["c1.vocational-share"].explanation == "870 / (870 + 1420) = 38.0% < 45.0%"
    assert (
        results["c1.general-plan-freeze"].explanation
        == "下一年度普高招生计划 1650 人 > 当年普高招生计划 1450 人"
    )
    assert results["c4.leading-industries"].status == "fail"
    assert results["c5.unit-quality-committee"].status == "fail"
    assert failing_items(results["c5.school-quality-committee"]) == [
        ("江永县职业中等专业学校", "江永县职业中等专业学校")
    ]


def test_failing_xintian_funding():
    results = failing_sample("xintian-2023-funding.yaml")
    assert failing_items(results["c16.secondary-funding"]) == [
        ("新田县职业中等专业学校", "新田县职业中等专业学校")
    ]
    assert results["c16.new-funding-tilt"].explanation == "60 / 2100 = 2.9% < 5100 / 48800 = 10.5%"
    assert failing_items(results["c2.school-standards"]) == [
        ("新田县职业中等专业学校", "新田县职业中等专业学校")
    ]
    assert results["c7.training-base"].status == "pending"


def test_failing_daoxian_majors():
    results = failing_sample("daoxian-2023-majors.yaml")
    assert failing_items(results["c4.yellow-majors-shrink"]) == [("道县职业技术学校", "服装设计与工艺")]
    assert failing_items(results["c4.red-majors-phase-out"]) == [("道县职业技术学校", "会计事务")]
    assert failing_items(results["c4.major-evaluation-cycle"]) == [
        ("道县职业技术学校", "电子电器应用与维修"),
        ("道县职业技术学校", "护理"),
        ("道县濂溪职业学校", "电子商务"),
    ]
    result = results["c12.practice-duration"]
    assert result.status == "fail" and [i.observed for i in result.items if i.status == "fail"] == [2]
