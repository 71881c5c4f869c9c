"""Nothing lost (issue 7, class 1): no output is written over an input, two outputs never share a file, and
each output appears whole or not at all."""

from __future__ import annotations

import errno
import io
import json
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from zhijiao_check import output
from zhijiao_check.errors import FatalError
from zhijiao_check.jsontext import Span
from zhijiao_check.output import Streamed, write_all

from .helpers import digest, run


@pytest.mark.parametrize("command", ["check", "validate"])
def test_an_output_that_is_the_input_is_refused_before_any_work(report: Path, command: str) -> None:
    before = digest(report)
    done = run(command, report, "-f", "json", "-o", report)
    assert done.code == 2
    assert "dongan.yaml" in done.err and ("输入" in done.err)
    assert digest(report) == before
    assert done.out == b""  # nothing was checked


@pytest.mark.parametrize("link", ["symlink", "hardlink", "dotted"])
def test_an_output_that_reaches_the_input_another_way_is_refused(
    report: Path, tmp_path: Path, link: str
) -> None:
    before = digest(report)
    if link == "symlink":
        target = tmp_path / "out.json"
        target.symlink_to(report)
    elif link == "hardlink":
        target = tmp_path / "out.json"
        os.link(report, target)
    else:
        target = tmp_path / "sub" / ".." / "dongan.yaml"
        (tmp_path / "sub").mkdir()
    done = run("check", report, "-f", "json", "-o", target, "--lang", "en")
    assert done.code == 2, done.err
    assert "is the input" in done.err and "nothing was done" in done.err
    assert digest(report) == before


def test_an_output_over_a_report_found_in_a_scanned_directory_is_refused(
    report: Path, tmp_path: Path
) -> None:
    before = digest(report)
    done = run("validate", tmp_path, "-f", "json", "-o", report)
    assert done.code == 2 and digest(report) == before


def test_each_report_is_checked_against_the_outputs_without_its_real_path_worked_out_part_by_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every report found is checked against the outputs (a file of them may be the output), each looked for
    files under it as a folder is (``files.walk``): a report's real path was worked out first, a system call
    for each part of its path (some 1.3 million instructions a file), though a file has nothing under it.
    Its folder's real path is worked out once, and an output over one of them is refused all the same."""
    from zhijiao_check.commands.inputs import guard_outputs

    reports = []
    for number in range(3):
        path = tmp_path / "2023" / f"{number}" / "dongan.yaml"
        path.parent.mkdir(parents=True)
        path.write_text("x: 1\n", encoding="utf-8")
        reports.append(path)
    asked: list[str] = []
    realpath = os.path.realpath

    def counted(path: str | os.PathLike[str], **options: bool) -> str:
        asked.append(os.fspath(path))
        return realpath(path, **options)

    monkeypatch.setattr(os.path, "realpath", counted)
    guard_outputs([tmp_path / "out.json"], reports)
    assert not [one for one in asked if one.endswith(".yaml")]
    with pytest.raises(FatalError) as refused:
        guard_outputs([reports[1]], reports)
    assert refused.value.code == "output-is-input"


def test_an_output_over_a_rule_file_is_refused(tmp_path: Path, report: Path) -> None:
    from zhijiao_check.pack.load import builtin_dir

    rule_file = next(builtin_dir().rglob("*.yaml"))
    before = digest(rule_file)
    assert run("check", report, "-f", "json", "-o", rule_file).code == 2
    assert digest(rule_file) == before


def test_two_outputs_to_one_file_are_refused(report: Path, tmp_path: Path) -> None:
    done = run(
        "check",
        report,
        "-f",
        "json",
        "-o",
        tmp_path / "out",
        "-f",
        "sarif",
        "-o",
        tmp_path / "." / "out",
        "--lang",
        "en",
    )
    assert done.code == 2
    assert "are the same output file" in done.err
    assert not (tmp_path / "out").exists()


