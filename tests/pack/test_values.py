"""The values a rule compares fields with are checked against the report model when the pack loads: a value
the field can never take, an operator its type has no meaning for, a number that is not finite, a field a
``distinct`` names that the items do not have: each a located error (exit 2), in the language of the run,
never a Python error while scoring (exit 3) nor a rule that is silently ``not_applicable`` or always failing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from factory import SAMPLES, write_pack
from typer.testing import CliRunner

from zhijiao_check.cli import app

POLICY = "测试条款原文：公办中职学校生均拨款不低于10000元/年。"
EVERY = """\
rules:
  - id: c90.funding
    title: {{zh: 测试, en: Test}}
    clause: 90
    quote: 公办中职学校生均拨款不低于10000元/年
    scope: school
    kind: every
    of:
      over: {over}
      where: [{where}]
    require: [{require}]
    time: {{every_year: 2022}}
"""
PUBLIC = "{field: ownership, value: public}"
FUNDED = '{field: appropriation_per_student, op: ">=", value: 10000}'


def run(tmp_path: Path, text: str, *options: str) -> tuple[int, str, Path]:
    """``zhijiao-check check dongan.yaml --rules PACK``: exit status, standard error, the rule file."""
    pack = write_pack(tmp_path / "pack", text, policy=POLICY)
    report = SAMPLES / "2023" / "dongan.yaml"
    result = CliRunner().invoke(app, ["check", str(report), "--rules", str(pack), "-q", *options])
    return result.exit_code, result.stderr, pack / "clause-90.yaml"


def at(rule_file: Path, text: str, marker: str) -> str:
    """``file:line:column`` of the first ``marker`` in the rule file's text."""
    for number, line in enumerate(text.splitlines(), 1):
        if marker in line:
            return f"{rule_file}:{number}:{line.index(marker) + 1}"
    raise AssertionError(marker)


@pytest.mark.parametrize(
    ("over", "where", "require", "marker", "path", "message"),
    [
        # a number written as text: '>=' between an int and a str stopped the run (exit 3)
        (
            "schools",
            PUBLIC,
            '{field: appropriation_per_student, op: ">=", value: "10000"}',
            '"10000"',
            "require[0].value",
            '规则 c90.funding 的条件写了 "10000"，但 appropriation_per_student 只取数值：应写 value: 10000',
        ),
        # text ordered against a number: a TypeError while scoring
        (
            "schools",
            PUBLIC,
            '{field: name, op: ">=", value: 10000}',
            '">="',
            "require[0].op",
            "规则 c90.funding：name 只取文字，不能用 >= 比较：可用 ==, !=",
        ),
        # between with one number: "cannot unpack non-iterable float"
        (
            "schools",
            PUBLIC,
            "{field: appropriation_per_student, op: between, value: 10000}",
            "between",
            "require[0].op",
            "规则 c90.funding：条件不能用 between（它只用于 target）",
        ),
        # a number against a text field
        (
            "schools",
            PUBLIC,
            '{field: appropriation_per_student, op: ">=", other: name}',
            "name}",
            "require[0].other",
            "appropriation_per_student（数值）不能与 name（文字）比较",
        ),
        # contains on a number: a KeyError while scoring
        (
            "schools",
            PUBLIC,
            "{field: appropriation_per_student, op: contains, value: 1}",
            "contains",
            "require[0].op",
            "appropriation_per_student 只取数值，不能用 contains 比较",
        ),
        # a code misspelt: every school filtered out, the rule silently not_applicable
        (
            "schools",
            "{field: level, value: secondry}",
            FUNDED,
            "secondry",
            "of.where[0].value",
            (
                '规则 c90.funding：level 没有 "secondry" 这个值，只取 secondary、higher 之一：'
                "应写 value: secondary"
            ),
        ),
        (
            "majors",
            "{field: rating, value: yelow}",
            "{field: enrollment, value: 0}",
            "yelow",
            "of.where[0].value",
            'rating 没有 "yelow" 这个值，只取 green、yellow、red 之一：应写 value: yellow',
        ),
        (
            "schools",
            "{field: ownership, value: 1}",
            FUNDED,
            "1}",
            "of.where[0].value",
            "ownership 没有 1 这个值，只取 public、private 之一：应写 其中之一，如 value: public",
        ),
        # a code's meaning written instead of the code
        (
            "schools",
            "{field: ownership, value: 公办}",
            FUNDED,
            "公办}",
            "of.where[0].value",
            "应写 value: public",
        ),
        # a yes/no written as a word: never equal to true, so every school failed
        (
            "schools",
            PUBLIC,
            '{field: in_1x_pilot, value: "yes"}',
            '"yes"',
            "require[0].value",
            (
                '规则 c90.funding 的条件写了 "yes"，但 in_1x_pilot 只取是/否值（true 或 false）：'
                "应写 value: true"
            ),
        ),
        # a designation that is not one: contains is checked against the list's codes
        (
            "schools",
            "{field: designations, op: contains, value: quality}",
            FUNDED,
            "quality}",
            "of.where[0].value",
            'designations 没有 "quality" 这个值，只取 quality_school、chuyi_brand、undergraduate 之一',
        ),
        # not a number: every report failed `< nan`
        (
            "schools",
            PUBLIC,
            '{field: appropriation_per_student, op: ">=", value: .nan}',
            ".nan",
            "require[0].value",
            "规则 c90.funding 的 value 写了 .nan：须为有限的数",
        ),
    ],
)
def test_a_value_the_field_cannot_take_is_a_located_error(
    tmp_path: Path, over: str, where: str, require: str, marker: str, path: str, message: str
) -> None:
    text = EVERY.format(over=over, where=where, require=require)
    status, stderr, rule_file = run(tmp_path, text)
    assert status == 2, stderr
    start = f"{at(rule_file, text, marker)}: c90.funding.{path}: "
    (line,) = [line for line in stderr.splitlines() if line.startswith(start)]
    assert message in line
    assert "内部错误" not in stderr


