"""Every line a command writes to a terminal fits it, as the table view's lines do: ``validate``'s problems
(each place over its message, as ``check`` shows them), every message on standard error, ``diff`` on a GBK
console (its width in bytes, a cell each). A file or a pipe gets the lines as they were: a problem a line
(``file:line:col: error: …``) for editors, CI and grep, a message a line.

Before, ``validate`` wrote lines of 119–198 cells to a terminal of 80, ``explain c4`` a message of 203, and
``diff`` on a GBK console 71 lines of 81–82 bytes (``→`` measured before it became ``->``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from factory import ROOT
from hostile.helpers import environment, on_terminal, run

from zhijiao_check.renderers.layout.text import cell_len

SAMPLE = ROOT / "samples" / "2023" / "dongan.yaml"
COLOURS = re.compile(r"\x1b\[[0-9;]*m")


def shown(*args: object, stream: str = "stdout", cwd: Path = ROOT, columns: int = 80) -> tuple[int, str]:
    """The tool's exit status and what ``stream`` showed on a terminal ``columns`` wide (without colours)."""
    argv = [sys.executable, "-m", "zhijiao_check", *map(str, args)]
    code, text, _ = on_terminal(argv, stream, cwd, environment(COLUMNS=str(columns)))
    return code, COLOURS.sub("", text.decode("utf-8"))


def too_wide(text: str, columns: int) -> list[str]:
    return [line for line in text.splitlines() if cell_len(line) > columns]


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    """``bad/``: a report with a number written ``"9,50"`` and a school's level ``secondry``, and a file with
    a YAML syntax error."""
    bad = tmp_path / "bad"
    bad.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("secondary_vocational: 950", 'secondary_vocational: "9,50"')
    text = text.replace("level: secondary\n", "level: secondry\n")
    (bad / "dongan.yaml").write_text(text, encoding="utf-8")
    (bad / "syntax.yaml").write_text("a: {b: 1\n", encoding="utf-8")
    return bad


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [60, 80])
def test_validate_on_a_terminal_shows_each_place_over_its_message(
    bad_folder: Path, lang: str, columns: int
) -> None:
    code, text = shown("validate", "bad", "--lang", lang, cwd=bad_folder.parent, columns=columns)
    assert code == 2
    assert too_wide(text, columns) == []
    lines = text.splitlines()
    error = "错误：" if lang == "zh" else "error:"
    at = lines.index(f"bad/syntax.yaml:1:4: {error}")
    assert lines[at + 1].startswith("    YAML ")  # the message under its place, indented
    assert any(line.startswith(f"bad/dongan.yaml:13:25: {error}") for line in lines)
    message = "YAML 格式错误" if lang == "zh" else "YAML syntax error"
    assert message in text and "secondry" in text


def test_validate_to_a_pipe_keeps_a_problem_a_line(bad_folder: Path) -> None:
    done = run("validate", "bad", "--lang", "en", cwd=bad_folder.parent, env=environment(COLUMNS="80"))
    assert done.code == 2
    lines = done.text.splitlines()
    assert lines[0] == (
        "bad/dongan.yaml:13:25: error: enrollment.secondary_vocational: "
        'no thousands separators in numbers: for "9,50" write 950'
    )
    assert lines[-2].startswith("bad/syntax.yaml:1:4: error: YAML syntax error (") and len(lines[-2]) > 150
    assert lines[-1] == "0 valid, 2 invalid"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("explain", "c4"), "explain 一次说明一条规则"),
        (("explain", "c4", "--lang", "en"), "explain shows one rule"),
        (("check", "-f", "pdf", SAMPLE, "--lang", "en"), '--format / -f cannot be "pdf"'),
        (("check", "-f", "pdf", SAMPLE), "--format / -f 不能是"),
    ],
)
def test_a_message_on_a_terminal_is_broken_within_its_width(args: tuple[object, ...], said: str) -> None:
    code, text = shown(*args, stream="stderr")
    assert code == 2 and text.startswith(said)
    assert too_wide(text, 80) == []
    lines = text.splitlines()
    assert len(lines) > 2 and lines[1].startswith("  ")  # its lines after the first indented under it
    piped = run(*args).err  # a pipe: the message a line, as it was
    assert len(piped.splitlines()) < len(lines)
    assert re.sub(r"\s", "", text) == re.sub(r"\s", "", piped)  # nothing lost but spaces


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_file_that_cannot_be_written_is_said_within_the_width(tmp_path: Path, lang: str) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    target = tmp_path / "a-file" / "results" / "dongan-2023.json"
    code, text = shown("check", SAMPLE, "-o", target, "--lang", lang, stream="stderr", columns=60)
    assert code == 2 and "dongan-2023.json" in text.replace("\n", "").replace(" ", "")
    assert too_wide(text, 60) == [] and len(text.splitlines()) > 1


def test_the_problems_of_an_error_show_each_place_over_its_message(bad_folder: Path) -> None:
    """``diff`` of an invalid report stops with its problems, on standard error: on a terminal each place on a
    line and its message under it, as check shows them; on a pipe a problem a line."""
    args = ("diff", "bad/syntax.yaml", "bad/dongan.yaml", "--lang", "en")
    code, text = shown(*args, stream="stderr", cwd=bad_folder.parent, columns=60)
    assert code == 2 and too_wide(text, 60) == []
    lines = text.splitlines()
    at = lines.index("bad/syntax.yaml:1:4:")
    assert lines[at + 1].startswith("    YAML syntax error")
    piped = run(*args, cwd=bad_folder.parent).err.splitlines()
    assert any(line.startswith("bad/syntax.yaml:1:4: YAML syntax error (") for line in piped)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [60, 80, 120])
