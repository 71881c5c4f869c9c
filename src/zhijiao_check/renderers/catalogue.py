"""The views of ``rules``, ``explain`` and ``coverage`` (``commands.catalogue`` loads the packs and chooses
among these): a rule as data (``rule_data``, the JSON), explained line by line, the rule list as a table (or a
block of lines a rule where the titles have no room beside the rest), the rules page in Markdown, and the
coverage of each pack's document, clause by clause."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from zhijiao_check.i18n import Translator
from zhijiao_check.kinds import computed_target, stated_target
from zhijiao_check.output import stdout_is_tty
from zhijiao_check.units import UNIT_KINDS

# cells: the rule list's titles get at least this many beside the other columns, and two lines there hold
# three titles in four (English ones are about twice as wide as Chinese), or each rule is a block of lines
ROOM = 20
T = TypeVar("T")


def _width() -> int:
    """As wide as the terminal, or as ``terminal.width`` lays out a file or a pipe."""
    from zhijiao_check import terminal

    return terminal.width(stdout_is_tty())


def time_text(rule: Any, tr: Translator) -> str:
    """``到 2025 年（线性进度）``, ``自 2024 年起，到 2025 年``; with ``until``, the last year it applies
    (and the rule that takes over: ``…，至 2023 年止（此后由 c8.x 判定）``); with ``replaces``, the rule it
    takes over (``自 2024 年起，接替 c8.x``)."""
    time = rule.time
    if time.due is not None and time.from_ is not None:
        key = "catalogue.from-due-linear" if time.linear else "catalogue.from-due"
        text = tr(key, start=time.from_, year=time.due)
    elif time.due is not None:
        text = tr("catalogue.due-linear" if time.linear else "catalogue.due", year=time.due)
    elif time.every_year is not None:
        text = tr("catalogue.every-year", year=time.every_year)
    else:
        text = tr("catalogue.from", year=time.start)
    if time.replaces is not None:  # an amendment's rule taking over another pack's (pack.replaces)
        text = tr("catalogue.replaces", time=text, rule=time.replaces)
    if time.until is None:
        return text
    if time.replaced_by is None:
        return tr("catalogue.until", time=text, until=time.until)
    return tr("catalogue.until-replaced", time=text, until=time.until, rule=time.replaced_by)


def rule_data(rule: Any, tr: Translator, source: Any) -> dict[str, Any]:
    interpretation = rule.interpretation
    return {
        "id": rule.id,
        "title": tr.pick(rule.title.zh, rule.title.en),
        "clause": rule.clause,
        "quote": rule.quote,
        "scope": rule.scope,
        # the kinds of report a unit or school rule is checked on (engine.evaluate); a city rule reads all
        "units": list(rule.units) if rule.scope != "city" else [],
        "kind": rule.kind,
        "reads": rule.reads(),
        "target": _target(rule),
        "unit": rule.unit,
        "time": {("from" if key == "from_" else key): value for key, value in _given(rule.time).items()},
        "time_text": time_text(rule, tr),
        "severity": rule.severity,
        "weight": rule.weight,
        "responsible": list(rule.responsible),
        "annex": rule.annex,
        "interpretation": tr.pick(interpretation.zh, interpretation.en) if interpretation else None,
        "when": dataclasses.asdict(rule.when) if rule.when else None,
        "source": f"{source.file}:{source.line}",
    }


def _target(rule: Any) -> dict[str, Any]:
    target = _given(rule.target)
    if rule.kind == "flag":  # its record's target means nothing
        op, value = stated_target(rule)
        return {"op": op, "value": value}
    if computed_target(rule):  # what it is computed from, not the number the rule file leaves at its default
        del target["value"]
        compare_to = getattr(rule, "compare_to", None)
        if compare_to is None:
            target["year_plus"] = rule.year_plus
        else:
            reads = compare_to.reads()
            target["compare_to"] = " / ".join(reads) if rule.kind == "ratio" else reads
    return target


def _given(record: Any) -> dict[str, Any]:
    """A record's fields that are given (not None), in their order."""
    return {key: value for key, value in dataclasses.asdict(record).items() if value is not None}


