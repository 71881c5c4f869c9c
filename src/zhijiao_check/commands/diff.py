"""``diff OLD NEW``: what changed between two reports of one unit, field by field, and which rule statuses
changed; given two folders (last year's reports and this year's), the same for every unit in both, matched by
unit, and the units found in one folder only.

Schools are matched by name, and majors by name within their school (and any list of named entries, such as
``training_bases``), so a reordered list is no change; other lists are compared as sets of values (names of
industries) or entry by entry. Each change gives the line in each file. The statuses are those of the unit and
school rules, each report checked on its own (city-wide rules need every unit of a year). Exit 0 when both
reports are valid, whether or not they differ (a diff informs, it does not gate); 2 when one is invalid (of
two folders, the other units are still compared).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from zhijiao_check.errors import FatalError
from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.jsontext import dumps
from zhijiao_check.problems import never_read
from zhijiao_check.records import record
from zhijiao_check.source import Path_
from zhijiao_check.status import ExitCode

if TYPE_CHECKING:
    from zhijiao_check.pack.load import RulePack
    from zhijiao_check.problems import Problem
    from zhijiao_check.report import InvalidReport, ReportFile
    from zhijiao_check.units import UnitRegistry

Kind = Literal["changed", "added", "removed"]
WRITES = ("table", "json")  # the formats diff writes, its default first


@record
class DiffOptions:
    old: Path
    new: Path
    format: str | None = None  # None: the one the output's name names (``-o 变化.json``), else the table
    output: Path | None = None
    lang: Lang = "zh"
    rules: Sequence[Path] = ()
    pack: str | None = None  # --pack: an installed pack's ID or a pack folder (default: the installed one)
    roster: Path | None = None  # the config file's: a folder's search passes over it, as check's does
    config: Path | None = None  # the config file the settings came from, said as check says it


@record
class Change:
    kind: Kind
    path: str  # schools[东安县职业中等专业学校].majors[机电技术应用].enrollment
    old: Any  # None for an added field; for an added or removed entry, its name
    new: Any
    old_line: int | None
    new_line: int | None
    old_cell: str | None  # in a workbook: ``本单位!C11（公办中职学位数）``
    new_cell: str | None


def _refuse_absent(path: Path) -> None:
    """A path beside a folder that cannot be looked at (absent, a mistyped folder, no permission): said so,
    as for two files, where it was called a file (``diff 2023/ 2042/``: "2042 是文件")."""
    from zhijiao_check.files import display_name, path_problem

    try:
        os.stat(path)
    except OSError as error:
        name = display_name(path)
        raise FatalError("diff-unreadable", [path_problem(path, name, error)], file=name) from None
    except ValueError:  # a NUL in the name: no path the system could look at either
        return


def run(options: DiffOptions) -> int:
    from dataclasses import replace

    from zhijiao_check.commands.inputs import guard_outputs, rule_inputs
    from zhijiao_check.files import display_name
    from zhijiao_check.output import command_format
    from zhijiao_check.pack.load import load_packs
    from zhijiao_check.report import ReportFile, load_report

    tr = Translator(options.lang)
    options = replace(options, format=command_format("diff", WRITES, options.format, options.output))
    folders = [os.path.isdir(path) for path in (options.old, options.new)]
    if any(folders) and not all(folders):
        folder, file = (options.old, options.new) if folders[0] else (options.new, options.old)
        _refuse_absent(file)
        raise FatalError("diff-folder-and-file", folder=display_name(folder), file=display_name(file))
    settings = [path for path in (options.roster, options.config) if path is not None]
    inputs = [options.old, options.new, *rule_inputs(options.rules, options.pack), *settings]
    guard_outputs([options.output], inputs)
    packs = load_packs(options.rules, options.pack)
    if all(folders):
        return _folders(options, packs, tr)
    loaded = [load_report(path, packs[0].units, display_name(path)) for path in (options.old, options.new)]
    invalid = [report for report in loaded if not isinstance(report, ReportFile)]
    problems = [p for report in invalid for p in report.problems if p.severity == "error"]
    if problems:
        # A path that could not be read at all (absent, no permission) is no invalid report: say so.
        unread = [r.file for r in invalid if never_read((p.severity, p.line) for p in r.problems)]
        if unread:
            raise FatalError("diff-unreadable", problems, file=unread[0])
        if len(invalid) == 2:
            raise FatalError("diff-invalid-both", problems, count=len(problems))
        raise FatalError("diff-invalid", problems, file=invalid[0].file, count=len(problems))
    old, new = loaded
    assert isinstance(old, ReportFile) and isinstance(new, ReportFile)
    if old.unit != new.unit:
        raise FatalError("diff-other-unit", old=old.unit, new=new.unit)
    with _marking(options):  # a warning's message quotes a file's name, the user's
        doc = unit_diff(old, new, packs, tr)
    text = _json(doc, options) if options.format == "json" else _text(doc, tr, _screen(options))
    _write(text, options, tr)
    return ExitCode.OK


def unit_diff(old: ReportFile, new: ReportFile, packs: Sequence[RulePack], tr: Translator) -> dict[str, Any]:
    """Two reports of one unit compared: their fields, and their statuses under the unit and school rules."""
    from zhijiao_check.engine.evaluate import evaluate

    changes = list(compare(old, new))
    statuses = []
    before, after = (evaluate([r], [], packs).reports[0] for r in (old, new))
    old_results = {r.rule.id: r for r in before.results}
    for result in after.results:
        then = old_results.get(result.rule.id)
        then_status = then.status if then else None
        if then_status != result.status:
            statuses.append(
                {
                    "rule": result.rule.id,
                    "title": tr.pick(result.rule.title.zh, result.rule.title.en),
                    "old": then_status,
                    "new": result.status,
                    "old_observed": then.observed if then else None,
                    "new_observed": result.observed,
                    "unit": result.rule.unit,
                }
            )
    return {
        "old": {"file": old.file, "unit": old.unit, "year": old.year, "score": before.score},
        "new": {"file": new.file, "unit": new.unit, "year": new.year, "score": after.score},
        "changes": [asdict(c) for c in changes],
        "statuses": statuses,
        "unchanged_rules": len(after.results) - len(statuses),
        "renamed": renaming(old, new, packs[0].units, tr),
        "warnings": [problem.as_dict(tr) for problem in year_warnings(old, new)],
    }


def renaming(old: ReportFile, new: ReportFile, units: UnitRegistry, tr: Translator) -> dict[str, Any] | None:
    """The unit's name as each report gives it, where the two differ: a renaming between them (or a report
    of a year before it giving the name of after). Both are the unit's under its name now, which is all the
    fields say (``report.identity``), so the renaming is said here; None where both give one name."""
    then, now = (report.former or report.unit for report in (old, new))
    renamed = units.renamed_to(then) or units.renamed_to(now) if then != now else None
    if renamed is None:
        return None
    said = tr("cli.diff-renamed", old=then, new=now, year=renamed.year)
    return {"old": then, "new": now, "year": renamed.year, "message": said}


def year_warnings(old: ReportFile, new: ReportFile) -> list[Problem]:
    """What may make the comparison the wrong one: a report whose path says another year (``pathyear``),
    and a new report not later than the old (the arguments swapped, or a report of the wrong year), at the
    new report's ``year``. The same year is worded as what it may well be, two versions of one report."""
    from zhijiao_check.problems import Problem
    from zhijiao_check.report.pathyear import YEAR_CODES

    found = [problem for report in (old, new) for problem in report.warnings if problem.code in YEAR_CODES]
    if new.year <= old.year:
        line, column = new.positions.nearest(("year",))
        params = {"old": old.year, "new": new.year, "old_file": old.file}
        problem = Problem(
            new.file,
            line,
            column,
            "year",
            "diff-year-same" if new.year == old.year else "diff-year-earlier",
            params,
            "warning",
            area="cli",
            cell=new.positions.cell(("year",)),
        )
        found.append(problem)
    return found


