"""Two folders given the wrong way round (``diff 2023 2022``): the warning that the new reports are earlier
than the old was given once in each unit's diff, fifteen times; it is said once for the folders now, and a
single unit's stays at its place."""

from __future__ import annotations

import shutil

import pytest
from factory import ROOT


@pytest.mark.parametrize(
    ("lang", "said", "per_unit"),
    [
        (
            "zh",
            (
                "新目录 samples/2022 中 15 个单位的报表早于旧目录 samples/2023 中的（如 "
                "samples/2022/lingling.yaml 是 2022 年的，旧报表是 2023 年的）：diff 先写旧的、后写新的"
                "（zhijiao-check diff 去年的 今年的），请核对两个目录是否写反，或报表的统计年度是否写错"
            ),
            "早于旧报表",
        ),
        (
            "en",
            (
                "in the new folder samples/2022, 15 units' reports are earlier than theirs in the old folder "
                "samples/2023 (samples/2022/lingling.yaml is of 2022, its old report of 2023): diff takes "
                "the old first and the new second"
            ),
            "earlier than the old report",
        ),
    ],
)
def test_swapped_folders_are_told_once(invoke, lang, said, per_unit):
    result = invoke("diff", "samples/2023", "samples/2022", "--lang", lang)
    assert result.exit_code == 0, result.output
    assert result.stdout.count(said) == 1, result.stdout
    assert per_unit not in result.stdout


def test_one_unit_of_an_earlier_year_is_told_in_its_own_diff(invoke, tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    for folder, year in ((old, "2022"), (new, "2023")):
        folder.mkdir()
        for name in ("dongan.yaml", "daoxian.yaml"):
            shutil.copy(ROOT / "samples" / year / name, folder / name)
    shutil.copy(ROOT / "samples" / "2023" / "daoxian.yaml", old / "daoxian.yaml")
    result = invoke("diff", old, new, "--lang", "en")
    assert result.exit_code == 0, result.output
    # the warning's line wraps with a long temporary folder's path before it: read as one line
    told = " ".join(line.strip() for line in result.stdout.splitlines())
    assert told.count("the new report is of 2023, as is the old report") == 1, result.stdout
    assert "units' reports" not in result.stdout
