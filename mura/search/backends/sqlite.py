# ruff: noqa: S608 - SQL is assembled from constants and placeholders; values are parameters.
"""SQLite FTS5: the embedded default (tables created by migrations 0002 and 0005).

Two external-content FTS5 tables over SearchDocument's keys: ``mura_search_fts`` over
every field, and the small ``mura_search_titles`` over titles and creators, which
carries the prefix index for suggestions and ranks the first page of words found in
many titles."""

import json

from django.db import connection

from mura.search.backends.base import DEFERRED_INDEXES, DOC, SearchBackend
from mura.search.query import ParsedQuery, Term

FTS = "mura_search_fts"
TITLES = "mura_search_titles"
NARROW_INDEX = "search_doc_narrow"
NARROW_COLUMNS = (
    "id, is_public, institution_id, kind, language, year, date, boost, facet_values"
)
# bm25 weights of the FTS5 columns: title, creators, text, identifiers.
WEIGHTS = "10.0, 6.0, 1.0, 8.0"
TITLE_WEIGHTS = "10.0, 6.0"


COLUMNS = "title_keys, creator_keys, body_keys, id_keys"
# The same triggers as migration 0002 creates.
INSERT_TRIGGER = f"""CREATE TRIGGER IF NOT EXISTS mura_search_fts_ai AFTER INSERT ON mura_search_searchdocument BEGIN
    INSERT INTO {FTS}(rowid, {COLUMNS})
    VALUES (new.id, new.title_keys, new.creator_keys, new.body_keys, new.id_keys);
END"""
DELETE_TRIGGER = f"""CREATE TRIGGER IF NOT EXISTS mura_search_fts_ad AFTER DELETE ON mura_search_searchdocument BEGIN
    INSERT INTO {FTS}({FTS}, rowid, {COLUMNS})
    VALUES ('delete', old.id, old.title_keys, old.creator_keys, old.body_keys, old.id_keys);
END"""
# And the titles table's, as migration 0005 creates them.
TITLES_INSERT_TRIGGER = f"""CREATE TRIGGER IF NOT EXISTS mura_search_titles_ai AFTER INSERT ON mura_search_searchdocument BEGIN
    INSERT INTO {TITLES}(rowid, title_keys, creator_keys)
    VALUES (new.id, new.title_keys, new.creator_keys);
END"""
TITLES_DELETE_TRIGGER = f"""CREATE TRIGGER IF NOT EXISTS mura_search_titles_ad AFTER DELETE ON mura_search_searchdocument BEGIN
    INSERT INTO {TITLES}({TITLES}, rowid, title_keys, creator_keys)
    VALUES ('delete', old.id, old.title_keys, old.creator_keys);
END"""


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
    # CROSS JOIN fixes the order of a join; the narrow index (migration 0009) holds all
    # that counting and ordering read, where the table's rows are wide with the text
    # and a million of them do not stay in memory.
    narrow_join = f"CROSS JOIN {DOC} d INDEXED BY {NARROW_INDEX}"
    deferred_indexes = {**DEFERRED_INDEXES, NARROW_INDEX: (DOC, NARROW_COLUMNS)}

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

    def match_sql(self, query: ParsedQuery, scored: bool = True) -> tuple[str, list]:
        query = self.resolve(query)
        expression = self.expression(query)
        if query.excluded and not (query.terms or query.identifiers):
            # Only exclusions: everything except what they match.
            return (
                f"SELECT id, 0.0 AS score FROM mura_search_searchdocument "
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

    def ids_sql(self, ids: list[int]) -> tuple[str, list]:
        return "SELECT value AS id FROM json_each(%s)", [json.dumps(ids)]

    # One JSON text instead of a row per id: reading 20,000 ids a third faster.
    ids_aggregate = "json_group_array(id)"

    @staticmethod
    def ids_read(value) -> list[int]:
        return json.loads(value) if value else []

    def identifier_sql(self, keys: list[str]) -> tuple[str, list]:
        expression = "id_keys : (" + " OR ".join(_quote(key) for key in keys) + ")"
        return f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s", [expression]

    def prefix_sql(
        self, terms: list[Term], prefixes: list[str], limit: int, forms: list[str]
    ) -> tuple[str, list]:
        head = self.resolve(ParsedQuery(raw="", terms=terms)).terms
        parts = [
            _group(Term(term.text, term.exact, term.keys, "title_keys"))
            for term in head
        ]
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

    def title_match_sql(self, query: ParsedQuery) -> tuple[str, list] | None:
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

    def rebuild_begin(self) -> None:
        """Drop the triggers and the deferred indexes: one 'rebuild' and one index build
        at the end are much cheaper than upkeep per row (bench/search_bench.py). Rows
        written meanwhile are covered by them."""
        with connection.cursor() as cursor:
            for trigger in ("fts_ai", "fts_ad", "titles_ai", "titles_ad"):
                cursor.execute(f"DROP TRIGGER IF EXISTS mura_search_{trigger}")
            cursor.execute("DELETE FROM mura_search_searchfacetlabel")
            cursor.execute("DELETE FROM mura_search_searchdocument")
            for table in (FTS, TITLES):
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('delete-all')")
        self.indexes_defer()
        self.spellings_forget()

    def rebuild_end(self) -> None:
        self.indexes_build()
        with connection.cursor() as cursor:
            for table in (FTS, TITLES):
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
            for trigger in (
                INSERT_TRIGGER,
                DELETE_TRIGGER,
                TITLES_INSERT_TRIGGER,
                TITLES_DELETE_TRIGGER,
            ):
                cursor.execute(trigger)

    def engine_vocabulary(self) -> dict[str, int]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT term, doc FROM mura_search_vocab")
            return dict(cursor.fetchall())
