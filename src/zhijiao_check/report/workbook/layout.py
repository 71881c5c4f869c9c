"""Where each field of report format v1 stands in a workbook: sheets, columns, headers, drop-down choices.

The layout is derived from the Pydantic models (titles, descriptions, JSON Schema types and bounds), as the
YAML template is, so the workbook cannot accept or name something the model does not. Two kinds of sheet:

- a *fields* sheet (本单位, 市本级): one row per field, the field key in column A
(``enrollment.secondary_vocational``),
  the Chinese label, the value, the unit of measure and a note;
- a *table* sheet (学校, 专业, 企业实践, 实训基地, 人才津贴): Chinese headers in one row, the field keys in
the row
  below, one entry per row. Majors and practice groups name their school in the first column.

Values a list of text holds share one cell, separated by 、; 无 means an empty list (``[]``), a blank cell an
absent one. A list of designations is one 是/否 column per designation. A list of entries (schools' majors,
training bases, talent allowances) is the rows of its own sheet; its *marker* (a column of 学校, a row of
本单位 or 市本级) holds 无 for an empty list, since no rows at all means the list was not given.

This module does not import openpyxl: the reader and the writers do.
"""

from __future__ import annotations

import re
from dataclasses import field
from functools import cache
from typing import Any

from zhijiao_check.characters import display_width
from zhijiao_check.patterns import later
from zhijiao_check.records import record
from zhijiao_check.report import codes, model

NONE_WORD = "无"  # an empty list, in a list cell or a marker
YES, NO = "是", "否"
LIST_SEPARATORS = "、，,；;\n"
_SPLIT = later(f"[{re.escape(LIST_SEPARATORS)}]")
# Units of measure as the models' descriptions end: 在校生人数（人）, 生均拨款（元/生·年）, 实践时长（月，…）,
# 课程数（门）.
_MEASURE = later(r"（(人|个|门|元/生·年|元|万元|月)[，）]")

KEY_HEADER, LABEL_HEADER, VALUE_HEADER, MEASURE_HEADER, NOTE_HEADER = (
    "字段代码",
    "项目",
    "填报值",
    "计量单位",
    "说明",
)
FIELDS_HEADERS = (KEY_HEADER, LABEL_HEADER, VALUE_HEADER, MEASURE_HEADER, NOTE_HEADER)
INSTRUCTIONS = "填报说明"
UNIT_SHEET = "本单位"
CITY_SHEET = "市本级"
# The one list the report requires: a blank sheet is not "no schools" (无 in its A3 is).
SCHOOLS_SHEET = "学校"
SCHOOL_KEY = "school"  # the first column of 专业 and 企业实践: the school's name as on 学校
HEADER_SEARCH = 10  # title rows a county may add above a table's header

# The Chinese words a drop-down shows, by field name: the models' labels, shortened where they explain
# more than a cell can show (中职，含技工学校). The reader takes a label or the value. An enumeration of ASCII
# values missing here would show its raw values: the template test refuses that.
CHOICE_LABELS: dict[str, dict[str, str]] = {
    "kind": codes.KIND_LABELS,
    "level": {"secondary": "中职", "higher": "高职"},
    "ownership": codes.OWNERSHIP_LABELS,
    "rating": codes.RATING_LABELS,
    "construction_project": codes.PROJECT_LABELS,
}


@record
class Column:
    """One field as a column of a table, or a row of a fields sheet."""

    key: str  # ``students``, ``enrollment.current``, ``designations:chuyi``, ``majors`` (a marker)
    header: str  # the Chinese header or label
    kind: str  # text | whole | number | year | flag | choice | list | designation | marker | school | version
    measure: str = ""  # 人, 元, 万元, 月, 个
    note: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (value, label shown) for choice and designation
    low: float | None = None
    high: float | None = None
    exclusive_low: bool = False
    required: bool = False
    sheet: str = ""  # for a marker: the sheet whose rows are the list's entries

    @property
    def path(self) -> tuple[str, ...]:
        """The field path below the entry (``("enrollment", "current")``); a designation's is its list."""
        return _key_path(self.key)

    @property
    def width(self) -> int:
        """Columns wide enough for the header and typical values (a Chinese character is two wide)."""
        shown = f"{self.header}（{self.measure}）" if self.measure else self.header
        longest = max(
            [
                display_width(shown),
                len(self.key) * 8 // 10,
                *(display_width(label) for _, label in self.choices),
            ]
        )
        if self.kind in ("text", "school", "list"):
            longest = max(longest, 28)
        return min(max(longest + 4, 10), 48)


