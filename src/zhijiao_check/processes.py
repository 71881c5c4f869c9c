"""Worker processes for large runs: forked, so they start with everything the parent has loaded.

A run spreads work over processes only where each item stands alone (a report to load and score, a report's
table to lay out) and only with enough items to pay for starting them; the results come back in order, so
the output is the same with one process or several. A worker that dies (killed by the system, for lack of
memory say) stops the run with ``WorkerLost``: the parent finds its pipe closed (``_Worker``), where a
``multiprocessing.Pool`` would start another and wait for the lost work for ever.
"""

from __future__ import annotations

import atexit
import gc
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn, TypeVar, cast

T = TypeVar("T")
H = TypeVar("H")
R = TypeVar("R")

# Below this many items, starting the workers costs more than it saves.
PARALLEL_FROM = 40

# The chunks each worker is handed ahead of its results (``_sharing``): two, so that it has the next at hand
# as it sends one back, while the rest wait for the worker that is free first (two city-wide years of a
# 1,000-report run are one each); three where the caller does chunks of its own between taking results. Its
# chunk and the results it takes meanwhile, written into the run, outlast a worker's chunk: handed two, the
# worker stood idle for some 30% of a 1,000-report run's reports, waiting for the caller's next turn.
IN_HAND = 2
IN_HAND_BESIDE_CALLER = 3

# What a terminal sends the whole process group: Ctrl-C, and SIGHUP when it closes.
_STOPPING = frozenset({signal.SIGINT, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])})

# The function the workers call, set in the parent before they fork (a forked worker inherits it as it is).
_state: dict[str, Any] = {}


