"""A trend cell of a rule whose figure is the share of a unit's schools that meet a test of each school
(c16.secondary-funding: every public secondary school ≥ 10000 元): a single school's own figure with its own
target under it, else how many schools met it (``2/2 所``), never the bare share (``0.0%`` of one school)."""

from __future__ import annotations

from typing import Any

from zhijiao_check.renderers.layout.text import cell_len, plain

from .conftest import check, render

FUNDING = "c16.secondary-funding"


def _markdown_cells(text: str, unit: str) -> list[str]:
    block = text.split(f"📈 {unit} · 历年趋势", 1)[1].split("</details>", 1)[0]
    [row] = [line for line in block.splitlines() if line.startswith(f"|`{FUNDING}`")]
    return row.split("|")[2:4]


def test_one_school_shows_its_own_figure_and_target_several_their_count() -> None:
    text = render("markdown", check("samples/2022", "samples/2023"))
    # 东安县 has one public secondary school: 10100 元 in 2022, 9200 in 2023 (the share was 100.0%, 0.0%)
    # 10100 to 9200: a setback (docs/trends.md, "Setbacks")
    assert _markdown_cells(text, "东安县") == [
        "✅ 10100<br>目标 ≥ 10000",
        "❌ 9200<br>目标 ≥ 10000<br>**回落**",
    ]
    assert _markdown_cells(text, "蓝山县") == ["✅ 2/2 所", "✅ 2/2 所"]
    assert _markdown_cells(text, "永州市本级") == ["✅ 4/4 所", "✅ 4/4 所"]


def test_english_counts_schools_in_words() -> None:
    text = render("markdown", check("samples/2022", "samples/2023"), lang="en")
    block = text.split("📈 蓝山县", 1)[1].split("</details>", 1)[0]
    [row] = [line for line in block.splitlines() if line.startswith(f"|`{FUNDING}`")]
    assert row.split("|")[2:4] == ["✅ 2/2 schools", "✅ 2/2 schools"]


def test_the_table_shows_the_figure_within_80_columns() -> None:
    from zhijiao_check.i18n import Translator
    from zhijiao_check.renderers import RenderOptions, renderer_class

    run = check("samples/2022", "samples/2023")
    content: Any = renderer_class("table")(Translator("zh"), RenderOptions(color=False, width=80)).render(run)
    part = content.split("\n东安县 · 历年趋势", 1)[1]
    lines = part.splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith(FUNDING + " "))
    assert lines[at].split()[1:] == ["✓", "10100", "✗", "9200"]
    assert lines[at + 1].count("目标 ≥ 10000") == 2  # each year's school's own target, under its figure
    assert max(cell_len(plain(line)) for line in content.splitlines()) <= 80


def test_a_rule_of_several_conditions_counts_its_single_item() -> None:
    """c4.yellow-majors-shrink passes a major that enrolls fewer than last year or none both years
    (``any_of``): its first condition's figure and target (``110 / 目标 < 130``; ``0 / 目标 < 0`` for a
    major at 0 both years) need not be what decided it, so a single major is counted, ``1/1 项``."""
    text = render("markdown", check("samples/2022", "samples/2023"))
    block = text.split("📈 零陵区 · 历年趋势", 1)[1].split("</details>", 1)[0]
    [row] = [line for line in block.splitlines() if line.startswith("|`c4.yellow-majors-shrink`")]
    assert row.split("|")[2:4] == ["✅ 1/1 项", "✅ 1/1 项"]


def test_the_verdict_says_the_figure_the_cells_show() -> None:
    """东安县's one school missed 10000 元 in 2023 with 9200: the verdict says 9200, as its cell does, not the
    share (0.0%)."""
    text = render("markdown", check("samples/2022", "samples/2023"))
    block = text.split("📈 东安县 · 历年趋势", 1)[1].split("</details>", 1)[0]
    [row] = [line for line in block.splitlines() if line.startswith(f"|`{FUNDING}`")]
    assert row.split("|")[-2] == "2 年中 1 年达标；2023 年未达标（9200）"
