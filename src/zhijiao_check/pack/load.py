"""Loading a rule pack directory: ``pack.yaml``, ``units.yaml``, the policy text and the rule files; and the
packs a run uses (``load_packs``: the main pack and the ``--rules`` packs, and the checks across them).

A broken pack is a list of located problems (exit 2), never a traceback: every one the loader can find, in
file, line and column order (``in_file_order``). What a rule file alone cannot tell (its quote in the policy
text, its clause in ``pack.yaml``, …) is checked in ``pack.crosschecks``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

from zhijiao_check.files import display_name, open_problem
from zhijiao_check.kinds import AnyRule
from zhijiao_check.pack.cache import pack_files
from zhijiao_check.pack.placed import Placed, pack_problem
from zhijiao_check.pack.schema import PackInfo, RuleFile
from zhijiao_check.problems import Problem, said_of
from zhijiao_check.records import record
from zhijiao_check.source import Parsed, parse_yaml, read_text
from zhijiao_check.source.slips import list_commas
from zhijiao_check.units import Merged, Renamed, Unit, UnitRegistry
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
    # where its ``time: {replaced_by: …}`` names the rule that takes over after its ``until``
    # (``_replacements_follow``)
    replaced_at: tuple[int, int] | None = None
    # where its ``time: {replaces: …}`` names another pack's rule it takes over, and where its start year is
    # (``pack.replaces``)
    replaces_at: tuple[int, int] | None = None
    start_at: tuple[int, int] | None = None


@record
class RulePack:
    info: PackInfo
    directory: Path
    rules: tuple[AnyRule, ...]  # in catalogue order
    units: UnitRegistry
    sources: dict[str, RuleSource]
    # ``pack.yaml`` as shown, and where each entry of its ``retires`` names its rule and its year
    # (``pack.replaces``)
    info_file: str = ""
    retires_at: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = ()

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def last_due(self) -> int | None:
        """The last year a target of the pack is due (2025: the policy's 十四五 plan period); None when none
        has a due year."""
        return max((rule.time.due for rule in self.rules if rule.time.due is not None), default=None)


def builtin_dir() -> Path:
    """The packs shipped in the package; in a source checkout, the repository's ``rules/``."""
    installed = Path(__file__).resolve().parent.parent / "packs"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[3] / "rules"


def load_pack(directory: Path, as_read: list[RulePack] | None = None) -> RulePack | list[Problem]:
    """The pack in ``directory``, or every problem the loader finds in it; ``as_read``: where a broken pack
    goes as far as it was read (``_read_pack``), for the checks across packs."""
    pack, problems = _read_pack(directory)
    if not problems and pack is not None:
        return pack
    if as_read is not None and pack is not None:
        as_read.append(pack)
    return in_file_order(problems)


def _read_pack(directory: Path) -> tuple[RulePack | None, list[Problem]]:
    """The pack in ``directory`` as far as it was read, and its problems. The pack is None where what the
    checks across packs read of it is not all there: ``pack.yaml`` not read, or a rule left out (its file
    not read, or the rule not fitting the schema): a ``when:`` or ``replaces`` naming it was wrongly said to
    name no rule. A unit list not read leaves the pack with none: no check across packs reads it."""
    from zhijiao_check.pack.crosschecks import cross_checks  # only when no kept pack serves

    problems: list[Problem] = []
    info_file = directory / PACK_FILE
    info_parsed = _parse(info_file, problems, rules=False)
    info = _validate(PackInfo, info_parsed, info_file, problems) if info_parsed else None
    units_file = info.units if info is not None else UNITS_FILE
    units = _units(directory / units_file, problems)
    if units is None and problems[-1].code == "path-not-found":
        problems[-1] = _no_units(directory, info_parsed, units_file)
    rules: list[AnyRule] = []
    sources: dict[str, RuleSource] = {}
    places: dict[str, Placed] = {}
    every_rule_read = True
    for path in pack_files(directory):
        if path.name in (PACK_FILE, units_file):
            continue
        parsed = _parse(path, problems, rules=True)
        if parsed is None:
            every_rule_read = False
            continue
        read = _rules_read(parsed, path, problems)
        listed = parsed.data.get("rules") if isinstance(parsed.data, dict) else None
        every_rule_read &= isinstance(listed, list) and len(read) == len(listed)
        for index, rule in read:
            place = Placed(display_name(path), parsed, index, rule.id)
            if rule.id in sources:
                first = sources[rule.id]
                problems.append(
                    pack_problem(
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
            replaced = place.at("time", "replaced_by") if rule.time.replaced_by is not None else None
            replaces, start_at = None, None
            if rule.time.replaces is not None:
                replaces = place.at("time", "replaces")
                start_at = place.at("time", "from" if rule.time.every_year is None else "every_year")
            sources[rule.id] = RuleSource(
                place.file, line, when, place.at("id"), replaced, replaces, start_at
            )
            rules.append(rule)
    # The checks across files run on every rule that fits the schema, whatever else is wrong in the pack (a
    # rule that does not fit is not among ``rules``): one run says every problem the loader can find, not a
    # round of format errors first and the quotes and fields not in the report format on the next run. Those
    # that need ``pack.yaml`` (its policy text, clauses, issue date) or the policy text are said once as
    # waiting for it when it failed, and the rest are checked.
    problems += cross_checks(info, info_parsed, display_name(info_file), rules, places, directory)
    if info is None or info_parsed is None or not every_rule_read:
        return None, problems
    retires_at = tuple(
        (info_parsed.positions.nearest(("retires", index, "rule")),)
        + (info_parsed.positions.nearest(("retires", index, "from")),)
        for index in range(len(info.retires))
    )
    units = units if units is not None else UnitRegistry([], [])
    pack = RulePack(info, directory, tuple(rules), units, sources, display_name(info_file), retires_at)
    return pack, problems


def in_file_order(problems: Sequence[Problem]) -> list[Problem]:
    """``problems`` by file, line and column, as an editor goes through them (each file's problems without a
    line first): Pydantic says a ``kind:`` that is no kind before the other errors of its file, and the
    checks across files come after every file's own."""
    return sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or 0))


def _rules_read(parsed: Parsed, path: Path, problems: list[Problem]) -> list[tuple[int, AnyRule]]:
    """The rules of the rule file ``parsed`` (read from ``path``) that fit the schema, each with its index in
    ``rules``; what does not fit in ``problems``. A rule that does not fit leaves out itself only: the
    file's other rules are read, and go to the checks across files (their quotes, their fields)."""
    from pydantic import ValidationError

    whole: RuleFile | None = _validate(RuleFile, parsed, path, problems)
    if whole is not None:
        return list(enumerate(whole.rules))
    listed = parsed.data.get("rules") if isinstance(parsed.data, dict) else None
    if not isinstance(listed, list):
        return []
    read: list[tuple[int, AnyRule]] = []
    for index, data in enumerate(listed):
        try:  # the rule as a file of that rule alone: read as the file reads each
            read.append((index, _adapter(RuleFile).validate_python({"rules": [data]}).rules[0]))
        except ValidationError:
            continue  # said of the file by ``_validate``, at its place in the file
    return read


def _parse(path: Path, problems: list[Problem], *, rules: bool) -> Parsed | None:
    """The file read, or None with its problems; ``rules``: a rule file (else ``pack.yaml`` or the units)."""
    decoded = read_text(path, display_name(path))
    if isinstance(decoded, Problem):
        problems += said_of((decoded,), "pack")
        return None
    parsed = parse_yaml(decoded.text, display_name(path))
    commas = [
        pack_problem(display_name(path), at, "", "fullwidth-comma-list") for at in list_commas(decoded.text)
    ]
    problems += commas
    if isinstance(parsed, list):
        problems.extend(_said_of_a_pack(problem, rules) for problem in said_of(parsed, "pack"))
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
            return pack_problem(problem.file, where, "", "empty-rule-file")
        return pack_problem(problem.file, where, "", "empty-pack-file", name=name)
    if problem.code == "top-not-mapping":
        found = problem.params.get("found", "")
        if rules:
            return pack_problem(problem.file, where, "", "rule-file-not-mapping", found=found)
        return pack_problem(problem.file, where, "", "pack-file-not-mapping", name=name, found=found)
    return problem


def _validate(record: Any, parsed: Parsed, path: Path, problems: list[Problem]) -> Any:
    """``parsed`` (of the file at ``path``) as a ``record`` of the pack schema, checked by Pydantic; or
    None, the errors in ``problems``."""
    from pydantic import ValidationError

    try:
        return _adapter(record).validate_python(parsed.data)
    except ValidationError as error:
        from zhijiao_check.pack.refused import refused

        details = error.errors(include_url=False)
        file = display_name(path)
        problems += refused(record, details, parsed.data, parsed.positions, file, source=parsed.text)
        return None


def _adapter(record: Any) -> Any:
    """Pydantic's validator of ``record``, built when a pack's files are first read."""
    from pydantic import TypeAdapter

    if record not in _VALIDATORS:
        _VALIDATORS[record] = TypeAdapter(record)
    return _VALIDATORS[record]


_VALIDATORS: dict[Any, Any] = {}  # by record


def _no_units(directory: Path, info: Parsed | None, units_file: str) -> Problem:
    """A pack without its unit list, said of ``pack.yaml``: at its ``units:`` when it names the file."""
    pack_file = display_name(directory / PACK_FILE)
    said = {"units": display_name(directory / units_file), "need": msg("pack.units-needed")}
    if info is not None and "units" in info.data:
        return pack_problem(
            pack_file, info.positions.nearest(("units",)), "units", "units-missing-named", **said
        )
    return pack_problem(pack_file, None, "", "units-missing", **said)


def _units(path: Path, problems: list[Problem]) -> UnitRegistry | None:
    from pydantic import TypeAdapter, ValidationError

    parsed = _parse(path, problems, rules=False)
    if parsed is None:
        return None
    from zhijiao_check.pack.unitlist import unit_list_problems, unknown_keys

    unknown = unknown_keys(parsed.data, parsed.positions, display_name(path))
    if unknown:
        problems += unknown
        return None
    read: dict[str, Any] = {}
    listed: tuple[tuple[str, Any, list[Any] | None], ...] = (
        ("units", list[Unit], None),
        ("renamed", list[Renamed], []),
        ("merged", list[Merged], []),
    )
    for key, kind, default in listed:
        try:
            read[key] = TypeAdapter(kind).validate_python(parsed.data.get(key, default))
        except ValidationError as error:
            from zhijiao_check.pack.refused import refused

            first = error.errors(include_url=False)[:1]
            data = parsed.data.get(key)
            file = display_name(path)
            problems += refused(kind, first, data, parsed.positions, file, (key,), source=parsed.text)
            return None
    units, renamed, merged = read["units"], read["renamed"], read["merged"]
    found = unit_list_problems(units, renamed, merged, parsed.positions, display_name(path))
    if found:
        problems += found
        return None
    return UnitRegistry(units, renamed, merged)


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
                pack_problem(
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
                        pack_problem(
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


def _replacements_follow(packs: Sequence[RulePack]) -> list[Problem]:
    """A rule's ``replaced_by`` names a rule of the run (of any of its packs: a copied pack's rule may name an
    amendment's) judged from the year after its ``until`` (``from: until + 1``): a rule judged earlier as well
    judged the years both applied twice, the old target and the new; a later one left years judged by
    neither."""
    from zhijiao_check.pack.listed import nearest_rule

    problems: list[Problem] = []
    rules = {rule.id: rule for pack in packs for rule in pack.rules}
    for pack in packs:
        for rule in pack.rules:
            time = rule.time
            if time.replaced_by is None or time.until is None:
                continue
            where = pack.sources[rule.id]
            said: dict[str, object] = {"id": rule.id, "rule": time.replaced_by, "until": time.until}
            other = rules.get(time.replaced_by)
            if time.replaced_by == rule.id:  # itself: a rule of that ID there is, so not "no such rule"
                code = "replaced-by-self"
            elif other is None:
                code = "replaced-by-unknown"
                said["near"] = nearest_rule(time.replaced_by, rules, rule.id)
            elif other.time.start is None:
                code = "replaced-by-no-start"
                said["next"] = time.until + 1
            elif other.time.start != time.until + 1:
                code = "replaced-by-start"
                said |= {"start": other.time.start, "next": time.until + 1}
            else:
                continue
            at = where.replaced_at or (where.line, 1)
            problems.append(pack_problem(where.file, at, f"{rule.id}.time.replaced_by", code, **said))
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
    if not choice.strip():  # an unset variable: ``os.path.isdir("")`` is false, and the message named nothing
        raise FatalError("pack-empty", packs=Join(tuple(installed)))
    if choice in installed:
        return installed[choice]
    if os.path.isdir(choice):
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

    packs: list[RulePack] = []  # each pack as loaded, or a broken one as far as it was read (``read_pack``)
    broken: list[Problem] = []  # every pack's problems in one run, not the first broken pack's alone
    every_pack_read = True
    for directory in [main_pack_dir(main), *extra]:
        said = display_name(directory)
        # a folder that is not there, or that the user may not read, is said as such: "no pack.yaml in it"
        # sent them looking for a file that was there
        unopened = open_problem(directory, said)
        if unopened is not None or not os.path.isfile(directory / PACK_FILE):
            broken.append(unopened or pack_problem(said, None, "", "not-a-pack", dir=said))
            every_pack_read = False
            continue
        as_read: list[RulePack] = []
        loaded = load_cached(directory, partial(load_pack, as_read=as_read), _made_from)
        if isinstance(loaded, list):
            broken += loaded
            every_pack_read &= bool(as_read)
            if not as_read:
                continue
            loaded = as_read[0]
        # in its place: the main pack replaced is still the first, whose units the reports are checked against
        same = [index for index, pack in enumerate(packs) if pack.id == loaded.id]
        if same:
            packs[same[0]] = loaded
        else:
            packs.append(loaded)
    # The checks across packs are made beside a pack's own problems (a policy text missing, a quote not in it)
    # where every pack's rules are there to be named; else they wait, and would say a rule left out is none.
    if broken and not every_pack_read:
        raise FatalError("invalid-pack", in_file_order(broken))
    from zhijiao_check.pack.replaces import replaced

    problems = _ids_once(packs) + _conditions_refer_back(packs)
    # an amendment's rule ending another pack's (``time: {replaces: …}``): that rule then has the ``until``
    # and ``replaced_by`` it would have in a copy of its pack, and is checked as those are
    packs, refusals = replaced(packs)
    problems += refusals + _replacements_follow(packs)
    if broken or problems:
        raise FatalError("invalid-pack", in_file_order([*broken, *problems]))
    return packs
