"""The config file: a team's settings for ``check``, so that everyone and CI run the same way.

``zhijiao-check.toml``, or a ``[tool.zhijiao-check]`` table in ``pyproject.toml``, found by looking in the
working directory and then each folder above it (the nearest wins; a ``zhijiao-check.toml`` before a
``pyproject.toml`` of the same folder); ``--config FILE`` names one. Paths in it are relative to the folder of
the file. Every key has a flag of the same meaning, and a flag given on the command line wins over the key. An
unknown key or a wrong value is an error located at its line and column, as in a report. A wrong value
stops only a command that reads its key (``refuse_invalid``); to another (``validate`` and ``jobs``) it is a
warning, and the key is passed over (``passed_over``): a setting held for ``check`` alone does not stop
``validate``. An unknown key stops every command, since which key it was meant to be, and so which command
reads it, cannot be told.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import re
import stat
import sys
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zhijiao_check.errors import FatalError, marking_on_stderr, tell_problems
from zhijiao_check.files import display_name, os_problem, path_kind
from zhijiao_check.output import format_named, other_format_named, suffixes_of
from zhijiao_check.problems import Problem, said_of
from zhijiao_check.records import record
from zhijiao_check.wording import Join, msg

if TYPE_CHECKING:
    from zhijiao_check.i18n import Lang, Translator

    # The TOML reader (and tomllib) is imported when there is a file to read: most runs have none.
    from zhijiao_check.settings.toml import TablePath, TomlFile

OWN_FILE = "zhijiao-check.toml"
PYPROJECT = "pyproject.toml"
PYPROJECT_TABLE: TablePath = ("tool", "zhijiao-check")


# The keys whose mistakes show only as a run uses them, each located where the file gives it.
PLACED = ("select", "ignore", "packs", "lang")


@record
class Mistake:
    """A problem of a config file, with the key whose value it is about (``key``; ``outputs`` for a key of
    an ``[[outputs]]`` entry); ``None`` for one of the whole file (not TOML, the table missing or misspelt,
    an unknown key), which stops every command that reads the file."""

    key: str | None
    problem: Problem


@record
class Config:
    """The settings of a config file; ``None`` or empty where the file says nothing."""

    file: str | None = None
    outputs: tuple[tuple[str, Path | None], ...] = ()
    lang: Lang | None = None
    strict: bool | None = None
    quiet: bool | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    packs: tuple[Path, ...] = ()
    jobs: int | None = None
    roster: Path | None = None
    waivers: Path | None = None
    base_dir: Path | None = None
    mistakes: tuple[Mistake, ...] = field(default=(), repr=False)
    # (key, line, column) of the keys of ``PLACED`` the file gives: a rule ID in ``select`` that no pack has,
    # a ``packs`` folder that is no pack, shows only as the run uses it, and is told at the key's line without
    # reading the file again (``settings.traced``).
    places: tuple[tuple[str, int, int], ...] = field(default=(), repr=False)
    # (line, column) of each ``[[outputs]]`` entry's file in turn: where an output that is an input is told
    outputs_at: tuple[tuple[int, int], ...] = field(default=(), repr=False)
    # A warning for each pyproject.toml the search could not read (``find``), whatever file it went on to
    unread: tuple[Problem, ...] = field(default=(), repr=False)

    @property
    def path(self) -> Path | None:
        """The config file the settings came from, to say so (None: there was none)."""
        return Path(self.file) if self.file else None


def find(start: Path) -> tuple[tuple[Path, TablePath] | None, tuple[Problem, ...]]:
    """The nearest config file at or above ``start``, and the table that holds the settings in it; and a
    warning for each ``pyproject.toml`` on the way that could not be read (no permission, a read error): it
    may hold the team's ``[tool.zhijiao-check]``, passed over in silence, or another project's settings, and
    which cannot be told, so the search goes on above it, saying so, rather than stopping every run below."""
    unread: list[Problem] = []
    for folder in (start, *start.parents):
        own = folder / OWN_FILE
        # a link to nothing is the team's file too, whose settings are missing: read, it says so; passed
        # over, the search went on above it, to another project's settings or none, without a word
        if own.is_file() or own.is_symlink():
            return (own, ()), tuple(unread)
        pyproject = folder / PYPROJECT
        if not pyproject.is_file():
            continue
        has = _has_tool_table(pyproject)
        if isinstance(has, Problem):
            unread.append(has)
        elif has:
            return (pyproject, PYPROJECT_TABLE), tuple(unread)
    return None, tuple(unread)


def tell_unread(config: Config, tr: Translator) -> None:
    """The ``unread`` warnings on standard error, each at its file: a run that goes on without settings the
    team may have written is told so, as a misspelt table is."""
    if config.unread:
        with marking_on_stderr():  # the file's name is the user's
            tell_problems(config.unread, tr)


def refuse_invalid(config: Config, reads: Collection[str] | None = None) -> None:
    """``FatalError`` listing every problem of the file that stops a command reading the keys ``reads``
    (None: every key, as ``check``): those of the whole file and of the values of those keys, if any."""
    stopping = [
        mistake.problem
        for mistake in config.mistakes
        if mistake.key is None or reads is None or mistake.key in reads
    ]
    if stopping:
        raise FatalError("invalid-config", stopping, file=config.file)


def passed_over(config: Config, reads: Collection[str]) -> list[Problem]:
    """The problems of the values of keys a command does not read (``reads``), as warnings: ``jobs = 0``,
    held for ``check``, stopped ``validate``, which never uses it. The key is left out of the settings
    (``parse``), so the command runs as if the file did not give it."""
    return [
        dataclasses.replace(mistake.problem, severity="warning")
        for mistake in config.mistakes
        if mistake.key is not None and mistake.key not in reads
    ]


def tell_passed_over(config: Config, problems: Sequence[Problem], command: str, tr: Translator) -> None:
    """On standard error, the ``passed_over`` problems under a line saying why they do not stop ``command``:
    each at its ``file:line:column``, with what was found and what to write, to be fixed before ``check``
    meets it."""
    if not problems or config.file is None:
        return
    from zhijiao_check.characters import user_text

    with marking_on_stderr():  # the file's name and the values quoted are the user's
        print(tr("cli.config-passed-over", file=user_text(config.file), command=command), file=sys.stderr)
        tell_problems(problems, tr)


def read(named: Path | None, start: Path, formats: Sequence[str]) -> Config:
    """The config named by ``--config``, else the one found from ``start``, else an empty one; ``formats``:
    the output formats there are. The problems of the file are in ``problems``, not raised
    (``refuse_invalid`` raises them): the caller may word them in the language the file asks for (its
    ``lang`` is read whatever else is wrong)."""
    unread: tuple[Problem, ...] = ()
    if named is not None:
        table = PYPROJECT_TABLE if named.name == PYPROJECT else ()
        found: tuple[Path, TablePath] | None = (named, table)
    else:
        found, unread = find(start)
    if found is None:
        return Config(unread=unread)
    path, table = found
    path = relative_to_cwd(path, found_above=named is None)
    from zhijiao_check.settings.toml import read_toml

    toml = read_toml(path, display_name(path))
    if isinstance(toml, Problem):
        problems = said_of((toml,), "config")
        mistakes = tuple(Mistake(None, p) for p in problems)
        return Config(file=display_name(path), mistakes=mistakes, unread=unread)
    return dataclasses.replace(parse(toml, table, formats), unread=unread)


def parse(toml: TomlFile, table: TablePath, formats: Sequence[str]) -> Config:
    from zhijiao_check.settings.toml import table_at, toml_literal

    settings = table_at(toml.data, table)
    misses = _near_misses(toml) if table == PYPROJECT_TABLE else []
    if settings is None:
        # A misspelt table explains the missing one, and is what to correct.
        problem = misses or [toml.problem(table, (), "config-table-missing", name=".".join(table))]
        return Config(file=toml.display, mistakes=tuple(Mistake(None, p) for p in problem))
    base = toml.path.parent
    mistakes = [Mistake(None, miss) for miss in misses]
    values: dict[str, Any] = {}
    for key, value in settings.items():
        reader = _outputs(formats) if key == "outputs" else KEYS.get(key)
        if reader is None:
            mistakes.append(
                Mistake(None, toml.problem(table, (key,), "unknown-key", key=key, known=Join(ALL_KEYS)))
            )
            continue
        try:
            values[key.replace("-", "_")] = reader(value, base)
        except _Wrong as wrong:
            path = (key, *wrong.path)
            # The message names the innermost key: "file" of outputs[1].file, "packs" of packs[0].
            named = next(part for part in reversed(path) if isinstance(part, str))
            params = dict(wrong.params)
            if "found" in params:  # the value as the file writes it: ``"yes"``, not Python's ``'yes'``
                params["found"] = toml_literal(params["found"])
            mistakes.append(Mistake(key, toml.problem(table, path, wrong.code, key=named, **params)))
    if "outputs" in settings:
        # a key of an entry that is none of its own is of the outputs, which only ``check`` reads
        mistakes += [Mistake("outputs", p) for p in _output_keys(toml, table, settings["outputs"])]
    places = tuple((key, *toml.locate(table, (key,))) for key in PLACED if key in settings)
    outputs_at = tuple(
        toml.locate(table, ("outputs", index, "file")) for index in range(len(values.get("outputs", ())))
    )
    return Config(file=toml.display, mistakes=tuple(mistakes), places=places, outputs_at=outputs_at, **values)


class _Wrong(Exception):
    """A setting's value that is wrong: its message's ``code``, where in the value (``path``) and what the
    message says. ``found`` is the value as read, written as TOML when the problem is made (``parse``)."""

    def __init__(self, code: str, path: tuple[str | int, ...] = (), **params: object) -> None:
        super().__init__(code)
        self.code, self.path, self.params = code, path, params


def _choice(*choices: str) -> Callable[[Any, Path], str]:
    def read(value: Any, base: Path) -> str:
        if value not in choices:
            raise _Wrong("wrong-choice", found=value, choices=" | ".join(choices))
        return str(value)

    return read


def _bool(value: Any, base: Path) -> bool:
    if isinstance(value, str) and value.strip() in ("true", "false"):
        raise _Wrong("quoted-value", write=value.strip())
    if not isinstance(value, bool):
        raise _Wrong("wrong-type", found=value, expected="true | false")
    return value


def _jobs(value: Any, base: Path) -> int:
    if isinstance(value, str) and value.strip().isdecimal() and value.strip().isascii() and int(value) >= 1:
        raise _Wrong("quoted-value", write=value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _Wrong("wrong-type", found=value, expected="1, 2, …")
    return value


def _path(value: Any, base: Path) -> Path:
    if not isinstance(value, str) or not value:
        raise _Wrong("wrong-type", found=value, expected='"folder/file"')
    if "\0" in value:  # TOML's "\u0000": no file or folder has one, and the system refuses it (ValueError)
        raise _Wrong("path-nul", found=value)
    return base / value


def _paths(value: Any, base: Path) -> tuple[Path, ...]:
    if not isinstance(value, list):
        raise _Wrong("wrong-type", found=value, expected='["folder", …]')
    paths = []
    for index, item in enumerate(value):
        try:
            paths.append(_existing(item, base))
        except _Wrong as wrong:  # at the item: packs[1]
            raise _Wrong(wrong.code, (index,), **wrong.params) from None
    return tuple(paths)


def _existing(value: Any, base: Path) -> Path:
    """A file or folder the run reads (a pack, the waivers, the roster): one that is not there is told at the
    key that names it, where it is to be corrected, and not only as a path of the reader's (the waivers
    file's ``waiver.toml: 路径不存在``, with no word of the config file)."""
    path = _path(value, base)
    try:
        os.stat(path)
    except OSError as error:
        if error.errno in (errno.ENOENT, errno.ENOTDIR):
            raise _Wrong("path-missing", found=value) from None
        # Anything else (permission denied, a loop) its reader says, in the words it has for it.
    return path


