"""The command line: turns arguments into an options object and calls a command function.

Every command returns its exit status; ``errors.run_command`` maps errors to messages and statuses.
Heavy imports (pydantic, rich, the engine) happen inside the command functions, not here.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator, MutableMapping
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from typer._click.exceptions import ClickException, UsageError
from typer.core import TyperCommand, TyperGroup

from zhijiao_check import __version__
from zhijiao_check.i18n import Lang
from zhijiao_check.renderers import Format


def _without_flag_types(params: list[Any]) -> list[Any]:
    """A switch takes no value: its help line shows no ``<bool>`` placeholder (typer shows one by default).
    Each parameter's value checker is built only for a value that needs checking (``cli_values``)."""
    for param in params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
        if getattr(param, "_runtime_param", False) is None:  # typer 0.29's lazy checker, not built yet
            from zhijiao_check.cli_values import Lazy

            param._runtime_param = Lazy()
    return params


class Command(TyperCommand):
    def get_params(self, ctx: Any) -> list[Any]:
        return _without_flag_types(super().get_params(ctx))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # Arguments left over are refused here, as click would, but with the arguments kept apart for the
        # message (``cli_usage``), not only inside click's English text.
        allowed, ctx.allow_extra_args = ctx.allow_extra_args, True
        try:
            rest = super().parse_args(ctx, args)
        except UsageError as error:
            error.ctx = error.ctx or ctx  # click's parser leaves it out of some (``--jobs`` with no value)
            raise
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            from zhijiao_check.cli_usage import ExtraArguments

            raise ExtraArguments(rest, ctx)
        return rest


class BarePathRunsCheck(TyperGroup):
    """``zhijiao-check county.yaml`` means ``zhijiao-check check county.yaml``.

    A positional argument on the group's callback would swallow sub-command names, so instead an
    argument list that does not start with a command (or a group option) gets ``check`` put in front.
    """

    group_options = ("--help", "-h", "--version", "--install-completion", "--show-completion")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = _Commands(commands)

    def get_params(self, ctx: Any) -> list[Any]:
        return _without_flag_types(super().get_params(ctx))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in self.group_options:
            if not os.path.lexists(args[0]):  # ``valdiate``: a mistyped command, not a path to check?
                from zhijiao_check.cli_usage import mistyped_command

                mistyped_command(args[0], list(self.commands), ctx)
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def main(  # type: ignore[override]  # typer's, its parameters passed on as they are
        self,
        args: list[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """The command line run, its usage errors told in the language it asks for (``cli_usage``), not
        in typer's English; the exit status returned, or exited with as click does (``standalone_mode``)."""
        try:
            status = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except (UsageError, typer.Abort) as error:
            from zhijiao_check.cli_usage import told

            status = told(error, sys.argv[1:] if args is None else args)
        except ClickException as error:  # none of the tool's parameters raises another, but as click would
            error.show()
            status = error.exit_code
        if not standalone_mode:
            return status
        sys.exit(status)


class _Commands(MutableMapping[str, Any]):
    """The group's commands by name, each made into a click command by typer when first asked for: a run
    makes only its own (making all nine was a tenth of a one-report run's own time); help and shell completion
    ask for all of them, in the order they are declared."""

    def __init__(self, declared: typer.Typer) -> None:
        self.declared = {
            info.name or typer.main.get_command_name(info.callback.__name__): info  # type: ignore[union-attr]
            for info in declared.registered_commands
        }
        self.made: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self.made:
            self.made[name] = typer.main.get_command_from_info(
                self.declared[name],
                pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode,
            )
        return self.made[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self.made[name] = command
        self.declared.setdefault(name, command)

    def __delitem__(self, name: str) -> None:
        del self.declared[name]
        self.made.pop(name, None)

    def __contains__(self, name: object) -> bool:
        return name in self.declared

    def __iter__(self) -> Iterator[str]:
        return iter(self.declared)

    def __len__(self) -> int:
        return len(self.declared)


app = typer.Typer(
    cls=BarePathRunsCheck,
    name="zhijiao-check",
    help="Checks unit reports against the targets of 永政发〔2021〕7号 (职业教育政策目标达标检查). "
    "A bare path runs `check`: zhijiao-check reports/2023/",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish and PowerShell
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# The sub-commands, declared on a Typer of their own: typer does not make them all at start (_Commands).
commands = typer.Typer()


ListFormat = Literal["table", "json"]  # the commands that list things: a table for people, JSON for programs
TemplateFormat = Literal["yaml", "xlsx"]
RulesFormat = Literal["table", "json", "markdown"]  # `rules` also writes docs/rules.md


ListFormatOption = Annotated[ListFormat, typer.Option("--format", "-f", help="table, or json for scripts.")]
LangOption = Annotated[Lang, typer.Option("--lang", help="Output language: zh (中文, default) or en.")]
NoColorOption = Annotated[
    bool,
    typer.Option("--no-color", help="No colour (also off when NO_COLOR is set or output is not a terminal)."),
]
DebugOption = Annotated[
    bool, typer.Option("--debug", help="On an internal error (exit 3), show the traceback.")
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="FILE",
        # typer reads help as rich markup, where [tool.zhijiao-check] would be a tag: \\[ is a bracket
        help="The config file (default: the nearest zhijiao-check.toml, or "
        "pyproject.toml with \\[tool.zhijiao-check], from here upward).",
    ),
]
RulesOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--rules",
        metavar="DIR",
        help="A rule pack directory to add (or to replace the built-in pack with the same id).",
    ),
]
PackOption = Annotated[
    str | None,
    typer.Option(
        "--pack",
        metavar="PACK",
        help="The rule pack: an installed pack's ID or a pack directory (default: the installed pack).",
    ),
]
# Text, not Path: Path("") would be the working directory, and an empty argument must be refused instead.
PathsArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="PATH...",
        help="Report files, or directories searched for *.yaml, *.yml, *.json.",
        show_default=False,
    ),
]


