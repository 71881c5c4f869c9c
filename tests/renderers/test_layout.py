"""The plain layout (``renderers/layout/``) against rich itself: the same text for generated tables, lines
and indented blocks, in Chinese and English, wide and narrow, folded, cropped and cut short with an ellipsis.

Without colour the table view is laid out by ``PlainConsole``; with colour rich draws it. The goldens hold the
text of the bundled samples; these hold every layout rule the two could differ in, on inputs no sample has.
"""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rich.markup import escape
from rich.text import Text

from zhijiao_check.engine.results import Run
from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.renderers import RenderOptions, renderer_class
from zhijiao_check.renderers.layout.columns import Columns
from zhijiao_check.renderers.layout.consoles import Indent, PlainConsole, RichConsole
from zhijiao_check.renderers.layout.grid import Column, Grid
from zhijiao_check.renderers.layout.text import STRIP_CONTROL_CODES, plain
from zhijiao_check.renderers.layout.text import escape as escaped

from .conftest import check

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ASCII words and punctuation, CJK (two cells each), full-width punctuation, the status glyphs, an ideographic
# space, a combining accent, an emoji and the joiner and selector that widen or join it, markup's own
# brackets and backslashes, tabs and line breaks, and the control codes rich drops from a text (a bell, a
# carriage return).
ALPHABET = (
    "abcXYZ019 .,:/%=+-_()"
    + "中文职业教育规则学校专业"
    + "，。：（）、“”"
    + "✓✗–—…≥·"
    + "\u3000é\u0301"
    + "👍\u200d\ufe0f"
    + "[]\\"
    + "\t\n"
    + "\a\r"
)
texts = st.text(alphabet=ALPHABET, max_size=60)
styles = st.sampled_from([None, "dim", "bold", "green", "bold red"])


@st.composite
def markup(draw: st.DrawFn) -> str:
    """Console markup as the table view writes it: escaped text, some of it in tags."""
    pieces = draw(st.lists(st.tuples(texts, styles), max_size=4))
    merged: list[
        tuple[str, str | None]
    ] = []  # text beside text is one text: escaped apart, two could make a tag
    for text, style in pieces:
        if merged and style is None and merged[-1][1] is None:
            text = merged.pop()[0] + text
        elif merged and style is not None and merged[-1][1] is None and merged[-1][0].endswith("\\"):
            # Rich's escape doubles only a last lone backslash: three or more before a tag escape the tag,
            # and rich refuses the markup. The view puts no text ending in a backslash straight before a tag
            # (a word, a colon or a space ends it there), so neither does this; hypothesis drew one once.
            merged[-1] = (merged[-1][0] + " ", None)
        merged.append((text, style))
    return "".join(f"[{style}]{escape(text)}[/{style}]" if style else escape(text) for text, style in merged)


@st.composite
def columns(draw: st.DrawFn) -> Column:
    low = draw(st.none() | st.integers(min_value=0, max_value=30))
    return Column(
        draw(markup()),
        justify=draw(st.sampled_from(["left", "center", "right"])),
        no_wrap=draw(st.booleans()),
        overflow=draw(st.sampled_from(["fold", "crop", "ellipsis"])),
        min_width=low,
        max_width=draw(st.none() | st.integers(min_value=low or 1, max_value=40)),
        width=draw(st.none() | st.integers(min_value=1, max_value=40)),
    )


@st.composite
def grids(draw: st.DrawFn) -> Grid:
    chosen = draw(st.lists(columns(), min_size=1, max_size=6))
    rows = draw(st.lists(st.lists(markup(), min_size=len(chosen), max_size=len(chosen)), max_size=5))
    return Grid(
        chosen,
        rows,
        title=draw(st.none() | markup()),
        title_justify=draw(st.sampled_from(["left", "center", "right"])),
        collapse_padding=draw(st.booleans()),
    )


def both(width: int, *things: object, **options: object) -> tuple[str, str]:
    """What ``PlainConsole`` and rich (no colour) write for the same prints."""
    outputs = []
    for make in (PlainConsole, lambda buffer, width: RichConsole(buffer, width, color=False)):
        buffer = io.StringIO()
        console = make(buffer, width)
        for thing in things:
            console.print(thing, **options)  # type: ignore[arg-type]
        outputs.append(buffer.getvalue())
    return outputs[0], outputs[1]


