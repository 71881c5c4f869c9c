"""Reading YAML input files (reports and rule files) with the position of every node.

PyYAML's composer gives each node a start mark (line, column); we build plain Python data from the node
tree ourselves and keep, for every path like ``("schools", 2, "teachers")``, where its key and value stand.
That is how a Pydantic error location maps back to ``file:line:column``.

Building the data ourselves is also where the hostile inputs are refused: duplicate keys (PyYAML keeps the
last one silently), tags that build objects, alias bombs, several documents. Problems are returned as
values so that one bad file never stops a run.
"""

from __future__ import annotations

import bisect
import codecs
import functools
import itertools
import re
from collections.abc import Hashable
from pathlib import Path
from typing import Any

from zhijiao_check.blockyaml import read_block
from zhijiao_check.characters import odd_characters
from zhijiao_check.files import MAX_BYTES, read_file
from zhijiao_check.located import MAX_DEPTH, MAX_NODES, Mark, Parsed, Path_, Positions, checked_text
from zhijiao_check.patterns import later
from zhijiao_check.problems import Problem, format_path
from zhijiao_check.records import record
from zhijiao_check.wording import Wording, msg

# A real report has a few thousand nodes; aliases may repeat at most this many more before we call it a bomb.
MAX_ALIAS_NODES = 10_000

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NODES",
    "Mark",
    "Parsed",
    "Path_",
    "Positions",
    "parse_yaml",
    "read_data",
]
_STANDARD_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_STANDARD_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")}
_SEQ_TAG = _STANDARD_TAG + "seq"
_MAP_TAG = _STANDARD_TAG + "map"
_MERGE_TAG = _STANDARD_TAG + "merge"
_NUMBER_TAGS = {_STANDARD_TAG + "int", _STANDARD_TAG + "float"}
_TIMESTAMP_TAG = _STANDARD_TAG + "timestamp"  # a date is mutable-free too, but a datetime may carry a tzinfo
# Numbers as a person writes them: plain decimals (and YAML's .inf/.nan, which the report checks name).
_DECIMAL = later(
    r"[-+]? (?: 0 | [1-9][0-9]* | [0-9]+ \. [0-9]* | \. [0-9]+ ) (?: [eE] [-+]? [0-9]+ )?"
    r"| [-+]? \. (?: inf | Inf | INF ) | \. (?: nan | NaN | NAN )",
    re.VERBOSE,
)


@record
class Decoded:
    text: str
    encoding: str


def read_data(
    path: Path, display: str, *, partial: bool = False
) -> tuple[Parsed | list[Problem], str | None]:
    """A data file (a report, a roster) read into plain data with the position of every value, and the
    encoding it was in (None when unreadable): the one entry point for every kind of input file. YAML, and a
    ``.json`` file as JSON (``jsonsource``: JSON's numbers and line:column)."""
    decoded = read_text(path, display)
    if isinstance(decoded, Problem):
        return [decoded], None
    if syntax_suffix(path) != ".json":
        return parse_yaml(decoded.text, display, partial=partial), decoded.encoding
    from zhijiao_check.jsonsource import parse_json

    parsed = parse_json(decoded.text, display)
    if isinstance(parsed, Parsed) and parsed.problems and not partial:
        return list(parsed.problems), decoded.encoding
    return parsed, decoded.encoding


def syntax_suffix(path: Path) -> str:
    """The suffix that tells how the file is written, lower case: ``x.json.txt``, a report Notepad saved as a
    text document (the ``.txt`` hidden by Windows), is written as ``.json``."""
    suffix = path.suffix.lower()
    if suffix == ".txt" and path.stem.lower().endswith((".yaml", ".yml", ".json")):
        return Path(path.stem).suffix.lower()
    return suffix


def read_text(path: Path, display: str) -> Decoded | Problem:
    """The file's text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (the caller warns)."""
    raw = read_file(path, display)
    return raw if isinstance(raw, Problem) else decode(raw, display)


