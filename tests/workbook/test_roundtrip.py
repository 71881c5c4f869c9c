"""convert loses nothing: any valid report of format v1, YAML → xlsx → YAML, is the same data.

The reports are generated over every field of the format (each present or absent, lists empty or not,
names with spaces, digits, = or quotes). One normalisation, documented in docs/excel.md: designations are a
set of 是/否 columns, so they come back in the format's order.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from factory import UNITS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhijiao_check.commands.template import report_as
from zhijiao_check.pack.load import load_packs
from zhijiao_check.report import ReportFile, load_report
from zhijiao_check.report.model import CLUSTERS, MAJOR_DESIGNATION_LABELS, SCHOOL_DESIGNATION_LABELS

# Each example writes and reads a workbook (about half a second): fewer by default than the YAML fuzzing.
EXAMPLES = max(int(os.environ.get("ZHIJIAO_FUZZ_EXAMPLES", "25")) // 2, 5)
ROUND_TRIP = settings(max_examples=EXAMPLES, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                             HealthCheck.data_too_large])
UNIT_REGISTRY = load_packs([])[0].units

# Names as counties write them, and the awkward ones: digits only, a leading =, quotes, spaces inside.
name_chars = st.sampled_from("职业技术学校电子信息永州东安零陵机电护理 ABCxyz0123456789=\"'()（）-·")
names = st.text(name_chars, min_size=1, max_size=14).filter(lambda s: s.strip() == s and s.strip())
list_items = names.filter(lambda s: s != "无" and not any(c in s for c in "、，,；;\n"))
counts = st.integers(0, 10**7)
# A cell keeps 16 significant digits (convert refuses more, see below); figures with cents are far within.
amounts = st.one_of(st.integers(0, 10**9), st.floats(0, 1e9, allow_nan=False, allow_infinity=False).map(
    lambda f: float(f"{f:.15g}")))


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.just(None), strategy)


@st.composite
def fields(draw: st.DrawFn, spec: dict[str, st.SearchStrategy[Any]]) -> dict[str, Any]:
    """A mapping with each field of ``spec`` present or absent (absent fields are simply not there)."""
    out = {}
    for key, strategy in spec.items():
        value = draw(optional(strategy))
        if value is not None:
            out[key] = value
    return out


def designations(labels: dict[str, str]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(list(labels)), unique=True)


@st.composite
def major(draw: st.DrawFn, name: str) -> dict[str, Any]:
    return {"name": name, **draw(fields({
        "cluster": st.sampled_from(CLUSTERS), "rating": st.sampled_from(["green", "yellow", "red"]),
        "evaluated_in": st.integers(2000, 2100), "enrollment": counts, "previous_enrollment": counts,
        "pilot_1x": st.booleans(), "designations": designations(MAJOR_DESIGNATION_LABELS),
    }))}


@st.composite
def school(draw: st.DrawFn, name: str) -> dict[str, Any]:
    data = {"name": name, "level": draw(st.sampled_from(["secondary", "higher"])),
            "ownership": draw(st.sampled_from(["public", "private"]))}
    data |= draw(fields({
        "established": st.integers(1800, 2100), "upgraded": st.integers(2000, 2100), "students": counts,
        "appropriation_per_student": amounts,
        "meets_standards": st.booleans(), "in_1x_pilot": st.booleans(), "quality_committee": st.booleans(),
        "designations": designations(SCHOOL_DESIGNATION_LABELS),
        "enterprise_practice": st.lists(st.fixed_dictionaries({
            "teachers": st.integers(1, 500),
            "months": st.one_of(st.integers(1, 24), st.floats(0.1, 24).map(lambda f: float(f"{f:.15g}")))}),
            max_size=3),
    }))
    teachers = draw(optional(counts))
    if teachers is not None:
        data["teachers"] = teachers
        data |= draw(fields({"dual_qualified_teachers": st.integers(0, teachers),
                             "teachers_rotated": st.integers(0, teachers)}))
    major_names = draw(optional(st.lists(names, unique_by=str.strip, max_size=4)))
    if major_names is not None:
        data["majors"] = [draw(major(n)) for n in major_names]
    return data


@st.composite
def reports(draw: st.DrawFn) -> dict[str, Any]:
    unit = UNITS[draw(st.sampled_from(sorted(UNITS)))]
    data: dict[str, Any] = {"schema_version": 1,
                            "unit": {"name": unit["name"], "kind": unit["kind"],
                                     **({"code": unit["code"]} if unit.get("code") else {})},
                            "year": draw(st.integers(2000, 2100))}
    blocks = {
        "enrollment": {"secondary_vocational": counts, "general_high_school": counts},
        "general_high_school_plan": {"current": counts, "next": counts},
        "pathway_3plus2": {"current": counts, "previous": counts},
        "funding": {key: amounts for key in ("education_total", "vocational_total", "new_education",
                                             "new_vocational")},
    }
    for block, spec in blocks.items():
        given = draw(fields(spec))
        if given:  # an empty block ({}) is written as nothing: see docs/excel.md
            data[block] = given
    data |= draw(fields({
        "public_secondary_vocational_seats": counts, "leading_industries": st.lists(list_items, max_size=3),
        "training_bases": st.lists(fields({"industry": names}).flatmap(
            lambda f: names.map(lambda n: {"name": n, **f})), max_size=3),
        "quality_committee": st.booleans(), "craftsman_students": counts,
    }))
    school_names = draw(st.lists(names, unique_by=str.strip, max_size=3))
    data["schools"] = [draw(school(n)) for n in school_names]
    if unit["kind"] == "city":
        city = draw(fields({
            "demonstration_parks": st.lists(list_items, max_size=3), "demonstration_enterprises": counts,
            "vocational_groups": st.lists(list_items, max_size=3), "provincial_teaching_teams": counts,
            "joint_meeting": st.booleans(), "county_evaluation": st.booleans(), "activity_week": st.booleans(),
            "incubation_center": st.booleans(),
            "talent_allowances": st.lists(st.fixed_dictionaries({
                "role": st.sampled_from(["专业带头人", "产业导师", "技能大师"]), "amount": amounts}), max_size=3),
        }))
        if city:
            data["city"] = city
    return data


def canonical(data: Any) -> Any:
    """Designations in the format's order (a workbook holds them as a set of 是/否 columns)."""
    order = {**{k: n for n, k in enumerate(SCHOOL_DESIGNATION_LABELS)},
             **{k: n for n, k in enumerate(MAJOR_DESIGNATION_LABELS)}}
    if isinstance(data, dict):
        return {k: sorted(v, key=order.__getitem__) if k == "designations" else canonical(v) for k, v in data.items()}
    if isinstance(data, list):
        return [canonical(item) for item in data]
    return data


