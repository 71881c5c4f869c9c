"""A broken pack's problems in one run: the checks across files (quotes, fields) run on every rule that fits
the schema, whatever else is wrong, and every problem is said in file, line and column order, so that a rule
author fixes them all in one round, not the format errors first and the rest on the next run."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from factory import PACK_DIR

from .common import refused, run

# each edit: the file, the text replaced (its first occurrence), the text written
_FORMAT = (
    "clause-01.yaml",
    "kind: total\n    of: public_secondary_vocational_seats",
    "kind: Count\n    of: public_secondary_vocational_seats",
)
_QUOTE = (
    "clause-01.yaml",
    "quote: 职普比例低于4.5:5.5的县市区不再增加普通高中招生计划",
    "quote: 职普比例低于4.5:5.5的县市区不再增加普高招生计划",  # 普高 for 普通高中
)
_FIELD = ("clause-02.yaml", "{field: meets_standards, value: true}", "{field: meets_standard, value: true}")
_PERCENT = ("clause-01.yaml", "value: 0.45}", 'value: "60%"}')


def _pack(tmp_path: Path, *edits: tuple[str, str, str]) -> Path:
    """A copy of the built-in pack with ``edits`` made."""
    pack = tmp_path / "pack"
    shutil.copytree(PACK_DIR, pack)
    for name, old, new in edits:
        path = pack / name
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return pack


def _places(said: str) -> list[tuple[str, int, int]]:
    """The ``file:line:column`` of each problem said, in the order said."""
    found = re.findall(r"^(.+?\.yaml):(\d+):(\d+): ", said, re.MULTILINE)
    return [(Path(file).name, int(line), int(column)) for file, line, column in found]


def test_a_format_error_a_quote_and_a_field_are_said_in_one_run_in_file_order(tmp_path: Path) -> None:
    # the format error (rule 3 of clause-01) comes after the quote (rule 1) in its file; the field is
    # another file's
    pack = _pack(tmp_path, _FORMAT, _QUOTE, _FIELD)
    for said in (refused(pack), refused(pack, "en")):
        assert _places(said) == [
            ("clause-01.yaml", 8, 12),
            ("clause-01.yaml", 48, 11),
            ("clause-02.yaml", 12, 23),
        ], said
    said = refused(pack, "en")
    assert (
        "c1.vocational-share.quote: the quote of rule c1.vocational-share is not in the policy text" in said
    )
    assert "rules[2].kind: there is no rule kind Count: write kind: count" in said
    assert "c2.school-standards.require[0].field: rule c2.school-standards reads meets_standard" in said
    checked = run("check", PACK_DIR.parents[1] / "samples" / "2023", "--rules", pack, "--lang", "en")
    assert checked.exit_code == 2
    assert _places(checked.stderr) == _places(said)


def test_format_errors_of_a_file_are_said_in_line_order(tmp_path: Path) -> None:
    # Pydantic says a kind that is no kind (line 48) before the file's other errors (line 14)
    said = refused(_pack(tmp_path, _FORMAT, _PERCENT))
    assert _places(said) == [("clause-01.yaml", 14, 31), ("clause-01.yaml", 48, 11)], said


def test_a_rule_with_a_format_error_is_not_checked_further(tmp_path: Path) -> None:
    # the rule's quote is not the policy's either, and another rule's when: names it: one error, its own
    said = refused(_pack(tmp_path, _PERCENT, _QUOTE), "en")
    assert _places(said) == [("clause-01.yaml", 14, 31)], said
    assert "rules[0].target.value: value is 60%, which YAML reads as text" in said
    assert "quote" not in said


# ----------------------------------------------------------------------------- pack.yaml or policy text wrong

_PACK_TYPO = ("pack.yaml", "\ndocument:", "\ndocumnt:")


def test_a_pack_yaml_typo_and_a_rule_file_typo_are_said_in_one_run(tmp_path: Path) -> None:
    """pack.yaml not fitting stopped the checks of the rule files against the report model: the field typo
    waited for a second run. What needs pack.yaml (quotes, clauses, IDs, years) is said once as waiting."""
    pack = _pack(tmp_path, _PACK_TYPO, _FIELD, _QUOTE)
    pack_file = pack / "pack.yaml"
    line = next(
        number
        for number, text in enumerate(pack_file.read_text(encoding="utf-8").splitlines(), 1)
        if text.startswith("documnt:")
    )
    said = refused(pack, "en")
    assert _places(said) == [("clause-02.yaml", 12, 23), ("pack.yaml", line - 1, 1), ("pack.yaml", line, 1)]
    assert "c2.school-standards.require[0].field: rule c2.school-standards reads meets_standard" in said
    assert "documnt: there is no key documnt: write document" in said
    assert said.count(f"{pack_file}: ") == 1
    assert (
        f"{pack_file}: until pack.yaml is right, the rules' quotes (against the policy text it names), "
        "clauses, annex items, IDs and years (against its issued) are not checked; their fields and values "
        "are\n"
    ) in said
    assert "quote" not in said.replace("the rules' quotes", "")  # the quote edited is not checked
    zh = refused(pack)
    assert _places(zh) == _places(said)
    assert (
        f"{pack_file}: pack.yaml 有误，改正前不检查规则的 quote（在它指定的政策原文中核对）、clause、annex、"
        "编号和年份（与它的 issued 比较）；规则的字段和取值照常检查\n"
    ) in zh
    checked = run("check", PACK_DIR.parents[1] / "samples" / "2023", "--rules", pack, "--lang", "en")
    assert checked.exit_code == 2
    assert _places(checked.stderr) == _places(said)


def test_a_missing_policy_text_and_a_rule_file_typo_are_said_in_one_run(tmp_path: Path) -> None:
    """The policy text missing stopped every check of the rules: now its quotes alone wait (said once, of
    pack.yaml's policy), and the rule's field, its clause and the format error are said with it."""
    clause = ("clause-03.yaml", "clause: 3\n", "clause: 93\n")
    pack = _pack(tmp_path, _FIELD, _QUOTE, _FORMAT, clause)
    (pack / "policy.md").unlink()
    said = refused(pack, "en")
    places = _places(said)
    line = (pack / "pack.yaml").read_text(encoding="utf-8").splitlines().index("policy: policy.md") + 1
    assert places == [
        ("clause-01.yaml", 48, 11),
        ("clause-02.yaml", 12, 23),
        ("clause-03.yaml", 6, 13),
        ("pack.yaml", line, 9),  # at the policy: that names the file
    ], said
    assert "rule c3.new-higher-colleges names clause 93, which pack.yaml's clauses do not list" in said
    assert said.count("policy.md") == 1, said
    assert (
        f"{pack / 'pack.yaml'}:{line}:9: policy: the policy text {pack / 'policy.md'} is missing: the rules' "
        "quotes are checked against it once it is there (pack.yaml's policy: names it)\n"
    ) in said
    assert "not in the policy text" not in said  # no quote checked against a text not there
    zh = refused(pack)
    assert f"找不到政策原文 {pack / 'policy.md'}：规则的 quote 要在原文中核对，待它就位后再检查" in zh
    assert _places(zh) == places


def test_two_broken_packs_are_said_in_one_run(tmp_path: Path) -> None:
    """The first broken pack stopped the run: the second's problems waited for it to be fixed."""
    first = _pack(tmp_path, _FIELD)
    second = tmp_path / "second"
    shutil.copytree(PACK_DIR.parents[1] / "tests" / "pack" / "demo" / "pack", second)
    rules = second / "rules.yaml"
    rules.write_text(rules.read_text(encoding="utf-8").replace("kind: ratio", "kind: rato", 1))
    result = run("rules", "--rules", first, "--rules", second, "--lang", "en")
    assert result.exit_code == 2
    assert [(file, line) for file, line, _ in _places(result.stderr)] == [
        ("clause-02.yaml", 12),
        ("rules.yaml", 8),
    ], result.stderr
