# ruff: noqa: S608 - SQL is assembled from constants and placeholders; values are parameters.
"""Browsing the index: the documents of some kinds with filters and no query, in title
order, counted and faceted as a search is (``FacetCounter``). Each document stands for
itself: a catalogue record's document is one edition, with every holder among its
facet values, so nothing is collapsed into its work as a search's results are."""

import time

from django.db import connection

from mura.search.backends import Filters, Hit, Results, get_backend
from mura.search.backends.compiler import placeholders
from mura.search.models import SearchDocument
from mura.search.tables import DOCUMENT


def browse(
    filters: Filters, *, kinds: list[str], page: int = 1, page_size: int = 20
) -> Results:
    """One page of the documents of ``kinds`` passing ``filters``, by title, with the
    facets of all of them (from an even sample when there are very many, as a search's:
    ``Results.count_estimated``)."""
    started = time.perf_counter()
    backend = get_backend()
    scope = f"d.kind IN ({placeholders(kinds)})"
    source = (f"SELECT d.id, 0.0 AS score FROM {DOCUMENT} d WHERE {scope}", kinds)
    # Nothing is collapsed: each document is its own entry.
    sample, scale, _hidden = backend.counter.sample(*source, False, lambda _grouped: [])
    tally = backend.counter.count(sample, filters)
    count = round(tally.passed * scale)
    if scale != 1 and not count:
        # Filters too rare for the sample: every document passing them, counted exactly.
        tally, scale = backend.counter.every_match(source, filters), 1
        count = tally.passed
    pages = max(1, -(-count // page_size))
    page = min(max(page, 1), pages)
    where, params = backend.compiler.filters_sql(filters)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT d.id FROM {DOCUMENT} d WHERE {scope} AND {where} "
            "ORDER BY d.title, d.id LIMIT %s OFFSET %s",
            [*kinds, *params, page_size, (page - 1) * page_size],
        )
        ids = [row[0] for row in cursor.fetchall()]
    documents = SearchDocument.objects.only(
        "id", "object_id", "kind", "institution_id"
    ).in_bulk(ids)
    results = Results(
        count=count,
        hits=[Hit(documents[pk], 0.0) for pk in ids if pk in documents],
        facets=backend.counter.facets(tally, filters, scale) if count else {},
        page=page,
        page_size=page_size,
        count_estimated=scale != 1,
        facets_estimated=scale != 1,
    )
    results.took_ms = round((time.perf_counter() - started) * 1000)
    return results
