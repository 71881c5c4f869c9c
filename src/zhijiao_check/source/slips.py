"""Slips of typing that break YAML (a full-width colon, an odd space, a tab), found before parsing."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator

from zhijiao_check.patterns import later
from zhijiao_check.problems import Problem
from zhijiao_check.source.marks import marked_problem

# Slips that libyaml reports as a puzzling syntax error at or just after their line: a tab in the indentation;
# a full-width colon typed with a Chinese input method (`name：冷水滩区` is one plain string, not a key); a
# full-width or no-break space (pasted from Word or a web page) as indentation or after a colon; no space
# after a field's colon (`teachers:110`) or after a list entry's dash (`-name: …`). Group 1 is the character
# at fault.
_FULLWIDTH_KEY = later(r"^\s*(?:-\s+)?[^\s:'\"#][^:'\"#]*?(：)")
# Leading spaces are matched possessively (``*+``): giving one back can never help (a space is none of what
# follows), and a line of a million blanks would otherwise cost a million tries each.
_ODD_SPACE = later(r"(?:^[ ]*+(?:-[ ]++)?|:)([\u00a0\u2000-\u200a\u202f\u205f\u3000])")
_ODD_SPACE_CHAR = later("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")  # a quick look before the above
_NO_SPACE_AFTER_COLON = later(r"^[ ]*+(?:-[ ]++)?([A-Za-z_][A-Za-z0-9_]*+):[^\s#]")
_NO_SPACE_AFTER_DASH = later(r"^[ ]*+(-)[A-Za-z_][A-Za-z0-9_]*+:")
# A comment begun with a full-width "＃" (a Chinese input method): YAML reads it as part of the value.
_FULLWIDTH_HASH = later(r"(?:^|[ \t\u3000])(＃)")
# A value that opens a double quote and never closes it on its line: YAML reads on, into the next fields.
OPEN_QUOTE = later(r"""^[ ]*(?:-[ ]+)?[^\s:#"'][^:#"']*:[ ]+(")(?:[^"\\]|\\.)*$""")
SLIPS = (
    ("fullwidth-colon", _FULLWIDTH_KEY),
    ("odd-space", _ODD_SPACE),
    ("colon-without-space", _NO_SPACE_AFTER_COLON),
    ("dash-without-space", _NO_SPACE_AFTER_DASH),
)


MAX_SLIPS = 200  # more than are ever shown (report.load.MAX_PROBLEMS)
# Not a problem of its own: it says that more slips were left unsought (``report.load._ordered`` counts them).
CUT_SHORT = "slips-cut-short"
_SEPARATORS = later("[\u2028\u2029\x85]")
_INDENT = later(r"^([ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]*+)(?:-[ ]++)?")
_ASCII_KEY_FULLWIDTH = later(r"^[ ]*+(?:-[ ]++)?[A-Za-z_][A-Za-z0-9_]*+[ ]*+(：)")
_FULLWIDTH_COMMA = later(r"(，)[ \u3000]*[A-Za-z_][A-Za-z0-9_]*[ ]*[:：]")
_BLOCK_OPENING = later(r"[:-][ ]+[|>][-+0-9]*[ ]*$", re.MULTILINE)
# The characters of the slips that are not of the ASCII kind.
_SLIP_CHARACTERS = "\t\u00a0\u2000-\u200a\u202f\u205f\u3000：，＃\u2028\u2029\x85"
# A character that every slip holds (a colon is in each slip of the ASCII kind): the lines without one are not
# read.
_CANDIDATE = later(f"[{_SLIP_CHARACTERS}:]")
MAX_LINES_READ = 20_000  # lines holding one: a real report has a few hundred
# Only the lines where ``_line_slips`` finds a slip in the whole line can hold one (the line's code part is
# read only then). Each of these finds every such line, and a few more: a space or separator of a slip; a
# full-width colon after a key's last character or a space; a full-width comma before a key; a colon without
# its space; a dash before a key. Each starts with a character of its own, so that the text is searched at the
# speed of those characters: most lines of a report hold a colon, and Chinese text holds full-width commas and
# colons, and reading each such line, or trying a pattern at the start of each, cost more than parsing. Each
# alternative starts with one character, not a class of them: only then does ``re`` skip straight to the next
# place where one of them stands (with the class of spaces first, it tried every position: 2.5 times as slow).
_SLIP_SPACES = "\t\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000\u2028\u2029\x85"
_SLIP_LINE = later(
    "|".join(
        [
            *map(re.escape, _SLIP_SPACES),
            "：(?<=[A-Za-z0-9_ ]：)",
            "，[ \u3000]*[A-Za-z_]",
            "＃",
            r":[^\s#]",
            "-[A-Za-z_][A-Za-z0-9_]*+:",
        ]
    )
)


def scan_slips(text: str, display: str) -> list[Problem]:
    """Every slip of typing that breaks YAML, found before parsing, because libyaml stops at the first: a
    clerk typing with a Chinese input method would otherwise fix one full-width colon per run.

    Found: a tab or an odd space (full-width, no-break) in the indentation or after a colon; a full-width
    colon after a field name; a full-width comma between the entries of ``{…}``; a comment begun with a
    full-width ``＃``; a field's colon or a list's
    dash without its space; and a Unicode line separator, which YAML counts as a line break and editors do
    not.

    Only the lines that hold a character of a slip are read (``_CANDIDATE``, searched in the whole text at
    once), and at most ``MAX_LINES_READ`` of them: a file of millions of short lines is judged in a blink.
    """
    if "\r" in text:  # lines as an editor counts them: the same lines, each ended by "\n"
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    starts, ends = _blocks(text) if "|" in text or ">" in text else ([], [])
    problems: list[Problem] = []
    number, counted_to, position, read = 1, 0, 0, 0
    candidates = _SLIP_LINE if text.count("\n") < MAX_LINES_READ else _CANDIDATE
    while read < MAX_LINES_READ and len(problems) <= MAX_SLIPS:
        candidate = candidates.search(text, position)
        if candidate is None:
            break
        line_start = text.rfind("\n", 0, candidate.start()) + 1
        line_end = text.find("\n", candidate.start())
        line_end = len(text) if line_end < 0 else line_end
        number += text.count("\n", counted_to, line_start)
        counted_to, position, read = line_start, line_end + 1, read + 1
        line = text[line_start:line_end]
        problems += [
            marked_problem(
                display, (number, m.start() + 1), "line-separator", code_point=f"U+{ord(m.group()):04X}"
            )
            for m in _bounded(_SEPARATORS.finditer(line))
        ]
        block = bisect.bisect_right(starts, line_start) - 1
        if block >= 0 and line_start < ends[block]:
            continue  # inside a literal block (``|``): its lines are text, not YAML
        # most lines have none: only then read out quotes and comments
        if slips := _line_slips(line, number, display):
            problems += (
                _line_slips(_code_part(line), number, display) if _QUOTE_OR_HASH.search(line) else slips
            )
    if len(problems) > MAX_SLIPS:
        # The search stopped before the text's end: the count of what is not listed is the least it may be.
        last = max(problems, key=lambda problem: (problem.line or 0, problem.column or 0))
        problems.append(Problem(display, last.line, last.column, "", CUT_SHORT))
    return problems


def _blocks(text: str) -> tuple[list[int], list[int]]:
    """Where each literal or folded block (``|``, ``>``) starts and ends, as offsets of ``text``: the lines
    after its opening line that are blank or indented deeper than it."""
    starts: list[int] = []
    ends: list[int] = []
    for opening in _BLOCK_OPENING.finditer(text):
        if ends and opening.start() < ends[-1]:
            continue  # a "|" inside a block is text
        line_start = text.rfind("\n", 0, opening.start()) + 1
        before = text[line_start : opening.start()]
        indent = len(before) - len(before.lstrip(" "))
        begin = text.find("\n", opening.start()) + 1
        if begin == 0:
            continue
        body = _block_body(indent).match(text, begin)
        if body is not None and body.end() > begin:
            starts.append(begin)
            ends.append(body.end())
    return starts, ends


@functools.cache
def _block_body(indent: int) -> re.Pattern[str]:
    return re.compile(rf"(?:[^\S\n]*(?:\n|\Z)|[ ]{{{indent + 1}}}[^\n]*(?:\n|\Z))*")


def _bounded(found: Iterator[re.Match[str]]) -> Iterator[re.Match[str]]:
    """At most one more than are ever shown (``MAX_SLIPS``)."""
    return itertools.islice(found, MAX_SLIPS + 1)


def _line_slips(code: str, number: int, display: str) -> list[Problem]:
    found: list[Problem] = []
    leading = _INDENT.match(code)
    tab = code.find("\t", 0, leading.end(1)) if leading else -1
    if tab >= 0:
        found.append(marked_problem(display, (number, tab + 1), "yaml-tab"))
    # Each kind's findings bounded: one line can hold millions of a hostile file's slips.
    for match in _bounded(_ODD_SPACE.finditer(code)) if _ODD_SPACE_CHAR.search(code) else ():
        found.append(
            marked_problem(
                display, (number, match.start(1) + 1), "odd-space", code_point=f"U+{ord(match.group(1)):04X}"
            )
        )
    if key := _ASCII_KEY_FULLWIDTH.match(code):
        found.append(marked_problem(display, (number, key.start(1) + 1), "fullwidth-colon"))
    if "＃" in code:
        for hash_ in _bounded(_FULLWIDTH_HASH.finditer(code)):
            found.append(marked_problem(display, (number, hash_.start(1) + 1), "fullwidth-hash"))
    if "{" in code:
        for comma in _bounded(_FULLWIDTH_COMMA.finditer(code, code.index("{"))):
            found.append(marked_problem(display, (number, comma.start(1) + 1), "fullwidth-comma"))
    if colon := _NO_SPACE_AFTER_COLON.match(code):
        found.append(
            marked_problem(display, (number, colon.end(1) + 1), "colon-without-space", field=colon.group(1))
        )
    if dash := _NO_SPACE_AFTER_DASH.match(code):
        found.append(marked_problem(display, (number, dash.start(1) + 1), "dash-without-space"))
    return found


# A line whose value opens a flow collection (``responsible: [``, ``- [``, ``{``): where it opens.
_FLOW_OPENS = later(r"^[ ]*+(?:-[ ]++)*+(?:[^\s:#\[\]{},'\"][^:#]*+:[ ]++)?+(?=[\[{])")


def list_commas(text: str) -> list[tuple[int, int]]:
    """(line, column) of each full-width comma ``，`` between the items of a flow list ``[…]`` opened on its
    line, outside quotes, comments and literal blocks: ``[市财政局，市教育局]`` is one item to YAML, typed
    with a Chinese input method. At most one more than ``MAX_SLIPS``.

    Not a slip of ``scan_slips``: a report may list a name that holds one, and its names joined are a
    warning there (``report.consistency``); a rule file's lists are of codes and units, and its author
    quotes an item meant to hold one. Within ``{…}`` a comma is text unless a key follows it
    (``scan_slips``): ``{zh: 加快发展，提高质量}``."""
    if "，" not in text or "[" not in text:
        return []
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    starts, ends = _blocks(text) if "|" in text or ">" in text else ([], [])
    found: list[tuple[int, int]] = []
    line_start = 0
    for number, line in enumerate(text.split("\n"), 1):
        block = bisect.bisect_right(starts, line_start) - 1
        inside_block = block >= 0 and line_start < ends[block]
        line_start += len(line) + 1
        if inside_block or "，" not in line or "[" not in line:
            continue
        code = _code_part(line) if _QUOTE_OR_HASH.search(line) else line
        commas = itertools.islice(_commas_in_lists(code), MAX_SLIPS + 1 - len(found))
        found += [(number, column + 1) for column in commas]
        if len(found) > MAX_SLIPS:
            break
    return found


def _commas_in_lists(code: str) -> Iterator[int]:
    """Where ``，`` stands in ``code`` with a flow list ``[`` the innermost collection open around it."""
    opens = _FLOW_OPENS.match(code)
    if opens is None:
        return
    open_: list[str] = []
    for index in range(opens.end(), len(code)):
        character = code[index]
        if character in "[{":
            open_.append(character)
        elif character in "]}":
            if len(open_) <= 1:
                return  # the collection the line opened is closed
            open_.pop()
        elif character == "，" and open_[-1] == "[":
            yield index


# A quoted text, or a comment: what a slip inside of is no slip.
_QUOTED_OR_COMMENT = later(
    r"""(?:(?<=[\s\[{,:-])|^)(?:"(?:[^"\\]|\\.)*"?|'(?:[^']|'')*'?)|(?:(?<=\s)|^)#.*"""
)


_QUOTE_OR_HASH = later("[\"'#]")


def _code_part(line: str) -> str:
    """The line without its comment and with quoted text blanked (positions kept)."""
    return _QUOTED_OR_COMMENT.sub(lambda m: "" if m.group().startswith("#") else " " * len(m.group()), line)
