"""Every message the code uses exists in every language, with the same placeholders.

The keys are read from the source (ast): literal keys given to a translator or to wording (``msg``), the codes
of problems and errors (``problem_at(.., "code")`` is ``report.code``, ``FatalError("code")`` is ``cli.code``,
``FatalError("code", area="input")`` is ``input.code``, …), and keys built with an f-string, each expanded
over the values it can take (``BUILT``). A new built key must be added there.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
from pathlib import Path
from typing import get_args, get_type_hints

import pytest
import typer

import zhijiao_check.messages
from zhijiao_check.caching import UNUSED_BECAUSE
from zhijiao_check.cli import app
from zhijiao_check.commands.template import HEADER_KEYS
from zhijiao_check.engine.runtrends import NO_TRENDS
from zhijiao_check.engine.trend import OUTCOMES
from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.kinds import AnyRule
from zhijiao_check.measure.numbers import show
from zhijiao_check.pack.numbers import REASONS
from zhijiao_check.problems import FileKind, Severity
from zhijiao_check.report.codes import KIND_LABELS, VALUE_LABELS
from zhijiao_check.status import STATUSES
from zhijiao_check.units import UNIT_KINDS
from zhijiao_check.vocabulary import RuleBase, Unit
from zhijiao_check.wording import Join, msg

SOURCE = Path(zhijiao_check.messages.__file__).resolve().parents[1]
LANGS: tuple[Lang, ...] = get_args(Lang)


def catalogue(lang: Lang) -> dict[str, dict[str, str]]:
    """One language's catalogue: its messages by area module."""
    package = importlib.import_module(f"zhijiao_check.messages.{lang}")
    return {
        module.name: importlib.import_module(f"{package.__name__}.{module.name}").MESSAGES
        for module in pkgutil.iter_modules(package.__path__)
    }


