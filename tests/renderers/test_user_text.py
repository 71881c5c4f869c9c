"""A user's own text in a message on a terminal whose glyphs the tool replaces (``renderers.fallbacks``): a
GBK console draws ``√`` two cells wide, so the tool writes its own ``√`` as ``+``; a cell holding ``√`` was
quoted as ``"+"``, another character than the one typed. The user's text is shown as typed where the
encoding has it, escaped where it lacks it (``\\u2713``), never replaced; the tool's glyphs still are."""

from __future__ import annotations

import io

from zhijiao_check.characters import marking_user_text
from zhijiao_check.glyphs import encodable
from zhijiao_check.i18n import Translator
from zhijiao_check.problems import Problem
from zhijiao_check.renderers.fallbacks import as_shown, shown
from zhijiao_check.report.scalars import as_found


def _on_gbk(text: str) -> str:
    """``text`` laid out as the table view lays it out and written to a GBK stream as ``output`` writes it
    to a terminal: what the console receives."""
    stream = io.TextIOWrapper(io.BytesIO(), encoding="gbk", errors="strict")
    stream.write(encodable(shown(text, as_shown("gbk")), "gbk"))
    stream.flush()
    return stream.buffer.getvalue().decode("gbk")  # type: ignore[attr-defined]


def _message(found: str, marked: bool = True) -> str:
    problem = Problem(
        "r.yaml", 3, 5, "schools[0].in_1x_pilot", "bool-spelling", {"found": as_found(found), "write": "true"}
    )
    if not marked:
        return problem.message(Translator("zh"))
    with marking_user_text():
        return problem.message(Translator("zh"))


def test_a_glyph_the_encoding_has_is_shown_as_typed() -> None:
    assert _on_gbk(_message("√")) == '是/否字段只能写 true 或 false："√"，请写 true'
    assert _on_gbk(_message("×")) == '是/否字段只能写 true 或 false："×"，请写 true'


def test_a_glyph_the_encoding_lacks_is_escaped_not_replaced() -> None:
    assert _on_gbk(_message("✓")) == '是/否字段只能写 true 或 false："\\u2713"，请写 true'


def test_the_tools_own_glyphs_are_still_replaced() -> None:
    assert _on_gbk(f"{_message('√')} ≥ 45% ✓") == '是/否字段只能写 true 或 false："√"，请写 true >= 45% +'


def test_no_mark_is_left_in_a_message_rendered_for_a_file() -> None:
    text = _message("√", marked=False)
    assert text == "是/否字段只能写 true 或 false：“√”，请写 true"
    assert text.isprintable()


def test_a_users_glyph_counts_the_cells_the_console_draws() -> None:
    """Laid out, ``√`` kept as typed takes the two cells a GBK console draws it in."""
    from zhijiao_check.renderers.layout.text import cell_len

    laid = shown(_message("√"), as_shown("gbk"))
    written = _on_gbk(_message("√"))
    assert cell_len(written) == cell_len(written.replace("√", "")) + 1  # one cell to the layout's measure
    assert cell_len(laid) == cell_len(written) + 1  # two as laid out


def _halves(lines: list[str]) -> list[str]:
    """The lines of ``lines`` that hold a stand-in without its filler, or a filler without its stand-in."""
    from zhijiao_check.glyphs import encodable

    return [
        line
        for line in lines
        if "\\U000" in encodable(line, "gbk").encode("gbk", "backslashreplace").decode("gbk")
    ]


def test_no_layout_parts_a_users_glyph_from_its_filler() -> None:
    """A user's ``√`` kept as typed is a stand-in and a filler until written (``glyphs.kept_as_typed``): a
    line folded between the two had each half written escaped (``\\U000f221a`` over ``\\U000ffffd``). The
    glyph broken at every column of a line, by every layout of the terminal views: the Chinese line breaker
    (``validate``, standard error, ``diff``), the plain console's wrapping and folding, rich's folding."""
    import io

    from rich.console import Console

    from zhijiao_check.renderers.layout.chinese import broken_line
    from zhijiao_check.renderers.layout.text import crop, wrap

    tick = shown("\ufdd0√\ufdd1", as_shown("gbk"))
    assert tick != "√" and _halves([tick]) == []
    for before in range(44):
        for lead, after in (("", "b" * 30), ("", "实训基地" * 8), ("报表", "b" * 30), ("报表 ", "实")):
            line = lead + "a" * before + tick + after
            for lang in ("zh", "en"):
                assert _halves(broken_line(line, 40, 2, lang)) == [], (before, lang)
            assert _halves(wrap(line, 40)) == [], before
            assert _halves([crop(line, 40)]) == [], before
            buffer = io.StringIO()
            Console(file=buffer, width=40, no_color=True, legacy_windows=False).print(line, overflow="fold")
            assert _halves(buffer.getvalue().splitlines()) == [], before


def test_a_users_own_character_like_a_stand_in_is_left_for_the_writer() -> None:
    """Only a stand-in of a glyph the tool replaces, with its filler, is read back as that glyph: a user's
    own character of the plane, with or without a filler after it, is written as it is (the writer escapes
    it where the encoding lacks it)."""
    from zhijiao_check.glyphs import encodable, kept_as_typed

    assert encodable(kept_as_typed("√"), "gbk") == "√"  # a stand-in made in this process
    for own in ("\U00030000\U000e0fff", "\U0003221a", "\U000f221a\U000ffffd"):
        assert encodable(own, "gbk") == own
