"""``explain`` as an official reads it: every rule in words of the output language, with its real threshold,
the fields to fill by key and label, the linear schedule in numbers, its reading and the quote."""

from __future__ import annotations

import json
import re

import pytest
from factory import builtin_packs

from zhijiao_check.renderers.layout.text import cell_len

RULES = [rule.id for rule in builtin_packs()[0].rules]
# Words of the rule files' vocabulary that must not reach a Chinese reader.
ENGLISH = (
    "tolerance",
    "expected_max",
    "(ratio)",
    "(count)",
    "(persons)",
    ">=",
    "<=",
    "linear",
    "error",
    "warning",
    "county",
    "management_area",
    "kind:",
    "ratio",
    "every",
    "flag",
    "coverage",
    "total",
)


def keys_removed(text: str) -> str:
    """The text without what is rightly ASCII: rule IDs, report keys and paths, codes, file paths."""
    text = re.sub(r"c\d+\.[a-z0-9-]+", "", text)
    text = re.sub(r"[\w./\[\]|-]*\.(?:yaml|md)(?::\d+)?", "", text)
    return re.sub(
        r"[a-z_]+(?:\[\])?(?:\.[a-z_0-9]+(?:\[\])?)*",
        lambda m: "" if "_" in m.group() or "." in m.group() or m.group() in KEYS else m.group(),
        text,
    )


KEYS = {
    "majors",
    "schools",
    "teachers",
    "level",
    "ownership",
    "designations",
    "cluster",
    "rating",
    "name",
    "amount",
    "months",
    "secondary",
    "higher",
    "public",
    "private",
    "yellow",
    "red",
    "green",
    "true",
    "false",
    "quality",
    "demonstration",
    "chuyi",
    "undergraduate",
    "completed",
    "city",
    "industry",
    "enrollment",
}


@pytest.mark.parametrize("rule", RULES)
def test_chinese_explain_has_no_english_words(invoke, rule):
    result = invoke("explain", rule)
    assert result.exit_code == 0
    plain = keys_removed(result.stdout)
    assert not [word for word in ENGLISH if word in plain], plain


@pytest.mark.parametrize("rule", RULES)
def test_every_rule_has_a_reading_and_its_quote(invoke, rule):
    for lang, label in (("zh", "解读："), ("en", "interpretation: ")):
        text = invoke("explain", rule, "--lang", lang).stdout
        assert label in text
        assert "“" + next(r.quote for r in builtin_packs()[0].rules if r.id == rule) + "”" in text


@pytest.mark.parametrize(
    ("rule", "threshold"),
    [
        ("c16.secondary-funding", "每一项：生均拨款 ≥ 10000"),
        ("c16.higher-funding", "每一项：生均拨款 ≥ 12000"),
        ("c12.practice-duration", "每一项：实践时长（月） ≥ 6"),
        ("c13.talent-allowance", "每一项：津贴金额（元） ≥ 5000"),
        ("c4.major-evaluation-cycle", "每一项：最近评估年份 ≥ 统计年度−2"),
        ("c4.yellow-majors-shrink", "每一项：当年招生 < 上年招生，或 当年招生 = 0 ∧ 上年招生 = 0"),
        ("c8.park-funding", "每一项：资金支持（万元） > 0"),
    ],
)
def test_an_every_rule_shows_its_real_threshold(invoke, rule, threshold):
    text = invoke("explain", rule).stdout
    assert f"目标：{threshold}" in text
    assert "≥ 100.0%" not in text and ">= 1" not in text


def test_the_fields_to_fill_by_key_and_label(invoke):
    text = invoke("explain", "c11.dual-qualified-share").stdout
    assert (
        "读取字段：schools[].dual_qualified_teachers（“双师型”教师）、"
        "schools[].professional_teachers（专业课教师），"
        "未填则 schools[].teachers（专任教师）"
    ) in text


def test_the_linear_schedule_in_numbers(invoke):
    text = invoke("explain", "c4.demonstration-majors").stdout
    assert (
        "线性进度：应达值 = 20 × (年份 − 2020) / (2025 − 2020)：2021 年 4、2022 年 8、2023 年 12、2024 "
        "年 16、"
        "2025 年 20"
    ) in text
    assert "目标：≥ 20；低于目标但不低于 18 判“提醒”（warn），即“20左右”" in text


def test_a_due_year_reads_as_the_policy_says_it(invoke):
    """到2023年: judged from 2023 on, so never "2023 年前" (before 2023)."""
    assert "时间：到 2023 年\n" in invoke("explain", "c1.public-seats").stdout
    assert "时间：到 2025 年（线性进度）\n" in invoke("explain", "c4.demonstration-majors").stdout
    assert "time: due 2023\n" in invoke("explain", "c1.public-seats", "--lang", "en").stdout
    assert "年前" not in invoke("rules").stdout


def test_a_ratio_schedule_in_percent(invoke):
    text = invoke("explain", "c12.teacher-rotation", "--lang", "en").stdout
    assert "2023: 60.0%" in text


