"""Worker processes forked by hand, a pipe each way (``forked_team``, ``Worker``): what
``processes.ordered_map`` runs its workers on. Each worker takes chunks through one pipe and sends their
results back through the other, each a length and a pickle (``pickled_by``); it ends when the parent has no
more for it, when the parent dies (``_end_with_parent``), or at once on SIGTERM. A worker that dies (killed
by the system, for lack of memory say) is ``WorkerLost`` to the parent, which finds its pipe closed, where a
``multiprocessing.Pool`` would start another and wait for the lost work for ever. The signals the parent
answers for the whole process group are held back while a worker is forked (``stops_held``). A team's
workers may also share items with the parent, each taking the next one as it is free (``Claims``).
"""

from __future__ import annotations

import atexit
import gc
import os
import select
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NamedTuple, NoReturn, TypeVar, cast

T = TypeVar("T")
R = TypeVar("R")

# What a terminal sends the whole process group: Ctrl-C, and SIGHUP when it closes.
_STOPPING = frozenset({signal.SIGINT, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])})

# The function the workers call, set in the parent before they fork (a forked worker inherits it as it is).
_state: dict[str, Any] = {}


def can_fork() -> bool:
    """Whether workers can be forked here, and their pipes asked by ``poll``: on Linux and macOS, not
    Windows."""
    return hasattr(os, "fork") and hasattr(select, "poll")


class WorkerLost(Exception):
    """A worker process ended before its work was done: nothing is written (``errors.run_command``)."""


class Claims:
    """The numbers of the items a team shares out as each of its processes is free (``claim``, ``Claimed``):
    a pipe made as the team is forked, which every process of it, the parent too, reads four bytes at a time
    (a read of a pipe is whole, so no two take the same number), until it is empty. Closed by the parent
    once its last worker is ended."""

    def __init__(self) -> None:
        self.reading, self.writing = os.pipe()
        os.set_blocking(self.reading, False)
        self.users = 0  # the team's workers not yet ended

    def offer(self, count: int) -> None:
        """The numbers 0 to ``count`` - 1, to be claimed: some 16,000 at most, which the pipe holds."""
        if count > CLAIMS_HELD:
            raise ValueError(f"{count} items to claim, more than {CLAIMS_HELD}")
        _write(self.writing, b"".join(number.to_bytes(4, "little") for number in range(count)))

    def left(self) -> None:
        """A worker of the team ended (or none forked): the pipe closed after the last."""
        self.users -= 1
        if self.users <= 0 and self.reading >= 0:
            os.close(self.reading)
            os.close(self.writing)
            self.reading = self.writing = -1


# The numbers a team's pipe of claims holds (its 64 KiB, four bytes each).
CLAIMS_HELD = 16_000


def claim(reading: int) -> int | None:
    """The next number left in a pipe of ``Claims`` (its reading end), or None once none is."""
    try:
        taken = os.read(reading, 4)
    except BlockingIOError:
        return None
    return int.from_bytes(taken, "little") if taken else None


class Claimed(NamedTuple):
    """What a worker is handed for its team's ``Claims``: it does ``items[n]`` for each number n it claims,
    and sends back the (n, result) of each, all at once."""

    items: Sequence[Any]


class Worker:
    """A worker forked by ``forked_team``: its process, the pipe it is handed chunks through (``tasks``) and
    the one it sends their results back through (``results``), each a length and a pickle; ``given``: the
    chunks it has and has not sent back; ``back``: results received and not yet taken, in order. A chunk is
    written as the pipe takes it (``unsent``), never waited for: a worker blocked sending a large result
    back while the parent waited to hand it a large chunk would wait for ever."""

    def __init__(self, pid: int, tasks: int, results: int, claims: Claims) -> None:
        self.pid, self.tasks, self.results, self.claims = pid, tasks, results, claims
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

    def give_whole(self, chunk: Sequence[Any]) -> None:
        """``chunk`` given and written whole before this returns, to a worker that has nothing else in hand
        (so it is reading, and takes it): it starts on it at once, not when the parent next asks for
        results (``receive_ready``), busy meanwhile with work of its own (``processes.claimed_map``)."""
        self.give(chunk)
        while self.unsent:
            writable = select.poll()
            writable.register(self.tasks, select.POLLOUT)
            writable.poll()
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
        """The next result, its pipe ready to read (``receive_ready``); ``WorkerLost`` if the worker ended
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
        exits, long after its end (``_reaped``). Ended once: a kept worker is ended again by its owner
        (``processes.team_kept``) after an error has ended it."""
        if self.tasks < 0:
            return
        os.close(self.tasks)
        os.close(self.results)
        self.tasks = self.results = -1
        self.claims.left()
        if not at_once:
            _ending.append(self.pid)
            return
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


# Workers told to end and not yet waited for (``Worker.end``).
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


