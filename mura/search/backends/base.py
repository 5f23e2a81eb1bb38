# ruff: noqa: S608 - SQL is assembled from constants and placeholders; values are parameters.
"""One interface over every search engine: ``search(query, filters, sort, page)``.

A backend only knows how to turn a parsed query into "matching ids with a score"
(``match_sql``), how to find key prefixes and how to list its vocabulary, and how to
pause its upkeep during a full rebuild. Filters, ordering and paging are plain SQL over
SearchDocument (``compiler``), facets are counted in Python from one row per (sampled)
match (``facets``); all of it is shared, so SQLite FTS5 and PostgreSQL behave the same.
An OpenSearch backend would implement ``search`` itself (see docs/SEARCH.md).
"""

import time
from collections.abc import Iterable

from django.db import connection

from mura.portal.translation import current_language
from mura.search.backends import spelling
from mura.search.backends.compiler import SQL, QueryCompiler
from mura.search.backends.facets import FacetCounter
from mura.search.backends.options import SearchOptions
from mura.search.backends.results import Filters, Hit, Results
from mura.search.backends.suggest import suggest
from mura.search.models import SearchDocument
from mura.search.query import ParsedQuery, Term
from mura.search.tables import DOCUMENT, FACET_LABEL
from mura.search.vocabulary import vocabulary

#: document columns a page of results does not show or highlight from
UNSHOWN = ("creator_keys", "id_keys", "facet_values", "indexed_at")
#: Secondary indexes a full rebuild drops while the rows pour in and builds once at the
#: end (docs/PERFORMANCE.md).
DEFERRED_INDEXES = {
    "search_doc_public_kind": (DOCUMENT, "is_public, kind"),
    "mura_search_searchdocument_institution_id_53ab9dc6": (DOCUMENT, "institution_id"),
}


def in_language(
    documents: dict[int, SearchDocument], language: str
) -> dict[int, SearchDocument]:
    """The documents with each grouped one in another language replaced by its group's
    public member in ``language``, where there is one (a page whose Russian
    translation did not match a Kazakh query is still shown in Russian to a Russian
    reader)."""
    elsewhere = {
        document.group_key: pk
        for pk, document in documents.items()
        if document.group_key and document.language != language
    }
    if elsewhere:
        for member in SearchDocument.objects.defer(*UNSHOWN).filter(
            group_key__in=elsewhere, language=language, is_public=True
        ):
            documents[elsewhere[member.group_key]] = member
    return documents


