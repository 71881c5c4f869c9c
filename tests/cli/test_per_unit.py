"""``check --format html --per-unit DIR``: one printable page per unit in DIR, besides the run's own page;
refused before anything is written when it cannot be done."""

from __future__ import annotations

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
