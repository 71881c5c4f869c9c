"""A rule file's errors say what is true and what to write: a full-width comma between a list's items is a
slip at its column; a number YAML read as text (``2.5e4``, ``１００００``, ``45%``, ``2.5万``) is said as
such, with the number to write, not blamed on quotes never typed; a field the report model does not have names
the field meant (the closest, ``school.level``, the sum over a collection's items); a key of another kind of
rule is named as such; ``between`` takes two numbers; a pack without its unit list is said of ``pack.yaml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from factory import PACK_DIR, write_pack
from typer.testing import CliRunner

from zhijiao_check.cli import app
from zhijiao_check.pack.load import load_packs

from . import common

POLICY = "测试条款原文：全市建设公办中职学位2.5万个；职普比例大体相当；三年一轮的专业评估。"
RULES = """\
rules:
  - id: c90.seats
    title: {zh: 公办中职学位, en: Seats}
    clause: 90
    quote: 全市建设公办中职学位2.5万个
    scope: city
    kind: total
    of: public_secondary_vocational_seats
    target: {op: ">=", value: 25000}
    time: {due: 2025}
    responsible: [市教育局, 市财政局]

  - id: c90.share
    title: {zh: 职普比, en: Share}
    clause: 90
    quote: 职普比例大体相当
    scope: unit
    units: [county]
    kind: ratio
    numerator: [enrollment.secondary_vocational]
    denominator: [enrollment.secondary_vocational, enrollment.general_high_school]
    target: {op: ">=", value: 0.45}
    unit: ratio
    time: {every_year: 2022}

  - id: c90.evaluated
    title: {zh: 专业评估, en: Evaluated}
    clause: 90
    quote: 三年一轮的专业评估
    scope: school
    kind: every
    of:
      over: majors
      where: [{field: school.level, value: secondary}]
    require: [{field: evaluated_in, op: ">=", year_plus: -2}]
    time: {from: 2023}
"""


def rules(tmp_path: Path, old: str, new: str, *options: str) -> tuple[int, str, Path, str]:
    """``zhijiao-check rules --rules PACK`` with ``old`` replaced by ``new`` in the pack's rule file: exit
    status, standard error, the rule file and its text."""
    assert RULES.count(old) == 1, old
    text = RULES.replace(old, new)
    pack = write_pack(tmp_path / "pack", text, policy=POLICY)
    result = CliRunner().invoke(app, ["rules", "--rules", str(pack), *options])
    return result.exit_code, result.stderr, pack / "clause-90.yaml", text


def at(rule_file: Path, text: str, marker: str) -> str:
    """``file:line:column`` of the first ``marker`` in the rule file's text."""
    for number, line in enumerate(text.splitlines(), 1):
        if marker in line:
            return f"{rule_file}:{number}:{line.index(marker) + 1}"
    raise AssertionError(marker)


def test_the_pack_of_these_tests_loads(tmp_path: Path) -> None:
    status, stderr, _, _ = rules(tmp_path, "value: 25000", "value: 25000")
    assert status == 0, stderr


# ------------------------------------------------------------------------------ a full-width comma in a list


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "zh",
            "这里用了中文全角逗号“，”分隔列表项，YAML 把两边读作一项：[…] 中的各项之间应写英文逗号加空格“, ”",
        ),
        ("en", 'a full-width comma "，" between the items of a list here, which YAML reads as one item'),
    ],
)
def test_a_full_width_comma_between_the_items_of_a_list_is_an_error_at_the_comma(
    tmp_path: Path, lang: str, message: str
) -> None:
    """``[市教育局，市财政局]`` loaded as one responsible unit ``市教育局，市财政局``."""
    status, stderr, rule_file, text = rules(
        tmp_path, "[市教育局, 市财政局]", "[市教育局，市财政局]", "--lang", lang
    )
    assert status == 2
    assert f"{at(rule_file, text, '，市财政局')}: {message}" in stderr


def test_a_full_width_comma_in_a_list_of_codes_is_said_not_the_closest_code(tmp_path: Path) -> None:
    """``units: [county，city]`` was one unknown kind, and the closest named (``应写 county``) the
    wrong fix."""
    status, stderr, rule_file, text = rules(tmp_path, "units: [county]", "units: [county，city]")
    assert status == 2
    assert f"{at(rule_file, text, '，city')}: 这里用了中文全角逗号“，”" in stderr
    assert "应写 county" not in stderr


