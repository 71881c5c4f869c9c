"""Small, realistic unit reports built from Python dicts, checked through the real loader and engine.

A test builds a report (``county()``, ``city_report()``) or a whole city year (``city_year()``), changes the
one figure it is about (``edit()``), and gets the results by rule ID. Every report is written as a YAML file
and read back with ``load_report``, so line numbers and validation are the real ones; the rules are the
built-in pack's.

The defaults meet every target of the built-in pack from 2025 on: a test that changes one figure sees the
rule about that figure move, and nothing else.
"""

from __future__ import annotations

import copy
import itertools
import re
import shutil
import traceback
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import yaml
from typer.testing import CliRunner, Result

from zhijiao_check.cli import app
from zhijiao_check.engine.evaluate import evaluate
from zhijiao_check.engine.results import CityEvaluation, ReportEvaluation, RuleResult, Run
from zhijiao_check.i18n import Translator
from zhijiao_check.pack.load import RulePack, load_packs
from zhijiao_check.report import InvalidReport, ReportFile, load_report

ROOT = Path(__file__).resolve().parents[1]
PACK_DIR = ROOT / "rules" / "yzf-2021-7"
SAMPLES = ROOT / "samples"
EXAMPLES = ROOT / "examples"  # reports made to fail, kept out of samples/ so that it checks cleanly

# Not scored (the renderers' and golden tests' invalid report): a number where a table is expected, an unknown
# field.
INVALID_REPORT = """schema_version: 1
unit:
  name: 江永县
  kind: county
year: 2023
enrollment: 12
teachers: 3
"""

DROP = object()
"""``edit(report, {"funding.new_education": DROP})`` removes the field."""

CLUSTERS = ("生物医药", "电子信息", "先进装备制造", "农产品精深加工", "轻纺箱包制鞋", "新材料")

_UNITS = yaml.safe_load((PACK_DIR / "units.yaml").read_text(encoding="utf-8"))["units"]
UNITS: dict[str, dict[str, str]] = {u["name"]: u for u in _UNITS}
"""The 15 reporting units of ``units.yaml``, by name, in the list's order."""
UNIT_NAMES: tuple[str, ...] = tuple(UNITS)
COUNTIES: tuple[str, ...] = tuple(n for n, u in UNITS.items() if u["kind"] == "county")
CITY = "永州市本级"

MAJOR_NAMES = (
    "机电技术应用",
    "电子技术应用",
    "数控技术应用",
    "服装设计与工艺",
    "农产品加工与质量检测",
    "药剂",
    "计算机应用",
    "汽车运用与维修",
    "会计事务",
    "电子商务",
    "学前教育",
    "建筑工程施工",
    "旅游服务与管理",
    "中餐烹饪",
    "工业机器人技术应用",
    "新能源汽车运用与维修",
    "物联网技术应用",
    "园林技术",
    "护理",
    "模具制造技术",
    "焊接技术应用",
    "现代农艺技术",
    "箱包设计与制作",
    "鞋类设计与工艺",
)
PARKS = tuple(
    f"永州{name}产教融合示范园"
    for name in (
        "生物医药",
        "服装设计",
        "3D打印",
        "电子信息",
        "园林花卉",
        "轻纺箱包",
        "数控技术",
        "新材料",
        "文旅",
    )
)
GROUPS = (
    "永州职业技术学院职教集团",
    "湖南九嶷职业技术学院职教集团",
    "永州师范高等专科学校职教集团",
    "永州市工业贸易中等专业学校职教集团",
)
ROLES = ("专业带头人", "产业导师", "技能大师")
# The 12 schools of clause 2's projects (项目建设, 改扩建, 搬迁新建), as c2.school-projects lists them.
PROJECT_SCHOOLS = (
    "永州职业技术学院",
    "永州师范高等专科学校",
    "永州市工业贸易中等专业学校",
    "永州市综合职业中等专业学校",
    "永州市工商职业中等专业学校",
    "新田县职业中等专业学校",
    "江永县职业中等专业学校",
    "双牌县职业技术学校",
    "江华瑶族自治县职业中等专业学校",
    "东安县职业中等专业学校",
    "宁远县职业中等专业学校",
    "祁阳市职业中等专业学校",
)


