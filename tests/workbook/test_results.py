"""--format xlsx and csv: the same figures as --format json, as a spreadsheet keeps them."""

from __future__ import annotations

import csv
import json

import openpyxl
import pytest
from factory import SAMPLES


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    from typer.testing import CliRunner

    from zhijiao_check.cli import app

    folder = tmp_path_factory.mktemp("results")
    paths = {name: folder / f"results.{name}" for name in ("json", "xlsx", "csv")}
    args = [str(SAMPLES / "2023")] + [
        arg for name, path in paths.items() for arg in ("-f", name, "-o", str(path))
    ]
    result = CliRunner().invoke(app, ["check", *args])
    assert result.exit_code == 1, result.output
    return paths, json.loads(paths["json"].read_text(encoding="utf-8"))


# What a status cell shows, in the run's language (messages render.short-status-*).
WORDS = {
    "zh": {
        "pass": "达标",
        "fail": "未达标",
        "warn": "预警",
        "missing": "缺少数据",
        "pending": "未到期",
        "behind": "落后于进度",
        "waived": "已豁免",
        "not_applicable": "不适用",
    },
    "en": {
        "pass": "met",
        "fail": "not met",
        "warn": "warning",
        "missing": "data missing",
        "pending": "not due yet",
        "behind": "behind schedule",
        "waived": "waived",
        "not_applicable": "not applicable",
    },
}
YES_NO = {"zh": ("是", "否"), "en": ("yes", "no")}
SHARE = "c11.dual-qualified-share"  # a city-wide share with each unit's own (its items) under it


NOT_MET = ("fail", "missing", "warn", "behind")


def _all_results(document):
    """(unit, year, result) of each row of 明细 and the CSV: under a result that is not met, each item that
    did not pass (with its rule, no unit of measure: a school's figure is in its own terms), as the table
    lists them; each unit's own share (an item of ``SHARE``, with its rule and unit of measure) after the
    city-wide one, its unit named after 全市."""
    rows = []
    for e in document["reports"]:
        for r in e["results"]:
            rows.append((e["unit"], e["year"], r))
            rows += [(e["unit"], e["year"], item) for item in _failing(r)]
    for city in document["city"]:
        for r in city["results"]:
            rows.append(("全市", city["year"], r))
            if r["rule"] == SHARE:
                own = [{**item, "rule": r["rule"], "unit": r["unit"]} for item in r["items"]]
                rows += [(f"全市 · {item['name']}", city["year"], item) for item in own]
            else:
                rows += [("全市", city["year"], item) for item in _failing(r)]
    return rows


def _failing(result):
    """The items of ``result`` listed under it: those that did not pass, when it is not met."""
    if result["status"] not in NOT_MET:
        return []
    return [
        {**item, "rule": result["rule"], "unit": None}
        for item in result["items"]
        if item["status"] not in ("pass", "not_applicable")
    ]


def _city_results(document):
    """The results of the rows of 全市: the city-wide ones, each unit's own share after ``SHARE``'s."""
    return [
        r
        for unit, _, r in _all_results(document)
        if unit.startswith("全市") and ("name" not in r or r["unit"])
    ]


def test_the_details_sheet_has_one_row_per_unit_and_rule_with_numbers_as_numbers(outputs):
    paths, document = outputs
    book = openpyxl.load_workbook(paths["xlsx"])
    assert book.sheetnames == ["汇总", "明细", "全市"]
    sheet = book["明细"]
    header = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2))
    expected = _all_results(document)
    assert len(rows) == len(expected)
    column = {name: header.index(name) for name in ("单位", "规则", "状态", "实际值", "目标值", "数据位置")}
    for row, (unit, year, result) in zip(rows, expected, strict=True):
        assert row[column["单位"]].value == unit and row[column["规则"]].value == result["rule"]
        assert row[column["状态"]].value == WORDS["zh"][result["status"]]
        observed = row[column["实际值"]]
        if isinstance(result["observed"], int | float) and not isinstance(result["observed"], bool):
            assert observed.data_type == "n" and observed.value == pytest.approx(result["observed"])
            if result["unit"] == "ratio":
                assert observed.number_format == "0.0%"
        elif isinstance(result["observed"], bool):
            # TRUE/FALSE in Excel, where every other view says 是/否
            assert observed.data_type == "s" and observed.value == ("是" if result["observed"] else "否")
        elif result["observed"] is None:
            assert observed.value is None
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:O{len(rows) + 1}"
    fills = {row[column["状态"]].value: row[column["状态"]].fill.fgColor.rgb for row in rows}
    assert fills["达标"].endswith("C6EFCE") and fills["未达标"].endswith("FFC7CE")


