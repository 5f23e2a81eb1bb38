"""The background task worker `mura serve` runs, and what keeps it running.

django-tasks-db's worker exits on the first database error it does not expect (SQLite
still locked after the busy timeout, a PostgreSQL restart): this one waits and carries
on, puts a task that failed for such a reason back in the queue, and writes a heartbeat
that /healthz reads. `WorkerSupervisor` restarts the process if it dies anyway."""

import logging
import os
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult, TaskResultStatus

logger = logging.getLogger("mura.worker")

HEARTBEAT_KEY = "mura:task-worker:heartbeat"
HEARTBEAT_SECONDS = 5.0
#: /healthz calls the worker stopped when no heartbeat came for this long.
HEARTBEAT_STALE_SECONDS = 30
#: Waits after a database error: doubled each time up to the last, reset after a
#: quiet spell as long.
RETRY_FIRST_SECONDS = 1.0
RETRY_MAX_SECONDS = 30.0
#: A task that failed on a transient database error runs again, this many times in all.
TASK_ATTEMPTS = 5

TRANSIENT_ERRORS = (OperationalError, InterfaceError)


def uses_database_worker() -> bool:
    """Whether tasks wait in the database for a worker (not run at once, as in tests)."""
    return any(
        issubclass(import_string(backend["BACKEND"]), DatabaseBackend)
        for backend in settings.TASKS.values()
    )


class Backoff:
    """Growing waits between retries, back to the first after a quiet spell."""

    def __init__(self) -> None:
        self.delay = RETRY_FIRST_SECONDS
        self.last = 0.0

    def next(self) -> float:
        now = time.monotonic()
        if now - self.last > RETRY_MAX_SECONDS * 2:
            self.delay = RETRY_FIRST_SECONDS
        delay, self.last = self.delay, now
        self.delay = min(self.delay * 2, RETRY_MAX_SECONDS)
        return delay


def _patiently(store: Callable, backoff: Backoff) -> Callable:
    """Store a task's outcome even if the database is busy for a while: a task left
    'running' would never run again."""

    def stored(*args, **kwargs):
        while True:
            try:
                return store(*args, **kwargs)
            except TRANSIENT_ERRORS as error:
                delay = backoff.next()
                logger.warning(
                    "Task outcome not stored (%s); again in %.0f s", error, delay
                )
                connections.close_all()
                time.sleep(delay)

    return stored


class ResilientWorker(Worker):
    """django-tasks-db's worker that waits out transient database errors."""

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.backoff = Backoff()

    def run(self) -> None:
        while self.running:
            try:
                return super().run()
            except TRANSIENT_ERRORS as error:
                delay = self.backoff.next()
                logger.warning(
                    "Database error in the task worker (%s); again in %.0f s",
                    error,
                    delay,
                )
                connections.close_all()
                self.startup_delay = False
                time.sleep(delay)

    def run_task(self, db_task_result: DBTaskResult) -> None:
        db_task_result.set_successful = _patiently(
            db_task_result.set_successful, self.backoff
        )
        db_task_result.set_failed = _patiently(
            self._requeue_or_fail(db_task_result), self.backoff
        )
        super().run_task(db_task_result)

    def _requeue_or_fail(self, db_task_result: DBTaskResult) -> Callable:
        set_failed = db_task_result.set_failed

        def requeue_or_fail(error: BaseException) -> None:
            attempts = len(db_task_result.worker_ids)
            if not isinstance(error, TRANSIENT_ERRORS) or attempts >= TASK_ATTEMPTS:
                set_failed(error)
                return
            delay = RETRY_FIRST_SECONDS * 2**attempts
            logger.warning(
                "Task %s met a database error (%s); it runs again in %.0f s",
                db_task_result.task_path,
                error,
                delay,
            )
            connections.close_all()
            db_task_result.status = TaskResultStatus.READY
            db_task_result.run_after = timezone.now() + timedelta(seconds=delay)
            db_task_result.save(update_fields=["status", "run_after"])

        return requeue_or_fail


def heartbeat_write() -> None:
    cache.set(
        HEARTBEAT_KEY,
        {"host": socket.gethostname(), "pid": os.getpid(), "at": time.time()},
        timeout=HEARTBEAT_STALE_SECONDS,
    )


def heartbeat_age() -> float | None:
    """Seconds since a worker last said it was alive; None when none has lately."""
    beat = cache.get(HEARTBEAT_KEY)
    return None if beat is None else max(0.0, time.time() - beat["at"])


@contextmanager
def heartbeat() -> Iterator[None]:
    """Write the heartbeat every few seconds from a thread, so a long task does not
    make a living worker look dead (a stuck one shows in the queue's age instead)."""
    stop = threading.Event()

    def beat() -> None:
        while True:
            try:
                heartbeat_write()
            except DatabaseError as error:
                logger.warning("Task worker heartbeat not written: %s", error)
                connections.close_all()
            if stop.wait(HEARTBEAT_SECONDS):
                return

    thread = threading.Thread(target=beat, name="heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=HEARTBEAT_SECONDS)


class WorkerSupervisor:
    """Keeps one worker process running: when it exits it is started again, after a
    wait that doubles while it keeps dying (up to a minute), and each restart is
    logged."""

    MAX_DELAY = 60.0

    def __init__(self, *, command: list[str], log: Callable[[str], None]) -> None:
        self.command = command
        self.log = log
        self.process: subprocess.Popen | None = None
        self.delay = 1.0
        self.started_at = 0.0
        self.start_at = 0.0

    def check(self) -> None:
        """Start the worker if it is due; notice if it has exited."""
        now = time.monotonic()
        if self.process is not None:
            code = self.process.poll()
            if code is None:
                if now - self.started_at > self.MAX_DELAY:
                    self.delay = 1.0
                return
            self.log(
                f"The task worker stopped (exit code {code}); "
                f"restarting it in {self.delay:.0f} s."
            )
            self.process = None
            self.start_at = now + self.delay
            self.delay = min(self.delay * 2, self.MAX_DELAY)
        if now >= self.start_at:
            self.process = subprocess.Popen(self.command)  # noqa: S603
            self.started_at = now

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
