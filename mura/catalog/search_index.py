"""Catalogue records and the authority records readers look for by name, in the
search index. The catalogue reaches the index only through this module (its services
take ``indexing_deferred`` from here)."""

from collections.abc import Iterable

from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mura.catalog import holders
from mura.catalog.models import (
    Access,
    Collection,
    Kind,
    Language,
    Organisation,
    Person,
    Place,
    Resource,
    Subject,
)
from mura.search.backends import Filters as Filters  # re-exported
from mura.search.backends import Results
from mura.search.browsing import browse
from mura.search.indexing import language_independent
from mura.search.registry import (
    Entry,
    FacetValue,
    register,
    register_dependents,
    register_facet_labels,
    register_result_details,
)
from mura.search.services import document_index as document_index  # re-exported
from mura.search.services import documents_index as documents_index  # re-exported
from mura.search.services import indexing_deferred as indexing_deferred  # re-exported

# A record's searchable description beyond its title and creators, in reading order.
DESCRIPTION_FIELDS = (
    "responsibility",
    "date_text",
    "description",
    "notes",
    "provenance",
    "edition",
    "publisher",
    "publication_place",
    "series_title",
    "extent",
    "object_category",
    "material",
    "technique",
    "acquisition",
    "exhibition_history",
    "script",
)
IDENTIFIER_FIELDS = (
    "isbn",
    "issn",
    "inventory_number",
    "main_fund_number",
    "reference_code",
    "public_id",
)


def _names(authority) -> list[str]:
    return [
        name
        for name in (
            authority.name_kk,
            authority.name_ru,
            authority.name_en,
            *authority.variants,
        )
        if name
    ]


def _facet(name: str, authority) -> FacetValue:
    return FacetValue(
        name, str(authority.pk), authority.name_kk, authority.name_ru, authority.name_en
    )


def work_group(resource: Resource) -> str:
    """The collapse key of a record's search document: its work, so that a search
    shows a work once (its editions are a click away); "" without a work."""
    try:
        return f"work:{resource.edition_link.edition.work_id}"
    except ObjectDoesNotExist:
        return ""


def _edition_members(resource: Resource) -> list[Resource] | None:
    """The other records of the resource's edition, or None when another record of it
    is the edition's public description (then this one is not a result of its own)."""
    try:
        edition = resource.edition_link.edition
    except ObjectDoesNotExist:
        return []
    if edition.primary_id not in (None, resource.pk):
        return None
    return [
        link.resource
        for link in edition.links.all()
        if link.resource_id != resource.pk and not link.resource.is_deleted
    ]


def _holders(resource: Resource, others: list[Resource]) -> list[FacetValue]:
    """The public institutions whose public records describe the record's edition (the
    record's own first), as ``holder`` facet values: the browse page lists an edition
    under each of them."""
    found = {}
    for record in (resource, *others):
        institution = record.institution
        if (
            record.access == Access.PUBLIC
            and institution.is_public
            and institution.pk not in found
        ):
            found[institution.pk] = FacetValue(
                "holder",
                str(institution.pk),
                institution.name_kk,
                institution.name_ru,
                institution.name_en,
            )
    return list(found.values())


