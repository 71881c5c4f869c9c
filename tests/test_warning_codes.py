"""Every warning code the tool gives is listed in docs/report-format.md, whose tables say each ``code`` is
there: seven (``school-renamed``, ``year-differs-from-folder``, ``set-aside-for-its-year``…) were missing, and
a new one would be missed again. The codes are read from the source: each call that makes a problem with the
severity ``"warning"`` (``Problem(…, "warning")``, ``severity="warning"``, a workbook's ``say(…, "warning")``)
and the codes written in it; and the calls of a helper that makes nothing but warnings (``HELPERS``)."""

from __future__ import annotations

import ast
import re

from factory import ROOT

SOURCE = ROOT / "src" / "zhijiao_check"
CODE = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+")
# A method that makes only warnings, its code given by its caller: (where it is defined, its name, the file
# that calls it). ``Waiver.problem``: the waivers file's warnings, made in settings/waivers.py.
HELPERS = (("engine/waiver.py", "problem", "settings/waivers.py"),)


def _is_warning(node: ast.AST) -> bool:
    return any(isinstance(inner, ast.Constant) and inner.value == "warning" for inner in ast.walk(node))


def warning_codes() -> dict[str, str]:
    """Each code a call that makes a warning names, with the first place it is made."""
    found: dict[str, str] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        if "messages" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            severity = [*node.args, *(k.value for k in node.keywords if k.arg == "severity")]
            # the helper's code its first argument (the file's other ``problem``, a TOML file's, takes a path)
            helper = (
                isinstance(node.func, ast.Attribute)
                and any(node.func.attr == name and path == SOURCE / caller for _, name, caller in HELPERS)
                and bool(node.args)
                and isinstance(node.args[0], ast.Constant)
            )
            if not helper and not any(_is_warning(value) for value in severity):
                continue
            for value in [*node.args, *(k.value for k in node.keywords if k.arg == "code")]:
                for inner in ast.walk(value):
                    if (
                        isinstance(inner, ast.Constant)
                        and isinstance(inner.value, str)
                        and CODE.fullmatch(inner.value)
                    ):
                        found.setdefault(inner.value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_the_helpers_make_only_warnings() -> None:
    for defined, name, _ in HELPERS:
        tree = ast.parse((SOURCE / defined).read_text(encoding="utf-8"))
        [helper] = [
            node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef) and node.name == name
        ]
        severities = [k.value for n in ast.walk(helper) if isinstance(n, ast.Call) for k in n.keywords]
        assert any(_is_warning(value) for value in severities), defined


def test_the_source_is_read_for_warning_codes() -> None:
    """The reading finds the warnings of each kind of call, so that an empty list passes nothing by."""
    codes = warning_codes()
    for code in ("encoding-gb18030", "same-report", "school-renamed", "sheet-hidden", "waiver-unused"):
        assert code in codes, sorted(codes)
    assert "too-many-problems" in codes  # its severity an expression: a warning when all left out are


def test_every_warning_code_is_listed_in_report_format() -> None:
    listed = set(
        re.findall(r"`([a-z0-9-]+)`", (ROOT / "docs" / "report-format.md").read_text(encoding="utf-8"))
    )
    missing = {code: where for code, where in warning_codes().items() if code not in listed}
    assert not missing, f"warning codes not in docs/report-format.md: {missing}"