CATALOGUES = {lang: catalogue(lang) for lang in LANGS}
# Each key with its text in every language, in the order of LANGS ("" where a language lacks it).
CATALOGUE: dict[str, tuple[str, ...]] = {
    key: tuple(next((area[key] for area in CATALOGUES[lang].values() if key in area), "") for lang in LANGS)
    for areas in CATALOGUES.values()
    for area in areas.values()
    for key in area
}
# Keys built with an f-string: the literal text before the first placeholder, and what can follow it.
# None: the rest is a code whose messages are checked as codes below.
BUILT: dict[str, tuple[str, ...] | None] = {
    "render.status-": (*STATUSES, "none"),
    "render.short-status-": STATUSES,
    "engine.when-is.": STATUSES,
    "render.kind-": UNIT_KINDS,
    "report.limit-of-": get_args(FileKind),
    "catalogue.scope-": ("unit", "school", "city"),
    "catalogue.unit-": UNIT_KINDS,
    "catalogue.kind-": tuple(get_args(get_type_hints(model)["kind"])[0] for model in get_args(AnyRule)),
    "catalogue.severity-": get_args(get_type_hints(RuleBase)["severity"]),
    "render.exit-": ("0", "1", "2"),
    "cli.cache-unused-": UNUSED_BECAUSE,  # why a chosen cache folder went unused (caching.py)
    "pack.read-as-text-": REASONS,  # why a number was read as text (pack/numbers.py)
    # the collections whose items hold a number to sum (kinds/total.py; tests/kinds/test_total.py finds them)
    "engine.sum-over.": (
        "schools",
        "majors",
        "enterprise_practice",
        "city.talent_allowances",
        "city.park_funding",
    ),
    "render.no-projection-": (
        "no-due",
        "retired",
        "not-a-number",
        "target-not-fixed",
        "due-passed",
        "too-few-years",
    ),
    # a trend's verdict (renderers/trends.py): the due year's outcome, the later years', in a word
    "render.verdict-": (
        "not-met",
        "waived",
        "missing",
        "invalid",
        "not-filed",
        "not-in-run",
        "no-city-figures",
    ),
    "render.verdict-years-": ("kept", "not-kept", *OUTCOMES),
    "render.verdict-short-": (
        "waived",
        "missing",
        "undecided",
        "invalid",
        "not-filed",
        "not-in-run",
        "no-city-figures",
    ),
    "render.assessment-outcome-": (*OUTCOMES, "not-held", "each-year"),
    "render.assessment-col-": ("due", "met", "not-held", "not-met", "waived", "unknown", "each-year"),
    "render.assessment-no-trends-": NO_TRENDS,  # a unit without trends: why (engine/trend.py, ``untrended``)
    "input.": HEADER_KEYS,
    "cli.": None,
    # what a field takes (report/scalars.py's tokens; a list or a mapping), what a path is instead of a file
    "report.expected-": (
        "count",
        "year",
        "yuan",
        "wan_yuan",
        "months",
        "bool",
        "text",
        "choice",
        "schema_version",
        "list",
        "mapping",
    ),
    "report.found-": ("list", "text", "number", "bool", "null"),  # what a file's top level is (source/)
    "report.meaning-": tuple(code for code, label in {**KIND_LABELS, **VALUE_LABELS}.items() if label),
    "render.measure-": get_args(Unit),  # the results workbook's 计量 column (renderers/rows.py)
    "workbook.trimmed-": ("start", "end"),  # where a cell's name had spaces taken off (workbook/shown.py)
    "report.file-kind-": (
        "file",
        "directory",
        "fifo",
        "socket",
        "character-device",
        "block-device",
        "special",
    ),
    "pack.bound-": ("ge", "gt", "le", "lt"),  # a number's bounds (pack/refused.py)
    "cli.severity-": get_args(Severity),  # before a problem, after its place (problems.Problem.report_line)
    "report.": None,
    "field.": None,  # field labels are looked up with a fallback to the field's own name
    "help.command.": tuple(typer.main.get_command(app).commands),  # type: ignore[attr-defined]
    "help.option.": None,  # each command's parameters: tests/cli/test_help.py
}
# Calls whose argument is a message code, and the area of its message unless the call's ``area=`` says
# another: (function, argument index, area).
CODES = (
    ("FatalError", 0, "cli"),
    ("problem_at", 3, "report"),
    ("_problem", 3, "pack"),
    ("_fail", 3, "workbook"),
    ("refusal", 1, "workbook"),
    ("Finding", 0, "workbook"),  # what report/workbook/sheetparts finds in a sheet's XML
    ("marked_problem", 2, "report"),
    ("_roster_problem", 3, "roster"),
)


