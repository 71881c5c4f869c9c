"""Each module of the package opens with a docstring that ends as a sentence does: one cut short when a module
was split (``commands/flat``'s once ended mid-word, ``…not the report and its resul``) is caught."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "src" / "zhijiao_check"
# What a sentence ends with here: a full stop, a closing bracket or quote, code, a list left open (…).
ENDS = (".", ")", "`", ":", '"', "”", "。", "）", "…")


@pytest.mark.parametrize("path", sorted(SOURCE.rglob("*.py")), ids=lambda path: str(path.relative_to(SOURCE)))
def test_a_module_docstring_ends_as_a_sentence(path: Path) -> None:
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert docstring is None or docstring.rstrip().endswith(ENDS), docstring[-60:] if docstring else None