def test_the_summary_ranks_the_units_and_the_city_sheet_shows_progress(outputs):
    paths, document = outputs
    book = openpyxl.load_workbook(paths["xlsx"])
    summary = list(book["汇总"].iter_rows(min_row=2, values_only=True))
    best = max(document["reports"], key=lambda r: r["score"] or -1)
    assert summary[0][1] == 1 and summary[0][3] == best["score"]
    # No due rule, no score: "—" as the table, Markdown and HTML show it, not an empty cell.
    unscored = [r["unit"] for r in document["reports"] if r["score"] is None]
    assert unscored == ["回龙圩管理区", "金洞管理区"]
    assert [row[1:4] for row in summary if row[2] in unscored] == [("—", unit, "—") for unit in unscored]
    assert [row[2] for row in summary] == [
        r["unit"]
        for r in sorted((r for r in document["reports"] if r["score"] is not None), key=lambda r: -r["score"])
    ] + [r["unit"] for r in document["reports"] if r["score"] is None]
    city = list(book["全市"].iter_rows(min_row=2, values_only=True))
    assert len(city) == len(_city_results(document))
    seats = next(row for row in city if row[1] == "c1.public-seats")
    result = next(r for r in document["city"][0]["results"] if r["rule"] == "c1.public-seats")
    # 25300 seats of 25000: 完成度 101.2%; due in 2023, no schedule
    assert (seats[4], seats[6], seats[7], seats[8]) == (25300, 25000, None, pytest.approx(1.012))
    assert result["observed"] == 25300


CITY_HEADER = {
    "zh": [
        "年度",
        "规则",
        "标题",
        "状态",
        "实际值",
        "目标",
        "目标值",
        "进度目标",
        "完成度",
        "计量",
        "计算与说明",
        "缺少的单位",
    ],
    "en": [
        "year",
        "rule",
        "title",
        "status",
        "observed",
        "target",
        "target value",
        "schedule target",
        "share of target",
        "unit of measure",
        "explanation",
        "units missing",
    ],
}


@pytest.fixture(scope="module", params=["zh", "en"])
def two_years(request, tmp_path_factory):
    """The samples of 2022 and 2023 as a results workbook, in each language."""
    from typer.testing import CliRunner

    from zhijiao_check.cli import app

    path = tmp_path_factory.mktemp("two-years") / "results.xlsx"
    args = [
        str(SAMPLES / "2022"),
        str(SAMPLES / "2023"),
        "-f",
        "xlsx",
        "-o",
        str(path),
        "--lang",
        request.param,
    ]
    result = CliRunner().invoke(app, ["check", *args])
    assert result.exit_code == 1, result.output
    return request.param, openpyxl.load_workbook(path)


