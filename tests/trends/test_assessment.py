"""Clause 15's summary: a line per unit (and one for the city-wide targets) counting the targets due in the
run by their due year's outcome, and the years met of the targets judged each year, read from the trends'
verdicts (``engine.assessment``), in JSON (``trends.assessment``), the table, Markdown and the workbook.

The clause makes the results count in the assessment of each county government; the bureau's final review
runs 2022–2025 at once and needed one line per unit, which only the verdicts of every trend said, one by one.

Two runs of the samples (as ``test_deadline_verdict`` makes them): ``final``, 2022–2025 (2024 and 2025 as
2023 a year and two later) without 新田县's 2025 report, so its targets due in 2025 are not filed and the
city-wide 2025 undecided where 新田县's figures count; ``complete``, 2023 and 2025 with 零陵区's public seats
1000 fewer in 2025, so the city-wide c1.public-seats, met by its due year 2023, is not held in 2025.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from zhijiao_check.characters import display_width
from zhijiao_check.cli import app
from zhijiao_check.engine.trend import OUTCOMES

from .multiyear import copy_year

ABSENT = "新田县"
MISSED = "宁远县"  # c2.school-standards, due 2022: 1 of 2 schools up to standard
MET = "零陵区"
DUE_2025 = ["c7.training-base", "c10.pilot-schools"]  # 新田县's targets due in 2025


def run(folder: Path, *args: str, lang: str = "zh", columns: int = 200) -> str:
    result = CliRunner().invoke(
        app, ["check", str(folder), "--lang", lang, *args], env={"COLUMNS": str(columns), "NO_COLOR": "1"}
    )
    # the samples fail some targets: the summary, advice, leaves the exit status as it was
    assert result.exit_code == 1, result.output
    return result.stdout


@pytest.fixture(scope="module")
def final_doc(final: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(run(final, "--format", "json"))
    return doc


def line_of(doc: dict[str, Any], unit: str | None) -> dict[str, Any]:
    return next(line for line in doc["trends"]["assessment"] if line["unit"] == unit)


def outcomes(line: dict[str, Any]) -> dict[str, list[str]]:
    """Each due year's outcome with the rules of it, those with none left out."""
    return {tally["outcome"]: tally["rules"] for tally in line["due"]["outcomes"] if tally["rules"]}


def test_a_unit_that_met_every_target_due(final_doc: dict[str, Any]) -> None:
    line = line_of(final_doc, MET)
    assert (line["scope"], line["kind"]) == ("unit", "county")
    assert line["due"]["targets"] == 3
    assert outcomes(line) == {"met": ["c2.school-standards", *DUE_2025]}
    assert line["due"]["not_held"] == {"count": 0, "rules": []}
    counts = {tally["outcome"]: tally["count"] for tally in line["due"]["outcomes"]}
    assert counts == {"met": 3, **dict.fromkeys(OUTCOMES[1:], 0)}  # every outcome, in order
    assert list(counts) == list(OUTCOMES)


def test_a_unit_that_missed_a_target_by_its_due_year(final_doc: dict[str, Any]) -> None:
    line = line_of(final_doc, MISSED)
    assert outcomes(line) == {"met": DUE_2025, "not-met": ["c2.school-standards"]}
    assert [t["count"] for t in line["due"]["outcomes"]] == [2, 1, 0, 0, 0, 0, 0, 0, 0]


def test_a_unit_that_did_not_file_its_due_year_cannot_be_said_to_have_met(final_doc: dict[str, Any]) -> None:
    """新田县 filed nothing for 2025: its two targets due then are not filed, neither met nor not met; its
    years of the targets judged each year count 2025 as not filed too."""
    line = line_of(final_doc, ABSENT)
    assert outcomes(line) == {"met": ["c2.school-standards"], "not-filed": DUE_2025}
    each = line["each_year"]
    years = {tally["outcome"]: tally["years"] for tally in each["outcomes"] if tally["years"]}
    assert years == {"met": 40, "not-met": 1, "not-filed": 14}
    assert (each["met"], each["counted"]) == (40, 55)
    assert sum(one["counted"] for one in each["rules"]) == 55 and each["targets"] == len(each["rules"]) == 14


