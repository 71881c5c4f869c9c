"""``--format json``, ``junit`` and ``sarif`` (alone or together) are written as the reports are scored
(``commands.flat``), in memory that does not grow with them; with any other format the whole run is laid out.
Both must print the same bytes and exit the same way, whatever the run holds: waivers, a roster, duplicates,
broken reports, earlier years, a selection, worker processes."""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Self

import pytest
from factory import ROOT
from golden.test_bulk import generated_set
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from zhijiao_check import processes
from zhijiao_check.cli import app
from zhijiao_check.commands import check as check_command
from zhijiao_check.commands.flat import run, spool
from zhijiao_check.commands.flat.scoring import BATCH, _path_of, batched, listed_as_text
from zhijiao_check.commands.flat.spool import DEPTH, Spool
from zhijiao_check.i18n import Translator
from zhijiao_check.jsontext import PLAIN, Lazy, Span, chunks, encoded, entries_of
from zhijiao_check.problems import Problem
from zhijiao_check.source import yamltree
from zhijiao_check.source.yamltree import parse_yaml

TIMESTAMP = re.compile(rb' timestamp="[^"]*"')
WAIVERS = """
[[waiver]]
rule = "c16.secondary-funding"
unit = "东安县"
year = 2023
reason = "县财政 2023 年预算已执行完毕，2024 年补足"
approved-by = "永州市教育局"
document = "永教函〔2024〕3号"

[[waiver]]
rule = "c10.craftsman-students"
unit = "全市"
year = 2022
reason = "工匠班 2023 年起遴选"
approved-by = "永州市教育局"
document = "永教函〔2024〕4号"

[[waiver]]
rule = "c1.vocational-share"
unit = "零陵区"
year = 2023
reason = "没有哪一条结果与它相符"
approved-by = "永州市教育局"
document = "永教函〔2024〕5号"
"""

ROSTER = """units:
  东安县:
    - 东安县职业中等专业学校
    - 东安县舜德职业学校
  道县:
    - 道县职业技术学校
    - 道县不存在的学校
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both sample years, a copy of one unit's report and a second report of another that differs, a broken
    report, waivers and a roster."""
    folder = tmp_path_factory.mktemp("flat")
    shutil.copytree(ROOT / "samples", folder / "reports", ignore=shutil.ignore_patterns("*.md"))
    shutil.copy(
        folder / "reports" / "2023" / "dongan.yaml", folder / "reports" / "2023" / "dongan-again.yaml"
    )
    ningyuan = (folder / "reports" / "2023" / "ningyuan.yaml").read_text(encoding="utf-8")
    (folder / "reports" / "2023" / "ningyuan (1).yaml").write_text(
        ningyuan.replace("general_high_school: 1270", "general_high_school: 1280"), encoding="utf-8"
    )
    (folder / "reports" / "2022" / "broken.yaml").write_text(
        "schema_version: 1\nunit: {name: 冷水滩区}\n", encoding="utf-8"
    )
    (folder / "waivers.toml").write_text(WAIVERS, encoding="utf-8")
    (folder / "roster.yaml").write_text(ROSTER, encoding="utf-8")
    return folder


STREAMED = ("json", "junit", "sarif")


