"""The statuses of a rule and the exit statuses of a run: every fact about them, in one place.

A status is an ASCII word (the JSON value, the word in every view); each also has a glyph that reads without
colour, a terminal style, a page colour and an emoji, and says whether it is due (scored) and whether it fails
the run, with and without ``--strict``.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum

from zhijiao_check.records import record


class Status(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    WARN = "warn"
    MISSING = "missing"
    PENDING = "pending"
    BEHIND = "behind"
    WAIVED = "waived"  # not met, and excused by a waiver with a reason (settings/waivers.py)
    NOT_APPLICABLE = "not_applicable"

    @property
    def glyph(self) -> str:
        """``✓``, ``✗``, …: the status at a glance, without colour."""
        return _LOOKS[self].glyph

    @property
    def style(self) -> str:
        """The terminal style (rich markup)."""
        return _LOOKS[self].style

    @property
    def colour(self) -> str:
        """The page colour (HTML)."""
        return _LOOKS[self].colour

    @property
    def emoji(self) -> str:
        """The Markdown sign."""
        return _LOOKS[self].emoji

    @property
    def label(self) -> str:
        """``✗ fail``: the glyph and the ASCII name, readable in any terminal."""
        return f"{self.glyph} {self.value}"

    @property
    def due(self) -> bool:
        """Judged this year, so it counts in the score."""
        return _RULES[self].due

    @property
    def credit(self) -> float:
        """The share of the rule's weight a due rule earns (a warn counts half)."""
        return _RULES[self].credit

    def fails(self, strict: bool = False) -> bool:
        """Whether it fails the run (``warn`` and ``behind`` only with ``--strict``)."""
        return _RULES[self].fails_strict if strict else _RULES[self].fails


@record
class _Looks:
    glyph: str
    style: str
    colour: str
    emoji: str


@record
class _Rules:
    due: bool
    credit: float
    fails: bool
    fails_strict: bool


# A terminal style is one of the eight standard colours, which the terminal's theme, light or dark, makes
# readable on its background, in bold where the status calls for attention; yellow and cyan never bold, as
# many terminals show bold in the bright colour, and bright yellow or cyan cannot be read on white. A rule
# that does not apply is in the text's own colour: dim is for what is secondary to a line (a place).
_LOOKS = {
    Status.PASS: _Looks("✓", "bold green", "#2e7d32", "✅"),
    Status.FAIL: _Looks("✗", "bold red", "#c62828", "❌"),
    Status.WARN: _Looks("!", "yellow", "#ef8f00", "⚠️"),
    Status.MISSING: _Looks("?", "bold magenta", "#7b1fa2", "❓"),
    Status.PENDING: _Looks("…", "cyan", "#0277bd", "⏳"),
    Status.BEHIND: _Looks("↓", "yellow", "#d84315", "📉"),
    Status.WAIVED: _Looks("~", "bold blue", "#5c6bc0", "🔕"),
    Status.NOT_APPLICABLE: _Looks("–", "none", "#9e9e9e", "➖"),
}
_RULES = {
    Status.PASS: _Rules(due=True, credit=1.0, fails=False, fails_strict=False),
    Status.FAIL: _Rules(due=True, credit=0.0, fails=True, fails_strict=True),
    Status.WARN: _Rules(due=True, credit=0.5, fails=False, fails_strict=True),
    Status.MISSING: _Rules(due=True, credit=0.0, fails=True, fails_strict=True),
    Status.PENDING: _Rules(due=False, credit=0.0, fails=False, fails_strict=False),
    Status.BEHIND: _Rules(due=False, credit=0.0, fails=False, fails_strict=True),
    Status.WAIVED: _Rules(due=False, credit=0.0, fails=False, fails_strict=False),  # left out of the score
    Status.NOT_APPLICABLE: _Rules(due=False, credit=0.0, fails=False, fails_strict=False),
}

STATUSES: tuple[Status, ...] = tuple(Status)
# The due statuses (``Status.due``), each with its ``credit``: a score looks each result's status up once
# here, without two calls of Python's (a report's score reads some twenty).
CREDITS: dict[Status, float] = {status: rules.credit for status, rules in _RULES.items() if rules.due}
# Due and not met, or behind: the statuses the outputs flag, worst first (the order they are listed in).
NOT_MET: tuple[Status, ...] = (Status.FAIL, Status.MISSING, Status.WARN, Status.BEHIND)


def failing(strict: bool) -> frozenset[Status]:
    """The statuses that fail a run."""
    return frozenset(s for s in Status if s.fails(strict))


class ExitCode(IntEnum):
    """The exit status of a command (cli.md)."""

    OK = 0  # nothing failed
    FAILED = 1  # a rule failed
    INVALID = 2  # an invalid report or rule pack, or bad usage
    INTERNAL = 3  # a bug: one line, the traceback with --debug
    INTERRUPTED = 130  # Ctrl-C (SIGINT, 2), as shells report it: 128 + the signal's number (``stopped``)

    @classmethod
    def of(cls, *, invalid: bool, failed: bool) -> ExitCode:
        """A run's exit status: an invalid report or rule pack first, then a rule that failed."""
        return cls.INVALID if invalid else cls.FAILED if failed else cls.OK


class Stopped(KeyboardInterrupt):
    """A signal asking the tool to stop (SIGTERM from ``kill``, ``timeout`` or a cancelled CI job; SIGHUP from
    a closed terminal), raised where it arrives as Ctrl-C's ``KeyboardInterrupt`` is (``entry.main``): the
    run stops the same way, one line and nothing left behind, but exits with its own signal's status."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


# A status above this says a signal stopped the run (``stopped``), as shells say it.
_BY_SIGNAL = 128


def stopped(error: KeyboardInterrupt) -> int:
    """The exit status of a run ``error`` stopped: 128 + the signal's number, as a shell reports a process
    that signal ended and as CI runners and ``timeout`` read it (143 for SIGTERM, 129 for SIGHUP); 130 for
    Ctrl-C. Every stop exited 130 before, which told a cancelled job from a Ctrl-C by nothing."""
    return _BY_SIGNAL + error.number if isinstance(error, Stopped) else ExitCode.INTERRUPTED


def by_signal(status: int) -> bool:
    """Whether ``status`` is that of a run a signal stopped (``stopped``)."""
    return status > _BY_SIGNAL