def test_the_city_sheet_has_the_schedule_target_and_the_share_of_a_target_to_reach(two_years):
    """进度目标 is the linear schedule's target that year, as in 明细 (进度 in the other views); 完成度 the
    figure over a target to reach upward that is a number of its own: none for a year (2022 of 2023 is not
    99.9%), a target computed from last year's figure, or a yes/no one."""
    lang, book = two_years
    sheet = book.worksheets[2]
    assert sheet.title == ("全市" if lang == "zh" else "city-wide")
    assert [c.value for c in sheet[1]] == CITY_HEADER[lang]
    listed = list(sheet.iter_rows(min_row=2))
    assert sheet.auto_filter.ref == f"A1:L{len(listed) + 1}" and sheet.freeze_panes == "A2"
    rows = {}
    for row in listed:  # each rule's row, not the units' rows under it
        rows.setdefault((row[0].value, row[1].value), row)

    def cells(year, rule):
        row = rows[(year, rule)]
        return [cell.value for cell in row[4:9]], [cell.number_format for cell in row[4:9]]

    # 8 of 30 demonstration enterprises in 2022, behind the schedule's 12 (30 × 2/5): 26.7% of the target.
    values, formats = cells(2022, "c8.demonstration-enterprises")
    assert values == [8, "≥", 30, 12, pytest.approx(8 / 30)]
    assert formats[3] == "General" and formats[4] == "0.0%"
    assert rows[(2022, "c8.demonstration-enterprises")][3].value == WORDS[lang]["behind"]
    # A share: figure, target and schedule target as percentages (42.0% of teachers rotated, 40% due).
    values, formats = cells(2022, "c12.teacher-rotation")
    assert values == [
        pytest.approx(0.4205, abs=1e-4),
        "≥",
        1,
        pytest.approx(0.4),
        pytest.approx(0.4205, abs=1e-4),
    ]
    assert formats == ["0.0%", "General", "0.0%", "0.0%", "0.0%"]
    # A year against the year before the statistical year: no share of it.
    assert cells(2023, "c13.talent-selection")[0] == [2022, "≥", 2022, None, None]
    # A target computed from last year's enrollment (more than 2045): no share of it either.
    assert cells(2023, "c3.pathway-growth")[0] == [2300, ">", 2045, None, None]
    # A yes/no target, in the language's words (TRUE/FALSE before).
    yes = YES_NO[lang][0]
    assert cells(2023, "c17.incubation-center")[0] == [yes, "=", yes, None, None]
    widths = [sheet.column_dimensions[letter].width for letter in "ABCDEFGHIJKL"]
    assert widths == [7, 32, 40, 18, 12, 6, 12, 12, 10, 9, 60, 30]


def test_no_share_of_a_ceiling() -> None:
    """≤ 3800 (a plan frozen at this year's) reached at 3600 is not 94.7% of anything."""
    from zhijiao_check.renderers.xlsx import _share_of_target

    ceiling = {"observed": 3600, "target": {"op": "<=", "value": 3800}, "unit": "persons"}
    assert _share_of_target(ceiling, computed=False) is None
    floor = {"observed": 3600, "target": {"op": ">=", "value": 4000}, "unit": "persons"}
    assert _share_of_target(floor, computed=False) == pytest.approx(0.9)
    assert _share_of_target(floor, computed=True) is None
    assert _share_of_target({**floor, "unit": "year"}, computed=False) is None


def test_an_english_workbook_joins_notes_and_units_as_english_does(tmp_path):
    """The city-wide sheet of a run with 14 units missing: notes after "; ", the units listed with ", "."""
    from typer.testing import CliRunner

    from zhijiao_check.cli import app

    path = tmp_path / "city.xlsx"
    result = CliRunner().invoke(
        app, ["check", str(SAMPLES / "2023" / "shibenji.yaml"), "-f", "xlsx", "-o", str(path), "--lang", "en"]
    )
    assert result.exit_code in (0, 1), result.output
    sheet = openpyxl.load_workbook(path).worksheets[2]
    header = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    explanations = [row[header.index("explanation")] for row in rows]
    missing = {row[header.index("units missing")] for row in rows}
    assert len(missing) == 1 and next(iter(missing)).startswith("零陵区, 冷水滩区, ")
    assert any("; units missing: 零陵区, 冷水滩区, " in text for text in explanations)
    assert not any("；" in text or "、" in text for text in explanations)


