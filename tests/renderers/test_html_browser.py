"""The HTML page in headless Chromium as a bureau uses it:
on a 375 px phone, printed to PDF, trends as in JSON.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import zlib
from pathlib import Path
from typing import Any

import pytest
from trends.multiyear import write_years

from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.renderers.page.per_unit import unit_pages
from zhijiao_check.status import Status

from .conftest import as_json, check, render
from .test_html import STATUS_WORDS, browse, console, parse

# The page runs in an iframe 375 px wide (headless windows are at least 500 px); the probe in the outer page
# measures it: the page's scroll width against its width, elements sticking out outside a scrolling card.
PROBE = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" style="width:375px;height:1500px;border:0" srcdoc="{page}"></iframe>
<script>f.addEventListener("load", () => {{
  const w = f.contentWindow, doc = f.contentDocument, root = doc.documentElement;
  const out = [...doc.querySelectorAll("body *")]
    .filter(e => e.getBoundingClientRect().right > root.clientWidth + 0.5 && !e.closest(".scroll"))
    .map(e => e.tagName + "." + e.className);
  const scrolling = [...doc.querySelectorAll(".scroll")]
    .filter(e => e.scrollWidth > e.clientWidth).length;
  const m = document.createElement("pre"); m.id = "measure";
  m.textContent = JSON.stringify({{
    scroll: root.scrollWidth, width: root.clientWidth, inner: w.innerWidth, out, scrolling,
  }});
  document.body.append(m);
}});</script></body></html>"""


