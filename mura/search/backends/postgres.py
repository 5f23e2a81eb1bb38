# ruff: noqa: S608 - SQL is assembled from constants and placeholders; values are parameters.
"""PostgreSQL: a weighted tsvector over the analysed keys with a GIN index (migration 0002).

The 'simple' configuration only lower-cases, which is all the analysed keys need.
Weights: A title, B creators, C identifiers, D text."""

from django.db import connection

from mura.search.backends.base import SearchBackend
from mura.search.query import ParsedQuery, Term

WEIGHTS = "{0.1, 0.6, 0.8, 1.0}"
COLUMN_WEIGHTS = {
    "title_keys": "A",
    "creator_keys": "B",
    "id_keys": "C",
    "body_keys": "D",
}


def _lexeme(key: str, weight: str = "", prefix: bool = False) -> str:
    """A non-empty key as a quoted tsquery lexeme: whatever it holds is matched, never
    read as an operator (PostgreSQL takes no NUL in any text)."""
    key = key.replace("\x00", " ")
    quoted = "'" + key.replace("\\", "\\\\").replace("'", "''") + "'"
    suffix = (":" + ("*" if prefix else "") + weight) if (weight or prefix) else ""
    return quoted + suffix


def _group(term: Term) -> str:
    weight = COLUMN_WEIGHTS.get(term.column, "")
    return "(" + " | ".join(_lexeme(key, weight) for key in sorted(term.keys)) + ")"


class PostgresBackend(SearchBackend):
    vendor = "postgresql"

    def tsquery(self, query: ParsedQuery) -> str:
        positive = " & ".join(_group(term) for term in query.terms)
        if query.identifiers:
            identifiers = " | ".join(_lexeme(key, "C") for key in query.identifiers)
            positive = f"({positive}) | {identifiers}" if positive else identifiers
        if query.excluded:
            negative = " | ".join(_group(term) for term in query.excluded)
            return f"({positive}) & !({negative})" if positive else f"!({negative})"
        return positive

    def match_sql(self, query: ParsedQuery, scored: bool = True) -> tuple[str, list]:
        query = self.resolve(query)
        if not scored:
            return (
                "SELECT id, 0.0 AS score FROM mura_search_searchdocument WHERE search_vector @@ CAST(%s AS tsquery)",
                [self.tsquery(query)],
            )
        # ts_rank counts a lexeme once however often the query names it: the exact
        # forms get a rank of their own, added, so that they rank higher.
        tsquery = self.tsquery(query)
        exact = " | ".join(
            _lexeme(term.exact) for term in query.terms if term.exact in term.keys
        )
        return (
            "SELECT id, -(ts_rank(CAST(%s AS float4[]), search_vector, q) "
            "+ ts_rank(CAST(%s AS float4[]), search_vector, CAST(%s AS tsquery))) AS score "
            "FROM mura_search_searchdocument, CAST(%s AS tsquery) q WHERE search_vector @@ q",
            [WEIGHTS, WEIGHTS, exact or tsquery, tsquery],
        )

    def ids_sql(self, ids: list[int]) -> tuple[str, list]:
        return "SELECT unnest(CAST(%s AS bigint[])) AS id", [ids]

    def identifier_sql(self, keys: list[str]) -> tuple[str, list]:
        return (
            "SELECT id FROM mura_search_searchdocument WHERE search_vector @@ CAST(%s AS tsquery)",
            [" | ".join(_lexeme(key, "C") for key in keys)],
        )

    def prefix_sql(
        self, terms: list[Term], prefixes: list[str], limit: int, forms: list[str]
    ) -> tuple[str, list]:
        head = self.resolve(ParsedQuery(raw="", terms=terms)).terms
        parts = [
            _group(Term(term.text, term.exact, term.keys, "title_keys"))
            for term in head
        ]
        parts.append(
            "("
            + " | ".join(
                [_lexeme(prefix, "A", prefix=True) for prefix in prefixes]
                + [_lexeme(form, "A") for form in forms]
            )
            + ")"
        )
        return (
            f"SELECT id FROM mura_search_searchdocument WHERE search_vector @@ CAST(%s AS tsquery) LIMIT {int(limit)}",
            [" & ".join(parts)],
        )

    def rebuild_begin(self) -> None:
        """Drop the GIN index and the deferred indexes while rows pour in; building them
        once at the end is cheaper."""
        with connection.cursor() as cursor:
            # Deferred foreign-key checks pending in this transaction would forbid the DDL.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("DROP INDEX IF EXISTS mura_search_vector_gin")
            cursor.execute("DELETE FROM mura_search_searchfacetlabel")
            cursor.execute("DELETE FROM mura_search_searchdocument")
        self.indexes_defer()
        self.spellings_forget()

    def rebuild_end(self) -> None:
        self.indexes_build()
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(
                "CREATE INDEX IF NOT EXISTS mura_search_vector_gin ON mura_search_searchdocument USING GIN (search_vector)"
            )

    def engine_vocabulary(self) -> dict[str, int]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM mura_search_searchdocument')"
            )
            return dict(cursor.fetchall())
