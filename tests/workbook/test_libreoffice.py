"""A real spreadsheet application reads what the tool writes: LibreOffice Calc, headless, converts the
template and the results workbook to CSV, and the figures are those of the JSON output.

Skipped, with a message, where ``soffice`` is missing (Debian: libreoffice-calc-nogui; .ci/run installs it).
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from factory import SAMPLES

# Every sheet to its own file (the last field, -1), UTF-8 (76), the cells' values at full precision.
ALL_SHEETS_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
SHARE = "c11.dual-qualified-share"  # a city-wide share with each unit's own under it


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.skip("no LibreOffice (Debian: apt-get install libreoffice-calc-nogui; .ci/run installs it)")
    return found


def to_csv(book: Path, out: Path, profile: Path) -> dict[str, list[list[str]]]:
    """Each sheet of ``book`` as LibreOffice exports it, by sheet name. A profile of its own, so that tests
    running at the same time do not share one (LibreOffice locks its profile)."""
    _convert(book, ALL_SHEETS_CSV, out, profile)
    sheets = {}
    for path in out.glob(f"{book.stem}-*.csv"):
        # a cell may hold a line break (汇总's headers): the CSV's own quoting, not its lines
        sheets[path.stem.removeprefix(f"{book.stem}-")] = list(
            csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline=""))
        )
    assert sheets, f"LibreOffice wrote nothing for {book}"
    return sheets


def saved_by_calc(book: Path, out: Path, profile: Path) -> None:
    """``book`` opened and saved as .xlsx by Calc into ``out`` (formulas computed, their results cached)."""
    _convert(book, "xlsx:Calc MS Excel 2007 XML", out, profile)


def _convert(book: Path, to: str, out: Path, profile: Path, *read_as: str) -> None:
    """``read_as``: ``--infilter=…``, how to read ``book`` (a CSV's separator and encoding)."""
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            *read_as,
            "--convert-to",
            to,
            "--outdir",
            str(out),
            str(book),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )


def _number(text: str) -> float:
    return float(text[:-1]) / 100 if text.endswith("%") else float(text)


def test_libreoffice_reads_the_template_as_made(run_cli, tmp_path):
    soffice()
    book = tmp_path / "dongan.xlsx"
    assert (
        run_cli(
            "template",
            "--unit",
            "东安县",
            "--year",
            "2024",
            "-o",
            book,
            "--from",
            SAMPLES / "2023" / "dongan.yaml",
        ).exit_code
        == 0
    )
    sheets = to_csv(book, tmp_path / "csv", tmp_path / "profile")
    assert set(sheets) == {"填报说明", "本单位", "学校", "专业", "企业实践", "实训基地"}
    unit = {row[0]: row for row in sheets["本单位"][1:]}
    assert unit["unit.name"][2] == "东安县" and unit["year"][2] == "2024"
    assert unit["unit.code"][2] == "431122"  # text, not the number 431122.0
    assert unit["enrollment.secondary_vocational"][2:4] == ["950", "人"]
    schools = sheets["学校"]
    assert schools[1][:3] == ["name", "level", "ownership"]
    assert schools[2][:3] == ["东安县职业中等专业学校", "中职", "公办"]
    majors = sheets["专业"]
    assert majors[2][0] == "东安县职业中等专业学校"


