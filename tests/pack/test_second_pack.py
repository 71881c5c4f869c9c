"""A second policy as data: ``tests/pack/demo/pack`` (IDs ``r<n>.*``, issued 2024, schedule base 2023, three
units of another city) loads and checks its own reports with ``--pack``, with no code of its own; and the
pack's own facts are checked when it loads (ID pattern, years, report fields).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from factory import ROOT, invoke
from typer.testing import Result

DEMO = Path(__file__).parent / "demo"


run = invoke  # this file's name of ``factory.invoke``


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def checked(*args: str | Path) -> tuple[Result, dict[str, Any]]:
    result = run("check", "--pack", DEMO / "pack", *args, "--format", "json", "--lang", "en")
    return result, json.loads(result.stdout)


def by_rule(evaluation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["rule"]: r for r in evaluation["results"]}


def test_the_second_pack_checks_its_reports() -> None:
    result, doc = checked(DEMO / "reports")
    assert result.exit_code == 1, result.output
    assert doc["rule_pack"] == {"id": "demo-2024-3", "document": "示例市政发〔2024〕3号"}
    reports = {(r["unit"], r["year"]): by_rule(r) for r in doc["reports"]}
    # Year by year, ranked by score (cli.md); ties in the order of the pack's units.yaml, not the built-in
    # pack's.
    assert [(r["unit"], r["year"], r["rank"]) for r in doc["reports"]] == [
        ("北溪县", 2023, None),
        ("北溪县", 2024, 1),
        ("示例市本级", 2024, 1),
        ("南岭区", 2024, 3),
    ]
    beixi, nanling = reports[("北溪县", 2024)], reports[("南岭区", 2024)]
    assert {k: v["status"] for k, v in beixi.items()} == {
        "r1.vocational-share": "pass",
        "r3.secondary-funding": "pass",
        "r4.quality-committee": "pass",
    }
    assert beixi["r1.vocational-share"]["observed"] == pytest.approx(1200 / 2200)
    assert {k: v["status"] for k, v in nanling.items()} == {
        "r1.vocational-share": "fail",
        "r3.secondary-funding": "fail",
        "r4.quality-committee": "fail",
    }
    assert (
        nanling["r3.secondary-funding"]["items"][0]["explanation"]
        == "appropriation per student 11000 < 12000"
    )


def test_the_pack_issue_date_and_schedule_base_are_its_own() -> None:
    _, doc = checked(DEMO / "reports")
    before = next(r for r in doc["reports"] if r["year"] == 2023)
    assert {r["status"] for r in before["results"]} == {"not_applicable"}
    assert before["notices"] == [
        "the year 2023 is before the policy was issued (2024-03-01): no rule applies"
    ]
    [city] = doc["city"]
    seats = by_rule(city)["r2.public-seats"]
    # 3000 seats in 2024: the schedule from 2023 expects 6000 × 1/3 = 2000 (from 2020 it would be 4000:
    # behind).
    assert (seats["status"], seats["observed"], seats["expected"]) == ("pending", 3000, 2000)
    assert doc["notices"] == [
        "city-wide targets for 2023 not evaluated: no valid 示例市本级 report among the inputs"
    ]


def test_a_unit_of_another_pack_is_unknown_under_this_one(in_root: None) -> None:
    result, doc = checked("samples/2023/dongan.yaml")
    assert result.exit_code == 2
    [invalid] = doc["invalid"]
    assert invalid["problems"][0]["code"].startswith("unknown-unit")
    assert "北溪县, 南岭区, 示例市本级" in invalid["problems"][0]["message"]


def test_rules_and_the_template_come_from_the_chosen_pack() -> None:
    listed = run("rules", "--pack", DEMO / "pack", "--format", "json")
    assert [r["id"] for r in json.loads(listed.stdout)] == [
        "r1.vocational-share",
        "r2.public-seats",
        "r3.secondary-funding",
        "r4.quality-committee",
    ]
    template = run("template", "--pack", DEMO / "pack", "--unit", "南岭区", "--year", "2025")
    assert template.exit_code == 0
    assert "南岭区 2025 年度职业教育统计填报（示例市政发〔2024〕3号" in template.stdout


def test_an_installed_pack_is_chosen_by_its_id(in_root: None) -> None:
    result = run("check", "--pack", "yzf-2021-7", "samples/2023/dongan.yaml", "--format", "json")
    assert json.loads(result.stdout)["rule_pack"]["id"] == "yzf-2021-7"
    unknown = run("check", "--pack", "no-such-pack", "samples/2023/dongan.yaml")
    assert unknown.exit_code == 2
    assert "no-such-pack" in unknown.stderr and "yzf-2021-7" in unknown.stderr


@pytest.mark.parametrize(
    ("old", "new", "code", "path"),
    [
        (
            "of: public_secondary_vocational_seats",
            "of: public_secondary_vocational_seat",
            "unknown-field",
            "r2.public-seats.of",
        ),
        (
            "{field: appropriation_per_student,",
            "{field: appropriation_per_studnet,",
            "unknown-field",
            "r3.secondary-funding.require[0].field",
        ),
        ("over: schools", "over: school", "unknown-field", "r3.secondary-funding.of.over"),
        (
            "field: quality_committee",
            "field: quality_comittee",
            "unknown-field",
            "r4.quality-committee.field",
        ),
        (
            "numerator: [enrollment.secondary_vocational]",
            "numerator: [enrollment.secondary]",
            "unknown-field",
            "r1.vocational-share.numerator[0]",
        ),
        (
            "id: r4.quality-committee",
            "id: c4.quality-committee",
            "rule-id-pattern",
            "c4.quality-committee.id",
        ),
        ("time: {from: 2024}", "time: {from: 2023}", "year-before-issue", "r3.secondary-funding.time"),
    ],
)
def test_a_broken_rule_is_a_located_pack_error(
    tmp_path: Path, old: str, new: str, code: str, path: str
) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(DEMO / "pack", pack)
    rules = pack / "rules.yaml"
    text = rules.read_text(encoding="utf-8")
    assert text.count(old) == 1
    rules.write_text(text.replace(old, new), encoding="utf-8")
    line = next(n for n, row in enumerate(rules.read_text(encoding="utf-8").splitlines(), 1) if new in row)
    result = run("rules", "--pack", pack)
    assert result.exit_code == 2
    assert f"{rules}:{line}:" in result.stderr, result.stderr
    assert path in result.stderr
    from zhijiao_check.errors import FatalError
    from zhijiao_check.pack.load import load_packs

    with pytest.raises(FatalError) as raised:
        load_packs([], str(pack))
    [problem] = raised.value.problems
    assert (problem.code, problem.line, problem.path) == (code, line, path)


def test_a_rule_id_of_another_pack_is_located_at_the_later_ones_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_root: None
) -> None:
    """It was said with no place, no pack and no fix (``多个规则包中有相同的规则 ID：c1.public-seats``);
    a kept pack (the second run) is located as well."""
    monkeypatch.setenv("ZHIJIAO_CHECK_CACHE", str(tmp_path / "cache"))
    pack = Path(shutil.copytree(DEMO / "pack", tmp_path / "pack"))
    info, rules = pack / "pack.yaml", pack / "rules.yaml"
    info.write_text(info.read_text("utf-8").replace('"^r\\\\d', '"^[rc]\\\\d'), "utf-8")
    rules.write_text(rules.read_text("utf-8").replace("id: r2.public-seats", "id: c1.public-seats"), "utf-8")
    from zhijiao_check.pack.load import builtin_dir

    builtin = builtin_dir() / "yzf-2021-7" / "clause-01.yaml"  # installed in the package, or in the checkout
    first = builtin.read_text("utf-8").splitlines().index("  - id: c1.public-seats") + 1
    for _ in range(2):
        result = run("check", "samples/2023/dongan.yaml", "--rules", pack)
        assert result.exit_code == 2
        assert (
            f"{rules}:14:9: c1.public-seats.id: 规则 ID c1.public-seats 已是规则包 yzf-2021-7 的规则"
            f"（{builtin}:{first}）：应改为本规则包的另一个 ID（符合 ^[rc]\\d\\.[a-z0-9]+(-[a-z0-9]+)*$）；"
            "若本规则包是要整个替换 yzf-2021-7，则在其 pack.yaml 中写 id: yzf-2021-7\n"
        ) in result.stderr
    english = run("check", "samples/2023/dongan.yaml", "--rules", pack, "--lang", "en")
    assert (
        f"{rules}:14:9: c1.public-seats.id: rule ID c1.public-seats is already a rule of pack yzf-2021-7"
        in (english.stderr)
    )


def test_the_main_pack_replaced_after_another_is_still_the_one_reports_are_checked_against(
    tmp_path: Path, in_root: None
) -> None:
    """``--rules demo --rules copy-of-built-in``: the copy took the built-in's place after the demo pack,
    whose units then made every Yongzhou report invalid."""
    copy = shutil.copytree(ROOT / "rules" / "yzf-2021-7", tmp_path / "yzf")
    result = run(
        "check", "samples/2023/dongan.yaml", "--rules", DEMO / "pack", "--rules", copy, "--format", "json"
    )
    assert result.exit_code == 1, result.output
    doc = json.loads(result.stdout)
    assert [p["id"] for p in doc["rule_packs"]] == ["yzf-2021-7", "demo-2024-3"]
    assert doc["invalid"] == []
    assert doc["reports"][0]["unit"] == "东安县"


def test_coverage_shows_each_packs_document_with_its_own_clauses_and_rules(tmp_path: Path) -> None:
    """The added pack's rules were filed under the main pack's clauses of the same number (r2.public-seats
    under 永政发 clause 2), and a rule of a clause the main pack has not was left out."""
    pack = Path(shutil.copytree(DEMO / "pack", tmp_path / "pack"))
    info, rules = pack / "pack.yaml", pack / "rules.yaml"
    info.write_text(info.read_text("utf-8").replace("{number: 4, title:", "{number: 30, title:"), "utf-8")
    rules.write_text(rules.read_text("utf-8").replace("    clause: 4\n", "    clause: 30\n"), "utf-8")
    listed = run("coverage", "--rules", pack, "--format", "json")
    assert listed.exit_code == 0, listed.output
    doc = json.loads(listed.stdout)
    assert (doc["id"], doc["document"]) == ("yzf-2021-7", "永政发〔2021〕7号")
    assert not [r for clause in doc["clauses"] for r in clause["rules"] if r.startswith("r")]
    [demo] = doc["other_packs"]
    assert (demo["id"], demo["document"]) == ("demo-2024-3", "示例市政发〔2024〕3号")
    assert [(c["clause"], c["title"], c["rules"], c["untranscribed"]) for c in demo["clauses"]] == [
        (1, "招生结构", ["r1.vocational-share"], None),
        (2, "学位供给", ["r2.public-seats"], None),
        (3, "经费保障", ["r3.secondary-funding"], None),
        (30, "质量管理", ["r4.quality-committee"], None),
    ]
    table = run("coverage", "--rules", pack).stdout
    main, added = table.split("示例市政发〔2024〕3号（demo-2024-3）\n")
    assert "永政发〔2021〕7号（yzf-2021-7）" in main and "r2.public-seats" not in main
    assert " 2   学位供给   r2.public-seats" in added and "30   质量管理   r4.quality-committee" in added


def test_rules_says_each_rules_pack_when_there_are_several() -> None:
    listed = json.loads(run("rules", "--rules", DEMO / "pack", "--format", "json").stdout)
    assert {(r["id"], r["pack"]) for r in listed if r["clause"] == 2} == {
        ("c2.school-standards", "yzf-2021-7"),
        ("c2.school-projects", "yzf-2021-7"),
        ("r2.public-seats", "demo-2024-3"),
    }
    table = run("rules", "--rules", DEMO / "pack", "--lang", "en").stdout
    assert table.startswith("永政发〔2021〕7号 (yzf-2021-7)\n")
    main, added = table.split("\n示例市政发〔2024〕3号 (demo-2024-3)\n")
    assert "c17.discrimination-review" in main and "r1." not in main
    assert added.split("\n")[-2:] == ["58 rules", ""]
    assert "r2.public-seats " in added and "c1." not in added
    alone = run("rules", "--lang", "en").stdout
    assert "yzf-2021-7" not in alone  # one pack: the table as it was


READING = """\
rules:
  - id: c16.local-secondary-funding
    title: {zh: 公办中职生均拨款不低于11000元, en: "At least 11,000 yuan per student"}
    clause: 16
    quote: 公办中职学校生均拨款不低于10000元/年
    scope: school
    units: [county, management_area, development_zone, city]
    kind: every
    of:
      over: schools
      where:
        - {field: level, value: secondary}
        - {field: ownership, value: public}
    require:
      - {field: appropriation_per_student, op: ">=", value: 11000}
    target: {op: ">=", value: 1.0}
    time: {from: 2022}