# What a spreadsheet saved in the wrong format, or named as text, starts with: a zip (.xlsx, .ods, .docx) or
# an OLE compound file (Excel 97-2003's .xls, WPS's .et). Read as text, its bytes were "not UTF-8 or GB18030".
_OFFICE_STARTS = (
    (b"PK\x03\x04", "office-document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy-office-document"),
)


def decode(raw: bytes, display: str) -> Decoded | Problem:
    for start, code in _OFFICE_STARTS:
        if raw.startswith(start):
            return _problem(display, (1, 1), code)
    if raw.startswith(codecs.BOM_UTF8):
        return _decode_as(raw[len(codecs.BOM_UTF8) :], "utf-8", "utf-8-sig", display)
    # before UTF-16: FF FE 00 00 starts with FF FE
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _problem(display, (1, 1), "wide-encoding", encoding="UTF-32")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_as(raw, "utf-16", "utf-16", display)
    wide = _wide_encoding(raw)
    if wide:
        return _problem(display, (1, 1), "wide-encoding", encoding=wide)
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
        return _problem(display, _place(raw[: error.start], codec), "bad-encoding-bom", encoding=name)


def _place(before: bytes, codec: str) -> Mark:
    """The (line, column) in characters just after ``before``, the valid start of a file in ``codec``."""
    return _line_column(before.decode(codec, errors="replace"))


# What YAML counts as a line break (a file saved with CR only, as old Mac editors do, is read line by line
# too).
_LINE_BREAK = later("\r\n|[\r\n\x85\u2028\u2029]")


def _line_column(before: str) -> Mark:
    """The 1-based (line, column) just after the text ``before``, lines counted as YAML counts them."""
    breaks = list(_LINE_BREAK.finditer(before))
    start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, len(before) - start + 1


def parse_yaml(text: str, display: str, *, partial: bool = False) -> Parsed | list[Problem]:
    """Parse one YAML document into plain data plus positions, or the problems that prevent it.

    With ``partial``, problems confined to one key or value (the offending key dropped, the value ``None``)
    come back in ``Parsed.problems`` instead; a file that cannot be read as a whole still gives the list.
    """
    import yaml

    slips = scan_slips(text, display)
    if any(slip.code == "line-separator" for slip in slips):
        # YAML would count lines differently from an editor: every later line number would be wrong
        return slips
    loader_class = _loader_class()
    if len(text) >= MAX_NODES and _most_nodes(text) > MAX_NODES:
        over = _node_over_limit(text, loader_class)
        if over:
            return [*slips, _problem(display, over, "too-many-values", limit=f"{MAX_NODES:,}")]
    if not slips:
        block = read_block(text, _PLAIN, _quoted_scalar)
        if block is not None:
            return Parsed(block[0], block[1], ())
    loader = loader_class(text)
    try:
        if not loader.check_node():
            return [_problem(display, (1, 1), "empty-file")]
        root = loader.get_node()
        if loader.check_node():
            second = loader.get_node()
            return [_problem(display, _mark(second), "several-documents")]
    except yaml.MarkedYAMLError as error:
        syntax = _syntax_problem(text, display, _fault(error, text), error.problem or str(error))
        return slips + [syntax] if syntax.line not in {slip.line for slip in slips} else slips
    except yaml.reader.ReaderError as error:
        # A control character. libyaml counts its offset in UTF-8 bytes, the pure-Python reader in characters.
        if not issubclass(loader_class, getattr(yaml, "CSafeLoader", ())):
            before = text[: error.position]
        else:
            before = text.encode("utf-8")[: error.position].decode("utf-8", errors="ignore")
        return [
            _problem(display, _line_column(before), "bad-character", code_point=f"U+{error.character:04X}")
        ]
    except yaml.YAMLError as error:
        return [_problem(display, (1, 1), "yaml-syntax", reason=str(error))]
    # only the pure-Python reader (no libyaml) recurses without a depth limit of its own
    except RecursionError:
        return [_problem(display, (1, 1), "too-deep", limit=MAX_DEPTH)]
    finally:
        loader.dispose()
    if root is None:
        return [_problem(display, (1, 1), "empty-file")]
    quick = _quick_build(root) if "&" not in text or "*" not in text else None
    if quick is not None:
        data, positions = quick
        problems, bomb = slips, False
    else:
        builder = _Builder(display, loader, text)
        builder.problems += slips
        data = builder.build(root, ())
        positions, problems, bomb = builder.positions, builder.problems, builder.bomb
    if problems and (bomb or not partial or not isinstance(data, dict)):
        return problems
    if not isinstance(data, dict):
        return [_problem(display, _mark(root), "top-not-mapping", found=_kind_of(data))]
    return Parsed(data, positions, tuple(problems))


