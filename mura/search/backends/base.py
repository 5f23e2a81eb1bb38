# ruff: noqa: S608 - SQL is assembled from constants and placeholders; values are parameters.
"""One interface over every search engine: ``search(query, filters, sort, page)``.

A backend only knows how to turn a parsed query into "matching ids with a score"
(``match_sql``), how to find key prefixes and how to list its vocabulary. Filters,
ordering and paging are plain SQL over SearchDocument (a facet filter is a match of the
value's key), facets are counted in Python from one row per (sampled) match; all of it
is shared, so SQLite FTS5 and PostgreSQL behave the same. An OpenSearch backend would
implement ``search`` itself (see docs/SEARCH.md).
"""

import time
from collections import Counter
from collections.abc import Callable, Collection, Hashable, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from itertools import chain

from django.db import connection
from django.utils import timezone

from mura.search import facet_store, text
from mura.search.models import SearchDocument, SearchFacetLabel, SearchSpelling
from mura.search.query import ParsedQuery, Term

PAGE_SIZE = 20
#: Matches are counted and faceted exactly up to this many; above it, over an even
#: sample of about this many, scaled (shown as ≈). Each sampled match costs a row
#: read (bench/search_bench.py: 2,000 of a million records in 6-8 ms, 5,000 in 18):
#: a facet value on a tenth of the matches is then off by about 7 %.
FACET_SAMPLE = 2_000
#: Up to this many matching ids are read once and sampled in Python; beyond it the engine
#: counts them and picks every n-th id itself (reading 100,000 ids costs more).
READ_IDS = 20_000
FACET_LIMIT = 12
#: Matches the engine ranks first, re-ranked with boosts and filters for a page of
#: results by relevance (pages beyond half of it rank every match). The boosts are at
#: most ×1.25, so the engine's best 200 hold the first five pages.
RERANK = 200
#: Candidates checked word by word for "quoted phrases" (the engine only ANDs the words).
PHRASE_CANDIDATES = 5_000
#: document columns a page of results does not show or highlight from
UNSHOWN = ("creator_keys", "id_keys", "facet_values", "indexed_at")
COLUMN_FACETS = ("kind", "institution", "language", "decade")
TABLE_FACETS = ("collection", "subject", "person", "place", "tag")
FACETS = (*COLUMN_FACETS, *TABLE_FACETS)
SORTS = ("relevance", "date", "title")
RECENT = timedelta(days=365)
RECENT_BOOST = 1.25

DOC = "mura_search_searchdocument"
SPELLING = "mura_search_searchspelling"
SPELLING_INSERT = {
    "sqlite": f"INSERT OR IGNORE INTO {SPELLING} (key, form) VALUES (%s, %s)",
    "postgresql": f"INSERT INTO {SPELLING} (key, form) VALUES (%s, %s) "
    "ON CONFLICT DO NOTHING",
}
#: Secondary indexes a full rebuild drops while the rows pour in and builds once at the
#: end (bench/search_bench.py: a third of the writing time at 100,000 records).
DEFERRED_INDEXES = {
    "search_doc_public_kind": (DOC, "is_public, kind"),
    "mura_search_searchdocument_institution_id_53ab9dc6": (DOC, "institution_id"),
}


@dataclass
class Filters:
    """Selected facet values (several values of one facet are ORed, facets ANDed)."""

    kind: list[str] = field(default_factory=list)
    institution: list[str] = field(default_factory=list)
    language: list[str] = field(default_factory=list)
    decade: list[str] = field(default_factory=list)
    collection: list[str] = field(default_factory=list)
    subject: list[str] = field(default_factory=list)
    person: list[str] = field(default_factory=list)
    place: list[str] = field(default_factory=list)
    tag: list[str] = field(default_factory=list)
    year_from: int | None = None
    year_to: int | None = None
    include_private: bool = False  #: staff searching their own records

    def selected(self) -> dict[str, list[str]]:
        return {name: getattr(self, name) for name in FACETS if getattr(self, name)}


