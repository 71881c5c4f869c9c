"""``--format table`` (the default): per report a table of rules, then the city-wide section per year."""

from __future__ import annotations

import io
import shutil
from typing import TYPE_CHECKING

from zhijiao_check.engine.numbers import show
from zhijiao_check.i18n import Translator
from zhijiao_check.renderers import RenderOptions
from zhijiao_check.renderers.status import GLYPH, STYLE, label

if TYPE_CHECKING:
    from rich.console import Console

    from zhijiao_check.engine.evaluate import CityEvaluation, Evaluation, RuleResult, Run
    from zhijiao_check.engine.scope import Location
    from zhijiao_check.problems import Problem

ITEMS_SHOWN = 10
RULE_WIDTH = 27  # the longest rule ID fits on one line
DEFAULT_WIDTH = 100


class TableRenderer:
    def __init__(self, tr: Translator, options: RenderOptions) -> None:
        self.tr = tr
        self.options = options

    def render(self, run: Run) -> str:
        from rich.console import Console

        color = self.options.color if self.options.color is not None else self.options.to_terminal
        width = self.options.width or (shutil.get_terminal_size().columns if self.options.to_terminal else DEFAULT_WIDTH)
        buffer = io.StringIO()
        console = Console(file=buffer, width=width, force_terminal=color, no_color=not color,
                          color_system="standard" if color else None, highlight=False, emoji=False)
        for bad in run.invalid:
            self._invalid(console, bad)
        for evaluation in run.reports:
            title = self.tr("table.report-title", unit=evaluation.unit, kind=self.tr(f"table.kind-{evaluation.kind}"),
                            year=evaluation.year, file=evaluation.file)
            self._evaluation(console, title, evaluation)
        for notice in run.notices:
            console.print(f"[dim]{_escape(notice)}[/dim]")
        for city in run.city:
            self._evaluation(console, self._city_title(city), city)
        if run.warnings:
            console.print(f"[yellow]{_escape(self.tr('table.warnings', count=len(run.warnings)))}[/yellow]")
        for warning in run.warnings:
            self._problem(console, warning)
        self._matrices(console, run)
        console.print(self.tr("table.exit", code=run.exit_code))
        return buffer.getvalue()

    def _invalid(self, console: Console, bad: object) -> None:
        from zhijiao_check.report import InvalidReport

        assert isinstance(bad, InvalidReport)
        console.print(f"[bold red]{_escape(self.tr('table.invalid', file=bad.file, count=len(bad.problems)))}[/bold red]")
        for problem in bad.problems:
            self._problem(console, problem)
        console.print()

    def _problem(self, console: Console, problem: Problem) -> None:
        """The place on one line (``file:line:col path``), the message indented under it, wrapped to the width."""
        from rich.padding import Padding

        style = "yellow" if problem.severity == "warning" else "red"
        console.print(f"  [{style}]{_escape(problem.where())}[/{style}] {_escape(problem.path)}", overflow="fold")
        console.print(Padding(_escape(problem.message(self.tr)), (0, 0, 0, 6)))

    def _city_title(self, city: CityEvaluation) -> str:
        title = self.tr("table.city-title", year=city.year, present=len(city.units_present),
                        total=len(city.units_present) + len(city.units_missing))
        if city.units_missing:
            title += " · " + self.tr("engine.units-missing", units="、".join(city.units_missing))
        return title

    def _evaluation(self, console: Console, title: str, evaluation: Evaluation) -> None:
        from rich import box
        from rich.table import Table

        score = "—" if evaluation.score is None else f"{evaluation.score:.1f}"
        console.print(f"[bold]{_escape(title)}[/bold] · {self.tr('table.score')} [bold]{score}[/bold]")
        for notice in evaluation.notices:
            console.print(f"[dim]{_escape(notice)}[/dim]")
        if not self.options.quiet:
            table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
            table.add_column(self.tr("table.col-status"), no_wrap=True)
            table.add_column(self.tr("table.col-rule"), overflow="fold", min_width=RULE_WIDTH, max_width=RULE_WIDTH)
            table.add_column(self.tr("table.col-observed"), justify="right", no_wrap=True)
            table.add_column(self.tr("table.col-explanation"), overflow="fold", ratio=1)
            for result in evaluation.results:
                table.add_row(*self._row(result))
            console.print(table)
        summary = " · ".join(f"[{STYLE[s]}]{s} {n}[/{STYLE[s]}]" for s, n in evaluation.summary.items() if n)
        console.print(f"{self.tr('table.summary')}: {summary or '—'}")
        console.print()

    def _row(self, result: RuleResult) -> tuple[str, str, str, str]:
        rule = result.rule
        status = f"[{STYLE[result.status]}]{label(result.status)}[/{STYLE[result.status]}]"
        name = f"{_escape(rule.id)}\n[dim]{_escape(self.tr.pick(rule.title.zh, rule.title.en))}[/dim]"
        observed = _escape(show(result.observed, rule.unit, self.tr)) if result.observed is not None else "—"
        target = result.target
        if target["value"] is not None:
            observed += "\n[dim]" + _escape(f"{_sign(target['op'])} {show(target['value'], rule.unit, self.tr)}") + "[/dim]"
        lines = [_escape(result.explanation), *(f"[dim]{_escape(note)}[/dim]" for note in result.notes)]
        # Items of a met rule (each unit's own share under a city-wide one) are for the JSON and HTML views.
        failing = [i for i in result.items if i.status != "pass"] if result.status != "pass" else []
        for item in failing[:ITEMS_SHOWN]:
            who = f"{item.school} · {item.name}" if item.school and item.school != item.name else item.name
            lines.append(f"[{STYLE[item.status]}]{label(item.status)}[/{STYLE[item.status]}] {_escape(who)}{self.tr.colon}"
                         f"{_escape(item.explanation)} [dim]{_escape(_where(item.locations))}[/dim]")
        if len(failing) > ITEMS_SHOWN:
            lines.append(f"[dim]{_escape(self.tr('table.more-items', count=len(failing) - ITEMS_SHOWN))}[/dim]")
        if result.locations and result.status != "not_applicable" and not failing:
            lines.append(f"[dim]{_escape(_where(result.locations))}[/dim]")
        return status, name, observed, "\n".join(lines)

    def _matrices(self, console: Console, run: Run) -> None:
        """For each year with several reports: the units ranked by score, a status glyph per rule (clause 15)."""
        from rich import box
        from rich.columns import Columns
        from rich.table import Table

        from zhijiao_check.kinds.base import STATUSES
        from zhijiao_check.renderers.json import document
        from zhijiao_check.renderers.matrix import catalogue_of, matrices, score_text

        tr = self.tr
        for matrix in matrices(document(run, tr), catalogue_of(run)):
            table = Table(title=tr("render.matrix-title", year=matrix.year), box=box.SIMPLE_HEAD, show_edge=False,
                          pad_edge=False, collapse_padding=True)
            table.add_column("#", justify="right")
            table.add_column(tr("table.col-unit"), no_wrap=True)
            table.add_column(tr("table.score"), justify="right")
            for number in range(1, len(matrix.columns) + 1):
                table.add_column(str(number), justify="center", no_wrap=True)
            for row in matrix.rows:
                cells = [f"[{STYLE[c['status']]}]{GLYPH[c['status']]}[/{STYLE[c['status']]}]" if c else ""
                         for c in row.cells]
                table.add_row("—" if row.rank is None else str(row.rank), _escape(row.unit), score_text(row.score),
                              *cells)
            console.print(table)
            legend = " · ".join(f"[{STYLE[s]}]{GLYPH[s]}[/{STYLE[s]}] {tr(f'render.status-{s}')}" for s in STATUSES)
            console.print(f"{tr('render.legend')}: {legend} · {tr('render.blank')}: {tr('render.status-none')}")
            console.print(Columns([f"[dim]{n:>2} {c.rule}[/dim]" for n, c in enumerate(matrix.columns, 1)],
                                  padding=(0, 2), column_first=True))
            console.print()


def _where(locations: tuple[Location, ...]) -> str:
    if not locations:
        return ""
    more = f" +{len(locations) - 1}" if len(locations) > 1 else ""
    return f"{locations[0]}{more}"


def _sign(op: str) -> str:
    from zhijiao_check.engine.numbers import SHOWN

    return SHOWN.get(op, "" if op == "between" else op)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