@pytest.mark.parametrize("comma", ["，", ", ", "、"])
def test_an_item_that_joins_two_values_of_a_list_of_codes_says_to_write_two_items(
    tmp_path: Path, comma: str
) -> None:
    """Quoted, the comma is no slip of YAML: the item was said to be no cluster, and ``应写 电子信息`` the
    one to write, which dropped 生物医药 (and then the target of 6 was said to be above the 5 values)."""
    pack, path = common.edited(
        tmp_path, "clause-07.yaml", "required: [生物医药, 电子信息,", f'required: ["生物医药{comma}电子信息",'
    )
    where = common.at(path, "required: [", '"')
    stderr = common.refused(pack)
    assert (
        f'{where}: c7.cluster-coverage.required[0]: required[0] 写了 "生物医药{comma}电子信息"，'
        "是用逗号连成一项的 2 个值（生物医药、电子信息）：应写成 2 项："
        "required: [生物医药, 电子信息, 先进装备制造, 农产品精深加工, 轻纺箱包制鞋, 新材料]"
    ) in stderr
    assert "应写 电子信息" not in stderr
    assert "target" not in stderr


def test_an_item_that_joins_two_codes_is_said_in_english_in_any_list_of_codes(tmp_path: Path) -> None:
    """``units: ["county, management_area"]`` was said to be no kind of unit, ``write county``."""
    status, stderr, rule_file, text = rules(
        tmp_path, "units: [county]", 'units: ["county, management_area"]', "--lang", "en"
    )
    assert status == 2
    where = at(rule_file, text, '"county, ')
    assert (
        f'{where}: rules[1].units[0]: units[0] is "county, management_area": 2 values '
        "joined by a comma into one item (county, management_area); write them as 2 items: "
        "units: [county, management_area]"
    ) in stderr


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("[市教育局, 市财政局]", '["市教育局，市财政局"]'),  # quoted: the comma is the author's text
        ("title: {zh: 职普比, en: Share}", "title: {zh: 职普比，中职与普高, en: Share}"),  # text in {…}
        ("    time: {due: 2025}", "    time: {due: 2025}  # 见 [附件，表2]"),  # a comment
        # text that holds brackets, not a list
        ("    scope: city", "    interpretation:\n      zh: 见附件[一，二]\n      en: x\n    scope: city"),
    ],
)
def test_a_full_width_comma_that_is_text_is_no_slip(tmp_path: Path, old: str, new: str) -> None:
    status, stderr, _, _ = rules(tmp_path, old, new)
    assert status == 0, stderr


# ------------------------------------------------------------------------------------ numbers read as text


@pytest.mark.parametrize(
    ("old", "new", "marker", "message"),
    [
        # no quotes: YAML 1.1 reads an exponent only after a point and with its sign
        (
            "value: 25000}",
            "value: 2.5e4}",
            "2.5e4",
            (
                "rules[0].target.value: value 写了 2.5e4，"
                "YAML 把它读作文字（科学记数法要有小数点和指数的正负号才是数，如 2.5e+4），"
                "但它取数值或列表 [ … ]，每项为数值：应写 value: 25000"
            ),
        ),
        (
            "    time: {due: 2025}",
            "    weight: 1e308\n    time: {due: 2025}",
            "1e308",
            (
                "rules[0].weight: weight 写了 1e308，"
                "YAML 把它读作文字（科学记数法要有小数点和指数的正负号才是数，"
                "如 2.5e+4），但它取大于 0 的数值：应写 weight: 1.0e+308"
            ),
        ),
        (
            "value: 25000}",
            "value: １００００}",
            "１００００",
            (
                "rules[0].target.value: value 写了 １００００，YAML 把它读作文字（全角数字不是数），"
                "但它取数值或列表 [ … ]，每项为数值：应写 value: 10000"
            ),
        ),
        (
            "value: 25000}",
            "value: 2.5万}",
            "2.5万}",
            (
                "rules[0].target.value: value 写了 2.5万，YAML 把它读作文字（“万”不是数），"
                "但它取数值或列表 [ … ]，每项为数值：应写 value: 25000"
            ),
        ),
        (
            "value: 0.45}",
            "value: 45%}",
            "45%",
            (
                "rules[1].target.value: value 写了 45%，YAML 把它读作文字（百分数不是数：比例写成小数），"
                "但它取数值或列表 [ … ]，每项为数值：应写 value: 0.45"
            ),
        ),
        (
            "value: 0.45}",
            "value: 50%}",
            "50%",
            (
                "rules[1].target.value: value 写了 50%，YAML 把它读作文字（百分数不是数：比例写成小数），"
                "但它取数值或列表 [ … ]，每项为数值：应写 value: 0.5"
            ),
        ),
        # in quotes, the quotes are what made it text
        (
            "value: 25000}",
            'value: "25000"}',
            '"25000"',
            (
                'rules[0].target.value: value 写了 "25000"，加了引号便是文字，'
                "但它取数值或列表 [ … ]，每项为数值：应写 value: 25000，不加引号"
            ),
        ),
    ],
)
def test_a_number_read_as_text_is_said_as_it_is_with_the_number_to_write(
    tmp_path: Path, old: str, new: str, marker: str, message: str
) -> None:
    """``value: 2.5e4`` was said to be quoted (it was not) and to be written ``value: 2.5e4``: the same."""
    status, stderr, rule_file, text = rules(tmp_path, old, new)
    assert status == 2
    assert f"{at(rule_file, text, marker)}: {message}" in stderr


