"""Renderers: one class per output format, looked up by name and imported only when asked for.

A renderer turns a finished ``Run`` into text; ``write_outputs`` sends each to standard output or a file.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from zhijiao_check.errors import FatalError
from zhijiao_check.i18n import Translator
from zhijiao_check.records import record

if TYPE_CHECKING:
    from zhijiao_check.engine.results import Run
    from zhijiao_check.output import Content


class Format(StrEnum):
    """The formats of ``check``, each written by the class ``CLASSES`` names, imported only when asked for."""

    table = "table"
    json = "json"
    junit = "junit"
    markdown = "markdown"
    github = "github"
    sarif = "sarif"
    html = "html"
    xlsx = "xlsx"
    csv = "csv"


# Each format's renderer, as ``module:Class`` of this package: named, not made from the format's name, so that
# a class renamed fails a test (tests/renderers/test_formats.py), not the first run asking for its format.
CLASSES: dict[Format, str] = {
    Format.table: "table:TableRenderer",
    Format.json: "json:JsonRenderer",
    Format.junit: "junit:JunitRenderer",
    Format.markdown: "markdown:MarkdownRenderer",
    Format.github: "github:GithubRenderer",
    Format.sarif: "sarif:SarifRenderer",
    Format.html: "html:HtmlRenderer",
    Format.xlsx: "xlsx:XlsxRenderer",
    Format.csv: "csv:CsvRenderer",
}


@record
class RenderOptions:
    quiet: bool = False
    color: bool | None = None  # None: colour when writing to a terminal and NO_COLOR is not set
    width: int | None = None  # None: as `terminal.width` says (the terminal's; COLUMNS or 100 for a file)
    to_terminal: bool = False
    # The terminal's encoding, where one is written to: the glyphs it lacks are shown by their fallbacks
    # (``glyphs.encodable``), which the table view lays out with (``renderers.fallbacks``). None: UTF-8.
    encoding: str | None = None
    jobs: int = 1  # processes a view may lay out reports in (the table)
    # SARIF and GitHub paths are relative to it (None: the git top level, else cwd)
    base_dir: Path | None = None

    def base(self) -> Path:
        from zhijiao_check.renderers.paths import repository_root

        return self.base_dir if self.base_dir is not None else repository_root(Path.cwd())


class Renderer(Protocol):
    def __init__(self, tr: Translator, options: RenderOptions) -> None: ...

    def render(self, run: Run) -> Content: ...  # bytes: a binary file (a workbook); Streamed: written as made


def renderer_class(name: str) -> type[Renderer]:
    if name not in Format.__members__:
        raise FatalError("unknown-format", format=name, formats="|".join(Format))
    module, _, name_of_class = CLASSES[Format(name)].partition(":")
    cls: type[Renderer] = getattr(importlib.import_module(f"{__name__}.{module}"), name_of_class)
    return cls


def write_outputs(
    run: Run,
    outputs: Sequence[tuple[str, Path | None]],
    tr: Translator,
    options: RenderOptions,
    also: Sequence[tuple[str, Path]] = (),
) -> None:
    """Render each (format, file) pair; ``None`` or ``-`` as the file is standard output. ``also``: more
    files (texts and where they go: ``--per-unit`` pages), written with the outputs, all of them or none."""
    from zhijiao_check.output import write_all

    # fail on a bad name before writing
    classes = [(renderer_class(name), target) for name, target in outputs]
    one_to_stdout(outputs)
    write_all(
        [
            *(
                (as_filed(name, cls(tr, own_options(options, target)).render(run), target), target)
                for (cls, target), (name, _) in zip(classes, outputs, strict=True)
            ),
            *also,
        ]
    )


def as_filed(name: str, text: Content, target: Path | None) -> Content:
    """The table written to a file begins with a byte-order mark, as the CSV does: both are read by a person
    on Chinese Windows, whose Notepad (before Windows 10's 1903) and Excel take a text without one for GBK
    and garble it. ``validate``'s and ``diff``'s text (``table``, their name for it too) is the same kind of
    file, a clerk's list of problems or changes, and is written the same way. The formats a program reads
    stay without (JSON forbids one; a BOM before GitHub's ``::error`` or inside a Markdown summary it is
    appended to is a stray character), and so does standard output, a pipe's as much as a terminal's (``grep``
    and ``findstr`` would meet it, and an editor reading ``validate``'s lines reads them there)."""
    from zhijiao_check.output import is_special, is_stdout

    if target is None or is_stdout(target) or is_special(target):  # a device (/dev/stdout) as standard output
        return text
    if name != Format.table or not isinstance(text, str):
        return text
    return "\ufeff" + text


def own_options(options: RenderOptions, target: Path | None) -> RenderOptions:
    """``options`` for one output: colour and the terminal's layout only on standard output, colour only
    where the terminal shows it (``terminal.shows_colour``)."""
    from zhijiao_check import terminal
    from zhijiao_check.output import is_stdout, stdout_is_tty

    to_terminal = is_stdout(target) and stdout_is_tty()
    color = options.color if is_stdout(target) else False
    if color is None and to_terminal and not terminal.shows_colour():
        color = False
    encoding = terminal.encoding() if to_terminal else None
    return replace(options, color=color, to_terminal=to_terminal, encoding=encoding)


def one_to_stdout(outputs: Sequence[tuple[str, Path | None]]) -> None:
    """Refuse two formats to standard output: they would run into each other."""
    from zhijiao_check.output import is_stdout
    from zhijiao_check.wording import Join

    # The formats named as the language lists them: json、junit in Chinese, "json, junit" in English.
    if sum(is_stdout(target) for _, target in outputs) > 1:
        raise FatalError("several-to-stdout", formats=Join(tuple(n for n, t in outputs if is_stdout(t))))
