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


def _said_part_by_part(file: str) -> PathYear | None:
    """The rule read anew for each path, part by part, as ``path_year`` read it before it held what each
    folder says."""
    from zhijiao_check.report.pathyear import _LATIN, _one_year, _stem

    parts = [part for part in file.replace("\\", "/").split("/") if part not in ("", ".", "..")]
    if not parts:
        return None
    said = _one_year(_stem(parts[-1]))
    if said is not None:
        return PathYear(said, parts[-1], True)
    for folder in reversed(parts[:-1]):
        said = None if _LATIN.search(folder) else _one_year(folder)
        if said is not None:
            return PathYear(said, folder, False)
    return None


@pytest.mark.parametrize(
    "file",
    [
        "2024/dongan.yaml",
        "2024/",  # a path that ends in a separator or a dot: its last part is a folder's
        "2024/.",
        "reports/2024/x/..",
        "2023/2024/..",
        "2024",
        "",
        "/",
        "./2024//dongan.yaml",
        r"2024\lanshan\dongan.yaml",
        r"2024\lanshan\\",
        "a/2025/b/2024-dongan.yaml",
    ],
)
def test_the_year_a_folder_says_is_held_and_the_same_each_time(file: str) -> None:
    # asked twice: the second answer comes from what the first held of the folders
    assert path_year(file) == _said_part_by_part(file)
    assert path_year(file) == _said_part_by_part(file)


def test_each_folder_says_its_own_year_whatever_was_read_before() -> None:
    """Folders held by their text: a file of another folder of the same name's end is read for its own."""
    files = [f"{year}/{unit}/x.yaml" for year in (2022, 2023, 2024) for unit in ("dongan", "lanshan")]
    assert [path_year(f) for f in files * 2] == [
        PathYear(y, str(y), False) for y in (2022,) * 2 + (2023,) * 2 + (2024,) * 2
    ] * 2
