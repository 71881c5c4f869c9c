"""A file that cannot be opened as a workbook: the advice is a command that runs as written (the unit and
year its name gives, a new file beside it), and Excel's lock file (``~$…``) is told for what it is."""

from __future__ import annotations

import json
import shlex
import subprocess

import pytest


def _problem(run_cli, path, lang):
    result = run_cli("validate", path, "-f", "json", "--lang", lang)
    assert result.exit_code == 2
    [problem] = json.loads(result.stdout)["problems"]
    return problem


def test_a_damaged_workbooks_advice_is_a_template_command_that_runs(run_cli, tmp_path):
    damaged = tmp_path / "江华 2024 报表.xlsx"
    damaged.write_bytes(b"PK\x03\x04 cut short")
    problem = _problem(run_cli, damaged, "en")
    assert problem["code"] == "not-a-workbook"
    command = problem["message"].split("make a template with ", 1)[1].split(" and fill it in again")[0]
    words = shlex.split(command)
    assert words[:2] == ["zhijiao-check", "template"]
    assert words[2:6] == ["--unit", "江华瑶族自治县", "--year", "2024"]
    assert words[6:] == ["-o", str(tmp_path / "江华 2024 报表-template.xlsx")]
    result = run_cli(*words[1:])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "江华 2024 报表-template.xlsx").is_file()
    chinese = _problem(run_cli, damaged, "zh")["message"]
    assert f'template --unit 江华瑶族自治县 --year 2024 -o "{tmp_path}/江华 2024 报表-模板.xlsx"' in chinese


def test_a_damaged_workbook_whose_name_gives_no_unit_has_words_to_replace(run_cli, tmp_path):
    damaged = tmp_path / "trunc.xlsx"
    damaged.write_bytes(b"PK\x03\x04 cut short")
    message = _problem(run_cli, damaged, "zh")["message"]
    assert f'template --unit 单位名称 --year 年度 -o "{tmp_path}/trunc-模板.xlsx"' in message


@pytest.mark.parametrize("name", ["a`id`b 江华 2024.xlsx", "cost$HOME 江华 2024.xlsx", 'x"y 江华 2024.xlsx'])
@pytest.mark.parametrize(("lang", "plain"), [("zh", "新报表.xlsx"), ("en", "new-report.xlsx")])
def test_a_name_a_shell_reads_inside_quotes_gives_way_to_a_plain_one(
    run_cli, tmp_path, monkeypatch, name, lang, plain
):
    """Quoted, `id` ran and $HOME expanded: the command suggested runs as written, in any shell."""
    damaged = tmp_path / name
    damaged.write_bytes(b"PK\x03\x04 cut short")
    message = _problem(run_cli, damaged, lang)["message"]
    command = f"zhijiao-check template --unit 江华瑶族自治县 --year 2024 -o {plain}"
    assert f"{command} " in message and '"' not in message.split("zhijiao-check", 1)[1]
    monkeypatch.chdir(tmp_path)
    result = run_cli(*shlex.split(command)[1:])
    assert result.exit_code == 0, result.output
    assert (tmp_path / plain).is_file()


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "这是 Excel 打开工作簿“{real}”时在旁边留下的锁定文件"),
        ("en", 'this is the lock file Excel leaves beside the workbook "{real}" while it is open'),
    ],
)
def test_excels_lock_file_is_told_for_what_it_is_with_the_workbook_to_check(run_cli, tmp_path, lang, said):
    lock = tmp_path / "~$江华 2024 报表.xlsx"
    lock.write_bytes(b"\x0b" + "王".encode("utf-16-le") + b"\0" * 150)  # what Excel writes: its user's name
    problem = _problem(run_cli, lock, lang)
    real = str(tmp_path / "江华 2024 报表.xlsx")
    assert problem["code"] == "excel-lock-file"
    assert said.format(real=real) in problem["message"]
    assert f'zhijiao-check validate "{real}"' in problem["message"]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("real", ["a$b`id`.xlsx", 'say "x" $HOME.xlsx', "it's a\\b!.xlsx"])
def test_the_lock_files_command_names_its_workbook_as_a_shell_reads_it(run_cli, tmp_path, lang, real):
    """In double quotes, `id` ran and $b, $HOME expanded: the command names exactly the workbook."""
    lock = tmp_path / f"~${real}"
    lock.write_bytes(b"\x0b" + "王".encode("utf-16-le") + b"\0" * 150)
    message = _problem(run_cli, lock, lang)["message"]
    command = message.split("zhijiao-check validate ", 1)[1]
    assert shlex.split(command) == [str(tmp_path / real)]
    said = subprocess.run(
        ["bash", "-c", f"printf %s {command}"], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert said.stdout == str(tmp_path / real)


def test_a_real_workbook_named_as_a_lock_file_is_read_as_the_workbook_it_is(run_cli, book, tmp_path):
    named = tmp_path / "~$ok.xlsx"
    named.write_bytes(book.read_bytes())
    result = run_cli("validate", named, "-f", "json", "--lang", "en")
    assert result.exit_code == 0, result.stdout
    assert "excel-lock-file" not in {p["code"] for p in json.loads(result.stdout)["problems"]}
