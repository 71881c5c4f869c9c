"""``--format junit``: valid against the Ant/Jenkins schema,
and counted per suite as GitLab and Jenkins count.
"""

from __future__ import annotations

import copy
import gc
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import xmlschema
from hypothesis import given
from hypothesis import strategies as st

from zhijiao_check.pack.load import load_packs
from zhijiao_check.renderers.junit import _indent

from .conftest import FAILING_STATUSES, ROOT, as_json, check, evaluations, line_of, render, schema


@pytest.fixture(scope="module")
def junit_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(schema("junit.xsd")))


def suites(xml: str) -> list[ET.Element]:
    root = ET.fromstring(xml)
    assert root.tag == "testsuites"
    return root.findall("testsuite")


def counted(suite: ET.Element, tag: str) -> int:
    return sum(1 for case in suite.findall("testcase") if case.find(tag) is not None)


def assert_suites_match(xml: str, doc: dict[str, Any], failing: set[str], city: str = "全市") -> None:
    """One suite per invalid report, then per report and city-wide year; each rule a case; counts agree."""
    found = suites(xml)
    assert len(found) == len(doc["invalid"]) + len(doc["reports"]) + len(doc["city"])
    for suite, bad in zip(found, doc["invalid"]):
        assert bad["file"] in suite.get("name", "")
        assert counted(suite, "error") == int(suite.get("errors", "")) == len(bad["problems"]) > 0
        assert suite.get("failures") == "0"
    for suite, evaluation in zip(found[len(doc["invalid"]) :], evaluations(doc)):
        results = evaluation["results"]
        unit = evaluation.get("unit", city)
        assert f"{unit} {evaluation['year']}" in suite.get("name", "")
        cases = suite.findall("testcase")
        assert [c.get("name", "") for c in cases] == [
            f"{r['rule']} {unit} {evaluation['year']}" for r in results
        ]
        assert {c.get("classname") for c in cases} <= {unit}
        failures = [r for r in results if r["status"] in failing]
        skipped = [
            r for r in results if r["status"] in {"pending", "behind", "waived", "not_applicable"} - failing
        ]
        assert int(suite.get("tests", "")) == len(results)
        assert counted(suite, "failure") == int(suite.get("failures", "")) == len(failures)
        assert counted(suite, "skipped") == int(suite.get("skipped", "")) == len(skipped)
        assert suite.get("errors") == "0"
        for case, result in zip(cases, results):
            failure = case.find("failure")
            if failure is None:
                continue
            assert failure.get("type") == result["status"]
            text = failure.text or ""
            assert result["explanation"] in failure.get("message", "") and result["explanation"] in text
            place = next((i for i in result["items"] if i["status"] != "pass"), result)
            if place["locations"]:
                first = place["locations"][0]
                assert f"{first['file']}:{first['line']}" in failure.get("message", "")


@pytest.mark.parametrize("strict", [False, True])
def test_samples_validate_and_count(junit_schema: xmlschema.XMLSchema, strict: bool) -> None:
    run = check("samples/2022", "samples/2023", "examples/failing", strict=strict)
    xml = render("junit", run)
    junit_schema.validate(xml)
    failing = FAILING_STATUSES | ({"warn", "behind"} if strict else set())
    assert_suites_match(xml, as_json(run), failing)


def test_every_status_and_an_invalid_report(
    junit_schema: xmlschema.XMLSchema,
    every_status: tuple[Path, ...],
    invalid_report: Path,
) -> None:
    *paths, pack = every_status
    for strict in (False, True):
        run = check(*paths, invalid_report, rules=[pack], strict=strict)
        doc = as_json(run, "en")
        statuses = {r["status"] for e in evaluations(doc) for r in e["results"]}
        assert statuses == {"pass", "fail", "warn", "missing", "pending", "behind", "not_applicable"}
        xml = render("junit", run, lang="en")
        junit_schema.validate(xml)
        failing = FAILING_STATUSES | ({"warn", "behind"} if strict else set())
        assert_suites_match(xml, as_json(run, "en"), failing)


def test_test_names_are_the_same_in_both_languages(junit_schema: xmlschema.XMLSchema) -> None:
    """CI keeps a test's history by its name: a team that switches --lang must not lose it."""
    names = {}
    for lang in ("zh", "en"):
        xml = render("junit", check("samples/2022"), lang=lang)
        junit_schema.validate(xml)
        names[lang] = [
            (c.get("classname"), c.get("name")) for s in suites(xml) for c in s.findall("testcase")
        ]
    assert names["zh"] == names["en"]
    assert ("全市", "c10.craftsman-students 全市 2022") in names["en"]
    assert ("宁远县", "c2.school-standards 宁远县 2022") in names["en"]


