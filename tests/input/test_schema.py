"""``schema``: a draft 2020-12 JSON Schema that an independent validator (``jsonschema``) uses to accept every
sample report and to reject the bad reports the checker rejects."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from .helpers import CITY, COUNTY, VALID_SAMPLES, run_cli, validate_json, write

Data = dict[str, Any]


@pytest.fixture(scope="module")
def schema() -> Data:
    result = run_cli("schema")
    assert result.exit_code == 0
    document: Data = json.loads(result.stdout)
    return document


@pytest.fixture(scope="module")
def validator(schema: Data) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema)


def test_a_valid_draft_2020_12_schema_that_names_the_format(schema: Data) -> None:
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "report-format" in schema["$id"] and "填报格式第 1 版" in schema["title"]
    assert schema["required"] == ["schema_version", "unit", "year", "schools"]
    assert schema["additionalProperties"] is False


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "单位名称、类别与代码取自规则包的单位名单（15 个单位）。"),
        ("en", "The units' names, kinds and codes are those of the rule pack's list of units (15 units). "),
    ],
)
def test_what_the_tool_adds_to_the_description_is_in_the_run_s_language(lang: str, said: str) -> None:
    """The model's own description (and its fields') stays Chinese, as a clerk reads the report; the note on
    the units and on what only ``validate`` checks is the tool's, in ``--lang``."""
    result = run_cli("schema", "--lang", lang)
    assert result.exit_code == 0
    description = json.loads(result.stdout)["description"]
    assert description.startswith("永州市职业教育单位年度报告") and f"\n{said}" in description
    assert description.endswith("zhijiao-check validate 检查。" if lang == "zh" else "validate checks them.")


def _properties(node: Any) -> Iterator[tuple[str, Data]]:
    if isinstance(node, dict):
        yield from node.get("properties", {}).items()
        for value in node.values():
            yield from _properties(value)
    elif isinstance(node, list):
        for value in node:
            yield from _properties(value)


def test_every_field_has_a_chinese_title_and_description(schema: Data) -> None:
    fields = [
        (name, prop)
        for name, prop in _properties({"$defs": schema["$defs"], "properties": schema["properties"]})
    ]
    assert len(fields) > 60
    for name, prop in fields:
        assert re.search(r"[\u4e00-\u9fff]", prop.get("title", "")), name
        assert re.search(r"[\u4e00-\u9fff]", prop.get("description", "")), name
        assert prop.get("default", ...) is ..., name  # an absent field has no value, not null


def test_output_file(tmp_path: Path, schema: Data) -> None:
    path = tmp_path / "schemas" / "report.schema.json"
    path.parent.mkdir()
    assert run_cli("schema", "--output", path).exit_code == 0
    assert json.loads(path.read_text(encoding="utf-8")) == schema
    # folders are made, as for CI
    made = run_cli("schema", "--output", tmp_path / "new" / "folder" / "s.json")
    assert made.exit_code == 0 and (tmp_path / "new" / "folder" / "s.json").is_file()
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    unwritable = run_cli("schema", "--output", tmp_path / "a-file" / "s.json")
    assert unwritable.exit_code == 2 and "无法写入" in unwritable.output


@pytest.mark.parametrize("sample", VALID_SAMPLES, ids=[f"{p.parent.name}/{p.name}" for p in VALID_SAMPLES])
def test_every_sample_is_valid_for_the_schema(
    validator: jsonschema.Draft202012Validator, sample: Path
) -> None:
    data = yaml.safe_load(sample.read_text(encoding="utf-8"))  # an independent reader, as an editor would use
    assert list(validator.iter_errors(data)) == []


def _set(path: str, value: Any) -> Callable[[Data], None]:
    """An edit that sets the field at ``schools.0.teachers`` (list indexes as numbers)."""

    def edit(data: Data) -> None:
        *parents, last = [int(part) if part.isdigit() else part for part in path.split(".")]
        node: Any = data
        for part in parents:
            node = node[part]
        node[last] = value

    return edit


def _delete(path: str) -> Callable[[Data], None]:
    def edit(data: Data) -> None:
        *parents, last = [int(part) if part.isdigit() else part for part in path.split(".")]
        node: Any = data
        for part in parents:
            node = node[part]
        del node[last]

    return edit


