"""libyaml's syntax errors in the tool's words, shown where the fault is."""

from __future__ import annotations

import re
from typing import Any

from zhijiao_check.characters import describe
from zhijiao_check.located import MAX_DEPTH, Mark
from zhijiao_check.patterns import later
from zhijiao_check.problems import Problem, of_a_report
from zhijiao_check.source.marks import marked_problem
from zhijiao_check.source.slips import OPEN_QUOTE, SLIPS
from zhijiao_check.wording import Wording, msg

# Where libyaml notices these, the fault is usually where the construct started: a quote or a key never ended.
_STARTED_AT_FAULT = ("while scanning a quoted scalar", "while scanning a simple key")
# A bracket never closed is noticed at the next line's key; a missing comma further down, where it is missing.
_FLOW = ("while parsing a flow sequence", "while parsing a flow mapping")


def fault(error: Any, text: str) -> Mark:
    """The (line, column) to show for a syntax error: libyaml's problem mark, or its context mark if that is
    where the fault is (an unclosed quote or bracket, a key without its colon)."""
    problem, context = error.problem_mark, error.context_mark
    use_context = context is not None and (
        error.context in _STARTED_AT_FAULT
        or (
            error.context in _FLOW
            and problem is not None
            and problem.line > context.line
            and all(
                not line.strip() or line.lstrip().startswith("#")
                for line in text.splitlines()[context.line + 1 : problem.line]
            )
        )
    )
    mark = context if use_context else problem or context
    if mark is None:
        return (1, 1)
    lines = text.splitlines()
    if mark.line >= len(lines) and lines:
        # Noticed at the end of the file (a bracket never closed): show the last line that says something.
        last = max((n for n, line in enumerate(lines) if line.strip()), default=len(lines) - 1)
        return (last + 1, len(lines[last]) + 1)
    return (mark.line + 1, mark.column + 1)


# libyaml's words for what it found wrong, each with the tool's own saying of it: a clerk reads "方括号里少了
# 逗号", not "did not find expected ',' or ']'". A problem not listed here keeps libyaml's words.
_SYNTAX_REASONS = {
    "did not find expected ',' or ']'": "report.yaml-why-flow-sequence",
    "did not find expected ',' or '}'": "report.yaml-why-flow-mapping",
    "mapping values are not allowed in this context": "report.yaml-why-mapping-here",
    "did not find expected key": "report.yaml-why-key-aligned",
    "did not find expected '-' indicator": "report.yaml-why-dash-aligned",
    "could not find expected ':'": "report.yaml-why-no-colon",
    "found character that cannot start any token": "report.yaml-why-bad-start",
    "found unknown escape character": "report.yaml-why-escape",
    # "\u" or "\x" in double quotes starts a character code: a Windows path (D:\user\…) written in them
    "did not find expected hexdecimal number": "report.yaml-why-escape",
    "found undefined tag handle": "report.yaml-why-tag",
    "found incompatible YAML document": "report.yaml-why-directive",
    "found duplicate %YAML directive": "report.yaml-why-directive",
    "did not find expected node content": "report.yaml-why-no-value",
    "found undefined alias": "report.yaml-why-alias",
    "did not find expected alphabetic or numeric character": "report.yaml-why-anchor-name",
    "block sequence entries are not allowed in this context": "report.yaml-why-dash-here",
    "did not find expected <document start>": "report.yaml-why-document-end",
    "found invalid Unicode character escape code": "report.yaml-why-escape",
    "found an indentation indicator equal to 0": "report.yaml-why-block-header",
    "found unexpected document indicator": "report.yaml-why-document-marker",
    "found unexpected end of stream": "report.yaml-why-unexpected-end",
    # a tag written out (``!<…>``), or a character right after a tag
    "did not find expected tag URI": "report.yaml-why-tag",
    "did not find the expected '>'": "report.yaml-why-tag",
    "did not find URI escaped octet": "report.yaml-why-tag",
    "did not find expected whitespace or line break": "report.yaml-why-tag",
    # a line starting with "%" at the top
    "could not find expected directive name": "report.yaml-why-directive",
    "found unknown directive name": "report.yaml-why-directive",
    "found unexpected non-alphabetical character": "report.yaml-why-directive",
    "did not find expected version number": "report.yaml-why-directive",
    "did not find expected digit or '.' character": "report.yaml-why-directive",
    "found extremely long version number": "report.yaml-why-directive",
    "found duplicate %TAG directive": "report.yaml-why-directive",
    "did not find expected whitespace": "report.yaml-why-directive",
    "did not find expected '!'": "report.yaml-why-directive",  # a %TAG directive's handle
}
_TOO_DEEP = "exceeded maximum nesting depth"
# libyaml says this after a block scalar's "|" or ">", a directive or "--- ": the line tells which.
_LINE_END = "did not find expected comment or line break"
_BLOCK_HEADER = later(r"(?:^|[:\-?]\s)\s*[|>]")
# ``teachers: -``: a dash alone after a field, written for "none" as on a paper form, starts a list to YAML.
_DASH_ALONE = later(r":[ \t]+-[ \t]*(?:#.*)?$")
# A "\u" escape of half a character (a UTF-16 surrogate, as JSON and JavaScript write 😀: "\ud83d\ude00"),
# which libyaml refuses as an invalid code: the escape is a known one, so "use single quotes" misled (the
# escape then stays as its text). After an even run of backslashes only: "\\ud83d" is a backslash and text.
_BYTE_ORDER_MARK = "\ufeff"
_BAD_CODE = "found invalid Unicode character escape code"
_HALF_CHARACTER = later(
    r"(?<!\\)(?:\\\\)*(?P<escape>\\u(?P<high>[dD][89abAB][0-9a-fA-F]{2})\\u(?P<low>[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|\\u[dD][89a-fA-F][0-9a-fA-F]{2}|\\U0000[dD][89a-fA-F][0-9a-fA-F]{2})"
)


