"""Files are UTF-8 whatever the console's encoding; those a person opens on Chinese Windows (the table in
Notepad, the CSV in Excel) begin with a byte-order mark, which those programs need to read them as UTF-8 and
not as GBK; those a program reads (JSON, Markdown, GitHub's commands) do not, nor does standard output.
``renderers.as_filed``; README, "Files' encoding"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from factory import ROOT
from hostile.helpers import on_terminal

DONGAN = ROOT / "samples" / "2023" / "dongan.yaml"
BOM = b"\xef\xbb\xbf"
HANG = 30  # only so that a hang fails the test instead of the suite


def _gbk_console() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "PYTHONIOENCODING")}
    return {**env, "PYTHONIOENCODING": "gbk"}


def test_the_table_written_to_a_file_from_a_gbk_console_is_utf8_with_a_bom(tmp_path: Path) -> None:
    argv = [sys.executable, "-m", "zhijiao_check", "check", str(DONGAN), "-f", "table", "-o", "表.txt"]
    argv += ["-f", "csv", "-o", "c.csv", "-f", "markdown", "-o", "m.md", "-f", "github", "-o", "g.txt"]
    argv += ["-f", "json", "-o", "r.json"]
    code, shown, _ = on_terminal(argv, "stdout", tmp_path, _gbk_console())
    assert code == 1 and shown == b""  # every output went to a file
    table = (tmp_path / "表.txt").read_bytes()
    assert table.startswith(BOM)
    # the file's own glyphs, not the GBK console's ASCII forms (``+ pass``)
    assert "✓ pass             c1.vocational-share" in table[len(BOM) :].decode("utf-8")
    assert (tmp_path / "c.csv").read_bytes().startswith(BOM)
    for read_by_a_program in ("m.md", "g.txt", "r.json"):
        assert not (tmp_path / read_by_a_program).read_bytes().startswith(BOM), read_by_a_program


def test_the_table_on_standard_output_has_none(tmp_path: Path) -> None:
    argv = [sys.executable, "-m", "zhijiao_check", "check", str(DONGAN), "--lang", "en"]
    env = _gbk_console()
    piped = subprocess.run(argv, check=False, capture_output=True, cwd=tmp_path, env=env, timeout=HANG)
    assert piped.returncode == 1
    assert piped.stdout.startswith("东安县".encode())  # UTF-8 and no mark: grep and findstr read it as it is
    to_device = subprocess.run(
        [*argv, "-o", "/dev/stdout"], check=False, capture_output=True, cwd=tmp_path, env=env, timeout=HANG
    )
    assert to_device.stdout == piped.stdout


def test_validate_and_diff_written_to_a_file_as_the_table_is(tmp_path: Path) -> None:
    """``validate -o 问题.txt`` and ``diff -o 变化.txt`` are a clerk's lists, opened in Notepad as the table
    is: they had no mark, and Notepad before Windows 10's 1903 showed them garbled. Their JSON never has one,
    nor standard output (an editor reads ``validate``'s lines there)."""
    run = [sys.executable, "-m", "zhijiao_check"]
    older = ROOT / "samples" / "2022" / "dongan.yaml"
    outputs = {
        "问题.txt": [*run, "validate", str(DONGAN), "-o", "问题.txt"],
        "问题.json": [*run, "validate", str(DONGAN), "-o", "问题.json"],
        "变化.txt": [*run, "diff", str(older), str(DONGAN), "-o", "变化.txt"],
        "变化.json": [*run, "diff", str(older), str(DONGAN), "-f", "json", "-o", "变化.json"],
    }
    env = _gbk_console()
    for name, argv in outputs.items():
        done = subprocess.run(argv, check=False, capture_output=True, cwd=tmp_path, env=env, timeout=HANG)
        assert done.returncode == 0 and done.stdout == b"", (name, done.stderr)
    listed = (tmp_path / "问题.txt").read_bytes()
    assert listed.startswith(BOM) and "dongan.yaml：格式正确\n" in listed[len(BOM) :].decode("utf-8")
    assert (tmp_path / "变化.txt").read_bytes().startswith(BOM + "东安县".encode())
    for read_by_a_program in ("问题.json", "变化.json"):
        assert (tmp_path / read_by_a_program).read_bytes().startswith(b"{"), read_by_a_program
    for command in (outputs["问题.txt"][:-2], outputs["变化.txt"][:-2]):
        piped = subprocess.run(command, check=False, capture_output=True, cwd=tmp_path, env=env, timeout=HANG)
        assert piped.returncode == 0 and not piped.stdout.startswith(BOM), command
