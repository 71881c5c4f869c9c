"""Each unit's own share under a city-wide one (``c11.dual-qualified-share``: targets.md, "per-unit shares
shown"), in every view. The JSON had them as the result's items, and no other view showed one: the views
listed only the items of a result that is not met, and the units of a met share are not.

By hand, from samples/2023/lingling.yaml: 零陵区's two schools have 52 and 45 双师型 teachers (lines 45 and
107), over 78 specialised-course teachers (line 52) and, for the school that gives none, its 106 full-time
teachers (line 106): 97 / 184 = 52.7%.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.renderers import RenderOptions
from zhijiao_check.renderers.table import TableRenderer

from .conftest import ROOT, as_json, check, line_of, render
from .test_html import parse

SHARE = "c11.dual-qualified-share"
LINGLING = "samples/2023/lingling.yaml"
ARITHMETIC = "97 / 184 = 52.7% ≥ 50.0%"
PLACE = f"{LINGLING}:45 另 3 处"
# a spreadsheet's cell holds them all, one a line (``texts.every_place``)
PLACES = "\n".join(f"{LINGLING}:{line}" for line in (45, 107, 52, 106))


def test_the_hand_computed_share_is_the_json_s() -> None:
    lingling = ROOT / LINGLING
    assert [line_of(lingling, text) for text in ("双师型占 53.1%", "双师型占 42.5%")] == [45, 107]
    assert (52 + 45, 78 + 106) == (97, 184) and f"{97 / 184:.1%}" == "52.7%"
    [city] = as_json(check("samples/2023"))["city"]
    share = next(r for r in city["results"] if r["rule"] == SHARE)
    first = share["items"][0]
    assert (first["name"], first["status"], first["explanation"]) == ("零陵区", "pass", ARITHMETIC)
    assert first["observed"] == pytest.approx(97 / 184)
    assert [(p["file"], p["line"]) for p in first["locations"]][:2] == [(LINGLING, 45), (LINGLING, 107)]


def table(run: Any, lang: Lang = "zh", width: int = 300) -> str:
    return TableRenderer(Translator(lang), RenderOptions(color=False, width=width)).render(run)


def shares_line(text: str, head: str) -> str:
    """The line of the table that begins each unit's figures, up to the padding of its column."""
    [line] = [line for line in text.splitlines() if head in line]
    return line[line.index(head) :].rstrip()


@pytest.mark.parametrize(("lang", "head", "mark"), [("zh", "各单位：", "、"), ("en", "by unit: ", ", ")])
def test_the_table_shows_each_unit_s_share_on_a_line_under_the_arithmetic(
    lang: Lang, head: str, mark: str
) -> None:
    run = check("samples/2023")
    [city] = as_json(run, lang)["city"]
    units = next(r for r in city["results"] if r["rule"] == SHARE)["items"]
    text = table(run, lang)
    line = shares_line(text, head)
    assert line.startswith(f"{head}零陵区 52.7%{mark}冷水滩区 55.0%{mark}")
    assert line == head + mark.join(f"{u['name']} {u['observed']:.1%}" for u in units)
    # every unit with figures: 13 of the 15, the two management areas having no school
    assert [u["name"] for u in units] == [u for u in city["units_present"] if "管理区" not in u]
    # under the city-wide arithmetic, once: not under a report's rule, nor under a rule whose items are
    # schools, parks or allowances (c8.park-funding's parks are listed in the JSON too)
    lines = text.splitlines()
    at = next(n for n, line in enumerate(lines) if "Σ2159 / Σ3723 = 58.0% ≥ 50.0%" in line)
    assert head in lines[at + 2] and text.count(head.strip()) == 1


@pytest.fixture
def one_unit_below(tmp_path: Path) -> Path:
    """2023 with 零陵区's first school at 20 双师型 teachers: 零陵区 (20 + 45) / 184 = 35.3%, below 50%; the
    city still 57.1%, met."""
    year = tmp_path / "2023"
    shutil.copytree(ROOT / "samples" / "2023", year)
    lingling = year / "lingling.yaml"
    text = lingling.read_text(encoding="utf-8")
    assert "dual_qualified_teachers: 52  #" in text
    edited = text.replace("dual_qualified_teachers: 52  #", "dual_qualified_teachers: 20  #")
    lingling.write_text(edited, encoding="utf-8")
    return year


def test_a_unit_below_the_target_is_marked_though_the_city_meets_it(one_unit_below: Path) -> None:
    run = check(one_unit_below)
    [city] = as_json(run)["city"]
    share = next(r for r in city["results"] if r["rule"] == SHARE)
    assert share["status"] == "pass" and f"{65 / 184:.1%}" == "35.3%"
    line = shares_line(table(run), "各单位：")
    assert line.startswith("各单位：✗ 零陵区 35.3%、冷水滩区 55.0%、")
    assert line.count("✗") == 1
    markdown = render("markdown", run)
    assert (
        f"❌ 零陵区：65 / 184 = 35.3% &lt; 50.0% `{one_unit_below / 'lingling.yaml'}:45 另 3 处`" in markdown
    )
    dom = parse(render("html", run))
    lingling = dom.one("li", data_unit="零陵区")
    assert lingling.attrs["data-status"] == "fail" and "零陵区：65 / 184 = 35.3% < 50.0%" in lingling.text()
    assert lingling.one("b", class_="chip").attrs["title"] == "未达标"


