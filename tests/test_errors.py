"""Why an output could not be written, in the user's language (``errors.os_reason``): the system words its
reasons in English whatever ``--lang`` says."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zhijiao_check.cli import app
from zhijiao_check.errors import os_reason
from zhijiao_check.i18n import Translator

ZH, EN = Translator("zh"), Translator("en")


@pytest.mark.parametrize(
    ("number", "chinese", "english"),
    [
        (errno.EISDIR, "这是一个目录，不是文件", "it is a folder, not a file"),
        (errno.ENOENT, "路径不存在，或其中不能新建文件", "no such path, or no new file can be made there"),
        (errno.ENOTDIR, "路径中有一段是文件，不是目录", "a part of the path is a file, not a folder"),
        (errno.EEXIST, "路径中有一段是文件，不是目录", "a part of the path is a file, not a folder"),
        (errno.EACCES, "没有写入权限", "permission denied"),
        (errno.EPERM, "没有写入权限", "permission denied"),
        (errno.ENOSPC, "磁盘空间不足", "the disk is full"),
        (errno.EDQUOT, "磁盘空间不足", "the disk is full"),
        (errno.EROFS, "所在的文件系统是只读的", "the file system is read-only"),
        (errno.ENAMETOOLONG, "文件名太长", "the file name is too long"),
    ],
)
def test_a_common_system_error_is_told_in_both_languages(number: int, chinese: str, english: str) -> None:
    reason = os_reason(OSError(number, "the system's own words"))
    assert (ZH.render(reason), EN.render(reason)) == (chinese, english)


def test_another_error_keeps_the_systems_words() -> None:
    assert os_reason(OSError(errno.EIO, "Input/output error")) == "Input/output error"
    assert os_reason(ValueError("embedded null byte")) == "embedded null byte"


def test_an_output_that_is_a_folder_is_told_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    result = CliRunner().invoke(app, ["check", "samples/2023/dongan.yaml", "-f", "json", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"无法写入 {tmp_path}：这是一个目录，不是文件；没有写出任何结果文件"
    ]
    assert list(tmp_path.iterdir()) == []


def test_on_windows_a_denied_write_names_the_open_workbook_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows refuses to replace a file that Excel or WPS holds open, with "permission denied"."""
    from zhijiao_check import errors

    monkeypatch.setattr(errors, "WINDOWS", True)
    reason = os_reason(PermissionError(errno.EACCES, "Permission denied"))
    assert ZH.render(reason) == "文件可能正在 Excel、WPS 或其他程序中打开（请关闭后再试），或没有写入权限"
    assert os_reason(OSError(errno.ENOSPC, "No space left")) == os_reason(OSError(errno.EDQUOT, "Quota"))


def test_an_internal_error_is_one_line_whatever_its_text_holds(capsys: pytest.CaptureFixture[str]) -> None:
    from zhijiao_check.errors import run_command

    def broken() -> int:
        raise RuntimeError("dong\x01an.yaml\nsecond line \x1b[2J")

    assert run_command(broken, EN) == 3
    said = capsys.readouterr().err
    assert said.count("\n") == 1 and "\x1b" not in said and "\x01" not in said
    assert "RuntimeError: dong\\x01an.yaml\\x0asecond line \\x1b[2J" in said
