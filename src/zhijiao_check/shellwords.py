"""A path in a command a user copies (from a message, or a template's header): written so that a shell reads
back exactly that path, never running or expanding what the path holds.

Two rules, each said where it is used. ``shell_word`` (Excel's lock file's ``validate`` of the workbook it
locks, a template's ``validate``, which must name that very file, and so quote it) writes for this system's
shells: a POSIX shell (bash, zsh) on Linux and macOS, PowerShell on Windows. It does not guard cmd's
``%VAR%``: cmd expands it inside double quotes too, and has no quotes that stop it, so a path holding ``%``
copied into cmd may not read back. ``double_quotes_hold(…, any_shell=True)`` is the stricter rule, for text
that must hold in bash, PowerShell and cmd alike: ``not-a-workbook``'s ``template … -o`` gives way to a plain
name when the name would not.
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
    """A path as this system's shell takes it in a command line to copy (the module's docstring: a POSIX
    shell, or PowerShell on Windows): as it is where nothing in it is special (``t2024/东安县.yaml``), else in
    double quotes, or in single quotes where a double quote would not hold it (a ``$``, a backquote; on POSIX
    a backslash or ``!``). Not for cmd: a ``%VAR%`` in the path is expanded there, quoted or not."""
    posix = os.name != "nt"  # on Windows a backslash separates folders, and no shell there escapes with it
    inert = {"\\"} if not posix else set()
    if path and not any(char.isspace() or (char in _SHELL_SPECIALS and char not in inert) for char in path):
        return path
    if double_quotes_hold(path):
        return f'"{path}"'
    return "'" + path.replace("'", "'\\''") + "'"


__all__ = ["double_quotes_hold", "shell_word"]
