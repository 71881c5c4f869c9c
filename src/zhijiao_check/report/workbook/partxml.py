"""What is wrong with a workbook's XML that openpyxl's parser refused, in the user's words: the part (a zip
member such as ``xl/workbook.xml``) that declares entities, which Excel and WPS never write (an entity bomb,
or a reference to a file outside the workbook), or the part that is not well-formed XML and where. The
parser's own English words (libexpat's ``undefined entity &x;``) are not shown."""

from __future__ import annotations

import io
import zipfile
from typing import Any
from xml.etree.ElementTree import ParseError

from zhijiao_check.report.workbook.sheetparts import TEXT_BYTES

_XML_SUFFIXES = (".xml", ".rels", ".vml")


def xml_damage(raw: bytes, error: ParseError) -> tuple[str, dict[str, Any]]:
    """The code and parameters of the refusal of a workbook whose XML openpyxl could not parse: the first
    part that declares a document type (``xml-doctype``), else the first part that is not well-formed
    (``xml-damaged``, at its line and column), else the error's own place."""
    from xml.etree.ElementTree import XMLParser

    line, column = getattr(error, "position", (0, 0))
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:  # bounded as a whole by ``grids._check_zip``
        parts = [info for info in archive.infolist() if info.filename.lower().endswith(_XML_SUFFIXES)]
        for info in parts:
            with archive.open(info) as source:
                head = source.read(TEXT_BYTES)
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                return "xml-doctype", {"part": info.filename}
        for info in parts:
            parser = XMLParser()
            try:
                with archive.open(info) as source:
                    for chunk in iter(lambda: source.read(1 << 16), b""):
                        parser.feed(chunk)
                parser.close()
            except ParseError as found:
                line, column = found.position
                return "xml-damaged", {"part": info.filename, "line": line, "column": column + 1}
    return "xml-damaged", {"part": "?", "line": line, "column": column + 1}


__all__ = ["xml_damage"]
