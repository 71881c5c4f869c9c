"""A rule's clause and annex item are the policy's: a quote in the text of the clause the rule names (where
the policy's headings name clauses), an annex item ``pack.yaml`` lists; and in ``pack.yaml``, clauses the text
has and annex items serving listed clauses. Each was accepted: a rule naming clause 1 for a quote of clause 16
was listed under clause 1 by ``coverage``; ``annex: 17`` of a 16-item annex named no responsible units."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from factory import PACK_DIR, write_pack

from .common import at, edited, refused, run


def test_a_quote_of_another_clause_is_refused_at_the_clause_naming_the_clause_it_is_in(
    tmp_path: Path,
) -> None:
    pack, path = edited(tmp_path, "clause-16.yaml", "    clause: 16", "    clause: 1")
    where = at(path, "clause: 1", "1")
    assert (
        f"{where}: c16.secondary-funding.clause: 规则 c16.secondary-funding 的 quote 不在第1条的原文中，"
        "而在第16条：应写 clause: 16，或摘录第1条的原文"
    ) in refused(pack)
    assert (
        f"{where}: c16.secondary-funding.clause: the quote of rule c16.secondary-funding is not in the text "
        "of clause 1 but in clause 16: write clause: 16, or quote the text of clause 1"
    ) in refused(pack, "en")
    # what it did: ``coverage`` listed it under clause 1
    assert "c16.secondary-funding" not in run("coverage", "--rules", pack).stdout


def test_a_quote_of_the_annex_only_is_refused_at_the_quote(tmp_path: Path) -> None:
    """Annex item 11 says ``支持新建1-2高职院校``; clause 3 says ``1-2所``."""
    pack, path = edited(
        tmp_path, "clause-03.yaml", "quote: 支持新建1-2所高职院校", "quote: 支持新建1-2高职院校"
    )
    policy = pack / "policy.md"
    # the words of clause 3 nearest it, to write instead (pack.policy.nearest over the clause's passages)
    assert (
        f"{at(path, 'quote:', '支持')}: c3.new-higher-colleges.quote: 规则 c3.new-higher-colleges 的 quote "
        "不在第3条的原文中，也不在其他条款中（在序言、附件等条款之外）：应摘录第3条原文中的一句；"
        f"其中最接近的是 {policy}:34 的“支持新建1-2所高职院校”：应写 quote: 支持新建1-2所高职院校\n"
    ) in refused(pack)
    assert (
        'quote a sentence of clause 3; its nearest is "支持新建1-2所高职院校" at '
        f"{policy}:34: write quote: 支持新建1-2所高职院校\n"
    ) in refused(pack, "en")


def test_a_quote_not_in_the_policy_is_told_the_words_of_its_clause_first(tmp_path: Path) -> None:
    """Annex item 11's ``支持新建1-2高职院校`` is nearer ``1-2个`` than clause 3's ``1-2所``, but writing it
    would be refused next (it is in no clause): the words of the rule's clause are named."""
    pack, path = edited(
        tmp_path, "clause-03.yaml", "quote: 支持新建1-2所高职院校", "quote: 支持新建1-2个高职院校"
    )
    assert (
        f"{at(path, 'quote:', '支持')}: c3.new-higher-colleges.quote: 规则 c3.new-higher-colleges 的 quote "
        "在政策原文中找不到"
    ) in (stderr := refused(pack))
    assert (
        f"最接近的是 {pack / 'policy.md'}:34 的“支持新建1-2所高职院校”：应写 quote: 支持新建1-2所高职院校\n"
        in stderr
    )


def test_an_annex_item_the_pack_does_not_list_is_refused_at_the_annex(tmp_path: Path) -> None:
    pack, path = edited(tmp_path, "clause-16.yaml", "    annex: 16", "    annex: 17")
    assert (
        f"{at(path, 'annex: 17', '17')}: c16.secondary-funding.annex: 规则 c16.secondary-funding 的 annex 17 "
        "不在 pack.yaml 的 annex 中（工作任务清单列有第 1–16 项）：应写其中一项"
    ) in refused(pack)
    assert "gives annex 17, which pack.yaml's annex does not list (its work list has items 1–16)" in refused(
        pack, "en"
    )


