"""Cells are named one way everywhere (``report.workbook.cells``): a column's letters as Excel writes them,
and a cell on its sheet; a finding in a sheet's bytes names even a cell no sheet has without failing."""

from __future__ import annotations

import pytest

from zhijiao_check.report.workbook.cells import cell_name, letters
from zhijiao_check.report.workbook.sheetparts import _name


def _counted(column: int) -> str:
    """The letters counted by hand, base 26 without a zero: what the roster once did itself."""
    written = ""
    while column:
        column, rest = divmod(column - 1, 26)
        written = chr(ord("A") + rest) + written
    return written


@pytest.mark.parametrize(
    ("column", "expected"), [(1, "A"), (26, "Z"), (27, "AA"), (16_384, "XFD"), (18_278, "ZZZ")]
)
def test_a_column_has_excels_letters(column: int, expected: str) -> None:
    assert letters(column) == expected


def test_every_column_named_is_named_as_counted() -> None:
    assert [letters(column) for column in range(1, 18_279)] == [_counted(c) for c in range(1, 18_279)]


def test_a_cell_is_named_on_its_sheet() -> None:
    assert cell_name("学校", 7, 6) == "学校!F7"


@pytest.mark.parametrize("column", [0, 18_279])
def test_a_column_excel_does_not_name_is_refused(column: int) -> None:
    with pytest.raises(ValueError):
        letters(column)


@pytest.mark.parametrize(("at", "expected"), [((7, 3), "C7"), ((7, 0), "A7"), ((0, 99_999), "ZZZ0")])
def test_a_finding_names_any_cell_held_to_the_named_columns(at: tuple[int, int], expected: str) -> None:
    assert _name(at) == expected
