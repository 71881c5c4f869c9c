"""The report message catalogue: every code has both languages, with the same parameters in each."""

from __future__ import annotations

import re
import string
from pathlib import Path

from zhijiao_check.messages.report import EXPECTED, MESSAGES

SOURCES = Path(__file__).resolve().parents[2] / "src" / "zhijiao_check"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_take_the_same_parameters() -> None:
    for key, (zh, en) in MESSAGES.items():
        assert key.startswith("report.") and zh and en, key
        assert re.search(r"[\u4e00-\u9fff]", zh), key  # the Chinese text is Chinese
        same = {name.removesuffix("_zh") for name in _fields(zh)} == {
            name.removesuffix("_en") for name in _fields(en)
        }
        assert same, key
    for zh, en in EXPECTED.values():
        assert _fields(zh) == _fields(en)


def test_every_code_the_code_emits_has_a_message() -> None:
    """Every hyphenated string literal in these modules is a problem code (or an encoding name)."""
    emitted: set[str] = set()
    for module in (
        "source.py",
        "report/scalars.py",
        "report/validate.py",
        "report/crossfield.py",
        "report/consistency.py",
        "report/__init__.py",
    ):
        emitted |= set(
            re.findall(r'"([a-z0-9]+(?:-[a-z0-9]+)+)"', (SOURCES / module).read_text(encoding="utf-8"))
        )
    emitted -= {"utf-8", "utf-8-sig", "utf-16"}
    missing = {code for code in emitted if f"report.{code}" not in MESSAGES}
    assert not missing
    assert {
        "duplicate-key",
        "alias-bomb",
        "too-many-problems",
        "exceeds-teachers",
        "cross-year-major",
    } <= emitted
