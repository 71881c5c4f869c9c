"""Rule kinds: one module each, named by the ``kind`` a rule file gives.

A kind module defines the rule's model (its fields beyond ``kinds.base.RuleBase``) and
``measure(rule, scope, tr) -> Measure``: the observed value, whether the target is met, the arithmetic.
To add a kind: write its module here, add its name below and its model to ``pack.schema.AnyRule``.
"""

from __future__ import annotations

import importlib
from types import ModuleType

KINDS = ("ratio", "total", "count", "flag", "every", "coverage")


def module(kind: str) -> ModuleType:
    return importlib.import_module(f"zhijiao_check.kinds.{kind}")