@SETTINGS
@given(grid=grids(), width=st.integers(min_value=20, max_value=140))
@example(grid=Grid([Column(""), Column("")]), width=20)  # headers with no room: still a line of blanks
@example(
    grid=Grid([Column("", min_width=20)], title="\u200d[dim]0[/dim]"), width=20
)  # a joiner, then a style
def test_a_table_is_laid_out_as_rich_lays_it_out(grid: Grid, width: int) -> None:
    ours, rich = both(width, grid)
    assert ours == rich


# The key of a matrix's numbered rules, as the table view writes it.
rule_keys = st.builds(
    lambda number, rule: f"[dim]{number:>2} {rule}[/dim]",
    st.integers(min_value=1, max_value=45),
    st.from_regex(r"c1?[0-9]\.[a-z]{1,12}(-[a-z]{1,12}){0,3}", fullmatch=True),
)


@SETTINGS
@given(
    items=st.lists(rule_keys | markup(), min_size=1, max_size=45),
    width=st.integers(min_value=1, max_value=140),
)
@example(
    items=[f"[dim]{n:>2} c{n}.rule-number-{n}[/dim]" for n in range(1, 41)], width=100
)  # the samples' key
@example(items=["[dim] 1 c1.vocational-share[/dim]", "[dim] 2 c2.x[/dim]"], width=10)  # wider than the width
@example(items=["ab", "c", "de", "f", "g"], width=7)  # fewer columns than fit the first row
def test_columns_are_laid_out_as_rich_lays_them_out(items: list[str], width: int) -> None:
    ours, rich = both(width, Columns(tuple(items)))
    assert ours == rich


@SETTINGS
@given(text=texts | st.text(alphabet="ab/#@[]\\ ", max_size=30))
@example(text="a\\")  # a last lone backslash
@example(text="\\[dim]x\\\\[bold]y[/bold]\\")
def test_text_is_escaped_as_rich_escapes_it(text: str) -> None:
    assert escaped(text) == escape(text)


@SETTINGS
@given(
    text=markup(),
    width=st.integers(min_value=1, max_value=120),
    overflow=st.sampled_from(["fold", "crop", "ellipsis"]),
    soft_wrap=st.booleans(),
)
@example(text="  leading spaces and a verylongwordthatmustfold  ", width=8, overflow="fold", soft_wrap=False)
@example(text="职业教育" * 9, width=7, overflow="fold", soft_wrap=False)
@example(text="\u3000（0\u200d\u200d、", width=1, overflow="fold", soft_wrap=False)  # rich 15.0 divided by 0
def test_a_line_wraps_as_rich_wraps_it(text: str, width: int, overflow: str, soft_wrap: bool) -> None:
    ours, rich = both(width, text, overflow=overflow, soft_wrap=soft_wrap)
    assert ours == rich


@SETTINGS
@given(
    text=markup(), left=st.integers(min_value=0, max_value=8), width=st.integers(min_value=10, max_value=120)
)
# an emoji's variation selector, which rich draws: the plain console once broke it twice, rich once
@example(text="00\ufe0f\u3000\u226500\u3000\u22650", left=0, width=10)
def test_an_indented_block_is_laid_out_as_rich_pads_it(text: str, left: int, width: int) -> None:
    ours, rich = both(width, Indent(text, left))
    assert ours == rich


@SETTINGS
@given(text=markup())
@example(text="\\[")  # an escaped bracket that opens no tag
@example(
    text="a\\\\[dim]b[/dim]\\[bold]c\\"
)  # a literal backslash before a tag, an escaped tag, a last backslash
def test_markup_reads_as_rich_reads_it(text: str) -> None:
    assert plain(text) == Text.from_markup(text, emoji=False).plain


def test_the_control_codes_dropped_are_those_rich_drops() -> None:
    """``layout`` names them rather than import ``rich.control``, which loads rich's styles and colours."""
    from rich.control import STRIP_CONTROL_CODES as RICH_S

    assert STRIP_CONTROL_CODES == tuple(RICH_S)
    every = "".join(map(chr, range(32)))
    assert plain(every) == Text.from_markup(every, emoji=False).plain


