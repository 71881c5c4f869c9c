"""Loading rule packs: a ``when`` may name a rule of a pack loaded before, never a later or unknown one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factory import write_pack

from zhijiao_check.errors import FatalError
from zhijiao_check.i18n import Translator
from zhijiao_check.pack.load import load_packs
from zhijiao_check.vocabulary import Text

POLICY = "测试条款原文：职普比未达标时压缩招生。"
RULE = """\
rules:
  - id: c90.{name}
    title: {{zh: 测试, en: Test}}
    clause: 90
    quote: 职普比未达标时压缩招生
    scope: unit
    units: [county]
    kind: total
    when: {{rule: {when}, status: [fail]}}
    of: general_high_school_plan.next
    compare_to: general_high_school_plan.current
    target: {{op: "<="}}
    unit: persons
    time: {{every_year: 2022}}
"""


def test_a_when_may_name_a_rule_of_the_built_in_pack(tmp_path: Path) -> None:
    pack = write_pack(
        tmp_path / "extra", RULE.format(name="freeze", when="c1.vocational-share"), policy=POLICY
    )
    packs = load_packs([pack])
    assert [p.id for p in packs] == ["yzf-2021-7", "test-pack"]
    assert packs[1].rules[0].when.rule == "c1.vocational-share"


def test_a_when_naming_no_earlier_rule_is_a_located_error(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "extra", RULE.format(name="freeze", when="c90.later"), policy=POLICY)
    with pytest.raises(FatalError) as raised:
        load_packs([pack])
    (problem,) = raised.value.problems
    # at the rule it names, not at column 1 of the rule's first line
    assert (problem.code, problem.line, problem.column, problem.path) == (
        "when-unknown-rule",
        9,
        18,
        "c90.freeze.when.rule",
    )
    assert problem.file.endswith("clause-90.yaml")


def test_a_when_naming_no_earlier_rule_is_located_at_the_rule_it_names_in_a_kept_pack_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check runs across packs on every load: a pack read back from the cache keeps where its ``when``
    names a rule."""
    monkeypatch.setenv("ZHIJIAO_CHECK_CACHE", str(tmp_path / "cache"))
    pack = write_pack(tmp_path / "extra", RULE.format(name="freeze", when="c90.later"), policy=POLICY)
    for _ in range(2):  # the second load reads the pack back
        with pytest.raises(FatalError) as raised:
            load_packs([pack])
        (problem,) = raised.value.problems
        assert (problem.line, problem.column) == (9, 18)


def run_with(tmp_path: Path, text: str, *options: str) -> tuple[int, str, Path]:
    """``zhijiao-check check dongan.yaml --rules PACK -q`` with ``text`` as the pack's rule file: exit status,
    standard error, the rule file."""
    from factory import SAMPLES
    from typer.testing import CliRunner

    from zhijiao_check.cli import app

    pack = write_pack(tmp_path / "extra", text, policy=POLICY)
    report = SAMPLES / "2023" / "dongan.yaml"
    result = CliRunner().invoke(app, ["check", str(report), "--rules", str(pack), "-q", *options])
    return result.exit_code, result.stderr, pack / "clause-90.yaml"


FREEZE = RULE.format(name="freeze", when="c1.vocational-share")


def at(rule_file: Path, text: str, marker: str) -> str:
    """``file:line:column`` of the first ``marker`` in the rule file's text."""
    for number, line in enumerate(text.splitlines(), 1):
        if marker in line:
            return f"{rule_file}:{number}:{line.index(marker) + 1}"
    raise AssertionError(marker)


# Pydantic's words and a Python dict dump, which a rule file's author was shown before
PYDANTIC = ("{'", "Field required", "Value error", "Input should", "Extra inputs", "Unexpected keyword")


