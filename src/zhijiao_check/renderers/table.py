"""``--format table`` (the default): per report a table of rules, then the city-wide section per year,
then for several reports the units × rules matrix (clause 15's assessment view).

Like the other views it works on the run document (``document.document``), the run as plain data.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from zhijiao_check import terminal
from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.memo import BoundedMemo
from zhijiao_check.patterns import later
from zhijiao_check.problems import never_read
from zhijiao_check.renderers import RenderOptions
from zhijiao_check.renderers.findings import failing_items, not_due, unit_items
from zhijiao_check.renderers.matrix import catalogue_of, matrices
from zhijiao_check.renderers.texts import (
    at,
    city_title,
    field_of,
    item_figure,
    more_places,
    observed_text,
    score_beside,
    score_text,
    spot,
    target_text,
    units_missing,
    value_text,
    who,
)
from zhijiao_check.status import STATUSES, Status

if TYPE_CHECKING:
    from zhijiao_check.engine.results import Run
    from zhijiao_check.renderers.layout.consoles import PlainConsole, RichConsole
    from zhijiao_check.renderers.layout.grid import Column, Grid

    Console = PlainConsole | RichConsole

ITEMS_SHOWN = 10
# The results that fail the run, named again above the exit status, one line each: at most this many, then
# how many more; each line at most this wide (a CI job's log is read in a narrow pane).
FAILING_SHOWN = 20
FAILING_WIDTH = 80
FAILING_INDENT = 4  # "  ✗ ", and the lines an entry goes on to under it
RULE_WIDTH = 12  # cells: the rule column's least; it is as wide as the pack's widest ID where that fits
ROOM = 28  # cells: a table row leaves its arithmetic at least this wide, or each rule is a block of lines
# A problem of an invalid report: its place indented under the report's line, its field's path (on a line of
# its own) further, its message further still.
PLACE_INDENT = 2
PATH_INDENT = 4
MESSAGE_INDENT = 6

Data = Mapping[str, Any]


class TableRenderer:
    def __init__(self, tr: Translator, options: RenderOptions) -> None:
        from zhijiao_check.renderers.fallbacks import Shown, as_shown

        self.options = options
        self._cells: BoundedMemo[str, str] = BoundedMemo()  # markup of figures and rules (``_kept``)
        self._titles: dict[str, str] = {}  # each rule's ID and title, broken to its column: one a rule
        # A terminal whose encoding lacks a glyph shows its fallback (``∉`` as ``not in`` in GBK), and other
        # text it lacks escaped: in place before anything is measured, so that a line fits as shown
        # (``renderers.fallbacks``).
        self._fallbacks = as_shown(options.encoding)
        self._document_tr = tr
        self.tr = Shown(tr.lang, self._fallbacks) if self._fallbacks else tr
        self._labels = {status: label.translate(self._fallbacks) for status, label in _LABELS.items()}
        self._glyphs = {status: glyph.translate(self._fallbacks) for status, glyph in _GLYPHS.items()}
        self._dot = "·".translate(self._fallbacks)  # between the parts of a heading, a summary, a legend

    def render(self, run: Run) -> str:
        from zhijiao_check.document import document
        from zhijiao_check.processes import ordered_map

        self._color = self.options.color if self.options.color is not None else self.options.to_terminal
        self._width = self.options.width or terminal.width(self.options.to_terminal)
        # An ID folded over two lines could not be copied into a waiver whole: the column holds the widest,
        # in two thirds of the width at most, which leaves a table of trends room for a year beside it.
        widest = max(map(len, catalogue_of(run)), default=0)
        self._rule_width = max(RULE_WIDTH, min(widest, self._width * 2 // 3))
        buffer = io.StringIO()
        console = self._console(buffer)
        if self._fallbacks:
            from zhijiao_check.characters import marking_user_text
            from zhijiao_check.renderers.fallbacks import translated

            with marking_user_text():  # a user's text is no glyph to replace (``renderers.fallbacks.shown``)
                doc = translated(document(run, self._document_tr), self._fallbacks)
        else:
            doc = document(run, self._document_tr)
        for bad in doc["invalid"]:
            self._invalid(console, bad)
        # Laying out a table is most of a large run's time, and each report's stands alone: several processes
        # may lay them out, the text joined in order is the same.
        for text in ordered_map(self._report, doc["reports"], self.options.jobs):
            buffer.write(text)
        for notice in doc["notices"]:
            console.print(f"[dim]{_escape(notice)}[/dim]")
        for city in doc["city"]:
            title = city_title(city, self.tr)
            if city["units_missing"]:
                title += f" {self._dot} " + units_missing(city, self.tr)
            self._evaluation(console, title, city)
        if doc["warnings"]:
            key = "table.warnings-quiet" if self.options.quiet else "table.warnings"
            heading = self.tr(key, count=len(doc["warnings"]))
            console.print(f"[yellow]{_escape(heading)}[/yellow]")
        if not self.options.quiet:  # --quiet: the summary lines only (a title, a count, a status per report)
            for warning in doc["warnings"]:
                self._problem(console, warning)
            self._matrices(console, doc, catalogue_of(run))
            self._trends(console, doc)
            self._assessment(console, doc)
            self._refused_again(console, doc["invalid"])
            self._failing_again(console, doc, run.failing)
        if "config" in doc:  # the settings' source, beside the outcome they led to
            console.print(f"[dim]{_escape(self.tr('table.config', file=doc['config']))}[/dim]")
        console.print(self.tr("table.exit", code=doc["exit_code"]))
        return buffer.getvalue()

    def _refused_again(self, console: Console, invalid: Sequence[Data]) -> None:
        """The reports not scored, named again just above the exit status: a long run lists them first,
        a thousand lines up, and ended with a bare ``退出状态 2``. Each file's name broken after a folder
        where the line is too wide, as at the top."""
        from zhijiao_check.renderers.layout.consoles import Indent

        if not invalid:
            return
        tr = self.tr
        console.print(f"[bold red]{_escape(tr('table.refused-again', count=len(invalid)))}[/bold red]")
        for bad in invalid:
            unread = never_read((p["severity"], p["line"]) for p in bad["problems"])
            key = "table.refused-unreadable" if unread else "table.refused-file"
            head, _, tail = tr(key, file="\0", count=len(bad["problems"])).partition("\0")
            lines = _place_lines(head + bad["file"], console.width - 2)
            lines[-1] += tail
            console.print(Indent(_escape("\n".join(lines)), 2), overflow="fold")

    def _failing_again(self, console: Console, doc: Data, failing: frozenset[str]) -> None:
        """The results that fail the run, one entry each just above the exit status (after the reports not
        scored): a blocked commit's output is a thousand lines, its one failing row somewhere in the
        middle. The unit and year, the rule and its arithmetic, on one line where it fits ``FAILING_WIDTH``
        (most do), else broken as the table breaks its text, never cut short; the first ``FAILING_SHOWN``,
        then how many more. Nothing when every result passed."""
        from itertools import chain

        from zhijiao_check.jsontext import entries_of
        from zhijiao_check.renderers.texts import label_of

        tr = self.tr
        rows: list[tuple[str, str]] = []
        count = 0
        for evaluation in chain(entries_of(doc["reports"]), entries_of(doc["city"])):
            label = label_of(evaluation, tr)  # 东安县 2023, 全市 2023
            for result in entries_of(evaluation["results"]):
                if result["status"] not in failing:
                    continue
                count += 1
                if len(rows) < FAILING_SHOWN:
                    reason = " ".join(str(result["explanation"]).split())
                    rows.append((result["status"], f"{label} {result['rule']}{tr.colon}{reason}"))
        if not count:
            return
        console.print(f"[bold red]{_escape(tr('table.failing-again', count=count))}[/bold red]")
        for status, line in rows:
            # at least a column past the indent: a narrower width (COLUMNS=1) laid the entry out in no line
            width = max(min(console.width, FAILING_WIDTH), FAILING_INDENT + 1)
            first, *rest = self._hanging(line, width)
            console.print(f"  {self._glyphs[status]} {_escape(first)}", overflow="crop")
            for more in rest:
                console.print(f"    {_escape(more)}", overflow="crop")
        if count > len(rows):
            console.print(f"  {_escape(tr('table.failing-more', count=count - len(rows)))}")

    def _hanging(self, text: str, width: int) -> list[str]:
        """``text`` laid out ``FAILING_INDENT`` columns in, within ``width``, as the plain console breaks it
        (where Chinese breaks, never inside a comparison): its lines without the indent."""
        from zhijiao_check.renderers.layout.consoles import Indent, PlainConsole

        buffer = io.StringIO()
        PlainConsole(buffer, width, self.tr.lang).print(
            Indent(_escape(text), FAILING_INDENT), overflow="fold"
        )
        return [line[FAILING_INDENT:].rstrip() for line in buffer.getvalue().splitlines()]

    def _console(self, buffer: io.StringIO) -> Console:
        from zhijiao_check.renderers.layout.consoles import console

        return console(buffer, self._width, self._color, self.tr.lang)

    def _report(self, report: Data) -> str:
        """One report's title, table and summary, as text."""
        buffer = io.StringIO()
        # A file's path wider than a line broken after a folder (the layout would fold it inside a name)
        file = "\n".join(_place_lines(report["file"], self._width))
        title = self.tr(
            "table.report-title",
            unit=report["unit"],
            kind=self.tr(f"render.kind-{report['kind']}"),
            year=report["year"],
            file=file,
        )
        self._evaluation(self._console(buffer), title, report)
        return buffer.getvalue()

    def _invalid(self, console: Console, bad: Data) -> None:
        # A path that could not be read at all (absent, a FIFO, no permission) is no invalid report: say so.
        unread = never_read((p["severity"], p["line"]) for p in bad["problems"])
        key = "table.unreadable" if unread else "table.invalid"
        head, _, tail = self.tr(key, file="\0", count=len(bad["problems"])).partition("\0")
        # The file's name broken after a folder where the line is too wide, the message after it broken
        # where Chinese breaks (by the console)
        lines = _place_lines(head + bad["file"], console.width)
        lines[-1] += tail
        console.print(f"[bold red]{_escape(chr(10).join(lines))}[/bold red]", overflow="fold")
        if self.options.quiet:
            return
        for problem in bad["problems"]:  # 错误：/警告： as validate says them: a warning invalidates nothing
            self._problem(
                console,
                {**problem, "message": self.tr(f"cli.severity-{problem['severity']}") + problem["message"]},
            )
        console.print()

    def _problem(self, console: Console, problem: Data) -> None:
        """The place (``file:line:col path``) on one line where it fits, the message indented under it,
        wrapped to the width. A place too wide is broken after a folder (the file's name and its
        ``line:col`` together where they fit: a terminal or an editor finds them), the field's path then
        on a line of its own where it does not fit beside the file, broken after a list's entry
        (``schools[1]`` over ``.majors[0]…``) where it does not fit a line."""
        from zhijiao_check.renderers.layout.consoles import Indent
        from zhijiao_check.renderers.layout.text import cell_len

        style = "yellow" if problem["severity"] == "warning" else "red"
        path = field_of(problem)
        lines = _place_lines(at(problem), console.width - PLACE_INDENT)
        beside = path and cell_len(f"{lines[-1]} {path}") <= console.width - PLACE_INDENT
        lines = [f"{' ' * PLACE_INDENT}[{style}]{_escape(line)}[/{style}]" for line in lines]
        if beside:
            lines[-1] += f" {_escape(path)}"
        elif path:
            path_lines = _path_lines(path, console.width - PATH_INDENT)
            lines += [f"{' ' * PATH_INDENT}{_escape(line)}" for line in path_lines]
        console.print("\n".join(lines), overflow="fold")
        # broken where Chinese breaks by the console, within the indent (``consoles.broken``)
        console.print(Indent(_escape(problem["message"]), MESSAGE_INDENT))

    def _evaluation(self, console: Console, title: str, evaluation: Data) -> None:
        from zhijiao_check.renderers.layout.chinese import break_chinese, fill
        from zhijiao_check.renderers.layout.grid import FRAME, Grid

        heading = (
            f"[bold]{_escape(title)}[/bold] {self._dot} {self.tr('table.score')} "
            f"[bold]{_escape(score_beside(evaluation, self.tr))}[/bold]"
        )
        # Broken between its parts, each whole where it fits: not ``… · 得`` over ``分 82.4``
        pieces = heading.split(f"{self._dot} ")
        parts = [f"{piece}{self._dot}" for piece in pieces[:-1]] + pieces[-1:]
        console.print(fill(parts, " ", console.width, self.tr.lang))
        for notice in evaluation["notices"]:
            console.print(f"[dim]{_escape(notice)}[/dim]")
        if not self.options.quiet:
            results = evaluation["results"]
            units = frozenset(evaluation.get("units_present", ()))  # a city-wide year's: its units' figures
            heads: list[Sequence[str]] = [self._head(result) for result in results]
            room = self._room(console.width, heads)
            if room >= ROOM:
                text = room - FRAME
                # the titles broken where Chinese breaks within the rule's column (rich folds them anywhere)
                titles, width, lang = self._titles, self._rule_width, self.tr.lang
                rows: list[Sequence[str]] = [
                    (
                        status,
                        titles.get(name) or titles.setdefault(name, break_chinese(name, width, lang)),
                        figures,
                        self._arithmetic(r, text, units),
                    )
                    for r, (status, name, figures) in zip(results, heads, strict=True)
                ]
                console.print(Grid(self._columns, rows))
            else:
                for result, head in zip(results, heads, strict=True):
                    arithmetic = self._arithmetic(result, console.width - 2, units)
                    self._block(console, result, head[0], arithmetic)
        summary = f" {self._dot} ".join(_styled(s, f"{s} {n}") for s, n in evaluation["summary"].items() if n)
        console.print(f"{self.tr('table.summary')}{self.tr.colon}{summary or '—'}")
        console.print()

    @cached_property
    def _columns(self) -> tuple[Column, ...]:
        from zhijiao_check.renderers.layout.grid import Column

        return (
            Column(self.tr("table.col-status"), no_wrap=True),
            Column(self.tr("table.col-rule"), overflow="fold", width=self._rule_width),
            Column(self.tr("table.col-observed"), justify="right", no_wrap=True),
            Column(self.tr("table.col-explanation"), overflow="fold"),
        )

    def _room(self, width: int, heads: list[Sequence[str]]) -> int:
        """The cells a table of rules leaves its arithmetic at ``width`` (``layout.grid.room_beside``)."""
        from zhijiao_check.renderers.layout.grid import Grid, room_beside

        return room_beside(Grid(self._columns[:3], heads), width)

    def _block(self, console: Console, result: Data, status: str, arithmetic: str) -> None:
        """A rule too wide for a table row: its status and ID on a line, then its title, figures and
        arithmetic folded under it."""
        from zhijiao_check.renderers.layout.consoles import Indent

        figures = _escape(value_text(result, self.tr))
        console.print(f"{status} [bold]{_escape(result['rule'])}[/bold]", overflow="fold")
        console.print(Indent(f"{_escape(result['title'])}\n{figures}\n{arithmetic}", 2), overflow="fold")

    def _head(self, result: Data) -> tuple[str, str, str]:
        """A rule's status, its ID and title, its figures: the cells that are never narrowed."""
        name = f"{_escape(result['rule'])}\n{_escape(result['title'])}"
        return self._labels[result["status"]], name, self._figures(result)

    def _arithmetic(self, result: Data, room: int, units: frozenset[str] = frozenset()) -> str:
        """The arithmetic, the notes, each unit's own figure (``units``: a city-wide year's), the items not
        met and where the data is, ``room`` cells wide."""
        from zhijiao_check.renderers.layout.chinese import break_chinese

        # Chinese broken where Chinese breaks (``break_chinese``); a place only after a folder (``placed``)
        lang = self.tr.lang
        lines = [
            break_chinese(_escape(result["explanation"]), room, lang),
            *(break_chinese(f"[dim]{_escape(note)}[/dim]", room, lang) for note in result["notes"]),
        ]
        shares = unit_items(result, units)
        if shares:
            lines.append(self._shares(shares, result, room))
        failing = failing_items(result)
        for item in failing[:ITEMS_SHOWN]:
            said = f"{self._labels[item['status']]} {_escape(who(item, self.tr))}{self.tr.colon}"
            said = break_chinese(said + _escape(item["explanation"]), room, lang)
            lines.append(_then(said, item, room, self.tr))
        if len(failing) > ITEMS_SHOWN:
            lines.append(
                f"[dim]{_escape(self.tr('table.more-items', count=len(failing) - ITEMS_SHOWN))}[/dim]"
            )
        if result["locations"] and result["status"] != "not_applicable" and not failing:
            lines.append(f"[dim]{_escape(placed(result['locations'], room, self.tr))}[/dim]")
        return "\n".join(lines)

    def _shares(self, items: Sequence[Data], result: Data, room: int) -> str:
        """``各单位：零陵区 52.7%、冷水滩区 55.0%、…``: each unit's own figure under a city-wide one, a unit
        that is not met marked by its status's glyph; broken between two units only, to ``room`` cells (its
        arithmetic and places are in the other views, and under the result where it is not met)."""
        from zhijiao_check.renderers.layout.chinese import fill

        tr, glyphs = self.tr, self._glyphs
        pieces = [
            ("" if item["status"] == "pass" else f"{glyphs[item['status']]} ")
            + _escape(f"{who(item, tr)} {item_figure(item, result, tr)}")
            for item in items
        ]
        # below a target not due yet is no failure: the head says so, where a glyph of its own would read as
        # a cut (pending's ``…``) or be missed
        head = tr("render.by-unit-not-due" if not_due(result) else "render.by-unit")
        pieces[0] = _escape(f"{head}{tr.colon}") + pieces[0]
        return fill(pieces, tr.comma, room, tr.lang)

    def _figures(self, result: Data) -> str:
        """The observed figure and, dim under it, the target (to places that tell them and the linear
        schedule's value apart)."""
        target = result["target"]
        key = repr(
            (result["observed"], result["unit"], target["op"], target["value"], result.get("expected"))
        )
        return self._kept(key, self._make_figures, result)

    def _make_figures(self, result: Data) -> str:
        cell = _escape(observed_text(result, self.tr))
        target = target_text(result, self.tr)
        return cell + f"\n[dim]{_escape(target)}[/dim]" if target else cell

    def _kept(self, key: str, make: Callable[..., str], *data: Data) -> str:
        """A cell's markup, ``make(*data)``, made once for each ``key``: the ``repr`` of all it is made of
        (which tells ``True``, ``1`` and ``1.0`` apart). A run shows the same figures and rules report after
        report."""
        cell = self._cells.get(key)
        return cell if cell is not None else self._cells.keep(key, make(*data))

    def _trend_cell(self, trend: Data, point: Data) -> str:
        """A year's figure of a trend: its status, the figure, and under it the linear schedule's, or the
        year's own target where it is computed each year; ``报表无效`` for a year whose report was refused,
        ``未提交`` for one the unit did not file; ``未判定`` for a city-wide year not decided. A figure moved
        away from the target since the year before has ``回落`` at its foot (``setbacks``): a line of its
        own, which widens no column of 80."""
        from zhijiao_check.renderers import trends as view

        if view.refused(point):
            return f"[bold red]{_escape(view.figure(trend, point, self.tr))}[/bold red]"
        if view.not_filed(point):
            return f"[yellow]{_escape(view.figure(trend, point, self.tr))}[/yellow]"
        under: tuple[str, ...] = (
            view.schedule(trend, point, self.tr),
            view.year_target(trend, point, self.tr),
        )
        if view.undecided(point):  # not a judgement: the missing units could change it (docs/trends.md)
            # the units missing are named in the year's heading and the verdict: a year's column is narrow
            text = f"[magenta]{_escape(self.tr('render.undecided'))}[/magenta]"
            text += f" {_escape(view.figure(trend, point, self.tr))}"
        else:
            text = f"{self._glyphs[point['status']]} {_escape(view.figure(trend, point, self.tr))}"
        lines = [text, *(f"[dim]{_escape(line)}[/dim]" for line in under if line)]
        if view.setback(trend, point):  # last, so that the years' schedules and targets stay side by side
            lines.append(f"[yellow]{_escape(self.tr('render.setback'))}[/yellow]")
        return "\n".join(lines)

    def _trend_rule(self, trend: Data) -> str:
        """A trend's rule: its ID, title and target."""
        from zhijiao_check.renderers import trends as view

        goal = view.target(trend, self.tr)
        goal = f"\n[dim]{_escape(self.tr('render.trend-target'))} {_escape(goal)}[/dim]" if goal else ""
        return f"{_escape(trend['rule'])}\n{_escape(trend['title'])}{goal}"

    def _matrices(self, console: Console, doc: Data, catalogue: list[str]) -> None:
        """For each year with several reports:
        the units ranked by score, a status glyph per rule (clause 15).
        """
        from zhijiao_check.renderers.layout.chinese import fill
        from zhijiao_check.renderers.layout.columns import Columns
        from zhijiao_check.renderers.layout.grid import Column, Grid
        from zhijiao_check.renderers.layout.text import MEASURED

        tr = self.tr
        for matrix in matrices(doc, catalogue):
            table = Grid(
                [
                    Column("#", justify="right", no_wrap=True),
                    Column(tr("table.col-unit"), no_wrap=True),
                    Column(tr("table.score"), justify="right", no_wrap=True),
                    *(
                        Column(str(n), justify="center", no_wrap=True)
                        for n in range(1, len(matrix.columns) + 1)
                    ),
                ],
                title=tr("render.matrix-title", year=matrix.year),
                collapse_padding=True,
            )
            for row in matrix.rows:
                cells = [self._glyphs[c["status"]] if c else "" for c in row.cells]
                rank = "—" if row.rank is None else str(row.rank)
                table.rows.append([rank, _escape(row.unit), score_text(row.score), *cells])
            refused = f"[bold red]{_escape(tr('render.report-invalid'))}[/bold red]"
            for name in matrix.refused:
                table.rows.append(["—", _escape(name), refused, *("" for _ in matrix.columns)])
            # Said beside the name, not in the score's column: 未提交 is wider than a score, and a ranking of
            # 20 rules that fitted 100 columns was cut in two panels by one unit that filed nothing.
            absent = f"[yellow]{_escape(tr('engine.paren', text=tr('render.not-filed')))}[/yellow]"
            for name in matrix.not_filed:
                table.rows.append(["—", f"{_escape(name)}{absent}", "—", *("" for _ in matrix.columns)])
            self._panels(console, _units_fitted(table, console.width, tr.lang), 3, "table.panel-rules")
            # Broken only between two of its entries: a glyph on one line and its meaning on the next is lost.
            legend = [f"{self._glyphs[s]} {_escape(tr(f'render.status-{s}'))}" for s in STATUSES]
            legend[0] = f"{_escape(tr('render.legend'))}{tr.colon}{legend[0]}"
            legend.append(f"{_escape(tr('render.blank'))}{tr.colon}{_escape(tr('render.status-none'))}")
            console.print(fill(legend, f" {self._dot} ", console.width, tr.lang))
            keys = tuple(f"[dim]{n:>2} {c.rule}[/dim]" for n, c in enumerate(matrix.columns, 1))
            if max((MEASURED[key].widest for key in keys), default=0) <= console.width:
                console.print(Columns(keys))
            else:  # rich's columns would cut a rule's ID short with "…": one a line, folded at the edge
                for key in keys:
                    console.print(key, overflow="fold")
            console.print()

    def _trends(self, console: Console, doc: Data) -> None:
        """Each target's figure year by year, city-wide then per unit, and its projection to the due year."""
        from zhijiao_check.renderers import trends as view
        from zhijiao_check.renderers.counted import COUNTED, counted_figure, counted_target
        from zhijiao_check.renderers.layout.chinese import break_chinese
        from zhijiao_check.renderers.layout.consoles import Indent
        from zhijiao_check.renderers.layout.grid import Column, Grid, natural_width, panels

        tr = self.tr
        shown = False
        for _, heading, trends in view.scopes(doc, tr):
            years = view.trend_years(trends)
            table = Grid(
                [
                    Column(tr("table.col-rule"), overflow="fold", width=self._rule_width),
                    *(Column(str(year), justify="right", no_wrap=True) for year in years),
                ],
                title=heading,
                title_justify="left",
            )
            for trend in trends:
                by_year = {point["year"]: point for point in trend["years"]}
                # A cell's key: what its text is made of, the trend's part of it made once a trend (some
                # 16,000 cells over a 1,000-report run, most of them made once and looked up again).
                of_trend = repr((trend["unit"], trend["target"]))  # the places of a share tell it apart
                setbacks = view.setback_years(trend)  # ``回落`` under their figures
                cells = []
                for year in years:
                    point = by_year.get(year)
                    if point is None:
                        cells.append("")
                        continue
                    key = of_trend + repr(
                        (
                            point["status"],
                            point["observed"],
                            point["schedule"],
                            point["target"],  # shown where the target is computed each year
                            # a share of schools told by its count or one school's figure (``counted``)
                            (counted_figure(point, tr), counted_target(point, tr))
                            if COUNTED in point
                            else (),
                            point["undecided"],
                            year in setbacks,
                        )
                    )
                    cells.append(self._kept(key, self._trend_cell, trend, point))
                key = repr((trend["rule"], trend["title"], trend["target"], trend["unit"]))
                table.rows.append([self._kept(key, self._trend_rule, trend), *cells])
            rules = [row[0] for row in table.rows]
            # the titles broken where Chinese breaks within the rule's column (rich would fold them anywhere)
            table.rows = [[break_chinese(row[0], self._rule_width, tr.lang), *row[1:]] for row in table.rows]
            cut = panels(table, console.width, 1)
            # A table only where each rule's ID is whole in its column (a waiver names it) and a year's
            # figures beside it: else rich would fold the ID and cut a figure short with "…", the glyph of
            # ``pending``. Below that, each rule is a block of lines.
            if max((len(trend["rule"]) for trend in trends), default=0) <= self._rule_width and all(
                natural_width(panel) <= console.width for _, panel in cut
            ):
                self._panels(console, table, 1, "table.panel-years", cut)
            else:
                console.print(_escape(heading))
                for rule, row in zip(rules, table.rows, strict=True):
                    self._trend_block(console, rule, years, row[1:])
            projected = [trend for trend in trends if trend["projection"] is not None]
            if projected:
                console.print(f"[bold]{_escape(tr('render.trend-projection'))}[/bold]")
            for trend in projected:
                style = "green" if trend["projection"]["on_track"] else "red"
                console.print(
                    Indent(
                        f"[{style}]{_escape(view.track(trend, tr))}[/{style}] {_escape(trend['rule'])}"
                        f"{tr.colon}{_escape(view.projection(trend, tr))}",
                        2,
                    )
                )
            self._verdicts(console, trends)
            if view.any_setback(trends):  # what ``回落`` in a cell says, under the table that shows it
                console.print(f"[dim]{_escape(tr('render.setback-note'))}[/dim]")
            console.print()
            shown = True
        if shown:
            console.print(f"[dim]{_escape(tr('render.trend-method'))}[/dim]")
            console.print()

    def _assessment(self, console: Console, doc: Data) -> None:
        """Clause 15's summary (``renderers.assessment``): a line per scope counting its targets due in the
        run by their due year's outcome, and the years met of those judged each year; under it, what is
        short of met, named by rule. Advice: no status, score or exit status changes with it."""
        from zhijiao_check.renderers import assessment as view
        from zhijiao_check.renderers.layout.chinese import break_chinese
        from zhijiao_check.renderers.layout.consoles import Indent
        from zhijiao_check.renderers.layout.grid import Column, Grid

        tr = self.tr
        rows = view.rows(doc, tr)
        if not rows:
            return
        heads = view.headers(tr)
        table = Grid(
            [
                Column(_escape(heads[0]), no_wrap=True),
                *(Column(_escape(head), justify="right", no_wrap=True) for head in heads[1:]),
            ],
            title=f"[bold]{_escape(tr('render.assessment-title'))}[/bold]",
            title_justify="left",
            collapse_padding=True,
        )
        for name, figures, _ in rows:
            table.rows.append([_escape(name), *(_escape(str(figure)) for figure in figures)])
        fitted = _units_fitted(table, console.width, tr.lang, keys=1, unit=0)
        self._panels(console, fitted, 1, "table.panel-columns")
        for name, _, details in rows:
            if details:
                console.print(Indent(_escape(f"{name}{tr.colon}{tr.sep.join(details)}"), 2))
        note = break_chinese(tr("render.assessment-note"), console.width, tr.lang)
        console.print(f"[dim]{_escape(note)}[/dim]")
        console.print()

    def _verdicts(self, console: Console, trends: Sequence[Data]) -> None:
        """What the years of the run say of each target they judge (``verdict``): met by the due year and
        held since, in green; not met, in red; not known (not decided, not filed, …), in yellow."""
        from rich.cells import cell_len

        from zhijiao_check.engine.trend import MET, NOT_MET
        from zhijiao_check.renderers import trends as view
        from zhijiao_check.renderers.layout.consoles import Indent

        tr = self.tr
        judged = [trend for trend in trends if trend["projection"] is None and trend.get("verdict")]
        if judged:
            console.print(f"[bold]{_escape(tr('render.trend-verdict'))}[/bold]")
        for trend in judged:
            outcomes = {year["outcome"] for year in trend["verdict"]["years"]}
            style = "green" if outcomes == {MET} else "red" if NOT_MET in outcomes else "yellow"
            said = _escape(view.verdict(trend, tr))
            head = f"[{style}]{_escape(trend['rule'])}[/{style}]"
            # A rule's ID and the colon after it wider than the line: the colon would begin the next line, so
            # the ID stands on a line of its own, its verdict indented under it
            if 2 + len(trend["rule"]) + cell_len(tr.colon) >= console.width:
                console.print(Indent(head, 2), overflow="fold")
                console.print(Indent(said, 4))
            else:
                console.print(Indent(f"{head}{tr.colon}{said}", 2))

    def _trend_block(self, console: Console, rule: str, years: list[int], cells: Sequence[str]) -> None:
        """A trend too wide for a table row: its ID on a line, then its title and target, and a line for
        each year's status and figure (the linear schedule's under the figure), indented under it.
        ``rule`` and ``cells``: the row's cells."""
        from zhijiao_check.renderers.layout.consoles import Indent

        name, _, about = rule.partition("\n")
        lines = [about] if about else []
        for year, cell in zip(years, cells, strict=True):
            if cell:
                first, *rest = cell.split("\n")
                lines += [f"{year} {first}", *(" " * (len(str(year)) + 1) + line for line in rest)]
        console.print(f"[bold]{name}[/bold]", overflow="fold")
        console.print(Indent("\n".join(lines), 2), overflow="fold")

    def _panels(
        self,
        console: Console,
        table: Grid,
        keys: int,
        title: str,
        cut: list[tuple[range, Grid]] | None = None,
    ) -> None:
        """``table``, or where it is wider than the console, the tables it is cut into
        (``layout.grid.panels``; ``cut``, where the caller has them), each titled with the headers of the
        columns it holds after the first ``keys``: ``…（规则 11–20）``."""
        from zhijiao_check.renderers.layout.chinese import break_chinese
        from zhijiao_check.renderers.layout.grid import natural_width, panels

        headers = [column.header for column in table.columns[keys:]]
        cut = cut if cut is not None else panels(table, console.width, keys)
        for held, panel in cut:
            if len(cut) > 1:
                first, last = headers[held[0]], headers[held[-1]]
                span = first if first == last else f"{first}–{last}"
                panel.title = self.tr(title, title=table.title, span=span)
                panel.title_justify = table.title_justify
            # laid out over the table's width: broken where Chinese breaks, not ``（规则`` over ``1）``
            if panel.title:
                room = min(natural_width(panel), console.width)
                panel.title = break_chinese(panel.title, room, self.tr.lang)
            console.print(panel)


