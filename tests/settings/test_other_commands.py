"""``validate``, ``diff`` and ``template`` read the config file ``check`` reads, found the same way: its
``packs`` (a pack kept among the reports, ``packs = ["rules/local-pack"]``, had each of its files read as an
invalid report by ``validate .`` and ``diff . .``, exit 2, where ``check .`` passed over them), its ``lang``
(they answered in Chinese) and its ``roster``, passed over in a folder's search; an option typed wins, and
each says which config file it took its settings from, as ``check`` does."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from factory import PACK_DIR

from .conftest import write

SAID_EN = "settings from the config file zhijiao-check.toml (an option given on the command line wins)"
SAID_ZH = "设置取自配置文件 zhijiao-check.toml（命令行上给出的选项优先）"


def _team(repo: Path, text: str = 'lang = "en"\npacks = ["rules/local-pack"]\n') -> None:
    shutil.copytree(PACK_DIR, repo / "rules" / "local-pack")
    write(repo / "zhijiao-check.toml", text)


def test_validate_takes_the_packs_and_the_language_of_the_config_file(repo: Path, invoke) -> None:
    _team(repo)
    table = invoke("validate", ".")
    assert table.exit_code == 0, table.output
    assert "local-pack" not in table.stdout
    assert table.stdout.splitlines()[-2:] == [SAID_EN, "2 valid, 0 invalid"]
    doc = json.loads(invoke("validate", ".", "-f", "json").stdout)
    assert (doc["exit_code"], doc["config"], len(doc["files"])) == (0, "zhijiao-check.toml", 2)
    typed = invoke("validate", ".", "--lang", "zh")  # an option typed wins over the file's key
    assert typed.stdout.splitlines()[-2:] == [SAID_ZH, "2 个有效，0 个无效"]


def test_diff_takes_the_packs_and_the_language_of_the_config_file(repo: Path, invoke) -> None:
    _team(repo)
    folders = invoke("diff", ".", ".")
    assert folders.exit_code == 0, folders.output
    assert "local-pack" not in folders.stdout and "invalid" not in folders.stdout
    assert "Rule statuses changed (0)" in folders.stdout and "规则" not in folders.stdout
    assert folders.stdout.splitlines()[-1] == SAID_EN
    reports = "reports/2023/dongan.yaml"
    doc = json.loads(invoke("diff", reports, reports, "-f", "json").stdout)
    assert doc["config"] == "zhijiao-check.toml" and doc["old"]["unit"] == "东安县"
    chinese = invoke("diff", reports, reports, "--lang", "zh")
    assert "规则状态变化（0）" in chinese.stdout and chinese.stdout.splitlines()[-1] == SAID_ZH


def test_template_takes_the_language_of_the_config_file_and_says_so(repo: Path, invoke) -> None:
    _team(repo)
    made = invoke("template", "-u", "东安县", "-y", "2024")
    assert made.exit_code == 0, made.output
    assert made.stdout.startswith("# 东安县: vocational-education report for 2024")
    assert made.stderr.strip() == SAID_EN
    chinese = invoke("template", "-u", "东安县", "-y", "2024", "--lang", "zh")
    assert chinese.stdout.startswith("# 东安县 ") and "vocational-education" not in chinese.stdout


def test_the_config_files_roster_is_no_report_to_validate(repo: Path, invoke) -> None:
    write(repo / "reports" / "2023" / "名册.yaml", "year: 2023\nunits:\n  东安县: [东安县职业中等专业学校]\n")
    write(repo / "zhijiao-check.toml", 'roster = "reports/2023/名册.yaml"\n')
    result = invoke("validate", "reports")
    assert result.exit_code == 0, result.output
    assert "名册" not in result.stdout.replace("名册.yaml", "")  # named by no line of a problem
    assert "名册.yaml：" not in result.stdout


def test_a_config_file_named_with_config_or_wrong_holds_for_validate_and_diff(
    repo: Path, invoke, tmp_path_factory
) -> None:
    elsewhere = write(tmp_path_factory.mktemp("team") / "team.toml", 'lang = "en"\n')
    named = invoke("validate", "reports", "--config", str(elsewhere))
    assert named.stdout.splitlines()[-1] == "2 valid, 0 invalid"
    write(repo / "zhijiao-check.toml", 'colour = "none"\n')
    for args in (("validate", "reports"), ("diff", "reports", "reports")):
        refused = invoke(*args)
        assert refused.exit_code == 2
        assert "zhijiao-check.toml:1:1: colour: 未知的键" in refused.output, refused.output


def test_without_a_config_file_nothing_is_said_of_one(repo: Path, invoke) -> None:
    table = invoke("validate", "reports")
    assert table.stdout.splitlines()[-1] == "2 个有效，0 个无效" and "配置文件" not in table.stdout
    assert "config" not in json.loads(invoke("validate", "reports", "-f", "json").stdout)
    made = invoke("template", "-u", "东安县", "-y", "2024")
    assert made.stderr == ""


def test_a_packs_folder_that_is_no_pack_is_told_at_its_entry_in_the_config_file(repo: Path, invoke) -> None:
    """``规则包无效：localpack: …`` named neither the file nor the key that gave the folder: each command
    that reads the file says the ``packs`` entry at its line; a ``--rules`` typed is the user's own."""
    (repo / "localpack").mkdir()
    write(repo / "zhijiao-check.toml", 'lang = "zh"\n\npacks = ["localpack"]\n')
    report = "reports/2023/dongan.yaml"
    entry = "zhijiao-check.toml:3:1: packs[0]: 规则包 localpack 由配置文件的这一项给出："
    for command in (["check", report], ["validate", report], ["diff", report, report]):
        result = invoke(*command)
        lines = result.stderr.splitlines()
        assert result.exit_code == 2 and lines[0] == "规则包无效：", result.output
        assert lines[1].startswith("localpack: localpack 不是规则包目录")
        assert lines[2].startswith(entry), (command, result.stderr)
    made = invoke("template", "-u", "东安县", "-y", "2024")
    assert made.exit_code == 2 and made.stderr.splitlines()[2].startswith(entry), made.stderr
    typed = invoke("validate", report, "--rules", "localpack")
    assert typed.exit_code == 2 and "zhijiao-check.toml" not in typed.stderr


