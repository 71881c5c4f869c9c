"""What a terminal shows for a glyph its encoding lacks, or draws wider than the layout counts it: ``✓`` as
``√`` on a GBK console and ``+`` on an ASCII one (``encodable``); and a user's own glyph kept as typed
(``kept_as_typed``).
"""

from __future__ import annotations

from zhijiao_check.patterns import later

# What a terminal whose encoding lacks a glyph shows instead, best first: a GBK console (Chinese Windows,
# PYTHONIOENCODING=gbk) has √ and × but not ✓ and ✗; an ASCII one has neither. Box lines and the signs of
# the explanations are here too, so that a table reads in any encoding.
FALLBACK: dict[str, tuple[str, ...]] = {
    "✓": ("√", "+"),
    "✗": ("×", "x"),
    "…": ("...",),
    "↓": ("v",),
    "–": ("-",),
    "—": ("-",),
    "─": ("-",),
    "·": (".",),
    "≥": (">=",),
    "≤": ("<=",),
    "≠": ("!=",),
    "∈": ("in",),
    "∉": ("not in",),
    "∧": ("and",),
    "−": ("-",),
    "→": ("->",),
    "←": ("<-",),
    "±": ("+/-",),
    "↑": ("^",),
    "›": (">",),
    "Σ": ("sum ",),
    "“": ('"',),
    "”": ('"',),
    "‘": ("'",),
    "’": ("'",),
    "×": ("x",),
    "√": ("+",),
    # The Markdown view's emoji, should it be shown on a terminal.
    "✅": ("√", "+"),
    "❌": ("×", "x"),
    "⛔": ("×", "x"),
    "⚠": ("!",),
    "❓": ("?",),
    "⏳": ("…", "..."),
    "📉": ("↓", "v"),
    "➖": ("–", "-"),
    "🔕": ("~",),
    "📈": ("↑", "^"),
    "\ufe0f": ("",),  # the variation selector that makes ⚠ an emoji
}


# The middle dot between the parts of a heading (``东安县（县市区）· 2023 年``): a double-byte console that
# has it (GBK) draws it two cells wide, where the layout counts one, and its fallback ``.`` read as a full
# stop. A view that lays out what is shown (``renderers.fallbacks.as_shown``) puts this dot in its place,
# which the layout counts two cells wide, as the console draws ``·``; it is written as ``·`` (``fallbacks``).
WIDE_DOT = "・"


def fallbacks(encoding: str) -> dict[int, str]:
    """What each glyph ``encoding`` lacks is shown as (``str.translate``'s table): the first of its
    fallbacks the encoding has. On an East Asian console (``double_byte``) also each glyph it has but shows
    wider than the layout counts it (``≥`` in two cells, not one), by the first fallback shown as counted;
    and ``WIDE_DOT`` as ``·`` where it has that."""
    known = _FALLBACKS.get(encoding)
    if known is None:
        wide = double_byte(encoding)

        def shows(text: str) -> bool:
            return _encodes(text, encoding) and (not wide or _counted_as_shown(text))

        known = _FALLBACKS[encoding] = {
            ord(glyph): next((f for f in shown if not f or shows(f)), shown[-1])
            for glyph, shown in FALLBACK.items()
            if not shows(glyph)
        }
        if wide and _encodes("·", encoding):
            known[ord(WIDE_DOT)] = "·"
    return known


def double_byte(encoding: str) -> bool:
    """Whether ``encoding`` is the code page of an East Asian console (936, GBK, on Chinese Windows), which
    gives each character of two bytes two cells: the signs ``─ · ≥ √ “`` too, one cell each to the layout
    (their width is "ambiguous", and a Chinese font draws them wide)."""
    import codecs

    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False
    return name in _DOUBLE_BYTE


_DOUBLE_BYTE = frozenset(
    [
        *("gbk", "gb2312", "gb18030"),  # Chinese (936)
        *("big5", "big5hkscs", "cp950"),  # traditional Chinese
        *("cp932", "shift_jis", "euc_jp"),  # Japanese
        *("cp949", "euc_kr"),  # Korean
    ]
)