@pytest.mark.parametrize(
    ("edit", "marker", "message"),
    [
        # a missing key: at the rule that lacks it
        (
            ("    quote: 职普比未达标时压缩招生\n", ""),
            "id: c90",
            "rules[0].quote: 缺少 quote：应写 quote，它取至少 4 个字符的文字",
        ),
        # a key the rule does not have: at the key, the key meant named
        (
            ("    unit: persons", "    unit: persons\n    unti: persons"),
            "unti:",
            "rules[0].unti: 没有 unti 这个键：应写 unit（可写的键：kind、id、title、",
        ),
        (
            ('target: {op: "<="}', 'targt: {op: "<="}'),
            "targt:",
            "rules[0].targt: 没有 targt 这个键：应写 target（",
        ),
        # a record's own check: at the record, or at the key it names
        (
            ("{every_year: 2022}", "{every_year: 2022, due: 2023}"),
            "{every_year",
            (
                "rules[0].time: time 写了 due、every_year，只能写 due、every_year、from 之一：每年判定写 "
                "{every_year: 2022}，到某年达成写 {due: 2025}"
            ),
        ),
        (
            ("{every_year: 2022}", "{every_year: 2022, linear: true}"),
            "true",
            (
                "rules[0].time.linear: linear 只用于 due（到某年达成，之前按进度判定）："
                "every_year 的规则每年判定，"
                "应删去 linear，或写 {due: 2025, linear: true}"
            ),
        ),
        # a value out of range, of the wrong type, a number in quotes: at the value
        (
            ("clause: 90", "clause: 100"),
            "100",
            "rules[0].clause: clause 写了 100，但它取不小于 1 且不大于 99 的整数",
        ),
        (
            ("    unit: persons", "    unit: persons\n    weight: -1"),
            "-1",
            "rules[0].weight: weight 写了 -1，但它取大于 0 的数值",
        ),
        (
            ("    unit: persons", "    unit: persons\n    responsible: 市教育局"),
            "市教育局",
            (
                'rules[0].responsible: responsible 写了 "市教育局"，但它取列表 [ … ]，每项为文字：'
                "应写 responsible: [市教育局]"
            ),
        ),
        (
            ("{every_year: 2022}", '{due: "2025"}'),
            '"2025"',
            (
                'rules[0].time.due: due 写了 "2025"，加了引号便是文字，'
                "但它取不小于 1900 且不大于 2100 的整数："
                "应写 due: 2025，不加引号"
            ),
        ),
        (
            ("status: [fail]", "status: [failed]"),
            "failed",
            'rules[0].when.status[0]: status[0] 写了 "failed"，但它取 pass、fail、',
        ),
        (
            ("compare_to: general_high_school_plan.current", "compare_to: {fild: x}"),
            "fild",
            "rules[0].compare_to.fild: 没有 fild 这个键：应写 field",
        ),
    ],
)
def test_a_rule_that_does_not_fit_the_vocabulary_is_said_at_the_value_in_the_words_of_the_tool(
    tmp_path: Path, edit: tuple[str, str], marker: str, message: str
) -> None:
    """Pydantic said each in English, with the rule or value as a Python dict."""
    text = FREEZE.replace(*edit)
    status, stderr, rule_file = run_with(tmp_path, text)
    assert status == 2
    assert f"{at(rule_file, text, marker)}: {message}" in stderr
    assert not [words for words in PYDANTIC if words in stderr]


@pytest.mark.parametrize(
    ("edit", "marker", "message"),
    [
        (
            ("    quote: 职普比未达标时压缩招生\n", ""),
            "id: c90",
            "rules[0].quote: quote is missing: write quote, which takes text of at least 4 characters",
        ),
        (
            ("{every_year: 2022}", "{every_year: 2022, due: 2023}"),
            "{every_year",
            "rules[0].time: time gives due, every_year, but takes only one of due, every_year, from",
        ),
        (
            ("    unit: persons", "    unit: persons\n    weight: -1"),
            "-1",
            "rules[0].weight: weight is -1, but it takes a number greater than 0",
        ),
    ],
)
def test_a_rule_that_does_not_fit_the_vocabulary_is_said_in_english_with_lang_en(
    tmp_path: Path, edit: tuple[str, str], marker: str, message: str
) -> None:
    text = FREEZE.replace(*edit)
    status, stderr, rule_file = run_with(tmp_path, text, "--lang", "en")
    assert status == 2
    assert f"{at(rule_file, text, marker)}: {message}" in stderr
    assert not [words for words in PYDANTIC if words in stderr]


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "zh",
            (
                "rules[0].kind: 没有 totl 这种规则类型（kind）：应写 kind: total"
                "（可选 ratio、total、count、flag、every、coverage）"
            ),
        ),
        (
            "en",
            (
                "rules[0].kind: there is no rule kind totl: write kind: total "
                "(the kinds: ratio, total, count, flag, every, coverage)"
            ),
        ),
    ],
)
def test_a_misspelt_kind_is_located_at_the_kind_in_the_language_of_the_run(
    tmp_path: Path, lang: str, message: str
) -> None:
    """Pydantic said it at the rule's first line, in English, with the whole rule as a Python dict."""
    status, stderr, rule_file = run_with(
        tmp_path, FREEZE.replace("kind: total", "kind: totl"), "--lang", lang
    )
    assert status == 2
    assert f"{rule_file}:8:11: {message}" in stderr
    assert "{'id'" not in stderr