def test_an_annex_item_serving_a_clause_the_pack_does_not_list_is_refused_in_pack_yaml(
    tmp_path: Path,
) -> None:
    pack, path = edited(tmp_path, "pack.yaml", "{item: 16, clauses: [16]}", "{item: 16, clauses: [18]}")
    assert (
        f"{at(path, 'item: 16', '18')}: annex[15].clauses[0]: annex 第 16 项列了第 18 条，"
        "但 clauses 中没有这一条（列有 1–17）：应写其中的条款号"
    ) in refused(pack)


def test_an_annex_item_listed_twice_is_refused_at_the_second(tmp_path: Path) -> None:
    """A rule's item is read by its number, from the first: the second's clauses were never read."""
    pack, path = edited(
        tmp_path,
        "pack.yaml",
        "  - {item: 16, clauses: [16]}\n",
        "  - {item: 16, clauses: [16]}\n  - {item: 16, clauses: [17]}\n",
    )
    first = at(path, "{item: 16, clauses: [16]}", "16").rsplit(":", 1)[0]
    where = at(path, "{item: 16, clauses: [17]}", "16")
    assert (
        f"{where}: annex[16].item: annex 第 16 项写了两次（首次在 {first}）："
        "规则按项号只读第一次写的 clauses：应把它服务的条款并入那一项并删去这一项，或改正项号"
    ) in refused(pack)
    assert (
        f"{where}: annex[16].item: annex item 16 is listed twice (first at {first}): a rule's item is read "
        "by its number, from the first"
    ) in refused(pack, "en")


def test_a_clause_the_policy_has_no_heading_for_is_refused_in_pack_yaml(tmp_path: Path) -> None:
    pack, path = edited(tmp_path, "pack.yaml", "  - number: 17\n", "  - number: 18\n")
    stderr = refused(pack)
    assert (
        f"{at(path, 'number: 18', '18')}: clauses[16].number: clauses 列有第 18 条，"
        f"但政策原文 {pack / 'policy.md'} 没有“第18条”的标题（有第 1–17 条）：应写原文中的条款号"
    ) in stderr


RULE = """\
rules:
  - id: c90.freeze
    title: {{zh: 测试, en: Test}}
    clause: {clause}
    quote: 职普比未达标时压缩招生
    scope: unit
    units: [county]
    kind: flag
    field: unified_enrollment
    time: {{every_year: 2022}}
"""


@pytest.mark.parametrize(
    ("policy", "clause", "error"),
    [
        # no heading names a clause: the whole text is the clause's
        ("测试条款原文：职普比未达标时压缩招生。", 90, None),
        # headings in Chinese numerals
        ("## 第九十条 测试条款\n\n职普比未达标时压缩招生。\n\n## 第九十一条 其他\n\n其他。\n", 90, None),
        (
            "## 第九十条 测试条款\n\n其他。\n\n## 第九十一条 其他\n\n职普比未达标时压缩招生。\n",
            90,
            "规则 c90.freeze 的 quote 不在第90条的原文中，而在第91条：应写 clause: 91",
        ),
        # a deeper heading inside a clause is part of it; a heading of the clause's level ends it
        ("### 第90条 测试\n\n#### 一、\n\n职普比未达标时压缩招生。\n\n### 第91条 其他\n", 90, None),
        (
            "### 第90条 测试\n\n其他。\n\n### 附\n\n职普比未达标时压缩招生。\n\n### 第91条 其他\n",
            90,
            "不在第90条的原文中，也不在其他条款中",
        ),
    ],
)
def test_a_clause_is_the_text_under_its_heading(
    tmp_path: Path, policy: str, clause: int, error: str | None
) -> None:
    pack = write_pack(tmp_path / "extra", RULE.format(clause=clause), policy=policy)
    info = pack / "pack.yaml"
    info.write_text(
        info.read_text(encoding="utf-8").replace(
            "  - {number: 90, title: {zh: 测试条款, en: Test clause}}\n",
            "  - {number: 90, title: {zh: 测试条款, en: Test clause}}\n"
            "  - {number: 91, title: {zh: 其他, en: Other}}\n",
        ),
        encoding="utf-8",
    )
    result = run("rules", "--rules", pack)
    if error is None:
        assert result.exit_code == 0, result.stderr
    else:
        assert result.exit_code == 2
        assert error in result.stderr


def test_the_demo_pack_of_numbered_paragraphs_and_the_built_in_pack_load(tmp_path: Path) -> None:
    demo = Path(__file__).parent / "demo" / "pack"
    assert run("rules", "--pack", demo).exit_code == 0
    pack = tmp_path / "pack"
    shutil.copytree(PACK_DIR, pack)
    assert run("rules", "--rules", pack).exit_code == 0
