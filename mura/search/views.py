from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from mura.search import analysis, selectors
from mura.search.backends import FACETS
from mura.search.query import MAX_LENGTH
from mura.search.services import query_log

FACET_TITLES = (
    "kind",
    "institution",
    "collection",
    "language",
    "subject",
    "person",
    "place",
    "tag",
    "decade",
)


def _filters_text(request: HttpRequest) -> str:
    """The filters of a search, for the log (facet values are public ids, not people)."""
    pairs = [
        (name, value)
        for name in (*FACETS, "year_from", "year_to")
        for value in request.GET.getlist(name)
        if value
    ]
    return urlencode(pairs)


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    params = request.GET
    # Read as the engine reads it, so the correction and the log cost no more.
    raw = analysis.reader_text(params.get("q", ""), MAX_LENGTH)
    browsing = any(params.getlist(name) for name in (*FACETS, "year_from", "year_to"))
    context: dict = {
        "query": raw,
        "sort": params.get("sort", "relevance"),
        "searched": bool(raw or browsing),
    }
    if context["searched"]:
        query, filters, results = selectors.run(params)
        pages = Paginator(range(results.count), results.page_size).get_page(
            results.page
        )
        context.update(
            results=results,
            rows=selectors.rows(query, results),
            page_obj=pages,
            extra_query=urlencode(
                [(k, v) for k, values in params.lists() if k != "page" for v in values]
            ),
            facets=[
                (name, results.facets.get(name, []))
                for name in FACET_TITLES
                if results.facets.get(name)
            ],
            filters=filters,
            selected_count=sum(len(v) for v in filters.selected().values())
            + (filters.year_from is not None)
            + (filters.year_to is not None),
            did_you_mean=selectors.did_you_mean(raw, results) if raw else None,
        )
        if raw and results.page == 1:
            query_log(
                query=raw,
                filters=_filters_text(request),
                result_count=results.count,
                took_ms=results.took_ms,
                source="page",
            )
    template = "search/includes/results.html" if request.htmx else "search/index.html"
    return render(request, template, context)


@require_GET
def suggest(request: HttpRequest) -> HttpResponse:
    """Titles, persons and subjects as the reader types (JSON, or a list for htmx)."""
    items = selectors.suggestions(request.GET.get("q", ""))
    if request.htmx:
        return render(request, "search/suggestions.html", {"items": items})
    return JsonResponse({"suggestions": items})
