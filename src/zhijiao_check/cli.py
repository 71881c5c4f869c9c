"""The command line: turns arguments into an options object and calls a command function.

Every command returns its exit status; ``errors.run_command`` maps errors to messages and statuses.
Heavy imports (pydantic, rich, the engine) happen inside the command functions, not here. The declarations
carry no help text: each command's and option's help is in the catalogues, in both languages (``cli_help``,
``messages/*/help.py``).
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer
from typer._click.exceptions import ClickException, UsageError
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from zhijiao_check import __version__
from zhijiao_check.i18n import Lang
from zhijiao_check.patterns import later
from zhijiao_check.renderers import Format

if TYPE_CHECKING:
    from zhijiao_check.settings.config import Config
    from zhijiao_check.wording import Wording


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


_REQUIRED = later(r"^\{([^{}]+)\}")


class NowhereToWrite(Exception):
    """Standard output closed (``>&-``) where the help or the version was to be written: exit 2 and say so,
    as a command's result is told (``output``), rather than exit 0 with the text lost."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key  # the message: what was to be written


class _HelpInLanguage:
    """Help laid out in the command line's language (``cli_help``): Chinese unless it says ``--lang en``."""

    usage_prefix: str | None = None  # the usage line's first word, click's "Usage: " until help is laid out

    def format_help(self, ctx: Any, formatter: Any) -> None:
        if sys.stdout is None:  # ``-h >&-``: the help would be lost, and the run exit 0 as if it was shown
            raise NowhereToWrite("cli.stdout-closed-help")
        from zhijiao_check.cli_help import in_language
        from zhijiao_check.cli_usage import language

        arguments = getattr(ctx.find_root().command, "arguments", ())
        # Coloured where the table is (``_color``): plain with NO_COLOR or TERM=dumb, where rich itself drops
        # only the colours for NO_COLOR and the help on a terminal kept its bold and dim codes; forced in a
        # pipe by FORCE_COLOR alone, not also by typer's GITHUB_ACTIONS and PY_COLORS (the table's rule).
        with in_language(self, ctx, language(arguments), color=_color("--no-color" in arguments)):
            super().format_help(ctx, formatter)  # type: ignore[misc]

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        # A required argument as POSIX and click write it, ``PATH...``: typer's ``{PATH}...`` reads as
        # braces to type.
        given = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        pieces = [_REQUIRED.sub(r"\1", piece) for piece in given]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=self.usage_prefix)

    def get_short_help_str(self, limit: int = 45) -> str:
        """What shell completion shows beside a command's name (zsh, fish): in Chinese, as it cannot tell
        the language of a command line still being typed."""
        from zhijiao_check.cli_help import short_help

        return short_help(self.name, limit)  # type: ignore[attr-defined]


