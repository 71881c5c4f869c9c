"""``factory.invoke``, which every in-process run of the command line goes through: a bug the command hits
fails the test that ran it, whatever the test itself asserts (an exit status of 1 or 2 is no proof)."""

from __future__ import annotations

import sys
import traceback

import pytest
from factory import SAMPLES, invoke

import zhijiao_check.engine.evaluate as engine
from zhijiao_check import cli

DONGAN = SAMPLES / "2023" / "dongan.yaml"  # three targets fail: exit 1


def _broken(*args: object, **kwargs: object) -> None:
    raise RuntimeError("boom")


def test_a_run_with_no_bug_is_returned_as_it_ended() -> None:
    result = invoke("check", DONGAN, "-q")
    assert result.exit_code == 1 and "东安县" in result.stdout


def test_an_internal_error_fails_a_test_that_does_not_expect_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "evaluate", _broken)
    with pytest.raises(AssertionError, match="exit 3, an internal error:\n.*RuntimeError: boom"):
        invoke("check", DONGAN)
    assert invoke("check", DONGAN, internal_error=True).exit_code == 3


def test_the_traceback_debug_prints_fails_a_test_that_does_not_expect_an_internal_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine, "evaluate", _broken)
    with pytest.raises(AssertionError, match="a traceback was printed:\n"):
        invoke("check", DONGAN, "--debug")
    result = invoke("check", DONGAN, "--debug", internal_error=True)  # the test of --debug itself
    assert result.exit_code == 3 and "Traceback" in result.stderr


def test_a_traceback_printed_by_a_run_that_carries_on_fails_the_test(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stray ``traceback.print_exc()``: the run ends as it would (exit 1), a traceback on standard
    error."""
    evaluate = engine.evaluate

    def printing(*args: object, **kwargs: object) -> object:
        try:
            _broken()
        except RuntimeError:
            traceback.print_exc(file=sys.stderr)
        return evaluate(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "evaluate", printing)
    with pytest.raises(AssertionError, match="a traceback was printed:\n"):
        invoke("check", DONGAN, "-q")


def test_an_expected_internal_error_that_does_not_happen_fails_the_test() -> None:
    with pytest.raises(AssertionError, match="exit 1, not 3"):
        invoke("check", DONGAN, "-q", internal_error=True)


def test_an_exception_that_escapes_the_command_fails_the_test(monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside a command's own guard (``cli._exit``), an exception reaches CliRunner, which keeps it and
    says exit 1, the status of a target not met."""
    monkeypatch.setattr(cli, "_exit", _broken)
    with pytest.raises(AssertionError, match="an exception escaped the command:\n(.|\n)*RuntimeError: boom"):
        invoke("check", DONGAN)
