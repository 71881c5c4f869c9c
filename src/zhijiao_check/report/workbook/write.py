"""Writing a report (or a blank template) as a workbook in the layout of ``workbook.layout``.

Each input cell is unlocked and tinted; headers, field keys and the unit's identity are locked, and each
sheet is protected without a password (a guard against slips, not a lock: 审阅 › 撤销工作表保护 lifts it).
Every enumeration gets a drop-down and every number the model's bounds, so Excel or WPS refuses a wrong
entry as it is typed; the reader checks everything again anyway.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from zhijiao_check.characters import escaped
from zhijiao_check.report.workbook.layout import (
    CHOICE_LABELS,
    FIELDS_HEADERS,
    INSTRUCTIONS,
    NO,
    NONE_WORD,
    SCHOOL_KEY,
    SCHOOLS_SHEET,
    UNIT_SHEET,
    YES,
    Column,
    Sheet,
    layout,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from zhijiao_check.problems import Problem
    from zhijiao_check.source import Path_, Positions

FORMAT_VERSION = 1
# The most characters a cell of Excel holds: openpyxl cuts a longer text there without a word, and the
# workbook would come back from ``convert`` with the name cut short.
CELL_CHARACTERS = 32_767
_LAST_COLUMN = 16_384  # XFD, a sheet's last column
SPARE_ROWS = 200  # empty, unlocked rows below the entries of each table, for the entries still to come
IDENTITY = ("schema_version", "unit.name", "unit.kind", "unit.code")  # locked: made by the template
HEADER_FILL, INPUT_FILL, KEY_COLOR = "DDEBF7", "FFF9E5", "808080"


def instructions(unit: str, kind: str, year: object, source: str | None = None) -> list[tuple[str, str]]:
    """The 填报说明 sheet: who and what the workbook is for, and how to fill it in."""
    kind_label = dict(CHOICE_LABELS["kind"]).get(kind, kind)
    rows = [
        (f"{unit} {year} 年度职业教育统计填报", "永政发〔2021〕7号 目标达标检查 · zhijiao-check"),
        ("填报单位", f"{unit}（{kind_label}）"),
        ("统计年度", str(year)),
        (
            "格式版本",
            (
                f"{FORMAT_VERSION}（与 YAML 报告第 {FORMAT_VERSION} 版同一格式，可用 zhijiao-check convert "
                f"互转）"
            ),
        ),
    ]
    if source:
        # a cell holds no control character (openpyxl refuses one): a file's name shown escaped
        rows.append(("预填来源", f"{escaped(source)}：上年的数字已填好，请逐项改为本年度的数字"))
    steps = [
        "只在浅黄色的格子里填写；其余格子（表头、第 2 行的字段代码、单位名称）已锁定，不要改动。",
        f"“{UNIT_SHEET}”表：本单位的各项数字，一行一项，填在“填报值”一列，计量单位见“计量单位”一列。",
        (
            "“学校”表：每所职业院校一行；本单位确实没有职业院校时，在第 3 行的“学校名称”格填“无”"
            "（“学校”表留空是未填报，检查时报错）。“专业”“企业实践”表：每个专业、每组教师一行，"
            "第一列选所属学校。"
        ),
        "有下拉箭头的格子请从列表中选择（是/否、公办/民办、绿牌/黄牌/红牌……）。",
        "数字直接填写数字：不要带千分位逗号、单位或“万”字，比例不要写成百分数。",
        "没有统计的项目留空（检查时记为“缺少数据”，不会当作 0）；确实一项也没有的名单填“无”。",
        "多项名称写在一个格子里时用顿号“、”分隔，如：先进装备制造、农产品精深加工。",
        (
            "不要合并单元格、不要在数据中间留空行、不要移动第 2 行的字段代码。可以调整列宽和格式、"
            "在表格右侧加自己的备注列（不读取）；排序、筛选请用第 2 行的筛选箭头，或只选中第 3 行起的数据行"
            "再排序（选中了第 2 行，字段代码行会被排到数据中间）。公式可以用，但请保存后再检查。"
        ),
        (
            "填好后运行：zhijiao-check validate 本文件.xlsx 检查格式，zhijiao-check check 本文件.xlsx "
            "检查达标情况。"
        ),
    ]
    rows += [(f"说明 {number}", text) for number, text in enumerate(steps, 1)]
    return rows


def workbook_bytes(data: Mapping[str, Any], *, instructions: Sequence[tuple[str, str]]) -> bytes:
    """The report ``data`` (plain, as loaded; absent fields blank) as an ``.xlsx`` file."""
    from openpyxl import Workbook

    book = Workbook()
    intro = book.active
    assert intro is not None
    intro.title = INSTRUCTIONS
    _instructions(intro, instructions)
    kind = _get(data, ("unit", "kind"))
    for sheet in layout().for_kind(kind):
        target = book.create_sheet(sheet.name)
        if sheet.fields:
            _fields_sheet(target, sheet, _get(data, sheet.path) or {})
        else:
            rows = list(entries(data, sheet))
            # ``schools: []`` is said in the sheet, as 无 in 学校名称: a blank 学校 sheet is no schools given
            none = sheet.name == SCHOOLS_SHEET and _get(data, sheet.path) == []
            _table_sheet(target, sheet, rows, none=none)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def overlong(data: Mapping[str, Any], positions: Positions, file: str) -> list[Problem]:
    """The texts of a report that no cell holds whole, each at its place in the report: refused before a
    workbook is written (``convert``, ``template --from``), as a number of more digits than a cell keeps."""
    from zhijiao_check.problems import Problem, format_path
    from zhijiao_check.wording import msg

    problems = []
    for path, length, joined in _texts_beyond(data, ()):
        line, column = positions.nearest(path)
        what = msg("input.cell-text-list" if joined else "input.cell-text-one")
        params = {"what": what, "length": f"{length:,}", "limit": f"{CELL_CHARACTERS:,}"}
        problems.append(
            Problem(
                file,
                line,
                column,
                format_path(path),
                "cell-text-too-long",
                params,
                area="input",
                cell=positions.cell(path),
            )
        )
    return problems


def _texts_beyond(data: Any, path: Path_) -> Iterator[tuple[Path_, int, bool]]:
    """Where a text longer than a cell holds stands, its length, and whether it is a list of names (which
    share one cell, joined by 、)."""
    if isinstance(data, str):
        if len(data) > CELL_CHARACTERS:
            yield path, len(data), False
    elif isinstance(data, Mapping):
        for key, value in data.items():
            yield from _texts_beyond(value, (*path, key))
    elif isinstance(data, list):
        if data and all(isinstance(item, str) for item in data):
            length = len("、".join(data))  # as ``cell_value`` writes the list into its cell
            if length > CELL_CHARACTERS:
                yield path, length, len(data) > 1
            return
        for index, item in enumerate(data):
            yield from _texts_beyond(item, (*path, index))


def entries(data: Mapping[str, Any], sheet: Sheet) -> Iterable[dict[str, Any]]:
    """The entries a table sheet shows; a school's majors and practice groups with the school's name."""
    if sheet.parent is None:
        yield from (entry for entry in _get(data, sheet.path) or [] if isinstance(entry, dict))
        return
    for school in data.get("schools") or []:
        for entry in school.get(sheet.parent) or []:
            yield {SCHOOL_KEY: school.get("name"), **entry}


def _instructions(sheet: Worksheet, rows: Sequence[tuple[str, str]]) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 100
    for row, (label, text) in enumerate(rows, 1):
        sheet.cell(row, 1, label).font = Font(bold=True)
        cell = sheet.cell(row, 2, text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.protection.sheet = True


def _fields_sheet(sheet: Worksheet, layout_sheet: Sheet, values: Mapping[str, Any]) -> None:
    from openpyxl.styles import Alignment

    _header(sheet, 1, FIELDS_HEADERS)
    for width, letter in zip((34, 30, 30, 10, 70), "ABCDE", strict=True):
        sheet.column_dimensions[letter].width = width
    for row, column in enumerate(layout_sheet.columns, 2):
        sheet.cell(row, 1, column.key).font = _key_font()
        sheet.cell(row, 2, column.header)
        value = _put(sheet, row, 3, cell_value(column, _get(values, column.path), values))
        sheet.cell(row, 4, column.measure)
        sheet.cell(row, 5, column.note).alignment = Alignment(wrap_text=False)
        editable = column.key not in IDENTITY
        _style_input(sheet, value.coordinate, column, editable)
    sheet.freeze_panes = "C2"
    _protect(sheet, len(FIELDS_HEADERS) + 1)


def _table_sheet(
    sheet: Worksheet, layout_sheet: Sheet, rows: list[dict[str, Any]], *, none: bool = False
) -> None:
    from openpyxl.comments import Comment
    from openpyxl.utils import get_column_letter

    _header(sheet, 1, [_header_text(c) for c in layout_sheet.columns])
    last = 2 + len(rows) + SPARE_ROWS
    for index, column in enumerate(layout_sheet.columns, 1):
        letter = get_column_letter(index)
        # A fields sheet shows each field's note in its 说明 column; a table has no room for it: the header's
        # comment holds it (升格年份: 新建学校不填).
        sheet.cell(1, index).comment = Comment(column.note, "zhijiao-check", width=320, height=110)
        sheet.cell(2, index, column.key).font = _key_font()
        sheet.column_dimensions[letter].width = column.width
        for row, entry in enumerate(rows, 3):
            _put(sheet, row, index, cell_value(column, _get(entry, column.path), entry))
        for row in range(3, last + 1):
            _style_input(sheet, f"{letter}{row}", column, True, validate=False)
        _validation(sheet, column, f"{letter}3:{letter}{last}")
    if none:
        _put(sheet, 3, 1, NONE_WORD)
    # The filter arrows stand on the key row, so that sorting by them moves the entries below it and never
    # the keys (a sort of A2:L10 put the key row under the entries, which were then not read).
    sheet.auto_filter.ref = f"A2:{get_column_letter(len(layout_sheet.columns))}{last}"
    sheet.freeze_panes = "B3"
    _protect(sheet, len(layout_sheet.columns) + 1)


def _put(sheet: Worksheet, row: int, column: int, value: Any) -> Any:
    cell = sheet.cell(row, column, value)
    if isinstance(value, str) and value:
        cell.data_type = "s"  # a name that begins with = or reads #N/A is text, not a formula or an error
    return cell


def _header_text(column: Column) -> str:
    return f"{column.header}（{column.measure}）" if column.measure else column.header


def cell_value(column: Column, value: Any, entry: Mapping[str, Any]) -> Any:
    """What a cell shows for a field's value: labels for choices, 是/否, lists joined with 、, 无 for none."""
    kind = column.kind
    if kind == "designation":
        chosen = _get(entry, column.path)
        if chosen is None:
            return None
        return YES if column.choices[0][0] in chosen else NO
    if value is None:
        return None
    if kind == "choice":
        return dict(column.choices).get(value, value)
    if kind == "flag" and isinstance(value, bool):
        return YES if value else NO
    if kind == "list" and isinstance(value, list):
        return "、".join(str(item) for item in value) if value else NONE_WORD
    if kind == "marker" and isinstance(value, list):
        return NONE_WORD if not value else None
    return value