# The resolver is memoised by (kind, text, implicit): a year's reports repeat the same keys and values
# thousands of times, and libyaml's composer asks the pure-Python resolver about every one of them. Bounded
# (the least recently used are let go): a hostile file of unique values cannot fill memory.
# Plain scalars already built and found clean (a text without odd characters), by (tag, text): str, int,
# float, bool and None are immutable, so one object serves all.
# Both are for what recurs: the keys (a few hundred), flags, names, small counts. A large run's figures mostly
# differ from report to report, and each one remembered costs some 430 bytes (the resolver's entry 300): with
# room for 200,000 of each, 10,000 reports of varied figures held 4 MiB of them by the end, and could have
# held 80 (the whole 10,000-report peak is 44). The resolver's memo lets the least recently used go, so what
# recurs stays in 1,024 entries (1,000 cloned reports: 99% found either way; 4,096 held 1 MiB more of
# varied figures at a 10,000-report peak). The memo of built values keeps its first 4,096, the keys among
# them: at 1,024, later keys missed it, and 1,000 reports built 68,000 values instead of 1,600.
_BUILT: dict[tuple[str, str], Any] = {}
_CACHE_LIMIT = 4_096
_RESOLVED_LIMIT = 1_024
_MISSING = object()  # not in a cache
_LOADER: list[type] = []


def _loader_class() -> Any:
    """libyaml's safe loader (the pure-Python one without libyaml) with the memoised resolver."""
    if _LOADER:
        return _LOADER[0]
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc, valid-type]
        # The composer calls these two around every node, for path resolvers, which are never registered
        # here: calls of C callables that do nothing rather than of Python methods that return at once.
        descend_resolver = staticmethod(slice)  # called with (parent, index)
        ascend_resolver = staticmethod(tuple)  # called with nothing

        # A C callable too, asked once per node: resolving reads only the class's resolvers (no path
        # resolvers are registered), never the loader's state, so one resolver answers for every loader.
        resolve = staticmethod(functools.lru_cache(maxsize=_RESOLVED_LIMIT)(yaml.resolver.Resolver().resolve))

    _LOADER.append(Loader)
    return Loader


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
# A value that opens a double quote and never closes it on its line: YAML reads on, into the next fields.
_OPEN_QUOTE = later(r"""^[ ]*(?:-[ ]+)?[^\s:#"'][^:#"']*:[ ]+(")(?:[^"\\]|\\.)*$""")
_SLIPS = (
    ("fullwidth-colon", _FULLWIDTH_KEY),
    ("odd-space", _ODD_SPACE),
    ("colon-without-space", _NO_SPACE_AFTER_COLON),
    ("dash-without-space", _NO_SPACE_AFTER_DASH),
)