def test_a_failed_output_leaves_no_other_half_written_and_says_what_was_written(
    report: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be\n")
    first = tmp_path / "out.json"
    done = run(
        "check", report, "-f", "json", "-o", first, "-f", "sarif", "-o", blocker / "out.sarif", "--lang", "en"
    )
    assert done.code == 2
    assert "cannot write" in done.err and done.err.rstrip().endswith("; no output file was written")
    assert not first.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dongan.yaml", "not-a-folder"]  # no temporary left


def test_a_failed_output_leaves_no_folder_it_made_behind(report: Path, tmp_path: Path) -> None:
    """``-o new/a/b/out.json -o /dev/full``: nothing written, and ``new/a/b/`` was left, empty."""
    (tmp_path / "kept").mkdir()
    for second in ("/dev/full", str(tmp_path / "not-a-folder" / "x.sarif")):
        (tmp_path / "not-a-folder").write_text("a file where a folder should be\n")
        done = run(
            "check",
            report,
            "-f",
            "json",
            "-o",
            tmp_path / "new" / "a" / "b" / "out.json",
            "-f",
            "json",
            "-o",
            tmp_path / "kept" / "c" / "out.json",
            "-f",
            "sarif",
            "-o",
            second,
        )
        assert done.code == 2, done.err
        assert sorted(p.name for p in tmp_path.iterdir()) == ["dongan.yaml", "kept", "not-a-folder"], second
        assert list((tmp_path / "kept").iterdir()) == []  # a folder that was there stays


def test_template_writes_to_a_device_as_every_command_does(tmp_path: Path) -> None:
    done = run("template", "--unit", "东安县", "--year", "2024", "-o", "/dev/null", "--lang", "en")
    assert done.code == 0, done.err


def test_outputs_are_written_whole_through_a_symlink_and_keep_the_mode_of_the_file_they_replace(
    report: Path,
    tmp_path: Path,
) -> None:
    real = tmp_path / "results" / "real.json"
    real.parent.mkdir()
    real.write_text("old\n")
    real.chmod(0o640)
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    done = run("check", report, "-f", "json", "-o", link, "-f", "junit", "-o", tmp_path / "new" / "junit.xml")
    assert done.code == 1, done.err
    assert link.is_symlink()  # the link is kept, the file it points to replaced
    assert json.loads(real.read_text(encoding="utf-8"))["exit_code"] == 1
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert (tmp_path / "new" / "junit.xml").read_text(encoding="utf-8").startswith("<?xml")
    assert [p.name for p in real.parent.iterdir()] == ["real.json"]


def test_an_output_that_is_a_directory_is_refused_whole(report: Path, tmp_path: Path) -> None:
    done = run("check", report, "-f", "json", "-o", tmp_path, "--lang", "en")
    assert done.code == 2 and "cannot write" in done.err


def test_diff_refuses_to_write_over_either_report(report: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_bytes(report.read_bytes())
    before = digest(other)
    done = run("diff", report, other, "-o", other, "--lang", "en")
    assert done.code == 2 and "is the input" in done.err
    assert digest(other) == before


def test_an_output_over_an_earlier_year_or_a_roster_is_refused(report: Path, tmp_path: Path) -> None:
    earlier = tmp_path / "earlier.yaml"
    earlier.write_bytes(report.read_bytes())
    before = digest(earlier)
    done = run("check", report, "--previous", earlier, "-f", "json", "-o", earlier)
    assert done.code == 2 and digest(earlier) == before


def _streamed(*pieces: bytes | Span | Exception) -> Streamed:
    def made() -> Iterator[bytes | Span]:
        for piece in pieces:
            if isinstance(piece, Exception):
                raise piece
            yield piece

    return Streamed(made)


def test_a_streamed_output_appears_whole_and_replaces_the_file_only_when_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("before\n", encoding="utf-8")
    write_all([(_streamed(b"{\n", b'  "a": "\xe5\xa5\xbd"\n', b"}\n"), target)])
    assert target.read_text(encoding="utf-8") == '{\n  "a": "好"\n}\n'


@pytest.mark.parametrize("failure", [OSError(errno.ENOSPC, "No space left on device"), RuntimeError("bug")])
def test_a_streamed_output_that_fails_halfway_leaves_the_old_file_and_no_part(
    tmp_path: Path, failure: Exception
) -> None:
    target = tmp_path / "out.json"
    target.write_text("before\n", encoding="utf-8")
    other = tmp_path / "other.txt"
    with pytest.raises((FatalError, RuntimeError)) as raised:
        write_all([("other\n", other), (_streamed(b"{\n", failure, b"}\n"), target)])
    if isinstance(failure, OSError):
        assert raised.value.args and "out.json" in str(raised.value.args) + str(vars(raised.value))
    assert target.read_text(encoding="utf-8") == "before\n"
    assert not other.exists()  # nothing is renamed into place unless every file is whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full to stand for a full disk")
@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--help",), "无法写入标准输出，帮助或版本号没有显示：磁盘空间不足"),
        (("check", "-h"), "无法写入标准输出，帮助或版本号没有显示：磁盘空间不足"),
        (("--version",), "无法写入标准输出，帮助或版本号没有显示：磁盘空间不足"),
        (
            ("rules", "--help", "--lang", "en"),
            "cannot write to standard output, the help or the version was not shown: the disk is full",
        ),
    ],
)
def test_help_or_version_to_a_full_disk_is_one_line_exit_2(args: tuple[str, ...], said: str) -> None:
    """rich's write of the help (typer's echo of the version) to a full disk raised: an internal error, exit
    3, where a command's own output to it is told on one line, exit 2."""
    fd = os.open("/dev/full", os.O_WRONLY)
    try:
        done = run(*args, stdout=fd)
    finally:
        os.close(fd)
    assert done.code == 2
    assert done.err == said + "\n"


