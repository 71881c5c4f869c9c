"""The benchmark scripts still start: no test times anything (``benchmarks/`` prints figures), but a script
that no longer imports prints none (``hostile.py`` imported a helper of ``bench.py`` renamed long before)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from factory import ROOT

from zhijiao_check.pack.load import RulePack, load_pack
from zhijiao_check.report import InvalidReport, ReportFile, load_report


@pytest.mark.parametrize(
    ("script", "words"),
    [
        ("bench.py", ["--big", "--cold"]),
        # instructions under valgrind, a minute a run: only started here, as bench.py is
        ("counts.py", ["valgrind", "--bulk"]),
    ],
)
def test_a_benchmark_starts_and_says_what_it_measures(script: str, words: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert all(word in done.stdout for word in words), done.stdout


def test_hostile_writes_each_case_from_a_process_of_its_own(tmp_path: Path) -> None:
    """Its cases are written by a process of their own, so that the tool's peak is the tool's alone."""
    path = tmp_path / "r.yaml"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "hostile.py"),
            "--write",
            "9,999 empty schools",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    text = path.read_text(encoding="utf-8")
    assert text.count("{}, ") == 9_000 and "东安县" in text


def test_a_varied_bulk_set_is_valid_and_its_clones_report_figures_of_their_own(tmp_path: Path) -> None:
    """``bulk.generate(varied=True)``: what ``bench.py`` measures memory over with figures that differ from
    unit to unit, as real ones do. Every report still loads without an error or a warning, and a clone's
    figures differ from its sample's while its years and its small counts stay."""
    spec = importlib.util.spec_from_file_location("benchmarks_bulk", ROOT / "benchmarks" / "bulk.py")
    assert spec is not None and spec.loader is not None
    bulk = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bulk)
    reports, pack_folder = bulk.generate(tmp_path, 60, varied=True)
    pack = load_pack(pack_folder)
    assert isinstance(pack, RulePack)
    loaded = [load_report(path, pack.units) for path in sorted(reports.rglob("*.yaml"))]
    assert len(loaded) == 60
    assert all(isinstance(one, ReportFile) and not one.warnings for one in loaded), [
        one.problems for one in loaded if isinstance(one, InvalidReport)
    ]
    by_unit = {(one.year, one.unit): one.data for one in loaded if isinstance(one, ReportFile)}
    sample, clone = by_unit[2023, "零陵区"], by_unit[2023, "零陵区·1"]
    assert clone["enrollment"] != sample["enrollment"]
    assert clone["enrollment"]["secondary_vocational"] > sample["enrollment"]["secondary_vocational"]
    assert clone["year"] == sample["year"] == 2023


def test_the_widest_bulk_set_lists_as_many_units_as_a_pack_allows(tmp_path: Path) -> None:
    """``bulk.WIDEST`` clones of each unit (what ``bench.py`` measures the largest city-wide year over) make a
    pack that loads, and one clone more makes one whose ``units.yaml`` holds too many values."""
    spec = importlib.util.spec_from_file_location("benchmarks_bulk", ROOT / "benchmarks" / "bulk.py")
    assert spec is not None and spec.loader is not None
    bulk = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bulk)
    for clones, loads in ((bulk.WIDEST, True), (bulk.WIDEST + 1, False)):
        # every clone of every unit: each clone number gives the two sample years' reports
        _, pack_folder = bulk.generate(tmp_path / str(clones), 29 * clones, clones=clones)
        listed = (pack_folder / "units.yaml").read_text(encoding="utf-8").count("·")
        assert listed == 14 * (clones - 1), listed
        pack = load_pack(pack_folder)
        if loads:
            assert isinstance(pack, RulePack)
        else:
            assert isinstance(pack, list) and [p.code for p in pack] == ["too-many-values"]


def test_the_six_year_bulk_set_spans_the_years_a_bureau_s_run_does(tmp_path: Path) -> None:
    """``bulk.SIX_YEARS`` clones of each unit spread 1,000 reports over six years (what ``bench.py`` times
    the views over, where trends and cross-year warnings grow with the years); its last year's reports load
    as valid reports of that year."""
    spec = importlib.util.spec_from_file_location("benchmarks_bulk", ROOT / "benchmarks" / "bulk.py")
    assert spec is not None and spec.loader is not None
    bulk = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bulk)
    reports, pack_folder = bulk.generate(tmp_path, 1000, varied=True, clones=bulk.SIX_YEARS)
    assert sorted(folder.name for folder in reports.iterdir()) == [str(y) for y in range(2022, 2028)]
    assert len(list(reports.rglob("*.yaml"))) == 1000
    pack = load_pack(pack_folder)
    assert isinstance(pack, RulePack)
    last = [load_report(path, pack.units) for path in sorted((reports / "2027").rglob("*.yaml"))[:30]]
    assert all(isinstance(one, ReportFile) and one.year == 2027 for one in last), last
