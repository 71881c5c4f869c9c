"""``--jobs``: worker processes change how long a run takes, never what it prints or its exit status."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from golden.cases import FORMATS
from golden.test_bulk import generated_set

from zhijiao_check import forked, processes


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("jobs")
    reports, _ = generated_set(directory, 2 * processes.PARALLEL_FROM)
    (reports / "broken.yaml").write_text("schema_version: 1\nunit: {name: 冷水滩区}\n", encoding="utf-8")
    return directory


@pytest.fixture(scope="module")
def streamed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough reports for a streamed run."""
    from zhijiao_check.commands.check import FLAT_FROM

    directory = tmp_path_factory.mktemp("streamed")
    generated_set(directory, FLAT_FROM)
    return directory


def run(directory: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "zhijiao_check", "check", "reports", "--rules", "pack", *args],
        cwd=directory,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_two_workers_print_what_one_process_prints(reports: Path, lang: str) -> None:
    outputs = {}
    for jobs in ("1", "2"):
        options = [a for fmt in FORMATS for a in ("-f", fmt, "-o", f"j{jobs}/{lang}.{fmt}")]
        done = run(reports, "--lang", lang, "--jobs", jobs, *options)
        assert done.returncode == 2, done.stderr  # the broken report makes it invalid input
        outputs[jobs] = {fmt: (reports / f"j{jobs}" / f"{lang}.{fmt}").read_bytes() for fmt in FORMATS}
    for fmt in FORMATS:
        one, two = outputs["1"][fmt], outputs["2"][fmt]
        if fmt == "junit":  # the time of the run, to the second
            one, two = (
                b"\n".join(line for line in o.splitlines() if b"timestamp=" not in line) for o in (one, two)
            )
        assert one == two, fmt
    assert b"broken.yaml" in outputs["2"]["json"]


def test_jobs_counts_processes(reports: Path) -> None:
    done = run(reports, "--jobs", "0", "-f", "json")
    assert done.returncode == 2
    assert "--jobs" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("formats", "workers"),
    [(("json",), 2), (("junit", "sarif"), 2), (("markdown",), 1), (("table",), 1), (("json", "xlsx"), 1)],
)
def test_by_default_workers_run_only_where_they_pay(
    streamed: Path, monkeypatch: pytest.MonkeyPatch, formats: tuple[str, ...], workers: int
) -> None:
    """Two processors: a streamed run (json, junit, sarif alone, from FLAT_FROM reports) takes both; a run of
    any other format takes one process (its workers would send back more than they save); ``--jobs`` is taken
    as given up to the processors the run may use (``-j 1000`` on two forked 1,000 workers and took 16 times
    as long)."""
    from typer.testing import CliRunner

    from zhijiao_check.cli import app

    asked: list[int] = []
    monkeypatch.setattr(processes, "available_cores", lambda: 2)
    monkeypatch.setattr(processes, "in_parallel", lambda count, jobs, least=0: asked.append(jobs) and False)
    monkeypatch.chdir(streamed)
    outputs = [a for name in formats for a in ("-f", name, "-o", f"out.{name}")]
    for given, expected in (([], workers), (["--jobs", "2"], 2), (["--jobs", "1000"], 2), (["-j", "1"], 1)):
        asked.clear()
        done = CliRunner().invoke(app, ["check", "reports", "--rules", "pack", *outputs, *given])
        assert done.exit_code == 1, done.output
        assert asked and set(asked) == {expected}