@language_independent
def build_resource(resource: Resource) -> Entry | None:
    if resource.is_deleted:
        return None
    others = _edition_members(resource)
    if others is None:
        return None
    agents = [agent for agent in resource.agents.all() if agent.agent is not None]
    subjects = list(resource.subjects.all())
    places = [link.place for link in resource.places.all()]
    collections = [
        collection for collection in resource.collections.all() if collection.is_public
    ]
    description = [getattr(resource, name) for name in DESCRIPTION_FIELDS]
    # One line per authority, its name forms joined as the creators' are: the result
    # shows the form in the reader's language (search's ``snippets``).
    description += [" · ".join(_names(subject)) for subject in subjects]
    description += [" · ".join(_names(place)) for place in places]
    identifiers = [getattr(resource, name) for name in IDENTIFIER_FIELDS]
    identifiers += [holding.barcode for holding in resource.holdings.all()]
    has_image = any(
        file.image_id and file.access == Access.PUBLIC for file in resource.files.all()
    )
    identifiers += [other.isbn for other in others]
    identifiers += [h.barcode for other in others for h in other.holdings.all()]
    return Entry(
        kind=resource.kind,
        title=" : ".join(
            part for part in (resource.title, resource.other_title) if part
        ),
        url=resource.get_absolute_url(),
        creators="\n".join(" · ".join(_names(agent.agent)) for agent in agents),
        body="\n".join(part for part in description if part),
        identifiers=[value for value in identifiers if value],
        institution_id=resource.institution_id,
        language=resource.language,
        year=resource.year_from,
        has_image=has_image,
        thumbnail=reverse("catalog:thumbnail", args=[resource.public_id])
        if has_image
        else "",
        is_public=resource.access == Access.PUBLIC,
        group=work_group(resource),
        facets=[
            *(_facet("person", agent.person) for agent in agents if agent.person_id),
            *(
                _facet("organisation", agent.organisation)
                for agent in agents
                if agent.organisation_id
            ),
            *_holders(resource, others),
            *(_facet("subject", subject) for subject in subjects),
            *(_facet("place", place) for place in places),
            *(
                FacetValue("collection", str(c.pk), c.title_kk, c.title_ru, c.title_en)
                for c in collections
            ),
        ],
    )


def build_authority(kind: str):
    @language_independent
    def build(authority) -> Entry:
        names = _names(authority)
        return Entry(
            kind=kind,
            title=str(authority),
            url=authority.get_absolute_url(),
            body="\n".join(
                part for part in (" · ".join(names[1:]), authority.note) if part
            ),
            boost=0.8,
        )

    return build


def records_reindex(ids: Iterable[int]) -> None:
    """Bring these records' documents in step once their edition changed (at the end
    of the enclosing ``indexing_deferred`` block, or now)."""
    with indexing_deferred():
        for pk in ids:
            document_index(instance=Resource(pk=pk))


def records_browse(filters: Filters, *, page: int, page_size: int) -> Results:
    """A page of the catalogue's public editions by title, with counts and facets,
    from the index (the browse page)."""
    return browse(filters, kinds=list(Kind.values), page=page, page_size=page_size)


def resources_of(lookup: str):
    def dependents(obj) -> Iterable[Resource]:
        return Resource.objects.filter(**{lookup: obj}).distinct()

    return dependents


register(
    Resource,
    build=build_resource,
    queryset=lambda: (
        Resource.objects.alive()
        .select_related("institution")
        .prefetch_related(
            "agents__person",
            "agents__organisation",
            "subjects",
            "places__place",
            "collections",
            "holdings",
            "files",
            "edition_link__edition__links__resource__holdings",
            "edition_link__edition__links__resource__institution",
        )
    ),
    kinds={kind.value: kind.label for kind in Kind},
)
for model, kind, label in (
    (Person, "person", _("Person")),
    (Subject, "subject", _("Subject")),
    (Place, "place", _("Place")),
    (Organisation, "organisation", _("Organisation")),
):
    register(
        model,
        build=build_authority(kind),
        queryset=model.objects.all,
        kinds={kind: label},
        names=True,
    )

register_dependents(Person, resources_of("agents__person"))
register_dependents(Organisation, resources_of("agents__organisation"))
register_dependents(Subject, resources_of("subjects"))
register_dependents(Place, resources_of("places__place"))
register_dependents(Collection, resources_of("collections"))
# The catalogue's list names every language a record can have ("mul", "zxx" too).
register_facet_labels("language", dict(Language.choices))


def union_details(ids: list[int], build) -> dict[int, dict]:
    """held_by, editions and work_url of catalogue results in the search API."""
    records = (
        Resource.objects.filter(pk__in=ids)
        .select_related("institution")
        .prefetch_related(*holders.UNION_PREFETCH)
    )
    details = {}
    for record in records:
        work, editions = holders.work_of(record)
        details[record.pk] = {
            "held_by": [
                {
                    "institution": i.slug,
                    "name": i.name,
                    "url": build(i.get_absolute_url()),
                }
                for i in holders.held_by(record)
            ],
            "editions": editions,
            "work_url": build(reverse("api:get_work", args=[work.pk]))
            if work is not None and editions > 1
            else None,
        }
    return details


register_result_details(Resource, union_details)