@dataclass
class FacetCount:
    value: str
    count: int
    label: str = ""
    selected: bool = False


@dataclass
class Hit:
    document: SearchDocument
    score: float
    pinned: bool = False


@dataclass
class Results:
    count: int
    hits: list[Hit]
    facets: dict[str, list[FacetCount]]
    page: int
    page_size: int
    took_ms: int = 0
    facets_estimated: bool = False
    count_estimated: bool = False
    #: the keys the engine matched the query's words with (for highlighting)
    engine_keys: frozenset[str] = frozenset()
    #: institution id → name in the reader's language, for the facets and the hits
    #: (filled by ``selectors.run``)
    institutions: dict[int, str] = field(default_factory=dict)

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.page_size))


@dataclass
class Tally:
    passed: int  #: sampled matches passing every filter
    counts: Counter  #: ``name=value`` → sampled matches counted for it


def _facet_name(value: str) -> str:
    return value.partition("=")[0]


class SearchBackend:
    vendor = ""
    #: how counting and ranking reach a candidate's document (all but its texts): a
    #: join that keeps the candidates as the outer loop (the planner knows nothing of
    #: how few they are)
    narrow_join = f"JOIN {DOC} d"
    #: indexes a full rebuild drops first and builds last
    deferred_indexes = DEFERRED_INDEXES

    # Engine-specific parts -------------------------------------------------------
    def match_sql(self, query: ParsedQuery, scored: bool = True) -> tuple[str, list]:
        """``SELECT id, score FROM ...`` for the query's words; lower score is better.

        ``scored=False`` may return a constant score: counting and facets need no rank."""
        raise NotImplementedError

    def identifier_sql(self, keys: list[str]) -> tuple[str, list]:
        """``SELECT id FROM ...`` of the records carrying one of these identifier keys
        (identifiers, and the facet values' ``text.facet_key``)."""
        raise NotImplementedError

    def prefix_sql(
        self, terms: list[Term], prefixes: list[str], limit: int, forms: list[str]
    ) -> tuple[str, list]:
        """``SELECT id FROM ...``: titles with the words and a word starting with one of
        ``prefixes`` or being one of ``forms``."""
        raise NotImplementedError

    def engine_vocabulary(self) -> dict[str, int]:
        """Every key the engine stores with the number of documents holding it."""
        raise NotImplementedError

    def rebuild_begin(self) -> None:
        """Empty the index before a full rebuild; engines may pause per-row upkeep."""
        raise NotImplementedError

    def rebuild_end(self) -> None:
        """Finish a full rebuild (build what ``rebuild_begin`` paused)."""
        raise NotImplementedError

    # Shared -------------------------------------------------------------------------
    def spellings_add(self, pairs: set[tuple[str, str]]) -> None:
        """Store (Latin spelling, exact form) pairs of newly indexed text (those already
        stored are skipped by the database)."""
        if pairs:
            with connection.cursor() as cursor:
                cursor.executemany(
                    SPELLING_INSERT[self.vendor], [(k[:100], f[:200]) for k, f in pairs]
                )

    def indexes_defer(self) -> None:
        """Drop the deferred indexes (a full rebuild's first step)."""
        with connection.cursor() as cursor:
            for name in self.deferred_indexes:
                cursor.execute(f"DROP INDEX IF EXISTS {name}")

    def indexes_build(self) -> None:
        """Build the deferred indexes again (a full rebuild's last step)."""
        with connection.cursor() as cursor:
            for name, (table, columns) in self.deferred_indexes.items():
                cursor.execute(
                    f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})"
                )

    def spellings_forget(self) -> None:
        """Empty the spelling table (a full rebuild fills it again)."""
        SearchSpelling.objects.all().delete()

    def resolve(self, query: ParsedQuery) -> ParsedQuery:
        """The query with the keys the engine stores (see ``analysis.keys.stored_keys``):
        each word's stems also as exact forms, its Latin spellings as the Cyrillic
        forms they reach in the spelling table. Resolving twice changes nothing."""
        if query.resolved:
            return query
        words = [*query.terms, *query.excluded]
        resolved = {term: text.engine_alternatives(term.keys) for term in words}
        spellings = set().union(*(latin for _, latin in resolved.values()))
        forms: dict[str, set[str]] = {}
        if spellings:
            for key, form in SearchSpelling.objects.filter(
                key__in=spellings
            ).values_list("key", "form"):
                forms.setdefault(key, set()).add(form)

        def engine_term(term: Term) -> Term:
            if term.column == "id_keys":
                return term
            direct, latin = resolved[term]
            keys = direct.union(*(forms.get(key, ()) for key in latin))
            return replace(term, keys=frozenset(keys))

        return replace(
            query,
            resolved=True,
            terms=[engine_term(term) for term in query.terms],
            excluded=[engine_term(term) for term in query.excluded],
        )

    def _filters_sql(
        self, filters: Filters, *, skip: set[str] | frozenset[str] = frozenset()
    ) -> tuple[str, list]:
        clauses, params = [], []
        if not filters.include_private:
            clauses.append(
                "d.is_public AND (d.institution_id IS NULL OR d.institution_id IN "
                "(SELECT id FROM institutions_institution WHERE is_public))"
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
                clauses.append(f"{column} IN ({', '.join(['%s'] * len(values))})")
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
                sql, keys = self.identifier_sql(
                    [text.facet_key(name, v) for v in values]
                )
                clauses.append(f"d.id IN ({sql})")
                params += keys
        return " AND ".join(clauses) or "1=1", params

    def _source(
        self,
        query: ParsedQuery,
        pinned: list[int],
        only: list[int] | None,
        scored: bool = True,
        top: int | None = None,
        match: tuple[str, list] | None = None,
    ) -> tuple[str, list]:
        """The matching ids with scores, pinned identifiers included (of the matches,
        only the ``top`` best by the engine's score when given; ``match`` instead of the
        query's own match)."""
        if match or query.terms or query.excluded:
            sql, params = match or self.match_sql(query, scored)
            if top:
                sql = (
                    f"SELECT id, score FROM (SELECT id, score FROM ({sql}) t "
                    f"ORDER BY score LIMIT {int(top)}) best"
                )
        else:
            sql, params = f"SELECT id, 0.0 AS score FROM {DOC}", []
            if query.identifiers:
                sql += " WHERE 1=0"
        if pinned:
            sql = f"{sql} UNION ALL SELECT id, 0.0 AS score FROM {DOC} WHERE id IN ({', '.join(['%s'] * len(pinned))})"
            params = [*params, *pinned]
        if only is not None:
            ids = only or [0]
            sql = f"SELECT id, score FROM ({sql}) s WHERE id IN ({', '.join(['%s'] * len(ids))})"
            params = [*params, *ids]
        return sql, params

    def search(
        self,
        query: ParsedQuery,
        filters: Filters | None = None,
        sort: str = "relevance",
        page: int = 1,
        page_size: int = PAGE_SIZE,
        facets: bool = True,
    ) -> Results:
        started = time.perf_counter()
        filters = filters or Filters()
        query = self.resolve(query)  # once: the spelling table is read here only
        pinned = self._pinned(query, filters)
        only = self._phrase_matches(query, filters) if query.phrases else None
        plain, plain_params = self._source(query, pinned, only, scored=False)
        where, where_params = self._filters_sql(filters)
        sample, scale = self._matches(plain, plain_params, bool(pinned))
        tally = self._count(sample, filters)
        count = round(tally.passed * scale)
        if scale != 1 and not count:
            # Filters too rare for the sample: every match passing them, counted exactly
            # (their facets then only show the selected values).
            sample, scale = (self._sample(plain), plain_params), 1
            rows = self._facet_rows(sample, filters, every=True)
            tally = self._tally(rows, self._chosen(filters), _facet_name)
            count = tally.passed
        offset = (max(page, 1) - 1) * page_size
        # Relevance: the engine's best RERANK matches are re-ranked with the boosts
        # and filtered, instead of joining every match (measured in bench/).
        top = (
            RERANK
            if sort == "relevance" and query.terms and offset + page_size <= RERANK // 2
            else None
        )
        # Words found in many titles: the best title and creator matches are enough
        # for the first pages, and far fewer to rank than every match of the text.
        titles = self._title_tier(query, count) if top and only is None else None
        rows = self._page(
            query,
            pinned,
            only,
            sort,
            where,
            where_params,
            offset,
            page_size,
            top,
            titles,
        )
        if top and len(rows) < page_size and count > offset + len(rows):
            rows = self._page(
                query, pinned, only, sort, where, where_params, offset, page_size, None
            )
        documents = SearchDocument.objects.defer(*UNSHOWN).in_bulk(
            [row[0] for row in rows]
        )
        hits = [
            Hit(documents[i], score, i in pinned) for i, score in rows if i in documents
        ]
        results = Results(
            count=count,
            hits=hits,
            facets={},
            page=page,
            page_size=page_size,
            count_estimated=scale != 1,
            engine_keys=frozenset().union(*(term.keys for term in query.terms)),
        )
        if facets and count:
            results.facets = self._facets(tally, filters, scale)
            results.facets_estimated = scale != 1
        results.took_ms = round((time.perf_counter() - started) * 1000)
        return results

    def ids_sql(self, ids: list[int]) -> tuple[str, list]:
        """``SELECT id`` of a list of ids, as one parameter."""
        raise NotImplementedError

    #: an aggregate of ``id`` into one value the driver hands over at once
    ids_aggregate = "array_agg(id)"

    @staticmethod
    def ids_read(value) -> list[int]:
        """The ids in a value of ``ids_aggregate`` (None when it had no rows)."""
        return value or []

    def _matches(
        self, plain: str, params: list, pinned: bool
    ) -> tuple[list[int], float]:
        """(The ids to count and facet, how many matches each of them stands for).

        Up to FACET_SAMPLE matches are all of them. Above that an even sample of about
        FACET_SAMPLE stands for the rest: taken in Python from the ids read once when
        they are not too many, else every n-th id (``id % n = 0``, spread over the whole
        index, unlike the first ids) picked by the engine while it counts them, with n
        from how far the first ids reached. Either way the sample is read once, so
        counting and faceting do not run the match again."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {self.ids_aggregate} FROM "
                f"(SELECT id FROM ({plain}) m LIMIT {READ_IDS + 21}) m",
                params,
            )
            ids = self.ids_read(cursor.fetchone()[0])
            if pinned:  # a pinned identifier can be a match as well
                ids = sorted(set(ids))
            if len(ids) <= READ_IDS:
                sample = ids[:: -(-len(ids) // FACET_SAMPLE) or 1]
                return sample, (len(ids) / len(sample) if sample else 1)
            # Two subqueries: MIN and MAX together would scan the table.
            cursor.execute(
                f"SELECT (SELECT MIN(id) FROM {DOC}), (SELECT MAX(id) FROM {DOC})"
            )
            first, last = cursor.fetchone()
            reached = max(max(ids) - first, 1)
            stride = max(1, round(len(ids) * (last - first) / reached / FACET_SAMPLE))
            count = "COUNT(DISTINCT id)" if pinned else "COUNT(*)"
            cursor.execute(
                f"SELECT {count}, {self.ids_aggregate} FILTER (WHERE id %% {stride} = 0)"
                f" FROM ({plain}) m",
                params,
            )
            matched, sample = cursor.fetchone()
            ids = sorted(set(self.ids_read(sample)))
            if len(ids) < FACET_SAMPLE // 4:  # the first ids were denser than the rest
                stride = -(-matched // FACET_SAMPLE)
                cursor.execute(
                    f"SELECT {self.ids_aggregate} FROM ({self._sample(plain)}) s "
                    f"WHERE id %% {stride} = 0",
                    params,
                )
                ids = self.ids_read(cursor.fetchone()[0])
        return ids, (matched / len(ids) if ids else 1)

    @staticmethod
    def _sample(source: str) -> str:
        """The distinct ids of ``source``."""
        return f"SELECT DISTINCT id FROM ({source}) s"

    def _facet_rows(
        self, sample: tuple[str, list], filters: Filters, every: bool = False
    ) -> list[list[str]]:
        """The ``name=value`` facet values of each sampled id that passes the filters no
        facet owns (public, years), or ``every`` filter."""
        sql, params = sample
        where, where_params = self._filters_sql(
            filters, skip=frozenset() if every else set(FACETS)
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.facet_values FROM ({sql}) s {self.narrow_join} "
                f"ON d.id = s.id WHERE {where}",
                [*params, *where_params],
            )
            return [row[0].split("\n") for row in cursor.fetchall()]

    def _count(self, ids: list[int], filters: Filters) -> Tally:
        """The tally of the sampled matches, from the facet values held in memory (read
        from the documents instead when a year range needs their years)."""
        if filters.year_from is not None or filters.year_to is not None:
            rows = self._facet_rows(self.ids_sql(ids), filters)
            return self._tally(rows, self._chosen(filters), _facet_name)
        coded = facet_store.store.rows(
            ids,
            public_only=not filters.include_private,
            hidden=() if filters.include_private else self._hidden_institutions(),
        )
        chosen = [
            (name, {coded.codes[v] for v in wanted if v in coded.codes})
            for name, wanted in self._chosen(filters)
        ]
        tally = self._tally(coded.rows, chosen, coded.names.__getitem__)
        values = coded.values
        return Tally(
            tally.passed, Counter({values[c]: n for c, n in tally.counts.items()})
        )

    @staticmethod
    def _hidden_institutions() -> list[str]:
        """The facet values of institutions that are not public."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id FROM institutions_institution WHERE NOT is_public"
            )
            return [f"institution={row[0]}" for row in cursor.fetchall()]

    @staticmethod
    def _chosen(filters: Filters) -> list[tuple[str, set[str]]]:
        """Each filtered facet with its selected ``name=value``s."""
        return [
            (name, {f"{name}={value}" for value in getattr(filters, name)})
            for name in FACETS
            if getattr(filters, name)
        ]

    @staticmethod
    def _tally(
        rows: Sequence[Collection[Hashable]],
        chosen: list[tuple[str, set]],
        name_of: Callable[[Hashable], str],
    ) -> Tally:
        """How many rows pass every facet filter (``chosen``: each facet's wanted
        values), and the count of each facet value among the rows that pass every
        filter but (at most) its own facet's (``name_of`` a value is its facet)."""
        if not chosen:
            return Tally(len(rows), Counter(chain.from_iterable(rows)))
        passed, counts = 0, Counter()
        for values in rows:
            failed = [name for name, wanted in chosen if wanted.isdisjoint(values)]
            if not failed:
                passed += 1
                counts.update(values)
            elif len(failed) == 1:
                counts.update(value for value in values if name_of(value) == failed[0])
        return Tally(passed, counts)

    def _page(
        self,
        query: ParsedQuery,
        pinned: list[int],
        only: list[int] | None,
        sort: str,
        where: str,
        where_params: list,
        offset: int,
        page_size: int,
        top: int | None,
        match: tuple[str, list] | None = None,
    ) -> list[tuple[int, float]]:
        """(id, score) of one page of results in the reader's order."""
        source, params = self._source(query, pinned, only, top=top, match=match)
        join, title = (
            (f"JOIN {DOC} d", ", d.title")
            if sort == "title"
            else (self.narrow_join, "")
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT m.id, MIN(m.score) AS score FROM ({source}) m {join} "
                f"ON d.id = m.id WHERE {where} "
                f"GROUP BY m.id, d.year, d.date, d.kind, d.boost{title} "
                f"ORDER BY {self._order(sort, pinned)} LIMIT %s OFFSET %s",
                [
                    *params,
                    *where_params,
                    *self._order_params(sort, pinned),
                    page_size,
                    offset,
                ],
            )
            return cursor.fetchall()

    def _title_tier(self, query: ParsedQuery, count: int) -> tuple[str, list] | None:
        """The best RERANK title matches with their scores (as a source of ids and
        scores), when there are that many and at least ten times as many matches in
        all: else None."""
        if count < 10 * RERANK:
            return None
        match = self.title_match_sql(query)
        if match is None:
            return None
        sql, params = match
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, score FROM ({sql}) t ORDER BY score LIMIT {RERANK}", params
            )
            best = cursor.fetchall()
        if len(best) < RERANK:
            return None
        values = ", ".join(["(%s, %s)"] * len(best))
        return (
            f"SELECT column1 AS id, column2 AS score FROM (VALUES {values}) t",
            list(chain.from_iterable(best)),
        )

    def _pinned(self, query: ParsedQuery, filters: Filters) -> list[int]:
        if not query.identifiers:
            return []
        sql, params = self.identifier_sql(query.identifiers)
        where, where_params = self._filters_sql(filters)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.id FROM {DOC} d WHERE d.id IN ({sql}) AND {where} LIMIT 20",
                [*params, *where_params],
            )
            return [row[0] for row in cursor.fetchall()]

    def _order(self, sort: str, pinned: list[int]) -> str:
        pin = ""
        if pinned:
            pin = f"CASE WHEN m.id IN ({', '.join(['%s'] * len(pinned))}) THEN 0 ELSE 1 END, "
        if sort == "date":
            return f"{pin}d.year IS NULL, d.year DESC, d.date DESC, m.id DESC"
        if sort == "title":
            return f"{pin}d.title, m.id"
        # bm25 and -ts_rank are negative: a bigger boost makes them smaller (better).
        return (
            f"{pin}MIN(m.score) * d.boost * CASE WHEN d.kind IN ('news', 'event') AND d.date > %s "
            f"THEN {RECENT_BOOST} ELSE 1.0 END, d.date DESC, m.id"
        )

    def _order_params(self, sort: str, pinned: list[int]) -> list:
        params: list = list(pinned)
        if sort not in ("date", "title"):
            params.append(timezone.now() - RECENT)
        return params

    def _facets(
        self, tally: Tally, filters: Filters, scale: float
    ) -> dict[str, list[FacetCount]]:
        """The most frequent values of each facet with their counts (scaled from a
        sample when there are very many matches), the selected ones always among them.

        Each facet is counted with the other facets' filters but not its own, so the
        reader sees how many records each alternative value would give."""
        by_facet: dict[str, dict[str, int]] = {name: {} for name in FACETS}
        for name_value, n in tally.counts.items():
            name, _, value = name_value.partition("=")
            if value and name in by_facet:
                by_facet[name][value] = n
        facets: dict[str, list[FacetCount]] = {}
        for name, counts in by_facet.items():
            limit = FACET_LIMIT * 2 if name in COLUMN_FACETS else FACET_LIMIT
            ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            shown = dict(ranked[:limit])
            for value in getattr(filters, name):
                if value in counts:
                    shown.setdefault(value, counts[value])
            facets[name] = [
                FacetCount(value, round(n * scale)) for value, n in shown.items()
            ]
        labels = self._facet_labels(
            [(name, facet.value) for name in TABLE_FACETS for facet in facets[name]]
        )
        for name in TABLE_FACETS:
            for facet in facets[name]:
                facet.label = labels.get((name, facet.value), facet.value)
        facets["decade"].sort(key=lambda facet: int(facet.value), reverse=True)
        return facets

    @staticmethod
    def _facet_labels(pairs: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """The label of each (facet, value) in the reader's language."""
        wanted = set(pairs)
        if not wanted:
            return {}
        # One IN over the values (an OR per pair costs more to build than to run).
        labels = SearchFacetLabel.objects.filter(value__in={v for _, v in wanted})
        return {
            (label.name, label.value): label.label
            for label in labels
            if (label.name, label.value) in wanted
        }

    def _phrase_matches(self, query: ParsedQuery, filters: Filters) -> list[int]:
        """Ids whose text has each quoted phrase's words side by side, in any form."""
        from mura.search.highlight import has_phrase

        source, params = self.match_sql(query)
        where, where_params = self._filters_sql(filters)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.id, d.title, d.creators, d.body, d.language FROM ({source}) m "
                f"JOIN {DOC} d ON d.id = m.id WHERE {where} ORDER BY m.score LIMIT {PHRASE_CANDIDATES}",
                [*params, *where_params],
            )
            return [
                row[0]
                for row in cursor.fetchall()
                if all(has_phrase(phrase, row[1:4], row[4]) for phrase in query.phrases)
            ]

    def title_match_sql(self, query: ParsedQuery) -> tuple[str, list] | None:
        """Like ``match_sql`` over titles and creators only, when the engine keeps them
        apart and the query allows it (no exclusions, identifiers or other fields)."""
        return None

    def vocabulary(self) -> dict[str, int]:
        """Every key a query word can have that finds something, with a document count:
        the engine's keys, the stems its exact forms carry, the Latin spellings."""
        keys = self.engine_vocabulary()
        for key, count in list(keys.items()):
            if key[:1] == text.EXACT:
                keys.setdefault(key[1:], count)
        spellings = SearchSpelling.objects.values_list("key", flat=True).distinct()
        for key in spellings.iterator(chunk_size=5000):
            keys.setdefault(key, 1)
        return keys

    def spelled_forms(self, prefixes: list[str], limit: int = 100) -> list[str]:
        """Exact forms whose Latin spellings start with one of ``prefixes``."""
        forms: list[str] = []
        for prefix in prefixes:
            forms += SearchSpelling.objects.filter(
                key__gte=prefix, key__lt=prefix + "\U0010ffff"
            ).values_list("form", flat=True)[:limit]
        return list(dict.fromkeys(forms))[:limit]

    def suggest(
        self, fragment: str, limit: int = 8, include_private: bool = False
    ) -> list[SearchDocument]:
        """Titles, persons and subjects whose words start as the reader is typing."""
        from mura.search.query import parse

        # Words as the analyser splits them: "2)" or "a-" is no key prefix.
        words = text.words(fragment)
        if not words:
            return []
        head = parse(" ".join(words[:-1])).terms if len(words) > 1 else []
        prefixes = text.prefix_keys(words[-1])
        spelled = [prefix for prefix in prefixes if text.is_spelling(prefix)]
        engine = [prefix for prefix in prefixes if prefix not in spelled]
        forms = self.spelled_forms(spelled)
        if not (engine or forms):
            return []
        sql, params = self.prefix_sql(head, engine, 200, forms)
        where, where_params = self._filters_sql(
            Filters(include_private=include_private)
        )
        documents = list(
            SearchDocument.objects.raw(
                f"SELECT d.id, d.title, d.kind, d.url FROM {DOC} d WHERE d.id IN ({sql}) AND {where}",
                [*params, *where_params],
            )
        )
        first = prefixes[0][1:] if prefixes[0][:1].isdigit() else prefixes[0]

        def rank(document: SearchDocument) -> tuple:
            title = document.title.lower()
            return (
                document.kind not in ("person", "subject"),
                not title.startswith(first),
                len(title),
            )

        documents.sort(key=rank)
        unique, seen = [], set()
        for document in documents:
            if document.title.lower() not in seen:
                seen.add(document.title.lower())
                unique.append(document)
        return unique[:limit]
