"""``template``: a blank report for one unit and year, every field present and commented in the language
asked.

The template is generated from the Pydantic models (field names, titles, descriptions, and the JSON Schema
types for the short type hint), so it cannot drift from what ``validate`` accepts. In English a field's
comment is its English label (the ``field.`` catalogue, as explanations name it) and, for a choice, its codes
with their meanings (``report.meaning-``): the models' titles and descriptions are Chinese. Each blank is a
YAML null (``teachers:`` with a comment), which ``validate`` reports as ``blank`` at its own line until it is
filled. With ``--from`` the same lines hold last year's figures instead (``_filled``), a field last year's
report did not give commented out, so that the file is valid as written and every field is still in view.
"""

from __future__ import annotations

import copy
import json
import sys
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args, get_origin

from zhijiao_check.characters import escaped
from zhijiao_check.commands.inputs import guard_outputs, rule_inputs
from zhijiao_check.errors import FatalError
from zhijiao_check.files import display_name
from zhijiao_check.i18n import Lang, Translator, exists
from zhijiao_check.output import is_special, refuse_existing, tell_written, write
from zhijiao_check.records import record
from zhijiao_check.report.codes import with_meaning
from zhijiao_check.shellwords import shell_word
from zhijiao_check.status import ExitCode
from zhijiao_check.units import Merged, Renamed, Unit
from zhijiao_check.wording import Join, Msg

if TYPE_CHECKING:
    from pydantic import BaseModel

    from zhijiao_check.report.loaded import ReportFile
    from zhijiao_check.units import UnitRegistry

COMMENT_COLUMN = 40  # comments line up here, after shorter ``key: value`` parts
# Plain words that YAML would read as something other than text.
_YAML_WORDS = ("true", "false", "null", "yes", "no", "on", "off", "y", "n")
# The format each name a template may have is written in: YAML, or the workbook to fill in Excel or WPS.
# Any other name is refused, as ``convert`` refuses one: YAML text named .xls (or .json, read as JSON) is a
# template nobody can open or check.
SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".xlsx": "xlsx"}
# The numbered instructions of the header, after what made the template (and where its figures came from).
HEADER_KEYS = ("template-fill", "template-absent", "template-lists", "template-values")


@record
class TemplateOptions:
    unit: str
    year: int
    output: Path | None = None
    lang: Lang = "zh"
    rules: Sequence[Path] = ()
    schema: str | None = None  # a path or URL for the yaml-language-server modeline
    force: bool = False
    pack: str | None = None  # --pack: an installed pack's ID or a pack folder (default: the installed one)
    format: str = "yaml"  # or xlsx
    prefill: Path | None = None  # last year's report: its figures carried over (``--from``)
    config: Path | None = None  # the config file the settings came from (its ``lang``, its ``packs``)


@record
class Prefill:
    """What ``--from`` puts in a YAML template: last year's data carried over, and the file it came from."""

    data: dict[str, Any]
    source: str  # the file as the user named it, escaped for display


def run(options: TemplateOptions) -> int:
    from zhijiao_check.output import tell_config

    status = _made(options)
    tell_config(options.config, Translator(options.lang))  # its language or pack may surprise: traced to it
    return status


