"""``rules``, ``explain`` and ``coverage``: what the rule packs transcribe, for people and scripts. The packs
are loaded here; their views are in ``renderers.catalogue``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from zhijiao_check.errors import FatalError
from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.jsontext import dumps
from zhijiao_check.output import write
from zhijiao_check.renderers.catalogue import (
    clause_rows,
    coverage_text,
    explain_text,
    rule_data,
    rules_markdown,
    rules_table,
)
from zhijiao_check.status import ExitCode


def _print(text: str) -> None:
    write(text + "\n", None)


def _packs(rules: Sequence[Path], main: str | None) -> list[Any]:
    from zhijiao_check.pack.load import load_packs

    return load_packs(rules, main)


def list_rules(lang: Lang, format: str, rules: Sequence[Path], main: str | None = None) -> int:
    tr = Translator(lang)
    packs = _packs(rules, main)
    rows = [{**rule_data(r, tr, p.sources[r.id]), "pack": p.id} for p in packs for r in p.rules]
    if format == "json":
        _print(dumps(rows))
        return ExitCode.OK
    if format == "markdown":
        write(rules_markdown(packs, tr), None)
        return ExitCode.OK
    table, count = rules_table(packs, rows, tr)
    write(table, None)
    _print(count)
    return ExitCode.OK


def explain(rule_id: str, lang: Lang, format: str, rules: Sequence[Path], main: str | None = None) -> int:
    tr = Translator(lang)
    packs = _packs(rules, main)
    found = [(p, r) for p in packs for r in p.rules if r.id == rule_id]
    if not found:
        from zhijiao_check.commands.check import matching_rules, unknown_rule

        ids = [r.id for p in packs for r in p.rules]
        if several := matching_rules(rule_id, ids):  # ``explain c4``: a clause, or a glob as --select takes
            from zhijiao_check.wording import Join

            raise FatalError("explain-one-rule", rule=rule_id, count=len(several), ids=Join(tuple(several)))
        raise unknown_rule(rule_id, ids)
    pack, rule = found[0]
    data = rule_data(rule, tr, pack.sources[rule.id])
    if format == "json":
        _print(dumps(data))
        return ExitCode.OK
    _print(explain_text(pack, rule, data, tr))
    return ExitCode.OK


def coverage(lang: Lang, format: str, rules: Sequence[Path], main: str | None = None) -> int:
    """Each pack's document with its own clauses, the pack's rules of each and why what is left is not
    transcribed: the main pack's first, then those ``--rules`` adds, each under its document."""
    tr = Translator(lang)
    packs = _packs(rules, main)
    documents = [clause_rows(pack, tr) for pack in packs]
    if format == "json":
        shown = [
            {"id": pack.id, "document": pack.info.document, "clauses": rows}
            for pack, rows in zip(packs, documents, strict=True)
        ]
        _print(dumps({**shown[0], "other_packs": shown[1:]}))
        return ExitCode.OK
    write(coverage_text(packs, documents, tr), None)
    return ExitCode.OK
