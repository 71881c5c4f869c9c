"""Settings a rule gives that the engine would not honour, and targets never met, are refused when the pack
loads, at the setting, saying what was found and what to write (docs/packs.md): each of these loaded, and
then the rule never applied, ignored the setting, or failed every report. Each is made in a copy of the
built-in pack, as a rule author would edit it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factory import SAMPLES

from .common import at, edited, refused, run

FREEZE_ON_SEATS = "when: {rule: c1.public-seats, status: [pass]}"


def _freeze_after_seats(tmp_path: Path) -> tuple[Path, Path]:
    """The reviewer's edit: c1.general-plan-freeze (each county) applies when c1.public-seats (city-wide)
    passes, and is moved after it so that the condition is an earlier rule."""
    pack, path = edited(
        tmp_path, "clause-01.yaml", "when: {rule: c1.vocational-share, status: [fail]}", FREEZE_ON_SEATS
    )
    text = path.read_text(encoding="utf-8")
    freeze = text.index("  - id: c1.general-plan-freeze")
    seats = text.index("  - id: c1.public-seats")
    after = text.index("  - id: c1.quality-schools")
    path.write_text(text[:freeze] + text[seats:after] + text[freeze:seats] + text[after:], encoding="utf-8")
    return pack, path


def test_a_when_naming_a_city_rule_on_a_county_rule_is_refused_at_the_rule_it_names(tmp_path: Path) -> None:
    """It loaded, and the condition always read not_applicable: the rule never applied, each county's result
    saying ``仅当 c1.public-seats 达标时适用（本次不适用）`` while the city's passed."""
    pack, path = _freeze_after_seats(tmp_path)
    where = at(path, FREEZE_ON_SEATS, "c1.public-seats")
    result = run(SAMPLES / "2023", "--rules", pack, "--format", "json")
    assert result.exit_code == 2
    assert not result.stdout
    assert (
        f"{where}: c1.general-plan-freeze.when.rule: 规则 c1.general-plan-freeze 的 when 引用了 "
        "c1.public-seats，但 c1.public-seats 按全市（当年全部报表）判定，本规则按每个单位的报表判定："
        "when 引用的规则须对同一单位判定"
    ) in result.stderr
    assert "应引用同样按每个单位的报表判定的规则，或删去 when" in result.stderr
    assert (
        f"{where}: c1.general-plan-freeze.when.rule: rule c1.general-plan-freeze has when: c1.public-seats, "
        "but c1.public-seats is judged city-wide (over all of a year's reports) and this rule on each unit's "
        "report"
    ) in refused(pack, "en")


def test_a_when_naming_a_rule_not_checked_on_every_kind_of_unit_says_the_units_to_write(
    tmp_path: Path,
) -> None:
    """c5.unit-quality-committee is checked on county and 市本级 reports, c1.vocational-share on county
    reports only: on 市本级's the condition never had a status."""
    pack, path = edited(
        tmp_path,
        "clause-05.yaml",
        "    units: [county, city]\n",
        "    units: [county, city]\n    when: {rule: c1.vocational-share, status: [pass]}\n",
    )
    where = at(path, "when: {rule: c1.vocational-share", "c1.vocational-share")
    assert (
        f"{where}: c5.unit-quality-committee.when.rule: 规则 c5.unit-quality-committee 的 when 引用了 "
        "c1.vocational-share，但 c1.vocational-share 只检查 units: [county] 的报表，不检查 [city]："
        "在这些报表上条件总读作 not_applicable，本规则从不适用：应写 units: [county]"
    ) in refused(pack)


