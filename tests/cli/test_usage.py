"""A command line the tool cannot take: told in Chinese by default, in English with ``--lang en``, as two
lines (what is wrong, where to read the usage), exit status 2, nothing on standard output (``cli_usage``)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from factory import ROOT
from factory import invoke as invoke_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from zhijiao_check.cli_usage import language

SAMPLE = "samples/2023/dongan.yaml"
FORMATS = "table、json、junit、markdown、github、sarif、html、xlsx、csv"
EN_FORMATS = FORMATS.replace("、", ", ")
EN_HELP = 'Try "zhijiao-check {command} -h" for usage and every option.'

CHINESE = [
    ((SAMPLE, "-j", "0"), "--jobs / -j 不能是“0”：请写不小于 1 的整数（半角数字）", "check"),
    ((SAMPLE, "--jobs", "两"), "--jobs / -j 不能是“两”：请写不小于 1 的整数（半角数字）", "check"),
    ((SAMPLE, "-f", "xml"), f"--format / -f 不能是“xml”：可选 {FORMATS}", "check"),
    ((SAMPLE, "-f", "json", "-f", "pdf"), f"--format / -f 不能是“pdf”：可选 {FORMATS}", "check"),
    (("rules", "--lang", "fr"), "--lang 不能是“fr”：可选 zh、en", "rules"),
    ((SAMPLE, "--strictt"), "没有 --strictt 这个选项；是否想写 --strict、--no-strict？", "check"),
    (("rules", "-x"), "没有 -x 这个选项", "rules"),
    ((SAMPLE, "--bogus"), "没有 --bogus 这个选项", "check"),  # click, dashes and all, offered --jobs
    ((SAMPLE, "--json"), "没有 --json 这个选项；是否想写 --format json？", "check"),
    (("rules", "--markdown"), "没有 --markdown 这个选项；是否想写 --format markdown？", "rules"),
    ((SAMPLE, "--out", "x.json"), "没有 --out 这个选项；是否想写 --output？", "check"),
    ((SAMPLE, "--jobs"), "--jobs 后面要写一个值", "check"),
    ((SAMPLE, "--no-color=yes"), "--no-color 是开关，不带值：只写 --no-color", "check"),
    (("check",), "缺少参数 PATH...", "check"),
    (("diff", "a.yaml"), "缺少参数 NEW", "diff"),
    (("explain", "c1.public-seats", "c2"), "多余的参数：c2（这个命令不接受这么多参数）", "explain"),
    (
        ("template", "-u", "东安县", "-y", "二〇二三"),
        "--year / -y 不能是“二〇二三”：请写整数（半角数字）",
        "template",
    ),
]

ENGLISH = [
    ((SAMPLE, "-j", "1.5"), '--jobs / -j cannot be "1.5": write a whole number of at least 1', "check"),
    (
        (SAMPLE, "--format", "xml"),
        f'--format / -f cannot be "xml": choose one of {FORMATS.replace("、", ", ")}',
        "check",
    ),
    ((SAMPLE, "--strictt"), "no such option: --strictt; did you mean --strict, --no-strict?", "check"),
    ((SAMPLE, "--no-color=1"), "--no-color is a switch and takes no value: write --no-color alone", "check"),
    (
        ("template", "-u", "东安县", "-y", "2023.5"),
        '--year / -y cannot be "2023.5": write a whole number',
        "template",
    ),
    (("diff", "a.yaml"), "missing argument NEW", "diff"),
    (
        ("explain", "c1.public-seats", "c2", "c3"),
        "unexpected extra arguments: c2 c3 (this command takes fewer)",
        "explain",
    ),
]


@pytest.mark.parametrize(("args", "told", "command"), CHINESE)
def test_a_usage_error_is_told_in_chinese_by_default(invoke, args, told, command):
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [told, f"用 zhijiao-check {command} -h 查看用法和全部选项"]


@pytest.mark.parametrize(("args", "told", "command"), ENGLISH)
def test_a_usage_error_is_told_in_english_with_lang_en(invoke, args, told, command):
    result = invoke(*args, "--lang", "en")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        told,
        f'Try "zhijiao-check {command} -h" for usage and every option.',
    ]


@pytest.mark.parametrize(
    ("args", "told"),
    [
        (
            ("valdiate", SAMPLE),
            "没有 valdiate 这个命令，也没有这个文件或目录；是否想写 zhijiao-check validate？",
        ),
        (("chekc", "samples/"), "没有 chekc 这个命令，也没有这个文件或目录；是否想写 zhijiao-check check？"),
        (("rule",), "没有 rule 这个命令，也没有这个文件或目录；是否想写 zhijiao-check rules？"),
    ],
)
def test_a_mistyped_command_is_told_not_checked_as_a_path(invoke, args, told):
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [told, "用 zhijiao-check -h 查看用法和全部选项"]


def test_a_mistyped_command_in_english(invoke):
    result = invoke("explian", "c1.public-seats", "--lang", "en")
    assert (
        result.stderr.splitlines()[0]
        == "no command, file or folder explian; did you mean zhijiao-check explain?"
    )


def test_a_folder_named_like_a_command_is_checked_as_a_folder(invoke, tmp_path, monkeypatch):
    (tmp_path / "rule").mkdir()
    (tmp_path / "rule" / "dongan.yaml").write_bytes((ROOT / SAMPLE).read_bytes())
    monkeypatch.chdir(tmp_path)
    result = invoke_cli("rule", "-q")
    assert result.exit_code == 1, result.output  # checked: three of its targets fail
    assert "东安县" in result.stdout


def test_a_path_that_is_no_command_is_still_a_missing_path(invoke):
    result = invoke("nowhere", SAMPLE, "-q")
    assert result.exit_code == 2
    assert "nowhere：无法读取，未检查" in result.stdout


def test_the_language_is_read_from_a_command_line_that_does_not_parse():
    assert language(["x.yaml", "--bogus", "--lang", "en"]) == "en"
    assert language(["x.yaml", "--lang=en", "--bogus"]) == "en"
    assert language(["x.yaml", "--lang", "en", "--lang", "zh"]) == "zh"  # the last one, as click takes it
    assert language(["x.yaml", "--lang", "fr"]) == "zh"  # refused itself: told in the default language
    assert language(["--", "--lang", "en"]) == "zh"  # after --, a file named --lang
    assert language(["x.yaml", "--lang"]) == "zh"


def test_a_usage_error_from_the_console_script_is_two_plain_lines_in_a_gbk_console():
    """The real process, its standard error a Chinese Windows console (a terminal in GBK): no box, no
    traceback. Redirected, the same two lines are UTF-8, as every redirected output is."""
    from hostile.helpers import environment, on_terminal

    argv = [sys.executable, "-m", "zhijiao_check", str(SAMPLE), "-j", "0"]
    code, shown, out = on_terminal(argv, "stderr", ROOT, environment(PYTHONIOENCODING="gbk", COLUMNS="100"))
    said = [
        "--jobs / -j 不能是“0”：请写不小于 1 的整数（半角数字）",
        "用 python -m zhijiao_check check -h 查看用法和全部选项",  # as it was run
    ]
    assert code == 2 and out == b""
    # the console draws “ ” two cells wide: shown as the table view shows them there (renderers.fallbacks)
    assert shown.decode("gbk").splitlines() == [line.replace("“", '"').replace("”", '"') for line in said]
    done = subprocess.run(
        argv, cwd=ROOT, capture_output=True, env={"PYTHONIOENCODING": "gbk", "PATH": ""}, check=False
    )
    assert done.returncode == 2 and done.stderr.decode("utf-8").splitlines() == said


# Usage errors whose text quotes what the user typed, and that text as a GBK console shows it: ``√`` (which
# the tool writes as ``+`` there) as typed, ``𠀀`` and ``😀`` (which GBK lacks) escaped, as is a lone
# surrogate, what Python makes of a command line's byte that is not UTF-8 (``\xff``).
TYPED_ON_GBK = [
    (("-j", "x√𠀀"), '--jobs / -j 不能是"x√\\U00020000"：请写不小于 1 的整数（半角数字）'),
    (("-f", "√😀"), '--format / -f 不能是"√\\U0001f600"：可选 ' + FORMATS),
    (("-j", os.fsdecode(b"\xff") + "√"), '--jobs / -j 不能是"\\udcff√"：请写不小于 1 的整数（半角数字）'),
    (("--bogus√",), "没有 --bogus√ 这个选项"),
    (
        ("-j", "1", "--lang", "en", "-f", "√•"),
        f'--format / -f cannot be "√\\u2022": choose one of {EN_FORMATS}',
    ),
]


@pytest.mark.parametrize(("args", "told"), TYPED_ON_GBK)
def test_a_usage_error_on_a_gbk_console_shows_the_users_text_as_typed(args, told):
    """A usage error on a GBK console quoted the user's value with the tool's fallbacks in it: ``-j x√`` was
    told as "x+", a value never typed. It is marked as a fatal error marks it (``errors.run_command``)."""
    from hostile.helpers import environment, on_terminal

    argv = [sys.executable, "-m", "zhijiao_check", "check", SAMPLE, *args]
    code, shown, out = on_terminal(argv, "stderr", ROOT, environment(PYTHONIOENCODING="gbk", COLUMNS="200"))
    assert code == 2 and out == b""
    lines = shown.decode("gbk").splitlines()  # strict: every byte is GBK
    assert lines[0] == told
    assert "\ufdd0" not in shown.decode("gbk")


def test_a_line_break_in_a_value_is_no_line_of_the_usage_error(invoke):
    result = invoke(SAMPLE, "-j", "1\n2")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "--jobs / -j 不能是“1\\x0a2”：请写不小于 1 的整数（半角数字）",
        "用 zhijiao-check check -h 查看用法和全部选项",
    ]


def test_help_and_version_still_exit_0(invoke):
    assert invoke("check", "-h").exit_code == 0
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout.startswith("zhijiao-check ")


def test_no_arguments_still_show_the_help_and_exit_2(invoke):
    result = invoke()
    assert result.exit_code == 2
    assert "用法：zhijiao-check" in result.stdout


@settings(max_examples=60, deadline=None)
@given(
    name=st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12),
    lang=st.sampled_from(["zh", "en"]),
)
def test_any_unknown_option_exits_2_naming_it_in_the_language_asked_for(name, lang):
    option = f"--zz{name}"
    result = invoke_cli(SAMPLE, option, "--lang", lang)
    assert result.exit_code == 2, result.output
    first = result.stderr.splitlines()[0]
    assert first.startswith("no such option: ") if lang == "en" else first.startswith("没有 ")
    assert "Traceback" not in result.stderr


@settings(max_examples=60, deadline=None)
@given(value=st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=8))
def test_any_count_that_is_not_a_whole_number_of_at_least_1_is_refused_by_name(value):
    if value.isascii() and value.isdigit() and int(value) >= 1:
        return  # a count taken: the run itself is not this test's
    if value.startswith("-"):
        return  # read as an option, not as the count
    result = invoke_cli(SAMPLE, "--jobs", value)
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[0] == f"--jobs / -j 不能是“{value}”：请写不小于 1 的整数（半角数字）"


# ``--output`` that click would take wrongly: the last of two where one file is written, a folder's name.
def _twice(command: str, first: str, second: str) -> tuple[str, str]:
    chinese = f"--output / -o 只能给一次：zhijiao-check {command} 只写一个文件，给了 {first}、{second}，"
    english = (
        f"--output / -o is taken once: zhijiao-check {command} writes one file, and of {first}, {second} "
    )
    return (
        chinese + "只会写最后一个；未做任何处理",
        english + "only the last would be written; nothing was done",
    )


def _folder(name: str) -> tuple[str, str]:
    chinese = f"--output {name} 以“/”结尾，是目录的写法：请给出要写入的文件名（如 {name}结果.json）"
    english = f"--output {name} ends in a slash, as a folder's name does: give the name of the file to write "
    return chinese + "；未做任何处理", english + f"(such as {name}results.json); nothing was done"


OUTPUTS = [
    (("convert", "dongan.yaml", "-o", "a.xlsx", "-o", "b.xlsx"), *_twice("convert", "a.xlsx", "b.xlsx")),
    (
        ("template", "-u", "东安县", "-y", "2024", "-o", "t1.yaml", "--output=t2.yaml"),
        *_twice("template", "t1.yaml", "t2.yaml"),
    ),
    (("schema", "-oa.json", "-o", "b.json"), *_twice("schema", "a.json", "b.json")),
    (("dongan.yaml", "-f", "json", "-o", "newdir/"), *_folder("newdir/")),
    (("validate", "dongan.yaml", "-o", "out.json", "-o", "here/"), *_folder("here/")),
]


@pytest.mark.parametrize(("args", "chinese", "english"), OUTPUTS)
def test_an_output_click_would_take_wrongly_is_refused(tmp_path, monkeypatch, args, chinese, english):
    # convert -o a.xlsx -o b.xlsx wrote b.xlsx alone and said nothing; -o newdir/ wrote a file named newdir.
    (tmp_path / "dongan.yaml").write_bytes((ROOT / SAMPLE).read_bytes())
    monkeypatch.chdir(tmp_path)
    command = args[0] if args[0] in ("convert", "template", "schema", "validate") else "check"
    for lang, told in (("zh", chinese), ("en", english)):
        result = invoke_cli(*args, "--lang", lang)
        assert result.exit_code == 2
        assert result.stdout == ""
        help_line = (
            f"用 zhijiao-check {command} -h 查看用法和全部选项"
            if lang == "zh"
            else EN_HELP.format(command=command)
        )
        assert result.stderr.splitlines() == [told, help_line]
        assert sorted(path.name for path in tmp_path.iterdir()) == ["dongan.yaml"]


def test_several_outputs_of_check_are_still_one_per_format(tmp_path, monkeypatch):
    (tmp_path / "dongan.yaml").write_bytes((ROOT / SAMPLE).read_bytes())
    monkeypatch.chdir(tmp_path)
    result = invoke_cli("dongan.yaml", "-f", "json", "-o", "a.json", "-f", "sarif", "-o", "b.json")
    assert result.exit_code == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.json", "b.json", "dongan.yaml"]


@pytest.mark.parametrize(
    ("lang", "told"),
    [
        ("zh", "convert 写入文件，格式由输出文件名的扩展名决定，-o - 是标准输出，没有扩展名"),
        ("en", "convert writes a file in the format its name ends with, and -o - is standard output"),
    ],
)
def test_convert_to_standard_output_is_called_standard_output(invoke, lang, told):
    result = invoke("convert", SAMPLE, "-o", "-", "--lang", lang)
    assert result.exit_code == 2 and result.stdout == ""
    assert told in result.stderr and "<stdin>" not in result.stderr
