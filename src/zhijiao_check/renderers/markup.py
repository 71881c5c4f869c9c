"""HTML and SVG elements written as text, every attribute value escaped."""

from __future__ import annotations

from html import escape


def tag(name: str, content: str = "", /, **attrs: object) -> str:
    """``<name a="v">content</name>``: ``content`` is HTML; attribute values are escaped; ``class_`` is
    ``class``, other ``_`` are ``-`` (``data_rule``: ``data-rule``); ``None`` and ``False`` leave an attribute
    out."""
    return f"{opening(name, **attrs)}{content}</{name}>"


def opening(name: str, /, **attrs: object) -> str:
    """``<name a="v">``, the attributes as ``tag`` writes them: for an element whose content is written
    piece by piece after it."""
    text = "".join(
        f" {key.rstrip('_').replace('_', '-')}" + ("" if value is True else f'="{escaped(value)}"')
        for key, value in attrs.items()
        if value is not None and value is not False
    )
    return f"<{name}{text}>"


def escaped(text: object) -> str:
    return escape(str(text), quote=True)
