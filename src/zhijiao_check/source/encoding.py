"""A file's bytes as text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030; and what else the bytes
may be (a spreadsheet, a wide encoding, a mix), said as a located problem."""

from __future__ import annotations

import codecs

from zhijiao_check.located import Mark
from zhijiao_check.problems import Problem
from zhijiao_check.records import record
from zhijiao_check.source.marks import line_column, marked_problem


@record
class Decoded:
    text: str
    encoding: str


# What a spreadsheet saved in the wrong format, or named as text, starts with: a zip (.xlsx, .ods, .docx) or
# an OLE compound file (Excel 97-2003's .xls, WPS's .et). Read as text, its bytes were "not UTF-8 or GB18030".
_OFFICE_STARTS = (
    (b"PK\x03\x04", "office-document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy-office-document"),
)


# An OpenDocument file is a zip whose first part is ``mimetype``, stored, holding its type: named for what it
# is, since renaming it .xlsx (what a zipped Office document is told to do) only led to a second refusal.
_ODS_START = b"PK\x03\x04"
_ODS_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"


def decode(raw: bytes, display: str) -> Decoded | Problem:
    for start, code in _OFFICE_STARTS:
        if raw.startswith(start):
            # a binary file has no line or column: the problem is the file's, as an unreadable file's is
            return marked_problem(display, None, "ods-document" if _is_ods(raw) else code)
    if raw.startswith(codecs.BOM_UTF8):
        return _decode_as(raw[len(codecs.BOM_UTF8) :], "utf-8", "utf-8-sig", display)
    # before UTF-16: FF FE 00 00 starts with FF FE
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return marked_problem(display, (1, 1), "wide-encoding", encoding="UTF-32")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_as(raw, "utf-16", "utf-16", display)
    wide = _wide_encoding(raw)
    if wide:
        return marked_problem(display, (1, 1), "wide-encoding", encoding=wide)
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as utf8_error:
        mixed = _not_utf8_lines(raw, display)
        if mixed:
            return mixed
        try:
            return Decoded(raw.decode("gb18030"), "gb18030")
        except UnicodeDecodeError:
            where = _place(raw[: utf8_error.start], "utf-8")
            return Problem(display, *where, "", "bad-encoding", {"byte": f"0x{raw[utf8_error.start]:02X}"})


def _is_ods(raw: bytes) -> bool:
    """Whether a zip is an OpenDocument spreadsheet (.ods): its first part, at byte 30, names its type."""
    return raw.startswith(_ODS_START) and raw[30 : 30 + len(_ODS_MIMETYPE)] == _ODS_MIMETYPE


def _wide_encoding(raw: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, told by where the zero bytes of ASCII text fall."""
    sample = raw[:4096]
    if len(sample) < 4 or sample.count(0) < len(sample) // 4:
        return None
    quarter = len(sample) // 4
    # ASCII in UTF-32: 3 zeros in 4 bytes
    if sum(sample[i::4].count(0) > quarter // 2 for i in range(4)) >= 3:
        return "UTF-32"
    odd = sample[1::2].count(0)
    even = sample[0::2].count(0)
    return "UTF-16LE" if odd > even else "UTF-16BE"


def _not_utf8_lines(raw: bytes, display: str = "") -> Problem | None:
    """A UTF-8 file with some lines in another encoding (a line pasted from a GBK file): the lines that are
    not UTF-8, if other lines show that the file is UTF-8 (they have non-ASCII text that reads as UTF-8)."""
    bad: list[tuple[int, int, int]] = []  # line, column, byte
    utf8_text = False
    for number, line in enumerate(raw.split(b"\n"), 1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as error:
            column = len(line[: error.start].decode("utf-8", errors="replace")) + 1
            bad.append((number, column, line[error.start]))
        else:
            utf8_text = utf8_text or not text.isascii()
    if not utf8_text or not bad:
        return None
    first_line, column, byte = bad[0]
    lines = ", ".join(str(n) for n, _, _ in bad[:20]) + (" …" if len(bad) > 20 else "")
    return Problem(
        display, first_line, column, "", "lines-not-utf8", {"lines": lines, "byte": f"0x{byte:02X}"}
    )


def _decode_as(raw: bytes, codec: str, name: str, display: str) -> Decoded | Problem:
    try:
        return Decoded(raw.decode(codec), name)
    except UnicodeDecodeError as error:
        # Often a file cut short (an odd number of bytes in UTF-16): say where the text stops making sense.
        return marked_problem(display, _place(raw[: error.start], codec), "bad-encoding-bom", encoding=name)


def _place(before: bytes, codec: str) -> Mark:
    """The (line, column) in characters just after ``before``, the valid start of a file in ``codec``."""
    return line_column(before.decode(codec, errors="replace"))
