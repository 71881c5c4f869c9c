"""Finding report files under the paths given on the command line."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from factory import SAMPLES, invoke

from zhijiao_check.report import find_reports

from .helpers import EN, ZH


def test_directories_are_searched_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in (
        "b/2023/x.yaml",
        "b/2022/y.YML",
        "b/a.json",
        "b/notes.txt",
        "b/.hidden.yaml",
        "b/.git/config.yaml",
        "a.yaml",
        "c/readme.md",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x: 1\n", encoding="utf-8")
    found, problems = find_reports([tmp_path / "b", tmp_path / "a.yaml", tmp_path / "c"])
    assert problems == []
    relative = [(path.relative_to(tmp_path).as_posix(), display) for path, display in found]
    assert relative == [
        ("b/a.json", str(tmp_path / "b/a.json")),
        ("b/2022/y.YML", str(tmp_path / "b/2022/y.YML")),
        ("b/2023/x.yaml", str(tmp_path / "b/2023/x.yaml")),
        ("a.yaml", str(tmp_path / "a.yaml")),
    ]


def test_display_paths_are_as_given_and_files_are_kept_whatever_their_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("reports/2022").mkdir(parents=True)
    Path("reports/2022/jiangyong.yaml").write_text("x: 1\n", encoding="utf-8")
    Path("report.txt").write_text("x: 1\n", encoding="utf-8")
    found, _ = find_reports([Path("reports"), Path("report.txt"), Path("reports/2022/jiangyong.yaml")])
    assert [display for _, display in found] == [str(Path("reports/2022/jiangyong.yaml")), "report.txt"]


def test_missing_paths_are_problems(tmp_path: Path) -> None:
    found, problems = find_reports([tmp_path / "nope", tmp_path])
    assert found == []
    (problem,) = problems
    assert (problem.code, problem.file, problem.line) == ("path-not-found", str(tmp_path / "nope"), None)
    assert "路径不存在" in problem.message(ZH) and "no such file or directory" in problem.message(EN)


def test_a_spreadsheet_in_another_format_is_found_to_be_refused_by_name(tmp_path: Path) -> None:
    """A county's report saved as .xls (Excel 97-2003), .et (WPS) or .ods is not left out of its year
    silently: the search finds it, and reading it says what to do (``source.encoding.decode``)."""
    for name in (
        "dongan.yaml",
        "daoxian.XLS",
        "jiangyong.et",
        "ningyuan.ods",
        "summary.csv",
        "~$lock.xls",
        "lingling.yml.TXT",
        "notes.txt",
    ):
        (tmp_path / name).write_bytes(b"x")
    found, _ = find_reports([tmp_path])
    assert [path.name for path, _ in found] == [
        "daoxian.XLS",
        "dongan.yaml",
        "jiangyong.et",
        "lingling.yml.TXT",
        "ningyuan.ods",
    ]


def test_a_symlinked_folder_is_searched_once_however_it_is_reached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``2023/lanshan -> ../../store/lanshan`` was skipped without a word (``os.walk`` follows no link): a
    county's report left out of its year. A link back up is no loop, and a folder reached by two links, or by
    a link and by its own path, gives its reports once."""
    monkeypatch.chdir(tmp_path)
    for name in ("tree/2023/dongan.yaml", "store/lanshan/lanshan.yaml", "store/lanshan/sub/x.yaml"):
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text("x: 1\n", encoding="utf-8")
    Path("tree/2023/lanshan").symlink_to(Path("../../store/lanshan"))
    Path("tree/2023/same").symlink_to(Path("../../store/lanshan"))  # a second way to it
    Path("tree/2023/up").symlink_to(Path(".."))  # back to tree/: a loop
    Path("store/lanshan/sub/back").symlink_to(Path("..", "..", "lanshan"))  # a loop inside the linked one
    Path("tree/2023/.hidden").symlink_to(Path("../../store"))  # hidden: left out, link or not
    Path("tree/2023/gone").symlink_to(Path("nowhere"))  # dangling: a county's folder since moved, say
    found, problems = find_reports([Path("tree/2023"), Path("store")])
    assert [(p.file, p.code, p.params) for p in problems] == [
        (str(Path("tree/2023/gone")), "link-broken", {"target": "nowhere"})
    ]
    assert [display for _, display in found] == [
        str(Path("tree/2023/dongan.yaml")),
        str(Path("tree/2023/lanshan/lanshan.yaml")),
        str(Path("tree/2023/lanshan/sub/x.yaml")),
    ]


def test_every_spreadsheet_format_not_read_is_found_to_be_refused(tmp_path: Path) -> None:
    """Excel's binary workbook, the templates and Numbers' files were passed over in a folder without a word,
    where .xls, .et and .ods were listed as refused: nothing in a folder is skipped silently."""
    names = ["a.xlsb", "b.xlt", "c.XLTX", "d.xltm", "e.ett", "f.ots", "g.fods", "h.numbers", "i.csv"]
    for name in names:
        (tmp_path / name).write_bytes(b"PK\x03\x04")
    found, _ = find_reports([tmp_path])
    assert [path.name for path, _ in found] == names[:-1]


def test_a_link_gone_while_the_folder_is_searched_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A link found dangling and removed before it was read (a file system in use; ``/proc``'s ``exe`` of a
    kernel thread, which ``check --whole-year /`` met) ended the run as an internal error, exit 3:
    ``FileNotFoundError: '/proc/10/exe'``. The other reports are still checked."""
    shutil.copy(SAMPLES / "2023" / "jiangyong.yaml", tmp_path / "jiangyong.yaml")
    (tmp_path / "gone").symlink_to(tmp_path / "nowhere")

    def removed(path: object, *args: object, **kwargs: object) -> str:
        raise FileNotFoundError(2, "No such file or directory", str(path))

    monkeypatch.setattr(os, "readlink", removed)
    result = invoke("check", tmp_path, "--format", "json")
    assert result.exit_code == 1, result.stderr
    assert [report["unit"] for report in json.loads(result.stdout)["reports"]] == ["江永县"]