def test_a_when_between_a_school_and_a_unit_rule_of_the_same_units_loads(tmp_path: Path) -> None:
    """Both are judged on each report, in catalogue order: the condition has its status."""
    pack, _ = edited(
        tmp_path,
        "clause-16.yaml",
        "    scope: unit\n",
        "    scope: unit\n    when: {rule: c16.secondary-funding, status: [pass, fail]}\n",
    )
    result = run(SAMPLES / "2023" / "dongan.yaml", "--rules", pack, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    [report] = json.loads(result.stdout)["reports"]
    tilt = next(r for r in report["results"] if r["rule"] == "c16.new-funding-tilt")
    # the condition had its status (c16.secondary-funding fails for 东安县): the rule was measured
    assert tilt["status"] == "fail"
    assert tilt["explanation"] == "210 / 3000 = 7.0% < 6900 / 70500 = 9.8%"


def test_units_on_a_city_rule_is_refused_at_the_units(tmp_path: Path) -> None:
    """It was ignored: the city-wide sum stayed 25300, 市本级 included."""
    pack, path = edited(
        tmp_path,
        "clause-01.yaml",
        "    of: public_secondary_vocational_seats\n",
        "    units: [county]\n    of: public_secondary_vocational_seats\n",
    )
    where = at(path, "units: [county]", "[county]")
    assert (
        f"{where}: c1.public-seats.units: 规则 c1.public-seats 是全市规则（scope: city），"
        "合计当年全部单位的报表，units 对它不起作用（写了 units: [county]）：应删去 units；"
        "要逐个检查这些单位，写 scope: unit"
    ) in refused(pack)
    assert (
        f"{where}: c1.public-seats.units: rule c1.public-seats is a city rule (scope: city), computed over "
        "every unit's report of the year: units has no effect on it (it gives units: [county]); delete units"
    ) in refused(pack, "en")


def test_by_unit_on_a_unit_rule_is_refused(tmp_path: Path) -> None:
    """A unit's one share is its own: nothing was listed."""
    denominator = "    denominator: [enrollment.secondary_vocational, enrollment.general_high_school]\n"
    pack, path = edited(tmp_path, "clause-01.yaml", denominator, denominator + "    by_unit: true\n")
    assert (
        f"{at(path, 'by_unit: true', 'true')}: c1.vocational-share.by_unit: 规则 c1.vocational-share 写了 "
        "by_unit，它只用于全市规则（在全市的比例下列出各单位自己的比例）；本规则是 scope: unit，"
        "按每个单位的报表判定，只有本单位一个比例：应删去 by_unit"
    ) in refused(pack)


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        # a ratio of a unit's figures: one share for the report, no school judged
        (
            "clause-01.yaml",
            "    scope: unit\n    units: [county]\n    kind: ratio",
            "    scope: school\n    units: [county]\n    kind: ratio",
            (
                "c1.vocational-share.scope: 规则 c1.vocational-share 写了 scope: school，"
                "但 ratio 规则对每个单位的报表只算一个值，不逐一判定学校或专业：应写 scope: unit"
            ),
        ),
        # every over a list of the report that holds no schools
        (
            "clause-07.yaml",
            (
                "    scope: unit\n    units: [county]\n    kind: count\n    of: {over: training_bases}\n"
                '    target: {op: ">=", value: 1}'
            ),
            (
                "    scope: school\n    units: [county]\n    kind: every\n    of: {over: training_bases}\n"
                "    require: [{field: name, present: true}]"
            ),
            (
                "c7.training-base.scope: 规则 c7.training-base 写了 scope: school，"
                "但它逐一判定的是 training_bases 的条目，不是学校或专业：应写 scope: unit"
            ),
        ),
    ],
)
def test_scope_school_on_a_rule_that_judges_no_school_is_refused(
    tmp_path: Path, name: str, old: str, new: str, message: str
) -> None:
    pack, path = edited(tmp_path, name, old, new)
    assert f"{at(path, 'scope: school', 'school')}: {message}" in refused(pack)


def test_a_backwards_range_is_refused_at_the_value(tmp_path: Path) -> None:
    """Every unit failed ``2 ∉ 2–1``."""
    pack, path = edited(tmp_path, "clause-04.yaml", "value: [1, 2]}", "value: [2, 1]}")
    where = at(path, "value: [2, 1]", "[2, 1]")
    result = run(
        SAMPLES / "2023" / "dongan.yaml", "--rules", pack, "--select", "c4.leading-industries", "--no-color"
    )
    assert result.exit_code == 2
    assert "✗" not in result.stdout
    assert (
        f"{where}: rules[0].target.value: between 的 value 写了 [2, 1]，下限大于上限，没有数落在其间"
        "（每份报表都不达标）：应写 [1, 2]"
    ) in result.stderr
    assert "its low end above its high end" in refused(pack, "en")


