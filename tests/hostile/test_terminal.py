"""Terminals (issue 7, class 4), on a real pseudo-terminal: a GBK or ASCII console gets glyphs it can show and
escapes for the rest, never a crash; TERM=dumb has no colour; 20 columns still show each rule ID."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from zhijiao_check.renderers.layout.text import cell_len

from .helpers import SAMPLE, command, environment, on_terminal, run, run_on_terminal

ESCAPE = re.compile(rb"\x1b\[")
RULES = ("c1.vocational-share", "c4.yellow-majors-shrink", "c16.secondary-funding", "c16.new-funding-tilt")


@pytest.mark.parametrize(
    "command",
    [
        ("check", SAMPLE),
        ("check", SAMPLE, "-f", "markdown"),
        ("rules",),
        ("explain", "c1.vocational-share"),
        ("coverage",),
        ("validate", SAMPLE),
    ],
)
def test_a_gbk_terminal_gets_gbk_and_signs_it_draws_in_the_cells_counted(command: tuple[object, ...]) -> None:
    """A Chinese Windows console draws each character of two bytes in two cells, ``√ × ≥ ─`` too, which the
    layout counts as one: it gets their ASCII forms."""
    done = run_on_terminal(*command, env=environment(PYTHONIOENCODING="gbk"))
    assert done.code in (0, 1), done.err
    text = done.out.decode("gbk")  # strict: every byte is GBK
    assert not set("✓✗√×≥─") & set(text)
    if command == ("check", SAMPLE):
        assert "+ pass" in text and "x fail" in text and ">= 45.0%" in text
        assert "东安县" in text


@pytest.mark.parametrize("columns", [80, 120])
def test_on_a_gbk_console_no_line_is_wider_than_it(tmp_path: Path, columns: int) -> None:
    """Its width as a Chinese console draws it: a cell for each byte of GBK. Counting ``─ √ ≥ ·`` as one cell
    each, the rule under a table's header took two lines of 120 and every ``√ pass`` row 121; a name with
    characters GBK lacks (escaped, ``\\u4dae``: six cells for two) went past the edge."""
    rare = SAMPLE.read_text(encoding="utf-8").replace(
        "name: 东安县职业中等专业学校", "name: 东安县\u4dae\U0002c488职业中等专业学校"
    )
    path = tmp_path / "rare.yaml"
    path.write_text(rare, encoding="utf-8")
    for report in (SAMPLE, path):
        done = run_on_terminal(
            "check", report, "--no-color", env=environment(PYTHONIOENCODING="gbk", COLUMNS=str(columns))
        )
        lines = done.out.split(b"\n")
        assert len(lines) > 20 and max(map(len, lines)) <= columns, report
    assert b"\\u4dae\\U0002c488" in done.out


def test_an_ascii_terminal_gets_ascii_with_the_rest_escaped() -> None:
    done = run_on_terminal("check", SAMPLE, env=environment(PYTHONIOENCODING="ascii"))
    assert done.code == 1, done.err
    text = done.out.decode("ascii")
    assert "+ pass" in text and "x fail" in text
    assert "\\u4e1c\\u5b89\\u53bf" in text  # 东安县, escaped rather than lost
    assert ">= 45.0%" in text


def test_a_gbk_stream_that_is_piped_gets_utf8() -> None:
    # Redirected output is a file for other programs: UTF-8 whatever the console (README, Decisions).
    done = run("check", SAMPLE, env=environment(PYTHONIOENCODING="gbk"))
    assert done.code == 1
    assert "✓ pass" in done.text


def test_a_report_holding_text_no_terminal_encoding_has_is_escaped(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "name: 东安县职业中等专业学校", "name: 东安县职业中等专业学校🎓"
    )
    path = tmp_path / "emoji.yaml"
    path.write_text(text, encoding="utf-8")
    done = run_on_terminal("check", path, env=environment(PYTHONIOENCODING="gbk"))
    assert done.code == 1, done.err
    assert "\\U0001f393" in done.out.decode("gbk")


def test_dumb_terminal_means_no_colour() -> None:
    coloured = run_on_terminal("check", SAMPLE, env=environment(TERM="xterm"))
    dumb = run_on_terminal("check", SAMPLE, env=environment(TERM="dumb"))
    assert ESCAPE.search(coloured.out)
    assert not ESCAPE.search(dumb.out)
    assert dumb.code == coloured.code == 1


@pytest.mark.parametrize("columns", ["20", "40"])
def test_a_narrow_terminal_keeps_every_rule_id_on_a_line(columns: str) -> None:
    done = run_on_terminal("check", SAMPLE, "--no-color", env=environment(COLUMNS=columns))
    assert done.code == 1
    lines = done.out.decode("utf-8").splitlines()
    for rule in RULES:
        # On a line of its own or after the status, folded when longer than the line, never cut.
        assert any(rule[: int(columns)] in line for line in lines), rule
    assert max(len(line.rstrip()) for line in lines if line.isascii()) <= int(columns)


@pytest.mark.parametrize("command", [("check", SAMPLE), ("rules",)])
def test_a_file_or_a_pipe_is_laid_out_in_columns_when_it_says_so(command: tuple[object, ...]) -> None:
    # `COLUMNS=80 zhijiao-check … > out.txt`: as wide as asked, as Python and rich read COLUMNS; else 100.
    def widest(text: str) -> int:
        return max(map(cell_len, text.splitlines()))

    narrow, unset = run(*command, env=environment(COLUMNS="80")), run(*command, env=environment())
    assert widest(narrow.text) <= 80 < widest(unset.text) <= 100
    assert run(*command, env=environment(COLUMNS="eighty")).text == unset.text


def test_a_wider_fallback_is_laid_out_as_it_is_shown() -> None:
    """GBK has no ``∉``: ``not in`` stands for it, five cells wider, and an 80-column line of the 2023
    reports became 85, wrapped by the console. The table view lays its lines out with the fallback
    (``renderers.fallbacks``); ``glyphs.encodable`` takes the room of the others from a line's padding."""
    folder = SAMPLE.parent
    done = run_on_terminal("check", folder, env=environment(PYTHONIOENCODING="gbk", COLUMNS="80"))
    lines = re.sub(rb"\x1b\[[0-9;]*m", b"", done.out).decode("gbk").splitlines()  # without its colours
    shown = [line for line in lines if " not in " in line]
    assert shown and max(map(cell_len, lines)) <= 80


