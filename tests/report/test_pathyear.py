"""The year a report's path says (``report.pathyear``): the rule the README states, part by part."""

from __future__ import annotations

import pytest

from zhijiao_check.report.pathyear import PathYear, path_year


@pytest.mark.parametrize(
    ("file", "said"),
    [
        ("reports/2024/dongan.yaml", PathYear(2024, "2024", False)),
        ("collect/2025 报表/lanshan.yaml", PathYear(2025, "2025 报表", False)),
        ("2025年/东安县.xlsx", PathYear(2025, "2025年", False)),
        ("报表（2025）/东安县.xlsx", PathYear(2025, "报表（2025）", False)),
        ("2024/lanshan/lanshan.yaml", PathYear(2024, "2024", False)),  # a county's own folder under its year
        # the file's name first, then the nearest folder
        ("2025/dongan-2024.xlsx", PathYear(2024, "dongan-2024.xlsx", True)),
        ("2025/宁远县 2025 报表.xlsx", PathYear(2025, "宁远县 2025 报表.xlsx", True)),
        ("2024/2025 报表/x.yaml", PathYear(2025, "2025 报表", False)),
        # two years in one part say none: the search goes on up
        ("2024/2023-2024 对比/x.yaml", PathYear(2024, "2024", False)),
        ("2025/2025 报表/x.yaml", PathYear(2025, "2025 报表", False)),  # the same year twice is one
        (r"D:\报表\2023\dongan.yaml", PathYear(2023, "2023", False)),  # as Windows writes a path
    ],
)
def test_a_path_says_the_year_of_its_nearest_part_that_says_one(file: str, said: PathYear) -> None:
    assert path_year(file) == said


@pytest.mark.parametrize(
    "file",
    [
        "dongan.yaml",
        "<stdin>",
        "reports/dongan.yaml",
        "1999/dongan.yaml",  # outside the years a report may have
        "2101/dongan.yaml",
        "20250/dongan.yaml",  # part of a longer number
        "/tmp/pytest-of-me/pytest-2024/test0/dongan.yaml",  # a folder with Latin letters: a counter, a note
        "backup-2023/dongan.yaml",
        "v2024.yaml",  # a number in a Latin word
        "2023-2024/dongan.yaml",
    ],
)
def test_a_path_without_one_plain_year_says_none(file: str) -> None:
    assert path_year(file) is None
