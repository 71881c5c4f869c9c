"""Numbers written in ways a report's readers once misnamed (a hostile-input tester's findings): YAML's
``1e400`` was "not a number" where JSON's was too large, ``1e-400`` was "not a number" in YAML and read as 0
in JSON without a word, and ``٢٨`` in Arabic-Indic digits was "a number written as quoted text" though it had
no quotes. Each now says what was found and what to write, the same in YAML as in JSON, at its line and
column, in both languages, and the report is invalid (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from input.helpers import SAMPLES, line_of, run_cli

DONGAN = (SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8")
COUNT = "craftsman_students: 28"  # a whole number (persons), line 26, its value at column 21
AMOUNT = "    appropriation_per_student: 9200"  # an amount in 元, its value at column 32


def _problem(tmp_path: Path, name: str, text: str, lang: str) -> tuple[int, dict]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = run_cli("validate", path, "--format", "json", "--lang", lang)
    [problem] = json.loads(result.stdout)["problems"]
    return result.exit_code, problem


def _yaml(line: str, written: str) -> str:
    assert line in DONGAN
    return DONGAN.replace(line, line.rsplit(" ", 1)[0] + " " + written, 1)


def _json(key: str, written: str) -> str:
    """东安县's report as JSON, with ``written`` as the number of the first ``key``."""
    import yaml

    data = yaml.safe_load(DONGAN)
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    value = f'"{key}": {data[key] if key in data else data["schools"][0][key]}'
    assert value in text
    return text.replace(value, f'"{key}": {written}', 1)


# What each field is to hold, as its messages end, in Chinese and in English.
_YUAN = ("以元为单位的金额（不小于 0）", "an amount in yuan (元, 0 or more)")
_WHOLE = ("一个不小于 0 的整数", "a whole number (0 or more)")
_TOO_LARGE = (
    "填写了 {written}，超过此处的上限 {bound}（远超任何实际数字，多半是多打了几位）：此处应为{zh}",
    (
        "found {written}, above this field's limit of {bound} (far above any real figure: extra digits "
        "typed?): write {en}"
    ),
)
_TOO_SMALL = (
    "填写了 {written}，不是 0 却小于 0.000000000001，不是实际数字：此处应为{zh}；若为零请写 0",
    (
        "found {written}, which is not 0 yet less than 0.000000000001, no real figure: "
        "write {en}, or 0 if it is none"
    ),
)


def _said(
    template: tuple[str, str], written: str, field: tuple[str, str], bound: str = ""
) -> tuple[str, str]:
    zh, en = field
    return (
        template[0].format(written=written, bound=bound, zh=zh),
        template[1].format(written=written, bound=bound, en=en),
    )


@pytest.mark.parametrize(
    ("line", "written", "code", "said"),
    [
        (AMOUNT, "1e400", "too-large", _said(_TOO_LARGE, "1e400", _YUAN, "1,000,000,000")),
        (AMOUNT, "1e-400", "number-too-small", _said(_TOO_SMALL, "1e-400", _YUAN)),
        (COUNT, "1e-400", "number-too-small", _said(_TOO_SMALL, "1e-400", _WHOLE)),
        (COUNT, "1e400", "too-large", _said(_TOO_LARGE, "1e400", _WHOLE, "10,000,000")),
    ],
    ids=["amount-1e400", "amount-1e-400", "count-1e-400", "count-1e400"],
)
@pytest.mark.parametrize("syntax", ["yaml", "json"])
def test_a_number_beyond_a_float_either_way_is_said_alike_in_yaml_and_json(
    tmp_path: Path, syntax: str, line: str, written: str, code: str, said: tuple[str, str]
) -> None:
    _refused_alike(tmp_path, syntax, line, written, code, said)


