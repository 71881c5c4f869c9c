"""Writing a command's text to standard output or to a file: the one place that does it."""

from __future__ import annotations

import sys
from pathlib import Path

from zhijiao_check.errors import FatalError


def is_stdout(output: Path | None) -> bool:
    """``None`` and ``-`` both mean standard output."""
    return output is None or str(output) == "-"


def write(text: str | bytes, output: Path | None) -> None:
    """To a file (its folder made if need be), or to standard output: in UTF-8 when redirected, since a
    console set to GBK would otherwise turn a redirected report or template into a GBK file.

    ``bytes`` are a binary file (a workbook): never shown on a terminal, where they would be noise."""
    if isinstance(text, bytes):
        _write_bytes(text, output)
        return
    if is_stdout(output):
        if sys.stdout.isatty() or not hasattr(sys.stdout, "buffer"):
            sys.stdout.write(text)
            sys.stdout.flush()
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(text.encode("utf-8"))
            sys.stdout.buffer.flush()
        return
    assert output is not None
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise FatalError("cannot-write", file=str(output), reason=error.strerror or str(error)) from None


def _write_bytes(data: bytes, output: Path | None) -> None:
    if is_stdout(output):
        if sys.stdout.isatty() or not hasattr(sys.stdout, "buffer"):
            raise FatalError("binary-to-terminal")
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    assert output is not None
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(data)
    except OSError as error:
        raise FatalError("cannot-write", file=str(output), reason=error.strerror or str(error)) from None