@pytest.mark.parametrize(
    "command",
    [("validate",), ("check", "--no-color"), ("check", "-f", "github")],
    ids=["validate", "table", "github"],
)
def test_a_value_the_user_typed_is_shown_as_typed_on_a_gbk_terminal(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    """A GBK console draws ``√`` two cells wide, so the tool writes its own as ``+``: a value ``√`` was quoted
    as ``"+"``, which the clerk never typed. It is shown as typed; ``✓``, which GBK lacks, escaped; the
    tool's own glyphs are still replaced, and no line is wider than the terminal."""
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("    in_1x_pilot: true", '    in_1x_pilot: "√"', 1)
    text = text.replace("    quality_committee: true", '    quality_committee: "✓"', 1)
    path = tmp_path / "ticks.yaml"
    path.write_text(text, encoding="utf-8")
    done = run_on_terminal(*command, path, env=environment(PYTHONIOENCODING="gbk", COLUMNS="100"))
    assert done.code == 2, done.err
    shown = done.out.decode("gbk")
    flat = " ".join(shown.split())
    assert "是/否字段只能写 true 或 false：" in flat
    assert '"√"' in flat or "“√”" in flat
    assert '"\\u2713"' in flat or "“\\u2713”" in flat
    assert '"+"' not in flat and "“+”" not in flat and '"√"，请写 false' not in flat
    assert "\ufdd0" not in shown and "\\ufdd0" not in shown  # no mark left
    if command[0] == "check" and "github" not in command:
        assert max(map(len, done.out.split(b"\n"))) <= 100


def _no_line_wider(shown: bytes, columns: int) -> bool:
    """Each line within ``columns`` as a GBK console draws it: a cell a byte, the colours apart."""
    return max(map(len, re.sub(rb"\x1b\[[0-9;]*m", b"", shown).split(b"\n"))) <= columns


@pytest.mark.parametrize("columns", [80, 40])
@pytest.mark.parametrize(
    "args",
    [("explain", "c√•≥"), ("template", "--unit", "东安县", "-y", "2023", "-o", "报表√•.yaml")],
    ids=["value", "file"],
)
def test_a_fatal_error_on_a_gbk_terminal_quotes_the_users_text_as_typed(
    tmp_path: Path, args: tuple[str, ...], columns: int
) -> None:
    """A fatal error's message (``errors.run_command``, standard error folded on a terminal: ``entry.Folded``)
    quoted a value or a file's name the user gave with the tool's fallbacks in it: ``√`` as ``+``, another
    name than the one typed. It is shown as typed, ``•`` (which GBK lacks) escaped; the tool's own ``“``
    still its ``"``."""
    (tmp_path / "报表√•.yaml").write_text("已填好\n", encoding="utf-8")
    env = environment(PYTHONIOENCODING="gbk", COLUMNS=str(columns))
    code, err, _ = on_terminal(command(*args), "stderr", tmp_path, env)
    assert code == 2
    shown = err.decode("gbk")  # strict: every byte is GBK
    flat = "".join(line.strip() for line in shown.splitlines())
    if args[0] == "explain":
        assert flat.startswith('没有与"c√\\u2022≥"匹配的规则'), shown  # ≥: the user's, kept too
    else:
        assert flat.startswith("报表√\\u2022.yaml 已存在，未覆盖"), shown
    assert "+\\u2022" not in flat and "\ufdd0" not in shown and "\U000e0fff" not in shown
    assert _no_line_wider(err, columns)


@pytest.mark.parametrize("columns", [80, 40])
def test_diff_on_a_gbk_terminal_shows_the_users_text_as_typed(tmp_path: Path, columns: int) -> None:
    """``diff``'s text quoted the files' names, the fields' paths and their values with the tool's fallbacks
    in them (``old+\\u2022.yaml``, ``training_bases[…+…]``): shown as typed, the tool's ``→`` still
    ``->``."""
    samples = SAMPLE.parent.parent
    (tmp_path / "old√•.yaml").write_text((samples / "2022" / "dongan.yaml").read_text(encoding="utf-8"))
    base = SAMPLE.read_text(encoding="utf-8").replace("东安县电机制造实训基地", "东安县电机制造√实训基地")
    (tmp_path / "new√•.yaml").write_text(base, encoding="utf-8")
    env = environment(PYTHONIOENCODING="gbk", COLUMNS=str(columns))
    code, out, _ = on_terminal(command("diff", "old√•.yaml", "new√•.yaml"), "stdout", tmp_path, env)
    assert code == 0
    shown = out.decode("gbk")
    flat = "".join(shown.split())  # the lines joined, without the spaces a break left
    assert "old√\\u2022.yaml:13->new√\\u2022.yaml:13" in flat
    assert "+training_bases[东安县电机制造√实训基地]：东安县电机制造√实训基地(new√\\u2022.yaml:21)" in flat
    assert "+\\u2022" not in flat and "→" not in shown and "\ufdd0" not in shown
    assert _no_line_wider(out, columns)


def test_diff_of_two_folders_on_a_gbk_terminal_names_the_users_files_as_typed(tmp_path: Path) -> None:
    """The notes under the folders' diff (a unit in one folder only, an invalid report) name the user's
    files: as typed, not with the tool's fallbacks."""
    for folder in ("old", "new"):
        (tmp_path / folder).mkdir()
    (tmp_path / "old" / "东安√.yaml").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "new" / "坏√.yaml").write_text("unit: {name: 东安县\n", encoding="utf-8")
    env = environment(PYTHONIOENCODING="gbk", COLUMNS="80")
    code, out, _ = on_terminal(command("diff", "old", "new"), "stdout", tmp_path, env)
    assert code == 2
    flat = "".join(line.strip() for line in out.decode("gbk").splitlines())
    assert "old/东安√.yaml" in flat and "new/坏√.yaml" in flat
    assert "东安+" not in flat and "坏+" not in flat