def _made(options: TemplateOptions) -> int:
    from zhijiao_check.pack.load import load_packs
    from zhijiao_check.report.scalars import REPORT_YEARS

    tr = Translator(options.lang)
    target = options.output if options.output is not None and str(options.output) != "-" else None
    pack = load_packs(options.rules, options.pack)[0]
    try:
        unit = find_unit(pack.units, options.unit, options.year, tr)
    except FatalError as error:
        error.units_from = display_name(
            pack.directory
        )  # the pack whose units were searched: maybe a config's
        raise
    low, high = REPORT_YEARS
    if not low <= options.year <= high:
        raise FatalError("year-out-of-range", area="input", year=options.year, low=low, high=high)
    # --from's report and the rule files are inputs: never written over, --force or not.
    prefill = [options.prefill] if options.prefill else []
    guard_outputs([target], [*prefill, *rule_inputs(options.rules, options.pack)], over_reports=True)
    if target is not None and not is_special(target):  # a device (``-o /dev/null``) takes either
        named = SUFFIXES.get(target.suffix.lower())
        if named is None:
            raise FatalError("template-format", area="input", file=display_name(target))
        if named != options.format:  # ``--format xlsx -o dongan.yaml``: a workbook read as YAML
            raise FatalError(
                "template-format-other", area="input", file=display_name(target), format=options.format
            )
    refuse_existing(target, options.force)
    last = (
        _last_year(options.prefill, unit, options.year, pack.units, tr)
        if options.prefill is not None
        else None
    )
    if last is not None and options.format == "xlsx":
        from zhijiao_check.commands.fits import unfit

        unheld = unfit(last, tr)
        for line in unheld:
            print(line, file=sys.stderr)
        if unheld:
            return ExitCode.INVALID
    if options.format == "yaml":
        shown = shell_word(display_name(target)) if target is not None else "report.yaml"
        text = render(
            unit,
            options.year,
            tr,
            pack.info.document,
            schema=options.schema,
            file=shown,
            last=Prefill(carry_over(last.data, options.year), last.file) if last else None,
        )
        write(text, target)
        tell_written([target], tr)
        return ExitCode.OK
    # The workbook is the bureau's Chinese form whatever --lang says: said, not left to be found.
    if tr.lang != "zh":
        print(tr("input.template-workbook-chinese"), file=sys.stderr)
    data = (
        carry_over(last.data, options.year)
        if last is not None
        else {
            "schema_version": 1,
            "unit": {"name": unit.name, "kind": unit.kind, **({"code": unit.code} if unit.code else {})},
            "year": options.year,
        }
    )
    write(report_as(options.format, data, display_name(options.prefill) if options.prefill else None), target)
    tell_written([target], tr)
    return ExitCode.OK


def report_as(format: str, data: dict[str, Any], source: str | None = None) -> str | bytes:
    """A report's data as a workbook, YAML or JSON text (``convert`` and ``template --from``)."""
    if format == "xlsx":
        from zhijiao_check.report.workbook.write import instructions, workbook_bytes

        unit = data.get("unit") or {}
        rows = instructions(
            str(unit.get("name", "")), str(unit.get("kind", "")), data.get("year", ""), source
        )
        return workbook_bytes(data, instructions=rows)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    import yaml

    # One comment line, whatever the name holds: a newline in it made the rest of the name YAML.
    header = f"# {escaped(source)}\n" if source else ""
    return header + yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000
    )


def _last_year(path: Path, unit: Unit, year: int, units: UnitRegistry, tr: Translator) -> ReportFile:
    """Last year's report for ``--from``: valid, of the same unit and of the year before ``year``, else
    refused with its problems. A report of another year was taken all the same: its “current” figures
    carried into “last year” ones (``carry_over``), a report of the same year gave this year's enrolment as
    last year's."""
    from zhijiao_check.report import ReportFile, load_report

    loaded = load_report(path, units, display_name(path))
    if not isinstance(loaded, ReportFile):
        from zhijiao_check.errors import tell_problems

        tell_problems(loaded.problems, tr)
        raise FatalError("from-invalid", area="input", file=display_name(path))
    if loaded.unit != unit.name:
        raise FatalError(
            "from-other-unit", area="input", file=display_name(path), found=loaded.unit, unit=unit.name
        )
    if loaded.year != year - 1:
        raise FatalError(
            "from-wrong-year",
            area="input",
            file=display_name(path),
            found=loaded.year,
            year=year,
            expected=year - 1,
        )
    return loaded


def carry_over(last: dict[str, Any], year: int) -> dict[str, Any]:
    """Last year's figures as this year's starting point: the year set, and each “last year” figure taken from
    what last year's report gave as current (上年招生 ← 当年招生, 当年计划 ← 下一年度计划). The others stay as
    they were, for the county to edit."""
    data = copy.deepcopy(last)
    data["year"] = year
    pathway = data.get("pathway_3plus2")
    if isinstance(pathway, dict) and "current" in pathway:
        pathway["previous"] = pathway["current"]
    plan = data.get("general_high_school_plan")
    if isinstance(plan, dict) and "next" in plan:
        plan["current"] = plan["next"]
    for school in data.get("schools") or []:
        for major in school.get("majors") or []:
            if "enrollment" in major:
                major["previous_enrollment"] = major["enrollment"]
    return data