# ---------------------------------------------------------------------------------------------------- parts


R = TypeVar("R")


def validated(record: type[R], data: Any) -> R:
    """``data`` read as a rule file's entry is (``pack.load``): checked by Pydantic into ``record``."""
    from pydantic import TypeAdapter

    return TypeAdapter(record).validate_python(data)


def major(name: str = "机电技术应用", *, year: int = 2025, **fields: Any) -> dict[str, Any]:
    """A green major, evaluated this year, enrolling a little more than last year."""
    data: dict[str, Any] = {
        "name": name,
        "cluster": "先进装备制造",
        "rating": "green",
        "evaluated_in": year,
        "enrollment": 100,
        "previous_enrollment": 90,
        "pilot_1x": False,
        "designations": [],
    }
    return _merged(data, fields)


def school(
    name: str, *, level: str = "secondary", ownership: str = "public", year: int = 2025, **fields: Any
) -> dict[str, Any]:
    """A school meeting every school target:
    funded above the floor, in the pilot, a committee, practice ≥ 6 months.
    """
    data: dict[str, Any] = {
        "name": name,
        "level": level,
        "ownership": ownership,
        "established": 2000,
        "students": 1000,
        "appropriation_per_student": 12500 if level == "higher" else 10500,
        "meets_standards": True,
        "teachers": 100,
        "dual_qualified_teachers": 50,
        "teachers_rotated": 100,
        "enterprise_practice": [{"teachers": 2, "months": 6}],
        "in_1x_pilot": True,
        "quality_committee": True,
        "internship_management": True,
        "part_time_teacher_rules": True,
        "principal_responsibility": True,
        "ideological_courses": 1,
        "worker_training_bases": 1,
        "designations": [],
        "majors": [major(year=year)],
    }
    return _merged(data, fields)


def county(name: str = "东安县", year: int = 2025, **fields: Any) -> dict[str, Any]:
    """A county report meeting every unit and school target (share 48.0%, one industry, one base,
    tilt 20% ≥ 10%).
    """
    unit = UNITS[name]
    data: dict[str, Any] = {
        "schema_version": 1,
        "unit": _unit(name),
        "year": year,
        "enrollment": {"secondary_vocational": 1200, "general_high_school": 1300},
        "general_high_school_plan": {"current": 1300, "next": 1300},
        "public_secondary_vocational_seats": 1500,
        "leading_industries": ["先进装备制造"],
        "training_bases": [{"name": f"{name}先进装备制造实训基地", "industry": "先进装备制造"}],
        "quality_committee": True,
        "internship_management": True,
        "unified_enrollment": True,
        "craftsman_students": 40,
        "pathway_3plus2": {"current": 100, "previous": 90},
        "funding": {
            "education_total": 50000,
            "vocational_total": 5000,
            "new_education": 3000,
            "new_vocational": 600,
        },
        "schools": [school(f"{name}职业中等专业学校", year=year)],
    }
    assert unit["kind"] != "city", "use city_report() for 永州市本级"
    return _merged(data, fields)


def plain_unit(name: str, year: int = 2025, **fields: Any) -> dict[str, Any]:
    """A management area or the development zone: the city-wide figures it adds, no county-level ones."""
    data: dict[str, Any] = {
        "schema_version": 1,
        "unit": _unit(name),
        "year": year,
        "public_secondary_vocational_seats": 0,
        "training_bases": [],
        "quality_committee": True,
        "craftsman_students": 0,
        "pathway_3plus2": {"current": 0, "previous": 0},
        "schools": [],
    }
    return _merged(data, fields)


def city_block(**fields: Any) -> dict[str, Any]:
    """The ``city:`` block meeting every city target (7 parks, 30 enterprises, 3 groups, 30 teams,
    5000-yuan allowances).
    """
    data: dict[str, Any] = {
        "demonstration_parks": list(PARKS[:7]),
        "demonstration_enterprises": 30,
        "vocational_groups": list(GROUPS[:3]),
        "provincial_teaching_teams": 30,
        "joint_meeting": True,
        "county_evaluation": True,
        "activity_week": True,
        "incubation_center": True,
        "talent_allowances": [{"role": "专业带头人", "amount": 5000}, {"role": "技能大师", "amount": 5000}],
        "park_funding": [{"name": park, "amount": 200} for park in PARKS[:7]],
        "talent_selected_in": 2025,
        "talent_assessment": True,
        "directed_teacher_training": 60,
        "discrimination_review": True,
    }
    return _merged(data, fields)