def _exit(command: Callable[[], int], lang: Lang, debug: bool = False, collect: bool = True) -> None:
    """Run a command and exit with its status. ``collect``: the cyclic collector back on first (the console
    script starts without it, ``entry``); ``check`` leaves it off while it loads and turns it on itself after
    scoring (``commands.check``)."""
    from zhijiao_check.errors import run_command
    from zhijiao_check.i18n import Translator

    if collect and not gc.isenabled():
        # What was made so far lives until the process ends: out of the collector's sight, without a walk.
        gc.freeze()
        gc.enable()
    raise typer.Exit(run_command(command, Translator(lang), debug))


def _color(no_color: bool) -> bool | None:
    return False if no_color or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb" else None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"zhijiao-check {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Checks unit reports against the targets of 永政发〔2021〕7号."""


@commands.command(cls=Command)
def check(
    ctx: typer.Context,
    paths: PathsArgument,
    formats: Annotated[
        list[Format] | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="table (default), json, junit, markdown, github, sarif, html, xlsx or csv; "
            "repeat with --output for several outputs in one run.",
        ),
    ] = None,
    outputs: Annotated[
        list[Path] | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="File for the matching --format (default: standard output; - too).",
        ),
    ] = None,
    lang: LangOption = "zh",
    strict: Annotated[
        bool,
        typer.Option(
            "--strict/--no-strict",
            metavar="",
            show_default=False,
            help="warn and behind also fail the run (default: no).",
        ),
    ] = False,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            metavar="IDS",
            help="Only these rules: IDs, globs (c16.*) or clauses (c4), comma-separated.",
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", metavar="IDS", help="Leave out these rules (same forms as --select)."),
    ] = None,
    rules: RulesOption = None,
    pack: PackOption = None,
    previous: Annotated[
        list[Path] | None,
        typer.Option(
            "--previous",
            metavar="DIR",
            help="Earlier reports to compare with (not scored): a school or "
            "major in last year's report and not in this year's is a warning.",
        ),
    ] = None,
    roster: Annotated[
        Path | None,
        typer.Option(
            "--roster",
            metavar="FILE",
            help="The bureau's list of schools per unit (YAML): a school on it "
            "missing from its unit's report is an error.",
        ),
    ] = None,
    per_unit: Annotated[
        Path | None,
        typer.Option(
            "--per-unit",
            metavar="DIR",
            help="With --format html: also one printable page per unit in DIR, with a sign-off block.",
        ),
    ] = None,
    waivers: Annotated[
        Path | None,
        typer.Option(
            "--waivers",
            metavar="FILE",
            help="A waivers file (TOML, [\\[waiver]] entries): results excused with a reason, shown as "
            "waived.",
        ),
    ] = None,
    base_dir: Annotated[
        Path | None,
        typer.Option(
            "--base-dir",
            metavar="DIR",
            help="What SARIF and GitHub paths are relative to (default: the "
            "git top level, else the working directory).",
        ),
    ] = None,
    whole_year: Annotated[
        bool,
        typer.Option(
            "--whole-year",
            metavar="",
            help="Check every report in the folder of each file given "
            "(its year's folder): what the pre-commit hook does, so city-wide rules see the whole year.",
        ),
    ] = False,
    config: ConfigOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", metavar="", help="Summary lines only.")] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="N",
            help=(
                "Worker processes for many reports (default: one per available core for json, junit and"
                " sarif alone, where they pay; else one process)."
            ),
        ),
    ] = None,
    no_color: NoColorOption = False,
    debug: DebugOption = False,
) -> None:
    """Check reports against the targets (检查报表是否达标).
    Exit 0 all met, 1 a target failed, 2 invalid input.
    """
    from zhijiao_check.commands import check as command
    from zhijiao_check.files import input_paths

    def given(name: str) -> bool:
        """Whether the flag was typed: a flag wins over the config file's key, the key over the default."""
        source = ctx.get_parameter_source(name)  # click's enum (vendored by newer typer): compared by name
        return source is not None and source.name == "COMMANDLINE"

    def run() -> int:
        from zhijiao_check.settings import config as settings

        found = settings.load(config, Path.cwd(), tuple(Format))
        chosen = command.pair_outputs(list(formats or []), outputs or [])
        options = command.CheckOptions(
            paths=input_paths(paths),
            outputs=chosen or found.outputs or ((Format.table, None),),
            lang=lang if given("lang") else found.lang or lang,  # type: ignore[arg-type]
            strict=strict if given("strict") else bool(found.strict),
            select=command.split_list(select or []) if given("select") else found.select,
            ignore=command.split_list(ignore or []) if given("ignore") else found.ignore,
            rules=rules or [] if given("rules") else found.packs,
            pack=pack,
            quiet=quiet if given("quiet") else bool(found.quiet),
            color=_color(no_color),
            previous=previous or [],
            roster=roster if given("roster") else found.roster,
            per_unit=per_unit,
            waivers=waivers if given("waivers") else found.waivers,
            jobs=jobs if given("jobs") else found.jobs,
            base_dir=base_dir if given("base_dir") else found.base_dir,
            whole_year=whole_year,
            config=Path(found.file) if found.file else None,
        )
        return command.run(options)

    _exit(run, lang, debug, collect=False)


@commands.command(cls=Command)
def validate(
    paths: PathsArgument,
    format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="table, or json for CI and editors.")
    ] = "table",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
    lang: LangOption = "zh",
    rules: RulesOption = None,
    pack: PackOption = None,
    no_color: NoColorOption = False,
    debug: DebugOption = False,
) -> None:
    """Check the reports' format only, no rules (只校验报表格式). Exit 0 valid, 2 invalid."""
    from zhijiao_check.commands import validate as command
    from zhijiao_check.files import input_paths

    def run() -> int:
        return command.run(
            command.ValidateOptions(
                input_paths(paths), format, output, lang, rules or [], _color(no_color), pack
            )
        )

    _exit(run, lang, debug)


