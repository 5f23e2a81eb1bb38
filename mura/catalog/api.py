"""Read access to the union catalogue: only public records, never staff-only or on-site ones."""

from datetime import datetime
from typing import Annotated

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Field, FilterLookup, FilterSchema, Query, Router, Schema
from ninja.pagination import paginate

from mura.api.pagination import PageNumberPagination
from mura.api.params import Moment, ObjectId, SlugFilter, Text, one_of
from mura.catalog import holders
from mura.catalog.choices import Kind
from mura.catalog.models import Resource, Work

router = Router(tags=["resources"])
works_router = Router(tags=["works"])


class AgentOut(Schema):
    role: str
    name: str
    url: str


class HolderOut(Schema):
    institution: str
    name: str
    url: str


def holder_out(institution, build) -> dict:
    return {
        "institution": institution.slug,
        "name": institution.name,
        "url": build(institution.get_absolute_url()),
    }


def union_fields(resource: Resource, build) -> dict:
    """held_by, editions and work_url of a record (its UNION_PREFETCH read)."""
    work, editions = holders.work_of(resource)
    return {
        "held_by": [holder_out(i, build) for i in holders.held_by(resource)],
        "editions": editions,
        "work_url": build(reverse("api:get_work", args=[work.pk]))
        if work is not None and editions > 1
        else None,
    }


class ResourceOut(Schema):
    id: str
    url: str
    kind: str
    kind_label: str
    title: str
    other_title: str
    responsibility: str
    date: str
    year_from: int | None
    year_to: int | None
    language: str
    extent: str
    description: str
    reference_code: str
    inventory_number: str
    isbn: str
    institution: str
    institution_url: str
    parent: str | None
    agents: list[AgentOut]
    subjects: list[str]
    collections: list[str]
    iiif_manifest: str | None = Field(
        description="The IIIF Presentation 3 manifest of the record's public images"
    )
    held_by: list[HolderOut]
    editions: int
    work_url: str | None
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_id(obj: Resource) -> str:
        return obj.public_id

    @staticmethod
    def resolve_url(obj: Resource, context) -> str:
        return context["request"].build_absolute_uri(obj.get_absolute_url())

    @staticmethod
    def resolve_kind_label(obj: Resource) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_held_by(obj: Resource, context) -> list[dict]:
        return union_fields(obj, context["request"].build_absolute_uri)["held_by"]

    @staticmethod
    def resolve_editions(obj: Resource) -> int:
        return holders.work_of(obj)[1]

    @staticmethod
    def resolve_work_url(obj: Resource, context) -> str | None:
        return union_fields(obj, context["request"].build_absolute_uri)["work_url"]

    @staticmethod
    def resolve_date(obj: Resource) -> str:
        return obj.date_text

    @staticmethod
    def resolve_institution(obj: Resource) -> str:
        return obj.institution.slug

    @staticmethod
    def resolve_institution_url(obj: Resource, context) -> str:
        return context["request"].build_absolute_uri(obj.institution.get_absolute_url())

    @staticmethod
    def resolve_parent(obj: Resource) -> str | None:
        return obj.parent.public_id if obj.parent_id else None

    @staticmethod
    def resolve_agents(obj: Resource, context) -> list[dict]:
        build = context["request"].build_absolute_uri
        return [
            {
                "role": link.role,
                "name": link.agent.name,
                "url": build(link.agent.get_absolute_url()),
            }
            for link in obj.agents.all()
        ]

    @staticmethod
    def resolve_subjects(obj: Resource) -> list[str]:
        return [subject.name for subject in obj.subjects.all()]

    @staticmethod
    def resolve_collections(obj: Resource) -> list[str]:
        return [
            collection.slug
            for collection in obj.collections.all()
            if collection.is_public
        ]

    @staticmethod
    def resolve_iiif_manifest(obj: Resource, context) -> str | None:
        if not obj.public_images():
            return None
        manifest = reverse("iiif:manifest", args=[obj.public_id])
        return context["request"].build_absolute_uri(manifest)


def _public():
    return (
        Resource.objects.public()
        .select_related("institution", "parent")
        .prefetch_related(
            "agents__person",
            "agents__organisation",
            "subjects",
            "collections",
            "files",
            *holders.UNION_PREFETCH,
        )
    )


class ResourceFilters(FilterSchema):
    institution: Annotated[SlugFilter, FilterLookup("institution__slug")] = None
    kind: one_of(Kind) | None = None
    collection: Annotated[SlugFilter, FilterLookup("collections__slug")] = None
    subject: Annotated[ObjectId | None, FilterLookup("subjects")] = None
    updated_since: Annotated[Moment | None, FilterLookup("updated_at__gte")] = None


@router.get("", response=list[ResourceOut], summary="List public catalogue records")
@paginate(PageNumberPagination)
def list_resources(request: HttpRequest, filters: Query[ResourceFilters]):
    """Filter by institution slug, kind, collection slug, subject id and last change
    (ISO 8601). An edition held by several institutions is one result, its fullest
    record, with every holder in `held_by`; `institution` finds the records of that
    institution itself."""
    records = filters.filter(_public())
    if not filters.institution:
        records = records.one_per_edition()
    return records.order_by("-updated_at", "pk")


@router.get(
    "/{public_id}",
    response=ResourceOut,
    summary="One public catalogue record by its permanent id",
)
def get_resource(request: HttpRequest, public_id: Text):
    return get_object_or_404(_public(), public_id=public_id)


class CopyOut(Schema):
    shelfmark: str
    location: str
    status: str


class EditionHolderOut(HolderOut):
    record: str
    record_url: str
    copies: list[CopyOut]


class EditionOut(Schema):
    id: str
    url: str
    title: str
    other_title: str
    edition: str
    publisher: str
    year: int | None
    extent: str
    isbn: str
    language: str
    holdings: list[EditionHolderOut]


class WorkOut(Schema):
    id: int
    title: str
    editions: list[EditionOut]


@works_router.get(
    "/{work_id}", response=WorkOut, summary="A work's editions with their holdings"
)
def get_work(request: HttpRequest, work_id: ObjectId):
    """The editions that have a public record, oldest first; for each, every holding
    institution with its own record and copies."""
    build = request.build_absolute_uri
    work = get_object_or_404(Work, pk=work_id)
    rows = holders.work_editions(work)
    if not rows:
        raise Http404
    return {
        "id": work.pk,
        "title": work.title,
        "editions": [
            {
                "id": row.record.public_id,
                "url": build(row.record.get_absolute_url()),
                "title": row.record.title,
                "other_title": row.record.other_title,
                "edition": row.record.edition,
                "publisher": row.record.publisher,
                "year": row.record.year_from,
                "extent": row.record.extent,
                "isbn": row.record.isbn,
                "language": row.record.language,
                "holdings": [
                    {
                        **holder_out(holder.institution, build),
                        "record": holder.record.public_id,
                        "record_url": build(holder.record.get_absolute_url()),
                        "copies": [
                            {
                                "shelfmark": copy.shelfmark,
                                "location": copy.location,
                                "status": copy.status,
                            }
                            for copy in holder.copies
                        ],
                    }
                    for holder in row.holders
                ],
            }
            for row in rows
        ],
    }