def explain_lines(pack: Any, rule: Any, data: dict[str, Any], tr: Translator) -> list[str]:
    """``explain`` for a person: every word in the output language, fields by their labels,
    the real threshold.
    """
    from zhijiao_check.renderers.texts import responsible_text

    clause = next((c for c in pack.info.clauses if c.number == rule.clause), None)
    borrowed = pack.info.borrowed(rule.clause, rule.annex)
    number = tr("catalogue.clause-n", n=data["clause"])
    lines = [
        f"{data['id']}  {data['title']}",
        f"{tr('catalogue.clause')}{tr.colon}{pack.info.document} "
        + (
            tr("catalogue.clause-titled", clause=number, title=clause_title(clause, tr)) if clause else number
        ),
        f"{tr('catalogue.quote')}{tr.colon}“{data['quote']}”",
        f"{tr('catalogue.scope')}{tr.colon}{scope_text(data, tr)}",
        f"{tr('catalogue.kind')}{tr.colon}{tr('catalogue.kind-' + rule.kind)}",
        f"{tr('catalogue.reads')}{tr.colon}{tr.join(field_text(path, tr) for path in data['reads'])}",
        f"{tr('catalogue.target')}{tr.colon}{target_text(rule, tr)}",
        f"{tr('catalogue.time')}{tr.colon}{data['time_text']}",
    ]
    schedule = schedule_text(rule, pack.info.base_year, tr)
    if schedule:
        lines.append(f"{tr('catalogue.schedule')}{tr.colon}{schedule}")
    severity = tr("catalogue.severity-" + data["severity"])
    lines += [
        f"{tr('catalogue.severity')}{tr.colon}{severity}{tr.sep}{tr('catalogue.weight')} {data['weight']:g}",
        f"{tr('catalogue.responsible')}{tr.colon}{responsible_text(pack.info, rule.responsible, tr)}"
        + (tr("engine.paren", text=tr("catalogue.annex", n=data["annex"])) if data["annex"] else "")
        + (borrowed_text({"item": rule.annex, "clauses": borrowed}, tr) if borrowed else ""),
    ]
    if data["when"]:
        lines.append(
            f"{tr('catalogue.when')}{tr.colon}{data['when']['rule']} = {'/'.join(data['when']['status'])}"
        )
    if data["interpretation"]:
        lines.append(f"{tr('catalogue.interpretation')}{tr.colon}{data['interpretation']}")
    return lines


def scope_text(data: dict[str, Any], tr: Translator) -> str:
    """``单位（县市区）``: the rule's scope, and the kinds of report it is checked on where ``units:`` narrows
    them (a unit or school rule of every kind is checked on every report)."""
    scope = tr("catalogue.scope-" + data["scope"])
    units = data["units"]
    if not units or set(units) == set(UNIT_KINDS):
        return scope
    return scope + tr("engine.paren", text=tr.join(tr(f"catalogue.unit-{kind}") for kind in units))


def clause_title(clause: Any, tr: Translator) -> str:
    """A clause's title: in English with the policy's own words beside it, which a reader matches with the
    document (``Securing more funding (加大经费保障力度)``)."""
    title = clause.title
    return tr.pick(title.zh, title.en + tr("engine.paren", text=title.zh))


def field_text(path: str, tr: Translator) -> str:
    """``schools[].appropriation_per_student（生均拨款）``: a field a report fills, by key and label."""
    from zhijiao_check.measure.conditions import field_label

    if " | " in path:  # a field, or another where it is not given
        first, other = path.split(" | ")
        return tr("catalogue.or-else", field=field_text(first, tr), other=field_text(other, tr))
    over, _, field = path.rpartition("[].")
    label = tr.render(field_label(field, over or None))
    return path if label == field else f"{path}{tr('engine.paren', text=label)}"


def _condition_text(condition: Any, over: str, tr: Translator) -> str:
    from zhijiao_check.measure.conditions import field_label, shown
    from zhijiao_check.measure.numbers import SHOWN

    label = tr.render(field_label(condition.field, over))
    if condition.present is not None:
        return tr("catalogue.present" if condition.present else "catalogue.absent", field=label)
    sign = {"contains": tr("catalogue.contains")}.get(condition.op, SHOWN.get(condition.op, condition.op))
    if condition.other is not None:
        right = tr.render(field_label(condition.other, over))
    elif condition.year_plus is not None:
        right = tr("catalogue.year-plus", n=f"{condition.year_plus:+d}".replace("-", "−"))
    else:
        right = tr.render(shown(condition.value))  # a report's code with its Chinese meaning
    return f"{label} {sign} {right}"


