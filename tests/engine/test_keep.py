"""What a large run keeps of each report for the city-wide rules (``engine.keep``): less than the report, and
enough that the city-wide results, their places in the files and the year-before warnings are the same."""

from __future__ import annotations

import datetime
import pickle
from dataclasses import replace
from pathlib import Path

import pytest
from factory import ROOT
from hypothesis import given
from hypothesis import strategies as st

from zhijiao_check.engine.evaluate import evaluate_city, report_order
from zhijiao_check.engine.keep import Marks, Shared, kept_fields, packed, pruned, tree, unpacked
from zhijiao_check.pack.load import load_packs
from zhijiao_check.report import ReportFile, load_report
from zhijiao_check.report.consistency import cross_year_warnings


def samples(year: int) -> list[ReportFile]:
    packs = load_packs([], None)
    loaded = [
        load_report(path, packs[0].units) for path in sorted((ROOT / "samples" / str(year)).glob("*.yaml"))
    ]
    reports = [r for r in loaded if isinstance(r, ReportFile)]
    assert len(reports) == len(loaded) == 15
    return sorted(reports, key=report_order(packs[0].units))


def test_fields_become_a_tree_of_keys() -> None:
    assert tree(["schools", "schools[].level", "majors[].school.level", "majors[].designations | x"]) == {
        "schools": {
            "[]": {
                "name": {},
                "role": {},
                "level": {},
                "majors": {"[]": {"name": {}, "role": {}, "designations": {}}},
            }
        },
        "x": {},
    }
    # a count's filters are kept though ``reads`` leaves them out
    keep = kept_fields(load_packs([], None))
    assert {"level", "designations", "teachers"} <= set(keep.tree["schools"]["[]"])


def test_a_kept_report_is_smaller_and_locates_what_it_keeps_as_the_report_does() -> None:
    keep = kept_fields(load_packs([], None))
    report = samples(2023)[0]
    kept = Shared()(pruned(report, keep))
    assert len(kept.positions.values) < len(report.positions.values)
    assert len(kept.positions.keys) < len(report.positions.keys) / 5  # a list's key only
    assert "enrollment" not in kept.data and "funding" not in kept.data
    for path in kept.positions.values:
        assert kept.positions.nearest(path) == report.positions.nearest(path)
        assert kept.positions.cell(path) == report.positions.cell(path)
    assert kept.data["schools"][0]["name"] == report.data["schools"][0]["name"]


def test_city_wide_results_and_year_before_warnings_are_those_of_the_whole_reports() -> None:
    packs = load_packs([], None)
    keep = kept_fields(packs)
    before, now = samples(2022), samples(2023)
    kept_before, kept_now = ([pruned(r, keep) for r in year] for year in (before, now))
    whole, _ = evaluate_city({2022: before, 2023: now}, packs)
    small, _ = evaluate_city({2022: kept_before, 2023: kept_now}, packs)
    assert [(r.rule.id, r.status, r.observed, r.locations) for e in whole for r in e.results] == [
        (r.rule.id, r.status, r.observed, r.locations) for e in small for r in e.results
    ]
    assert len(whole) == 2 and any(r.locations for e in whole for r in e.results)
    assert cross_year_warnings(now, before) == cross_year_warnings(kept_now, kept_before)


def test_reports_share_their_paths(tmp_path: Path) -> None:
    keep = kept_fields(load_packs([], None))
    shared = Shared()
    one, two = (shared(pruned(r, keep)) for r in samples(2023)[:2])
    common = set(one.positions.values) & set(two.positions.values)
    assert common
    by_path = {path: path for path in two.positions.values}
    assert all(next(p for p in one.positions.values if p == path) is by_path[path] for path in common)


def test_kept_positions_read_as_the_dict_they_were_made_from() -> None:
    report = samples(2023)[0]
    whole = report.positions.values
    marks = Marks.of(whole.items())
    assert len(marks) == len(whole) and list(marks) == list(whole)
    assert all(
        marks[path] == mark and marks.get(path) == mark and path in marks for path, mark in whole.items()
    )
    absent = ("schools", 999, "name")
    assert absent not in marks and marks.get(absent) is None and marks.get(absent, (1, 1)) == (1, 1)
    with pytest.raises(KeyError):
        marks[absent]
    back = pickle.loads(pickle.dumps(marks))
    assert dict(back.items()) == dict(whole.items())


def test_reports_laid_out_alike_share_one_layout() -> None:
    keep = kept_fields(load_packs([], None))
    report = samples(2023)[3]
    shared = Shared()
    one, two = (shared(pickle.loads(pickle.dumps(pruned(report, keep)))) for _ in range(2))
    assert one.positions.values.paths is two.positions.values.paths  # type: ignore[attr-defined]
    assert dict(one.positions.values.items()) == {
        path: mark for path, mark in report.positions.values.items() if path in one.positions.values
    }