def test_the_city_wide_targets_undecided_in_their_due_year(final_doc: dict[str, Any]) -> None:
    """The city-wide 2025 misses 新田县: a target whose figure it counts is undecided, never met."""
    line = line_of(final_doc, None)
    assert (line["scope"], line["kind"]) == ("city", None)
    undecided = [
        t["rule"]
        for t in final_doc["trends"]["city"]
        if t["verdict"] and t["verdict"]["kind"] == "due" and t["verdict"]["outcome"] == "undecided"
    ]
    assert "c1.quality-schools" in undecided
    assert outcomes(line)["undecided"] == undecided
    assert "c1.quality-schools" not in outcomes(line)["met"] + outcomes(line)["not-met"]
    assert outcomes(line)["not-met"] == [
        "c8.demonstration-parks",
        "c8.demonstration-enterprises",
        "c12.teacher-rotation",
        "c13.provincial-teams",
        "c17.discrimination-review",
    ]


def test_every_line_counts_its_trends_verdicts_and_nothing_else(final_doc: dict[str, Any]) -> None:
    """The city-wide line first, then each unit's in the trends' (the pack's) order, each the count of its
    trends' verdicts: a target not due in the run is in none."""
    trends = final_doc["trends"]
    lines = trends["assessment"]
    assert [line["unit"] for line in lines] == [None, *(u["unit"] for u in trends["units"])]
    scopes = [trends["city"], *(u["trends"] for u in trends["units"])]
    for line, scope in zip(lines, scopes, strict=True):
        due = [t for t in scope if t["verdict"] and t["verdict"]["kind"] == "due"]
        each = [t for t in scope if t["verdict"] and t["verdict"]["kind"] == "each-year"]
        for tally in line["due"]["outcomes"]:
            assert tally["rules"] == [t["rule"] for t in due if t["verdict"]["outcome"] == tally["outcome"]]
            assert tally["count"] == len(tally["rules"])
        assert line["due"]["targets"] == len(due)
        assert line["each_year"]["rules"] == [
            {"rule": t["rule"], "met": t["verdict"]["met"], "counted": t["verdict"]["counted"]} for t in each
        ]


def test_a_target_met_by_its_due_year_and_not_held(complete: Path) -> None:
    doc = json.loads(run(complete, "--format", "json"))
    line = line_of(doc, None)
    assert "c1.public-seats" in outcomes(line)["met"]
    assert line["due"]["not_held"] == {"count": 1, "rules": ["c1.public-seats"]}
    [funding] = [one for one in line["each_year"]["rules"] if one["rule"] == "c8.park-funding"]
    assert funding == {"rule": "c8.park-funding", "met": 0, "counted": 2}
    table = run(complete)
    section = table.split("考核汇总（第十五条）", 1)[1]
    assert "全市：达标后未保持 c1.public-seats；" in section.replace("\n", "")


def test_a_target_due_in_a_year_the_run_does_not_hold_is_not_known(complete: Path) -> None:
    """The run of 2023 and 2025 holds no 2022: c2.school-standards, due then, is counted ``not-in-run`` for
    every county (the verdict's outcome, ``engine.trend.NOT_IN_RUN``), never met, and among the not known."""
    doc = json.loads(run(complete, "--format", "json"))
    counties = [line for line in doc["trends"]["assessment"] if line["kind"] == "county"]
    assert len(counties) >= 5
    for line in counties:
        assert "c2.school-standards" in outcomes(line)["not-in-run"], line["unit"]
        assert "c2.school-standards" not in outcomes(line).get("met", [])
    rows = [line.split() for line in _section(run(complete), "考核汇总（第十五条）", "不改变")]
    # 零陵区: 3 due (c2 and the two of 2025), c2's not known
    row = next(row for row in rows if row and row[0] == "零陵区")
    assert row[1] == "3" and row[6] == "1"
    assert "零陵区：未含到期年c2.school-standards" in run(complete).replace("\n", "").replace(" ", "")


def test_a_run_of_one_year_has_no_summary(tmp_path: Path) -> None:
    copy_year(2023, tmp_path, 2023)
    doc = json.loads(run(tmp_path, "--format", "json"))
    assert doc["trends"]["assessment"] == []
    assert "考核汇总" not in run(tmp_path)


def _section(text: str, title: str, end: str) -> list[str]:
    return text.split(title, 1)[1].split(end, 1)[0].splitlines()


