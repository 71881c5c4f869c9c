"""The config file: found upward, in zhijiao-check.toml or pyproject.toml; flags win;
unknown keys are located.
"""

from __future__ import annotations

import json
import os
import shutil
import tomllib
from pathlib import Path

import pytest
from factory import SAMPLES
from hypothesis import example, given, settings
from hypothesis import strategies as st

from zhijiao_check.errors import FatalError
from zhijiao_check.settings import config

from .conftest import write

TEAM_CONFIG = """\
# The team's settings: English for the report to the province, JSON for the dashboard script.
lang = "en"
select = ["c16", "c1.vocational-share"]

[[outputs]]
format = "json"
file = "build/zhijiao-check.json"

[[outputs]]
format = "table"
"""


def test_a_config_file_above_the_working_directory_is_used(repo: Path, invoke, monkeypatch) -> None:
    write(repo / "zhijiao-check.toml", TEAM_CONFIG)
    monkeypatch.chdir(repo / "reports")
    result = invoke("check", "2023/")
    assert result.exit_code == 1
    assert "score" in result.stdout and "得分" not in result.stdout  # lang = "en"
    # relative to the file
    doc = json.loads((repo / "build" / "zhijiao-check.json").read_text(encoding="utf-8"))
    assert doc["lang"] == "en"
    assert {r["rule"] for r in doc["reports"][0]["results"]} == {
        "c1.vocational-share",
        "c16.secondary-funding",
        "c16.higher-funding",
        "c16.new-funding-tilt",
    }


def test_a_run_says_which_config_file_it_took_its_settings_from(repo: Path, invoke, monkeypatch) -> None:
    """A setting that surprises (English output, a strict run) could not be traced: nothing said a file above
    the working directory was read. The table says it above the exit status, in either language, and the JSON
    document has its ``config`` (whole or streamed alike); a run without one says nothing of it."""
    from zhijiao_check.commands import check as check_command

    write(repo / "zhijiao-check.toml", 'lang = "en"\nquiet = true\n')
    monkeypatch.chdir(repo / "reports")
    table = invoke("check", "2023/", "--no-color")
    assert table.exit_code == 1
    assert table.stdout.splitlines()[-2:] == [
        "settings from the config file ../zhijiao-check.toml (an option given on the command line wins)",
        "exit status 1",
    ]
    chinese = invoke("check", "2023/", "--no-color", "--lang", "zh").stdout.splitlines()
    assert chinese[-2:] == ["设置取自配置文件 ../zhijiao-check.toml（命令行上给出的选项优先）", "退出状态 1"]
    whole = invoke("check", "2023/", "-f", "json")
    doc = json.loads(whole.stdout)
    assert list(doc)[:5] == ["tool", "rule_pack", "rule_packs", "lang", "config"]
    assert doc["config"] == "../zhijiao-check.toml"
    monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    assert invoke("check", "2023/", "-f", "json").stdout == whole.stdout
    (repo / "zhijiao-check.toml").unlink()
    write(repo / "pyproject.toml", "[tool.zhijiao-check]\nstrict = true\n")
    assert json.loads(invoke("check", "2023/", "-f", "json").stdout)["config"] == "../pyproject.toml"
    (repo / "pyproject.toml").unlink()
    bare = invoke("check", "2023/", "--no-color")
    assert bare.stdout.splitlines()[-1] == "退出状态 1" and "配置文件" not in bare.stdout
    assert "config" not in json.loads(invoke("check", "2023/", "-f", "json").stdout)


def test_pyproject_tool_table_is_read_and_a_pyproject_without_it_is_passed_over(
    repo: Path, invoke, monkeypatch
) -> None:
    write(
        repo / "pyproject.toml",
        '[project]\nname = "reports"\n\n[tool.zhijiao-check]\nlang = "en"\nquiet = true\n',
    )
    write(repo / "reports" / "pyproject.toml", '[project]\nname = "inner"\n')  # not ours: the search goes on
    monkeypatch.chdir(repo / "reports")
    result = invoke("check", "2023/dongan.yaml")
    assert result.exit_code == 1
    assert "summary: pass 14 · fail 3 · not_applicable 3" in result.stdout
    assert "c16.secondary-funding" not in result.stdout  # quiet: summary lines only