def test_libreoffice_reads_the_results_with_the_json_figures(run_cli, tmp_path):
    from zhijiao_check.i18n import Translator
    from zhijiao_check.status import STATUSES

    soffice()
    book, document = tmp_path / "results.xlsx", tmp_path / "results.json"
    run_cli("check", SAMPLES / "2023", "-f", "xlsx", "-o", book, "-f", "json", "-o", document)
    data = json.loads(document.read_text(encoding="utf-8"))
    sheets = to_csv(book, tmp_path / "csv", tmp_path / "profile")
    assert set(sheets) == {"汇总", "明细", "全市"}
    details = sheets["明细"]
    # under a result not met, each item that did not pass (a school's, the parks of c8.park-funding); under
    # c11's city-wide share, each unit's own (the JSON's items), named after 全市
    expected = []
    for e in (*data["reports"], *data["city"]):
        unit = e.get("unit", "全市")
        for r in e["results"]:
            expected.append((unit, r))
            if unit == "全市" and r["rule"] == SHARE:
                expected += [(f"全市 · {item['name']}", item) for item in r["items"]]
            elif r["status"] in ("fail", "missing", "warn", "behind"):
                items = [i for i in r["items"] if i["status"] not in ("pass", "not_applicable")]
                expected += [(unit, {**item, "rule": r["rule"]}) for item in items]
    assert any(unit == "全市 · 零陵区" for unit, _ in expected)
    assert len(details) - 1 == len(expected)
    words = {status: Translator("zh")(f"render.short-status-{status}") for status in STATUSES}
    for row, (unit, result) in zip(details[1:], expected, strict=True):
        assert (row[0], row[5]) == (unit, words[result["status"]])
        assert row[2] == result.get("rule", SHARE)
        if isinstance(result["observed"], int | float) and not isinstance(result["observed"], bool):
            assert _number(row[6]) == pytest.approx(result["observed"], rel=1e-9)
    ranked = [row[2] for row in sheets["汇总"][1:]]
    assert ranked[0] == max(data["reports"], key=lambda r: r["score"] or -1)["unit"]


def test_libreoffice_shows_the_school_project_word_and_saves_a_workbook_that_reads_back(run_cli, tmp_path):
    """The drop-down of issue 9's 政策支持的建设项目 shows its words in Calc, as every other one does; a
    workbook Calc has opened and saved (as a clerk's spreadsheet does) reads back to the value,
    drop-downs intact."""
    import openpyxl
    import yaml
    from factory import EXAMPLES

    source = EXAMPLES / "failing" / "jiangyong-2023-share.yaml"
    book = tmp_path / "jiangyong.xlsx"
    assert (
        run_cli("template", "--unit", "江永县", "--year", "2024", "-o", book, "--from", source).exit_code == 0
    )
    schools = to_csv(book, tmp_path / "csv", tmp_path / "profile")["学校"]
    column = schools[1].index("construction_project")
    assert schools[0][column] == "政策支持的建设项目"
    assert schools[2][column] == "已完工并投入使用"
    saved = tmp_path / "saved"
    saved_by_calc(book, saved, tmp_path / "profile")
    lists = {
        v.formula1
        for v in openpyxl.load_workbook(saved / book.name)["学校"].data_validations.dataValidation
        if v.type == "list"
    }
    assert '"未开工,在建,已完工并投入使用"' in lists
    ours, theirs = tmp_path / "ours.yaml", tmp_path / "theirs.yaml"
    assert run_cli("convert", book, "-o", ours).exit_code == 0
    result = run_cli("convert", saved / book.name, "-o", theirs)
    assert result.exit_code == 0, result.output
    read = yaml.safe_load(theirs.read_text(encoding="utf-8"))
    assert read["schools"][0]["construction_project"] == "completed"
    assert read == yaml.safe_load(ours.read_text(encoding="utf-8"))  # Calc's saving lost nothing


def test_a_formula_showing_nothing_reads_blank_once_libreoffice_has_saved_it(run_cli, tmp_path):
    """``=IF(D3>2100,D3,"")`` shows nothing: once Calc has computed and saved it (``t="str"``, an empty
    cached value) the cell is blank, no longer a formula without a result; a formula showing a figure is
    read by that figure."""
    import openpyxl
    import yaml
    from clerk import keys_of_columns

    book = tmp_path / "dongan.xlsx"
    source = SAMPLES / "2023" / "dongan.yaml"
    assert (
        run_cli("template", "--unit", "东安县", "--year", "2024", "-o", book, "--from", source).exit_code == 0
    )
    workbook = openpyxl.load_workbook(book)
    schools = workbook["学校"]
    columns = keys_of_columns(schools)
    established = openpyxl.utils.get_column_letter(columns["established"])
    schools.cell(3, columns["upgraded"]).value = f'=IF({established}3>2100,{established}3,"")'
    schools.cell(3, columns["teachers"]).value = "=80+9"
    workbook.save(book)
    unsaved = run_cli("validate", book, "-f", "json")
    assert unsaved.exit_code == 2
    assert {p["code"] for p in json.loads(unsaved.stdout)["problems"]} == {"formula-no-value"}
    saved = tmp_path / "saved"
    saved_by_calc(book, saved, tmp_path / "profile")
    result = run_cli("validate", saved / book.name, "-f", "json")
    assert result.exit_code == 0, result.stdout
    assert json.loads(result.stdout)["problems"] == []
    out = tmp_path / "read.yaml"
    assert run_cli("convert", saved / book.name, "-o", out).exit_code == 0
    school = yaml.safe_load(out.read_text(encoding="utf-8"))["schools"][0]
    assert "upgraded" not in school and school["teachers"] == 89


