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
DENIED_ZH = "没有写入权限：请写到有写入权限的目录，或请目录所有者授予写权限"
DENIED_EN = "permission denied: write to a folder you may write to, or ask its owner for write permission"


@pytest.mark.parametrize(
    ("number", "chinese", "english"),
    [
        (errno.EISDIR, "这是一个目录，不是文件", "it is a folder, not a file"),
        (errno.ENOENT, "路径不存在，或其中不能新建文件", "no such path, or no new file can be made there"),
        (errno.ENOTDIR, "路径中有一段是文件，不是目录", "a part of the path is a file, not a folder"),
        (errno.EEXIST, "路径中有一段是文件，不是目录", "a part of the path is a file, not a folder"),
        (errno.EACCES, DENIED_ZH, DENIED_EN),
        (errno.EPERM, DENIED_ZH, DENIED_EN),
        (errno.ENOSPC, "磁盘空间不足", "the disk is full"),
        (errno.EDQUOT, "磁盘空间不足", "the disk is full"),
        (errno.EROFS, "所在的文件系统是只读的", "the file system is read-only"),
        (errno.ENAMETOOLONG, "文件名太长", "the file name is too long"),
        (
            errno.EIO,
            "磁盘、U 盘或网络共享读写出错（EIO）：请检查它是否仍连接、是否损坏，然后重试",
            (
                "the disk, USB stick or network share failed (EIO): check that it is still connected and "
                "sound, then try again"
            ),
        ),
    ],
)
def test_a_common_system_error_is_told_in_both_languages(number: int, chinese: str, english: str) -> None:
    reason = os_reason(OSError(number, "the system's own words"))
    assert (ZH.render(reason), EN.render(reason)) == (chinese, english)


def test_another_error_keeps_the_systems_words_after_its_name_in_the_users_language() -> None:
    reason = os_reason(OSError(errno.ETIMEDOUT, "Connection timed out"))
    assert ZH.render(reason) == "系统错误 ETIMEDOUT：Connection timed out"
    assert EN.render(reason) == "system error ETIMEDOUT: Connection timed out"
    # no error number to name: the words alone
    assert os_reason(OSError("the system's own words")) == "the system's own words"
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


def _bug_outside_a_command(monkeypatch: pytest.MonkeyPatch, *argv: str) -> int:
    """``cli.main`` with the command line's own handling broken: (its exit status, what it said)."""
    import sys

    from zhijiao_check import cli

    def broken() -> None:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(cli, "app", broken)
    monkeypatch.setattr(sys, "argv", ["zhijiao-check", *argv])
    with pytest.raises(SystemExit) as stop:
        cli.main()
    return int(stop.value.code or 0)


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        ((), "zhijiao-check：内部错误（程序缺陷，请报告）：RuntimeError: boom\\x0asecond line\n"),
        (
            ("check", "--lang", "en"),
            "zhijiao-check: internal error (a bug, please report it): RuntimeError: boom",
        ),
    ],
)
def test_a_bug_outside_a_command_is_one_line_of_the_catalogue_in_the_language_asked(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], said: str
) -> None:
    status = _bug_outside_a_command(monkeypatch, *argv)
    err = capsys.readouterr().err
    assert status == 3 and err.count("\n") == 1 and said in err


def test_a_bug_outside_a_command_is_still_told_when_the_catalogue_is_what_broke(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_catalogue(self: Translator, key: str, /, **params: object) -> str:
        raise KeyError(key)

    monkeypatch.setattr(Translator, "__call__", no_catalogue)
    status = _bug_outside_a_command(monkeypatch, "--lang", "en")
    assert status == 3
    assert capsys.readouterr().err == "zhijiao-check: internal error: RuntimeError: boom\\nsecond line\n"


def test_a_command_s_refusal_is_told_from_its_own_catalogue_area(capsys: pytest.CaptureFixture[str]) -> None:
    """``FatalError(.., area="input")``: the message ``input.<code>``, exit 2, as ``template`` and ``convert``
    refuse."""
    from zhijiao_check.errors import FatalError, run_command

    def refused() -> int:
        raise FatalError("convert-format", area="input", file="dongan.txt")

    assert run_command(refused, EN) == 2
    assert capsys.readouterr().err == EN("input.convert-format", file="dongan.txt") + "\n"


def test_an_existing_file_is_refused_without_force_and_a_device_never(tmp_path: Path) -> None:
    from zhijiao_check.errors import FatalError
    from zhijiao_check.output import refuse_existing

    filled = tmp_path / "dongan.yaml"
    filled.write_text("year: 2024\n", encoding="utf-8")
    with pytest.raises(FatalError) as refused:
        refuse_existing(filled, force=False)
    assert (refused.value.area, refused.value.code) == ("input", "output-exists")
    refuse_existing(filled, force=True)
    refuse_existing(tmp_path / "new.yaml", force=False)
    refuse_existing(None, force=False)
    refuse_existing(Path("/dev/null"), force=False)