def test_a_condition_s_number_in_full_width_digits_is_written_half_width(tmp_path: Path) -> None:
    """``value: １００００`` in a ``require:`` said ``应写 value: １００００``, the same digits."""
    status, stderr, rule_file, text = rules(
        tmp_path,
        'require: [{field: evaluated_in, op: ">=", year_plus: -2}]',
        'require: [{field: evaluated_in, op: ">=", value: ２０２１}]',
    )
    assert status == 2
    assert (
        f"{at(rule_file, text, '２０２１')}: c90.evaluated.require[0].value: "
        "规则 c90.evaluated 的条件写了 ２０２１，"
        "YAML 把它读作文字（全角数字不是数），但 evaluated_in 只取数值：应写 value: 2021"
    ) in stderr


def test_a_number_read_as_text_is_said_in_english(tmp_path: Path) -> None:
    status, stderr, _, _ = rules(tmp_path, "value: 0.45}", "value: 45%}", "--lang", "en")
    assert status == 2
    assert (
        "rules[1].target.value: value is 45%, which YAML reads as text (a percentage is not a number: "
        "a share is written as a fraction), but it takes a number or a list [ … ], each item a number: "
        "write value: 0.45"
    ) in stderr


# ------------------------------------------------------------------------------------------- fields and keys


