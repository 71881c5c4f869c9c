"""A unit renamed or merged into another in 2026: its reports of 2021–2025, which give the name of their
year, stay valid and are the same unit over the years (the city-wide roll-up's present and missing, trends,
``diff``, ``--previous``, ``template --from``); a report of 2026 that gives the old name is refused, saying
更名 for a renaming and 并入 for a merger.

The reports are those of ``multiyear.py`` (2021–2025, all 15 units), with 2026 derived from 2025 as it derives
2024 and 2025 from 2023, and the packs copies of the built-in one with the unit list changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import invoke, unit_trend
from .multiyear import ROOT, derive, save, write_years

OLD, NEW = "永州经济技术开发区", "永州高新技术产业开发区"
MERGED, INTO = "金洞管理区", "祁阳市"
RENAMING = f"  - {{old: {OLD}, new: {NEW}, year: 2026}}\n"
MERGER = f"merged:\n  - {{name: {MERGED}, kind: management_area, into: {INTO}, year: 2026}}\n"


def pack_with(dest: Path, edit: Any) -> Path:
    """A copy of the built-in pack whose ``units.yaml`` is ``edit(text)``."""
    shutil.copytree(ROOT / "rules" / "yzf-2021-7", dest)
    units = dest / "units.yaml"
    units.write_text(edit(units.read_text(encoding="utf-8")), encoding="utf-8")
    return dest


def renamed_pack(dest: Path) -> Path:
    """永州经济技术开发区 is 永州高新技术产业开发区 from 2026."""
    return pack_with(dest, lambda text: text.replace(f"{{name: {OLD},", f"{{name: {NEW},") + RENAMING)


def merged_pack(dest: Path) -> Path:
    """金洞管理区 is part of 祁阳市 from 2026: gone from ``units``, listed in ``merged``."""
    return pack_with(
        dest, lambda text: text.replace(f"  - {{name: {MERGED}, kind: management_area}}\n", "") + MERGER
    )


def year_2026(folder: Path, names: dict[str, str], leave_out: tuple[str, ...] = ()) -> Path:
    """``folder/2026``: each 2025 report a year later, ``names`` giving a unit's name by file stem."""
    reports = {}
    for path in sorted((folder / "2025").glob("*.yaml")):
        if path.stem in leave_out:
            continue
        last = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = a_year_later(last, path.stem)
        data["unit"]["name"] = names.get(path.stem, data["unit"]["name"])
        reports[path.stem] = data
    save(folder / "2026", reports)
    return folder / "2026"


def a_year_later(last: dict[str, Any], stem: str) -> dict[str, Any]:
    """A 2025 report as 2026's (``derive``, whose city-wide series end in 2025: the city's go on rising)."""
    city = last.pop("city", None)
    data = derive(last, 2026, last, stem)
    if city is not None:
        data["city"] = {**city, "demonstration_enterprises": 26, "provincial_teaching_teams": 34}
    return data


def check(*args: str | Path) -> tuple[int, dict[str, Any]]:
    result = invoke("check", *args, "--format", "json")
    return result.exit_code, json.loads(result.stdout)


def city(doc: dict[str, Any]) -> dict[int, tuple[list[str], list[str], list[str]]]:
    return {c["year"]: (c["units_present"], c["units_missing"], c["units_invalid"]) for c in doc["city"]}


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(reports 2021–2026, the pack): 2021–2025 say 永州经济技术开发区, 2026 永州高新技术产业开发区."""
    root = tmp_path_factory.mktemp("renamed")
    folder = write_years(root / "reports")
    year_2026(folder, {"jingkaiqu": NEW})
    return folder, renamed_pack(root / "pack")


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(reports 2021–2026, the pack): 金洞管理区 reports 2021–2025 and none in 2026."""
    root = tmp_path_factory.mktemp("merged")
    folder = write_years(root / "reports")
    year_2026(folder, {}, leave_out=("jindong",))
    return folder, merged_pack(root / "pack")


def test_the_reports_before_a_renaming_keep_the_old_name_and_count_as_the_unit(
    renamed: tuple[Path, Path],
) -> None:
    folder, pack = renamed
    code, doc = check(folder, "--rules", pack)
    assert code == 1  # targets fail; no report is invalid
    assert doc["invalid"] == []
    years = city(doc)
    assert sorted(years) == [2021, 2022, 2023, 2024, 2025, 2026]
    for year, (present, missing, invalid) in years.items():
        assert NEW in present and OLD not in present, year
        assert (missing, invalid) == ([], []), year
        assert len(present) == 15
    # one unit over the six years, under its name now
    assert [u["unit"] for u in doc["trends"]["units"]].count(NEW) == 1
    assert OLD not in [u["unit"] for u in doc["trends"]["units"]]
    share = unit_trend(doc, NEW, "c2.school-standards")
    assert [y["year"] for y in share["years"]] == [2021, 2022, 2023, 2024, 2025, 2026]
    assert {y["status"] for y in share["years"]} <= {"pass", "fail"}
    # each report shown under the name now, and the name it gives said
    own = [r for r in doc["reports"] if r["file"].endswith("jingkaiqu.yaml")]
    assert [(r["year"], r["unit"]) for r in own] == [(y, NEW) for y in range(2021, 2027)]
    said = f"报表所填单位名称“{OLD}”是 2026 年更名前的名称：按现名“{NEW}”显示和统计"
    assert [said in r["notices"] for r in own] == [True] * 5 + [False]


