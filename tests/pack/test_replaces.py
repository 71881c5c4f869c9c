"""An amendment pack's rule taking over a base pack's rule from a year on (``time: {from: 2024, replaces:
c8.demonstration-enterprises}``), the base pack untouched: the run is the same as with the base pack copied,
its rule ended with ``until: 2023, replaced_by: …`` (docs/packs.md, "A threshold changed from a year on");
a ``replaces`` that cannot hold is refused where it is written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from factory import PACK_DIR, city_year, write_pack, write_reports

from pack.common import run
from pack.test_until import NEW_RULE, OLD, split_pack
from zhijiao_check.pack.load import builtin_dir

NEW = "c90.enterprises-35"
AMEND_TIME = "time: {from: 2024, due: 2025, linear: true}"


def amendment(tmp_path: Path, time: str = AMEND_TIME, name: str = "amend", extra: str = "") -> Path:
    """An amendment pack (its own ``id``, policy and clause 90) with the rule of 35 enterprises, its time
    ``time``; ``extra``: more rules after it."""
    rules = (
        NEW_RULE.replace("id: c8.demonstration-enterprises-35", f"id: {NEW}")
        .replace("clause: 8", "clause: 90")
        .replace("建设培育产教融合示范性企业30家", "示范性企业增至35家")
        .replace("time: {from: 2024, due: 2025, linear: true}", time)
        .replace("  - id: c8.park-funding\n", "")
    )
    return write_pack(
        tmp_path / name,
        "rules:\n" + rules + extra,
        policy="# 测试\n\n示范性企业增至35家。\n",
        pack_id=name,
    ).resolve()


def replacing(tmp_path: Path, rule: str = OLD, **kwargs: str) -> Path:
    return amendment(tmp_path, AMEND_TIME.replace("}", f", replaces: {rule}}}"), **kwargs)


def by_year(tmp_path: Path, *packs: Path, lang: str = "zh") -> dict:
    """The city-wide results of 2023 to 2025 by year and rule, and the trends by rule, of a run with
    ``packs`` added."""
    folder = tmp_path / "reports"
    if not folder.exists():
        write_reports(folder, [r for year in (2023, 2024, 2025) for r in city_year(year, enterprises=12)])
    added = [arg for pack in packs for arg in ("--rules", pack)]
    selected = ["--select", OLD, "--select", NEW]
    result = run("check", folder, *added, *selected, "--format", "json", "--lang", lang)
    assert result.exit_code in (0, 1), result.output + result.stderr
    data = json.loads(result.stdout)
    results = {c["year"]: {r["rule"]: r for r in c["results"]} for c in data["city"]}
    return {"results": results, "trends": {t["rule"]: t for t in data["trends"]["city"]}}


def _said(run_data: dict) -> dict:
    """What a reader sees of each rule each year: status, explanation, notes; and each trend's years."""
    results = {
        (year, rule): (r["status"], r["explanation"], r.get("notes"))
        for year, rules in run_data["results"].items()
        for rule, r in rules.items()
    }
    trends = {
        rule: ([(y["year"], y["status"], y["schedule"]) for y in t["years"]], t.get("no_projection"))
        for rule, t in run_data["trends"].items()
    }
    return {"results": results, "trends": trends}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_amendment_replacing_a_base_rule_judges_each_year_as_the_copied_pack_does(
    tmp_path: Path, lang: str
) -> None:
    copied = split_pack(tmp_path, old_time=f"until: 2023, replaced_by: {NEW}")
    path = copied / "clause-08.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text[: text.index("  - id: c8.demonstration-enterprises-35")]
        + text[text.index("  - id: c8.park-funding") :]
    )
    copy_way = by_year(tmp_path, copied, amendment(tmp_path, name="plain"), lang=lang)
    amend_way = by_year(tmp_path, replacing(tmp_path), lang=lang)
    assert _said(amend_way) == _said(copy_way)
    results = amend_way["results"]
    statuses = {year: (results[year][OLD]["status"], results[year][NEW]["status"]) for year in results}
    assert statuses == {
        2023: ("behind", "not_applicable"),
        2024: ("not_applicable", "behind"),
        2025: ("not_applicable", "fail"),
    }
    if lang == "zh":
        assert (
            results[2024][OLD]["explanation"] == f"判定至 2023 年止（time 的 until）：2024 年改由 {NEW} 判定"
        )
        assert results[2023][OLD]["explanation"] == "产教融合示范性企业 12 < 30"
        assert results[2024][NEW]["explanation"] == "产教融合示范性企业 12 < 35"
    assert amend_way["trends"][OLD]["no_projection"] == "retired"


