"""Worker processes for large runs: forked, so they start with everything the parent has loaded.

A run spreads work over processes only where each item stands alone (a report to load and score, a report's
table to lay out) and only with enough items to pay for starting them; the results come back in order, so
the output is the same with one process or several. A worker that dies (killed by the system, for lack of
memory say) stops the run with ``WorkerLost``: ``concurrent.futures`` notices it, where a
``multiprocessing.Pool`` would start another and wait for the lost work for ever.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar, cast

T = TypeVar("T")
H = TypeVar("H")
R = TypeVar("R")

# Below this many items, starting the workers costs more than it saves.
PARALLEL_FROM = 40

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
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


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
    if here is not None:
        return _shared(function, here, items, jobs)
    pool = _pool(function, min(jobs, len(items)))
    mapped = _forked(pool, lambda: pool.map(_call_all, _guided(items, jobs)))
    results = _results(pool, (result for chunk in mapped for result in chunk))
    next(results)  # started: given up before its first result, it still shuts the pool down
    return cast(Iterator[R], results)


def _pool(function: Callable[[T], R], workers: int) -> Any:
    """A pool of ``workers`` forked processes that call ``function``, numbered as they start (``_start``)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _state["function"] = function
    _state["parent"] = os.getpid()
    _state["numbers"] = _numbers(workers)
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_start)


def _forked(pool: Any, hand_over: Callable[[], H]) -> H:
    """What ``hand_over`` gives, which hands ``pool`` its first work: the workers are forked as it does. Until
    a worker's ``_start`` runs, it would answer Ctrl-C with a traceback of its own: the signals are held back
    meanwhile (a fork inherits what is held, not what is pending), and the parent takes a Ctrl-C given
    meanwhile once they are let through."""
    _state["mask"] = _hold(_STOPPING)
    try:
        try:
            return hand_over()
        finally:
            # every worker is forked by now, with its own copy of the numbers' pipe (the fork method forks
            # them all as the first work is handed over)
            os.close(_state.pop("numbers"))
            _restore(_state["mask"])  # a Ctrl-C held back is raised here, and gives the work up as below
    except BaseException as error:
        # ``map`` hands every task over before it returns: on a loaded machine a worker can be lost meanwhile
        pool.shutdown(cancel_futures=True)
        _raise_lost(error)
        raise


def _shared(function: Callable[[T], R], here: Callable[[T], R], items: Sequence[T], jobs: int) -> Iterator[R]:
    """``ordered_map`` with the calling process one of the ``jobs``: ``jobs`` - 1 workers, the caller doing
    the chunks it finds no worker needs as it waits for their results (``_sharing``). A streamed run's parent
    only received the results (a few per cent of a processor) while two workers shared two processors with
    it; one worker fewer is one fork, its pages copied and its results sent fewer."""
    chunks = _guided(items, jobs)
    workers = min(jobs, len(items)) - 1
    pool = _pool(function, workers)
    pending: deque[Any] = deque([_forked(pool, lambda: pool.submit(_call_all, chunks[0]))])
    results = _results(pool, _sharing(pool, chunks, here, pending, 2 * workers))
    next(results)
    return cast(Iterator[R], results)


def _sharing(
    pool: Any, chunks: Sequence[Sequence[T]], here: Callable[[T], R], pending: deque[Any], ahead: int
) -> Iterator[R]:
    """The results of ``chunks`` in order, the first of them handed over already (``pending``): the workers
    kept ``ahead`` chunks in hand (never idle while the caller does a chunk), and the caller doing the next
    chunk itself whenever none of theirs is back to give."""
    from concurrent.futures import Future

    given = len(pending)
    while given < len(chunks) or pending:
        while given < len(chunks) and sum(not f.done() for f in pending if isinstance(f, Future)) < ahead:
            pending.append(pool.submit(_call_all, chunks[given]))
            given += 1
        while pending and (not isinstance(pending[0], Future) or pending[0].done()):
            head = pending.popleft()
            yield from head if isinstance(head, list) else head.result()
        if given < len(chunks):
            pending.append([here(item) for item in chunks[given]])
            given += 1
        elif pending:
            yield from pending.popleft().result()


def _results(pool: Any, mapped: Iterator[R]) -> Iterator[R | None]:
    """The results of the work given to ``pool``, in order, after a first None (``ordered_map`` takes it);
    the pool shut down once they are all in, or as soon as they are given up."""
    try:
        yield None
        yield from mapped
    except BaseException as error:
        # Stopped early (a worker lost, Ctrl-C, an error, the caller done): the rest of the work is given up,
        # each worker ends after the task it is on (a few reports, a city-wide year), and the pool's thread is
        # waited for, since at exit Python wakes it through a pipe that it may be closing just then. Ending
        # the workers at once instead would make Python 3.11's pool thread fail on the tasks given up.
        pool.shutdown(cancel_futures=True)
        _raise_lost(error)
        raise
    pool.shutdown()


def _raise_lost(error: BaseException) -> None:
    """``WorkerLost`` for a pool broken by a worker's end (``BrokenProcessPool``), nothing for another."""
    from concurrent.futures.process import BrokenProcessPool

    if isinstance(error, BrokenProcessPool):
        raise WorkerLost from None


def worker_number() -> int:
    """Which of its pool's workers this process is, from 0 (in a worker of ``ordered_map``): no other
    worker of the pool has the same, so each may write to a file of its own made before they were forked
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
    killer) never stops its pool: its workers were left for ever, one blocked writing a result to a pipe no
    one reads, the others waiting on that pipe's lock. On Linux the kernel sends the signal
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