def _folders(options: DiffOptions, packs: Sequence[RulePack], tr: Translator) -> int:
    """Every unit with a report in both folders compared; a unit in one folder only, a unit with several
    reports in one folder, and an invalid report named. One invalid report never stops the others."""
    from zhijiao_check.commands.inputs import NotReports, load_all
    from zhijiao_check.document import invalid

    # a pack kept among the reports, or the roster, is none
    packs_read = NotReports(packs, options.rules, options.pack, options.roster)
    sides = [
        load_all([folder], packs[0].units, lang=options.lang, not_reports=packs_read)
        for folder in (options.old, options.new)
    ]
    bad_ones = [bad for _, invalid_ones in sides for bad in invalid_ones]
    by_unit: list[dict[str, list[ReportFile]]] = [{}, {}]
    for (valid, _), units in zip(sides, by_unit, strict=True):
        for report in valid:
            units.setdefault(report.unit, []).append(report)
    # A unit whose report on the other side is invalid is in both folders: not compared, named as invalid.
    filed = [
        {*units, *(bad.unit for bad in invalid_ones if bad.unit)}
        for units, (_, invalid_ones) in zip(by_unit, sides, strict=True)
    ]
    order = packs[0].units.order()  # a merged unit after the one it joined
    known = {*by_unit[0], *by_unit[1]}
    both = [u for u in [*order, *sorted(known - set(order))] if u in by_unit[0] and u in by_unit[1]]
    with _marking(options):  # a warning's message quotes a file's name, the user's
        compared = [
            unit_diff(by_unit[0][u][0], by_unit[1][u][0], packs, tr)
            for u in both
            if len(by_unit[0][u]) == len(by_unit[1][u]) == 1
        ]
    doc = {
        "units": compared,
        "only_old": [r.file for u, reports in by_unit[0].items() if u not in filed[1] for r in reports],
        "only_new": [r.file for u, reports in by_unit[1].items() if u not in filed[0] for r in reports],
        "several": [
            {"unit": u, "files": [r.file for r in side[u]]}
            for side in by_unit
            for u in both
            if len(side[u]) > 1
        ],
        "invalid": [invalid(bad, tr) for bad in bad_ones],
    }
    if options.format == "json":
        text = _json(doc, options)
    else:
        text = _folders_text(doc, bad_ones, options, tr)
    _write(text, options, tr)
    return ExitCode.of(invalid=bool(doc["invalid"]), failed=False)


