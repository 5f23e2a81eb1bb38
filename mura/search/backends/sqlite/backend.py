# ruff: noqa: S608 - SQL is assembled from constants and placeholders; values are parameters.
"""SQLite FTS5: the embedded default (the tables are described in ``schema``)."""

import json

from django.db import connection

from mura.search.backends.base import DEFERRED_INDEXES, SQL, SearchBackend
from mura.search.backends.sqlite.schema import (
    FTS,
    NARROW_COLUMNS,
    NARROW_INDEX,
    TABLES,
    TITLES,
    VOCAB,
    row_triggers,
)
from mura.search.query import ParsedQuery, Term
from mura.search.tables import DOCUMENT, SPELLING

# bm25 weights of the FTS5 columns: title, creators, text, identifiers.
WEIGHTS = "10.0, 6.0, 1.0, 8.0"
TITLE_WEIGHTS = "10.0, 6.0"


def _quote(key: str) -> str:
    """A key as an FTS5 string: whatever it holds is matched, never read as syntax
    (NUL would end the query in the middle of the string)."""
    return '"' + key.replace('"', '""').replace("\x00", " ") + '"'


def _group(term: Term) -> str:
    keys = sorted(term.keys)
    if term.exact in term.keys:
        # Listed twice, the exact form counts twice in bm25: exact forms rank higher.
        keys.append(term.exact)
    group = "(" + " OR ".join(_quote(key) for key in keys) + ")"
    return f"{term.column} : {group}" if term.column else group


class SQLiteBackend(SearchBackend):
    vendor = "sqlite"
    # CROSS JOIN fixes the order of a join; the narrow index holds all that counting
    # and ordering read, where the table's rows are wide with the text and a million of
    # them do not stay in memory.
    narrow_join = f"CROSS JOIN {DOCUMENT} d INDEXED BY {NARROW_INDEX}"
    deferred_indexes = {**DEFERRED_INDEXES, NARROW_INDEX: (DOCUMENT, NARROW_COLUMNS)}
    spelling_insert = f"INSERT OR IGNORE INTO {SPELLING} (key, form) VALUES (%s, %s)"
    # One JSON text instead of a row per id (docs/PERFORMANCE.md).
    ids_aggregate = "json_group_array(id)"

    def expression(self, query: ParsedQuery) -> str:
        positive = " AND ".join(_group(term) for term in query.terms)
        if query.identifiers:
            identifiers = (
                "id_keys : ("
                + " OR ".join(_quote(key) for key in query.identifiers)
                + ")"
            )
            positive = f"({positive}) OR {identifiers}" if positive else identifiers
        if query.excluded:
            negative = " OR ".join(_group(term) for term in query.excluded)
            return f"({positive}) NOT ({negative})" if positive else negative
        return positive

    def match_sql(self, query: ParsedQuery, scored: bool = True) -> SQL:
        query = self.resolve(query)
        expression = self.expression(query)
        if query.excluded and not (query.terms or query.identifiers):
            # Only exclusions: everything except what they match.
            return (
                f"SELECT id, 0.0 AS score FROM {DOCUMENT} "
                f"WHERE id NOT IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)",
                [expression],
            )
        if not scored:
            return (
                f"SELECT rowid AS id, 0.0 AS score FROM {FTS} WHERE {FTS} MATCH %s",
                [expression],
            )
        # LIMIT -1 keeps SQLite from flattening the subquery into an aggregate query,
        # where bm25() cannot run.
        return (
            f"SELECT id, score FROM (SELECT rowid AS id, bm25({FTS}, {WEIGHTS}) AS score "
            f"FROM {FTS} WHERE {FTS} MATCH %s LIMIT -1)",
            [expression],
        )

    def ids_sql(self, ids: list[int]) -> SQL:
        return "SELECT value AS id FROM json_each(%s)", [json.dumps(ids)]

    @staticmethod
    def ids_read(value) -> list[int]:
        return json.loads(value) if value else []

    def identifier_sql(self, keys: list[str]) -> SQL:
        expression = "id_keys : (" + " OR ".join(_quote(key) for key in keys) + ")"
        return f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s", [expression]

    def prefix_sql(
        self, terms: list[Term], prefixes: list[str], limit: int, forms: list[str]
    ) -> SQL:
        parts = [_group(term) for term in self.title_terms(terms)]
        parts.append(
            "title_keys : ("
            + " OR ".join(
                [_quote(prefix) + "*" for prefix in prefixes] + list(map(_quote, forms))
            )
            + ")"
        )
        return (
            f"SELECT rowid FROM {TITLES} WHERE {TITLES} MATCH %s LIMIT {int(limit)}",
            [" AND ".join(parts)],
        )

    def title_match_sql(self, query: ParsedQuery) -> SQL | None:
        if (
            query.excluded
            or query.identifiers
            or any(
                term.column not in ("", "title_keys", "creator_keys")
                for term in query.terms
            )
        ):
            return None
        query = self.resolve(query)
        return (
            f"SELECT id, score FROM (SELECT rowid AS id, bm25({TITLES}, {TITLE_WEIGHTS}) "
            f"AS score FROM {TITLES} WHERE {TITLES} MATCH %s LIMIT -1)",
            [" AND ".join(_group(term) for term in query.terms)],
        )

    def name_match_sql(self, query: ParsedQuery) -> SQL:
        return (
            f"SELECT id, score FROM (SELECT rowid AS id, bm25({TITLES}, 1.0, 0.0) "
            f"AS score FROM {TITLES} WHERE {TITLES} MATCH %s LIMIT -1)",
            [" AND ".join(_group(term) for term in self.title_terms(query.terms))],
        )

    def engine_pause(self, cursor) -> None:
        """Drop the insert and delete triggers: rows written meanwhile are covered by
        the 'rebuild' at the end."""
        for name in row_triggers():
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")

    def engine_empty(self, cursor) -> None:
        for table in TABLES:
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('delete-all')")

    def engine_resume(self, cursor) -> None:
        for table in TABLES:
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
        for trigger in row_triggers().values():
            cursor.execute(trigger)

    def engine_vocabulary(self) -> dict[str, int]:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT term, doc FROM {VOCAB}")
            return dict(cursor.fetchall())
