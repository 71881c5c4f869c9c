"""``check --format html --per-unit DIR``: one printable page per unit in DIR, besides the run's own page;
refused before anything is written when it cannot be done."""

from __future__ import annotations

import re
import shutil
from pathlib import Path


def test_a_page_for_each_unit_beside_the_run_page(invoke, tmp_path: Path) -> None:
    pages = tmp_path / "pages"  # made by the run
    result = invoke("check", "samples/2023", "-f", "html", "-o", tmp_path / "run.html", "--per-unit", pages)
    assert result.exit_code == 1, result.output  # some sample targets fail
    assert (tmp_path / "run.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    written = sorted(path.name for path in pages.iterdir())
    assert len(written) == 15 and "东安县.html" in written and "永州市本级.html" in written


def test_per_unit_without_html_is_refused(invoke, tmp_path: Path) -> None:
    result = invoke("check", "samples/2023/dongan.yaml", "--per-unit", tmp_path / "pages")
    assert result.exit_code == 2
    assert result.stderr.strip() == "--per-unit 需与 --format html 一起使用：每个单位写一页可打印的 HTML"
    assert not (tmp_path / "pages").exists()


def test_per_unit_naming_a_file_is_refused_before_anything_is_written(invoke, tmp_path: Path) -> None:
    """The run's page used to be written (or printed) before the pages failed on the file."""
    report = tmp_path / "dongan.yaml"
    report.write_bytes(Path("samples/2023/dongan.yaml").read_bytes())
    before = report.read_bytes()
    result = invoke("check", report, "-f", "html", "-o", tmp_path / "run.html", "--per-unit", report)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"--per-unit {report} 是文件，不是目录：请给一个目录（不存在时会新建），每个单位在其中写一页 HTML"
    )
    assert result.stdout == ""
    assert not (tmp_path / "run.html").exists()
    assert report.read_bytes() == before


def test_the_run_page_and_the_unit_pages_appear_together_or_not_at_all(invoke, tmp_path: Path) -> None:
    """One unit's page cannot be written (a folder stands where it goes): neither the run's page nor any other
    unit's page appears, where the run's page used to be written first."""
    pages = tmp_path / "pages"
    (pages / "东安县.html").mkdir(parents=True)
    result = invoke("check", "samples/2023", "-f", "html", "-o", tmp_path / "run.html", "--per-unit", pages)
    assert result.exit_code == 2
    assert "东安县.html：这是一个目录，不是文件" in result.stderr
    assert not (tmp_path / "run.html").exists()
    assert [path.name for path in pages.iterdir()] == ["东安县.html"]


def test_a_unit_page_opens_its_trends_where_the_run_page_folds_them(invoke, tmp_path: Path) -> None:
    """Two years: a unit reporting both has a trend table. On the run's page they are folded; on a unit's
    page its own is open, as its reports are (docs/trends.md: "its reports of every year, its trends, ...,
    all open")."""
    pages = tmp_path / "pages"
    run_page = tmp_path / "run.html"
    result = invoke(
        "check", "samples/2022", "samples/2023", "-f", "html", "-o", run_page, "--per-unit", pages
    )
    assert result.exit_code == 1, result.output

    def trends(page: str) -> list[str]:
        return re.findall(r'<details class="unit-trend"[^>]*>', page)

    folded = trends(run_page.read_text(encoding="utf-8"))
    assert len(folded) > 1 and not any(" open" in tag for tag in folded)
    dongan = (pages / "东安县.html").read_text(encoding="utf-8")
    assert trends(dongan) == ['<details class="unit-trend" id="trend-unit-0" open>']
    assert "<summary>东安县 · 历年趋势</summary>" in dongan
    reports = re.findall(r'<details class="report"[^>]*>', dongan)
    assert len(reports) == 2 and all(" open " in tag or tag.endswith(" open>") for tag in reports)


