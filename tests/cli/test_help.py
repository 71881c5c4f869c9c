"""What a newcomer reads first: every command's help, in Chinese unless the command line says ``--lang en``,
describes every option, shows no `<bool>` placeholder for a switch, cuts no sentence short; shell completion
works in a real bash and describes the commands in zsh."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import rich._wrap
import typer
from factory import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st
from typer import rich_utils
from typer.testing import CliRunner

from zhijiao_check import cli_help
from zhijiao_check.cli import app
from zhijiao_check.cli_help import command_help, parameter_help
from zhijiao_check.i18n import Translator

SCRIPT = Path(sys.executable).parent / "zhijiao-check"
GROUP = typer.main.get_command(app)
COMMANDS = sorted(GROUP.commands)  # type: ignore[attr-defined]
WORDS = {  # typer's own words in its help, and ours in each language
    "zh": ("用法：", "选项", "[默认：zh]"),
    "en": ("Usage:", "Options", "[default: zh]"),
}


def help_text(*args: str, columns: int = 160) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": str(columns), "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.stdout


def flat(text: str) -> str:
    """Text without its spaces, line breaks and the panels' borders: a help text as written, and as shown
    wrapped in its column, compare equal."""
    return re.sub(r"[\s│╭╮╰╯─]", "", text)


def parameters(name: str) -> list[typer.core.click.Parameter]:
    command = GROUP.commands[name] if name else GROUP  # type: ignore[attr-defined]
    return command.get_params(
        command.make_context(name or "zhijiao-check", ["--help"], resilient_parsing=True)
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_every_parameter_is_described_in_the_language_asked_for(name: str, lang: str) -> None:
    """Each command's help (the tool's: ``zhijiao-check --lang en -h``) says what it does and what each of its
    parameters is for, every text in the language asked for, and typer's own words with them."""
    tr = Translator(lang)  # type: ignore[arg-type]
    shown = flat(help_text(*([name] if name else []), "--lang", lang))
    expected = [command_help(name, tr)]
    expected += [parameter_help(name or "app", p.name or "", tr) for p in parameters(name)]
    for text in expected:
        assert flat(text.replace("\\[", "[")) in shown, text
    for word in WORDS[lang][:2]:
        assert word in shown
    if not name:
        assert all(flat(command_help(each, tr).split("\n")[0]) in shown for each in COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_help_in_chinese_has_none_of_typers_english_and_in_english_none_of_its_chinese(name: str) -> None:
    chinese, english = help_text(name), help_text(name, "--lang", "en")
    for zh, en in zip(*WORDS.values(), strict=True):  # every command has --lang, so a default to show
        assert (zh in chinese and en not in chinese) and (en in english and zh not in english), (zh, en)
    assert "--help" in chinese and "显示本帮助并退出。" in chinese
    assert "Show this message and exit." in english


def test_typers_words_are_as_they_were_after_the_help() -> None:
    """A process may show help in both languages (the tests do): typer's words are put back each time."""
    help_text("check")
    assert rich_utils.OPTIONS_PANEL_TITLE == "Options" and rich_utils.DEFAULT_STRING == "[default: {}]"
    assert "Usage:" in help_text("check", "--lang", "en")


@pytest.mark.parametrize("columns", [60, 80, 120])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_sentence_is_cut_short_at_any_width(columns: int, lang: str) -> None:
    """Chinese has no spaces to wrap at: rich would end a long sentence with "…" where the column ends."""
    for name in COMMANDS:
        text = help_text(name, "--lang", lang, columns=columns)
        assert "…" not in text, (name, text)
        for line in text.splitlines():
            assert len(line) <= columns


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_help_shows_no_bool_placeholder(name: str) -> None:
    text = help_text(*([name] if name else []))
    assert "<bool>" not in text and "<list[str]>" not in text
    assert "--help" in text


def test_no_arguments_show_the_groups_help_in_chinese_and_exit_2() -> None:
    result = CliRunner().invoke(app, [], env={"COLUMNS": "160", "NO_COLOR": "1"})
    assert result.exit_code == 2
    assert "用法：zhijiao-check [选项] 命令 [参数]..." in result.stdout
    assert "检查报表是否达标。" in result.stdout and "命令" in result.stdout


def test_debug_is_in_the_help_of_the_commands_that_take_it() -> None:
    assert "--debug" in help_text("check") and "出现内部错误（退出状态 3）时显示错误堆栈。" in help_text(
        "check"
    )
    assert "On an internal error (exit 3), show the traceback." in help_text("check", "--lang", "en")
    assert "--strict" in help_text("check") and "--no-strict" in help_text("check")


def test_help_in_a_gbk_console_is_chinese_in_plain_boxes() -> None:
    """The real process, its standard output a Chinese Windows console (a terminal in GBK): every character
    shown, the panels drawn in ASCII (rich's choice for an encoding without the rounded corners). Redirected
    to a file, the help is UTF-8, as every redirected output is (``-h > help.txt`` was a GBK file)."""
    from hostile.helpers import environment, on_terminal

    argv = [sys.executable, "-m", "zhijiao_check", "check", "-h"]
    code, shown, err = on_terminal(argv, "stdout", ROOT, environment(PYTHONIOENCODING="gbk", COLUMNS="100"))
    assert code == 0 and err == b""
    text = re.sub(r"\x1b\[[0-9;]*m", "", shown.decode("gbk"))  # a terminal's colours
    assert "用法：" in text and "+- 选项 " in text and "显示本帮助并退出。" in text
    done = subprocess.run(
        argv,
        cwd=ROOT,
        capture_output=True,
        env={"PYTHONIOENCODING": "gbk", "PATH": "", "COLUMNS": "100"},
        check=False,
    )
    assert done.returncode == 0 and "显示本帮助并退出。" in done.stdout.decode("utf-8")


INSTALLED = {
    "zh": "已为 bash 安装命令补全：{file}；重新打开终端后生效",
    "en": "installed bash completion in {file}; it works in a terminal opened from now on",
}
NO_SCRIPT = {
    "zh": (
        "不能为 sh 安装或显示命令补全：只支持 bash、zsh、fish、powershell、pwsh；"
        "请在其中一个 shell 中运行本命令"
    ),
    "en": (
        "no completion to install or show for sh: only for bash, zsh, fish, powershell, pwsh; run this "
        "command in one of them"
    ),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_installing_completion_is_told_in_the_language_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """typer said "bash completion installed in … / Completion will take effect once you restart the
    terminal" in English, and "Shell sh is not supported." with exit 1 (a target not met) in a shell it has
    no script for; ``--lang en --install-completion`` was "no such option"."""
    import typer._completion_shared as shared

    def invoke(*args: str) -> typer.testing.Result:
        return CliRunner().invoke(app, [*(["--lang", "en"] if lang == "en" else []), *args], env=home)

    home = {"HOME": str(tmp_path), "NO_COLOR": "1"}
    monkeypatch.setattr(shared, "_get_shell_name", lambda: "bash")
    done = invoke("--install-completion")
    script = tmp_path / ".bash_completions" / "zhijiao-check.sh"
    assert (done.exit_code, done.stdout) == (0, INSTALLED[lang].format(file=script) + "\n"), done.output
    assert "_zhijiao_check_completion" in script.read_text(encoding="utf-8")
    monkeypatch.setattr(shared, "_get_shell_name", lambda: "sh")
    for option in ("--install-completion", "--show-completion"):
        refused = invoke(option)
        assert refused.exit_code == 2 and refused.stderr.splitlines()[0] == NO_SCRIPT[lang], refused.output
        assert refused.stdout == ""


@pytest.mark.skipif(not SCRIPT.exists(), reason="the console script is not installed next to python")
def test_zsh_completion_describes_the_commands_in_chinese() -> None:
    """What zsh shows beside each command on <Tab>: its help's first line (click's ``get_short_help_str``)."""
    done = subprocess.run(
        [str(SCRIPT)],
        env={
            **os.environ,
            "_ZHIJIAO_CHECK_COMPLETE": "complete_zsh",
            "_TYPER_COMPLETE_ARGS": "zhijiao-check ",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert '"check":"检查报表是否达标。"' in done.stdout
    assert '"validate":"只校验报表格式，不检查规则。' in done.stdout


@pytest.mark.skipif(not SCRIPT.exists(), reason="the console script is not installed next to python")
@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("zhijiao-check ex", "explain"),
        ("zhijiao-check check --form", "--format"),
        ("zhijiao-check check --format sa", "sarif"),
        ("zhijiao-check check --lang e", "en"),
    ],
)
def test_bash_completes_commands_options_and_values(words: str, expected: str) -> None:
    """The script --show-completion prints, loaded into bash and called as bash calls it on <Tab>."""
    env = {**os.environ, "PATH": f"{SCRIPT.parent}{os.pathsep}{os.environ['PATH']}"}
    program = (
        'eval "$(zhijiao-check --show-completion bash)"; COMP_WORDS=(' + words + "); "
        "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _zhijiao_check_completion zhijiao-check; "
        'printf "%s\\n" "${COMPREPLY[@]}"'
    )
    done = subprocess.run(
        ["bash", "-c", program], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [expected]


def test_quiet_prints_summary_lines_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # named from the checkout, a title's line is as long wherever that is
    result = CliRunner().invoke(app, ["check", "samples/2023", "--quiet"], env={"NO_COLOR": "1"})
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert lines[-1] == "退出状态 1"
    titles, summaries = lines[0:-1:2], lines[1:-1:2]
    assert len(titles) == len(summaries) == 16  # 15 reports and the city-wide year
    assert all("得分" in t for t in titles) and all(s.startswith("小计：") for s in summaries)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", COMMANDS)
def test_help_shows_every_bracket_its_text_holds(name: str, lang: str) -> None:
    """typer reads help as rich markup, where ``[tool.zhijiao-check]`` is a tag and vanishes: escaped
    (``cli_help.parameter_help``), it is shown as written."""
    tr = Translator(lang)  # type: ignore[arg-type]
    written = " ".join(parameter_help(name, p.name or "", tr) for p in parameters(name)).replace("\\[", "[")
    shown = " ".join(help_text(name, "--lang", lang, columns=400).split())
    bracketed = re.findall(r"\[+[^\]\s]+\]+", written)
    for each in bracketed:
        assert each in shown, each
    if name == "check":
        assert {"[[waiver]]", "[tool.zhijiao-check]"} <= set(bracketed)


def _words(text: str) -> list[str]:
    """The words rich's wrapping takes from ``text`` while help is laid out (``rich._wrap.words``)."""
    found, at = [], 0
    while (match := cli_help._WORD.match(text, at)) is not None:
        found.append(match.group(0))
        at = match.end()
    return found


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("规则包（）“”，。、：ID c16.* json-x [参数]... \n"), min_size=1, max_size=40))
def test_every_help_text_is_cut_into_words_whole(text: str) -> None:
    """rich stops at the first place its word pattern does not match: what is left would be lost."""
    if text.strip():
        assert "".join(_words(text)) == text.rstrip() or "".join(_words(text)) == text


def test_chinese_breaks_between_characters_and_keeps_latin_words_whole() -> None:
    assert _words("规则包的 ID，或（默认）json、junit") == [
        "规",
        "则",
        "包",
        "的 ",
        "ID，",
        "或",
        "（默",
        "认）",
        "json、",
        "junit",
    ]
    shown = help_text("check", columns=80)
    assert "规则包：已安装规则包的 ID，或" in shown  # rich alone broke the line before ID
    assert "sa\n" not in shown.replace("│", "").replace(" ", "")  # no Latin word folded in two
    assert rich._wrap.re_word.pattern == r"\s*\S+\s*"  # rich's own, once the help is laid out


@pytest.mark.parametrize("columns", [40, 60, 80])
def test_english_help_keeps_a_chinese_name_whole(columns: int) -> None:
    """At 60 columns ``targets of 永政发〔2021〕7`` stood over ``号``: English help breaks at its spaces, a
    Chinese name in it a word."""
    shown = help_text("--lang", "en", columns=columns)
    assert "永政发〔2021〕7号" in shown and "(职业教育政策目标达标检查)." in shown
    assert max(map(len, shown.splitlines())) <= columns
    assert rich._wrap.re_word.pattern == r"\s*\S+\s*"


@pytest.mark.parametrize("name", COMMANDS)
def test_the_usage_line_names_each_argument_as_it_is_typed(name: str) -> None:
    """``用法：zhijiao-check diff [选项] OLD NEW``: a required argument bare, an optional one in brackets,
    never in braces (typer's ``{OLD}``), which read as characters to type."""
    usage = next(line for line in help_text(name).splitlines() if "用法" in line)
    assert "{" not in usage and "}" not in usage, usage
    for parameter in parameters(name):
        if isinstance(parameter, typer.core.TyperArgument) and parameter.required:
            assert f" {parameter.metavar}" in usage, usage


# A name or a path in a help text, which no layout may cut in two: an option, a file, a glob, a table of TOML.
_NAME = re.compile(r"[\w*\[\].:/-]*[.:/\[-][\w*\[\].:/-]*")


@pytest.mark.parametrize("columns", [40, 50, 60, 70])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_no_name_or_path_is_cut_in_two_on_a_narrow_terminal(name: str, lang: str, columns: int) -> None:
    """Beside typer's columns of names (``--format  -f  FORMAT``, ``--no-strict``) the texts of ``check`` had
    14 cells at 60 columns, and rich folded what did not fit (``pyproject.tom`` over ``l）。``): where the
    texts would have fewer than ``cli_help.NARROWEST_TEXT``, each option's text goes under its names."""
    tr = Translator(lang)  # type: ignore[arg-type]
    written = [command_help(name, tr)] + [
        parameter_help(name or "app", p.name or "", tr) for p in parameters(name)
    ]
    names = {word for text in written for word in _NAME.findall(text.replace("\\[", "[")) if len(word) > 3}
    shown = help_text(*([name] if name else []), "--lang", lang, columns=columns)
    lines = [line.strip(" │") for line in shown.splitlines()]
    for each in names:
        assert any(each in line for line in lines), (each, shown)
    usage = next(line for line in lines if line.startswith(("用法", "Usage")))
    assert all(len(line) <= columns for line in shown.splitlines())
    assert "[参数" not in usage or "[参数]..." in usage  # the usage line's words whole too


def test_the_options_stack_only_where_their_texts_would_be_too_narrow() -> None:
    """At 60 columns ``check``'s options are each a line of names with the text indented under it; at 80
    and wider, typer's columns as they always were, the text beside the names."""
    narrow = help_text("check", columns=60).splitlines()
    at = next(n for n, line in enumerate(narrow) if "--config" in line)
    assert narrow[at].strip(" │") == "--config FILE"
    assert narrow[at + 1].startswith("│     配置文件（默认：从当前目录向上最近的")
    assert any(line.strip(" │") == "zhijiao-check.toml，或含 [tool.zhijiao-check] 的" for line in narrow)
    for columns in (80, 120):
        wide = help_text("check", columns=columns)
        assert re.search(r"--config +FILE +配置文件（默认：", wide), wide
        assert re.search(r"--format +-f +FORMAT +table（默认）", wide), wide
    arguments = help_text("check", columns=60)  # the argument's text has room beside it: not stacked
    # not required (``*``) since --staged-removals and --settings-only need none
    assert re.search(r"│ +PATH +报表文件，或目录", arguments), arguments


@pytest.mark.parametrize(
    ("name", "joined"),
    [
        ("check", "检查报表是否达标。退出状态：0 全部达标"),
        ("diff", "同一单位两份报表之间的变化：字段、按名称对应的学校和专业、规则状态；"),
        (
            "rules",
            "标题。--format markdown 把 Markdown 写到标准输出（docs/rules.md 即加 --lang en 的输出）。",
        ),
        ("schema", "JSON Schema（draft 2020-12），供编辑器和校验工具使用。"),
    ],
)
def test_lines_of_a_chinese_help_text_are_joined_without_a_space(name: str, joined: str) -> None:
    """typer joins the lines of a paragraph with a space, which Chinese writes neither after a full-width
    mark nor between two characters; between Chinese and a Latin word the space stays, and English keeps
    its spaces."""
    shown = help_text(name, columns=400)
    assert joined in shown, shown
    for mark in "。，：；、":
        assert not re.search(f"{mark} +[^\\s│\\[]", shown), (mark, shown)
    assert "Check reports against the targets. Exit 0 all met" in help_text(
        "check", "--lang", "en", columns=400
    )


def test_a_number_option_shows_its_metavar_without_typers_bound() -> None:
    """``--jobs N [x>=1]``: typer's notation for the bound, in no language; the text says what N is, and a
    value below the bound is refused in the user's language."""
    for lang in ("zh", "en"):
        shown = help_text("check", "--lang", lang)
        assert "x>=1" not in shown and re.search(r"--jobs +-j +N +\S", shown), shown


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--lang", "en"], ("Usage: zhijiao-check [OPTIONS] COMMAND [ARGS]...", "Commands")),
        (["--lang=en", "--no-color"], ("Usage: zhijiao-check [OPTIONS] COMMAND [ARGS]...", "Commands")),
        (["--lang", "zh"], ("用法：zhijiao-check [选项] 命令 [参数]...", "命令")),
        (["--no-color"], ("用法：zhijiao-check [选项] 命令 [参数]...", "命令")),
        (["--debug"], ("用法：zhijiao-check [选项] 命令 [参数]...", "命令")),
    ],
)
def test_a_setting_alone_shows_the_tools_help_as_no_argument_does(
    args: list[str], words: tuple[str, ...]
) -> None:
    """``zhijiao-check --lang en`` asks for nothing to be checked: the tool's help in English and status 2, as
    ``zhijiao-check`` alone, not ``check``'s "missing argument PATH..."."""
    result = CliRunner().invoke(app, args, env={"COLUMNS": "160", "NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    assert all(word in result.stdout for word in words), result.stdout
    assert "PATH" not in result.output and result.stderr == ""


def test_help_on_a_terminal_has_no_colour_with_no_color() -> None:
    """``-h --no-color`` on a terminal: the help plain, as every output is with ``--no-color``."""
    from hostile.helpers import environment, on_terminal

    argv = [sys.executable, "-m", "zhijiao_check", "check", "-h"]
    env = environment(COLUMNS="100", TERM="xterm")
    code, coloured, _ = on_terminal(argv, "stdout", ROOT, env)
    assert code == 0 and b"\x1b[" in coloured
    code, plain, _ = on_terminal([*argv, "--no-color"], "stdout", ROOT, env)
    assert code == 0 and b"\x1b[" not in plain and "显示本帮助并退出。".encode() in plain


def test_the_help_says_what_the_commands_do_as_they_do_it() -> None:
    """Each summary as the command behaves: exit 3 (an internal error) among the statuses; ``rules --format
    markdown`` writes to standard output, not to docs/rules.md; the template is commented in English with
    ``--lang en``; ``-`` and Notepad's names are reports to ``check``."""
    for lang, internal in (("zh", "3 内部错误"), ("en", "3 internal error")):
        assert internal in help_text("--lang", lang, columns=400)
        assert internal in help_text("check", "--lang", lang, columns=400)
        assert internal in help_text("validate", "--lang", lang, columns=400)
    rules = help_text("rules", "--lang", "en", columns=400)
    assert (
        "--format markdown writes Markdown to standard output (docs/rules.md is that of --lang en)" in rules
    )
    template = help_text("template", "--lang", "en", columns=400)
    assert "every field commented in Chinese (in English with --lang en)" in template
    assert "（--lang en 时为英文）" in help_text("template", columns=400)
    check = help_text("check", "--lang", "en", columns=400)
    assert "*.yaml.txt, *.json.txt, read with a warning); - reads standard input" in check
    assert "*.yaml.txt、*.json.txt，读取时给出警告）；- 表示读标准输入" in help_text("check", columns=400)


STOPPED = {
    "zh": "中断：130 Ctrl-C，143 SIGTERM，129 SIGHUP（终端关闭）。",
    "en": "stopped: 130 Ctrl-C, 143 SIGTERM, 129 SIGHUP (terminal closed).",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_statuses_of_a_stop_are_listed_with_the_others_within_80_columns(lang: str) -> None:
    """``check`` and ``validate`` exit 130 on Ctrl-C, 143 on SIGTERM and 129 on SIGHUP (``status.Stopped``),
    which their help left out: a CI script reading 143 found nothing that named it. In the commands' panel
    at 80 columns each status line is one line, not wrapped, as the others are."""
    panel = help_text("--lang", lang, columns=80).splitlines()
    for name in ("check", "validate"):
        assert flat(STOPPED[lang]) in flat(help_text(name, "--lang", lang, columns=80))
        summary = command_help(name, Translator(lang)).split("\n")  # type: ignore[arg-type]
        assert summary[-1] == STOPPED[lang]
        for line in summary:
            assert any(row.strip("│ ").removeprefix(name).strip() == line for row in panel), (line, panel)


def test_validate_takes_no_colour_as_before() -> None:
    """``validate --no-color`` turns off the colour of the progress bar of a long run (README: "--no-color
    holds for the progress bar too"); dropped, the scripts that pass it failed with exit 2
    (tests/cli/test_console_script.py draws the bar)."""
    assert "--no-color" in help_text("validate")
    result = CliRunner().invoke(app, ["validate", "--no-color", str(ROOT / "samples/2023/dongan.yaml")])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("asked", "coloured"),
    [
        ({"FORCE_COLOR": "1"}, True),
        ({"FORCE_COLOR": "0"}, True),  # set and not empty, whatever its value (force-color.org)
        ({"FORCE_COLOR": ""}, False),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        ({"FORCE_COLOR": "1", "TERM": "dumb"}, False),
        ({"GITHUB_ACTIONS": "true"}, False),  # typer's own, not a convention the table follows
        ({"PY_COLORS": "1"}, False),
        ({}, False),
    ],
    ids=["forced", "forced-0", "empty", "no-color-wins", "dumb", "github-actions", "py-colors", "none"],
)
def test_forced_colour_in_a_pipe_is_the_same_for_the_help_and_the_table(
    asked: dict[str, str], coloured: bool
) -> None:
    """``FORCE_COLOR`` coloured the help in a pipe (rich and typer read it) while the table ignored it; and
    typer forced the help's colour for ``GITHUB_ACTIONS`` and ``PY_COLORS`` too. Both now follow one rule
    (``cli._color``): colour in a pipe with ``FORCE_COLOR`` set and not empty, unless ``NO_COLOR``,
    ``TERM=dumb`` or ``--no-color`` says otherwise."""
    drop = ("NO_COLOR", "FORCE_COLOR", "TERM", "GITHUB_ACTIONS", "PY_COLORS", "COLUMNS")
    env = {**{k: v for k, v in os.environ.items() if k not in drop}, **asked}
    tool = [sys.executable, "-m", "zhijiao_check"]
    report = str(ROOT / "samples" / "2023" / "dongan.yaml")
    for argv, code in (([*tool, "check", "-h"], 0), ([*tool, report], 1)):
        piped = subprocess.run(argv, check=False, capture_output=True, env=env, timeout=60)
        assert piped.returncode == code, piped.stderr
        assert (b"\x1b[" in piped.stdout) == coloured, argv
        plain = subprocess.run([*argv, "--no-color"], check=False, capture_output=True, env=env, timeout=60)
        assert plain.returncode == code and b"\x1b[" not in plain.stdout
