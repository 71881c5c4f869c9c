"""Standard error that cannot be written (``2>/dev/full``, closed): the run's exit status is the one it
meant. A failed ``print`` of the error message raised in the middle of telling the error, and Python ended
with status 1, which says "a rule failed", where the run meant 2 (bad usage, an unwritable output) or 3 (a
bug). With standard error closed, messages went to standard output, into the run's result."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import HANG, SAMPLE, command, environment

pytestmark = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")

# The console script with ``schema``'s work replaced by a bug: an internal error on demand.
BROKEN = (
    "import sys; from zhijiao_check.commands import schema; "
    "schema.run = lambda options: 1 / 0; "
    "sys.argv[0] = 'zhijiao-check'; from zhijiao_check.entry import main; main()"
)


def run_with_stderr_full(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    with open("/dev/full", "wb") as full:
        return subprocess.run(
            argv, cwd=cwd, stdout=subprocess.PIPE, stderr=full, env=environment(), timeout=HANG, check=False
        )


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (("check", "dongan.yaml", "-o", "/dev/full"), 2),  # the output cannot be written either
        (("check", "--bogus"), 2),
        (("check", "dongan.yaml", "--lang", "en", "-o", "out.json", "-f", "json"), 1),  # a rule failed
        (("template", "--unit", "东安县", "--year", "1900"), 2),  # refused by the command itself
    ],
)
def test_the_exit_status_stands_when_standard_error_is_full(
    tmp_path: Path, args: tuple[str, ...], status: int
) -> None:
    (tmp_path / "dongan.yaml").write_bytes(SAMPLE.read_bytes())
    done = run_with_stderr_full(command(*args), tmp_path)
    assert done.returncode == status


def test_an_internal_error_is_3_when_standard_error_is_full(tmp_path: Path) -> None:
    argv = [sys.executable, "-c", BROKEN, "schema"]
    with_stderr = subprocess.run(argv, capture_output=True, env=environment(), timeout=HANG, check=False)
    assert with_stderr.returncode == 3 and b"ZeroDivisionError" in with_stderr.stderr  # the bug, as meant
    assert run_with_stderr_full(argv, tmp_path).returncode == 3


def test_with_standard_error_closed_messages_stay_out_of_standard_output(tmp_path: Path) -> None:
    (tmp_path / "dongan.yaml").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "daoxian.yaml").write_text("not: a report\n", encoding="utf-8")
    closed = ["/bin/sh", "-c", 'exec "$@" 2>&-', "sh"]
    for args, status in ((("check", "--bogus"), 2), (("check", ".", "-f", "json"), 2)):
        done = subprocess.run(
            [*closed, *command(*args)],
            cwd=tmp_path,
            capture_output=True,
            env=environment(),
            timeout=HANG,
            check=False,
        )
        assert done.returncode == status
        if "json" in args:
            assert json.loads(done.stdout)["exit_code"] == 2  # the result alone, no message before it
        else:
            assert done.stdout == b""
