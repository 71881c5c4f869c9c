"""A due year the run holds without its city-wide figures: no valid 市本级 report of that year in the run.

Two runs of the samples:
- ``no_city``: 2022, and 2023 without its 市本级 report. The city-wide c1.public-seats, due in 2023, had no
  verdict (the city-wide years were 2022 alone: no trend), so the city's line was gone from clause 15's
  summary. Now the city-wide trend of it holds 2022 and the 2023 it lacks, its due year's outcome
  ``no-city-figures``: not known, never met.
- ``stray_city``: 2021, 2022 with only its 市本级 report (refused), and 2023. Each county's
  c2.school-standards, due in 2022, had no verdict (the run holds 2022, no city-wide section says who had
  to file): every county's line counted one target fewer. Now it is ``no-city-figures``, 2023's outcome
  said after it.

- ``unit_last``: 2023, 2024 and 2025 without its 市本级 report nor 零陵区's. 零陵区's c7.training-base,
  due in 2025, its last year of the run, had no verdict (only a year before a unit's last counted) and was
  projected to 2025 as if the run ended in 2024: now ``no-city-figures``, not projected.

A target judged each year counted such a year nowhere (``stray_city``: 2022 of c1.vocational-share): now it
is one of its years, ``no-city-figures``, as a due year is.

Both the whole run and the large one (``commands.flat``), in JSON, the table, Markdown and the workbook, in
both languages.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from zhijiao_check.cli import app
from zhijiao_check.engine.trend import NO_CITY_FIGURES, OUTCOMES, Point, verdict
from zhijiao_check.pack.load import load_packs

from .multiyear import copy_year, write_years

SEATS = "c1.public-seats"  # city-wide, due 2023
STANDARDS = "c2.school-standards"  # each unit's, due 2022
TRAINING = "c7.training-base"  # each county's, due 2025
RULES = {rule.id: rule for rule in load_packs([])[0].rules}


@pytest.fixture(scope="module")
def no_city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("no-city")
    copy_year(2022, dest, 2022)
    (copy_year(2023, dest, 2023) / "shibenji.yaml").unlink()
    return dest


@pytest.fixture(scope="module")
def stray_city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("stray-city")
    write_years(dest, (2021, 2022, 2023))
    for path in (dest / "2022").glob("*.yaml"):
        if path.name != "shibenji.yaml":
            path.unlink()
    city = dest / "2022" / "shibenji.yaml"
    text = city.read_text(encoding="utf-8")
    city.write_text(text.replace("secondary_vocational: ", "secondary_vocational: -", 1), encoding="utf-8")
    return dest


@pytest.fixture(scope="module")
def unit_last(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = write_years(tmp_path_factory.mktemp("unit-last"), (2023, 2024, 2025))
    for name in ("shibenji.yaml", "lingling.yaml"):
        (dest / "2025" / name).unlink()
    return dest


def run(folder: Path, *args: str, lang: str = "zh", code: int = 1) -> str:
    result = CliRunner().invoke(
        app, ["check", str(folder), "--lang", lang, *args], env={"COLUMNS": "200", "NO_COLOR": "1"}
    )
    assert result.exit_code == code, result.output  # the summary is advice: the exit status as before
    return result.stdout


def doc_of(folder: Path, code: int = 1) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(run(folder, "--format", "json", code=code))
    return parsed


def line_of(doc: dict[str, Any], unit: str | None) -> dict[str, Any]:
    return next(line for line in doc["trends"]["assessment"] if line["unit"] == unit)


def outcomes(line: dict[str, Any]) -> dict[str, list[str]]:
    return {tally["outcome"]: tally["rules"] for tally in line["due"]["outcomes"] if tally["rules"]}


def test_the_city_wide_target_due_in_a_year_without_its_figures_is_counted_not_known(no_city: Path) -> None:
    doc = doc_of(no_city)
    [seats] = [t for t in doc["trends"]["city"] if t["rule"] == SEATS]
    assert seats["verdict"] == {
        "kind": "due",
        "due": 2023,
        "outcome": NO_CITY_FIGURES,
        "years": [{"year": 2023, "outcome": NO_CITY_FIGURES, "observed": None}],
        "met": 0,
        "counted": 1,
        "held": None,
    }
    assert seats["projection"] is None and seats["no_projection"] == "due-passed"
    # the other city-wide rules, one year observed, have no trend, as before
    assert [t["rule"] for t in doc["trends"]["city"]] == [SEATS]
    line = line_of(doc, None)
    assert line["due"]["targets"] == 1 and outcomes(line) == {NO_CITY_FIGURES: [SEATS]}


@pytest.mark.parametrize(
    ("lang", "said", "verdict_words"),
    [
        (
            "zh",
            "全市：未含全市数据 c1.public-seats",
            (
                "2023 年到期，本次检查无该年报表，也未含该年全市数据（市本级报表缺失或无效），"
                "无法判定是否按期达标"
            ),
        ),
        (
            "en",
            "City-wide: no city-wide figures c1.public-seats",
            (
                "due in 2023, no report of that year, nor the city-wide figures of that year (the 市本级"
                " report missing or refused), in this run: whether it was met is not known"
            ),
        ),
    ],
)
def test_the_table_and_markdown_say_why(no_city: Path, lang: str, said: str, verdict_words: str) -> None:
    table = run(no_city, lang=lang)
    assert said in table
    flat_table = " ".join(table.split())
    assert " ".join(verdict_words.split()) in flat_table
    markdown = run(no_city, "--format", "markdown", lang=lang)
    assert said.split("：" if lang == "zh" else ": ", 1)[1] in markdown
    assert verdict_words in markdown


@pytest.mark.parametrize(("lang", "column"), [("zh", "未含全市数据"), ("en", "no city-wide figures")])
def test_the_workbook_counts_it_in_a_column_of_its_own(
    no_city: Path, tmp_path: Path, lang: str, column: str
) -> None:
    out = tmp_path / "all.xlsx"
    result = CliRunner().invoke(app, ["check", str(no_city), "--lang", lang, "-f", "xlsx", "-o", str(out)])
    assert result.exit_code == 1, result.output
    book = openpyxl.load_workbook(io.BytesIO(out.read_bytes()))
    header, *rows = list(book[book.sheetnames[-1]].iter_rows(values_only=True))
    place = header.index(column)
    assert place == 2 + len(OUTCOMES) - 1
    assert rows[0][1] == 1 and rows[0][place] == 1  # the city-wide line: 1 due, not known


def test_each_county_s_target_due_in_a_year_with_only_a_refused_city_report(stray_city: Path) -> None:
    doc = doc_of(stray_city, code=2)
    counties = [line for line in doc["trends"]["assessment"] if line["kind"] == "county"]
    assert len(counties) == 11
    for line in counties:
        assert line["due"]["targets"] == 1, line["unit"]
        assert outcomes(line) == {NO_CITY_FIGURES: [STANDARDS]}, line["unit"]
    lingling = next(u for u in doc["trends"]["units"] if u["unit"] == "零陵区")
    [standards] = [t for t in lingling["trends"] if t["rule"] == STANDARDS]
    assert [(y["year"], y["outcome"]) for y in standards["verdict"]["years"]] == [
        (2022, NO_CITY_FIGURES),
        (2023, "met"),
    ]
    assert standards["verdict"]["met"] == 1 and standards["verdict"]["held"] is None
    # city-wide, the 市本级 report of 2022 refused: that year is ``invalid`` (a report refused), as before
    assert "invalid" not in outcomes(line_of(doc, None))  # no city-wide target due in 2022


def test_the_words_of_a_county_s_verdict(stray_city: Path) -> None:
    table = " ".join(run(stray_city, code=2).split())
    assert (
        "2022 年到期，本次检查无该年报表，也未含该年全市数据（市本级报表缺失或无效），无法判定是否按期达标；"
        "2023 年达标" in table.replace(" ；", "；")
    )


def years_of(line: dict[str, Any]) -> dict[str, int]:
    """The years of a line's targets judged each year, by outcome."""
    return {tally["outcome"]: tally["years"] for tally in line["each_year"]["outcomes"]}


