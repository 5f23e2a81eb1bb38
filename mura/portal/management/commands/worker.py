import logging

from django_tasks_db.compat import TASKS_LOGGER
from django_tasks_db.management.commands import db_worker

from mura.portal.worker import ResilientWorker, heartbeat


class Command(db_worker.Command):
    help = (
        "Run the background task worker (what `mura serve` starts): it waits out "
        "database errors instead of exiting and writes the heartbeat /healthz reads."
    )

    def configure_logging(self, verbosity: int) -> None:
        """A line per task only from ``-v 2`` on: under `mura serve` they would bury the
        e-mails the console backend prints. Warnings and failures always show."""
        super().configure_logging(verbosity)
        if verbosity == 1:
            for name in (TASKS_LOGGER, db_worker.logger.name):
                logging.getLogger(name).setLevel(logging.WARNING)

    def handle(
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        **options,
    ) -> None:
        self.configure_logging(verbosity)
        worker = ResilientWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
        )
        worker.configure_signals()
        with heartbeat():
            worker.run()
