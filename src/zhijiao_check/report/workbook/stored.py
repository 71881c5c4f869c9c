"""A number cell's stored value read as Excel reads it, not as Python does.

openpyxl turns a number cell's ``<v>`` into a number with Python's ``int`` or ``float``, which fail on
what no spreadsheet writes (``NaN``, ``inf``, ``0x1``: the whole workbook refused with Python's words and no
cell) and accept what Excel does not (``1_000``, `` 12``, ``١٢`` in Arabic-Indic digits: read without a
word). While a workbook is read (``grids``), its number cells are read here instead: a value written as Excel
writes a number is read as before, and any other comes back as ``NotANumber``, its text kept, for the field
reading that cell to say at it what was found and what to write (``cellreader``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Self

from zhijiao_check.located import TinyNumber, too_small
from zhijiao_check.patterns import later

# A number as a spreadsheet stores it: ASCII digits, a sign, a decimal point, an exponent (``-1.5E-7``).
_NUMBER = later(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")

# Python refuses to read an int of more digits (ValueError, in English): a longer one is read as a float,
# infinite (far beyond any cell's 1.8e308 either way, and said at the cell as too large).
_DIGITS = 4_300


class NotANumber(float):
    """A number cell's stored text that is no number: a NaN to openpyxl (which may still compare it with a
    date's bounds, and then reads the cell as an error), its ``text`` to the reader."""

    text: str

    def __new__(cls, text: str) -> Self:
        made = super().__new__(cls, "nan")
        made.text = text
        return made


def stored_number(text: str) -> int | float:
    """A number cell's ``<v>`` as Excel reads it: an int or a float as openpyxl made them, a ``TinyNumber``
    for one not 0 too small for any float, or ``NotANumber``."""
    if _NUMBER.fullmatch(text) is None:
        return NotANumber(text)
    if "." in text or "e" in text or "E" in text or len(text) > _DIGITS:
        number = float(text)
        # ``1e-400``: not 0, though read as 0.0 (and then taken as 0 without a word); refused at its field
        # as YAML's and JSON's are (``report.scalars``: ``number-too-small``)
        return TinyNumber(text) if too_small(text, number) else number
    return int(text)


@contextmanager
def strict_numbers() -> Iterator[None]:
    """openpyxl's reading of number cells replaced by ``stored_number`` while a workbook is read. The tool
    reads its workbooks one at a time in each process (``processes`` runs processes, not threads)."""
    from openpyxl.worksheet import _reader

    original = getattr(_reader, "_cast_number", None)  # openpyxl's private name, untyped
    if original is None:  # an openpyxl that reads numbers elsewhere: read as it reads them, never a crash
        yield
        return
    setattr(_reader, "_cast_number", stored_number)  # noqa: B010
    try:
        yield
    finally:
        setattr(_reader, "_cast_number", original)  # noqa: B010


__all__ = ["NotANumber", "stored_number", "strict_numbers"]
