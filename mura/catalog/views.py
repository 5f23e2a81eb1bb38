from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Q,
)
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mura.catalog import archival, covers, display, holders, selectors
from mura.catalog.choices import Access, AgentRole, KindGroup
from mura.catalog.models import (
    Collection,
    Organisation,
    Person,
    Place,
    Resource,
    ResourceAgent,
    Subject,
    Work,
)
from mura.catalog.seo import resource_jsonld
from mura.portal.content_version import content_cached
from mura.portal.seo import Crumb, jsonld_script

PER_PAGE = 20


def _trail(*crumbs: Crumb) -> list[Crumb]:
    """Breadcrumbs that start at the catalogue."""
    return [Crumb(_("Catalogue"), reverse("catalog:index")), *crumbs]


def _page(request: HttpRequest, queryset, per_page: int = PER_PAGE):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def browse(request: HttpRequest) -> HttpResponse:
    filters = selectors.read_filters(request.GET)
    # Each edition once, with every library holding it, from the search index.
    found = selectors.browse(filters, request.GET.get("page"), PER_PAGE)
    return TemplateResponse(
        request,
        "catalog/browse.html",
        {
            "page_obj": found.page,
            "records": found.records,
            "estimated": found.estimated,
            "facets": found.facets,
            "filters": filters,
            "extra_query": urlencode(filters),
            "collections": Collection.objects.public().filter(parent=None)[:6],
        },
    )


def item(request: HttpRequest, public_id: str) -> HttpResponse:
    resource = get_object_or_404(
        Resource.objects.select_related(
            "institution", "parent__parent__parent"
        ).prefetch_related(
            "agents__person",
            "agents__organisation",
            "places__place",
            "subjects",
            "holdings",
            "files__image",
            "files__document",
        ),
        public_id=public_id,
    )
    if resource.is_deleted:
        return TemplateResponse(
            request, "catalog/gone.html", {"resource": resource}, status=410
        )
    if resource.access != Access.PUBLIC or not resource.institution.is_public:
        raise Http404(_("This record is not open to the public."))
    url = request.build_absolute_uri(resource.get_absolute_url())
    holder_list = (
        holders.edition_holders(resource) if resource.group == KindGroup.LIBRARY else []
    )
    files = [file for file in resource.files.all() if file.access == Access.PUBLIC]
    images = [file for file in files if file.image_id]
    children = resource.children.public().order_by(
        "sequence", "reference_code", "title"
    )
    return TemplateResponse(
        request,
        "catalog/item.html",
        {
            "resource": resource,
            "fields": display.record_fields(resource),
            "trail": _trail(
                Crumb(
                    str(resource.institution),
                    reverse("catalog:index")
                    + "?"
                    + urlencode({"institution": resource.institution.slug}),
                ),
                *(
                    Crumb(
                        archival.shelfmark(ancestor.reference_code)
                        or Truncator(ancestor.title).chars(40),
                        ancestor.get_absolute_url(),
                    )
                    for ancestor in resource.ancestors()
                ),
                Crumb(Truncator(resource.title).chars(60)),
            ),
            "children_page": _page(request, children, 50)
            if resource.is_archival
            else None,
            "agents": resource.agents.all(),
            "places": resource.places.all(),
            "subjects": resource.subjects.all(),
            "collections": resource.collections.public(),
            "holders": holder_list,
            "work": holders.work_summary(resource)
            if resource.group == KindGroup.LIBRARY
            else None,
            "images": images,
            "documents": [file for file in files if file.document_id],
            # The same for every reader until the catalogue changes.
            "related": content_cached(
                f"related-records:{resource.pk}",
                lambda: list(selectors.related_resources(resource)),
            ),
            "how_to_see": display.how_to_see(resource),
            "request_subject": display.request_subject(resource),
            "cite_gost": display.cite_gost(resource, url),
            "cite_plain": display.cite_plain(resource, url),
            "permanent_url": url,
            "jsonld": jsonld_script(
                resource_jsonld(
                    resource,
                    request.build_absolute_uri,
                    [
                        request.build_absolute_uri(
                            f.image.get_rendition("max-960x960").url
                        )
                        for f in images
                    ],
                )
            ),
        },
    )


def compare(request: HttpRequest) -> HttpResponse:
    """Two records' images side by side (?a= and ?b=, permanent identifiers); ?with= names
    the records offered for the second place (an exhibition's), else the holder's."""
    first_id, second_id = request.GET.get("a", ""), request.GET.get("b", "")
    among = [
        public_id for public_id in request.GET.get("with", "").split(",") if public_id
    ]
    records = selectors.comparable([first_id, second_id])
    first = records.get(first_id)
    if first is None:
        raise Http404(_("Choose a public record with images to compare."))
    second = records.get(second_id) if second_id != first_id else None
    return TemplateResponse(
        request,
        "catalog/compare.html",
        {
            "pair": [record for record in (first, second) if record],
            "first": first,
            "second": second,
            "candidates": selectors.compare_candidates(first, among),
            "among": ",".join(among),
            "trail": _trail(Crumb(_("Compare two objects"))),
        },
    )


def work(request: HttpRequest, pk: int) -> HttpResponse:
    """A work's editions by year, each with the libraries that hold it."""
    found = get_object_or_404(Work, pk=pk)
    rows = holders.work_editions(found)
    if not rows:
        raise Http404(_("This work has no public edition."))
    libraries = {holder.institution.pk for row in rows for holder in row.holders}
    first = rows[0].record
    return TemplateResponse(
        request,
        "catalog/work.html",
        {
            "work": found,
            "rows": rows,
            "libraries": len(libraries),
            "agents": first.agents.all(),
            "trail": _trail(Crumb(Truncator(found.title).chars(60))),
        },
    )