def test_scope_units_in_words_and_the_clause_title(invoke):
    text = invoke("explain", "c1.vocational-share").stdout
    assert "范围：单位（县市区）" in text
    assert "条款：永政发〔2021〕7号 第1条 夯实中等职业教育基础地位" in text


@pytest.mark.parametrize(
    ("lang", "scope", "cell"),
    [
        ("zh", "范围：学校/专业（县市区）", "c16.secondary-funding · 第16条 · 学校/专业（县市区） · "),
        ("en", "scope: school (counties)", "c16.secondary-funding · clause 16 · school (counties) · "),
    ],
)
def test_a_school_rules_units_are_shown_where_they_narrow_it(invoke, tmp_path, lang, scope, cell):
    """``units:`` on a school rule leaves out the reports of other kinds; ``explain`` and ``rules`` said
    nothing of it (a school rule of every kind names none: it is checked on every report)."""
    import shutil

    from factory import PACK_DIR

    pack = tmp_path / "pack"
    shutil.copytree(PACK_DIR, pack)
    clause = pack / "clause-16.yaml"
    text = clause.read_text(encoding="utf-8")
    clause.write_text(
        text.replace("    scope: school\n", "    scope: school\n    units: [county]\n", 1), encoding="utf-8"
    )
    explained = invoke("explain", "c16.secondary-funding", "--rules", pack, "--lang", lang).stdout
    assert scope in explained.splitlines()
    listed = invoke("rules", "--rules", pack, "--lang", lang, env={"COLUMNS": "100"}).stdout
    assert cell in listed
    rows = json.loads(invoke("rules", "--rules", pack, "--format", "json").stdout)
    units = {row["id"]: row["units"] for row in rows}
    assert units["c16.secondary-funding"] == ["county"]
    assert units["c16.higher-funding"] == ["county", "management_area", "development_zone", "city"]
    assert units["c1.public-seats"] == []  # a city rule reads every report
    every_kind = invoke("explain", "c16.higher-funding", "--rules", pack, "--lang", lang).stdout
    assert ("范围：学校/专业" if lang == "zh" else "scope: school") in every_kind.splitlines()
    # and it does narrow them: 市本级's schools are not judged
    shibenji = invoke("check", "samples/2023/shibenji.yaml", "--rules", pack, "--format", "json").stdout
    [report] = json.loads(shibenji)["reports"]
    assert "c16.secondary-funding" not in {r["rule"] for r in report["results"]}
    assert "c16.higher-funding" in {r["rule"] for r in report["results"]}


def test_a_borrowed_annex_item_is_named(invoke):
    text = invoke("explain", "c3.pathway-growth").stdout
    assert "（责任单位取自第1条的工作任务清单第2项）" in text


def test_a_range_top_and_a_target_year(invoke):
    assert (
        "目标：≥ 1；政策区间上限为 2，超过如实报告、不判失败"
        in invoke("explain", "c3.new-higher-colleges").stdout
    )
    assert "目标：≥ 统计年度−1" in invoke("explain", "c13.talent-selection").stdout


# ------------------------------------------------------------------------------------ English names of the
# policy


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("c10.craftsman-students", "Huxiang Craftsman"),
        ("c8.demonstration-parks", "industry–education integration"),
        ("c11.dual-qualified-share", "50% of specialised-course teachers"),
        ("c1.general-plan-freeze", "enrollment plan"),
        ("c16.higher-funding", "per-student funding standard"),
        ("c1.chuyi-schools", "Chuyi (楚怡)"),
    ],
)
def test_english_titles_name_the_policy_as_it_is_known(invoke, rule, words):
    assert words in invoke("explain", rule, "--lang", "en").stdout.splitlines()[0]


def test_the_strategy_is_three_highlands_and_four_new_missions():
    assert "Three Highlands and Four New Missions" in builtin_packs()[0].info.title.en


def test_chuyi_is_explained_once(invoke):
    text = invoke("explain", "c1.chuyi-schools", "--lang", "en").stdout
    assert "Hunan's historic Chuyi industrial school" in text


def test_one_warning_is_one_warning(invoke, tmp_path):
    from factory import county, edit, write_report

    # The majors enroll what the county says (no other warning), one school's funding looks like 万元.
    report = edit(
        county(year=2023),
        {"schools[0].appropriation_per_student": 500, "enrollment.secondary_vocational": 100},
    )
    path = write_report(tmp_path, report)
    text = invoke("check", path, "--lang", "en").stdout
    assert "1 warning (it does not change the result):" in text and "1 warnings" not in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_on_a_terminal_each_fact_is_broken_within_the_width(lang):
    """The interpretation was one line of some 560 columns, which the terminal broke inside words; a file
    or a pipe still gets a fact a line."""
    from hostile.helpers import environment, run_on_terminal

    done = run_on_terminal("explain", "c1.vocational-share", "--lang", lang, env=environment(COLUMNS="60"))
    lines = done.out.decode("utf-8").splitlines()
    assert done.code == 0 and max(map(cell_len, lines)) <= 60
    label = "解读：" if lang == "zh" else "interpretation: "
    at = next(n for n, line in enumerate(lines) if line.startswith(label))
    assert lines[at + 1].startswith("  ") and len(lines) > at + 3  # its lines after the first indented
