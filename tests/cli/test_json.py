"""``--format json``: the stable shape of cli.md."""

from __future__ import annotations

import json

import pytest
from factory import SAMPLES, builtin_packs
from typer.testing import CliRunner

from zhijiao_check import __version__
from zhijiao_check.cli import app

STATUSES = {"pass", "fail", "warn", "missing", "pending", "behind", "waived", "not_applicable"}


@pytest.fixture(scope="module")
def document():
    """The 2023 samples (15 units and the city) as JSON."""
    result = CliRunner().invoke(app, ["check", str(SAMPLES / "2023"), "--format", "json"])
    assert result.exit_code == 1
    return json.loads(result.stdout)


def test_tool_and_rule_pack(document):
    assert document["tool"] == {"name": "zhijiao-check", "version": __version__}
    assert document["rule_pack"] == {"id": "yzf-2021-7", "document": "永政发〔2021〕7号"}


def test_exit_code_is_in_the_document(document):
    assert document["exit_code"] == 1


def test_each_report_has_file_unit_kind_year_score_summary_results(document):
    assert len(document["reports"]) == 15
    for report in document["reports"]:
        assert {"file", "unit", "kind", "year", "score", "summary", "results"} <= set(report)
        assert set(report["summary"]) == STATUSES
        assert sum(report["summary"].values()) == len(report["results"])


def test_a_result_has_every_field_of_cli_md(document):
    jiangyong = next(r for r in document["reports"] if r["unit"] == "江永县")
    share = next(r for r in jiangyong["results"] if r["rule"] == "c1.vocational-share")
    assert share["status"] == "fail"
    assert share["observed"] == pytest.approx(0.41, abs=0.0005)
    assert share["target"] == {"op": ">=", "value": 0.45}
    assert share["unit"] == "ratio"
    assert share["explanation"].endswith("= 41.0% < 45.0%")
    assert share["clause"] == 1
    assert share["quote"] == "职普比例低于4.5:5.5的县市区不再增加普通高中招生计划"
    assert share["items"] == []
    [first, *_] = share["locations"]
    assert first["file"].endswith("jiangyong.yaml") and isinstance(first["line"], int)


def test_school_items_have_name_school_status_observed_locations(document):
    dongan = next(r for r in document["reports"] if r["unit"] == "东安县")
    funding = next(r for r in dongan["results"] if r["rule"] == "c16.secondary-funding")
    failing = [i for i in funding["items"] if i["status"] == "fail"]
    assert [(i["name"], i["school"], i["observed"]) for i in failing] == [
        ("东安县职业中等专业学校", "东安县职业中等专业学校", 9200)
    ]
    [location] = failing[0]["locations"]
    assert {"file", "line"} <= set(location)


def test_results_are_in_catalogue_order_with_not_applicable_ones(document):
    order = [r.id for r in builtin_packs()[0].rules]
    for report in document["reports"]:
        ids = [r["rule"] for r in report["results"]]
        assert ids == sorted(ids, key=order.index)
    dongan = next(r for r in document["reports"] if r["unit"] == "东安县")
    assert any(r["status"] == "not_applicable" for r in dongan["results"])


def test_city_has_year_units_present_and_missing_and_results(document):
    [city] = document["city"]
    assert city["year"] == 2023
    assert len(city["units_present"]) == 15
    assert city["units_missing"] == []
    assert {"score", "summary", "results"} <= set(city)
    assert len(city["results"]) == 34


def test_statuses_are_the_seven_of_cli_md(document):
    statuses = {r["status"] for e in [*document["reports"], *document["city"]] for r in e["results"]}
    assert statuses <= STATUSES


def test_reports_are_ranked_by_score_year_by_year():
    """cli.md: reports are ranked by score in multi-report output; ties keep the unit list's order."""
    result = CliRunner().invoke(
        app, ["check", str(SAMPLES / "2023"), str(SAMPLES / "2022"), "--format", "json"]
    )
    reports = json.loads(result.stdout)["reports"]
    assert [r["year"] for r in reports] == [2022] * 15 + [2023] * 15
    for year in (2022, 2023):
        ranked = [r for r in reports if r["year"] == year]
        scores = [r["score"] for r in ranked if r["score"] is not None]
        assert scores == sorted(scores, reverse=True)
        assert [r["rank"] for r in ranked][-2:] == [None, None]  # the management areas: no due rule, no score
    top = [(r["unit"], r["rank"]) for r in reports if r["year"] == 2023][:2]
    assert top == [("零陵区", 1), ("冷水滩区", 1)]
    ranks = {r["unit"]: r["rank"] for r in reports if r["year"] == 2023}
    assert ranks["东安县"] > ranks["零陵区"] and ranks["回龙圩管理区"] is None


def test_whole_numbers_are_integers(document):
    """25000, not 25000.0: counts, sums of 元 and targets read as they were written."""
    city = {r["rule"]: r for r in document["city"][0]["results"]}
    assert city["c1.public-seats"]["observed"] == 25300 and isinstance(
        city["c1.public-seats"]["observed"], int
    )
    assert city["c1.public-seats"]["target"] == {"op": ">=", "value": 25000}
    dongan = next(r for r in document["reports"] if r["unit"] == "东安县")
    [school] = [i for r in dongan["results"] if r["rule"] == "c16.secondary-funding" for i in r["items"]]
    assert (school["observed"], school["target"]) == (9200, {"op": ">=", "value": 10000})
    floats = [
        v
        for r in document["city"][0]["results"]
        for v in (r["observed"], r["target"]["value"])
        if isinstance(v, float)
    ]
    assert all(not v.is_integer() for v in floats), floats