def test_a_missing_kind_lists_the_kinds(tmp_path: Path) -> None:
    status, stderr, rule_file = run_with(tmp_path, FREEZE.replace("    kind: total\n", ""))
    assert status == 2
    assert (
        f"{rule_file}:2:5: rules[0]: 规则缺少 kind：应写 ratio、total、count、flag、every、coverage 之一"
        in stderr
    )


def test_a_quote_not_in_the_policy_is_located_at_the_quote(tmp_path: Path) -> None:
    status, stderr, rule_file = run_with(tmp_path, FREEZE.replace("压缩招生", "扩大招生"))
    assert status == 2
    assert f"{rule_file}:5:12: c90.freeze.quote: 规则 c90.freeze 的 quote 在政策原文中找不到" in stderr


@pytest.mark.parametrize(("quote", "count"), [('"      "', 0), ('"职 　 业 \\t "', 2)])
def test_a_quote_of_white_space_is_refused(tmp_path: Path, quote: str, count: int) -> None:
    """Nothing is left of it to compare once white space is removed, and nothing is in every text."""
    status, stderr, rule_file = run_with(
        tmp_path, FREEZE.replace("quote: 职普比未达标时压缩招生", f"quote: {quote}")
    )
    assert status == 2
    assert (
        f"{rule_file}:5:12: c90.freeze.quote: 规则 c90.freeze 的 quote 去掉空白后只剩 {count} 个字符"
        in stderr
    )


def test_a_clause_pack_yaml_does_not_list_is_refused(tmp_path: Path) -> None:
    """It was accepted, and the rule was missing from ``coverage``."""
    status, stderr, rule_file = run_with(tmp_path, FREEZE.replace("clause: 90", "clause: 91"))
    assert status == 2
    assert (
        f"{rule_file}:4:13: c90.freeze.clause: "
        "规则 c90.freeze 的 clause 91 不在 pack.yaml 的 clauses 中（列有 90）"
    ) in stderr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# 第90条\n", "1:1: 规则文件为空（或只有注释）：应写 rules: 列表"),
        ("- id: c90.freeze\n", "1:1: 规则文件顶层应为 rules: 列表，每项一条规则；实际是列表"),
    ],
)
def test_an_empty_rule_file_says_it_needs_rules(tmp_path: Path, text: str, message: str) -> None:
    """Not the report reader's words (``请按模板填写报表（zhijiao-check template）``)."""
    status, stderr, rule_file = run_with(tmp_path, text)
    assert status == 2
    assert f"{rule_file}:{message}" in stderr
    assert "template" not in stderr


@pytest.mark.parametrize("name", ["pack.yaml", "units.yaml"])
def test_an_empty_pack_file_is_named_not_called_a_report(tmp_path: Path, name: str) -> None:
    pack = write_pack(tmp_path / "extra", FREEZE, policy=POLICY)
    (pack / name).write_text("# 待填写\n", encoding="utf-8")
    with pytest.raises(FatalError) as raised:
        load_packs([pack])
    problem = next(p for p in raised.value.problems if p.code != "rules-wait-for-pack-file")
    assert (problem.code, problem.line, problem.column) == ("empty-pack-file", 1, 1)
    assert problem.file.endswith(name) and problem.params == {"name": name}


