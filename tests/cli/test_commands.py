"""The commands of cli.md: bare path, check, validate, rules, explain, coverage."""

from __future__ import annotations

import json

import pytest
from factory import ROOT, county, write_pack


def test_a_bare_path_runs_check(invoke):
    bare = invoke("samples/2023/dongan.yaml")
    checked = invoke("check", "samples/2023/dongan.yaml")
    assert bare.exit_code == checked.exit_code == 1
    assert bare.stdout == checked.stdout
    assert "东安县（县市区）· 2023 年 · samples/2023/dongan.yaml" in bare.stdout


def test_a_bare_directory_runs_check_over_its_reports(invoke):
    result = invoke("samples/2023/")
    assert result.exit_code == 1
    assert "全市 · 2023 年 · 15/15 个单位" in result.stdout


def test_the_samples_folder_checks_without_an_invalid_report(invoke_json):
    """A newcomer's first run: both sample years, no duplicate unit; exit 1 only for the designed failures."""
    result, doc = invoke_json("samples/")
    assert result.exit_code == 1
    assert doc["invalid"] == []
    assert [(c["year"], len(c["units_present"])) for c in doc["city"]] == [(2022, 15), (2023, 15)]


def test_check_shows_each_rule_with_its_arithmetic(invoke):
    result = invoke("check", "examples/failing/jiangyong-2023-share.yaml")
    assert result.exit_code == 1
    assert "c1.vocational-share" in result.stdout
    assert "870 / (870 + 1420) = 38.0% < 45.0%" in result.stdout
    assert result.stdout.rstrip().endswith("退出状态 1")


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [("kind: county", "kind: zone", "(1 problem)"), ("level: secondary", "level: middle", "(2 problems)")],
)
def test_an_invalid_report_says_how_many_problems_it_has(invoke, tmp_path, old, new, said):
    text = (ROOT / "samples" / "2023" / "dongan.yaml").read_text(encoding="utf-8")
    report = tmp_path / "dongan.yaml"
    report.write_text(text.replace(old, new), encoding="utf-8")
    result = invoke("check", report, "--lang", "en")
    assert result.exit_code == 2
    assert f"dongan.yaml: invalid report, not scored {said}" in " ".join(result.stdout.split())


def test_validate_a_valid_report_exits_0(invoke):
    result = invoke("validate", "samples/2023/dongan.yaml")
    assert result.exit_code == 0
    assert "samples/2023/dongan.yaml：格式正确" in result.stdout


def test_validate_runs_no_rule(invoke):
    result = invoke("validate", "examples/failing/jiangyong-2023-share.yaml")
    assert result.exit_code == 0
    assert "c1.vocational-share" not in result.stdout


def test_validate_lists_every_problem_of_an_invalid_report_with_its_line(invoke, reports_dir):
    [good, bad] = reports_dir(county(year=2023), county("道县", year=2023))
    bad.write_text(
        bad.read_text(encoding="utf-8")
        .replace("craftsman_students: 40", "craftsman_studnets: 40")
        .replace("students: 1000", "students: '1,000'"),
        encoding="utf-8",
    )
    result = invoke("validate", good, bad, "--format", "json")
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert {f["file"]: f["valid"] for f in document["files"]} == {str(good): True, str(bad): False}
    lines = bad.read_text(encoding="utf-8").splitlines()
    problems = {p["path"]: p for p in document["problems"]}
    assert lines[problems["craftsman_studnets"]["line"] - 1].startswith("craftsman_studnets")
    assert "students: '1,000'" in lines[problems["schools[0].students"]["line"] - 1]


def test_rules_lists_the_40_rules(invoke):
    result = invoke("rules")
    assert result.exit_code == 0
    assert "共 54 条规则" in result.stdout
    assert "c1.vocational-share" in result.stdout and "c17.incubation-center" in result.stdout


def test_rules_as_json_give_id_clause_scope_and_time(invoke):
    result = invoke("rules", "--format", "json")
    rows = json.loads(result.stdout)
    assert len(rows) == 54
    first = rows[0]
    assert (first["id"], first["clause"], first["scope"]) == ("c1.vocational-share", 1, "unit")
    assert first["time"]["every_year"] == 2022


