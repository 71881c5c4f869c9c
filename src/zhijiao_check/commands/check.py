"""``check``: score reports against the rule packs and render the results in one or more formats."""

from __future__ import annotations

import fnmatch
import gc
import os
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from zhijiao_check.errors import FatalError
from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.output import format_named
from zhijiao_check.records import record
from zhijiao_check.renderers import Format, RenderOptions, write_outputs
from zhijiao_check.wording import msg

if TYPE_CHECKING:
    from zhijiao_check.engine.waiver import Waiver
    from zhijiao_check.pack.load import RulePack
    from zhijiao_check.report import InvalidReport, ReportFile
    from zhijiao_check.report.roster import Roster
    from zhijiao_check.settings.config import Config
    from zhijiao_check.units import UnitRegistry
    from zhijiao_check.wording import Wording


@record
class CheckOptions:
    paths: Sequence[Path]
    outputs: Sequence[tuple[str, Path | None]] = (("table", None),)
    lang: Lang = "zh"
    strict: bool = False
    select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    rules: Sequence[Path] = ()
    quiet: bool = False
    color: bool | None = None
    previous: Sequence[Path] = ()  # earlier reports, only to compare with (what vanished since last year)
    roster: Path | None = None  # the bureau's list of schools per unit
    per_unit: Path | None = None  # a folder for one printable HTML page per unit
    pack: str | None = None  # --pack: an installed pack's ID or a pack folder (default: the installed one)
    waivers: Path | None = None
    # worker processes (--jobs, else the config file's `jobs`); None: one per available core where workers
    # pay (a streamed run: json, junit, sarif), else one
    jobs: int | None = None
    base_dir: Path | None = None
    whole_year: bool = False  # check each named report's whole folder (the pre-commit hook)
    # check the year folders the staged changes take a report out of, ``paths`` limiting where (git's
    # pathspecs): the pre-commit hook for deletions and moves, which pre-commit never passes to a hook
    staged_removals: bool = False
    # read the settings (config file, packs, roster, waivers) as a run does, then stop: no report is read
    settings_only: bool = False
    config: Path | None = None  # the config file in use: an input, never to be written over
    no_config: bool = False  # --no-config: no config file read, whichever there is
    # the keys of the config file taken ("select", "ignore"), each with its line and column in the file
    from_config: tuple[tuple[str, int, int], ...] = ()


def with_config(typed: CheckOptions, given: Collection[str], found: Config) -> CheckOptions:
    """The options of a run: those of the command line (``typed``; its ``outputs`` empty when no ``-f`` or
    ``-o`` was typed), and for each option not typed there (``given``: the names of those that were) the
    config file's key (``found``), else the default."""
    return replace(
        typed,
        outputs=typed.outputs or found.outputs or ((Format.table, None),),
        strict=typed.strict if "strict" in given else bool(found.strict),
        select=typed.select if "select" in given else found.select,
        ignore=typed.ignore if "ignore" in given else found.ignore,
        rules=typed.rules if "rules" in given else list(found.packs),
        quiet=typed.quiet if "quiet" in given else bool(found.quiet),
        roster=typed.roster if "roster" in given else found.roster,
        waivers=typed.waivers if "waivers" in given else found.waivers,
        jobs=typed.jobs if "jobs" in given else found.jobs,
        base_dir=typed.base_dir if "base_dir" in given else found.base_dir,
        config=found.path,
        # The keys of the file that this run takes (no flag typed instead): a mistake in one that shows only
        # as the run uses it (a rule ID no pack has) is told at its line in the file.
        from_config=tuple(
            place for place in found.places if place[0] not in given and getattr(found, place[0])
        ),
    )


# From this many reports, these formats (alone or together) are written as the reports are scored
# (``commands.flat``): below it the whole run is small, and one process starts quicker without the spool and
# its imports. Any other format lays out the whole run.
FLAT_FROM = 100
STREAMED = ("json", "junit", "sarif")


