"""Gunicorn settings for ``mura serve`` (``--config python:mura.portal.gunicorn``)."""

import sys

from gunicorn.workers.base import Worker


def post_worker_init(worker: Worker) -> None:
    """Read the search's facet values before the worker takes its first request (about
    3 s per million documents), so no reader's search waits for it."""
    # Gunicorn reads this file before Django is set up: Django is imported per worker.
    from django.db import DatabaseError, connection  # noqa: PLC0415 see above

    from mura.search.facet_store import store  # noqa: PLC0415 see above

    try:
        store.warm()
    except DatabaseError as error:  # not migrated yet: the first search reads them
        worker.log.warning("Search facet values not read ahead: %s", error)
    finally:
        connection.close()


def gunicorn_command(address: str, workers: int, *, access_log: bool) -> list[str]:
    """The command `mura serve` runs gunicorn with (the benchmarks run it too)."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "mura.wsgi:application",
        "--config",
        "python:mura.portal.gunicorn",
        "--bind",
        address,
        "--workers",
        str(workers),
        *(["--access-logfile", "-"] if access_log else []),
        "--graceful-timeout",
        "5",
    ]
