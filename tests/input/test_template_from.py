"""``template --from`` as YAML: the blank template's header and field comments, last year's figures in place
of the blanks; and the ``validate`` command the header gives, a path the shell takes from where the template
was made."""

from __future__ import annotations

import os
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from zhijiao_check.commands.template import carry_over
from zhijiao_check.shellwords import shell_word

from .helpers import SAMPLES, run_cli, validate_json, write
from .test_template import parsed

DONGAN_2023 = SAMPLES / "2023" / "dongan.yaml"
SHIBENJI_2023 = SAMPLES / "2023" / "shibenji.yaml"
PREFILLED = {
    "zh": (
        "# 预填来源 {file}：上年的数字已填好（上年报表的“当年”数字已转为本年度的“上年”数字），"
        "请逐项改为本年度的数字。"
    ),
    "en": (
        "# Pre-filled from {file}: last year's figures are in place (its current figures moved to this "
        "year's last-year ones); update each one to this year's figure."
    ),
}


def _made(unit: str, lang: str, *extra: object) -> str:
    """The template on standard output (whose header names ``report.yaml``)."""
    result = run_cli("template", "-u", unit, "-y", 2024, "--lang", lang, *extra)
    assert result.exit_code == 0, result.output
    return result.stdout


def _comments(text: str) -> dict[tuple[str | int, ...], str]:
    """Each field's comment by its path, list entries all as entry 0 (the blank template has one)."""
    document = parsed(text)
    lines = text.splitlines()
    found: dict[tuple[str | int, ...], str] = {}
    for path in _paths(document.data):
        mark = document.positions.key(path)
        assert mark is not None, path
        comment = lines[mark[0] - 1].partition("  # ")[2]
        found[tuple(0 if isinstance(part, int) else part for part in path)] = comment
    return found


def _paths(data: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in [(*path, key), *_paths(value, (*path, key))]]
    if isinstance(data, list):
        return [p for index, value in enumerate(data) for p in _paths(value, (*path, index))]
    return []


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("unit", "source"), [("东安县", DONGAN_2023), ("永州市本级", SHIBENJI_2023)])
def test_from_writes_the_blank_template_s_header_and_comments_with_last_year_s_figures(
    tmp_path: Path, lang: str, unit: str, source: Path
) -> None:
    # It wrote last year's YAML with one comment, the file's name: no instructions, no field comments.
    blank = _made(unit, lang)
    made = _made(unit, lang, "--from", source)

    header = [line for line in made.splitlines() if line.startswith("# ")][:9]
    blank_header = [line for line in blank.splitlines() if line.startswith("# ")][:7]
    assert header[:2] == blank_header[:2]  # the title, what made it
    assert header[2] == PREFILLED[lang].format(file=source)
    assert header[4:] == blank_header[2:]  # the numbered instructions, the same
    # Every field that has a value has the blank template's comment for it, in the language asked.
    blanks = _comments(blank)
    comments = _comments(made)
    assert comments and all(comment == blanks[path] for path, comment in comments.items())

    # Last year's figures, carried over, as a report that validate accepts.
    last = yaml.safe_load(source.read_text(encoding="utf-8"))
    assert parsed(made).data == carry_over(last, 2024)
    code, document = validate_json(write(tmp_path, "made.yaml", made))
    assert (code, [p for p in document["problems"] if p["severity"] == "error"]) == (0, [])


def test_a_field_last_year_did_not_give_is_a_commented_line_in_its_place() -> None:
    made = _made("东安县", "zh", "--from", DONGAN_2023)
    lines = made.splitlines()
    assert (
        "# 以“# 字段名:”开头的行是上年报表没有填的字段：有数据时删去行首的“# ”再填写，没有就保留原样。"
        in lines
    )
    # 东安县职业中等专业学校 has no `upgraded` (not upgraded): between its founding year and its students.
    at = lines.index(
        "    established: 2004                   # 建校年份（四位年份）：学校建立的年份；升格不改变建校年份，"
        "升格年份另填 upgraded"
    )
    assert lines[at + 1] == (
        "    # upgraded:                         # 升格年份（四位年份）："
        "学校升格（如中职升为高职、高职升为职业本科）的年份；新建学校不填，升格的学校不算新建"
    )
    assert lines[at + 2].startswith("    students: 1420 ")
    # 学前教育 has no cluster
    at = lines.index(
        "      - name: 学前教育                  # 专业名称（必填，文字）：专业名称，在本校内唯一"
    )
    assert lines[at + 1].startswith(
        "        # cluster:                      # 产业集群（从所列的值中选一个）"
    )