def test_diff_on_a_gbk_console_is_laid_out_as_it_is_shown(lang: str, columns: int) -> None:
    """A cell a byte there: ``→`` is shown as ``->``, the layout measured ``→``, a cell less."""
    argv = [sys.executable, "-m", "zhijiao_check", "diff", "samples/2022", "samples/2023", "--lang", lang]
    env = environment(PYTHONIOENCODING="gbk", COLUMNS=str(columns))
    code, out, _ = on_terminal(argv, "stdout", ROOT, env)
    assert code == 0
    lines = out.split(b"\n")
    assert len(lines) > 500 and [line for line in lines if len(line) > columns] == []
    text = out.decode("gbk")
    assert " -> " in text and "→" not in text
    # ``·`` kept, two cells wide there: its fallback ``.`` read as a full stop
    assert re.search(r"^永州经济技术开发区 · 2022( 年)? -> 2023", text, re.MULTILINE)


def test_check_on_a_gbk_console_keeps_its_middle_dots() -> None:
    argv = [sys.executable, "-m", "zhijiao_check", "check", "samples/2023", "--no-color"]
    code, out, _ = on_terminal(argv, "stdout", ROOT, environment(PYTHONIOENCODING="gbk", COLUMNS="60"))
    assert code == 1 and [line for line in out.split(b"\n") if len(line) > 60] == []
    text = out.decode("gbk")
    assert "东安县（县市区）· 2023 年 · samples/2023/dongan.yaml ·\n得分 82.4" in text
    assert " . " not in text


def test_standard_error_on_a_terminal_is_folded_a_whole_line_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``entry.Folded``: a line is folded once it ends (``print`` writes it and its line break apart); what
    carries control codes (rich's progress bar redrawing itself) passes as it is, after what was held."""
    import io

    from zhijiao_check.entry import Folded, Unfailing

    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setattr(sys, "argv", ["zhijiao-check", "explain", "c4", "--lang", "en"])
    written = io.StringIO()
    stream = Folded(Unfailing(written))
    message = "explain shows one rule; 'c4' names 7: c4.leading-industries, 永州市工业贸易中等专业学校"
    print(message, file=stream)
    assert written.getvalue().splitlines() == [
        "explain shows one rule; 'c4' names 7:",
        "  c4.leading-industries,",
        "  永州市工业贸易中等专业学校",
    ]
    stream.write("held, ")
    stream.write("\r\x1b[2K━━━ 50%")
    stream.flush()
    assert written.getvalue().endswith("held, \r\x1b[2K━━━ 50%")


@pytest.mark.parametrize("columns", [54, 55])
def test_standard_error_on_a_gbk_console_is_measured_as_shown(tmp_path: Path, columns: int) -> None:
    """``“`` is two cells (two bytes) on a GBK console, one to the layout: the line fitted 54 cells by count
    and took 56 bytes. It is laid out as its fallback ``"``, as ``check``'s table lays it out."""
    argv = [sys.executable, "-m", "zhijiao_check", "check", str(tmp_path), "--jobs", "x"]
    env = environment(PYTHONIOENCODING="gbk", COLUMNS=str(columns))
    code, err, _ = on_terminal(argv, "stderr", tmp_path, env)
    assert code == 2
    lines = COLOURS.sub("", err.decode("gbk")).splitlines()
    assert [line for line in lines if len(line.encode("gbk")) > columns] == []
    assert lines[0].startswith('--jobs / -j 不能是"x"：')


@pytest.mark.parametrize("command", ["rules", "coverage"])
@pytest.mark.parametrize("columns", [60, 100, 160])
def test_rules_and_coverage_on_a_gbk_console_keep_their_middle_dots(command: str, columns: int) -> None:
    """Laid out with ``·`` two cells wide, as the console shows it, and written as ``·``: it was laid out as
    one cell and written as its fallback ``.``, read as a full stop (``c1.public-seats . 第1条 . 全市``)."""
    argv = [sys.executable, "-m", "zhijiao_check", command]
    env = environment(PYTHONIOENCODING="gbk", COLUMNS=str(columns))
    code, out, _ = on_terminal(argv, "stdout", ROOT, env)
    assert code == 0
    assert [line for line in out.split(b"\n") if len(line) > columns] == []
    text = out.decode("gbk")
    assert " . " not in text
    if command == "rules" and columns == 60:
        assert "c1.public-seats · 第1条 · 全市" in text


@pytest.mark.parametrize(("lang", "out"), [("zh", "模板"), ("en", "template")])
def test_a_commands_quoted_name_is_never_broken_on_a_gbk_console(tmp_path: Path, lang: str, out: str) -> None:
    """At 80 columns the command not-a-workbook gives broke inside its quoted name (``-o "江华 2024 年度``
    over ``职业教育…"``), in English between ``-o`` and the name."""
    name = "江华 2024 年度职业教育发展报表 最终修订版本"
    (tmp_path / f"{name}.xlsx").write_bytes(b"PK\x03\x04 cut short")
    argv = [sys.executable, "-m", "zhijiao_check", "validate", f"{name}.xlsx", "--lang", lang]
    code, raw, _ = on_terminal(argv, "stdout", tmp_path, environment(PYTHONIOENCODING="gbk", COLUMNS="80"))
    assert code == 2
    lines = COLOURS.sub("", raw.decode("gbk")).splitlines()
    assert [line for line in lines if len(line.encode("gbk")) > 80] == []
    assert any(
        line.strip() == f'-o "{name}-{out}.xlsx"' or f' -o "{name}-{out}.xlsx"' in line for line in lines
    ), lines