def _header(sheet: Worksheet, row: int, texts: Iterable[str]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    for index, text in enumerate(texts, 1):
        cell = sheet.cell(row, index, text)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def _key_font() -> Any:
    from openpyxl.styles import Font

    return Font(color=KEY_COLOR, size=9)


@cache
def _input_style() -> tuple[Any, Any]:
    from openpyxl.styles import PatternFill, Protection

    return Protection(locked=False), PatternFill("solid", fgColor=INPUT_FILL)


def _style_input(
    sheet: Worksheet, coordinate: str, column: Column, editable: bool, *, validate: bool = True
) -> None:
    cell = sheet[coordinate]
    if column.kind in ("text", "school", "list", "marker"):
        cell.number_format = "@"  # text stays text: a code such as 431103 must not turn into a number
    if editable:
        cell.protection, cell.fill = _input_style()
        if validate:
            _validation(sheet, column, coordinate)


def _validation(sheet: Worksheet, column: Column, cells: str) -> None:
    """A drop-down for every enumeration, the model's bounds for every number."""
    from openpyxl.worksheet.datavalidation import DataValidation

    kind = column.kind
    options: dict[str, Any]
    if kind in ("choice", "flag", "designation"):
        labels = [YES, NO] if kind in ("flag", "designation") else [label for _, label in column.choices]
        options = {"type": "list", "formula1": '"' + ",".join(labels) + '"'}
    elif kind == "school":
        options = {"type": "list", "formula1": f"'学校'!$A$3:$A${3 + 5 * SPARE_ROWS}"}
    elif kind in ("whole", "year", "number", "version") and column.low is not None:
        number = "decimal" if kind == "number" else "whole"
        # Excel's "between" includes both ends: a field above 0 (months) keeps its exclusive "greater than".
        if column.high is not None and not column.exclusive_low:
            options = {
                "type": number,
                "operator": "between",
                "formula1": _number(column.low),
                "formula2": _number(column.high),
            }
        else:
            operator = "greaterThan" if column.exclusive_low else "greaterThanOrEqual"
            options = {"type": number, "operator": operator, "formula1": _number(column.low)}
    else:
        return
    validation = DataValidation(
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle=column.header,
        error=_advice(column),
        **options,
    )
    validation.add(cells)
    sheet.add_data_validation(validation)


def _advice(column: Column) -> str:
    if column.kind in ("choice", "flag", "designation"):
        return "请从下拉列表中选择"
    if column.kind == "school":
        return "请选择“学校”表中的学校名称"
    if column.kind == "year":
        return f"请填写 {_number(column.low)}–{_number(column.high)} 之间的四位年份"
    at_most = f"、不大于 {_number(column.high)} " if column.high is not None else " "
    if column.kind == "number":
        return f"请填写{'大于' if column.exclusive_low else '不小于'} {_number(column.low)}{at_most}的数字"
    return f"请填写不小于 {_number(column.low)}{at_most}的整数"


def _number(value: float | None) -> str:
    """As Excel reads a number in a formula: whole numbers in full (10000000, not 1e+07)."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _protect(sheet: Worksheet, free: int) -> None:
    """Protected without a password against changes to the headers, the field keys and the unit's identity
    (all locked), and nothing more: what the 填报说明 allow stays allowed. Resizing and formatting (a year
    cell set to a date format is set back to 常规, as its error says), inserting rows (a title above) and
    columns, sorting and filtering the unlocked entries, and remarks in the columns from ``free`` on,
    unlocked. A locked cell beside the table refused the remark column the instructions offer."""
    from openpyxl.styles import Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.dimensions import ColumnDimension

    protection = sheet.protection
    protection.sheet = True
    protection.formatCells = False
    protection.formatColumns = False
    protection.formatRows = False
    protection.insertColumns = False
    protection.insertRows = False
    protection.deleteRows = False
    protection.sort = False
    protection.autoFilter = False
    letter = get_column_letter(free)
    remarks = ColumnDimension(sheet, index=letter, min=free, max=_LAST_COLUMN)
    remarks.protection = Protection(locked=False)
    sheet.column_dimensions[letter] = remarks


def _get(data: Any, path: Sequence[str]) -> Any:
    for part in path:
        if not isinstance(data, Mapping):
            return None
        data = data.get(part)
    return data
