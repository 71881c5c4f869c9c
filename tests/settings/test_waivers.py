"""Waivers: a result excused with a reason is `waived` in every format, out of the score, and never silent."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest
import yaml
from factory import PACK_DIR
from renderers.test_html import parse

from zhijiao_check.errors import FatalError
from zhijiao_check.pack.load import load_packs
from zhijiao_check.settings.waivers import load
from zhijiao_check.units import Renamed, UnitRegistry

from .conftest import SAMPLES, write

REASON = "县财政 2023 年预算已执行完毕，2024 年补足"


def waiver(rule: str, unit: str = "东安县", *, when: str = "year = 2023", reason: str = REASON) -> str:
    return (
        f'[[waiver]]\nrule = "{rule}"\nunit = "{unit}"\n{when}\nreason = "{reason}"\n'
        'approved-by = "永州市教育局"\ndocument = "永教函〔2024〕3号"\n\n'
    )


DONGAN_FAILS = ("c4.yellow-majors-shrink", "c16.secondary-funding", "c16.new-funding-tilt")


def test_a_waived_result_does_not_fail_the_run_and_leaves_the_score(repo: Path, invoke) -> None:
    write(repo / "waivers.toml", "".join(waiver(rule) for rule in DONGAN_FAILS))
    result = invoke("check", "reports/2023/dongan.yaml", "--waivers", "waivers.toml", "--format", "json")
    assert result.exit_code == 0
    [report] = json.loads(result.stdout)["reports"]
    assert report["summary"]["waived"] == 3 and report["summary"]["fail"] == 0
    assert report["score"] == 100.0  # every due rule passed: the waived three are left out
    waived = {r["rule"]: r for r in report["results"] if r["status"] == "waived"}
    assert set(waived) == set(DONGAN_FAILS)
    funding = waived["c16.secondary-funding"]
    assert funding["waiver"] == {
        "reason": REASON,
        "approved_by": "永州市教育局",
        "document": "永教函〔2024〕3号",
        "year": 2023,
        "expires": None,
        "file": "waivers.toml",
        "line": 10,
        "status": "fail",
    }
    # the status it had in words, as the note is read by people (was 原为 fail); the code in waiver.status
    assert (
        funding["notes"][0]
        == f"已豁免（原为未达标）：{REASON}；批准：永州市教育局，永教函〔2024〕3号（waivers.toml:10）"
    )
    result = invoke(
        "check", "reports/2023/dongan.yaml", "--waivers", "waivers.toml", "--format", "json", "--lang", "en"
    )
    [report] = json.loads(result.stdout)["reports"]
    [funding] = [r for r in report["results"] if r["rule"] == "c16.secondary-funding"]
    assert funding["waiver"]["status"] == "fail"
    assert funding["notes"][0].startswith(f"waived (was not met): {REASON}; approved by 永州市教育局")


def test_the_reason_shows_in_every_format(repo: Path, invoke) -> None:
    write(repo / "zhijiao-check.toml", 'waivers = "waivers.toml"\n')
    write(repo / "waivers.toml", waiver("c16.secondary-funding"))
    outputs = {
        fmt: repo / "build" / f"out.{fmt}"
        for fmt in ("table", "json", "junit", "sarif", "github", "markdown", "html")
    }
    args = [arg for fmt, file in outputs.items() for arg in ("--format", fmt, "--output", file)]
    result = invoke("check", "reports/2023/dongan.yaml", *args)
    assert result.exit_code == 1  # two other targets still fail
    for fmt, file in outputs.items():
        if fmt != "table":  # its columns wrap the reason over several lines
            assert REASON in file.read_text(encoding="utf-8"), fmt
    table = outputs["table"].read_text(encoding="utf-8")
    assert "~ waived" in table and "已豁免（原为未达标）：县财政" in table and "waivers.toml:2" in table
    page = outputs["html"].read_text(encoding="utf-8")
    assert "已豁免（原为未达标）：县财政" in page and "原为 fail" not in page
    assert "得分 87.5（另有 1 项已豁免，不计分）" in table  # 14 of 16 due: the waived one is left out
    case = next(
        c
        for c in ET.parse(outputs["junit"]).iter("testcase")
        if c.get("name") == "c16.secondary-funding 东安县 2023"
    )
    assert case.find("skipped").get("message").startswith("waived: 已豁免（原为未达标）")
    sarif = json.loads(outputs["sarif"].read_text(encoding="utf-8"))
    [excused] = [r for r in sarif["runs"][0]["results"] if r.get("suppressions")]
    assert excused["ruleId"] == "c16.secondary-funding" and excused["level"] == "note"
    assert (
        excused["suppressions"][0]["kind"] == "external"
        and REASON in excused["suppressions"][0]["justification"]
    )
    assert any(
        line.startswith("::notice file=reports/2023/dongan.yaml,line=")
        for line in outputs["github"].read_text(encoding="utf-8").splitlines()
    )
    assert "🔕 waived" in outputs["markdown"].read_text(encoding="utf-8")


def test_a_waived_result_lists_its_failing_items_as_a_failed_one_does(
    repo: Path, invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A waived result showed only ``0 / 1 项达标 = 0.0% < 100.0%`` and the waiver, where unwaived it names
    the school, its figure and its line: the county must still put it right, every view lists them alike."""
    school = "东安县职业中等专业学校：生均拨款 9200 < 10000"
    place = "reports/2023/dongan.yaml:43"
    outputs = {fmt: repo / "build" / f"out.{fmt}" for fmt in ("html", "table", "csv", "xlsx", "markdown")}
    args = [arg for fmt, file in outputs.items() for arg in ("--format", fmt, "--output", file)]
    monkeypatch.setenv("COLUMNS", "200")  # the table's item on one line
    for waived in (False, True):
        write(repo / "waivers.toml", waiver("c16.secondary-funding") if waived else "")
        invoke("check", "reports/2023/dongan.yaml", "--waivers", "waivers.toml", *args)
        page = parse(outputs["html"].read_text(encoding="utf-8"))
        [row] = page.all("tr", data_rule="c16.secondary-funding")
        assert row.attrs["data-status"] == ("waived" if waived else "fail")
        [item] = row.one("ul", class_="items").all("li")
        assert school in item.text() and item.one("code").text() == place
        assert item.one("b", class_="chip").attrs["title"] == "未达标"
        table = outputs["table"].read_text(encoding="utf-8")
        assert f"✗ fail {school}" in table and place in table
        markdown = outputs["markdown"].read_text(encoding="utf-8")
        # in the report's own section a place in its file is its line alone (a year's comment fits GitHub's)
        assert f"❌ {school.replace('<', '&lt;')} `第 43 行`" in markdown
        rows = list(csv.reader(io.StringIO(outputs["csv"].read_text(encoding="utf-8-sig"))))
        funding = [r for r in rows if r[2] == "c16.secondary-funding"]
        assert [r[5] for r in funding] == ["已豁免" if waived else "未达标", "未达标"]
        assert funding[1][11:13] == [school, place] and funding[1][-1] == "东安县职业中等专业学校"
        book = openpyxl.load_workbook(outputs["xlsx"], read_only=True)
        details = [list(r) for r in book["明细"].iter_rows(values_only=True)]
        assert [r[5] for r in details if r[2] == "c16.secondary-funding"] == [r[5] for r in funding]
        book.close()