def target_text(rule: Any, tr: Translator) -> str:
    """The threshold as the policy states it: ``每项：生均拨款 ≥ 10000``, ``≥ 45.0%``, ``≥ 统计年度−1``."""
    from zhijiao_check.measure.numbers import SHOWN, show, show_target

    target = rule.target
    if rule.kind == "flag":
        return tr("catalogue.flag-true")
    if rule.kind == "every":
        groups = [" ∧ ".join(_condition_text(c, rule.of.over, tr) for c in group) for group in rule.groups()]
        text = tr("catalogue.every-item", test=tr("catalogue.or").join(groups))
        where = [_condition_text(c, rule.of.over, tr) for c in rule.of.where]
        return text + (
            tr("engine.paren", text=tr("catalogue.where", test=" ∧ ".join(where))) if where else ""
        )
    if getattr(rule, "year_plus", None) is not None:
        n = f"{rule.year_plus:+d}".replace("-", "−")
        return f"{SHOWN[target.op]} {tr('catalogue.year-plus', n=n)}"
    compare_to = getattr(rule, "compare_to", None)
    if compare_to is not None:
        if rule.kind == "ratio":
            other = tr(
                "catalogue.ratio-of",
                top=tr.join(field_text(s.reads(), tr) for s in compare_to.numerator),
                bottom=tr.join(field_text(s.reads(), tr) for s in compare_to.denominator),
            )
        else:
            other = field_text(compare_to.reads(), tr)
        return f"{SHOWN[target.op]} {other}"
    text = tr.render(show_target(target.op, target.value, rule.unit))
    if rule.kind == "coverage":
        # "all of them" only where the target asks for all: ≥ 4 of 6 is said as the count it is
        key = "catalogue.coverage" if _all_required(rule) else "catalogue.coverage-some"
        text = tr(key, values=tr.join(rule.required), text=text)
    if target.tolerance is not None and not isinstance(target.value, list):
        low = tr.render(show(target.value * (1 - target.tolerance), rule.unit))
        text += tr("catalogue.tolerance", low=low, target=tr.render(show(target.value, rule.unit)))
    if target.expected_max is not None:
        text += tr("catalogue.expected-max", high=tr.render(show(target.expected_max, rule.unit)))
    return text


def _all_required(rule: Any) -> bool:
    """Whether a ``coverage`` rule's target is met by covering every value it lists and by nothing less."""
    from zhijiao_check.measure.numbers import meets

    count = len(rule.required)
    return meets(count, rule.target) and not meets(count - 1, rule.target)


def schedule_text(rule: Any, base: int, tr: Translator) -> str | None:
    """``20 × (年份 − 2020) / (2025 − 2020)：2021 年 4、2022 年 8、…``: the linear schedule in numbers."""
    from zhijiao_check.measure.numbers import show
    from zhijiao_check.wording import number

    time, value = rule.time, rule.target.value
    if not time.linear or time.due is None or isinstance(value, list):
        return None
    shown = tr.render(show(value, rule.unit))

    def on_schedule(year: int) -> float:
        share = value * (year - base) / (time.due - base)
        return round(share, 4) if rule.unit == "ratio" else float(number(share))

    # the years the rule is judged in only: from its ``from`` (the schedule still grows from ``base``), to
    # its ``until``
    first = base + 1 if time.from_ is None else max(base + 1, time.from_)
    last = time.due if time.until is None else min(time.due, time.until)
    years = tr.join(
        tr("catalogue.year-value", year=y, value=tr.render(show(on_schedule(y), rule.unit)))
        for y in range(first, last + 1)
    )
    return tr("catalogue.formula", target=shown, base=base, due=time.due, years=years)


def borrowed_text(borrowed: dict[str, Any], tr: Translator) -> str:
    """``（责任单位取自第1条的工作任务清单第2项）``: a rule naming another clause's annex item."""
    clauses = tr.join(str(c) for c in borrowed["clauses"])
    return tr("catalogue.borrowed", item=borrowed["item"], clauses=clauses)