class Command(_HelpInLanguage, TyperCommand):
    def get_params(self, ctx: Any) -> list[Any]:
        return _without_flag_types(super().get_params(ctx))

    def invoke(self, ctx: Any) -> Any:
        if sys.stdout is None:  # started with standard output closed: say what this command can do instead
            from zhijiao_check.output import advise_when_stdout_closed

            advise_when_stdout_closed(self._closed_advice(ctx))
        return super().invoke(ctx)

    def _closed_advice(self, ctx: Any) -> Wording:
        """``--output`` for a command that has one; a redirect to a file for one that has not (``rules``,
        ``coverage``, ``explain``), the file named for the command and the format asked for."""
        from zhijiao_check.wording import msg

        if any("--output" in getattr(param, "opts", ()) for param in self.get_params(ctx)):
            return msg("cli.stdout-advice-output")
        suffix = {"json": ".json", "markdown": ".md"}.get(str(ctx.params.get("format")), ".txt")
        return msg("cli.stdout-advice-redirect", file=f"{ctx.info_name}{suffix}")

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # Arguments left over are refused here, as click would, but with the arguments kept apart for the
        # message (``cli_usage``), not only inside click's English text.
        allowed, ctx.allow_extra_args = ctx.allow_extra_args, True
        given = list(args)  # the parser takes the words out of ``args`` as it reads them
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
        if not ctx.resilient_parsing:
            self._check_outputs(ctx, given)
            self._check_empty_paths(ctx, given)
            if ctx.params.get("no_config") and ctx.params.get("config") is not None:
                from zhijiao_check.cli_usage import ConfigAndNoConfig

                raise ConfigAndNoConfig(ctx)
            if ctx.params.get("settings_only"):
                self._check_settings_only(ctx, given)
        return rest

    def _check_settings_only(self, ctx: Any, args: list[str]) -> None:
        """``check --settings-only`` reads no report: with ``--staged-removals`` (a hook given both passed
        every deletion: it said which year it would check, then read only the settings) or an output typed
        (``-o out.json``, ``--format sarif``: no file was made, and nothing said so) it is refused. The config
        file's ``[[outputs]]`` stay passed over: the file is the one the other runs share."""
        from zhijiao_check.cli_usage import SettingsOnlyOutput, StagedAndSettingsOnly

        if ctx.params.get("staged_removals"):
            raise StagedAndSettingsOnly(ctx)
        for long, short in (("--output", "-o"), ("--format", "-f")):
            values = self._typed_values(ctx, args, long)
            if values:
                raise SettingsOnlyOutput(_as_typed(args, long, short) or f"{long} {values[0]}", ctx)

    def _check_outputs(self, ctx: Any, args: list[str]) -> None:
        """Each ``--output`` as typed, which click does not keep: an option that takes one value keeps the
        last (``convert x -o a.xlsx -o b.xlsx`` wrote only b.xlsx, and said nothing), and the ``Path`` it
        makes drops a final slash (``-o newdir/`` wrote a file named ``newdir``) and makes ``-o ""`` (an
        unset variable) the working directory, told as "cannot write .: a folder". All are refused."""
        from zhijiao_check.cli_usage import BaseDirEmpty, OutputEmpty, OutputFolder, OutputTwice

        # ``--base-dir ""`` likewise: the working directory, taken as given without a word
        if "" in self._typed_values(ctx, args, "--base-dir"):
            raise BaseDirEmpty(ctx)
        param = next((p for p in self.get_params(ctx) if "--output" in getattr(p, "opts", ())), None)
        if param is None:
            return
        values = self._typed_values(ctx, args, "--output")
        if "" in values:
            raise OutputEmpty(ctx)
        folder = next((v for v in values if v != "-" and v.endswith(("/", os.sep))), None)
        if folder is not None:
            raise OutputFolder(folder, ctx)
        if len(values) > 1 and not param.multiple:
            raise OutputTwice(values, ctx)

    def _check_empty_paths(self, ctx: Any, args: list[str]) -> None:
        """A file or folder typed as ``""`` (an unset variable) is refused, as ``--output ""`` is:
        ``Path("")`` is the working directory, so ``--per-unit ""`` wrote a page per unit there and
        ``--previous ""`` took its reports for last year's, without a word; ``--config ""`` was "the config
        file . has problems: a directory"."""
        from zhijiao_check.cli_usage import PathEmpty

        if not any(arg == "" or arg.endswith("=") for arg in args):  # no empty value (``--config=``) typed
            return
        for param in self.get_params(ctx):
            shown = param.metavar if isinstance(param, TyperArgument) else param.opts[0]
            if shown in _PATH_PARAMETERS and "" in self._typed_values(ctx, args, param.name):
                raise PathEmpty(shown, ctx)

    def _typed_values(self, ctx: Any, args: list[str], name: str) -> list[str]:
        """Every value of the option ``name`` (or of the argument of that name) as typed, none if the command
        has no such parameter."""
        param = next((p for p in self.get_params(ctx) if name in (p.name, *getattr(p, "opts", ()))), None)
        if param is None:
            return []
        parser = self.make_parser(ctx)  # a parser of its own, every value of the option kept
        for option in {*parser._long_opt.values(), *parser._short_opt.values()}:
            if option.dest == param.name:
                option.action = "append"
        typed = parser.parse_args(args=list(args))[0].get(param.name)  # it takes what it reads
        return [typed] if isinstance(typed, str) else list(typed or [])