def run(options: CheckOptions) -> int:
    try:
        return _checked(options)
    finally:
        if options.quiet:
            _untold_cache()


def _checked(options: CheckOptions) -> int:
    from zhijiao_check.status import ExitCode

    tr = Translator(options.lang)
    if options.settings_only and options.paths:
        from zhijiao_check.files import display_name

        names = " ".join(display_name(path) for path in options.paths)
        raise FatalError("settings-only-paths", paths=names)
    if options.staged_removals:
        options = _staged_removals(options, tr)
        if not options.paths:
            return ExitCode.OK
    status = _run(options)
    if options.settings_only:
        _say_settings_valid(options, tr)
    else:
        _say_written(options, status)
    return status


def _untold_cache() -> None:
    """``--quiet`` (or the config's ``quiet``) keeps to the summary lines, a report's warnings only counted:
    the warning of a ``ZHIJIAO_CHECK_CACHE`` folder passed over (``errors.tell_unused_cache``), a word on
    the machine, not on the reports, is not said either. Taken here, however the run ended, so that it is
    not told after it; an error is still told, and the folder is still not used."""
    from zhijiao_check.caching import forget_unused

    forget_unused()


def _staged_removals(options: CheckOptions, tr: Translator) -> CheckOptions:
    """The options with, for ``paths``, the year folders that the staged changes take a report out of
    (``commands.staged``), each checked whole; none, and a line on standard error, when no report was
    removed (the run then stops at once, as the hook runs before every commit)."""
    import sys

    from zhijiao_check.commands.staged import removed_from
    from zhijiao_check.files import display_name

    removed = removed_from(options.paths, Path.cwd())
    folders = [_relative(folder) for folder in removed.folders]
    if folders:
        shown = " ".join(display_name(folder) for folder in folders)
        print(tr("cli.staged-removed", folders=shown), file=sys.stderr)
    elif not options.quiet:
        print(tr("cli.staged-first-commit" if removed.first_commit else "cli.staged-none"), file=sys.stderr)
    return replace(options, paths=folders, whole_year=False)


def _relative(folder: Path) -> Path:
    """``folder`` from the working directory when it is under it (``reports/2023``), else as it is."""
    try:
        return folder.relative_to(Path.cwd())
    except ValueError:
        return folder


def _say_settings_valid(options: CheckOptions, tr: Translator) -> None:
    """``--settings-only`` found nothing wrong: which files it read, on standard error (the hook shows it
    only with ``--verbose``; a run by hand sees what was checked)."""
    import sys

    from zhijiao_check.files import display_name

    read = [path for path in (options.config, options.waivers, options.roster) if path is not None]
    if options.quiet:
        return
    if not read:
        # with --no-config a config file may well be there: not read, not "not found"
        print(
            tr("cli.settings-none-no-config" if options.no_config else "cli.settings-none"), file=sys.stderr
        )
        return
    print(tr("cli.settings-valid", files=" ".join(display_name(path) for path in read)), file=sys.stderr)


def _say_written(options: CheckOptions, status: int) -> None:
    from zhijiao_check.files import display_name
    from zhijiao_check.output import tell_written

    tr = Translator(options.lang)
    folder = options.per_unit
    config = _config_shown(options)

    def detail() -> str:
        meaning = tr(f"render.exit-{status}")
        if config is None:
            return tr("cli.exit-status", status=status, meaning=meaning)
        return tr("cli.exit-status-config", status=status, meaning=meaning, file=config)

    tell_written(
        [target for _, target in options.outputs],
        tr,
        detail,
        lambda: [tr("cli.written-pages", folder=display_name(folder))] if folder is not None else [],
    )


