"""``--format html``: a self-contained page whose numbers are the JSON's,
checked as written and in Chromium.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from zhijiao_check.pack.load import load_packs

from .conftest import ROOT, as_json, check, render

VOID = {"meta", "br", "img", "input", "link", "hr", "area", "base", "col", "embed", "source", "track", "wbr"}
CONSOLE = re.compile(r"CONSOLE[:(]")
STATUS_WORDS = ("pass", "fail", "warn", "missing", "pending", "behind", "waived", "not_applicable")


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        """Descendants with this tag and these attributes (``class_`` matches one class)."""
        out = []
        for child in self.children:
            if isinstance(child, str):
                continue
            wanted = all(
                (v in child.attrs.get("class", "").split())
                if k == "class_"
                else child.attrs.get(k.replace("_", "-")) == v
                for k, v in attrs.items()
            )
            if (tag is None or child.tag == tag) and wanted:
                out.append(child)
            out.extend(child.all(tag, **attrs))
        return out

    def one(self, tag: str | None = None, **attrs: str) -> Node:
        [found] = self.all(tag, **attrs)
        return found


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def score(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def assert_numbers_match(dom: Node, doc: dict[str, Any]) -> None:
    """Every number the page shows, against the JSON output of the same run."""
    cards = {
        card.attrs["data-key"] + card.attrs.get("data-year", ""): card.one("span", class_="num").text()
        for card in dom.all("div", class_="card")
    }
    totals = dict.fromkeys(STATUS_WORDS, 0)
    for evaluation in (*doc["reports"], *doc["city"]):
        for result in evaluation["results"]:
            totals[result["status"]] += 1
    one = len({r["unit"] for r in doc["reports"]}) == 1 and not doc["city"]  # its reports, not "1 unit"
    assert cards == {
        **(
            {"reports": str(len(doc["reports"]))}
            if one
            else {"units": str(len({r["unit"] for r in doc["reports"]}))}
        ),
        "invalid": str(len(doc["invalid"])),
        "met": str(totals["pass"]),
        "not-met": str(totals["fail"] + totals["missing"]),
        "watch": str(totals["warn"] + totals["behind"]),
        "pending": str(totals["pending"]),
        **{f"city-score{city['year']}": score(city["score"]) for city in doc["city"]},
    }
    footer = dom.one("footer")
    assert footer.one("span", data_key="exit-code").attrs["data-value"] == str(doc["exit_code"])
    assert doc["tool"]["version"] in footer.text()
    details = dom.all("details", class_="report")
    assert len(details) == len(doc["reports"])
    for node, report in zip(details, doc["reports"]):
        assert (node.attrs["data-unit"], node.attrs["data-file"]) == (report["unit"], report["file"])
        assert node.one("span", class_="score").text() == score(report["score"])
        counts = {c.attrs["data-status"]: int(c.text()) for c in node.all("span", class_="count")}
        assert counts == {s: n for s, n in report["summary"].items() if n}
        rows = [r for r in node.all("tr") if "data-rule" in r.attrs]
        assert [(r.attrs["data-rule"], r.attrs["data-status"]) for r in rows] == [
            (r["rule"], r["status"]) for r in report["results"]
        ]
        for row, result in zip(rows, report["results"]):
            assert result["explanation"] in row.text() and result["quote"] in row.text()
    for city in doc["city"]:
        section = dom.one("section", data_year=str(city["year"]), class_="city")
        assert section.one("span", class_="score").text() == score(city["score"])
        counts = {c.attrs["data-status"]: int(c.text()) for c in section.all("span", class_="count")}
        assert counts == {s: n for s, n in city["summary"].items() if n}
        targets = section.all("div", class_="target")
        assert [(t.attrs["data-rule"], t.attrs["data-status"]) for t in targets] == [
            (r["rule"], r["status"]) for r in city["results"]
        ]
        assert [json.loads(t.attrs["data-observed"]) for t in targets] == [
            r["observed"] for r in city["results"]
        ]
        assert [json.loads(t.attrs["data-expected"]) for t in targets] == [
            r["expected"] for r in city["results"]
        ]
        for target, result in zip(targets, city["results"]):
            if result["expected"] is not None and result["status"] in ("pending", "behind"):
                assert target.all("line", class_="schedule"), result["rule"]
                assert "年线性进度" in target.text()
            assert "年到期" in target.text() or "每年判定" in target.text()
    by_year: dict[int, list[dict[str, Any]]] = {}
    for report in doc["reports"]:
        by_year.setdefault(report["year"], []).append(report)
    for year, reports in by_year.items():
        matrices = dom.all("section", class_="matrix", data_year=str(year))
        assert len(matrices) == (len(reports) > 1)
        for matrix in matrices:
            # a unit whose report was refused is listed unranked, without a score
            rows = [r for r in matrix.all("tr") if "data-unit" in r.attrs and "data-score" in r.attrs]
            scores = [float(r.attrs["data-score"]) for r in rows if r.attrs["data-score"] != "—"]
            assert scores == sorted(scores, reverse=True)
            for row in rows:
                report = next(r for r in reports if r["unit"] == row.attrs["data-unit"])
                assert row.attrs["data-score"] == score(report["score"])
                cells = [
                    (c.attrs["data-rule"], c.attrs["data-status"])
                    for c in row.all("td")
                    if "data-rule" in c.attrs
                ]
                assert cells == [(r["rule"], r["status"]) for r in report["results"]]
    assert len(dom.all("li", class_="problem")) == sum(len(bad["problems"]) for bad in doc["invalid"])


@pytest.fixture
def whole_run(invalid_report: Path) -> Any:
    """Two city-wide years (heat maps, progress bars), the failing samples and an invalid report."""
    return check("samples/2022", "samples/2023", invalid_report)


def test_page_numbers_are_the_json_numbers(whole_run: Any) -> None:
    html = render("html", whole_run)
    dom = parse(html)
    doc = as_json(whole_run)
    assert_numbers_match(dom, doc)
    data = dom.one("script", id="zhijiao-data")
    assert data.attrs["type"] == "application/json" and json.loads(data.text()) == doc


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_trend_dot_says_its_figure_as_the_page_shows_it(whole_run: Any, lang: str) -> None:
    """Hovering a dot of a share says ``2023: 58.0%``, as the figures under the chart do, not ``0.58``."""
    html = render("html", whole_run, lang=lang)
    charts = re.findall(r'<div class="chart" data-rule="([^"]+)".*?class="small figures">(.*?)</div>', html)
    assert len(charts) > 10
    shares = 0
    for rule, figures in charts:
        block = html[html.index(f'<div class="chart" data-rule="{rule}"') :]
        block = block[: block.index('class="small figures"')]
        said = {part.split(" ", 1)[0]: part for part in figures.split(" · ")}
        for year, figure in re.findall(r"<title>(\d{4}): ([^<]+)</title>", block):
            # the year's own target may follow its figure (``<span class="small">目标 &gt; 2045 人</span>``),
            # and a setback's mark (``<span class="setback" …>回落</span>``, docs/trends.md, "Setbacks")
            bare = re.sub(r' <span class="setback"[^>]*>[^<]*</span>$', "", said[year])
            shown = re.sub(r"<[^>]+>", "", re.sub(r' <span class="small">.*?</span>$', "", bare))
            assert shown.endswith(f" {figure}"), (rule, year, shown)
            shares += figure.endswith("%")
    assert shares > 5


def test_embedded_data_is_json_even_with_markup_in_a_name(edited: Any) -> None:
    """A school named with "<!--" and "</script>": the script element still ends where it should, and its text
    is JSON that JSON.parse (here json.loads, which is as strict) reads back."""
    report = edited(
        "samples/2023/dongan.yaml", ("name: 东安县职业中等专业学校", 'name: "东安县<!--职业</script>学校"')
    )
    run = check(report)
    html = render("html", run)
    start = html.index('<script type="application/json" id="zhijiao-data">') + len(
        '<script type="application/json" id="zhijiao-data">'
    )
    text = html[start : html.index("</script>", start)]
    assert "<" not in text and "\\u003c!--" in text
    assert json.loads(text) == as_json(run)


def test_heat_map_columns_carry_the_rules_short_labels(whole_run: Any) -> None:
    """In Chinese each rule's column is headed by its ``short`` label, the ID on hover (a rule without one
    was headed by its whole title, written top to bottom: 公办职业院校落实党委领导下的校长负责制, 19
    characters, made the header row that tall); in English by the ID, the title on hover."""
    shorts = {rule.id: rule.short for rule in load_packs([])[0].rules}
    for lang in ("zh", "en"):
        dom = parse(render("html", whole_run, lang))
        for matrix in dom.all("section", class_="matrix"):
            heads = matrix.all("th", class_="rule")
            assert {th.attrs["data-rule"] for th in heads} >= {
                "c14.principal-responsibility",
                "c1.vocational-share",
            }
            for th in heads:
                rule = th.attrs["data-rule"]
                if lang == "zh":
                    assert (th.one("span").text(), th.attrs["title"]) == (shorts[rule], rule)
                    assert len(th.one("span").text()) <= 8
                else:
                    assert th.one("span").text() == rule
    zh = parse(render("html", whole_run))
    heads = {th.attrs["data-rule"]: th.one("span").text() for th in zh.all("th", class_="rule")}
    assert heads["c14.principal-responsibility"] == "校长负责制"
    assert heads["c11.part-time-teacher-rules"] == "兼职教师聘任"


def test_page_is_self_contained(whole_run: Any) -> None:
    html = render("html", whole_run)
    page = html[: html.index('<script type="application/json"')]
    assert "<script" not in page and "http://" not in page and "https://" not in page
    assert "url(" not in page and "@import" not in page and "@font-face" not in page
    assert not re.search(r"\bsrc=", page)
    assert set(re.findall(r'href="([^"#]*)', page)) <= {""}  # links within the page only
    assert "default-src 'none'" in page and '<html lang="zh-CN">' in page and "<svg" in page
    assert "第 1 条" in page and "职普比例低于4.5:5.5的县市区不再增加普通高中招生计划" in page
    english = render("html", check("samples/2023"), lang="en")
    assert '<html lang="en">' in english and "City-wide · 2023 · 15/15 units" in english


def test_failing_samples_open_their_drilldown() -> None:
    run = check("examples/failing")
    dom = parse(render("html", run))
    assert all("open" in d.attrs for d in dom.all("details", class_="report"))
    assert_numbers_match(dom, as_json(run))
    item = "道县濂溪职业学校 · 电子商务：最近评估年份 2019"
    assert item in dom.text()


# In a real browser
# --------------------------------------------------------------------------------------------------

BROWSER_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
]


def chromium() -> str:
    for name in (
        os.environ.get("CHROMIUM", ""),
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ):
        if name and shutil.which(name):
            return str(shutil.which(name))
    pytest.skip("no Chromium binary (Debian: apt-get install chromium fonts-noto-cjk; .ci/run installs it)")


def browse(page: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    return subprocess.run(
        [chromium(), *BROWSER_FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def console(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if CONSOLE.search(line)]


def test_console_errors_are_seen(tmp_path: Path) -> None:
    """The check below would catch a broken page: a script error and a blocked external load are reported."""
    page = tmp_path / "broken.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src '
        "'none'\">"
        '<link rel="stylesheet" href="https://cdn.example.com/x.css"></head>'
        "<body><script>undefinedFunction()</script></body></html>",
        encoding="utf-8",
    )
    found = console(browse(page, tmp_path, "--dump-dom").stderr)
    assert any("example.com" in line for line in found) and len(found) >= 1


def test_page_in_chromium(whole_run: Any, tmp_path: Path) -> None:
    browser, fc_list = chromium(), shutil.which("fc-list")
    if fc_list:  # Chromium finds fonts through fontconfig
        fonts = subprocess.run([fc_list, ":lang=zh"], capture_output=True, text=True, check=False).stdout
        assert fonts.strip(), (
            f"no Chinese font for {browser}: Chinese would not render (apt-get install fonts-noto-cjk)"
        )
    page = tmp_path / "report.html"
    page.write_text(render("html", whole_run), encoding="utf-8")
    shown = browse(page, tmp_path, "--dump-dom")
    assert shown.returncode == 0, shown.stderr[-2000:]
    assert console(shown.stderr) == []
    dom = parse(shown.stdout)
    assert_numbers_match(dom, as_json(whole_run))
    build = ROOT / "build"
    build.mkdir(exist_ok=True)
    screenshot = build / "html-report.png"
    screenshot.unlink(missing_ok=True)
    taken = browse(
        page, tmp_path, f"--screenshot={screenshot}", "--window-size=1400,2000", "--hide-scrollbars"
    )
    assert taken.returncode == 0, taken.stderr[-2000:]
    assert console(taken.stderr) == []
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 20_000


def test_a_failed_city_wide_target_names_its_failing_items_and_their_places() -> None:
    """c8.park-funding fails in 2023 for one park: the city-wide section names it and its line, as the unit
    rows and the other views do, not only "4 / 5 项达标"; a target met shows where its data stands."""
    run = check("samples/2023")
    doc = as_json(run)
    [city] = doc["city"]
    funding = next(r for r in city["results"] if r["rule"] == "c8.park-funding")
    [failed] = [i for i in funding["items"] if i["status"] == "fail"]
    place = failed["locations"][0]
    section = parse(render("html", run)).one("section", id="city-2023")
    target = section.one("div", class_="target", data_rule="c8.park-funding")
    [item] = target.one("ul", class_="items").all("li")
    assert item.one("b", class_="chip").text() == "✗"
    assert f"{failed['name']}：{failed['explanation']}" in item.text()
    assert item.one("code").text() == f"{place['file']}:{place['line']}"
    seats = section.one("div", class_="target", data_rule="c1.public-seats")
    first = next(r for r in city["results"] if r["rule"] == "c1.public-seats")["locations"][0]
    assert f"{first['file']}:{first['line']}" in seats.one("code").text()


def test_a_page_of_one_unit_says_one_unit_in_either_language(tmp_path: Path) -> None:
    """A unit's page was headed 各单位明细 and 各单位历年趋势 ("each unit"), its card read "1 units
    (4 reports)"; an English quote read "clause 16：公办…", a Chinese colon after English."""
    from trends.multiyear import write_years

    from zhijiao_check.i18n import Translator
    from zhijiao_check.renderers.page.per_unit import unit_pages

    run = check(write_years(tmp_path, (2023, 2024)))
    for lang, headings, card in (
        ("zh", ["本单位历年趋势", "本单位明细"], "份报表（2023–2024 年）"),
        ("en", ["The unit's trends", "The unit's reports"], "reports (2023–2024)"),
    ):
        page = parse(dict(unit_pages(run, Translator(lang)))["东安县.html"])
        shown = [h.text() for h in page.all("h2")]
        assert [h for h in shown if h in headings] == headings, shown
        reports = page.one("div", class_="card", data_key="reports")
        assert (reports.one("span", class_="num").text(), reports.one("span", class_="lbl").text()) == (
            "2",
            card,
        )
    whole = parse(render("html", run, lang="en"))
    assert "Unit by unit" in [h.text() for h in whole.all("h2")]
    assert whole.one("div", class_="card", data_key="units").one("span", class_="lbl").text() == (
        "units (30 reports)"
    )
    one = parse(render("html", check("samples/2023/dongan.yaml"), lang="en"))
    label = one.one("div", class_="card", data_key="reports").one("span", class_="lbl").text()
    assert label == "report (2023)"
    quotes = [q.text() for q in one.one("section", id="reports").all("blockquote")]
    assert quotes and not [q for q in quotes if "：" in q.split(" ", 2)[1]]
    assert "clause 16: 公办中职学校生均拨款不低于10000元/年" in quotes