def syntax_reason(problem: str, line: str = "") -> Wording:
    """libyaml's ``problem`` in the tool's words where it has them (``_SYNTAX_REASONS``); ``line``: the
    line it is on."""
    key = _SYNTAX_REASONS.get(problem)
    if problem == _LINE_END:
        key = (
            "report.yaml-why-directive"
            if line.startswith("%")
            else "report.yaml-why-block-header"
            if _BLOCK_HEADER.search(line)
            else "report.yaml-why-line-end"
        )
    if key == "report.yaml-why-dash-here" and _DASH_ALONE.search(line):
        key = "report.yaml-why-dash-alone"
    return msg(key) if key is not None else problem


def syntax_problem(text: str, display: str, where: Mark, reason: str) -> Problem:
    lines = text.splitlines()
    line, column = where
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = current[: len(current) - len(current.lstrip())]
    if "\t" in indent or current[column - 1 : column] == "\t":
        return marked_problem(display, (line, current.index("\t") + 1), "yaml-tab")
    for number in (line, line - 1):
        # A byte-order mark after the file's start (files joined, text pasted): libyaml skips it unsaid at a
        # line's start, and the line after it then stands one column off ("not aligned")
        source = lines[number - 1] if 0 < number <= len(lines) else ""
        if _BYTE_ORDER_MARK in source:
            at = (number, source.index(_BYTE_ORDER_MARK) + 1)
            return marked_problem(display, at, "byte-order-mark", code_point=describe(_BYTE_ORDER_MARK))
    if reason == _BAD_CODE and (half := _HALF_CHARACTER.search(current)):
        return _half_character(display, line, half)
    for number in (line, line - 1):
        source = lines[number - 1] if 0 < number <= len(lines) else ""
        for code, pattern in SLIPS:
            match = pattern.search(source)
            if match:
                at = (number, match.start(1) + 1)
                if code == "odd-space":
                    return marked_problem(display, at, code, code_point=f"U+{ord(match.group(1)):04X}")
                if code == "colon-without-space":
                    return marked_problem(display, (number, match.end(1) + 1), code, field=match.group(1))
                return marked_problem(display, at, code)
    for number in range(line, max(line - 10, 0), -1):
        match = OPEN_QUOTE.match(lines[number - 1]) if number <= len(lines) else None
        if match:
            return marked_problem(display, (number, match.start(1) + 1), "unclosed-quote")
    if reason == "did not find expected <document start>":  # libyaml points past the "..." or "%" line
        where = next(
            ((n, 1) for n in range(min(line, len(lines)), 0, -1) if lines[n - 1].startswith(("...", "%"))),
            where,
        )
    if reason == _TOO_DEEP:  # libyaml's own limit, 1,000 levels, far past the tool's: in the tool's words
        return marked_problem(display, where, "too-deep", limit=MAX_DEPTH, file_kind=of_a_report())
    return marked_problem(display, where, "yaml-syntax", reason=syntax_reason(reason, current))


def _half_character(display: str, line: int, half: re.Match[str]) -> Problem:
    """A surrogate escape: a pair as the character it makes (to write itself, or as one ``\\U`` escape), a
    lone half as no character at all."""
    at = (line, half.start("escape") + 1)
    if half["high"] is None:
        return marked_problem(display, at, "yaml-escape-half", escape=half["escape"])
    code = 0x10000 + ((int(half["high"], 16) - 0xD800) << 10) + (int(half["low"], 16) - 0xDC00)
    return marked_problem(
        display, at, "yaml-escape-pair", escape=half["escape"], character=chr(code), write=f"\\U{code:08X}"
    )
