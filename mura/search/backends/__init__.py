"""Search backends behind one interface; the database in use picks the engine."""

from django.db import connection

from mura.search.backends.base import SearchBackend
from mura.search.backends.postgres.backend import PostgresBackend
from mura.search.backends.results import FACETS, SORTS, Filters, Hit, Results
from mura.search.backends.sqlite.backend import SQLiteBackend

__all__ = [
    "FACETS",
    "SORTS",
    "Filters",
    "Hit",
    "Results",
    "SearchBackend",
    "get_backend",
]

BACKENDS = {"postgresql": PostgresBackend, "sqlite": SQLiteBackend}


def get_backend() -> SearchBackend:
    return BACKENDS.get(connection.vendor, SQLiteBackend)()