def test_the_error_is_in_the_language_of_the_run(tmp_path: Path) -> None:
    text = EVERY.format(over="schools", where="{field: level, value: secondry}", require=FUNDED)
    status, stderr, rule_file = run(tmp_path, text, "--lang", "en")
    assert status == 2
    assert (
        f"{at(rule_file, text, 'secondry')}: c90.funding.of.where[0].value: rule c90.funding: level is never "
        '"secondry"; it takes one of secondary, higher: write value: secondary'
    ) in stderr


def test_a_target_that_is_not_a_number_is_a_located_error(tmp_path: Path) -> None:
    text = (
        EVERY.format(over="schools", where=PUBLIC, require=FUNDED) + "    target: {op: '>=', value: .inf}\n"
    )
    status, stderr, rule_file = run(tmp_path, text)
    assert status == 2
    assert (
        f"{at(rule_file, text, '.inf')}: c90.funding.target.value: 规则 c90.funding 的 value 写了 .inf"
        in stderr
    )


@pytest.mark.parametrize(
    ("setting", "path"),
    [("    weight: 1.0e+309\n", "weight"), ("    target: {op: '<=', value: 1.0e+309}\n", "target.value")],
)
def test_a_number_of_more_digits_than_any_figure_is_a_located_error(
    tmp_path: Path, setting: str, path: str
) -> None:
    """YAML reads ``1.0e+309`` as infinity; the reader keeps it as a number too long to be a figure, which a
    rule took as 10²⁴ (a weight that made the score this rule's alone) before it was refused."""
    text = COUNT.replace("distinct: nam", "distinct: name") + setting
    status, stderr, rule_file = run(tmp_path, text, "--lang", "en")
    assert status == 2, stderr
    assert (
        f"{at(rule_file, text, '1.0e+309')}: c90.majors.{path}: rule c90.majors: "
        f"{path.rsplit('.', 1)[-1]} is a number of more than 24 digits before its point"
    ) in stderr
    status, stderr, _ = run(tmp_path, text)
    assert status == 2 and "写的数整数部分超过 24 位" in stderr


def test_the_values_of_the_built_in_rules_are_taken(tmp_path: Path) -> None:
    """Every condition of the built-in pack fits its field (the golden outputs hold what it checks)."""
    text = EVERY.format(
        over="majors",
        where="{field: school.level, value: secondary}, {field: designations, op: contains, value: chuyi}",
        require='{field: enrollment, op: "<", other: previous_enrollment}',
    )
    status, stderr, _ = run(tmp_path, text)
    assert status in (0, 1), stderr


