"""All errors at once: one run lists every problem of a report (up to the cap), and with several files a bad
file is reported while the others are still checked; the run then exits 2."""

from __future__ import annotations

import contextlib
import json
import shutil
from pathlib import Path

from zhijiao_check.report import MAX_PROBLEMS

from .helpers import COUNTY, SAMPLES, county_text, errors, line_of, run_cli, validate_json, write

FIVE_PROBLEMS = (
    ("year: 2023", "year: 2023\nyear: 2024"),  # duplicate key
    ("  secondary_vocational: 1360", '  secondary_vocational: "1,360"'),
    ("    teachers: 110\n", "    teacher: 110\n"),
    ("    dual_qualified_teachers: 63", "    dual_qualified_teachers: -63"),
    ("        rating: green", "        rating: 绿牌"),
)


def test_one_run_lists_every_problem_of_a_report_in_file_order(tmp_path: Path) -> None:
    text = county_text(*FIVE_PROBLEMS)
    code, document = validate_json(write(tmp_path, "r.yaml", text))
    assert code == 2
    found = [(p["code"], p["line"]) for p in errors(document)]
    assert found == [
        ("duplicate-key", line_of(text, "year: 2024")),
        ("number-with-separator", line_of(text, '"1,360"')),
        ("unknown-field", line_of(text, "    teacher: 110")),
        ("negative", line_of(text, "-63")),
        ("choice-spelling", line_of(text, "绿牌")),
    ]


def test_problems_are_capped_and_the_rest_counted(tmp_path: Path) -> None:
    extra = "".join(f"unknown_{index}: 1\n" for index in range(MAX_PROBLEMS + 50))
    code, document = validate_json(
        write(tmp_path, "r.yaml", county_text(("year: 2023\n", "year: 2023\n" + extra)))
    )
    assert code == 2
    problems = document["problems"]
    assert len(problems) == MAX_PROBLEMS + 1
    last = problems[-1]
    assert last["code"] == "too-many-problems" and "50" in last["message"] and isinstance(last["line"], int)


def test_a_bad_file_among_good_ones_is_reported_and_the_others_still_checked(tmp_path: Path) -> None:
    reports = tmp_path / "2023"
    shutil.copytree(SAMPLES / "2023", reports)
    bad = write(reports, "lengshuitan.yaml", county_text(("    teachers: 110\n", "    teachers: -1\n")))
    result = run_cli("check", reports, "--format", "json")
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["exit_code"] == 2
    assert [entry["file"] for entry in document["invalid"]] == [str(bad)]
    assert [p["code"] for p in document["invalid"][0]["problems"]] == ["negative"]
    scored = {report["unit"] for report in document["reports"]}
    assert len(scored) == 14 and "冷水滩区" not in scored
    assert all(report["results"] for report in document["reports"])
    # The city-wide rules still run for the year, with the missing unit named.
    (city,) = document["city"]
    assert city["units_missing"] == ["冷水滩区"]


def test_the_table_lists_the_bad_file_and_the_scores_of_the_others(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.yaml", county_text(("    teachers: 110\n", "    teachers: -1\n")))
    other = SAMPLES / "2023" / "daoxian.yaml"
    with contextlib.chdir(tmp_path):  # named short, its place on one line whatever the folder's length
        result = run_cli("check", bad.name, other, "--no-color")
    assert result.exit_code == 2
    assert f"{bad.name}:{line_of(bad.read_text(encoding='utf-8'), 'teachers: -1')}:" in result.stdout
    assert "道县" in result.stdout


def test_validate_goes_on_after_a_bad_file(tmp_path: Path) -> None:
    files = [
        write(tmp_path, "a-empty.yaml", ""),
        write(tmp_path, "b-binary.yaml", bytes(range(256))),
        COUNTY,
        write(tmp_path, "c-list.yaml", "- 1\n"),
    ]
    code, document = validate_json(*files)
    assert code == 2
    assert {f["file"]: f["valid"] for f in document["files"]} == {
        str(files[0]): False,
        str(files[1]): False,
        str(COUNTY): True,
        str(files[3]): False,
    }
    assert {p["file"] for p in errors(document)} == {str(files[0]), str(files[1]), str(files[3])}