def cover(request: HttpRequest, public_id: str) -> HttpResponse:
    """The generated cover of a public record; its address carries the version."""
    resource = get_object_or_404(
        Resource.objects.public()
        .select_related("institution")
        .prefetch_related("agents__person", "agents__organisation"),
        public_id=public_id,
    )
    response = HttpResponse(covers.cover_bytes(resource), content_type="image/png")
    if request.GET.get("v") == covers.cover_version(resource):
        response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


def thumbnail(request: HttpRequest, public_id: str) -> HttpResponse:
    """The small picture of a public record's first public image (search results link
    here, so the rendition is made when first shown, never while indexing)."""
    resource = get_object_or_404(Resource.objects.public(), public_id=public_id)
    file = (
        resource.files.filter(access=Access.PUBLIC, image__isnull=False)
        .select_related("image")
        .order_by("sort_order")
        .first()
    )
    if file is None:
        raise Http404
    response = redirect(file.image.get_rendition("fill-320x240").url)
    response["Cache-Control"] = "public, max-age=86400"
    return response


def collection_list(request: HttpRequest) -> HttpResponse:
    collections = (
        Collection.objects.public()
        .filter(parent=None)
        .select_related("cover_image")
        .annotate(
            count=Count("resources", filter=Q(resources__in=Resource.objects.public()))
        )
    )
    return TemplateResponse(
        request,
        "catalog/collection_list.html",
        {"collections": collections, "trail": _trail(Crumb(_("Collections")))},
    )


def collection_detail(request: HttpRequest, slug: str) -> HttpResponse:
    collection = get_object_or_404(
        Collection.objects.public().select_related("cover_image", "parent"), slug=slug
    )
    resources = (
        Resource.objects.public()
        .filter(collections=collection)
        .for_listing()
        .order_by("title", "pk")
    )
    return TemplateResponse(
        request,
        "catalog/collection_detail.html",
        {
            "collection": collection,
            "trail": _trail(
                Crumb(_("Collections"), reverse("catalog:collections")),
                *(
                    Crumb(ancestor.title, ancestor.get_absolute_url())
                    for ancestor in collection.ancestors()
                ),
                Crumb(collection.title),
            ),
            "subcollections": collection.subcollections.public(),
            "page_obj": _page(request, resources),
        },
    )


# The orders of an authority's records by date and title: (value, label, ordering).
AUTHORITY_SORTS = (
    (
        "-date",
        gettext_lazy("Newest first"),
        (F("year_from").desc(nulls_last=True), "title"),
    ),
    (
        "date",
        gettext_lazy("Oldest first"),
        (F("year_from").asc(nulls_last=True), "title"),
    ),
    ("title", gettext_lazy("By title"), ("title", "pk")),
)
# A person's or body's own works (as author, maker, photographer, creator of a fonds)
# come before the records they edited, compiled or appear in otherwise.
CREATOR_ROLES = (
    AgentRole.AUTHOR,
    AgentRole.MAKER,
    AgentRole.PHOTOGRAPHER,
    AgentRole.FONDS_CREATOR,
)


def _relevance(role_lookup: str, authority) -> tuple:
    """By relevance, as a catalogue's author page orders: the authority's own works
    first, then the rest; newest first within each."""
    created = Exists(
        ResourceAgent.objects.filter(
            resource=OuterRef("pk"),
            role__in=CREATOR_ROLES,
            **{role_lookup: authority},
        )
    )
    return (
        created.desc(),
        *AUTHORITY_SORTS[0][2],
    )


def _authority(
    request: HttpRequest, model, pk: int, lookup: str, role_lookup: str | None
) -> HttpResponse:
    authority = get_object_or_404(model, pk=pk)
    sorts = list(AUTHORITY_SORTS)
    if role_lookup:
        relevance = _relevance(role_lookup, authority)
        sorts.insert(0, ("relevance", gettext_lazy("By relevance"), relevance))
    orderings = {value: ordering for value, _label, ordering in sorts}
    sort = request.GET.get("sort", "")
    if sort not in orderings:
        sort = sorts[0][0]
    resources = (
        Resource.objects.public()
        .filter(**{lookup: authority})
        .distinct()
        .for_listing()
        .order_by(*orderings[sort], "pk")
    )
    roles = []
    if role_lookup:
        values = (
            ResourceAgent.objects.filter(
                **{role_lookup: authority}, resource__in=Resource.objects.public()
            )
            .values_list("role", flat=True)
            .distinct()
        )
        choices = dict(AgentRole.choices)
        roles = [str(choices.get(value, value)) for value in values]
    return TemplateResponse(
        request,
        "catalog/authority.html",
        {
            "authority": authority,
            "trail": _trail(Crumb(authority.name)),
            "authority_type": model._meta.verbose_name,
            "roles": roles,
            "page_obj": _page(request, resources),
            "sorts": [(value, label) for value, label, _ordering in sorts],
            "sort": sort,
            "sort_query": urlencode({"sort": sort}),
            "authority_is_person": model is Person,
            "browse_query": urlencode({model._meta.model_name: authority.pk}),
        },
    )


def person(request: HttpRequest, pk: int) -> HttpResponse:
    return _authority(request, Person, pk, "agents__person", "person")


def organisation(request: HttpRequest, pk: int) -> HttpResponse:
    return _authority(request, Organisation, pk, "agents__organisation", "organisation")


def place(request: HttpRequest, pk: int) -> HttpResponse:
    return _authority(request, Place, pk, "places__place", None)


def subject(request: HttpRequest, pk: int) -> HttpResponse:
    return _authority(request, Subject, pk, "subjects", None)