def test_explain_shows_one_rule_in_full(invoke):
    result = invoke("explain", "c1.vocational-share")
    assert result.exit_code == 0
    text = result.stdout
    assert "职普比例低于4.5:5.5的县市区不再增加普通高中招生计划" in text  # the quote
    assert "永政发〔2021〕7号 第1条" in text  # the clause
    assert "市教育局、市发改委、市财政局、各县市区人民政府" in text  # responsible units
    assert "职普招生大体相当" in text  # the interpretation
    assert "enrollment.secondary_vocational" in text  # the fields read
    assert "每年（自 2022 年）" in text  # the time
    assert "工作任务清单第1项" in text  # the annex item naming the responsible units


def test_explain_in_english(invoke):
    result = invoke("explain", "c1.vocational-share", "--lang", "en")
    assert "4.5:5.5 is the floor" in result.stdout
    assert "every year from 2022" in result.stdout


def test_explain_in_english_gives_the_clause_and_the_responsible_bodies_in_english(invoke):
    result = invoke("explain", "c1.vocational-share", "--lang", "en")
    lines = result.stdout.splitlines()
    assert lines[1] == (
        "clause: 永政发〔2021〕7号 clause 1: Consolidating the foundational status of secondary vocational "
        "education (夯实中等职业教育基础地位)"
    )
    assert lines[9] == (
        "responsible: Yongzhou Municipal Education Bureau, Yongzhou Municipal Development and Reform "
        "Commission, Yongzhou Municipal Finance Bureau, the county, city and district people's governments "
        "(annex item 1)"
    )


def test_explain_in_english_names_a_computed_target_by_what_its_fields_hold(invoke):
    result = invoke("explain", "c16.new-funding-tilt", "--lang", "en")
    assert (
        "target: ≥ the share of funding.vocational_total (last year's vocational-education funding) in "
        "funding.education_total (last year's public education funding)\n"
    ) in result.stdout
    assert "funding.new_vocational (new funding for vocational education)" in result.stdout
    assert "of which" not in result.stdout


def test_a_responsible_body_the_pack_has_no_english_name_for_is_said_as_written(invoke, tmp_path):
    import shutil

    from factory import PACK_DIR

    pack = tmp_path / "my-pack"
    shutil.copytree(PACK_DIR, pack)
    rules = (pack / "clause-16.yaml").read_text(encoding="utf-8")
    rules = rules.replace(
        "responsible: [市财政局, 市教育局, 各县市区人民政府]", "responsible: [市财政局, 市应急管理局]", 1
    )
    (pack / "clause-16.yaml").write_text(rules, encoding="utf-8")
    result = invoke("explain", "c16.secondary-funding", "--pack", pack, "--lang", "en")
    assert "responsible: Yongzhou Municipal Finance Bureau, 市应急管理局 (annex item 16)" in result.stdout


def test_explain_an_unknown_rule_exits_2_with_a_suggestion(invoke):
    result = invoke("explain", "c1.vocational-shar")
    assert result.exit_code == 2
    assert "c1.vocational-share" in result.stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "没有与“nosuch”匹配的规则；可用 zhijiao-check rules 查看全部规则"),
        ("en", 'no rule matches "nosuch"; see zhijiao-check rules for the list'),
    ],
)
def test_explain_a_rule_nothing_is_near_points_to_the_list_of_rules(invoke, lang, said):
    result = invoke("explain", "nosuch", "--lang", lang)
    assert (result.exit_code, result.stderr.splitlines()) == (2, [said])


def test_coverage_lists_every_clause_its_rules_and_what_is_not_transcribed(invoke):
    result = invoke("coverage", "--format", "json")
    assert result.exit_code == 0
    clauses = {c["clause"]: c for c in json.loads(result.stdout)["clauses"]}
    assert sorted(clauses) == list(range(1, 18))
    assert clauses[6]["rules"] == ["c6.worker-training-bases"] and "补贴性培训" in clauses[6]["untranscribed"]
    assert (
        clauses[14]["rules"] == ["c14.principal-responsibility"]
        and "党建引领" in clauses[14]["untranscribed"]
    )
    assert clauses[17]["rules"] == ["c17.activity-week", "c17.incubation-center", "c17.discrimination-review"]
    assert "同等待遇" in clauses[17]["untranscribed"]
    # No clause is wholly transcribed: each says what is left and why.
    assert all(clauses[n]["untranscribed"] for n in clauses)