def both(folder: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[bytes, bytes]:
    """``all_streamed`` for the JSON."""
    flat, whole = all_streamed(folder, monkeypatch, *args)
    return flat["json"], whole["json"]


def all_streamed(
    folder: Path, monkeypatch: pytest.MonkeyPatch, *args: str
) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The JSON, JUnit and SARIF written as they are made (flat), and beside a CSV file (the whole run),
    after checking both exited alike; JUnit's clock left out. A run this small is laid out whole unless told
    otherwise (``FLAT_FROM``)."""
    monkeypatch.chdir(folder)
    monkeypatch.setattr(check_command, "FLAT_FROM", 0)

    def outputs(kind: str) -> list[str]:
        return [arg for name in STREAMED for arg in ("-f", name, "-o", f"{kind}.{name}")]

    flat = CliRunner().invoke(app, ["check", *args, *outputs("flat")])
    whole = CliRunner().invoke(app, ["check", *args, *outputs("whole"), "-f", "csv", "-o", "w.csv"])
    assert flat.exit_code == whole.exit_code and flat.exit_code in (1, 2), flat.output + whole.output
    assert flat.exception is None or isinstance(flat.exception, SystemExit), flat.exception

    def read(kind: str) -> dict[str, bytes]:
        return {name: TIMESTAMP.sub(b"", (folder / f"{kind}.{name}").read_bytes()) for name in STREAMED}

    return read("flat"), read("whole")


def check(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "zhijiao_check", "check", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    "args",
    [
        ("reports",),
        ("reports", "--waivers", "waivers.toml", "--roster", "roster.yaml", "--strict"),
        ("reports/2023", "--previous", "reports/2022", "--select", "c1,c16", "--lang", "en"),
        ("reports/2023/dongan.yaml", "reports/2023/shibenji.yaml", "--waivers", "waivers.toml"),
    ],
    ids=["samples", "waivers-roster-strict", "previous-select-en", "two-reports"],
)
def test_json_alone_prints_what_the_whole_run_prints(
    folder: Path, args: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    flat, whole = all_streamed(folder, monkeypatch, *args)
    assert flat == whole
    assert b'"rank": 1' in flat["json"] or b'"rank": null' in flat["json"]
    assert b"<testcase " in flat["junit"] and b'"ruleId"' in flat["sarif"]


@pytest.mark.parametrize("name", STREAMED)
def test_each_alone_prints_what_the_whole_run_prints(
    folder: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One streamed format by itself, to standard output, as the whole run writes it to a file."""
    _, whole = all_streamed(folder, monkeypatch, "reports", "--waivers", "waivers.toml", "--lang", "en")
    alone = CliRunner().invoke(
        app, ["check", "reports", "--waivers", "waivers.toml", "--lang", "en", "-f", name]
    )
    assert alone.exit_code == 2, alone.output  # the broken report
    assert TIMESTAMP.sub(b"", alone.stdout_bytes) == whole[name]


def test_what_the_run_holds_is_really_there(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison above is not of two empty documents: duplicates, the broken report, waivers used and
    unused, the roster and the city-wide years all show."""
    flat, _ = both(folder, monkeypatch, "reports", "--waivers", "waivers.toml", "--roster", "roster.yaml")
    text = flat.decode("utf-8")
    for expected in (
        "same-report",
        "differing-reports",
        "broken.yaml",
        "roster-school-absent",
        "waiver-unused",
        '"status": "waived"',
        '"units_present"',
        '"projection"',
    ):
        assert expected in text, expected


def test_the_values_kept_for_reading_go_before_the_city_wide_years(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once every report is read, the values kept to be met again in the next report are let go
    (``yamltree.forget_built``): the city-wide years reuse their memory (0.9 MiB of a 10,000-report peak).
    What the run prints is the same (``test_json_alone_prints_what_the_whole_run_prints``)."""
    held: list[tuple[int, dict[str, object]]] = []
    assembled = run.assembled

    def watched(*args: Any, **kwargs: Any) -> Any:
        held.append((len(yamltree._BUILT), dict(yamltree._PLAIN)))
        return assembled(*args, **kwargs)

    monkeypatch.setattr(run, "assembled", watched)
    flat, whole = both(folder, monkeypatch, "reports")
    assert flat == whole and b'"reports": [' in flat
    assert held == [(0, {"true": True, "false": False})]
    # and reading after it, as ``--previous`` does, keeps values again
    assert parse_yaml("a: 12\nb: yes\n", "r.yaml") is not None
    assert yamltree._BUILT or len(yamltree._PLAIN) > 2


def test_the_memos_are_let_go_before_the_city_wide_years(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once every report is scored, what the rules and wording made again and again is let go
    (``memo.let_go``): the city-wide years, where a run peaks, reuse its memory (1.5 MiB of the peak of
    10,000 reports over the widest years a pack allows). What the run prints is the same."""
    from zhijiao_check import memo

    held: list[int] = []
    assembled = run.assembled

    def watched(*args: Any, **kwargs: Any) -> Any:
        held.append(sum(len(one) for one in memo._ALIVE.values()))
        return assembled(*args, **kwargs)

    monkeypatch.setattr(run, "assembled", watched)
    flat, whole = both(folder, monkeypatch, "reports")
    assert flat == whole and b'"reports": [' in flat
    assert held == [0]


def test_python_s_free_lists_are_emptied_before_the_city_wide_years_walking_nothing(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once every report is scored, one full collection empties the lists of freed tuples, lists, dicts and
    floats Python keeps to reuse (1.3 MiB of the peak of 10,000 reports over the widest years), with all the
    run holds frozen first: the collector, off for the run, walks none of it. Afterwards nothing is left
    frozen (``check._without_collector``), and the run prints what the whole run prints."""
    import gc

    walked: list[tuple[int, int]] = []
    collect = gc.collect

    def watched(*args: Any) -> int:
        walked.append((len(args), sum(len(gc.get_objects(generation)) for generation in range(3))))
        return collect(*args)

    monkeypatch.setattr(run.gc, "collect", watched)
    flat, whole = both(folder, monkeypatch, "reports")
    assert flat == whole and b'"reports": [' in flat
    # the few the watching itself makes (its generator, its lists), where a run unfrozen holds thousands
    assert len(walked) == 1 and walked[0][0] == 0 and walked[0][1] < 10, walked
    assert gc.get_freeze_count() == 0


@pytest.fixture(scope="module")
def bulk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("flat-bulk")
    generated_set(directory, max(3 * processes.PARALLEL_FROM, check_command.FLAT_FROM))
    return directory


def test_worker_processes_send_back_what_one_process_makes(bulk: Path) -> None:
    """Workers send back each report's entry and what the city reads of it, not the report and its results:
    the documents are still the ones the whole run prints."""

    def outputs(kind: str) -> list[str]:
        return [arg for name in STREAMED for arg in ("-f", name, "-o", f"{kind}.{name}")]

    flat = check(bulk, "reports", "--rules", "pack", *outputs("two"), "--jobs", "2")
    whole = check(
        bulk, "reports", "--rules", "pack", *outputs("one"), "-f", "csv", "-o", "one.csv", "-j", "1"
    )
    assert flat.returncode == whole.returncode == 1, flat.stderr + whole.stderr
    for name in STREAMED:
        two, one = (TIMESTAMP.sub(b"", (bulk / f"{kind}.{name}").read_bytes()) for kind in ("two", "one"))
        assert two == one, name


def test_to_standard_output_too(bulk: Path) -> None:
    done = check(bulk, "reports", "--rules", "pack", "-f", "json", "-j", "1")
    to_file = check(bulk, "reports", "--rules", "pack", "-f", "json", "-j", "1", "-o", "file.json")
    assert done.returncode == to_file.returncode == 1
    assert done.stdout.encode("utf-8") == (bulk / "file.json").read_bytes()


class _FullDisk:
    """A temporary file on a full disk: the first write fails as a full file system does."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def write(self, data: bytes) -> int:
        raise OSError(28, "No space left on device")


@pytest.mark.parametrize("failing", ["write", "create"])
def test_a_full_temporary_folder_is_exit_2_naming_it_with_nothing_written(
    folder: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    """The spool of a large json run lives in the temporary folder: when it is full (or cannot be created),
    the run says so and how to go on, never "internal error", and leaves no output file behind."""
    import tempfile

    from zhijiao_check.commands.flat import spool

    def unwritable(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(spool.tempfile, "TemporaryFile", _FullDisk if failing == "write" else unwritable)
    monkeypatch.chdir(folder)
    monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    result = CliRunner().invoke(app, ["check", "reports", "-f", "json", "-o", "full.json", "--lang", "en"])
    assert result.exit_code == 2, result.output
    reason = "the disk is full" if failing == "write" else "permission denied"
    assert f"cannot write the temporary file (in {tempfile.gettempdir()}): {reason}" in result.output
    assert "TMPDIR" in result.output and "internal error" not in result.output
    assert not (folder / "full.json").exists()


def test_the_files_of_a_flat_run_are_held_as_text_with_the_names_they_are_shown_by(tmp_path: Path) -> None:
    plain, odd = tmp_path / "a.yaml", tmp_path / "b.yaml"
    files = [(plain, str(plain)), (odd, "b（显示名）.yaml")]
    listed = listed_as_text(files)
    assert listed == [(str(plain), str(plain)), (str(odd), "b（显示名）.yaml")]
    assert listed[0][0] is listed[0][1]  # one string for a name that is the path's own text
    assert files == []  # taken out of the caller's list, which held a Path each


@given(st.integers(min_value=0, max_value=5 * BATCH + 3))
def test_a_run_s_reports_are_scored_in_order_the_first_alone_then_a_batch_at_a_time(count: int) -> None:
    """The first report alone (done before the workers fork), then ``BATCH`` at a time in every process: the
    workers were handed one report at a time and took some 4% longer."""
    listed = list(range(count))
    batches = batched(listed)
    assert [item for batch in batches for item in batch] == listed
    assert batches[0] == listed[:1]
    assert all(len(batch) == BATCH for batch in batches[1:-1])
    assert all(1 <= len(batch) <= BATCH for batch in batches[1:])


def test_a_run_of_just_enough_reports_for_a_worker_has_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whether a run forks its worker is decided by its reports' count, not its batches' (100 reports are
    eight batches, under the 40 items that would pay for a worker): the run is shared, and prints what one
    process prints."""
    generated_set(tmp_path, max(processes.PARALLEL_FROM, check_command.FLAT_FROM))
    teams: list[int] = []
    forked_team = processes.forked_team

    def counted(function: Any, count: int) -> Any:
        teams.append(count)
        return forked_team(function, count)

    monkeypatch.setattr(processes, "available_cores", lambda: 2)
    monkeypatch.setattr(processes, "forked_team", counted)
    monkeypatch.chdir(tmp_path)
    printed = {}
    for jobs in ("2", "1"):
        args = ["check", "reports", "--rules", "pack", "-f", "json", "-o", f"{jobs}.json", "-j", jobs]
        assert CliRunner().invoke(app, args).exit_code == 1
        printed[jobs] = (tmp_path / f"{jobs}.json").read_bytes()
        if jobs == "2":
            assert teams[:1] == [1]  # the reports' worker, beside this process
    assert printed["2"] == printed["1"]


@pytest.mark.parametrize(
    "text", ["reports/2023/a.yaml", "a.yaml", "./a.yaml", "reports//2023/a.yaml", "/tmp/县/报表.yaml"]
)
def test_a_listed_file_is_read_by_the_path_its_text_names(text: str) -> None:
    # made from its folder's path without parsing its name again (``files.path_in``): the same path
    made = _path_of(text)
    assert made == Path(text) and str(made) == str(Path(text)) and made.parts == Path(text).parts
    assert made.name == Path(text).name and made.parent == Path(text).parent


@pytest.mark.parametrize("views", [True, False])
def test_a_city_wide_result_is_read_back_as_written_its_lists_a_batch_at_a_time(views: bool) -> None:
    places = [{"file": f"报告/{n % 7}.yaml", "line": n, "column": 3} for n in range(2 * PLAIN + 5)]
    items = [{"name": f"学校{n}", "status": "fail", "locations": places[n : n + 2]} for n in range(PLAIN + 1)]
    result = {"rule": "c11.dual-qualified-share", "status": "fail", "observed": 0.4, "notes": ["注"]}
    streamed = {
        **result,
        "locations": Lazy(lambda: iter(places), plain=True),
        "items": Lazy(lambda: iter(items), plain=True),
    }
    whole = {**result, "locations": places, "items": items}
    with tempfile.TemporaryFile() as file:
        spool = Spool(file, [], views=views)
        spool.add(b"x" * 10)
        one = spool.result(streamed)
        assert b"".join(spool.pieces(one.at, one.size)) == encoded(whole, DEPTH + 2)
        value = spool.viewed(one)
        if views:  # read back as they are read, a list at a time
            assert isinstance(value["locations"], Lazy) and len(one.view[1]) == 2 * 3  # type: ignore[index]
        assert {
            key: list(entries_of(v)) if key in ("locations", "items") else v for key, v in value.items()
        } == whole
        assert list(value) == list(whole)  # the keys in the document's order


def test_the_spool_flushes_to_read_only_what_is_still_buffered() -> None:
    """A reading behind what was flushed writes nothing (a kept report read back while the year's warnings
    are buffered); a reading of what is still buffered writes it out first."""
    with tempfile.TemporaryFile("wb") as file:
        spool = Spool(file, [], views=False)
        first = spool.add(b"kept report")
        assert spool.read(first, 4) == b"kept"  # buffered until now: flushed to be read
        later = spool.add(b"a warning")
        assert spool.read(first + 5, 6) == b"report"
        assert os.fstat(file.fileno()).st_size == len(b"kept report")  # the warning left in the buffer
        assert spool.read(later, 9) == b"a warning"
        assert os.fstat(file.fileno()).st_size == spool.end


def test_an_entry_left_in_the_spool_is_written_out_from_there_and_read_back_by_a_view() -> None:
    """A unit's trends made ahead (``--jobs``) stay in the spool: written out as a ``Span`` of it (copied by
    the system), and read back as a value where a view reads the document."""
    trends = {"unit": "冷水滩区", "kind": "county", "trends": [{"rule": "c1.x", "observed": 0.5}]}
    text = encoded(trends, DEPTH + 1)
    with tempfile.TemporaryFile("wb") as file:
        spool = Spool(file, [], views=False)
        spool.add(b"before")
        left = spool.spooled(spool.add(text), len(text))
        spool.add(b"after")  # buffered still: written out before the span is read from
        (span,) = left.pieces()
        assert isinstance(span, Span) and span.text() == text
        assert left.value() == trends
        pieces = [p if isinstance(p, bytes) else p.text() for p in chunks(Lazy(lambda: [left]), DEPTH)]
        assert b"".join(pieces) == encoded([trends], DEPTH)


def test_warnings_one_after_another_are_read_back_together_each_as_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The run's warnings are read back a run of them at a time (those that stand one after another in the
    spool, up to ``PIECE`` bytes), each the text written for it: a year's warnings apart from the next
    year's, a run longer than ``PIECE`` in several reads, and a worker's moved in after them."""
    tr = Translator("zh")

    def found(year: int, count: int) -> list[Problem]:
        return [
            Problem(
                f"报表/{year}/{n}.yaml",
                n + 1,
                3,
                "pathway_3plus2.previous",
                "cross-year-pathway",
                {
                    "value": n,
                    "year": year - 1,
                    "other_file": f"报表/{year - 1}/{n}.yaml",
                    "other_value": 7,
                    "label": "a",
                    "other_label": "b",
                    "other_at": "x:1",
                },
                severity="warning",
            )
            for n in range(count)
        ]

    reads: list[int] = []
    pread = os.pread

    def counted(descriptor: int, size: int, at: int) -> bytes:
        reads.append(size)
        return pread(descriptor, size, at)

    with tempfile.TemporaryFile("wb") as file, tempfile.TemporaryFile() as other:
        run_spool = Spool(file, [], views=False)
        warnings = spool.Warnings(run_spool, tr, by_file=True)
        years = [found(2023, 3), found(2024, 400)]
        for year in years:
            run_spool.add(b"a city-wide year between")
            warnings.add(year)
        run_spool.apart([other])
        with tempfile.TemporaryFile() as year_file:  # a year in a worker, put in the worker's own file
            worker = Spool(year_file, [], views=False)
            in_worker = spool.Warnings(worker, tr, by_file=True)
            in_worker.add(found(2025, 2))
            other.write(b"the worker's reports")
            other.flush()
            at = run_spool.put_apart(0, worker)
        assert at == spool.APART + len(b"the worker's reports")
        warnings.moved_in(in_worker.found(), at)
        problems = [*years[0], *years[1], *found(2025, 2)]
        monkeypatch.setattr(os, "pread", counted)
        texts = list(warnings.entries())
        assert texts == [encoded(one.as_dict(tr), DEPTH) for one in problems]
        assert len(reads) < 10 and max(reads) <= spool.PIECE and sum(reads) == sum(map(len, texts))
        assert list(warnings.of("报表/2025/1.yaml")) == [problems[-1].as_dict(tr)]


@pytest.mark.parametrize(
    "refusal",
    [None, errno.EXDEV, errno.ENOSYS, "missing", errno.EIO],
    ids=["copied-by-the-system", "other-file-system", "no-such-call", "not-on-this-system", "failing-disk"],
)
def test_a_year_put_in_a_process_own_file_is_the_same_bytes_however_the_system_copies(
    monkeypatch: pytest.MonkeyPatch, refusal: int | str | None
) -> None:
    """``Spool.put_apart``: a city-wide year's own spool (larger than a piece) copied to the end of a
    process's own file by ``os.copy_file_range``, or a piece at a time where the system does not copy between
    the files or has no such call; a disk that fails is the spool's error (exit 2, naming the folder)."""
    from zhijiao_check.errors import FatalError

    copy_file_range = getattr(os, "copy_file_range", None)
    if refusal == "missing" or copy_file_range is None:
        monkeypatch.delattr(os, "copy_file_range", raising=False)
    elif refusal is not None:

        def refused(*args: object) -> int:
            raise OSError(refusal, os.strerror(int(refusal)))

        monkeypatch.setattr(os, "copy_file_range", refused)
    year = bytes(range(256)) * (3 * spool.PIECE // 256 + 7)
    with tempfile.TemporaryFile() as own, tempfile.TemporaryFile() as run_file:
        run_spool = Spool(run_file, [], views=False)
        run_spool.apart([own])
        own.write(b"the worker's reports")
        own.flush()
        with tempfile.TemporaryFile("wb") as year_file:
            written = Spool(year_file, [], views=False)
            written.add(year)
            if refusal == errno.EIO:
                with pytest.raises(FatalError) as failed:
                    run_spool.put_apart(0, written)
                assert failed.value.code == "spool-failed"
                return
            at = run_spool.put_apart(0, written)
        assert at == spool.APART + len(b"the worker's reports")
        assert run_spool.read(at, len(year)) == year
        assert os.fstat(own.fileno()).st_size == len(b"the worker's reports") + len(year)


@pytest.mark.skipif(not hasattr(os, "writev"), reason="no gathering write on this system")
def test_a_reports_parts_written_at_once_are_whole_when_the_system_takes_part_of_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A worker writes each report's parts by one ``os.writev`` past the buffer; a call that writes part of
    them (a disk filling up, say) has the rest written after it, each part then read back where it is said to
    be."""
    calls: list[int] = []

    def partial(descriptor: int, parts: Sequence[bytes]) -> int:
        calls.append(len(parts))
        return os.write(descriptor, b"".join(parts)[: sum(map(len, parts)) // 3])

    monkeypatch.setattr(os, "writev", partial)
    with tempfile.TemporaryFile("wb") as file:
        spool = Spool(file, [], views=False)
        spool.add(b"before")  # buffered: written out first
        reports = [(b"entry %d " % n * 900, b"figures", b"kept %d" % n * 50, b"") for n in range(3)]
        places = [spool.add_at_once(parts) for parts in reports]
        assert calls == [4, 4, 4]
        for at, parts in zip(places, reports, strict=True):
            assert spool.read(at, sum(map(len, parts))) == b"".join(parts)
        assert spool.read(0, 6) == b"before"
        assert spool.end == 6 + sum(len(part) for parts in reports for part in parts)


def workers_for_years(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each time city-wide years were given to worker processes, whether they went to workers (one process
    gives them to none). The run sees two processors whatever the machine has: on one (CI's may), ``-j 2`` is
    capped to one process and no year goes to a worker. A handful of reports are shared with a worker, which
    is kept for the years (a run of fewer than ``PARALLEL_FROM`` has none)."""
    from zhijiao_check.commands.flat import ahead, years

    monkeypatch.setattr(processes, "available_cores", lambda: 2)
    monkeypatch.setattr(processes.in_parallel, "__defaults__", (0,))
    asked: list[bool] = []
    claimed_map = processes.claimed_map

    def spy(team: Any, items: Any, here: Any) -> Any:
        assert all(isinstance(item, (years.YearAt, ahead.TrendsAt)) for item in items)
        asked.append(bool(team))
        return claimed_map(team, items, here)

    monkeypatch.setattr(processes, "claimed_map", spy)
    return asked


@pytest.fixture(scope="module")
def bulk_copies(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A set large enough for workers, with second reports of a unit and year among the rest: one the same
    as its first, one that differs from it, and one filed in the other year's folder; and a broken one."""
    directory = tmp_path_factory.mktemp("flat-copies")
    reports, _ = generated_set(directory, max(3 * processes.PARALLEL_FROM, check_command.FLAT_FROM))
    late = max((reports / "2023").iterdir())  # read by another worker than the firsts, likely
    shutil.copy(reports / "2023" / "00000" / "dongan.yaml", late / "dongan-again.yaml")
    ningyuan = (reports / "2023" / "00000" / "ningyuan.yaml").read_text(encoding="utf-8")
    assert "general_high_school: " in ningyuan
    (late / "ningyuan (1).yaml").write_text(
        ningyuan.replace("general_high_school: ", "general_high_school: 1", 1), encoding="utf-8"
    )
    shutil.copy(reports / "2022" / "00000" / "daoxian.yaml", late / "daoxian-2022.yaml")
    (late / "broken.yaml").write_text("schema_version: 1\nunit: {name: 冷水滩区}\n", encoding="utf-8")
    return directory


def test_workers_print_what_one_process_prints_with_second_reports_of_a_unit_and_year(
    bulk_copies: Path,
) -> None:
    """Each worker writes its reports' entries, figures, kept reports and sources to a file of its own; the
    run reads them back from there, for the document and to compare a unit's second reports of a year with
    its first, and prints what one process prints."""
    printed = {}
    for jobs in ("1", "2"):
        outputs = [arg for name in STREAMED for arg in ("-f", name, "-o", f"j{jobs}.{name}")]
        done = check(bulk_copies, "reports", "--rules", "pack", *outputs, "-j", jobs)
        assert done.returncode == 2, done.stderr  # the broken report
        printed[jobs] = {
            name: TIMESTAMP.sub(b"", (bulk_copies / f"j{jobs}.{name}").read_bytes()) for name in STREAMED
        }
    assert printed["1"] == printed["2"]
    text = printed["2"]["json"].decode("utf-8")
    for expected in ("same-report", "differing-reports", "daoxian-2022.yaml", "broken.yaml"):
        assert expected in text, expected


def test_the_workers_files_are_closed_and_nothing_is_left_in_the_temporary_folder(
    bulk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run's spool and each worker's own file are gone once the run is over: no file in the temporary
    folder, none of its files left open (Linux's ``/proc`` tells, where there is one)."""
    import os

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(processes, "available_cores", lambda: 2)
    monkeypatch.chdir(bulk)
    made: list[int] = []
    spool_file = spool.spool_file

    def counted() -> Any:
        made.append(1)
        return spool_file()

    monkeypatch.setattr(run, "spool_file", counted)
    result = CliRunner().invoke(
        app, ["check", "reports", "--rules", "pack", "-f", "json", "-o", "spooled.json", "-j", "2"]
    )
    assert result.exit_code == 1, result.output
    assert b'"rank": 1' in (bulk / "spooled.json").read_bytes()
    assert len(made) == 3  # the run's spool, its one worker's, and the run's own share's (``_placing``)
    folder = Path("/proc/self/fd")
    if folder.is_dir():
        opened = []
        for fd in folder.iterdir():
            try:
                opened.append(os.readlink(fd))
            except OSError:  # the folder's own, closed as it is read
                pass
        assert [name for name in opened if name.startswith(str(tmp_path))] == []
    assert os.listdir(tmp_path) == []


def test_with_jobs_no_report_waits_in_the_run_with_its_parts(
    bulk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With ``--jobs``, the reports the run's own process scores wait, in order, behind the chunks handed to
    the workers before them (``processes._sharing``): each one's parts (its entry, some 35 KB) are written to
    a file as it is made, and only where they are is held, as the workers' are. Held whole, they were 56 MiB
    of a 10,000-report run, which the system's allocator kept to its end (a peak of 115 MiB against 43)."""
    monkeypatch.setattr(processes, "available_cores", lambda: 2)
    monkeypatch.chdir(bulk)
    held: list[tuple[str, bool, bool]] = []
    keep = run._held

    def watched(spool_: Spool, scored: Any, *args: Any) -> Any:
        done, where = scored
        held.append((done.file, where is not None, done.entry == b""))
        return keep(spool_, scored, *args)

    monkeypatch.setattr(run, "_held", watched)
    result = CliRunner().invoke(
        app, ["check", "reports", "--rules", "pack", "-f", "json", "-o", str(tmp_path / "j2.json"), "-j", "2"]
    )
    assert result.exit_code == 1, result.output
    assert len(held) == len(list((bulk / "reports").rglob("*.yaml")))
    assert all(placed and emptied for _, placed, emptied in held), held[:3]
    one = CliRunner().invoke(
        app, ["check", "reports", "--rules", "pack", "-f", "json", "-o", str(tmp_path / "j1.json"), "-j", "1"]
    )
    assert one.exit_code == 1, one.output
    assert (tmp_path / "j1.json").read_bytes() == (tmp_path / "j2.json").read_bytes()


def test_a_full_temporary_folder_in_a_report_worker_is_exit_2_naming_it(
    bulk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker's own file (its reports' entries) on a full disk: the error comes back from the worker whole,
    and nothing is written."""

    def full(self: Spool, number: int) -> Spool:
        return Spool(_FullDisk(), self.rules, self.views)

    def no_room(descriptor: int, parts: Sequence[bytes]) -> int:
        raise OSError(28, "No space left on device")

    if hasattr(os, "writev"):  # each report's parts written at once (``Spool.add_at_once``)
        monkeypatch.setattr(os, "writev", no_room)
    else:
        monkeypatch.setattr(spool.Spool, "own", full)
    monkeypatch.setattr(processes, "available_cores", lambda: 2)
    monkeypatch.chdir(bulk)
    result = CliRunner().invoke(
        app,
        ["check", "reports", "--rules", "pack", "-f", "json", "-o", "full.json", "-j", "2", "--lang", "en"],
    )
    assert result.exit_code == 2, result.output
    assert f"cannot write the temporary file (in {tempfile.gettempdir()}): the disk is full" in result.output
    assert "internal error" not in result.output
    assert not (bulk / "full.json").exists()


@pytest.fixture(scope="module")
def renamed(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``folder`` with a major of each of two 2022 reports gone from 2023 (renamed): the comparison with the
    year before, made with that year's city-wide rules, warns of each; after a warning of a report of its
    own, found as the reports were read."""
    renamed = tmp_path_factory.mktemp("renamed") / "run"
    shutil.copytree(folder, renamed)
    lingling = renamed / "reports" / "2022" / "lingling.yaml"
    text = lingling.read_text(encoding="utf-8")
    lingling.write_text(
        text.replace("appropriation_per_student: 10600", "appropriation_per_student: 106000"),
        encoding="utf-8",
    )
    for unit, major in (("lengshuitan", "电子技术应用"), ("qiyang", "数控技术应用")):
        report = renamed / "reports" / "2023" / f"{unit}.yaml"
        text = report.read_text(encoding="utf-8")
        assert f"name: {major}\n" in text
        report.write_text(text.replace(f"name: {major}\n", f"name: {major}（新）\n", 1), encoding="utf-8")
    return renamed


@pytest.mark.parametrize(
    "args",
    [
        ("reports", "--waivers", "waivers.toml", "--roster", "roster.yaml", "--strict"),
        ("reports", "--select", "c1,c12", "--lang", "en"),
    ],
    ids=["waivers-roster-strict", "select-en"],
)
def test_city_wide_years_in_workers_print_what_one_process_prints(
    renamed: Path, args: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each year's city-wide rules in a worker, written to a spool of its own and copied into the run's: the
    same bytes, the warnings of the comparison with the year before in the same order (and under their
    reports in JUnit), the waivers used in a worker counted (else they would be warned of as unused)."""
    folder = renamed
    monkeypatch.chdir(folder)
    monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    asked = workers_for_years(monkeypatch)
    printed = {}
    for jobs in ("1", "2"):
        outputs = [a for name in STREAMED for a in ("-f", name, "-o", f"years-{jobs}.{name}")]
        done = CliRunner().invoke(app, ["check", *args, *outputs, "--jobs", jobs])
        assert done.exit_code == 2, done.output  # the broken report, or a refused one
        printed[jobs] = {
            name: TIMESTAMP.sub(b"", (folder / f"years-{jobs}.{name}").read_bytes()) for name in STREAMED
        }
    assert asked == [True]
    assert printed["1"] == printed["2"]
    text = printed["2"]["json"].decode("utf-8")
    assert '"units_present"' in text and "c1.public-seats" in text
    assert text.count('"code": "major-vanished"') == 2
    assert text.index('"code": "appropriation-out-of-range"') < text.index('"code": "major-vanished"')
    for unit, major in (("lengshuitan", "电子技术应用"), ("qiyang", "数控技术应用")):  # under its report
        assert re.search(f"<system-err>reports/2023/{unit}.yaml:[^<]*{major}".encode(), printed["2"]["junit"])
    if "--waivers" in args:
        assert "工匠班 2023 年起遴选" in text  # the city-wide waiver, used in a worker
        assert text.count('"code": "waiver-unused"') == 1  # only 零陵区's (met in 2023)


def test_a_full_temporary_folder_in_a_city_wide_years_worker_is_exit_2_naming_it(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The error comes back from the worker whole: its message and the folder it names."""
    from zhijiao_check.commands.flat import spool, years

    def full(*args: object) -> None:
        raise spool.spool_failed(OSError(28, "No space left on device"))

    monkeypatch.setattr(years, "city_year", full)
    monkeypatch.chdir(folder)
    monkeypatch.setattr(check_command, "FLAT_FROM", 0)
    asked = workers_for_years(monkeypatch)
    result = CliRunner().invoke(
        app, ["check", "reports", "-f", "json", "-o", "full.json", "-j", "2", "--lang", "en"]
    )
    assert asked == [True]
    assert result.exit_code == 2, result.output
    assert f"cannot write the temporary file (in {tempfile.gettempdir()}): the disk is full" in result.output
    assert "internal error" not in result.output
    assert not (folder / "full.json").exists()


def test_an_invalid_previous_report_is_the_same_one_notice_in_both_runs(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--previous`` is read by one function for both runs (``commands.check._previous``): the broken 2022
    report is one notice in each, and the equality above is not of two runs that read no earlier year."""
    import json

    flat, whole = both(folder, monkeypatch, "reports/2023", "--previous", "reports/2022")
    expected = "上年报表 reports/2022/broken.yaml 无效，未用于比较（请用 validate 检查）"
    for doc in (flat, whole):
        assert [n for n in json.loads(doc)["notices"] if "broken.yaml" in n] == [expected]
    assert flat == whole


@pytest.mark.parametrize("flat_from", [0, 10**6], ids=["flat", "whole"])
def test_the_report_validator_is_built_with_a_stop_held_back(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, flat_from: int
) -> None:
    """A Ctrl-C or SIGTERM raised inside pydantic-core's building of the report's validator came out wrapped
    in a ``SchemaError``: an internal error (exit 3) where the run stops with one line. Each form of the
    validator is built with them held back, a run laid out as it goes (``--jobs``: before the first fork) as
    a run laid out whole; and taken again once it is built."""
    import signal

    from zhijiao_check.report import validator

    held: list[set[int]] = []
    made = validator.SchemaValidator

    def recorded(schema: Any) -> Any:
        held.append({int(number) for number in signal.pthread_sigmask(signal.SIG_BLOCK, [])})
        return made(schema)

    monkeypatch.setattr(validator, "SchemaValidator", recorded)
    monkeypatch.setattr(validator, "_MADE", {})  # built in this run, not an earlier test's
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "__all__")  # as the tool's entry point sets it
    monkeypatch.setattr(check_command, "FLAT_FROM", flat_from)
    monkeypatch.chdir(ROOT)
    done = CliRunner().invoke(app, ["check", "samples", "-f", "json", "-o", str(tmp_path / "out.json")])
    assert done.exit_code in (0, 1, 2), done.output
    assert held and all({int(signal.SIGINT), int(signal.SIGTERM)} <= mask for mask in held)
    assert int(signal.SIGTERM) not in {int(n) for n in signal.pthread_sigmask(signal.SIG_BLOCK, [])}