def find_unit(units: UnitRegistry, given: str, year: int, tr: Translator) -> Unit:
    """The unit named (or coded: ``431103``) as it is in ``year``, taken as a report of that year would be
    (``UnitRegistry.unit_in``, ``coded``): a former name or code before its renaming is the unit's under its
    name now, said on stderr as a report's notice says it; a unit merged into another is its own before the
    merger. A renamed (since), merged (since) or misspelt name or code is refused with the name to use."""
    wanted = given.strip()
    found = units.unit_in(wanted, year) or units.coded(wanted, year)
    change = units.change(wanted, year)
    if found is not None:
        if isinstance(change, Renamed):  # a former name or code, of a year before the renaming
            said = tr("input.template-former-name", given=wanted, name=found.name, year=change.year)
            print(said, file=sys.stderr)
        return found
    known = Join(tuple(u.name for u in units))
    if isinstance(change, Unit):
        raise FatalError("unit-not-yet", area="input", name=change.name, since=change.since)
    if isinstance(change, Merged):
        name = change.name if wanted.isdecimal() else wanted  # a code (its own or a former one): its unit
        raise FatalError("unit-merged", area="input", name=name, **units.merger(change, year))
    if change is not None:
        new = units.current_name(change.new)
        if wanted == change.old_code:
            old, since = change.old, change.year
            raise FatalError("code-renamed", area="input", old_code=wanted, old=old, new=new, year=since)
        raise FatalError("unit-renamed", area="input", name=wanted, new=new, year=change.year)
    suggestion = units.suggest(wanted)
    if suggestion is not None:
        raise FatalError("unknown-unit", area="input", name=wanted, suggestion=suggestion, known=known)
    raise FatalError("unknown-unit-no-match", area="input", name=wanted, known=known)


def render(
    unit: Unit,
    year: int,
    tr: Translator,
    document: str,
    *,
    schema: str | None = None,
    file: str = "report.yaml",
    last: Prefill | None = None,
) -> str:
    """The template's text: header comments, then every field of the report for the unit's kind; with
    ``last``, last year's figures in place of the blanks, each field commented all the same, and a field last
    year's report did not give as a commented-out line (the report stays valid, and the field in view)."""
    from zhijiao_check.report.model import Report

    lines = [f"# yaml-language-server: $schema={schema}"] if schema else []
    lines.append("# " + tr("input.template-title", unit=unit.name, year=year, document=document))
    lines.append("# " + tr("input.template-generated"))
    if last is not None:
        # One comment line, whatever the name holds: a newline in it made the rest of the name YAML.
        lines.append("# " + tr("input.template-prefilled", file=escaped(last.source)))
        lines.append("# " + tr("input.template-prefilled-absent"))
    lines += ["# " + tr(f"input.{key}") for key in HEADER_KEYS]
    lines += ["# " + tr("input.template-check", file=file), ""]
    given: dict[tuple[str, ...], object] = {
        ("schema_version",): 1,
        ("unit", "name"): unit.name,
        ("unit", "kind"): unit.kind,
        ("year",): year,
    }
    if unit.code is not None:
        given[("unit", "code")] = unit.code
    # The city: block is the 市本级's own; a unit without a code gets a comment where the code would be.
    skipped: set[tuple[str, ...]] = {("city",)} if unit.kind != "city" else set()
    absent: dict[tuple[str, ...], str] = {}
    if unit.code is None:
        absent[("unit", "code")] = tr("input.template-no-code", unit=unit.name)
    shape = _Shape(given, skipped, absent, tr)
    if last is None:
        lines += _fields(Report, (), "", "", shape)
    else:
        lines += _filled(Report, (), "", "", shape, last.data)
    return "\n".join(lines) + "\n"