COUNT = """\
rules:
  - id: c90.majors
    title: {zh: 测试, en: Test}
    clause: 90
    quote: 公办中职学校生均拨款不低于10000元/年
    scope: unit
    kind: count
    of: {over: majors, where: [{field: pilot_1x, value: true}]}
    distinct: nam
    time: {every_year: 2022}
"""


def test_a_distinct_field_the_items_do_not_have_is_a_located_error(tmp_path: Path) -> None:
    status, stderr, rule_file = run(tmp_path, COUNT)
    assert status == 2
    line, column = at(rule_file, COUNT, "distinct: nam").rsplit(":", 2)[1:]
    where = f"{rule_file}:{line}:{int(column) + len('distinct: ')}"
    assert (
        f"{where}: c90.majors.distinct: 规则 c90.majors 读取的字段 nam 不是 majors 中各项的字段：应写 name"
        in stderr
    )
    status, stderr, _ = run(tmp_path / "fixed", COUNT.replace("distinct: nam", "distinct: name"))
    assert status in (0, 1), stderr


@pytest.mark.parametrize(
    ("kind", "marker", "path", "message"),
    [
        # a cluster misspelt: never covered, the rule always failed
        (
            (
                "kind: coverage\n    of: {over: majors}\n    field: cluster\n"
                "    required: [生物医药, 电子信息技术]"
            ),
            "电子信息技术",
            "required[1]",
            (
                '规则 c90.rule：cluster 没有 "电子信息技术" 这个值，只取 生物医药、电子信息、先进装备制造、'
                "农产品精深加工、轻纺箱包制鞋、新材料 之一：应写 电子信息"
            ),
        ),
        # a flag rule on a number: never true, the rule always failed
        (
            "kind: flag\n    field: craftsman_students",
            "craftsman_students",
            "field",
            "规则 c90.rule 是 flag 规则，读取的字段须为是/否，但 craftsman_students 只取数值",
        ),
        # a sum of names: a TypeError while scoring
        (
            "kind: total\n    of: {over: schools, field: name}",
            "name}",
            "of.field",
            "规则 c90.rule 合计 name，但它只取文字",
        ),
    ],
)
def test_a_field_of_the_wrong_type_for_its_kind_is_a_located_error(
    tmp_path: Path, kind: str, marker: str, path: str, message: str
) -> None:
    text = (
        "rules:\n  - id: c90.rule\n    title: {zh: 测试, en: Test}\n    clause: 90\n"
        f"    quote: 公办中职学校生均拨款不低于10000元/年\n    scope: unit\n    {kind}\n"
        "    time: {every_year: 2022}\n"
    )
    status, stderr, rule_file = run(tmp_path, text)
    assert status == 2, stderr
    assert f"{at(rule_file, text, marker)}: c90.rule.{path}: {message}" in stderr


@pytest.mark.parametrize(
    ("target", "marker", "message"),
    [
        (
            '{op: ">=", value: "1"}',
            '"1"',
            (
                'rules[0].target.value: value 写了 "1"，加了引号便是文字，'
                "但它取数值或列表 [ … ]，每项为数值："
                "应写 value: 1，不加引号"
            ),
        ),
        (
            '{op: between, value: [0.5, "1"]}',
            '"1"',
            'rules[0].target.value[1]: value[1] 写了 "1"，加了引号便是文字，但它取数值：应写 1，不加引号',
        ),
        (
            '{op: ">=", value: 1, tolerance: "0.1"}',
            '"0.1"',
            (
                'rules[0].target.tolerance: tolerance 写了 "0.1"，加了引号便是文字，'
                "但它取大于 0 且小于 1 的数值："
                "应写 tolerance: 0.1，不加引号"
            ),
        ),
    ],
)
def test_a_number_in_quotes_in_a_target_is_refused_as_a_conditions_is(
    tmp_path: Path, target: str, marker: str, message: str
) -> None:
    """It was read as the number: a condition's ``value: "10000"`` is refused (text, not a number), and so
    is a target's, at the value, saying to write it without quotes."""
    text = EVERY.format(over="schools", where=PUBLIC, require=FUNDED).replace(
        "    time:", f"    target: {target}\n    time:"
    )
    status, stderr, rule_file = run(tmp_path, text)
    assert status == 2
    assert f"{at(rule_file, text, marker)}: {message}" in stderr