MAX_SLIPS = 200  # more than are ever shown (report.MAX_PROBLEMS)
_SEPARATORS = later("[\u2028\u2029\x85]")
_INDENT = later(r"^([ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]*+)(?:-[ ]++)?")
_ASCII_KEY_FULLWIDTH = later(r"^[ ]*+(?:-[ ]++)?[A-Za-z_][A-Za-z0-9_]*+[ ]*+(：)")
_FULLWIDTH_COMMA = later(r"(，)[ \u3000]*[A-Za-z_][A-Za-z0-9_]*[ ]*[:：]")
_BLOCK_OPENING = later(r"[:-][ ]+[|>][-+0-9]*[ ]*$", re.MULTILINE)
# The characters of the slips that are not of the ASCII kind.
_SLIP_CHARACTERS = "\t\u00a0\u2000-\u200a\u202f\u205f\u3000：，\u2028\u2029\x85"
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
            r":[^\s#]",
            "-[A-Za-z_][A-Za-z0-9_]*+:",
        ]
    )
)


def scan_slips(text: str, display: str) -> list[Problem]:
    """Every slip of typing that breaks YAML, found before parsing, because libyaml stops at the first: a
    clerk typing with a Chinese input method would otherwise fix one full-width colon per run.

    Found: a tab or an odd space (full-width, no-break) in the indentation or after a colon; a full-width
    colon after a field name; a full-width comma between the entries of ``{…}``; a field's colon or a list's
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
            _problem(display, (number, m.start() + 1), "line-separator", code_point=f"U+{ord(m.group()):04X}")
            for m in itertools.islice(_SEPARATORS.finditer(line), MAX_SLIPS + 1)
        ]
        block = bisect.bisect_right(starts, line_start) - 1
        if block >= 0 and line_start < ends[block]:
            continue  # inside a literal block (``|``): its lines are text, not YAML
        # most lines have none: only then read out quotes and comments
        if slips := _line_slips(line, number, display):
            problems += (
                _line_slips(_code_part(line), number, display) if _QUOTE_OR_HASH.search(line) else slips
            )
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


def _line_slips(code: str, number: int, display: str) -> list[Problem]:
    found: list[Problem] = []
    leading = _INDENT.match(code)
    tab = code.find("\t", 0, leading.end(1)) if leading else -1
    if tab >= 0:
        found.append(_problem(display, (number, tab + 1), "yaml-tab"))
    for match in _ODD_SPACE.finditer(code) if _ODD_SPACE_CHAR.search(code) else ():
        found.append(
            _problem(
                display, (number, match.start(1) + 1), "odd-space", code_point=f"U+{ord(match.group(1)):04X}"
            )
        )
    if key := _ASCII_KEY_FULLWIDTH.match(code):
        found.append(_problem(display, (number, key.start(1) + 1), "fullwidth-colon"))
    if "{" in code:
        for comma in _FULLWIDTH_COMMA.finditer(code, code.index("{")):
            found.append(_problem(display, (number, comma.start(1) + 1), "fullwidth-comma"))
    if colon := _NO_SPACE_AFTER_COLON.match(code):
        found.append(
            _problem(display, (number, colon.end(1) + 1), "colon-without-space", field=colon.group(1))
        )
    if dash := _NO_SPACE_AFTER_DASH.match(code):
        found.append(_problem(display, (number, dash.start(1) + 1), "dash-without-space"))
    return found


# A quoted text, or a comment: what a slip inside of is no slip.
_QUOTED_OR_COMMENT = later(
    r"""(?:(?<=[\s\[{,:-])|^)(?:"(?:[^"\\]|\\.)*"?|'(?:[^']|'')*'?)|(?:(?<=\s)|^)#.*"""
)


_QUOTE_OR_HASH = later("[\"'#]")


def _code_part(line: str) -> str:
    """The line without its comment and with quoted text blanked (positions kept)."""
    return _QUOTED_OR_COMMENT.sub(lambda m: "" if m.group().startswith("#") else " " * len(m.group()), line)