def _units_fitted(table: Grid, width: int, lang: Lang, keys: int = 3, unit: int = 1) -> Grid:
    """A matrix, or where a unit's name leaves no room for a rule's column beside the rank and the score
    (``永州经济技术开发区`` at 30 columns), the same with the names broken where Chinese breaks to the room
    there is: rich would cut them short with "…" and drop the rules' columns. ``keys``: the columns each
    panel repeats; ``unit``: the names' column among them (clause 15's summary: the first, alone)."""
    from zhijiao_check.renderers.layout.chinese import break_chinese
    from zhijiao_check.renderers.layout.grid import Column, Grid, natural_width, panels
    from zhijiao_check.renderers.layout.text import MEASURED

    over = max((natural_width(panel) for _, panel in panels(table, width, keys)), default=0) - width
    named = table.columns[unit]
    room = max((MEASURED[row[unit]].widest for row in table.rows), default=0) - over
    if over <= 0 or room < max(MEASURED[named.header].widest, 4):
        return table  # it fits; or no room to speak of, left to rich
    columns = [*table.columns]
    columns[unit] = Column(named.header, overflow="fold")
    rows: list[Sequence[str]] = [
        [*row[:unit], break_chinese(row[unit], room, lang), *row[unit + 1 :]] for row in table.rows
    ]
    return Grid(columns, rows, title=table.title, collapse_padding=table.collapse_padding)


