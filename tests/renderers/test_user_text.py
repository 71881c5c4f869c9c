"""A user's own text in a message on a terminal whose glyphs the tool replaces (``renderers.fallbacks``): a
GBK console draws ``√`` two cells wide, so the tool writes its own ``√`` as ``+``; a cell holding ``√`` was
quoted as ``"+"``, another character than the one typed. The user's text is shown as typed where the
encoding has it, escaped where it lacks it (``\\u2713``), never replaced; the tool's glyphs still are."""

from __future__ import annotations

import io

from zhijiao_check.characters import marking_user_text
from zhijiao_check.i18n import Translator
from zhijiao_check.problems import Problem
from zhijiao_check.renderers.fallbacks import as_shown, shown
from zhijiao_check.report.scalars import as_found
from zhijiao_check.status import encodable


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