@pytest.mark.parametrize(
    ("lang", "title", "end", "absent"),
    [
        (
            "zh",
            "考核汇总（第十五条）",
            "不改变任何状态",
            "新田县：未提交 c7.training-base、c10.pilot-schools",
        ),
        (
            "en",
            "Clause 15 summary",
            "stay as they are.",
            "新田县: not filed c7.training-base, c10.pilot-schools",
        ),
    ],
)
def test_the_table_s_section_fits_80_columns(
    final: Path, lang: str, title: str, end: str, absent: str
) -> None:
    table = run(final, lang=lang, columns=80)
    lines = _section(table, title, end)
    assert max(display_width(line.rstrip()) for line in lines) <= 80
    rows = [line.split() for line in lines]
    # 新田县: 3 due, 1 met, 0 not held, 0 not met, 0 waived, 2 not known; 40 of 55 years met
    assert next(row for row in rows if row and row[0] == ABSENT)[1:7] == ["3", "1", "0", "0", "0", "2"]
    assert next(row for row in rows if row and row[0] == MISSED)[1:7] == ["3", "2", "0", "1", "0", "0"]
    assert absent in "".join(line.strip() for line in lines)
    header = " ".join(lines[:3])
    if lang == "zh":
        assert all(word in header for word in ("到期目标", "达标", "未保持", "未达标", "已豁免", "无法判定"))
    else:
        assert all(word in header for word in ("due", "met", "not held", "not met", "waived", "not known"))


def test_markdown_has_the_summary(final: Path) -> None:
    text = run(final, "--format", "markdown")
    section = text.split("### 📋 考核汇总（第十五条）", 1)[1]
    assert f"|{ABSENT}|3|1|0|0|0|2|40/55 年|" in section
    assert "未提交 c7.training-base、c10.pilot-schools" in section
    assert f"|{MISSED}|3|2|0|1|0|0|" in section


@pytest.mark.parametrize(
    ("lang", "name", "city"), [("zh", "考核汇总", "全市"), ("en", "clause 15", "City-wide")]
)
def test_the_workbook_has_a_sheet_with_the_same_counts(
    final: Path, final_doc: dict[str, Any], tmp_path: Path, lang: str, name: str, city: str
) -> None:
    out = tmp_path / "all.xlsx"
    result = CliRunner().invoke(app, ["check", str(final), "--lang", lang, "-f", "xlsx", "-o", str(out)])
    assert result.exit_code == 1, result.output
    book = openpyxl.load_workbook(io.BytesIO(out.read_bytes()))
    assert book.sheetnames[-1] == name and len(book.sheetnames) == 5
    header, *rows = list(book[name].iter_rows(values_only=True))
    assert header[:3] == (("单位", "到期目标", "达标") if lang == "zh" else ("unit", "due", "met"))
    assert [row[0] for row in rows] == [city, *(u["unit"] for u in final_doc["trends"]["units"])]
    for row, line in zip(rows, final_doc["trends"]["assessment"], strict=True):
        counts = [tally["count"] for tally in line["due"]["outcomes"]]
        each = line["each_year"]
        assert list(row[1:15]) == [
            line["due"]["targets"],
            *counts,
            line["due"]["not_held"]["count"],
            each["targets"],
            each["met"],
            each["counted"],
        ]
    [absent] = [row for row in rows if row[0] == ABSENT]
    said = "未提交 c7.training-base、c10.pilot-schools" if lang == "zh" else "not filed c7.training-base"
    assert said in absent[-1]