@commands.command(cls=Command)
def diff(
    old: Annotated[
        Path,
        typer.Argument(metavar="OLD", help="The earlier report (or earlier version).", show_default=False),
    ],
    new: Annotated[
        Path, typer.Argument(metavar="NEW", help="The later report of the same unit.", show_default=False)
    ],
    format: Annotated[ListFormat, typer.Option("--format", "-f", help="table, or json.")] = "table",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
    lang: LangOption = "zh",
    rules: RulesOption = None,
    pack: PackOption = None,
    debug: DebugOption = False,
) -> None:
    """What changed between two reports of a unit:
    fields, schools and majors by name, rule statuses (报表对比).
    """
    from zhijiao_check.commands import diff as command

    options = command.DiffOptions(old, new, format, output, lang, rules or [], pack)
    _exit(lambda: command.run(options), lang, debug)


@commands.command("rules", cls=Command)
def list_rules(
    lang: LangOption = "zh",
    format: Annotated[
        RulesFormat, typer.Option("--format", "-f", help="table, json, or markdown (the page docs/rules.md).")
    ] = "table",
    rules: RulesOption = None,
    pack: PackOption = None,
    debug: DebugOption = False,
) -> None:
    """List the rules: ID, clause, scope, time, title (列出全部规则).
    --format markdown writes docs/rules.md.
    """
    from zhijiao_check.commands import catalogue

    _exit(lambda: catalogue.list_rules(lang, format, rules or [], pack), lang, debug)


