"""A unit list's renamings and mergers (``renamed:``, ``merged:``) name units of the list, each once; a key
the list does not have is no silence. Each is refused when the pack loads, at its line and column, in the
language of the run: an entry naming nothing never applied (a merger written ``merge:`` left the merged unit's
reports refused, a renaming to a name not in the list let a report give the old name and be of no unit)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from factory import PACK_DIR, write_pack
from typer.testing import CliRunner

from zhijiao_check.cli import app

from .test_load import FREEZE, POLICY

BUILT_IN = (PACK_DIR / "units.yaml").read_text(encoding="utf-8")
JINDONG = "  - {name: 金洞管理区, kind: management_area}\n"
MERGER = "merged:\n  - {name: 金洞管理区, kind: management_area, into: 祁阳市, year: 2026}\n"
LAST = len(BUILT_IN.splitlines())  # the line of the entries added after the built-in list


def without_jindong(added: str) -> str:
    return BUILT_IN.replace(JINDONG, "") + added


CASES = [
    (
        "merged-into-unknown",
        without_jindong(MERGER.replace("祁阳市", "祁阳")),
        (LAST + 1, 48, "merged[0].into"),
        (
            "并入的单位“祁阳”既不在 units 中，也不在 merged 中：into 须是名单中的单位，"
            "或 merged 中随后又并入其他单位的单位，是否应为“祁阳市”？"
        ),
        (
            'the unit merged into, "祁阳", is neither in units nor in merged: into names a unit of the list, '
            'or one of merged that joined another in turn; did you mean "祁阳市"?'
        ),
    ),
    (
        "merged-still-listed",
        BUILT_IN + MERGER,
        (LAST + 2, 12, "merged[0].name"),
        (
            "“金洞管理区”已并入其他单位，仍列在 units 中（第 16 行）："
            "从 units 删除它，merged 中的这一项保留它合并前的年份"
        ),
        (
            '"金洞管理区" is merged into another unit but still listed in units (line 16): delete it from '
            "units; its entry in merged keeps it a unit of the years before the merger"
        ),
    ),
    (
        "renamed-old-listed",
        BUILT_IN + "  - {old: 永州经济技术开发区, new: 永州高新区, year: 2026}\n",
        (LAST + 1, 11, "renamed[1].old"),
        (
            "旧名称“永州经济技术开发区”仍是名单中的单位（第 17 行）：更名后旧名称不再是单位，"
            "从 units 删除它，或并入其他单位时写在 merged 中"
        ),
        (
            'the old name "永州经济技术开发区" is still a unit of the list (line 17): after a renaming the '
            "old name is no unit; delete it from units, or write it in merged if it joined another unit"
        ),
    ),
    (
        "renamed-new-unknown",
        BUILT_IN.replace("{name: 永州经济技术开发区,", "{name: 永州高新技术产业开发区,")
        + "  - {old: 永州经济技术开发区, new: 永州高新区, year: 2026}\n",
        (LAST + 1, 27, "renamed[1].new"),
        (
            "更名后的名称“永州高新区”不在 units 中：new 须是名单中的单位，是否应为“永州高新技术产业开发区”？"
            "（一个单位并入另一个单位时写在 merged 中）"
        ),
        (
            'the new name "永州高新区" is not in units: new names a unit of the list; did you mean '
            '"永州高新技术产业开发区"? (a unit merged into another is written in merged)'
        ),
    ),
    (
        "units-unknown-key",
        without_jindong(MERGER.replace("merged:", "merge:")),
        (LAST, 1, "merge"),
        "单位名单中没有 merge 这一项（可写的有 units、renamed、merged）：是否应为 merged？",
        "the unit list has no merge (it takes units, renamed, merged): did you mean merged?",
    ),
    (
        "unit-change-year",
        without_jindong(MERGER.replace("2026", "26")),
        (LAST + 1, 59, "merged[0].year"),
        "年份 26 不在 2000–2100 之间：写更名或合并起始的四位年份",
        "the year 26 is not within 2000–2100: write the four-digit year the renaming or merger takes effect",
    ),
]


CYCLE = (
    "merged:\n"
    "  - {name: 金洞管理区, kind: management_area, into: 回龙圩管理区, year: 2023}\n"
    "  - {name: 回龙圩管理区, kind: management_area, into: 金洞管理区, year: 2025}\n"
)
CASES += [
    (
        "unit-since-year",
        BUILT_IN.replace(JINDONG, "  - {name: 金洞管理区, kind: management_area, since: 24}\n"),
        (16, 49, "units[12].since"),
        "年份 24 不在 2000–2100 之间：since 写单位设立（开始填报）的四位年份",
        (
            "the year 24 is not within 2000–2100: since is the four-digit year the unit was created "
            "(its first report's year)"
        ),
    ),
    (
        # a chain's middle unit misspelt: said as the merged unit it is near (it said "into names a unit of
        # the list", though a merged unit is one to join too, and named a unit of the list)
        "merged-into-unknown",
        without_jindong("").replace("  - {name: 回龙圩管理区, kind: management_area}\n", "")
        + CYCLE.replace("into: 回龙圩管理区", "into: 回龙圩管理").replace("into: 金洞管理区", "into: 祁阳市"),
        (LAST, 48, "merged[0].into"),
        (
            "并入的单位“回龙圩管理”既不在 units 中，也不在 merged 中：into 须是名单中的单位，"
            "或 merged 中随后又并入其他单位的单位，是否应为“回龙圩管理区”？"
        ),
        (
            'the unit merged into, "回龙圩管理", is neither in units nor in merged: into names a unit of the '
            'list, or one of merged that joined another in turn; did you mean "回龙圩管理区"?'
        ),
    ),
    (
        "merged-in-a-cycle",
        without_jindong("").replace("  - {name: 回龙圩管理区, kind: management_area}\n", "") + CYCLE,
        (LAST, 48, "merged[0].into"),
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

# Two units with one code: a report's code finds the first (``UnitRegistry.coded``), so the second was never
# found by it, and a report of it giving its code was taken as the first's. A merged unit's code is a unit's
# code too (its reports of the years before the merger give it).
DAOXIAN = '{name: 道县, kind: county, code: "431124"}'
CASES += [
    (
        "unit-code-twice",
        BUILT_IN.replace(DAOXIAN, DAOXIAN.replace("431124", "431123")),
        (9, 36, "units[5].code"),
        (
            "代码 431123 已是“双牌县”的代码（第 8 行），“道县”不能再用：每个单位的代码各不相同，"
            "报表按代码找到它的单位；请改正其中一个"
        ),
        (
            'the code 431123 is already the code of "双牌县" (line 8), so "道县" cannot have it too: each '
            "unit has a code of its own, by which a report's code finds its unit; correct one of them"
        ),
    ),
    (
        "unit-code-twice",
        without_jindong(MERGER.replace("year: 2026}", 'year: 2026, code: "431102"}')),
        (LAST + 1, 71, "merged[0].code"),
        (
            "代码 431102 已是“零陵区”的代码（第 4 行），“金洞管理区”不能再用：每个单位的代码各不相同，"
            "报表按代码找到它的单位；请改正其中一个"
        ),
        (
            'the code 431102 is already the code of "零陵区" (line 4), so "金洞管理区" cannot have it too: '
            "each unit has a code of its own, by which a report's code finds its unit; correct one of them"
        ),
    ),
    (
        # a former code another unit has: a report's code finds that unit first, so a report of 2020 with
        # it was taken as 零陵区's (``template --unit 431102 --year 2020`` gave 零陵区's)
        "unit-code-twice",
        BUILT_IN.replace('old_code: "431121"', 'old_code: "431102"'),
        (LAST, 48, "renamed[0].old_code"),
        (
            "代码 431102 已是“零陵区”的代码（第 4 行），“祁阳县”不能再用：每个单位的代码各不相同，"
            "报表按代码找到它的单位；请改正其中一个"
        ),
        (
            'the code 431102 is already the code of "零陵区" (line 4), so "祁阳县" cannot have it too: '
            "each unit has a code of its own, by which a report's code finds its unit; correct one of them"
        ),
    ),
    (
        # a unit created in the year of its merger (or later) would never report on its own
        "merged-since-late",
        without_jindong(MERGER.replace("year: 2026}", "year: 2026, since: 2026}")),
        (LAST + 1, 72, "merged[0].since"),
        (
            "“金洞管理区”2026 年设立，却在 2026 年并入其他单位：since 须早于 year，它单独填报的是 since 到 "
            "year 前一年的报表；请改正其中一个年份（自计划开始就有的单位不写 since）"
        ),
        (
            '"金洞管理区" was created in 2026 but merged into another unit in 2026: since comes before year, '
            "the unit reporting on its own from since to the year before year; correct one of the years (a "
            "unit there from the plan's start has no since)"
        ),
    ),
    (
        "unit-since-year",
        without_jindong(MERGER.replace("year: 2026}", "year: 2026, since: 23}")),
        (LAST + 1, 72, "merged[0].since"),
        "年份 23 不在 2000–2100 之间：since 写单位设立（开始填报）的四位年份",
        (
            "the year 23 is not within 2000–2100: since is the four-digit year the unit was created "
            "(its first report's year)"
        ),
    ),
]

# A key an entry does not have was read as nothing: ``since:`` of a merged unit (before it could have one) or
# ``sinse:`` left the unit expected, and missing, in the years before it was created.
CASES += [
    (
        "units-entry-unknown-key",
        without_jindong(MERGER.replace("year: 2026}", "year: 2026, sinse: 2023}")),
        (LAST + 1, 65, "merged[0].sinse"),  # at the key
        "merged 的这一项没有 sinse 这个键（可写的有 name、kind、into、year、code、since）：是否应为 since？",
        (
            "an entry of merged has no key sinse (it takes name, kind, into, year, code, since): did you "
            "mean since?"
        ),
    ),
]

# A key near none the entry takes: no suggestion (the first key, "did you mean new?", was one no likelier than
# the others), the keys it takes to write instead.
SINSE = BUILT_IN.replace('old_code: "431121"}', 'old_code: "431121", sinse: 2020}')
CASES += [
    (
        "units-entry-unknown-key-none",
        SINSE,
        (LAST, 58, "renamed[0].sinse"),
        "renamed 的这一项没有 sinse 这个键：删去它，或改写为其中之一：old、new、year、old_code",
        "an entry of renamed has no key sinse: delete it, or write one of old, new, year, old_code",
    ),
    (
        "units-unknown-key-none",
        BUILT_IN + "extra: []\n",
        (LAST + 1, 1, "extra"),
        "单位名单中没有 extra 这一项：删去它，或改写为其中之一：units、renamed、merged",
        "the unit list has no extra: delete it, or write one of units, renamed, merged",
    ),
]


@pytest.mark.parametrize(("code", "units", "where", "zh", "en"), CASES, ids=[c[0] for c in CASES])
def test_a_renaming_or_merger_naming_no_unit_is_refused_where_it_is_written(
    tmp_path: Path, code: str, units: str, where: tuple[int, int, str], zh: str, en: str
) -> None:
    line, column, path = where
    for file, message, stderr in _refused(tmp_path, units, zh, en):
        assert f"{file}:{line}:{column}: {path}: {message}" in stderr, code


def _refused(tmp_path: Path, units: str, zh: str, en: str) -> Iterator[tuple[Path, str, str]]:
    """A pack with ``units`` as its unit list, listed by ``rules`` in each language: refused (exit 2); its
    unit list's file, the message expected in that language, and what was said on standard error."""
    pack = write_pack(tmp_path / "pack", FREEZE, policy=POLICY)
    (pack / "units.yaml").write_text(units, encoding="utf-8")
    for lang, message in (("zh", zh), ("en", en)):
        result = CliRunner().invoke(app, ["rules", "--rules", str(pack), "--lang", lang])
        assert result.exit_code == 2, result.output
        yield pack / "units.yaml", message, result.stderr