def test_a_tool_table_named_with_an_escape_is_found(repo: Path, invoke) -> None:
    # TOML reads "\u007ahijiao-check" as zhijiao-check: the file is parsed although its bytes do not hold the
    # name, which is all that a pyproject.toml of another project is looked at for (config._has_tool_table).
    write(
        repo / "pyproject.toml", '[project]\nname = "reports"\n\n[tool."\\u007ahijiao-check"]\nlang = "en"\n'
    )
    result = invoke("check", "reports/2023/dongan.yaml")
    assert result.exit_code == 1
    assert "summary: pass 14 · fail 3 · not_applicable 3" in result.stdout


def test_zhijiao_check_toml_wins_over_pyproject_in_the_same_folder(repo: Path, invoke) -> None:
    write(repo / "pyproject.toml", '[tool.zhijiao-check]\nlang = "en"\n')
    write(repo / "zhijiao-check.toml", 'lang = "zh"\n')
    assert "得分" in invoke("check", "reports/2023/dongan.yaml").stdout


def test_flags_win_over_the_config_file(repo: Path, invoke) -> None:
    write(
        repo / "zhijiao-check.toml",
        'lang = "en"\nstrict = true\nselect = ["c16"]\n'
        '[[outputs]]\nformat = "json"\nfile = "build/out.json"\n',
    )
    result = invoke(
        "check",
        "reports/2023/lingling.yaml",
        "--lang",
        "zh",
        "--no-strict",
        "--select",
        "c1",
        "--format",
        "table",
    )
    assert result.exit_code == 0
    assert "得分" in result.stdout and "c1.vocational-share" in result.stdout and "c16." not in result.stdout
    assert not (repo / "build").exists()  # --format replaced the config's outputs


def test_strict_from_the_config_file_fails_a_behind_rule(repo: Path, invoke) -> None:
    shutil.copytree(SAMPLES / "2022", repo / "reports" / "2022")
    args = ("check", "reports/2022/", "--select", "c8.demonstration-enterprises")
    assert invoke(*args).exit_code == 0  # behind does not fail by default
    write(repo / "zhijiao-check.toml", "strict = true\n")
    assert invoke(*args).exit_code == 1


def test_unknown_keys_and_wrong_values_are_located(repo: Path, invoke) -> None:
    write(
        repo / "zhijiao-check.toml",
        'lang = "fr"\ncolour = true\n\n[[outputs]]\nformat = "json"\n'
        'fiel = "build/x.json"\n\n[[outputs]]\nformat = "pdf"\n',
    )
    result = invoke("check", "reports/2023/")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == "配置文件 zhijiao-check.toml 有误："
    assert 'zhijiao-check.toml:1:1: lang: “lang”的值 "fr" 无效：可选 zh | en' in lines  # as TOML writes it
    assert any(line.startswith("zhijiao-check.toml:2:1: colour: 未知的键“colour”") for line in lines)
    assert any(
        line.startswith("zhijiao-check.toml:6:1: outputs[0].fiel: 未知的键“fiel”：可用的键有 format, file")
        for line in lines
    )
    assert any(
        line.startswith('zhijiao-check.toml:9:1: outputs[1].format: “format”的值 "pdf" 无效')
        for line in lines
    )
    assert result.stdout == ""


def test_a_wrong_value_in_an_outputs_entry_is_located_in_that_entry(repo: Path, invoke) -> None:
    write(
        repo / "zhijiao-check.toml",
        'lang = "zh"\n\n[[outputs]]\nformat = "sarif"\nfile = "a.sarif"\n\n'
        '[[outputs]]\nformat = "json"\nfile = 5\n',
    )
    result = invoke("check", "reports/2023/dongan.yaml", "-q")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1:] == [
        'zhijiao-check.toml:9:1: outputs[1].file: “file”的值 5 无效：应写成 "folder/file"'
    ]
    # One [outputs] table where an array of them is wanted: at its header, not at the top of the file.
    write(repo / "zhijiao-check.toml", 'lang = "zh"\n\n[outputs]\nformat = "json"\n')
    result = invoke("check", "reports/2023/dongan.yaml", "-q")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1].startswith("zhijiao-check.toml:3:1: outputs: “outputs”的值")


