"""Characters that are not what they look like: invisible ones, and look-alikes of the ones a report uses.

Text pasted from Word, a web page or a chat brings zero-width spaces, no-break spaces and line separators; an
input method may give a CJK compatibility ideograph (U+F900–U+FAFF) that looks exactly like the ordinary one;
a Cyrillic ``а`` looks like a Latin ``a``. Each makes a name differ from the one it looks like, so every message
about one names the code point and where it is.
"""

from __future__ import annotations

import difflib
import unicodedata

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
    """A character that shows as nothing, or as a space that is not one: format and control characters, line and
    paragraph separators, no-break and other odd spaces, blank letters; and a lone surrogate (JSON's ``\ud800``),
    which is half of a character and no text can hold."""
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


def odd_characters(text: str) -> list[tuple[int, str]]:
    """The invisible characters and compatibility ideographs of ``text``, with their 0-based index."""
    return [(i, c) for i, c in enumerate(text) if is_invisible(c) or is_compatibility_ideograph(c)]


def cleaned(text: str) -> str:
    """``text`` as it reads: invisible characters removed, compatibility ideographs made ordinary."""
    return "".join(
        unicodedata.normalize("NFKC", c) if is_compatibility_ideograph(c) else c
        for c in text if not is_invisible(c)
    )


def skeleton(text: str) -> str:
    """What ``text`` looks like: cleaned, compatibility forms folded (full-width letters, ideographs), look-alike
    Cyrillic and Greek letters read as Latin."""
    return unicodedata.normalize("NFKC", cleaned(text)).translate(_CONFUSABLES)


def difference(found: str, meant: str) -> str | None:
    """When ``found`` looks like ``meant`` but is not it: where they differ, as code points (1-based positions).
    ``None`` when they differ visibly (a did-you-mean needs no explanation then)."""
    if found == meant or skeleton(found) != skeleton(meant):
        return None
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, found, meant, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        wrote = ", ".join(describe(c) for c in found[i1:i2]) or "—"
        should = ", ".join(describe(c) for c in meant[j1:j2]) or "—"
        parts.append(f"#{i1 + 1}: {wrote} ≠ {should}")
    return "; ".join(parts)
