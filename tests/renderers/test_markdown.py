"""``--format markdown``: the merge-request comment: what is not met in the open, the rest folded away."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from zhijiao_check.i18n import Lang
from zhijiao_check.renderers.markdown import _row
from zhijiao_check.status import Status

from .conftest import as_json, check, render

OPEN = ("fail", "missing", "warn", "behind", "pending")


def sections(text: str) -> dict[str, str]:
    """``### heading`` → the text under it."""
    parts = re.split(r"^### ", text, flags=re.MULTILINE)[1:]
    return {part.split("\n", 1)[0]: part.split("\n", 1)[1] for part in parts}


def cells(row: str) -> list[str]:
    """A table row's cells, as GitHub splits them (``\\|`` is not a separator)."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", row.strip())[1:-1]]


def rows(text: str) -> list[list[str]]:
    """The body rows of the tables in ``text`` (not the header rows nor the alignment rows)."""
    found = [cells(line) for line in text.splitlines() if line.startswith("|")]
    return [
        row for row in found if row[0] not in ("状态", "status", "#") and not re.fullmatch(r":?-+:?", row[0])
    ]


def section_of(found: dict[str, str], title: str) -> str:
    [body] = [body for heading, body in found.items() if title in heading]
    return body


def test_each_report_opens_what_is_not_met_and_folds_the_rest() -> None:
    run = check("examples/failing")
    text = render("markdown", run)
    found = sections(text)
    for report in as_json(run)["reports"]:
        body = section_of(found, f"{report['unit']}（县市区）· 2023 年 · 得分 {report['score']:.1f}")
        opened, _, folded = body.partition("<details>")
        expected_open = [r for r in report["results"] if r["status"] in OPEN]
        assert [(row[0], row[1].split()[0]) for row in rows(opened)] == [
            (f"{Status(r['status']).emoji} {r['status']}", f"`{r['rule']}`") for r in expected_open
        ]
        assert [row[1].split()[0] for row in rows(folded)] == [
            f"`{r['rule']}`" for r in report["results"] if r["status"] not in OPEN
        ]
        assert f"达标与不适用的规则（{len(report['results']) - len(expected_open)}）" in folded
        assert report["file"] in body
    jiangyong = section_of(found, "江永县")
    share = next(row for row in rows(jiangyong) if "c1.vocational-share" in row[1])
    assert share[2] == "38.0% / ≥ 45.0%"
    assert share[3].startswith("870 / (870 + 1420) = 38.0% &lt; 45.0%")


def test_items_not_met_are_listed_with_their_line() -> None:
    text = render("markdown", check("examples/failing/daoxian-2023-majors.yaml"))
    row = next(r for r in rows(text) if "c4.major-evaluation-cycle" in r[1])
    assert row[3].count("❌ ") == 3
    assert "道县濂溪职业学校 · 电子商务：最近评估年份 2019" in row[3]
    # its place in the section's own report by line, the report's file named under the heading
    assert row[3].endswith("道县濂溪职业学校 · 电子商务：最近评估年份 2019 &lt; 2023-2 = 2021 `第 135 行`")
    assert "\n`examples/failing/daoxian-2023-majors.yaml` · " in text


def test_city_section_and_matrix_for_a_whole_year() -> None:
    run = check("samples/2023")
    doc = as_json(run)
    text = render("markdown", run)
    found = sections(text)
    city = section_of(found, "全市 · 2023 年 · 15/15 个单位 · 得分 95.0")
    assert [row[0] for row in rows(city.partition("<details>")[0])].count("📉 behind") == 1
    behind = next(row for row in rows(city) if "c8.demonstration-enterprises" in row[1])
    assert "线性进度：2023 年应达 18（2025 年目标 30）" in behind[3]
    matrix = section_of(found, "2023 年 · 单位得分排名与达标矩阵")
    table = rows(matrix.partition("图例")[0])
    by_unit = {r["unit"]: r for r in doc["reports"]}
    assert [row[1] for row in table][:1] == ["零陵区"] and table[-1][2] == "—"
    for row in table:
        report = by_unit[row[1]]
        assert row[2] == ("—" if report["score"] is None else f"{report['score']:.1f}")
        assert sorted(g for g in row[3:] if g) == sorted(Status(r["status"]).emoji for r in report["results"])
    assert "图例：✅ 达标 · ❌ 未达标" in matrix and "1. `c1.vocational-share`" in matrix


def test_invalid_reports_and_exit_status(invalid_report: Path) -> None:
    run = check(invalid_report, "samples/2023/lingling.yaml")
    text = render("markdown", run, lang="en")
    assert text.startswith("## ⛔ ")
    overview = "reports scored: 1 · invalid: 1 · results not passed: 0 · exit status 2"
    assert f"**some reports are invalid** · {overview}" in text
    invalid = section_of(sections(text), "Invalid reports (not scored)")
    for problem in as_json(run, "en")["invalid"][0]["problems"]:
        assert f"`{problem['file']}:{problem['line']}:{problem['column']}`" in invalid


@pytest.mark.parametrize(
    ("lang", "overview"),
    [
        (
            "en",
            "**some targets are not met** · reports scored: 15 · invalid: 0 · results not passed: 11 · exit"
            + " status 1",
        ),
        ("zh", "**有目标未达标** · 15 份报表已计分 · 0 份无效 · 11 项结果未通过 · 退出状态 1"),
    ],
)
def test_the_overview_says_what_each_figure_counts(lang: Lang, overview: str) -> None:
    """Reports are counted as reports, results not passed as results (eleven of them, not "a target")."""
    assert overview in render("markdown", check("samples/2023"), lang=lang)


def test_table_cells_stay_cells(edited: Any) -> None:
    report = edited(
        "examples/failing/daoxian-2023-majors.yaml", ("name: 道县职业技术学校", "name: 道县|职业<b>技术学校")
    )
    text = render("markdown", check(report))
    table_rows = rows(text)
    assert table_rows and all(len(row) == 4 for row in table_rows)
    assert "道县\\|职业&lt;b&gt;技术学校" in text and "<b>" not in text


def test_quiet_keeps_the_matrix_and_the_headings() -> None:
    text = render("markdown", check("examples/failing"), quiet=True)
    assert text.count("### ") == 5 and "<details>" in text  # matrix (rule numbers folded), 3 reports, notes
    assert "### 说明\n\n- 2023 年全市性指标未评估" in text
    assert [row[1] for row in rows(text)] == ["新田县", "道县", "江永县"]  # the matrix rows only, best first


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def later_year(root: Path, year: int, refused: str = "") -> Path:
    """``samples/2023``'s 15 reports as the year ``year``'s under ``root/reports/`` (docs/ci.md's layout),
    where more rules are due (a longer comment); ``refused``: the file of the one made invalid (a duplicate
    key), refused in a section of its own."""
    folder = root / "reports" / str(year)
    folder.mkdir(parents=True)
    for report in sorted(Path("samples/2023").glob("*.yaml")):
        text = report.read_text(encoding="utf-8").replace("\nyear: 2023\n", f"\nyear: {year}\n")
        if report.name == refused:
            text = text.replace(f"\nyear: {year}\n", f"\nyear: {year}\nenrollment: 12\n")
        (folder / report.name).write_text(text, encoding="utf-8")
    return folder.relative_to(root)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("year", "refused"), [(2023, ""), (2025, ""), (2025, "xintian.yaml")])
def test_the_comment_for_one_year_is_within_githubs_limit(
    lang: Lang, year: int, refused: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/ci.md's workflow comments on the year being reported (``check reports/2025/``): 15 units' year
    fits GitHub's 65,536 characters (counted as GitHub counts them, an emoji as two), 2025's too, where every
    rule is due, and with a report refused. The Markdown itself is never cut: a run of more years is a longer
    report, whole (every output is whole or not at all)."""
    folder = Path("samples/2023")
    if year != 2023:
        folder = later_year(tmp_path, year, refused)
        monkeypatch.chdir(tmp_path)
    run = check(folder)
    doc = as_json(run)
    assert len(doc["reports"]) + len(doc["invalid"]) == 15 and len(doc["invalid"]) == bool(refused)
    text = render("markdown", run, lang=lang)
    assert utf16_length(text) < 65_536


def test_every_row_that_applies_has_its_place_met_or_not() -> None:
    """A met rule's row (folded) carries its data's place as a rule not met does: in a report's section by
    line (the file is named under the heading), else ``file:line``; a city-wide sum's place too."""
    run = check("samples/2023")
    text = render("markdown", run)
    found = sections(text)
    doc = as_json(run)
    lingling = next(r for r in doc["reports"] if r["unit"] == "零陵区")
    body = section_of(found, "零陵区（县市区）· 2023 年")
    folded = {row[1].split()[0]: row[3] for row in rows(body.partition("<details>")[2])}
    share = folded["`c1.vocational-share`"]
    assert share.endswith("<br>`第 13 行`")  # its first place alone, as short as a met row's can be
    for result in lingling["results"]:
        if result["status"] == "pass":
            assert re.search(r"`第 \d+ 行`$", folded[f"`{result['rule']}`"]), result["rule"]
    city = section_of(found, "全市 · 2023 年")
    seats = next(row for row in rows(city) if "c1.public-seats" in row[1])
    assert seats[0] == "✅ pass"
    assert seats[3].endswith("<br>`samples/2023/lingling.yaml:18 另 14 处`")
    applies = [
        r for e in (*doc["reports"], *doc["city"]) for r in e["results"] if r["status"] != "not_applicable"
    ]
    located = [row for row in rows(text) if row[0].split()[-1] != "not_applicable" and "`" in row[1]]
    assert len(located) == len(applies)
    assert all(re.search(r"(\.yaml:\d+( 另 \d+ 处)?|第 \d+ 行)`$", row[3]) for row in located)
    # a city-wide year names no file of its own: a met row's place in the 市本级 report is file:line too
    talent = next(row for row in rows(city) if "c13.talent-selection" in row[1])
    assert talent[3].endswith("`samples/2023/shibenji.yaml:524`")


def test_a_met_row_in_english_names_its_line() -> None:
    text = render("markdown", check("samples/2023/lingling.yaml"), lang="en")
    share = next(row for row in rows(text) if "c1.vocational-share" in row[1])
    assert share[0] == "✅ pass" and share[3].endswith("<br>`L13`")


def test_a_cell_ending_in_a_backslash_keeps_its_pipe() -> None:
    """A row's cells stand without spaces around the pipes, but a backslash would escape the pipe after it."""
    assert _row(["a", "b\\", "c"]) == "|a|b\\ |c|"
    assert cells(_row(["a", "b\\", "c"])) == ["a", "b\\", "c"]
