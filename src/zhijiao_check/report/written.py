"""Results zhijiao-check itself writes, told apart from reports: ``check --format json``'s run document and
its SARIF, ``validate``'s and ``diff``'s JSON, the report format's schema, a results workbook
(``--format xlsx``), and ``check``'s page, CSV, JUnit XML and Markdown (``结果.html``, ``2023 明细.csv``).

``zhijiao-check . -o 结果.xlsx`` run a second time in the reports' folder found its own result there, read it
as a report (a workbook without the sheet 本单位; a JSON with fifteen unknown fields), exited 2 for it, and
refused to write the new result over "an input"; and ``schema -o dongan.yaml`` wrote over a report. A
folder's search leaves results out, one named on the command line is told for what it is, and an output may
replace a result but never a file that may be a report. Each is recognised by a look at a few bytes (a JSON
result by its first keys, none of which a report has; the page by its title; the CSV by its header
row; the JUnit XML by its suites' package, an empty run's by the whole of it; the Markdown by its heading),
never by its name alone: given as a report, the page was answered with a YAML syntax error and the CSV as a
report saved as CSV.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from zhijiao_check.patterns import later
from zhijiao_check.source import NOTEPAD_SUFFIXES, REPORT_SUFFIXES, WORKBOOK_SUFFIXES

# The results workbook's sheets (``renderers/xlsx.py``), in each output language: the first two tell it.
RESULT_SHEETS = {"zh": ("汇总", "明细", "全市"), "en": ("summary", "details", "city-wide")}
# The JSON results (SARIF named ``.sarif`` too) and the text results, by suffix; a results workbook may have
# been named ``.xlsm``.
JSON_SUFFIXES = (".json", ".sarif")
TEXT_RESULTS = (".html", ".htm", ".csv", ".xml", ".md")
SUFFIXES = (*JSON_SUFFIXES, *TEXT_RESULTS, *WORKBOOK_SUFFIXES)
# The JUnit XML's suites' package (``renderers/junit.py``: the schema CI reads allows no name on the root).
_JUNIT_PACKAGE = 'package="zhijiao-check"'
# An empty run's JUnit XML has no suite to tell it by: the whole of it, as ElementTree writes it (its
# declaration in single quotes, the root closed on itself), told exactly, whatever its line endings.
_EMPTY_JUNIT = "<?xml version='1.0' encoding='utf-8'?>\n<testsuites />"
_TEXT_LOOK = 4096  # bytes read of a text result: a suite's name holds a path before its package
# The columns of the results' 明细 (the CSV's, and the results workbook's sheet), in Chinese and in English
# (``renderers.rows``): the CSV is told by its header row.
DETAIL_COLUMNS = (
    ("单位", "unit"),
    ("年度", "year"),
    ("规则", "rule"),
    ("标题", "title"),
    ("条款", "clause"),
    ("状态", "status"),
    ("实际值", "observed"),
    ("目标", "target"),
    ("目标值", "target value"),
    ("进度目标", "schedule target"),
    ("计量", "unit of measure"),
    ("计算与说明", "explanation"),
    ("数据位置", "data at"),
    ("文件", "file"),
    # last, so that every column before it keeps its place (a macro or formula reading 明细 by column)
    ("项目", "item"),
)

# What an output could destroy: every suffix a report is read under (Notepad's ``.yaml.txt`` included), from
# the list the search for reports reads: a list of its own here lacked ``.xlsm``, and ``-o dongan.xlsm``
# wrote a run's table over a county's workbook.
REPORT_NAMES = (*REPORT_SUFFIXES, *NOTEPAD_SUFFIXES)
# How a file that may be a report begins, by suffix: a JSON object, a zip; YAML may begin with any text.
_STARTS = {".json": b"{", **dict.fromkeys(WORKBOOK_SUFFIXES, b"PK\x03\x04")}
_LOOK = 512  # bytes read from the start of a JSON file
_SPACE = later(rb"\s+")
_SHEET = later(r"<(?:\w+:)?sheet\b[^>]*?\bname=\"([^\"]*)\"")
# How each JSON result begins, its spaces taken out: check's run, validate's files, diff's two reports or
# two folders, the schema's identity, SARIF (``-o results.sarif.json``) naming the tool as its driver.
_RESULT_JSON = later(
    rb'\{(?:"tool":\{"name":"zhijiao-check"'
    rb'|"files":\[(?:\{"file":|\],"problems":)'
    rb'|"old":\{"file":'
    rb'|"units":\[(?:\{"old":\{"file":|\],"only_old":)'
    rb'|"\$schema":"[^"]*","\$id":"urn:zhijiao-check:'
    rb'|"\$schema":"[^"]*sarif[^"]*","version":"[^"]*","runs":\[\{"tool":\{"driver":\{"name":"zhijiao-check")'
)


def is_written(path: Path) -> bool:
    """Whether the regular file at ``path`` is a result zhijiao-check wrote (any other file, and one that
    cannot be looked at, is not: reading it says what is wrong)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        return False
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block the look; reading it judges it
            return False
        if suffix in JSON_SUFFIXES:
            return _json_result(path)
        if suffix in TEXT_RESULTS:
            return _text_result(path, suffix)
        return is_result_workbook(_sheet_names(path))
    except (OSError, ValueError):
        return False