@pytest.mark.parametrize("columns", [40, 41])
@pytest.mark.parametrize(
    "args", [("validate",), ("check", "--no-color"), ("check",)], ids=["validate", "plain", "rich"]
)
def test_a_users_glyph_kept_as_typed_is_never_parted_at_a_lines_end(
    tmp_path: Path, args: tuple[str, ...], columns: int
) -> None:
    """On a GBK console a user's ``√`` is held, until it is written, as a stand-in and a filler
    (``glyphs.kept_as_typed``): a long value folded at the edge between the two had each half written
    escaped (``\\U000f221a`` over ``\\U000ffffd``, ten cells past the edge). A run of ``√`` broken at an
    odd and an even column: the pair is one character to every layout."""
    value = "√" * 30 + "a" + "√" * 30 + "aa" + "√" * 30
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "    in_1x_pilot: true", f'    in_1x_pilot: "{value}"', 1
    )
    path = tmp_path / "ticks.yaml"
    path.write_text(text, encoding="utf-8")
    done = run_on_terminal(*args, path, env=environment(PYTHONIOENCODING="gbk", COLUMNS=str(columns)))
    assert done.code == 2, done.err
    shown = done.out.decode("gbk")
    assert "\\U000" not in shown and shown.count("√") > 30
    assert _no_line_wider(done.out, columns)


