"""An output as its reader sees it, for tests that compare two runs' outputs.

A workbook is a zip archive whose every member carries the time it was written, and whose
``docProps/core.xml`` holds the time again: two runs a second apart write different bytes for the same
sheets. Its content is every member but that one, without the archive's times.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

WORKBOOK_CLOCK = "docProps/core.xml"  # when the workbook was written


def content(output: Path) -> bytes | dict[str, bytes]:
    """A workbook's members by name, but the clock's; any other output's bytes."""
    if not zipfile.is_zipfile(output):
        return output.read_bytes()
    with zipfile.ZipFile(output) as workbook:
        return {name: workbook.read(name) for name in workbook.namelist() if name != WORKBOOK_CLOCK}
