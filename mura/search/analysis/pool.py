"""Analysing the fields of many documents in worker processes, so that a rebuild
analyses while it writes."""

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor

from .engine import Fields, Spellings, analyse_fields

#: In a worker process: the (Latin spelling, exact form) pairs it has already returned.
_returned_spellings: Spellings = set()


def _worker_start() -> None:
    """Workers yield the processor to the process that writes (the slower part)."""
    _returned_spellings.clear()
    os.nice(10)


def _analyse_in_worker(records: list[Fields]):
    """``analyse_fields``, with only the spellings this worker has not returned yet:
    most words recur, and their pairs were most of what a batch sent back."""
    keys, spellings = analyse_fields(records)
    spellings -= _returned_spellings
    _returned_spellings.update(spellings)
    return keys, spellings


def _can_fork() -> bool:
    cores = os.cpu_count() or 1
    return cores > 1 and "fork" in multiprocessing.get_all_start_methods()


class AnalysisPool:
    """Runs ``analyse_fields`` over batches: here for the first ``start_after`` batches,
    then in worker processes (one per core).

    Workers are forked, so they share the analyser's state (protected words included);
    where fork is unavailable, or on one core, everything runs in this process. Of the
    spellings, a worker returns each pair once (the caller keeps those it was given)."""

    def __init__(self, start_after: int = 1) -> None:
        self.start_after = start_after
        self.submitted = 0
        self.executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> "AnalysisPool":
        return self

    def __exit__(self, *exc) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=exc[0] is not None)

    def submit(self, records: list[Fields]) -> Future:
        """The keys and spellings of ``records``, when they are ready."""
        self.submitted += 1
        if self.executor is None and self.submitted > self.start_after and _can_fork():
            self.executor = ProcessPoolExecutor(
                os.cpu_count(),
                mp_context=multiprocessing.get_context("fork"),
                initializer=_worker_start,
            )
        if self.executor is None:
            done: Future = Future()
            done.set_result(analyse_fields(records))
            return done
        return self.executor.submit(_analyse_in_worker, records)