@ROUND_TRIP
@given(data=reports())
def test_yaml_to_xlsx_to_yaml_is_the_same_report(tmp_path_factory, data: dict[str, Any]) -> None:
    folder = tmp_path_factory.mktemp("round")
    source = folder / "report.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    original = load_report(source, UNIT_REGISTRY)
    assert isinstance(original, ReportFile), [p.code for p in original.problems]  # generated valid
    book = folder / "report.xlsx"
    book.write_bytes(report_as("xlsx", original.data))  # type: ignore[arg-type]
    read = load_report(book, UNIT_REGISTRY)
    assert isinstance(read, ReportFile), [(p.code, p.cell) for p in read.problems]
    assert [w.code for w in read.warnings if w.area == "workbook"] == []
    back = folder / "back.yaml"
    back.write_text(str(report_as("yaml", read.data)), encoding="utf-8")
    assert canonical(yaml.safe_load(back.read_text(encoding="utf-8"))) == canonical(data)


def test_convert_both_ways_on_the_command_line(run_cli, tmp_path: Path) -> None:
    from factory import SAMPLES

    for sample in ("shibenji", "dongan", "jingkaiqu"):
        source = SAMPLES / "2023" / f"{sample}.yaml"
        assert run_cli("convert", source, "-o", tmp_path / f"{sample}.xlsx").exit_code == 0
        assert run_cli("convert", tmp_path / f"{sample}.xlsx", "-o", tmp_path / f"{sample}.yaml").exit_code == 0
        assert yaml.safe_load((tmp_path / f"{sample}.yaml").read_text(encoding="utf-8")) == yaml.safe_load(
            source.read_text(encoding="utf-8"))


def test_convert_never_overwrites_and_refuses_what_a_cell_cannot_hold(run_cli, tmp_path: Path) -> None:
    from factory import SAMPLES

    source = SAMPLES / "2023" / "dongan.yaml"
    copy = tmp_path / "dongan.yaml"
    copy.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_cli("convert", copy, "-o", copy).exit_code == 2
    assert copy.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
    (tmp_path / "taken.xlsx").write_bytes(b"mine")
    assert run_cli("convert", copy, "-o", tmp_path / "taken.xlsx").exit_code == 2
    assert (tmp_path / "taken.xlsx").read_bytes() == b"mine"
    assert run_cli("convert", copy, "-o", tmp_path / "x.txt").exit_code == 2
    copy.write_text(copy.read_text(encoding="utf-8").replace("先进装备制造", "先进装备制造、机械"), encoding="utf-8")
    result = run_cli("convert", copy, "-o", tmp_path / "y.xlsx")
    assert result.exit_code == 2 and "leading_industries" in result.output and not (tmp_path / "y.xlsx").exists()
    copy.write_text(source.read_text(encoding="utf-8").replace("new_education: 3000", "new_education: 3000.0000000000005"),
                    encoding="utf-8")
    result = run_cli("convert", copy, "-o", tmp_path / "p.xlsx")
    assert result.exit_code == 2 and "funding.new_education" in result.output and not (tmp_path / "p.xlsx").exists()
    copy.write_text("schema_version: 2\n", encoding="utf-8")
    assert run_cli("convert", copy, "-o", tmp_path / "z.xlsx").exit_code == 2
