"""A unit created in a later year (``since:``), and a chain of mergers (金洞管理区 into 回龙圩管理区 in
2023, 回龙圩管理区 into 祁阳市 in 2025), over the 2021–2025 reports of ``multiyear.py`` with the built-in
pack's unit list changed: who is expected each year, the trends, and a report, ``template --unit``, a waiver,
a roster and ``diff`` of a year the unit does not exist in, each refused saying why, in both languages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from .conftest import invoke, unit_trend
from .multiyear import write_years
from .test_renamed_units import city, pack_with

NEW_AREA = "回龙圩管理区"  # taken as created in 2024: no report before
SINCE = "  - {name: 回龙圩管理区, kind: management_area, since: 2024}\n"
FIRST, MIDDLE, LAST = "金洞管理区", "回龙圩管理区", "祁阳市"
CHAIN = (
    "merged:\n"
    "  - {name: 金洞管理区, kind: management_area, into: 回龙圩管理区, year: 2023}\n"
    "  - {name: 回龙圩管理区, kind: management_area, into: 祁阳市, year: 2025}\n"
)


def _without(text: str, *names: str) -> str:
    for name in names:
        text = text.replace(f"  - {{name: {name}, kind: management_area}}\n", "")
    return text


def check(*args: str | Path) -> tuple[int, dict[str, Any]]:
    result = invoke("check", *args, "--format", "json")
    return result.exit_code, json.loads(result.stdout)


@pytest.fixture(scope="module")
def created(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(reports 2021–2025, the pack, 回龙圩管理区's 2023 report kept apart): no report of it before 2024."""
    root = tmp_path_factory.mktemp("created")
    folder = write_years(root / "reports")
    apart = root / "apart"
    apart.mkdir()
    shutil.move(folder / "2023" / "huilongxu.yaml", apart / "huilongxu.yaml")
    for year in (2021, 2022):
        (folder / str(year) / "huilongxu.yaml").unlink()
    pack = pack_with(
        root / "pack", lambda text: _without(text, NEW_AREA).replace("units:\n", "units:\n" + SINCE)
    )
    return folder, pack, apart / "huilongxu.yaml"


