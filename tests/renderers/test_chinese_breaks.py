"""Chinese text in a table's arithmetic breaks where a reader expects (``layout.break_chinese``): rich
breaks a line only at a space, so ``4 < 6：冷水滩区…`` broke after ``4 <``, the names on the next line."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zhijiao_check.renderers.layout.chinese import break_chinese
from zhijiao_check.renderers.layout.text import cell_len, plain

CLOSING = "，。、：；！？）」』】〉》”’%,:;!?)]"
OPENING = "（「『【〈《“‘("


def test_a_comparison_keeps_its_target_and_the_names_fill_the_lines() -> None:
    text = "4 < 6：冷水滩区职业中等专业学校、祁阳市职业中等专业学校"
    assert break_chinese(text, 20).split("\n") == [
        "4 < 6：冷水滩区职业",  # 19 cells: a character more would be 21
        "中等专业学校、祁阳市",
        "职业中等专业学校",
    ]


def test_punctuation_stays_with_the_character_it_belongs_to() -> None:
    # "、" may not start a line, "（" may not end one
    assert break_chinese("一二三四五、六七（八九）", 10).split("\n") == ["一二三四", "五、六七", "（八九）"]


def test_a_latin_mark_after_a_chinese_name_stays_with_it() -> None:
    # English output puts ": " and ", " after Chinese names; a line began with them
    assert break_chinese("✗ fail 东安县职业中等专业学校: appropriation per student", 29).split("\n") == [
        "✗ fail 东安县职业中等专业学",
        "校: appropriation per student",
    ]
    assert break_chinese("7 < 10: 药剂, 农产品加工与质量检测, 服装设计与工艺", 36).split("\n")[1][0] != ","


def test_a_latin_bracket_before_a_chinese_name_stays_with_it() -> None:
    # English output qualifies a repeated name by its school: 服装设计与工艺 (蓝山县…); a line ended with "("
    text = "9 < 20: 药剂, 服装设计与工艺 (蓝山县职业中等专业学校), 服装设计与工艺 (江华瑶族自治县职业学校)"
    assert break_chinese(text, 30).split("\n") == [
        "9 < 20: 药剂, 服装设计与工艺",  # not "… 服装设计与工艺 (" over "蓝山县…"
        "(蓝山县职业中等专业学校), 服装",
        "设计与工艺 (江华瑶族自治县职业",
        "学校)",
    ]
    # inside other text it is text, as before: a(1).yaml is not parted
    assert break_chinese("一二三四五六七八九十 a(1).yaml:3", 24).split("\n") == [
        "一二三四五六七八九十",
        "a(1).yaml:3",
    ]


def test_a_number_stays_with_its_measure_word_and_the_word_that_belongs_to_it() -> None:
    # 另 over 3 个, 2022 over 年应达: a number is not parted from its word; 招生 150 may part
    assert break_chinese("一二三四五六七八九另 3 个十", 20).split("\n") == ["一二三四五六七八九", "另 3 个十"]
    assert break_chinese("线性进度：2022 年应达 8（2025 年目标 10）", 20).split("\n") == [
        "线性进度：2022 年应",
        "达 8（2025 年目标",
        "10）",
    ]
    assert break_chinese("一二三四五六七八九十上年招生 150；当年", 30).split("\n") == [
        "一二三四五六七八九十上年招生",
        "150；当年",
    ]


def test_a_comparison_is_not_broken() -> None:
    # 3 < over 6, 2 ∈ over 1–2：
    assert break_chinese("一二三四五六七八九十实践时长（月） 3 < 6", 38).split("\n") == [
        "一二三四五六七八九十实践时长（月）",
        "3 < 6",
    ]
    assert break_chinese("一二三四五六七八九十一二三四 2 ∈ 1–2：先进装备制造", 34).split("\n") == [
        "一二三四五六七八九十一二三四",
        "2 ∈ 1–2：先进装备制造",
    ]
    # a short word in brackets is one: not building（在 over 建） ≠ completed
    assert break_chinese("建设项目进展 building（在建） ≠ completed（已完工并投入使用）", 30).split("\n") == [
        "建设项目进展 building",
        "（在建） ≠ completed（已完工并",
        "投入使用）",
    ]


def test_tags_are_kept_and_a_break_at_a_space_drops_the_space() -> None:
    text = "[red]✗ fail[/red] 东安县职业中等专业学校：生均拨款 9200 < 10000 "
    broken = break_chinese(text + "[dim]samples/2023/dongan.yaml:43[/dim]", 30)
    assert broken.count("[dim]") == 1 and broken.count("[/red]") == 1
    lines = [plain(line) for line in broken.split("\n")]
    assert lines == [
        "✗ fail 东安县职业中等专业学",  # 29 cells: "校：" would be 33
        "校：生均拨款 9200 < 10000",
        "samples/2023/dongan.yaml:43",
    ]


def test_text_that_fits_or_is_not_chinese_is_left_to_the_layout() -> None:
    assert break_chinese("4 < 6：冷水滩区", 40) == "4 < 6：冷水滩区"
    english = "4 < 6: a school that is named at length, then another one"
    assert break_chinese(english, 20) == english
    escaped = "东安县\\[注] 职业中等专业学校职业中等专业学校"
    assert break_chinese(escaped, 10) == escaped


def test_a_backslash_that_escapes_nothing_is_text() -> None:
    """A backslash is markup only before a bracket: a line holding a Windows path is still broken."""
    text = "4 < 6：冷水滩区职业中等专业学校、祁阳市职业中等专业学校 [dim]D:\\data\\2024\\a.yaml:37[/dim]"
    lines = [plain(line) for line in break_chinese(text, 20).split("\n")]
    assert lines[:2] == ["4 < 6：冷水滩区职业", "中等专业学校、祁阳市"]
    assert lines[-1] == "D:\\data\\2024\\a.yaml:37"


WORDS = st.sampled_from(
    [
        "冷水滩区",
        "职业中等专业学校",
        "、",
        "：",
        "（在建）",
        "(东安县职业中等专业学校)",
        "4",
        "<",
        "10000",
        "samples/2023/a.yaml:12",
        "≠",
        "是",
    ]
)


@given(st.lists(st.tuples(WORDS, st.sampled_from(["", " "])), min_size=1, max_size=30), st.integers(8, 60))
def test_every_line_fits_and_nothing_is_lost_but_the_spaces_at_breaks(
    words: list[tuple[str, str]], width: int
) -> None:
    text = "".join(word + space for word, space in words).strip()
    lines = break_chinese(text, width).split("\n")
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for number, line in enumerate(lines):
        # wider only where it cannot break: a path, a number with the marks that go with it
        assert cell_len(line) <= width or break_chinese(line, width) == line, lines
        if number:
            assert line and line[0] not in CLOSING, lines
            assert not lines[number - 1].endswith(tuple(OPENING)), lines
