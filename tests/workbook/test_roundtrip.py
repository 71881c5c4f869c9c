"""convert loses nothing: any valid report of format v1, YAML → xlsx → YAML → xlsx, is the same data.

The reports are generated from the models themselves (``report.model``): every field of every model, each
present or absent, lists empty or not, names with spaces, digits, = or quotes. A field added to the format is
generated as soon as it exists, so it is round-tripped without anyone remembering to; a field of a type the
generator does not know stops the tests, and ``test_a_report_with_every_field_round_trips`` checks that its
report holds every field the models have. What the models alone do not say (the cross-field rules of
``report.crossfield``: unique names, parts of the teaching staff, parks and their funding) is applied on top.
One normalisation, documented in docs/excel.md: designations are a set of 是/否 columns, so they come back in
the format's order; an empty block (``funding: {}``) is written as nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal, get_args, get_origin

import pytest
import yaml
from factory import CITY, UNITS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from zhijiao_check.commands.template import report_as
from zhijiao_check.located import TINY
from zhijiao_check.pack.load import load_packs
from zhijiao_check.report import ReportFile, load_report
from zhijiao_check.report.crossfield import _PARTS_OF_TEACHERS
from zhijiao_check.report.joined import joined_by
from zhijiao_check.report.model import (
    MAJOR_DESIGNATION_LABELS,
    SCHOOL_DESIGNATION_LABELS,
    CityBlock,
    Report,
    School,
)
from zhijiao_check.report.scalars import MAXIMUM, NONE_WORDS
from zhijiao_check.report.workbook.layout import LIST_SEPARATORS
from zhijiao_check.report.workbook.write import CELL_CHARACTERS

# Each example writes and reads a workbook twice (about a second): fewer by default than the YAML fuzzing.
EXAMPLES = max(int(os.environ.get("ZHIJIAO_FUZZ_EXAMPLES", "25")) // 2, 5)
ROUND_TRIP = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)
UNIT_REGISTRY = load_packs([])[0].units
MAX_ENTRIES = 3

# Names as counties write them, and the awkward ones: digits only, a leading =, quotes, spaces
# inside, an error code's text.
name_chars = st.sampled_from("职业技术学校电子信息永州东安零陵机电护理 ABCxyz0123456789=\"'()（）-·")
names = st.sampled_from(("#N/A", "#DIV/0!")) | st.text(name_chars, min_size=1, max_size=14).filter(
    lambda s: s.strip() == s and s.strip()
)  # a spreadsheet's error codes, as names, too
# An item of a list of names shares its cell with the others: no separator in it, and no word for "none"
# (无, -: docs/excel.md; a list of none is written as no names).
# Nor what reads as several names (``report.joined``: a slash, a space between Chinese names, a number that
# starts a name): drawn without spaces and brackets, so that few are filtered out.
list_items = st.text(
    st.sampled_from("职业技术学校电子信息永州东安零陵机电护理ABCxyz0123456789=\"'-·"), min_size=1, max_size=14
).filter(lambda s: s.lower() not in NONE_WORDS and joined_by(s) is None)


def amounts_up_to(top: float) -> st.SearchStrategy[float]:
    """Whole and fractional amounts within a field's bound (docs/report-format.md "Number bounds"). A cell
    is read to the 15 significant digits Excel keeps (convert refuses more); figures with cents are far
    within; a figure that is not 0 is at least ``located.TINY`` (10⁻¹²: below it no real figure)."""
    return st.one_of(
        st.integers(0, int(top)),
        st.floats(0, top, allow_nan=False, allow_infinity=False)
        .map(lambda f: float(f"{f:.15g}"))
        .filter(lambda f: f == 0 or f >= TINY),
    )


amounts = amounts_up_to(min(MAXIMUM["yuan"], MAXIMUM["wan_yuan"]))  # where the kind of amount is not at hand
LARGEST_COUNT = 10**7


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """A type and its constraints (``Ge(0)``), from an ``Annotated`` alias such as ``model.Text``."""
    if get_origin(annotation) is not Annotated:
        return annotation, []
    base, *extras = get_args(annotation)
    constraints: list[Any] = []
    for extra in extras:
        constraints += extra.metadata if isinstance(extra, FieldInfo) else [extra]
    return base, constraints


def _bound(constraints: list[Any], name: str) -> Any:
    """The model's bound ``ge``, ``le`` or ``gt`` (pydantic's ``Ge(ge=0)`` and so on), if it has one."""
    return next((getattr(c, name) for c in constraints if hasattr(c, name)), None)


def value_of(
    annotation: Any, constraints: list[Any], path: tuple[str, ...], full: bool
) -> st.SearchStrategy[Any]:
    """Values of one field's type within the model's bounds;
    an unknown type stops the test rather than skip.
    """
    annotation, more = _unwrap(annotation)
    constraints = [*constraints, *more]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return entry(annotation, path, full)
    if get_origin(annotation) is list:
        item, item_constraints = _unwrap(get_args(annotation)[0])
        size = {"min_size": 1 if full else 0, "max_size": MAX_ENTRIES}
        if isinstance(item, type) and issubclass(item, BaseModel):
            unique = {"unique_by": lambda e: e["name"].strip()} if item.model_fields.get("name") else {}
            return st.lists(entry(item, path, full), **size, **unique)
        if get_origin(item) is Literal:  # designations: each at most once
            return st.lists(st.sampled_from(get_args(item)), unique=True, min_size=size["min_size"])
        if item is str:
            # a name twice is counted twice: an error; items that, in one cell, read as numbered, refused
            return st.lists(list_items, **size, unique=True).filter(
                lambda items: joined_by("、".join(items), LIST_SEPARATORS) is None
            )
        raise TypeError(f"no values for {'.'.join(path)}: a list of {item} {item_constraints}")
    if get_origin(annotation) is Literal:
        return st.sampled_from(get_args(annotation))
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        low = _bound(constraints, "ge")
        high = _bound(constraints, "le")
        return st.integers(low, high if high is not None else low + LARGEST_COUNT)
    if annotation is float:
        above = _bound(constraints, "gt")
        assert _bound(constraints, "ge") == 0 or above == 0, f"new bounds for {'.'.join(path)}"
        within = amounts_up_to(_bound(constraints, "le"))
        return within.filter(lambda f: f > 0) if above is not None else within
    if annotation is str:
        return names
    raise TypeError(f"no values for {'.'.join(path)}: {annotation}")


@st.composite
def entry(
    draw: st.DrawFn,
    model: type[BaseModel],
    path: tuple[str, ...],
    full: bool,
    fixed: dict[str, Any] | None = None,
    left_out: tuple[str, ...] = (),
) -> dict[str, Any]:
    """A mapping of ``model``'s fields, each optional one present or absent (every one when ``full``); an
    empty block is left out, as the workbook writes it. The caller fixes some fields, or leaves some out."""
    out: dict[str, Any] = dict(fixed or {})
    for name, info in model.model_fields.items():
        if name in out or name in left_out:
            continue
        if not (info.is_required() or full or draw(st.booleans())):
            continue
        value = draw(value_of(info.annotation, list(info.metadata), (*path, name), full))
        if isinstance(value, dict) and not value:
            continue
        out[name] = value
    return _cross_field(draw, model, out)


def _cross_field(draw: st.DrawFn, model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    """What ``report.crossfield`` asks beyond the models: parts of the staff within it (双师型 teachers
    within the specialised-course ones), every park funded once, no major evaluated and no school founded
    or upgraded after the report's year, none upgraded before it was founded."""
    if model is School and "teachers" in data:
        for part in _PARTS_OF_TEACHERS:
            if part in data:
                data[part] = draw(st.integers(0, data["teachers"]))
    if model is School and "dual_qualified_teachers" in data and "professional_teachers" in data:
        data["dual_qualified_teachers"] = draw(st.integers(0, data["professional_teachers"]))
    if model is CityBlock and "park_funding" in data and "demonstration_parks" in data:
        parks = draw(st.permutations(list(dict.fromkeys(data["demonstration_parks"]))))
        data["park_funding"] = [{"name": park, "amount": draw(amounts)} for park in parks]
    if model is Report and "year" in data:
        for major in (major for school in data.get("schools", []) for major in school.get("majors", [])):
            if major.get("evaluated_in", 0) > data["year"]:
                major["evaluated_in"] = draw(st.integers(2000, data["year"]))
        for school in data.get("schools", []):  # founded, then upgraded, by the report's year
            for field in ("established", "upgraded"):
                if school.get(field, 0) > data["year"]:
                    school[field] = draw(st.integers(2000, data["year"]))
            if "upgraded" in school and school["upgraded"] < school.get("established", 0):
                school["upgraded"] = draw(st.integers(school["established"], data["year"]))
    return data


