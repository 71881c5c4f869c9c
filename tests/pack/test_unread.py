"""Settings of a rule file that loaded without an error and were then silently ignored or misread: each is
refused when the pack loads, at the value (``file:line:column``, the field path), saying what was found and
what to write, in the language of the run (docs/packs.md, "Errors a pack loader reports"). Each is made in a
small pack of one rule file, as a rule author would write it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from factory import SAMPLES, write_pack
from typer.testing import CliRunner

from zhijiao_check.cli import app

POLICY = "测试条款原文：公办中职学校生均拨款不低于10000元/年。"
HEAD = """\
rules:
  - id: c90.test
    title: {zh: 测试, en: Test}
    clause: 90
    quote: 公办中职学校生均拨款不低于10000元/年
    scope: unit
    units: [county]
"""
TIME = "    time: {every_year: 2022}\n"
SHARE = """\
    kind: ratio
    numerator: [enrollment.secondary_vocational]
    denominator: [enrollment.general_high_school]
"""


def run(tmp_path: Path, body: str, lang: str = "zh") -> tuple[int, str, str, Path]:
    """``zhijiao-check check dongan.yaml --rules PACK`` with the one rule ``HEAD + body``: exit status,
    standard output and error, the rule file."""
    pack = write_pack(tmp_path / "pack", HEAD + body + TIME, policy=POLICY)
    report = SAMPLES / "2023" / "dongan.yaml"
    args = ["check", str(report), "--rules", str(pack), "-q", "--lang", lang]
    result = CliRunner().invoke(app, args)
    return result.exit_code, result.stdout, result.stderr, pack / "clause-90.yaml"


def result(tmp_path: Path, body: str) -> dict[str, Any]:
    """The rule's result for 东安县 2023, the pack loaded."""
    pack = write_pack(tmp_path / "pack", HEAD + body + TIME, policy=POLICY)
    report = SAMPLES / "2023" / "dongan.yaml"
    done = CliRunner().invoke(app, ["check", str(report), "--rules", str(pack), "--format", "json"])
    assert done.exit_code in (0, 1), done.stderr
    [checked] = json.loads(done.stdout)["reports"]
    found: dict[str, Any] = next(r for r in checked["results"] if r["rule"] == "c90.test")
    return found


def at(rule_file: Path, marker: str, after: str = "") -> str:
    """``file:line:column`` of the first ``marker`` in the rule file, ``after`` it when given (the value of a
    key)."""
    for number, line in enumerate(rule_file.read_text(encoding="utf-8").splitlines(), 1):
        if marker in line:
            return f"{rule_file}:{number}:{line.index(marker) + len(after) + 1}"
    raise AssertionError(marker)


# ------------------------------------------------------------------------------ expected_max of a count only


@pytest.mark.parametrize(
    ("body", "kind", "found"),
    [
        (
            (
                "    kind: total\n    of: enrollment.secondary_vocational\n"
                '    target: {op: ">=", value: 1000, expected_max: 2000}\n    unit: persons\n'
            ),
            "total",
            "2000",
        ),
        (SHARE + '    target: {op: ">=", value: 0.45, expected_max: 0.6}\n', "ratio", "0.6"),
    ],
)
def test_expected_max_on_a_rule_that_is_no_count_is_refused_at_it(
    tmp_path: Path, body: str, kind: str, found: str
) -> None:
    """Only a count reads it (kinds/count.py): on a total or a ratio a figure above it was neither reported
    nor failed, and the rule said nothing of the range the author wrote."""
    status, _, stderr, rule_file = run(tmp_path, body)
    where = at(rule_file, "expected_max: ", "expected_max: ")
    assert status == 2
    assert (
        f"{where}: c90.test.target.expected_max: 规则 c90.test 是 {kind} 规则，target 写了 "
        f"expected_max: {found}，但它对 {kind} 规则不起作用（超出的数既不报出，也不判为不达标）："
        "expected_max 只用于 count 规则，是政策所列区间的上限（“1-2所”写 value: 1, expected_max: 2）："
        "应删去 expected_max"
    ) in stderr
    _, _, english, _ = run(tmp_path, body, "en")
    assert (
        f"{where}: c90.test.target.expected_max: rule c90.test is a {kind} rule, and its target gives "
        f"expected_max: {found}, which has no effect on a {kind} rule (a figure above it is neither "
        "reported nor failed): only count rules take expected_max"
    ) in english


def test_expected_max_on_a_count_loads(tmp_path: Path) -> None:
    body = '    kind: count\n    of: {over: schools}\n    target: {op: ">=", value: 1, expected_max: 2}\n'
    assert result(tmp_path, body)["status"] == "pass"


# ---------------------------------------------------------------------------- a sum's otherwise: and where:


def test_otherwise_without_over_is_refused_with_the_sum_over_items_to_write(tmp_path: Path) -> None:
    """``otherwise`` is read for an item that does not give ``field`` (measure/sums.py): a sum without
    ``over:`` has no items, and it was ignored."""
    body = (
        "    kind: ratio\n"
        "    numerator: [{over: schools, field: dual_qualified_teachers}]\n"
        "    denominator: [{field: professional_teachers, otherwise: teachers}]\n"
        '    target: {op: ">=", value: 0.5}\n'
    )
    status, _, stderr, rule_file = run(tmp_path, body)
    where = at(rule_file, "otherwise: teachers", "otherwise: ")
    assert status == 2
    assert (
        f"{where}: c90.test.denominator[0].otherwise: 规则 c90.test 的求和项 "
        "{field: professional_teachers, otherwise: teachers} 写了 otherwise，但没有 over："
        "不写 over 时合计的是报表字段本身，otherwise 只在对某个集合的条目求和时才读，这里不起作用："
        "应写 {over: schools, field: professional_teachers, otherwise: teachers}"
        "（over 为条目有这些字段的集合），或删去 otherwise"
    ) in stderr
    # said once, as needing over: not also as a field the report lacks
    assert stderr.count("denominator[0].otherwise") == 1
    _, _, english, _ = run(tmp_path, body, "en")
    assert (
        f"{where}: c90.test.denominator[0].otherwise: rule c90.test sums "
        "{field: professional_teachers, otherwise: teachers}, which gives otherwise but no over: without "
        "over the report's field is summed as it is, and otherwise is read only for the items of a "
        "collection, so it has no effect; write {over: schools, field: professional_teachers, otherwise: "
        "teachers} (over the collection whose items have these fields), or delete otherwise"
    ) in english


def test_where_without_over_is_refused_at_it(tmp_path: Path) -> None:
    """The report's own figure was summed whole: the filter of schools was ignored, and its condition was
    said as a field the report does not have (``level``), which misled."""
    body = (
        "    kind: total\n"
        "    of:\n"
        "      field: funding.new_vocational\n"
        "      where: [{field: level, value: secondary}]\n"
        '    target: {op: ">=", value: 1000}\n'
        "    unit: yuan\n"
    )
    status, _, stderr, rule_file = run(tmp_path, body)
    assert status == 2
    assert (
        f"{at(rule_file, 'where: [', 'where: ')}: c90.test.of.where: 规则 c90.test 的求和项 "
        "{field: funding.new_vocational, where: […]} 写了 where，但没有 over："
        "不写 over 时合计的是报表字段本身，where 只在对某个集合的条目求和时才读，这里不起作用："
        "应写 {over: …, field: funding.new_vocational, where: […]}（over 为条目有这些字段的集合），"
        "或删去 where"
    ) in stderr
    assert stderr.count(str(rule_file)) == 1  # not its condition's level as a field the report lacks


def test_otherwise_and_where_with_over_load(tmp_path: Path) -> None:
    body = (
        "    kind: ratio\n"
        "    numerator: [{over: schools, field: dual_qualified_teachers}]\n"
        "    denominator:\n"
        "      - over: schools\n"
        "        field: professional_teachers\n"
        "        otherwise: teachers\n"
        "        where: [{field: level, value: secondary}]\n"
        '    target: {op: ">=", value: 0.5}\n'
    )
    status, _, stderr, _ = run(tmp_path, body)
    assert status in (0, 1), stderr


# --------------------------------------------------------------------------- a share's target written as %


def test_a_share_target_above_1_without_a_bound_is_refused_with_the_fraction(tmp_path: Path) -> None:
    """``value: 45`` meant 45%: the ratio of unit ratio was held to 4500%, and every county failed."""
    body = SHARE + '    target: {op: ">=", value: 45}\n'
    status, _, stderr, rule_file = run(tmp_path, body)
    where = at(rule_file, "value: 45", "value: ")
    assert status == 2
    assert (
        f"{where}: c90.test.target.value: 规则 c90.test 的 target 写了 45，但 unit: ratio 的比率是占比，"
        "按百分比比较和显示，45 即 4500%：写 0.45 表示 45%；若确指倍数（如每个原有学位对应 1.5 个新增学位），"
        "写 unit: count，按数比较和显示"
    ) in stderr
    _, _, english, _ = run(tmp_path, body, "en")
    assert (
        f"{where}: c90.test.target.value: rule c90.test has a target of 45, but a ratio of unit: ratio is a "
        "share, compared and shown as a percentage: 45 is 4500%; write 0.45 for 45%; if a multiple is meant "
        "(1.5 new seats for each old one), write unit: count to compare and show it as a number"
    ) in english


def test_a_share_target_of_2_or_more_is_refused(tmp_path: Path) -> None:
    """200% is no growth a policy sets: a percentage typed as a number (``value: 2`` for 2%)."""
    status, _, stderr, _ = run(tmp_path, SHARE + '    target: {op: ">=", value: 2}\n')
    assert status == 2
    assert "2 即 200%：写 0.02 表示 2%" in stderr