# Bad reports that both the schema and the checker reject: (id, edit, the sample it applies to).
BAD: list[tuple[str, Callable[[Data], None], Path]] = [
    ("unknown-field", _set("schools.0.teacher", 110), COUNTY),
    ("unknown-top-field", _set("remarks", "无"), COUNTY),
    ("string-for-count", _set("schools.0.teachers", "110"), COUNTY),
    ("separator", _set("enrollment.secondary_vocational", "1,360"), COUNTY),
    ("percent", _set("schools.0.dual_qualified_teachers", "57%"), COUNTY),
    ("negative", _set("schools.0.teachers", -1), COUNTY),
    ("fraction-in-count", _set("schools.0.teachers", 110.5), COUNTY),
    ("bool-for-count", _set("craftsman_students", True), COUNTY),
    ("null", _set("schools.0.teachers", None), COUNTY),
    ("null-block", _set("funding", None), COUNTY),
    ("empty-name", _set("schools.0.name", ""), COUNTY),
    ("spaces-name", _set("schools.0.name", "   "), COUNTY),
    ("year-early", _set("year", 1999), COUNTY),
    ("year-late", _set("year", 2101), COUNTY),
    ("founding-year-early", _set("schools.0.established", 1799), COUNTY),
    ("evaluated-early", _set("schools.0.majors.0.evaluated_in", 1999), COUNTY),
    ("schema-version", _set("schema_version", 2), COUNTY),
    ("missing-unit", _delete("unit"), COUNTY),
    ("missing-schools", _delete("schools"), COUNTY),
    ("missing-level", _delete("schools.0.level"), COUNTY),
    ("missing-kind", _delete("unit.kind"), COUNTY),
    ("bad-level", _set("schools.0.level", "中职"), COUNTY),
    ("bad-rating", _set("schools.0.majors.0.rating", "orange"), COUNTY),
    ("bad-cluster", _set("schools.0.majors.0.cluster", "电子"), COUNTY),
    ("bad-designation", _set("schools.0.designations", ["quality"]), COUNTY),
    ("bool-as-text", _set("schools.0.meets_standards", "是"), COUNTY),
    ("not-a-list", _set("leading_industries", "电子信息"), COUNTY),
    ("not-a-mapping", _set("enrollment", 1360), COUNTY),
    ("zero-months", _set("schools.0.enterprise_practice.0.months", 0), COUNTY),
    ("no-teachers-in-group", _set("schools.0.enterprise_practice.0.teachers", 0), COUNTY),
    ("unquoted-code", _set("unit.code", 43110), COUNTY),  # of five digits: a leading zero may be lost
    ("code-mismatch", _set("unit.code", "431102"), COUNTY),
    ("unknown-unit", _set("unit.name", "冷水滩"), COUNTY),
    ("renamed-unit", _set("unit.name", "祁阳县"), COUNTY),
    ("kind-mismatch", _set("unit.kind", "city"), COUNTY),
    ("city-block-in-county", _set("city", {"joint_meeting": True}), COUNTY),
    (
        "code-for-a-unit-without",
        lambda d: d["unit"].update(name="金洞管理区", kind="management_area"),
        COUNTY,
    ),
    ("bad-role", _set("city.talent_allowances.0.role", "院士"), CITY),
    ("unknown-city-field", _set("city.parks", 3), CITY),
    ("negative-allowance", _set("city.talent_allowances.0.amount", -5000), CITY),
]


@pytest.mark.parametrize(("edit", "sample"), [(e, s) for _, e, s in BAD], ids=[i for i, _, _ in BAD])
def test_bad_reports_are_rejected_by_the_schema_and_the_checker(
    tmp_path: Path,
    validator: jsonschema.Draft202012Validator,
    edit: Callable[[Data], None],
    sample: Path,
) -> None:
    data = copy.deepcopy(yaml.safe_load(sample.read_text(encoding="utf-8")))
    edit(data)
    assert not validator.is_valid(data)
    for name, text in (
        ("r.yaml", yaml.safe_dump(data, allow_unicode=True)),
        ("r.json", json.dumps(data, ensure_ascii=False)),
    ):
        code, document = validate_json(write(tmp_path, name, text))
        assert code == 2, document
        assert all(isinstance(p["line"], int) for p in document["problems"])


# What JSON Schema cannot say: only the checker refuses these (docs/report-format.md says so).
ONLY_THE_CHECKER = [
    ("dual-over-teachers", _set("schools.0.dual_qualified_teachers", 111)),
    ("duplicate-school", lambda d: d["schools"].append(copy.deepcopy(d["schools"][0]))),
    ("whole-number-as-float", _set("schools.0.teachers", 110.0)),
]