@st.composite
def reports(draw: st.DrawFn, full: bool = False) -> dict[str, Any]:
    """A valid report of one of the 15 units;
    only the 市本级's has a ``city:`` block (``full``: the 市本级's, with every field).
    """
    unit = UNITS[CITY if full else draw(st.sampled_from(sorted(UNITS)))]
    identity = {
        "name": unit["name"],
        "kind": unit["kind"],
        **({"code": unit["code"]} if unit.get("code") else {}),
    }
    return draw(
        entry(
            Report,
            (),
            full,
            {"schema_version": 1, "unit": identity},
            left_out=() if unit["kind"] == "city" else ("city",),
        )
    )


def model_fields(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """The path of every field of the format (``schools.majors.rating``), entries of lists by their fields."""
    for name, info in model.model_fields.items():
        inner = get_args(info.annotation)[0] if get_origin(info.annotation) is list else info.annotation
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            yield from model_fields(inner, (*prefix, name))
        else:
            yield (*prefix, name)


def fields_given(data: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """The path of every field a report gives, in the same terms as ``model_fields``."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from fields_given(value, (*prefix, key))
    elif isinstance(data, list) and data and all(isinstance(item, dict) for item in data):
        for item in data:
            yield from fields_given(item, prefix)
    else:
        yield prefix


def canonical(data: Any) -> Any:
    """Designations in the format's order (a workbook holds them as a set of 是/否 columns)."""
    order = {
        **{k: n for n, k in enumerate(SCHOOL_DESIGNATION_LABELS)},
        **{k: n for n, k in enumerate(MAJOR_DESIGNATION_LABELS)},
    }
    if isinstance(data, dict):
        return {
            k: sorted(v, key=order.__getitem__) if k == "designations" else canonical(v)
            for k, v in data.items()
        }
    if isinstance(data, list):
        return [canonical(item) for item in data]
    return data


def round_trip(folder: Path, data: dict[str, Any]) -> None:
    """YAML → xlsx → YAML gives the same data,
    and so does that YAML → xlsx again (the workbook written from a workbook's reading reads the same).
    """
    source = folder / "report.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    current = load_report(source, UNIT_REGISTRY)
    assert isinstance(current, ReportFile), [(p.code, p.path) for p in current.problems]  # generated valid
    for leg in (1, 2):
        book = folder / f"leg{leg}.xlsx"
        book.write_bytes(report_as("xlsx", current.data))  # type: ignore[arg-type]
        read = load_report(book, UNIT_REGISTRY)
        assert isinstance(read, ReportFile), [(p.code, p.cell) for p in read.problems]
        assert [w.code for w in read.warnings if w.area == "workbook"] == []
        back = folder / f"leg{leg}.yaml"
        back.write_text(str(report_as("yaml", read.data)), encoding="utf-8")
        assert canonical(yaml.safe_load(back.read_text(encoding="utf-8"))) == canonical(data)
        current = load_report(back, UNIT_REGISTRY)
        assert isinstance(current, ReportFile)


@ROUND_TRIP
@given(data=reports())
def test_yaml_to_xlsx_to_yaml_is_the_same_report(tmp_path_factory, data: dict[str, Any]) -> None:
    round_trip(tmp_path_factory.mktemp("round"), data)


@settings(ROUND_TRIP, max_examples=max(EXAMPLES // 4, 2))
@given(data=reports(full=True))
def test_a_report_with_every_field_round_trips(tmp_path_factory, data: dict[str, Any]) -> None:
    """A field added to a model is generated here, or the generator says which type it cannot make; and the
    generator invents no field the models do not have."""
    format_fields = set(model_fields(Report))
    assert {
        ("schools", "upgraded"),
        ("schools", "professional_teachers"),
        ("schools", "construction_project"),
        ("city", "park_funding", "amount"),
        ("schools", "majors", "designations"),
    } <= format_fields
    assert set(fields_given(data)) == format_fields
    round_trip(tmp_path_factory.mktemp("full"), data)


def test_convert_both_ways_on_the_command_line(run_cli, tmp_path: Path) -> None:
    from factory import SAMPLES

    for sample in ("shibenji", "dongan", "jingkaiqu"):
        source = SAMPLES / "2023" / f"{sample}.yaml"
        assert run_cli("convert", source, "-o", tmp_path / f"{sample}.xlsx").exit_code == 0
        assert (
            run_cli("convert", tmp_path / f"{sample}.xlsx", "-o", tmp_path / f"{sample}.yaml").exit_code == 0
        )
        assert yaml.safe_load((tmp_path / f"{sample}.yaml").read_text(encoding="utf-8")) == yaml.safe_load(
            source.read_text(encoding="utf-8")
        )


def test_convert_says_the_warnings_of_what_it_read(run_cli, tmp_path: Path) -> None:
    """A report converted all the same tells what ``check`` would warn of: here, read as GB18030, and named
    by Notepad with an extra .txt."""
    from factory import SAMPLES

    source = tmp_path / "dongan.yaml.txt"
    source.write_bytes((SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8").encode("gb18030"))
    result = run_cli("convert", source, "-o", tmp_path / "dongan.xlsx")
    assert result.exit_code == 0 and (tmp_path / "dongan.xlsx").exists()
    warnings = [line for line in result.stderr.splitlines() if ": 警告：" in line]
    assert len(warnings) == 2
    assert any("GB18030" in line for line in warnings)
    assert any("请把文件改名为“dongan.yaml”" in line for line in warnings)


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
    copy.write_text(
        copy.read_text(encoding="utf-8").replace("先进装备制造", "先进装备制造、机械"), encoding="utf-8"
    )
    result = run_cli("convert", copy, "-o", tmp_path / "y.xlsx")
    assert (
        result.exit_code == 2 and "leading_industries" in result.output and not (tmp_path / "y.xlsx").exists()
    )
    # items each one name, which in one cell read as a numbered list ("1、电子信息"): refused as the list
    industries = next(
        line for line in source.read_text(encoding="utf-8").splitlines() if "leading_industries" in line
    )
    copy.write_text(
        source.read_text(encoding="utf-8").replace(industries, "leading_industries: ['1', 电子信息]"),
        encoding="utf-8",
    )
    result = run_cli("convert", copy, "-o", tmp_path / "n.xlsx")
    assert result.exit_code == 2 and "1、电子信息" in result.output and not (tmp_path / "n.xlsx").exists()
    copy.write_text(
        source.read_text(encoding="utf-8").replace(
            "new_education: 3000", "new_education: 3000.0000000000005"
        ),
        encoding="utf-8",
    )
    result = run_cli("convert", copy, "-o", tmp_path / "p.xlsx")
    assert (
        result.exit_code == 2
        and "funding.new_education" in result.output
        and not (tmp_path / "p.xlsx").exists()
    )
    copy.write_text("schema_version: 2\n", encoding="utf-8")
    assert run_cli("convert", copy, "-o", tmp_path / "z.xlsx").exit_code == 2


@pytest.mark.parametrize("length", [CELL_CHARACTERS, CELL_CHARACTERS + 1, 40_000])
def test_a_name_longer_than_a_cell_holds_is_refused_at_its_line_and_nothing_written(
    run_cli, tmp_path: Path, length: int
) -> None:
    """openpyxl cut a 40,000-character name to the 32,767 a cell holds, and convert said nothing: the name
    came back cut. The most a cell holds comes back whole; one more is refused at its line, as a number of
    more digits than a cell keeps is, by convert and by template --from alike."""
    from factory import SAMPLES

    name = "实" * length
    source = tmp_path / "long.yaml"
    text = (SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8")
    source.write_text(text.replace("name: 东安县电机制造实训基地", f"name: {name}"), encoding="utf-8")
    out, back = tmp_path / "long.xlsx", tmp_path / "back.yaml"
    result = run_cli("convert", source, "-o", out, "--lang", "en")
    if length <= CELL_CHARACTERS:
        assert result.exit_code == 0 and run_cli("convert", out, "-o", back).exit_code == 0
        assert yaml.safe_load(back.read_text(encoding="utf-8"))["training_bases"][0]["name"] == name
        return
    assert result.exit_code == 2 and not out.exists()
    said = f"{source}:21:11: error: training_bases[0].name: "
    english = (
        f"{said}this text has {length:,} characters, more than the 32,767 a cell of Excel holds: written "
        "into a workbook it would be cut short. Shorten it first (nothing was written)"
    )
    assert result.stderr.splitlines() == [english]
    result = run_cli("template", "--unit", "东安县", "--year", "2024", "--from", source, "-o", out)
    assert result.exit_code == 2 and not out.exists()
    chinese = (
        f"{said.replace('error: ', '错误：')}这段文字共 {length:,} 个字符，"
        "超过 Excel 一个单元格能保存的 32,767 个，写进工作簿会被截断：请先缩短（未写出任何文件）"
    )
    assert result.stderr.splitlines() == [chinese]


def test_names_of_a_list_that_one_cell_cannot_hold_together_are_refused_at_the_list(
    run_cli, tmp_path: Path
) -> None:
    """A list of names shares one cell, joined by 、: each name fits, all of them do not."""
    from factory import SAMPLES

    half = CELL_CHARACTERS // 2 + 1  # each fits a cell
    source = tmp_path / "list.yaml"
    text = (SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8")
    listed = f"leading_industries: [{'甲' * half}, {'乙' * half}]"
    source.write_text(
        text.replace("leading_industries: [先进装备制造, 农产品精深加工]", listed), encoding="utf-8"
    )
    result = run_cli("convert", source, "-o", tmp_path / "list.xlsx", "--lang", "en")
    assert result.exit_code == 2 and not (tmp_path / "list.xlsx").exists()
    assert result.stderr.startswith(
        f"{source}:19:21: error: leading_industries: these names, joined by 、 in the one cell a workbook "
        f"gives them, have {2 * half + 1:,} characters, more than the 32,767"
    )


@pytest.mark.parametrize(
    ("old", "new", "place"),
    [
        # a list item holding a separator, at the item (docs/excel.md: "在 YAML 的行号处报错")
        (
            "leading_industries: [先进装备制造, 农产品精深加工]",
            "leading_industries: [先进装备制造、新材料]",
            "19:22",
        ),
        ("new_education: 3000", "new_education: 3000.0000000000005", "33:18"),
    ],
)
def test_what_a_cell_cannot_hold_is_refused_at_its_line_and_column(
    run_cli, tmp_path: Path, old: str, new: str, place: str
) -> None:
    from factory import SAMPLES

    source = tmp_path / "sep.yaml"
    text = (SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8")
    assert old in text
    source.write_text(text.replace(old, new), encoding="utf-8")
    result = run_cli("convert", source, "-o", tmp_path / "sep.xlsx", "--lang", "en")
    assert result.exit_code == 2 and not (tmp_path / "sep.xlsx").exists()
    assert f"{source}:{place}: error: " in result.stderr
