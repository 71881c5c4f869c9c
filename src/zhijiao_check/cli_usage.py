"""A command line the tool cannot take, told in the user's language: an unknown option, a value refused, an
argument missing or left over. Exit status 2, as for any bad usage (cli.md).

typer words these itself, in English, in a box, whatever ``--lang`` says. The command group runs the command
line without typer's own error handling (``cli.BarePathRunsCheck.main``) and hands each usage error here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

from typer import Abort
from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
)

from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.status import ExitCode


class ValueRefused(BadParameter):
    """typer's refusal of a value, with the value as given (``cli_values.Lazy``): the message names it."""

    def __init__(self, refusal: BadParameter, given: Any) -> None:
        super().__init__(refusal.message, refusal.ctx, refusal.param, refusal.param_hint)
        self.given = given


class ExtraArguments(UsageError):
    """Arguments left over once the command has taken all it takes (``cli.Command.parse_args``)."""

    def __init__(self, arguments: Sequence[str], ctx: Any) -> None:
        super().__init__(f"Got unexpected extra argument(s) ({' '.join(arguments)})", ctx)
        self.arguments = tuple(arguments)


class OutputTwice(UsageError):
    """``--output`` given twice to a command that writes one file: click would keep the last."""

    def __init__(self, files: Sequence[str], ctx: Any) -> None:
        super().__init__(f"--output given {len(files)} times", ctx)
        self.files = tuple(files)


class OutputFolder(UsageError):
    """An ``--output`` that ends in a slash: a folder's name, where a file's is needed."""

    def __init__(self, file: str, ctx: Any) -> None:
        super().__init__(f"--output {file} names a folder", ctx)
        self.file = file


class OutputEmpty(UsageError):
    """An ``--output ""`` (an unset variable): ``Path("")`` is the working directory, told as a folder."""

    def __init__(self, ctx: Any) -> None:
        super().__init__("--output is empty", ctx)


class ShellUnsupported(UsageError):
    """``--install-completion`` or ``--show-completion`` in a shell typer has no script for (``None``: no
    shell was found); ``shells``: those it has."""

    def __init__(self, shell: str | None, shells: tuple[str, ...]) -> None:
        super().__init__(f"no completion for the shell {shell}")  # no context: the usage is not what is wrong
        self.shell = shell
        self.shells = shells


class PathEmpty(UsageError):
    """Another file or folder typed as ``""``: ``option`` names the option (``--config``) or the argument
    (``OLD``)."""

    def __init__(self, option: str, ctx: Any) -> None:
        super().__init__(f"{option} is empty", ctx)
        self.option = option


class BaseDirEmpty(UsageError):
    """A ``--base-dir ""`` (an unset variable): ``Path("")`` is the working directory, taken silently."""

    def __init__(self, ctx: Any) -> None:
        super().__init__("--base-dir is empty", ctx)


class ConfigAndNoConfig(UsageError):
    """``--config FILE`` and ``--no-config`` together: one says which file to read, the other to read none."""

    def __init__(self, ctx: Any) -> None:
        super().__init__("--config and --no-config given together", ctx)


class StagedAndSettingsOnly(UsageError):
    """``check --staged-removals --settings-only``: the first checks the years a commit takes a report out of,
    the second reads no report; together the run said it would check reports/2023 and read only the settings
    (exit 0), and a hook given both passed every deletion."""

    def __init__(self, ctx: Any) -> None:
        super().__init__("--staged-removals and --settings-only given together", ctx)


class SettingsOnlyOutput(UsageError):
    """``check --settings-only`` with ``--output``/``--format`` typed: no report is read, so nothing is
    written; the file asked for was silently not made (exit 0). ``typed``: the option and its value as
    given (``-o out.json``)."""

    def __init__(self, typed: str, ctx: Any) -> None:
        super().__init__(f"--settings-only with {typed}", ctx)
        self.typed = typed


