"""A ``.json`` report's syntax error says what JSON wants where it stopped and, for the slips people make
writing JSON by hand or from a script (single quotes, a comment, a trailing comma, NaN, ``True``, a leading
zero, Chinese punctuation, a Windows path), what was written: not Python's ``Expecting value``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from zhijiao_check.source.jsontree import _STRING_REASONS

from .helpers import COUNTY, errors, line_of, validate_json, write

CONTROL = '双引号里的文字不能直接换行或含制表符（也可能是少了结束的引号“"”）：换行请写成 \\n'
VALUE = "此处应为一个值（数字、双引号括起的文字、true、false、null，或用方括号、花括号括起的一组）"
KEY = "此处应为用双引号括起的字段名"
OBJECT = "此处少了逗号“,”或右花括号"
ARRAY = "此处少了逗号“,”或右方括号“]”"


def county_json() -> str:
    """The county sample as a script would write it: indented JSON, Chinese as it is."""
    data = yaml.safe_load(COUNTY.read_text(encoding="utf-8"))
    return json.dumps(data, ensure_ascii=False, indent=2)


# (the edit of the sample, the text at the start of the line it stops on, the message after "JSON 语法错误：")
CASES = [
    (
        ('"year": 2023', "'year': 2023"),
        "  'year'",
        f'{KEY}；JSON 的文字和字段名要用英文双引号“"”，不能用单引号',
    ),
    (('"year": 2023,', '"year": 2023, // 统计年度'), '  "year"', f"{KEY}；JSON 里不能写注释：请删除它"),
    (('"year": 2023,', '"year": 2023,\n}'), "}", f"{KEY}；最后一项后面不能有逗号：请删除这个逗号"),
    (
        ('"year": 2023', '"year": NaN'),
        '  "year"',
        f"{VALUE}；JSON 没有 NaN 和 Infinity：请填写数字，没有数字时写 null",
    ),
    (
        ('"quality_committee": true', '"quality_committee": True'),
        '  "quality_committee"',
        f"{VALUE}；true、false、null 要小写、拼写完整，文字要用双引号括起来",
    ),
    (
        ('"year": 2023', '"year": 02023'),
        '  "year"',
        f"{OBJECT}；数字不能以 0 开头（如 01）：请写 1；0746 一类的编号请用双引号括起来",
    ),
    (
        ('"year": 2023,', '"year": 2023，'),
        '  "year"',
        f"{OBJECT}；这里是中文全角标点：JSON 要用英文逗号“,”和冒号“:”",
    ),
    (('"year": 2023', "“year”: 2023"), "  “year”", f'{KEY}；这里是中文引号：JSON 要用英文双引号“"”'),
    (('"year": 2023', '"year" 2023'), '  "year"', "字段名后面少了冒号“:”"),
    (('"year": 2023,', '"year": 2023'), '  "enrollment"', OBJECT),
    (('"电子信息"', '"电子信息" "装备制造"'), '    "电子信息"', ARRAY),
]


@pytest.mark.parametrize(("edit", "needle", "message"), CASES, ids=[case[0][1] for case in CASES])
def test_a_json_slip_is_worded(tmp_path: Path, edit: tuple[str, str], needle: str, message: str) -> None:
    text = county_json()
    assert edit[0] in text
    text = text.replace(*edit, 1)
    code, document = validate_json(write(tmp_path, "report.json", text))
    assert code == 2
    [error] = errors(document)
    assert error["code"] == "json-syntax"
    assert error["line"] == line_of(text, "\n" + needle) + 1
    assert error["message"] == f"JSON 语法错误：{message}"


def test_a_file_that_ends_too_soon_says_so(tmp_path: Path) -> None:
    text = county_json().rstrip().removesuffix("}")
    _, document = validate_json(write(tmp_path, "report.json", text))
    [error] = errors(document)
    assert error["message"] == f"JSON 语法错误：{OBJECT}；文件在这里就结束了：请检查括号是否成对"


def test_anything_after_the_report_is_named(tmp_path: Path) -> None:
    text = county_json() + "\n{}"
    _, document = validate_json(write(tmp_path, "report.json", text))
    [error] = errors(document)
    assert (error["line"], error["column"]) == (text.count("\n") + 1, 1)
    assert error["message"] == "JSON 语法错误：JSON 到此已经结束，后面不能再写内容"


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (
            ('"name": "冷水滩区"', '"name": "D:\\报表\\冷水滩区"'),
            "反斜杠“\\”后面的字符无法识别：要写反斜杠本身（如 Windows 路径）请写两个“\\\\”",
        ),
        (
            ('"name": "冷水滩区"', '"name": "冷水滩\\u12"'),
            "反斜杠“\\”后面的字符无法识别：要写反斜杠本身（如 Windows 路径）请写两个“\\\\”",
        ),
        (('"name": "冷水滩区"', '"name": "冷水滩\n区"'), CONTROL),
        (('"name": "冷水滩区"', '"name": "冷水滩区'), CONTROL),  # the line break ends it
    ],
)
def test_a_string_json_refuses_is_worded(tmp_path: Path, edit: tuple[str, str], reason: str) -> None:
    text = county_json().replace(*edit, 1)
    code, document = validate_json(write(tmp_path, "report.json", text))
    assert code == 2
    [error] = errors(document)
    assert (error["code"], error["message"]) == ("json-string", f"JSON 字符串无效：{reason}")
    assert error["line"] == line_of(text, '"name"')


def test_a_quote_left_open_at_the_end_of_the_file_says_so(tmp_path: Path) -> None:
    text = county_json().rstrip().removesuffix("}").rstrip().removesuffix("]").rstrip() + ', "备注'
    _, document = validate_json(write(tmp_path, "report.json", text))
    [error] = errors(document)
    assert error["message"] == 'JSON 字符串无效：这里的双引号没有结束引号：请在文字末尾补上 "'


def test_every_string_reason_worded_is_one_python_gives() -> None:
    from json.decoder import scanstring  # type: ignore[attr-defined]

    given = set()
    for text in ('"a\\q"', '"a\\u12"', '"a\nb"', '"abc'):
        with pytest.raises(ValueError) as raised:
            scanstring(text, 1, True)
        given.add(raised.value.msg)  # type: ignore[attr-defined]
    assert given == set(_STRING_REASONS)


def test_in_english_too(tmp_path: Path) -> None:
    text = county_json().replace('"year": 2023,', '"year": 2023,\n}', 1)
    _, document = validate_json(write(tmp_path, "report.json", text), "--lang", "en")
    [error] = errors(document)
    assert error["message"] == (
        "JSON syntax error: a field name in double quotes should be here; no comma may follow the last "
        "entry: delete this comma"
    )
