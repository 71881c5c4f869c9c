"""Valid reports load as plain data with positions; the models' JSON Schema agrees with them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from zhijiao_check.report import ReportFile, load_report, model
from zhijiao_check.report.model import CLUSTERS, KIND_LABELS, Report
from zhijiao_check.units import UNIT_KINDS

from .conftest import Load
from .helpers import CITY, COUNTY, UNITS, county_text


def test_county_fixture_is_valid_and_plain() -> None:
    report = load_report(COUNTY, UNITS)
    assert isinstance(report, ReportFile), getattr(report, "problems", None)
    assert (report.file, report.unit, report.kind, report.year) == (str(COUNTY), "冷水滩区", "county", 2023)
    assert report.warnings == ()
    assert report.data == yaml.safe_load(COUNTY.read_text(encoding="utf-8"))  # exactly as loaded
    school = report.data["schools"][1]
    assert "designations" not in school and "enterprise_practice" not in school  # absent stays absent
    assert report.data["funding"]["new_vocational"] == 612.5
    assert report.positions.value(("schools", 1, "teachers")) == (79, 15)
    assert report.positions.key(("schools", 1, "teachers")) == (79, 5)


def test_city_fixture_is_valid() -> None:
    report = load_report(CITY, UNITS, display="reports/city.yaml")
    assert isinstance(report, ReportFile)
    assert (report.file, report.unit, report.kind) == ("reports/city.yaml", "永州市本级", "city")
    assert report.data["city"]["talent_allowances"][1] == {"role": "技能大师", "amount": 8000}


def test_json_report_reads_like_yaml(load: Load) -> None:
    data = yaml.safe_load(COUNTY.read_text(encoding="utf-8"))
    report = load(json.dumps(data, ensure_ascii=False, indent="\t"), name="report.json")
    assert isinstance(report, ReportFile)
    assert report.data == data
    assert report.positions.value(("year",)) == (8, 10)


def test_minimal_report_needs_only_the_required_fields(load: Load) -> None:
    report = load(
        "schema_version: 1\nunit: {name: 金洞管理区, kind: management_area}\nyear: 2022\nschools: []\n"
    )
    assert isinstance(report, ReportFile)
    assert report.kind == "management_area"


def test_valid_variants(load: Load) -> None:
    """Numbers may be int or float where the spec says number; yes/no words that YAML reads as booleans."""
    text = county_text(
        ("education_total: 52000", "education_total: 52000.0"),
        ("appropriation_per_student: 3000", "appropriation_per_student: 3000.5"),
        ("meets_standards: false", "meets_standards: no"),
        ("established: 2006", "established: 1958"),
    )
    assert isinstance(load(text), ReportFile)


def test_json_schema_is_draft_2020_12_and_accepts_the_fixtures() -> None:
    schema = Report.model_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for fixture in (COUNTY, CITY):
        validator.validate(yaml.safe_load(fixture.read_text(encoding="utf-8")))
    assert not validator.is_valid({**yaml.safe_load(CITY.read_text(encoding="utf-8")), "year": None})
    school = schema["$defs"]["School"]["properties"]
    assert school["teachers"] == {
        "type": "integer",
        "minimum": 0,
        "maximum": 10_000_000,
        "title": "专任教师",
        "description": "专任教师人数（人）",
    }
    assert school["established"]["minimum"] == 1800 and schema["properties"]["year"]["minimum"] == 2000


def test_every_field_has_a_chinese_title_and_description() -> None:
    schema = Report.model_json_schema()
    for definition in [schema, *schema["$defs"].values()]:
        assert definition.get("description"), definition["title"]
        for field, prop in definition["properties"].items():
            assert prop.get("title") and prop.get("description"), field
            assert "null" not in json.dumps(prop), field


def test_choice_labels_match_the_literals() -> None:
    """The Chinese labels that point a user to a value name exactly the values the schema allows."""
    defs = Report.model_json_schema()["$defs"]
    school, major = defs["School"]["properties"], defs["Major"]["properties"]
    assert defs["ReportUnit"]["properties"]["kind"]["enum"] == list(KIND_LABELS) == list(UNIT_KINDS)
    assert school["level"]["enum"] == list(model.LEVEL_LABELS)
    assert school["ownership"]["enum"] == list(model.OWNERSHIP_LABELS)
    assert school["designations"]["items"]["enum"] == list(model.SCHOOL_DESIGNATION_LABELS)
    assert major["rating"]["enum"] == list(model.RATING_LABELS)
    assert major["designations"]["items"]["enum"] == list(model.MAJOR_DESIGNATION_LABELS)
    assert major["cluster"]["enum"] == list(CLUSTERS) and len(CLUSTERS) == 6


def test_importing_the_package_does_not_import_pydantic_or_yaml() -> None:
    import subprocess
    import sys

    code = "import sys, zhijiao_check.report; print(any(m in sys.modules for m in ('pydantic', 'yaml')))"
    src = str(Path(__file__).resolve().parents[2] / "src")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={"PYTHONPATH": src}, check=True
    )
    assert out.stdout.strip() == "False"