def _folder(value: Any, base: Path) -> Path:
    """``base-dir``: a folder that is there. One that is not, is empty or is no folder is the file's mistake,
    told at its key as the others are: checked only as the run starts, it was said as if ``--base-dir``
    had been typed, with no word of the config file or the line to correct."""
    if not isinstance(value, str):
        raise _Wrong("wrong-type", found=value, expected='"folder"')
    if not value:  # Path("") is the working directory: "." says the config file's folder, if that is meant
        raise _Wrong("base-dir-empty")
    path = _path(value, base)
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        if error.errno in (errno.ENOENT, errno.ENOTDIR):
            raise _Wrong("path-missing", found=value) from None
        said = os_problem(value, error)  # permission denied, a loop of links: in the words a report's has
        reason = msg(f"report.{said.code}", **said.params)
        raise _Wrong("base-dir-unreadable", found=value, reason=reason) from None
    if not stat.S_ISDIR(mode):  # a file, or a device (``/dev/null``) named as what it is
        raise _Wrong("base-dir-not-a-folder", found=value, kind=path_kind(mode))
    return path


def _ids(value: Any, base: Path) -> tuple[str, ...]:
    """Rule IDs, globs or clauses, as ``--select``: a list, or one comma-separated string."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Wrong("wrong-type", found=value, expected='["c1", "c16.*", …]')
    return tuple(part.strip() for v in value for part in v.split(",") if part.strip())


def _outputs(formats: Sequence[str]) -> Callable[[Any, Path], tuple[tuple[str, Path | None], ...]]:
    """``[[outputs]]`` tables of ``format`` and, except for one to standard output, ``file``."""

    def read(value: Any, base: Path) -> tuple[tuple[str, Path | None], ...]:
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            raise _Wrong("wrong-type", found=value, expected='[[outputs]] format = "sarif"  file = "…"')
        pairs: list[tuple[str, Path | None]] = []
        for index, entry in enumerate(value):
            name, file = entry.get("format"), entry.get("file")
            if isinstance(file, str) and file != "-" and file.endswith(("/", os.sep)):
                # as ``-o d/`` is refused (``cli``): the file made would be named ``d``, not put in a folder
                suffix = suffixes_of(name if isinstance(name, str) else "json").split(" / ")[0]
                raise _Wrong("output-folder", (index, "file"), found=file, suffix=suffix)
            if "format" not in entry:  # as on the command line: the format the file's name ends with
                if not isinstance(file, str) or file in ("", "-"):
                    raise _Wrong("output-needs-format", (index,), choices=" | ".join(formats))
                name = format_named(Path(file))
            if name not in formats:
                raise _Wrong("wrong-choice", (index, "format"), found=name, choices=" | ".join(formats))
            try:
                pairs.append((name, None if file in (None, "-") else _path(file, base)))
            except _Wrong as wrong:  # at the entry's own line, not at the first of the file
                raise _Wrong(wrong.code, (index, "file"), **wrong.params) from None
            named = other_format_named(name, pairs[-1][1])
            if named is not None:  # format = "junit", file = "build/r.sarif": JUnit in a .sarif file
                raise _Wrong(
                    "output-format-other",
                    (index, "file"),
                    output=display_name(file),
                    format=name,
                    named=named,
                    expected=suffixes_of(name),
                )
        return tuple(pairs)

    return read


def _output_keys(toml: TomlFile, table: TablePath, outputs: Any) -> list[Problem]:
    """Keys of an ``[[outputs]]`` entry other than ``format`` and ``file``, each located in its own entry."""
    if not isinstance(outputs, list):
        return []
    return [
        toml.problem(table, ("outputs", index, key), "unknown-key", key=key, known="format, file")
        for index, entry in enumerate(outputs)
        if isinstance(entry, Mapping)
        for key in entry
        if key not in ("format", "file")
    ]


def _near_misses(toml: TomlFile) -> list[Problem]:
    """Tables of a pyproject.toml whose name is the tool's table misspelt (``[tool.zhijiao_check]``,
    ``[tool.zhijiaocheck]``, ``[tools.zhijiao-check]``, ``[zhijiao-check]``), each an error at its header:
    passed over, the team's settings would silently not hold and the CI gate would pass."""
    found: list[TablePath] = []
    for top, inner in toml.data.items():
        if not isinstance(inner, Mapping):  # a value (name = "zhijiao-check"), not a table
            continue
        if _squashed(top) in _TOOL_NAMES:
            found.append((top,))
        elif _squashed(top) in ("tool", "tools"):
            found += [
                (top, key) for key in inner if (top, key) != PYPROJECT_TABLE and _squashed(key) in _TOOL_NAMES
            ]
    return [
        toml.problem(path, (), "config-table-near-miss", found=".".join(path), name=".".join(PYPROJECT_TABLE))
        for path in found
    ]