def test_the_csv_is_utf8_with_a_bom_and_the_same_rows(outputs):
    paths, document = outputs
    raw = paths["csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:3] == ["单位", "年度", "规则"]
    expected = _all_results(document)
    assert len(rows) - 1 == len(expected)
    for row, (unit, year, result) in zip(rows[1:], expected, strict=True):
        assert row[0] == unit and row[2] == result["rule"] and row[5] == WORDS["zh"][result["status"]]
        if isinstance(result["observed"], bool):
            assert row[6] == ("是" if result["observed"] else "否")  # not True/False
        elif isinstance(result["observed"], float) and result["unit"] == "ratio":
            # a share as the workbook shows it, as a percentage to the explanation's places
            assert row[6].endswith("%") and float(row[6][:-1]) / 100 == pytest.approx(
                result["observed"], abs=5e-4
            )
        elif isinstance(result["observed"], float):
            assert float(row[6]) == pytest.approx(result["observed"])


def test_a_workbook_is_not_written_to_a_terminal(monkeypatch, capsys):
    import sys

    from zhijiao_check.errors import FatalError
    from zhijiao_check.output import write

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    with pytest.raises(FatalError) as raised:
        write(b"PK", None)
    assert raised.value.code == "binary-to-terminal"


def test_a_file_named_like_a_formula_stays_text_in_the_workbook(tmp_path, monkeypatch):
    """A submitted file's name reaches the details sheet (where the data is): it must not run as a formula in
    the bureau's spreadsheet program."""
    from typer.testing import CliRunner

    from zhijiao_check.cli import app

    name = '=HYPERLINK("evil.example","x").yaml'
    (tmp_path / name).write_bytes((SAMPLES / "2023" / "lengshuitan.yaml").read_bytes())
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", name, "-f", "xlsx", "-o", "out.xlsx"])
    assert result.exit_code == 0, result.output
    cells = [c for row in openpyxl.load_workbook(tmp_path / "out.xlsx")["明细"].iter_rows() for c in row]
    places = [c for c in cells if isinstance(c.value, str) and c.value.startswith("=HYPERLINK")]
    assert places and all(c.data_type == "s" for c in places)


# Reports named as a spreadsheet's formulas (OWASP's CSV injection): =, +, -, @ first.
FORMULA_NAMES = ("=2+3.yaml", "+1+1.yaml", "-1+2.yaml", "@SUM(A1).yaml")


@pytest.fixture
def formula_named(tmp_path, monkeypatch):
    """A folder of three reports named as formulas, the working directory, and its results as CSV."""
    from factory import SAMPLES
    from typer.testing import CliRunner

    from zhijiao_check.cli import app

    for name, unit in zip(FORMULA_NAMES, ("dongan", "lanshan", "xintian", "daoxian"), strict=True):
        (tmp_path / name).write_bytes((SAMPLES / "2023" / f"{unit}.yaml").read_bytes())
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        app, ["check", ".", "-f", "csv", "-o", "out.csv", "-f", "json", "-o", "out.json"]
    )
    assert result.exit_code == 1, result.output
    return tmp_path


def test_a_csv_cell_a_spreadsheet_would_compute_begins_with_an_apostrophe(formula_named):
    # '=2+3.yaml' made the file cells =2+3.yaml:13 另 1 处 and =2+3.yaml: formulas once opened in Excel.
    rows = list(csv.reader((formula_named / "out.csv").read_text(encoding="utf-8-sig").splitlines()))
    header, rows = rows[0], rows[1:]
    files = {row[header.index("文件")] for row in rows}
    assert files == {f"'{name}" for name in FORMULA_NAMES}
    for row in rows:
        for cell in row:
            assert len(cell) < 2 or not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row
    document = json.loads((formula_named / "out.json").read_text(encoding="utf-8"))
    assert {report["file"] for report in document["reports"]} == set(FORMULA_NAMES)  # JSON as it is


def test_only_text_is_neutralised_numbers_stay_numbers():
    from zhijiao_check.renderers.csv import as_text

    row = ["=1+1", "+x", "-y", "@z", "\tw", "\rv", "a=b", "", -0.5, -3, None, "—", "−1", "=", "-", "@"]
    assert list(as_text([row])) == [
        ["'=1+1", "'+x", "'-y", "'@z", "'\tw", "'\rv", "a=b", "", -0.5, -3, None, "—", "−1", "=", "-", "@"]
    ]


@pytest.fixture(scope="module", params=["zh", "en"])
def one_invalid(request, tmp_path_factory):
    """2023 with 东安县's enrolment written "950人": its report invalid, the 14 others scored."""
    from typer.testing import CliRunner

    from zhijiao_check.cli import app

    folder = tmp_path_factory.mktemp("invalid")
    year = folder / "2023"
    year.mkdir()
    for report in (SAMPLES / "2023").glob("*.yaml"):
        text = report.read_text(encoding="utf-8")
        if report.name == "dongan.yaml":
            text = text.replace("secondary_vocational: 950  #", 'secondary_vocational: "950人"  #', 1)
        (year / report.name).write_text(text, encoding="utf-8")
    paths = {name: folder / f"results.{name}" for name in ("json", "xlsx", "csv")}
    args = [arg for name, path in paths.items() for arg in ("-f", name, "-o", str(path))]
    result = CliRunner().invoke(app, ["check", str(year), *args, "--lang", request.param])
    assert result.exit_code == 2, result.output
    return request.param, paths, json.loads(paths["json"].read_text(encoding="utf-8"))


