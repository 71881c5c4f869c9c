"""A unit's 行政区划代码 written as a number (``code: 431103``): taken as its text with a warning at its place
where the number loses nothing (six digits), refused with the reason where it may (a leading zero, another
length). report-format.md writes the code quoted but makes no number wrong; see docs/report-format.md."""

from __future__ import annotations

import json

import pytest

from zhijiao_check.report import ReportFile

from .conftest import Load
from .helpers import EN, assert_problem, county_text, only_error


def test_a_code_of_six_digits_written_as_a_number_is_taken_with_a_warning(load: Load) -> None:
    result = load(county_text(('code: "431103"', "code: 431103")))
    assert isinstance(result, ReportFile), result
    assert result.data["unit"]["code"] == "431103"  # the text every check and view after reading meets
    [warning] = [p for p in result.warnings if p.code == "code-as-number"]
    assert warning.severity == "warning"
    assert_problem(
        warning,
        "code-as-number",
        6,
        9,
        "unit.code",
        ("行政区划代码 431103 写成了数字", 'code: "431103"'),
        ("written as a number", 'write it in quotes, code: "431103"'),
    )


def test_a_number_is_still_checked_against_the_unit(load: Load) -> None:
    result = load(county_text(('code: "431103"', "code: 431102")))
    problem = only_error(result)
    assert_problem(
        problem, "code-mismatch", 6, 9, "unit.code", "代码是 431103", 'the code of "冷水滩区" is 431103'
    )
    assert [p.code for p in result.problems if p.severity == "warning"] == ["code-as-number"]


@pytest.mark.parametrize(
    ("written", "code", "zh", "en"),
    [
        ("43110", "code-number-short", ("5 位的数字 43110", "数字不保留开头的 0"), "keeps no leading zero"),
        ("4311030", "code-number-long", "7 位的数字 4311030", "a number of 7 digits"),
        # YAML 1.1 reads it as octal: quote it, not "write a plain decimal number such as 43110"
        ("043110", "code-number-leading-zero", ("读成 17992", 'code: "043110"'), 'code: "043110"'),
    ],
)
def test_a_number_that_may_have_lost_digits_is_refused_with_the_reason(
    load: Load, written: str, code: str, zh: str, en: str
) -> None:
    problem = only_error(load(county_text(('code: "431103"', f"code: {written}"))))
    assert_problem(problem, code, 6, 9, "unit.code", zh, en)
    assert "decimal" not in problem.message(EN)


def test_a_json_report_s_number_is_taken_as_its_yaml_s_is(load: Load) -> None:
    import yaml

    data = yaml.safe_load(county_text())
    data["unit"]["code"] = 431103
    result = load(json.dumps(data, ensure_ascii=False), name="report.json")
    assert isinstance(result, ReportFile), result
    assert result.data["unit"]["code"] == "431103"
    assert [p.code for p in result.warnings] == ["code-as-number"]
