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