def test_an_invalid_report_is_in_the_workbook_and_the_csv(one_invalid):
    # The results workbook and CSV left 东安县 out of 汇总 and 明细 without a word (only 全市 named it, as a
    # unit missing), though json, markdown, html and the table list its report as invalid.
    lang, paths, document = one_invalid
    zh = lang == "zh"
    status = "报表无效，未计分" if zh else "invalid, not scored"
    [bad] = document["invalid"]
    [problem] = [p for p in bad["problems"] if p["severity"] == "error"]
    assert problem["path"] == "enrollment.secondary_vocational"
    book = openpyxl.load_workbook(paths["xlsx"])
    summary, details, city = book.worksheets
    *scored, refused = summary.iter_rows(min_row=2)
    assert [cell.value for cell in refused][:5] == [2023, "—", "东安县", status, None]
    assert refused[3].fill.fgColor.rgb.endswith("FF9999")
    assert [row[2].value for row in scored] == [r["unit"] for r in document["reports"]]  # the 14, ranked
    rows = list(details.iter_rows(min_row=2))
    first = [cell.value for cell in rows[0]]
    assert (
        first[:2] == ["东安县", 2023]
        and first[5] == status
        and rows[0][5].fill.fgColor.rgb.endswith("FF9999")
    )
    assert first[11] == f"enrollment.secondary_vocational: {problem['message']}"
    assert first[12] == f"{bad['file']}:13:25" and first[13] == bad["file"]
    assert len(rows) - len(bad["problems"]) == len(_all_results(document))  # the valid rows as they were
    assert details.auto_filter.ref == f"A1:O{len(rows) + 1}"
    missing = {row[-1] for row in city.iter_rows(min_row=2, values_only=True)}
    assert missing == {"东安县（报表无效）" if zh else "东安县 (report invalid)"}
    lines = list(csv.reader(paths["csv"].read_bytes().decode("utf-8-sig").splitlines()))
    assert lines[1][:2] == ["东安县", "2023"] and lines[1][5] == status and lines[1][12] == first[12]
    assert len(lines) == len(rows) + 1


def test_a_report_that_says_no_unit_is_listed_by_its_file(tmp_path):
    from typer.testing import CliRunner

    from zhijiao_check.cli import app

    broken = tmp_path / "dongan.yaml"
    broken.write_text("schema_version: 1\nunit: [东安县\n", encoding="utf-8")
    book, table = tmp_path / "r.xlsx", tmp_path / "r.csv"
    result = CliRunner().invoke(app, ["check", str(broken), "-o", str(book), "-o", str(table)])
    assert result.exit_code == 2, result.output
    summary, details, _ = openpyxl.load_workbook(book).worksheets
    assert list(summary.iter_rows(min_row=2, values_only=True)) == [
        (None, "—", str(broken), "报表无效，未计分", str(broken))  # named by its file, its file last
    ]
    [row] = details.iter_rows(min_row=2, values_only=True)
    assert row[:6] == (None, None, None, None, None, "报表无效，未计分") and row[13] == str(broken)
    assert row[12].startswith(f"{broken}:2:")
    [_, line] = csv.reader(table.read_bytes().decode("utf-8-sig").splitlines())
    assert line[:6] == ["", "", "", "", "", "报表无效，未计分"] and line[13] == str(broken)