def _write(text: str, options: DiffOptions, tr: Translator) -> None:
    """The comparison written where ``--output`` says, with the config file's line; said beside the file."""
    from zhijiao_check.output import tell_written, write
    from zhijiao_check.renderers import as_filed

    assert options.format is not None  # chosen by ``run`` (``command_format``)
    write(as_filed(options.format, text + _config_line(options, tr), options.output), options.output)
    tell_written([options.output], tr, _config_detail(options, tr))


def _json(doc: dict[str, Any], options: DiffOptions) -> str:
    """The JSON document, with the config file the settings came from (absent without one, as check's)."""
    from zhijiao_check.files import display_name

    if options.config is not None:
        doc = {**doc, "config": display_name(options.config)}
    return dumps(doc) + "\n"


def _config_line(options: DiffOptions, tr: Translator) -> str:
    """The text's last line: the config file the settings came from, as check's table ends with it; nothing
    without one, or in JSON (its ``config``)."""
    if options.config is None or options.format == "json":
        return ""
    from zhijiao_check.characters import user_text
    from zhijiao_check.files import display_name

    screen = _screen(options)
    with _marking(options):  # the file's name is the user's: marked on a terminal
        line = tr("table.config", file=user_text(display_name(options.config)))
    if not screen.terminal:
        return line + "\n"
    from zhijiao_check.renderers.fallbacks import shown
    from zhijiao_check.renderers.layout.chinese import broken_line

    return "\n".join(broken_line(shown(line, screen.shown), screen.width, 2, options.lang)) + "\n"


