"""The report's kept validator (``report.validator``): the models' checks without the model classes, kept
between runs, giving the models' errors."""

from __future__ import annotations

import copy
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from factory import SAMPLES, invoke
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from pydantic_core import SchemaValidator

from zhijiao_check.located import LongNumber, TinyNumber, WrittenWhole
from zhijiao_check.report import validator
from zhijiao_check.report.model import Report

BASE = yaml.safe_load((SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8"))
CITY = yaml.safe_load((SAMPLES / "2023" / "shibenji.yaml").read_text(encoding="utf-8"))
TYPED = validator.from_models()
QUICK = SchemaValidator(validator.quick(validator._schema()))

# What a county might type in any field, right or wrong.
VALUES = st.sampled_from(
    [None, 0, -1, 3, 1.5, "3,120", "是", "", "abc", True, [], {}, [1], {"x": 1}, "2023年", 10**12, "public"]
)
# And what YAML's readers give besides (their own numbers), at a field's bounds, or near a choice's words.
READ = st.one_of(
    VALUES,
    st.sampled_from(
        [
            *(LongNumber("1" * 30), LongNumber("-" + "1" * 30), TinyNumber("1e-400")),
            *(1800, 1799, 2000, 2023, 2100, 2101, 10_000_000, 10_000_001, 1, False, 0.0, 2.5, 600.5),
            *(float("nan"), float("inf"), "county", "city", "green", " green", "GREEN", "绿牌", "新材料"),
        ]
    ),
)


def errors(validate: Any, data: Any) -> list[tuple[Any, ...]]:
    """Each error as (type, place, value, context): a model's ``model_type`` (whose context names the model)
    read as a typed dict's ``dict_type``, as ``validate._describe`` reads both."""
    try:
        validate(data)
    except ValidationError as error:
        return [
            ("dict_type", e["loc"], repr(e["input"]), None)
            if e["type"] == "model_type"
            else (e["type"], e["loc"], repr(e["input"]), e.get("ctx"))
            for e in error.errors(include_url=False)
        ]
    return []


def paths(value: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [here]
    if isinstance(value, dict):
        found += [p for key, item in value.items() for p in paths(item, (*here, key))]
    elif isinstance(value, list):
        found += [p for index, item in enumerate(value) for p in paths(item, (*here, index))]
    return found


@st.composite
def reports(draw: st.DrawFn, values: st.SearchStrategy[Any] = VALUES) -> Any:
    """A sample report with a few of its values (or whole mappings and lists) replaced, removed or joined by
    an unknown key. Each value put in is a copy: a later change may reach inside it, and a change to one of
    ``VALUES``' own lists or mappings would change what later examples draw (Hypothesis calls that flaky)."""
    data = copy.deepcopy(draw(st.sampled_from([BASE, CITY])))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        path = draw(st.sampled_from(paths(data)[1:]))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        change = draw(st.sampled_from(["replace", "remove", "unknown"]))
        if change == "replace":
            parent[path[-1]] = copy.deepcopy(draw(values))
        elif change == "remove" and isinstance(parent, dict):
            del parent[path[-1]]
        elif isinstance(parent, dict):
            unknown = draw(st.sampled_from(["teacher", "专任教师", "studnets", "x"]))
            parent[unknown] = copy.deepcopy(draw(values))
    return data


@settings(max_examples=300, deadline=None)
@given(data=reports())
def test_the_kept_validator_finds_what_the_models_find(data: Any) -> None:
    assert errors(TYPED.validate_python, data) == errors(Report.model_validate, data)


@pytest.mark.parametrize("data", [BASE, CITY, None, [], "text"])
def test_the_kept_validator_passes_and_refuses_whole_reports_as_the_models_do(data: Any) -> None:
    assert errors(TYPED.validate_python, data) == errors(Report.model_validate, data)


@settings(max_examples=500, deadline=None)
@given(data=reports(READ))
def test_what_the_quick_form_accepts_from_yaml_the_validator_accepts(data: Any) -> None:
    if QUICK.isinstance_python(data):
        assert errors(TYPED.validate_python, data) == []


def test_the_quick_form_accepts_the_samples_and_is_for_yaml_alone() -> None:
    assert QUICK.isinstance_python(BASE) and QUICK.isinstance_python(CITY)
    # a whole number JSON wrote with a point, which no YAML reader gives: the validator alone refuses it
    pointed = {**BASE, "year": WrittenWhole(2023, "2023.0")}
    assert QUICK.isinstance_python(pointed) and errors(TYPED.validate_python, pointed)


def test_the_kept_schema_pickles_names_no_model_class_and_makes_the_validator() -> None:
    body = pickle.dumps(validator._schema())
    assert b"zhijiao_check.report.model" not in body
    assert errors(SchemaValidator(pickle.loads(body)).validate_python, {**BASE, "year": "2023年"}) == errors(
        Report.model_validate, {**BASE, "year": "2023年"}
    )


def run(cache: Path) -> subprocess.CompletedProcess[str]:
    """A one-report run of the console script with its own cache folder; prints whether the models were
    loaded."""
    code = (
        "import sys\n"
        "sys.argv = ['zhijiao-check', sys.argv[1], '-f', 'json']\n"
        "from zhijiao_check.entry import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('models', 'zhijiao_check.report.model' in sys.modules, file=sys.stderr)\n"
        "door = 'pydantic_core.core_schema' in sys.modules, 'pydantic' in sys.modules\n"
        "print('door', *door, file=sys.stderr)\n"
    )
    env = {**os.environ, "ZHIJIAO_CHECK_CACHE": str(cache)}
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    return subprocess.run(
        [sys.executable, "-c", code, str(SAMPLES / "2023" / "dongan.yaml")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_a_run_after_the_first_checks_a_report_without_making_the_models(tmp_path: Path) -> None:
    first, second = run(tmp_path), run(tmp_path)
    assert "models True" in first.stderr  # made them, and kept the validator
    assert [p.name.startswith("report-") for p in tmp_path.iterdir()].count(True) == 1
    assert "models False" in second.stderr
    assert second.stdout == first.stdout and '"score"' in second.stdout
    # nor pydantic-core's door nor Pydantic's: the validator's compiled module alone (``pydantic_compiled``)
    assert "door False False" in second.stderr


def test_a_problem_worded_by_the_models_after_the_validator_alone_reads_as_ever(tmp_path: Path) -> None:
    """An unknown field is worded by the models (``validate._model_at``), which import pydantic-core's door
    after the run loaded its compiled module alone: the same problem as in a process that imported Pydantic
    first (this one)."""
    report = tmp_path / "dongan.yaml"
    text = (SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8")
    report.write_text(text.replace("\nyear:", "\nyaer_note: 1\nyear:", 1), encoding="utf-8")
    env = {**os.environ, "ZHIJIAO_CHECK_CACHE": str(tmp_path / "cache")}
    argv = [sys.executable, "-m", "zhijiao_check", str(report), "-f", "json"]
    for _ in range(2):  # the first keeps the validator
        done = subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", env=env, check=False)
    ours = invoke("check", report, "-f", "json")
    assert '"unknown-field' in done.stdout and done.stdout == ours.stdout
    assert done.returncode == ours.exit_code == 2


def test_a_kept_validator_of_other_sources_is_made_again(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ZHIJIAO_CHECK_CACHE", str(tmp_path))
    monkeypatch.setattr(validator, "_MADE", {})
    monkeypatch.setattr(validator, "_SCHEMAS", [])
    validator._made()
    kept = validator._path()
    assert kept is not None and kept.exists() and validator._read() is not None
    # a model's file changed since: the kept one is not read
    monkeypatch.setattr(validator, "SOURCES", (*validator.SOURCES, Path(validator.__file__)))
    assert validator._read() is None
    assert isinstance(validator.report_validator(), SchemaValidator)


def test_a_kept_schema_that_builds_no_validator_is_made_again(tmp_path: Path, monkeypatch) -> None:
    """A kept file of the right key and stamps whose schema pydantic-core refuses (written by hand, or half
    by another version) is none: the run makes the validator again, not an internal error."""
    monkeypatch.setenv("ZHIJIAO_CHECK_CACHE", str(tmp_path))
    monkeypatch.setattr(validator, "_MADE", {})
    monkeypatch.setattr(validator, "_SCHEMAS", [])
    kept = validator._path()
    assert kept is not None
    header = {"key": validator._key(), "stamps": validator.stamps_of(validator._sources())}
    validator.write_kept(kept, header, pickle.dumps({"type": "no-such-schema"}))
    assert kept.exists() and validator._read() is None
    assert isinstance(validator.report_validator(), SchemaValidator)
    # and one whose two schemas are dicts pydantic-core refuses, as well
    bad = {"full": {"type": "no-such-schema"}, "quick": {"type": "no-such-schema"}}
    validator.write_kept(kept, header, pickle.dumps(bad))
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "__all__")
    monkeypatch.setattr(validator, "_MADE", {})
    monkeypatch.setattr(validator, "_SCHEMAS", [])
    assert validator._read() == bad
    assert isinstance(validator.quick_validator(), SchemaValidator)
    assert isinstance(validator.report_validator(), SchemaValidator)


def test_the_quick_form_leaves_whole_numbers_years_flags_and_choices_to_pydantic_core() -> None:
    """The checks of Python the quick form leaves out (``scalars.STRICT_ALIKE``, the choices): of the 70 the
    schema calls, those left are the texts' and the amounts', which pydantic-core cannot check alike."""
    from zhijiao_check.report.scalars import STRICT_ALIKE, choice_keys

    def checks(node: Any) -> list[Any]:
        if isinstance(node, list):
            return [found for item in node for found in checks(item)]
        if not isinstance(node, dict):
            return []
        own = [node["function"]["function"]] if node.get("type") == "function-before" else []
        return own + [found for value in node.values() for found in checks(value)]

    full, quick = checks(validator._schema()), checks(validator.quick(validator._schema()))
    left_out = [
        check
        for check in full
        if getattr(check, "func", check) in STRICT_ALIKE or choice_keys(check) is not None
    ]
    assert left_out and len(quick) == len(full) - len(left_out)
    assert not any(getattr(check, "func", check) in STRICT_ALIKE or choice_keys(check) for check in quick)
