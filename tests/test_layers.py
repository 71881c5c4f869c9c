"""The package's layers, read from the source (ast): every import points down or sideways, none up, and no two
packages import each other, directly or round a loop. Lazy imports inside functions and imports for type
checking count too: they are dependencies all the same.

docs/layers.md draws the same order.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "src" / "zhijiao_check"

# Top to bottom. A part is a top-level module or package of zhijiao_check; "" is the package itself (its
# version).
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("console script", ("entry", "__main__")),
    ("command line", ("cli", "cli_values", "cli_usage", "cli_help")),
    ("commands", ("commands",)),
    ("settings files", ("settings",)),
    ("views", ("renderers",)),
    ("run document", ("document",)),
    ("engine", ("engine",)),
    ("rule packs", ("pack",)),
    ("rule kinds", ("kinds",)),
    ("measuring", ("measure",)),
    ("rule and report models", ("vocabulary", "report", "units", "unitnames", "constraints")),
    (
        "reading sources, writing outputs, problems",
        (
            "files",
            "source",
            "located",
            "output",
            "terminal",
            "jsontext",
            "processes",
            "forked",
            "problems",
            "errors",
            "caching",
            "plugins",
            "pydantic_compiled",
        ),
    ),
    (
        "text and statuses",
        (
            "i18n",
            "messages",
            "wording",
            "records",
            "memo",
            "status",
            "glyphs",
            "characters",
            "shellwords",
            "patterns",
            "",
        ),
    ),
)
LEVEL = {part: level for level, (_, parts) in enumerate(LAYERS) for part in parts}


def part_of(module: str) -> str:
    """``zhijiao_check.engine.evaluate`` → ``engine``; ``zhijiao_check`` → ``""``."""
    return module.split(".")[1] if module.count(".") else ""


def module_name(path: Path) -> str:
    relative = path.relative_to(SOURCE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path) -> set[str]:
    """The zhijiao_check modules a file imports, anywhere in it (relative imports resolved)."""
    return _imports_of(ast.parse(path.read_text(encoding="utf-8")), path)


def _imports_of(tree: ast.AST, path: Path) -> set[str]:
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            found.add(target)
            if target == "zhijiao_check":  # ``from zhijiao_check import engine`` imports the package engine
                found.update(f"{target}.{alias.name}" for alias in node.names if _is_module(alias.name))
    return {m for m in found if m == "zhijiao_check" or m.startswith("zhijiao_check.")}


def _is_module(name: str) -> bool:
    return (SOURCE / name).is_dir() or (SOURCE / f"{name}.py").is_file()


def edges() -> set[tuple[str, str, str]]:
    """(importing part, imported part, importing file) for every import between two parts."""
    out = set()
    for path in sorted(SOURCE.rglob("*.py")):
        here = part_of(module_name(path))
        for target in imports(path):
            there = part_of(target)
            if there != here:
                out.add((here, there, str(path.relative_to(SOURCE))))
    return out


def test_every_part_has_a_layer() -> None:
    parts = {part_of(module_name(p)) for p in SOURCE.rglob("*.py")}
    assert parts - set(LEVEL) == set(), "add the new module or package to a layer of LAYERS"
    assert set(LEVEL) - parts == set(), "a layer names a part that no longer exists"


@pytest.mark.parametrize(
    "package", ["commands", "settings", "renderers", "engine", "pack", "kinds", "measure", "report", "source"]
)
def test_the_layers_doc_names_every_module_of_a_package(package: str) -> None:
    """docs/layers.md lists each package's modules (its folders too): a module added is named there."""
    doc = (SOURCE.parents[1] / "docs" / "layers.md").read_text(encoding="utf-8")
    children = {
        path.stem if path.is_file() else path.name
        for path in (SOURCE / package).iterdir()
        if (path.suffix == ".py" or (path / "__init__.py").is_file()) and path.name != "__init__.py"
    }
    assert sorted(name for name in children if not re.search(rf"\b{name}\b", doc)) == []


def test_the_pack_cache_knows_the_parts_above_the_packs() -> None:
    """A kept pack is stamped with every module of the tool loaded when it was made but those of the parts
    above the packs, which the loader cannot import (``pack.cache.ABOVE_PACKS``): the same parts as here."""
    from zhijiao_check.pack.cache import ABOVE_PACKS

    above = {part for part, level in LEVEL.items() if level < LEVEL["pack"]}
    assert set(ABOVE_PACKS) == above


def test_no_import_points_up() -> None:
    upward = sorted(
        f"{file}: {here} imports {there} ({LAYERS[LEVEL[there]][0]} is above {LAYERS[LEVEL[here]][0]})"
        for here, there, file in edges()
        if LEVEL[there] < LEVEL[here]
    )
    assert upward == []


def cycles(graph: dict[str, set[str]]) -> list[str]:
    """Each node's first way back to itself, if it has one."""

    def cycle_from(start: str) -> list[str] | None:
        stack = [(start, [start])]
        seen: set[str] = set()
        while stack:
            node, path = stack.pop()
            for nxt in sorted(graph.get(node, ())):
                if nxt == start:
                    return [*path, start]
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*path, nxt]))
        return None

    return [" → ".join(c) for c in map(cycle_from, sorted(graph)) if c]


