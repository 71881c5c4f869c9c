"""Numbers of more digits than any figure (issue 7, class 5): a YAML count of 309 digits stopped the whole run
with an internal error (``OverflowError`` in the majors' sum and in an amount's check), one of 4,301 was
refused in Python's English, and JSON's ``1e20`` in a count was "a number with a fraction". Whatever the
digits and however written, YAML or JSON, the figure is ``too-large`` at its place, with its field's bound,
and the other reports of the run are still checked."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from input.helpers import SAMPLES, line_of, run_cli

from zhijiao_check.i18n import Translator
from zhijiao_check.pack.load import builtin_dir, load_pack
from zhijiao_check.problems import Problem
from zhijiao_check.report import InvalidReport, ReportFile, load_report

from .helpers import run

ZH, EN = Translator("zh"), Translator("en")
UNITS = load_pack(builtin_dir() / "yzf-2021-7").units
DONGAN = (SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8")
LANSHAN = SAMPLES / "2023" / "lanshan.yaml"

# (the line as the sample has it, the figure on it, the field's path, its bound as the message writes it)
FIELDS = [
    # a count the consistency warnings add up (enrollment against the majors' sum): the first crash
    ("  secondary_vocational: 950", "950", "enrollment.secondary_vocational", "10,000,000"),
    # an amount in 元, and one in 万元: math.isfinite turned the int into a float, the second crash
    ("    appropriation_per_student: 9200", "9200", "schools[0].appropriation_per_student", "1,000,000,000"),
    ("  education_total: 70500", "70500", "funding.education_total", "100,000,000"),
]


def _with(line: str, figure: str, written: str) -> str:
    assert line in DONGAN
    return DONGAN.replace(line, line.replace(figure, written), 1)


def _run_folder(tmp_path: Path, text: str) -> Path:
    """东安县 with the figure, and 蓝山县 as the sample has it: two reports of one run."""
    folder = tmp_path / "run"
    folder.mkdir()
    (folder / "dongan.yaml").write_text(text, encoding="utf-8")
    shutil.copyfile(LANSHAN, folder / "lanshan.yaml")
    return folder


@pytest.mark.parametrize("digits", [309, 5_000])
@pytest.mark.parametrize(("line", "figure", "path", "bound"), FIELDS)
def test_a_figure_of_hundreds_of_digits_is_too_large_where_it_stands_and_the_other_report_is_scored(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    digits: int,
    line: str,
    figure: str,
    path: str,
    bound: str,
) -> None:
    text = _with(line, figure, "1" + "0" * digits)
    folder = _run_folder(tmp_path, text)
    monkeypatch.chdir(tmp_path)
    at = (line_of(text, line.strip().split(":")[0] + ": 1000"), line.index(figure) + 1)
    count = f"{digits + 1:,}"
    for lang, said, shown in (
        ("zh", f"超过此处的上限 {bound}", f"100000000000…（共 {count} 位）"),
        ("en", f"above this field's limit of {bound}", f"100000000000… ({count} digits)"),
    ):
        result = run_cli("check", "run", "--format", "json", "--lang", lang)
        assert result.exit_code == 2
        document = json.loads(result.stdout)
        [invalid] = document["invalid"]
        [problem] = invalid["problems"]
        assert (invalid["file"], problem["code"], problem["path"]) == ("run/dongan.yaml", "too-large", path)
        assert (problem["line"], problem["column"]) == at
        # shown as written, shortened, with the count of its digits in the run's language: never Python's
        # "Exceeds the limit"
        assert said in problem["message"] and shown in problem["message"]
        [scored] = document["reports"]
        assert scored["unit"] == "蓝山县" and scored["score"] is not None
    assert folder.is_dir()


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("1.0e+20", "1e+20"),  # whole or not, a count of 10^20 is too large before it is a fraction
        ("1.0e+400", "1.0e+400"),  # beyond a float: as too large as 1e30, not "not a number"
        ("0x" + "f" * 30, "0xffffffffff…（共 32 位）"),  # octal, hex and base 60 are refused for size first
        (":".join(["1"] * 300), "1:1:1:1:1:1:…（共 300 位）"),
        ("1" + "0" * 30 + ".5", "100000000000…（共 31 位）"),
    ],
)
def test_a_yaml_figure_too_large_in_any_notation_is_too_large(
    tmp_path: Path, written: str, shown: str
) -> None:
    line, figure, path, bound = FIELDS[0]
    problems = _errors(tmp_path, _with(line, figure, written))
    assert [(p.code, p.path) for p in problems] == [("too-large", path)]
    assert problems[0].message(ZH).startswith(f"填写了 {shown}，超过此处的上限 {bound}")
    english = re.sub(r"（共 ([\d,]+) 位）", r" (\1 digits)", shown)
    assert problems[0].message(EN).startswith(f"found {english}, above this field's limit of {bound}")


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("1e20", "100000000000000000000"),  # a whole number in exponent form is the whole number it equals
        ("9.007199254740993e15", "9007199254740993"),  # exactly so, not the float nearest it
        ("1e30", "1e30"),
        ("1e400", "1e400"),
        ("1" + "0" * 400, "100000000000…（共 401 位）"),
    ],
)
def test_a_json_figure_too_large_in_any_notation_is_too_large_not_a_fraction(
    tmp_path: Path, written: str, shown: str
) -> None:
    data = json.loads(_json_sample())
    data["enrollment"]["secondary_vocational"] = "FIGURE"
    text = json.dumps(data, ensure_ascii=False, indent=2).replace('"FIGURE"', written)
    problems = _errors(tmp_path, text, "dongan.json")
    assert [(p.code, p.line) for p in problems] == [("too-large", line_of(text, written))]
    assert problems[0].message(ZH).startswith(f"填写了 {shown}，超过此处的上限 10,000,000")
    assert "带小数" not in problems[0].message(ZH) and "fraction" not in problems[0].message(EN)


def test_a_negative_figure_of_hundreds_of_digits_is_negative(tmp_path: Path) -> None:
    line, figure, path, _ = FIELDS[1]
    [problem] = _errors(tmp_path, _with(line, figure, "-1" + "0" * 400))
    assert (problem.code, problem.path) == ("negative", path)
    assert problem.message(ZH) == "填写了负数 -10000000000…（共 401 位）：此处必须不小于 0"
    assert problem.message(EN).startswith("found -10000000000… (401 digits)")


def test_a_long_number_where_a_code_belongs_is_refused_with_its_length(tmp_path: Path) -> None:
    code = "4311220000000000000000000000"  # 28 digits: a code typed without quotes, and too long
    [problem] = _errors(tmp_path, DONGAN.replace('code: "431122"', f"code: {code}", 1))
    assert (problem.code, problem.params["digits"], problem.params["length"]) == ("code-number-long", 28, 6)
    # each fact once: the count, then the digits it starts with (not their count again, "（共 28 位）")
    assert problem.message(ZH) == (
        "此处应为 6 位行政区划代码（文字），填写的却是 28 位的数字 431122000000…："
        "请加上引号，写出本单位的 6 位代码"
    )
    assert problem.message(EN) == (
        "a 6-digit administrative code (text) belongs here, but 431122000000… is a number of 28 digits: "
        "write the unit's 6-digit code in quotes"
    )


def test_a_code_of_the_longest_digits_a_number_may_have_is_shown_whole(tmp_path: Path) -> None:
    code = "431122" + "0" * 18  # 24 digits: the most a message quotes whole
    [problem] = _errors(tmp_path, DONGAN.replace('code: "431122"', f"code: {code}", 1))
    assert problem.message(EN).startswith(f"a 6-digit administrative code (text) belongs here, but {code} is")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    digits=st.one_of(
        st.from_regex(r"[1-9][0-9]{0,9}", fullmatch=True),
        st.from_regex(r"[1-9][0-9]{20,30}", fullmatch=True),
        st.from_regex(r"[1-9][0-9]{300,6000}", fullmatch=True),
    ),
    syntax=st.sampled_from(["yaml", "json"]),
)
@example(digits="10000000", syntax="yaml")
@example(digits="10000001", syntax="json")
@example(digits="9" * 24, syntax="yaml")
@example(digits="1" + "0" * 24, syntax="json")
def test_any_whole_number_in_a_count_is_read_or_too_large_never_an_internal_error(
    tmp_path: Path, digits: str, syntax: str
) -> None:
    """The count the consistency warnings read, of any length: below its bound the report loads; above it,
    one ``too-large`` at its line, whatever the reader."""
    line, figure, _, _ = FIELDS[0]
    text, name, key = _with(line, figure, digits), "dongan.yaml", "secondary_vocational: "
    if syntax == "json":
        key = '"secondary_vocational": '
        text, name = _json_sample().replace(f"{key}950", key + digits), "dongan.json"
    loaded = load_report(_write(tmp_path, name, text), UNITS, name)
    if len(digits) <= 8 and int(digits) <= 10_000_000:
        assert isinstance(loaded, ReportFile), loaded.problems
        assert loaded.data["enrollment"]["secondary_vocational"] == int(digits)
    else:
        assert isinstance(loaded, InvalidReport)
        assert [(p.code, p.line) for p in loaded.problems if p.severity == "error"] == [
            ("too-large", line_of(text, key + digits[:20]))
        ]


def test_every_command_that_reads_a_report_says_too_large_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``diff``, ``template --from``, ``--previous``, ``--whole-year`` and worker processes (``-j 2``) all
    stopped at the first figure of 309 digits."""
    line, figure, _, _ = FIELDS[0]
    big = _with(line, figure, "1" + "0" * 309)
    _run_folder(tmp_path, big)
    (tmp_path / "2024").mkdir()
    next_year = DONGAN.replace("year: 2023", "year: 2024")
    (tmp_path / "2024" / "dongan.yaml").write_text(next_year, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    too_large = "secondary_vocational: 填写了 100000000000…（共 310 位），超过此处的上限 10,000,000"

    diff = run_cli("diff", "run/dongan.yaml", SAMPLES / "2023" / "dongan.yaml")
    assert diff.exit_code == 2 and too_large in diff.output
    template = run_cli("template", "--from", "run/dongan.yaml", "-u", "东安县", "-y", "2024", "-o", "t.yaml")
    assert template.exit_code == 2 and too_large in template.output and not (tmp_path / "t.yaml").exists()
    previous = run_cli("check", "2024/dongan.yaml", "--previous", "run", "--format", "json")
    assert [report["unit"] for report in json.loads(previous.stdout)["reports"]] == ["东安县"]
    whole_year = run_cli("check", "run/lanshan.yaml", "--whole-year", "--format", "json")
    assert whole_year.exit_code == 2
    document = json.loads(whole_year.stdout)
    assert [report["unit"] for report in document["reports"]] == ["蓝山县"]
    assert document["invalid"][0]["problems"][0]["code"] == "too-large"
    workers = run("check", "run", "-j", "2", "--format", "json", cwd=tmp_path)
    assert workers.code == 2
    document = json.loads(workers.text)
    assert [report["unit"] for report in document["reports"]] == ["蓝山县"]
    assert document["invalid"][0]["problems"][0]["code"] == "too-large"


def _json_sample() -> str:
    import yaml

    return json.dumps(yaml.safe_load(DONGAN), ensure_ascii=False, indent=2)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _errors(tmp_path: Path, text: str, name: str = "dongan.yaml") -> list[Problem]:
    loaded = load_report(_write(tmp_path, name, text), UNITS, name)
    assert isinstance(loaded, InvalidReport)
    return [p for p in loaded.problems if p.severity == "error"]


def test_a_message_shortens_a_number_from_the_digits_no_figure_may_have() -> None:
    """A message shortens a number from the digits the readers refuse it at (``problems.MAX_DIGITS``), in the
    message's language."""
    from zhijiao_check import problems

    longest, longer = "9" * problems.MAX_DIGITS, "1" + "0" * problems.MAX_DIGITS
    assert problems.shortened(longest, ZH) == longest
    assert problems.shortened(longer, ZH) == "100000000000…（共 25 位）"
    assert problems.shortened(longer, EN) == "100000000000… (25 digits)"