def _run(options: CheckOptions) -> int:
    from zhijiao_check.commands.inputs import (
        NotReports,
        city_required,
        folders_of,
        load_and_score,
        rule_inputs,
        unmatched,
    )
    from zhijiao_check.engine.evaluate import evaluate
    from zhijiao_check.pack.load import load_packs
    from zhijiao_check.processes import available_cores, capped, until_exit

    tr = Translator(options.lang)
    _formats_named(options)
    if options.per_unit is not None and "html" not in (name for name, _ in options.outputs):
        raise FatalError("per-unit-needs-html")
    if (
        options.per_unit is not None
        and os.path.exists(options.per_unit)
        and not os.path.isdir(options.per_unit)
    ):
        # Refused before the run: the first page's write would stop every output too, but name the page.
        raise FatalError("per-unit-not-a-folder", folder=str(options.per_unit))
    _previous_exist(options.previous)
    _base_dir_exists(options.base_dir)
    packs = load_packs(options.rules, options.pack)
    units = packs[0].units
    try:
        selected = select_rules([r.id for p in packs for r in p.rules], options.select, options.ignore)
    except FatalError as error:
        raise _in_config(error, options) from None
    roster = None
    if options.roster is not None:
        from zhijiao_check.report.roster import load_roster

        roster = load_roster(options.roster, units)
    waivers = _waivers(options.waivers, packs)
    if options.settings_only:  # every setting is read and checked by now; no report is to be
        from zhijiao_check.status import ExitCode

        return ExitCode.OK
    paths = year_folders(options.paths, tr) if options.whole_year else options.paths
    pages = _unit_pages(options.per_unit, units)
    _no_output_is_a_page(options, pages)
    # Each unit's page is an output as ``-o`` is, and refused as it is, before any report is read: a page
    # that is a symlink or a hard link to a report was written through, over the report (exit 1, no word).
    targets = [*(target for _, target in options.outputs), *pages.values()]
    settings = [path for path in (options.roster, options.waivers, options.config) if path is not None]
    also_read = [*rule_inputs(options.rules, options.pack), *options.previous, *settings]
    # The roster and the rule packs are no reports, wherever they are kept: a folder's search passes over
    # them.
    not_reports = NotReports(packs, options.rules, options.pack, options.roster)
    found = None
    if all(name in STREAMED for name, _ in options.outputs) and options.per_unit is None:
        from zhijiao_check.commands.inputs import report_files

        found = report_files(paths, targets, also_read, not_reports)
        if len(found[0]) >= FLAT_FROM:
            with _without_collector():
                jobs = capped(options.jobs or available_cores())
                flat_inputs = (roster, folders_of(paths))
                return _flat(options, packs, selected, flat_inputs, waivers, found, jobs, tr)
    # Here workers send each report and its results back pickled, which costs about what scoring it does:
    # on two processors two workers took longer than one process in every such format. One process, then,
    # unless more are asked for.
    jobs = capped(options.jobs or 1)
    with _without_collector():
        valid, invalid, scored = load_and_score(
            paths, packs, selected, jobs, targets, also_read, found, options.color, options.lang, not_reports
        )
        years = {report.year for report in valid}
        required = city_required(roster, units.city(), valid, folders_of(paths))
        if roster is not None:
            from zhijiao_check.report.roster import apply_roster

            valid, invalid = apply_roster(valid, invalid, roster)
        earlier, refused = _previous(options, packs)
        notices = [*refused, *unmatched(years, earlier, roster)]
        # Evaluated once, whatever the language: the results carry wording, which each output renders.
        result = evaluate(
            valid,
            invalid,
            packs,
            selected=selected,
            strict=options.strict,
            previous=earlier,
            notices=notices,
            scored=scored,
            city_required=required,
        )
        if options.config is not None:
            result = replace(result, config=_config_shown(options))
        # Nothing past scoring reads the reports themselves (their data and places): let them go before
        # the views lay the run out, a sixth of a 1,000-report table run's peak.
        del valid, scored, earlier
        if waivers:
            from datetime import date

            from zhijiao_check.settings.waivers import apply

            result = apply(result, waivers, date.today(), selected)
        render_options = _render_options(options, jobs)
        written: list[tuple[str, Path]] = []
        if options.per_unit is not None:
            from zhijiao_check.renderers.page.per_unit import unit_pages

            made = unit_pages(result, tr)
            written = [(page, options.per_unit / name) for name, page in made]
            unchecked = {name: options.per_unit / name for name, _ in made if name not in pages}
            if unchecked:  # a unit the unit list does not name, should one reach a page: judged as the rest
                from zhijiao_check.commands.inputs import guard_outputs

                _no_output_is_a_page(options, unchecked)
                guard_outputs(list(unchecked.values()), [*paths, *also_read])
        write_outputs(result, options.outputs, tr, render_options, also=written)
    until_exit(result)
    return result.exit_code