def test_coverage_names_a_rule_borrowing_another_clauses_annex_item(invoke):
    result = invoke("coverage", "--format", "json")
    clauses = {c["clause"]: c for c in json.loads(result.stdout)["clauses"]}
    assert clauses[3]["borrowed"] == {"c3.pathway-growth": {"item": 2, "clauses": [1]}}
    assert clauses[1]["borrowed"] == {"c1.quality-majors": {"item": 3, "clauses": [4]}}
    assert clauses[5]["borrowed"] == {}


def test_coverage_table_says_untranscribed(invoke):
    result = invoke("coverage")
    assert result.exit_code == 0
    assert result.stdout.count("未转录") == 17


def test_coverage_in_english_gives_each_clause_its_english_title_and_the_policys_words(invoke):
    result = invoke("coverage", "--lang", "en")
    assert result.exit_code == 0
    assert "clause 16: Securing more funding (加大经费保障力度)" in result.stdout
    assert "clause 11: Building a dual-qualified teaching staff (建设“双师型”教师队伍)" in result.stdout
    listed = json.loads(invoke("coverage", "--format", "json", "--lang", "en").stdout)
    assert [c["title"] for c in listed["clauses"]][15:] == [
        "Securing more funding",
        "Creating a favourable social environment",
    ]


# ------------------------------------------------------------------------------------ --rules

CUSTOM_RULE = """\
rules:
  - id: c90.county-seats
    title: {zh: 每个县公办中职学位不少于2000个, en: "At least 2,000 public seats in each county"}
    clause: 90
    quote: 每个县公办中职学位不少于2000个
    scope: unit
    units: [county]
    kind: total
    of: public_secondary_vocational_seats
    target: {op: ">=", value: 2000}
    time: {from: 2022}
"""


def test_rules_lists_a_pack_added_with_rules(invoke, tmp_path):
    pack = write_pack(tmp_path / "pack", CUSTOM_RULE, policy="每个县公办中职学位不少于2000个。")
    result = invoke("rules", "--rules", pack)
    assert result.exit_code == 0
    assert "共 55 条规则" in result.stdout
    assert "c90.county-seats" in result.stdout


def test_a_pack_with_the_built_in_id_replaces_the_built_in_pack(invoke, tmp_path):
    pack = write_pack(
        tmp_path / "pack", CUSTOM_RULE, policy="每个县公办中职学位不少于2000个。", pack_id="yzf-2021-7"
    )
    result = invoke("check", "samples/2023/dongan.yaml", "--rules", pack, "--format", "json")
    document = json.loads(result.stdout)
    [report] = document["reports"]
    assert [r["rule"] for r in report["results"]] == ["c90.county-seats"]
    assert report["results"][0]["status"] == "fail"  # 东安县: 1550 seats


def test_check_with_a_broken_rule_pack_exits_2_before_any_report(invoke, tmp_path):
    pack = write_pack(
        tmp_path / "pack",
        CUSTOM_RULE.replace("kind: total", "kind: totl"),
        policy="每个县公办中职学位不少于2000个。",
    )
    result = invoke("check", "samples/2023/dongan.yaml", "--rules", pack)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{pack / 'clause-90.yaml'}:" in result.stderr


def test_a_quote_not_in_the_packs_policy_text_is_refused(invoke, tmp_path):
    pack = write_pack(tmp_path / "pack", CUSTOM_RULE, policy="另一段文字。")
    result = invoke("rules", "--rules", pack)
    assert result.exit_code == 2
    assert "c90.county-seats" in result.stderr
    assert "NFKC" in result.stderr or "quote" in result.stderr


def test_a_folder_that_is_not_a_pack_is_refused(invoke, tmp_path):
    result = invoke("rules", "--rules", tmp_path)
    assert result.exit_code == 2
    assert "pack.yaml" in result.stderr