@commands.command(cls=Command)
def explain(
    rule: Annotated[str, typer.Argument(help="A rule ID, e.g. c1.vocational-share.", show_default=False)],
    lang: LangOption = "zh",
    format: ListFormatOption = "table",
    rules: RulesOption = None,
    pack: PackOption = None,
    debug: DebugOption = False,
) -> None:
    """One rule in full: clause, quote, interpretation, fields read, time, responsible units (规则详情)."""
    from zhijiao_check.commands import catalogue

    _exit(lambda: catalogue.explain(rule, lang, format, rules or [], pack), lang, debug)


@commands.command(cls=Command)
def coverage(
    lang: LangOption = "zh",
    format: ListFormatOption = "table",
    rules: RulesOption = None,
    pack: PackOption = None,
    debug: DebugOption = False,
) -> None:
    """Every clause of the policy: the rules that transcribe it, or why none does (条款覆盖)."""
    from zhijiao_check.commands import catalogue

    _exit(lambda: catalogue.coverage(lang, format, rules or [], pack), lang, debug)


@commands.command(cls=Command)
def template(
    unit: Annotated[
        str,
        typer.Option(
            "--unit", "-u", help="The unit: its name (冷水滩区) or code (431103).", show_default=False
        ),
    ],
    year: Annotated[
        int, typer.Option("--year", "-y", help="The statistical year, e.g. 2023.", show_default=False)
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (default: standard output).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the --output file if it exists.")] = False,
    format: Annotated[
        TemplateFormat | None,
        typer.Option(
            "--format", "-f", help="yaml, or xlsx for a workbook (default: by the --output name, else yaml)."
        ),
    ] = None,
    prefill: Annotated[
        Path | None,
        typer.Option(
            "--from", metavar="REPORT", help="Last year's report (YAML or xlsx): its figures pre-filled."
        ),
    ] = None,
    schema: Annotated[
        str | None,
        typer.Option(
            "--schema", help="Path or URL of the JSON Schema: adds a yaml-language-server line on top."
        ),
    ] = None,
    lang: LangOption = "zh",
    rules: RulesOption = None,
    pack: PackOption = None,
    debug: DebugOption = False,
) -> None:
    """A blank report for one unit and year, every field commented in Chinese (生成空白填报模板)."""
    from zhijiao_check.commands import template as command

    chosen = format or ("xlsx" if output is not None and output.suffix.lower() == ".xlsx" else "yaml")
    options = command.TemplateOptions(
        unit, year, output, lang, rules or [], schema, force, pack, chosen, prefill
    )
    _exit(lambda: command.run(options), lang, debug)


@commands.command(cls=Command)
def convert(
    source: Annotated[
        Path, typer.Argument(metavar="IN", help="A report: .yaml, .yml, .json or .xlsx.", show_default=False)
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="The converted report: .xlsx, .yaml or .json.", show_default=False
        ),
    ],
    force: Annotated[bool, typer.Option("--force", help="Overwrite the --output file if it exists.")] = False,
    lang: LangOption = "zh",
    rules: RulesOption = None,
    pack: PackOption = None,
    debug: DebugOption = False,
) -> None:
    """Convert a report between YAML and an Excel workbook, losing nothing (YAML 与 Excel 互转)."""
    from zhijiao_check.commands import convert as command

    options = command.ConvertOptions(source, output, force, lang, rules or [], pack)
    _exit(lambda: command.run(options), lang, debug)


@commands.command(cls=Command)
def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (default: standard output).")
    ] = None,
    lang: LangOption = "zh",
    rules: RulesOption = None,
    pack: PackOption = None,
    debug: DebugOption = False,
) -> None:
    """The JSON Schema (draft 2020-12) of report format v1,
    for editors and validators (填报格式 JSON Schema).
    """
    from zhijiao_check.commands import schema as command

    options = command.SchemaOptions(output, lang, rules or [], pack)
    _exit(lambda: command.run(options), lang, debug)


def main() -> None:
    try:
        app()
    except SystemExit:
        raise
    except BaseException as error:  # noqa: BLE001 - a bug in argument handling itself: one line, exit 3
        from zhijiao_check.status import ExitCode

        if isinstance(error, KeyboardInterrupt):
            sys.exit(ExitCode.INTERRUPTED)
        print(f"zhijiao-check: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(ExitCode.INTERNAL)