@pytest.fixture(scope="module")
def chained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(reports 2021–2025, the pack, 金洞管理区's 2024 report kept apart): 金洞管理区 reports 2021–2022,
    回龙圩管理区 2021–2024."""
    root = tmp_path_factory.mktemp("chained")
    folder = write_years(root / "reports")
    apart = root / "apart"
    apart.mkdir()
    shutil.move(folder / "2024" / "jindong.yaml", apart / "jindong.yaml")
    for year in (2023, 2025):
        (folder / str(year) / "jindong.yaml").unlink()
    (folder / "2025" / "huilongxu.yaml").unlink()
    pack = pack_with(root / "pack", lambda text: _without(text, FIRST, MIDDLE) + CHAIN)
    return folder, pack, apart / "jindong.yaml"


def test_a_unit_created_later_is_not_missing_before_and_its_trends_start_then(
    created: tuple[Path, Path, Path],
) -> None:
    """``since: 2024`` was read as nothing: 回龙圩管理区 was 缺少单位 in 2021–2023, and its trends had those
    years as not filed."""
    folder, pack, _ = created
    code, doc = check(folder, "--rules", pack)
    assert code == 1 and doc["invalid"] == []
    years = city(doc)
    for year in (2021, 2022, 2023):
        present, missing, _ = years[year]
        assert NEW_AREA not in present and missing == [] and len(present) == 14, year
    for year in (2024, 2025):
        present, missing, _ = years[year]
        assert NEW_AREA in present and missing == [], year
    share = unit_trend(doc, NEW_AREA, "c2.school-standards")
    assert [y["year"] for y in share["years"]] == [2024, 2025]


def test_a_report_of_a_year_before_the_unit_was_created_is_refused_saying_the_year(
    created: tuple[Path, Path, Path],
) -> None:
    _, pack, early = created
    for lang, said in (
        ("zh", f"“{NEW_AREA}”2024 年设立，2024 年起才填报：2023 年的报表不能写它，请检查年度"),
        (
            "en",
            (
                f'"{NEW_AREA}" was created in 2024 and reports from 2024 on: a report of 2023 cannot give '
                "it; check the year"
            ),
        ),
    ):
        code, doc = check(early, "--rules", pack, "--lang", lang)
        assert code == 2
        [bad] = doc["invalid"]
        [problem] = bad["problems"]
        assert (problem["line"], problem["column"], problem["code"]) == (7, 9, "unit-not-yet")
        assert problem["message"] == said
        assert bad["unit"] == NEW_AREA
    diff = invoke("diff", early, early.parents[1] / "reports" / "2024" / "huilongxu.yaml", "--rules", pack)
    assert diff.exit_code == 2
    assert "2023 年的报表不能写它" in diff.output


def test_template_waiver_and_roster_agree_on_the_year_a_unit_was_created(
    created: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    folder, pack, _ = created
    refused = invoke("template", "--unit", NEW_AREA, "--year", "2023", "--rules", pack)
    assert refused.exit_code == 2
    assert f"“{NEW_AREA}”2024 年设立，2024 年起才填报：请用 --year 2024 或以后的年份" in refused.output
    english = invoke("template", "--unit", NEW_AREA, "--year", "2023", "--rules", pack, "--lang", "en")
    assert f'"{NEW_AREA}" was created in 2024 and reports from 2024 on: use --year 2024' in english.output
    made = invoke("template", "--unit", NEW_AREA, "--year", "2024", "--rules", pack)
    assert made.exit_code == 0 and f"name: {NEW_AREA}" in made.stdout
    waivers = tmp_path / "waivers.toml"
    waivers.write_text(
        f'[[waiver]]\nrule = "c16.secondary-funding"\nunit = "{NEW_AREA}"\nyear = 2023\nreason = "新设单位"\n'
        'approved_by = "永州市教育局"\n',
        encoding="utf-8",
    )
    waived = invoke("check", folder / "2024", "--rules", pack, "--waivers", waivers)
    assert waived.exit_code == 2
    assert (
        f"waiver[0].unit: “{NEW_AREA}”2024 年设立，2024 年起才填报，2023 年没有它的结果："
        "请写 2024 年或以后的 year" in waived.stderr
    )
    roster = tmp_path / "名册.yaml"
    roster.write_text(f"year: 2023\nunits:\n  {NEW_AREA}: [回龙圩管理区职业学校]\n", encoding="utf-8")
    listed = invoke("check", folder / "2023", "--rules", pack, "--roster", roster)
    assert listed.exit_code == 2
    said = (
        f"{roster}:3:3: units.{NEW_AREA}: “{NEW_AREA}”2024 年设立，2024 年起才填报："
        "请写 2024 年或以后的 year，或删除它"
    )
    assert said in listed.stderr.splitlines()


def test_a_chain_of_mergers_is_followed_year_by_year(chained: tuple[Path, Path, Path]) -> None:
    """A merger into a unit merged in turn was refused as ``merged-into-unknown``: 金洞管理区 into
    回龙圩管理区 (2023), 回龙圩管理区 into 祁阳市 (2025)."""
    folder, pack, _ = chained
    code, doc = check(folder, "--rules", pack)
    assert code == 1 and doc["invalid"] == []
    years = city(doc)
    # each year's units, a merged one after the unit it joined, as long as it reports
    joined = {2021: [MIDDLE, FIRST], 2022: [MIDDLE, FIRST], 2023: [MIDDLE], 2024: [MIDDLE], 2025: []}
    for year, (present, missing, _) in years.items():
        assert missing == [], year
        at = present.index(LAST) + 1
        assert present[at : at + 2] == [*joined[year], *present[at + len(joined[year]) :]][:2], year
        assert {FIRST, MIDDLE} & set(present) == set(joined[year]), year
    assert [y["year"] for y in unit_trend(doc, FIRST, "c2.school-standards")["years"]] == [2021, 2022]
    assert [y["year"] for y in unit_trend(doc, MIDDLE, "c2.school-standards")["years"]] == [
        2021,
        2022,
        2023,
        2024,
    ]


def test_a_report_along_a_chain_of_mergers_names_the_unit_that_holds_its_figures_that_year(
    chained: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    """金洞管理区's report of 2024 goes into 回龙圩管理区's; of 2025, into 祁阳市's (回龙圩管理区 being
    part of it by then). The message of 2025 said ``“金洞管理区”已于 2023 年并入“祁阳市”``, a false fact: it
    joined 回龙圩管理区 in 2023, which joined 祁阳市 in 2025."""
    _, pack, report = chained
    code, doc = check(report, "--rules", pack)
    assert code == 2
    [problem] = doc["invalid"][0]["problems"]
    assert (problem["line"], problem["column"], problem["code"]) == (3, 9, "unit-merged")
    assert problem["message"] == (
        f"“{FIRST}”已于 2023 年并入“{MIDDLE}”，2023 年起不再单独填报："
        f"请把它的数据填入“{MIDDLE}”的报表（name: {MIDDLE}）"
    )
    later = tmp_path / "jindong.yaml"
    later.write_text(report.read_text(encoding="utf-8").replace("year: 2024", "year: 2025"), encoding="utf-8")
    said = {
        "zh": (
            f"“{FIRST}”已于 2023 年并入“{MIDDLE}”（2025 年起属“{LAST}”），2023 年起不再单独填报："
            f"请把它的数据填入“{LAST}”的报表（name: {LAST}）"
        ),
        "en": (
            f'"{FIRST}" was merged into "{MIDDLE}" in 2023 (part of "{LAST}" since 2025) and files no report '
            f'of its own from 2023 on: put its figures in the report of "{LAST}" (name: {LAST})'
        ),
    }
    for lang, message in said.items():
        code, doc = check(later, "--rules", pack, "--lang", lang)
        [problem] = doc["invalid"][0]["problems"]
        assert (code, problem["code"], problem["message"]) == (2, "unit-merged", message)


def test_template_waiver_and_roster_along_a_chain_of_mergers_say_each_merger_in_its_year(
    chained: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    """``template --unit``, a waiver and a roster of 金洞管理区 for 2025 said it merged into 祁阳市 in 2023;
    it merged into 回龙圩管理区, part of 祁阳市 from 2025. Of 2024, the single merger."""
    folder, pack, _ = chained
    chain = {
        "zh": f"“{FIRST}”已于 2023 年并入“{MIDDLE}”（2025 年起属“{LAST}”），2023 年起不再单独填报：",
        "en": (
            f'"{FIRST}" was merged into "{MIDDLE}" in 2023 (part of "{LAST}" since 2025) and files no report '
            "of its own from 2023 on: "
        ),
    }
    template = {"zh": f"请用 --unit {LAST}", "en": f"use --unit {LAST}"}
    waiver = {
        "zh": f'请写 unit = "{LAST}"，或写 2023 年以前的 year',
        "en": f'write unit = "{LAST}", or a year before 2023',
    }
    roster = {
        "zh": f"请把它的学校列在“{LAST}”下，或写 2023 年以前的 year",
        "en": f'list its schools under "{LAST}", or write a year before 2023',
    }
    waivers = tmp_path / "waivers.toml"
    waivers.write_text(
        f'[[waiver]]\nrule = "c16.secondary-funding"\nunit = "{FIRST}"\nyear = 2025\nreason = "并入"\n'
        'approved_by = "永州市教育局"\n',
        encoding="utf-8",
    )
    listed = tmp_path / "名册.yaml"
    listed.write_text(f"year: 2025\nunits:\n  {FIRST}: [金洞管理区职业学校]\n", encoding="utf-8")
    for lang in ("zh", "en"):
        refused = invoke("template", "--unit", FIRST, "--year", "2025", "--rules", pack, "--lang", lang)
        assert (refused.exit_code, refused.stderr.strip()) == (2, chain[lang] + template[lang])
        waived = invoke("check", folder / "2025", "--rules", pack, "--waivers", waivers, "--lang", lang)
        assert waived.exit_code == 2
        assert f"waiver[0].unit: {chain[lang]}{waiver[lang]}" in waived.stderr
        rostered = invoke("check", folder / "2025", "--rules", pack, "--roster", listed, "--lang", lang)
        assert rostered.exit_code == 2
        assert f"{listed}:3:3: units.{FIRST}: {chain[lang]}{roster[lang]}" in rostered.stderr.splitlines()
    single = invoke("template", "--unit", FIRST, "--year", "2024", "--rules", pack)
    assert single.stderr.strip() == (
        f"“{FIRST}”已于 2023 年并入“{MIDDLE}”，2023 年起不再单独填报：请用 --unit {MIDDLE}"
    )


# A unit both created and merged within the plan: 金洞管理区 created in 2023, merged into 祁阳市 in 2025. A
# merged unit could not have ``since:`` (the key was refused), so it was expected, and missing, in 2021–2022.
SHORT_LIVED = (
    "merged:\n  - {name: 金洞管理区, kind: management_area, into: 祁阳市, year: 2025, since: 2023}\n"
)


@pytest.fixture(scope="module")
def short_lived(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(reports 2021–2025, the pack, a folder of 金洞管理区's 2022 and 2025 reports kept apart): it reports
    in 2023 and 2024 only."""
    root = tmp_path_factory.mktemp("short-lived")
    folder = write_years(root / "reports")
    apart = root / "apart"
    for year in (2022, 2025):
        (apart / str(year)).mkdir(parents=True)
        shutil.move(folder / str(year) / "jindong.yaml", apart / str(year) / "jindong.yaml")
    (folder / "2021" / "jindong.yaml").unlink()
    pack = pack_with(root / "pack", lambda text: _without(text, FIRST) + SHORT_LIVED)
    return folder, pack, apart


