"""``--format github``: GitHub Actions workflow commands, one per rule or item not met, and the job summary.

``::error`` when the status fails the run (``fail``, ``missing``; also ``warn``/``behind`` with ``--strict``),
``::warning`` for ``warn``/``behind``; each problem of an invalid report is an ``::error`` too. When
``GITHUB_STEP_SUMMARY`` names a file, the Markdown output is appended to it (GitHub shows it on the run's
page).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zhijiao_check.errors import os_reason
from zhijiao_check.files import display_name
from zhijiao_check.i18n import Translator
from zhijiao_check.renderers import RenderOptions
from zhijiao_check.renderers.findings import findings
from zhijiao_check.renderers.paths import shown_from_base
from zhijiao_check.renderers.texts import field_of, label_of
from zhijiao_check.wording import msg

if TYPE_CHECKING:
    from zhijiao_check.engine.results import Run


class GithubRenderer:
    def __init__(self, tr: Translator, options: RenderOptions) -> None:
        self.tr = tr
        self.options = options

    def render(self, run: Run) -> str:
        from zhijiao_check.document import document

        doc = document(run, self.tr)
        shown = doc
        if self.options.encoding is not None:  # a terminal: a user's text as typed, or escaped
            from zhijiao_check.characters import marking_user_text
            from zhijiao_check.renderers.fallbacks import as_written, translated

            with marking_user_text():
                shown = translated(document(run, self.tr), as_written(self.options.encoding))
        base = self.options.base()
        lines = []
        for bad in shown["invalid"]:
            for problem in bad["problems"]:
                text = f"{field_of(problem) + self.tr.colon if field_of(problem) else ''}{problem['message']}"
                lines.append(
                    command(problem["severity"], problem, self.tr("render.invalid-annotation"), text, base)
                )
        for finding in findings(shown, run.failing):
            result = finding.result
            first = finding.locations[0] if finding.locations else {"file": finding.file}
            title = f"{result['rule']} {result['title']}"
            text = f"{label_of(finding.evaluation, self.tr)}{self.tr.colon}{finding.explanation(self.tr)}"
            lines.append(command(finding.level, first, title, text, base))
        for warning in shown["warnings"]:
            lines.append(
                command(
                    "warning", warning, self.tr("render.consistency-annotation"), warning["message"], base
                )
            )
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            self._summary(doc, run, Path(summary))
        return "".join(line + "\n" for line in lines)

    def _summary(self, doc: Mapping[str, Any], run: Run, path: Path) -> None:
        from zhijiao_check.renderers.markdown import MarkdownRenderer

        text = MarkdownRenderer(self.tr, self.options).text(doc, run)
        try:
            with path.open("a", encoding="utf-8") as file:
                file.write(text + "\n")
        except OSError as error:
            # The summary is an extra on the run's page: the annotations, the SARIF and the other outputs
            # are what the workflow goes on with, and the run's status is the reports'. A summary that
            # cannot be written stopped them all (exit 2): told, it stops none.
            said = msg("render.step-summary-unwritten", file=display_name(path), reason=os_reason(error))
            print(self.tr.render(said), file=sys.stderr)


def command(level: str, where: Mapping[str, Any], title: str, message: str, base: Path) -> str:
    """``::error file=F,line=L,col=C,title=T::message``, escaped as the runner expects; ``F`` from the
    repository's root, as GitHub matches annotations with the files of a pull request."""
    # no file: a city-wide result of a year whose 市本级 report is not there (the roster expects it)
    file = str(where.get("file") or "")
    properties = [f"file={_property(shown_from_base(file, base))}"] if file else []
    if where.get("line"):
        properties.append(f"line={where['line']}")
        if where.get("column"):
            properties.append(f"col={where['column']}")
    properties.append(f"title={_property(title)}")
    if where.get("cell"):  # a workbook: the row alone does not say which sheet and column
        message = f"{where['cell']}: {message}"
    kind = {"error": "error", "note": "notice"}.get(level, "warning")
    return f"::{kind} {','.join(properties)}::{_data(message)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