def test_a_copy_of_the_whole_pack_with_a_new_rule_replaces_the_built_in_one(invoke, tmp_path):
    """README "How to add a rule" after `pip install .`: copy rules/yzf-2021-7, add an entry, pass --rules."""
    import shutil

    from factory import PACK_DIR

    pack = tmp_path / "my-pack"
    shutil.copytree(PACK_DIR, pack)
    with (pack / "clause-10.yaml").open("a", encoding="utf-8") as rules:
        rules.write(
            "\n  - id: c10.craftsman-students-600\n"
            "    title: {zh: 每年遴选600名以上培育学生, en: At least 600 craftsman-class students}\n"
            "    clause: 10\n    annex: 6\n    quote: 每年遴选500名以上中高职学生作为培育对象\n    "
            "scope: city\n"
            '    kind: total\n    of: craftsman_students\n    target: {op: ">=", value: 600}\n    unit: '
            "persons\n"
            "    time: {every_year: 2022}\n    responsible: [市教育局]\n"
        )
    result = invoke(
        "check",
        "samples/2023/",
        "--rules",
        pack,
        "--select",
        "c10.craftsman-students-600",
        "--format",
        "json",
    )
    [city] = json.loads(result.stdout)["city"]
    [rule] = city["results"]
    assert (rule["rule"], rule["status"], rule["observed"]) == ("c10.craftsman-students-600", "fail", 560)


@pytest.mark.parametrize(("pattern", "lang"), [("c16", "zh"), ("c16.*", "en")])
def test_explain_a_clause_or_a_glob_names_its_rules(invoke, pattern, lang):
    # `explain c16`, as --select takes it: one rule is explained at a time, so the answer lists the clause's,
    # as a list is written in the language shown.
    result = invoke("explain", pattern, "--lang", lang)
    assert result.exit_code == 2
    sep = "、" if lang == "zh" else ", "
    assert sep.join(("c16.secondary-funding", "c16.higher-funding", "c16.new-funding-tilt")) in result.stderr
    assert ("对应 3 条" if lang == "zh" else "names 3") in result.stderr


def test_a_command_after_options_is_that_command(invoke):
    # As git's options come first: `--lang en rules` lists the rules (in the repository, beside a folder
    # named rules, as `rules` alone does); `./rules` is the folder.
    assert invoke("--lang", "en", "rules").stdout == invoke("rules", "--lang", "en").stdout
    made = invoke("--lang", "en", "template", "-u", "东安县", "-y", "2024")
    assert made.exit_code == 0 and made.stdout.startswith("# 东安县: vocational-education report for 2024")
    wrong = invoke("-q", "rules")
    assert wrong.exit_code == 2 and "-q" in wrong.stderr and "zhijiao-check rules -h" in wrong.stderr
    folder = invoke("--lang", "en", "./rules")
    assert folder.exit_code == 2 and "vocational-education report" not in folder.stdout


def test_a_command_name_as_an_option_value_stays_a_value(invoke):
    result = invoke("--pack", "rules", "samples/2023/dongan.yaml")  # the pack "rules", not the command
    assert result.exit_code == 2 and "rules 不是规则包目录" in result.stderr


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("typed", ["", "  "])
@pytest.mark.parametrize(
    "command", [("check", "samples/2023/dongan.yaml"), ("rules",), ("explain", "c16.secondary-funding")]
)
def test_an_empty_pack_is_refused_with_the_installed_packs(invoke, command, typed, lang):
    """``--pack ""`` (an unset variable) said "unknown rule pack :", naming nothing."""
    result = invoke(*command, "--pack", typed, "--lang", lang)
    assert result.exit_code == 2 and result.stdout == ""
    said = {
        "zh": '--pack 给的是空值（""），例如未设置的变量：请给出已安装的规则包（yzf-2021-7）或规则包目录；'
        "未做任何处理",
        "en": '--pack is empty (""), such as a variable that is not set: give an installed pack (yzf-2021-7) '
        "or a pack folder; nothing was done",
    }
    assert result.stderr.splitlines() == [said[lang]]