# The tool's name, as a slip may spell it: any case, with "_", "-", "." or spaces anywhere, or cut short.
_TOOL_NAMES = ("zhijiaocheck", "zhijiao")


def _squashed(name: str) -> str:
    return re.sub(r"[\s._-]", "", name.lower())


# The keys besides "outputs" (whose reader needs the format names: _outputs).
KEYS: dict[str, Callable[[Any, Path], Any]] = {
    "lang": _choice("zh", "en"),
    "strict": _bool,
    "quiet": _bool,
    "select": _ids,
    "ignore": _ids,
    "packs": _paths,
    "jobs": _jobs,
    "roster": _existing,
    "waivers": _existing,
    "base-dir": _folder,
}
# Every key the file may give, as ``check`` reads them all.
ALL_KEYS = ("outputs", *KEYS)


def relative_to_cwd(path: Path, found_above: bool = False) -> Path:
    """A path as messages show it: relative to the working directory when it is under it, and, for a config
    file found in a folder above it (``found_above``), as ``../zhijiao-check.toml``: the paths the file names
    are taken from its folder, so they are shown as the reports are, relative to the working directory (run
    from ``reports/``, the waivers' ``/tmp/r/waivers.toml:2`` stood among ``2023/dongan.yaml`` and the rest).
    A file named elsewhere keeps the path it was given. A link to nothing is shown as the link, not as the
    file it names: resolved, the message named a file the user never typed."""
    try:
        dangling = path.is_symlink() and not path.exists()
        real = path.parent.resolve() / path.name if dangling else path.resolve()
        here = Path.cwd().resolve()
        if found_above and real.parent in here.parents:
            return Path(os.path.relpath(real, here))
        return real.relative_to(here)
    except (ValueError, OSError):
        return path