def test_a_template_from_last_year_converts_to_a_workbook_and_back_unchanged(tmp_path: Path) -> None:
    made = tmp_path / "dongan-2024.yaml"
    assert run_cli("template", "-u", "东安县", "-y", 2024, "--from", DONGAN_2023, "-o", made).exit_code == 0
    book, back = tmp_path / "dongan-2024.xlsx", tmp_path / "back.yaml"
    assert run_cli("convert", made, "-o", book).exit_code == 0
    assert run_cli("convert", book, "-o", back).exit_code == 0
    assert yaml.safe_load(back.read_text(encoding="utf-8")) == parsed(made.read_text(encoding="utf-8")).data


@pytest.mark.parametrize(
    "value",
    ["431122", "=2+3", "a: b # c", "true", "1e3", "", "东安县 职业学校", "line\nbreak", 9999.996],
)
def test_a_figure_or_name_is_written_as_yaml_reads_it_back(tmp_path: Path, value: object) -> None:
    from zhijiao_check.commands.template import _flow

    text = _flow(value)
    assert "\n" not in text and yaml.safe_load(f"key: {text}  # comment") == {"key": value}
    assert parsed(f"key: {text}  # comment\n").data == {"key": value}


def test_a_line_separator_is_escaped_not_written_as_a_break() -> None:
    from zhijiao_check.commands.template import _flow

    # PyYAML wrote U+2029 as it is, which a file reads as a line break, and indented what followed it
    assert _flow("para\u2029sep") == '"para\\Psep"'


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("t2024/东安县.yaml", "t2024/东安县.yaml"),
        ("2024 报表/东安县.yaml", '"2024 报表/东安县.yaml"'),
        ("$HOME/东安县.yaml", "'$HOME/东安县.yaml'"),
    ],
)
def test_the_header_s_validate_command_names_the_output_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str, shown: str
) -> None:
    # `-o t2024/东安县.yaml` wrote `validate 东安县.yaml`, which fails from the folder the template was
    # made in.
    monkeypatch.chdir(tmp_path)
    result = run_cli("template", "-u", "东安县", "-y", 2024, "--from", DONGAN_2023, "-o", given)
    assert result.exit_code == 0, result.output
    lines = Path(given).read_text(encoding="utf-8").splitlines()
    command = f"zhijiao-check validate {shown}"
    assert f"# 5. 以 UTF-8 编码保存，然后运行：{command}" in lines
    # The command as a shell reads it works from here.
    words = shlex.split(command)
    assert words[:2] == ["zhijiao-check", "validate"] and run_cli(*words[1:]).exit_code == 0


def test_the_header_names_an_absolute_output_as_given_and_standard_output_report_yaml(tmp_path: Path) -> None:
    out = tmp_path / "东安县.yaml"
    assert run_cli("template", "-u", "东安县", "-y", 2024, "-o", out, "--lang", "en").exit_code == 0
    assert f"# 5. Save as UTF-8, then run: zhijiao-check validate {shell_word(str(out))}\n" in out.read_text(
        encoding="utf-8"
    )
    written = run_cli("template", "-u", "东安县", "-y", 2024)
    assert "# 5. 以 UTF-8 编码保存，然后运行：zhijiao-check validate report.yaml\n" in written.stdout


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("a.yaml", "a.yaml"),
        ("it's here/a.yaml", '"it\'s here/a.yaml"'),
        ('say "x".yaml', "'say \"x\".yaml'"),
        ("it's $x.yaml", "'it'\\''s $x.yaml'"),
    ],
)
def test_a_path_is_quoted_so_that_a_posix_shell_reads_it_back(given: str, shown: str) -> None:
    assert shell_word(given) == shown
    assert shlex.split(shown) == [given]


@pytest.mark.parametrize(("system", "shown"), [("posix", '"100%VAR%.yaml"'), ("nt", '"100%VAR%.yaml"')])
def test_a_percent_sign_is_quoted_for_this_systems_shell_not_for_cmd(
    system: str, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """shell_word writes for a POSIX shell or PowerShell, where ``"…%VAR%…"`` reads back as written; cmd,
    which expands it inside any quotes, is not its shell (shellwords' docstring). A name that must hold in
    cmd too is judged by ``double_quotes_hold(any_shell=True)``."""
    from zhijiao_check.shellwords import double_quotes_hold

    monkeypatch.setattr(os, "name", system)
    assert shell_word("100%VAR%.yaml") == shown
    assert not double_quotes_hold("100%VAR%", any_shell=True)