def test_the_summary_heads_a_rule_by_its_short_label_over_its_id(two_years):
    """The rule's ID alone (up to 31 characters) in a column of 16 was cut off (c1.vocational-sharc1.general-
    plan-fr): Chinese heads the column by the short label, as the HTML heat map does, and the ID under it
    (waivers and CI name a rule by it); English by the ID, as the heat map does. Wrapped, in a row tall
    enough for the most lines a header takes; the filter and the frozen panes as before."""
    lang, book = two_years
    summary = book.worksheets[0]
    header = list(summary[1])
    assert [cell.value for cell in header[:4]] == (
        ["年度", "排名", "单位", "得分"] if lang == "zh" else ["year", "rank", "unit", "score"]
    )
    rules, file = header[4:-1], header[-1]  # the file last, after the rules
    assert file.value == ("文件" if lang == "zh" else "file")
    if lang == "zh":
        assert rules[0].value == "职普比\nc1.vocational-share"
        assert rules[1].value == "普高计划冻结\nc1.general-plan-freeze"
    else:
        assert rules[0].value == "c1.vocational-share"
    assert all(cell.alignment.wrap_text for cell in rules) and not header[0].alignment.wrap_text
    assert {summary.column_dimensions[cell.column_letter].width for cell in rules} == {16}
    # 本级实习管理 over c7.unit- / internship- / management: four lines of 16 points
    assert summary.row_dimensions[1].height == (64 if lang == "zh" else 48)
    assert summary.freeze_panes == "E2" and summary.auto_filter.ref.startswith("A1:")


def test_every_sheet_shows_a_status_as_the_language_s_word(two_years):
    """pass and not_applicable in a Chinese workbook: each sheet's status cells in the run's words,
    coloured by the status as before."""
    lang, book = two_years
    summary, details, city, trends, assessed = book.worksheets  # the last: clause 15's summary, counts
    words = set(WORDS[lang].values())
    invalid = "报表无效，未计分" if lang == "zh" else "invalid, not scored"
    # a unit's item below a city-wide target not due yet (the details and 全市 sheets; the summary has none)
    below = "未达标（未到期）" if lang == "zh" else "below target (not yet due)"
    rules = summary.iter_rows(min_row=2, min_col=5, max_col=summary.max_column - 1)  # not the file, last
    shown = {cell.value for row in rules for cell in row} - {None, ""}
    assert shown and shown <= words
    assert {row[5] for row in details.iter_rows(min_row=2, values_only=True)} <= words | {invalid, below}
    assert {row[3] for row in city.iter_rows(min_row=2, values_only=True)} <= words | {below}
    assert {row[7] for row in trends.iter_rows(min_row=2, values_only=True)} <= words | {None}
    assert all(isinstance(row[1], int) for row in assessed.iter_rows(min_row=2, values_only=True))
    colours = {
        cell.value: cell.fill.fgColor.rgb[-6:]
        for row in summary.iter_rows(min_row=2, min_col=5)
        for cell in row
    }
    assert colours[WORDS[lang]["pass"]] == "C6EFCE" and colours[WORDS[lang]["not_applicable"]] == "EDEDED"
    assert colours[WORDS[lang]["fail"]] == "FFC7CE"


def test_a_yes_no_figure_is_the_language_s_word_on_the_details_sheet(two_years):
    lang, book = two_years
    details = book.worksheets[1]
    yes_no = {"zh": "是否", "en": "yes/no"}[lang]  # the unit of measure of a yes/no figure
    rows = [row for row in details.iter_rows(min_row=2, values_only=True) if row[10] == yes_no]
    assert rows and {(row[6], row[8]) for row in rows} <= {(word, YES_NO[lang][0]) for word in YES_NO[lang]}
    assert not [cell for row in details.iter_rows() for cell in row if cell.data_type == "b"]


TRENDS_HEADER = {
    "zh": ["单位", "规则", "标题", "计量", "目标", "目标值", "到期年份", "2022 状态", "2022 实际值",
           "2022 目标值", "2023 状态", "2023 实际值", "2023 目标值", "到期预测值", "达标起始年份",
           "预计达标年份", "按期达标", "达标情况", "不作预测的原因", "较上年回落"],
    "en": ["unit", "rule", "title", "unit of measure", "target", "target value", "due", "2022 status",
           "2022 observed", "2022 target", "2023 status", "2023 observed", "2023 target", "projected",
           "met since", "meets target in", "on track", "met or not", "no projection because", "setbacks"],
}  # fmt: skip
NEVER = {"zh": "按当前速度，无法达标", "en": "at this pace never to be met"}