def test_a_report_read_back_through_its_shared_layout_keeps_it_as_it_is() -> None:
    keep = kept_fields(load_packs([], None))
    report = pruned(samples(2023)[3], keep)
    shared = Shared()
    read = unpacked(packed(report), shared)
    kept = shared(read)
    assert kept.positions.values is read.positions.values  # laid out already: not looked up again
    assert dict(kept.positions.values.items()) == dict(report.positions.values.items())
    again = shared(pickle.loads(pickle.dumps(report)))  # its own layout: laid out over the one held
    assert again.positions.values.paths is kept.positions.values.paths  # type: ignore[attr-defined]


def test_kept_reports_share_their_texts_and_lists_of_names() -> None:
    keep = kept_fields(load_packs([], None))
    report = samples(2023)[3]
    shared = Shared()
    one, two = (shared(pickle.loads(pickle.dumps(pruned(report, keep)))) for _ in range(2))
    assert one.data == two.data == pruned(report, keep).data
    school_one, school_two = one.data["schools"][0], two.data["schools"][0]
    assert school_one["name"] is school_two["name"]
    assert all(a is b for a, b in zip(school_one, school_two, strict=True))  # the keys
    majors = [major for school in one.data["schools"] for major in school["majors"]]
    empty = [major["designations"] for major in majors if not major["designations"]]
    assert len(empty) > 1 and all(names is empty[0] for names in empty)


def test_marks_take_two_bytes_a_number_unless_a_line_is_past_65535() -> None:
    near = Marks.of([(("a",), (65535, 3))])
    far = Marks.of([(("a",), (65536, 3)), (("b",), (2, 1))])
    assert near._numbers.typecode == "H" and far._numbers.typecode == "I"
    assert near[("a",)] == (65535, 3) and far[("a",)] == (65536, 3) and far[("b",)] == (2, 1)


def test_a_kept_report_past_line_65535_keeps_its_marks_in_four_bytes_and_each_path_is_judged_once() -> None:
    keep = kept_fields(load_packs([], None))
    report = samples(2023)[3]
    far = {path: (line + 70000, column) for path, (line, column) in report.positions.values.items()}
    moved = ReportFile(report.file, report.data, replace(report.positions, values=far), ())
    near_kept, far_kept = pruned(report, keep), pruned(moved, keep)
    assert near_kept.positions.values._numbers.typecode == "H"  # type: ignore[attr-defined]
    assert far_kept.positions.values._numbers.typecode == "I"  # type: ignore[attr-defined]
    assert dict(far_kept.positions.values.items()) == {
        path: (line + 70000, column) for path, (line, column) in near_kept.positions.values.items()
    }
    # each path's verdict worked out once a run, and read back for every later report that holds it
    assert set(keep.verdicts) == set(report.positions.values)
    assert sum(1 for number in keep.verdicts.values() if number) == len(near_kept.positions.values)


def test_only_texts_are_shared_never_a_number_for_a_flag() -> None:
    shared = Shared()
    first = shared._data({"a": {1: "x", "n": [1]}, "b": ["x"]}, None)
    second = shared._data({"a": {True: "x", "n": [True]}, "b": ["x"]}, None)
    assert [type(key) for key in second["a"]] == [bool, str] and type(second["a"]["n"][0]) is bool
    assert first["b"] is second["b"] and first["a"][1] is second["a"][True]  # the list and the text, once


def test_once_compared_with_the_year_before_a_kept_report_holds_only_what_the_city_wide_rules_read() -> None:
    packs = load_packs([], None)
    keep = kept_fields(packs)
    year = samples(2023)
    kept = [pruned(r, keep) for r in year]
    city = [Shared(keep.city)(one) for one in kept]
    majors = [m for one in city for school in one.data.get("schools", []) for m in school.get("majors", [])]
    assert majors and not any("previous_enrollment" in m or "enrollment" in m for m in majors)
    assert any(
        "enrollment" in m for one in kept for s in one.data.get("schools", []) for m in s.get("majors", [])
    )
    whole, _ = evaluate_city({2023: year}, packs)
    small, _ = evaluate_city({2023: city}, packs)
    assert [
        (r.rule.id, r.status, r.observed, r.explanation, r.locations) for e in whole for r in e.results
    ] == [(r.rule.id, r.status, r.observed, r.explanation, r.locations) for e in small for r in e.results]


