"""Options that a run could not honour are told, not passed over: a ``--base-dir`` that is not there (every
annotation's path was then absolute, and GitHub attached none), and ``--whole-year`` for standard input, which
has no folder."""

from __future__ import annotations

import pytest
from factory import ROOT
from typer.testing import CliRunner

from zhijiao_check.cli import app


@pytest.mark.parametrize(
    ("folder", "lang", "said"),
    [
        (
            "{tmp}/nowhere",
            "zh",
            "--base-dir 给出的目录无法读取：\n{tmp}/nowhere: 路径不存在：请检查文件或目录名",
        ),
        ("{tmp}/nowhere", "en", "the --base-dir folder cannot be read:\n{tmp}/nowhere: "),
        (
            "samples/2023/dongan.yaml",
            "en",
            "--base-dir samples/2023/dongan.yaml is a file, not a folder: give the repository's root",
        ),
    ],
)
def test_a_base_dir_that_is_no_folder_is_refused(invoke, tmp_path, folder, lang, said):
    folder = folder.format(tmp=tmp_path)
    result = invoke("check", "samples/2023", "-f", "github", "--base-dir", folder, "--lang", lang)
    assert result.exit_code == 2, result.output
    assert said.format(tmp=tmp_path) in result.stderr, result.stderr
    assert result.stdout == ""


def test_a_base_dir_that_is_a_folder_is_taken(invoke):
    result = invoke("check", "samples/2023", "-f", "github", "--base-dir", "samples")
    assert result.exit_code == 1, result.output
    assert "file=2023/" in result.stdout


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "--whole-year 对标准输入（-）不起作用：标准输入没有所在的目录，只检查从中读入的这份报表"),
        ("en", "--whole-year does nothing for standard input (-): it has no folder, so only the report read"),
    ],
)
def test_whole_year_for_standard_input_says_it_has_no_folder(monkeypatch, lang, said):
    monkeypatch.chdir(ROOT)
    text = (ROOT / "samples" / "2023" / "dongan.yaml").read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "-", "--whole-year", "-q", "--lang", lang], input=text)
    assert result.exit_code == 1, result.output
    assert said in result.stderr, result.stderr
    assert "<stdin>" in result.stdout
    quiet = CliRunner().invoke(app, ["check", "-", "-q", "--lang", lang], input=text)
    assert "--whole-year" not in quiet.stderr