def _styled(status: str, text: str) -> str:
    return f"[{Status(status).style}]{text}[/{Status(status).style}]"


# Each status's label and glyph in its style, as console markup: ``[green]✓ pass[/green]``.
_LABELS = {status.value: _styled(status, status.label) for status in STATUSES}
_GLYPHS = {status.value: _styled(status, status.glyph) for status in STATUSES}


def _escape(text: str) -> str:
    if "[" not in text and "\\" not in text:  # nothing ``escape`` would change
        return text
    from zhijiao_check.renderers.layout.text import escape

    return escape(text)


# Where a place may be broken over two lines: after a folder's separator (not the root's: ``/`` alone over
# ``work/main/…`` is no place), before the line (or a workbook's sheet and cell) and before a cell's header.
_PLACE_BREAK = later(r"(?<=[^/\\][/\\])|(?=[:（])")


def _more_places(key: tuple[Translator, int]) -> tuple[str, int]:
    """``where``'s words for the other places of ``count`` (`` 另 2 处``), and their cells."""
    from zhijiao_check.renderers.layout.text import cell_len

    tr, count = key
    more = more_places(count, tr)
    return more, cell_len(more)


# The words for how many other places there are, by translator and count of places (``_more_places``).
_MORE_PLACES: BoundedMemo[tuple[Translator, int], tuple[str, int]] = BoundedMemo(_more_places)
# The parts of each file's name where a place may break (``_PLACE_BREAK``): a file has a place in every row.
_FILE_PARTS: BoundedMemo[str, list[str]] = BoundedMemo(lambda file: _PLACE_BREAK.split(file))
# Where a field's path may be broken over two lines: after a list's entry (``schools[1]`` over ``.name``).
_ENTRY_END = later(r"(?<=\])(?=\.)")