def _config_detail(options: DiffOptions, tr: Translator) -> Callable[[], str] | None:
    """Beside the file written, on a terminal: the config file the settings came from."""
    if options.config is None:
        return None
    from zhijiao_check.files import display_name

    config = display_name(options.config)
    return lambda: tr("cli.config-used", file=config)


def _folders_text(
    doc: dict[str, Any], bad_ones: Sequence[InvalidReport], options: DiffOptions, tr: Translator
) -> str:
    from zhijiao_check.characters import user_text
    from zhijiao_check.files import display_name

    screen = _screen(options)
    with _marking(options):  # the folders' and files' names are the user's: marked on a terminal
        units, once = _years_once(doc["units"], options, tr)
        old, new = (user_text(display_name(folder)) for folder in (options.old, options.new))
        no_pairs = [] if doc["units"] else [tr("cli.diff-no-pairs", old=old, new=new)]
        notes = once
        for key, folder in (("only_old", old), ("only_new", new)):
            if doc[key]:
                files = tr.join(list(map(user_text, doc[key])))
                notes.append(tr("cli.diff-only-in", folder=folder, files=files))
        for several in doc["several"]:
            files = tr.join(list(map(user_text, several["files"])))
            notes.append(tr("cli.diff-several", unit=several["unit"], files=files))
        for bad in bad_ones:
            notes.append(tr("cli.diff-invalid-file", file=user_text(bad.file), count=len(bad.problems)))
            # a line a problem for a file or a pipe; on a terminal its place over its message, as check
            # shows it
            said = (problem.report_line(tr, folded=screen.terminal) for problem in bad.problems)
            notes += [f"  {line}" for problem in said for line in problem.split("\n")]
    parts = [_text(unit, tr, screen) for unit in units]
    if screen.terminal:  # each broken to the width, as the rest of the text
        from zhijiao_check.renderers.fallbacks import shown
        from zhijiao_check.renderers.layout.chinese import broken_line

        no_pairs, notes = (
            [
                part
                for note in lines
                for part in broken_line(shown(note, screen.shown), screen.width, 2, options.lang)
            ]
            for lines in (no_pairs, notes)
        )
    if no_pairs:
        parts.append("\n".join(no_pairs) + "\n")
    return "\n".join(parts) + ("\n" + "\n".join(notes) + "\n" if notes else "")


# The warnings of a pair of reports that two folders' every pair may give alike: said once for the folders.
_FOLDER_WIDE = {"diff-year-earlier": "diff-folders-year-earlier", "diff-year-same": "diff-folders-year-same"}


def _years_once(
    units: Sequence[dict[str, Any]], options: DiffOptions, tr: Translator
) -> tuple[list[dict[str, Any]], list[str]]:
    """The units' diffs without a year warning that more than one of them gives, and that warning said once
    for the two folders: ``diff 2025 2024`` said "the new report is earlier than the old" fifteen times, once
    in each unit's diff. Given by one unit only, it stays in that unit's diff, at its place."""
    from zhijiao_check.characters import user_text
    from zhijiao_check.files import display_name

    notes = []
    common = set()
    for code, folder_code in _FOLDER_WIDE.items():
        given = [unit for unit in units if any(w["code"] == code for w in unit["warnings"])]
        if len(given) < 2:
            continue
        common.add(code)
        first = given[0]
        notes.append(
            tr(
                f"cli.{folder_code}",
                count=len(given),
                old_folder=user_text(display_name(options.old)),
                new_folder=user_text(display_name(options.new)),
                file=user_text(first["new"]["file"]),
                new=first["new"]["year"],
                old=first["old"]["year"],
            )
        )
    if not common:
        return list(units), []
    kept = [{**unit, "warnings": [w for w in unit["warnings"] if w["code"] not in common]} for unit in units]
    return kept, notes


