"""Every line of the table view as a reader meets it on a terminal of any width: none wider than the terminal,
none starting with closing punctuation, no comparison broken over two lines, no figure cut short with "…"
(the glyph of ``pending``), a glyph of the legend beside its meaning, a problem's place broken after a folder.

Rich's own wrapping laid out the lines outside the tables (the trends' projections, the legend, the notes)
and broke them at spaces only: ``（目标 ≥`` over ``25000）；``, ``… 未到期 · ↓`` over
``未到期，落后于线性进度``, a line starting with ``，``. At 30 columns a table of trends folded its rules'
IDs and cut its figures short (``✓ 1250 …``); a problem's place stayed on one line of 79 columns on a
terminal of 60.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from zhijiao_check.document import document
from zhijiao_check.engine.results import Run
from zhijiao_check.glyphs import encodable
from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.renderers import RenderOptions, renderer_class
from zhijiao_check.renderers import trends as view
from zhijiao_check.renderers.layout.text import cell_len

from .conftest import ROOT, check

CLOSING = "，。、：；！？）」』】〉》”’%,:;)]"  # "!" and "?" start a line as the glyphs of warn and missing
COMPARING = "<>≤≥≠∈∉"  # "=" may start a line: "= 49.0% ≥ 45.0%" under the arithmetic it sums up
NARROW = (30, 40, 60, 80)


@pytest.fixture(scope="module")
def two_years() -> Run:
    with pytest.MonkeyPatch.context() as patch:  # files named from the checkout, whatever its path
        patch.chdir(ROOT)
        return check("samples/2022", "samples/2023")


def table(run: Run, lang: Lang, width: int, encoding: str | None = None) -> str:
    options = RenderOptions(color=False, width=width, encoding=encoding)
    return str(renderer_class("table")(Translator(lang), options).render(run))


def misread(text: str, width: int) -> list[str]:
    """The lines a reader would misread, each with what is wrong with it."""
    wrong = []
    for line in text.splitlines():
        body = line.strip()
        if cell_len(line) > width:
            wrong.append(f"wider than {width}: {line!r}")
        if body and body[0] in CLOSING:
            wrong.append(f"starts with closing punctuation: {line!r}")
        if body.endswith(tuple(COMPARING + "=")) or body.startswith(tuple(COMPARING)):
            wrong.append(f"a comparison broken: {line!r}")
        if re.search(r"[^\s\[]…", line):
            wrong.append(f"cut short: {line!r}")
    return wrong


def legend_entries(tr: Translator) -> list[str]:
    from zhijiao_check.status import STATUSES

    return [f"{status.glyph} {tr(f'render.status-{status}')}" for status in STATUSES]


@settings(max_examples=12)
@given(st.integers(30, 140))
def test_no_line_of_the_whole_table_view_is_misread_at_any_width(two_years: Run, width: int) -> None:
    for lang in ("zh", "en"):
        text = table(two_years, lang, width)
        assert misread(text, width) == [], (lang, width)
        tr = Translator(lang)
        lines = text.splitlines()
        for entry in legend_entries(tr):  # each glyph of the legend on the line of its meaning
            if cell_len(entry) + 2 <= width:
                assert any(entry in line for line in lines), (lang, width, entry)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_projection_uses_its_line_and_keeps_its_target_whole(two_years: Run, lang: Lang) -> None:
    # at 100 columns "…2023 年预计 25300（目标 ≥" stood at 75 over "25000）；…"
    lines = table(two_years, lang, 100).splitlines()
    at = next(
        number
        for number, line in enumerate(lines)
        if "c8.demonstration-enterprises" in line and "2022–2023" in line
    )
    if lang == "zh":
        assert lines[at].strip() == (
            "按期难达 c8.demonstration-enterprises：2022–2023 年拟合：每年 +4，"
            "2025 年预计 20（目标 ≥ 30）；按"
        )
    else:  # 14 cells more than the first line holds: on the next, whole
        assert lines[at + 1].strip() == "(target ≥ 30); at this pace met from 2028"
    assert cell_len(lines[at].rstrip()) > 80  # the line used
    note = lines[lines.index(next(line for line in lines if line.startswith(("预测：", "Projection:")))) + 1]
    assert note[0] not in CLOSING  # "，不改变任何状态和退出状态" began a line


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", NARROW)
def test_on_a_narrow_terminal_every_figure_and_rule_of_the_trends_is_whole(
    two_years: Run, lang: Lang, width: int
) -> None:
    text = table(two_years, lang, width)
    assert misread(text, width) == []
    tr = Translator(lang)
    lines = text.splitlines()
    words = {word for line in lines for word in line.split()}
    doc = document(two_years, tr)
    for _, _, trends in view.scopes(doc, tr):
        for trend in trends:
            if len(trend["rule"]) <= width:  # "c1.general-plan-fre" over "eze"
                assert trend["rule"] in words, (width, trend["rule"])
            for point in trend["years"]:
                figure = view.figure(trend, point, tr)
                assert any(figure in line for line in lines), (width, trend["rule"], figure)


def test_below_the_room_of_a_table_each_trend_is_a_block_of_lines(two_years: Run) -> None:
    lines = [line.rstrip() for line in table(two_years, "zh", 30).splitlines()]
    start = lines.index("江永县 · 历年趋势")
    # 46.1% to 41.0%: a setback, said at the foot of the year's lines (docs/trends.md, "Setbacks")
    assert lines[start + 4 : start + 7] == ["  2022 ✓ 46.1%", "  2023 ✗ 41.0%", "       回落"]
    assert lines[start + 7 : start + 12] == [
        "c1.general-plan-freeze",
        "  职普比未达标的县市区不再增加",
        "  普高招生计划",
        "  2022 – —",
        "  2023 ✓ 1250 人",
    ]


@pytest.mark.parametrize("width", NARROW)
def test_the_matrix_keeps_its_rules_and_every_unit_s_name(two_years: Run, width: int) -> None:
    # at 30 columns rich cut "永州经济技术开发区" short and dropped the column of rules beside it
    text = table(two_years, "zh", width)
    joined = "".join(text.split())
    assert "永州经济技术开发区" in joined and "永州经济技术开发…" not in text
    heads = [line.split() for line in text.splitlines() if line.lstrip().startswith("#  单位")]
    assert heads and all(len(head) > 3 for head in heads)  # a rule's number after 得分


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [*NARROW, 100])
def test_a_heading_breaks_between_its_parts_and_keeps_the_score_beside_its_label(
    two_years: Run, lang: Lang, width: int
) -> None:
    """At 60 columns ``… · 得`` stood over ``分 100.0``, and ``… · 得分`` over ``82.4``: a heading's parts
    (unit, year, file, score) are broken between them, each whole where it fits."""
    label = Translator(lang)("table.score")
    scored = re.compile(rf"(?<![^\s·]){label} [0-9]+\.[0-9]")  # a heading's score, not the matrix's column
    text = table(two_years, lang, width)
    assert misread(text, width) == []
    assert len(scored.findall(text)) == len(scored.findall(table(two_years, lang, 400))) > 20
    assert not re.search(rf"{label}$|得$", text, re.MULTILINE)
    if width == 60:
        title = "东安县（县市区）· 2023 年" if lang == "zh" else "东安县 (county) · 2023"
        assert f"{title} · samples/2023/dongan.yaml ·\n{label} 82.4" in text


# A run of Chinese: a name in English output
CHINESE_RUN = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+")


@pytest.mark.parametrize("width", [40, 60, 80, 100, 120])
def test_english_breaks_no_chinese_name_that_fits_its_column(two_years: Run, width: int) -> None:
    """``江华瑶族自治县职业中`` over ``等专业学校``, ``学前`` over ``教育``: in English a Chinese name was
    broken at the edge although a space or ", " stood just before it. Each is whole, but one wider than the
    narrowest column of text (``ROOM`` less its padding; at 30 columns a line of 28 cells folds a name of
    26 in brackets)."""
    from zhijiao_check.renderers.layout.grid import FRAME
    from zhijiao_check.renderers.table import ROOM

    names = set(CHINESE_RUN.findall(table(two_years, "en", 400)))
    text = table(two_years, "en", width)
    assert misread(text, width) == []
    broken = [run for run in CHINESE_RUN.findall(text) if run not in names]
    assert [
        run for run in broken if not any(run in name and cell_len(name) > ROOM - FRAME for name in names)
    ] == []


def write_reports(folder: Path) -> None:
    """2022's 冷水滩区 as the sample has it, and its 2023 saying of 2022 what 2022 does not: two majors'
    previous enrollment (``previous_enrollment``) off by ten, a warning each."""
    for year in ("2022", "2023"):
        (folder / "reports" / year).mkdir(parents=True)
        source = ROOT / "samples" / year / "lengshuitan.yaml"
        data: dict[str, Any] = yaml.safe_load(source.read_text(encoding="utf-8"))
        if year == "2023":
            for major in data["schools"][0]["majors"][:2]:
                major["previous_enrollment"] += 10
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        (folder / "reports" / year / "lengshuitan.yaml").write_text(text, encoding="utf-8")


HEADERS = {  # the first warning's place and field, as many lines as the width needs
    80: ["  reports/2023/lengshuitan.yaml:63:26 schools[0].majors[0].previous_enrollment"],
    60: ["  reports/2023/lengshuitan.yaml:63:26", "    schools[0].majors[0].previous_enrollment"],
    40: ["  reports/2023/lengshuitan.yaml:63:26", "    schools[0].majors[0]", "    .previous_enrollment"],
    30: [
        "  reports/",
        "  2023/lengshuitan.yaml:63:26",
        "    schools[0].majors[0]",
        "    .previous_enrollment",
    ],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", NARROW)
def test_a_problem_s_place_is_broken_after_a_folder_or_before_its_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: Lang, width: int
) -> None:
    """``file:line:col`` whole on a line where it fits (a terminal or an editor finds it there), then the
    field where it does not fit beside it."""
    from typer.testing import CliRunner

    from zhijiao_check.cli import app

    write_reports(tmp_path)
    monkeypatch.chdir(tmp_path)  # the files named as the user gives them, whatever the folder's path
    result = CliRunner().invoke(
        app, ["check", "reports/2022", "reports/2023", "--lang", lang], env={"COLUMNS": str(width)}
    )
    assert result.exit_code in (0, 1), result.output
    assert misread(result.stdout, width) == []
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    # the warnings follow the reports: after the last one's summary, their heading, then each warning
    summary = max(n for n, line in enumerate(lines) if line.startswith(Translator(lang)("table.summary")))
    first = next(n for n in range(summary + 1, len(lines)) if lines[n].startswith("  "))
    assert lines[first : first + len(HEADERS[width])] == HEADERS[width]


@pytest.mark.parametrize(("encoding", "lang"), [("gbk", "zh"), ("gbk", "en"), ("ascii", "en")])
@pytest.mark.parametrize("width", [40, 60, 100])
def test_a_terminal_lacking_a_glyph_gets_lines_laid_out_with_its_fallback(
    two_years: Run, encoding: str, lang: Lang, width: int
) -> None:
    """GBK has no ``∉``, ``not in`` stands for it; ASCII has no ``…`` nor ``≥``. Replaced after the
    layout, a wider fallback pushed a line without padding past the terminal's edge."""
    shown = encodable(table(two_years, lang, width, encoding), encoding)
    assert re.search("not in 1(–|-)2", shown)
    assert [line for line in shown.splitlines() if cell_len(line) > width] == []
    if encoding == "ascii":
        assert ">= 45.0%" in shown and "..." in shown and "≥" not in shown
    # a file or a pipe is written in UTF-8: the glyph itself
    assert "∉ 1–2" in table(two_years, lang, width)