@pytest.fixture(scope="module")
def three_years(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """2022–2024 for all 15 units: heat maps, trends with projections to 2025, a vanished school."""
    return check(write_years(tmp_path_factory.mktemp("years"), (2022, 2023, 2024)))


def measure(page_html: str, tmp_path: Path) -> dict[str, Any]:
    probe = tmp_path / "probe.html"
    probe.write_text(PROBE.format(page=html.escape(page_html, quote=True)), encoding="utf-8")
    shown = browse(probe, tmp_path, "--window-size=500,1600", "--dump-dom")
    assert shown.returncode == 0, shown.stderr[-2000:]
    found = re.search(r'<pre id="measure">(.*?)</pre>', shown.stdout)
    assert found, shown.stdout[-2000:]
    result: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return result


def test_the_probe_sees_a_page_too_wide(tmp_path: Path) -> None:
    wide = measure('<!DOCTYPE html><html><body><div style="width:600px">wide</div></body></html>', tmp_path)
    assert wide["inner"] == 375 and wide["scroll"] > wide["width"] and wide["out"]


def test_no_horizontal_page_scroll_at_375_px(three_years: Any, tmp_path: Path) -> None:
    for lang in ("zh", "en"):
        seen = measure(render("html", three_years, lang=lang), tmp_path)
        assert seen["inner"] == 375
        assert seen["scroll"] <= seen["width"], seen  # nothing scrolls the page sideways
        assert seen["out"] == []
        assert seen["scrolling"] >= 3  # the heat maps (15 rule columns) scroll inside their cards instead


# Each result's status word (its chip left out), figures and rule ID as the lines they are laid out on, at
# 390 px: a text's characters grouped by the top of the box each is drawn in.
LINES = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" style="width:390px;height:1500px;border:0" srcdoc="{page}"></iframe>
<script>f.addEventListener("load", () => {{
  const doc = f.contentDocument;
  const lines = e => {{
    const out = [], walker = doc.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    let top = null;
    for (let node; (node = walker.nextNode()); ) {{
      if (node.parentElement.closest(".chip")) continue;
      for (let i = 0; i < node.length; i++) {{
        const range = doc.createRange(); range.setStart(node, i); range.setEnd(node, i + 1);
        const box = range.getBoundingClientRect();
        if (!box.width) continue;
        if (top === null || box.top > top + 2) {{ out.push(""); top = box.top; }}
        out[out.length - 1] += node.data[i];
      }}
    }}
    return out;
  }};
  for (const d of doc.querySelectorAll("details")) d.open = true;
  const m = document.createElement("pre"); m.id = "measure";
  m.textContent = JSON.stringify({{
    statuses: [...doc.querySelectorAll("tr[data-status] > td:first-child")].map(lines),
    figures: [...doc.querySelectorAll("tr[data-status] > td.num")].map(lines),
    ids: [...doc.querySelectorAll("tr[data-rule] > td:nth-child(2) > b:first-child")].map(lines),
    // a status word running into the rule beside it (the phone's status column is 7.5em)
    overlaps: [...doc.querySelectorAll("tr[data-status] > td:first-child > .whole")]
      .filter(w => w.getBoundingClientRect().right
        > w.closest("tr").children[1].getBoundingClientRect().left + 0.5)
      .map(w => w.textContent),
  }});
  document.body.append(m);
}});</script></body></html>"""


def laid_out(page_html: str, tmp_path: Path) -> dict[str, list[list[str]]]:
    probe = tmp_path / "lines.html"
    probe.write_text(LINES.format(page=html.escape(page_html, quote=True)), encoding="utf-8")
    shown = browse(probe, tmp_path, "--window-size=500,1600", "--dump-dom")
    assert shown.returncode == 0, shown.stderr[-2000:]
    found = re.search(r'<pre id="measure">(.*?)</pre>', shown.stdout)
    assert found, shown.stdout[-2000:]
    result: dict[str, list[list[str]]] = json.loads(html.unescape(found.group(1)))
    return result


@pytest.mark.parametrize(
    ("lang", "words"), [("zh", {"达标", "未达标", "不适用"}), ("en", {"met", "not met", "not applicable"})]
)
def test_a_status_stays_whole_and_a_rule_id_breaks_after_a_dot_or_dash_at_390_px(
    tmp_path: Path, lang: Lang, words: set[str]
) -> None:
    """At 390 px a status word broke as not_applicabl|e and an ID as c1.vocati|onal-share (every cell breaks
    anywhere, for the long paths): a status and a figure are now on one line, an ID breaks after . or -.
    The status is in words (not applicable), beside the rule, not over it."""
    seen = laid_out(render("html", check("samples/2023"), lang=lang), tmp_path)
    statuses = seen["statuses"]
    assert {"".join(lines).strip() for lines in statuses} >= words
    assert all(len(lines) == 1 for lines in statuses), [x for x in statuses if len(x) > 1][:5]
    assert seen["overlaps"] == []
    # a figure whole too (41.0% / ≥ 45.0% broke as 41.0 | % / ≥ | 45.0 | %): broken at the slash if at all
    figures = seen["figures"]
    assert all(len(lines) == 1 or (len(lines) == 2 and lines[0].endswith("/")) for lines in figures), [
        x for x in figures if len(x) > 1 and not x[0].endswith("/")
    ][:5]
    ids = seen["ids"]
    assert len(ids) > 100 and any(len(lines) > 1 for lines in ids)  # some do break, and where they may
    assert all(line[-1] in ".-" for lines in ids for line in lines[:-1]), [x for x in ids if len(x) > 1]


def test_printed_statuses_and_rule_ids_are_whole(three_years: Any, tmp_path: Path) -> None:
    """Printed, the same: no status word split over two lines, an ID split only after . or -."""
    tr = Translator("zh")
    page = dict(unit_pages(three_years, tr))["东安县.html"]
    print_pdf(page, tmp_path, "dongan")
    text = "\n".join(pdf_text(tmp_path / "dongan.pdf"))
    lines = {line.strip() for line in text.splitlines()}
    words = [tr(f"render.short-status-{status}") for status in STATUS_WORDS]
    assert "不适用" in lines and "not_applicable" not in lines  # in words, as the workbook says it
    assert not {line for line in lines if any(w != line and w.startswith(line) for w in words)} - {""}
    rules = {r["rule"] for report in as_json(three_years)["reports"] for r in report["results"]}
    joined = re.sub(r"(?<=[.-])\n", "", text)
    anywhere = text.replace("\n", "")
    assert rules and {r for r in rules if r in anywhere} == {r for r in rules if r in joined} == rules


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def pdf_colours(pdf: bytes) -> set[tuple[float, float, float]]:
    """Every fill and stroke colour the pages paint (``r g b rg``/``RG`` in the content streams)."""
    found = set()
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            content = zlib.decompress(stream)
        except zlib.error:
            continue
        for r, g, b in re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) (?:rg|RG)\b", content):
            found.add((round(float(r), 2), round(float(g), 2), round(float(b), 2)))
    return found


def rgb(colour: str) -> tuple[float, float, float]:
    return tuple(round(int(colour[i : i + 2], 16) / 255, 2) for i in (1, 3, 5))  # type: ignore[return-value]


def print_pdf(page_html: str, tmp_path: Path, name: str) -> bytes:
    page = tmp_path / f"{name}.html"
    page.write_text(page_html, encoding="utf-8")
    pdf = tmp_path / f"{name}.pdf"
    printed = browse(page, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    assert printed.returncode == 0 and console(printed.stderr) == [], printed.stderr[-2000:]
    return pdf.read_bytes()


def test_printed_with_colours_a_page_per_unit_and_every_section_open(
    three_years: Any, tmp_path: Path
) -> None:
    page = render("html", three_years)
    pdf = print_pdf(page, tmp_path, "run")
    reports = len(as_json(three_years)["reports"])
    # Each unit's report starts a page; the summary, heat maps and trends come before them.
    assert pdf_pages(pdf) > reports
    colours = pdf_colours(pdf)
    for status in ("pass", "fail", "pending", "behind", "not_applicable"):
        # print-color-adjust: exact keeps the status colours
        assert rgb(Status(status).colour) in colours, status
    # Folded sections print open: the same page count as with every <details> opened by hand.
    opened = print_pdf(page.replace("<details ", "<details open "), tmp_path, "opened")
    assert pdf_pages(opened) == pdf_pages(pdf)
    assert "@page{size:A4" in page and "counter(page)" in page and "2022–2024 年" in page


def test_a_unit_page_prints_with_its_sign_off_block(three_years: Any, tmp_path: Path) -> None:
    pages = dict(unit_pages(three_years, Translator("zh")))
    assert len(pages) == 15 and "东安县.html" in pages
    dom = parse(pages["东安县.html"])
    assert [d.attrs["data-year"] for d in dom.all("details", class_="report")] == ["2022", "2023", "2024"]
    assert all("open" in d.attrs for d in dom.all("details", class_="report"))
    [trend] = dom.all("details", class_="unit-trend")  # its trends, open as its reports are
    assert "open" in trend.attrs
    assert [div.text() for div in dom.one("div", class_="signoff").all("div")] == [
        "填报单位（盖章）：",
        "审核人：",
        "日期：",
    ]
    assert {d.attrs["data-unit"] for d in dom.all("details", class_="report")} == {"东安县"}
    assert "东安县舜德职业学校" in dom.one("section", id="notes").text()  # the school gone in 2024
    pdf = print_pdf(pages["东安县.html"], tmp_path, "dongan")
    assert pdf_pages(pdf) >= 3 and rgb(Status.FAIL.colour) in pdf_colours(pdf)


def pdf_text(pdf: Path) -> list[str]:
    """Each printed page's text, read by poppler's pdftotext (the PDF's Chinese is glyph numbers)."""
    reader = shutil.which("pdftotext")
    if reader is None:
        pytest.skip("no pdftotext (Debian: apt-get install poppler-utils; .ci/run installs it)")
    shown = subprocess.run([reader, str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60)
    return shown.stdout.split("\f")[:-1]


def test_a_printed_heading_stays_with_what_follows_it(three_years: Any, tmp_path: Path) -> None:
    """The drill-down's heading (各单位明细, on a unit's page 本单位明细) was printed alone at the foot of a
    page, its first report forced onto the next (each report starts a page): the heading now starts that page,
    above the first report."""
    tr = Translator("zh")
    pages = dict(unit_pages(three_years, tr))
    for unit in ("东安县", "回龙圩管理区"):
        print_pdf(pages[f"{unit}.html"], tmp_path, unit)
        printed = pdf_text(tmp_path / f"{unit}.pdf")
        heading = tr("render.drilldown-one")
        [at] = [n for n, text in enumerate(printed) if heading in text.split("\n")]
        report = next(r for r in as_json(three_years)["reports"] if r["unit"] == unit)
        first = tr("render.report-title", unit=unit, kind=tr(f"render.kind-{report['kind']}"), year=2022)
        assert first in printed[at], (unit, printed[at][-300:])
        for text in printed:  # nor any other heading at the foot of a page
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            assert lines[-1] not in (heading, tr("render.trends-one")), (unit, lines[-3:])


def test_the_city_s_page_prints_the_city_wide_targets_its_city_block_decides(
    three_years: Any, tmp_path: Path
) -> None:
    """市本级's page holds, after its reports, the city-wide targets read from its city: block: on a phone
    nothing of them sticks out, and printed they are there with their lines, their heading never alone at the
    foot of a page, the sign-off block after them."""
    tr = Translator("zh")
    page = dict(unit_pages(three_years, tr))["永州市本级.html"]
    seen = measure(page, tmp_path)
    assert seen["scroll"] <= seen["width"] and seen["out"] == [], seen
    print_pdf(page, tmp_path, "city")
    printed = pdf_text(tmp_path / "city.pdf")
    heading = tr("render.city-block-title")
    [at] = [n for n, text in enumerate(printed) if heading in (line.strip() for line in text.split("\n"))]
    after = "\n".join(printed[at:])
    assert "c8.park-funding" in re.sub(r"(?<=[.-])\n", "", after)
    assert re.search(r"shibenji\.yaml:\d+", after)  # the lines of its city: block
    assert after.index(heading) < after.index(tr("render.signoff-unit"))
    for text in printed:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines[-1] != heading, lines[-3:]


def test_trend_charts_in_chromium_show_the_json_numbers(three_years: Any, tmp_path: Path) -> None:
    page = tmp_path / "run.html"
    page.write_text(render("html", three_years), encoding="utf-8")
    shown = browse(page, tmp_path, "--dump-dom")
    assert shown.returncode == 0 and console(shown.stderr) == [], shown.stderr[-2000:]
    dom = parse(shown.stdout)
    doc = as_json(three_years)
    charts = dom.one("section", id="trend-city").all("div", class_="chart")
    shown_trends = [
        t for t in doc["trends"]["city"] if any(y["status"] != "not_applicable" for y in t["years"])
    ]
    assert [c.attrs["data-rule"] for c in charts] == [t["rule"] for t in shown_trends]
    for chart, trend in zip(charts, shown_trends):
        p = trend["projection"]
        assert json.loads(chart.attrs["data-projected"]) == (p and p["projected"])
        assert json.loads(chart.attrs["data-meets-in"]) == (p and p["meets_in"])
        assert json.loads(chart.attrs["data-met-since"]) == (p and p["met_since"])
        assert json.loads(chart.attrs["data-on-track"]) == (p and p["on_track"])
        numeric = [
            y
            for y in trend["years"]
            if isinstance(y["observed"], (int, float)) and not isinstance(y["observed"], bool)
        ]
        points = chart.all("circle", class_="point")
        assert [(int(c.attrs["data-year"]), json.loads(c.attrs["data-observed"])) for c in points] == [
            (y["year"], float(y["observed"])) for y in numeric
        ]
        if p:
            assert (
                chart.all("line", class_="projection")
                and ("按期可达" if p["on_track"] else "按期难达") in chart.text()
            )
        if trend["linear"]:
            assert chart.all("polyline", class_="schedule")
    enterprises = next(c for c in charts if c.attrs["data-rule"] == "c8.demonstration-enterprises")
    # 8, 12, 15 in 2022–2024: x̄ = 1, ȳ = 35/3; Σ(x−x̄)(y−ȳ) = 11/3 + 10/3 = 7, Σ(x−x̄)² = 2: 3.5 a year,
    # 35/3 − 3.5 = 8.17 in 2022, 8.17 + 3 × 3.5 = 18.67 in 2025 < 30: off track; 8.17 + 3.5x ≥ 30 from x =
    # 6.24: 2029.
    assert json.loads(enterprises.attrs["data-projected"]) == pytest.approx(56 / 3)
    assert json.loads(enterprises.attrs["data-meets-in"]) == 2029
    assert (
        "2022–2024 年拟合：每年 +3.5，2025 年预计 18.7（目标 ≥ 30）；按当前速度，2029 年起达标"
        in enterprises.text()
    )


def test_charts_and_status_chips_have_names_in_the_pages_language(three_years: Any) -> None:
    """A chart was named by a number (4.5) or nothing, a chip by its English status on a Chinese page: a
    chart is named by what it draws, a chip by its status in the page's language."""
    dom = parse(render("html", three_years))
    charts = {
        c.attrs["data-rule"]: svg.attrs["aria-label"]
        for c in dom.one("section", id="trend-city").all("div", class_="chart")
        for svg in c.all("svg")  # none for a yes/no target
    }
    assert len(charts) > 5
    assert charts["c8.demonstration-enterprises"] == (
        "c8.demonstration-enterprises：2022–2024 年 8、12、15；目标 ≥ 30；2025 年预计 18.7，按期难达"
    )
    assert all(label.startswith(f"{rule}：2022–2024 年 ") for rule, label in charts.items())
    for lang, failed in (("zh", "未达标"), ("en", "not met")):
        page = parse(render("html", three_years, lang=lang))
        rows = [r for r in page.all("tr") if r.attrs.get("data-status") == "fail"]
        assert rows
        for row in rows:
            chip = row.all("b", class_="chip")[0]
            said = (chip.attrs["role"], chip.attrs["aria-label"], chip.attrs["title"])
            assert said == ("img", failed, failed)
        chips = page.all("b", class_="chip")
        assert not {c.attrs.get("title") for c in chips} & set(STATUS_WORDS)
        assert all("aria-label" in c.attrs or c.attrs.get("aria-hidden") == "true" for c in chips)
    english = parse(render("html", three_years, lang="en")).one("section", id="trend-city")
    label = english.one("div", class_="chart", data_rule="c8.demonstration-enterprises").one("svg")
    assert label.attrs["aria-label"] == (
        "c8.demonstration-enterprises: 2022–2024: 8, 12, 15; target ≥ 30; 18.7 projected for 2025, off track"
    )


def test_the_printed_city_wide_targets_read_as_lines_on_a_few_pages(tmp_path: Path) -> None:
    """The screen's three columns (300px 340px 1fr) were kept on A4: the arithmetic column was 15 px wide, a
    character a line, and each target a page, 179 pages for the samples (225 in English). Printed, a target's
    rule and bar now stand side by side and its arithmetic the page's width under them."""
    run = check("samples")
    for lang, most in (("zh", 100), ("en", 140)):
        pdf = print_pdf(render("html", run, lang=lang), tmp_path, f"samples-{lang}")
        assert pdf_pages(pdf) <= most, (lang, pdf_pages(pdf))
        lines = {
            line.strip() for page in pdf_text(tmp_path / f"samples-{lang}.pdf") for line in page.split("\n")
        }
        city = {c["year"]: c for c in as_json(run, lang)["city"]}
        [craftsmen] = [r for r in city[2022]["results"] if r["rule"] == "c10.craftsman-students"]
        if lang == "zh":
            assert craftsmen["explanation"] == "15 个单位湖湘工匠班培育学生合计 470 人 < 500 人"
        assert craftsmen["explanation"] in lines
        # every short city-wide arithmetic on a line of its own, none a character a line
        # (pdftotext sets "0 < 1" as "0<1": compared without spaces; in English it puts the Chinese names in
        # an explanation on lines of their own, so only those without are compared there)
        short = {
            r["explanation"].replace(" ", "")
            for c in city.values()
            for r in c["results"]
            if len(r["explanation"]) <= 40
            and (lang == "zh" or not re.search("[\u4e00-\u9fff]", r["explanation"]))
        }
        solid = {line.replace(" ", "") for line in lines}
        assert len(short) > 10 and short <= solid, sorted(short - solid)[:5]
