"""Where outputs go, refused before any work when they cannot go there: a ``--per-unit`` page over an input, a
config file's output path holding a NUL or ending in a slash, an empty ``--output``, and a closed standard
output, told with what each command can do instead. Every refusal exits 2 and leaves every input as it was."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import HANG, digest, environment, run

PAGE = "东安县.html"  # the page --per-unit writes for the sample report's unit


def _per_unit_run(folder: Path, report: Path, *more: object) -> tuple[int, str]:
    done = run("check", report, "-f", "html", "-o", folder / "run.html", "--per-unit", folder / "pu", *more)
    return done.code, done.err.strip()


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_a_unit_page_that_leads_to_the_input_is_refused_before_any_work(
    report: Path, tmp_path: Path, link: str
) -> None:
    """The page was written through the link, over the report, exit 1 and not a word."""
    pages = tmp_path / "pu"
    pages.mkdir()
    if link == "symlink":
        (pages / PAGE).symlink_to(Path("..") / report.name)
    else:
        os.link(report, pages / PAGE)
    before = digest(report)
    code, said = _per_unit_run(tmp_path, report)
    assert code == 2
    assert said == (
        f"输出 {pages / PAGE} 就是输入 {report}（同一路径、符号链接或硬链接），写入会覆盖它："
        "未做任何处理，请换一个输出文件名"
    )
    assert digest(report) == before
    assert not (tmp_path / "run.html").exists()  # nothing else was written either
    assert sorted(path.name for path in pages.iterdir()) == [PAGE]


def test_a_unit_page_that_leads_to_another_report_is_refused(report: Path, tmp_path: Path) -> None:
    """A report not named in the run is judged as ``-o`` judges one: it may be a county's report."""
    other = tmp_path / "elsewhere" / "dongan-2022.yaml"
    other.parent.mkdir()
    other.write_bytes(report.read_bytes())
    pages = tmp_path / "pu"
    pages.mkdir()
    (pages / "零陵区.html").symlink_to(
        other
    )  # a unit this run has no report of: its page is refused all the same
    before = digest(other)
    code, said = _per_unit_run(tmp_path, report, "--lang", "en")
    assert code == 2
    assert said.startswith(f"{pages / '零陵区.html'} is a link to {other}")
    assert digest(other) == before
    assert not (tmp_path / "run.html").exists()


def test_an_output_where_a_unit_page_goes_is_refused(report: Path, tmp_path: Path) -> None:
    pages = tmp_path / "pu"
    before = digest(report)
    done = run("check", report, "-f", "html", "-o", pages / PAGE, "--per-unit", pages, "--lang", "en")
    assert done.code == 2
    assert done.err.strip() == (
        f"the output {pages / PAGE} is where --per-unit {pages} writes the unit page "
        f"{PAGE}, the second would "
        "replace the first: nothing was done; choose another output file or another --per-unit folder"
    )
    assert not pages.exists() and digest(report) == before


def test_unit_pages_beside_an_earlier_run_s_pages_are_written(report: Path, tmp_path: Path) -> None:
    """The refusals leave a second run alone: its pages replace the first run's."""
    assert _per_unit_run(tmp_path, report)[0] == 1
    first = (tmp_path / "pu" / PAGE).read_bytes()
    assert first.startswith(b"<!DOCTYPE html>")
    assert _per_unit_run(tmp_path, report)[0] == 1
    assert (tmp_path / "pu" / PAGE).read_bytes().startswith(b"<!DOCTYPE html>")


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_a_config_output_that_leads_to_the_input_is_refused(report: Path, tmp_path: Path, link: str) -> None:
    out = tmp_path / "out.json"
    if link == "symlink":
        out.symlink_to(report.name)
    else:
        os.link(report, out)
    (tmp_path / "zhijiao-check.toml").write_text('[[outputs]]\nformat = "json"\nfile = "out.json"\n')
    before = digest(report)
    done = run("check", report.name, "--lang", "en", cwd=tmp_path)
    assert done.code == 2
    assert "the output out.json is the input dongan.yaml" in done.err
    assert digest(report) == before


# A config path holding a NUL was an internal error (exit 3, "ValueError: embedded null byte").
NUL = "a\\u0000b"  # as the TOML file writes it