def test_a_coverage_target_above_the_values_it_lists_is_refused(tmp_path: Path) -> None:
    """Six clusters are never seven covered."""
    pack, path = edited(
        tmp_path, "clause-07.yaml", '    target: {op: ">=", value: 6}', '    target: {op: ">=", value: 7}'
    )
    where = at(path, "value: 7", "7")
    assert (
        f"{where}: c7.cluster-coverage.target.value: 规则 c7.cluster-coverage 的 target 写了 7，但 required "
        "只列了 6 个值，覆盖的个数至多为 6：这个目标永远达不到：应写不大于 6 的数（都须覆盖写 6）"
    ) in refused(pack)
    assert (
        "rule c7.cluster-coverage has a target of 7, but required lists only 6 values, so at most 6 are "
        "covered: the target is never met"
    ) in refused(pack, "en")


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh", "生物医药、电子信息、先进装备制造、农产品精深加工、轻纺箱包制鞋、新材料 中覆盖的个数须 ≥ 4"),
        (
            "en",
            (
                "the number of 生物医药, 电子信息, 先进装备制造, 农产品精深加工, 轻纺箱包制鞋, "
                "新材料 covered is ≥ 4"
            ),
        ),
    ],
)
def test_a_coverage_target_below_the_values_it_lists_is_said_as_a_count(
    tmp_path: Path, lang: str, words: str
) -> None:
    """``都须覆盖（≥ 4）`` was false: 4 of the 6 pass."""
    pack, _ = edited(
        tmp_path, "clause-07.yaml", '    target: {op: ">=", value: 6}', '    target: {op: ">=", value: 4}'
    )
    result = run("explain", "c7.cluster-coverage", "--rules", pack, "--lang", lang)
    assert result.exit_code == 0, result.stderr
    assert words in result.stdout
    assert "都须覆盖" not in result.stdout and "all of" not in result.stdout
    built_in = run("explain", "c7.cluster-coverage", "--lang", lang).stdout
    assert ("都须覆盖（≥ 6）" if lang == "zh" else "covered (≥ 6)") in built_in


@pytest.mark.parametrize(
    ("name", "old", "new", "rule", "why"),
    [
        # a flag: ``应达值 = 是 × (年份 − 2020) / (2025 − 2020)``
        (
            "clause-01.yaml",
            "    time: {from: 2022}",
            "    time: {due: 2025, linear: true}",
            "c1.unified-enrollment",
            "它是 flag 规则，目标是“是”，没有中间的进度",
        ),
        # a range: the schedule was never computed
        (
            "clause-04.yaml",
            "    time: {every_year: 2022}",
            "    time: {due: 2025, linear: true}",
            "c4.leading-industries",
            "目标是区间 [1, 2]，不是一个可分摊的数",
        ),
        # a target computed each year: the schedule spread the record's default 1
        (
            "clause-16.yaml",
            '    target: {op: ">="}\n    time: {every_year: 2022}',
            '    target: {op: ">="}\n    time: {due: 2025, linear: true}',
            "c16.new-funding-tilt",
            "目标由 compare_to 或 year_plus 逐年算出，不是一个可分摊的数",
        ),
    ],
)
def test_linear_without_a_number_to_spread_is_refused_at_linear(
    tmp_path: Path, name: str, old: str, new: str, rule: str, why: str
) -> None:
    pack, path = edited(tmp_path, name, old, new)
    where = at(path, "linear: true", "true")
    stderr = refused(pack)
    assert (
        f"{where}: {rule}.time.linear: 规则 {rule} 写了 linear: true，但{why}："
        "linear 把目标的数从 schedule_base 起按年份分摊到 due 年，应删去 linear"
    ) in stderr
    assert "应达值" not in stderr


def test_linear_on_a_flag_is_refused_in_english(tmp_path: Path) -> None:
    pack, _ = edited(
        tmp_path, "clause-01.yaml", "    time: {from: 2022}", "    time: {due: 2025, linear: true}"
    )
    assert (
        "c1.unified-enrollment.time.linear: rule c1.unified-enrollment gives linear: true, but a flag rule's "
        "target is yes, which has no part-way progress: linear spreads the target's number over the years"
    ) in refused(pack, "en")


# ------------------------------------------------------------------------------------------ a ratio's sums