def test_the_base_rule_shows_its_end_in_rules_and_explain(tmp_path: Path) -> None:
    pack = replacing(tmp_path)
    listed = json.loads(run("rules", "--rules", pack, "--format", "json").stdout)
    old = next(r for r in listed if r["id"] == OLD)
    assert old["time"] == {"due": 2025, "linear": True, "until": 2023, "replaced_by": NEW}
    assert old["time_text"] == f"到 2025 年（线性进度），至 2023 年止（此后由 {NEW} 判定）"
    new = next(r for r in listed if r["id"] == NEW)
    assert new["time"] == {"due": 2025, "from": 2024, "linear": True, "replaces": OLD}
    assert new["time_text"] == f"自 2024 年起，到 2025 年（线性进度），接替 {OLD}"
    said = run("explain", NEW, "--rules", pack, "--lang", "en").stdout
    assert f"time: from 2024, due 2025, linear, in place of {OLD}" in said, said
    explained = run("explain", OLD, "--rules", pack, "--lang", "en").stdout
    assert f"time: due 2025, linear, until 2023 (then {NEW})" in explained
    # the base pack as the built-in is, without the amendment
    alone = json.loads(run("rules", "--format", "json").stdout)
    assert next(r for r in alone if r["id"] == OLD)["time"] == {"due": 2025, "linear": True}


# ------------------------------------------------------------------------------------ refused where written


def _refused(tmp_path: Path, pack: Path, lang: str, *more: Path) -> str:
    added = [arg for extra in (pack, *more) for arg in ("--rules", extra)]
    result = run("rules", *added, "--lang", lang)
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    return result.stderr


def _place(pack: Path, key: str, value: str) -> str:
    """``file:line:column`` of ``value`` on the line of the amendment's rule file that has ``key:``."""
    path = pack / "clause-90.yaml"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if f"{key}:" in line:
            return f"{path}:{number}:{line.index(value, line.index(f'{key}:')) + 1}"
    raise AssertionError(key)


def _base_place(rule: str = OLD) -> str:
    """Where the built-in rule stands, as a run reads it: the repository's ``rules/`` in a source checkout,
    the package's copy once installed (CI installs it)."""
    path = builtin_dir() / "yzf-2021-7" / "clause-08.yaml"
    line = next(
        number
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if f"id: {rule}" in text
    )
    return f"{path}:{line}"


