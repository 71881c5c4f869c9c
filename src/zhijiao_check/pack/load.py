"""Loading a rule pack directory: ``pack.yaml``, ``units.yaml``, the policy text and the rule files.

A broken pack is a list of located problems (exit 2), never a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from zhijiao_check.files import display_name
from zhijiao_check.kinds import AnyRule
from zhijiao_check.pack.cache import pack_files
from zhijiao_check.pack.policy import Near, Passage, clause_passages, nearest, normalise, passages, quoted_in
from zhijiao_check.pack.schema import PackInfo, RuleFile, id_matcher
from zhijiao_check.problems import Problem, format_path
from zhijiao_check.records import record
from zhijiao_check.source import Parsed, parse_yaml, read_text
from zhijiao_check.source.slips import list_commas
from zhijiao_check.units import Renamed, Unit, UnitRegistry
from zhijiao_check.vocabulary import MIN_QUOTE
from zhijiao_check.wording import Join, msg

PACK_FILE = "pack.yaml"
UNITS_FILE = "units.yaml"


@record
class RuleSource:
    """Where a rule is written; ``when``: where its ``when:`` names the rule it depends on, ``id_at``: where
    its ``id:`` value is, kept for the checks across packs (``_conditions_refer_back``, ``_ids_once``),
    which a kept pack's rules are put to without their files."""

    file: str
    line: int
    when: tuple[int, int] | None = None
    id_at: tuple[int, int] | None = None


@record
class RulePack:
    info: PackInfo
    directory: Path
    rules: tuple[AnyRule, ...]  # in catalogue order
    units: UnitRegistry
    sources: dict[str, RuleSource]

    @property
    def id(self) -> str:
        return self.info.id


def builtin_dir() -> Path:
    """The packs shipped in the package; in a source checkout, the repository's ``rules/``."""
    installed = Path(__file__).resolve().parent.parent / "packs"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[3] / "rules"


def load_pack(directory: Path) -> RulePack | list[Problem]:
    problems: list[Problem] = []
    info_file = directory / PACK_FILE
    info_parsed = _parse(info_file, problems, rules=False)
    info = _validate(PackInfo, info_parsed, display_name(info_file), problems) if info_parsed else None
    units_file = info.units if info is not None else UNITS_FILE
    units = _units(directory / units_file, problems)
    if units is None and problems[-1].code == "path-not-found":
        problems[-1] = _no_units(directory, info_parsed, units_file)
    rules: list[AnyRule] = []
    sources: dict[str, RuleSource] = {}
    places: dict[str, Placed] = {}
    for path in pack_files(directory):
        if path.name in (PACK_FILE, units_file):
            continue
        parsed = _parse(path, problems, rules=True)
        rule_file = _validate(RuleFile, parsed, display_name(path), problems) if parsed else None
        if parsed is None or rule_file is None:
            continue
        for index, rule in enumerate(rule_file.rules):
            place = Placed(display_name(path), parsed, index)
            if rule.id in sources:
                first = sources[rule.id]
                problems.append(
                    _problem(
                        place.file,
                        place.at("id"),
                        f"rules[{index}].id",
                        "duplicate-rule",
                        id=rule.id,
                        first=f"{first.file}:{first.line}",
                    )
                )
                continue
            places[rule.id] = place
            when = place.at("when", "rule") if rule.when is not None else None
            line = parsed.positions.nearest(("rules", index))[0]
            sources[rule.id] = RuleSource(place.file, line, when, place.at("id"))
            rules.append(rule)
    if info is None or info_parsed is None or units is None or problems:
        return problems
    problems += _cross_checks(info, info_parsed, rules, places, directory)
    if problems:
        return problems
    return RulePack(info, directory, tuple(rules), units, sources)


@record
class Placed:
    """Where a rule is written: its file, the file's positions, its index in ``rules``."""

    file: str
    parsed: Parsed
    index: int

    def at(self, *path: str | int) -> tuple[int, int]:
        return self.parsed.positions.nearest(("rules", self.index, *path))

    def as_written(self, path: tuple[str | int, ...]) -> tuple[str | int, ...]:
        """A model path as the file writes it: a sum given short (``of: seats``) has no ``field`` key."""
        node = self.parsed.data["rules"][self.index]
        for depth, part in enumerate(path):
            if isinstance(node, str):
                return path[:depth]
            if isinstance(node, dict):
                node = node.get(part)
            elif isinstance(node, list) and isinstance(part, int) and part < len(node):
                node = node[part]
            else:
                return path
        return path


