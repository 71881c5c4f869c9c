"""Finding and loading the reports named on the command line, with progress shown for long runs."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from zhijiao_check.errors import FatalError
from zhijiao_check.files import display_name, is_stdin, read_stdin_ahead, walk
from zhijiao_check.output import is_stdout

if TYPE_CHECKING:
    from zhijiao_check.engine.results import ReportEvaluation
    from zhijiao_check.i18n import Lang
    from zhijiao_check.pack.load import RulePack
    from zhijiao_check.report import InvalidReport, ReportFile
    from zhijiao_check.report.roster import Roster
    from zhijiao_check.units import UnitRegistry
    from zhijiao_check.wording import Wording

T = TypeVar("T")

PROGRESS_FROM = 200  # files: below this, loading is quicker than a progress bar is worth


def load_all(
    paths: Sequence[Path],
    units: UnitRegistry,
    outputs: Sequence[Path | None] = (),
    other_inputs: Sequence[Path] = (),
    color: bool | None = None,
    lang: Lang = "zh",
    not_reports: Iterable[Path] = (),
) -> tuple[list[ReportFile], list[InvalidReport]]:
    """Every report under ``paths``; a path that cannot be read is an invalid input, the others still load.

    Before any file is read, an output that would overwrite one of them, a rule file or one of
    ``other_inputs``
    (files, or folders of files: rule packs, a roster, earlier years) is refused. ``color`` and ``lang``: of
    the progress bar. ``not_reports``: files a folder's search passes over (``report_files``).
    """
    from zhijiao_check.report import load_report

    files, invalid = report_files(paths, outputs, other_inputs, not_reports)
    shown = progress(files, len(files), color, lang)
    loaded = ((load_report(path, units, display), None) for path, display in shown)
    valid, bad, _ = _sorted(loaded)
    return valid, invalid + bad


def unmatched(years: Iterable[int], earlier: Sequence[ReportFile], roster: Roster | None) -> list[Wording]:
    """Notices of a ``--previous`` with no report of the year before one of the run's ``years``, and of a
    ``--roster`` for a year the run has no report of: the comparison or the check asked for would
    otherwise not be made, and nothing would say so. And the roster's own notices (a unit it names by its
    former name, as a report's notice says it)."""
    from zhijiao_check.wording import Join, msg

    years = set(years)
    shown = Join(tuple(str(year) for year in sorted(years)))
    notices: list[Wording] = list(roster.notices) if roster is not None else []
    if not years:
        return notices
    if earlier and not any(report.year + 1 in years for report in earlier):
        found = Join(tuple(str(year) for year in sorted({report.year for report in earlier})))
        notices.append(msg("cli.previous-unmatched", found=found, years=shown))
    if roster is not None and roster.year is not None and roster.year not in years:
        notices.append(msg("cli.roster-unmatched", file=roster.file, year=roster.year, years=shown))
    return notices


def folders_of(paths: Sequence[Path]) -> tuple[str, ...]:
    """The folders among ``paths`` (the command line's, or ``--whole-year``'s), as real paths. ``os.path``'s
    test: a name too long for the file system is no folder, where ``Path.is_dir`` raises."""
    return tuple(os.path.realpath(path) for path in paths if os.path.isdir(path))


def city_required(
    roster: Roster | None, city: str, reports: Iterable[ReportFile], folders: Sequence[str]
) -> dict[int, str]:
    """By year, where the roster lists the 市本级 (``city``) as a unit that must file, for each year the run
    checks a folder of: there a year without its 市本级 report is evaluated city-wide all the same
    (``engine.evaluate.evaluate_city``). A report named by itself (a county checking its own file, with the
    team's config and so its roster) is not judged on city-wide sums (targets.md): only a folder given, or
    ``--whole-year``'s, says the run holds the whole year. ``folders``: ``folders_of`` the run's paths."""
    if roster is None:
        return {}
    required: dict[int, str] = {}
    for report in reports:
        if report.year in required or not _under(report.file, folders):
            continue
        listed = roster.expects(city, report.year)
        if listed is not None:
            required[report.year] = listed
    return required


