"""The one fatal-error type and the handler that turns errors into messages and exit codes
(``status.ExitCode``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from zhijiao_check.i18n import Translator
from zhijiao_check.problems import Problem
from zhijiao_check.processes import WorkerLost
from zhijiao_check.status import ExitCode


class FatalError(Exception):
    """Stops the command with exit status 2: bad usage, an invalid rule pack, an unwritable output.

    ``code`` names a message ``cli.<code>``; ``problems`` are listed after it.
    """

    def __init__(self, code: str, problems: Sequence[Problem] = (), **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params
        self.problems = tuple(problems)


def run_command(command: Callable[[], int], tr: Translator, debug: bool = False) -> int:
    """Run a command function; every error a user can cause becomes a message, never a traceback."""
    try:
        return command()
    except FatalError as error:
        print(tr(f"cli.{error.code}", **error.params), file=sys.stderr)
        for problem in error.problems:
            print(problem.report_line(tr, severity=False), file=sys.stderr)
        return ExitCode.INVALID
    except KeyboardInterrupt:
        print(tr("cli.interrupted"), file=sys.stderr)
        return ExitCode.INTERRUPTED
    except WorkerLost:  # the machine's state, as a full temporary folder is
        print(tr("cli.worker-lost"), file=sys.stderr)
        return ExitCode.INVALID
    except BrokenPipeError:
        return ExitCode.OK
    except Exception as error:  # noqa: BLE001 - a bug: one line, the traceback only with --debug
        if debug:
            import traceback

            traceback.print_exc()
        print(tr("cli.internal-error", error=f"{type(error).__name__}: {error}"), file=sys.stderr)
        return ExitCode.INTERNAL