def _parse(path: Path, problems: list[Problem], *, rules: bool) -> Parsed | None:
    """The file read, or None with its problems; ``rules``: a rule file (else ``pack.yaml`` or the units)."""
    decoded = read_text(path, display_name(path))
    if isinstance(decoded, Problem):
        problems.append(decoded)
        return None
    parsed = parse_yaml(decoded.text, display_name(path))
    commas = [
        _problem(display_name(path), at, "", "fullwidth-comma-list") for at in list_commas(decoded.text)
    ]
    problems += commas
    if isinstance(parsed, list):
        problems.extend(_said_of_a_pack(problem, rules) for problem in parsed)
        return None
    return None if commas else parsed


def _said_of_a_pack(problem: Problem, rules: bool) -> Problem:
    """A file empty, or not of keys and values, in the words of a pack's files: the YAML reader words these
    for a report (``fill in a report (see zhijiao-check template)``)."""
    where = (
        (problem.line, problem.column) if problem.line is not None and problem.column is not None else None
    )
    name = Path(problem.file).name
    if problem.code == "empty-file":
        if rules:
            return _problem(problem.file, where, "", "empty-rule-file")
        return _problem(problem.file, where, "", "empty-pack-file", name=name)
    if problem.code == "top-not-mapping":
        found = problem.params.get("found", "")
        if rules:
            return _problem(problem.file, where, "", "rule-file-not-mapping", found=found)
        return _problem(problem.file, where, "", "pack-file-not-mapping", name=name, found=found)
    return problem


def _validate(record: Any, parsed: Parsed, file: str, problems: list[Problem]) -> Any:
    """``parsed`` as a ``record`` of the pack schema, checked by Pydantic; or None, the errors in
    ``problems``."""
    from pydantic import TypeAdapter, ValidationError

    if record not in _VALIDATORS:
        _VALIDATORS[record] = TypeAdapter(record)
    try:
        return _VALIDATORS[record].validate_python(parsed.data)
    except ValidationError as error:
        from zhijiao_check.pack.refused import refused

        problems += refused(record, error.errors(include_url=False), parsed.data, parsed.positions, file)
        return None


_VALIDATORS: dict[Any, Any] = {}  # by record: built when a pack's files are first read


def _no_units(directory: Path, info: Parsed | None, units_file: str) -> Problem:
    """A pack without its unit list, said of ``pack.yaml``: at its ``units:`` when it names the file."""
    pack_file = display_name(directory / PACK_FILE)
    said = {"units": display_name(directory / units_file), "need": msg("pack.units-needed")}
    if info is not None and "units" in info.data:
        return _problem(pack_file, info.positions.nearest(("units",)), "units", "units-missing-named", **said)
    return _problem(pack_file, None, "", "units-missing", **said)


def _units(path: Path, problems: list[Problem]) -> UnitRegistry | None:
    from pydantic import TypeAdapter, ValidationError

    parsed = _parse(path, problems, rules=False)
    if parsed is None:
        return None
    read: dict[str, Any] = {}
    for key, kind, default in (("units", list[Unit], None), ("renamed", list[Renamed], [])):
        try:
            read[key] = TypeAdapter(kind).validate_python(parsed.data.get(key, default))
        except ValidationError as error:
            from zhijiao_check.pack.refused import refused

            first = error.errors(include_url=False)[:1]
            data = parsed.data.get(key)
            problems += refused(kind, first, data, parsed.positions, display_name(path), (key,))
            return None
    units, renamed = read["units"], read["renamed"]
    return UnitRegistry(units, renamed)