def _then(said: str, item: Data, room: int, tr: Translator) -> str:
    """An item's markup ``said`` with its place on lines of its own under it. Beside the explanation, with a
    space alone between them, the place read as part of it: ``当年招生 165 ≠ 0 samples/2023/dongan.yaml:125``
    (``0 samples``), the more so on a wrapped line where the explanation's own words start the line."""
    place = placed(item["locations"], room, tr)
    return f"{said}\n[dim]{_escape(place)}[/dim]" if place else said


def placed(locations: Sequence[Data], room: int, tr: Translator) -> str:
    """``texts.where``, broken where a reader expects a break when it is wider than ``room``: the place after
    a folder (folded at the column's edge, ``samples/2023/ningyuan.yaml:127`` read ``…ningyuan.yaml:12`` over
    ``7``), the count of other places whole after it or on a line of its own (not ``另`` over ``11 处``)."""
    from zhijiao_check.renderers.layout.text import cell_len

    if not locations:
        return ""
    place = spot(locations[0])  # a path may hold a space: the count follows the place
    # ``where``'s text, its count of other places worded once a count
    more, more_cells = _MORE_PLACES[tr, len(locations)] if len(locations) > 1 else ("", 0)
    text = place + more
    if (len(place) + more_cells if place.isascii() and place.isprintable() else cell_len(text)) <= room:
        return text
    lines = _place_lines(place, room)
    if more and cell_len(lines[-1] + more) > room:
        lines.append(more.lstrip())
    else:
        lines[-1] += more
    return "\n".join(lines)


