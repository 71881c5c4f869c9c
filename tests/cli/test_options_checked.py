"""Options that a run could not honour are told, not passed over: a ``--base-dir`` that is not there (every
annotation's path was then absolute, and GitHub attached none), and ``--whole-year`` for standard input, which
has no folder."""

from __future__ import annotations

import pytest
from factory import ROOT
from factory import invoke as invoke_cli


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
    result = invoke_cli("check", "-", "--whole-year", "-q", "--lang", lang, input=text)
    assert result.exit_code == 1, result.output
    assert said in result.stderr, result.stderr
    assert "<stdin>" in result.stdout
    quiet = invoke_cli("check", "-", "-q", "--lang", lang, input=text)
    assert "--whole-year" not in quiet.stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "zh",
            "--base-dir /dev/zero 是一个字符设备，不是目录：请给出仓库的根目录（注释中的路径相对于它）",
        ),
        (
            "en",
            (
                "--base-dir /dev/zero is a character device, not a folder: give the repository's root (the "
                "annotations' paths are relative to it)"
            ),
        ),
    ],
)
def test_a_base_dir_that_is_a_device_is_named_for_what_it_is(invoke, lang, said):
    """It was "a file, not a folder"."""
    result = invoke("check", "samples/2023", "-f", "github", "--base-dir", "/dev/zero", "--lang", lang)
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [said]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "zh",
            (
                '--base-dir 给的是空路径（""），例如未设置的变量：'
                "请给出仓库的根目录（注释中的路径相对于它）；未做任何处理"
            ),
        ),
        (
            "en",
            (
                '--base-dir is an empty path (""), such as a variable that is not set: give the '
                "repository's root folder (the annotations' paths are relative to it); nothing was done"
            ),
        ),
    ],
)
def test_an_empty_base_dir_is_refused_as_an_empty_output_is(invoke, lang, said):
    """``--base-dir ""`` (an unset variable) was the working directory, taken without a word."""
    result = invoke("check", "samples/2023", "-f", "github", "--base-dir", "", "--lang", lang)
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[0] == said
    assert result.stdout == ""


EMPTY_PATH = {
    "zh": (
        '{option} 给的是空路径（""），例如未设置的变量：请给出文件或目录（空路径不会当作当前目录）；'
        "未做任何处理"
    ),
    "en": (
        '{option} is an empty path (""), such as a variable that is not set: give the file or folder (an '
        "empty path is not taken for the working folder); nothing was done"
    ),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    ("option", "args"),
    [
        ("--config", ("check", "--config", "", "samples/2023/dongan.yaml")),
        ("--roster", ("check", "--roster=", "samples/2023/dongan.yaml")),
        ("--waivers", ("check", "--waivers", "", "samples/2023/dongan.yaml")),
        ("--rules", ("rules", "--rules", "")),
        ("--previous", ("check", "--previous", "samples/2022", "--previous", "", "samples/2023/dongan.yaml")),
        ("--per-unit", ("check", "-f", "html", "-o", "{tmp}/a.html", "--per-unit", "", "samples/2023")),
        ("--from", ("template", "-u", "东安县", "-y", "2024", "--from", "", "-o", "{tmp}/t.yaml")),
        ("OLD", ("diff", "", "samples/2023/dongan.yaml")),
        ("NEW", ("diff", "samples/2022/dongan.yaml", "")),
        ("IN", ("convert", "", "-o", "{tmp}/c.xlsx")),
    ],
)
def test_an_empty_file_or_folder_is_refused_before_anything_is_read_or_written(
    invoke, tmp_path, monkeypatch, option, args, lang
):
    """``""`` (an unset variable) was ``Path("")``, the working directory: ``--per-unit ""`` wrote a page per
    unit there and ``--previous ""`` took the reports there for last year's, both without a word; a file
    option was "the config file . has problems: a directory"."""
    monkeypatch.chdir(ROOT)
    result = invoke(*(arg.format(tmp=tmp_path) for arg in args), "--lang", lang)
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[0] == EMPTY_PATH[lang].format(option=option), result.stderr
    assert result.stdout == "" and list(tmp_path.iterdir()) == []