def test_an_outputs_entry_without_format_takes_its_file_s_as_the_command_line_does(
    repo: Path, invoke
) -> None:
    write(
        repo / "zhijiao-check.toml",
        '[[outputs]]\nfile = "build/out.json"\n\n[[outputs]]\nfile = "out.xlsx"\n',
    )
    result = invoke("check", "reports/2023/dongan.yaml", "-q")
    assert result.exit_code == 1, result.stderr
    assert json.loads((repo / "build" / "out.json").read_text("utf-8"))["reports"][0]["unit"] == "东安县"
    assert (repo / "out.xlsx").read_bytes()[:2] == b"PK"
    # Without a file either there is nothing to tell the format by: what to write, not Python's None.
    write(repo / "zhijiao-check.toml", 'lang = "zh"\n\n[[outputs]]\nfile = "-"\n')
    result = invoke("check", "reports/2023/dongan.yaml", "-q")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1] == (
        'zhijiao-check.toml:3:1: outputs[0]: [[outputs]] 缺少 format：请写 format = "json"（可选 table | '
        "json | junit | markdown | github | sarif | html | xlsx | csv），或写以 .json、.xlsx 等结尾的 file"
    )
    assert "None" not in result.stderr


def test_a_rule_id_of_the_config_file_that_no_pack_has_is_told_at_its_line(repo: Path, invoke) -> None:
    write(repo / "zhijiao-check.toml", 'lang = "zh"\nstrict = false\nignore = ["c16.secondry-funding"]\n')
    result = invoke("check", "reports/2023/dongan.yaml", "-q")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "配置文件 zhijiao-check.toml 有误：",
        "zhijiao-check.toml:3:1: ignore: "
        + "没有与“c16.secondry-funding”匹配的规则；是否想写 c16.secondary-funding？",
    ]
    write(repo / "zhijiao-check.toml", 'select = [\n  "c1",\n  "c99",\n]\n')
    result = invoke("check", "reports/2023/dongan.yaml", "-q")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1] == (
        "zhijiao-check.toml:1:1: select: 没有与“c99”匹配的规则；可用 zhijiao-check rules 查看全部规则"
    )
    # Typed, it is the command line's mistake, and the file's select (not taken) is not blamed.
    typed = invoke("check", "reports/2023/dongan.yaml", "-q", "--select", "c98")
    assert typed.exit_code == 2
    assert typed.stderr.splitlines() == ["没有与“c98”匹配的规则；可用 zhijiao-check rules 查看全部规则"]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('lang = "zh"\nstrict = false\npacks = ["rules/local-pack"]\n', "3:1: packs[0]"),
        ('packs = [\n  "rules/yzf",\n  "rules/local-pack",\n]\n', "1:1: packs[1]"),
        ('strict = false\nwaivers = "waiver.toml"\n', "2:1: waivers"),
        ('\nroster = "roster.yaml"\n', "2:1: roster"),
    ],
)
def test_a_file_or_folder_the_config_names_that_is_not_there_is_told_at_its_key(
    repo: Path, invoke, text: str, where: str
) -> None:
    (repo / "rules" / "yzf").mkdir(parents=True)
    write(repo / "zhijiao-check.toml", text)
    result = invoke("check", "reports/2023/dongan.yaml", "-q")
    assert result.exit_code == 2
    [heading, line] = result.stderr.splitlines()
    assert heading == "配置文件 zhijiao-check.toml 有误："
    assert (
        line.startswith(f"zhijiao-check.toml:{where}: ") and "不存在（路径相对于配置文件所在的目录）" in line
    )


