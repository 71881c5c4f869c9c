"""A rule's last year (``time: {until: …}``): a threshold changed from a year on is the old rule ending that
year and a new rule from the next, judged in one run over the years of both (docs/packs.md, "A threshold
changed from a year on"); an ``until`` that contradicts the rule's other years is refused where it is written.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from factory import PACK_DIR, city_year, write_pack, write_reports

from pack.common import at, edited, refused, run

OLD = "c8.demonstration-enterprises"
NEW = "c8.demonstration-enterprises-35"
OLD_TIME = '    target: {op: ">=", value: 30}\n    time: {due: 2025, linear: true}\n'
NEW_RULE = """  - id: c8.demonstration-enterprises-35
    title: {zh: 建设培育产教融合示范性企业35家, en: "35 demonstration enterprises"}
    clause: 8
    quote: 建设培育产教融合示范性企业30家
    scope: city
    kind: total
    of: city.demonstration_enterprises
    target: {op: ">=", value: 35}
    time: {from: 2024, due: 2025, linear: true}

  - id: c8.park-funding
"""


def split_pack(
    tmp_path: Path, old_time: str = "until: 2023, replaced_by: " + NEW, new_from: str = "2024"
) -> Path:
    """The built-in pack copied, c8's 30 enterprises ending in 2023 (``old_time`` added to its time) and a
    rule of 35 judged from ``new_from``."""
    pack = tmp_path / "pack"
    shutil.copytree(PACK_DIR, pack)
    path = pack / "clause-08.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(OLD_TIME, OLD_TIME.replace("linear: true}", f"linear: true, {old_time}}}"), 1)
    text = text.replace("  - id: c8.park-funding\n", NEW_RULE.replace("from: 2024", f"from: {new_from}"), 1)
    path.write_text(text, encoding="utf-8")
    return pack


def city_results(tmp_path: Path, pack: Path, *args: str) -> dict:
    folder = tmp_path / "reports"
    write_reports(folder, [*city_year(2023, enterprises=12), *city_year(2024, enterprises=12)])
    result = run(
        "check", folder, "--rules", pack, "--format", "json", "--select", OLD, "--select", NEW, *args
    )
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


# ------------------------------------------------------------------------------------ one run, two thresholds


def test_a_threshold_raised_from_2024_keeps_30_for_2023_and_judges_2024_against_35_in_one_run(tmp_path):
    data = city_results(tmp_path, split_pack(tmp_path))
    by_year = {c["year"]: {r["rule"]: r for r in c["results"]} for c in data["city"]}
    assert by_year[2023][OLD]["status"] == "behind"
    assert by_year[2023][OLD]["explanation"] == "产教融合示范性企业 12 < 30"
    assert by_year[2023][NEW]["status"] == "not_applicable"
    assert by_year[2023][NEW]["explanation"] == "自 2024 年起判定"
    assert by_year[2024][NEW]["status"] == "behind"
    assert by_year[2024][NEW]["explanation"] == "产教融合示范性企业 12 < 35"
    assert by_year[2024][NEW]["notes"] == ["线性进度：2024 年应达 28（2025 年目标 35）"]
    assert by_year[2024][OLD]["status"] == "not_applicable"
    assert by_year[2024][OLD]["explanation"] == (f"判定至 2023 年止（time 的 until）：2024 年改由 {NEW} 判定")


def test_the_trend_of_a_retired_rule_has_its_later_years_not_applicable_and_no_projection(tmp_path):
    data = city_results(tmp_path, split_pack(tmp_path))
    trends = {t["rule"]: t for t in data["trends"]["city"]}
    old = {y["year"]: y for y in trends[OLD]["years"]}
    assert old[2024]["status"] == "not_applicable"
    assert old[2024]["schedule"] is None  # no schedule in a year the rule is not judged
    assert old[2023]["schedule"] == 18
    assert trends[OLD]["no_projection"] == "retired"
    new = {y["year"]: y for y in trends[NEW]["years"]}
    assert (new[2023]["status"], new[2023]["schedule"], new[2024]["schedule"]) == ("not_applicable", None, 28)


def test_without_replaced_by_the_later_years_say_only_the_last_year(tmp_path):
    data = city_results(tmp_path, split_pack(tmp_path, old_time="until: 2023"), "--lang", "en")
    later = {r["rule"]: r for r in data["city"][1]["results"]}[OLD]
    assert later["explanation"] == "judged until 2023 (time: until): not in 2024"


def test_rules_and_explain_show_the_last_year_and_the_rule_that_takes_over(tmp_path):
    pack = split_pack(tmp_path)
    listed = json.loads(run("rules", "--rules", pack, "--format", "json").stdout)
    old = next(r for r in listed if r["id"] == OLD)
    assert old["time"] == {"due": 2025, "linear": True, "until": 2023, "replaced_by": NEW}
    assert old["time_text"] == f"到 2025 年（线性进度），至 2023 年止（此后由 {NEW} 判定）"
    new = next(r for r in listed if r["id"] == NEW)
    assert new["time_text"] == "自 2024 年起，到 2025 年（线性进度）"
    explained = run("explain", OLD, "--rules", pack, "--lang", "en").stdout
    assert f"time: due 2025, linear, until 2023 (then {NEW})" in explained
    # the schedule of the years it is judged in only
    assert "2021: 6, 2022: 12, 2023: 18\n" in explained
    assert "schedule" in run("explain", NEW, "--rules", pack, "--lang", "en").stdout
    assert "2024 年 28、2025 年 35" in run("explain", NEW, "--rules", pack).stdout
    markdown = run("rules", "--rules", pack, "--format", "markdown", "--lang", "en").stdout
    assert f"- time: due 2025, linear, until 2023 (then {NEW})" in markdown


# ------------------------------------------------------------------------------------ refused where written


def test_until_before_from_is_refused_at_until(tmp_path):
    pack, path = edited(
        tmp_path, "clause-10.yaml", "time: {every_year: 2022}", "time: {every_year: 2024, until: 2023}"
    )
    said = refused(pack)
    assert f"{at(path, 'until: 2023', '2023')}: " in said
    assert "until 2023 早于 every_year 2024：规则在任何年份都不适用；应写 until: 2024 或更晚" in said


def test_from_with_until_before_it_is_refused_in_english(tmp_path):
    pack, path = edited(
        tmp_path, "clause-10.yaml", "time: {every_year: 2022}", "time: {from: 2024, until: 2023}"
    )
    said = refused(pack, "en")
    assert f"{at(path, 'until: 2023', '2023')}: " in said
    assert (
        "until 2023 is before from 2024: the rule would apply in no year; write until: 2024 or later" in said
    )


def test_until_before_the_policy_was_issued_is_refused_at_until(tmp_path):
    pack, path = edited(tmp_path, "clause-08.yaml", OLD_TIME, OLD_TIME.replace("true}", "true, until: 2020}"))
    said = refused(pack)
    assert f"{at(path, 'until: 2020', '2020')}: " in said
    assert (
        f"规则 {OLD} 写了 until: 2020，早于政策发布的 2021 年（2021-09-04，pack.yaml 中的 issued）："
        "规则在任何年份都不适用；应写 until: 2021 或更晚，或删去这条规则"
    ) in said


def test_from_after_due_is_refused_at_from(tmp_path):
    pack, path = edited(
        tmp_path, "clause-08.yaml", OLD_TIME, OLD_TIME.replace("{due: 2025", "{from: 2026, due: 2025")
    )
    said = refused(pack, "en")
    assert f"{at(path, 'from: 2026', '2026')}: " in said
    assert "from 2026 is after due 2025" in said


def test_replaced_by_without_until_is_refused_at_replaced_by(tmp_path):
    pack = split_pack(tmp_path, old_time=f"replaced_by: {NEW}")
    said = refused(pack)
    path = pack / "clause-08.yaml"
    assert f"{at(path, 'replaced_by', 'c8.demonstration-enterprises-35')}: " in said
    assert f"replaced_by: {NEW} 需与 until 同写" in said


def test_replaced_by_naming_no_rule_is_refused_with_the_nearest(tmp_path):
    pack = split_pack(tmp_path, old_time="until: 2023, replaced_by: c8.demonstration-enterprise-35")
    said = refused(pack, "en")
    path = pack / "clause-08.yaml"
    assert f"{at(path, 'replaced_by', 'c8.demonstration-enterprise-35')}: " in said
    assert "replaced_by: c8.demonstration-enterprise-35, which is no rule of the packs loaded" in said
    assert f"({NEW}?)" in said


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", f"规则 {OLD} 写了 replaced_by: {OLD}，即它自己：一条规则不能接替它自己；"),
        ("en", f"rule {OLD} has replaced_by: {OLD}, itself: a rule cannot replace itself; "),
    ],
)
def test_replaced_by_naming_the_rule_itself_is_refused_as_such(tmp_path, lang, said):
    """Its own ID is a rule of the packs loaded: "no such rule" was false."""
    pack = split_pack(tmp_path, old_time=f"until: 2023, replaced_by: {OLD}")
    told = refused(pack, lang)
    assert f"{at(pack / 'clause-08.yaml', 'replaced_by', OLD)}: {OLD}.time.replaced_by: {said}" in told
    assert "没有这条规则" not in told and "no rule of the packs" not in told


def test_a_replacement_judged_from_another_year_is_refused_naming_the_year(tmp_path):
    pack = split_pack(tmp_path, new_from="2025")
    said = refused(pack, "en")
    assert f"{at(pack / 'clause-08.yaml', 'replaced_by', NEW)}: " in said
    assert f"which is judged from 2025: write from: 2024 in {NEW}'s time" in said


def test_a_replacement_without_from_is_refused(tmp_path):
    pack = split_pack(tmp_path)
    path = pack / "clause-08.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("{from: 2024, due: 2025", "{due: 2025"), encoding="utf-8")
    said = refused(pack, "en")
    assert f"replaced by {NEW}, whose time has no from" in said


# ------------------------------------------------------------------------------------ across packs


def test_a_copied_pack_s_rule_may_be_replaced_by_an_amendment_pack_s_rule(tmp_path):
    """The built-in pack copied with c8's rule ending in 2023, replaced by a rule of another pack (the
    amendment's) judged from 2024: in one run, each year by its own."""
    pack = split_pack(tmp_path, old_time="until: 2023, replaced_by: c90.enterprises-35")
    path = pack / "clause-08.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index(f"  - id: {NEW}")] + text[text.index("  - id: c8.park-funding") :])
    amendment = write_pack(
        tmp_path / "amend",
        "rules:\n"
        + NEW_RULE.replace(f"id: {NEW}", "id: c90.enterprises-35")
        .replace("clause: 8", "clause: 90")
        .replace("建设培育产教融合示范性企业30家", "示范性企业增至35家")
        .replace("  - id: c8.park-funding\n", ""),
        policy="# 测试\n\n示范性企业增至35家。\n",
        pack_id="amend",
    ).resolve()
    folder = tmp_path / "reports"
    write_reports(folder, [*city_year(2023, enterprises=12), *city_year(2024, enterprises=12)])
    result = run("check", folder, "--rules", pack, "--rules", amendment, "--format", "json", "--lang", "en")
    assert result.exit_code in (0, 1), result.output + result.stderr
    data = json.loads(result.stdout)
    by_year = {c["year"]: {r["rule"]: r for r in c["results"]} for c in data["city"]}
    assert (by_year[2023][OLD]["status"], by_year[2023][OLD]["explanation"]) == (
        "behind",
        "industry–education integration demonstration enterprises 12 < 30",
    )
    assert by_year[2024]["c90.enterprises-35"]["explanation"].endswith("12 < 35")
    assert by_year[2024][OLD]["explanation"] == (
        "judged until 2023 (time: until): in 2024 c90.enterprises-35 judges it instead"
    )
