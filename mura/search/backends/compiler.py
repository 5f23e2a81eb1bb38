# ruff: noqa: S608 - SQL is assembled from constants and placeholders; values are parameters.
"""SQL over SearchDocument for what every engine shares: filters, the matching ids with
their scores, and a page of results in the reader's order."""

from datetime import timedelta
from itertools import chain
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import connection
from django.utils import timezone

from mura.search.analysis import facet_key
from mura.search.backends import known
from mura.search.backends.known import KnownItems
from mura.search.backends.options import SearchOptions
from mura.search.backends.results import TABLE_FACETS, Filters
from mura.search.highlight import has_phrase
from mura.search.query import ParsedQuery
from mura.search.tables import DOCUMENT, INSTITUTION

if TYPE_CHECKING:
    from mura.search.backends.base import SearchBackend

RECENT = timedelta(days=365)
RECENT_BOOST = 1.25
SQL = tuple[str, list]


def placeholders(values: list) -> str:
    return ", ".join(["%s"] * len(values))


class QueryCompiler:
    """Builds and runs the shared SQL of one backend; the engine supplies the matches."""

    def __init__(self, engine: "SearchBackend", options: SearchOptions) -> None:
        self.engine = engine
        self.options = options

    def filters_sql(
        self, filters: Filters, *, skip: set[str] | frozenset[str] = frozenset()
    ) -> SQL:
        """A WHERE condition over documents ``d`` for the filters (but ``skip``)."""
        clauses, params = [], []
        if not filters.include_private:
            clauses.append(
                "d.is_public AND (d.institution_id IS NULL OR d.institution_id IN "
                f"(SELECT id FROM {INSTITUTION} WHERE is_public))"
            )
        for name, column in (
            ("kind", "d.kind"),
            ("language", "d.language"),
            ("institution", "d.institution_id"),
        ):
            values = getattr(filters, name)
            if values and name not in skip:
                if name == "institution":
                    values = [int(v) for v in values if str(v).isdigit()] or [0]
                clauses.append(f"{column} IN ({placeholders(values)})")
                params += values
        if filters.decade and "decade" not in skip:
            decades = [int(v) for v in filters.decade if v.lstrip("-").isdigit()] or [0]
            clauses.append(
                "("
                + " OR ".join(["(d.year >= %s AND d.year < %s)"] * len(decades))
                + ")"
            )
            for decade in decades:
                params += [decade, decade + 10]
        if filters.year_from is not None:
            clauses.append("d.year >= %s")
            params.append(filters.year_from)
        if filters.year_to is not None:
            clauses.append("d.year <= %s")
            params.append(filters.year_to)
        for name in TABLE_FACETS:
            values = getattr(filters, name)
            if values and name not in skip:
                sql, keys = self.engine.identifier_sql(
                    [facet_key(name, v) for v in values]
                )
                clauses.append(f"d.id IN ({sql})")
                params += keys
        return " AND ".join(clauses) or "1=1", params

    def source(
        self,
        query: ParsedQuery,
        pinned: list[int],
        only: list[int] | None,
        scored: bool = True,
        top: int | None = None,
        match: SQL | None = None,
        hidden: list[int] | None = None,
    ) -> SQL:
        """The matching ids with scores, pinned identifiers included (of the matches,
        only the ``top`` best by the engine's score when given; ``match`` instead of the
        query's own match), without the ``hidden`` ones (``collapsed``)."""
        if match or query.terms or query.excluded:
            sql, params = match or self.engine.match_sql(query, scored)
            if hidden:
                unwanted, ids = self.engine.ids_sql(hidden)
                sql = f"SELECT id, score FROM ({sql}) h WHERE id NOT IN ({unwanted})"
                params = [*params, *ids]
            if top:
                sql = (
                    f"SELECT id, score FROM (SELECT id, score FROM ({sql}) t "
                    f"ORDER BY score LIMIT {int(top)}) best"
                )
        else:
            sql, params = f"SELECT id, 0.0 AS score FROM {DOCUMENT}", []
            if query.identifiers:
                sql += " WHERE 1=0"
            elif hidden:
                unwanted, params = self.engine.ids_sql(hidden)
                sql += f" WHERE id NOT IN ({unwanted})"
        if pinned:
            sql = (
                f"{sql} UNION ALL SELECT id, 0.0 AS score FROM {DOCUMENT} "
                f"WHERE id IN ({placeholders(pinned)})"
            )
            params = [*params, *pinned]
        if only is not None:
            ids = only or [0]
            sql = f"SELECT id, score FROM ({sql}) s WHERE id IN ({placeholders(ids)})"
            params = [*params, *ids]
        return sql, params

    def page(
        self,
        query: ParsedQuery,
        pinned: list[int],
        only: list[int] | None,
        sort: str,
        where: SQL,
        offset: int,
        page_size: int,
        top: int | None,
        match: SQL | None = None,
        hidden: list[int] | None = None,
        known_items: KnownItems | None = None,
    ) -> list[tuple[int, float]]:
        """(id, score) of one page of results in the reader's order (by relevance:
        pinned identifiers, then the ``known_items``, then the rest)."""
        known_items = known_items or KnownItems()
        # The known items are matches: added to the best ones, never left out by them.
        extra = [pk for pk in known_items.ids if pk not in pinned]
        source, params = self.source(
            query, [*pinned, *extra], only, top=top, match=match, hidden=hidden
        )
        join, title = (
            (f"JOIN {DOCUMENT} d", ", d.title")
            if sort == "title"
            else (self.engine.narrow_join, "")
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT m.id, MIN(m.score) AS score FROM ({source}) m {join} "
                f"ON d.id = m.id WHERE {where[0]} "
                f"GROUP BY m.id, d.year, d.date, d.kind, d.boost{title} "
                f"ORDER BY {self._order(sort, pinned, known_items)} "
                "LIMIT %s OFFSET %s",
                [
                    *params,
                    *where[1],
                    *self._order_params(sort, pinned, known_items),
                    page_size,
                    offset,
                ],
            )
            return cursor.fetchall()

    def title_best(
        self, query: ParsedQuery, count: int
    ) -> list[tuple[int, float]] | None:
        """The best ``rerank`` title and creator matches (id, score), when there are at
        least ten times as many matches in all: else None."""
        rerank = self.options.rerank
        if count < 10 * rerank:
            return None
        match = self.engine.title_match_sql(query)
        if match is None:
            return None
        sql, params = match
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, score FROM ({sql}) t ORDER BY score LIMIT {rerank}", params
            )
            return cursor.fetchall()

    def title_tier(self, best: list[tuple[int, float]] | None) -> SQL | None:
        """The ``title_best`` matches as a source of ids and scores, when there are
        ``rerank`` of them: else None."""
        if best is None or len(best) < self.options.rerank:
            return None
        values = ", ".join(["(%s, %s)"] * len(best))
        return (
            f"SELECT column1 AS id, column2 AS score FROM (VALUES {values}) t",
            list(chain.from_iterable(best)),
        )

    def collapsed(self, grouped: list[int], where: SQL, language: str) -> list[int]:
        """Of the ``grouped`` matches (the ones with a group), those passing the filters
        that another match of their group stands for (one result per group): the one
        kept is in the reader's ``language``, else in the site's language, else the
        first indexed. Reads only the grouped matches, and none when fewer than two."""
        grouped = sorted(set(grouped))
        if len(grouped) < 2:
            return []
        ids, params = self.engine.ids_sql(grouped)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.id, d.group_key, d.language FROM {DOCUMENT} d "
                f"WHERE d.id IN ({ids}) AND {where[0]}",
                [*params, *where[1]],
            )
            members = cursor.fetchall()
        preferred = (language, settings.LANGUAGE_CODE)
        kept: dict[str, tuple] = {}
        for pk, group, member_language in members:
            rank = (
                preferred.index(member_language)
                if member_language in preferred
                else len(preferred),
                pk,
            )
            if group not in kept or rank < kept[group]:
                kept[group] = rank
        best = {rank[1] for rank in kept.values()}
        return sorted(pk for pk, _, _ in members if pk not in best)

    def pinned(self, query: ParsedQuery, filters: Filters) -> list[int]:
        """The documents the query's identifiers name, first on every page."""
        if not query.identifiers:
            return []
        sql, params = self.engine.identifier_sql(query.identifiers)
        where, where_params = self.filters_sql(filters)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.id FROM {DOCUMENT} d WHERE d.id IN ({sql}) AND {where} "
                "LIMIT 20",
                [*params, *where_params],
            )
            return [row[0] for row in cursor.fetchall()]

    def known_items(
        self,
        query: ParsedQuery,
        where: SQL,
        hidden: list[int],
        titles: list[tuple[int, float]] | None = None,
    ) -> KnownItems:
        """The known items of the query passing the filters (``known``), among the
        ``titles`` already ranked (``title_best``) when there were many matches, else
        among the best title matches (fewer than ten times ``rerank`` then)."""
        if not known.applies(query):
            return KnownItems()
        if titles is not None:
            order = {pk: n for n, (pk, _) in enumerate(titles[: known.CANDIDATES])}
            ids, id_params = self.engine.ids_sql(list(order) or [0])
            sql = (
                f"SELECT d.id, d.kind, d.title_keys FROM {DOCUMENT} d "
                f"WHERE d.id IN ({ids}) AND {where[0]}"
            )
            params = [*id_params, *where[1]]
        else:
            order = None
            match, match_params = self.engine.name_match_sql(query)
            sql = (
                f"SELECT d.id, d.kind, d.title_keys FROM (SELECT id, score FROM "
                f"({match}) t ORDER BY score LIMIT {known.CANDIDATES}) m "
                f"JOIN {DOCUMENT} d ON d.id = m.id WHERE {where[0]} "
                "ORDER BY m.score, d.id"
            )
            params = [*match_params, *where[1]]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if order is not None:
            rows.sort(key=lambda row: order[row[0]])
        left_out = set(hidden)
        return known.known_items(query, [row for row in rows if row[0] not in left_out])

    @staticmethod
    def _order(sort: str, pinned: list[int], known_items: KnownItems) -> str:
        pin = ""
        if pinned:
            pin = f"CASE WHEN m.id IN ({placeholders(pinned)}) THEN 0 ELSE 1 END, "
        if known_items and sort not in ("date", "title"):
            named, begun = known_items.named or [0], known_items.begun or [0]
            pin += (
                f"CASE WHEN m.id IN ({placeholders(named)}) THEN 0 "
                f"WHEN m.id IN ({placeholders(begun)}) THEN 1 ELSE 2 END, "
            )
        if sort == "date":
            return f"{pin}d.year IS NULL, d.year DESC, d.date DESC, m.id DESC"
        if sort == "title":
            return f"{pin}d.title, m.id"
        # bm25 and -ts_rank are negative: a bigger boost makes them smaller (better).
        return (
            f"{pin}MIN(m.score) * d.boost * CASE WHEN d.kind IN ('news', 'event') "
            f"AND d.date > %s THEN {RECENT_BOOST} ELSE 1.0 END, d.date DESC, m.id"
        )

    @staticmethod
    def _order_params(sort: str, pinned: list[int], known_items: KnownItems) -> list:
        params: list = list(pinned)
        if sort not in ("date", "title"):
            if known_items:
                params += known_items.named or [0]
                params += known_items.begun or [0]
            params.append(timezone.now() - RECENT)
        return params

    def phrase_matches(self, query: ParsedQuery, filters: Filters) -> list[int]:
        """Ids whose text has each quoted phrase's words side by side, in any form."""
        source, params = self.engine.match_sql(query)
        where, where_params = self.filters_sql(filters)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.id, d.title, d.creators, d.body, d.language FROM ({source}) m "
                f"JOIN {DOCUMENT} d ON d.id = m.id WHERE {where} ORDER BY m.score "
                f"LIMIT {self.options.phrase_candidates}",
                [*params, *where_params],
            )
            return [
                row[0]
                for row in cursor.fetchall()
                if all(has_phrase(phrase, row[1:4], row[4]) for phrase in query.phrases)
            ]
