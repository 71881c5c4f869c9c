"""``check --format html --per-unit DIR``: one printable page per unit in DIR, besides the run's own page;
refused before anything is written when it cannot be done."""

from __future__ import annotations

import re
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