@pytest.mark.parametrize(
    ("old", "new", "marker", "path", "message"),
    [
        # misspelt: the closest fields, best first
        (
            "of: public_secondary_vocational_seats",
            "of: public_secondary_vocational_seat",
            "public_secondary_vocational_seat",
            "c90.seats.of",
            (
                "规则 c90.seats 读取的字段 public_secondary_vocational_seat 不是报表格式中的字段："
                "应写其中之一（最相近的在前）："
                "public_secondary_vocational_seats、enrollment.secondary_vocational"
            ),
        ),
        # a field of the schools, misspelt in a sum over the report: the sum over the schools
        (
            "of: public_secondary_vocational_seats",
            "of: appropriation_per_studnet",
            "appropriation_per_studnet",
            "c90.seats.of",
            (
                "规则 c90.seats 读取的字段 appropriation_per_studnet 不是报表格式中的字段："
                "appropriation_per_student 是 schools 中各项的字段，"
                "逐项合计应写 {over: schools, field: appropriation_per_student}"
            ),
        ),
        # as explain shows what a rule reads
        (
            "of: public_secondary_vocational_seats",
            'of: "schools[].students"',
            '"schools[].students"',
            "c90.seats.of",
            (
                "规则 c90.seats 读取的字段 schools[].students"
                " 不是报表格式中的字段：students 是 schools 中各项的字段，"
                "逐项合计应写 {over: schools, field: students}"
            ),
        ),
        (
            "numerator: [enrollment.secondary_vocational]",
            "numerator: [schools.teachers]",
            "schools.teachers",
            "c90.share.numerator[0]",
            (
                "规则 c90.share 读取的字段 schools.teachers "
                "不是报表格式中的字段：teachers 是 schools 中各项的字段，"
                "逐项合计应写 {over: schools, field: teachers}"
            ),
        ),
        # a school's field in a rule over majors: it is in the report format, on the major's school
        (
            "{field: school.level, value: secondary}",
            "{field: level, value: secondary}",
            "level",
            "c90.evaluated.of.where[0].field",
            (
                "规则 c90.evaluated 读取的字段 level 不是 majors 中各项的字段："
                "level 是 majors 中各项所属学校的字段，应写 school.level"
            ),
        ),
        (
            "over: majors",
            "over: major",
            "major",
            "c90.evaluated.of.over",
            "规则 c90.evaluated 读取的字段 major 不是报表格式中的字段：应写 majors",
        ),
    ],
)
def test_a_field_the_report_does_not_have_names_what_to_write(
    tmp_path: Path, old: str, new: str, marker: str, path: str, message: str
) -> None:
    status, stderr, rule_file, text = rules(tmp_path, old, new)
    assert status == 2
    assert f"{at(rule_file, text, marker)}: {path}: {message}" in stderr


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "zh",
            (
                "规则 c11.dual-qualified-share 读取的字段 teacher 不是 schools 中各项的字段："
                "应写其中之一（最相近的在前）：teachers、"
            ),
        ),
        (
            "en",
            (
                "rule c11.dual-qualified-share reads teacher, which is not a field of the items of schools: "
                "write one of the closest, best first: teachers, "
            ),
        ),
    ],
)
def test_a_sum_s_otherwise_field_the_report_does_not_have_names_what_to_write(
    tmp_path: Path, lang: str, message: str
) -> None:
    """``otherwise: teacher`` loaded: a school without professional_teachers then read as missing, not as its
    teachers."""
    pack, path = common.edited(tmp_path, "clause-11.yaml", "otherwise: teachers}", "otherwise: teacher}")
    where = common.at(path, "otherwise: teacher}", "teacher}")
    assert f"{where}: c11.dual-qualified-share.denominator[0].otherwise: {message}" in common.refused(
        pack, lang
    )


def test_a_field_of_the_items_is_said_in_english(tmp_path: Path) -> None:
    status, stderr, _, _ = rules(
        tmp_path,
        "{field: school.level, value: secondary}",
        "{field: level, value: secondary}",
        "--lang",
        "en",
    )
    assert status == 2
    assert (
        "rule c90.evaluated reads level, which is not a field of the items of majors: level is a field of "
        "the school of each item of majors: write school.level"
    ) in stderr


def test_a_collection_summed_is_said_to_be_a_list_of_items_with_the_sum_to_write(tmp_path: Path) -> None:
    """``of: schools`` said schools took 一组值（用 contains 判断…）: no advice for a list of schools."""
    status, stderr, rule_file, text = rules(tmp_path, "of: public_secondary_vocational_seats", "of: schools")
    assert status == 2
    assert (
        f"{at(rule_file, text, 'schools')}: c90.seats.of: 规则 c90.seats 合计 schools，但它是一组项"
        "（每项有自己的字段），不是数：应写 {over: schools, field: …}，field 取各项中能合计的字段之一："
        "established, upgraded, students, "
    ) in stderr
    assert "contains" not in stderr


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "zh",
            (
                "rules[0].by_unt: 没有 by_unt 这个键："
                "by_unit 只用于 ratio 规则，total 规则不能写它（可写的键：kind、id、"
            ),
        ),
        (
            "en",
            (
                "rules[0].by_unt: there is no key by_unt: "
                "by_unit is a key of ratio rules only, not of a total rule"
            ),
        ),
    ],
)
def test_a_misspelt_key_of_another_kind_is_named_as_that_kind_s(
    tmp_path: Path, lang: str, message: str
) -> None:
    """``by_unt`` on a total rule said ``应写 unit``: a key of the total rule, but not the one meant."""
    status, stderr, rule_file, text = rules(
        tmp_path, "    time: {due: 2025}", "    by_unt: true\n    time: {due: 2025}", "--lang", lang
    )
    assert status == 2
    assert f"{at(rule_file, text, 'by_unt')}: {message}" in stderr