def test_a_share_target_above_100_says_to_write_a_fraction(tmp_path: Path) -> None:
    body = SHARE + "    target: {op: between, value: [0.3, 450]}\n"
    status, _, stderr, rule_file = run(tmp_path, body)
    assert status == 2
    assert (
        f"{at(rule_file, '450]', '')}: c90.test.target.value[1]: 规则 c90.test 的 target 写了 450，"
        "但 unit: ratio 的比率是占比，按百分比比较和显示，450 即 45000%："
        "应把占比写成不大于 1 的小数（45% 写 0.45）"
    ) in stderr


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (SHARE + '    target: {op: ">=", value: 0.45}\n', "pass"),
        (SHARE + '    target: {op: ">=", value: 1}\n', "fail"),
        # a growth: at least 110% (950 / 1030 is 92.2%)
        (SHARE + '    target: {op: ">=", value: 1.1}\n', "fail"),
        (SHARE + '    target: {op: "<=", value: 1.99}\n', "pass"),
        # a multiple, as the message says to write it: compared and shown as the number
        (SHARE + '    target: {op: ">=", value: 1.5}\n    unit: count\n', "fail"),
    ],
)
def test_a_share_as_a_fraction_and_a_multiple_as_a_number_load(
    tmp_path: Path, body: str, status: str
) -> None:
    """东安县 2023: 950 secondary students for 1030 general."""
    assert result(tmp_path, body)["status"] == status


def test_a_multiple_is_compared_as_the_number(tmp_path: Path) -> None:
    """东安县's 950 secondary against 1030 general: 0.92 < 1.5."""
    body = SHARE + '    target: {op: ">=", value: 1.5}\n    unit: count\n'
    assert result(tmp_path, body)["explanation"] == "950 / 1030 = 0.92 < 1.5"


# ------------------------------------------------------------------------- == with several values joined


def _count(over: str) -> str:
    """A count rule over ``over`` (a collection, and the lines of its ``where:`` after it)."""
    return f'    kind: count\n    of:\n      over: {over}\n    target: {{op: ">=", value: 1}}\n'


@pytest.mark.parametrize(
    ("over", "marker", "message"),
    [
        # every value of the field: given at all
        (
            "schools\n      where:\n        - field: level\n          value: secondary,higher",
            "secondary,higher",
            (
                '规则 c90.test：level == "secondary,higher" 把 2 个值连成了一个（secondary、higher），'
                "而每个 == 只比较一个值，不会取最接近的那个：这些是 level 的全部值，要取其中任一个，"
                "写 {field: level, present: true}（给出了 level 即可）"
            ),
        ),
        # some of them: != each of the others
        (
            "majors\n      where: [{field: cluster, value: 生物医药、电子信息}]",
            "生物医药、电子信息",
            (
                '规则 c90.test：cluster == "生物医药、电子信息" 把 2 个值连成了一个（生物医药、电子信息），'
                "而每个 == 只比较一个值，不会取最接近的那个：要取其中任一个，写不等于其余各值的条件"
                '（同一列表中的条件须都成立）：{field: cluster, op: "!=", value: 先进装备制造}, '
                '{field: cluster, op: "!=", value: 农产品精深加工}, '
                '{field: cluster, op: "!=", value: 轻纺箱包制鞋}, '
                '{field: cluster, op: "!=", value: 新材料}'
            ),
        ),
        # none of them: != each
        (
            'majors\n      where: [{field: cluster, op: "!=", value: 生物医药，电子信息}]',
            "生物医药，电子信息",
            (
                '规则 c90.test：cluster != "生物医药，电子信息" 把 2 个值连成了一个（生物医药、电子信息），'
                "而每个 != 只比较一个值，不会取最接近的那个：要排除其中每一个，每个值写一个条件"
                '（同一列表中的条件须都成立）：{field: cluster, op: "!=", value: 生物医药}, '
                '{field: cluster, op: "!=", value: 电子信息}'
            ),
        ),
    ],
)
def test_a_condition_joining_several_values_says_one_value_each(
    tmp_path: Path, over: str, marker: str, message: str
) -> None:
    """It was said to mean the closest value (``value: secondary``), which drops the others."""
    status, _, stderr, rule_file = run(tmp_path, _count(over))
    assert status == 2
    assert f"{at(rule_file, marker)}: c90.test.of.where[0].value: {message}" in stderr
    assert "应写 value:" not in stderr


def test_a_condition_joining_values_in_english(tmp_path: Path) -> None:
    over = "majors\n      where: [{field: cluster, value: 生物医药、电子信息}]"
    _, _, stderr, rule_file = run(tmp_path, _count(over), "en")
    assert (
        f"{at(rule_file, '生物医药、电子信息')}: c90.test.of.where[0].value: rule c90.test: cluster == "
        '"生物医药、电子信息" joins 2 values into one (生物医药, 电子信息), '
        "but each == compares with one value, not the closest of them: for any one of them, "
        "write a != condition for each of the other values "
        '(the conditions of a list must all hold): {field: cluster, op: "!=", value: 先进装备制造}'
    ) in stderr


def test_the_form_suggested_for_several_values_loads_and_counts_them(tmp_path: Path) -> None:
    """``present: true`` for every level: the same schools as no filter."""
    plain = result(tmp_path / "plain", _count("schools"))
    given = result(tmp_path / "given", _count("schools\n      where: [{field: level, present: true}]"))
    assert plain["observed"] > 0
    assert given["observed"] == plain["observed"]