def compare(old: ReportFile, new: ReportFile) -> Iterator[Change]:
    """Every difference, in the order of the old file, added entries where the new file has them."""

    def change(kind: Kind, shown: str, a: Any, b: Any, pa: Path_ | None, pb: Path_ | None) -> Change:
        """A change, placed at the line (and a workbook's cell) of ``pa`` in the old report and ``pb`` in the
        new one (None: not in that report)."""
        old_line, old_cell = _place(old, pa)
        new_line, new_cell = _place(new, pb)
        return Change(kind, shown, a, b, old_line, new_line, old_cell, new_cell)

    # Two workbooks: a group of cells left blank (本单位 C18–C23) is a change a cell, each at its cell and
    # label, not the group's YAML table (``pathway_3plus2：{current: 110, previous: 95}``) at its first cell.
    books = bool(old.positions.cells) and bool(new.positions.cells)

    def gone(kind: Kind, value: Any, shown: str, path: Path_) -> Iterator[Change]:
        """A field removed (``kind``) from the old report or added to the new one, at ``path`` in it."""
        if books and isinstance(value, dict) and "name" not in value and _plain(value):
            for key, item in value.items():
                yield from gone(kind, item, f"{shown}.{key}", (*path, key))
        elif kind == "removed":
            yield change(kind, shown, _brief(value), None, path, None)
        else:
            yield change(kind, shown, None, _brief(value), None, path)

    def walk(a: Any, b: Any, shown: str, pa: Path_, pb: Path_) -> Iterator[Change]:
        if isinstance(a, dict) and isinstance(b, dict):
            for key in [*a, *(k for k in b if k not in a)]:
                label = f"{shown}.{key}" if shown else str(key)
                if key not in b:
                    yield from gone("removed", a[key], label, (*pa, key))
                elif key not in a:
                    yield from gone("added", b[key], label, (*pb, key))
                else:
                    yield from walk(a[key], b[key], label, (*pa, key), (*pb, key))
        elif isinstance(a, list) and isinstance(b, list) and _named(a) and _named(b):
            then = {item["name"]: index for index, item in enumerate(a)}
            now = {item["name"]: index for index, item in enumerate(b)}
            for item_name, index in then.items():
                label = f"{shown}[{item_name}]"
                if item_name not in now:
                    yield change("removed", label, item_name, None, (*pa, index), None)
                else:
                    yield from walk(a[index], b[now[item_name]], label, (*pa, index), (*pb, now[item_name]))
            for item_name, index in now.items():
                if item_name not in then:
                    yield change("added", f"{shown}[{item_name}]", None, item_name, None, (*pb, index))
        elif (
            isinstance(a, list)
            and isinstance(b, list)
            and all(not isinstance(v, (dict, list)) for v in (*a, *b))
        ):
            for index, value in enumerate(a):
                if value not in b:
                    yield change("removed", f"{shown}[]", value, None, (*pa, index), None)
            for index, value in enumerate(b):
                if value not in a:
                    yield change("added", f"{shown}[]", None, value, None, (*pb, index))
        elif isinstance(a, list) and isinstance(b, list):
            for index in range(max(len(a), len(b))):
                label = f"{shown}[{index}]"
                if index >= len(b):
                    yield change("removed", label, _brief(a[index]), None, (*pa, index), None)
                elif index >= len(a):
                    yield change("added", label, None, _brief(b[index]), None, (*pb, index))
                else:
                    yield from walk(a[index], b[index], label, (*pa, index), (*pb, index))
        elif a != b or type(a) is not type(b):
            yield change("changed", shown, a, b, pa, pb)

    data_old = {k: v for k, v in old.data.items() if k != "year"}  # the year differs by design
    data_new = {k: v for k, v in new.data.items() if k != "year"}
    yield from walk(data_old, data_new, "", (), ())


