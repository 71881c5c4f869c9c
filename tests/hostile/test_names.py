"""A report's file name holding control characters (an escape sequence, a bell, a newline): shown with them
escaped (``\\x1b``) wherever a name is shown, never passed on as they are. The terminal got the escape
sequence, a workbook refused the name (an internal error, exit 3), and a newline in ``template --from``'s
name ended the YAML comment it was written in, the rest of the name read as YAML."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from zhijiao_check.characters import escaped
from zhijiao_check.files import display_name

from .helpers import SAMPLE, run, run_on_terminal

SOH = "dong\x01an.yaml"
TITLE = "d\x1b]0;pwned\x07\x1b[2J.yaml"  # sets the terminal's title, then clears its screen
NEWLINE = "last\nyear: 1999\n#.yaml"
LAST_YEAR = SAMPLE.parents[1] / "2022" / "dongan.yaml"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        (SOH, "dong\\x01an.yaml"),
        (TITLE, "d\\x1b]0;pwned\\x07\\x1b[2J.yaml"),
        (NEWLINE, "last\\x0ayear: 1999\\x0a#.yaml"),
        ("tab\there\x7f\x85.yaml", "tab\\x09here\\x7f\\x85.yaml"),
        ("a\u2028b\u202ec.yaml", "a\\u2028b\\u202ec.yaml"),  # a line separator, a right-to-left override
        ("东安县\u3000报表 (2).yaml", "东安县\u3000报表 (2).yaml"),  # printable, if odd: as it is
        ("\udcb6\udcab\x01.yaml", "\\xb6\\xab\\x01.yaml"),  # not UTF-8, and a control character
    ],
)
def test_a_name_is_shown_with_its_control_characters_escaped(name: str, shown: str) -> None:
    assert display_name(name) == shown
    assert display_name(Path("reports", name)) == str(Path("reports", shown))
    assert escaped(shown) == shown  # once is enough: the escaped name is plain text


def test_a_results_workbook_names_such_a_report(tmp_path: Path) -> None:
    shutil.copyfile(SAMPLE, tmp_path / SOH)
    done = run("check", SOH, "-f", "xlsx", "-o", "out.xlsx", cwd=tmp_path)
    assert done.code == 1, done.err
    book = load_workbook(io.BytesIO((tmp_path / "out.xlsx").read_bytes()))
    files = {row[13] for row in book["明细"].iter_rows(min_row=2, values_only=True)}  # 文件
    assert files == {"dong\\x01an.yaml"}


def test_a_template_from_such_a_report_says_where_its_figures_came_from(tmp_path: Path) -> None:
    shutil.copyfile(LAST_YEAR, tmp_path / SOH)
    done = run("template", "--unit", "东安县", "--year", "2023", "--from", SOH, "-o", "t.xlsx", cwd=tmp_path)
    assert done.code == 0, done.err
    book = load_workbook(io.BytesIO((tmp_path / "t.xlsx").read_bytes()))
    cells = [value for row in book.worksheets[0].iter_rows(values_only=True) for value in row]
    assert any(isinstance(value, str) and value.startswith("dong\\x01an.yaml：") for value in cells), cells


def test_a_newline_in_the_name_stays_in_the_template_s_comment(tmp_path: Path) -> None:
    shutil.copyfile(LAST_YEAR, tmp_path / NEWLINE)
    done = run(
        "template", "--unit", "东安县", "--year", "2023", "--from", NEWLINE, "-o", "new.yaml", cwd=tmp_path
    )
    assert done.code == 0, done.err
    text = (tmp_path / "new.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[2].startswith("# 预填来源 last\\x0ayear: 1999\\x0a#.yaml：上年的数字已填好")
    assert yaml.safe_load(text)["year"] == 2023
    assert run("validate", "new.yaml", cwd=tmp_path).code == 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_escape_sequence_of_a_name_reaches_the_terminal(tmp_path: Path, lang: str) -> None:
    shutil.copyfile(SAMPLE, tmp_path / TITLE)
    for done in (
        run("check", TITLE, "--lang", lang, cwd=tmp_path),
        run_on_terminal("check", TITLE, "--lang", lang, cwd=tmp_path),
        run("validate", TITLE, "--lang", lang, cwd=tmp_path),
        run("check", TITLE, "-f", "markdown", "--lang", lang, cwd=tmp_path),
    ):
        assert done.code in (0, 1), done.err
        assert b"\x1b]" not in done.out and b"\x07" not in done.out and b"\x1b[2J" not in done.out
        assert "d\\x1b]0;pwned\\x07\\x1b[2J.yaml" in done.text


def test_an_argument_said_back_in_a_usage_error_is_escaped_too(tmp_path: Path) -> None:
    done = run("schema", "\x1b[2J", "--lang", "en", cwd=tmp_path)
    assert done.code == 2
    assert "\x1b" not in done.err and "\\x1b[2J" in done.err