REFUSED = {
    "unknown": {
        "zh": (
            f"规则 {NEW} 写了 replaces: c8.demonstration-enterprise，所加载的规则包中没有这条规则："
            f"应写 2024 年起由本规则接替的另一个规则包的规则编号（是否 {OLD}？）"
        ),
        "en": (
            f"rule {NEW} has replaces: c8.demonstration-enterprise, which is no rule of the packs loaded: "
            f"write the ID of the other pack's rule this one takes over from 2024 ({OLD}?)"
        ),
    },
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_replaces_naming_no_rule_is_refused_at_its_value_with_the_nearest(tmp_path: Path, lang: str) -> None:
    pack = replacing(tmp_path, "c8.demonstration-enterprise")
    said = _refused(tmp_path, pack, lang)
    where = _place(pack, "replaces", "c8.demonstration-enterprise")
    assert said.splitlines()[1:] == [f"{where}: {NEW}.time.replaces: {REFUSED['unknown'][lang]}"], said


MISSING_POLICY = {
    "zh": (
        "找不到政策原文 {policy}：规则的 quote 要在原文中核对，待它就位后再检查"
        "（pack.yaml 的 policy: 写它的路径）"
    ),
    "en": (
        "the policy text {policy} is missing: the rules' quotes are checked against it once it is there "
        "(pack.yaml's policy: names it)"
    ),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_replaces_is_checked_with_its_pack_s_policy_text_missing(tmp_path: Path, lang: str) -> None:
    """The pack's own problem (its policy text not there) and the check across packs (``replaces`` naming no
    rule) are independent: both said in one run, each at its place, not the ``replaces`` on the next run."""
    pack = replacing(tmp_path, "c8.demonstration-enterprise")
    (pack / "policy.md").unlink()
    said = _refused(tmp_path, pack, lang)
    where = _place(pack, "replaces", "c8.demonstration-enterprise")
    policy = MISSING_POLICY[lang].format(policy=pack / "policy.md")
    assert said.splitlines()[1:] == [
        f"{where}: {NEW}.time.replaces: {REFUSED['unknown'][lang]}",
        f"{pack / 'pack.yaml'}:5:9: policy: {policy}",
    ], said


def test_across_packs_a_rule_left_out_is_waited_for_not_said_to_be_none(tmp_path: Path) -> None:
    """A rule of a pack that does not fit the schema is not among its rules: the amendment's ``replaces``
    naming it would be said to name no rule, so the checks across packs wait for it, its format error said
    alone."""
    base = Path(shutil.copytree(PACK_DIR, tmp_path / "base"))
    path = base / "clause-08.yaml"
    text = path.read_text(encoding="utf-8")
    rule = text.index(f"id: {OLD}\n")
    kind = text.index("kind: total", rule)
    path.write_text(text[:kind] + "kind: totl" + text[kind + len("kind: total") :], encoding="utf-8")
    said = _refused(tmp_path, base, "en", replacing(tmp_path))
    [only] = said.splitlines()[1:]  # the format error, at the kind
    assert only.startswith(f"{path}:{text[:kind].count(chr(10)) + 1}:"), said
    assert "replaces" not in said, said


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_replaces_naming_a_rule_of_its_own_pack_is_refused_saying_until(tmp_path: Path, lang: str) -> None:
    own = (
        NEW_RULE.replace("id: c8.demonstration-enterprises-35", "id: c90.enterprises-40")
        .replace("clause: 8", "clause: 90")
        .replace("建设培育产教融合示范性企业30家", "示范性企业增至35家")
        .replace("  - id: c8.park-funding\n", "")
    )
    pack = amendment(
        tmp_path,
        AMEND_TIME.replace("from: 2024", "from: 2022").replace("}", ""),
        extra="\n" + own.replace("from: 2024, due: 2025, linear: true", f"from: 2024, replaces: {NEW}"),
    )
    path = pack / "clause-90.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("linear: true\n", "linear: true}\n", 1))
    said = _refused(tmp_path, pack, lang)
    where = _place(pack, "replaces", NEW)
    first = f"{path}:2"
    expected = {
        "zh": (
            f"规则 c90.enterprises-40 写了 replaces: {NEW}，但 {NEW} 是同一规则包（amend，{first}）的规则："
            f"同一规则包内应在 {NEW} 的 time 中写 until: 2023, replaced_by: c90.enterprises-40，并去掉 "
            "replaces（replaces 用于修订规则包接替另一个规则包的规则）"
        ),
        "en": (
            f"rule c90.enterprises-40 has replaces: {NEW}, a rule of its own pack (amend, {first}): within a "
            f"pack write until: 2023, replaced_by: c90.enterprises-40 in {NEW}'s time and leave out replaces "
            "(replaces is for an amendment pack taking over another pack's rule)"
        ),
    }
    assert said.splitlines()[1:] == [f"{where}: c90.enterprises-40.time.replaces: {expected[lang]}"], said


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_replaces_naming_a_rule_already_replaced_is_refused(tmp_path: Path, lang: str) -> None:
    # the copied pack ends c8 with its own until and replaced_by; the amendment replaces it again
    copied = split_pack(tmp_path)
    pack = replacing(tmp_path)
    said = _refused(tmp_path, copied, lang, pack)
    where = _place(pack, "replaces", OLD)
    line = next(
        n
        for n, text in enumerate((copied / "clause-08.yaml").read_text(encoding="utf-8").splitlines(), 1)
        if f"id: {OLD}" in text
    )
    at = f"{copied / 'clause-08.yaml'}:{line}"
    expected = {
        "zh": (
            f"规则 {NEW} 写了 replaces: {OLD}，但 {OLD}（yzf-2021-7，{at}）已写明判定至 2023 年止、"
            "由 c8.demonstration-enterprises-35 接替：一条规则只能由一条规则接替；应去掉 replaces，"
            f"或改写 {OLD} 的 until 和 replaced_by"
        ),
        "en": (
            f"rule {NEW} has replaces: {OLD}, but {OLD} (yzf-2021-7, {at}) is already judged until 2023 and "
            "replaced by c8.demonstration-enterprises-35: a rule is replaced by one rule only; leave out "
            f"replaces, or change {OLD}'s until and replaced_by"
        ),
    }
    assert said.splitlines()[1:] == [f"{where}: {NEW}.time.replaces: {expected[lang]}"], said


def test_two_amendments_replacing_the_same_rule_are_refused_at_the_second(tmp_path: Path) -> None:
    first = replacing(tmp_path)
    second = amendment(tmp_path, "time: {from: 2025, due: 2025, replaces: " + OLD + "}", name="amend-b")
    path = second / "clause-90.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(NEW, "c90.enterprises-40"))
    said = _refused(tmp_path, first, "en", second)
    where = _place(second, "replaces", OLD)
    assert said.splitlines()[1:] == [
        (
            f"{where}: c90.enterprises-40.time.replaces: rule c90.enterprises-40 has replaces: {OLD}, "
            f"but {NEW} ({first / 'clause-90.yaml'}:2) already replaces {OLD}: a rule is replaced by one "
            f"rule only; leave out one of the two, or write replaces: {NEW} in c90.enterprises-40 to take "
            f"over after {NEW}"
        )
    ], said


@pytest.mark.parametrize(
    ("year", "lang", "expected"),
    [
        (
            "2021",
            "zh",
            (
                f"规则 {NEW} 自 2021 年起接替 {OLD}，但 {OLD}（yzf-2021-7，{{base}}）自 2021 年起才判定，"
                f"接替后它在任何年份都不判定：应写 from: 2022 或更晚；若 {OLD} 一年也不判定，"
                f"应去掉 replaces，用 --ignore {OLD} 排除它"
            ),
        ),
        (
            "2030",
            "en",
            (
                f"rule {NEW} takes over {OLD} from 2030, but the plan of {OLD} (yzf-2021-7, {{base}}) has "
                "its targets due by 2025, and 2030 is outside it: write from: a year from 2022 to 2026"
            ),
        ),
        (
            "2030",
            "zh",
            (
                f"规则 {NEW} 自 2030 年起接替 {OLD}，但 {OLD}（yzf-2021-7，{{base}}）所在规划的目标"
                "到 2025 年止，2030 在规划之外：应写 from: 2022 到 2026 之间的年份"
            ),
        ),
    ],
)
def test_a_year_outside_the_plan_is_refused_at_from(
    tmp_path: Path, year: str, lang: str, expected: str
) -> None:
    pack = amendment(tmp_path, f"time: {{from: {year}, replaces: {OLD}}}")
    said = _refused(tmp_path, pack, lang)
    where = _place(pack, "from", year)
    assert said.splitlines()[1:] == [f"{where}: {NEW}.time.from: {expected.format(base=_base_place())}"], said


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_replaces_without_from_is_refused_at_replaces(tmp_path: Path, lang: str) -> None:
    pack = amendment(tmp_path, f"time: {{due: 2025, replaces: {OLD}}}")
    said = _refused(tmp_path, pack, lang)
    where = _place(pack, "replaces", OLD)
    expected = {
        "zh": (
            f"replaces: {OLD} 需与 from（或 every_year）同写：那是本规则接替 {OLD} 的第一年，"
            f"{OLD} 判定至前一年止；应在旁边写 from: 年份"
        ),
        "en": (
            f"replaces: {OLD} needs from (or every_year), the first year this rule judges instead of "
            f"{OLD}, which is judged until the year before: write from: YEAR beside it"
        ),
    }
    assert f"{where}: rules[0].time.replaces: {expected[lang]}" in said, said


def test_the_amendment_docs_packs_md_shows_judges_2023_against_30_and_2024_against_35(tmp_path: Path) -> None:
    """docs/packs.md, "A threshold changed from a year on": its amendment's rule file as shown, with the
    pack.yaml its comment describes."""
    import re

    from factory import ROOT

    docs = (ROOT / "docs" / "packs.md").read_text(encoding="utf-8")
    shown = re.search(r"```yaml\n(# amend-2024/clause-01\.yaml.*?)```", docs, re.DOTALL)
    assert shown is not None
    pack = tmp_path / "amend-2024"
    pack.mkdir()
    (pack / "clause-01.yaml").write_text(shown.group(1), encoding="utf-8")
    (pack / "pack.yaml").write_text(
        "id: yzf-2024-amend\ndocument: 永政发〔2024〕1号\ntitle: {zh: 修订, en: Amendment}\n"
        "issued: 2024-03-01\nschedule_base: 2020\n"
        'rule_ids: "^a\\\\d{1,2}\\\\.[a-z0-9]+(-[a-z0-9]+)*$"\n'
        "clauses: [{number: 1, title: {zh: 示范性企业, en: Demonstration enterprises}}]\n",
        encoding="utf-8",
    )
    (pack / "policy.md").write_text("# 修订\n\n建设培育产教融合示范性企业35家。\n", encoding="utf-8")
    (pack / "units.yaml").write_text((PACK_DIR / "units.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    folder = tmp_path / "reports"
    write_reports(folder, [r for year in (2023, 2024) for r in city_year(year, enterprises=12)])
    new = "a1.demonstration-enterprises-35"
    result = run("check", folder, "--rules", pack, "--select", OLD, "--select", new, "--format", "json")
    assert result.exit_code == 0, result.output + result.stderr  # behind: not failed yet
    data = json.loads(result.stdout)
    results = {c["year"]: {r["rule"]: r for r in c["results"]} for c in data["city"]}
    assert (results[2023][OLD]["explanation"], results[2023][new]["status"]) == (
        "产教融合示范性企业 12 < 30",
        "not_applicable",
    )
    assert results[2024][new]["notes"] == ["线性进度：2024 年应达 28（2025 年目标 35）"]
    assert results[2024][OLD]["explanation"] == f"判定至 2023 年止（time 的 until）：2024 年改由 {new} 判定"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "zh",
            (
                f"规则 {NEW} 写了 replaces: {NEW}，即它自己：一条规则不能接替它自己；应写 2024 年起由它接替的"
                "另一个规则包的规则编号，没有就去掉 replaces"
            ),
        ),
        (
            "en",
            (
                f"rule {NEW} has replaces: {NEW}, itself: a rule cannot take over from itself; write the ID "
                "of the other pack's rule it takes over from 2024, or leave out replaces"
            ),
        ),
    ],
)
def test_replaces_naming_the_rule_itself_is_refused_as_such(tmp_path: Path, lang: str, expected: str) -> None:
    pack = replacing(tmp_path, NEW)
    said = _refused(tmp_path, pack, lang)
    assert said.splitlines()[1:] == [f"{_place(pack, 'replaces', NEW)}: {NEW}.time.replaces: {expected}"]
