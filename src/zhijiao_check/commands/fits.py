"""What a workbook cannot hold of a report, found before one is written: ``convert`` to a workbook and
``template --from`` (last year's report into this year's workbook) refuse it, writing nothing, since a cell
would cut it (a text beyond 32,767 characters), split it (a name holding a list's separator) or round it (a
16th significant digit)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from zhijiao_check.i18n import Translator
    from zhijiao_check.report import ReportFile
    from zhijiao_check.source import Path_


def unfit(report: ReportFile, tr: Translator) -> list[str]:
    """The lines that say what of ``report`` a workbook would not give back, for standard error (a problem's
    place over its message on a terminal); none when it can be written."""
    from zhijiao_check.problems import Problem, format_path
    from zhijiao_check.report.workbook.write import overlong
    from zhijiao_check.terminal import stderr_is_tty

    cut = overlong(report.data, report.positions, report.file)
    if cut:
        return [problem.report_line(tr, folded=stderr_is_tty()) for problem in cut]
    found = _first_unfit(report.data)
    if found is None:
        return []
    path, code, params = found
    # at the line and column of the item, as docs/excel.md promises: ``sep.yaml:19:22: 错误：…``
    line, column = report.positions.nearest(path)
    problem = Problem(
        report.file,
        line,
        column,
        "",
        code,
        {"path": format_path(path), **params},
        area="input",
        cell=report.positions.cell(path),
    )
    return [problem.report_line(tr, folded=stderr_is_tty())]


def _first_unfit(data: dict[str, Any]) -> tuple[Path_, str, dict[str, object]] | None:
    """The first thing a cell would change: a school named 无, a list item it would split, a number it
    would round; its path, message code and parameters."""
    none = _school_named_none(data)
    if none is not None:
        return none, "convert-school-none", {"none": "无"}
    unsplittable = next(_unsplittable(data), None)
    if unsplittable is not None:
        return unsplittable[0], "convert-list-item", {"item": unsplittable[1]}
    too_precise = next(_too_precise(data, ()), None)
    if too_precise is not None:
        return too_precise[0], "convert-precision", {"value": too_precise[1]}
    return None


def _school_named_none(data: dict[str, Any]) -> Path_ | None:
    """The first school named 无: in 学校's name cell, 无 says the unit has no schools, so the school would
    come back as none at all."""
    from zhijiao_check.report.workbook.layout import NONE_WORD

    schools = data.get("schools")
    for index, school in enumerate(schools if isinstance(schools, list) else []):
        if isinstance(school, dict) and str(school.get("name", "")).strip() == NONE_WORD:
            return ("schools", index, "name")
    return None


def _unsplittable(data: dict[str, Any]) -> Iterator[tuple[Path_, str]]:
    """Items of a list of text that one workbook cell could not hold apart (a separator in a name, or 无)."""
    from zhijiao_check.report.joined import joined_by
    from zhijiao_check.report.workbook.layout import LIST_SEPARATORS, NONE_WORD, layout

    for sheet in layout().sheets:
        if not sheet.fields:
            continue
        for column in sheet.columns:
            if column.kind != "list":
                continue
            path = (*sheet.path, *column.path)
            value: Any = data
            for part in path:
                value = value.get(part) if isinstance(value, dict) else None
            refused = False
            for index, item in enumerate(value or []):
                text = str(item)
                if (
                    text.strip() != text
                    or text == NONE_WORD
                    or any(sep in text for sep in LIST_SEPARATORS)
                    or joined_by(text) is not None  # several names to a workbook's reader (report.joined)
                ):
                    refused = True
                    yield (*path, index), text
            cell = "、".join(map(str, value or []))  # as the cell holds them: ["0", "甲"] reads as numbered
            if not refused and joined_by(cell, LIST_SEPARATORS) is not None:
                yield path, cell


def _too_precise(data: Any, path: Path_) -> Iterator[tuple[Path_, str]]:
    """Numbers with more significant digits than Excel keeps (15): the reader takes a cell's number to 15
    digits, as Excel shows it, so a 16th would not come back."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _too_precise(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _too_precise(value, (*path, index))
    elif isinstance(data, float) and float(f"{data:.15g}") != data:
        yield path, repr(data)
