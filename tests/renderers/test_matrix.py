"""The assessment view (clause 15): units ranked by score, a status per rule, per year;
in the table output too.
"""

from __future__ import annotations

import re

from zhijiao_check.renderers.matrix import matrices, ranked
from zhijiao_check.status import Status

from .conftest import as_json, check, render


def test_ranking_shares_ties_and_puts_unscored_last() -> None:
    reports = [
        {"unit": u, "score": s} for u, s in [("a", 80.0), ("b", None), ("c", 100.0), ("d", 80.0), ("e", 50.0)]
    ]
    assert [(rank, r["unit"]) for rank, r in ranked(reports)] == [
        (1, "c"),
        (2, "a"),
        (2, "d"),
        (4, "e"),
        (None, "b"),
    ]


def test_one_matrix_per_year_with_several_reports() -> None:
    run = check("samples/2022", "samples/2023")
    doc = as_json(run)
    catalogue = [rule.id for pack in run.packs for rule in pack.rules]
    found = matrices(doc, catalogue)
    assert [m.year for m in found] == [2022, 2023]
    for matrix in found:
        reports = [r for r in doc["reports"] if r["year"] == matrix.year]
        assert sorted(row.unit for row in matrix.rows) == sorted(r["unit"] for r in reports)
        scores = [row.score for row in matrix.rows if row.score is not None]
        assert scores == sorted(scores, reverse=True)
        ids = [c.rule for c in matrix.columns]
        assert ids == sorted(ids, key=catalogue.index)  # every one in the catalogue, in its order
        for row in matrix.rows:
            statuses = {r["rule"]: r["status"] for r in row.report["results"]}
            assert [c and c["status"] for c in row.cells] == [statuses.get(i) for i in ids]
    [single] = matrices(as_json(check("samples/2023", "samples/2022/lingling.yaml")), catalogue)
    assert single.year == 2023  # 2022 has one report: nothing to rank


def test_rules_for_other_kinds_are_blank() -> None:
    [matrix] = matrices(as_json(check("samples/2023")), [])
    zone = next(row for row in matrix.rows if row.unit == "永州经济技术开发区")
    column = [c.rule for c in matrix.columns].index("c1.vocational-share")  # counties only
    assert zone.cells[column] is None
    county = next(row for row in matrix.rows if row.unit == "江永县")
    assert county.cells[column] is not None and county.cells[column]["status"] == "fail"


def test_table_shows_the_matrix_with_glyphs_and_legend() -> None:
    run = check("samples/2023")
    doc = as_json(run)
    text = render("table", run)
    view = text[text.index("2023 年 · 单位得分排名与达标矩阵") :]
    for report in doc["reports"]:
        if report["kind"] != "county":
            continue  # counties have every column, so no blank cell shifts the glyphs
        line = next(line for line in view.splitlines() if f" {report['unit']} " in f" {line} ")
        _, unit, score, *glyphs = line.split()
        assert unit == report["unit"] and score == f"{report['score']:.1f}"
        assert glyphs == [Status(r["status"]).glyph for r in report["results"]]
    ranks = [int(m.group(1)) for m in re.finditer(r"^\s*(\d+)\s+\S+\s+\d+\.\d", view, re.MULTILINE)]
    assert ranks == sorted(ranks) and ranks[0] == 1
    assert "图例" in view and "✗ 未达标" in view and "20 c16.new-funding-tilt" in view
    english = render("table", check("samples/2023"), lang="en")
    assert "2023 · units ranked by score" in english and "✗ not met" in english


def test_no_matrix_for_a_single_report() -> None:
    assert "单位得分排名" not in render("table", check("samples/2023/lanshan.yaml"))


def test_the_legend_is_punctuated_as_its_language_writes() -> None:
    """``图例：✓ 达标 …``, ``空白：该类单位无此规则``: a full-width colon in Chinese (it was ``图例: ``), in
    the terminal's table, the Markdown and the page alike; ``Legend: `` in English."""
    run = check("samples/2023")
    for fmt in ("table", "markdown", "html"):
        chinese, english = render(fmt, run), render(fmt, run, lang="en")
        assert "图例：" in chinese and "图例:" not in chinese, fmt
        assert "Legend: " in english, fmt
        if fmt != "html":  # the page shows a blank cell's colour, not the word
            assert "空白：该类单位无此规则" in chinese and "空白:" not in chinese, fmt
            assert "blank: " in english, fmt
