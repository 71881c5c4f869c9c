"""``template``: for each of the 15 units a blank report that ``validate`` rejects with one located ``blank``
per blank, and accepts once the blanks are filled in as a county would, in the file itself."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args, get_origin

import pytest
from pydantic import BaseModel

from zhijiao_check.i18n import Translator
from zhijiao_check.pack.load import load_packs
from zhijiao_check.problems import format_path
from zhijiao_check.report.model import CLUSTERS, Report
from zhijiao_check.source import Parsed, parse_yaml
from zhijiao_check.units import Unit

from .helpers import run_cli, validate_json, write

UNITS = list(load_packs()[0].units)
# Plausible figures for each field, by name (and by the block it is in where one name means two things).
FILL: dict[str, object] = {
    "enrollment.secondary_vocational": 1200,
    "enrollment.general_high_school": 1400,
    "general_high_school_plan.current": 1400,
    "general_high_school_plan.next": 1400,
    "public_secondary_vocational_seats": 1800,
    "leading_industries": "[电子信息]",
    "training_bases.name": "示例电子信息实训基地",
    "training_bases.industry": "电子信息",
    "quality_committee": "true",
    "craftsman_students": 40,
    "pathway_3plus2.current": 180,
    "pathway_3plus2.previous": 160,
    "funding.education_total": 102000,
    "funding.vocational_total": 11200,
    "funding.new_education": 4400,
    "funding.new_vocational": 760,
    "schools.name": "示例职业中等专业学校",
    "schools.level": "secondary",
    "schools.ownership": "public",
    "schools.established": 1984,
    "schools.upgraded": 2010,
    "schools.students": 1820,
    "schools.appropriation_per_student": 11200,
    "schools.meets_standards": "true",
    "schools.teachers": 110,
    "schools.dual_qualified_teachers": 63,
    "schools.teachers_rotated": 74,
    "enterprise_practice.teachers": 2,
    "enterprise_practice.months": 6,
    "schools.in_1x_pilot": "true",
    "schools.quality_committee": "true",
    "schools.professional_teachers": 90,
    "schools.internship_management": "true",
    "schools.part_time_teacher_rules": "true",
    "schools.principal_responsibility": "true",
    "schools.ideological_courses": 1,
    "schools.worker_training_bases": 0,
    "schools.construction_project": "building",
    "internship_management": "true",
    "unified_enrollment": "true",
    "park_funding.name": "永州经开区生物医药产教融合示范园",
    "park_funding.amount": 150,
    "city.talent_selected_in": 2023,
    "city.talent_assessment": "true",
    "city.directed_teacher_training": 40,
    "city.discrimination_review": "false",
    "schools.designations": "[quality_school]",
    "majors.name": "电子技术应用",
    "majors.cluster": "电子信息",
    "majors.rating": "green",
    "majors.evaluated_in": 2022,
    "majors.enrollment": 190,
    "majors.previous_enrollment": 180,
    "majors.pilot_1x": "true",
    "majors.designations": "[quality]",
    "city.demonstration_parks": "[永州经开区生物医药产教融合示范园]",
    "city.demonstration_enterprises": 12,
    "city.vocational_groups": "[永州职业技术学院职教集团]",
    "city.provincial_teaching_teams": 9,
    "city.joint_meeting": "true",
    "city.county_evaluation": "true",
    "city.activity_week": "true",
    "city.incubation_center": "true",
    "talent_allowances.role": "专业带头人",
    "talent_allowances.amount": 5000,
}


def template(tmp_path: Path, unit: str, *extra: object, year: int = 2023) -> tuple[Path, str]:
    path = tmp_path / "template.yaml"
    result = run_cli("template", "--unit", unit, "--year", year, "--output", path, *extra)
    assert result.exit_code == 0, result.output
    return path, path.read_text(encoding="utf-8")


def parsed(text: str) -> Parsed:
    result = parse_yaml(text, "template.yaml")
    assert isinstance(result, Parsed), result
    return result


def blanks(data: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """The paths of the nulls in the data: the template's blanks."""
    if data is None:
        yield path
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from blanks(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from blanks(value, (*path, index))


def fill_key(path: tuple[str | int, ...]) -> str:
    """``("schools", 0, "majors", 0, "name")`` → ``majors.name``: the field and the block it is in."""
    names = [part for part in path if isinstance(part, str)]
    return ".".join(names[-2:])


def filled(text: str) -> str:
    """The template with every blank filled in place: the comment stays, as when a county types the value."""
    document = parsed(text)
    lines = text.splitlines(keepends=True)
    for path in blanks(document.data):
        key = fill_key(path)
        value = FILL[key] if key in FILL else FILL[str(path[-1])]
        line = document.positions.key(path)[0] - 1  # type: ignore[index]
        name = re.escape(str(path[-1]))
        lines[line], count = re.subn(rf"^(\s*(?:- )?{name}):(\s+#)", rf"\1: {value}\2", lines[line])
        assert count == 1, lines[line]
    return "".join(lines)


def model_paths(model: type[BaseModel], path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every field path of the model, list entries included (``schools.majors.name``)."""
    for name, info in model.model_fields.items():
        here = (*path, name)
        yield here
        annotation = info.annotation
        if get_origin(annotation) is list:
            annotation = get_args(annotation)[0]
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from model_paths(annotation, here)


def data_paths(data: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    if isinstance(data, list):
        for item in data:
            yield from data_paths(item, path)
    elif isinstance(data, dict):
        for key, value in data.items():
            yield (*path, key)
            yield from data_paths(value, (*path, key))


@pytest.mark.parametrize("unit", UNITS, ids=[u.name for u in UNITS])
def test_template_round_trip(tmp_path: Path, unit: Unit) -> None:
    path, text = template(tmp_path, unit.name)
    document = parsed(text)
    holes = list(blanks(document.data))
    assert holes

    # Rejected, with one located ``blank`` per blank and nothing else.
    code, report = validate_json(path)
    assert code == 2
    found = sorted((p["path"], p["line"], p["code"]) for p in report["problems"])
    expected = sorted((format_path(hole), document.positions.key(hole)[0], "blank") for hole in holes)  # type: ignore[index]
    assert found == expected

    # Filled in place with plausible figures: valid, and it can be checked.
    done = write(tmp_path, "filled.yaml", filled(text))
    code, report = validate_json(done)
    assert (code, [p for p in report["problems"] if p["severity"] == "error"]) == (0, [])
    assert run_cli("check", done, "--no-color").exit_code in (0, 1)


@pytest.mark.parametrize("unit", UNITS, ids=[u.name for u in UNITS])
def test_every_field_of_the_kind_is_there(tmp_path: Path, unit: Unit) -> None:
    _, text = template(tmp_path, unit.name)
    data = parsed(text).data
    expected = set(model_paths(Report))
    if unit.kind != "city":
        expected = {p for p in expected if p[0] != "city"}
    if unit.code is None:
        expected.discard(("unit", "code"))
        assert "没有行政区划代码" in text
    assert set(data_paths(data)) == expected
    assert data["unit"] == {
        "name": unit.name,
        "kind": unit.kind,
        **({"code": unit.code} if unit.code else {}),
    }
    assert (data["schema_version"], data["year"]) == (1, 2023)


def test_every_field_line_has_a_chinese_comment_from_the_model(tmp_path: Path) -> None:
    _, text = template(tmp_path, "永州市本级")
    titles = {info.title for model in _models(Report) for info in model.model_fields.values()}
    for line in text.splitlines():
        if re.match(r"^\s*(?:- )?\w+:", line):
            comment = line.partition("  # ")[2]
            assert re.search(r"[\u4e00-\u9fff]", comment), line
            assert comment.split("（")[0].split("：")[0] in titles, line
    assert "（人）" in text and "（万元）" in text and "（元/生·年）" in text  # units of measure


def _models(model: type[BaseModel]) -> Iterator[type[BaseModel]]:
    yield model
    for info in model.model_fields.values():
        annotation = info.annotation
        if get_origin(annotation) is list:
            annotation = get_args(annotation)[0]
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from _models(annotation)


def test_standard_output_is_the_same_text(tmp_path: Path) -> None:
    path, text = template(tmp_path, "冷水滩区")
    result = run_cli("template", "--unit", "冷水滩区", "--year", "2023")
    assert result.exit_code == 0
    # but the file to validate: the one written, as given to -o; report.yaml on standard output
    assert result.stdout.replace("validate report.yaml", f"validate {path}") == text


def test_a_unit_by_its_code_and_other_years(tmp_path: Path) -> None:
    _, text = template(tmp_path, "431103", year=2030)
    data = parsed(text).data
    assert (data["unit"]["name"], data["year"]) == ("冷水滩区", 2030)


def test_an_existing_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    path = write(tmp_path, "lengshuitan.yaml", "schema_version: 1  # 已填好\n")
    result = run_cli("template", "--unit", "冷水滩区", "--year", "2023", "--output", path)
    assert result.exit_code == 2 and "--force" in result.stderr
    assert "（它可能是已填好的报表）" in result.stderr  # 报表, as the tool calls a report everywhere
    assert path.read_text(encoding="utf-8") == "schema_version: 1  # 已填好\n"
    assert run_cli("template", "-u", "冷水滩区", "-y", "2023", "-o", path, "--force").exit_code == 0
    assert "schools:" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("unit", "year", "says"),
    [
        ("祁阳县", "2023", "祁阳市"),  # renamed in 2021
        ("冷水滩", "2023", "冷水滩区"),
        ("Lengshuitan", "2023", "零陵区"),  # no close name: the list of units
        ("冷水滩区", "1999", "2000–2100"),
        ("冷水滩区", "二〇二三", "--year"),  # not a number: a usage error
    ],
)
def test_bad_requests_exit_2_with_a_message(unit: str, year: str, says: str) -> None:
    result = run_cli("template", "--unit", unit, "--year", year)
    assert result.exit_code == 2 and result.stdout == ""
    assert says in result.output


@pytest.mark.parametrize(
    ("lang", "between"), [("zh", "零陵区、冷水滩区、祁阳市"), ("en", "零陵区, 冷水滩区, 祁阳市")]
)
def test_the_list_of_units_is_punctuated_in_the_language(lang: str, between: str) -> None:
    result = run_cli("template", "--unit", "Lengshuitan", "--year", "2023", "--lang", lang)
    assert result.exit_code == 2 and between in result.output


def test_missing_options_are_a_usage_error() -> None:
    assert run_cli("template", "--unit", "冷水滩区").exit_code == 2
    assert run_cli("template", "--year", "2023").exit_code == 2


def test_schema_line_and_english_header(tmp_path: Path) -> None:
    path, text = template(tmp_path, "冷水滩区", "--schema", "zhijiao-report.schema.json", "--lang", "en")
    assert text.startswith("# yaml-language-server: $schema=zhijiao-report.schema.json\n")
    assert f"zhijiao-check validate {path}\n" in text and "Made by zhijiao-check template" in text
    assert "# full-time teachers (a whole number)\n" in text
    code, _ = validate_json(write(tmp_path, "filled.yaml", filled(text)))
    assert code == 0


def test_every_field_line_has_an_english_comment_in_english(tmp_path: Path) -> None:
    """No Chinese in an English template's comments but a code a report writes in Chinese (产业集群's
    names); a choice lists its codes with their meanings."""
    _, text = template(tmp_path, "永州市本级", "--lang", "en")
    allowed = {*CLUSTERS, "专业带头人", "产业导师", "技能大师"}
    fields = [line for line in text.splitlines() if re.match(r"^\s*(?:- )?\w+:", line)]
    assert len(fields) > 80
    for line in fields:
        comment = line.partition("  # ")[2]
        assert comment and comment[0].isascii(), line
        assert not re.search(r"[\u4e00-\u9fff]", re.sub("|".join(allowed), "", comment)), line
    assert "  name: 永州市本级                      # unit name (required, text)\n" in text
    assert (
        "# level (required, one of): secondary (secondary vocational, technical schools included) | " in text
    )
    assert "# upper-secondary enrollment this year\n" in text  # the block, not a major's enrollment
    # the Chinese template is the models' titles and descriptions, as before
    (tmp_path / "zh").mkdir()
    _, chinese = template(tmp_path / "zh", "永州市本级")
    assert "# 专任教师（整数）：专任教师人数（人）\n" in chinese


def test_the_filled_template_passes_the_json_schema_and_the_blank_one_does_not(tmp_path: Path) -> None:
    import jsonschema

    from zhijiao_check.commands.schema import report_schema

    validator = jsonschema.Draft202012Validator(report_schema(load_packs()[0].units, Translator("zh")))
    for unit in ("永州市本级", "金洞管理区"):
        (tmp_path / unit).mkdir()
        _, text = template(tmp_path / unit, unit)
        assert not validator.is_valid(parsed(text).data)
        assert validator.is_valid(parsed(filled(text)).data), list(
            validator.iter_errors(parsed(filled(text)).data)
        )


def test_the_input_messages_have_both_languages_with_the_same_parameters() -> None:
    import string

    from zhijiao_check.messages.en.input import MESSAGES as ENGLISH
    from zhijiao_check.messages.zh.input import MESSAGES as CHINESE

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert CHINESE.keys() == ENGLISH.keys()
    for key, zh in CHINESE.items():
        en = ENGLISH[key]
        # Chinese words, or Chinese punctuation alone (a field's comment put together: ``{title}（{hint}）``)
        assert key.startswith("input.") and re.search(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]", zh), key
        assert fields(zh) == fields(en), key


@pytest.mark.parametrize(
    ("name", "lang", "said"),
    [
        ("东安县2024.xls", "zh", "本工具不写 .xls 表格"),
        ("东安县2024.xlsm", "zh", "本工具不写 .xlsm 表格"),
        ("dongan.ods", "en", "does not write .ods spreadsheets"),
        ("dongan.json", "zh", "模板文件名应以 .yaml、.yml 或 .xlsx 结尾（用 Excel 或 WPS 填报请用 .xlsx）"),
        ("dongan.txt", "en", "should end in .yaml, .yml or .xlsx (.xlsx for a workbook"),
        ("dongan", "zh", "不知道如何写成"),
    ],
)
def test_a_template_is_written_only_as_yaml_or_xlsx(tmp_path: Path, name: str, lang: str, said: str) -> None:
    # `template -o 东安县2024.xls` exited 0 with YAML text under an Excel name, which Excel could not open
    # and validate called corrupt: refused, as convert refuses a name it cannot write, suggesting .xlsx.
    result = run_cli("template", "-u", "东安县", "-y", "2024", "-o", tmp_path / name, "--lang", lang)
    assert result.exit_code == 2 and said in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("format", "name"), [("xlsx", "dongan.yaml"), ("yaml", "dongan.xlsx")])
def test_a_template_whose_name_says_another_format_is_refused(tmp_path: Path, format: str, name: str) -> None:
    result = run_cli("template", "-u", "东安县", "-y", "2024", "-f", format, "-o", tmp_path / name)
    assert result.exit_code == 2 and f"与 --format {format} 不符" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["dongan.yml", "dongan.XLSX"])
def test_a_template_named_yml_or_xlsx_in_capitals_is_written(tmp_path: Path, name: str) -> None:
    assert run_cli("template", "-u", "东安县", "-y", "2024", "-o", tmp_path / name).exit_code == 0
    assert (tmp_path / name).read_bytes().startswith(b"PK" if name.endswith("XLSX") else b"#")