class UnknownCommand(UsageError):
    """A first argument that is neither a file nor a folder, but close to a command's name (``valdiate``)."""

    def __init__(self, name: str, possibilities: Sequence[str], ctx: Any) -> None:
        super().__init__(f"No such command or file: {name}", ctx)
        self.name = name
        self.possibilities = tuple(possibilities)


def mistyped_command(first: str, commands: Sequence[str], ctx: Any) -> None:
    """Refuse ``first``, which names no file or folder (the caller has looked), as a mistyped command when it
    is close to a command's name: ``zhijiao-check valdiate x.yaml`` would otherwise check ``x.yaml``, and say
    ``valdiate`` is no path. A path's shape (a separator, a suffix) or an option is left alone."""
    if first.startswith("-") or os.sep in first or "/" in first or "." in first:
        return
    import difflib  # here: only a first argument that names no file gets this far

    close = difflib.get_close_matches(first.lower(), commands, n=3, cutoff=0.6)
    if close:
        raise UnknownCommand(first, close, ctx)


def told(error: UsageError | Abort, args: Sequence[str]) -> int:
    """Print ``error`` to standard error in the language ``args`` ask for; its exit status. ``Abort``: input
    ended or was interrupted at a prompt (``EOFError``), told as Ctrl-C is told."""
    tr = Translator(language(args))
    if isinstance(error, Abort):
        print(tr("cli.interrupted"), file=sys.stderr)
        return ExitCode.INTERRUPTED
    if isinstance(error, NoArgsIsHelpError):  # the help, which click has printed already
        return ExitCode.INVALID
    from zhijiao_check.characters import escaped
    from zhijiao_check.errors import marking_on_stderr

    # What was typed, said back: a control character in it (an escape sequence) is shown, not sent. On a
    # terminal whose glyphs standard error replaces (``entry.Folded``: ``√`` is ``+`` on a GBK console), the
    # user's text is marked as a fatal error marks it (``errors.run_command``): shown as typed, or escaped
    # where the console's encoding lacks it (``-j x√`` was told as "x+", a value never typed).
    with marking_on_stderr():
        said = message(error, tr)
    print("\n".join(escaped(line) for line in said.split("\n")), file=sys.stderr)
    if error.ctx is not None:
        print(tr("cli.usage-help", command=error.ctx.command_path), file=sys.stderr)
    return ExitCode.INVALID


def language(args: Sequence[str]) -> Lang:
    """The ``--lang`` of a command line that may not parse: the last one given before ``--``, if it is
    ``en``. A config file's ``lang`` is not read: which config file is meant is itself on the command line."""
    lang = "zh"
    for at, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and at + 1 < len(args):
            lang = args[at + 1]
        elif arg.startswith("--lang="):
            lang = arg[len("--lang=") :]
    return "en" if lang == "en" else "zh"


