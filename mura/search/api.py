"""GET /api/v1/search: the search page as JSON (results, facets with counts, timing)."""

from typing import Annotated, Literal
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from django.utils import translation
from ninja import Query, Router
from pydantic import Field

from mura.api.pagination import page_not_found
from mura.api.params import LongText, Text
from mura.api.schemas import PlainSchema
from mura.search import selectors
from mura.search.registry import result_details
from mura.search.services import query_log

router = Router(tags=["search"])
# The page reads at most 20 values of a facet; a year is a year of the catalogue's dates.
Facet = Annotated[list[Text] | None, Query(None, max_length=20)]
Year = Annotated[int, Field(ge=-9999, le=9999)]


class HolderOut(PlainSchema):
    institution: str
    name: str
    url: str


class ResultOut(PlainSchema):
    id: int
    url: str
    kind: str
    kind_label: str
    title: str
    snippet: str = Field(
        description="The text around the match; matched words in <mark>."
    )
    creators: str
    institution: str
    language: str = Field(
        description="The language of the title and snippet (kk, ru, en, or the "
        "record's language code)."
    )
    untranslated: bool = Field(
        description="A translated page shown in its original: it has no translation "
        "in the language asked for."
    )
    year: int | None
    date: str | None
    has_image: bool
    thumbnail: str | None = Field(
        description="The address of a small picture of the record, where it has one."
    )
    held_by: list[HolderOut] | None = Field(
        None, description="Catalogue results: every institution holding the edition."
    )
    editions: int | None = Field(
        None, description="Catalogue results: editions of the same work."
    )
    work_url: str | None = Field(
        None, description="Catalogue results: the work, when it has several editions."
    )


def _details(rows, build) -> dict[tuple[int, int], dict]:
    """Each app's extra fields of its results, one call per content type."""
    ids: dict[int, list[int]] = {}
    for row in rows:
        ids.setdefault(row.document.content_type_id, []).append(row.document.object_id)
    found = {}
    for content_type_id, object_ids in ids.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        details = result_details(model) if model else None
        for object_id, fields in (
            details(object_ids, build) if details else {}
        ).items():
            found[content_type_id, object_id] = fields
    return found


class FacetOut(PlainSchema):
    value: str
    label: str
    count: int


class SearchOut(PlainSchema):
    count: int
    count_estimated: bool
    next: str | None
    previous: str | None
    results: list[ResultOut]
    facets: dict[str, list[FacetOut]]
    facets_estimated: bool
    #: the query as the reader likely meant it (properly spelt Kazakh, a typo fixed)
    did_you_mean: str | None
    took_ms: int


@router.get("", response=SearchOut, summary="Search the catalogue, news and events")
def search(
    request: HttpRequest,
    q: LongText = "",
    kind: Facet = None,
    institution: Facet = None,
    collection: Facet = None,
    language: Facet = None,
    subject: Facet = None,
    person: Facet = None,
    place: Facet = None,
    decade: Facet = None,
    tag: Facet = None,
    year_from: Year | None = None,
    year_to: Year | None = None,
    sort: Literal["relevance", "date", "title"] = "relevance",
    page: int = Query(1, ge=1, le=selectors.MAX_PAGE),
    lang: Literal["kk", "ru", "en"] | None = Query(
        None,
        description="The reader's language (else Accept-Language): each translated "
        "page is one result, in this language where it has it, and every `url` is "
        "under this language's address.",
    ),
):
    """Same query syntax and facets as the search page; each facet may be repeated."""
    with translation.override(lang or translation.get_language()):
        query, _, results = selectors.run(request.GET)
        if page > max(results.num_pages, 1):
            raise page_not_found(page, results.num_pages)
        rows = selectors.rows(query, results)
        details = _details(rows, request.build_absolute_uri)

    def page_url(number: int) -> str:
        params = [
            (k, v) for k, values in request.GET.lists() if k != "page" for v in values
        ]
        return request.build_absolute_uri(
            f"{request.path}?{urlencode([*params, ('page', number)])}"
        )

    if q and results.page == 1:
        query_log(
            query=q,
            filters=urlencode(
                [
                    (k, v)
                    for k, values in request.GET.lists()
                    if k not in ("q", "page")
                    for v in values
                ]
            ),
            result_count=results.count,
            took_ms=results.took_ms,
            source="api",
        )
    return {
        "count": results.count,
        "count_estimated": results.count_estimated,
        "next": page_url(results.page + 1)
        if results.page < results.num_pages
        else None,
        "previous": page_url(results.page - 1) if results.page > 1 else None,
        "results": [
            {
                "id": row.document.object_id,
                "url": request.build_absolute_uri(row.url),
                "kind": row.document.kind,
                "kind_label": row.kind_label,
                "title": row.document.title,
                "snippet": str(row.snippet),
                "creators": str(row.creators),
                "institution": row.institution,
                "language": row.document.language,
                "untranslated": row.untranslated,
                "year": row.document.year,
                "date": row.document.date.isoformat() if row.document.date else None,
                "has_image": row.document.has_image,
                "thumbnail": request.build_absolute_uri(row.document.thumbnail)
                if row.document.thumbnail
                else None,
                **details.get(
                    (row.document.content_type_id, row.document.object_id), {}
                ),
            }
            for row in rows
        ],
        "facets": {
            name: [
                {"value": f.value, "label": str(f.label), "count": f.count}
                for f in values
            ]
            for name, values in results.facets.items()
        },
        "facets_estimated": results.facets_estimated,
        "did_you_mean": selectors.did_you_mean(query.raw, results)
        if query.raw
        else None,
        "took_ms": results.took_ms,
    }