@pytest.mark.parametrize(
    ("lang", "beside"),
    [("zh", "（另有 1 项已豁免，不计分）"), ("en", " (1 waived, left out of the score)")],
)
def test_the_waived_count_beside_a_score_is_in_the_languages_parentheses(
    tmp_path: Path, invoke, lang: str, beside: str
) -> None:
    """``全市性目标得分 88.9 (另有 1 项已豁免，不计分)``: half-width parentheses in Chinese; full-width now,
    as Chinese text has them, and half-width in English, in the page's headings and the table."""
    write(
        tmp_path / "waivers.toml",
        waiver("c16.secondary-funding")
        + waiver("c8.park-funding", "全市", reason="祁阳高新区园区资金 2024 年一季度拨付"),
    )
    page, table = tmp_path / "out.html", tmp_path / "out.txt"
    args = ["--waivers", tmp_path / "waivers.toml", "--lang", lang]
    invoke("check", SAMPLES / "2023", *args, "--format", "html", "-o", page, "--format", "table", "-o", table)
    doc = json.loads(invoke("check", SAMPLES / "2023", *args, "--format", "json").stdout)
    [city] = doc["city"]
    [dongan] = [r for r in doc["reports"] if r["unit"] == "东安县"]
    dom = parse(page.read_text(encoding="utf-8"))
    heading = dom.one("section", id="city-2023").one("h2").text()
    assert heading.endswith(f" {city['score']:.1f}{beside}"), heading
    [summary] = [d.one("summary").text() for d in dom.all("details", data_unit="东安县")]
    assert f" {dongan['score']:.1f}{beside} · " in summary, summary
    text = table.read_text(encoding="utf-8")
    assert f"{dongan['score']:.1f}{beside}" in text and f"{city['score']:.1f}{beside}" in text
    assert ("（" if lang == "en" else " (") not in heading + summary


def test_an_expired_waiver_is_a_warning_and_the_rule_counts_again(repo: Path, invoke) -> None:
    write(repo / "waivers.toml", waiver("c16.secondary-funding", "431122", when="expires = 2024-06-30"))
    result = invoke("check", "reports/2023/dongan.yaml", "--waivers", "waivers.toml", "--format", "json")
    doc = json.loads(result.stdout)
    assert result.exit_code == 1
    status = {r["rule"]: r["status"] for r in doc["reports"][0]["results"]}
    assert status["c16.secondary-funding"] == "fail"
    [warning] = doc["warnings"]
    assert (warning["file"], warning["line"], warning["code"]) == ("waivers.toml", 2, "waiver-expired")
    assert warning["message"] == "东安县 c16.secondary-funding 的豁免已于 2024-06-30 到期：该规则重新计入"


EXPIRED_UNTESTED = (
    # of 2021, on a run of 2023: a result of another year
    waiver("c2.school-standards", "零陵区", when="year = 2021\nexpires = 2022-06-30")
    # until a date, of a unit the run has no report of
    + waiver("c16.secondary-funding", "江永县", when="expires = 2022-06-30")
    # of a rule the run leaves out
    + waiver("c16.new-funding-tilt", when="expires = 2022-06-30")
)


@pytest.mark.parametrize("format", ["table", "github"])
def test_an_expired_waiver_the_run_never_put_to_the_test_is_not_a_warning(
    repo: Path, invoke, format: str
) -> None:
    """Told only where the run holds a result it would have covered: its rule, unit and year."""
    write(repo / "waivers.toml", EXPIRED_UNTESTED)
    args = ["check", "reports/2023/", "--waivers", "waivers.toml", "--format", format, "--no-color"]
    result = invoke(*args, "--ignore", "c16.new-funding-tilt")
    assert result.exit_code == 1, result.output  # 东安县 still fails its other targets
    assert "豁免已于" not in result.output and "waivers.toml" not in result.output, result.output


@pytest.mark.parametrize("format", ["table", "github"])
def test_an_expired_waiver_of_a_result_the_run_holds_is_a_warning_at_its_line(
    repo: Path, invoke, format: str
) -> None:
    write(
        repo / "waivers.toml", EXPIRED_UNTESTED + waiver("c1.vocational-share", when="expires = 2022-06-30")
    )
    args = ["check", "reports/2023/", "--waivers", "waivers.toml", "--format", format, "--no-color"]
    result = invoke(*args, "--ignore", "c16.new-funding-tilt")
    assert result.exit_code == 1, result.output
    told = "东安县 c1.vocational-share 的豁免已于 2022-06-30 到期：该规则重新计入"
    lines = [line.strip() for line in result.output.splitlines() if "豁免已于" in line]
    if format == "github":
        assert lines == ["::warning file=waivers.toml,line=27,col=1,title=" + lines[0].split("title=")[1]]
        assert lines[0].endswith(told), lines
    else:
        assert lines == [told], lines
        shown = result.output.splitlines()
        assert (
            shown[shown.index(next(line for line in shown if told in line)) - 1].strip()
            == "waivers.toml:27:1"
        )