# Where libyaml notices these, the fault is usually where the construct started: a quote or a key never ended.
_STARTED_AT_FAULT = ("while scanning a quoted scalar", "while scanning a simple key")
# A bracket never closed is noticed at the next line's key; a missing comma further down, where it is missing.
_FLOW = ("while parsing a flow sequence", "while parsing a flow mapping")


def _fault(error: Any, text: str) -> Mark:
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
# libyaml says this after a block scalar's "|" or ">", a directive or "--- ": the line tells which.
_LINE_END = "did not find expected comment or line break"
_BLOCK_HEADER = later(r"(?:^|[:\-?]\s)\s*[|>]")


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
    return msg(key) if key is not None else problem


def _syntax_problem(text: str, display: str, where: Mark, reason: str) -> Problem:
    lines = text.splitlines()
    line, column = where
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = current[: len(current) - len(current.lstrip())]
    if "\t" in indent or current[column - 1 : column] == "\t":
        return _problem(display, (line, current.index("\t") + 1), "yaml-tab")
    for number in (line, line - 1):
        source = lines[number - 1] if 0 < number <= len(lines) else ""
        for code, pattern in _SLIPS:
            match = pattern.search(source)
            if match:
                at = (number, match.start(1) + 1)
                if code == "odd-space":
                    return _problem(display, at, code, code_point=f"U+{ord(match.group(1)):04X}")
                if code == "colon-without-space":
                    return _problem(display, (number, match.end(1) + 1), code, field=match.group(1))
                return _problem(display, at, code)
    for number in range(line, max(line - 10, 0), -1):
        match = _OPEN_QUOTE.match(lines[number - 1]) if number <= len(lines) else None
        if match:
            return _problem(display, (number, match.start(1) + 1), "unclosed-quote")
    if reason == "did not find expected <document start>":  # libyaml points past the "..." or "%" line
        where = next(
            ((n, 1) for n in range(min(line, len(lines)), 0, -1) if lines[n - 1].startswith(("...", "%"))),
            where,
        )
    return _problem(display, where, "yaml-syntax", reason=syntax_reason(reason, current))