def _under(file: str, folders: Sequence[str]) -> bool:
    """Whether the report ``file`` (as shown: the path it was found by) lies in one of ``folders``."""
    if not folders:
        return False
    real = os.path.realpath(file)
    return any(real.startswith(folder.rstrip(os.sep) + os.sep) for folder in folders)


def load_and_score(
    paths: Sequence[Path],
    packs: Sequence[RulePack],
    selected: set[str] | None,
    jobs: int,
    outputs: Sequence[Path | None] = (),
    other_inputs: Sequence[Path] = (),
    found: tuple[list[tuple[Path, str]], list[InvalidReport]] | None = None,
    color: bool | None = None,
    lang: Lang = "zh",
    not_reports: Iterable[Path] = (),
) -> tuple[list[ReportFile], list[InvalidReport], dict[str, ReportEvaluation]]:
    """``load_all``, and with several jobs each report also scored by its own rules in a worker process.
    ``found``: the ``report_files`` of ``paths``, when already found; ``color`` and ``lang``: of the progress
    bar."""
    from zhijiao_check.processes import in_parallel
    from zhijiao_check.report import load_report

    files, invalid = found or report_files(paths, outputs, other_inputs, not_reports)
    if in_parallel(len(files), jobs):
        from zhijiao_check.commands import workers

        loaded = progress(workers.score_in_workers(files, packs, selected, jobs), len(files), color, lang)
    else:
        units = packs[0].units
        shown = progress(files, len(files), color, lang)
        loaded = ((load_report(path, units, display), None) for path, display in shown)
    valid, bad, scored = _sorted(loaded)
    return valid, invalid + bad, scored


def report_files(
    paths: Sequence[Path],
    outputs: Sequence[Path | None],
    other_inputs: Sequence[Path],
    not_reports: Iterable[Path] = (),
) -> tuple[list[tuple[Path, str]], list[InvalidReport]]:
    """The report files under ``paths`` as (path, display) pairs, and those that cannot be read as invalid
    reports; outputs over any input refused first (``guard_outputs``). ``not_reports``: files a folder's
    search passes over (the roster)."""
    from zhijiao_check.report import InvalidReport, find_reports

    # The run's roster is passed over even where it is named, as a folder's search passes over it.
    roster = not_reports.roster if isinstance(not_reports, NotReports) else None
    files, unreadable = find_reports(paths, not_reports, roster)
    guard_outputs(outputs, [*(path for path, _ in files), *other_inputs])
    if any(is_stdin(path) for path, _ in files):
        read_stdin_ahead()  # before any worker forks: a worker's standard input is /dev/null
    invalid = [InvalidReport(problem.file, (problem,)) for problem in unreadable]
    if not files and not invalid:
        raise FatalError("no-reports", paths=" ".join(display_name(p) for p in paths))
    return files, invalid


def _sorted(
    loaded: Iterable[tuple[ReportFile | InvalidReport, ReportEvaluation | None]],
) -> tuple[list[ReportFile], list[InvalidReport], dict[str, ReportEvaluation]]:
    from zhijiao_check.report import ReportFile

    valid: list[ReportFile] = []
    invalid: list[InvalidReport] = []
    scored: dict[str, ReportEvaluation] = {}
    for report, evaluation in loaded:
        if isinstance(report, ReportFile):
            valid.append(report)
            if evaluation is not None:
                scored[report.file] = evaluation
        else:
            invalid.append(report)
    return valid, invalid, scored


def guard_outputs(outputs: Sequence[Path | None], inputs: Sequence[Path], over_reports: bool = False) -> None:
    """Refuse (exit 2, before anything is written) an output over one of ``inputs`` (files, or folders of
    files: rule packs, earlier years), over a file of the installed pack, or two outputs to one file; and,
    unless ``over_reports`` (template and convert, which replace an existing file only with ``--force``),
    over a file that may be a report, as ``schema -o dongan.yaml`` did (``report.written``), an output that
    is a symlink judged by the file it leads to; and then an output named as a spreadsheet the tool does not
    write (``-o dongan-2024.xls``: ``output.refuse_spreadsheet``)."""
    from zhijiao_check.output import check_targets, refuse_spreadsheet
    from zhijiao_check.pack.load import builtin_dir
    from zhijiao_check.report.written import may_be_a_report

    if any(output is not None for output in outputs):
        check_targets(outputs, _files_under([builtin_dir(), *inputs]))
    for output in outputs:
        if not over_reports and output is not None and not is_stdout(output) and may_be_a_report(output):
            if os.path.islink(output):  # the link's name said nothing of the report it leads to: name it
                target = display_name(os.path.realpath(output))
                raise FatalError("output-link-over-report", file=display_name(output), target=target)
            raise FatalError("output-over-report", file=display_name(output))
    for output in outputs:
        refuse_spreadsheet(output)


