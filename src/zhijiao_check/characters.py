"""Characters that are not what they look like: invisible ones, and look-alikes of the ones a report uses.

Text pasted from Word, a web page or a chat brings zero-width spaces, no-break spaces and line separators; an
input method may give a CJK compatibility ideograph (U+F900–U+FAFF) that looks exactly like the ordinary one;
a Cyrillic ``а`` looks like a Latin ``a``. Each makes a name differ from the one it looks like, so every
message about one names the code point and where it is.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator

from zhijiao_check.patterns import later

# Spaces that are ordinary in text: the ASCII space, and the full-width space of Chinese typesetting.
_ORDINARY_SPACES = {" ", "\u3000"}
# Letters that render as blanks although Unicode does not class them as spaces.
_BLANK_LETTERS = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800"}
# Cyrillic and Greek letters drawn like Latin ones (the few that pass for field names and choices).
_CONFUSABLES = str.maketrans(
    "аеорсуххіјѕԁһӏАВЕКМНОРСТХУІЈЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧаеіο",
    "aeorcyxxijsdhlABEKMHOPCTXYIJSABEZHIKMNOPTYXaeio",
)


def is_invisible(char: str) -> bool:
    """A character that shows as nothing, or as a space that is not one: format and control characters, line
    and paragraph separators, no-break and other odd spaces, blank letters; and a lone surrogate (JSON's
    ``\\ud800``), which is half of a character and no text can hold."""
    category = unicodedata.category(char)
    if char in ("\t", "\n", "\r"):
        return False
    return (
        category in ("Cf", "Cc", "Cs", "Zl", "Zp")
        or (category == "Zs" and char not in _ORDINARY_SPACES)
        or char in _BLANK_LETTERS
    )


def is_compatibility_ideograph(char: str) -> bool:
    return "CJK COMPATIBILITY IDEOGRAPH" in unicodedata.name(char, "")


def describe(char: str) -> str:
    """``U+200B ZERO WIDTH SPACE``."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


# Printable characters that are odd all the same: the blank letters and the compatibility ideographs. Every
# other odd character is one that is not printable (``str.isprintable``), so most text is cleared by two quick
# looks.
_COMPATIBILITY = "\uf900-\ufaff\U0002f800-\U0002fa1f"
_PRINTABLE_ODD = later("[" + "".join(sorted(_BLANK_LETTERS)) + _COMPATIBILITY + "]")
_COMPATIBILITY_CHAR = later(f"[{_COMPATIBILITY}]")
MAX_ODD = 1_000  # positions listed of one value: messages show five, and a value may be megabytes long


def odd_characters(text: str) -> list[tuple[int, str]]:
    """The invisible characters and compatibility ideographs of ``text`` (the first ``MAX_ODD``), with their
    0-based index. Found by regular expressions, never a loop over the characters of a value."""
    if _plain(text):
        return []
    return [
        (m.start(), m.group()) for m in itertools.islice(_odd(compatibility=True).finditer(text), MAX_ODD)
    ]


def cleaned(text: str) -> str:
    """``text`` as it reads: invisible characters removed, compatibility ideographs made ordinary."""
    if _plain(text):
        return text
    text = _odd(compatibility=False).sub("", text)
    return text.translate(_ordinary()) if _COMPATIBILITY_CHAR.search(text) else text


@functools.cache
def _ordinary() -> dict[int, str]:
    """Each compatibility ideograph's ordinary form (``str.translate``: no call per character)."""
    codes = itertools.chain(range(0xF900, 0xFB00), range(0x2F800, 0x2FA20))
    return {
        code: unicodedata.normalize("NFKC", chr(code))
        for code in codes
        if is_compatibility_ideograph(chr(code))
    }


def _plain(text: str) -> bool:
    """Whether ``text`` has no odd character at all
    (the full-width space of Chinese text is an ordinary one).
    """
    printable = text.isprintable() or ("　" in text and text.replace("　", " ").isprintable())
    return printable and not _PRINTABLE_ODD.search(text)


@functools.cache
def _odd(compatibility: bool) -> re.Pattern[str]:
    """One character class of every invisible character (and compatibility ideograph), found once, on first
    need (tens of milliseconds), in the planes that hold them: the basic and supplementary multilingual
    planes, the ideographs' supplement and the tags of plane 14."""
    planes = itertools.chain(range(0x20000), range(0x2F800, 0x2FA20), range(0xE0000, 0xE1000))
    ranges: list[list[int]] = []
    for code in planes:
        if is_invisible(chr(code)) or (compatibility and is_compatibility_ideograph(chr(code))):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return re.compile("[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges) + "]")


def skeleton(text: str) -> str:
    """What ``text`` looks like: cleaned, compatibility forms folded (full-width letters, ideographs),
    look-alike Cyrillic and Greek letters read as Latin."""
    return unicodedata.normalize("NFKC", cleaned(text)).translate(_CONFUSABLES)