@record
class _Shape:
    """What the fields' lines are made with: the values given (unit, year), the blocks left out (``city:``
    outside the 市本级), the fields shown as a comment instead (no code), the language."""

    given: Mapping[tuple[str, ...], object]
    skipped: set[tuple[str, ...]]
    absent: Mapping[tuple[str, ...], str]
    tr: Translator


def _fields(
    model: type[BaseModel],
    path: tuple[str, ...],
    first: str,
    rest: str,
    shape: _Shape,
    only: str | None = None,
) -> Iterator[str]:
    """The lines of a mapping: the first key after ``first`` (``- `` in a list), the rest after ``rest``;
    with ``only``, that one field's."""
    lead = first
    for name, comment, nested, entry in _field_parts(model, path, shape):
        if only is not None and name != only:
            continue
        here = (*path, name)
        if here in shape.absent:
            yield f"{rest}# {name}: {shape.absent[here]}"
            continue
        if not path and (nested or entry):
            yield ""  # a blank line before each block of the top level, for the eye
        if here in shape.given:
            yield _line(f"{lead}{name}: {_scalar(shape.given[here])}", comment)
        elif nested is not None:
            yield _line(f"{lead}{name}:", comment)
            yield from _fields(nested, here, rest + "  ", rest + "  ", shape)
        elif entry is not None:
            yield _line(f"{lead}{name}:", comment)
            yield from _fields(entry, here, rest + "  - ", rest + "    ", shape)
        else:
            yield _line(f"{lead}{name}:", comment)  # the blank: YAML reads it as null
        lead = rest


def _filled(
    model: type[BaseModel],
    path: tuple[str, ...],
    first: str,
    rest: str,
    shape: _Shape,
    values: Mapping[str, Any],
) -> Iterator[str]:
    """The lines of a mapping that holds ``values`` (``--from``): each value with the field's comment, a field
    without one commented out as the blank template has it."""
    lead = first
    for name, comment, nested, entry in _field_parts(model, path, shape):
        here = (*path, name)
        if here in shape.absent:
            yield f"{rest}# {name}: {shape.absent[here]}"
            continue
        if not path and (nested or entry):
            yield ""
        if name not in values:
            # The blank template's lines for it, as comments at the same indentation: valid as it stands.
            commented = rest + "# "
            yield from (line for line in _fields(model, path, commented, commented, shape, name) if line)
            continue
        value = values[name]
        if nested is not None and isinstance(value, Mapping):
            yield _line(f"{lead}{name}:", comment)
            yield from _filled(nested, here, rest + "  ", rest + "  ", shape, value)
        elif entry is not None and isinstance(value, list) and value:
            yield _line(f"{lead}{name}:", comment)
            for item in value:
                yield from _filled(entry, here, rest + "  - ", rest + "    ", shape, item)
        else:
            yield _line(f"{lead}{name}: {_flow(value)}", comment)
        lead = rest


def _field_parts(
    model: type[BaseModel], path: tuple[str, ...], shape: _Shape
) -> Iterator[tuple[str, str, type[BaseModel] | None, type[BaseModel] | None]]:
    """Each field of the model that the template shows: its name, its comment, and its block's or entries'
    model."""
    properties = _properties(model)
    tr = shape.tr
    for name, info in model.model_fields.items():
        here = (*path, name)
        if here in shape.skipped:
            continue
        schema = properties.get(name, {})
        if tr.lang == "zh":
            title, description = info.title or name, info.description or ""
        else:
            title, description = _label(here, tr), _choices(schema, tr)
        nested, entry = _nested(info.annotation)
        yield name, _comment(title, description, schema, info.is_required(), tr), nested, entry


def _nested(annotation: Any) -> tuple[type[BaseModel] | None, type[BaseModel] | None]:
    """A field holding one sub-model (a block of fields), or a list of them (entries), or neither."""
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, None
    item = get_args(annotation)[0] if get_origin(annotation) is list else None
    if isinstance(item, type) and issubclass(item, BaseModel):
        return None, item
    return None, None