def test_a_waiver_that_matches_nothing_is_a_warning(repo: Path, invoke) -> None:
    write(
        repo / "waivers.toml",
        waiver("c1.vocational-share", "零陵区") + waiver("c16.secondary-funding", when="year = 2022"),
    )
    result = invoke("check", "reports/2023/", "--waivers", "waivers.toml", "--format", "json", "--lang", "en")
    doc = json.loads(result.stdout)
    # 零陵区 meets c1 in 2023. The 2022 waiver was not put to the test: the run has no report of 2022.
    assert [(w["line"], w["code"]) for w in doc["warnings"]] == [(2, "waiver-unused")]
    assert doc["warnings"][0]["message"] == (
        "the waiver of c1.vocational-share for 零陵区 (year 2023) matches no result that is not met, though "
        "the run checked 零陵区 that year: the result is met or does not apply, or the entry is wrong (rule, "
        "unit, year)"
    )
    (repo / "reports" / "2022").mkdir()
    shutil.copy(SAMPLES / "2022" / "dongan.yaml", repo / "reports" / "2022" / "dongan.yaml")
    result = invoke("check", "reports/", "--waivers", "waivers.toml", "--format", "json", "--lang", "en")
    doc = json.loads(result.stdout)
    assert [w["line"] for w in doc["warnings"] if w["code"] == "waiver-unused"] == [2, 10]  # now put to it
    [dongan_2022] = [r for r in doc["reports"] if r["year"] == 2022]
    assert [r["status"] for r in dongan_2022["results"] if r["rule"] == "c16.secondary-funding"] == ["pass"]


@pytest.mark.parametrize("flat", [False, True], ids=["whole", "flat"])
@pytest.mark.parametrize("left_out", [("--ignore", "c16.secondary-funding"), ("--select", "c1,c4")])
def test_a_waiver_of_a_rule_the_run_left_out_is_not_called_met_or_wrong(
    repo: Path, invoke, monkeypatch: pytest.MonkeyPatch, left_out: tuple[str, str], flat: bool
) -> None:
    """The rule was not checked: "the target is met or the entry is wrong, delete it" would have the user
    delete a waiver that the full run still needs. A waiver of a rule that was run still warns."""
    from zhijiao_check.commands import check as check_command

    if flat:  # the path of 100 reports or more, written as they are scored
        monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    write(repo / "waivers.toml", waiver("c16.secondary-funding") + waiver("c1.vocational-share"))
    args = ("check", "reports/2023/dongan.yaml", "--waivers", "waivers.toml", *left_out, "-f", "json")
    result = invoke(*args)
    doc = json.loads(result.stdout)
    assert [(w["line"], w["code"]) for w in doc["warnings"]] == [(10, "waiver-unused")]  # c1's, run and met
    assert "c16.secondary-funding" not in json.dumps(doc["warnings"], ensure_ascii=False)


@pytest.mark.parametrize("flat", [False, True], ids=["whole", "flat"])
def test_a_waiver_of_a_unit_or_city_wide_year_the_run_did_not_evaluate_is_not_warned(
    repo: Path, invoke, monkeypatch: pytest.MonkeyPatch, flat: bool
) -> None:
    """A standing waivers file run on one report: the waivers of the other units, and of 全市 when the
    city-wide targets were not evaluated, were not put to the test. They were warned of as matching nothing
    (``东安县 c16.secondary-funding（年度 2025）的豁免没有匹配任何未达标的结果…``), telling the user to delete
    waivers the full run needs. Once the run evaluates them, a waiver that matches nothing is warned of."""
    from zhijiao_check.commands import check as check_command

    if flat:  # the path of 100 reports or more, written as they are scored
        monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    write(
        repo / "waivers.toml",
        waiver("c16.secondary-funding")  # 东安县 fails it in 2023: used whenever its report is run
        + waiver("c10.craftsman-students", "全市")  # met city-wide in 2023
        + waiver("c1.vocational-share", "零陵区", when="expires = 2099-12-31"),  # met; any year
    )
    args = ("--waivers", "waivers.toml", "-f", "json", "--lang", "en")
    for alone in ("reports/2023/dongan.yaml", "reports/2023/lingling.yaml"):
        result = invoke("check", alone, *args)
        warned = [(w["line"], w["code"]) for w in json.loads(result.stdout)["warnings"]]
        assert warned == ([(18, "waiver-unused")] if "lingling" in alone else []), (alone, warned)
    shutil.rmtree(repo / "reports" / "2023")
    shutil.copytree(SAMPLES / "2023", repo / "reports" / "2023")  # the 市本级 report too: city-wide rules
    result = invoke("check", "reports/2023/", *args)
    doc = json.loads(result.stdout)
    assert [(w["line"], w["code"]) for w in doc["warnings"]] == [(10, "waiver-unused"), (18, "waiver-unused")]
    assert doc["warnings"][0]["message"].startswith(
        "the waiver of c10.craftsman-students for 全市 (year 2023) matches no result that is not met, though "
        "the run checked 全市 that year"
    )


def test_a_city_wide_rule_is_waived_for_the_whole_city(repo: Path, invoke) -> None:
    import shutil

    from factory import SAMPLES

    shutil.copytree(SAMPLES / "2022", repo / "reports" / "2022")
    write(repo / "waivers.toml", waiver("c10.craftsman-students", "全市", when="year = 2022"))
    result = invoke("check", "reports/2022/", "--waivers", "waivers.toml", "--format", "json")
    doc = json.loads(result.stdout)
    [city] = doc["city"]
    [craftsman] = [r for r in city["results"] if r["rule"] == "c10.craftsman-students"]
    assert craftsman["status"] == "waived" and craftsman["waiver"]["status"] == "fail"
    assert result.exit_code == 1  # 宁远县's school standards still fail in 2022
    assert doc["warnings"] == []


def test_a_waiver_without_reason_or_for_an_unknown_rule_stops_the_run_before_any_output(
    repo: Path, invoke
) -> None:
    write(
        repo / "waivers.toml",
        waiver("c16.secondary-fundng", reason="")
        + waiver("c1.vocational-share", "东安")
        + '[[waiver]]\nrule = "c1.vocational-share"\nunit = "东安县"\nreason = "x"\n'
        + 'approved-by = "y"\ndocument = "z"\n',
    )
    result = invoke(
        "check", "reports/2023/", "--waivers", "waivers.toml", "--format", "json", "--output", "out.json"
    )
    assert result.exit_code == 2
    assert not (repo / "out.json").exists()
    lines = result.stderr.splitlines()
    assert lines[0] == "豁免文件 waivers.toml 有误（未豁免任何规则）："
    assert (
        'waivers.toml:5:1: waiver[0].reason: 豁免缺少“reason”（当前：""）：每条豁免须写明规则、单位、'
        "理由、批准人和文号"
    ) in lines
    assert (
        "waivers.toml:2:1: waiver[0].rule: 没有规则“c16.secondary-fundng”；是否想写 c16.secondary-funding？"
        in lines
    )
    assert (
        "waivers.toml:11:1: waiver[1].unit: 未知的单位“东安”；是否想写“东安县”？全市性规则请写“全市”" in lines
    )
    assert any(line.startswith("waivers.toml:17:1: waiver[2].year: 豁免须有 year") for line in lines), lines


