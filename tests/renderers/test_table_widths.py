"""The table view at every terminal width from 40 columns: nothing cut off at the edge, nothing wider than
the terminal.

rich crops a table wider than its console, and a table whose columns may not be narrowed (a report's status,
rule and figures; the matrix's units and glyphs; the trends' years) was: at 80 columns a report's arithmetic
lost characters at the edge of every line, and the matrix dropped its scores and showed headers that did not
line up with its glyphs. Below the width a report's table needs, each rule is a block of lines; a matrix or a
table of trends too wide is cut into several (``layout.panels``).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from trends.multiyear import write_years

from zhijiao_check.engine.results import Run
from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.renderers import RenderOptions, renderer_class
from zhijiao_check.renderers.layout.grid import Column, Grid, natural_width, panels
from zhijiao_check.renderers.layout.text import cell_len

from .conftest import check

WIDTHS = range(40, 161, 3)  # every third width: each a different cut of the same tables
WIDE = 1000  # wide enough that no table is narrowed or cut


def table(run: Run, lang: Lang, width: int) -> str:
    return str(renderer_class("table")(Translator(lang), RenderOptions(color=False, width=width)).render(run))


def characters(text: str, lang: Lang) -> Counter[str]:
    """What the text says, whatever its layout: its characters but spaces and the header's rule, without a
    report table's headers (a block of lines has none)."""
    tr = Translator(lang)
    for key in ("status", "rule", "observed", "explanation"):
        text = text.replace(tr(f"table.col-{key}"), "")
    return Counter(c for c in text if not c.isspace() and c != "─")


@pytest.fixture(scope="module")
def two_years() -> Run:
    return check("samples/2022", "samples/2023")