def test_the_config_files_language_is_that_of_its_own_mistakes_and_of_the_runs(repo: Path, invoke) -> None:
    write(repo / "zhijiao-check.toml", 'lang = "en"\nwaivers = "waiver.toml"\n')
    result = invoke("check", "reports/2023/dongan.yaml", "-q")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "the config file zhijiao-check.toml has problems:",
        'zhijiao-check.toml:2:1: waivers: "waivers" = "waiver.toml" does not exist '
        + "(a path relative to the config file's folder): check the name",
    ]
    # A mistake found by the run (a waivers file that names no rule) is in the file's language too.
    write(repo / "waiver.toml", '[[waiver]]\nrule = "c99.none"\n')
    result = invoke("check", "reports/2023/dongan.yaml", "-q")
    assert result.exit_code == 2
    assert result.stderr.startswith("the waivers file waiver.toml has problems")
    assert 'there is no rule "c99.none"; see zhijiao-check rules for the list' in result.stderr
    assert "豁免" not in result.stderr
    # --lang typed wins over the file, for its mistakes too.
    assert "豁免文件 waiver.toml 有误" in invoke("check", "reports/2023/dongan.yaml", "--lang", "zh").stderr


def test_a_count_or_a_switch_in_quotes_is_told_to_drop_them(repo: Path, invoke) -> None:
    write(repo / "zhijiao-check.toml", 'jobs = "2"\nstrict = "true"\n')
    result = invoke("check", "reports/2023/")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert "zhijiao-check.toml:1:1: jobs: “jobs”的值不加引号：请写 jobs = 2" in lines
    assert "zhijiao-check.toml:2:1: strict: “strict”的值不加引号：请写 strict = true" in lines


def test_a_key_of_an_inline_table_is_located_at_its_line(repo: Path, invoke) -> None:
    write(repo / "zhijiao-check.toml", 'lang = "en"\noutputs = [\n  {format = "json", fil = "x.json"},\n]\n')
    result = invoke("check", "reports/2023/")
    assert result.exit_code == 2
    assert "zhijiao-check.toml:2:1: outputs[0].fil: unknown key" in result.stderr.replace(
        "未知的键", "unknown key"
    )


def test_a_broken_toml_file_is_located(repo: Path, invoke) -> None:
    write(repo / "zhijiao-check.toml", 'lang = "en"\nstrict = yes\n')
    result = invoke("check", "reports/2023/")
    assert result.exit_code == 2
    told = '值的写法不对：文字要加英文双引号（如 "en"），是/否写 true 或 false'
    assert f"zhijiao-check.toml:2:10: 不是有效的 TOML：{told}" in result.stderr


def test_config_names_a_file_anywhere(repo: Path, invoke, tmp_path_factory) -> None:
    elsewhere = tmp_path_factory.mktemp("ci") / "ci.toml"
    write(elsewhere, 'lang = "en"\n')
    assert "score" in invoke("check", "reports/2023/dongan.yaml", "--config", elsewhere).stdout
    missing = invoke("check", "reports/2023/dongan.yaml", "--config", "nowhere.toml")
    assert missing.exit_code == 2
    assert "nowhere.toml: 路径不存在" in missing.stderr


def test_a_pyproject_named_with_config_needs_the_tool_table(repo: Path, invoke) -> None:
    write(repo / "pyproject.toml", '[project]\nname = "x"\n')
    result = invoke("check", "reports/2023/dongan.yaml", "--config", "pyproject.toml")
    assert result.exit_code == 2
    assert "pyproject.toml:1:1: 没有 [tool.zhijiao-check] 表" in result.stderr


@pytest.mark.parametrize(
    ("header", "shown"),
    [
        ("[tool.zhijiao_check]", "tool.zhijiao_check"),
        ("[tool.zhijiaocheck]", "tool.zhijiaocheck"),
        ("[tools.zhijiao-check]", "tools.zhijiao-check"),
        ("[tool.'Zhijiao-Check']", "tool.Zhijiao-Check"),
        ("[zhijiao-check]", "zhijiao-check"),
    ],
)
def test_a_misspelt_tool_table_in_pyproject_is_an_error_at_its_header(
    repo: Path, invoke, header: str, shown: str
) -> None:
    """Passed over, the team's strict and select did not apply, and the gate passed (exit 0 instead of 1)."""
    write(repo / "pyproject.toml", f'[project]\nname = "reports"\n\n{header}\nstrict = true\n')
    result = invoke("check", "reports/2023/lingling.yaml", "-q")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "配置文件 pyproject.toml 有误：",
        f"pyproject.toml:4:1: 表名 [{shown}] 写错了，其中的设置不会生效：是否想写 [tool.zhijiao-check]？",
    ]
    assert result.stdout == ""


