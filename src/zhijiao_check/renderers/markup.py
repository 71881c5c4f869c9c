"""HTML and SVG elements written as text, every attribute value escaped."""

from __future__ import annotations

from html import escape

# Each keyword's attribute as it is written before its value (``data_rule``: `` data-rule``): a large run's
# page writes a few dozen keywords some hundreds of thousands of times.
_NAMES: dict[str, str] = {}


def tag(name: str, content: str = "", /, **attrs: object) -> str:
    """``<name a="v">content</name>``: ``content`` is HTML; attribute values are escaped; ``class_`` is
    ``class``, other ``_`` are ``-`` (``data_rule``: ``data-rule``); ``None`` and ``False`` leave an attribute
    out."""
    if attrs:
        return f"<{name}{_attributes(attrs)}>{content}</{name}>"
    return f"<{name}>{content}</{name}>"


def opening(name: str, /, **attrs: object) -> str:
    """``<name a="v">``, the attributes as ``tag`` writes them: for an element whose content is written
    piece by piece after it."""
    return f"<{name}{_attributes(attrs)}>" if attrs else f"<{name}>"


def _attributes(attrs: dict[str, object]) -> str:
    """The attributes of ``attrs`` as written in an opening tag, each after a space."""
    text = ""
    for key, value in attrs.items():
        if value is None or value is False:
            continue
        named = _NAMES.get(key)
        if named is None:
            named = _NAMES[key] = " " + key.rstrip("_").replace("_", "-")
        if value is True:
            text += named
        else:
            text += f'{named}="{escaped(value)}"'
    return text


def escaped(text: object) -> str:
    """``text`` with ``&``, ``<``, ``>`` and both quotes escaped (``html.escape``), as it is where it holds
    none of them (most of a page's texts): five tests in C cost less than five replacements in Python."""
    shown = text if type(text) is str else str(text)
    if "&" in shown or "<" in shown or ">" in shown or '"' in shown or "'" in shown:
        return escape(shown, quote=True)
    return shown
