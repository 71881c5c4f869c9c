"""How many lines a workbook's cell takes (its row's height): the text measured as a spreadsheet wraps it."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from zhijiao_check.characters import display_width
from zhijiao_check.renderers.xlsx import _lines


def _by_pieces(text: str, width: int) -> int:
    """The rule spelt out with the pieces made: each line cut after each wide (Chinese) character, hyphen or
    full stop; a piece goes on the line if it fits a character short of the width, else on the next; one
    wider than that is broken within it."""
    room, lines = width - 1, 0
    for line in text.split("\n"):
        pieces = [piece for piece in re.split(r"(?<=[-.])|(?<=[\u2e80-\uffef])", line) if piece]
        lines, used = lines + 1, 0
        for piece in pieces:
            size = display_width(piece)
            if used and used + size > room:
                lines, used = lines + 1, 0
            while size > room:
                lines, size = lines + 1, size - room
            used += size
    return lines


def test_a_chinese_explanation_wraps_between_its_characters() -> None:
    assert _lines("职普比不低于4.5:5.5", 9) == 3
    assert _lines("c7.school-internship-management", 12) == 3  # c7.school- · internship- · management
    assert _lines("short", 40) == 1 and _lines("two\nlines", 40) == 2


@given(
    text=st.text(alphabet="ab -.c中文测试é\u0301\n12：", max_size=80),
    width=st.integers(min_value=2, max_value=40),
)
def test_the_lines_are_those_of_the_pieces(text: str, width: int) -> None:
    assert _lines(text, width) == _by_pieces(text, width)


@given(
    text=st.text(alphabet="/ap:-.0 \t\n中", max_size=120),
    width=st.integers(min_value=2, max_value=40),
)
def test_a_place_s_path_is_measured_as_its_pieces(text: str, width: int) -> None:
    # a line of one-wide characters (a file's path and line) is cut by a pattern, not character by character
    assert _lines(text, width) == _by_pieces(text, width)


def test_a_path_breaks_after_its_full_stops_and_hyphens() -> None:
    assert _lines("/tmp/reports/2022/jingkaiqu.yaml:49", 20) == 2  # /tmp/reports/2022/jingkaiqu. · yaml:49
    assert _lines("/tmp/a-very-long-folder-name/x.yaml:1", 12) == 5  # folder-name/x. wider than 11: cut
    assert _lines("/tmp/abcdefghijklmnopqrstuvwxyz", 11) == 4  # no place to break: cut every 10
