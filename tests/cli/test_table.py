"""The table output: 100 columns with Chinese text, the city-wide section, units missing named."""

from __future__ import annotations

import pytest
from factory import SAMPLES, invoke
from rich.cells import cell_len


def too_wide(text: str) -> list[tuple[int, str]]:
    return [(cell_len(line), line) for line in text.splitlines() if cell_len(line) > 100]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_line_of_the_rule_tables_fits_100_columns(invoke, lang):
    result = invoke("check", "samples/2023/", "samples/2022/", "--lang", lang)
    assert len(result.stdout.splitlines()) > 500
    assert too_wide(result.stdout) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_line_of_the_failing_samples_fits_100_columns(invoke, lang):
    result = invoke("check", "examples/failing/", "--lang", lang)
    assert too_wide(result.stdout) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_problem_lines_of_an_invalid_report_fit_100_columns(invoke, lang):
    # examples/failing/daoxian-2023-majors.yaml is a second 2023 report of 道县: refused, with a long message
    result = invoke(
        "check", "samples/2023/daoxian.yaml", "examples/failing/daoxian-2023-majors.yaml", "--lang", lang
    )
    assert result.exit_code == 2
    assert too_wide(result.stdout) == []


def test_the_city_wide_section_is_there_with_the_city_report(invoke):
    result = invoke("check", "samples/2023/")
    assert "全市 · 2023 年 · 15/15 个单位" in result.stdout
    assert "c1.public-seats" in result.stdout
    assert "未评估" not in result.stdout


def test_without_the_city_report_one_line_says_city_wide_targets_were_not_evaluated(invoke):
    result = invoke("check", "samples/2023/dongan.yaml")
    assert "全市 ·" not in result.stdout
    assert "c1.public-seats" not in result.stdout
    notice = [line for line in result.stdout.splitlines() if "全市性指标未评估" in line]
    assert notice == ["2023 年全市性指标未评估：输入中没有有效的永州市本级报表"]


def test_the_notice_in_english(invoke):
    result = invoke("check", "samples/2023/dongan.yaml", "--lang", "en")
    assert (
        "city-wide targets for 2023 not evaluated: no valid 永州市本级 report among the inputs"
        in result.stdout
    )


def test_units_missing_from_the_city_wide_section_are_named(invoke, invoke_json):
    result = invoke("check", "samples/2023/shibenji.yaml", "samples/2023/dongan.yaml")
    text = "".join(result.stdout.splitlines())
    assert "全市 · 2023 年 · 2/15 个单位" in text
    for unit in ("零陵区", "冷水滩区", "江华瑶族自治县", "回龙圩管理区", "金洞管理区", "永州经济技术开发区"):
        assert unit in text
    _, document = invoke_json("samples/2023/shibenji.yaml", "samples/2023/dongan.yaml")
    [city] = document["city"]
    assert city["units_present"] == ["东安县", "永州市本级"]
    assert len(city["units_missing"]) == 13


def column(text: str, header: str) -> str:
    """The text of one table column (from its header's place to the line's end), lines joined,
    blanks removed.
    """
    lines = text.splitlines()
    head = next(line for line in lines if header in line)
    start = cell_len(head[: head.index(header)])
    parts = []
    for line in lines:
        width = 0
        for index, char in enumerate(line):
            if width >= start:
                parts.append(line[index:])
                break
            width += cell_len(char)
    return "".join("".join(parts).split())


def test_failing_schools_are_named_in_the_table(invoke):
    explanations = column(invoke("check", "samples/2023/dongan.yaml").stdout, "计算与说明")
    assert "✗fail东安县职业中等专业学校：生均拨款9200<10000" in explanations
    assert "✗fail东安县舜德职业学校·汽车运用与维修：当年招生165≥上年招生150" in explanations


def test_no_report_is_held_while_the_views_lay_the_run_out(invoke, monkeypatch):
    """The reports' data and places are read by nothing past scoring: a large table run held them all to
    the end, a sixth of its peak."""
    import gc

    from zhijiao_check.commands import check
    from zhijiao_check.report import ReportFile

    alive = []
    write_outputs = check.write_outputs

    def counting(run, *args, **kwargs):
        alive.append(sum(isinstance(o, ReportFile) for o in gc.get_objects()))
        return write_outputs(run, *args, **kwargs)

    monkeypatch.setattr(check, "write_outputs", counting)
    result = invoke("check", "samples/2023/", "--previous", "samples/2022/")
    assert result.exit_code == 1, result.output
    assert "冷水滩区" in result.stdout
    assert alive == [0]


@pytest.mark.parametrize("columns", ["1", "2", "4"])
def test_a_width_narrower_than_the_indent_of_the_failed_results_is_no_internal_error(columns: str) -> None:
    """``COLUMNS=1 zhijiao-check check report.yaml > out.txt`` ended as an internal error, exit 3 (``not
    enough
    values to unpack``): the failed results named again above the exit status were laid out 4 columns in,
    within a width of 1, in no line at all. The run exits 1 as at any width, each failed result named."""
    result = invoke("check", SAMPLES / "2023" / "jiangyong.yaml", "--lang", "en", env={"COLUMNS": columns})
    assert result.exit_code == 1
    assert "c1.vocational-share" in result.stdout.replace("\n", "")
