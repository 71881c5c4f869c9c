"""A target computed each year (``year_plus``: c13.talent-selection, "selected in the statistical year − 1
or later"; ``compare_to``: c16.new-funding-tilt) has no number of its own: its trend says none, in JSON and
in every view, where the rule file's default (1) used to show as ``目标 ≥ 1``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from zhijiao_check.engine.trend import project
from zhijiao_check.kinds import computed_target
from zhijiao_check.pack.load import load_packs

from .conftest import city_trend, invoke, unit_trend
from .test_projection import _point

RULES = {rule.id: rule for rule in load_packs([])[0].rules}
SELECTION = "c13.talent-selection"


def test_the_computed_targets_of_the_pack() -> None:
    assert sorted(rule.id for rule in RULES.values() if computed_target(rule)) == [
        "c1.general-plan-freeze",  # next year's plan ≤ this year's
        "c13.talent-selection",  # ≥ the year − 1
        "c16.new-funding-tilt",  # ≥ the share of the new education funding
        "c3.pathway-growth",  # > last year's
    ]


def test_a_year_plus_trend_has_no_target_number_but_each_years(four_doc: dict[str, Any]) -> None:
    trend = city_trend(four_doc, SELECTION)
    assert trend["target"] == {"op": ">=", "value": None}
    # talent_selected_in 2022 throughout: the year − 1 is met in 2022 and 2023, not in 2024.
    assert [(y["year"], y["observed"], y["status"], y["target"]) for y in trend["years"]] == [
        (2021, None, "not_applicable", None),
        (2022, 2022, "pass", 2021),
        (2023, 2022, "pass", 2022),
        (2024, 2022, "fail", 2023),
    ]
    assert (trend["projection"], trend["no_projection"]) == (None, "no-due")
    # The trend and each year's result say the same of the target.
    results = {(city["year"], r["rule"]): r["target"] for city in four_doc["city"] for r in city["results"]}
    assert [results[(y, SELECTION)] for y in (2022, 2023, 2024)] == [
        {"op": ">=", "value": 2021},
        {"op": ">=", "value": 2022},
        {"op": ">=", "value": 2023},
    ]
    growth = city_trend(four_doc, "c3.pathway-growth")  # compare_to: > last year's enrollment
    assert growth["target"] == {"op": ">", "value": None}
    assert [y["target"] for y in growth["years"]][1:] == [1800, 2045, 2300]
    tilt = unit_trend(four_doc, "东安县", "c16.new-funding-tilt")
    assert tilt["target"] == {"op": ">=", "value": None}


def test_a_computed_target_is_not_projected_even_with_a_due_year() -> None:
    """The one test the projection asks too: a year_plus rule given a due year is still not projected."""
    import dataclasses

    from zhijiao_check.vocabulary import Time

    due = dataclasses.replace(RULES[SELECTION], time=Time(due=2025))
    assert project(due, [_point(2022, 2021), _point(2023, 2022)]) == (None, "target-not-fixed")


def _rule_block(table: str, rule: str) -> list[str]:
    """The lines of ``rule``'s row in the table's trends: its ID's line to the next rule's."""
    lines = table.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(rule + " "))
    end = next(i for i in range(start + 1, len(lines)) if lines[i][:1] == "c" and lines[i][1:2].isdigit())
    return lines[start:end]


def test_the_views_show_each_year_s_own_target_and_none_of_the_rule(four_years: Path) -> None:
    """No target of the rule's own (the pack's default 1 used to show as ``目标 ≥ 1``), but each year's beside
    its figure: ``✓ 2022  ✓ 2022  ✗ 2022`` with an empty target read as the same value met, then not."""
    table = invoke("check", four_years, "--no-color").stdout
    block = _rule_block(table, SELECTION)
    assert "✓ 2022" in block[0] and "✗ 2022" in block[0]
    assert block[1].split()[-3:] == ["目标", "≥", "2023"] and block[1].count("目标 ≥") == 3
    assert "目标 ≥ 2021" in block[1] and "目标 ≥ 2022" in block[1]
    assert not any(line.lstrip().startswith("目标") for line in block[2:]), block
    # a fixed target still shows, the row before it, and no year's of its own
    teams = _rule_block(table, "c13.provincial-teams")
    assert any(line.startswith("目标 ≥ 30") for line in teams)
    assert sum(line.count("目标") for line in teams) == 1

    markdown = invoke("check", four_years, "--format", "markdown", "--lang", "en").stdout
    [row] = [line for line in markdown.splitlines() if line.startswith(f"|`{SELECTION}`")]
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    # rule, 2021–2024, target, projection or verdict
    assert cells[1:] == [
        "➖ —",
        "✅ 2022<br>target ≥ 2021",
        "✅ 2022<br>target ≥ 2022",
        "❌ 2022<br>target ≥ 2023",
        "",
        # judged each year: the years' own answer (2021 did not apply), not why there is no projection
        "met in 2 of 3 years; not met in 2024 (2022; target ≥ 2023)",  # the year's own target
    ]

    page = invoke("check", four_years, "--format", "html").stdout
    chart = page.split(f'<div class="chart" data-rule="{SELECTION}"', 1)[1].split('<div class="chart"', 1)[0]
    assert 'class="goal"' not in chart
    assert "3 年中 2 年达标；2024 年未达标（2022，目标 ≥ 2023）" in chart and "目标 = " not in chart
    figures = chart.split('class="small figures">', 1)[1].split("</div>", 1)[0]
    assert [part.split("</b> ", 1)[1] for part in figures.split(" · ")[1:]] == [
        '2022 <span class="small">目标 ≥ 2021</span>',
        '2022 <span class="small">目标 ≥ 2022</span>',
        '2022 <span class="small">目标 ≥ 2023</span>',
    ]
    doc = json.loads(invoke("check", four_years, "--format", "json").stdout)
    assert city_trend(doc, SELECTION)["target"]["value"] is None


def test_a_share_computed_each_year_shows_it_to_the_places_that_tell_it_apart(
    four_doc: dict[str, Any], four_years: Path
) -> None:
    """东安县's c16.new-funding-tilt: the share of new funding against the share of the education funding that
    year. In each view, each year's target beside the figure, in as many places as tell them apart."""
    tilt = unit_trend(four_doc, "东安县", "c16.new-funding-tilt")
    targets = [y["target"] for y in tilt["years"][1:]]
    shown = [f"target ≥ {t * 100:.1f}%" for t in targets]
    markdown = invoke("check", four_years, "--format", "markdown", "--lang", "en").stdout
    dongan = markdown.split("📈 东安县 · trend by year", 1)[1].split("</details>", 1)[0]
    [row] = [line for line in dongan.splitlines() if line.startswith("|`c16.new-funding-tilt`")]
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert [cell.split("<br>")[1] for cell in cells[2:5]] == shown
    page = invoke("check", four_years, "--format", "html", "--lang", "en").stdout
    unit = page.split("<summary>东安县 · trend by year</summary>", 1)[1].split("</details>", 1)[0]
    row = unit.split('<tr data-rule="c16.new-funding-tilt">', 1)[1].split("</tr>", 1)[0]
    assert [f'<span class="small">{text}</span>' in row for text in shown] == [True] * 3