@pytest.fixture(scope="module")
def five_years(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return check(write_years(tmp_path_factory.mktemp("years")))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("runs", ["two_years", "five_years"])
def test_nothing_is_cut_off_at_any_width(runs: str, lang: Lang, request: pytest.FixtureRequest) -> None:
    run: Run = request.getfixturevalue(runs)
    whole = characters(table(run, lang, WIDE), lang)
    for width in WIDTHS:
        text = table(run, lang, width)
        lost = whole - characters(text, lang)
        assert not lost, f"{width} columns lost {dict(lost)}"
        # a problem's place too: broken after a folder and before its field where the line is too narrow
        wider = [line for line in text.splitlines() if cell_len(line) > width]
        assert not wider, f"{width} columns: {wider[:3]}"


@pytest.mark.parametrize(("lang", "width"), [("zh", 80), ("en", 80), ("en", 90)])
def test_a_report_too_wide_for_its_table_is_a_block_a_rule(two_years: Run, lang: Lang, width: int) -> None:
    text = table(two_years, lang, width)
    tr = Translator(lang)
    first_report = text.split(f"\n{tr('table.summary')}")[0]
    assert tr("table.col-explanation") not in first_report
    lines = text.splitlines()
    first = lines.index(next(line for line in lines if line.startswith("✓ pass c1.vocational-share")))
    # The status and ID, then the title, the figures and the arithmetic, each whole on a line of its own.
    assert lines[first + 1].strip() == (
        "职普比不低于4.5:5.5"
        if lang == "zh"
        else ("Vocational share of upper-secondary enrollment at least 4.5:5.5")
    )
    assert lines[first + 2].strip() == "48.0% / ≥ 45.0%"
    assert lines[first + 3].strip() == "1170 / (1170 + 1270) = 48.0% ≥ 45.0%"


def test_a_report_keeps_its_table_where_the_arithmetic_has_room(two_years: Run) -> None:
    text = table(two_years, "zh", 100)
    assert "状态               规则                              实际/目标   计算与说明" in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_rule_id_is_whole_on_its_line(two_years: Run, lang: Lang) -> None:
    """A waiver names a rule by its ID: one folded over two lines of the table cannot be copied whole."""
    first_report = table(two_years, lang, 100).split(f"\n{Translator(lang)('table.summary')}")[0]
    words = {word for line in first_report.splitlines() for word in line.split()}
    ids = {result.rule.id for result in two_years.reports[0].results}
    assert "c7.school-internship-management" in ids
    assert ids <= words


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_matrix_too_wide_is_cut_into_even_tables_each_with_the_units(two_years: Run, lang: Lang) -> None:
    text = table(two_years, lang, 60)
    if lang == "en":
        assert " ".join(text.split()).count("rule by rule (rules") == 6  # titles folded at 60 columns
        return
    shown = [line.strip() for line in text.splitlines() if "（规则 " in line]
    assert shown == [
        f"{year} 年 · 单位得分排名与达标矩阵（规则 {span}）"
        for year in (2022, 2023)
        for span in ("1–7", "8–14", "15–20")
    ]
    # Each table of a year ranks the units with their scores.
    assert text.count("13  宁远县               93.8") == 3


def grid(count: int) -> Grid:
    """A matrix's shape: a unit and a score, then ``count`` columns of glyphs."""
    columns = [Column("单位", no_wrap=True), Column("得分", no_wrap=True, justify="right")]
    columns += [Column(str(n), no_wrap=True, justify="center") for n in range(1, count + 1)]
    rows = [["冷水滩区", "100.0", *(["✓"] * count)], ["江华瑶族自治县", "94.1", *(["✗"] * count)]]
    return Grid(columns, rows, collapse_padding=True)


@pytest.mark.parametrize("width", [30, 40, 60, 80, 100])
@pytest.mark.parametrize("count", [1, 5, 20, 45])
def test_panels_hold_every_column_once_in_order_beside_the_keys(width: int, count: int) -> None:
    whole = grid(count)
    cut = panels(whole, width, 2)
    held = [index for span, _ in cut for index in span]
    assert held == list(range(count))
    for span, panel in cut:
        assert [c.header for c in panel.columns] == ["单位", "得分", *(str(n + 1) for n in span)]
        assert [row[:2] for row in panel.rows] == [row[:2] for row in whole.rows]
        assert natural_width(panel) <= width or len(span) == 1
    sizes = [len(span) for span, _ in cut]
    assert max(sizes) - min(sizes) <= 1 or len(cut) == 1 or sizes[-1] < sizes[0]


def test_a_table_that_fits_is_not_cut() -> None:
    whole = grid(5)
    assert panels(whole, natural_width(whole), 2) == [(range(5), whole)]
    assert len(panels(whole, natural_width(whole) - 1, 2)) == 2


@pytest.mark.parametrize("collapse", [False, True])
def test_a_panel_is_as_wide_as_the_table_of_its_columns(collapse: bool) -> None:
    """``panels`` measures a panel from its columns' widest lines (each column once, not each panel's cells
    again): the same panels as each candidate panel laid out and measured, whatever its columns' limits
    (fixed, least and most widths, wrapped or not) and padding."""
    from zhijiao_check.renderers.layout.grid import _panel

    columns = [
        Column("单位", no_wrap=True),
        Column("得分", justify="right", min_width=6),
        *(
            Column(
                f"规则{n}",
                no_wrap=n % 2 == 0,
                width=9 if n % 5 == 0 else None,
                max_width=7 if n % 3 else None,
            )
            for n in range(1, 13)
        ),
    ]
    row = ("冷水滩区", "82.4", *("✓ 达标" if n % 4 else "✗ 未达标很长的说明" for n in range(12)))
    whole = Grid(columns, [row] * 3, collapse_padding=collapse)
    for width in range(10, natural_width(whole) + 2):
        cut = panels(whole, width, 2)
        # the panels as before: each candidate laid out as a table of its own and measured
        greedy: list[range] = []
        start = 0
        while start < 12:
            end = start + 1
            while end < 12 and natural_width(_panel(whole, 2, start, end + 1)) <= width:
                end += 1
            greedy.append(range(start, end))
            start = end
        size = -(-12 // len(greedy))
        even = [range(start, min(start + size, 12)) for start in range(0, 12, size)]
        if len(even) == len(greedy) and all(
            natural_width(_panel(whole, 2, r.start, r.stop)) <= width for r in even
        ):
            greedy = even
        assert [span for span, _ in cut] == (greedy if len(cut) > 1 else [range(12)]), width


def test_the_rule_list_on_a_narrow_terminal_is_a_block_a_rule(tmp_path: Path) -> None:
    from hostile.helpers import environment, run_on_terminal

    done = run_on_terminal("rules", "--lang", "en", env=environment(COLUMNS="80"))
    assert done.code == 0
    lines = done.out.decode("utf-8").splitlines()
    at = lines.index(next(line for line in lines if line.startswith("c1.vocational-share · clause 1")))
    assert lines[at].rstrip() == "c1.vocational-share · clause 1 · unit (counties) · every year from 2022"
    assert lines[at + 1].strip() == "Vocational share of upper-secondary enrollment at least 4.5:5.5"
    assert max(cell_len(line.rstrip()) for line in lines) <= 80
    wide = run_on_terminal("rules", "--lang", "en", env=environment(COLUMNS="150"))
    assert re.search(r"^rule +clause +scope +time +title", wide.out.decode("utf-8"), re.MULTILINE)


def test_the_rule_list_is_a_table_where_two_lines_hold_most_titles() -> None:
    """At 120 columns a Chinese title fits a line or two of its column beside a scope that names the kinds
    of unit it is narrowed to (单位（县市区、市本级）); at 100 the scope leaves it too little, and an English
    title, twice as wide, would take four lines: each rule is listed as a block until the terminal is
    wider."""
    from hostile.helpers import environment, run_on_terminal

    zh = run_on_terminal("rules", env=environment(COLUMNS="120")).out.decode("utf-8")
    en = run_on_terminal("rules", "--lang", "en", env=environment(COLUMNS="100")).out.decode("utf-8")
    assert "条   范围" in zh and "c1.vocational-share               1    单位（县市区）" in zh
    assert "c1.vocational-share · clause 1 · unit (counties) · every year from 2022" in en
    assert "clause   scope" not in en


def test_coverage_on_a_narrow_terminal_folds_the_clause_titles() -> None:
    from hostile.helpers import environment, run_on_terminal

    done = run_on_terminal("coverage", env=environment(COLUMNS="40"))
    assert done.code == 0
    text = done.out.decode("utf-8")
    assert "…" not in text  # a title was cut short with an ellipsis
    assert "夯实中等" in text and "职业教育" in "".join(text.split())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_coverage_shows_every_rule_s_id_whole_at_every_width(lang: Lang) -> None:
    """At 56 to 70 columns the rules column was narrower than the longest IDs, and ``c1.general-plan-free``
    stood over ``ze``: where the column cannot hold every ID, each clause is a block of lines."""
    import json

    from typer.testing import CliRunner

    from zhijiao_check.cli import app

    listed = json.loads(CliRunner().invoke(app, ["coverage", "--format", "json"]).stdout)
    ids = {rule for clause in listed["clauses"] for rule in clause["rules"]}
    assert len(ids) >= 40
    for width in WIDTHS:
        text = CliRunner().invoke(app, ["coverage", "--lang", lang], env={"COLUMNS": str(width)}).stdout
        shown = set(re.findall(r"c[0-9]+\.[a-z0-9-]+", text))
        assert ids <= shown, f"{width} columns: {sorted(ids - shown)}"
        assert max(map(cell_len, text.splitlines())) <= width


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rules_in_blocks_break_between_facts_never_inside_one(lang: Lang) -> None:
    """At 40 columns ``rules`` is a block a rule; its line of facts was wrapped at any space, ``due`` over
    ``2023``."""
    from typer.testing import CliRunner

    from zhijiao_check.cli import app

    for width in (30, 40, 50):
        text = CliRunner().invoke(app, ["rules", "--lang", lang], env={"COLUMNS": str(width)}).stdout
        lines = text.splitlines()
        assert max(map(cell_len, lines)) <= width
        assert not [line for line in lines if line.rstrip().endswith(("due", "·", "from"))]
        if lang == "en" and width == 40:
            at = lines.index("c1.public-seats · clause 1 · city")
            assert lines[at + 1] == "    due 2023"


# A place's file name and line as the table shows it: the name (no folder) up to the line's last digit.
NAME_AND_LINE = re.compile(r"[^\s/]+\.yaml:[0-9]+(?![0-9])")
# The count of a place's others cut at a line's end (its last column): 另 over 1 处, :13 and 1 over more.
COUNT_CUT = re.compile(r"\.yaml:[0-9]+ (另|and)( [0-9]+)?$")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_place_is_broken_between_folders_never_inside_its_file_name_or_line(
    two_years: Run, lang: Lang
) -> None:
    """Folded at the column's edge, ``samples/2023/ningyuan.yaml:127`` read ``…ningyuan.yaml:12`` over ``7``:
    a reader went to line 12. A place wider than its column is broken after a folder, so that the file's
    name and its line stay whole on one line, at every width."""
    whole = Counter(NAME_AND_LINE.findall(table(two_years, lang, WIDE)))
    assert whole["ningyuan.yaml:127"] and whole["lengshuitan.yaml:13"]
    for width in WIDTHS:
        text = table(two_years, lang, width)
        shown = Counter(NAME_AND_LINE.findall(text))
        assert shown == whole, f"{width} columns: {dict((whole - shown) + (shown - whole))}"
        cut = [line for line in text.splitlines() if COUNT_CUT.search(line.rstrip())]
        assert not cut, f"{width} columns: {cut[:3]}"


@pytest.mark.parametrize(
    ("place", "room", "lines"),
    [
        ("samples/2023/ningyuan.yaml:127", 40, ["samples/2023/ningyuan.yaml:127"]),
        ("samples/2023/ningyuan.yaml:127", 29, ["samples/", "2023/ningyuan.yaml:127"]),
        ("samples/2023/ningyuan.yaml:127", 12, ["samples/", "2023/", "ningyuan.yaml", ":127"]),
        ("D:\\报表\\2024\\冷水滩区.yaml:12", 20, ["D:\\报表\\2024\\", "冷水滩区.yaml:12"]),
        (
            "2024/dongan.xlsx:本单位!C11（公办中职学位数）",
            30,
            ["2024/dongan.xlsx", ":本单位!C11（公办中职学位数）"],
        ),
    ],
)
def test_a_place_wider_than_its_room_is_filled_from_its_end(place: str, room: int, lines: list[str]) -> None:
    from zhijiao_check.renderers.table import placed

    located = [{"file": place.rpartition(":")[0], "line": place.rpartition(":")[2]}]
    assert placed(located, room, Translator("zh")) == "\n".join(lines)
    # a path may hold a space: it is the place, the count follows it
    spaced = [{"file": "D:/县市区 报表/2024/冷水滩区.yaml", "line": 12}] * 2
    # how many other places there are, in words ("+2" read as a line two further on), whole: after the
    # place where it fits, else on a line of its own (not 另 over 2 处)
    three = [{"file": "a.yaml", "line": 1}] * 3
    assert placed(three, 16, Translator("zh")) == "a.yaml:1 另 2 处"
    assert placed(three, 10, Translator("zh")) == "a.yaml:1\n另 2 处"
    assert placed(three, 10, Translator("en")) == "a.yaml:1\nand 2 more"
    assert placed(spaced, 20, Translator("zh")) == "D:/县市区 报表/2024/\n冷水滩区.yaml:12\n另 1 处"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_place_in_chinese_folders_is_whole_too(tmp_path: Path, lang: Lang) -> None:
    """On Chinese Windows a report's folders and name are Chinese: Chinese text elsewhere in a line breaks
    between characters, a place only after a folder (a name wider than the column itself is folded, as any
    word is: at the narrowest table, 26 cells, a name of eleven characters)."""
    folder = tmp_path / "县市区报表" / "2023年职业教育统计"
    folder.mkdir(parents=True)
    text = (Path(__file__).parents[2] / "samples" / "2023" / "ningyuan.yaml").read_text(encoding="utf-8")
    (folder / "宁远县统计报表.yaml").write_text(text, encoding="utf-8")
    run = check(folder)
    whole = Counter(NAME_AND_LINE.findall(table(run, lang, WIDE)))
    assert whole["宁远县统计报表.yaml:44"]
    for width in WIDTHS:
        shown = Counter(NAME_AND_LINE.findall(table(run, lang, width)))
        assert shown == whole, f"{width} columns: {dict((whole - shown) + (shown - whole))}"


@pytest.mark.parametrize(
    "place",
    [
        "/tmp/p1k/reports/2022/00000/lingling.yaml:13",
        "/tmp/p1k/reports/2022/00001/lingling.yaml:13",  # the same folders, another file: its own parts
        "samples/2023/ningyuan.yaml:127",
        "C:\\reports\\2024\\dongan.yaml:7",
        "reports/:12",  # a folder's end before the line
        "/:3",
        "a.yaml:",
        "a.yaml:x/y",
        ":13",
        "dongan.xlsx:Sheet1!C11",
        "D:\\报表\\2024\\冷水滩区.yaml:12",
    ],
)
def test_a_place_is_filled_the_same_however_its_cells_are_counted(place: str) -> None:
    """A place of printable ASCII is measured by its length and its file's parts are found once a file
    (``_place_lines``): the same lines as each line's cells counted anew, at every room."""
    from zhijiao_check.renderers.table import _cell_place_lines, _place_lines

    for room in range(len(place) + 3):
        assert _place_lines(place, room) == _cell_place_lines(place, room), room