def test_a_large_run_gives_the_same_summary(
    final: Path, final_doc: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run of 100 reports or more, written as the reports are scored, counts the same lines."""
    from zhijiao_check.commands import check as check_command

    monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    flat = json.loads(run(final, "--format", "json"))
    assert flat["trends"]["assessment"] == final_doc["trends"]["assessment"]
    assert flat["trends"] == final_doc["trends"]


def test_the_page_has_the_summary_and_a_unit_s_page_its_own_line(final: Path, tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    page = run(final, "--format", "html", "--per-unit", str(pages))
    section = page.split('<section id="assessment" class="trends">', 1)[1].split("</section>", 1)[0]
    assert "<h2>考核汇总（第十五条）</h2>" in section
    assert '<tr data-scope="city"><td>全市</td><td class="num">23</td>' in section
    row = section.split(f'<tr data-unit="{ABSENT}" data-scope="unit">', 1)[1].split("</tr>", 1)[0]
    assert [cell.split(">", 1)[1] for cell in row.split("</td>")[1:8]] == [
        "3",
        "1",
        "0",
        "0",
        "0",
        "2",
        "40/55 年",
    ]
    assert "未提交 c7.training-base、c10.pilot-schools" in row
    own = (pages / f"{ABSENT}.html").read_text(encoding="utf-8")
    rows = own.split('<section id="assessment"', 1)[1].split("</section>", 1)[0].count("<tr data-")
    assert rows == 1 and f'<tr data-unit="{ABSENT}"' in own


def test_a_refused_year_alone_gives_no_verdict_of_a_target_that_applies_in_no_other_year(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """蓝山县's 2024 report refused: c16.higher-funding (a county without a higher college) applies in none
    of its other years, as a year not filed it was counted neither met nor not; it was ``0/1 年`` not met
    every year, and its years in the line's 逐年达标. Both the normal and the large run."""
    for year, source in ((2023, 2023), (2024, 2023), (2025, 2023)):
        copy_year(source, tmp_path, year)
    lanshan = tmp_path / "2024" / "lanshan.yaml"
    text = lanshan.read_text(encoding="utf-8")
    lanshan.write_text(text.replace("secondary_vocational: ", "secondary_vocational: -", 1), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(tmp_path), "--format", "json"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output  # the refused report
    doc = json.loads(result.stdout)
    assert [(one["unit"], one["year"]) for one in doc["invalid"]] == [("蓝山县", 2024)]
    [unit] = [unit for unit in doc["trends"]["units"] if unit["unit"] == "蓝山县"]
    trends = {trend["rule"]: trend for trend in unit["trends"]}
    assert [year["status"] for year in trends["c16.higher-funding"]["years"]] == [
        "not_applicable",
        "invalid",
        "not_applicable",
    ]
    assert trends["c16.higher-funding"]["verdict"] is None
    # a target that applies in the other years still counts the refused one
    assert [year["outcome"] for year in trends["c1.unified-enrollment"]["verdict"]["years"]] == [
        "met",
        "invalid",
        "met",
    ]
    line = line_of(doc, "蓝山县")
    assert "c16.higher-funding" not in [one["rule"] for one in line["each_year"]["rules"]]
    from zhijiao_check.commands import check as check_command

    monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    flat = CliRunner().invoke(app, ["check", str(tmp_path), "--format", "json"], env={"NO_COLOR": "1"})
    assert json.loads(flat.stdout)["trends"] == doc["trends"]


def test_a_refused_year_of_a_target_not_in_force_in_the_other_years_is_still_counted(tmp_path: Path) -> None:
    """The same refused report with only a year before the targets judged each year start (2021; they start
    in 2022) beside it: that year says nothing of whether they apply to 蓝山县, so its refused 2022 is
    counted (``报表无效``), c16.higher-funding's too."""
    for year in (2021, 2022):
        folder = copy_year(2022, tmp_path, year)
        for path in folder.glob("*.yaml"):  # a major evaluated in 2022 is no slip of a 2021 report
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("evaluated_in: 2022", f"evaluated_in: {year}"), encoding="utf-8")
    lanshan = tmp_path / "2022" / "lanshan.yaml"
    text = lanshan.read_text(encoding="utf-8")
    lanshan.write_text(text.replace("secondary_vocational: ", "secondary_vocational: -", 1), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(tmp_path), "--format", "json"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    doc = json.loads(result.stdout)
    assert [(one["unit"], one["year"]) for one in doc["invalid"]] == [("蓝山县", 2022)]
    [unit] = [unit for unit in doc["trends"]["units"] if unit["unit"] == "蓝山县"]
    trends = {trend["rule"]: trend for trend in unit["trends"]}
    for rule in ("c1.vocational-share", "c16.higher-funding"):
        assert [year["status"] for year in trends[rule]["years"]] == ["not_applicable", "invalid"]
        assert trends[rule]["verdict"]["years"] == [{"year": 2022, "outcome": "invalid", "observed": None}]


# A run of 2022–2025 where 蓝山县's report is refused every year (``secondary_vocational: -…``), 双牌县 files
# nothing in any year, 道县's reports are refused in 2022 and 2023 and it files nothing after, and 江永县
# files in 2025 only: none of them has trends, each has its line of the summary all the same.
REFUSED = "蓝山县"
WITHOUT_TRENDS = {
    REFUSED: "all-invalid",
    "双牌县": "not-filed",
    "道县": "invalid-and-not-filed",
    "江永县": "one-year",
}


def _refuse(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("secondary_vocational: ", "secondary_vocational: -", 1), encoding="utf-8")


@pytest.fixture(scope="module")
def unassessed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("unassessed")
    for year, source in ((2022, 2022), (2023, 2023), (2024, 2023), (2025, 2023)):
        folder = copy_year(source, dest, year)
        _refuse(folder / "lanshan.yaml")
        (folder / "shuangpai.yaml").unlink()
        if year < 2024:
            _refuse(folder / "daoxian.yaml")
        else:
            (folder / "daoxian.yaml").unlink()
        if year < 2025:
            (folder / "jiangyong.yaml").unlink()
    return dest


def run_refused(folder: Path, *args: str, lang: str = "zh", columns: int = 200) -> str:
    result = CliRunner().invoke(
        app, ["check", str(folder), "--lang", lang, *args], env={"COLUMNS": str(columns), "NO_COLOR": "1"}
    )
    assert result.exit_code == 2, result.output  # the refused reports: as it was without the summary
    return result.stdout


@pytest.fixture(scope="module")
def unassessed_doc(unassessed: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(run_refused(unassessed, "--format", "json"))
    return doc


def test_a_unit_whose_every_report_was_refused_has_a_line_saying_so(unassessed_doc: dict[str, Any]) -> None:
    """蓝山县, refused every year, has no trends: its line says why, its counts zero, in the pack's unit order
    (after 宁远县, before 新田县); so do the units that filed nothing, both, or one year only. A line with
    trends says null."""
    doc = unassessed_doc
    trended = [unit["unit"] for unit in doc["trends"]["units"]]
    assert not set(WITHOUT_TRENDS) & set(trended)
    lines = doc["trends"]["assessment"]
    assert {line["unit"]: line["no_trends"] for line in lines if line["no_trends"]} == WITHOUT_TRENDS
    assert all(line["no_trends"] is None for line in lines if line["unit"] in (None, *trended))
    line = line_of(doc, REFUSED)
    assert line["scope"] == "unit" and line["kind"] == "county"
    assert line["due"]["targets"] == 0 and line["due"]["not_held"]["count"] == 0
    assert all(tally["count"] == 0 and tally["rules"] == [] for tally in line["due"]["outcomes"])
    assert line["each_year"]["targets"] == 0 and line["each_year"]["counted"] == 0
    names = [line["unit"] for line in lines]
    assert names[: names.index("新田县") + 1] == [
        None,
        "零陵区",
        "冷水滩区",
        "祁阳市",
        "东安县",
        "双牌县",
        "道县",
        "江永县",
        "宁远县",
        REFUSED,
        "新田县",
    ]


def test_a_large_run_gives_the_same_lines_of_the_units_without_trends(
    unassessed: Path, unassessed_doc: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from zhijiao_check.commands import check as check_command

    monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    flat = json.loads(run_refused(unassessed, "--format", "json"))
    assert line_of(flat, REFUSED)["no_trends"] == "all-invalid"
    assert flat["trends"]["assessment"] == unassessed_doc["trends"]["assessment"]
    assert flat["trends"] == unassessed_doc["trends"]


@pytest.mark.parametrize(
    ("lang", "title", "end", "said"),
    [
        ("zh", "考核汇总（第十五条）", "不改变任何状态", "蓝山县：各年报表均无效，无法评价"),
        ("en", "Clause 15 summary", "stay as they are.", "蓝山县: every report refused: not assessed"),
    ],
)
def test_the_table_says_why_a_unit_is_not_assessed(
    unassessed: Path, lang: str, title: str, end: str, said: str
) -> None:
    lines = _section(run_refused(unassessed, lang=lang, columns=80), title, end)
    assert max(display_width(line.rstrip()) for line in lines) <= 80
    assert said in [line.strip() for line in lines]
    # its row names it without counts: no zero that reads as assessed
    assert next(line.split() for line in lines if line.split()[:1] == [REFUSED]) == [REFUSED]


def test_markdown_says_why_a_unit_is_not_assessed(unassessed: Path) -> None:
    text = run_refused(unassessed, "--format", "markdown", lang="en")
    assert f"|{REFUSED}||||||||every report refused: not assessed|" in text
    assert "|双牌县||||||||nothing filed: not assessed|" in text


@pytest.mark.parametrize(
    ("lang", "said"), [("zh", "各年报表均无效，无法评价"), ("en", "every report refused")]
)
def test_the_workbook_row_of_a_unit_not_assessed(
    unassessed: Path, tmp_path: Path, lang: str, said: str
) -> None:
    out = tmp_path / "all.xlsx"
    result = CliRunner().invoke(app, ["check", str(unassessed), "--lang", lang, "-f", "xlsx", "-o", str(out)])
    assert result.exit_code == 2, result.output
    book = openpyxl.load_workbook(io.BytesIO(out.read_bytes()))
    _, *rows = list(book[book.sheetnames[-1]].iter_rows(values_only=True))
    [row] = [row for row in rows if row[0] == REFUSED]
    assert all(cell is None for cell in row[1:-1])
    assert said in str(row[-1])


def test_the_page_says_why_a_unit_is_not_assessed(unassessed: Path) -> None:
    page = run_refused(unassessed, "--format", "html")
    section = page.split('<section id="assessment" class="trends">', 1)[1].split("</section>", 1)[0]
    row = section.split(f'<tr data-unit="{REFUSED}" data-scope="unit">', 1)[1].split("</tr>", 1)[0]
    assert "各年报表均无效，无法评价" in row