def unit_trend(doc: dict[str, Any], unit: str, rule: str) -> dict[str, Any]:
    found = next(u for u in doc["trends"]["units"] if u["unit"] == unit)
    [trend] = [t for t in found["trends"] if t["rule"] == rule]
    return trend


def test_a_unit_s_target_due_in_its_last_year_without_city_figures_is_not_known(unit_last: Path) -> None:
    doc = doc_of(unit_last)
    base = unit_trend(doc, "零陵区", TRAINING)
    assert [(y["year"], y["outcome"]) for y in base["verdict"]["years"]] == [(2025, NO_CITY_FIGURES)]
    assert base["projection"] is None and base["no_projection"] == "due-passed"
    line = line_of(doc, "零陵区")
    assert outcomes(line)[NO_CITY_FIGURES] == [TRAINING, "c10.pilot-schools"]
    # and each target judged each year counts 2025 as not known
    each_year = line["each_year"]
    assert years_of(line)[NO_CITY_FIGURES] == each_year["targets"] == 14
    assert each_year["counted"] == 3 * each_year["targets"]
    # a county that filed 2025 is judged by its report, as before
    assert unit_trend(doc, "冷水滩区", TRAINING)["verdict"]["outcome"] == "met"


def test_a_target_judged_each_year_counts_a_year_without_city_figures_as_not_known(stray_city: Path) -> None:
    doc = doc_of(stray_city, code=2)
    share = unit_trend(doc, "零陵区", "c1.vocational-share")["verdict"]
    assert [(y["year"], y["outcome"]) for y in share["years"]] == [(2022, NO_CITY_FIGURES), (2023, "met")]
    assert (share["met"], share["counted"]) == (1, 2)
    assert years_of(line_of(doc, "零陵区"))[NO_CITY_FIGURES] > 0
    table = " ".join(run(stray_city, code=2).split())
    assert "2 年中 1 年达标；本次检查未含 2022 年全市数据" in table.replace(" ；", "；")


