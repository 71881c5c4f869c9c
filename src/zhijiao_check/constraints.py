"""Pydantic's constraints, named without importing Pydantic.

The rule vocabulary (``vocabulary``, ``kinds``) and the unit list (``units``) are plain records, which
Pydantic checks as it checks models when a pack's file is read (pack.load). Their annotations are text until
then, so these name Pydantic's constraints there: a run whose packs are kept (pack.cache) never loads
Pydantic's model machinery. Apart from ``vocabulary``, which imports ``units``, so that ``units`` can use
them too."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def Field(**constraints: Any) -> Any:
    """Pydantic's ``Field(**constraints)``, made when a rule file's validator is built."""
    from pydantic import Field as field

    return field(**constraints)


def Before(read: Callable[[Any], Any]) -> Any:
    """Pydantic's ``BeforeValidator(read)``: what a rule file writes, read before it is checked."""
    from pydantic import BeforeValidator

    return BeforeValidator(read)


def After(check: Callable[[Any], Any]) -> Any:
    """Pydantic's ``AfterValidator(check)``: a field's own check, its error placed at the field."""
    from pydantic import AfterValidator

    return AfterValidator(check)
