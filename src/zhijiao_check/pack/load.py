"""Loading a rule pack directory: ``pack.yaml``, ``units.yaml``, the policy text and the rule files.

A broken pack is a list of located problems (exit 2), never a traceback.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from zhijiao_check.files import display_name
from zhijiao_check.kinds import AnyRule
from zhijiao_check.pack.schema import PackInfo, id_matcher
from zhijiao_check.problems import Problem, format_path
from zhijiao_check.records import record
from zhijiao_check.source import Parsed, parse_yaml, read_text
from zhijiao_check.units import Renamed, Unit, UnitRegistry
from zhijiao_check.vocabulary import MIN_QUOTE
from zhijiao_check.wording import Join

PACK_FILE = "pack.yaml"
UNITS_FILE = "units.yaml"


@record
class RuleSource:
    """Where a rule is written; ``when``: where its ``when:`` names the rule it depends on, kept for the check
    across packs (``_conditions_refer_back``), which a kept pack's rules are put to without their files."""

    file: str
    line: int
    when: tuple[int, int] | None = None


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


def normalise(text: str) -> str:
    """How quotes are compared with the policy: NFKC, white space removed."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def load_pack(directory: Path) -> RulePack | list[Problem]:
    from zhijiao_check.pack.schema import PackInfo, RuleFile

    problems: list[Problem] = []
    info_file = directory / PACK_FILE
    parsed = _parse(info_file, problems, rules=False)
    info = _validate(PackInfo, parsed, display_name(info_file), problems) if parsed else None
    units_file = info.units if info is not None else UNITS_FILE
    units = _units(directory / units_file, problems)
    rules: list[AnyRule] = []
    sources: dict[str, RuleSource] = {}
    places: dict[str, Placed] = {}
    for path in sorted(directory.glob("*.yaml")):
        if path.name in (PACK_FILE, units_file):
            continue
        parsed = _parse(path, problems, rules=True)
        rule_file = _validate(RuleFile, parsed, display_name(path), problems) if parsed else None
        if parsed is None or rule_file is None:
            continue
        for index, rule in enumerate(rule_file.rules):
            line = parsed.positions.nearest(("rules", index))[0]
            if rule.id in sources:
                first = sources[rule.id]
                problems.append(
                    _problem(
                        display_name(path),
                        (line, 1),
                        f"rules[{index}].id",
                        "duplicate-rule",
                        id=rule.id,
                        first=f"{first.file}:{first.line}",
                    )
                )
                continue
            places[rule.id] = Placed(display_name(path), parsed, index)
            when = places[rule.id].at("when", "rule") if rule.when is not None else None
            sources[rule.id] = RuleSource(display_name(path), line, when)
            rules.append(rule)
    if info is None or units is None or problems:
        return problems
    problems += _cross_checks(info, rules, places, directory)
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
    if isinstance(parsed, list):
        problems.extend(_said_of_a_pack(problem, rules) for problem in parsed)
        return None
    return parsed


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


def _validate(record: Any, parsed: Parsed | None, file: str, problems: list[Problem]) -> Any:
    """``parsed`` as a ``record`` of the pack schema, checked by Pydantic; or None, the errors in
    ``problems``."""
    from pydantic import TypeAdapter, ValidationError

    assert parsed is not None
    if record not in _VALIDATORS:
        _VALIDATORS[record] = TypeAdapter(record)
    try:
        return _VALIDATORS[record].validate_python(parsed.data)
    except ValidationError as error:
        from zhijiao_check.pack.refused import refused

        problems += refused(record, error.errors(include_url=False), parsed.data, parsed.positions, file)
        return None


_VALIDATORS: dict[Any, Any] = {}  # by record: built when a pack's files are first read


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
    info: PackInfo, rules: list[AnyRule], places: dict[str, Placed], directory: Path
) -> list[Problem]:
    """What a rule file alone cannot tell: quotes in the policy text, IDs of the pack's pattern, years from
    the issue on, fields the report model has and values those fields can take."""
    from zhijiao_check.pack.fields import unknown_fields
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
    policy = normalise(decoded.text)
    follows = id_matcher(info.rule_ids)  # checked to compile by PackInfo; never backtracks
    clauses = {clause.number for clause in info.clauses}
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
        quote = normalise(rule.quote)
        if len(quote) < MIN_QUOTE:  # all white space is in any text: a quote must say something of the policy
            from zhijiao_check.pack.values import shown  # a quote of spaces shows them

            problems.append(
                _problem(
                    place.file,
                    place.at("quote"),
                    f"{rule.id}.quote",
                    "quote-too-short",
                    id=rule.id,
                    count=len(quote),
                    quote=shown(rule.quote),
                )
            )
        elif quote not in policy:
            problems.append(
                _problem(
                    place.file,
                    place.at("quote"),
                    f"{rule.id}.quote",
                    "quote-not-verbatim",
                    id=rule.id,
                    quote=rule.quote,
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
        for path, field in unknown_fields(rule):
            path = place.as_written(path)
            problems.append(
                _problem(
                    place.file,
                    place.at(*path),
                    f"{rule.id}.{format_path(path)}",
                    "unknown-field",
                    id=rule.id,
                    field=field,
                )
            )
        for path, wrong in wrong_values(rule):
            path = place.as_written(path)
            code = wrong.key.removeprefix("pack.")  # a key of the pack's catalogue (pack.values)
            problems.append(
                _problem(
                    place.file, place.at(*path), f"{rule.id}.{format_path(path)}", code, **dict(wrong.params)
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


def _conditions_refer_back(packs: Sequence[RulePack]) -> list[Problem]:
    """A ``when`` names a rule evaluated before it: earlier in its pack, or in a pack loaded before."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for pack in packs:
        for rule in pack.rules:
            if rule.when is not None and rule.when.rule not in seen:
                where = pack.sources[rule.id]
                problems.append(
                    _problem(
                        where.file,
                        where.when or (where.line, 1),
                        f"{rule.id}.when.rule",
                        "when-unknown-rule",
                        id=rule.id,
                        rule=rule.when.rule,
                    )
                )
            seen.add(rule.id)
    return problems


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
        packs = [p for p in packs if p.id != loaded.id] + [loaded]
    ids = [rule.id for pack in packs for rule in pack.rules]
    clash = sorted({i for i in ids if ids.count(i) > 1})
    if clash:
        raise FatalError("rule-id-clash", ids=Join(tuple(clash)))
    problems = _conditions_refer_back(packs)
    if problems:
        raise FatalError("invalid-pack", problems)
    return packs