def test_the_status_column_says_each_status_in_the_pages_language() -> None:
    """The 状态 column showed the codes (pass, fail, not_applicable, pending) on a page a county signs: it
    shows the workbook's words (达标、未达标、不适用、未到期), in English on an English page; the code stays
    in data-status for styling and scripts."""
    run = check("samples/2022", "samples/2023")
    for lang, words in (
        ("zh", {"pass": "达标", "fail": "未达标", "not_applicable": "不适用", "pending": "未到期"}),
        (
            "en",
            {"pass": "met", "fail": "not met", "not_applicable": "not applicable", "pending": "not due yet"},
        ),
    ):
        rows = parse(render("html", run, lang=lang)).one("section", id="reports").all("tr")
        shown = {}
        for row in (r for r in rows if "data-status" in r.attrs):
            status = row.attrs["data-status"]
            word = row.all("td")[0].one("span", class_="whole")
            assert word.attrs["data-status"] == status
            shown.setdefault(status, set()).add(word.text())
        assert {s: w for s, w in shown.items() if s in words} == {s: {w} for s, w in words.items()}
        assert not {w for ws in shown.values() for w in ws} & set(STATUS_WORDS)


def test_the_cards_of_a_units_page_count_its_reports_and_the_dashboards_say_what_they_count(
    tmp_path: Path,
) -> None:
    """A county's page read "2022–2023 年 · 1 个单位", "1 个单位（2 份报表）", "项目标达标（各单位各年合计）";
    the dashboard's "404 项目标达标（各单位各年合计）" counted 374 units' results and 30 city-wide ones. A
    unit's page counts its reports over its years; the dashboard's card says how many of each it counts."""
    from zhijiao_check.i18n import Translator
    from zhijiao_check.renderers.page.per_unit import unit_pages

    run = check("samples/2022", "samples/2023")
    doc = as_json(run)
    passed = {
        kind: sum(r["summary"]["pass"] for r in doc[kind] if "pass" in r["summary"])
        for kind in ("reports", "city")
    }
    assert passed == {"reports": 374, "city": 30}

    def card(page: Node, key: str) -> tuple[str, str]:
        found = page.one("div", class_="card", data_key=key)
        return found.one("span", class_="num").text(), found.one("span", class_="lbl").text()

    for lang, subtitle, reports, met, whole in (
        (
            "zh",
            "2022–2023 年 · 2 份报表",
            "份报表（2022–2023 年）",
            "项目标达标（本单位各年合计）",
            "项目标达标（各单位 374 项、全市性目标 30 项，各年合计）",
        ),
        (
            "en",
            "2022–2023 · 2 reports",
            "reports (2022–2023)",
            "targets met (the unit's, all years)",
            "targets met (374 by the units, 30 city-wide; all years)",
        ),
    ):
        page = parse(dict(unit_pages(run, Translator(lang)))["东安县.html"])
        assert page.one("p", class_="meta").text() == subtitle
        assert card(page, "reports") == ("2", reports) and not page.all("div", data_key="units")
        dongan = sum(r["summary"].get("pass", 0) for r in doc["reports"] if r["unit"] == "东安县")
        assert card(page, "met") == (str(dongan), met)
        dashboard = parse(render("html", run, lang=lang))
        assert card(dashboard, "met") == ("404", whole)
        assert card(dashboard, "units")[0] == "15"
    # 市本级 alone: its own and the city-wide year's
    city = parse(render("html", check("samples/2023/shibenji.yaml")))
    assert card(city, "met")[1].startswith("项目标达标（本单位 ") and card(city, "units") == (
        "1",
        "个单位（1 份报表）",
    )
    # no city-wide year (no 市本级 report): each unit's, as before
    two = parse(render("html", check("samples/2023/dongan.yaml", "samples/2023/lanshan.yaml")))
    assert card(two, "met")[1] == "项目标达标（各单位各年合计）"
