"""A TOML file that does not parse (the config file, the waivers file) says what is wrong in the user's
language, where tomllib says it in English (``settings.toml._reason``), and where: a problem tomllib finds at
the end of the document is shown after the last line that says something."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from zhijiao_check.i18n import Translator
from zhijiao_check.problems import Problem
from zhijiao_check.settings.toml import read_toml

ZH, EN = Translator("zh"), Translator("en")
DATE = "日期请写成 2024-06-30 这样：年-月-日，月和日各写两位，用短横线，不加引号；并确认这一天存在"

CASES = [
    ('lang = "en"\nlang = "zh"\n', "Cannot overwrite a value", (2, 12), "同一个键写了两次"),
    ("[waiver]\n[waiver]\n", "Cannot declare", (2, 8), "同一个表（[名称]）声明了两次"),
    ('lang = "en\n', "Illegal character", (1, 11), "文字的引号没有结束"),
    ('lang = "en', "Unterminated string", (1, 11), "文字的引号没有结束"),
    ("lang = 'en", 'Expected "\'"', (1, 11), "文字的引号没有结束"),
    ('lang "en"\n', "Expected '='", (1, 6), "键的后面应当是等号“=”（TOML 不用冒号）"),
    ("lang：“en”\n", "Expected '='", (1, 5), "键的后面应当是等号“=”（TOML 不用冒号）"),
    (
        "strict = yes\n",
        "Invalid value",
        (1, 10),
        '值的写法不对：文字要加英文双引号（如 "en"），是/否写 true 或 false',
    ),
    ('select = ["c1" "c2"]\n', "Unclosed array", (1, 16), "方括号 [ ] 没有结束，或元素之间少了逗号"),
    ("a = {b = 1\n", "Unclosed inline table", (1, 11), "花括号没有结束，或其中各项之间少了逗号"),
    ('[[waiver]\nrule = "x"\n', "Expected ']]'", (1, 9), "表数组的标题应以 ]] 结束，如 [[waiver]]"),
    (
        '[tool.zhijiao-check\nlang = "x"\n',
        "Expected ']'",
        (1, 20),
        "表的标题应以 ] 结束，如 [tool.zhijiao-check]",
    ),
    ("jobs = 2 3\n", "Expected newline", (1, 10), "一行只写一个“键 = 值”：值的后面还有多余的内容"),
    *(
        (f"[[waiver]]\nexpires = {date}\n", said, (2, 11), DATE)
        for date, said in (
            ("2024/06/30", "Expected newline"),
            ("2024.6.30", "Expected newline"),
            ("2024年6月30日", "Expected newline"),
            ("2024-6-30", "Expected newline"),
            ("2024-06-31", "Invalid date"),  # a day that does not exist
        )
    ),
    (  # a good date, given twice: the mistake is the key's
        "[[waiver]]\nexpires = 2024-06-30\nexpires = 2024-06-30\n",
        "Cannot overwrite a value",
        (3, 21),
        "同一个键写了两次",
    ),
]


@pytest.mark.parametrize(("text", "said", "where", "told"), CASES, ids=[c[1] for c in CASES])
def test_a_toml_mistake_is_told_in_chinese_where_it_is(
    tmp_path: Path, text: str, said: str, where: tuple[int, int], told: str
) -> None:
    with pytest.raises(tomllib.TOMLDecodeError) as raised:  # what tomllib itself says
        tomllib.loads(text)
    assert str(raised.value).startswith(said)
    path = tmp_path / "zhijiao-check.toml"
    path.write_text(text, encoding="utf-8")
    problem = read_toml(path, "zhijiao-check.toml")
    assert isinstance(problem, Problem), problem
    assert (problem.line, problem.column) == where
    assert problem.message(ZH) == f"不是有效的 TOML：{told}"


def test_in_english_too(tmp_path: Path) -> None:
    path = tmp_path / "zhijiao-check.toml"
    path.write_text('lang "en"\n', encoding="utf-8")
    problem = read_toml(path, "zhijiao-check.toml")
    assert problem.message(EN) == 'not valid TOML: a key must be followed by "=" (TOML uses no colon)'


def test_a_mistake_found_at_the_end_is_shown_after_the_last_line(tmp_path: Path) -> None:
    path = tmp_path / "zhijiao-check.toml"
    path.write_text('lang = "en"  # ok\nselect = [\n\n\n', encoding="utf-8")
    problem = read_toml(path, "zhijiao-check.toml")
    assert (problem.line, problem.column) == (2, 11)


def test_another_mistake_keeps_tomllibs_words(tmp_path: Path) -> None:
    path = tmp_path / "zhijiao-check.toml"
    path.write_text("[]\n", encoding="utf-8")
    problem = read_toml(path, "zhijiao-check.toml")
    assert problem.message(ZH) == "不是有效的 TOML：Invalid initial character for a key part"