@record
class Sheet:
    name: str
    # where its fields or rows go: () for 本单位, ("schools",) for 学校, ("schools", "majors")
    path: tuple[str, ...]
    columns: tuple[Column, ...]
    fields: bool = False  # a fields sheet (one row per field) rather than a table (one row per entry)
    city_only: bool = False
    parent: str | None = None  # for 专业 and 企业实践: the list of the school named in their first column

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)

    @property
    def anchor(self) -> str:
        """The key that every table's key row has: how the reader finds that row."""
        return self.columns[0].key


@record
class Layout:
    sheets: tuple[Sheet, ...]
    labels: dict[tuple[str, ...], str] = field(default_factory=dict)  # a path's Chinese title, for notes

    def sheet(self, name: str) -> Sheet | None:
        return next((s for s in self.sheets if s.name == name), None)

    def for_kind(self, kind: str | None) -> tuple[Sheet, ...]:
        """The sheets a unit of ``kind`` fills (the 市本级 sheets only for the 市本级)."""
        return tuple(s for s in self.sheets if kind == "city" or not s.city_only)


# The lists of entries and the sheet each has, in the order the workbook shows them.
ENTRY_SHEETS: dict[tuple[str, ...], str] = {
    ("schools",): SCHOOLS_SHEET,
    ("schools", "majors"): "专业",
    ("schools", "enterprise_practice"): "企业实践",
    ("training_bases",): "实训基地",
    ("city", "talent_allowances"): "人才津贴",
    ("city", "park_funding"): "园区资金",
}


@cache
def layout() -> Layout:
    """The workbook layout of report format v1."""
    schema = model.Report.model_json_schema()
    definitions = schema["$defs"]
    labels: dict[tuple[str, ...], str] = {}
    unit_fields = _columns(schema, definitions, (), (), labels)
    city = _resolve(schema["properties"]["city"], definitions)
    sheets = [
        Sheet(
            UNIT_SHEET,
            (),
            tuple(c for c in unit_fields if c.key != "schools" and c.path[0] != "city"),
            fields=True,
        ),
        Sheet(
            CITY_SHEET,
            ("city",),
            tuple(_columns(city, definitions, ("city",), (), labels)),
            fields=True,
            city_only=True,
        ),
    ]
    for path, name in ENTRY_SHEETS.items():
        columns = _columns(_entry_model(schema, definitions, path), definitions, path, (), labels)
        parent = path[1] if path[0] == "schools" and len(path) == 2 else None
        if parent is not None:
            link = Column(
                SCHOOL_KEY, "学校名称", "school", note="“学校”表中的学校名称（可从下拉列表选）", required=True
            )
            columns.insert(0, link)
        columns.sort(key=lambda c: c.kind == "marker")  # the markers of a school's lists come last
        sheets.append(Sheet(name, path, tuple(columns), city_only=path[0] == "city", parent=parent))
    return Layout(tuple(sheets), labels)


def _entry_model(
    schema: dict[str, Any], definitions: dict[str, Any], path: tuple[str, ...]
) -> dict[str, Any]:
    node = schema
    for part in path:
        node = _resolve(node["properties"][part], definitions)
        if node.get("type") == "array":
            node = _resolve(node["items"], definitions)
    return node