def test_a_misspelt_table_beside_the_right_one_is_an_error_too(repo: Path, invoke) -> None:
    write(
        repo / "pyproject.toml", '[tool.zhijiao-check]\nstrict = true\n\n[tool.zhijiao_check]\nlang = "en"\n'
    )
    result = invoke("check", "reports/2023/lingling.yaml", "--lang", "en")
    assert result.exit_code == 2
    assert "pyproject.toml:4:1: the table [tool.zhijiao_check] is not read" in result.stderr


def test_the_tools_name_as_a_value_is_no_misspelt_table(repo: Path, invoke) -> None:
    write(repo / "pyproject.toml", 'zhijiao-check = "1.0"\n\n[project]\nname = "zhijiao-check-reports"\n')
    result = invoke("check", "reports/2023/lingling.yaml", "-q")
    assert result.exit_code == 0 and result.stderr == ""


def test_jobs_and_roster_keys_reach_the_check_options(repo: Path) -> None:
    write(repo / "zhijiao-check.toml", 'jobs = 2\nroster = "roster.yaml"\npacks = ["packs/local"]\n')
    write(repo / "roster.yaml", "")  # what they hold is read by the run, not by the config file
    (repo / "packs" / "local").mkdir(parents=True)
    found = config.read(None, repo / "reports", ("json", "table"))
    config.refuse_invalid(found)  # as the command line reads it (``cli._exit_configured``)
    assert (found.jobs, found.roster, found.packs) == (2, Path("roster.yaml"), (Path("packs/local"),))
    write(repo / "zhijiao-check.toml", "jobs = 0\n")
    with pytest.raises(FatalError) as raised:
        config.refuse_invalid(config.read(None, repo, ("json", "table")))
    [problem] = raised.value.problems
    assert (problem.line, problem.path, problem.code) == (1, "jobs", "wrong-type")


def test_each_option_typed_wins_over_its_key_and_each_key_over_the_default(repo: Path) -> None:
    """``check``'s options from the command line and the config file (``commands.check.with_config``): the
    command line only turns arguments into options, the flag-or-key choice is made in one place."""
    from zhijiao_check.commands.check import CheckOptions, with_config

    write(repo / "zhijiao-check.toml", 'strict = true\njobs = 2\nselect = ["c16"]\nignore = ["c1"]\n')
    found = config.read(None, repo, ("json", "table"))
    typed = CheckOptions(paths=[Path("r.yaml")], outputs=[], jobs=5, select=["c2"], ignore=["c3"])
    options = with_config(typed, {"jobs", "select"}, found)
    assert (options.strict, options.jobs, options.select, options.ignore) == (True, 5, ["c2"], ("c1",))
    assert options.outputs == (("table", None),) and options.config == Path("zhijiao-check.toml")
    # ignore is the file's, so a rule ID in it that no pack has is told at its line; select is typed
    assert [key for key, *_ in options.from_config] == ["ignore"]
    untyped = with_config(CheckOptions(paths=[], outputs=[]), set(), config.Config())  # no file
    assert (untyped.strict, untyped.jobs, untyped.rules, untyped.config) == (False, None, [], None)


def test_the_jobs_key_sets_the_worker_processes_and_the_flag_wins(repo: Path, invoke, monkeypatch) -> None:
    from zhijiao_check import processes
    from zhijiao_check.commands import inputs

    asked: list[int] = []
    load_and_score = inputs.load_and_score

    def counted(paths, packs, selected, jobs, *guarded):  # guarded: the outputs and the other inputs
        asked.append(jobs)
        return load_and_score(paths, packs, selected, jobs, *guarded)

    monkeypatch.setattr(inputs, "load_and_score", counted)
    monkeypatch.setattr(processes, "available_cores", lambda: 4)  # as many as asked for, or more
    write(repo / "zhijiao-check.toml", "jobs = 3\n")
    assert invoke("check", "reports/2023/", "-f", "json").exit_code == 1
    assert invoke("check", "reports/2023/", "-f", "json", "--jobs", "1").exit_code == 1
    assert asked == [3, 1]


