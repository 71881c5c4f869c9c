"""``validate``: the reports' format only; every problem of every file, no rules."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path

from zhijiao_check.characters import marking_user_text, user_text
from zhijiao_check.files import display_name
from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.jsontext import dumps
from zhijiao_check.output import is_stdout, stdout_is_tty, tell_written, write
from zhijiao_check.records import record
from zhijiao_check.status import ExitCode


@record
class ValidateOptions:
    paths: Sequence[Path]
    format: str | None = None  # None: the one the output's name names (``-o 检查.json``), else the table
    output: Path | None = None
    lang: Lang = "zh"
    rules: Sequence[Path] = ()
    pack: str | None = None  # --pack: an installed pack's ID or a pack folder (default: the installed one)
    roster: Path | None = None  # the config file's: a folder's search passes over it, as check's does
    config: Path | None = None  # the config file the settings came from, said as check says it
    color: bool | None = None  # of the progress bar of a long run (False: --no-color)


def run(options: ValidateOptions) -> int:
    from zhijiao_check.commands.inputs import NotReports, load_all, rule_inputs
    from zhijiao_check.engine.duplicates import unique
    from zhijiao_check.output import command_format
    from zhijiao_check.pack.load import load_packs
    from zhijiao_check.renderers import as_filed
    from zhijiao_check.report.consistency import cross_year_warnings

    tr = Translator(options.lang)
    format = command_format("validate", ("table", "json"), options.format, options.output)
    packs = load_packs(options.rules, options.pack)
    valid, invalid = load_all(
        options.paths,
        packs[0].units,
        [options.output],
        [*rule_inputs(options.rules, options.pack), *_settings(options)],
        options.color,
        options.lang,
        # a pack kept among the reports, or the roster, is none
        NotReports(packs, options.rules, options.pack, options.roster),
    )
    # What check refuses of a folder, validate says too: a clerk validating before sending gets the hint.
    loaded = valid
    valid, duplicates = unique(valid, invalid)
    invalid = [*invalid, *duplicates]
    # A file holding the same report as another (a copy) is valid too, and counted: it is only scored once
    # by check. Left out, ``validate`` of three such files said "1 valid, 0 invalid".
    refused = {bad.file for bad in duplicates}
    files_valid = [r.file for r in loaded if r.file not in refused]
    copies = len(files_valid) - len(valid)
    warnings = [*(w for r in valid for w in r.warnings), *cross_year_warnings(valid)]
    code = ExitCode.of(invalid=bool(invalid), failed=False)

    config = display_name(options.config) if options.config is not None else None

    def summary() -> str:
        if copies:
            return tr("cli.valid-summary-copies", valid=len(files_valid), count=copies, invalid=len(invalid))
        return tr("cli.valid-summary", valid=len(files_valid), invalid=len(invalid))

    def detail() -> str:  # beside the file written, on a terminal
        return summary() if config is None else tr("cli.detail-config", detail=summary(), file=config)

    if format == "json":
        files = [{"file": file, "valid": True} for file in files_valid]
        files += [{"file": bad.file, "valid": False} for bad in invalid]
        problems = [p.as_dict(tr) for bad in invalid for p in bad.problems] + [
            w.as_dict(tr) for w in warnings
        ]
        doc = {"files": files, "problems": problems, "exit_code": code}
        if config is not None:  # absent without one, as check's "config"
            doc["config"] = config
        text = dumps(doc)
    else:
        # A line a problem (``file:line:col: error: path: message``) for editors, CI and grep; on a terminal
        # each problem's place over its message, as check shows them, every line broken to the width.
        on_terminal = is_stdout(options.output) and stdout_is_tty()
        lines = [tr("cli.valid", file=file) for file in files_valid]
        # on a terminal, a user's text is marked: no glyph of the tool's, it is shown as typed (``_fitted``)
        with marking_user_text() if on_terminal else contextlib.nullcontext():
            lines += [
                problem.report_line(tr, folded=on_terminal)
                for problem in [*(p for bad in invalid for p in bad.problems), *warnings]
            ]
            if config is not None:  # where the settings came from, as check's table ends with it
                lines.append(tr("table.config", file=user_text(config)))
        lines.append(summary())
        text = "\n".join(lines)
        if on_terminal:
            text = _fitted(text, options.lang)
    write(as_filed(format, text + "\n", options.output), options.output)
    tell_written([options.output], tr, detail)
    return code


def _settings(options: ValidateOptions) -> list[Path]:
    """The config file and the roster it names: inputs, never to be written over by ``--output``."""
    return [path for path in (options.roster, options.config) if path is not None]


def _fitted(text: str, lang: Lang) -> str:
    """``text`` as the terminal shows it (``renderers.fallbacks.as_shown``: ``≥`` as ``>=`` on a GBK console),
    each line wider than the terminal broken between words, the lines after its first indented."""
    from zhijiao_check import terminal
    from zhijiao_check.renderers.fallbacks import as_shown, shown
    from zhijiao_check.renderers.layout.chinese import broken_line

    width, text = terminal.width(), shown(text, as_shown(terminal.encoding()))
    return "\n".join(part for line in text.split("\n") for part in broken_line(line, width, 2, lang))