def test_a_reason_of_invisible_characters_is_no_reason_and_is_shown_escaped(repo: Path, invoke) -> None:
    """A zero-width space reads as nothing, and a right-to-left override written to a terminal would turn
    the rest of its line around: the waiver stops the run, and the message shows each as TOML escapes it."""
    text = waiver("c16.secondary-funding", reason="\\u200b").replace("永教函〔2024〕3号", "\\u202e")
    write(repo / "waivers.toml", text)
    result = invoke("check", "reports/2023/dongan.yaml", "--waivers", "waivers.toml")
    assert result.exit_code == 2
    assert "\u202e" not in result.stderr and "\u200b" not in result.stderr
    lines = result.stderr.splitlines()
    assert (
        'waivers.toml:5:1: waiver[0].reason: 豁免缺少“reason”（当前："\\u200b"）：'
        "每条豁免须写明规则、单位、理由、批准人和文号" in lines
    )
    assert any(
        line.startswith('waivers.toml:7:1: waiver[0].document: 豁免缺少“document”（当前："\\u202e"）')
        for line in lines
    )


def test_invisible_characters_around_a_reason_are_left_out_of_it(repo: Path, invoke) -> None:
    write(repo / "waivers.toml", waiver("c16.secondary-funding", reason=f"\\u202e{REASON}\\u200b"))
    result = invoke("check", "reports/2023/dongan.yaml", "--waivers", "waivers.toml", "--format", "json")
    [report] = json.loads(result.stdout)["reports"]
    [funding] = [r for r in report["results"] if r["rule"] == "c16.secondary-funding"]
    assert funding["status"] == "waived" and funding["waiver"]["reason"] == REASON


def test_a_year_or_a_date_in_quotes_is_told_to_drop_them(repo: Path, invoke) -> None:
    """TOML reads "2023" and "2024-06-30" as text: the clerk meant the number and the date."""
    write(
        repo / "waivers.toml",
        waiver("c16.secondary-funding", when='year = "2023"')
        + waiver("c4.yellow-majors-shrink", when='expires = "2024-06-30"'),
    )
    for lang, told in (
        ("zh", ("“year”的值不加引号：请写 year = 2023", "“expires”的值不加引号：请写 expires = 2024-06-30")),
        (
            "en",
            (
                '"year" takes its value without quotes: write year = 2023',
                '"expires" takes its value without quotes: write expires = 2024-06-30',
            ),
        ),
    ):
        result = invoke("check", "reports/2023/dongan.yaml", "--waivers", "waivers.toml", "--lang", lang)
        assert result.exit_code == 2
        lines = result.stderr.splitlines()
        assert f"waivers.toml:4:1: waiver[0].year: {told[0]}" in lines
        assert f"waivers.toml:12:1: waiver[1].expires: {told[1]}" in lines


def test_a_date_written_with_slashes_is_told_how_toml_writes_one(repo: Path, invoke) -> None:
    write(repo / "waivers.toml", waiver("c16.secondary-funding", when="expires = 2024/06/30"))
    result = invoke("check", "reports/2023/dongan.yaml", "--waivers", "waivers.toml")
    assert result.exit_code == 2
    assert (
        "waivers.toml:4:11: 不是有效的 TOML：日期请写成 2024-06-30 这样：年-月-日，月和日各写两位，用短横线，"
        "不加引号；并确认这一天存在"
    ) in result.stderr.splitlines()


def test_run_from_a_subfolder_the_waivers_file_is_shown_relative_as_the_reports_are(
    repo: Path, invoke, monkeypatch
) -> None:
    """The config file found in a folder above names the waivers file: it was shown by its absolute path
    (``/tmp/…/waivers.toml:2``) among reports shown as typed (``2023/dongan.yaml``)."""
    write(repo / "zhijiao-check.toml", 'waivers = "waivers.toml"\n')
    write(repo / "waivers.toml", waiver("c16.secondary-funding"))
    monkeypatch.chdir(repo / "reports")
    outputs = {fmt: Path("..", "build", f"out.{fmt}") for fmt in ("sarif", "github", "markdown", "json")}
    args = [arg for fmt, file in outputs.items() for arg in ("--format", fmt, "--output", file)]
    result = invoke("check", "2023/dongan.yaml", *args)
    assert result.exit_code == 1, result.output
    for fmt, file in outputs.items():
        text = (repo / "build" / file.name).read_text(encoding="utf-8")
        assert "../waivers.toml:2" in text, fmt
        assert str(repo) not in text.replace(repo.resolve().as_uri(), ""), fmt  # SARIF's root URI aside
    [report] = json.loads((repo / "build" / "out.json").read_text(encoding="utf-8"))["reports"]
    [waived] = [r for r in report["results"] if r["status"] == "waived"]
    assert (waived["waiver"]["file"], waived["waiver"]["line"]) == ("../waivers.toml", 2)


