"""Consistency warnings never block: ``validate`` and ``check`` show them (table and JSON ``warnings``)."""

from __future__ import annotations

import contextlib
import json
import shutil
from pathlib import Path

import pytest

from .helpers import CITY, SAMPLES, county_text, line_of, run_cli, write

# 1.12 is the appropriation in 万元 instead of 元; the majors' enrollment exceeds the school's students.
IN_REPORT = (
    ("    appropriation_per_student: 11200", "    appropriation_per_student: 1.12"),
    ("    students: 1820", "    students: 100"),
)


def test_validate_shows_warnings_and_still_exits_0(tmp_path: Path) -> None:
    text = county_text(*IN_REPORT)
    path = write(tmp_path, "r.yaml", text)
    result = run_cli("validate", path)
    assert result.exit_code == 0
    assert f"{path}:{line_of(text, '1.12')}:" in result.stdout and "warning" in result.stdout
    assert f"{path}:{line_of(text, 'students: 100')}:" in result.stdout


def test_check_shows_cross_year_warnings_in_table_and_json(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(SAMPLES / "2022" / "lengshuitan.yaml", reports / "2022.yaml")
    text = county_text(("  previous: 160", "  previous: 161"))
    write(reports, "2023.yaml", text)
    table = run_cli("check", reports, "--no-color")
    assert table.exit_code in (0, 1)  # a warning never fails the run
    assert "pathway_3plus2.previous" in table.stdout or "“3+2”上年招生" in table.stdout
    document = json.loads(run_cli("check", reports, "--format", "json").stdout)
    (warning,) = document["warnings"]
    assert (warning["code"], warning["severity"], warning["line"]) == (
        "cross-year-pathway",
        "warning",
        line_of(text, "previous: 161"),
    )


def test_check_shows_in_report_warnings_in_table_and_json(tmp_path: Path) -> None:
    text = county_text(*IN_REPORT)
    path = write(tmp_path, "r.yaml", text.encode("gb18030"))
    document = json.loads(run_cli("check", path, "--format", "json").stdout)
    found = sorted((w["code"], w["line"]) for w in document["warnings"])
    assert found == sorted(
        [
            ("encoding-gb18030", 1),
            ("appropriation-out-of-range", line_of(text, "1.12")),
            ("enrollment-over-students", line_of(text, "students: 100")),
        ]
    )
    with contextlib.chdir(tmp_path):  # named short, its places on one line whatever the folder's length
        table = run_cli("check", path.name, "--no-color")
    assert table.exit_code in (0, 1)
    for code, line in found:
        assert f"{path.name}:{line}:" in table.stdout, code


def test_names_joined_with_chinese_commas_are_a_warning(tmp_path: Path) -> None:
    """``[电子信息，先进装备制造]`` is one entry to YAML: counted as one industry, so the report says so."""
    text = county_text(("leading_industries: [电子信息]", "leading_industries: [电子信息，先进装备制造]"))
    path = write(tmp_path, "r.yaml", text)
    document = json.loads(run_cli("check", path, "--format", "json").stdout)
    (warning,) = document["warnings"]
    assert (warning["code"], warning["line"], warning["path"]) == (
        "names-joined",
        line_of(text, "电子信息，"),
        "leading_industries[0]",
    )
    assert "“，”" in warning["message"]


@pytest.mark.parametrize(
    ("typed", "separator"),
    [
        ("[先进装备制造 农产品精深加工]", "名称之间的空格"),
        ("[电子信息/新材料]", "“/”"),
        ("[1.电子信息 2.新材料]", "编号“1.”"),
    ],
)
def test_names_run_together_with_spaces_slashes_or_numbers_are_a_warning(
    tmp_path: Path, typed: str, separator: str
) -> None:
    text = county_text(("leading_industries: [电子信息]", f"leading_industries: {typed}"))
    report = write(tmp_path, "r.yaml", text)
    document = json.loads(run_cli("check", report, "--format", "json").stdout)
    (warning,) = document["warnings"]
    assert (warning["code"], warning["path"]) == ("names-joined", "leading_industries[0]")
    assert warning["line"] == line_of(text, typed)
    assert f"中有{separator}" in warning["message"]


def test_names_run_together_in_the_city_lists_are_a_warning_and_a_space_in_a_name_is_not(
    tmp_path: Path,
) -> None:
    text = county_text(
        ("    - 永州职业技术学院职教集团\n", "    - 永州职业技术学院职教集团 永州师范高等专科学校职教集团\n"),
        ("    - 永州经开区生物医药产教融合示范园\n", "    - 5G 应用产教融合示范园\n"),
        source=CITY,
    )
    report = write(tmp_path, "r.yaml", text)
    document = json.loads(run_cli("validate", report, "--format", "json").stdout)
    joined = [p for p in document["problems"] if p["code"] == "names-joined"]
    assert [(p["path"], p["severity"]) for p in joined] == [("city.vocational_groups[0]", "warning")]
    assert "[永州职业技术学院职教集团, 永州师范高等专科学校职教集团]" in joined[0]["message"]
