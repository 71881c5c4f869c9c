"""The one fatal-error type and the handler that turns errors into messages and exit codes
(``status.ExitCode``).
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext

from zhijiao_check.forked import WorkerLost
from zhijiao_check.i18n import Translator
from zhijiao_check.problems import Problem, quoted
from zhijiao_check.status import ExitCode, by_signal, stopped
from zhijiao_check.terminal import WINDOWS
from zhijiao_check.wording import Wording, msg


class FatalError(Exception):
    """Stops the command with exit status 2: bad usage, an invalid rule pack, an unwritable output, a request
    a command cannot serve (``template`` for an unknown unit, an output that exists without ``--force``).

    ``code`` names a message ``<area>.<code>`` (``cli.`` unless ``area`` says another catalogue: ``input.``
    for a command's refusals); ``problems`` are listed after it.
    """

    def __init__(
        self, code: str, problems: Sequence[Problem] = (), *, area: str = "cli", **params: object
    ) -> None:
        super().__init__(code)
        self.code = code
        self.area = area
        self.params = params
        self.problems = tuple(problems)
        # The pack folder (as shown) whose reporting units the error is about (``template`` for a unit that
        # pack does not know), set where that is so: traced to the config file's ``packs`` entry that chose
        # that pack (``settings.traced``), and to nothing else.
        self.units_from: str | None = None


def run_command(command: Callable[[], int], tr: Translator, debug: bool = False) -> int:
    """Run a command function; every error a user can cause becomes a message, never a traceback. A cache
    folder the user named and the run passed over is told after it (``tell_unused_cache``)."""
    status = _run(command, tr, debug)
    if not by_signal(status):
        tell_unused_cache(tr)
    return status


def tell_unused_cache(tr: Translator) -> None:
    """One line on standard error when the run passed over the cache folder ``ZHIJIAO_CHECK_CACHE`` names,
    since others may write to it (``caching``): named on purpose, it went unused in silence, every run
    reading and checking the rule files again. Standard error only: a JSON, JUnit or SARIF result on
    standard output stays whole. The tool's own folder, made the user's alone by itself, is never told."""
    from zhijiao_check.caching import unused_chosen
    from zhijiao_check.characters import escaped, user_text

    unused = unused_chosen()
    if unused is None:
        return
    folder, why = unused
    with marking_on_stderr():
        print(tr(f"cli.cache-unused-{why}", folder=user_text(escaped(str(folder)))), file=sys.stderr)


def _run(command: Callable[[], int], tr: Translator, debug: bool) -> int:
    try:
        return command()
    except FatalError as error:
        # a value the user typed, quoted back as a report's values are: shortened (``explain`` of 100,000
        # characters), escaped (``template --unit $'\e[31m…'``: an escape sequence shown, not sent)
        # On a terminal whose glyphs standard error replaces (``entry.Folded``: ``√`` is ``+`` on a GBK
        # console), the user's text in the message is marked: shown as typed, or escaped, never as a glyph
        # of the tool's (a file named ``报表√.yaml`` was ``报表+.yaml``).
        with marking_on_stderr():
            params = {name: quoted(v, tr) for name, v in error.params.items()}
            print(tr(f"{error.area}.{error.code}", **params), file=sys.stderr)
            tell_problems(error.problems, tr, severity=False)
        return ExitCode.INVALID
    except KeyboardInterrupt as error:  # Ctrl-C, or SIGTERM or SIGHUP (``status.Stopped``)
        print(tr("cli.interrupted"), file=sys.stderr)
        return stopped(error)
    except WorkerLost:  # the machine's state, as a full temporary folder is
        print(tr("cli.worker-lost"), file=sys.stderr)
        return ExitCode.INVALID
    except BrokenPipeError:
        return ExitCode.OK
    except Exception as error:  # noqa: BLE001 - a bug: one line, the traceback only with --debug
        if debug:
            import traceback

            traceback.print_exc()
        from zhijiao_check.characters import escaped  # one line, whatever the error's text holds

        print(tr("cli.internal-error", error=escaped(f"{type(error).__name__}: {error}")), file=sys.stderr)
        return ExitCode.INTERNAL


def marking_on_stderr() -> AbstractContextManager[None]:
    """A user's text marked (``characters.marking_user_text``) while standard error is one that takes the
    marks out (``entry.Folded``); on a file or a pipe, which gets UTF-8 and no fallback, none."""
    from zhijiao_check.characters import marking_user_text

    return marking_user_text() if getattr(sys.stderr, "takes_user_marks", False) else nullcontext()


def tell_problems(problems: Iterable[Problem], tr: Translator, severity: bool = True) -> None:
    """Problems on standard error: a line each (``file:line:col: error: path: message``) for a log or an
    editor; on a terminal each place over its message (``Problem.report_line``'s ``folded``)."""
    from zhijiao_check.terminal import stderr_is_tty

    folded = stderr_is_tty()
    for problem in problems:
        print(problem.report_line(tr, severity, folded), file=sys.stderr)


# Why a file could not be written, in the user's language where the system's reason is a common one: the
# system words it in English whatever the tool's language (``Is a directory``).
_WRITE_REASONS = {
    errno.EISDIR: "cli.os-is-a-directory",
    errno.ENOENT: "cli.os-no-such-path",
    errno.ENOTDIR: "cli.os-not-a-folder",
    errno.EEXIST: "cli.os-not-a-folder",  # only from making the output's folders (mkstemp tries other names)
    errno.EACCES: "cli.os-permission-denied",
    errno.EPERM: "cli.os-permission-denied",
    errno.ENOSPC: "cli.os-disk-full",
    errno.EDQUOT: "cli.os-disk-full",
    errno.EROFS: "cli.os-read-only",
    errno.ENAMETOOLONG: "cli.os-name-too-long",
    errno.EIO: "cli.os-io-error",  # a USB stick pulled out, a network share dropped, a failing disk
}


def os_reason(error: BaseException) -> Wording:
    """Why writing failed: a message of the tool's for a common system error, else the system's own words."""
    number = error.errno if isinstance(error, OSError) else None
    # On Windows a file open in Excel or WPS cannot be replaced, and the system says "permission denied" (a
    # sharing violation): the commonest reason a county's results workbook cannot be written there.
    if WINDOWS and number in (errno.EACCES, errno.EPERM):
        return msg("cli.os-in-use-or-denied")
    key = _WRITE_REASONS.get(number or 0)
    if key is not None:
        return msg(key)
    said = (error.strerror if isinstance(error, OSError) else None) or str(error)
    name = errno.errorcode.get(number or 0)
    # a rarer error: the system's own words (English on Linux, the console's language on Windows), framed in
    # the user's language with the error's name, which a search or an administrator knows it by
    return said if name is None else msg("cli.os-other", name=name, said=said)