def _resolve(node: dict[str, Any], definitions: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in node:
        resolved: dict[str, Any] = definitions[node["$ref"].rsplit("/", 1)[-1]]
        return resolved
    return node


def _columns(
    model: dict[str, Any],
    definitions: dict[str, Any],
    owner: tuple[str, ...],
    block: tuple[str, ...],
    labels: dict[tuple[str, ...], str],
) -> list[Column]:
    """The columns of one model's fields, nested blocks flattened (``funding.new_education``).

    ``owner`` is the path of the list (or block) the model's entries stand in, ``block`` the nested block
    being flattened; keys are relative to the owner.
    """
    out: list[Column] = []
    required = set(model.get("required", ()))
    for name, prop in model.get("properties", {}).items():
        title = prop.get("title", name)
        labels[(*owner, *block, name)] = title
        nested = _resolve(prop, definitions)
        if "properties" in nested and prop.get("type") != "array":
            out += _columns(nested, definitions, owner, (*block, name), labels)
            continue
        header = f"{labels[(*owner, *block)]} · {title}" if block else title
        key = ".".join((*block, name))
        out += _field_columns(
            key, header, prop, definitions, name in required, ENTRY_SHEETS.get((*owner, name), "")
        )
    return out


def _field_columns(
    key: str,
    header: str,
    prop: dict[str, Any],
    definitions: dict[str, Any],
    required: bool,
    entries: str,
) -> list[Column]:
    description = prop.get("description", "")
    measure_match = _MEASURE.search(description)
    common: dict[str, Any] = {
        "note": _cell_note(description, prop.get("enum", ())),
        "measure": measure_match.group(1) if measure_match else "",
        "required": required,
    }
    if prop.get("type") == "array":
        items = _resolve(prop["items"], definitions)
        if "enum" in items:
            names = {**codes.SCHOOL_DESIGNATION_LABELS, **codes.MAJOR_DESIGNATION_LABELS}
            return [
                Column(
                    f"{key}:{value}",
                    names[value],
                    "designation",
                    note=f"{header}：{names[value]}（{YES}/{NO}）",
                    choices=((value, names[value]),),
                )
                for value in items["enum"]
            ]
        if entries:
            note = f"填在“{entries}”表，每项一行；一项也没有时填“{NONE_WORD}”，未统计则留空"
            return [Column(key, header, "marker", note=note, required=required, sheet=entries)]
        note = f"{description}（多项用“、”分隔；一项也没有时填“{NONE_WORD}”）"
        return [Column(key, header, "list", note=note, required=required)]
    if "const" in prop:
        return [Column(key, header, "version", low=prop["const"], high=prop["const"], **common)]
    if "enum" in prop:
        shown = CHOICE_LABELS.get(key.rsplit(".", 1)[-1], {value: value for value in prop["enum"]})
        return [Column(key, header, "choice", choices=tuple((v, shown[v]) for v in prop["enum"]), **common)]
    kind = prop.get("type")
    if kind == "integer":
        low, high = prop.get("minimum"), prop.get("maximum")
        return [Column(key, header, "year" if (low or 0) >= 1000 else "whole", low=low, high=high, **common)]
    if kind == "number":
        low = prop.get("exclusiveMinimum", prop.get("minimum"))
        return [
            Column(
                key,
                header,
                "number",
                low=low,
                high=prop.get("maximum"),
                exclusive_low="exclusiveMinimum" in prop,
                **common,
            )
        ]
    if kind == "boolean":
        return [Column(key, header, "flag", **common)]
    return [Column(key, header, "text", **common)]


# What a YAML report writes and a cell does not take: its drop-down offers 是 and 否; a code is typed bare.
_YAML_WORDS = {"true 是 | false 否": f"{YES}/{NO}", "（加引号）": ""}


def _cell_note(description: str, values: Any) -> str:
    """A field's description in the words of a cell: ``是/否`` rather than ``true 是 | false 否``, a choice's
    Chinese words without the codes beside them (``公办 | 民办``), a code without the quotes YAML needs."""
    for yaml_words, cell_words in _YAML_WORDS.items():
        description = description.replace(yaml_words, cell_words)
    for value in values:
        if isinstance(value, str) and value.isascii():
            description = re.sub(rf"(?<![\w.]){re.escape(value)} (?=[^\x00-\x7f])", "", description)
    return description


def column_at(path: tuple[str | int, ...]) -> Column | None:
    """The column (or fields-sheet row) that holds the field at ``path`` of a report: ``("schools", 0,
    "majors", 2, "rating")`` is 专业's rating; ``("unit", "kind")`` is 本单位's row ``unit.kind``."""
    keys = tuple(part for part in path if isinstance(part, str))
    for length in range(len(keys) - 1, 0, -1):
        name = ENTRY_SHEETS.get(keys[:length])
        if name is not None:
            sheet = layout().sheet(name)
            return sheet.column(".".join(keys[length:])) if sheet else None
    for sheet in layout().sheets:
        if sheet.fields and keys[: len(sheet.path)] == sheet.path:
            found = sheet.column(".".join(keys[len(sheet.path) :]))
            if found is not None:
                return found
    return None


@cache
def _key_path(key: str) -> tuple[str, ...]:
    """A column's path, asked for at each of its cells (a record has no room to keep it)."""
    return tuple(key.split(":")[0].split("."))


def split_list(text: str) -> list[str]:
    """The items of a list cell: ``先进装备制造、农产品精深加工``."""
    return [part.strip() for part in _SPLIT.split(text) if part.strip()]
