"""The rule files against the policy text and the target catalogue (``targets.md`` here: a copy of the product
contract's targets.md, kept in the repository so that the suite reads nothing outside it).

Everything here reads the files directly (PyYAML, a regular expression over the policy), independently of the
pack loader, and then checks that the loader agrees.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from factory import PACK_DIR, builtin_packs

TARGETS_MD = Path(__file__).parent / "targets.md"
ADDED_MD = Path(__file__).resolve().parents[2] / "docs" / "added-rules.md"  # the rules a second reading found


def normalised(text: str) -> str:
    """NFKC, then every white-space character removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def catalogue_rows(path: Path = TARGETS_MD) -> list[dict[str, str]]:
    """The rows of a catalogue table (targets.md, docs/added-rules.md): id, clause, scope, time."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\| `(c\d+\.[a-z0-9-]+)` \|(.*)\|\s*$", line)
        if match:
            cells = [cell.strip() for cell in match.group(2).split("|")]
            rows.append({"id": match.group(1), "clause": cells[0], "scope": cells[1], "time": cells[-1]})
    return rows


def rule_files() -> list[Path]:
    return sorted(p for p in PACK_DIR.glob("*.yaml") if p.name not in ("pack.yaml", "units.yaml"))


def all_rules() -> list[dict[str, Any]]:
    return [
        rule for path in rule_files() for rule in yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]
    ]


POLICY = (PACK_DIR / "policy.md").read_text(encoding="utf-8")
RULES = all_rules()
FIRST = {row["id"]: row for row in catalogue_rows()}
ADDED = {row["id"]: row for row in catalogue_rows(ADDED_MD)}
ROWS = {**FIRST, **ADDED}


def clause_text(number: int) -> str:
    """The text of ``### 第N条`` up to the next heading."""
    match = re.search(rf"^### 第{number}条[^\n]*\n(.*?)(?=^#{{2,3}} |\Z)", POLICY, re.DOTALL | re.MULTILINE)
    assert match, f"clause {number} not in policy.md"
    return match.group(1)


def annex_units(item: int) -> list[str]:
    """The responsible units (责任单位) of item N of the annex (工作任务清单)."""
    for line in POLICY.splitlines():
        match = re.match(rf"^\|\s*{item}\s*\|.*\|([^|]*)\|\s*$", line)
        if match:
            return [unit.strip() for unit in match.group(1).split("、")]
    raise AssertionError(f"annex item {item} not in policy.md")


def by_id(rule: dict[str, Any]) -> str:
    return str(rule["id"])


# ------------------------------------------------------------------------------------ the catalogue


def test_the_catalogue_of_targets_md_has_40_rules():
    assert len(FIRST) == 40


def test_a_second_reading_added_14_rules():
    assert len(ADDED) == 14
    assert not set(ADDED) & set(FIRST)


def test_the_pack_has_54_rules():
    assert len(RULES) == 54


def test_rule_ids_are_unique():
    ids = [rule["id"] for rule in RULES]
    assert len(set(ids)) == len(ids)


def test_rule_ids_are_those_of_both_catalogues_the_first_in_its_order():
    ids = [rule["id"] for rule in RULES]
    assert set(ids) == set(ROWS)
    assert [i for i in ids if i in FIRST] == list(FIRST)


def test_rules_are_in_clause_order():
    clauses = [rule["clause"] for rule in RULES]
    assert clauses == sorted(clauses)


def test_the_pack_loader_reads_the_same_rules_in_the_same_order():
    assert [rule.id for rule in builtin_packs()[0].rules] == [rule["id"] for rule in RULES]


def test_each_rule_file_holds_the_rules_of_its_clause():
    for path in rule_files():
        number = int(re.fullmatch(r"clause-(\d+)\.yaml", path.name).group(1))
        clauses = {rule["clause"] for rule in yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]}
        assert clauses == {number}, path.name


# ------------------------------------------------------------------------------------ each rule


@pytest.mark.parametrize("rule", RULES, ids=by_id)
def test_quote_is_verbatim_in_the_policy(rule):
    assert normalised(rule["quote"]) in normalised(POLICY)


@pytest.mark.parametrize("rule", RULES, ids=by_id)
def test_quote_is_in_the_clause_the_rule_cites(rule):
    assert normalised(rule["quote"]) in normalised(clause_text(rule["clause"]))


@pytest.mark.parametrize("rule", RULES, ids=by_id)
def test_rule_names_its_clause_and_annex_item(rule):
    assert isinstance(rule["clause"], int) and 1 <= rule["clause"] <= 17
    assert isinstance(rule["annex"], int) and 1 <= rule["annex"] <= 16


@pytest.mark.parametrize("rule", RULES, ids=by_id)
def test_rule_has_the_responsible_units_of_its_annex_item(rule):
    assert rule["responsible"], "no responsible units"
    assert rule["responsible"] == annex_units(rule["annex"])