def test_equal_entries_of_kept_reports_are_held_once() -> None:
    """A year's kept reports are all held at once: an entry (a major, a school, a unit) or a list of them
    equal to one held already is that one."""
    keep = kept_fields(load_packs([], None))
    report = samples(2023)[3]
    shared = Shared(keep.city)
    one, two = (shared(pickle.loads(pickle.dumps(pruned(report, keep)))) for _ in range(2))
    # two copies of one report: every entry and text it holds (a number is held as it is)
    assert all(
        one.data[key] is two.data[key] for key in one.data if isinstance(one.data[key], dict | list | str)
    )
    other = pruned(samples(2023)[4], keep)
    three = shared(pickle.loads(pickle.dumps(other)))
    assert three.data["unit"] is not one.data["unit"] and three.data == Shared(keep.city)(other).data
    assert one.data["schools"][0]["majors"][0] is two.data["schools"][0]["majors"][0]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ({"n": 1}, {"n": True}),
        ({"n": 1}, {"n": 1.0}),
        ({1: "x"}, {True: "x"}),
        ({"n": [1]}, {"n": [True]}),
        ({"n": 0}, {"n": False}),
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}),
    ],
)
def test_entries_equal_in_python_but_not_in_a_report_are_held_apart(first: dict, second: dict) -> None:
    shared = Shared()
    made = shared._data(first, None), shared._data(second, None)
    assert made[1] is not made[0] and _exact(made[1]) == _exact(second)


def _exact(value: object) -> object:
    """``value`` with each scalar told by its type (``1`` and ``True`` apart), and keys in their order."""
    if isinstance(value, dict):
        return [(_exact(k), _exact(v)) for k, v in value.items()]
    if isinstance(value, list):
        return ["list", *map(_exact, value)]
    return (type(value).__name__, value)


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 2),
    st.sampled_from([0.0, 1.0, 2.5]),
    st.sampled_from(["", "x", "学"]),
)
_KEYS = st.one_of(st.sampled_from(["a", "b", "name"]), st.sampled_from([1, True, 0, False]))
_TREES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=3),
    max_leaves=12,
)


@given(reports=st.lists(st.dictionaries(_KEYS, _TREES, max_size=4), min_size=1, max_size=6))
def test_kept_data_held_once_reads_as_what_it_was_made_from(reports: list[dict]) -> None:
    """Whatever the reports hold, and however much of it is held once across them, each kept report's data
    is its own, value for value and type for type, in the same order."""
    shared = Shared()
    made = [shared._data(pickle.loads(pickle.dumps(report)), None) for report in reports]
    assert [_exact(one) for one in made] == [_exact(report) for report in reports]


def test_an_entry_marshal_cannot_write_is_held_for_itself_and_what_it_holds_once() -> None:
    """``Shared`` knows an entry by what marshal writes of it: a value marshal refuses (a date, which YAML
    reads from ``2023-01-01``) leaves its entry held apart, each entry inside it still once, and equal."""
    shared = Shared()
    first = shared._data({"on": datetime.date(2023, 1, 1), "majors": [{"name": "护理"}]}, None)
    second = shared._data({"on": datetime.date(2023, 1, 1), "majors": [{"name": "护理"}]}, None)
    assert first == second and first is not second
    assert first["majors"] is second["majors"] and type(second["on"]) is datetime.date


def test_a_long_entry_held_once_is_told_from_another_by_its_whole_contents() -> None:
    """An entry longer than marshal's text a digest stands for (``keep._LONG``): two that differ in one
    figure at the end are two entries; equal ones are one."""
    names = [f"学校{index}" for index in range(40)]
    shared = Shared()
    made = [shared._data({"schools": [{"name": n} for n in names], "last": last}, None) for last in (1, 1, 2)]
    one, again, other = made
    assert one is again and other is not one and other["last"] == 2 and one["last"] == 1
    assert other["schools"] is one["schools"]


def test_a_kept_report_is_shared_below_its_data_not_as_a_whole() -> None:
    """A year's kept reports are each of a unit of its own, so no two are equal as a whole: ``Shared`` looks
    up each entry of a report's data, never the data itself (written by marshal and digested, some 2 KB, for
    nothing). Two reports of one unit alike (here, one report twice) share every entry, not the data."""
    keep = kept_fields(load_packs([], None))
    report = samples(2023)[3]
    shared = Shared(keep.city)
    one, two = (shared(pickle.loads(pickle.dumps(pruned(report, keep)))) for _ in range(2))
    assert one.data == two.data and one.data is not two.data
    assert all(
        one.data[key] is two.data[key] for key in one.data if isinstance(one.data[key], dict | list | str)
    )
    held = [*shared.entries.values(), *shared.long.values()]
    assert all(entry is not one.data and entry is not two.data for entry in held)


