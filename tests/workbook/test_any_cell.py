"""Whatever a clerk types into whatever cell of a filled workbook (a figure, a header, a field's code, a
school's name, a cell beside the table, a sheet's title), reading it gives a value, never an exception, and
every problem is located at a cell and can be said in both languages."""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from typer.testing import CliRunner

from zhijiao_check.cli import app
from zhijiao_check.i18n import Translator
from zhijiao_check.pack.load import load_packs
from zhijiao_check.report import InvalidReport, ReportFile, load_report

# Short for CI; ``ZHIJIAO_FUZZ_EXAMPLES=2000`` for a long run, as for ``tests/input/test_fuzz.py``.
EXAMPLES = int(os.environ.get("ZHIJIAO_FUZZ_EXAMPLES", "0")) or 40
ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "2023" / "dongan.yaml"
UNITS = load_packs([], None)[0].units
ZH, EN = Translator("zh"), Translator("en")

# What a hand types into a cell, and what Excel makes of it.
typed = st.one_of(
    st.none(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.dates(datetime.date(1900, 3, 1), datetime.date(2100, 1, 1)),
    st.sampled_from(
        ["约1360", "1,360", "１３６０", "无", "-", "N/A", "是", "否", "=1/0", "=A1", "#N/A", "  ", "\n"]
    ),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
)


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("book") / "dongan.xlsx"
    assert CliRunner().invoke(app, ["convert", str(SAMPLE), "-o", str(path)]).exit_code == 0
    return path


# A sheet's title as Excel takes one: no control characters (openpyxl would write them into a book no
# spreadsheet opens).
TITLE_CHARACTERS = st.characters(blacklist_categories=("Cs", "Cc"))


@st.composite
def edits(draw: st.DrawFn) -> list[tuple[int, int, int, Any]]:
    """(sheet, row, column, value): one to four cells, mostly in the tables, some beside them."""
    return draw(
        st.lists(
            st.tuples(st.integers(0, 9), st.integers(1, 40), st.integers(1, 16), typed),
            min_size=1,
            max_size=4,
        )
    )


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=edits(), retitle=st.one_of(st.none(), st.text(TITLE_CHARACTERS, min_size=1, max_size=8)))
def test_any_cell_typed_anything_reads_to_a_located_answer(
    book: Path, tmp_path: Path, changes: list[tuple[int, int, int, Any]], retitle: str | None
) -> None:
    workbook = load_workbook(book)
    sheets = workbook.worksheets
    for sheet, row, column, value in changes:
        cell = sheets[sheet % len(sheets)].cell(row, column)
        if type(cell).__name__ != "MergedCell":
            cell.value = value
    if retitle is not None:
        try:
            sheets[len(changes) % len(sheets)].title = retitle
        except ValueError:  # a title Excel itself would refuse ([]:*?/\, too long)
            pass
    edited = tmp_path / "edited.xlsx"
    workbook.save(edited)
    result = load_report(edited, UNITS, display="edited.xlsx")
    assert isinstance(result, (ReportFile, InvalidReport))
    problems = result.problems if isinstance(result, InvalidReport) else result.warnings
    if isinstance(result, InvalidReport):
        assert any(problem.severity == "error" for problem in problems)
    for problem in problems:
        assert problem.file == "edited.xlsx"
        assert problem.cell or problem.code in WHOLE_BOOK, problem  # a cell, or the book as a whole
        assert problem.message(ZH) and problem.message(EN)  # every parameter its message needs is there


# Problems of the workbook as a whole, which no one cell holds.
WHOLE_BOOK = {
    "no-unit-sheet",
    "too-many-problems",
    "too-many-problems-at-least",
    "written-by-the-tool",
    "workbook-unreadable",
}