def _as_typed(args: list[str], long: str, short: str) -> str | None:
    """The first ``long``/``short`` option in ``args`` with its value, as it was typed (``-o out.json``,
    ``--format=sarif``, ``-fsarif``); None when it is not found so (inside a group of short flags)."""
    for at, arg in enumerate(args):
        if arg == "--":
            break
        if arg in (long, short) and at + 1 < len(args):
            return f"{arg} {args[at + 1]}"
        if arg.startswith(f"{long}=") or (arg.startswith(short) and not arg.startswith("--")):
            return arg
    return None


class BarePathRunsCheck(_HelpInLanguage, TyperGroup):
    """``zhijiao-check county.yaml`` means ``zhijiao-check check county.yaml``.

    A positional argument on the group's callback would swallow sub-command names, so instead an
    argument list that does not start with a command (or a group option) gets ``check`` put in front.
    """

    group_options = ("--help", "-h", "--version", "--install-completion", "--show-completion")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = _Commands(commands)

    def get_params(self, ctx: Any) -> list[Any]:
        params = _without_flag_types(super().get_params(ctx))
        for param in params:  # typer adds them to the group once it is made: their callbacks set here
            param.callback = _COMPLETION.get(param.name, param.callback)
        return params

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        rest = _without_settings(args)
        if len(rest) < len(args) and all(arg in ("-h", "--help") for arg in rest):
            # ``zhijiao-check --lang en -h``: the tool's help, in English; ``zhijiao-check --lang en``, as
            # ``zhijiao-check`` alone, the same help and status 2, not check's "missing PATH"
            args = ["--help"] if rest else []
        elif len(rest) < len(args) and rest[:1] in (["--install-completion"], ["--show-completion"]):
            args = rest  # ``--lang en --install-completion``: what it did, said in English
        if args and args[0].startswith("-") and args[0] not in self.group_options:
            args = self._command_first(args)
        if args and args[0] not in self.commands and args[0] not in self.group_options:
            if not os.path.lexists(args[0]):  # ``valdiate``: a mistyped command, not a path to check?
                from zhijiao_check.cli_usage import mistyped_command

                mistyped_command(args[0], list(self.commands), ctx)
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def _command_first(self, args: list[str]) -> list[str]:
        """``zhijiao-check --lang en template …``, options first as git's go: the command moved before them,
        where click looks for it, rather than each word checked as a report (a command wins over a folder of
        its name here as it does first: ``./rules`` is the folder). A word that is the value of an option
        (``--pack rules``) stays where it is."""
        for at, arg in enumerate(args[1:], start=1):
            if arg == "--":
                break
            if arg in self.commands and not self._takes_value(args[at - 1]):
                return [arg, *args[:at], *args[at + 1 :]]
        return args

    def _takes_value(self, option: str) -> bool:
        """Whether ``option`` is one of ``check``'s that is followed by its value."""
        if not option.startswith("-") or "=" in option:
            return False
        return any(
            option in (*param.opts, *param.secondary_opts) and not (param.is_flag or param.count)
            for param in self.commands["check"].params
            if isinstance(param, TyperOption)
        )

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
        self.arguments = sys.argv[1:] if args is None else args  # the language of help and errors
        try:
            status = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except (UsageError, typer.Abort) as error:
            from zhijiao_check.cli_usage import told

            status = told(error, self.arguments)
        except NowhereToWrite as nowhere:
            from zhijiao_check.cli_usage import language
            from zhijiao_check.i18n import Translator
            from zhijiao_check.status import ExitCode

            print(Translator(language(self.arguments))(nowhere.key), file=sys.stderr)
            status = ExitCode.INVALID
        except OSError as error:
            # the help or the version to a full disk (``-h > /dev/full``): exit 2, one line
            from zhijiao_check.cli_usage import language
            from zhijiao_check.errors import os_reason
            from zhijiao_check.i18n import Translator
            from zhijiao_check.output import silence_stdout
            from zhijiao_check.status import ExitCode

            silence_stdout()  # what is still buffered would fail the interpreter's own flush at exit
            tr = Translator(language(self.arguments))
            print(tr("cli.cannot-write-help", reason=tr.render(os_reason(error))), file=sys.stderr)
            status = ExitCode.INVALID
        except ClickException as error:  # none of the tool's parameters raises another, but as click would
            error.show()
            status = error.exit_code
        except SystemExit as stop:
            # rich's and typer's answer to a reader that stopped reading the help (``--help | head -1``) is
            # status 1, which says a rule failed: nothing did, as when a command's own output meets a closed
            # pipe (``errors.run_command``)
            if not isinstance(stop.__context__, BrokenPipeError):
                raise
            from zhijiao_check.status import ExitCode

            status = ExitCode.OK
        if not standalone_mode:
            return status
        sys.exit(status)


