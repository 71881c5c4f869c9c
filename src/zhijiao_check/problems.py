"""A problem found in an input file (a report or a rule file), located to the line and column."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import field
from typing import TYPE_CHECKING, Literal, NotRequired, TypedDict, cast

from zhijiao_check.characters import escaped, user_text
from zhijiao_check.patterns import later
from zhijiao_check.records import record
from zhijiao_check.wording import WORDING, Msg, msg

if TYPE_CHECKING:
    from zhijiao_check.i18n import Translator

Severity = Literal["error", "warning"]


class ProblemDoc(TypedDict):
    """A problem as JSON outputs give it."""

    file: str
    line: int | None
    column: int | None
    path: str
    code: str
    severity: Severity
    message: str
    cell: NotRequired[str]  # in a workbook: ``学校!F7（在校生）``


@record
class Problem:
    """One located problem. ``area`` and ``code`` name its message ``<area>.<code>`` in
    ``messages/<lang>/<area>.py``; a parameter may be wording (``zhijiao_check.wording``), rendered in the
    language the problem is shown in.

    ``path`` is the field path in the report (``schools[2].teachers``), empty for the whole file. ``line``
    and ``column`` are 1-based; ``None`` only when the file could not be read at all. ``cell`` locates a
    problem in a workbook (``学校!F7（在校生）``: sheet, cell and the column's header); then ``line`` and
    ``column`` are that cell's row and column number.
    """

    file: str
    line: int | None
    column: int | None
    path: str
    code: str
    params: Mapping[str, object] = field(default_factory=dict)
    severity: Severity = "error"
    area: str = "report"
    cell: str = ""

    def message(self, tr: Translator) -> str:
        params = {name: quoted(value, tr) for name, value in self.params.items()}
        return tr(self.message_key(), **params)

    def message_key(self) -> str:
        """``<area>.<code>``, worded for a workbook's cell where it is in one (``worded_for``)."""
        return worded_for(f"{self.area}.{self.code}", bool(self.cell))

    def shown_path(self, tr: Translator) -> str:
        """The field path as shown, abridged as a value is (a key of megabytes is a path of megabytes), and
        escaped (``characters.escaped``): a key is whatever its author quoted, an escape sequence or a newline
        too, and every view, the terminal's, a CI log's, Markdown's, shows the path from here."""
        return user_text(escaped(str(shortened(self.path, tr))))

    def where(self) -> str:
        """``file:line:column`` (as far as known), or ``file:sheet!cell（header）`` in a workbook. The file's
        name is the user's (``characters.user_text``: as typed on a terminal whose glyphs a view replaces)."""
        file = user_text(self.file)
        if self.cell:
            return f"{file}:{self.cell}"
        parts = [file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def report_line(self, tr: Translator, severity: bool = True, folded: bool = False) -> str:
        """``file:line:col: error: path: message``, as compilers write it, for editors and CI problem matchers
        (without the severity under a heading that says it); in Chinese, as GCC's Chinese messages write
        it, ``file:line:col: 错误：path: message`` (the place keeps its ASCII colons, by which a terminal or
        an editor finds it). ``folded``, for a terminal: the place on a line and the message indented under
        it, as ``check`` lays out a problem (each line then folded to the terminal's width): a message as wide
        as the place left is not lost past the edge."""
        # In a workbook the cell and its header say where: a field path is for a YAML author.
        path = f"{self.shown_path(tr)}: " if self.path and not self.cell else ""
        kind = tr(f"cli.severity-{self.severity}") if severity else ""
        place = f"{self.where()}: {kind}{path}"
        if folded:
            return f"{place.rstrip()}\n{FOLDED_INDENT}{self.message(tr)}"
        return place + self.message(tr)

    def as_dict(self, tr: Translator) -> ProblemDoc:
        doc: ProblemDoc = {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.shown_path(tr),
            "code": self.code,
            "severity": self.severity,
            "message": self.message(tr),
        }
        if self.cell:  # only a workbook's problems have one
            doc["cell"] = self.cell
        return doc


def never_read(problems: Iterable[tuple[Severity, int | None]]) -> bool:
    """Whether a path whose problems are these (each its severity and line) could not be read at all
    (absent, a FIFO, no permission): an error, and no problem at a line. A warning at a line says the file
    was read; one at none is of its name (``file-name-txt``), not of what it holds. One test for every view
    that tells such a path from an invalid report (the table view, ``diff``)."""
    erred = False
    for severity, line in problems:
        if line is not None:
            return False
        erred = erred or severity == "error"
    return erred


# The limits every input file meets (``files.read_file``, the YAML and JSON readers), which their messages
# say of a unit report (``file_kind``) unless the reader of another kind of file says which (``said_of``).
FILE_LIMITS = ("file-too-large", "too-many-values", "too-deep")
# The limits of a workbook (``report.workbook.grids``), a report's or a roster's: said of a unit report the
# same way, the workbook's reader naming no kind (``of_a_report`` is each one's ``file_kind``).
WORKBOOK_LIMITS = ("sheet-too-large", "too-many-cells", "too-many-rows", "too-many-merges", "out-of-memory")
FileKind = Literal["report", "roster", "waivers", "pack", "config"]


def of_a_report() -> Msg:
    """What a file over a limit was to be, as its reader says unless told otherwise (``said_of``)."""
    return msg("report.limit-of-report")


def said_of(problems: Iterable[Problem], kind: FileKind) -> list[Problem]:
    """``problems`` of a file of ``kind`` (a roster, a waivers file, …): a limit said of that kind of file,
    not of the unit report it was said of ("a unit report is far smaller" of a waivers file)."""
    return [
        dataclasses.replace(p, params={**p.params, "file_kind": msg(f"report.limit-of-{kind}")})
        if (p.code in FILE_LIMITS and p.area == "report")
        or (p.code in WORKBOOK_LIMITS and p.area == "workbook")
        else p
        for p in problems
    ]


def quoted(value: object, tr: Translator) -> object:
    """A parameter as a message quotes it: wording rendered, a long value shortened, and either escaped,
    since a parameter may be a key or a name as its author wrote it (a control character in a value is taken
    out before it is checked, ``located.checked_text``, but a key is never cleaned, so that the message names
    the key the file holds): no escape sequence reaches a terminal, no newline starts a line of a CI log."""
    kind = value.__class__
    if kind in _AS_GIVEN:  # half the parameters of a large run's warnings (lines, years, figures)
        return value
    if kind is str:  # the other half (names, files): shortened only past a number's most digits
        text = cast(str, value)
        return user_text(escaped(text if len(text) <= MAX_DIGITS else cast(str, shortened(text, tr))))
    if isinstance(value, WORDING):  # the tool's own words, put in place by the translator
        return escaped(tr.render(value))
    shown = shortened(value, tr)
    return user_text(escaped(shown)) if isinstance(shown, str) else shown


# What ``quoted`` and ``shortened`` give as they are given: some 27,000 warnings of 10,000 reports compared
# with the year before quote eight parameters each, and each went through three calls.
_AS_GIVEN = frozenset((int, float, bool, type(None)))

FOLDED_INDENT = "    "  # a folded problem's message, under its place

# A message quotes a value of at most this many characters whole (the longest list of choices is far shorter);
# of a longer one, its start: a value of megabytes made a message of megabytes.
SHOWN = 2_000
SHOWN_START = 200


# The most digits a number's whole part may have, however it is written (``1e30`` has 31): far beyond any
# figure a report holds (the largest field bound, ``report.scalars.MAXIMUM``, has 10), within Decimal's
# default precision, and so far within a float that no sum or ratio of a file's values can overflow one. The
# readers refuse a longer number (``located.LongNumber``); a message shows its start and how many digits.
MAX_DIGITS = 24
# A number as written (``1000…``, ``-0xff…``, ``1:2:…``, ``1.5e3``) with more digits than that.
_LONG_NUMBER = later(
    rf"[-+]?(?P<whole>[0-9][0-9a-zA-Z_:]{{{MAX_DIGITS},}})" r"(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?"
)
NUMBER_START = 12
_NUMBER_FIRST = frozenset("+-0123456789")  # what ``_LONG_NUMBER`` may start with


def shortened(value: object, tr: Translator) -> object:
    """A value as a message quotes it: a text of more than ``SHOWN`` characters, or a number of more than
    ``MAX_DIGITS`` digits, by its start and its length (``999999999999…（共 26 位）``)."""
    if not isinstance(value, str) or len(value) <= MAX_DIGITS:
        return value
    # only a text that starts as a number can be one (a file's path, quoted in many a warning, cannot)
    number = _LONG_NUMBER.fullmatch(value) if value[0] in _NUMBER_FIRST else None
    if number is not None:
        digits = sum(char.isalnum() for char in number.group("whole"))
        if digits > MAX_DIGITS:
            return tr("report.long-number", head=value[:NUMBER_START], count=f"{digits:,}")
    if len(value) > SHOWN:
        return tr("report.long-text", head=value[:SHOWN_START], count=f"{len(value):,}")
    return value


def format_path(path: tuple[str | int, ...]) -> str:
    """``("schools", 2, "teachers")`` -> ``schools[2].teachers``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def worded_for(key: str, in_cell: bool) -> str:
    """``key``, or ``key-in-cell`` for a workbook's cell where the catalogues word it apart from YAML (a
    number stored as text has no quotes to take out; a yes/no cell is chosen from a list of 是 and 否)."""
    if in_cell:
        from zhijiao_check.i18n import exists

        if exists(f"{key}-in-cell"):
            return f"{key}-in-cell"
    return key