def _unit_pages(folder: Path | None, units: UnitRegistry) -> dict[str, Path]:
    """``--per-unit``: the file each unit of the unit list may have its page in, by file name (every unit
    named, as which units a run has pages for is known only once it is scored), a unit merged into another
    too: its reports of the years before its merger have a page of their own."""
    if folder is None:
        return {}
    from zhijiao_check.renderers.page.per_unit import page_name

    return {page_name(name): folder / page_name(name) for name in units.order()}


def _no_output_is_a_page(options: CheckOptions, pages: dict[str, Path]) -> None:
    """An ``--output`` where ``--per-unit`` writes a unit's page is refused, named for what it is: the two
    would be written to one file, the last replacing the first."""
    import os

    from zhijiao_check.files import display_name
    from zhijiao_check.output import is_stdout

    if not pages:
        return
    by_real = {os.path.realpath(page): name for name, page in pages.items()}
    for _, target in options.outputs:
        name = None if target is None or is_stdout(target) else by_real.get(os.path.realpath(target))
        if name is not None and target is not None:
            folder = display_name(options.per_unit) if options.per_unit is not None else ""
            raise FatalError("output-is-page", file=display_name(target), page=name, folder=folder)


def _flat(
    options: CheckOptions,
    packs: Sequence[RulePack],
    selected: set[str] | None,
    roster_folders: tuple[Roster | None, tuple[str, ...]],
    waivers: tuple[Waiver, ...],
    found: tuple[list[tuple[Path, str]], list[InvalidReport]],
    jobs: int,
    tr: Translator,
) -> int:
    """JSON, JUnit and SARIF, of ``FLAT_FROM`` reports or more, are written as the reports are scored, in
    memory that does not grow with them (``commands.flat``); the other formats lay out the whole run.
    ``roster_folders``: the roster, and the folders the run checks (``inputs.city_required``)."""
    from datetime import date

    from zhijiao_check.commands.flat import Flat, run_flat
    from zhijiao_check.renderers import one_to_stdout

    one_to_stdout(options.outputs)
    excuse = None
    if waivers:
        from zhijiao_check.settings.waivers import Excuser

        excuse = Excuser(waivers, date.today(), selected)
    files, unreadable = found
    roster, folders = roster_folders
    flat = Flat(packs, selected, options.strict, tr, roster, excuse, _config_shown(options), folders)
    previous = partial(_previous, options, packs)  # read once the reports are scored
    return run_flat(flat, files, unreadable, jobs, options.outputs, _render_options(options, jobs), previous)


def _previous(options: CheckOptions, packs: Sequence[RulePack]) -> tuple[list[ReportFile], list[Wording]]:
    """The earlier reports of ``--previous`` (only to compare with), and a notice for each refused as
    invalid: read the same way by a run that lays out its results and by one that streams them."""
    from zhijiao_check.commands.inputs import NotReports, load_all

    if not options.previous:
        return [], []
    passed_over = NotReports(packs, options.rules, options.pack, options.roster)  # a pack kept among them
    earlier, refused = load_all(
        options.previous, packs[0].units, color=options.color, lang=options.lang, not_reports=passed_over
    )
    return earlier, [msg("cli.previous-invalid", file=bad.file) for bad in refused]