# Options of every command that say how to show, not what to do: a command line of these alone asks for
# nothing but the tool's help.
_SETTINGS = ("--no-color", "--debug")


def _without_settings(args: list[str]) -> list[str]:
    """``args`` without a language (read by ``_HelpInLanguage``) and the options of ``_SETTINGS``."""
    rest = [a for a in args if not a.startswith("--lang=") and a not in _SETTINGS]
    if "--lang" in rest and rest.index("--lang") + 1 < len(rest):
        at = rest.index("--lang")
        del rest[at : at + 2]
    return rest


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
            _resolved(self.declared[name].callback)
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


def _resolved(callback: Any) -> Any:
    """``callback`` with its annotations as the objects they name. This module's annotations are texts
    (``from __future__ import annotations``), and typer reads a command's twice or more as it makes it
    (``inspect.signature`` and ``typing.get_type_hints``, each compiling and evaluating every text): some 200
    texts compiled to make ``check``, 4% of a one-report run. Here each is evaluated once, an alias
    (``LangOption``) only looked up; a command is made only when it runs (``_Commands``)."""
    names = callback.__globals__
    callback.__annotations__ = {name: _object(text, names) for name, text in callback.__annotations__.items()}
    return callback


def _object(annotation: Any, names: dict[str, Any]) -> Any:
    """What an annotation of this module stands for: a text evaluated, or looked up if it is a name; an object
    (resolved before, in a process that made its commands twice) as it is."""
    if not isinstance(annotation, str):
        return annotation
    return names[annotation] if annotation in names else eval(annotation, names)  # this module's own text