def _cross_checks(
    info: PackInfo, info_parsed: Parsed, rules: list[AnyRule], places: dict[str, Placed], directory: Path
) -> list[Problem]:
    """What a rule file alone cannot tell: quotes in the policy text (in the clause named, where the text's
    headings name clauses), clauses and annex items ``pack.yaml`` lists, IDs of the pack's pattern, years
    from the issue on, fields the report model has and values those fields can take, settings the engine
    would not honour."""
    from zhijiao_check.pack.effects import unhonoured
    from zhijiao_check.pack.unknown import unknown_fields
    from zhijiao_check.pack.values import wrong_values

    problems: list[Problem] = []
    policy_path = directory / info.policy
    # through the one door: a FIFO is refused, not waited on
    decoded = read_text(policy_path, display_name(policy_path))
    if isinstance(decoded, Problem):
        if decoded.code != "path-not-found":
            return [decoded]
        return [
            _problem(
                display_name(directory / PACK_FILE),
                None,
                "policy",
                "policy-missing",
                policy=display_name(policy_path),
            )
        ]
    policy = passages(decoded.text)
    by_clause = clause_passages(policy)  # by clause number, where the policy's headings name clauses
    policy_file = display_name(policy_path)
    follows = id_matcher(info.rule_ids)  # checked to compile by PackInfo; never backtracks
    clauses = {clause.number for clause in info.clauses}
    pack_file = display_name(directory / PACK_FILE)
    problems += _pack_file_checks(info, info_parsed, pack_file, sorted(by_clause), policy_file)
    items = {item.item for item in info.annex}
    for rule in rules:
        place = places[rule.id]
        if not follows(rule.id):
            problems.append(
                _problem(
                    place.file,
                    place.at("id"),
                    f"{rule.id}.id",
                    "rule-id-pattern",
                    id=rule.id,
                    pattern=info.rule_ids,
                )
            )
        if (
            len(normalise(rule.quote)) < MIN_QUOTE
        ):  # all white space is in any text: a quote must say something of the policy
            from zhijiao_check.pack.values import shown  # a quote of spaces shows them

            problems.append(
                _problem(
                    place.file,
                    place.at("quote"),
                    f"{rule.id}.quote",
                    "quote-too-short",
                    id=rule.id,
                    count=len(normalise(rule.quote)),
                    quote=shown(rule.quote),
                )
            )
        elif quoted_in(rule.quote, policy) is None:
            problems.append(_not_quoted(rule, place, policy, by_clause.get(rule.clause, ()), policy_file))
        elif rule.clause in by_clause and quoted_in(rule.quote, by_clause[rule.clause]) is None:
            problems.append(_elsewhere(rule, place, by_clause, policy_file))
        if rule.annex is not None and rule.annex not in items:
            problems.append(
                _problem(
                    place.file,
                    place.at("annex"),
                    f"{rule.id}.annex",
                    "unknown-annex" if items else "no-annex",
                    id=rule.id,
                    item=rule.annex,
                    items=_numbers(sorted(items)),
                )
            )
        if rule.clause not in clauses:
            problems.append(
                _problem(
                    place.file,
                    place.at("clause"),
                    f"{rule.id}.clause",
                    "unknown-clause",
                    id=rule.id,
                    clause=rule.clause,
                    clauses=_numbers(sorted(clauses)),
                )
            )
        early = [year for year in rule.time.years if year < info.issued.year]
        if early:
            problems.append(
                _problem(
                    place.file,
                    place.at("time"),
                    f"{rule.id}.time",
                    "year-before-issue",
                    id=rule.id,
                    year=early[0],
                    issued=info.issued.isoformat(),
                )
            )
        for path, wrong in [*unknown_fields(rule), *wrong_values(rule), *unhonoured(rule)]:
            path = place.as_written(path)
            code = wrong.key.removeprefix("pack.")  # a key of the pack's catalogue (unknown, values, effects)
            problems.append(
                _problem(
                    place.file, place.at(*path), f"{rule.id}.{format_path(path)}", code, **dict(wrong.params)
                )
            )
    return problems


