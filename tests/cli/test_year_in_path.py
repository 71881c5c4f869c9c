"""A report's year against the year its folder or file name says, and two reports of one unit and year,
as check, validate and diff tell them (whatever copy is valid, YAML or workbook)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from factory import CITY, COUNTIES, UNIT_NAMES, city_report, city_year, county, line_of, to_yaml, write_report
from factory import invoke as invoke_cli
from typer.testing import Result

from zhijiao_check.commands import check as check_command

Invoke = Callable[..., Result]

# A report with a figure written with a thousands separator: invalid, its unit and year plain.
SEPARATOR = ("public_secondary_vocational_seats: 1500", "public_secondary_vocational_seats: 1,500")


@pytest.fixture
def invoke(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """The CLI run in ``tmp_path``, where the tests write their folders: paths as a clerk types them."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return invoke_cli


def _workbook(invoke: Invoke, yaml_file: Path, out: Path) -> Path:
    """``yaml_file`` as a workbook (``convert``), in ``out``; the YAML removed."""
    result = invoke("convert", yaml_file, "-o", out)
    assert result.exit_code == 0, result.output
    yaml_file.unlink()
    return out


def test_validate_warns_of_a_report_whose_year_is_not_its_folders(invoke: Invoke) -> None:
    folder = Path("2025 报表")
    lanshan = write_report(folder, county("蓝山县", year=2024), "lanshan.yaml")
    write_report(folder, county("东安县", year=2025), "dongan.yaml")
    line = line_of(lanshan, "year:")
    result = invoke("validate", folder)
    assert result.exit_code == 0, result.output  # a warning does not change the exit status
    assert (
        f"{lanshan}:{line}:7: 警告：year: 报表的统计年度是 2024 年，而所在目录“2025 报表”写的是 2025 年："
        "请核对统计年度是否写错"
    ) in result.stdout
    assert "2 个有效，0 个无效" in result.stdout
    english = invoke("validate", folder, "--lang", "en")
    assert (
        f'{lanshan}:{line}:7: warning: year: the report\'s year is 2024, but its folder "2025 报表" says 2025'
        in (english.stdout)
    )


def test_an_invalid_report_whose_year_is_not_its_folders_is_warned_beside_its_errors(invoke: Invoke) -> None:
    """An invalid report whose ``year:`` is still a plain year got its errors and no word of its year: the
    same warning as a valid report's, at its year, beside its error; not for a year that is none."""
    folder = Path("2025 报表")
    text = to_yaml(county("蓝山县", year=2024)).replace(*SEPARATOR)
    lanshan = folder / "lanshan.yaml"
    folder.mkdir()
    lanshan.write_text(text, encoding="utf-8")
    line = line_of(lanshan, "year:")
    for lang, said in (
        (
            "zh",
            f"{lanshan}:{line}:7: 警告：year: 报表的统计年度是 2024 年，而所在目录“2025 报表”写的是 2025 年",
        ),
        (
            "en",
            (
                f"{lanshan}:{line}:7: warning: year: the report's year is 2024, "
                'but its folder "2025 报表" says 2025'
            ),
        ),
    ):
        result = invoke("validate", lanshan, "--lang", lang)
        assert result.exit_code == 2, result.output
        assert said in result.stdout
        assert "number-with-separator" in invoke("validate", lanshan, "--format", "json").stdout
    lanshan.write_text(text.replace("year: 2024", "year: 二〇二四"), encoding="utf-8")
    assert "2025 报表”写的是" not in invoke("validate", lanshan).stdout


def test_check_names_the_file_of_another_year_and_warns(invoke: Invoke) -> None:
    """The warning, and no word for a report whose year agrees with its file's name."""
    folder = Path("2025")
    wrong = write_report(folder, county("蓝山县", year=2024), "蓝山县 2025 报表.yaml")
    write_report(folder, county("东安县", year=2025), "dongan-2025.yaml")
    result = invoke("check", folder, "--format", "json")
    assert result.exit_code == 0, result.output  # every target met: the warning fails nothing
    warnings = [w for w in json.loads(result.stdout)["warnings"] if w["code"].startswith("year-differs")]
    assert warnings == [
        {
            "file": str(wrong),
            "line": line_of(wrong, "year:"),
            "column": 7,
            "path": "year",
            "code": "year-differs-from-file-name",
            "severity": "warning",
            "message": "报表的统计年度是 2024 年，而文件名“蓝山县 2025 报表.yaml”写的是 2025 年："
            "请核对统计年度是否写错（如去年的报表复制后没有改年份），或文件名是否写错；本报表按 2024 年检查",
        }
    ]


