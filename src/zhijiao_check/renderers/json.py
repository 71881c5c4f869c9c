"""``--format json``: the run document as it is, the stable machine-readable shape of cli.md."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from zhijiao_check.document import document
from zhijiao_check.i18n import Translator
from zhijiao_check.jsontext import dumps
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
    written as null rather than as ``Infinity`` or ``NaN``, which are not JSON (``jsontext.dumps``)."""
    return dumps(data) + "\n"