def _place(report: ReportFile, path: Path_ | None) -> tuple[int | None, str | None]:
    """The line of ``path`` in ``report`` (or of the nearest node holding it), and its cell in a workbook."""
    if path is None:
        return None, None
    return report.positions.nearest(path)[0], report.positions.cell(path) or None


def _named(items: list[Any]) -> bool:
    names = [item.get("name") for item in items if isinstance(item, dict)]
    return (
        len(names) == len(items) and all(isinstance(n, str) for n in names) and len(set(names)) == len(names)
    )


def _plain(value: dict[Any, Any]) -> bool:
    """A table of plain values (a group of a workbook's cells), no entry or list in it."""
    return not any(isinstance(member, (dict, list)) for member in value.values())


def _brief(value: Any) -> Any:
    """A removed or added value: a plain value as it is, an entry by its name, a table or list of plain
    values as it is (``{role: 专业带头人, amount: 5000}``), a larger one by its size."""
    if isinstance(value, dict) and "name" in value:
        return value["name"]
    members = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    if any(isinstance(member, (dict, list)) for member in members):
        return f"{{{len(value)}}}" if isinstance(value, dict) else f"[{len(value)}]"
    return value


@record
class _Screen:
    """Where the text is shown: its width, the glyphs shown in place of others (``as_shown``: none for a file
    or a pipe), whether it is a terminal."""

    width: int
    shown: dict[int, str]
    terminal: bool


def _screen(options: DiffOptions) -> _Screen:
    """The terminal's, or ``terminal.width``'s for a file or a pipe."""
    from zhijiao_check import terminal
    from zhijiao_check.output import is_stdout, stdout_is_tty
    from zhijiao_check.renderers.fallbacks import as_shown

    on_terminal = is_stdout(options.output) and stdout_is_tty()
    encoding = terminal.encoding() if on_terminal else None
    return _Screen(terminal.width(on_terminal), as_shown(encoding), on_terminal)


def _marking(options: DiffOptions) -> AbstractContextManager[None]:
    """A user's text marked (``characters.marking_user_text``) while the text view is made for a terminal
    whose glyphs it replaces (``√`` as ``+`` on a GBK console), none for JSON, a file or a pipe."""
    from zhijiao_check.characters import marking_user_text

    return marking_user_text() if options.format != "json" and _screen(options).shown else nullcontext()


def _text(doc: dict[str, Any], tr: Translator, screen: _Screen) -> str:
    """A unit's diff laid out with the glyphs the terminal shows in place (``→`` as ``->`` in GBK), so that
    its lines are measured as shown; the user's text (files' names, fields' paths and values) as typed, or
    escaped where the terminal lacks it (``renderers.fallbacks.shown``), never as the tool's fallback."""
    from zhijiao_check.characters import marking_user_text
    from zhijiao_check.renderers.diff_text import unit_text
    from zhijiao_check.renderers.fallbacks import Shown, translated

    if screen.shown:
        with marking_user_text():
            doc = _users_marked(doc)
        doc, tr = translated(doc, screen.shown), Shown(tr.lang, screen.shown)
    return unit_text(doc, tr, screen.width, screen.shown)


def _users_marked(doc: dict[str, Any]) -> dict[str, Any]:
    """A unit's diff with the user's text in it marked (``characters.user_text``): the files' names, and each
    change's path and values (the text in a table or list of values too)."""
    from zhijiao_check.characters import user_text

    def marked(value: Any) -> Any:
        if isinstance(value, str):
            return user_text(value)
        if isinstance(value, dict):
            return {key: marked(item) for key, item in value.items()}
        if isinstance(value, list):
            return [marked(item) for item in value]
        return value

    sides = {side: {**doc[side], "file": user_text(doc[side]["file"])} for side in ("old", "new")}
    changes = [
        {**c, "path": marked(c["path"]), "old": marked(c["old"]), "new": marked(c["new"])}
        for c in doc["changes"]
    ]
    warnings = [{**w, "file": user_text(w["file"])} for w in doc["warnings"]]
    return {**doc, **sides, "changes": changes, "warnings": warnings}
