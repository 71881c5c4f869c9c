"""A bounded memory of values already made, for the texts a run makes again and again (a cell's layout, a
figure's markup, a field's name): kept until ``limit`` are held, then all let go at once, so a run of any size
holds at most ``limit`` of them; every memo is emptied at once by ``let_go``. (Not ``engine.keep``, which is
what is kept of a report for the city-wide years.)"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, TypeVar

K = TypeVar("K")
V = TypeVar("V")

LIMIT = 4096  # values kept: a report's table has about a hundred cells


class BoundedMemo(dict[K, V]):
    """With ``make``, a missing key's value is made from the key by ``memo[key]`` (a lookup in C, with no call
    of Python's for a value already made); without it, ``keep`` stores what the caller made."""

    def __init__(self, make: Callable[[K], V] | None = None, limit: int = LIMIT) -> None:
        super().__init__()
        self.make = make
        self.limit = limit
        _ALIVE[id(self)] = self

    def __missing__(self, key: K) -> V:
        if self.make is None:
            raise KeyError(key)
        return self.keep(key, self.make(key))

    def keep(self, key: K, value: V) -> V:
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value


# Every memo alive (``let_go``), by its identity: one gone is dropped with it.
_ALIVE: weakref.WeakValueDictionary[int, BoundedMemo[Any, Any]] = weakref.WeakValueDictionary()


def let_go() -> None:
    """Every memo alive emptied, each value made again when it is next asked for: once a large run has scored
    its reports, what their rules and wording made again and again (a rule's descriptions, the layouts of
    kept places, the years of folders) is memory the city-wide years, where the run peaks, take instead of
    more (1.5 MiB of the peak of 10,000 reports over the widest years a pack allows)."""
    for memo in list(_ALIVE.values()):
        memo.clear()