@pytest.mark.skipif(not hasattr(os, "writev"), reason="no gathering write on this system")
def test_a_streamed_output_is_written_whole_when_the_system_takes_part_of_a_gathered_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its pieces are gathered into few calls (``os.writev``); a pipe or a device may take part of one: the
    rest is written after it, nothing lost or written twice."""
    pieces = [bytes([65 + n % 26]) * (n * 37 % 5000) for n in range(3000)]  # some 7.5 MB, thousands of pieces
    calls: list[int] = []

    def partial(descriptor: int, buffers: list[bytes]) -> int:
        calls.append(len(buffers))
        return os.write(descriptor, b"".join(buffers)[: sum(map(len, buffers)) // 3])

    monkeypatch.setattr(os, "writev", partial)
    target = tmp_path / "out.json"
    write_all([(_streamed(*pieces), target)])
    assert target.read_bytes() == b"".join(pieces)
    assert 0 < len(calls) < 40 and max(calls) <= 1024  # 7.5 MB in calls of up to 256 KiB: some 30, not 3,000


def _spans(tmp_path: Path) -> tuple[list[bytes | Span], bytes]:
    """Pieces of a streamed text, some of them left in a file (``jsontext.Span``, as a flat run's spool
    leaves each report's entry), and the text they make."""
    stored = tmp_path / "spool"
    stored.write_bytes(b"".join(bytes([65 + n % 26]) * 3000 for n in range(40)))
    descriptor = os.open(stored, os.O_RDONLY)
    pieces: list[bytes | Span] = []
    for n in range(40):
        pieces += [b",\n" + str(n).encode(), Span(descriptor, 3000 * ((n * 7) % 40), 3000)]
    return pieces, b"".join(p if isinstance(p, bytes) else p.text() for p in pieces)


def test_a_streamed_output_copies_the_pieces_left_in_a_file_in_their_place(tmp_path: Path) -> None:
    pieces, text = _spans(tmp_path)
    target = tmp_path / "out.json"
    write_all([(_streamed(*pieces), target)])
    assert target.read_bytes() == text


@pytest.mark.skipif(not hasattr(os, "sendfile"), reason="no copy between files on this system")
def test_a_piece_left_in_a_file_is_written_whole_when_the_system_copies_part_of_it_or_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The system may copy part of a piece (a pipe, a signal): the rest is copied after it; an output it does
    not copy to (one opened to append, ``>>``) refuses the first piece, and every piece is read and written,
    the system not asked again."""
    pieces, text = _spans(tmp_path)
    copy = os.sendfile
    asked: list[int] = []

    def partly(out: int, descriptor: int, at: int, size: int) -> int:
        asked.append(size)
        return copy(out, descriptor, at, max(1, size // 3))

    def refused(out: int, descriptor: int, at: int, size: int) -> int:
        asked.append(size)
        raise OSError(errno.EINVAL, "Invalid argument")

    monkeypatch.setattr(output, "_SENDFILE", True)
    for sendfile, calls in ((partly, 840), (refused, 1)):  # 40 pieces of 3,000 bytes, a third at a time
        asked.clear()
        monkeypatch.setattr(os, "sendfile", sendfile)
        target = tmp_path / f"{sendfile.__name__}.json"
        write_all([(_streamed(*pieces), target)])
        assert target.read_bytes() == text
        assert len(asked) == calls


def test_a_streamed_output_to_a_stream_without_a_descriptor_reads_the_pieces_left_in_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pieces, text = _spans(tmp_path)
    shown = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(shown, encoding="utf-8"))
    write_all([(_streamed(*pieces), None)])
    assert shown.getvalue() == text