"""


def second_reading(tmp_path: Path) -> Path:
    """The second reading docs/packs.md shows ("A second pack"): its pack.yaml and a rule of the reading."""
    import re

    docs = (ROOT / "docs" / "packs.md").read_text(encoding="utf-8")
    shown = re.search(r"  ```yaml\n(  id: yzf-2021-7-local\n.*?)  ```", docs, re.DOTALL)
    assert shown is not None
    reading = tmp_path / "my-reading"
    reading.mkdir()
    lines = shown.group(1).splitlines()
    (reading / "pack.yaml").write_text("".join(line[2:] + "\n" for line in lines), encoding="utf-8")
    for name in ("policy.md", "units.yaml"):
        shutil.copy(ROOT / "rules" / "yzf-2021-7" / name, reading / name)
    (reading / "clause-16.yaml").write_text(READING, encoding="utf-8")
    return reading


def test_a_year_before_an_added_pack_s_policy_leaves_out_its_rules_alone(
    tmp_path: Path, in_root: None
) -> None:
    """ "早于政策发布，所有规则均不适用" was said of 2023 when only the added pack was issued later: the
    built-in rules still applied."""
    reading = second_reading(tmp_path)
    text = (reading / "pack.yaml").read_text(encoding="utf-8")
    (reading / "pack.yaml").write_text(re.sub(r"issued: .*", "issued: 2024-03-01", text), encoding="utf-8")
    rule = (reading / "clause-16.yaml").read_text(encoding="utf-8").replace("from: 2022", "from: 2024")
    (reading / "clause-16.yaml").write_text(rule, encoding="utf-8")
    result, doc = checked_with(reading, "--lang", "zh")
    assert result.exit_code == 1, result.output
    [report] = doc["reports"]
    statuses = {r["rule"]: r["status"] for r in report["results"]}
    assert statuses["c16.local-secondary-funding"] == "not_applicable"
    assert statuses["c16.secondary-funding"] == "fail"  # the built-in rules apply in 2023
    document = re.search(r"document: (.*)", text)
    assert document is not None
    said = f"统计年度 2023 早于{document.group(1).strip()}发布（2024-03-01），该文件的规则均不适用"
    assert report["notices"] == [said]


def test_the_second_reading_docs_packs_md_shows_runs_beside_the_built_in_rules(
    tmp_path: Path, in_root: None
) -> None:
    """docs/packs.md, "A second pack": its pack.yaml, a rule of the reading, the built-in rule left out."""
    reading = second_reading(tmp_path)
    result, doc = checked_with(reading, "--ignore", "c16.secondary-funding")
    assert result.exit_code == 1, result.output
    statuses = {r["rule"]: r["status"] for r in doc["reports"][0]["results"]}
    assert statuses["c16.local-secondary-funding"] == "fail"
    assert "c16.secondary-funding" not in statuses
    coverage = json.loads(run("coverage", "--rules", reading, "--format", "json").stdout)
    [local] = coverage["other_packs"]
    assert local["id"] == "yzf-2021-7-local" and local["clauses"][0]["rules"] == [
        "c16.local-secondary-funding"
    ]


def checked_with(pack: Path, *args: str) -> tuple[Result, dict[str, Any]]:
    result = run("check", "samples/2023/dongan.yaml", "--rules", pack, *args, "--format", "json")
    return result, json.loads(result.stdout)