def test_a_kept_report_keeps_the_keys_of_the_lists_the_year_before_comparison_points_at() -> None:
    """Schools and each school's majors that the year before listed and this year does not are told at the
    key of their list: a kept report locates those keys as the report does."""
    packs = load_packs([], None)
    keep = kept_fields(packs)
    before, now = samples(2022), samples(2023)
    report = now[0]
    kept = pruned(report, keep)
    pointed = [("schools",), *(("schools", i, "majors") for i in range(len(report.data["schools"])))]
    assert all(report.positions.key(path) is not None for path in pointed)
    assert [kept.positions.key(path) for path in pointed] == [report.positions.key(path) for path in pointed]
    then = next(r for r in before if r.unit == report.unit)
    schools = [dict(school) for school in then.data["schools"]]
    schools[0]["majors"] = [*schools[0]["majors"], {"name": "已停招专业", "enrollment": 1}]
    schools.append({"name": "已撤并学校", "majors": []})
    then = replace(then, data={**then.data, "schools": schools})
    whole = cross_year_warnings([report], [then])
    assert {"major-vanished", "school-vanished"} <= {w.code for w in whole}
    assert cross_year_warnings([kept], [pruned(then, keep)]) == whole


def _read_as_kept(report: ReportFile) -> tuple[object, object, object, object, object]:
    positions = report.positions
    return (
        report.file,
        _exact(report.data),
        list(positions.values.items()),
        list(positions.keys.items()),
        positions.cells,
    )


def test_a_kept_report_set_aside_reads_back_as_it_was_kept() -> None:
    """Set aside by marshal (``packed``), or pickled where marshal refuses a value (a date): read back, the
    same data, value for value and type for type, and the same places."""
    keep = kept_fields(load_packs([], None))
    kept = pruned(samples(2023)[3], keep)
    dated = replace(kept, data={**kept.data, "on": datetime.date(2023, 1, 1), "flag": True, "n": 1.0})
    for report in (kept, dated):
        raw = packed(report)
        assert (raw[:1] == b"\x80") is (report is dated)  # pickle's mark only where marshal refused
        assert _read_as_kept(unpacked(raw)) == _read_as_kept(unpacked(raw, Shared())) == _read_as_kept(report)
    assert type(unpacked(packed(dated)).data["on"]) is datetime.date


def test_kept_reports_read_back_alike_share_their_layout_and_its_index_but_not_their_places() -> None:
    """Read back through one ``Shared``, reports laid out alike hold one tuple of paths and one index (known
    by the paths' bytes, not read again), each with its own lines and columns."""
    keep = kept_fields(load_packs([], None))
    report = samples(2023)[3]
    far = {path: (line + 9, column) for path, (line, column) in report.positions.values.items()}
    moved = ReportFile(report.file, report.data, replace(report.positions, values=far), ())
    shared = Shared(keep.city)
    one, two = (unpacked(packed(pruned(r, keep)), shared) for r in (report, moved))
    values_one, values_two = one.positions.values, two.positions.values
    assert isinstance(values_one, Marks) and isinstance(values_two, Marks)
    assert values_one.paths is values_two.paths and values_one.index() is values_two.index()
    assert len(shared.written) == 2  # the values' layout, and the keys'
    assert all(values_two[path] == (line + 9, column) for path, (line, column) in values_one.items())
    assert shared(two).positions.values.paths is values_one.paths


def test_a_kept_report_is_pruned_for_the_city_wide_rules_as_by_their_fields_alone() -> None:
    """``Keep.city_of_kept`` takes whole what the kept fields pruned alike already (the training bases, the
    ``city:`` block), and every major's fields by their names: the same data, key for key and type for type,
    as the city-wide rules' own fields give of the report."""
    keep = kept_fields(load_packs([], None))
    assert keep.city_of_kept["training_bases"] == {} and keep.city["training_bases"] != {}
    assert isinstance(keep.city_of_kept["schools"]["[]"]["majors"]["[]"], frozenset)
    for report in samples(2023):
        kept = pruned(report, keep)
        with_rules = Shared(keep.city)(kept).data
        assert _exact(Shared(keep.city_of_kept)(kept).data) == _exact(with_rules)
        assert _exact(kept.data) == _exact(_pruned_by_tree(report.data, keep.tree))


def _pruned_by_tree(value: object, keep: dict) -> object:
    """What the kept fields' tree names of ``value``, walked field by field."""
    if not keep:
        return value
    if isinstance(value, dict):
        return {key: _pruned_by_tree(item, keep[key]) for key, item in value.items() if key in keep}
    if isinstance(value, list) and "[]" in keep:
        return [_pruned_by_tree(item, keep["[]"]) for item in value]
    return value
