# ruff: noqa: S608 - SQL is assembled from constants and placeholders; values are parameters.
"""PostgreSQL: the weighted tsvector of ``schema`` with its GIN index."""

from collections.abc import Iterable

from django.db import connection

from mura.search.analysis import EXACT, FACET_MARKER
from mura.search.backends import spelling
from mura.search.backends.base import SQL, SearchBackend
from mura.search.backends.postgres.schema import (
    COLUMN,
    TITLE_COLUMN,
    TITLE_WORDS,
    WEIGHTS,
    gin_create,
    gin_drop,
)
from mura.search.query import ParsedQuery, Term
from mura.search.tables import DOCUMENT, SPELLING

#: ts_rank's weights of D, C, B and A
RANK_WEIGHTS = "{0.1, 0.6, 0.8, 1.0}"
MATCHES = f"FROM {DOCUMENT} WHERE {COLUMN} @@ CAST(%s AS tsquery)"
TITLE_WORDS_MATCH = f"FROM {DOCUMENT} WHERE {TITLE_WORDS} @@ CAST(%s AS tsquery)"
_LEXEME = f"{COLUMN} @@ CAST(quote_literal(k) AS tsquery)"
LEXEMES_HELD = (
    f"SELECT k FROM unnest(CAST(%s AS text[])) k "
    f"WHERE EXISTS (SELECT 1 FROM {DOCUMENT} WHERE {_LEXEME})"
)
#: documents counted per key at most: "did you mean" only compares the counts, and
#: counting a frequent word's every document read thousands of rows (docs/PERFORMANCE.md)
COUNT_CAP = 1000
LEXEME_COUNTS = (
    f"SELECT k, (SELECT count(*) FROM (SELECT 1 FROM {DOCUMENT} WHERE {_LEXEME} "
    f"LIMIT {COUNT_CAP}) c) FROM unnest(CAST(%s AS text[])) k"
)


def _lexeme(key: str, weight: str = "", prefix: bool = False) -> str:
    """A non-empty key as a quoted tsquery lexeme: whatever it holds is matched, never
    read as an operator (PostgreSQL takes no NUL in any text)."""
    key = key.replace("\x00", " ")
    quoted = "'" + key.replace("\\", "\\\\").replace("'", "''") + "'"
    suffix = (":" + ("*" if prefix else "") + weight) if (weight or prefix) else ""
    return quoted + suffix


def _identifier(key: str) -> str:
    """An identifier key as a lexeme of the identifiers' weight; a facet key is found
    in no other field, so it goes without (a weight makes PostgreSQL read the vector of
    every candidate again)."""
    return _lexeme(key, "" if key.startswith(FACET_MARKER) else "C")


def _group(term: Term, weighted: bool = True) -> str:
    weight = WEIGHTS.get(term.column, "") if weighted else ""
    return "(" + " | ".join(_lexeme(key, weight) for key in sorted(term.keys)) + ")"


