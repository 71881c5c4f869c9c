"""A key of a report (a field path), or an argument said back, holding control characters: shown escaped
(``\\x1b``, ``\\x0a``, ``\\u202e``) in every view, as a file's name is (``test_names``). The escape
sequence of a quoted key reached the terminal (it set the window's title and cleared the screen), its newline
started a line of its own in a CI log (``::error …``, a workflow command GitHub Actions obeys) and in Markdown
(a heading), and a key's HTML and pipes went into Markdown as they were."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.problems import Problem

from .helpers import SAMPLE, run, run_on_terminal

TITLE = "craft\x1b]0;pwned\x07\x1b[2J"  # sets the terminal's title, then clears its screen
INJECTED = "::error file=x,line=1::INJECTED"
NEWLINE = f"craft\n{INJECTED}\n"
MARKUP = "craft</td><script>alert(1)</script> | x |\n# H"
REVERSED = "craft\u202eabc"  # a right-to-left override: the rest of the line shown backwards

# Text formats, each written by the one run (``-f`` and ``-o`` in pairs).
FORMATS = {"table": "txt", "json": "json", "markdown": "md", "junit": "xml", "csv": "csv", "html": "html"}
FORMATS |= {"sarif": "sarif", "github": "log"}
# What no text output may hold as it is: a control character but the line breaks and tabs of its own layout,
# and the marks that reorder text.
RAW = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def with_key(folder: Path, key: str, name: str = "f.yaml") -> Path:
    """The sample report with its ``craftsman_students`` key replaced by ``key`` (quoted, as YAML escapes it),
    on line 26."""
    text = SAMPLE.read_text(encoding="utf-8")
    assert "\ncraftsman_students: 28" in text
    path = folder / name
    path.write_text(text.replace("\ncraftsman_students: 28", f"\n{json.dumps(key)}: 28"), encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_problem_shows_its_key_escaped_in_its_path_and_message(lang: Lang) -> None:
    tr = Translator(lang)
    problem = Problem("f.yaml", 26, 1, NEWLINE, "unknown-field", {"field": NEWLINE, "suggestion": "x"})
    shown = "craft\\x0a::error file=x,line=1::INJECTED\\x0a"
    assert problem.shown_path(tr) == shown
    assert shown in problem.message(tr)
    line = problem.report_line(tr)
    assert "\n" not in line and line.startswith("f.yaml:26:1: ") and line.count(shown) == 2
    assert problem.as_dict(tr)["path"] == shown
    assert "\n" not in problem.report_line(tr, folded=True).split("\n", 1)[1]  # the message under the place


def test_no_key_starts_a_line_or_holds_a_control_character_in_any_format(tmp_path: Path) -> None:
    with_key(tmp_path, NEWLINE)
    outputs = [arg for f, suffix in FORMATS.items() for arg in ("-f", f, "-o", f"out.{suffix}")]
    done = run("check", "f.yaml", *outputs, cwd=tmp_path)
    assert done.code == 2, done.err
    for suffix in FORMATS.values():
        text = (tmp_path / f"out.{suffix}").read_text(encoding="utf-8")
        lines = text.splitlines()
        assert not any(line.lstrip().startswith("::error file=x") for line in lines), suffix
        assert RAW.search(text) is None, suffix
        shown = "craft\\x0a::error file=x,line=1::INJECTED\\x0a"  # the key, recognisably
        assert (json.dumps(shown)[1:-1] if suffix in ("json", "sarif") else shown) in text, suffix
    github = (tmp_path / "out.log").read_text(encoding="utf-8").splitlines()
    assert [line.split("::")[1].split(" ")[0] for line in github if line.startswith("::")] == ["error"]


@pytest.mark.parametrize("command", ["check", "validate"])
def test_the_table_on_standard_output_has_no_injected_line(tmp_path: Path, command: str) -> None:
    with_key(tmp_path, NEWLINE)
    done = run(command, "f.yaml", cwd=tmp_path)
    assert done.code == 2, done.err
    assert INJECTED not in [line.strip() for line in done.text.splitlines()]
    assert "f.yaml:26:1" in done.text and "craft\\x0a::error" in done.text


def test_markdown_escapes_a_key_s_markup_pipes_and_newline(tmp_path: Path) -> None:
    with_key(tmp_path, MARKUP)
    done = run("check", "f.yaml", "-f", "markdown", cwd=tmp_path)
    assert done.code == 2, done.err
    assert "<script>" not in done.text and "</td>" not in done.text
    assert "# H" not in [line.strip() for line in done.text.splitlines()]
    (line,) = [line for line in done.text.splitlines() if "`f.yaml:26:1`" in line]
    path = line.split("` ", 1)[1].split(": ", 1)[0]
    assert path == "craft&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt; \\| x \\|\\\\x0a# H"


@pytest.mark.parametrize("command", ["check", "validate"])
@pytest.mark.parametrize("key", [TITLE, REVERSED])
def test_no_escape_sequence_of_a_key_reaches_the_terminal(tmp_path: Path, command: str, key: str) -> None:
    with_key(tmp_path, key)
    for done in (run_on_terminal(command, "f.yaml", cwd=tmp_path), run(command, "f.yaml", cwd=tmp_path)):
        assert done.code == 2, done.err
        # colours are escape sequences too: none of the key's (a title, a bell, clearing the screen)
        assert b"\x1b]" not in done.out and b"\x07" not in done.out and b"\x1b[2J" not in done.out
        assert "\u202e" not in done.text
        shown = "craft\\x1b]0;pwned\\x07\\x1b[2J" if key == TITLE else "craft\\u202eabc"
        assert shown in done.text


def test_json_reports_the_key_escaped_as_any_view_does(tmp_path: Path) -> None:
    with_key(tmp_path, TITLE)
    done = run("validate", "f.yaml", "-f", "json", cwd=tmp_path)
    assert done.code == 2, done.err
    (problem,) = json.loads(done.text)["problems"]
    assert problem["path"] == "craft\\x1b]0;pwned\\x07\\x1b[2J"
    assert (problem["line"], problem["column"]) == (26, 1)
    assert "craft\\x1b]0;pwned\\x07\\x1b[2J" in problem["message"]


def test_a_nul_in_a_json_key_is_shown_escaped(tmp_path: Path) -> None:
    import yaml

    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    data["craft\x00"] = data.pop("craftsman_students")
    (tmp_path / "f.json").write_text(json.dumps(data), encoding="utf-8")
    done = run("validate", "f.json", cwd=tmp_path)
    assert done.code == 2, done.err
    assert b"\x00" not in done.out and "craft\\x00: " in done.text


def test_a_nul_in_the_config_s_select_is_shown_escaped(tmp_path: Path) -> None:
    (tmp_path / "dongan.yaml").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "pyproject.toml").write_text('[tool.zhijiao-check]\nselect = ["\\u0000"]\n', encoding="utf-8")
    done = run("check", "dongan.yaml", cwd=tmp_path)
    assert done.code == 2
    assert "\x00" not in done.err and "“\\x00”" in done.err


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (("template", "--unit", "\x1b[31mX", "--year", "2024"), "“\\x1b[31mX”"),
        (("explain", "\x1b]0;t\x07"), "“\\x1b]0;t\\x07”"),
        (("check", "--select", "\x1b]0;t\x07", str(SAMPLE)), "“\\x1b]0;t\\x07”"),
    ],
)
def test_an_argument_said_back_by_a_command_is_escaped(
    tmp_path: Path, args: tuple[str, ...], shown: str
) -> None:
    done = run(*args, cwd=tmp_path)
    assert done.code == 2
    assert "\x1b" not in done.err and "\x07" not in done.err
    assert shown in done.err
