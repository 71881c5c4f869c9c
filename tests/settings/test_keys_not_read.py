"""A command reads only the config file's keys it uses: a wrong value of another key (``jobs = 0``, held
for ``check``) is a warning at its line, the key passed over, and the command runs as without it; a wrong
value of a key it reads stops it (exit 2, located), as an unknown key (``lnag``) stops every command.
``--no-config`` reads no config file at all, and is refused beside ``--config``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zhijiao_check.errors import FatalError
from zhijiao_check.settings import config

from .conftest import write

REPORT = "reports/2023/dongan.yaml"
WARNED = {
    "zh": [
        (
            "配置文件 zhijiao-check.toml 中 validate 不读的键有误，本次当作没有这些键（check 会因此停止；"
            "--no-config 不读任何配置文件）："
        ),
        "zhijiao-check.toml:2:1: 警告：jobs: “jobs”的值 0 无效：应写成 1, 2, …",
    ],
    "en": [
        (
            "the config file zhijiao-check.toml has problems in keys that validate does not read: passed "
            "over, as if they were not there (check stops at them; --no-config reads no config file):"
        ),
        'zhijiao-check.toml:2:1: warning: jobs: "jobs" = 0 is not valid: write 1, 2, …',
    ],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_validate_passes_over_a_wrong_key_it_does_not_read_and_says_where(
    repo: Path, invoke, lang: str
) -> None:
    write(repo / "zhijiao-check.toml", f'lang = "{lang}"\njobs = 0\n')
    without = invoke("validate", REPORT, "--no-config", "--lang", lang)
    result = invoke("validate", REPORT)
    assert result.exit_code == without.exit_code == 0, result.output
    assert result.stderr.splitlines() == WARNED[lang]
    # the report's result is as without the key: only the line naming the config file it took is added
    assert [line for line in result.stdout.splitlines() if "zhijiao-check.toml" not in line] == (
        without.stdout.splitlines()
    )
    doc = json.loads(invoke("validate", REPORT, "-f", "json").stdout)  # standard output stays whole
    assert (doc["exit_code"], doc["config"]) == (0, "zhijiao-check.toml")


def test_check_still_stops_at_the_wrong_key_it_reads(repo: Path, invoke) -> None:
    write(repo / "zhijiao-check.toml", 'lang = "en"\njobs = 0\n')
    result = invoke("check", REPORT, "-q")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "the config file zhijiao-check.toml has problems:",
        'zhijiao-check.toml:2:1: jobs: "jobs" = 0 is not valid: write 1, 2, …',
    ]


def test_diff_and_template_pass_over_keys_of_check_alone(repo: Path, invoke) -> None:
    write(repo / "zhijiao-check.toml", 'strict = "yes"\n[[outputs]]\nformat = "sarif"\nfiel = "r.sarif"\n')
    for args in (("diff", REPORT, REPORT), ("template", "-u", "东安县", "-y", "2024")):
        result = invoke(*args)
        assert result.exit_code == 0, result.output
        lines = result.stderr.splitlines()
        assert lines[0].startswith(f"配置文件 zhijiao-check.toml 中 {args[0]} 不读的键有误"), lines
        assert lines[1].startswith("zhijiao-check.toml:1:1: 警告：strict: "), lines
        assert lines[2].startswith("zhijiao-check.toml:4:1: 警告：outputs[0].fiel: 未知的键“fiel”"), lines


def test_a_wrong_key_the_command_reads_stops_it_and_the_others_are_still_told(repo: Path, invoke) -> None:
    write(repo / "zhijiao-check.toml", 'jobs = 0\nroster = "无此名册.yaml"\n')
    result = invoke("validate", REPORT)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[1].startswith("zhijiao-check.toml:1:1: 警告：jobs: ")
    assert lines[2:4] == ["配置文件 zhijiao-check.toml 有误：", lines[3]]
    assert lines[3].startswith("zhijiao-check.toml:2:1: roster: ") and "jobs" not in lines[3]
    made = invoke("template", "-u", "东安县", "-y", "2024")  # template reads no roster: on it goes
    assert made.exit_code == 0 and "zhijiao-check.toml:2:1: 警告：roster: " in made.stderr


@pytest.mark.parametrize("command", [("validate", REPORT), ("diff", REPORT, REPORT)])
def test_an_unknown_key_stops_every_command_as_before(repo: Path, invoke, command: tuple[str, ...]) -> None:
    write(repo / "zhijiao-check.toml", 'lnag = "en"\n')
    result = invoke(*command)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "配置文件 zhijiao-check.toml 有误："
    assert result.stderr.splitlines()[1].startswith("zhijiao-check.toml:1:1: lnag: 未知的键“lnag”")


def test_refuse_invalid_stops_only_at_the_keys_read(repo: Path) -> None:
    write(repo / "zhijiao-check.toml", 'jobs = 0\nlang = "fr"\n')
    found = config.read(None, repo, ("json", "table"))
    with pytest.raises(FatalError) as raised:
        config.refuse_invalid(found, ("lang", "packs"))
    assert [problem.path for problem in raised.value.problems] == ["lang"]
    [passed] = config.passed_over(found, ("lang", "packs"))
    assert (passed.line, passed.path, passed.severity) == (1, "jobs", "warning")
    assert found.jobs is None  # as if the file did not give it
    config.refuse_invalid(found, ("packs",))  # lang and jobs both passed over: no stop


NO_CONFIG_COMMANDS = [
    ("check", REPORT, "-q"),
    ("validate", REPORT),
    ("diff", REPORT, REPORT),
    ("template", "-u", "东安县", "-y", "2024"),
    (REPORT, "-q"),  # the bare path, which is check
]


@pytest.mark.parametrize("command", NO_CONFIG_COMMANDS)
def test_no_config_reads_no_config_file(repo: Path, invoke, command: tuple[str, ...]) -> None:
    write(repo / "zhijiao-check.toml", 'colour = "none"\njobs = 0\n')
    assert invoke(*command).exit_code == 2  # the file's mistakes stop it
    ignored = invoke(*command, "--no-config")
    assert ignored.exit_code in (0, 1) and "zhijiao-check.toml" not in ignored.output, ignored.output
    write(repo / "zhijiao-check.toml", 'lang = "en"\n')
    assert "zhijiao-check.toml" in invoke(*command).output  # it takes the file: says so, in English
    chinese = invoke(*command, "--no-config")
    assert "zhijiao-check.toml" not in chinese.output and "settings from" not in chinese.output
    assert any("\u4e00" <= char <= "\u9fff" for char in chinese.stdout + chinese.stderr), chinese.output


def test_no_config_passes_over_a_config_file_above_too(repo: Path, invoke, monkeypatch) -> None:
    write(repo / "pyproject.toml", '[tool.zhijiao-check]\nlang = "en"\n')
    monkeypatch.chdir(repo / "reports")
    result = invoke("validate", "2023", "--no-config")
    assert result.stdout.splitlines()[-1] == "2 个有效，0 个无效", result.output


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("command", NO_CONFIG_COMMANDS)
def test_config_and_no_config_together_are_a_usage_error(
    repo: Path, invoke, command: tuple[str, ...], lang: str
) -> None:
    write(repo / "team.toml", 'lang = "en"\n')
    result = invoke(*command, "--config", "team.toml", "--no-config", "--lang", lang)
    assert result.exit_code == 2 and result.stdout == ""
    said = {
        "zh": "--config 和 --no-config 不能同时给出：--config FILE 读这个文件，--no-config 不读任何配置文件；"
        "请只给其中一个；未做任何处理",
        "en": "--config and --no-config cannot be given together: --config FILE reads that file, --no-config "
        "reads none; give one of them; nothing was done",
    }
    assert result.stderr.splitlines()[0] == said[lang]
    assert "-h" in result.stderr.splitlines()[1]  # where to read the usage


@pytest.mark.parametrize(
    ("lang", "said"), [("zh", "不读任何配置文件（所指定的和找到的都不读）"), ("en", "Read no config file")]
)
@pytest.mark.parametrize("command", ["check", "validate", "diff", "template"])
def test_no_config_is_in_the_help_of_each_command_that_reads_the_file(
    invoke, command: str, lang: str, said: str
) -> None:
    result = invoke(command, "-h", "--lang", lang, env={"COLUMNS": "200"})
    [line] = [line for line in result.stdout.splitlines() if "--no-config" in line]
    assert said in line, result.stdout