class PostgresBackend(SearchBackend):
    vendor = "postgresql"
    spelling_insert = (
        f"INSERT INTO {SPELLING} (key, form) VALUES (%s, %s) ON CONFLICT DO NOTHING"
    )

    def tsquery(self, query: ParsedQuery) -> str:
        positive = " & ".join(_group(term) for term in query.terms)
        if query.identifiers:
            identifiers = " | ".join(map(_identifier, query.identifiers))
            positive = f"({positive}) | {identifiers}" if positive else identifiers
        if query.excluded:
            negative = " | ".join(_group(term) for term in query.excluded)
            return f"({positive}) & !({negative})" if positive else f"!({negative})"
        return positive

    def match_sql(self, query: ParsedQuery, scored: bool = True) -> SQL:
        query = self.resolve(query)
        if not scored:
            return f"SELECT id, 0.0 AS score {MATCHES}", [self.tsquery(query)]
        return self._ranked(COLUMN, query, self.tsquery(query))

    @staticmethod
    def _ranked(column: str, query: ParsedQuery, tsquery: str) -> SQL:
        # ts_rank counts a lexeme once however often the query names it: the exact
        # forms get a rank of their own, added, so that they rank higher.
        exact = " | ".join(
            _lexeme(term.exact) for term in query.terms if term.exact in term.keys
        )
        # The whole text's vector is read once per match (``|| ''`` in a subquery the
        # planner keeps apart): a long document's is stored out of line, and each
        # ts_rank read it from there again (docs/PERFORMANCE.md).
        vector = f"{column} || ''::tsvector" if column == COLUMN else column
        return (
            f"SELECT id, -(ts_rank(CAST(%s AS float4[]), v, q) "
            f"+ ts_rank(CAST(%s AS float4[]), v, CAST(%s AS tsquery))) AS score "
            f"FROM (SELECT id, {vector} AS v, q FROM {DOCUMENT}, "
            f"CAST(%s AS tsquery) q WHERE {column} @@ q OFFSET 0) matched",
            [RANK_WEIGHTS, RANK_WEIGHTS, exact or tsquery, tsquery],
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
        return self._ranked(TITLE_COLUMN, query, self.tsquery(query))

    def name_match_sql(self, query: ParsedQuery) -> SQL:
        # Title lexemes only (weight A); rank 1 divides by the length: short first.
        tsquery = " & ".join(_group(term) for term in self.title_terms(query.terms))
        return (
            f"SELECT id, -ts_rank(CAST(%s AS float4[]), {TITLE_COLUMN}, q, 1) AS score "
            f"FROM {DOCUMENT}, CAST(%s AS tsquery) q WHERE {TITLE_COLUMN} @@ q",
            [RANK_WEIGHTS, tsquery],
        )

    def ids_sql(self, ids: list[int]) -> SQL:
        return "SELECT unnest(CAST(%s AS bigint[])) AS id", [ids]

    def identifier_sql(self, keys: list[str]) -> SQL:
        return (
            f"SELECT id {MATCHES}",
            [" | ".join(map(_identifier, keys))],
        )

    def prefix_sql(
        self, terms: list[Term], prefixes: list[str], limit: int, forms: list[str]
    ) -> SQL:
        # The title-words index holds titles alone: no weight to check row by row.
        parts = [_group(term, weighted=False) for term in self.title_terms(terms)]
        parts.append(
            "("
            + " | ".join(
                [_lexeme(prefix, prefix=True) for prefix in prefixes]
                + [_lexeme(form) for form in forms]
            )
            + ")"
        )
        return f"SELECT id {TITLE_WORDS_MATCH} LIMIT {int(limit)}", [" & ".join(parts)]

    def engine_pause(self, cursor) -> None:
        """Drop the GIN indexes while rows pour in; building them once at the end is
        cheaper."""
        # Deferred foreign-key checks pending in this transaction would forbid the DDL.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for statement in gin_drop():
            cursor.execute(statement)

    def engine_resume(self, cursor) -> None:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for statement in gin_create():
            cursor.execute(statement)
        # Statistics of the new rows now, not when autovacuum comes by: without them the
        # planner guesses how many documents a word matches, and reads them the slow way.
        cursor.execute(f"ANALYZE {DOCUMENT}")

    def engine_vocabulary(self) -> dict[str, int]:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT word, ndoc FROM ts_stat('SELECT {COLUMN} FROM {DOCUMENT}')"
            )
            return dict(cursor.fetchall())

    def vocabulary_of(self, keys: Iterable[str]) -> dict[str, int]:
        """Looks each key up in the GIN index: the whole vocabulary comes only from
        ``ts_stat`` over every document's vector, seconds for a large catalogue. The
        counts stop at ``COUNT_CAP``."""
        keys = set(keys)
        # A key is also in the vocabulary when it is an exact form's (spelling.vocabulary).
        lexemes = keys | {EXACT + key for key in keys if not key[:1].isdigit()}
        with connection.cursor() as cursor:
            cursor.execute(LEXEMES_HELD, [sorted(lexemes)])
            held = [lexeme for (lexeme,) in cursor.fetchall()]
            # Apart from the existence test above: counting every candidate in one
            # statement makes the planner's estimate large enough to JIT-compile it.
            cursor.execute(LEXEME_COUNTS, [held])
            counts = dict(cursor.fetchall())
        found = {key: count for key, count in counts.items() if key in keys}
        for lexeme, count in counts.items():
            if lexeme[:1] == EXACT and lexeme[1:] in keys:
                found.setdefault(lexeme[1:], count)
        for key in spelling.spelled_keys(keys):
            found.setdefault(key, 1)
        return found
