"""Exit statuses (cli.md): 0 nothing failed, 1 a rule failed, 2 invalid input or usage,
3 an internal error.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factory import DROP, county

import zhijiao_check.engine.evaluate as engine
from zhijiao_check.status import ExitCode


def test_a_passing_report_exits_0(invoke, reports_dir):
    [path] = reports_dir(county(year=2023))
    result = invoke("check", path)
    assert result.exit_code == 0
    assert result.stdout.rstrip().endswith("退出状态 0")


def test_a_failing_report_exits_1(invoke):
    assert invoke("check", "samples/2023/dongan.yaml").exit_code == 1


def test_missing_data_exits_1(invoke, reports_dir):
    [path] = reports_dir(county(year=2023, quality_committee=DROP))  # c5.unit-quality-committee missing
    assert invoke("check", path).exit_code == 1


def test_pending_and_not_applicable_do_not_fail_the_run(invoke, reports_dir):
    [path] = reports_dir(county(year=2023, training_bases=[]))  # c7.training-base pending until 2025
    assert invoke("check", path).exit_code == 0


def test_an_invalid_report_among_valid_ones_exits_2_and_the_others_are_still_checked(
    invoke_json, reports_dir
):
    good, bad = reports_dir(county(year=2023), county("道县", year=2023))
    text = bad.read_text(encoding="utf-8").replace("teachers: 100\n", "teachers: 100\n  teachres: 3\n", 1)
    bad.write_text(text, encoding="utf-8")
    result, document = invoke_json(good, bad)
    assert result.exit_code == 2
    assert document["exit_code"] == 2
    assert [r["unit"] for r in document["reports"]] == ["东安县"]
    assert document["reports"][0]["results"]
    [invalid] = document["invalid"]
    assert invalid["file"] == str(bad)
    [problem] = [p for p in invalid["problems"] if p["severity"] == "error"]
    assert problem["path"] == "schools[0].teachres"
    assert text.splitlines()[problem["line"] - 1].strip() == "teachres: 3"


def test_an_invalid_report_is_named_with_its_line_in_the_table(invoke, reports_dir):
    good, bad = reports_dir(county(year=2023), county("道县", year=2023))
    bad.write_text(bad.read_text(encoding="utf-8").replace("year: 2023", "year: '2023年'"), encoding="utf-8")
    result = invoke("check", good, bad)
    assert result.exit_code == 2
    line = next(
        n
        for n, text in enumerate(bad.read_text(encoding="utf-8").splitlines(), 1)
        if text.startswith("year:")
    )
    # A long temporary path may wrap at the table's width: look for it with the line breaks taken out.
    assert f"{bad}:{line}:" in "".join(result.stdout.split())
    assert "东安县（县市区）· 2023 年" in result.stdout  # the valid report is still scored


def test_a_nonexistent_path_exits_2_and_the_other_files_are_still_checked(invoke_json):
    result, document = invoke_json("samples/2023/nowhere.yaml", "samples/2023/dongan.yaml")
    assert result.exit_code == 2
    assert [r["unit"] for r in document["reports"]] == ["东安县"]
    assert [i["file"] for i in document["invalid"]] == ["samples/2023/nowhere.yaml"]


def test_an_unknown_rule_in_select_exits_2(invoke):
    result = invoke("check", "samples/2023/dongan.yaml", "--select", "c1.vocational-shar")
    assert result.exit_code == 2
    assert "c1.vocational-share" in result.stderr  # the suggestion
    assert result.stdout == ""


def test_an_unknown_rule_in_ignore_exits_2(invoke):
    assert invoke("check", "samples/2023/dongan.yaml", "--ignore", "c99").exit_code == 2


def test_an_unknown_format_exits_2(invoke):
    result = invoke("check", "samples/2023/dongan.yaml", "--format", "xml")
    assert result.exit_code == 2
    assert "xml" in result.stderr


def test_no_report_found_exits_2(invoke, tmp_path):
    (tmp_path / "empty").mkdir()
    result = invoke("check", tmp_path / "empty")
    assert result.exit_code == 2
    assert "没有找到报表" in result.stderr


def test_an_internal_error_exits_3_with_one_line_and_no_traceback(invoke, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(engine, "evaluate", broken)
    result = invoke("check", "samples/2023/dongan.yaml", internal_error=True)
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "内部错误" in lines[0] and "RuntimeError: boom" in lines[0]
    assert "Traceback" not in result.stderr


def test_an_internal_error_shows_the_traceback_with_debug(invoke, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(engine, "evaluate", broken)
    result = invoke("check", "samples/2023/dongan.yaml", "--debug", internal_error=True)
    assert result.exit_code == 3
    assert "Traceback" in result.stderr
    assert "RuntimeError: boom" in result.stderr


def test_two_formats_to_standard_output_exit_2_before_writing_anything(invoke):
    result = invoke(
        "check", "samples/2023/dongan.yaml", "--format", "json", "--format", "junit", "--lang", "en"
    )
    assert result.exit_code == 2
    assert "json, junit would all go to standard output" in result.output
    assert "<testsuite" not in result.output and '"reports"' not in result.output


def test_a_second_format_with_its_own_file_is_fine(invoke, tmp_path):
    junit = tmp_path / "ci" / "junit.xml"
    result = invoke("check", "samples/2023/dongan.yaml", "-f", "json", "-f", "junit", "-o", "-", "-o", junit)
    assert result.exit_code == 1
    assert json.loads(result.stdout)["exit_code"] == 1
    assert junit.read_text(encoding="utf-8").startswith("<?xml")


def test_an_output_without_its_format_takes_the_one_its_name_asks_for(invoke, tmp_path):
    """cli.md: the format defaults to the table, the output to standard output; an ``--output`` given alone
    is written in the format its name ends with (``-o 2024-结果.xlsx``), else as the table."""
    book, page, data, text = (tmp_path / name for name in ("结果.XLSX", "看板.html", "r.json", "结果.txt"))
    result = invoke("check", "samples/2023", "-o", book, "-o", text)
    assert result.exit_code == 1 and result.stdout == ""
    assert book.read_bytes().startswith(b"PK")  # a workbook (the name's case does not matter)
    assert text.read_text(encoding="utf-8").startswith(
        "\ufeff零陵区（县市区）· 2023 年"
    )  # the table, its BOM first
    assert text.read_text(encoding="utf-8").rstrip().endswith("退出状态 1")
    # A --format named goes with the first --output, as before; the next file's name chooses its own.
    result = invoke("check", "samples/2023/dongan.yaml", "-f", "json", "-o", data, "-o", page)
    assert result.exit_code == 1
    assert json.loads(data.read_text(encoding="utf-8"))["exit_code"] == 1
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("invalid", "failed", "code"),
    [(True, True, 2), (True, False, 2), (False, True, 1), (False, False, 0)],
)
def test_a_runs_exit_status_is_invalid_before_failed(invalid: bool, failed: bool, code: int) -> None:
    """One rule for check, its flat run, validate and diff (``ExitCode.of``): a member, never a bare int."""
    found = ExitCode.of(invalid=invalid, failed=failed)
    assert type(found) is ExitCode and found == code


def test_diff_returns_an_exit_status_member(tmp_path, capsys) -> None:
    from zhijiao_check.commands.diff import DiffOptions, run

    one = DiffOptions(Path("samples/2022/dongan.yaml"), Path("samples/2023/dongan.yaml"), "json")
    folders = DiffOptions(Path("samples/2022"), Path("samples/2023"), "json", tmp_path / "diff.json")
    assert [(type(code), code) for code in (run(one), run(folders))] == [
        (ExitCode, ExitCode.OK),
        (ExitCode, ExitCode.OK),
    ]
