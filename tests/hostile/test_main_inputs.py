"""The inputs and outputs added after the first hostile round keep its guarantees: workbooks, ``convert``,
``template --from``, the config and waivers files, CSV and xlsx results, and outputs that are devices or
FIFOs.

Every input goes through the one file door (a FIFO refused unopened, a located exit 2, the other paths still
checked); every output through the one writer (never over an input, whole or not at all, a device written to
and never replaced by a file).
"""

from __future__ import annotations

import json
import os
import re
import stat
import threading
from pathlib import Path

import pytest

from .helpers import SAMPLE, digest, environment, run, run_on_terminal

EARLIER = SAMPLE.parents[1] / "2022" / SAMPLE.name  # the same county a year before: trends


@pytest.fixture
def workbook(report: Path, tmp_path: Path) -> Path:
    path = tmp_path / "dongan.xlsx"
    done = run("convert", report, "-o", path)
    assert done.code == 0, done.err
    return path


def _linked(source: Path, how: str, folder: Path) -> Path:
    target = folder / f"{how}{source.suffix}"
    if how == "symlink":
        target.symlink_to(source)
    elif how == "hardlink":
        os.link(source, target)
    else:
        target = source
    return target


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink"])
def test_convert_never_writes_over_its_input_even_with_force(
    workbook: Path, tmp_path: Path, how: str
) -> None:
    before = digest(workbook)
    done = run("convert", workbook, "-o", _linked(workbook, how, tmp_path), "--force", "--lang", "en")
    assert done.code == 2 and "is the input" in done.err and "nothing was done" in done.err
    assert digest(workbook) == before


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink"])
def test_template_never_writes_over_the_report_it_is_filled_from(
    report: Path, tmp_path: Path, how: str
) -> None:
    before = digest(report)
    done = run(
        "template",
        "-u",
        "东安县",
        "-y",
        "2024",
        "--from",
        report,
        "-o",
        _linked(report, how, tmp_path),
        "--force",
        "--lang",
        "en",
    )
    assert done.code == 2 and "is the input" in done.err
    assert digest(report) == before


@pytest.mark.parametrize(
    "command",
    [("convert", SAMPLE, "--force"), ("template", "-u", "东安县", "-y", "2024", "--force"), ("schema",)],
)
def test_no_command_writes_over_a_rule_file(command: tuple[object, ...]) -> None:
    from zhijiao_check.pack.load import builtin_dir

    rule_file = next(builtin_dir().rglob("*.yaml"))
    before = digest(rule_file)
    done = run(*command, "-o", rule_file, "--lang", "en")
    assert done.code == 2 and "is the input" in done.err, done.err
    assert digest(rule_file) == before


def test_a_workbook_fifo_is_refused_unopened_and_the_others_checked(workbook: Path, tmp_path: Path) -> None:
    folder = tmp_path / "workbooks"
    folder.mkdir()
    workbook = workbook.rename(folder / workbook.name)
    os.mkfifo(folder / "pipe.xlsx")
    for args in ((folder,), (folder / "pipe.xlsx", workbook)):
        done = run("check", *args, "-f", "json")
        document = json.loads(done.text)
        assert done.code == 2
        assert [p["code"] for bad in document["invalid"] for p in bad["problems"]] == ["not-regular-file"]
        assert [r["unit"] for r in document["reports"]] == ["东安县"]
    for command in (
        ("convert", folder / "pipe.xlsx", "-o", tmp_path / "x.yaml"),
        ("template", "-u", "东安县", "-y", "2024", "--from", folder / "pipe.xlsx"),
    ):
        done = run(*command, "--lang", "en")
        assert done.code == 2 and "pipe.xlsx: error: this is a named pipe (FIFO)" in done.err, done.err


