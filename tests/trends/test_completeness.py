"""What vanished since last year, enrollment that does not add up, the bureau's roster."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from factory import line_of

from zhijiao_check.commands import check as check_command

from .conftest import invoke
from .multiyear import ROOT


def check_json(*args: str | Path) -> tuple[int, dict[str, Any]]:
    result = invoke("check", *args, "--format", "json")
    return result.exit_code, json.loads(result.stdout)


def test_a_school_gone_since_last_year_is_a_warning_with_last_years_line(
    years: Path, years_doc: dict[str, Any]
) -> None:
    vanished = [w for w in years_doc["warnings"] if w["code"] == "school-vanished"]
    this_year, last_year = years / "2024" / "dongan.yaml", years / "2023" / "dongan.yaml"
    [warning] = vanished  # the school only: its majors went with it
    assert (warning["file"], warning["line"], warning["path"]) == (
        str(this_year),
        line_of(this_year, "schools:"),
        "schools",
    )
    then = line_of(last_year, "- name: 东安县舜德职业学校")
    assert f"{last_year}:{then}" in warning["message"] and "东安县舜德职业学校" in warning["message"]
    assert "2023" in warning["message"] and warning["severity"] == "warning"


def test_a_school_renamed_since_last_year_is_asked_about_by_its_new_name(tmp_path: Path) -> None:
    """东安县舜德职业学校 became 东安县舜德职业技术学校: "left out, or closed?" alone sent the clerk
    looking for a school that is there under its new name."""
    shutil.copy(ROOT / "samples/2023/dongan.yaml", tmp_path / "2023.yaml")
    text = (ROOT / "samples/2023/dongan.yaml").read_text(encoding="utf-8").replace("year: 2023", "year: 2024")
    (tmp_path / "2024.yaml").write_text(text.replace("东安县舜德职业学校", "东安县舜德职业技术学校"), "utf-8")
    _, doc = check_json(tmp_path)
    [warning] = [w for w in doc["warnings"] if w["code"] in ("school-vanished", "school-renamed")]
    then = line_of(tmp_path / "2023.yaml", "- name: 东安县舜德职业学校")
    now = line_of(tmp_path / "2024.yaml", "- name: 东安县舜德职业技术学校")
    assert warning["code"] == "school-renamed" and warning["file"] == str(tmp_path / "2024.yaml")
    assert warning["message"] == (
        f"上年（2023 年）报表 {tmp_path / '2023.yaml'}:{then} 有学校“东安县舜德职业学校”，本年报表没有；"
        f"本年第 {now} 行的“东安县舜德职业技术学校”是它改名后的名称吗？若不是，是漏报还是已停办？"
    )


def test_a_major_gone_since_last_year(tmp_path: Path) -> None:
    shutil.copy(ROOT / "samples/2022/dongan.yaml", tmp_path / "2022.yaml")
    text = (ROOT / "samples/2023/dongan.yaml").read_text(encoding="utf-8")
    start = text.index("      - name: 学前教育")
    end = text.index("      - name: 计算机应用", start)
    (tmp_path / "2023.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    code, doc = check_json(tmp_path)
    [warning] = [w for w in doc["warnings"] if w["code"] == "major-vanished"]
    assert warning["file"] == str(tmp_path / "2023.yaml") and warning["path"] == "schools[0].majors"
    then = line_of(tmp_path / "2022.yaml", "- name: 学前教育")
    assert f"{tmp_path / '2022.yaml'}:{then}" in warning["message"]
    assert "东安县职业中等专业学校" in warning["message"] and "学前教育" in warning["message"]
    assert code == 1  # a warning never changes the exit status: 2023's own failures make it 1
    english = json.loads(invoke("check", tmp_path, "--format", "json", "--lang", "en").stdout)
    assert any(
        'the major "学前教育" of "东安县职业中等专业学校"' in w["message"] for w in english["warnings"]
    )


def test_previous_reports_are_compared_not_scored(years: Path) -> None:
    report = years / "2024" / "dongan.yaml"
    _, alone = check_json(report)
    assert not [w for w in alone["warnings"] if w["code"] == "school-vanished"]
    code, doc = check_json(report, "--previous", years / "2023")
    assert [r["file"] for r in doc["reports"]] == [str(report)] and doc["city"] == []
    [warning] = [w for w in doc["warnings"] if w["code"] == "school-vanished"]
    assert f"{years / '2023' / 'dongan.yaml'}:" in warning["message"]
    assert code == alone["exit_code"]


def test_an_invalid_previous_report_is_a_notice(years: Path, tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("schema_version: 1\nunit: 3\n", encoding="utf-8")
    code, doc = check_json(years / "2024" / "dongan.yaml", "--previous", tmp_path)
    assert any(str(tmp_path / "bad.yaml") in n for n in doc["notices"]) and doc["invalid"] == []
    assert code == 1


def _with(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "dongan.yaml"
    text = (ROOT / "samples/2023/dongan.yaml").read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_secondary_enrollment_far_from_its_majors(tmp_path: Path) -> None:
    # The majors of 东安县's two secondary schools enrolled 950 in 2023, as secondary_vocational says.
    path = _with(tmp_path, "secondary_vocational: 950", "secondary_vocational: 1200")
    _, doc = check_json(path)
    [warning] = [w for w in doc["warnings"] if w["code"] == "majors-sum-differs"]
    assert (warning["line"], warning["path"]) == (
        line_of(path, "secondary_vocational:"),
        "enrollment.secondary_vocational",
    )
    assert (
        "填 1200 人" in warning["message"]
        and "合计 950 人" in warning["message"]
        and "相差 21%" in warning["message"]
    )
    # 5% apart: counted the same
    near = _with(tmp_path, "secondary_vocational: 950", "secondary_vocational: 1000")
    _, doc = check_json(near)
    assert not [w for w in doc["warnings"] if w["code"] == "majors-sum-differs"]
    _, samples = check_json(ROOT / "samples")
    assert not [w for w in samples["warnings"] if w["code"] == "majors-sum-differs"]


def test_one_secondary_school_far_from_its_majors_is_one_school_in_english(tmp_path: Path) -> None:
    # 东安县's second school called higher: the one secondary school's majors enrolled 445 of the 950.
    text = (ROOT / "samples/2023/dongan.yaml").read_text(encoding="utf-8")
    path = tmp_path / "dongan.yaml"
    path.write_text(text.replace("level: secondary", "level: higher", 1), encoding="utf-8")
    _, doc = check_json(path, "--lang", "en")
    [warning] = [w for w in doc["warnings"] if w["code"] == "majors-sum-differs"]
    assert "but the majors of its one secondary school enrolled 445 this year" in warning["message"]


ROSTER = """# 市教育局学校名册
units:
  东安县:
    - 东安县职业中等专业学校
    - 东安县舜德职业学校
  道县:
    - 道县职业技术学校
