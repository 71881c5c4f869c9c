"""Reading input files (reports, rosters, rule files): bytes to text, text to plain data with the position of
every value, and every way a file can be wrong said as a located problem, never raised.

- ``encoding``: the bytes as text (UTF-8, UTF-16 with BOM, GB18030), or what else they are;
- ``yamltree``: YAML to data and positions through libyaml, refusing what a report may not hold
  (``limits`` counts values and aliases before anything is built); ``yamlblock``: the common block shape
  read line by line, to the same data, without libyaml;
- ``slips``: the typing slips that break YAML, all found before parsing; ``syntax``: libyaml's errors in the
  tool's words;
- ``jsontree``: a ``.json`` file read as JSON, with JSON's line:column.
"""

from __future__ import annotations

from pathlib import Path

from zhijiao_check.files import MAX_BYTES, read_file
from zhijiao_check.located import MAX_DEPTH, MAX_NODES, Mark, Parsed, Path_, Positions
from zhijiao_check.problems import Problem
from zhijiao_check.source.encoding import Decoded, decode
from zhijiao_check.source.yamltree import parse_yaml

TEXT_SUFFIXES = (".yaml", ".yml", ".json")  # YAML, and JSON read as JSON
# A text file Notepad saved as a "text document" (``dongan.yaml.txt``, shown as ``dongan.yaml`` where Windows
# hides extensions): written as what its name says before the ``.txt``.
NOTEPAD_SUFFIXES = tuple(f"{suffix}.txt" for suffix in TEXT_SUFFIXES)
# A macro-enabled workbook (*.xlsm: saved with 启用宏) is the same workbook; its macros are never run.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
# Every suffix a report may have: the one list the search for reports and the guard of outputs over reports
# read (``report/written.py``), so that a new one cannot be read without being guarded too (``.xlsm`` was).
REPORT_SUFFIXES = (*TEXT_SUFFIXES, *WORKBOOK_SUFFIXES)
# Spreadsheets in a format the tool does not read, found in a searched folder all the same: a report saved in
# the wrong format is refused by name (``encoding.decode``), not left out of the year without a word. Every
# name a spreadsheet program takes for a workbook of its own: Excel 97-2003's, WPS's and LibreOffice's, and
# the templates, Excel's binary workbook, Numbers' and the rest, which a report is seldom saved as but which
# a folder's search lists all the same (``.xlsb`` was passed over without a word).
#
# The first three are told by their bytes (``encoding.decode``: an OLE file, a zip, an OpenDocument zip);
# the rest by their name (``SAVE_AS_XLSX``): their bytes said the wrong thing, an .xlsb or a Numbers zip
# "rename it to .xlsx" (which only led to a second refusal), a flat .fods "the top level should be field:
# value".
SAVE_AS_XLSX = (".xlsb", ".xlt", ".xltx", ".xltm", ".ett", ".ots", ".fods", ".numbers")
OTHER_SPREADSHEETS = (".xls", ".et", ".ods", *SAVE_AS_XLSX)
# A Numbers document saved on a Mac is a folder (a package): a spreadsheet all the same, listed by a folder's
# search, never searched into.
PACKAGE_SUFFIXES = (".numbers",)
# The one workbook the tool writes is ``.xlsx``; text, or an .xlsx workbook, under any other of these names is
# a file Excel or WPS refuses to open, and over an existing one it replaced a county's workbook
# (``output.refuse_spreadsheet``).
WRITTEN_WORKBOOK = ".xlsx"
SPREADSHEET_SUFFIXES = (*WORKBOOK_SUFFIXES, *OTHER_SPREADSHEETS)

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NODES",
    "Mark",
    "Parsed",
    "Path_",
    "Positions",
    "parse_yaml",
    "read_data",
]


def read_data(
    path: Path, display: str, *, partial: bool = False
) -> tuple[Parsed | list[Problem], str | None]:
    """A data file (a report, a roster) read into plain data with the position of every value, and the
    encoding it was in (None when unreadable): the one entry point for every kind of input file. YAML, and a
    ``.json`` file as JSON (``jsontree``: JSON's numbers and line:column)."""
    decoded = read_text(path, display)
    if isinstance(decoded, Problem):
        return [decoded], None
    if syntax_suffix(path) != ".json":
        return parse_yaml(decoded.text, display, partial=partial), decoded.encoding
    from zhijiao_check.source.jsontree import parse_json

    parsed = parse_json(decoded.text, display)
    if isinstance(parsed, Parsed) and parsed.problems and not partial:
        return list(parsed.problems), decoded.encoding
    return parsed, decoded.encoding


def syntax_suffix(path: Path) -> str:
    """The suffix that tells how the file is written, lower case: ``x.json.txt``, a report Notepad saved as a
    text document (the ``.txt`` hidden by Windows), is written as ``.json``."""
    if path.name.lower().endswith(NOTEPAD_SUFFIXES):
        return Path(path.stem).suffix.lower()
    return path.suffix.lower()


def read_text(path: Path, display: str) -> Decoded | Problem:
    """The file's text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (the caller warns)."""
    raw = read_file(path, display)
    return raw if isinstance(raw, Problem) else decode(raw, display)
