"""A parsed report against format v1: every problem, each located and said in the report's own terms.

Pydantic's errors are turned into report problems here: the location by the positions of the loaded
YAML, the message by the error type (our own codes from ``scalars``, or Pydantic's for unknown and missing
fields, lists and mappings). Pydantic's English text is never shown.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, get_args, get_origin

from zhijiao_check.characters import difference
from zhijiao_check.i18n import exists
from zhijiao_check.located import typed_word
from zhijiao_check.problems import Problem, format_path, worded_for
from zhijiao_check.pydantic_compiled import ValidationError
from zhijiao_check.report.crossfield import cross_field_problems
from zhijiao_check.report.scalars import as_found, render
from zhijiao_check.report.unitcode import as_code_problem
from zhijiao_check.report.validator import quick_validator, report_validator
from zhijiao_check.report.workbook.cells import MERGED_CELLS, range_bounds
from zhijiao_check.source import Parsed, Path_
from zhijiao_check.units import UnitRegistry
from zhijiao_check.wording import Join, Msg

if TYPE_CHECKING:
    from pydantic import BaseModel
    from pydantic_core import ErrorDetails

MAX_CONVERTED = 200  # model errors turned into problems; the rest are counted


def validate(parsed: Parsed, units: UnitRegistry, file: str) -> list[Problem]:
    """All errors of the report: those the YAML reader let through, the models', the cross-field checks'."""
    problems = [as_code_problem(problem) for problem in parsed.problems]
    # A value the reader refused (a forbidden tag) was loaded as blank: do not report it twice. Nor the value
    # on a line where a slip of typing was found before parsing (no path yet): ``1360  ＃ 注释`` is no number
    # because of its full-width ＃, which is the one thing to fix.
    refused = {problem.path for problem in parsed.problems}
    said = _said_before(parsed.problems)
    # What YAML gave (a text read: none from JSON or a workbook) holds no ``WrittenWhole``, which the quick
    # form alone would take for a whole number (``validator.quick``); what it accepts has no model error.
    quick = quick_validator() if parsed.text else None
    try:
        if quick is None or not quick.isinstance_python(parsed.data):
            report_validator().validate_python(parsed.data)
    except ValidationError as error:
        details = error.errors(include_url=False)
        # Only so many are ever shown: naming each of 60,000 (a file of empty entries) would take many
        # seconds.
        for detail in details[:MAX_CONVERTED]:
            problem = _problem(detail, parsed, file)
            if problem.path not in refused and not said(problem):
                problems.append(problem)
        if len(details) > MAX_CONVERTED:
            last = problems[-1] if problems else None
            problems.append(
                Problem(
                    file,
                    last.line if last else 1,
                    last.column if last else 1,
                    "",
                    "too-many-problems",
                    {"count": len(details) - MAX_CONVERTED},
                )
            )
    return problems + cross_field_problems(parsed.data, parsed.positions, units, file)


def _said_before(problems: Sequence[Problem]) -> Callable[[Problem], bool]:
    """Whether a model's problem is one the reader has said already, by its place. In YAML, a line where a
    slip of typing was found before parsing (no path yet). In a workbook, only the cell of a problem without
    a path, or a cell under the first of a merged range (it reads blank because of the merge): a problem
    there is on one sheet's one cell, and the rows of the other sheets, or the other cells of its row, are
    still checked (a merge in 专业 or a school misnamed at 专业!A3 hid 学校!F3's ``3,120``)."""
    lines = {problem.line for problem in problems if not problem.path and not problem.cell}
    cells = {_cell_of(problem) for problem in problems if not problem.path and problem.cell}
    merges = [
        (_cell_of(problem)[0], bounds)
        for problem in problems
        if problem.code == MERGED_CELLS and (bounds := range_bounds(str(problem.params.get("range"))))
    ]

    def said(problem: Problem) -> bool:
        if not problem.cell:
            return problem.line in lines
        sheet, row, column = _cell_of(problem)
        if (sheet, row, column) in cells:
            return True
        return any(
            sheet == merged
            and top <= row <= bottom
            and left <= column <= right
            and (row, column) != (top, left)
            for merged, (top, left, bottom, right) in merges
        )

    return said


def _cell_of(problem: Problem) -> tuple[str, int, int]:
    """A workbook problem's sheet, row and column: its cell is ``学校!F3（在校生）``, the sheet before the
    last ``!`` (a header has none), its row and column the problem's line and column."""
    return problem.cell.rsplit("!", 1)[0], problem.line or 0, problem.column or 0


def _problem(detail: ErrorDetails, parsed: Parsed, file: str) -> Problem:
    loc: Path_ = tuple(detail["loc"])
    positions = parsed.positions
    kind = detail["type"]
    if kind == "extra_forbidden":
        where = positions.key(loc)  # the misspelt key itself
    elif kind == "missing":
        where = positions.key(loc) or positions.value(loc[:-1])  # a workbook's blank cell, else the mapping
    else:
        where = positions.value(loc)
    cell = positions.cell(loc)
    code, params = _describe(kind, loc, detail["input"], detail.get("ctx", {}), bool(cell))
    if isinstance(detail["input"], bool) and "found" in params:
        # ``teachers: off`` said as typed, not as the false YAML 1.1 reads it as: the text is read again only
        # here, for a problem's message
        typed = typed_word(detail["input"], parsed.text, where)
        params["found"] = typed or params["found"]
    return Problem(file, *(where or positions.nearest(loc)), format_path(loc), code, params, cell=cell)


def _describe(
    kind: str, loc: Path_, found: Any, ctx: Mapping[str, Any], in_cell: bool = False
) -> tuple[str, dict[str, object]]:
    """The problem code and its parameters for one Pydantic error (``in_cell``: in a workbook)."""
    if exists(f"report.{kind}"):  # raised by a check in ``scalars`` with the report's own code
        params = _drop_down_words(loc, dict(ctx)) if in_cell else dict(ctx)
        return kind, _with_expected(params, in_cell)
    if kind == "extra_forbidden":
        return _unknown_field(loc)
    if kind == "missing":
        field = str(loc[-1])
        model = _model_at(loc[:-1])
        title = model.model_fields[field].title if model and field in model.model_fields else None
        return "missing-field", {"field": field, "title": title or field}
    if kind in ("model_type", "dict_type", "list_type"):
        expected = "list" if kind == "list_type" else "mapping"
        if found is None:
            return "blank", _with_expected({"found": "", "expected": expected})
        if kind == "list_type" and (write := _list_in_fullwidth_brackets(found)):
            return "fullwidth-brackets", {"found": as_found(found), "write": write}
        return f"not-a-{expected}", {"found": as_found(found)}
    if kind == "greater_than_equal":
        if ctx["ge"] == 0:
            return "negative", {"found": as_found(found)}
        return "below-minimum", {"found": as_found(found), "minimum": render(ctx["ge"])}
    if kind == "greater_than":
        return "not-greater", {"found": as_found(found), "limit": _plain(ctx["gt"])}
    # Not reachable with the checks in ``scalars``; kept so that a new field type cannot crash a run.
    return "invalid-value", {"found": as_found(found), "detail": kind}


def _list_in_fullwidth_brackets(found: Any) -> str | None:
    """``[甲, 乙]`` for ``［甲，乙］`` or ``【甲、乙】``, a list typed with a Chinese input method, which
    YAML reads as one text; None for anything else."""
    if not isinstance(found, str) or found[:1] not in "［【〔" or found[-1:] not in "］】〕":
        return None
    items = [item.strip() for item in found[1:-1].replace("，", ",").replace("、", ",").split(",")]
    return "[" + ", ".join(item for item in items if item) + "]"


def _with_expected(params: dict[str, object], in_cell: bool = False) -> dict[str, object]:
    """The ``expected`` token as wording: what such a field takes (``report.expected-<token>``), in the words
    of the language the problem is shown in, with the problem's own parameters (``{low}``, ``{allowed}``);
    ``in_cell``: as a workbook takes it, where that differs (``-in-cell``: 是 or 否, not true or false)."""
    token = params.get("expected")
    if isinstance(token, str):
        others = tuple((name, value) for name, value in params.items() if name != "expected")
        params["expected"] = Msg(worded_for(f"report.expected-{token}", in_cell), others)
    return params


def _drop_down_words(loc: Path_, params: dict[str, object]) -> dict[str, object]:
    """A choice's values as its cell's drop-down list shows them: ``绿牌`` for ``green``, ``公办、民办`` for
    ``public (公办), private (民办)``; a cell's list refuses the codes a YAML report writes."""
    from zhijiao_check.report.workbook.layout import column_at

    column = column_at(loc)
    if column is None or column.kind != "choice":
        return params
    shown = dict(column.choices)
    if isinstance(params.get("write"), str):
        params["write"] = shown.get(str(params["write"]), params["write"])
    if "allowed" in params:
        params["allowed"] = Join(tuple(shown.values()))
    return params


# How many times a name's length a key may be and still be like it: ``difflib``'s ratio, 2 × matches / both
# lengths, reaches the cutoff of 0.5 only for a key at most three times as long as the name.
_LIKENESS = 3


def _unknown_field(loc: Path_) -> tuple[str, dict[str, object]]:
    """The nearest valid field at that place,
    by spelling or by its Chinese title (``专任教师`` → teachers).
    """
    key = str(loc[-1])
    model = _model_at(loc[:-1])
    fields = model.model_fields if model else {}
    by_title = {info.title: field for field, info in fields.items() if info.title}
    if len(key) > _LIKENESS * max(map(len, [*fields, *by_title]), default=0):
        # no name is like it (a key of 5 million characters was compared with each for 16 s)
        return "unknown-field-no-match", {"field": key, "allowed": ", ".join(fields)}
    for field in fields:
        differs = difference(key, field)
        if differs:
            return "unknown-field-lookalike", {"field": key, "suggestion": field, "differs": differs}
    close = difflib.get_close_matches(key, list(fields), n=1, cutoff=0.6)
    if not close:
        close = [by_title[title] for title in difflib.get_close_matches(key, list(by_title), n=1, cutoff=0.5)]
    if close:
        return "unknown-field", {"field": key, "suggestion": close[0]}
    return "unknown-field-no-match", {"field": key, "allowed": Join(tuple(fields))}


def _model_at(path: Path_) -> type[BaseModel] | None:
    """The model that validates the mapping at ``path``: ``("schools", 0)`` → ``School`` (the models are
    read for a problem's words only: a valid report is checked without them, ``report.validator``)."""
    from pydantic import BaseModel

    from zhijiao_check.report.model import Report

    current: Any = Report
    for part in path:
        if isinstance(part, int):
            args = get_args(current)
            current = args[0] if get_origin(current) is list and args else None
        elif isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = current.model_fields[part].annotation
        else:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _plain(limit: float) -> str:
    return str(int(limit)) if float(limit).is_integer() else str(limit)
