"""Worker processes for large runs: forked, so they start with everything the parent has loaded.

A run spreads work over processes only where each item stands alone (a report to load and score, a report's
table to lay out) and only with enough items to pay for starting them; the results come back in order, so
the output is the same with one process or several. The workers are ``forked``'s: a worker that dies stops
the run with ``forked.WorkerLost``.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar, cast

from zhijiao_check.forked import Claimed, Worker, can_fork, claim, forked_team, receive_ready

T = TypeVar("T")
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
        return False
    return can_fork()


def ordered_map(
    function: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    least: int = PARALLEL_FROM,
    *,
    here: Callable[[T], R] | None = None,
    kept: list[Worker] | None = None,
) -> Iterator[R]:
    """``map(function, items)``, in ``jobs`` forked processes when ``in_parallel``; results in order. The
    workers start on the items at once, not at the first result asked for: the caller may do work of its own
    meanwhile. ``here``: the calling process is one of the ``jobs`` and does a share itself by ``here``
    (``function`` as it is done outside a worker), as it waits for the workers' results (``_sharing``).
    ``kept``: the workers are put there and kept for more work once the results are in (``claimed_map``),
    to be ended by the caller (``team_kept``); given up before, they are ended at once all the same."""
    if not in_parallel(len(items), jobs, least):
        return map(here or function, items)
    # The caller's first item done before the fork, where the caller is one of the jobs: what it warms (the
    # imports, patterns and memos of a first report, some 30 ms) each worker inherits, instead of warming
    # the same itself at its first chunk as the caller does at its own, side by side.
    first = [] if here is None else [here(items[0])]
    team = forked_team(function, min(jobs, len(items)) - (here is not None))
    if kept is not None:
        kept += team
    ahead = IN_HAND if here is None else IN_HAND_BESIDE_CALLER
    chunks = _guided(items[len(first) :], jobs)
    results = _ended(team, _sharing(team, chunks, here, ahead, first), kept is None)
    next(results)  # started: given up before its first result, it still ends the workers
    return cast(Iterator[R], results)


def claimed_map(team: Sequence[Worker], items: Sequence[T], here: Callable[[T], R]) -> Iterator[R]:
    """``map(here, items)``, results in order, shared by the workers of ``team`` (kept by ``ordered_map``:
    its ``function`` takes these items too) and the calling process, each taking the next item left as soon
    as it is free (``forked.Claims``), so that all end together however the items differ in size; a worker
    sends its results back once none is left, and ends once all are in. A team kept from the reports'
    scoring does a run's city-wide years (some 20-60 ms each at 1,000 reports): two workers forked for them
    instead each spent their first year copying some 2,000 pages the parent had written since the first fork
    (8 MiB, 20-45 ms a worker), where a kept worker has its own pages already. Handed out by this process, a
    year waited for it to finish one of its own."""
    claims = team[0].claims
    claims.offer(len(items))
    for worker in team:
        worker.give_whole(Claimed(items))
    done = {number: here(items[number]) for number in iter(lambda: claim(claims.reading), None)}
    while any(worker.given for worker in team):
        receive_ready(team, wait=True)
    for worker in team:
        done.update(worker.back.popleft())
    ended(team)
    return (done.pop(number) for number in range(len(items)))


def ended(team: Sequence[Worker]) -> None:
    """The workers of ``team`` (kept by ``ordered_map``) ended, their work done: as soon as the run has no
    more for them, so that their exits (their memory unmapped, which the run's own exit waits for) overlap
    the rest of the run."""
    for worker in team:
        worker.end(at_once=False)


def _sharing(
    team: Sequence[Worker],
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
    pending: deque[list[R] | Worker] = deque([list(first)] if first else [])
    given = _handed(team, chunks, 0, pending, ahead)
    yield None
    while given < len(chunks) or pending:
        receive_ready(team)
        while pending and (isinstance(pending[0], list) or pending[0].back):
            head = pending.popleft()
            yield from head if isinstance(head, list) else head.back.popleft()
        if here is not None and given < len(chunks):
            pending.append([here(item) for item in chunks[given]])
            given += 1
        elif pending:
            receive_ready(team, wait=True)
        given = _handed(team, chunks, given, pending, ahead)


def _handed(
    team: Sequence[Worker], chunks: Sequence[Sequence[T]], given: int, pending: deque[Any], ahead: int
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


def _ended(team: Sequence[Worker], mapped: Iterator[R | None], end: bool) -> Iterator[R | None]:
    """``mapped``, and each worker ended once the results are all in (if ``end``: else kept), or at once as
    soon as they are given up (a worker lost, Ctrl-C, an error, the caller done): the rest of the work is
    given up, and nothing is written."""
    try:
        yield from mapped
    except BaseException:
        for worker in team:
            worker.end(at_once=True)
        raise
    if end:
        ended(team)


@contextmanager
def team_kept() -> Iterator[list[Worker]]:
    """A list for ``ordered_map`` to keep its workers in (``kept``), each ended as the block ends: at once
    if it ends by an error (the rest of their work given up), else once they are done."""
    team: list[Worker] = []
    try:
        yield team
    except BaseException:
        for worker in team:
            worker.end(at_once=True)
        raise
    ended(team)


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