def message(error: UsageError, tr: Translator) -> str:
    """What went wrong, and what to write instead where the error says."""
    if isinstance(error, NoSuchOption):
        close, option = _close_options(error), _typed(error.option_name)
        if close:
            return tr("cli.usage-no-such-option-maybe", option=option, maybe=tr.join(close))
        return tr("cli.usage-no-such-option", option=option)
    if isinstance(error, BadOptionUsage):
        option = _option_named(error, error.option_name)
        if option is not None and getattr(option, "is_flag", False):
            return tr("cli.usage-switch-with-value", option=error.option_name)
        return tr("cli.usage-needs-value", option=error.option_name)
    if isinstance(error, MissingParameter) and error.param is not None:
        if error.param.param_type_name == "argument":
            return tr("cli.usage-missing-argument", name=_name(error.param))
        return tr("cli.usage-missing-option", name=_name(error.param))
    if isinstance(error, ValueRefused):
        return _refused(error, tr)
    if isinstance(error, UnknownCommand):
        maybe = tr.join(f"zhijiao-check {name}" for name in error.possibilities)
        return tr("cli.usage-no-such-command", name=_typed(error.name), maybe=maybe)
    if isinstance(error, ExtraArguments):
        return tr("cli.usage-extra-arguments", arguments=_typed(" ".join(error.arguments)))
    if isinstance(error, OutputTwice):
        command = error.ctx.command_path if error.ctx is not None else "zhijiao-check"
        return tr("cli.usage-output-twice", command=command, files=tr.join(map(_typed, error.files)))
    if isinstance(error, OutputFolder):
        return tr("cli.usage-output-folder", file=_typed(error.file))
    if isinstance(error, OutputEmpty):
        return tr("cli.usage-output-empty")
    if isinstance(error, BaseDirEmpty):
        return tr("cli.usage-base-dir-empty")
    if isinstance(error, ShellUnsupported):
        shells = tr.join(error.shells)
        if error.shell is None:
            return tr("cli.usage-shell-unknown", shells=shells)
        return tr("cli.usage-shell-unsupported", shell=_typed(error.shell), shells=shells)
    if isinstance(error, PathEmpty):
        return tr("cli.usage-path-empty", option=error.option)
    if isinstance(error, ConfigAndNoConfig):
        return tr("cli.usage-config-and-no-config")
    if isinstance(error, StagedAndSettingsOnly):
        return tr("cli.usage-staged-and-settings-only")
    if isinstance(error, SettingsOnlyOutput):
        return tr("cli.usage-settings-only-output", typed=_typed(error.typed))
    # click's own words, ASCII but for what the user typed in them: shown whole as typed
    return tr("cli.usage-other", reason=_typed(error.format_message()))


def _close_options(error: NoSuchOption) -> list[str]:
    """The options meant by an unknown one, the closest first: ``--format json`` for ``--json``; else the
    command's options whose names, without their dashes, are close (click compares them with the dashes,
    which made ``--bogus`` look like ``--jobs``)."""
    if error.ctx is None:
        return list(error.possibilities or ())
    bare = error.option_name.lstrip("-")
    params = error.ctx.command.params
    for param in params:
        choices = getattr(getattr(param, "type_descriptor", None), "choices", None) or ()
        if "--format" in getattr(param, "opts", ()) and bare in choices:
            return [f"--format {bare}"]
    names = [
        o[2:] for p in params for o in (*p.opts, *getattr(p, "secondary_opts", ())) if o.startswith("--")
    ]
    import difflib  # here: only an unknown option gets this far

    return [f"--{name}" for name in difflib.get_close_matches(bare, names)]


def _refused(error: ValueRefused, tr: Translator) -> str:
    """A value the option does not take, and what it takes: one of its choices, or a whole number."""
    param = error.param
    named = {"option": _name(param), "given": _typed(str(error.given))}
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is not None and descriptor.choices:
        return tr("cli.usage-not-a-choice", choices=tr.join(descriptor.choices), **named)
    info = getattr(descriptor, "parameter_info", None)
    if getattr(descriptor, "annotation", None) is int and info is not None and info.max is None:
        if info.min is None:
            return tr("cli.usage-not-a-number", **named)
        return tr("cli.usage-not-a-count", least=info.min, **named)
    return tr("cli.usage-bad-value", reason=_typed(error.message), **named)


def _typed(text: str) -> str:
    """Text of the user's in a usage error, escaped (a line break in a value, ``-j $'1\\n2'``, is no second
    line of the message) and marked as theirs (``characters.user_text``)."""
    from zhijiao_check.characters import escaped, user_text

    return user_text(escaped(text))


def _name(param: Any) -> str:
    """``--jobs / -j`` for an option, ``PATH...`` for an argument (``...``: it takes several)."""
    if param is None:
        return ""
    if getattr(param, "param_type_name", "") == "argument":
        return str(param.metavar or param.name.upper()) + ("..." if param.nargs != 1 else "")
    return " / ".join(param.opts)


def _option_named(error: UsageError, name: str) -> Any:
    if error.ctx is None:
        return None
    return next((p for p in error.ctx.command.params if name in getattr(p, "opts", ())), None)
