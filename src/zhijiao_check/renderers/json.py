"""``--format json``: the run document as it is, the stable machine-readable shape of cli.md."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

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
        return json.dumps(document(run, self.tr), ensure_ascii=False, indent=2) + "\n"