@pytest.mark.parametrize(
    ("old", "new", "path", "why"),
    [
        # the county that failed the tilt was not_applicable, as one with no new funding is
        (
            "    denominator: [funding.new_education]",
            "    denominator: []",
            "denominator",
            "分母为 0，规则对每个单位都读作 not_applicable，不达标的单位也不判 fail",
        ),
        ("    numerator: [funding.new_vocational]", "    numerator: []", "numerator", "分子为 0，比率恒为 0"),
        (
            "      denominator: [funding.education_total]",
            "      denominator: []",
            "compare_to.denominator",
            "分母为 0，规则对每个单位都读作 not_applicable",
        ),
    ],
)
def test_an_empty_sum_of_a_ratio_is_refused_at_the_list(
    tmp_path: Path, old: str, new: str, path: str, why: str
) -> None:
    pack, rule_file = edited(tmp_path, "clause-16.yaml", old, new)
    key = path.rsplit(".", 1)[-1]
    result = run(SAMPLES / "2023" / "dongan.yaml", "--rules", pack, "--format", "json")
    assert result.exit_code == 2
    assert not result.stdout
    assert (
        f"{at(rule_file, new.strip(), '[]')}: c16.new-funding-tilt.{path}: "
        f"规则 c16.new-funding-tilt 的 {key} 是空列表，合计为 0：{why}"
    ) in result.stderr
    assert f"应列出要合计的字段（至少一项），如 {key}: [enrollment.secondary_vocational]" in result.stderr


def test_an_empty_denominator_is_refused_in_english(tmp_path: Path) -> None:
    pack, rule_file = edited(
        tmp_path, "clause-16.yaml", "denominator: [funding.new_education]", "denominator: []"
    )
    assert (
        f"{at(rule_file, 'denominator: []', '[]')}: c16.new-funding-tilt.denominator: rule "
        "c16.new-funding-tilt has an empty denominator, which adds up to 0: a zero denominator makes the "
        "rule not_applicable for every unit, and a unit that misses the target is never failed; list the "
        "fields to add up (at least one)"
    ) in refused(pack, "en")


@pytest.mark.parametrize(
    ("name", "old", "new", "second", "rule", "term", "first"),
    [
        # 210 / 3000 = 7.0% failed the tilt (9.8%); counted twice, 420 / 3000 = 14.0% passed
        (
            "clause-16.yaml",
            "numerator: [funding.new_vocational]",
            "numerator: [funding.new_vocational, funding.new_vocational]",
            "funding.new_vocational]",
            "c16.new-funding-tilt",
            "funding.new_vocational",
            "numerator[0]",
        ),
        # the same sum, its keys in another order
        (
            "clause-11.yaml",
            "denominator: [{over: schools, field: professional_teachers, otherwise: teachers}]",
            (
                "denominator: [{over: schools, field: professional_teachers, otherwise: teachers}, "
                "{field: professional_teachers, otherwise: teachers, over: schools}]"
            ),
            "{field: professional_teachers",
            "c11.dual-qualified-share",
            "{over: schools, field: professional_teachers, otherwise: teachers}",
            "denominator[0]",
        ),
    ],
)
def test_a_term_written_twice_in_a_sum_is_refused_at_the_second(
    tmp_path: Path, name: str, old: str, new: str, second: str, rule: str, term: str, first: str
) -> None:
    pack, rule_file = edited(tmp_path, name, old, new)
    key = first.split("[")[0]
    where = at(rule_file, new, second)
    assert (
        f"{where}: {rule}.{key}[1]: 规则 {rule} 的 {key} 写了两次 {term}（首次在 {first}）："
        "合计时它的数计了两次：应删去这一项"
    ) in refused(pack)
    assert f"{where}: {rule}.{key}[1]: rule {rule} lists {term} twice in {key} (first at {first})" in refused(
        pack, "en"
    )


def test_a_term_in_both_numerator_and_denominator_or_summed_over_other_items_loads(tmp_path: Path) -> None:
    """A part of its whole (c1.vocational-share) is no term written twice; nor is a field summed over other
    items (the secondary schools' students, and the higher colleges')."""
    by_level = (
        "[{over: schools, field: students, where: [{field: level, value: secondary}]}, "
        "{over: schools, field: students, where: [{field: level, value: higher}]}]"
    )
    pack, _ = edited(
        tmp_path, "clause-01.yaml", "numerator: [enrollment.secondary_vocational]", f"numerator: {by_level}"
    )
    result = run("rules", "--rules", pack)
    assert result.exit_code == 0, result.stderr