def test_the_table_breaks_the_line_between_two_units_only() -> None:
    """Folded to the column as the other lines are: each unit's name and share whole on a line, a line
    ending with the list's mark."""
    run = check("samples/2023")
    [city] = as_json(run)["city"]
    units = next(r for r in city["results"] if r["rule"] == SHARE)["items"]
    lines = table(run, width=40).splitlines()
    at = next(n for n, line in enumerate(lines) if line.strip().startswith("各单位："))
    shown = [line.strip() for line in lines[at : at + 20]]
    end = next(n for n, line in enumerate(shown) if not line.endswith("、"))
    assert end > 1 and all(len(line) <= 38 for line in shown[: end + 1])
    pieces = "".join(shown[: end + 1]).removeprefix("各单位：").split("、")
    assert pieces == [f"{u['name']} {u['observed']:.1%}" for u in units]


def markdown_row(text: str) -> str:
    [row] = [line for line in text.splitlines() if line.startswith("|") and f"`{SHARE}`" in line]
    return row


@pytest.mark.parametrize(
    ("lang", "head", "line"),
    [
        ("zh", "各单位：", f"✅ 零陵区：{ARITHMETIC} `{PLACE}`"),
        ("en", "by unit: ", f"✅ 零陵区: {ARITHMETIC} `{LINGLING}:45 and 3 more`"),
    ],
)
def test_markdown_lists_each_unit_s_arithmetic_and_place(lang: Lang, head: str, line: str) -> None:
    run = check("samples/2023")
    [city] = as_json(run, lang)["city"]
    lines = markdown_row(render("markdown", run, lang)).split("<br>")
    at = lines.index(head.strip())
    assert lines[at + 1] == line
    # every unit with schools, then the row's own place (every row that applies carries one)
    assert len(lines) - at - 2 == len(city["units_present"]) - 2
    assert lines[-2].startswith("✅ 永州市本级")
    assert lines[-1].startswith(f"`{LINGLING}:45 ") and lines[-1].endswith("`|")


def test_html_lists_each_unit_s_arithmetic_and_place_under_the_city_wide_target() -> None:
    run = check("samples/2023")
    [city] = as_json(run)["city"]
    dom = parse(render("html", run))
    target = dom.one("div", class_="target", data_rule=SHARE)
    listed = target.one("ul", class_="units").all("li")
    units = next(r for r in city["results"] if r["rule"] == SHARE)["items"]
    assert [li.attrs["data-unit"] for li in listed] == [u["name"] for u in units]
    assert len(listed) == 13
    first = listed[0]
    assert first.attrs["data-status"] == "pass"
    assert float(first.attrs["data-observed"]) == pytest.approx(97 / 184)
    assert f"零陵区：{ARITHMETIC}" in first.text() and first.one("code").text() == PLACE
    assert "各单位：" in target.text()
    # no other target lists its items when met (the parks of c8.park-funding are not units)
    assert len(dom.all("ul", class_="units")) == 1


def test_the_csv_has_a_row_for_each_unit_s_share_under_the_city_wide_one() -> None:
    rows = list(csv.reader(io.StringIO(render("csv", check("samples/2023")).removeprefix("\ufeff"))))
    at = next(n for n, row in enumerate(rows) if row[0] == "全市" and row[2] == SHARE)
    row = rows[at + 1]
    assert row[:6] == ["全市 · 零陵区", "2023", SHARE, "“双师型”教师占比达到50%以上", "11", "达标"]
    assert row[6] == "52.7%"  # 97 / 184, as its explanation shows it
    assert row[7:11] == ["", "", "", "比例"]  # the unit's target is the rule's, in its arithmetic
    assert row[11:] == [f"零陵区：{ARITHMETIC}", PLACES, LINGLING, "零陵区"]
    assert [r[0] for r in rows[at + 1 : at + 14]][-1] == "全市 · 永州市本级"
    assert rows[at + 14][0] == "全市" and rows[at + 14][2] != SHARE
    assert sum(row[0].startswith("全市 · ") for row in rows) == 13  # c11's units alone, not c8's parks


def test_english_csv_names_the_unit_after_city_wide() -> None:
    rows = list(csv.reader(io.StringIO(render("csv", check("samples/2023"), "en").removeprefix("\ufeff"))))
    [row] = [row for row in rows if row[0] == "city-wide · 零陵区"]
    assert (row[5], row[11]) == ("met", f"零陵区: {ARITHMETIC}")