def _counted_as_shown(text: str) -> bool:
    """Whether a double-byte console shows ``text`` in the cells the layout counts: ASCII one each, every
    other character two."""
    return all(_cells(char) == (1 if char.isascii() else 2) for char in text)


_FALLBACKS: dict[str, dict[int, str]] = {}  # by encoding: a run writes to one, piece after piece


def encodable(text: str, encoding: str) -> str:
    """``text`` with each glyph the encoding lacks replaced by the first fallback it has (the rest of what it
    cannot encode is left for the writer to escape). A fallback wider than its glyph (``∉`` as ``not in`` in
    GBK) takes its room from the spaces that pad the end of its line, so that a line laid out for the glyph
    still fits (the table view lays its lines out with the fallbacks already: ``renderers.fallbacks``). A
    user's own glyph a view kept (``kept_as_typed``) is written as typed."""
    replace = {code: shown for code, shown in fallbacks(encoding).items() if chr(code) in text}
    if replace:
        wider = {chr(code): len(shown) - _cells(chr(code)) for code, shown in replace.items()}
        wider = {glyph: more for glyph, more in wider.items() if more > 0}
        if not wider:
            text = text.translate(replace)
        else:
            text = "\n".join(_within(line, replace, wider) for line in text.split("\n"))
    return _as_typed(text)


# A glyph of a user's text (a value quoted in a message) that a view keeps as typed where it replaces the
# tool's own (``√``, which a GBK console draws two cells wide, is ``+`` in the tool's text): until it is
# written, a stand-in that no fallback replaces, one wide character of the ideographs' third plane (the
# layout counts the two cells the console draws) with a filler of no width after it. The layout never parts
# the two: rich keeps a character of no width with the one before it (``rich.cells.split_graphemes``), as
# the Chinese line breaker does (``renderers.layout.chinese``); a stand-in of a private use plane (one cell)
# and a filler of one cell were cut apart by a line folded between them, each half written escaped
# (``\U000f221a``). Only the pair is a stand-in, of a glyph the tool replaces, and only once a view made one:
# a user's own character of that plane (a report may hold any) is left for the writer to escape.
_STAND_IN = 0x30000
_FILLER = "\U000e0fff"  # unassigned, of the default-ignorable block of plane 14: no width
_KEPT_GLYPHS = frozenset(glyph for glyph in (*FALLBACK, WIDE_DOT) if ord(glyph) < 0xFFFE)  # of the plane
_KEPT = later("([" + "".join(sorted(chr(_STAND_IN + ord(glyph)) for glyph in _KEPT_GLYPHS)) + "])" + _FILLER)
_made: list[bool] = []  # whether ``kept_as_typed`` made a stand-in in this process


def kept_as_typed(char: str) -> str:
    """``char`` (of the basic plane), a user's, to be written as typed by ``encodable``."""
    if char not in _KEPT_GLYPHS:  # none of the tool's glyphs: left to the writer
        return char
    if not _made:
        _made.append(True)
    return chr(_STAND_IN + ord(char)) + _FILLER


def _as_typed(text: str) -> str:
    if not _made or not _KEPT.search(text):
        return text
    return _KEPT.sub(lambda found: chr(ord(found.group(1)) - _STAND_IN), text)


# The spaces that pad the end of a line, and the colour's end after them.
_PADDING = later(r"( +)((?:\x1b\[[0-9;]*m)*)$")


def _within(line: str, replace: dict[int, str], wider: dict[str, int]) -> str:
    more = sum(line.count(glyph) * extra for glyph, extra in wider.items())
    line = line.translate(replace)
    if more:
        padded = _PADDING.search(line)
        if padded:
            spaces = padded.group(1)
            line = line[: padded.start()] + spaces[: max(0, len(spaces) - more)] + padded.group(2)
    return line


def _cells(glyph: str) -> int:
    import unicodedata

    return 2 if unicodedata.east_asian_width(glyph) in "WF" else 1


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True
