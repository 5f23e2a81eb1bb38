"""Search backends behind one interface; the database in use picks the engine."""

from django.db import connection

from mura.search.backends.base import (
    FACETS,
    SORTS,
    Filters,
    Hit,
    Results,
    SearchBackend,
)

__all__ = [
    "FACETS",
    "SORTS",
    "Filters",
    "Hit",
    "Results",
    "SearchBackend",
    "get_backend",
]


def get_backend() -> SearchBackend:
    if connection.vendor == "postgresql":
        from mura.search.backends.postgres import PostgresBackend

        return PostgresBackend()
    from mura.search.backends.sqlite import SQLiteBackend

    return SQLiteBackend()