"""


def test_a_school_on_the_roster_missing_from_its_report_is_an_error(years: Path, tmp_path: Path) -> None:
    roster = tmp_path / "roster.yaml"
    roster.write_text(ROSTER, encoding="utf-8")
    code, doc = check_json(years / "2023" / "dongan.yaml", years / "2024" / "dongan.yaml", "--roster", roster)
    assert code == 2
    # 2023 has both schools
    assert [r["file"] for r in doc["reports"]] == [str(years / "2023" / "dongan.yaml")]
    [bad] = doc["invalid"]
    report = years / "2024" / "dongan.yaml"
    assert bad["file"] == str(report)
    [error] = [p for p in bad["problems"] if p["severity"] == "error"]
    assert (error["code"], error["line"], error["path"]) == (
        "roster-school-absent",
        line_of(report, "schools:"),
        "schools",
    )
    assert f"{roster}:5" in error["message"] and "东安县舜德职业学校" in error["message"]


def test_a_similar_name_is_pointed_out(tmp_path: Path) -> None:
    roster = tmp_path / "roster.yaml"
    roster.write_text(ROSTER, encoding="utf-8")
    path = _with(tmp_path, "  - name: 东安县舜德职业学校", "  - name: 东安舜德职业学校")
    code, doc = check_json(path, "--roster", roster, "--lang", "en")
    [error] = [p for p in doc["invalid"][0]["problems"] if p["severity"] == "error"]
    assert code == 2 and error["code"] == "roster-school-similar"
    assert f'"东安舜德职业学校" on line {line_of(path, "东安舜德职业学校")}' in error["message"]


def test_a_roster_for_another_year_does_not_apply(years: Path, tmp_path: Path) -> None:
    roster = tmp_path / "roster.yaml"
    roster.write_text("year: 2023\n" + ROSTER, encoding="utf-8")
    code, doc = check_json(years / "2024" / "dongan.yaml", "--roster", roster)
    assert doc["invalid"] == [] and code == 1


def test_a_broken_roster_is_refused_with_its_lines(tmp_path: Path, years: Path) -> None:
    roster = tmp_path / "roster.yaml"
    roster.write_text(
        "units:\n  东安:\n    - 东安县职业中等专业学校\n  道县: 道县职业技术学校\nschools: []\n",
        encoding="utf-8",
    )
    result = invoke("check", years / "2023" / "dongan.yaml", "--roster", roster)
    assert result.exit_code == 2 and "Traceback" not in result.output
    # unknown unit, with the nearest name
    assert f"{roster}:2:3" in result.stderr and "东安县" in result.stderr
    assert f"{roster}:4:" in result.stderr and f"{roster}:5:1" in result.stderr


def test_a_roster_unit_near_no_name_is_told_the_units_in_both_languages(tmp_path: Path, years: Path) -> None:
    roster = tmp_path / "roster.yaml"
    roster.write_text("units:\n  XYZ国:\n    - 东安县职业中等专业学校\n", encoding="utf-8")
    english = invoke("check", years / "2023" / "dongan.yaml", "--roster", roster, "--lang", "en")
    assert english.exit_code == 2
    assert f'{roster}:2:3: units.XYZ国: no unit "XYZ国": the units are 零陵区, 冷水滩区, ' in english.stderr
    assert "did you mean" not in english.stderr
    chinese = invoke("check", years / "2023" / "dongan.yaml", "--roster", roster)
    assert f"{roster}:2:3: units.XYZ国: 没有单位“XYZ国”：可用的单位有 零陵区、冷水滩区、" in chinese.stderr
    assert "是否想写" not in chinese.stderr


def test_a_folder_given_as_the_roster_is_told_to_give_a_file(tmp_path: Path, years: Path) -> None:
    result = invoke("check", years / "2023" / "dongan.yaml", "--roster", tmp_path)
    assert result.exit_code == 2
    assert f"{tmp_path}: 这是一个目录，不是普通文件，未打开：请给出一个文件" in result.stderr
    assert "报表文件" not in result.stderr  # a roster is no report


@pytest.mark.parametrize("streamed", [False, True])
def test_a_previous_year_or_a_roster_that_meets_no_year_of_the_run_is_a_notice(
    years: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, streamed: bool
) -> None:
    """Without a notice, ``--previous`` of the wrong year compares nothing and a roster of another year checks
    nothing, and the run reads as if both had been done (a run of 2024 with 2022's reports as previous)."""
    if streamed:  # the run that writes JSON as it scores (``commands.flat``), as a large run does
        monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    report = years / "2024" / "dongan.yaml"
    roster = tmp_path / "roster.yaml"
    roster.write_text("year: 2026\n" + ROSTER, encoding="utf-8")
    code, doc = check_json(report, "--previous", years / "2022", "--roster", roster)
    assert code == 1 and doc["invalid"] == []  # the roster's school missing from 2024 is not held against it
    assert doc["notices"][:2] == [
        "--previous 给出的报表为 2022 年，没有本次报表（2024 年）的上一年：未作逐年比较",
        f"名册 {roster} 为 2026 年，本次没有该年的报表（2024 年）：未按名册核对学校",
    ]
    _, english = check_json(report, "--previous", years / "2022", "--roster", roster, "--lang", "en")
    assert english["notices"][:2] == [
        (
            "the --previous reports are of 2022, none of the year before this run's (2024): "
            "nothing was compared with them"
        ),
        (
            f"the roster {roster} is for 2026 and this run has no report of that year (2024): "
            "no school was checked against it"
        ),
    ]
    roster.write_text("year: 2024\n" + ROSTER, encoding="utf-8")
    code, doc = check_json(
        report, years / "2025" / "dongan.yaml", "--previous", years / "2023", "--roster", roster
    )
    assert (
        not [n for n in doc["notices"] if "--previous" in n or "名册" in n] and code == 2
    )  # both used: 2023 is the year before 2024; the roster refuses


def test_a_previous_path_that_does_not_exist_is_a_bad_argument(years: Path, tmp_path: Path) -> None:
    """A mistyped ``--previous`` stops the run, as a mistyped ``--roster`` does: taken for an invalid report,
    it was a notice of exit status 0 and the comparison was silently not made."""
    output = tmp_path / "out.json"
    missing = tmp_path / "reprots" / "2022"
    result = invoke("check", years / "2024" / "dongan.yaml", "--previous", missing, "-o", output)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "--previous 给出的上年报表无法读取：",
        f"{missing}: 路径不存在：请检查文件或目录名",
    ]
    assert not output.exists()  # stopped before anything was written
    english = invoke("check", years / "2024" / "dongan.yaml", "--previous", missing, "--lang", "en")
    assert english.exit_code == 2 and "a --previous path cannot be read:" in english.stderr