def test_a_run_of_several_years_has_a_trends_sheet_as_the_json_has_its_trends(two_years, tmp_path):
    """docs/trends.md said every output adds the trends; the workbook had no sheet of them. 趋势 has a row
    per trend, the city's then each unit's, each year's status and figure and the projection, as the
    document's ``trends`` (``--format json``) has them, in the run's words."""
    from typer.testing import CliRunner

    from zhijiao_check.cli import app

    lang, book = two_years
    assert book.sheetnames[3] == ("趋势" if lang == "zh" else "trends")
    sheet = book.worksheets[3]
    assert [cell.value for cell in sheet[1]] == TRENDS_HEADER[lang]
    path = tmp_path / "two.json"
    args = [str(SAMPLES / "2022"), str(SAMPLES / "2023"), "-f", "json", "-o", str(path), "--lang", lang]
    assert CliRunner().invoke(app, ["check", *args]).exit_code == 1
    trends = json.loads(path.read_text(encoding="utf-8"))["trends"]
    city = "全市" if lang == "zh" else "city-wide"
    expected = [(city, t) for t in trends["city"]] + [
        (unit["unit"], t) for unit in trends["units"] for t in unit["trends"]
    ]
    rows = list(sheet.iter_rows(min_row=2))
    assert len(rows) == len(expected) and sheet.auto_filter.ref == f"A1:T{len(rows) + 1}"
    yes, no = YES_NO[lang]
    for row, (unit, trend) in zip(rows, expected, strict=True):
        values = [cell.value for cell in row]
        assert values[:3] == [unit, trend["rule"], trend["title"]] and values[6] == trend["due"]
        points = {point["year"]: point for point in trend["years"]}
        for index, year in enumerate((2022, 2023)):
            status, observed, target = values[7 + 3 * index : 10 + 3 * index]
            point = points.get(year)
            assert status == (point and WORDS[lang][point["status"]])
            if point and isinstance(point["observed"], bool):
                assert observed == (yes if point["observed"] else no)
            elif point and isinstance(point["observed"], int | float):
                assert observed == pytest.approx(point["observed"])
            # the year's own target where the target is computed each year; the rule's in 目标值
            computed = trend["target"]["value"] is None and point and point["target"] is not None
            assert target == (pytest.approx(point["target"]) if computed else None), trend["rule"]
        projection = trend["projection"]
        if projection is None:
            # where the run reaches the due year (or the target is judged each year), its verdict: 按期达标
            # in a word for a due year, 达标情况 in words; why there is no projection in any case
            assert values[13:16] == [None, None, None] and values[18]
            verdict = trend["verdict"]
            assert (values[17] is not None) == (verdict is not None)
            assert (values[16] is not None) == (verdict is not None and verdict["kind"] == "due")
        else:
            since, meets = projection["met_since"], projection["meets_in"]
            assert values[13] == pytest.approx(projection["projected"]) and values[14] == since
            assert values[15] == (None if since is not None else NEVER[lang] if meets is None else meets)
            assert values[16] == (yes if projection["on_track"] else no) and values[17:19] == [None, None]
        # each figure moved away from its target since the year before (docs/trends.md, "Setbacks")
        assert (values[19] is not None) == bool(trend["setbacks"]), trend["rule"]
    by_rule = {(row[0].value, row[1].value): row for row in rows}
    # 4 quality schools of 6 in 2023, 3 in 2022: 6 by 2025, on track
    quality = [cell.value for cell in by_rule[(city, "c1.quality-schools")]]
    pending = WORDS[lang]["pending"]
    assert quality[5:] == [6, 2025, pending, 3, None, pending, 4, None, 6, None, 2025, yes, None, None, None]
    # no new higher college either year: 0 by 2025, off track, never at this pace: not a blank, which is
    # what a rule without a projection has
    assert [cell.value for cell in by_rule[(city, "c3.new-higher-colleges")]][13:17] == [
        0,
        None,
        NEVER[lang],
        no,
    ]
    rotation = by_rule[(city, "c12.teacher-rotation")]
    assert {rotation[index].number_format for index in (5, 8, 9, 11, 12, 13)} == {"0.0%"}
    assert rotation[7].fill.fgColor.rgb.endswith("DDEBF7")  # pending's colour
    # a status word and a year's header whole: "behind schedule", "2022 observed"
    # and the verdict in words (达标情况) wider than why there is no projection
    widths = [sheet.column_dimensions[letter].width for letter in "HIJKLMNOPQRST"]
    assert widths == [16, 14, 12, 16, 14, 12, 12, 12, 14, 9, 48, 40, 36]