def test_the_engine_counts_a_unit_s_last_year_only_where_a_valid_report_gives_it() -> None:
    """A unit's year without city-wide figures after its last report counts where the run's valid reports
    (``ending``) hold it and each year up to it; a refused report alone, or a valid one of a year past years
    the run does not hold, ends no unit's run."""
    from zhijiao_check.engine.trend import span

    counted = span((2020, 2021), unseen=(2022,), ending={2020, 2021, 2022})
    assert counted is not None and (counted.last, counted.unseen) == (2022, frozenset({2022}))
    refused = span((2020, 2021), unseen=(2022,), ending={2020, 2021})
    assert refused is not None and (refused.last, refused.unseen) == (2021, frozenset())
    # a valid report of a year past years the run does not hold is a stray (2024 beside 2020–2021)
    stray = span((2020, 2021), unseen=(2024,), ending={2020, 2021, 2024})
    assert stray is not None and (stray.last, stray.unseen) == (2021, frozenset())


@pytest.mark.parametrize(("fixture", "code"), [("no_city", 1), ("stray_city", 2), ("unit_last", 1)])
def test_a_large_run_gives_the_same(
    fixture: str, code: int, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = request.getfixturevalue(fixture)
    whole = doc_of(folder, code)
    from zhijiao_check.commands import check as check_command

    monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    flat = doc_of(folder, code)
    assert flat["trends"] == whole["trends"]
    assert any(NO_CITY_FIGURES in outcomes(line) for line in flat["trends"]["assessment"])


def test_a_unit_created_later_owes_nothing_of_a_year_before_it() -> None:
    """The engine's rule: a due year without city-wide figures is ``no-city-figures`` only where it is one
    of ``unseen`` (the caller leaves out a year the unit list does not expect the unit in: ``expected_in``);
    otherwise the trend lacking it has no verdict, as before."""
    rule = RULES[STANDARDS]
    points = [Point(2021, 1.0, "pass", None, 1.0, True), Point(2023, 1.0, "pass", None, 1.0, True)]
    assert verdict(rule, points, all_years=(2021, 2022, 2023)) is None
    found = verdict(rule, points, all_years=(2021, 2022, 2023), unseen=(2022,))
    assert found is not None and found.outcome == NO_CITY_FIGURES and found.met == 1


def test_the_page_says_why(no_city: Path) -> None:
    page = run(no_city, "--format", "html")
    section = page.split('<section id="assessment" class="trends">', 1)[1].split("</section>", 1)[0]
    assert '<tr data-scope="city"><td>全市</td><td class="num">1</td>' in section
    assert "未含全市数据 c1.public-seats" in section
    assert "2023 年到期，本次检查无该年报表，也未含该年全市数据（市本级报表缺失或无效）" in page


def test_a_year_given_by_a_refused_report_alone_does_not_end_the_city_wide_run(tmp_path: Path) -> None:
    """A stray refused report of 2026 beside 2022 and 2023: the city-wide targets due in 2025 are still
    projected from 2022 and 2023, not cut off by a 2026 whose city-wide figures no report could give."""
    copy_year(2022, tmp_path, 2022)
    copy_year(2023, tmp_path, 2023)
    stray = copy_year(2023, tmp_path / "more", 2026) / "lingling.yaml"
    text = stray.read_text(encoding="utf-8")
    (tmp_path / "2026").mkdir()
    (tmp_path / "2026" / "lingling.yaml").write_text(
        text.replace("secondary_vocational: ", "secondary_vocational: -", 1), encoding="utf-8"
    )
    shutil.rmtree(tmp_path / "more")
    doc = doc_of(tmp_path, code=2)
    assert doc["trends"]["years"] == [2022, 2023, 2026]
    [schools] = [t for t in doc["trends"]["city"] if t["rule"] == "c1.quality-schools"]  # due 2025
    assert schools["no_projection"] is None and schools["projection"]["due"] == 2025
    # nor a county's: its target due in 2025 is projected, no year after its last counted
    base = unit_trend(doc, "冷水滩区", TRAINING)
    assert base["verdict"] is None and base["no_projection"] != "due-passed"
