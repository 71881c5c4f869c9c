"""How each status looks: a glyph that reads without colour, and a colour for terminals and pages."""

from __future__ import annotations

GLYPH = {
    "pass": "✓",
    "fail": "✗",
    "warn": "!",
    "missing": "?",
    "pending": "…",
    "behind": "↓",
    "not_applicable": "–",
}

STYLE = {
    "pass": "green",
    "fail": "bold red",
    "warn": "yellow",
    "missing": "magenta",
    "pending": "cyan",
    "behind": "yellow",
    "not_applicable": "dim",
}


def label(status: str) -> str:
    """``✗ fail``: the glyph and the ASCII status name, readable in any terminal."""
    return f"{GLYPH[status]} {status}"