class _Builder:
    """Turns a composed node graph into dicts, lists and scalars, refusing what a report may not contain."""

    def __init__(self, display: str, loader: Any, text: str) -> None:
        self.display = display
        self.loader = loader
        self.text = text
        self._line_starts: list[int] | None = None
        self._aliases: dict[Path_, Mark] | None = None
        # Inside an alias's expansion, everything is located at the alias (``*n``), not at its anchor.
        self.alias_mark: Mark | None = None
        self.positions = Positions()
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
        self.active: set[int] = set()
        self.alias_depth = 0
        self.alias_nodes = 0
        self.bomb = False

    def build(self, node: Any, path: Path_) -> Any:
        if not self.alias_depth and len(path) <= MAX_DEPTH and id(node) not in self.seen and not self.bomb:
            self.seen.add(id(node))  # the common case, a node met for the first time: nothing to guard
            return self._node(node, path)
        return self._guarded(node, path)

    def _guarded(self, node: Any, path: Path_) -> Any:
        if self.bomb:
            return None
        if id(node) in self.active:
            self._fail(node, path, "alias-recursive")
            self.bomb = True
            return None
        if len(path) > MAX_DEPTH:
            self._fail(node, path[:MAX_DEPTH], "too-deep", limit=MAX_DEPTH)
            self.bomb = True
            return None
        repeated = id(node) in self.seen  # built before: this is an alias being expanded again
        self.seen.add(id(node))
        outer_mark = self.alias_mark
        if repeated:
            self.alias_depth += 1
            if outer_mark is None:
                self.alias_mark = self._alias_at(path)
        try:
            if self.alias_depth:
                self.alias_nodes += 1
                if self.alias_nodes > MAX_ALIAS_NODES:
                    self._fail(node, path, "alias-bomb", limit=MAX_ALIAS_NODES)
                    self.bomb = True
                    return None
            return self._node(node, path)
        finally:
            if repeated:
                self.alias_depth -= 1
                self.alias_mark = outer_mark

    def _node(self, node: Any, path: Path_) -> Any:
        self.positions.values[path] = self._mark(node)
        if node.id == "scalar":  # PyYAML's node kinds: "scalar", "sequence", "mapping"
            value = self._scalar(node, path)
            return self._text(node, path, value) if isinstance(value, str) else value
        if node.tag not in (_SEQ_TAG, _MAP_TAG):
            self._fail(node, path, "tag-not-allowed", tag=_shown_tag(node.tag))
            return None
        self.active.add(id(node))
        try:
            if node.id == "sequence":
                return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
            return self._mapping(node, path)
        finally:
            self.active.discard(id(node))

    def _mapping(self, node: Any, path: Path_) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        keys = self.positions.keys
        for key_node, value_node in node.value:
            if key_node.id != "scalar" or key_node.tag == _MERGE_TAG:
                code = "merge-key" if key_node.tag == _MERGE_TAG else "complex-key"
                self._fail(key_node, path, code)
                continue
            key = self._scalar(key_node, path)
            if not isinstance(key, Hashable) or key is None:
                self._fail(key_node, path, "complex-key")
                continue
            if not isinstance(key, str):
                key = key_node.value  # `2023:` or `yes:` as a key is still the text the user wrote
            child = (*path, key)
            if key in result:
                first = self.positions.key(child)
                self._fail(key_node, child, "duplicate-key", field=key, first_line=first[0] if first else "?")
                continue
            keys[child] = self._mark(key_node)
            result[key] = self.build(value_node, child)
        return result

    def _scalar(self, node: Any, path: Path_) -> Any:
        key = (node.tag, node.value)
        if key in _BUILT:
            return _BUILT[key]
        if node.tag not in _PLAIN_TAGS:
            self._fail(node, path, "tag-not-allowed", tag=_shown_tag(node.tag))
            return None
        value = _construct(self.loader, node)
        if isinstance(value, _Refused):
            self._fail(node, path, value.code, **value.params)
            return None
        _remember(key, value)
        return value

    def _fail(self, node: Any, path: Path_, code: str, **params: object) -> None:
        self.problems.append(Problem(self.display, *self._mark(node), format_path(path), code, params))

    def _mark(self, node: Any) -> Mark:
        return self.alias_mark or _mark(node)

    def _alias_at(self, path: Path_) -> Mark | None:
        """Where the alias that repeats the node at ``path`` is written
        (the composer keeps only the anchor).
        """
        if self._aliases is None:
            self._aliases = _alias_marks(self.text)
        return self._aliases.get(path)

    def _text(self, node: Any, path: Path_, value: str) -> str:
        readable, problem = checked_text(
            value, path, self.display, lambda char: self.alias_mark or self._find(char, _mark(node))
        )
        if problem:
            self.problems.append(problem)
        return readable

    def _find(self, char: str, start: Mark) -> Mark:
        """The (line, column) of the first ``char`` at or after ``start`` in the text."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(self.text)]
        line, column = start
        starts = self._line_starts
        offset = self.text.find(char, starts[min(line, len(starts)) - 1] + column - 1)
        if offset < 0:
            return start
        found = bisect.bisect_right(starts, offset)
        return found, offset - starts[found - 1] + 1


@record
class _Refused:
    """A scalar the loader read but we do not take: the problem's code and parameters."""

    code: str
    params: dict[str, object]


def _construct(loader: Any, node: Any) -> Any:
    """The value of a plain scalar node, or why it is refused."""
    try:
        value = loader.construct_object(node, deep=True)
    except Exception as error:  # noqa: BLE001 - a malformed timestamp or number the resolver accepted
        shown = node.value if len(node.value) <= 40 else node.value[:40] + "…"
        return _Refused("bad-scalar", {"value": shown, "reason": str(error).splitlines()[0]})
    if node.tag in _NUMBER_TAGS and not _DECIMAL.fullmatch(node.value):
        # YAML 1.1 reads 0120 as 80 (octal), 1:30 as 90 (base 60), 0x30 as 48: never take these silently.
        write = re.sub(r"^([-+]?)0+(?=\d)", r"\1", node.value.replace("_", ""))
        if not _DECIMAL.fullmatch(write):
            write = str(value)
        return _Refused("number-notation", {"value": node.value, "read": str(value), "write": write})
    return value