@pytest.mark.parametrize("width", [60, 80, 100, 132])
def test_the_report_table_of_a_sample_is_rich_s(width: int) -> None:
    """The four columns the table view draws for a report, with its texts: status, rule, observed, why."""
    grid = Grid(
        [
            Column("状态", no_wrap=True),
            Column("规则", overflow="fold", min_width=27, max_width=27),
            Column("实际/目标", justify="right", no_wrap=True),
            Column("计算与说明", overflow="fold"),
        ],
        [
            [
                "[green]✓ pass[/green]",
                "c7.unit-internship-management\n[dim]建立市、县两级实习实训管理机制[/dim]",
                "是\n[dim]= 是[/dim]",
                "实习实训管理机制：是 [dim]/tmp/reports/2022/00000/lingling.yaml:24[/dim]",
            ],
            [
                "[red]✗ fail[/red]",
                "c1.vocational-share\n[dim]职普比不低于4.5:5.5[/dim]",
                "38.2%\n[dim]≥ 45.0%[/dim]",
                "",
            ],
        ],
    )
    ours, rich = both(width, grid)
    assert ours == rich
    assert "c7.unit-internship-manage" in ours  # the rule ID folded at the column's 27 cells


ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def two_years() -> Run:
    return check("samples/2022", "samples/2023", "examples/failing/daoxian-2023-majors.yaml")


@pytest.mark.parametrize(("lang", "width"), [("zh", 50), ("en", 60), ("zh", 100)])
def test_the_table_view_in_colour_has_the_text_it_has_without(two_years: Run, lang: Lang, width: int) -> None:
    """Colour is drawn by rich, plain text by the layout: the same text, only the colour codes apart, for
    samples of two years with every status, notices, the matrices and the trends, wide and narrow (at 50 and
    60 columns each rule is a block of lines, and the matrices are cut into several tables)."""
    run = two_years

    def table(color: bool) -> str:
        options = RenderOptions(color=color, width=width)
        return str(renderer_class("table")(Translator(lang), options).render(run))

    coloured, plain_text = table(True), table(False)
    assert ANSI.search(coloured)
    assert not ANSI.search(plain_text)
    assert ANSI.sub("", coloured) == plain_text


@pytest.mark.parametrize(
    "console", [PlainConsole, lambda buffer, width: RichConsole(buffer, width, color=False)]
)
def test_a_line_rich_cannot_cut_for_its_joiners_is_drawn_without_them(console) -> None:
    """rich 15.0 divides by zero cutting ``\\u200d\\u200d、`` (a grapheme a joiner starts, 0 cells to it) at a
    width of 1: the tool stopped with a traceback; the line is drawn without its joiners. Chinese is no longer
    broken before a joiner (it stays with the character before it), so only text whose own line starts with
    one still comes to that."""
    buffer = io.StringIO()
    console(buffer, 1).print("\u3000（0\n\u200d\u200d、", overflow="fold")
    assert "\u200d" not in buffer.getvalue() and "0" in buffer.getvalue()
    buffer = io.StringIO()
    console(buffer, 1).print("\u3000（0\u200d\u200d、", overflow="fold")
    assert "0\u200d\u200d" in buffer.getvalue()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_line_printed_again_is_laid_out_for_its_own_width_and_language(lang: Lang) -> None:
    """The plain console keeps what it wrote of a line or an ``Indent`` (a verdict recurs in every unit's
    trends): printed again at another width, in another language, with another overflow or indent, it is laid
    out afresh, as rich lays it out; a line rich draws (its joiners) is written again each time it is
    printed."""
    line = "c2.school-standards：2022 年按期达标（2/2 所），2023 年保持，职业院校办学条件全部达到设置标准"
    prints: list[tuple[object, dict[str, object]]] = [
        (line, {}),
        (line, {"overflow": "crop"}),
        (Indent(line, 2), {}),
        (Indent(line, 4), {}),
        (line, {"soft_wrap": True}),
        ("👍\u200d👍 " + line, {}),
    ]
    for width in (100, 30, 100, 12, 30):
        buffer = io.StringIO()
        console = PlainConsole(buffer, width, lang)
        expected = []
        for thing, options in prints * 2:
            console.print(thing, **options)  # type: ignore[arg-type]
            fresh = io.StringIO()
            RichConsole(fresh, width, color=False, lang=lang).print(thing, **options)  # type: ignore[arg-type]
            expected.append(fresh.getvalue())
        assert buffer.getvalue() == "".join(expected)
