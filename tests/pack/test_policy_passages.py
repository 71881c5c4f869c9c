"""A rule's quote is the policy's own words within one passage of ``policy.md`` (a paragraph, a heading's
text, a list item, a table cell): not across a paragraph break, not with the Markdown around the text, not in
the transcriber's note after ``---``. One that is not names the words of the policy nearest it, to write
instead.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from factory import PACK_DIR
from typer.testing import CliRunner

from zhijiao_check.cli import app
from zhijiao_check.pack.policy import clause_passages, nearest, passages, quoted_in

FUNDING = "    quote: 公办中职学校生均拨款不低于10000元/年\n"


def with_quote(tmp_path: Path, quote: str, *options: str) -> tuple[int, str, Path]:
    """``rules --rules PACK`` with a copy of the built-in pack whose c16.secondary-funding quotes ``quote``:
    exit status, standard error, the rule file."""
    pack = Path(shutil.copytree(PACK_DIR, tmp_path / "pack"))
    rule_file = pack / "clause-16.yaml"
    text = rule_file.read_text(encoding="utf-8")
    assert text.count(FUNDING) == 1
    rule_file.write_text(text.replace(FUNDING, f"    quote: {quote}\n"), encoding="utf-8")
    result = CliRunner().invoke(app, ["rules", "--rules", str(pack), *options])
    return result.exit_code, result.stderr, rule_file


@pytest.mark.parametrize(
    ("quote", "near", "line"),
    [
        # two paragraphs of clause 17 (two lines), joined: the words of the first, without its full stop
        ("大有可为的良好氛围。本文件所列奖补政策", "大有可为的良好氛围", 99),
        # the end of clause 1 and the heading of clause 2, with its Markdown
        ('"创建2所楚怡品牌学校。### 第2条 改善职业院校办学条件"', "第2条 改善职业院校办学条件", 28),
        # a row of the annex table, with its pipes: the words are clause 16's too, and found there first
        ('"| 16 | 全面落实职业院校拨款制度"', "全面落实职业院校拨款制度", 95),
        ('"### 第16条 加大经费保障力度"', "第16条 加大经费保障力度", 93),
        # a character mistyped: the policy's words, punctuation as it writes it
        ("公办中职学校生均拨款不底于10000元/年", "公办中职学校生均拨款不低于10000元/年", 95),
    ],
)
def test_a_quote_not_within_one_passage_is_refused_and_the_nearest_words_named(
    tmp_path: Path, quote: str, near: str, line: int
) -> None:
    status, stderr, rule_file = with_quote(tmp_path, quote)
    assert status == 2
    said = "c16.secondary-funding.quote: 规则 c16.secondary-funding 的 quote 在政策原文中找不到"
    assert f"{rule_file}:8:12: {said}" in stderr
    policy = rule_file.parent / "policy.md"
    assert f"最接近的是 {policy}:{line} 的“{near}”：应写 quote: {near}\n" in stderr


def test_the_transcribers_note_is_not_the_policy(tmp_path: Path) -> None:
    """``## 关于本文本 / About this text`` follows a ``---`` line: its English was quotable, and loaded."""
    status, stderr, rule_file = with_quote(
        tmp_path, "pinyin glosses inserted after characters", "--lang", "en"
    )
    assert status == 2
    assert stderr.strip().endswith(
        f"{rule_file}:8:12: c16.secondary-funding.quote: the quote of rule c16.secondary-funding is not in "
        "the policy text (it must be the words of one paragraph, table cell or list item, without Markdown "
        "marks or the notes after a --- line; compared after NFKC, white space removed): "
        "pinyin glosses inserted after characters"
    )


def test_the_nearest_words_are_said_in_english_and_in_quotes_where_yaml_reads_them_otherwise(
    tmp_path: Path,
) -> None:
    status, stderr, _ = with_quote(tmp_path, '"发文日期 2021-09-04"', "--lang", "en")
    assert status == 2
    # unquoted, YAML would read a date, which a quote cannot be
    policy = tmp_path / "pack" / "policy.md"
    assert f'the nearest is "2021-09-04" at {policy}:7: write quote: "2021-09-04"\n' in stderr


def test_the_policys_own_words_load(tmp_path: Path) -> None:
    """A sentence, the clause's heading's words, whitespace and full-width punctuation aside."""
    for quote in (
        "第16条 加大经费保障力度",
        "全面落实职业院校拨款制度, 公办中职学校",
    ):
        status, stderr, _ = with_quote(tmp_path, quote)
        assert (status, stderr) == (0, ""), quote
        shutil.rmtree(tmp_path / "pack")