def test_the_workbook_has_each_unit_s_share_on_its_city_sheet_and_details() -> None:
    content = render("xlsx", check("samples/2023"))
    assert isinstance(content, bytes)
    book = openpyxl.load_workbook(io.BytesIO(content))
    city = list(book["全市"].iter_rows(min_row=2))
    at = next(n for n, row in enumerate(city) if row[1].value == SHARE)
    row = city[at + 1]
    assert [c.value for c in row[:4]] == [2023, SHARE, "“双师型”教师占比达到50%以上", "达标"]
    assert row[4].value == pytest.approx(97 / 184) and row[4].number_format == "0.0%"
    assert row[10].value == f"零陵区：{ARITHMETIC}"
    assert sum(re.match(r"\S+：\d+ / \d+ = ", str(r[10].value)) is not None for r in city) == 13
    details = list(book["明细"].iter_rows(min_row=2, values_only=True))
    [own] = [r for r in details if r[0] == "全市 · 零陵区"]
    assert (own[2], own[5], own[11], own[12]) == (SHARE, "达标", f"零陵区：{ARITHMETIC}", PLACES)


# In 2022 the city's share of 双师型 teachers is below 50% and the target is due in 2025: the city-wide result
# is 未到期, and each unit's own share is below the target too (its JSON item: ``fail``, judged against the
# target). A view said 未达标 beside each: a 科长 filtering 状态=未达标 saw every county failing a target
# three years from due. Each view says below the target, not yet due.
NOT_DUE_YEAR = "samples/2022"


def test_the_json_items_of_a_not_due_share_keep_their_own_status() -> None:
    [city] = as_json(check(NOT_DUE_YEAR))["city"]
    share = next(r for r in city["results"] if r["rule"] == SHARE)
    assert share["status"] == "pending"
    assert {i["status"] for i in share["items"]} == {"fail"} and len(share["items"]) == 13


@pytest.mark.parametrize(
    ("lang", "city_word", "word"),
    [("zh", "未到期", "未达标（未到期）"), ("en", "not due yet", "below target (not yet due)")],
)
def test_the_workbook_says_a_unit_below_a_not_due_target_is_not_yet_due(
    lang: Lang, city_word: str, word: str
) -> None:
    content = render("xlsx", check(NOT_DUE_YEAR), lang)
    assert isinstance(content, bytes)
    book = openpyxl.load_workbook(io.BytesIO(content))
    sheet = book.worksheets[2]  # 全市
    rows = [r for r in sheet.iter_rows(min_row=2) if r[1].value == SHARE]
    assert [c.value for c in rows[0][:4]] == [2022, SHARE, rows[0][2].value, city_word]
    assert [r[3].value for r in rows[1:]] == [word] * 13
    assert rows[1][3].fill.fgColor.rgb.endswith("DDEBF7")  # not due's blue, not a failure's red
    details = list(book.worksheets[1].iter_rows(min_row=2, values_only=True))
    assert sorted({r[5] for r in details if r[2] == SHARE and " · " in str(r[0])}) == [word]


def test_the_csv_says_a_unit_below_a_not_due_target_is_not_yet_due() -> None:
    rows = list(csv.reader(io.StringIO(render("csv", check(NOT_DUE_YEAR)).removeprefix("\ufeff"))))
    mine = [row[5] for row in rows if row[2] == SHARE and row[0].startswith("全市 · ")]
    assert mine == ["未达标（未到期）"] * 13


def test_markdown_marks_a_unit_below_a_not_due_target_as_not_yet_due() -> None:
    lines = markdown_row(render("markdown", check(NOT_DUE_YEAR))).split("<br>")
    at = lines.index("各单位：")
    assert lines[at + 1].startswith("⏳ 零陵区：81 / 193 = 42.0% &lt; 50.0%")
    assert not any(line.startswith("❌") for line in lines)


def test_html_marks_a_unit_below_a_not_due_target_as_not_yet_due() -> None:
    dom = parse(render("html", check(NOT_DUE_YEAR)))
    listed = dom.one("div", class_="target", data_rule=SHARE).one("ul", class_="units").all("li")
    assert len(listed) == 13
    chips = [li.one("b", class_="chip") for li in listed]
    assert {chip.attrs["title"] for chip in chips} == {"未达标（未到期）"}
    assert {chip.text() for chip in chips} == {"…"}  # the not-due glyph, not a failure's ✗
    assert {li.attrs["data-status"] for li in listed} == {"fail"}  # for scripts: the JSON's


@pytest.mark.parametrize(("lang", "head"), [("zh", "各单位（未到期）："), ("en", "by unit (not due yet): ")])
def test_the_table_says_units_below_a_not_due_target_are_not_yet_due(lang: Lang, head: str) -> None:
    """A unit's ✗ under a target not due yet is read with the head's word: below it, not yet failing (as the
    workbook's 未达标（未到期）); the head of a due target stays plain."""
    text = table(check(NOT_DUE_YEAR), lang)
    line = shares_line(text, head)
    assert line.startswith(f"{head}✗ ")
    assert line.count("✗") == line.count("%")  # every unit below 50% in 2022
    plain = "各单位：" if lang == "zh" else "by unit: "
    assert plain not in text
    assert head not in table(check("samples/2023"), lang)
