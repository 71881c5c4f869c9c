"""A unit the pack lists that no report and no city-wide section names has a line in clause 15's summary,
saying the run holds no report of it (``no_trends`` ``none-in-run``): it had none, and the county that filed
nothing at all dropped out of the table the county governments are assessed by.

The run: the samples of 2022 and 2023 without 新田县's reports nor the 市本级's (so no city-wide section
names 新田县 missing). Both the whole run and the large one (``commands.flat``), in JSON, the table,
Markdown, HTML and the workbook, in both languages.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from zhijiao_check.cli import app
from zhijiao_check.engine.runtrends import NONE_IN_RUN

from .multiyear import copy_year

ABSENT = "新田县"
CITY_UNIT = "永州市本级"


@pytest.fixture(scope="module")
def nothing(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("nothing")
    for year in (2022, 2023):
        folder = copy_year(year, dest, year)
        (folder / "xintian.yaml").unlink()
        (folder / "shibenji.yaml").unlink()
    return dest


def run(folder: Path, *args: str, lang: str = "zh", columns: int = 200) -> str:
    result = CliRunner().invoke(
        app, ["check", str(folder), "--lang", lang, *args], env={"COLUMNS": str(columns), "NO_COLOR": "1"}
    )
    assert result.exit_code == 1, result.output  # advice: the exit status as it was
    return result.stdout


@pytest.fixture(scope="module")
def doc(nothing: Path) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(run(nothing, "--format", "json"))
    return parsed


def test_each_listed_unit_the_run_holds_nothing_of_has_a_line(doc: dict[str, Any]) -> None:
    lines = doc["trends"]["assessment"]
    assert {line["unit"]: line["no_trends"] for line in lines if line["no_trends"]} == {
        ABSENT: NONE_IN_RUN,
        CITY_UNIT: NONE_IN_RUN,
    }
    names = [line["unit"] for line in lines]
    # in the pack's unit order: after 蓝山县, before 江华瑶族自治县
    assert names[names.index("蓝山县") + 1] == ABSENT and names[names.index(ABSENT) + 1] == "江华瑶族自治县"
    line = next(line for line in lines if line["unit"] == ABSENT)
    assert line["scope"] == "unit" and line["kind"] == "county"
    assert line["due"]["targets"] == 0 and line["each_year"]["counted"] == 0


def test_a_large_run_gives_the_same(
    nothing: Path, doc: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from zhijiao_check.commands import check as check_command

    monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    flat = json.loads(run(nothing, "--format", "json"))
    assert flat["trends"] == doc["trends"]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "新田县：本次检查中没有其报表，无法评价"),
        ("en", "新田县: no report of it in this run: not assessed"),
    ],
)
def test_the_table_says_why(nothing: Path, lang: str, said: str) -> None:
    text = run(nothing, lang=lang, columns=80)
    assert said in [line.strip() for line in text.splitlines()]
    # its row names it without counts: no zero that reads as assessed
    assert [ABSENT] in [line.split() for line in text.splitlines()]


@pytest.mark.parametrize(
    ("lang", "said"),
    [("zh", "本次检查中没有其报表，无法评价"), ("en", "no report of it in this run: not assessed")],
)
def test_markdown_the_page_and_the_workbook_say_why(
    nothing: Path, tmp_path: Path, lang: str, said: str
) -> None:
    assert f"|{ABSENT}||||||||{said}|" in run(nothing, "--format", "markdown", lang=lang)
    page = run(nothing, "--format", "html", lang=lang)
    section = page.split('<section id="assessment" class="trends">', 1)[1].split("</section>", 1)[0]
    row = section.split(f'<tr data-unit="{ABSENT}" data-scope="unit">', 1)[1].split("</tr>", 1)[0]
    assert said in row
    out = tmp_path / "all.xlsx"
    result = CliRunner().invoke(app, ["check", str(nothing), "--lang", lang, "-f", "xlsx", "-o", str(out)])
    assert result.exit_code == 1, result.output
    book = openpyxl.load_workbook(io.BytesIO(out.read_bytes()))
    _, *rows = list(book[book.sheetnames[-1]].iter_rows(values_only=True))
    [row] = [row for row in rows if row[0] == ABSENT]
    assert all(cell is None for cell in row[1:-1]) and said in str(row[-1])


def test_a_unit_the_list_does_not_expect_in_the_run_has_no_line() -> None:
    """A unit created after the run's years (``since``) owes nothing of them: no line (``listed_in``)."""
    from zhijiao_check.engine.runtrends import listed_in, untrended
    from zhijiao_check.units import Unit, UnitRegistry

    units = UnitRegistry([Unit("零陵区", "county"), Unit("新区", "management_area", None, 2025)], [])
    assert listed_in(units, (2022, 2023)) == ["零陵区"]
    assert listed_in(units, (2024, 2025)) == ["零陵区", "新区"]
    assert listed_in(None, (2022, 2023)) == []
    found = untrended((2024, 2025), units.order(), lambda _: "county", (), (), (), (), ["零陵区", "新区"])
    assert [(one.unit, one.why) for one in found] == [("零陵区", NONE_IN_RUN), ("新区", NONE_IN_RUN)]