def test_the_notice_in_english(renamed: tuple[Path, Path]) -> None:
    folder, pack = renamed
    result = invoke("check", folder / "2025" / "jingkaiqu.yaml", "--rules", pack, "--lang", "en")
    assert result.exit_code == 1, result.output
    assert (
        f'the report gives "{OLD}", the name before its renaming in 2026: shown and counted as'
        in result.stdout
    )
    assert f"{NEW} (development zone) · 2025" in result.stdout


def test_the_old_name_in_the_year_of_the_renaming_is_refused(
    renamed: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, pack = renamed
    late = shutil.copytree(folder / "2026", tmp_path / "2026")
    report = late / "jingkaiqu.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace(NEW, OLD), encoding="utf-8")
    code, doc = check(late, "--rules", pack)
    assert code == 2
    [bad] = doc["invalid"]
    [problem] = bad["problems"]
    assert (problem["line"], problem["column"], problem["path"], problem["code"]) == (
        3,
        9,
        "unit.name",
        "unit-renamed",
    )
    assert problem["message"] == f"“{OLD}”已于 2026 年更名为“{NEW}”：请写 name: {NEW}"
    # missing, its report being refused: the unit's all the same, 报表无效 and never 未提交 (it was left to
    # no unit, and said to have filed nothing beside its refused report)
    assert bad["unit"] == NEW
    assert city(doc)[2026][1:] == ([NEW], [NEW])
    args = ["check", str(late), "--rules", str(pack), "--no-color"]
    table = invoke(*args, env={"COLUMNS": "200"}).stdout
    assert f"报表无效：{NEW} ·" in table and f"缺少单位：{NEW}（报表无效）" in table
    assert f"缺少单位：{NEW} " not in table and "未提交" not in table
    ranking = table.split("2026 年 · 单位得分排名与达标矩阵", 1)[1].split("图例", 1)[0]
    assert [line.split() for line in ranking.splitlines() if "报表无效" in line] == [["—", NEW, "报表无效"]]


def test_template_from_and_diff_across_the_renaming(renamed: tuple[Path, Path], tmp_path: Path) -> None:
    folder, pack = renamed
    last = folder / "2025" / "jingkaiqu.yaml"
    made = tmp_path / "2026.yaml"
    result = invoke("template", "--unit", NEW, "--year", "2026", "--from", last, "--rules", pack, "-o", made)
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(made.read_text(encoding="utf-8"))
    assert (data["unit"]["name"], data["year"]) == (NEW, 2026)
    assert invoke("validate", made, "--rules", pack).exit_code == 0
    # the old name is this year's no more
    refused = invoke("template", "--unit", OLD, "--year", "2026", "--rules", pack)
    assert refused.exit_code == 2
    assert f"“{OLD}”已于 2026 年更名为“{NEW}”：请用 --unit {NEW}" in refused.output
    diff = invoke("diff", last, folder / "2026" / "jingkaiqu.yaml", "--rules", pack, "--format", "json")
    assert diff.exit_code == 0, diff.output
    compared = json.loads(diff.stdout)
    assert (compared["old"]["unit"], compared["new"]["unit"]) == (NEW, NEW)
    folders = invoke("diff", folder / "2025", folder / "2026", "--rules", pack, "--format", "json")
    assert folders.exit_code == 0, folders.output
    both = json.loads(folders.stdout)
    assert NEW in [u["new"]["unit"] for u in both["units"]]
    assert both["only_old"] == both["only_new"] == []


def test_previous_compares_the_year_before_the_renaming(renamed: tuple[Path, Path], tmp_path: Path) -> None:
    folder, pack = renamed
    now = shutil.copytree(folder / "2026", tmp_path / "2026")
    report = now / "jingkaiqu.yaml"
    data = yaml.safe_load(report.read_text(encoding="utf-8"))
    school = data["schools"].pop()["name"]
    save(now, {"jingkaiqu": data})
    code, doc = check(now, "--previous", folder / "2025", "--rules", pack)
    assert code == 1
    vanished = [w for w in doc["warnings"] if w["code"] == "school-vanished" and w["file"] == str(report)]
    assert len(vanished) == 1 and school in vanished[0]["message"]


def test_convert_keeps_the_name_the_report_gives(renamed: tuple[Path, Path], tmp_path: Path) -> None:
    folder, pack = renamed
    out = tmp_path / "jingkaiqu.json"
    result = invoke("convert", folder / "2025" / "jingkaiqu.yaml", "-o", out, "--rules", pack)
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["unit"]["name"] == OLD


def test_a_merged_unit_is_its_own_before_the_merger_and_expected_no_more_after(
    merged: tuple[Path, Path],
) -> None:
    folder, pack = merged
    code, doc = check(folder, "--rules", pack)
    assert code == 1
    assert doc["invalid"] == []
    years = city(doc)
    for year in range(2021, 2026):
        present, missing, _ = years[year]
        assert len(present) == 15 and missing == [], year
        # after the unit it joined, as the reports are shown
        assert present[present.index(INTO) + 1] == MERGED, year
    present, missing, _ = years[2026]
    assert MERGED not in present and missing == [] and len(present) == 14
    share = unit_trend(doc, MERGED, "c2.school-standards")
    assert [y["year"] for y in share["years"]] == [2021, 2022, 2023, 2024, 2025]
    own = [r for r in doc["reports"] if r["file"].endswith("jindong.yaml")]
    assert [(r["unit"], r["kind"]) for r in own] == [(MERGED, "management_area")] * 5


def test_a_merged_units_report_after_the_merger_says_merged(
    merged: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, pack = merged
    late = tmp_path / "2026"
    last = yaml.safe_load((folder / "2025" / "jindong.yaml").read_text(encoding="utf-8"))
    save(late, {"jindong": a_year_later(last, "jindong")})
    for lang, said in (
        (
            "zh",
            (
                f"“{MERGED}”已于 2026 年并入“{INTO}”，2026 年起不再单独填报："
                f"请把它的数据填入“{INTO}”的报表（name: {INTO}）"
            ),
        ),
        (
            "en",
            (
                f'"{MERGED}" was merged into "{INTO}" in 2026 and files no report of its own from 2026 '
                f'on: put its figures in the report of "{INTO}" (name: {INTO})'
            ),
        ),
    ):
        code, doc = check(late / "jindong.yaml", "--rules", pack, "--lang", lang)
        assert code == 2
        [problem] = doc["invalid"][0]["problems"]
        assert (problem["line"], problem["column"], problem["code"]) == (3, 9, "unit-merged")
        assert problem["message"] == said
        assert "更名" not in problem["message"]
        assert doc["invalid"][0]["unit"] is None  # not the report of the unit it was merged into
    refused = invoke("template", "--unit", MERGED, "--year", "2026", "--rules", pack)
    assert refused.exit_code == 2
    assert f"“{MERGED}”已于 2026 年并入“{INTO}”，2026 年起不再单独填报：请用 --unit {INTO}" in refused.output
    before = invoke("template", "--unit", MERGED, "--year", "2025", "--rules", pack)
    assert before.exit_code == 0 and f"name: {MERGED}" in before.stdout


@pytest.mark.parametrize(
    ("year", "code", "valid"),
    [(2020, "431121", True), (2020, "431181", True), (2021, "431121", False), (2021, None, False)],
)
def test_the_built_in_pack_takes_qiyang_county_before_2021(
    tmp_path: Path, year: int, code: str | None, valid: bool
) -> None:
    """祁阳县 (431121) became 祁阳市 (431181) in 2021: a report of 2020 may give the old name and code."""
    data = yaml.safe_load((ROOT / "samples" / "2022" / "qiyang.yaml").read_text(encoding="utf-8"))
    data["year"] = year
    data["unit"] = {"name": "祁阳县", "kind": "county", **({"code": code} if code else {})}
    for school in data["schools"]:
        school["established"] = min(school.get("established", year), year)
        for major in school.get("majors") or []:
            major.pop("evaluated_in", None)
    save(tmp_path, {"qiyang": data})
    result = invoke("validate", tmp_path / "qiyang.yaml", "--format", "json")
    if valid:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 2
    problems = json.loads(result.stdout)["problems"] if result.stdout.startswith("{") else []
    assert "“祁阳县”已于 2021 年更名为“祁阳市”：请写 name: 祁阳市" in result.output or any(
        p["code"] == "unit-renamed" for p in problems
    )


def test_diff_says_the_renaming_in_every_format(renamed: tuple[Path, Path]) -> None:
    """The fields give the name now, whatever each report says: diffing 2025's report (the old name) with
    2026's (the new one) said nothing of the name. It says the renaming, in the table (either language) and
    in JSON, for two files as for two folders."""
    folder, pack = renamed
    last, now = folder / "2025" / "jingkaiqu.yaml", folder / "2026" / "jingkaiqu.yaml"
    compared = json.loads(invoke("diff", last, now, "--rules", pack, "--format", "json").stdout)
    said = f"单位于 2026 年更名：“{OLD}” → “{NEW}”"
    assert compared["renamed"] == {"old": OLD, "new": NEW, "year": 2026, "message": said}
    for lang, shown in (("zh", said), ("en", f'the unit was renamed in 2026: "{OLD}" → "{NEW}"')):
        table = invoke(
            "diff", str(last), str(now), "--rules", str(pack), "--lang", lang, env={"COLUMNS": "200"}
        )
        assert table.exit_code == 0, table.output
        assert shown in table.stdout.splitlines()
    folders = json.loads(
        invoke("diff", folder / "2025", folder / "2026", "--rules", pack, "--format", "json").stdout
    )
    [unit] = [u for u in folders["units"] if u["new"]["unit"] == NEW]
    assert unit["renamed"]["message"] == said
    assert all(u["renamed"] is None for u in folders["units"] if u is not unit)
    same = json.loads(
        invoke("diff", folder / "2024" / "jingkaiqu.yaml", last, "--rules", pack, "--format", "json").stdout
    )
    assert same["renamed"] is None  # both give the old name


def test_a_roster_takes_a_former_name_as_a_report_of_its_year_does(
    renamed: tuple[Path, Path], tmp_path: Path
) -> None:
    """A roster named a unit by its current name only: 2025's roster giving 永州经济技术开发区 was refused
    as an unknown unit. It is the unit's for a roster of 2025, said as a report's notice says it, and its
    schools checked against the unit's report; from 2026 on, or with no year, it is refused with the name."""
    folder, pack = renamed
    roster = tmp_path / "名册.yaml"
    roster.write_text(f"year: 2025\nunits:\n  {OLD}: [江华县茶叶学院]\n", encoding="utf-8")
    code, doc = check(folder / "2025", "--rules", pack, "--roster", roster)
    assert code == 2
    assert f"名册 {roster} 所填单位名称“{OLD}”是 2026 年更名前的名称：按现名“{NEW}”核对学校" in doc["notices"]
    [bad] = doc["invalid"]
    [problem] = bad["problems"]
    assert bad["unit"] == NEW and problem["code"] in ("roster-school-absent", "roster-school-similar")
    assert "江华县茶叶学院" in problem["message"]
    _, english = check(folder / "2025", "--rules", pack, "--roster", roster, "--lang", "en")
    said = f'the roster {roster} gives "{OLD}", the name before its renaming in 2026: its schools are checked'
    assert any(notice.startswith(said) for notice in english["notices"])
    for head in ("year: 2026\n", ""):
        roster.write_text(f"{head}units:\n  {OLD}: [江华县茶叶学院]\n", encoding="utf-8")
        refused = invoke("check", folder / "2025", "--rules", pack, "--roster", roster)
        assert refused.exit_code == 2
        said = (
            f"{roster}:{2 + bool(head)}:3: units.{OLD}: “{OLD}”已于 2026 年更名为“{NEW}”："
            f"请写“{NEW}”，或写 2026 年以前的 year"
        )
        assert said in refused.stderr.splitlines()


def test_template_takes_a_former_name_or_code_of_its_year_with_a_notice() -> None:
    """祁阳县 (431121) became 祁阳市 (431181) in 2021: ``template --unit 431121 --year 2020`` was refused as
    an unknown unit, and ``--unit 祁阳县`` taken without a word. Either is 祁阳市's, said on stderr; from 2021
    on the code is refused with the name to use."""
    for given in ("祁阳县", "431121"):
        result = invoke("template", "--unit", given, "--year", "2020")
        assert result.exit_code == 0, result.output
        assert "name: 祁阳市" in result.stdout
        assert (
            f"“{given}”是 2021 年更名前的名称或代码：模板按现名“祁阳市”填写（2021 年以前的报表两者都可以写）"
            in result.stderr
        )
    english = invoke("template", "--unit", "431121", "--year", "2020", "--lang", "en")
    assert '"431121" is the name or code before the renaming in 2021' in english.stderr
    assert "更名" not in invoke("template", "--unit", "祁阳市", "--year", "2020").stderr
    refused = invoke("template", "--unit", "431121", "--year", "2021")
    assert refused.exit_code == 2
    assert "代码 431121 是“祁阳县”的旧代码，2021 年更名为“祁阳市”：请用 --unit 祁阳市" in refused.output
