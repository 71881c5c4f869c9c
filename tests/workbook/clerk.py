"""A county clerk, as a test: fills the workbook that ``template --format xlsx`` made, cell by cell.

The clerk finds each field by the key the template shows (column A of 本单位, row 2 of the tables) and types
what a person types: Chinese words from the drop-downs, 是/否, names joined with 、, 无 for an empty list.
This is written apart from the tool's own writer on purpose, so that the reader is tested against the
layout a person sees rather than against itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

WORDS = {
    "secondary": "中职",
    "higher": "高职",
    "public": "公办",
    "private": "民办",
    "green": "绿牌",
    "yellow": "黄牌",
    "red": "红牌",
    "county": "县市区",
    "city": "市本级",
    "management_area": "管理区",
    "development_zone": "经开区",
    "not_started": "未开工",
    "building": "在建",
    "completed": "已完工并投入使用",
}
LISTS_OF_ENTRIES = {
    "training_bases": "实训基地",
    "majors": "专业",
    "enterprise_practice": "企业实践",
    "talent_allowances": "人才津贴",
    "park_funding": "园区资金",
}


def typed(value: Any) -> Any:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, str):
        return WORDS.get(value, value)
    if isinstance(value, list):
        return "、".join(map(str, value)) if value else "无"
    return value


def fill(template: Path, data: dict[str, Any], out: Path) -> Path:
    book = openpyxl.load_workbook(template)
    _fields(book["本单位"], data, ())
    if "city" in data:
        _fields(book["市本级"], data["city"], ())
        _table(book["人才津贴"], data["city"].get("talent_allowances") or [])
        _table(book["园区资金"], data["city"].get("park_funding") or [])
    _table(book["实训基地"], data.get("training_bases") or [])
    _table(book["学校"], data["schools"])
    if data["schools"] == []:  # no school at all, as 说明 3 says: 无 in the first row's 学校名称
        book["学校"]["A3"] = "无"
    _table(book["专业"], [{"school": s["name"], **m} for s in data["schools"] for m in s.get("majors") or []])
    _table(
        book["企业实践"],
        [{"school": s["name"], **g} for s in data["schools"] for g in s.get("enterprise_practice") or []],
    )
    book.save(out)
    return out


def keys_of_rows(sheet: Any) -> dict[str, int]:
    return {
        str(sheet.cell(row, 1).value): row for row in range(2, sheet.max_row + 1) if sheet.cell(row, 1).value
    }


def keys_of_columns(sheet: Any) -> dict[str, int]:
    return {str(cell.value): cell.column for cell in sheet[2] if cell.value}


def _fields(sheet: Any, data: dict[str, Any], prefix: tuple[str, ...]) -> None:
    rows = keys_of_rows(sheet)
    for key, row in rows.items():
        value: Any = data
        for part in key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if key in ("training_bases", "talent_allowances", "park_funding"):
            value = "无" if value == [] else None
        if value is not None and sheet.cell(row, 3).protection.locked is False:
            sheet.cell(row, 3).value = typed(value)


def _table(sheet: Any, entries: list[dict[str, Any]]) -> None:
    columns = keys_of_columns(sheet)
    for row, entry in enumerate(entries, 3):
        for key, column in columns.items():
            if ":" in key:  # a designation: 是 or 否 when the entry lists designations at all
                name, value = key.split(":")
                given = entry.get(name)
                sheet.cell(row, column).value = None if given is None else ("是" if value in given else "否")
            elif key in LISTS_OF_ENTRIES:
                sheet.cell(row, column).value = "无" if entry.get(key) == [] else None
            elif entry.get(key) is not None:
                sheet.cell(row, column).value = typed(entry[key])


def edit(path: Path, change: Any) -> Path:
    """The workbook at ``path`` after ``change(workbook)``, saved (by openpyxl: no formula has a result)."""
    workbook = openpyxl.load_workbook(path)
    change(workbook)
    workbook.save(path)
    return path


def cell_of(sheet: Any, key: str, row: int = 3) -> Any:
    """The cell of a table's column ``key`` on ``row``, or of a fields sheet's row ``key``."""
    if sheet.title in ("本单位", "市本级"):
        return sheet.cell(keys_of_rows(sheet)[key], 3)
    return sheet.cell(row, keys_of_columns(sheet)[key])
