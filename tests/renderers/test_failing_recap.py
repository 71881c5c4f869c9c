"""The table view's closing lines name again the results that fail the run.

A blocked commit's output is about 1,000 lines, its one failing row somewhere in the middle (line 819 of
1,010), and it ended with the reports not scored and ``退出状态 1``. Now the lines above the exit status name
each result that fails the run, one entry each (unit, year, rule, its arithmetic): a line where it fits 80
columns (or the terminal, if narrower), else broken under it as the table breaks text, never cut short, at
most ``FAILING_SHOWN`` of them and then how many more; nothing when everything passed, and nothing with
``--quiet`` (the summary lines only, as for the reports not scored).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from factory import SAMPLES, invoke

from zhijiao_check.engine.results import Run
from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.renderers import RenderOptions, renderer_class
from zhijiao_check.renderers.layout.text import cell_len
from zhijiao_check.renderers.table import FAILING_SHOWN, FAILING_WIDTH

from .conftest import check


def table(run: Run, lang: Lang, width: int, quiet: bool = False) -> list[str]:
    options = RenderOptions(color=False, width=width, quiet=quiet)
    return [
        line.rstrip() for line in renderer_class("table")(Translator(lang), options).render(run).splitlines()
    ]


@pytest.fixture(scope="module")
def dongan(tmp_path_factory: pytest.TempPathFactory) -> Run:
    folder = tmp_path_factory.mktemp("dongan")
    shutil.copy(SAMPLES / "2023" / "dongan.yaml", folder / "dongan.yaml")
    shutil.copy(SAMPLES / "2023" / "lingling.yaml", folder / "lingling.yaml")  # all met: not named
    return check(folder)


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        (
            "zh",
            [
                "3 项结果未通过（详见上文）：",
                "  ✗ 东安县 2023 c4.yellow-majors-shrink：0 / 1 项达标 = 0.0% < 100.0%",
                "  ✗ 东安县 2023 c16.secondary-funding：0 / 1 项达标 = 0.0% < 100.0%",
                "  ✗ 东安县 2023 c16.new-funding-tilt：210 / 3000 = 7.0% < 6900 / 70500 = 9.8%",
                "退出状态 1",
            ],
        ),
        (
            "en",
            [
                "3 results that fail the run (details above):",
                "  ✗ 东安县 2023 c4.yellow-majors-shrink: 0 of 1 met = 0.0% < 100.0%",
                "  ✗ 东安县 2023 c16.secondary-funding: 0 of 1 met = 0.0% < 100.0%",
                "  ✗ 东安县 2023 c16.new-funding-tilt: 210 / 3000 = 7.0% < 6900 / 70500 = 9.8%",
                "exit status 1",
            ],
        ),
    ],
)
def test_the_last_lines_name_each_result_that_fails_the_run(
    dongan: Run, lang: Lang, lines: list[str]
) -> None:
    assert table(dongan, lang, 200)[-5:] == lines


def test_nothing_is_added_when_every_result_passed(tmp_path: Path) -> None:
    shutil.copy(SAMPLES / "2023" / "lingling.yaml", tmp_path / "lingling.yaml")
    lines = table(check(tmp_path), "zh", 100)
    assert lines[-1] == "退出状态 0"
    assert not any("未通过" in line for line in lines)


def test_quiet_keeps_to_the_summary_lines(dongan: Run) -> None:
    lines = table(dongan, "zh", 100, quiet=True)
    assert lines[-1] == "退出状态 1"
    assert not any("项结果未通过" in line for line in lines)


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """Both sample years: 13 results fail; with every quality committee said to be missing, more than
    ``FAILING_SHOWN``."""
    folder = tmp_path_factory.mktemp("many")
    for year in ("2022", "2023"):
        shutil.copytree(SAMPLES / year, folder / year)
        for report in (folder / year).glob("*.yaml"):
            text = report.read_text(encoding="utf-8")
            report.write_text(re.sub(r"(?m)^(\s*quality_committee:) true", r"\1 false", text), "utf-8")
    return check(folder)


@pytest.mark.parametrize(
    ("lang", "more"), [("zh", "  另 {count} 项（见上文）"), ("en", "  and {count} more (above)")]
)
@pytest.mark.parametrize("width", [60, 80, 200])
def test_past_the_cap_the_rest_are_counted_and_every_line_fits(
    many: Run, lang: Lang, more: str, width: int
) -> None:
    failing = sum(r.status in many.failing for e in (*many.reports, *many.city) for r in e.results)
    assert failing > FAILING_SHOWN
    lines = table(many, lang, width)
    assert lines[-2] == more.format(count=failing - FAILING_SHOWN)
    heading = (
        "{count} 项结果未通过（详见上文）："
        if lang == "zh"
        else "{count} results that fail the run (details above):"
    ).format(count=failing)
    shown = lines[len(lines) - 1 - lines[::-1].index(heading) + 1 : -2]
    entries = [line for line in shown if line.startswith(("  ✗ ", "  ? "))]
    assert len(entries) == FAILING_SHOWN, shown
    # an entry too long for the line goes on under it, indented; never cut short
    assert all(line.startswith("    ") for line in shown if line not in entries), shown
    assert all(cell_len(line) <= min(width, FAILING_WIDTH) for line in shown), shown
    assert not any("…" in line for line in shown), shown


def test_the_command_line_ends_with_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(SAMPLES / "2023" / "dongan.yaml", tmp_path / "dongan.yaml")
    monkeypatch.chdir(tmp_path)
    result = invoke("check", "dongan.yaml", "--no-color")
    assert result.exit_code == 1
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[-5] == "3 项结果未通过（详见上文）："
    assert lines[-2] == "  ✗ 东安县 2023 c16.new-funding-tilt：210 / 3000 = 7.0% < 6900 / 70500 = 9.8%"