# Every way a line of TOML can take part in naming the table, and lines that only name the tool.
_TOML_LINES = [
    "[tool]",
    "[ 'tool' ]",
    "[tool.other]",
    "[project]",
    "[project.scripts]",
    "[tool.zhijiao-check]",
    '[ tool . "zhijiao-check" ]',
    "[[tool.zhijiao-check.runs]]",
    "[tool.'zhijiao-check'.sub]",
    'zhijiao-check = "zhijiao_check.entry:main"',
    'zhijiao-check = { lang = "en" }',
    '"zhijiao-check".lang = "en"',
    "  'zhijiao-check' . quiet = true",
    'tool.zhijiao-check.lang = "en"',
    'tool = { zhijiao-check = { lang = "en" } }',
    '"tool" . "zhijiao-check" = { quiet = true }',
    'name = "zhijiao-check"',
    'dependencies = ["zhijiao-check>=1.0"]',
    "x = 1",
    "# [tool.zhijiao-check] in a comment",
]


@settings(max_examples=400)
@given(lines=st.lists(st.sampled_from(_TOML_LINES), min_size=1, max_size=6), bom=st.booleans())
@example(lines=["[tool]", 'zhijiao-check = { lang = "en" }'], bom=False)
@example(lines=["[project]", "x = 1", "[ 'tool' ]", "  'zhijiao-check' . quiet = true"], bom=True)
@example(lines=['tool = { zhijiao-check = { lang = "en" } }', "[project.scripts]"], bom=False)
@example(lines=['[ tool . "zhijiao-check" ]'], bom=True)
def test_a_pyproject_that_holds_the_tool_table_is_always_parsed(lines: list[str], bom: bool) -> None:
    """``_may_name_tool_table`` spares parsing another project's pyproject.toml, and this project's own, which
    names the tool as its name and script only; it never passes over one that TOML reads the table in."""
    text = ("\ufeff" if bom else "") + "\n".join(lines) + "\n"
    try:
        data = tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError:
        return  # not TOML: read_toml reports it, and the prefilter may say either
    holds = isinstance(data.get("tool"), dict) and "zhijiao-check" in data["tool"]
    if holds:
        assert config._may_name_tool_table(text.encode("utf-8"))


def test_a_pyproject_that_names_the_tool_only_as_a_dependency_or_script_is_not_parsed() -> None:
    own = (Path(__file__).parents[2] / "pyproject.toml").read_bytes()
    assert b"zhijiao-check" in own and not config._may_name_tool_table(own)
    for text in (
        '[project]\ndependencies = ["zhijiao-check>=1"]\n',
        '[project.scripts]\nzhijiao-check = "x:y"\n',
    ):
        assert not config._may_name_tool_table(text.encode())
    for text in ('[tool.zhijiao-check]\nlang = "en"\n', '[tool]\nzhijiao-check = { lang = "en" }\n'):
        assert config._may_name_tool_table(text.encode())
    # A misspelt table is parsed, to be reported; the tool named elsewhere still spares the parse.
    for text in ("[tool.ZhiJiao_Check]\n", 'tools.zhijiao-check.lang = "en"\n', "[tool.zhijiaocheck]\n"):
        assert config._may_name_tool_table(text.encode())