@pytest.mark.parametrize(("count", "jobs"), [(2, 2), (40, 2), (1000, 2), (10_000, 2), (1000, 4)])
def test_the_workers_are_handed_fewer_items_at_a_time_as_the_end_nears(count: int, jobs: int) -> None:
    """Every item once, in order; no chunk above 32 or above the one before it, the last ones single items:
    a worker's last chunk no longer leaves the other idle for the time of 32 reports."""
    chunks = processes._guided(list(range(count)), jobs)
    assert [item for chunk in chunks for item in chunk] == list(range(count))
    sizes = [len(chunk) for chunk in chunks]
    assert max(sizes) <= 32 and sizes == sorted(sizes, reverse=True) and sizes[-1] == 1
    assert sizes[0] == max(1, min(32, count // (jobs * 8)))


def test_ordered_map_gives_each_result_in_order_from_workers() -> None:
    assert list(processes.ordered_map(abs, list(range(0, -300, -1)), 2, least=1)) == list(range(300))


def test_values_pickle_takes_by_copyreg_go_to_and_from_the_workers() -> None:
    """The workers' pipes pickle with the tool's own reducers and ``copyreg``'s (a compiled pattern, a
    complex number), as ``multiprocessing`` did."""
    items = [(re.compile(f"a{n}+"), complex(n, 1)) for n in range(60)]
    assert list(processes.ordered_map(lambda item: item, items, 2, least=1)) == items


def test_as_many_items_as_workers_are_one_each() -> None:
    """Two city-wide years on two workers: one each, side by side, never both in one worker."""

    def slow(item: int) -> int:
        time.sleep(0.05)
        return os.getpid()

    assert len(set(processes.ordered_map(slow, [0, 1], 2, least=1))) == 2 or processes.available_cores() == 1


def test_a_worker_done_with_its_chunks_is_handed_more_while_another_is_busy() -> None:
    """The caller waits for whichever result comes first, not the next in order: while one worker is on a
    long item, the other does the rest, as the city-wide years of a large run are shared."""

    def timed(item: int) -> int:
        time.sleep(1.0 if item == 0 else 0.005)
        return os.getpid()

    by_item = list(processes.ordered_map(timed, list(range(60)), 2, least=1))
    busy = by_item[0]
    # the long item's worker had its first chunks in hand (two, of up to three items) and no more
    assert by_item.count(busy) <= 6


def test_each_worker_takes_a_number_no_other_worker_of_its_pool_has() -> None:
    """``worker_number``: by it each of a run's report workers writes to a file of its own. The pipe the
    numbers are handed out through is closed once the workers have them."""
    opened = os.listdir("/proc/self/fd") if os.path.isdir("/proc/self/fd") else []

    def numbered(item: int) -> tuple[int, int]:
        time.sleep(0.001)  # both workers take a share
        return os.getpid(), forked.worker_number()

    by_worker = dict(processes.ordered_map(numbered, list(range(200)), 2, least=1))
    assert len(set(by_worker.values())) == len(by_worker) and set(by_worker.values()) <= {0, 1}
    assert len(by_worker) == 2 or processes.available_cores() == 1
    assert (os.listdir("/proc/self/fd") if os.path.isdir("/proc/self/fd") else []) == opened


_REAPED = """
import atexit, os, sys


def left() -> None:  # run after ``processes``' own handler: handlers run last registered first
    try:
        print(os.waitpid(-1, os.WNOHANG))
    except ChildProcessError:
        print("none left")


atexit.register(left)
from zhijiao_check import processes

print(list(processes.ordered_map(abs, list(range(-100, 0)), 2, least=1))[:2])
"""


_MANY_OPEN = """
import os, resource
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
if hard != resource.RLIM_INFINITY and hard < 1200:
    print("too few")
    raise SystemExit
if soft != resource.RLIM_INFINITY and soft < 1200:
    resource.setrlimit(resource.RLIMIT_NOFILE, (1200, hard))
held = [os.open(os.devnull, os.O_RDONLY) for _ in range(1100)]  # left open, as a leaky parent leaves them
from zhijiao_check import processes

print(list(processes.ordered_map(abs, list(range(-100, 0)), 2, least=1))[:2])
"""


def test_workers_are_heard_from_past_a_thousand_open_files() -> None:
    """A run started with more than 1,024 files open (a shell or a CI runner that leaves them open): the
    workers' pipes are numbered above what ``select`` takes, and the run stopped at its first result with
    an internal error. They are asked by ``poll``."""
    done = subprocess.run(
        [sys.executable, "-c", _MANY_OPEN], check=True, capture_output=True, text=True, timeout=60
    )
    if done.stdout.strip() == "too few":
        pytest.skip("this system lets a process open fewer than 1,200 files")
    assert done.stdout.splitlines() == ["[100, 99]"], done.stderr


def test_every_worker_is_waited_for_by_the_time_the_process_exits() -> None:
    """A worker told to end is reaped as the next team starts, and the last team's as the process exits: a
    worker left a zombie at exit is left out of what the system counts of the run (the peak memory
    ``/usr/bin/time`` gives of its children)."""
    done = subprocess.run(
        [sys.executable, "-c", _REAPED], check=True, capture_output=True, text=True, timeout=60
    )
    assert done.stdout.splitlines() == ["[100, 99]", "none left"], done.stderr


def test_the_calling_process_does_a_share_as_one_of_the_jobs() -> None:
    """``here``: ``jobs`` - 1 workers, the caller the last of the jobs, doing the chunks none of them needs
    by ``here``, not by the workers' function, and the first item before the workers are forked; the
    results in order all the same."""

    def slow(item: int) -> tuple[int, str, int]:
        time.sleep(0.002)  # the caller takes a share as it waits
        return os.getpid(), "worker", item

    def here(item: int) -> tuple[int, str, int]:
        time.sleep(0.002)
        return os.getpid(), "here", item

    done = list(processes.ordered_map(slow, list(range(300)), 2, least=1, here=here))
    assert [item for _, _, item in done] == list(range(300))
    by = {(pid, how) for pid, how, _ in done}
    assert (os.getpid(), "here") in by and ({how for _, how in by} == {"here", "worker"})
    assert len({pid for pid, how in by if how == "worker"}) == 1 and (os.getpid(), "worker") not in by
    assert done[0] == (os.getpid(), "here", 0)  # before the fork: what it warms, the workers inherit
    few = list(processes.ordered_map(slow, [1, 2], 2, here=here))  # too few to pay for workers: all here
    assert few == [here(1), here(2)]


def test_a_kept_worker_shares_more_items_with_the_caller_each_taking_the_next_one_left() -> None:
    """``ordered_map(kept=...)`` keeps its worker; ``claimed_map`` then shares items of another kind with it
    and the caller, each taking the next item as soon as it is free: an item twenty times the others' size
    is done by one of them while the other does the rest. The results come back in order, the worker is
    ended, and the pipes are all closed."""

    def work(item: object) -> tuple[int, object]:
        if isinstance(item, float):  # the items the worker is kept for
            time.sleep(item)
        return os.getpid(), item

    def opened() -> int:
        return len(os.listdir("/proc/self/fd"))

    before = opened()
    with processes.team_kept() as team:
        scored = list(processes.ordered_map(work, list(range(100)), 2, least=1, here=work, kept=team))
        assert [item for _, item in scored] == list(range(100)) and len(team) == 1
        assert team[0].tasks >= 0  # kept, not ended
        sizes = [0.2] + [0.01] * 10
        done = list(processes.claimed_map(team, sizes, work))
        assert team[0].tasks < 0  # ended once all are in
    assert [item for _, item in done] == sizes
    by = {pid for pid, _ in done}
    if processes.available_cores() > 1:
        assert by == {os.getpid(), team[0].pid}
        big = done[0][0]
        assert sum(pid == big for pid, _ in done) <= 3  # the other took the rest as the big one was done
    assert opened() == before


def test_an_error_in_a_kept_workers_claimed_item_is_raised_in_the_caller() -> None:
    def work(item: object) -> object:
        if item in ("a", "b", "c"):  # in the worker
            raise ValueError(f"bad item {item}")
        return item

    with pytest.raises(ValueError, match="bad item"), processes.team_kept() as team:
        list(processes.ordered_map(work, list(range(50)), 2, least=1, here=work, kept=team))
        # the caller slow at its own: the worker claims one of them meanwhile
        list(processes.claimed_map(team, ["a", "b", "c"], lambda item: (time.sleep(0.3), item)[1]))
    assert team and all(worker.tasks < 0 for worker in team)


def test_more_items_than_the_pipe_of_claims_holds_are_refused() -> None:
    claims = forked.Claims()
    claims.users = 1
    with pytest.raises(ValueError, match="more than"):
        claims.offer(forked.CLAIMS_HELD + 1)
    claims.offer(3)
    assert [forked.claim(claims.reading) for _ in range(4)] == [0, 1, 2, None]
    claims.left()
    assert claims.reading == -1


def test_default_is_one_job_per_available_core() -> None:
    import os

    assert processes.available_cores() == len(os.sched_getaffinity(0))


# The tool, with each worker's task slowed and marked as it starts: a run to stop (Ctrl-C, SIGTERM, a worker
# killed) while the workers hold the reports (a list of files a task) or the city-wide years (a ``YearAt``).
SLOWED = """
import os, signal, sys, time
signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal (a test runner may ignore it)
# a runner started under nohup passes SIGHUP on ignored, which the tool keeps: the default of a terminal,
# unless the test asks for nohup's
signal.signal(signal.SIGHUP, signal.SIG_IGN if os.environ.get("NOHUP") else signal.SIG_DFL)
from zhijiao_check import forked, processes
from zhijiao_check.commands.flat.years import YearAt
call = forked._call
# Two processors, whatever the machine has: on one (CI's may), `--jobs 2` is capped to one process, no worker.
processes.available_cores = lambda: 2
if os.environ.get("WATCHED"):  # the parent's death watched for as where there is no pidfd
    forked._handle_of = lambda parent: None

def slowed(item):
    if isinstance(item, {kind}):
        open(os.path.join(os.environ["STARTED"], str(os.getpid())), "w").close()
        time.sleep(0.2)
    return call(item)

forked._call = slowed
from zhijiao_check.entry import main
sys.argv = ["zhijiao-check", *sys.argv[1:]]
main()
"""


@pytest.mark.parametrize("kind", ["list", "YearAt"], ids=["reports", "city-wide-years"])
def test_ctrl_c_with_workers_is_one_line_and_nothing_written(
    streamed: Path, tmp_path: Path, kind: str
) -> None:
    """Ctrl-C reaches every process of the run: the workers leave it to the parent, which says so in one line,
    exits 130 and writes nothing (no traceback from each worker), and no worker is left running."""
    import signal

    stopped(streamed, tmp_path, kind, signal.SIGINT, to="group", code=130, said="已中断")


@pytest.mark.parametrize("kind", ["list", "YearAt"], ids=["reports", "city-wide-years"])
def test_sigterm_to_the_tool_alone_stops_its_workers_too(streamed: Path, tmp_path: Path, kind: str) -> None:
    """``kill``, ``timeout`` or a cancelled CI job send SIGTERM to the tool's own process: it stops as Ctrl-C
    stops it, its workers with it. They waited for work for ever, holding the output pipe open. Its exit
    status is SIGTERM's, 128 + 15, as shells and CI runners read it: it was Ctrl-C's 130."""
    import signal

    stopped(streamed, tmp_path, kind, signal.SIGTERM, to="parent", code=143, said="已中断")


@pytest.mark.parametrize("kind", ["list", "YearAt"], ids=["reports", "city-wide-years"])
def test_sighup_to_the_tool_alone_stops_it_as_sigterm_does(streamed: Path, tmp_path: Path, kind: str) -> None:
    """A closed terminal or ssh session sends SIGHUP: it stopped the tool at once, without a word, and left
    its workers waiting for ever (one blocked writing to a pipe, the other on its lock). Exit 129, 128 + 1."""
    import signal

    stopped(streamed, tmp_path, kind, signal.SIGHUP, to="parent", code=129, said="已中断")


def test_under_nohup_sighup_leaves_the_run_to_finish(
    streamed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``nohup zhijiao-check …`` asks that a closed terminal not stop the run: SIGHUP, ignored by the caller,
    stays ignored, and the run writes its whole output and exits with its own status."""
    import signal

    monkeypatch.setenv("NOHUP", "1")
    stopped(streamed, tmp_path, "list", signal.SIGHUP, to="parent", code=1, said=None, finished=True)


@pytest.mark.parametrize("kind", ["list", "YearAt"], ids=["reports", "city-wide-years"])
@pytest.mark.parametrize("told", ["pidfd", "watched"])
def test_workers_end_when_the_tool_is_killed(
    streamed: Path, tmp_path: Path, kind: str, told: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGKILL (or the out-of-memory killer) ends the tool's process with no chance to stop its workers: they
    end with it (``forked._end_with_parent``: told through a pidfd on Linux, looking for it elsewhere)
    instead of waiting for work for ever."""
    import signal

    if told == "watched":
        monkeypatch.setenv("WATCHED", "1")
    stopped(streamed, tmp_path, kind, signal.SIGKILL, to="parent", code=-signal.SIGKILL, said=None)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pidfd is Linux's")
def test_the_pidfd_a_worker_waits_on_is_readable_once_its_process_has_ended() -> None:
    """What ``forked._watch`` waits for on Linux: a pidfd of a running process is not readable, and is as soon
    as the process ends (this machine's kernel gives one: else workers fall back to looking once a second)."""
    import select
    import signal

    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        handle = forked._handle_of(process.pid)
        assert handle is not None
        poller = select.poll()
        poller.register(handle, select.POLLIN)
        assert poller.poll(100) == []
        process.send_signal(signal.SIGKILL)
        assert poller.poll(10_000) == [(handle, select.POLLIN)]
        os.close(handle)
    finally:
        process.kill()
        process.wait()


@pytest.mark.parametrize("kind", ["list", "YearAt"], ids=["reports", "city-wide-years"])
def test_a_worker_ended_by_the_system_stops_the_run_with_one_line(
    streamed: Path, tmp_path: Path, kind: str
) -> None:
    """A worker killed (by the system, for lack of memory say) stops the run: one line saying what to do,
    exit 2, nothing written, no worker left. A ``multiprocessing.Pool`` waited for the lost work for ever."""
    import signal

    said = "一个工作进程没做完就停止了（被系统结束，可能是内存不足）；没有写出任何结果文件"
    stopped(streamed, tmp_path, kind, signal.SIGKILL, to="worker", code=2, said=said)


def stopped(
    streamed: Path,
    tmp_path: Path,
    kind: str,
    sent: int,
    *,
    to: str,
    code: int,
    said: str | None,
    finished: bool = False,
) -> None:
    """The run, its workers' tasks slowed (``SLOWED``), sent ``sent`` as the first task starts: to that
    ``worker``, to the tool's own process (``parent``), or to the whole ``group`` (as a terminal sends
    Ctrl-C). ``said`` None: killed, the tool says nothing, and may leave its temporary output behind."""
    import os
    import signal
    import time

    started = tmp_path / "started"
    started.mkdir()
    output = tmp_path / "out.json"
    process = subprocess.Popen(
        [sys.executable, "-c", SLOWED.format(kind=kind), "check", "reports", "--rules", "pack"]
        + ["-f", "json", "-o", str(output), "--jobs", "2"],
        cwd=streamed,
        env={**os.environ, "STARTED": str(started)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not any(started.iterdir()):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.01)
    workers = [int(path.name) for path in started.iterdir()]
    if to == "group":
        os.killpg(process.pid, sent)
    else:
        os.kill(workers[0] if to == "worker" else process.pid, sent)
    try:
        _, stderr = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # hung (a pool waiting for the lost work): end it all
        raise
    assert process.returncode == code, stderr
    workers = [int(path.name) for path in started.iterdir()]  # any that started a task meanwhile too
    if finished:  # the signal ignored: the whole document written, as a run left alone writes it
        document = json.loads(output.read_text(encoding="utf-8"))
        assert document["exit_code"] == code and len(document["reports"]) > 40
        return
    assert not output.exists()
    if said is not None:
        assert stderr.strip().startswith(said) and len(stderr.strip().splitlines()) == 1, stderr
        assert list(tmp_path.glob(".out.json*")) == []
    deadline = time.monotonic() + 10  # stopped by the parent as it exits (a loaded machine takes a moment)
    try:
        while any(_alive(worker) for worker in workers):
            assert time.monotonic() < deadline, "a worker is left running"
            time.sleep(0.05)
    finally:
        for worker in workers:  # never left behind by a failing test
            if _alive(worker):
                os.kill(worker, signal.SIGKILL)


def _alive(pid: int) -> bool:
    """Whether ``pid`` still runs (a zombie, ended and waiting to be reaped, does not)."""
    import os

    stat = Path(f"/proc/{pid}/stat")
    if stat.parent.parent.is_dir():  # Linux: the state follows the name in parentheses
        try:
            return stat.read_text().rpartition(")")[2].split()[0] != "Z"
        except (FileNotFoundError, ProcessLookupError):
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.parametrize("here", [None, str], ids=["workers", "caller-too"])
def test_a_worker_lost_as_the_work_is_handed_over_is_a_worker_lost(
    monkeypatch: pytest.MonkeyPatch, here: object
) -> None:
    """A worker that ends before it takes its work (killed on a loaded machine as it starts): the chunks
    handed over meet a closed pipe, or no result comes back; either way the run is told ``WorkerLost``, not
    an internal error (exit 3), and no worker is left waiting."""
    import os

    monkeypatch.setattr(forked, "_start", lambda: os._exit(1))
    with pytest.raises(forked.WorkerLost):
        list(processes.ordered_map(str, list(range(640)), 2, least=1, here=here))  # type: ignore[arg-type]


def test_a_worker_s_error_is_raised_in_the_caller() -> None:
    """What the function raises in a worker is raised where the results are taken (an internal error, one
    line: ``errors.run_command``), the workers ended."""

    def failing(item: int) -> int:
        if item == 50:
            raise ValueError("fifty")
        return item

    with pytest.raises(ValueError, match="fifty"):
        list(processes.ordered_map(failing, list(range(100)), 2, least=1))


def test_a_ctrl_c_as_a_worker_is_forked_is_no_traceback_of_the_worker(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C reaches every process of the group. One that reached a worker after its fork and before it set
    itself to ignore Ctrl-C printed ``Process ForkProcess-2: Traceback … KeyboardInterrupt`` above the run's
    one line (a CI run met it). Here each worker is sent Ctrl-C the moment it is forked, before anything else:
    held back until it ignores it, the work is done and nothing is printed."""
    import os
    import signal

    start = forked._start

    def interrupted() -> None:
        os.kill(os.getpid(), signal.SIGINT)
        start()

    monkeypatch.setattr(forked, "_start", interrupted)
    assert list(processes.ordered_map(str, list(range(64)), 2, least=1)) == [str(i) for i in range(64)]
    assert "Traceback" not in capfd.readouterr().err


# A SIGTERM sent to each worker as it is forked, in the fork's own hooks (before the worker's ``_start``),
# with the tool's own handler for it (``entry._stop``) in the process that forks them.
TERMINATED_AS_FORKED = """
import os, signal
from zhijiao_check import forked, processes
from zhijiao_check.entry import _stop
signal.signal(signal.SIGTERM, _stop)
os.register_at_fork(after_in_child=lambda: os.kill(os.getpid(), signal.SIGTERM))
try:
    print(len(list(processes.ordered_map(str, list(range(64)), 2, least=1))))
except forked.WorkerLost:
    print("lost")
"""


def test_a_sigterm_as_a_worker_is_forked_ends_it_without_a_traceback() -> None:
    """SIGTERM is what the tool sends a worker it gives up on (a Ctrl-C, a closed terminal). One that reached
    a worker just forked, while the fork's own hooks ran (random's reseeding), met the handler the worker
    inherited, which raised there: Python printed ``Exception ignored in: <bound method Random.seed …>`` and
    its traceback below the run's one line (a full run of the suite met it), and the worker went on. Held
    back until the worker's ``_start`` has made SIGTERM end it, it ends it, as the tool meant, in silence."""
    done = subprocess.run(
        [sys.executable, "-c", TERMINATED_AS_FORKED], capture_output=True, text=True, timeout=60, check=False
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "lost\n", "")


# The tool on two processors, whatever the machine has (on one, ``--jobs 2`` is capped to one process).
TWO_PROCESSORS = """
import sys
from zhijiao_check import processes
processes.available_cores = lambda: 2
from zhijiao_check.entry import main
sys.argv = ["zhijiao-check", *sys.argv[1:]]
main()
"""


@pytest.mark.parametrize("run_kind", ["whole", "streamed"])
def test_standard_input_among_reports_is_read_by_workers_as_by_one_process(
    reports: Path, streamed: Path, run_kind: str
) -> None:
    """``-`` among enough reports to go parallel was read in a worker, whose standard input is /dev/null:
    ``<stdin> ['empty-file']`` with ``--jobs 2``. It is read once, in the main process, before any worker
    forks."""
    import json

    directory = reports if run_kind == "whole" else streamed
    copied = min(path for path in (directory / "reports").rglob("*.yaml") if path.name != "broken.yaml")
    piped = copied.read_text(encoding="utf-8")
    printed = {}
    for jobs in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", TWO_PROCESSORS, "check", "reports", "-", "--rules", "pack"]
            + ["-f", "json", "--jobs", jobs],
            cwd=directory,
            input=piped,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode in (1, 2), done.stderr
        printed[jobs] = done.stdout
    assert printed["1"] == printed["2"]
    doc = json.loads(printed["2"])
    assert all(bad["file"] != "<stdin>" for bad in doc["invalid"])  # it said ['empty-file']
    # read whole: the copy of a report of the folder, scored once (at the folder's)
    said = [warning["code"] for warning in doc["warnings"] if warning["file"] == "<stdin>"]
    assert said == ["same-report"]


# The tool on two processors, the parent's units' trends and city-wide years told in ``EVENTS`` as each is
# made: a unit's trends (``unit``) and a city-wide year taken back from its worker (``year``).
WATCHED_TAIL = """
import os, sys
from zhijiao_check import processes
from zhijiao_check.commands.flat import unittrends, years
processes.available_cores = lambda: 2

def told(event, function):
    def wrapped(*args, **kwargs):
        with open(os.environ["EVENTS"], "a") as events:
            events.write(event + "\\n")
        return function(*args, **kwargs)
    return wrapped

unittrends.UnitTrendTexts.unit = told("unit", unittrends.UnitTrendTexts.unit)
years.YearDone.moved = told("year", years.YearDone.moved)
from zhijiao_check.entry import main
sys.argv = ["zhijiao-check", *sys.argv[1:]]
main()
"""


def test_units_trends_are_made_while_the_city_wide_years_are_in_workers(tmp_path: Path) -> None:
    """With ``--jobs``, the trends of each unit whose reports cover every year of the run are made while the
    city-wide years are in the workers, where the run would only wait for them; a unit missing a year (whose
    trends the city-wide sections decide) once they are back. The document is the one a process prints."""
    from zhijiao_check.commands.check import FLAT_FROM

    generated_set(tmp_path, FLAT_FROM + 1)
    (tmp_path / "reports" / "2022" / "00001" / "daoxian.yaml").unlink()  # one unit in 2023 alone
    printed = {}
    for jobs in ("1", "2"):
        events = tmp_path / f"events-{jobs}"
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                WATCHED_TAIL,
                "check",
                "reports",
                "--rules",
                "pack",
                "-f",
                "json",
                "-j",
                jobs,
            ],
            cwd=tmp_path,
            env={**os.environ, "EVENTS": str(events)},
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode in (0, 1), done.stderr
        printed[jobs] = done.stdout
        told = events.read_text(encoding="utf-8").split()
        if jobs == "2":
            first_year = told.index("year")
            # the units with a report of each year before the years are back, the others after them
            assert set(told[:first_year]) == {"unit"} and told[first_year : first_year + 2] == [
                "year",
                "year",
            ]
            assert set(told[first_year + 2 :]) == {"unit"}
    assert printed["1"] == printed["2"]
    assert json.loads(printed["2"])["trends"]["units"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_streamed_run_prints_the_same_bytes_to_a_file_a_pipe_and_a_file_it_appends_to(
    streamed: Path, jobs: str
) -> None:
    """Each report's entry is copied from the spool by the system where it can (``output._copied``): to a
    file, a pipe, and a file opened to append (``>>``), which the system does not copy to."""
    written = run(streamed, "-f", "json", "--jobs", jobs, "-o", f"written-{jobs}.json")
    assert written.returncode in (0, 1), written.stderr
    text = (streamed / f"written-{jobs}.json").read_bytes()
    argv = [sys.executable, "-m", "zhijiao_check", "check", "reports", "--rules", "pack", "-j", jobs]
    assert (
        subprocess.run([*argv, "-f", "json"], cwd=streamed, capture_output=True, check=False).stdout == text
    )
    appended = streamed / f"appended-{jobs}.json"
    appended.write_bytes(b"before\n")
    with appended.open("ab") as file:
        done = subprocess.run(
            [*argv, "-f", "json"], cwd=streamed, stdout=file, stderr=subprocess.PIPE, check=False
        )
    assert done.returncode == written.returncode, done.stderr
    assert appended.read_bytes() == b"before\n" + text
    assert b'"rank": 1' in text