@pytest.mark.parametrize("edit", [e for _, e in ONLY_THE_CHECKER], ids=[i for i, _ in ONLY_THE_CHECKER])
def test_what_only_the_checker_refuses(
    tmp_path: Path,
    validator: jsonschema.Draft202012Validator,
    edit: Callable[[Data], None],
) -> None:
    data = copy.deepcopy(yaml.safe_load(COUNTY.read_text(encoding="utf-8")))
    edit(data)
    assert validator.is_valid(data)
    assert validate_json(write(tmp_path, "r.yaml", yaml.safe_dump(data, allow_unicode=True)))[0] == 2


def test_a_code_of_six_digits_written_as_a_number_the_schema_refuses_and_the_checker_warns_of(
    tmp_path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    """The schema keeps the format's text (an editor says to quote it); the checker reads the number, which
    loses nothing, with a warning that says the same (docs/report-format.md, ``code-as-number``)."""
    data = copy.deepcopy(yaml.safe_load(COUNTY.read_text(encoding="utf-8")))
    data["unit"]["code"] = 431103
    assert not validator.is_valid(data)
    code, document = validate_json(write(tmp_path, "r.yaml", yaml.safe_dump(data, allow_unicode=True)))
    assert code == 0
    assert [(p["code"], p["severity"]) for p in document["problems"]] == [("code-as-number", "warning")]


def test_the_schema_follows_a_replaced_unit_list(tmp_path: Path) -> None:
    """The unit list is data of the rule pack: ``--rules`` with a pack of the same id changes the schema."""
    import shutil

    from zhijiao_check.pack.load import builtin_dir

    pack = tmp_path / "pack"
    shutil.copytree(builtin_dir() / "yzf-2021-7", pack)
    units = pack / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("冷水滩区", "冷水滩新区"), encoding="utf-8")
    result = run_cli("schema", "--rules", pack)
    assert result.exit_code == 0
    names = json.loads(result.stdout)["allOf"][0]["properties"]["unit"]["properties"]["name"]["enum"]
    assert "冷水滩新区" in names and "冷水滩区" not in names


@pytest.mark.parametrize(
    ("year", "code", "valid"),
    [(2020, "431121", True), (2020, "431181", True), (2020, "431103", False), (2021, "431121", False)],
)
def test_the_schema_takes_a_former_name_in_the_years_before_the_renaming(
    validator: jsonschema.Draft202012Validator, year: int, code: str, valid: bool
) -> None:
    """祁阳县 (431121) became 祁阳市 (431181) in 2021: as the checker does (``units.unit_in``), the schema
    takes the old name and either code in a report of 2020, and neither the old name nor code from 2021."""
    data = copy.deepcopy(yaml.safe_load(COUNTY.read_text(encoding="utf-8")))
    data["year"] = year
    data["unit"] = {"name": "祁阳县", "kind": "county", "code": code}
    assert validator.is_valid(data) is valid
    data["unit"]["name"] = "祁阳市"
    assert validator.is_valid(data) is (valid or code == "431181")


@pytest.mark.parametrize(
    ("name", "year", "valid"),
    [
        ("回龙圩管理区", 2023, False),
        ("回龙圩管理区", 2024, True),
        ("金洞管理区", 2022, False),
        ("金洞管理区", 2023, True),
        ("金洞管理区", 2024, True),
        ("金洞管理区", 2025, False),
    ],
)
def test_the_schema_takes_a_unit_from_the_year_it_was_created(
    tmp_path: Path, name: str, year: int, valid: bool
) -> None:
    """``since`` was not in the schema: an editor took a unit's name for any year, and the check refused it.
    回龙圩管理区 created in 2024; 金洞管理区 created in 2023 and merged into 祁阳市 in 2025."""
    import shutil

    from zhijiao_check.pack.load import builtin_dir

    pack = tmp_path / "pack"
    shutil.copytree(builtin_dir() / "yzf-2021-7", pack)
    units = pack / "units.yaml"
    text = units.read_text(encoding="utf-8").replace("  - {name: 金洞管理区, kind: management_area}\n", "")
    text = text.replace(
        "{name: 回龙圩管理区, kind: management_area}",
        "{name: 回龙圩管理区, kind: management_area, since: 2024}",
    )
    merged = "merged:\n  - {name: 金洞管理区, kind: management_area, into: 祁阳市, year: 2025, since: 2023}\n"
    units.write_text(text + merged, encoding="utf-8")
    result = run_cli("schema", "--rules", pack)
    assert result.exit_code == 0, result.output
    schema: Data = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    data = copy.deepcopy(yaml.safe_load(COUNTY.read_text(encoding="utf-8")))
    data["year"] = year
    data["unit"] = {"name": name, "kind": "management_area"}
    assert jsonschema.Draft202012Validator(schema).is_valid(data) is valid