def test_behind_is_visible_as_skipped_unless_strict() -> None:
    [rule] = [r for p in load_packs([]) for r in p.rules if r.id == "c8.demonstration-enterprises"]
    TITLE_EN = rule.title.en
    for strict, tag in ((False, "skipped"), (True, "failure")):
        found = suites(render("junit", check("samples/2022", strict=strict), lang="en"))
        [case] = [
            c
            for s in found
            for c in s.findall("testcase")
            if c.get("name") == "c8.demonstration-enterprises 全市 2022"
        ]
        shown = case.find(tag)
        assert shown is not None
        assert shown.get("message", "").endswith(f"({TITLE_EN})")  # the translated title


def test_failure_names_the_data_line(edited: Any) -> None:
    """A target failed by one figure: the failure points at that figure's line in the YAML."""
    report = edited(
        "samples/2023/lengshuitan.yaml",
        ("appropriation_per_student: 11200", "appropriation_per_student: 8000"),
    )
    run = check(report)
    found = suites(render("junit", run))
    case = next(
        c for c in found[0].findall("testcase") if c.get("name", "") == "c16.secondary-funding 冷水滩区 2023"
    )
    failure = case.find("failure")
    assert failure is not None
    line = line_of(report, "appropriation_per_student: 8000")
    assert failure.get("message", "").startswith(f"{report}:{line}: ")
    assert "8000 < 10000" in (failure.text or "")
    assert found[0].get("failures") == "1"


def test_invalid_report_is_a_suite_of_errors(junit_schema: xmlschema.XMLSchema, invalid_report: Path) -> None:
    run = check(invalid_report)
    xml = render("junit", run)
    junit_schema.validate(xml)
    [suite] = suites(xml)
    errors = [case.find("error") for case in suite.findall("testcase")]
    problems = as_json(run)["invalid"][0]["problems"]
    assert [e.get("type") for e in errors if e is not None] == [p["code"] for p in problems]
    assert all(
        f"{p['file']}:{p['line']}" in (e.get("message") or "")
        for p, e in zip(problems, errors)
        if e is not None
    )


def test_text_the_schema_cannot_hold_is_replaced(junit_schema: xmlschema.XMLSchema, edited: Any) -> None:
    """A control character in a file name (a report's own text may not hold one), double spaces in a token:
    still valid XML and a valid ``xs:token``. The name reaches the renderer escaped (``files.display_name``),
    as every output shows it; the renderer's own replacement (U+FFFD) is left for text of any other kind."""
    report = edited(
        "examples/failing/daoxian-2023-majors.yaml",
        ("name: 道县职业技术学校", 'name: "道县职业  技术学校"'),
        name="daoxian\u0001.yaml",
    )
    xml = render("junit", check(report))
    junit_schema.validate(xml)
    assert "daoxian\\x01.yaml" in xml and "\x01" not in xml


_TEXTS = st.sampled_from([None, "", " ", "x", "\n  ", "文本"])


@st.composite
def _trees(draw: st.DrawFn, depth: int = 0) -> ET.Element:
    element = ET.Element("e", {"a": "1"})
    element.text = draw(_TEXTS)
    for _ in range(draw(st.integers(0, 3 if depth < 4 else 0))):
        child = draw(_trees(depth + 1))
        child.tail = draw(_TEXTS)
        element.append(child)
    return element


@given(_trees(), st.integers(0, 3))
def test_suites_are_indented_as_elementtree_indents_them(tree: ET.Element, level: int) -> None:
    ours, theirs = copy.deepcopy(tree), copy.deepcopy(tree)
    _indent(ours, level)
    ET.indent(theirs, level=level)
    assert ET.tostring(ours) == ET.tostring(theirs)


def test_writing_suites_leaves_nothing_for_the_collector() -> None:
    # ElementTree.indent's nested helper is a reference cycle each call, and a run keeps the collector off:
    # written suites must be freed by reference counting alone
    run = check(ROOT / "samples" / "2023")
    render("junit", run)
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            assert "<testsuite " in render("junit", run)
        assert gc.collect() == 0
    finally:
        gc.enable()