# What to write instead, where base-dir names no folder (after what it names)
ROOT_ZH = "请写仓库的根目录（注释中的路径相对于它），路径相对于配置文件所在的目录"
ROOT_EN = (
    "give the repository's root (the annotations' paths are relative to it), a path relative to the config "
    "file's folder"
)
BASE_DIRS = [
    (
        '"nowhere"',
        '“base-dir”的 "nowhere" 不存在（路径相对于配置文件所在的目录）：请检查文件或目录名',
        (
            '"base-dir" = "nowhere" does not exist (a path relative to the config file\'s folder): check the '
            "name"
        ),
    ),
    (
        '""',
        f'“base-dir”是空路径（""）：{ROOT_ZH}，就是该目录时写 "."',
        f'"base-dir" is an empty path (""): {ROOT_EN} ("." for that folder itself)',
    ),
    (
        '"/dev/null"',
        f'“base-dir”的 "/dev/null" 是一个字符设备，不是目录：{ROOT_ZH}',
        f'"base-dir" = "/dev/null" is a character device, not a folder: {ROOT_EN}',
    ),
    (
        '"reports/2023/dongan.yaml"',
        f'“base-dir”的 "reports/2023/dongan.yaml" 是一个文件，不是目录：{ROOT_ZH}',
        f'"base-dir" = "reports/2023/dongan.yaml" is a file, not a folder: {ROOT_EN}',
    ),
    (
        '"loop"',
        '“base-dir”的 "loop" 无法读取：符号链接形成循环（链接最终指向自己）：请改正或删除这个链接',
        (
            '"base-dir" = "loop" cannot be read: a loop of symbolic links (the link ends up pointing to '
            "itself): fix or delete the link"
        ),
    ),
]


@pytest.mark.parametrize(("value", "zh", "en"), BASE_DIRS, ids=["missing", "empty", "device", "file", "loop"])
def test_a_base_dir_of_the_config_that_is_no_folder_is_told_at_its_key(
    repo: Path, invoke, value: str, zh: str, en: str
) -> None:
    """It was refused as if ``--base-dir`` had been typed (``--base-dir 给出的目录无法读取``), with no word of
    the config file, its line or its key."""
    if os.name == "nt" and value in ('"/dev/null"', '"loop"'):
        pytest.skip("no /dev/null, and a symbolic link needs a privilege, on Windows")
    if value == '"loop"':
        (repo / "loop").symlink_to("loop")
    for lang, said in (("zh", zh), ("en", en)):
        write(repo / "zhijiao-check.toml", f'lang = "{lang}"\n\nbase-dir = {value}\n')
        result = invoke("check", "reports/2023/dongan.yaml", "-f", "github")
        assert result.exit_code == 2
        assert result.stderr.splitlines()[1:] == [f"zhijiao-check.toml:3:1: base-dir: {said}"]
        assert "--base-dir" not in result.stderr


def test_a_base_dir_of_the_config_is_taken_from_the_config_file_s_folder(repo: Path, invoke) -> None:
    """A folder that is there is taken, relative to the file: the annotations' paths are relative to it."""
    write(repo / "zhijiao-check.toml", 'base-dir = "reports"\n')
    result = invoke("check", "reports/2023/dongan.yaml", "-f", "github")
    assert result.exit_code == 1, result.output
    assert "file=2023/dongan.yaml," in result.stdout


def test_an_outputs_entry_that_names_an_input_is_told_at_its_line(repo: Path, invoke) -> None:
    """The refusal named the output and the input but not the config file that chose the output, so a clerk
    who typed no ``-o`` could not see where it came from."""
    import yaml

    report = repo / "reports" / "2023" / "dongan.json"
    data = yaml.safe_load((repo / "reports" / "2023" / "dongan.yaml").read_text("utf-8"))
    report.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    before = report.read_bytes()
    write(
        repo / "zhijiao-check.toml",
        'lang = "en"\n\n[[outputs]]\nformat = "json"\nfile = "reports/2023/dongan.json"\n',
    )
    result = invoke("check", "reports/2023/dongan.json", "-q")
    assert result.exit_code == 2, result.stderr
    assert result.stderr.splitlines()[-1] == (
        "zhijiao-check.toml:5:1: outputs[0].file: the output reports/2023/dongan.json is named here in the "
        "config file's [[outputs]]: choose another file name (-o given on the command line wins)"
    )
    assert report.read_bytes() == before
    # an output typed on the command line is the user's own: the file's entry is not named
    result = invoke("check", "reports/2023/dongan.json", "-q", "-f", "json", "-o", "reports/2023/dongan.json")
    assert result.exit_code == 2 and "zhijiao-check.toml" not in result.stderr
