"""Loading rule packs: a ``when`` may name a rule of a pack loaded before, never a later or unknown one."""

from __future__ import annotations

from pathlib import Path

import pytest
from factory import write_pack

from zhijiao_check.errors import FatalError
from zhijiao_check.pack.load import load_packs

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
    assert (problem.code, problem.line, problem.path) == ("when-unknown-rule", 2, "c90.freeze.when")
    assert problem.file.endswith("clause-90.yaml")


@pytest.mark.parametrize(
    ("edit", "line", "path", "message"),
    [
        # a record refuses an unknown key in other words than a model did: the pack loader words it as before
        (
            ("    unit: persons", "    unit: persons\n    unti: persons"),
            14,
            "rules[0].unti",
            "Extra inputs are not permitted",
        ),
        (
            ("{every_year: 2022}", "{every_year: 2022, due: 2023}"),
            14,
            "rules[0].time",
            "Value error, give exactly one",
        ),
        (("clause: 90", "clause: 0"), 4, "rules[0].clause", "Input should be greater than or equal to 1"),
        (
            ("compare_to: general_high_school_plan.current", "compare_to: {fild: x}"),
            11,
            "rules[0].compare_to.field",
            "Field required",
        ),
    ],
)
def test_a_rule_that_does_not_fit_the_vocabulary_is_a_located_error(
    tmp_path: Path, edit: tuple[str, str], line: int, path: str, message: str
) -> None:
    text = RULE.format(name="freeze", when="c1.vocational-share").replace(*edit)
    pack = write_pack(tmp_path / "extra", text, policy=POLICY)
    with pytest.raises(FatalError) as raised:
        load_packs([pack])
    problem = raised.value.problems[0]
    assert (problem.code, problem.line, problem.path) == ("invalid-field", line, path)
    assert problem.params["message"].startswith(message)
