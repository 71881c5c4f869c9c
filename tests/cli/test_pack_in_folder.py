"""A rule pack kept among the reports and loaded by the run (``--rules my-pack``, or ``packs =
["rules/local-pack"]`` in the reports' repository, as README's config shows) is no report: a folder's search
passes over its files, as over the roster the run reads. Each rule file, ``pack.yaml`` and ``units.yaml`` was
read as an invalid report (``my-pack/clause-01.yaml：报表无效，5 个问题 … 缺少必填字段 schema_version``,
exit 2)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from factory import PACK_DIR, SAMPLES, invoke


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``2023/`` of the samples and ``my-pack/``, a copy of the installed pack (it replaces it: one ID)."""
    repo = tmp_path / "repo"
    shutil.copytree(SAMPLES / "2023", repo / "2023")
    shutil.copytree(PACK_DIR, repo / "my-pack")
    monkeypatch.chdir(repo)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return repo


@pytest.mark.parametrize("flat", [False, True], ids=["whole", "flat"])
def test_a_pack_the_run_loads_from_the_scanned_folder_is_not_read_as_reports(
    repository: Path, monkeypatch: pytest.MonkeyPatch, flat: bool
) -> None:
    from zhijiao_check.commands import check as check_command

    if flat:  # the path of 100 reports or more, written as they are scored
        monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    result = invoke("check", ".", "--rules", "my-pack", "-f", "json")
    assert result.exit_code == 1, result.output  # 东安县 and others fail their own targets; nothing invalid
    document = json.loads(result.stdout)
    assert document["invalid"] == []
    assert len(document["reports"]) == 15
    assert "my-pack" not in result.stdout


def test_the_config_files_pack_in_the_scanned_folder_is_passed_over_in_the_table(repository: Path) -> None:
    (repository / "zhijiao-check.toml").write_text('packs = ["my-pack"]\n', encoding="utf-8")
    result = invoke("check", ".", "--quiet")
    assert result.exit_code == 1, result.output
    assert "报表无效" not in result.stdout and "my-pack" not in result.stdout


def test_validate_passes_over_the_pack_it_loads(repository: Path) -> None:
    result = invoke("validate", ".", "--rules", "my-pack")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "15 个有效，0 个无效"


def test_diff_of_two_folders_passes_over_the_pack_it_loads(repository: Path) -> None:
    shutil.copytree(SAMPLES / "2022", repository / "2022")
    shutil.move(repository / "my-pack", repository / "2023" / "my-pack")
    result = invoke("diff", "2022", "2023", "--rules", "2023/my-pack", "-f", "json")
    assert result.exit_code == 0, result.output
    assert "my-pack" not in result.stdout


def test_a_pack_the_run_does_not_load_is_still_searched_as_reports(repository: Path) -> None:
    """Only the packs the run reads are passed over: a YAML file elsewhere is a report otherwise."""
    result = invoke("check", ".", "-f", "json")
    assert result.exit_code == 2, result.output
    invalid = {bad["file"] for bad in json.loads(result.stdout)["invalid"]}
    assert {"my-pack/pack.yaml", "my-pack/units.yaml", "my-pack/clause-01.yaml"} <= invalid


@pytest.mark.parametrize("flat", [False, True], ids=["whole", "flat"])
def test_a_pack_kept_in_the_previous_years_folder_is_not_compared_as_a_report(
    repository: Path, monkeypatch: pytest.MonkeyPatch, flat: bool
) -> None:
    """``--previous prev`` with the pack kept in ``prev/``: each of its files was told as a previous-year
    report refused as invalid (``the previous-year report prev/pack/clause-01.yaml is invalid …``)."""
    from zhijiao_check.commands import check as check_command

    if flat:
        monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    shutil.copytree(SAMPLES / "2022", repository / "prev")
    shutil.move(repository / "my-pack", repository / "prev" / "pack")
    result = invoke(
        "check", "2023", "--rules", "prev/pack", "--previous", "prev", "-f", "json", "--lang", "en"
    )
    assert result.exit_code == 1, result.output
    assert "prev/pack" not in result.output
    assert json.loads(result.stdout)["invalid"] == []