@pytest.mark.parametrize("rule", RULES, ids=by_id)
def test_rule_has_a_title_in_both_languages(rule):
    assert rule["title"]["zh"] and rule["title"]["en"]


SHORT_MOST = 8  # characters: the heat map's column headers are the short labels, written top to bottom


@pytest.mark.parametrize("rule", RULES, ids=by_id)
def test_rule_has_a_short_chinese_label_for_narrow_places(rule):
    """The HTML heat map heads each rule's column with ``short`` (with its title, much longer, where none)."""
    short = rule.get("short")
    assert short, "no short label: the heat map would head its column with the whole title"
    assert 2 <= len(short) <= SHORT_MOST
    assert re.search(r"[\u4e00-\u9fff]", short), "a Chinese label"
    assert len(short) < len(rule["title"]["zh"])


def test_short_labels_tell_the_rules_apart():
    shorts = [rule["short"] for rule in RULES]
    assert len(set(shorts)) == len(shorts)


def test_the_pack_loader_reads_the_same_short_labels():
    assert [rule.short for rule in builtin_packs()[0].rules] == [rule["short"] for rule in RULES]


@pytest.mark.parametrize("rule", RULES, ids=by_id)
def test_rule_clause_matches_targets_md(rule):
    row = ROWS[rule["id"]]
    assert str(rule["clause"]) == row["clause"]


@pytest.mark.parametrize("rule", RULES, ids=by_id)
def test_rule_scope_matches_targets_md(rule):
    row = ROWS[rule["id"]]
    scope, _, units = row["scope"].partition(":")
    assert rule["scope"] == scope
    if scope == "unit":
        assert rule["units"] == [u.strip() for u in units.split(",")]


@pytest.mark.parametrize("rule", RULES, ids=by_id)
def test_rule_time_matches_targets_md(rule):
    row = ROWS[rule["id"]]
    words = row["time"]
    time = rule["time"]
    if words.startswith("every year"):
        assert time == {"every_year": 2022}  # ⚖ the first full year after issue
    elif words.startswith("from"):
        assert time == {"from": int(re.search(r"\d{4}", words).group())}
    else:
        assert words.startswith("due")
        assert time.get("due") == int(re.search(r"\d{4}", words).group())
        assert bool(time.get("linear")) == ("linear" in words)


def test_every_clause_is_transcribed_and_says_what_is_not():
    info = yaml.safe_load((PACK_DIR / "pack.yaml").read_text(encoding="utf-8"))
    covered = {rule["clause"] for rule in RULES}
    assert covered == set(range(1, 18))
    for clause in info["clauses"]:
        # No clause is fully transcribed: each names the obligations left out and why, in both languages.
        assert clause["untranscribed"]["zh"] and clause["untranscribed"]["en"], clause["number"]


def test_every_clause_is_titled_as_the_policy_heads_it_and_in_english():
    info = yaml.safe_load((PACK_DIR / "pack.yaml").read_text(encoding="utf-8"))
    for clause in info["clauses"]:
        title = clause["title"]
        assert f"### 第{clause['number']}条 {title['zh']}\n" in POLICY
        assert title["en"][0].isupper() and not re.search(r"[\u4e00-\u9fff]", title["en"]), title


def test_every_responsible_body_the_rules_name_has_its_english_name():
    """A body without one is said in Chinese in English output (``bodies``): each the annex names has one."""
    bodies = yaml.safe_load((PACK_DIR / "pack.yaml").read_text(encoding="utf-8"))["bodies"]
    named = {body for rule in RULES for body in rule.get("responsible", [])}
    annex = re.search(r"^## 附件：工作任务清单\n(.*?)(?=^---)", POLICY, re.DOTALL | re.MULTILINE)
    assert annex
    rows = re.findall(r"^\| \d+ \|.*\| (.+) \|$", annex.group(1), re.MULTILINE)
    listed = {body for row in rows for body in row.split("、")}
    assert named <= listed  # as the annex writes them
    assert set(bodies) == listed
    assert not any(re.search(r"[\u4e00-\u9fff]", name) for name in bodies.values())


def test_the_annex_map_covers_every_item_and_clause():
    info = yaml.safe_load((PACK_DIR / "pack.yaml").read_text(encoding="utf-8"))
    items = {entry["item"]: entry["clauses"] for entry in info["annex"]}
    assert sorted(items) == list(range(1, 17))
    assert {c for clauses in items.values() for c in clauses} == set(range(1, 18))


BORROWED = {"c3.pathway-growth": 2, "c1.quality-majors": 3}


@pytest.mark.parametrize("rule", RULES, ids=by_id)
def test_a_rule_borrowing_another_clauses_annex_item_is_known(rule):
    info = yaml.safe_load((PACK_DIR / "pack.yaml").read_text(encoding="utf-8"))
    items = {entry["item"]: entry["clauses"] for entry in info["annex"]}
    borrowed = rule["clause"] not in items[rule["annex"]]
    assert borrowed == (rule["id"] in BORROWED)