def test_explain_says_what_the_target_is_computed_from() -> None:
    explained = json.loads(invoke("explain", SELECTION, "--format", "json").stdout)
    assert explained["target"] == {"op": ">=", "year_plus": -1}
    tilt = json.loads(invoke("explain", "c16.new-funding-tilt", "--format", "json").stdout)
    assert tilt["target"] == {"op": ">=", "compare_to": "funding.vocational_total / funding.education_total"}


def test_the_stated_target_of_each_rule_of_the_pack() -> None:
    """``kinds.stated_target``: a computed target has no value of its own, a flag's is true, any other's is
    its rule file's."""
    from zhijiao_check.kinds import stated_target

    for rule in RULES.values():
        op, value = stated_target(rule)
        if rule.kind == "flag":
            assert (op, value) == ("==", True), rule.id
        elif computed_target(rule):
            assert (op, value) == (rule.target.op, None), rule.id
        else:
            assert (op, value) == (rule.target.op, rule.target.value) and value is not None, rule.id


def test_years_not_met_against_their_own_targets_are_told_apart(tmp_path: Path) -> None:
    """Two years not met, each against its own target, were joined by 、 though each held a comma:
    ``2024、2025 年未达标（2022，目标 ≥ 2023、2022，目标 ≥ 2024）`` read as four figures. Each is said
    with its year, the years apart by ；."""
    city = (Path(__file__).parents[2] / "samples" / "2023" / "shibenji.yaml").read_text(encoding="utf-8")
    for year in (2023, 2024, 2025):
        (tmp_path / str(year)).mkdir()
        changed = city.replace("\nyear: 2023\n", f"\nyear: {year}\n", 1)
        assert f"year: {year}" in changed
        (tmp_path / str(year) / "shibenji.yaml").write_text(changed, encoding="utf-8")
    said = {
        lang: "".join(
            invoke("check", tmp_path, "--select", SELECTION, "--no-color", "--lang", lang).stdout.split()
        )
        for lang in ("zh", "en")
    }
    assert "3年中1年达标；2024、2025年未达标（2024年2022，目标≥2023；2025年2022，目标≥2024）" in said["zh"]
    assert "notmetin2024,2025(2024:2022,target≥2023;2025:2022,target≥2024)" in said["en"]
