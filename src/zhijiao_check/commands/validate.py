"""``validate``: the reports' format only; every problem of every file, no rules."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.jsontext import dumps
from zhijiao_check.output import tell_written, write
from zhijiao_check.records import record
from zhijiao_check.status import ExitCode


@record
class ValidateOptions:
    paths: Sequence[Path]
    format: str = "table"
    output: Path | None = None
    lang: Lang = "zh"
    rules: Sequence[Path] = ()
    color: bool | None = None
    pack: str | None = None  # --pack: an installed pack's ID or a pack folder (default: the installed one)


def run(options: ValidateOptions) -> int:
    from zhijiao_check.commands.inputs import load_all, rule_inputs
    from zhijiao_check.pack.load import load_packs
    from zhijiao_check.report.consistency import cross_year_warnings

    tr = Translator(options.lang)
    packs = load_packs(options.rules, options.pack)
    valid, invalid = load_all(
        options.paths,
        packs[0].units,
        [options.output],
        rule_inputs(options.rules, options.pack),
        options.color,
        options.lang,
    )
    warnings = [*(w for r in valid for w in r.warnings), *cross_year_warnings(valid)]
    code = ExitCode.INVALID if invalid else ExitCode.OK
    if options.format == "json":
        files = [{"file": r.file, "valid": True} for r in valid]
        files += [{"file": bad.file, "valid": False} for bad in invalid]
        problems = [p.as_dict(tr) for bad in invalid for p in bad.problems] + [
            w.as_dict(tr) for w in warnings
        ]
        text = dumps({"files": files, "problems": problems, "exit_code": code})
    else:
        lines = [tr("cli.valid", file=r.file) for r in valid]
        lines += [
            problem.report_line(tr) for problem in [*(p for bad in invalid for p in bad.problems), *warnings]
        ]
        lines.append(tr("cli.valid-summary", valid=len(valid), invalid=len(invalid)))
        text = "\n".join(lines)
    write(text + "\n", options.output)
    tell_written(
        [options.output], tr, lambda: tr("cli.valid-summary", valid=len(valid), invalid=len(invalid))
    )
    return code