def test_a_unit_page_holds_the_unit_s_invalid_reports_with_their_problems(invoke, tmp_path: Path) -> None:
    """新田县's page read "2022–2023 年 · 1 个单位（2 份报表）· 0 无效报表", never a word of its 2024
    report and its problem: the page a county signs. It holds the report refused, with its problem at its
    line, the year among the page's, and the year in its trends."""
    bad = tmp_path / "2024" / "xintian.yaml"
    bad.parent.mkdir()
    text = (
        Path("samples/2023/xintian.yaml").read_text(encoding="utf-8").replace("year: 2023", "year: 2024", 1)
    )
    bad.write_text(text.replace("students: 1050", 'students: "1,050"', 1), encoding="utf-8")
    pages = tmp_path / "pages"
    args = ("samples/2022/xintian.yaml", "samples/2023/xintian.yaml", bad)
    result = invoke("check", *args, "-f", "html", "-o", tmp_path / "run.html", "--per-unit", pages)
    assert result.exit_code == 2, result.output
    page = (pages / "新田县.html").read_text(encoding="utf-8")
    assert '<p class="meta">2022–2024 年 · 3 份报表</p>' in page  # the one refused among them
    assert '<div class="card" data-key="invalid"' in page
    card = page.split('data-key="invalid"', 1)[1].split("</div>", 1)[0]
    assert '<span class="num">1</span>' in card
    invalid = page.split('<section id="invalid">', 1)[1].split("</section>", 1)[0]
    assert f"{bad}：1 个问题" in invalid
    assert f"{bad}:" in invalid and "schools[0].students: 数字中不要用千位分隔符：“1,050”" in invalid
    trend = page.split('<tr data-rule="c1.vocational-share">', 1)[1].split("</tr>", 1)[0]
    assert 'data-year="2024"><b class="problem" data-status="invalid">报表无效</b>' in trend