def test_a_table_cell_is_a_passage_but_the_annex_is_no_clause(tmp_path: Path) -> None:
    """A cell of the annex's table is found (it is not "not in the policy text"), but it is outside the
    clause the rule names: the built-in policy's headings name its clauses (tests/pack/test_clauses.py)."""
    status, stderr, rule_file = with_quote(tmp_path, "市财政局、市教育局、各县市区人民政府")
    assert status == 2
    assert stderr.endswith(
        f"{rule_file}:8:12: c16.secondary-funding.quote: 规则 c16.secondary-funding 的 quote 不在第16条的原文"
        "中，也不在其他条款中（在序言、附件等条款之外）：应摘录第16条原文中的一句\n"
    )


POLICY = """\
# 示例政策
## 一、总则

第一段，第一句。第二句。
第二段。

第三章
======

- 列表的一项：写明目标
> 引用的一段
| 序号 | 工作内容 | 责任单位 |
|:---|---|--:|
| 1 | 建设\\|示范 | 市教育局 |

---

## 说明 / Notes
编者的说明。
"""


def test_a_policy_is_split_into_the_passages_it_writes() -> None:
    found = passages(POLICY)
    assert [(p.line, p.text) for p in found] == [
        (1, "示例政策"),
        (2, "一、总则"),
        (4, "第一段，第一句。第二句。"),
        (5, "第二段。"),
        (7, "第三章"),
        (10, "列表的一项：写明目标"),
        (11, "引用的一段"),
        (12, "序号"),
        (12, "工作内容"),
        (12, "责任单位"),
        (14, "1"),
        (14, "建设|示范"),
        (14, "市教育局"),
    ]
    # the headings each stands under, a heading's own last, for a check that a quote is in its rule's clause
    assert found[3].headings == ("示例政策", "一、总则")
    assert found[4].headings == ("第三章",)
    assert found[5].headings == ("第三章",)
    assert quoted_in("第一句。第二句", found) == found[2]
    assert quoted_in("第二句。第二段", found) is None
    assert quoted_in("编者的说明", found) is None
    assert quoted_in("- 列表的一项", found) is None
    near = nearest("第二句。第二段", found)
    assert near is not None and (near.passage.line, near.text) == (4, "第二句。")
    assert nearest("完全无关的文字", found) is None


CLAUSES = """\
# 示例政策
## 一、总则
序言的一段。
### 第1条 目标
第一条的一段。
#### 一、细则
细则的一段。
### 第二十一条 保障
第二十一条的一段。
第3条 经费
---------
## 附件
| 1 | 附件的一项 |
"""


def test_a_clause_is_its_heading_and_the_passages_under_it() -> None:
    """``第N条`` or ``第二十一条`` at the start of a heading (ATX or setext) names a clause, down to the next
    heading of its level or higher: a deeper heading is the clause's; one with nothing under it is named."""
    by_clause = clause_passages(passages(CLAUSES))
    assert {number: [p.text for p in its] for number, its in by_clause.items()} == {
        1: ["第1条 目标", "第一条的一段。", "一、细则", "细则的一段。"],
        21: ["第二十一条 保障", "第二十一条的一段。"],
        3: ["第3条 经费"],
    }
    assert quoted_in("附件的一项", by_clause[1]) is None
    assert clause_passages(passages("第1条 不是标题的一段。")) == {}


def test_a_suggested_quote_leaves_out_the_punctuation_at_its_ends(tmp_path: Path) -> None:
    """It was ``应写 quote: ，全市“双师型”教师占比达到50%``: the comma is the sentence's before the words. The
    words suggested are still the policy's, and the rule written with them loads."""
    from .common import at, edited, refused, run

    old = "quote: “十四五”期间，全市“双师型”教师占比达到50%以上"
    pack, path = edited(tmp_path, "clause-11.yaml", old, "quote: ，全市“双师型”教师的占比要达到50%")
    assert (
        f"最接近的是 {pack / 'policy.md'}:72 的“全市“双师型”教师占比达到50%”："
        "应写 quote: 全市“双师型”教师占比达到50%\n"
    ) in refused(pack)
    assert at(path, "quote:", "，") in refused(pack)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("，全市“双师型”教师的占比要达到50%", "全市“双师型”教师占比达到50%"), encoding="utf-8"
    )
    assert run("rules", "--rules", pack).exit_code == 0


@pytest.mark.parametrize(
    ("words", "kept"),
    [
        ("，全市“双师型”教师占比达到50%", "全市“双师型”教师占比达到50%"),
        ("“十四五”期间，全市", "“十四五”期间，全市"),  # a pair within the words stays
        ("《方案》要求，", "《方案》要求"),
        ("“全市教师占比", "全市教师占比"),  # a mark whose partner is not within them goes
        ("“十四五", "“十四五"),  # trimmed it would be too short to quote
    ],
)
def test_a_suggestion_is_trimmed_of_loose_punctuation(words: str, kept: str) -> None:
    from zhijiao_check.pack.policy import trimmed

    assert trimmed(words) == kept