def test_template_names_the_config_files_pack_when_its_units_lack_the_unit(repo: Path, invoke) -> None:
    """It said which config file it used only on success: an unknown unit, in the file's language and with
    the units of its packs, named no file. The pack the file chose is named, the language (which caused
    nothing) is not."""
    _team(repo)
    failed = invoke("template", "-u", "无此县", "-y", "2024")
    assert failed.exit_code == 2
    assert failed.stderr.startswith('unknown reporting unit "无此县"')
    assert failed.stderr.splitlines()[-1] == (
        "zhijiao-check.toml:2:1: packs[0]: the reporting units were taken from the rule pack "
        "rules/local-pack, named here in the config file (--rules given on the command line wins)"
    )
    assert "lang:" not in failed.stderr
    chinese = invoke("template", "-u", "无此县", "-y", "2024", "--lang", "zh")
    assert chinese.stderr.splitlines()[-1] == (
        "zhijiao-check.toml:2:1: packs[0]: 报送单位取自规则包 rules/local-pack，"
        "该规则包由配置文件的这一项给出（命令行上给出的 --rules 优先）"
    )
    typed = invoke("template", "-u", "无此县", "-y", "2024", "--lang", "zh", "--rules", "rules/local-pack")
    assert typed.exit_code == 2 and "zhijiao-check.toml" not in typed.stderr


def test_template_names_no_setting_of_the_config_file_that_did_not_cause_its_failure(
    repo: Path, invoke
) -> None:
    """An output that exists, or a name of no template format, has nothing to do with the file's ``lang`` or
    ``packs``: it named both, sending the user to settings that were right. The plain error, in the file's
    language all the same."""
    _team(repo)
    write(repo / "东安县.yaml", "kept\n")
    for output, said in (
        (
            "东安县.yaml",
            "东安县.yaml exists and was not overwritten (it may be a filled-in report): choose another",
        ),
        ("东安县.txt", "cannot write a template as 东安县.txt: its name should end in .yaml, .yml or .xlsx"),
    ):
        failed = invoke("template", "-u", "东安县", "-y", "2024", "-o", output)
        assert failed.exit_code == 2 and failed.stderr.startswith(said), failed.stderr
        assert len(failed.stderr.splitlines()) == 1 and "zhijiao-check.toml" not in failed.stderr
    assert (repo / "东安县.yaml").read_text(encoding="utf-8") == "kept\n"