def difference(found: str, meant: str) -> str | None:
    """When ``found`` looks like ``meant`` but is not it: where they differ, as code points (1-based
    positions). ``None`` when they differ visibly (a did-you-mean needs no explanation then)."""
    if found == meant or skeleton(found) != skeleton(meant):
        return None
    import difflib  # here: every file name is shown through ``escaped``, and few runs get this far

    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, found, meant, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        wrote = ", ".join(describe(c) for c in found[i1:i2]) or "—"
        should = ", ".join(describe(c) for c in meant[j1:j2]) or "—"
        parts.append(f"#{i1 + 1}: {wrote} ≠ {should}")
    return "; ".join(parts)


# What a name may hold that no output passes on as it is: control characters (C0, DEL, C1: an escape sequence
# would reach the terminal, a newline would end a YAML comment and make the rest of the name YAML, a workbook
# cannot hold them), the line and paragraph separators, and the marks that reorder text (a name shown
# backwards, as another name).
_UNSHOWABLE = later("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


# A line break or a tab, with the spaces and tabs about it (``one_line``).
_LINE_BREAK = later("[ \t\r\n]*[\t\r\n][ \t\r\n]*")


def one_line(text: str) -> str:
    """``text`` written over several lines (a waiver's reason) as one line, for a view whose layout a line
    break would break (a table's cell, an annotation, a CSV row): each line break or tab, with the spaces
    about it, one space; none where Chinese text joins its lines (between two wide characters, or after a
    wide punctuation mark: ``已执行完毕，`` and ``2024 年补足`` make ``已执行完毕，2024 年补足``; a quotation
    mark, ``…`` or ``—`` of Chinese text: ``遵循“先建后验”`` and ``的原则``). A full-width letter or digit is
    Latin (``１２`` and ``３４万元`` keep their space: two numbers)."""
    if text.isprintable():  # one line already: no line break, no tab
        return text
    return _LINE_BREAK.sub(_joined, text)


# Marks Chinese text shares with Latin text, of neither width (Unicode's "ambiguous"): a mark of Chinese text
# beside a Chinese character, of Latin text beside a Latin one.
_SHARED_MARKS = frozenset("“”‘’…—")


def _joined(found: re.Match[str]) -> str:
    text, start, end = found.string, found.start(), found.end()
    if start == 0 or end == len(text):
        return ""
    before, after = text[start - 1], text[end]
    wide_before, wide_after = _wide(text, start - 1, -1), _wide(text, end, 1)
    if wide_before and (unicodedata.category(before).startswith("P") or wide_after or after in _SHARED_MARKS):
        return ""
    if before in _SHARED_MARKS and wide_after:  # “Hello” and 的: a quotation of Chinese text
        return ""
    return " "


def _wide(text: str, index: int, away: int) -> bool:
    """Whether the character at ``index`` is of Chinese text: wide, but no full-width Latin letter or digit
    (NFKC makes it ASCII); a shared mark (``_SHARED_MARKS``) when the character past it, away from the line
    break (``away``: -1 before it, 1 after), is (``先建后验”``, ``补足……``)."""
    while 0 <= index < len(text) and text[index] in _SHARED_MARKS:
        index += away
    if not 0 <= index < len(text):
        return False
    char = text[index]
    if unicodedata.east_asian_width(char) not in "WF":
        return False
    latin = unicodedata.normalize("NFKC", char)
    return not (latin.isascii() and latin.isalnum())


def display_width(text: str) -> int:
    """Columns ``text`` takes in a cell: two for each wide (Chinese) character, one for any other."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def escaped(text: str) -> str:
    """``text`` with the characters no output passes on as they are (``_UNSHOWABLE``) shown as ``\\xNN``
    (``\\uNNNN`` past U+00FF), as Python escapes them: one line, nothing a terminal, a YAML comment or a
    workbook takes for more than text. A file's name is shown so (``files.display_name``)."""
    if text.isprintable():  # nearly every name: no character of the kind, without a search
        return text
    return _UNSHOWABLE.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# A user's own text (a value quoted, a field path, a name) inside a message rendered for a terminal view that
# replaces glyphs by their fallbacks (``renderers.fallbacks.as_shown``): marked so that the replacing passes
# over it, and the value is shown as typed (``√``, not ``+``) or, where the terminal's encoding lacks a
# character, escaped (``\u2713``), never as another character. Two noncharacters, which Unicode keeps for a
# program's own use: the view takes them out before anything is laid out or written.
USER_OPEN = "\ufdd0"
USER_CLOSE = "\ufdd1"
_MARKING: contextvars.ContextVar[bool] = contextvars.ContextVar("marking_user_text", default=False)


@contextlib.contextmanager
def marking_user_text() -> Iterator[None]:
    """While it lasts, ``user_text`` marks the text it is given (a view about to replace glyphs)."""
    token = _MARKING.set(True)
    try:
        yield
    finally:
        _MARKING.reset(token)


def marking() -> bool:
    """Whether a user's text is being marked (``marking_user_text``)."""
    return _MARKING.get()


def user_text(text: str) -> str:
    """``text``, a user's own, marked as such where a view is to replace glyphs (``marking_user_text``)."""
    if not _MARKING.get():
        return text
    return USER_OPEN + text.replace(USER_OPEN, "\\ufdd0").replace(USER_CLOSE, "\\ufdd1") + USER_CLOSE
