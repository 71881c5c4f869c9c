"""What a rule file alone cannot tell, checked when a pack is read from its files (``pack.load``): each
rule's quote against the policy text (in the clause the rule names, where the text's headings name clauses),
its clause and annex item against those ``pack.yaml`` lists, and ``pack.yaml``'s own clauses and annex items.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from zhijiao_check.files import display_name
from zhijiao_check.kinds import AnyRule
from zhijiao_check.pack.listed import clause_entry, id_hint
from zhijiao_check.pack.placed import Placed, pack_problem
from zhijiao_check.pack.policy import Near, Passage, clause_passages, nearest, normalise, passages, quoted_in
from zhijiao_check.pack.schedule import schedule_base_problems
from zhijiao_check.pack.schema import PackInfo, id_matcher
from zhijiao_check.problems import Problem
from zhijiao_check.source import Parsed, read_text
from zhijiao_check.vocabulary import MIN_QUOTE


def cross_checks(
    info: PackInfo | None,
    info_parsed: Parsed | None,
    pack_file: str,
    rules: list[AnyRule],
    places: dict[str, Placed],
    directory: Path,
) -> list[Problem]:
    """What a rule file alone cannot tell: quotes in the policy text (in the clause named, where the text's
    headings name clauses), clauses and annex items ``pack.yaml`` (``pack_file``, as shown) lists, IDs of the
    pack's pattern, years from the issue on, fields the report model has and values those fields can take,
    settings the engine would not honour.

    ``info`` None: ``pack.yaml`` did not fit (its problems are said of it). What needs it (the policy text it
    names, its clauses, annex, ID pattern, issue date) is said once as not checked; the rest of each rule
    (its fields, values and settings, a quote too short to be one) is checked all the same, in that run."""
    problems: list[Problem] = []
    if info is None or info_parsed is None:
        if rules:
            problems.append(pack_problem(pack_file, None, "", "rules-wait-for-pack-file"))
        for rule in rules:
            problems += _own_checks(rule, places[rule.id])
        return problems
    policy_path = directory / info.policy
    # through the one door: a FIFO is refused, not waited on
    decoded = read_text(policy_path, display_name(policy_path))
    policy: tuple[Passage, ...] | None = None
    by_clause: dict[int, tuple[Passage, ...]] = {}
    policy_file = display_name(policy_path)
    if isinstance(decoded, Problem):
        # said once, the quotes left unchecked: each would be "not in the policy text"
        if decoded.code != "path-not-found":
            problems.append(decoded)
        else:
            # at pack.yaml's ``policy:`` where it names the file (else the default, policy.md)
            written = isinstance(info_parsed.data, dict) and "policy" in info_parsed.data
            where = info_parsed.positions.nearest(("policy",)) if written else None
            problems.append(pack_problem(pack_file, where, "policy", "policy-missing", policy=policy_file))
    else:
        policy = tuple(passages(decoded.text))
        by_clause = clause_passages(policy)  # by clause number, where the policy's headings name clauses
    # the clauses against the policy's headings where it has them; the annex items whatever it is
    problems += _pack_file_checks(info, info_parsed, pack_file, sorted(by_clause), policy_file)
    follows = id_matcher(info.rule_ids)  # checked to compile by PackInfo; never backtracks
    clauses = {clause.number for clause in info.clauses}
    items = {item.item for item in info.annex}
    for rule in rules:
        place = places[rule.id]
        if not follows(rule.id):
            hint = id_hint(rule.id, rule.clause, info.rule_ids, follows)
            problems.append(
                place.problem("id", "rule-id-pattern", id=rule.id, pattern=info.rule_ids, hint=hint)
            )
        if policy is not None and len(normalise(rule.quote)) >= MIN_QUOTE:
            if quoted_in(rule.quote, policy) is None:
                problems.append(_not_quoted(rule, place, policy, by_clause.get(rule.clause, ()), policy_file))
            elif rule.clause in by_clause and quoted_in(rule.quote, by_clause[rule.clause]) is None:
                problems.append(_elsewhere(rule, place, by_clause, policy_file))
        if rule.annex is not None and rule.annex not in items:
            code = "unknown-annex" if items else "no-annex"
            said = {"id": rule.id, "item": rule.annex, "items": _numbers(sorted(items))}
            problems.append(place.problem("annex", code, **said))
        if rule.clause not in clauses:
            said = {
                "id": rule.id,
                "clause": rule.clause,
                "clauses": _numbers(sorted(clauses)),
                "entry": clause_entry(rule.clause, info_parsed),
                "at": f"{pack_file}:{info_parsed.positions.nearest(('clauses',))[0]}",
            }
            problems.append(place.problem("clause", "unknown-clause", **said))
        until = rule.time.until
        early = [year for year in rule.time.years if year < info.issued.year and year != until]
        if until is not None and until < info.issued.year:
            # a rule that ends before its pack applies is judged in no year: said at its until
            said = {"id": rule.id, "until": until, "issued_year": info.issued.year}
            problems.append(
                place.problem(("time", "until"), "until-before-issue", **said, issued=info.issued.isoformat())
            )
        elif early:
            said = {"id": rule.id, "year": early[0], "issued": info.issued.isoformat()}
            problems.append(place.problem("time", "year-before-issue", **said))
        problems += _own_checks(rule, place)
    problems += schedule_base_problems(info, info_parsed, pack_file, rules, places)
    return problems


def _own_checks(rule: AnyRule, place: Placed) -> list[Problem]:
    """What is checked of a rule without ``pack.yaml`` or the policy text: a quote too short to say anything
    of the policy, fields the report model has, values those fields take, settings the engine honours."""
    from zhijiao_check.pack.effects import unhonoured
    from zhijiao_check.pack.unknown import unknown_fields
    from zhijiao_check.pack.values import wrong_values

    problems: list[Problem] = []
    count = len(normalise(rule.quote))
    if count < MIN_QUOTE:  # all white space is in any text: a quote must say something of the policy
        from zhijiao_check.pack.values import yaml_literal  # a quote of spaces shows them

        quote = yaml_literal(rule.quote)
        problems.append(place.problem("quote", "quote-too-short", id=rule.id, count=count, quote=quote))
    # a yes/no value said as the rule's file typed it (``value: off``), not as the false YAML reads
    for path, wrong in [*unknown_fields(rule), *wrong_values(rule, place.typed), *unhonoured(rule)]:
        code = wrong.key.removeprefix("pack.")  # a key of the pack's catalogue (unknown, values, effects)
        problems.append(place.problem(place.as_written(path), code, **dict(wrong.params)))
    return problems


def _not_quoted(
    rule: AnyRule, place: Placed, policy: Sequence[Passage], its_clause: Sequence[Passage], policy_file: str
) -> Problem:
    """A quote not within a passage of the policy, and the words nearest it to write instead: of the clause
    the rule names first (``its_clause``: words of another clause would be refused next), else of the whole
    policy."""
    near = nearest(rule.quote, its_clause) or nearest(rule.quote, policy)
    if near is None:
        return place.problem("quote", "quote-not-verbatim", id=rule.id, quote=rule.quote)
    return place.problem("quote", "quote-not-verbatim-near", **_near(rule, near, policy_file))


def _near(rule: AnyRule, near: Near, policy_file: str) -> dict[str, object]:
    """The parameters of a ``…-near`` message: the words of the policy nearest the quote, where, and the
    ``quote:`` value to write."""
    return {
        "id": rule.id,
        "quote": rule.quote,
        "near": near.text,
        "at": f"{policy_file}:{near.passage.line}",
        "write": _as_yaml(near.text),
    }


def _as_yaml(text: str) -> str:
    """``text`` as a YAML value: as it is where YAML reads it back the same, else in double quotes."""
    import json

    import yaml

    try:
        plain = yaml.safe_load(f"quote: {text}") == {"quote": text}
    except yaml.YAMLError:
        plain = False
    return text if plain else json.dumps(text, ensure_ascii=False)


def _elsewhere(
    rule: AnyRule, place: Placed, by_clause: dict[int, tuple[Passage, ...]], policy_file: str
) -> Problem:
    """A quote in the policy but not in a passage of the clause the rule names: at ``clause:``, the clause
    it is in named, where it is in one; else at the quote (it is in the preamble or the annex), with the
    words of the rule's clause nearest it, where some are near enough."""
    found = sorted(number for number, its in by_clause.items() if quoted_in(rule.quote, its) is not None)
    if found:
        said = {"id": rule.id, "clause": rule.clause, "found": _numbers(found), "write": found[0]}
        return place.problem("clause", "quote-other-clause", **said)
    near = nearest(rule.quote, by_clause[rule.clause])
    if near is None:
        return place.problem("quote", "quote-outside-clauses", id=rule.id, clause=rule.clause)
    said = _near(rule, near, policy_file)
    return place.problem("quote", "quote-outside-clauses-near", clause=rule.clause, **said)