def _remember(key: tuple[str, str], value: Any) -> None:
    """Keep a built scalar for the next time its text is met, if it is clean (see ``_BUILT``)."""
    clean = not isinstance(value, str) or not odd_characters(value)
    if clean and len(_BUILT) < _CACHE_LIMIT and key[0] != _TIMESTAMP_TAG:
        _BUILT[key] = value


class _PlainValues(dict[str, Any]):
    """Plain scalars built for ``blockyaml``, by their text, with the same bound and the same care as
    ``_BUILT`` (a text's tag is always the same, so the text alone is the key)."""

    def value(self, text: str) -> Any:
        import yaml

        tag = _loader_class().resolve(yaml.ScalarNode, text, (True, False))
        value = _clean_scalar(tag, text)
        if (tag, text) in _BUILT and len(self) < _CACHE_LIMIT:
            self[text] = value
        return value


_PLAIN = _PlainValues()
_CONSTRUCTOR: list[Any] = []


def _quoted_scalar(text: str) -> Any:
    return _clean_scalar(_STANDARD_TAG + "str", text)


def _clean_scalar(tag: str, text: str) -> Any:
    """The value of a scalar of ``tag`` written as ``text``, remembered (``_BUILT``) for the next time; for
    the quick readers (``_QuickBuilder``, ``blockyaml``), which leave to the careful builder what it would
    refuse or warn of (``_Irregular``): a tag that is not a plain value's, a number as only YAML 1.1 reads
    it, a text with odd characters."""
    key = (tag, text)
    value = _BUILT.get(key, _MISSING)
    if value is _MISSING:
        if tag not in _PLAIN_TAGS:
            raise _Irregular(tag)
        import yaml

        if not _CONSTRUCTOR:
            _CONSTRUCTOR.append(yaml.constructor.SafeConstructor())
        constructor = _CONSTRUCTOR[0]
        value = _construct(constructor, yaml.ScalarNode(tag, text))
        constructor.constructed_objects.clear()
        if isinstance(value, _Refused) or (isinstance(value, str) and odd_characters(value)):
            raise _Irregular(text)
        _remember(key, value)
    return value


class _Irregular(ValueError):
    """Something the quick readers leave to the careful builder, which says what is wrong with it (a
    ``ValueError``, as ``blockyaml`` expects)."""


def _quick_build(root: Any) -> tuple[Any, Positions] | None:
    """The data and positions of a node tree without aliases, built as ``_Builder`` builds them, or None
    at the first node that the careful builder would refuse or report (a refused tag or scalar, a key that
    is not a text or is repeated, odd characters in a text, too deep). Most files have none of these; for
    them this costs about half as much as building with every guard.
    """
    quick = _QuickBuilder()
    try:
        data = quick.build(root, ())
    except _Irregular:
        return None
    return data, Positions(quick.values, quick.keys)