@pytest.mark.parametrize(
    ("toml", "args", "lang", "said"),
    [
        (
            f'[[outputs]]\nformat = "json"\nfile = "{NUL}"\n',
            (),
            "zh",
            [
                "配置文件 zhijiao-check.toml 有误：",
                (
                    f'zhijiao-check.toml:3:1: outputs[0].file: “file”的 "{NUL}" 含有空字符（\\u0000），'
                    "不能作文件或目录名：请写出实际的名称"
                ),
            ],
        ),
        (
            f'base-dir = "{NUL}"\n',
            ("-f", "sarif"),
            "en",
            [
                "the config file zhijiao-check.toml has problems:",
                (
                    f'zhijiao-check.toml:1:1: base-dir: "base-dir" = "{NUL}" holds a NUL character '
                    "(\\u0000), which "
                    "no file or folder name can hold: write the real name"
                ),
            ],
        ),
        (
            f'waivers = "{NUL}"\n',
            (),
            "en",
            [
                "the config file zhijiao-check.toml has problems:",
                (
                    f'zhijiao-check.toml:1:1: waivers: "waivers" = "{NUL}" holds a NUL character '
                    "(\\u0000), which "
                    "no file or folder name can hold: write the real name"
                ),
            ],
        ),
        (
            '[[outputs]]\nformat = "json"\nfile = "d/"\n',
            (),
            "zh",
            [
                "配置文件 zhijiao-check.toml 有误：",
                (
                    'zhijiao-check.toml:3:1: outputs[0].file: “file”的 "d/" 以“/”结尾，是目录的写法：'
                    "请写出要写入的文件名（在“/”后加上文件名，如 结果.json）"
                ),
            ],
        ),
        (
            '[[outputs]]\nformat = "html"\n\nfile = "build/"\n',
            (),
            "en",
            [
                "the config file zhijiao-check.toml has problems:",
                (
                    'zhijiao-check.toml:4:1: outputs[0].file: "file" = "build/" ends in "/", which '
                    "names a folder: "
                    'give the file to write (a name after the "/", such as results.html)'
                ),
            ],
        ),
    ],
)
def test_a_config_path_that_names_no_file_is_told_at_its_line(
    report: Path, tmp_path: Path, toml: str, args: tuple[str, ...], lang: str, said: list[str]
) -> None:
    (tmp_path / "zhijiao-check.toml").write_text(toml, encoding="utf-8")
    before = sorted(path.name for path in tmp_path.iterdir())
    reported = digest(report)
    done = run("check", report.name, *args, "--lang", lang, cwd=tmp_path)
    assert done.code == 2
    assert done.err.strip().splitlines() == said
    assert done.out == b""
    assert sorted(path.name for path in tmp_path.iterdir()) == before  # no file "d", no folder "build"
    assert digest(report) == reported


@pytest.mark.parametrize(
    "args",
    [
        ("check", "dongan.yaml"),
        ("validate", "dongan.yaml"),
        ("diff", "dongan.yaml", "dongan.yaml"),
        ("schema",),
        ("template", "-u", "东安县", "-y", "2024"),
        ("convert", "dongan.yaml"),
    ],
)
def test_an_empty_output_is_told_as_empty(report: Path, args: tuple[str, ...]) -> None:
    """``-o ""`` (an unset variable) was told ``cannot write .: a folder``."""
    before = sorted(path.name for path in report.parent.iterdir())
    done = run(*args, "-o", "", cwd=report.parent)
    assert done.code == 2
    said, help_line = done.err.strip().splitlines()
    assert said == '--output 给的是空路径（""），例如未设置的变量：请给出要写入的文件名；未做任何处理'
    assert help_line.endswith(f"zhijiao_check {args[0]} -h 查看用法和全部选项")
    assert sorted(path.name for path in report.parent.iterdir()) == before


def _closed(*args: object, cwd: Path | None = None) -> tuple[int, str]:
    """The program with standard output closed (``>&-``): its status and what it said on standard error."""
    argv = ["/bin/sh", "-c", 'exec "$@" >&-', "sh", sys.executable, "-m", "zhijiao_check", *map(str, args)]
    done = subprocess.run(argv, capture_output=True, env=environment(), cwd=cwd, timeout=HANG, check=False)
    err = done.stderr.decode("utf-8")
    assert "Traceback" not in err
    return done.returncode, err.strip()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("rules",),
            "标准输出已关闭，结果无处可写：请把输出重定向到文件（如 > rules.txt）；没有写出任何结果文件",
        ),
        (
            ("rules", "-f", "markdown", "--lang", "en"),
            (
                "standard output is closed, the result has nowhere to go: redirect it to a file "
                "(> rules.md); no "
                "output file was written"
            ),
        ),
        (
            ("coverage", "-f", "json"),
            "标准输出已关闭，结果无处可写：请把输出重定向到文件（如 > coverage.json）；没有写出任何结果文件",
        ),
        (
            ("explain", "c1.vocational-share", "--lang", "en"),
            (
                "standard output is closed, the result has nowhere to go: redirect it to a file "
                "(> explain.txt); no "
                "output file was written"
            ),
        ),
        (("schema",), "标准输出已关闭，结果无处可写：请用 --output 指定文件；没有写出任何结果文件"),
        (
            ("template", "-u", "东安县", "-y", "2024", "--lang", "en"),
            (
                "standard output is closed, the result has nowhere to go: give an --output file; "
                "no output file was "
                "written"
            ),
        ),
        (("--help",), "标准输出已关闭，帮助无处可写：请把它重定向到文件（如 > help.txt）"),
        (
            ("check", "-h", "--lang", "en"),
            "standard output is closed, the help has nowhere to go: redirect it to a file (> help.txt)",
        ),
        (("rules", "--help"), "标准输出已关闭，帮助无处可写：请把它重定向到文件（如 > help.txt）"),
        (
            (),
            "标准输出已关闭，帮助无处可写：请把它重定向到文件（如 > help.txt）",
        ),  # the help a bare run shows
        (("--version",), "标准输出已关闭，版本号无处可写：请把它重定向到文件（如 > version.txt）"),
    ],
)
def test_a_closed_standard_output_is_told_with_what_the_command_can_do(
    args: tuple[str, ...], said: str
) -> None:
    """``rules >&-`` was told to use ``--output``, which it has not; ``--help`` and ``--version`` exited 0
    with their text lost."""
    assert _closed(*args) == (2, said)


def test_a_closed_standard_output_leaves_the_files_written_named(report: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    code, said = _closed("check", report, "-f", "json", "-o", out, "-f", "table", "--lang", "en")
    assert code == 2
    assert said == (
        f"standard output is closed, the result has nowhere to go: give an --output file; "
        f"files written: {out}"
    )
