"""A YAML syntax error says what is wrong in the user's language (``source.syntax``), not in libyaml's
English: each of libyaml's problems the tool words, made as a county would make it in a sample report."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from zhijiao_check.source.syntax import _LINE_END, _SYNTAX_REASONS

from .helpers import county_text, errors, line_of, validate_json, write

BLOCK_HEADER = (
    "“|”或“>”表示下面几行是一段文字，它后面同一行只能写 1–9 的缩进数字或“+”“-”：请把文字写在下一行，"
    "比字段名多缩进两个空格"
)
TAG = "“!”开头的是 YAML 标签，报表中不能使用：请删除它，或把值用引号括起来"
DIRECTIVE = "文件开头以“%”开头的行是 YAML 指令，报表不需要：请删除这一行"

# (what libyaml says, the edit of the sample report, the text of the line it is on, the Chinese reason)
CASES = [
    (
        "did not find expected ',' or ']'",
        ("leading_industries: [电子信息]", "leading_industries: [电子信息 装备制造"),
        "leading_industries",
        "方括号 [ ] 里少了逗号“,”或右括号“]”",
    ),
    (
        "did not find expected ',' or '}'",
        ("  current: 180\n  previous: 160\n", "  {current: 180 previous: 160}\n"),
        "{current",
        "花括号（大括号）里少了逗号“,”或右花括号",
    ),
    (
        "mapping values are not allowed in this context",
        ("craftsman_students: 36", "craftsman_students: 36: 40"),
        "craftsman_students",
        "这里不能再写“名称: 值”：可能是缩进不对，或文字里的“冒号加空格”需要用引号括起来",
    ),
    (
        "did not find expected key",
        ("  secondary_vocational: 1360", "   secondary_vocational: 1360"),
        "  general_high_school",
        "这一行没有与上面同级的字段对齐",
    ),
    (
        "could not find expected ':'",
        ("leading_industries: [电子信息]", "leading_industries:\n  - 电子信息\n  装备制造"),
        "  装备制造",
        "字段名后面少了冒号“:”",
    ),
    (
        "found character that cannot start any token",
        ("craftsman_students: 36", "craftsman_students: @36"),
        "craftsman_students",
        "值不能以这个字符开头（如 @、`、% 或制表符）：请把值用引号括起来",
    ),
    (
        "found unknown escape character",
        ("leading_industries: [电子信息]", 'leading_industries: ["电子\\信息"]'),
        "leading_industries",
        "双引号里反斜杠“\\”后面的字符无法识别：请改用单引号",
    ),
    (
        "did not find expected node content",
        ("leading_industries: [电子信息]", "leading_industries: [, 电子信息]"),
        "leading_industries",
        "这里应当写一个值",
    ),
    (
        "found undefined alias",
        ("craftsman_students: 36", "craftsman_students: *students"),
        "craftsman_students",
        "“*名称”引用的锚点“&名称”没有定义",
    ),
    (
        "did not find expected alphabetic or numeric character",
        ("craftsman_students: 36", "craftsman_students: & 36"),
        "craftsman_students",
        "“&”或“*”后面应当紧跟一个名称",
    ),
    (
        "did not find expected hexdecimal number",  # "\u" starts a character code: a Windows path in quotes
        ("leading_industries: [电子信息]", 'leading_industries: ["D:\\user\\电子信息"]'),
        "leading_industries",
        "双引号里反斜杠“\\”后面的字符无法识别：请改用单引号",
    ),
    (
        "found undefined tag handle",
        ("craftsman_students: 36", "craftsman_students: !x!y 36"),
        "craftsman_students",
        "“!”开头的是 YAML 标签，报表中不能使用：请删除它，或把值用引号括起来",
    ),
    (
        "found incompatible YAML document",
        ("schema_version: 1", "%YAML 2.0\n---\nschema_version: 1"),
        "%YAML",
        "文件开头以“%”开头的行是 YAML 指令，报表不需要：请删除这一行",
    ),
    (
        "found duplicate %YAML directive",
        ("schema_version: 1", "%YAML 1.1\n%YAML 1.2\n---\nschema_version: 1"),
        "%YAML 1.2",  # the second
        "文件开头以“%”开头的行是 YAML 指令，报表不需要：请删除这一行",
    ),
    (
        "block sequence entries are not allowed in this context",
        ("leading_industries: [电子信息]", "leading_industries: - 电子信息"),
        "leading_industries",
        "列表项“- ”不能接在字段名后面：请另起一行，比字段名多缩进两个空格",
    ),
    (  # a dash alone, written for "none" as on a paper form
        "block sequence entries are not allowed in this context",
        ("craftsman_students: 36", "craftsman_students: -  # 无"),
        "craftsman_students",
        "字段名后单独的“-”是列表项的开头，不表示“没有”：数量为零请写 0，列表为空请写 []",
    ),
    (
        "did not find expected <document start>",
        ("craftsman_students: 36", "craftsman_students: 36\n...\n"),
        "...",
        "文件中间不能有文档结束标记“...”或以“%”开头的行：请删除这一行",
    ),
    (
        "found invalid Unicode character escape code",  # beyond U+10FFFF
        ("name: 冷水滩区", 'name: "冷水滩区\\U0011FFFF"'),
        "  name",
        "双引号里反斜杠“\\”后面的字符无法识别：请改用单引号",
    ),
    (
        "found an indentation indicator equal to 0",
        ("craftsman_students: 36", "craftsman_students: |0\n  36"),
        "craftsman_students",
        BLOCK_HEADER,
    ),
    (
        "found unexpected document indicator",  # a line of a text in single quotes starting with ---
        ("name: 冷水滩区", "name: '冷水滩区\n---\n'"),
        "  name",  # where the quote opens
        (
            "引号里的文字有一行以“---”或“...”开头，YAML 把它当作文件的分隔：请检查引号是否成对，"
            "或不要让一行以它开头"
        ),
    ),
    (
        "found unexpected end of stream",  # a single quote never closed (a double one is ``unclosed-quote``)
        ("craftsman_students: 36", "craftsman_students: '36"),
        "craftsman_students",
        "文件在引号、括号或一段文字结束之前就结束了：请检查引号和括号是否成对",
    ),
    *(
        (problem, ("craftsman_students: 36", f"craftsman_students: {tag} 36"), "craftsman_students", TAG)
        for problem, tag in (
            ("did not find expected tag URI", "!<>"),
            ("did not find the expected '>'", "!<abc"),
            ("did not find URI escaped octet", "!<%zz>"),
            ("did not find expected whitespace or line break", "!abc[x]"),
        )
    ),
    *(
        (problem, ("schema_version: 1", f"{line}\n---\nschema_version: 1"), line.split()[0], DIRECTIVE)
        for problem, line in (
            ("could not find expected directive name", "% 1"),
            ("found unknown directive name", "%YAM 1.1"),
            ("found unexpected non-alphabetical character", "%YA.ML 1.1"),
            ("did not find expected version number", "%YAML"),
            ("did not find expected digit or '.' character", "%YAML 1"),
            ("found extremely long version number", "%YAML 1.123456789012"),
            ("did not find expected whitespace", "%TAG !a!tag:a"),
            ("did not find expected '!'", "%TAG a tag:a"),
        )
    ),
    (
        "found duplicate %TAG directive",
        ("schema_version: 1", "%TAG !a! tag:a,2000:\n%TAG !a! tag:b,2000:\n---\nschema_version: 1"),
        "%TAG !a! tag:b",  # the second
        DIRECTIVE,
    ),
    # One problem of libyaml's for three slips: the line tells which.
    (
        "did not find expected comment or line break",
        ("craftsman_students: 36", "craftsman_students: | 36"),
        "craftsman_students",
        BLOCK_HEADER,
    ),
    (
        "did not find expected comment or line break",
        ("schema_version: 1", "%YAML 1.1 草稿\n---\nschema_version: 1"),
        "%YAML",
        DIRECTIVE,
    ),
]
# libyaml's problems that no text the tool reads can make: the tool gives libyaml a decoded text (no UTF-8
# octets), a tab is ``yaml-tab`` before libyaml is asked, and this libyaml (0.2.5) accepts what its last two
# named (``[a: b: c]`` and ``? x`` in brackets): kept here so that a new libyaml's problem is noticed.
NOT_REACHED = {
    "did not find expected <stream-start>",
    "found an incorrect leading UTF-8 octet",
    "found an incorrect trailing UTF-8 octet",
    "found a tab character that violates indentation",
    "found a tab character where an indentation space is expected",
    "found unexpected ':'",
    "mapping keys are not allowed in this context",
}
# Every problem libyaml 0.2.5 can report (its scanner's and parser's texts, as its library holds them).
LIBYAML_PROBLEMS = {
    "block sequence entries are not allowed in this context",
    "could not find expected ':'",
    "could not find expected directive name",
    "did not find URI escaped octet",
    "did not find expected '!'",
    "did not find expected ',' or ']'",
    "did not find expected ',' or '}'",
    "did not find expected '-' indicator",
    "did not find expected <document start>",
    "did not find expected <stream-start>",
    "did not find expected alphabetic or numeric character",
    "did not find expected comment or line break",
    "did not find expected digit or '.' character",
    "did not find expected hexdecimal number",
    "did not find expected key",
    "did not find expected node content",
    "did not find expected tag URI",
    "did not find expected version number",
    "did not find expected whitespace",
    "did not find expected whitespace or line break",
    "did not find the expected '>'",
    "found a tab character that violates indentation",
    "found a tab character where an indentation space is expected",
    "found an incorrect leading UTF-8 octet",
    "found an incorrect trailing UTF-8 octet",
    "found an indentation indicator equal to 0",
    "found character that cannot start any token",
    "found duplicate %TAG directive",
    "found duplicate %YAML directive",
    "found extremely long version number",
    "found incompatible YAML document",
    "found invalid Unicode character escape code",
    "found undefined alias",
    "found undefined tag handle",
    "found unexpected ':'",
    "found unexpected document indicator",
    "found unexpected end of stream",
    "found unexpected non-alphabetical character",
    "found unknown directive name",
    "found unknown escape character",
    "mapping keys are not allowed in this context",
    "mapping values are not allowed in this context",
}


@pytest.mark.parametrize(("problem", "edit", "needle", "reason"), CASES, ids=[c[0] for c in CASES])
def test_a_syntax_error_is_worded_for_the_clerk(
    tmp_path: Path, problem: str, edit: tuple[str, str], needle: str, reason: str
) -> None:
    text = county_text(edit)
    with pytest.raises(yaml.MarkedYAMLError) as raised:  # what libyaml itself says of it
        yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    assert raised.value.problem == problem
    code, document = validate_json(write(tmp_path, "report.yaml", text))
    assert code == 2
    [error] = errors(document)
    assert error["code"] == "yaml-syntax"
    assert error["line"] == line_of(text, needle)
    assert error["message"] == f"YAML 格式错误（{reason}）：请检查本行及上一行的缩进、冒号和引号"


def test_every_worded_problem_is_one_that_a_case_makes() -> None:
    made = {case[0] for case in CASES}
    assert set(_SYNTAX_REASONS) | {_LINE_END} == made | {"did not find expected '-' indicator"}


def test_every_problem_libyaml_can_report_is_worded_or_never_reached() -> None:
    worded = set(_SYNTAX_REASONS) | {_LINE_END}
    assert worded | NOT_REACHED == LIBYAML_PROBLEMS
    assert not worded & NOT_REACHED


def test_a_list_at_the_top_of_the_file_is_worded_too(tmp_path: Path) -> None:
    text = "- 冷水滩区\nyear: 2023\n"
    code, document = validate_json(write(tmp_path, "report.yaml", text))
    [error] = errors(document)
    assert (code, error["line"]) == (2, 2)
    assert "这个列表项“- ”没有与上面的项对齐" in error["message"]


def test_in_english_too(tmp_path: Path) -> None:
    text = county_text(("leading_industries: [电子信息]", "leading_industries: [电子信息 装备制造"))
    code, document = validate_json(write(tmp_path, "report.yaml", text), "--lang", "en")
    [error] = errors(document)
    assert code == 2
    assert error["message"] == (
        'YAML syntax error (a comma "," or the closing "]" is missing in [ ]): check the indentation, colons '
        "and quotes of this line and the one before"
    )


def test_a_problem_the_tool_does_not_word_keeps_libyamls_words() -> None:
    from zhijiao_check.source.syntax import syntax_reason

    assert syntax_reason("found a tab character where an indentation space is expected") == (
        "found a tab character where an indentation space is expected"
    )


_PAIR = (
    (
        "双引号里的转义“\\ud83d\\ude00”是一个字符拆成的两半（UTF-16 代理对），YAML 不把它们拼合："
        "请直接写这个字符“😀”，或写成“\\U0001F600”"
    ),
    (
        'the escapes "\\ud83d\\ude00" in double quotes are the two halves of one character (UTF-16 '
        'surrogates), which YAML does not join: write the character "😀" itself, or "\\U0001F600"'
    ),
)
_HALF = (
    (
        "双引号里的转义“\\ud800”只是半个字符（UTF-16 代理项），本身不是字符：请直接写这个字符"
        "（U+FFFF 以上的字符也可写成“\\U”加 8 位十六进制数，如“\\U0001F600”）"
    ),
    (
        'the escape "\\ud800" in double quotes names half a character (a UTF-16 surrogate), no character by '
        'itself: write the character itself (one beyond U+FFFF may be written as "\\U" and 8 hex digits, '
        'such as "\\U0001F600")'
    ),
)


@pytest.mark.parametrize(
    ("written", "code", "said"),
    [("\\ud83d\\ude00", "yaml-escape-pair", _PAIR), ("\\ud800", "yaml-escape-half", _HALF)],
    ids=["pair", "lone"],
)
def test_an_escape_of_half_a_character_is_named_not_called_unknown(
    tmp_path: Path, written: str, code: str, said: tuple[str, str]
) -> None:
    """``\\u`` is a known escape: "an unknown character after a backslash: use single quotes" misled, and
    single quotes kept the escape as its text."""
    text = county_text(("  name: 冷水滩区\n", f'  name: "冷水滩区{written}"\n'))
    path = write(tmp_path, "report.yaml", text)
    for lang, message in zip(("zh", "en"), said, strict=True):
        status, document = validate_json(path, "--lang", lang)
        [error] = errors(document)
        assert (status, error["code"], error["line"], error["column"]) == (2, code, 7, 14)
        assert error["message"] == message


def test_the_escape_the_message_offers_for_a_pair_is_read_as_the_character(tmp_path: Path) -> None:
    text = county_text(("  name: 冷水滩区\n", '  name: "冷水滩区\\U0001F600"\n'))
    status, document = validate_json(write(tmp_path, "report.yaml", text), "--lang", "en")
    [error] = errors(document)  # read: the unit's name with the character, no longer a syntax error
    assert (status, error["path"]) == (2, "unit.name")
    assert error["message"].startswith('unknown reporting unit "冷水滩区😀"')


@pytest.mark.parametrize(("old", "line"), [("year:", 10), ("  kind:", 8)], ids=["top-level", "nested"])
def test_a_byte_order_mark_in_mid_file_is_named_where_it_stands(tmp_path: Path, old: str, line: int) -> None:
    """libyaml skips it at a line's start and then finds the line one column off: "this line is not
    aligned" named no character, where other invisible characters are named where they stand."""
    text = county_text((old, "\ufeff" + old))
    assert line_of(text, "\ufeff") == line
    path = write(tmp_path, "report.yaml", text)
    said = (
        (
            "这里有一个看不见的字符 U+FEFF ZERO WIDTH NO-BREAK SPACE（字节顺序标记，只应出现在文件最开头，"
            "常见于拼接文件或粘贴文字时带入）：请删除它"
        ),
        (
            "an invisible character U+FEFF ZERO WIDTH NO-BREAK SPACE here: a byte-order mark, which belongs "
            "only at the very start of a file (often left where two files were joined or text was pasted); "
            "delete it"
        ),
    )
    for lang, message in zip(("zh", "en"), said, strict=True):
        status, document = validate_json(path, "--lang", lang)
        [error] = errors(document)
        assert (status, error["code"], error["line"], error["column"]) == (2, "byte-order-mark", line, 1)
        assert error["message"] == message