NEVER_CHECKED = {
    "zh": (
        (
            "waivers.toml:3:1: waiver[0].unit: c16.secondary-funding 按各单位的报表检查，不是全市性规则："
            "unit 请写单位的名称或代码，如“零陵区”"
        ),
        (
            "waivers.toml:11:1: waiver[1].unit: c8.demonstration-enterprises 是全市性规则，结果属于全市而"
            "不是“东安县”：unit 请写 全市"
        ),
        (
            "waivers.toml:19:1: waiver[2].unit: c4.leading-industries 只检查县市区的报表，“永州市本级”是"
            "市本级：这条豁免不会匹配任何结果，请核对规则或单位"
        ),
    ),
    "en": (
        (
            "waivers.toml:3:1: waiver[0].unit: c16.secondary-funding is checked on each unit's report, not "
            'city-wide: write a unit\'s name or code as unit, e.g. "零陵区"'
        ),
        (
            "waivers.toml:11:1: waiver[1].unit: c8.demonstration-enterprises is a city-wide rule, whose "
            'result is the whole city\'s, not "东安县"\'s: write unit = "全市"'
        ),
        (
            "waivers.toml:19:1: waiver[2].unit: c4.leading-industries is checked only on the reports of "
            'these kinds: county; "永州市本级" is a city: the waiver would match no result; check the '
            "rule or the unit"
        ),
    ),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_unit_its_rule_is_never_checked_for_stops_the_run_at_the_unit(
    repo: Path, invoke, lang: str
) -> None:
    """全市 on a rule of each unit's report, a unit on a city-wide rule, or a unit of a kind the rule does not
    check: the waiver could excuse nothing, and only a vague "matched nothing" warning came at the end of
    the run. Refused when the waivers file is read, at the unit, as the file's other mistakes are."""
    write(
        repo / "waivers.toml",
        waiver("c16.secondary-funding", "全市")
        + waiver("c8.demonstration-enterprises", "东安县")
        + waiver("c4.leading-industries", "永州市本级")
        + waiver("c8.demonstration-enterprises", "全市")  # right: no problem
        + waiver("c16.secondary-funding", "431122"),  # 东安县's code on a school rule: right
    )
    args = ("--waivers", "waivers.toml", "--lang", lang, "-f", "json", "-o", "out.json")
    result = invoke("check", "reports/2023/", *args)
    assert result.exit_code == 2
    assert not (repo / "out.json").exists()
    lines = result.stderr.splitlines()
    assert lines[1:] == list(NEVER_CHECKED[lang]), lines


@pytest.mark.parametrize(
    ("unit", "told"),
    [
        (
            "祁阳县",
            (
                '“祁阳县”已于 2021 年更名为“祁阳市”：请写 unit = "祁阳市"',
                '"祁阳县" was renamed "祁阳市" in 2021: write unit = "祁阳市"',
            ),
        ),
        (
            "431121",
            (
                '代码 431121 是“祁阳县”的旧代码，2021 年更名为“祁阳市”后代码是 431181：请写 unit = "431181"',
                (
                    'the code 431121 is that of "祁阳县", renamed "祁阳市" in 2021, whose code is 431181: '
                    'write unit = "431181"'
                ),
            ),
        ),
    ],
)
def test_a_renamed_units_former_name_or_code_is_told_as_a_report_is(
    repo: Path, invoke, unit: str, told: tuple[str, str]
) -> None:
    """``unit = "祁阳县"`` was taken for a typo (``未知的单位“祁阳县”；是否想写“祁阳市”？``) where a report
    giving that name is told of the renaming: the waiver says it as the report does."""
    write(repo / "waivers.toml", waiver("c16.secondary-funding", unit))
    for lang, said in zip(("zh", "en"), told, strict=True):
        result = invoke("check", "reports/2023/", "--waivers", "waivers.toml", "--lang", lang)
        assert result.exit_code == 2
        assert result.stderr.splitlines()[1:] == [f"waivers.toml:3:1: waiver[0].unit: {said}"]
    report = repo / "reports" / "2023" / "dongan.yaml"
    text = report.read_text(encoding="utf-8")
    # the former name, or the former code beside the new name
    name, code = ("祁阳县", "431181") if unit == "祁阳县" else ("祁阳市", unit)
    report.write_text(
        text.replace("name: 东安县", f"name: {name}", 1).replace("431122", code), encoding="utf-8"
    )
    reported = invoke("validate", "reports/2023/dongan.yaml").stdout
    assert told[0].split("：")[0] in reported  # the report's own words for the renaming


def test_a_former_name_in_a_year_before_its_renaming_names_the_unit_as_a_report_of_that_year_may(
    repo: Path, invoke
) -> None:
    """A report of 2020 may still say 祁阳县 (renamed 祁阳市 in 2021): a waiver of that year may too, and it
    is read as 祁阳市's; from the renaming's year on the former name is told as a report's is."""
    write(repo / "waivers.toml", waiver("c16.secondary-funding", "祁阳县", when="year = 2020"))
    before = invoke("check", "reports/2023/", "--waivers", "waivers.toml", "--format", "json")
    assert before.exit_code != 2, before.stderr
    assert "waivers.toml" not in before.stderr
    write(repo / "waivers.toml", waiver("c16.secondary-funding", "祁阳县", when="year = 2021"))
    after = invoke("check", "reports/2023/", "--waivers", "waivers.toml")
    assert after.exit_code == 2
    assert after.stderr.splitlines()[1:] == [
        'waivers.toml:3:1: waiver[0].unit: “祁阳县”已于 2021 年更名为“祁阳市”：请写 unit = "祁阳市"'
    ]


def changed_pack(dest: Path) -> Path:
    """A copy of the built-in pack in which 东安县 was 东安旧县 (code 431199) before 2023, and 金洞管理区 is
    part of 祁阳市 from 2023 (gone from ``units``, listed in ``merged``)."""
    shutil.copytree(PACK_DIR, dest)
    units = dest / "units.yaml"
    text = units.read_text(encoding="utf-8").replace("  - {name: 金洞管理区, kind: management_area}\n", "")
    units.write_text(
        text
        + '  - {old: 东安旧县, new: 东安县, year: 2023, old_code: "431199"}\n'
        + "merged:\n  - {name: 金洞管理区, kind: management_area, into: 祁阳市, year: 2023}\n",
        encoding="utf-8",
    )
    return dest


MERGED = (
    (
        "“金洞管理区”已于 2023 年并入“祁阳市”，2023 年起不再单独填报："
        '请写 unit = "祁阳市"，或写 2023 年以前的 year'
    ),
    (
        '"金洞管理区" was merged into "祁阳市" in 2023 and files no report of its own from 2023 on: '
        'write unit = "祁阳市", or a year before 2023'
    ),
)


def test_a_merged_unit_is_told_of_its_merger_not_taken_for_a_typo(repo: Path, invoke) -> None:
    """A waiver of 金洞管理区, merged into 祁阳市 in 2023, for 2023 or without a year was told ``unknown unit
    "金洞管理区"; did you mean "回龙圩管理区"?``: it is said to have been merged, as a report of 2023 giving
    that name is; for 2022, when it filed its own report, the waiver is its own."""
    pack = changed_pack(repo / "pack")
    write(
        repo / "waivers.toml",
        waiver("c16.secondary-funding", "金洞管理区")
        + waiver("c16.secondary-funding", "金洞管理区", when="expires = 2099-12-31"),
    )
    for lang, said in zip(("zh", "en"), MERGED, strict=True):
        result = invoke(
            "check", "reports/2023/", "--rules", pack, "--waivers", "waivers.toml", "--lang", lang
        )
        assert result.exit_code == 2
        assert result.stderr.splitlines()[1:] == [
            f"waivers.toml:3:1: waiver[0].unit: {said}",
            f"waivers.toml:11:1: waiver[1].unit: {said}",
        ]
    write(repo / "waivers.toml", waiver("c16.secondary-funding", "金洞管理区", when="year = 2022"))
    before = invoke("check", "reports/2023/", "--rules", pack, "--waivers", "waivers.toml")
    assert before.exit_code != 2, before.stderr
    assert "waivers.toml" not in before.stderr


def test_a_merged_units_kind_is_checked_against_the_rule_as_any_units(repo: Path, invoke) -> None:
    """A county rule waived for 金洞管理区 in 2022 (a management area then) was accepted, the unit not being
    in the list, while the same waiver for 回龙圩管理区 was refused: both are refused alike."""
    pack = changed_pack(repo / "pack")
    write(
        repo / "waivers.toml",
        waiver("c1.vocational-share", "金洞管理区", when="year = 2022")
        + waiver("c1.vocational-share", "回龙圩管理区", when="year = 2022"),
    )
    result = invoke("check", "reports/2023/", "--rules", pack, "--waivers", "waivers.toml", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1:] == [
        (
            f"waivers.toml:{line}:1: waiver[{index}].unit: c1.vocational-share is checked only on the "
            f'reports of these kinds: county; "{unit}" is a management area: the waiver would match no '
            "result; check the rule or the unit"
        )
        for index, (line, unit) in enumerate(((3, "金洞管理区"), (11, "回龙圩管理区")))
    ]


def test_a_former_code_in_a_year_before_its_renaming_names_the_unit_as_its_former_name_does(
    repo: Path, invoke
) -> None:
    """东安县 was 东安旧县 (431199) before 2023: a report of 2022 may give 431199, and a waiver of 2022 giving
    东安旧县 was accepted while one giving 431199 was refused. Both are 东安县's; from 2023 on, or without a
    year, the old code is refused with the code to write."""
    pack = changed_pack(repo / "pack")
    write(
        repo / "waivers.toml",
        waiver("c16.secondary-funding", "431199", when="year = 2022")
        + waiver("c16.secondary-funding", "东安旧县", when="year = 2022"),
    )
    before = invoke("check", "reports/2023/", "--rules", pack, "--waivers", "waivers.toml")
    assert before.exit_code != 2, before.stderr
    assert "waivers.toml" not in before.stderr
    write(
        repo / "waivers.toml",
        waiver("c16.secondary-funding", "431199")
        + waiver("c16.secondary-funding", "431199", when="expires = 2099-12-31"),
    )
    after = invoke("check", "reports/2023/", "--rules", pack, "--waivers", "waivers.toml", "--lang", "en")
    assert after.exit_code == 2
    told = (
        'the code 431199 is that of "东安旧县", renamed "东安县" in 2023, whose code is 431122: '
        'write unit = "431122"'
    )
    assert after.stderr.splitlines()[1:] == [
        f"waivers.toml:3:1: waiver[0].unit: {told}",
        f"waivers.toml:11:1: waiver[1].unit: {told}",
    ]


def test_a_renamed_unit_is_told_by_the_name_it_has_now(tmp_path: Path) -> None:
    """A unit renamed twice (甲县 → 乙县 in 2021, 乙县 → 东安县 in 2023): a waiver giving 甲县, or its old
    code, is told the name the unit has now, through every renaming, as a report giving it is
    (``UnitRegistry.current_name``), not 乙县, itself refused."""
    [pack] = load_packs()
    units = UnitRegistry(
        list(pack.units),
        [Renamed("甲县", "乙县", 2021, "431198"), Renamed("乙县", "东安县", 2023, "431199")],
    )
    path = write(
        tmp_path / "waivers.toml",
        waiver("c16.secondary-funding", "甲县") + waiver("c16.secondary-funding", "431198"),
    )
    with pytest.raises(FatalError) as raised:
        load(path, {rule.id: rule for rule in pack.rules}, units)
    told = [
        (p.code, p.params.get("new") or p.params.get("name"), p.params.get("expected"))
        for p in raised.value.problems
    ]
    assert told == [("waiver-unit-renamed", "东安县", None), ("waiver-code-renamed", "东安县", "431122")]


def merged_pack(dest: Path, year: int = 2024, renamed: int | None = None) -> Path:
    """A copy of the built-in pack in which 东安县 (431122) is part of 祁阳市 from ``year`` (gone from
    ``units``, listed in ``merged`` with its code); ``renamed``: and it was 东安旧县 (431199) before then."""
    shutil.copytree(PACK_DIR, dest)
    units = dest / "units.yaml"
    text = units.read_text(encoding="utf-8").replace('  - {name: 东安县, kind: county, code: "431122"}\n', "")
    renaming = f'  - {{old: 东安旧县, new: 东安县, year: {renamed}, old_code: "431199"}}\n' if renamed else ""
    merger = f'  - {{name: 东安县, kind: county, into: 祁阳市, year: {year}, code: "431122"}}\n'
    units.write_text(text + renaming + "merged:\n" + merger, encoding="utf-8")
    return dest


def waived(result, unit: str) -> list[str]:
    """The rules of ``unit`` that a waiver excused in a JSON run."""
    doc = json.loads(result.stdout)
    return [
        r["rule"]
        for e in doc["reports"]
        if e["unit"] == unit
        for r in e["results"]
        if r["status"] == "waived"
    ]


def test_a_merged_units_own_code_names_it_in_a_year_before_the_merger_as_its_name_does(
    repo: Path, invoke
) -> None:
    """东安县 (431122) joined 祁阳市 in 2024: a waiver of 2023 giving 东安县 was taken, one giving 431122
    refused as an unknown unit. Both excuse 东安县's 2023 result; from 2024 on the code is told merged, naming
    the unit it is the code of."""
    pack = merged_pack(repo / "pack")
    write(repo / "waivers.toml", waiver("c16.secondary-funding", "431122"))
    result = invoke(
        "check", "reports/2023/", "--rules", pack, "--waivers", "waivers.toml", "--format", "json"
    )
    assert result.exit_code == 1, result.stderr  # the other targets fail; the waivers file is taken
    assert waived(result, "东安县") == ["c16.secondary-funding"]
    write(repo / "waivers.toml", waiver("c16.secondary-funding", "431122", when="year = 2024"))
    for lang, said in (
        (
            "zh",
            (
                "“东安县”已于 2024 年并入“祁阳市”，2024 年起不再单独填报："
                '请写 unit = "祁阳市"，或写 2024 年以前的 year'
            ),
        ),
        (
            "en",
            (
                '"东安县" was merged into "祁阳市" in 2024 and files no report of its own from 2024 on: '
                'write unit = "祁阳市", or a year before 2024'
            ),
        ),
    ):
        after = invoke("check", "reports/2023/", "--rules", pack, "--waivers", "waivers.toml", "--lang", lang)
        assert after.exit_code == 2
        assert after.stderr.splitlines()[1:] == [f"waivers.toml:3:1: waiver[0].unit: {said}"]


def _dongan_as(repo: Path, name: str, year: int) -> Path:
    """reports/``year``/dongan.yaml: 东安县's 2023 report as of ``year``, giving ``name`` and no code."""
    data = yaml.safe_load((repo / "reports" / "2023" / "dongan.yaml").read_text(encoding="utf-8"))
    data["year"] = year
    data["unit"] = {"name": name, "kind": "county"}
    for school in data["schools"]:
        school["established"] = min(school.get("established", year), year)
        for major in school.get("majors") or []:
            major.pop("evaluated_in", None)
    path = repo / "reports" / str(year) / "dongan.yaml"
    write(path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    return path


@pytest.mark.parametrize("given", ["东安旧县", "431199"])
def test_a_unit_renamed_and_later_merged_by_its_former_name_or_code(repo: Path, invoke, given: str) -> None:
    """东安旧县 (431199) was renamed 东安县 (431122) in 2023, and 东安县 joined 祁阳市 in 2025. Its former
    name or code names 东安县 in 2022, as a report of 2022 giving it is 东安县's; from the renaming it is told
    renamed (the code with 东安县's own, 431122, to write); from the merger, merged into 祁阳市."""
    pack = merged_pack(repo / "pack", 2025, renamed=2023)
    for year in (2022, 2024, 2025):
        _dongan_as(repo, "东安旧县", year)
    # the reports giving the former name
    before = invoke("check", "reports/2022/", "--rules", pack, "--format", "json")
    assert before.exit_code == 1, before.output
    [report] = json.loads(before.stdout)["reports"]
    assert report["unit"] == "东安县"
    assert "报表所填单位名称“东安旧县”是 2023 年更名前的名称：按现名“东安县”显示和统计" in report["notices"]
    for year, code, said in (
        (2024, "unit-renamed", "“东安旧县”已于 2023 年更名为“东安县”：请写 name: 东安县"),
        (
            2025,
            "unit-merged",
            (
                "“东安旧县”已于 2025 年并入“祁阳市”，2025 年起不再单独填报："
                "请把它的数据填入“祁阳市”的报表（name: 祁阳市）"
            ),
        ),
    ):
        refused = invoke("validate", f"reports/{year}/dongan.yaml", "--rules", pack, "--format", "json")
        assert refused.exit_code == 2
        told = [(p["path"], p["code"], p["message"]) for p in json.loads(refused.stdout)["problems"]]
        assert ("unit.name", code, said) in told
    # the waivers giving it
    write(repo / "waivers.toml", waiver("c16.secondary-funding", given, when="year = 2022"))
    taken = invoke("check", "reports/2022/", "--rules", pack, "--waivers", "waivers.toml", "--format", "json")
    assert taken.exit_code == 1, taken.stderr
    assert waived(taken, "东安县") == ["c16.secondary-funding"]
    renamed = (
        '“东安旧县”已于 2023 年更名为“东安县”：请写 unit = "东安县"'
        if given == "东安旧县"
        else '代码 431199 是“东安旧县”的旧代码，2023 年更名为“东安县”后代码是 431122：请写 unit = "431122"'
    )
    unit = "东安旧县" if given == "东安旧县" else "东安县"  # a code: the unit merged
    merged = (
        f"“{unit}”已于 2025 年并入“祁阳市”，2025 年起不再单独填报："
        '请写 unit = "祁阳市"，或写 2025 年以前的 year'
    )
    for year, said in ((2024, renamed), (2025, merged)):
        write(repo / "waivers.toml", waiver("c16.secondary-funding", given, when=f"year = {year}"))
        result = invoke("check", "reports/2022/", "--rules", pack, "--waivers", "waivers.toml")
        assert result.exit_code == 2, year
        assert result.stderr.splitlines()[1:] == [f"waivers.toml:3:1: waiver[0].unit: {said}"], year


def test_a_waiver_field_of_the_wrong_type_is_said_so_not_missing(repo: Path, invoke) -> None:
    """``unit = ["东安县", "道县"]`` was "the waiver has no unit (found: [...])": it has one, of the wrong
    type, and a waiver names one unit."""
    text = waiver("c16.secondary-funding").replace('unit = "东安县"', 'unit = ["东安县", "道县"]')
    write(repo / "waivers.toml", text.replace('document = "永教函〔2024〕3号"', "document = 3"))
    said = {
        "zh": [
            (
                'waivers.toml:3:1: waiver[0].unit: “unit” = ["东安县", "道县"] 是一个列表，'
                "而一条豁免只写一个 unit（用引号括起来的文字）：请每个分别写一条 [[waiver]]"
            ),
            (
                "waivers.toml:7:1: waiver[0].document: “document” = 3 不是文字：请用引号括起来，"
                '写成 document = "…"'
            ),
        ],
        "en": [
            (
                'waivers.toml:3:1: waiver[0].unit: "unit" = ["东安县", "道县"] is a list, but a waiver '
                "names one unit, as a text in quotes: write a [[waiver]] for each"
            ),
            (
                'waivers.toml:7:1: waiver[0].document: "document" = 3 is not a text: write it in quotes, as '
                'document = "…"'
            ),
        ],
    }
    for lang, lines in said.items():
        result = invoke("check", "reports/2023/dongan.yaml", "--waivers", "waivers.toml", "--lang", lang)
        assert result.exit_code == 2
        assert result.stderr.splitlines()[1:] == lines


def test_a_waiver_entered_twice_is_said_to_repeat_the_first(repo: Path, invoke) -> None:
    """The second excused nothing, the first having excused the result: it was "matches no result that is
    not met … the entry is wrong"."""
    write(repo / "waivers.toml", waiver("c16.secondary-funding") * 2)
    said = {
        "zh": (
            "东安县 c16.secondary-funding（年度 2023）的豁免与第 2 行的豁免重复，两者豁免同样的结果："
            "请删除其中一条"
        ),
        "en": (
            "the waiver of c16.secondary-funding for 东安县 (year 2023) repeats the waiver at line 2, which "
            "excuses the same results: delete one of them"
        ),
    }
    for lang, message in said.items():
        result = invoke(
            "check",
            "reports/2023/dongan.yaml",
            "--waivers",
            "waivers.toml",
            "--format",
            "json",
            "--lang",
            lang,
        )
        [warning] = json.loads(result.stdout)["warnings"]
        assert (warning["line"], warning["code"], warning["message"]) == (10, "waiver-repeats", message)


@pytest.mark.parametrize(
    ("reason", "code_point", "position"),
    [("\\u001b[31mRED\\u001b[0m\\r\\nfake", "U+001B", 1), ("预算\\r\\n伪\\u0007造", "U+0007", 6)],
    ids=["escape", "bell"],
)
def test_a_control_character_in_a_waivers_text_is_refused_where_it_stands(
    repo: Path, invoke, reason: str, code_point: str, position: int
) -> None:
    """The escape was dropped, but a raw CR went on into the Markdown and HTML outputs: a waiver's texts are
    the bureau's own, and a located error says what to write."""
    write(repo / "waivers.toml", waiver("c16.secondary-funding", reason=reason))
    said = {
        "zh": (
            f"waivers.toml:5:1: waiver[0].reason: “reason”含有控制字符 {code_point}（第 {position} 个字符），"
            "会扰乱输出（转义序列会改变终端颜色）：请删去它（reason、approved-by、document 中的换行和制表符"
            "可以保留）"
        ),
        "en": (
            f'waivers.toml:5:1: waiver[0].reason: "reason" holds the control character {code_point} '
            f"(character {position}), which would garble the outputs (an escape sequence recolours a "
            "terminal): delete it (line breaks and tabs may stay in reason, approved-by and document)"
        ),
    }
    for lang, line in said.items():
        result = invoke("check", "reports/2023/dongan.yaml", "--waivers", "waivers.toml", "--lang", lang)
        assert result.exit_code == 2
        assert result.stderr.splitlines()[1:] == [line]


# A long reason written over several lines, as a clerk writes one (a TOML multi-line string), a tab before
# its last line, the file saved on Windows (CRLF).
LONG_REASON = '"""\n县财政 2023 年预算已执行完毕，\n2024 年补足\n\t(see the annex)\n"""'
ONE_LINE = "县财政 2023 年预算已执行完毕，2024 年补足 (see the annex)"


def test_a_reason_written_over_several_lines_is_taken_and_shown_on_one_line(
    repo: Path, invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Refused as a control character, a long reason written over lines stopped the run. It is taken: the
    JSON's ``waiver`` keeps it as written, each line break a ``\\n``; the views of one line a result shows
    it in (a table's cell, an annotation, a CSV field) join its lines, with no space where Chinese text
    joins."""
    text = waiver("c16.secondary-funding").replace(f'reason = "{REASON}"', f"reason = {LONG_REASON}")
    (repo / "waivers.toml").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    monkeypatch.setenv("COLUMNS", "250")  # the table's note on one line
    outputs = {fmt: repo / "build" / f"out.{fmt}" for fmt in ("table", "github", "csv", "json")}
    args = [arg for fmt, file in outputs.items() for arg in ("--format", fmt, "--output", file)]
    result = invoke("check", "reports/2023/dongan.yaml", "--waivers", "waivers.toml", *args)
    assert result.exit_code == 1, result.stderr  # two other targets still fail
    note = f"已豁免（原为未达标）：{ONE_LINE}；批准：永州市教育局，永教函〔2024〕3号（waivers.toml:2）"
    [waived] = [
        r
        for r in json.loads(outputs["json"].read_text(encoding="utf-8"))["reports"][0]["results"]
        if r["status"] == "waived"
    ]
    assert waived["waiver"]["reason"] == "县财政 2023 年预算已执行完毕，\n2024 年补足\n\t(see the annex)"
    assert waived["notes"][0] == note
    assert any(
        line.rstrip().endswith(note) for line in outputs["table"].read_text(encoding="utf-8").splitlines()
    )
    [annotation] = [
        line
        for line in outputs["github"].read_text(encoding="utf-8").splitlines()
        if line.startswith("::notice")
    ]
    assert annotation.endswith(f"；{note}")
    rows = list(csv.reader(io.StringIO(outputs["csv"].read_text(encoding="utf-8-sig"))))
    [row] = [row for row in rows if "已豁免" in row]
    assert row[11].endswith(f"；{note}") and "\n" not in "".join(row)


def test_a_line_break_in_a_waivers_rule_or_unit_is_still_refused(repo: Path, invoke) -> None:
    """A rule's ID or a unit's name over two lines is no name: refused where it stands."""
    write(repo / "waivers.toml", waiver("c16.secondary-funding", unit="东安县\\n"))
    result = invoke("check", "reports/2023/dongan.yaml", "--waivers", "waivers.toml", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1].startswith(
        'waivers.toml:3:1: waiver[0].unit: "unit" holds the control character U+000A (character 4)'
    )


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("The county budget\n    was spent", "The county budget was spent"),
        ("预算已\n执行完毕", "预算已执行完毕"),  # Chinese joins its lines without a space
        ("执行完毕，\n2024 年补足", "执行完毕，2024 年补足"),  # nor after a wide punctuation mark
        (
            "县财政\n2023 年",
            "县财政 2023 年",
        ),  # a number beside Chinese keeps its space, as written in one line
        # a full-width digit or letter is Latin: two numbers stay two
        ("金额１２\n３４万元", "金额１２ ３４万元"),
        ("ＡＢ\nＣＤ", "ＡＢ ＣＤ"),
        # quotation marks, an ellipsis and a dash of Chinese text join as its characters do
        ("遵循“先建后验”\n的原则", "遵循“先建后验”的原则"),
        ("根据\n“十四五”规划", "根据“十四五”规划"),
        ("补足……\n下一步", "补足……下一步"),
        ("预算——\n下一步", "预算——下一步"),
        ("称为“Plan B”\n的方案", "称为“Plan B”的方案"),
        # and of Latin text as Latin text does
        ("He said “yes”\nand left", "He said “yes” and left"),
        ("and so…\nwe", "and so… we"),
        ("a\tb \t c", "a b c"),
        ("one line", "one line"),
    ],
)
def test_a_text_over_several_lines_is_joined_as_its_language_joins_them(written: str, shown: str) -> None:
    from zhijiao_check.characters import one_line

    assert one_line(written) == shown
