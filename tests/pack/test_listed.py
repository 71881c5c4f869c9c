"""What to write for a rule naming what its pack does not list: a clause ``pack.yaml``'s ``clauses`` lacks
was told only ``（列有 1–17）`` (no entry to add, and not that a clause of another document belongs in a
pack of its own); an ID outside ``rule_ids`` only the pattern (``pack.listed``)."""

from __future__ import annotations

import shutil
from pathlib import Path

from .common import at, edited, refused

DEMO = Path(__file__).parent / "demo" / "pack"


def test_a_clause_not_listed_is_told_the_entry_to_add_as_pack_yaml_writes_them(tmp_path: Path) -> None:
    pack, path = edited(tmp_path, "clause-16.yaml", "    clause: 16", "    clause: 18")
    where = at(path, "clause: 18", "18")
    assert (
        f"{where}: c16.secondary-funding.clause: 规则 c16.secondary-funding 的 clause 18 不在 pack.yaml 的 "
        "clauses 中（列有 1–17）：未列出的条款在 coverage 中看不到；"
        f"应在 {pack / 'pack.yaml'}:16 的 clauses 中加上一项 - number: 18，其下一行写 title: {{zh: …, en: …}}"
        "（标题照政策原文写）；若它是另一份文件（修订、补充通知）的条款，应另建一个规则包"
        "（见 docs/packs.md“An amendment: a pack of its own”）\n"
    ) in refused(pack)
    assert (
        "add an entry - number: 18, with title: {zh: …, en: …} on the next line to the clauses at "
        f"{pack / 'pack.yaml'}:16 (the title as the policy heads the clause); if the clause is another "
        "document's (an amendment, a supplementary notice), make a pack of its own (docs/packs.md, "
        '"An amendment: a pack of its own")\n'
    ) in refused(pack, "en")


def test_a_pack_yaml_of_one_line_entries_is_told_one(tmp_path: Path) -> None:
    pack = tmp_path / "demo"
    shutil.copytree(DEMO, pack)
    rules = pack / "rules.yaml"
    text = rules.read_text(encoding="utf-8")
    rules.write_text(text.replace("    clause: 2\n", "    clause: 6\n", 1), encoding="utf-8")
    assert (
        f"应在 {pack / 'pack.yaml'}:14 的 clauses 中加上一项 - {{number: 6, title: {{zh: …, en: …}}}}（"
    ) in refused(pack)


def test_an_id_outside_rule_ids_is_told_one_of_its_form(tmp_path: Path) -> None:
    pack, path = edited(tmp_path, "clause-16.yaml", "id: c16.secondary-funding", "id: s16.secondary-funding")
    assert (
        f"{at(path, 'id: s16', 's16')}: s16.secondary-funding.id: 规则 ID s16.secondary-funding "
        "不符合本规则包 pack.yaml 中 rule_ids 的格式 ^c\\d{1,2}\\.[a-z0-9]+(-[a-z0-9]+)*$："
        "应写如 id: c16.secondary-funding\n"
    ) in refused(pack)
    assert "(pack.yaml): write an ID such as id: c16.secondary-funding\n" in refused(pack, "en")


def test_an_id_is_told_the_words_rule_ids_asks_for_after_the_point(tmp_path: Path) -> None:
    """A second reading's ``^c\\d{1,2}\\.local-…``: the clause's letters and number, and ``local-``."""
    pack, _ = edited(
        tmp_path,
        "pack.yaml",
        'rule_ids: "^c\\\\d{1,2}\\\\.[a-z0-9]+(-[a-z0-9]+)*$"',
        'rule_ids: "^c\\\\d{1,2}\\\\.local-[a-z0-9]+(-[a-z0-9]+)*$"',
    )
    assert "：应写如 id: c16.local-secondary-funding\n" in refused(pack)


def test_no_id_is_suggested_where_none_of_the_pattern_can_be_told(tmp_path: Path) -> None:
    pack, _ = edited(
        tmp_path,
        "pack.yaml",
        'rule_ids: "^c\\\\d{1,2}\\\\.[a-z0-9]+(-[a-z0-9]+)*$"',
        'rule_ids: "^(x|y)\\\\d\\\\.[a-z]+$"',
    )
    stderr = refused(pack)
    assert (
        "c16.secondary-funding.id: 规则 ID c16.secondary-funding 不符合本规则包 pack.yaml 中 rule_ids 的格式 "
        in stderr
    )
    assert "应写如 id:" not in stderr
