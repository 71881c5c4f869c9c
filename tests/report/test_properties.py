"""Whatever a county's file holds, loading it gives a value, and every error is located and can be said."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhijiao_check.report import InvalidReport, ReportFile, load_report

from .helpers import COUNTY, EN, UNITS, ZH

LINES = COUNTY.read_text(encoding="utf-8").splitlines(keepends=True)
HOSTILE_VALUES = [
    '"3,120"',
    '"2.5万"',
    '"50%"',
    "~",
    "",
    "[1, 2]",
    "{a: 1}",
    "-1",
    "3.5",
    "true",
    "2023-01-01",
    "是",
    "!!python/object/apply:os.system [ls]",
    "&a 1",
    "*a",
    "'",
    "[",
    "{",
    "\t1",
    ".nan",
    "1e999",
    "0x1F",
    '"' + "9" * 40 + '"',
    "null",
    "|\n  text",
    ">-",
    "? [a]",
    "<<: {a: 1}",
    "--- ",
    "%YAML 1.1",
]
# Control characters have their own test; here they would only hide the other mutations.
text_piece = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        key, colon, _value = line.partition(":")
        action = draw(st.sampled_from(["delete", "duplicate", "retype", "rename", "insert"]))
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, line)
        elif action == "retype" and colon:
            lines[index] = f"{key}: {draw(st.sampled_from(HOSTILE_VALUES))}\n"
        elif action == "rename" and colon:
            lines[index] = f"{key[: len(key) - len(key.lstrip())]}{draw(text_piece)}:{_value}"
        elif action == "insert":
            lines.insert(index, draw(text_piece) + "\n")
    text = "".join(lines)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    return text


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutated())
def test_mutated_reports_never_raise_and_every_error_is_located(tmp_path: Path, text: str) -> None:
    path = tmp_path / "mutated.yaml"
    path.write_bytes(text.encode("utf-8", errors="replace"))
    result = load_report(path, UNITS, display="mutated.yaml")
    assert isinstance(result, (ReportFile, InvalidReport))
    problems = result.problems if isinstance(result, InvalidReport) else result.warnings
    if isinstance(result, InvalidReport):
        assert any(problem.severity == "error" for problem in problems)
    for problem in problems:
        assert problem.line is not None and problem.column is not None, problem
        assert problem.file == "mutated.yaml"
        assert problem.message(ZH) and problem.message(EN)  # every parameter its message needs is there