@pytest.mark.parametrize("room", [30, 42, 60])
def test_an_absolute_place_is_not_broken_after_its_root(room: int) -> None:
    """``/`` over ``work/main/samples/2023/lengshuitan.yaml:37`` (filled from the end, the root was left on a
    line of its own): a place too wide breaks after a folder, never after the root."""
    from zhijiao_check.renderers.table import placed

    locations = [{"file": "/work/main/samples/2023/lengshuitan.yaml", "line": 37}]
    lines = placed(locations, room, Translator("zh")).split("\n")
    assert lines[0] != "/" and lines[0].startswith("/work/")
    assert "".join(lines) == "/work/main/samples/2023/lengshuitan.yaml:37"
    assert max(map(cell_len, lines)) <= room


# A failing item's place (``file:line``) directly after a word or a figure of the text before it
PLACE_GLUED = re.compile(r"\S ?samples/\S+\.yaml:\d")


@pytest.mark.parametrize("encoding", [None, "gbk"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [80, 100])
def test_a_failing_item_s_place_is_a_line_of_its_own(
    two_years: Run, lang: Lang, width: int, encoding: str | None
) -> None:
    # At 80 columns "当年招生 165 ≠ 0 samples/2023/dongan.yaml:125 另 1 处" and "months of practice 3 < 6
    # samples/2023/ningyuan.yaml:52": the place read as part of the explanation ("0 samples")
    text = table(two_years, lang, width, encoding)
    assert misread(text, width) == []
    assert [line for line in text.splitlines() if PLACE_GLUED.search(line)] == []
    lines = [line.strip() for line in text.splitlines()]
    at = next(number for number, line in enumerate(lines) if line.startswith("samples/2023/dongan.yaml:125"))
    assert lines[at - 1].endswith(("≠ 0", "!= 0"))  # under the failing school's explanation