def test_a_workbook_of_another_year_is_warned_of_at_its_year_cell(invoke: Invoke) -> None:
    folder = Path("2025 报表")
    book = _workbook(
        invoke, write_report(Path("."), county("东安县", year=2024), "x.yaml"), folder / "东安县.xlsx"
    )
    result = invoke("validate", folder, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert (
        f"{book}:本单位!C6（统计年度）: warning: "
        'the report\'s year is 2024, but its folder "2025 报表" says 2025'
    ) in result.stdout


def test_a_duplicate_is_named_though_the_first_copy_is_invalid(invoke: Invoke) -> None:
    """An invalid dongan.yaml and a valid 东安县.xlsx of the same unit and year: the valid one is refused
    as its duplicate, by check and by validate alike, and names it."""
    folder = Path("dup")
    folder.mkdir()
    _workbook(invoke, write_report(Path("."), county("东安县", year=2025), "x.yaml"), folder / "东安县.xlsx")
    text = to_yaml(county("东安县", year=2025)).replace(*SEPARATOR)
    (folder / "dongan.yaml").write_text(text, encoding="utf-8")
    expected = (
        f"东安县 2025 年的报表重复：{folder / 'dongan.yaml'} 也是 东安县 2025 年的报表（该文件无效）；"
        "请删去其中一份，本文件不计分"
    )
    check = invoke("check", folder, "--no-color")
    assert check.exit_code == 2, check.output
    assert f"{folder / '东安县.xlsx'}：报表无效，1 个问题，未计分" in check.stdout
    assert "得分" not in check.stdout.split("全市性指标")[0]  # neither copy scored
    validate = invoke("validate", folder)
    assert validate.exit_code == 2, validate.output
    assert f"{folder / '东安县.xlsx'}:本单位!C3（填报单位 · 单位名称）: 错误：{expected}" in validate.stdout
    assert "0 个有效，2 个无效" in validate.stdout


def test_validate_scores_a_copy_of_the_same_report_once_and_warns_at_it(invoke: Invoke) -> None:
    folder = Path("2025")
    first = write_report(folder, county("东安县"), "a.yaml")
    second = write_report(folder, county("东安县"), "b.yaml")
    result = invoke("validate", folder, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    # every file is listed, the copy too (valid: its format is right); the warning says it is scored once
    assert doc["files"] == [{"file": str(first), "valid": True}, {"file": str(second), "valid": True}]
    (warning,) = [p for p in doc["problems"] if p["code"] == "same-report"]
    assert (warning["file"], warning["line"], warning["severity"]) == (
        str(second),
        line_of(second, "name: 东安县"),
        "warning",
    )
    assert warning["message"] == (
        f"东安县 2025 年的报表另有一份 {first}，两份内容相同（多为复制出的副本）：按 {first} 计分一次，"
        "本文件不重复计分；请删去多余的一份"
    )


def _copies(invoke: Invoke, folder: Path, change: bool) -> tuple[Path, Path]:
    """东安县's 2023 workbook and the copy Windows makes of it (``… - 副本.xlsx``, which sorts first), the
    copy's figures changed or not; with the 市本级's and 道县's reports."""
    write_report(folder, city_report(2023), "shibenji.yaml")
    write_report(folder, county("道县", year=2023), "daoxian.yaml")
    original = folder / "东安县 2023年 报表(终稿).xlsx"
    copy = folder / "东安县 2023年 报表(终稿) - 副本.xlsx"
    _workbook(invoke, write_report(folder, county("东安县", year=2023), "x.yaml"), original)
    text = to_yaml(county("东安县", year=2023))
    if change:
        text = text.replace(
            "public_secondary_vocational_seats: 1500", "public_secondary_vocational_seats: 1600"
        )
    (folder / "y.yaml").write_text(text, encoding="utf-8")
    _workbook(invoke, folder / "y.yaml", copy)
    return original, copy


def test_a_windows_copy_holding_the_same_report_is_noted_and_the_unit_scored_once(invoke: Invoke) -> None:
    """The copy sorts before its original (`` `` before ``.``), yet the original is scored, its name not
    saying it is a copy; the copy is named at its cell, as a warning (exit 0), to be deleted."""
    folder = Path("city")
    original, copy = _copies(invoke, folder, change=False)
    result = invoke("check", folder, "--format", "json")
    doc = json.loads(result.stdout)
    assert result.exit_code in (0, 1), result.output
    assert not doc["invalid"]
    assert [r["file"] for r in doc["reports"] if r["unit"] == "东安县"] == [str(original)]
    (warning,) = [w for w in doc["warnings"] if w["code"] == "same-report"]
    assert (warning["file"], warning["cell"]) == (str(copy), "本单位!C3（填报单位 · 单位名称）")
    assert "东安县" in doc["city"][0]["units_present"]


def test_two_files_of_one_unit_and_year_that_differ_are_both_refused_naming_each_other(
    invoke: Invoke,
) -> None:
    """Before, the copy was scored (first by path) and the original refused as its duplicate: the wrong
    figures silently counted. Both are refused, each naming the other, and the city-wide section says why
    the unit is missing."""
    folder = Path("city")
    original, copy = _copies(invoke, folder, change=True)
    result = invoke("check", folder, "--format", "json")
    assert result.exit_code == 2, result.output
    doc = json.loads(result.stdout)
    assert [r["unit"] for r in doc["reports"] if r["unit"] == "东安县"] == []
    messages = {bad["file"]: bad["problems"][0]["message"] for bad in doc["invalid"]}
    assert messages == {
        str(file): f"东安县 2023 年有 2 份报表，内容并不都相同：本文件和 {other}；"
        "不知道应以哪一份为准，都不计分：请确认保留哪一份，把其余的删去或移出目录"
        for file, other in ((copy, original), (original, copy))
    }
    (year,) = doc["city"]
    assert "东安县" in year["units_missing"] and year["units_invalid"] == ["东安县"]
    notes = [note for result in year["results"] for note in result["notes"] if note.startswith("缺少单位")]
    assert notes and all("东安县（多份报表内容不同，都未计分）" in note for note in notes)


def test_the_streamed_json_refuses_the_same_duplicate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run written as it is scored (``commands.flat``) refuses the valid copy too, whichever comes
    first by path: the same document as the whole run's."""
    reports = tmp_path / "reports"
    write_report(reports, county("东安县"), "a.yaml")
    write_report(reports, county("道县"), "c.yaml")
    bad = to_yaml(county("东安县")).replace(*SEPARATOR)
    (reports / "b.yaml").write_text(bad, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    whole = invoke_cli("check", "reports", "-f", "json")
    monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    flat = invoke_cli("check", "reports", "-f", "json")
    assert flat.exit_code == whole.exit_code == 2, flat.output
    assert flat.stdout == whole.stdout
    doc = json.loads(flat.stdout)
    assert [r["file"] for r in doc["reports"]] == ["reports/c.yaml"]
    codes = {bad["file"]: next(p["code"] for p in bad["problems"]) for bad in doc["invalid"]}
    assert codes == {"reports/a.yaml": "duplicate-of-invalid", "reports/b.yaml": "number-with-separator"}


def _held(value: object) -> object:
    """``value`` as it stands, its lists, tuples and dicts copied all the way down: what a call left alone."""
    if isinstance(value, list | tuple):
        return type(value)(_held(item) for item in value)
    if isinstance(value, dict):
        return {key: _held(item) for key, item in value.items()}
    return value


@pytest.mark.parametrize(
    ("second", "codes"),
    [
        (to_yaml(county("东安县")), {"reports/b.yaml": "same-report"}),
        (to_yaml(county("东安县")).replace("1500", "1600", 1), {"reports/a.yaml": "differing-reports"}),
        (to_yaml(county("东安县")).replace(*SEPARATOR), {"reports/a.yaml": "duplicate-of-invalid"}),
    ],
    ids=["same-report", "differing-reports", "duplicate-of-invalid"],
)
def test_the_streamed_run_settles_two_reports_of_a_unit_leaving_what_it_is_given_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second: str, codes: dict[str, str]
) -> None:
    """``commands.flat.run._one_each`` removed the refused ones from the lists it was given and replaced the
    warned one in them: it returns what changes, its arguments left as they were, and prints what the whole
    run prints."""
    from zhijiao_check.commands.flat import run as flat_run

    reports = tmp_path / "reports"
    write_report(reports, county("东安县"), "a.yaml")
    write_report(reports, county("道县"), "c.yaml")
    (reports / "b.yaml").write_text(second, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    whole = invoke_cli("check", "reports", "-f", "json")
    calls: list[tuple[object, object]] = []
    one_each = flat_run._one_each

    def watched(*args: object) -> object:
        before = _held(args)
        settled = one_each(*args)  # type: ignore[arg-type]
        calls.append((before, _held(args)))
        return settled

    monkeypatch.setattr(flat_run, "_one_each", watched)
    monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    flat = invoke_cli("check", "reports", "-f", "json")
    assert flat.exit_code == whole.exit_code, flat.output
    assert flat.stdout == whole.stdout
    ((before, after),) = calls
    assert after == before
    doc = json.loads(flat.stdout)
    found = {bad["file"]: bad["problems"][0]["code"] for bad in doc["invalid"]}
    found |= {
        warning["file"]: warning["code"] for warning in doc["warnings"] if warning["code"] == "same-report"
    }
    assert codes.items() <= found.items()


def test_diff_warns_when_the_new_report_is_not_later(invoke: Invoke) -> None:
    old = write_report(Path("2025"), county("东安县", year=2025), "dongan.yaml")
    new = write_report(Path("2023"), county("东安县", year=2023), "dongan.yaml")
    result = invoke("diff", old, new)
    assert result.exit_code == 0, result.output
    assert (
        f"{new}:{line_of(new, 'year:')}:7: 新报表是 2023 年的，早于旧报表 {old}（2025 年）：diff 先写旧报表"
    ) in result.stdout.replace("\n    ", "")
    doc = json.loads(invoke("diff", old, new, "--format", "json", "--lang", "en").stdout)
    assert [(w["code"], w["file"], w["line"]) for w in doc["warnings"]] == [
        ("diff-year-earlier", str(new), line_of(new, "year:"))
    ]
    assert json.loads(invoke("diff", new, old, "--format", "json").stdout)["warnings"] == []


def test_diff_of_folders_warns_of_a_report_of_last_year_among_this_years(invoke: Invoke) -> None:
    write_report(Path("2024"), county("蓝山县", year=2024), "lanshan.yaml")
    misfiled = write_report(Path("2025 报表"), county("蓝山县", year=2024), "lanshan.yaml")
    result = invoke("diff", "2024", "2025 报表", "--format", "json")
    assert result.exit_code == 0, result.output
    (unit,) = json.loads(result.stdout)["units"]
    assert [(w["code"], w["file"]) for w in unit["warnings"]] == [
        ("year-differs-from-folder", str(misfiled)),
        ("diff-year-same", str(misfiled)),
    ]


def test_the_city_names_the_file_of_another_year_a_unit_filed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """蓝山县's 2024 report in ``2025 报表/``: missing from 2025 all the same, but said to have filed that
    file, in the table and in the JSON, whole or streamed alike."""
    folder = Path("2025 报表")
    monkeypatch.chdir(tmp_path)
    write_report(folder, city_report(2025), "shibenji.yaml")
    write_report(folder, county("蓝山县", year=2024), "lanshan.yaml")
    write_report(folder, county("东安县", year=2025), "dongan.yaml")
    table = invoke_cli("check", str(folder), "--no-color", "--quiet")
    assert table.exit_code == 1, table.output  # the units missing fail city-wide rules; the warning, nothing
    assert "宁远县、蓝山县（其报表 2025 报表/lanshan.yaml 为 2024 年）、新田县" in table.stdout.replace(
        "\n", ""
    )
    english = invoke_cli("check", str(folder), "--lang", "en", "--no-color", "--quiet")
    assert "蓝山县 (its report 2025 报表/lanshan.yaml is of 2024)" in " ".join(english.stdout.split())
    whole = invoke_cli("check", str(folder), "-f", "json")
    monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    flat = invoke_cli("check", str(folder), "-f", "json")
    assert flat.stdout == whole.stdout
    (year,) = json.loads(flat.stdout)["city"]
    assert year["units_other_year"] == [{"unit": "蓝山县", "file": "2025 报表/lanshan.yaml", "year": 2024}]
    assert "蓝山县" in year["units_missing"]


def test_the_city_names_a_units_only_report_of_another_year_though_no_path_says_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """祁阳市's 2022 report copied into the folder of the city's 2023 run (``qiyang.yaml``, no year in its
    path): its unit's only report, of another year than every other report's. It was scored as 2022 and its
    unit named missing from 2023 with nothing linking the two; it is named as a report of another year is
    whose path says so, whole or streamed alike."""
    folder = Path("city")
    monkeypatch.chdir(tmp_path)
    write_report(folder, city_report(2023), "shibenji.yaml")
    write_report(folder, county("东安县", year=2023), "dongan.yaml")
    write_report(folder, county("道县", year=2023), "daoxian.yaml")
    write_report(folder, county("祁阳市", year=2022), "qiyang.yaml")
    table = invoke_cli("check", str(folder), "--no-color", "--quiet")
    assert "祁阳市（其报表 city/qiyang.yaml 为 2022 年）" in table.stdout.replace("\n", "")
    whole = invoke_cli("check", str(folder), "-f", "json")
    monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    flat = invoke_cli("check", str(folder), "-f", "json")
    assert flat.stdout == whole.stdout
    (year,) = json.loads(flat.stdout)["city"]
    assert year["year"] == 2023
    assert year["units_other_year"] == [{"unit": "祁阳市", "file": "city/qiyang.yaml", "year": 2022}]
    assert "祁阳市" in year["units_missing"]


def test_two_reports_of_another_year_among_this_years_are_each_named_beside_its_unit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """祁阳市's and 蓝山县's 2022 reports among four of 2023 (no year in their paths): the run's year is the
    one more than half of the reports give, so each is named beside its unit missing from 2023. Before, a
    second report of 2022 left both unnamed. Whole or streamed, in one process or two, alike."""
    from zhijiao_check import processes

    folder = Path("city")
    monkeypatch.chdir(tmp_path)
    write_report(folder, city_report(2023), "shibenji.yaml")
    for unit, name in (("东安县", "dongan"), ("道县", "daoxian"), ("双牌县", "shuangpai")):
        write_report(folder, county(unit, year=2023), f"{name}.yaml")
    write_report(folder, county("祁阳市", year=2022), "qiyang.yaml")
    write_report(folder, county("蓝山县", year=2022), "lanshan.yaml")
    table = invoke_cli("check", str(folder), "--no-color", "--quiet")
    flowed = table.stdout.replace("\n", "")
    assert "蓝山县（其报表 city/lanshan.yaml 为 2022 年）" in flowed, table.output
    assert "祁阳市（其报表 city/qiyang.yaml 为 2022 年）" in flowed
    whole = invoke_cli("check", str(folder), "-f", "json")
    monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    # workers for a handful of reports, on two processors whatever the machine has
    for function in (processes.in_parallel, processes.ordered_map):
        monkeypatch.setattr(function, "__defaults__", (0,))
    monkeypatch.setattr(processes, "available_cores", lambda: 2)
    flats = [invoke_cli("check", str(folder), "-f", "json", "--jobs", jobs) for jobs in "12"]
    assert [flat.stdout for flat in flats] == [whole.stdout] * 2
    doc = json.loads(whole.stdout)
    year = next(year for year in doc["city"] if year["year"] == 2023)
    assert year["units_other_year"] == [
        {"unit": "祁阳市", "file": "city/qiyang.yaml", "year": 2022},
        {"unit": "蓝山县", "file": "city/lanshan.yaml", "year": 2022},
    ]
    assert {"蓝山县", "祁阳市"} <= set(year["units_missing"])


def test_a_run_of_two_years_names_no_report_of_another_year() -> None:
    """Which year a unit's report was meant for is told by the run only where all the others give one."""
    from zhijiao_check.report.pathyear import off_year

    assert off_year([("祁阳市", 2022), ("东安县", 2023), ("道县", 2023)]) == {("祁阳市", 2022): 2023}
    # two units of 2022 among three of 2023: each is told; two and two: neither
    strays = [("祁阳市", 2022), ("东安县", 2022), ("道县", 2023), ("双牌县", 2023), ("蓝山县", 2023)]
    assert off_year(strays) == {("祁阳市", 2022): 2023, ("东安县", 2022): 2023}
    assert off_year(strays[:4]) == {}
    # 祁阳市 filed both years: its 2022 report is its own
    assert off_year([("祁阳市", 2022), ("祁阳市", 2023), ("道县", 2023)]) == {}
    assert off_year([("祁阳市", 2022), ("东安县", 2023)]) == {}  # one each: no run's year
    assert off_year([("祁阳市", 2022), ("东安县", 2023), ("道县", 2024), ("双牌县", 2023)]) == {}
    # three years, one of them given by more than half of the reports: it is the run's year
    thirteen = [(unit, 2023) for unit in UNIT_NAMES[:13]]
    assert off_year([*thirteen, (UNIT_NAMES[13], 2022), (UNIT_NAMES[14], 2024)]) == {
        (UNIT_NAMES[13], 2022): 2023,
        (UNIT_NAMES[14], 2024): 2023,
    }


def _streamed_alike(monkeypatch: pytest.MonkeyPatch, *args: str) -> Result:
    """``check *args -f json`` of the whole run, after asserting the streamed run's (``commands.flat``) in one
    process and in two gives the same document and exit status."""
    from zhijiao_check import processes

    whole = invoke_cli("check", *args, "-f", "json")
    with monkeypatch.context() as patched:
        patched.setattr(check_command, "FLAT_FROM", 0)
        # workers for a handful of reports, on two processors whatever the machine has
        for function in (processes.in_parallel, processes.ordered_map):
            patched.setattr(function, "__defaults__", (0,))
        patched.setattr(processes, "available_cores", lambda: 2)
        for jobs in "12":
            flat = invoke_cli("check", *args, "-f", "json", "--jobs", jobs)
            assert (flat.exit_code, flat.stdout) == (whole.exit_code, whole.stdout), flat.output
    return whole


@pytest.mark.parametrize("changed", [True, False], ids=["a-figure-changed", "copied-unchanged"])
def test_last_years_report_copied_into_this_years_folder_leaves_last_years_scored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, changed: bool
) -> None:
    """蓝山县's 2024 report copied into ``2025/`` and its ``year:`` left at 2024 (a figure changed, or not).
    Before, the two collided as 2024's: both refused as differing (the 2024 section lost 蓝山县), or the copy
    said to be a duplicate to delete (a clerk may delete the original), and neither said its folder was
    2025's. The one whose folder agrees is scored; the other keeps its warning, is not scored, and is named
    beside 蓝山县 in 2025, with advice to correct its year. Whole or streamed, in one process or two,
    alike."""
    monkeypatch.chdir(tmp_path)
    for year in (2024, 2025):
        write_report(Path(str(year)), city_report(year), "shibenji.yaml")
        write_report(Path(str(year)), county("东安县", year=year), "dongan.yaml")
    original = write_report(Path("2024"), county("蓝山县", year=2024), "lanshan.yaml")
    text = original.read_text(encoding="utf-8")
    if changed:
        text = text.replace(
            "public_secondary_vocational_seats: 1500", "public_secondary_vocational_seats: 1600"
        )
        assert text != original.read_text(encoding="utf-8")
    stray = Path("2025") / "lanshan.yaml"
    stray.write_text(text, encoding="utf-8")
    line = line_of(stray, "year:")
    result = _streamed_alike(monkeypatch, ".")
    assert result.exit_code in (0, 1), result.output  # nothing refused
    doc = json.loads(result.stdout)
    assert doc["invalid"] == []
    assert [r["file"] for r in doc["reports"] if r["unit"] == "蓝山县"] == [str(original)]
    codes = ("year-differs-from-folder", "set-aside-for-its-year", "same-report")
    warned = [
        (w["code"], w["line"], w["column"])
        for w in doc["warnings"]
        if w["file"] == str(stray) and w["code"] in codes
    ]
    assert warned == [("year-differs-from-folder", line, 7), ("set-aside-for-its-year", line, 7)]
    (advice,) = [w["message"] for w in doc["warnings"] if w["code"] == "set-aside-for-its-year"]
    assert advice == (
        f"蓝山县 2024 年的报表已有 {original}，按它计分；本文件也写的是 2024 年，而“2025”写的是 2025 年"
        "（多为去年的报表复制后没有改统计年度）：本文件不计分；若它是 2025 年的报表，请把 year: 改为 2025"
    )
    city = {year["year"]: year for year in doc["city"]}
    assert "蓝山县" in city[2024]["units_present"]
    assert city[2025]["units_other_year"] == [{"unit": "蓝山县", "file": str(stray), "year": 2024}]
    table = invoke_cli("check", ".", "--no-color", "--quiet")
    assert f"蓝山县（其报表{stray}为2024年）" in "".join(table.stdout.split())  # wherever the lines break
    validated = invoke_cli("validate", ".")
    assert validated.exit_code == 0, validated.output
    assert f"{stray}:{line}:7: 警告：year: 报表的统计年度是 2024 年，而所在目录“2025”" in validated.stdout
    assert f"{stray}:{line}:7: 警告：year: {advice}" in validated.stdout


@pytest.mark.parametrize("folder", ["2025", "city"], ids=["year-folder", "no-year-in-path"])
def test_last_years_city_report_among_this_years_is_named_and_its_year_not_evaluated_city_wide(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    """The 市本级's 2024 report among 2025's (its folder says 2025, or the run does: every other report is of
    2025). Before, 2025 said there was no 市本级 report, as if none had been filed, and 2024 got a city-wide
    section of one unit, 14 "missing", failing rules into the exit status and JSON. Now 2025 names the report
    of 2024, and 2024, a year given only by a report put among another's, is not evaluated city-wide: a
    notice says why. Whole or streamed, in one process or two, alike."""
    monkeypatch.chdir(tmp_path)
    stray = write_report(Path(folder), city_report(2024), "shibenji.yaml")
    write_report(Path(folder), county("东安县", year=2025), "dongan.yaml")
    write_report(Path(folder), county("道县", year=2025), "daoxian.yaml")
    result = _streamed_alike(monkeypatch, folder)
    doc = json.loads(result.stdout)
    assert doc["city"] == []
    assert doc["notices"] == [
        (
            f"2024 年全市性指标未评估：永州市本级的报表 {stray} 写的是 2024 年，却放在 2025 年的报表中，"
            "2024 年的报表都是这样放错的（多为去年的报表复制后没有改统计年度）；若它是 2025 年的报表，"
            "请把统计年度改为 2025"
        ),
        f"2025 年全市性指标未评估：输入中没有永州市本级 2025 年的有效报表（其报表 {stray} 为 2024 年）",
    ]
    assert ("永州市本级", 2024) in [(r["unit"], r["year"]) for r in doc["reports"]]  # scored as its own
    english = invoke_cli("check", folder, "--lang", "en", "--no-color", "--quiet")
    flowed = " ".join(english.stdout.split())
    assert f"no valid 永州市本级 report of 2025 among the inputs (its report {stray} is of 2024)" in flowed
    assert f"the 永州市本级 report {stray} gives 2024 but is among the 2025 reports" in flowed


def test_a_copy_of_last_years_report_that_sorts_first_leaves_last_years_scored_streamed_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """东安县's 2023 report copied into ``2024/`` (its year left at 2023, a figure changed) sorts before the
    real one in ``上年报表/`` (digits before 汉字). The whole run scored the real one; the streamed run kept
    the first it read, scored the copy's figures and grafted the warnings onto it, its own warning saying
    the other was scored. Now the streamed run scores the real one too, in one process or two."""
    monkeypatch.chdir(tmp_path)
    original = write_report(Path("上年报表"), county("东安县", year=2023), "dongan.yaml")
    stray = Path("2024") / "dongan.yaml"
    stray.parent.mkdir()
    text = original.read_text(encoding="utf-8")
    stray.write_text(
        text.replace("general_high_school: 1300", "general_high_school: 2300", 1), encoding="utf-8"
    )
    assert min(str(stray), str(original)) == str(stray)
    doc = json.loads(_streamed_alike(monkeypatch, ".").stdout)
    assert doc["invalid"] == []
    (scored,) = doc["reports"]
    assert scored["file"] == str(original)
    share = next(r for r in scored["results"] if "1200 / (1200 + " in r["explanation"])
    assert share["explanation"].startswith("1200 / (1200 + 1300) = 48.0%")
    warned = [(w["code"], w["file"]) for w in doc["warnings"] if w["code"] != "cross-year"]
    assert ("set-aside-for-its-year", str(stray)) in warned
    assert ("year-differs-from-folder", str(stray)) in warned
    (advice,) = [w["message"] for w in doc["warnings"] if w["code"] == "set-aside-for-its-year"]
    assert advice.startswith(f"东安县 2023 年的报表已有 {original}，按它计分")


@pytest.mark.parametrize("others", [0, 1], ids=["a-whole-year", "beside-fewer-of-that-year"])
def test_a_year_of_reports_filed_in_a_folder_named_for_another_is_evaluated_city_wide(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, others: int
) -> None:
    """All fifteen 2024 reports in ``2025/`` (or beside fewer reports of 2025 than they are): before, 2024
    lost
    its whole city-wide section, a notice saying the 市本级's report was put among 2025's, as if last year's
    report had been copied in. A year is set aside so only where its reports are fewer than the reports of
    the year they were put among: here the folder's name is the slip, and 2024 is evaluated. Whole or
    streamed, in one process or two, alike."""
    monkeypatch.chdir(tmp_path)
    folder = Path("2025")
    for index, report in enumerate(city_year(2024)):
        write_report(folder, report, f"u{index:02d}.yaml")
    for name in COUNTIES[:others]:
        write_report(folder, county(name, year=2025), f"{name}.yaml")
    doc = json.loads(_streamed_alike(monkeypatch, str(folder)).stdout)
    city = {year["year"]: year for year in doc["city"]}
    assert len(city[2024]["units_present"]) == 15
    assert city[2024]["units_missing"] == []
    assert not [notice for notice in doc["notices"] if "2024 年全市性指标未评估" in notice]


def test_a_report_filed_in_its_own_years_folder_is_not_said_to_be_put_among_another_years(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Thirteen 2025 reports in ``2025/``, 蓝山县's and the 市本级's of 2024 in ``2024/``: before, the run's
    year (2025, given by more than half of the reports) took the two for reports put among 2025's, though
    each is in its own year's folder, and 2024 was not evaluated city-wide. A report whose path says its
    own year is left out of the run's year: 2024 is evaluated, its 13 other units missing, and 2025 names no
    report of 2024 for its 市本级. Whole or streamed, in one process or two, alike."""
    monkeypatch.chdir(tmp_path)
    for report in city_year(2025):
        if report["unit"]["name"] not in (CITY, "蓝山县"):
            write_report(Path("2025"), report, f"{UNIT_NAMES.index(report['unit']['name']):02d}.yaml")
    city_file = write_report(Path("2024"), city_report(2024), "shibenji.yaml")
    write_report(Path("2024"), county("蓝山县", year=2024), "lanshan.yaml")
    doc = json.loads(_streamed_alike(monkeypatch, ".").stdout)
    (year,) = doc["city"]
    assert (year["year"], year["file"]) == (2024, str(city_file))
    assert sorted(year["units_present"]) == sorted([CITY, "蓝山县"])
    assert len(year["units_missing"]) == 13
    assert year["units_other_year"] == []
    assert doc["notices"] == ["2025 年全市性指标未评估：输入中没有有效的永州市本级报表"]


def test_a_stray_report_beside_the_year_folders_is_named_by_the_year_they_give(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fourteen 2025 reports in ``2025/`` and 祁阳市's only report, of 2022, at the top of the folder checked,
    where no path says a year. The reports in their own year's folder are never named, but they say which
    year the run is of: 祁阳市 is missing from 2025, its report of 2022 named beside it. Whole or streamed,
    in one process or two, alike."""
    monkeypatch.chdir(tmp_path)
    for report in city_year(2025):
        if report["unit"]["name"] != "祁阳市":
            write_report(Path("2025"), report, f"{UNIT_NAMES.index(report['unit']['name']):02d}.yaml")
    stray = write_report(Path("."), county("祁阳市", year=2022), "qiyang.yaml")
    doc = json.loads(_streamed_alike(monkeypatch, ".").stdout)
    by_year = {year["year"]: year for year in doc["city"]}
    assert "祁阳市" in by_year[2025]["units_missing"]
    assert by_year[2025]["units_other_year"] == [{"unit": "祁阳市", "file": str(stray), "year": 2022}]


def test_a_copy_of_last_years_report_beside_this_years_own_is_to_be_removed_not_corrected(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """东安县's 2023 report copied into ``2024/`` as ``dongan - 副本.yaml``, beside 东安县's own 2024 report.
    Before, the warning advised changing its year to 2024: a second 2024 report of 东安县, differing from the
    first, both then refused. It is advised to delete or move the copy, naming the 2024 report; the same in
    the streamed run (in one process or two) and in English. A workbook copied in with no report of the year
    its folder says is still advised to correct its 统计年度."""
    write_report(Path("2023"), county("东安县", year=2023), "dongan.yaml")
    own = write_report(Path("2024"), county("东安县", year=2024), "dongan.yaml")
    copy = write_report(Path("2024"), county("东安县", year=2023), "dongan - 副本.yaml")
    _workbook(invoke, write_report(Path("."), county("道县", year=2023), "x.yaml"), Path("2024/道县.xlsx"))
    write_report(Path("2023"), county("道县", year=2023), "daoxian.yaml")
    doc = json.loads(_streamed_alike(monkeypatch, ".").stdout)
    advice = {w["file"]: w["message"] for w in doc["warnings"] if w["code"] == "set-aside-for-its-year"}
    assert advice[str(copy)].endswith(
        "：本文件不计分；东安县 2024 年也已有报表 2024/dongan.yaml，本文件多为复制后留下的副本："
        "请删去本文件，或把它移出要检查的目录（改了统计年度，东安县 2024 年就有两份报表）"
    )
    assert advice["2024/道县.xlsx"].endswith("：本文件不计分；若它是 2024 年的报表，请把统计年度改为 2024")
    assert [r["file"] for r in doc["reports"] if r["unit"] == "东安县"] == ["2023/dongan.yaml", str(own)]
    english = invoke_cli("check", ".", "-f", "json", "--lang", "en")
    (said,) = [
        w["message"]
        for w in json.loads(english.stdout)["warnings"]
        if w["code"] == "set-aside-for-its-year" and w["file"] == str(copy)
    ]
    assert said.endswith(
        "it is not scored; 东安县 has a 2024 report too, 2024/dongan.yaml, so this file is most likely a "
        "leftover copy: delete it or move it out of the folders checked (with its year changed, 东安县 would "
        "have two 2024 reports)"
    )


def test_unique_asks_each_files_contents_once(tmp_path: Path) -> None:
    """A report of another year set aside beside two files of its unit and year that agree: each file's
    contents were asked twice (a flat run reads the file again for each), once to tell whether the two agree
    and once more to keep one of them."""
    from factory import builtin_packs

    from zhijiao_check.engine.duplicates import report_contents, unique
    from zhijiao_check.report import ReportFile, load_report

    units = builtin_packs()[0].units
    folder = tmp_path
    files = [
        write_report(folder / "2024", county("东安县", year=2023), "dongan.yaml"),
        write_report(folder / "上年", county("东安县", year=2023), "dongan.yaml"),
        write_report(folder / "上年", county("东安县", year=2023), "dongan - 副本.yaml"),
    ]
    reports = [load_report(file, units) for file in files]
    asked: list[str] = []

    def contents(report: ReportFile) -> object:
        asked.append(report.file)
        return report_contents(report)

    kept, refused = unique([r for r in reports if isinstance(r, ReportFile)], (), contents)
    assert (len(kept), refused) == (1, [])
    assert sorted(asked) == sorted(str(file) for file in files[1:])
