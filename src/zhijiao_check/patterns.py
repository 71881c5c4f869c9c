"""Regular expressions compiled when first used, not when their module is imported.

The tool's modules hold some forty patterns, most of them for what a report rarely holds (slips of typing,
odd characters, numbers written as text). Compiling one costs 50–400 µs of Python in ``re``'s compiler, so
compiling them all at import was a tenth of what a cold one-report run spends beyond importing its stack:
``later(r"…")`` stands for ``re.compile(r"…")`` and compiles on the first call of any of its methods, which
it then keeps, so every call after is a plain attribute of the object, as quick as the pattern's own.
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, cast


def later(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, compiled at its first use."""
    return cast("re.Pattern[AnyStr]", _Later(pattern, flags))


class _Later:
    """A pattern's source until one of its methods or attributes is first asked for."""

    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        """Called only for a name the object does not hold yet: the first ask for each, then kept."""
        if name == "_compiled":
            value: Any = re.compile(self.pattern, self._flags)
        else:
            value = getattr(self._compiled, name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return repr(self._compiled)