def test_no_cycle_between_parts() -> None:
    graph: dict[str, set[str]] = {}
    for here, there, _ in edges():
        graph.setdefault(here, set()).add(there)
    assert cycles(graph) == []


def modules_imported(path: Path) -> set[str]:
    """``imports``, with ``from package import module`` as the module it names, not the package's door."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        targets = _imports_of(ast.Module(body=[node], type_ignores=[]), path)
        if isinstance(node, ast.ImportFrom):
            for target in list(targets):
                named = [f"{target}.{alias.name}" for alias in node.names]
                modules = [n for n in named if _is_module(n.removeprefix("zhijiao_check.").replace(".", "/"))]
                if modules and len(modules) == len(named):
                    targets.discard(target)
                targets.update(modules)
        found |= targets
    return found


def test_no_cycle_between_modules() -> None:
    """Within a package too: a module that the package's door imports does not import the door back (the
    consistency warnings once took ``ReportFile`` from ``report/__init__``, which imports them)."""
    graph: dict[str, set[str]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        here = module_name(path)
        graph[here] = {target for target in modules_imported(path) if target != here}
    assert cycles(graph) == []


# Results carry wording (message keys and parameters), which each view renders in its language: the parts that
# evaluate never translate. They neither import the translator or the catalogues nor take or call a ``tr``.
LANGUAGE_NEUTRAL = ("engine", "pack", "kinds", "measure")
TRANSLATING = ("i18n", "messages")


def translating(path: Path) -> list[str]:
    """What in a file translates: an import of the translator or the catalogues, a ``Translator``,
    a ``tr``.
    """
    found = [f"imports {target}" for target in sorted(imports(path)) if part_of(target) in TRANSLATING]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Name) and node.id in ("Translator", "tr"):
            found.append(f"line {node.lineno}: {node.id}")
        elif isinstance(node, ast.arg) and node.arg == "tr":
            found.append(f"line {node.lineno}: a parameter tr")
    return found


def test_evaluating_never_translates() -> None:
    found = [
        f"{path.relative_to(SOURCE)}: {what}"
        for path in sorted(SOURCE.rglob("*.py"))
        if part_of(module_name(path)) in LANGUAGE_NEUTRAL
        for what in translating(path)
    ]
    assert found == []


@pytest.mark.parametrize(
    "source",
    [
        "from zhijiao_check.i18n import Translator\n",
        "def measure(rule, scope, tr):\n    return None\n",
        "def f(x):\n    return tr('engine.every')\n",
        "def f():\n    from zhijiao_check.messages.en.engine import MESSAGES\n",
    ],
)
def test_translating_is_found(tmp_path: Path, source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "zhijiao_check"
    (fake / "kinds").mkdir(parents=True)
    path = fake / "kinds" / "ratio.py"
    path.write_text(source, encoding="utf-8")
    monkeypatch.setitem(globals(), "SOURCE", fake)
    assert translating(path) != []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from zhijiao_check.engine.evaluate import evaluate\n", {"zhijiao_check.engine.evaluate"}),
        ("def f():\n    from zhijiao_check.renderers import Format\n", {"zhijiao_check.renderers"}),
        ("from zhijiao_check import __version__, engine\n", {"zhijiao_check", "zhijiao_check.engine"}),
        ("import json\nfrom . import timing\n", {"zhijiao_check.engine"}),
    ],
)
def test_imports_are_read_wherever_they_are(
    tmp_path: Path, source: str, expected: set[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The walk sees lazy and relative imports: a layer test that missed them could not fail."""
    fake = tmp_path / "zhijiao_check"
    (fake / "engine").mkdir(parents=True)
    path = fake / "engine" / "evaluate.py"
    path.write_text(source, encoding="utf-8")
    monkeypatch.setitem(globals(), "SOURCE", fake)
    assert imports(path) == expected


def test_an_upward_import_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "zhijiao_check"
    (fake / "kinds").mkdir(parents=True)
    (fake / "kinds" / "ratio.py").write_text(
        "def f():\n    from zhijiao_check.engine import evaluate\n", encoding="utf-8"
    )
    monkeypatch.setitem(globals(), "SOURCE", fake)
    [(here, there, _)] = edges()
    assert (here, there) == ("kinds", "engine") and LEVEL[there] < LEVEL[here]


def test_a_module_named_in_a_from_import_is_that_module() -> None:
    """``from zhijiao_check.report import scalars`` imports the module, not the package's door: the module
    walk would otherwise see a cycle wherever a module of a package imports a sibling that way."""
    model = SOURCE / "report" / "model.py"
    assert "zhijiao_check.report.scalars" in modules_imported(model)
    assert "zhijiao_check.report" not in modules_imported(model)
    assert "zhijiao_check.report.loaded" in modules_imported(SOURCE / "report" / "consistency.py")