def test_a_run_of_one_year_has_no_trends_sheet(outputs):
    paths, _ = outputs
    assert openpyxl.load_workbook(paths["xlsx"]).sheetnames == ["汇总", "明细", "全市"]


MEASURES = {"ratio": "比例", "count": "个数", "persons": "人数", "yuan": "元", "bool": "是否", "year": "年份"}


def test_the_unit_of_measure_is_a_word_not_a_code(outputs):
    """计量 showed the rule's code (``ratio``, ``persons``) on 明细, 全市 and in the CSV."""
    paths, document = outputs
    book = openpyxl.load_workbook(paths["xlsx"])
    for name, results in (
        ("明细", [r for _, _, r in _all_results(document)]),
        ("全市", _city_results(document)),
    ):
        rows = list(book[name].iter_rows(values_only=True))
        column = rows[0].index("计量")
        assert [row[column] for row in rows[1:]] == [MEASURES.get(r["unit"]) for r in results], name
        assert {"比例", "人数", "是否"} <= {row[column] for row in rows[1:]}
    with paths["csv"].open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    column = lines[0].index("计量")
    # blank on an item's row: a school's figure is in its own terms, not the rule's
    assert {line[column] for line in lines[1:]} <= {*MEASURES.values(), ""}


def _places(locations):
    return "\n".join(f"{place['file']}:{place.get('cell') or place['line']}" for place in locations)


def test_the_details_sheet_and_the_csv_list_every_place_of_a_result(outputs):
    """数据位置 said "samples/2023/dongan.yaml:65 另 7 处": in Excel, where no JSON is at hand, there were
    more places but not where. The cell holds them all, one a line, in a row tall enough to show them."""
    paths, document = outputs
    [dongan] = [e for e in document["reports"] if e["unit"] == "东安县"]
    [cycle] = [r for r in dongan["results"] if r["rule"] == "c4.major-evaluation-cycle"]
    assert len(cycle["locations"]) == 8
    sheet = openpyxl.load_workbook(paths["xlsx"])["明细"]
    header = [c.value for c in sheet[1]]
    [row] = [
        row
        for row in sheet.iter_rows(min_row=2)
        if row[0].value == "东安县" and row[header.index("规则")].value == cycle["rule"]
    ]
    cell = row[header.index("数据位置")]
    assert cell.value == _places(cycle["locations"])
    assert cell.value.splitlines()[0].endswith("samples/2023/dongan.yaml:65") and "另" not in cell.value
    assert cell.alignment.wrap_text and sheet.row_dimensions[cell.row].height >= 8 * 16
    with paths["csv"].open(encoding="utf-8-sig", newline="") as text:
        rows = list(csv.reader(text))
    [line] = [r for r in rows if r[0] == "东安县" and r[2] == cycle["rule"]]
    assert line[header.index("数据位置")] == _places(cycle["locations"])


def test_places_past_what_a_cell_holds_are_counted_with_where_to_read_them():
    from zhijiao_check.i18n import Translator
    from zhijiao_check.renderers.texts import MAX_TEXT, every_place

    locations = [{"file": f"reports/{n:04}/qiyang.yaml", "line": n} for n in range(2000)]
    said = {
        "zh": "另 {count} 处未列出（一个单元格写不下），见 --format json",
        "en": "and {count} more, not listed (more than a cell holds): see --format json",
    }
    for lang in ("zh", "en"):
        text = every_place(locations, Translator(lang))
        lines = text.split("\n")
        listed = len(lines) - 1
        assert len(text) <= MAX_TEXT and 1000 < listed < 2000
        assert lines[:listed] == _places(locations[:listed]).split("\n")
        assert lines[-1] == said[lang].format(count=2000 - listed)
    assert every_place(locations[:3], Translator("zh")) == _places(locations[:3])