@pytest.mark.parametrize("option", ["--config", "--waivers"])
@pytest.mark.parametrize("kind", ["fifo", "device", "directory", "missing"])
def test_a_settings_file_that_is_no_regular_file_is_a_located_exit_2(
    report: Path, tmp_path: Path, option: str, kind: str
) -> None:
    path = {
        "fifo": tmp_path / "s.toml",
        "device": Path("/dev/zero"),
        "directory": tmp_path,
        "missing": tmp_path / "nowhere.toml",
    }[kind]
    if kind == "fifo":
        os.mkfifo(path)
    done = run("check", report, option, path, "--lang", "en")
    assert done.code == 2, done.err
    assert f"{path}: " in done.err and done.out == b""


@pytest.mark.parametrize("option", ["--config", "--waivers"])
def test_an_output_over_the_settings_file_in_use_is_refused(
    report: Path, tmp_path: Path, option: str
) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text('lang = "en"\n' if option == "--config" else "", encoding="utf-8")
    before = digest(settings)
    done = run("check", report, option, settings, "-f", "json", "-o", settings, "--lang", "en")
    assert done.code == 2 and "is the input" in done.err
    assert digest(settings) == before


def test_a_config_file_found_upward_is_an_input_too(report: Path, tmp_path: Path) -> None:
    config = tmp_path / "zhijiao-check.toml"
    config.write_text('lang = "en"\n', encoding="utf-8")
    before = digest(config)
    done = run("check", report, "-f", "json", "-o", "zhijiao-check.toml", "--lang", "en", cwd=tmp_path)
    assert done.code == 2 and "is the input" in done.err
    assert digest(config) == before


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_an_output_that_is_a_device_is_written_to_never_replaced(report: Path, fmt: str) -> None:
    done = run("check", report, "-f", fmt, "-o", os.devnull)
    assert done.code == 1, done.err
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    if os.path.exists("/dev/full"):
        full = run("check", report, "-f", fmt, "-o", "/dev/full", "--lang", "en")
        assert full.code == 2 and "cannot write /dev/full: the disk is full" in full.err
        assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_an_output_fifo_is_written_to_when_read_and_refused_when_nobody_reads(
    report: Path, tmp_path: Path
) -> None:
    pipe = tmp_path / "out.json"
    os.mkfifo(pipe)
    unread = run(
        "check", report, "-f", "json", "-o", pipe, "-f", "csv", "-o", tmp_path / "r.csv", "--lang", "en"
    )
    assert unread.code == 2 and "cannot write" in unread.err and "no output file was written" in unread.err
    assert stat.S_ISFIFO(os.stat(pipe).st_mode) and not (tmp_path / "r.csv").exists()
    received: list[bytes] = []
    fd = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # a reader waiting, as `cat out.json` would be
    try:
        reader = threading.Thread(target=lambda: received.append(_read_all(fd)))
        reader.start()
        done = run("check", report, "-f", "json", "-o", pipe)
        reader.join(30)
    finally:
        os.close(fd)
    assert done.code == 1, done.err
    assert json.loads(b"".join(received))["exit_code"] == 1
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)


def _read_all(fd: int) -> bytes:
    import select

    chunks = []
    seen_writer = False
    while True:
        ready, _, _ = select.select([fd], [], [], 30)
        if not ready:
            return b"".join(chunks)
        chunk = os.read(fd, 65536)
        if chunk:
            seen_writer = True
            chunks.append(chunk)
        elif seen_writer:  # end of file: the writer closed
            return b"".join(chunks)


def test_a_workbook_on_a_terminal_is_one_line_and_nothing_written(report: Path, tmp_path: Path) -> None:
    done = run_on_terminal(
        "check",
        report,
        "-f",
        "json",
        "-o",
        tmp_path / "r.json",
        "-f",
        "xlsx",
        "--lang",
        "en",
        env=environment(),
    )
    assert done.code == 2
    assert done.err.strip().splitlines() == [
        (
            "a workbook (xlsx) is a binary file and cannot be shown on a terminal: write it to a file with "
            "--output NAME.xlsx"
        )
    ]
    assert not (tmp_path / "r.json").exists()