def _place_lines(place: str, room: int) -> list[str]:
    """A place (``samples/2023/ningyuan.yaml:127``) on one line where it fits ``room``, else broken after a
    folder, filled from the end: the file's name and its line together where they fit, the folders above
    (folded at a column's edge, ``…ningyuan.yaml:12`` read over ``7``)."""
    if place.isascii() and place.isprintable():  # most places: a character a cell, counted by ``len``
        return [place] if len(place) <= room else _ascii_place_lines(place, room)
    return _cell_place_lines(place, room)


def _cell_place_lines(place: str, room: int) -> list[str]:
    """``_place_lines`` of any place, each line's cells counted anew."""
    from zhijiao_check.renderers.layout.text import cell_len

    if cell_len(place) <= room:
        return [place]
    lines = [""]
    for part in reversed(_PLACE_BREAK.split(place)):
        if lines[-1] and cell_len(part + lines[-1]) > room:
            lines.append(part)
        else:
            lines[-1] = part + lines[-1]
    return lines[::-1]


def _ascii_place_lines(place: str, room: int) -> list[str]:
    """``_place_lines`` of a place of printable ASCII wider than ``room``: each line's cells its characters,
    added up as the parts are put together (a place in a table of a thousand reports is laid out a dozen
    times a report, where cells counted anew for each part were a twentieth of the run)."""
    file, colon, line = place.rpartition(":")
    if colon and line.isdigit() and file[-1:] not in ("/", "\\", ""):
        # ``file:line``: the file's parts are found once a file, its line a part of its own after them
        parts = [*_FILE_PARTS[file], colon + line]
    else:
        parts = _PLACE_BREAK.split(place)
    lines = [""]
    size = 0  # the cells of the line being filled, ``lines[-1]``
    for part in reversed(parts):
        if size and len(part) + size > room:
            lines.append(part)
            size = len(part)
        else:
            lines[-1] = part + lines[-1]
            size += len(part)
    return lines[::-1]


def _path_lines(path: str, room: int) -> list[str]:
    """A field's path (``schools[1].majors[0].previous_enrollment``) on one line where it fits ``room``, else
    broken before the ``.`` after a list's entry, as many entries on a line as fit."""
    from zhijiao_check.renderers.layout.text import cell_len

    lines = [""]
    for part in _ENTRY_END.split(path):
        if lines[-1] and cell_len(lines[-1] + part) > room:
            lines.append(part)
        else:
            lines[-1] += part
    return lines