def _called(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


class Built(str):
    """The literal beginning of a key built at run time."""


def _area(node: ast.Call, default: str) -> str:
    """The message area a call's literal ``area=`` names, else ``default``."""
    return next(
        (k.value.value for k in node.keywords if k.arg == "area" and isinstance(k.value, ast.Constant)),
        default,
    )


def _keys(node: ast.expr) -> list[str]:
    """The keys an argument can be: a literal, either branch of ``a if c else b``, or the literal beginning of
    a built key (``f"render.status-{s}"``, ``"catalogue.scope-" + scope``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _keys(node.body) + _keys(node.orelse)
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        return [Built(node.values[0].value)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [Built(key) for key in _keys(node.left)]
    return []


def used_keys() -> tuple[set[str], set[str]]:
    """(literal keys and codes, the literal beginnings of built keys) used anywhere in the source."""
    keys: set[str] = set()
    built: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = _called(node)
            if name in ("tr", "msg", "Msg"):  # a translator's call, or wording (zhijiao_check.wording)
                for key in _keys(node.args[0]):
                    (built if isinstance(key, Built) else keys).add(key)
            for function, index, area in CODES:
                if name == function and len(node.args) > index:
                    code = node.args[index]
                    if isinstance(code, ast.Constant) and isinstance(code.value, str):
                        keys.add(f"{_area(node, area)}.{code.value}")
            if name == "Problem" and len(node.args) > 4:  # a literal code, or either of ``a if c else b``
                keys.update(f"{_area(node, 'report')}.{code}" for code in _keys(node.args[4]))
    return keys, built


KEYS, BUILT_USED = used_keys()


def test_the_source_uses_keys() -> None:
    """The walk finds what it should (it could not fail if it found nothing)."""
    assert {"engine.every", "cli.unknown-rule", "report.unknown-unit", "pack.unknown-field"} <= KEYS
    # a if c else b
    assert {"engine.yes", "engine.no", "engine.units-missing-failed", "catalogue.absent"} <= KEYS
    assert {"render.status-", "render.kind-", "catalogue.scope-", "field."} <= BUILT_USED


@pytest.mark.parametrize("key", sorted(KEYS))
def test_every_key_used_exists_in_every_language(key: str) -> None:
    assert key in CATALOGUE, f"{key} is used but not in messages/"
    assert len(CATALOGUE[key]) == len(LANGS) and all(CATALOGUE[key])


def test_every_built_key_is_known() -> None:
    unknown = sorted(prefix for prefix in BUILT_USED if prefix not in BUILT)
    assert unknown == [], "add the values these built keys can take to BUILT"


@pytest.mark.parametrize("key", sorted(f"{p}{v}" for p, values in BUILT.items() for v in values or ()))
def test_every_built_key_exists(key: str) -> None:
    assert key in CATALOGUE


def _literals() -> tuple[set[str], set[str]]:
    """Every string literal of the source outside the catalogues: keys kept in tables (``cli_help``, column
    headers) and the codes of problems passed through a helper of their area; and the literal beginnings of
    codes built with an f-string (``f"not-a-{expected}"``: ``not-a-``)."""
    found: set[str] = set()
    beginnings: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        if "messages" in path.relative_to(SOURCE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                beginning = node.values[0].value
                if isinstance(beginning, str) and beginning.endswith("-"):
                    beginnings.add(beginning)
    return found, beginnings


LITERALS, BEGINNINGS = _literals()
# Areas whose messages the code names by their code alone (``problem("bad-list", …)``, ``w.problem(…)``).
CODE_AREAS = ("cli", "input", "report", "roster", "pack", "workbook", "settings")
# Built keys whose values other tests check: field labels (a fallback to the field's name) and options' help.
CHECKED_ELSEWHERE = ("field.", "help.option.")
EXPANDED = {f"{prefix}{value}" for prefix, values in BUILT.items() for value in values or ()}


def _used(key: str, literals: set[str] = LITERALS) -> bool:
    area, _, code = key.partition(".")
    if key.endswith("-in-cell"):  # a cell's wording of a problem, chosen for it (problems.py)
        return _used(key.removesuffix("-in-cell"), literals)
    return (
        key in KEYS
        or key in literals
        or key in EXPANDED
        or key.startswith(CHECKED_ELSEWHERE)
        or (area in CODE_AREAS and (code in literals or code.startswith(tuple(BEGINNINGS))))
    )


def test_every_key_in_the_catalogues_is_used() -> None:
    """The reverse of the tests above: no message is left behind when the code stops using it."""
    assert sorted(key for key in CATALOGUE if not _used(key)) == []


def test_a_key_the_code_does_not_use_is_found_unused() -> None:
    """The test above can fail: a key no code names (``catalogue.source``, once a rule's file) is caught."""
    assert not _used("catalogue.source")
    assert not _used("catalogue.source", LITERALS | {"source"})  # a code alone names only a problem's message
    assert _used("catalogue.col-id")  # kept in a tuple of column headers
    assert _used("report.expected-bool-in-cell")
    assert _used("report.not-a-list")  # f"not-a-{expected}"


def test_every_language_has_the_same_areas_and_keys() -> None:
    """One catalogue per language, each with every area and in it every key: none missing, none extra."""
    first, *others = LANGS
    for lang in others:
        assert CATALOGUES[lang].keys() == CATALOGUES[first].keys(), lang
        for area, messages in CATALOGUES[first].items():
            assert CATALOGUES[lang][area].keys() == messages.keys(), (lang, area)
            assert all(key.startswith(f"{area}.") for key in messages), area


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_language_has_the_same_placeholders(key: str) -> None:
    fields = [{name for _, name, _, _ in string.Formatter().parse(text) if name} for text in CATALOGUE[key]]
    assert all(f == fields[0] for f in fields), f"{key}: {fields}"


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_a_text_without_placeholders_has_no_doubled_braces(key: str) -> None:
    """A translator formats a text only when it is given parameters: without any, ``{{`` is shown as it is
    written (a roster's example once read ``units: {{东安县: […]}}``)."""
    for text in CATALOGUE[key]:
        if not any(name for _, name, _, _ in string.Formatter().parse(text)):
            assert "{{" not in text and "}}" not in text, text


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_the_chinese_catalogue_is_chinese(key: str) -> None:
    """Catches an English text left in the Chinese catalogue (a few messages are figures or codes alone)."""
    zh = CATALOGUE[key][LANGS.index("zh")]
    assert re.search(r"[\u4e00-\u9fff]", zh) or not re.search(r"[a-z]{4,}", re.sub(r"\{[^}]*\}", "", zh)), zh


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_the_chinese_catalogue_says_one_word_for_a_report_and_one_for_a_folder(key: str) -> None:
    """报表 for a report and 目录 for a folder, as the rest of the tool says them (``template -o`` over a file
    said 已填好的报告, ``--whole-year`` 文件夹); 报告 only as a verb (请报告, 如实报告), and no traceback."""
    zh = CATALOGUE[key][LANGS.index("zh")]
    assert not re.search(r"(?<!请)(?<!如实)报告", zh), zh
    assert "文件夹" not in zh and "traceback" not in zh, zh


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_english_quotes_in_straight_double_quotes(key: str) -> None:
    """One style: ``"x"``, never ``'x'`` nor ``“x”`` (a double quote itself is quoted ``'"'``)."""
    en = CATALOGUE[key][LANGS.index("en")]
    assert not re.search(r"“[^”]*”", en), en
    assert not re.search(r"(?<![A-Za-z0-9])'([^'\"\s][^'\"]*?)'(?![A-Za-z0-9])", en), en


@pytest.mark.parametrize("lang", LANGS)
def test_the_translator_reads_each_language(lang: Lang) -> None:
    assert (
        Translator(lang)("engine.every", passed=1, total=2, share="50.0%")
        == {"zh": "1 / 2 项达标 = 50.0%", "en": "1 of 2 met = 50.0%"}[lang]
    )


def ones(lang: Lang) -> dict[str, dict[str, str]]:
    """One language's texts for a count of 1 (``ONE``), by area module."""
    package = importlib.import_module(f"zhijiao_check.messages.{lang}")
    return {
        module.name: getattr(importlib.import_module(f"{package.__name__}.{module.name}"), "ONE", {})
        for module in pkgutil.iter_modules(package.__path__)
    }


@pytest.mark.parametrize("lang", LANGS)
def test_a_text_for_one_replaces_a_message_with_a_count(lang: Lang) -> None:
    """Each ``ONE`` text stands for a message of its own area that takes a count, and asks for no parameter
    that message is not given."""
    for area, texts in ones(lang).items():
        for key, text in texts.items():
            assert key in CATALOGUES[lang][area], key
            message = CATALOGUES[lang][area][key]
            wanted = {name for _, name, _, _ in string.Formatter().parse(message) if name}
            assert "count" in wanted, key
            assert {name for _, name, _, _ in string.Formatter().parse(text) if name} <= wanted, key


def test_english_says_one_person_and_two_persons() -> None:
    tr = Translator("en")
    assert tr.render(show(1, "persons")) == "1 person"
    assert tr.render(show(1.0, "persons")) == "1 person"
    assert tr.render(show(2, "persons")) == "2 persons"
    assert tr.render(show(1, "yuan")) == "1 yuan"
    assert Translator("zh").render(show(1, "persons")) == "1 人"


def test_english_says_one_unit_and_two_units() -> None:
    tr = Translator("en")
    assert tr("engine.sum-units", label="seats", count=1, value="800") == "seats of 1 unit = 800"
    assert tr("engine.sum-units", label="seats", count=2, value="800") == "seats of 2 units = 800"
    assert tr("catalogue.count", count=1) == "1 rule"
    assert tr("catalogue.count", count=40) == "40 rules"
    # through wording, as results carry it, and the same message again after a count of 1
    school = msg("engine.sum-over.schools", label="courses", count=1, value="3")
    schools = msg("engine.sum-over.schools", label="courses", count=3, value="3")
    assert (tr.render(school), tr.render(schools)) == ("courses of 1 school = 3", "courses of 3 schools = 3")


@pytest.mark.parametrize(
    ("key", "params", "one", "many"),
    [
        (
            "table.invalid",
            {"file": "a.yaml"},
            "a.yaml: invalid report, not scored (1 problem)",
            "(3 problems)",
        ),
        ("render.invalid-report", {"file": "a.yaml"}, "a.yaml: 1 problem", "a.yaml: 3 problems"),
        (
            "cli.diff-invalid-file",
            {"file": "a.yaml"},
            "not compared (1 problem)",
            "not compared (3 problems)",
        ),
        ("pack.found-list", {}, "a list of 1 item", "a list of 3 items"),
        (
            "pack.quote-too-short",
            {"id": "c1.x", "quote": '"甲"'},
            "has 1 character once",
            "has 3 characters once",
        ),
        (
            "engine.distinct",
            {"items": 4, "field": "name"},
            "4 entries, all of one name: counted as 1",
            "3 differ",
        ),
        (
            "report.majors-sum-differs",
            {"value": 900, "total": 700, "share": 22},
            "the majors of its one secondary school enrolled 700",
            "the majors of the 3 secondary schools enrolled 700",
        ),
    ],
)
def test_english_counts_one_thing_and_many(key: str, params: dict[str, object], one: str, many: str) -> None:
    tr = Translator("en")
    assert one in tr(key, count=1, **params)
    if key == "engine.distinct":  # of 4 entries, 3 different names
        assert tr(key, count=3, **params) == "4 entries, 3 different by name: counted as 3"
    else:
        assert many in tr(key, count=3, **params)


def test_english_says_how_many_of_a_list_are_met_for_one_and_for_many() -> None:
    tr = Translator("en")
    assert tr("engine.every", passed=1, total=1, share="100.0%") == "1 of 1 met = 100.0%"
    assert tr("engine.every", passed=2, total=3, share="66.7%") == "2 of 3 met = 66.7%"


def test_chinese_has_its_own_word_for_one_space() -> None:
    tr = Translator("zh")
    assert tr.render(msg("workbook.spaces", count=1)) == "一个空格"
    assert tr.render(msg("workbook.spaces", count=2)) == " 2 个空格"
    assert tr("engine.sum-units", label="学位数", count=1, value="800") == "1 个单位学位数合计 800"


def test_a_code_means_in_chinese_what_a_clerk_may_write_for_it() -> None:
    """The Chinese meaning beside a code (``secondary (中职，含技工学校)``) is the label the report's reader
    takes for it (report/codes.py): the two never drift apart."""
    zh = Translator("zh")
    for code, label in {**KIND_LABELS, **VALUE_LABELS}.items():
        assert zh(f"report.meaning-{code}") == label


def test_a_rule_applying_only_after_another_says_what_that_rule_does() -> None:
    """``when``: "applies only when c1.vocational-share fails (it passes)", never "is fail (it is pass)"."""
    said = msg(
        "engine.when-not-met",
        rule="c1.vocational-share",
        statuses=Join((msg("engine.when-is.fail"), msg("engine.when-is.warn")), msg("engine.when-or")),
        status=msg("engine.when-is.pass"),
    )
    assert Translator("en").render(said) == "applies only when c1.vocational-share fails or warns (it passes)"
    assert Translator("zh").render(said) == "仅当 c1.vocational-share 未达标或预警时适用（本次达标）"