class SearchBackend:
    vendor = ""
    #: how counting and ranking reach a candidate's document (all but its texts): a
    #: join that keeps the candidates as the outer loop (the planner knows nothing of
    #: how few they are)
    narrow_join = f"JOIN {DOCUMENT} d"
    #: indexes a full rebuild drops first and builds last
    deferred_indexes = DEFERRED_INDEXES
    #: stores a (Latin spelling, exact form) pair unless it is stored already
    spelling_insert = ""
    #: an aggregate of ``id`` into one value the driver hands over at once
    ids_aggregate = "array_agg(id)"

    def __init__(self, options: SearchOptions | None = None) -> None:
        self.options = options or SearchOptions.from_settings()
        self.compiler = QueryCompiler(self, self.options)
        self.counter = FacetCounter(self, self.compiler, self.options)

    # Engine-specific parts -------------------------------------------------------
    def match_sql(self, query: ParsedQuery, scored: bool = True) -> SQL:
        """``SELECT id, score FROM ...`` for the query's words; lower score is better.

        ``scored=False`` may return a constant score: counting and facets need no rank."""
        raise NotImplementedError

    def title_match_sql(self, query: ParsedQuery) -> SQL | None:
        """Like ``match_sql`` over titles and creators only, when the engine keeps them
        apart and the query allows it (no exclusions, identifiers or other fields)."""
        return None

    def name_match_sql(self, query: ParsedQuery) -> SQL:
        """``SELECT id, score`` of the documents with every word of the query in their
        title (lower score is better: short titles first)."""
        raise NotImplementedError

    def identifier_sql(self, keys: list[str]) -> SQL:
        """``SELECT id FROM ...`` of the records carrying one of these identifier keys
        (identifiers, and the facet values' ``facet_key``)."""
        raise NotImplementedError

    def prefix_sql(
        self, terms: list[Term], prefixes: list[str], limit: int, forms: list[str]
    ) -> SQL:
        """``SELECT id FROM ...``: titles with the words and a word starting with one of
        ``prefixes`` or being one of ``forms``."""
        raise NotImplementedError

    def ids_sql(self, ids: list[int]) -> SQL:
        """``SELECT id`` of a list of ids, as one parameter."""
        raise NotImplementedError

    @staticmethod
    def ids_read(value) -> list[int]:
        """The ids in a value of ``ids_aggregate`` (None when it had no rows)."""
        return value or []

    def engine_vocabulary(self) -> dict[str, int]:
        """Every key the engine stores with the number of documents holding it."""
        raise NotImplementedError

    def engine_pause(self, cursor) -> None:
        """Stop the engine's per-row upkeep before a full rebuild."""
        raise NotImplementedError

    def engine_empty(self, cursor) -> None:
        """Empty what the engine keeps beside the documents (after they are deleted)."""

    def engine_resume(self, cursor) -> None:
        """Index every document at once and resume per-row upkeep (a rebuild's end)."""
        raise NotImplementedError

    # Shared -------------------------------------------------------------------------
    def resolve(self, query: ParsedQuery) -> ParsedQuery:
        return spelling.resolve(query)

    def title_terms(self, terms: list[Term]) -> list[Term]:
        """The words of ``terms``, resolved, to be matched in titles only."""
        resolved = self.resolve(ParsedQuery(raw="", terms=terms)).terms
        return [
            Term(term.text, term.exact, term.keys, "title_keys") for term in resolved
        ]

    def spellings_add(self, pairs: set[tuple[str, str]]) -> None:
        spelling.spellings_add(self.spelling_insert, pairs)

    def vocabulary(self) -> dict[str, int]:
        return spelling.vocabulary(self.engine_vocabulary())

    def vocabulary_of(self, keys: Iterable[str]) -> dict[str, int]:
        """Those of ``keys`` that are in ``vocabulary``, with their document counts,
        from the whole vocabulary read once and held by this process."""
        indexed = vocabulary.keys(self.vocabulary)
        return {key: indexed[key] for key in keys if key in indexed}

    def holds(self, key: str) -> bool:
        """Whether some document has this key (as the engine stores it)."""
        query = ParsedQuery(raw=key, terms=[Term(key, key, frozenset([key]))])
        sql, params = self.match_sql(query, scored=False)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT 1 FROM ({sql}) m LIMIT 1", params)
            return cursor.fetchone() is not None

    def suggest(
        self, fragment: str, limit: int = 8, include_private: bool = False
    ) -> list[SearchDocument]:
        return suggest(self, fragment, limit, include_private)

    def rebuild_begin(self) -> None:
        """Empty the index before a full rebuild; the engine's upkeep and the deferred
        indexes wait for ``rebuild_end`` (one build at the end is much cheaper than
        upkeep per row)."""
        with connection.cursor() as cursor:
            self.engine_pause(cursor)
            cursor.execute(f"DELETE FROM {FACET_LABEL}")
            cursor.execute(f"DELETE FROM {DOCUMENT}")
            self.engine_empty(cursor)
        self.indexes_defer()
        spelling.spellings_forget()

    def rebuild_end(self) -> None:
        """Finish a full rebuild (build what ``rebuild_begin`` paused)."""
        self.indexes_build()
        with connection.cursor() as cursor:
            self.engine_resume(cursor)

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

    def search(
        self,
        query: ParsedQuery,
        filters: Filters | None = None,
        sort: str = "relevance",
        page: int = 1,
        page_size: int | None = None,
        facets: bool = True,
        language: str = "",
    ) -> Results:
        """One page of results for a reader of ``language`` (the active one by
        default): of each group of documents (a page's translations) the match in
        that language stands for the others, in the counts and facets as well."""
        started = time.perf_counter()
        language = language or current_language()
        compiler, counter = self.compiler, self.counter
        page_size = page_size or self.options.page_size
        filters = filters or Filters()
        query = self.resolve(query)  # once: the spelling table is read here only
        pinned = compiler.pinned(query, filters)
        only = compiler.phrase_matches(query, filters) if query.phrases else None
        where = compiler.filters_sql(filters)
        sample, scale, hidden = counter.sample(
            *compiler.source(query, pinned, only, scored=False),
            bool(pinned),
            lambda grouped: compiler.collapsed(grouped, where, language),
        )
        pinned = [pk for pk in pinned if pk not in hidden]
        plain = compiler.source(query, pinned, only, scored=False, hidden=hidden)
        tally = counter.count(sample, filters)
        count = round(tally.passed * scale)
        if scale != 1 and not count:
            # Filters too rare for the sample: every match passing them, counted exactly
            # (their facets then only show the selected values).
            tally, scale = counter.every_match(plain, filters), 1
            count = tally.passed
        offset = (max(page, 1) - 1) * page_size
        # Relevance: the engine's best ``rerank`` matches are re-ranked with the boosts
        # and filtered, instead of joining every match (docs/PERFORMANCE.md).
        rerank = self.options.rerank
        top = (
            rerank
            if sort == "relevance" and query.terms and offset + page_size <= rerank // 2
            else None
        )
        # Words found in many titles: the best title and creator matches are enough
        # for the first pages, and far fewer to rank than every match of the text.
        relevance = sort == "relevance" and count and query.terms and only is None
        best = compiler.title_best(query, count) if relevance else None
        titles = compiler.title_tier(best) if top and only is None else None
        # Known items first: among the best title matches just read, if there were
        # many matches (the title tier), else among the few title matches.
        known_items = (
            compiler.known_items(query, where, hidden, best) if relevance else None
        )
        rows = compiler.page(
            query,
            pinned,
            only,
            sort,
            where,
            offset,
            page_size,
            top,
            titles,
            hidden=hidden,
            known_items=known_items,
        )
        if top and len(rows) < page_size and count > offset + len(rows):
            rows = compiler.page(
                query,
                pinned,
                only,
                sort,
                where,
                offset,
                page_size,
                None,
                hidden=hidden,
                known_items=known_items,
            )
        documents = SearchDocument.objects.defer(*UNSHOWN).in_bulk(
            [row[0] for row in rows]
        )
        if not filters.language or language in filters.language:
            documents = in_language(documents, language)
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
            results.facets = counter.facets(tally, filters, scale)
            results.facets_estimated = scale != 1
        results.took_ms = round((time.perf_counter() - started) * 1000)
        return results