def city_report(year: int = 2025, **fields: Any) -> dict[str, Any]:
    """永州市本级: the three colleges (永州职业技术学院 an undergraduate one), a city secondary school,
    ``city:``.
    """
    data: dict[str, Any] = {
        "schema_version": 1,
        "unit": _unit(CITY),
        "year": year,
        "enrollment": {"secondary_vocational": 2500, "general_high_school": 3700},
        "general_high_school_plan": {"current": 3700, "next": 3700},
        "public_secondary_vocational_seats": 8000,
        "leading_industries": [],
        "training_bases": [{"name": "永州职业技术学院生物医药实训基地", "industry": "生物医药"}],
        "quality_committee": True,
        "internship_management": True,
        "craftsman_students": 200,
        "pathway_3plus2": {"current": 900, "previous": 850},
        "funding": {
            "education_total": 200000,
            "vocational_total": 28000,
            "new_education": 9000,
            "new_vocational": 1700,
        },
        "schools": [
            school(
                "永州职业技术学院",
                level="higher",
                year=year,
                established=2002,
                designations=["undergraduate"],
                majors=[major("护理", year=year, cluster="生物医药")],
            ),
            school(
                "永州师范高等专科学校",
                level="higher",
                year=year,
                established=1978,
                majors=[major("学前教育", year=year, cluster=DROP)],
            ),
            school(
                "湖南九嶷职业技术学院",
                level="higher",
                ownership="private",
                year=year,
                established=2005,
                appropriation_per_student=3000,
                majors=[major("智能制造技术", year=year)],
            ),
            school("永州市工业贸易中等专业学校", year=year, majors=[major(year=year)]),
        ],
        "city": city_block(),
    }
    return _merged(data, fields)


def _unit(name: str) -> dict[str, str]:
    unit = UNITS[name]
    return {"name": name, "kind": unit["kind"], **({"code": unit["code"]} if unit.get("code") else {})}