def _config_shown(options: CheckOptions) -> str | None:
    """The config file the run took its settings from, as the output shows it (None: there was none)."""
    from zhijiao_check.files import display_name

    return None if options.config is None else display_name(options.config)


def _render_options(options: CheckOptions, jobs: int) -> RenderOptions:
    return RenderOptions(quiet=options.quiet, color=options.color, base_dir=options.base_dir, jobs=jobs)


def _formats_named(options: CheckOptions) -> None:
    """An output file whose name says another format than the one written into it is refused before any
    work, as ``template`` refuses one: ``-f junit -o build/r.sarif`` wrote JUnit into r.sarif, which the
    SARIF upload then rejected, and ``-f github -f sarif -o x.sarif`` (the n-th file goes with the n-th
    format) wrote the annotations there, silently. The config file's ``[[outputs]]`` are refused at their
    own line (``settings.config``)."""
    from zhijiao_check.files import display_name
    from zhijiao_check.output import other_format_named, refuse_report_name, suffixes_of

    for format, file in options.outputs:
        named = other_format_named(format, file)
        if named is not None and file is not None:
            raise FatalError(
                "output-format-other",
                file=display_name(file),
                format=format,
                named=named,
                expected=suffixes_of(format),
            )
        refuse_report_name(format, file)


def _in_config(error: FatalError, options: CheckOptions) -> FatalError:
    """A rule ID of the config file's ``select`` or ``ignore`` that no pack has: the file's mistake, told at
    its line as the file's other mistakes are, not as if it had been typed (``--select``)."""
    pattern = error.params.get("rule")
    places = {key: (line, column) for key, line, column in options.from_config}
    key = next(
        (
            key
            for key, patterns in (("select", options.select), ("ignore", options.ignore))
            if key in places and pattern in patterns
        ),
        None,
    )
    if error.code not in ("unknown-rule", "unknown-rule-none") or options.config is None or key is None:
        return error
    from zhijiao_check.files import display_name
    from zhijiao_check.problems import Problem

    line, column = places[key]
    file = display_name(options.config)
    problem = Problem(file, line, column, key, error.code, dict(error.params), area="cli")
    return FatalError("invalid-config", (problem,), file=problem.file)


def _waivers(path: Path | None, packs: Sequence[RulePack]) -> tuple[Waiver, ...]:
    """The waivers file, read before any report so that a broken one stops the run before anything is
    written.
    """
    if path is None:
        return ()
    from zhijiao_check.settings.waivers import load

    return load(path, {rule.id: rule for pack in packs for rule in pack.rules}, packs[0].units)


def _previous_exist(paths: Sequence[Path]) -> None:
    """A ``--previous`` path that is not there is a mistyped argument, as a ``--roster`` or ``--waivers`` one
    is, and stops the run before anything is written: taken for an invalid report, it left the comparison
    undone behind a notice of exit status 0. One the user may not read is told so, with what to do, as it is
    then: typer's own refusal of it was English whatever ``--lang`` said."""
    from zhijiao_check.files import display_name, is_stdin, open_problem

    problems = [
        problem
        for path in paths
        if not is_stdin(path) and (problem := open_problem(path, display_name(path))) is not None
    ]
    if problems:
        raise FatalError("previous-missing", problems)


def _base_dir_exists(folder: Path | None) -> None:
    """A ``--base-dir`` that is not there, or is not a folder, is a mistyped argument as a ``--previous``
    one is: taken as given, every annotation's path was made relative to nothing (absolute: GitHub attached
    none of them to the file), and the run said nothing of it."""
    import os
    import stat

    from zhijiao_check.files import display_name, os_problem, path_kind

    if folder is None:
        return
    try:
        mode = os.stat(folder).st_mode
    except OSError as error:
        raise FatalError("base-dir-missing", (os_problem(display_name(folder), error),)) from None
    if not stat.S_ISDIR(mode):
        # a device (``/dev/zero``) or a pipe named as what it is, not "a file"
        raise FatalError("base-dir-not-a-folder", folder=display_name(folder), kind=path_kind(mode))