RATIO = """\
rules:
  - id: c90.share
    title: {{zh: 测试, en: Test}}
    clause: 90
    quote: 公办中职学校生均拨款不低于10000元/年
    scope: unit
    units: [county]
    kind: ratio
    numerator: [enrollment.secondary_vocational]
    denominator: [{denominator}]
    target: {target}
    time: {{every_year: 2022}}
"""
SHARE = "enrollment.secondary_vocational, enrollment.general_high_school"


@pytest.mark.parametrize(
    ("text", "lang", "message"),
    [
        # a part of its whole: the share is at most 1 whatever the reports say
        (
            RATIO.format(denominator=SHARE, target='{op: ">=", value: 45}'),
            "zh",
            (
                "c90.share.target.value: 规则 c90.share 的 target 写了 45，但它比较的是比率，至多为 1"
                "（分子各项都在分母中，部分不超过整体）：这个目标永远达不到：写 0.45 表示 45%"
            ),
        ),
        (
            RATIO.format(denominator=SHARE, target='{op: ">=", value: 45}'),
            "en",
            (
                "c90.share.target.value: rule c90.share has a target of 45, but it compares a share, "
                "which is at most 1 (each term of the numerator is a term of the denominator, a part of "
                "the whole): the target is never met: write 0.45 for 45%"
            ),
        ),
        # bounded by at_most
        (
            RATIO.format(
                denominator="enrollment.general_high_school", target='{op: "<=", value: 30}'
            ).replace("    target:", "    at_most: 1\n    target:"),
            "zh",
            (
                "c90.share.target.value: 规则 c90.share 的 target 写了 30，但它比较的是比率，"
                "至多为 1（规则写了 at_most: 1）：这个目标永远达到：写 0.3 表示 30%"
            ),
        ),
        # every: the share of the items that pass
        (
            EVERY.format(over="schools", where=PUBLIC, require=FUNDED).replace(
                "    time:", '    target: {op: ">=", value: 100}\n    time:'
            ),
            "zh",
            (
                "c90.funding.target.value: 规则 c90.funding 的 target 写了 100，但它比较的是比率，"
                "至多为 1（合格的学校、专业或条目所占比例）：这个目标永远达不到：写 1 表示 100%"
            ),
        ),
    ],
)
def test_a_target_above_the_share_a_rule_can_be_is_refused_at_the_value(
    tmp_path: Path, text: str, lang: str, message: str
) -> None:
    """45 meant 45%: it was accepted, and the rule failed every report (or passed every one)."""
    status, stderr, rule_file = run(tmp_path, text, "--lang", lang)
    assert status == 2
    assert f"{rule_file}:{_target_at(text)}: {message}" in stderr


def _target_at(text: str) -> str:
    """``line:column`` of the target's value."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("target:"):
            return f"{number}:{line.index('value: ') + len('value: ') + 1}"
    raise AssertionError(text)


def test_a_target_above_1_of_a_ratio_without_a_bound_is_refused_unless_written_as_a_number(
    tmp_path: Path,
) -> None:
    """A ratio whose numerator is no part of its denominator proves no bound, but a ratio of unit ratio is a
    share, compared and shown as a percentage: 45 was 4500%, and every county failed. A multiple (new seats
    for each old one) is written as a number, ``unit: count``, and read as it is (docs/packs.md)."""
    text = RATIO.format(denominator="enrollment.general_high_school", target='{op: ">=", value: 45}')
    status, stderr, rule_file = run(tmp_path / "share", text)
    assert status == 2
    assert (
        f"{rule_file}:{_target_at(text)}: c90.share.target.value: 规则 c90.share 的 target 写了 45" in stderr
    )
    multiple = text.replace("    time:", "    unit: count\n    time:")
    status, stderr, _ = run(tmp_path / "multiple", multiple)
    assert status in (0, 1), stderr