def _refused_alike(
    tmp_path: Path, syntax: str, line: str, written: str, code: str, said: tuple[str, str]
) -> None:
    """``written`` in place of the number of ``line`` (东安县's report, in ``syntax``) makes it invalid (exit
    2), with the one problem ``code`` at the number's line and column, its message ``said`` (zh, en)."""
    key = line.strip().split(":")[0]
    if syntax == "yaml":
        text, column = _yaml(line, written), line.index(":") + 3
    else:
        text = _json(key, written)
        column = text.splitlines()[line_of(text, f'"{key}": {written}') - 1].index(written) + 1
    row = line_of(text, f"{key}: {written}" if syntax == "yaml" else f'"{key}": {written}')
    for lang, message in zip(("zh", "en"), said, strict=True):
        status, problem = _problem(tmp_path, f"dongan.{syntax}", text, lang)
        assert (status, problem["code"], problem["line"], problem["column"]) == (2, code, row, column)
        assert problem["message"] == message


@pytest.mark.parametrize(
    ("line", "written", "code", "said"),
    [
        (
            COUNT,
            "28.0",
            "point-for-int",
            (
                "填写了带小数点的 28.0：此处应为整数，请写 28",
                "found 28.0, written with a decimal point: write the whole number 28",
            ),
        ),
        (
            COUNT,
            "2.8e1",
            "number-exponent",
            ("数字写成了科学记数法 “2.8e1”：请写 28", 'the number "2.8e1" is in exponent notation: write 28'),
        ),
        (
            COUNT,
            "28.5",
            "float-for-int",
            (
                "填写了带小数的 28.5：此处应为一个不小于 0 的整数",
                "found 28.5, which has a fraction: write a whole number (0 or more)",
            ),
        ),
    ],
    ids=["count-28.0", "count-2.8e1", "count-28.5"],
)
@pytest.mark.parametrize("syntax", ["yaml", "json"])
def test_a_whole_number_written_with_a_point_is_refused_alike_in_yaml_and_json(
    tmp_path: Path, syntax: str, line: str, written: str, code: str, said: tuple[str, str]
) -> None:
    """JSON's 28.0 (and 2.8e1) in a count was read as 28 without a word, where YAML's was refused: a count is
    a whole number (report-format.md). Both now refuse it at its place, saying the number to write."""
    _refused_alike(tmp_path, syntax, line, written, code, said)


def test_a_json_amount_written_with_a_point_is_still_the_amount(tmp_path: Path) -> None:
    path = tmp_path / "dongan.json"
    path.write_text(_json("appropriation_per_student", "9200.0"), encoding="utf-8")
    result = run_cli("validate", path, "--format", "json")
    assert (result.exit_code, json.loads(result.stdout)["problems"]) == (0, [])


@pytest.mark.parametrize(
    ("key", "said"),
    [
        ("schema_version", ("格式版本 1.0：请写 schema_version: 1", "unsupported format version 1.0:")),
        ("quality_committee", ("只能写 true 或 false：1.0，请写 true", "false: for 1.0 write true")),
    ],
)
def test_a_json_whole_number_with_a_point_is_quoted_as_written_where_it_is_refused(
    tmp_path: Path, key: str, said: tuple[str, str]
) -> None:
    """JSON's ``1.0`` is held as the whole number 1 with its text: a field refusing it quoted the 1 (“不支持的
    格式版本 1：请写 schema_version: 1”, refusing what it told to write), where YAML's message quotes 1.0."""
    text = _json("craftsman_students", "28")  # the report as it is, as JSON
    text = text.replace(f'"{key}": 1,', f'"{key}": 1.0,', 1).replace(f'"{key}": true,', f'"{key}": 1.0,', 1)
    assert f'"{key}": 1.0,' in text
    for lang, expected in zip(("zh", "en"), said, strict=True):
        status, problem = _problem(tmp_path, "dongan.json", text, lang)
        assert (status, problem["path"]) == (2, key)
        assert expected in problem["message"]


