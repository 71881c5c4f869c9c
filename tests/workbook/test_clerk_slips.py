"""Slips a clerk makes that the cells themselves allow: names run together in a list cell, a wrong choice told
in the drop-down's words, a total row, a figure in a column that is not read, a file that is no workbook.
Each is said at its cell, in the workbook's words, never passed over."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
import yaml
from clerk import keys_of_columns, keys_of_rows
from factory import SAMPLES

DONGAN = yaml.safe_load((SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8"))
SHIBENJI = yaml.safe_load((SAMPLES / "2023" / "shibenji.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def book(filled):
    return filled(DONGAN, "dongan.xlsx")


def _edit(path: Path, change) -> Path:
    workbook = openpyxl.load_workbook(path)
    change(workbook)
    workbook.save(path)
    return path


def _problems(run_cli, path, lang="en"):
    result = run_cli("validate", path, "-f", "json", "--lang", lang)
    return result.exit_code, json.loads(result.stdout)["problems"]


def _row(sheet, key):
    return keys_of_rows(sheet)[key]


def _column(sheet, key):
    return keys_of_columns(sheet)[key]


def _type(sheet, key, value):
    """Types ``value`` into the 填报值 cell of a fields sheet's row ``key``."""
    sheet.cell(_row(sheet, key), 3).value = value


# ----------------------------------------------------------------------------------- names run together


@pytest.mark.parametrize(
    ("typed", "found", "write"),
    [
        ("先进装备制造 农产品精深加工 电子信息", "名称之间的空格", "先进装备制造、农产品精深加工、电子信息"),
        # a full-width space
        ("先进装备制造\u3000农产品精深加工", "名称之间的空格", "先进装备制造、农产品精深加工"),
        ("先进装备制造/农产品精深加工/电子信息", "“/”", "先进装备制造、农产品精深加工、电子信息"),
        ("1.先进装备制造 2.农产品精深加工 3.电子信息", "编号“1.”", "先进装备制造、农产品精深加工、电子信息"),
        ("（1）先进装备制造（2）农产品精深加工", "编号“（1）”", "先进装备制造、农产品精深加工"),
        ("①先进装备制造②农产品精深加工", "编号“①”", "先进装备制造、农产品精深加工"),
        ("1、先进装备制造、2、农产品精深加工", "编号“1、”", "先进装备制造、农产品精深加工"),
    ],
)
def test_names_run_together_in_a_list_cell_are_an_error_there(book, run_cli, typed, found, write):
    """Three industries in one item counted as one, and c4.leading-industries (1–2) passed: no longer."""
    _edit(book, lambda b: _type(b["本单位"], "leading_industries", typed))
    status, problems = _problems(run_cli, book, "zh")
    [problem] = problems
    assert status == 2
    assert (problem["code"], problem["severity"], problem["path"]) == (
        "names-joined",
        "error",
        "leading_industries",
    )
    assert problem["cell"] == "本单位!C12（主攻主导产业）"
    assert f"中有{found}" in problem["message"] and f"如“{write}”" in problem["message"]
    assert "顿号“、”" in problem["message"]
    assert run_cli("check", book).exit_code == 2  # not a pass


@pytest.mark.parametrize(
    "typed",
    [
        "先进装备制造、农产品精深加工",
        "先进装备制造\n农产品精深加工",  # one a line (Alt+Enter)
        "5G 通信、先进装备制造",  # a space that is part of a name
        "先进装备制造；农产品精深加工",
    ],
)
def test_a_list_cell_separated_as_the_template_says_is_read(book, run_cli, typed):
    _edit(book, lambda b: _type(b["本单位"], "leading_industries", typed))
    status, problems = _problems(run_cli, book)
    assert (status, problems) == (0, [])


def test_the_city_sheets_lists_are_checked_the_same_way(filled, run_cli):
    path = filled(SHIBENJI, "shibenji.xlsx")

    def change(b):
        _type(b["市本级"], "vocational_groups", "永州职业技术学院职教集团 永州师范高等专科学校职教集团")
        _type(b["市本级"], "demonstration_parks", "永州经开区生物医药产教融合示范园/江华高新区服装设计示范园")

    _edit(path, change)
    status, problems = _problems(run_cli, path)
    errors = {p["path"]: p for p in problems if p["code"] == "names-joined"}
    assert status == 2 and set(errors) == {"city.vocational_groups", "city.demonstration_parks"}
    assert errors["city.vocational_groups"]["cell"].startswith("市本级!C")
    assert "spaces between names" in errors["city.vocational_groups"]["message"]
    assert 'contains "/"' in errors["city.demonstration_parks"]["message"]
