"""The table view's closing lines name again the reports it did not score.

``zhijiao-check check "collect/2025 报表"`` printed some 1,300 lines: the refused report at the top, and at
the end only ``退出状态 2``, which left the reader to scroll back for why. Now the lines above the exit status
say how many reports were not scored and name each, with its count of problems (or that it could not be
read), in either language, each line within the terminal's width (a GBK console's too).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from factory import INVALID_REPORT, SAMPLES

from zhijiao_check.engine.results import Run
from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.renderers import RenderOptions, renderer_class
from zhijiao_check.renderers.layout.text import cell_len

from .conftest import check

FOLDER = "报表 收集 汇总 目录"  # a long folder name with spaces, as the bureau names them


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    folder = tmp_path_factory.mktemp("recap") / FOLDER / "2023 年 各县市区 上报"
    folder.mkdir(parents=True)
    # a report that meets every target: its closing lines are the reports not scored alone (those that fail
    # the run are named after them: test_failing_recap)
    shutil.copy(SAMPLES / "2023" / "lingling.yaml", folder / "lingling.yaml")
    (folder / "江永县 2023 报表（第二次修改）.yaml").write_text(INVALID_REPORT, encoding="utf-8")
    (folder / "x.yaml").write_text(INVALID_REPORT.replace("江永县", "道县"), encoding="utf-8")
    return check(folder)


def table(run: Run, lang: Lang, width: int, encoding: str | None = None) -> str:
    options = RenderOptions(color=False, width=width, encoding=encoding)
    return str(renderer_class("table")(Translator(lang), options).render(run))


@pytest.mark.parametrize(
    ("lang", "heading", "item", "exit"),
    [
        ("zh", "2 份报表未计分（问题见上）：", "{file}：报表无效，{count} 个问题", "退出状态 2"),
        (
            "en",
            "2 reports not scored (their problems above):",
            "{file}: invalid report ({count} problems)",
            "exit status 2",
        ),
    ],
)
def test_the_last_lines_name_the_reports_not_scored(
    run: Run, lang: Lang, heading: str, item: str, exit: str
) -> None:
    lines = [line.rstrip() for line in table(run, lang, 1000).splitlines()]
    files = [bad.file for bad in run.invalid]
    counts = [len(bad.problems) for bad in run.invalid]
    assert len(files) == 2 and all(count > 1 for count in counts)
    assert lines[-4:] == [
        heading,
        *(f"  {item.format(file=file, count=count)}" for file, count in zip(files, counts, strict=True)),
        exit,
    ]
    # named at the top too, as before
    assert sum(line.startswith(files[0]) for line in lines) == 1


def test_one_report_not_scored_with_one_problem_is_said_in_the_singular(tmp_path: Path) -> None:
    text = (SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8")
    broken, found = re.subn(r"(\n +students: )(\d+)", r'\1"\2,0"', text, count=1)
    assert found == 1
    (tmp_path / "dongan.yaml").write_text(broken, encoding="utf-8")
    shutil.copy(SAMPLES / "2023" / "daoxian.yaml", tmp_path / "daoxian.yaml")
    one = check(tmp_path)
    [bad] = one.invalid
    assert len(bad.problems) == 1
    lines = [line.rstrip() for line in table(one, "en", 1000).splitlines()]
    assert lines[-3:] == [
        "1 report not scored (its problems above):",
        f"  {bad.file}: invalid report (1 problem)",
        "exit status 2",
    ]


def test_a_run_with_every_report_scored_ends_as_before(tmp_path: Path) -> None:
    lines = table(check(SAMPLES / "2023" / "dongan.yaml"), "zh", 100).splitlines()
    assert lines[-1] == "退出状态 1"
    assert not any("未计分" in line for line in lines)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("encoding", [None, "gbk"])
def test_the_closing_lines_fit_the_terminal(run: Run, lang: Lang, encoding: str | None) -> None:
    whole = table(run, lang, 1000, encoding)
    tail = whole.splitlines()[-4:]
    for width in range(30, 161, 7):
        text = table(run, lang, width, encoding)
        lines = text.splitlines()
        closing = lines[max(n for n, line in enumerate(lines) if line.startswith(tail[0][:3])) :]
        assert [line for line in closing if cell_len(line) > width] == [], width
        # nothing lost: the same text, broken differently
        assert "".join("".join(closing).split()) == "".join("".join(tail).split()), width