def test_a_merger_written_as_the_pack_says_loads(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "pack", FREEZE, policy=POLICY)
    (pack / "units.yaml").write_text(without_jindong(MERGER), encoding="utf-8")
    result = CliRunner().invoke(app, ["rules", "--rules", str(pack)])
    assert result.exit_code == 0, result.output


def test_a_chain_of_mergers_and_a_unit_created_later_load(tmp_path: Path) -> None:
    """A merger into a unit merged in turn was refused (``merged-into-unknown``), and ``since:`` ignored."""
    pack = write_pack(tmp_path / "pack", FREEZE, policy=POLICY)
    chain = CYCLE.replace("into: 金洞管理区", "into: 祁阳市")
    since = "units:\n  - {name: 新区管理区, kind: management_area, since: 2024}\n"
    text = without_jindong("").replace("  - {name: 回龙圩管理区, kind: management_area}\n", "")
    (pack / "units.yaml").write_text(text.replace("units:\n", since) + chain, encoding="utf-8")
    result = CliRunner().invoke(app, ["rules", "--rules", str(pack)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "renamed",
    [
        # a renaming that kept the unit's code: its old code is its code now
        '  - {old: 祁阳县, new: 祁阳市, year: 2021, old_code: "431181"}\n',
        # two former names under one code: one unit's code under each
        (
            '  - {old: 祁阳县, new: 祁阳市, year: 2021, old_code: "431121"}\n'
            '  - {old: 祁阳, new: 祁阳市, year: 2019, old_code: "431121"}\n'
        ),
    ],
    ids=["kept", "two-former-names"],
)
def test_one_unit_giving_one_code_under_two_names_loads(tmp_path: Path, renamed: str) -> None:
    pack = write_pack(tmp_path / "pack", FREEZE, policy=POLICY)
    text = BUILT_IN.replace('  - {old: 祁阳县, new: 祁阳市, year: 2021, old_code: "431121"}\n', renamed)
    (pack / "units.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["rules", "--rules", str(pack)])
    assert result.exit_code == 0, result.output


def test_an_unknown_key_of_the_list_and_of_an_entry_are_said_in_one_pass(tmp_path: Path) -> None:
    """Entry keys were looked at only once the list's own keys were right: a file took two rounds to fix."""
    units = SINSE.replace("renamed:", "merge: []\nrenamed:")
    for file, message, stderr in _refused(tmp_path, units, "", ""):
        assert f"{file}:{LAST - 1}:1: merge: " in stderr
        assert f"{file}:{LAST + 1}:58: renamed[0].sinse: " in stderr


def test_a_since_that_is_no_year_is_refused_where_it_is_written(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "pack", FREEZE, policy=POLICY)
    written = "  - {name: 金洞管理区, kind: management_area, since: 2024年}\n"
    (pack / "units.yaml").write_text(BUILT_IN.replace(JINDONG, written), encoding="utf-8")
    result = CliRunner().invoke(app, ["rules", "--rules", str(pack)])
    assert result.exit_code == 2
    assert f'{pack / "units.yaml"}:16:49: units[12].since: since 写了 "2024年"，但它取整数' in result.stderr


# A year of the unit list written as a boolean or as text: Pydantic's lax mode read ``since: true`` as the
# year 1 (``年份 1 不在 2000–2100 之间``, of a year nobody wrote) and ``since: "2024"`` as 2024, silently.
def _boolean(key: str) -> tuple[str, str]:
    return f"{key} 写了 true，但它取整数", f"{key} is true, but it takes a whole number"


def _quoted(key: str, year: int) -> tuple[str, str]:
    english = f'{key} is "{year}", which in quotes is text, but it takes a whole number'
    return (
        f'{key} 写了 "{year}"，加了引号便是文字，但它取整数：应写 {key}: {year}，不加引号',
        f"{english}: write {key}: {year}, without quotes",
    )


SINCE_AT = (16, 49, "units[12].since")
MERGED_AT = (LAST + 1, 59, "merged[0].year")
YEARS_NOT_WHOLE = [
    (
        "since-true",
        BUILT_IN.replace(JINDONG, JINDONG.replace("}", ", since: true}")),
        SINCE_AT,
        *_boolean("since"),
    ),
    (
        "since-text",
        BUILT_IN.replace(JINDONG, JINDONG.replace("}", ', since: "2024"}')),
        SINCE_AT,
        *_quoted("since", 2024),
    ),
    ("merged-year-true", without_jindong(MERGER.replace("2026", "true")), MERGED_AT, *_boolean("year")),
    (
        "merged-year-text",
        without_jindong(MERGER.replace("2026", '"2026"')),
        MERGED_AT,
        *_quoted("year", 2026),
    ),
    (
        "renamed-year-text",
        BUILT_IN.replace("year: 2021", 'year: "2021"'),
        (23, 32, "renamed[0].year"),
        *_quoted("year", 2021),
    ),
]


@pytest.mark.parametrize(
    ("case", "units", "where", "zh", "en"), YEARS_NOT_WHOLE, ids=[c[0] for c in YEARS_NOT_WHOLE]
)
def test_a_year_written_as_a_boolean_or_text_is_refused_saying_what_to_write(
    tmp_path: Path, case: str, units: str, where: tuple[int, int, str], zh: str, en: str
) -> None:
    line, column, path = where
    for file, message, stderr in _refused(tmp_path, units, zh, en):
        said = f"{file}:{line}:{column}: {path}: {message}"
        assert said in stderr.splitlines(), case


def test_a_list_key_after_an_entry_key_is_said_in_line_order(tmp_path: Path) -> None:
    """The list's own keys were said before its entries' keys whatever their lines: ``units.yaml:24:1``
    came before ``23:58``."""
    for file, _, stderr in _refused(tmp_path, SINSE + "merge: []\n", "", ""):
        entry = stderr.index(f"{file}:{LAST}:58: renamed[0].sinse: ")
        assert entry < stderr.index(f"{file}:{LAST + 1}:1: merge: ")


def test_a_renaming_to_no_unit_is_said_once_not_again_of_its_old_code(tmp_path: Path) -> None:
    """A renaming's ``new`` mistyped (祁阳 for 祁阳市) that kept the unit's code: the old code was also said
    to be another unit's (祁阳市's, the follow-on of the slip), a second error to chase."""
    kept = '  - {old: 祁阳县, new: 祁阳, year: 2021, old_code: "431181"}\n'
    text = BUILT_IN.replace('  - {old: 祁阳县, new: 祁阳市, year: 2021, old_code: "431121"}\n', kept)
    for file, _, stderr in _refused(tmp_path, text, "", ""):
        assert f"{file}:{LAST}:21: renamed[0].new: " in stderr
        assert "old_code" not in stderr and stderr.count(f"{file}:") == 1, stderr