def test_a_unit_whose_every_report_is_invalid_has_its_page(invoke, tmp_path: Path) -> None:
    bad = tmp_path / "xintian.yaml"
    text = Path("samples/2023/xintian.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("students: 1050", 'students: "1,050"', 1), encoding="utf-8")
    pages = tmp_path / "pages"
    args = ("samples/2023/dongan.yaml", bad, "-f", "html", "-o", tmp_path / "run.html", "--per-unit", pages)
    assert invoke("check", *args).exit_code == 2
    assert sorted(path.name for path in pages.iterdir()) == ["东安县.html", "新田县.html"]
    page = (pages / "新田县.html").read_text(encoding="utf-8")
    assert "<title>新田县 · " in page and '<p class="meta">2023 年 · 1 份报表</p>' in page
    card = page.split('data-key="reports"', 1)[1].split("</div>", 1)[0]
    assert '<span class="num">1</span>' in card
    assert '<section id="invalid">' in page and "schools[0].students" in page
    assert '<section id="invalid">' not in (pages / "东安县.html").read_text(encoding="utf-8")


def _city_block(page: str) -> str:
    """The section of 市本级's page that lists the city-wide targets its report's ``city:`` block decides."""
    return page.split('<section id="city-block">', 1)[1].split("</section>", 1)[0]


def _row(section: str, rule: str) -> str:
    return section.split(f'<tr data-rule="{rule}"', 1)[1].split("</tr>", 1)[0]


# The rules of the built-in pack whose figure is read from the 市本级 report's city: block (targets.md)
CITY_BLOCK_RULES = [
    "c8.demonstration-parks",
    "c8.demonstration-enterprises",
    "c8.park-funding",
    "c9.vocational-groups",
    "c12.directed-teacher-training",
    "c13.talent-allowance",
    "c13.provincial-teams",
    "c13.talent-selection",
    "c13.talent-assessment",
    "c15.joint-meeting",
    "c15.county-evaluation",
    "c17.activity-week",
    "c17.incubation-center",
    "c17.discrimination-review",
]


def test_the_city_s_page_shows_the_city_wide_targets_its_city_block_decides(invoke, tmp_path: Path) -> None:
    """c8.park-funding fails on 市本级's own figures (a park given 0 at shibenji.yaml:523), yet no page a unit
    signs showed it: the city-wide results were left off every unit's page. 市本级's page now lists, after
    its own report, the city-wide results read from its city: block, each with its status in words, figures,
    arithmetic and line; a county's page shows none of them."""
    pages = tmp_path / "pages"
    result = invoke("check", "samples/2023", "-f", "html", "-o", tmp_path / "run.html", "--per-unit", pages)
    assert result.exit_code == 1, result.output
    page = (pages / "永州市本级.html").read_text(encoding="utf-8")
    assert page.index('<section id="reports">') < page.index('<section id="city-block">')
    assert page.index('<section id="city-block">') < page.index('<div class="signoff">')
    section = _city_block(page)
    assert section.startswith("<h2>本单位报表 city: 部分决定的全市性目标</h2>")
    assert "<h3>2023 年 · samples/2023/shibenji.yaml</h3>" in section
    assert re.findall(r'<tr data-rule="([^"]+)"', section) == CITY_BLOCK_RULES
    funding = _row(section, "c8.park-funding")
    assert 'data-status="fail">未达标</span>' in funding
    assert '<span class="whole">80.0%</span> / <span class="whole">≥ 100.0%</span>' in funding
    assert "4 / 5 项达标 = 80.0% &lt; 100.0%" in funding
    failed = "祁阳高新区数控技术产教融合示范园：资金支持（万元） 0 ≤ 0"  # the park given 0, at its line
    assert f"{failed} <code>samples/2023/shibenji.yaml:523</code>" in funding
    meeting = _row(section, "c15.joint-meeting")
    assert (
        'data-status="pass">达标</span>' in meeting
        and "<code>samples/2023/shibenji.yaml:506</code>" in meeting
    )
    # A city-wide figure summed over every unit's report is not 市本级's to sign for
    assert 'data-rule="c10.craftsman-students"' not in section
    for county in ("东安县.html", "冷水滩区.html"):
        other = (pages / county).read_text(encoding="utf-8")
        assert '<section id="city-block">' not in other and "c8.park-funding" not in other


def test_the_city_s_cards_count_the_city_wide_targets_its_city_block_decides(invoke, tmp_path: Path) -> None:
    """市本级's cards counted its own results only: "0 项目标未达标" above the c8.park-funding it decides not
    met. They now count those results too, the met card telling the two apart; a county's cards are as
    they were."""
    pages = tmp_path / "pages"
    args = ("samples/2023", "-f", "html", "-o", tmp_path / "run.html", "--per-unit", pages)
    assert invoke("check", *args).exit_code == 1
    city = _cards((pages / "永州市本级.html").read_text(encoding="utf-8"))
    assert city == {
        "reports": ("1", "份报表（2023 年）"),
        "invalid": ("0", "无效报表"),
        "met": ("23", "项目标达标（本单位 14 项、全市性目标 9 项，各年合计）"),
        "not-met": ("1", "项目标未达标或缺数据"),
        "watch": ("1", "项预警或落后于进度"),
        "pending": ("3", "项未到期"),
    }
    county = _cards((pages / "东安县.html").read_text(encoding="utf-8"))
    assert county["met"] == ("14", "项目标达标（本单位各年合计）") and county["not-met"][0] == "3"


def _cards(page: str) -> dict[str, tuple[str, str]]:
    """Each summary card of ``page``: its key, its figure and its label."""
    found = re.findall(
        r'data-key="([^"]+)"[^>]*><span class="num">([^<]*)</span><span class="lbl">([^<]*)</span>', page
    )
    return {key: (figure, label) for key, figure, label in found}


def test_the_city_s_page_lists_them_year_by_year_in_english(invoke, tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    args = ("samples/2022", "samples/2023", "--lang", "en", "-f", "html", "-o", tmp_path / "run.html")
    assert invoke("check", *args, "--per-unit", pages).exit_code == 1
    section = _city_block((pages / "永州市本级.html").read_text(encoding="utf-8"))
    assert section.startswith(
        "<h2>City-wide targets decided by the city: block of the unit&#x27;s report</h2>"
    )
    years = re.findall(r'<div class="city-block" data-year="(\d+)" data-file="([^"]+)">', section)
    assert years == [("2022", "samples/2022/shibenji.yaml"), ("2023", "samples/2023/shibenji.yaml")]
    latest = section.split('data-year="2023"', 1)[1]
    funding = _row(latest, "c8.park-funding")
    assert 'data-status="fail">not met</span>' in funding
    assert "<code>samples/2023/shibenji.yaml:523</code>" in funding


def test_a_pack_s_own_rule_over_the_city_block_is_on_the_city_s_page(invoke, tmp_path: Path) -> None:
    """Told by what the rule reads, not by a list of IDs: a rule a pack adds over city.* is listed, a
    city-wide rule it adds over the units' figures is not."""
    from factory import write_pack

    rules = (
        "rules:\n"
        "  - id: c90.enterprises-40\n"
        '    title: {zh: 示范性企业不少于40家, en: "At least 40 demonstration enterprises"}\n'
        "    clause: 90\n    quote: 示范性企业不少于40家\n    scope: city\n    kind: total\n"
        "    of: city.demonstration_enterprises\n"
        '    target: {op: ">=", value: 40}\n    time: {every_year: 2022}\n'
        "  - id: c90.craftsman-600\n"
        '    title: {zh: 每年培育学生不少于600名, en: "At least 600 craftsman students"}\n'
        "    clause: 90\n    quote: 每年培育学生不少于600名\n    scope: city\n    kind: total\n"
        "    of: craftsman_students\n"
        '    target: {op: ">=", value: 600}\n    time: {every_year: 2022}\n'
    )
    pack = write_pack(tmp_path / "pack", rules, policy="示范性企业不少于40家。每年培育学生不少于600名。")
    pages = tmp_path / "pages"
    args = ("samples/2023", "--rules", pack, "-f", "html", "-o", tmp_path / "run.html", "--per-unit", pages)
    assert invoke("check", *args).exit_code == 1
    section = _city_block((pages / "永州市本级.html").read_text(encoding="utf-8"))
    assert re.findall(r'<tr data-rule="([^"]+)"', section) == [*CITY_BLOCK_RULES, "c90.enterprises-40"]
    own = _row(section, "c90.enterprises-40")
    assert 'data-status="fail">未达标</span>' in own and "<code>samples/2023/shibenji.yaml:500</code>" in own


def test_an_output_where_a_merged_unit_s_page_goes_is_refused(invoke, tmp_path: Path) -> None:
    """金洞管理区, merged into 祁阳市 in 2023, has a page for its 2022 report: an ``-o`` naming that page was
    not checked against it (the pages guarded were the unit list's only), so the run's page was replaced by
    the unit's and the run exited 1."""
    pack = tmp_path / "pack"
    shutil.copytree("rules/yzf-2021-7", pack)
    units = pack / "units.yaml"
    text = units.read_text(encoding="utf-8").replace("  - {name: 金洞管理区, kind: management_area}\n", "")
    units.write_text(
        text + "merged:\n  - {name: 金洞管理区, kind: management_area, into: 祁阳市, year: 2023}\n"
    )
    pages = tmp_path / "per"
    page = pages / "金洞管理区.html"
    result = invoke("check", "--rules", pack, "samples/2022", "-f", "html", "--per-unit", pages, "-o", page)
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == (
        f"输出 {pages / '金洞管理区.html'} 正是 --per-unit {pages} 写单位页 金洞管理区.html 的文件，"
        "后写的会覆盖先写的：未做任何处理，请换一个输出文件名，或换一个 --per-unit 目录"
    )
    assert result.stdout == ""
    assert not pages.exists()