def test_the_written_notice_on_a_gbk_terminal_names_the_users_file_as_typed(tmp_path: Path) -> None:
    """``已写入 out√.html`` on standard error, a terminal: it said ``out+.html``, another file's name."""
    env = environment(PYTHONIOENCODING="gbk", COLUMNS="80")
    code, err, _ = on_terminal(command("check", SAMPLE, "-o", "out√•.html"), "stderr", tmp_path, env)
    assert code == 1
    assert err.decode("gbk").startswith("已写入 out√\\u2022.html（退出状态 1"), err.decode("gbk")
    assert (tmp_path / "out√•.html").is_file()


@pytest.mark.parametrize("args", [("--help",), ("check", "--help")])
def test_help_with_columns_beyond_any_terminal_ends_at_the_usual_width(args: tuple[str, ...]) -> None:
    """``COLUMNS=99999999 zhijiao-check --help`` never ended (rich laid the help out 99,999,999 columns
    wide); the tool's own output already took such a COLUMNS as not set. The help is as wide as without it."""
    done = run(*args, env=environment(COLUMNS="99999999"))
    assert done.code == 0
    plain = run(*args)
    assert done.out == plain.out


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize("args", [("--help",), ("check", "--help"), ("rules", "-h", "--lang", "en")])
def test_help_on_a_terminal_without_chinese_is_shown_escaped(encoding: str, args: tuple[str, ...]) -> None:
    """rich writes the help straight to standard output: on a terminal whose encoding has no Chinese
    (``PYTHONIOENCODING=ascii``, a C locale outside UTF-8 mode) it failed with an internal error, exit 3,
    the help lost. It is shown with what the terminal lacks escaped, as a command's output is."""
    done = run_on_terminal(*args, env=environment(PYTHONIOENCODING=encoding))
    assert done.code == 0, done.err
    text = re.sub(r"\x1b\[[0-9;]*m", "", done.out.decode(encoding))  # strict: every byte the terminal's
    if "en" in args:
        assert "Usage:" in text and "--format" in text
    else:
        assert "\\u7528\\u6cd5" in text  # 用法, escaped rather than a crash
    assert "--help" in text


@pytest.mark.parametrize("args", [("--help",), ("check", "-h")])
def test_no_color_makes_the_help_plain_on_a_terminal(args: tuple[str, ...]) -> None:
    """The table has no escape codes on a terminal with NO_COLOR set; the help kept rich's bold and dim
    (rich drops only the colours for NO_COLOR). It is plain, as with ``--no-color`` or TERM=dumb."""
    coloured = run_on_terminal(*args, env=environment(TERM="xterm"))
    plain = run_on_terminal(*args, env=environment(TERM="xterm", NO_COLOR="1"))
    assert coloured.code == plain.code == 0
    assert ESCAPE.search(coloured.out)
    assert not ESCAPE.search(plain.out)
    assert "用法：" in plain.out.decode("utf-8")