def receive_ready(team: Sequence[Worker], wait: bool = False) -> None:
    """Every result the workers have sent back by now received, and what the pipes take of the chunks not
    yet sent; with ``wait``, whichever result comes first waited for. Waiting for the next result in order
    instead left a worker that had done its chunks idle until the one with the earlier chunk was done: by
    some 250 ms of a 10,000-report run's city-wide years, a year a worker. The pipes are asked by ``poll``:
    ``select`` refuses a file descriptor from 1024 on, and a run started with that many open (by a shell or
    a runner that leaves them open) stopped at its first result with an internal error."""
    while waiting := [worker for worker in team if worker.given]:
        asked = select.poll()
        for worker in waiting:
            worker.send()
            asked.register(worker.results, select.POLLIN)  # a closed pipe is told too (POLLHUP)
            if worker.unsent:
                asked.register(worker.tasks, select.POLLOUT)
        results = {worker.results for worker in waiting}
        ready = {end for end, _ in asked.poll(None if wait else 0) if end in results}
        if not ready and not wait:
            return
        for worker in waiting:
            if worker.results in ready:
                worker.receive()
                wait = False


def forked_team(function: Callable[[T], R], count: int) -> list[Worker]:
    """``count`` workers forked that call ``function`` on each chunk handed to them (``_serve``), numbered as
    they start (``_start``), by hand rather than through ``concurrent.futures``: its two threads in the
    parent took the interpreter's lock from the parent's own scoring at every chunk sent and received (some
    500 context switches in a 1,000-report run), and importing it with ``multiprocessing`` was some 6 ms of
    the start, with the other processor idle. Until a worker's ``_start`` runs, it would answer Ctrl-C as
    the parent does: the signals are held back meanwhile (a fork inherits what is held, not what is
    pending), and the parent takes a Ctrl-C given meanwhile once they are let through. SIGTERM too, which the
    parent sends a worker it gives up on: one that reached a worker in the fork's own hooks (random's
    reseeding) met the parent's handler there, and Python printed its traceback."""
    _reaped()
    _state["function"] = function
    _state["parent"] = os.getpid()
    _state["numbers"] = _numbers(count)
    claims = Claims()
    _state["claims"] = claims.reading
    team: list[Worker] = []
    _state["mask"] = _hold(_STOPPING | {signal.SIGTERM})
    try:
        try:
            for _ in range(count):
                team.append(_forked_worker(team, claims))
        finally:
            os.close(_state.pop("numbers"))
            _restore(_state["mask"])  # a Ctrl-C held back is raised here, and ends the workers as below
    except BaseException:
        for worker in team:
            worker.end(at_once=True)
        if not team:
            claims.left()
        raise
    return team


def _forked_worker(team: Sequence[Worker], claims: Claims) -> Worker:
    tasks, giving = os.pipe()
    receiving, results = os.pipe()
    for stream in (sys.stdout, sys.stderr):  # what the parent has yet to write, written once, not twice
        if stream is not None:
            stream.flush()
    pid = os.fork()
    if pid == 0:
        # the other workers' pipes' ends are the parent's: a worker holding one, the other never ended
        ends = (
            giving,
            receiving,
            claims.writing,
            *(e for worker in team for e in (worker.tasks, worker.results)),
        )
        for end in ends:
            os.close(end)
        _serve(tasks, results)
    os.close(tasks)
    os.close(results)
    claims.users += 1
    return Worker(pid, giving, receiving, claims)


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
            except BaseException as error:  # noqa: BLE001 - raised in the parent (``Worker.receive``)
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


def _call_all(chunk: Sequence[Any] | Claimed) -> list[Any]:
    if isinstance(chunk, Claimed):
        reading = _state["claims"]
        return [(number, _call(chunk.items[number])) for number in iter(lambda: claim(reading), None)]
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
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _restore(_state["mask"])  # held back by the parent as it forked this worker: ignored, or the end, now
    _state["number"] = int.from_bytes(os.read(_state["numbers"], 4), "little")
    os.close(_state.pop("numbers"))
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
    32 reports; a ``multiprocessing`` pool's were left waiting for ever). A thread of the worker's own waits
    for it (``_watch``): on Linux on a pidfd of the parent, which the kernel makes readable as the parent
    ends; elsewhere it looks once a second whether the worker has been handed to another parent. Either way a
    parent gone before this ran is noticed at once. (The kernel's ``PR_SET_PDEATHSIG``, asked for through
    ctypes, made each worker import ctypes as it started: 2 to 7 ms before its first report.)"""
    handle = _handle_of(parent)
    if os.getppid() != parent:  # died already: the pidfd, if any, is of a process that is no longer ours
        os.kill(os.getpid(), signal.SIGTERM)
    import threading

    threading.Thread(target=_watch, args=(parent, handle), name="parent-watch", daemon=True).start()


def _handle_of(parent: int) -> int | None:
    """A pidfd of ``parent`` (Linux 5.3 and later), readable once it has ended; None where there is none
    (another system, an older kernel, a sandbox that refuses the call)."""
    try:
        return os.pidfd_open(parent)
    except (AttributeError, OSError):
        return None


def _watch(parent: int, handle: int | None) -> None:
    """Until ``parent`` ends (its pidfd ``handle`` readable, or else this process handed to another parent),
    then this process ended. The thread waits in the kernel, without the interpreter's lock."""
    if handle is not None:
        poller = select.poll()
        poller.register(handle, select.POLLIN)
        poller.poll()
    else:
        import time

        while os.getppid() == parent:
            time.sleep(1)
    os.kill(os.getpid(), signal.SIGTERM)
