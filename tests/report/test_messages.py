"""The report messages: every code the reading and validating code emits has a message; what a field takes is
said for every type the checks name."""

from __future__ import annotations

import re
from pathlib import Path

from zhijiao_check.i18n import Translator
from zhijiao_check.messages.en.report import MESSAGES

SOURCES = Path(__file__).resolve().parents[2] / "src" / "zhijiao_check"


def test_every_type_a_check_names_is_said_in_each_language() -> None:
    """The ``expected`` tokens of report/scalars.py and report/validate.py, each a message of its own."""
    sources = "".join(
        (SOURCES / m).read_text(encoding="utf-8") for m in ("report/scalars.py", "report/model.py")
    )
    tokens = set(re.findall(r'(?:whole|amount)\("([a-z_]+)"', sources)) | {"list", "mapping"}
    assert {"count", "yuan", "wan_yuan", "months"} <= tokens
    for lang in ("zh", "en"):
        tr = Translator(lang)
        for token in tokens:
            assert tr(f"report.expected-{token}", low=2000, high=2100, allowed="是、否"), (lang, token)


def test_every_code_the_code_emits_has_a_message() -> None:
    """Every hyphenated string literal in these modules is a problem code (or an encoding name)."""
    emitted: set[str] = set()
    for module in (
        "source/__init__.py",
        "source/encoding.py",
        "source/yamltree.py",
        "source/slips.py",
        "source/syntax.py",
        "source/jsontree.py",
        "report/scalars.py",
        "report/validate.py",
        "report/crossfield.py",
        "report/consistency.py",
        "report/load.py",
        "report/find.py",
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
        "exceeds-professional-teachers",
        "cross-year-major",
    } <= emitted
