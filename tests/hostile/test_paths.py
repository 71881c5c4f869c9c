"""Paths a file system can hold (issue 7, classes 2, 3 and 9): FIFOs, sockets and devices are refused unread,
file-system errors are one located exit-2 problem for their path, and the other paths are still checked."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhijiao_check.problems import Severity, never_read

from .helpers import SAMPLE, digest, environment, run, unprivileged_user


def _json(done_out: bytes) -> dict:
    return json.loads(done_out.decode("utf-8"))


def _codes(document: dict, file_part: str) -> list[str]:
    return [p["code"] for bad in document["invalid"] if file_part in bad["file"] for p in bad["problems"]]


def test_a_fifo_named_or_met_in_a_directory_is_refused_without_blocking(report: Path, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")  # opening it for reading would wait for a writer forever
    for args in ((tmp_path,), (tmp_path / "pipe.yaml", report)):
        done = run("check", *args, "-f", "json")
        document = _json(done.out)
        assert done.code == 2
        assert _codes(document, "pipe.yaml") == ["not-regular-file"]
        assert [r["unit"] for r in document["reports"]] == ["东安县"]  # the other file is still checked


def test_a_socket_and_a_device_are_named_for_what_they_are(
    report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sock = socket.socket(socket.AF_UNIX)
    path = tmp_path / "s.yaml"
    monkeypatch.chdir(tmp_path)  # a socket's address holds 107 bytes: bound by its name, any tmp_path will do
    sock.bind(path.name)
    try:
        done = run("validate", path, "/dev/null", "/dev/zero", report, "--lang", "en")
    finally:
        sock.close()
    assert done.code == 2
    assert "s.yaml: error: this is a socket, not a regular file" in done.out.decode()
    assert "/dev/zero: error: this is a character device" in done.out.decode()
    assert "1 valid, 3 invalid" in done.out.decode()


def test_a_file_name_in_gbk_is_checked_and_its_chinese_name_given(shared: Path) -> None:
    name = "东安县.yaml".encode("gbk")
    shutil.copyfile(SAMPLE, os.path.join(os.fsencode(shared), name))
    done = run("check", shared, "-f", "json")
    document = _json(done.out)
    assert done.code == 1
    [checked] = document["reports"]
    assert checked["file"].endswith("\\xb6\\xab\\xb0\\xb2\\xcf\\xd8.yaml")
    [warning] = document["warnings"]
    assert warning["code"] == "file-name-gbk" and "东安县.yaml" in warning["message"]


def test_a_file_name_in_no_encoding_is_escaped(shared: Path) -> None:
    shutil.copyfile(SAMPLE, os.path.join(os.fsencode(shared), b"\xff\xfe.yaml"))
    for fmt in ("table", "json", "sarif", "junit", "github", "markdown", "html"):
        done = run("check", shared, "-f", fmt)
        assert done.code == 1, (fmt, done.err)
        # Every format holds the name, in UTF-8 (JSON writes the backslash of \xff as \\, SARIF's URI as %5C).
        assert "\\xff\\xfe.yaml" in done.text.replace("\\\\", "\\").replace("%5C", "\\"), fmt


def test_a_name_too_long_is_a_problem_of_its_own(report: Path, tmp_path: Path) -> None:
    done = run("check", tmp_path / ("a" * 300 + ".yaml"), report, "--lang", "en")
    assert done.code == 2
    assert "a name in this path is too long" in done.text
    assert "东安县" in done.text  # the other report is still checked


LONG = "a" * 300  # longer than a name may be (255 bytes on Linux): stat raises ENAMETOOLONG, not ENOENT


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("check", "--whole-year", f"{{empty}}/{LONG}.yaml"), "no reports (*.yaml"),
        (("check", "{report}", "--rules", LONG), "rule pack"),
        (("check", "{report}", "--pack", LONG), "rule pack"),
        (("check", "{report}", "-f", "html", "-o", "x.html", "--per-unit", LONG), "file name is too long"),
        (("diff", f"{LONG}.yaml", "{report}"), "could not be read"),
        (("diff", "{report}", LONG), "could not be read"),
    ],
)
def test_a_name_too_long_in_any_option_is_told_not_an_internal_error(
    report: Path, tmp_path: Path, args: tuple[str, ...], said: str
) -> None:
    # ``Path.is_dir``/``is_file`` raise on a name too long (they pass over a name that does not exist only):
    # each of these was exit 3, internal error
    empty = tmp_path / "empty"  # a folder without reports, the too-long name's
    empty.mkdir()
    done = run(*(a.format(report=report, empty=empty) for a in args), "--lang", "en", cwd=tmp_path)
    assert done.code == 2, done.err
    assert said in done.err + done.text, done.err


def test_a_symlink_loop_is_named_as_a_loop(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    for target in (tmp_path / "a.yaml", tmp_path):
        done = run("validate", target, "--lang", "en")
        assert done.code == 2 and "a loop of symbolic links" in done.text


def test_a_path_that_does_not_exist_is_no_invalid_report(report: Path, tmp_path: Path) -> None:
    done = run("check", "nope.yaml", report, "--lang", "en", cwd=tmp_path)  # named short: on one line
    assert done.code == 2
    assert "nope.yaml: could not be read, not checked" in done.text
    assert "no such file or directory" in done.text
    assert "invalid report" not in done.text.split("东安县")[0]


@pytest.mark.parametrize("lock", ["file", "directory"])
def test_what_the_user_may_not_read_is_reported_and_the_rest_checked(shared: Path, lock: str) -> None:
    user = unprivileged_user()
    good = shared / "good.yaml"
    shutil.copyfile(SAMPLE, good)
    good.chmod(0o644)
    locked = shared / "locked"
    locked.mkdir()
    shutil.copyfile(SAMPLE, locked / "secret.yaml")
    if lock == "file":
        (locked / "secret.yaml").chmod(0o000)
        locked.chmod(0o755)
        target = locked / "secret.yaml"
    else:
        locked.chmod(0o000)
        target = locked
    before = (locked / "secret.yaml").stat().st_mode if lock == "file" else None
    for args in ((target, good), (shared,)):
        done = run("check", *args, "--lang", "en", user=user, cwd=shared)
        assert done.code == 2, done.err
        assert "permission denied" in done.text or "cannot enter this directory" in done.text, done.text
        assert "东安县" in done.text  # the readable report is still checked
    if before is not None:
        assert (locked / "secret.yaml").stat().st_mode == before


def test_a_county_s_folder_linked_into_its_year_is_checked_with_the_year(shared: Path) -> None:
    # tree/2023/lanshan -> ../../store/lanshan: 蓝山县 was left out of 2023 city-wide without a word.
    year = shared / "tree" / "2023"
    shutil.copytree(SAMPLE.parent, year, ignore=shutil.ignore_patterns("lanshan.yaml"))
    (shared / "store" / "lanshan").mkdir(parents=True)
    shutil.copyfile(SAMPLE.parent / "lanshan.yaml", shared / "store" / "lanshan" / "lanshan.yaml")
    (year / "lanshan").symlink_to(Path("..", "..", "store", "lanshan"))
    (year / "again").symlink_to(Path("..", "..", "store", "lanshan"))  # the same folder a second way
    (year / "up").symlink_to(Path(".."))  # a loop: walked once, not an error
    done = run("check", Path("tree", "2023"), "-f", "json", cwd=shared)
    document = _json(done.out)
    assert done.code == 1, done.err
    assert len(document["reports"]) == 15
    assert [r["file"] for r in document["reports"] if r["unit"] == "蓝山县"] == [
        str(Path("tree", "2023", "again", "lanshan.yaml"))  # the first way to it, in sorted order
    ]
    assert [city["units_missing"] for city in document["city"]] == [[]]


def test_a_link_to_a_county_s_folder_since_moved_is_a_problem_not_a_silence(shared: Path) -> None:
    # The layout above, with the store moved: 蓝山县 was left out and the run passed (exit 0).
    (shared / "tree" / "2023").mkdir(parents=True)
    shutil.copyfile(SAMPLE, shared / "tree" / "2023" / "dongan.yaml")
    (shared / "tree" / "2023" / "lanshan").symlink_to(Path("..", "..", "store", "lanshan"))
    (shared / "tree" / "2023" / "loop").symlink_to("loop")
    done = run("validate", Path("tree", "2023"), "--lang", "en", cwd=shared)
    assert done.code == 2, done.text
    lanshan = str(Path("tree", "2023", "lanshan"))
    gone = Path("..", "..", "store", "lanshan")
    assert (
        f"{lanshan}: error: this symbolic link points to {gone}, which does not exist: restore what it "
        "points to, or remove the link"
    ) in done.text
    assert "loop: error: a loop of symbolic links" in done.text
    assert "1 valid, 2 invalid" in done.text


def test_a_linked_folder_the_user_may_not_enter_is_reported(shared: Path) -> None:
    user = unprivileged_user()
    (shared / "reports").mkdir()
    shutil.copyfile(SAMPLE, shared / "reports" / "good.yaml")
    (shared / "store" / "locked").mkdir(parents=True)
    shutil.copyfile(SAMPLE, shared / "store" / "locked" / "secret.yaml")
    (shared / "reports" / "locked").symlink_to(Path("..", "store", "locked"))
    (shared / "store" / "locked").chmod(0o000)
    done = run("check", "reports", "--lang", "en", user=user, cwd=shared)
    assert done.code == 2, done.err
    assert "cannot enter this directory" in done.text, done.text
    assert str(Path("reports", "locked")) in done.text
    assert "东安县" in done.text


def test_stdout_closed_or_full_is_a_one_line_exit_2(report: Path) -> None:
    argv = ["/bin/sh", "-c", 'exec "$@" >&-', "sh", *_python_cli("check", report, "--lang", "en")]
    done = subprocess.run(argv, capture_output=True, env=environment(), timeout=30, check=False)
    assert done.returncode == 2
    assert done.stderr.decode().strip().splitlines() == [
        "standard output is closed, the result has nowhere to go: give an --output file; no output file was"
        + " written"
    ]
    if os.path.exists("/dev/full"):
        with open("/dev/full", "wb") as full:
            done_full = run("check", report, "--lang", "en", stdout=full.fileno())
        assert done_full.code == 2
        assert done_full.err.strip().startswith("cannot write to standard output: the disk is full")
        assert len(done_full.err.strip().splitlines()) == 1


@pytest.mark.parametrize(("args", "code"), [(("--help",), 0), (("check", "--help"), 0), (("check",), 1)])
def test_a_reader_that_stopped_reading_leaves_the_exit_status_as_it_was(
    report: Path, args: tuple[str, ...], code: int
) -> None:
    """``| head -1``: the help exits 0 (typer and rich said 1, "a rule failed"), a check its own status."""
    reader, writer = os.pipe()
    os.close(reader)  # nobody reads: the first write meets a closed pipe
    argv = _python_cli(*args, *((report,) if args == ("check",) else ()))
    try:
        done = subprocess.run(
            argv, stdout=writer, stderr=subprocess.PIPE, env=environment(), timeout=30, check=False
        )
    finally:
        os.close(writer)
    assert done.returncode == code, done.stderr
    assert b"Traceback" not in done.stderr


def _python_cli(*args: object) -> list[str]:
    import sys

    return [sys.executable, "-m", "zhijiao_check", *map(str, args)]


def test_dash_reads_standard_input(report: Path) -> None:
    done = run("check", "-", "-f", "json", stdin=report.read_bytes())
    document = _json(done.out)
    assert done.code == 1
    assert [r["file"] for r in document["reports"]] == ["<stdin>"]
    bad = run("validate", "-", "--lang", "en", stdin=b"schema_version: 1\nyear: 2023\n")
    assert bad.code == 2 and "<stdin>:" in bad.text


def test_an_empty_path_is_an_error_not_the_working_directory(report: Path, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "would-hang.yaml")  # were the working directory scanned, this would be met
    done = run("check", report, "", "--lang", "en", cwd=tmp_path)
    assert done.code == 2 and "an empty path" in done.err and done.out == b""


@pytest.mark.parametrize("filters", [("--select", "c1", "--ignore", "c1"), ("--ignore", "c*")])
def test_filters_that_leave_no_rule_are_refused(report: Path, filters: tuple[str, ...]) -> None:
    done = run("check", report, *filters, "--lang", "en")
    assert done.code == 2 and "leave no rule" in done.err


def test_no_input_was_changed_by_any_of_this(report: Path) -> None:
    before = digest(report)
    run("check", report, "-o", "-")
    assert digest(report) == before


# Paths of a tree with symlinks to files and folders, a dangling one, a loop, ``..`` and names absent.
_NAMES = [
    "a/x.yaml",
    "a/link.yaml",
    "b/x.yaml",
    "a/../b/x.yaml",
    "linked/x.yaml",
    "linked/../a/x.yaml",
    "a/gone.yaml",
    "a/dangling.yaml",
    "a/loop.yaml",
    "a",
    "a/",
    "a/.",
    "a/..",
    "x.yaml",
    "gone/x.yaml",
    "linked",
]


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tree")
    for folder in ("a", "b"):
        (root / folder).mkdir()
        (root / folder / "x.yaml").write_text("x", encoding="utf-8")
    (root / "x.yaml").write_text("x", encoding="utf-8")
    (root / "a" / "link.yaml").symlink_to(root / "b" / "x.yaml")
    (root / "a" / "dangling.yaml").symlink_to(root / "nowhere.yaml")
    (root / "a" / "loop.yaml").symlink_to(root / "a" / "loop.yaml")
    (root / "linked").symlink_to(root / "b")
    return root


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(_NAMES), st.booleans()), max_size=12))
def test_real_paths_are_what_realpath_says(tree: Path, monkeypatch: pytest.MonkeyPatch, names: list) -> None:
    """Each folder resolved once for all the files in it (``files.RealPaths``), in any order, relative or
    absolute: the same path as ``os.path.realpath`` gives, and with ``info`` what ``os.stat`` says."""
    from zhijiao_check.files import RealPaths

    monkeypatch.chdir(tree)
    real_path = RealPaths()
    for name, absolute in names:
        path = str(tree / name) if absolute else name
        assert real_path(path) == os.path.realpath(path)
        if real_path.info is not None:
            assert os.path.samestat(real_path.info, os.stat(path))


@pytest.mark.parametrize("junctions", [False, True])
def test_a_walk_tells_symlinks_apart_as_lstat_does(
    tree: Path, monkeypatch: pytest.MonkeyPatch, junctions: bool
) -> None:
    """``files.walk`` lists what ``os.walk`` lists, in its order (each folder once: ``linked`` leads to ``b``,
    walked already), with each folder's real path, and says which names are symlinks (to a folder, to a
    file, to nothing, to themselves): a name that is none is really in its folder's real path. The same
    where each folder is resolved by the system, as on Windows (``files._JUNCTIONS``)."""
    from zhijiao_check import files
    from zhijiao_check.files import walk

    monkeypatch.setattr(files, "_JUNCTIONS", junctions)
    walked = []
    for root, real, directories, names, links in walk(tree):
        directories.sort()
        walked.append((os.path.relpath(root, tree), sorted(names)))
        assert real == os.path.realpath(root)
        listed = {*directories, *names}
        assert links == {name for name in listed if os.path.islink(os.path.join(root, name))}
        for name in listed - links:
            assert os.path.join(real, name) == os.path.realpath(os.path.join(root, name))
    assert walked == [
        (".", ["x.yaml"]),
        ("a", ["dangling.yaml", "link.yaml", "loop.yaml", "x.yaml"]),
        ("b", ["x.yaml"]),
    ]


def test_a_path_never_read_is_told_alike_by_the_table_and_by_diff(report: Path, tmp_path: Path) -> None:
    """A FIFO whose name ends in Notepad's ``.txt``: its one error (not opened) and a warning of its name,
    neither at a line. The table view called it an invalid report (every problem had to be an error), where
    ``diff`` said it could not be read (its errors alone were asked): now both say it could not be read."""
    os.mkfifo(tmp_path / "pipe.yaml.txt")
    checked = run("check", "pipe.yaml.txt", "--lang", "en", cwd=tmp_path)
    assert checked.code == 2
    assert "pipe.yaml.txt: could not be read, not checked" in checked.out.decode()
    assert "invalid report" not in checked.out.decode()
    compared = run("diff", "pipe.yaml.txt", report.name, "--lang", "en", cwd=tmp_path)
    assert compared.code == 2
    assert "cannot compare: pipe.yaml.txt could not be read" in compared.err


@pytest.mark.parametrize(
    ("problems", "unread"),
    [
        ([("error", None)], True),
        ([("error", None), ("warning", None)], True),  # a warning of the file's name
        ([("error", None), ("warning", 3)], False),  # a warning at a line: the file was read
        ([("error", 1)], False),
        ([("warning", None)], False),  # no error: nothing refused it
    ],
)
def test_a_path_is_never_read_when_it_has_an_error_and_no_problem_at_a_line(
    problems: list[tuple[Severity, int | None]], unread: bool
) -> None:
    assert never_read(problems) is unread


def test_a_pyproject_the_user_may_not_read_is_a_warning_and_the_search_goes_on(shared: Path) -> None:
    """A ``pyproject.toml`` that cannot be read may hold the team's ``[tool.zhijiao-check]``: it was passed
    over in silence, and the run went on without those settings. Now a one-line warning at the file says so;
    the search still goes on above it (it may as well be another project's, and stopping would stop every run
    below it), here to a ``zhijiao-check.toml`` whose English the run then speaks."""
    user = unprivileged_user()
    (shared / "zhijiao-check.toml").write_text('lang = "en"\n', encoding="utf-8")
    inner = shared / "reports"
    inner.mkdir()
    inner.chmod(0o755)
    locked = inner / "pyproject.toml"
    locked.write_text("[tool.zhijiao-check]\nstrict = true\n", encoding="utf-8")
    locked.chmod(0o000)
    shutil.copyfile(SAMPLE, inner / "dongan.yaml")
    (inner / "dongan.yaml").chmod(0o644)
    (shared / "zhijiao-check.toml").chmod(0o644)
    done = run("check", "dongan.yaml", user=user, cwd=inner)
    assert done.code == 1, done.err
    warning = (
        "pyproject.toml: warning: permission denied: ask the owner for read permission (execute too, for a "
        "directory), or use a copy you can read; the settings of a [tool.zhijiao-check] table in it, if it "
        "has one, do not apply (the search for a config file went on in the folders above; --no-config reads "
        "none)"
    )
    assert done.err.splitlines() == [warning], done.err
    assert "settings from the config file ../zhijiao-check.toml" in done.text
    quiet = run("check", "dongan.yaml", "--no-config", user=user, cwd=inner)
    assert quiet.code == 1 and quiet.err == "" and "退出状态 1" in quiet.text