def rules_table(packs: Sequence[Any], rows: list[dict[str, Any]], tr: Translator) -> tuple[str, str]:
    """The rule list for a terminal, a file or a pipe (``rows``: each rule's ``rule_data`` with its pack's
    ID), and the count of rules under it, each as the terminal shows them (``_as_shown``)."""
    import io

    from zhijiao_check.renderers.layout.consoles import Indent, PlainConsole
    from zhijiao_check.renderers.layout.grid import Column, Grid, room_beside
    from zhijiao_check.renderers.layout.text import cell_len, escape

    lang = tr.lang
    rows, tr, dot = _as_shown(rows, tr)
    cells = [(r["id"], str(r["clause"]), scope_text(r, tr), r["time_text"]) for r in rows]
    keys = ("catalogue.col-id", "catalogue.col-clause", "catalogue.col-scope", "catalogue.col-time")
    others = Grid([Column(tr(key), no_wrap=True) for key in keys], [list(map(escape, row)) for row in cells])
    width = _width()
    console = PlainConsole(buffer := io.StringIO(), width, lang)
    room = room_beside(others, width)
    titles = sorted(cell_len(r["title"]) for r in rows)
    beside = room >= ROOM and 2 * room >= titles[len(titles) * 3 // 4]
    for pack in packs:
        # several packs: each one's rules under its document and ID, as the markdown and coverage have them
        heading = f"{pack.info.document}{tr('engine.paren', text=pack.id)}" if len(packs) > 1 else None
        if heading and pack is not packs[0]:
            console.print("")
        mine = [index for index, r in enumerate(rows) if r["pack"] == pack.id]
        if beside:
            title = Column(tr("catalogue.col-title"), overflow="fold")
            shown: list[Sequence[str]] = [[*others.rows[i], escape(rows[i]["title"])] for i in mine]
            console.print(Grid([*others.columns, title], shown, title=heading, title_justify="left"))
            continue
        # no room for a title beside the rest: a rule's ID, clause, scope and time, its title under them
        if heading:
            console.print(escape(heading), overflow="fold")
        for i in mine:
            rule, clause, scope, time = cells[i]
            for line in _facts([rule, tr("catalogue.clause-n", n=clause), scope, time], width, dot):
                console.print(escape(line))
            console.print(Indent(escape(rows[i]["title"]), 2))
    return buffer.getvalue(), tr("catalogue.count", count=len(rows))


def _as_shown(data: T, tr: Translator) -> tuple[T, Translator, str]:
    """``data``'s texts, the translator and the dot between facts as a terminal shows them
    (``renderers.fallbacks``): on a GBK console ``·`` is two cells, laid out as such, where it was laid out
    as one and replaced by ``.`` at the write."""
    from zhijiao_check import terminal
    from zhijiao_check.renderers.fallbacks import Shown, as_shown, translated

    table = as_shown(terminal.encoding() if stdout_is_tty() else None)
    if not table:
        return data, tr, "·"
    return translated(data, table), Shown(tr.lang, table), "·".translate(table)


def _facts(facts: list[str], width: int, dot: str = "·") -> list[str]:
    """``c1.public-seats · 第1条 · 全市 · 2023 年前`` on one line where it fits; else broken before a fact
    (never inside one: ``due`` stays with ``2023``), the lines after the first indented under the rule's
    ID."""
    from zhijiao_check.renderers.layout.text import cell_len

    lines = [facts[0]]
    for fact in facts[1:]:
        if cell_len(f"{lines[-1]} {dot} {fact}") <= width:
            lines[-1] += f" {dot} {fact}"
        else:
            lines.append(f"    {fact}")
    return lines


def explain_text(pack: Any, rule: Any, data: dict[str, Any], tr: Translator) -> str:
    """``explain`` for a person (``explain_lines``), each line broken to a terminal's width."""
    lines = explain_lines(pack, rule, data, tr)
    # A terminal would break a long line wherever it falls; a file or a pipe keeps a fact a line (grep).
    if stdout_is_tty():
        from zhijiao_check.renderers.layout.chinese import broken_line

        lines = [part for line in lines for part in broken_line(line, _width(), 2, tr.lang)]
    return "\n".join(lines)


def rules_markdown(packs: Sequence[Any], tr: Translator) -> str:
    """docs/rules.md: every rule under its own anchor (``#c16.secondary-funding``), which SARIF's ``helpUri``
    names. The rule file is named from the pack's folder, so the page is the same wherever the pack is
    installed."""
    out = [f"# {tr('catalogue.rules-page')}", "", tr("catalogue.rules-page-generated"), ""]
    for pack in packs:
        out += [f"## {pack.info.document} ({pack.id})", ""]
        for rule in pack.rules:
            source = pack.sources[rule.id]
            data = rule_data(rule, tr, source)
            data["source"] = f"{Path(source.file).parent.name}/{Path(source.file).name}:{source.line}"
            facts = explain_lines(pack, rule, data, tr)[1:]  # after the title line, which the heading gives
            out += [
                f'<a id="{rule.id}"></a>',
                "",
                f"### `{rule.id}` {rule.title.zh}",
                "",
                rule.title.en,
                "",
                *(f"- {line}" for line in facts),
                "",
            ]
    return "\n".join(out)


def coverage_text(packs: Sequence[Any], documents: list[list[dict[str, Any]]], tr: Translator) -> str:
    """Each pack's document (``documents``: its ``clause_rows``) as a table of its clauses, or each clause's
    rules under it where they have no room beside it."""
    import io

    from zhijiao_check.renderers.layout.consoles import PlainConsole

    width = _width()
    console = PlainConsole(buffer := io.StringIO(), width, tr.lang)
    # several: each document named with its pack too (two packs may transcribe one document)
    names = [
        pack.info.document + (tr("engine.paren", text=pack.id) if len(packs) > 1 else "") for pack in packs
    ]
    titles = [[clause_title(clause, tr) for clause in pack.info.clauses] for pack in packs]
    (documents, names, titles), tr, _ = _as_shown((documents, names, titles), tr)
    widest = max((len(rule.id) for pack in packs for rule in pack.rules), default=0)
    for index, (rows, name, said) in enumerate(zip(documents, names, titles, strict=True)):
        if index:
            console.print("")
        _coverage_table(console, rows, said, name, widest, tr)
    return buffer.getvalue()


def clause_rows(pack: Any, tr: Translator) -> list[dict[str, Any]]:
    """A pack's clauses, each with the pack's rules of it, the annex items they borrow and what is not
    transcribed."""
    rows = []
    for clause in pack.info.clauses:
        of_clause = [r for r in pack.rules if r.clause == clause.number]
        reason = tr.pick(clause.untranscribed.zh, clause.untranscribed.en) if clause.untranscribed else None
        borrowed = {
            r.id: {"item": r.annex, "clauses": pack.info.borrowed(r.clause, r.annex)}
            for r in of_clause
            if pack.info.borrowed(r.clause, r.annex)
        }
        rows.append(
            {
                "clause": clause.number,
                "title": tr.pick(clause.title.zh, clause.title.en),
                "rules": [r.id for r in of_clause],
                "borrowed": borrowed,
                "untranscribed": reason,
            }
        )
    return rows


def _coverage_table(
    console: Any, rows: list[dict[str, Any]], titles: list[str], title: str, widest: int, tr: Translator
) -> None:
    """One document's clauses (``titles``: theirs as ``clause_title`` says them) under ``title``: a table
    where the rules fit beside the clauses (``widest``: the longest rule ID of all the packs), else each
    clause's rules under it."""
    from zhijiao_check.renderers.layout.chinese import break_chinese
    from zhijiao_check.renderers.layout.consoles import Indent
    from zhijiao_check.renderers.layout.grid import FRAME, Column, Grid, room_beside
    from zhijiao_check.renderers.layout.text import escape

    width = console.width
    cells: list[Sequence[str]] = [
        [str(row["clause"]), escape(title)] for row, title in zip(rows, titles, strict=True)
    ]
    clause = Column(tr("catalogue.col-clause"), no_wrap=True, justify="right")
    others = Grid([clause, Column(tr("catalogue.col-title"), no_wrap=True)], cells)
    room = room_beside(others, width)
    listed = []
    for row in rows:
        lines = [
            f"{i}{borrowed_text(row['borrowed'][i], tr)}" if i in row["borrowed"] else i for i in row["rules"]
        ]
        if row["untranscribed"]:
            lines.append(tr("catalogue.untranscribed", reason=row["untranscribed"]))
        listed.append(escape("\n".join(lines) or "—"))
    if room - FRAME >= max(ROOM, widest):  # every rule's ID whole on a line
        # the rules and why not, broken where Chinese breaks (``break_chinese``) within the column's padding
        shown: list[Sequence[str]] = [
            [*cell, break_chinese(text, room - FRAME, tr.lang)]
            for cell, text in zip(cells, listed, strict=True)
        ]
        column = Column(tr("catalogue.col-rules"), overflow="fold")
        console.print(Grid([*others.columns, column], shown, title=title))
        return
    console.print(escape(title), overflow="fold")
    # no room beside the clause and its title: the rules under them
    for row, said, text in zip(rows, titles, listed, strict=True):
        number = tr("catalogue.clause-n", n=row["clause"])
        heading = escape(tr("catalogue.clause-titled", clause=number, title=said))
        # an English title with a Chinese one, broken as Chinese breaks
        console.print(break_chinese(heading, width, tr.lang), overflow="fold")
        console.print(Indent(break_chinese(text, width - 2, tr.lang), 2), overflow="fold")
