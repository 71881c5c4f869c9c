"""The page's closing sections: the notices and the warnings on the files, and the clauses of the rules used,
quoted."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zhijiao_check.i18n import Translator
from zhijiao_check.renderers.markup import escaped, tag
from zhijiao_check.renderers.page.marks import rule_id
from zhijiao_check.renderers.texts import spot


def notes(doc: Mapping[str, Any], tr: Translator) -> str:
    """The run's notices, then each warning with where it stands."""
    listed = [escaped(n) for n in doc["notices"]]
    listed += [tag("code", escaped(spot(w))) + f" {escaped(w['message'])}" for w in doc["warnings"]]
    if not listed:
        return ""
    return tag(
        "section",
        tag("h2", escaped(tr("render.notices"))) + tag("ul", "".join(tag("li", n) for n in listed)),
        id="notes",
    )


def clauses(doc: Mapping[str, Any], rules: Mapping[str, Any], tr: Translator) -> str:
    """Each clause of the policy that a result on the page is measured by, its rules' titles and the text
    they quote; ``rules``: the packs' rules by ID."""
    shown = (*doc["reports"], *doc["city"], *doc.get("city_block", ()))
    used = {r["rule"] for e in shown for r in e["results"]}
    by_clause: dict[int, list[Any]] = {}
    for rule in rules.values():
        if rule.id in used:
            by_clause.setdefault(rule.clause, []).append(rule)
    parts = [tag("h2", escaped(tr("render.clauses")))]
    for clause, listed in sorted(by_clause.items()):
        items = "".join(
            tag(
                "li",
                f"{rule_id(rule.id)} {escaped(tr.pick(rule.title.zh, rule.title.en))}"
                + tag("blockquote", escaped(rule.quote)),
            )
            for rule in listed
        )
        parts.append(tag("h3", escaped(tr("render.clause", clause=clause))) + tag("ul", items))
    return tag("section", "".join(parts), id="clauses") if by_clause else ""