@pytest.mark.parametrize(
    ("line", "written"),
    [(AMOUNT, "1e-300"), (AMOUNT, "5e-324"), (AMOUNT, "0.0000000000000000000000000001"), (COUNT, "1e-300")],
    ids=["amount-1e-300", "amount-5e-324", "amount-28-places", "count-1e-300"],
)
@pytest.mark.parametrize("syntax", ["yaml", "json"])
def test_a_number_too_small_for_any_figure_is_said_so_not_written_out(
    tmp_path: Path, syntax: str, line: str, written: str
) -> None:
    """YAML's ``1e-300`` was "in exponent notation: write 0.000…0001" with 300 zeros; JSON's was taken as an
    amount, and its ``5e-324`` as a ratio's divisor stopped the program (an overflow). Below 10⁻¹² a number is
    no real figure, whatever its notation, and is said so as ``1e-400`` is."""
    key = line.strip().split(":")[0]
    text = _yaml(line, written) if syntax == "yaml" else _json(key, written)
    field = _WHOLE if line == COUNT else _YUAN
    for lang, message in zip(("zh", "en"), _said(_TOO_SMALL, written, field), strict=True):
        status, problem = _problem(tmp_path, f"dongan.{syntax}", text, lang)
        assert (status, problem["code"], problem["path"].rsplit(".", 1)[-1]) == (2, "number-too-small", key)
        assert problem["message"] == message


def test_a_small_figure_above_the_bound_is_still_a_figure(tmp_path: Path) -> None:
    path = tmp_path / "dongan.json"
    path.write_text(_json("appropriation_per_student", "1.5e-12"), encoding="utf-8")
    assert run_cli("validate", path).exit_code == 0


def test_json_1e_minus_400_in_a_count_is_no_longer_read_as_0(tmp_path: Path) -> None:
    status, problem = _problem(tmp_path, "dongan.json", _json("craftsman_students", "1e-400"), "zh")
    assert (status, problem["code"], problem["path"]) == (2, "number-too-small", "craftsman_students")


def _digits(written: str) -> tuple[str, str]:
    shown = written.strip('"')
    return (
        f"数字 “{shown}” 不是用阿拉伯数字写的：请写成阿拉伯数字 28",
        f'the number "{shown}" is not written in the digits 0–9: write 28',
    )


@pytest.mark.parametrize(
    ("written", "code", "said"),
    [
        # unquoted: no quotes to speak of
        ("٢٨", "number-other-digits", _digits("٢٨")),
        ('"٢٨"', "number-other-digits", _digits('"٢٨"')),
        ("२८", "number-other-digits", _digits("२८")),
        # YAML 1.1 reads 1e3 as text: the number to write, not "not a number"
        (
            "1e3",
            "number-exponent",
            ("数字写成了科学记数法 “1e3”：请写 1000", 'the number "1e3" is in exponent notation: write 1000'),
        ),
        ("-1e400", "negative", ("填写了负数 -1e400：此处必须不小于 0", "found -1e400: must be 0 or more")),
    ],
)
def test_a_count_in_other_digits_or_exponent_text_says_what_to_write(
    tmp_path: Path, written: str, code: str, said: tuple[str, str]
) -> None:
    text = _yaml(COUNT, written)
    for lang, message in zip(("zh", "en"), said, strict=True):
        status, problem = _problem(tmp_path, "dongan.yaml", text, lang)
        assert (status, problem["code"], problem["line"], problem["column"]) == (2, code, 26, 21)
        assert problem["message"] == message


def test_yaml_float_1_0e_minus_400_is_not_read_as_0(tmp_path: Path) -> None:
    """YAML 1.1 reads ``1.0e-400`` as a float: 0.0, taken as 0 by an amount without a word."""
    status, problem = _problem(tmp_path, "dongan.yaml", _yaml(AMOUNT, "1.0e-400"), "en")
    assert (status, problem["code"], problem["line"], problem["column"]) == (2, "number-too-small", 43, 32)
    assert problem["message"].startswith("found 1.0e-400, which is not 0 yet less than 0.000000000001")