# ---------------------------------------------------------------------------------------------- expected_max


@pytest.mark.parametrize(
    ("new", "found", "value"),
    [
        ('target: {op: ">=", value: 5, expected_max: 4}', "4", "5"),
        # a range's top: a count of 7 passed and was reported above the range
        ("target: {op: between, value: [5, 8], expected_max: 6}", "6", "8"),
    ],
)
def test_an_expected_max_below_the_target_is_refused_at_it(
    tmp_path: Path, new: str, found: str, value: str
) -> None:
    """A count of 5 met the target and was reported above the policy's range of 5 to 4."""
    pack, path = edited(tmp_path, "clause-04.yaml", 'target: {op: ">=", value: 5, expected_max: 8}', new)
    where = at(path, new, f"expected_max: {found}").rsplit(":", 1)
    where_value = f"{where[0]}:{int(where[1]) + len('expected_max: ')}"
    assert (
        f"{where_value}: rules[5].target.expected_max: expected_max 写了 {found}，低于目标 {value}："
        "expected_max 是政策所列区间的上限（“1-2所”写 value: 1, expected_max: 2），"
        f"达到目标的数会被报作超出区间：应写不小于 {value} 的数，或删去 expected_max"
    ) in refused(pack)
    assert (
        f"{where_value}: rules[5].target.expected_max: expected_max is {found}, below the target {value}"
    ) in refused(pack, "en")


def test_an_expected_max_equal_to_the_target_loads(tmp_path: Path) -> None:
    pack, _ = edited(
        tmp_path,
        "clause-04.yaml",
        'target: {op: ">=", value: 5, expected_max: 8}',
        'target: {op: ">=", value: 5, expected_max: 5}',
    )
    result = run("rules", "--rules", pack)
    assert result.exit_code == 0, result.stderr


def test_a_rule_for_no_kind_of_unit_is_refused_at_its_units(tmp_path: Path) -> None:
    """``units: []`` loaded, and the rule was run on no report: c4.leading-industries read not_applicable for
    every county (江永县 lost a passed rule from its score), nothing saying why."""
    pack, path = edited(tmp_path, "clause-04.yaml", "    units: [county]\n", "    units: []\n")
    where = at(path, "units: []", "[]")
    result = run(SAMPLES / "2023" / "jiangyong.yaml", "--rules", pack, "--format", "json")
    assert result.exit_code == 2
    assert not result.stdout
    assert (
        f"{where}: c4.leading-industries.units: 规则 c4.leading-industries 的 units 是空列表："
        "它不检查任何单位的报表，从不适用：应列出要检查的单位类别，如 units: [county]，"
        "或删去 units（检查全部类别）"
    ) in result.stderr
    assert (
        f"{where}: c4.leading-industries.units: rule c4.leading-industries has units: [], so it checks no "
        "unit's report and never applies: list the kinds of unit it checks, such as units: [county], or "
        "delete units (every kind)"
    ) in refused(pack, "en")


def test_a_when_of_no_status_is_refused_at_its_status(tmp_path: Path) -> None:
    """``status: []`` loaded, and the condition was never met: c1.general-plan-freeze read not_applicable for
    every county, explained as ``applies only when c1.vocational-share  (it fails)``."""
    old = "when: {rule: c1.vocational-share, status: [fail]}"
    new = "when: {rule: c1.vocational-share, status: []}"
    pack, path = edited(tmp_path, "clause-01.yaml", old, new)
    where = at(path, new, "[]")
    result = run(SAMPLES / "2023" / "jiangyong.yaml", "--rules", pack, "--format", "json")
    assert result.exit_code == 2
    assert not result.stdout
    assert (
        f"{where}: c1.general-plan-freeze.when.status: "
        "规则 c1.general-plan-freeze 的 when 的 status 是空列表："
        "条件从不成立，本规则从不适用：应列出 c1.vocational-share 的哪些状态使本规则适用，"
        "如 status: [fail]，或删去 when"
    ) in result.stderr
    assert (
        f"{where}: c1.general-plan-freeze.when.status: "
        "rule c1.general-plan-freeze has a when with status: [], "
        "a condition never met, so the rule never applies: list the statuses of c1.vocational-share on which "
        "it applies, such as status: [fail], or delete when"
    ) in refused(pack, "en")
