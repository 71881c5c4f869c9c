"""A path in a command a user copies (from a message, or a template's header): written so that a shell reads
back exactly that path, never running or expanding what the path holds.

One rule for every command the tool suggests: ``not-a-workbook``'s ``template … -o`` (which gives way to a
plain name when the name would not hold in double quotes), Excel's lock file's ``validate`` of the workbook
it locks and a template's ``validate`` (which must name that very file, and so quote it).
"""

from __future__ import annotations

import os

# what makes a shell read a word otherwise than as written (a space too)
_SHELL_SPECIALS = "'\"$`\\!*?[]{}()<>|&;#~^%"
_READ_IN_DOUBLE_QUOTES = '"$`\\!'  # what a POSIX shell still reads inside double quotes (bash's ! too)
_READ_IN_WINDOWS_DOUBLE_QUOTES = (
    '"$`'  # PowerShell's; there a backslash separates folders and escapes nothing
)
_READ_BY_CMD = "%"  # cmd's %VAR%, inside double quotes or not


def double_quotes_hold(text: str, *, any_shell: bool = False) -> bool:
    """Whether ``"text"`` reads back as ``text`` in this system's shells; ``any_shell``: in bash, PowerShell
    and cmd alike, whichever system, and nothing unprintable in it (a message shows that escaped, so the
    command copied from it would not name the file)."""
    if any_shell:
        breaking = _READ_IN_DOUBLE_QUOTES + _READ_BY_CMD
        return not any(char in breaking or not char.isprintable() for char in text.replace(os.sep, "/"))
    breaking = _READ_IN_DOUBLE_QUOTES if os.name != "nt" else _READ_IN_WINDOWS_DOUBLE_QUOTES
    return not any(char in breaking for char in text)


def shell_word(path: str) -> str:
    """A path as a shell takes it in a command line to copy: as it is where nothing in it is special
    (``t2024/东安县.yaml``), else in double quotes, which bash, PowerShell and cmd all take, or in single
    quotes where a double quote would not hold it (a ``$``, a backquote; on POSIX a backslash or ``!``)."""
    posix = os.name != "nt"  # on Windows a backslash separates folders, and no shell there escapes with it
    inert = {"\\"} if not posix else set()
    if path and not any(char.isspace() or (char in _SHELL_SPECIALS and char not in inert) for char in path):
        return path
    if double_quotes_hold(path):
        return f'"{path}"'
    return "'" + path.replace("'", "'\\''") + "'"


__all__ = ["double_quotes_hold", "shell_word"]
