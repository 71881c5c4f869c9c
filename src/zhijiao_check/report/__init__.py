"""Unit reports: finding the files, loading and validating them (format v1), consistency warnings.

This door only names what the package's modules do: ``load_report`` (``load``: one file read, parsed and
validated), ``find_reports`` (``find``: the files named and those under the folders named), ``ReportFile`` and
``InvalidReport`` (``loaded``). It stays light to import (the command line starts fast): Pydantic and PyYAML
are imported only when a report is loaded.
"""

from __future__ import annotations

from zhijiao_check.report.find import find_reports
from zhijiao_check.report.load import MAX_PROBLEMS, load_report
from zhijiao_check.report.loaded import InvalidReport, ReportFile
from zhijiao_check.source import REPORT_SUFFIXES, WORKBOOK_SUFFIXES

__all__ = [
    "MAX_PROBLEMS",
    "REPORT_SUFFIXES",
    "WORKBOOK_SUFFIXES",
    "InvalidReport",
    "ReportFile",
    "find_reports",
    "load_report",
]
