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


@pytest.mark.parametrize("path", sorted(SOURCE.rglob("*.py")), ids=lambda path: str(path.relative_to(SOURCE)))
def test_every_docstring_is_text_utf8_can_hold(path: Path) -> None:
    """Python 3.13 encodes each docstring as UTF-8 as it compiles a module (to strip its indentation): a lone
    surrogate in one (``characters.is_invisible`` once wrote JSON's escape for it unescaped) made importing
    the tool fail there with a traceback, where 3.11 and 3.12 ran it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    documented = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    for node in ast.walk(tree):
        docstring = ast.get_docstring(node, clean=False) if isinstance(node, documented) else None
        if docstring is not None:
            lone = [char for char in docstring if "\ud800" <= char <= "\udfff"]
            assert not lone, f"{path.name}:{getattr(node, 'lineno', 1)}: {lone[0]!r}"