def test_a_merged_unit_created_later_is_expected_only_between_its_creation_and_its_merger(
    short_lived: tuple[Path, Path, Path],
) -> None:
    folder, pack, _ = short_lived
    code, doc = check(folder, "--rules", pack)
    assert code == 1 and doc["invalid"] == []
    for year, (present, missing, _) in city(doc).items():
        assert missing == [], year  # not missing before 2023, nor from its merger on
        assert (FIRST in present) is (year in (2023, 2024)), year
    assert [y["year"] for y in unit_trend(doc, FIRST, "c2.school-standards")["years"]] == [2023, 2024]


def test_a_merged_unit_created_later_is_refused_before_its_creation_and_from_its_merger(
    short_lived: tuple[Path, Path, Path],
) -> None:
    _, pack, apart = short_lived
    said = {
        ("zh", 2022): (
            7,  # the sample's comments come first
            "unit-not-yet",
            f"“{FIRST}”2023 年设立，2023 年起才填报：2022 年的报表不能写它，请检查年度",
        ),
        ("en", 2022): (
            7,
            "unit-not-yet",
            (
                f'"{FIRST}" was created in 2023 and reports from 2023 on: a report of 2022 cannot give it; '
                "check the year"
            ),
        ),
        ("zh", 2025): (
            3,
            "unit-merged",
            (
                f"“{FIRST}”已于 2025 年并入“{LAST}”，2025 年起不再单独填报："
                f"请把它的数据填入“{LAST}”的报表（name: {LAST}）"
            ),
        ),
    }
    for (lang, year), (line, problem_code, message) in said.items():
        code, doc = check(apart / str(year) / "jindong.yaml", "--rules", pack, "--lang", lang)
        assert code == 2
        [problem] = doc["invalid"][0]["problems"]
        assert (problem["line"], problem["column"], problem["code"]) == (line, 9, problem_code)
        assert problem["message"] == message
    for year, status, told in (
        (2022, 2, f"“{FIRST}”2023 年设立，2023 年起才填报：请用 --year 2023 或以后的年份"),
        (2024, 0, ""),
        (2025, 2, f"“{FIRST}”已于 2025 年并入“{LAST}”，2025 年起不再单独填报：请用 --unit {LAST}"),
    ):
        made = invoke("template", "--unit", FIRST, "--year", str(year), "--rules", pack)
        assert (made.exit_code, made.stderr.strip()) == (status, told), year
