"""A command whose every output goes to a file says, on a terminal, what it wrote (``check``: and what its
exit status means): else it ends without a word and a clerk goes looking for the workbook. Not on a pipe (CI
logs, scripts). ``output.tell_written``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from factory import ROOT
from hostile.helpers import on_terminal as terminal

SAMPLES = ROOT / "samples" / "2023"
HANG = 30  # only so that a hang fails the test instead of the suite


def on_terminal(*args: str, cwd: Path, encoding: str = "utf-8") -> tuple[int, str, bytes]:
    """The tool with its standard error on a pseudo-terminal: (exit status, what it showed there, stdout)."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "PYTHONIOENCODING")}
    env["PYTHONIOENCODING"] = encoding
    code, shown, out = terminal([sys.executable, "-m", "zhijiao_check", *args], "stderr", cwd, env)
    return code, shown.decode(encoding), out


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "已写入 结果 2023.xlsx、明细.csv（退出状态 1：有目标未达标）"),
        ("en", "wrote 结果 2023.xlsx, 明细.csv (exit status 1: some targets are not met)"),
    ],
)
def test_a_run_written_to_files_says_so_on_a_terminal(tmp_path: Path, lang: str, said: str) -> None:
    code, shown, out = on_terminal(
        "check", str(SAMPLES), "-f", "xlsx", "-o", "结果 2023.xlsx", "-f", "csv", "-o", "明细.csv",
        "--lang", lang, cwd=tmp_path,
    )  # fmt: skip
    assert code == 1 and out == b""
    assert shown.splitlines() == [said]
    assert (tmp_path / "结果 2023.xlsx").stat().st_size > 0 and (tmp_path / "明细.csv").stat().st_size > 0


def test_a_run_written_to_files_names_the_config_file_it_took_its_settings_from(tmp_path: Path) -> None:
    (tmp_path / "zhijiao-check.toml").write_text('[[outputs]]\nformat = "json"\nfile = "r.json"\n', "utf-8")
    code, shown, out = on_terminal("check", str(SAMPLES), cwd=tmp_path)
    assert code == 1 and out == b""
    assert shown.splitlines() == [
        "已写入 r.json（退出状态 1：有目标未达标；设置取自配置文件 zhijiao-check.toml）"
    ]


def test_in_a_gbk_console_too(tmp_path: Path) -> None:
    code, shown, _ = on_terminal(
        "check", str(SAMPLES), "-f", "json", "-o", "r.json", cwd=tmp_path, encoding="gbk"
    )
    assert (code, shown.splitlines()) == (1, ["已写入 r.json（退出状态 1：有目标未达标）"])


def test_per_unit_pages_are_said_by_their_folder(tmp_path: Path) -> None:
    code, shown, _ = on_terminal(
        "check", str(SAMPLES / "dongan.yaml"), "-f", "html", "-o", "r.html", "--per-unit", "pages",
        cwd=tmp_path,
    )  # fmt: skip
    assert (code, shown.splitlines()) == (
        1,
        ["已写入 r.html、pages 中每个单位一页（退出状态 1：有目标未达标）"],
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("template", "--unit", "东安县", "--year", "2024", "-o", "dongan-2024.xlsx"),
            "已写入 dongan-2024.xlsx",
        ),
        (("convert", str(SAMPLES / "dongan.yaml"), "-o", "dongan.xlsx"), "已写入 dongan.xlsx"),
        (("validate", str(SAMPLES), "-o", "problems.txt"), "已写入 problems.txt（15 个有效，0 个无效）"),
        (("schema", "-o", "schema.json", "--lang", "en"), "wrote schema.json"),
        (
            (
                "diff",
                str(ROOT / "samples" / "2022" / "dongan.yaml"),
                str(SAMPLES / "dongan.yaml"),
                "-o",
                "d.txt",
            ),
            "已写入 d.txt",
        ),
    ],
)
def test_the_other_commands_say_what_they_wrote(tmp_path: Path, args: tuple[str, ...], said: str) -> None:
    code, shown, out = on_terminal(*args, cwd=tmp_path)
    assert code == 0 and out == b""
    assert shown.splitlines() == [said]
    assert (tmp_path / said.split()[1].split("（")[0]).stat().st_size > 0


def test_nothing_is_said_when_a_format_goes_to_standard_output(tmp_path: Path) -> None:
    code, shown, out = on_terminal(
        "check", str(SAMPLES), "-f", "json", "-o", "r.json", "-f", "markdown", cwd=tmp_path
    )
    assert code == 1 and shown == "" and out.startswith(b"## ")


def test_nothing_is_said_on_a_pipe(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "zhijiao_check", "check", str(SAMPLES), "-f", "json", "-o", "r.json"],
        cwd=tmp_path,
        capture_output=True,
        check=False,
        timeout=HANG,
    )
    assert (done.returncode, done.stdout, done.stderr) == (1, b"", b"")