def test_a_misspelt_key_of_the_rule_s_own_kind_is_named(tmp_path: Path) -> None:
    status, stderr, _, _ = rules(tmp_path, "    unit: ratio", "    unti: ratio")
    assert status == 2
    assert "rules[1].unti: 没有 unti 这个键：应写 unit（" in stderr


# ----------------------------------------------------------------------------------------- between, units


@pytest.mark.parametrize(
    ("new", "marker", "lang", "message"),
    [
        (
            "target: {op: between, value: 1}",
            "1}",
            "zh",
            "rules[0].target.value: op 为 between 时 value 写两个数 [下限, 上限]，如 value: [1, 2]",
        ),
        (
            "target: {op: between, value: [1]}",
            "[1]",
            "en",
            "rules[0].target.value: op between takes two numbers, value: [low, high], such as value: [1, 2]",
        ),
        (
            'target: {op: ">=", value: [1, 2]}',
            "[1, 2]",
            "zh",
            (
                "rules[0].target.value: op 为 >= 时 value 写一个数，"
                "如 value: 0.45；两个数 [下限, 上限] 只用于 op: between"
            ),
        ),
    ],
)
def test_between_takes_two_numbers_and_the_other_operators_one(
    tmp_path: Path, new: str, marker: str, lang: str, message: str
) -> None:
    """Between with one number said 其他运算符（这里是 between）写一个数: between is no other operator."""
    status, stderr, rule_file, text = rules(tmp_path, 'target: {op: ">=", value: 25000}', new, "--lang", lang)
    assert status == 2
    assert f"{at(rule_file, text, marker)}: {message}" in stderr
    assert "这里是 between" not in stderr


def _pack_without_units(tmp_path: Path, named: bool) -> Path:
    pack = write_pack(tmp_path / "s2", RULES, policy=POLICY)
    (pack / "units.yaml").unlink()
    if named:
        info = pack / "pack.yaml"
        info.write_text(info.read_text(encoding="utf-8") + "units: s2-units.yaml\n", encoding="utf-8")
    return pack


def test_a_pack_without_its_unit_list_is_said_of_pack_yaml(tmp_path: Path) -> None:
    """It said ``s2/units.yaml: 路径不存在``: not which key names it, nor why an added pack needs one."""
    pack = _pack_without_units(tmp_path, named=False)
    result = CliRunner().invoke(app, ["rules", "--rules", str(pack)])
    assert result.exit_code == 2
    assert (
        f"{pack / 'pack.yaml'}: 规则包缺少单位名单 {pack / 'units.yaml'}"
        "（pack.yaml 未写 units: 时读 units.yaml）："
        "每个规则包都须有单位名单"
    ) in result.stderr
    assert "只检查、不使用" in result.stderr


def test_a_unit_list_pack_yaml_names_that_is_missing_is_said_at_its_units_key(tmp_path: Path) -> None:
    pack = _pack_without_units(tmp_path, named=True)
    result = CliRunner().invoke(app, ["rules", "--rules", str(pack), "--lang", "en"])
    assert result.exit_code == 2
    line = len((pack / "pack.yaml").read_text(encoding="utf-8").splitlines())
    assert (
        f"{pack / 'pack.yaml'}:{line}:8: units: the unit list {pack / 's2-units.yaml'} does not exist: "
        "correct the name, or write the file; every pack needs a unit list"
    ) in result.stderr


def test_a_pack_replacing_the_main_one_takes_its_place_and_gives_the_units(tmp_path: Path) -> None:
    """``--rules ADDED --rules REPLACEMENT``: the replacement of the main pack was put last, and the added
    pack's unit list (``packs[0].units``) became the one reports were checked against."""
    added = write_pack(tmp_path / "added", RULES, policy=POLICY)
    units = (added / "units.yaml").read_text(encoding="utf-8")
    (added / "units.yaml").write_text(units.replace("冷水滩区", "冷水滩新区"), encoding="utf-8")
    replacement = tmp_path / "replacement"
    shutil.copytree(PACK_DIR, replacement)
    packs = load_packs([added, replacement])
    assert [pack.id for pack in packs] == ["yzf-2021-7", "test-pack"]
    assert packs[0].directory == replacement
    assert "冷水滩区" in [unit.name for unit in packs[0].units]