def available_cores() -> int:
    """The processors this process may run on (fewer than the machine's when pinned)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def capped(jobs: int) -> int:
    """``jobs`` workers, but no more than the processors the run may use: scoring is all processor work, and
    more workers than processors only share them (``-j 1000`` on two took 16 times as long as ``-j 2``)."""
    return max(1, min(jobs, available_cores()))


def in_parallel(count: int, jobs: int, least: int = PARALLEL_FROM) -> bool:
    """Whether ``count`` items are worth ``jobs`` processes, and processes can be forked here. ``least``: the
    fewest items that pay for the workers (fewer for large items: a city-wide year of a large run)."""
    if jobs <= 1 or count < max(least, 2):
        return False  # before importing multiprocessing: a one-report run has no use for it
    return hasattr(os, "fork")  # as ``multiprocessing`` tells, without importing it


class WorkerLost(Exception):
    """A worker process ended before its work was done: nothing is written (``errors.run_command``)."""


def ordered_map(
    function: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    least: int = PARALLEL_FROM,
    *,
    here: Callable[[T], R] | None = None,
) -> Iterator[R]:
    """``map(function, items)``, in ``jobs`` forked processes when ``in_parallel``; results in order. The
    workers start on the items at once, not at the first result asked for: the caller may do work of its own
    meanwhile (``commands.flat``: each unit's trends while the city-wide years are in workers). ``here``: the
    calling process is one of the ``jobs`` and does a share itself by ``here`` (``function`` as it is done
    outside a worker), as it waits for the workers' results (``_sharing``)."""
    if not in_parallel(len(items), jobs, least):
        return map(here or function, items)
    # The caller's first item done before the fork, where the caller is one of the jobs: what it warms (the
    # imports, patterns and memos of a first report, some 30 ms) each worker inherits, instead of warming
    # the same itself at its first chunk as the caller does at its own, side by side.
    first = [] if here is None else [here(items[0])]
    team = _team(function, min(jobs, len(items)) - (here is not None))
    ahead = IN_HAND if here is None else IN_HAND_BESIDE_CALLER
    results = _ended(team, _sharing(team, _guided(items[len(first) :], jobs), here, ahead, first))
    next(results)  # started: given up before its first result, it still ends the workers
    return cast(Iterator[R], results)


def _sharing(
    team: Sequence[_Worker],
    chunks: Sequence[Sequence[T]],
    here: Callable[[T], R] | None,
    ahead: int,
    first: Sequence[R],
) -> Iterator[R | None]:
    """The results of ``chunks`` in order, after a None once the workers have their first chunks: each
    worker kept ``ahead`` chunks in hand (``IN_HAND``), and the caller, given ``here``, doing the next chunk
    itself whenever none of theirs is back to give, else waiting for whichever result comes first, so that
    the worker that sent it is handed its next chunk at once. With ``here`` the caller
    is one of the ``jobs``: a streamed run's parent only received the results (a few per cent of a
    processor) while two workers shared two processors with it; one worker fewer is one fork, its pages
    copied and its results sent fewer. ``pending``: in the chunks' order, the results the caller made, or
    the worker whose next result is the chunk's (each worker does its chunks in the order given). ``first``:
    the results of the items before ``chunks``, done already."""
    pending: deque[list[R] | _Worker] = deque([list(first)] if first else [])
    given = _handed(team, chunks, 0, pending, ahead)
    yield None
    while given < len(chunks) or pending:
        _receive_ready(team)
        while pending and (isinstance(pending[0], list) or pending[0].back):
            head = pending.popleft()
            yield from head if isinstance(head, list) else head.back.popleft()
        if here is not None and given < len(chunks):
            pending.append([here(item) for item in chunks[given]])
            given += 1
        elif pending:
            _receive_ready(team, wait=True)
        given = _handed(team, chunks, given, pending, ahead)


def _handed(
    team: Sequence[_Worker], chunks: Sequence[Sequence[T]], given: int, pending: deque[Any], ahead: int
) -> int:
    """The chunks from ``given`` on handed to the workers, each in turn to the one with the fewest in hand,
    until each has ``ahead``; the next one to hand. Two city-wide years are one each."""
    while given < len(chunks):
        worker = min(team, key=lambda worker: worker.given)
        if worker.given >= ahead:
            break
        worker.give(chunks[given])
        pending.append(worker)
        given += 1
    return given


class _Worker:
    """A worker forked by ``_team``: its process, the pipe it is handed chunks through (``tasks``) and the one
    it sends their results back through (``results``), each a length and a pickle; ``given``: the chunks it
    has and has not sent back; ``back``: results received and not yet taken, in order. A chunk is written as
    the pipe takes it (``unsent``), never waited for: a worker blocked sending a large result back while the
    parent waited to hand it a large chunk would wait for ever."""

    def __init__(self, pid: int, tasks: int, results: int) -> None:
        self.pid, self.tasks, self.results = pid, tasks, results
        os.set_blocking(tasks, False)
        self.given = 0
        self.back: deque[list[Any]] = deque()
        self.unsent = bytearray()

    def give(self, chunk: Sequence[Any]) -> None:
        data = _pickled(chunk)
        self.unsent += len(data).to_bytes(8, "little")
        self.unsent += data
        self.given += 1
        self.send()

    def send(self) -> None:
        """What the pipe takes of the chunks given and not yet sent."""
        while self.unsent:
            try:
                sent = os.write(self.tasks, self.unsent)
            except BlockingIOError:
                return
            except BrokenPipeError:  # it ended before the chunk was sent
                raise WorkerLost from None
            del self.unsent[:sent]

    def receive(self) -> None:
        """The next result, its pipe ready to read (``_receive_ready``); ``WorkerLost`` if the worker ended
        first; what it raised, raised."""
        message = _received(self.results)
        if message is None:
            raise WorkerLost
        self.given -= 1
        done, result = message
        if not done:
            raise result
        self.back.append(result)

    def end(self, at_once: bool) -> None:
        """No more chunks: the worker ends once it has sent the results of those it has, or ``at_once``
        (SIGTERM) where they are given up, and is waited for. Otherwise it is not: a worker's end (its
        memory unmapped) took 2-10 ms of the run, and it is reaped as the next team starts, or as this process
        exits, long after its end (``_reaped``)."""
        os.close(self.tasks)
        os.close(self.results)
        if not at_once:
            _ending.append(self.pid)
            return
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


# Workers told to end and not yet waited for (``_Worker.end``).
_ending: list[int] = []


def _reaped(wait: bool = False) -> None:
    """The workers of ``_ending`` that have ended waited for, so that none is left a zombie for long; with
    ``wait``, every one of them, as this process exits: a worker never waited for is left out of what the
    system counts of the run's children (``getrusage``, ``/usr/bin/time``: the peak memory of goal 4)."""
    for pid in list(_ending):
        try:
            ended = os.waitpid(pid, 0 if wait else os.WNOHANG)[0] != 0
        except ChildProcessError:
            ended = True
        if ended:
            _ending.remove(pid)


atexit.register(_reaped, wait=True)


def _receive_ready(team: Sequence[_Worker], wait: bool = False) -> None:
    """Every result the workers have sent back by now received, and what the pipes take of the chunks not
    yet sent; with ``wait``, whichever result comes first waited for. Waiting for the next result in order
    instead left a worker that had done its chunks idle until the one with the earlier chunk was done: by
    some 250 ms of a 10,000-report run's city-wide years, a year a worker."""
    import select

    while waiting := [worker for worker in team if worker.given]:
        for worker in waiting:
            worker.send()
        unsent = [worker.tasks for worker in waiting if worker.unsent]
        results = [worker.results for worker in waiting]
        ready = select.select(results, unsent, [], None if wait else 0)[0]
        if not ready and not wait:
            return
        for worker in waiting:
            if worker.results in ready:
                worker.receive()
                wait = False


def _team(function: Callable[[T], R], count: int) -> list[_Worker]:
    """``count`` workers forked that call ``function`` on each chunk handed to them (``_serve``), numbered as
    they start (``_start``), by hand rather than through ``concurrent.futures``: its two threads in the
    parent took the interpreter's lock from the parent's own scoring at every chunk sent and received (some
    500 context switches in a 1,000-report run), and importing it with ``multiprocessing`` was some 6 ms of
    the start, with the other processor idle. Until a worker's ``_start`` runs, it would answer Ctrl-C as
    the parent does: the signals are held back meanwhile (a fork inherits what is held, not what is
    pending), and the parent takes a Ctrl-C given meanwhile once they are let through."""
    _reaped()
    _state["function"] = function
    _state["parent"] = os.getpid()
    _state["numbers"] = _numbers(count)
    team: list[_Worker] = []
    _state["mask"] = _hold(_STOPPING)
    try:
        try:
            for _ in range(count):
                team.append(_forked_worker(team))
        finally:
            os.close(_state.pop("numbers"))
            _restore(_state["mask"])  # a Ctrl-C held back is raised here, and ends the workers as below
    except BaseException:
        for worker in team:
            worker.end(at_once=True)
        raise
    return team


def _forked_worker(team: Sequence[_Worker]) -> _Worker:
    tasks, giving = os.pipe()
    receiving, results = os.pipe()
    for stream in (sys.stdout, sys.stderr):  # what the parent has yet to write, written once, not twice
        if stream is not None:
            stream.flush()
    pid = os.fork()
    if pid == 0:
        # the other workers' pipes' ends are the parent's: a worker holding one, the other never ended
        for end in (giving, receiving, *(e for worker in team for e in (worker.tasks, worker.results))):
            os.close(end)
        _serve(tasks, results)
    os.close(tasks)
    os.close(results)
    return _Worker(pid, giving, receiving)


def _serve(tasks: int, results: int) -> NoReturn:
    """A worker's life: each chunk handed over through ``tasks`` done and its results sent back through
    ``results`` (or what it raised), until the parent has no more; it never returns to the parent's code. Its
    standard input is /dev/null, as ``multiprocessing`` makes a worker's (``files``)."""
    code = 1
    try:
        _start()
        if sys.stdin is not None:
            sys.stdin.close()
            sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - the worker's, until it ends
        while (chunk := _received(tasks)) is not None:
            try:
                answer = _pickled((True, _call_all(chunk)))
            except BaseException as error:  # noqa: BLE001 - raised in the parent (``_Worker.receive``)
                answer = _pickled((False, error))
            _write(results, len(answer).to_bytes(8, "little"))
            _write(results, answer)
        code = 0
    except BaseException:  # noqa: BLE001, S110 - the parent is gone or gave the work up: it tells the user
        pass
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                if stream is not None:
                    stream.flush()
            except BaseException:  # noqa: BLE001, S110 - a closed pipe: nothing more to say
                pass
        os._exit(code)


# How values of a class the workers send are pickled, where not as pickle would (``pickled_by``): besides
# ``copyreg``'s own (a pickler given a table of its own leaves the default out: a compiled pattern, say).
_reducers: dict[type, Callable[[Any], Any]] = {}


def pickled_by(cls: type, reduce: Callable[[Any], Any]) -> None:
    """Values of ``cls`` sent to or from the workers pickled by ``reduce`` (as ``copyreg`` takes it): a rule
    of the packs both processes hold sent as its place in them, say (``commands.workers``)."""
    _reducers[cls] = reduce


def _pickled(value: Any) -> memoryview:
    import copyreg
    import io
    import pickle

    def dumped(what: Any) -> memoryview:
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = {**copyreg.dispatch_table, **_reducers}
        pickler.dump(what)
        return buffer.getbuffer()

    try:
        return dumped(value)
    except Exception:  # an error that cannot be pickled: its text, raised (a result: raised here)
        if not isinstance(value, tuple) or value[0] is not False:
            raise
        return dumped((False, RuntimeError(f"{type(value[1]).__name__}: {value[1]}")))


def _write(end: int, data: bytes | memoryview) -> None:
    written = 0
    while written < len(data):
        written += os.write(end, data[written:])


def _received(end: int) -> Any:
    """The next value sent through ``end`` (``_pickled``, its length first), or None where the sender ended
    first."""
    import pickle

    head = _read(end, 8)
    if head is None:
        return None
    data = _read(end, int.from_bytes(head, "little"))
    return None if data is None else pickle.loads(data)


def _read(end: int, size: int) -> bytes | None:
    parts = []
    left = size
    while left:
        part = os.read(end, min(left, 1 << 20))
        if not part:
            return None
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def _ended(team: Sequence[_Worker], mapped: Iterator[R | None]) -> Iterator[R | None]:
    """``mapped``, and each worker ended once the results are all in, or at once as soon as they are given
    up (a worker lost, Ctrl-C, an error, the caller done): the rest of the work is given up, and nothing is
    written."""
    try:
        yield from mapped
    except BaseException:
        for worker in team:
            worker.end(at_once=True)
        raise
    for worker in team:
        worker.end(at_once=False)


def worker_number() -> int:
    """Which of its team's workers this process is, from 0 (in a worker of ``ordered_map``): no other
    worker of the team has the same, so each may write to a file of its own made before they were forked
    (``commands.flat.run``)."""
    return cast(int, _state["number"])


def _numbers(count: int) -> int:
    """A pipe's reading end holding the numbers 0 to ``count`` - 1, which the workers take one each as they
    start (``_start``): a read of a pipe is whole, so no two take the same."""
    reading, writing = os.pipe()
    try:
        os.write(writing, b"".join(number.to_bytes(4, "little") for number in range(count)))
    finally:
        os.close(writing)
    return reading


def _guided(items: Sequence[T], jobs: int) -> list[Sequence[T]]:
    """``items`` in the chunks a worker is handed at a time: up to 32 (a chunk a message each way), fewer as
    the end nears, down to one, so that the workers finish together. Handed out in equal chunks of 32, the
    last one a worker took left the other idle for up to that long (a 1,000-report run's two workers
    differed by some 50 reports' work)."""
    largest = max(1, min(32, len(items) // (jobs * 8)))
    chunks: list[Sequence[T]] = []
    at = 0
    while at < len(items):
        size = max(1, min(largest, (len(items) - at) // (jobs * 4)))
        chunks.append(items[at : at + size])
        at += size
    return chunks


def _call_all(chunk: Sequence[Any]) -> list[Any]:
    return [_call(item) for item in chunk]


def _call(item: Any) -> Any:
    return _state["function"](item)


def _start() -> None:
    # Ctrl-C reaches the whole process group, and so does a closed terminal's SIGHUP: the parent alone answers
    # them (one line, exit 130 or 129: ``status.stopped``) and stops the workers, which would each print the
    # traceback of their KeyboardInterrupt. SIGTERM ends a worker at once (not as it stops the parent:
    # ``entry.main``).
    for stopping in _STOPPING:
        signal.signal(stopping, signal.SIG_IGN)
    _restore(_state["mask"])  # held back by the parent as it forked this worker: ignored now
    _state["number"] = int.from_bytes(os.read(_state["numbers"], 4), "little")
    os.close(_state.pop("numbers"))
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _end_with_parent(_state["parent"])
    # Everything the worker inherited is long-lived: keep the collector from walking it again and again.
    gc.freeze()


@contextmanager
def stops_held() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP held back while the block runs, and taken once it is done: for work that
    would swallow the exception they raise (pydantic-core building a validator wraps it in a ``SchemaError``,
    an internal error where the run should stop with one line)."""
    mask = _hold(_STOPPING | {signal.SIGTERM})
    try:
        yield
    finally:
        _restore(mask)


def _hold(signals: frozenset[signal.Signals]) -> set[int | signal.Signals] | None:
    """``signals`` held back from this thread (pending until let through); the mask before, to restore."""
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, signals)


def _restore(mask: set[int | signal.Signals] | None) -> None:
    """The mask ``_hold`` returned, set again: what it held back is let through."""
    if mask is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def _end_with_parent(parent: int) -> None:
    """End this worker (SIGTERM) when ``parent`` dies. A parent killed outright (SIGKILL, the out-of-memory
    killer) never stops its workers: their pipes tell them only once each has done the chunk it is on (up to
    32 reports; a ``multiprocessing`` pool's were left waiting for ever). On Linux the kernel sends the signal
    (``PR_SET_PDEATHSIG``: at the end of the thread that forked the worker, the main thread here, as every
    ``ordered_map`` is called from it); elsewhere a thread of the worker's own looks once a second whether it
    has been handed to another parent. Either way a parent gone before this ran is noticed at once."""
    if _death_signal_set():
        if os.getppid() != parent:  # died before the kernel was asked: no signal will come
            os.kill(os.getpid(), signal.SIGTERM)
        return
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _death_signal_set() -> bool:
    """Whether the kernel will send this process SIGTERM when its parent dies (Linux's ``prctl``)."""
    if not sys.platform.startswith("linux"):
        return False
    PR_SET_PDEATHSIG = 1  # the name <sys/prctl.h> gives it
    try:
        # A Python built without libffi has no ctypes: imported at the top, every worker's start failed.
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0)
    except (ImportError, OSError, AttributeError):  # no ctypes or C library to call: the thread watches
        return False


# What the process holds until it ends, never to be freed (``until_exit``). The list holds itself: when Python
# clears this module's names on the way out, the list still has a reference and is not freed, and the
# collector, which would find the loop, never sees it, for the console script freezes everything it holds
# before it exits (``entry``).
_held: list[object] = []
_held.append(_held)


def until_exit(value: object) -> None:
    """Keep ``value`` until the process ends, and spare the process the freeing of it: a large run's results
    are millions of small objects, and freeing them one by one took a thirtieth of a 1,000-report table run
    just before it exited. One value at a time: a second call lets the first go (a process that runs the
    tool several times, a test's, holds the last run only)."""
    _held[1:] = [value]
