"""An output file whose name says another format than the one paired with it is refused before any work:
``-f junit -o build/r.sarif`` wrote JUnit into r.sarif, and ``-f github -f sarif -o x.sarif`` (the n-th
--output goes with the n-th --format) wrote the annotations there, both silently."""

from __future__ import annotations

import json

import pytest


@pytest.mark.parametrize(
    ("args", "lang", "said"),
    [
        (
            ["-f", "junit", "-o", "{tmp}/r.sarif"],
            "zh",
            (
                "r.sarif 的扩展名表示 --format sarif，但它配的是 --format junit"
                "（第 n 个 --output 配第 n 个 --format）"
            ),
        ),
        (
            ["-f", "github", "-f", "sarif", "-o", "{tmp}/x.sarif"],
            "en",
            (
                "x.sarif ends as --format sarif is named, but it goes with --format github (the n-th "
                "--output with the n-th --format) and would hold github, not sarif: nothing was written; "
                "name it ending in .txt"
            ),
        ),
        (
            ["-f", "markdown", "-o", "{tmp}/c.md", "-f", "html", "-o", "{tmp}/j.xml"],
            "en",
            "j.xml ends as --format junit is named, but it goes with --format html",
        ),
    ],
)
def test_a_file_named_as_another_format_is_refused_and_nothing_is_written(invoke, tmp_path, args, lang, said):
    result = invoke("check", "samples/2023", "--lang", lang, *(arg.format(tmp=tmp_path) for arg in args))
    assert result.exit_code == 2, result.output
    assert said in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("format", "name"),
    [
        ("github", "g.txt"),
        ("table", "log"),
        ("sarif", "x.sarif.json"),
        ("junit", "j.xml"),
        ("sarif", "s.sarif"),
    ],
)
def test_a_name_that_names_no_other_format_is_written(invoke, tmp_path, format, name):
    result = invoke("check", "samples/2023", "-f", format, "-o", tmp_path / name)
    assert result.exit_code == 1, result.output
    assert (tmp_path / name).stat().st_size > 0
    if name.endswith(".json"):
        assert json.loads((tmp_path / name).read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_the_config_files_output_named_as_another_format_is_refused_at_its_line(invoke, tmp_path):
    config = tmp_path / "zhijiao-check.toml"
    config.write_text('[[outputs]]\nformat = "junit"\nfile = "build/r.sarif"\n', encoding="utf-8")
    result = invoke("check", "samples/2023", "--config", config)
    assert result.exit_code == 2, result.output
    assert (
        'zhijiao-check.toml:3:1: outputs[0].file: file = "build/r.sarif" 的扩展名表示格式 "sarif"，'
        '但这一项 [[outputs]] 写的是 format = "junit"'
    ) in result.stderr, result.stderr
    assert not (tmp_path / "build").exists()