def _has_tool_table(pyproject: Path) -> bool | Problem:
    """Whether a pyproject.toml has ``[tool.zhijiao-check]``. A file that ``_may_name_tool_table`` rules out
    has no such table, and is not parsed: most of those found are another project's, or one that names the
    tool only as a dependency or a script, and one of those broken in TOML is not the tool's to report. One
    whose text may name the table but that TOML cannot read (not UTF-8, a syntax error, nesting too deep) is
    taken as the config file, so that ``read`` says what is wrong at its line: passed over, the team's
    settings (its waivers) would silently not hold. One that cannot be read at all: the warning to give."""
    from zhijiao_check.files import read_file

    raw = read_file(pyproject, str(pyproject))
    if isinstance(raw, Problem):
        return _unread(pyproject, raw)
    if not _may_name_tool_table(raw):
        return False
    from zhijiao_check.settings.toml import read_toml, table_at

    read = read_toml(pyproject, str(pyproject))
    return (
        isinstance(read, Problem)
        or table_at(read.data, PYPROJECT_TABLE) is not None
        or bool(_near_misses(read))  # so that ``read`` says where the misspelt name is
    )


def _unread(pyproject: Path, why: Problem) -> Problem:
    """The warning for a pyproject.toml the search could not read, at the file as messages show it."""
    (why,) = said_of((why,), "config")  # a file too large: a config file's limit, not a report's
    return Problem(
        display_name(relative_to_cwd(pyproject, found_above=True)),
        None,
        None,
        "",
        "pyproject-unread",
        {"reason": msg(why.message_key(), **why.params), "name": ".".join(PYPROJECT_TABLE)},
        severity="warning",
        area="settings",
    )


