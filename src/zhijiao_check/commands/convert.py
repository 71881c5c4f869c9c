"""``convert``: a report from YAML (or JSON) to a workbook and back, losing nothing of format v1.

Only a valid report is converted: an invalid one would have to be guessed at. The input is never
overwritten, and an existing output only with ``--force``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from zhijiao_check.commands.inputs import guard_outputs, rule_inputs
from zhijiao_check.commands.template import SUFFIXES
from zhijiao_check.errors import FatalError, tell_problems
from zhijiao_check.files import display_name
from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.output import is_stdout, refuse_existing, tell_written, write
from zhijiao_check.records import record
from zhijiao_check.status import ExitCode

FORMATS = {**SUFFIXES, ".json": "json"}  # a template's formats, and JSON


@record
class ConvertOptions:
    source: Path
    output: Path
    force: bool = False
    lang: Lang = "zh"
    rules: Sequence[Path] = ()
    pack: str | None = None  # --pack: the main rule pack, whose unit list the report is checked against


def run(options: ConvertOptions) -> int:
    from zhijiao_check.commands.template import report_as
    from zhijiao_check.pack.load import load_packs
    from zhijiao_check.report import ReportFile, load_report

    tr = Translator(options.lang)
    target = options.output
    format = FORMATS.get(target.suffix.lower())
    # The input (its path, a symlink or a hard link to it) and the rule files are never written over, --force
    # or not.
    guard_outputs([target], [options.source, *rule_inputs(options.rules, options.pack)], over_reports=True)
    if is_stdout(target):  # a name without a suffix, and no file: display_name would call it <stdin>
        raise FatalError("convert-stdout", area="input")
    if format is None:
        raise FatalError("convert-format", area="input", file=display_name(target))
    refuse_existing(target, options.force)
    loaded = load_report(
        options.source, load_packs(options.rules, options.pack)[0].units, display_name(options.source)
    )
    if not isinstance(loaded, ReportFile):
        tell_problems(loaded.problems, tr)
        print(tr("input.convert-invalid", file=display_name(options.source)), file=sys.stderr)
        return ExitCode.INVALID
    # Read all the same (the encoding, the file's name, a surprising figure): said, as check says it.
    tell_problems(loaded.warnings, tr)
    if format == "xlsx":
        from zhijiao_check.commands.fits import unfit

        unheld = unfit(loaded, tr)
        for line in unheld:
            print(line, file=sys.stderr)
        if unheld:
            return ExitCode.INVALID
    assert format is not None
    # the unit as the report gives it: a former name of its year stays (the data says the name now)
    data = loaded.data if loaded.written_unit is None else {**loaded.data, "unit": loaded.written_unit}
    write(report_as(format, data, None if format == "xlsx" else _note(options.source)), target)
    tell_written([target], tr)
    return ExitCode.OK


def _note(source: Path) -> str:
    return f"zhijiao-check convert {display_name(source)}"