app = typer.Typer(
    cls=BarePathRunsCheck,
    name="zhijiao-check",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish and PowerShell
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# The sub-commands, declared on a Typer of their own: typer does not make them all at start (_Commands).
commands = typer.Typer()


# The options (by their long name) and arguments (by their metavar) that name a file or folder, of which an
# empty value is refused as typed (``Command._check_empty_paths``).
_PATH_PARAMETERS: set[str] = set()


def _path_option(*names: str, **more: Any) -> Any:
    """A file or folder option, without typer's check that it can be read: typer's refusal is English
    whatever ``--lang`` says (``path 'x' is not readable.``) and names no remedy. The file is opened where it
    is used, and the tool's own message says, in the run's language, what is wrong and what to do (``files``,
    the settings files, ``output``); an output file need not be readable at all."""
    _PATH_PARAMETERS.add(names[0])
    return typer.Option(*names, readable=False, **more)


def _path_argument(*, metavar: str, **more: Any) -> Any:
    """A file or folder argument, read where it is used, as ``_path_option``'s."""
    _PATH_PARAMETERS.add(metavar)
    return typer.Argument(readable=False, metavar=metavar, **more)


ListFormat = Literal["table", "json"]  # the commands that list things: a table for people, JSON for programs
TemplateFormat = Literal["yaml", "xlsx"]
RulesFormat = Literal["table", "json", "markdown"]  # `rules` also writes docs/rules.md


ListFormatOption = Annotated[ListFormat, typer.Option("--format", "-f")]
LangOption = Annotated[Lang, typer.Option("--lang")]
NoColorOption = Annotated[bool, typer.Option("--no-color")]
DebugOption = Annotated[bool, typer.Option("--debug")]
ConfigOption = Annotated[Path | None, _path_option("--config", metavar="FILE")]
NoConfigOption = Annotated[bool, typer.Option("--no-config")]
RulesOption = Annotated[list[Path] | None, _path_option("--rules", metavar="DIR")]
PackOption = Annotated[str | None, typer.Option("--pack", metavar="PACK")]
# Text, not Path: Path("") would be the working directory, and an empty argument must be refused instead.
PathsArgument = Annotated[list[str], typer.Argument(metavar="PATH", show_default=False)]
# check's: none with --staged-removals (git names the folders) or --settings-only (no report is read)
OptionalPathsArgument = Annotated[list[str] | None, typer.Argument(metavar="PATH", show_default=False)]


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


def _given(ctx: typer.Context, name: str) -> bool:
    """Whether the option was typed: an option typed wins over the config file's key, the key over the
    default."""
    source = ctx.get_parameter_source(name)  # click's enum (vendored by newer typer): compared by name
    return source is not None and source.name == "COMMANDLINE"


def _exit_configured(
    ctx: typer.Context,
    named: Path | None,
    lang: Lang,
    debug: bool,
    command: Callable[[Config, Lang], int],
    collect: bool = True,
    reads: tuple[str, ...] | None = None,
) -> None:
    """Run ``command`` with the config file's settings, the file ``--config`` names or the one found from the
    working directory (``settings.config``), none with ``--no-config``, and the run's language (``--lang``
    typed, else the file's ``lang``); exit with its status. ``check``, ``validate``, ``diff`` and
    ``template`` read the same file, found the same way: a team's ``packs`` or ``lang`` held for ``check``
    alone, and ``validate .`` read the pack's files as invalid reports. ``reads``: the keys the command
    reads (None: all, as ``check``); a wrong value of another is a warning, and the key passed over. A fatal
    error is traced to the file's key behind it (``settings.traced``: a ``packs`` entry that is no pack, or
    whose units a unit is not among; nothing the error is not about)."""

    def run() -> int:
        from zhijiao_check.errors import run_command
        from zhijiao_check.i18n import Translator
        from zhijiao_check.settings import config as settings

        # ``--no-config`` with ``--config`` is refused as the command line is read (``Command.parse_args``)
        unread = ctx.params.get("no_config", False)
        found = settings.Config() if unread else settings.read(named, Path.cwd(), tuple(Format))
        # The config file's language is that of every message from here on, the file's own problems
        # included (a team that writes lang = "en" reads its mistakes in English too).
        language = lang if _given(ctx, "lang") else found.lang or lang

        def configured() -> int:
            from zhijiao_check.errors import FatalError

            settings.tell_unread(found, Translator(language))
            if reads is not None:  # before a stop for a key it reads: all the file's mistakes are told
                passed = settings.passed_over(found, reads)
                settings.tell_passed_over(found, passed, str(ctx.info_name), Translator(language))
            settings.refuse_invalid(found, reads)
            try:
                return command(found, language)
            except FatalError as error:
                from zhijiao_check.settings.traced import traced

                taken = [
                    key for key, option in (("packs", "rules"), ("lang", "lang")) if not _given(ctx, option)
                ]
                if "formats" in ctx.params and not (_given(ctx, "formats") or _given(ctx, "outputs")):
                    taken.append(
                        "outputs"
                    )  # ``check`` writes the file's [[outputs]] when it is given neither
                raise traced(error, found, taken) from None

        return run_command(configured, Translator(language), debug)

    _exit(run, lang, debug, collect)


def _packs(ctx: typer.Context, rules: list[Path] | None, found: Config) -> list[Path]:
    """``--rules`` as typed, else the config file's ``packs``."""
    return list(rules or []) if _given(ctx, "rules") else list(found.packs)


def _color(no_color: bool) -> bool | None:
    """Colour on standard output: False none, True wherever it goes, a pipe too, None on a terminal. Forced
    by ``FORCE_COLOR`` set and not empty, whatever its value (force-color.org, as rich reads it): a CI log
    that shows colour asks for it so. ``--no-color``, ``NO_COLOR`` (no-color.org) and ``TERM=dumb`` win
    over it, as ``NO_COLOR`` wins in rich. A file written with ``--output`` is never coloured."""
    if no_color or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return True if os.environ.get("FORCE_COLOR") else None


def _version(value: bool) -> None:
    if value:
        if sys.stdout is None:  # ``--version >&-``: typer's echo would lose it and exit 0
            raise NowhereToWrite("cli.stdout-closed-version")
        typer.echo(f"zhijiao-check {__version__}")
        raise typer.Exit()


def _completion_shell(value: Any) -> str:
    """The shell ``--install-completion`` and ``--show-completion`` are for (the one running the tool, as
    typer finds it), refused in the command line's language when typer has no script for it: typer said
    "Shell sh is not supported." and exited 1, the status of a target not met."""
    from typer._completion_shared import _completion_scripts, _get_shell_name

    from zhijiao_check.cli_usage import ShellUnsupported

    shell = value if isinstance(value, str) else _get_shell_name()
    if shell not in _completion_scripts:
        raise ShellUnsupported(shell, tuple(_completion_scripts))
    return shell


def _install_completion(ctx: Any, param: Any, value: Any) -> Any:
    """``--install-completion``: typer's installing, said in the command line's language (typer's own
    words are English: "bash completion installed in …")."""
    if not value or ctx.resilient_parsing:
        return value
    from typer._completion_shared import install

    from zhijiao_check.cli_usage import language
    from zhijiao_check.i18n import Translator

    shell, path = install(shell=_completion_shell(value))
    said = Translator(language(getattr(ctx.find_root().command, "arguments", sys.argv[1:])))
    typer.echo(said("cli.completion-installed", shell=shell, file=path))
    raise typer.Exit()


def _show_completion(ctx: Any, param: Any, value: Any) -> Any:
    """``--show-completion``: typer's script, for a shell it has one for (``_completion_shell``)."""
    if not value or ctx.resilient_parsing:
        return value
    from typer.completion import show_callback

    return show_callback(ctx, param, _completion_shell(value))


_COMPLETION = {"install_completion": _install_completion, "show_completion": _show_completion}


@app.callback()
@_resolved
def main_callback(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
) -> None:
    return None  # the group's only option, --version, is eager and exits


@commands.command(cls=Command)
def check(
    ctx: typer.Context,
    paths: OptionalPathsArgument = None,
    formats: Annotated[list[Format] | None, typer.Option("--format", "-f", metavar="FORMAT")] = None,
    outputs: Annotated[list[Path] | None, _path_option("--output", "-o", metavar="FILE")] = None,
    lang: LangOption = "zh",
    strict: Annotated[bool, typer.Option("--strict/--no-strict", metavar="", show_default=False)] = False,
    select: Annotated[list[str] | None, typer.Option("--select", metavar="IDS")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", metavar="IDS")] = None,
    rules: RulesOption = None,
    pack: PackOption = None,
    previous: Annotated[list[Path] | None, _path_option("--previous", metavar="DIR")] = None,
    roster: Annotated[Path | None, _path_option("--roster", metavar="FILE")] = None,
    per_unit: Annotated[Path | None, _path_option("--per-unit", metavar="DIR")] = None,
    waivers: Annotated[Path | None, _path_option("--waivers", metavar="FILE")] = None,
    base_dir: Annotated[Path | None, _path_option("--base-dir", metavar="DIR")] = None,
    whole_year: Annotated[bool, typer.Option("--whole-year", metavar="")] = False,
    staged_removals: Annotated[bool, typer.Option("--staged-removals", metavar="")] = False,
    settings_only: Annotated[bool, typer.Option("--settings-only", metavar="")] = False,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", metavar="")] = False,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, metavar="N")] = None,
    no_color: NoColorOption = False,
    debug: DebugOption = False,
) -> None:
    from zhijiao_check.commands import check as command
    from zhijiao_check.files import input_paths

    if not paths and not staged_removals and not settings_only:
        # PATH is required unless the run asks git for its folders or reads no report: refused as click
        # refuses a missing argument
        from typer._click.exceptions import MissingParameter

        param = next(p for p in ctx.command.params if p.name == "paths")
        raise MissingParameter(ctx=ctx, param=param)  # type: ignore[arg-type]  # typer's own parameter

    def configured(found: Config, language: Lang) -> int:
        typed = command.CheckOptions(
            paths=input_paths(paths or []),
            outputs=command.pair_outputs(list(formats or []), outputs or []),
            lang=language,
            strict=strict,
            select=command.split_list(select or []),
            ignore=command.split_list(ignore or []),
            rules=list(rules or []),
            pack=pack,
            quiet=quiet,
            color=_color(no_color),
            previous=previous or [],
            roster=roster,
            per_unit=per_unit,
            waivers=waivers,
            jobs=jobs,
            base_dir=base_dir,
            whole_year=whole_year,
            staged_removals=staged_removals,
            settings_only=settings_only,
            no_config=no_config,
        )
        given = {name for name in ctx.params if _given(ctx, name)}
        return command.run(command.with_config(typed, given, found))

    _exit_configured(ctx, config, lang, debug, configured, collect=False)


@commands.command(cls=Command)
def validate(
    ctx: typer.Context,
    paths: PathsArgument,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = "table",
    output: Annotated[Path | None, _path_option("--output", "-o", metavar="FILE")] = None,
    lang: LangOption = "zh",
    rules: RulesOption = None,
    pack: PackOption = None,
    no_color: NoColorOption = False,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
    debug: DebugOption = False,
) -> None:
    from zhijiao_check.commands import validate as command
    from zhijiao_check.files import input_paths

    def configured(found: Config, language: Lang) -> int:
        return command.run(
            command.ValidateOptions(
                input_paths(paths),
                format if _given(ctx, "format") else None,  # else the output's name chooses (-o 变化.json)
                output,
                language,
                _packs(ctx, rules, found),
                pack,
                roster=found.roster,
                config=found.path,
                color=_color(no_color),  # of the progress bar of a long run
            )
        )

    _exit_configured(ctx, config, lang, debug, configured, reads=("lang", "packs", "roster"))


@commands.command(cls=Command)
def diff(
    ctx: typer.Context,
    old: Annotated[Path, _path_argument(metavar="OLD", show_default=False)],
    new: Annotated[Path, _path_argument(metavar="NEW", show_default=False)],
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = "table",
    output: Annotated[Path | None, _path_option("--output", "-o", metavar="FILE")] = None,
    lang: LangOption = "zh",
    rules: RulesOption = None,
    pack: PackOption = None,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
    debug: DebugOption = False,
) -> None:
    from zhijiao_check.commands import diff as command

    def configured(found: Config, language: Lang) -> int:
        packs = _packs(ctx, rules, found)
        options = command.DiffOptions(
            old,
            new,
            format if _given(ctx, "format") else None,
            output,
            language,
            packs,
            pack,
            found.roster,
            found.path,
        )
        return command.run(options)

    _exit_configured(ctx, config, lang, debug, configured, reads=("lang", "packs", "roster"))


@commands.command("rules", cls=Command)
def list_rules(
    lang: LangOption = "zh",
    format: Annotated[RulesFormat, typer.Option("--format", "-f")] = "table",
    rules: RulesOption = None,
    pack: PackOption = None,
    debug: DebugOption = False,
) -> None:
    from zhijiao_check.commands import catalogue

    _exit(lambda: catalogue.list_rules(lang, format, rules or [], pack), lang, debug)


@commands.command(cls=Command)
def explain(
    rule: Annotated[str, typer.Argument(metavar="RULE", show_default=False)],
    lang: LangOption = "zh",
    format: ListFormatOption = "table",
    rules: RulesOption = None,
    pack: PackOption = None,
    debug: DebugOption = False,
) -> None:
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
    from zhijiao_check.commands import catalogue

    _exit(lambda: catalogue.coverage(lang, format, rules or [], pack), lang, debug)


@commands.command(cls=Command)
def template(
    ctx: typer.Context,
    unit: Annotated[str, typer.Option("--unit", "-u", metavar="UNIT", show_default=False)],
    year: Annotated[int, typer.Option("--year", "-y", metavar="YEAR", show_default=False)],
    output: Annotated[Path | None, _path_option("--output", "-o", metavar="FILE")] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    format: Annotated[TemplateFormat | None, typer.Option("--format", "-f")] = None,
    prefill: Annotated[Path | None, _path_option("--from", metavar="REPORT")] = None,
    schema: Annotated[str | None, typer.Option("--schema", metavar="SCHEMA")] = None,
    lang: LangOption = "zh",
    rules: RulesOption = None,
    pack: PackOption = None,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
    debug: DebugOption = False,
) -> None:
    from zhijiao_check.commands import template as command

    chosen = format or ("xlsx" if output is not None and output.suffix.lower() == ".xlsx" else "yaml")

    def configured(found: Config, language: Lang) -> int:
        packs = _packs(ctx, rules, found)
        options = command.TemplateOptions(
            unit, year, output, language, packs, schema, force, pack, chosen, prefill, found.path
        )
        return command.run(options)

    # what it used is said on success (``tell_config``); on failure, the config's setting behind it, if any
    _exit_configured(ctx, config, lang, debug, configured, reads=("lang", "packs"))


@commands.command(cls=Command)
def convert(
    source: Annotated[Path, _path_argument(metavar="IN", show_default=False)],
    output: Annotated[Path, _path_option("--output", "-o", metavar="FILE", show_default=False)],
    force: Annotated[bool, typer.Option("--force")] = False,
    lang: LangOption = "zh",
    rules: RulesOption = None,
    pack: PackOption = None,
    debug: DebugOption = False,
) -> None:
    from zhijiao_check.commands import convert as command

    options = command.ConvertOptions(source, output, force, lang, rules or [], pack)
    _exit(lambda: command.run(options), lang, debug)


@commands.command(cls=Command)
def schema(
    output: Annotated[Path | None, _path_option("--output", "-o", metavar="FILE")] = None,
    lang: LangOption = "zh",
    rules: RulesOption = None,
    pack: PackOption = None,
    debug: DebugOption = False,
) -> None:
    from zhijiao_check.commands import schema as command

    options = command.SchemaOptions(output, lang, rules or [], pack)
    _exit(lambda: command.run(options), lang, debug)


def main() -> None:
    try:
        app()
    except SystemExit:
        raise
    except BaseException as error:  # noqa: BLE001 - a bug in argument handling itself: one line, exit 3
        from zhijiao_check.status import ExitCode, stopped

        if isinstance(error, KeyboardInterrupt):
            sys.exit(stopped(error))
        print(_internal_error(error), file=sys.stderr)
        sys.exit(ExitCode.INTERNAL)


def _internal_error(error: BaseException) -> str:
    """The one line for a bug outside a command's run (``errors.run_command`` tells those), in the language
    the command line asks for; in plain English if telling it fails too: the catalogue may be what broke."""
    said = f"{type(error).__name__}: {error}"
    try:
        from zhijiao_check.characters import escaped
        from zhijiao_check.cli_usage import language
        from zhijiao_check.i18n import Translator

        return Translator(language(sys.argv[1:]))("cli.internal-error-outside", error=escaped(said))
    except Exception:  # noqa: BLE001 - whatever broke, the bug is still told, on one line
        return "zhijiao-check: internal error: " + said.encode("unicode_escape").decode("ascii")