class _QuickBuilder:
    __slots__ = ("keys", "values")

    def __init__(self) -> None:
        self.values: dict[Path_, Mark] = {}
        self.keys: dict[Path_, Mark] = {}

    def scalar(self, node: Any) -> Any:
        return _clean_scalar(node.tag, node.value)

    def build(self, node: Any, path: Path_) -> Any:
        mark = node.start_mark
        self.values[path] = (mark.line + 1, mark.column + 1)
        if node.id == "scalar":
            return self.scalar(node)
        if node.tag not in (_SEQ_TAG, _MAP_TAG) or len(path) >= MAX_DEPTH:
            raise _Irregular
        if node.id == "sequence":
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        result: dict[Any, Any] = {}
        keys, values, scalar, built = self.keys, self.values, self.scalar, _BUILT.get
        for key_node, value_node in node.value:
            if key_node.id != "scalar":
                raise _Irregular
            key = built((key_node.tag, key_node.value), _MISSING)
            if key is _MISSING:
                key = scalar(key_node)
            if key.__class__ is not str:
                if key is None:
                    raise _Irregular
                key = key_node.value  # `2023:` or `yes:` as a key is still the text the user wrote
            child = (*path, key)
            if key in result:
                raise _Irregular
            mark = key_node.start_mark
            keys[child] = (mark.line + 1, mark.column + 1)
            if value_node.id == "scalar":  # most values: built here, as ``build`` would
                mark = value_node.start_mark
                values[child] = (mark.line + 1, mark.column + 1)
                value = built((value_node.tag, value_node.value), _MISSING)
                result[key] = scalar(value_node) if value is _MISSING else value
            else:
                result[key] = self.build(value_node, child)
        return result


def _most_nodes(text: str) -> int:
    """At least as many as the values in ``text``: each starts a line or follows one of these characters.
    Never more than the characters and one: a text shorter than ``MAX_NODES`` is not counted."""
    return sum(text.count(char) for char in "\n,:-[{?") + 1


def _node_over_limit(text: str, loader_class: Any) -> Mark | None:
    """Where the value beyond ``MAX_NODES`` starts, counted from the parser's events without building any."""
    import yaml

    loader = loader_class(text)
    counted = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent):
                counted += 1
                if counted > MAX_NODES:
                    return _mark(event)
    except yaml.YAMLError:
        return None  # the parse proper will say what is wrong
    finally:
        loader.dispose()
    return None


def _alias_marks(text: str) -> dict[Path_, Mark]:
    """The path of every alias (``*n``) in the text and where it stands, from the parser's events."""
    import yaml

    marks: dict[Path_, Mark] = {}
    # One frame per open collection: [path, is_mapping, next index or None, key pending?]
    stack: list[list[Any]] = []
    key: Any = None

    def place() -> Path_ | None:
        """The path of the node that starts now, or ``None`` for a mapping key."""
        if not stack:
            return ()
        frame = stack[-1]
        if frame[1]:
            return None if frame[3] else (*frame[0], key)
        frame[2] += 1
        return (*frame[0], frame[2])

    def done_value() -> None:
        if stack and stack[-1][1]:
            stack[-1][3] = not stack[-1][3]

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
                path = place()
                if path is None:
                    key = event.value if isinstance(event, yaml.ScalarEvent) else None
                    stack[-1][3] = False
                    continue
                if isinstance(event, yaml.AliasEvent):
                    marks[path] = _mark(event)
                done_value()
            elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                path = place()
                stack.append(
                    [path if path is not None else (), isinstance(event, yaml.MappingStartEvent), -1, True]
                )
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                stack.pop()
                done_value()
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    return marks


def _shown_tag(tag: str) -> str:
    """``tag:yaml.org,2002:python/object`` as the user wrote it: ``!!python/object``."""
    return "!!" + tag.removeprefix(_STANDARD_TAG) if tag.startswith(_STANDARD_TAG) else tag


def _kind_of(data: Any) -> str:
    """What the user wrote, in YAML's words rather than Python's (``~`` is null, not a NoneType)."""
    if data is None:
        return "null"
    if isinstance(data, list):
        return "list"
    if isinstance(data, bool):
        return "bool"
    if isinstance(data, int | float):
        return "number"
    return "text" if isinstance(data, str) else type(data).__name__


def _mark(node: Any) -> Mark:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _problem(display: str, where: Mark | None, code: str, **params: object) -> Problem:
    line, column = where if where else (None, None)
    return Problem(display, line, column, "", code, params)