def is_result_workbook(sheets: list[str]) -> bool:
    """Whether a workbook whose sheets are ``sheets``, in order, is a results workbook."""
    return any(tuple(sheets[:2]) == names[:2] for names in RESULT_SHEETS.values())


def may_be_a_report(path: Path) -> bool:
    """Whether an output at ``path`` would write over a file that may be a report: one there with a report's
    suffix and a report's start (any text for YAML, an object for JSON, a zip for a workbook), not a result
    the tool wrote. The file judged is the one that would be written: an output is written through a symlink
    (``output``), so ``-o latest.html`` linked to ``dongan.yaml`` is judged as ``dongan.yaml``, which it would
    replace, not by the link's name."""
    try:
        real = Path(os.path.realpath(path))
    except (OSError, ValueError):  # a symlink loop, a NUL: writing it fails and says so
        return False
    name = real.name.lower()
    if not name.endswith(REPORT_NAMES):
        return False
    try:
        info = os.stat(real)
        if not stat.S_ISREG(info.st_mode):
            return False
        with open(real, "rb") as file:
            head = file.read(_LOOK).lstrip(b" \t\r\n\xef\xbb\xbf")
    except (OSError, ValueError):
        return False
    start = _STARTS.get(Path(name.removesuffix(".txt")).suffix, b"")
    return bool(head) and head.startswith(start) and not is_written(real)


def _json_result(path: Path) -> bool:
    with open(path, "rb") as file:
        head = _SPACE.sub(b"", file.read(_LOOK)).removeprefix(b"\xef\xbb\xbf")
    return _RESULT_JSON.match(head) is not None


def _text_result(path: Path, suffix: str) -> bool:
    """Whether a page, CSV, JUnit XML or Markdown file begins as ``check`` writes one."""
    with open(path, "rb") as file:
        head = file.read(_TEXT_LOOK).removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
    if suffix in (".html", ".htm"):
        return head.startswith("<!DOCTYPE html>") and _page_title(head)
    if suffix == ".xml":
        if head.replace("\r\n", "\n").strip() == _EMPTY_JUNIT:
            return True
        return head.startswith("<?xml") and "<testsuites>" in head and _JUNIT_PACKAGE in head
    first = head.split("\n", 1)[0].rstrip("\r")
    if suffix == ".csv":
        return first in _csv_headers()
    return first.startswith(_markdown_headings())


def _csv_headers() -> list[str]:
    """The header row of ``check``'s CSV in each language."""
    return [",".join(names) for names in zip(*DETAIL_COLUMNS, strict=True)]


def _page_title(head: str) -> bool:
    """Whether the page's ``<title>`` is the one ``renderers/page/frame.py`` gives it: the tool's title (after
    a unit's name on a unit's own page) before the policy's name."""
    start = head.find("<title>")
    end = head.find("</title>", start)
    if start < 0 or end < 0:
        return False
    title = head[start + len("<title>") : end]
    return any(f"{name} · " in title for name in _titles())


def _titles() -> list[str]:
    from zhijiao_check.i18n import Translator

    return [Translator(lang)("render.title") for lang in ("zh", "en")]


def _markdown_headings() -> tuple[str, ...]:
    """How the heading of ``check``'s Markdown begins (``renderers/markdown.py``: its verdict's icon and the
    title, before the policy's name), in each language."""
    return tuple(f"## {icon} {title} · " for icon in ("✅", "❌", "⛔") for title in _titles())


def _sheet_names(path: Path) -> list[str]:
    """The sheets of a workbook in order, from its ``xl/workbook.xml`` (a few hundred bytes, never a sheet);
    none for a file that is no such workbook. Imported here: a run without workbooks never loads zipfile."""
    import zipfile
    import zlib
    from html import unescape

    try:
        with zipfile.ZipFile(path) as book:
            info = book.getinfo("xl/workbook.xml")
            if info.file_size > 1 << 20:  # no workbook's list of sheets is this long: not a look any more
                return []
            text = book.read(info).decode("utf-8")
    except (zipfile.BadZipFile, zlib.error, KeyError, RuntimeError, NotImplementedError, EOFError):
        return []
    return [unescape(name) for name in _SHEET.findall(text)]
