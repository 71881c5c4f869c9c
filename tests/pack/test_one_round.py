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
