"""Files of one unit and year, told as they are: ``validate`` of three files holding the same report said
"1 个有效，0 个无效" (the copies counted as nothing), and of three files of which two were the same, each
was said to be one of "3 reports that differ"."""

from __future__ import annotations

import json
import shutil

import pytest
from factory import ROOT

DONGAN = ROOT / "samples" / "2023" / "dongan.yaml"


def _three(invoke, folder, change):
    """东安县's 2023 report as JSON and as YAML, and as a workbook in a folder below, the last one's figures
    changed or not."""
    assert invoke("convert", DONGAN, "-o", folder / "d.json").exit_code == 0
    shutil.copy(DONGAN, folder / "d.yml")
    source = DONGAN
    if change:
        text = DONGAN.read_text(encoding="utf-8")
        changed = text.replace("enrollment: 160", "enrollment: 161", 1)
        assert changed != text
        source = folder.parent / "changed.yaml"
        source.write_text(changed, encoding="utf-8")
    assert invoke("convert", source, "-o", folder / "nd2" / "d.xlsx").exit_code == 0


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "3 个有效（其中 2 份与另一份内容相同，是副本），0 个无效"),
        ("en", "3 valid (2 of them copies holding the same report as another), 0 invalid"),
    ],
)
def test_validate_counts_every_copy(invoke, tmp_path, lang, said):
    folder = tmp_path / "nd1"
    _three(invoke, folder, change=False)
    result = invoke("validate", folder, "--lang", lang)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == said
    assert sum(line.endswith(("：格式正确", ": valid")) for line in result.stdout.splitlines()) == 3
    doc = json.loads(invoke("validate", folder, "-f", "json").stdout)
    assert [entry["valid"] for entry in doc["files"]] == [True, True, True]


def test_validate_of_one_copy_says_one(invoke, tmp_path):
    folder = tmp_path / "nd1"
    folder.mkdir()
    shutil.copy(DONGAN, folder / "a.yaml")
    shutil.copy(DONGAN, folder / "b.yaml")
    result = invoke("validate", folder, "--lang", "en")
    assert (
        result.stdout.splitlines()[-1]
        == "2 valid (1 of them a copy holding the same report as another), 0 invalid"
    )


def test_three_reports_of_which_two_are_the_same_are_not_said_to_differ(invoke, tmp_path):
    folder = tmp_path / "nd1"
    _three(invoke, folder, change=True)
    result = invoke("check", folder, "-f", "json", "--lang", "en")
    assert result.exit_code == 2, result.output
    messages = [bad["problems"][0]["message"] for bad in json.loads(result.stdout)["invalid"]]
    assert len(messages) == 3
    for message in messages:
        assert message.startswith(
            "东安县 has 3 2023 reports, and they are not all the same: this file and "
        ), message
        assert "reports that differ" not in message


@pytest.mark.parametrize(
    "copy", ["dongan - 副本.yaml", "dongan (1).yaml", "dongan - Copy.yaml", "复件 dongan.yaml"]
)
@pytest.mark.parametrize("output", ["table", "json"])
def test_the_original_is_scored_and_the_copy_told_to_go(invoke, tmp_path, copy, output):
    """Windows names a copy "… - 副本.xlsx", which sorts before its original (`` `` before ``.``): the copy
    was scored and cited, and the original was the file told "请删去多余的一份": a clerk deleted it."""
    shutil.copy(DONGAN, tmp_path / "dongan.yaml")
    shutil.copy(DONGAN, tmp_path / copy)
    result = invoke("check", tmp_path, "-f", output, "--no-color")
    if output == "json":
        doc = json.loads(result.stdout)
        assert [report["file"].rsplit("/", 1)[-1] for report in doc["reports"]] == ["dongan.yaml"]
        assert [warning["file"].rsplit("/", 1)[-1] for warning in doc["warnings"]] == [copy]
    else:
        said = "".join(result.stdout.split())
        assert "报表另有一份" in said
        told = said[said.index("1条提醒") :]
        assert told.index(copy.replace(" ", "")) < told.index("dongan.yaml，两份内容相同")
    validated = invoke("validate", tmp_path, "-f", "json")
    problems = json.loads(validated.stdout)["problems"]
    assert [(p["file"].rsplit("/", 1)[-1], p["code"]) for p in problems] == [(copy, "same-report")]


def test_a_year_in_brackets_is_no_copy_number(invoke, tmp_path):
    """Windows numbers a copy "(1)", "(2)": a year in brackets, "dongan(2023).yaml", names no copy, so the
    first by path is scored, as for any two files whose names say nothing of a copy."""
    shutil.copy(DONGAN, tmp_path / "dongan(2023).yaml")
    shutil.copy(DONGAN, tmp_path / "dongan.yaml")
    doc = json.loads(invoke("check", tmp_path, "-f", "json").stdout)
    assert [report["file"].rsplit("/", 1)[-1] for report in doc["reports"]] == ["dongan(2023).yaml"]
    assert [warning["file"].rsplit("/", 1)[-1] for warning in doc["warnings"]] == ["dongan.yaml"]