def year_folders(paths: Sequence[Path], tr: Translator) -> list[Path]:
    """``--whole-year``: the folder of each report file named (its year's folder, ``reports/2023/``), each
    once; a folder named stays. A commit of the 市本级 report alone is then judged with the 14 other units of
    its year, which the city-wide rules need, instead of finding them missing. Standard input has no folder:
    it stays alone, and ``tr`` (the run's language) says so on standard error, where ``check - --whole-year``
    judged the one report without a word of the option it did not honour."""
    import sys

    from zhijiao_check.files import is_stdin

    if any(is_stdin(path) for path in paths):
        print(tr("cli.whole-year-stdin"), file=sys.stderr)
    folders = [path if os.path.isdir(path) or is_stdin(path) else path.parent for path in paths]
    return list(dict.fromkeys(folders))


@contextmanager
def _without_collector() -> Iterator[None]:
    """A run makes millions of small objects that live until it ends and form no cycles worth finding: the
    cyclic collector walked them again and again (13% of a 1,000-report run, 28% of 10,000). The modules and
    rule packs already loaded are frozen out of its sight; reference counting still frees the rest."""
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        # What the run made is still in the youngest generation, which the first allocation after enable()
        # would walk whole; freeze() then unfreeze() moves it to the oldest one instead, without a walk.
        gc.freeze()
        gc.unfreeze()
        gc.enable()


def select_rules(ids: Sequence[str], select: Sequence[str], ignore: Sequence[str]) -> set[str] | None:
    """``--select``/``--ignore``: rule IDs, globs (``c16.*``) or clauses (``c4``);
    unknown ones are an error.
    """
    if not select and not ignore:
        return None

    def matching(pattern: str) -> set[str]:
        found = set(matching_rules(pattern, ids))
        if not found:
            raise unknown_rule(pattern, ids)
        return found

    chosen = set().union(*(matching(p) for p in select)) if select else set(ids)
    for pattern in ignore:
        chosen -= matching(pattern)
    if not chosen:
        raise FatalError("no-rule-selected")
    return chosen


def matching_rules(pattern: str, ids: Sequence[str]) -> list[str]:
    """The IDs a rule ID, a glob (``c16.*``) or a clause (``c4``) names, in the order of ``ids``."""
    return [i for i in ids if i == pattern or fnmatch.fnmatchcase(i, pattern) or i.startswith(pattern + ".")]


def unknown_rule(pattern: str, ids: Sequence[str]) -> FatalError:
    """No rule has that ID: the error names the nearest one, or the command that lists them all."""
    import difflib

    # difflib's ratio reaches its cutoff of 0.6 only for a pattern at most 2⅓ times as long as an ID: no
    # longer one is compared (``explain`` of 100,000 characters)
    fits = len(pattern) <= 3 * max(map(len, ids), default=0)
    close = difflib.get_close_matches(pattern, ids, n=1) if fits else []
    if close:
        return FatalError("unknown-rule", rule=pattern, suggestion=close[0])
    return FatalError("unknown-rule-none", rule=pattern)


def pair_outputs(formats: Sequence[str], files: Sequence[Path]) -> list[tuple[str, Path | None]]:
    """The n-th ``--output`` goes with the n-th ``--format``; formats without a file go to standard output,
    and a file without a format is written in the one its name ends with (``.xlsx``, ``.json``, …), else as
    the table, the default format."""
    named = [*formats, *(format_named(file) for file in files[len(formats) :])]
    return [(name, files[index] if index < len(files) else None) for index, name in enumerate(named)]


def split_list(values: Sequence[str]) -> list[str]:
    """``--select a,b --select c`` → ``[a, b, c]``."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]