@pytest.mark.parametrize("encoding", ["gbk", "ascii"])
def test_a_narrow_encoding_terminal_shows_waived_results_and_trends_with_its_own_glyphs(
    report: Path,
    tmp_path: Path,
    encoding: str,
) -> None:
    waivers = tmp_path / "waivers.toml"
    waivers.write_text(
        '[[waiver]]\nrule = "c16.secondary-funding"\nunit = "东安县"\nyear = 2023\nreason = "测试"\n'
        'approved-by = "市教育局"\ndocument = "永教函〔2023〕1号"\nexpires = 2099-12-31\n',
        encoding="utf-8",
    )
    for lang in ("zh", "en"):
        done = run_on_terminal(
            "check",
            EARLIER,
            report,
            "--waivers",
            waivers,
            "--lang",
            lang,
            env=environment(PYTHONIOENCODING=encoding),
        )
        assert done.code == 1, done.err
        text = done.out.decode(encoding)  # strict: every byte in the terminal's encoding
        assert "~ waived" in text
        # Only what the encoding lacks is escaped, and that is the Chinese text alone, never a glyph.
        escaped = {chr(int(code, 16)) for code in re.findall(r"\\u([0-9a-f]{4})", text)}
        assert all("\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef" for char in escaped), escaped
        if encoding == "gbk":
            assert not escaped


def test_json_with_trends_and_waivers_is_strict(report: Path) -> None:
    done = run("check", EARLIER, report, "-f", "json")

    def refuse(constant: str) -> None:
        raise AssertionError(f"not JSON: {constant}")

    document = json.loads(done.text, parse_constant=refuse)
    assert done.code == 1 and document["trends"]


def test_a_workbook_that_would_take_seconds_to_open_is_refused_before(workbook: Path, tmp_path: Path) -> None:
    """Styles and other parts are parsed whole on opening: 500,000 cell styles fit a zip of 128 KB and took
    openpyxl over ten seconds. Sheets are streamed, but a few rows of 16,384 columns hold a hundred thousand
    cells. Both are refused, located at the file, with what to do."""
    import zipfile

    import openpyxl

    styled = tmp_path / "styled.xlsx"
    styles = b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' * 500_000
    with zipfile.ZipFile(workbook) as source, zipfile.ZipFile(styled, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/styles.xml":
                data = re.sub(rb'<cellXfs count="(\d+)">', lambda m: m.group(0) + styles, data)
            target.writestr(info.filename, data)
    wide = tmp_path / "wide.xlsx"
    book = openpyxl.load_workbook(workbook)
    for row in range(3, 12):
        for column in range(1, 16_001):
            book["学校"].cell(row, column).value = 1
    book.save(wide)
    done = run("check", styled, wide, workbook, "-f", "json", "--lang", "en")
    document = json.loads(done.text)
    assert done.code == 2
    assert {
        bad["file"].rsplit("/", 1)[-1]: [p["code"] for p in bad["problems"]] for bad in document["invalid"]
    } == {"styled.xlsx": ["zip-bomb"], "wide.xlsx": ["too-many-cells"]}
    assert [r["unit"] for r in document["reports"]] == ["东安县"]


def test_an_output_fifo_nobody_reads_is_told_in_the_runs_language(report: Path, tmp_path: Path) -> None:
    """ENXIO, a FIFO opened without waiting that no program reads, was said in the system's English in a
    Chinese run (``无法写入 t/ff：No such device or address``)."""
    pipe = tmp_path / "ff"
    os.mkfifo(pipe)
    chinese = run("check", report, "-o", pipe)
    assert chinese.code == 2
    assert "没有程序在读取这个命名管道（FIFO），或设备不存在：请先启动读取它的程序" in chinese.err, (
        chinese.err
    )
    assert "No such device" not in chinese.err
    english = run("check", report, "-o", pipe, "--lang", "en")
    assert english.code == 2
    assert "no program is reading this named pipe (FIFO), or the device is not there" in english.err