def _merged(data: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    for key, value in fields.items():
        if value is DROP:
            data.pop(key, None)
        else:
            data[key] = value
    return data


# ---------------------------------------------------------------------------------------------------- editing

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _parts(path: str) -> list[str | int]:
    return [int(index) if index else key for key, index in _PART.findall(path)]


def edit(report: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """A copy of the report with each dotted path (``schools[0].majors[1].rating``) set, or removed with DROP.

    Missing mappings on the way are created (``city.joint_meeting`` in a report without ``city:``).
    """
    result = copy.deepcopy(report)
    for path, value in changes.items():
        *head, last = _parts(path)
        node: Any = result
        for part in head:
            if isinstance(part, str) and part not in node:
                node[part] = {}
            node = node[part]
        if value is DROP:
            del node[last]
        else:
            node[last] = copy.deepcopy(value)
    return result


def replace_unit(
    reports: Sequence[dict[str, Any]], name: str, changes: dict[str, Any]
) -> list[dict[str, Any]]:
    """The city year with one unit's report edited."""
    return [edit(r, changes) if r["unit"]["name"] == name else r for r in reports]


def without(reports: Sequence[dict[str, Any]], *names: str) -> list[dict[str, Any]]:
    return [r for r in reports if r["unit"]["name"] not in names]


# ---------------------------------------------------------------------------------------------------- a city
# year


def split(total: int, parts: int) -> list[int]:
    """``total`` in ``parts`` near-equal whole numbers (the first ones one larger), summing to ``total``."""
    quotient, remainder = divmod(total, parts)
    return [quotient + (1 if index < remainder else 0) for index in range(parts)]


def city_year(
    year: int = 2025,
    *,
    seats: int = 25000,
    craftsman: int = 500,
    pathway: tuple[int, int] = (1100, 1000),
    teachers: int = 2000,
    dual: int = 1000,
    rotated: int = 2000,
    quality_schools: int = 6,
    chuyi_schools: int = 2,
    quality_majors: int = 10,
    demonstration_majors: int = 20,
    chuyi_majors: int = 5,
    high_level_majors: int = 3,
    pilot_majors: int = 20,
    clusters: Sequence[str] = CLUSTERS,
    new_colleges: int = 1,
    practice: Sequence[tuple[int, float]] = ((1, 6),),
    parks: int = 7,
    enterprises: int = 30,
    groups: int = 3,
    teams: int = 30,
    allowances: Sequence[float] = (5000, 5000),
    projects: int = 12,
    **block: Any,
) -> list[dict[str, Any]]:
    """The 15 reports of one year (units.yaml order), whose city-wide totals are the figures given.

    Sums are spread over the units (seats, craftsman students and 3+2 enrollment over the 11 counties and
    市本级; teachers over every school), so a city rule really adds up reports. The defaults meet every
    city target from 2025 on. ``block`` overrides fields of the ``city:`` block (``joint_meeting=False``).
    """
    reports: dict[str, dict[str, Any]] = {}
    for name in UNIT_NAMES:
        kind = UNITS[name]["kind"]
        if kind == "county":
            reports[name] = county(name, year)
        elif kind == "city":
            reports[name] = city_report(year)
        else:
            reports[name] = plain_unit(name, year)
    zone = "永州经济技术开发区"
    reports[zone]["schools"] = [
        school(
            "永州经开区技工学校",
            ownership="private",
            year=year,
            in_1x_pilot=False,
            appropriation_per_student=3000,
            majors=[major("焊接技术应用", year=year)],
        )
    ]
    city = reports[CITY]
    for index in range(new_colleges):
        city["schools"].append(
            school(
                f"永州第{index + 1}新建职业技术学院",
                level="higher",
                year=year,
                established=min(2022, year),  # founded by the report's year (crossfield)
                majors=[major("大数据技术", year=year, cluster="电子信息")],
            )
        )
    city["city"] = city_block(
        demonstration_parks=list(PARKS[:parks]),
        park_funding=[{"name": park, "amount": 200} for park in PARKS[:parks]],
        talent_selected_in=year,
        demonstration_enterprises=enterprises,
        vocational_groups=list(GROUPS[:groups]),
        provincial_teaching_teams=teams,
        talent_allowances=[
            {"role": ROLES[i % len(ROLES)], "amount": amount} for i, amount in enumerate(allowances)
        ],
        **block,
    )

    # Unit totals: the 11 counties and 市本级 share them; the management areas and the zone give 0.
    sharing = [*COUNTIES, CITY]
    for figure, total in (
        ("public_secondary_vocational_seats", seats),
        ("craftsman_students", craftsman),
        ("pathway_3plus2.current", pathway[0]),
        ("pathway_3plus2.previous", pathway[1]),
    ):
        for name, part in zip(sharing, split(total, len(sharing)), strict=True):
            reports[name] = edit(reports[name], {figure: part})

    # Secondary schools, in unit order: the counties' and 市本级's public ones, then the zone's private one.
    secondary = [s for name in UNIT_NAMES for s in reports[name]["schools"] if s["level"] == "secondary"]
    for index, item in enumerate(secondary):
        item["designations"] = (["quality_school"] if index < quality_schools else []) + (
            ["chuyi_brand"] if index < chuyi_schools else []
        )
        item["majors"] = []
    assert quality_schools <= len(secondary) and chuyi_schools <= len(secondary)

    # Secondary majors, dealt out to the secondary schools in turn.
    count = max(quality_majors, demonstration_majors, chuyi_majors, pilot_majors, len(clusters), 1)
    for index in range(count):
        name = MAJOR_NAMES[index % len(MAJOR_NAMES)]
        if index >= len(MAJOR_NAMES):
            name += f"（{index // len(MAJOR_NAMES) + 1}）"
        fields: dict[str, Any] = {
            "cluster": clusters[index % len(clusters)] if clusters else DROP,
            "pilot_1x": index < pilot_majors,
            "designations": [
                d
                for d, n in (
                    ("quality", quality_majors),
                    ("demonstration", demonstration_majors),
                    ("chuyi", chuyi_majors),
                )
                if index < n
            ],
        }
        secondary[index % len(secondary)]["majors"].append(major(name, year=year, **fields))

    # High-level majors: at 永州职业技术学院, a higher college.
    college = reports[CITY]["schools"][0]
    college["majors"] = [major("护理", year=year, cluster="生物医药")] + [
        major(f"{name}技术", year=year, cluster=DROP, designations=["high_level"])
        for name in ("电子信息工程", "药品生产", "智能控制", "工业互联网", "应用化工", "现代物流")[
            :high_level_majors
        ]
    ]
    assert high_level_majors <= 6

    # Teachers over every school; practice groups at the first schools.
    schools = [s for name in UNIT_NAMES for s in reports[name]["schools"]]
    for school_data, t, d, r in zip(
        schools,
        split(teachers, len(schools)),
        split(dual, len(schools)),
        split(rotated, len(schools)),
        strict=True,
    ):
        school_data.update(teachers=t, dual_qualified_teachers=d, teachers_rotated=r, enterprise_practice=[])
    for index, (n, months) in enumerate(practice):
        schools[index % len(schools)]["enterprise_practice"].append({"teachers": n, "months": months})

    # Training bases: each county's serves one of the six clusters in turn, so that together they cover all
    # six.
    for index, name in enumerate(COUNTIES):
        cluster = CLUSTERS[index % len(CLUSTERS)]
        reports[name]["training_bases"] = [{"name": f"{name}{cluster}实训基地", "industry": cluster}]

    # Clause 2's projects: the first ``projects`` of the 12 completed, the rest being built. The two city
    # schools the defaults lack come without teachers or majors, so that no other city-wide figure moves.
    reports["双牌县"]["schools"][0]["name"] = "双牌县职业技术学校"
    for name in ("永州市综合职业中等专业学校", "永州市工商职业中等专业学校"):
        reports[CITY]["schools"].append(
            school(
                name,
                year=year,
                teachers=0,
                dual_qualified_teachers=0,
                teachers_rotated=0,
                enterprise_practice=[],
                majors=[],
                ideological_courses=0,
                worker_training_bases=0,
            )
        )
    by_name = {s["name"]: s for s in (s for r in reports.values() for s in r["schools"])}
    for index, name in enumerate(PROJECT_SCHOOLS):
        by_name[name]["construction_project"] = "completed" if index < projects else "building"
    return [reports[name] for name in UNIT_NAMES]


# ----------------------------------------------------------------------------------------------------
# checking

_BUILTIN: list[RulePack] | None = None


def builtin_packs() -> list[RulePack]:
    global _BUILTIN
    if _BUILTIN is None:
        _BUILTIN = load_packs()
    return _BUILTIN


def write_report(directory: Path, report: dict[str, Any], name: str | None = None) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    unit = report.get("unit", {}).get("name", "report")
    path = directory / (name or f"{report.get('year', 'x')}-{_ascii(unit)}.yaml")
    path.write_text(to_yaml(report), encoding="utf-8")
    return path


def to_yaml(report: dict[str, Any]) -> str:
    return yaml.safe_dump(_evaluated_by_year(report), allow_unicode=True, sort_keys=False)


def _evaluated_by_year(report: dict[str, Any]) -> dict[str, Any]:
    """Majors built with the default year (2025) put into an earlier report were evaluated in the report's
    year: the format refuses an evaluation after it."""
    year = report.get("year")
    schools = report.get("schools")
    if not isinstance(year, int) or not isinstance(schools, list):
        return report
    for school_data in schools:
        for major_data in (school_data.get("majors") or []) if isinstance(school_data, dict) else []:
            evaluated = major_data.get("evaluated_in") if isinstance(major_data, dict) else None
            if isinstance(evaluated, int) and evaluated > year:
                major_data["evaluated_in"] = year
    return report


def _ascii(name: str) -> str:
    index = UNIT_NAMES.index(name) if name in UNIT_NAMES else 99
    return f"unit{index:02d}"


def write_reports(directory: Path, reports: Iterable[dict[str, Any]]) -> list[Path]:
    return [write_report(directory, report) for report in reports]


_runs = itertools.count()
Evaluated = TypeVar("Evaluated", ReportEvaluation, CityEvaluation)


def run_reports(
    directory: Path,
    reports: Iterable[dict[str, Any]],
    *,
    lang: str = "zh",
    strict: bool = False,
    selected: set[str] | None = None,
    packs: Sequence[RulePack] | None = None,
) -> Run:
    """Write the reports into a fresh folder under ``directory``, load them and evaluate them."""
    folder = directory / f"run{next(_runs)}"
    packs = list(packs) if packs is not None else builtin_packs()
    units = packs[0].units
    valid: list[ReportFile] = []
    invalid: list[InvalidReport] = []
    for path in write_reports(folder, reports):
        loaded = load_report(path, units, display=str(path))
        if isinstance(loaded, InvalidReport):
            invalid.append(loaded)
        else:
            valid.append(loaded)
    assert not invalid, "test report rejected: " + "; ".join(
        f"{p.where()} {p.path} {p.code} {dict(p.params)}" for bad in invalid for p in bad.problems
    )
    run = evaluate(valid, invalid, packs, selected=selected, strict=strict)  # type: ignore[arg-type]
    return rendered(run, lang)


def rendered(run: Run, lang: str) -> Run:
    """The run with its wording (explanations, notes, notices) rendered in ``lang``, as every view renders it:
    what the tests compare with text. One evaluation renders in any language
    (tests/golden/test_one_evaluation.py)."""
    tr = Translator(lang)  # type: ignore[arg-type]

    def result(r: RuleResult) -> RuleResult:
        items = tuple(replace(i, explanation=tr.render(i.explanation)) for i in r.items)
        return replace(
            r, explanation=tr.render(r.explanation), notes=tuple(map(tr.render, r.notes)), items=items
        )

    def evaluation(e: Evaluated) -> Evaluated:
        return replace(e, results=tuple(map(result, e.results)), notices=tuple(map(tr.render, e.notices)))

    return replace(
        run,
        reports=tuple(map(evaluation, run.reports)),
        city=tuple(map(evaluation, run.city)),
        notices=tuple(map(tr.render, run.notices)),
    )


def by_rule(evaluation: ReportEvaluation | CityEvaluation) -> dict[str, RuleResult]:
    return {result.rule.id: result for result in evaluation.results}


def check_unit(directory: Path, report: dict[str, Any], *, lang: str = "zh") -> dict[str, RuleResult]:
    """The results of one report on its own, by rule ID."""
    run = run_reports(directory, [report], lang=lang)
    assert len(run.reports) == 1
    return by_rule(run.reports[0])


def check_city(
    directory: Path, reports: Iterable[dict[str, Any]], *, lang: str = "zh"
) -> dict[str, RuleResult]:
    """The city-wide results of one year's reports (a 市本级 report among them), by rule ID."""
    run = run_reports(directory, reports, lang=lang)
    assert len(run.city) == 1, f"expected one city-wide evaluation, got {len(run.city)}: {run.notices}"
    return by_rule(run.city[0])


def with_rules(rules: Sequence[Any]) -> list[RulePack]:
    """The built-in pack with its rules replaced by these (rule models built in a test)."""
    from zhijiao_check.pack.load import RuleSource

    pack = builtin_packs()[0]
    sources = {rule.id: RuleSource("<test>", 1) for rule in rules}
    return [replace(pack, rules=tuple(rules), sources=sources)]


# ------------------------------------------------------------------------------------------- the command line


INTERNAL_ERROR = 3
"""The exit status of a bug (``内部错误`` / ``internal error``): never the answer to anything a user wrote."""


def invoke(
    *args: object,
    internal_error: bool = False,
    env: Mapping[str, str | None] | None = None,
    input: str | bytes | None = None,
    catch_exceptions: bool = True,
) -> Result:
    """``zhijiao-check ARGS`` in this process (typer's ``CliRunner``), each argument as text; the
    ``Result``, once it is sure no bug was hit: no exception escaped the command, nothing printed a
    ``Traceback``, and the exit status is not 3. A test of the internal error itself says
    ``internal_error=True``: then the status must be 3, and a traceback is allowed with ``--debug`` only.
    ``env``, ``input`` and ``catch_exceptions`` are ``CliRunner.invoke``'s."""
    argv = [str(arg) for arg in args]
    result = CliRunner().invoke(app, argv, env=env, input=input, catch_exceptions=catch_exceptions)
    escaped = result.exception is not None and not isinstance(result.exception, SystemExit)
    # An exception the command let through prints no traceback here (CliRunner keeps it) and exits 1, the
    # status of a target not met: only ``exception`` tells it.
    assert not escaped, "an exception escaped the command:\n" + "".join(
        traceback.format_exception(result.exception)
    )
    if not (internal_error and "--debug" in argv):
        assert "Traceback" not in result.output, "a traceback was printed:\n" + result.output
        assert "Traceback" not in result.stderr, "a traceback was printed:\n" + result.stderr
    if internal_error:
        assert result.exit_code == INTERNAL_ERROR, f"exit {result.exit_code}, not 3:\n{result.output}"
    else:
        assert result.exit_code != INTERNAL_ERROR, "exit 3, an internal error:\n" + result.output
    return result


def line_of(path: Path | str, text: str, occurrence: int = 1, *, after: str = "", only: bool = False) -> int:
    """The 1-based line of a file (a ``Path`` or its name) where the ``occurrence``-th ``text`` is: see
    ``line_in``, which reads the text this reads from the file."""
    return line_in(Path(path).read_text(encoding="utf-8"), text, occurrence, after=after, only=only)


def line_in(content: str, text: str, occurrence: int = 1, *, after: str = "", only: bool = False) -> int:
    """The 1-based line of ``content`` where its ``occurrence``-th ``text`` begins (``text`` may hold line
    breaks). ``after``: counted from the start of the first line holding ``after``. ``only``: ``text``
    must be on one line alone, or the test is wrong about the file."""
    start = content.rfind("\n", 0, content.index(after)) + 1 if after else 0
    lines = [content.count("\n", 0, index) + 1 for index in _found(content, text, start)]
    assert len(lines) >= occurrence, f"{text!r} is in the text {len(lines)} times, not {occurrence}"
    assert not only or len(set(lines)) == 1, f"{text!r} is on lines {sorted(set(lines))}"
    return lines[occurrence - 1]


def _found(content: str, text: str, start: int) -> Iterator[int]:
    """Where each ``text`` begins from ``start`` on, overlapping ones too."""
    index = content.find(text, start)
    while index >= 0:
        yield index
        index = content.find(text, index + 1)


# ---------------------------------------------------------------------------------------------------- custom
# packs


def write_pack(
    directory: Path,
    rules_yaml: str,
    *,
    policy: str,
    pack_id: str = "test-pack",
    file_name: str = "clause-90.yaml",
) -> Path:
    """A rule pack folder: pack.yaml, the built-in units.yaml,
    a policy text and one rule file (as written).
    """
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "pack.yaml").write_text(
        f"id: {pack_id}\n"
        "document: 测试文件〔2024〕1号\n"
        "title: {zh: 测试政策, en: Test policy}\n"
        "issued: 2021-09-04\n"
        "policy: policy.md\n"
        "clauses:\n"
        "  - {number: 90, title: {zh: 测试条款, en: Test clause}}\n",
        encoding="utf-8",
    )
    (directory / "units.yaml").write_text(
        (PACK_DIR / "units.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (directory / "policy.md").write_text(policy, encoding="utf-8")
    (directory / file_name).write_text(rules_yaml, encoding="utf-8")
    return directory


def every_status_inputs(base: Path) -> tuple[Path, Path]:
    """Inputs under which a run has every status: ``base/2023-partial`` is 2023 without 蓝山县 (city-wide
    rules due with a unit missing: ``missing``), ``base/pack-warn`` the built-in pack with
    ``c1.vocational-share`` a warning rule (江永县 2023 at 41%: ``warn``). Returns the two folders."""
    year = base / "2023-partial"
    year.mkdir()
    for report in sorted((SAMPLES / "2023").glob("*.yaml")):
        if report.name != "lanshan.yaml":
            shutil.copy(report, year / report.name)
    pack = base / "pack-warn"
    shutil.copytree(PACK_DIR, pack)
    clause = pack / "clause-01.yaml"
    text = clause.read_text(encoding="utf-8")
    target = '    target: {op: ">=", value: 0.45}\n'
    assert target in text
    clause.write_text(text.replace(target, target + "    severity: warning\n", 1), encoding="utf-8")
    return year, pack