@pytest.mark.parametrize(
    ("name", "edit", "where", "message"),
    [
        (
            "units.yaml",
            ('code: "431102"', "code: 431102"),
            "4:37",
            'units[0].code: code 写了 431102，但它取文字：应写 code: "431102"',
        ),
        (
            "pack.yaml",
            ("policy: policy.md", "policy: policy.md\npolcy: x"),
            "6:1",
            "polcy: 没有 polcy 这个键：应写 policy（可写的键：id、document、title、issued、",
        ),
    ],
)
def test_a_pack_file_that_does_not_fit_is_said_in_the_words_of_the_tool(
    tmp_path: Path, name: str, edit: tuple[str, str], where: str, message: str
) -> None:
    """``pack.yaml`` and the units file go the same way as a rule file: Pydantic said them in English."""
    from factory import SAMPLES
    from typer.testing import CliRunner

    from zhijiao_check.cli import app

    pack = write_pack(tmp_path / "extra", FREEZE, policy=POLICY)
    (pack / name).write_text((pack / name).read_text(encoding="utf-8").replace(*edit, 1), encoding="utf-8")
    report = SAMPLES / "2023" / "dongan.yaml"
    result = CliRunner().invoke(app, ["check", str(report), "--rules", str(pack), "-q"])
    assert result.exit_code == 2
    assert f"{pack / name}:{where}: {message}" in result.stderr
    assert not [words for words in PYDANTIC if words in result.stderr]


def test_a_rule_file_named_yml_is_read_as_one_named_yaml_in_name_order(tmp_path: Path) -> None:
    """It was silently skipped (its rules missing from every run), though reports may be named ``*.yml``."""
    from typer.testing import CliRunner

    from zhijiao_check.cli import app

    pack = write_pack(
        tmp_path / "extra",
        RULE.format(name="second", when="c1.vocational-share"),
        policy=POLICY,
        file_name="clause-90b.yml",
    )
    (pack / "clause-90a.yaml").write_text(RULE.format(name="first", when="c1.vocational-share"), "utf-8")
    (pack / "clause-90c.yaml").write_text(RULE.format(name="third", when="c90.second"), "utf-8")
    result = CliRunner().invoke(app, ["rules", "--rules", str(pack), "--format", "json"])
    assert result.exit_code == 0, result.output
    listed = [(rule["id"], rule["source"]) for rule in json.loads(result.stdout)[-3:]]
    assert listed == [
        ("c90.first", f"{pack / 'clause-90a.yaml'}:2"),
        ("c90.second", f"{pack / 'clause-90b.yml'}:2"),
        ("c90.third", f"{pack / 'clause-90c.yaml'}:2"),
    ]


def test_a_rule_id_twice_in_a_pack_is_located_at_the_second_id(tmp_path: Path) -> None:
    """At the ``id:`` value (it was column 1 of the rule's line)."""
    text = FREEZE + FREEZE.removeprefix("rules:\n")
    status, stderr, rule_file = run_with(tmp_path, text)
    assert status == 2
    assert f"{rule_file}:15:9: rules[1].id: 规则 ID c90.freeze 重复，首次出现在 {rule_file}:2" in stderr


def test_a_clause_title_in_one_language_only_is_a_located_error(tmp_path: Path) -> None:
    """A clause's title is given in both languages, as a rule's is (``coverage --lang en``)."""
    pack = write_pack(
        tmp_path / "extra", RULE.format(name="freeze", when="c1.vocational-share"), policy=POLICY
    )
    info = pack / "pack.yaml"
    info.write_text(
        info.read_text(encoding="utf-8").replace("{zh: 测试条款, en: Test clause}", "测试条款"),
        encoding="utf-8",
    )
    with pytest.raises(FatalError) as raised:
        load_packs([pack])
    waiting, problem = raised.value.problems  # the rules' checks that need pack.yaml, said once
    assert (waiting.file, waiting.code) == (str(info), "rules-wait-for-pack-file")
    assert (problem.file, problem.line, problem.column, problem.path) == (
        str(info),
        7,
        25,
        "clauses[0].title",
    )
    assert "{zh: …, en: …}" in problem.message(Translator("en"))


def test_a_body_the_pack_names_in_english_is_said_in_english_and_another_as_written(tmp_path: Path) -> None:
    pack = write_pack(
        tmp_path / "extra", RULE.format(name="freeze", when="c1.vocational-share"), policy=POLICY
    )
    info = pack / "pack.yaml"
    bodies = "bodies: {市教育局: Yongzhou Municipal Education Bureau}\n"
    info.write_text(info.read_text(encoding="utf-8") + bodies, encoding="utf-8")
    loaded = load_packs([pack])[1].info
    assert loaded.body("市教育局") == Text(zh="市教育局", en="Yongzhou Municipal Education Bureau")
    assert loaded.body("市应急管理局") == Text(zh="市应急管理局", en="市应急管理局")