def _properties(model: type[BaseModel]) -> dict[str, dict[str, Any]]:
    properties: dict[str, dict[str, Any]] = model.model_json_schema().get("properties", {})
    return properties


def _comment(title: str, description: str, schema: Mapping[str, Any], required: bool, tr: Translator) -> str:
    hint = _hint(schema, tr)
    if required:
        hint = tr("input.template-hint-required") + (tr("input.template-hint-and") + hint if hint else "")
    if not description:  # in English, a field that is no choice: its label and what it takes
        return tr("input.template-comment-bare", title=title, hint=hint) if hint else title
    if hint:
        return tr("input.template-comment", title=title, hint=hint, description=description)
    return tr("input.template-comment-plain", title=title, description=description)


def _hint(schema: Mapping[str, Any], tr: Translator) -> str:
    """The kind of value, in a few words, from the field's JSON Schema."""
    kind = schema.get("type")
    if kind == "array":
        return tr(
            "input.template-hint-entries" if "$ref" in schema.get("items", {}) else "input.template-hint-list"
        )
    if "const" in schema:
        return ""
    if "enum" in schema:
        return tr("input.template-hint-choice")
    if kind == "integer":
        return tr(
            "input.template-hint-year" if schema.get("minimum", 0) >= 1000 else "input.template-hint-whole"
        )
    return tr(_KIND_HINTS[kind]) if kind in _KIND_HINTS else ""


_KIND_HINTS = {
    "number": "input.template-hint-number",
    "boolean": "input.template-hint-boolean",
    "string": "input.template-hint-string",
}


def _label(path: tuple[str, ...], tr: Translator) -> str:
    """A field's label as explanations name it (``field.``): its own for the template where a name means
    otherwise at the top (``field.report.enrollment``: upper-secondary, not a major's), then by its whole
    path, by its collection (``majors.name``), by its name."""
    keys = [f"field.report.{'.'.join(path)}", f"field.{'.'.join(path)}"]
    if len(path) > 1:
        keys.append(f"field.{path[-2]}.{path[-1]}")
    keys.append(f"field.{path[-1]}")
    label: str | Msg = path[-1]
    for key in reversed(keys):
        label = Msg(key, fallback=label)
    return tr.render(label)


def _choices(schema: Mapping[str, Any], tr: Translator) -> str:
    """A choice's codes, each with its meaning where a report's code has one (``public (publicly run)``)."""
    codes = schema.get("enum") or schema.get("items", {}).get("enum") or ()
    return " | ".join(
        tr.render(with_meaning(str(code))) if exists(f"report.meaning-{code}") else str(code)
        for code in codes
    )


def _scalar(value: object) -> str:
    """A pre-filled value as YAML: text in double quotes when plain YAML would read it otherwise."""
    if isinstance(value, str):
        plain = value.isidentifier() and value.lower() not in _YAML_WORDS
        return value if plain else json.dumps(value, ensure_ascii=False)
    return str(value)


def _flow(value: object) -> str:
    """Last year's value on its key's line, as YAML reads it back: plain where it can be (``950``,
    ``先进装备制造``, ``[quality, chuyi]``), quoted as PyYAML quotes it (``'431122'``), and a text that holds
    a line break of any kind in double quotes with the break escaped (``\\n``, ``\\P``)."""
    import yaml

    def dumped(style: str | None) -> str:
        text: str = yaml.safe_dump(
            [value], allow_unicode=True, default_flow_style=True, default_style=style, width=_NO_WRAP
        )
        return text.strip()[1:-1]  # the one-item list's brackets off: the value alone

    text = dumped(None)
    if any(char in _LINE_BREAKS for char in text):  # PyYAML writes U+2028 as it is: a line break in a file
        text = dumped('"')
    return text


_LINE_BREAKS = "\n\r\x85\u2028\u2029"


_NO_WRAP = 2**31 - 1  # PyYAML folds a line longer than its width: never, here


def _line(text: str, comment: str) -> str:
    """``key: value`` and its comment, the comments lined up (a Chinese character is two columns wide)."""
    width = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
    return f"{text}{' ' * max(COMMENT_COLUMN - 2 - width, 0)}  # {comment}"
