"""``validate --format json``: machine-readable problems (file, line, column, path, code, severity,
message).
"""

from __future__ import annotations

import json
from pathlib import Path

from .helpers import COUNTY, county_text, line_of, run_cli, validate_json, write

PROBLEM_KEYS = {"file", "line", "column", "path", "code", "severity", "message"}


def test_shape_of_an_invalid_report(tmp_path: Path) -> None:
    text = county_text(("    teachers: 110\n", "    teachers: 110人\n"))
    path = write(tmp_path, "r.yaml", text)
    code, document = validate_json(path)
    assert code == 2 and set(document) == {"files", "problems", "exit_code"} and document["exit_code"] == 2
    assert document["files"] == [{"file": str(path), "valid": False}]
    (problem,) = document["problems"]
    assert set(problem) == PROBLEM_KEYS
    assert problem == {
        "file": str(path),
        "line": line_of(text, "110人"),
        "column": 15,
        "path": "schools[0].teachers",
        "code": "number-with-unit",
        "severity": "error",
        "message": problem["message"],
    }
    assert "请写 110" in problem["message"]


def test_a_valid_report(tmp_path: Path) -> None:
    code, document = validate_json(COUNTY)
    assert (code, document) == (
        0,
        {"files": [{"file": str(COUNTY), "valid": True}], "problems": [], "exit_code": 0},
    )


def test_english_messages_and_output_file(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", county_text(("    teachers: 110\n", "    teachers: -1\n")))
    output = tmp_path / "problems.json"
    result = run_cli("validate", path, "--format", "json", "--lang", "en", "--output", output)
    assert result.exit_code == 2 and result.stdout == ""
    (problem,) = json.loads(output.read_text(encoding="utf-8"))["problems"]
    assert problem["message"] == "found -1: must be 0 or more"


def test_warnings_are_listed_with_severity_warning_and_do_not_fail(tmp_path: Path) -> None:
    text = county_text(("    appropriation_per_student: 11200", "    appropriation_per_student: 1.12"))
    code, document = validate_json(write(tmp_path, "r.yaml", text.encode("gb18030")))
    assert code == 0
    found = [(p["severity"], p["code"], p["line"]) for p in document["problems"]]
    assert found == [
        ("warning", "encoding-gb18030", 1),
        ("warning", "appropriation-out-of-range", line_of(text, "1.12")),
    ]
    assert all(set(p) == PROBLEM_KEYS for p in document["problems"])


def test_every_problem_is_located(tmp_path: Path) -> None:
    """Whatever the file holds, every problem of a file that could be read has a line and a column."""
    contents: list[str | bytes] = [
        "",
        "[",
        "a: b: c",
        "- 1",
        "schema_version: 1",
        "\t",
        "x: !!binary aGk=",
        b"\xff\xfe\x00",
        b"\xfe\xff\x00",
        "schema_version: 1\nunit: {name: 冷水滩区, kind: county}\nyear: 2023\nschools: [1, [2], {}]\n",
    ]
    paths = [write(tmp_path, f"r{index}.yaml", content) for index, content in enumerate(contents)]
    code, document = validate_json(*paths)
    assert code == 2
    assert len({p["file"] for p in document["problems"]}) == len(paths)
    for problem in document["problems"]:
        assert isinstance(problem["line"], int) and isinstance(problem["column"], int), problem
