"""Chinese text in a table's arithmetic breaks where a reader expects (``layout.break_chinese``): rich
breaks a line only at a space, so ``4 < 6：冷水滩区…`` broke after ``4 <``, the names on the next line."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from zhijiao_check.renderers.layout.chinese import _ATOMS, _ATOMS_AS_FOUND, break_chinese, fill
from zhijiao_check.renderers.layout.text import cell_len, cell_starts, plain

CLOSING = "，。、：；！？）」』】〉》”’%,:;!?)]"
OPENING = "（「『【〈《“‘("


def test_a_comparison_keeps_its_target_and_the_names_fill_the_lines() -> None:
    text = "4 < 6：冷水滩区职业中等专业学校、祁阳市职业中等专业学校"
    assert break_chinese(text, 20).split("\n") == [
        "4 < 6：冷水滩区职业",  # 19 cells: a character more would be 21
        "中等专业学校、祁阳市",
        "职业中等专业学校",
    ]


def test_a_word_of_two_characters_stays_with_the_comparison_after_it() -> None:
    # at 100 columns a projection ended "2025 年预计 100.0%（目" over "标 ≥ 100.0%）"
    text = "每年 +21.9 个百分点，2025 年预计 100.0%（目标 ≥ 100.0%）；按当前速度"
    assert break_chinese(text, 44).split("\n") == [
        "每年 +21.9 个百分点，2025 年预计 100.0%",
        "（目标 ≥ 100.0%）；按当前速度",
    ]
    # a longer run before a comparison still breaks between its characters
    assert break_chinese("一二三四五六七八目标 ≥ 3", 10).split("\n") == ["一二三四五", "六七八", "目标 ≥ 3"]


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
    english = "a school that is named at length, then another one"
    assert break_chinese(english, 20) == english


def test_english_with_a_comparison_is_broken_at_its_spaces_but_not_inside_the_comparison() -> None:
    # rich broke "(target ≥" over "25000);": such a line is broken here, where rich would break it elsewhere
    line = "on track c1.public-seats: +3000 a year, 25300 projected for 2023 (target ≥ 25000); met"
    assert break_chinese(line, 75).split("\n") == [
        "on track c1.public-seats: +3000 a year, 25300 projected for 2023",
        "(target ≥ 25000); met",
    ]
    assert break_chinese("4 < 6: a school that is named at length", 20).split("\n") == [
        "4 < 6: a school that",
        "is named at length",
    ]
    escaped = "东安县\\[注] 职业中等专业学校职业中等专业学校"
    assert break_chinese(escaped, 10) == escaped


def test_in_english_a_chinese_name_is_a_word() -> None:
    """English output broke a name at the edge although a space or ", " stood just before it
    (``…, 江华瑶族自治县职业中`` over ``等专业学校``): there a run of Chinese breaks as a word does."""
    names = "4 < 6: 冷水滩区职业中等专业学校, 祁阳市职业中等专业学校, 江华瑶族自治县职业中等专业学校, 永州市"
    assert break_chinese(names, 78, "en").split("\n") == [
        "4 < 6: 冷水滩区职业中等专业学校, 祁阳市职业中等专业学校,",
        "江华瑶族自治县职业中等专业学校, 永州市",
    ]
    notice = "city-wide targets for 2023 not evaluated: no valid 永州市本级 report among the inputs"
    assert break_chinese(notice, 60, "en").split("\n") == [
        "city-wide targets for 2023 not evaluated: no valid",
        "永州市本级 report among the inputs",
    ]
    # its full-width marks are part of it: "(中职，含技工学校)," whole
    level = "write one of secondary (中职，含技工学校), higher (高职)"
    assert break_chinese(level, 40, "en").split("\n") == [
        "write one of secondary",
        "(中职，含技工学校), higher (高职)",
    ]
    # Chinese output keeps its rules: a name is broken between its characters
    assert break_chinese(names, 78).split("\n")[0].endswith("江华瑶族自治县职业中")


def test_in_english_a_chinese_name_wider_than_a_line_is_folded_as_chinese_is() -> None:
    lines = break_chinese("3 ≥ 1: 双牌产业开发区园林花卉实训基地，祁阳市实训基地", 24, "en").split("\n")
    assert lines == ["3 ≥ 1:", "双牌产业开发区园林花卉实", "训基地，祁阳市实训基地"]
    assert max(map(cell_len, lines)) <= 24


def test_a_backslash_that_escapes_nothing_is_text() -> None:
    """A backslash is markup only before a bracket: a line holding a Windows path is still broken."""
    text = "4 < 6：冷水滩区职业中等专业学校、祁阳市职业中等专业学校 [dim]D:\\data\\2024\\a.yaml:37[/dim]"
    lines = [plain(line) for line in break_chinese(text, 20).split("\n")]
    assert lines[:2] == ["4 < 6：冷水滩区职业", "中等专业学校、祁阳市"]
    # the path, wider than a line, broken after a folder
    assert lines[-2:] == ["职业中等专业学校 D:\\", "data\\2024\\a.yaml:37"]


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


def test_an_equals_sign_goes_with_its_result_and_a_comparison_keeps_its_arithmetic() -> None:
    # rich broke "= 49.0% ≥" over "45.0%"; "1260) = …" over "(1210 +" would part the sum
    assert break_chinese("1210 / (1210 + 1260) = 49.0% ≥ 45.0%", 29).split("\n") == [
        "1210 / (1210 + 1260)",
        "= 49.0% ≥ 45.0%",
    ]
    # after a comparison's operand, "=" works it out: 2023-2 = 2021 is what 2019 is compared with
    assert break_chinese("✗ fail 道县濂溪职业学校：最近评估年份 2019 < 2023-2 = 2021", 36).split("\n") == [
        "✗ fail 道县濂溪职业学校：最近评估年",
        "份 2019 < 2023-2 = 2021",
    ]


def test_a_comparison_wider_than_a_line_ends_no_line_with_an_opening_mark() -> None:
    # found by hypothesis: 滩区≠（在建） is one comparison, wider than 8 cells, folded at the width
    assert break_chinese("冷水滩区≠（在建）", 8).split("\n") == ["冷水", "滩区≠", "（在建）"]


def test_a_path_wider_than_a_line_is_broken_after_a_folder() -> None:
    # a message naming a file: the layout folded it at the edge, inside a folder's or the file's name
    text = "而 2021 年报告 /tmp/explore-years/reports/2021/lengshuitan.yaml:65 的当年招生为 180"
    assert break_chinese(text, 22).split("\n") == [
        "而 2021 年报告 /tmp/",
        "explore-years/reports/",
        "2021/",
        "lengshuitan.yaml:65 的",  # the file's name whole with its line
        "当年招生为 180",
    ]


def test_a_word_wider_than_a_line_is_folded_but_never_before_a_closing_mark() -> None:
    # a rule's ID and its colon in 28 cells: "：" on a line of its own began the next one
    lines = break_chinese("按期难达 c8.demonstration-enterprises：2022–2023 年拟合", 28).split("\n")
    assert lines == ["按期难达", "c8.demonstration-enterprise", "s：2022–2023 年拟合"]


LEGEND = [
    "图例: [green]✓[/green] 达标",
    "[bold red]✗[/bold red] 未达标",
    "[yellow]![/yellow] 预警（容差内或警告级规则）",
    "[magenta]?[/magenta] 缺少数据",
    "[cyan]…[/cyan] 未到期",
    "[yellow]↓[/yellow] 未到期，落后于线性进度",
    "[blue]~[/blue] 已豁免（有批准的理由）",
    "[dim]–[/dim] 不适用",
    "空白: 该类单位无此规则",
]


def test_a_legend_is_broken_between_its_entries_only() -> None:
    # at 100 columns "… 未到期 · ↓" stood over "未到期，落后于线性进度": the glyph apart from its meaning
    lines = [plain(line) for line in fill(LEGEND, " · ", 100).split("\n")]
    assert lines == [
        "图例: ✓ 达标 · ✗ 未达标 · ! 预警（容差内或警告级规则） · ? 缺少数据 · … 未到期 ·",
        "↓ 未到期，落后于线性进度 · ~ 已豁免（有批准的理由） · – 不适用 · 空白: 该类单位无此规则",
    ]


@given(st.integers(10, 140))
def test_a_legend_fits_every_width_with_each_glyph_beside_its_meaning(width: int) -> None:
    lines = [plain(line) for line in fill(LEGEND, " · ", width).split("\n")]
    entries = [plain(entry) for entry in LEGEND]
    assert "".join(lines).replace(" ", "") == "·".join(entries).replace(" ", "")  # nothing lost
    assert all(cell_len(line) <= width for line in lines), lines
    for entry in entries:
        if cell_len(entry) + 2 <= width:  # it fits a line, with the " ·" after it: it is whole on one
            assert sum(entry in line for line in lines) == 1, (entry, lines)


RELATIONS = "<>≤≥≠∈∉"
COMPARISONS = st.sampled_from(
    [
        "（目标 ≥ 25000）；",
        "9200 < 10000",
        "(target ≥ 25000);",
        "= 49.0% ≥ 45.0%",
        "2019 < 2023-2 = 2021",
        "2 ∈ 1–2：",
    ]
)
FILLER = st.sampled_from(
    ["按当前速度", "2025 年预计", "冷水滩区", "、", "at this pace", "1210 / (1210 + 1260)"]
)


@given(st.lists(st.tuples(FILLER, COMPARISONS), min_size=1, max_size=8), st.integers(24, 120))
def test_no_comparison_is_split_and_no_line_starts_with_a_closing_mark(
    parts: list[tuple[str, str]], width: int
) -> None:
    text = " ".join(f"{filler} {comparison}" for filler, comparison in parts)
    lines = break_chinese(text, width).split("\n")
    for number, line in enumerate(lines):
        assert cell_len(line) <= width, lines
        assert not line.rstrip().endswith(tuple(RELATIONS + "=")), lines  # "3 <" over "6"
        assert not line.startswith(tuple(RELATIONS)), lines  # "3" over "< 6"; "= 2021" may start one
        if number:
            assert line[0] not in CLOSING, lines


@pytest.mark.parametrize("width", range(60, 90))
def test_a_command_a_message_gives_is_never_broken(width):
    """``diff``'s warning at 80 columns broke inside the command it gives (``…（zhijiao-check diff 去年的
    今年`` over ``的）``): a command is kept on one line, wherever the line breaks around it."""
    from zhijiao_check.renderers.layout.chinese import broken_line

    line = (
        "  r/2024/dongan.yaml:6:7: 新报表是 2024 年的，早于旧报表 r/2025/dongan.yaml（2025 年）："
        "diff 先写旧报表、后写新报表（zhijiao-check diff 去年的 今年的），"
        "请核对两者是否写反，或报表的统计年度是否写错"
    )
    lines = broken_line(line, width, 4)
    assert any("zhijiao-check diff 去年的 今年的" in part for part in lines), lines
    assert "".join("".join(lines).split()) == "".join(line.split())


@pytest.mark.parametrize("width", range(46, 80))  # the command and its marks fit a line
def test_an_english_command_is_never_broken_either(width):
    from zhijiao_check.renderers.layout.chinese import broken_line

    line = (
        "the new report is of 2024, earlier than the old report r/2025/dongan.yaml (2025): diff takes "
        "the old report first and the new second (zhijiao-check diff LAST_YEAR THIS_YEAR); check "
        "whether the two are swapped"
    )
    lines = broken_line(line, width, 4, "en")
    assert any("zhijiao-check diff LAST_YEAR THIS_YEAR" in part for part in lines), lines


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", range(62, 100))  # the option and its quoted name fit a line
def test_a_quoted_name_in_a_command_is_one_word(lang, width):
    """A command wider than a line is broken between its words: never inside a quoted name, nor between an
    option and its value."""
    from zhijiao_check.renderers.layout.chinese import broken_line

    quoted = '-o "江华 2024 年度职业教育发展报表 最终修订版本-模板.xlsx"'
    line = (
        "  江华.xlsx: 错误：无法作为 .xlsx 工作簿打开：请用 "
        f"zhijiao-check template --unit 单位名称 --year 年度 {quoted} 生成模板"
    )
    lines = broken_line(line, width, 4, lang)
    assert any(quoted in part for part in lines), lines
    assert "".join("".join(lines).split()) == "".join(line.split())


@given(st.text(alphabet=st.sampled_from("ab 1年学，（）≥\t\u3000é\u0301👍"), max_size=40), st.data())
def test_a_piece_s_cells_are_told_by_where_its_ends_start(text: str, data: st.DataObject) -> None:
    # ``_chinese_line`` measures each atom so, without a pass over its characters
    starts = cell_starts(text)
    assert starts is not None and len(starts) == len(text) + 1
    first = data.draw(st.integers(0, len(text)))
    last = data.draw(st.integers(first, len(text)))
    assert starts[last] - starts[first] == cell_len(text[first:last])


def test_joined_emoji_have_no_starts_of_their_own() -> None:
    # 👨‍👩 is measured whole, by rich (two cells, where its characters' are four), and kept whole: the line
    # holds three 长 more, not two (its people and joiner once atoms apart, measured apart)
    assert cell_starts("家 👨\u200d👩") is None
    assert cell_len("👨\u200d👩") == 2
    assert break_chinese("家 👨\u200d👩 " + "长" * 20, 12).split("\n") == [
        "家 👨\u200d👩 长长长",
        *["长" * 6] * 2,
        "长" * 5,
    ]


# Text with emoji as a terminal shows them: ``⚠️`` and ``0️`` (a variation selector, two cells to rich where
# the character alone is one), a family joined by zero-width joiners.
EMOJI_TEXT = st.lists(
    st.sampled_from(["0", "a", "学", "≥", "，", " ", "\u3000", "⚠\ufe0f", "0\ufe0f", "👨\u200d👩", "👍"]),
    min_size=1,
    max_size=20,
).map(lambda pieces: "".join(pieces).strip() or "学")  # a text's leading spaces are kept as they are


@given(EMOJI_TEXT, st.integers(4, 12))
@example(text="00\ufe0f\u3000\u226500\u3000\u22650", width=10)  # once a line a cell too wide
@example(text="00⚠\ufe0f👨\u200d👩", width=6)  # once broken between the two people
def test_a_fold_counts_an_emoji_as_rich_does_and_keeps_it_whole(text: str, width: int) -> None:
    # counted a character at a time, ``0️`` was one cell where rich counts two: the fold left a line a cell
    # too wide, which the layout broke again; and a joiner was an atom of its own, which could start a line
    lines = break_chinese(text, width).split("\n")
    spaces = str.maketrans("", "", " \u3000")  # dropped where a line breaks
    assert "".join(lines).translate(spaces) == text.translate(spaces), lines
    for number, line in enumerate(lines):
        assert cell_len(line) <= width or break_chinese(line, width) == line, lines
        assert not number or not line.lstrip().startswith(("\ufe0f", "\u200d")), lines


def test_a_warning_s_message_breaks_as_the_same_text_in_a_tag_does() -> None:
    # a warning's message, escaped, has no tag: its characters stand where they are shown
    message = (
        "“零陵区职业中等专业学校”专业“中餐烹饪”上年招生 previous_enrollment 填 65，而 2023 年报表 "
        "reports/2023/lingling.yaml:94 的当年招生为 75：两者应一致"
    )
    bare = break_chinese(message, 40)
    assert break_chinese(f"[dim]{message}[/dim]", 40) == f"[dim]{bare}[/dim]"
    assert bare.split("\n") == [
        "“零陵区职业中等专业学校”专业“中餐烹饪”上",
        "年招生 previous_enrollment 填 65，而",
        "2023 年报表",  # the path would not fit beside it
        "reports/2023/lingling.yaml:94 的当年招生",
        "为 75：两者应一致",
    ]


# Texts of kinds (``_Kinds``), Chinese characters in runs as in a message
KINDS = st.lists(st.sampled_from(["W", "WW", "WWW", *"PSERCLOBDA", "SS", "EE"]), max_size=16).map("".join)


@given(KINDS)
@example("WWR")  # the word before a comparison, found as one atom: 目标 ≥
@example("WWER")
@example("WWSSEER")
@example("OWWWC")  # a short word in brackets
@example("DSWWW")  # a number and its measure word
@example("WWWCL")  # closing marks after the last
def test_a_lone_chinese_character_found_first_is_the_atom_the_whole_pattern_finds(kinds: str) -> None:
    # ``_LONE`` only finds sooner what the alternatives after it find: the same atoms, in any text of kinds
    assert [m.span() for m in _ATOMS.finditer(kinds)] == [
        m.span() for m in re.finditer(_ATOMS_AS_FOUND, kinds)
    ]
