"""A file or folder an option names that the user may not read, or that is a link to nothing: one located line
in the run's language saying what to do, exit 2. typer refused an unreadable one itself, in English whatever
``--lang`` said (``--config 不能是“x”：path 'x' is not readable.``), naming no remedy; a locked ``--rules``
folder was "no pack.yaml in it" and a locked ``--previous`` was an invalid report, exit 1."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .helpers import SAMPLE, run, unprivileged_user

READ_DENIED = {
    "zh": "没有读取权限：请让文件所有者授予读权限（目录还需执行权限），或换一个可读的副本",
    "en": "permission denied: ask the owner for read permission (execute too, for a directory), or use a "
    "copy you can read",
}
WRITE_DENIED = {
    "zh": "无法写入 locked/out.json：没有写入权限：请写到有写入权限的目录，或请目录所有者授予写权限；"
    "没有写出任何结果文件",
    "en": "cannot write locked/out.json: permission denied: write to a folder you may write to, or ask its "
    "owner for write permission; no output file was written",
}
# What opens each message, the line above the located one.
CONFIG = {"zh": "配置文件 locked.toml 有误：", "en": "the config file locked.toml has problems:"}
ROSTER = {"zh": "名册 locked.yaml 无效：", "en": "invalid roster locked.yaml:"}
WAIVERS = {
    "zh": "豁免文件 locked.toml 有误（未豁免任何规则）：",
    "en": "the waivers file locked.toml has problems (nothing was waived):",
}
PREVIOUS = {"zh": "--previous 给出的上年报表无法读取：", "en": "a --previous path cannot be read:"}
PACK = {"zh": "规则包无效：", "en": "invalid rule pack:"}
DIFF = {"zh": "无法比较：无法读取 locked.yaml", "en": "cannot compare: locked.yaml could not be read"}
# A report read for convert or template: its problem comes first, as an error of that report.
REPORT = None
# case: (the path locked, the message's head, the command line)
CASES = {
    "config": ("locked.toml", CONFIG, ("check", "--config", "locked.toml", "good.yaml")),
    "roster": ("locked.yaml", ROSTER, ("check", "--roster", "locked.yaml", "good.yaml")),
    "waivers": ("locked.toml", WAIVERS, ("check", "--waivers", "locked.toml", "good.yaml")),
    "previous": ("locked.yaml", PREVIOUS, ("check", "--previous", "locked.yaml", "good.yaml")),
    "previous-folder": ("locked", PREVIOUS, ("check", "--previous", "locked", "good.yaml")),
    "rules": ("locked", PACK, ("check", "--rules", "locked", "good.yaml")),
    "pack": ("locked", PACK, ("validate", "--pack", "locked", "good.yaml")),
    "diff": ("locked.yaml", DIFF, ("diff", "locked.yaml", "good.yaml")),
    "convert": ("locked.yaml", REPORT, ("convert", "locked.yaml", "-o", "out.xlsx")),
    "template": ("locked.yaml", REPORT, ("template", "-u", "东安县", "-y", "2024", "--from", "locked.yaml")),
}


@pytest.fixture
def locked(shared: Path) -> Path:
    """``shared`` holding a readable report and, locked (mode 000), a report, a TOML file and a folder."""
    shutil.copyfile(SAMPLE, shared / "good.yaml")
    (shared / "good.yaml").chmod(0o644)
    shutil.copyfile(SAMPLE, shared / "locked.yaml")
    (shared / "locked.toml").write_text('lang = "zh"\n', encoding="utf-8")
    (shared / "locked").mkdir()
    for name in ("locked.yaml", "locked.toml", "locked"):
        (shared / name).chmod(0o000)
    shared.chmod(0o777)  # the outputs of convert and template are written there
    return shared


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("case", CASES)
def test_an_unreadable_file_or_folder_an_option_names_is_told_in_the_run_s_language(
    locked: Path, case: str, lang: str
) -> None:
    name, head, args = CASES[case]
    done = run(*args, "--lang", lang, user=unprivileged_user(), cwd=locked)
    said = done.err + done.text
    assert done.code == 2, said
    assert "not readable" not in said and "Invalid value" not in said and "Usage" not in said, said
    severity = "" if head is not REPORT else {"zh": "错误：", "en": "error: "}[lang]
    located = f"{name}: {severity}{READ_DENIED[lang]}"
    lines = said.splitlines()
    assert located in lines, said
    if head is not REPORT:
        assert lines[lines.index(located) - 1] == head[lang], said
    assert not (locked / "out.xlsx").exists()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_output_in_a_folder_the_user_may_not_write_says_what_to_do(locked: Path, lang: str) -> None:
    (locked / "locked").chmod(0o555)
    done = run(
        "check", "good.yaml", "-o", "locked/out.json", "--lang", lang, user=unprivileged_user(), cwd=locked
    )
    assert done.code == 2, done.err
    assert done.err.splitlines() == [WRITE_DENIED[lang]]


LINK_BROKEN = {
    "zh": "符号链接指向的 gone 不存在：请恢复它指向的目录或文件，或删除这个链接",
    "en": "this symbolic link points to gone, which does not exist: restore what it points to, or remove the "
    "link",
}
# the command line of each case: the link is named ``link``, the readable report ``good.yaml``
LINKED = {
    "config": ("check", "--config", "link", "good.yaml"),
    "roster": ("check", "--roster", "link", "good.yaml"),
    "waivers": ("check", "--waivers", "link", "good.yaml"),
    "previous": ("check", "--previous", "link", "good.yaml"),
    "rules": ("check", "--rules", "link", "good.yaml"),
    "diff": ("diff", "link", "good.yaml"),
    "report": ("validate", "link", "good.yaml"),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("case", LINKED)
def test_a_link_to_nothing_is_named_as_given_with_what_it_points_to(
    tmp_path: Path, case: str, lang: str
) -> None:
    """``--config link`` said "the config file gone has problems: gone: no such file", of a name the user
    never typed; a report, a roster or a waivers file given as a link to nothing said "no such file" of a
    name the folder lists."""
    shutil.copyfile(SAMPLE, tmp_path / "good.yaml")
    (tmp_path / "link").symlink_to("gone")
    done = run(*LINKED[case], "--lang", lang, cwd=tmp_path)
    said = done.err + done.text
    assert done.code == 2, said
    severity = {"zh": "错误：", "en": "error: "}[lang] if case == "report" else ""
    assert f"link: {severity}{LINK_BROKEN[lang]}" in said.splitlines(), said
    assert "gone:" not in said and "gone " + {"zh": "有误", "en": "has problems"}[lang] not in said


NOT_A_FILE = {
    "folder": {
        "zh": "folder: 这是一个目录，不是普通文件，未打开：请给出一个文件",
        "en": "folder: this is a directory, not a regular file, and was not opened: give a file",
    },
    "fifo": {
        "zh": "fifo: 这是一个命名管道（FIFO），不是普通文件，未打开：请给出一个文件",
        "en": "fifo: this is a named pipe (FIFO), not a regular file, and was not opened: give a file",
    },
    "gbk.toml": {
        "zh": "gbk.toml: 不是 UTF-8 编码：请以 UTF-8 保存",
        "en": "gbk.toml: not UTF-8: save it as UTF-8",
    },
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("option", ["--config", "--waivers"])
def test_a_settings_file_that_is_a_folder_a_fifo_or_not_utf8_is_told_without_waiting(
    tmp_path: Path, option: str, lang: str
) -> None:
    """What the readable check of typer never saw, kept as it is: a FIFO is refused unopened (no wait for a
    writer), a folder named for what it is, a file in GBK told to be saved as UTF-8."""
    shutil.copyfile(SAMPLE, tmp_path / "good.yaml")
    (tmp_path / "folder").mkdir()
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "gbk.toml").write_bytes('lang = "中文"\n'.encode("gbk"))
    for name, said in NOT_A_FILE.items():
        done = run("check", option, name, "good.yaml", "--lang", lang, cwd=tmp_path)
        assert done.code == 2, done.err
        assert said[lang] in done.err.splitlines(), done.err


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_config_file_found_as_a_link_to_nothing_stops_the_run_saying_so(tmp_path: Path, lang: str) -> None:
    """``zhijiao-check.toml -> gone.toml`` (a team's shared file moved) was passed over, and the search went
    on to the folders above: the team's settings, its waivers among them, silently did not hold."""
    (tmp_path / "zhijiao-check.toml").symlink_to("gone.toml")
    (tmp_path / "reports").mkdir()
    shutil.copyfile(SAMPLE, tmp_path / "reports" / "good.yaml")
    head = {"zh": "配置文件 {file} 有误：", "en": "the config file {file} has problems:"}[lang]
    said = LINK_BROKEN[lang].replace("gone", "gone.toml")
    for cwd, file in ((tmp_path, "zhijiao-check.toml"), (tmp_path / "reports", "../zhijiao-check.toml")):
        done = run("check", "good.yaml" if cwd != tmp_path else "reports", "--lang", lang, cwd=cwd)
        assert done.code == 2, done.err
        assert done.err.splitlines()[:2] == [head.format(file=file), f"{file}: {said}"], done.err


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_folder_that_cannot_be_entered_says_why_in_the_run_s_language(locked: Path, lang: str) -> None:
    """The system's reason stood in the message as the system words it: "无法进入此目录，其中的报表未检查：
    Permission denied"."""
    done = run("validate", "locked", "good.yaml", "--lang", lang, user=unprivileged_user(), cwd=locked)
    assert done.code == 2, done.err
    entered = {
        "zh": "错误：无法进入此目录，其中的报表未检查：",
        "en": "error: cannot enter this directory; the reports in it were not checked: ",
    }[lang]
    assert f"locked: {entered}{READ_DENIED[lang]}" in done.text.splitlines(), done.text
    assert "Permission denied" not in done.text
