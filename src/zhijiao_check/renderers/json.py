"""``--format json``: the run document as it is, the stable machine-readable shape of cli.md."""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING, Any

from zhijiao_check.document import document
from zhijiao_check.i18n import Translator
from zhijiao_check.renderers import RenderOptions

if TYPE_CHECKING:
    from zhijiao_check.engine.results import Run


class JsonRenderer:
    def __init__(self, tr: Translator, options: RenderOptions) -> None:
        self.tr = tr
        self.options = options

    def render(self, run: Run) -> str:
        return strict_json(document(run, self.tr))


def strict_json(data: Any) -> str:
    """JSON that every parser reads: a number that is not finite (none should be, the inputs are bounded) is
    written as null rather than as ``Infinity`` or ``NaN``, which are not JSON."""
    return json.dumps(_finite(data), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _finite(data: Any) -> Any:
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {key: _finite(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_finite(value) for value in data]
    return data