def _may_name_tool_table(raw: bytes) -> bool:
    """False only where TOML's grammar leaves no way for ``raw`` (UTF-8, as TOML is) to hold the table
    ``tool.zhijiao-check``. A key never spans two lines, so the table can only be named by a line that is
    one of: a table header holding the tool's name (``[tool.zhijiao-check]``,
    ``[ "tool" . 'zhijiao-check' ]``); a key of the top-level table that starts with ``tool``
    (``tool.zhijiao-check.lang = …``, ``tool = { zhijiao-check = … }``); or the key ``zhijiao-check``
    (``zhijiao-check = { … }``, ``"zhijiao-check".lang = …``) in a file with a ``[tool]`` header. An escape
    in a quoted key (``\\u007a``) could spell any of them, so a file with one is always parsed. The same
    lines name a misspelt table (``[tool.zhijiao_check]``, ``tools.zhijiao-check.lang = …``), which ``read``
    reports: every spelling holds ``zhijiao``, so a file without it is still never parsed."""
    raw = raw.removeprefix(b"\xef\xbb\xbf")  # read_toml reads past a byte-order mark
    if b"\\u" in raw or b"\\U" in raw:
        return True
    if b"zhijiao" not in raw.lower():  # the tool's table misspelt may be in capitals too
        return False
    line = rb"(?m)^[ \t]*"
    quoted = rb"""["']?%s["']?"""
    return bool(
        re.search(line + rb"\[[^\n]*(?i:zhijiao)", raw)
        or re.search(line + quoted % b"tools?" + rb"[ \t]*[.=]", raw)
        or (
            re.search(line + rb"\[[ \t]*" + quoted % b"tool" + rb"[ \t]*\]", raw)
            and re.search(line + quoted % b"zhijiao-check" + rb"[ \t]*[.=]", raw)
        )
    )