def test_libreoffice_opens_a_csv_of_reports_named_as_formulas_as_text(tmp_path, monkeypatch):
    """The CSV of reports named ``=2+3.yaml`` and ``@SUM(A1).yaml``, opened by Calc as UTF-8 CSV: every cell
    of text is text, none a formula, and the names read with the apostrophe that keeps them so."""
    import openpyxl
    from factory import invoke

    soffice()
    for name, unit in (("=2+3.yaml", "dongan"), ("@SUM(A1).yaml", "lanshan"), ("-1+2.yaml", "xintian")):
        (tmp_path / name).write_bytes((SAMPLES / "2023" / f"{unit}.yaml").read_bytes())
    monkeypatch.chdir(tmp_path)
    assert invoke("check", ".", "-f", "csv", "-o", "out.csv").exit_code == 1
    utf8_csv = "--infilter=CSV:44,34,76,1"  # commas, double quotes, UTF-8 (76), from line 1
    saved, profile = tmp_path / "saved", tmp_path / "profile"
    _convert(tmp_path / "out.csv", "xlsx:Calc MS Excel 2007 XML", saved, profile, utf8_csv)
    sheet = openpyxl.load_workbook(tmp_path / "saved" / "out.xlsx").active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert cells and not [cell.coordinate for cell in cells if cell.data_type == "f"]
    files = {row[13] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert files == {"'=2+3.yaml", "'@SUM(A1).yaml", "'-1+2.yaml"}
    assert sheet["A1"].value == "单位"  # read as the UTF-8 it is


def test_libreoffice_shows_an_invalid_report_in_the_results(run_cli, tmp_path):
    # The results workbook and CSV left an invalid report out: the leader reading them in Calc never saw
    # that 东安县's report was refused. Calc reads its rows as written, the CSV's too.
    soffice()
    report = tmp_path / "dongan.yaml"
    text = (SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8")
    report.write_text(
        text.replace("secondary_vocational: 950  #", 'secondary_vocational: "950人"  #'), "utf-8"
    )
    book, table = tmp_path / "results.xlsx", tmp_path / "results.csv"
    assert run_cli("check", report, "-o", book, "-o", table).exit_code == 2
    sheets = to_csv(book, tmp_path / "csv", tmp_path / "profile")
    assert sheets["汇总"][1][:4] == ["2023", "—", "东安县", "报表无效，未计分"]
    row = sheets["明细"][1]
    assert row[:2] == ["东安县", "2023"] and row[5] == "报表无效，未计分" and row[12] == f"{report}:13:25"
    assert "950人" in row[11]
    import openpyxl

    utf8_csv = "--infilter=CSV:44,34,76,1"  # commas, double quotes, UTF-8 (76), from line 1
    _convert(table, "xlsx:Calc MS Excel 2007 XML", tmp_path / "saved", tmp_path / "profile", utf8_csv)
    sheet = openpyxl.load_workbook(tmp_path / "saved" / "results.xlsx").active
    first = next(sheet.iter_rows(min_row=2, values_only=True))
    assert first[:2] == ("东安县", 2023) and first[5] == "报表无效，未计分" and first[12] == f"{report}:13:25"


def test_libreoffice_shows_the_summary_in_the_run_s_words(run_cli, tmp_path):
    """What the outside reader saw in Calc: rule columns headed by IDs cut at the column's edge
    (``c1.vocational-sharc1.general-plan-fr``), ``pass``/``not_applicable`` in a Chinese workbook, TRUE/FALSE
    for yes/no and empty 排名/得分 for the units with no score. Printed by Calc, each rule's header on the
    page is its short label over its whole ID (wrapped after a hyphen), and its cells are Chinese."""
    soffice()
    book = tmp_path / "y23.xlsx"
    assert run_cli("check", SAMPLES / "2023", "-o", book).exit_code == 1
    sheets = to_csv(book, tmp_path / "csv", tmp_path / "profile")
    summary = sheets["汇总"]
    assert summary[0][4:6] == ["职普比\nc1.vocational-share", "普高计划冻结\nc1.general-plan-freeze"]
    assert summary[1][4:6] == ["达标", "不适用"]
    assert [row[1:4] for row in summary if row[2].endswith("管理区")] == [
        ["—", "回龙圩管理区", "—"],
        ["—", "金洞管理区", "—"],
    ]
    unified = next(row for row in sheets["明细"] if row[2] == "c1.unified-enrollment")
    assert unified[5:9] == ["达标", "是", "=", "是"]
    assert {row[3] for row in sheets["全市"][1:]} <= {
        "达标",
        "未达标",
        "预警",
        "缺少数据",
        "未到期",
        "落后于进度",
    }
    if shutil.which("pdftotext") is None:
        pytest.skip("no pdftotext to read the printed page (Debian: poppler-utils; .ci/run installs it)")
    _convert(book, "pdf", tmp_path / "pdf", tmp_path / "profile")
    text = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "1", str(tmp_path / "pdf" / "y23.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    lines = text.splitlines()
    header = lines[: next(i for i, line in enumerate(lines) if line.lstrip().startswith("2023"))]
    columns: dict[int, str] = {}  # the header's words by where they start: one column each, top down
    for line in header:
        for word in re.finditer(r"\S+", line):
            columns[word.start()] = columns.get(word.start(), "") + word.group()
    shown = sorted(columns.values())
    assert "职普比c1.vocational-share" in shown and "普高计划冻结c1.general-plan-freeze" in shown, shown


def test_libreoffice_reads_the_trends_of_a_run_of_several_years(run_cli, tmp_path):
    """A run of 2022 and 2023 had no trends in its workbook; Calc reads 趋势 as written: each year's status
    and figure, the projection to the due year and whether it is on track, in words."""
    soffice()
    book = tmp_path / "multi.xlsx"
    assert run_cli("check", SAMPLES / "2022", SAMPLES / "2023", "-o", book).exit_code == 1
    sheets = to_csv(book, tmp_path / "csv", tmp_path / "profile")
    assert set(sheets) == {"汇总", "明细", "全市", "趋势", "考核汇总"}
    # clause 15's summary: 宁远县's one target due in the run (c2.school-standards, 2022) not met
    assessed = {row[0]: row for row in sheets["考核汇总"][1:]}
    assert assessed["宁远县"][:12] == ["宁远县", "1", "0", "1", "0", "0", "0", "0", "0", "0", "0", "0"]
    assert assessed["宁远县"][13:15] == ["25", "27"]
    assert "未达标 c2.school-standards" in assessed["宁远县"][15]
    rows = {(row[0], row[1]): row for row in sheets["趋势"][1:]}
    assert rows[("全市", "c1.quality-schools")][4:] == [
        "≥", "6", "2025", "未到期", "3", "", "未到期", "4", "", "6", "", "2025", "是", "", "", "",
    ]  # fmt: skip
    assert rows[("全市", "c5.ideological-courses")][-7:-1] == [
        "13",
        "2022",
        "",
        "是",
        "",
        "",
    ]  # met since 2022
    rotation = rows[("全市", "c12.teacher-rotation")]
    assert rotation[8].endswith("%") and _number(rotation[8]) == pytest.approx(0.4205, abs=1e-4)
    # judged each year: the verdict counts the years met, and there is no projection
    assert rows[("东安县", "c1.vocational-share")][-3:-1] == ["2 年中 2 年达标", "无到期年份，逐年判定"]
    # 东安县's one school's funding 10100 to 9200: a setback, in 较上年回落 as Calc reads it
    assert rows[("东安县", "c16.secondary-funding")][-1] == "2022 年 100.0% → 2023 年 0.0%"
