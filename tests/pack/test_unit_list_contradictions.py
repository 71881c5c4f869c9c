"""A unit list whose years contradict each other across its entries is refused when the pack loads, at the
merger's line and column, in both languages: a merger into a unit not yet created in its year (its figures a
report no unit files: its own refused as merged, the other's as not yet created), into a unit merged away
already (a unit that is gone), a unit merged before it was created, mergers in a cycle; a renaming of a unit
not yet created, or merged away, in its year. ``check`` with a
copy of the built-in pack under ``--rules`` (it takes the built-in's place and gives the units) says so and
exits 2."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from factory import PACK_DIR, SAMPLES, invoke

from zhijiao_check.pack.load import load_pack

BUILT_IN = (PACK_DIR / "units.yaml").read_text(encoding="utf-8")
JINDONG = "  - {name: 金洞管理区, kind: management_area}\n"
HUILONGXU = "  - {name: 回龙圩管理区, kind: management_area}\n"
# the line of merged[0] below the built-in list with 金洞管理区 and 回龙圩管理区 taken out of units (one more
# with 回龙圩管理区 kept)
FIRST = len(BUILT_IN.splitlines())
REPORT = SAMPLES / "2023" / "lingling.yaml"


def merged(*entries: str, huilongxu_since: int | None = None) -> str:
    """The built-in list with 金洞管理区 in ``merged:`` (``entries``), 回龙圩管理区 too unless it stays a
    unit of the list (created in ``huilongxu_since`` when given)."""
    text = BUILT_IN.replace(JINDONG, "")
    if huilongxu_since is None:
        text = text.replace(HUILONGXU, "")
    else:
        text = text.replace(HUILONGXU, HUILONGXU.replace("}", f", since: {huilongxu_since}}}"))
    return text + "merged:\n" + "".join(f"  - {{{entry}}}\n" for entry in entries)


JINDONG_INTO = "name: 金洞管理区, kind: management_area, into: 回龙圩管理区, year: {year}"
HUILONGXU_INTO = "name: 回龙圩管理区, kind: management_area, into: 祁阳市, year: {year}"
NOT_YET_ZH = (
    "“金洞管理区”于 {year} 年并入“回龙圩管理区”，但“回龙圩管理区”{since} 年才设立（第 {line} 行）："
    "并入的单位须在并入那年已设立；请写 year: {since} 或更晚，或把“回龙圩管理区”的 since 改为 {year} 或更早"
)
NOT_YET_EN = (
    '"金洞管理区" is merged into "回龙圩管理区" in {year}, but "回龙圩管理区" was created only in {since} '
    "(line {line}): a unit joins one that exists in the year of the merger; write year: {since} or later, "
    'or a since of "回龙圩管理区" of {year} or earlier'
)
GONE_ZH = (
    "“金洞管理区”于 {year} 年并入“回龙圩管理区”，但“回龙圩管理区”已于 {then} 年并入“祁阳市”（第 {line} 行），"
    "{then} 年起不再是单独的单位：请写 {then} 年以前的 year，或写 into: 祁阳市"
)
GONE_EN = (
    '"金洞管理区" is merged into "回龙圩管理区" in {year}, but "回龙圩管理区" itself joined "祁阳市" '
    "in {then} (line {line}) and is no unit of its own from then: write a year before {then}, or into: 祁阳市"
)

CASES = [
    (
        # the case found: 回龙圩管理区 (a unit of the list) created in 2024, 金洞管理区 joining it in 2022
        "into-a-unit-created-later",
        merged(JINDONG_INTO.format(year=2022), huilongxu_since=2024),
        ("merged-into-not-yet", FIRST + 1, 62, "merged[0].year"),
        NOT_YET_ZH.format(year=2022, since=2024, line=15),
        NOT_YET_EN.format(year=2022, since=2024, line=15),
    ),
    (
        # the unit joined is merged in turn, created (its own since) after the first merger
        "into-a-merged-unit-created-later",
        merged(JINDONG_INTO.format(year=2023), HUILONGXU_INTO.format(year=2025) + ", since: 2024"),
        ("merged-into-not-yet", FIRST, 62, "merged[0].year"),
        NOT_YET_ZH.format(year=2023, since=2024, line=FIRST + 1),
        NOT_YET_EN.format(year=2023, since=2024, line=FIRST + 1),
    ),
    (
        # a chain the wrong way round: 回龙圩管理区 gone into 祁阳市 in 2023, 金洞管理区 joining it in 2025
        "into-a-unit-merged-away-earlier",
        merged(JINDONG_INTO.format(year=2025), HUILONGXU_INTO.format(year=2023)),
        ("merged-into-merged-away", FIRST, 62, "merged[0].year"),
        GONE_ZH.format(year=2025, then=2023, line=FIRST + 1),
        GONE_EN.format(year=2025, then=2023, line=FIRST + 1),
    ),
    (
        # in the very year the unit joined merges away: it files no report that year to hold the figures
        "into-a-unit-merged-away-that-year",
        merged(JINDONG_INTO.format(year=2025), HUILONGXU_INTO.format(year=2025)),
        ("merged-into-merged-away", FIRST, 62, "merged[0].year"),
        GONE_ZH.format(year=2025, then=2025, line=FIRST + 1),
        GONE_EN.format(year=2025, then=2025, line=FIRST + 1),
    ),
    (
        # refused already (``merged-since-late``): a unit merged before it was created
        "merged-before-its-own-since",
        merged("name: 金洞管理区, kind: management_area, into: 祁阳市, year: 2023, since: 2024"),
        ("merged-since-late", FIRST, 72, "merged[0].since"),
        (
            "“金洞管理区”2024 年设立，却在 2023 年并入其他单位：since 须早于 year，它单独填报的是 since 到 "
            "year 前一年的报表；请改正其中一个年份（自计划开始就有的单位不写 since）"
        ),
        (
            '"金洞管理区" was created in 2024 but merged into another unit in 2023: since comes before year, '
            "the unit reporting on its own from since to the year before year; correct one of the years (a "
            "unit there from the plan's start has no since)"
        ),
    ),
    (
        # refused already (``merged-in-a-cycle``), once, and not again as a merger into a unit merged away
        "a-cycle",
        merged(
            JINDONG_INTO.format(year=2023),
            "name: 回龙圩管理区, kind: management_area, into: 金洞管理区, year: 2025",
        ),
        ("merged-in-a-cycle", FIRST, 48, "merged[0].into"),
        (
            "“金洞管理区”的合并成环（金洞管理区 → 回龙圩管理区 → 金洞管理区）："
            "沿 into 最终须到达 units 中的单位，改正其中一项"
        ),
        (
            '"金洞管理区" is merged in a cycle (金洞管理区 → 回龙圩管理区 → 金洞管理区): '
            "following into must end at a unit of units; correct one of them"
        ),
    ),
]

# A renaming is of the same family: the old name is the unit's in the years before the renaming, so the unit
# exists then (created before it, not merged away before it).
QIYANG = '{name: 祁阳市, kind: county, code: "431181"}'
JINDONG_FORMER = "  - {old: 金洞区, new: 金洞管理区, year: {year}}\n"
JINDONG_MERGED = "merged:\n  - {name: 金洞管理区, kind: management_area, into: 祁阳市, year: 2023}\n"


def renamed_then_merged(year: int) -> str:
    """金洞管理区, called 金洞区 until ``year``, merged into 祁阳市 in 2023."""
    return BUILT_IN.replace(JINDONG, "") + JINDONG_FORMER.replace("{year}", str(year)) + JINDONG_MERGED


CASES += [
    (
        "renamed-to-a-unit-created-later",
        BUILT_IN.replace(QIYANG, QIYANG.replace("}", ", since: 2022}")),
        ("renamed-not-yet", FIRST, 32, "renamed[0].year"),
        (
            "“祁阳县”于 2021 年更名为“祁阳市”，但“祁阳市”2022 年才设立（第 6 行）：旧名称是更名前那些年"
            "的名称，since 须早于 year；请改正其中一个年份（自计划开始就有的单位不写 since）"
        ),
        (
            '"祁阳县" is renamed "祁阳市" in 2021, but "祁阳市" was created only in 2022 (line 6): the old '
            "name is the unit's in the years before the renaming, so since comes before year; correct one of "
            "the years (a unit there from the plan's start has no since)"
        ),
    ),
    (
        "renamed-after-its-merger",
        renamed_then_merged(2024),
        ("renamed-after-merger", FIRST, 34, "renamed[1].year"),
        (
            "“金洞区”于 2024 年更名为“金洞管理区”，但“金洞管理区”已于 2023 年并入“祁阳市”（第 25 行），"
            "2023 年起不再是单独的单位：更名须在并入之前；请写 year: 2023 或更早"
        ),
        (
            '"金洞区" is renamed "金洞管理区" in 2024, but "金洞管理区" joined "祁阳市" in 2023 (line 25) '
            "and is no unit of its own from then: a renaming comes before the merger; write year: 2023 or "
            "earlier"
        ),
    ),
]


def _copy(tmp_path: Path, units: str) -> Path:
    """A copy of the built-in pack with ``units`` as its unit list."""
    pack = Path(shutil.copytree(PACK_DIR, tmp_path / "pack"))
    (pack / "units.yaml").write_text(units, encoding="utf-8")
    return pack


@pytest.mark.parametrize(("case", "units", "where", "zh", "en"), CASES, ids=[c[0] for c in CASES])
def test_a_unit_list_contradicting_itself_is_refused_by_check_at_the_merger(
    tmp_path: Path, case: str, units: str, where: tuple[str, int, int, str], zh: str, en: str
) -> None:
    code, line, column, path = where
    pack = _copy(tmp_path, units)
    problems = load_pack(pack)
    assert isinstance(problems, list), case
    assert [(p.code, p.line, p.column, p.path) for p in problems] == [(code, line, column, path)]
    file = pack / "units.yaml"
    for lang, message in (("zh", zh), ("en", en)):
        result = invoke("check", "--rules", pack, "--lang", lang, REPORT)
        assert result.exit_code == 2, result.output
        assert f"{file}:{line}:{column}: {path}: {message}" in result.stderr.splitlines(), case


@pytest.mark.parametrize(
    "units",
    [
        # a chain the right way round: 金洞管理区 joins 回龙圩管理区 before it merges away
        merged(JINDONG_INTO.format(year=2023), HUILONGXU_INTO.format(year=2025)),
        # a merger in the year the unit joined was created (made of it, say)
        merged(JINDONG_INTO.format(year=2024), huilongxu_since=2024),
        merged(JINDONG_INTO.format(year=2024), HUILONGXU_INTO.format(year=2025) + ", since: 2022"),
        BUILT_IN.replace(QIYANG, QIYANG.replace("}", ", since: 2020}")),
        renamed_then_merged(2023),
    ],
    ids=[
        "chain",
        "joined-the-year-created",
        "into-a-merged-unit-created-earlier",
        "renamed-after-created",
        "renamed-in-the-year-merged",
    ],
)
def test_a_unit_list_whose_years_agree_checks(tmp_path: Path, units: str) -> None:
    pack = _copy(tmp_path, units)
    assert not isinstance(load_pack(pack), list)
    result = invoke("check", "--rules", pack, REPORT)
    assert result.exit_code == 0, result.output