def rule_inputs(rules: Sequence[Path], pack: str | None) -> list[Path]:
    """The rule files a command reads besides the installed packs: ``--rules`` and a ``--pack`` folder."""
    return [*rules, *([Path(pack)] if pack and Path(pack).exists() else [])]


class NotReports:
    """The files a folder's search passes over (``find_reports``): the roster and the files of the rule packs
    a run loads (the main pack, ``--pack`` or the installed one, and the ``--rules`` packs, a replaced main
    pack's too), no report wherever they are kept. A pack kept among the reports (``packs =
    ["rules/local-pack"]`` in the reports' repository, ``check .``) had each of its rule files, ``pack.yaml``
    and its unit list read as an invalid report. Listed each time it is iterated, and only then: a run of
    files named one by one searches no folder, and lists no pack's files."""

    def __init__(
        self, packs: Sequence[RulePack], rules: Sequence[Path], pack: str | None, roster: Path | None = None
    ) -> None:
        self.packs, self.rules, self.pack, self.roster = packs, rules, pack, roster

    def __iter__(self) -> Iterator[Path]:
        from zhijiao_check.pack.cache import pack_files
        from zhijiao_check.pack.load import main_pack_dir

        if self.roster is not None:
            yield self.roster
        folders = dict.fromkeys([main_pack_dir(self.pack), *self.rules, *(p.directory for p in self.packs)])
        for folder in folders:
            yield from pack_files(folder)
        # the unit list may be named outside the folder's own YAML files (``units: shared/units.yaml``)
        yield from (loaded.directory / loaded.info.units for loaded in self.packs)


def _files_under(paths: Sequence[Path]) -> list[Path]:
    """``paths`` and the files under those that are folders, but the results the tool wrote there (a
    ``diff 2023/ 2024/ -o 2024/diff.json`` run again may write over its last)."""
    from zhijiao_check.report.written import is_written

    # Down symlinks to folders too, as the search for reports goes (``files.walk``).
    under = (Path(root, name) for path in paths for root, _, _, names, _ in walk(path) for name in names)
    return [*paths, *(path for path in under if not is_written(path))]


# The progress bar's parts in the terminal's own colour, the part still to do dim: rich's are a pink that
# terminals of 16 colours show as bright red, which says something failed, and a green and a cyan count.
_PROGRESS_STYLES = {
    "bar.complete": "default",
    "bar.finished": "default",
    "bar.pulse": "default",
    "bar.back": "dim",
    "progress.download": "default",
    "progress.remaining": "default",
}


def progress(items: Iterable[T], count: int, color: bool | None, lang: Lang = "zh") -> Iterable[T]:
    """``items``, with a progress bar on a terminal for a long run (``正在检查报表 185/500 ━━━╸━━ 0:00:01``);
    without colour where ``color`` is False (``--no-color``: rich's console itself follows only
    ``NO_COLOR``)."""
    if count < PROGRESS_FROM or not sys.stderr.isatty():
        return items
    return _tracked(items, count, color, lang)


def _tracked(items: Iterable[T], count: int, color: bool | None, lang: Lang) -> Iterator[T]:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    from rich.theme import Theme

    from zhijiao_check.i18n import Translator

    console = Console(stderr=True, no_color=color is False or None, theme=Theme(_PROGRESS_STYLES))
    columns = (TextColumn("{task.description}"), MofNCompleteColumn(), BarColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as shown:
        yield from shown.track(items, total=count, description=Translator(lang)("cli.progress"))