def _not_quoted(
    rule: AnyRule, place: Placed, policy: Sequence[Passage], its_clause: Sequence[Passage], policy_file: str
) -> Problem:
    """A quote not within a passage of the policy, and the words nearest it to write instead: of the clause
    the rule names first (``its_clause``: words of another clause would be refused next), else of the whole
    policy."""
    where, path = place.at("quote"), f"{rule.id}.quote"
    near = nearest(rule.quote, its_clause) or nearest(rule.quote, policy)
    if near is None:
        return _problem(place.file, where, path, "quote-not-verbatim", id=rule.id, quote=rule.quote)
    return _problem(place.file, where, path, "quote-not-verbatim-near", **_near(rule, near, policy_file))


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
        return _problem(
            place.file,
            place.at("clause"),
            f"{rule.id}.clause",
            "quote-other-clause",
            id=rule.id,
            clause=rule.clause,
            found=_numbers(found),
            write=found[0],
        )
    where, path = place.at("quote"), f"{rule.id}.quote"
    near = nearest(rule.quote, by_clause[rule.clause])
    if near is None:
        return _problem(place.file, where, path, "quote-outside-clauses", id=rule.id, clause=rule.clause)
    said = _near(rule, near, policy_file)
    return _problem(place.file, where, path, "quote-outside-clauses-near", clause=rule.clause, **said)


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
                _problem(
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
                _problem(
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
                    _problem(
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


def _ids_once(packs: Sequence[RulePack]) -> list[Problem]:
    """A rule ID is in one pack only: a results file, ``--select`` and a waiver name a rule by it. Said at
    the later pack's rule, naming the pack that has it first."""
    problems: list[Problem] = []
    first: dict[str, RulePack] = {}
    for pack in packs:
        for rule in pack.rules:
            other = first.setdefault(rule.id, pack)
            if other is pack:
                continue
            where, there = pack.sources[rule.id], other.sources[rule.id]
            problems.append(
                _problem(
                    where.file,
                    where.id_at or (where.line, 1),
                    f"{rule.id}.id",
                    "rule-id-in-two-packs",
                    id=rule.id,
                    other=other.id,
                    first=f"{there.file}:{(there.id_at or (there.line, 1))[0]}",
                    pattern=pack.info.rule_ids,
                )
            )
    return problems


def _conditions_refer_back(packs: Sequence[RulePack]) -> list[Problem]:
    """A ``when`` names a rule evaluated before it (earlier in its pack, or in a pack loaded before) and for
    the same unit: the engine finds the condition among the results of the same report (unit and school
    rules, of the unit kinds the rule is checked on) or of the same year's city (city rules); one judged
    elsewhere always read ``not_applicable``, and the rule never applied."""
    problems: list[Problem] = []
    seen: dict[str, AnyRule] = {}
    for pack in packs:
        for rule in pack.rules:
            if rule.when is not None:
                where = pack.sources[rule.id]
                condition = seen.get(rule.when.rule)
                code, params = (
                    ("when-unknown-rule", {}) if condition is None else _judged_elsewhere(rule, condition)
                )
                if code:
                    problems.append(
                        _problem(
                            where.file,
                            where.when or (where.line, 1),
                            f"{rule.id}.when.rule",
                            code,
                            id=rule.id,
                            rule=rule.when.rule,
                            **params,
                        )
                    )
            seen[rule.id] = rule
    return problems


def _judged_elsewhere(rule: AnyRule, condition: AnyRule) -> tuple[str, dict[str, object]]:
    """Why ``condition`` is not judged for each unit ``rule`` is (its problem's code and parameters), or
    ``("", {})`` when it is."""
    if (rule.scope == "city") != (condition.scope == "city"):
        city, report = msg("pack.judged-city"), msg("pack.judged-report")
        own, theirs = (city, report) if rule.scope == "city" else (report, city)
        return "when-other-scope", {"own": own, "theirs": theirs}
    if rule.scope == "city":
        return "", {}
    missing = [kind for kind in rule.units if kind not in condition.units]
    if not missing:
        return "", {}
    common = [kind for kind in rule.units if kind in condition.units]
    return "when-other-units", {
        "kinds": f"[{', '.join(missing)}]",
        "theirs": f"[{', '.join(condition.units)}]",
        "write": f"units: [{', '.join(common)}]" if common else msg("pack.write-when-rule"),
    }


def _problem(file: str, where: tuple[int, int] | None, path: str, code: str, **params: object) -> Problem:
    line, column = where if where else (None, None)
    return Problem(file, line, column, path, code, params, area="pack")


def installed_packs() -> dict[str, Path]:
    """The packs shipped with the tool, by folder name (which is the pack's ``id``)."""
    return {d.name: d for d in sorted(builtin_dir().iterdir()) if (d / PACK_FILE).is_file()}


def main_pack_dir(choice: str | None) -> Path:
    """``--pack``: an installed pack's ID or a pack folder; by default the one installed pack."""
    from zhijiao_check.errors import FatalError

    installed = installed_packs()
    if choice is None:
        if len(installed) != 1:
            raise FatalError("choose-pack", packs=Join(tuple(installed)))
        return next(iter(installed.values()))
    if choice in installed:
        return installed[choice]
    if Path(choice).is_dir():
        return Path(choice)
    raise FatalError("unknown-pack", pack=choice, packs=Join(tuple(installed)))


def _made_from(pack: RulePack) -> list[Path]:
    """The files a pack was read from besides its folder's rule files (``pack.cache``)."""
    return [pack.directory / pack.info.policy, pack.directory / pack.info.units]


def load_packs(extra: Sequence[Path] = (), main: str | None = None) -> list[RulePack]:
    """The main pack (``--pack``, by default the installed one) and then the ``--rules`` packs, in that order;
    a ``--rules`` pack with the main pack's ID replaces it. The main pack (first) gives the reporting units;
    each pack's rules are judged with its own issue date and schedule base."""
    from zhijiao_check.errors import FatalError
    from zhijiao_check.pack.cache import load_cached

    packs: list[RulePack] = []
    for directory in [main_pack_dir(main), *extra]:
        if not (directory / PACK_FILE).is_file():
            raise FatalError(
                "invalid-pack",
                [_problem(display_name(directory), None, "", "not-a-pack", dir=display_name(directory))],
            )
        loaded = load_cached(directory, load_pack, _made_from)
        if isinstance(loaded, list):
            raise FatalError("invalid-pack", loaded)
        # in its place: the main pack replaced is still the first, whose units the reports are checked against
        same = [index for index, pack in enumerate(packs) if pack.id == loaded.id]
        if same:
            packs[same[0]] = loaded
        else:
            packs.append(loaded)
    problems = _ids_once(packs) + _conditions_refer_back(packs)
    if problems:
        raise FatalError("invalid-pack", problems)
    return packs