def _pack_file_checks(
    info: PackInfo, parsed: Parsed, file: str, named: list[int], policy: str
) -> list[Problem]:
    """``pack.yaml`` (``file``)'s clauses, each one the policy's headings name (``named``, where they name
    any), and its annex items, each listed once and serving clauses it lists."""
    problems: list[Problem] = []
    numbers = {clause.number for clause in info.clauses}
    for index, clause in enumerate(info.clauses):
        if named and clause.number not in named:
            problems.append(
                pack_problem(
                    file,
                    parsed.positions.nearest(("clauses", index, "number")),
                    f"clauses[{index}].number",
                    "clause-not-in-policy",
                    clause=clause.number,
                    policy=policy,
                    found=_numbers(named),
                )
            )
    first: dict[int, int] = {}  # each item's index in ``annex``
    for index, item in enumerate(info.annex):
        if item.item in first:
            # a rule's item is looked up by its number: the second's clauses were never read
            earlier = parsed.positions.nearest(("annex", first[item.item], "item"))
            problems.append(
                pack_problem(
                    file,
                    parsed.positions.nearest(("annex", index, "item")),
                    f"annex[{index}].item",
                    "annex-item-twice",
                    item=item.item,
                    first=f"{file}:{earlier[0]}",
                )
            )
        first.setdefault(item.item, index)
        for place, served in enumerate(item.clauses):
            if served not in numbers:
                problems.append(
                    pack_problem(
                        file,
                        parsed.positions.nearest(("annex", index, "clauses", place)),
                        f"annex[{index}].clauses[{place}]",
                        "annex-unknown-clause",
                        item=item.item,
                        clause=served,
                        clauses=_numbers(sorted(numbers)),
                    )
                )
    return problems


def _numbers(numbers: list[int]) -> str:
    """``1–17, 20``: sorted numbers, each run of consecutive ones as its ends."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 2 else ", ".join(map(str, run)) for run in runs)
