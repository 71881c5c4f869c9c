"""Running the installed ``zhijiao-check`` as a separate process, as a user would: on a pipe or a real
terminal (a pseudo-terminal), with a closed or full standard output, as root or as an unprivileged user.

In-process runs (``CliRunner``) cannot show these: they replace the streams the program writes to.
"""

from __future__ import annotations

import hashlib
import os
import pwd
import select
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "2023" / "dongan.yaml"  # a valid county report that fails three rules: exit 1
# Never a measure of speed (benchmarks/ does that): only so that a hang fails the test instead of the suite.
HANG = 30


@dataclass(frozen=True)
class Done:
    code: int
    out: bytes
    err: str

    @property
    def text(self) -> str:
        return self.out.decode("utf-8")


def command(*args: object) -> list[str]:
    return [
        sys.executable,
        "-m",
        "zhijiao_check",
        *(os.fsdecode(a) if isinstance(a, bytes) else str(a) for a in args),
    ]


def environment(**extra: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "PYTHONIOENCODING", "TERM")
    }
    env.update(extra)
    return env


def run(
    *args: object,
    cwd: Path | None = None,
    stdin: bytes | None = None,
    user: str | None = None,
    stdout: int | None = subprocess.PIPE,
    env: dict[str, str] | None = None,
) -> Done:
    """The program on pipes (``stdout`` may be a file descriptor instead); ``user`` runs it as that user."""
    argv = command(*args)
    if user is not None:
        argv = [*as_user(user), *argv]
    done = subprocess.run(
        argv,
        cwd=cwd,
        input=stdin if stdin is not None else b"",
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=env or environment(),
        timeout=HANG,
        check=False,
    )
    err = done.stderr.decode("utf-8", errors="replace")
    assert "Traceback" not in err, err
    assert done.returncode != 3, err
    return Done(done.returncode, done.stdout or b"", err)


def run_on_terminal(*args: object, cwd: Path | None = None, env: dict[str, str] | None = None) -> Done:
    """The program with its standard output on a pseudo-terminal (``isatty()`` is true), stderr on a pipe."""
    code, shown, other = on_terminal(command(*args), "stdout", cwd, env or environment())
    err = other.decode("utf-8", errors="replace")
    assert "Traceback" not in err, err
    assert code != 3, err
    return Done(code, shown, err)


def on_terminal(
    argv: list[str], stream: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> tuple[int, bytes, bytes]:
    """``argv`` with ``stream`` (``stdout`` or ``stderr``) on a pseudo-terminal and the other on a pipe: its
    exit status, what the terminal showed (each ``\r\n`` the terminal made back to ``\n``), what the pipe
    got."""
    import pty

    master, slave = pty.openpty()
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, stream: slave}
    try:
        process = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, env=env, **pipes)
        os.close(slave)
        chunks = []
        while True:
            ready, _, _ = select.select([master], [], [], HANG)
            if not ready:
                process.kill()
                raise AssertionError("no output from the terminal run")
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the other side closed: the program has ended
                break
            if not chunk:
                break
            chunks.append(chunk)
        piped = process.stderr if stream == "stdout" else process.stdout
        other = piped.read() if piped else b""
        code = process.wait(HANG)
    finally:
        os.close(master)
    return code, b"".join(chunks).replace(b"\r\n", b"\n"), other


def unprivileged_user() -> str:
    """A user for whom file permissions count (root passes them all), or the test is skipped saying why."""
    if os.geteuid() != 0:
        return pwd.getpwuid(os.geteuid()).pw_name
    if not shutil.which("setpriv"):
        pytest.skip("running as root and setpriv (util-linux) is missing: cannot drop privileges")
    try:
        pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("running as root and there is no user 'nobody' to drop privileges to")
    return "nobody"


def as_user(user: str) -> list[str]:
    if os.geteuid() != 0 or user == pwd.getpwuid(os.geteuid()).pw_name:
        return []
    entry = pwd.getpwnam(user)
    return ["setpriv", f"--reuid={entry.pw_uid}", f"--regid={entry.pw_gid}", "--clear-groups", "--"]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
