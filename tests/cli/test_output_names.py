"""An output is named for what it holds. A result under a report's name (``-o 结果.yaml``, ``-f json -o
r.yml``, ``-o t.json.txt``) was read as an invalid report by the next check of the folder (exit 2), and the
same command was then refused for writing over "a report"; ``diff``, ``validate`` and ``schema`` wrote their
text into ``变化.xlsx`` or ``d.html`` and their table into ``d.json``, exit 0. Now such a name is refused
before any work (exit 2), saying which ending to use, and a command that writes the format a name names
(``diff … -o d.json``) writes it."""

from __future__ import annotations

import json
import shutil

import pytest
from factory import ROOT

DONGAN = ROOT / "samples" / "2023" / "dongan.yaml"


@pytest.mark.parametrize(
    ("args", "lang", "said"),
    [
        (
            ["-q", "-o", "{tmp}/结果.yaml"],
            "zh",
            (
                "不写入 {tmp}/结果.yaml：以 .yaml 结尾的文件会被当作报表读取，写进去的 table 结果"
                "在下次检查这个目录时会成为一份无效报表：未做任何处理，请把文件名改为以 .txt 结尾"
            ),
        ),
        (
            ["-f", "json", "-o", "{tmp}/r.yml"],
            "en",
            (
                "{tmp}/r.yml not written: a file ending in .yml is read as a report, and the json result "
                "written there would be an invalid report the next time this folder is checked; nothing "
                "was done: name it ending in .json"
            ),
        ),
        (["-f", "json", "-o", "{tmp}/t.json.txt"], "en", "ending in .json.txt is read as a report"),
        (["-f", "csv", "-o", "{tmp}/x.yaml.txt"], "en", "name it ending in .csv"),
        (["-f", "html", "-o", "{tmp}/x.xlsx"], "en", "name it ending in .html / .htm"),
    ],
)
def test_check_refuses_a_result_named_as_a_report(invoke, tmp_path, args, lang, said):
    shutil.copy(DONGAN, tmp_path / "dongan.yaml")
    args = [arg.format(tmp=tmp_path) for arg in args]
    result = invoke("check", tmp_path / "dongan.yaml", "--lang", lang, *args)
    assert result.exit_code == 2, result.output
    assert said.format(tmp=tmp_path) in result.stderr, result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["dongan.yaml"]


def test_an_empty_file_under_a_reports_name_is_refused_as_a_new_one_is(invoke, tmp_path):
    """``: > o.yaml`` then ``-o o.yaml``: an empty file was passed over as one the guard would name, had the
    table written into it, and the same command was then refused for writing over "a report"."""
    shutil.copy(DONGAN, tmp_path / "dongan.yaml")
    (tmp_path / "o.yaml").touch()
    result = invoke("check", tmp_path / "dongan.yaml", "-q", "-o", tmp_path / "o.yaml")
    assert result.exit_code == 2, result.output
    assert "以 .yaml 结尾的文件会被当作报表读取" in result.stderr, result.stderr
    assert (tmp_path / "o.yaml").read_bytes() == b""


def test_results_named_as_the_tool_reads_them_back_leave_the_folders_next_run_alone(invoke, tmp_path):
    shutil.copy(DONGAN, tmp_path / "dongan.yaml")
    for args in (["-f", "json", "-o", "r.json"], ["-f", "sarif", "-o", "s.json"], ["-o", "结果.xlsx"]):
        result = invoke("check", tmp_path / "dongan.yaml", *args[:-1], tmp_path / args[-1])
        assert result.exit_code == 1, result.output
    for args in (["validate", tmp_path / "dongan.yaml"], ["schema"]):
        result = invoke(*args, "-o", tmp_path / f"{args[0]}.json")
        assert result.exit_code == 0, result.output
    result = invoke("diff", DONGAN, tmp_path / "dongan.yaml", "-o", tmp_path / "diff.json")
    assert result.exit_code == 0, result.output
    again = invoke("check", tmp_path, "-f", "json")
    assert again.exit_code == 1, again.output
    assert [report["file"] for report in json.loads(again.stdout)["reports"]] == [
        str(tmp_path / "dongan.yaml")
    ]
    rewritten = invoke("check", tmp_path / "dongan.yaml", "-f", "json", "-o", tmp_path / "r.json")
    assert rewritten.exit_code == 1, rewritten.output


@pytest.mark.parametrize(
    ("args", "lang", "said"),
    [
        (
            ["diff", "samples/2022/dongan.yaml", "samples/2023/dongan.yaml", "-o", "{tmp}/变化.xlsx"],
            "zh",
            (
                "不写入 {tmp}/变化.xlsx：它的扩展名表示 xlsx 格式，而 diff 不写这种格式：未做任何处理，"
                "请把文件名改为以 .txt / .json 结尾"
            ),
        ),
        (
            ["diff", "samples/2022", "samples/2023", "-o", "{tmp}/d.html"],
            "en",
            (
                "{tmp}/d.html not written: its name ends as the html format is named, which diff does not "
                "write; nothing was done: name it ending in .txt / .json"
            ),
        ),
        (
            ["diff", "samples/2022", "samples/2023", "-f", "table", "-o", "{tmp}/d.json"],
            "en",
            (
                "--output {tmp}/d.json ends as --format json is named, but --format table was given and it "
                "would hold table: nothing was done; name it ending in .txt, or give --format json"
            ),
        ),
        (["diff", "samples/2022", "samples/2023", "-o", "{tmp}/d.yaml"], "en", "name it ending in .txt"),
        (["validate", "samples/2023", "-o", "{tmp}/v.xlsx"], "en", "which validate does not write"),
        (["validate", "samples/2023", "-f", "json", "-o", "{tmp}/v.csv"], "zh", "validate 不写这种格式"),
        (["schema", "-o", "{tmp}/s.xlsx"], "en", "which schema does not write; nothing was done: name it "),
        (["schema", "-o", "{tmp}/s.yaml"], "en", "the json result written there would be an invalid report"),
    ],
)
def test_diff_validate_and_schema_refuse_a_name_of_a_format_they_do_not_write(
    invoke, tmp_path, args, lang, said
):
    result = invoke(*(arg.format(tmp=tmp_path) for arg in args), "--lang", lang)
    assert result.exit_code == 2, result.output
    assert said.format(tmp=tmp_path) in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "args",
    [
        ["diff", "samples/2022/dongan.yaml", "samples/2023/dongan.yaml"],
        ["diff", "samples/2022", "samples/2023"],
        ["validate", "samples/2023"],
    ],
)
def test_diff_and_validate_write_json_to_a_name_ending_in_json(invoke, tmp_path, args):
    result = invoke(*args, "-o", tmp_path / "out.json")
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads((tmp_path / "out.json").read_text(encoding="utf-8")), dict)
